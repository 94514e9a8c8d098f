"""Throughput of the coding pipeline, and its cost over bare spaCy parsing.

    .venv/bin/python bench/bench_pipeline.py [--articles 2000] [--processes 2] [--rules]

The corpus is the bundled examples and the S-400 reference article (when present beside the
checkout) repeated to ``--articles``. Two measurements:

- overhead, in one process and in CPU seconds (so that other work on the machine does not
  blur it): bare ``nlp.pipe`` of the model as spaCy ships it, the model stage as the coder
  runs it (``nlp.load(())``: the paragraph boundaries, and the model's attribute rules by
  table lookup), the full ``Coder``, and the ``Coder`` without the arms component, on the
  same texts, interleaved over ``--rounds`` and the fastest kept;
- throughput, wall clock, with ``--processes`` workers: articles/s and words/s, also given
  for 600-word articles (words/s / 600), and the peak memory of the main process and the
  largest worker.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from collections.abc import Callable
from pathlib import Path

import spacy

from newsevents import ingest, model_ops, nlp
from newsevents.models import Article
from newsevents.pipeline import Coder

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [ROOT / "examples", ROOT.parent / "shared" / "examples"]
WITHOUT_ARMS = tuple(c for c in nlp.COMPONENTS if c != "newsevents_arms")


def corpus(n: int) -> list[Article]:
    base = [
        a for a in ingest.read_paths([str(p) for p in SOURCES if p.exists()])
        if isinstance(a, Article)
    ]
    return [
        base[i % len(base)].model_copy(update={"id": f"{base[i % len(base)].id}#{i}"})
        for i in range(n)
    ]


def cpu_seconds(work: Callable[[], object]) -> float:
    started = time.process_time()
    work()
    return time.process_time() - started


def overhead(articles: list[Article], rounds: int, model: bool) -> dict[str, float]:
    """Fastest of ``rounds`` interleaved runs each: the minimum is the least disturbed.

    One BLAS thread, as in a worker: stock spaCy's blis computes on one, and a second
    thread on a busy machine adds CPU time, not work."""
    model_ops.one_blas_thread()
    bare_nlp = spacy.load(nlp.MODEL)
    model_stage = nlp.load(())
    runs: dict[str, Callable[[], object]] = {
        "bare": lambda: list(bare_nlp.pipe(a.text for a in articles)),
        "model_stage": lambda: list(model_stage.pipe(a.text for a in articles)),
        "full": lambda: list(Coder(1, learned=model).code_articles(articles)),
        "no_arms": lambda: list(
            Coder(1, components=WITHOUT_ARMS, learned=model).code_articles(articles)),
    }
    # Warm up: model loading, gazetteer, lexicons and dateparser are one-off costs.
    warm = articles[:8]
    list(bare_nlp.pipe(a.text for a in warm))
    list(model_stage.pipe(a.text for a in warm))
    list(Coder(1, learned=model).code_articles(warm))
    list(Coder(1, components=WITHOUT_ARMS, learned=model).code_articles(warm))
    best = {name: cpu_seconds(run) for name, run in runs.items()}
    for _ in range(rounds - 1):
        for name, run in runs.items():
            best[name] = min(best[name], cpu_seconds(run))
    bare, full, no_arms = best["bare"], best["full"], best["no_arms"]
    return {
        "overhead_rounds": rounds,
        "bare_spacy_cpu_s": round(bare, 2),
        "model_stage_cpu_s": round(best["model_stage"], 2),
        "pipeline_cpu_s": round(full, 2),
        "pipeline_without_arms_cpu_s": round(no_arms, 2),
        "overhead_over_bare_pct": round(100 * (full - bare) / bare, 1),
        "overhead_over_model_stage_pct": round(
            100 * (full - best["model_stage"]) / best["model_stage"], 1),
        "arms_component_cost_pct": round(100 * (full - no_arms) / no_arms, 1),
    }


def throughput(articles: list[Article], processes: int, model: bool) -> dict[str, float]:
    words = sum(len(a.text.split()) for a in articles)
    started = time.perf_counter()
    events = deals = 0
    for result in Coder(n_process=processes, learned=model).code_articles(articles):
        events += len(result.events)
        deals += len(result.arms_transfers)
    seconds = time.perf_counter() - started
    return {
        "processes": processes,
        "wall_s": round(seconds, 2),
        "articles_per_s": round(len(articles) / seconds, 1),
        "words_per_s": round(words / seconds),
        "600_word_articles_per_s": round(words / seconds / 600, 1),
        "events": events,
        "arms_transfers": deals,
    }


def peak_mb() -> dict[str, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"main_peak_mb": round(own, 1), "largest_worker_peak_mb": round(workers, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument(
        "--overhead-articles", type=int, default=150,
        help="articles for the one-process CPU-time comparison",
    )
    parser.add_argument("--rounds", type=int, default=3, help="interleaved overhead runs")
    parser.add_argument(
        "--rules", action="store_true", help="code with the hand rules alone, not the hybrid"
    )
    args = parser.parse_args()
    articles = corpus(args.articles)
    report = {
        "articles": len(articles),
        "words_per_article": round(sum(len(a.text.split()) for a in articles) / len(articles)),
        "coder": "rules" if args.rules else "hybrid",
        **throughput(articles, args.processes, not args.rules),
        **peak_mb(),  # the coding run's memory: the main process and its workers
        **overhead(articles[: args.overhead_articles], args.rounds, not args.rules),
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
