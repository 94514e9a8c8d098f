"""Coding on a Ray cluster (``--ray``): the same inputs, coder and store as the local path,
spread over every CPU of a cluster with Ray Data.

Why Ray Data rather than our own process pool: past one machine, scheduling, moving data
between machines, restarting a worker that dies and retrying its work are a distributed
engine's job. The stages:

1. the input files are listed here, as ``ingest`` lists them, and each one is read on the
   cluster by ``ingest.read_file``, so every format ``ingest`` reads is read the same way,
   with the same document ids;
2. a fixed pool of actors codes them, each holding one language model, loaded once
   (``pipeline.code_chunk``); given a store, a small pool of actors first marks the articles
   it already holds, as the local ``ingest`` does, so that a re-run codes only what is
   missing;
3. results come back in input order (``code``), go to Parquet partitioned by publication date
   (``write_parquet``), or to the store through a bounded pool of writer actors (``ingest``).

An actor that dies is restarted by Ray and its batch coded again. Nothing is stored twice:
documents carry ids, and the store skips an article it already holds (same URL or text) in
the same transaction that would write it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsevents import ingest, model_ops, nlp, partitioned
from newsevents.models import Article, InputError, Result
from newsevents.pipeline import CHUNK, code_chunk

if TYPE_CHECKING:
    from ray.data import Dataset

    from newsevents.store.writer import IngestStats

INSTALL_HINT = "--ray needs Ray, which is not installed: pip install 'newsevents[ray]'"

Batch = dict[str, Any]
"""A Ray Data batch: column name to the values of that column."""

# Reading is light next to coding (the local path reads in the main process while its
# workers code), so read tasks and store writers claim no CPU and leave every CPU to the
# coders: with a slice of one (0.05) a 2-CPU cluster ran its two coders and never a reader.
# Their number is bounded instead: reading a chunk of 32 articles took 9-55 ms and coding it
# 1.4-10 s (bench_ray.py's texts, Ray Data's stats), so two read tasks at a time keep far
# more coders than two fed.
LIGHT_CPUS = 0
READERS = 2


class ClusterError(Exception):
    """Ray is missing, or the cluster cannot be reached; the message is meant for the user."""


def require_ray() -> None:
    """Raise ``ClusterError`` with the install line when the ``ray`` extra is missing."""
    try:
        import ray.data  # noqa: F401
    except ImportError:
        raise ClusterError(INSTALL_HINT) from None


@contextmanager
def cluster(address: str) -> Iterator[int]:
    """Connected to Ray for the duration; yields the cluster's CPU count.

    ``auto`` joins the cluster this machine last started (``ray start``), or else starts one
    for this run on this machine's CPUs and stops it at the end; any other value is the
    address of a running cluster (``HOST:PORT`` or ``ray://HOST:10001``).
    """
    require_ray()
    import ray
    from ray.data import DataContext

    try:
        ray.init(address=None if address == "auto" else address,
                 logging_level=logging.ERROR, log_to_driver=False)
    except (ConnectionError, ValueError, RuntimeError) as exc:
        raise ClusterError(f"cannot reach the Ray cluster at {address}: {exc}") from None
    logging.getLogger("ray.data").setLevel(logging.ERROR)
    # Fewer files than readers, or fewer batches than actors (a few articles), keep some of
    # them idle, as the local path codes a few articles with fewer processes: Ray Data's
    # warning about it says nothing to act on.
    warnings.filterwarnings("ignore", "The (minimum|maximum) number of concurrent", UserWarning)
    context = DataContext.get_current()
    context.execution_options.preserve_order = True  # the local path's order, record by record
    context.enable_progress_bars = False
    context.print_on_execution_start = False
    try:
        yield int(ray.cluster_resources().get("CPU", 1))
    finally:
        ray.shutdown()


# --------------------------------------------------------------------------- reading

# Every row of the datasets below is one chunk: a JSON list of up to ``chunk`` articles (then
# of their results), the unit ``pipeline.Coder`` parses in one ``nlp.pipe`` and the unit of
# work a restarted actor does again. Ray Data hands a task whole blocks and made a read
# task's output one block, whatever the file held: a JSON Lines file of 40 articles went to
# one coding actor while the other idled. With one article per row and per block, the blocks
# were spread, but Ray Data moved them one at a time, 75 ms apart: reading then capped coding
# at 13 articles/s. (``Dataset.repartition`` cuts blocks too, but as a task that waits for a
# whole CPU, which the coding actors hold: that run never finished.) Hence one chunk per row,
# and one row per block.
CHUNK_COLUMN = "chunk"


def read(
    paths: Sequence[str], *, default_date: dt.date | None = None,
    columns: ingest.CsvColumns | None = None, on_skip: ingest.OnSkip | None = None,
    stdin: Any = None, chunk: int = CHUNK,
) -> Dataset:
    """The inputs as a dataset of chunks of articles (and input errors), one read task per
    file.

    Files are read where the task runs: on a multi-node cluster the paths must be the same on
    every node (a shared file system). Standard input can only be read here, so its articles
    travel with the task list.
    """
    import ray.data
    from ray.data import DataContext

    sources: list[dict[str, Any]] = []
    for entry in ingest.input_files(paths, on_skip):
        if entry is None:
            items = ingest.read_paths(["-"], default_date=default_date, stdin=stdin)
            sources.append({"path": None, "doc_id": None, "items": [encode_item(i) for i in items]})
        else:
            sources.append({"path": str(entry[0]), "doc_id": entry[1], "items": []})
    # Ray Data takes the block size in force when a dataset's first step is made, for every
    # later step: at one byte, each block holds one row, however small.
    context = DataContext.get_current()
    block_bytes, context.target_max_block_size = context.target_max_block_size, 1
    try:
        files = ray.data.from_items(sources or [{"path": None, "doc_id": None, "items": []}],
                                    override_num_blocks=max(1, len(sources)))
    finally:
        context.target_max_block_size = block_bytes
    return files.map_batches(
        _read_sources, batch_size=1, num_cpus=LIGHT_CPUS, concurrency=READERS,
        fn_kwargs={"default_date": default_date, "columns": columns, "chunk": chunk},
    )


def _read_sources(batch: Batch, default_date: dt.date | None,
                  columns: ingest.CsvColumns | None, chunk: int) -> Iterator[Batch]:
    """One source's articles, ``chunk`` at a time, so that a big JSON Lines or Parquet file
    streams through the cluster instead of sitting whole in one task's memory."""
    for path, doc_id, inline in zip(batch["path"], batch["doc_id"], batch["items"], strict=True):
        if path is None:
            encoded: Iterator[str] = iter(list(inline))
        else:
            read = ingest.read_file(Path(path), doc_id, default_date=default_date,
                                    columns=columns)
            encoded = (encode_item(item) for item in read)
        part: list[dict[str, Any]] = []
        for item in encoded:
            part.append({"item": item, "known": False})
            if len(part) == chunk:
                yield _rows([part])
                part = []
        if part:
            yield _rows([part])


def _rows(chunks: list[list[dict[str, Any]]]) -> Batch:
    return {CHUNK_COLUMN: [json.dumps(part) for part in chunks]}


def _chunks(batch: Batch) -> list[list[dict[str, Any]]]:
    return [json.loads(encoded) for encoded in batch[CHUNK_COLUMN]]


def encode_item(item: Article | InputError) -> str:
    """An input as text that Ray moves as it is; an input error is marked as one."""
    if isinstance(item, InputError):
        return json.dumps({"error": item.model_dump()})
    return item.model_dump_json()


def decode_item(encoded: str) -> Article | InputError:
    if encoded.startswith('{"error"'):
        return InputError.model_validate(json.loads(encoded)["error"])
    return Article.model_validate_json(encoded)


# --------------------------------------------------------------------------- coding


class _Coding:
    """One coding actor: the language model (0.6 GB and 15-20 s to load) is loaded once, at
    the first article to code, and serves every chunk the actor is given. Articles the store
    already holds (``known``, see ``_Unseen``) pass through uncoded, so a re-run of a finished
    ingest loads no model at all."""

    def __init__(self, unit: str, components: tuple[str, ...], mode: str) -> None:
        self.unit = unit
        self.components = components
        self.mode = mode
        model_ops.one_blas_thread()  # an actor holds one CPU, as a local worker does

    def __call__(self, batch: Batch) -> Batch:
        return _rows([self._code(part) for part in _chunks(batch)])

    def _code(self, part: list[dict[str, Any]]) -> list[dict[str, Any]]:
        todo = [decode_item(row["item"]) for row in part if not row["known"]]
        coded = iter(code_chunk(todo, nlp.load(self.components, self.mode), self.unit)
                     if todo else [])
        results = [None if row["known"] else next(coded) for row in part]
        return [
            {"result": r.model_dump_json(), "text": r.text, "known": False} if r else
            {"result": None, "text": None, "known": True}
            for r in results
        ]


def code_dataset(
    chunks: Dataset, *, workers: int, unit: str = "article",
    components: tuple[str, ...] = nlp.COMPONENTS, learned: bool = True,
) -> Dataset:
    """Chunks of articles coded by a fixed pool of ``workers`` actors, one CPU each."""
    from ray.data import ActorPoolStrategy

    return chunks.map_batches(
        _Coding, batch_size=1, compute=ActorPoolStrategy(size=max(1, workers)),
        fn_constructor_kwargs={"unit": unit, "components": components,
                               "mode": "hybrid" if learned else "rules"},
        num_cpus=1,
    )


def _results(batch: Batch) -> Iterator[Result]:
    """The coded results of a batch of chunks, in order; those already stored are left out."""
    for part in _chunks(batch):
        for row in part:
            if not row["known"]:
                result = Result.model_validate_json(row["result"])
                result.text = row["text"] or ""
                yield result


def code(
    paths: Sequence[str], *, workers: int, default_date: dt.date | None = None,
    unit: str = "article", learned: bool = True, columns: ingest.CsvColumns | None = None,
    on_skip: ingest.OnSkip | None = None, stdin: Any = None, chunk: int = CHUNK,
) -> Iterator[Result]:
    """One ``Result`` per input, in input order, as the local ``Coder`` gives them."""
    items = read(paths, default_date=default_date, columns=columns, on_skip=on_skip,
                 stdin=stdin, chunk=chunk)
    coded = code_dataset(items, workers=workers, unit=unit, learned=learned)
    for batch in coded.iter_batches(batch_size=1, prefetch_batches=2):
        yield from _results(batch)


# --------------------------------------------------------------------------- Parquet


def _record_rows(batch: Batch) -> Any:
    return partitioned.table(_results(batch))


def write_parquet(
    paths: Sequence[str], folder: str, *, workers: int, default_date: dt.date | None = None,
    unit: str = "article", learned: bool = True, columns: ingest.CsvColumns | None = None,
    on_skip: ingest.OnSkip | None = None, stdin: Any = None,
) -> None:
    """Code the inputs and write their records from the cluster into ``folder`` (a path every
    node can write, or a cloud URI such as ``s3://bucket/events``), one sub-folder per
    publication date; the rows are those of ``partitioned``."""
    items = read(paths, default_date=default_date, columns=columns, on_skip=on_skip,
                 stdin=stdin)
    coded = code_dataset(items, workers=workers, unit=unit, learned=learned)
    records = coded.map_batches(_record_rows, batch_size=1, num_cpus=LIGHT_CPUS)
    records.write_parquet(folder, partition_cols=[partitioned.PARTITION])


# --------------------------------------------------------------------------- store


class _Unseen:
    """Marks the articles the store already holds (same URL or text) as ``known`` before they
    are coded, as the local ``ingest`` does: a re-run after a failure codes only the rest."""

    def __init__(self, db: str) -> None:
        from newsevents.store import connect

        self.store = connect(db)

    def __call__(self, batch: Batch) -> Batch:
        return _rows([[self._mark(row) for row in part] for part in _chunks(batch)])

    def _mark(self, row: dict[str, Any]) -> dict[str, Any]:
        item = decode_item(row["item"])
        return {**row, "known": isinstance(item, Article) and self.store.is_known(item)}


class _Writing:
    """One store writer: a connection held for the run. Writers take turns at the store's
    write lock, ``batch_size`` documents per transaction, like concurrent local ingests, and
    each skips a document already stored in the transaction that would store it again."""

    def __init__(self, db: str, batch_size: int) -> None:
        from newsevents.store import connect

        self.store = connect(db)
        self.batch_size = batch_size

    def __call__(self, batch: Batch) -> Batch:
        from newsevents.store.writer import IngestStats

        written: list[str] = []
        for part in _chunks(batch):
            skipped = IngestStats(duplicates=sum(bool(row["known"]) for row in part))
            new = list(_results(_rows([part])))
            for start in range(0, len(new), self.batch_size):
                stats = self.store.add_results(new[start:start + self.batch_size])
                written.append(json.dumps(dataclasses.asdict(stats)))
            if skipped.duplicates:
                written.append(json.dumps(dataclasses.asdict(skipped)))
        return {"stats": [json.dumps(written)]}


def ingest_stream(
    paths: Sequence[str], db: str, *, workers: int, writers: int = 1, batch_size: int = 20,
    default_date: dt.date | None = None, columns: ingest.CsvColumns | None = None,
    on_skip: ingest.OnSkip | None = None, stdin: Any = None, chunk: int = CHUNK,
) -> Iterator[IngestStats]:
    """Code and store the inputs; yields the stats of each stored batch as it commits.

    ``writers`` bounds the store's connections: that many actors look up known articles and
    as many write. A database writes one batch at a time under its write lock, so more than
    one or two writers only wait. A ``StoreError`` inside a writer is raised here as itself.
    """
    from ray.data import ActorPoolStrategy

    from newsevents.store.db import StoreError
    from newsevents.store.writer import IngestStats

    db = _shared_url(db)
    store_actors = {"compute": ActorPoolStrategy(size=max(1, writers)), "batch_size": 1,
                    "num_cpus": LIGHT_CPUS, **_store_placement(db)}
    items = read(paths, default_date=default_date, columns=columns, on_skip=on_skip,
                 stdin=stdin, chunk=chunk)
    unseen = items.map_batches(_Unseen, fn_constructor_kwargs={"db": db}, **store_actors)
    coded = code_dataset(unseen, workers=workers)
    stored = coded.map_batches(
        _Writing, fn_constructor_kwargs={"db": db, "batch_size": batch_size}, **store_actors)
    try:
        for batch in stored.iter_batches(batch_size=1):
            for encoded in json.loads(batch["stats"][0]):
                values = json.loads(encoded)
                values["errors"] = [tuple(pair) for pair in values["errors"]]
                yield IngestStats(**values)
    except Exception as exc:
        cause = unwrap(exc)
        if isinstance(cause, StoreError):
            raise cause from None
        raise


def _shared_url(db: str) -> str:
    """The store's URL as actors elsewhere must see it: a relative SQLite path made absolute,
    since an actor's working folder is not the command's."""
    from newsevents.store.db import engine_url

    parsed = engine_url(db)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return db
    absolute = parsed.set(database=str(Path(parsed.database).resolve()))
    return absolute.render_as_string(hide_password=False)


def _store_placement(db: str) -> dict[str, Any]:
    """A SQLite file lives on this machine, so its readers and writers run on this node; a
    PostgreSQL server is reached from any node."""
    import ray

    if not db.startswith("sqlite"):
        return {}
    return {"label_selector": {"ray.io/node-id": ray.get_runtime_context().get_node_id()}}


def unwrap(exc: BaseException) -> BaseException:
    """The exception raised inside a Ray task (a ``StoreError`` in a writer, say), without
    the layers Ray wraps it in, so that it is reported like its local counterpart."""
    seen: set[int] = set()
    while id(exc) not in seen:
        seen.add(id(exc))
        cause = getattr(exc, "cause", None) or exc.__cause__
        if not isinstance(cause, BaseException):
            break
        exc = cause
    return exc
