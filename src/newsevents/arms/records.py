"""From readings to records: fill the parties a sentence left open, then one ``ArmsTransfer``
per supplier, recipient and system.

A sentence often names only one side of a deal; the other is the system's origin, the one
other country the sentence names, or the same system's deal elsewhere in the article. When
sentences disagree on the status, the furthest stage a cue reports wins. Sentences that only
name a deal's system while talking of deals, and events coded from the same sentences, are
attached as evidence.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import replace
from typing import cast

from spacy.tokens import Doc, Span

from newsevents.arms.countries import Countries
from newsevents.arms.lexicon import STATUS_ORDER, Lexicon
from newsevents.arms.mentions import Mention
from newsevents.arms.reading import Reading, mention_head
from newsevents.arms.replacements import link_replacements
from newsevents.arms.syntax import MODIFIERS, inside
from newsevents.events.syntax import lemma
from newsevents.models import ArmsTransfer, DealStatus, Evidence, Party, WeaponSystem

# How a country hangs in a system's phrase when it describes the system: "Russian-made
# S-400s" (amod), "U.S.-made weapons" (npadvmod of "made").
MAKER_LINKS = MODIFIERS | {"npadvmod"}


def fill_parties(readings: list[Reading], mentions: list[Mention], countries: Countries) -> None:
    """Missing parties: the one country the article names as the system's supplier, else the
    system's origin; the sentence's other country; then the article's deals.

    The origin is only a guess for a system the article shows changing hands between other
    countries: "the first batch of US-origin F-16s" after Denmark and the Netherlands pledged
    theirs is no US deal, so then the supplier stays open."""
    named: dict[str, set[str]] = {r.system_key: set() for r in readings}
    for reading in readings:
        if reading.supplier:
            named[reading.system_key].add(reading.supplier)
    makers = _makers(mentions, countries)
    for reading in readings:
        origin = reading.mention.system.origin
        suppliers = named[reading.system_key] - {reading.recipient}
        if reading.supplier is None:
            if len(suppliers) == 1:
                reading.supplier = suppliers.pop()
            elif not suppliers - {origin} and origin != reading.recipient:
                reading.supplier = origin
        if origin and reading.recipient == origin and reading.supplier not in (None, origin):
            # Nobody buys its own system from another country: the parse swapped the two.
            reading.supplier, reading.recipient = reading.recipient, reading.supplier
        others = [c for c in reading.parties if c != reading.supplier]
        if reading.recipient is None and reading.supplier and len(others) == 1:
            reading.recipient = others[0]
        if reading.recipient is None:
            # A system's maker is named beside it ("German-made tanks", "its American-origin
            # C-17s"), seldom as its buyer.
            placed = reading.role in ("arrival", "licence")
            rest = (countries.in_sentence(reading.sent, placed) - {reading.supplier, origin}
                    - makers.get(reading.sent.start, set()) - set(reading.allies))
            if len(rest) == 1:
                reading.recipient = rest.pop()
    _share_with_conjuncts(readings)
    known = [r for r in readings if r.complete]
    for reading in readings:
        if not reading.complete:
            _fill_from_article(reading, known, countries)


def _share_with_conjuncts(readings: list[Reading]) -> None:
    """"ordered 366 American Abrams tanks and surface-to-air missiles": systems coordinated
    under one transfer word share the parties one of them names."""
    for reading in readings:
        if reading.complete:
            continue
        root = reading.mention.root
        for other in readings:
            if other.complete and other.sent.start == reading.sent.start and (
                    other.mention.root in root.conjuncts) and (
                    reading.recipient in (None, other.recipient)
                    and reading.supplier in (None, other.supplier)):
                reading.supplier, reading.recipient = other.supplier, other.recipient
                break


def name_unnamed(readings: list[Reading], mentions: list[Mention]) -> None:
    """An unnamed system is the article's named system of its category that its supplier
    makes ("Poland will buy tanks, howitzers and fighter planes from South Korea" beside "K2
    tanks", "K9 howitzers" and "FA-50 jets"), or that its supplier is said to hand over, or,
    for "the tanks", the only one of its category the article names."""
    deals = {(r.system_key, r.supplier) for r in readings if r.complete}
    for reading in readings:
        system = reading.mention.system
        if system.name is not None or system.category is None or not reading.complete:
            continue
        named = [m.system for m in {m.system.name: m for m in mentions
                                    if m.system.name
                                    and m.system.category == system.category}.values()]
        choices = ([s for s in named if s.origin == reading.supplier],
                   [s for s in named if (s.name, reading.supplier) in deals],
                   named if reading.mention.definite else [])
        chosen = next((c for c in choices if len(c) == 1), None)
        if chosen:
            renamed = chosen[0].model_copy(update={"mention": system.mention})
            reading.mention = replace(reading.mention, system=renamed, variant=None)


def _makers(mentions: list[Mention], countries: Countries) -> dict[int, set[str]]:
    """Per sentence, the countries that describe a system there ("American-origin",
    "U.S.-made weapons")."""
    found: dict[int, set[str]] = {}
    for mention in mentions:
        span = mention.span
        for token in mention_head(mention).subtree:
            if token.dep_ in MAKER_LINKS and not inside(token, span) and token.i < span.start:
                country = countries.of(token)
                if country:
                    found.setdefault(mention.sent.start, set()).add(country)
    return found


def listed(readings: list[Reading], echoes: list[Mention]) -> list[Reading]:
    """Readings for the named systems that a deal in unnamed weapons lists in its sentence
    ("signed agreements on South Korean weapons: these are FA-50 fighters, K2 tanks and K9
    howitzers"): each gets that deal's parties and status; the unnamed deal is then covered
    by them (``uncovered``)."""
    found: list[Reading] = []
    for reading in readings:
        system = reading.mention.system
        if system.name is not None or not reading.complete:
            continue
        for mention in echoes:
            if mention.sent.start == reading.sent.start and (
                    system.category in (None, mention.system.category)):
                found.append(replace(reading, mention=mention, quantity=None,
                                     quantity_text=None, value=None, value_text=None))
    return found


def _fill_from_article(reading: Reading, known: list[Reading], countries: Countries) -> None:
    """The same system's deal elsewhere in the article, or the one deal between the two
    countries this sentence names ("Russia and Turkey have other projects...")."""
    same = {(r.supplier, r.recipient) for r in known if r.system_key == reading.system_key}
    named = countries.in_sentence(reading.sent)
    pairs = {(r.supplier, r.recipient) for r in known if {r.supplier, r.recipient} == named}
    for candidates in (same, pairs):
        fitting = {p for p in candidates if reading.supplier in (None, p[0])
                   and reading.recipient in (None, p[1])}
        if len(fitting) == 1:
            reading.supplier, reading.recipient = fitting.pop()
            return
    # One more supplier of the system to the same buyer ("the Netherlands, Norway and Belgium
    # pledge F-16s to Ukraine ... Denmark would deliver the first F-16s"), or the reverse.
    if reading.supplier and reading.recipient is None:
        buyers = {p[1] for p in same} - {reading.supplier}
        if not buyers:  # "Forty-eight K9 howitzers will be imported" after K2s for Poland
            buyers = {r.recipient for r in known if r.supplier == reading.supplier}
        reading.recipient = buyers.pop() if len(buyers) == 1 else None
    elif reading.recipient and reading.supplier is None:
        sellers = {p[0] for p in same} - {reading.recipient}
        reading.supplier = sellers.pop() if len(sellers) == 1 else None


def merge(doc: Doc, readings: list[Reading], echoes: list[Mention],
          lex: Lexicon) -> list[ArmsTransfer]:
    """One record per supplier, recipient and system; ``readings`` must be complete."""
    groups: dict[tuple[str, str, str], list[Reading]] = {}
    for reading in readings:
        key = (cast(str, reading.supplier), cast(str, reading.recipient), reading.system_key)
        groups.setdefault(key, []).append(reading)
    doc_id = _doc_id(doc)
    apart = {key for key, group in groups.items() if any(r.mention.set_apart for r in group)}
    nouns = {deal_id(doc_id, *key): {n for r in group for n in (
        lemma(mention_head(r.mention)), r.mention.noun) if n} for key, group in groups.items()}
    deals = uncovered([_record(doc_id, key, group) for key, group in groups.items()],
                      {deal_id(doc_id, *key) for key in apart}, nouns)
    _add_echoes(deals, echoes)
    link_replacements(doc, deals, lex)
    _link_events(doc, deals)
    return deals


def uncovered(deals: list[ArmsTransfer], apart: set[str],
              nouns: dict[str, set[str]]) -> list[ArmsTransfer]:
    """Leave out a deal in unnamed weapons that a more specific deal between the same two
    countries covers: "tanks" beside "K2 tanks", "weapons" beside "Shahed drones". Reports
    name the system once and then speak of "the tanks" or "the weapons", so what such a
    sentence says of the tanks (its status, its evidence) goes to the one named deal of that
    category, or that the article calls by the same noun ("Shahed-136 kamikaze drones" and
    "the drones"). Deals in ``apart`` ("other weapons") are kept. ``nouns`` holds the nouns
    each deal's systems go by."""
    kept: list[ArmsTransfer] = []
    for deal in deals:
        covering = [other for other in deals if other is not deal and deal.deal_id not in apart
                    and _covers(other, deal, nouns)
                    and (other.supplier, other.recipient) == (deal.supplier, deal.recipient)]
        if deal.system.name or not covering:
            kept.append(deal)
        elif len(covering) == 1 and deal.system.category:
            _fold(deal, covering[0])
    return kept


def _fold(generic: ArmsTransfer, named: ArmsTransfer) -> None:
    named.status = max(named.status, generic.status, key=STATUS_ORDER.index)
    if named.status == "denied" and named.denier is None:
        named.denier = generic.denier
    merged = {e.start: e for e in (*named.evidence, *generic.evidence)}
    named.evidence = [merged[k] for k in sorted(merged)]
    if named.quantity is None:
        named.quantity, named.quantity_text = generic.quantity, generic.quantity_text


def _covers(specific: ArmsTransfer, generic: ArmsTransfer, nouns: dict[str, set[str]]) -> bool:
    if generic.system.category is None:
        return specific.system.name is not None or specific.system.category is not None
    return specific.system.name is not None and (
        specific.system.category == generic.system.category
        or bool(nouns[specific.deal_id] & nouns[generic.deal_id]))


def _doc_id(doc: Doc) -> str:
    article = doc._.article
    return str(getattr(article, "id", None) or "text")


def deal_id(doc_id: str, supplier: str, recipient: str, system_key: str) -> str:
    """Stable across runs and processes, so re-coding an article updates the same record."""
    raw = "|".join((doc_id, supplier, recipient, system_key))
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]


def _record(doc_id: str, key: tuple[str, str, str], group: list[Reading]) -> ArmsTransfer:
    first = group[0]
    status = _status(group)
    sized = _size(group)
    priced = next((r for r in group if r.value is not None), None)
    return ArmsTransfer(
        deal_id=deal_id(doc_id, *key),
        doc_id=doc_id,
        supplier=Party(country=key[0]),
        recipient=Party(country=key[1]),
        system=_best_system(group),
        variant=next((r.mention.variant for r in group if r.mention.variant), None),
        quantity=sized.quantity if sized else None,
        quantity_text=sized.quantity_text if sized else None,
        value=priced.value if priced else None,
        value_text=priced.value_text if priced else None,
        currency=priced.currency if priced else None,
        status=status,
        denier=_denier(group) if status == "denied" else None,
        evidence=_evidence(r.sent for r in group),
        attribution=None if any(r.attribution is None for r in group) else first.attribution,
    )


def _size(group: list[Reading]) -> Reading | None:
    """The reading that says how many: the largest count, as deals are reported by their
    batches ("took delivery of two ... of the six ordered"); a number said of several
    suppliers together ("Netherlands and Denmark to send 61 F-16s") is none of theirs."""
    sized = [r for r in group if r.quantity_text and len(r.allies) <= 1]
    counted = [r for r in sized if r.quantity is not None]
    if counted:
        return max(counted, key=lambda r: r.quantity or 0)
    return sized[0] if sized else None


def _best_system(group: list[Reading]) -> WeaponSystem:
    """The mention that says most: not an anaphor ("such systems"), with an origin if any."""
    def rank(reading: Reading) -> tuple[bool, bool]:
        return (not reading.mention.anaphoric, reading.mention.system.origin is not None)
    return max(group, key=rank).mention.system


def _status(group: list[Reading]) -> DealStatus:
    """The furthest stage a cue reports; the tense of transfer words only when no cue does.
    A deal one sentence calls delivered is still delivering when another speaks of its first
    batch ("inducted six J-10Cs" beside "the first batch of the 25 it bought")."""
    said = [r.status for r in group if r.explicit] or [r.status for r in group]
    status = max(cast(list[DealStatus], said), key=STATUS_ORDER.index)
    if status == "delivered" and any(r.partial for r in group):
        return "delivering"
    return status


def _denier(group: list[Reading]) -> Party | None:
    """The first denier any sentence names."""
    country = next((r.denier for r in group if r.status == "denied" and r.denier), None)
    return Party(country=country) if country else None


def _evidence(sents: Iterable[Span]) -> list[Evidence]:
    """Each sentence once, in text order, trimmed with its offsets kept true to the text."""
    found: dict[int, Evidence] = {}
    for sent in sents:
        text = sent.text
        lead = len(text) - len(text.lstrip())
        body = text.strip()
        start = sent.start_char + lead
        found.setdefault(start, Evidence(sentence=body, start=start, end=start + len(body)))
    return [found[k] for k in sorted(found)]


def _add_echoes(deals: list[ArmsTransfer], echoes: list[Mention]) -> None:
    """A sentence that names a system of exactly one deal and talks of deals is evidence too."""
    for mention in echoes:
        matching = [d for d in deals if d.system.name == mention.system.name]
        if len(matching) != 1:
            continue
        deal = matching[0]
        merged = {e.start: e for e in deal.evidence}
        for evidence in _evidence([mention.sent]):
            merged.setdefault(evidence.start, evidence)
        deal.evidence = [merged[k] for k in sorted(merged)]


def _link_events(doc: Doc, deals: list[ArmsTransfer]) -> None:
    """The events coded from a deal's sentences, so a reader can go from one to the other."""
    for deal in deals:
        for event in doc._.events or []:
            start = event.evidence.start
            if any(e.start <= start < e.end for e in deal.evidence) and (
                event.event_id not in deal.event_ids
            ):
                deal.event_ids.append(event.event_id)
