"""The ``newsevents`` command on real files, good and bad."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsevents import __version__
from newsevents.cli import app, options
from newsevents.formats import clip
from newsevents.models import EVENT_TYPES

from .conftest import ROOT, SEED, SHARED

README = ROOT / "README.md"

runner = CliRunner()

GOOD = (
    "Kenya deploys police to Haiti\n\n"
    "NAIROBI – Kenya deployed 400 police officers to Haiti on Tuesday, the interior ministry "
    "said.\n\nHaitian gangs attacked a police station in Port-au-Prince overnight.\n"
)


@pytest.fixture()
def messy_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "2024-06-25-kenya.txt").write_text(GOOD, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "latin1.txt").write_bytes("Title\n\nLe président a visité Genève.".encode("latin-1"))
    (folder / "german.txt").write_text(
        "Titel\n\nDie Bundesregierung hat am Montag in Berlin ein neues Gesetz zur Migration "
        "beschlossen, und die Opposition hat die Entscheidung scharf kritisiert.",
        encoding="utf-8",
    )
    lines = [
        json.dumps(
            {"id": "j1", "text": "Chile recalled its ambassador from Israel.", "date": "2024-06-01"}
        ),
        '{"id": "j2", "text": "unterminated',
        json.dumps({"id": "j3", "text": 42}),
        json.dumps(
            {
                "id": "j4",
                "text": "Egyptian police arrested 12 journalists in Cairo.",
                "date": "2024-06-02",
            }
        ),
    ]
    (folder / "wire.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def records(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.startswith("{")]


def test_bad_inputs_get_per_record_errors_and_the_rest_is_coded(messy_folder: Path) -> None:
    result = runner.invoke(app, ["code", str(messy_folder), "--format", "jsonl", "-j", "1"])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    docs = {r["doc_id"]: r for r in records(result.stdout) if r["record"] == "document"}
    assert docs["empty.txt"]["error"] and "empty" in docs["empty.txt"]["error"]
    assert "binary" in docs["binary.txt"]["error"]
    assert "UTF-8" in docs["latin1.txt"]["error"] and "offset" in docs["latin1.txt"]["error"]
    assert "English" in docs["german.txt"]["error"]
    assert "line 2" in docs["wire.jsonl:2"]["error"]
    assert "line 3" in docs["wire.jsonl:3"]["error"]
    for ok in ("2024-06-25-kenya.txt", "j1", "j4"):
        assert docs[ok]["error"] is None
    events = [r for r in records(result.stdout) if r["record"] == "event"]
    coded_docs = {e["doc_id"] for e in events}
    assert {"2024-06-25-kenya.txt", "j1", "j4"} <= coded_docs
    kenya = next(
        e for e in events if e["doc_id"] == "2024-06-25-kenya.txt" and e["event_type"] == "MOBILIZE"
    )
    assert kenya["date"] == "2024-06-25"  # "on Tuesday" in an article of Tuesday 25 June
    assert kenya["source"][0]["country"] == "KEN"


def test_huge_file_is_refused_quickly(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # 50 MB, sparse: refused before being read
    result = runner.invoke(app, ["code", str(huge), "--format", "jsonl"])
    assert result.exit_code == 1
    (doc,) = records(result.stdout)
    assert "MB" in doc["error"]


def test_missing_path_and_bad_date_are_clear(tmp_path: Path) -> None:
    missing = runner.invoke(app, ["code", str(tmp_path / "nope.txt"), "--format", "jsonl"])
    assert missing.exit_code == 1 and "no such file" in missing.output
    bad_date = runner.invoke(app, ["code", str(SEED), "--date", "09/04/2019"])
    assert bad_date.exit_code == 2 and "YYYY-MM-DD" in bad_date.output


def test_table_on_screen_and_jsonl_file(tmp_path: Path) -> None:
    out = tmp_path / "seed.jsonl"
    result = runner.invoke(app, ["code", str(SEED), "--date", "2019-04-09", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "CONSULT" in result.stdout and "THREATEN" in result.stdout
    kept = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert kept[0]["record"] == "document" and kept[0]["n_sentences"] > 5
    assert {"event", "arms_transfer"} <= {r["record"] for r in kept}


def test_csv_has_one_row_per_record_and_loses_nothing(messy_folder: Path) -> None:
    result = runner.invoke(app, ["code", str(SEED), "--date", "2019-04-09", "--format", "csv"])
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    kinds = [r["record"] for r in rows]
    assert kinds[0] == "document" and {"event", "arms_transfer"} <= set(kinds)
    events = [r for r in rows if r["record"] == "event"]
    assert events and all(r["event_type"] for r in events)
    consult = next(r for r in events if r["event_type"] == "CONSULT")
    assert consult["source_country"] == "RUS" and consult["target_country"] == "TUR"
    assert consult["source_sector"] == "GOV"
    s400 = next(r for r in rows if r["record"] == "arms_transfer" and r["system"] == "S-400 Triumf")
    assert (s400["supplier"], s400["recipient"], s400["status"]) == ("RUS", "TUR", "ordered")
    # Errors of documents that could not be coded are rows too, as in the JSON Lines.
    out = messy_folder.parent / "messy.csv"
    runner.invoke(app, ["code", str(messy_folder), "-o", str(out), "-j", "1"])
    with out.open(encoding="utf-8", newline="") as handle:
        docs = {r["doc_id"]: r for r in csv.DictReader(handle) if r["record"] == "document"}
    assert "English" in docs["german.txt"]["error"] and "line 2" in docs["wire.jsonl:2"]["error"]
    assert docs["2024-06-25-kenya.txt"]["error"] == ""


def test_stdin_and_sentence_unit() -> None:
    text = "Colombian troops clashed with rebels in Cauca. Ecuador closed its border."
    result = runner.invoke(
        app, ["code", "-", "--format", "jsonl", "--unit", "sentence"], input=text
    )
    assert result.exit_code == 0
    (doc,) = [r for r in records(result.stdout) if r["record"] == "document"]
    assert doc["n_sentences"] == 1


def test_evaluate_scores_a_gold_file(tmp_path: Path) -> None:
    lines = (SHARED / "plover" / "gold-dev.jsonl").read_text(encoding="utf-8").splitlines()
    gold = tmp_path / "gold.jsonl"
    gold.write_text("\n".join(lines[::20]) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(gold), "--json", "-j", "1"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["sentences"] == len(lines[::20])
    assert 0.0 <= report["macro_f1"] <= 1.0
    assert sum(t["support"] for t in report["types"]) == report["sentences"]


def test_evaluate_rejects_a_malformed_gold_file(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "x", "text": "Peru protested."}\nnot json\n', encoding="utf-8")
    result = runner.invoke(app, ["evaluate", str(gold)])
    assert result.exit_code == 2
    assert "line 1" in result.output or "event_type" in result.output


def test_deals_command_lists_the_seed_transfers() -> None:
    result = runner.invoke(
        app, ["deals", str(SEED), "--date", "2019-04-09", "--format", "jsonl", "-j", "1"]
    )
    assert result.exit_code == 0, result.output
    deals = records(result.stdout)
    assert {r["record"] for r in deals} == {"arms_transfer"}
    pairs = {(d["supplier"]["country"], d["recipient"]["country"], d["status"]) for d in deals}
    assert ("RUS", "TUR", "ordered") in pairs and ("USA", "TUR", "at_risk") in pairs
    only_us = runner.invoke(
        app, ["deals", str(SEED), "--date", "2019-04-09", "--format", "jsonl", "--country", "usa"]
    )
    assert {d["supplier"]["country"] for d in records(only_us.stdout)} == {"USA"}


# --------------------------------------------------------------------------- manners

NE = [str(Path(sys.executable).parent / "newsevents")]
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="module")
def store_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A store of three example inputs: the wire briefs, the Iran sanctions, the Polish order."""
    url = f"sqlite:///{tmp_path_factory.mktemp('store') / 'events.db'}"
    inputs = ["wire-briefs-2026-04.jsonl", "2026-02-05-iran-drone-sanctions.txt",
              "2025-11-20-poland-air-defence-order.txt"]
    result = runner.invoke(
        app, ["ingest", *(str(EXAMPLES / name) for name in inputs), "--db", url, "-j", "1"]
    )
    assert result.exit_code == 0, result.output
    return url


