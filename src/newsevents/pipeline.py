"""Articles in, ``Result``s out: the one place that runs the stages in order.

Work is spread over processes by giving each worker a chunk of articles and its own copy of the
pipeline, so our components run in parallel with parsing instead of after it in one process.
A failure inside one article becomes that article's error; the others are still coded.
"""

from __future__ import annotations

import ctypes
import datetime as dt
import os
import signal
import sys
import threading
import time
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from newsevents import ingest, model_ops, nlp
from newsevents.models import Article, Document, InputError, Result

CHUNK = 32
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
# How long a stop waits for the pool's manager thread once its workers are killed; it ends
# within a second when they are gone, so this only bounds a stop that something else holds up.
MANAGER_STOP_SECONDS = 5.0


def _document(article: Article, error: str | None = None, **extra: object) -> Document:
    return Document(
        doc_id=article.id,
        title=article.title,
        date=article.date,
        url=article.url,
        source=article.source,
        dropped_lines=article.dropped_lines,
        error=error,
        **extra,
    )


def _failed(item: InputError) -> Result:
    return Result(document=Document(doc_id=item.doc_id, error=item.message))


def code_chunk(
    items: list[Article | InputError], language: Language | None = None, unit: str = "article"
) -> list[Result]:
    """Code a list of inputs in the current process, keeping their order."""
    language = language or nlp.load()
    results: dict[int, Result] = {}
    todo: list[tuple[int, Article]] = []
    for position, item in enumerate(items):
        if isinstance(item, InputError):
            results[position] = _failed(item)
            continue
        problem = ingest.validate(item)
        if problem:
            language_code = ingest.language_of(item.text)
            results[position] = Result(
                document=_document(item, problem, language=language_code), text=item.text
            )
        else:
            todo.append((position, item))
    results.update(_code_batch(language, todo, unit))
    return [results[i] for i in range(len(items))]


def _code_batch(
    language: Language, todo: list[tuple[int, Article]], unit: str
) -> dict[int, Result]:
    """Parse in one ``nlp.pipe`` batch (much faster than one call per article); if anything
    in the batch fails, code the articles one by one so only the culprit gets the error."""
    coded = {
        position: _code_one(language, article, unit)
        for position, article in todo
        if len(article.text) > nlp.PIECE_CHARS
    }
    todo = [(position, article) for position, article in todo if position not in coded]
    try:
        docs = language.pipe(_article_doc(language, article, unit) for _, article in todo)
        coded.update(
            (position, _result(article, doc))
            for (position, article), doc in zip(todo, docs, strict=True)
        )
        return coded
    except Exception:
        return coded | {position: _code_one(language, a, unit) for position, a in todo}


def parse(language: Language, articles: Iterable[Article], unit: str = "article") -> Iterator[Doc]:
    """Articles through the whole pipeline as spaCy Docs, in order, for training and
    inspection: batched through ``nlp.pipe``, long texts piece by piece."""
    for batch in _chunks(iter(articles), CHUNK):
        short = [a for a in batch if len(a.text) <= nlp.PIECE_CHARS]  # type: ignore[union-attr]
        docs = iter(language.pipe(_article_doc(language, a, unit) for a in short))  # type: ignore[arg-type]
        for article in batch:
            assert isinstance(article, Article)
            yield next(docs) if len(article.text) <= nlp.PIECE_CHARS else _parse(
                language, article, unit
            )


def _make_doc(language: Language, text: str, unit: str) -> Doc:
    doc = language.make_doc(text)
    if unit == "sentence" and len(doc):
        # A sentence-level gold set gives one sentence per record: keep it whole.
        for token in doc:
            token.is_sent_start = token.i == 0
    return doc


def _article_doc(language: Language, article: Article, unit: str) -> Doc:
    doc = _make_doc(language, article.text, unit)
    doc._.article = article
    return doc


def _parse(language: Language, article: Article, unit: str) -> Doc:
    """The article through the whole pipeline; a text longer than ``nlp.PIECE_CHARS`` is parsed
    piece by piece, so that up to the 5 MB limit memory stays bounded."""
    if len(article.text) <= nlp.PIECE_CHARS:
        return language(_article_doc(language, article, unit))
    pieces = (_make_doc(language, piece, unit) for piece in nlp.text_pieces(article.text))
    doc = nlp.parse_in_pieces(language, pieces)
    doc._.article = article
    return nlp.run_components(language, doc)


def _result(article: Article, doc: Doc) -> Result:
    document = _document(article, language="en", n_sentences=sum(1 for _ in doc.sents))
    return Result(
        document=document,
        text=article.text,
        events=list(doc._.events),
        arms_transfers=list(doc._.deals),
    )


def _code_one(language: Language, article: Article, unit: str) -> Result:
    try:
        return _result(article, _parse(language, article, unit))
    except Exception as exc:  # one bad article must not take the batch down
        message = f"internal error while coding: {type(exc).__name__}: {exc}"
        return Result(document=_document(article, message), text=article.text)


