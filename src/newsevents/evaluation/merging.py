"""Measuring report-to-event merging against a corpus with gold event clusters.

A corpus line is an article (``id``, ``text``, ``title``, ``date``, ``source``, ``url``) with
``gold``: the events it reports, each with a ``cluster`` label shared by every article about the
same real-world event, and ``copy_of`` on syndicated copies. Two ways to feed the store:

- ``gold`` mode turns the gold annotations into event records, isolating the merging rule and
  duplicate detection from coding errors;
- ``pubdate`` mode is ``gold`` without event dates and places, as from a coder that resolves
  neither: every report then carries its article's publication date;
- ``coded`` mode codes the article text with the real pipeline, measuring the whole chain.

Scores are pairwise over factual gold article-events: a pair is predicted together when both
land in one stored event, and is gold together when both carry the same cluster label.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa

from newsevents.models import Actor, Document, Event, Evidence, Location, Result
from newsevents.store import schema
from newsevents.store.db import Store, connect


@dataclass(frozen=True)
class GoldItem:
    article: str
    cluster: str
    event_type: str
    factual: bool


@dataclass(frozen=True)
class MergeScore:
    precision: float
    recall: float
    f1: float
    gold_pairs: int
    predicted_pairs: int
    unassigned: int
    n_sources_exact: float
    nonfactual_counted: int

    def line(self, label: str) -> str:
        return (f"{label}: pairwise precision {self.precision:.3f}, recall {self.recall:.3f}, "
                f"F1 {self.f1:.3f} ({self.predicted_pairs} predicted / {self.gold_pairs} gold "
                f"pairs; {self.unassigned} gold mention(s) not found); n_sources exact for "
                f"{self.n_sources_exact:.0%} of events; non-factual reports counted: "
                f"{self.nonfactual_counted}")


def load_corpus(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def gold_items(corpus: list[dict]) -> list[GoldItem]:
    return [
        GoldItem(article["id"], gold["cluster"], gold["event_type"],
                 not (gold["negated"] or gold["hypothetical"]))
        for article in corpus for gold in article["gold"]
    ]


def _actor(code: str) -> Actor:
    """Three upper-case letters are ISO3 countries; anything else is an IGO short name."""
    if len(code) == 3 and code.isalpha() and code.isupper():
        return Actor(text=code, country=code)
    return Actor(text=code, igo=code)


def _document(article: dict) -> Document:
    return Document(doc_id=article["id"], title=article.get("title"), url=article.get("url"),
                    date=dt.date.fromisoformat(article["date"]), source=article.get("source"))


def gold_result(article: dict, *, vague: bool = False) -> Result:
    """The article as a perfect coder would report it: one event record per gold event;
    ``vague`` leaves out event dates and places."""
    text = article["text"]
    events = [
        Event(
            event_id=f"{article['id']}-{index}", doc_id=article["id"], sentence_index=index,
            event_type=gold["event_type"], source=[_actor(c) for c in gold["source"]],
            target=[_actor(c) for c in gold["target"]],
            date=None if vague else dt.date.fromisoformat(gold["date"]),
            location=Location(**gold["place"]) if gold.get("place") and not vague else None,
            trigger=gold["event_type"].lower(),
            evidence=Evidence(sentence=text, start=0, end=len(text)),
            negated=gold["negated"], hypothetical=gold["hypothetical"],
        )
        for index, gold in enumerate(article["gold"])
    ]
    return Result(document=_document(article), text=text, events=events)


def coded_results(corpus: list[dict]) -> list[Result]:
    from newsevents.pipeline import code

    return [
        code(article["text"], date=dt.date.fromisoformat(article["date"]), doc_id=article["id"],
             title=article.get("title"), url=article.get("url"))
        .model_copy(update={"document": _document(article)}, deep=False)
        for article in corpus
    ]


def _known_actors(row: sa.Row) -> int:
    return sum(1 for a in [*row.source_actors, *row.target_actors] if a["country"] or a["igo"])


def _assignments(store: Store, items: list[GoldItem]) -> dict[GoldItem, int | None]:
    """Each gold mention's stored event: that of its article's report of the gold type with the
    most resolved actors (the first on ties; only factual reports for a factual mention)."""
    docs, reports = schema.documents, schema.reports
    with store.engine.connect() as conn:
        rows = conn.execute(
            sa.select(docs.c.doc_id, reports.c.event_type, reports.c.factual,
                      reports.c.event_id, reports.c.source_actors, reports.c.target_actors)
            .join(docs, docs.c.id == reports.c.document_id).order_by(reports.c.id)
        ).all()
    found: dict[GoldItem, int | None] = {}
    for item in items:
        matches = [r for r in rows if r.doc_id == item.article
                   and r.event_type == item.event_type and r.event_id is not None
                   and (r.factual or not item.factual)]
        best = max(matches, key=_known_actors, default=None)
        found[item] = best.event_id if best is not None else None
    return found


def _pairs(labels: dict[GoldItem, object]) -> set[frozenset[GoldItem]]:
    return {
        frozenset((a, b)) for a, b in itertools.combinations(labels, 2)
        if labels[a] is not None and labels[a] == labels[b] and a.article != b.article
    }


def _expected_sources(corpus: list[dict]) -> dict[str, int]:
    by_id = {article["id"]: article for article in corpus}
    outlets: dict[str, set[str]] = {}
    for article in corpus:
        original = by_id.get(article.get("copy_of", ""), article)
        for gold in article["gold"]:
            if not (gold["negated"] or gold["hypothetical"]):
                outlets.setdefault(gold["cluster"], set()).add(original["source"])
    return {cluster: len(names) for cluster, names in outlets.items()}


def _source_counts(store: Store, events: Iterable[int]) -> dict[int, tuple[int, int]]:
    table = schema.events
    with store.engine.connect() as conn:
        rows = conn.execute(sa.select(table.c.id, table.c.n_sources, table.c.n_reports)
                            .where(table.c.id.in_(list(events)))).all()
    return {row.id: (row.n_sources, row.n_reports) for row in rows}


def score(store: Store, corpus: list[dict]) -> MergeScore:
    items = gold_items(corpus)
    factual = [item for item in items if item.factual]
    assigned = _assignments(store, factual)
    predicted = _pairs(assigned)
    gold = _pairs({item: item.cluster for item in factual})
    hits = len(predicted & gold)
    precision = hits / len(predicted) if predicted else 1.0
    recall = hits / len(gold) if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    expected = _expected_sources(corpus)
    counts = _source_counts(store, {e for e in assigned.values() if e is not None})
    majority = _majority_event(assigned)
    exact = [counts.get(majority.get(c), (0, 0))[0] == n for c, n in expected.items()]
    return MergeScore(
        precision=precision, recall=recall, f1=f1, gold_pairs=len(gold),
        predicted_pairs=len(predicted),
        unassigned=sum(1 for event in assigned.values() if event is None),
        n_sources_exact=sum(exact) / len(exact) if exact else 1.0,
        nonfactual_counted=_nonfactual_counted(store),
    )


def _majority_event(assigned: dict[GoldItem, int | None]) -> dict[str, int]:
    """The stored event most of a cluster's mentions went to stands for the cluster."""
    votes: dict[str, dict[int, int]] = {}
    for item, event in assigned.items():
        if event is not None:
            votes.setdefault(item.cluster, {}).setdefault(event, 0)
            votes[item.cluster][event] += 1
    return {cluster: max(counts, key=lambda e: (counts[e], -e))
            for cluster, counts in votes.items()}


def _nonfactual_counted(store: Store) -> int:
    """Events whose report count includes a negated or hypothetical report: must stay 0."""
    events, reports = schema.events, schema.reports
    factual = (sa.select(sa.func.count()).where(reports.c.event_id == events.c.id,
                                                reports.c.factual).scalar_subquery())
    with store.engine.connect() as conn:
        return conn.execute(sa.select(sa.func.count()).select_from(events)
                            .where(events.c.n_reports != factual)).scalar_one()


MODES = ("gold", "pubdate", "coded")


def evaluate(corpus_path: Path, mode: str, db_url: str | None = None) -> MergeScore:
    """Store the corpus in a fresh database (a temporary SQLite file unless ``db_url``)."""
    corpus = load_corpus(corpus_path)
    if mode == "coded":
        results = coded_results(corpus)
    else:
        results = [gold_result(a, vague=mode == "pubdate") for a in corpus]
    with tempfile.TemporaryDirectory() as folder:
        store = connect(db_url or f"sqlite:///{folder}/merge.db")
        try:
            store.add_results(results)
            return score(store, corpus)
        finally:
            store.close()
