"""Arms transfers: weapon-system mentions in an article -> ``ArmsTransfer`` records.

Researchers who compile transfer registers by hand need each reported deal as one record with
its parties, system, quantity, value and status, and the sentences that say so. The reading is
deliberately syntactic and conservative: a system only becomes a deal when a transfer word
(sell, deliver, purchase, contract...) governs it, the parties come from that word's arguments,
then from the system's origin and the other countries in the sentence, then from the rest of
the article. Weapons that are fired, paraded or tested are no deal.

All words live in ``data/arms/*.tsv``. Systems and generic phrases are indexed by a compact
key (lower-case letters and digits only), so "S-400s", "S 400" and "s400" are one look-up and
matching a sentence costs a few dict probes per token, whatever the size of the catalogue.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import cast

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsevents import events
from newsevents.actors import ActorResolver
from newsevents.models import (
    ArmsTransfer,
    Attribution,
    DealStatus,
    Evidence,
    Party,
    WeaponSystem,
)
from newsevents.tables import data_path, read_tsv

DATA_DIR = data_path("arms", "")

for _name, _default in (("deals", []), ("events", []), ("article", None)):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)
if not Token.has_extension("actor"):
    Token.set_extension("actor", default=None)

# Punctuation that may sit inside a system's name ("F/A-18", "Sa'ar 6"); any other breaks it.
NAME_PUNCT = frozenset({"-", "/", ".", "'", "’", "&", "–"})
# Progress of a deal, then its troubles: a later stage wins when sentences disagree.
STATUS_ORDER: tuple[DealStatus, ...] = (
    "proposed", "negotiating", "ordered", "delivering", "delivered",
    "at_risk", "suspended", "cancelled",
)
ANAPHORS = frozenset({"such", "these", "those", "same"})
# How far back (in tokens) "such systems" may refer to a named system.
ANAPHOR_REACH = 150
# Cue statuses that are no deal status: a use of the weapon, or a denial of the transfer.
NOT_DEALS = frozenset({"none", "negated"})
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
MODIFIERS = frozenset({"poss", "compound", "amod", "nmod"})
COUNTRY_LABELS = frozenset({"GPE", "NORP"})
NOT_QUANTITIES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL"})
MAX_HOPS = 10
_WORD_RE = re.compile(r"[^\W_]+|\S")
_NOT_ALNUM = re.compile(r"[\W_]+")


def compact(text: str) -> str:
    """The key a name is indexed under: case, spaces and hyphens do not distinguish names."""
    return _NOT_ALNUM.sub("", text.lower())


def _rows(name: str, data_dir: Path = DATA_DIR) -> Iterator[dict[str, str]]:
    return read_tsv(data_dir / name)


# ---- phrase index ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """A catalogue system (``name`` set) or a generic phrase's category."""

    name: str | None
    category: str | None
    origin: str | None = None
    manufacturer: str | None = None


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    entry: Entry


