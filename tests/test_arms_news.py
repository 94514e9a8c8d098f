"""Deals as arms-trade reporting phrases them: every status, several suppliers, denials,
cancellations with their replacement, variants, and weapons that change no hands.

The sentences are written for these tests, modelled on wire and defence-press reporting;
``corpus/arms/dev.jsonl`` holds the longer passages (and ``bench/arms_eval.py`` scores them).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from spacy.language import Language

from newsevents import actors, arms, events  # noqa: F401  (registers the components)
from newsevents import nlp as pipeline_nlp
from newsevents.evaluation.arms import deal_key
from newsevents.models import ArmsTransfer, Article

DEV = Path(__file__).resolve().parents[1] / "corpus" / "arms" / "dev.jsonl"


@pytest.fixture(scope="module")
def nlp() -> Language:
    return pipeline_nlp.load()  # the full pipeline, built once per process


def deals(nlp: Language, text: str) -> list[ArmsTransfer]:
    return list(nlp(text)._.deals)


def brief(deal: ArmsTransfer) -> tuple[str | None, str | None, str | None, str]:
    return deal.supplier.country, deal.recipient.country, deal.system.name, deal.status


# --- every status, three ways of saying it ---------------------------------------------------

PHRASINGS = [
    ("Russia offered to sell Su-35 jets to Egypt.", "RUS", "EGY", "Su-35", "proposed"),
    ("Indonesia is considering buying Rafale jets from France.",
     "FRA", "IDN", "Rafale", "proposed"),
    ("Brazil wants to buy Patriot systems from the United States.",
     "USA", "BRA", "Patriot", "proposed"),
    ("Egypt is in talks with Russia over the purchase of Su-35 jets.",
     "RUS", "EGY", "Su-35", "negotiating"),
    ("\"Negotiations are underway to supply the Su-35 to Qatar,\" the official said.",
     "RUS", "QAT", "Su-35", "negotiating"),
    ("Talks are still under way on supplying Qatar with Su-35 jets.", "RUS", "QAT", "Su-35",
     "negotiating"),
    ("Deliveries of Su-35 jets to Qatar are under way.", "RUS", "QAT", "Su-35", "delivering"),
    ("Vietnam has signed a contract for eight Rafale fighters, the first part of a 30-jet "
     "deal with France.", "FRA", "VNM", "Rafale", "ordered"),
    ("Thailand signed a letter of intent to buy Gripen jets from Sweden.",
     "SWE", "THA", "JAS 39 Gripen", "negotiating"),
    ("Serbia is negotiating the purchase of Rafale jets from France.",
     "FRA", "SRB", "Rafale", "negotiating"),
    ("The State Department approved a possible sale of 12 F-16 jets to the Philippines.",
     "USA", "PHL", "F-16 Fighting Falcon", "approved"),
    ("Germany granted an export licence for Leopard 2 tanks to Hungary.",
     "DEU", "HUN", "Leopard 2", "approved"),
    ("The Pentagon notified Congress of a possible sale of Harpoon missiles to Taiwan.",
     "USA", "TWN", "Harpoon", "approved"),
    ("The Dutch government decided to donate F-16 jets to Ukraine.",
     "NLD", "UKR", "F-16 Fighting Falcon", "approved"),
    ("Greece signed a contract for 24 Rafale jets from France.", "FRA", "GRC", "Rafale", "ordered"),
    ("Poland ordered 96 Apache helicopters from the United States.",
     "USA", "POL", "AH-64 Apache", "ordered"),
    ("Morocco agreed to buy Bayraktar TB2 drones from Turkey.",
     "TUR", "MAR", "Bayraktar TB2", "ordered"),
    ("Russia began deliveries of S-400 systems to India.",
     "RUS", "IND", "S-400 Triumf", "delivering"),
    ("The first batch of Rafale jets from France arrived in India.",
     "FRA", "IND", "Rafale", "delivering"),
    ("Deliveries of K2 tanks from South Korea to Poland continue.",
     "KOR", "POL", "K2 Black Panther", "delivering"),
    ("Egypt has taken delivery of six Rafale jets out of the 30 it ordered from France.",
     "FRA", "EGY", "Rafale", "delivering"),
    ("Turkey has taken delivery of all four S-400 batteries from Russia.",
     "RUS", "TUR", "S-400 Triumf", "delivered"),
    ("Slovakia handed over 13 MiG-29 jets to Ukraine.", "SVK", "UKR", "MiG-29", "delivered"),
    ("South Korea completed the delivery of K9 howitzers to Norway.",
     "KOR", "NOR", "K9 Thunder", "delivered"),
    ("Washington threatened to cancel the sale of F-35 jets to Turkey.",
     "USA", "TUR", "F-35 Lightning II", "at_risk"),
    ("Congress could block the sale of F-16 jets to Turkey.",
     "USA", "TUR", "F-16 Fighting Falcon", "at_risk"),
    ("Sanctions delayed the delivery of Su-35 jets from Russia to Egypt.",
     "RUS", "EGY", "Su-35", "at_risk"),
    ("Germany suspended deliveries of Leopard 2 tanks to Saudi Arabia.",
     "DEU", "SAU", "Leopard 2", "suspended"),
    ("Canada froze the sale of LAV 6 armoured vehicles to Saudi Arabia.",
     "CAN", "SAU", "LAV-25", "suspended"),
    ("Spain put the delivery of Avante 2200 corvettes to Saudi Arabia on hold.",
     "ESP", "SAU", "Avante 2200", "suspended"),
    ("Switzerland cancelled its order for Gripen jets from Sweden.",
     "SWE", "CHE", "JAS 39 Gripen", "cancelled"),
    ("Australia scrapped its contract with France for Barracuda submarines.",
     "FRA", "AUS", "Barracuda-class submarine", "cancelled"),
    ("The Philippines abandoned the purchase of Mi-17 helicopters from Russia.",
     "RUS", "PHL", "Mi-17", "cancelled"),
]


@pytest.mark.parametrize(("text", "supplier", "recipient", "system", "status"), PHRASINGS,
                         ids=[p[0][:45] for p in PHRASINGS])
def test_status_phrasings(nlp: Language, text: str, supplier: str, recipient: str,
                          system: str, status: str) -> None:
    assert [brief(d) for d in deals(nlp, text)] == [(supplier, recipient, system, status)]


# --- denials: a record with its denier, never a live deal -----------------------------------

DENIALS = [
    ("Vietnam denied reports that it would buy Su-35 jets from Russia.",
     ("RUS", "VNM", "Su-35"), "VNM"),
    ("Chile has no plans to buy Gripen jets from Sweden, the air force chief said.",
     ("SWE", "CHL", "JAS 39 Gripen"), "CHL"),
    ("Germany refused to sell Leopard 2 tanks to Saudi Arabia.",
     ("DEU", "SAU", "Leopard 2"), "DEU"),
    ("Russia has not delivered any S-400 systems to Iran.", ("RUS", "IRN", "S-400 Triumf"), "RUS"),
    ("Tehran rejected as baseless the claims that it had shipped drones to Russia.",
     ("IRN", "RUS", None), "IRN"),
]


@pytest.mark.parametrize(("text", "parties", "denier"), DENIALS, ids=[d[0][:45] for d in DENIALS])
def test_denied_deal_names_its_denier(nlp: Language, text: str,
                                      parties: tuple[str, str, str | None], denier: str) -> None:
    (deal,) = deals(nlp, text)
    assert brief(deal) == (*parties, "denied")
    assert deal.denier is not None and deal.denier.country == denier


def test_a_denial_overrides_the_claim_it_denies(nlp: Language) -> None:
    text = ("Ukrainian intelligence said Iran had sent Shahed-136 drones to Russia.\n\n"
            "Iran's foreign ministry denied that it had supplied any drones to Russia.")
    (deal,) = deals(nlp, text)
    assert brief(deal) == ("IRN", "RUS", "Shahed-136", "denied")
    assert deal.denier is not None and deal.denier.country == "IRN"
    assert len(deal.evidence) == 2


def test_a_denied_cancellation_leaves_the_deal(nlp: Language) -> None:
    (deal,) = deals(nlp, "Ankara said it would not give up its plans to buy S-400s from Russia.")
    assert brief(deal) == ("RUS", "TUR", "S-400 Triumf", "proposed")
    assert deal.denier is None


@pytest.mark.parametrize(("text", "status"), [
    ("Sweden did not name a date for the supply of Gripen jets to Ukraine, but said it would "
     "come soon.", "ordered"),
    ("Peru's order of K2 tanks from South Korea had not been disclosed before the parade.",
     "ordered"),
    ("Spain will not accept payment for the drones and will send three Bayraktar TB2 drones to "
     "Ukraine free of charge.", "approved"),
    ("Germany did not sell or deliver Leopard 2 tanks to Saudi Arabia, the ministry said.",
     "denied"),
])
def test_a_negation_denies_only_the_transfer_it_governs(nlp: Language, text: str,
                                                        status: str) -> None:
    """What a party did not disclose or name, or a clause with its own auxiliary after a
    negated one, denies no transfer; a "not" on coordinated transfer verbs denies both."""
    (deal,) = deals(nlp, text)
    assert deal.status == status


# --- several suppliers -------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Poland, Canada and Norway sent Leopard 2 tanks to Ukraine last month.",
    "Leopard 2 tanks from Poland, Canada and Norway arrived in Ukraine last month.",
])
def test_one_record_per_supplier(nlp: Language, text: str) -> None:
    found = sorted(brief(d) for d in deals(nlp, text))
    assert found == [(s, "UKR", "Leopard 2", "delivered") for s in ("CAN", "NOR", "POL")]


@pytest.mark.parametrize(("text", "suppliers"), [
    ("The United States, the Czech Republic, and Slovakia are together sending 60 T-72 tanks "
     "to Ukraine.", ("CZE", "SVK", "USA")),
    ("A group of states including Belgium, Austria, Spain, and the Netherlands are working "
     "jointly to deliver Leopard 2 tanks to Ukraine.", ("AUT", "BEL", "ESP", "NLD")),
])
def test_a_written_list_of_suppliers_the_parse_cuts(nlp: Language, text: str,
                                                    suppliers: tuple[str, ...]) -> None:
    """Names joined by commas and a last "and" are one list even where the parser makes one
    of them an apposition or the subject: each supplies, none receives."""
    found = sorted((d.supplier.country, d.recipient.country) for d in deals(nlp, text))
    assert found == [(s, "UKR") for s in suppliers]


def test_suppliers_listed_after_a_group_of_countries(nlp: Language) -> None:
    """"a coalition of countries including A, B and C" as subject: A, B and C supply."""
    text = ("\"A coalition of countries including Belgium, Austria, Spain, Italy, and the "
            "Netherlands are working together to deliver battle tanks to Ukraine,\" he said.")
    found = sorted((d.supplier.country, d.recipient.country) for d in deals(nlp, text))
    assert found == [(s, "UKR") for s in ("AUT", "BEL", "ESP", "ITA", "NLD")]


def test_the_enemy_the_weapons_ward_off_receives_nothing(nlp: Language) -> None:
    """Whose attack the weapons are to repel is the enemy, not the sentence's other party."""
    found = deals(nlp, "Britain will supply Challenger tanks to help repel Russia's attack.")
    assert all(d.recipient.country != "RUS" for d in found)
    found = deals(nlp, "Norway will send more tanks to Kyiv to fend off Russia's invasion.")
    assert [(d.supplier.country, d.recipient.country) for d in found] == [("NOR", "UKR")]


def test_a_comma_after_a_fronted_phrase_lists_nothing(nlp: Language) -> None:
    found = deals(nlp, "Apart from Turkey, Germany also halted arms exports to Qatar.")
    assert [(d.supplier.country, d.recipient.country) for d in found] == [("DEU", "QAT")]


def test_suppliers_listed_by_be(nlp: Language) -> None:
    found = deals(nlp, "The countries pledging F-16 jets to Ukraine are Belgium, Denmark and "
                       "the Netherlands.")
    assert sorted(brief(d) for d in found) == [
        (s, "UKR", "F-16 Fighting Falcon", "approved") for s in ("BEL", "DNK", "NLD")]


def test_a_third_country_approving_a_re_export_supplies_nothing(nlp: Language) -> None:
    text = ("The United States approved the delivery of F-16 jets to Ukraine from Denmark and "
            "Norway.")
    assert sorted(brief(d) for d in deals(nlp, text)) == [
        (s, "UKR", "F-16 Fighting Falcon", "approved") for s in ("DNK", "NOR")]


# --- cancellations and their replacement -------------------------------------------------------


@pytest.mark.parametrize(("text", "old", "new"), [
    ("Malaysia cancelled its order for MiG-29 jets from Russia. The government will buy FA-50 "
     "jets from South Korea instead.",
     ("RUS", "MYS", "MiG-29", "cancelled"), ("KOR", "MYS", "T-50 Golden Eagle", "proposed")),
    ("Peru scrapped a deal to buy Mi-17 helicopters from Russia and ordered Black Hawk "
     "helicopters from the United States in their place.",
     ("RUS", "PER", "Mi-17", "cancelled"), ("USA", "PER", "UH-60 Black Hawk", "ordered")),
    ("Jakarta abandoned the purchase of Su-35 jets from Russia.\n\n"
     "Indonesia is now considering buying Rafale jets from France.",
     ("RUS", "IDN", "Su-35", "cancelled"), ("FRA", "IDN", "Rafale", "proposed")),
])
def test_replacement_names_the_cancelled_deal(nlp: Language, text: str, old: tuple,
                                              new: tuple) -> None:
    found = {brief(d): d for d in deals(nlp, text)}
    assert set(found) == {old, new}
    assert found[new].replaces == found[old].deal_id
    assert found[old].replaces is None


def test_unrelated_deals_are_no_replacement(nlp: Language) -> None:
    text = ("Egypt cancelled its order for Su-35 jets from Russia.\n\n"
            "Egypt signed a contract for FREMM frigates from Italy.")
    found = {d.system.name: d for d in deals(nlp, text)}
    assert found["FREMM"].replaces is None  # ships do not replace fighters


# --- variants ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "system", "variant"), [
    ("Spain sent six Leopard 2A4 tanks to Ukraine.", "Leopard 2", "Leopard 2A4"),
    ("Spain sent six Leopard 2A4s to Ukraine.", "Leopard 2", "Leopard 2A4"),
    ("India signed a deal to buy MQ-9B SkyGuardian drones from the United States.",
     "MQ-9 Reaper", "MQ-9B SkyGuardian"),
    ("Russia delivered the first two Su-30SME fighters to Myanmar.", "Su-30", "Su-30SME"),
    ("Belarus received Su-30SM jets from Russia.", "Su-30", "Su-30SM"),
    ("Romania bought F-16 jets from Norway.", "F-16 Fighting Falcon", None),
])
def test_variant_beside_base_system(nlp: Language, text: str, system: str,
                                    variant: str | None) -> None:
    (deal,) = deals(nlp, text)
    assert (deal.system.name, deal.variant) == (system, variant)


# --- generic words beside a named system ------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Iran sent Shahed-136 drones to Russia. The weapons were shipped by sea.",
    "Poland ordered K2 tanks from South Korea. The tanks will arrive next year.",
    "Poland will buy tanks from South Korea. The deal covers 180 K2 tanks.",
])
def test_generic_words_add_no_record_beside_a_named_system(nlp: Language, text: str) -> None:
    found = deals(nlp, text)
    assert len(found) == 1 and found[0].system.name is not None


def test_other_weapons_keep_their_own_record(nlp: Language) -> None:
    text = ("Russia finished delivering S-400 systems to Turkey and plans other projects to "
            "supply modern Russian weapons to Turkey.")
    assert sorted((d.system.name or "-", d.status) for d in deals(nlp, text)) == [
        ("-", "proposed"), ("S-400 Triumf", "delivered")]


