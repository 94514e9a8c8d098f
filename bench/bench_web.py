"""Dashboard load time in headless Chromium against a real server over a real store.

    python bench/bench_web.py --db sqlite:///bench/results/store.db [--repeats 5] [--resources]

A fresh ``newsevents serve`` is started on a free loopback port and the first load goes out as
soon as it answers (or ``--settle`` seconds later), with an empty browser cache and whatever
aggregates the server has warmed by then; the repeat loads reuse the browser, as an analyst
reopening the tab would. For each load it prints when the overview was ready by the page's own
clock (since navigation start) and by the wall clock from ``goto`` (which adds the automation's
overhead), and when each panel was drawn and how long drawing it took. Not part of the test
suite: the figures depend on the machine and its load.
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
from playwright.sync_api import BrowserContext, Page, sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]
MARKS_JS = """() => Object.fromEntries(performance.getEntriesByType('mark')
    .filter((m) => m.name.startsWith('newsevents:overview:'))
    .map((m) => [m.name.split(':').pop(), Math.round(m.startTime)]))"""
DRAWS_JS = """() => Object.fromEntries(performance.getEntriesByType('measure')
    .filter((m) => m.name.startsWith('newsevents:draw:'))
    .map((m) => [m.name.split(':').pop(), Math.round(m.duration)]))"""
READY_JS = """() => performance.getEntriesByName('newsevents:overview', 'measure')
    .map((m) => Math.round(m.startTime + m.duration)).pop()"""
RESOURCES_JS = """() => performance.getEntriesByType('resource').map((r) => [
    r.name.replace(location.origin, ''), Math.round(r.startTime), Math.round(r.responseEnd),
    r.transferSize, r.encodedBodySize])"""
PANELS = ("timeline", "map", "network")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _serve(db: str, port: int) -> subprocess.Popen:
    """The server as a user starts it: the installed command, its own process."""
    command = Path(sys.executable).with_name("newsevents")
    server = subprocess.Popen([str(command), "serve", "--db", db, "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/", timeout=0.2)
            return server
        except httpx.TransportError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("the server did not start within 60 s")


def _wait_ready(page: Page, timeout: float = 60) -> None:
    """Polled: the page's CSP forbids the eval that Playwright's wait_for_function needs."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        marks = page.evaluate(MARKS_JS)
        state = page.evaluate("() => document.getElementById('view-overview').dataset.state")
        if state == "ready" and all(p in marks for p in PANELS):
            return
        if state == "error":
            raise SystemExit("the overview failed to load")
        time.sleep(0.01)
    raise SystemExit(f"the overview was not ready within {timeout} s")


def _load(context: BrowserContext, url: str, label: str, resources: bool) -> dict[str, int]:
    page = context.new_page()
    began = time.perf_counter()
    page.goto(url)
    _wait_ready(page)
    wall = round((time.perf_counter() - began) * 1000)
    marks = page.evaluate(MARKS_JS)
    draws = page.evaluate(DRAWS_JS)
    ready = page.evaluate(READY_JS)
    print(f"{label:8} ready {ready:5d} ms in the page, {wall:5d} ms wall; panels drawn at "
          + ", ".join(f"{p} {marks[p]}" for p in PANELS)
          + "; drawing took " + ", ".join(f"{p} {draws.get(p, '?')}" for p in PANELS) + " ms")
    if resources:
        for name, start, end, transferred, encoded in page.evaluate(RESOURCES_JS):
            print(f"           {name:60} {start:5d}-{end:5d} ms  {transferred:7d} B on the wire"
                  f"  ({encoded} B body)")
    page.close()
    return {"wall": wall, "ready": ready}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="database URL of a filled store")
    parser.add_argument("--repeats", type=int, default=5, help="repeat loads after the first")
    parser.add_argument("--resources", action="store_true", help="print per-request timings")
    parser.add_argument("--settle", type=float, default=0.0,
                        help="seconds between the server answering and the first load")
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} "
          f"{os.getloadavg()[2]:.2f} on {os.cpu_count()} CPUs")
    port = _free_port()
    server = _serve(args.db, port)
    time.sleep(args.settle)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            context = browser.new_context()
            url = f"http://127.0.0.1:{port}/"
            _load(context, url, "first", args.resources)
            repeats = [_load(context, url, f"repeat {i + 1}", args.resources)
                       for i in range(args.repeats)]
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
    for key, label in (("ready", "ready in the page"), ("wall", "ready, wall time")):
        figures = sorted(load[key] for load in repeats)
        if figures:
            print(f"repeat loads, {label}: median {figures[len(figures) // 2]} ms, "
                  f"best {figures[0]} ms, worst {figures[-1]} ms")


if __name__ == "__main__":
    main()
