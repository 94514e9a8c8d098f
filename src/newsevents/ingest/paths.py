"""Which inputs to read, in which order, and by which reader: files, folders and stdin.

Folders are read recursively and sorted, hidden files left out; each file goes to the reader
of its type (text, HTML, JSON Lines, CSV, WARC). What gives no input at all (a file of another
type, an empty folder or file) is told to ``on_skip``, and WARC records that are not article
pages are counted in ``skipped``, so that nothing vanishes unseen.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import TextIO

from newsevents.ingest.articles import (
    MAX_HTML_BYTES,
    MAX_TEXT_BYTES,
    Dating,
    Unreadable,
    article_from_text,
    decode,
    decoded_lines,
    file_bytes,
    html_article,
    jsonl_records,
    megabytes,
    publication_date,
    read_jsonl_file,
)
from newsevents.ingest.csvfile import CSV_SUFFIXES, CsvColumns, is_csv, read_csv
from newsevents.ingest.parquet import PARQUET_SUFFIXES, count_rows, is_parquet, read_parquet
from newsevents.ingest.warc import WARC_SUFFIXES, is_warc, read_warc
from newsevents.models import Article, InputError

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl",)
SUFFIXES = (TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + PARQUET_SUFFIXES + CSV_SUFFIXES
            + WARC_SUFFIXES)

STDIN_ID = "stdin"

OnSkip = Callable[[str, str], None]
"""Told of each path that gives no input at all, with the reason (``path, reason``)."""
InputFile = tuple[Path, str] | None
"""An input file and the document id it gives, or None for standard input."""


def read_paths(
    paths: Sequence[str],
    *,
    default_date: dt.date | None = None,
    stdin: TextIO | None = None,
    on_skip: OnSkip | None = None,
    columns: CsvColumns | None = None,
    skipped: Counter[str] | None = None,
) -> Iterator[Article | InputError]:
    """Every article of the given files, folders (recursively, sorted) and ``-`` (stdin).

    ``default_date`` is the publication date of inputs that carry none of their own (see
    ``publication_date``). ``on_skip`` hears of what gives no input at all: a file of another
    type inside a folder, an empty folder, an empty JSON Lines or CSV file. Those are not
    records with an error (there is no article to attach one to), but nothing may vanish
    unseen. ``columns`` names the columns of CSV files; ``skipped`` counts the WARC records
    that are not article pages, by reason.
    """
    skip = on_skip or _ignore_skip
    for entry in _inputs(paths, skip):
        if entry is None:
            dating = partial(publication_date, given=default_date, path=None)
            yield from _read_stdin(stdin if stdin is not None else sys.stdin, dating)
            continue
        path, doc_id = entry
        read, passed = 0, Counter[str]()
        for item in read_file(path, doc_id, default_date=default_date, columns=columns,
                              skipped=passed):
            read += 1
            yield item
        if skipped is not None:
            skipped.update(passed)
        if read == 0:
            skip(str(path), _nothing_read(path, passed))


def input_files(paths: Sequence[str], on_skip: OnSkip | None = None) -> Iterator[InputFile]:
    """(file, document id) of each input file, in reading order; None stands for stdin.

    A distributed run lists the files here and reads each one elsewhere with ``read_file``,
    so that both give the same documents with the same ids.
    """
    yield from _inputs(paths, on_skip or _ignore_skip)


def read_file(
    path: Path, doc_id: str, *, default_date: dt.date | None = None,
    columns: CsvColumns | None = None, skipped: Counter[str] | None = None,
) -> Iterator[Article | InputError]:
    """The articles of one input file, as ``read_paths`` reads them."""
    dating = partial(publication_date, given=default_date, path=path)
    counted = skipped.update if skipped is not None else _ignore_counts
    yield from _read_file(path, doc_id, dating, columns, counted)


def count_inputs(paths: Sequence[str]) -> int | None:
    """How many records ``read_paths`` will give (one per file, one per non-blank JSONL line
    or CSV row), or None when it cannot be known without reading everything: for stdin, which
    cannot be read twice, and for a WARC file, whose pages are known only once read.

    JSONL and CSV files are read an extra time for this; next to coding their articles that
    is cheap.
    """
    total = 0
    for entry in _inputs(paths, _ignore_skip):
        if entry is None or is_warc(entry[0]):
            return None
        path = entry[0]
        if path.name.lower().endswith(JSONL_SUFFIXES):
            total += _count_lines(path)
        elif is_csv(path):
            total += _count_rows(path)
        elif is_parquet(path):
            total += count_rows(path)
        else:
            total += 1
    return total


# --------------------------------------------------------------------------- files


def _ignore_skip(_path: str, _reason: str) -> None:
    """The default ``on_skip``: callers that do not report skips (the API, tests)."""


def _ignore_counts(_reasons: Iterable[str]) -> None:
    """The default count of skipped WARC records: callers that do not report them."""


def _nothing_read(path: Path, passed: Counter[str]) -> str:
    if is_warc(path):
        total = sum(passed.values())
        return f"no HTML page among its {total} WARC record(s)"
    kind = ("CSV file has no rows" if is_csv(path) else "Parquet file has no rows"
            if is_parquet(path) else "JSON Lines file is empty")
    return f"no records: the {kind}"


def _inputs(paths: Sequence[str], skip: OnSkip) -> Iterator[InputFile]:
    """(file, document id) of each input file, in reading order; None stands for stdin."""
    for given in paths:
        if given == "-":
            yield None
            continue
        path = Path(given)
        if path.is_dir():
            yield from _folder_files(path, skip)
        else:
            yield path, path.name


def _folder_files(root: Path, skip: OnSkip) -> list[tuple[Path, str]]:
    """Readable files under ``root`` with their relative paths as ids; hidden files and
    folders are left out silently, files of other types with a word to ``skip``."""
    found: list[tuple[Path, str]] = []
    expected = _expected()
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith("."))
        for name in sorted(names):
            path = Path(folder, name)
            if name.startswith("."):
                continue
            if path.name.lower().endswith(SUFFIXES):
                found.append((path, path.relative_to(root).as_posix()))
            else:
                skip(str(path), f"not read: file type {path.suffix or '(none)'!r} is not one of "
                     f"{expected}")
    if not found:
        skip(str(root), f"no {expected} files in this folder")
    return sorted(found, key=lambda pair: pair[1])


def _expected() -> str:
    return ", ".join(sorted(SUFFIXES))


def _count_lines(path: Path) -> int:
    try:
        with path.open("rb") as handle:
            return sum(1 for line in handle if line.strip())
    except OSError:
        return 1  # read_paths gives one error record for it


def _count_rows(path: Path) -> int:
    """Data rows of a CSV file; 1 when it cannot be read (read_paths gives one error)."""
    try:
        with path.open(encoding="utf-8-sig", newline="", errors="replace") as handle:
            csv.field_size_limit(MAX_HTML_BYTES)
            return max(1, sum(1 for _ in csv.reader(handle)) - 1)
    except (OSError, csv.Error):
        return 1


def _read_file(path: Path, doc_id: str, dating: Dating, columns: CsvColumns | None,
               on_record_skip: Callable[[Iterable[str]], object]) -> Iterator[Article | InputError]:
    name = path.name.lower()
    if not path.exists():
        yield InputError(doc_id=doc_id, message=f"no such file or folder: {path}")
    elif not name.endswith(SUFFIXES):
        yield InputError(
            doc_id=doc_id,
            message=f"unsupported file type {path.suffix or '(none)'!r} of {path}; expected "
            f"{_expected()}",
        )
    elif name.endswith(JSONL_SUFFIXES):
        yield from read_jsonl_file(path, doc_id, dating)
    elif is_csv(path):
        yield from read_csv(path, doc_id, columns=columns, dating=dating)
    elif is_parquet(path):
        yield from read_parquet(path, doc_id, dating)
    elif is_warc(path):
        yield from read_warc(path, doc_id, dating=dating,
                             on_skip=lambda reason: on_record_skip((reason,)))
    else:
        yield _read_document(path, doc_id, dating, html=name.endswith(HTML_SUFFIXES))


def _read_document(path: Path, doc_id: str, dating: Dating, *, html: bool) -> Article | InputError:
    try:
        data = file_bytes(path, MAX_HTML_BYTES if html else MAX_TEXT_BYTES)
        text = decode(data, html=html)
        if not html:
            return article_from_text(text, doc_id, date=dating(None))
        article = html_article(text, doc_id)
    except Unreadable as problem:
        return InputError(doc_id=doc_id, message=str(problem))
    article.date = dating(article.date)
    return article


# --------------------------------------------------------------------------- stdin


def _read_stdin(stream: TextIO, dating: Dating) -> Iterator[Article | InputError]:
    """Standard input as JSON Lines when its first non-empty line is a JSON object, else as
    one plain-text article. Bytes are read when the stream has them, so a non-UTF-8 byte is
    reported with its position instead of failing inside the stream's decoder."""
    lines = decoded_lines(getattr(stream, "buffer", stream))
    head: list[tuple[int, str | Unreadable]] = []
    try:
        for item in lines:
            head.append(item)
            if not isinstance(item[1], str) or item[1].strip():
                break
    except (OSError, UnicodeDecodeError) as exc:
        yield InputError(doc_id=STDIN_ID, message=f"cannot read standard input: {exc}")
        return
    first = head[-1][1] if head else ""
    if isinstance(first, str) and _is_json_object(first):
        yield from jsonl_records([*head, *lines], STDIN_ID, dating)
    else:
        yield _stdin_text([*head, *lines], dating)


def _is_json_object(line: str) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except json.JSONDecodeError:
        return False


def _stdin_text(
    lines: Iterable[tuple[int, str | Unreadable]], dating: Dating
) -> Article | InputError:
    parts: list[str] = []
    size = 0
    for _number, line in lines:
        if isinstance(line, Unreadable):
            return InputError(doc_id=STDIN_ID, message=str(line))
        size += len(line)
        if size > MAX_TEXT_BYTES:
            return InputError(
                doc_id=STDIN_ID,
                message=f"standard input is larger than the {megabytes(MAX_TEXT_BYTES)} limit "
                "for one article; split it into separate articles",
            )
        parts.append(line)
    return article_from_text("".join(parts), STDIN_ID, date=dating(None))
