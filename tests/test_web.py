"""The dashboard in a real browser (Debian's Chromium, headless) against the real server.

A SQLite store is filled by the store's own ingest path from the example articles plus one
hostile article, the FastAPI app is served by uvicorn on a free loopback port, and Playwright
drives the page the way an analyst would. Screenshots of every view go to test-artifacts/.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn
from playwright.sync_api import Browser, Dialog, Page, sync_playwright

from newsevents import ingest
from newsevents.api import create_app
from newsevents.evaluation.merging import gold_result
from newsevents.service import store_stream
from newsevents.store import connect

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
S400 = ROOT.parent / "shared" / "examples" / "s400-turkey-article.txt"
S400_DATE = dt.date(2019, 4, 8)
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]
HOSTILE = "<img src=x onerror=alert(1)><script>alert(2)</script>"
HOSTILE_ARTICLE = {
    "id": "hostile-1",
    "date": "2026-04-20",
    "source": "Hostile Wire",
    "url": "javascript:alert(3)",
    "title": f"{HOSTILE} Shelling near Kharkiv",
    "text": (
        f"{HOSTILE} KHARKIV – Russian forces shelled Ukrainian positions near Kharkiv on "
        "Sunday, the Ukrainian army said.\n\n"
        f"Ukraine accused Russia of attacking civilians {HOSTILE} in the region."
    ),
}

needs_chromium = pytest.mark.skipif(
    not CHROMIUM.exists(), reason="Debian's chromium (/usr/bin/chromium) is not installed"
)


def _example_date(path: Path) -> dt.date | None:
    """The example .txt files carry no date; their names start with the publication date."""
    match = re.match(r"(\d{4}-\d{2}-\d{2})-", path.name)
    return dt.date.fromisoformat(match.group(1)) if match else None


def _ingest_examples(db_url: str, tmp: Path) -> None:
    hostile = tmp / "hostile.jsonl"
    hostile.write_text(json.dumps(HOSTILE_ARTICLE) + "\n", encoding="utf-8")
    store = connect(db_url)
    try:
        inputs = [(S400, S400_DATE), (hostile, None)]
        inputs += [(path, _example_date(path)) for path in sorted(EXAMPLES.iterdir())
                   if path.suffix in {".txt", ".html", ".jsonl"}]
        for path, date in inputs:
            for _ in store_stream(store, ingest.read_paths([str(path)], default_date=date)):
                pass
    finally:
        store.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base URL of the real app (API + dashboard) over a store of real coded articles."""
    tmp = tmp_path_factory.mktemp("web")
    db_url = f"sqlite:///{tmp / 'events.db'}"
    _ingest_examples(db_url, tmp)
    yield from _serve(db_url)


def _serve(db_url: str) -> Iterator[str]:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    uv = uvicorn.Server(uvicorn.Config(create_app(db_url, None), log_level="warning"))
    thread = threading.Thread(target=uv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not uv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the dashboard server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    uv.should_exit = True
    thread.join(timeout=10)
    sock.close()


@pytest.fixture(scope="module")
def chromium() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Watch:
    """What a hostile page could do behind the tester's back: dialogs, script errors, CSP hits."""

    def __init__(self) -> None:
        self.dialogs: list[str] = []
        self.errors: list[str] = []


Watched = tuple[Page, Watch]


@pytest.fixture
def watched(chromium: Browser) -> Iterator[Watched]:
    context = chromium.new_context(viewport={"width": 1440, "height": 1000})
    page = context.new_page()
    watch = Watch()

    def on_dialog(dialog: Dialog) -> None:
        watch.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("pageerror", lambda error: watch.errors.append(str(error)))
    page.on("console", lambda msg: watch.errors.append(msg.text) if msg.type == "error" else None)
    yield page, watch
    context.close()


def ready(page: Page, view: str, timeout: float = 30_000) -> None:
    page.wait_for_selector(f"#view-{view}[data-state=ready]", timeout=timeout)


def shot(page: Page, name: str, *, full_page: bool = True) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"web-{name}.png"), full_page=full_page)


def kpi_events(page: Page) -> int:
    return int(page.inner_text(".kpi >> nth=0 >> .kpi-value").replace(",", ""))


