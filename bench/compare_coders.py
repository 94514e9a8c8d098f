"""Side by side on one corpus split: the hand rules, a sentence classifier alone, the hybrid.

    python bench/compare_coders.py [--split test] [--corpus corpus/annotated]

- "hand rules": the hand-written lexicon and argument rules, nothing learned;
- "classifier alone": a one-vs-rest logistic regression over the sentence's words and word
  pairs, trained on the train split, its threshold chosen on dev; it only says which types a
  sentence asserts (no actors, no trigger), so only type figures are given for it;
- "hybrid": the shipped coder, every rule candidate weighed by the trained event model.

Figures are for real text (the shared corpora) and for written text apart. Needs scikit-learn.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from newsevents import nlp
from newsevents.evaluation.corpus import GoldDocument, GoldSentence, read_corpus
from newsevents.evaluation.scoring import SliceReport, Tally, report, score_document
from newsevents.models import EVENT_TYPES
from newsevents.pipeline import code_chunk


def code_with(docs: list[GoldDocument], mode: str, events_dir: str | None) -> list[SliceReport]:
    language = nlp.load(nlp.COMPONENTS, mode, events_dir)
    tallies = {"real": Tally(), "written": Tally()}
    for start in range(0, len(docs), 64):
        chunk = docs[start:start + 64]
        for doc, result in zip(chunk, code_chunk([d.article() for d in chunk], language),
                               strict=True):
            score_document(tallies["real" if doc.is_real else "written"], doc, result)
    return [report(name, tally) for name, tally in tallies.items() if tally.documents]


def _asserted_types(sentence: GoldSentence) -> set[str]:
    return {e.type for e in sentence.events if e.realis == "asserted"}


def classifier_alone(docs: list[GoldDocument], split: str) -> dict[str, tuple[float, float, float]]:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    def sentences(name: str) -> list[GoldSentence]:
        return [s for d in docs if d.split == name for s in d.sentences]

    train, dev = sentences("train"), sentences("dev")
    vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    x_train = vectorizer.fit_transform(s.text for s in train)
    x_dev = vectorizer.transform(s.text for s in dev)
    models, thresholds = {}, {}
    for etype in EVENT_TYPES:
        y = [etype in _asserted_types(s) for s in train]
        if sum(y) < 2:
            continue
        model = LogisticRegression(C=4.0, solver="liblinear", random_state=13).fit(x_train, y)
        probs = model.predict_proba(x_dev)[:, 1]
        gold = [etype in _asserted_types(s) for s in dev]

        def f1_at(t: float, probs=probs, gold=gold) -> float:
            tp = sum(p >= t and g for p, g in zip(probs, gold, strict=True))
            fp = sum(p >= t and not g for p, g in zip(probs, gold, strict=True))
            fn = sum(p < t and g for p, g in zip(probs, gold, strict=True))
            return 2 * tp / (2 * tp + fp + fn) if tp else 0.0

        models[etype] = model
        thresholds[etype] = max((0.1, 0.2, 0.3, 0.4, 0.5, 0.6), key=f1_at)
    out = {}
    for origin in ("real", "written"):
        test = [s for d in docs if d.split == split and d.is_real == (origin == "real")
                for s in d.sentences]
        if not test:
            continue
        x_test = vectorizer.transform(s.text for s in test)
        tp = fp = fn = 0
        for etype, model in models.items():
            probs = model.predict_proba(x_test)[:, 1]
            for p, s in zip(probs, test, strict=True):
                want, got = etype in _asserted_types(s), p >= thresholds[etype]
                tp += want and got
                fp += got and not want
                fn += want and not got
        for etype in EVENT_TYPES:
            if etype not in models:
                fn += sum(etype in _asserted_types(s) for s in test)
        p, r = tp / (tp + fp) if tp + fp else 0.0, tp / (tp + fn) if tp + fn else 0.0
        out[origin] = (round(p, 3), round(r, 3), round(2 * p * r / (p + r), 3) if p + r else 0.0)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="test")
    parser.add_argument("--corpus", default="corpus/annotated")
    args = parser.parse_args()
    docs = list(read_corpus([Path(args.corpus)]))
    scored = [d for d in docs if d.split == args.split]
    rows: list[tuple[str, str, SliceReport | tuple[float, float, float]]] = []
    with tempfile.TemporaryDirectory() as empty:
        for name, mode, folder in (("hand rules", "rules", empty), ("hybrid", "hybrid", None)):
            for rep in code_with(scored, mode, folder):
                rows.append((name, rep.name, rep))
    for origin, prf in classifier_alone(docs, args.split).items():
        rows.append(("classifier alone", origin, prf))
    print(f"split {args.split}: {len(scored)} documents, "
          f"{sum(len(d.sentences) for d in scored)} sentences")
    print("| coder | text | P | R | micro-F1 | macro-F1 | no-event clean | realis | source | "
          "target | source none kept | target none kept | date | place | all fields |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for name, origin, rep in sorted(rows, key=lambda r: (r[1], r[0])):
        if isinstance(rep, tuple):
            print(f"| {name} | {origin} | {rep[0]} | {rep[1]} | {rep[2]} | | | | | | | | | | |")
            continue
        cells = (rep.micro_precision, rep.micro_recall, rep.micro_f1, rep.macro_f1,
                 rep.no_event_clean, rep.realis_accuracy, rep.source_accuracy,
                 rep.target_accuracy, rep.source_unnamed_empty, rep.target_unnamed_empty,
                 rep.date_accuracy, rep.place_accuracy,
                 rep.all_fields_right)
        print(f"| {name} | {origin} | " + " | ".join(str(c) for c in cells) + " |")


if __name__ == "__main__":
    main()
