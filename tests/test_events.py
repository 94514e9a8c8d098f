"""Event coding on real-style sentences: every PLOVER type, arguments, modality, attribution."""

from __future__ import annotations

import datetime as dt

import pytest

from newsevents import code, nlp
from newsevents.events import ActorLookup
from newsevents.models import Actor, Event, Result

DATE = dt.date(2024, 5, 16)  # a Thursday


def events_of(text: str, date: dt.date = DATE, learned: bool = True) -> list[Event]:
    result = code(text, date=date, learned=learned)
    assert result.document.error is None, result.document.error
    return result.events


def asserted(events: list[Event]) -> list[Event]:
    return [e for e in events if e.factual]


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
    (
        "CONCEDE",
        "The Georgian government apologised to Armenia on Wednesday for the seizure of its trucks.",
        {"GEO"},
        set(),
    ),
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
    event = one(asserted(events_of(text, learned=learned)), event_type)
    assert source <= countries(event.source)
    assert target <= countries(event.target)
    assert event.evidence.sentence.startswith(text.split()[0])


def test_passive_voice_swaps_roles() -> None:
    event = one(
        events_of("Two Malian soldiers were killed by jihadist fighters near Gao."), "ASSAULT"
    )
    assert "MLI" in countries(event.target)
    assert [a.text for a in event.source] == ["jihadist fighters"]


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


@pytest.mark.parametrize("text", [
    "Israeli troops routinely fire at Palestinians who approach the border fence.",
    "Militants in the hills often shell the garrison town of Kupwara.",
    "Rebels have shot down army helicopters over the Nuba Mountains in the past.",
    "Indonesian navy boats patrol the Malacca Strait every night to stop smugglers.",
    "When a gunman opens fire in a crowded market, he kills people who have no part in the war.",
    "The army shells the villages whenever the rebels attack its convoys.",
])
def test_a_habit_told_in_general_is_generic_not_a_new_fact(text: str) -> None:
    events = events_of(text)
    assert events, "the habit is still coded, flagged"
    assert all(e.realis == "generic" and not e.factual for e in events)


@pytest.mark.parametrize("text", [
    "Israeli troops fired at Palestinians who approached the border fence on Friday.",
    "Militants repeatedly shelled the garrison town of Kupwara on Sunday.",
    "Rebels shot down an army helicopter over the Nuba Mountains in the past week.",
    "The army shelled the villages when the rebels attacked its convoy on Monday.",
])
def test_one_act_stays_asserted_beside_frequency_like_words(text: str) -> None:
    events = events_of(text)
    assert [e for e in events if e.realis == "asserted" and e.factual]
    assert not [e for e in events if e.generic]


@pytest.mark.parametrize("text", [
    "Anyone who attacks a polling station will face the full force of the law.",
    "Whoever fired the rockets at the airport must be brought to justice, the minister said.",
])
def test_an_act_of_anyone_who_does_it_is_no_one_act(text: str) -> None:
    assert not [e for e in asserted(events_of(text)) if e.event_type == "ASSAULT"]
    named = events_of("The gunmen who attacked the polling station fled into the forest.")
    assert one(asserted(named), "ASSAULT")


@pytest.mark.parametrize("text", [
    "Once breathed in, the nerve agent kills by shutting down the lungs within minutes.",
    "Inhaled as a vapour, the gas kills by stopping the breath.",
])
def test_what_a_harm_does_in_general_is_no_one_blow(text: str) -> None:
    assert not [e for e in asserted(events_of(text)) if e.event_type == "ASSAULT"]
    told = "Rebels attack a convoy near the border and kill two drivers."
    assert [e for e in asserted(events_of(told)) if e.event_type == "ASSAULT"]


def test_occasional_clashes_are_generic() -> None:
    events = events_of("Occasional clashes between herders and farmers have left villages "
                       "in Plateau State deserted.")
    clashes = [e for e in events if e.trigger.lower().startswith("clash")]
    assert clashes and all(e.generic for e in clashes)


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


def test_an_event_noun_takes_the_date_of_the_light_verb_it_is_the_object_of() -> None:
    events = events_of("The army signed a contract in 2019 and launched an offensive on the "
                       "rebel-held town in 2023.")
    offensive = one(events, "ASSAULT")
    assert offensive.date_text == "in 2023"
    assert offensive.date is not None and offensive.date.year == 2023


def test_one_blow_told_twice_keeps_the_lexicon_word_and_its_victims() -> None:
    """A verb only the detector reads as a blow ("ripped through") and the lexicon's
    "killing" under it are one event; it is told by "killing", which brings the victims."""
    events = asserted(events_of("A suicide bomber ripped through a wedding party in a village "
                                "near Quetta, killing 11 guests, officials said."))
    blow = one(events, "ASSAULT")
    assert blow.trigger == "killing"
    assert [t.text for t in blow.target] == ["11 guests"]
    assert len([e for e in events if e.event_type == "ASSAULT"]) == 1


def test_due_to_gives_a_cause_not_an_intent() -> None:
    events = events_of("At least three civilians were killed on Monday due to an aerial "
                       "bombardment by government warplanes on a market in Aleppo.")
    assert {e.event_type for e in events} == {"ASSAULT"}
    assert not one(events, "ASSAULT").hypothetical
    # A visit someone is due to make has not happened: no asserted CONSULT.
    planned = events_of("The French foreign minister is due to visit Algiers next week.")
    assert all(e.event_type != "CONSULT" for e in asserted(planned))


def test_attacking_a_policy_is_criticism_not_a_blow() -> None:
    events = events_of("The opposition leader attacked the government's handling of the "
                       "floods in a speech on Tuesday.")
    assert one(events, "ACCUSE").trigger == "attacked"
    assert all(e.event_type != "ASSAULT" for e in events)


def test_a_group_named_by_its_members_role_is_an_actor() -> None:
    blow = one(events_of("Insurgent groups attacked an army checkpoint near Idlib on Sunday."),
               "ASSAULT")
    assert [a.sector for a in blow.source] == ["REB"]
    march = one(events_of("Opposition groups marched through the capital on Saturday."),
                "PROTEST")
    assert [a.sector for a in march.source] == ["OPP"]


def test_a_planned_deployment_is_a_plan_not_a_threat() -> None:
    events = events_of("Turkey will deploy more troops to the Syrian border next week.")
    deploy = one(events, "MOBILIZE")
    assert deploy.hypothetical
    assert all(e.event_type != "THREATEN" for e in events)


@pytest.mark.parametrize("learned", [False, True], ids=["rules", "hybrid"])
def test_seizing_ground_is_a_blow_and_seizing_goods_is_coercion(learned: bool) -> None:
    town = one(events_of("Islamic State fighters seized the ancient city of Palmyra from the "
                         "army in May.", learned=learned), "ASSAULT")
    assert town.trigger == "seized"
    goods = events_of("Customs officers seized two tonnes of cocaine at the port of Guayaquil.",
                      learned=learned)
    assert one(goods, "COERCE").trigger == "seized"
    assert all(e.event_type != "ASSAULT" for e in goods)


@pytest.mark.parametrize("learned", [False, True], ids=["rules", "hybrid"])
def test_soldiers_capturing_members_of_a_network_arrest_them(learned: bool) -> None:
    events = events_of("Colombian troops captured three members of a drug cartel near "
                       "Medellin on Tuesday.", learned=learned)
    assert one(events, "COERCE").mode == "arrest"
    assert all(e.event_type != "ASSAULT" for e in events)


@pytest.mark.parametrize("learned", [False, True], ids=["rules", "hybrid"])
@pytest.mark.parametrize(("text", "trigger", "mode"), [
    ("Health officials quarantined the whole village after two cases were confirmed on Monday.",
     "quarantined", "restrict"),
    ("Riot police sealed off the main square before the rally on Friday.", "sealed", "restrict"),
    ("The market was cordoned off by soldiers after the blast on Tuesday.", "cordoned",
     "restrict"),
    ("Turkey took the border province in 1975 and later annexed it.", "annexed", "seize"),
    ("Troops enforced a strict curfew in the capital on Sunday.", "enforced", "curfew"),
])
def test_quarantines_cordons_annexations_and_curfews_enforced_are_coercion(
    text: str, trigger: str, mode: str, learned: bool
) -> None:
    event = one(asserted(events_of(text, learned=learned)), "COERCE")
    assert (event.trigger.split()[0], event.mode) == (trigger, mode)


@pytest.mark.parametrize("learned", [False, True], ids=["rules", "hybrid"])
def test_a_raid_by_gunmen_is_an_attack_and_one_by_police_a_search(learned: bool) -> None:
    gunmen = asserted(events_of("Armed bandits raided a farming village in Zamfara on Tuesday "
                                "night.", learned=learned))
    assert one(gunmen, "ASSAULT").trigger.startswith("raided")
    assert all(e.event_type != "COERCE" for e in gunmen)
    police = asserted(events_of("Police raided the offices of an opposition newspaper in Lusaka "
                                "on Tuesday.", learned=learned))
    assert one(police, "COERCE").mode == "seize"


@pytest.mark.parametrize("learned", [False, True], ids=["rules", "hybrid"])
def test_people_held_in_a_prison_are_detained(learned: bool) -> None:
    events = asserted(events_of("Two Iraqi men are being held in a prison in Basra.",
                                learned=learned))
    assert one(events, "COERCE").mode == "arrest"
    talks = events_of("The talks were held at the base on Monday.", learned=learned)
    assert all(e.event_type != "COERCE" for e in talks)


@pytest.mark.parametrize("learned", [False, True], ids=["rules", "hybrid"])
def test_a_deal_enforced_is_no_new_agreement(learned: bool) -> None:
    events = events_of("Peacekeepers entered the province on Monday to enforce the peace deal.",
                       learned=learned)
    assert all(e.event_type != "AGREE" for e in events)


@pytest.mark.parametrize("learned", [False, True], ids=["rules", "hybrid"])
def test_quarantined_animals_are_no_coercion(learned: bool) -> None:
    events = events_of("About 400 sheep on the farm were quarantined on Monday.", learned=learned)
    assert all(e.event_type != "COERCE" for e in events)


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


@pytest.mark.parametrize("text", [
    "A police officer who declined to be named said the convoy was hit near the bridge.",
    "\"Gunmen stormed the post at dawn,\" said a local official who asked not to be named.",
])
def test_a_source_kept_unnamed_neither_refuses_nor_asks(text: str) -> None:
    """ "declined to be named", "asked not to be named": a source's anonymity, press
    etiquette like declining to comment."""
    assert not {"REJECT", "REQUEST"} & asserted_types(text)


@pytest.mark.parametrize(("text", "not_expected"), [
    ("Government troops pressed on with their offensive against the rebels on Friday.",
     "REQUEST"),
    ("The army pressed a new offensive in the north on Monday.", "REQUEST"),
    ("The senator, who hosted a radio show for years, was shot near his home on Sunday.",
     "CONSULT"),
    ("Dozens of guests attended a party hosted by the mayor on Saturday.", "CONSULT"),
    ("The rebels stormed a hilltop post that was defended by a small garrison.", "SUPPORT"),
    ("Kigali says it is defending itself against a militia on its border.", "SUPPORT"),
])
def test_pressing_an_attack_hosting_a_show_or_defending_ground_is_no_demand_visit_or_backing(
    text: str, not_expected: str
) -> None:
    """An offensive pressed on asks nothing of anyone; a show or a party hosted receives no
    visitor; ground or oneself defended backs no one (other_senses.tsv)."""
    assert not_expected not in asserted_types(text)


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


@pytest.mark.parametrize("learned", [False, True], ids=["rules", "hybrid"])
def test_a_role_listed_after_a_nationality_shares_it(learned: bool) -> None:
    text = "Dutch jets and helicopters bombed a depot outside Kandahar on Monday."
    event = one(events_of(text, learned=learned), "ASSAULT")
    assert [a.country for a in event.source] == ["NLD", "NLD"]
    text = "Four Canadian soldiers and two engineers were abducted by gunmen near Kirkuk."
    event = one(events_of(text, learned=learned), "ASSAULT")
    assert [a.country for a in event.target] == ["CAN", "CAN"]


def test_a_named_group_whose_phrase_holds_the_actor_still_places_the_sentence() -> None:
    text = "Militants shelled the Syrian Arab Army's checkpoints on Friday."
    event = one(events_of(text), "ASSAULT")
    assert countries(event.source) == {"SYR"}


def test_troops_in_the_palestinian_territories_are_israel_s() -> None:
    event = one(events_of("Troops demolished two houses in Nablus on Tuesday."), "ASSAULT")
    assert countries(event.source) == {"ISR"}


def test_a_body_named_only_by_its_modifier_is_the_modifier_s() -> None:
    event = one(events_of("Rebel detachments shelled the outskirts of Goma on Friday."), "ASSAULT")
    assert [(a.country, a.sector) for a in event.source] == [("COD", "REB")]


def test_a_participle_with_a_by_phrase_is_passive_and_lends_its_agent_to_the_next() -> None:
    text = ("The two agents were captured alive, imprisoned by Cuba for ten years and released "
            "in 1990.")
    event = one(events_of(text), "RETREAT")
    assert countries(event.source) == {"CUB"}


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


def test_a_subject_pronoun_is_read_again_once_the_last_subject_changes() -> None:
    """The lookup remembers what each word stands for within a sentence; a subject pronoun
    points to the latest subject, so a new one must not leave the old answer behind."""
    doc = nlp.load()("She condemned the shelling of the port.")
    look = ActorLookup(DATE)
    look.last_subject = Actor(text="the German chancellor", country="DEU", sector="GOV")
    assert look.actor(doc[0]) == look.last_subject
    look.last_subject = Actor(text="the French president", country="FRA", sector="GOV")
    found = look.actor(doc[0])
    assert found is not None and found.country == "FRA"


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


def test_an_undated_event_is_not_given_the_publication_date() -> None:
    event = one(events_of("Russia supplied air defence missiles to Serbia."), "AID")
    assert event.date is None and event.date_text is None


def test_a_statement_coded_as_an_event_takes_the_statement_date() -> None:
    events = events_of("US officials said on Monday that the purchase is a major concern.")
    event = one(events, "ACCUSE")
    assert event.date == dt.date(2024, 5, 13)


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Congolese President Felix Tshisekedi said on Monday that Rwanda must stop its aggression.",
     "COD", "RWA"),
    ("The Chinese foreign ministry said Washington should stop arming Taiwan.", "CHN", "USA"),
])
def test_a_demand_told_as_what_another_must_do_is_the_speakers_request(
    text: str, source: str, target: str
) -> None:
    """The "must" is the demand itself, not a doubt about it: the request is asserted, by the
    speaker, of the one asked (the hand rules; the model learns it when retrained)."""
    event = one(asserted(events_of(text, learned=False)), "REQUEST")
    assert countries(event.source) == {source}
    assert countries(event.target) == {target}


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Syrian opposition leaders said on Tuesday that Russian forces were behind the shelling of "
     "the market.", "SYR", "RUS"),
    ("The Ukrainian foreign ministry said Russia was responsible for the attack on the port.",
     "UKR", "RUS"),
    ("Iranian officials said the Israeli air strikes amounted to a war crime.", "IRN", "ISR"),
])
def test_a_statement_that_blames_another_for_an_attack_is_an_accusation(
    text: str, source: str, target: str
) -> None:
    """Who is said to be behind an attack, or what an act is said to amount to, is the
    speaker's accusation of the clause's subject (the hand rules; the model learns it when
    retrained)."""
    event = one(asserted(events_of(text, learned=False)), "ACCUSE")
    assert countries(event.source) == {source}
    assert countries(event.target) == {target}


def test_a_group_saying_it_was_behind_an_attack_accuses_no_one() -> None:
    events = events_of("The Taliban said they were behind the attack on the army post.",
                       learned=False)
    assert "ACCUSE" not in {e.event_type for e in events}


@pytest.mark.parametrize(("text", "source", "target"), [
    ("Armenian officials claimed that Azerbaijani troops had shelled the border village.",
     "ARM", "AZE"),
    ("The Ukrainian defence ministry claims the dam was blown up by Russian forces.",
     "UKR", "RUS"),
])
def test_a_claim_that_another_did_a_hostile_act_is_an_accusation(
    text: str, source: str, target: str
) -> None:
    """"Claim" puts a charge in dispute: the claimant accuses whoever the clause says did the
    act (the hand rules; the model learns it when retrained)."""
    event = one(asserted(events_of(text, learned=False)), "ACCUSE")
    assert countries(event.source) == {source}
    assert countries(event.target) == {target}


@pytest.mark.parametrize("text", [
    "Turkey claimed that Turkish warplanes had killed forty militants near the border.",
    "The refugees claim they were robbed on the road.",
    "The company claims that the new plant will create jobs.",
])
def test_a_claim_of_ones_own_act_or_of_no_named_doer_accuses_no_one(text: str) -> None:
    events = events_of(text, learned=False)
    assert "ACCUSE" not in {e.event_type for e in events}


def test_a_statement_takes_its_realis_from_the_speech_verb() -> None:
    maybe = one(events_of("Beijing may say that the arms sale is a provocation."), "ACCUSE")
    assert maybe.hypothetical
    said = one(events_of("US officials said on Monday that the purchase would be a mistake."),
               "ACCUSE")
    assert not (said.hypothetical or said.negated)


# Sources and targets on report phrasings (docs/annotation.md, section 4).
def test_a_nationality_on_a_noun_our_tables_do_not_know_still_places_it() -> None:
    lawyers = one(events_of("Pakistani lawyers marched on the Supreme Court in Islamabad on "
                            "Monday."), "PROTEST")
    assert countries(lawyers.source) == {"PAK"}
    planes = one(events_of("Russian planes bombed a bridge south of Grozny overnight."),
                 "ASSAULT")
    assert countries(planes.source) == {"RUS"}


