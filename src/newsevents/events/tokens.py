"""A trained trigger detector: how likely each verb or noun is to be the trigger of each type.

The hand lexicon names a few hundred trigger words; real news says the same things in many
more ("confessed", "extradited to", "called upon", "donated by"), and most events of the
cooperative and verbal types in the annotated corpus have a trigger no table lists. This
model reads a word in its sentence (its lemma, part of speech, role in the parse, its head
and dependents, the words beside it) and gives a probability for each PLOVER type and for
no event. Words the lexicon misses become candidates when one type is likely enough
(``floor``), and every candidate's probability is a feature of the event model
(``learned.features``), which decides what is kept.

The model is plain data, `data/en/events/token_model.json` (feature -> one weight per class),
applied with dot products and a softmax; `newsevents train` fits it (multinomial logistic
regression) on the train split of `corpus/annotated/`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np
from spacy.tokens import Span, Token

from newsevents.events.syntax import lemma
from newsevents.tables import data_path

TOKEN_MODEL = "token_model.json"
NO_EVENT = "NONE"
POS = frozenset({"VERB", "NOUN"})
# Dependents that say what a word is doing: its particle and prepositions ("call upon",
# "hand over to"), its object and subject, a clause it governs, negation and auxiliaries.
DEPENDENTS = frozenset({
    "prt", "prep", "dobj", "nsubj", "nsubjpass", "xcomp", "ccomp", "neg", "aux", "agent",
    "dative", "compound", "amod",
})


def token_features(token: Token, sent: Span) -> list[str]:
    """The strings a word of ``sent`` is read by; each stands for one weight per class in
    the model. (The sentence is passed in: ``token.sent`` walks the document each time.)"""
    word, head = lemma(token), lemma(token.head)
    out = [
        f"l={word}", f"pos={token.pos_}", f"tag={token.tag_}", f"dep={token.dep_}",
        f"l|dep={word}|{token.dep_}", f"h={head}", f"l|h={word}|{head}",
    ]
    for child in token.children:
        if child.dep_ in DEPENDENTS:
            out.append(f"c={child.dep_}|{lemma(child)}")
            out.append(f"l|c={word}|{child.dep_}|{lemma(child)}")
            if child.ent_type_:
                out.append(f"ce={child.dep_}|{child.ent_type_}")
    doc = token.doc
    for offset in (-2, -1, 1, 2):
        i = token.i + offset
        if sent.start <= i < sent.end:
            out.append(f"w{offset}={doc[i].lower_}")
    return out


@dataclass(frozen=True)
class TokenModel:
    """Weights of a multinomial logistic model over ``token_features``, and the probability
    at which a word the lexicon misses becomes a candidate."""

    classes: tuple[str, ...]
    bias: np.ndarray
    rows: dict[str, int]
    """feature -> its row in ``weights``"""
    weights: np.ndarray
    """one row per feature, one column per class; the last row is zeros"""
    floor: float

    def probabilities(self, token: Token, sent: Span) -> dict[str, float]:
        return self.sentence_probabilities(sent, [token])[token.i]

    def sentence_probabilities(
        self, sent: Span, tokens: list[Token] | None = None
    ) -> dict[int, dict[str, float]]:
        """Every verb and noun of ``sent`` (or ``tokens``) at once, by token index: one
        matrix product per sentence costs a fraction of one per word."""
        if tokens is None:
            tokens = [t for t in sent if t.pos_ in POS]
        if not tokens:
            return {}
        zero = len(self.weights) - 1  # every word has a row, so no segment is empty
        rows: list[int] = []
        starts: list[int] = []
        for token in tokens:
            starts.append(len(rows))
            rows.append(zero)
            rows.extend({i for f in token_features(token, sent)
                         if (i := self.rows.get(f)) is not None})
        scores = self.bias + np.add.reduceat(self.weights[rows], starts, axis=0)
        exps = np.exp(scores - scores.max(axis=1, keepdims=True))
        probs = (exps / exps.sum(axis=1, keepdims=True)).tolist()
        return {token.i: dict(zip(self.classes, p, strict=True))
                for token, p in zip(tokens, probs, strict=True)}

    def likeliest(self, probs: dict[str, float]) -> tuple[str, float] | None:
        """The likeliest event type of a word's ``probabilities``, when it reaches the floor."""
        etype = max((c for c in self.classes if c != NO_EVENT), key=probs.__getitem__)
        return (etype, probs[etype]) if probs[etype] >= self.floor else None

    @classmethod
    @cache
    def load(cls, folder: Path | None = None) -> TokenModel | None:
        """The model in ``folder`` (default: the shipped one), or None where none was trained."""
        path = (folder or data_path("events", "")) / TOKEN_MODEL
        if not path.is_file():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        names = list(data["weights"])
        return cls(classes=tuple(data["classes"]), bias=np.asarray(data["bias"]),
                   rows={name: i for i, name in enumerate(names)},
                   weights=np.asarray([data["weights"][n] for n in names]
                                      + [[0.0] * len(data["classes"])]),
                   floor=data["floor"])
