"""The shipped event model on real news of the corpus's dev split: what it keeps, what it
drops, and what its confidence means. (The test split is for reported figures only.)"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from newsevents import nlp
from newsevents.evaluation.corpus import GoldDocument, read_corpus
from newsevents.events.learned import EventModel
from newsevents.models import Event
from newsevents.pipeline import code_chunk

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "annotated"


@pytest.fixture(scope="module")
def dev() -> list[tuple[GoldDocument, list[Event]]]:
    docs = [d for d in read_corpus([CORPUS]) if d.split == "dev" and d.is_real]
    language = nlp.load(nlp.COMPONENTS, "hybrid")
    results = code_chunk([d.article() for d in docs], language)
    return [(doc, result.events) for doc, result in zip(docs, results, strict=True)]


def _in(sentence_start: int, sentence_end: int, events: list[Event]) -> list[Event]:
    return [e for e in events if sentence_start <= e.evidence.start < sentence_end]


def test_a_model_ships_with_the_package() -> None:
    model = EventModel.load()
    assert model is not None and len(model.weights) > 1000 and 0 < model.threshold < 1


def test_sentences_without_events_mostly_stay_empty(dev: list) -> None:
    empty = clean = 0
    for doc, events in dev:
        for s in doc.sentences:
            if not s.events:
                empty += 1
                clean += not [e for e in _in(s.start, s.end, events)
                              if e.realis == "asserted"]
    assert empty > 200
    assert clean / empty >= 0.85


def test_asserted_events_it_keeps_are_mostly_right_and_each_common_type_is_found(
    dev: list,
) -> None:
    kept = right = 0
    found: Counter[str] = Counter()
    support: Counter[str] = Counter()
    for doc, events in dev:
        for s in doc.sentences:
            gold = {g.type for g in s.events if g.realis == "asserted"}
            support.update(gold)
            coded = {e.event_type for e in _in(s.start, s.end, events)
                     if e.realis == "asserted"}
            kept += len(coded)
            right += len(coded & gold)
            found.update(coded & gold)
    assert right / kept >= 0.75
    common = [t for t, n in support.items() if n >= 20]
    assert {"ASSAULT", "COERCE", "PROTEST"} <= set(common)
    for etype in common:
        assert found[etype] / support[etype] >= 0.25, etype


def test_realis_of_matched_events_follows_the_annotation(dev: list) -> None:
    pairs = Counter()
    for doc, events in dev:
        for s in doc.sentences:
            coded = _in(s.start, s.end, events)
            for gold in s.events:
                match = next((e for e in coded if e.event_type == gold.type), None)
                if match is not None:
                    pairs[(gold.realis, match.realis)] += 1
    total = sum(pairs.values())
    assert total > 200
    assert sum(n for (g, c), n in pairs.items() if g == c) / total >= 0.9


def test_high_confidence_means_right_type(dev: list) -> None:
    high = right = 0
    for doc, events in dev:
        for s in doc.sentences:
            gold = {g.type for g in s.events if g.realis == "asserted"}
            for e in _in(s.start, s.end, events):
                if e.realis == "asserted" and e.confidence >= 0.8:
                    high += 1
                    right += e.event_type in gold
    assert high > 100
    assert right / high >= 0.8


@pytest.mark.parametrize(("text", "expected"), [
    ("Japan sent 50 tonnes of emergency food and medicine to earthquake survivors in southern "
     "Turkey on Tuesday.", {"AID"}),
    ("Israeli forces withdrew from the town after a three-day raid, residents said.",
     {"RETREAT"}),
    ("My neighbour helped me carry the boxes up the stairs.", set()),
    ("The striker helped his side beat the league leaders 2-1 on Saturday.", set()),
])
def test_the_model_keeps_aid_and_retreat_and_drops_everyday_help(
    text: str, expected: set[str]
) -> None:
    """A relief shipment and a withdrawal are coded; help among neighbours and on the pitch
    is no event."""
    coded = nlp.load(nlp.COMPONENTS, "hybrid")(text)
    assert {e.event_type for e in coded._.events if e.factual} >= expected
    if not expected:
        assert not [e for e in coded._.events if e.factual]
