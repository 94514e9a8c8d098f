"""Fault injection against the real ``newsevents ingest`` command: kill -9 at seeded random
points then resume, concurrent writers, Ctrl-C, a killed parent's workers, a read-only store
and a full disk. Every run ends with the store compared record by record with a clean ingest.

The input is the bundled example articles, repeated in four editions whose dates (and years
in the text) are five years apart, plus one syndicated copy per edition: distinct documents
with near-duplicates, merged events and deals, and no edition that can merge with another.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import os
import random
import re
import signal
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from newsevents import ingest
from newsevents.models import Article, Result
from newsevents.pipeline import code_chunk
from newsevents.store import connect, schema
from newsevents.store.db import make_engine

from .conftest import ROOT

NEWSEVENTS = str(Path(sys.executable).with_name("newsevents"))
EDITIONS = 4
YEARS_APART = 5
BATCH = "4"
SEED = 20260412
KILLS = 2
# More rounds (each with its own seed and store) for a longer campaign than the suite's.
ROUNDS = int(os.environ.get("NEWSEVENTS_FAULT_ROUNDS", "1"))
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")

Snapshot = dict[str, dict[Any, Any]]


# --------------------------------------------------------------------------- input


def _edition(article: Article, edition: int, suffix: str = "") -> dict[str, Any]:
    assert article.date is not None
    shift = YEARS_APART * edition
    text = _YEAR.sub(lambda m: str(int(m[0]) + shift), article.text)
    return {
        "id": f"e{edition}/{article.id}{suffix}", "title": article.title,
        "date": article.date.replace(year=article.date.year + shift).isoformat(),
        "source": article.source, "text": f"{text}\n\nEdition {edition}.",
    }


def _syndicated(article: Article, edition: int) -> dict[str, Any]:
    """A copy a day later from another outlet, its last paragraph cut: a near-duplicate."""
    record = _edition(article, edition, "-copy")
    record["date"] = (dt.date.fromisoformat(record["date"]) + dt.timedelta(days=1)).isoformat()
    record["source"], record["title"] = "Other Wire", f"Syndicated: {article.title}"
    record["text"] = "\n\n".join([*record["text"].split("\n\n")[:-2], f"Edition {edition}."])
    return record


@pytest.fixture(scope="module")
def records() -> list[dict[str, Any]]:
    examples = [a for a in ingest.read_paths([str(ROOT / "examples")]) if isinstance(a, Article)]
    assert len(examples) >= 8
    rows: list[dict[str, Any]] = []
    for edition in range(EDITIONS):
        rows.extend(_edition(article, edition) for article in examples)
        rows.append(_syndicated(examples[edition % len(examples)], edition))
    return rows


def _write(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def coded(records: list[dict[str, Any]], tmp_path_factory: pytest.TempPathFactory
          ) -> dict[str, Result]:
    """Every record coded once in this process, by id: clean stores are built from these."""
    path = _write(tmp_path_factory.mktemp("coded") / "all.jsonl", records)
    results = code_chunk(list(ingest.read_paths([str(path)])))
    assert not [r.document.error for r in results if r.document.error]
    return {result.document.doc_id: result for result in results}


def _clean(coded: dict[str, Result], ids: list[str], url: str) -> Snapshot:
    """The store a single uninterrupted ingest of ``ids``, in this order, leaves behind."""
    store = connect(url)
    try:
        for start in range(0, len(ids), int(BATCH)):
            store.add_results([coded[i] for i in ids[start:start + int(BATCH)]])
    finally:
        store.close()
    return _snapshot(url)


# --------------------------------------------------------------------------- comparing stores


def _sortable(row: tuple) -> tuple:
    """Rows with empty (NULL) columns sort beside the others."""
    return tuple((value is None, "" if value is None else str(value)) for value in row)


def _json(value: Any) -> str:
    return json.dumps(value, sort_keys=True)


def _snapshot(url: str) -> Snapshot:
    """Every stored record under a key that does not depend on row ids (which differ with the
    order of arrival): documents by id, reports by (document, mention), events by the set of
    reports they hold, deals by their key. Values hold every column but row ids and times."""
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return _read_snapshot(conn)
    finally:
        engine.dispose()


def _read_snapshot(conn: sa.Connection) -> Snapshot:
    t = schema
    docs = {row.id: row for row in conn.execute(sa.select(t.documents))}
    name = {row_id: row.doc_id for row_id, row in docs.items()}

    def origin(value: str) -> str:
        return f"doc:{name[int(value[4:])]}" if value.startswith("doc:") else value

    documents = {
        r.doc_id: (r.title, r.date, r.url, r.source, r.language, r.n_sentences, r.text,
                   r.text_hash, bytes(r.minhash), name.get(r.duplicate_of), origin(r.origin),
                   _json(r.dropped_lines))
        for r in docs.values()
    }
    reports: dict[tuple[str, str], tuple] = {}
    members: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for r in conn.execute(sa.select(t.reports)):
        key = (name[r.document_id], r.mention_id)
        reports[key] = (r.event_id is None, r.sentence_index, r.event_type, r.mode,
                        _json(r.context), r.date, r.date_text, r.trigger, r.sentence,
                        r.start_char, r.end_char, _json(r.source_actors),
                        _json(r.target_actors), _json(r.location), _json(r.attribution),
                        r.negated, r.hypothetical, r.factual, r.confidence)
        if r.event_id is not None:
            members[r.event_id].append(key)
    actors: dict[int, list[tuple]] = defaultdict(list)
    for a in conn.execute(sa.select(t.event_actors)):
        actors[a.event_id].append((a.role, a.key, a.country, a.igo, a.sector, a.name, a.text))
    facets: dict[int, list[tuple]] = defaultdict(list)
    for k in conn.execute(sa.select(t.event_keys)):
        facets[k.event_id].append((k.key, k.actor, k.event_type, k.date, k.n_sources))
    events = {
        tuple(sorted(members[e.id])): (
            e.event_type, e.mode, e.date, e.place_key, e.location_name, e.location_country,
            e.lat, e.lon, e.geonameid, e.trigger, e.sentence, e.n_reports, e.n_sources,
            tuple(sorted(actors[e.id], key=_sortable)), tuple(sorted(facets[e.id], key=_sortable)))
        for e in conn.execute(sa.select(t.events))
    }
    deal_history: dict[int, list[tuple]] = defaultdict(list)
    for d in conn.execute(sa.select(t.deal_reports)):
        deal_history[d.deal_id].append(
            (name[d.document_id], d.transfer_id, d.date, d.status, d.quantity, d.value,
             d.currency, d.sentence, _json(d.attribution)))
    deals = {
        d.deal_key: (d.supplier, d.recipient, d.system_name, d.system_mention, d.category,
                     d.origin, d.quantity, d.value, d.currency, d.status, d.n_reports,
                     tuple(sorted(deal_history[d.id], key=repr)))
        for d in conn.execute(sa.select(t.deals))
    }
    return {"documents": documents, "reports": reports, "events": events, "deals": deals}


def _differences(got: Snapshot, want: Snapshot) -> list[str]:
    found = []
    for table, wanted in want.items():
        for key in sorted(wanted.keys() | got[table].keys(), key=repr):
            if key not in got[table]:
                found.append(f"{table} {key!r}: missing")
            elif key not in wanted:
                found.append(f"{table} {key!r}: extra")
            elif got[table][key] != wanted[key]:
                found.append(f"{table} {key!r}: differs")
    return found


def _size(snapshot: Snapshot) -> int:
    return sum(len(records) for records in snapshot.values())


# --------------------------------------------------------------------------- processes


def _ingest(path: Path, url: str, *options: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [NEWSEVENTS, "ingest", str(path), "--db", url, "--batch-size", BATCH, *options],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )


@functools.cache
def _engine(url: str) -> sa.Engine:
    """One engine per store for polling: a new one per look made the looks lag behind."""
    return make_engine(url)


def _stored(url: str) -> int:
    """Documents committed so far, read as another client would (0 before the schema)."""
    try:
        with _engine(url).connect() as conn:
            return conn.execute(sa.select(sa.func.count()).select_from(schema.documents)
                                ).scalar_one()
    except sa.exc.DBAPIError:
        return 0


def _wait_for(condition: Any, process: subprocess.Popen[str], timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not condition() and process.poll() is None:
        assert time.monotonic() < deadline, "the ingest made no progress"
        time.sleep(0.05)


def _children(pid: int) -> list[int]:
    found = []
    for entry in filter(str.isdigit, os.listdir("/proc")):
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry))
    return found


def _running(pid: int) -> bool:
    """Alive and not a zombie waiting for whoever adopted it to reap it."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _finish(process: subprocess.Popen[str]) -> str:
    _, stderr = process.communicate(timeout=300)
    assert process.returncode == 0, stderr
    assert "Traceback" not in stderr
    return stderr


