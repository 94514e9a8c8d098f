"""Score actor resolution on the gold actor spans of the annotated corpus (train and dev only).

Each source and target span of a gold event is resolved on its own, with its article's date,
the way ``evaluate_actors`` scores ``corpus/actors/phrases.jsonl``: the coded country or IGO and
sector against the gold ones. The gold codes may lean on the document (a pronoun, "the health
ministry" in an article about Uganda), which no phrase alone can give; such spans are counted
apart as ``context`` (a pronoun, or a gold country where the phrase gives none and holds no
capitalised word past its first) so the
figure for phrases that carry their own cues stays visible.

    .venv/bin/python scripts/score_actor_spans.py [--split train,dev] [--misses N]

The test split is refused: it is never used to tune resolution.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from collections import Counter
from pathlib import Path

from newsevents.actors import ActorResolver
from newsevents.evaluation.corpus import GoldActor, read_corpus

ROOT = Path(__file__).resolve().parents[1]
PRONOUNS = frozenset({
    "he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us", "its", "their",
    "his", "our", "who", "which", "whom", "that", "this", "these", "those", "itself",
    "themselves", "himself", "herself", "one", "some", "others", "both", "all",
})


def _spans(splits: set[str]) -> list[tuple[str, dt.date | None, GoldActor]]:
    """Distinct (document, span, gold codes) of every gold event of the chosen splits."""
    seen: set[tuple[str, str, str | None, str | None, str | None]] = set()
    out = []
    for doc in read_corpus([ROOT / "corpus" / "annotated"]):
        if doc.split not in splits:
            continue
        date = dt.date.fromisoformat(doc.date[:10]) if doc.date else None
        for sentence in doc.sentences:
            for event in sentence.events:
                for actor in event.source + event.target:
                    if not actor.text:
                        continue
                    key = (doc.doc_id, actor.text, actor.country, actor.igo, actor.sector)
                    if key not in seen:
                        seen.add(key)
                        out.append((doc.doc_id, date, actor))
    return out


def _is_context(resolver: ActorResolver, text: str, gold: GoldActor) -> bool:
    """Whether the gold code can only come from the document, not from the phrase."""
    if text.strip().lower() in PRONOUNS:
        return True
    if not gold.country:
        return False
    coded = resolver.resolve_text(text)
    if coded is not None and coded.country is not None:
        return False
    # A capitalised word past the first may be a name the tables lack: that is ours to fix.
    words = [w for w in re.findall(r"[\w'-]+", text)][1:]
    return not any(w[:1].isupper() for w in words)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="train,dev")
    parser.add_argument("--misses", type=int, default=0, help="print this many misses")
    args = parser.parse_args(argv)
    splits = set(args.split.split(","))
    if "test" in splits or not splits <= {"train", "dev"}:
        print("only train and dev may be scored here", file=sys.stderr)
        return 2
    resolver = ActorResolver.load()
    counts: Counter[str] = Counter()
    misses = []
    for doc_id, date, gold in _spans(splits):
        text = gold.text or ""
        actor = resolver.resolve_text(text, date)
        code = (actor.igo or actor.country) if actor else None
        sector = actor.sector if actor else None
        code_ok = code == (gold.igo or gold.country)
        sector_ok = sector == gold.sector
        group = "context" if not code_ok and _is_context(resolver, text, gold) else "own"
        for name in ("all", group):
            counts[f"{name}"] += 1
            counts[f"{name}:code"] += code_ok
            counts[f"{name}:sector"] += sector_ok
            counts[f"{name}:both"] += code_ok and sector_ok
        if not (code_ok and sector_ok) and group == "own":
            misses.append(f"{doc_id}\t{text!r}\tcoded {code}/{sector}\t"
                          f"gold {gold.igo or gold.country}/{gold.sector}")
    for name in ("all", "own", "context"):
        n = counts[name]
        if n:
            code, sector, both = (counts[f"{name}:{k}"] / n for k in ("code", "sector", "both"))
            print(f"{name:8} {n:5} spans  country/IGO {code:.3f}  sector {sector:.3f}  "
                  f"both {both:.3f}")
    for line in misses[:args.misses]:
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
