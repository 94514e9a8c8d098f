"""Arms deals in the store, on SQLite and PostgreSQL: the variant, the denier and the deal a
deal replaces survive storing and come back from the API; a store made before they existed
upgrades with its deals intact."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from fastapi.testclient import TestClient

from newsevents.api import create_app
from newsevents.models import Article
from newsevents.service import store_stream
from newsevents.store import Store, connect, schema
from newsevents.store.db import MIGRATIONS, make_engine, write_transaction
from newsevents.store.read_models import Deal, DealFilter
from newsevents.store.reading import reader

CHANGE = Article(
    id="malaysia-jets", date=dt.date(2023, 5, 2),
    text=("Malaysia cancelled its order for MiG-29 jets from Russia. The government will buy "
          "FA-50 jets from South Korea instead.\n\n"
          "Spain sent six Leopard 2A6 tanks to Ukraine last week."),
)
DENIAL = Article(
    id="vietnam-denial", date=dt.date(2023, 6, 1),
    text="Vietnam's defence ministry denied reports that it would buy Su-35 jets from Russia.",
)


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    opened = connect(db_url)
    for _ in store_stream(opened, [CHANGE, DENIAL]):
        pass
    yield opened
    opened.close()


def _deals(store: Store) -> dict[tuple[str | None, str | None, str | None], Deal]:
    with store.engine.connect() as conn:
        page = reader(conn).deal_page(DealFilter(), 100, 0)
    return {(d.supplier, d.recipient, d.system.name): d for d in page.items}


def test_variant_denier_and_replacement_are_stored(store: Store) -> None:
    deals = _deals(store)
    leopard = deals["ESP", "UKR", "Leopard 2"]
    assert (leopard.variant, leopard.quantity) == ("Leopard 2A6", 6)
    denied = deals["RUS", "VNM", "Su-35"]
    assert (denied.status, denied.denier) == ("denied", "VNM")
    old, new = deals["RUS", "MYS", "MiG-29"], deals["KOR", "MYS", "T-50 Golden Eagle"]
    assert old.status == "cancelled" and old.replaces == []
    assert new.replaces == [old.id]
    assert new.history[0].replaces == old.id
    assert new.flat()["variant"] == "FA-50" and new.flat()["replaces"] == str(old.id)


def test_the_api_serves_them(store: Store, db_url: str) -> None:
    with TestClient(create_app(db_url)) as client:
        denied = client.get("/api/deals", params={"status": "denied"}).json()["items"]
        items = client.get("/api/deals", params={"recipient": "MYS"}).json()["items"]
    assert [(d["supplier"], d["recipient"], d["denier"]) for d in denied] == [
        ("RUS", "VNM", "VNM")]
    by_system = {d["system"]["name"]: d for d in items}
    assert by_system["T-50 Golden Eagle"]["variant"] == "FA-50"
    assert by_system["T-50 Golden Eagle"]["replaces"] == [by_system["MiG-29"]["id"]]


def test_a_store_from_before_upgrades_with_its_deals(db_url: str) -> None:
    engine = make_engine(db_url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with write_transaction(engine) as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0002")
        conn.execute(sa.text(
            "INSERT INTO deals (deal_key, supplier, recipient, system_name, system_mention, "
            "status, n_reports) VALUES ('FRA|EGY|rafale', 'FRA', 'EGY', 'Rafale', 'Rafale', "
            "'ordered', 1)"))
    engine.dispose()
    store = connect(db_url)
    try:
        with store.engine.connect() as conn:
            row = conn.execute(sa.select(schema.deals)).one()
        assert (row.supplier, row.status, row.variant, row.denier) == (
            "FRA", "ordered", None, None)
    finally:
        store.close()
