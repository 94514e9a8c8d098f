"""A deal's weapons in the buyer's service: the buyer has them.

Reports of a purchase told earlier often say no more of the delivery than that the buyer has
now deployed the system ("Egypt had acquired the HQ-9B" beside "Egypt has deployed HQ-9B
systems in the Sinai"). Such a use gives no deal of its own (``governor``), but it shows
that a deal the article reports as bought was delivered.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsevents.arms.countries import Countries
from newsevents.arms.mentions import Mention, mention_head
from newsevents.arms.syntax import MAX_HOPS, negated, tense
from newsevents.events.syntax import lemma
from newsevents.models import ArmsTransfer

# Verbs of putting weapons into service.
DEPLOYING = frozenset({"deploy", "station"})
# Stages a deployment by the buyer takes further: the weapons came.
BOUGHT = frozenset({"approved", "ordered"})
# Dependencies through which a verb governs a system: "deployed two sets of HQ-9B systems".
THROUGH = frozenset({"compound", "nmod", "amod", "appos", "pobj", "prep",
                     "preconj"})  # ("Chinese HQ-9B long-range systems", parsed so)


def mark_deployed(deals: list[ArmsTransfer], mentions: list[Mention],
                  countries: Countries) -> None:
    """A bought deal whose system its recipient is said to have deployed is delivered."""
    for deal in deals:
        if deal.status in BOUGHT and deal.system.name and any(
                m.system.name == deal.system.name
                and _deployer(m, countries) == deal.recipient.country for m in mentions):
            deal.status = "delivered"


def _deployer(mention: Mention, countries: Countries) -> str | None:
    """The country that deployed the system, when the text says it did (not "will deploy",
    "did not deploy")."""
    token: Token = mention_head(mention)
    for _ in range(MAX_HOPS):
        if token.dep_ not in THROUGH or token.head.i == token.i:
            break
        token = token.head
    verb = token.head
    if token.dep_ != "dobj" or lemma(verb) not in DEPLOYING or negated(verb) or (
            tense(verb) == "future"):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return countries.of(subject) if subject is not None else None
