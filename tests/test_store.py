"""The event store on SQLite and on a real PostgreSQL server (``NEWSEVENTS_TEST_PG_URL``)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from typer.testing import CliRunner

from newsevents import ingest
from newsevents.cli import app
from newsevents.evaluation.merging import evaluate, gold_result, load_corpus
from newsevents.models import COOPERATIVE_TYPES, Article, Result
from newsevents.service import store_stream
from newsevents.store import Store, connect, schema, search
from newsevents.store.db import StoreError
from newsevents.store.read_models import EventDetail, EventFilter
from newsevents.store.reading import reading
from newsevents.store.writer import IngestStats

CORPUS = Path(__file__).parent / "data" / "merge" / "corpus.jsonl"
SEED = Path(__file__).resolve().parents[2] / "shared" / "examples" / "s400-turkey-article.txt"


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    opened = connect(db_url)
    yield opened
    opened.close()


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    """Eight corpus articles read by the real reader: two events, a copy and a denial."""
    wanted = {"e1-a", "e1-b", "e1-b-copy", "e1-neg", "e8-a", "e8-b", "e2-a", "e2-b"}
    read = ingest.read_paths([str(CORPUS)])
    found = [item for item in read if isinstance(item, Article) and item.id.split(":")[-1]]
    by_text = {a["text"]: a["id"] for a in load_corpus(CORPUS)}
    chosen = [a for a in found if by_text.get(a.text) in wanted]
    assert len(chosen) == len(wanted)
    return chosen


def _counts(store: Store) -> dict[str, int]:
    with store.engine.connect() as conn:
        return {
            table.name: conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one()
            for table in schema.metadata.sorted_tables
        }


def _ingest(store: Store, items: list[Article], batch_size: int = 3) -> tuple[int, int]:
    stored = duplicates = 0
    for stats in store_stream(store, items, batch_size=batch_size):
        stored += stats.stored
        duplicates += stats.duplicates
    return stored, duplicates


def _outside_the_search_index(name: str | None, kind: str, _parent: object) -> bool:
    """The text index (FTS5 table and its shadow tables, or a GIN index) has SQL of its own."""
    return name is None or not (name.startswith(search.FTS_TABLE) or name == search.PG_INDEX)


def test_migrated_database_matches_the_schema(store: Store) -> None:
    with store.engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"include_name": _outside_the_search_index})
        diff = compare_metadata(context, schema.metadata)
    assert diff == []


def test_reingesting_changes_nothing(store: Store, articles: list[Article]) -> None:
    assert _ingest(store, articles) == (8, 0)
    before = _counts(store)
    assert before["events"] >= 3 and before["reports"] >= 8
    assert _ingest(store, articles) == (0, 8)
    assert _counts(store) == before


def test_same_text_or_same_url_under_another_name_is_skipped(
    store: Store, articles: list[Article]
) -> None:
    original = articles[0]
    renamed = original.model_copy(update={"id": "renamed.txt", "url": None,
                                          "text": original.text.upper() + "  "})
    same_url = articles[1].model_copy(update={"id": "other", "url": original.url})
    assert _ingest(store, [original, renamed, same_url]) == (1, 2)


def test_interrupted_ingest_resumes_without_losing_or_doubling(
    store: Store, articles: list[Article], tmp_path: Path
) -> None:
    stream = store_stream(store, articles, batch_size=3)
    first = next(stream)
    stream.close()  # the run stops here, as on Ctrl-C between batches
    assert first.stored == 3 and _counts(store)["documents"] == 3
    assert _ingest(store, articles) == (5, 3)
    clean = connect(f"sqlite:///{tmp_path}/clean.db")
    _ingest(clean, articles, batch_size=100)
    assert _counts(store) == _counts(clean)


def test_a_failing_batch_is_rolled_back(store: Store, articles: list[Article]) -> None:
    results = [gold_result(a) for a in load_corpus(CORPUS)[:3]]

    def failing() -> Iterator[Result]:
        yield from results[:2]
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        store.add_results(failing())
    assert _counts(store)["documents"] == 0
    assert store.add_results(results).stored == 3


def test_a_habit_is_stored_as_a_generic_report_and_makes_no_event(store: Store) -> None:
    habit = Article(id="habit", date=dt.date(2024, 5, 10),
                    text="Israeli troops routinely fire at Palestinians who approach the "
                         "border fence with Gaza.")
    act = Article(id="act", date=dt.date(2024, 5, 10),
                  text="Israeli troops fired at Palestinians who approached the border fence "
                       "with Gaza on Friday.")
    _ingest(store, [habit])
    with store.engine.connect() as conn:
        stored = conn.execute(sa.select(schema.reports)).all()
    assert stored and all(r.generic and not r.factual for r in stored)
    assert _counts(store)["events"] == 0
    _ingest(store, [act])
    with store.engine.connect() as conn:
        flags = {(r.generic, r.factual) for r in conn.execute(sa.select(schema.reports))}
    assert (False, True) in flags
    assert _counts(store)["events"] >= 1


def test_merging_is_the_same_on_every_backend(db_url: str) -> None:
    result = evaluate(CORPUS, "gold", db_url)
    assert (result.precision, result.recall, result.n_sources_exact) == (1.0, 1.0, 1.0)


def test_query_and_export_commands(db_url: str, articles: list[Article], tmp_path: Path) -> None:
    store = connect(db_url)
    _ingest(store, articles)
    n_events = _counts(store)["events"]
    store.close()
    runner = CliRunner()
    query = runner.invoke(app, ["query", "--db", db_url, "--actor-country", "ISR",
                                "--format", "jsonl"])
    assert query.exit_code == 0, query.output
    rows = [json.loads(line) for line in query.stdout.splitlines()]
    assert rows and all(r["event_type"] == "ASSAULT" for r in rows)
    assert all("ISR" in {a["country"] for a in r["source"] + r["target"]} for r in rows)
    parquet = tmp_path / "events.parquet"
    export = runner.invoke(app, ["export", "--db", db_url, "--format", "parquet", "-o",
                                 str(parquet)])
    assert export.exit_code == 0, export.output
    table = pq.read_table(parquet)
    assert table.num_rows == n_events
    assert {"event_type", "source", "target", "n_sources", "sentence"} <= set(table.column_names)
    as_csv = runner.invoke(app, ["export", "--db", db_url, "--format", "csv"])
    assert len(list(csv.DictReader(io.StringIO(as_csv.stdout)))) == n_events


def test_bad_database_urls_get_a_message_not_a_traceback(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="unsupported database"):
        connect("mysql://user@localhost/db")
    with pytest.raises(StoreError, match="not a database URL"):
        connect("newsevents.db")
    result = CliRunner().invoke(app, ["query", "--db", "postgresql://nobody@127.0.0.1:1/none"])
    assert result.exit_code == 2
    assert "cannot open database" in result.output
    assert "Traceback" not in result.output


# --------------------------------------------------------------------------- aggregates


@pytest.fixture
def coded_store(store: Store) -> Store:
    """The whole merge corpus and the shared S-400 article, coded by the real pipeline."""
    items = [item for item in ingest.read_paths([str(CORPUS)]) if isinstance(item, Article)]
    items.append(ingest.article_from_text(SEED.read_text(encoding="utf-8"), "seed",
                                          date=dt.date(2019, 4, 9)))
    _ingest(store, items, batch_size=20)
    return store


def _all_events(store: Store) -> list[EventDetail]:
    with reading(store.engine) as reader:
        details = [reader.event_detail(row.id) for row in reader.iter_events(EventFilter())]
    assert all(details)
    return details  # type: ignore[return-value]


def _sides(event: EventDetail) -> tuple[set[str], set[str]]:
    keys_of = lambda side: {a.country or a.igo for a in side  # noqa: E731
                            if a.country or a.igo}
    return keys_of(event.source), keys_of(event.target)


def _counted_network(events: list[EventDetail]) -> dict[tuple[str, str], tuple[int, int]]:
    edges: dict[tuple[str, str], tuple[int, int]] = {}
    for event in events:
        sources, targets = _sides(event)
        for pair in {(s, t) for s in sources for t in targets if s != t}:
            count, cooperation = edges.get(pair, (0, 0))
            edges[pair] = (count + 1, cooperation + (event.event_type in COOPERATIVE_TYPES))
    return edges


def _counted_countries(events: list[EventDetail]) -> dict[str, tuple[int, int, int]]:
    counts: dict[str, tuple[int, int, int]] = {}
    for event in events:
        sources, targets = _sides(event)
        for key in sources | targets:
            as_source, as_target, total = counts.get(key, (0, 0, 0))
            counts[key] = (as_source + (key in sources), as_target + (key in targets), total + 1)
    return counts


def _first_day(day: dt.date, interval: str) -> dt.date:
    if interval == "week":
        return day - dt.timedelta(days=day.weekday())
    return day.replace(day=1) if interval == "month" else day


def test_network_and_countries_agree_with_a_plain_count(coded_store: Store) -> None:
    events = _all_events(coded_store)
    expected = _counted_network(events)
    assert len(expected) >= 5  # the corpus has many directed pairs, RUS -> UKR among them
    with reading(coded_store.engine) as reader:
        edges = reader.network(EventFilter(), 1)
        countries = reader.countries()
        ukraine = reader.network(EventFilter(country="UKR"), 1)
    assert {(e.source, e.target): (e.count, e.cooperation) for e in edges} == expected
    assert all(e.count == e.cooperation + e.conflict for e in edges)
    assert {c.country: (c.as_source, c.as_target, c.events)
            for c in countries} == _counted_countries(events)
    in_ukraine = [e for e in events if "UKR" in set.union(*_sides(e))
                  or (e.location and e.location.country) == "UKR"]
    # the country's own ties: pairs of other actors in its events are not its edges
    assert {(e.source, e.target): (e.count, e.cooperation) for e in ukraine} == {
        pair: counts for pair, counts in _counted_network(in_ukraine).items() if "UKR" in pair}


@pytest.mark.parametrize("interval", ["day", "week", "month"])
def test_timeline_agrees_with_a_plain_count(coded_store: Store, interval: str) -> None:
    expected: dict[tuple[dt.date, str], int] = {}
    for event in _all_events(coded_store):
        if event.date is not None:
            key = (_first_day(event.date, interval), event.event_type)
            expected[key] = expected.get(key, 0) + 1
    with reading(coded_store.engine) as reader:
        points = reader.timeline(EventFilter(), interval)
    assert {(p.period, p.event_type): p.count for p in points} == expected
    assert len({p.period for p in points}) > (1 if interval == "month" else 2)


@pytest.mark.parametrize("query", ["missile", "Kharkiv", "missiles Kharkiv", "s-400", "grain"])
def test_text_search_agrees_with_a_plain_scan(coded_store: Store, query: str) -> None:
    """Every word must start a word of one of the event's report sentences."""
    wanted = [re.compile(rf"(?<![^\W_]){re.escape(w)}", re.IGNORECASE)
              for w in re.findall(r"[^\W_]+", query)]
    expected = {event.id for event in _all_events(coded_store)
                if any(all(w.search(r.sentence) for w in wanted) for r in event.reports)}
    assert expected
    with reading(coded_store.engine) as reader:
        page = reader.event_page(EventFilter(q=query), 500, 0)
        narrowed = reader.event_page(EventFilter(q=query, start=dt.date(2000, 1, 1)), 500, 0)
    assert {item.id for item in page.items} == expected
    assert {item.id for item in narrowed.items} == {
        item.id for item in page.items if item.date is not None}


