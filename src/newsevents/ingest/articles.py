"""Articles from text, HTML and JSON Lines records, cleaned and checked.

The format readers (``paths``, ``warc``, ``csvfile``) share these pieces, so that a page read
from a folder, a JSONL line or a web archive becomes the same Article. Scraped news carries
page furniture (share counters, advertisement markers, newsletter boxes, cookie notices) that
the language stage would otherwise read as sentences. It is removed line by line with the
patterns of ``data/en/ingest/boilerplate.tsv``, and every removed line is kept in
``Article.dropped_lines`` so nothing disappears unseen. Bad input never raises out of a
reader: each unreadable file or record becomes an ``InputError`` and the rest is still read.
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import re
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import IO, Any

from newsevents.models import Article, InputError
from newsevents.tables import data_path, read_tsv

MAX_TEXT_BYTES = 5_000_000
"""Largest article text (UTF-8 bytes); a longer text is almost surely not one news article."""

MAX_HTML_BYTES = 20_000_000
"""Largest HTML page or JSONL line: markup weighs several times the text it carries."""

Dating = Callable[[dt.date | None], dt.date | None]
"""An input's publication date given the date it carries itself (``publication_date`` with the
``--date`` and the file name of that input filled in)."""

# Boilerplate is short; longer lines skip the pattern scan, which keeps huge texts fast.
_MAX_BOILERPLATE_CHARS = 400
# A line this long that does not end a sentence is a hard-wrapped piece of a paragraph.
_MIN_WRAPPED_CHARS = 50
_SENTENCE_END = tuple('.!?:;"”’)]…')
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"[ \t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_DOCUMENT_TAG = re.compile(r"<(?:html|body)[\s>]", re.IGNORECASE)
_LANGUAGE_SAMPLE_CHARS = 4000
# English prose has 30-50 % function words; German or French text has about 10 % of ours.
_MIN_ENGLISH_SHARE = 0.12
_ENGLISH_LIKE = frozenset({"pcm"})  # Nigerian Pidgin: py3langid's guess for terse English
_WORD = re.compile(r"[^\W\d_]+")
_MIN_LANGUAGE_LETTERS = 40
# What a JSON string can hold but a UTF-8 file cannot: NUL and halves of surrogate pairs.
_NOT_TEXT = re.compile("[\x00\ud800-\udfff]")
_JSON_TYPES = {
    dict: "an object", list: "an array", str: "a string", int: "a number", float: "a number",
    bool: "a boolean", type(None): "null",
}


class Unreadable(Exception):
    """An input that cannot become an Article; its message is shown to the user as is."""


# --------------------------------------------------------------------------- public API


def publication_date(
    own: dt.date | None, *, given: dt.date | None, path: Path | None
) -> dt.date | None:
    """The one rule for an article's publication date, whatever the input type: the date the
    input carries itself (a JSONL ``date``, else an HTML page's declared date), else the date
    given with ``--date``, else a date that opens the file name (``2026-03-12-jakarta.html``).
    """
    return own or given or (date_in_name(path) if path is not None else None)


def article_from_text(
    raw: str,
    doc_id: str,
    *,
    title_line: bool = True,
    date: dt.date | None = None,
    url: str | None = None,
    title: str | None = None,
    source: str | None = None,
) -> Article:
    """An Article from plain text; with ``title_line`` the first non-empty line is the title.

    A text of a single line is all body: a one-sentence input must not become a title with
    nothing to code.
    """
    body = raw
    if title_line and title is None:
        title, body = _split_title(raw)
    text, dropped = clean_lines(body)
    return Article(
        id=doc_id, text=text, title=title, url=url, date=date, source=source,
        dropped_lines=dropped,
    )


def article_from_html(
    html: str,
    doc_id: str,
    *,
    date: dt.date | None = None,
    url: str | None = None,
    source: str | None = None,
) -> Article:
    """An Article from a web page: main text without navigation or reader comments.

    Arguments given here win over the page's own metadata (the caller knows better than a
    ``<meta>`` tag); the page fills what they leave empty.
    """
    page = _extract_html(html, url)
    if page is None:
        return Article(id=doc_id, text="", url=url, date=date, source=source)
    title = _squash(page.title or "") or None
    # trafilatura puts one paragraph per line; a blank line keeps them apart after cleaning.
    text, dropped = clean_lines((page.text or "").replace("\n", "\n\n"))
    return Article(
        id=doc_id,
        text=_without_headline(text, title),
        title=title,
        url=url or page.url or None,
        date=date or _page_date(page.date),
        source=source or page.sitename or None,
        dropped_lines=dropped,
    )


def clean_lines(text: str) -> tuple[str, list[str]]:
    """Remove boilerplate lines; paragraphs come back separated by one blank line.

    Lines of a paragraph that was hard-wrapped are joined again, so a sentence is never cut by
    a forced paragraph break. Removed lines are returned with outer whitespace trimmed.
    """
    paragraphs: list[str] = []
    dropped: list[str] = []
    block: list[str] = []
    for raw_line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = _squash(raw_line)
        if line and is_boilerplate(line):
            dropped.append(raw_line.strip())
        elif line:
            block.append(line)
            continue
        # A blank or dropped line ends the current block of lines.
        paragraphs.extend(_join_wrapped(block))
        block = []
    paragraphs.extend(_join_wrapped(block))
    return "\n\n".join(paragraphs), dropped


def is_boilerplate(line: str) -> bool:
    """Whether one (whitespace-trimmed) line is page furniture rather than article content."""
    if len(line) > _MAX_BOILERPLATE_CHARS:
        return False
    return any(pattern.fullmatch(line) for pattern, _reason in boilerplate_patterns())


def validate(article: Article, *, max_bytes: int = MAX_TEXT_BYTES) -> str | None:
    """Why this article cannot be coded, or None when it can."""
    if not article.text.strip():
        if article.dropped_lines:
            count = len(article.dropped_lines)
            return f"no article text left after removing {count} boilerplate lines"
        return "empty text: the input has no article body"
    for name in ("text", "title", "url", "source"):
        problem = unicode_problem(getattr(article, name) or "")
        if problem:
            return f"the {name} has {problem}"
    size = len(article.text.encode("utf-8"))
    # Reading a file turns the single line break between two short lines into a paragraph
    # break, so each paragraph break counts one byte: a file within the limit stays within it.
    if size - article.text.count("\n\n") > max_bytes:
        return (
            f"text is {megabytes(size)}, larger than the {megabytes(max_bytes)} limit for one "
            "article; split the input into separate articles"
        )
    language = language_of(article.text)
    if language is not None and language != "en":
        return f"text is not English (identified language: {language!r}); only English is coded"
    return None


def unicode_problem(value: str) -> str | None:
    """What makes ``value`` unusable as text, or None.

    JSON can escape a NUL character or one half of a UTF-16 surrogate pair ("\\ud800"), which
    no UTF-8 file holds: a lone surrogate cannot be encoded (so neither stored nor written out)
    and PostgreSQL refuses NUL. Like a byte that is not UTF-8, such a record is refused with
    the position rather than silently changed.
    """
    match = _NOT_TEXT.search(value)
    if match is None:
        return None
    char = match.group()
    what = "a NUL character" if char == "\x00" else f"a lone surrogate U+{ord(char):04X}"
    return f"{what} at character {match.start()}, which is not valid text"


def language_of(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when it is too short to tell."""
    sample = text[:_LANGUAGE_SAMPLE_CHARS]
    if sum(char.isalpha() for char in sample) < _MIN_LANGUAGE_LETTERS:
        return None
    # py3langid loads its model on first use (about 0.7 s) and keeps it for the process.
    import py3langid

    language = str(py3langid.classify(sample)[0])
    if language != "en" and (
        language in _ENGLISH_LIKE or _english_share(sample) >= _MIN_ENGLISH_SHARE
    ):
        # Short English sentences heavy with names are sometimes named as an English creole.
        return "en"
    return language


