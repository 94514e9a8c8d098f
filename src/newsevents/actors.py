"""Actor resolution: noun phrases -> ``Actor`` (ISO3 country + sector, or an IGO).

Every name, adjective, capital, title and sector noun lives in ``data/en/actors/*.tsv``. They are
compiled once into a single dict keyed by normalised token tuples, so resolving a phrase costs
a few dict look-ups per word (longest match first) instead of scanning the lexicon.

A phrase is read the way English builds noun phrases: the *core* runs up to the first
preposition or comma and its last word is the head ("president of Armenia": head
"president"). The head decides what the actor is (a person, an IGO, a country, a sector
noun); modifiers before it supply the country ("Russian", "Turkey's", "Ankara"); a country after
"of"/"in"/"from" is used only when the core has none. Nothing is guessed: a phrase without a
country cue keeps ``country=None``.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsevents.models import Actor
from newsevents.places import KNOWN_PEOPLE_KEY, RANK_CITY, RANK_STATE, Gazetteer
from newsevents.spans import entities_in
from newsevents.tables import data_path, read_tsv
from newsevents.weapons import names_weapon

DATA_DIR = data_path("actors", "")

# Entity labels that can name an actor.
ACTOR_LABELS = frozenset({"PERSON", "GPE", "NORP", "ORG", "FAC", "LOC"})
# Words that close the core of a noun phrase; what follows only qualifies it.
CUT_WORDS = frozenset({
    "of", "in", "from", "at", "to", "for", "with", "on", "by", "near", "inside", "outside",
    "across", "throughout", "based", "operating", "living", "fleeing", "who", "which", "that",
    "whose", "under", "over", "against", "including", ",", "(", ")", ";", ":", "--", "–", "—",
})
# Participles that open a phrase after the noun ("militants based in Syria", "refugees fleeing
# the war") but not when they modify the next noun ("a Texas based company", "the fleeing
# Gbagbo forces").
PARTICIPLES = frozenset({"based", "operating", "living", "fleeing"})
# "up to 80 soldiers", "just over 30 fighters": these before a number count, they do not locate.
QUANTIFYING_WORDS = frozenset({"over", "under", "to"})
# Prepositions after which a country still locates the head ("president of Armenia").
LOCATING_WORDS = frozenset({"of", "in", "from"})
# Words that tie people to a group, by word form with its lemma: "forces loyal to Assad",
# "militants linked to Hamas", "men with ties to the Islamic State", "gunmen belonging to Boko
# Haram". The one they are tied to says whose they are. The forms are read on a phrase's text
# (``TIE_WORDS``), the lemmas on a parse (``events.syntax``). Not "backed by": a sponsor is not
# whose the fighters are.
TIES = {"tie": "tie", "ties": "tie", "tied": "tie", "link": "link", "links": "link",
        "linked": "link", "loyal": "loyal", "affiliated": "affiliate", "allied": "ally",
        "aligned": "align", "belonging": "belong"}
TIE_WORDS = frozenset(TIES)
TIE_LEMMAS = frozenset(TIES.values())
ALLEGIANCE_PREPOSITIONS = frozenset({"to", "with"})
# "gunmen suspected to be members of Boko Haram": what follows says who they are.
IDENTITY_WORDS = frozenset({"suspected", "believed", "thought"})
# "Iranian-backed militias" are not Iranian: a country before these words is a backer.
BACKER_WORDS = frozenset({"backed", "supported", "sponsored", "armed", "trained", "allied",
                          "aligned", "linked", "affiliated"})
DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "this", "that", "these"})
OFFICE_SECTORS = frozenset({"GOV", "LEG"})
WEAK = frozenset({"weak"})
PLACE = frozenset({"place"})  # a region or city: where things happen more than who acts
# Prefixes of the derived tables in data/en/actors, read after our own.
DERIVED = ("petrarch",)
OFFICE_ROLES = frozenset({"head_of_state", "head_of_government", "foreign_minister",
                          "defence_minister"})

# "1,700" is one word: a comma inside a number does not close the phrase's core.
_WORD_RE = re.compile(
    r"(?:[A-Za-z]\.){2,}|['’]s\b|\d+(?:,\d{3})+\b|\w+(?:['’](?!s\b)\w+)*|[^\w\s]")


def words_of(text: str) -> list[re.Match[str]]:
    """Split a phrase into words the same way for lexicon keys and for input text."""
    return list(_WORD_RE.finditer(text))


def norm(word: str) -> str:
    """Lower-case, strip accents and unify apostrophes so "Côte d’Ivoire" meets "cote d'ivoire"."""
    word = word.replace("’", "'").lower()
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def case_of(word: str) -> str:
    """What the lexicon demands of a word's case: ``U`` acronym, ``C`` proper noun, ``""`` none."""
    if word.isalpha():  # the common case, without building a list
        if len(word) >= 2 and word.isupper():
            return "U"
        return "C" if word[0].isupper() else ""
    letters = [c for c in word if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return "U"
    return "C" if word[:1].isupper() else ""


def case_fits(required: str, word: str) -> bool:
    """Keep "us", "who" and "turkey" from matching US, WHO and Turkey.

    An acronym also matches its title-case spelling when long enough ("Nato") to be no
    ordinary word.
    """
    if not required:
        return True
    if required == "C":
        return word[:1].isupper()
    letters = [c for c in word if c.isalpha()]
    return all(c.isupper() for c in letters) or (len(letters) >= 4 and word[:1].isupper())


# Words ending in "man" that are no compounds of it: "Germans", not "Germen".
NOT_MAN_COMPOUNDS = frozenset({"german", "human", "roman", "ottoman", "norman", "shaman"})


def plural(term: str) -> str:
    """English plural of a lexicon term's last word, so the data lists singulars only."""
    head, _, last = term.rpartition(" ")
    if last.endswith("man") and last.lower() not in NOT_MAN_COMPOUNDS:
        last = last[:-3] + "men"
    elif last.endswith(("s", "sh", "ch", "x", "ese")):
        return term
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        last = last[:-1] + "ies"
    else:
        last += "s"
    return f"{head} {last}" if head else last


# Particles inside names that news writes in either case ("al-Qaida" and "Al-Qaida", "Jabhat
# al-Nusra"): they never decide whether a word is a name.
NAME_PARTICLES = frozenset({"al", "el", "ad", "ud", "bin", "ibn", "abu", "de", "del", "der", "van",
                            "von", "da", "dos", "di", "du", "la", "le"})
NOT_SURNAMES = frozenset({"i", "ii", "iii", "iv", "v", "vi", "x", "xvi", "jr", "sr"})
# Countries whose leaders' last written name is no surname: a family name first (East Asia,
# Cambodia's "Hun Sen"), or a father's given name (Malaysia's "Anwar Ibrahim" is "Anwar").
FAMILY_NAME_FIRST = frozenset({"CHN", "KOR", "PRK", "TWN", "VNM", "KHM", "MYS"})


@dataclass(frozen=True)
class Person:
    name: str
    country: str | None
    role: str
    sector: str | None
    start: int | None
    end: int | None
    igo: str | None = None

    def in_office(self, year: int) -> bool:
        return (self.start or 0) <= year <= (self.end or 9999)


@dataclass(frozen=True)
class Cue:
    """What one lexicon entry says about the words it covers."""

    kind: str  # country | seat | igo | org | person | sector | block
    country: str | None = None
    sector: str | None = None
    igo: str | None = None
    name: str | None = None
    proper: bool = False  # a country's own name, not an adjective: it can head a phrase
    flags: frozenset[str] = frozenset()
    people: tuple[Person, ...] = ()
    term: str = ""


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    cue: Cue


@dataclass
class Lexicon:
    entries: dict[tuple[str, ...], list[tuple[tuple[str, ...], Cue]]] = field(default_factory=dict)
    max_len: int = 1

    def add(self, phrase: str, cue: Cue) -> None:
        tokens = [m.group() for m in words_of(phrase)]
        if not tokens:
            return
        key = tuple(norm(t) for t in tokens)
        loose = cue.kind == "sector" and "name" not in cue.flags
        cases = tuple("" if loose or (len(tokens) > 1 and norm(t) in NAME_PARTICLES)
                      else case_of(t) for t in tokens)
        bucket = self.entries.setdefault(key, [])
        if (cases, cue) not in bucket:  # one name may be listed in several casings
            bucket.append((cases, cue))
        self.max_len = max(self.max_len, len(key))

    def scan(self, words: list[str], keys: list[str]) -> list[Match]:
        """Greedy longest match from left to right."""
        found: list[Match] = []
        i = 0
        while i < len(keys):
            for n in range(min(self.max_len, len(keys) - i), 0, -1):
                cue = self._lookup(words[i:i + n], tuple(keys[i:i + n]))
                if cue is not None:
                    found.append(Match(i, i + n, cue))
                    i += n
                    break
            else:
                i += 1
        return found

    def _lookup(self, words: list[str], key: tuple[str, ...]) -> Cue | None:
        for cases, cue in self.entries.get(key, ()):
            if all(case_fits(c, w) for c, w in zip(cases, words, strict=True)):
                return cue
        return None


def _rows(path: Path) -> Iterator[dict[str, str]]:
    return read_tsv(path)


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()]


def _year(value: str) -> int | None:
    return int(value[:4]) if value[:4].isdigit() else None


@dataclass
class Resolution:
    """An actor plus what coreference needs to know about the phrase it came from."""

    actor: Actor
    titles: frozenset[str] = frozenset()
    head_known: bool = False  # the phrase's last word is covered by a cue or a name


