"""The whole pipeline on the shared S-400 article, and the Python API."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from newsevents import Coder, code, ingest, nlp
from newsevents.models import Event, InputError, Result

from .conftest import SEED


def found(result: Result, event_type: str, source: str, target: str | None) -> list[Event]:
    return [
        e
        for e in result.events
        if e.event_type == event_type
        and e.factual
        and source in {a.country for a in e.source}
        and (target is None or target in {a.country for a in e.target})
    ]


def test_seed_meeting_is_consult_rus_tur_in_moscow(seed_result: Result) -> None:
    meetings = found(seed_result, "CONSULT", "RUS", "TUR")
    assert len(meetings) == 1  # "met ... to discuss" is one meeting
    meeting = meetings[0]
    assert meeting.location is not None and meeting.location.name == "Moscow"
    assert meeting.location.country == "RUS"
    assert meeting.date == dt.date(2019, 4, 8)  # "on Monday" before Tuesday 9 April
    assert meeting.trigger == "met"


def test_seed_us_threatens_turkey(seed_result: Result) -> None:
    threats = [
        e
        for e in seed_result.events
        if e.event_type == "THREATEN" and {a.country for a in e.source} == {"USA"}
    ]
    assert len(threats) >= 2  # the sanctions threat and the threat to cancel the F-35 sale
    assert any("TUR" in {a.country for a in e.target} for e in threats)
    assert any("sanction" in e.trigger for e in threats)


def test_seed_us_criticism_and_demand(seed_result: Result) -> None:
    accuse = found(seed_result, "ACCUSE", "USA", "TUR")
    # "said on April 4"; "The US claims that the S-400 systems are incompatible" is another
    assert any(e.date == dt.date(2019, 4, 4) for e in accuse)
    request = found(seed_result, "REQUEST", "USA", "TUR")
    assert request and request[0].trigger == "urged"


def test_seed_experts_are_not_coded_as_us_or_nato_actions(seed_result: Result) -> None:
    text = seed_result.text
    experts_start = text.index("However, the purchase")
    for event in seed_result.events:
        if event.evidence.start >= experts_start:
            actors = {a.country or a.igo for a in event.source}
            assert not actors & {"USA", "NATO"}, event
            assert event.attribution is not None or event.negated or event.hypothetical


def test_seed_boilerplate_dropped_and_reported(seed_result: Result) -> None:
    dropped = seed_result.document.dropped_lines
    assert "0 3,340" in dropped and "- Advertisement -" in dropped
    assert any("newsletter" in line for line in dropped)
    assert "Advertisement" not in seed_result.text
    assert seed_result.document.title.startswith("DEFYING NATO")


def test_seed_evidence_offsets_are_exact(seed_result: Result) -> None:
    for event in seed_result.events:
        span = seed_result.text[event.evidence.start : event.evidence.end]
        assert span == event.evidence.sentence


def test_python_api_codes_plain_text() -> None:
    result = code("Mali expelled the French ambassador on Friday.", date=dt.date(2023, 8, 4))
    assert result.ok
    event = next(e for e in result.events if e.event_type == "SANCTION")
    assert {a.country for a in event.source} == {"MLI"}
    assert event.date == dt.date(2023, 8, 4)


def test_bad_records_do_not_take_the_batch_down() -> None:
    items = [
        ingest.article_from_text(
            "Peru recalled its ambassador from Mexico.", "good-1", title_line=False
        ),
        InputError(doc_id="broken.jsonl:2", message="line 2: invalid JSON"),
        ingest.article_from_text("", "empty", title_line=False),
        ingest.article_from_text(
            "Die Regierung hat heute in Berlin neue Gesetze zur Migration "
            "beschlossen und die Opposition kritisiert das scharf.",
            "german",
            title_line=False,
        ),
        ingest.article_from_text("Bolivia expelled two US diplomats.", "good-2", title_line=False),
    ]
    results = list(Coder(n_process=1).code_articles(items))
    assert [r.document.doc_id for r in results] == [
        "good-1",
        "broken.jsonl:2",
        "empty",
        "german",
        "good-2",
    ]
    assert results[0].ok and results[4].ok
    assert results[0].events and results[4].events
    assert "invalid JSON" in results[1].document.error
    assert "empty" in results[2].document.error
    assert "English" in results[3].document.error and results[3].document.language == "de"


def test_two_processes_give_the_same_records_as_one() -> None:
    texts = [
        "Iraq closed its border with Syria on Sunday.",
        "Indian police arrested 14 protesters in Srinagar.",
        "Greece and Turkey held talks in Athens on Monday.",
    ] * 12
    articles = [
        ingest.article_from_text(t, f"a{i}", title_line=False, date=dt.date(2024, 1, 10))
        for i, t in enumerate(texts)
    ]
    one = [r.model_dump() for r in Coder(n_process=1).code_articles(articles)]
    two = [r.model_dump() for r in Coder(n_process=2).code_articles(articles)]
    assert one == two
    assert all(r["events"] for r in one)


def test_a_dead_worker_costs_time_not_records() -> None:
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    chunk = [ingest.article_from_text("Kenyan police arrested 30 protesters in Nairobi.", "k1",
                                      title_line=False)]
    died: Future = Future()
    died.set_exception(BrokenProcessPool("a worker process died"))
    (result,) = Coder(n_process=2)._collect(chunk, died)
    assert result.ok and result.events[0].event_type == "COERCE"


def test_a_text_over_a_million_characters_is_coded_not_refused(seed_result: Result) -> None:
    """spaCy refuses more than 1,000,000 characters in one go ([E088]); the README promises
    texts up to 5 MB. The S-400 article followed by a million blank lines (cheap to parse)
    stands in for a long article."""
    seed = SEED.read_text(encoding="utf-8")
    article = ingest.article_from_text(seed, "seed", date=dt.date(2019, 4, 9))
    long = article.model_copy(update={"text": article.text + "\n" * 1_000_000})
    assert len(long.text) > 1_000_000
    (result,) = Coder().code_articles([long])
    assert result.document.error is None
    assert _keys(result.events) == _keys(seed_result.events)
    assert [e.event_id for e in result.events] == [e.event_id for e in seed_result.events]


def test_long_texts_are_parsed_in_pieces_with_the_offsets_of_one_text(
    seed_result: Result, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A text longer than one piece is cut between paragraphs and parsed piece by piece, so
    memory stays bounded; the events keep sentence numbers and offsets in the whole text.
    The first sentence of a piece is parsed without the words before it, and the parser may
    hang a word of it elsewhere ("The US claims that ..., threatened sanctions": the comma),
    which can move an event's probability across the keep threshold; every other sentence
    gives the events the whole text gives."""
    seed = SEED.read_text(encoding="utf-8")
    article = ingest.article_from_text(seed, "seed", date=dt.date(2019, 4, 9))
    monkeypatch.setattr(nlp, "PIECE_CHARS", 600)
    pieces = nlp.text_pieces(article.text)
    assert len(pieces) > 3 and "".join(pieces) == article.text
    assert all(len(p) <= 600 and p.endswith("\n\n") for p in pieces[:-1])
    starts = {sum(len(p) for p in pieces[:i]) for i in range(1, len(pieces))}
    (result,) = Coder().code_articles([article])
    assert result.document.n_sentences == seed_result.document.n_sentences

    def inside(events: list[Event]) -> list[tuple[str, int, int, int]]:
        return [key for key in _keys(events) if key[2] not in starts]

    assert inside(result.events) == inside(seed_result.events)
    assert len(inside(seed_result.events)) >= 5
    for event in result.events:
        assert article.text[event.evidence.start : event.evidence.end] == event.evidence.sentence


def test_one_paragraph_longer_than_a_piece_is_cut_after_a_sentence() -> None:
    text = "Poland expelled a Russian diplomat on Friday. " * 50
    pieces = nlp.text_pieces(text, size=500)
    assert "".join(pieces) == text
    assert all(p.endswith("Friday. ") for p in pieces)


def test_the_python_api_takes_plain_dicts() -> None:
    text = "Lithuania expelled three Russian diplomats on Friday, the ministry said."
    (result,) = Coder().code_articles([{"id": "lt", "text": text, "date": "2024-05-17"}])
    assert result.document.doc_id == "lt" and result.document.date == dt.date(2024, 5, 17)
    assert result.events[0].source[0].country == "LTU"
    with pytest.raises(ValidationError) as caught:
        list(Coder().code_articles([{"id": "bad", "body": text}]))
    assert "text" in str(caught.value) and "Field required" in str(caught.value)


def _keys(events: list[Event]) -> list[tuple[str, int, int, int]]:
    return [(e.event_type, e.sentence_index, e.evidence.start, e.evidence.end) for e in events]