def _english_share(text: str) -> float:
    """Share of the words of ``text`` that are frequent English function words."""
    words = _WORD.findall(text.lower())
    function_words = _english_function_words()
    return sum(word in function_words for word in words) / max(1, len(words))


def json_error(exc: json.JSONDecodeError, line: int) -> str:
    """``line N, column C: invalid JSON (reason)`` for a JSON Lines line that does not parse.

    json's ``msg`` alone is cut for some errors ("Invalid control character at"): the position
    it expects after "at" is given here as the column, counted within the line.
    """
    return f"line {line}, column {exc.colno}: invalid JSON ({exc.msg.removesuffix(' at')})"


@cache
def boilerplate_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """The (pattern, reason) pairs of ``data/en/ingest/boilerplate.tsv``, compiled once."""
    rows = read_tsv(data_path("ingest", "boilerplate.tsv"))
    return tuple((re.compile(row["pattern"]), row["reason"]) for row in rows)


@cache
def _english_function_words() -> frozenset[str]:
    source = data_path("ingest", "english_function_words.txt")
    with source.open(encoding="utf-8") as handle:
        return frozenset(
            word for line in handle if (word := line.strip()) and not word.startswith("#")
        )


# --------------------------------------------------------------------------- text helpers


def _squash(line: str) -> str:
    """One line with invisible characters removed and runs of spaces made single."""
    return _SPACES.sub(" ", _INVISIBLE.sub("", line)).strip()


