"""What a sentence that names no system says of a deal the article has told.

Reports name the system once and then speak of "the deal", "the contract" or "the talks":
"The defense deal was approved by the State Department last week", "negotiations between
Colombia and Saab are under way", "which resulted in the cancellation of the contract", "The
contract is worth $320 million". Such a sentence's status cue, and its price when the deal
has none yet, go to the one deal it can mean: the one between the countries it names
(companies count for their home country), or, when it names none, the article's only deal.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsevents.arms.amounts import money_in
from newsevents.arms.countries import Countries
from newsevents.arms.denials import denier, has_no
from newsevents.arms.lexicon import DEAL_NOUNS, ENDINGS, NOT_DEALS, STATUS_ORDER, Cue, Lexicon
from newsevents.arms.status import (
    BATCH_WORDS,
    PART_WORDS,
    SIGNING,
    cues_in,
    signing_ahead,
    time_to,
)
from newsevents.arms.syntax import CONDITIONS, clause_verb, cue_tense, negated, told_earlier
from newsevents.events.syntax import lemma
from newsevents.models import ArmsTransfer, Party

# The words of talks about a deal.
TALKS = frozenset({"talk", "negotiation", "negotiate", "discuss"})
# Prepositions that put a signing their gerund says still ahead ("in exchange for signing").
AHEAD = frozenset({"for", "before", "toward", "towards"})
# What a denial may dismiss when it answers a deal told before: "Pyongyang has dismissed the
# claim", "Cairo rejected the reports as baseless".
CLAIMS = frozenset({"claim", "report", "allegation", "accusation", "rumour", "rumor",
                    "speculation", "charge"})
# Nouns of when a signing is to happen, which put it still ahead: "the time frame of signing
# this contract", "the date for signing the deal".
WHEN = frozenset({"frame", "timeframe", "timing", "date", "deadline", "timeline", "schedule"})
# Verbs that put a signing still ahead: "the signing of the contract can be expected".
AWAITING = frozenset({"expect", "await", "anticipate"})
# Conjunctions of a clause that tells what is still to happen before something else.
UNTIL = frozenset({"until", "till", "before", "once"})


def follow_up(doc: Doc, deals: list[ArmsTransfer], cued: set[str], told: set[int],
              lex: Lexicon, countries: Countries, unsigned: frozenset[str] = frozenset(),
              now: int | None = None) -> None:
    """Give each deal the status later sentences say of it without naming its system.

    ``told`` holds the starts of the sentences that name a system (they speak for
    themselves); a deal in ``cued`` already has a status a cue says, which only a further
    stage replaces, while one read from a tense takes the sentence's. A deal in ``unsigned``
    has a contract still to sign, so no such sentence makes it an order; and a sentence that
    says the contract is yet to be signed ("The signing of the contract can be expected in two
    months") takes an order back to talks. A sentence that tells an earlier time (the
    article's year ``now``, ``told_earlier``) gives only a trouble that ends the deal: "Russia
    suspended the contract in 2010" says nothing of a 2016 delivery."""
    if not deals:
        return
    pairs = {(d.supplier.country, d.recipient.country) for d in deals}
    for sent in doc.sents:
        if sent.start in told:
            continue
        if len(pairs) == 1 and _a_part(sent, lex):
            # "The shipment is only the first part of a larger deal": what has come so far
            # is part of the package between the article's two countries.
            for deal in deals:
                if deal.status == "delivered":
                    deal.status = "delivering"
            continue
        said, saying = _said_of_deal(sent, lex)
        priced = money_in(sent, lex) if _speaks_of_a_deal(sent) else []
        yet = _yet_to_sign(sent, lex)
        if said is None and not priced and not yet:
            continue
        named = countries.in_sentence(sent)
        meant = [d for d in deals if named and named <= {d.supplier.country, d.recipient.country}]
        if not named and len(deals) == 1:
            meant = deals
        if len(meant) > 1 and len(systems := [d for d in meant if d.system.name]) == 1:
            meant = systems  # "negotiations between Colombia and Saab" beside Gripens and an
            # unnamed deal between the two: the talks are about the named system
        if len(meant) != 1:
            continue
        deal = meant[0]
        if priced and deal.value is None:  # "The contract, which is worth $320 million"
            _, deal.value, deal.value_text, deal.currency = priced[0]
        if yet and deal.status == "ordered":
            deal.status = "negotiating"
            continue
        if yet and said == "ordered":
            said = "negotiating"  # "No contract has been signed, and the terms of the order
            # will not be set until final negotiations have concluded": talks, no order
        if said is None or (said == "ordered" and deal.deal_id in unsigned) or (
                said not in ENDINGS and told_earlier(sent, now)):
            continue
        if deal.deal_id in cued:
            deal.status = max(deal.status, said, key=STATUS_ORDER.index)  # type: ignore[assignment]
        else:
            deal.status = said  # type: ignore[assignment]
            cued.add(deal.deal_id)
        if deal.status == "denied" and deal.denier is None and saying is not None:
            country = denier(saying, countries, None)  # "Pyongyang has dismissed the claim"
            deal.denier = Party(country=country) if country else None


def _said_of_deal(sent: Span, lex: Lexicon) -> tuple[str | None, Token | None]:
    """The status the sentence's first cue about a deal says, and the cue: a cue on "the
    deal" (or on what "the deal" is the subject or object of), talks, or a denial of what
    was claimed."""
    for cue, tokens in cues_in(sent, lex):
        first = tokens[0]
        if cue.status in NOT_DEALS or negated(first) or has_no(first) or time_to(first) or (
                _yet(first)) or _on_condition(first) or any(
                    c.dep_ in ("nsubjpass", "dobj") and has_no(c) for c in first.children):
            continue  # "they had yet to finalize the deal", "no contract has been signed",
            # "if this order goes through": a condition tells no stage
        if lemma(first) in TALKS or _on_the_deal(first) or (
                cue.status == "denied" and _on_a_claim(first)):
            return _stage(cue, first), first
    return None, None


def _on_condition(cue: Token) -> bool:
    """A cue in a clause of condition: "If this order goes through", "if a deal is struck"."""
    return any(c.dep_ == "mark" and c.lower_ in CONDITIONS for c in clause_verb(cue).children)


def _yet_to_sign(sent: Span, lex: Lexicon) -> bool:
    """Whether the sentence says the contract is still to be signed: "The signing of the
    contract can be expected in two months", "they have yet to sign the contract", "the
    deal has not been signed"."""
    for token in sent:
        if lemma(token) not in SIGNING and token.lower_ != "signing":
            continue
        verb = clause_verb(token)
        later = lemma(verb) in AWAITING or _yet(token) or negated(token) or any(
            c.dep_ in ("nsubjpass", "dobj") and has_no(c) for c in token.children
        ) or any(  # "No contract has been signed"
            c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll") for c in verb.children
        ) or signing_ahead(verb)
        if later and (_speaks_of_a_deal(sent) or any(
                lemma(c) in DEAL_NOUNS for c in verb.children if c.dep_ == "dobj")):
            return True  # ("next week, we are signing deals")
    return False


def _yet(token: Token) -> bool:
    """"has yet to finalize", "had yet to sign": a "yet" on the word or the verb above it."""
    return any(c.lower_ == "yet" for t in (token, token.head) for c in t.children)


def _speaks_of_a_deal(sent: Span) -> bool:
    """Whether the sentence has "the deal", "the contract", "this sale" as a whole."""
    return any(t.pos_ == "NOUN" and lemma(t) in DEAL_NOUNS and any(
        c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "its", "their")
        for c in t.children) for t in sent)