class ActorResolver:
    """Resolves phrases to actors from the TSV lexicons in ``data/en/actors``."""

    def __init__(self, lexicon: Lexicon, surnames: dict[str, tuple[Person, ...]],
                 refs: dict[str, frozenset[str]]) -> None:
        self.lexicon = lexicon
        self.surnames = surnames
        # Generic nouns ("alliance", "bloc") -> the IGOs they can stand for.
        self.refs = refs
        # Every word any entry starts with: a phrase with none of them resolves to nothing.
        self.first_words = frozenset(key[0] for key in lexicon.entries) | frozenset(refs)

    @classmethod
    def load(cls, data_dir: Path | None = None) -> ActorResolver:
        """The resolver over ``data_dir`` (default: the packaged data), built once per process."""
        return _load(data_dir or DATA_DIR)

    # ---- public API -------------------------------------------------------------------

    def resolve_text(self, text: str, date: dt.date | None = None) -> Actor | None:
        """Resolve a free-standing phrase such as "Russian President Vladimir Putin"."""
        result = self.resolve_phrase(text, date)
        return result.actor if result else None

    def resolve_span(self, span: Span, date: dt.date | None = None) -> Actor | None:
        """Resolve a spaCy span, using its PERSON entities to name unknown people."""
        result = self.resolve_phrase(span.text, date, _person_offsets(span))
        return result.actor if result else None

    def names_group(
        self, text: str, kinds: tuple[str, ...] = ("org", "igo", "person")
    ) -> bool:
        """Whether a phrase names an organisation, IGO or person ("ISIS militants"); with
        ``kinds``, only those kinds of name count."""
        words = [m.group() for m in words_of(text)]
        return any(m.cue.kind in kinds
                   for m in self.lexicon.scan(words, [norm(w) for w in words]))

    def country_of(self, name: str) -> str | None:
        """ISO3 of a country name, adjective, capital or seat of government; else None."""
        tokens = words_of(name.strip())
        key = tuple(norm(m.group()) for m in tokens)
        for _, cue in self.lexicon.entries.get(key, ()):
            if cue.kind in ("country", "seat"):
                return cue.country
        if key[:1] == ("the",):
            return self.country_of(name.strip()[3:])
        return None

    # ---- resolution -------------------------------------------------------------------

    def resolve_phrase(self, text: str, date: dt.date | None = None,
                       persons: Iterable[tuple[int, int]] | None = None) -> Resolution | None:
        """Resolve ``text``; ``persons`` are character ranges known to name a person, or None
        where no tagger has read the text (a free-standing phrase).

        News repeats its phrases ("Turkey", "US officials"), so results are memoised; callers
        get copies, never a shared Actor.
        """
        result = self._memo(text, date, tuple(persons or ()), persons is not None)
        if result is None:
            return None
        return Resolution(result.actor.model_copy(), result.titles, result.head_known)

    @lru_cache(maxsize=8192)  # noqa: B019 -- one resolver per data dir lives for the process
    def _memo(self, text: str, date: dt.date | None, persons: tuple[tuple[int, int], ...],
              tagged: bool = False) -> Resolution | None:
        tokens = words_of(text)
        if not tokens:
            return None
        words = [m.group() for m in tokens]
        keys = [norm(w) for w in words]
        matches = [m for m in self.lexicon.scan(words, keys) if m.cue.kind != "block"]
        matches = _drop_stances(_trades_in_names(matches, words), keys)
        matches = _drop_other_names(matches, words, keys)
        matches = self._add_persons(matches, tokens, persons, date)
        cut = _cut(keys, matches)
        core = [m for m in matches if m.end <= cut]
        locates = _locates(keys, cut, core[-1] if core else None)
        post = [m for m in matches if m.start >= cut and locates]
        head = core[-1] if core else None
        actor = self._build(text, core, post, head, words, cut, date)
        if actor is not None and not (actor.country or actor.igo):
            town = _town_country(words, keys, matches)  # "Cleveland police", "people in Lagos"
            if town is not None:
                actor = actor.model_copy(update={"country": town})
        if cut < len(keys) and keys[cut] == "," and cut + 1 < len(tokens):
            # "Habib, an Australian citizen": the apposition fills what the name leaves open
            rest = self._memo(text[tokens[cut + 1].start():], date, ())
            age = _counts_only([w for w in words[cut + 1:] if w[:1].isalnum()])
            if rest is not None and not age:  # "Hatuel, 34" is no count (see _aged)
                actor = _merge(actor, rest.actor) if actor else rest.actor
                actor = actor.model_copy(update={"text": text.strip()})
        if _armed_group_name(words, keys, cut, matches):
            country = next((m.cue.country for m in core if m.cue.kind in ("country", "seat")),
                           None)
            actor = Actor(text=text.strip(), name=text.split(",")[0].strip(), country=country,
                          sector="REB")
        if not tagged and (actor is None or actor.sector is None) and _kunya(
                words, keys, cut, matches):
            # a free-standing phrase only: in an article the tagger calls the village of
            # "Abu Leiha" a person as well, and places must stay places
            actor = _merge(actor, KUNYA_ACTOR) if actor else KUNYA_ACTOR
            actor = actor.model_copy(update={"text": text.strip(), "name": actor.name
                                             or text.split(",")[0].strip()})
        group = _armed_group_tied(keys, cut, matches) if actor and actor.sector == "CVL" else None
        if actor is not None and group is not None:
            actor = actor.model_copy(update={
                "sector": "REB", "country": actor.country or group.country})
        if (actor is None or not (actor.sector or actor.igo)) and _aged(keys):
            # "Yousef Jabri, 15", "a 14-year-old from Assira"
            aged = Actor(text=text.strip(), name=text.split(",")[0].strip(), sector="CVL")
            actor = _merge(actor, aged) if actor else aged
        if actor is None:
            return None
        titles = frozenset(m.cue.term for m in core if "title" in m.cue.flags)
        return Resolution(actor, titles, head is not None and head.end >= _last_word(words, cut))

    def _add_persons(self, matches: list[Match], tokens: list[re.Match[str]],
                     persons: Iterable[tuple[int, int]], date: dt.date | None) -> list[Match]:
        """Turn entity-marked names and known surnames into person matches."""
        out = list(matches)
        for start_char, end_char in persons:
            idx = [i for i, t in enumerate(tokens)
                   if t.start() >= start_char and t.end() <= end_char]
            if not idx or any(m.cue.kind in ("person", "org", "igo") and m.start <= idx[-1]
                              and m.end > idx[0] for m in out):
                continue
            if any(m.cue.kind == "country" and m.start == idx[0] and m.end == idx[-1] + 1
                   for m in out):
                continue  # the tagger calls "Mali" or "Chad" a person at a sentence start
            first, last = idx[0], idx[-1] + 1
            out = [m for m in out if m.end <= first or m.start >= last]
            name = " ".join(t.group() for t in tokens[first:last])
            out.append(Match(first, last, self._person_cue(name, date)))
        return sorted(out, key=lambda m: m.start)

    def _person_cue(self, name: str, date: dt.date | None) -> Cue:
        """A known person by unique surname (in office at ``date``), else the bare name."""
        parts = name.split()
        candidates = self.surnames.get(norm(parts[-1]), ())
        if len(parts) > 1:
            # "Jack Ma" is not Ma Ying-jeou: where the family name comes first, a full name
            # that ends in it is someone else's; nor is a full name a head's lone surname
            candidates = tuple(p for p in candidates if p.country not in FAMILY_NAME_FIRST)
        person = _pick_person(candidates, date, lone=len(parts) == 1)
        if person is None:
            return Cue("person", name=name)
        return _cue_of_person(person)

    def _titled(self, words: list[str], match: Match) -> bool:
        """Whether a name's own entry, or the word before it, carries an office title
        ("President George W. Bush" is a table alias, "President Castro"): then, undated,
        the office is meant, not what the person did later."""
        return any("title" in cue.flags and cue.sector in OFFICE_SECTORS
                   for word in words[max(match.start - 1, 0):match.end]
                   for _, cue in self.lexicon.entries.get((norm(word),), ()))

    def _build(self, text: str, core: list[Match], post: list[Match], head: Match | None,
               words: list[str], cut: int, date: dt.date | None) -> Actor | None:
        people = {id(m): _pick_person(m.cue.people, date, self._titled(words, m),
                                      _written_alone(words, m))
                  for m in core + post if m.cue.people}
        core = [_settle(m, people, words) for m in core]
        post = [_settle(m, people, words) for m in post]
        head = _settle(head, people, words) if head else None
        if head and _contradicted(head, core):
            head = Match(head.start, head.end,
                         Cue("person", name=" ".join(words[head.start:head.end])))
            core = [*core[:-1], head]
        keys = [norm(w) for w in words]
        country, igo = _country_and_igo(core, post, head, keys)
        sector = _group_sector(core, post, keys)
        name = _name(core, head, words, cut)
        if head and head.cue.kind == "person" and head.cue.sector and not sector:
            sector = head.cue.sector
        if sector is None and head is not None and (head.end >= _last_word(words, cut)
                                                    or not _unled(words[head.end:])):
            sector = _sector_of_bare_head(head, words, core)
        if (cut < len(words) and keys[cut] in ("of", "for") and _titled_only(core, keys)
                and not any(m.cue.kind in ("org", "igo") for m in post)):
            # "leaders of two major tribes", "a spokesman for the army": whose voice it is
            sector = _sector(_first_part(post, keys, cut), keys) or sector
        if cut < len(words) and keys[cut] == "of" and _collective_head(core):
            # "a group of villagers": who they are follows "of", where it says
            sector = (_sector(_first_part(post, keys, cut), keys)
                      or (post and _sector_of_bare_head(post[-1], words, post)) or sector)
        if sector is None and cut < len(words) and norm(words[cut]) == "of":
            # "thousands of villagers", "members of a family"; not a place's own sector
            sector = _sector(_first_part(post, keys, cut), keys)
            if sector is None and post and _counts_only(words[:cut]):  # "hundreds of Palestinians"
                sector = _sector_of_bare_head(post[-1], words, post)
        sector = _retired(sector, core, words, cut)
        if igo and sector != "MIL":
            sector = None  # an IGO has no sector unless it is a peacekeeping force
        if not (core or post) and _counted_people(words):
            sector = "CVL"
        if not any((country, igo, sector, name)):
            return None
        return Actor(text=text.strip(), name=name, country=country, sector=sector, igo=igo)


