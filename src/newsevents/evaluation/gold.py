"""Scoring against sentence-level gold sets such as the public PLOVER gold records.

Each gold record is one sentence with one event. Per type, a sentence counts as a true positive
when we code an event of the gold type in it, a false negative when we do not, and every other
type we code there is a false positive. Actor countries are compared on matched events only.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from pydantic import BaseModel
from rich.console import Console
from rich.table import Table

from newsevents.ingest import json_error
from newsevents.models import EVENT_TYPES, Actor, Article, InputError
from newsevents.pipeline import Coder

# Gold sets written with CAMEO-style codes: their ISO3 equivalent, or None to skip the actor.
GOLD_CODES: dict[str, str | None] = {
    "JAP": "JPN",
    "ITL": "ITA",
    "VTN": "VNM",
    "NGO": None,
    "IMG": None,
    "ISM": None,
    "": None,
}


# Modes that older drafts of PLOVER named differently, mapped to the codebook's names.
GOLD_MODES: dict[str, str] = {
    "strike-hun": "hunger", "strike-gen": "strike", "demo-org": "demo", "demo-spon": "demo",
    "riot-spon": "riot",
}


class GoldError(Exception):
    """The gold file cannot be read; the message says which line and why."""


class TypeScore(BaseModel):
    event_type: str
    support: int
    tp: int
    fp: int
    fn: int
    precision: float
    recall: float
    f1: float


class Report(BaseModel):
    sentences: int
    types: list[TypeScore]
    macro_f1: float
    micro_f1: float
    top_type_accuracy: float
    any_type_recall: float
    mode_accuracy: float | None
    source_country_accuracy: float | None
    target_country_accuracy: float | None
    matched_events: int
    errors: int


def load_gold(path: Path) -> list[dict]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise GoldError(f"cannot read gold file {path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise GoldError(f"cannot read gold file {path}: {exc}") from None
    records = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldError(f"{path}: {json_error(exc, number)}") from None
        if not isinstance(record, dict) or not {"id", "text", "event_type"} <= record.keys():
            raise GoldError(f"{path}:{number}: needs 'id', 'text' and 'event_type'")
        records.append(record)
    if not records:
        raise GoldError(f"{path}: no gold records")
    return records


def _gold_codes(actors: list[dict]) -> set[str] | None:
    """Comparable codes of a gold actor list; None when the gold gives nothing to compare."""
    codes: set[str] = set()
    for actor in actors:
        code = actor.get("code", "")
        code = GOLD_CODES.get(code, code)
        if code:
            codes.add(code)
    return codes or None


def _codes(actors: list[Actor]) -> set[str]:
    return {"IGO" if a.igo else a.country for a in actors if a.igo or a.country}  # type: ignore[misc]


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def evaluate(path: Path, n_process: int = 1, learned: bool = True) -> Report:
    gold = load_gold(path)
    articles: list[Article | InputError] = [
        Article(id=str(g["id"]), text=str(g["text"])) for g in gold
    ]
    coder = Coder(n_process=n_process, unit="sentence", learned=learned)
    results = list(coder.code_articles(articles))
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    support: Counter[str] = Counter()
    top_hits = any_hits = 0
    mode_hits = mode_total = 0
    src_hits = src_total = tgt_hits = tgt_total = matched = 0
    for g, result in zip(gold, results, strict=True):
        gold_type = g["event_type"]
        support[gold_type] += 1
        # Gold sets code what a sentence asserts: negated, hypothetical and generic events are not
        # claims.
        asserted = [e for e in result.events if e.factual]
        predicted = {e.event_type for e in asserted}
        if gold_type in predicted:
            tp[gold_type] += 1
            any_hits += 1
        else:
            fn[gold_type] += 1
        for other in predicted - {gold_type}:
            fp[other] += 1
        primary = max(asserted, key=lambda e: e.confidence, default=None)
        top_hits += primary is not None and primary.event_type == gold_type
        match = next((e for e in asserted if e.event_type == gold_type), None)
        if match is None:
            continue
        matched += 1
        if g.get("mode"):
            mode_total += 1
            mode_hits += match.mode == GOLD_MODES.get(g["mode"], g["mode"])
        gold_src, gold_tgt = _gold_codes(g.get("source", [])), _gold_codes(g.get("target", []))
        if gold_src is not None:
            src_total += 1
            src_hits += bool(_codes(match.source) & gold_src)
        if gold_tgt is not None:
            tgt_total += 1
            tgt_hits += bool(_codes(match.target) & gold_tgt)
    scores = []
    for etype in EVENT_TYPES:
        p = tp[etype] / (tp[etype] + fp[etype]) if tp[etype] + fp[etype] else 0.0
        r = tp[etype] / support[etype] if support[etype] else 0.0
        scores.append(
            TypeScore(
                event_type=etype,
                support=support[etype],
                tp=tp[etype],
                fp=fp[etype],
                fn=fn[etype],
                precision=round(p, 3),
                recall=round(r, 3),
                f1=round(_f1(p, r), 3),
            )
        )
    scored = [s for s in scores if s.support]
    all_tp, all_fp, all_fn = sum(tp.values()), sum(fp.values()), sum(fn.values())
    micro_p = all_tp / (all_tp + all_fp) if all_tp + all_fp else 0.0
    micro_r = all_tp / (all_tp + all_fn) if all_tp + all_fn else 0.0
    n = len(gold)
    return Report(
        sentences=n,
        types=scores,
        macro_f1=round(sum(s.f1 for s in scored) / len(scored), 3) if scored else 0.0,
        micro_f1=round(_f1(micro_p, micro_r), 3),
        top_type_accuracy=round(top_hits / n, 3),
        any_type_recall=round(any_hits / n, 3),
        mode_accuracy=round(mode_hits / mode_total, 3) if mode_total else None,
        source_country_accuracy=round(src_hits / src_total, 3) if src_total else None,
        target_country_accuracy=round(tgt_hits / tgt_total, 3) if tgt_total else None,
        matched_events=matched,
        errors=sum(1 for r in results if r.document.error),
    )


def print_report(report: Report, console: Console) -> None:
    table = Table(title=f"Event types on {report.sentences} gold sentences")
    for col in ("type", "support", "tp", "fp", "fn", "precision", "recall", "F1"):
        table.add_column(col, justify="right" if col != "type" else "left")
    for s in report.types:
        table.add_row(
            s.event_type,
            str(s.support),
            str(s.tp),
            str(s.fp),
            str(s.fn),
            f"{s.precision:.3f}",
            f"{s.recall:.3f}",
            f"{s.f1:.3f}",
        )
    console.print(table)

    def pct(value: float | None) -> str:
        return "n/a" if value is None else f"{value:.3f}"

    console.print(
        f"top-event type accuracy {pct(report.top_type_accuracy)}; "
        f"gold type found {pct(report.any_type_recall)}; "
        f"mode accuracy {pct(report.mode_accuracy)} (matched events with a gold mode)"
    )
    console.print(
        f"source country accuracy {pct(report.source_country_accuracy)}; "
        f"target country accuracy {pct(report.target_country_accuracy)} "
        f"({report.matched_events} matched events; {report.errors} inputs failed)"
    )
    console.print(f"macro-F1 {pct(report.macro_f1)}  micro-F1 {pct(report.micro_f1)}")
