"""From readings to records: one ``ArmsTransfer`` per supplier, recipient and system.

When sentences disagree on the status, the furthest stage a cue reports wins. A deal in
unnamed weapons that a named deal between the same countries covers is folded into it.
Sentences that only name a deal's system while talking of deals, and events coded from the
same sentences, are attached as evidence; a live deal that takes a cancelled one's place
says so (``replacements``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import cast

from spacy.tokens import Doc, Span

from newsevents.arms.amounts import count_of
from newsevents.arms.countries import Countries
from newsevents.arms.followups import follow_up
from newsevents.arms.lexicon import ENDINGS, STATUS_ORDER, TROUBLES, Lexicon
from newsevents.arms.mentions import Mention, mention_head
from newsevents.arms.reading import Reading
from newsevents.arms.replacements import link_replacements
from newsevents.arms.status import HANDED_OVER
from newsevents.arms.syntax import told_earlier, with_whole
from newsevents.events.syntax import lemma
from newsevents.models import ArmsTransfer, DealStatus, Evidence, Party, WeaponSystem

# Words on weapons beyond those a deal has brought: "two additional batteries".
FURTHER = frozenset({"additional", "further", "more", "extra"})


def merge(doc: Doc, readings: list[Reading], echoes: list[Mention], told: set[int],
          lex: Lexicon, countries: Countries) -> list[ArmsTransfer]:
    """One record per supplier, recipient and system; ``readings`` must be complete."""
    groups: dict[tuple[str, str, str], list[Reading]] = {}
    for reading in readings:
        key = (cast(str, reading.supplier), cast(str, reading.recipient), reading.system_key)
        groups.setdefault(key, []).append(reading)
    doc_id = doc_id_of(doc)
    article = doc._.article
    now = article.date.year if article is not None and article.date else None
    apart = {key for key, group in groups.items() if any(r.mention.set_apart for r in group)}
    nouns = {deal_id(doc_id, *key): {n for r in group for n in (
        lemma(mention_head(r.mention)), r.mention.noun) if n} for key, group in groups.items()}
    cued = {deal_id(doc_id, *key) for key, group in groups.items()
            if any(r.explicit for r in group)}
    deals = uncovered([_record(doc_id, key, group, now) for key, group in groups.items()],
                      {deal_id(doc_id, *key) for key in apart}, nouns, cued)
    unsigned = frozenset(deal_id(doc_id, *key) for key, group in groups.items()
                         if any(r.unsigned for r in group))
    follow_up(doc, deals, cued, told, lex, countries, unsigned, now)
    _add_echoes(deals, echoes, lex)
    link_replacements(doc, deals, lex)
    _link_events(doc, deals)
    return deals


def uncovered(deals: list[ArmsTransfer], apart: set[str], nouns: dict[str, set[str]],
              cued: set[str]) -> list[ArmsTransfer]:
    """Leave out a deal in unnamed weapons that a more specific deal between the same two
    countries covers: "tanks" beside "K2 tanks", "weapons" beside "Shahed drones". Reports
    name the system once and then speak of "the tanks" or "the weapons", so what such a
    sentence says of the tanks (its status, its evidence) goes to the one named deal of that
    category, or that the article calls by the same noun ("Shahed-136 kamikaze drones" and
    "the drones"). Deals in ``apart`` ("other weapons") are kept. ``nouns`` holds the nouns
    each deal's systems go by; a deal in ``cued`` has a status a cue says, which a deal in
    "weapons" passes on to the systems it covers."""
    kept: list[ArmsTransfer] = []
    for deal in deals:
        covering = [other for other in deals if other is not deal and deal.deal_id not in apart
                    and _covers(other, deal, nouns)
                    and (other.supplier, other.recipient) == (deal.supplier, deal.recipient)]
        if deal.system.name or not covering:
            kept.append(deal)
        elif len(covering) == 1 and deal.system.category:
            _fold(deal, covering[0])
        elif deal.system.category and len(alike := [o for o in covering if nouns[o.deal_id]
                                                    & nouns[deal.deal_id]]) == 1:
            _fold(deal, alike[0])  # "the helicopters" beside "Caracal helicopters", "Rafale jets"
        elif deal.system.category is None and deal.deal_id in cued:
            # "moving ahead with a $1bn weapons sale" beside "the proposal includes four
            # drones and precision-guided munitions": the weapons are the package, so what
            # is said of them is said of each system in it.
            for other in covering:  # a stage a cue says beats one read from a tense
                other.status = deal.status if other.deal_id not in cued else max(
                    other.status, deal.status, key=STATUS_ORDER.index)
    return kept


def _fold(generic: ArmsTransfer, named: ArmsTransfer) -> None:
    named.status = max(named.status, generic.status, key=STATUS_ORDER.index)
    if named.status == "denied" and named.denier is None:
        named.denier = generic.denier
    merged = {e.start: e for e in (*named.evidence, *generic.evidence)}
    named.evidence = [merged[k] for k in sorted(merged)]
    if named.quantity is None:
        named.quantity, named.quantity_text = generic.quantity, generic.quantity_text
    if named.value is None:  # "12 helicopters worth $879 million" beside "H225M Caracal"
        named.value, named.value_text, named.currency = (generic.value, generic.value_text,
                                                         generic.currency)


def _covers(specific: ArmsTransfer, generic: ArmsTransfer, nouns: dict[str, set[str]]) -> bool:
    if generic.system.category is None:
        return specific.system.name is not None or specific.system.category is not None
    return specific.system.name is not None and (
        specific.system.category == generic.system.category
        or bool(nouns[specific.deal_id] & nouns[generic.deal_id]))


def doc_id_of(doc: Doc) -> str:
    """The article's id, the part of each deal id that names where the deal was read."""
    article = doc._.article
    return str(getattr(article, "id", None) or "text")