# ---- helpers of resolution (pure functions over matches) ----------------------------


# A town no table names gives its country only when the gazetteer reads it one way: a city
# weighing at least this (population x10 for its main name, x100 for a capital) and this many
# times any reading in another country. Set on the train+dev gold actor spans of
# corpus/annotated (scripts/score_actor_spans.py): 22 phrases right, 5 wrong.
TOWN_MIN_WEIGHT = 500_000.0
TOWN_MARGIN = 5.0
# After "in", "of" or "from" ("officials in Dogubayazit", "residents of Batken") the word is
# surely a place, so a smaller town will do (population x10 >= 50,000). Set on the same spans:
# 8 phrases right, none wrong once a possessive is left out ("one of Morris's sons"). Before a
# role noun a word is as often an adjective ("Arab villagers", "Federal police"), and the lower
# floor there was wrong as often as right.
LOCATED_TOWN_MIN_WEIGHT = 50_000.0
# Words that make a town's name the district around it ("Dallas County", "Mandera County",
# "Jefferson Parish"): the district is in the town's country.
ADMIN_WORDS = frozenset({"county", "parish", "district", "prefecture", "municipality"})
# Words after a province's name that say it is one ("Guerrero state police").
UNIT_WORDS = frozenset({"state", "province", "governorate", "region"})


def _town_country(words: list[str], keys: list[str], matches: list[Match]) -> str | None:
    """The country of a town named where it says whose an actor is: right before a role
    noun ("Cleveland police", "the Jaffna mayor") or after "in/of/from" ("residents of
    Chennai"). Words any table knows are not read as towns."""
    covered = {i for m in matches for i in range(m.start, m.end)}
    roles = {m.start for m in matches if m.cue.kind == "sector"}

    def name_word(i: int) -> bool:
        return (i not in covered and words[i][:1].isupper() and words[i].isalpha()
                and keys[i] not in DETERMINERS and keys[i] not in NUMBER_WORDS
                and keys[i - 1:i] != ["-"])  # not "anti-Bush"

    i = 0
    while i < len(words):
        if not name_word(i):
            i += 1
            continue
        j = i
        while j < len(words) and name_word(j):
            j += 1
        after = j + 1 if keys[j:j + 1] == ["'s"] else j
        if keys[j:j + 1] and keys[j] in UNIT_WORDS:
            # "Tamaulipas state officials": a name with a province's kind is a place
            name = " ".join(words[i:j])
            country = (_town_of(f"{name} {keys[j]}", located=True)
                       or _town_of(name, 0.0, located=True))
            if country is not None:
                return country
        # not "of Morris's sons": a possessive after "of" is a person's more often
        located = i > 0 and keys[i - 1] in LOCATING_WORDS and after == j
        if after in roles or located:
            floor = LOCATED_TOWN_MIN_WEIGHT if located else TOWN_MIN_WEIGHT
            country = _town_of(" ".join(words[i:j]), floor, located)
            if country is None and j - i > 1 and keys[j - 1] in ADMIN_WORDS:
                country = _town_of(" ".join(words[i:j - 1]), floor)  # "Dallas County"
            if country is not None:
                return country
        i = j
    return None


# A name that opens with "Abu" and no table knows ("Abu Hajer al-Tunisi") is a nom de guerre:
# on the train+dev gold actor spans of corpus/annotated (scripts/score_actor_spans.py) such
# names were members of armed groups 26 times of 30 (3 none, 1 a journalist). Its sector only,
# and not where an apposition says who the person is ("Abu Karim, a baker").
KUNYA_ACTOR = Actor(text="", sector="REB")


# Words that open the names of armed groups in Arabic ("Liwaa Suqour al-Sahra", "Jaish
# al-Nasr", "Failaq al-Sham": brigade, army, legion): a name no table holds that opens with
# one is an armed group's, whatever person or role its words name. On the train+dev gold actor
# spans of corpus/annotated (scripts/score_actor_spans.py), such names were armed groups 240
# times of 242; reading the ones no table holds so made 10 spans better.
ARMED_NAME_WORDS = frozenset({"liwa", "liwaa", "jaish", "jaysh", "kataib", "kataeb", "harakat",
                              "jabhat", "saraya", "failaq", "faylaq", "fouj", "ahrar", "jund",
                              "alwiya", "tajammu"})


def _armed_group_name(words: list[str], keys: list[str], cut: int,
                      matches: list[Match]) -> bool:
    start = 1 if keys[:1] and keys[0] in DETERMINERS else 0
    if keys[start:start + 1] == [] or keys[start] not in ARMED_NAME_WORDS:
        return False
    if not words[start][:1].isupper() or not any(
            w[:1].isupper() for w in words[start + 1:cut] if norm(w) not in NAME_PARTICLES):
        return False
    # a table knows the group, or lists the whole name ("Liwa al-Tawhid")
    return not any(m.cue.kind in ("org", "igo")
                   or (m.cue.kind == "person" and m.start == start and m.end >= cut)
                   for m in matches)


def _kunya(words: list[str], keys: list[str], cut: int, matches: list[Match]) -> bool:
    start = 1 if keys[:1] and keys[0] in DETERMINERS else 0
    return (keys[start:start + 1] == ["abu"] and "," not in keys[start:cut + 1]
            and any(w[:1].isupper() for w in words[start + 1:cut])
            and not any(m.cue.kind in ("sector", "org", "igo") and m.end <= cut
                        for m in matches))


def _town_of(name: str, floor: float = TOWN_MIN_WEIGHT, located: bool = False) -> str | None:
    """The country of a town; after "in/of/from" (``located``) also of a province or state
    that no other country has one of that name ("the state of Nayarit"). Before a role noun
    a province's name is as often a people's or a region's ("Salamat tribesmen", "Ulster
    police": on the train+dev gold actor spans, 1 right and 2 wrong, against 3 right and
    none wrong after "in/of")."""
    readings = Gazetteer.load().readings(name)
    if not readings:
        return None
    top = readings[0]
    if located and top.rank == RANK_STATE and top.country is not None:
        rivals = [r for r in readings if r.rank >= RANK_STATE and r.country != top.country]
        return None if rivals else top.country
    if top.rank != RANK_CITY or top.country is None or top.weight < floor:
        return None
    rival = max((r.weight for r in readings if r.country != top.country), default=0.0)
    return top.country if top.weight >= TOWN_MARGIN * rival else None


def _trades_in_names(matches: list[Match], words: list[str]) -> list[Match]:
    """Keep a trade word flagged ``name`` only as the last word of a capitalised name ("Hunt
    Oil", "Asia Energy"), not as a plain word or a name's first ("Oil workers"); the name it
    ends is the company's, not a person's ("Hunt" of "Hunt Oil" is no minister)."""
    def trade(m: Match) -> bool:
        after = words[m.end] if m.end < len(words) else ""
        return (m.start > 0 and words[m.start - 1][:1].isupper()
                and not after[:1].isupper())
    starts = {m.start for m in matches if "name" in m.cue.flags and trade(m)}
    return [m for m in matches if ("name" not in m.cue.flags or m.start in starts)
            and not (m.cue.kind == "person" and m.end in starts)]


def _drop_stances(matches: list[Match], keys: list[str]) -> list[Match]:
    """"pro-Iranian Hizbollah" and "Iranian-backed militias" are not Iranian, "a pro-ISIS
    attacker" is not ISIS, "anti-Bush protesters" are not Bush's: drop what such words name,
    except the people a "pro-" phrase serves ("pro-Assad forces" are Assad's)."""
    return [m for m in matches if not _stance_dropped(m, keys)]


def _stance_dropped(match: Match, keys: list[str]) -> bool:
    kind = match.cue.kind
    if kind == "sector":
        return False
    stance = keys[match.start - 2] if match.start >= 2 and keys[match.start - 1] == "-" else ""
    if stance == "anti":
        return True
    if stance == "pro" and kind in ("country", "org", "igo"):
        return True
    return kind == "country" and _backer(match, keys)


# Backer words that never name a trait of the noun's own side, so that they mark a backer even
# unhyphenated ("U.S. backed rebels"; "Russian armed forces" are Russian).
UNHYPHENATED_BACKER_WORDS = frozenset({"backed", "sponsored", "supported"})


def _backer(match: Match, keys: list[str]) -> bool:
    after = keys[match.end:match.end + 2]
    if after[:1] == ["-"]:
        return bool(set(after[1:]) & BACKER_WORDS)
    return bool(set(after[:1]) & UNHYPHENATED_BACKER_WORDS)


# Words before a surname that belong to no name: "Mr Putin" is still Putin.
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "gen",
                        "sen", "rep", "gov", "col", "lt", "capt", "maj", "sgt", "prof"})


