"""The field's inputs and outputs: WARC and CSV in; POLECAT columns, CAMEO codes and dyad
aggregates out. WARC files are written here, record by record, as a crawler writes them."""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import html
import io
import json
import re
from collections import Counter
from pathlib import Path

import pyarrow.parquet as pq
import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from newsevents import ingest
from newsevents.cameo import cameo_code
from newsevents.cli import app
from newsevents.exports import polecat
from newsevents.models import QUAD_CLASS, Article, InputError
from newsevents.store.db import connect

from .conftest import ROOT, SEED, SHARED

runner = CliRunner()
FORMATS_DOC = ROOT / "docs" / "formats.md"
CAMEO_SOURCE = SHARED / "plover" / "cameo2plover.txt"

NAVAL = (
    "Greece and Egypt sign maritime accord",
    "ATHENS – Greece and Egypt signed an agreement on Thursday that sets out their maritime "
    "boundary in the eastern Mediterranean, the Greek foreign ministry said.",
    "Turkey condemned the accord and said it would not recognise it.",
)
PROTEST = (
    "Farmers block roads in Brussels",
    "BRUSSELS – Thousands of farmers blocked the main roads into Brussels on Monday to protest "
    "against European Union trade rules, and police fired tear gas at protesters near the "
    "European Parliament.",
)
GERMAN = (
    "Regierung beschließt neues Gesetz",
    "Die Bundesregierung hat am Mittwoch in Berlin ein neues Gesetz zur Energiepolitik "
    "beschlossen, und die Opposition hat die Entscheidung im Bundestag scharf kritisiert.",
)


# --------------------------------------------------------------------------- WARC writing


def page(title: str, *paragraphs: str, published: str | None = None) -> bytes:
    meta = f"<meta property='article:published_time' content='{published}'>" if published else ""
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    return (f"<html><head><title>{html.escape(title)}</title>{meta}</head><body><article>"
            f"<h1>{html.escape(title)}</h1>{body}</article></body></html>").encode()


def http(payload: bytes, *, status: str = "200 OK", ctype: str = "text/html; charset=utf-8",
         extra: str = "") -> bytes:
    return (f"HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\n{extra}"
            f"Content-Length: {len(payload)}\r\n\r\n").encode() + payload


def record(kind: str, uri: str, block: bytes, number: int,
           ctype: str = "application/http; msgtype=response") -> bytes:
    head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n"
            f"WARC-Date: 2024-03-05T06:30:00Z\r\nWARC-Record-ID: <urn:uuid:{number:032x}>\r\n"
            f"Content-Type: {ctype}\r\nContent-Length: {len(block)}\r\n\r\n").encode()
    return head + block + b"\r\n\r\n"


def crawl() -> list[bytes]:
    """A crawl as CC-NEWS holds one: 9 records, of which 3 are HTML pages (one German)."""
    return [
        record("warcinfo", "", b"software: test crawler\r\nformat: WARC/1.0\r\n", 1,
               "application/warc-fields"),
        record("request", "https://news.example/naval", b"GET /naval HTTP/1.1\r\n\r\n", 2,
               "application/http; msgtype=request"),
        record("response", "https://news.example/naval",
               http(page(NAVAL[0], *NAVAL[1:], published="2024-03-04")), 3),
        record("metadata", "https://news.example/naval", b"fetchTimeMs: 212\r\n", 4,
               "application/warc-fields"),
        record("response", "https://news.example/logo.jpg",
               http(b"\xff\xd8\xff\xe0 not really a jpeg", ctype="image/jpeg"), 5),
        record("response", "https://news.example/old",
               http(b"", status="301 Moved Permanently", extra="Location: /new\r\n"), 6),
        record("response", "https://news.example/farmers", http(page(*PROTEST)), 7),
        record("response", "https://news.example/de/gesetz", http(page(*GERMAN)), 8),
        record("response", "https://news.example/report.pdf",
               http(b"%PDF-1.7 ...", ctype="application/pdf"), 9),
    ]


SKIPPED = {"warcinfo record": 1, "request record": 1, "metadata record": 1,
           "not HTML (image/jpeg)": 1, "HTTP status 301": 1, "not HTML (application/pdf)": 1}


def write_warc(path: Path, records: list[bytes], *, gzipped: bool = False) -> Path:
    # A .warc.gz is one gzip member per record, so a reader can start at any record.
    path.write_bytes(b"".join(gzip.compress(r) for r in records) if gzipped
                     else b"".join(records))
    return path