def _split_title(raw: str) -> tuple[str | None, str]:
    lines = raw.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    filled = [i for i, line in enumerate(lines) if _squash(line)]
    if len(filled) < 2:
        return None, raw
    first = filled[0]
    return _squash(lines[first]), "\n".join(lines[first + 1:])


def _join_wrapped(block: list[str]) -> list[str]:
    """Paragraphs of one block of consecutive lines, re-joining hard-wrapped lines."""
    paragraphs: list[str] = []
    current: list[str] = []
    for line in block:
        current.append(line)
        if len(line) < _MIN_WRAPPED_CHARS or line.endswith(_SENTENCE_END):
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


def megabytes(size: int) -> str:
    """A byte count in MB, as exact as the bytes ("5.000001 MB"): a size one byte over a limit
    must not read as the limit itself."""
    return f"{size // 1_000_000:,}.{size % 1_000_000:06d}".rstrip("0").rstrip(".") + " MB"


# --------------------------------------------------------------------------- HTML


def _extract_html(html: str, url: str | None) -> Any:
    """trafilatura's main-text extraction: no reader comments, metadata kept."""
    import trafilatura
    from trafilatura.settings import set_date_params

    if _DOCUMENT_TAG.search(html) is None:
        # A fragment (a JSONL "html" field often holds one) is refused unless wrapped.
        html = f"<html><body>{html}</body></html>"
    return trafilatura.bare_extraction(
        html,
        url=url,
        include_comments=False,
        with_metadata=True,
        # Only dates the page declares: a date guessed from body text could be an old event.
        date_extraction_params=set_date_params(extensive=False),
        config=_trafilatura_config(),
    )


@cache
def _trafilatura_config() -> Any:
    """trafilatura's defaults without its minimum text size: a short article is still an
    article, and ``validate`` reports the truly empty ones with a clear message."""
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "1")
    config.set("DEFAULT", "MIN_OUTPUT_SIZE", "1")
    return config


def _without_headline(text: str, title: str | None) -> str:
    """The body without the page's ``<h1>`` headline, which is already the title: the body of
    a ``.txt`` article has no headline either, and a dateline must open the text."""
    first, _, rest = text.partition("\n\n")
    return rest if title is not None and first.casefold() == title.casefold() else text