def _drop_other_names(matches: list[Match], words: list[str], keys: list[str]) -> list[Match]:
    """"John Walker Lindh" is not Anna Lindh, "Mohamed Bazoum" no Somali Mohamed: a lone
    surname after a capitalised word no entry knows, or before any capitalised name word, is
    part of another person's name, and stands for that whole name only."""
    covered = {i for m in matches if not _lone_surname(m, keys) for i in range(m.start, m.end)}
    surnames = {m.start for m in matches if _lone_surname(m, keys)}

    def name_word(i: int) -> bool:
        return (0 <= i < len(words) and i not in covered and words[i][:1].isupper()
                and words[i].isalpha() and keys[i] not in HONORIFICS
                and keys[i] not in DETERMINERS and keys[i] not in NUMBER_WORDS)

    def joined_before(i: int) -> bool:  # "Abdel-Hamid": a hyphen to a given name
        return (i > 0 and keys[i] == "-" and name_word(i - 1) and i - 1 not in surnames
                and keys[i - 1] not in NAME_PARTICLES)

    def particle_after(i: int) -> bool:  # "Hamid al-Nador": the surname is a given name
        rest = [w for w in words[i:i + 3] if w != "-"]
        return (len(rest) >= 2 and keys[i] in NAME_PARTICLES and rest[1][:1].isupper())

    out = []
    for m in matches:
        other_name = _lone_surname(m, keys) and (
            (name_word(m.start - 1) and m.start - 1 not in surnames) or name_word(m.end)
            or joined_before(m.start - 1) or particle_after(m.end))
        if other_name or _title_as_surname(m, words, name_word):
            first, last = m.start, m.end
            while name_word(first - 1):
                first -= 1
            while name_word(last):
                last += 1
            name = " ".join(words[first:last]).replace(" - ", "-")
            m = Match(m.start, m.end, Cue("person", name=name))
        out.append(m)
    return out


# Titles that are also common surnames ("Patty King", "Sarah Bishop").
SURNAME_TITLES = frozenset({"king", "prince", "bishop", "judge", "pope"})


def _title_as_surname(match: Match, words: list[str], name_word: Callable[[int], bool]) -> bool:
    """Such a title after a given name, ending the phrase or before a suffix ("Martin Luther
    King Jr."), is a surname."""
    after = words[match.end] if match.end < len(words) else ""
    return (norm(words[match.start]) in SURNAME_TITLES and match.end - match.start == 1
            and words[match.start][:1].isupper() and name_word(match.start - 1)
            and (not after[:1].isalnum() or norm(after) in NOT_SURNAMES))


def _written_alone(words: list[str], match: Match) -> bool:
    """Whether no other name or title stands beside a name ("Blair", "Mr. Saleh"; not
    "Ahmed Hassan" or "Colonel Hassan")."""
    def name_like(i: int) -> bool:
        return (0 <= i < len(words) and words[i][:1].isupper() and words[i].isalpha()
                and norm(words[i]) not in HONORIFICS)

    return not (name_like(match.start - 1) or name_like(match.end))


def _lone_surname(match: Match, keys: list[str]) -> bool:
    """A surname matched alone: one word, or one word with its particle ("al-Zubaidi")."""
    if not match.cue.people or match.cue.name is not None:
        return False
    return sum(k != "-" and k not in NAME_PARTICLES for k in keys[match.start:match.end]) == 1


def _cut(keys: list[str], matches: list[Match]) -> int:
    """Where the core ends: at the first preposition, comma or relative word past the first
    word that is neither inside a name ("the WHO") nor a quantity ("just over 30 fighters")."""
    named = {i for m in matches if m.cue.kind != "sector" for i in range(m.start, m.end)}
    named |= {i for m in matches for i in range(m.start + 1, m.end)}
    for i, key in enumerate(keys):
        if i == 0 or key not in CUT_WORDS or i in named:
            continue
        following = keys[i + 1] if i + 1 < len(keys) else ""
        if key in QUANTIFYING_WORDS and (following[:1].isdigit() or following in COUNT_WORDS):
            continue
        if key in PARTICIPLES and following and not (
                following in CUT_WORDS or following in DETERMINERS):
            continue
        return i
    return len(keys)


def _locates(keys: list[str], cut: int, head: Match | None) -> bool:
    """Whether what follows the core says whose it is: "of/in/from", "loyal to", and "for"
    after an official's role ("a spokesman for Iran's mission", "an envoy for the UN"; not
    "a reporter for a French radio", who may be of any country)."""
    if cut >= len(keys):
        return False
    if keys[cut] in LOCATING_WORDS:
        return True
    if keys[cut] in PARTICIPLES:  # "militants based in Syria", "Kurds living in Iraq"
        return keys[cut + 1:cut + 2] == ["in"]
    if keys[cut] == "for":
        return (head is not None and head.end == cut and head.cue.kind == "sector"
                and head.cue.sector == "GOV")
    if keys[cut] == "to" and keys[cut - 1] in IDENTITY_WORDS:  # "gunmen suspected to be ..."
        return True
    return keys[cut] in ALLEGIANCE_PREPOSITIONS and keys[cut - 1] in TIE_WORDS


def _last_word(words: list[str], cut: int) -> int:
    """Index just past the last real word of the core (skipping "'s" and punctuation)."""
    end = cut
    while end > 0 and not words[end - 1][:1].isalnum():
        end -= 1
    return end


def _settle(match: Match, people: dict[int, Person | None], words: list[str]) -> Match:
    """Replace a name cue by the one person it means here, or keep only the name as written."""
    if not match.cue.people:
        return match
    person = people.get(id(match))
    written = " ".join(words[match.start:match.end])
    cue = _cue_of_person(person) if person else Cue("person", name=written)
    return Match(match.start, match.end, cue)


NUMBER_WORDS = frozenset({
    "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands",
    "million", "billion", "several", "many", "some", "few", "other", "more", "fellow",
    "another", "scores",
})
COUNT_WORDS = NUMBER_WORDS - {"a", "an", "other", "fellow", "more", "some", "many", "few",
                              "another"}
# Words around a number that only say how many ("at least", "tens of thousands").
APPROXIMATION_WORDS = frozenset({"at", "least", "about", "around", "nearly", "almost", "some",
                                 "over", "up", "to", "tens", "millions", "of", "an",
                                 "estimated", "as", "many", "more", "than"})


def _counts_only(words: list[str]) -> bool:
    """Whether words only count ("tens of thousands", "at least 300"), naming no one."""
    keys = [norm(w) for w in words]
    return bool(keys) and all(k[:1].isdigit() or k in COUNT_WORDS or k in APPROXIMATION_WORDS
                              for k in keys)


# Counts that say how many only vaguely, or only one: left to what they point back to.
VAGUE_COUNTS = frozenset({"several", "one"})


def _counted_people(words: list[str]) -> bool:
    """Whether the phrase is a bare count of people ("Thousands", "tens of thousands", "at
    least 300", "five"): those are civilians (docs/annotation.md, 4: "people"). On the
    train+dev gold actor spans of corpus/annotated (scripts/score_actor_spans.py) such counts
    were civilians 45 times of 60, none 7, no other sector more than twice. "Two others" and
    "several" are left to what they point back to: "several" took the place of a named source
    of dev events, and the dev actor phrases code "two others" none. An age ("Hatuel, 34") is
    no count: ``_aged`` reads it."""
    keys = [norm(w) for w in words]
    return (any(k[:1].isdigit() or k in COUNT_WORDS for k in keys)
            and not VAGUE_COUNTS.intersection(keys) and _counts_only(words))


AGE_RE = re.compile(r"\d{1,3} ?- ?years? ?- ?old|, \d{1,2}(?: ,|$)|\baged \d{1,3}\b")


def _aged(keys: list[str]) -> bool:
    """Whether the phrase describes a person by age ("a 16-year-old", "Paul Joyal, 53"):
    where no role noun says otherwise, such a person is a civilian. On the train and dev gold
    actor spans of the real-text documents of corpus/annotated (scripts/score_actor_spans.py),
    aged people with no sector were civilians 20 times of 27, criminals 4 and none 2."""
    return bool(AGE_RE.search(" ".join(keys)))


# What a nationality adjective alone stands for as an actor: annotators mark "Saudi" of "Saudi
# air strikes" and "Turkish" of "Turkish shelling". On the train+dev gold actor spans of
# corpus/annotated (scripts/score_actor_spans.py) such adjectives were the armed forces 70
# times, the government 46 and other sectors 15.
BARE_NATIONALITY_SECTOR = "MIL"


def _sector_of_bare_head(head: Match, words: list[str], core: list[Match]) -> str | None:
    """What the phrase's own head says when no sector word does (docs/annotation.md, 4).

    A country named as a whole ("Turkey", "the United States") is its government; a
    nationality used as a noun for people ("five Americans", "a Palestinian", "two French",
    "hundreds of Lebanese") is civilians; a nationality adjective that is the whole actor
    ("Russian" of "Russian air strikes") is the armed forces.
    """
    cue = head.cue
    if cue.kind != "country" or any(m.cue.kind in ("person", "org") for m in core):
        return None
    alone = not any(w[:1].isalnum() for w in words[:head.start] + _unled(words[head.end:]))
    if cue.proper:
        # A lone "U.S." is mostly adjectival ("U.S. air strikes": the armed forces 60 times
        # of 86 on the train+dev gold actor spans), but as the armed forces it turned a dev
        # event's type through the event model's sector features; it stays the government.
        if "place" in cue.flags:
            return None
        # "US-led"; not "Armenia's" of "Armenia's grid", which is the country as a whole
        led = alone and head.end < len(words) and norm(words[head.end]) != "'s"
        return BARE_NATIONALITY_SECTOR if led else "GOV"
    word = words[head.end - 1]
    before = norm(words[head.start - 1]) if head.start > 0 else ""
    if word.endswith("s") and word[:1].isupper() and before != "the":
        return "CVL"
    if before in NUMBER_WORDS or before[:1].isdigit() or before in ("of", "old"):
        return "CVL"  # "of" only follows counts here: "hundreds of Lebanese"; "a 24-year-old"
    if alone:
        return BARE_NATIONALITY_SECTOR
    return None


