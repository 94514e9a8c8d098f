"""Shared fixtures: the real pipeline, loaded once, and the shared example article."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsevents import ingest
from newsevents.models import Result
from newsevents.pipeline import code_chunk

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "examples" / "s400-turkey-article.txt"
SEED_DATE = dt.date(2019, 4, 9)


@pytest.fixture(scope="session")
def seed_result() -> Result:
    """The shared S-400 article, coded once for every test that checks it."""
    article = ingest.article_from_text(SEED.read_text(encoding="utf-8"), "seed", date=SEED_DATE)
    return code_chunk([article])[0]