def _page_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None



def date_in_name(path: Path) -> dt.date | None:
    """Archives often name files by publication date ("2026-03-12-jakarta-visit.txt")."""
    try:
        return dt.date.fromisoformat(path.name[:10])
    except ValueError:
        return None


def html_article(html: str, doc_id: str, **metadata: Any) -> Article:
    try:
        return article_from_html(html, doc_id, **metadata)
    except Exception as exc:  # the HTML parser's failures are many and undocumented
        raise Unreadable(f"could not extract text from the HTML: {exc}") from exc


def file_bytes(path: Path, limit: int) -> bytes:
    """The file's bytes, refusing a file over ``limit`` before reading it."""
    try:
        size = path.stat().st_size
        if size > limit:
            raise Unreadable(_too_large(path, size, limit))
        with path.open("rb") as handle:
            data = handle.read(limit + 1)  # a device or pipe may claim size 0
    except OSError as exc:
        raise Unreadable(f"cannot read {path}: {exc.strerror or exc}") from exc
    if len(data) > limit:
        raise Unreadable(_too_large(path, len(data), limit))
    return data


def _too_large(path: Path, size: int, limit: int) -> str:
    return (
        f"{path} is {megabytes(size)}, larger than the {megabytes(limit)} limit for a "
        f"{path.suffix or 'text'} file; split it into one file per article"
    )


def decode(data: bytes, *, html: bool = False, offset: int = 0) -> str:
    """UTF-8 text of ``data``; never replaces a byte it cannot decode."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise Unreadable("the text is UTF-16, not UTF-8; re-encode it as UTF-8")
    nul = data.find(b"\x00")
    if nul != -1:
        raise Unreadable(f"binary data, not text (NUL byte at byte offset {offset + nul})")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        declared = _declared_charset(data) if html else None
        if declared is not None:
            return _decode_declared(data, declared)
        raise Unreadable(
            f"not valid UTF-8: byte 0x{data[exc.start]:02x} at byte offset {offset + exc.start}; "
            "re-encode the input as UTF-8 (e.g. iconv -f windows-1252 -t utf-8)"
        ) from exc


def _declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its ``<meta>`` tag, when Python knows it."""
    match = _CHARSET.search(data[:4096])
    if match is None:
        return None
    try:
        return codecs.lookup(match[1].decode("ascii")).name
    except LookupError:
        return None


def _decode_declared(data: bytes, charset: str) -> str:
    try:
        return data.decode(charset)
    except UnicodeDecodeError as exc:
        raise Unreadable(
            f"not valid {charset} as the page declares: byte 0x{data[exc.start]:02x} at offset "
            f"{exc.start}; re-encode the page as UTF-8"
        ) from exc


# --------------------------------------------------------------------------- JSONL


def read_jsonl_file(path: Path, name: str, dating: Dating) -> Iterator[Article | InputError]:
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield InputError(doc_id=name, message=f"cannot read {path}: {exc.strerror or exc}")
        return
    with handle:
        head = handle.read(8192)
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in head:
            message = f"{path} is binary or UTF-16 data, not UTF-8 JSON Lines; re-encode it"
            yield InputError(doc_id=name, message=message)
            return
        handle.seek(0)
        yield from jsonl_records(decoded_lines(handle), name, dating)


def _stream_lines(handle: IO[Any]) -> Iterator[tuple[int, int, Any]]:
    """(line number, offset, line) of a text or byte stream; an over-long line is None.

    No more than ``MAX_HTML_BYTES`` is ever held, whatever the input.
    """
    number = offset = 0
    while line := handle.readline(MAX_HTML_BYTES + 1):
        number += 1
        start = offset
        offset += len(line)
        if len(line) > MAX_HTML_BYTES and not _ends_line(line):
            while line and not _ends_line(line):
                line = handle.readline(MAX_HTML_BYTES + 1)
                offset += len(line)
            yield number, start, None
        else:
            yield number, start, line