# --- weapons that change no hands --------------------------------------------------------------


@pytest.mark.parametrize("text", [
    # attacks
    "Russian forces fired Kalibr missiles at Odesa overnight.",
    "A Ukrainian Bayraktar TB2 destroyed a Russian howitzer near Kherson.",
    # parades and shows
    "Tanks, S-400 launchers and Yars missiles rolled across Red Square during the parade.",
    "China showcased its J-20 fighters at the Zhuhai air show.",
    # tests
    "India test-fired an Agni-V missile from an island off Odisha on Monday.",
    "North Korea launched a Hwasong-18 missile into the sea.",
    # statistics
    "Arms exports from France rose 47 percent over five years, the institute said.",
    "Russia's share of global arms exports fell to 11 percent.",
    "Sales of weapons to the Middle East reached their highest level in a decade.",
    # inventories, questions, domestic orders
    "The air force operates 33 F-16 jets and a dozen Su-27 fighters.",
    "The ministry did not say when the Leopard 2 tanks would be delivered.",
    "The Pentagon has taken delivery of four F-35 jets from Lockheed Martin.",
])
def test_weapons_that_change_no_hands(nlp: Language, text: str) -> None:
    assert deals(nlp, text) == []


# --- the written passages of corpus/arms/dev.jsonl ---------------------------------------------

PASSAGES = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line]


@pytest.mark.parametrize("passage", PASSAGES, ids=[p["id"] for p in PASSAGES])
def test_written_passages(nlp: Language, passage: dict) -> None:
    found = {deal_key(d): d for d in deals(nlp, passage["text"])}
    gold = {(g["supplier"], g["recipient"], g["system"].lower()): g for g in passage["deals"]}
    assert set(found) == set(gold)
    for key, truth in gold.items():
        deal = found[key]
        assert deal.status == truth["status"]
        for field, value in (("quantity", deal.quantity), ("variant", deal.variant),
                             ("denier", deal.denier and deal.denier.country)):
            if field in truth:
                assert value == truth[field], field
        if "replaces" in truth:
            replaced = next(d for d in found.values() if d.deal_id == deal.replaces)
            assert deal_key(replaced)[2] == truth["replaces"].lower()


# --- approvals, deliveries and counts as reporting words them --------------------------------

MORE_PHRASINGS = [
    # US approvals: the wordings of arms-sale notifications and of the reports on them
    ("Washington is moving ahead with the sale of Harpoon missiles to Egypt.",
     "USA", "EGY", "Harpoon", "approved"),
    ("The State Department signed off on the sale of 20 Black Hawk helicopters to Greece.",
     "USA", "GRC", "UH-60 Black Hawk", "approved"),
    ("Germany gave its approval for the export of Boxer vehicles to Qatar.",
     "DEU", "QAT", "Boxer MRAV", "approved"),
    # a buyer's choice in a competition, and a choice that is only a possibility
    ("Finland picked the F-35A over four rival jets.", "USA", "FIN", "F-35 Lightning II",
     "approved"),
    ("Poland has selected the K2 tank from South Korea.", "KOR", "POL", "K2 Black Panther",
     "approved"),
    # the maker's name before the system is nobody's country, even when tagged as a person
    ("The Swiss Federal Council said it has selected the Lockheed Martin F-35 Lightning II.",
     "USA", "CHE", "F-35 Lightning II", "approved"),
    ("Indonesia is considering buying F-15EX jets from the United States. If Indonesia "
     "chooses the F-15EX, deliveries could begin in 2027.", "USA", "IDN", "F-15 Eagle",
     "proposed"),
    # a memorandum or an agreement of intent is a step of the talks, not a contract
    ("An agreement of intent was signed on the purchase of 36 Rafale jets by Indonesia from "
     "France.", "FRA", "IDN", "Rafale", "negotiating"),
    ("Egypt signed a memorandum of understanding with South Korea on the purchase of K9 "
     "howitzers.", "KOR", "EGY", "K9 Thunder", "negotiating"),
    # a donor that promised its weapons and plans to send them has decided to give them
    ("Sweden promised more help to Ukraine. Sweden plans to send ten Leopard 2 tanks to Ukraine.",
     "SWE", "UKR", "Leopard 2", "approved"),
]


@pytest.mark.parametrize(("text", "supplier", "recipient", "system", "status"), MORE_PHRASINGS)
def test_more_status_phrasings(nlp: Language, text: str, supplier: str, recipient: str,
                               system: str, status: str) -> None:
    assert (supplier, recipient, system, status) in [brief(d) for d in deals(nlp, text)]


def test_a_delivery_verb_outranks_an_order_told_apart(nlp: Language) -> None:
    found = deals(nlp, "The first F-16 jets have been delivered to Bulgaria. Bulgaria ordered "
                       "16 F-16 jets from the United States in 2019.")
    assert [(brief(d), d.quantity) for d in found] == [
        (("USA", "BGR", "F-16 Fighting Falcon", "delivering"), 16)]


def test_a_weapons_package_passes_its_stage_to_what_it_holds(nlp: Language) -> None:
    found = deals(nlp, "Washington is moving ahead with a $1 billion weapons sale to Morocco. "
                       "The sale includes four drones and guided bombs.")
    drones = [d for d in found if d.system.category == "aircraft"]
    assert [(d.supplier.country, d.recipient.country, d.status) for d in drones] == [
        ("USA", "MAR", "approved")]


def test_a_planned_delivery_is_no_delivery(nlp: Language) -> None:
    found = deals(nlp, "Slovakia plans to buy 14 F-16 jets from the United States, taking "
                       "delivery of four of them by 2024.")
    assert [d.status for d in found if d.system.name == "F-16 Fighting Falcon"] in (
        ["proposed"], ["ordered"])


@pytest.mark.parametrize(("text", "quantity"), [
    ("Norway will send three of its NASAMS units to Ukraine.", 3),  # a part of the owner's
    ("Morocco has ordered up to 24 Apache helicopters from the United States.", 24),
])
def test_counts_the_parser_keeps_apart(nlp: Language, text: str, quantity: int) -> None:
    assert [d.quantity for d in deals(nlp, text)] == [quantity]


def test_an_unnamed_count_goes_to_its_sentence_deal(nlp: Language) -> None:
    """"24 aircraft" is the Rafale deal of its own sentence, not the article's other jets."""
    found = deals(nlp, "Pakistan received J-10C jets from China. Egypt received Rafale jets from "
                       "France after paying for the purchase of 24 aircraft.")
    assert sorted((brief(d), d.quantity) for d in found) == [
        (("CHN", "PAK", "J-10", "delivered"), None),
        (("FRA", "EGY", "Rafale", "delivered"), 24)]


def test_unnamed_jets_are_the_article_one_system_of_their_kind(nlp: Language) -> None:
    found = deals(nlp, "Norway declared its F-35 fleet ready for combat. Its air force has "
                       "received 40 jets out of the 52 it bought.")
    assert [(brief(d), d.quantity) for d in found] == [
        (("USA", "NOR", "F-35 Lightning II", "delivering"), 52)]


def test_a_nationality_on_an_unnamed_weapon_names_its_supplier(nlp: Language) -> None:
    found = deals(nlp, "Peru cancelled a deal to buy 12 Russian transport helicopters. "
                       "American officials said the United States could offer Peru similar "
                       "helicopters.")
    assert sorted((brief(d), d.quantity) for d in found) == [
        (("RUS", "PER", None, "cancelled"), 12), (("USA", "PER", None, "proposed"), None)]


@pytest.mark.parametrize(("text", "expected"), [
    ("The first four Rafale jets from France landed in India on Wednesday.",
     ("FRA", "IND", "Rafale", "delivering")),
    ("The Vietnamese navy commissioned two Kilo-class submarines from Russia.",
     ("RUS", "VNM", "Kilo-class submarine", "delivered")),
])
def test_deliveries_told_as_landings_and_commissionings(nlp: Language, text: str,
                                                        expected: tuple) -> None:
    assert [brief(d) for d in deals(nlp, text)] == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("The first four K2 tanks ordered by Peru from South Korea entered service with the army "
     "on Friday.", ("KOR", "PER", "K2 Black Panther", "delivering")),
    ("The 20th and final Gripen jet ordered by Thailand from Sweden touched down at Udon on "
     "Monday.", ("SWE", "THA", "JAS 39 Gripen", "delivered")),
    ("The K2 tanks ordered by Peru from South Korea will enter service in 2027.",
     ("KOR", "PER", "K2 Black Panther", "ordered")),
])
def test_weapons_named_by_their_order_that_arrive(nlp: Language, text: str,
                                                  expected: tuple) -> None:
    """The participle tells which weapons; the verb they are subject of, what became of
    them."""
    assert [brief(d) for d in deals(nlp, text)] == [expected]


@pytest.mark.parametrize("text", [
    "The last three of the 18 Gripen jets Thailand bought from Sweden landed at Udon air base "
    "on Monday, completing deliveries. The first six jets arrived last year.",
    "China hands over sixth frigate to Pakistan\nThe last of six Type 054 frigates ordered by "
    "Pakistan from China was commissioned in Karachi on Monday.",
])
def test_the_last_part_of_a_deal_delivered_completes_it(nlp: Language, text: str) -> None:
    (deal,) = deals(nlp, text)
    assert deal.status == "delivered"


def test_the_plane_that_brings_a_delivery_is_no_deal(nlp: Language) -> None:
    found = deals(nlp, "Four Il-76 transport planes landed in Belgrade, delivering Pantsir "
                       "systems from Russia to Serbia.")
    assert [d.system.name for d in found] == ["Pantsir"]


def test_a_delivery_after_following_takes_the_sentence_tense(nlp: Language) -> None:
    """"following" is a preposition here, not the verb that gives the delivery its tense."""
    found = deals(nlp, "Washington expelled Ankara from the jet programme following the "
                       "delivery of the Russian S-400 systems to Turkey in July.")
    assert [brief(d) for d in found] == [("RUS", "TUR", "S-400 Triumf", "delivered")]


def test_a_name_the_article_gives_a_system_is_that_system(nlp: Language) -> None:
    """"MQ-9B Predator" makes "Predator" the MQ-9B in this article, not the older MQ-1."""
    found = deals(nlp, "Morocco signed a contract for 12 Predator drones from the United "
                       "States. The MQ-9B Predator drones will patrol its coast.")
    assert [(brief(d), d.quantity) for d in found] == [
        (("USA", "MAR", "MQ-9 Reaper", "ordered"), 12)]


@pytest.mark.parametrize("text", [
    "The State Department approved the sale of additional ammunition for the F-16 jets of "
    "Jordan.",
    "Washington agreed to a sale of spare parts for the F-16 fighter jets to Egypt.",
])
def test_the_system_supplies_are_for_changes_no_hands(nlp: Language, text: str) -> None:
    assert "F-16 Fighting Falcon" not in [d.system.name for d in deals(nlp, text)]


# --- stages said by export authorities, by completion words, by "the deal" --------------------

AUTHORITY_PHRASINGS = [
    # What an export-licensing body agrees to is its approval; the buyer's contract is the order.
    ("The State Department told Congress it has agreed the sale of 18 F-16 jets to Jordan.",
     "USA", "JOR", "F-16 Fighting Falcon", "approved"),
    ("Germany's Federal Security Council agreed to the export of 40 Leopard 2 tanks to Hungary.",
     "DEU", "HUN", "Leopard 2", "approved"),
    # Stages before a contract, and the contract itself in other words.
    ("Spain is on the verge of selling two Avante 2200 corvettes to Saudi Arabia.",
     "ESP", "SAU", "Avante 2200", "negotiating"),
    ("Peru completed the purchase of 12 Gripen jets from Sweden on Monday.",
     "SWE", "PER", "JAS 39 Gripen", "ordered"),
    ("Rafael has entered into a deal to sell SPYDER systems to Vietnam.",
     "ISR", "VNM", "SPYDER", "ordered"),
    ("Thailand's air force has decided on the Gripen from Sweden.",
     "SWE", "THA", "JAS 39 Gripen", "approved"),
    # A batch said in other words is still part of the deal.
    ("Hanwha shipped a fresh batch of six K9 howitzers to Estonia.",
     "KOR", "EST", "K9 Thunder", "delivering"),
]


@pytest.mark.parametrize(("text", "supplier", "recipient", "system", "status"), AUTHORITY_PHRASINGS,
                         ids=[p[0][:45] for p in AUTHORITY_PHRASINGS])
def test_authority_and_batch_phrasings(nlp: Language, text: str, supplier: str, recipient: str,
                               system: str, status: str) -> None:
    assert [brief(d) for d in deals(nlp, text)] == [(supplier, recipient, system, status)]


def test_a_completed_delivery_outweighs_an_earlier_batch(nlp: Language) -> None:
    text = ("Russia has completed the delivery of Su-30 jets to Angola, an official said.\n\n"
            "In March the defence minister said Angola had received four out of the six jets.")
    (deal,) = deals(nlp, text)
    assert brief(deal) == ("RUS", "AGO", "Su-30", "delivered")


def test_the_count_of_the_new_order_not_of_an_earlier_one(nlp: Language) -> None:
    text = ("Japan agreed to buy 16 more E-2D Hawkeye aircraft from the United States.\n\n"
            "Japan had purchased 13 E-2D aircraft from the US between 2015 and 2020.")
    (deal,) = deals(nlp, text)
    assert brief(deal)[:3] == ("USA", "JPN", "E-2 Hawkeye")
    assert deal.quantity == 16


def test_a_currency_names_no_party(nlp: Language) -> None:
    text = ("Indonesia and South Korea signed a deal for Seoul to supply 20 FA-50 jets worth "
            "900 million U.S. dollars.")
    (deal,) = deals(nlp, text)
    assert brief(deal) == ("KOR", "IDN", "T-50 Golden Eagle", "ordered")


@pytest.mark.parametrize(("text", "system"), [
    ("Qatar ordered 16 Caracal helicopters from France.", "H225M Caracal"),
    ("Germany approved the export of 50 Leopard I tanks to Ukraine.", "Leopard 1"),
    ("Algeria received six Sukhoi-30 jets from Russia.", "Su-30"),
    ("China delivered CH-92 drones to Serbia.", "CH-92"),
    ("Azerbaijan bought Heron drones from Israel.", "IAI Heron"),
])
def test_names_news_uses(nlp: Language, text: str, system: str) -> None:
    assert [d.system.name for d in deals(nlp, text)] == [system]


@pytest.mark.parametrize(("text", "status"), [
    ("Chile requested the sale of 12 Apache helicopters from the United States. The deal "
     "is worth $1.2 billion and was approved by the State Department on Friday.", "approved"),
    ("Peru has announced plans to purchase Gripen jets from Sweden.\n\n"
     "Negotiations between Peru and Saab are under way, a minister said.", "negotiating"),
    ("Kuwait signed a contract for 12 Caracal helicopters from France in 2021.\n\n"
     "The government cited high costs for the cancellation of the contract.", "cancelled"),
])
def test_what_is_said_of_the_deal_goes_to_it(nlp: Language, text: str, status: str) -> None:
    (deal,) = deals(nlp, text)
    assert deal.status == status


def test_the_deal_is_not_one_of_several(nlp: Language) -> None:
    text = ("Egypt ordered Rafale jets from France and FREMM frigates from Italy.\n\n"
            "The contract was cancelled in May.")
    assert sorted(d.status for d in deals(nlp, text)) == ["ordered", "ordered"]


def test_a_delivery_of_some_of_a_contract_is_part_of_it(nlp: Language) -> None:
    (deal,) = deals(nlp, "Ghana received three Mi-17 helicopters under a contract for the "
                         "delivery of eight helicopters from Russia.")
    assert brief(deal) == ("RUS", "GHA", "Mi-17", "delivering")
    assert deal.quantity == 8