def _start_worker(parent: int) -> None:
    """Workers leave Ctrl-C to the parent and die with it.

    The terminal sends Ctrl-C to every process of the command; only the parent decides what
    happens, and it stops the workers. A worker holds a whole language model (0.6 GB): when the
    parent is killed outright (kill -9, out of memory) nobody will collect its results, so the
    kernel kills it too (Linux), or a thread notices the parent is gone (elsewhere).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    model_ops.one_blas_thread()
    if sys.platform == "linux":
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    else:
        threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # the parent died before the worker could ask to follow it
        os._exit(1)


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(1)


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """Kill the workers at once: waiting for the chunks they are coding took up to half a
    minute after Ctrl-C. Python 3.11 has no public call for this (3.14 adds
    ``terminate_workers``), hence the executor's own table of processes.

    Then wait for the executor's manager thread to wind down: left running, it closes its
    wake-up pipe while the interpreter's exit hook writes to it, and a loaded machine printed
    that race as a traceback (``OSError: Bad file descriptor``) after "interrupted"."""
    manager = pool._executor_manager_thread
    for process in list((pool._processes or {}).values()):
        process.kill()
    pool.shutdown(wait=False, cancel_futures=True)
    if manager is not None:
        manager.join(timeout=MANAGER_STOP_SECONDS)


def _worker_chunk(
    items: list[Article | InputError], unit: str, components: tuple[str, ...], mode: str
) -> list[Result]:
    return code_chunk(items, nlp.load(components, mode), unit=unit)


class Coder:
    """Codes streams of articles; ``n_process`` > 1 spreads chunks over worker processes.

    ``components`` names our spaCy components to run (default: all of them); leaving out
    ``newsevents_arms`` codes events only. By default every rule candidate is weighed with the
    trained event model (``events.make_events``, mode "hybrid"); ``learned=False`` codes by the
    hand rules alone.
    """

    def __init__(
        self, n_process: int = 1, unit: str = "article",
        components: tuple[str, ...] = nlp.COMPONENTS, learned: bool = True,
    ) -> None:
        self.n_process = max(1, n_process)
        self.unit = unit
        self.components = components
        self.mode = "hybrid" if learned else "rules"

    def code_articles(
        self, items: Iterable[Article | InputError | Mapping[str, Any]]
    ) -> Iterator[Result]:
        """One ``Result`` per input, in order. Plain dicts (``{"id": ..., "text": ...}``) are
        validated into ``Article``s first: a bad one raises pydantic's ``ValidationError``,
        which names the field, before any coding."""
        chunks = _chunks(map(_as_input, items), CHUNK)
        if self.n_process == 1:
            language = nlp.load(self.components, self.mode)
            for chunk in chunks:
                yield from code_chunk(chunk, language, self.unit)
            return
        with ProcessPoolExecutor(
            self.n_process, initializer=_start_worker, initargs=(os.getpid(),)
        ) as pool:
            try:
                yield from self._spread(pool, chunks)
            except BaseException:  # Ctrl-C, or the caller stopped reading: nobody wants more
                _stop_workers(pool)
                raise

    def _spread(
        self, pool: ProcessPoolExecutor, chunks: Iterator[list[Article | InputError]]
    ) -> Iterator[Result]:
        pending: list[tuple[list[Article | InputError], Future[list[Result]]]] = []
        for chunk in chunks:
            future = pool.submit(_worker_chunk, chunk, self.unit, self.components, self.mode)
            pending.append((chunk, future))
            if len(pending) >= self.n_process * 2:
                yield from self._collect(*pending.pop(0))
        for chunk, future in pending:
            yield from self._collect(chunk, future)

    def _collect(
        self, chunk: list[Article | InputError], future: Future[list[Result]]
    ) -> list[Result]:
        """A worker that dies (killed, out of memory) costs time, not records: its chunk is
        coded again in this process."""
        try:
            return future.result()
        except Exception:
            return code_chunk(chunk, nlp.load(self.components, self.mode), self.unit)


def _as_input(item: Article | InputError | Mapping[str, Any]) -> Article | InputError:
    if isinstance(item, Article | InputError):
        return item
    return Article.model_validate(item)


def _chunks(
    items: Iterator[Article | InputError], size: int
) -> Iterator[list[Article | InputError]]:
    while chunk := list(islice(items, size)):
        yield chunk


def default_processes() -> int:
    return max(1, min(2, os.cpu_count() or 1))


def code(
    text: str,
    *,
    date: dt.date | None = None,
    doc_id: str = "text",
    title: str | None = None,
    url: str | None = None,
    learned: bool = True,
) -> Result:
    """Code one article given as plain text (no title line): the Python API's entry point.
    ``learned=False`` codes with the hand rules alone, as ``Coder`` does."""
    article = ingest.article_from_text(
        text, doc_id, title_line=False, date=date, url=url, title=title
    )
    return code_chunk([article], nlp.load(mode="hybrid" if learned else "rules"))[0]
