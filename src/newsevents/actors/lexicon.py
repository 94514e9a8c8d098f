"""The actor tables of ``data/en/actors/*.tsv`` compiled into one ``Lexicon``.

Every name, adjective, capital, title and sector noun becomes a ``Cue`` keyed by its normalised
words, so a phrase costs a few dict look-ups per word (longest match first) instead of a scan
of the tables. Our own tables are read first, then those derived from the PETRARCH2
dictionaries (``DERIVED``), so ours win wherever both name a phrase.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsevents.actors.words import NAME_PARTICLES, case_fits, case_of, norm, plural, words_of
from newsevents.tables import data_path, read_tsv

DATA_DIR = data_path("actors", "")

# Sectors of an office: with its title, a name means the office holder ("President Castro").
OFFICE_SECTORS = frozenset({"GOV", "LEG"})
WEAK = frozenset({"weak"})
PLACE = frozenset({"place"})  # a region or city: where things happen more than who acts
# Prefixes of the derived tables in data/en/actors, read after our own.
DERIVED = ("petrarch",)
OFFICE_ROLES = frozenset({"head_of_state", "head_of_government", "foreign_minister",
                          "defence_minister"})
# Regnal numbers and suffixes, which are no surnames.
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


def read_tables(data_dir: Path) -> tuple[Lexicon, dict[str, tuple[Person, ...]],
                                         dict[str, frozenset[str]]]:
    """Every table in ``data_dir`` read into one lexicon, with the surnames a lone mention may
    stand for and the generic nouns ("alliance", "bloc") that may stand for IGOs."""
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
    return lexicon, surnames, refs


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
