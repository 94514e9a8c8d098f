"""One mention's reading: what a single sentence says about a system's deal.

Parties come from the transfer word's arguments according to its role (a seller's subject
supplies, a buyer's receives, an arrival's "in" names the recipient); the status from the
nearest cue that governs the system, else from the tense of the transfer word; the quantity
from a number on the system or on its unit ("two regiments of S-400"); each amount of money
in the sentence goes to the nearest system. Gaps are left for the article-level merge.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from newsevents.arms.countries import Countries
from newsevents.arms.lexicon import NOT_DEALS, Cue, Lexicon, Trigger
from newsevents.arms.mentions import Mention
from newsevents.arms.syntax import (
    MAX_HOPS,
    MODIFIERS,
    clause_subjects,
    clause_verb,
    inside,
    negated,
    tense,
    transfer_objects,
)
from newsevents.events import Lexicon as SpeechLexicon
from newsevents.events import attribution
from newsevents.events.syntax import lemma
from newsevents.models import Attribution

NOT_QUANTITIES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL"})


@dataclass
class Reading:
    """What one sentence says about one system: the parts of a future record."""

    mention: Mention
    supplier: str | None = None
    recipient: str | None = None
    parties: list[str] = field(default_factory=list)  # named but without a direction
    status: str | None = None
    explicit: bool = False  # a cue said the status, not just the tense of the transfer word
    quantity: int | None = None
    quantity_text: str | None = None
    value: float | None = None
    value_text: str | None = None
    currency: str | None = None
    attribution: Attribution | None = None

    @property
    def sent(self) -> Span:
        return self.mention.sent

    @property
    def system_key(self) -> str:
        system = self.mention.system
        return system.name or f"category:{system.category or 'unspecified'}"

    @property
    def complete(self) -> bool:
        return bool(self.supplier and self.recipient and self.supplier != self.recipient)


def read(mention: Mention, trigger: Token, rule: Trigger, lex: Lexicon, countries: Countries,
         speech: SpeechLexicon) -> Reading:
    """All a sentence says about the mention except money, which is shared out per sentence
    (``read_values``)."""
    reading = Reading(mention)
    read_parties(reading, trigger, rule.role, countries)
    read_status(reading, trigger, rule, lex)
    read_quantity(reading, lex)
    # Who reports the deal ("X said", "according to X"), read as the events stage reads it.
    reading.attribution = attribution(trigger, countries.look, speech)[0]
    return reading


# ---- parties --------------------------------------------------------------------------------


def read_parties(reading: Reading, trigger: Token, role: str, countries: Countries) -> None:
    """Supplier and recipient from the transfer word's arguments, by the word's role."""
    skip = reading.mention.span
    passive = any(c.dep_ == "nsubjpass" for c in trigger.children)
    agents = transfer_objects(trigger, frozenset({"by"}))
    subjects = [] if passive else clause_subjects(trigger)
    if trigger.pos_ in ("NOUN", "PROPN"):
        subjects = _modifier_countries(trigger, countries, skip) + agents
        agents = []
    doers = subjects or agents
    root = reading.mention.root
    to_objects = (transfer_objects(trigger, frozenset({"to", "for"}))
                  + transfer_objects(root, frozenset({"to"})))
    from_objects = transfer_objects(trigger, frozenset({"from"}))
    in_objects = transfer_objects(trigger, frozenset({"in", "to"}))
    if role == "seller":
        reading.supplier = _first_country(doers, countries, skip)
        reading.recipient = _first_country(to_objects, countries, skip)
    elif role == "buyer":
        reading.recipient = _first_country(doers, countries, skip)
        reading.supplier = _first_country(from_objects, countries, skip)
    elif role == "arrival":
        reading.recipient = _first_country(in_objects, countries, skip)
        reading.supplier = _first_country(from_objects, countries, skip)
    elif role == "licence":
        reading.recipient = _first_country(doers + in_objects, countries, skip)
    else:
        named = doers + transfer_objects(trigger, frozenset({"with", "between"}))
        reading.parties = [c for c in (countries.of(t) for t in named) if c]


def _first_country(tokens: Iterable[Token], countries: Countries, skip: Span) -> str | None:
    for token in tokens:
        if inside(token, skip) or any(c.dep_ == "conj" for c in token.children):
            continue  # the system itself, or "Russia and Turkey": no single party
        country = countries.of(token)
        if country:
            return country
    return None


def _modifier_countries(noun: Token, countries: Countries, skip: Span) -> list[Token]:
    """ "Turkey's purchase", "the Russian sale": a transfer noun's doer is its modifier."""
    return [c for c in noun.children
            if c.dep_ in MODIFIERS and not inside(c, skip) and countries.of(c)]


# ---- status ---------------------------------------------------------------------------------