def test_victims_of_clashes_were_struck_by_the_other_side() -> None:
    event = one(events_of("Two Malian soldiers were killed in clashes with Tuareg rebels near "
                          "Kidal on Sunday."), "ASSAULT")
    assert [a.sector for a in event.source] == ["REB"]
    assert countries(event.source) == {"MLI"}
    assert countries(event.target) == {"MLI"}


def test_the_group_that_planted_a_bomb_is_the_source() -> None:
    event = one(events_of("Three police officers were killed by a car bomb planted by "
                          "al-Shabaab militants in Mogadishu."), "ASSAULT")
    assert countries(event.source) == {"SOM"}
    assert event.source[0].sector == "REB"


def test_an_object_pronoun_points_to_the_earlier_victims() -> None:
    event = one(events_of("Gunmen dragged four farmers from their homes near Jos and shot "
                          "them."), "ASSAULT")
    assert any("farmers" in a.text for a in event.target)
    assert countries(event.target) == {"NGA"}


def test_a_place_taken_from_a_state_makes_that_state_the_target() -> None:
    event = one(events_of("Israel captured the Golan Heights from Syria in the 1967 war."),
                "ASSAULT")
    assert countries(event.source) == {"ISR"}
    assert countries(event.target) == {"SYR"}


def test_protesters_outside_an_embassy_protest_against_its_state() -> None:
    event = one(events_of("Hundreds of Malian students protested outside the French embassy "
                          "on Friday."), "PROTEST")
    assert countries(event.source) == {"MLI"}
    assert countries(event.target) == {"FRA"}


def test_marchers_to_a_consulate_are_not_of_its_country() -> None:
    event = one(events_of("Activists marched to the Japanese consulate on Wednesday to demand "
                          "an apology."), "PROTEST")
    assert "JPN" not in countries(event.source)


def test_a_nationality_before_a_noun_of_statecraft_is_the_government() -> None:
    event = one(events_of("Dozens of students protested on Monday against Portuguese policy "
                          "on fishing quotas."), "PROTEST")
    assert [(a.country, a.sector) for a in event.target] == [("PRT", "GOV")]
    assert "PRT" not in countries(event.source)


def test_a_lone_nationality_before_a_blow_stays_the_armed_forces() -> None:
    event = one(events_of("Portuguese air strikes hit a depot on Monday."), "ASSAULT")
    assert ("PRT", "MIL") in {(a.country, a.sector) for a in event.source}


def test_a_protest_is_aimed_at_whom_it_makes_demands_of_not_at_its_town() -> None:
    event = one(events_of("Thousands of teachers rallied in Nairobi on Monday, demanding that "
                          "the government raise their pay."), "PROTEST")
    assert [a.text for a in event.target] == ["the government"]
    assert countries(event.target) == {"KEN"}


def test_an_offensive_targeting_positions_is_aimed_at_their_holders() -> None:
    event = one(events_of("The Syrian army launched an offensive in Idlib province on Tuesday, "
                          "targeting rebel positions near Saraqeb."), "ASSAULT")
    assert countries(event.source) == {"SYR"}
    assert [a.sector for a in event.target] == ["REB"]


def test_an_offensive_is_aimed_at_whom_its_clauses_strike_or_take_ground_from() -> None:
    """The parser hangs "under the control of" on the aiming verb, not on the ground; an
    offensive "to seize" a town is aimed at whoever it is taken from."""
    seize = one(events_of("Al-Shabaab fighters launched an offensive on Monday to seize the "
                          "town of Bulo Burde from the Somali army."), "ASSAULT")
    assert seize.trigger == "offensive"
    assert [(a.text, a.country) for a in seize.target] == [("the Somali army", "SOM")]
    held = one(events_of("The Nigerian army continued its offensive in Borno on Friday, "
                         "targeting villages under the control of Boko Haram."), "ASSAULT")
    assert [a.text for a in held.target] == ["Boko Haram"]
    fired = [e for e in events_of("The rebels began the assault by firing rockets at the "
                                  "army's positions near Kidal.") if e.trigger == "assault"]
    assert len(fired) == 1
    assert [(a.sector, a.country) for a in fired[0].target] == [("MIL", "MLI")]


@pytest.mark.parametrize("text, target", [
    ("The militants began their assault at dawn at the village of Kidal, where they were met "
     "by a large force of the Malian Army (FAMa).", "MLI"),
    ("Boko Haram began the offensive near Maiduguri, striking the Nigerian Army held villages "
     "of Konduga and Bama; the attack lasted for hours.", "NGA"),
    ("The jihadists began the assault by sending three suicide bombers towards the Malian "
     "Army's base near Gao.", "MLI"),
])
def test_an_offensive_is_aimed_at_the_force_its_clause_names_when_the_parse_loses_it(
    text: str, target: str
) -> None:
    event = next(e for e in events_of(text) if e.trigger in ("assault", "offensive"))
    assert [(a.sector, a.country) for a in event.target] == [("MIL", target)]


def test_ground_captured_is_taken_from_the_force_its_clause_names() -> None:
    event = next(e for e in events_of("Government troops captured the ridge after a long "
                                      "battle that killed twelve Houthi fighters.")
                 if e.trigger == "captured")
    assert [(a.sector, a.country) for a in event.target] == [("REB", "YEM")]


def test_a_named_victim_is_of_the_country_where_the_attack_happened() -> None:
    event = one(events_of("Journalist Ana Lucia Ferreira was shot dead outside her home in "
                          "Recife on Tuesday."), "ASSAULT")
    assert countries(event.target) == {"BRA"}


def test_an_attack_told_as_by_doing_is_done_by_the_subject() -> None:
    event = one(events_of("M23 rebels began the assault by storming army checkpoints near Goma "
                          "on Monday."), "ASSAULT")
    assert event.trigger in ("storming", "assault")
    assert [a.sector for a in event.source] == ["REB"]


def test_a_capital_the_tagger_calls_an_organisation_is_still_the_place() -> None:
    event = one(events_of("Hundreds of students protested outside the French embassy in Bamako "
                          "on Friday."), "PROTEST")
    assert event.location is not None
    assert (event.location.name, event.location.country) == ("Bamako", "MLI")
    assert countries(event.source) == {"MLI"}
    assert countries(event.target) == {"FRA"}


def test_victims_the_tables_do_not_know_are_the_target() -> None:
    """A number or a name is who a blow landed on, of the country where it fell."""
    number = one(events_of("Three were shot dead near the central market in Peshawar on "
                           "Friday."), "ASSAULT")
    assert countries(number.target) == {"PAK"}
    assert number.target[0].sector == "CVL"
    name = one(events_of("Farrukh Rashidov was stabbed to death outside his home in Tashkent on "
                         "Friday."), "ASSAULT")
    assert [a.text for a in name.target] == ["Farrukh Rashidov"]
    assert countries(name.target) == {"UZB"}


def test_the_arrested_the_tables_do_not_know_are_the_target() -> None:
    event = one(events_of("All four were arrested in Pune on Monday for extortion."), "COERCE")
    assert countries(event.target) == {"IND"}


def test_passive_attack_takes_its_agent_from_the_when_clause() -> None:
    stormed = one(events_of("Six farmers were killed on Sunday when Chadian troops stormed a "
                            "village near the border."), "ASSAULT")
    assert countries(stormed.source) == {"TCD"}
    airstrike = one(events_of("At least twelve patients were killed when a Syrian airstrike hit "
                              "a clinic in Idlib province."), "ASSAULT")
    assert countries(airstrike.source) == {"SYR"}
    own_doing = one(events_of("A teacher was shot dead as he was driving to work in Pattani."),
                    "ASSAULT")
    assert own_doing.source == []


def test_a_crowd_named_by_its_number_is_protesters_of_the_place() -> None:
    event = one(events_of("In Berlin, about 40,000 protested against the new pension law on "
                          "Saturday."), "PROTEST")
    assert countries(event.source) == {"DEU"}
    assert event.source[0].sector == "CVL"


def test_spies_elders_and_clerics_are_local_actors() -> None:
    spy = one(events_of("Gunmen shot dead a senior intelligence official in Khost on Tuesday."),
              "ASSAULT")
    assert countries(spy.target) == {"AFG"}
    cleric = one(events_of("Unidentified gunmen killed a prominent cleric in Baidoa on "
                           "Wednesday."), "ASSAULT")
    assert countries(cleric.target) == {"SOM"}


def test_business_people_struck_are_of_the_place() -> None:
    shot = one(events_of("A wealthy businessman was shot dead in Mombasa on Sunday."), "ASSAULT")
    assert countries(shot.target) == {"KEN"}
    detained = one(events_of("Two company executives were detained in Lima on Friday."),
                   "COERCE")
    assert countries(detained.target) == {"PER"}
    # firms a state sanctions are not placed by where it is told
    sanctioned = one(events_of("Britain imposed sanctions on two trading companies on Friday, "
                               "officials in Yangon said."), "SANCTION")
    assert [a.country for a in sanctioned.target] == [None]


def test_victims_where_nothing_places_them_take_the_country_the_article_names_most() -> None:
    text = ("Peru's government declared a state of emergency in the south on Monday. "
            "Ministers met on Tuesday. "
            "Unknown attackers shot dead two farmers on Wednesday, officials said.")
    event = one(events_of(text), "ASSAULT")
    assert countries(event.target) == {"PER"}


def test_the_country_where_someone_unnamed_was_caught_is_not_the_target() -> None:
    event = one(events_of("He was captured in Honduras in June 2001 after an eight-month "
                          "manhunt."), "COERCE")
    assert event.target == []
    assert event.location is not None and event.location.country == "HND"


def test_a_blast_is_aimed_at_whom_it_went_off_beside_or_killed() -> None:
    beside = one(events_of("A roadside bomb detonated near a U.S. patrol in western Baghdad on "
                           "Tuesday."), "ASSAULT")
    assert countries(beside.target) == {"USA"}
    wounded = one(events_of("A second device was detonated at the main gate of a supermarket in "
                            "Koronadal City, wounding four civilians."), "ASSAULT")
    assert countries(wounded.target) == {"PHL"}
    both = one(events_of("A suicide bomber detonated his explosives inside the market of "
                         "Qamishli City, killing and wounding several people."), "ASSAULT")
    assert [(a.text, a.country) for a in both.target] == [("several people", "SYR")]
    passing = one(events_of("The guerrillas detonated a mine as an army bus carrying soldiers "
                            "drove through Madduvil, Sri Lanka."), "ASSAULT")
    assert [(a.text, a.country) for a in passing.target] == [("soldiers", "LKA")]


def test_a_blast_strikes_whom_a_clause_hung_deep_in_its_sentence_names() -> None:
    # the parser hangs "which killed" on the place and the when-clause on the time
    killed = one(events_of("Last week, the rebels detonated two mines in the Kapoeta Hills, "
                           "which killed one Sudanese soldier and wounded three others.",
                           learned=False), "ASSAULT")
    assert ("one Sudanese soldier", "SDN") in [(a.text, a.country) for a in killed.target]
    patrol = one(events_of("The bomb detonated in the morning when Nigerien troops and Malian "
                           "police were on foot patrol in the old quarter of Gao."), "ASSAULT")
    assert countries(patrol.target) == {"NER", "MLI"}


def test_who_passed_by_when_a_blast_went_off_is_its_target_not_its_source() -> None:
    event = one(events_of("The bomb was detonated in Sangin on Monday when an army patrol was "
                          "driving past the market.", learned=False), "ASSAULT")
    assert [a.text for a in event.source] == []
    assert [(a.text, a.sector) for a in event.target] == [("an army patrol", "MIL")]


def test_a_role_noun_that_owns_what_was_struck_or_opposed_is_the_target() -> None:
    trucks = one(events_of("In Narathiwat, rebels detonated a bomb and damaged three army "
                           "trucks on Sunday.", learned=False), "ASSAULT")
    assert [(a.sector, a.country) for a in trucks.target] == [("MIL", "THA")]
    law = one(events_of("Hundreds of students marched in Nairobi on Friday to protest against "
                        "the government's new tax law.", learned=False), "PROTEST")
    assert [(a.sector, a.country) for a in law.target] == [("GOV", "KEN")]


def test_a_person_or_a_number_captured_is_the_target_a_town_is_not() -> None:
    counted = one(events_of("Two were captured on Wednesday morning in Bogota and face charges "
                            "of money laundering."), "COERCE")
    assert [(a.text, a.country) for a in counted.target] == [("Two", "COL")]
    named = one(events_of("Police captured Qadeer in the eastern city of Gujranwala on July "
                          "28."), "COERCE")
    assert [(a.text, a.country) for a in named.target] == [("Qadeer", "PAK")]
    town = one(events_of("Tamil rebels captured Mullaittivu last July."), "ASSAULT")
    assert town.target == []


def test_who_acts_in_the_clause_that_says_when_the_victims_fell_is_the_source() -> None:
    """Also where the parser hangs that clause under the wounded of a dead-and-wounded
    report, and where it is a passive with its own agent."""
    sweeps = [e for e in events_of("At least nine civilians were killed and two others injured "
                                   "as government troops stepped up sweeps against separatists "
                                   "in Aceh.") if e.trigger == "killed"]
    assert len(sweeps) == 1
    assert [(a.text, a.country) for a in sweeps[0].source] == [("government troops", "IDN")]
    downed = one(events_of("Sixteen American soldiers were killed when their helicopter was "
                           "shot down by rebels in Kunar province."), "ASSAULT")
    assert [a.text for a in downed.source] == ["rebels"]
    assert countries(downed.target) == {"USA"}


def test_a_subject_hung_on_the_auxiliary_still_acts_and_a_strike_is_its_callers() -> None:
    patrol = one(events_of("Security forces were patrolling Senegal's capital Thursday, where "
                           "streets were reopened to traffic."), "MOBILIZE")
    assert [(a.text, a.country) for a in patrol.source] == [("Security forces", "SEN")]
    strike = one(events_of("Paramilitary troops patrolled the streets of Karachi on Tuesday as "
                           "a strike called by Shiite Muslims kept many shops closed."),
                 "PROTEST")
    assert [(a.text, a.country) for a in strike.source] == [("Shiite Muslims", "PAK")]


def test_a_subject_hung_on_the_passive_auxiliary_is_still_the_victim() -> None:
    """ "were on Monday killed": the parser hangs the subject on "were"."""
    event = one(events_of("No fewer than seven persons were on Monday killed in an attack on a "
                          "village in Taraba State by gunmen."), "ASSAULT")
    assert [(a.sector, a.country) for a in event.target] == [("CVL", "NGA")]


@pytest.mark.parametrize(
    ("text", "trigger", "victim"),
    [
        ("A shepherd was found dead near Hebron on Friday after being shot by Israeli settlers.",
         "shot", "A shepherd"),
        ("The reporter died in a Lahore hospital on Tuesday after being beaten by police.",
         "beaten", "The reporter"),
        ("Two farmers were detained by the militia near Goma before being shot in the head.",
         "shot", "Two farmers"),
    ],
)
def test_a_when_clause_in_the_passive_is_done_to_the_subject_it_hangs_on(
    text: str, trigger: str, victim: str
) -> None:
    """ "after being shot by": the clause has no subject of its own; its victim is the one
    of the clause it tells the time of, whether that is passive or not."""
    event = next(e for e in events_of(text) if e.trigger == trigger)
    assert event.event_type == "ASSAULT"
    assert [a.text for a in event.target] == [victim]


@pytest.mark.parametrize(
    ("text", "trigger", "victim"),
    [
        ("A young farmer was found murdered in his field near Pune on Monday.", "murdered",
         "A young farmer"),
        ("Two shopkeepers were found shot dead in Nairobi on Sunday.", "shot",
         "Two shopkeepers"),
    ],
)
def test_whom_a_passive_finds_done_to_is_the_victim_not_the_doer(
    text: str, trigger: str, victim: str
) -> None:
    """ "was found murdered": the participle says what was done to the passive's subject."""
    event = next(e for e in events_of(text) if e.trigger == trigger)
    assert event.event_type == "ASSAULT"
    assert [a.text for a in event.target] == [victim]
    assert event.source == []


def test_a_participle_with_a_particle_after_its_noun_is_passive() -> None:
    """ "a pilot shot down over Syria": the tagger's past tense is a participle; the pilot
    is whom it was done to."""
    event = one(events_of("The family of Dan Levi, a pilot shot down over Syria in 1990, met "
                          "the minister on Monday."), "ASSAULT")
    assert [a.text for a in event.target] == ["a pilot"]
    assert event.source == []


def test_what_a_march_is_against_from_its_purpose_or_the_building_it_faces() -> None:
    purpose = one(events_of("Several thousand people marched through central Rome on Saturday "
                            "to protest against Israel's construction of a security barrier."),
                  "PROTEST")
    assert countries(purpose.target) == {"ISR"}
    facing = one(events_of("About 800 garment workers demonstrated on Sunday in front of the US "
                           "embassy in central Bangkok."), "PROTEST")
    assert countries(facing.target) == {"USA"}
    assert countries(facing.source) == {"THA"}


