"""Throughput of the coding pipeline against bare spaCy parsing on the same texts.

    .venv/bin/python bench/bench_pipeline.py [--articles 2000] [--processes 2]

Builds ~2,000 articles by repeating the bundled examples and the shared seed article, then
times (1) the full ``Coder``, (2) the ``Coder`` without the arms component and (3) bare
``nlp.pipe`` of the model with the same number of processes. Prints articles/s, words/s,
our overhead over bare parsing, and the peak resident memory of this process and its workers.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from pathlib import Path

from newsevents import ingest, nlp
from newsevents.models import Article
from newsevents.pipeline import Coder

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "examples", ROOT.parent / "shared" / "examples"]


def corpus(n: int) -> list[Article]:
    base = [
        a
        for a in ingest.read_paths([str(p) for p in SOURCES if p.exists()])
        if isinstance(a, Article)
    ]
    return [
        base[i % len(base)].model_copy(update={"id": f"{base[i % len(base)].id}#{i}"})
        for i in range(n)
    ]


def bare_parse(articles: list[Article], processes: int) -> float:
    language = nlp.load(())
    started = time.perf_counter()
    for _ in language.pipe((a.text for a in articles), n_process=processes, batch_size=32):
        pass
    return time.perf_counter() - started


def full_pipeline(
    articles: list[Article], processes: int, components: tuple[str, ...] = nlp.COMPONENTS
) -> tuple[float, int, int]:
    started = time.perf_counter()
    events = deals = 0
    for result in Coder(n_process=processes, components=components).code_articles(articles):
        events += len(result.events)
        deals += len(result.arms_transfers)
    return time.perf_counter() - started, events, deals


def peak_mb() -> dict[str, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"main_mb": round(own, 1), "largest_worker_mb": round(children, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--processes", type=int, default=2)
    args = parser.parse_args()
    articles = corpus(args.articles)
    words = sum(len(a.text.split()) for a in articles)
    full, events, deals = full_pipeline(articles, args.processes)
    no_arms, _, _ = full_pipeline(
        articles, args.processes, tuple(c for c in nlp.COMPONENTS if c != "newsevents_arms")
    )
    bare = bare_parse(articles, args.processes)
    report = {
        "articles": len(articles),
        "words_per_article": round(words / len(articles)),
        "processes": args.processes,
        "bare_spacy_s": round(bare, 2),
        "bare_articles_per_s": round(len(articles) / bare, 1),
        "pipeline_s": round(full, 2),
        "pipeline_articles_per_s": round(len(articles) / full, 1),
        "pipeline_words_per_s": round(words / full),
        "overhead_over_bare_pct": round(100 * (full - bare) / bare, 1),
        "pipeline_without_arms_s": round(no_arms, 2),
        "arms_catalogue_cost_pct": round(100 * (full - no_arms) / no_arms, 1),
        "events": events,
        "arms_transfers": deals,
        **peak_mb(),
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
