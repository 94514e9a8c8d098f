"""Store benchmarks: filtered-page latency on a generated database of N events, and ingest rates.

    python bench/bench_store.py [--events 1000000] [--db bench/results/store.db] [--reuse]

The generated events are random but shaped like real output (16 types, about 60 countries with
a skewed frequency, 1-3 actors, 1-5 reports, places for half of them), so the indexes are
exercised as real filters would use them. Not part of the test suite: it takes minutes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import sqlalchemy as sa

from newsevents.evaluation.merging import gold_result, load_corpus
from newsevents.models import EVENT_TYPES
from newsevents.service import store_stream
from newsevents.store import connect, schema
from newsevents.store.read_models import EventFilter
from newsevents.store.reading import reading

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "data" / "merge" / "corpus.jsonl"
COUNTRIES = ["USA", "RUS", "CHN", "UKR", "ISR", "IRN", "TUR", "SYR", "IND", "PAK", "GBR", "FRA",
             "DEU", "JPN", "KOR", "PRK", "SAU", "EGY", "NGA", "KEN", "ETH", "SDN", "BRA", "MEX",
             "COL", "VEN", "AFG", "IRQ", "YEM", "LBN", "PSE", "AZE", "ARM", "GEO", "BLR", "POL",
             "ITA", "ESP", "GRC", "SRB", "MLI", "NER", "BFA", "SOM", "COD", "ZAF", "MMR", "THA",
             "PHL", "IDN", "VNM", "TWN", "AUS", "CAN", "CUB", "QAT", "ARE", "JOR", "LBY", "DZA"]
IGOS = ["UN", "NATO", "EU", "AU", "ASEAN"]
PLACES = [("Kyiv", "UKR", 50.45, 30.52), ("Gaza", "PSE", 31.5, 34.47), ("Moscow", "RUS", 55.75,
          37.62), ("Damascus", "SYR", 33.51, 36.29), ("Beijing", "CHN", 39.9, 116.4),
          ("Khartoum", "SDN", 15.5, 32.56), ("Washington", "USA", 38.9, -77.04),
          ("Kharkiv", "UKR", 49.99, 36.23), ("Tehran", "IRN", 35.69, 51.39),
          ("Nairobi", "KEN", -1.29, 36.82)]
WORDS = [
    "forces", "troops", "minister", "talks", "sanctions", "missiles", "protest", "border",
    "ceasefire", "aid", "drones", "agreement", "rebels", "police", "election", "parliament",
    "embassy", "grain", "oil", "gas", "navy",
]
START = dt.date(2015, 1, 1)
DAYS = 365 * 10


def _actor_key(rng: random.Random) -> str:
    if rng.random() < 0.05:
        return rng.choice(IGOS)
    return COUNTRIES[min(int(rng.paretovariate(1.2)) - 1, len(COUNTRIES) - 1)]


def _rows(n: int, seed: int = 1) -> Iterator[tuple[dict, list[dict], list[dict], list[dict]]]:
    rng = random.Random(seed)
    for event_id in range(1, n + 1):
        event_type = rng.choice(EVENT_TYPES)
        date = START + dt.timedelta(days=rng.randrange(DAYS))
        place = rng.choice(PLACES) if rng.random() < 0.5 else None
        sentence = " ".join(rng.choice(WORDS) for _ in range(18)) + "."
        n_reports = rng.randint(1, 5)
        event = {
            "id": event_id, "event_type": event_type, "mode": None, "date": date,
            "place_key": place[0].lower() if place else None,
            "location_name": place[0] if place else None,
            "location_country": place[1] if place else None,
            "lat": place[2] if place else None, "lon": place[3] if place else None,
            "geonameid": None, "trigger": "said", "sentence": sentence,
            "n_reports": n_reports, "n_sources": rng.randint(1, n_reports),
        }
        keys = {("source", _actor_key(rng)), ("target", _actor_key(rng))}
        if rng.random() < 0.3:
            keys.add(("target", _actor_key(rng)))
        actors = [
            {"event_id": event_id, "role": role, "key": key,
             "country": None if key in IGOS else key, "igo": key if key in IGOS else None,
             "sector": rng.choice(["GOV", "MIL", "", "CVL"]), "name": "", "text": key}
            for role, key in keys
        ]
        actor_keys = {key for _, key in keys}
        facet = [
            {"key": key, "event_id": event_id, "actor": key in actor_keys,
             "event_type": event_type, "date": date, "n_sources": event["n_sources"]}
            for key in sorted(actor_keys | ({place[1]} if place else set()))
        ]
        report = {
            "event_id": event_id, "document_id": 1, "mention_id": f"m{event_id}",
            "sentence_index": 0, "event_type": event_type, "date": date, "trigger": "said",
            "sentence": sentence, "start_char": 0, "end_char": len(sentence),
            "source_actors": [], "target_actors": [], "negated": False,
            "hypothetical": False, "factual": True, "confidence": 0.5,
        }
        yield event, actors, facet, [report]


def generate(url: str, n: int, chunk: int = 20_000) -> float:
    store = connect(url)
    started = time.perf_counter()
    with store.engine.begin() as conn:
        conn.execute(schema.documents.insert().values(
            id=1, doc_id="generated", text="generated", text_hash="0" * 64, origin="doc:1",
            ingested_at=dt.datetime(2025, 1, 1)))
    rows = _rows(n)
    while True:
        batch = [next(rows, None) for _ in range(chunk)]
        batch = [b for b in batch if b is not None]
        if not batch:
            break
        with store.engine.begin() as conn:
            conn.execute(schema.events.insert(), [b[0] for b in batch])
            conn.execute(schema.event_actors.insert(), [a for b in batch for a in b[1]])
            conn.execute(schema.event_keys.insert(), [k for b in batch for k in b[2]])
            conn.execute(schema.reports.insert(), [r for b in batch for r in b[3]])
    with store.engine.begin() as conn:
        if conn.dialect.name == "sqlite":
            conn.execute(sa.text("ANALYZE"))
    store.close()
    return time.perf_counter() - started


FILTERS: list[tuple[str, EventFilter]] = [
    ("no filter", EventFilter()),
    ("country=RUS", EventFilter(country="RUS")),
    ("actor_country=RUS type=ASSAULT", EventFilter(actor_country="RUS",
                                                            event_type="ASSAULT")),
    ("country=UKR 2022", EventFilter(country="UKR", start=dt.date(2022, 1, 1),
                                             end=dt.date(2022, 12, 31))),
    ("actor_country=QAT (rare)", EventFilter(actor_country="QAT")),
    ("type=PROTEST month", EventFilter(event_type="PROTEST", start=dt.date(2020, 3, 1),
                                               end=dt.date(2020, 3, 31))),
    ("place=kyiv", EventFilter(place="kyiv")),
    ("min_sources=4", EventFilter(min_sources=4)),
    ("country=USA min_sources=3 2019", EventFilter(
        country="USA", min_sources=3, start=dt.date(2019, 1, 1), end=dt.date(2019, 12, 31))),
    ("q=ceasefire drones 2021-06", EventFilter(
        q="ceasefire drones", start=dt.date(2021, 6, 1), end=dt.date(2021, 6, 30))),
    ("q=ceasefire drones (all)", EventFilter(q="ceasefire drones")),
]


def latency(url: str, repeats: int = 5) -> None:
    store = connect(url)
    print(f"{'filter':34} {'total':>8} {'first page ms':>14} {'offset 1000 ms':>15}")
    with reading(store.engine) as reader:
        for label, flt in FILTERS:
            timings, deep = [], []
            for _ in range(repeats):
                started = time.perf_counter()
                page = reader.event_page(flt, 50, 0)
                timings.append((time.perf_counter() - started) * 1000)
                started = time.perf_counter()
                reader.event_page(flt, 50, 1000)
                deep.append((time.perf_counter() - started) * 1000)
            print(f"{label:34} {page.total:>8} {statistics.median(timings):>14.1f} "
                  f"{statistics.median(deep):>15.1f}")
    store.close()


AGGREGATES = [
    ("/api/timeline", {"interval": "month"}), ("/api/timeline", {"interval": "week"}),
    ("/api/timeline", {"interval": "day"}), ("/api/network", {}),
    ("/api/network", {"country": "UKR"}), ("/api/places", {}), ("/api/countries", {}),
    ("/api/actors", {}), ("/api/events", {"q": "ceasefire drones", "limit": 50}),
    ("/api/events", {"q": "grain", "start": "2021-06-01", "end": "2021-06-30"}),
]


def endpoint_latency(url: str) -> None:
    """Each endpoint through the real app: the first request computes, the second is the
    cached answer a dashboard reload gets (event pages are never cached)."""
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from fastapi.testclient import TestClient

    from newsevents.api import create_app

    print(f"{'endpoint':52} {'items':>7} {'first ms':>9} {'again ms':>9}")
    with TestClient(create_app(url)) as client:
        for path, params in AGGREGATES:
            timings = []
            for _ in range(2):
                started = time.perf_counter()
                response = client.get(path, params=params)
                timings.append((time.perf_counter() - started) * 1000)
            body = response.json()
            items = body["total"] if isinstance(body, dict) else len(body)
            label = path + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")
            print(f"{label:52} {items:>7} {timings[0]:>9.0f} {timings[1]:>9.0f}")


def ingest_rates() -> None:
    corpus = load_corpus(CORPUS)
    with tempfile.TemporaryDirectory() as folder:
        store = connect(f"sqlite:///{folder}/rate.db")
        results = [gold_result(article) for article in corpus] * 1
        started = time.perf_counter()
        store.add_results(results)
        seconds = time.perf_counter() - started
        print(f"store only (pre-coded, merging + near-duplicates): "
              f"{len(results) / seconds:.0f} documents/s")
        store.close()
        from newsevents import ingest

        store = connect(f"sqlite:///{folder}/coded.db")
        started = time.perf_counter()
        stored = sum(s.stored for s in store_stream(store, ingest.read_paths([str(CORPUS)])))
        seconds = time.perf_counter() - started
        print(f"ingest with coding (1 process, short articles): {stored / seconds:.1f} documents/s")
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--db", default=None, help="database URL (default: bench/results/...)")
    parser.add_argument("--reuse", action="store_true", help="skip generation")
    parser.add_argument("--no-ingest", action="store_true", help="skip the ingest rates")
    args = parser.parse_args()
    if args.db is None:
        (ROOT / "bench" / "results").mkdir(parents=True, exist_ok=True)
        args.db = f"sqlite:///{ROOT}/bench/results/store-{args.events}.db"
    if not args.reuse:
        path = sa.make_url(args.db).database
        if path and Path(path).exists():
            Path(path).unlink()
        print(f"generated {args.events} events in {generate(args.db, args.events):.0f} s")
    latency(args.db)
    endpoint_latency(args.db)
    if not args.no_ingest:
        ingest_rates()


if __name__ == "__main__":
    main()