def test_text_search_follows_new_reports(coded_store: Store, tmp_path: Path) -> None:
    with reading(coded_store.engine) as reader:
        before = reader.event_page(EventFilter(q="Mombasa"), 50, 0).total
    article = ingest.article_from_text(
        "Police fired tear gas at protesters in Mombasa on Tuesday, witnesses said.",
        "mombasa", date=dt.date(2024, 5, 14))
    assert _ingest(coded_store, [article]) == (1, 0)
    with reading(coded_store.engine) as reader:
        after = reader.event_page(EventFilter(q="Mombasa"), 50, 0).total
    assert (before, after) == (0, 1)


# --------------------------------------------------------------------------- persisted state

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def _example(name: str) -> Article:
    (article,) = ingest.read_paths([str(EXAMPLES / name)])
    assert isinstance(article, Article) and article.date is not None
    return article


def _reopened_ingest(db_url: str, items: list[Article]) -> IngestStats:
    """Ingest through a newly opened store, so the near-duplicate index has to read the
    signatures of the stored documents back from the database."""
    store = connect(db_url)
    total = IngestStats()
    try:
        for stats in store_stream(store, items, batch_size=1):
            total.add(stats)
    finally:
        store.close()
    return total


def _syndicated(original: Article) -> Article:
    """Another outlet's copy, a day later: a new headline, the last paragraph cut, a date
    spelled out."""
    assert original.date is not None
    paragraphs = original.text.split("\n\n")
    return original.model_copy(update={
        "id": "syndicated.txt", "title": "Washington targets Iranian drone suppliers",
        "date": original.date + dt.timedelta(days=1),
        "text": "\n\n".join(paragraphs[:-1]).replace("on Wednesday", "on Feb. 4"),
    })


