"""Event coding on real-style sentences: every PLOVER type, arguments, modality, attribution."""

from __future__ import annotations

import datetime as dt

import pytest

from newsevents import code
from newsevents.models import Event, Result

DATE = dt.date(2024, 5, 16)  # a Thursday


def events_of(text: str, date: dt.date = DATE, learned: bool = True) -> list[Event]:
    result = code(text, date=date, learned=learned)
    assert result.document.error is None, result.document.error
    return result.events


def asserted(events: list[Event]) -> list[Event]:
    return [e for e in events if not (e.negated or e.hypothetical)]


def one(events: list[Event], event_type: str) -> Event:
    found = [e for e in events if e.event_type == event_type]
    assert found, f"no {event_type} in {[(e.event_type, e.trigger) for e in events]}"
    return found[0]


def countries(actors: list) -> set[str]:
    return {a.country or a.igo for a in actors if a.country or a.igo}


# One sentence per PLOVER type, with the source and target countries a coder should give.
TYPE_CASES = [
    (
        "AGREE",
        "Armenia and Azerbaijan agreed on Tuesday to open talks on a border treaty.",
        {"ARM", "AZE"},
        set(),
    ),
    (
        "CONSULT",
        "Japanese Prime Minister Fumio Kishida met South Korean President Yoon Suk Yeol "
        "in Seoul on Sunday.",
        {"JPN"},
        {"KOR"},
    ),
    ("SUPPORT", "The German government praised Moldova for its reforms.", {"DEU"}, {"MDA"}),
    ("CONCEDE", "Georgian authorities lifted the curfew in Batumi on Wednesday.", {"GEO"}, set()),
    ("COOPERATE", "Kenyan police extradited two suspects to Uganda last week.", {"KEN"}, {"UGA"}),
    ("AID", "Norway donated 40 tonnes of medicine to Sudan.", {"NOR"}, {"SDN"}),
    ("RETREAT", "Russian troops withdrew from Kherson in November.", {"RUS"}, set()),
    (
        "REQUEST",
        "French President Emmanuel Macron urged Iran to release the detained journalists.",
        {"FRA"},
        {"IRN"},
    ),
    ("ACCUSE", "Ukraine accused Russia of shelling civilian areas in Kharkiv.", {"UKR"}, {"RUS"}),
    ("REJECT", "Serbia rejected a Kosovo proposal for direct talks.", {"SRB"}, {"XKX"}),
    ("THREATEN", "China threatened to impose tariffs on Australian wine.", {"CHN"}, set()),
    (
        "PROTEST",
        "Thousands of Armenian protesters demonstrated in Yerevan against the government.",
        {"ARM"},
        set(),
    ),
    ("SANCTION", "Lithuania expelled three Russian diplomats on Friday.", {"LTU"}, {"RUS"}),
    ("MOBILIZE", "Venezuela deployed troops to its border with Guyana.", {"VEN"}, set()),
    ("COERCE", "Turkish police arrested 40 students in Istanbul on Saturday.", {"TUR"}, set()),
    ("ASSAULT", "Israeli aircraft bombed targets in southern Lebanon overnight.", {"ISR"}, set()),
]


@pytest.mark.parametrize(
    ("event_type", "text", "source", "target"), TYPE_CASES, ids=[c[0] for c in TYPE_CASES]
)
@pytest.mark.parametrize("learned", [False, True], ids=["rules", "hybrid"])
def test_each_plover_type(
    event_type: str, text: str, source: set[str], target: set[str], learned: bool
) -> None:
    if learned and event_type == "CONCEDE":
        pytest.xfail("the trained model has seen few concessions in real text and doubts a "
                     "lifted curfew")
    event = one(asserted(events_of(text, learned=learned)), event_type)
    assert source <= countries(event.source)
    assert target <= countries(event.target)
    assert event.evidence.sentence.startswith(text.split()[0])


def test_passive_voice_swaps_roles() -> None:
    event = one(
        events_of("Two Malian soldiers were killed by jihadist fighters near Gao."), "ASSAULT"
    )
    assert "MLI" in countries(event.target)
    assert event.source and "MLI" not in countries(event.source)


def test_conjoined_sources() -> None:
    event = one(events_of("Egypt and Qatar condemned the attack on the aid convoy."), "ACCUSE")
    assert countries(event.source) == {"EGY", "QAT"}


def test_nominal_trigger_with_owner_and_target() -> None:
    # Economic sanctions curtail exchanges: SANCTION in the PLOVER codebook.
    event = one(events_of("Washington announced new sanctions on Iran on Monday."), "SANCTION")
    assert countries(event.source) == {"USA"}


def test_negated_event_is_flagged_not_asserted() -> None:
    events = events_of("The army said it did not attack the village of Tawila.")
    assert events
    assert not [e for e in asserted(events) if e.event_type == "ASSAULT"]


def test_modal_conflict_by_the_actor_is_a_threat() -> None:
    event = one(events_of("Washington said it could impose sanctions on Caracas."), "THREATEN")
    assert countries(event.source) == {"USA"}
    assert not event.hypothetical