class PhraseIndex:
    """Phrases keyed by ``compact``; a scan walks tokens while the key read so far is a prefix."""

    def __init__(self, *, cased: bool) -> None:
        self.keys: dict[str, Entry] = {}
        self.prefixes: set[str] = set()
        # Names start with a capital or a digit; in lower case "patriot" or "a 10" is a word.
        self.cased = cased

    def add(self, phrase: str, entry: Entry) -> None:
        key = compact(phrase)
        if not key or key in self.keys:
            return
        self.keys[key] = entry
        self.prefixes.update(key[:i] for i in range(1, len(key) + 1))

    def scan(self, words: list[str], pieces: list[str] | None = None) -> list[Hit]:
        """Longest non-overlapping matches, left to right; ``pieces`` are the words' compact
        forms when the caller already has them."""
        pieces = pieces if pieces is not None else [compact(w) for w in words]
        hits: list[Hit] = []
        prefixes = self.prefixes
        i = 0
        while i < len(words):
            first = pieces[i]
            if not first or (first not in prefixes and first[:-1] not in prefixes):
                i += 1  # the common case, kept out of the slower search below
                continue
            hit = self._longest_at(words, pieces, i)
            if hit is None:
                i += 1
            else:
                hits.append(hit)
                i = hit.end
        return hits

    def _longest_at(self, words: list[str], pieces: list[str], start: int) -> Hit | None:
        best: Hit | None = None
        read = ""
        for j in range(start, len(words)):
            piece = pieces[j]
            if not piece:
                if words[j] in NAME_PUNCT:
                    continue
                break
            read += piece
            entry = self._entry(read, words[start])
            if entry is not None:
                best = Hit(start, j + 1, entry)
            if read not in self.prefixes:
                break
        return best

    def _entry(self, read: str, first_word: str) -> Entry | None:
        if self.cased and not (first_word[:1].isupper() or first_word[:1].isdigit()):
            return None
        singular = read[:-1] if read.endswith("s") else ""
        for key in (read, singular, singular[:-1] if singular.endswith("e") else ""):
            entry = self.keys.get(key) if key else None
            if entry is not None:
                return entry
        return None


class Catalogue:
    """The weapon-system catalogue and the generic phrases, loaded once per process."""

    def __init__(self, named: PhraseIndex, generic: PhraseIndex, sizes: Counter[str]) -> None:
        self.named = named
        self.generic = generic
        self.sizes = sizes

    @classmethod
    @cache
    def load(cls, data_dir: Path = DATA_DIR) -> Catalogue:
        named = PhraseIndex(cased=True)
        sizes: Counter[str] = Counter()
        for row in _rows("systems.tsv", data_dir):
            entry = Entry(row["name"], row["category"], row["origin"] or None,
                          row["manufacturer"] or None)
            sizes[row["category"]] += 1
            for alias in (row["name"], *filter(None, row["aliases"].split("|"))):
                named.add(alias, entry)
        generic = PhraseIndex(cased=False)
        for row in _rows("generic.tsv", data_dir):
            generic.add(row["phrase"], Entry(None, row["category"] or None))
        return cls(named, generic, sizes)

    def find(self, text: str) -> WeaponSystem | None:
        """The first system named in ``text``, else the first generic mention ("tanks")."""
        tokens = list(_WORD_RE.finditer(text))
        words = [t.group() for t in tokens]
        for index in (self.named, self.generic):
            hits = index.scan(words)
            if hits:
                hit = hits[0]
                mention = text[tokens[hit.start].start():tokens[hit.end - 1].end()]
                return _system(hit.entry, mention, hit.entry.origin)
        return None


def _inside(token: Token, span: Span) -> bool:
    return span.start <= token.i < span.end


def _system(entry: Entry, mention: str, origin: str | None) -> WeaponSystem:
    return WeaponSystem(
        name=entry.name, mention=mention, category=entry.category, origin=origin,
        manufacturer=entry.manufacturer,
    )


# ---- deal lexicon ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Trigger:
    """A word that reports a transfer, how its arguments map to parties, what it implies."""

    lemma: str
    role: str
    statuses: dict[str, str]  # tense -> status


