"""The weapon-system catalogue and the generic phrases ("tanks", "air defence systems").

Systems and phrases are indexed by a compact key (lower-case letters and digits only), so
"S-400s", "S 400" and "s400" are one look-up, and matching a sentence costs a few dict probes
per token whatever the size of the catalogue.

A system's aliases include its variants ("Leopard 2A6" of "Leopard 2", "Su-30SM" of
"Su-30"): an alias that extends the name's designation. A variant the catalogue does not list
is found too when it is a listed key plus a capital designator ("Su-30SME", "F-16I"), as
makers and reporters coin them faster than any list grows. Deals group by the base system and
keep the variant as written.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from pathlib import Path

from newsevents.models import WeaponSystem
from newsevents.tables import data_path, read_tsv

DATA_DIR = data_path("arms", "")

# Punctuation that may sit inside a system's name ("F/A-18", "Sa'ar 6"); any other breaks it.
NAME_PUNCT = frozenset({"-", "/", ".", "'", "’", "&", "–"})
_WORD_RE = re.compile(r"[^\W_]+|\S")
_NOT_ALNUM = re.compile(r"[\W_]+")
_TOKEN_RE = re.compile(r"[A-Za-z]+|\d+")
# Cyrillic letters that scraped text sets in Latin designations ("К2 tanks").
_HOMOGLYPHS = str.maketrans("АВЕКМНОРСТХаеорсху", "ABEKMHOPCTXaeopcxy")
# Words after a designation that make an alias a variant though they stand apart from it.
_VARIANT_WORDS = frozenset({"block", "mk", "mod", "batch", "variant", "ng", "er", "marine",
                            "tranche"})
# The longest capital designator an unlisted variant may add to a listed key ("SME" of
# "Su-30SME"); the longest in the catalogue's own variant aliases is three letters.
MAX_DESIGNATOR = 3


def rows(name: str, data_dir: Path = DATA_DIR) -> Iterator[dict[str, str]]:
    """A table of ``data/en/arms``; ``data_dir`` lets a test load its own tables."""
    return read_tsv(data_dir / name)


@lru_cache(maxsize=1 << 16)
def compact(text: str) -> str:
    """The key a name is indexed under: case, spaces and hyphens do not distinguish names.

    Kept for the most recent words: every word of every sentence is compacted to scan for
    weapon names, and most words recur."""
    return _NOT_ALNUM.sub("", text.translate(_HOMOGLYPHS).lower())


def is_variant(name: str, alias: str) -> bool:
    """Whether ``alias`` names a variant of the system ``name``: it repeats the name's
    designation (its words up to the first number: "Su-30", "Leopard 2"; the first word when
    the name has no number: "CAESAR") and goes on with a designator joined to it ("Su-30SM",
    "Leopard 2A6", "F-35A"), a number ("Mirage 2000-5") or a marker word ("F-16 Block 70"),
    but not a plural ("S-400s") or a nickname ("F-35 Lightning"); or it puts another prefix
    on the same number ("FA-50" of "T-50")."""
    words = [(m.group().lower(), m.start(), m.end()) for m in _TOKEN_RE.finditer(alias)]
    designation = _designation(name)
    theirs = _designation(alias)
    if (len(theirs) == len(designation) > 1 and theirs[-1] == designation[-1]
            and theirs[-1].isdigit() and theirs != designation
            # not the maker spelt out: "Sukhoi-35", "Sukhoi 35" are the Su-35 itself
            and not theirs[0].startswith(designation[0])):
        return True  # "FA-50" of "T-50", "CF-18" of "F/A-18": another prefix, one number
    size = len(designation)
    for start in range(len(words) - size + 1):
        if [w for w, _, _ in words[start:start + size]] != designation:
            continue
        rest = words[start + size:]
        if not rest:
            return False
        word, begin, end = rest[0]
        if begin == words[start + size - 1][2]:  # joined: "30SM", "2A6"
            return not (word == "s" and len(rest) == 1)
        return word.isdigit() or word in _VARIANT_WORDS or (
            len(word) <= MAX_DESIGNATOR and alias[begin:end].isupper())
    return False


def _designation(name: str) -> list[str]:
    words = [m.group().lower() for m in _TOKEN_RE.finditer(name)]
    for i, word in enumerate(words):
        if word.isdigit():
            return words[:i + 1]
    return words[:1]


@dataclass(frozen=True)
class Entry:
    """A catalogue system (``name`` set) or a generic phrase's category; ``variant`` when the
    phrase names one model of the system."""

    name: str | None
    category: str | None
    origin: str | None = None
    manufacturer: str | None = None
    variant: bool = False


@dataclass(frozen=True)
class Hit:
    """Where a phrase was found, in word positions: ``words[start:end]``."""

    start: int
    end: int
    entry: Entry


class PhraseIndex:
    """Phrases keyed by ``compact``; a scan walks tokens while the key read so far is a prefix."""

    def __init__(self, *, cased: bool) -> None:
        self.keys: dict[str, Entry] = {}
        self.prefixes: set[str] = set()
        # The first words of names of several words ("eurofighter" of "Eurofighter Typhoon"):
        # the only words a name may open with in lower case.
        self.first_words: set[str] = set()
        # Names start with a capital or a digit; in lower case "patriot" or "a 10" is a word.
        self.cased = cased

    def add(self, phrase: str, entry: Entry) -> None:
        key = compact(phrase)
        if not key or key in self.keys:
            return
        self.keys[key] = entry
        self.prefixes.update(key[:i] for i in range(1, len(key) + 1))
        words = phrase.split()
        if len(words) > 1:
            self.first_words.add(compact(words[0]))

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
            entry = self._entry(read, words[start:j + 1])
            if entry is not None:
                best = Hit(start, j + 1, entry)
            if read not in self.prefixes:
                break
        return best

    def _entry(self, read: str, read_words: list[str]) -> Entry | None:
        """The entry for the key read so far, also as a plural ("S-400s", "missiles") or as
        an unlisted variant of a listed key ("Su-30SME").

        A cased name may open in lower case with the first word of a name of several words
        when a later word of it is capitalised ("eurofighter Typhoons"): the writer slipped
        on one word of the name; but a name wholly in lower case ("patriot", "a 10") is an
        ordinary word, and "to San" is no "Tosan"."""
        first_word, last_word = read_words[0], read_words[-1]
        if self.cased and not (first_word[:1].isupper() or first_word[:1].isdigit()) and not (
                compact(first_word) in self.first_words
                and any(word[:1].isupper() for word in read_words[1:])):
            return None
        singular = read[:-1] if read.endswith("s") else ""
        for key in (read, singular, singular[:-1] if singular.endswith("e") else ""):
            entry = self.keys.get(key) if key else None
            if entry is not None:
                return entry
        return self._unlisted_variant(read, last_word) if self.cased else None

    def _unlisted_variant(self, read: str, last_word: str) -> Entry | None:
        """A listed key that ends in a number, plus a capital designator written onto it:
        "Su-30SME" (Su-30), "F-16I" (F-16); never digits ("A-100" is not an "A-10")."""
        for size in range(1, MAX_DESIGNATOR + 1):
            designator = last_word[-size:]
            if len(last_word) <= size or not (designator.isalpha() and designator.isupper()):
                break
            entry = self.keys.get(read[:-size])
            if entry is not None and read[-size - 1].isdigit():
                return replace(entry, variant=True)
        return None


class Catalogue:
    """The weapon-system catalogue and the generic phrases, loaded once per process."""

    def __init__(self, named: PhraseIndex, generic: PhraseIndex, sizes: Counter[str],
                 designations: dict[str, Entry]) -> None:
        self.named = named
        self.generic = generic
        self.sizes = sizes
        # A name's designation alone ("K2" of "K2 Black Panther"), when no other system
        # shares it: "K-2 battle tanks" names the system only through the noun after it.
        self.designations = designations

    @classmethod
    @cache
    def load(cls, data_dir: Path = DATA_DIR) -> Catalogue:
        named = PhraseIndex(cased=True)
        sizes: Counter[str] = Counter()
        for row in rows("systems.tsv", data_dir):
            entry = Entry(row["name"], row["category"], row["origin"] or None,
                          row["manufacturer"] or None)
            sizes[row["category"]] += 1
            named.add(row["name"], entry)
            for alias in filter(None, row["aliases"].split("|")):
                variant = is_variant(row["name"], alias)
                named.add(alias, replace(entry, variant=True) if variant else entry)
        generic = PhraseIndex(cased=False)
        for row in rows("generic.tsv", data_dir):
            generic.add(row["phrase"], Entry(None, row["category"] or None))
        return cls(named, generic, sizes, _designations(named))

    def find(self, text: str) -> WeaponSystem | None:
        """The first system named in ``text``, else the first generic mention ("tanks")."""
        tokens = list(_WORD_RE.finditer(text))
        words = [t.group() for t in tokens]
        for index in (self.named, self.generic):
            hits = index.scan(words)
            if hits:
                hit = hits[0]
                mention = text[tokens[hit.start].start():tokens[hit.end - 1].end()]
                return weapon_system(hit.entry, mention, hit.entry.origin)
        return None


def _designations(named: PhraseIndex) -> dict[str, Entry]:
    found: dict[str, list[Entry]] = {}
    for entry in {e.name: e for e in named.keys.values() if e.name and not e.variant}.values():
        words = _designation(entry.name or "")
        if any(w.isdigit() for w in words):
            found.setdefault("".join(words), []).append(entry)
    return {key: entries[0] for key, entries in found.items() if len(entries) == 1}


def variant_text(entry: Entry, mention: str) -> str | None:
    """The variant as written, without a plural ending: "Leopard 2A4s" -> "Leopard 2A4"."""
    if not entry.variant:
        return None
    for ending in ("'s", "’s", "s"):
        stem = mention[:-len(ending)]
        if mention.endswith(ending) and (stem[-1:].isupper() or stem[-1:].isdigit()):
            return stem
    return mention


def weapon_system(entry: Entry, mention: str, origin: str | None) -> WeaponSystem:
    """The record's system; ``origin`` is passed apart because a mention may supply it
    ("Russian missiles") when the catalogue does not."""
    return WeaponSystem(
        name=entry.name, mention=mention, category=entry.category, origin=origin,
        manufacturer=entry.manufacturer,
    )


def names_weapon(text: str) -> bool:
    """Whether ``text`` names a catalogue system: the tagger often calls "Patriot" a person
    and "Rafale" an organisation, and neither may become an actor."""
    system = Catalogue.load().find(text)
    return system is not None and system.name is not None
