"""Training the role model (`events.roles`) from the annotated corpus, within `newsevents train`.

The coder, with the event model just fitted, codes the train and dev splits keeping each
event's role candidates (``events.roles.ROLE_CANDIDATES``). Every coded event paired with a
gold event of its sentence (``scoring.pair_events``) gives its candidates as examples of each
role: right when the candidate's code is among the gold side's codes, as the side is scored
(``scoring.actors_right``), and wrong, every one, where gold names no actor on a side the rules
left empty (the model is to learn when to leave a side empty too). A logistic model per role
is fitted on the train split; the threshold over which its best candidate fills a side the
rules left empty is chosen on dev and on the train split out of fold, by the sides right in
real text counting a side of no actor in gold as right only when the coder leaves it empty
(the evaluation does not score such a side, so a fill there would go unseen). The test split
is never read.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsevents import nlp, pipeline
from newsevents.evaluation.corpus import GoldDocument, GoldEvent
from newsevents.evaluation.scoring import by_sentence, pair_events
from newsevents.evaluation.sparse import int32_indices
from newsevents.events.roles import ROLE_CANDIDATES, ROLE_MODEL, ROLES, RoleModel, codes_of, pick
from newsevents.models import Event

SEED = 13
ROLE_C = 0.3
"""The role models' regularisation. Set on dev and the train split out of fold (5 folds by
document), with C 0.1, 0.3 and 1.0 within a point of each other."""
FILL_THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(6, 20))
ROLE_FOLDS = 5
NEVER = 2.0
"""A fill threshold no probability reaches."""
MIN_WEIGHT = 1e-4


@dataclass(frozen=True)
class RoleRow:
    """A coded event paired with a gold one: the gold and the rules' codes of each side (the
    gold's None where the side is not scored) and each candidate's code and features."""

    doc: str
    real: bool
    gold: dict[str, set[str] | None]
    rules: dict[str, set[str]]
    empty: dict[str, bool]
    """whether the rules gave the side no actor at all (coded or not): only then is it
    filled"""
    candidates: list[tuple[str, dict[str, list[str]]]]
    bars: list[dict[str, frozenset[str]]]
    """each candidate's ``roles.barred``"""


def role_rows(docs: list[GoldDocument], data_dir: Path | None) -> Iterator[RoleRow]:
    """The coder's asserted events (model and triggers of ``data_dir``) paired with the gold
    asserted events of their sentences, with their role candidates."""
    language = nlp.load(("newsevents_actors", "newsevents_events"), "hybrid",
                        str(data_dir) if data_dir else None)
    coder = language.get_pipe("newsevents_events")
    coder.collect_roles, roles = True, coder.roles
    coder.roles = None  # the rules' sides, not a previous role model's
    try:
        parsed_docs = pipeline.parse(language, map(GoldDocument.article, docs))
        for doc, parsed in zip(docs, parsed_docs, strict=True):
            found = parsed.user_data.get(ROLE_CANDIDATES, {})
            for sentence_events, gold in _by_sentence(doc, parsed._.events):
                for gold_event, event in pair_events(gold, sentence_events):
                    sources, targets, cands = found[event.event_id.split("-")[0]]
                    yield RoleRow(
                        doc.doc_id, doc.is_real,
                        {"source": codes_of(gold_event.source) if gold_event.source else None,
                         "target": codes_of(gold_event.target) if gold_event.target else None},
                        {"source": codes_of(sources), "target": codes_of(targets)},
                        {"source": not sources, "target": not targets},
                        [(c.code, c.features) for c in cands], [c.barred for c in cands])
    finally:
        coder.collect_roles, coder.roles = False, roles


def _by_sentence(doc: GoldDocument, events: list[Event]
                 ) -> Iterator[tuple[list[Event], list[GoldEvent]]]:
    """Each gold sentence's asserted coded events and asserted gold events, as scored."""
    by_index = by_sentence(doc, events)
    for sentence in doc.sentences:
        yield ([e for e in by_index.get(sentence.index, []) if e.realis == "asserted"],
               [g for g in sentence.events if g.realis == "asserted"])


def _examples(rows: Iterable[RoleRow], role: str) -> tuple[list[dict[str, int]], list[bool]]:
    """Each candidate's features for ``role`` and whether its code is a gold one of the side;
    where gold names no actor the candidates count as wrong on a side the rules left empty
    (one the model could fill) and are left out elsewhere."""
    x, y = [], []
    for row in rows:
        gold = row.gold[role]
        if gold is None and not row.empty[role]:
            continue
        for code, feats in row.candidates:
            x.append(dict.fromkeys(feats[role], 1))
            y.append(gold is not None and code in gold)
    return x, y


def _fit(rows: list[RoleRow], role: str) -> tuple[dict[str, float], float]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    x, y = _examples(rows, role)
    if len(set(y)) < 2:
        return {}, -30.0  # nothing to learn
    vectorizer = DictVectorizer()
    model = LogisticRegression(C=ROLE_C, solver="liblinear", random_state=SEED, max_iter=1000)
    model.fit(int32_indices(vectorizer.fit_transform(x)), y)
    names = vectorizer.get_feature_names_out()
    weights = {str(n): round(float(w), 4) for n, w in zip(names, model.coef_[0], strict=True)
               if abs(w) >= MIN_WEIGHT}
    return weights, round(float(model.intercept_[0]), 4)


