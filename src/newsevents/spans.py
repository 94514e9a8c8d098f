"""What every stage reads off a parsed article: its extensions, datelines, paragraphs, lead.

The components (actors, events, arms) and the helpers they use (dates, places) all read these,
so they live below all of them: importing this module registers every ``Doc`` and ``Token``
extension the project uses, once, and nothing here imports a stage.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from spacy.tokens import Doc, Span, Token

# Every extension, with its default: the article a Doc was made from, the events and deals
# the components attach, and the actor a token names.
DOC_EXTENSIONS: dict[str, object] = {"article": None, "events": [], "deals": []}
TOKEN_EXTENSIONS: dict[str, object] = {"actor": None}
T = TypeVar("T")


def register_extensions() -> None:
    """Register the extensions if another import has not (spaCy's registry is global)."""
    for name, default in DOC_EXTENSIONS.items():
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name, default in TOKEN_EXTENSIONS.items():
        if not Token.has_extension(name):
            Token.set_extension(name, default=default)


register_extensions()


# --- datelines ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Dateline:
    """The wire-style place (and agency) that opens an article: ``KYIV, Ukraine (AP) —``."""

    place: str
    region: str | None
    agency: str | None
    end: int


_NAME_CHAR = r"(?:[^\W\d_]|[.'’\- ])"  # a letter or a mark inside a place name
_DATELINE = re.compile(
    rf"\s*(?P<place>[A-Z]{_NAME_CHAR}{{1,40}}?)"
    rf"(?:,\s*(?P<region>[A-Z]{_NAME_CHAR}{{1,30}}?))?"
    r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"\s*(?:\((?P<agency>[^()\n]{1,40})\))?"
    r"\s*(?:[–—]|-{1,2})\s"
)


def find_dateline(text: str) -> Dateline | None:
    """The dateline that opens ``text``, if any.

    A capitalised place counts only with an agency in brackets ("Moscow (Reuters) -"), since
    "Putin – the Kremlin leader – spoke" has the same shape; an all-capitals place of three or
    more characters needs none ("MOSCOW –").
    """
    match = _DATELINE.match(text)
    if match is None:
        return None
    place = match["place"].strip()
    if not (match["agency"] or (place.isupper() and len(place) >= 3)):
        return None
    region = match["region"].strip() if match["region"] else None
    agency = match["agency"].strip() if match["agency"] else None
    return Dateline(place=place, region=region, agency=agency, end=match.end())


# --- paragraphs and the lead ----------------------------------------------------------------

PARAGRAPHS = "newsevents.paragraphs"
_PARAGRAPH_BREAK = re.compile(r"\n\s*")

LEAD_PARAGRAPHS = 3
"""The paragraphs that make an article's lead: where a dateline may stand (below a headline and
a counter of scraped furniture) and where wire stories report what happened at it. Set on the
bundled examples and the S-400 article."""


def article_text(doc: Doc) -> str:
    """The article's text; ``Doc.text`` rebuilds it from the tokens on every call."""
    return doc._.article.text if doc._.article is not None else doc.text


def span_text(span: Span) -> str:
    """The span's text, cut from the article's (``Span.text`` joins its tokens anew)."""
    return article_text(span.doc)[span.start_char : span.end_char]


def per_sentence(sent: Span, key: str, read: Callable[[Span], T]) -> T:
    """``read(sent)``, read once per sentence and kept in the document under ``key``: a
    sentence with several candidate events asks for the same thing for each."""
    kept = sent.doc.user_data.setdefault(key, {})
    if sent.start not in kept:
        kept[sent.start] = read(sent)
    return kept[sent.start]


def paragraph_starts(doc: Doc) -> list[int]:
    """Character offsets where the document's non-empty lines (paragraphs) start."""
    if PARAGRAPHS not in doc.user_data:
        text = article_text(doc)
        doc.user_data[PARAGRAPHS] = [0] + [m.end() for m in _PARAGRAPH_BREAK.finditer(text)]
    return doc.user_data[PARAGRAPHS]


def lead_end(doc: Doc) -> int:
    """Character offset where the lead paragraphs end."""
    starts = paragraph_starts(doc)
    if len(starts) > LEAD_PARAGRAPHS:
        return starts[LEAD_PARAGRAPHS]
    # Past the last character; ``len(doc.text)`` would rebuild the text on every call, which
    # made a long single-paragraph article quadratic.
    return doc[-1].idx + len(doc[-1].text_with_ws) + 1 if len(doc) else 1


def in_lead(sent: Span) -> bool:
    """Whether the sentence starts in the article's lead."""
    return sent.start_char < lead_end(sent.doc)


def lead_dateline(text: str) -> tuple[int, Dateline] | None:
    """The dateline opening one of the lead paragraphs, with that paragraph's offset."""
    starts = [0] + [m.end() for m in _PARAGRAPH_BREAK.finditer(text, 0, 5000)]
    for start in starts[:LEAD_PARAGRAPHS]:
        found = find_dateline(text[start : start + 200])
        if found is not None:
            return start, found
    return None


# --- entities -------------------------------------------------------------------------------


def entities_in(span: Span) -> list[Span]:
    """The named entities inside ``span``.

    ``Span.ents`` walks the whole document on every call; per event and sentence that
    dominated our components' time, so the document's entities are listed once.
    """
    doc = span.doc
    key = "newsevents.ents"
    if key not in doc.user_data:
        ents = list(doc.ents)  # sorted by start, never overlapping
        doc.user_data[key] = (ents, [e.start for e in ents])
    ents, starts = doc.user_data[key]
    # A bisection, not a scan of every entity: per sentence, a scan made long texts quadratic.
    found = []
    for ent in ents[bisect_left(starts, span.start) :]:
        if ent.start >= span.end:
            break
        if ent.end <= span.end:
            found.append(ent)
    return found