def test_a_march_is_aimed_at_the_demand_or_grievance_of_a_second_joined_clause() -> None:
    demand = one(events_of("About 2,000 students rallied outside the campus, waving flags and "
                           "calling for the removal of the Danish envoy."), "PROTEST")
    assert [(a.text, a.country) for a in demand.target] == [("the Danish envoy", "DNK")]
    assert "DNK" not in countries(demand.source)
    grievance = next(e for e in events_of("Some 500 farmers marched in the capital on Monday "
                                          "to mark the harvest and protest against Japanese "
                                          "tariffs.") if e.trigger == "marched")
    assert countries(grievance.target) == {"JPN"}


def test_a_march_is_aimed_at_whom_it_chants_against_or_greets() -> None:
    chanting = one(events_of("Hundreds of students marched in Tripoli on Tuesday, chanting "
                             "against the militias."), "PROTEST")
    assert [(a.text, a.country) for a in chanting.target] == [("the militias", "LBY")]
    joined = one(events_of("Supporters marched through Damanhour, chanting slogans in support "
                           "of Morsi and against General Sisi."), "PROTEST")
    assert [a.text for a in joined.target] == ["General Sisi"]
    greeted = one(events_of("About 1,000 activists demonstrated at the airport on Saturday as "
                            "Zimbabwean President Robert Mugabe arrived for a regional summit."),
                  "PROTEST")
    assert countries(greeted.target) == {"ZWE"}
    assert countries(greeted.source) == set()


def test_a_protest_or_condemnation_of_an_act_is_aimed_at_its_doer() -> None:
    """Not at whom the act was done to, also where the parser hangs "by" on the verb."""
    bombing = one(events_of("Bangladesh's Left Democratic Front on Saturday protested against "
                            "the bombing of Yugoslavia by NATO."), "PROTEST")
    assert [a.igo for a in bombing.target] == ["NATO"]
    occupation = one(events_of("Greek Cypriot students were protesting over the occupation of "
                               "northern Cyprus by Turkish troops."), "PROTEST")
    assert countries(occupation.target) == {"TUR"}
    massacre = one(events_of("The Syrian Coalition strongly condemned the massacre of 62 "
                             "civilians by Russian forces in Idlib."), "ACCUSE")
    assert [(a.text, a.country) for a in massacre.target] == [("Russian forces", "RUS")]


def test_a_role_word_before_a_coercion_says_whose_it_is() -> None:
    """ "the police crackdown", "the government curfew": the modifier is the doer, also
    where the parser gives it no actor of its own."""
    crackdown = one(events_of("Opposition leaders in Caracas condemned the police crackdown on "
                              "students."), "ACCUSE")
    assert [(a.sector, a.country) for a in crackdown.target] == [("COP", "VEN")]
    curfew = one(events_of("The government curfew in Srinagar kept shops closed."), "COERCE")
    assert [(a.sector, a.country) for a in curfew.source] == [("GOV", "IND")]


def test_a_march_is_aimed_at_whom_a_demand_hung_anywhere_in_it_addresses() -> None:
    banners = one(events_of("Some 5,000 others marched in the centre of Seoul with banners "
                            "demanding the United States pull out its troops."), "PROTEST")
    assert countries(banners.target) == {"USA"}
    city = one(events_of("More than 10,000 people demonstrated on Sunday in this major Ivory "
                         "Coast city calling for President Laurent Gbagbo to step down."),
               "PROTEST")
    assert [a.text for a in city.target] == ["President Laurent Gbagbo"]


def test_clashes_breaking_out_between_two_sides_name_both() -> None:
    event = one(events_of("Four civilians were killed as clashes broke out between the army and "
                          "rebels in Bangui on Monday."), "ASSAULT")
    assert countries(event.source) == {"CAF"}
    assert {a.sector for a in event.source} == {"MIL", "REB"}


def test_riot_police_are_police_of_the_place() -> None:
    event = one(events_of("Riot police clashed with students in Dhaka on Monday."), "ASSAULT")
    assert countries(event.source) == {"BGD"}
    assert event.source[0].sector == "COP"


def test_islamist_rebels_belong_where_they_fight() -> None:
    event = one(events_of("Islamist rebels shelled government positions near Idlib on Tuesday."),
                "ASSAULT")
    assert countries(event.source) == {"SYR"}


def test_a_named_group_is_not_placed_by_the_country_in_its_name() -> None:
    event = one(events_of("The Islamic State of Iraq and Al-Sham launched an assault on army "
                          "positions near Palmyra on Monday."), "ASSAULT")
    assert event.source and "IRQ" not in countries(event.source)
    placed = one(events_of("Rebels in the Ivory Coast attacked a police station on Sunday."),
                 "ASSAULT")
    assert countries(placed.source) == {"CIV"}


def test_a_blow_told_in_the_passive_with_no_one_striking_is_no_threat() -> None:
    events = events_of("The police chief would also be wounded in fighting in Cholon, losing a "
                       "leg.")
    assert all(e.event_type != "THREATEN" for e in events)
    # The rules' reading of a warned blow; whether the trained model keeps it (it scores this
    # one low) is measured by `newsevents evaluate`, not asserted here.
    warned = one(events_of("Any protester will be arrested, the ministry warned.",
                           learned=False), "THREATEN")
    assert not warned.hypothetical


# Trigger words in senses that are no political event (sport, elections, disease, markets).
@pytest.mark.parametrize("text", [
    "New Zealand captured two wickets before lunch on the second day of the test.",
    "The opposition party captured 41 percent of the vote in the regional election.",
    "The ruling party captured a majority of the seats in the city council.",
    "The virus has killed 14 people in the province since January.",
    "Floods killed at least 30 people in northern Kenya last week.",
    "Millions of chickens were slaughtered to stop the spread of bird flu.",
    "Oil prices shot up to $90 a barrel on Tuesday.",
    "The data demonstrates that the reform of the pension system is working.",
    "The health ministry warned of a shortage of vaccines in rural clinics.",
    "The top seed was beaten in the final of the Madrid tournament on Sunday.",
    "A runaway lorry slammed into the front of a supermarket in Leeds on Friday.",
    "The aid group warned of hunger in eastern Chad and issued a press release on Friday.",
    "The opposition launched a legal battle against the election result.",
    "The director shot most of the film in a village outside Sarajevo last summer.",
    "Health officials said a cholera outbreak that killed nine people had been contained.",
    "A signalling error killed 14 passengers on the line to Jaipur last year.",
    "The sprinter struck gold again at the Asian Games in Jakarta.",
    "The flooding in Sindh demonstrated the weakness of the province's river defences.",
    "Police in Quetta detonated a pipe bomb found near the bus station on Tuesday.",
    "Bomb squad officers detonated a World War Two shell unearthed at a building site in Kyiv.",
    "Three soldiers were killed in the crash of a transport plane near Kandahar.",
    "The health minister dismissed the claim, saying vaccines had reached every district.",
    "The regulator rejected the criticism and said the tests had been repeated.",
    "The United Nations warned that the death toll from the earthquake could double.",
    "Aid agencies warned that the coming winter would make shelter the most urgent need.",
    "A farmer in Kandal province accidentally detonated an old mortar shell while ploughing.",
    "Army engineers carried out a controlled explosion of a suspect bag outside the embassy.",
    "A cargo plane lost power after take-off and crashed into a field, killing its four crew.",
    "Seven miners were killed when a tunnel collapsed at a gold mine in South Kivu.",
    "The former mayor captured the governorship of Ohio in 1998.",
    "The minister's outburst was captured on camera by a journalist from Reuters.",
    "Two holiday villas near Marseille were destroyed by a wildfire on Sunday.",
    "Human Rights Watch released a report on the detention of activists in Cairo.",
    "The army released a video showing the new drones on Monday.",
    "Volunteers and firefighters patrolled the dikes along the river overnight.",
    "The ministry issued a press release on Friday.",
    "The young striker shot to fame after scoring twice in the cup final.",
    "The band marched into the stadium to the beat of drums before the final whistle.",
    "The retired teacher patrols the streets near the temple as a volunteer.",
    "The governor demonstrated his displeasure by leaving the dinner early.",
    "A magnitude 6.1 earthquake struck eastern Turkey on Monday, killing at least 40 people.",
    "A roadside bomb exploded prematurely in Ramadi, killing the two men who were planting it.",
    "Wildlife officers shot a bear that had wandered into a school playground in Montana.",
    "The health ministry rejected the accusations and said the vaccine was safe.",
    "The embassy declined to disclose the names of the two diplomats.",
    "The senator captured 30 delegates in the Iowa caucuses on Monday night.",
    "The Australian shot a 4-under-par 67 to take the lead after two rounds.",
    "The finance minister returned from holiday in Spain on Sunday.",
    "The two candidates clashed over taxes in a televised debate on Tuesday.",
    "The young goalkeeper fatally shot himself while cleaning his father's rifle.",
    "A hunter was accidentally shot in the leg by his cousin near Tromso.",
    "The champion captured the heavyweight crown in Las Vegas by beating the Mexican challenger.",
    "The veteran bowler captured two wickets in his first over after lunch.",
    "The governor captured the state of Ohio on Tuesday.",
    "The veterans marched past, waving to the crowd.",
    "The regiment folded the flag and marched away.",
    "The golfer gritted his teeth and marched on.",
    "Officials warned that a new strain of the virus could appear in the spring.",
    "Aid workers warn that cholera is a growing risk in the camps.",
    "Relief agencies are warning of a growing threat of malaria among the survivors.",
    "The food agency issued a warning against eating raw oysters from the bay.",
    "The smoke alarm provides an early warning of a fire at night.",
    "The spring horse racing festival in Perth has been cancelled because of the flu.",
    "Dozens of airlines cancelled flights to the island after the outbreak.",
    "More than 2,000 extra nurses were deployed to hospitals in the capital.",
    "The remains of the two climbers arrived back in Lima on Friday.",
    "After the scan, she was told to visit a doctor at once.",
    "The firm raided the pension fund to pay its debts.",
    "The bank fired its chief executive on Tuesday.",
    "Hurricane Mitch destroyed thousands of homes along the coast.",
    "The flooding has now struck more than two million people in the south.",
    "The mayor thanked the panelists for attending.",
    "The disease has been declining in Europe since the new rules were adopted.",
    "Our main concern is the quality of the drinking water, a health spokesman said.",
    "The port provides a main route for smugglers between the two countries.",
    "The lawyer insisted that his client had no part in the fraud.",
    "The ferry sank near the island, killing 40 passengers.",
    "Drugs that arrest the growth of tumours are being tested in Boston.",
    "Health officials are monitoring 40 suspected cases in the two districts.",
    "Inspectors examined conditions in the prison hospital on Monday.",
    "The city council approved a needle exchange program for drug users.",
    "The scandal has destroyed the minister's diplomatic strategy.",
    "Critics say the new tax is killing the heritage of the old town.",
    "No word was spoken as the soldiers marched slowly by.",
    "As the country marches toward a new pension system, banks are hiring.",
    "The Kenyan president relaxed with his family on Sunday.",
    "Heavy rainfall pounded the Kenyan coast, the Red Cross said.",
    "The railway company apologised for the inconvenience on Monday.",
    "Dozens of workers complained of headaches after the leak at the plant.",
    "The storm prompted two oil companies to evacuate their rigs in the gulf.",
    "Jones shot a 68 on Sunday and leads by two strokes.",
    "Maria Lopez of Reuters shot the image of the burning tanker in Basra.",
    "The crew spent the spring shooting a story about a fishing village near Hull.",
    "Park rangers shot and killed a leopard that had strayed into a village near Pune.",
    "The pilgrims set off early and beat the crowds at the shrine.",
    "The veteran MP captured the Kisumu seat, where his nephew beat the ruling party's man.",
    "Zimbabwe were dismissed for 152 in 49 overs in Harare.",
    "Italy's Rossi captured second in the time trial on Friday.",
    "The cast marched up a hill above the harbour for the final scene.",
    "The young conscripts marched to war in the summer of 1914.",
    "The singer applauded the crowd as she left the stage.",
    "The senator offered hope to laid-off steel workers in a speech in Ohio.",
    "Some 500 people have been killed in the north as diseases have spread in the flooded "
    "districts.",
    "A methane blast killed twelve miners at a colliery in the east of the country.",
    "A methane gas explosion killed nine miners at a pit in the north on Monday.",
    "Lopez shot a 66 Saturday and moved into a tie for the lead.",
    "Thousands of soldiers and villagers are patrolling the dikes along the swollen river.",
    "The virus is a new type of bird flu that has killed 150 people worldwide.",
    "The army replaced its Soviet-era tanks with German ones in 2019.",
    "Flames shot through the crowded paddock after the refuelling, injuring three mechanics.",
    "The young striker shot into the net just before half-time.",
    "A shark attacked a surfer off the beach near Perth on Saturday.",
    "A crocodile killed a fisherman on the river bank near Darwin on Tuesday.",
    "Thousands of chickens were killed on the farm after the virus was found there.",
    "Two militants were killed in the premature explosion of a device they were assembling.",
    "Soldiers detonated an unexploded shell found near the school on Tuesday.",
    "A wartime bomb was detonated near the motorway on Saturday.",
    "Officials in Manila said the proposal was being examined with great interest.",
    "A strong earthquake flattened villages in the south, killing 30 people, and 200 were "
    "injured.",
    "The storm destroyed 300 homes along the coast and eight people were killed.",
    "The senator captured states long held by her rivals, including Ohio and Georgia.",
    "His slow guitar line captures the young woman's descent into despair.",
])
@pytest.mark.parametrize("learned", [False, True], ids=["rules", "hybrid"])
def test_other_senses_of_event_words_code_nothing(text: str, learned: bool) -> None:
    assert asserted(events_of(text, learned=learned)) == []


@pytest.mark.parametrize("text", [
    "The cabinet is due to discuss the timetable for the new budget next week.",
    "The new terminal will help ease congestion at the airport, the mayor said.",
])
def test_plans_and_predictions_the_model_rules_out_are_no_promise(text: str) -> None:
    """The rules read "will help" and "is due to discuss" as promises (AGREE); the model weighs
    such a reading of plans and predictions low enough to drop it."""
    assert asserted(events_of(text)) == []


@pytest.mark.parametrize("text", [
    "Under the ceasefire deal, Israel is to withdraw its troops from the border villages within "
    "60 days.",
    "The Ukrainian foreign minister is to meet his Polish counterpart in Warsaw next week.",
    "The Chilean ambassador will arrive in Lima on Monday to present his credentials.",
    "Copper prices rose on hopes that Beijing would ease its curbs on imports.",
])
@pytest.mark.parametrize("learned", [False, True], ids=["rules", "hybrid"])
def test_a_plan_the_reporter_tells_is_no_promise(text: str, learned: bool) -> None:
    """"is to withdraw" is a schedule, and a visit or a relaxation the reporter foresees is no
    actor's promise (AGREE): the guidelines code such plans hypothetical, of their own type."""
    assert asserted(events_of(text, learned=learned)) == []


@pytest.mark.parametrize("learned", [False, True], ids=["rules", "hybrid"])
def test_is_to_blame_is_an_accusation_and_a_spoken_promise_an_agreement(learned: bool) -> None:
    assert "ACCUSE" in {e.event_type for e in asserted(events_of(
        "Russian officials said Kyiv was to blame for the shelling of the market in Donetsk.",
        learned=learned))}
    assert "AGREE" in {e.event_type for e in asserted(events_of(
        "The Japanese foreign minister said Tokyo would send 50 tonnes of medicine to Sudan.",
        learned=learned))}


def test_words_of_blame_a_speaker_negates_are_no_accusation() -> None:
    assert not [e for e in asserted(events_of(
        "Seoul and Washington have said the exercise is defensive and poses no threat to the "
        "North.")) if e.event_type == "ACCUSE"]
    assert not [e for e in asserted(events_of(
        "The ministry did not say the protests were illegal.")) if e.event_type == "ACCUSE"]
    said = one(events_of("Beijing said the arms sale to Taiwan was a provocation."), "ACCUSE")
    assert countries(said.source) == {"CHN"}


# What a speaker calls another actor's act, when the word is one of blame, is an accusation.
@pytest.mark.parametrize(("text", "source"), [
    ('U.S. President Joe Biden called the sentence "outrageous".', "USA"),
    ("The Chinese foreign ministry called the visit a provocation.", "CHN"),
    ("Kenyan police held al-Shabaab responsible for the blast in Mandera.", "KEN"),
    ("The German government branded the verdict a travesty of justice.", "DEU"),
])
def test_calling_an_act_by_a_word_of_blame_is_an_accusation(text: str, source: str) -> None:
    event = one(asserted(events_of(text)), "ACCUSE")
    assert countries(event.source) == {source}


def test_calling_without_blame_or_a_description_is_no_accusation() -> None:
    assert not [e for e in events_of("Residents called the new park a welcome change.")
                if e.event_type == "ACCUSE"]
    assert not [e for e in asserted(events_of(
        "The suspect was captured in 2001 after coalition forces set out to hunt down "
        "members of the network, held responsible for the bombings.")) if e.event_type == "ACCUSE"]
    assert not [e for e in asserted(events_of(
        "A win in court would mark the first time a mining company is held liable for damage "
        "abroad, the lawyer said.")) if e.event_type == "ACCUSE"]


