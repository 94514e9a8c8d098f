"""The Ray path (``--ray``) on a real Ray cluster that this module starts: a head node of two
CPUs (``ray start --head --block``) on the loopback address, stopped at the end.

It must give the local path's records, record by record; read and write the same Parquet;
and survive a coding actor killed mid-run with every document stored exactly once, as a clean
local ingest stores them, then skip all of them when run again.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.dataset as pads
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from newsevents import distributed, ingest
from newsevents.cli import app
from newsevents.models import Result
from newsevents.store.writer import IngestStats

from .conftest import ROOT
from .test_faults import _children, _clean, _differences, _snapshot, _write, coded, records

__all__ = ["coded", "records"]  # the fault tests' input, used here as fixtures

pytest.importorskip("ray.data", reason="the ray extra is not installed")

RAY = str(Path(sys.executable).with_name("ray"))
EXAMPLES = str(ROOT / "examples")
CODING_ACTOR = "ray::MapWorker(MapBatches(_Coding))"
# A coding actor's resident memory before (about 150 MB) and after (about 700 MB) it loads
# the language model, measured with ps on this test's runs; the threshold lies between.
MODEL_MB = 400
PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>


def _free_ports(count: int) -> list[int]:
    """Distinct free ports: each probe stays bound until all are taken, since the system may
    hand a closed probe's port out again (Ray refuses one port given to two components)."""
    with contextlib.ExitStack() as stack:
        probes = [stack.enter_context(socket.socket()) for _ in range(count)]
        for probe in probes:
            probe.bind(("127.0.0.1", 0))
        return [int(probe.getsockname()[1]) for probe in probes]


@dataclass(frozen=True)
class Cluster:
    address: str
    folder: str

    def coding_actors(self) -> list[int]:
        """Process ids of this cluster's coding actors: children of its raylet whose process
        title names the class."""
        return [pid for raylet in _processes(self.folder, "/raylet")
                for pid in _children(raylet) if _title(pid).startswith(CODING_ACTOR)]


def _title(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def _processes(folder: str, program: str) -> list[int]:
    return [int(entry.name) for entry in Path("/proc").iterdir() if entry.name.isdigit()
            and folder in (title := _title(int(entry.name)))
            and title.split(" ")[0].endswith(program)]


def _die_with_parent() -> None:
    """A test run that is killed stops its cluster too (``ray start --block`` stops every
    process it started when it gets SIGTERM)."""
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)


@pytest.fixture(scope="module")
def cluster() -> Iterator[Cluster]:
    """A two-CPU cluster of its own, in its own temporary folder (so that ``--ray auto``
    elsewhere on the machine never joins it) and on ports of its own."""
    temp = tempfile.mkdtemp(prefix="ne-ray-", dir="/tmp")  # Ray's socket paths must be short
    # Bound to the loopback address and gone with the module; a token would have to be set
    # before this process first imports Ray, which pytest's collection has already done.
    env = {"RAY_AUTH_MODE": "disabled"}
    names = ("dashboard-agent-listen-port", "dashboard-agent-grpc-port", "runtime-env-agent-port",
             "metrics-export-port", "node-manager-port", "object-manager-port")
    port, *free = _free_ports(len(names) + 1)
    ports = [f"--{name}={number}" for name, number in zip(names, free, strict=True)]
    log = Path(temp, "start.log")
    with log.open("w") as out:
        head = subprocess.Popen(
            [RAY, "start", "--head", "--block", f"--port={port}", "--num-cpus=2",
             "--node-ip-address=127.0.0.1", f"--temp-dir={temp}", "--include-dashboard=false",
             "--disable-usage-stats", *ports],
            env={**os.environ, **env}, stdout=out, stderr=subprocess.STDOUT,
            preexec_fn=_die_with_parent)
    try:
        deadline = time.monotonic() + 120
        while "Ray runtime started" not in log.read_text():
            assert head.poll() is None, log.read_text()
            assert time.monotonic() < deadline, log.read_text()
            time.sleep(0.2)
        with pytest.MonkeyPatch.context() as patch:
            for name, value in env.items():
                patch.setenv(name, value)
            yield Cluster(f"127.0.0.1:{port}", temp)
    finally:
        head.terminate()  # --block stops every process of the cluster with it
        head.wait(60)


