"""Does a learned deal status carry to new reporting better than the hand rules?

    python bench/arms_status_model.py --train corpus/arms/dev.jsonl corpus/arms/train.jsonl \\
        --eval GOLD.jsonl [GOLD.jsonl ...] [--parts PART.jsonl ...] [--show]

Codes the training passages and each ``--eval`` file once, keeps, for every produced deal
whose supplier, recipient and system match a gold deal, the strings ``arms.status_features``
reads off it and the rules' status, and fits a softmax logistic model of the gold status on
the training deals. The regularisation ``C`` and the confidence above which the model's status
replaces the rules' are chosen by cross-validation on the training passages (``FOLDS``
parts, a passage's deals held out together); the model fitted on all of them then scores
each ``--eval`` file: status right on found deals by the rules and by rules plus model,
and how many deals it changed. ``--parts`` scores subsets of the eval passages (by id) apart
without coding them again. Deals found are the rules' in both columns: the model changes
status only. Needs scikit-learn (``newsevents[train]``).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsevents import nlp, pipeline
from newsevents.arms import deals_for_doc
from newsevents.evaluation.arms import GoldPassage, deal_key, read_gold
from newsevents.models import Article

FOLDS = 5
C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0)
# Confidences at which the model may overrule the rules; above 1, it never does.
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.01)
SEED = 0


@dataclass
class Row:
    """One produced deal that matches a gold deal."""

    passage: str
    features: list[str]
    rules: str
    gold: str


def rows_of(passages: list[GoldPassage]) -> list[Row]:
    """Code the passages and pair each produced deal with its gold deal (optional gold deals
    count neither way, as in ``evaluation.arms``)."""
    language = nlp.load()
    articles = [Article(id=p.id, text=p.text, date=p.date) for p in passages]
    rows: list[Row] = []
    for passage, doc in zip(passages, pipeline.parse(language, articles), strict=True):
        gold = {g.key: g for g in passage.deals}
        kept: dict[str, list[str]] = {}
        for deal in deals_for_doc(doc, status_features=kept):
            truth = gold.get(deal_key(deal))
            if truth is not None and not truth.optional:
                rows.append(Row(passage.id, kept.get(deal.deal_id, []), deal.status,
                                truth.status))
    return rows


def _fit(x: Any, labels: list[str], c: float) -> Any:
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=c, max_iter=3000, random_state=SEED).fit(x, labels)


def combine(model: Any, x: Any, rules: list[str], threshold: float) -> list[str]:
    """The model's status where it is at least ``threshold`` likely, else the rules'."""
    probs = model.predict_proba(x)
    out = []
    for row, said in zip(probs, rules, strict=True):
        best = int(row.argmax())
        status = str(model.classes_[best])
        out.append(status if status != said and row[best] >= threshold else said)
    return out


def choose(rows: list[Row], x: Any) -> tuple[float, float, float]:
    """C and threshold with the best cross-validated status accuracy of rules plus model on
    the training deals (the higher threshold on a tie: the rules keep what the model cannot
    improve); returns C, threshold and that accuracy."""
    folds = {p: i % FOLDS for i, p in enumerate(sorted({r.passage for r in rows}))}
    fold = [folds[r.passage] for r in rows]
    labels = [r.gold for r in rows]
    best = (0.0, 0.0, 0.0)
    for c in C_GRID:
        held: dict[float, list[str]] = {t: [""] * len(rows) for t in THRESHOLDS}
        for part in range(FOLDS):
            rest = [i for i, f in enumerate(fold) if f != part]
            out = [i for i, f in enumerate(fold) if f == part]
            if not out:
                continue
            if len({labels[i] for i in rest}) < 2:
                for t in THRESHOLDS:
                    for i in out:
                        held[t][i] = rows[i].rules
                continue
            model = _fit(x[rest], [labels[i] for i in rest], c)
            for t in THRESHOLDS:
                for i, status in zip(out, combine(model, x[out], [rows[i].rules for i in out],
                                                  t), strict=True):
                    held[t][i] = status
        for t in THRESHOLDS:
            accuracy = sum(a == b for a, b in zip(held[t], labels, strict=True)) / len(rows)
            if (round(accuracy, 6), t) > (round(best[2], 6), best[1]):
                best = (c, t, accuracy)
    return best


def line(name: str, rows: list[Row], changed: list[str]) -> str:
    """Status right by the rules and by rules plus model, and what the model changed."""
    if not rows:
        return f"{name}: no found deals"
    pairs = list(zip(changed, rows, strict=True))
    before = sum(r.rules == r.gold for r in rows)
    after = sum(s == r.gold for s, r in pairs)
    moved = sum(s != r.rules for s, r in pairs)
    fixed = sum(s == r.gold != r.rules for s, r in pairs)
    return (f"{name}: status on {len(rows)} found deals: rules {before / len(rows):.3f} "
            f"({before}), rules+model {after / len(rows):.3f} ({after}); "
            f"{moved} changed, {fixed} of them right")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", type=Path, nargs="+", required=True)
    parser.add_argument("--eval", type=Path, nargs="*", default=[])
    parser.add_argument("--parts", type=Path, nargs="*", default=[])
    parser.add_argument("--show", action="store_true", help="list every changed status")
    args = parser.parse_args()
    from sklearn.feature_extraction import DictVectorizer

    try:
        train = [p for path in args.train for p in read_gold(path)]
        evals = {str(path): read_gold(path) for path in args.eval}
        parts = {path.name: {p.id for p in read_gold(path)} for path in args.parts}
    except (OSError, ValueError) as exc:
        sys.exit(f"arms_status_model: {exc}")
    rows = rows_of(train)
    counts = Counter(r.gold for r in rows)
    print(f"train: {len(train)} passages, {len(rows)} found deals; gold statuses "
          + ", ".join(f"{k} {v}" for k, v in counts.most_common()))
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([{f: 1 for f in r.features} for r in rows])
    c, threshold, accuracy = choose(rows, x)
    rules_right = sum(r.rules == r.gold for r in rows) / len(rows)
    print(f"chosen by {FOLDS}-fold cross-validation: C {c}, threshold {threshold}; "
          f"train status rules {rules_right:.3f}, rules+model out of fold {accuracy:.3f}")
    model = _fit(x, [r.gold for r in rows], c)
    for name, passages in evals.items():
        found = rows_of(passages)
        changed = combine(model, vectorizer.transform(
            [{f: 1 for f in r.features} for r in found]), [r.rules for r in found], threshold)
        print(line(name, found, changed))
        for part, ids in parts.items():
            keep = [i for i, r in enumerate(found) if r.passage in ids]
            if keep:
                print("  " + line(part, [found[i] for i in keep], [changed[i] for i in keep]))
        if args.show:
            for r, status in zip(found, changed, strict=True):
                if status != r.rules:
                    print(f"  {r.passage}: rules {r.rules} -> {status}, gold {r.gold}")


if __name__ == "__main__":
    main()
