"""Derive our actor tables from the PETRARCH2 / Phoenix dictionaries (MIT, Open Event Data).

    .venv/bin/python scripts/derive_actor_tables.py [DICTIONARY_DIR]

DICTIONARY_DIR defaults to ``../shared/dictionaries/petrarch2`` beside the repository. The
script writes, into ``src/newsevents/data/en/actors/``:

- ``petrarch_people.tsv``: people with dated codes, one row per dated office (people.tsv's
  columns), so a name resolves by the article's date;
- ``petrarch_orgs.tsv``: parties, agencies, armed groups, companies and NGOs with a country
  and sector and no dates (orgs.tsv's columns);
- ``petrarch_igos.tsv``: more names of the international organisations we know (igos.tsv's
  columns);
- ``petrarch_sectors.tsv``: role nouns -> our sectors (sectors.tsv's columns);
- ``LICENSE.petrarch2``: the dictionaries' MIT notice, which derived data must keep.

The resolver reads these after our own tables, so our entries win where both name a phrase.
CAMEO codes are mapped to ours: a three-letter country (ISO 3166-1 alpha-3 in most cases, with
the few CAMEO-only codes mapped), then role codes of which the first that we have decides the
sector (CAMEO MED is media -> JRN, HLH is health -> MED, AGR -> CVL); IGO codes map to our IGO
identifiers by prefix; NGO, MNC (companies) and IMG (international armed groups) become
sectors NGO, BUS and REB. Entries that are places (a bare country code), codes we cannot map,
and one-word names of companies and NGOs (too often ordinary words) are left out. The output
follows the dictionaries' order and is the same on every run.

The dictionaries' role nouns (Phoenix.agents.txt) become ``petrarch_sectors.tsv``
(sectors.tsv's columns, every row ``weak``). CAMEO codes several of them against our guidelines
(protesters as opposition, lawyers as courts, villages as civilians): those codes and nouns are
left out (``AGENT_SECTORS``, ``AGENT_SKIP``), and the resolver reads a derived term only where
none of its words is a role noun of ours, so our rules keep composing the rest.
"""

from __future__ import annotations

import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = ROOT.parent / "shared" / "dictionaries" / "petrarch2"
OUT = ROOT / "src" / "newsevents" / "data" / "en" / "actors"

SECTORS = {
    "GOV": "GOV", "MIL": "MIL", "COP": "COP", "SPY": "SPY", "JUD": "JUD", "LEG": "LEG",
    "PTY": "PTY", "OPP": "OPP", "REB": "REB", "CVL": "CVL", "BUS": "BUS", "MED": "JRN",
    "HLH": "MED", "NGO": "NGO", "REL": "REL", "LAB": "LAB", "EDU": "EDU", "REF": "REF",
    "CRM": "CRM", "UAF": "UAF", "ELI": "ELI", "AGR": "CVL", "PPL": "CVL",
}
# CAMEO country codes that are not ISO 3166-1 alpha-3 (historical states map to successors).
COUNTRY_FIXES = {"KSV": "XKX", "USR": "RUS", "SUN": "RUS", "YUG": "SRB", "SCG": "SRB",
                 "FRY": "SRB"}
# CAMEO IGO codes -> our identifiers (data/en/actors/igos.tsv), longest prefix first.
IGO_CODES = {
    "IGOUNOHLHWHO": "WHO", "IGOUNOKID": "UNICEF", "IGOUNOIAE": "IAEA", "IGOUNOLABILO": "ILO",
    "IGOUNOHRIHCH": "OHCHR", "IGOUNOREFHCR": "UNHCR", "IGOUNODEVWBK": "WB", "IGOUNOWBK": "WB",
    "IGOUNOWFP": "WFP", "IGOUNOJUDICJ": "ICJ", "IGOUNOAIE": "IEA", "IGOUNO": "UN",
    "IGOEUREEC": "EU", "IGOWSTNAT": "NATO", "IGOSEAASN": "ASEAN", "IGOBUSOPC": "OPEC",
    "IGOBUSIMF": "IMF", "IGOBUSWTO": "WTO", "IGOOAS": "OAS", "IGOMEAARL": "ARABLEAGUE",
    "IGOJUDICC": "ICC", "IGOAFRAFU": "AU", "IGOAFROAU": "AU", "IGOWAFWAS": "ECOWAS",
    "IGOMOSOIC": "OIC", "IGOEAFEAC": "EAC", "IGOSASSAA": "SAARC", "IGOASADEVADB": "ADB",
    "IGOCOPITP": "INTERPOL", "IGOCWN": "COMMONWEALTH",
}
# Name particles written in lower case in running text ("al-Zarqawi", "de Mistura").
PARTICLES = frozenset({
    "al", "el", "ul", "ud", "bin", "ibn", "bint", "de", "del", "della", "der", "den", "van",
    "von", "la", "le", "du", "da", "dos", "das", "di", "of", "the", "and", "for", "y", "e",
    "on", "in", "to", "at", "a",
})
DATE = re.compile(r"^([<>]?)(\d{6,8})(?:-(\d{6,8}))?$")
CODE = re.compile(r"\[([^\]]*)\]")
LICENCE_NOTE = (
    "# Derived by scripts/derive_actor_tables.py from the PETRARCH2 / Phoenix dictionaries\n"
    "# (github.com/openeventdata/petrarch2, commit 676801c, file {source}).\n"
    "# MIT License, Copyright (c) 2014 Open Event Data; the full notice is in LICENSE.petrarch2\n"
    "# beside this file. Regenerate with the script; do not edit by hand (our own tables, read\n"
    "# first, are the place for corrections).\n"
)