# --------------------------------------------------------------------------- tests


@pytest.mark.parametrize("seed", range(SEED, SEED + ROUNDS))
def test_kill_9_at_random_points_then_resume_equals_a_clean_ingest(
    db_url: str, seed: int, records: list[dict[str, Any]], coded: dict[str, Result],
    tmp_path: Path,
) -> None:
    """Each kill lands at a seeded random point: once the run has committed a random number
    of further documents, plus up to 0.4 s, so inside the coding of a batch or inside its
    transaction."""
    path = _write(tmp_path / "input.jsonl", records)
    want = _clean(coded, [r["id"] for r in records], f"sqlite:///{tmp_path}/clean.db")
    rng = random.Random(seed)
    at_kill: list[int] = []
    for _ in range(KILLS):
        before = _stored(db_url)
        target = before + rng.randint(1, (len(records) - before) // 3)
        process = _ingest(path, db_url, "-j", "1")
        _wait_for(lambda target=target: _stored(db_url) >= target, process)
        time.sleep(rng.uniform(0, 0.4))  # into the next batch's coding or its transaction
        assert process.poll() is None, "the run ended before it could be killed"
        process.kill()
        process.wait()
        at_kill.append(_stored(db_url))
    _finish(_ingest(path, db_url, "-j", "1"))
    got = _snapshot(db_url)
    differences = _differences(got, want)
    print(f"seed {seed}: kill -9 with {at_kill} of {len(records)} documents stored, then "
          f"resumed: {_size(want)} records compared, {len(differences)} differences")
    assert differences == []


def test_concurrent_ingests_store_each_record_once(
    db_url: str, records: list[dict[str, Any]], coded: dict[str, Result], tmp_path: Path
) -> None:
    """Three ingests at once on a new store, two of the same input and one that overlaps it
    by a whole edition (so no order of arrival can change a merge): all three finish, and
    the store is a clean ingest's."""
    per_edition = len(records) // EDITIONS
    inputs = [records[:2 * per_edition]] * 2 + [records[per_edition:3 * per_edition]]
    paths = [_write(tmp_path / f"{n}.jsonl", rows) for n, rows in enumerate(inputs)]
    want = _clean(coded, [r["id"] for r in records[:3 * per_edition]],
                  f"sqlite:///{tmp_path}/clean.db")
    processes = [_ingest(path, db_url, "-j", "1") for path in paths]
    for process in processes:
        _finish(process)
    differences = _differences(_snapshot(db_url), want)
    print(f"three concurrent ingests (two identical, one overlapping): {_size(want)} records "
          f"compared, {len(differences)} differences")
    assert differences == []


def test_ctrl_c_keeps_committed_batches_and_exits_promptly(
    records: list[dict[str, Any]], tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path}/store.db"
    process = _ingest(_write(tmp_path / "input.jsonl", records), url, "-j", "1")
    _wait_for(lambda: _stored(url) >= int(BATCH), process)
    started = time.monotonic()
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=60)
    took = time.monotonic() - started
    print(f"Ctrl-C during coding: exit after {took:.2f} s")
    assert process.returncode == 130
    committed = _stored(url)
    assert stderr.strip() == (f"interrupted: {committed} document(s) committed; run the same "
                              "command again to resume.")
    assert int(BATCH) <= committed < len(records)
    # Prompt, not timed: 0.6-1.7 s on an idle machine, up to 6 s when other work loads the
    # cores; before workers stopped on the signal a Ctrl-C took 12-22 s.
    assert took < 10


