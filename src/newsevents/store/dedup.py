"""Exact and near-duplicate articles.

Exact copies (same URL or same normalised text) are not stored twice. Near-duplicates, such as a
wire story republished by several outlets with a new headline or a trimmed paragraph, are stored
but point to the original so that an event they report is counted as one source.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import inspect
import re
import unicodedata
from collections.abc import Callable, Iterable

import numpy as np
import sqlalchemy as sa
from datasketch import MinHash, MinHashLSH

from newsevents.store import schema
from newsevents.store.merge import settings

_WORD = re.compile(r"\w+")

# datasketch 2.0 added permutation schemes and must be told which one stored values come from.
# Stores keep the "legacy" scheme, the only one of datasketch 1.x: signatures written by either
# major version stay comparable, and their values stay below 2**32 (see ``to_bytes``).
_SCHEME: dict[str, str] = (
    {"scheme": "legacy"} if "scheme" in inspect.signature(MinHash).parameters else {}
)

# Loads (row id, date, signature) of stored documents published on the given days.
Loader = Callable[[list[dt.date | None]], Iterable[tuple[int, dt.date | None, bytes]]]


def normalise(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).lower().split())


def text_hash(text: str) -> str:
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()


def is_stored(conn: sa.Connection, digest: str, url: str | None) -> bool:
    """Whether the store holds the article already: the same normalised text (``digest``, see
    ``text_hash``) or the same URL."""
    docs = schema.documents
    condition = docs.c.text_hash == digest
    if url:
        condition = condition | (docs.c.url == url)
    return conn.execute(sa.select(docs.c.id).where(condition).limit(1)).first() is not None


def _shingles(text: str, size: int) -> set[str]:
    words = _WORD.findall(normalise(text))
    if len(words) <= size:
        return {" ".join(words)}
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


class NearDuplicates:
    """MinHash LSH over the stored documents published close to the ones being ingested.

    Only the days an incoming article needs are loaded from the database, so memory follows the
    width of the date window, not the size of the corpus.
    """

    def __init__(self, load: Loader) -> None:
        params = settings()["near_duplicate"]
        self._num_perm = int(params["num_perm"])
        self._shingle = int(params["shingle_words"])
        self._threshold = float(params["threshold"])
        self._window = int(params["date_window_days"])
        self._lsh = MinHashLSH(threshold=self._threshold, num_perm=self._num_perm)
        self._load = load
        self._loaded: set[dt.date | None] = set()
        self._signatures: dict[int, MinHash] = {}
        self._dates: dict[int, dt.date | None] = {}

    def signature(self, text: str) -> MinHash:
        minhash = MinHash(num_perm=self._num_perm, **_SCHEME)
        minhash.update_batch([s.encode("utf-8") for s in _shingles(text, self._shingle)])
        return minhash

    @staticmethod
    def to_bytes(minhash: MinHash) -> bytes:
        # Hash values are below 2**32, so uint32 halves the stored size without loss.
        return minhash.hashvalues.astype(np.uint32).tobytes()

    def from_bytes(self, raw: bytes) -> MinHash:
        values = np.frombuffer(raw, dtype=np.uint32).astype(np.uint64)
        return MinHash(num_perm=self._num_perm, hashvalues=values, **_SCHEME)

    def _days(self, date: dt.date | None) -> list[dt.date | None]:
        if date is None:
            return [None]
        return [date + dt.timedelta(days=d) for d in range(-self._window, self._window + 1)]

    def _ensure_loaded(self, date: dt.date | None) -> None:
        missing = [day for day in self._days(date) if day not in self._loaded]
        if not missing:
            return
        for row_id, day, raw in self._load(missing):
            if raw is not None:
                self.add(row_id, self.from_bytes(raw), day)
        self._loaded.update(missing)

    def find(self, minhash: MinHash, date: dt.date | None) -> int | None:
        """The oldest stored document this one nearly duplicates, within the date window."""
        self._ensure_loaded(date)
        days = set(self._days(date))
        matches = [
            key for key in self._lsh.query(minhash)
            if self._dates[key] in days
            and self._signatures[key].jaccard(minhash) >= self._threshold
        ]
        return min(matches, default=None)

    def add(self, row_id: int, minhash: MinHash, date: dt.date | None) -> None:
        if row_id in self._signatures:
            return
        self._lsh.insert(row_id, minhash)
        self._signatures[row_id] = minhash
        self._dates[row_id] = date