def run(*args: str, stdout: int = subprocess.PIPE) -> subprocess.CompletedProcess[str]:
    """The installed command as a user runs it: a real process, stdout and stderr not
    terminals, and no $COLUMNS (pytest exports one)."""
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    return subprocess.run([*NE, *args], stdout=stdout, stderr=subprocess.PIPE, text=True,
                          timeout=600, check=False, env=env)


def test_a_piped_table_keeps_one_line_per_event_and_a_summary_ends_the_run() -> None:
    done = run("code", str(SEED), "--date", "2019-04-08", "-j", "1")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) <= 25  # was 85: rich folded the columns to 80 characters
    meeting = next(line for line in lines if "CONSULT" in line)
    assert "Vladimir Putin (RUS/GOV)" in meeting and "Moscow" in meeting and "met" in meeting
    events = [line for line in lines if any(f" {t} " in line for t in EVENT_TYPES)]
    assert {"CONSULT", "THREATEN", "ACCUSE", "REQUEST"} <= {
        t for line in events for t in EVENT_TYPES if f" {t} " in line
    }
    # With stderr not a terminal there is no progress display, but the run still ends with
    # a summary that counts what the table shows.
    summary = done.stderr.splitlines()[-1]
    assert re.match(
        rf"coded 1 of 1 article\(s\): {len(events)} event\(s\), \d+ deal\(s\); 0 failed;", summary
    ), summary