def test_workers_stop_with_ctrl_c_and_die_with_a_killed_parent(
    records: list[dict[str, Any]], tmp_path: Path
) -> None:
    """Ctrl-C once waited up to half a minute for the workers' chunks; kill -9 left them
    running (0.6 GB each) for a minute and more."""
    path = _write(tmp_path / "input.jsonl", records)
    timings = []
    for stop in (signal.SIGINT, signal.SIGKILL):
        process = _ingest(path, f"sqlite:///{tmp_path}/{stop.name}.db", "-j", "2")
        _wait_for(lambda process=process: len(_children(process.pid)) >= 2, process)
        workers = _children(process.pid)
        time.sleep(1.5)  # loading the model or coding a chunk
        started = time.monotonic()
        process.send_signal(stop)  # to the parent only, as a supervisor or kill(1) does
        process.wait(timeout=60)
        while any(map(_running, workers)) and time.monotonic() - started < 10:
            time.sleep(0.05)
        timings.append(time.monotonic() - started)
        survivors = [pid for pid in workers if _running(pid)]
        for pid in survivors:
            os.kill(pid, signal.SIGKILL)
        assert not survivors, f"{stop.name}: workers still running"
        assert process.stderr is not None and "Traceback" not in process.stderr.read()
    print(f"workers gone {timings[0]:.2f} s after Ctrl-C, {timings[1]:.2f} s after kill -9")
    assert process.returncode == -signal.SIGKILL
    # Most of what remains after Ctrl-C is the interpreter freeing the model (about 1 s).
    assert timings[0] < 4 and timings[1] < 2