def _unled(rest: list[str]) -> list[str]:
    """"US-led" of "US-led air strikes" is the country's own armed force, as "US" alone is."""
    return [] if [norm(w) for w in rest] == ["-", "led"] else rest


def _contradicted(head: Match, core: list[Match]) -> bool:
    """"Pakistan President ... Haq" is not a Haq known from another country: the title's
    country outranks a name look-up."""
    if head.cue.kind != "person" or not head.cue.country:
        return False
    return any(m.cue.kind in ("country", "seat") and m.cue.country != head.cue.country
               for m in core)


def _pick_person(candidates: tuple[Person, ...], date: dt.date | None,
                 titled: bool = False, lone: bool = True) -> Person | None:
    """``lone``: the surname is all the phrase names ("Blair", not "Ahmed Hassan")."""
    names = {p.name for p in candidates}
    if len(names) == 1:
        return _in_office_first(candidates, date, titled)
    if date is None:
        if titled:
            return _family(candidates)
        return _head_of_state(candidates) if lone else None
    current = [p for p in candidates if p.in_office(date.year)]
    if len({p.name for p in current}) == 1:
        return current[0]
    return _family(tuple(current) or candidates) if titled else None


# Offices whose holders news names by surname alone, the higher first.
HEAD_ROLES = ("head_of_state", "head_of_government")


def _head_of_state(candidates: tuple[Person, ...]) -> Person | None:
    """Undated, a surname that one head of state or government bears among lesser office
    holders ("Blair" is Tony Blair, not Canada's defence minister Bill Blair) or that one
    state's heads share ("Castro", "Kabila") is that head's: news names a head by surname
    alone far more than a minister. On the train+dev gold actor spans of corpus/annotated
    (scripts/score_actor_spans.py, whose newswire sentences carry no date) reading them so
    made 17 spans better and 3 worse (a Brazilian Castro, a journalist Miller)."""
    for role in HEAD_ROLES:  # "Mubarak" is Egypt's president, not a Yemeni prime minister
        heads = tuple(p for p in candidates if p.role == role)
        if len({p.name for p in heads}) == 1:
            return _in_office_first(heads, None)
        if heads:
            return _family(heads)
    return None


def _family(candidates: tuple[Person, ...]) -> Person | None:
    """With the office's title ("President Castro", "President Aliyev"), a surname that
    several office holders of one state share still says whose the person is when the date
    does not say which of them: the actor is named by the surname alone. Without a title
    the surname may be anyone's (a judge named Castro in Brazil). Most of the corpus's
    newswire sentences carry no date (train and dev splits)."""
    if len({(p.country, p.igo) for p in candidates}) != 1:
        return None
    latest = _in_office_first(candidates, None, titled=True)
    return replace(latest, name=latest.name.split()[-1], start=None, end=None)


def _in_office_first(candidates: tuple[Person, ...], date: dt.date | None,
                     titled: bool = False) -> Person:
    """One person may hold several offices over time: take the one held at ``date``; with
    no date, the latest, or the latest office when the phrase gives the title.

    A row with no dates at all is the derived tables' fallback for any other time (Kofi
    Annan is the UN's from 1997 to 2006 and an elite otherwise): a dated row wins over it.
    """
    if date is not None:
        held = [p for p in candidates if p.in_office(date.year)]
        if held:
            return next((p for p in held if not _undated(p)), held[0])
    offices = [p for p in candidates if p.sector in OFFICE_SECTORS] if titled else []
    pool = offices or candidates
    return max([p for p in pool if not _undated(p)] or pool,
               key=lambda p: (p.end is None, p.end or 0))


def _undated(person: Person) -> bool:
    return person.start is None and person.end is None


def _cue_of_person(person: Person) -> Cue:
    return Cue("person", country=person.country, igo=person.igo, sector=person.sector,
               name=person.name)


def _country_and_igo(core: list[Match], post: list[Match], head: Match | None,
                     keys: list[str]) -> tuple[str | None, str | None]:
    """The head's own country first, then a modifier's, then a locating "of/in" phrase.

    A country named before a group of another country's table entry is the group's own
    ("Pakistani Taliban", "Australia's Defense Department"). Several countries joined in one
    part of the phrase ("Indian and Pakistani armies", "diplomats from Estonia and Latvia")
    give none: each is an actor of its own.
    """
    core = [m for m in core if not _ethnic(m, keys)]
    if head is not None and _ethnic(head, keys):
        head = None
    if head is not None and "collective" in head.cue.flags:
        # "the Shabab Alsunnah FSA group": the body the generic noun closes is the last named
        head = next((m for m in reversed(core) if m.cue.kind in ("org", "igo")), head)
    named = [m for m in core if m is not head and m.cue.kind in ("country", "seat")
             and m.cue.country and (head is None or m.end <= head.start)]
    if head and head.cue.country and (head.cue.proper or head.cue.kind in ("person", "org")):
        if head.cue.kind == "org" and named and not _several_countries(named, keys):
            return named[-1].cue.country, None
        return head.cue.country, None
    if _several_countries(core, keys):
        return None, None
    for match in core:
        if match.cue.country:
            return match.cue.country, None
    igo = next((m.cue.igo for m in reversed(core) if m.cue.igo), None)
    if igo:
        return None, igo
    if (head and "abroad" in head.cue.flags) or _several_countries(post, keys):
        return None, None
    for i, match in enumerate(post):
        if match.cue.country:
            return match.cue.country, None
        if match.cue.igo:
            return None, _last_igo_of_name(post[i:])
    return None, None


def _ethnic(match: Match, keys: list[str]) -> bool:
    """"ethnic Albanians", "ethnic Russians": a people living in some state, which the place
    of the story gives, not the state of the nationality (Kosovo's, Macedonia's and Serbia's
    Albanians in the annotated corpus and the PLOVER gold set)."""
    return (match.cue.kind == "country" and not match.cue.proper and match.start > 0
            and keys[match.start - 1] == "ethnic")


# Words that join two actors' names into a list ("Indian and Pakistani", "Iraqi-US").
JOINERS = frozenset({"and", "or", "&", ",", "/", "-", "nor"})


def _several_countries(matches: list[Match], keys: list[str]) -> bool:
    """Whether two different countries are listed side by side, not one inside the other's
    phrase ("Kosovo Albanian separatists", "Paraguayan President Santiago Pena")."""
    named = [m for m in matches if m.cue.kind in ("country", "seat") and m.cue.country]
    return any(a.cue.country != b.cue.country and JOINERS.intersection(keys[a.end:b.start])
               for a, b in itertools.pairwise(named))


def _last_igo_of_name(matches: list[Match]) -> str | None:
    """"the U.N. World Food Programme (WFP)": the body a run of IGO names ends in."""
    igo, end = matches[0].cue.igo, matches[0].end
    for match in matches[1:]:
        if match.start > end + 1 or not match.cue.igo:
            break
        igo, end = match.cue.igo, match.end
    return igo


def _sector(core: list[Match], keys: list[str]) -> str | None:
    """Strong sector nouns beat generic roles ("rebel leader"), which beat ethnic modifiers.

    Only the phrase's own words count: a named person's or group's sector from the tables
    yields to what the phrase calls them ("opposition leader Khaleda Zia" is OPP whatever
    office she once held; see ``_group_sector`` for groups).
    """
    cue = _role(core, keys)
    sector = cue.sector if cue else None
    if sector in OFFICE_SECTORS and any("former" in m.cue.flags for m in core):
        return "ELI"
    sector = _followers(_armed_people(sector, core, keys), core)
    return _whose_arms(_opposing(sector, core), core, keys)


# Roles that "opposition" before them makes the opposition's: "opposition lawmakers",
# "an opposition activist", "opposition governors"; its armed bodies stay rebels.
OPPOSABLE_SECTORS = frozenset({"LEG", "GOV", "CVL"})


def _opposing(sector: str | None, core: list[Match]) -> str | None:
    """On the train+dev gold actor spans of corpus/annotated (scripts/score_actor_spans.py),
    lawmakers, activists and officials called "opposition" were the opposition 10 times of 13."""
    roles = [m for m in core if m.cue.kind == "sector" and m.cue.sector]
    if (sector in OPPOSABLE_SECTORS and len(roles) > 1 and roles[-1].cue.sector == sector
            and any(m.cue.term == "opposition" for m in roles[:-1])):
        return "OPP"
    return sector


# Nouns for people that say nothing of who they are ("men", "individuals").
PLAIN_PEOPLE = frozenset({"man", "men", "person", "persons", "individual", "people", "youth"})
# Words after plain people that make them armed ("men armed with machetes"); before them,
# "gun-wielding youths".
ARMING_WORDS = frozenset({"armed", "wielding"})
# "two men on a motorcycle", "men riding motorbikes": the drive-by attackers of news.
RIDING_WORDS = frozenset({"on", "riding"})
MOTORCYCLES = frozenset({"motorcycle", "motorcycles", "motorbike", "motorbikes"})
# "suspected Fulani herdsmen": herders suspected of a raid are its unidentified attackers.
HERDERS = frozenset({"herdsman", "herdsmen", "herder"})


