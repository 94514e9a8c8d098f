"""`newsevents train` on a small slice of the corpus: it learns, it is reproducible, and the coder
applies what it wrote."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsevents import nlp
from newsevents.evaluation.corpus import GoldDocument, read_corpus
from newsevents.evaluation.training import train
from newsevents.events.learned import MODEL, EventModel
from newsevents.events.lexicon import LEARNED_TRIGGERS
from newsevents.events.tokens import TOKEN_MODEL, TokenModel

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "annotated"


def _slice() -> list[GoldDocument]:
    docs = list(read_corpus([CORPUS]))
    with_events = [d for d in docs if any(s.events for s in d.sentences)]
    train_docs = [d for d in with_events if d.split == "train"][:30]
    dev_docs = [d for d in with_events if d.split == "dev"][:10]
    return train_docs + dev_docs


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    folder = tmp_path_factory.mktemp("model")
    card = train(_slice(), folder)
    return folder, card


def test_training_writes_a_model_and_triggers_from_the_train_split(
    trained: tuple[Path, dict],
) -> None:
    folder, card = trained
    assert card["trained_on"]["documents"] == 30
    assert card["chosen_on_dev"]["documents"] == 10
    model = json.loads((folder / MODEL).read_text())
    assert model["weights"] and 0 < model["threshold"] < 1
    lines = (folder / LEARNED_TRIGGERS).read_text().splitlines()
    header = next(line for line in lines if not line.startswith("#"))
    assert header.split("\t")[:3] == ["lemma", "pos", "event_type"]
    detector = TokenModel.load(folder)
    assert detector is not None and "NONE" in detector.classes and detector.rows
    assert card["trained_on"]["detector"]["words"] > 100


def test_training_is_reproducible(trained: tuple[Path, dict], tmp_path: Path) -> None:
    folder, _ = trained
    train(_slice(), tmp_path)
    for name in (MODEL, LEARNED_TRIGGERS, TOKEN_MODEL):
        assert (tmp_path / name).read_bytes() == (folder / name).read_bytes()


def test_the_coder_applies_the_model_it_is_given(
    trained: tuple[Path, dict], tmp_path: Path
) -> None:
    folder, _ = trained
    text = "Police in Lagos arrested twelve protesters on Monday."
    rules = nlp.load(nlp.COMPONENTS, "rules", str(folder))(text)
    assert any(e.event_type == "COERCE" for e in rules._.events)
    # The same model with thresholds nothing passes: every asserted event is dropped.
    strict = json.loads((folder / MODEL).read_text())
    strict["threshold"] = strict["rules_threshold"] = 1.0
    (tmp_path / MODEL).write_text(json.dumps(strict))
    for name in (LEARNED_TRIGGERS, TOKEN_MODEL):
        (tmp_path / name).write_bytes((folder / name).read_bytes())
    coded = nlp.load(nlp.COMPONENTS, "hybrid", str(tmp_path))(text)
    assert not [e for e in coded._.events if e.factual]
    model = EventModel.load(tmp_path)
    assert model is not None and model.threshold == model.rules_threshold == 1.0


def test_the_choice_keeps_the_no_event_floor_and_then_takes_the_best_macro_f1() -> None:
    """Among the choices that keep 95% of dev's no-event sentences clean, the best macro-F1
    wins, whatever a choice under the floor would give; micro-F1 settles ties. Only where no
    choice reaches the floor does a point of clean sentences weigh as two points of F1. The
    gold set's and the precision floor come first."""
    from newsevents.evaluation.training import Choice, choose

    def choice(clean: float, f1: float, macro: float, gold: float = 0.72,
               precision: float = 0.9) -> Choice:
        return Choice(None, 1.0, 0.5, 0.2, precision, f1, clean, gold, 0.0, macro)

    clean, better_under = choice(0.951, 0.70, 0.64), choice(0.949, 0.72, 0.66)
    assert choose([clean, better_under]) is clean
    assert choose([clean, choice(0.99, 0.69, 0.65)]).clean == 0.99
    assert choose([clean, choice(0.96, 0.71, 0.64)]).f1 == 0.71
    assert choose([clean, choice(0.999, 0.99, 0.9, gold=0.65)]) is clean
    assert choose([clean, choice(0.999, 0.99, 0.9, precision=0.7)]) is clean
    near, far = choice(0.932, 0.66, 0.6), choice(0.899, 0.70, 0.64)
    assert choose([near, far]) is near  # 3.3 points of clean sentences outweigh 4 of F1
    assert choose([near, choice(0.941, 0.62, 0.6)]) is near


def test_rarer_types_weigh_more_and_no_event_weighs_one() -> None:
    """A type a quarter as common as the commonest weighs 4 ** alpha; alpha 0 weighs all
    alike, and the words of no event keep weight 1 however many they are."""
    from newsevents.evaluation.training import type_weights

    labels = ["ASSAULT"] * 8 + ["AID"] * 2 + ["NONE"] * 50
    weights = type_weights(labels, 0.5)
    assert weights["ASSAULT"] == 1.0
    assert weights["AID"] == pytest.approx(2.0)
    assert weights["NONE"] == 1.0
    assert set(type_weights(labels, 0.0).values()) == {1.0}


def test_the_card_says_which_type_weights_were_chosen(trained: tuple[Path, dict]) -> None:
    from newsevents.evaluation.training import TYPE_ALPHAS

    _, card = trained
    assert card["chosen_on_dev"]["type_alpha"] in TYPE_ALPHAS


def test_training_keeps_the_events_the_coder_keeps() -> None:
    """A recoded reading stays whatever the model says, but a promise read off "will" (AGREE)
    the model all but rules out goes, in training as in the coder; others pass by threshold."""
    from newsevents.evaluation.training import Example, keep
    from newsevents.events import PROMISE_FLOOR

    recoded = ["recoded=True", "rules_ok=True"]
    threat = Example(recoded, True, True, ("d", 0), "THREATEN", True, ("d", 1))
    promise = Example(recoded, False, True, ("d", 0), "AGREE", True, ("d", 2))
    plain = Example(["rules_ok=True"], True, True, ("d", 0), "ASSAULT", True, ("d", 3))
    low = PROMISE_FLOOR / 2
    kept = keep([threat, promise, plain], [low, low, 0.5], threshold=0.8, rules_threshold=0.4)
    assert {e.event_type for e in kept} == {"THREATEN", "ASSAULT"}
    kept = keep([promise, plain], [PROMISE_FLOOR, 0.3], threshold=0.8, rules_threshold=0.4)
    assert [e.event_type for e in kept] == ["AGREE"]
