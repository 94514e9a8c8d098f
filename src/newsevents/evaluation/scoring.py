"""Scoring the coder against the annotated corpus: whole documents, every sentence, every field.

Unlike the one-event-per-sentence gold sets, the corpus lists every event of every sentence and
the sentences with none, so precision means something: an event coded in a sentence that holds
none is a false positive. The coder runs on each document's full text; a coded event belongs to
the gold sentence its evidence starts in. Figures are kept apart for real text and for text the
project wrote, because only the real-text figures say how the coder does on news.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from pydantic import BaseModel
from rich.console import Console
from rich.table import Table

from newsevents.evaluation.corpus import GoldActor, GoldDocument, GoldEvent, GoldSentence
from newsevents.evaluation.gold import TypeScore
from newsevents.events.roles import codes_of
from newsevents.models import EVENT_TYPES, Actor, Event, Location, Result
from newsevents.pipeline import Coder
from newsevents.places import Gazetteer

CONFIDENCE_BINS = (0.0, 0.2, 0.4, 0.6, 0.8, 1.01)


def actors_right(gold: list[GoldActor], coded: list[Actor]) -> bool | None:
    """Whether the coded actors name the gold countries/IGOs; None when gold names no actor.

    Right means every coded code is a gold code and at least one gold code is coded; where the
    gold actors have no code (unknown attackers), right means the coder names none either.
    """
    if not gold:
        return None
    want, got = codes_of(gold), codes_of(coded)
    if not want:
        return not got
    return bool(got) and got <= want


def _norm(text: str) -> str:
    return " ".join(text.casefold().replace("the ", " ").split())


def spans_agree(gold: str, coded: str | None) -> bool:
    """Same words, or one inside the other ("Monday" and "on Monday")."""
    if not coded:
        return False
    a, b = _norm(gold), _norm(coded)
    return bool(a and b) and (a in b or b in a)


def place_agrees(gold: str, coded: Location | None) -> bool:
    """The gold span names the coded place: the same words, or a spelling the gazetteer
    gives the same place ("Katmandu" and Kathmandu, "Zaire" and the Democratic Republic of
    the Congo). The coder reports a place by its gazetteer name, not by the sentence's
    spelling, so comparing words alone would count a right place wrong."""
    if coded is None:
        return False
    if spans_agree(gold, coded.name):
        return True
    readings = Gazetteer.load().readings(gold)
    if coded.geonameid is None:  # a region or province of our tables: its name and country
        return any(e.geonameid is None and (e.name, e.country) == (coded.name, coded.country)
                   for e in readings)
    return coded.geonameid in {e.geonameid for e in readings}


@dataclass
class Tally:
    """Counts for one slice of the corpus (real or written)."""

    documents: int = 0
    sentences: int = 0
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    no_event_sentences: int = 0
    no_event_clean: int = 0
    realis_total: int = 0
    realis_right: int = 0
    gold_asserted: int = 0
    matched: int = 0
    source_total: int = 0
    source_right: int = 0
    target_total: int = 0
    target_right: int = 0
    # Sides the gold leaves empty (no actor at all) and how many the coder leaves without a
    # country or IGO too: an actor given there is invented, and the accuracy above cannot see it.
    source_unnamed: int = 0
    source_unnamed_empty: int = 0
    target_unnamed: int = 0
    target_unnamed_empty: int = 0
    date_total: int = 0
    date_right: int = 0
    place_total: int = 0
    place_right: int = 0
    mode_total: int = 0
    mode_right: int = 0
    emitted: int = 0
    emitted_all_right: int = 0
    confidence: Counter[tuple[int, bool]] = field(default_factory=Counter)


class SliceReport(BaseModel):
    """The figures of one slice; every share has its denominator beside it."""

    name: str
    documents: int
    sentences: int
    types: list[TypeScore]
    micro_precision: float
    micro_recall: float
    micro_f1: float
    macro_f1: float
    macro_types: int
    no_event_sentences: int
    no_event_clean: float | None
    realis_events: int
    realis_accuracy: float | None
    gold_events: int = 0
    matched_events: int
    mode_accuracy: float | None
    source_events: int
    source_accuracy: float | None
    target_events: int
    target_accuracy: float | None
    source_unnamed_events: int = 0
    source_unnamed_empty: float | None = None
    target_unnamed_events: int = 0
    target_unnamed_empty: float | None = None
    date_events: int
    date_accuracy: float | None
    place_events: int
    place_accuracy: float | None
    emitted_events: int
    all_fields_right: float | None
    reliability: list[tuple[str, int, float | None]]


def _share(right: int, total: int) -> float | None:
    return round(right / total, 3) if total else None


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def pair_events(
    golds: Sequence[GoldEvent], coded: Sequence[Event]
) -> list[tuple[GoldEvent, Event]]:
    """Pairs each gold event of a sentence with at most one coded event of its type, and each
    coded event with at most one gold event.

    Pairs whose triggers overlap are made first, then the events left of each type in the
    order they are listed. Only the type and the trigger decide, never the fields being
    scored. One coded event is never scored against two gold events: where the text holds two
    acts ("protested in Moscow and in St. Petersburg" is two protests, docs/annotation.md) and
    the coder codes one, the second gold event is unpaired, not a second wrong place.
    """
    mates: dict[int, Event] = {}
    free = list(coded)
    for by_trigger in (True, False):
        for gold in golds:
            if id(gold) in mates:
                continue
            mate = next((e for e in free if e.event_type == gold.type
                         and (not by_trigger or spans_agree(gold.trigger, e.trigger))), None)
            if mate is not None:
                mates[id(gold)] = mate
                free.remove(mate)
    return [(gold, mates[id(gold)]) for gold in golds if id(gold) in mates]


def score_sentence(tally: Tally, sentence: GoldSentence, coded: list[Event]) -> None:
    tally.sentences += 1
    asserted = [e for e in coded if e.realis == "asserted"]
    gold_asserted = [g for g in sentence.events if g.realis == "asserted"]
    want = {g.type for g in gold_asserted}
    got = {e.event_type for e in asserted}
    for etype in want & got:
        tally.tp[etype] += 1
    for etype in got - want:
        tally.fp[etype] += 1
    for etype in want - got:
        tally.fn[etype] += 1
    if not sentence.events:
        tally.no_event_sentences += 1
        tally.no_event_clean += not asserted
    for gold, candidate in pair_events(sentence.events, coded):
        tally.realis_total += 1
        tally.realis_right += candidate.realis == gold.realis
    right_events: set[int] = set()
    tally.gold_asserted += len(gold_asserted)
    for gold, match in pair_events(gold_asserted, asserted):
        tally.matched += 1
        checks = []
        if gold.mode:
            tally.mode_total += 1
            tally.mode_right += match.mode == gold.mode
        for gold_actors, coded_actors, kind in (
            (gold.source, match.source, "source"), (gold.target, match.target, "target")
        ):
            verdict = actors_right(gold_actors, coded_actors)
            if verdict is None:
                setattr(tally, f"{kind}_unnamed", getattr(tally, f"{kind}_unnamed") + 1)
                setattr(tally, f"{kind}_unnamed_empty",
                        getattr(tally, f"{kind}_unnamed_empty") + (not codes_of(coded_actors)))
            else:
                setattr(tally, f"{kind}_total", getattr(tally, f"{kind}_total") + 1)
                setattr(tally, f"{kind}_right", getattr(tally, f"{kind}_right") + verdict)
                checks.append(verdict)
        if gold.date_text:
            verdict = spans_agree(gold.date_text, match.date_text)
            tally.date_total += 1
            tally.date_right += verdict
            checks.append(verdict)
        if gold.place:
            verdict = place_agrees(gold.place, match.location)
            tally.place_total += 1
            tally.place_right += verdict
            checks.append(verdict)
        if all(checks):
            right_events.add(id(match))
    for event in asserted:
        tally.emitted += 1
        tally.emitted_all_right += id(event) in right_events
        type_right = event.event_type in want
        bucket = next(i for i, top in enumerate(CONFIDENCE_BINS[1:]) if event.confidence < top)
        tally.confidence[(bucket, type_right)] += 1


def by_sentence(doc: GoldDocument, events: Iterable[Event]) -> dict[int, list[Event]]:
    """The coded events by the index of the gold sentence their evidence starts in."""
    found: dict[int, list[Event]] = {}
    for event in events:
        start = event.evidence.start
        index = next((s.index for s in doc.sentences if s.start <= start < s.end), None)
        if index is None:  # evidence before the first annotated sentence (a title line)
            index = min(doc.sentences, key=lambda s: abs(s.start - start)).index
        found.setdefault(index, []).append(event)
    return found


def score_document(tally: Tally, doc: GoldDocument, result: Result) -> None:
    tally.documents += 1
    coded = by_sentence(doc, result.events)
    for sentence in doc.sentences:
        score_sentence(tally, sentence, coded.get(sentence.index, []))


def report(name: str, tally: Tally) -> SliceReport:
    support = tally.tp + tally.fn
    types = []
    for etype in EVENT_TYPES:
        tp, fp, fn = tally.tp[etype], tally.fp[etype], tally.fn[etype]
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        types.append(TypeScore(event_type=etype, support=support[etype], tp=tp, fp=fp, fn=fn,
                               precision=round(p, 3), recall=round(r, 3), f1=round(_f1(p, r), 3)))
    scored = [t for t in types if t.support]
    all_tp, all_fp, all_fn = (sum(c.values()) for c in (tally.tp, tally.fp, tally.fn))
    micro_p = all_tp / (all_tp + all_fp) if all_tp + all_fp else 0.0
    micro_r = all_tp / (all_tp + all_fn) if all_tp + all_fn else 0.0
    reliability = []
    for i, low in enumerate(CONFIDENCE_BINS[:-1]):
        right, wrong = tally.confidence[(i, True)], tally.confidence[(i, False)]
        high = min(CONFIDENCE_BINS[i + 1], 1.0)
        reliability.append((f"{low:.1f}-{high:.1f}", right + wrong, _share(right, right + wrong)))
    return SliceReport(
        name=name, documents=tally.documents, sentences=tally.sentences, types=types,
        micro_precision=round(micro_p, 3), micro_recall=round(micro_r, 3),
        micro_f1=round(_f1(micro_p, micro_r), 3),
        macro_f1=round(sum(t.f1 for t in scored) / len(scored), 3) if scored else 0.0,
        macro_types=len(scored),
        no_event_sentences=tally.no_event_sentences,
        no_event_clean=_share(tally.no_event_clean, tally.no_event_sentences),
        realis_events=tally.realis_total,
        realis_accuracy=_share(tally.realis_right, tally.realis_total),
        gold_events=tally.gold_asserted, matched_events=tally.matched,
        mode_accuracy=_share(tally.mode_right, tally.mode_total),
        source_events=tally.source_total,
        source_accuracy=_share(tally.source_right, tally.source_total),
        target_events=tally.target_total,
        target_accuracy=_share(tally.target_right, tally.target_total),
        source_unnamed_events=tally.source_unnamed,
        source_unnamed_empty=_share(tally.source_unnamed_empty, tally.source_unnamed),
        target_unnamed_events=tally.target_unnamed,
        target_unnamed_empty=_share(tally.target_unnamed_empty, tally.target_unnamed),
        date_events=tally.date_total, date_accuracy=_share(tally.date_right, tally.date_total),
        place_events=tally.place_total,
        place_accuracy=_share(tally.place_right, tally.place_total),
        emitted_events=tally.emitted,
        all_fields_right=_share(tally.emitted_all_right, tally.emitted),
        reliability=reliability,
    )


def evaluate_corpus(docs: list[GoldDocument], coder: Coder | None = None) -> list[SliceReport]:
    """Reports for real text, for written text, and for both; empty slices are left out."""
    coder = coder or Coder()
    tallies = {"real": Tally(), "written": Tally(), "all": Tally()}
    results = coder.code_articles(doc.article() for doc in docs)
    for doc, result in zip(docs, results, strict=True):
        score_document(tallies["real" if doc.is_real else "written"], doc, result)
        score_document(tallies["all"], doc, result)
    return [report(name, tally) for name, tally in tallies.items() if tally.documents]


def print_reports(reports: list[SliceReport], console: Console) -> None:
    for rep in reports:
        table = Table(title=f"{rep.name}: {rep.documents} documents, {rep.sentences} sentences")
        for col in ("type", "support", "tp", "fp", "fn", "precision", "recall", "F1"):
            table.add_column(col, justify="left" if col == "type" else "right")
        for t in rep.types:
            table.add_row(t.event_type, str(t.support), str(t.tp), str(t.fp), str(t.fn),
                          f"{t.precision:.3f}", f"{t.recall:.3f}", f"{t.f1:.3f}")
        console.print(table)
        lines = [
            f"asserted types: precision {rep.micro_precision:.3f} recall {rep.micro_recall:.3f} "
            f"micro-F1 {rep.micro_f1:.3f}; macro-F1 {rep.macro_f1:.3f} "
            f"over {rep.macro_types} types with gold events",
            f"no-event sentences with no asserted event: {_pct(rep.no_event_clean)} "
            f"of {rep.no_event_sentences}",
            f"realis {_pct(rep.realis_accuracy)} of {rep.realis_events}; "
            f"mode {_pct(rep.mode_accuracy)}; matched events {rep.matched_events} "
            f"of {rep.gold_events} asserted gold events",
            f"source country {_pct(rep.source_accuracy)} of {rep.source_events}; "
            f"target {_pct(rep.target_accuracy)} of {rep.target_events}; "
            f"date {_pct(rep.date_accuracy)} of {rep.date_events}; "
            f"place {_pct(rep.place_accuracy)} of {rep.place_events}",
            f"sides the gold leaves empty, left with no country: source "
            f"{_pct(rep.source_unnamed_empty)} of {rep.source_unnamed_events}; target "
            f"{_pct(rep.target_unnamed_empty)} of {rep.target_unnamed_events}",
            f"emitted asserted events right in every field: {_pct(rep.all_fields_right)} "
            f"of {rep.emitted_events}",
            "confidence -> share of right types: " + "; ".join(
                f"{label}: {_pct(share)} of {n}" for label, n, share in rep.reliability if n),
        ]
        for line in lines:
            console.print(line, soft_wrap=True, highlight=False)


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def agreement(first: list[GoldDocument], second: list[GoldDocument]) -> dict[str, float | int]:
    """Cohen's kappa of two independent annotations of the same documents.

    On types, each sentence gets one label: the type of its first asserted event, or NONE. On
    realis, events are paired by type within a sentence, first with first.
    """
    by_id = {doc.doc_id: doc for doc in second}
    type_pairs: list[tuple[str, str]] = []
    realis_pairs: list[tuple[str, str]] = []
    for doc in first:
        other = by_id.get(doc.doc_id)
        if other is None:
            continue
        for a, b in zip(doc.sentences, other.sentences, strict=True):
            type_pairs.append((_label(a), _label(b)))
            unpaired = list(b.events)
            for event in a.events:
                mate = next((e for e in unpaired if e.type == event.type), None)
                if mate is not None:
                    unpaired.remove(mate)
                    realis_pairs.append((event.realis, mate.realis))
    return {
        "sentences": len(type_pairs),
        "type_agreement": round(_observed(type_pairs), 3),
        "type_kappa": round(_kappa(type_pairs), 3),
        "paired_events": len(realis_pairs),
        "realis_agreement": round(_observed(realis_pairs), 3),
        "realis_kappa": round(_kappa(realis_pairs), 3),
    }


def _label(sentence: GoldSentence) -> str:
    return next((e.type for e in sentence.events if e.realis == "asserted"), "NONE")


def _observed(pairs: list[tuple[str, str]]) -> float:
    return sum(a == b for a, b in pairs) / len(pairs) if pairs else 0.0


def _kappa(pairs: list[tuple[str, str]]) -> float:
    if not pairs:
        return 0.0
    n = len(pairs)
    left, right = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(left[k] * right[k] for k in left) / (n * n)
    observed = _observed(pairs)
    return (observed - expected) / (1 - expected) if expected < 1 else 1.0


class ActorPhrase(BaseModel):
    """A real actor phrase and what it denotes on its own (`corpus/actors/`)."""

    id: str
    split: str
    doc_id: str
    phrase: str
    sentence: str
    date: str | None = None
    country: str | None = None
    igo: str | None = None
    sector: str | None = None


class ActorReport(BaseModel):
    phrases: int
    code_accuracy: float | None
    sector_accuracy: float | None
    both_right: float | None
    misses: list[str]


def evaluate_actors(phrases: list[ActorPhrase]) -> ActorReport:
    """Each phrase resolved alone, with its article's date, against its gold country or IGO
    (none where the phrase names none) and sector."""
    from newsevents.actors import ActorResolver

    resolver = ActorResolver.load()
    code_hits = sector_hits = both = 0
    misses = []
    for item in phrases:
        date = dt.date.fromisoformat(item.date) if item.date else None
        actor = resolver.resolve_text(item.phrase, date)
        code = (actor.igo or actor.country) if actor else None
        sector = actor.sector if actor else None
        code_ok = code == (item.igo or item.country)
        sector_ok = sector == item.sector
        code_hits += code_ok
        sector_hits += sector_ok
        both += code_ok and sector_ok
        if not (code_ok and sector_ok):
            misses.append(f"{item.phrase!r}: coded {code}/{sector}, "
                          f"gold {item.igo or item.country}/{item.sector}")
    n = len(phrases)
    return ActorReport(phrases=n, code_accuracy=_share(code_hits, n),
                       sector_accuracy=_share(sector_hits, n), both_right=_share(both, n),
                       misses=misses)
