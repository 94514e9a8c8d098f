"""The learned role step: a side the rules leave empty is filled by the likeliest actor
mention of the sentence, from a model stored as data."""

from __future__ import annotations

import json
from pathlib import Path

from spacy.tokens import Span

from newsevents import code, nlp
from newsevents.evaluation.role_training import RoleRow, _examples, filled_right
from newsevents.events.roles import ROLE_MODEL, RoleModel, candidates, pick


def _sentence(text: str) -> Span:
    return next(nlp.load(("newsevents_actors",))(text).sents)


def test_a_model_file_loads_and_fills_an_empty_side(tmp_path: Path) -> None:
    table = {"weights": {"source": {"case=by": 4.0}, "target": {"case=nsubjpass": 4.0}},
             "bias": {"source": -2.0, "target": -2.0}, "fill": {"source": 0.5, "target": 0.5}}
    (tmp_path / ROLE_MODEL).write_text(json.dumps(table), encoding="utf-8")
    model = RoleModel.load(tmp_path)
    assert model is not None
    sent = _sentence("Greek fishermen were rammed on Sunday by Turkish trawlers.")
    trigger = next(t for t in sent if t.lower_ == "rammed")
    sources, targets = model.assign(sent, trigger, "ASSAULT", [], [])
    assert [a.country for a in sources] == ["TUR"]
    assert [a.country for a in targets] == ["GRC"]


def test_a_side_the_rules_found_is_kept(tmp_path: Path) -> None:
    sent = _sentence("Greek fishermen were rammed on Sunday by Turkish trawlers.")
    trigger = next(t for t in sent if t.lower_ == "rammed")
    found = candidates(sent, trigger, "ASSAULT", [], [])
    greek = next(c.actor for c in found if c.code == "GRC")
    model = RoleModel({"source": {"case=by": 9.0}, "target": {}}, {"source": 0.0, "target": -9.0},
                      {"source": 0.5, "target": 0.5})
    sources, targets = model.assign(sent, trigger, "ASSAULT", [greek], [])
    assert sources == [greek] and targets == []


def test_the_rules_pick_is_a_feature_of_each_role() -> None:
    sent = _sentence("Kenyan police detained two Ugandan traders at the market.")
    trigger = next(t for t in sent if t.lower_ == "detained")
    kenya, uganda = (next(c for c in candidates(sent, trigger, "COERCE", [], []) if c.code == code)
                     for code in ("KEN", "UGA"))
    found = {c.code: c for c in candidates(sent, trigger, "COERCE", [kenya.actor], [])}
    assert "rule=this" in found["KEN"].features["source"]
    assert "rule=other" in found["KEN"].features["target"]
    assert "rule=none" in found["UGA"].features["source"]
    assert "path=>nsubj" in kenya.features["source"]
    assert "path=>dobj" in uganda.features["target"]


def test_the_coder_fills_a_source_the_rules_leave_empty() -> None:
    text = "Kenya said the raid by Somali gunmen killed two officers."
    by_rules = [e for e in code(text, learned=False).events if e.trigger == "killed"]
    assert by_rules and not by_rules[0].source
    learned = [e for e in code(text).events if e.trigger == "killed"]
    assert [a.country for a in learned[0].source] == ["SOM"]


def test_one_mention_fills_one_side_only() -> None:
    fill = {"source": 0.5, "target": 0.5}
    assert pick({"source": [0.9, 0.6], "target": [0.8, 0.2]}, fill) == (0, None)
    assert pick({"source": [0.9, 0.6], "target": [0.8, 0.7]}, fill) == (0, 1)
    assert pick({"source": [0.6, 0.1], "target": [0.8, 0.2]}, fill) == (None, 0)
    assert pick({"source": [], "target": [0.3, 0.7]}, fill) == (None, 1)


def _row(gold_target: set[str] | None) -> RoleRow:
    """An event whose rules found a source (FRA) and no target, with one candidate (DEU)."""
    return RoleRow("doc", True, {"source": {"FRA"}, "target": gold_target},
                   {"source": {"FRA"}, "target": set()}, {"source": False, "target": True},
                   [("DEU", {"source": ["case=of"], "target": ["case=of"]})], [{}])


def test_a_fill_where_gold_names_no_actor_counts_wrong_strict_and_is_not_scored() -> None:
    rows, scores = [_row(None), _row({"DEU"})], [{"source": [0.9], "target": [0.9]}] * 2
    filled = filled_right(rows, scores, "target", {"source": 2.0, "target": 0.5})
    assert (filled.sides, filled.right, filled.scored, filled.scored_right) == (2, 1, 1, 1)
    empty = filled_right(rows, scores, "target", {"source": 2.0, "target": 2.0})
    assert (empty.sides, empty.right, empty.scored, empty.scored_right) == (2, 1, 1, 0)


def test_candidates_of_a_side_gold_leaves_empty_are_learned_as_wrong() -> None:
    assert _examples([_row(None), _row({"DEU"})], "target")[1] == [False, True]
    assert _examples([_row(None)], "source")[1] == [False]
    kept_by_rules = RoleRow("doc", True, {"source": None, "target": None},
                            {"source": {"FRA"}, "target": set()},
                            {"source": False, "target": True}, [("DEU", {"source": [],
                                                                         "target": []})], [{}])
    assert _examples([kept_by_rules], "source") == ([], [])
