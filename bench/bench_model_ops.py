"""The model with blis against the model with numpy's matmul (``model_ops``): same tokens?
How much CPU?

    .venv/bin/python bench/bench_model_ops.py [--articles 150] [--rounds 3]

Texts: the bench's articles (``bench_pipeline.corpus``) and the train and dev documents of
``corpus/annotated/`` (never the test split). Each is parsed by the model stage as the coder
runs it (``nlp.load(())``) with thinc's ``NumpyOps`` (blis) and with ``MatmulOps``, and every
token's tag, part of speech, morphology, lemma, head, dependency label, entity tag and sentence
start compared. CPU seconds of one process on the bench's articles, the two alternately over
``--rounds``, fastest kept.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from bench_pipeline import corpus
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG
from spacy.language import Language
from thinc.api import NumpyOps

from newsevents import model_ops, nlp

ROOT = Path(__file__).resolve().parents[1]
ATTRS = [TAG, POS, MORPH, LEMMA, HEAD, DEP, ENT_IOB, ENT_TYPE, SENT_START]
NAMES = ["tag", "pos", "morph", "lemma", "head", "dep", "ent_iob", "ent_type", "sent_start"]


def corpus_texts() -> list[str]:
    texts = []
    for path in sorted((ROOT / "corpus" / "annotated").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            if record.get("split") in ("train", "dev") and record.get("text"):
                texts.append(record["text"])
    return texts


def with_blis(language: Language) -> Language:
    ops = NumpyOps()
    for _, pipe in language.pipeline:
        model = getattr(pipe, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                if isinstance(node.ops, NumpyOps):
                    node.ops = ops
    return language


def compare(blis: Language, matmul: Language, texts: list[str]) -> dict[str, int]:
    diff = dict.fromkeys(NAMES, 0)
    tokens = 0
    for a, b in zip(blis.pipe(texts), matmul.pipe(texts), strict=True):
        x, y = a.to_array(ATTRS), b.to_array(ATTRS)
        tokens += len(a)
        for column, name in enumerate(NAMES):
            diff[name] += int((x[:, column] != y[:, column]).sum())
    return {"texts": len(texts), "tokens": tokens, **{f"{k}_differ": v for k, v in diff.items()}}


def cpu(language: Language, texts: list[str]) -> float:
    started = time.process_time()
    list(language.pipe(texts))
    return time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=150)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    model_ops.one_blas_thread()  # as in a worker: one core each
    matmul = nlp.load(())
    blis = with_blis(nlp.load.__wrapped__(()))
    bench = [a.text for a in corpus(args.articles)]
    report: dict[str, object] = {
        "bench_articles": compare(blis, matmul, bench),
        "corpus_train_dev": compare(blis, matmul, corpus_texts()),
    }
    best = {"blis_cpu_s": float("inf"), "matmul_cpu_s": float("inf")}
    for _ in range(args.rounds):
        best["blis_cpu_s"] = min(best["blis_cpu_s"], cpu(blis, bench))
        best["matmul_cpu_s"] = min(best["matmul_cpu_s"], cpu(matmul, bench))
    report.update({k: round(v, 2) for k, v in best.items()})
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
