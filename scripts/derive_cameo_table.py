"""Derive our PLOVER -> CAMEO table from the CAMEO-PLOVER conversion table (CC BY-SA 4.0).

    .venv/bin/python scripts/derive_cameo_table.py [CAMEO2PLOVER_FILE]

The file defaults to ``../shared/plover/cameo2plover.txt`` beside the repository (from
openeventdata/PLOVER). It maps each CAMEO code to a PLOVER event type, mode and contexts; we
need the other direction, which is one-to-many: (ASSAULT, firearms) comes from CAMEO 193
alone, but (CONSULT, visit) from 042 "make a visit" and 043 "host a visit" alike. The script
writes ``src/newsevents/data/cameo/plover_cameo.tsv`` with one row per (type, mode, contexts)
the table knows, and the CAMEO code that is right whichever of its candidate codes was meant:
the candidates' longest common prefix, when that prefix is itself a CAMEO code (a four-digit
code, its three-digit parent, or the two-digit root of the CAMEO categories). A type and mode
whose candidates share no such code ((ASSAULT, no mode): 180, 1823, 190 and 196) get no row,
and their events no CAMEO code.

The contexts column holds the candidates that carry exactly those contexts; the row with an
empty context holds every candidate of the type and mode, whatever its contexts. The coder
marks few contexts, so an event without one is looked up in the latter (see
``newsevents/cameo.py``). The output is the same on every run.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from os.path import commonprefix
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = ROOT.parent / "shared" / "plover" / "cameo2plover.txt"
OUT = ROOT / "src" / "newsevents" / "data" / "cameo" / "plover_cameo.tsv"

# "043: CONSULT, visit,   # Host a visit" and the root headers "04: CONSULT".
_LINE = re.compile(r"^(?P<code>\d{2,4}):\s*(?P<rest>[^#]*)(?:#\s*(?P<label>.*))?$")

HEADER = """\
# PLOVER event type, mode and contexts -> CAMEO event code, where that code is unambiguous.
# Derived by scripts/derive_cameo_table.py from the CAMEO-PLOVER conversion table of the PLOVER
# project (openeventdata/PLOVER, cameo2plover.txt, PLOVER manual draft 0.8, 2021), edited by
# Philip Schrodt. That table is licensed under the Creative Commons Attribution-ShareAlike 4.0
# International licence (https://creativecommons.org/licenses/by-sa/4.0/); this derived table is
# shared under the same licence. Changes: the direction is reversed, and a (type, mode, contexts)
# row names the CAMEO code shared by all the codes the table maps to it (see the script).
# context: ';'-joined PLOVER contexts, sorted; empty = any contexts. label: the CAMEO code's name.
"""


def parse(source: Path) -> tuple[list[tuple[str, str, str, str]], dict[str, str]]:
    """(code, type, mode, contexts) mappings, and every CAMEO code with its label."""
    mappings: list[tuple[str, str, str, str]] = []
    labels: dict[str, str] = {}
    for line in source.read_text(encoding="utf-8").splitlines():
        match = _LINE.match(line.strip())
        if match is None:
            continue
        code, label = match["code"], (match["label"] or "").strip()
        parts = [part.strip() for part in match["rest"].split(",")]
        labels.setdefault(code, _clean_label(label))
        if len(code) == 2 or len(parts) < 2:
            continue  # a root header ("04: CONSULT") names the category, not a mapping
        event_type, mode = parts[0].upper(), parts[1].lower()
        contexts = ";".join(sorted(
            c.strip().lower() for c in (parts[2] if len(parts) > 2 else "").split(";")
            if c.strip()))
        mappings.append((code, event_type, mode, contexts))
    return mappings, labels


def _clean_label(label: str) -> str:
    """The CAMEO name, without the table's editing notes ('21.09.17: ...')."""
    return re.split(r"\s{2,}\d{2}\.\d{2}\.\d{2}:", label)[0].strip()


def shared_code(codes: set[str], labels: dict[str, str]) -> str | None:
    """The CAMEO code that every candidate falls under, or None."""
    prefix = commonprefix(sorted(codes))  # noqa: RUF071 - codes compare digit by digit
    while prefix and prefix not in labels:
        prefix = prefix[:-1]
    return prefix if len(prefix) >= 2 else None


def derive(mappings: list[tuple[str, str, str, str]],
           labels: dict[str, str]) -> list[tuple[str, str, str, str, str]]:
    candidates: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for code, event_type, mode, contexts in mappings:
        candidates[(event_type, mode, "")].add(code)
        if contexts:
            candidates[(event_type, mode, contexts)].add(code)
    rows = []
    for (event_type, mode, contexts), codes in sorted(candidates.items()):
        code = shared_code(codes, labels)
        if code is not None:
            rows.append((event_type, mode, contexts, code, _label(code, labels)))
    return rows


def _label(code: str, labels: dict[str, str]) -> str:
    """A root header has no name in the table: its 'not specified' code (x0) names it."""
    return labels.get(code) or labels.get(code + "0", "")


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_SOURCE
    mappings, labels = parse(source)
    rows = derive(mappings, labels)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    lines = ["\t".join(("event_type", "mode", "context", "cameo", "label"))]
    lines += ["\t".join(row) for row in rows]
    OUT.write_text(HEADER + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(rows)} rows from {len(mappings)} CAMEO codes -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
