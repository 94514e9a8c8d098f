"""The package's layers: every module imports only from its own layer or the ones below it.

Imports are read from the source (imports inside functions included), so a hidden import that
runs back up the pipeline fails here, not when someone later changes the module it reached.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import newsevents

PACKAGE = Path(newsevents.__file__).parent

# Lowest first, in the order data flows. A module is named by its first part below
# ``newsevents`` (``events.arguments`` is ``events``); ``newsevents`` is the package's own
# ``__init__`` (the public ``code`` and ``Coder``).
LAYERS: tuple[frozenset[str], ...] = tuple(
    frozenset(layer.split())
    for layer in (
        "models tables cameo",  # the typed contract between layers, tables and how they are read
        "ingest",
        "spans weapons",  # what every component reads off a Doc; the weapon catalogue
        "dates",
        "places",
        "actors",
        "events",
        "arms",
        "nlp model_rules model_ops pipeline newsevents",  # assembling components; coding articles
        "formats exports partitioned store",
        "service distributed",  # code-and-store, here or on a Ray cluster, for the CLI and the API
        "api web",
        "evaluation",
        "cli",
    )
)
LAYER_OF = {name: n for n, layer in enumerate(LAYERS) for name in layer}


def _unit(module: str) -> str:
    parts = module.split(".")
    if parts[0] != "newsevents":
        raise ValueError(module)
    if len(parts) == 1:
        return "newsevents"
    return parts[1]


def _imports() -> dict[str, set[str]]:
    """Each unit's imports of other units of the package."""
    found: dict[str, set[str]] = defaultdict(set)
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE).with_suffix("")
        module = ".".join(("newsevents", *relative.parts)).removesuffix(".__init__")
        if "migrations" in relative.parts:
            continue  # alembic's scripts, run by alembic
        unit = _unit(module)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets: list[str] = []
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                if node.module == "newsevents":  # "from newsevents import x": a module or not
                    targets = [
                        f"newsevents.{a.name}"
                        if (PACKAGE / a.name).exists() or (PACKAGE / f"{a.name}.py").exists()
                        else "newsevents"
                        for a in node.names
                    ]
                else:
                    targets = [node.module]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            for target in targets:
                if target == "newsevents" or target.startswith("newsevents."):
                    other = _unit(target)
                    if other != unit:
                        found[unit].add(other)
    return found


def test_every_unit_has_a_layer() -> None:
    imports = _imports()
    units = set(imports) | {u for targets in imports.values() for u in targets}
    assert units - set(LAYER_OF) == set()


def test_no_import_runs_up_a_layer() -> None:
    upward = sorted(
        f"{unit} -> {other}"
        for unit, targets in _imports().items()
        for other in targets
        if LAYER_OF[other] > LAYER_OF[unit]
    )
    assert upward == []


def test_no_import_circle_within_a_layer() -> None:
    imports = _imports()

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        for nxt in imports.get(start, ()):
            if nxt == goal or (nxt not in seen and reaches(nxt, goal, seen | {nxt})):
                return True
        return False

    circles = sorted(unit for unit in imports if reaches(unit, unit, {unit}))
    assert circles == []