def _armed_people(sector: str | None, core: list[Match], keys: list[str]) -> str | None:
    """Plain people named only as armed, or as riding a motorcycle, and herders named only as
    suspects are unidentified armed attackers (docs/annotation.md, 4: UAF), as "armed men"
    are. On the train+dev gold actor spans of corpus/annotated (scripts/score_actor_spans.py):
    armed, 8 such phrases right and 2 wrong ("young men armed with slingshots" were
    protesters); on motorcycles, 4 right and 1 wrong; suspected herders, 6 right and 1
    wrong."""
    roles = [m for m in core if m.cue.kind == "sector" and m.cue.sector]
    if sector != "CVL" or not roles:
        return sector
    head = roles[-1]
    if head.cue.term in HERDERS and "suspected" in keys[max(head.start - 2, 0):head.start]:
        return "UAF"
    if head.cue.term not in PLAIN_PEOPLE:
        return sector
    if ARMING_WORDS.intersection(keys[max(head.start - 2, 0):head.end + 1]):
        return "UAF"
    if keys[head.end:head.end + 1] and keys[head.end] in RIDING_WORDS and MOTORCYCLES.intersection(
            keys[head.end + 1:head.end + 5]):
        return "UAF"
    return sector


def _armed_group_tied(keys: list[str], cut: int, matches: list[Match]) -> Cue | None:
    """The armed group that plain people are tied to (``TIE_WORDS``: "men with suspected
    al-Qaida links", "youths loyal to Sadr") after the core: they are its members
    (docs/annotation.md, 4: members of armed groups are REB, of the group's country). On the
    train+dev gold actor spans of corpus/annotated (scripts/score_actor_spans.py): 3 such
    phrases made right, none wrong."""
    heads = [m for m in matches if m.end <= cut and m.cue.kind == "sector"]
    if not heads or heads[-1].cue.term not in PLAIN_PEOPLE:
        return None
    end = heads[-1].end
    if not TIE_WORDS.intersection(keys[end:]):
        return None
    return next((m.cue for m in matches if m.start >= end and m.cue.sector == "REB"
                 and m.cue.kind in ("org", "person")), None)


# Nouns for followers: "government supporters" are civilians who back the government.
FOLLOWERS = frozenset({"supporter"})


def _followers(sector: str | None, core: list[Match]) -> str | None:
    """Supporters of a government or its leader are civilians (train+dev gold actor spans of
    corpus/annotated: 2 of 2); of a party or the opposition they keep its sector."""
    roles = [m.cue for m in core if m.cue.kind == "sector" and m.cue.sector]
    if sector == "GOV" and roles and roles[-1].term in FOLLOWERS:
        return "CVL"
    return sector


# Nouns for an armed body, its members or its arms, which say that it is armed but not
# whose: "Kurdish forces", "separatist forces", "regime jets", "a pro-regime fighter".
ARMED_BODIES = frozenset({"forces", "force", "troops", "soldier", "commander", "unit",
                          "contingent", "fighter", "jet", "aircraft", "helicopter", "plane",
                          "chopper", "warplane", "drone", "brigade", "battalion", "division"})
# Peoples with no state of their own, whose armed bodies are armed groups ("Kurdish forces",
# "Tamil fighters"); faiths are left out ("Bosnian Muslim forces" were a state's army), and so
# are Serbs ("Serb forces" were Serbia's and the Bosnian Serbs' armies alike).
STATELESS_PEOPLES = frozenset({"kurd", "kurdish", "tamil", "pashtun", "uighur", "uyghur",
                               "rohingya", "druze", "baloch", "hutu", "tutsi"})
# Rebel words that still qualify a state's own armed body ("paramilitary troops").
STATE_ARMED_WORDS = frozenset({"paramilitary", "paramilitaries"})
# Words of a state's executive that make the armed body beside them its armed forces.
STATE_WORDS = frozenset({"regime", "government", "govt"})


def _whose_arms(sector: str | None, core: list[Match], keys: list[str]) -> str | None:
    """An armed body is the rebels' when a rebel word or a stateless people qualifies it, and
    the armed forces when the state's government or regime does (docs/annotation.md, 4).

    On the train+dev gold actor spans of corpus/annotated (scripts/score_actor_spans.py),
    reading them so made 19 spans rebels and 10 the armed forces rightly, and 1 rebels
    wrongly ("separatist forces" the gold leaves without a sector).
    """
    roles = [m for m in core if m.cue.kind == "sector" and m.cue.sector]
    if not roles or roles[-1].cue.term not in ARMED_BODIES:
        return sector
    qualifiers = [m.cue for m in roles[:-1] if keys[max(m.start - 2, 0):m.start] != ["anti", "-"]]
    if sector in ("GOV", "REB", "MIL") and any(c.term in STATE_WORDS for c in qualifiers):
        return "MIL"  # "regime jets", "government militia troops"
    if sector == "MIL" and roles[-1].cue.sector == "MIL" and any(
            (c.sector == "REB" and "weak" not in c.flags and c.term not in STATE_ARMED_WORDS)
            or c.term in STATELESS_PEOPLES for c in qualifiers):
        return "REB"
    return sector


# Sectors of the state's armed and legal servants: one of them, once former or retired ("a
# retired army colonel", "a former police chief", "former KGB agent"), is an elite acting
# privately (docs/annotation.md, 4: ELI). A plural ("former Iraqi army officers") stays a body
# that still acts as one: on the train+dev gold actor spans of corpus/annotated
# (scripts/score_actor_spans.py) the singulars were elites 7 times of 9, the plurals kept
# their sector 4 times of 6.
SERVANT_SECTORS = frozenset({"MIL", "COP", "SPY", "JUD"})


def _retired(sector: str | None, core: list[Match], words: list[str], cut: int) -> str | None:
    if (sector in SERVANT_SECTORS and any("former" in m.cue.flags for m in core)
            and not words[_last_word(words, cut) - 1].lower().endswith("s")):
        return "ELI"
    return sector


def _role(core: list[Match], keys: list[str]) -> Cue | None:
    """The last role noun of the strongest level; of roles joined by "and" or commas, the
    first named ("policemen and soldiers" are police, "troops and policemen" the army)."""
    for level in ("strong", "weak", "mod"):
        found = [m for m in core if m.cue.sector and m.cue.kind not in ("person", "org")
                 and _level(m.cue) == level]
        # "union leaders", "community leaders": an office any body has yields to the body;
        # "business groups", "church groups": so does a body's generic noun, first
        found = ([m for m in found if not (_office_title(m.cue) or "collective" in m.cue.flags)]
                 or [m for m in found if not _office_title(m.cue)] or found)
        if found:
            return _ranked_body(_first_of_list(found, keys), found, keys).cue
    return None


# Ranks, members and arms of a force whose body the word before them names ("a police
# sergeant", "police commandos", "a police lieutenant colonel", "a police armoured vehicle"):
# the body's sector, not the army's.
RANKS = frozenset({"general", "colonel", "commander", "sergeant", "commando", "corporal",
                   "brigadier", "lieutenant", "captain", "major"})
RANKED_BODY_SECTORS = frozenset({"COP", "SPY"})


def _ranked_body(pick: Match, found: list[Match], keys: list[str]) -> Match:
    """On the train+dev gold actor spans of corpus/annotated (scripts/score_actor_spans.py),
    reading them so made 10 spans right that were coded as the army, and none wrong."""
    if pick.cue.sector != "MIL":
        return pick
    body = next((m for m in found if m.end <= pick.start and m.cue.sector in RANKED_BODY_SECTORS
                 and RANKS.issuperset(keys[m.end:pick.start])), None)
    return body or pick


# Words that open what happened to those named after "of", not who they are.
CLAUSE_WORDS = frozenset({"who", "which", "that", "whose", "at", "in", "on", "near", "inside",
                          "outside", "with", "including", "against", "during"})


def _first_part(post: list[Match], keys: list[str], cut: int) -> list[Match]:
    """The role nouns of the phrase after "of", up to its own next preposition or relative
    word: "scores of workers who were captured at a cement factory" are workers."""
    end = next((i for i in range(cut + 1, len(keys)) if keys[i] in CLAUSE_WORDS), len(keys))
    return [m for m in post if m.cue.kind == "sector" and m.end <= end]


def _titled_only(core: list[Match], keys: list[str]) -> bool:
    """Whether the phrase's only role is a generic title and it names no group itself."""
    cue = _role(core, keys)
    return (cue is not None and _office_title(cue)
            and not any(m.cue.kind in ("org", "igo", "country", "seat") for m in core))


def _office_title(cue: Cue) -> bool:
    """A generic title any organisation's head or voice may bear ("leader", "spokesman")."""
    return cue.flags >= {"weak", "title"} and cue.sector == "GOV"


# Words that list actors of one phrase ("police, paramilitary and army troops").
LISTING_WORDS = frozenset({"and", "&", ","})


def _first_of_list(found: list[Match], keys: list[str]) -> Match:
    """Annotators code a list of different roles by its first: on the train+dev gold actor
    spans of corpus/annotated (scripts/score_actor_spans.py), police and soldiers listed
    together took the first one's sector 15 times of 16."""
    for a, b in itertools.pairwise(found):
        if a.cue.sector != b.cue.sector and LISTING_WORDS.intersection(keys[a.end:b.start]):
            before = [m for m in found if m.end <= a.end]
            return before[-1]
    return found[-1]


# Sectors of those who act by force in person: soldiers, police and security forces, rebels,
# and gunmen no one has named. They are the roles an armed group's members take inside it
# ("Hamas gunmen", "YPG forces" and "the top commander of Ahrar al-Sham" are the group's
# fighters), and what moves and strikes as a force does (``events.triggers``).
FORCE_SECTORS = frozenset({"MIL", "COP", "REB", "UAF"})
# Sectors of organisations that have fighters of their own: armies, rebel groups and gangs (a
# cartel's gunmen are the cartel's). Not FORCE_SECTORS: unnamed gunmen are no organisation,
# and gangs fight without being a force that holds ground or moves as one.
ARMED_SECTORS = frozenset({"REB", "MIL", "CRM"})