@dataclass(frozen=True)
class Cue:
    words: tuple[str, ...]
    status: str
    future: str


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, Trigger]
    nouns: dict[str, Trigger]
    cues: dict[str, list[Cue]]  # first word -> cues starting with it, longest first
    licence: frozenset[str]
    units: dict[str, bool]  # lemma -> the number counts systems
    numbers: dict[str, int]
    currency_signs: dict[str, str]
    currency_words: dict[str, str]
    scales: dict[str, float]
    money: re.Pattern[str]

    @classmethod
    @cache
    def load(cls, data_dir: Path = DATA_DIR) -> Lexicon:
        verbs: dict[str, Trigger] = {}
        nouns: dict[str, Trigger] = {}
        for row in _rows("triggers.tsv", data_dir):
            trigger = Trigger(row["lemma"], row["role"],
                              {t: row[t] for t in ("past", "present", "future")})
            (verbs if row["pos"] == "VERB" else nouns)[row["lemma"]] = trigger
        cues: dict[str, list[Cue]] = {}
        for row in _rows("status.tsv", data_dir):
            words = tuple(row["phrase"].split())
            cues.setdefault(words[0], []).append(Cue(words, row["status"], row["future"]))
        for entries in cues.values():
            entries.sort(key=lambda c: -len(c.words))
        _check_statuses(verbs, nouns, cues)
        money = {kind: {r["text"]: r["value"] for r in _rows("currencies.tsv", data_dir)
                        if r["kind"] == kind} for kind in ("sign", "word", "scale")}
        return cls(
            verbs=verbs, nouns=nouns, cues=cues,
            licence=frozenset(r["lemma"] for r in _rows("licence.tsv", data_dir)),
            units={r["lemma"]: r["counts"] == "yes" for r in _rows("units.tsv", data_dir)},
            numbers={r["word"]: int(r["value"]) for r in _rows("numbers.tsv", data_dir)},
            currency_signs=money["sign"], currency_words=money["word"],
            scales={k: float(v) for k, v in money["scale"].items()},
            money=_money_pattern(money["sign"], money["word"], money["scale"]),
        )

    def trigger(self, token: Token) -> Trigger | None:
        lemma = token.lemma_.lower()
        if token.pos_ in ("VERB", "AUX"):
            return self.verbs.get(lemma)
        if token.pos_ in ("NOUN", "PROPN"):
            return self.nouns.get(lemma)
        return None

    def cue_status(self, token: Token) -> str | None:
        """The status of a one-word cue at ``token`` (used to stop at attacks and tests)."""
        for cue in self.cues.get(token.lemma_.lower(), ()):
            if len(cue.words) == 1:
                return cue.status
        return None


def _check_statuses(verbs: dict[str, Trigger], nouns: dict[str, Trigger],
                    cues: dict[str, list[Cue]]) -> None:
    """A typo in a data file would otherwise surface as a failed record much later."""
    said = {s for t in (*verbs.values(), *nouns.values()) for s in t.statuses.values()}
    said |= {s for entries in cues.values() for c in entries for s in (c.status, c.future)}
    unknown = said - set(STATUS_ORDER) - NOT_DEALS
    if unknown:
        raise ValueError(f"data/arms: unknown deal status {sorted(unknown)}")


def _money_pattern(
    signs: Iterable[str], words: Iterable[str], scales: Iterable[str]
) -> re.Pattern[str]:
    """One pattern for "$2.5 billion", "€1.2bn" and "2.5 billion dollars"."""
    def alt(items: Iterable[str]) -> str:
        return "|".join(re.escape(i) for i in sorted(items, key=len, reverse=True))
    number = r"\d+(?:[.,]\d+)*"
    scale = rf"(?:\s?(?P<{{}}>{alt(scales)})\b)?"
    return re.compile(
        rf"(?P<sign>{alt(signs)})\s?(?P<num>{number}){scale.format('scale')}"
        rf"|(?P<num2>{number}){scale.format('scale2')}\s?(?P<word>{alt(words)})\b",
        re.IGNORECASE,
    )


# ---- countries ------------------------------------------------------------------------------