@pytest.mark.parametrize("text", [
    "The reporter was shot by sniper fire as he crossed the square.",
    "The winger was shot dead outside a bar days after his own goal cost the team the cup.",
    "Tamil Tiger rebels attacked an army camp near Vavuniya, killing 12 soldiers.",
    "Three soldiers were killed in a roadside bomb explosion near Kandahar.",
    "Militants detonated a car bomb outside the police station, killing nine.",
    "A car bomb destroyed the market and 20 people were killed.",
    "Gunmen stormed the village and eight people were killed.",
    "Rebels captured towns once held by the army, including Kafr Nabl.",
])
@pytest.mark.parametrize("learned", [False, True], ids=["rules", "hybrid"])
def test_blows_beside_the_words_of_other_senses_stay_blows(text: str, learned: bool) -> None:
    """The readings of fire, goals, animals and bomb disposal above take the word in its own
    relation only: "shot by sniper fire" is gunfire, "after his own goal" no shot at one, the
    Tamil Tigers are rebels, and a car bomb set off by militants is no device made safe."""
    assert "ASSAULT" in {e.event_type for e in asserted(events_of(text, learned=learned))}


@pytest.mark.parametrize("learned", [False, True], ids=["rules", "hybrid"])
def test_a_toll_beside_a_storming_is_no_storm_s_toll(learned: bool) -> None:
    """ "stormed a police station" is an assault, not the hazard "storm": the deaths told
    beside it keep their victims."""
    events = asserted(events_of("Three policemen were killed when gunmen stormed a police "
                                "station in the north on Monday.", learned=learned))
    assert any(a.text == "Three policemen" for e in events for a in e.target)


def test_the_same_words_in_their_political_sense_still_code_events() -> None:
    captured = one(events_of("Rebels captured the town of Kidal on Sunday."), "ASSAULT")
    assert captured.trigger == "captured"
    killed = one(events_of("Gunmen killed 14 villagers in Zamfara state on Monday."), "ASSAULT")
    assert killed.trigger == "killed"
    warned = one(events_of("Iran warned of a crushing response to any attack on its soil."),
                 "THREATEN")
    assert countries(warned.source) == {"IRN"}
    slammed = one(events_of("Pakistan slammed India for the remarks on Kashmir."), "ACCUSE")
    assert countries(slammed.target) == {"IND"}
    detonated = one(events_of("Insurgents detonated a bomb inside a school in Narathiwat, "
                              "injuring two soldiers."), "ASSAULT")
    assert detonated.trigger == "detonated"
    rejected = one(events_of("India rejected suggestions by U.S. officials that Washington could "
                             "mediate on Kashmir."), "REJECT")
    assert countries(rejected.source) == {"IND"}


# Questions put, travel, commentators' forecasts, hazards fought or destroying, and standing
# ties named by a participle: each coded an event on main's rules (some also in the hybrid).
@pytest.mark.parametrize("text", [
    "Asked whether Turkey would send troops to Libya, Erdogan said the decision would be made "
    "by parliament.",
    "The Nigerian senator asked the police chief whether his officers had been paid.",
    "Why did Russian troops attack the hospital in Mariupol?",
    "Thousands of Lebanese holidaymakers returned home from Cyprus on Sunday.",
    "Western analysts warned on Monday that Ukraine's counteroffensive had stalled.",
    "Kenyan health workers are fighting a cholera outbreak in the slums of Nairobi.",
    "Hundreds of Pakistani homes were destroyed in the flooding in Sindh province.",
    "M23 rebels backed by Rwanda control the mining town of Rubaya.",
    "A chemical leak at the fertiliser plant poisoned dozens of villagers near Kano.",
    "Britain recognizes that the outbreak is a global emergency which requires a global "
    "response.",
    "A local official, who requested anonymity, said the farmer had sold cheese for years.",
    "Norwegian Cruise Line, meanwhile, has cancelled its stops in Mexico.",
])
@pytest.mark.parametrize("learned", [False, True], ids=["rules", "hybrid"])
def test_questions_travel_forecasts_and_hazards_code_nothing(text: str, learned: bool) -> None:
    assert asserted(events_of(text, learned=learned)) == []


@pytest.mark.parametrize(("text", "event_type"), [
    ("The Iranian foreign minister asked Iraq to expel the armed group.", "REQUEST"),
    ("Russian troops returned to their bases after the drills in Belarus.", "RETREAT"),
    ("Gunmen fought Nigerian troops for three hours near Maiduguri.", "ASSAULT"),
    ("Turkey-backed fighters shelled the Kurdish town of Manbij on Monday.", "ASSAULT"),
    ('Protesters marched through the capital chanting, "Why do you shoot at us?"', "PROTEST"),
])
@pytest.mark.parametrize("learned", [False, True], ids=["rules", "hybrid"])
def test_demands_pullbacks_and_blows_beside_those_shapes_stay_asserted(
    text: str, event_type: str, learned: bool
) -> None:
    assert one(asserted(events_of(text, learned=learned)), event_type)


def test_a_force_handing_people_back_still_returns_them() -> None:
    returned = one(asserted(events_of("Kenya returned 40 Somali fishermen to Mogadishu on "
                                      "Friday.", learned=False)), "RETREAT")
    assert countries(returned.source) == {"KEN"}
    assert not [e for e in asserted(events_of("Turkey-backed fighters shelled the Kurdish town "
                                              "of Manbij on Monday.")) if e.event_type == "SUPPORT"]


# The same words beside the new other-sense cues ("not far", "a third", a sinking, a collapse).
@pytest.mark.parametrize(("text", "event_type"), [
    ("The suspect was captured by Israeli soldiers not far from the old city of Hebron.",
     "COERCE"),
    ("Rebel forces have captured a third of the country since launching their offensive.",
     "ASSAULT"),
    ("The militia has attacked dozens of ships since March, sinking two vessels and killing "
     "at least four sailors.", "ASSAULT"),
    ("Talks collapsed last year after a car bomb killed 22 police cadets in Bogota.", "ASSAULT"),
    ("Some 9,000 UN peacekeepers patrol the buffer zone between the two armies.", "MOBILIZE"),
])
def test_blows_and_patrols_beside_other_sense_cues_stay_asserted(
    text: str, event_type: str
) -> None:
    assert one(asserted(events_of(text)), event_type)


# Senses that differ only by what follows the word: a retort is no shot, a deal struck is an
# agreement, a demand is insisted on, a walk past is no march on a place.
@pytest.mark.parametrize(("text", "event_type"), [
    ("Democrats shot back that the minister had misled parliament.", "ACCUSE"),
    ("The soldiers shot back at the gunmen from the roof.", "ASSAULT"),
    ("Egypt and Israel struck a deal on the border crossing on Monday.", "AGREE"),
    ("Libya insisted on further concessions from the European Union.", "REQUEST"),
    ("Thousands of protesters marched on parliament on Saturday.", "PROTEST"),
    ("Protesters marched past the embassy chanting slogans.", "PROTEST"),
    ("Troops fired on protesters in the capital on Tuesday.", "ASSAULT"),
    ("The rebels evacuated the town before the army arrived.", "RETREAT"),
])
def test_words_read_by_what_follows_them(text: str, event_type: str) -> None:
    assert one(asserted(events_of(text, learned=False)), event_type)


def test_who_launched_the_strikes_a_victim_was_killed_in_is_the_source() -> None:
    killed = one(events_of(
        "At least 12 militants were killed in airstrikes launched by the Russian Air Force "
        "near Palmyra on Sunday."), "ASSAULT")
    assert countries(killed.source) == {"RUS"}
    shelled = one(events_of(
        "Four Syrian soldiers were killed under mortar shells fired by Turkish troops "
        "near Afrin."), "ASSAULT")
    assert countries(shelled.source) == {"TUR"}


def test_who_made_what_an_event_noun_names_did_it() -> None:
    complaints = one(events_of(
        "The council said that complaints made by Kenyan traders about the new tax were "
        "being studied.", learned=False), "ACCUSE")
    assert countries(complaints.source) == {"KEN"}


def test_a_relative_clause_read_as_a_participle_keeps_its_subject() -> None:
    """ "an attack police blamed on ...": the police blamed, they were not blamed."""
    blamed = one(events_of(
        "Two judges were shot dead in northern Spain on Friday in an attack police blamed on "
        "Basque separatists.", learned=False), "ACCUSE")
    assert [a.sector for a in blamed.source] == ["COP"]
    assert all(a.sector != "COP" for a in blamed.target)


def test_a_pronoun_glossed_in_brackets_is_whom_the_gloss_names() -> None:
    burned = one(events_of("They (Kenyan troops) burned down the market in the town.",
                           learned=False), "ASSAULT")
    assert countries(burned.source) == {"KEN"}


def test_a_verb_tagged_as_a_noun_takes_the_nouns_before_it_as_its_subject() -> None:
    patrol = one(events_of("Canadian and Dutch ships patrol", learned=False), "MOBILIZE")
    assert countries(patrol.source) == {"CAN", "NLD"}
    counted = one(events_of("Nearly 5,000 Italian and U.N. troops patrol", learned=False),
                  "MOBILIZE")
    assert countries(counted.source) == {"ITA"}


def test_whoever_launched_the_campaign_a_protest_opposes_is_its_target() -> None:
    protest = one(events_of(
        "Dozens of activists gathered in Aleppo on Sunday to protest against the aerial "
        "campaign the Russian military has launched on the city."), "PROTEST")
    assert countries(protest.target) == {"RUS"}


def test_coordinated_passives_share_the_agent_of_the_last() -> None:
    shot = one(events_of(
        "A Kenyan aid worker was shot and killed by Somali gunmen near Mandera on Tuesday."),
        "ASSAULT")
    assert countries(shot.source) == {"SOM"}


def test_whom_the_victim_was_fighting_is_the_source() -> None:
    killed = one(events_of(
        "The group mourned its deputy leader, who was killed on Monday while fighting "
        "Nigerian troops near Maiduguri."), "ASSAULT")
    assert countries(killed.source) == {"NGA"}


def test_a_relative_pronoun_stands_for_the_noun_it_refers_to() -> None:
    attacked = one(events_of(
        "Police arrested three Ugandan men who attacked a bus in Kampala on Sunday."),
        "ASSAULT")
    assert [a.text for a in attacked.source] == ["three Ugandan men"]
    assert countries(attacked.source) == {"UGA"}


def test_whom_an_attack_left_dead_is_its_target() -> None:
    attack = one(events_of(
        "Government aerial bombardment of the village of Tulus in South Darfur has left "
        "six Sudanese farmers dead."), "ASSAULT")
    assert [a.text for a in attack.target] == ["six Sudanese farmers"]


def test_victims_of_home_forces_in_an_unplaced_scene_take_their_country() -> None:
    shot = one(events_of("Boko Haram fighters shot dead 23 villagers on Monday."), "ASSAULT")
    assert countries(shot.source) == {"NGA"}
    assert countries(shot.target) == {"NGA"}


def test_victims_of_foreign_forces_in_a_named_place_keep_the_place_country() -> None:
    killed = one(events_of(
        "Turkish troops killed eight civilians in shelling near Afrin on Saturday."), "ASSAULT")
    assert countries(killed.target) == {"SYR"}


def test_a_named_group_of_the_sentence_says_which_country_a_town_is_in() -> None:
    captured = one(events_of(
        "Soldiers captured a large camp held by the Moro Islamic Liberation Front in the "
        "southern town of Carmen on Sunday."), "ASSAULT")
    assert captured.location is not None
    assert (captured.location.name, captured.location.country) == ("Carmen", "PHL")
    assert countries(captured.source) == {"PHL"}


def test_a_month_is_no_target() -> None:
    bombed = one(events_of(
        "In May last year, Sri Lanka's air force bombed the rebel airfield at Iranamadu."),
        "ASSAULT")
    assert all("May" not in a.text for a in bombed.target)


def test_a_bomber_who_blows_himself_up_is_no_target() -> None:
    text = ("A suicide bomber blew himself up at a crowded market in the northeastern Nigerian "
            "city of Maiduguri on Sunday, killing 12 people.")
    blast = one(asserted(events_of(text)), "ASSAULT")
    assert [a.text for a in blast.target] == ["12 people"]
    assert countries(blast.target) == {"NGA"}


@pytest.mark.parametrize(
    ("text", "noun", "victims"),
    [
        ("The Syrian Air Force conducted more than 40 airstrikes over the countryside of Idlib "
         "on Tuesday night, killing several militants.", "airstrikes", "several militants"),
        ("Malian troops launched an offensive near Kidal on Sunday, killing 20 rebels.",
         "offensive", "20 rebels"),
    ],
)
def test_the_victims_of_an_attack_noun_are_in_the_killing_clause_of_its_verb(
    text: str, noun: str, victims: str
) -> None:
    attack = next(e for e in events_of(text) if e.trigger == noun)
    assert [a.text for a in attack.target] == [victims]


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [("Iraq's 1990 invasion of Kuwait ended in defeat.", "IRQ", "KWT"),
     ("The NATO bombing of Yugoslavia lasted 78 days.", "NATO", "SRB")],
)
def test_the_of_phrase_of_an_attack_noun_is_its_target(
    text: str, source: str, target: str
) -> None:
    attack = one(events_of(text), "ASSAULT")
    assert countries(attack.source) == {source}
    assert countries(attack.target) == {target}


def test_a_later_passive_of_the_same_report_names_the_agent() -> None:
    text = ("Two militants were killed and three others were arrested by Afghan security forces "
            "in Kunduz on Friday.")
    killing = one(asserted(events_of(text)), "ASSAULT")
    assert countries(killing.source) == {"AFG"}


def test_jihadist_rebels_belong_where_they_fight() -> None:
    text = "Jihadist rebels shelled the town of Mhardeh in northern Hama on Monday."
    shelling = one(asserted(events_of(text)), "ASSAULT")
    assert countries(shelling.source) == {"SYR"}


def test_the_news_agency_a_source_told_places_nothing() -> None:
    text = ("A car bomb exploded near a restaurant in the Mansour district on Tuesday, killing "
            "two civilians, a police source told Xinhua.")
    blast = one(asserted(events_of(text)), "ASSAULT")
    assert "CHN" not in countries(blast.target)
    assert blast.location is None or blast.location.country != "CHN"


def test_a_province_gives_its_country_to_a_village_and_to_the_victims() -> None:
    text = "Gunmen killed 12 farmers in Guma local government area of Benue State on Sunday."
    killing = one(asserted(events_of(text)), "ASSAULT")
    assert countries(killing.target) == {"NGA"}
    assert killing.location is not None and killing.location.country == "NGA"


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("At least 20 militants were killed in the U.S.-led coalition's airstrikes near Raqqa "
         "on Sunday.", "USA"),
        ("At least 40 fighters were killed over two weeks in a new military campaign by the "
         "Syrian Democratic Forces in northern Syria.", "SYR"),
        ("Nine civilians were killed in the regime bombardment of Douma in Syria on Friday.",
         "SYR"),
    ],
)
def test_the_attack_noun_of_a_passive_killing_names_who_struck(text: str, source: str) -> None:
    killing = one(asserted(events_of(text)), "ASSAULT")
    assert countries(killing.source) == {source}


def test_the_weapon_of_a_named_striker_is_no_second_source() -> None:
    text = "A Taliban leader was killed in a US drone strike in Pakistan on Saturday."
    killing = one(asserted(events_of(text)), "ASSAULT")
    assert [a.text for a in killing.source] == ["US"]


def test_what_a_march_is_against_when_the_parser_hangs_it_on_the_place() -> None:
    text = ("Hundreds of Palestinians demonstrated on Sunday in several West Bank villages "
            "against Israel's separation barrier.")
    march = one(asserted(events_of(text)), "PROTEST")
    assert countries(march.source) == {"PSE"}
    assert countries(march.target) == {"ISR"}


def test_an_apology_is_a_verbal_concession() -> None:
    """docs/annotation.md: apologising and admitting responsibility are CONCEDE, not SUPPORT."""
    event = one(events_of("Japan's prime minister apologised to South Korea on Tuesday for "
                          "the wartime forced labour."), "CONCEDE")
    assert countries(event.source) == {"JPN"}
    assert countries(event.target) == {"KOR"}
    assert "SUPPORT" not in {e.event_type for e in events_of(
        "The Dutch government offered a formal apology to Indonesia for its colonial-era "
        "killings.")}


def test_a_meeting_that_did_not_happen_is_negated_not_a_rejection() -> None:
    """docs/annotation.md: "did not meet" is CONSULT negated; only a refusal is REJECT."""
    events = events_of("The joint commission of Armenia and Azerbaijan has not met since 2021, "
                       "officials in Baku said.")
    assert "REJECT" not in {e.event_type for e in events}
    refused = events_of("Azerbaijan refused to meet Armenian negotiators in Brussels on Monday.")
    assert "REJECT" in {e.event_type for e in refused if e.factual}


def test_a_statement_accusing_reports_the_accusation() -> None:
    """A participle on a statement noun says what was said; on other nouns ("a law
    recognizing the results") it describes."""
    events = events_of("The rebel group issued a statement on Sunday accusing government "
                       "forces of shelling the camp.")
    assert "ACCUSE" in {e.event_type for e in events if e.factual}


def asserted_types(text: str, learned: bool = False) -> set[str]:
    return {e.event_type for e in asserted(events_of(text, learned=learned))}


@pytest.mark.parametrize(("text", "expected", "not_expected"), [
    ("The army declared a temporary ceasefire in the eastern provinces on Friday.", "CONCEDE",
     "RETREAT"),
    ("The junta pardoned 300 political prisoners on Thursday.", "RETREAT", "CONCEDE"),
    ("The European Union released 2 million euros in emergency funding for flood victims "
     "in Libya.", "AID", "RETREAT"),
    ("Spain sent 56 rescuers and four sniffer dogs to Morocco on Sunday.", "AID", "MOBILIZE"),
    ("The army said it had sent 1,200 more troops to the northern province.", "MOBILIZE",
     "AID"),
    ("The United States withdrew from the nuclear agreement with Iran in 2018.", "SANCTION",
     "RETREAT"),
    ("Ecuador has handed over 14 suspects to the United States since January.", "COOPERATE",
     "AID"),
    ("Swiss doctors handed over 700 kilograms of medicine to the Red Crescent in Bam.", "AID",
     "COOPERATE"),
])
def test_carried_out_concessions_and_aid(text: str, expected: str, not_expected: str) -> None:
    """A pardon is a release (RETREAT) and declaring a ceasefire a concession, released funds
    are aid, troops sent are mobilised, leaving a treaty is a sanction and handing suspects
    over is cooperation (docs/annotation.md)."""
    types = asserted_types(text)
    assert expected in types
    assert not_expected not in types


