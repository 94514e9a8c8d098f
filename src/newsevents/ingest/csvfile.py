"""CSV files as news archives export them: one article per row, its text in a named column.

Archives name their columns as they like ("body", "published", "link"), so the text, date,
URL and title columns are named by the caller (``--text-column`` ...); by default they are
``text``, ``date``, ``url`` and ``title``, the last three read when present. A row without
text is that row's error; a column that was asked for and is missing is the file's error, with
the columns the file has, because every row would fail the same way.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from newsevents.ingest.articles import (
    MAX_HTML_BYTES,
    Dating,
    Unreadable,
    article_from_text,
    publication_date,
    record_date,
    unicode_problem,
)
from newsevents.models import Article, InputError

CSV_SUFFIXES = (".csv",)


@dataclass(frozen=True)
class CsvColumns:
    """Column names of a CSV input; None means the default name, read only when present."""

    text: str = "text"
    date: str | None = None
    url: str | None = None
    title: str | None = None

    def resolved(self, header: list[str]) -> dict[str, str | None]:
        """Field -> column of this file; raises Unreadable for a column asked for and absent."""
        named = {"text": self.text, "date": self.date, "url": self.url, "title": self.title}
        missing = [column for column in named.values() if column and column not in header]
        if missing:
            have = ", ".join(repr(c) for c in header) or "none"
            raise Unreadable(
                f"no column {missing[0]!r} (the columns are: {have}); name the columns with "
                "--text-column, --date-column, --url-column and --title-column")
        return {field: column or (field if field in header else None)
                for field, column in named.items()}


def is_csv(path: Path) -> bool:
    return path.name.lower().endswith(CSV_SUFFIXES)


def read_csv(
    path: Path | str,
    doc_id: str | None = None,
    *,
    columns: CsvColumns | None = None,
    dating: Dating | None = None,
) -> Iterator[Article | InputError]:
    """One Article per row, in file order; row N's id is ``NAME:N`` (data rows, from 1).

    A malformed row (an unclosed quote, a byte that is not UTF-8) ends the file with an error
    that names the row; the rows before it are kept.
    """
    path = Path(path)
    name = doc_id or path.name
    dated = dating or partial(publication_date, given=None, path=None)
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield InputError(doc_id=name, message=f"cannot read {path}: {exc.strerror or exc}")
        return
    with handle:
        head = handle.read(8192)
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in head:
            yield InputError(doc_id=name, message=(
                f"{path} is binary or UTF-16 data, not a UTF-8 CSV file; re-encode it"))
            return
        handle.seek(0)
        text = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="")
        yield from _rows(text, path, name, columns or CsvColumns(), dated)


def _rows(text: io.TextIOWrapper, path: Path, name: str, columns: CsvColumns,
          dating: Dating) -> Iterator[Article | InputError]:
    # An article is far longer than csv's default field limit of 131,072 characters.
    csv.field_size_limit(MAX_HTML_BYTES)
    reader = csv.reader(text)
    row = 0
    try:
        header = next(reader, None)
        if header is None:
            return
        fields = columns.resolved([column.strip() for column in header])
        index = {field: header.index(column) if column else None
                 for field, column in fields.items()}
        for values in reader:
            row += 1
            yield _row_article(values, index, fields, f"{name}:{row}", row, dating)
    except Unreadable as problem:
        yield InputError(doc_id=name, message=f"{path}: {problem}")
    except (csv.Error, UnicodeDecodeError) as exc:
        yield InputError(doc_id=f"{name}:{row + 1}", message=(
            f"{path}: row {row + 1} cannot be read ({exc}); the rows before it were read"))


def _row_article(values: list[str], index: dict[str, int | None], fields: dict[str, str | None],
                 doc_id: str, row: int, dating: Dating) -> Article | InputError:
    cells = {field: (values[i].strip() if i is not None and i < len(values) else "")
             for field, i in index.items()}
    try:
        for field, value in cells.items():
            problem = unicode_problem(value)
            if problem:
                raise Unreadable(f"column {fields[field]!r} has {problem}")
        if not cells["text"]:
            raise Unreadable(f"empty text in column {fields['text']!r}")
        own_date = record_date(cells["date"] or None)
    except Unreadable as problem:
        return InputError(doc_id=doc_id, message=f"row {row}: {problem}")
    return article_from_text(cells["text"], doc_id, title_line=False, date=dating(own_date),
                             url=cells["url"] or None, title=cells["title"] or None)