class Countries:
    """Country of a token: the actors component's answer, else the actors lexicon."""

    def __init__(self, doc: Doc) -> None:
        self.resolver = ActorResolver.load()
        self.look = events.ActorLookup()
        self.sentences: dict[int, set[str]] = {}
        self.entities = {i: ent for ent in doc.ents if ent.label_ in COUNTRY_LABELS
                         for i in range(ent.start, ent.end)}

    def of(self, token: Token) -> str | None:
        actor = self.look.actor(token)
        if actor is not None and (actor.country or actor.igo):
            return actor.country
        for t in (token, *(c for c in token.children if c.dep_ in MODIFIERS)):
            country = self._lexicon(t)
            if country:
                return country
        return None

    def _lexicon(self, token: Token) -> str | None:
        ent = self.entities.get(token.i)
        if ent is not None:
            return self.resolver.country_of(ent.text)
        if token.pos_ in ("PROPN", "ADJ", "NOUN"):
            return self.resolver.country_of(token.text)
        return None

    def in_sentence(self, sent: Span) -> set[str]:
        """Every country the sentence names (a copy: callers may change it)."""
        if sent.start not in self.sentences:
            self.sentences[sent.start] = self._named_in(sent)
        return set(self.sentences[sent.start])

    def _named_in(self, sent: Span) -> set[str]:
        found = {t._.actor.country for t in sent if t._.actor is not None and t._.actor.country}
        for token in sent:
            if token.pos_ in ("PROPN", "ADJ") or token.ent_type_ in COUNTRY_LABELS:
                country = self._lexicon(token)
                if country:
                    found.add(country)
        return found


# ---- mentions -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Mention:
    span: Span
    sent: Span
    system: WeaponSystem

    @property
    def root(self) -> Token:
        return self.span.root


def find_mentions(doc: Doc, catalogue: Catalogue, lex: Lexicon,
                  countries: Countries) -> list[Mention]:
    """Named and generic system mentions in document order, anaphors resolved."""
    mentions: list[Mention] = []
    for sent in doc.sents:
        words = [t.text for t in sent]
        pieces = [compact(w) for w in words]
        named = [_mention(sent, h, countries) for h in catalogue.named.scan(words, pieces)]
        generic = [_mention(sent, h, countries) for h in catalogue.generic.scan(words, pieces)]
        generic = [g for g in generic if _stands_alone(g, named, lex)]
        for mention in sorted(named + generic, key=lambda m: m.span.start):
            mentions.append(_resolve_anaphor(mention, mentions))
    return mentions


def _mention(sent: Span, hit: Hit, countries: Countries) -> Mention:
    span = sent[hit.start:hit.end]
    origin = hit.entry.origin or _adjective_origin(span, countries)
    return Mention(span, sent, _system(hit.entry, span.text, origin))


def _adjective_origin(span: Span, countries: Countries) -> str | None:
    """"modern Russian military products": a nationality before an unnamed system."""
    for token in span.root.subtree:
        if token.i < span.root.i and token.dep_ in MODIFIERS and not _inside(token, span):
            country = countries.of(token)
            if country:
                return country
    return None


def _stands_alone(generic: Mention, named: list[Mention], lex: Lexicon) -> bool:
    """A generic phrase is its own mention unless it only classifies a named system
    ("S-400 air defense systems") or modifies a noun other than a transfer word ("drone
    strike", "arms embargo"; but "arms deal" is one)."""
    root = generic.root
    if root.pos_ not in ("NOUN", "PROPN"):
        return False
    if root.dep_ == "compound" and lex.trigger(root.head) is None:
        return False
    for other in named:
        if other.span.start < generic.span.end and generic.span.start < other.span.end:
            return False
        if other.span.end == generic.span.start or _inside(root.head, other.span) or any(
            _inside(t.head, generic.span) for t in other.span
        ):
            return False
    return True


def _resolve_anaphor(mention: Mention, earlier: list[Mention]) -> Mention:
    """"such anti-aircraft systems" after "S-400": the named system of that category."""
    if mention.system.name is not None:
        return mention
    if not any(c.lower_ in ANAPHORS for c in mention.root.children):
        return mention
    for prior in reversed(earlier):
        if prior.sent.start < mention.sent.start - ANAPHOR_REACH:
            break
        if prior.system.name and prior.system.category == mention.system.category:
            system = prior.system.model_copy(update={"mention": mention.span.text})
            return Mention(mention.span, mention.sent, system)
    return mention


# ---- one mention's reading -------------------------------------------------------------------


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