@pytest.mark.parametrize(("text", "status"), [
    ("Russia has decided to donate a batch of BTR-82 carriers to Mali, the embassy said.",
     "approved"),
    ("Russia has pledged another batch of BTR-82 carriers to Mali.", "approved"),
])
def test_a_batch_given_takes_the_stage_of_the_gift(nlp: Language, text: str,
                                                   status: str) -> None:
    (deal,) = deals(nlp, text)
    assert brief(deal) == ("RUS", "MLI", "BTR-82", status)


def test_a_batch_said_apart_keeps_the_deal_delivering(nlp: Language) -> None:
    text = ("Kenya has received a batch of Wing Loong II drones from China.\n\n"
            "The air force said it had taken delivery of two Wing Loong II drones.")
    (deal,) = deals(nlp, text)
    assert brief(deal) == ("CHN", "KEN", "Wing Loong", "delivering")


def test_unnamed_weapons_go_to_the_deal_their_noun_names(nlp: Language) -> None:
    text = ("Qatar ordered 12 Caracal helicopters and 24 Rafale jets from France in 2022.\n\n"
            "Qatar has cancelled its deal with Airbus to buy the 12 helicopters.")
    found = sorted(brief(d) for d in deals(nlp, text))
    assert found == [("FRA", "QAT", "H225M Caracal", "cancelled"),
                     ("FRA", "QAT", "Rafale", "ordered")]


def test_a_shipment_said_to_be_part_of_the_deal_is_delivering(nlp: Language) -> None:
    text = ("Spain has shipped six Leopard 2 tanks to Chile.\n\n"
            "The shipment is only the first part of a larger deal, officials said.")
    (deal,) = deals(nlp, text)
    assert brief(deal) == ("ESP", "CHL", "Leopard 2", "delivering")


@pytest.mark.parametrize(("year", "status"), [(2021, "ordered"), (2016, "delivering")])
def test_an_earlier_deal_told_by_its_year_gives_no_stage(nlp: Language, year: int,
                                                        status: str) -> None:
    """In a 2021 report, "in 2015 ... received 24" is an earlier deal: the new one is an
    order. Reported in 2016, the same words are this deal's delivery: 24 of the 30 so far."""
    text = ("Peru signed a deal with France to buy 30 Rafale jets.\n\n"
            "In 2015, Peru received 24 Rafale jets from France.")
    doc = nlp.make_doc(text)
    doc._.article = Article(id="rafale-peru", text=text, date=dt.date(year, 5, 4))
    (deal,) = nlp(doc)._.deals
    assert (brief(deal), deal.quantity) == (("FRA", "PER", "Rafale", status), 30)


def test_a_delivery_still_to_come_does_not_outrank_the_talks(nlp: Language) -> None:
    text = ("Romania will sign a contract for K2 tanks from South Korea next month.\n\n"
            "The first batch of K2 tanks will arrive in Romania in 2026.")
    (deal,) = deals(nlp, text)
    assert brief(deal) == ("KOR", "ROU", "K2 Black Panther", "negotiating")


@pytest.mark.parametrize(("text", "status"), [
    ("Chile is negotiating a follow-on order for four more Type 23 frigates from Britain.",
     "negotiating"),
    ("Brazil is close to finalising an order for six Gripen jets from Sweden, officials said.",
     "negotiating"),
    ("Chile is considering an order for four Type 23 frigates from Britain.", "proposed"),
    ("Chile placed an order for four Type 23 frigates from Britain.", "ordered"),
])
def test_what_is_done_to_an_order_is_its_stage(nlp: Language, text: str, status: str) -> None:
    (deal,) = deals(nlp, text)
    assert deal.status == status


def test_the_first_jets_of_an_order_give_the_order_its_count(nlp: Language) -> None:
    (deal,) = deals(nlp, "Russia delivered the first two Su-30 jets in an order of six to Laos.")
    assert (brief(deal), deal.quantity) == (("RUS", "LAO", "Su-30", "delivering"), 6)


def test_a_sum_is_no_count_of_the_deal(nlp: Language) -> None:
    (deal,) = deals(nlp, "France handed over five Rafale jets to India under a deal worth "
                         "Rs 59,000 crore.")
    assert (brief(deal), deal.quantity) == (("FRA", "IND", "Rafale", "delivered"), 5)


def test_the_thanked_country_is_the_one_that_handed_over(nlp: Language) -> None:
    found = deals(nlp, "Kenya's defence minister thanked Turkey for handing over six "
                       "Bayraktar TB2 drones.")
    assert [brief(d)[:3] for d in found] == [("TUR", "KEN", "Bayraktar TB2")]


def test_a_nationality_on_a_system_the_country_is_buying(nlp: Language) -> None:
    text = ("Finland signed a contract with Hanwha for 48 K9 howitzers.\n\n"
            "Delivery of the Finnish K9s will start next year.")
    (deal,) = deals(nlp, text)
    assert brief(deal) == ("KOR", "FIN", "K9 Thunder", "ordered")


def test_a_nationality_on_a_system_still_names_its_owner(nlp: Language) -> None:
    found = deals(nlp, "The Canadian Leopard 2 tanks arrived in Ukraine on Monday.")
    assert [brief(d) for d in found] == [("CAN", "UKR", "Leopard 2", "delivered")]


def test_dropping_an_opposition_is_no_cancellation(nlp: Language) -> None:
    found = deals(nlp, "Britain will sell Eurofighter jets to Turkey after Germany dropped its "
                       "opposition to the sale.")
    assert [brief(d) for d in found] == [("GBR", "TUR", "Eurofighter Typhoon", "proposed")]


@pytest.mark.parametrize(("text", "status"), [
    ("Rafael will provide SPYDER systems to Chile in a deal worth $300 million.", "ordered"),
    ("Norway will provide NASAMS systems to Ukraine.", "approved"),
])
def test_what_a_supplier_will_provide_under_a_deal_is_ordered(nlp: Language, text: str,
                                                              status: str) -> None:
    (deal,) = deals(nlp, text)
    assert deal.status == status


def test_a_country_on_a_systems_contract_owns_no_system(nlp: Language) -> None:
    text = ("Peru signed a contract for 12 Gripen jets from Sweden.\n\n"
            "Peru's Gripen contract ends a long search for a new fighter.")
    assert [brief(d) for d in deals(nlp, text)] == [("SWE", "PER", "JAS 39 Gripen", "ordered")]


@pytest.mark.parametrize(("text", "value"), [
    ("Chile ordered 12 Black Hawk helicopters from the United States.\n\n"
     "The contract is worth $450 million, the ministry said.", 450e6),
    ("Vietnam signed a deal for Seoul to supply 12 FA-50 jets worth around 800 million U.S. "
     "dollars.", 800e6),
    ("Qatar has cancelled its deal with Airbus to buy 12 helicopters worth $900 million.\n\n"
     "The H225M Caracal is a long-range helicopter built in France.", 900e6),
])
def test_the_price_said_apart_goes_to_the_deal(nlp: Language, text: str, value: float) -> None:
    (deal,) = deals(nlp, text)
    assert deal.value == value and deal.currency == "USD"


@pytest.mark.parametrize(("text", "status"), [
    ("Chile is close to signing a deal for 10 Rafale jets from France.", "negotiating"),
    ("Vietnam has signed a framework agreement to buy K9 howitzers from South Korea.",
     "negotiating"),
    ("Colombia said it had not signed the contract for the purchase of 16 Gripen jets from "
     "Sweden, as the terms were still open.", "negotiating"),
    ("Sweden has not yet concluded the sale of 24 Gripen jets to Peru.", "negotiating"),
])
def test_a_deal_not_yet_signed_is_in_talks(nlp: Language, text: str, status: str) -> None:
    (deal,) = deals(nlp, text)
    assert deal.status == status


@pytest.mark.parametrize(("text", "status"), [
    ("Romania's cabinet has approved the purchase of a second batch of 12 F-16 jets from the "
     "United States.", "approved"),
    ("Greece ordered a second batch of six Rafale jets from France.", "ordered"),
    ("Slovakia's government has approved a plan to buy 30 F-35 jets from the United States.",
     "approved"),
    ("Malaysia is also considering ordering Chinese J-10 jets.", "proposed"),
])
def test_a_batch_or_a_plan_that_is_bought_or_approved(nlp: Language, text: str,
                                                      status: str) -> None:
    (deal,) = deals(nlp, text)
    assert deal.status == status


@pytest.mark.parametrize(("text", "status"), [
    ("Kenya has been given assurance of timely delivery of M-346 jets from Italy, beginning "
     "with the first batch of four expected before the end of the year.", "ordered"),
    ("The signing starts the procurement of 400 Tomahawk missiles from the United States by "
     "Australia.", "ordered"),
    ("The possibility of supplying Gripen jets to Ukraine has been under consideration for two "
     "years.", "proposed"),
    ("Sweden said it is committed to exploring the possibilities of providing Ukraine with "
     "Gripen jets.", "proposed"),
    ("The contract with Qatar assures the delivery of one Rafale jet from France per month.",
     "ordered"),
    ("Latvia has signed an agreement with Norway to buy NASAMS launchers. The ministry "
     "continues the air defence project to procure other NASAMS equipment, namely radars.",
     "ordered"),
])
def test_a_delivery_still_to_come_is_no_delivery(nlp: Language, text: str, status: str) -> None:
    (deal,) = deals(nlp, text)
    assert deal.status == status


def test_a_gerund_after_a_preposition_takes_its_clause_s_future(nlp: Language) -> None:
    """What a country gives "in return for" another handing weapons on is as much to come."""
    found = deals(nlp, "Germany will give Slovakia 15 Leopard 2A4 tanks in return for Slovakia "
                       "handing 30 of its BMP-1 vehicles to Ukraine.")
    assert ("SVK", "UKR", "BMP-1", "approved") in [brief(d) for d in found]


def test_some_of_a_larger_count_is_a_delivery_under_way(nlp: Language) -> None:
    (deal,) = deals(nlp, "Hyundai Rotem has so far delivered 46 units of the 180 K2 tanks "
                         "to Poland.")
    assert brief(deal) == ("KOR", "POL", "K2 Black Panther", "delivering")
    assert deal.quantity == 180


def test_countries_that_say_they_will_send_are_each_a_supplier(nlp: Language) -> None:
    text = ("France and Italy have said they will send more SAMP/T systems to Ukraine "
            "this month.")
    assert sorted(brief(d) for d in deals(nlp, text)) == [
        ("FRA", "UKR", "SAMP/T", "approved"), ("ITA", "UKR", "SAMP/T", "approved")]


def test_a_region_is_no_country(nlp: Language) -> None:
    text = "If completed, the sale would be South Korea's first tank export to Latin America."
    assert not [d for d in deals(nlp, text) if d.recipient.country == "USA"]


@pytest.mark.parametrize(("text", "expected"), [
    ("Under the agreement, 24 Kaan jets will be produced in Turkey and exported to Egypt.",
     ("TUR", "EGY", "TF Kaan", "ordered")),
    ("Ghana has agreed to buy armoured fighting vehicles from Turkey.",
     ("TUR", "GHA", None, "ordered")),
])
def test_what_is_made_and_exported_and_fighting_vehicles(nlp: Language, text: str,
                                                         expected: tuple) -> None:
    assert [brief(d) for d in deals(nlp, text)] == [expected]


def test_weapons_with_a_designation_the_catalogue_lacks_are_their_own_deal(
        nlp: Language) -> None:
    text = ("Under the deal, Hyundai Rotem will deliver 20 K2 tanks and 60 K808 wheeled "
            "armored vehicles to Chile.")
    found = {(d.system.name or d.system.category, d.status, d.quantity)
             for d in deals(nlp, text) if (d.supplier.country, d.recipient.country) == (
                 "KOR", "CHL")}
    assert found == {("K2 Black Panther", "ordered", 20), ("armoured vehicles", "ordered", 60)}


def test_a_signing_set_for_next_week_is_still_talks(nlp: Language) -> None:
    (deal,) = deals(nlp, "Next week, we are signing deals for K9 howitzers with South Korea, "
                         "Vietnam's minister said.")
    assert brief(deal) == ("KOR", "VNM", "K9 Thunder", "negotiating")


def test_the_country_accused_of_supplying_is_the_supplier_and_its_denial_counts(
        nlp: Language) -> None:
    (deal,) = deals(nlp, "Kyiv accuses Belarus of supplying Russia with Shahed drones, which "
                         "Minsk denies.")
    assert brief(deal) == ("BLR", "RUS", "Shahed-136", "denied")
    assert deal.denier is not None and deal.denier.country == "BLR"


@pytest.mark.parametrize(("text", "quantity"), [
    ("Kenya will take delivery of the first six of 24 M-346 jets it has ordered from Italy by "
     "year end.", 24),
    ("Egypt will buy two hundred M1 Abrams tanks from the United States.", 200),
])
def test_a_count_of_a_count_is_no_product(nlp: Language, text: str, quantity: int) -> None:
    (deal,) = deals(nlp, text)
    assert deal.quantity == quantity


# --- aid packages, second-hand ships and aircraft, procedures and statistics ------------------

def test_what_an_aid_package_includes_is_given_item_by_item(nlp: Language) -> None:
    text = ("The United States will send more armoured vehicles to Ukraine as part of a new "
            "military aid package. The package includes 40 Bradley Fighting Vehicles, 20 "
            "Stryker armored personnel carriers and 25 mine-resistant ambush-protected "
            "vehicles. The assistance also includes ammunition for High Mobility Artillery "
            "Rocket Systems (HIMARS) and four Avenger air-defense systems.")
    found = {(d.system.name or d.system.category, d.status, d.quantity)
             for d in deals(nlp, text) if (d.supplier.country, d.recipient.country) == (
                 "USA", "UKR")}
    assert {("M2 Bradley", "approved", 40), ("Stryker", "approved", 20),
            ("armoured vehicles", "approved", 25),
            ("Avenger air defense system", "approved", 4)} <= found
    assert not [s for s, _, _ in found if s == "M142 HIMARS"]  # only its ammunition is sent


@pytest.mark.parametrize("text", [
    "Washington has cleared a possible Foreign Military Sale to Chile of eight F-16 fighters, "
    "together with 20 AIM-9X Sidewinder and 10 AIM-120 missiles, officials said.",
    "The State Department approved a possible Foreign Military Sale to Chile of eight F-16 "
    "jets, along with 20 AIM-9X Sidewinder and 10 AIM-120 missiles.",
])
def test_weapons_added_together_with_others_share_their_deal(nlp: Language, text: str) -> None:
    found = {(d.supplier.country, d.recipient.country, d.system.name, d.quantity)
             for d in deals(nlp, text)}
    assert {("USA", "CHL", "AIM-9 Sidewinder", 20), ("USA", "CHL", "AIM-120 AMRAAM", 10)} <= found


@pytest.mark.parametrize(("text", "expected"), [
    ("French shipyard Piriou has delivered a second patrol vessel to the Senegalese Navy.",
     ("FRA", "SEN", None, "delivering")),
    ("Qatar said it had struck an agreement with Turkish drone maker Baykar to procure its "
     "TB2 drones.", ("TUR", "QAT", "Bayraktar TB2", "ordered")),
    ("The Bangladesh Navy is set to receive four corvettes from China.",
     ("CHN", "BGD", None, "ordered")),
    ("The Ghana Navy commissioned its new patrol vessel from China on Monday.",
     ("CHN", "GHA", None, "delivered")),
    ("Chile bought three P-3 Orion aircraft, recently retired by Norway.",
     ("NOR", "CHL", "P-3 Orion", "ordered")),
])
def test_parties_said_through_a_company_a_raising_verb_or_a_former_owner(
        nlp: Language, text: str, expected: tuple) -> None:
    assert [brief(d) for d in deals(nlp, text)] == [expected]


