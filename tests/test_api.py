"""The REST API, on the real app over a real SQLite store filled with the merge corpus."""

from __future__ import annotations

import contextlib
import json
import os
import re
import select
import socket
import subprocess
import sys
import threading
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import get_args

import httpx
import pytest
import schemathesis
import sqlalchemy as sa
import uvicorn
from fastapi import FastAPI
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # the httpx transport deprecation notice
    from fastapi.testclient import TestClient

from newsevents.api import (
    LOOPBACK_HOSTS,
    MAX_BODY_BYTES,
    CoderGate,
    CodingLimits,
    allowed_hosts,
    create_app,
)
from newsevents.evaluation.merging import gold_result, load_corpus
from newsevents.models import EventType
from newsevents.store import connect
from newsevents.store.cache import AggregateCache
from newsevents.store.reading import reading

CORPUS = Path(__file__).parent / "data" / "merge" / "corpus.jsonl"
TOKEN = "test-token-4f1c"


@pytest.fixture(scope="module")
def db_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('api')}/api.db"
    store = connect(url)
    store.add_results([gold_result(article) for article in load_corpus(CORPUS)])
    store.close()
    return url


@pytest.fixture(scope="module")
def client(db_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(db_url, TOKEN)) as test_client:
        yield test_client


def test_events_filtered_by_country_and_type(client: TestClient) -> None:
    page = client.get("/api/events", params={"country": "RUS", "type": "ASSAULT"}).json()
    assert page["total"] == 2
    # Newest first: the Odesa drone attack, then the Kharkiv strike.
    places = [item["location"]["name"] for item in page["items"]]
    assert places == ["Odesa", "Kharkiv"]
    kharkiv = page["items"][1]
    assert (kharkiv["n_reports"], kharkiv["n_sources"]) == (5, 4)
    assert [a["country"] for a in kharkiv["source"]] == ["RUS"]


def test_country_matches_igo_actor_and_dates_bound_the_page(client: TestClient) -> None:
    page = client.get("/api/events", params={"actor_country": "EU"}).json()
    assert [item["event_type"] for item in page["items"]] == ["SANCTION"]
    june = client.get("/api/events", params={"start": "2024-06-01"}).json()
    assert june["total"] == 0


def test_min_sources_place_and_text_filters(client: TestClient) -> None:
    widely = client.get("/api/events", params={"min_sources": 4}).json()
    assert {item["event_type"] for item in widely["items"]} == {"ASSAULT", "CONSULT", "ACCUSE"}
    kisumu = client.get("/api/events", params={"place": "kisumu"}).json()
    assert kisumu["total"] == 1
    grain = client.get("/api/events", params={"q": "GRAIN"}).json()
    assert {item["event_type"] for item in grain["items"]} == {"ASSAULT", "CONSULT"}


def test_pages_do_not_overlap(client: TestClient) -> None:
    total = client.get("/api/events").json()["total"]
    seen: list[int] = []
    for offset in range(0, total, 4):
        page = client.get("/api/events", params={"limit": 4, "offset": offset}).json()
        seen.extend(item["id"] for item in page["items"])
    assert len(seen) == len(set(seen)) == total


def test_event_detail_lists_reports_with_flags(client: TestClient) -> None:
    page = client.get("/api/events", params={"place": "Kharkiv"}).json()
    detail = client.get(f"/api/events/{page['items'][0]['id']}").json()
    flags = {report["doc_id"]: report["negated"] for report in detail["reports"]}
    assert flags["e1-neg"] is True
    assert sum(not negated for negated in flags.values()) == detail["n_reports"] == 5
    copy = next(r for r in detail["reports"] if r["doc_id"] == "e1-b-copy")
    assert copy["source"] == "Morning Herald" and copy["url"].startswith("https://")