def test_conditional_event_is_hypothetical() -> None:
    events = events_of("If Belgrade attacks Kosovo, NATO troops will respond.")
    assault = [e for e in events if e.event_type == "ASSAULT"]
    assert assault and all(e.hypothetical for e in assault)


def test_refused_cooperation_is_reject() -> None:
    event = one(events_of("Hungary refused to ratify the Swedish accession protocol."), "REJECT")
    assert countries(event.source) == {"HUN"}


def test_reported_speech_is_attributed_to_the_speaker() -> None:
    event = one(
        events_of("Gunmen attacked a police station in Maiduguri, Nigerian officials said."),
        "ASSAULT",
    )
    assert event.attribution is not None
    assert event.attribution.speaker.country == "NGA"
    assert event.attribution.cue == "said"


def test_article_itself_asserting_has_no_attribution() -> None:
    event = one(events_of("Polish border guards detained 12 migrants on Tuesday."), "COERCE")
    assert event.attribution is None


def test_relative_date_resolves_against_article_date() -> None:
    event = one(events_of("Russian forces shelled Kharkiv on Monday."), "ASSAULT")
    assert event.date == dt.date(2024, 5, 13)
    assert event.date_text and "Monday" in event.date_text


def test_background_event_keeps_its_own_date() -> None:
    events = events_of("In 2014 Russia annexed Crimea, and on Tuesday Ukraine shelled Donetsk.")
    shelling = one(events, "ASSAULT")
    assert shelling.date == dt.date(2024, 5, 14)


def test_evidence_offsets_point_into_the_text() -> None:
    text = "Protesters blocked roads in Nairobi.\n\nKenyan police arrested 30 people in Nairobi."
    result: Result = code(text, date=DATE)
    event = one(result.events, "COERCE")
    assert text[event.evidence.start : event.evidence.end] == event.evidence.sentence
    assert event.sentence_index == 1


def test_sentence_without_political_event_gives_none() -> None:
    assert events_of("The weather in Lisbon was mild and sunny for most of the week.") == []


def test_modal_does_not_reach_a_finite_conjoined_verb() -> None:
    events = events_of(
        "A State Department spokesperson said Washington could impose further sanctions on "
        "North Korean entities and urged Pyongyang to return to talks."
    )
    threat = one(events, "THREATEN")
    assert threat.mode == "restrict" and not threat.hypothetical
    request = one(events, "REQUEST")
    assert not request.hypothetical
    assert countries(request.target) == {"PRK"}


def test_assault_mode_comes_from_the_weapon_named() -> None:
    event = one(events_of("A car bomb killed 14 soldiers at a checkpoint near Mogadishu."),
                "ASSAULT")
    assert event.mode == "explosives"
    shelled = one(events_of("Russian forces attacked Kharkiv with artillery and rockets."),
                  "ASSAULT")
    assert shelled.mode == "heavy-weapons"


def test_domestic_event_keeps_a_target_of_the_same_country() -> None:
    event = one(events_of("Palestinian police confiscated weapons from Palestinian armed groups."),
                "COERCE")
    assert countries(event.source) == {"PSE"}
    assert countries(event.target) == {"PSE"}
    assert event.target[0].sector != event.source[0].sector


def test_a_country_less_group_is_placed_by_its_in_phrase() -> None:
    event = one(events_of("Rebels in Mozambique attacked a convoy near Palma."), "ASSAULT")
    assert countries(event.source) == {"MOZ"}
    assert event.source[0].sector == "REB"


def test_declining_to_comment_is_not_a_rejection() -> None:
    assert events_of("A Saab spokesperson declined to comment on the decision.") == []


def test_what_an_accusation_alleges_is_not_coded_as_fact() -> None:
    events = events_of("Ukraine accused Russia of attacking civilians in Kharkiv.")
    assert [e.event_type for e in asserted(events)] == ["ACCUSE"]


def test_talks_between_two_countries_take_the_verbs_time_and_place() -> None:
    event = one(events_of("Talks between Russia and Ukraine resumed in Istanbul on Monday."),
                "CONSULT")
    assert countries(event.source) == {"RUS", "UKR"}
    assert event.location is not None and event.location.name == "Istanbul"
    assert event.date == dt.date(2024, 5, 13)


def test_conjoined_nationalities_are_two_actors() -> None:
    event = one(events_of("Indian and Chinese troops clashed in the Galwan valley."), "ASSAULT")
    assert countries(event.source) == {"IND", "CHN"}
    assert {a.sector for a in event.source} == {"MIL"}


def test_a_weapon_named_like_an_organisation_is_no_actor() -> None:
    for event in events_of("Poland signed a contract for Patriot systems on Thursday."):
        assert all(a.text != "Patriot" for a in event.source + event.target)


# Arguments on the phrasing of real reports (docs/annotation.md, section 4).
def test_local_actors_take_the_country_where_the_event_happened() -> None:
    event = one(events_of("Police fired tear gas at students in Kampala on Tuesday."), "ASSAULT")
    assert countries(event.source) == {"UGA"}
    assert countries(event.target) == {"UGA"}


