"""How many and for how much, as one sentence says it.

The quantity is a number on the system or on the unit it is counted in ("four S-400
batteries", "two regiments of S-400"), or right before a name the parser lost; each amount
of money in a sentence goes to the nearest system.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from newsevents.arms.lexicon import Lexicon
from newsevents.arms.mentions import DESIGNATOR, Mention, designator
from newsevents.arms.reading import Reading
from newsevents.arms.syntax import MODIFIERS, inside
from newsevents.events.syntax import lemma

# Number words that multiply the number they modify ("two hundred", "3 million").
MULTIPLIERS = frozenset({"hundred", "thousand", "million", "dozen"})
NOT_QUANTITIES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL"})
PERCENT_WORDS = frozenset({"percent", "per", "pct", "percentage"})

# Verbs by which a buyer got the whole of a deal that a delivery is part of.
ORDERED = frozenset({"buy", "order", "purchase", "acquire", "contract", "procure"})

# How far after a weapon's words an "of" may still give the deal it is part of: "two jets,
# part of 12 bought" (not "three more corvettes ..., weeks after the yard handed over the
# last of the five ships Riyadh bought", an earlier deal told in another clause).
BOUGHT_REACH = 3

# How many words before a name a number may stand and still count it ("six used Russian"):
# the longest such gap in the real-text dev passages of docs/arms.md.
NUMBER_REACH = 4


def read_quantity(reading: Reading, lex: Lexicon) -> None:
    """"12 Rafale jets", "four S-400 batteries", "two regiments of S-400", "24 F-16s"."""
    root = reading.mention.root
    nouns = [(root, True)]
    head = root
    while head.dep_ in MODIFIERS | {"nummod"} and head.head.i != head.i and (
            head.head.pos_ in ("NOUN", "PROPN")):  # "S-400 batteries", "FA-50 fighters"
        head = head.head
        if lemma(head) in lex.units:
            nouns.append((head, lex.units[lemma(head)]))
    prep = head.head
    if head.dep_ == "pobj" and prep.lower_ == "of" and lemma(prep.head) in lex.units:
        nouns.append((prep.head, lex.units[lemma(prep.head)]))  # "two regiments of S-400"
    if head.dep_ == "pobj" and prep.lower_ == "of" and prep.head.like_num and (
            _counts(prep.head)) and not any(
                c.dep_ == "nummod" and _counts(c) and not inside(c, reading.mention.span)
                for c in head.children):
        # (but "the final two of the 12 Rafales": the part of a deal of 12, read below)
        number = number_of(prep.head, lex)  # "four of its Leopard 2 tanks"
        if number is not None:
            reading.quantity = number
            reading.quantity_text = head.doc[prep.head.i:head.i + 1].text
            return
    for noun, counts in nouns:
        for child in noun.children:
            if child.dep_ != "nummod" or not _counts(child) or (
                inside(child, reading.mention.span)
            ):
                continue
            number = number_of(child, lex)
            if number is None:
                continue
            reading.quantity = number if counts else None
            reading.quantity_text = noun.doc[min(child.left_edge.i, child.i):noun.i + 1].text
            _out_of(reading, noun, lex)
            return
    _number_before(reading, lex)


def count_of(mention: Mention, lex: Lexicon) -> tuple[int, str] | None:
    """The count written on a mention no transfer word governs ("The deal is for four SPYDER
    batteries"), with its words."""
    reading = Reading(mention=mention)
    read_quantity(reading, lex)
    if reading.quantity is None or reading.quantity_text is None:
        return None
    return reading.quantity, reading.quantity_text


def _out_of(reading: Reading, noun: Token, lex: Lexicon) -> None:
    """"six Rafale jets out of the 30 it ordered": the deal is the 30 (read by position, as
    the parser hangs "out of" anywhere, also further on: "received two more jets, bringing
    to six the number in its hands out of the 36 it ordered"); so is a number "of" weapons
    said bought or ordered ("the final two of the 12 Rafales Croatia bought", "the two jets
    are part of 12 trainers bought in 2014")."""
    doc, i = noun.doc, noun.right_edge.i + 1
    for of in doc[i:reading.sent.end]:
        if of.lower_ != "of":
            continue
        out = of.i > i and doc[of.i - 1].lower_ == "out"
        for total in doc[of.i + 1:min(of.i + 3, reading.sent.end)]:
            number = number_of(total, lex) if total.like_num and _counts(total) else None
            if number is None:
                continue
            if out or (of.i - i <= BOUGHT_REACH and _bought(total)):
                reading.quantity = number
                reading.quantity_text = doc[noun.left_edge.i:total.i + 1].text
                return
            break


def _bought(number: Token) -> bool:
    """A number whose weapons a clause says were bought or ordered: "the 12 Rafales Croatia
    bought", "the 36 it ordered", "12 trainers bought in 2014"."""
    counted = number.head if number.dep_ == "nummod" else number
    return any(c.dep_ in ("relcl", "acl") and lemma(c) in ORDERED for c in counted.children)


def deal_count(sent: Span, nouns: frozenset[str], lex: Lexicon) -> int | None:
    """The largest count inside a word for the whole deal: "under a contract on the delivery
    of 12 fighters" and "in an order of six" are 12 and six; a sum ("a deal worth Rs 59,000
    crore") is no count."""
    counts = [number_of(t, lex) for noun in sent if noun.pos_ == "NOUN" and lemma(noun) in nouns
              for t in noun.subtree if t.dep_ in ("nummod", "pobj") and t.like_num
              and _counts(t) and lemma(t.head) not in lex.scales
              and t.head.lower_ not in lex.currency_words]
    return max((c for c in counts if c is not None), default=None)


def _number_before(reading: Reading, lex: Lexicon) -> None:
    """"six used Russian MiG-29 fighter jets" when the parser lost the name: a number right
    before the name, over adjectives only."""
    span = reading.mention.span
    doc = span.doc
    for i in range(span.start - 1, max(span.sent.start, span.start - NUMBER_REACH) - 1, -1):
        token = doc[i]
        if token.like_num and _counts(token):
            number = number_of(token, lex)
            if number is not None:
                reading.quantity = number
                reading.quantity_text = doc[i:span.end].text
            return
        if token.pos_ not in ("ADJ", "PUNCT") and token.tag_ != "VBN" and (
                token.ent_type_ != "NORP") and not (
                reading.mention.designated and DESIGNATOR.fullmatch(token.text)):
            return  # "141 K808 wheeled armored vehicles": over the designation too


def _counts(token: Token) -> bool:
    """Whether a number counts things: not a date, a sum or a share. The parser takes "up
    to 50 F-35s" for a percentage, so a share needs its sign or word."""
    if token.i > 0 and designator(token.nbor(-1)):
        return False  # "Block 70", "Tranche 3": a version's number
    if token.i > 0 and _model_number(token):
        return False  # "Bombardier Global 6000-based GlobalEye": a model's number
    if token.ent_type_ == "PERCENT":
        entity = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
        return entity is not None and not any(
            t.text == "%" or t.lower_ in PERCENT_WORDS for t in entity)
    return token.ent_type_ not in NOT_QUANTITIES


def _model_number(token: Token) -> bool:
    """A number of three or more figures written after a name ("Global 6000", "Boeing 737"):
    part of a model's name, where a count stands before the weapon's name, not after
    another. Three figures, as model numbers have them (737, 2000, 6000) and no count after a
    name in the real-text development passages (docs/arms.md) has."""
    before = token.nbor(-1)
    return token.text.isdigit() and len(token.text) >= 3 and before.pos_ == "PROPN" and (
        before.text[:1].isupper())


def number_of(token: Token, lex: Lexicon) -> int | None:
    """A number in figures or words, times its multipliers ("two hundred", "3 million")."""
    value = _number_word(token.text, lex)
    if value is None:
        return None
    for child in token.children:
        factor = _number_word(child.text, lex)
        if child.dep_ in ("nummod", "quantmod", "compound") and factor and (
                MULTIPLIERS & {child.lower_, token.lower_}):
            value *= factor  # not "the first six of 24", which is no product
    return value


def _number_word(text: str, lex: Lexicon) -> int | None:
    cleaned = text.replace(",", "")
    if cleaned.isdigit():
        return int(cleaned)
    tens, _, units = text.lower().partition("-")  # "forty-eight"
    if units and tens in lex.numbers and units in lex.numbers:
        return lex.numbers[tens] + lex.numbers[units]
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
    for start, value, text, currency in money_in(sent, lex):
        nearest = min(readings, key=lambda r: abs(r.mention.span.start_char - start))
        if nearest.value is not None:
            continue
        nearest.value, nearest.value_text, nearest.currency = value, text, currency


def money_in(sent: Span, lex: Lexicon) -> list[tuple[int, float, str, str | None]]:
    """Each amount of money in the sentence: where it starts, its value, its text and its
    currency ("$4.25 billion", "EUR 1.2bn", "46 million euros")."""
    found = []
    for match in lex.money.finditer(sent.text):
        figure = (match["num"] or match["num2"]).replace(",", "")
        number = float(figure) if figure[0].isdigit() else float(lex.numbers[figure.lower()])
        scale = (match["scale"] or match["scale2"] or "").lower()
        sign, word = match["sign"], match["word"]
        table, key = (lex.currency_signs, sign) if sign else (lex.currency_words, word)
        found.append((sent.start_char + match.start(), number * lex.scales.get(scale, 1.0),
                      match.group(), _lookup_ci(table, key)))
    return found


def _lookup_ci(table: dict[str, str], key: str) -> str | None:
    """The table's spelling first, then any case: "Euros" at the start of a sentence."""
    return table.get(key) or next((v for k, v in table.items() if k.lower() == key.lower()), None)
