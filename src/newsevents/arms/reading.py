"""One mention's reading: what a single sentence says about a system's deal, filled in by
``sentence`` and, for what the sentence leaves open, by ``filling``."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span

from newsevents.arms.mentions import Mention
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
    headline: bool = False  # only a headline's present tense said it ("Norway Delivers ...")
    denier: str | None = None
    partial: bool = False  # the sentence speaks of a first batch, of some out of more
    owned: bool = False  # the supplier is a nationality on the system ("the Canadian Leopards")
    finished: bool = False  # a cue says the last of the deal arrived ("completed delivery")
    unsigned: bool = False  # the contract is still to be signed ("had not signed the contract")
    cue: str | None = None  # the status cue's words that decided, or "not" for a negation
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
