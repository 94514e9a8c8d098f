"""Web archives (WARC, as Common Crawl's CC-NEWS publishes them): each HTML page an Article.

A crawl holds much besides articles: the requests, crawl metadata, redirects, images, PDFs.
Those records are passed over and told to ``on_skip`` with the reason, so that a run can say
how many it left out without listing thousands of them. An HTML page goes through the same
trafilatura extraction as an ``.html`` file; its date is the one the page declares, else the
crawl date (``WARC-Date``). Crawls are often cut short (a download that stopped, a full disk):
the record that breaks off becomes an error that says so, and every page before it is kept.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from newsevents.ingest.articles import (
    MAX_HTML_BYTES,
    Dating,
    Unreadable,
    decode,
    html_article,
    megabytes,
    publication_date,
)
from newsevents.models import Article, InputError

if TYPE_CHECKING:
    from fastwarc import WarcRecord

WARC_SUFFIXES = (".warc", ".warc.gz")
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})

SkipRecord = Callable[[str], None]
"""Told of each WARC record that is not an article page, with the reason."""


def is_warc(path: Path) -> bool:
    return path.name.lower().endswith(WARC_SUFFIXES)


def read_warc(
    path: Path | str,
    doc_id: str | None = None,
    *,
    dating: Dating | None = None,
    on_skip: SkipRecord | None = None,
) -> Iterator[Article | InputError]:
    """The HTML pages of a WARC file (plain or gzip'd) as Articles, in file order.

    Each page's id is ``NAME:N``, N counting every record of the file from 1, so an error
    points at the record. ``dating`` turns the page's own date (or the crawl date) into the
    publication date, as for other inputs; by default it is kept as it is.
    """
    from fastwarc import ArchiveIterator

    path = Path(path)
    name = doc_id or path.name
    dated = dating or partial(publication_date, given=None, path=None)
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield InputError(doc_id=name, message=f"cannot read {path}: {exc.strerror or exc}")
        return
    with handle:
        records = iter(ArchiveIterator(handle, parse_http=False, auto_decode="all"))
        number = 0
        try:
            while True:
                try:
                    record = next(records)
                except StopIteration:
                    return
                except (OSError, ValueError) as exc:
                    message = (f"is corrupt or truncated after record {number} ({exc})" if number
                               else f"is not a WARC file, or is corrupt at its start ({exc})")
                    raise _BrokenOff(message) from None
                number += 1
                item = _page(record, f"{name}:{number}", dated)
                if isinstance(item, str):
                    (on_skip or _ignore)(item)
                else:
                    yield item
        except _BrokenOff as broken:
            failed = number + 1 if broken.after else number
            kept = "; the records before it were read" if failed > 1 else ""
            yield InputError(doc_id=f"{name}:{failed}", message=f"{path} {broken}{kept}")


class _BrokenOff(Exception):
    """The archive ends or breaks inside a record: nothing after it can be read."""

    def __init__(self, message: str, *, after: bool = True) -> None:
        super().__init__(message)
        self.after = after


def _page(record: WarcRecord, doc_id: str, dating: Dating) -> Article | InputError | str:
    """The record's article, its error, or the reason it is not an article page.

    A record that ends early is found by its byte count before any decoding: a page sent
    compressed (``Content-Encoding``) or chunked is decoded only once it is known whole.
    """
    from fastwarc import WarcRecordType

    number = doc_id.rsplit(":", 1)[1]
    url = record.headers.get("WARC-Target-URI") or None
    if record.headers.get("Content-Length") is None:
        raise _BrokenOff(f"is truncated or corrupt: WARC record {number} has no complete "
                         "header", after=False)
    declared = record.content_length
    # A record small enough to be a page is copied into memory, which tells its true length;
    # a larger one is only counted through, never held.
    held = declared <= MAX_HTML_BYTES and record.freeze()
    if held and record.content_length < declared:
        raise _truncated(number, url, record.content_length, declared)
    kind = record.record_type
    http = kind == WarcRecordType.response
    if http:
        try:
            record.parse_http(auto_decode="all" if held else "none")
        except OSError as exc:  # its HTTP message, or the compression of its page, is broken
            if not held:
                raise _BrokenOff(f"is corrupt at WARC record {number} ({exc})",
                                 after=False) from None
            return InputError(doc_id=doc_id, message=(
                f"WARC record {number} ({url}) holds no readable HTTP response ({exc})"))
    page = kind in (WarcRecordType.response, WarcRecordType.resource)
    reason = _not_a_page(record, http=http) if page else f"{kind} record"
    if not held:
        remaining = record.content_length
        if record.consume() < remaining:
            raise _truncated(number, url, None, declared)
        return reason or InputError(doc_id=doc_id, message=(
            f"the page at {url} is larger than the {megabytes(MAX_HTML_BYTES)} limit for one "
            "page"))
    if reason:
        return reason
    body = record.reader.read(MAX_HTML_BYTES + 1)
    if len(body) > MAX_HTML_BYTES:
        return InputError(doc_id=doc_id, message=(
            f"the page at {url} is larger than the {megabytes(MAX_HTML_BYTES)} limit for one "
            "page"))
    try:
        article = html_article(_text(body, _charset(record, http=http)), doc_id, url=url)
    except Unreadable as problem:
        return InputError(doc_id=doc_id, message=str(problem))
    crawled = record.record_date  # None when the header's date is unreadable
    article.date = dating(article.date or (crawled.date() if crawled else None))
    return article


def _truncated(number: str, url: str | None, available: int | None,
               declared: int) -> _BrokenOff:
    read = f"after {available} of {declared} bytes" if available is not None else "early"
    return _BrokenOff(f"is truncated: WARC record {number} ({url}) ends {read}", after=False)


def _not_a_page(record: WarcRecord, *, http: bool) -> str | None:
    """Why the record holds no web page (a redirect, an error, an image...), or None."""
    if http:
        status = record.http_headers.status_code if record.http_headers else None
        if status != 200:
            return f"HTTP status {status}" if status else "no HTTP status line"
        media = record.http_content_type
    else:
        media = (record.headers.get("Content-Type") or "").partition(";")[0].strip() or None
    if (media or "").lower() not in HTML_TYPES:
        return f"not HTML ({(media or 'no content type').lower()})"
    return None


def _charset(record: WarcRecord, *, http: bool) -> str | None:
    if http:
        return record.http_charset
    params = (record.headers.get("Content-Type") or "").partition(";")[2]
    return params.partition("charset=")[2].strip(" \"'") or None


def _text(body: bytes, charset: str | None) -> str:
    """The page as text: in the charset the server declared when it is right, else as UTF-8 or
    the charset the page's ``<meta>`` declares, never replacing a byte silently."""
    if charset:
        try:
            return body.decode(codecs.lookup(charset).name)
        except (LookupError, UnicodeDecodeError):
            pass  # servers often declare a charset the page does not use
    return decode(body, html=True)


def _ignore(_reason: str) -> None:
    """The default ``on_skip``: callers that do not count passed-over records."""