def test_ground_under_a_groups_control_makes_that_group_the_target() -> None:
    """Coders take whoever holds the ground attacked as the target ("a village under the
    control of", "held by", "-controlled")."""
    offensive = one(events_of("Government troops launched an offensive near Hama on Sunday, "
                              "targeting the village of Kafr Zita, which is under the control "
                              "of Jaysh al-Izza."), "ASSAULT")
    assert [a.text for a in offensive.target] == ["Jaysh al-Izza"]
    assert countries(offensive.target) == {"SYR"}
    stormed = one(events_of("Kurdish fighters stormed a district of Hasakah held by the Syrian "
                            "army on Tuesday."), "ASSAULT")
    assert countries(stormed.target) == {"SYR"}
    assert [a.sector for a in stormed.target] == ["MIL"]


def test_a_town_captured_from_a_state_makes_the_state_the_target() -> None:
    event = one(events_of("In 1967 Israel captured the Golan Heights and several villages from "
                          "Syria."), "ASSAULT")
    assert countries(event.source) == {"ISR"}
    assert countries(event.target) == {"SYR"}
    ruled = one(events_of("Israeli forces captured the old city of Hebron from Jordanian rule "
                          "in the 1967 war."), "ASSAULT")
    assert countries(ruled.target) == {"JOR"}


def test_fighters_of_a_stateless_group_do_not_take_the_country_of_the_battle() -> None:
    """ISIS has no country (docs/annotation.md, 4); its fighters are its own, not Syria's."""
    event = one(events_of("Twelve fighters of the Islamic State were killed near Raqqa on "
                          "Monday in clashes with the Syrian Democratic Forces."), "ASSAULT")
    assert event.target and not countries(event.target)
    placed = one(events_of("Four fighters of Hamas were killed in an Israeli air strike on a "
                           "house in Rafah."), "ASSAULT")
    assert countries(placed.target) == {"PSE"}


def test_the_fire_of_an_armed_group_names_who_struck() -> None:
    event = one(events_of("Three children were killed in the Sheikh Maqsoud district of Aleppo "
                          "under the mortar fire of Nusra militants."), "ASSAULT")
    assert countries(event.source) == {"SYR"}
    assert [a.sector for a in event.source] == ["REB"]


def test_the_sides_of_a_conflict_name_who_struck() -> None:
    event = one(events_of("At least twenty people were killed in Mali last month during the "
                          "conflict between the army and Tuareg rebels."), "ASSAULT")
    assert event.source and countries(event.source) == {"MLI"}
    assert "rebels" in " ".join(a.text for a in event.source)


def test_a_regime_attack_is_carried_out_by_the_regime() -> None:
    event = one(events_of("Opposition activists said the regime attack on Douma killed eight "
                          "people in Syria on Friday."), "ASSAULT")
    assert [a.sector for a in event.source] == ["GOV"]


def test_two_named_groups_of_one_country_are_two_sides() -> None:
    event = one(events_of("Three fighters from al-Nusra Front were killed in clashes with the "
                          "Kurdish fighters of the People's Protection Units (YPG) in Hasakah."),
                "ASSAULT")
    assert countries(event.source) == {"SYR"}
    assert "Nusra" in " ".join(a.text for a in event.target)


@pytest.mark.parametrize(
    ("text", "event_type", "source", "target"),
    [
        # a participle after its noun is a passive with the noun as its patient
        ("Pakistani police on Monday released Ahmed Karimi, a Canadian doctor accused by "
         "India of spying for Beijing.", "ACCUSE", "IND", "CAN"),
        ("Aid workers recovered the bodies of three Kenyan police officers killed by "
         "al-Shabaab fighters near Lamu.", "ASSAULT", "SOM", "KEN"),
        # a participle joined to a passive shares its agent
        ("The Japanese engineer was captured by Malian soldiers near Gao and extradited to "
         "France on Friday.", "COOPERATE", "MLI", "FRA"),
    ],
)
def test_a_passive_without_its_auxiliary_keeps_its_roles(
    text: str, event_type: str, source: str, target: str
) -> None:
    event = one(events_of(text), event_type)
    assert countries(event.source) == {source}
    assert countries(event.target) == {target}


def test_a_main_verb_hung_on_its_subject_is_not_read_as_a_passive() -> None:
    """The parser can take "called" after a long subject for a participle ("a man called
    Ali"); read as a passive, the Red Cross would be asked instead of asking."""
    request = one(events_of(
        "The Red Cross, which ran the exchange, called on both sides to treat the prisoners "
        "humanely."), "REQUEST")
    assert countries(request.source) == {"ICRC"}
    assert countries(request.target) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Police fired tear gas at supporters of the Awami League on Sunday.",
        "Riot police clashed with members of the Muslim Brotherhood after Friday prayers.",
    ],
)
def test_a_named_group_of_the_sentence_places_its_local_actors(text: str) -> None:
    """No place is named, but the party the police face is of one country: the police are
    that country's."""
    event = one(events_of(text), "ASSAULT")
    assert countries(event.source) == countries(event.target) != set()


def test_a_protest_for_and_against_someone_is_aimed_at_them() -> None:
    protest = one(events_of(
        "Thousands of Malians demonstrated in Bamako for and against the military junta on "
        "Friday."), "PROTEST")
    assert [a.text for a in protest.target] == ["the military junta"]


@pytest.mark.parametrize(("text", "expected", "not_expected"), [
    ("The government promised to send food and medicine to the flooded districts.", "AGREE",
     "THREATEN"),
    ("The Shabaab militia vowed to attack African Union bases across southern Somalia.",
     "THREATEN", "AGREE"),
    ("The militia commander vowed to retake the port city from government forces.",
     "THREATEN", "AGREE"),
    ("The interior minister vowed that those behind the bombing would be hunted down.",
     "THREATEN", "AGREE"),
    ("The Japanese government vowed to help Turkey rebuild the towns hit by the earthquake.",
     "AGREE", "THREATEN"),
])
def test_a_promise_is_typed_by_what_is_promised(
    text: str, expected: str, not_expected: str
) -> None:
    """A vow or promise of a blow is a threat (docs/annotation.md, 3), and so is a vow of
    anything but help; a promise of help stays AGREE."""
    types = asserted_types(text)
    assert expected in types
    assert not_expected not in types


@pytest.mark.parametrize(("text", "expected", "not_expected"), [
    ("Uzbekistan reopened the Friendship Bridge to Afghan traffic on Tuesday.", "RETREAT",
     None),
    ("Japan announced an emergency grant of $2 million to Malawi on Monday.", "AID", None),
    ("Turkey dispatched food and medicine to the flood-hit province on Friday.", "AID",
     "MOBILIZE"),
    ("The Indian and French navies held joint drills in the Arabian Sea on Monday.",
     "COOPERATE", None),
    ("Iran halted all flights to Baghdad on Sunday.", "SANCTION", None),
    ("The government suspended the broadcaster's licence for 30 days.", "SANCTION", None),
    ("The ruling party suspended two lawmakers over their remarks about the protesters.",
     "SANCTION", None),
    ("The army seized power in a coup on Wednesday.", "ASSAULT", "COERCE"),
    ("Health authorities warned residents to boil their drinking water.", "REQUEST",
     "THREATEN"),
    ("The governor commuted the death sentences of twelve prisoners on Friday.", "RETREAT",
     "SANCTION"),
    ("Under the treaty, Ecuador ceded the disputed strip of jungle to Peru.", "RETREAT", None),
])
def test_aid_access_drills_suspensions_and_coups_in_their_usual_words(
    text: str, expected: str, not_expected: str | None
) -> None:
    """A reopened bridge gives access (RETREAT), a grant or relief dispatched is aid, joint
    drills are cooperation, halted flights and suspended licences or officials are sanctions,
    seizing power is a blow, not a seizure of goods, warning the public to do something is
    advice, not a threat, and a commuted sentence or ceded land a material concession
    (docs/annotation.md, 3)."""
    types = asserted_types(text)
    assert expected in types
    assert not_expected not in types


@pytest.mark.parametrize(("text", "expected"), [
    ("A court in Tehran sentenced the French teacher to eight years in prison on Tuesday.",
     "SANCTION"),
    ("A revolutionary court found the protester guilty of waging war against God.",
     "SANCTION"),
    ("Two Latvian diplomats were declared persona non grata by the Russian foreign ministry.",
     "SANCTION"),
    ("South Korea's parliament impeached the prime minister on Friday.", "SANCTION"),
    ("The Guyanese government put its defence forces on high alert after the referendum.",
     "MOBILIZE"),
    ("The Thai army said it had stepped up patrols along the Moei river after the fighting.",
     "MOBILIZE"),
    ("The Syrian army has been building up its forces in the Ghab plain for weeks.",
     "MOBILIZE"),
    ("Palestinian police took up positions at the western end of the coastal road.",
     "MOBILIZE"),
    ("Three members of the gang handed themselves in and confessed to the bombing.",
     "CONCEDE"),
    ("Algeria opened its airspace to relief flights bound for Morocco on Saturday.", "RETREAT"),
    ("Moroccan soldiers were distributing water and blankets in Al Haouz province.", "AID"),
    ("Philippine and Malaysian navy vessels are patrolling the Sulu Sea after the kidnapping.",
     "MOBILIZE"),
    ("Qatar brokered a ceasefire between Congo and the M23 rebels in July.", "CONSULT"),
    ("The Czech parliament voted for the resolution on Ukraine on Tuesday.", "SUPPORT"),
])
def test_sanctions_mobilisations_and_concessions_told_in_other_words(
    text: str, expected: str
) -> None:
    """The codebook's acts in the words reporters use for them (docs/annotation.md, 3):
    sentencing and convicting are SANCTION, forces put on alert or moved up MOBILIZE, a
    confession CONCEDE, airspace opened RETREAT access, relief handed out AID."""
    assert expected in asserted_types(text)


def test_a_verdict_in_other_words_is_no_sanction() -> None:
    """"found" and "declared" sanction only with their verdict."""
    types = asserted_types("Investigators found the wreckage of the helicopter near Mosul.")
    assert "SANCTION" not in types
    assert "SANCTION" not in asserted_types("Kenya declared three days of national mourning.")
    assert "MOBILIZE" not in asserted_types("The ministry put the new rules on its website.")


@pytest.mark.parametrize(("text", "expected"), [
    ("The former soldier pleaded guilty on Monday to two charges of conspiracy.",
     "CONCEDE"),
    ("The Canadian defence department offers its condolences to the families of the dead.",
     "SUPPORT"),
    ("The ADF moved to eastern Congo in the 1990s and pledged allegiance to Islamic State in "
     "2019.", "SUPPORT"),
])
def test_concessions_and_support_in_set_phrases(text: str, expected: str) -> None:
    """Pleading guilty concedes; condolences and allegiance are SUPPORT
    (docs/annotation.md, 3)."""
    assert expected in asserted_types(text)


def test_a_visit_or_call_that_other_news_happens_at_is_a_consultation() -> None:
    """"during his state visit", "in a telephone call": the visit and the call are events of
    their own beside what was done at them."""
    found = events_of("Uzbek President Shavkat Mirziyoyev signed a border treaty in Astana "
                      "during his first state visit to Kazakhstan.")
    assert {"SUPPORT", "CONSULT"} <= {e.event_type for e in found if e.factual}
    called = events_of("Turkish President Recep Tayyip Erdogan congratulated Azerbaijani "
                       "President Ilham Aliyev in a telephone call on Thursday.")
    assert {"SUPPORT", "CONSULT"} <= {e.event_type for e in called if e.factual}
    assert "CONSULT" not in asserted_types("Two hikers were hurt during a school visit to the "
                                           "museum on Friday.")


@pytest.mark.parametrize(("text", "event_type"), [
    ("The ministry would not say whether troops had detained the two journalists.", "COERCE"),
    ("It was not clear whether the rebels had shelled the market in Goma.", "ASSAULT"),
    ("The junta denied that its aircraft had bombed the village of Pa Zi Gyi.", "ASSAULT"),
    ("The army denied that soldiers had shot the protesters outside the parliament.", "ASSAULT"),
    ("Villagers fled across the border in fear of being abducted by the militia.", "ASSAULT"),
    ("Hundreds of families left Kidal, fearing reprisals by the army.", "ASSAULT"),
])
def test_acts_asked_about_denied_or_feared_are_not_reported_as_fact(
    text: str, event_type: str
) -> None:
    assert all(e.event_type != event_type for e in asserted(events_of(text)))


@pytest.mark.parametrize("text", [
    "Moscow warned that it would take countermeasures if NATO deployed troops near its borders.",
    "The president warned that any drone entering the country's airspace would be shot down.",
])
def test_a_warning_of_force_is_still_a_threat(text: str) -> None:
    assert one(asserted(events_of(text)), "THREATEN")


def test_an_act_no_longer_done_done_to_no_one_or_set_to_be_done_is_not_asserted() -> None:
    stopped = one(events_of("American troops no longer patrol the streets of Tikrit."),
                  "MOBILIZE")
    assert stopped.negated
    planned = events_of("The seized weapons are set to be destroyed at a depot near Goma.")
    assert all(e.event_type != "ASSAULT" for e in asserted(planned))
    for text in ("No suspects have been arrested, according to the police in Florencia.",
                 "Nobody has been detained over the attack on the convoy."):
        assert all(e.event_type != "COERCE" for e in asserted(events_of(text)))
    set_fire = events_of("Militants set fire to a school in Borno state on Tuesday.")
    assert asserted(set_fire)


@pytest.mark.parametrize(("text", "etype"), [
    ("Not every opposition party in Lusaka welcomed the new electoral law.", "SUPPORT"),
    ("Nobody attacked the aid convoy on its way back to Juba.", "ASSAULT"),
    ("Not all European governments endorsed the proposal at the Geneva meeting.", "SUPPORT"),
])
def test_an_act_whose_subject_names_no_one_or_not_all_is_not_asserted(
    text: str, etype: str
) -> None:
    coded = events_of(text)
    assert any(e.event_type == etype for e in coded)
    assert all(e.event_type != etype for e in asserted(coded))


@pytest.mark.parametrize(("text", "charge"), [
    ("Police in Pune arrested a 34-year-old man on Friday for allegedly stabbing his neighbour.",
     "ASSAULT"),
    ("A court in Urumqi convicted two men of attacking a police station and sentenced them to "
     "life in prison.", "ASSAULT"),
    ("Several men accused of looting shops in Durban were shown on state television.", "ACCUSE"),
])
@pytest.mark.parametrize("learned", [False, True], ids=["rules", "hybrid"])
def test_the_act_someone_is_held_or_tried_for_is_the_charge_not_news(
    text: str, charge: str, learned: bool
) -> None:
    assert all(e.event_type != charge for e in asserted(events_of(text, learned=learned)))


def test_the_same_acts_told_as_fact_stay_asserted() -> None:
    attacked = events_of("Gunmen attacked a police station in Kashgar on Sunday, and police "
                         "arrested four suspects.")
    assert {"ASSAULT", "COERCE"} <= {e.event_type for e in asserted(attacked)}
    assert one(asserted(events_of("Troops detained the two journalists in Bamako on Monday.")),
               "COERCE")
    assert one(asserted(events_of("Soldiers shot three protesters outside the parliament.")),
               "ASSAULT")


@pytest.mark.parametrize(("text", "etype"), [
    ("Soldiers found instructions on how to burn villages held by the rebels.", "ASSAULT"),
    ("Rebels in Kivu hand out leaflets on how to execute prisoners.", "ASSAULT"),
    ("The farmers wanted to march on the ministry and to protest the new levy.", "PROTEST"),
    ("The militia was formed to guard the villages and to attack army convoys on the "
     "highway.", "ASSAULT"),
    ("Hundreds of lawyers wrote to the chief justice to protest the ruling.", "PROTEST"),
    ("The mayor said the city would not allow armed militias to patrol its streets.",
     "MOBILIZE"),
    ("The nurse met a reporter at a strike she had organized to protest low wages.",
     "PROTEST"),
    ("The lawyers formed a society to defend the poor and to protest abuses by the police.",
     "PROTEST"),
])
@pytest.mark.parametrize("learned", [False, True], ids=["rules", "hybrid"])
def test_a_way_a_wish_or_an_aim_is_no_deed(text: str, etype: str, learned: bool) -> None:
    """ "how to burn", "wanted to march", a second "and to" clause of an aim, a letter
    written to protest, a patrol not allowed: no act done."""
    assert all(e.event_type != etype for e in asserted(events_of(text, learned=learned)))


@pytest.mark.parametrize("learned", [False, True], ids=["rules", "hybrid"])
def test_the_same_words_in_their_political_sense_still_code(learned: bool) -> None:
    for text, etype in (
        ("Police shot and killed two gunmen who attacked a checkpoint near Mosul.", "ASSAULT"),
        ("Riot police beat the protesters with batons outside the parliament.", "ASSAULT"),
        ("Rebels captured the town of Kidal on Sunday.", "ASSAULT"),
        ("Hundreds of farmers marched on the ministry in Accra on Monday.", "PROTEST"),
        ("Thousands gathered outside the parliament in Accra to protest the new fuel tax.",
         "PROTEST"),
        ("The junta said it would not allow anyone to meddle in its affairs and rejected calls "
         "to free the detained ministers.", "REJECT"),
    ):
        assert etype in {e.event_type for e in asserted(events_of(text, learned=learned))}, text


