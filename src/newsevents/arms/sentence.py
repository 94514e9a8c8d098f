"""What one sentence says about one mention: ``parties`` reads who supplies and who
receives, ``status`` the deal's stage, ``amounts`` the quantity; the money in a sentence is
shared out among its mentions afterwards (``amounts.read_values``).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from newsevents.arms.amounts import deal_count, number_of, read_quantity
from newsevents.arms.countries import Countries
from newsevents.arms.governor import builds_for
from newsevents.arms.lexicon import DEAL_NOUNS, Lexicon, Trigger
from newsevents.arms.mentions import Mention
from newsevents.arms.parties import destination, gapped, owner, read_parties
from newsevents.arms.reading import Reading
from newsevents.arms.status import HANDED_OVER, MAKER_NOUNS, read_status
from newsevents.arms.syntax import transfer_objects
from newsevents.events import Lexicon as SpeechLexicon
from newsevents.events import attribution
from newsevents.events.syntax import lemma

# Plural nouns of buyers left unnamed ("exported to several countries").
BUYER_NOUNS = frozenset({"country", "nation", "customer", "buyer", "client", "operator",
                         "user", "state", "government", "army", "military"})


def read(mention: Mention, trigger: Token, rule: Trigger, lex: Lexicon, countries: Countries,
         speech: SpeechLexicon) -> list[Reading]:
    """All a sentence says about the mention except money, which is shared out per sentence
    (``read_values``): one reading per supplier and recipient when it names several
    ("the Netherlands and Denmark will give F-16s")."""
    given = rule
    if rule.role == "licence" and builds_for(trigger, mention):
        # a maker building for a foreign buyer sells: what is being built, or has been
        # built ("are being built for Bangladesh", a passive the tense reads as past), is on
        # order until a word says it was handed over
        rule = replace(rule, role="seller", statuses={**rule.statuses, "present": "ordered",
                                                      "past": "ordered"})
    role = rule.role
    reading = Reading(mention, role=role)
    # Who reports the deal ("X said", "according to X"), read as the events stage reads it.
    reading.attribution = attribution(trigger, countries.look, speech)[0]
    suppliers, recipients = read_parties(reading, trigger, role, lex, countries)
    if not recipients and _to_unnamed_buyers(trigger):
        return []  # "the CAESAR has been exported to several countries": not this deal
    if rule is not given and not suppliers:
        suppliers = _maker_country(reading.sent, countries, recipients)
    promised_by, promised_to = destination(mention, lex, countries)
    if not (role == "buyer" and recipients):
        # a buyer named by the transfer word keeps the weapons it buys even when a clause
        # says where they go next ("talks with Qatar on the purchase of 15 Gepard tanks that
        # would be sent to Ukraine": Germany buys them)
        recipients = promised_to or recipients
    owned = not (suppliers or promised_by)
    suppliers = suppliers or promised_by or owner(mention, countries)
    reading.owned = owned and bool(suppliers)
    read_status(reading, trigger, rule, lex, countries)
    if reading.status == "denied" and not suppliers and reading.denier and (
            reading.denier not in recipients) and rule.role != "buyer":
        # "South Africa denied there was a deal to ship weapons to Russia": who denies
        # shipping is the one said to ship
        suppliers = [reading.denier]
    read_quantity(reading, lex)
    if reading.status == "approved" and not reading.explicit and _under_a_deal(trigger):
        reading.status = "ordered"  # "IAI will provide the Barak MX in a deal worth $500m"
    ordered = deal_count(reading.sent, DEAL_NOUNS, lex) if reading.quantity else None
    if reading.status in HANDED_OVER and reading.quantity and (
            ordered or 0) > reading.quantity:
        # "received two Su-30s under a contract on the delivery of 12": the deal is 12 and
        # two of them have come
        reading.status, reading.partial, reading.quantity = "delivering", True, ordered
    readings = []
    for supplier in suppliers or [None]:
        for recipient in recipients or [None]:
            readings.append(replace(reading, supplier=supplier, recipient=recipient,
                                    parties=list(reading.parties), allies=list(suppliers)))
        for recipient, count in gapped(trigger, countries, mention.span):
            # "... and six to Norway": the same system, with the conjunct's own count
            readings.append(replace(reading, supplier=supplier, recipient=recipient,
                                    quantity=number_of(count, lex), quantity_text=count.text,
                                    parties=list(reading.parties), allies=list(suppliers)))
    return readings


def _to_unnamed_buyers(trigger: Token) -> bool:
    """Whether a transfer goes "to several countries", "to many customers": buyers the
    sentence leaves unnamed, whom the article's own deal is not to stand in for."""
    return any(g.tag_ == "NNS" and lemma(g) in BUYER_NOUNS for g in transfer_objects(
        trigger, frozenset({"to"})))


def _maker_country(sent: Span, countries: Countries, recipients: list[str]) -> list[str]:
    """The country of the maker a sentence names ("the Spanish shipyard", "Spain's Cardama
    Shipyard"): who builds for a foreign buyer supplies."""
    for token in sent:
        if lemma(token) in MAKER_NOUNS:
            country = countries.of(token)
            if country and country not in recipients:
                return [country]
    return []


def _under_a_deal(trigger: Token) -> bool:
    """Whether the transfer is done "in a deal", "under a contract": then what the supplier
    will provide is ordered, not only decided."""
    return any(c.dep_ == "prep" and c.lower_ in ("in", "under") and any(
        lemma(g) in DEAL_NOUNS for g in c.children if g.dep_ == "pobj")
        for c in trigger.children)
