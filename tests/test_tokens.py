"""The trained trigger detector (`events.tokens`): what it proposes beyond the lexicon, and that
the hand rules alone never use it."""

from __future__ import annotations

import math

import pytest

from newsevents import nlp
from newsevents.events.lexicon import Lexicon
from newsevents.events.tokens import NO_EVENT, TokenModel
from newsevents.events.triggers import find_candidates
from newsevents.models import EVENT_TYPES

GATHERED = ("Hundreds of farmers gathered in front of the agriculture ministry in Paris on "
            "Tuesday, demanding lower fuel taxes.")


@pytest.fixture(scope="module")
def detector() -> TokenModel:
    model = TokenModel.load()
    assert model is not None, "the package ships a trained trigger detector"
    return model


def test_it_gives_each_word_a_probability_for_every_type_and_for_no_event(
    detector: TokenModel,
) -> None:
    assert set(detector.classes) == {*EVENT_TYPES, NO_EVENT}
    sent = next(iter(nlp.load(())("Police arrested the mayor of the town on Friday.").sents))
    for token in sent:
        if token.pos_ in ("VERB", "NOUN"):
            assert math.isclose(sum(detector.probabilities(token, sent).values()), 1.0)
    mayor = detector.probabilities(next(t for t in sent if t.text == "mayor"), sent)
    assert max(mayor, key=mayor.__getitem__) == NO_EVENT


def test_a_verb_no_lexicon_names_becomes_a_candidate_of_its_likeliest_type(
    detector: TokenModel,
) -> None:
    lex = Lexicon.load(None, learned=True)
    assert "gather" not in lex.verbs
    sent = next(iter(nlp.load(())(GATHERED).sents))
    proposed = [c for c in find_candidates(sent, lex, detector) if c.proposed]
    assert [(c.token.text, c.event_type) for c in proposed] == [("gathered", "PROTEST")]
    assert proposed[0].token_p is not None and proposed[0].token_p >= detector.floor
    assert not [c for c in find_candidates(sent, lex) if c.token.text == "gathered"]


def test_the_hand_rules_alone_use_no_detector() -> None:
    rules = nlp.load(nlp.COMPONENTS, "rules")
    assert rules.get_pipe("newsevents_events").detector is None
    assert not [e for e in rules(GATHERED)._.events if e.trigger == "gathered"]
    hybrid = nlp.load(nlp.COMPONENTS, "hybrid")
    assert hybrid.get_pipe("newsevents_events").detector is not None
