"""Shared fixtures: the real pipeline, loaded once, the shared example article, and a fresh
store on each backend."""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
import sqlalchemy as sa

from newsevents import ingest
from newsevents.models import Result
from newsevents.pipeline import code_chunk

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "examples" / "s400-turkey-article.txt"
SEED_DATE = dt.date(2019, 4, 9)
PG_URL = os.environ.get("NEWSEVENTS_TEST_PG_URL")


@pytest.fixture(scope="session")
def seed_result() -> Result:
    """The shared S-400 article, coded once for every test that checks it."""
    article = ingest.article_from_text(SEED.read_text(encoding="utf-8"), "seed", date=SEED_DATE)
    return code_chunk([article])[0]


def _fresh_pg_database() -> Iterator[str]:
    """A new database per test on the shared server, dropped afterwards."""
    assert PG_URL is not None
    name = f"newsevents_test_{uuid.uuid4().hex[:10]}"
    admin = PG_URL.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield sa.make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


def _store_url(backend: str, tmp_path: Path, name: str) -> Iterator[str]:
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path}/{name}.db"
        return
    if not PG_URL:
        pytest.skip("NEWSEVENTS_TEST_PG_URL is not set: start a server with "
                    "scripts/postgres.sh start and export its URL")
    yield from _fresh_pg_database()


BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    yield from _store_url(request.param, tmp_path, "store")


@pytest.fixture(params=BACKENDS)
def empty_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A second, separate store, for tests whose server already has one."""
    yield from _store_url(request.param, tmp_path, "empty")