def deal_id(doc_id: str, supplier: str, recipient: str, system_key: str) -> str:
    """Stable across runs and processes, so re-coding an article updates the same record."""
    raw = "|".join((doc_id, supplier, recipient, system_key))
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]


def _record(doc_id: str, key: tuple[str, str, str], group: list[Reading],
            now: int | None) -> ArmsTransfer:
    first = group[0]
    status = _status([r for r in group if (r.status in ENDINGS or not _background(r, now))
                      and not _beyond(r, group)] or group)
    # A count said of the deal now comes before one said of an earlier deal, which is often
    # another deal for the same system; and when the deal is that earlier one (a contract of
    # 2018 cancelled in 2021), its count is the only one there is. A deal being delivered is
    # the contract the earlier sentence tells ("signed in 2016 for 36 jets"; five arrived).
    current = [] if status in HANDED_OVER else [r for r in group if not _background(r, now)]
    sized = _size(current, status) or _size(group, status)
    priced = next((r for r in group if r.value is not None), None)
    denier = _denier(group) if status == "denied" else None
    if denier is not None and denier.country not in key[:2]:
        # "Switzerland rejected Denmark's bid to send Piranhas to Ukraine": a refusal by a
        # country on neither side is a veto on another's sale, which stops it for now
        status, denier = "suspended", None
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
        denier=denier,
        evidence=_evidence(r.sent for r in group),
        attribution=None if any(r.attribution is None for r in group) else first.attribution,
    )


def _beyond(reading: Reading, group: list[Reading]) -> bool:
    """Whether the reading's trouble is said of more of the system than has come: "scrapping
    its purchase of the two additional batteries" beside "delivered the first of two
    batteries" ends the further purchase, not the delivery."""
    if reading.status not in TROUBLES or not any(r.status in HANDED_OVER for r in group):
        return False
    nouns = with_whole(mention_head(reading.mention))
    return any(c.dep_ == "amod" and c.lower_ in FURTHER for n in nouns for c in n.children)