def read(path: Path) -> tuple[list[Article | InputError], Counter[str]]:
    skipped: Counter[str] = Counter()
    return list(ingest.read_paths([str(path)], skipped=skipped)), skipped


# --------------------------------------------------------------------------- WARC input


@pytest.mark.parametrize("gzipped", [False, True])
def test_each_html_page_of_a_warc_becomes_an_article(tmp_path: Path, gzipped: bool) -> None:
    name = "crawl.warc.gz" if gzipped else "crawl.warc"
    items, skipped = read(write_warc(tmp_path / name, crawl(), gzipped=gzipped))
    assert [type(i).__name__ for i in items] == ["Article"] * 3
    naval, farmers, german = items
    assert isinstance(naval, Article) and isinstance(farmers, Article)
    assert [naval.id, farmers.id, german.id] == [f"{name}:3", f"{name}:7", f"{name}:8"]
    assert naval.url == "https://news.example/naval"
    assert naval.title == NAVAL[0] and naval.text.startswith("ATHENS – Greece and Egypt")
    assert naval.date == dt.date(2024, 3, 4)  # the page's own date
    assert farmers.date == dt.date(2024, 3, 5)  # none on the page: the crawl date
    assert skipped == SKIPPED


def test_the_warc_reader_is_usable_on_its_own(tmp_path: Path) -> None:
    warc = write_warc(tmp_path / "crawl.warc", crawl())
    reasons: list[str] = []
    items = list(ingest.read_warc(warc, on_skip=reasons.append))
    assert [i.id for i in items if isinstance(i, Article)] == [
        "crawl.warc:3", "crawl.warc:7", "crawl.warc:8"]
    assert Counter(reasons) == SKIPPED


def test_compressed_and_chunked_pages_are_decoded(tmp_path: Path) -> None:
    """Some crawlers keep the bytes as the server sent them: gzip'd, or in chunks."""
    body = page(*PROTEST)
    packed = gzip.compress(body)
    chunked = (b"%x\r\n" % 120 + body[:120] + b"\r\n" + b"%x\r\n" % (len(body) - 120)
               + body[120:] + b"\r\n0\r\n\r\n")
    records = [
        record("response", "https://news.example/gz",
               http(packed, extra="Content-Encoding: gzip\r\n"), 1),
        record("response", "https://news.example/chunked",
               b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked"
               b"\r\n\r\n" + chunked, 2),
    ]
    items, _ = read(write_warc(tmp_path / "raw.warc", records))
    assert [i.text if isinstance(i, Article) else i for i in items] == [PROTEST[1]] * 2
    cut = tmp_path / "raw-cut.warc"
    cut.write_bytes(records[0][:-60])  # inside the compressed bytes
    items, _ = read(cut)
    assert len(items) == 1 and isinstance(items[0], InputError)
    assert "is truncated: WARC record 1" in items[0].message


def test_a_truncated_warc_keeps_the_pages_before_the_break(tmp_path: Path) -> None:
    records = crawl()
    cut = sum(map(len, records[:7])) + len(records[7]) // 2  # inside the German page
    plain = tmp_path / "cut.warc"
    plain.write_bytes(b"".join(records)[:cut])
    items, skipped = read(plain)
    assert [type(i).__name__ for i in items] == ["Article", "Article", "InputError"]
    error = items[2]
    assert isinstance(error, InputError) and error.doc_id == "cut.warc:8"
    assert "is truncated" in error.message and "records before it were read" in error.message
    assert sum(skipped.values()) == 5  # the PDF after the break is never reached

    packed = b"".join(gzip.compress(r) for r in records)
    gz = tmp_path / "cut.warc.gz"
    gz.write_bytes(packed[: len(packed) - len(gzip.compress(records[8])) - 40])
    items, _ = read(gz)
    assert [type(i).__name__ for i in items] == ["Article", "Article", "InputError"]
    assert isinstance(items[2], InputError) and items[2].doc_id == "cut.warc.gz:8"


def test_a_file_that_is_no_warc_is_one_clear_error(tmp_path: Path) -> None:
    fake = tmp_path / "notes.warc"
    fake.write_text("These are meeting notes, not a web archive.\n" * 20, encoding="utf-8")
    items, _ = read(fake)
    assert len(items) == 1 and isinstance(items[0], InputError)
    assert "is not a WARC file" in items[0].message


