"""Reading our data tables: tab-separated, a header line, ``#`` comment lines anywhere.

Every stage keeps its lexicons in ``data/<language>/<stage>/`` and reads them through here, so
the format has one definition and a second language is a second folder, not a code path.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

DATA = Path(__file__).parent / "data"


LANGUAGE = "en"


def data_path(area: str, name: str, language: str = LANGUAGE) -> Path:
    return DATA / language / area / name


def read_tsv(path: Path) -> Iterator[dict[str, str]]:
    """Rows as dicts keyed by the header, cells stripped; a missing file has no rows."""
    if not path.exists():
        return
    with path.open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
            yield {key: (value or "").strip() for key, value in row.items() if key}
