"""Writers for coded results: JSON Lines (the schema), CSV (one row per record) and a table."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import TextIO

from rich.console import Console
from rich.table import Table

from newsevents.models import Actor, ArmsTransfer, Document, Event, Result

FORMATS = ("table", "jsonl", "csv")

EVENT_COLUMNS = [
    "event_id",
    "doc_id",
    "sentence_index",
    "event_type",
    "mode",
    "source",
    "source_country",
    "source_sector",
    "target",
    "target_country",
    "target_sector",
    "date",
    "location",
    "location_country",
    "trigger",
    "negated",
    "hypothetical",
    "speaker",
    "confidence",
    "sentence",
]
DEAL_COLUMNS = [
    "deal_id",
    "doc_id",
    "supplier",
    "recipient",
    "system",
    "system_mention",
    "category",
    "quantity",
    "value",
    "currency",
    "status",
    "speaker",
    "sentences",
]


def to_json(record: Document | Event | ArmsTransfer) -> str:
    return json.dumps(record.model_dump(mode="json"), ensure_ascii=False)


def write_jsonl(results: Iterable[Result], out: TextIO, *, deals_only: bool = False) -> None:
    for result in results:
        records = result.arms_transfers if deals_only else result.records()
        for record in records:
            out.write(to_json(record) + "\n")


def _actors(actors: list[Actor]) -> tuple[str, str, str]:
    return (
        "; ".join(a.name or a.text for a in actors),
        "; ".join(a.country or a.igo or "" for a in actors),
        "; ".join(a.sector or "" for a in actors),
    )


def event_row(event: Event) -> dict[str, object]:
    src, src_c, src_s = _actors(event.source)
    tgt, tgt_c, tgt_s = _actors(event.target)
    return {
        "event_id": event.event_id,
        "doc_id": event.doc_id,
        "sentence_index": event.sentence_index,
        "event_type": event.event_type,
        "mode": event.mode or "",
        "source": src,
        "source_country": src_c,
        "source_sector": src_s,
        "target": tgt,
        "target_country": tgt_c,
        "target_sector": tgt_s,
        "date": event.date.isoformat() if event.date else "",
        "location": event.location.name if event.location else "",
        "location_country": (event.location.country or "") if event.location else "",
        "trigger": event.trigger,
        "negated": event.negated,
        "hypothetical": event.hypothetical,
        "speaker": event.attribution.speaker.text if event.attribution else "",
        "confidence": event.confidence,
        "sentence": event.evidence.sentence,
    }


def deal_row(deal: ArmsTransfer) -> dict[str, object]:
    return {
        "deal_id": deal.deal_id,
        "doc_id": deal.doc_id,
        "supplier": deal.supplier.country or "",
        "recipient": deal.recipient.country or "",
        "system": deal.system.name or "",
        "system_mention": deal.system.mention,
        "category": deal.system.category or "",
        "quantity": deal.quantity if deal.quantity is not None else "",
        "value": deal.value if deal.value is not None else "",
        "currency": deal.currency or "",
        "status": deal.status,
        "speaker": deal.attribution.speaker.text if deal.attribution else "",
        "sentences": " | ".join(e.sentence for e in deal.evidence),
    }


def write_csv(results: Iterable[Result], out: TextIO, *, deals_only: bool = False) -> None:
    columns = DEAL_COLUMNS if deals_only else EVENT_COLUMNS
    writer = csv.DictWriter(out, fieldnames=columns)
    writer.writeheader()
    for result in results:
        if deals_only:
            writer.writerows(deal_row(d) for d in result.arms_transfers)
        else:
            writer.writerows(event_row(e) for e in result.events)


def _flags(event: Event) -> str:
    flags = []
    if event.negated:
        flags.append("negated")
    if event.hypothetical:
        flags.append("hypothetical")
    if event.attribution:
        flags.append(f"per {event.attribution.speaker.text or '?'}")
    return ", ".join(flags)


def print_table(results: list[Result], console: Console, *, deals_only: bool = False) -> None:
    """A readable summary for people: one row per event (or deal), errors listed after."""
    if deals_only:
        table = Table(title="Arms transfers", show_lines=False)
        for col in ("doc", "supplier", "recipient", "system", "qty", "value", "status", "per"):
            table.add_column(col)
        for result in results:
            for d in result.arms_transfers:
                row = deal_row(d)
                table.add_row(
                    d.doc_id,
                    str(row["supplier"]),
                    str(row["recipient"]),
                    d.system.name or f"({d.system.category or 'unnamed'}) {d.system.mention}",
                    str(row["quantity"]),
                    f"{row['value']} {row['currency']}".strip(),
                    d.status,
                    str(row["speaker"]),
                )
    else:
        table = Table(title="Events", show_lines=False)
        for col in (
            "doc",
            "#",
            "type",
            "mode",
            "source",
            "target",
            "date",
            "where",
            "trigger",
            "notes",
        ):
            table.add_column(col, overflow="fold", no_wrap=col in ("type", "#", "date"))
        for result in results:
            for e in result.events:
                row = event_row(e)
                table.add_row(
                    e.doc_id,
                    str(e.sentence_index),
                    e.event_type,
                    e.mode or "",
                    _who(e.source),
                    _who(e.target),
                    str(row["date"]),
                    str(row["location"]),
                    e.trigger,
                    _flags(e),
                )
    console.print(table)
    for result in results:
        if result.document.error:
            console.print(f"[red]{result.document.doc_id}: {result.document.error}[/red]")


def _who(actors: list[Actor]) -> str:
    return "; ".join(
        f"{a.name or a.text} ({'/'.join(filter(None, [a.country or a.igo, a.sector])) or '?'})"
        for a in actors
    )
