"""The annotated corpus: every record keeps the format, splits are fixed, agreement is computed
as Cohen defined it, and the scorer counts what the guidelines say."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from newsevents.evaluation.corpus import GoldDocument, check_lines, read_corpus, split_of
from newsevents.evaluation.scoring import (
    Tally,
    agreement,
    pair_events,
    place_agrees,
    report,
    score_sentence,
    spans_agree,
)
from newsevents.models import Actor, Event, Evidence, Location
from newsevents.places import Gazetteer

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@pytest.fixture(scope="module")
def corpus() -> list[GoldDocument]:
    return list(read_corpus([CORPUS / "annotated"]))


def test_every_annotated_record_is_valid_and_in_its_fixed_split(corpus: list[GoldDocument]) -> None:
    # read_corpus validates spans, codes, modes and the split of each record.
    assert len(corpus) > 500
    assert {d.split for d in corpus} == {"train", "dev", "test"}
    assert all(d.split == split_of(d.doc_id) for d in corpus)


def test_corpus_holds_real_text_sentences_with_no_event_and_several_types(
    corpus: list[GoldDocument],
) -> None:
    real = [s for d in corpus if d.is_real for s in d.sentences]
    assert sum(not s.events for s in real) > 1000
    types = Counter(e.type for s in real for e in s.events)
    assert len(types) >= 12


def test_split_of_is_stable_and_near_its_shares() -> None:
    ids = [f"doc-{i}" for i in range(4000)]
    shares = Counter(split_of(i) for i in ids)
    assert 0.17 < shares["test"] / 4000 < 0.23
    assert 0.12 < shares["dev"] / 4000 < 0.18
    assert [split_of(i) for i in ids[:50]] == [split_of(i) for i in ids[:50]]


LAGOS = "Police in Lagos arrested 12 protesters on Monday."


def _record(events: list[dict], text: str = LAGOS) -> str:
    doc_id = "unit-1"
    return json.dumps({
        "doc_id": doc_id, "origin": "written", "split": split_of(doc_id), "date": "2024-05-06",
        "text": text, "sentences": [{"index": 0, "start": 0, "end": len(text), "text": text,
                                     "events": events}]})


ARREST = {"type": "COERCE", "mode": "arrest", "trigger": "arrested",
          "source": [{"text": "Police in Lagos", "country": "NGA", "igo": None, "sector": "COP"}],
          "target": [{"text": "12 protesters", "country": "NGA", "igo": None, "sector": "CVL"}],
          "realis": "asserted", "background": False, "date_text": "on Monday", "place": "Lagos"}


def test_check_accepts_a_well_formed_record_and_names_each_problem() -> None:
    assert check_lines([_record([ARREST])]) == []
    assert "not a substring" in check_lines([_record([{**ARREST, "trigger": "detained"}])])[0]
    assert "not a mode of COERCE" in check_lines([_record([{**ARREST, "mode": "aerial"}])])[0]
    bad_country = {**ARREST, "source": [{**ARREST["source"][0], "country": "XXX"}]}
    assert "unknown country" in check_lines([_record([bad_country])])[0]
    assert "realis" in check_lines([_record([{**ARREST, "realis": "maybe"}])])[0]


def _docs(labels: list[list[tuple[str, str]]]) -> list[GoldDocument]:
    """One document whose sentence i holds events of the given (type, realis) pairs."""
    text = " ".join(f"Sentence {i} is here." for i in range(len(labels)))
    sentences, start = [], 0
    for i, events in enumerate(labels):
        piece = f"Sentence {i} is here."
        sentences.append({"index": i, "start": start, "end": start + len(piece), "text": piece,
                          "events": [{"type": t, "trigger": "is", "realis": r} for t, r in events]})
        start += len(piece) + 1
    doc_id = "agree-1"
    return [GoldDocument.model_validate({"doc_id": doc_id, "origin": "written",
                                         "split": split_of(doc_id), "text": text,
                                         "sentences": sentences})]


def test_agreement_is_cohens_kappa() -> None:
    a = _docs([[("ASSAULT", "asserted")], [("ASSAULT", "asserted")], [], [],
               [("COERCE", "asserted")]])
    b = _docs([[("ASSAULT", "asserted")], [], [], [], [("COERCE", "hypothetical")]])
    result = agreement(a, b)
    # Labels: a = A A N N C, b = A N N N N (a hypothetical COERCE is no asserted type).
    # Observed 3/5; expected by the margins (A: 2*1, N: 2*4, C: 1*0) / 25 = 0.4;
    # kappa = (0.6 - 0.4) / (1 - 0.4).
    assert result["sentences"] == 5
    assert result["type_agreement"] == 0.6
    assert result["type_kappa"] == round(0.2 / 0.6, 3)
    assert result["paired_events"] == 2 and result["realis_agreement"] == 0.5


def _event(etype: str, trigger: str, negated: bool = False) -> Event:
    return Event(event_id="e", doc_id="d", sentence_index=0, event_type=etype, trigger=trigger,
                 evidence=Evidence(sentence="s", start=0, end=1), negated=negated)


def test_scorer_counts_false_positives_in_sentences_without_events() -> None:
    (doc,) = _docs([[("COERCE", "asserted")], []])
    tally = Tally()
    score_sentence(tally, doc.sentences[0], [_event("COERCE", "is")])
    score_sentence(tally, doc.sentences[1], [_event("ASSAULT", "is")])
    rep = report("unit", tally)
    assert rep.micro_precision == 0.5 and rep.micro_recall == 1.0
    assert rep.no_event_sentences == 1 and rep.no_event_clean == 0.0


def test_a_negated_event_is_no_asserted_event_but_its_realis_is_scored() -> None:
    (doc,) = _docs([[("COERCE", "negated")]])
    tally = Tally()
    score_sentence(tally, doc.sentences[0], [_event("COERCE", "is", negated=True)])
    rep = report("unit", tally)
    assert rep.micro_precision == 0.0 and rep.realis_accuracy == 1.0
    assert sum(t.fp for t in rep.types) == 0


def test_spans_agree_on_words_not_on_articles_or_case() -> None:
    assert spans_agree("on Monday", "Monday")
    assert spans_agree("Nablus", "the Nablus")
    assert not spans_agree("Nablus", "Jenin")
    assert not spans_agree("Monday", None)


def test_a_place_spelled_otherwise_is_the_same_place() -> None:
    kathmandu = Gazetteer.load().lookup("Kathmandu")
    assert kathmandu is not None and kathmandu.geonameid is not None
    assert place_agrees("Kathmandu", kathmandu)
    assert place_agrees("Katmandu", kathmandu)
    assert not place_agrees("Pokhara", kathmandu)
    assert not place_agrees("Katmandu", None)


def _sentence(text: str, events: list[dict]) -> GoldDocument:
    doc_id = "pair-1"
    return GoldDocument.model_validate({
        "doc_id": doc_id, "origin": "written", "split": split_of(doc_id), "text": text,
        "sentences": [{"index": 0, "start": 0, "end": len(text), "text": text,
                       "events": events}]})


def _placed(etype: str, trigger: str, place: str) -> Event:
    return _event(etype, trigger).model_copy(update={"location": Location(name=place)})


def test_one_coded_event_is_paired_with_one_gold_event() -> None:
    # Two protests in two cities are two gold events (docs/annotation.md); a coder that codes
    # one is scored once, on the protest it shares a trigger with, not again on the other city.
    text = "Thousands protested in Moscow and in St. Petersburg on Saturday."
    doc = _sentence(text, [
        {"type": "PROTEST", "trigger": "protested", "place": "Moscow"},
        {"type": "PROTEST", "trigger": "protested", "place": "St. Petersburg"}])
    tally = Tally()
    score_sentence(tally, doc.sentences[0], [_placed("PROTEST", "protested", "Moscow")])
    rep = report("unit", tally)
    assert (rep.gold_events, rep.matched_events) == (2, 1)
    assert (rep.place_events, rep.place_accuracy) == (1, 1.0)


def test_an_actor_given_where_the_gold_names_none_is_counted_apart() -> None:
    # "A man was shot dead" names no attacker: a coder that gives one invents it. Source
    # accuracy cannot score such a side, so the report counts the sides left empty.
    text = "A man was shot dead in Peshawar on Sunday, and police arrested two Afghan traders."
    doc = _sentence(text, [
        {"type": "ASSAULT", "trigger": "shot",
         "target": [{"text": "A man", "country": "PAK", "sector": "CVL"}]},
        {"type": "COERCE", "trigger": "arrested",
         "source": [{"text": "police", "country": "PAK", "sector": "COP"}],
         "target": [{"text": "two Afghan traders", "country": "AFG", "sector": "BUS"}]}])
    invented = _event("ASSAULT", "shot").model_copy(update={
        "source": [Actor(text="police", country="PAK", sector="COP")],
        "target": [Actor(text="A man", country="PAK", sector="CVL")]})
    arrest = _event("COERCE", "arrested").model_copy(update={
        "source": [Actor(text="police", country="PAK", sector="COP")],
        "target": [Actor(text="two Afghan traders", country="AFG", sector="BUS")]})
    tally = Tally()
    score_sentence(tally, doc.sentences[0], [invented, arrest])
    rep = report("unit", tally)
    assert (rep.source_events, rep.source_accuracy) == (1, 1.0)
    assert (rep.source_unnamed_events, rep.source_unnamed_empty) == (1, 0.0)
    assert rep.target_unnamed_events == 0


def test_pairs_with_overlapping_triggers_are_made_before_pairs_by_order() -> None:
    text = "Troops shelled Rafah overnight and jets bombed Khan Yunis at dawn."
    doc = _sentence(text, [
        {"type": "ASSAULT", "trigger": "shelled", "place": "Rafah"},
        {"type": "ASSAULT", "trigger": "bombed", "place": "Khan Yunis"}])
    golds = doc.sentences[0].events
    bombed, shelled = _event("ASSAULT", "bombed"), _event("ASSAULT", "shelling")
    pairs = pair_events(golds, [bombed, shelled])
    assert [(g.trigger, e.trigger) for g, e in pairs] == [("shelled", "shelling"),
                                                         ("bombed", "bombed")]
    # A coded event whose trigger matches no gold one is paired by order with a gold event of
    # its type that is still free, and never with a gold event of another type.
    (only,) = pair_events(golds, [_event("ASSAULT", "attack"), _event("PROTEST", "rally")])
    assert (only[0].trigger, only[1].trigger) == ("shelled", "attack")
