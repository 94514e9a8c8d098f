"""Arms-transfer records from real-style news sentences, with the real spaCy model."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from newsevents import actors, arms, events  # noqa: F401  (registers the components)
from newsevents import nlp as pipeline_nlp
from newsevents.arms import Catalogue, deals_for_doc
from newsevents.ingest import article_from_text
from newsevents.models import ArmsTransfer

SEED = Path(__file__).resolve().parents[2] / "shared" / "examples" / "s400-turkey-article.txt"
SIPRI_CATEGORIES = {
    "aircraft", "air defence systems", "armoured vehicles", "artillery", "engines", "missiles",
    "naval weapons", "satellites", "sensors", "ships", "other",
}


@pytest.fixture(scope="module")
def nlp() -> Language:
    return pipeline_nlp.load()  # the full pipeline, built once per process


def deals(nlp: Language, text: str) -> list[ArmsTransfer]:
    return list(nlp(text)._.deals)


def only_deal(nlp: Language, text: str) -> ArmsTransfer:
    found = deals(nlp, text)
    assert len(found) == 1, [(d.supplier, d.recipient, d.system) for d in found]
    return found[0]


def system_of(deal: ArmsTransfer) -> str | None:
    return deal.system.name or deal.system.category


# --- catalogue -------------------------------------------------------------------------------


@pytest.mark.parametrize(("mention", "name"), [
    ("S-400 Triumf", "S-400 Triumf"),
    ("the S-400 Triumph", "S-400 Triumf"),
    ("SA-21 Growler", "S-400 Triumf"),
    ("S-400s", "S-400 Triumf"),
    ("S 400", "S-400 Triumf"),
    ("F35", "F-35 Lightning II"),
    ("F-35B", "F-35 Lightning II"),
    ("F-35s", "F-35 Lightning II"),
    ("Joint Strike Fighter", "F-35 Lightning II"),
    ("Bayraktar TB2", "Bayraktar TB2"),
    ("M142", "M142 HIMARS"),
    ("HIMARS", "M142 HIMARS"),
    ("PAC-3", "Patriot"),
    ("MIM-104", "Patriot"),
    ("Patriots", "Patriot"),
    ("Leopard 2A6", "Leopard 2"),
    ("Rafales", "Rafale"),
])
def test_catalogue_finds_aliases_plurals_and_spellings(mention: str, name: str) -> None:
    found = Catalogue.load().find(mention)
    assert found is not None and found.name == name


def test_catalogue_gives_category_and_origin() -> None:
    found = Catalogue.load().find("Turkey took delivery of the S-400 Triumph")
    assert found is not None
    assert (found.category, found.origin, found.mention) == (
        "air defence systems", "RUS", "S-400 Triumph")


@pytest.mark.parametrize(("text", "category"), [
    ("anti-aircraft systems", "air defence systems"),
    ("air defense systems", "air defence systems"),
    ("fighter jets", "aircraft"),
    ("attack helicopters", "aircraft"),
    ("howitzers", "artillery"),
    ("frigates", "ships"),
    ("tanks", "armoured vehicles"),
])
def test_generic_mentions_are_unnamed_systems_of_a_category(text: str, category: str) -> None:
    found = Catalogue.load().find(text)
    assert found is not None and found.name is None and found.category == category


def test_generic_weapons_has_no_category() -> None:
    found = Catalogue.load().find("weapons")
    assert found is not None and found.name is None and found.category is None


@pytest.mark.parametrize("text", [
    "a true patriot",
    "the UN sent a 10-member team",
    "Ankara does not want to become a NATO satellite",
])
def test_common_words_are_not_systems(text: str) -> None:
    assert Catalogue.load().find(text) is None


def test_catalogue_size_and_codes() -> None:
    catalogue = Catalogue.load()
    assert sum(catalogue.sizes.values()) >= 400
    assert set(catalogue.sizes) <= SIPRI_CATEGORIES
    lines = (arms.DATA_DIR / "systems.tsv").read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line and not line.startswith("#")]
    assert rows[0] == ["name", "aliases", "category", "origin", "manufacturer"]
    assert all(re.fullmatch(r"[A-Z]{3}", row[3]) for row in rows[1:])


# --- one sentence, one deal ------------------------------------------------------------------

DEALS = [
    # (sentence, supplier, recipient, system name or category, status)
    ("Russia began delivering S-400 Triumf systems to Turkey on Friday.",
     "RUS", "TUR", "S-400 Triumf", "delivering"),
    ("The first batch of S-400 components arrived at Murted air base near Ankara on Friday.",
     "RUS", "TUR", "S-400 Triumf", "delivering"),
    ("India signed a contract with Russia for five S-400 regiments worth $5.4 billion.",
     "RUS", "IND", "S-400 Triumf", "ordered"),
    ("Egypt ordered 24 Rafale jets from France in a deal valued at €5.2bn.",
     "FRA", "EGY", "Rafale", "ordered"),
    ("Qatar agreed to buy 12 more Rafale fighters for 1.1 billion euros.",
     "FRA", "QAT", "Rafale", "ordered"),
    ("Turkey is in talks with Russia on the purchase of Su-35 fighter jets.",
     "RUS", "TUR", "Su-35", "negotiating"),
    ("Greece is negotiating the purchase of 20 F-35A jets from the United States.",
     "USA", "GRC", "F-35 Lightning II", "negotiating"),
    ("Russia offered to sell Su-57 fighters to India.", "RUS", "IND", "Su-57", "proposed"),
    ("Greece is considering buying Rafale jets from France.", "FRA", "GRC", "Rafale", "proposed"),
    ("Ukraine received eight HIMARS launchers from the United States.",
     "USA", "UKR", "M142 HIMARS", "delivered"),
    ("Iran supplied Shahed-136 drones to Russia.", "IRN", "RUS", "Shahed-136", "delivered"),
    ("Germany will supply IRIS-T air defence systems to Ukraine.",
     "DEU", "UKR", "IRIS-T SLM", "ordered"),
    ("Germany suspended deliveries of Leopard 2 tanks to Saudi Arabia.",
     "DEU", "SAU", "Leopard 2", "suspended"),
    ("The United States froze the sale of F-16s to Pakistan.",
     "USA", "PAK", "F-16 Fighting Falcon", "suspended"),
    ("Canada scrapped a $15 billion deal to sell LAV 6 armoured vehicles to Saudi Arabia.",
     "CAN", "SAU", "LAV-25", "cancelled"),
    ("Washington threatened to cancel the sale of Patriot missiles to Turkey.",
     "USA", "TUR", "Patriot", "at_risk"),
    ("Congress could block the sale of F-16 jets to Turkey.",
     "USA", "TUR", "F-16 Fighting Falcon", "at_risk"),
    ("Morocco purchased Bayraktar TB2 drones from Turkey.",
     "TUR", "MAR", "Bayraktar TB2", "ordered"),
    ("The S 400 was sold to China.", "RUS", "CHN", "S-400 Triumf", "ordered"),
    ("Japan bought F35 fighters from the United States.",
     "USA", "JPN", "F-35 Lightning II", "ordered"),
    ("Australia signed a deal with the United States for Tomahawk cruise missiles.",
     "USA", "AUS", "Tomahawk", "ordered"),
    ("Russia started deliveries of Su-30SM2 jets to Belarus.", "RUS", "BLR", "Su-30", "delivering"),
    ("The Philippines signed a $375 million contract for BrahMos missiles from India.",
     "IND", "PHL", "BrahMos", "ordered"),
    ("Saudi Arabia agreed to buy THAAD batteries worth 15 billion dollars.",
     "USA", "SAU", "THAAD", "ordered"),
    # Second-hand: the supplier is who hands them over, not who built them.
    ("Poland gave its ex-Soviet MiG-29s to Ukraine.", "POL", "UKR", "MiG-29", "delivered"),
    ("Slovakia handed over 13 MiG-29 fighter jets to Ukraine.",
     "SVK", "UKR", "MiG-29", "delivered"),
    # Licensed production: the builder receives, the designer supplies.
    ("The Su-30MKI fighters are built under licence in India by Hindustan Aeronautics.",
     "RUS", "IND", "Su-30", "delivering"),
    # Unnamed systems: category from the noun, origin from the adjective.
    ("Russia sold attack helicopters to Mali.", "RUS", "MLI", "aircraft", "ordered"),
    ("Serbia bought Chinese drones.", "CHN", "SRB", "aircraft", "ordered"),
    ("The United States continued to send weapons to Pakistan last year.",
     "USA", "PAK", None, "delivering"),
]


@pytest.mark.parametrize(("text", "supplier", "recipient", "system", "status"), DEALS,
                         ids=[d[0][:40] for d in DEALS])
def test_sentence_gives_one_deal(nlp: Language, text: str, supplier: str, recipient: str,
                                 system: str, status: str) -> None:
    deal = only_deal(nlp, text)
    assert (deal.supplier.country, deal.recipient.country, system_of(deal), deal.status) == (
        supplier, recipient, system, status)
    assert [e.sentence for e in deal.evidence] == [text]
    assert deal.evidence[0].start == 0 and deal.evidence[0].end == len(text)


@pytest.mark.parametrize(("text", "quantity", "quantity_text"), [
    ("Egypt ordered 24 Rafale jets from France.", 24, "24 Rafale jets"),
    ("The Netherlands ordered four Patriot batteries.", 4, "four Patriot batteries"),
    ("Ukraine received eight HIMARS launchers from the United States.", 8,
     "eight HIMARS launchers"),
    # Regiments have no fixed size: kept as text, not as a count.
    ("India signed a contract with Russia for two S-400 regiments.", None, "two S-400 regiments"),
    # A number in the system's name is no quantity.
    ("Spain sold Leopard 2 tanks to Turkey.", None, None),
])
def test_quantity(nlp: Language, text: str, quantity: int | None,
                  quantity_text: str | None) -> None:
    deal = only_deal(nlp, text)
    assert (deal.quantity, deal.quantity_text) == (quantity, quantity_text)


@pytest.mark.parametrize(("text", "value", "currency"), [
    ("Turkey paid $2.5 billion for the S-400 systems it bought from Russia.", 2.5e9, "USD"),
    ("Russia agreed to sell S-400 systems to Turkey for 2.5 billion dollars.", 2.5e9, "USD"),
    ("Greece signed a €1.2bn contract to buy Rafale jets from France.", 1.2e9, "EUR"),
    ("Poland ordered K2 Black Panther tanks from South Korea in a deal worth £3 billion.",
     3e9, "GBP"),
])
def test_value(nlp: Language, text: str, value: float, currency: str) -> None:
    deal = only_deal(nlp, text)
    assert deal.value == pytest.approx(value)
    assert deal.currency == currency
    assert deal.value_text and deal.value_text in text


# --- no deal ---------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Russia fired Kalibr cruise missiles at Kyiv overnight.",
    "Ukrainian forces shot down a Russian Su-34 over Donetsk.",
    "North Korea test-fired a Hwasong-17 missile on Thursday.",
    "Su-57 fighters flew over Red Square during the Victory Day parade.",
    "India test-launched an Agni-V missile from Odisha.",
    "A Turkish F-16 downed a Russian Su-24 near the Syrian border in 2015.",
    "Russia deployed S-400 batteries in Syria.",
    "The Patriot battery intercepted two missiles over Kyiv.",
    "A drone strike killed three people in northern Syria.",
    # Domestic orders and production are no transfer.
    "Russia ordered 20 new Su-35 jets for its air force.",
    "Turkey builds Bayraktar TB2 drones in Istanbul.",
    # Who sells to whom is not said, and nothing tells: no guess.
    "Turkey signed an arms deal with Pakistan.",
    "An arms embargo on Libya has been in force since 2011.",
    "Libya must hand over the alleged bombers to Britain.",
    "Moscow offered talks that could lead to a treaty limiting cruise missiles.",
])
def test_weapons_without_a_transfer_give_no_deal(nlp: Language, text: str) -> None:
    assert deals(nlp, text) == []


# --- article level ---------------------------------------------------------------------------


def test_one_deal_across_sentences_takes_the_furthest_status(nlp: Language) -> None:
    text = ("Egypt ordered 24 Rafale jets from France in 2015.\n\n"
            "The first batch of Rafale jets arrived in Cairo a year later.")
    deal = only_deal(nlp, text)
    assert (deal.supplier.country, deal.recipient.country, deal.status) == ("FRA", "EGY",
                                                                           "delivering")
    assert deal.quantity == 24
    assert [text[e.start:e.end] for e in deal.evidence] == [e.sentence for e in deal.evidence]
    assert len(deal.evidence) == 2


def test_parties_come_from_earlier_sentences(nlp: Language) -> None:
    text = ("Russia agreed to sell S-400 systems to India in 2018.\n\n"
            "Deliveries of the S-400s began in December, officials said.")
    deal = only_deal(nlp, text)
    assert (deal.supplier.country, deal.recipient.country, deal.status) == ("RUS", "IND",
                                                                           "delivering")
    assert len(deal.evidence) == 2


def test_reported_speech_is_attributed(nlp: Language) -> None:
    deal = only_deal(nlp, "The Kremlin said Russia would deliver more S-400s to India next year.")
    assert deal.attribution is not None
    assert "Kremlin" in deal.attribution.speaker.text
    assert deal.status == "ordered"


def test_asserted_deal_has_no_attribution(nlp: Language) -> None:
    assert only_deal(nlp, "Egypt ordered 24 Rafale jets from France.").attribution is None


def test_deal_id_is_stable_and_depends_on_the_document(nlp: Language) -> None:
    text = "Egypt ordered 24 Rafale jets from France."
    first, second = only_deal(nlp, text), only_deal(nlp, text)
    assert first.deal_id == second.deal_id
    doc = nlp.make_doc(text)
    doc._.article = article_from_text(text, "another-id", title_line=False)
    other = nlp(doc)._.deals[0]
    assert other.doc_id == "another-id" and other.deal_id != first.deal_id


def test_arms_deal_with_a_known_origin_is_a_deal(nlp: Language) -> None:
    deal = only_deal(nlp, "Turkey signed an arms deal worth $1 billion to buy Russian weapons.")
    assert (deal.supplier.country, deal.recipient.country, deal.system.name) == (
        "RUS", "TUR", None)


@pytest.mark.parametrize("text", ["", "   \n\n  "])
def test_empty_text_gives_no_deal(nlp: Language, text: str) -> None:
    assert deals(nlp, text) == []


def test_unparsed_doc_gives_no_deal(nlp: Language) -> None:
    assert deals_for_doc(nlp.make_doc("Russia sold attack helicopters to Mali.")) == []


def test_deals_for_doc_reads_a_parsed_doc(nlp: Language) -> None:
    doc = nlp("Russia sold attack helicopters to Mali.")
    assert [(d.supplier.country, d.recipient.country) for d in deals_for_doc(doc)] == [
        ("RUS", "MLI")]


@pytest.fixture(scope="module")
def seed(nlp: Language) -> Doc:
    article = article_from_text(SEED.read_text(encoding="utf-8"), "s400-turkey-article.txt")
    doc = nlp.make_doc(article.text)
    doc._.article = article
    return nlp(doc)


def test_seed_article_deals(seed: Doc) -> None:
    found = {(d.supplier.country, d.recipient.country, d.system.name, d.system.category): d
             for d in seed._.deals}
    assert set(found) == {
        ("RUS", "TUR", "S-400 Triumf", "air defence systems"),
        ("RUS", "TUR", None, None),
        ("USA", "TUR", "F-35 Lightning II", "aircraft"),
    }
    s400 = found["RUS", "TUR", "S-400 Triumf", "air defence systems"]
    assert s400.status == "ordered"
    assert any("first batch" in e.sentence for e in s400.evidence)
    products = found["RUS", "TUR", None, None]
    assert products.status == "proposed"
    assert products.system.origin == "RUS"
    f35 = found["USA", "TUR", "F-35 Lightning II", "aircraft"]
    assert f35.status == "at_risk"
    assert f35.attribution is not None and "US" in f35.attribution.speaker.text


def test_seed_article_evidence_offsets_and_event_links(seed: Doc) -> None:
    text = seed.text
    events_at = {e.event_id: e.evidence.start for e in seed._.events}
    for deal in seed._.deals:
        for evidence in deal.evidence:
            assert text[evidence.start:evidence.end] == evidence.sentence
        for event_id in deal.event_ids:
            start = events_at[event_id]
            assert any(e.start <= start < e.end for e in deal.evidence)
    f35 = next(d for d in seed._.deals if d.system.name == "F-35 Lightning II")
    assert f35.event_ids, "the F-35 threat sentence carries events"