def _ends_line(line: str | bytes) -> bool:
    return line.endswith("\n") if isinstance(line, str) else line.endswith(b"\n")


def decoded_lines(handle: IO[Any]) -> Iterator[tuple[int, str | Unreadable]]:
    """Numbered lines of a stream as text, or the reason a line cannot be read."""
    for number, offset, line in _stream_lines(handle):
        if line is None:
            yield number, Unreadable(
                f"line {number}: longer than the {megabytes(MAX_HTML_BYTES)} limit for one line"
            )
        elif isinstance(line, str):
            yield number, line
        else:
            try:
                yield number, decode(line, offset=offset)
            except Unreadable as problem:
                yield number, Unreadable(f"line {number}: {problem}")


def jsonl_records(
    lines: Iterable[tuple[int, str | Unreadable]], name: str, dating: Dating
) -> Iterator[Article | InputError]:
    for number, line in lines:
        if isinstance(line, Unreadable):
            yield InputError(doc_id=f"{name}:{number}", message=str(line))
        elif line.strip():
            yield _jsonl_record(line, number, name, dating)


def _jsonl_record(line: str, number: int, name: str, dating: Dating) -> Article | InputError:
    try:
        return _jsonl_article(line, number, name, dating)
    except Unreadable as problem:
        return InputError(doc_id=f"{name}:{number}", message=str(problem))


def _jsonl_article(line: str, number: int, name: str, dating: Dating) -> Article:
    try:
        record = json.loads(line.rstrip("\r\n"))  # an error at its end stays on this line
    except json.JSONDecodeError as exc:
        raise Unreadable(json_error(exc, number)) from exc
    if not isinstance(record, dict):
        raise Unreadable(f"line {number}: expected a JSON object, got {_json_type(record)}")
    try:
        return article_from_record(record, f"{name}:{number}", dating)
    except Unreadable as problem:
        raise Unreadable(f"line {number}: {problem}") from None


def article_from_record(record: dict[str, Any], fallback_id: str, dating: Dating) -> Article:
    """An Article from one JSONL object; ``html`` stands in when ``text`` is absent.

    A ``source`` that is a list or object is an annotation (gold sets name the source actors
    so), not the publisher, and is left aside.
    """
    for key, value in record.items():
        problem = unicode_problem(value) if isinstance(value, str) else None
        if problem:
            raise Unreadable(f"{key!r} has {problem}")
    doc_id = _field(record, "id", (str, int))
    if isinstance(record.get("source"), list | dict):
        record = {key: value for key, value in record.items() if key != "source"}
    fields = {key: _field(record, key, (str,)) for key in ("title", "url", "source")}
    own_date = record_date(_field(record, "date", (str,)))
    text, html = _field(record, "text", (str,)), _field(record, "html", (str,))
    doc_id = str(doc_id) if doc_id is not None else fallback_id
    if text is not None:
        return article_from_text(text, doc_id, title_line=False, date=dating(own_date), **fields)
    if html is None:
        raise Unreadable("missing 'text' (or 'html')")
    article = html_article(html, doc_id, date=own_date, url=fields["url"],
                            source=fields["source"])
    article.date = dating(article.date)
    if fields["title"] is not None:
        article.title = fields["title"]
    return article


def _field(record: dict[str, Any], key: str, types: tuple[type, ...]) -> Any:
    value = record.get(key)
    if value is None or (isinstance(value, types) and not isinstance(value, bool)):
        return value
    expected = " or ".join(_JSON_TYPES[kind] for kind in types)
    raise Unreadable(f"{key!r} must be {expected}, got {_json_type(value)}")


def record_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        try:
            return dt.datetime.fromisoformat(value).date()
        except ValueError:
            raise Unreadable(f"invalid date {value!r} (expected YYYY-MM-DD)") from None


def _json_type(value: Any) -> str:
    return _JSON_TYPES.get(type(value), type(value).__name__)
