"""Report-to-event merging: the rule on single cases, then measured on the merge corpus."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import sqlalchemy as sa

from newsevents.evaluation.merging import evaluate, gold_result, load_corpus, score
from newsevents.store import connect, schema
from newsevents.store.merge import Candidate, Mention, Place, best_match, can_merge

CORPUS = Path(__file__).parent / "data" / "merge" / "corpus.jsonl"
DAY = dt.date(2024, 5, 10)
KYIV = Place("UKR", 50.45, 30.52)
LVIV = Place("UKR", 49.84, 24.03)


def mention(event_type: str = "ASSAULT", date: dt.date = DAY, sources: tuple = ("RUS",),
            targets: tuple = ("UKR",), place: Place | None = None) -> Mention:
    return Mention(event_type, date, frozenset(sources), frozenset(targets), place)


def test_same_event_reported_a_day_apart_merges() -> None:
    assert can_merge(mention(), mention(date=DAY + dt.timedelta(days=1)))


def test_material_event_window_is_narrower_than_verbal() -> None:
    later = DAY + dt.timedelta(days=2)
    assert not can_merge(mention(), mention(date=later))
    accuse = dict(event_type="ACCUSE", sources=("CHN",), targets=("USA",))
    assert can_merge(mention(**accuse), mention(date=later, **accuse))


def test_different_type_or_disjoint_target_stays_apart() -> None:
    assert not can_merge(mention(), mention(event_type="THREATEN"))
    assert not can_merge(mention(sources=("ISR",), targets=("SYR",)),
                         mention(sources=("ISR",), targets=("LBN",)))


def test_unknown_target_does_not_block_a_shared_source() -> None:
    assert can_merge(mention(targets=()), mention())


def test_meeting_roles_are_symmetric_but_participants_must_match() -> None:
    putin_erdogan = mention("CONSULT", sources=("RUS",), targets=("TUR",))
    assert can_merge(putin_erdogan, mention("CONSULT", sources=("TUR",), targets=("RUS",)))
    assert not can_merge(putin_erdogan, mention("CONSULT", sources=("GRC",), targets=("TUR",)))
    assert can_merge(putin_erdogan, mention("CONSULT", sources=("TUR",), targets=()))


def test_distant_places_in_one_country_are_different_events() -> None:
    assert not can_merge(mention(place=KYIV), mention(place=LVIV))
    assert can_merge(mention(place=KYIV), mention(place=Place("UKR", None, None)))
    assert can_merge(mention(place=KYIV), mention())


def test_reports_without_actors_or_date_never_merge() -> None:
    assert not can_merge(mention(sources=(), targets=()), mention(sources=(), targets=()))
    undated = Mention("ASSAULT", None, frozenset({"RUS"}), frozenset({"UKR"}), None)
    assert not can_merge(undated, undated)


def test_closest_candidate_wins() -> None:
    candidates = [
        Candidate(1, mention(date=DAY - dt.timedelta(days=1), targets=())),
        Candidate(2, mention()),
        Candidate(3, mention(sources=("ISR",), targets=("SYR",))),
    ]
    assert best_match(mention(), candidates) == 2
    assert best_match(mention(sources=("USA",), targets=("IRQ",)), candidates) is None


# --------------------------------------------------------------------------- corpus


def test_merge_corpus_with_gold_coding() -> None:
    """The rule itself, given perfectly coded reports: distractors and copies included."""
    result = evaluate(CORPUS, "gold")
    assert result.precision >= 0.95 and result.recall >= 0.95
    assert result.n_sources_exact >= 0.95
    assert result.nonfactual_counted == 0


def test_merge_corpus_without_event_dates_or_places() -> None:
    """Publication dates only, no places: the same-day protests in two Kenyan cities merge."""
    result = evaluate(CORPUS, "pubdate")
    assert result.precision >= 0.9 and result.recall >= 0.95


def test_merge_does_not_depend_on_article_order(tmp_path: Path) -> None:
    corpus = load_corpus(CORPUS)
    shuffled = corpus[:]
    random.Random(7).shuffle(shuffled)
    store = connect(f"sqlite:///{tmp_path}/shuffled.db")
    for start in range(0, len(shuffled), 5):
        store.add_results([gold_result(a) for a in shuffled[start:start + 5]])
    result = score(store, corpus)
    assert (result.precision, result.recall) == (1.0, 1.0)


def test_syndicated_copy_is_one_source_and_denials_do_not_count(tmp_path: Path) -> None:
    corpus = load_corpus(CORPUS)
    store = connect(f"sqlite:///{tmp_path}/copies.db")
    store.add_results([gold_result(a) for a in corpus])
    docs, events, reports = schema.documents, schema.events, schema.reports
    with store.engine.connect() as conn:
        ids = dict(conn.execute(sa.select(docs.c.doc_id, docs.c.id)).all())
        originals = dict(conn.execute(sa.select(docs.c.doc_id, docs.c.duplicate_of)).all())
        kharkiv = conn.execute(
            sa.select(events).join(reports, reports.c.event_id == events.c.id)
            .join(docs, docs.c.id == reports.c.document_id)
            .where(docs.c.doc_id == "e1-a")).one()
        denial = conn.execute(
            sa.select(reports).join(docs, docs.c.id == reports.c.document_id)
            .where(docs.c.doc_id == "e1-neg")).one()
    assert originals["e1-b-copy"] == ids["e1-b"]
    assert originals["e3-b-copy"] == ids["e3-b"]
    assert sum(1 for v in originals.values() if v is not None) == 2
    # Five factual reports from four independent outlets; the denial is linked, not counted.
    assert (kharkiv.n_reports, kharkiv.n_sources) == (5, 4)
    assert denial.event_id == kharkiv.id and not denial.factual




def test_merge_corpus_coded_by_the_pipeline() -> None:
    """End to end: coding errors (wrong type, unresolved actor) cost recall, rarely precision."""
    result = evaluate(CORPUS, "coded")
    assert result.precision >= 0.9
    assert result.recall >= 0.65
    assert result.nonfactual_counted == 0