def test_new_articles_are_compared_with_the_stored_signatures(db_url: str) -> None:
    original = _example("2026-02-05-iran-drone-sanctions.txt")
    day = dt.timedelta(days=1)
    neighbour = _example("2026-03-12-jakarta-state-visit.txt").model_copy(
        update={"date": original.date + day})
    syndicated = _syndicated(original)
    later = _example("2026-01-19-sudan-el-obeid-clashes.txt").model_copy(
        update={"date": original.date - day})
    assert _reopened_ingest(db_url, [original]).stored == 1
    other = _reopened_ingest(db_url, [neighbour])
    assert (other.stored, other.near_duplicates) == (1, 0)
    copy = _reopened_ingest(db_url, [syndicated])
    assert (copy.stored, copy.near_duplicates) == (1, 1)
    # A run interrupted after its first batch, then resumed with a new store.
    store = connect(db_url)
    stream = store_stream(store, [later, syndicated, original], batch_size=1)
    assert next(stream).stored == 1
    stream.close()
    store.close()
    resumed = _reopened_ingest(db_url, [later, syndicated, original, neighbour])
    assert (resumed.stored, resumed.duplicates) == (0, 4)
    store = connect(db_url)
    with store.engine.connect() as conn:
        rows = {row.doc_id: row for row in conn.execute(sa.select(schema.documents))}
    store.close()
    assert rows["syndicated.txt"].duplicate_of == rows[original.id].id
    assert rows["syndicated.txt"].origin == rows[original.id].origin
    assert rows[neighbour.id].duplicate_of is None and len(rows) == 4