def test_a_ship_named_after_an_aircraft_is_no_aircraft(nlp: Language) -> None:
    text = ("The US Navy decommissioned USS Tornado and USS Chinook before handing both "
            "Cyclone-class patrol ships to Bahrain. Chinook was commissioned in 1995.")
    assert [d.system.name for d in deals(nlp, text)] == ["Cyclone-class patrol ship"]


@pytest.mark.parametrize("text", [
    "The State Department approved the possible sale of 12 Black Hawk helicopters to "
    "Colombia. Lawmakers have 30 days to block the sale, although such action is rare.",
    "The agency notified Congress of plans to sell five Black Hawk helicopters to Colombia.",
])
def test_the_notice_period_of_an_export_approval_is_no_threat(nlp: Language, text: str) -> None:
    (deal,) = deals(nlp, text)
    assert brief(deal) == ("USA", "COL", "UH-60 Black Hawk", "approved")


@pytest.mark.parametrize(("text", "status"), [
    ("Denmark terminated its contract with NHIndustries for nine NH90 helicopters.",
     "cancelled"),
    ("Denmark ordered nine NH90 helicopters in 2001. Twenty years later the ministry told the "
     "manufacturer of the NH90 that it had terminated the contract.", "cancelled"),
    ("Albania has shown interest in striking a deal to buy TB2 drones from Turkey.",
     "proposed"),
    ("Armenia has expressed interest in the Indian Pinaka rocket launcher.", "proposed"),
])
def test_a_contract_ended_and_an_interest_shown(nlp: Language, text: str, status: str) -> None:
    (deal,) = deals(nlp, text)
    assert deal.status == status


def test_the_count_of_a_previous_sale_is_not_the_new_ones(nlp: Language) -> None:
    text = ("The agency notified Congress of a sale of six Black Hawk helicopters to Colombia. "
            "It mirrors a previously notified sale of 20 Black Hawks.")
    (deal,) = deals(nlp, text)
    assert deal.quantity == 6


@pytest.mark.parametrize("text", [
    "Vietnam's arms imports from Russia down 40%",
    "Vietnam received 20% of Israel's arms exports in 2019-23, according to new data on "
    "global arms transfers.",
])
def test_shares_and_headline_trends_are_statistics(nlp: Language, text: str) -> None:
    assert deals(nlp, text) == []


@pytest.mark.parametrize("text", [
    "Britain has signed a preliminary multibillion-pound deal for the sale of 12 Typhoon jets "
    "to Qatar.",
    "Sweden and Peru signed a memorandum on the supply of Gripen fighter jets.",
])
def test_a_preliminary_deal_or_a_memorandum_is_still_talks(nlp: Language, text: str) -> None:
    statuses = {d.status for d in deals(nlp, text) if d.system.name}
    assert statuses == {"negotiating"}


def test_a_hyphenated_amount_and_a_dispatched_batch(nlp: Language) -> None:
    text = ("Brazil has dispatched the initial batch of Guarani armored personnel carriers to "
            "the Philippine Army under a $46-million deal for 28 vehicles.")
    (deal,) = deals(nlp, text)
    assert brief(deal) == ("BRA", "PHL", "VBTP-MR Guarani", "delivering")
    assert deal.value == 46e6


def test_a_model_name_in_quotes(nlp: Language) -> None:
    text = ('Hanwha signed a contract to supply 129 "Redback" infantry fighting vehicles to '
            'Australia.')
    (deal,) = deals(nlp, text)
    assert brief(deal) == ("KOR", "AUS", "AS21 Redback", "ordered")


def test_buyers_that_give_the_weapons_on_are_their_suppliers(nlp: Language) -> None:
    text = ("Belgium and Luxembourg will jointly buy, refurbish and donate 10 Leopard 1A5 tanks "
            "for Moldova, the ministries said.")
    assert sorted(brief(d) for d in deals(nlp, text)) == [
        ("BEL", "MDA", "Leopard 1", "approved"), ("LUX", "MDA", "Leopard 1", "approved")]


def test_the_package_an_article_announced_gives_its_parties_to_what_it_includes(
        nlp: Language) -> None:
    text = ("The Pentagon unveiled a new package of military aid for Taiwan on Friday. The "
            "package includes Javelin anti-tank missiles and ammo for NASAMS and HIMARS "
            "systems. It also contains Stinger missiles.")
    assert sorted(brief(d) for d in deals(nlp, text) if d.system.name) == [
        ("USA", "TWN", "FIM-92 Stinger", "approved"), ("USA", "TWN", "Javelin", "approved")]


def test_challenger_tanks_are_challenger_2s(nlp: Language) -> None:
    (deal,) = deals(nlp, "Britain delivered several Challenger tanks to Ukraine last spring.")
    assert brief(deal) == ("GBR", "UKR", "Challenger 2", "delivered")


def test_a_country_that_only_consents_is_no_party(nlp: Language) -> None:
    text = ("The purchase follows the US government authorisation to transfer the aircraft, "
            "as well as 20 Danish F-16 jets.")
    assert not [d for d in deals(nlp, text) if "USA" in (d.supplier.country,
                                                          d.recipient.country)]


def test_a_force_that_decided_to_introduce_jets_buys_them(nlp: Language) -> None:
    (deal,) = deals(nlp, "The Thai air force decided to introduce 12 FA-50 jets made by "
                         "South Korea's KAI.")
    assert brief(deal)[:3] == ("KOR", "THA", "T-50 Golden Eagle")
    assert deal.quantity == 12


def test_a_list_of_weapons_to_be_provided_is_the_announced_package(nlp: Language) -> None:
    text = ("Washington announced a new $300 million package of military aid for Georgia on "
            "Tuesday. The list of weapons to be provided includes Javelin anti-tank systems "
            "and TOW missiles.")
    assert sorted(brief(d) for d in deals(nlp, text) if d.system.name) == [
        ("USA", "GEO", "Javelin", "approved"), ("USA", "GEO", "TOW", "approved")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Malaysia's defence ministry confirmed the order on Monday. South Korea's KAI said it "
     "will deliver 18 FA-50 jets to the Southeast Asian country from 2026.",
     ("KOR", "MYS", "T-50 Golden Eagle", "ordered")),
    ("Qatar has been courting several suppliers. France signed a deal on Monday to sell 12 "
     "more Rafale jets to the Gulf state.", ("FRA", "QAT", "Rafale", "ordered")),
])
def test_a_country_said_by_its_region_is_the_last_one_named_there(
        nlp: Language, text: str, expected: tuple[str, str, str, str]) -> None:
    assert [brief(d) for d in deals(nlp, text)] == [expected]


def test_a_bare_infinitive_takes_the_tense_of_its_verb(nlp: Language) -> None:
    (deal,) = deals(nlp, "The contract will see Hanwha deliver 24 K9 howitzers to Norway.")
    assert brief(deal) == ("KOR", "NOR", "K9 Thunder", "ordered")


@pytest.mark.parametrize(("text", "expected"), [
    ("Embraer is to provide six Super Tucano aircraft for the Paraguayan Air Force.",
     ("BRA", "PRY", "A-29 Super Tucano", "ordered")),
    ("Italian manufacturer Leonardo will give ten M-346 jets to Nigeria next year.",
     ("ITA", "NGA", "M-346 Master", "ordered")),
    ("Germany will provide 40 Marder vehicles to Ukraine.",
     ("DEU", "UKR", "Marder", "approved")),
])
def test_a_maker_that_will_provide_weapons_sells_them_a_state_decides_to_give(
        nlp: Language, text: str, expected: tuple[str, str, str, str]) -> None:
    assert [brief(d) for d in deals(nlp, text)] == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("Germany's veto has grounded the sale of Eurofighter Typhoons to Turkey.",
     [("GBR", "TUR", "Eurofighter Typhoon", "suspended")]),
    ("Berlin obstructed the sale of Eurofighter jets to Saudi Arabia for two years.",
     [("GBR", "SAU", "Eurofighter Typhoon", "suspended")]),
    ("Germany halted the delivery of Leopard 2 tanks to Turkey in 2019.",
     [("DEU", "TUR", "Leopard 2", "suspended")]),
])
def test_a_partner_that_blocks_a_sale_is_no_supplier_the_maker_country_still_is(
        nlp: Language, text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert [brief(d) for d in deals(nlp, text)] == expected


def test_a_count_said_only_of_several_donors_together_is_each_ones(nlp: Language) -> None:
    found = deals(nlp, "Norway and Belgium will together refurbish and donate 20 Leopard 1A5 "
                       "tanks to Moldova.")
    assert sorted((brief(d), d.quantity) for d in found) == [
        (("BEL", "MDA", "Leopard 1", "approved"), 20),
        (("NOR", "MDA", "Leopard 1", "approved"), 20)]


@pytest.mark.parametrize(("text", "expected"), [
    ("The Egyptian Navy awarded a contract to Italy's Fincantieri for two FREMM frigates.",
     ("ITA", "EGY", "FREMM", "ordered")),
    ("A contract for 12 Caesar howitzers was awarded to KNDS France by the Belgian army.",
     ("FRA", "BEL", "CAESAR howitzer", "ordered")),
])
def test_the_winner_of_an_awarded_contract_supplies(
        nlp: Language, text: str, expected: tuple[str, str, str, str]) -> None:
    assert [brief(d) for d in deals(nlp, text)] == [expected]


@pytest.mark.parametrize(("text", "variant"), [
    ("Bulgaria signed a deal for eight F-16 jets of the latest Block 70 version from the "
     "United States.", "F-16 Block 70"),
    ("Pakistan delivered the Block III version of the JF-17 to Azerbaijan.", "JF-17 Block III"),
])
def test_a_variant_said_in_words_is_the_name_and_its_designator(
        nlp: Language, text: str, variant: str) -> None:
    (deal,) = deals(nlp, text)
    assert deal.variant == variant


def test_the_naval_rafale_is_a_variant(nlp: Language) -> None:
    (deal,) = deals(nlp, "New Delhi signed a contract with France for 26 Rafale Marine jets "
                         "for its aircraft carrier.")
    assert (brief(deal), deal.variant) == (("FRA", "IND", "Rafale", "ordered"), "Rafale Marine")


def test_ammunition_resupply_vehicles_are_armoured_vehicles(nlp: Language) -> None:
    found = deals(nlp, "Hanwha signed a contract with Estonia to supply 12 K9 howitzers and "
                       "six K10 ammunition resupply vehicles.")
    assert sorted((d.system.name or d.system.category or "", d.quantity) for d in found
                  if brief(d)[:2] == ("KOR", "EST")) == [
        ("K9 Thunder", 12), ("armoured vehicles", 6)]


@pytest.mark.parametrize(("text", "expected"), [
    ("The Indian Navy has leased two Heron drones from Israel for a year.",
     ("ISR", "IND", "IAI Heron", "ordered")),
    ("Croatia leased twelve Black Hawk helicopters from the United States.",
     ("USA", "HRV", "UH-60 Black Hawk", "ordered")),
])
def test_who_leases_a_system_from_another_country_receives_it(
        nlp: Language, text: str, expected: tuple[str, str, str, str]) -> None:
    assert [brief(d) for d in deals(nlp, text)] == [expected]


def test_the_lessee_of_a_lease_receives(nlp: Language) -> None:
    found = deals(nlp, "The Czech government extended the lease of its 14 Gripen jets by "
                       "another decade.")
    assert [(brief(d), d.quantity) for d in found] == [
        (("SWE", "CZE", "JAS 39 Gripen", "ordered"), 14)]


def test_a_capital_dateline_names_no_party(nlp: Language) -> None:
    found = deals(nlp, "BERLIN (Agencies): Lithuania's government has decided to buy 44 "
                       "Leopard 2 tanks from Germany.")
    assert [brief(d)[:3] for d in found] == [("DEU", "LTU", "Leopard 2")]


@pytest.mark.parametrize("text", [
    "Lula refused to send Leopard tank ammunition to Germany.",
    "Brazil refused to supply ammunition for the Gepard anti-aircraft guns to Germany.",
])
def test_ammunition_for_a_system_is_no_deal_in_that_system(nlp: Language, text: str) -> None:
    found = deals(nlp, text)
    assert [(d.supplier.country, d.recipient.country, d.system.name, d.status)
            for d in found] == [("BRA", "DEU", None, "denied")]


def test_rockets_are_weapons_of_a_deal(nlp: Language) -> None:
    (deal,) = deals(nlp, "Serbia denied reports that it had sold 30,000 rockets to Ukraine.")
    assert (brief(deal), deal.quantity, deal.denier and deal.denier.country) == (
        ("SRB", "UKR", None, "denied"), 30000, "SRB")


@pytest.mark.parametrize(("text", "expected"), [
    ("The Spanish shipyard Navantia is building five corvettes for Saudi Arabia.",
     ("ESP", "SAU", None, "ordered")),
    ("Hanwha Ocean will build two frigates for the Philippine Navy.",
     ("KOR", "PHL", None, "ordered")),
])
def test_a_maker_building_for_a_foreign_buyer_sells(
        nlp: Language, text: str, expected: tuple[str, str, None, str]) -> None:
    assert [brief(d) for d in deals(nlp, text)] == [expected]


def test_building_at_home_is_still_no_deal(nlp: Language) -> None:
    assert deals(nlp, "Navantia is building five corvettes for the Spanish Navy in Ferrol.") == []


def test_a_decision_to_terminate_a_contract_cancels_it(nlp: Language) -> None:
    found = deals(nlp, "The Dutch shipyard Damen was building four patrol vessels for Peru. "
                       "The president announced his government's decision to terminate the "
                       "contract with Damen for the construction of the vessels.")
    assert [brief(d) for d in found] == [("NLD", "PER", None, "cancelled")]


def test_fewer_arrived_than_were_bought_is_delivering(nlp: Language) -> None:
    found = deals(nlp, "Four Dutch-supplied F-16 jets have landed in Romania. They came "
                       "under a contract between Romania and the Netherlands for the purchase "
                       "of 18 F-16 jets.")
    assert [(brief(d), d.quantity) for d in found] == [
        (("NLD", "ROU", "F-16 Fighting Falcon", "delivering"), 18)]


def test_no_weapons_moved_is_a_denial(nlp: Language) -> None:
    found = deals(nlp, "Officials said Kenya had supplied weapons to Sudan. \"No permit was "
                       "granted and no arms were exported,\" the Kenyan defence minister said.")
    assert [(brief(d), d.denier and d.denier.country) for d in found] == [
        (("KEN", "SDN", None, "denied"), "KEN")]


def test_exports_to_unnamed_countries_are_not_the_articles_deal(nlp: Language) -> None:
    found = deals(nlp, "Serbia signed a contract with France for Caesar howitzers. The Caesar "
                       "has been exported to several countries.")
    assert [brief(d) for d in found] == [("FRA", "SRB", "CAESAR howitzer", "ordered")]


def test_the_threat_a_system_guards_against_is_no_party(nlp: Language) -> None:
    found = deals(nlp, "Egypt will buy KM-SAM air defence systems from South Korea. This will "
                       "be the fourth contract for the KM-SAM, a safeguard against threats "
                       "from North Korea.")
    assert sorted(brief(d)[:2] for d in found) == [("KOR", "EGY")]


def test_a_share_of_all_weapons_is_a_statistic(nlp: Language) -> None:
    found = deals(nlp, "Russia supplied more than 60% of Algeria's military equipment over "
                       "the past five years.")
    assert found == []


def test_a_notice_period_to_approve_or_block_is_no_threat(nlp: Language) -> None:
    found = deals(nlp, "The State Department has sent a notice to Congress on the sale of "
                       "F-16 jets to Jordan. Congress has 30 days to approve or block the "
                       "sale.")
    assert [brief(d) for d in found] == [("USA", "JOR", "F-16 Fighting Falcon", "approved")]


def test_a_notice_of_the_authority_outranks_a_wish(nlp: Language) -> None:
    found = deals(nlp, "The State Department has sent a notice to Congress on the sale of "
                       "F-16 jets to Jordan. Jordan told Washington last year it wanted to buy "
                       "16 F-16 Block 70 jets.")
    assert [(brief(d), d.quantity) for d in found] == [
        (("USA", "JOR", "F-16 Fighting Falcon", "approved"), 16)]


def test_a_sum_in_words_is_the_first_value(nlp: Language) -> None:
    (deal,) = deals(nlp, "Slovakia agreed to buy Gripen jets from Sweden in a deal worth two "
                         "billion euros ($2.4 billion).")
    assert (brief(deal), deal.value, deal.currency) == (
        ("SWE", "SVK", "JAS 39 Gripen", "ordered"), 2e9, "EUR")


def test_anti_submarine_ships_are_ships(nlp: Language) -> None:
    (deal,) = deals(nlp, "Denmark has agreed to buy at least three new British anti-submarine "
                         "ships.")
    assert (brief(deal), deal.quantity) == (("GBR", "DNK", None, "ordered"), 3)
    assert deal.system.category == "ships"


def test_a_licence_builder_may_sell_to_the_systems_own_country(nlp: Language) -> None:
    found = deals(nlp, "Canada will supply locally-made Leopard 2 tanks to Germany.")
    assert [brief(d) for d in found] == [("CAN", "DEU", "Leopard 2", "ordered")]


def test_deliveries_not_begun_leave_the_order(nlp: Language) -> None:
    found = deals(nlp, "Egypt signed a contract for K9 howitzers with South Korea last year. "
                       "Deliveries of the K9 howitzers to Egypt have not begun.")
    assert [brief(d) for d in found] == [("KOR", "EGY", "K9 Thunder", "ordered")]


def test_a_contract_to_supply_is_a_sale_beside_aid_to_another_country(nlp: Language) -> None:
    found = deals(nlp, "Hanwha signed a contract with Romania on Monday to supply 54 K9 "
                       "howitzers. Romania has sent military aid to Ukraine.")
    assert [(brief(d), d.quantity) for d in found] == [
        (("KOR", "ROU", "K9 Thunder", "ordered"), 54)]


def test_rounds_count_ammunition(nlp: Language) -> None:
    (deal,) = deals(nlp, "Bulgaria will deliver 20,000 rounds of ammunition to Ukraine.")
    assert (deal.supplier.country, deal.recipient.country, deal.quantity) == (
        "BGR", "UKR", 20000)


def test_who_denies_a_shipment_is_the_one_said_to_ship(nlp: Language) -> None:
    found = deals(nlp, "Serbia denied there was any deal to ship weapons to Russia.")
    assert [(brief(d), d.denier and d.denier.country) for d in found] == [
        (("SRB", "RUS", None, "denied"), "SRB")]


def test_a_buyer_that_denies_is_not_the_supplier(nlp: Language) -> None:
    found = deals(nlp, "Iran denied reports that it would buy Su-35 jets.")
    assert [brief(d)[1:] for d in found] == [("IRN", "Su-35", "denied")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Sudan has managed to secure a contract with Iran for the delivery of Mohajer-6 drones.",
     ("IRN", "SDN", "Mohajer-6", "ordered")),
    ("Hanwha secured a contract for the delivery of K9 howitzers to Egypt.",
     ("KOR", "EGY", "K9 Thunder", "ordered")),
])
def test_a_contract_for_a_delivery_is_an_order_and_who_secures_it(
        nlp: Language, text: str, expected: tuple[str, str, str, str]) -> None:
    assert [brief(d) for d in deals(nlp, text)] == [expected]


