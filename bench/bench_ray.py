"""What coding on Ray costs over the local path, on the same machine and the same texts.

    .venv/bin/python bench/bench_ray.py [--articles 400] [--rounds 2]

The texts are ``bench_pipeline``'s corpus (the bundled examples and the S-400 reference
article, repeated), written to one JSON Lines file. Both paths read that file and code it as
``newsevents code`` does: the local path with ``--processes`` worker processes, the Ray path
with as many coding actors on a local Ray cluster of this machine's CPUs (``--ray auto``).
Runs are interleaved, local then Ray, ``--rounds`` times; the fastest of each is kept, the
least disturbed by other work on the machine. Each run includes starting its workers and
loading their language models, as a command does; starting the Ray cluster is timed apart,
since a cluster serves many runs.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

from bench_pipeline import corpus

from newsevents import distributed, ingest
from newsevents.models import Result
from newsevents.pipeline import Coder


def write_corpus(n: int, folder: Path) -> Path:
    path = folder / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for article in corpus(n):
            out.write(article.model_dump_json() + "\n")
    return path


def timed(results: Iterable[Result]) -> tuple[float, list[str]]:
    """Seconds to exhaust ``results``, and each result's records as JSON, to compare."""
    started = time.perf_counter()
    records = [result.model_dump_json() for result in results]
    return time.perf_counter() - started, records


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--processes", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = str(write_corpus(args.articles, Path(folder)))
        local_s: list[float] = []
        ray_s: list[float] = []
        started = time.perf_counter()
        with distributed.cluster("auto") as cpus:  # this machine's CPUs, as `--ray auto`
            cluster_s = time.perf_counter() - started
            for _ in range(args.rounds):
                seconds, local = timed(Coder(n_process=args.processes).code_articles(
                    ingest.read_paths([path])))
                local_s.append(seconds)
                seconds, on_ray = timed(distributed.code([path], workers=args.processes))
                ray_s.append(seconds)
                assert on_ray == local, "the Ray path gave other records"
    best_local, best_ray = min(local_s), min(ray_s)
    print(json.dumps({
        "articles": args.articles,
        "processes_or_actors": args.processes,
        "cluster_cpus": cpus,
        "ray_cluster_start_s": round(cluster_s, 1),
        "local_runs_s": [round(s, 1) for s in local_s],
        "ray_runs_s": [round(s, 1) for s in ray_s],
        "local_articles_per_s": round(args.articles / best_local, 2),
        "ray_articles_per_s": round(args.articles / best_ray, 2),
        "ray_cost_over_local_pct": round(100 * (best_ray - best_local) / best_local, 1),
        "same_records": True,
    }, indent=2))


if __name__ == "__main__":
    main()