def test_aggregates(client: TestClient) -> None:
    total = client.get("/api/events").json()["total"]
    weeks = client.get("/api/timeline", params={"interval": "week"}).json()
    assert sum(point["count"] for point in weeks) == total
    assert {point["period"] for point in weeks} == {"2024-05-06", "2024-05-13", "2024-05-20"}
    edges = {(e["source"], e["target"]): e for e in client.get("/api/network").json()}
    assert edges[("RUS", "UKR")]["count"] == edges[("RUS", "UKR")]["conflict"] == 2
    assert edges[("IND", "BGD")]["cooperation"] == 1
    places = {p["name"]: p["count"] for p in client.get("/api/places").json()}
    assert places["Kharkiv"] == 1 and places["Nairobi"] == 1
    countries = {c["country"]: c for c in client.get("/api/countries").json()}
    assert countries["IRN"]["as_target"] == 2 and countries["IRN"]["as_source"] == 0
    actors = client.get("/api/actors", params={"country": "CHN"}).json()
    assert actors[0]["events"] == 2


def test_start_up_warms_the_overview_so_its_first_requests_scan_nothing(db_url: str) -> None:
    app = create_app(db_url, None)
    with TestClient(app) as fresh:
        api = app.state.api
        for thread in api.warming:
            thread.join(timeout=60)
        statements: list[str] = []
        sa.event.listen(api.store.engine, "before_cursor_execute",
                        lambda _conn, _cursor, statement, *_: statements.append(statement))
        total = fresh.get("/api/events", params={"limit": 1}).json()["total"]
        statements.clear()
        months = fresh.get("/api/timeline", params={"interval": "month"}).json()
        for path in ("/api/places", "/api/network", "/api/countries"):
            assert fresh.get(path).status_code == 200
    assert sum(point["count"] for point in months) == total
    # Each request only reads the store version, to know the cached answer is still current.
    assert len(statements) == 4
    assert all("store_state" in statement for statement in statements)


def test_visitors_asking_at_once_share_one_computation(db_url: str) -> None:
    """A reload while the first answer is still being computed waits for it, not a second scan."""
    cache = AggregateCache()
    store = connect(db_url)
    started, release = threading.Event(), threading.Event()
    runs: list[str] = []

    def slow_scan(name: str) -> str:
        runs.append(name)
        started.set()
        release.wait(timeout=10)
        return name

    def visit(name: str, answers: list[str]) -> None:
        with reading(store.engine) as reader:
            answers.append(cache.get(reader.version(), ("network", "all"),
                                     lambda: slow_scan(name)))

    answers: list[str] = []
    first = threading.Thread(target=visit, args=("first", answers))
    first.start()
    started.wait(timeout=10)
    second = threading.Thread(target=visit, args=("second", answers))
    second.start()
    time.sleep(0.3)  # the second visitor has long reached the cache by now
    release.set()
    first.join(timeout=10)
    second.join(timeout=10)
    store.close()
    assert runs == ["first"]
    assert answers == ["first", "first"]