def governor(mention: Mention, lex: Lexicon) -> Token | None:
    """The transfer word the system depends on; None when none does, or when the system is
    used (fired, paraded, tested) before any transfer word is reached."""
    for top in _tops(mention.span):
        found = _governor_from(top, lex)
        if found is not None:
            return found
    return None


def _tops(span: Span) -> list[Token]:
    """Tokens whose head lies outside the span: one, unless the parser split the name."""
    tops = [t for t in span if not _inside(t.head, span) or t.head is t]
    return sorted(tops, key=lambda t: t is not span.root)


def _governor_from(root: Token, lex: Lexicon) -> Token | None:
    nouns = (root, root.head) if root.dep_ == "compound" else (root,)
    for child in (c for noun in nouns for c in noun.children):
        if child.dep_ in ("acl", "relcl") and lex.trigger(child):
            return child  # "drones supplied by Iran", "the systems it bought"
    token = root
    for _ in range(MAX_HOPS):
        if token.head is token:
            return None
        token = token.head
        if lex.trigger(token):
            return token
        if lex.cue_status(token) in NOT_DEALS or token.pos_ == "VERB":
            return None  # a use of the weapon, or another clause's verb ("reducing missiles")
    return None


def _tense(token: Token) -> str:
    """past, present or future (modals and "to"-infinitives: "will deliver", "plans to buy")."""
    verb = token
    for _ in range(MAX_HOPS):
        if any(c.dep_ in ("aux", "auxpass") and (c.tag_ == "MD" or c.lower_ == "to")
               for c in verb.children):
            return "future"
        if verb.pos_ in ("VERB", "AUX") and verb.dep_ not in ("conj", "xcomp"):
            break
        if verb.head is verb:
            break
        verb = verb.head
    if token.tag_ == "VBD":
        return "past"
    if token.tag_ == "VBN":
        auxes = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
        present = auxes and all(c.tag_ in ("VBP", "VBZ") and c.lemma_ == "be" for c in auxes)
        return "present" if present else "past"
    return "present"


def _negated(token: Token) -> bool:
    chain = [token]
    while chain[-1].dep_ == "conj" and chain[-1].head is not chain[-1]:
        chain.append(chain[-1].head)
    return any(c.dep_ == "neg" for t in chain for c in t.children)


def _clause_verb(token: Token) -> Token:
    """The verb a noun cue hangs from, for its tense: "the first batch should arrive"."""
    for _ in range(MAX_HOPS):
        if token.pos_ in ("VERB", "AUX") or token.head is token:
            return token
        token = token.head
    return token


def _subjects(verb: Token) -> list[Token]:
    """The subject, inherited through xcomp and conj where English omits it."""
    for _ in range(MAX_HOPS):
        found = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
        if found:
            return found
        if verb.dep_ not in ("xcomp", "conj") or verb.head is verb:
            return []
        verb = verb.head
    return []


def _prep_objects(token: Token, preps: frozenset[str]) -> list[Token]:
    found: list[Token] = []
    for prep in token.children:
        if prep.dep_ in ("prep", "agent", "dative") and prep.lower_ in preps:
            found.extend(c for c in prep.children if c.dep_ == "pobj")
        elif prep.dep_ == "dative" and prep.pos_ in ("PROPN", "NOUN"):
            found.append(prep)  # "sold Turkey the S-400"
    return found


def _first_country(tokens: Iterable[Token], countries: Countries, skip: Span) -> str | None:
    for token in tokens:
        if _inside(token, skip) or any(c.dep_ == "conj" for c in token.children):
            continue  # the system itself, or "Russia and Turkey": no single party
        country = countries.of(token)
        if country:
            return country
    return None


def _modifier_countries(noun: Token, countries: Countries, skip: Span) -> list[Token]:
    return [c for c in noun.children
            if c.dep_ in MODIFIERS and not _inside(c, skip) and countries.of(c)]


