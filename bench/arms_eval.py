"""Score the arms-transfer coder on passages annotated with their deals.

    python bench/arms_eval.py [GOLD.jsonl] [--split NAME] [--errors]

GOLD defaults to the project's own written set, ``corpus/arms/dev.jsonl``; the format is in
``newsevents.evaluation.arms`` and docs/arms.md. ``--split`` keeps the passages whose
``split`` field has that value; ``--errors`` lists every missed, extra or wrong deal.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from newsevents.evaluation.arms import read_gold, score
from newsevents.models import ArmsTransfer
from newsevents.pipeline import Coder

DEFAULT = Path(__file__).resolve().parent.parent / "corpus" / "arms" / "dev.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path, nargs="?", default=DEFAULT)
    parser.add_argument("--split", help="score only the passages of this split")
    parser.add_argument("--errors", action="store_true", help="list every error")
    args = parser.parse_args()
    try:
        passages = read_gold(args.gold, args.split)
    except (OSError, ValueError) as exc:
        sys.exit(f"arms_eval: {exc}")
    if not passages:
        sys.exit(f"arms_eval: no passages in {args.gold}"
                 + (f" with split {args.split!r}" if args.split else ""))
    articles = [{"id": p.id, "text": p.text, "date": p.date} for p in passages]
    produced: dict[str, list[ArmsTransfer]] = {
        r.document.doc_id: r.arms_transfers for r in Coder().code_articles(articles)}
    result = score(passages, produced)
    deals = sum(len(p.deals) for p in passages)
    print(f"{args.gold.name}{f' [{args.split}]' if args.split else ''}: "
          f"{len(passages)} passages, {deals} gold deals")
    for line in result.lines():
        print(line)
    if args.errors:
        print(*result.errors, sep="\n")


if __name__ == "__main__":
    main()