# --- talks, pending decisions, counts, licensees, what is still to come ------------------------

def test_talks_with_two_buyers_for_a_supply_are_talks_with_each(nlp: Language) -> None:
    found = deals(nlp, "South Korea is in talks with both Peru and Colombia for the possible "
                       "supply of K2 tanks.")
    assert sorted(brief(d) for d in found) == [
        ("KOR", "COL", "K2 Black Panther", "negotiating"),
        ("KOR", "PER", "K2 Black Panther", "negotiating")]


@pytest.mark.parametrize("text", [
    "Chile has opened talks with Sweden on six A26 submarines.",
    "Chile's navy and Sweden's Saab have entered discussions on six A26 submarines.",
    "Negotiations between Chile and Sweden over the A26 submarine are going on.",
])
def test_talks_on_a_system_itself_are_talks_on_its_deal(nlp: Language, text: str) -> None:
    assert [brief(d) for d in deals(nlp, text)] == [
        ("SWE", "CHL", "A26 submarine", "negotiating")]


@pytest.mark.parametrize("text", [
    "The first K2 main battle tanks bought from South Korea have joined a Polish brigade.",
    "The first four K2 tanks of the 180 ordered by Poland joined an armoured brigade.",
    "The last six of 48 K2 Black Panther battle tanks bought from South Korea reached Poland.",
])
def test_a_clause_on_the_tanks_a_system_names_is_their_deal(nlp: Language, text: str) -> None:
    assert [brief(d)[:3] for d in deals(nlp, text)] == [("KOR", "POL", "K2 Black Panther")]


def test_export_permits_for_sensors_are_licences(nlp: Language) -> None:
    text = "Norway has suspended export permits for drone sensors bound for Egypt."
    assert [(*brief(d)[:2], d.system.category) for d in deals(nlp, text)] == [
        ("NOR", "EGY", "sensors")]


def test_a_request_for_a_system_is_a_deal_between_the_two(nlp: Language) -> None:
    text = "Sweden has again turned down a request from Chile for six Gripen fighters."
    assert [brief(d)[:3] for d in deals(nlp, text)] == [("SWE", "CHL", "JAS 39 Gripen")]


@pytest.mark.parametrize("text", [
    "Belgium plans to buy more CAESAR Mk II guns from France.",
    "Belgium has ordered Caesar truck-mounted howitzers from France.",
])
def test_caesar_under_its_other_names(nlp: Language, text: str) -> None:
    assert [brief(d)[:3] for d in deals(nlp, text)] == [("FRA", "BEL", "CAESAR howitzer")]


@pytest.mark.parametrize("text, system", [
    ("Qatar signed a contract with Hanwha of South Korea for K9A1EGY howitzers.", "K9 Thunder"),
    ("Norway ordered 30 Boxer wheeled armoured vehicles from Germany.", "Boxer MRAV"),
    ("The United States will give Qatar six Avenger air defence systems.",
     "Avenger air defense system"),
])
def test_systems_under_their_export_and_british_names(nlp: Language, text: str,
                                                      system: str) -> None:
    assert [brief(d)[2] for d in deals(nlp, text)] == [system]


@pytest.mark.parametrize("text", [
    "Chile's air force is also weighing more Gripen jets from Sweden.",
    "Chile had weighed Swedish Gripen fighters for its air force.",
])
def test_a_buyer_weighing_a_system_proposes_its_deal(nlp: Language, text: str) -> None:
    assert [brief(d) for d in deals(nlp, text)] == [
        ("SWE", "CHL", "JAS 39 Gripen", "proposed")]


def test_a_buyer_in_talks_keeps_what_is_sent_on(nlp: Language) -> None:
    found = deals(nlp, "Poland is in talks with Norway on the purchase of 20 K9 howitzers "
                       "that would be sent to Ukraine.")
    assert [brief(d) for d in found] == [("NOR", "POL", "K9 Thunder", "negotiating")]


def test_the_other_side_of_a_deal_on_the_verb(nlp: Language) -> None:
    found = deals(nlp, "Egypt has signed a deal with Russia worth $2 billion for 24 Su-35 "
                       "jets. With the sale of the Su-35, Egypt could have one of the "
                       "strongest air forces in the region.")
    assert [(brief(d), d.quantity) for d in found] == [(("RUS", "EGY", "Su-35", "ordered"), 24)]


def test_a_wish_to_receive_is_a_proposal(nlp: Language) -> None:
    found = deals(nlp, "Serbia would like to receive several Iskander missile systems from "
                       "Russia.")
    assert [brief(d) for d in found] == [("RUS", "SRB", "Iskander", "proposed")]


def test_no_decision_reached_is_no_denial(nlp: Language) -> None:
    found = deals(nlp, "Malaysia is negotiating with Turkey over the purchase of Hurjet "
                       "trainers, but no decision regarding the purchase was reached.")
    assert [brief(d) for d in found] == [("TUR", "MYS", "Hurjet", "negotiating")]


def test_the_deal_of_the_same_count_takes_an_approval_without_a_buyer(
        nlp: Language) -> None:
    found = deals(nlp, "The State Department approved the possible sale of 18 M1126 Stryker "
                       "vehicles. The Government of Chile has requested to buy 18 Stryker "
                       "vehicles. Thailand received its first Stryker vehicles from the "
                       "United States last year.")
    assert ("USA", "CHL", "Stryker", "approved") in [brief(d) for d in found]


def test_a_licensee_sends_licence_built_systems_to_the_licensor(nlp: Language) -> None:
    found = [brief(d) for d in deals(
        nlp, "Japan produces Patriot missiles under licence from Lockheed Martin. The "
             "government said it will transfer the Patriot missiles to the United States.")]
    assert ("JPN", "USA", "Patriot", "approved") in found
    assert not [b for b in found if b[:2] == ("USA", "JPN") and b[3] == "approved"]


def test_a_system_name_inside_a_longer_name_keeps_the_longer_one(nlp: Language) -> None:
    found = deals(nlp, "Turkey received the last of four Boeing 737 AWACS aircraft from the "
                       "United States. Turkey had planned to take delivery of its first AWACS "
                       "years earlier.")
    assert {d.system.name for d in found} == {"Boeing 737 AEW"}


@pytest.mark.parametrize("text", [
    "Around 40 T-90 tanks were delivered to Vietnam from Russia in the first delivery.",
    "The United States handed over six helicopters to Kenya on Friday. Two other choppers "
    "are expected to be delivered in the coming months.",
])
def test_a_first_delivery_or_more_to_come_is_delivering(nlp: Language, text: str) -> None:
    assert [brief(d)[3] for d in deals(nlp, text)] == ["delivering"]


def test_cobra_attack_helicopters_are_ah_1zs(nlp: Language) -> None:
    found = deals(nlp, "Senators delayed the sale of 12 Cobra attack helicopters to Nigeria "
                       "from the United States.")
    assert [brief(d) for d in found] == [("USA", "NGA", "AH-1Z Viper", "at_risk")]


def test_a_postponed_delivery_is_at_risk(nlp: Language) -> None:
    found = deals(nlp, "The delivery of the Patriot systems that Poland ordered from the "
                       "United States will be postponed.")
    assert [brief(d) for d in found] == [("USA", "POL", "Patriot", "at_risk")]


@pytest.mark.parametrize("text", [
    "Turkey announced that Malaysia had ordered 24 Hurjet trainers. The Malaysian government "
    "said it had not signed the contract on the purchase of the Hurjet trainers.",
    "Malaysia has reached agreement on buying 24 Hurjet trainers from Turkey. The signing of "
    "the contract can be expected in about three months.",
    "Malaysia has reached agreement on buying 24 Hurjet trainers from Turkey. Officials said "
    "they had yet to finalize the deal.",
])
def test_an_order_with_its_contract_still_to_sign_is_talks(nlp: Language, text: str) -> None:
    assert [brief(d) for d in deals(nlp, text)] == [("TUR", "MYS", "Hurjet", "negotiating")]


def test_a_country_that_made_replaced_jets_is_no_buyer(nlp: Language) -> None:
    found = deals(nlp, "Egypt approved the purchase of 30 J-10 jets from China. These aircraft "
                       "are expected to be delivered within two years and would replace the "
                       "French-made Mirage fighters.")
    assert [brief(d) for d in found] == [("CHN", "EGY", "J-10", "approved")]


def test_a_decision_still_to_come_is_no_approval(nlp: Language) -> None:
    found = deals(nlp, "Peru is in talks with Sweden on the purchase of Gripen jets. The "
                       "number will be decided in the contract.")
    assert [brief(d) for d in found] == [("SWE", "PER", "JAS 39 Gripen", "negotiating")]


def test_weapons_a_package_lists_after_including_are_in_the_deal(nlp: Language) -> None:
    found = deals(nlp, "The State Department approved a possible sale of 12 F-16 jets to "
                       "Jordan. The package also includes a range of weapons including 48 "
                       "AIM-120 missiles and 30 Small Diameter Bombs. Taiwan took delivery "
                       "of its first F-16 Block 70 jets last month.")
    assert {(brief(d), d.quantity) for d in found if d.recipient.country == "JOR"} == {
        (("USA", "JOR", "F-16 Fighting Falcon", "approved"), 12),
        (("USA", "JOR", "AIM-120 AMRAAM", "approved"), 48),
        (("USA", "JOR", "Small Diameter Bomb", "approved"), 30)}


def test_planes_of_weapons_carry_the_weapons(nlp: Language) -> None:
    found = deals(nlp, "Turkey denied reports that it had sent six planes of weapons to "
                       "Pakistan.")
    assert [(brief(d), d.denier and d.denier.country) for d in found] == [
        (("TUR", "PAK", None, "denied"), "TUR")]


def test_talks_said_apart_go_to_the_named_deal_between_the_two(nlp: Language) -> None:
    found = deals(nlp, "Colombia plans to buy 16 Gripen jets from Sweden. Sweden also "
                       "delivered two patrol boats to Colombia last year. Negotiations "
                       "between Colombia and Saab are under way.")
    assert {brief(d) for d in found} == {
        ("SWE", "COL", "JAS 39 Gripen", "negotiating"), ("SWE", "COL", None, "delivered")}


def test_a_signing_asked_for_in_exchange_is_still_ahead(nlp: Language) -> None:
    found = deals(nlp, "Italy selected the Leopard 2 tank from Germany. The Italian government "
                       "expects compensation from Berlin in exchange for signing the "
                       "agreement.")
    assert [brief(d) for d in found] == [("DEU", "ITA", "Leopard 2", "approved")]


def test_a_clause_on_the_noun_a_system_names_delivers_it(nlp: Language) -> None:
    found = deals(nlp, "The first ship to reach Varna carried five Stryker armored combat "
                       "vehicles delivered from the United States to Bulgaria.")
    assert [brief(d) for d in found] == [("USA", "BGR", "Stryker", "delivered")]


# --- phrasings met in the development stories of the fourteenth batch -----------------------

def test_a_block_number_is_a_version_not_a_count_nor_a_blocked_sale(nlp: Language) -> None:
    (deal,) = deals(nlp, "Oman signed a contract with the United States for 12 new F-16 Viper "
                         "Block 72 aircraft.")
    assert (brief(deal), deal.quantity) == (("USA", "OMN", "F-16 Fighting Falcon", "ordered"), 12)


def test_a_completed_deal_is_an_order_not_a_delivery(nlp: Language) -> None:
    (deal,) = deals(nlp, "Kuwait agreed to buy 24 F-15 jets from the United States. The deal "
                         "was completed on Monday despite the dispute.")
    assert brief(deal) == ("USA", "KWT", "F-15 Eagle", "ordered")


def test_a_contract_for_the_last_batch_is_an_order(nlp: Language) -> None:
    (deal,) = deals(nlp, "Indonesia signed a contract for the last batch of 18 Rafale jets "
                         "from France.")
    assert (brief(deal), deal.quantity) == (("FRA", "IDN", "Rafale", "ordered"), 18)


def test_a_system_named_as_a_yardstick_is_no_deal(nlp: Language) -> None:
    found = deals(nlp, "Algeria has acquired HQ-9B air defence systems from China, a system "
                       "comparable to the Russian S-400.")
    assert [brief(d)[:3] for d in found] == [("CHN", "DZA", "HQ-9")]


def test_not_yet_is_no_denial(nlp: Language) -> None:
    (deal,) = deals(nlp, "Indonesia signed a contract to buy two FREMM frigates from Italy, "
                         "but there is not yet a financed deal for the frigates.")
    assert brief(deal) == ("ITA", "IDN", "FREMM", "ordered")