def _read_only(url: str) -> str:
    if url.startswith("sqlite"):
        return url.replace("sqlite:///", "sqlite:///file:") + "?mode=ro&uri=true"
    return url + "?options=-c%20default_transaction_read_only%3Don"


def test_a_read_only_store_is_refused_before_coding(
    db_url: str, records: list[dict[str, Any]], tmp_path: Path
) -> None:
    connect(db_url).close()
    process = _ingest(_write(tmp_path / "input.jsonl", records), _read_only(db_url))
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 2
    message = "".join(stderr.split())  # rich folds long lines when stderr is not a terminal
    assert message.startswith("cannotwritetodatabase") and "read" in message
    assert "Traceback" not in stderr and "stored" not in stderr
    assert _stored(db_url) == 0


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 1.5 MB file system: room for the schema and a few batches, not for all."""
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1500k", "tmpfs", str(mount)],
                          capture_output=True, check=False)
    if done.returncode != 0:
        pytest.skip("mounting a small file system needs root")
    yield mount
    subprocess.run(["umount", "--lazy", str(mount)], check=True)


def test_a_full_disk_mid_run_ends_with_one_line_and_keeps_the_committed(
    small_disk: Path, records: list[dict[str, Any]], tmp_path: Path
) -> None:
    url = f"sqlite:///{small_disk}/store.db"
    process = _ingest(_write(tmp_path / "input.jsonl", records), url, "-j", "1")
    _, stderr = process.communicate(timeout=300)
    committed = _stored(url)
    _engine(url).dispose()  # or the file system stays busy
    expected = (f"cannot write to database {url}: database or disk is full "
                f"({committed} document(s) committed before)")
    assert process.returncode == 1, stderr
    # One message; rich folds it (even inside the URL) when stderr is not a terminal.
    assert "".join(stderr.split()) == "".join(expected.split())
    assert 0 < committed < len(records)