def read_parties(reading: Reading, trigger: Token, role: str, countries: Countries) -> None:
    """Supplier and recipient from the transfer word's arguments, by the word's role."""
    skip = reading.mention.span
    passive = any(c.dep_ == "nsubjpass" for c in trigger.children)
    agents = _prep_objects(trigger, frozenset({"by"}))
    subjects = [] if passive else _subjects(trigger)
    if trigger.pos_ in ("NOUN", "PROPN"):
        subjects = _modifier_countries(trigger, countries, skip) + agents
        agents = []
    doers = subjects or agents
    root = reading.mention.root
    to_objects = (_prep_objects(trigger, frozenset({"to", "for"}))
                  + _prep_objects(root, frozenset({"to"})))
    from_objects = _prep_objects(trigger, frozenset({"from"}))
    in_objects = _prep_objects(trigger, frozenset({"in", "to"}))
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
        named = doers + _prep_objects(trigger, frozenset({"with", "between"}))
        reading.parties = [c for c in (countries.of(t) for t in named) if c]


def read_status(reading: Reading, trigger: Token, rule: Trigger, lex: Lexicon) -> None:
    """The nearest status cue governing the system; else what the transfer word implies."""
    root = reading.mention.root
    best: tuple[int, str] | None = None
    for cue, tokens in _cues_in(reading.sent, lex):
        if cue.status in NOT_DEALS or any(_negated(t) for t in tokens):
            continue
        distance = _distance(tokens, root, trigger)
        if distance is None or (best is not None and best[0] <= distance):
            continue
        future = _tense(_clause_verb(tokens[0])) == "future"
        best = (distance, cue.future if future else cue.status)
    if best is not None:
        reading.status, reading.explicit = best[1], True
        return
    tense = "present" if trigger.pos_ in ("NOUN", "PROPN") else _tense(trigger)
    reading.status = rule.statuses[tense]


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
    lemmas = [t.lemma_.lower() for t in sent]
    found: list[tuple[Cue, list[Token]]] = []
    for i, lemma in enumerate(lemmas):
        for cue in lex.cues.get(lemma, ()):
            if tuple(lemmas[i:i + len(cue.words)]) == cue.words:
                found.append((cue, list(sent[i:i + len(cue.words)])))
                break
    return found


def read_quantity(reading: Reading, lex: Lexicon) -> None:
    """"12 Rafale jets", "four S-400 batteries", "two regiments of S-400", "24 F-16s"."""
    root = reading.mention.root
    nouns = [(root, True)]
    head = root
    while head.dep_ in ("compound", "amod") and head.head is not head:  # "S-400 batteries"
        head = head.head
        if head.lemma_.lower() in lex.units:
            nouns.append((head, lex.units[head.lemma_.lower()]))
    prep = head
    if prep.dep_ == "prep" and prep.lower_ == "of" and prep.head.lemma_.lower() in lex.units:
        nouns.append((prep.head, lex.units[prep.head.lemma_.lower()]))
    for noun, counts in nouns:
        for child in noun.children:
            if child.dep_ != "nummod" or child.ent_type_ in NOT_QUANTITIES or (
                _inside(child, reading.mention.span)
            ):
                continue
            number = _number(child, lex)
            if number is None:
                continue
            reading.quantity = number if counts else None
            reading.quantity_text = noun.doc[min(child.left_edge.i, child.i):noun.i + 1].text
            return


def _number(token: Token, lex: Lexicon) -> int | None:
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
    return table.get(key) or next((v for k, v in table.items() if k.lower() == key.lower()), None)


# ---- the article ----------------------------------------------------------------------------