def test_a_model_number_is_no_year(nlp: Language) -> None:
    """ "Mirage 2000" in a 2025 report is no sentence about the year 2000: the jets that
    arrived are this deal's delivery."""
    text = ("The first Mirage 2000 jets from France have arrived in Ukraine.\n\n"
            "In June 2024, France announced that it would provide Mirage 2000-5 jets to "
            "Ukraine.")
    doc = nlp.make_doc(text)
    doc._.article = Article(id="mirage-ukraine", text=text, date=dt.date(2025, 2, 6))
    (deal,) = nlp(doc)._.deals
    assert brief(deal) == ("FRA", "UKR", "Mirage 2000", "delivering")


def test_all_of_the_deal_handed_over_is_delivered(nlp: Language) -> None:
    (deal,) = deals(nlp, "Slovakia has handed over all 13 MiG-29 jets it had pledged to "
                         "Ukraine. It had delivered the first four jets last month.")
    assert (brief(deal), deal.quantity) == (("SVK", "UKR", "MiG-29", "delivered"), 13)


def test_a_delivery_pushed_back_is_at_risk(nlp: Language) -> None:
    (deal,) = deals(nlp, "Slovakia signed a deal to buy 14 F-16 jets from the United States, "
                         "but delivery was pushed back two years.")
    assert brief(deal) == ("USA", "SVK", "F-16 Fighting Falcon", "at_risk")


def test_a_dismissed_claim_denies_the_deal_told_before(nlp: Language) -> None:
    (deal,) = deals(nlp, "Washington accused North Korea of shipping artillery shells to "
                         "Russia. Pyongyang dismissed the claim as groundless.")
    assert (brief(deal), deal.denier and deal.denier.country) == (
        ("PRK", "RUS", None, "denied"), "PRK")


def test_reports_neither_confirmed_nor_denied_stand(nlp: Language) -> None:
    (deal,) = deals(nlp, "Armenia has ordered six ATAGS howitzers from India. An official "
                         "neither confirmed nor denied the reports.")
    assert brief(deal) == ("IND", "ARM", "ATAGS", "ordered")


def test_in_talks_the_makers_side_supplies(nlp: Language) -> None:
    found = deals(nlp, "Serbian defence minister Vulin held talks with Russian minister "
                       "Sergei Shoigu on the supply of four Mi-35 helicopters to Serbia.")
    assert [brief(d) for d in found] == [("RUS", "SRB", "Mi-35", "negotiating")]


def test_a_donation_goes_to_the_articles_one_buyer(nlp: Language) -> None:
    found = deals(nlp, "Russia handed over six MiG-29 jets to Serbia on Friday. Russia has "
                       "also agreed to donate 30 T-72 tanks.")
    assert {brief(d) for d in found} == {("RUS", "SRB", "MiG-29", "delivered"),
                                         ("RUS", "SRB", "T-72", "approved")}


def test_italian_ppa_ships_are_the_thaon_di_revel_class(nlp: Language) -> None:
    (deal,) = deals(nlp, "Italy is in talks with Indonesia on the sale of two PPA "
                         "multipurpose patrol vessels.")
    assert brief(deal) == ("ITA", "IDN", "Thaon di Revel-class", "negotiating")


def test_barak_missiles_are_the_barak_system(nlp: Language) -> None:
    (deal,) = deals(nlp, "India's defence ministry cleared the purchase of 131 Barak "
                         "missiles from Israel.")
    assert (brief(deal), deal.quantity) == (("ISR", "IND", "Barak 8", "approved"), 131)


def test_a_framework_deal_in_quotes_is_talks(nlp: Language) -> None:
    (deal,) = deals(nlp, 'Hanwha of South Korea signed a "framework" deal with Poland to '
                         'supply 288 Chunmoo rocket launchers.')
    assert brief(deal) == ("KOR", "POL", "K239 Chunmoo", "negotiating")


def test_a_king_air_of_another_model_is_no_king_air_350(nlp: Language) -> None:
    (deal,) = deals(nlp, "Japan handed over two Beechcraft King Air TC-90 planes to the "
                         "Philippines.")
    assert (brief(deal), deal.system.category) == (("JPN", "PHL", None, "delivered"),
                                                  "aircraft")


def test_a_gifted_ship_is_delivered(nlp: Language) -> None:
    found = deals(nlp, "India gifted a decommissioned corvette to Sri Lanka on Saturday.")
    assert [brief(d) for d in found] == [("IND", "LKA", None, "delivered")]


def test_a_soviet_made_system_is_handed_on_by_the_donor(nlp: Language) -> None:
    found = deals(nlp, "Bulgaria handed over the first MiG-29 jets to Ukraine. Soviet-made "
                       "Kub air defence systems will also be transferred to Ukraine.")
    assert {brief(d)[:3] for d in found} == {("BGR", "UKR", "MiG-29"),
                                             ("BGR", "UKR", "Kvadrat")}


def test_the_arrival_of_a_batch_is_a_delivery(nlp: Language) -> None:
    found = deals(nlp, "Kyiv welcomed the arrival of the first F-16 jets from Norway.")
    assert [brief(d) for d in found] == [("NOR", "UKR", "F-16 Fighting Falcon", "delivering")]


def test_ships_for_sale_are_a_deal_of_their_own(nlp: Language) -> None:
    found = deals(nlp, "France sold five used Mirage 2000 jets to Peru. A French shipyard is "
                       "also in talks to sell four ships to Peru.")
    assert {brief(d) for d in found} == {
        ("FRA", "PER", "Mirage 2000", "ordered"), ("FRA", "PER", None, "negotiating")}


def test_the_planes_of_one_sale_are_not_the_trainers_another_country_sold(
        nlp: Language) -> None:
    found = deals(nlp, "Italy sold six used fighter planes to Uruguay. Uruguay also bought 12 "
                       "Beechcraft Texan aircraft from the United States. The planes from "
                       "Italy will arrive next year.")
    assert {brief(d)[:3] for d in found} == {("ITA", "URY", None),
                                             ("USA", "URY", "T-6 Texan II")}


def test_a_donor_that_is_sending_weapons_has_decided_to(nlp: Language) -> None:
    (deal,) = deals(nlp, "Norway is sending its NASAMS air defence systems to Ukraine, the "
                         "defence minister said, calling it a significant donation.")
    assert brief(deal) == ("NOR", "UKR", "NASAMS", "approved")


def test_caesar_artillery_is_the_caesar_howitzer(nlp: Language) -> None:
    (deal,) = deals(nlp, "Denmark has transferred all its Caesar self-propelled artillery "
                         "installations to Ukraine.")
    assert brief(deal) == ("DNK", "UKR", "CAESAR howitzer", "delivered")


def test_a_report_later_called_false_denies_the_deal(nlp: Language) -> None:
    found = deals(nlp, "A Kazakh news site reported that Kazakhstan would receive Su-35 jets "
                       "from Russia, but later deleted the report and said that it was false.")
    assert [brief(d) for d in found] == [("RUS", "KAZ", "Su-35", "denied")]


@pytest.mark.parametrize(("text", "status"), [
    ("Qatar told Washington that it will suspend discussions to acquire F-15 fighter jets.",
     "suspended"),
    ("Officials warned that Qatar could suspend discussions to acquire F-15 fighter jets.",
     "at_risk"),
])
def test_a_buyer_that_will_suspend_its_talks_has_suspended_them(
        nlp: Language, text: str, status: str) -> None:
    (deal,) = deals(nlp, text)
    assert brief(deal) == ("USA", "QAT", "F-15 Eagle", status)


def test_a_purchase_made_outranks_the_decision_to_buy(nlp: Language) -> None:
    (deal,) = deals(nlp, "Algeria bought three batteries of HQ-9B systems from China last "
                         "spring. Though Russia offered the S-400, Algeria chose to buy air "
                         "defence from China.")
    assert brief(deal) == ("CHN", "DZA", "HQ-9", "ordered")


@pytest.mark.parametrize(("text", "status"), [
    ("Morocco had acquired the Barak MX system from Israel last year. Satellite images now "
     "show that Morocco has deployed the Barak MX near Rabat.", "delivered"),
    ("Morocco had acquired the Barak MX system from Israel last year. Morocco will deploy "
     "the Barak MX near Rabat, officials said.", "ordered"),
    ("Morocco had acquired the Barak MX system from Israel last year. Israel has deployed "
     "the Barak MX along its northern border.", "ordered"),
])
def test_a_bought_system_its_buyer_deployed_was_delivered(
        nlp: Language, text: str, status: str) -> None:
    found = deals(nlp, text)
    assert [brief(d) for d in found] == [("ISR", "MAR", "Barak 8", status)]


@pytest.mark.parametrize(("text", "status"), [
    ("Greece has bought Israel's Spyder air defence system. The first deliveries of the "
     "system arrived in Crete this week.", "delivering"),
    ("Greece has bought Israel's Spyder air defence system and the American Patriot system. "
     "The first deliveries of the system arrived in Crete this week.", "ordered"),
])
def test_the_system_is_the_one_named_system(nlp: Language, text: str, status: str) -> None:
    found = deals(nlp, text)
    assert ("ISR", "GRC", "SPYDER", status) in {brief(d) for d in found}


def test_weapons_that_departed_for_delivery_are_on_their_way(nlp: Language) -> None:
    (deal,) = deals(nlp, "Kenya ordered four Z-9 helicopters from China in May. The "
                         "helicopters departed for delivery from Tianjin on Friday.")
    assert brief(deal) == ("CHN", "KEN", "Z-9", "delivering")


def test_the_maker_spelt_out_is_no_variant_and_no_count(nlp: Language) -> None:
    (deal,) = deals(nlp, "Algeria will receive 14 Sukhoi 35 fighter jets from Russia "
                         "next year, the ministry said.")
    assert brief(deal) == ("RUS", "DZA", "Su-35", "ordered")
    assert (deal.variant, deal.quantity) == (None, 14)


@pytest.mark.parametrize(("text", "expected"), [
    ("Fincantieri and the Philippine defence ministry signed a contract for the supply of two "
     "FREMM frigates.", ("ITA", "PHL", "FREMM", "ordered")),
    ("Norway signed a deal with South Korea's Hanwha Aerospace for the delivery of 24 K9 "
     "howitzers.", ("KOR", "NOR", "K9 Thunder", "ordered")),
    ("The Netherlands signed a contract with Naval Group for the delivery of four Orka-class "
     "submarines.", ("FRA", "NLD", "Barracuda-class submarine", "ordered")),
])
def test_the_signers_of_a_deal_for_a_transfer_are_its_two_sides(
        nlp: Language, text: str, expected: tuple[str, str, str, str]) -> None:
    assert [brief(d) for d in deals(nlp, text)] == [expected]


def test_a_refused_request_to_buy_is_a_denial(nlp: Language) -> None:
    (deal,) = deals(nlp, "Washington has declined Vietnam's request to buy F-16 fighter jets, "
                         "the air force said.")
    assert brief(deal) == ("USA", "VNM", "F-16 Fighting Falcon", "denied")
    assert deal.denier is not None and deal.denier.country == "USA"


def test_a_headline_in_the_present_leaves_the_stage_to_the_body(nlp: Language) -> None:
    (deal,) = deals(nlp, "Korea delivers K9 howitzers to Egypt in $1.7 billion deal\n"
                         "Egypt signed a contract for 200 K9 howitzers with South Korea's "
                         "Hanwha Aerospace on Tuesday. Deliveries will start in 2026.")
    assert brief(deal) == ("KOR", "EGY", "K9 Thunder", "ordered")


def test_the_number_of_the_weapons_told_is_no_transfer(nlp: Language) -> None:
    (deal,) = deals(nlp, "Kosovo has bought Bayraktar TB2 drones from Turkey, the prime "
                         "minister said. He did not give the number of the drones.")
    assert brief(deal) == ("TUR", "XKX", "Bayraktar TB2", "ordered")


def test_the_maker_a_clause_names_supplies(nlp: Language) -> None:
    found = deals(nlp, "The Philippine Army received light tanks manufactured by Israel's "
                       "Elbit Systems on Monday.")
    assert [brief(d)[:2] for d in found] == [("ISR", "PHL")]


def test_who_expects_a_delivery_receives_it(nlp: Language) -> None:
    (deal,) = deals(nlp, "Croatia expects the delivery of 12 Rafale jets by the end of 2025.")
    assert brief(deal)[:3] == ("FRA", "HRV", "Rafale")


@pytest.mark.parametrize(("text", "expected"), [
    ("India and Russia concluded a deal to jointly produce Ka-226 helicopters in India.",
     [("RUS", "IND", "Ka-226", "ordered")]),
    ("Britain, Germany, Italy and Spain jointly build the Eurofighter Typhoon.", []),
])
def test_production_shared_by_two_countries_is_the_licensors_deal(
        nlp: Language, text: str, expected: list[tuple[str, str, str, str]]) -> None:
    assert [brief(d) for d in deals(nlp, text)] == expected


def test_a_share_in_per_cent_counts_no_deal(nlp: Language) -> None:
    assert deals(nlp, "Vietnam obtained more than 80 per cent of its weapons from Russia "
                      "between 2000 and 2023.") == []


def test_a_purchase_with_no_contract_signed_is_in_talks(nlp: Language) -> None:
    (deal,) = deals(nlp, "Qatar will buy two more Wedgetail aircraft from the United States, "
                         "officials announced. No contract has been signed, and the terms will "
                         "not be set until final negotiations have concluded.")
    assert brief(deal)[0:2] == ("USA", "QAT") and deal.status == "negotiating"


def test_a_model_number_after_a_name_is_no_count(nlp: Language) -> None:
    (deal,) = deals(nlp, "The UAE ordered two more GlobalEye aircraft, built on the "
                         "Bombardier Global 6000 business jet, from Sweden's Saab.")
    assert brief(deal)[:3] == ("SWE", "ARE", "GlobalEye") and deal.quantity == 2


def test_a_clause_on_the_weapons_that_agrees_to_buy_them_is_their_deal(nlp: Language) -> None:
    (deal,) = deals(nlp, "The K9 howitzers that Vietnam agreed to purchase will be put into "
                         "service next year, the ministry said.")
    assert brief(deal) == ("KOR", "VNM", "K9 Thunder", "ordered")


def test_a_willingness_to_buy_is_its_holders_proposal(nlp: Language) -> None:
    found = deals(nlp, "Kenya and Ghana have expressed a willingness to purchase the Tejas "
                       "light combat aircraft, officials said.")
    assert sorted(brief(d) for d in found) == [("IND", "GHA", "Tejas", "proposed"),
                                               ("IND", "KEN", "Tejas", "proposed")]


def test_the_jet_is_the_system_the_article_called_so(nlp: Language) -> None:
    found = deals(nlp, "The air force retired its last MiG-21 jets this year. Officials "
                       "called the new Tejas fighter jet a matter of national pride. Vietnam "
                       "and Peru have expressed interest in buying the fighter jet.")
    assert sorted(brief(d) for d in found) == [("IND", "PER", "Tejas", "proposed"),
                                               ("IND", "VNM", "Tejas", "proposed")]


@pytest.mark.parametrize("text", [
    "The United States warned Egypt against concluding the purchase of Su-35 jets from Russia.",
    "Washington has warned Serbia that it should not buy the Chinese FK-3 air defence system.",
])
def test_a_warning_against_a_purchase_tells_no_deal(nlp: Language, text: str) -> None:
    assert deals(nlp, text) == []


def test_the_side_that_presses_buyers_is_no_party(nlp: Language) -> None:
    found = deals(nlp, "Egypt signed a contract to buy Su-35 jets from Russia. The arms deal "
                       "comes amid growing US pressure on countries not to buy Russian weapons.")
    assert [brief(d)[:3] for d in found] == [("RUS", "EGY", "Su-35")]