def test_code_counts_coded_failed_and_skipped_warc_records(tmp_path: Path) -> None:
    """One run over a clean and a truncated crawl: every count of the summary is exact."""
    records = crawl()
    write_warc(tmp_path / "a.warc.gz", records, gzipped=True)
    cut = sum(map(len, records[:7])) + 300  # inside the German page's record
    (tmp_path / "b.warc").write_bytes(b"".join(records)[:cut])
    result = runner.invoke(app, ["code", str(tmp_path), "--format", "jsonl"])
    assert result.exit_code == 1, result.output
    documents = [r for r in map(json.loads, result.stdout.splitlines())
                 if r["record"] == "document"]
    failed = {d["doc_id"]: d["error"] for d in documents if d["error"]}
    assert len(documents) == 6
    assert set(failed) == {"a.warc.gz:8", "b.warc:8"}
    assert "not English" in failed["a.warc.gz:8"] and "truncated" in failed["b.warc:8"]
    assert "coded 4 of 6 article(s)" in result.stderr
    assert "2 failed (1 not English)" in result.stderr
    assert "11 WARC record(s) skipped" in result.stderr  # 6 in a, 5 before the break in b


def test_a_warc_page_codes_like_the_same_html_file(tmp_path: Path) -> None:
    lines = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    body = page(lines[0], *lines[1:], published="2019-04-08")
    (tmp_path / "seed.html").write_bytes(body)
    write_warc(tmp_path / "seed.warc", [record("response", "https://example.org/s400",
                                                 http(body), 1)])
    coded = {}
    for name in ("seed.html", "seed.warc"):
        result = runner.invoke(app, ["code", str(tmp_path / name), "--format", "jsonl"])
        assert result.exit_code == 0, result.output
        coded[name] = [(r["sentence_index"], r["event_type"], r["mode"])
                       for r in map(json.loads, result.stdout.splitlines())
                       if r["record"] == "event"]
    assert len(coded["seed.warc"]) >= 3
    assert coded["seed.warc"] == coded["seed.html"]


# --------------------------------------------------------------------------- CSV input


def write_archive_csv(path: Path) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["headline", "published", "link", "body"])
        writer.writerow(["Chile recalls envoy", "2024-06-01", "https://news.example/chile",
                         "Chile recalled its ambassador from Israel on Saturday."])
        writer.writerow(["(photo gallery)", "2024-06-01", "https://news.example/gallery", ""])
        writer.writerow(["Police detain reporters", "2024-06-02T08:15:00",
                         "https://news.example/cairo",
                         "Egyptian police detained 12 journalists in Cairo.\n\nThe journalists "
                         "had covered a protest outside the press syndicate."])
        writer.writerow(["Undated brief", "06/03/2024", "", "Kenya deployed police to Haiti."])
    return path


def test_csv_rows_become_articles_with_named_columns(tmp_path: Path) -> None:
    archive = write_archive_csv(tmp_path / "archive.csv")
    columns = ingest.CsvColumns(text="body", date="published", url="link", title="headline")
    items = list(ingest.read_paths([str(archive)], columns=columns))
    assert [i.id if isinstance(i, Article) else i.doc_id for i in items] == [
        "archive.csv:1", "archive.csv:2", "archive.csv:3", "archive.csv:4"]
    chile, gallery, cairo, undated = items
    assert isinstance(chile, Article) and chile.title == "Chile recalls envoy"
    assert chile.url == "https://news.example/chile" and chile.date == dt.date(2024, 6, 1)
    assert isinstance(cairo, Article) and cairo.date == dt.date(2024, 6, 2)
    assert cairo.text.count("\n\n") == 1  # the paragraph break inside the quoted cell stays
    assert isinstance(gallery, InputError) and gallery.message == (
        "row 2: empty text in column 'body'")
    assert isinstance(undated, InputError) and "invalid date '06/03/2024'" in undated.message


def test_a_missing_csv_column_is_the_files_error(tmp_path: Path) -> None:
    archive = write_archive_csv(tmp_path / "archive.csv")
    result = runner.invoke(app, ["code", str(archive), "--format", "jsonl"])  # no "text" column
    assert result.exit_code == 1
    documents = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(documents) == 1
    assert "no column 'text'" in documents[0]["error"]
    assert "'headline', 'published', 'link', 'body'" in documents[0]["error"]