@dataclass
class Entry:
    names: list[str] = field(default_factory=list)
    codes: list[tuple[str, int | None, int | None]] = field(default_factory=list)
    plurals: list[str] = field(default_factory=list)


def _year(text: str) -> int | None:
    if len(text) >= 8 and text[:2] in ("19", "20"):
        return int(text[:4])
    if len(text) == 7 and text[:2] in ("19", "20"):
        return int(text[:4])
    yy = int(text[:2])
    return 2000 + yy if yy <= 25 else 1900 + yy


def _code(text: str) -> tuple[str, int | None, int | None] | None:
    parts = text.split()
    if not parts:
        return None
    code, start, end = parts[0], None, None
    if len(parts) > 1:
        found = DATE.match(parts[1])
        if not found:
            return None
        sign, first, second = found.groups()
        if sign == ">":
            start = _year(first)
        elif sign == "<":
            end = _year(first)
        else:
            start, end = _year(first), _year(second) if second else None
    return code, start, end


def parse(path: Path) -> list[Entry]:
    """The entries of a TABARI/PETRARCH actor or agent file, in file order."""
    entries: list[Entry] = []
    current: Entry | None = None
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip() or line.lstrip().startswith("!"):
            continue
        codes = [c for c in (_code(m) for m in CODE.findall(line)) if c]
        plurals = re.findall(r"\{([^}]*)\}", line)
        name = CODE.sub("", re.sub(r"\{[^}]*\}", "", line)).strip()
        if raw[:1] in (" ", "\t", "[") and not name:
            if current is not None:
                current.codes += codes
            continue
        if name.startswith("+"):
            if current is not None:
                current.names.append(name[1:])
                current.codes += codes
            continue
        current = Entry([name], codes, [p for p in plurals if p.strip()])
        entries.append(current)
    return entries


def phrase(name: str) -> tuple[str, list[str]]:
    """"ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_" -> ("Aden Abyan Islamic Army", ["AAIA"])."""
    inner = re.findall(r"\(([^)]*)\)", name)
    text = re.sub(r"\([^)]*\)", " ", name).replace("_", " ")
    text = " ".join(text.split())
    if text.upper().startswith("THE "):
        text = text[4:]
    extra = [" ".join(i.replace("_", " ").split()) for i in inner if i.strip()]
    return text, [e for e in extra if re.fullmatch(r"[A-Z0-9.\-]{2,8}", e)]


def cased(text: str) -> str:
    """Upper-case dictionary phrases written as running text writes names."""
    words = text.split()
    if len(words) == 1 and len(text) <= 5 and text.isalpha():
        return text.upper()  # an acronym: "PKK"
    out = []
    for word in words:
        pieces = re.split(r"([-'’.])", word)
        fixed = []
        for i, piece in enumerate(pieces):
            if len(piece) == 1 and pieces[i + 1:i + 2] == ["."]:
                fixed.append(piece.upper())  # an initial: "Thomas E. Donilon"
            elif i >= 2 and pieces[i - 1] in ("'", "’") and len(piece) <= 2:
                fixed.append(piece.lower())  # "People's", "O'Neill" keeps its capital
            elif piece.lower() in PARTICLES and (len(words) > 1 or len(pieces) > 1):
                fixed.append(piece.lower())
            elif re.fullmatch(r"(?:[A-Z]\.?){1,3}", piece) and len(piece) <= 2:
                fixed.append(piece)  # initials: "W.", "H"
            else:
                fixed.append(piece[:1].upper() + piece[1:].lower())
        out.append("".join(fixed))
    result = " ".join(out)
    return result[:1].upper() + result[1:]