def _group_sector(core: list[Match], post: list[Match], keys: list[str]) -> str | None:
    """The phrase's role (``_sector``), or the sector of the last group it names where no
    role noun gives one, where the role is generic or a mere modifier ("Kurdish-led SDF",
    "state airline Belavia"), or where it only says what an armed group's members do
    (gunmen, forces, commander; this holds for a named rebel leader too: "RSF commander
    Dagalo")."""
    role = _sector(core, keys)
    matches = core + post
    groups = [m.cue for m in matches if m.cue.kind == "org" and m.cue.sector]
    armed = [m.cue for m in matches if m.cue.kind in ("org", "person")
             and m.cue.sector in ARMED_SECTORS]
    if armed and role in FORCE_SECTORS:
        return armed[-1].sector
    if role == "UAF" and any(m.cue.kind == "sector" and m.cue.sector == "REB"
                             and "weak" not in m.cue.flags for m in post):
        return "REB"  # "gunmen from militant groups": the group says who they are
    if not groups:
        return role
    if groups[-1].sector == "PTY" and role in ("CVL", "LAB") and keys[-1] in PARTY_PEOPLE:
        return "PTY"  # "Congress party activists", "BJP workers": the party's people as such
    cue = _role(core, keys)
    if cue is None or _generic_role(cue):  # "Newmont officials", "a Hamas spokesman"
        return groups[-1].sector
    return role


# People a party acts through (docs/annotation.md, 4: PTY is "a political party, its members
# as such"); named with the party, they are its own, not civilians or workers.
PARTY_PEOPLE = frozenset({"activist", "activists", "worker", "workers", "member", "members",
                          "supporter", "supporters", "cadre", "cadres"})


def _collective_head(core: list[Match]) -> bool:
    """Whether the core's only role is a noun for a body of people, which says nothing of who
    they are once "of" follows ("a group of"; not "the radical group of")."""
    roles = [m for m in core if m.cue.kind == "sector" and m.cue.sector]
    return len(roles) == 1 and roles[0] is core[-1] and "collective" in roles[0].cue.flags


def _generic_role(cue: Cue) -> bool:
    """Whether a role is a modifier ("Kurdish", "state"), a generic one ("official",
    "leader") or an office title any organisation has ("spokesman", "president")."""
    return "mod" in cue.flags or "collective" in cue.flags or (
        bool(cue.flags & {"weak", "title"}) and cue.sector in ("GOV", "COP", "SPY"))


def _level(cue: Cue) -> str:
    if "former" in cue.flags:
        return "former"
    if "mod" in cue.flags:
        return "mod"
    if "weak" in cue.flags:
        return "weak"
    return "strong"


def _name(core: list[Match], head: Match | None, words: list[str], cut: int) -> str | None:
    """Canonical name when the head is a person, IGO or organisation; else a titled name."""
    if head is None:
        return None
    end = _last_word(words, cut)
    if head.end >= end and head.cue.kind in ("person", "igo", "org") and head.cue.name:
        return head.cue.name
    for match in core:
        tail = words[match.end:end]
        if "title" in match.cue.flags and tail and all(w[:1].isupper() for w in tail) and not any(
                m.cue.kind != "sector" for m in core if m.start >= match.end):
            return " ".join(tail)
    return None


def _person_offsets(span: Span) -> list[tuple[int, int]]:
    """Character ranges, relative to the span, of PERSON entities inside it.

    ``nlp.entities_in``, not ``Span.ents``: that walks the whole document on every call, which
    made long articles quadratic.
    """
    return [(ent.start_char - span.start_char, ent.end_char - span.start_char)
            for ent in entities_in(span) if ent.label_ == "PERSON"]


# ---- loading ------------------------------------------------------------------------


@cache
def _load(data_dir: Path) -> ActorResolver:
    lexicon = Lexicon()
    _load_sectors(lexicon, data_dir / "sectors.tsv")
    _load_countries(lexicon, data_dir / "countries.tsv")
    _load_seats(lexicon, data_dir / "seats.tsv")
    for row in _rows(data_dir / "places.tsv"):
        sector = row.get("sector") or None
        lexicon.add(row["place"], Cue("country", country=row["iso3"], sector=sector, proper=True,
                                      flags=PLACE | WEAK if sector else PLACE))
    refs = _load_igos(lexicon, data_dir / "igos.tsv")
    _load_orgs(lexicon, data_dir / "orgs.tsv")
    surnames = _load_people(lexicon, data_dir / "people.tsv")
    for surname, persons in _load_people(lexicon, data_dir / "leaders.tsv",
                                         last_names=False).items():
        surnames[surname] = surnames.get(surname, ()) + persons
    # Tables derived from the field's open dictionaries (scripts/derive_actor_tables.py) come
    # after ours, so our entries win wherever both name a phrase.
    for prefix in DERIVED:
        for ref, igos in _load_igos(lexicon, data_dir / f"{prefix}_igos.tsv").items():
            refs[ref] = refs.get(ref, frozenset()) | igos
        _load_orgs(lexicon, data_dir / f"{prefix}_orgs.tsv")
        _load_people(lexicon, data_dir / f"{prefix}_people.tsv", with_surnames=False)
        _load_sectors(lexicon, data_dir / f"{prefix}_sectors.tsv", fill_only=True)
    for row in _rows(data_dir / "blocked.tsv"):
        lexicon.add(row["phrase"], Cue("block"))
    return ActorResolver(lexicon, surnames, refs)


def _load_sectors(lexicon: Lexicon, path: Path, fill_only: bool = False) -> None:
    """Listed terms first, generated plurals after, so "forces" keeps its own entry.

    With ``fill_only`` (the derived role nouns), a term is read only where none of its words
    is a role noun already read: "arsonist" and "rustler" fill gaps, but "unidentified
    gunmen" or "paramilitary police" stay composed by our own rules (the dictionary codes
    them REB and MIL, against docs/annotation.md, 4).
    """
    cues = [Cue("sector", sector=row["sector"] or None, flags=frozenset(_split(row["flags"])),
                term=row["term"].lower()) for row in _rows(path)]
    if fill_only:
        known = {key[0] for key, bucket in lexicon.entries.items()
                 if len(key) == 1 and any(cue.kind == "sector" for _, cue in bucket)}
        cues = [cue for cue in cues if not known.intersection(
            norm(m.group()) for m in words_of(cue.term))]
    for cue in cues:
        lexicon.add(cue.term, cue)
    for cue in cues:
        lexicon.add(plural(cue.term), cue)


def _load_countries(lexicon: Lexicon, path: Path) -> None:
    for row in _rows(path):
        iso3 = row["iso3"]
        for name in [row["name"], *_split(row["aliases"])]:
            lexicon.add(name, Cue("country", country=iso3, proper=True))
        for capital in _split(row["capitals"]):
            # A capital standing for its country is its government ("Ankara said").
            lexicon.add(capital, Cue("country", country=iso3, sector="GOV", proper=True,
                                     flags=WEAK))
        for adjective in _split(row["adjectives"]):
            lexicon.add(adjective, Cue("country", country=iso3))
            lexicon.add(plural(adjective), Cue("country", country=iso3))


def _load_seats(lexicon: Lexicon, path: Path) -> None:
    for row in _rows(path):
        cue = Cue("seat", country=row["iso3"], sector=row["sector"] or None, proper=True)
        lexicon.add(row["phrase"], cue)
        lexicon.add("the " + row["phrase"], cue)


def _load_igos(lexicon: Lexicon, path: Path) -> dict[str, frozenset[str]]:
    refs: dict[str, set[str]] = {}
    for row in _rows(path):
        cue = Cue("igo", igo=row["igo"], name=row["name"], sector=row["sector"] or None)
        for alias in [row["name"], *_split(row["aliases"])]:
            lexicon.add(alias, cue)
        for ref in _split(row["refs"]):
            refs.setdefault(ref.lower(), set()).add(row["igo"])
    return {k: frozenset(v) for k, v in refs.items()}


def _load_orgs(lexicon: Lexicon, path: Path) -> None:
    for row in _rows(path):
        cue = Cue("org", country=row["country"] or None, sector=row["sector"] or None,
                  name=row["name"])
        for alias in [row["name"], *_split(row["aliases"])]:
            lexicon.add(alias, cue)


def _load_people(lexicon: Lexicon, path: Path, with_surnames: bool = True,
                 last_names: bool = True) -> dict[str, tuple[Person, ...]]:
    """Full names and aliases go into the lexicon; surnames into a table for lone mentions.

    ``with_surnames`` false (the large derived tables) keeps only full names: a lone surname
    shared by thousands of office holders would name the wrong one. ``last_names`` false
    keeps the one-word aliases a table lists but makes no surname of a last name on its own
    ("Lagos", "Maduro" and "Chapo" alone name a city, another president and a drug lord).
    """
    surnames: dict[str, list[Person]] = {}
    by_name: dict[str, list[Person]] = {}
    for row in _rows(path):
        name = row.get("name", "")
        if not name:
            continue
        role = row.get("role") or "other"
        sector = row.get("sector") or ("GOV" if role in OFFICE_ROLES else None)
        code = row.get("country") or None
        igo = code[4:] if code and code.startswith("IGO:") else None
        person = Person(name, None if igo else code, role, sector,
                        _year(row.get("start", "")), _year(row.get("end", "")), igo)
        last = name.split()[-1]
        # Regnal numbers and suffixes ("Jr.", with or without its dot) are no surnames:
        # "Martin Luther King Jr." is not Ferdinand Marcos Jr. Where the last name is none
        # (FAMILY_NAME_FIRST) the name used alone is listed as an alias.
        if (with_surnames and last_names and norm(last).rstrip(".") not in NOT_SURNAMES
                and person.country not in FAMILY_NAME_FIRST):
            surnames.setdefault(norm(last), []).append(person)
        for alias in [name, *_split(row.get("aliases", ""))]:
            if not with_surnames:
                if " " in alias:  # full names only, without the cost of splitting words
                    by_name.setdefault(alias, []).append(person)
            elif len(words_of(alias)) == 1:
                surnames.setdefault(norm(alias), []).append(person)
            else:
                by_name.setdefault(alias, []).append(person)
    for name, persons in by_name.items():
        lexicon.add(name, Cue("person", people=tuple(persons), name=persons[0].name))
    for surname, persons in surnames.items():
        key_cue = Cue("person", people=tuple(persons))
        lexicon.add(surname.title(), key_cue)
    return {k: tuple(v) for k, v in surnames.items()}