@dataclass(frozen=True)
class SidesRight:
    """Sides of one role in real text: all of them and those right counting a side of no
    actor in gold as right only when left empty (strict), and those the evaluation scores
    (gold names an actor) and of them the right ones."""

    sides: int
    right: int
    scored: int
    scored_right: int


def filled_right(rows: Iterable[RoleRow], scores: Iterable[dict[str, list[float]]],
                 role: str, fill: dict[str, float]) -> SidesRight:
    """Sides ``role`` of real text filled as the coder fills them (``roles.pick`` at the
    thresholds ``fill``; ``scores``: each row's candidates' for each role), counted strict and
    as scored. The text the project wrote is learned from but does not choose: its sentences
    are plainer than news, and with them the choice took a lower target threshold that real
    dev text scored worse."""
    sides = right = scored = scored_right = 0
    for row, by_role in zip(rows, scores, strict=True):
        if not row.real:
            continue
        gold = row.gold[role]
        got = row.rules[role]
        chosen = pick({r: by_role[r] if row.empty[r] else [] for r in ROLES}, fill, row.bars)
        index = chosen[ROLES.index(role)]
        if index is not None:
            got = {row.candidates[index][0]}
        sides += 1
        if gold is None:
            right += not got
            continue
        ok = _right(gold, got)
        scored += 1
        scored_right += ok
        right += ok
    return SidesRight(sides, right, scored, scored_right)


def _scores(model: RoleModel, rows: Iterable[RoleRow]) -> list[dict[str, list[float]]]:
    return [{role: [model.probability(role, feats[role]) for _, feats in row.candidates]
             for role in ROLES} for row in rows]


def _out_of_fold(rows: list[RoleRow]) -> list[dict[str, list[float]]]:
    """Each train row's candidates scored by models fitted on the other folds (by
    document)."""
    folds = [zlib.crc32(row.doc.encode()) % ROLE_FOLDS for row in rows]
    held_out: list[dict[str, list[float]]] = [{} for _ in rows]
    for part in range(ROLE_FOLDS):
        rest = [r for r, f in zip(rows, folds, strict=True) if f != part]
        fitted = {role: _fit(rest, role) for role in ROLES}
        model = RoleModel({r: w for r, (w, _) in fitted.items()},
                          {r: b for r, (_, b) in fitted.items()}, {})
        mine = [i for i, f in enumerate(folds) if f == part]
        for i, scored in zip(mine, _scores(model, [rows[i] for i in mine]), strict=True):
            held_out[i] = scored
    return held_out


def _right(gold: set[str], got: set[str]) -> bool:
    """``scoring.actors_right`` on the codes: every coded code is a gold one and one is coded,
    or neither names any."""
    return bool(got) and got <= gold if gold else not got


def fit_role_model(train_docs: list[GoldDocument], dev_docs: list[GoldDocument],
                   data_dir: Path) -> dict[str, Any]:
    """Fit the role models on train, choose each fill threshold on dev, write `roles.json`
    into ``data_dir``; returns the card."""
    table = fit_roles(list(role_rows(train_docs, data_dir)), list(role_rows(dev_docs, data_dir)))
    text = json.dumps(table, sort_keys=True, indent=0, ensure_ascii=False)
    (data_dir / ROLE_MODEL).write_text(text + "\n", encoding="utf-8")
    RoleModel.load.cache_clear()
    return table["card"]


def fit_roles(train_rows: list[RoleRow], dev_rows: list[RoleRow]) -> dict[str, Any]:
    """The role model's table: weights fitted on ``train_rows``, each fill threshold the one
    that gets the most sides right, strict (``SidesRight``), on ``dev_rows`` and on
    ``train_rows`` out of fold together (the highest of those tied; ``NEVER`` where filling
    gains nothing over leaving the sides empty)."""
    weights: dict[str, dict[str, float]] = {}
    bias: dict[str, float] = {}
    card: dict[str, Any] = {}
    for role in ROLES:
        weights[role], bias[role] = _fit(train_rows, role)
    on_dev = _scores(RoleModel(weights, bias, {}), dev_rows)
    held_out = _out_of_fold(train_rows)
    fill = dict.fromkeys(ROLES, NEVER)
    for role in ROLES:  # the source's threshold first, the target's given it
        fill[role] = max((sum(filled_right(rows, scores, role, {**fill, role: t}).right
                              for rows, scores in ((dev_rows, on_dev), (train_rows, held_out))),
                          t) for t in (*FILL_THRESHOLDS, NEVER))[1]
    for role in ROLES:  # what the two thresholds give together
        rules = {role: NEVER, ("target" if role == "source" else "source"): NEVER}
        figures = {}
        for name, rows, scores in (("dev_real", dev_rows, on_dev),
                                   ("train_out_of_fold_real", train_rows, held_out)):
            model, alone = (filled_right(rows, scores, role, f) for f in (fill, rules))
            figures[name] = {"sides": model.sides, "right": model.right,
                             "rules_right": alone.right, "scored": model.scored,
                             "scored_right": model.scored_right,
                             "rules_scored_right": alone.scored_right}
        card[role] = {"examples": len(_examples(train_rows, role)[1]), "fill": fill[role],
                      "folds": ROLE_FOLDS, **figures}
    return {"card": {"model": "logistic regression per role over candidate features",
                     "C": ROLE_C, "seed": SEED, **card},
            "weights": weights, "bias": bias, "fill": fill}
