"""The learned half of reading an event's source and target.

The hand rules (``arguments``) read each side off the parse; where a phrasing they do not know
leaves a side empty, the sentence often still names the actor ("Iraqi forces" before "shelling
by" the trigger, a country after "against"). Each actor mention of the event's sentence that
the actors stage places in a country or an IGO is a candidate; a logistic model per role,
trained on the annotated corpus (`corpus/annotated/`, train split) by `newsevents train`,
scores it from its path to the trigger, its distance and side, the preposition heading it, the
trigger's voice and type and whether the rules chose it for either side. The likeliest
candidate over the role's threshold fills a side the rules gave no actor (``pick``). The
model also learns from sides the gold leaves empty, and the threshold (chosen on the dev split
and the train split out of fold) counts such a side right only when it stays empty: a fill is
made where it is more often right than no actor, not wherever a candidate exists. The model
is plain data, `data/en/events/roles.json` (feature -> weight), applied with a dot product.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Protocol

from spacy.tokens import Span, Token

from newsevents.events.learned import logistic
from newsevents.events.lexicon import Lexicon
from newsevents.events.syntax import SUBJECTS, is_passive, lemma
from newsevents.models import Actor
from newsevents.tables import data_path

ROLE_MODEL = "roles.json"
ROLES = ("source", "target")
ROLE_CANDIDATES = "newsevents.role_candidates"
"""user_data key: by event id, the rules' sources and targets and the role candidates
(``Candidate``), kept for training where the events component is told to
(``EventCoder.collect_roles``)."""
PATH_CAP = 4
"""Dependency steps beyond which a path is only "long": longer paths are too rare to weigh."""
NOT_ACTORS = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"})
PLACES = frozenset({"GPE", "LOC", "FAC"})
MODIFIERS = frozenset({"compound", "amod", "poss", "nmod", "conj", "appos"})
"""Links from a mention to the phrase it is part of ("U.S." in "U.S. troops")."""


@dataclass(frozen=True)
class Candidate:
    """An actor mention of the sentence, with the strings each role weighs it by."""

    actor: Actor
    code: str
    features: dict[str, list[str]]
    barred: dict[str, frozenset[str]] = field(default_factory=dict)
    """why the mention may not fill a role (``barred``): reason -> the roles it bars"""


class Coded(Protocol):
    """An actor as coded or as annotated: both are scored by the same code."""

    igo: str | None
    country: str | None


def code_of(actor: Coded) -> str | None:
    """What the side is scored by: the IGO, else the country."""
    return actor.igo or actor.country


def codes_of(actors: Iterable[Coded]) -> set[str]:
    """The codes a side is scored by (the evaluation's too, ``scoring.actors_right``)."""
    return {c for a in actors if (c := code_of(a))}


def _path(trigger: Token, head: Token) -> str:
    """Dependency labels from the trigger up to the common ancestor, then down to the
    candidate: ">nsubj" is the trigger's subject, ">prep>pobj" the object of its
    preposition, "<xcomp>nsubj" the subject of the verb that governs it; "long" past
    ``PATH_CAP`` steps."""
    ups: list[Token] = [trigger]
    while ups[-1].head.i != ups[-1].i and len(ups) <= PATH_CAP:
        ups.append(ups[-1].head)
    up_index = {t.i: n for n, t in enumerate(ups)}
    downs: list[str] = []
    node = head
    while node.i not in up_index:
        downs.append(node.dep_)
        if node.head.i == node.i or len(downs) > PATH_CAP:
            return "long"
        node = node.head
    climbs = [t.dep_ for t in ups[: up_index[node.i]]]
    if len(climbs) + len(downs) > PATH_CAP:
        return "long"
    return "".join(f"<{d}" for d in climbs) + "".join(f">{d}" for d in reversed(downs))


def _case(head: Token) -> str:
    """The preposition the candidate is the object of ("by", "against"; the ``role_case``
    cues of ``data/en/events/cues.tsv``), or its own dependency where none heads it; "agent"
    marks a passive's "by" phrase."""
    node = head
    while node.dep_ in MODIFIERS and node.head.i != node.i:
        node = node.head
    if node.dep_ == "pobj" and Lexicon.load().cue("role_case", node.head.lower_):
        return node.head.lower_
    if node.dep_ == "pobj" and node.head.dep_ == "agent":
        return "by"
    return node.dep_


def _distance(n: int) -> str:
    for top, name in ((1, "1"), (2, "2"), (3, "3"), (6, "4-6"), (10, "7-10")):
        if n <= top:
            return name
    return "11+"


def candidate_features(
    trigger: Token, head: Token, actor: Actor, event_type: str,
    picked: dict[str, set[str]], empty: dict[str, bool],
) -> dict[str, list[str]]:
    """The strings a mention is weighed by, for each role: ``picked`` holds the codes the
    rules gave each side, ``empty`` whether they gave it no actor at all."""
    code = code_of(actor) or ""
    path = _path(trigger, head)
    case = _case(head)
    side = "before" if head.i < trigger.i else "after"
    dist = _distance(abs(head.i - trigger.i))
    trig = lemma(trigger)
    voice = "passive" if is_passive(trigger) else ("noun" if trigger.pos_ == "NOUN" else "active")
    kind = "igo" if actor.igo else "country"
    shared = [
        f"path={path}", f"type|path={event_type}|{path}", f"case={case}",
        f"type|case={event_type}|{case}", f"voice|case={voice}|{case}",
        f"voice|side={voice}|{side}", f"side|dist={side}|{dist}", f"dist={dist}",
        f"voice|path={voice}|{path}", f"sector={actor.sector}", f"kind={kind}",
        f"type|side={event_type}|{side}", f"lemma={trig}", f"lemma|case={trig}|{case}",
        f"lemma|side={trig}|{side}", f"dep={head.dep_}", f"type={event_type}",
        f"type|sector={event_type}|{actor.sector}",
    ]
    out: dict[str, list[str]] = {}
    for role, other in (("source", "target"), ("target", "source")):
        mine, theirs = code in picked[role], code in picked[other]
        rule = "this" if mine else ("other" if theirs else "none")
        side = "empty" if empty[role] else ("coded" if picked[role] else "uncoded")
        out[role] = [*shared, f"rule={rule}", f"rule|side={rule}|{side}",
                     f"type|rule={event_type}|{rule}", f"rule|case={rule}|{case}",
                     f"rule|path={rule}|{path}"]
    return out


def candidates(
    sent: Span, trigger: Token, event_type: str, sources: Sequence[Actor],
    targets: Sequence[Actor],
) -> list[Candidate]:
    """The sentence's actor mentions the actors stage placed in a country or an IGO (one per
    head word, the trigger's own aside), weighed against the rules' ``sources`` and
    ``targets``."""
    picked = {"source": codes_of(sources), "target": codes_of(targets)}
    empty = {"source": not sources, "target": not targets}
    named = {"source": {a.text.lower() for a in sources},
             "target": {a.text.lower() for a in targets}}
    speech = Lexicon.load().speech_verb(trigger, hops=PATH_CAP)
    found = []
    for head in sent:
        actor = head._.actor
        code = code_of(actor) if actor is not None and head.i != trigger.i else None
        if code is not None:
            found.append(Candidate(actor, code, candidate_features(
                trigger, head, actor, event_type, picked, empty),
                barred(head, actor, named, speech)))
    return found


def barred(head: Token, actor: Actor, named: dict[str, set[str]], speech: Token | None
           ) -> dict[str, frozenset[str]]:
    """Mentions that are no party whatever the model says: the phrase the rules already made
    the other side ("came under attack": the victims are not also the attackers); a date or
    number the actor tables took for a name ("In May"); the place an act happened in, after
    a ``role_place`` cue ("marched through Rome"); the one who reports it (the subject of
    ``speech``, the verb of saying the trigger's clause is told by: "The army said five
    soldiers were killed")."""
    out: dict[str, frozenset[str]] = {}
    text = actor.text.lower()
    taken = frozenset(role for role, other in (("source", "target"), ("target", "source"))
                      if text in named[other])
    if taken:
        out["other_side"] = taken
    if head.ent_type_ in NOT_ACTORS:
        out["not_actor"] = frozenset(ROLES)
    if (head.dep_ == "pobj" and Lexicon.load().cue("role_place", head.head.lower_)
            and head.ent_type_ in PLACES):
        out["place"] = frozenset(ROLES)
    if speech is not None and head.head.i == speech.i and head.dep_ in SUBJECTS:
        out["speaker"] = frozenset(ROLES)
    return out


def pick(scores: dict[str, list[float]], fill: dict[str, float],
         bars: Sequence[dict[str, frozenset[str]]] = ()) -> tuple[int | None, int | None]:
    """The candidate (by index) that fills each side: its likeliest over the side's
    threshold and not barred from it (``bars``: each candidate's, ``barred``; ``scores`` of
    an empty side only, a side the rules filled has none). Where one mention wins both, the
    side it is likelier for keeps it and the other takes its next ("Clashes erupted as
    Egyptian police dispersed the crowd": the police are not their own foes); one country
    may still be both sides, as the police and the protesters of a domestic event."""
    def allowed(i: int, role: str) -> bool:
        return not bars or not any(role in roles for roles in bars[i].values())

    ranked = {role: sorted((i for i, p in enumerate(ps) if p >= fill[role] and allowed(i, role)),
                           key=lambda i, ps=ps: -ps[i])
              for role, ps in scores.items()}
    src, tgt = ranked["source"], ranked["target"]
    if src and tgt and src[0] == tgt[0]:
        if scores["source"][src[0]] >= scores["target"][tgt[0]]:
            tgt = tgt[1:]
        else:
            src = src[1:]
    return (src[0] if src else None, tgt[0] if tgt else None)


@dataclass(frozen=True)
class RoleModel:
    """A logistic model per role and the probability over which its likeliest candidate
    fills a side the rules left empty (chosen on the dev split and the train split out of
    fold, ``evaluation.role_training``)."""

    weights: dict[str, dict[str, float]]
    bias: dict[str, float]
    fill: dict[str, float]

    def probability(self, role: str, feats: Sequence[str]) -> float:
        return logistic(self.bias[role], self.weights[role], feats)

    def scores(self, role: str, found: Sequence[Candidate]) -> list[float]:
        """Each candidate's probability for ``role``."""
        return [self.probability(role, c.features[role]) for c in found]

    def assign(
        self, sent: Span, trigger: Token, event_type: str, sources: list[Actor],
        targets: list[Actor],
    ) -> tuple[list[Actor], list[Actor]]:
        """The sides with an empty one filled by its likeliest candidate (``pick``)."""
        if sources and targets:
            return sources, targets
        found = candidates(sent, trigger, event_type, sources, targets)
        if not found:
            return sources, targets
        src, tgt = pick({role: self.scores(role, found) if not side else []
                         for role, side in (("source", sources), ("target", targets))},
                        self.fill, [c.barred for c in found])
        return ([found[src].actor] if src is not None else sources,
                [found[tgt].actor] if tgt is not None else targets)

    @classmethod
    @cache
    def load(cls, folder: Path | None = None) -> RoleModel | None:
        """The model in ``folder`` (default: the shipped one), or None where none was
        trained: the rules then read the sides alone."""
        path = (folder or data_path("events", "")) / ROLE_MODEL
        if not path.is_file():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        return cls(weights=data["weights"], bias=data["bias"], fill=data["fill"])