@pytest.mark.parametrize("learned", [False, True], ids=["rules", "hybrid"])
@pytest.mark.parametrize("text", [
    "Farmers near the spill are preparing to sue the oil company in a Texas court.",
    "A banker about to be charged by prosecutors in Milan died on Sunday.",
])
def test_an_act_being_prepared_is_not_asserted(text: str, learned: bool) -> None:
    """ "preparing to sue", "about to be charged": what has not yet been done."""
    events = events_of(text, learned=learned)
    assert one(events, "ACCUSE").hypothetical


@pytest.mark.parametrize("text", [
    "Hundreds of farmers took to the streets of Lyon, angered by their exclusion from the "
    "forthcoming Geneva talks on trade.",
    "Thousands of farmers marched through Brussels to protest at next week's summit of "
    "European leaders.",
])
def test_an_event_noun_still_to_come_is_not_asserted(text: str) -> None:
    """ "the forthcoming talks", "next week's summit": a meeting to come, not news of one."""
    assert all(not e.factual for e in events_of(text) if e.event_type == "CONSULT")


def test_a_visit_on_whose_eve_people_march_is_hypothetical() -> None:
    """ "on the eve of a visit": the visit is to come, coded hypothetical (as the guidelines
    code a scheduled visit)."""
    events = events_of("Hundreds of students demonstrated in Leipzig on the eve of a visit by "
                       "Chinese Premier Li Qiang.")
    visits = [e for e in events if e.event_type == "CONSULT"]
    assert visits and all(e.hypothetical for e in visits)


def test_a_blow_the_reporter_foresees_is_a_plan_and_one_the_actor_announces_a_threat() -> None:
    foreseen = events_of("In the coming days, the army will launch another offensive on the "
                         "rebel-held town of Saraqib.")
    assert all(e.event_type != "THREATEN" for e in foreseen)
    assert all(e.hypothetical for e in foreseen if e.event_type == "ASSAULT")
    announced = events_of("Turkish Defence Minister Hulusi Akar said Turkey would strike the "
                          "militants' camps in northern Iraq if the attacks continued.",
                          learned=False)
    assert not one(announced, "THREATEN").hypothetical


@pytest.mark.parametrize("learned", [False, True], ids=["rules", "hybrid"])
def test_soldiers_or_aid_workers_captured_by_no_one_named_are_taken_hostage(
    learned: bool
) -> None:
    for text in ("Two soldiers were captured during an ambush near the border on Sunday.",
                 "Four aid workers were captured in the province of Ghazni on Friday."):
        events = events_of(text, learned=learned)
        assert one(events, "ASSAULT").trigger == "captured"
        assert all(e.event_type != "COERCE" for e in events)
    suspects = events_of("Three suspects were captured in a raid on a warehouse in Izmir.",
                         learned=learned)
    assert all(e.event_type != "ASSAULT" for e in suspects)


@pytest.mark.parametrize("learned", [False, True], ids=["rules", "hybrid"])
def test_protests_in_several_listed_places_are_one_event_per_place(learned: bool) -> None:
    text = ("Thousands of dock workers protested in Valencia and in the port city of Bilbao "
            "on Tuesday against the privatisation plan.")
    protests = [e for e in events_of(text, learned=learned) if e.event_type == "PROTEST"]
    assert [e.location.name if e.location else None for e in protests] == ["Valencia", "Bilbao"]
    assert len({e.event_id for e in protests}) == 2
    single = events_of("Hundreds of students protested in Lyon against the fee rise.",
                       learned=learned)
    assert len([e for e in single if e.event_type == "PROTEST"]) == 1


@pytest.mark.parametrize("learned", [False, True], ids=["rules", "hybrid"])
def test_a_place_in_what_a_protest_is_against_gives_way_to_the_dateline(learned: bool) -> None:
    """The region the protested policy concerns is its topic; the protest was at the
    dateline."""
    text = ("NAIROBI – Dozens of students gathered outside the embassy on Monday to protest "
            "against the government's policy in the Middle East.")
    protest = one(events_of(text, learned=learned), "PROTEST")
    assert protest.location is not None and protest.location.name == "Nairobi"


def test_one_operation_over_two_listed_towns_stays_one_event() -> None:
    events = events_of("Government troops captured the towns of Kidal and Tessalit on Sunday.")
    assert len([e for e in events if e.event_type in ("ASSAULT", "COERCE")]) == 1


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a "by" the parser takes for a plain preposition
        ("On Tuesday, a district judge was shot twice in the chest by soldiers riding a truck "
         "in Kandahar province's main city.", "AFG"),
        # a when-clause read as a relative clause of the date or of the place before it
        ("After a long search, Dumont was shot dead Oct. 3 when Belgian commandos closed in on "
         "him at a farm outside Liege.", "BEL"),
        ("About 40 villagers were killed on Friday in a Nigerian border town with Chad, Dikwa, "
         "when Boko Haram fighters rode into the market on motorbikes.", "NGA"),
        # the agent hung on the wounded of a report of dead and wounded
        ("At least six pro-government fighters were killed and nine others injured under "
         "rockets fired by the Houthi rebels in Taiz.", "YEM"),
        ("At least five shoppers were reportedly killed and many others hurt on Sunday, due to "
         "a shelling by the Syrian army on a market in Idlib.", "SYR"),
    ],
)
def test_a_passive_report_finds_who_struck_where_the_parser_hides_it(
    text: str, source: str
) -> None:
    killing = one(asserted(events_of(text)), "ASSAULT")
    assert countries(killing.source) == {source}


def test_a_town_before_a_far_attack_noun_is_not_who_struck() -> None:
    text = ("A Canadian soldier was killed by a roadside explosive during the third week of "
            "the Kandahar offensive.")
    killing = one(asserted(events_of(text)), "ASSAULT")
    assert killing.source == []


def test_a_named_attacker_the_tables_do_not_know_takes_the_scene_country() -> None:
    text = "Khaled Mansour shot dead two policemen in Amman on Monday."
    stabbing = one(asserted(events_of(text)), "ASSAULT")
    assert countries(stabbing.source) == {"JOR"}


def test_a_raid_within_which_the_agent_struck_is_the_agents() -> None:
    text = "He was shot dead by Turkish troops during a raid on a farmhouse in Hakkari province."
    raid = one(asserted(events_of(text)), "COERCE")
    assert raid.trigger == "raid"
    assert countries(raid.source) == {"TUR"}


def test_an_operation_in_an_according_to_phrase_is_not_the_reports() -> None:
    text = ("Some 40 foreign soldiers were deployed in Guinea, a country where a decade of unrest "
            "has left clinics unable to cope, according to Anne Moreau, head of MSF's emergency "
            "operations.")
    deployment = one(events_of(text), "MOBILIZE")
    assert [a.text for a in deployment.source] == ["Some 40 foreign soldiers"]


@pytest.mark.parametrize("text, target", [
    ("Rebel fighters captured the hilltop village of Kfar Nabl after fierce clashes with Syrian "
     "troops on Sunday.", "SYR"),
    ("The militia stormed the northern district of the town, resulting in a heavy battle with "
     "the Iraqi army.", "IRQ"),
    ("The insurgents launched an offensive on the airport after a long artillery exchange with "
     "Turkish army units.", "TUR"),
])
def test_the_other_side_of_the_fight_an_attack_came_with_is_its_target(
    text: str, target: str
) -> None:
    event = one(events_of(text), "ASSAULT")
    assert countries(event.target) == {target}


def test_a_side_fought_beside_the_attack_is_no_target_when_the_attack_names_one() -> None:
    """The fight's other side is a last resort: what the verb itself strikes comes first."""
    event = one(events_of("Police arrested 12 protesters in Lagos after clashes with rival "
                          "Ghanaian traders."), "COERCE")
    assert [a.text for a in event.target] == ["12 protesters"]
    assert countries(event.target) == {"NGA"}


@pytest.mark.parametrize("text, target", [
    ("A suicide bomber detonated his vest at a market in Kirkuk and killed at least ten "
     "others.", "IRQ"),
    ("A landmine explosion tore through a minibus in Kandahar province and killed six members "
     "of one family.", "AFG"),
    ("Insurgents set off a bomb near a bus station in Pattani, killing eight people.", "THA"),
])
def test_whom_a_blasts_killing_clause_names_are_its_victims(text: str, target: str) -> None:
    """Numbers and plain nouns killed are people of the place where the blast went off."""
    event = one(events_of(text), "ASSAULT")
    assert countries(event.target) == {target}
    assert {a.sector for a in event.target} == {"CVL"}


def test_a_blast_is_aimed_at_whom_its_when_clause_says_passed_by() -> None:
    event = one(events_of("A roadside bomb was detonated in Kandahar when an Afghan army "
                          "convoy passed by."), "ASSAULT")
    assert [(a.sector, a.country) for a in event.target] == [("MIL", "AFG")]


@pytest.mark.parametrize("text, target", [
    ("Several thousand students marched through Khartoum on Friday, chanting anti-Israeli "
     "slogans.", "ISR"),
    ("Up to 20,000 anti-Bush protesters marched to Trafalgar Square in central London.",
     "USA"),
    ("Anti-government protesters marched through the centre of Bangkok on Sunday.", "THA"),
])
def test_a_march_is_against_whom_its_anti_words_name(text: str, target: str) -> None:
    event = one(events_of(text), "PROTEST")
    assert countries(event.target) == {target}


@pytest.mark.parametrize("text, target, country", [
    ("About 400 farmers demonstrated outside the governor's residence in Nakuru on Tuesday.",
     "the governor", "KEN"),
    ("Hundreds of students rallied in Accra on Friday against a government plan to raise fees.",
     "government", "GHA"),
])
def test_a_protest_is_aimed_at_the_owner_its_site_or_grievance_names(
    text: str, target: str, country: str
) -> None:
    event = one(events_of(text), "PROTEST")
    assert [(a.text, a.country) for a in event.target] == [(target, country)]


def test_an_anti_word_that_names_no_one_gives_no_target() -> None:
    event = one(events_of("Thousands of anti-war protesters marched through Rome on "
                          "Saturday."), "PROTEST")
    assert event.target == []


def test_whom_a_rally_supports_is_whom_it_is_addressed_to() -> None:
    event = one(events_of("Students demonstrated in the capital Dili in support of Bishop "
                          "Belo."), "PROTEST")
    assert [a.text for a in event.target] == ["Bishop Belo"]
    assert countries(event.target) == {"TLS"}


@pytest.mark.parametrize("text, event_type, target", [
    ("Some 5,000 Tamils demonstrated in Geneva against what they called Sri Lanka's policy of "
     "genocide.", "PROTEST", "LKA"),
    ("Thousands of Palestinians marched in Sanaa to protest what they called the genocide "
     "perpetrated by Israeli forces.", "PROTEST", "ISR"),
    ("The opposition denounced what it called Russia's occupation of Abkhazia.", "ACCUSE",
     "RUS"),
])
def test_what_a_speaker_calls_something_stands_for_that_thing(
    text: str, event_type: str, target: str
) -> None:
    """A free relative with a verb of naming ("what they called X") is aimed at X."""
    event = one(events_of(text), event_type)
    assert countries(event.target) == {target}


def test_whom_an_accusation_tells_of_is_its_target() -> None:
    event = one(events_of("Democrats shot back that Bush is not doing enough to get troops "
                          "out of Iraq."), "ACCUSE")
    assert countries(event.target) == {"USA"}


@pytest.mark.parametrize("text, target", [
    ("A Pakistani army convoy came under fire from Taliban gunmen near Wana on Monday.", "PAK"),
    ("The Kenyan civilians were travelling to Mandera when they came under attack on Sunday.",
     "KEN"),
])
def test_whoever_comes_under_an_attack_is_its_target_not_its_source(
    text: str, target: str
) -> None:
    event = one(events_of(text), "ASSAULT")
    assert countries(event.target) == {target}
    assert target not in countries(event.source)


@pytest.mark.parametrize("text, target", [
    ("A U.S. soldier captured in Iraq returned to her native Panama this week.", "USA"),
    ("Kyrgyzstan released four Tajik citizens detained during the 2022 border fighting.", "TJK"),
])
def test_people_a_participle_of_taking_follows_are_whom_it_took(text: str, target: str) -> None:
    """Not the place where they were taken ("captured in Iraq")."""
    event = one(events_of(text), "COERCE")
    assert countries(event.target) == {target}


@pytest.mark.parametrize("text, event_type, target", [
    ("The ELN delegation rejected a government proposal to gather its fighters in designated "
     "zones.", "REJECT", "COL"),
    ("The U.S. State Department denied a Mexican request for more river water.", "REJECT",
     "MEX"),
])
def test_whose_the_thing_acted_on_is_is_the_target(
    text: str, event_type: str, target: str
) -> None:
    event = one(events_of(text), event_type)
    assert countries(event.target) == {target}


def test_the_parts_of_a_name_are_no_owner() -> None:
    """ "Khamis" in "Khamis Sirhan al-Muhammad" is the man's name, not whose he is."""
    event = one(events_of("In Ramadi, U.S. troops captured Khamis Sirhan al-Muhammad, a former "
                          "regional Baath Party chairman."), "COERCE")
    assert "SYR" not in countries(event.target)


@pytest.mark.parametrize("text, target", [
    ("Around 1,000 people marched through the streets of Blantyre on Monday to demonstrate "
     "against President Bakili Muluzi's bid to stay in office.", "MWI"),
    ("Arab Israelis demonstrated in the village of Sahnin against the army's activity in the "
     "territories.", "ISR"),
])
def test_a_protest_against_an_act_is_against_whose_act_it_is(text: str, target: str) -> None:
    event = one(events_of(text), "PROTEST")
    assert countries(event.target) == {target}


@pytest.mark.parametrize(("text", "event_type", "source"), [
    ("Ethiopian troops guard the dam under a 2015 accord signed by Egypt and Sudan.", "SUPPORT",
     {"EGY", "SDN"}),
    ("Relief flights carried 3,000 tents provided by Turkey to the quake zone.", "AID", {"TUR"}),
    ("A truce between the two clans, mediated by Kenya, ended a week of fighting.", "CONSULT",
     {"KEN"}),
])
def test_a_participle_after_its_noun_is_done_by_its_by_phrase_not_the_noun(
    text: str, event_type: str, source: set[str]
) -> None:
    event = one(asserted(events_of(text)), event_type)
    assert countries(event.source) == source
    assert all(a.sector == "GOV" for a in event.source)


@pytest.mark.parametrize(("text", "event_type", "source"), [
    ("The Ethiopian army is reported to have arrested 40 students in Gondar.", "COERCE", "ETH"),
    ("The Israeli army was forced to release 30 Palestinian prisoners.", "RETREAT", "ISR"),
])
def test_who_is_said_or_forced_to_act_is_the_source(
    text: str, event_type: str, source: str
) -> None:
    event = one(asserted(events_of(text)), event_type)
    assert countries(event.source) == {source}


@pytest.mark.parametrize("learned", [True, False])
def test_a_subject_the_parser_hung_in_a_fronted_phrase_still_acts(learned: bool) -> None:
    # the parser reads the army as in apposition to the reporter's town
    text = ("According to a local reporter in Homs City, the Syrian Armed Forces and their "
            "allies have already captured the textile factories near the old market.")
    attack = one(asserted(events_of(text, learned=learned)), "ASSAULT")
    assert countries(attack.source) == {"SYR"}
    assert attack.source[0].sector == "MIL"


@pytest.mark.parametrize(("text", "source"), [
    # the parser reads the rebels as the subject of the participle after "by"
    ("At least 17 people were killed over the weekend by Ugandan rebels wielding machetes, "
     "spears and axes who raided a village in northern Congo, an aid worker said.", "UGA"),
    # the blow is a gerund, with its own "by" phrase
    ("Six civilians were killed and 11 others were wounded on Friday due to artillery "
     "shelling by forces loyal to President Bashar al-Assad on homes in Douma.", "SYR"),
])
def test_a_passive_report_finds_its_agent_behind_a_participle_or_a_gerund(
    text: str, source: str
) -> None:
    killing = one(asserted(events_of(text)), "ASSAULT")
    assert countries(killing.source) == {source}


def test_a_gerund_with_no_subject_is_done_by_its_by_phrase() -> None:
    text = "The students protested against destroying three Ivorian planes by French forces."
    destroying = next(e for e in asserted(events_of(text, learned=False))
                      if e.trigger == "destroying")
    assert countries(destroying.source) == {"FRA"}


def test_the_by_phrase_of_an_act_noun_hung_on_the_verb_is_the_acts() -> None:
    text = ("Opposition leader Abel Tesfaye said on Monday that more than 200 people had died "
            "in a weekend crackdown on his supporters by Ethiopian security forces.")
    crackdown = one(asserted(events_of(text)), "ASSAULT")
    assert countries(crackdown.source) == {"ETH"}


def test_a_participle_tagged_as_a_past_tense_is_still_passive_by_its_agent() -> None:
    text = ("Yossi Levy, an Israeli soldier captured three years ago by Gaza militants in a raid "
            "on a border post, was asked on Sunday to speak about his ordeal.")
    capture = one(asserted(events_of(text, learned=False)), "ASSAULT")
    assert countries(capture.source) == {"PSE"}
    assert countries(capture.target) == {"ISR"}