def bar_periods(page: Page) -> list[str]:
    titles = page.eval_on_selector_all(
        "#timeline rect.bar title", "nodes => nodes.map(n => n.textContent)")
    return [title.split(" ·")[0] for title in titles]


def test_page_is_sent_with_a_strict_content_security_policy(server: str) -> None:
    response = httpx.get(f"{server}/")
    assert response.status_code == 200
    policy = response.headers["content-security-policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "<script>" not in response.text  # every script is an external file
    for asset in re.findall(r'(?:src|href)="(static/[^"]+)"', response.text):
        assert httpx.get(f"{server}/{asset}").status_code == 200, asset


def test_assets_are_cached_for_good_under_versioned_urls_only(server: str) -> None:
    page = httpx.get(f"{server}/").text
    linked = re.findall(r'(?:src|href)="(static/[^"?]+)\?v=([0-9a-f]+)"', page)
    assert {path for path, _ in linked} >= {
        "static/app.js", "static/app.css", "static/vendor/d3/d3.min.js", "static/countries.json",
        "static/vendor/world-atlas/countries-110m.json"}
    for path, version in linked:
        current = httpx.get(f"{server}/{path}", params={"v": version})
        assert "immutable" in current.headers["cache-control"], path
        # The version names the content: a changed file gets a new URL after an upgrade.
        assert hashlib.sha256(current.content).hexdigest().startswith(version), path
        for stale in ({}, {"v": "0" * len(version)}):
            response = httpx.get(f"{server}/{path}", params=stale)
            assert response.headers["cache-control"] == "no-cache", (path, stale)
    assert httpx.get(f"{server}/").headers["cache-control"] == "no-cache"


def test_scripts_travel_compressed(server: str) -> None:
    page = httpx.get(f"{server}/").text
    script = re.search(r'src="(static/vendor/d3/d3\.min\.js[^"]*)"', page).group(1)
    packed = httpx.get(f"{server}/{script}", headers={"Accept-Encoding": "gzip"})
    assert packed.headers["content-encoding"] == "gzip"
    assert 0 < packed.num_bytes_downloaded < len(packed.content) / 2
    assert packed.headers["x-content-type-options"] == "nosniff"


@pytest.mark.browser
@needs_chromium
def test_overview_draws_timeline_map_and_network(server: str, watched: Watched) -> None:
    tab, watch = watched
    tab.goto(f"{server}/")
    ready(tab, "overview")
    assert tab.locator("#timeline rect.bar").count() > 0
    assert tab.locator("#map path.country").count() > 150
    assert tab.locator("#map path.country.has-events").count() > 0
    assert tab.locator("#map circle.place").count() > 0
    assert tab.locator("#network g.node").count() >= 2
    assert tab.locator("#network path.edge").count() >= 1
    total = httpx.get(f"{server}/api/events", params={"limit": 1}).json()["total"]
    assert kpi_events(tab) == total
    shot(tab, "overview")
    assert watch.errors == []  # a CSP violation is reported as a console error


@pytest.mark.browser
@needs_chromium
def test_types_and_their_colours_come_from_the_api(server: str, watched: Watched) -> None:
    tab, watch = watched
    tab.goto(f"{server}/")
    ready(tab, "overview")
    types = httpx.get(f"{server}/api/types").json()
    options = "options => options.map(o => o.value)"
    assert tab.eval_on_selector_all("#f-type-coop option", options) == [
        t["event_type"] for t in types if t["cooperative"]]
    assert tab.eval_on_selector_all("#f-type-conf option", options) == [
        t["event_type"] for t in types if not t["cooperative"]]
    drawn = dict(tab.eval_on_selector_all(
        "#timeline rect.bar",
        "bars => bars.map(b => [b.parentNode.dataset.type, getComputedStyle(b).fill])"))
    assert drawn
    rgb = {t["event_type"]: "rgb({}, {}, {})".format(
        *(int(t["colour"][i:i + 2], 16) for i in (1, 3, 5))) for t in types}
    assert drawn == {event_type: rgb[event_type] for event_type in drawn}
    assert watch.errors == []


@pytest.mark.browser
@needs_chromium
def test_later_visits_draw_the_map_from_shapes_kept_in_the_browser(
        server: str, chromium: Browser) -> None:
    context = chromium.new_context(viewport={"width": 1440, "height": 1000})
    outlines, stored = [], []
    for _ in range(2):
        tab = context.new_page()
        tab.goto(f"{server}/")
        ready(tab, "overview")
        outlines.append(tab.eval_on_selector_all(
            "#map path.country", "paths => paths.map(p => p.getAttribute('d'))"))
        stored.append(json.loads(tab.evaluate(
            "() => localStorage.getItem('newsevents:map-shapes')")))
        # A shape changed in the store shows up on the next visit: it is drawn from there.
        tab.evaluate("""() => {
            const saved = JSON.parse(localStorage.getItem('newsevents:map-shapes'));
            saved.countries[0] = 'M0,0L9,9Z';
            localStorage.setItem('newsevents:map-shapes', JSON.stringify(saved));
        }""")
        tab.close()
    context.close()
    assert len(outlines[0]) > 150 and all(outlines[0])
    assert stored[0]["countries"] == outlines[0]
    assert outlines[1][0] == "M0,0L9,9Z" and outlines[1][1:] == outlines[0][1:]


@pytest.mark.browser
@needs_chromium
def test_filters_change_the_timeline(server: str, watched: Watched) -> None:
    tab, watch = watched
    tab.goto(f"{server}/")
    ready(tab, "overview")
    everything = kpi_events(tab)
    all_periods = bar_periods(tab)

    event_type = tab.locator("#timeline-legend .chip:not(.absent)").first.inner_text().strip()
    tab.locator("#timeline-legend").get_by_role("button", name=event_type, exact=True).click()
    ready(tab, "overview")
    assert tab.input_value("#f-type") == event_type
    assert 0 < kpi_events(tab) < everything
    drawn = tab.eval_on_selector_all(
        "#timeline rect.bar", "bars => [...new Set(bars.map(b => b.parentNode.dataset.type))]")
    assert drawn == [event_type]

    tab.click("#f-reset")
    ready(tab, "overview")
    assert kpi_events(tab) == everything
    cutoff = "2026-01-01"
    tab.fill("#f-start", cutoff)
    tab.click("#filters button[type=submit]")
    ready(tab, "overview")
    periods = bar_periods(tab)
    assert periods and min(periods) >= cutoff[:7]
    assert min(all_periods) < cutoff[:7]
    assert kpi_events(tab) < everything
    assert "start=2026-01-01" in tab.url
    assert watch.errors == []


@pytest.mark.browser
@needs_chromium
def test_country_filter_from_the_map_and_network(server: str, watched: Watched) -> None:
    tab, watch = watched
    tab.goto(f"{server}/")
    ready(tab, "overview")
    everything = kpi_events(tab)
    country = tab.locator("#network g.node").first.get_attribute("data-id")
    tab.select_option("#f-country", country)
    ready(tab, "overview")
    assert f"country={country}" in tab.url
    assert kpi_events(tab) < everything
    assert tab.locator(f"#network g.node.selected[data-id='{country}']").count() == 1
    edges = httpx.get(f"{server}/api/network", params={"country": country}).json()
    assert edges and all(country in (e["source"], e["target"]) for e in edges)
    shot(tab, "overview-country")
    assert watch.errors == []  # a CSP violation is reported as a console error


@pytest.mark.browser
@needs_chromium
def test_clicking_an_event_shows_its_evidence_highlighted(server: str, watched: Watched) -> None:
    tab, watch = watched
    tab.goto(f"{server}/#events")
    ready(tab, "events")
    ids = tab.eval_on_selector_all("tr.event-row", "rows => rows.map(r => r.dataset.id)")
    assert ids
    chosen = None
    for event_id in ids:
        detail = httpx.get(f"{server}/api/events/{event_id}").json()
        report = detail["reports"][0]
        if report["source_actors"] and report["trigger"].lower() in report["sentence"].lower():
            chosen = event_id, detail
            break
    assert chosen, "no stored event with a source actor and a trigger in its sentence"
    event_id, detail = chosen
    tab.click(f"tr.event-row[data-id='{event_id}']")
    tab.wait_for_selector("#event-detail[data-state=ready]")
    quotes = tab.locator("#event-detail li.report blockquote")
    assert quotes.count() == len(detail["reports"])
    # Highlighting splits the text but never changes it.
    assert quotes.first.inner_text().strip() == detail["reports"][0]["sentence"].strip()
    trigger = tab.locator("#event-detail li.report >> nth=0 >> mark.hl-trigger")
    assert trigger.inner_text().lower() == detail["reports"][0]["trigger"].lower()
    assert tab.locator("#event-detail li.report >> nth=0 >> mark.hl-source").count() >= 1
    shot(tab, "event-detail", full_page=False)
    assert watch.errors == []  # a CSP violation is reported as a console error


@pytest.mark.browser
@needs_chromium
def test_arms_transfer_view_shows_deals_and_their_history(server: str, watched: Watched) -> None:
    tab, watch = watched
    tab.goto(f"{server}/#deals")
    ready(tab, "deals")
    page = httpx.get(f"{server}/api/deals", params={"limit": 500}).json()
    deals = page["items"]
    assert deals
    assert tab.locator("tr.deal-row").count() == page["total"]
    assert tab.locator("#deals-chart circle.status-dot").count() > 0
    deal = max(deals, key=lambda d: len(d["history"]))
    tab.click(f"tr.deal-row[data-id='{deal['id']}']")
    history = tab.locator(f"tr.deal-row[data-id='{deal['id']}'] + tr.history-row")
    assert history.is_visible()
    assert history.locator("ol.history > li").count() == len(deal["history"])
    shot(tab, "deals")
    assert watch.errors == []  # a CSP violation is reported as a console error


@pytest.mark.browser
@needs_chromium
def test_paste_box_codes_an_article(server: str, watched: Watched) -> None:
    tab, watch = watched
    tab.goto(f"{server}/#code")
    body = S400.read_text(encoding="utf-8")
    title, _, text = body.partition("\n")
    tab.fill("#code-title", title)
    tab.fill("#code-date", S400_DATE.isoformat())
    tab.fill("#code-text", text)
    tab.click("#code-submit")
    ready(tab, "code", timeout=120_000)
    assert tab.inner_text("#code-result .doc-title") == title
    meeting = tab.locator("li.coded-event", has=tab.locator("mark.hl-trigger", has_text="met"))
    assert meeting.count() >= 1
    assert meeting.first.locator(".badge").first.inner_text().startswith("CONSULT")
    assert tab.locator("li.coded-deal", has_text="S-400").count() >= 1
    shot(tab, "code")
    assert watch.errors == []  # a CSP violation is reported as a console error


@pytest.mark.browser
@needs_chromium
def test_hostile_article_is_shown_as_text(server: str, watched: Watched) -> None:
    tab, watch = watched
    tab.goto(f"{server}/#events")
    ready(tab, "events")
    tab.fill("#q", "Kharkiv")
    tab.click("#event-search button[type=submit]")
    ready(tab, "events")
    rows = tab.locator("tr.event-row")
    assert rows.count() >= 1
    rows.first.click()
    tab.wait_for_selector("#event-detail[data-state=ready]")
    assert HOSTILE in tab.inner_text("#event-detail .report-head")
    shot(tab, "hostile-event", full_page=False)

    tab.click("a.tab[data-view=code]")
    tab.fill("#code-title", HOSTILE_ARTICLE["title"])
    tab.fill("#code-text", HOSTILE_ARTICLE["text"])
    tab.click("#code-submit")
    ready(tab, "code", timeout=120_000)
    assert HOSTILE in tab.inner_text("#code-result .doc-title")
    tab.wait_for_timeout(300)  # give an injected handler the time it would need to fire

    assert watch.dialogs == []
    assert watch.errors == []  # CSP would report a blocked inline handler here
    assert tab.locator("img").count() == 0
    scripts = tab.eval_on_selector_all("script", "nodes => nodes.map(n => n.getAttribute('src'))")
    assert scripts and all(src and src.startswith("static/") for src in scripts)
    assert tab.locator("a[href^='javascript:']").count() == 0


# --------------------------------------------------------------------------- timeline range


@pytest.mark.browser
@needs_chromium
def test_timeline_opens_on_the_months_of_news(server: str, watched: Watched) -> None:
    """The examples are news of 2025-26 that also date events back to 2000-2024, one or two a
    year (and one 2019 article): the chart opens on the months of news and the background
    close to them (a war that broke out in 2023, a term of office begun in 2024), not on the
    decades of background, and says how many events it leaves out."""
    tab, watch = watched
    tab.goto(f"{server}/")
    ready(tab, "overview")
    periods = bar_periods(tab)
    assert min(periods) >= "2023" and max(periods) >= "2026"
    months = httpx.get(f"{server}/api/timeline", params={"interval": "month"}).json()
    outside = sum(m["count"] for m in months if not min(periods) <= m["period"] <= max(periods))
    assert outside > 0
    assert tab.inner_text("#timeline-range") == (
        f"Show all dates ({outside} events outside this range)")
    assert watch.errors == []

NEWS_COUNTRIES = ["USA", "RUS", "UKR", "CHN", "IND", "IRN", "TUR", "FRA", "DEU", "POL", "JPN"]
NEWS_TYPES = ["CONSULT", "AGREE", "ACCUSE", "ASSAULT", "SUPPORT", "THREATEN"]
BACKGROUND = {"1955-05-14": ("POL", "RUS"), "1979-02-11": ("IRN", "USA")}


def _article(doc_id: str, published: str, event_date: str, kind: str, pair: tuple[str, str],
             ) -> dict:
    source, target = pair
    return {"id": doc_id, "date": published, "source": f"Wire {doc_id}",
            "title": f"{source} and {target}, {event_date}",
            "text": f"Report {doc_id}: {source} and {target} ({kind}) on {event_date}.",
            "gold": [{"event_type": kind, "source": [source], "target": [target],
                      "date": event_date, "negated": False, "hypothetical": False}]}


@pytest.fixture(scope="module")
def news_weeks_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A store of three weeks of news (110 events, May 2024) whose articles also mention two
    background events of 1955 and 1979, as real news does."""
    pairs = [(a, b) for a in NEWS_COUNTRIES for b in NEWS_COUNTRIES if a != b]
    articles = []
    for i, pair in enumerate(pairs):
        day = (dt.date(2024, 5, 1) + dt.timedelta(days=i % 21)).isoformat()
        articles.append(_article(f"n{i}", day, day, NEWS_TYPES[i % len(NEWS_TYPES)], pair))
    for i, (date, pair) in enumerate(BACKGROUND.items()):
        articles.append(_article(f"b{i}", "2024-05-15", date, "ACCUSE", pair))
    db_url = f"sqlite:///{tmp_path_factory.mktemp('weeks') / 'weeks.db'}"
    store = connect(db_url)
    store.add_results([gold_result(article) for article in articles])
    store.close()
    yield from _serve(db_url)


def bar_widths(page: Page) -> list[float]:
    return page.eval_on_selector_all(
        "#timeline rect.bar", "bars => bars.map(b => b.width.baseVal.value)")


@pytest.mark.browser
@needs_chromium
def test_timeline_shows_the_weeks_of_news_and_the_outliers_on_request(
        news_weeks_server: str, watched: Watched) -> None:
    tab, watch = watched
    tab.goto(f"{news_weeks_server}/")
    ready(tab, "overview")
    periods = bar_periods(tab)
    assert periods and all(period.startswith("2024-") for period in periods)
    # Each period of the three weeks gets a bar one can see and hover, not a hairline.
    assert min(bar_widths(tab)) >= 10
    toggle = tab.locator("#timeline-range")
    assert toggle.inner_text() == "Show all dates (2 events outside this range)"
    shot(tab, "timeline-focused", full_page=False)

    toggle.click()
    ready(tab, "overview")
    everything = bar_periods(tab)
    assert min(everything).startswith("1955") and any(p.startswith("1979") for p in everything)
    assert max(everything).startswith("2024-05")
    assert toggle.inner_text() == "Show the range of most events"
    toggle.click()
    ready(tab, "overview")
    assert bar_periods(tab) == periods
    assert watch.errors == []