@pytest.mark.parametrize("text", [
    "The US imposed sanctions on the Chinese military for buying Su-35 jets from Russia.",
    "Washington sanctioned China for buying Su-35 jets from Russia.",
])
def test_who_is_punished_for_a_purchase_bought(nlp: Language, text: str) -> None:
    assert [brief(d)[:3] for d in deals(nlp, text)] == [("RUS", "CHN", "Su-35")]


def test_weapons_a_contract_holds_for_a_country_go_to_it(nlp: Language) -> None:
    found = deals(nlp, "The latest production contract for the jet was signed on Monday. It "
                       "includes three F-35As each for Denmark and Belgium and five F-35Bs "
                       "for Singapore.")
    assert sorted((*brief(d), d.quantity) for d in found) == [
        ("USA", "BEL", "F-35 Lightning II", "ordered", 3),
        ("USA", "DNK", "F-35 Lightning II", "ordered", 3),
        ("USA", "SGP", "F-35 Lightning II", "ordered", 5)]


def test_they_that_include_weapons_stand_for_the_deal(nlp: Language) -> None:
    found = deals(nlp, "The contract covers jets for several foreign customers. They include "
                       "eight F-35As for Finland.")
    assert [(*brief(d), d.quantity) for d in found] == [
        ("USA", "FIN", "F-35 Lightning II", "ordered", 8)]


def test_a_news_agency_dateline_names_no_party(nlp: Language) -> None:
    assert deals(nlp, "Jakarta, (ANTARA) - South Korea has delivered two more FA-50 jets, "
                      "its defence ministry said.") == []


def test_who_signed_a_deal_to_buy_buys(nlp: Language) -> None:
    found = deals(nlp, "The British minister said it follows a deal signed by Kuwait on "
                       "Monday to buy 30 Italian M-346 jets.")
    assert [brief(d) for d in found] == [("ITA", "KWT", "M-346 Master", "ordered")]


def test_a_first_batch_that_is_to_be_delivered_is_still_to_come(nlp: Language) -> None:
    (deal,) = deals(nlp, "Peru signed a contract for 24 Gripen jets with Sweden. The first of "
                         "the jets is to be delivered in 30 months.")
    assert brief(deal) == ("SWE", "PER", "JAS 39 Gripen", "ordered")


def test_a_contract_awarded_to_sell_is_an_order(nlp: Language) -> None:
    (deal,) = deals(nlp, "Saab was awarded a $200 million contract to sell four Gripen jets "
                         "to Thailand.")
    assert brief(deal) == ("SWE", "THA", "JAS 39 Gripen", "ordered")


# --- names written in another case or spelling ------------------------------------------------


def test_a_name_with_its_first_word_in_lower_case_is_still_the_system(nlp: Language) -> None:
    (deal,) = deals(nlp, "Oman has ordered 12 eurofighter Typhoons from Britain.")
    assert (*brief(deal), deal.quantity) == ("GBR", "OMN", "Eurofighter Typhoon", "ordered", 12)


def test_a_name_wholly_in_lower_case_is_an_ordinary_word() -> None:
    from newsevents.weapons import Catalogue
    assert Catalogue.load().find("a patriot bought a rafale of tickets") is None
    # a common word before a capitalised one does not join it into a name ("Tosan")
    assert Catalogue.load().find("The envoy flew to San Jose.") is None


def test_a_lead_opening_with_its_country_in_capitals_keeps_its_subject(nlp: Language) -> None:
    (deal,) = deals(nlp, "Arms deal\n\nKUWAIT yesterday signed a contract to buy 30 Italian "
                         "M-346 jets.")
    assert brief(deal) == ("ITA", "KWT", "M-346 Master", "ordered")


def test_a_drone_spelt_as_it_sounds_is_the_catalogue_system(nlp: Language) -> None:
    (deal,) = deals(nlp, "Algeria has received Chinese Wing Long 2 drones.")
    assert brief(deal) == ("CHN", "DZA", "Wing Loong", "delivered")


def test_the_system_another_derives_from_does_not_name_the_deal(nlp: Language) -> None:
    found = deals(nlp, "Greece cancelled a deal to buy ten helicopters from the US company "
                       "Sikorsky. The Seahawk is a naval variant of the Black Hawk helicopter.")
    assert [brief(d) for d in found] == [("USA", "GRC", "MH-60R Seahawk", "cancelled")]


def test_a_headline_in_the_present_gives_way_to_the_body(nlp: Language) -> None:
    (deal,) = deals(nlp, "Spain Delivers Tanks to Latvia\n\nSpain will sell ten Leopard 2 tanks "
                         "to Latvia, the ministry said on Monday.")
    assert (*brief(deal), deal.quantity) == ("ESP", "LVA", "Leopard 2", "proposed", 10)


def test_a_headline_in_the_present_alone_still_tells_the_stage(nlp: Language) -> None:
    (deal,) = deals(nlp, "Spain Delivers Leopard 2 Tanks to Latvia")
    assert brief(deal)[3] == "delivering"


# --- talks, approvals and troubles as wire reports phrase them ---------------------------------

def test_capitalised_talks_after_a_dateline_are_still_talks(nlp: Language) -> None:
    (deal,) = deals(nlp, "LIMA, May 4 (Wire) - Negotiations between Sweden and Peru for the "
                         "purchase of 16 Gripen jets are close to the end, the minister said.")
    assert (*brief(deal), deal.quantity) == ("SWE", "PER", "JAS 39 Gripen", "negotiating", 16)


def test_a_view_two_leaders_agreed_on_is_no_order(nlp: Language) -> None:
    found = deals(nlp, "Chile is still negotiating with South Korea to buy K9 howitzers. The "
                       "two presidents agreed that a deal on the K9 howitzers would be good for "
                       "both countries.")
    assert [brief(d) for d in found] == [("KOR", "CHL", "K9 Thunder", "negotiating")]


def test_an_order_said_only_under_a_condition_tells_no_stage(nlp: Language) -> None:
    (deal,) = deals(nlp, "Talks between Italy and Peru on the purchase of 20 M-346 jets are "
                         "advancing. If this order goes through, the plant will hire 300 people.")
    assert brief(deal) == ("ITA", "PER", "M-346 Master", "negotiating")


def test_talks_on_the_delivery_of_a_further_batch_are_talks(nlp: Language) -> None:
    (deal,) = deals(nlp, "Talks on the delivery of the second batch of S-400 systems to India "
                         "are at an advanced stage, a Russian official said. Forecasting the "
                         "time frame of signing this contract is pointless, he added.")
    assert brief(deal) == ("RUS", "IND", "S-400 Triumf", "negotiating")


def test_a_deal_still_to_be_completed_is_in_talks(nlp: Language) -> None:
    (deal,) = deals(nlp, "Peru is in negotiations with France over Rafale jets. Peru wants to "
                         "complete the agreement quickly to acquire the jets.")
    assert brief(deal) == ("FRA", "PER", "Rafale", "negotiating")


def test_who_is_urged_to_drop_a_purchase_is_the_buyer(nlp: Language) -> None:
    found = deals(nlp, "Vietnam had planned to buy Su-35 jets from Russia. The United States "
                       "urged Vietnam to abandon the purchase of the jets.")
    assert [d.recipient.country for d in found] == ["VNM"]
    assert found[0].supplier.country == "RUS"


def test_a_delay_conceded_after_a_request_puts_the_deal_at_risk(nlp: Language) -> None:
    (deal,) = deals(nlp, "Egypt has also asked to buy American F-15 jets, though that purchase "
                         "order has been delayed.")
    assert brief(deal) == ("USA", "EGY", "F-15 Eagle", "at_risk")


def test_a_blockade_someone_was_accused_of_is_no_stage_of_a_delivered_deal(
        nlp: Language) -> None:
    (deal,) = deals(nlp, "Latvia has received the Leopard 2 tanks from Germany. Earlier the "
                         "German chancellor had been accused of blocking arms supplies to Latvia.")
    assert brief(deal) == ("DEU", "LVA", "Leopard 2", "delivered")


def test_fuchs_armoured_vehicles_are_the_catalogue_system(nlp: Language) -> None:
    (deal,) = deals(nlp, "The German security council approved the sale of eight Fuchs armoured "
                         "vehicles to Oman.")
    assert (*brief(deal), deal.quantity) == ("DEU", "OMN", "TPz Fuchs", "approved", 8)


def test_a_news_agency_that_reports_a_deal_is_no_party(nlp: Language) -> None:
    found = deals(nlp, "Iraq is in talks with Russia to buy Su-35 jets. The minister said any "
                       "purchase of fighter planes from Russia must include training, Xinhua "
                       "news agency reported.")
    assert [brief(d) for d in found] == [("RUS", "IRQ", "Su-35", "negotiating")]


def test_ministers_misparsed_beside_the_recipient_are_no_recipients(nlp: Language) -> None:
    found = deals(nlp, "Norway and Denmark will deliver four additional K9 howitzers to "
                       "Latvia, Norwegian Defence Minister Ola Berg and his Danish counterpart "
                       "Lars Holm announced on Monday in Oslo.")
    assert sorted(brief(d) for d in found) == [("DNK", "LVA", "K9 Thunder", "ordered"),
                                               ("NOR", "LVA", "K9 Thunder", "ordered")]


def test_who_holds_a_plan_for_buying_is_the_buyer(nlp: Language) -> None:
    (deal,) = deals(nlp, "Sweden welcomed Peru's plan for buying 12 Gripen jets.")
    assert (deal.supplier.country, deal.recipient.country) == ("SWE", "PER")


def test_what_an_approved_sale_includes_takes_the_parties_of_its_approval(
        nlp: Language) -> None:
    found = deals(nlp, "Two large sales to Chile won approval from the US State Department on "
                       "Monday. The sale includes 8 C-130J aircraft for $1.1 billion.")
    assert [(d.supplier.country, d.recipient.country, d.system.name, d.quantity)
            for d in found] == [("USA", "CHL", "C-130 Hercules", 8)]


def test_talks_with_a_country_for_acquiring_name_the_seller(nlp: Language) -> None:
    (deal,) = deals(nlp, "Peru said talks with Sweden for acquiring six conventional "
                         "submarines are progressing well.")
    assert (*brief(deal), deal.quantity) == ("SWE", "PER", None, "negotiating", 6)


def test_an_it_that_only_opens_the_clause_is_no_country(nlp: Language) -> None:
    from newsevents.arms.countries import Countries
    doc = nlp("Poland sent tanks to Ukraine. It is necessary to donate more artillery, "
              "the minister said.")
    it = next(t for t in doc if t.text == "It")
    assert Countries(doc).of(it) is None


def test_hdw_214_is_the_type_214_submarine(nlp: Language) -> None:
    (deal,) = deals(nlp, "Germany offered six HDW 214 submarines to India.")
    assert brief(deal) == ("DEU", "IND", "Type 214 submarine", "proposed")


def test_a_selection_announced_is_an_approval_ahead_of_the_talks_it_opens(
        nlp: Language) -> None:
    (deal,) = deals(nlp, "The Peruvian government has announced the selection of the Gripen. "
                         "Talks with Sweden on the purchase of 12 Gripen jets will follow.")
    assert brief(deal) == ("SWE", "PER", "JAS 39 Gripen", "approved")


def test_what_a_sale_includes_is_approved_not_ordered(nlp: Language) -> None:
    (deal,) = deals(nlp, "The United States will sell drones to Chile. The sale includes up to "
                         "six MQ-9 Reapers.")
    assert (*brief(deal), deal.quantity) == ("USA", "CHL", "MQ-9 Reaper", "approved", 6)


def test_a_count_said_apart_from_the_transfer_word_is_the_deals(nlp: Language) -> None:
    (deal,) = deals(nlp, "Israel agreed to sell air defence systems to Slovakia. The contract "
                         "is for three SPYDER batteries.")
    assert (*brief(deal), deal.quantity) == ("ISR", "SVK", "SPYDER", "ordered", 3)


@pytest.mark.parametrize("text, pair", [
    ("The Swedish government approved the shipyard's licence to supply two corvettes to "
     "Chile.", ("SWE", "CHL")),
    ("Spain's cabinet has approved a licence for a local firm to export six corvettes to "
     "Peru.", ("ESP", "PER")),
])
def test_a_government_approving_its_firms_export_licence_supplies(
        nlp: Language, text: str, pair: tuple[str, str]) -> None:
    (deal,) = deals(nlp, text)
    assert (deal.supplier.country, deal.recipient.country, deal.status) == (*pair, "approved")


def test_it_inside_a_punishment_is_the_one_punished(nlp: Language) -> None:
    (deal,) = deals(nlp, "The United States sanctioned Turkey because it bought S-400 "
                         "systems from Russia.")
    assert (deal.supplier.country, deal.recipient.country) == ("RUS", "TUR")


def test_a_penalty_threatened_if_a_purchase_goes_ahead_is_no_deal(nlp: Language) -> None:
    assert deals(nlp, "Washington could impose sanctions on Cairo if it goes ahead with the "
                      "purchase of Su-35 jets from Russia.") == []


@pytest.mark.parametrize("text, expected", [
    ("The discussions between Pakistan and China centred on acquiring 20 more J-10C jets.",
     ("CHN", "PAK", "J-10", "negotiating")),
    ("The memorandum sets out the roles of the partners in the project to procure 300 K9 "
     "howitzers from South Korea for Poland.", ("KOR", "POL", "K9 Thunder", "negotiating")),
    ("The approval covers the sale of 12 F-16 jets to Jordan by the United States.",
     ("USA", "JOR", "F-16 Fighting Falcon", "approved")),
    # a transfer verb with its own subject is a clause of its own
    ("The talks began after India bought 36 Rafale jets from France.",
     ("FRA", "IND", "Rafale", "ordered")),
])
def test_a_cue_noun_governs_the_transfer_its_clause_holds(
        nlp: Language, text: str, expected: tuple[str, str, str, str]) -> None:
    assert expected in [brief(d) for d in deals(nlp, text)]


@pytest.mark.parametrize("text, status", [
    ("The chancellor said on Monday that Germany would stop exporting Leopard 2 tanks to "
     "Saudi Arabia for now.", "suspended"),
    ("Germany would halt the delivery of Leopard 2 tanks to Saudi Arabia if the fighting "
     "spreads, officials warned.", "at_risk"),
    ("Germany will halt further shipments of Leopard 2 tanks to Saudi Arabia, the foreign "
     "minister said.", "suspended"),
    ("Germany announced that it will stop the delivery of Leopard 2 tanks to Saudi Arabia.",
     "suspended"),
    ("Germany has paused a shipment of Leopard 2 tanks to Saudi Arabia over the fighting.",
     "suspended"),
    ("Germany could pause deliveries of Leopard 2 tanks to Saudi Arabia, officials said.",
     "at_risk"),
])
def test_a_halt_reported_as_decided_is_a_suspension(nlp: Language, text: str,
                                                    status: str) -> None:
    assert [brief(d) for d in deals(nlp, text)] == [("DEU", "SAU", "Leopard 2", status)]


@pytest.mark.parametrize("text, status", [
    ("Russia and India are reported to have reached an agreement on the delivery of four "
     "Admiral Grigorovich-class frigates.", "ordered"),
    ("Four Admiral Grigorovich-class frigates are said to have been delivered to India by "
     "Russia.", "delivered"),
    ("Russia and India hope to reach an agreement on the delivery of four Admiral "
     "Grigorovich-class frigates.", "negotiating"),
])
def test_a_perfect_infinitive_is_done_not_to_come(nlp: Language, text: str,
                                                  status: str) -> None:
    found = [brief(d) for d in deals(nlp, text)]
    assert [s for *_, s in found] == [status]