def country_of(code: str) -> str | None:
    head = code[:3]
    head = COUNTRY_FIXES.get(head, head)
    return head if head in COUNTRIES else None


def sector_of(roles: str) -> str | None:
    for i in range(0, len(roles) - 2, 3):
        sector = SECTORS.get(roles[i:i + 3])
        if sector:
            return sector
    return None


def igo_of(code: str) -> str | None:
    for prefix in sorted(IGO_CODES, key=len, reverse=True):
        if code.startswith(prefix):
            return IGO_CODES[prefix]
    return None


def actor_of(code: str) -> tuple[str, str | None] | None:
    """A CAMEO actor code -> (country or "IGO:<id>" or "", sector); None when unusable."""
    if code.startswith("IGO"):
        igo = igo_of(code)
        return (f"IGO:{igo}", None) if igo else None
    if code.startswith("NGO"):
        return country_of(code[3:]) or "", "NGO"
    if code.startswith("MNC"):
        return country_of(code[3:]) or "", "BUS"
    if code.startswith("IMG"):
        return "", "REB"
    country = country_of(code)
    if country is not None:
        sector = sector_of(code[3:])
        if sector is None:
            return None  # a bare country code marks a place, not an actor
        return country, sector
    sector = sector_of(code)
    return ("", sector) if sector else None


def _names(entry: Entry, one_word: bool) -> list[str]:
    seen: list[str] = []
    for raw in entry.names:
        text, acronyms = phrase(raw)
        for name in [text, *acronyms]:
            if not name or len(name) < 3 or not re.search(r"[A-Za-z]", name):
                continue
            if " " not in name and not one_word:
                continue
            written = cased(name)
            if written not in seen:
                seen.append(written)
    return seen


def derive(source: Path) -> dict[str, list[list[str]]]:
    people: list[list[str]] = []
    orgs: list[list[str]] = []
    igos: list[list[str]] = []
    for file in ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt",
                 "Phoenix.MilNonState.actors.txt"):
        for entry in parse(source / file):
            coded = [(actor_of(c), start, end) for c, start, end in entry.codes]
            usable = [(a, s, e) for a, s, e in coded if a is not None]
            if not usable:
                continue
            dated = any(s or e for _, s, e in usable)
            first = usable[0][0]
            assert first is not None
            kind_bus = first[1] in ("BUS", "NGO")
            names = _names(entry, one_word=not dated and not kind_bus)
            if not names:
                continue
            if dated:
                # Dated offices first, so an undated fallback row never hides them.
                rows = sorted(usable, key=lambda r: (r[1] is None and r[2] is None))
                for actor, start, end in rows:
                    assert actor is not None
                    people.append([names[0], "|".join(names[1:]), actor[0], "other",
                                   actor[1] or "", str(start or ""), str(end or "")])
            elif first[0].startswith("IGO:"):
                igos.append([first[0][4:], names[0], "|".join(names[1:]), "", ""])
            else:
                orgs.append([names[0], "|".join(names[1:]), first[0], first[1] or ""])
    return {
        "petrarch_people.tsv": _unique(people),
        "petrarch_orgs.tsv": _unique(orgs),
        "petrarch_igos.tsv": _unique(igos),
        "petrarch_sectors.tsv": derive_agents(source),
    }


# Role codes of the agents file -> our sectors, for role nouns only: the faith codes (CHR, MUS,
# ...) say what people believe, not what they do, and OPP and RAD code protesters, detainees
# and exiles as the opposition, against docs/annotation.md (4); they are left out, so a noun
# coded only by them is not derived.
AGENT_SECTORS = {**SECTORS, "OPP": "", "RAD": "", "ENV": "NGO", "HRI": "NGO", "REL": "REL"}
# Role nouns the guidelines and our tables read otherwise (data/en/actors/README.md): villages
# and towns, merchant ships and prisons are places, not actors; lawyers are civilians, not
# courts; an uprising is an event; "captain" and "seaman" name ships' crews as often as ranks,
# "telecom" companies, "chamber" the bodies of armed groups as often as parliaments; a "boss"
# or "monger" is whoever's leader or dealer ("crime boss", "party boss", "arms monger").
AGENT_SKIP = frozenset({
    "village", "settlement", "small town", "neighborhood", "neighbourhood", "prison",
    "prison house", "correctional institution", "tanker", "oil tanker", "supertanker",
    "freighter", "cargo ship", "cargo vessel", "container ship", "containership",
    "container vessel", "carrier", "advocate", "attorney", "barrister", "conveyancer",
    "counsel", "counsellor", "counselor", "counsellor-at-law", "pleader", "trial attorney",
    "intellectual", "uprising", "revolt", "insurgence", "captain", "capt.", "seaman", "seamen",
    "telecom", "chamber", "boss", "monger",
})
AGENT_LINE = re.compile(r"^([A-Z][A-Z0-9_'!.-]*)\s*(?:\{([^}]*)\})?\s*\[~([A-Z]+)\]")
MACRO = re.compile(r"^(![A-Z]+!)\s*=\s*(.+)$")


