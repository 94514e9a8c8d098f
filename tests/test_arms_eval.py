"""The arms scorer (``newsevents.evaluation.arms``) and its script, ``bench/arms_eval.py``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from newsevents.evaluation.arms import GoldPassage, read_gold, score
from newsevents.models import ArmsTransfer, Party, WeaponSystem

BENCH = Path(__file__).resolve().parents[1] / "bench" / "arms_eval.py"


def transfer(supplier: str, recipient: str, name: str | None, status: str, *,
             category: str = "aircraft", quantity: int | None = None,
             deal_id: str = "d1", replaces: str | None = None) -> ArmsTransfer:
    return ArmsTransfer(
        deal_id=deal_id, doc_id="p", supplier=Party(country=supplier),
        recipient=Party(country=recipient),
        system=WeaponSystem(name=name, mention=name or category, category=category),
        quantity=quantity, status=status, replaces=replaces)  # type: ignore[arg-type]


def passage(*deals: dict) -> GoldPassage:
    return GoldPassage.model_validate({"id": "p", "text": "...", "deals": list(deals)})


def test_counts_found_extra_missed_and_optional_deals() -> None:
    gold = passage(
        {"supplier": "FRA", "recipient": "IND", "system": "Rafale", "status": "delivering",
         "quantity": 36},
        {"supplier": "RUS", "recipient": "IND", "system": "S-400 Triumf", "status": "ordered"},
        {"supplier": "FRA", "recipient": "QAT", "system": "Rafale", "status": "ordered",
         "optional": True},
    )
    produced = [
        transfer("FRA", "IND", "Rafale", "delivered", quantity=36, deal_id="a"),
        transfer("FRA", "QAT", "Rafale", "ordered", deal_id="b"),  # optional: not counted
        transfer("USA", "IND", None, "ordered", deal_id="c"),  # extra
    ]
    result = score([gold], {"p": produced})
    assert (result.found, result.produced, result.gold) == (1, 2, 2)
    assert (result.status.right, result.status.scored) == (0, 1)
    assert (result.quantity.right, result.quantity.scored) == (1, 1)
    assert result.precision == pytest.approx(0.5) and result.recall == pytest.approx(0.5)
    assert any("missed RUS->IND s-400 triumf" in e for e in result.errors)
    assert any("extra USA->IND aircraft" in e for e in result.errors)


def test_the_replacement_link_must_name_the_cancelled_deal() -> None:
    gold = passage(
        {"supplier": "RUS", "recipient": "IDN", "system": "Su-35", "status": "cancelled"},
        {"supplier": "FRA", "recipient": "IDN", "system": "Rafale", "status": "proposed",
         "replaces": "Su-35"},
    )
    right = [transfer("RUS", "IDN", "Su-35", "cancelled", deal_id="old"),
             transfer("FRA", "IDN", "Rafale", "proposed", deal_id="new", replaces="old")]
    wrong = [right[0], transfer("FRA", "IDN", "Rafale", "proposed", deal_id="new")]
    assert score([gold], {"p": right}).replaces.right == 1
    assert score([gold], {"p": wrong}).replaces.right == 0


def test_unknown_status_in_gold_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    row = {"id": "p", "text": "x", "deals": [
        {"supplier": "FRA", "recipient": "IND", "system": "Rafale", "status": "sold"}]}
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"gold\.jsonl:1"):
        read_gold(path)


def test_split_keeps_its_passages(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    rows = [{"id": "a", "text": "x", "split": "dev"}, {"id": "b", "text": "y", "split": "test"}]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    assert [p.id for p in read_gold(path, "test")] == ["b"]


@pytest.mark.parametrize(("content", "message"), [
    (None, "No such file"),
    (b"{not json\n", "gold.jsonl:1"),
    (b"\xff\xfe\x00binary", "gold.jsonl"),
    (b"", "no passages"),
])
def test_bench_script_reports_bad_gold_files(tmp_path: Path, content: bytes | None,
                                             message: str) -> None:
    path = tmp_path / "gold.jsonl"
    if content is not None:
        path.write_bytes(content)
    done = subprocess.run([sys.executable, str(BENCH), str(path)], capture_output=True,
                          text=True, check=False)
    assert done.returncode != 0
    assert message in done.stderr and "Traceback" not in done.stderr
