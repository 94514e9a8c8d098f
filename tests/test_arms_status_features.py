"""The strings a learned model of a deal's status weighs (``arms.status_features``), the
written training passages (``corpus/arms/train.jsonl``) and the script that measures such a
model against the rules (``bench/arms_status_model.py``)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from spacy.language import Language

from newsevents import nlp as pipeline_nlp
from newsevents.arms import deals_for_doc
from newsevents.evaluation.arms import read_gold

ROOT = Path(__file__).resolve().parents[1]
TRAIN = ROOT / "corpus" / "arms" / "train.jsonl"


@pytest.fixture(scope="module")
def nlp() -> Language:
    return pipeline_nlp.load()


def features_of(nlp: Language, text: str) -> dict[str, list[str]]:
    kept: dict[str, list[str]] = {}
    deals_for_doc(nlp(text), status_features=kept)
    return kept


def test_features_name_the_rules_status_its_cue_verbs_and_the_order_of_stages(
        nlp: Language) -> None:
    kept = features_of(nlp, "Brazil signed a contract with Sweden to buy 36 Gripen fighters "
                            "in 2014. The first four Gripen jets arrived in Brazil this week.")
    assert len(kept) == 1
    feats = set(next(iter(kept.values())))
    assert "rule=delivering" in feats
    assert {"cue=sign", "cue=arrive", "stages=ordered>delivered", "r.partial=True",
            "r.first=True", "r.first=False"} <= feats
    assert any(f.startswith("gov0=") for f in feats)


def test_features_see_a_modal_and_a_negation_on_the_governing_verb(nlp: Language) -> None:
    feats = set(next(iter(features_of(
        nlp, "Germany will not deliver Taurus missiles to Ukraine.").values())))
    assert {"gov0=deliver", "gov0.modal=will", "gov0.neg=True"} <= feats


def test_reading_features_leaves_the_deals_as_they_are(nlp: Language) -> None:
    doc = nlp("Russia sold attack helicopters to Mali. The first two arrived in Bamako.")
    kept: dict[str, list[str]] = {}
    with_features = deals_for_doc(doc, status_features=kept)
    assert [d.model_dump() for d in with_features] == [d.model_dump() for d in doc._.deals]
    assert list(kept) == [d.deal_id for d in with_features]


def test_training_passages_read_as_gold_of_the_train_split() -> None:
    passages = read_gold(TRAIN)
    assert len(passages) >= 200
    assert {p.split for p in passages} == {"train"}
    assert len({p.id for p in passages}) == len(passages)
    assert not {p.id for p in passages} & {p.id for p in read_gold(
        ROOT / "corpus" / "arms" / "dev.jsonl")}


def _bench() -> object:
    spec = importlib.util.spec_from_file_location(
        "arms_status_model", ROOT / "bench" / "arms_status_model.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclass looks its module up
    spec.loader.exec_module(module)
    return module


def test_the_model_overrules_the_rules_only_where_it_is_confident() -> None:
    pytest.importorskip("sklearn")
    from sklearn.feature_extraction import DictVectorizer

    bench = _bench()
    Row = bench.Row  # type: ignore[attr-defined]
    # The rules say "ordered" for every deal; a word the rules miss says "cancelled".
    rows = [Row(f"p{i}", ["rule=ordered", "w=scrapped" if i % 2 else "w=signed"], "ordered",
                "cancelled" if i % 2 else "ordered") for i in range(20)]
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform([{f: 1 for f in r.features} for r in rows])
    c, threshold, accuracy = bench.choose(rows, x)  # type: ignore[attr-defined]
    assert accuracy == 1.0 and threshold < 1.0
    model = bench._fit(x, [r.gold for r in rows], c)  # type: ignore[attr-defined]
    test = vectorizer.transform([{"rule=ordered": 1, "w=scrapped": 1}, {"rule=ordered": 1}])
    assert bench.combine(model, test, ["ordered", "ordered"], 1.01) == ["ordered", "ordered"]  # type: ignore[attr-defined]
    assert bench.combine(model, test, ["ordered", "ordered"], threshold)[0] == "cancelled"  # type: ignore[attr-defined]