def _a_part(sent: Span, lex: Lexicon) -> bool:
    """Whether the sentence calls a delivery part of a deal ("the first part of a larger
    deal", "a first batch under the contract")."""
    return any(cue.status == "delivering" and (cue.words[0] in PART_WORDS
                                               or cue.words[-1] in BATCH_WORDS)
               for cue, _ in cues_in(sent, lex)) and any(
        t.pos_ == "NOUN" and lemma(t) in DEAL_NOUNS for t in sent)


def _on_a_claim(cue: Token) -> bool:
    """A denial of what was said before: "has dismissed the claim", "denied the reports";
    not "neither accepted nor denied the reports"."""
    if any(t.lower_ in ("neither", "nor") for t in (*cue.children, *cue.head.children)):
        return False
    return any(c.dep_ in ("dobj", "nsubjpass") and lemma(c) in CLAIMS for c in cue.children)


def _on_the_deal(cue: Token) -> bool:
    verb = clause_verb(cue)
    near = [cue, *cue.children, verb, *verb.children]
    if verb.dep_ == "conj":  # "the deal is worth $4bn and was approved": a shared subject
        near += [verb.head, *verb.head.children]
    near += [g for t in near if t.dep_ == "prep" for g in t.children]
    return any(t.pos_ == "NOUN" and lemma(t) in DEAL_NOUNS and any(
        c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "its", "their")
        for c in t.children) for t in near)


def _stage(cue: Cue, token: Token) -> str:
    """The cue's stage, or its future one when still ahead: "will sign", and "in exchange
    for signing the agreement", "before signing the contract", "expect it to be finalized"."""
    ahead = token.dep_ == "pcomp" and lemma(token) in SIGNING and (
        token.head.lower_ in AHEAD
        or (token.head.lower_ == "of" and lemma(token.head.head) in WHEN))
    # "I expect this to be finalized shortly": a signing awaited is still ahead
    ahead = ahead or (token.dep_ in ("xcomp", "ccomp") and lemma(token.head) in AWAITING) or (
        any(c.dep_ == "mark" and c.lower_ in UNTIL for c in token.children))
    # ("the terms will not be set until final negotiations have concluded")
    # ("the break fee for scrapping the deal" still scraps it)
    return cue.future if ahead or cue_tense(token) == "future" else cue.status