def _size(group: list[Reading], status: str) -> Reading | None:
    """The reading that says how many. A deal being delivered is reported by its batches
    ("took delivery of two ... of the six ordered"), so the largest count is the deal's; any
    other stage is said first where it is reported, and later counts are often an earlier
    deal for the same system ("agreed to buy 20 more F-35As" beside "acquired 40 F-35As from
    2019 to 2022"), so the first count said with the deal's own status wins. A number said
    of several suppliers together ("Netherlands and Denmark to send 61 F-16s") is none of
    theirs while a supplier's own count is said; when none is, it is each one's, as the
    annotation rules of docs/arms.md count it ("together donate 14 Leopard 2A4 tanks")."""
    sized = [r for r in group if r.quantity_text and len(r.allies) <= 1] or [
        r for r in group if r.quantity_text]
    counted = [r for r in sized if r.quantity is not None]
    staged = [r for r in counted if r.status == status]
    if staged and status not in HANDED_OVER:
        return min(staged, key=lambda r: r.sent.start)
    if counted and status not in HANDED_OVER and any(r.mention.system.name for r in counted):
        # no count said with the deal's own stage: the first said of the named system
        # ("wanted to buy 40 F-16 Block 70 jets and upgrade kits for 79 aircraft")
        named = [r for r in counted if r.mention.system.name]
        return min(named, key=lambda r: (r.sent.start, r.mention.span.start))
    if counted:
        return max(counted, key=lambda r: r.quantity or 0)
    return sized[0] if sized else None


def _best_system(group: list[Reading]) -> WeaponSystem:
    """The mention that says most: not an anaphor ("such systems"), with an origin if any."""
    def rank(reading: Reading) -> tuple[bool, bool]:
        return (not reading.mention.anaphoric, reading.mention.system.origin is not None)
    return max(group, key=rank).mention.system


def _background(reading: Reading, now: int | None) -> bool:
    """Whether the reading's sentence tells an earlier deal for the same system
    (``told_earlier``): its stage and its count are not the new deal's; a cancellation or a
    denial, though, ends whatever deal there was."""
    return told_earlier(reading.sent, now)


def _status(group: list[Reading]) -> DealStatus:
    """The furthest stage a cue reports; the tense of transfer words only when no cue does.
    A deal one sentence calls delivered is still delivering when another speaks of its first
    batch ("inducted six J-10Cs" beside "the first batch of the 25 it bought"), and one called
    ordered is still in talks when another says its contract is yet to be signed. A
    headline's present tense ("Norway Delivers Air Defence Systems") tells the news whatever
    its stage, so it counts only when the body says none."""
    said = [r.status for r in group if r.explicit] or [
        r.status for r in group if not r.headline] or [r.status for r in group]
    status = max(cast(list[DealStatus], said), key=STATUS_ORDER.index)
    if status == "ordered" and any(r.unsigned for r in group):
        return "negotiating"  # "Jakarta had ordered 48 KAAN jets" beside "it had not signed
        # the contract on the purchase": the order others announced is still being talked over
    if status == "delivered" and not any(r.finished for r in group) and (
            any(r.partial for r in group) or _fewer_came(group)):
        return "delivering"
    return status


def _fewer_came(group: list[Reading]) -> bool:
    """Whether every count said to have come is smaller than the count the deal is for:
    "three F-16s have landed" beside "a contract for the purchase of 32 F-16s"."""
    came = [r.quantity for r in group if r.status in HANDED_OVER and r.quantity]
    bought = [r.quantity for r in group if r.status not in HANDED_OVER and r.quantity]
    return bool(came and bought) and max(came) < max(bought)


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


def _add_echoes(deals: list[ArmsTransfer], echoes: list[Mention], lex: Lexicon) -> None:
    """A sentence that names a system of exactly one deal and talks of deals is evidence too,
    and the count it writes on the system is the deal's when no transfer word's sentence gave
    one: reports often name the deal first and say what it is for apart ("Israel agreed to sell
    air defence systems ... The deal is for four SPYDER batteries")."""
    for mention in echoes:
        matching = [d for d in deals if d.system.name == mention.system.name]
        if len(matching) != 1:
            continue
        deal = matching[0]
        counted = count_of(mention, lex) if deal.quantity is None else None
        if counted is not None:
            deal.quantity, deal.quantity_text = counted
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