@pytest.mark.parametrize("learned", [True, False])
def test_what_is_done_in_addition_to_an_act_is_done_by_the_same_subject(learned: bool) -> None:
    text = ("In addition to bombing the bridge where the convoy stopped, Turkish forces also "
            "destroyed two depots that rebels were said to be using.")
    bombing = next(e for e in asserted(events_of(text, learned=learned))
                   if e.trigger == "bombing")
    assert countries(bombing.source) == {"TUR"}


@pytest.mark.parametrize("learned", [True, False])
def test_a_when_clause_hung_on_the_speech_verb_names_who_struck(learned: bool) -> None:
    text = ("At least 11 militants were killed and several others wounded in the eastern city of "
            "Deir ez-Zor, after Russian fighter jets conducted airstrikes on their positions on "
            "Monday, activists reported.")
    killing = next(e for e in asserted(events_of(text, learned=learned))
                   if e.trigger == "killed")
    assert countries(killing.source) == {"RUS"}


def test_a_force_deployed_with_no_agent_is_the_source_not_the_target() -> None:
    text = "Kenyan troops were deployed to the border town of Mandera on Friday."
    deployment = one(asserted(events_of(text)), "MOBILIZE")
    assert countries(deployment.source) == {"KEN"}
    assert deployment.target == []


@pytest.mark.parametrize(("text", "event_type", "source"), [
    ("Residents marched in Lima against the withdrawal of Peruvian troops from the border.",
     "RETREAT", "PER"),
    ("It was the first visit of the Indian prime minister to Moscow since 2019.", "CONSULT",
     "IND"),
])
def test_the_of_phrase_of_a_withdrawal_or_a_visit_is_its_doer(
    text: str, event_type: str, source: str
) -> None:
    event = one(asserted(events_of(text)), event_type)
    assert countries(event.source) == {source}


@pytest.mark.parametrize("text", [
    "Three soldiers were killed after being ambushed by Shabaab fighters near Kismayo.",
    "Nine villagers were killed and four others wounded by Shabaab fighters in Jilib on Sunday.",
])
def test_the_attacker_of_another_blow_in_one_passive_report_struck(text: str) -> None:
    killing = one(asserted(events_of(text)), "ASSAULT")
    assert killing.trigger == "killed"
    assert countries(killing.source) == {"SOM"}


def test_gunmen_suspected_to_be_members_of_a_group_are_the_groups() -> None:
    text = "Gunmen suspected to be members of Boko Haram killed twelve farmers near Maiduguri."
    killing = one(asserted(events_of(text)), "ASSAULT")
    assert countries(killing.source) == {"NGA"}
    assert killing.source[0].sector == "REB"


def test_fighters_loyal_to_a_movement_are_of_its_country_not_the_targets() -> None:
    text = "Fighters loyal to the Houthi movement shelled a Saudi border post."
    shelling = one(asserted(events_of(text)), "ASSAULT")
    assert countries(shelling.source) == {"YEM"}


def test_local_sources_of_an_article_take_the_country_it_is_about() -> None:
    text = ("Monsoon floods have killed 40 people in Bangladesh this week. Bangladesh's disaster "
            "agency said 200,000 people had fled their homes. Army helicopters dropped food to "
            "villages cut off by the water. On Thursday the government banned all river ferries "
            "until further notice.")
    ban = one(asserted(events_of(text)), "COERCE")
    assert countries(ban.source) == {"BGD"}


def test_a_sentence_alone_gives_its_local_sources_no_country_it_does_not_name() -> None:
    ban = one(asserted(events_of("On Thursday the government banned all river ferries.")),
              "COERCE")
    assert countries(ban.source) == set()


@pytest.mark.parametrize("learned", [False, True], ids=["rules", "hybrid"])
@pytest.mark.parametrize(("text", "expected", "not_expected"), [
    ("The opposition leader lambasted the finance minister over the new fuel tax on Monday.",
     "ACCUSE", "ASSAULT"),
    ("Lithuania objected to the Belarusian nuclear plant on its border.", "ACCUSE", None),
    ("The health ministry advised residents of the flooded districts to boil their water.",
     "REQUEST", None),
    ("The interior ministry warned that foreigners should leave the border area at once.",
     "REQUEST", "THREATEN"),
    ("The foreign ministry warned that Ankara would respond to any violation of its airspace.",
     "THREATEN", "REQUEST"),
    ("Vilnius downgraded diplomatic ties with Minsk after the expulsions.", "SANCTION", None),
    ("The army scaled back its operations in the northern hills on Tuesday.", "RETREAT", None),
    ("North Korea fired two ballistic missiles into the sea off its east coast on Sunday.",
     "MOBILIZE", "ASSAULT"),
    ("Pakistan tested a nuclear-capable cruise missile on Monday.", "MOBILIZE", "ASSAULT"),
    ("The rebels fired two ballistic missiles at the airbase near Marib on Sunday.",
     "ASSAULT", "MOBILIZE"),
])
def test_word_classes_of_blame_advice_and_de_escalation(
    text: str, expected: str, not_expected: str | None, learned: bool
) -> None:
    """Verbs of disapproval are ACCUSE, verbs that direct others and warnings of what others
    should do are REQUEST, a warning of what the speaker will do stays a threat, downgraded
    ties are a sanction, scaled-back operations a retreat, and a missile fired at no target
    or tested a show of force, not a blow (docs/annotation.md, 3)."""
    types = asserted_types(text, learned=learned)
    assert expected in types
    assert not_expected not in types


@pytest.mark.parametrize("text", [
    "Coastal villages were advised to stay indoors until the storm passed.",
    "Rescuers scaled back their search for survivors as night fell.",
    "The missiles were launched from a site near the capital shortly after dawn.",
])
def test_advice_from_no_one_and_a_scaled_back_search_are_no_event(text: str) -> None:
    """A notice that names no one who gives it is no actor's demand, a search scaled back is
    no retreat of forces, and missiles launched by no one named retell a launch told before."""
    assert not ({"REQUEST", "RETREAT", "MOBILIZE"} & asserted_types(text))


@pytest.mark.parametrize("learned", [False, True], ids=["rules", "hybrid"])
@pytest.mark.parametrize(("text", "expected", "source", "target"), [
    ("A judge in Quito ordered the arrest of the former mayor of Guayaquil on Monday.",
     "COERCE", set(), set()),
    ("The Sudanese general ordered his troops to withdraw from the town of Kadugli.",
     "RETREAT", {"SDN"}, set()),
    ("The Peruvian president ordered the army to secure the highways into Lima.",
     "MOBILIZE", {"PER"}, set()),
    ("Norway ordered three Iranian diplomats to leave the country within a week.",
     "SANCTION", {"NOR"}, {"IRN"}),
    ("The African Union ordered the Malian junta to free the detained ministers.",
     "REQUEST", {"AU"}, {"MLI"}),
])
def test_an_order_is_the_act_ordered(
    text: str, expected: str, source: set[str], target: set[str], learned: bool
) -> None:
    """An order is the act ordered, done by the one who orders: an arrest, a pull-back,
    forces sent out; diplomats ordered out are expelled; an order to those outside one's
    command is a demand (docs/annotation.md, 3)."""
    event = one(asserted(events_of(text, learned=learned)), expected)
    assert "order" in event.trigger
    assert source <= countries(event.source)
    assert target <= countries(event.target)


@pytest.mark.parametrize("text", [
    "The ministry ordered a report into the quality of the water supply.",
    "The government ordered all pigs in the province to be slaughtered.",
    "Togo gave shelter to hundreds of traders ordered out of Ghana last month.",
    "Mali opened its border today to most West African traders ordered out of Niger as "
    "illegal aliens, the police said.",
])
def test_an_order_of_no_act_is_no_event(text: str) -> None:
    """Ordering a report or a cull of animals orders no act between actors, and people
    described as ordered out are told of, not expelled in the sentence."""
    assert not {"SANCTION", "ASSAULT", "COERCE"} & asserted_types(text)


@pytest.mark.parametrize(("text", "expected", "not_expected"), [
    ("Army units captured four of the gang's couriers near the port on Tuesday.",
     "COERCE", "ASSAULT"),
    ("Two were captured near the border crossing on Sunday.", "COERCE", "ASSAULT"),
    ("Jorge Ramos of Honduras was captured in Miami on Monday.", "COERCE", "ASSAULT"),
    ("Syrian government forces captured the Qasimiya refugee camp on Friday.",
     "ASSAULT", "COERCE"),
    ("Aden, who grew up in Mogadishu, was captured by police in Nairobi on Friday.",
     "COERCE", "ASSAULT"),
    ("The fugitive was captured by Venezuelan police and handed over to Colombian "
     "authorities.", "COOPERATE", "AID"),
    ("He was seized by tribal fighters in the valley last year and handed over to Turkish "
     "police.", "COOPERATE", "AID"),
    ("Okafor was captured by militiamen in 2019 and turned over to the Nigerian army.",
     "COOPERATE", "AID"),
])
def test_captures_of_people_are_arrests_and_of_ground_blows(
    text: str, expected: str, not_expected: str
) -> None:
    """A capture of people counted ("four of the couriers") or of someone no captor is named
    for is an arrest; of a camp, a blow; a captive handed over to another state's police is
    cooperation (docs/annotation.md, rules added)."""
    types = asserted_types(text)
    assert expected in types
    assert not_expected not in types


@pytest.mark.parametrize("learned", [False, True], ids=["rules", "hybrid"])
@pytest.mark.parametrize("text", [
    "Thousands of nurses marched through Lagos on Monday demanding higher pay.",
    "Hundreds of farmers demonstrated outside the ministry in Lima to demand land reform.",
    "Hundreds of dock workers marched through the port city on Friday, waving banners and "
    "demanding higher wages.",
])
def test_what_a_protest_demands_is_the_protest(text: str, learned: bool) -> None:
    """A march that demands something is a protest, not a request besides it
    (docs/annotation.md, 3: REQUEST, not for protests that demand)."""
    types = asserted_types(text, learned=learned)
    assert "PROTEST" in types
    assert "REQUEST" not in types


@pytest.mark.parametrize("text", [
    "Backed by Turkish drones, the rebels began their assault on the town at dawn.",
    "Unknown gunmen killed a lawyer opposed to the new mining law in Quetta on Monday.",
    "The rebels, aided by foreign volunteers, took three villages on Sunday.",
])
def test_a_stance_told_as_a_description_is_no_event(text: str) -> None:
    """A bare participle that describes its noun or its clause's subject ("backed by
    drones", "opposed to the law", "aided by volunteers") names a standing tie or stance,
    not an act."""
    types = asserted_types(text)
    assert not ({"SUPPORT", "REJECT", "AID"} & types)


@pytest.mark.parametrize(("text", "posted"), [
    ("Artillery units stationed near the river shelled two villages on Monday.", False),
    ("The army stationed two brigades near the river on Monday.", True),
    ("Two brigades were stationed near the border on Monday.", True),
])
def test_a_unit_described_as_stationed_is_no_deployment(text: str, posted: bool) -> None:
    """ "Units stationed near the river" tells where a unit is posted, not a move; stationing
    told as the clause's act is one."""
    assert ("MOBILIZE" in asserted_types(text, learned=False)) is posted


@pytest.mark.parametrize(("text", "threat"), [
    ("Relief officials warned that the truce could be the last hope for the valley.", False),
    ("The health agency warned of a growing threat of cholera in the camps.", False),
    ("The Kremlin warned that it would retaliate against any strike on its bases.", True),
])
def test_a_warning_of_what_may_happen_is_no_threat(text: str, threat: bool) -> None:
    """A warning that tells what may come to pass is a prediction; one of what the speaker
    will do is a threat (docs/annotation.md, 3: THREATEN, not plain predictions)."""
    assert ("THREATEN" in asserted_types(text)) is threat


@pytest.mark.parametrize(("text", "expected", "not_expected"), [
    ("Chadian troops marched into the border town of Tine on Sunday.", "MOBILIZE", "PROTEST"),
    ("Rebel fighters struck at an army outpost near Goma overnight.", "ASSAULT", "PROTEST"),
    ("A coalition strike destroyed a weapons depot near Hodeidah.", "ASSAULT", "PROTEST"),
    ("Thousands of teachers marched through Nairobi on Monday.", "PROTEST", "MOBILIZE"),
])
def test_forces_march_and_strike_as_forces_do(
    text: str, expected: str, not_expected: str
) -> None:
    """Troops marching are deployed and fighters striking attack (docs/annotation.md, 3:
    MOBILIZE, ASSAULT); a march or a strike of civilians is a protest."""
    types = asserted_types(text)
    assert expected in types
    assert not_expected not in types


@pytest.mark.parametrize(("text", "expected", "not_expected"), [
    ("Before dawn the rebel fighters evacuated the town of Kidal.", "RETREAT", "AID"),
    ("The Nigerian air force delivered a heavy blow to the insurgents near Maiduguri.",
     None, "AID"),
])
def test_forces_that_evacuate_ground_withdraw_and_a_blow_delivered_is_no_aid(
    text: str, expected: str | None, not_expected: str
) -> None:
    """Forces evacuating a town pull out of it (RETREAT); a blow delivered is no delivery."""
    types = asserted_types(text)
    assert expected is None or expected in types
    assert not_expected not in types


@pytest.mark.parametrize(("text", "concede"), [
    ("The Dutch defence ministry admitted that its jets had hit a market in Hawija.", True),
    ("The minister was admitted to hospital in Accra on Monday.", False),
])
def test_admitting_a_deed_is_a_concession(text: str, concede: bool) -> None:
    """A state admitting a deed concedes it (docs/annotation.md, 3: admitting
    responsibility); a patient admitted to hospital is no event."""
    assert ("CONCEDE" in asserted_types(text)) is concede


@pytest.mark.parametrize(("text", "expected", "not_expected"), [
    ("The Greek foreign ministry protested the Turkish plan for the island on Monday.",
     "ACCUSE", "PROTEST"),
    ("Defence lawyers protested that the new rule gave the prosecution an unfair edge.",
     "ACCUSE", "PROTEST"),
    ("Thousands of nurses protested against the pay freeze in Lisbon on Monday.",
     "PROTEST", "ACCUSE"),
])
@pytest.mark.parametrize("learned", [False, True], ids=["rules", "hybrid"])
def test_a_protest_in_words_is_an_accusation(
    text: str, expected: str, not_expected: str, learned: bool
) -> None:
    """Statements of protest by governments are ACCUSE, and so is a protest that says what it
    objects to in a that-clause; a crowd's protest stays PROTEST (docs/annotation.md, 3)."""
    types = {e.event_type for e in asserted(events_of(text, learned=learned))}
    assert expected in types
    assert not_expected not in types


@pytest.mark.parametrize("learned", [False, True], ids=["rules", "hybrid"])
def test_a_visit_protested_is_a_visit_too(learned: bool) -> None:
    """ "protested the Chinese premier's visit": the visit is an act of its own (CONSULT),
    beside the protest; a visit welcomed is not a second meeting, and one cancelled none."""
    protested = asserted(events_of(
        "Several hundred students protested the Chinese premier's visit to Canberra on Friday.",
        learned=learned))
    assert {"PROTEST", "CONSULT"} <= {e.event_type for e in protested}
    welcomed = asserted(events_of(
        "The Kenyan foreign minister welcomed the Ugandan president's visit to Nairobi.",
        learned=learned))
    assert [e.event_type for e in welcomed].count("CONSULT") <= 1
    cancelled = asserted(events_of(
        "The Ghanaian government cancelled the Togolese minister's visit to Accra.",
        learned=learned))
    assert "CONSULT" not in {e.event_type for e in cancelled}


@pytest.mark.parametrize(("text", "expected"), [
    ("The health agency deployed a team of ten investigators to the farm in Iowa.", "ACCUSE"),
    ("The WHO deployed thirty experts to Luanda on Tuesday.", "AID"),
    ("The WHO dispatched epidemiologists to Luanda on Tuesday.", "AID"),
])
def test_experts_and_investigators_sent_are_no_troops(text: str, expected: str) -> None:
    """Sending experts is aid and sending investigators an investigation (docs/annotation.md,
    3: AID, ACCUSE), not a deployment of forces."""
    types = asserted_types(text)
    assert expected in types
    assert "MOBILIZE" not in types


@pytest.mark.parametrize("learned", [False, True], ids=["rules", "hybrid"])
def test_a_promise_and_a_delivery_joined_are_two_acts(learned: bool) -> None:
    """ "will send ... and has already sent": the second verb has its own tense, so it is a
    delivery done (AID asserted), not part of the promise."""
    events = events_of("The Japanese aid agency said it will provide tents and has already "
                       "provided 4,000 blankets to the province.", learned=learned)
    aid = [e for e in events if e.event_type == "AID"]
    assert aid and aid[0].realis == "asserted"


def test_a_march_to_protest_what_they_called_a_law_is_no_accusation() -> None:
    """ "to protest what they called ...": the clause names what is protested, not words
    said, so the crowd's protest stays PROTEST."""
    types = asserted_types(
        "Thousands of farmers marched in Accra on Friday to protest what they called the new "
        "land law.")
    assert "PROTEST" in types
    assert "ACCUSE" not in types


@pytest.mark.parametrize("text", [
    "Press freedom groups called the reporter's death a shocking blow to free speech.",
    "The Honduran trade minister called the import alert imprudent.",
])
def test_words_of_blame_in_a_naming_are_an_accusation(text: str) -> None:
    """Calling an act shocking or imprudent blames its author (ACCUSE disapprove)."""
    assert "ACCUSE" in asserted_types(text)


