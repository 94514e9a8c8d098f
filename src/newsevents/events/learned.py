"""The learned half of event coding: how likely an event the rules found is to be right.

The rules find triggers and read arguments off the parse; on real news they also fire on
idioms, business and sport senses, statistics and irrealis. A logistic model trained on the
annotated corpus (`corpus/annotated/`, train split) scores each rule event from what the rules
saw: the trigger and its type, the words around it, its syntactic role, the modality cues
and whether actors were found. Its probability becomes the event's confidence, and events under
the threshold (chosen on the dev split) are dropped. The model is plain data,
`data/en/events/model.json` (feature -> weight), applied with a dot product: no learning library is
needed at run time, and `newsevents train` rebuilds the file from the corpus.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import repeat
from pathlib import Path

from spacy.tokens import Span, Token

from newsevents.events.syntax import lemma
from newsevents.models import Actor
from newsevents.spans import per_sentence
from newsevents.tables import data_path

MODEL = "model.json"
WINDOW = 3
SENTENCE_FEATURES = "newsevents.events.sentence_features"


def features(
    sent: Span,
    token: Token,
    event_type: str,
    mode: str | None,
    sources: Sequence[Actor],
    targets: Sequence[Actor],
    negated: bool,
    hypothetical: bool,
    *,
    attributed: bool,
    rules_ok: bool,
    learned_trigger: bool,
    recoded: bool = False,
    lexicon_type: str,
    modal_word: str | None,
    token_p: float | None = None,
    proposed: bool = False,
) -> list[str]:
    """The strings a rule event is scored by; each stands for a weight in the model.

    ``rules_ok`` says whether the rules alone would keep the event (it has the actors they
    need); ``learned_trigger`` whether its trigger came from the learned table;
    ``lexicon_type`` is the trigger's own type before modality recoded it ("threatened to
    cancel": SANCTION read as THREATEN), ``modal_word`` the modal or intent word that did.
    ``token_p`` is the trained trigger detector's probability of the type for the word,
    ``proposed`` whether the detector alone found it.
    """
    trig = lemma(token)
    out = [
        f"type={event_type}", f"lemma={trig}", f"type|lemma={event_type}|{trig}",
        f"type|mode={event_type}|{mode}", f"pos={token.pos_}", f"tag={token.tag_}",
        f"dep={token.dep_}", f"type|dep={event_type}|{token.dep_}",
        f"head={lemma(token.head)}", f"type|head={event_type}|{lemma(token.head)}",
        f"src={bool(sources)}", f"tgt={bool(targets)}",
        f"type|src|tgt={event_type}|{bool(sources)}|{bool(targets)}",
        f"negated={negated}", f"hypothetical={hypothetical}", f"attributed={attributed}",
        f"type|hyp={event_type}|{hypothetical or negated}",
        f"rules_ok={rules_ok}", f"type|rules_ok={event_type}|{rules_ok}", f"recoded={recoded}",
        f"learned={learned_trigger}", f"recode={lexicon_type}>{event_type}",
        f"modal={modal_word}", f"type|modal={event_type}|{modal_word}",
        f"tok={_bucket(token_p)}", f"type|tok={event_type}|{_bucket(token_p)}",
        # The detector scores a hand-lexicon trigger in wording it was never trained on
        # ("lifted a night curfew") low: its score weighs apart for the two kinds of trigger.
        f"learned|tok={learned_trigger}|{_bucket(token_p)}",
        f"type|learned|tok={event_type}|{learned_trigger}|{_bucket(token_p)}",
        f"proposed={proposed}",
    ]
    for role, actors in (("src", sources), ("tgt", targets)):
        for actor in actors[:2]:
            out.append(f"{role}.sector={actor.sector}")
            out.append(f"{role}.coded={bool(actor.country or actor.igo)}")
            out.append(f"type|{role}.sector={event_type}|{actor.sector}")
    for child in token.children:
        out.append(f"child={child.dep_}|{lemma(child)}")
    doc = sent.doc
    for offset in range(-WINDOW, WINDOW + 1):
        i = token.i + offset
        if offset and sent.start <= i < sent.end:
            out.append(f"w{offset}={doc[i].lower_}")
            out.append(f"type|w{'-' if offset < 0 else '+'}={event_type}|{doc[i].lemma_.lower()}")
    out.extend(typed(event_type, _sentence_features(sent)))
    return out


def typed(event_type: str, sentence_features: list[str]) -> list[str]:
    """The sentence's features, its words also crossed with the candidate's type: one weight
    per word serves every type alike, while "troops" or "vaccine" in a sentence speak for an AID
    candidate and against a PROTEST one. (On dev, against the words alone: macro-F1 of
    asserted types 0.650 -> 0.668 and real-text no-event sentences clean 0.953 -> 0.956, at
    the same floors.)"""
    return [*sentence_features,
            *(f"type|{f}|{event_type}" for f in sentence_features if f.startswith("s="))]


def _sentence_features(sent: Span) -> list[str]:
    """The sentence's content words and length, read once per sentence (a sentence has
    several candidates) and kept in the document."""
    return per_sentence(sent, SENTENCE_FEATURES, _read_sentence_features)


def _read_sentence_features(sent: Span) -> list[str]:
    words = {t.lemma_.lower() for t in sent if t.is_alpha and not t.is_stop}
    return [*(f"s={word}" for word in words), f"sent.len={min(len(sent) // 10, 5)}"]


def _bucket(p: float | None) -> str:
    """A probability in tenths: the model weighs each band on its own."""
    return "none" if p is None else str(min(int(p * 10), 9))


def logistic(bias: float, weights: Mapping[str, float], feats: Iterable[str]) -> float:
    """A logistic model's probability: each distinct feature string counts once, an unknown one
    weighs nothing (the event and role models are both applied this way)."""
    score = bias + sum(map(weights.get, set(feats), repeat(0.0)))
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))


@dataclass(frozen=True)
class EventModel:
    """Weights of the logistic model and the keep thresholds chosen on the dev split: one for
    events the hand rules would code on their own, one for every other candidate."""

    weights: dict[str, float]
    bias: float
    threshold: float
    rules_threshold: float

    def keeps(self, probability: float, rules_keep: bool) -> bool:
        return probability >= (self.rules_threshold if rules_keep else self.threshold)

    def probability(self, feats: Sequence[str]) -> float:
        return logistic(self.bias, self.weights, feats)

    @classmethod
    @cache
    def load(cls, folder: Path | None = None) -> EventModel | None:
        """The model in ``folder`` (default: the shipped one), or None where none was trained:
        the rules then decide alone."""
        path = (folder or data_path("events", "")) / MODEL
        if not path.is_file():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(weights=data["weights"], bias=data["bias"], threshold=data["threshold"],
                   rules_threshold=data.get("rules_threshold", data["threshold"]))