def _cli(*args: str) -> Any:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result


# --------------------------------------------------------------------------- code


def test_ray_gives_the_local_records_on_the_examples(cluster: Cluster, tmp_path: Path) -> None:
    _cli("code", EXAMPLES, "--format", "jsonl", "-o", str(tmp_path / "local.jsonl"), "-j", "1")
    _cli("code", EXAMPLES, "--format", "jsonl", "-o", str(tmp_path / "ray.jsonl"),
         "--ray", cluster.address)
    local = (tmp_path / "local.jsonl").read_text(encoding="utf-8").splitlines()
    on_ray = (tmp_path / "ray.jsonl").read_text(encoding="utf-8").splitlines()
    # The records carry no timing field: every line must be equal, in the same order.
    assert len(on_ray) == len(local)
    for mine, theirs in zip(on_ray, local, strict=True):
        assert json.loads(mine) == json.loads(theirs)
    kinds = [json.loads(line)["record"] for line in local]
    assert kinds.count("document") == 9 and kinds.count("event") > 50
    assert kinds.count("arms_transfer") > 0


def _parquet_input(path: Path) -> Path:
    """Two articles as a news archive exports them: ids, timestamps, a column we do not read."""
    table = pa.table({
        "id": ["archive-1", "archive-2"],
        "date": pa.array([1_780_000_000_000, None], type=pa.timestamp("ms")),
        "text": [
            "NAIROBI - Kenyan police fired tear gas at protesters outside parliament on "
            "Tuesday, and the interior minister accused opposition leaders of organising "
            "the unrest.",
            "Chile and Argentina signed an agreement on Thursday to share water from the "
            "rivers that cross their border, the two foreign ministries said.",
        ],
        "section": ["Africa", "Americas"],
    })
    pq.write_table(table, path)
    return path


def _rows(folder: Path) -> list[dict[str, Any]]:
    rows = pads.dataset(folder, format="parquet", partitioning="hive").to_table().to_pylist()
    return sorted(rows, key=lambda r: json.dumps(r, sort_keys=True, default=str))


def test_ray_writes_the_local_parquet_dataset(cluster: Cluster, tmp_path: Path) -> None:
    archive = str(_parquet_input(tmp_path / "archive.parquet"))
    _cli("code", EXAMPLES, archive, "--format", "parquet", "-o", str(tmp_path / "local"),
         "-j", "1")
    _cli("code", EXAMPLES, archive, "--format", "parquet", "-o", str(tmp_path / "ray"),
         "--ray", cluster.address)
    local, on_ray = _rows(tmp_path / "local"), _rows(tmp_path / "ray")
    assert on_ray == local
    documents = {r["doc_id"]: r for r in local if r["record"] == "document"}
    assert len(documents) == 11 and not [r for r in documents.values() if r["error"]]
    # One folder per publication date; an article without one is in the null partition.
    assert str(documents["archive-2"]["published"]) == "None"
    assert str(documents["archive-1"]["published"]) == "2026-05-28"
    assert str(documents["2026-03-12-jakarta-state-visit.txt"]["published"]) == "2026-03-12"
    folders = {p.name for p in (tmp_path / "ray").iterdir()}
    assert "published=2026-05-28" in folders and "published=2025-11-20" in folders
    events = [r for r in on_ray if r["record"] == "event" and r["doc_id"] == "archive-1"]
    assert "ACCUSE" in {e["event_type"] for e in events}  # the Parquet input was coded


def test_an_output_folder_that_holds_files_is_refused(tmp_path: Path) -> None:
    (tmp_path / "old.parquet").write_bytes(b"PAR1")
    result = CliRunner().invoke(app, ["code", EXAMPLES, "--format", "parquet", "-o",
                                      str(tmp_path)])
    assert result.exit_code == 2 and "not empty" in result.output


# --------------------------------------------------------------------------- ingest


def _total(stats: list[IngestStats]) -> IngestStats:
    total = IngestStats()
    for item in stats:
        total.add(item)
    return total


