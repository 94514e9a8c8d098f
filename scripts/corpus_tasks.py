"""Prepare annotation tasks from the shared real-news corpora, and check annotated files.

    python scripts/corpus_tasks.py prepare OUT_DIR       # task files; sentences split, splits fixed
    python scripts/corpus_tasks.py skeleton ID DATE TITLE < article.txt  # a written article
    python scripts/corpus_tasks.py check FILE...         # every format problem, per line
    python scripts/corpus_tasks.py merge TASKS ANNOTATIONS OUT  # annotations into records
    python scripts/corpus_tasks.py agreement FIRST SECOND  # Cohen's kappa of two annotations

A task file holds corpus records with every sentence's `events` empty; annotators fill them by
`docs/annotation.md`, writing one line per sentence that holds events
(`{"doc_id", "index", "events": [...]}`) and one line `{"doc_id", "done": true}` per document
they have read to the end; `merge` puts those into full records and reports every problem.
The split of each document is fixed here, from a hash of its id, before anything is annotated
or trained.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import spacy

from newsevents.evaluation.corpus import check_lines, read_corpus, split_of
from newsevents.evaluation.scoring import agreement as corpus_agreement
from newsevents.nlp import MODEL

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpora"
EVENT_SENTENCES_SAMPLE = 1000
EVENT_SENTENCE_BATCHES = 5
SEED = 20261127


def _sentences(nlp: spacy.Language, text: str) -> list[dict]:
    """Sentences by paragraph, so no sentence runs across a paragraph break."""
    sentences, offset = [], 0
    for paragraph in text.split("\n"):
        if paragraph.strip():
            for sent in nlp(paragraph).sents:
                chunk = sent.text.strip()
                if chunk:
                    start = offset + sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
                    sentences.append({"index": len(sentences), "start": start,
                                      "end": start + len(chunk), "text": chunk, "events": []})
        offset += len(paragraph) + 1
    return sentences


def _record(nlp: spacy.Language, doc_id: str, origin: str, text: str, **fields) -> dict:
    return {"doc_id": doc_id, "origin": origin, "split": split_of(doc_id), **fields,
            "text": text, "sentences": _sentences(nlp, text)}


def prepare(out: Path) -> None:
    nlp = spacy.load(MODEL, disable=["ner", "lemmatizer"])
    out.mkdir(parents=True, exist_ok=True)
    with open(SHARED / "wikinews-outbreaks.jsonl") as handle:
        wikinews = [json.loads(line) for line in handle]
    with open(out / "wikinews.jsonl", "w") as handle:
        for item in wikinews:
            record = _record(nlp, item["id"], "wikinews", item["text"], url=item["url"],
                             title=item["title"], date=None)
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    with open(SHARED / "event-sentences.jsonl") as handle:
        sentences = [json.loads(line) for line in handle]
    # Batches drawn one after another, so a later batch never changes an earlier one.
    for batch in range(1, EVENT_SENTENCE_BATCHES + 1):
        sample = random.Random(SEED + batch - 1).sample(sentences, EVENT_SENTENCES_SAMPLE)
        taken = {item["id"] for item in sample}
        sentences = [item for item in sentences if item["id"] not in taken]
        name = "event-sentences.jsonl" if batch == 1 else f"event-sentences-{batch}.jsonl"
        with open(out / name, "w") as handle:
            for item in sorted(sample, key=lambda item: item["id"]):
                handle.write(json.dumps(_sentence_record(item), ensure_ascii=False) + "\n")
    # The rest of the train and dev documents, for more training material; the test split
    # keeps the random sample of the batches above.
    rest = [item for item in sentences if split_of(item["id"]) != "test"]
    with open(out / f"event-sentences-{EVENT_SENTENCE_BATCHES + 1}.jsonl", "w") as handle:
        for item in sorted(rest, key=lambda item: item["id"]):
            handle.write(json.dumps(_sentence_record(item), ensure_ascii=False) + "\n")


def _sentence_record(item: dict) -> dict:
    text = item["text"]
    return {"doc_id": item["id"], "origin": "event-sentences", "split": split_of(item["id"]),
            "date": None, "text": text,
            "sentences": [{"index": 0, "start": 0, "end": len(text), "text": text,
                           "events": []}],
            "marked": [{"trigger": e["trigger"]["text"],
                        "locations": [loc["text"] for loc in e["locations"]]}
                       for e in item["events"]]}


def skeleton(doc_id: str, date: str, title: str) -> None:
    nlp = spacy.load(MODEL, disable=["ner", "lemmatizer"])
    text = sys.stdin.read().strip()
    record = _record(nlp, doc_id, "written", text, title=title, date=date)
    print(json.dumps(record, ensure_ascii=False))


def check(files: list[str]) -> int:
    bad = 0
    for name in files:
        with open(name, encoding="utf-8") as handle:
            for problem in check_lines(handle):
                print(f"{name}: {problem}")
                bad += 1
    print(f"{bad} problem(s)")
    return 1 if bad else 0


def merge(tasks: Path, annotations: Path, out: Path) -> int:
    """Full records for the documents marked done; a document with any bad line is left out."""
    with open(tasks) as handle:
        skeletons = {json.loads(line)["doc_id"]: json.loads(line) for line in handle}
    events: dict[tuple[str, int], list] = {}
    done: set[str] = set()
    problems: list[str] = []
    with open(annotations) as handle:
        lines = handle.read().splitlines()
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            problems.append(f"{annotations}:{number}: {error}")
            continue
        if item.get("doc_id") not in skeletons:
            problems.append(f"{annotations}:{number}: unknown doc_id {item.get('doc_id')!r}")
        elif item.get("done"):
            done.add(item["doc_id"])
        else:
            events.setdefault((item["doc_id"], item.get("index", -1)), []).extend(
                item.get("events", []))
    written = 0
    with open(out, "w") as handle:
        for doc_id, record in skeletons.items():
            if doc_id not in done:
                continue
            for sentence in record["sentences"]:
                sentence["events"] = events.pop((doc_id, sentence["index"]), [])
            line = json.dumps(record, ensure_ascii=False)
            bad = check_lines([line])
            if bad:
                problems.extend(f"{doc_id}: {problem.split(': ', 1)[1]}" for problem in bad)
                continue
            handle.write(line + "\n")
            written += 1
    problems.extend(f"{doc_id} sentence {index}: no such sentence, or document not marked done"
                    for doc_id, index in events)
    for problem in problems:
        print(problem)
    print(f"{written} document(s) written, {len(problems)} problem(s)")
    return 1 if problems else 0


def agreement(first: Path, second: Path) -> None:
    """Kappa over the documents the second annotation holds, overall and per origin."""
    other = list(read_corpus([second]))
    ids = {doc.doc_id for doc in other}
    mine = [doc for doc in read_corpus([first]) if doc.doc_id in ids]
    print("all", corpus_agreement(mine, other))
    for origin in sorted({doc.origin for doc in mine}):
        print(origin, corpus_agreement([d for d in mine if d.origin == origin], other))


if __name__ == "__main__":
    command, *args = sys.argv[1:] or ["help"]
    if command == "prepare":
        prepare(Path(args[0]))
    elif command == "skeleton":
        skeleton(*args)
    elif command == "merge":
        sys.exit(merge(Path(args[0]), Path(args[1]), Path(args[2])))
    elif command == "agreement":
        agreement(Path(args[0]), Path(args[1]))
    elif command == "check":
        sys.exit(check(args))
    else:
        print(__doc__)
        sys.exit(2)
