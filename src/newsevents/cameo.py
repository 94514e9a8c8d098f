"""CAMEO event codes for PLOVER events, so that results can be set beside GDELT's and ICEWS's.

The codes come from ``data/cameo/plover_cameo.tsv``, derived from the CAMEO-PLOVER conversion
table by ``scripts/derive_cameo_table.py`` (CC BY-SA 4.0, notice in the file). PLOVER is
coarser than CAMEO, so a type and mode often stand for several CAMEO codes; an event gets the
code that all of them fall under (``141`` for a demonstration of unknown aim, the root ``04``
for a consultation of unknown kind), or none when they share none. An event's contexts narrow
the choice only when the table knows exactly those contexts for its type and mode: the coder
marks few contexts, so an event without one is not taken to have none.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from newsevents.tables import DATA, read_tsv

TABLE = DATA / "cameo" / "plover_cameo.tsv"


def cameo_code(event_type: str, mode: str | None, context: Iterable[str] = ()) -> str | None:
    """The CAMEO code of a PLOVER event, or None when the mapping is ambiguous."""
    table = _table()
    contexts = ";".join(sorted({c.lower() for c in context}))
    key = (event_type.upper(), (mode or "").lower())
    if contexts and (*key, contexts) in table:
        return table[(*key, contexts)]
    return table.get((*key, ""))


@cache
def _table() -> dict[tuple[str, str, str], str]:
    return {(row["event_type"], row["mode"], row["context"]): row["cameo"]
            for row in read_tsv(TABLE)}
