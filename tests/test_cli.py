"""The ``newsevents`` command on real files, good and bad."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsevents.cli import app

from .conftest import SEED, SHARED

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
