"""Print pairwise precision/recall of report-to-event merging on the test corpus.

    python bench/merge_eval.py [--mode gold|pubdate|coded ...] [--corpus FILE] [--db URL]

``coded`` runs the real pipeline over the corpus text (a few seconds); see docs/merging.md.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from newsevents.evaluation.merging import MODES, evaluate

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "merge" / "corpus.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", choices=MODES, action="append")
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--db", help="database to fill (default: a temporary SQLite file)")
    args = parser.parse_args()
    for mode in args.mode or MODES:
        print(evaluate(args.corpus, mode, args.db).line(mode))


if __name__ == "__main__":
    main()