def test_a_sentence_naming_one_country_places_its_local_actors() -> None:
    event = one(events_of("Nine people were killed in clan fighting in the southern Somali "
                          "town of Marka."), "ASSAULT")
    assert countries(event.target) == {"SOM"}


def test_unknown_attackers_and_named_groups_get_no_country_from_the_place() -> None:
    gunmen = one(events_of("Gunmen killed four villagers near Maiduguri on Sunday."), "ASSAULT")
    assert countries(gunmen.source) == set()
    assert countries(gunmen.target) == {"NGA"}
    group = one(events_of("Islamic State militants attacked soldiers near Raqqa on Friday."),
                "ASSAULT")
    assert countries(group.source) == set()
    assert countries(group.target) == {"SYR"}


def test_passive_report_takes_the_agent_of_the_attack_noun() -> None:
    by = one(events_of("Three shepherds were killed on Sunday in an airstrike by Turkish "
                       "warplanes near Dohuk."), "ASSAULT")
    assert countries(by.source) == {"TUR"}
    assert countries(by.target) == {"IRQ"}
    adjective = one(events_of("Four civilians were killed in an Israeli air raid on a house in "
                              "southern Lebanon, police said."), "ASSAULT")
    assert countries(adjective.source) == {"ISR"}
    assert countries(adjective.target) == {"LBN"}


def test_passive_report_takes_the_agent_who_planted_the_bomb() -> None:
    event = one(events_of("Five policemen were wounded when a roadside bomb planted by the "
                          "Taliban exploded in Kandahar."), "ASSAULT")
    assert countries(event.source) == {"AFG"}
    assert event.source[0].sector == "REB"


def test_nationality_adjectives_of_an_attack_noun_are_two_sources() -> None:
    event = one(events_of("Saudi and Emirati air strikes hit a market in Hodeidah on Monday."),
                "ASSAULT")
    assert countries(event.source) == {"SAU", "ARE"}


def test_a_possessive_pronoun_points_to_the_previous_sentence() -> None:
    events = events_of("The Russian defence ministry issued a statement on Monday. "
                       "Its warplanes struck rebel positions near Idlib overnight.")
    event = one(events, "ASSAULT")
    assert countries(event.source) == {"RUS"}
    assert event.source[0].sector == "MIL"


def test_rebels_of_a_named_group_take_its_country() -> None:
    event = one(events_of("The Islamist rebels of Ahrar al-Sham shelled army positions near "
                          "Hama."), "ASSAULT")
    assert countries(event.source) == {"SYR"}


def test_local_actors_in_a_sentence_naming_no_country_take_the_articles_country() -> None:
    text = ("Floods swept through villages in central Sri Lanka on Monday. "
            "Rescue teams from Colombo searched for survivors in the mud, and Sri Lanka's "
            "army sent boats. "
            "The opposition urged the government to relocate families living on the slopes.")
    event = one(events_of(text), "REQUEST")
    assert countries(event.source) == {"LKA"}
    assert countries(event.target) == {"LKA"}


def test_foreign_actors_are_not_placed_by_the_scene() -> None:
    event = one(events_of("Foreign envoys met rebel commanders in Juba on Thursday."), "CONSULT")
    assert all(a.country is None for a in event.source if "envoys" in a.text)


def test_shot_and_killed_shares_its_object() -> None:
    event = one(events_of("Kenyan police shot and killed a student near the university on "
                          "Monday."), "ASSAULT")
    assert countries(event.source) == {"KEN"}
    assert countries(event.target) == {"KEN"}
    assert event.target[0].sector == "CVL"


def test_passive_agent_at_the_hands_of_or_due_to_an_attack_on_a_conjunct() -> None:
    hands = one(events_of("More than 40 insurgents were killed at the hands of Iraqi troops in "
                          "the battle for Tal Afar."), "ASSAULT")
    assert countries(hands.source) == {"IRQ"}
    due = one(events_of("Two farmers were killed and four were wounded due to the "
                        "indiscriminate shelling by government troops in northern Hama."),
              "ASSAULT")
    assert countries(due.source) == {"SYR"}
    assert due.source[0].sector == "MIL"


def test_a_nationality_on_an_attack_noun_names_who_attacked() -> None:
    event = one(events_of("Rights groups condemned Turkish air strikes near the Iraqi border."),
                "ACCUSE")
    assert countries(event.target) == {"TUR"}


def test_a_wire_dateline_does_not_outvote_the_country_the_article_is_about() -> None:
    text = ("BEIRUT, March 3 (Reuters) - Syrian security forces detained dozens of students in "
            "Aleppo on Sunday, a monitor said. Syria's interior ministry gave no comment. "
            "Activists in Syria said the raids continued. "
            "Officials later released some of the detained students.")
    event = one(events_of(text), "RETREAT")
    assert countries(event.source) == {"SYR"}


def test_the_victims_of_a_following_participle_are_the_target() -> None:
    event = one(events_of("A suicide bomber detonated explosives outside a mosque in Quetta on "
                          "Friday, killing 12 worshippers."), "ASSAULT")
    assert countries(event.target) == {"PAK"}
    assert event.target[0].sector == "CVL"
    assert countries(event.source) == set()