def test_code_reads_a_csv_with_its_column_options(tmp_path: Path) -> None:
    archive = write_archive_csv(tmp_path / "archive.csv")
    result = runner.invoke(app, [
        "code", str(archive), "--format", "jsonl", "--text-column", "body",
        "--date-column", "published", "--url-column", "link", "--title-column", "headline"])
    assert result.exit_code == 1  # two rows have an error of their own
    records = [json.loads(line) for line in result.stdout.splitlines()]
    documents = {r["doc_id"]: r for r in records if r["record"] == "document"}
    assert [d["error"] is None for d in documents.values()] == [True, False, True, False]
    assert documents["archive.csv:1"]["url"] == "https://news.example/chile"
    assert any(r["record"] == "event" and r["doc_id"] == "archive.csv:3" for r in records)
    assert "coded 2 of 4 article(s)" in result.stderr


# --------------------------------------------------------------------------- CAMEO codes


@pytest.fixture(scope="module")
def examples_jsonl() -> list[dict]:
    """The records of the bundled examples, coded once for the tests of this module."""
    result = runner.invoke(app, ["code", str(ROOT / "examples"), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def cameo_candidates() -> tuple[dict[tuple[str, str], list[tuple[str, set[str]]]], set[str]]:
    """(type, mode) -> [(CAMEO code, contexts)], and every CAMEO code, read from the source
    table here, independently of the derived table."""
    mapped: dict[tuple[str, str], list[tuple[str, set[str]]]] = {}
    codes: set[str] = set()
    for line in CAMEO_SOURCE.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^(\d{2,4}):([^#]*)", line)
        if not match:
            continue
        codes.add(match[1])
        parts = [p.strip() for p in match[2].split(",")]
        if len(match[1]) > 2:
            listed = parts[2] if len(parts) > 2 else ""
            contexts = {c.strip() for c in listed.split(";") if c.strip()}
            mapped.setdefault((parts[0], parts[1].lower()), []).append((match[1], contexts))
    return mapped, codes


def test_cameo_codes_of_known_plover_events() -> None:
    assert cameo_code("ASSAULT", "firearms") == "193"  # 193 alone maps to it
    assert cameo_code("PROTEST", "demo") == "141"  # 141 and its four children
    assert cameo_code("CONSULT", "visit") == "04"  # 042 make and 043 host a visit
    assert cameo_code("SANCTION", "discontinue", ["economic"]) == "1621"
    assert cameo_code("SANCTION", "discontinue") == "162"
    assert cameo_code("ASSAULT", None) is None  # 180, 1823, 190, 196: no code covers them
    assert cameo_code("CONSULT", "host") is None  # a mode the table does not know


def test_the_cameo_column_on_the_examples_follows_the_table(examples_jsonl: list[dict]) -> None:
    """Every example event's code covers all the CAMEO codes its type and mode come from,
    and an event without a code has candidates that no CAMEO code covers."""
    events = [r for r in examples_jsonl if r["record"] == "event"]
    mapped, codes = cameo_candidates()
    with_code = 0
    for event in events:
        candidates = mapped.get((event["event_type"], event["mode"] or ""), [])
        narrowed = [c for c, ctx in candidates if event["context"] and ctx == set(event["context"])]
        shared = narrowed or [c for c, _ in candidates]
        code = event["cameo"]
        if code is None:
            assert not shared or not any(all(c.startswith(p) for c in shared) for p in codes)
        else:
            with_code += 1
            assert code in codes and all(c.startswith(code) for c in shared), event
            assert not any(len(p) > len(code) and all(c.startswith(p) for c in shared)
                           for p in codes), event  # the most precise shared code
    assert with_code >= len(events) // 2
    rows = list(csv.DictReader(io.StringIO(runner.invoke(
        app, ["code", str(ROOT / "examples"), "--format", "csv"]).stdout)))
    assert [r["cameo"] for r in rows if r["record"] == "event"] == [
        e["cameo"] or "" for e in events]


# --------------------------------------------------------------------------- POLECAT


def documented_mapping() -> dict[str, str]:
    """POLECAT column -> what docs/formats.md says fills it."""
    section = FORMATS_DOC.read_text(encoding="utf-8").split("## POLECAT")[1].split("\n## ")[0]
    rows = re.findall(r"^\| `([^`]+)` \| (.+?) \|$", section, flags=re.MULTILINE)
    return dict(rows)


def documented_quads() -> dict[str, str]:
    section = FORMATS_DOC.read_text(encoding="utf-8").split("## Quad classes")[1].split(
        "\n## ")[0]
    quads: dict[str, str] = {}
    for quad, types in re.findall(r"^\| (\w+ \w+) \| (.+?) \|$", section, flags=re.MULTILINE):
        quads.update(dict.fromkeys(re.findall(r"[A-Z]{3,}", types), quad))
    return quads


def test_the_documented_quad_table_is_the_one_used() -> None:
    assert documented_quads() == QUAD_CLASS
    assert len(QUAD_CLASS) == 16


def test_polecat_columns_of_the_examples_follow_the_documented_mapping(
        examples_jsonl: list[dict]) -> None:
    mapping = documented_mapping()
    assert list(mapping) == polecat.COLUMNS  # every column documented, in file order
    tsv = runner.invoke(app, ["code", str(ROOT / "examples"), "--format", "polecat"])
    assert tsv.exit_code == 0, tsv.output
    records = examples_jsonl
    documents = {r["doc_id"]: r for r in records if r["record"] == "document"}
    events = [r for r in records if r["record"] == "event"]
    rows = list(csv.DictReader(io.StringIO(tsv.stdout), delimiter="\t"))
    assert len(rows) == len(events) and list(rows[0]) == polecat.COLUMNS
    empty = [column for column, source in mapping.items() if source.startswith("empty")]
    assert {"Intensity", "Actor COW", "Story People"} <= set(empty)
    for event, row in zip(events, rows, strict=True):
        assert all(row[column] == "" for column in empty)
        document = documents[event["doc_id"]]
        source = event["source"]
        assert row["Event ID"] == event["event_id"]
        assert row["Event Date"] == (event["date"] or "")
        assert row["Event Type"] == event["event_type"]
        assert row["Event Mode"] == (event["mode"] or "")
        assert row["Quad Code"] == documented_quads()[event["event_type"]].upper()
        assert row["Contexts"] == "; ".join(event["context"])
        assert row["Actor Country"].split("; ") == [a["country"] or "" for a in source] or (
            row["Actor Country"] == "" and not any(a["country"] for a in source))
        assert row["Actor Name Raw"] == "; ".join(a["text"] for a in source)
        assert row["Primary Recipient Sector"] == (
            (event["target"][0]["sector"] or "") if event["target"] else "")
        assert row["Placename"] == ((event["location"] or {}).get("name") or "")
        assert row["Source"] == (document["source"] or "")
        assert row["Publication Date"] == (document["date"] or "")
        assert row["Language"] == "en"


def test_the_store_exports_polecat_rows_and_cameo_codes(db_url: str, tmp_path: Path) -> None:
    ingested = runner.invoke(app, ["ingest", str(ROOT / "examples"), "--db", db_url])
    assert ingested.exit_code == 0, ingested.output
    with connect(db_url).engine.connect() as conn:
        stored = dict(conn.execute(sa.text(
            "SELECT event_type, count(*) FROM events GROUP BY event_type")).all())
    tsv = runner.invoke(app, ["export", "--db", db_url, "--format", "polecat"])
    assert tsv.exit_code == 0, tsv.output
    rows = list(csv.DictReader(io.StringIO(tsv.stdout), delimiter="\t"))
    assert Counter(r["Event Type"] for r in rows) == stored
    assert all(r["Language"] == "en" and r["Publication Date"] for r in rows)
    flat = list(csv.DictReader(io.StringIO(runner.invoke(
        app, ["export", "--db", db_url, "--format", "csv"]).stdout)))
    assert [r["cameo"] for r in flat] == [
        cameo_code(r["event_type"], r["mode"] or None) or "" for r in flat]
    deals = runner.invoke(app, ["export", "--db", db_url, "--format", "polecat",
                                "--what", "deals"])
    assert deals.exit_code == 2 and "events, not deals" in deals.output


# --------------------------------------------------------------------------- aggregate


def event(doc: str, day: str, source: list[str], target: list[str], kind: str = "ASSAULT",
          **flags: bool) -> dict:
    actor = lambda code: {"text": code, "name": None, "country": code, "sector": "MIL",  # noqa: E731
                          "igo": None}
    return {"record": "event", "doc_id": doc, "event_type": kind, "date": day,
            "source": [actor(c) for c in source], "target": [actor(c) for c in target],
            **flags}


def test_aggregate_counts_dyads_per_week_with_sources(tmp_path: Path) -> None:
    records = [
        {"record": "document", "doc_id": "a", "source": "Wire One"},
        {"record": "document", "doc_id": "b", "source": "Wire One"},
        {"record": "document", "doc_id": "c", "source": None},
        event("a", "2024-05-06", ["RUS"], ["UKR"]),  # Monday
        event("b", "2024-05-12", ["RUS"], ["UKR"]),  # Sunday, same ISO week
        event("c", "2024-05-13", ["RUS"], ["UKR"]),  # next week
        event("c", "2024-05-08", ["UKR", "POL"], ["RUS"], "ACCUSE"),
        event("c", "2024-05-08", ["RUS"], ["UKR"], negated=True),
        event("a", None, [], ["UKR"], "AID"),
    ]
    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    result = runner.invoke(app, ["aggregate", str(path), "--period", "week"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["period"], r["source_country"], r["target_country"], r["event_type"],
             r["quad_class"], r["events"], r["sources"]) for r in rows] == [
        ("2024-05-06", "POL;UKR", "RUS", "ACCUSE", "verbal conflict", "1", "1"),
        ("2024-05-06", "RUS", "UKR", "ASSAULT", "material conflict", "2", "1"),  # one wire
        ("2024-05-13", "RUS", "UKR", "ASSAULT", "material conflict", "1", "1"),
        ("", "", "UKR", "AID", "material cooperation", "1", "1"),
    ]
    assert "aggregated 5 event(s) into 4 row(s); left out 1 negated" in result.stderr
    monthly = runner.invoke(app, ["aggregate", str(path)])
    assert [r["events"] for r in csv.DictReader(io.StringIO(monthly.stdout))] == [
        "1", "3", "1"]


def test_aggregate_totals_equal_the_events_of_the_examples(
        examples_jsonl: list[dict], tmp_path: Path) -> None:
    coded = tmp_path / "examples.jsonl"
    coded.write_text("".join(json.dumps(r) + "\n" for r in examples_jsonl), encoding="utf-8")
    # Counts hold new facts only: negated, hypothetical and generic events are left out.
    events = [r for r in examples_jsonl if r["record"] == "event"
              and not (r["negated"] or r["hypothetical"] or r["generic"])]
    out = tmp_path / "dyads.parquet"
    aggregated = runner.invoke(app, ["aggregate", str(coded), "-p", "day", "-f", "parquet",
                                     "-o", str(out)])
    assert aggregated.exit_code == 0, aggregated.output
    table = pq.read_table(out).to_pylist()
    assert sum(r["events"] for r in table) == len(events)
    by_type: Counter[str] = Counter()
    for row in table:
        by_type[row["event_type"]] += row["events"]
        assert 1 <= row["sources"] <= row["events"]
    assert by_type == Counter(e["event_type"] for e in events)


def test_aggregate_totals_equal_the_stored_events(db_url: str) -> None:
    ingested = runner.invoke(app, ["ingest", str(ROOT / "examples"), "--db", db_url])
    assert ingested.exit_code == 0, ingested.output
    with connect(db_url).engine.connect() as conn:
        stored = dict(conn.execute(sa.text(
            "SELECT event_type, count(*) FROM events GROUP BY event_type")).all())
        sources = conn.execute(sa.text("SELECT max(n_sources) FROM events")).scalar_one()
    result = runner.invoke(app, ["aggregate", "--db", db_url, "--period", "month"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    by_type: Counter[str] = Counter()
    for row in rows:
        by_type[row["event_type"]] += int(row["events"])
        assert row["quad_class"] == QUAD_CLASS[row["event_type"]]
    assert by_type == stored
    assert max(int(r["sources"]) for r in rows) >= sources


def test_aggregate_refuses_input_that_is_not_our_records(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"record": "document", "doc_id": "a"}\n{"record": "event", "doc_id"\n',
                   encoding="utf-8")
    result = runner.invoke(app, ["aggregate", str(bad)])
    assert result.exit_code == 2 and "line 2: invalid JSON" in result.output
    assert "Traceback" not in result.output