def test_a_copy_is_recognised_when_another_writer_stored_the_original(db_url: str) -> None:
    """Two writers (two ingests, or an ingest and the API) on one store: each one's cache of
    signatures must follow what the other commits."""
    original = _example("2026-02-05-iran-drone-sanctions.txt")
    neighbour = _example("2026-03-12-jakarta-state-visit.txt").model_copy(
        update={"date": original.date})
    first, second = connect(db_url), connect(db_url)
    try:
        assert _ingest(second, [neighbour]) == (1, 0)  # second caches the days around it
        assert _ingest(first, [original]) == (1, 0)
        copy = store_stream(second, [_syndicated(original)])
        assert next(copy).near_duplicates == 1
    finally:
        first.close()
        second.close()


def test_an_article_without_a_date_is_stored_and_found(store: Store) -> None:
    (article,) = ingest.read_paths(["-"], stdin=io.StringIO(
        "T\nLithuania expelled three Russian diplomats, the ministry said.\n"))
    assert isinstance(article, Article) and article.date is None
    assert _ingest(store, [article, article.model_copy(update={"id": "again"})]) == (1, 1)
    with reading(store.engine) as reader:
        page = reader.event_page(EventFilter(q="expelled"), 50, 0)
    assert page.total >= 1 and page.items[0].date is None


def test_concurrent_first_opens_create_the_schema_once(tmp_path: Path) -> None:
    """Two processes opening a new database at once used to both run the first migration."""
    def open_and_close(url: str) -> None:
        connect(url).close()

    for attempt in range(6):
        url = f"sqlite:///{tmp_path}/race-{attempt}.db"
        with ThreadPoolExecutor(2) as pool:
            for future in [pool.submit(open_and_close, url) for _ in range(2)]:
                future.result()


# --------------------------------------------------------------------------- bad records


def test_a_record_with_unstorable_text_costs_that_record_only(
    db_url: str, tmp_path: Path
) -> None:
    lines = (EXAMPLES / "wire-briefs-2026-04.jsonl").read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[0])
    broken = [{**record, "id": "surrogate", "text": "\ud800" + record["text"]},
              {**record, "id": "nul", "text": record["text"] + "\x00"}]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join([json.dumps(broken[0]), *lines, json.dumps(broken[1])]) + "\n",
                    encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", str(path), "--db", db_url, "-j", "1"])
    assert result.exit_code == 1, result.output
    assert "mixed.jsonl:1: line 1: 'text' has a lone surrogate U+D800" in result.output
    assert f"stored {len(lines)} document(s)" in result.output
    assert "Traceback" not in result.output


def test_a_row_the_database_refuses_costs_that_record_only(store: Store) -> None:
    """What the reader did not catch (a Result built in Python) is refused per record too."""
    results = [gold_result(a) for a in load_corpus(CORPUS)[:3]]
    bad = results[1].model_copy(update={"document": results[1].document.model_copy(
        update={"title": "Gaza \udc9f ceasefire", "source": "wire\x00"})})
    stats = store.add_results([results[0], bad, results[2]])
    assert stats.stored == 2 and stats.reports == len(results[0].events) + len(results[2].events)
    assert [doc_id for doc_id, _ in stats.errors] == [bad.document.doc_id]
    assert stats.errors[0][1].startswith("not stored: ")
    counts = _counts(store)
    assert counts["documents"] == 2
    assert counts["reports"] == stats.reports
    assert store.add_results([results[1]]).stored == 1
