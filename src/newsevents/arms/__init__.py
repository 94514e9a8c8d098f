"""Arms transfers: weapon-system mentions in an article -> ``ArmsTransfer`` records.

Researchers who compile transfer registers by hand need each reported deal as one record with
its parties, system, quantity, value and status, and the sentences that say so. The reading is
deliberately syntactic and conservative: a system only becomes a deal when a transfer word
(sell, deliver, purchase, contract...) governs it, the parties come from that word's arguments,
then from the system's origin and the other countries in the sentence, then from the rest of
the article. Weapons that are fired, paraded or tested are no deal.

The stages, in the order data flows: ``weapons`` (the catalogue: systems, their variants and
generic phrases), ``lexicon`` (deal words), ``mentions`` (systems in the text, anaphors and
designations resolved), ``governor`` (the transfer word a mention depends on, or why it has
none: a use, a statistic, a question), ``sentence`` (what one sentence says about one
mention, a ``reading``: ``parties``, ``status`` with ``denials``, ``amounts``),
``filling`` (the parties a sentence left open, from the article), ``records`` (one record per
deal, unnamed weapons folded into named ones, ``replacements`` linked), ``deployments``
(a bought system its buyer has deployed was delivered). ``countries`` and
``syntax`` serve them. This module runs them as a spaCy component. All words live in
``data/en/arms/*.tsv``; docs/arms.md says what each status means and how well it is read.
"""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from newsevents.arms.amounts import by_sentence, read_values
from newsevents.arms.countries import Countries
from newsevents.arms.deployments import mark_deployed
from newsevents.arms.filling import fill_parties, listed, name_unnamed
from newsevents.arms.governor import blocked, governor, served, talks_deals, used
from newsevents.arms.lexicon import Lexicon
from newsevents.arms.mentions import Mention, find_mentions
from newsevents.arms.reading import Reading
from newsevents.arms.records import deal_id, doc_id_of, merge
from newsevents.arms.sentence import read
from newsevents.arms.status_features import deal_features
from newsevents.events import Lexicon as SpeechLexicon
from newsevents.models import ArmsTransfer
from newsevents.tables import data_path
from newsevents.weapons import DATA_DIR, Catalogue

__all__ = ["DATA_DIR", "ArmsComponent", "Catalogue", "Lexicon", "deal_id", "deals_for_doc"]


def deals_for_doc(
    doc: Doc, catalogue: Catalogue | None = None, lex: Lexicon | None = None,
    status_features: dict[str, list[str]] | None = None,
) -> list[ArmsTransfer]:
    """Every transfer the article reports, one record per supplier-recipient-system. Given
    ``status_features``, each deal's strings for a status model (``status_features``) are
    put there under its id, for ``bench/arms_status_model.py``."""
    if not doc.has_annotation("SENT_START"):
        return []  # no parse to read (an empty text, or a pipeline without a parser)
    catalogue, lex = catalogue or Catalogue.load(), lex or Lexicon.load()
    countries = Countries(doc)
    speech = SpeechLexicon.load()
    readings: list[Reading] = []
    echoes: list[Mention] = []  # named systems in a deal-talking sentence, without a deal word
    mentions = find_mentions(doc, catalogue, lex, countries)
    for mention in mentions:
        trigger = governor(mention, lex)
        rule = lex.trigger(trigger) if trigger is not None else None
        if trigger is None or rule is None:
            if mention.system.name and talks_deals(mention.sent, lex) and not served(mention):
                echoes.append(mention)
            continue
        if blocked(trigger, rule, mention, lex):
            continue
        readings.extend(read(mention, trigger, rule, lex, countries, speech))
    for sent, group in by_sentence(readings):
        read_values(group, sent, lex)
    fill_parties(readings, mentions, countries)
    name_unnamed(readings, mentions)
    readings.extend(listed(readings, [m for m in echoes if not used(m, lex)]))
    told = {r.sent.start for r in readings}  # a sentence naming a system in no deal of its
    # own ("the manufacturer of the NH90") may still say what became of "the contract"
    complete = [r for r in readings if r.complete]
    deals = merge(doc, complete, echoes, told, lex, countries)
    mark_deployed(deals, mentions, countries)
    if status_features is not None:
        by_deal: dict[str, list[Reading]] = {}
        for reading in complete:
            by_deal.setdefault(deal_id(doc_id_of(doc), reading.supplier or "",
                                       reading.recipient or "", reading.system_key),
                               []).append(reading)
        for deal in deals:
            status_features[deal.deal_id] = deal_features(
                deal, by_deal.get(deal.deal_id, []), doc, lex)
    return deals


class ArmsComponent:
    """spaCy component: sets ``Doc._.deals``."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self._tables: tuple[Catalogue, Lexicon] | None = None

    def initialize(self, get_examples: object = None, *, nlp: Language | None = None) -> None:
        """Read the tables, so that a broken one fails when the pipeline is built."""
        self._tables = Catalogue.load(self.data_dir), Lexicon.load(self.data_dir)

    def __call__(self, doc: Doc) -> Doc:
        if self._tables is None:  # added to a pipeline without ``initialize``
            self.initialize()
        assert self._tables is not None
        doc._.deals = deals_for_doc(doc, *self._tables)
        return doc


@Language.factory("newsevents_arms", default_config={"data_dir": None})
def make_arms_component(nlp: Language, name: str, data_dir: str | None) -> ArmsComponent:
    """``data_dir``: the deal and weapon tables (default: the package's, for the model's
    language)."""
    return ArmsComponent(Path(data_dir) if data_dir else data_path("arms", "", nlp.lang))