def test_large_answers_are_compressed_for_clients_that_accept_it(client: TestClient) -> None:
    page = client.get("/api/events", params={"limit": 50}, headers={"Accept-Encoding": "gzip"})
    assert page.headers["content-encoding"] == "gzip"
    assert page.json()["items"]
    plain = client.get("/api/events", params={"limit": 50}, headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers and plain.json() == page.json()


def test_clear_client_errors(client: TestClient) -> None:
    assert client.get("/api/events/999999").status_code == 404
    assert client.get("/api/events", params={"type": "FIGHT"}).status_code == 422
    assert client.get("/api/events", params={"start": "10/05/2024"}).status_code == 422
    assert client.get("/api/events", params={"limit": 0}).status_code == 422
    reversed_range = client.get("/api/events", params={"start": "2024-05-20", "end": "2024-05-01"})
    assert reversed_range.status_code == 200 and reversed_range.json()["total"] == 0
    assert client.get("/api/events", params={"country": "R'; DROP"}).status_code == 422


def test_search_text_is_data_not_sql(client: TestClient) -> None:
    page = client.get("/api/events", params={"q": "%' OR 1=1 --"}).json()
    assert page["total"] == 0
    assert client.get("/api/events", params={"q": "_"}).json()["total"] == 0


def test_writes_need_the_token(client: TestClient) -> None:
    body = {"articles": [{"id": "w1", "text": "Russia struck Kharkiv on Friday."}]}
    assert client.post("/api/documents", json=body).status_code == 401
    wrong = client.post("/api/documents", json=body, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 403


def test_writes_are_off_without_a_configured_token(db_url: str) -> None:
    with TestClient(create_app(db_url, None)) as no_token:
        response = no_token.post("/api/documents", json={"articles": [{"id": "x", "text": "y"}]},
                                 headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 403 and "disabled" in response.json()["detail"]


def test_large_bodies_are_refused(client: TestClient) -> None:
    big = {"text": "Russia struck Kharkiv. " * (MAX_BODY_BYTES // 20)}
    assert client.post("/api/code", json=big).status_code == 413

    def chunks() -> Iterator[bytes]:  # no Content-Length: the cap must still hold
        yield b'{"text": "'
        for _ in range(MAX_BODY_BYTES // 1000 + 2):
            yield b"x" * 1000
        yield b'"}'

    streamed = client.post("/api/code", content=chunks(),
                           headers={"Content-Type": "application/json"})
    assert streamed.status_code == 413
    assert streamed.headers["connection"] == "close"  # the rest of the body is never read
    assert streamed.json()["detail"] == f"request body larger than {MAX_BODY_BYTES:,} bytes"


def test_openapi_describes_the_models(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    summary = spec["components"]["schemas"]["EventSummary"]["properties"]
    assert {"n_sources", "n_reports", "source", "target", "location"} <= set(summary)
    assert "HTTPBearer" in spec["components"]["securitySchemes"]


def test_types_come_in_plover_order_with_their_half_and_a_colour(client: TestClient) -> None:
    types = client.get("/api/types").json()
    assert [t["event_type"] for t in types] == list(get_args(EventType))
    # PLOVER's cooperative half, as its codebook lists it; the other nine are conflict.
    assert [t["event_type"] for t in types if t["cooperative"]] == [
        "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"]
    assert {t["quad_class"] for t in types if t["cooperative"]} == {
        "verbal cooperation", "material cooperation"}
    colours = [t["colour"] for t in types]
    assert all(re.fullmatch(r"#[0-9a-f]{6}", c) for c in colours)
    assert len(set(colours)) == len(types)


def test_network_splits_cooperation_and_conflict_by_the_types_it_serves(
        client: TestClient) -> None:
    cooperative = {t["event_type"] for t in client.get("/api/types").json() if t["cooperative"]}
    for event_type in ("CONSULT", "ASSAULT"):
        edges = client.get("/api/network", params={"type": event_type}).json()
        assert edges
        for edge in edges:
            expected = edge["count"] if event_type in cooperative else 0
            assert (edge["cooperation"], edge["conflict"]) == (
                expected, edge["count"] - expected)


def test_filters_are_checked_alike_for_every_endpoint(client: TestClient) -> None:
    for path in ("/api/events", "/api/timeline", "/api/network", "/api/places", "/api/deals"):
        refused = client.get(path, params={"country": "U K"})
        assert refused.status_code == 422, path
        assert refused.json()["detail"][0]["loc"] == ["query", "country"]
    assert client.get("/api/events", params={"type": "assault"}).status_code == 422
    # The aggregates take the filters they can apply, and no others.
    assert client.get("/api/timeline", params={"min_sources": 0}).status_code == 200


@pytest.fixture(scope="module")
def read_operations(client: TestClient) -> dict[str, schemathesis.APIOperation]:
    schema = schemathesis.openapi.from_asgi("/openapi.json", client.app).include(method="GET")
    return {op.label: op for op in (result.ok() for result in schema.get_all_operations())}


READS = ["GET /api/events", "GET /api/events/{event_id}", "GET /api/timeline",
         "GET /api/network", "GET /api/places", "GET /api/countries", "GET /api/actors",
         "GET /api/deals", "GET /api/types"]


@pytest.mark.parametrize("label", READS)
def test_read_endpoints_follow_their_schema(
    read_operations: dict[str, schemathesis.APIOperation], label: str
) -> None:
    """Generated requests: no server error, every response matches the published schema."""

    # Deterministic so that CI judges the code, not the draw; broad enough to reach the edges.
    @settings(max_examples=30, derandomize=True, deadline=None,
              suppress_health_check=list(HealthCheck))
    @given(read_operations[label].as_strategy())
    def check(case: schemathesis.Case) -> None:
        case.call_and_validate()

    check()


def test_every_read_endpoint_is_exercised(
    read_operations: dict[str, schemathesis.APIOperation],
) -> None:
    assert set(read_operations) == set(READS)


def test_code_endpoint_codes_without_storing(client: TestClient) -> None:
    before = client.get("/api/events").json()["total"]
    response = client.post("/api/code", json={
        "text": "Russian forces fired missiles at Kharkiv on Friday, killing four civilians.",
        "date": "2024-05-10"})
    assert response.status_code == 200
    coded = response.json()
    assert [e["event_type"] for e in coded["events"]] == ["ASSAULT"]
    assert coded["events"][0]["date"] == "2024-05-10"
    assert client.get("/api/events").json()["total"] == before
    assert client.post("/api/code", json={"text": ""}).status_code == 422


def test_posted_documents_are_coded_stored_and_deduplicated(tmp_path: Path) -> None:
    article = {"id": "kharkiv-1", "date": "2024-05-10", "source": "Kyiv Daily",
               "text": "Russian forces fired missiles at Kharkiv on Friday, killing four "
                       "civilians, Ukrainian officials said."}
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with TestClient(create_app(f"sqlite:///{tmp_path}/w.db", TOKEN)) as writer:
        first = writer.post("/api/documents", json={"articles": [article, {"id": "bad"}]},
                            headers=auth).json()
        again = writer.post("/api/documents", json={"articles": [article]}, headers=auth).json()
        events = writer.get("/api/events", params={"country": "UKR"}).json()
    assert first["stored"] == 1 and first["duplicates"] == 0
    assert len(first["errors"]) == 1 and "text" in first["errors"][0]["message"]
    assert (again["stored"], again["duplicates"]) == (0, 1)
    assert events["total"] == 1 and events["items"][0]["event_type"] == "ASSAULT"


def test_cached_aggregates_follow_writes_from_another_process(tmp_path: Path) -> None:
    """An ingest through a separate store (as from the command line) reaches the server."""
    url = f"sqlite:///{tmp_path}/cache.db"
    corpus = [gold_result(article) for article in load_corpus(CORPUS)]
    first, rest = corpus[:10], corpus[10:]
    store = connect(url)
    store.add_results(first)
    with TestClient(create_app(url)) as server:
        before = {c["country"]: c["events"] for c in server.get("/api/countries").json()}
        weeks = server.get("/api/timeline", params={"interval": "week"}).json()
        assert server.get("/api/countries").json() == server.get("/api/countries").json()
        store.add_results(rest)
        after = {c["country"]: c["events"] for c in server.get("/api/countries").json()}
        weeks_after = server.get("/api/timeline", params={"interval": "week"}).json()
        total = server.get("/api/events").json()["total"]
    store.close()
    assert sum(before.values()) < sum(after.values())
    assert sum(p["count"] for p in weeks) < sum(p["count"] for p in weeks_after) == total


@pytest.mark.parametrize(
    "path",
    ["/api/events?offset={n}", "/api/deals?offset={n}", "/api/events?limit={n}",
     "/api/network?min_count={n}", "/api/events?min_sources={n}", "/api/events/{n}"],
)
def test_out_of_range_numbers_are_refused_not_crashed(client: TestClient, path: str) -> None:
    for n in (2**63, -1):
        response = client.get(path.format(n=n))
        assert response.status_code == 422, (path, n, response.text)


# --------------------------------------------------------------------------- hostile callers

KHARKIV = "Russian forces fired missiles at Kharkiv on Friday, killing four civilians."


@contextmanager
def serving(app: FastAPI) -> Iterator[str]:
    """The app on uvicorn on a free loopback port, as `newsevents serve` runs it."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the server did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        sock.close()


def _raw_json(body: object) -> dict[str, object]:
    """A request body as JSON with ASCII escapes, the only way to send a lone surrogate."""
    return {"content": json.dumps(body), "headers": {"Content-Type": "application/json"}}


def test_text_that_is_not_text_costs_its_own_record_only(empty_db: str) -> None:
    """A lone surrogate or a NUL (which PostgreSQL cannot store) is refused per record."""
    good = {"id": "good", "date": "2024-05-10", "text": KHARKIV}
    surrogate = {"id": "surrogate", "date": "2024-05-10", "text": KHARKIV + " \ud800 Ukraine"}
    nul = {"id": "nul", "date": "2024-05-10", "text": KHARKIV + " \x00 Ukraine"}
    bad_title = {"id": "title", "title": "Kharkiv \udfff", "text": "Iran condemned the strike."}
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with TestClient(create_app(empty_db, TOKEN), raise_server_exceptions=False) as server:
        body = _raw_json({"articles": [surrogate, good, nul, bad_title]})
        stored = server.post("/api/documents", content=body["content"],
                             headers={**body["headers"], **auth})
        assert stored.status_code == 200, stored.text
        errors = {e["doc_id"]: e["message"] for e in stored.json()["errors"]}
        assert stored.json()["stored"] == 1 and set(errors) == {"surrogate", "nul", "title"}
        at = len(KHARKIV) + 1
        assert f"lone surrogate (U+D800) at character {at}," in errors["surrogate"]
        assert f"NUL character (U+0000) at character {at}," in errors["nul"]
        assert "title holds a lone surrogate (U+DFFF)" in errors["title"]
        assert server.get("/api/events", params={"country": "UKR"}).json()["total"] == 1
        for text in (surrogate["text"], nul["text"]):
            coded = server.post("/api/code", **_raw_json({"text": text}))
            assert coded.status_code == 422, coded.text
            assert coded.json()["detail"][0]["loc"] == ["body", "text"]


def test_an_unexpected_error_is_a_json_500_without_the_traceback(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    url = f"sqlite:///{tmp_path}/broken.db"
    with TestClient(create_app(url), raise_server_exceptions=False) as server:
        assert server.get("/api/events").status_code == 200
        engine = sa.create_engine(url)  # the store is damaged behind the server's back
        with engine.begin() as conn:
            conn.exec_driver_sql("DROP TABLE events")
        engine.dispose()
        response = server.get("/api/events")
    assert response.status_code == 500
    assert response.json() == {"detail": "internal server error; the server log has the details"}
    assert "Traceback" not in response.text and "events" not in response.text
    assert response.headers["x-content-type-options"] == "nosniff"
    logged = [r for r in caplog.records if r.name == "newsevents.api"]
    assert logged and logged[0].exc_info is not None
    assert logged[0].getMessage() == "unexpected error answering GET /api/events"


def test_every_answer_says_nosniff(client: TestClient) -> None:
    for response in (client.get("/api/events"), client.get("/api/events/999999"),
                     client.get("/openapi.json"), client.post("/api/code", json={"text": ""}),
                     client.get("/static/app.js")):
        assert response.headers.get_list("x-content-type-options") == ["nosniff"], response.url


def test_a_loopback_server_answers_only_to_loopback_names(db_url: str) -> None:
    """DNS rebinding: a page under attacker.example resolved to 127.0.0.1 must get nothing."""
    hosts = allowed_hosts("127.0.0.1", ["news.example.org"])
    assert allowed_hosts("0.0.0.0") is None and allowed_hosts("::1") == list(LOOPBACK_HOSTS)
    with serving(create_app(db_url, hosts=hosts)) as base:
        port = base.rsplit(":", 1)[1]
        for host in (f"127.0.0.1:{port}", "localhost", f"[::1]:{port}", "LOCALHOST:1",
                     "news.example.org"):
            answer = httpx.get(f"{base}/api/countries", headers={"Host": host})
            assert answer.status_code == 200, host
        for host in (f"attacker.example:{port}", "127.0.0.1.attacker.example", "[::2]", ""):
            refused = httpx.get(f"{base}/api/countries", headers={"Host": host})
            assert refused.status_code == 400, host
            assert "unknown Host" in refused.json()["detail"]
            assert refused.headers["x-content-type-options"] == "nosniff"


def test_an_endless_body_gets_413_and_the_connection_closed(db_url: str) -> None:
    with serving(create_app(db_url)) as base:
        port = int(base.rsplit(":", 1)[1])
        with socket.create_connection(("127.0.0.1", port), timeout=30) as conn:
            conn.sendall(b"POST /api/code HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                         b"Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
            chunk = b"10000\r\n" + b"x" * 0x10000 + b"\r\n"
            answer, closed = b"", False
            # Keep sending, as an endless upload does, until the server hangs up. A server that
            # reads on takes 256 MB (128 times the cap); one that stops reading without hanging
            # up lets the socket buffers fill and the send time out.
            with contextlib.suppress(TimeoutError):
                for _ in range(256 * 16):
                    try:
                        if select.select([conn], [], [], 0)[0]:
                            data = conn.recv(65536)
                            answer += data
                            if not data:
                                closed = True
                                break
                        conn.sendall(chunk)
                    except (BrokenPipeError, ConnectionResetError):
                        closed = True
                        break
                with contextlib.suppress(ConnectionResetError):
                    while data := conn.recv(65536):
                        answer += data
    assert closed, "the connection stayed open"
    # The 413 itself may be lost to the reset that closing on unread data sends.
    assert not answer or answer.startswith(b"HTTP/1.1 413")


def test_anonymous_texts_are_short_and_the_token_lifts_the_cap(db_url: str) -> None:
    limits = CodingLimits(anonymous_chars=len(KHARKIV) - 1)
    with TestClient(create_app(db_url, TOKEN, limits=limits)) as server:
        refused = server.post("/api/code", json={"text": KHARKIV})
        assert refused.status_code == 413
        assert refused.json()["detail"].startswith(
            f"the text has {len(KHARKIV)} characters, more than the {len(KHARKIV) - 1} allowed "
            "without a token")
        wrong = server.post("/api/code", json={"text": KHARKIV},
                            headers={"Authorization": "Bearer nope"})
        assert wrong.status_code == 403
        coded = server.post("/api/code", json={"text": KHARKIV},
                            headers={"Authorization": f"Bearer {TOKEN}"})
        assert coded.status_code == 200
        assert [e["event_type"] for e in coded.json()["events"]] == ["ASSAULT"]


def test_anonymous_coding_over_its_time_budget_gets_503(db_url: str) -> None:
    # No coder parses a sentence in a millisecond.
    with TestClient(create_app(db_url, limits=CodingLimits(seconds=0.001))) as server:
        response = server.post("/api/code", json={"text": KHARKIV * 3})
    assert response.status_code == 503
    assert "did not finish within the 0.001 s" in response.json()["detail"]
    assert response.headers["retry-after"] == "1"


def test_a_busy_coder_turns_anonymous_callers_away_and_reads_go_on(db_url: str) -> None:
    app = create_app(db_url, TOKEN, limits=CodingLimits(seconds=0.5, slots=1))
    api = app.state.api
    with serving(app) as base:
        with api.gate.turn(with_token=True):  # an authorised text is being coded
            waited = httpx.post(f"{base}/api/code", json={"text": KHARKIV}, timeout=60)
            assert waited.status_code == 503  # its turn did not come within the budget
            # It keeps its slot until coded, so the next anonymous caller is told to come back.
            busy = httpx.post(f"{base}/api/code", json={"text": KHARKIV}, timeout=60)
            assert busy.status_code == 429 and busy.headers["retry-after"] == "1"
            assert httpx.get(f"{base}/api/events", timeout=60).json()["total"] > 0
        deadline = time.monotonic() + 120
        while (answer := httpx.post(f"{base}/api/code", json={"text": KHARKIV},
                                    timeout=60)).status_code == 429:
            assert time.monotonic() < deadline, "the slot was never given back"
            time.sleep(0.1)
    assert answer.status_code == 200


def test_callers_with_the_token_take_the_coder_before_anonymous_ones() -> None:
    gate = CoderGate()
    order: list[str] = []

    def wait_for_turn(who: str, with_token: bool) -> None:
        with gate.turn(with_token=with_token):
            order.append(who)

    with gate.turn(with_token=True):
        anonymous = threading.Thread(target=wait_for_turn, args=("anonymous", False))
        anonymous.start()
        authorised = threading.Thread(target=wait_for_turn, args=("token", True))
        authorised.start()
        while not gate._waiting_with_token:
            time.sleep(0.01)
    anonymous.join(timeout=30)
    authorised.join(timeout=30)
    assert order == ["token", "anonymous"]


def test_serve_takes_its_limits_and_host_names_from_options_and_environment(
        db_url: str, tmp_path: Path) -> None:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    env = {**os.environ, "NEWSEVENTS_ANONYMOUS_CHARS": "20", "NEWSEVENTS_CACHE_DIR": str(tmp_path)}
    server = subprocess.Popen(
        [str(Path(sys.executable).with_name("newsevents")), "serve", "--db", db_url,
         "--port", str(port), "--allowed-host", "news.example.org"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            assert server.poll() is None and time.monotonic() < deadline, "serve did not start"
            try:
                httpx.get(f"{base}/api/countries")
                break
            except httpx.TransportError:
                time.sleep(0.2)
        named = httpx.get(f"{base}/api/countries", headers={"Host": "news.example.org:80"})
        other = httpx.get(f"{base}/api/countries", headers={"Host": "attacker.example"})
        long_text = httpx.post(f"{base}/api/code", json={"text": KHARKIV})
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert (named.status_code, other.status_code, long_text.status_code) == (200, 400, 413)
    assert "more than the 20 allowed" in long_text.json()["detail"]


def test_fuzzed_bodies_never_crash_the_api(empty_db: str) -> None:
    """Arbitrary Unicode with NUL and lone surrogates: every article is stored, a duplicate, or
    its own error; every text is coded or refused (422); no 500, on SQLite and PostgreSQL."""
    texts = st.text(st.one_of(st.characters(), st.sampled_from(["\x00", "\ud800", "\udfff"])),
                    min_size=1, max_size=300)
    auth = {"Authorization": f"Bearer {TOKEN}"}
    with TestClient(create_app(empty_db, TOKEN), raise_server_exceptions=False) as server:
        ids = iter(range(10**6))

        @settings(max_examples=30, derandomize=True, deadline=None,
                  suppress_health_check=list(HealthCheck))
        @given(texts, st.one_of(st.none(), texts))
        def post(text: str, title: str | None) -> None:
            coded = server.post("/api/code", **_raw_json({"text": text, "title": title}))
            assert coded.status_code in (200, 422), coded.text
            doc_id = f"fuzz-{next(ids)}"
            body = _raw_json({"articles": [{"id": doc_id, "text": text, "title": title}]})
            stored = server.post("/api/documents", content=body["content"],
                                 headers={**body["headers"], **auth})
            assert stored.status_code == 200, stored.text
            answer = stored.json()
            errors = {error["doc_id"] for error in answer["errors"]}
            assert answer["stored"] + answer["duplicates"] + len(errors) == 1
            if any(char == "\x00" or "\ud800" <= char <= "\udfff" for char in text):
                assert errors == {doc_id}

        post()