def deals_for_doc(doc: Doc) -> list[ArmsTransfer]:
    """Every transfer the article reports, one record per supplier-recipient-system."""
    if not doc.has_annotation("SENT_START"):
        return []  # no parse to read (an empty text, or a pipeline without a parser)
    catalogue, lex = Catalogue.load(), Lexicon.load()
    countries = Countries(doc)
    speech = events.Lexicon.load()
    readings: list[Reading] = []
    echoes: list[Mention] = []  # named systems in a deal-talking sentence, without a deal word
    for mention in find_mentions(doc, catalogue, lex, countries):
        trigger = governor(mention, lex)
        rule = lex.trigger(trigger) if trigger is not None else None
        if trigger is None or rule is None:
            if mention.system.name and _talks_deals(mention.sent, lex):
                echoes.append(mention)
            continue
        if _blocked(trigger, rule, mention, lex):
            continue
        readings.append(_read(mention, trigger, rule, lex, countries, speech))
    for sent, group in _by_sentence(readings):
        read_values(group, sent, lex)
    _fill_parties(readings, countries)
    return _merge(doc, [r for r in readings if r.complete], echoes)


def _talks_deals(sent: Span, lex: Lexicon) -> bool:
    return any(lex.trigger(t) for t in sent)


def _blocked(trigger: Token, rule: Trigger, mention: Mention, lex: Lexicon) -> bool:
    """Negated transfers, and "build"/"produce" without a licence (domestic production)."""
    if _denied(trigger, lex):
        return True
    sent = mention.sent
    if rule.role == "licence":
        return not any(t.lemma_.lower() in lex.licence or t.lower_ in lex.licence for t in sent)
    return False


def _denied(trigger: Token, lex: Lexicon) -> bool:
    """"did not sell", "refused to sell", "failed to deliver": no transfer happened."""
    token = trigger
    for _ in range(MAX_HOPS):
        if _negated(token) or (token is not trigger and lex.cue_status(token) == "negated"):
            return True
        if token.dep_ not in ("xcomp", "conj") or token.head is token:
            return False
        token = token.head
    return False


def _read(mention: Mention, trigger: Token, rule: Trigger, lex: Lexicon, countries: Countries,
          speech: events.Lexicon) -> Reading:
    reading = Reading(mention)
    read_parties(reading, trigger, rule.role, countries)
    read_status(reading, trigger, rule, lex)
    read_quantity(reading, lex)
    reading.attribution = events.attribution(trigger, countries.look, speech)[0]
    return reading


def _by_sentence(readings: list[Reading]) -> Iterator[tuple[Span, list[Reading]]]:
    groups: dict[int, list[Reading]] = {}
    for reading in readings:
        groups.setdefault(reading.sent.start, []).append(reading)
    for group in groups.values():
        yield group[0].sent, group


def _fill_parties(readings: list[Reading], countries: Countries) -> None:
    """Missing parties: the system's origin, the sentence's other country, then the article."""
    for reading in readings:
        origin = reading.mention.system.origin
        if reading.supplier is None and origin != reading.recipient:
            reading.supplier = origin
        others = [c for c in reading.parties if c != reading.supplier]
        if reading.recipient is None and reading.supplier and len(others) == 1:
            reading.recipient = others[0]
        if reading.recipient is None:
            rest = countries.in_sentence(reading.sent) - {reading.supplier}
            if len(rest) == 1:
                reading.recipient = rest.pop()
    known = [r for r in readings if r.complete]
    for reading in readings:
        if not reading.complete:
            _fill_from_article(reading, known, countries)


def _fill_from_article(reading: Reading, known: list[Reading], countries: Countries) -> None:
    """The same system's deal elsewhere in the article, or the one deal between the two
    countries this sentence names ("Russia and Turkey have other projects...")."""
    same = {(r.supplier, r.recipient) for r in known if r.system_key == reading.system_key}
    named = countries.in_sentence(reading.sent)
    pairs = {(r.supplier, r.recipient) for r in known if {r.supplier, r.recipient} == named}
    for candidates in (same, pairs):
        fitting = {p for p in candidates if reading.supplier in (None, p[0])
                   and reading.recipient in (None, p[1])}
        if len(fitting) == 1:
            reading.supplier, reading.recipient = fitting.pop()
            return


