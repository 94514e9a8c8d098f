"""`newsevents train` on a small slice of the corpus: it learns, it is reproducible, and the coder
applies what it wrote."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsevents import nlp
from newsevents.evaluation.corpus import GoldDocument, read_corpus
from newsevents.evaluation.training import (
    Choice,
    Example,
    Scorer,
    Scores,
    choose,
    keep,
    no_event_clean,
    train,
    type_scores,
)
from newsevents.events.learned import MODEL, EventModel
from newsevents.events.lexicon import LEARNED_TRIGGERS
from newsevents.events.roles import ROLE_MODEL, RoleModel
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
    assert card["chosen"]["dev"]["documents"] == 10
    assert card["chosen"]["train_out_of_fold"]["documents"] == 30
    model = json.loads((folder / MODEL).read_text())
    assert model["weights"] and 0 < model["threshold"] < 1
    lines = (folder / LEARNED_TRIGGERS).read_text().splitlines()
    header = next(line for line in lines if not line.startswith("#"))
    assert header.split("\t")[:3] == ["lemma", "pos", "event_type"]
    detector = TokenModel.load(folder)
    assert detector is not None and "NONE" in detector.classes and detector.rows
    assert card["trained_on"]["detector"]["words"] > 100


def test_training_writes_the_role_model(trained: tuple[Path, dict]) -> None:
    folder, card = trained
    roles = RoleModel.load(folder)
    assert roles is not None and roles.weights["source"] and roles.weights["target"]
    assert card["roles"]["source"]["examples"] > 0
    held_out = card["roles"]["target"]["train_out_of_fold_real"]
    assert 0 < held_out["scored"] <= held_out["sides"]
    assert held_out["right"] <= held_out["sides"] and held_out["scored_right"] <= held_out["scored"]


def test_training_is_reproducible(trained: tuple[Path, dict], tmp_path: Path) -> None:
    folder, _ = trained
    train(_slice(), tmp_path)
    for name in (MODEL, LEARNED_TRIGGERS, TOKEN_MODEL, ROLE_MODEL):
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


def _scores(assault: int, aid: int, wrong: int = 0, hit: int = 2, scale: int = 1) -> Scores:
    """Scores over 96 ASSAULT and 4 AID gold events and 100 sentences without one (times
    ``scale``): the right events found of each, the wrong ones coded, the empty sentences
    hit."""
    return Scores({"ASSAULT": assault, "AID": aid}, {"ASSAULT": assault + wrong, "AID": aid},
                  {"ASSAULT": 96 * scale, "AID": 4 * scale}, hit, 100 * scale)


def _choice(dev: Scores, train: Scores | None = None, gold: float = 0.72) -> Choice:
    return Choice(None, 1.0, 0.5, 0.2, dev, train or dev, gold, 0.0)


def test_the_choice_keeps_the_floors_and_then_takes_the_best_macro_f1() -> None:
    """Among the choices that keep 95% of dev's no-event sentences clean, the best macro-F1
    wins, whatever a choice under the floor would give. Only where no choice reaches the
    floor does a point of clean sentences weigh as two points of F1. The gold set's and the
    precision floor come first."""
    clean = _choice(_scores(84, 2, hit=4))
    assert choose([clean, _choice(_scores(86, 3, hit=6))]) is clean  # 94% clean
    better = _choice(_scores(84, 3, hit=1))
    assert choose([clean, better]) is better
    assert choose([clean, _choice(_scores(94, 4, hit=0), gold=0.65)]) is clean
    assert choose([clean, _choice(_scores(94, 4, wrong=40, hit=0))]) is clean  # precision
    near, far = _choice(_scores(84, 2, hit=7)), _choice(_scores(85, 3, hit=10))
    assert choose([near, far]) is near  # 3 points of clean sentences (6 of F1) outweigh 5.5


def test_the_choice_is_judged_on_train_out_of_fold_and_dev_together() -> None:
    """A choice that does best on dev alone loses to one that does better on the two splits
    pooled: train out of fold holds four times dev's documents."""
    on_dev = _choice(_scores(84, 3), _scores(336, 8, scale=4))
    pooled = _choice(_scores(84, 2), _scores(336, 10, scale=4))
    assert on_dev.dev.macro > pooled.dev.macro
    assert choose([on_dev, pooled]) is pooled
    assert choose([on_dev, _choice(_scores(84, 2), _scores(336, 8, scale=4))]) is on_dev


def test_the_choice_keeps_the_train_splits_no_event_sentences_clean_out_of_fold() -> None:
    """Of the choices that keep dev's floors, one that leaves 94% of the train split's no-event
    sentences clean out of fold wins over a better macro-F1 at 90%: dev flatters the model,
    and the train split out of fold is what unseen text gives. Where no choice keeps 93% (92%
    here), the best macro-F1 wins as before."""
    flattered = _choice(_scores(84, 3, hit=1), _scores(336, 12, hit=40, scale=4))
    held = _choice(_scores(84, 2, hit=1), _scores(336, 8, hit=24, scale=4))
    assert flattered.train.macro > held.train.macro and flattered.train.clean < 0.93
    assert choose([flattered, held]) is held
    short = _choice(_scores(84, 2, hit=1), _scores(336, 8, hit=32, scale=4))
    assert choose([flattered, short]) is flattered


def test_the_choice_keeps_the_recall_of_the_common_types() -> None:
    """A choice that buys the rarer types' F1 with the common types' events is not taken:
    each type with 5% of the gold events or more keeps its recall within three points of the
    best choice's."""
    keeps = _choice(_scores(88, 1))
    loses_assault = _choice(_scores(84, 3))
    assert loses_assault.dev.macro > keeps.dev.macro
    assert choose([keeps, loses_assault]) is keeps
    assert choose([keeps, _choice(_scores(86, 3))]).dev.right["AID"] == 3


def test_the_scorer_counts_as_keep_and_the_scores_do() -> None:
    """The array scorer keeps the events ``keep`` keeps (one reading per word, the likeliest)
    and counts them as ``type_scores`` and ``no_event_clean``."""
    events = [
        Example(["rules_ok=True"], True, True, ("d", 0), "ASSAULT", True, ("d", 1)),
        Example([], False, True, ("d", 0), "PROTEST", False, ("d", 1)),
        Example([], False, True, ("d", 1), "ACCUSE", False, ("d", 4)),
        Example([], True, True, ("e", 0), "AID", False, None),
        Example([], False, False, ("e", 1), "AID", False, ("e", 2)),
    ]
    gold = {(("d", 0), "ASSAULT"), (("e", 0), "AID"), (("e", 2), "AID")}
    empty = {("d", 1), ("e", 1)}
    probs = [0.4, 0.7, 0.6, 0.9, 0.95]
    scorer = Scorer(events, gold, empty)
    pairs = [(0.5, 0.3), (0.65, 0.3), (0.95, 0.5), (0.5, 0.5)]
    for threshold, rules_threshold, scores in scorer.grid(probs, pairs):
        kept = keep(events, probs, threshold, rules_threshold)
        precision, micro, macro = type_scores(kept, gold)
        assert (scores.precision, scores.micro) == pytest.approx((precision, micro))
        assert scores.macro == pytest.approx(macro)
        assert scores.clean == pytest.approx(no_event_clean(kept, empty))


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
    assert card["chosen"]["type_alpha"] in TYPE_ALPHAS


def test_training_keeps_the_events_the_coder_keeps() -> None:
    """A recoded reading stays whatever the model says, but a promise read off "will" (AGREE)
    the model all but rules out goes, in training as in the coder; others pass by threshold."""
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