def test_query_takes_the_words_the_readme_shows(store_url: str) -> None:
    for args in (["-q", "drone", "engines"], ["drone", "engines"]):
        result = runner.invoke(app, ["query", *args, "--db", store_url, "-f", "jsonl"])
        assert result.exit_code == 0, result.output
        found = records(result.stdout)
        assert found and all("drone engines" in event["sentence"] for event in found)


def test_query_filters_are_checked_as_the_api_checks_them(store_url: str) -> None:
    """A mistyped filter is a usage error naming its option, not "0 of 0 events"."""
    for option, value in (("--country", "U K"), ("--type", "ASSAUT"), ("--start", "May 1")):
        result = runner.invoke(app, ["query", "--db", store_url, option, value])
        assert result.exit_code == 2, (option, result.output)
        assert option in result.stderr
    # Types are matched whatever their case, as people type them.
    lower = runner.invoke(app, ["query", "--db", store_url, "-t", "sanction", "-f", "jsonl"])
    assert lower.exit_code == 0, lower.output
    assert {e["event_type"] for e in records(lower.stdout)} == {"SANCTION"}


def test_evaluate_names_a_missing_gold_file(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "gold-dev.jsonl"
    result = runner.invoke(app, ["evaluate", str(missing)])
    assert result.exit_code == 2
    assert result.stderr == f"cannot read gold file {missing}: No such file or directory\n"
    # The gold set the README points to is where it says.
    documented = re.search(r"newsevents evaluate (\S+)`", README.read_text(encoding="utf-8"))
    assert documented is not None and (ROOT / documented[1]).is_file()


def test_read_commands_refuse_a_missing_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("NEWSEVENTS_DB", raising=False)
    for command in (["query"], ["deals"], ["export", "-f", "csv"]):
        result = runner.invoke(app, command)
        assert result.exit_code == 2, command
        # One line, however long: messages are not wrapped at 80 columns.
        assert result.stderr.count("\n") == 1 and "no database at newsevents.db" in result.stderr
        assert not (tmp_path / "newsevents.db").exists(), command


def test_what_cannot_be_read_is_said_and_nothing_read_fails(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty.jsonl").write_text("", encoding="utf-8")
    for path in ("empty", "empty.jsonl"):
        result = runner.invoke(app, ["code", str(tmp_path / path), "-f", "jsonl"])
        assert result.exit_code == 1, path
        assert result.stdout == ""
        assert "nothing was read" in result.stderr
    empty = runner.invoke(app, ["code", str(tmp_path / "empty")]).stderr
    kinds = ".csv, .htm, .html, .jsonl, .parquet, .txt, .warc, .warc.gz"
    assert f"no {kinds} files in this folder" in empty
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "scan.pdf").write_bytes(b"%PDF-1.4")
    (inbox / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (inbox / "2024-06-25-kenya.txt").write_text(GOOD, encoding="utf-8")
    result = runner.invoke(app, ["code", str(inbox), "-f", "jsonl", "-j", "1"])
    assert result.exit_code == 0
    assert [r["doc_id"] for r in records(result.stdout) if r["record"] == "document"] == [
        "2024-06-25-kenya.txt"
    ]
    assert f"{inbox / 'scan.pdf'}: not read: file type '.pdf'" in result.stderr
    assert f"{inbox / 'photo.png'}: not read: file type '.png'" in result.stderr
    nothing = runner.invoke(app, ["ingest", str(tmp_path / "empty"),
                                  "--db", f"sqlite:///{tmp_path / 'x.db'}"])
    assert nothing.exit_code == 1 and "nothing was read" in nothing.stderr


@pytest.mark.parametrize(
    "command",
    [["export", "-f", "csv"], ["query"], ["query", "-f", "jsonl"], ["deals"]],
)
def test_a_closed_pipe_is_not_an_error(store_url: str, command: list[str]) -> None:
    """``newsevents export -f csv | head -1``: the reader has gone, which is not a failure."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # every write now fails with EPIPE, as after `head` exits
    try:
        done = run(*command, "--db", store_url, stdout=write_end)
    finally:
        os.close(write_end)
    assert (done.returncode, done.stderr) == (0, "")


def test_a_closed_pipe_ends_code_quietly() -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = run("code", str(SEED), "-f", "jsonl", "-j", "1", stdout=write_end)
    finally:
        os.close(write_end)
    assert (done.returncode, done.stderr) == (0, "")


def test_version_help_and_info_are_readable() -> None:
    version = runner.invoke(app, ["--version"])
    assert version.exit_code == 0 and version.stdout.strip() == f"newsevents {__version__}"
    for command in ([], ["evaluate"], ["code"]):
        shown = runner.invoke(app, [*command, "--help"]).stdout
        assert "--help" in shown and "<bool>" not in shown
    info = runner.invoke(app, ["info"])
    assert info.exit_code == 0
    assert "{" not in info.stdout and "[" not in info.stdout
    assert re.search(r"^tagging accuracy +0\.973$", info.stdout, re.MULTILINE)
    as_json = json.loads(runner.invoke(app, ["info", "--format", "json"]).stdout)
    assert as_json["accuracy"]["ents_f"] == pytest.approx(0.843, abs=1e-3)


def test_export_names_sectors_and_the_evidence_document(store_url: str) -> None:
    result = runner.invoke(app, ["export", "-f", "csv", "--db", store_url])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {"source_sector", "target_sector", "doc_id", "url"} <= set(rows[0])
    sanction = next(r for r in rows if r["event_type"] == "SANCTION" and r["target"] == "IRN"
                    and "drone engines" in r["sentence"])
    assert sanction["doc_id"] == "2026-02-05-iran-drone-sanctions.txt"
    nile = next(r for r in rows if "Abdelatty met" in r["sentence"])
    assert nile["url"] == "https://wire.example/2026/04/02/egypt-ethiopia-talks"
    assert "GOV" in nile["source_sector"].split("; ")


def test_stored_deals_show_their_value_and_evidence_is_cut_at_a_word(store_url: str) -> None:
    deals = runner.invoke(app, ["deals", "--db", store_url])
    assert deals.exit_code == 0, deals.output
    patriot = next(line for line in deals.stdout.splitlines() if "Patriot" in line)
    assert "6,200,000,000 USD" in patriot
    query = ["query", "-q", "drone", "engines", "--db", store_url]
    sentences = {e["sentence"] for e in records(runner.invoke(app, [*query, "-f", "jsonl"]).stdout)}
    table = runner.invoke(app, query, env={"COLUMNS": "400"})
    evidence = [line.split("│")[-2].strip() for line in table.stdout.splitlines()
                if line.startswith("│")]
    assert evidence and all(text.endswith("…") for text in evidence)
    for text in evidence:
        head = text.removesuffix("…")
        assert any(s.startswith(head) and s[len(head)] in " ,;:" for s in sentences), text


def test_clip_cuts_at_a_word_boundary() -> None:
    sentence = "Poland signed a $6.2 billion contract on Thursday for four Patriot batteries."
    assert clip(sentence, 200) == sentence
    assert clip(sentence, 30) == "Poland signed a $6.2 billion…"
    assert clip(sentence, 16) == "Poland signed a…"


def test_progress_says_the_model_is_loading_then_counts_against_a_known_total(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    screen = io.StringIO()
    monkeypatch.setattr(options, "err", options._Console(file=screen, force_terminal=True,
                                                         width=120))
    with options.progress(2, "articles") as advance:
        time.sleep(0.5)  # the display refreshes ten times a second
        assert "loading the language model" in screen.getvalue()
        advance(1)
        advance(1)
    last = screen.getvalue().rsplit("\r", 1)[-1]  # the display's final state
    assert re.search(r"coding.* 2/2 ", re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", last))