@pytest.mark.parametrize(("text", "source"), [
    ("The Dutch foreign ministry described the seizure of the tanker as unacceptable.", "NLD"),
    ("The Ugandan army attributed the ambush on the convoy to rebels of the ADF.", "UGA"),
    ("Officials in Kabul pointed the finger at Pakistan for the attack on the embassy.",
     "AFG"),
])
@pytest.mark.parametrize("learned", [False, True], ids=["rules", "hybrid"])
def test_describing_attributing_and_pointing_the_finger_are_accusations(
    text: str, source: str, learned: bool
) -> None:
    """Describing an act by a word of blame, putting an attack down to a side, and pointing
    the finger at one blame that side (ACCUSE disapprove)."""
    event = one(asserted(events_of(text, learned=learned)), "ACCUSE")
    assert countries(event.source) == {source}


@pytest.mark.parametrize("text", [
    "The two presidents met in Hanoi on a visit both governments described as a milestone in "
    "their ties.",
    "The finance minister described the new budget as a bold step towards growth.",
    "Doctors attributed the rise in cases to the cold weather.",
])
@pytest.mark.parametrize("learned", [False, True], ids=["rules", "hybrid"])
def test_describing_without_blame_or_attributing_a_trend_is_no_accusation(
    text: str, learned: bool
) -> None:
    """What a speaker describes as a milestone is praise, and a trend put down to the weather
    blames no one."""
    assert "ACCUSE" not in {e.event_type for e in asserted(events_of(text, learned=learned))}


@pytest.mark.parametrize(("text", "expected", "not_expected"), [
    ("The fugitive banker was arrested by Peruvian police in Lima and returned to Chile on "
     "Monday.", "COOPERATE", "RETREAT"),
    ("The gang leader was captured by Ecuadorian police in March and delivered to Colombian "
     "authorities.", "COOPERATE", None),
    ("The suspect was arrested by city police on Monday and transferred to a prison in the "
     "capital.", None, "COOPERATE"),
])
def test_a_captive_handed_to_another_state_is_an_extradition(
    text: str, expected: str | None, not_expected: str | None
) -> None:
    """One captured and returned or brought to another state is extradited (COOPERATE,
    docs/annotation.md, 3); one taken to a prison stays in one state's hands."""
    types = asserted_types(text)
    assert expected is None or expected in types
    assert not_expected is None or not_expected not in types


@pytest.mark.parametrize("learned", [False, True], ids=["rules", "hybrid"])
def test_a_government_cancelling_elections_coerces(learned: bool) -> None:
    """Cancelling or annulling an election restricts those who would vote or win (COERCE
    restrict), where cancelling a visit or a deal breaks off ties (SANCTION)."""
    events = asserted(events_of("Riots spread after the military government cancelled the "
                                "parliamentary elections in 1992.", learned=learned))
    assert "COERCE" in {e.event_type for e in events}
    assert "SANCTION" not in {e.event_type for e in events}


def test_we_in_quoted_speech_is_the_speakers_side() -> None:
    text = ('"We have captured twenty militants," Nigerian army spokesman Sani Usman said on '
            "Monday.")
    arrest = one(asserted(events_of(text)), "COERCE")
    assert countries(arrest.source) == {"NGA"}


def test_an_event_noun_counted_by_an_object_is_done_by_the_subject() -> None:
    text = "The Turkish army carried out a series of airstrikes on Kurdish positions in Iraq."
    strikes = one(asserted(events_of(text)), "ASSAULT")
    assert countries(strikes.source) == {"TUR"}


def test_a_progressive_read_as_a_modifier_of_its_object_keeps_its_subject() -> None:
    text = "The Kenyan soldiers are now patrolling farms near Nakuru."
    patrol = one(events_of(text), "MOBILIZE")
    assert countries(patrol.source) == {"KEN"}


def test_whose_custody_someone_is_held_in_holds_them() -> None:
    text = "The militant was captured in March and is being held in Kenyan custody."
    capture = one(asserted(events_of(text)), "COERCE")
    assert countries(capture.source) == {"KEN"}


def test_the_police_reporting_an_arrest_made_it() -> None:
    arrest = one(asserted(events_of("Kenyan police said two men were arrested in Mombasa.")),
                 "COERCE")
    assert countries(arrest.source) == {"KEN"}


def test_an_army_reporting_its_own_dead_names_no_attacker() -> None:
    text = "The Nigerian army said five soldiers were killed in the raid."
    killing = one(asserted(events_of(text)), "ASSAULT")
    assert killing.source == []


def test_who_took_part_in_an_attack_is_its_source() -> None:
    text = "Danish warplanes were involved in an airstrike on rebel positions near Raqqa on Sunday."
    strike = one(asserted(events_of(text)), "ASSAULT")
    assert countries(strike.source) == {"DNK"}


@pytest.mark.parametrize("text", [
    "The family believes the activist was killed by police in Harare.",
    "We believe the commander was murdered by his own guards.",
    "Armed villagers rushed out of their homes, thinking they had been invaded by rebels.",
])
@pytest.mark.parametrize("learned", [False, True], ids=["rules", "hybrid"])
def test_an_act_someone_believes_happened_is_not_asserted(text: str, learned: bool) -> None:
    """A belief is an opinion of what may have happened, not a report of it."""
    assert not [e for e in asserted(events_of(text, learned=learned))
                if e.event_type == "ASSAULT"]


def test_a_belief_wished_on_others_or_a_passive_leaves_the_act_told_as_fact() -> None:
    assert one(asserted(events_of(
        "It would have been hard to get observers in Europe to believe that he had bombed "
        "Belgrade in order to force concessions.")), "ASSAULT")
    assert one(asserted(events_of(
        "The former governor has been accused of stealing up to $20 million in state funds, "
        "much of it believed to have been moved abroad, by the new administration.")), "ACCUSE")


@pytest.mark.parametrize(("text", "expected"), [
    ("The Chilean government expressed support for the Peruvian president on Monday.",
     "SUPPORT"),
    ("Farmers' unions voiced their backing for the new land law.", "SUPPORT"),
    ("Health officials in Oregon recommend that all pupils get a second measles dose.",
     "REQUEST"),
    ("Nine states have issued advisories for pregnant women against eating river fish.",
     "REQUEST"),
])
def test_backing_voiced_and_advice_given(text: str, expected: str) -> None:
    """Support expressed or voiced is SUPPORT; advice of authorities to the public,
    recommended or issued as an advisory, is REQUEST (docs/annotation.md, 3 and open
    questions)."""
    assert expected in asserted_types(text)


def test_a_standing_recommendation_is_no_request() -> None:
    """ "as recommended" names no one who advises."""
    text = "As recommended for people over sixty, he had a flu shot in October."
    assert "REQUEST" not in asserted_types(text)


@pytest.mark.parametrize("learned", [True, False])
def test_lifting_a_curfew_is_a_carried_out_retreat(learned: bool) -> None:
    events = asserted(events_of("Authorities in Colombo lifted the night curfew on Sunday.",
                                learned=learned))
    assert one(events, "RETREAT")
    assert not [e for e in events if e.event_type == "CONCEDE"]


@pytest.mark.parametrize("verb", ["spurned", "turned down", "repudiated"])
def test_spurning_an_offer_is_a_rejection(verb: str) -> None:
    event = one(events_of(f"Kenya {verb} the proposal from Uganda on Monday."), "REJECT")
    assert countries(event.source) == {"KEN"}


def test_a_participle_with_its_doer_passes_the_rules_test() -> None:
    events = events_of("Police seized tents donated by Japan to the flood victims.",
                       learned=False)
    assert countries(one(events, "AID").source) == {"JPN"}


def test_a_call_for_something_is_a_demand_not_a_phone_call() -> None:
    events = events_of("Egypt's call for an immediate ceasefire was welcomed by Jordan.",
                       learned=False)
    assert countries(one(events, "REQUEST").source) == {"EGY"}
    assert not [e for e in events if e.event_type == "CONSULT"]


def test_a_refusal_named_in_a_phrase_is_a_rejection() -> None:
    events = events_of("Talks collapsed after Iran's refusal to release the sailors.",
                       learned=False)
    assert countries(one(events, "REJECT").source) == {"IRN"}


@pytest.mark.parametrize("learned", [True, False])
def test_backing_with_weapons_is_material_aid_not_words(learned: bool) -> None:
    event = one(events_of("Iran backed the militia with weapons and money.", learned=learned),
                "AID")
    assert countries(event.source) == {"IRN"}


@pytest.mark.parametrize("learned", [True, False])
@pytest.mark.parametrize("text", [
    "Riot police patrolled the old town of Bujumbura on Sunday after a night of unrest.",
    "Extra soldiers were deployed to Lebanon's southern border on Friday.",
])
def test_a_force_on_patrol_or_sent_somewhere_has_no_target(text: str, learned: bool) -> None:
    """The ground a force patrols or is sent to is where it acts, not whom it acts on."""
    event = one(events_of(text, learned=learned), "MOBILIZE")
    assert event.target == []


@pytest.mark.parametrize("learned", [True, False])
@pytest.mark.parametrize("text", [
    "Several thousand people protested against the new tax at rallies in the capital of "
    "Portugal, Lisbon.",
    "About 200 students marched to Freedom Square in Tbilisi on Monday.",
])
def test_the_place_a_protest_gathers_or_marches_to_is_not_its_target(
    text: str, learned: bool
) -> None:
    event = one(events_of(text, learned=learned), "PROTEST")
    assert event.target == []


def test_a_protest_against_a_country_or_at_an_embassy_keeps_its_target() -> None:
    against = one(events_of("Thousands of students demonstrated against Israel in Cairo."),
                  "PROTEST")
    assert countries(against.target) == {"ISR"}
    embassy = one(events_of("Hundreds of farmers protested outside the French embassy in "
                            "Madrid."), "PROTEST")
    assert countries(embassy.target) == {"FRA"}
    called = one(events_of("Hundreds of villagers demonstrated near the dam, calling on Laos "
                           "to halt the works."), "PROTEST")
    assert countries(called.target) == {"LAO"}


@pytest.mark.parametrize("learned", [False, True], ids=["rules", "hybrid"])
def test_a_truce_used_is_no_force_used(learned: bool) -> None:
    events = asserted(events_of("The rebels used the truce to build up their forces around the "
                                "town.", learned=learned))
    assert "ASSAULT" not in {e.event_type for e in events}


def test_a_force_built_up_with_no_subject_of_its_own_is_who_mobilises() -> None:
    """The reading of the rules (the event model weighs the candidate as it weighs any)."""
    event = one(events_of("The rebels used the truce to build up their forces around the town.",
                          learned=False), "MOBILIZE")
    assert [a.text for a in event.source] == ["their forces"]
    assert event.target == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Rebel fighters abandoned their positions in the hills near Idlib on Sunday.", "RETREAT"),
    ("The outpost near the border was abandoned by Ukrainian troops last week.", "RETREAT"),
    ("Militia units vacated the town of Gorazde on Monday.", "RETREAT"),
    ("The company abandoned its plan to build a second factory.", None),
    ("Delhi police registered a case against the shopkeeper for assault.", "ACCUSE"),
    ("Mumbai police booked two men for attempted murder on Friday.", "ACCUSE"),
    ("She booked a flight to Delhi for the holidays.", None),
])
def test_ground_given_up_and_cases_registered(text: str, expected: str | None) -> None:
    """Forces abandoning or vacating ground retreat from it, a plan abandoned is no retreat;
    police booking a suspect or registering a case against one accuse (a flight booked is no
    case)."""
    types = {e.event_type for e in asserted(events_of(text, learned=False))}
    if expected is None:
        assert types == set()
    else:
        assert expected in types


@pytest.mark.parametrize("text", [
    "The suspect was captured in Bangkok and handed over to Singapore.",
    "The fugitive was arrested in Panama and extradited to the United States.",
    "He was captured in Kenya and returned to the United States in February.",
])
def test_a_captive_handed_to_a_named_side_is_cooperation_without_the_hander(text: str) -> None:
    """A legal handover names the side that receives the captive and seldom the one that
    hands him over: the receiver is enough for the rules to code it."""
    event = one(asserted(events_of(text, learned=False)), "COOPERATE")
    assert not countries(event.source)
    assert countries(event.target)


@pytest.mark.parametrize("text", [
    "A Canadian nurse was kidnapped in Niger in March and was released on Friday.",
    "The three Nepali truck drivers were freed on Sunday.",
])
def test_a_release_told_by_those_freed_alone_is_a_retreat(text: str) -> None:
    """A release named with the freed and not who frees them is still a release: the rules
    code it with the freed as its target."""
    event = one(asserted(events_of(text, learned=False)), "RETREAT")
    assert event.mode == "release"
    assert not event.source and event.target


@pytest.mark.parametrize(("text", "doer"), [
    ("Looters emptied the barracks after Ethiopia's withdrawal from the border town.", "ETH"),
    ("Due to the pullout of Turkish troops, the village was left unguarded.", "TUR"),
])
def test_a_withdrawal_that_other_news_follows_is_a_retreat(text: str, doer: str) -> None:
    """A pullout named in a phrase of time or cause, with who pulled out, is one carried out."""
    event = one(asserted(events_of(text, learned=False)), "RETREAT")
    assert event.mode == "withdraw"
    assert countries(event.source) == {doer}


@pytest.mark.parametrize(("text", "expected"), [
    ("Belarus has destroyed all of its short-range missiles under the treaty.", "RETREAT"),
    ("The rebels destroyed their own weapons at a ceremony near the border.", "RETREAT"),
    ("Warplanes destroyed the weapons depot of the rebels near the airport.", "ASSAULT"),
])
def test_destroying_ones_own_arms_is_disarming(text: str, expected: str) -> None:
    """One who destroys its own arms gives them up (RETREAT disarm); destroying another's
    stays a blow."""
    types = {e.event_type for e in asserted(events_of(text, learned=False))}
    assert expected in types
    assert ({"RETREAT", "ASSAULT"} - {expected}).isdisjoint(types)


@pytest.mark.parametrize("text", [
    "Shelling has killed 40 people in the province since the truce began.",
    "Since a 2008 ceasefire between the two militias, the valley has been quiet.",
])
def test_a_ceasefire_news_is_dated_from_is_one_in_force(text: str) -> None:
    """A truce that other news is counted from is carried out, though no party is named."""
    event = one(asserted(events_of(text, learned=False)), "RETREAT")
    assert event.mode == "ceasefire"


@pytest.mark.parametrize("text", [
    "The rebels shelled the town again before the truce began.",
    "Delegates of the two states held talks on the withdrawal of Indian troops.",
])
def test_a_truce_or_withdrawal_not_carried_out_is_no_retreat(text: str) -> None:
    """A truce the news comes before, a withdrawal only talked of: neither is carried out."""
    assert "RETREAT" not in {e.event_type for e in asserted(events_of(text, learned=False))}


# Officials and staff taken by a state's forces are arrested, not ground taken.
@pytest.mark.parametrize("text", [
    "Four foreign ministry officials were captured by American troops at a checkpoint.",
    "The embassy personnel were captured by naval forces near the disputed island.",
])
def test_officials_captured_by_forces_are_arrested(text: str) -> None:
    event = one(asserted(events_of(text, learned=False)), "COERCE")
    assert event.mode == "arrest"


# A capture whose clause names no captor is a kidnapping when the clause told with it has an
# armed group that is no state's act: a raid, a killing of the captives.
@pytest.mark.parametrize("text", [
    "The villagers had been captured a week before, when rebels overran the market town.",
    "Gunmen killed three farmers who had been captured near the pipeline.",
])
def test_captives_of_an_armed_group_in_the_next_clause_are_abducted(text: str) -> None:
    events = events_of(text, learned=False)
    assert [e.mode for e in asserted(events) if e.trigger == "captured"] == ["abduct"]
    assert not [e for e in events if e.event_type == "COERCE"]


# A past participle on a person takes that person: "a smuggler captured near the border" is
# an arrest, not ground taken, and the captive is not its own captor.
@pytest.mark.parametrize("text", [
    "Omar Khadr, captured in Kandahar in 2002, pleaded guilty on Monday.",
    "A Jordanian smuggler captured near the border last week has been charged.",
])
def test_a_person_a_participle_describes_as_captured_is_arrested(text: str) -> None:
    events = events_of(text, learned=False)
    assert [(e.event_type, e.mode) for e in events if e.trigger == "captured"] == [
        ("COERCE", "arrest")]


# Hacking someone to death is a blow with a blade; hacking a website is a cyber attack.
def test_hacked_to_death_is_a_blow_not_a_cyber_attack() -> None:
    blow = events_of("Two farmers were hacked to death by a mob near the market.", learned=False)
    assert [(e.event_type, e.mode) for e in blow] == [("ASSAULT", "primitive")]
    cyber = one(events_of("Hackers hacked the ministry's website on Monday.", learned=False),
                "COERCE")
    assert cyber.mode == "cyber"


def test_forces_seizing_control_of_ground_is_a_blow() -> None:
    events = events_of("The militia seized control of the oil terminal on Friday.", learned=False)
    assert [e.event_type for e in events] == ["ASSAULT"]


# Forces or a state preventing people from acting restrict them; a law that prevents
# something is no act of coercion.
def test_prevent_restricts_only_when_forces_or_a_state_do_it() -> None:
    police = one(events_of("Police prevented the marchers from reaching the square.",
                           learned=False), "COERCE")
    assert police.mode == "restrict"
    assert not events_of("New rules prevent foreign charities from opening offices.",
                         learned=False)