def _merge(doc: Doc, readings: list[Reading], echoes: list[Mention]) -> list[ArmsTransfer]:
    groups: dict[tuple[str, str, str], list[Reading]] = {}
    for reading in readings:
        key = (cast(str, reading.supplier), cast(str, reading.recipient), reading.system_key)
        groups.setdefault(key, []).append(reading)
    doc_id = _doc_id(doc)
    deals = [_record(doc_id, key, group) for key, group in groups.items()]
    _add_echoes(doc, deals, echoes)
    _link_events(doc, deals)
    return deals


def _doc_id(doc: Doc) -> str:
    article = doc._.article
    return str(getattr(article, "id", None) or "text")


def deal_id(doc_id: str, supplier: str, recipient: str, system_key: str) -> str:
    """Stable across runs and processes, so re-coding an article updates the same record."""
    raw = "|".join((doc_id, supplier, recipient, system_key))
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]


def _record(doc_id: str, key: tuple[str, str, str], group: list[Reading]) -> ArmsTransfer:
    first = group[0]
    sized = next((r for r in group if r.quantity_text), None)
    priced = next((r for r in group if r.value is not None), None)
    return ArmsTransfer(
        deal_id=deal_id(doc_id, *key),
        doc_id=doc_id,
        supplier=Party(country=key[0]),
        recipient=Party(country=key[1]),
        system=_best_system(group),
        quantity=sized.quantity if sized else None,
        quantity_text=sized.quantity_text if sized else None,
        value=priced.value if priced else None,
        value_text=priced.value_text if priced else None,
        currency=priced.currency if priced else None,
        status=_status(group),
        evidence=_evidence(r.sent for r in group),
        attribution=None if any(r.attribution is None for r in group) else first.attribution,
    )


def _best_system(group: list[Reading]) -> WeaponSystem:
    """The mention that says most: not an anaphor ("such systems"), with an origin if any."""
    def rank(reading: Reading) -> tuple[bool, bool]:
        anaphor = any(c.lower_ in ANAPHORS for c in reading.mention.root.children)
        return (not anaphor, reading.mention.system.origin is not None)
    return max(group, key=rank).mention.system


def _status(group: list[Reading]) -> DealStatus:
    """The furthest stage a cue reports; the tense of transfer words only when no cue does."""
    said = [r.status for r in group if r.explicit] or [r.status for r in group]
    return max(cast(list[DealStatus], said), key=STATUS_ORDER.index)


def _evidence(sents: Iterable[Span]) -> list[Evidence]:
    found: dict[int, Evidence] = {}
    for sent in sents:
        text = sent.text
        lead = len(text) - len(text.lstrip())
        body = text.strip()
        start = sent.start_char + lead
        found.setdefault(start, Evidence(sentence=body, start=start, end=start + len(body)))
    return [found[k] for k in sorted(found)]


def _add_echoes(doc: Doc, deals: list[ArmsTransfer], echoes: list[Mention]) -> None:
    """A sentence that names a system of exactly one deal and talks of deals is evidence too."""
    for mention in echoes:
        matching = [d for d in deals if d.system.name == mention.system.name]
        if len(matching) != 1:
            continue
        deal = matching[0]
        merged = {e.start: e for e in deal.evidence}
        for evidence in _evidence([mention.sent]):
            merged.setdefault(evidence.start, evidence)
        deal.evidence = [merged[k] for k in sorted(merged)]


def _link_events(doc: Doc, deals: list[ArmsTransfer]) -> None:
    for deal in deals:
        for event in doc._.events or []:
            start = event.evidence.start
            if any(e.start <= start < e.end for e in deal.evidence) and (
                event.event_id not in deal.event_ids
            ):
                deal.event_ids.append(event.event_id)


class ArmsComponent:
    """spaCy component: sets ``Doc._.deals``."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.deals = deals_for_doc(doc)
        return doc


@Language.factory("newsevents_arms")
def make_arms_component(nlp: Language, name: str) -> ArmsComponent:
    Catalogue.load()
    Lexicon.load()
    return ArmsComponent()