@pytest.mark.parametrize("text, status", [
    # no sale, price or contract anywhere: a state's future supply is its decision to give
    ("Norway will supply two NASAMS systems to Ukraine, the defence ministry said on Friday. "
     "Norwegian instructors will train the Ukrainian crews.", "approved"),
    ("Norway will supply two NASAMS systems to Ukraine for $200 million, the defence ministry "
     "said on Friday. Norwegian instructors will train the Ukrainian crews.", "ordered"),
    # a delivery fulfils what was agreed
    ("Norway will deliver two NASAMS systems to Ukraine within weeks, the defence ministry "
     "said on Friday. Norwegian instructors will train the Ukrainian crews.", "ordered"),
])
def test_a_supply_in_an_article_of_no_trade_is_a_decision(nlp: Language, text: str,
                                                          status: str) -> None:
    assert [brief(d) for d in deals(nlp, text)] == [("NOR", "UKR", "NASAMS", status)]


def test_an_ordinal_delivery_is_one_of_several(nlp: Language) -> None:
    text = "The fourth Kilo-class submarine built by Russia for Vietnam arrived in Cam Ranh Bay."
    assert [brief(d) for d in deals(nlp, text)] == [
        ("RUS", "VNM", "Kilo-class submarine", "delivering")]


def test_a_tender_cancelled_in_a_clause_of_its_own_ends_the_sale(nlp: Language) -> None:
    text = ("Embraer won a tender to sell 12 Super Tucano aircraft to Colombia, but the tender "
            "was cancelled after a rival bidder complained.")
    assert [brief(d) for d in deals(nlp, text)] == [
        ("BRA", "COL", "A-29 Super Tucano", "cancelled")]


@pytest.mark.parametrize("text, pair, system", [
    ("China handed over a P18-class corvette to the Ghanaian navy.", ("CHN", "GHA"),
     "Type 056 corvette"),
    ("Kazakhstan received Panzir systems from Russia last year.", ("RUS", "KAZ"), "Pantsir"),
    ("Oman plans to buy eight Hawk jets from Britain.", ("GBR", "OMN"), "BAE Hawk"),
    ("Romania took delivery of ten K2 MBTs from South Korea.", ("KOR", "ROU"),
     "K2 Black Panther"),
    ("Washington will give Bradley Infantry Fighting Vehicles to Kyiv.", ("USA", "UKR"),
     "M2 Bradley"),
    ("Australia has sent 20 more Bushmasters to Ukraine.", ("AUS", "UKR"), "Bushmaster PMV"),
])
def test_export_names_and_spellings_of_catalogued_systems(
        nlp: Language, text: str, pair: tuple[str, str], system: str) -> None:
    (deal,) = deals(nlp, text)
    assert (deal.supplier.country, deal.recipient.country, deal.system.name) == (*pair, system)


def test_donors_hand_on_the_system_they_bought_for_the_recipient(nlp: Language) -> None:
    found = {deal_key(d) for d in deals(
        nlp, "Sweden and Finland will give Ukraine twelve self-propelled howitzers from next "
             "year. Sweden and Finland agreed to jointly fund the procurement of Slovak Zuzana "
             "guns.")}
    assert {("SWE", "UKR", "zuzana"), ("FIN", "UKR", "zuzana")} <= found
    assert not {k for k in found if k[2] == "artillery"}



@pytest.mark.parametrize("text", [
    "Boeing won a contract to sell 12 Apache helicopters to Morocco and eight to Qatar.",
    "Boeing was awarded a $90 million contract to sell 12 Apache helicopters to Morocco and "
    "8 to Qatar.",
])
def test_a_recipient_whose_verb_and_system_a_conjunct_leaves_out(
        nlp: Language, text: str) -> None:
    found = {(*deal_key(d), d.quantity) for d in deals(nlp, text)}
    assert found == {("USA", "MAR", "ah-64 apache", 12), ("USA", "QAT", "ah-64 apache", 8)}


@pytest.mark.parametrize("text, sellers", [
    ("Turkey is in talks with Britain and Spain to buy 40 Eurofighter Typhoon jets.",
     {"GBR", "ESP"}),
    ("Indonesia held negotiations with France and Italy to acquire six frigates.",
     {"FRA", "ITA"}),
])
def test_the_other_side_of_talks_held_to_buy_sells(
        nlp: Language, text: str, sellers: set[str]) -> None:
    assert {d.supplier.country for d in deals(nlp, text)} == sellers


@pytest.mark.parametrize("text, pair", [
    ("Mitsubishi Electric will sell four radar systems to Vietnam.", ("JPN", "VNM")),
    ("Navantia will deliver five corvettes to Saudi Arabia.", ("ESP", "SAU")),
])
def test_an_arms_maker_stands_for_its_country(
        nlp: Language, text: str, pair: tuple[str, str]) -> None:
    (deal,) = deals(nlp, text)
    assert (deal.supplier.country, deal.recipient.country) == pair


def _dated(nlp: Language, text: str, year: int) -> list[ArmsTransfer]:
    doc = nlp.make_doc(text)
    doc._.article = Article(id="dated", text=text, date=dt.date(year, 5, 4))
    return list(nlp(doc)._.deals)


def test_a_year_that_dates_the_contract_is_not_the_news(nlp: Language) -> None:
    """"under a contract signed in 2015" dates the contract; the jets came now."""
    text = ("Peru will buy 30 Rafale jets from France.\n\n"
            "Peru received 24 Rafale jets from France under a contract signed with Paris in 2015.")
    assert [brief(d) for d in _dated(nlp, text, 2021)] == [
        ("FRA", "PER", "Rafale", "delivering")]


@pytest.mark.parametrize(("year", "status"), [(2016, "delivered"), (2011, "suspended")])
def test_a_suspension_years_before_does_not_stop_a_delivery_now(
        nlp: Language, year: int, status: str) -> None:
    """A suspension told of a year two or more before the article may since have been lifted;
    a cancellation or a denial would still end the deal."""
    text = ("Russia has delivered eight S-300 systems to Iran.\n\n"
            "Russia suspended the contract with Iran in 2010.")
    assert [brief(d) for d in _dated(nlp, text, year)] == [("RUS", "IRN", "S-300", status)]


def test_a_share_of_the_systems_delivered_is_a_part(nlp: Language) -> None:
    text = "Russia has delivered half of the S-300 systems ordered by Iran."
    assert [brief(d) for d in deals(nlp, text)] == [("RUS", "IRN", "S-300", "delivering")]


def test_a_veto_lifted_stops_no_sale(nlp: Language) -> None:
    text = "Germany lifts its veto on the sale of Eurofighter Typhoon jets to Saudi Arabia."
    assert all(d.status != "suspended" for d in deals(nlp, text))


def test_deliveries_barred_are_suspended(nlp: Language) -> None:
    text = "Congress barred deliveries of F-35 jets to Turkey."
    assert [brief(d) for d in deals(nlp, text)] == [
        ("USA", "TUR", "F-35 Lightning II", "suspended")]


def test_the_weapon_is_the_one_system_the_article_names(nlp: Language) -> None:
    text = ("India will export BrahMos missiles to Chile. Peru has also shown interest in the "
            "weapon, officials said.")
    assert ("IND", "PER", "BrahMos", "proposed") in [brief(d) for d in deals(nlp, text)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Norway has frozen the granting of export licences for weapons to Qatar.",
     ("NOR", "QAT", "suspended")),
    ("Spain will keep its suspension of arms exports to Qatar, a minister said.",
     ("ESP", "QAT", "at_risk")),
])
def test_who_halts_or_issues_export_licences_is_the_seller(
        nlp: Language, text: str, expected: tuple[str, str, str]) -> None:
    assert [(d.supplier.country, d.recipient.country, d.status)
            for d in deals(nlp, text)] == [expected]


@pytest.mark.parametrize("text", [
    "Turkey has submitted a request to buy 40 F-16 jets from the United States.",
    "Official requests for the supply of F-16 jets were made by Turkey to the United States.",
])
def test_a_request_to_buy_is_a_proposal(nlp: Language, text: str) -> None:
    assert [brief(d) for d in deals(nlp, text)] == [
        ("USA", "TUR", "F-16 Fighting Falcon", "proposed")]


def test_a_refusal_by_a_country_on_neither_side_is_a_veto(nlp: Language) -> None:
    text = "Switzerland refused Denmark's request to send Piranha vehicles to Ukraine."
    (deal,) = deals(nlp, text)
    assert (brief(deal), deal.denier) == (("DNK", "UKR", "Mowag Piranha", "suspended"), None)


def test_a_delivery_received_outranks_a_plan_told_apart(nlp: Language) -> None:
    """"received the delivery of" says the jets came as plainly as "received"."""
    text = ("Manila received the delivery of two FA-50 jets from South Korea on Monday.\n\n"
            "A plan for the purchase of fighter jets from South Korea was first drawn up a "
            "decade ago.")
    assert [brief(d) for d in deals(nlp, text)] == [
        ("KOR", "PHL", "T-50 Golden Eagle", "delivered")]


@pytest.mark.parametrize("text", [
    "Two more Type 056 corvettes are being built by China for Bangladesh.",
    "Other P18 corvettes are being built for Bangladesh by China.",
])
def test_weapons_being_built_for_a_buyer_are_on_order(nlp: Language, text: str) -> None:
    assert [brief(d) for d in deals(nlp, text)] == [
        ("CHN", "BGD", "Type 056 corvette", "ordered")]


def test_an_agreement_for_a_planned_sale_is_talks(nlp: Language) -> None:
    text = ("Peru and Sweden signed an agreement on the proposed sale of 12 Gripen jets to the "
            "Peruvian air force.")
    assert [brief(d) for d in deals(nlp, text)] == [
        ("SWE", "PER", "JAS 39 Gripen", "negotiating")]


@pytest.mark.parametrize("text", [
    "Israel delivered the first of two Iron Dome batteries to the US Army. In March, the US "
    "Army indicated it was scrapping its purchase of two additional Iron Dome batteries.",
    "Israel delivered the first of two Iron Dome batteries to the US Army.\n\n"
    "The US Army has frozen the further acquisition of Iron Dome batteries.",
])
def test_a_trouble_with_further_units_leaves_the_delivery(nlp: Language, text: str) -> None:
    assert [brief(d) for d in deals(nlp, text)] == [("ISR", "USA", "Iron Dome", "delivering")]


def test_a_buyer_cleared_to_buy_buys_from_who_cleared_it(nlp: Language) -> None:
    text = "The State Department said it had cleared Poland to buy 32 F-35 jets."
    assert [brief(d) for d in deals(nlp, text)] == [
        ("USA", "POL", "F-35 Lightning II", "approved")]


def test_a_delivery_of_some_of_more_in_words_is_partial(nlp: Language) -> None:
    text = "Russia handed over three of eight Su-30 fighters to Algeria."
    assert [brief(d) for d in deals(nlp, text)] == [("RUS", "DZA", "Su-30", "delivering")]


def test_a_called_off_order_is_cancelled(nlp: Language) -> None:
    text = "Brazil has called off an order to buy Spike missiles from Israel."
    assert [brief(d) for d in deals(nlp, text)] == [("ISR", "BRA", "Spike", "cancelled")]


@pytest.mark.parametrize("text", [
    "Reports claiming that Iran has shipped drones to Venezuela are not true, the minister said.",
    "Reports claiming that Iran has shipped drones to Venezuela are untrue, the minister said.",
])
def test_reports_said_to_be_untrue_are_denied(nlp: Language, text: str) -> None:
    assert [brief(d)[:2] + brief(d)[3:] for d in deals(nlp, text)] == [("IRN", "VEN", "denied")]


def test_a_decision_in_a_when_clause_under_a_future_is_still_to_come(nlp: Language) -> None:
    text = ("Egypt is looking at the purchase of Russian S-400 systems. When the Egyptian "
            "cabinet decides to buy the S-400, the deal will be made public, the envoy said.")
    assert [brief(d) for d in deals(nlp, text)] == [("RUS", "EGY", "S-400 Triumf", "proposed")]


def test_a_country_studying_a_purchase_proposes_it(nlp: Language) -> None:
    text = "Qatar is studying the purchase of Russian S-400 systems."
    assert [brief(d) for d in deals(nlp, text)] == [("RUS", "QAT", "S-400 Triumf", "proposed")]


def test_a_support_package_makes_a_plan_to_send_a_decision(nlp: Language) -> None:
    text = ("Canada has announced plans to send 20 Leopard 2 tanks to Ukraine as part of a "
            "military support package.\n\nThe tanks will be shipped in the spring.")
    assert [brief(d) for d in deals(nlp, text)] == [("CAN", "UKR", "Leopard 2", "approved")]


def test_a_bill_approved_under_which_a_country_agrees_to_buy_is_approved(
        nlp: Language) -> None:
    text = ("The cabinet on Friday approved a bill under which Bulgaria agrees to buy eight "
            "F-16 jets from the United States.")
    assert [brief(d) for d in deals(nlp, text)] == [
        ("USA", "BGR", "F-16 Fighting Falcon", "approved")]


def test_shortlisted_systems_are_in_talks_with_their_makers_countries(nlp: Language) -> None:
    text = ("Chile's air force has shortlisted Saab's Gripen and Dassault's Rafale for its "
            "next fighter.")
    assert sorted(brief(d) for d in deals(nlp, text)) == [
        ("FRA", "CHL", "Rafale", "negotiating"), ("SWE", "CHL", "JAS 39 Gripen", "negotiating")]


@pytest.mark.parametrize("text", [
    "Chile's parliament passed the budget on Monday. The air force has shortlisted the Gripen "
    "from Sweden.",
    "Chile's parliament passed the budget on Monday. The navy has shortlisted the Gripen "
    "from Sweden.",
])
def test_a_service_without_its_country_stands_for_the_country_before(
        nlp: Language, text: str) -> None:
    assert [brief(d) for d in deals(nlp, text)] == [
        ("SWE", "CHL", "JAS 39 Gripen", "negotiating")]


def test_a_retrofit_for_systems_a_buyer_has_moves_no_systems(nlp: Language) -> None:
    text = ("Chile's parliament passed the budget on Monday. The military will order a retrofit "
            "for its existing Mirage and F-16 aircraft.")
    assert deals(nlp, text) == []


def test_a_ban_on_new_sales_suspends_them(nlp: Language) -> None:
    text = "Chile also banned new arms sales to Peru on Friday."
    assert [brief(d) for d in deals(nlp, text)] == [("CHL", "PER", None, "suspended")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Chile suspended the purchase of war material from Peru.",
     ("PER", "CHL", None, "suspended")),
    ("Chile has sent military materiel to Peru.", ("CHL", "PER", None, "delivered")),
])
def test_war_material_and_materiel_are_weapons(
        nlp: Language, text: str, expected: tuple[str, str, None, str]) -> None:
    assert [brief(d) for d in deals(nlp, text)] == [expected]


def test_who_suspends_approvals_of_exports_is_their_seller(nlp: Language) -> None:
    text = "Chile has suspended approvals of arms exports to Peru, the ministry said."
    assert [brief(d) for d in deals(nlp, text)] == [("CHL", "PER", None, "suspended")]


@pytest.mark.parametrize("text", [
    "The Chilean Air Force received two more Gripen fighters from Sweden on Monday, bringing "
    "to eight the number in service out of the 30 it ordered in 2019.",
    "The final two of the 30 used Rafale fighters Chile bought from France landed in Santiago "
    "on Monday.",
])
def test_a_part_delivered_counts_the_deal_it_is_part_of(nlp: Language, text: str) -> None:
    assert [d.quantity for d in deals(nlp, text)] == [30]


def test_a_deal_bought_in_another_clause_gives_no_count(nlp: Language) -> None:
    text = ("Chile is negotiating an order for three more corvettes from Spain's Navantia, "
            "weeks after the yard handed over the last of the five ships Chile bought in 2018.")
    assert [d.quantity for d in deals(nlp, text)] == [3]