# ---- within-article coreference and the spaCy component -----------------------------


class ArticleMemory:
    """What an article has said so far, so later short mentions can point back.

    "Putin" after "Russian President Vladimir Putin", "the president" after a titled actor,
    "the alliance" after NATO. Only exact surname, title or IGO-noun matches are used.
    """

    def __init__(self, refs: dict[str, frozenset[str]]) -> None:
        self.refs = refs
        self.by_surname: dict[str, Actor] = {}
        self.by_title: dict[str, Actor] = {}
        self.by_ref: dict[str, Actor] = {}

    def remember(self, result: Resolution) -> None:
        actor = result.actor
        if actor.name and (actor.country or actor.sector) and not actor.igo:
            self.by_surname[norm(actor.name.split()[-1])] = actor
        if actor.country or actor.name:
            for title in result.titles:
                self.by_title[title] = actor
        if actor.igo:
            for ref, igos in self.refs.items():
                if actor.igo in igos:
                    self.by_ref[ref] = actor

    def recall(self, text: str, result: Resolution | None) -> Actor | None:
        """The earlier actor a short mention stands for, with this mention's text."""
        keys = [norm(m.group()) for m in words_of(text)]
        content = [k for k in keys if k not in DETERMINERS and k[:1].isalnum()]
        earlier = None
        if result is None:
            if len(content) == 1 and keys[0] in DETERMINERS:
                earlier = self.by_ref.get(content[0])
        elif result.actor.name and not result.actor.country and not result.actor.igo:
            earlier = self.by_surname.get(norm(result.actor.name.split()[-1]))
        elif _bare_title(result) and keys[0] in DETERMINERS:
            earlier = next((self.by_title[t] for t in sorted(result.titles)
                            if t in self.by_title), None)
        return earlier.model_copy(update={"text": text.strip()}) if earlier else None


def _bare_title(result: Resolution) -> bool:
    actor = result.actor
    return bool(result.titles) and not (actor.country or actor.igo or actor.name)


def _article_date(doc: Doc) -> dt.date | None:
    article = doc._.article if Doc.has_extension("article") else None
    date = getattr(article, "date", None)
    return date if isinstance(date, dt.date) else None


def candidate_spans(doc: Doc) -> list[Span]:
    """Noun phrases worth resolving, in document order, each ending at its head.

    Noun chunks come first; a chunk directly followed by a PERSON entity absorbs it (the
    parser often detaches "counterpart Recep Tayyip Erdogan"); entities outside every chunk
    are added on their own.
    """
    ents = doc.ents
    person_at = {ent.start: ent for ent in ents if ent.label_ == "PERSON"}
    spans: list[Span] = []
    taken: set[int] = set()
    for chunk in doc.noun_chunks:
        ent = person_at.get(chunk.end)
        span = _trim(doc[chunk.start:ent.end] if ent is not None and chunk.root.pos_ == "NOUN"
                     else chunk)
        if not span:
            continue
        spans.append(span)
        taken.update(range(span.start, span.end))
    for ent in ents:
        if ent.label_ in ACTOR_LABELS and not taken.intersection(range(ent.start, ent.end)):
            spans.append(ent)
    return sorted(spans, key=lambda s: s.start)


def _trim(span: Span) -> Span:
    """Drop quotes, dashes and line breaks the parser leaves at a chunk's edges."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if start == span.start and end == span.end:
        return span
    return doc[start:end]


class ActorComponent:
    """spaCy component: sets ``Token._.actor`` on the head token of every resolvable phrase."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self._resolver: ActorResolver | None = None

    def initialize(self, get_examples: object = None, *, nlp: Language | None = None) -> None:
        """Read the tables, so that a broken one fails when the pipeline is built."""
        self._resolver = ActorResolver.load(self.data_dir)

    @property
    def resolver(self) -> ActorResolver:
        if self._resolver is None:  # added to a pipeline without ``initialize``
            self.initialize()
        assert self._resolver is not None
        return self._resolver

    def __call__(self, doc: Doc) -> Doc:
        date = _article_date(doc)
        memory = ArticleMemory(self.resolver.refs)
        for span in candidate_spans(doc):
            actor = self._resolve(span, date, memory)
            if actor is not None:
                head = span[-1] if span.label_ == "PERSON" else span.root
                head._.actor = actor
                self._mark_appositions(head, actor, date)
        doc.user_data[KNOWN_PEOPLE_KEY] = self._known_people(doc)
        return doc

    def _known_people(self, doc: Doc) -> frozenset[str]:
        """The words tagged as people that the tables name as someone: a town may share such
        a name ("Lula"), and the place stage, which cannot read these tables, asks here."""
        words = {t.text for t in doc if t.ent_type_ == "PERSON" and t.text[:1].isupper()}
        return frozenset(w for w in words if (a := self.resolver.resolve_text(w)) is not None
                         and a.name is not None)

    def _resolve(self, span: Span, date: dt.date | None, memory: ArticleMemory) -> Actor | None:
        first_words = self.resolver.first_words
        if not any(t.ent_type_ == "PERSON" or norm(t.text) in first_words for t in span):
            return None
        result = self.resolver.resolve_phrase(span.text, date, _person_offsets(span))
        unplaced = result is not None and not (result.actor.country or result.actor.igo)
        if unplaced and _names_weapon(span):
            return None
        earlier = memory.recall(span.text, result)
        if earlier is not None:
            return earlier
        if result is None:
            return None
        if not (result.head_known or span.label_ in ACTOR_LABELS or _nationals(span, result)
                or _held(span, result) or _collective(span, result)):
            return None
        memory.remember(result)
        return result.actor

    def _mark_appositions(self, head: Token, actor: Actor, date: dt.date | None) -> None:
        """"Erdogan, the Turkish president": each side fills what the other lacks."""
        for child in head.children:
            if child.dep_ != "appos":
                continue
            appos = head.doc[child.left_edge.i:child.i + 1]
            if child.like_num:
                continue  # "Latifi, 62,": an age, no count of people
            other = self.resolver.resolve_span(appos, date)
            if other is None:
                continue
            merged = _merge(actor, other)
            head._.actor = merged
            child._.actor = merged.model_copy(update={"text": other.text})


def _nationals(span: Span, result: Resolution) -> bool:
    """ "Iraqi lawyers", "French secret agents", "Russian planes": a plural noun our tables
    do not know, made someone's by a nationality or country before it, is that country's
    (docs/annotation.md, section 4); its sector stays open."""
    root = span.root
    if root.tag_ not in ("NNS", "NNPS") or not result.actor.country:
        return False
    return any(
        t.i < root.i and (t.ent_type_ == "NORP" or (t.ent_type_ == "GPE" and t.dep_ == "compound"))
        for t in span
    )  # not a place's possessive: "Chechnya's towns" are where, not who


# What an armed side holds or moves in: "shelled rebel positions" is aimed at the rebels.
HELD_NOUNS = frozenset({
    "position", "base", "checkpoint", "post", "stronghold", "defense", "defence", "hideout",
    "convoy", "vehicle", "target", "outpost", "barrack", "camp", "headquarter", "fortification",
})


def _held(span: Span, result: Resolution) -> bool:
    """ "rebel positions", "army checkpoints": the holder's sector (and country) for a place
    or convoy an attack is aimed at."""
    return span.root.lemma_.lower() in HELD_NOUNS and result.actor.sector is not None


# Nouns for a body of people that say nothing of who they are: "rebel groups", "militant
# factions", "opposition groups" are whoever their modifier names.
COLLECTIVE_NOUNS = frozenset({
    "group", "faction", "outfit", "cell", "wing", "coalition", "alliance", "bloc", "movement",
    "network", "organisation", "organization", "band", "gang", "brigade", "battalion",
    "personnel", "detachment", "contingent",
})


def _collective(span: Span, result: Resolution) -> bool:
    """ "rebel groups", "insurgent factions": the modifier's sector is the group's."""
    return span.root.lemma_.lower() in COLLECTIVE_NOUNS and result.actor.sector is not None


def _names_weapon(span: Span) -> bool:
    return names_weapon(span.text)


def _merge(first: Actor, second: Actor) -> Actor:
    """Fill the empty fields of ``first`` from ``second``; never overwrite a known value."""
    update = {k: getattr(second, k) for k in ("name", "country", "sector", "igo")
              if getattr(first, k) is None and getattr(second, k) is not None}
    if first.igo and update.get("country"):
        update.pop("country")
    return first.model_copy(update=update)


@Language.factory("newsevents_actors", default_config={"data_dir": None})
def make_actor_component(nlp: Language, name: str, data_dir: str | None) -> ActorComponent:
    """``data_dir``: the actor tables (default: the package's, for the model's language)."""
    return ActorComponent(Path(data_dir) if data_dir else data_path("actors", "", nlp.lang))
