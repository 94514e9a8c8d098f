"""Denied deals: a transfer that someone says is not happening, and who says so.

Arms-trade watchers track rumoured deals and their denials, so a denied transfer is a record
with status "denied" and its denier, never a live deal and never nothing. A denial is either a
status cue that governs the system ("denied reports that it wanted to buy Su-30s", "refused
to sell", "the claims ... are a lie"; read with the other cues in ``reading``) or a negation on
the transfer itself ("has not supplied", "will not buy", "no plans to buy"), found here.
A negated denial or cancellation ("has not received a refusal", "would not give up plans to
buy") leaves the deal standing.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsevents.arms.countries import Countries
from newsevents.arms.lexicon import TROUBLES, Lexicon
from newsevents.arms.syntax import (
    MAX_HOPS,
    clause_subjects,
    clause_verb,
    negated,
    own_auxiliary,
    shares_subject,
)
from newsevents.events.syntax import lemma

# Objects of a verb through which "will not approve the sale" negates the sale.
OBJECTS = frozenset({"dobj", "nsubjpass", "attr"})
# A decision said not to be taken yet ("no decision regarding the purchase was reached"):
# the deal is still open, not denied. "No agreement has been reached between Pakistan and
# China for the purchase" stays a denial: it answers the reports of a deal.
PENDING_NOUNS = frozenset({"decision"})
# Verbs of telling: what a party did not disclose or name ("did not name a timeframe for the
# supply", "the order had not been disclosed") it did not deny.
TELLING = frozenset({"disclose", "reveal", "name", "specify", "detail", "announce",
                     "publish", "comment", "say", "elaborate"})
REACHING = frozenset({"reach", "make", "take"})


def negation(trigger: Token, lex: Lexicon) -> Token | None:
    """The negated word that denies the transfer: the transfer verb or a verb it depends on
    through xcomp/conj ("did not agree to sell"), the verb a transfer noun is the object of
    ("will not approve the sale"), or a noun under "no" ("no plans to buy"). A denial cue on
    the way ends the search: "has not received a refusal to buy" denies the denial."""
    token = trigger
    for _ in range(MAX_HOPS):
        cue = lex.cue_at(token) if token.i != trigger.i else None
        if cue is not None and cue.status in TROUBLES:
            return None  # "would not give up plans to buy": the plan stands
        if has_no(token) and pending(token):
            return None
        if negated(token) or has_no(token):
            return None if not_yet(token) or lemma(token) in TELLING else token
        if token.dep_ in ("xcomp", "acl", "pobj", "prep") or (
                shares_subject(token) and not own_auxiliary(token)) or (
            token.dep_ in OBJECTS and token.pos_ in ("NOUN", "PROPN")
        ):
            if token.head.i == token.i:
                return None
            token = token.head
            continue
        return None
    return None


def not_yet(token: Token) -> bool:
    """ "There is not yet a financed deal", "have not yet delivered": still to come, not
    denied."""
    return negated(token) and any(c.lower_ == "yet" for c in token.children)


def pending(noun: Token) -> bool:
    """"no decision ... was reached", "no decision has been made": not yet, not never."""
    return lemma(noun) in PENDING_NOUNS and lemma(noun.head) in REACHING


def has_no(token: Token) -> bool:
    """"no plans", "no purchase": a determiner "no" on a noun."""
    return token.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "no"
                                        for c in token.children)


def denier(denying: Token, countries: Countries, speaker_country: str | None) -> str | None:
    """The country of whoever denies: the subject of the denying clause ("Iran rejects...",
    "Germany refused..."), else the speaker the sentence quotes."""
    for subject in clause_subjects(clause_verb(denying)):
        country = countries.of(subject)
        if country:
            return country
    return speaker_country