class Killer(threading.Thread):
    """Kills the first coding actor seen holding the language model, which it loads only
    when its first batch arrives: so it dies with a batch in hand. Notes every coding actor
    process it sees, the restarted one included."""

    def __init__(self, cluster: Cluster) -> None:
        super().__init__(daemon=True)
        self.cluster = cluster
        self.victim: int | None = None
        self.seen: set[int] = set()
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(0.05):
            actors = self.cluster.coding_actors()
            self.seen.update(actors)
            loaded = [pid for pid in actors if _resident_mb(pid) > MODEL_MB]
            if self.victim is None and loaded:
                self.victim = loaded[0]
                os.kill(self.victim, signal.SIGKILL)


def _resident_mb(pid: int) -> float:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    line = next((x for x in status.splitlines() if x.startswith("VmRSS:")), "VmRSS: 0 kB")
    return int(line.split()[1]) / 1024


def test_a_killed_coding_actor_costs_no_document_and_stores_none_twice(
    cluster: Cluster, db_url: str, records: list[dict[str, Any]], coded: dict[str, Result],
    tmp_path: Path,
) -> None:
    path = str(_write(tmp_path / "news.jsonl", records))
    killer = Killer(cluster)
    with distributed.cluster(cluster.address) as cpus:
        killer.start()
        stats = list(distributed.ingest_stream([path], db_url, workers=cpus, batch_size=4,
                                               chunk=4))
        killer.done.set()
        killer.join()
    assert killer.victim is not None, "no coding actor was killed"
    assert len(killer.seen) > cpus, "the killed actor was not restarted"
    total = _total(stats)
    assert (total.stored, total.duplicates, total.errors) == (len(records), 0, [])
    # Stored exactly as one uninterrupted local ingest of the same articles stores them.
    clean = _clean(coded, [r["id"] for r in records], f"sqlite:///{tmp_path}/clean.db")
    assert _differences(_snapshot(db_url), clean) == []

    with distributed.cluster(cluster.address) as cpus:
        again = _total(list(distributed.ingest_stream([path], db_url, workers=cpus)))
    assert (again.stored, again.duplicates, again.errors) == (0, len(records), [])


def test_ingest_on_ray_from_the_command_line(cluster: Cluster, db_url: str) -> None:
    result = _cli("ingest", EXAMPLES, "--db", db_url, "--ray", cluster.address, "--writers", "2")
    assert "stored 9 document(s)" in result.output
    again = _cli("ingest", EXAMPLES, "--db", db_url, "--ray", cluster.address)
    assert "stored 0 document(s)" in again.output and "skipped 9 already stored" in again.output


# --------------------------------------------------------------------------- without Ray


def test_without_the_extra_ray_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in [m for m in sys.modules if m == "ray" or m.startswith("ray.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "ray", None)  # what `import ray` meets without the extra
    for command in (["code", EXAMPLES, "--ray", "auto"], ["ingest", EXAMPLES, "--ray", "auto",
                                                          "--db", "sqlite:///:memory:"]):
        result = CliRunner().invoke(app, command)
        assert result.exit_code == 2
        assert result.output.strip() == distributed.INSTALL_HINT
        assert result.exception is None or isinstance(result.exception, SystemExit)


def test_the_ray_dataset_reads_what_ingest_reads(cluster: Cluster, tmp_path: Path) -> None:
    """Every input type, through ``ingest.read_file`` on the cluster, with the same ids and
    the same per-record errors as ``ingest.read_paths`` here."""
    (tmp_path / "bad.jsonl").write_text('{"id": "ok", "text": "Peru and Bolivia met."}\n{oops\n')
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 owners protested in Lima.".encode("latin-1"))
    _parquet_input(tmp_path / "archive.parquet")
    paths = [EXAMPLES, str(tmp_path)]
    here = [item.model_dump() for item in ingest.read_paths(paths)]
    with distributed.cluster(cluster.address):
        rows = distributed.read(paths).take_all()
    there = [distributed.decode_item(item["item"]).model_dump()
             for row in rows for item in json.loads(row[distributed.CHUNK_COLUMN])]
    assert there == here
    assert len(here) == 9 + 2 + 1 + 2
    assert sum("message" in item for item in here) == 2  # the bad JSON line, the Latin-1 text
