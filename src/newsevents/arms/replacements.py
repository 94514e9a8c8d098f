"""Replacements: a buyer drops one deal for another ("Indonesia abandoned the Su-35 deal and
will buy Rafales instead"). The dropped deal is "cancelled"; the new one is its own record
whose ``replaces`` names the dropped deal, so a register can follow the buyer's choice.

A live deal replaces a cancelled one when both go to the same buyer, are for the same kind of
weapon (the category), differ in supplier or system, and one sentence reports both, a
sentence of either says so ("instead", "replace", "in favour of", "opted for ... over"), or
the live deal is a new search (proposed, negotiating) reported after the cancellation.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsevents.arms.lexicon import Lexicon
from newsevents.events.syntax import lemma
from newsevents.models import ArmsTransfer

# Statuses of a deal that a buyer is still choosing.
SEARCHING = frozenset({"proposed", "negotiating"})
# Statuses of a deal that is no longer live, so it replaces nothing.
ENDED = frozenset({"cancelled", "denied"})


def link_replacements(doc: Doc, deals: list[ArmsTransfer], lex: Lexicon) -> None:
    """Set ``replaces`` on each live deal that takes a cancelled deal's place."""
    said = {start for deal in deals for start in _starts(deal)
            if _says_replace(doc, start, lex)}
    for deal in deals:
        if deal.status in ENDED:
            continue
        dropped = [old for old in deals if old.status == "cancelled" and _rivals(old, deal)]
        shared = [old for old in dropped if set(_starts(old)) & set(_starts(deal))]
        told = [old for old in dropped if (set(_starts(old)) | set(_starts(deal))) & said]
        # "... we have to cancel plans to buy Su-35s ... now Indonesia is considering buying
        # Rafales": a new search reported after the cancellation
        later = [old for old in dropped if deal.status in SEARCHING
                 and min(_starts(deal)) > min(_starts(old))]
        chosen = shared or told or later
        if len(chosen) == 1:
            deal.replaces = chosen[0].deal_id


def _rivals(old: ArmsTransfer, new: ArmsTransfer) -> bool:
    """Two deals for one buyer and one kind of weapon, from another supplier or in another
    system."""
    kind = old.system.category == new.system.category or None in (
        old.system.category, new.system.category)
    return (kind and old.recipient.country == new.recipient.country
            and (old.supplier.country, old.system.name) != (new.supplier.country,
                                                             new.system.name))


def _starts(deal: ArmsTransfer) -> list[int]:
    return [e.start for e in deal.evidence]


def _says_replace(doc: Doc, start: int, lex: Lexicon) -> bool:
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return False
    lemmas = [lemma(t) for t in span.sent]
    return any(tuple(lemmas[i:i + len(words)]) == words
               for words in lex.replacements for i in range(len(lemmas)))