def agent_sector(roles: str) -> str | None:
    """The first role code we map; a leading code we leave out (OPP, a faith) decides none."""
    for i in range(0, len(roles) - 2, 3):
        sector = AGENT_SECTORS.get(roles[i:i + 3])
        if sector is not None:
            return sector or None
    return None


def derive_agents(source: Path) -> list[list[str]]:
    """Role nouns of ``Phoenix.agents.txt`` as sectors.tsv rows, each flagged weak so that a
    role noun of our own beside it decides ("party boss" stays the party's). Macros such as
    ``!PERSON!`` (man, men, woman, women, person) and ``{...}`` plurals are written out."""
    macros: dict[str, list[str]] = {}
    rows: list[list[str]] = []
    for raw in (source / "Phoenix.agents.txt").read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        macro = MACRO.match(line)
        if macro:
            macros[macro.group(1)] = [w.strip().lower() for w in macro.group(2).split(",")]
            continue
        found = AGENT_LINE.match(line)
        if not found:
            continue
        sector = agent_sector(found.group(3))
        if sector is None:
            continue
        terms = [found.group(1), *(found.group(2) or "").split()]
        for term in terms:
            for written in _expand(term.lower().replace("_", " "), macros):
                written = " ".join(written.split())
                if (len(written) >= 3 and not written.endswith((" of", " in"))
                        and written not in AGENT_SKIP):
                    rows.append([written, sector, "weak"])
    return _unique_terms(rows)


def _expand(term: str, macros: dict[str, list[str]]) -> list[str]:
    for name, words in macros.items():
        key = name.lower()
        if key in term:
            return [t for w in words for t in _expand(term.replace(key, w), macros)]
    return [] if "!" in term else [term]


def _unique_terms(rows: list[list[str]]) -> list[list[str]]:
    """One row per term: the dictionary's first coding of a term wins."""
    seen: set[str] = set()
    out = []
    for row in rows:
        if row[0] not in seen:
            seen.add(row[0])
            out.append(row)
    return out


def _unique(rows: list[list[str]]) -> list[list[str]]:
    seen: set[tuple[str, ...]] = set()
    out = []
    for row in rows:
        key = tuple(row)
        if key not in seen:
            seen.add(key)
            out.append(row)
    return out


HEADERS = {
    "petrarch_people.tsv": ["name", "aliases", "country", "role", "sector", "start", "end"],
    "petrarch_orgs.tsv": ["name", "aliases", "country", "sector"],
    "petrarch_igos.tsv": ["igo", "name", "aliases", "refs", "sector"],
    "petrarch_sectors.tsv": ["term", "sector", "flags"],
}
SOURCES = {
    "petrarch_people.tsv": "Phoenix.Countries.actors.txt, Phoenix.International.actors.txt",
    "petrarch_orgs.tsv": "Phoenix.Countries.actors.txt, Phoenix.International.actors.txt, "
                         "Phoenix.MilNonState.actors.txt",
    "petrarch_igos.tsv": "Phoenix.International.actors.txt",
    "petrarch_sectors.tsv": "Phoenix.agents.txt",
}


def main(argv: list[str]) -> None:
    source = Path(argv[1]) if len(argv) > 1 else DEFAULT_SOURCE
    tables = derive(source)
    for name, rows in tables.items():
        with (OUT / name).open("w", encoding="utf-8", newline="\n") as handle:
            handle.write(LICENCE_NOTE.format(source=SOURCES[name]))
            handle.write("\t".join(HEADERS[name]) + "\n")
            for row in rows:
                handle.write("\t".join(cell.replace("\t", " ") for cell in row) + "\n")
        print(f"{name}: {len(rows)} rows")
    shutil.copyfile(source / "LICENSE", OUT / "LICENSE.petrarch2")


def _countries() -> frozenset[str]:
    rows = (OUT / "countries.tsv").read_text(encoding="utf-8").splitlines()
    return frozenset(r.split("\t")[0] for r in rows[1:] if r and not r.startswith("#"))


COUNTRIES = _countries()

if __name__ == "__main__":
    main(sys.argv)
