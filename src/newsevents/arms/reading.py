"""One mention's reading: what a single sentence says about a system's deal.

``parties`` reads who supplies and who receives, ``status`` the deal's stage, ``amounts`` the
quantity and the value; gaps are left for the article-level filling (``filling``).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from spacy.tokens import Span, Token

from newsevents.arms.amounts import read_quantity
from newsevents.arms.countries import Countries
from newsevents.arms.lexicon import Lexicon, Trigger
from newsevents.arms.mentions import Mention
from newsevents.arms.parties import destination, owner, read_parties
from newsevents.arms.status import read_status
from newsevents.events import Lexicon as SpeechLexicon
from newsevents.events import attribution
from newsevents.models import Attribution


@dataclass
class Reading:
    """What one sentence says about one system: the parts of a future record."""

    mention: Mention
    role: str = "seller"  # how the transfer word's arguments map to the parties
    supplier: str | None = None
    recipient: str | None = None
    parties: list[str] = field(default_factory=list)  # named but without a direction
    allies: list[str] = field(default_factory=list)  # named on one side with the supplier
    status: str | None = None
    explicit: bool = False  # a cue said the status, not just the tense of the transfer word
    denier: str | None = None
    partial: bool = False  # the sentence speaks of a first batch, of some out of more
    quantity: int | None = None
    quantity_text: str | None = None
    value: float | None = None
    value_text: str | None = None
    currency: str | None = None
    attribution: Attribution | None = None

    @property
    def sent(self) -> Span:
        return self.mention.sent

    @property
    def system_key(self) -> str:
        system = self.mention.system
        return system.name or f"category:{system.category or 'unspecified'}"

    @property
    def complete(self) -> bool:
        return bool(self.supplier and self.recipient and self.supplier != self.recipient)


def read(mention: Mention, trigger: Token, rule: Trigger, lex: Lexicon, countries: Countries,
         speech: SpeechLexicon) -> list[Reading]:
    """All a sentence says about the mention except money, which is shared out per sentence
    (``read_values``): one reading per supplier and recipient when it names several
    ("the Netherlands and Denmark will give F-16s")."""
    reading = Reading(mention, role=rule.role)
    # Who reports the deal ("X said", "according to X"), read as the events stage reads it.
    reading.attribution = attribution(trigger, countries.look, speech)[0]
    suppliers, recipients = read_parties(reading, trigger, rule.role, lex, countries)
    promised_by, promised_to = destination(mention, lex, countries)
    recipients = promised_to or recipients
    suppliers = suppliers or promised_by or owner(mention, countries)
    read_status(reading, trigger, rule, lex, countries)
    read_quantity(reading, lex)
    readings = []
    for supplier in suppliers or [None]:
        for recipient in recipients or [None]:
            readings.append(replace(reading, supplier=supplier, recipient=recipient,
                                    parties=list(reading.parties), allies=list(suppliers)))
    return readings
