"""Event store: coded articles in SQLite or PostgreSQL, with report-to-event merging.

Reports (one per coded sentence) are kept verbatim; factual reports of the same real-world event
are grouped into one stored event so counts reflect events, not how often the press repeated them.
"""

from newsevents.store.db import IngestStats, Store, connect

__all__ = ["IngestStats", "Store", "connect"]