def read_status(reading: Reading, trigger: Token, rule: Trigger, lex: Lexicon) -> None:
    """The nearest status cue governing the system; else what the transfer word implies."""
    root = reading.mention.root
    best: tuple[int, str] | None = None
    for cue, tokens in _cues_in(reading.sent, lex):
        if cue.status in NOT_DEALS or any(negated(t) for t in tokens):
            continue
        distance = _distance(tokens, root, trigger)
        if distance is None or (best is not None and best[0] <= distance):
            continue
        future = tense(clause_verb(tokens[0])) == "future"
        best = (distance, cue.future if future else cue.status)
    if best is not None:
        reading.status, reading.explicit = best[1], True
        return
    said = "present" if trigger.pos_ in ("NOUN", "PROPN") else tense(trigger)
    reading.status = rule.statuses[said]


def _distance(cue_tokens: list[Token], root: Token, trigger: Token) -> int | None:
    """Steps from the system up to the cue, when the cue governs it (or is the trigger)."""
    token, steps = root, 0
    cue_ids = {t.i for t in cue_tokens}
    while steps <= MAX_HOPS:
        if token.i in cue_ids:
            return steps
        if token.head is token:
            break
        token, steps = token.head, steps + 1
    return 0 if trigger.i in cue_ids else None


def _cues_in(sent: Span, lex: Lexicon) -> list[tuple[Cue, list[Token]]]:
    """Each status cue in the sentence with its tokens; the longest cue wins at a word."""
    lemmas = [lemma(t) for t in sent]
    found: list[tuple[Cue, list[Token]]] = []
    for i, first in enumerate(lemmas):
        for cue in lex.cues.get(first, ()):
            if tuple(lemmas[i:i + len(cue.words)]) == cue.words:
                found.append((cue, list(sent[i:i + len(cue.words)])))
                break
    return found


# ---- quantity and value ---------------------------------------------------------------------


def read_quantity(reading: Reading, lex: Lexicon) -> None:
    """"12 Rafale jets", "four S-400 batteries", "two regiments of S-400", "24 F-16s"."""
    root = reading.mention.root
    nouns = [(root, True)]
    head = root
    while head.dep_ in ("compound", "amod") and head.head is not head:  # "S-400 batteries"
        head = head.head
        if lemma(head) in lex.units:
            nouns.append((head, lex.units[lemma(head)]))
    prep = head
    if prep.dep_ == "prep" and prep.lower_ == "of" and lemma(prep.head) in lex.units:
        nouns.append((prep.head, lex.units[lemma(prep.head)]))
    for noun, counts in nouns:
        for child in noun.children:
            if child.dep_ != "nummod" or child.ent_type_ in NOT_QUANTITIES or (
                inside(child, reading.mention.span)
            ):
                continue
            number = _number(child, lex)
            if number is None:
                continue
            reading.quantity = number if counts else None
            reading.quantity_text = noun.doc[min(child.left_edge.i, child.i):noun.i + 1].text
            return


def _number(token: Token, lex: Lexicon) -> int | None:
    """A number in figures or words, times its multipliers ("two hundred", "3 million")."""
    value = _number_word(token.text, lex)
    if value is None:
        return None
    for child in token.children:
        factor = _number_word(child.text, lex)
        if child.dep_ in ("nummod", "quantmod", "compound") and factor:
            value *= factor
    return value


def _number_word(text: str, lex: Lexicon) -> int | None:
    cleaned = text.replace(",", "")
    if cleaned.isdigit():
        return int(cleaned)
    return lex.numbers.get(text.lower())


def by_sentence(readings: list[Reading]) -> Iterator[tuple[Span, list[Reading]]]:
    """Readings grouped by their sentence, for ``read_values``."""
    groups: dict[int, list[Reading]] = {}
    for reading in readings:
        groups.setdefault(reading.sent.start, []).append(reading)
    for group in groups.values():
        yield group[0].sent, group


def read_values(readings: list[Reading], sent: Span, lex: Lexicon) -> None:
    """Each amount in the sentence goes to the nearest system mention."""
    for match in lex.money.finditer(sent.text):
        start = sent.start_char + match.start()
        nearest = min(readings, key=lambda r: abs(r.mention.span.start_char - start))
        if nearest.value is not None:
            continue
        number = float((match["num"] or match["num2"]).replace(",", ""))
        scale = (match["scale"] or match["scale2"] or "").lower()
        nearest.value = number * lex.scales.get(scale, 1.0)
        nearest.value_text = match.group()
        sign, word = match["sign"], match["word"]
        table, key = (lex.currency_signs, sign) if sign else (lex.currency_words, word)
        nearest.currency = _lookup_ci(table, key)


def _lookup_ci(table: dict[str, str], key: str) -> str | None:
    """The table's spelling first, then any case: "Euros" at the start of a sentence."""
    return table.get(key) or next((v for k, v in table.items() if k.lower() == key.lower()), None)
