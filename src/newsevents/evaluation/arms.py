"""Scoring arms-transfer records against passages annotated with the deals they report.

A gold file is JSON Lines, one passage a line::

    {"id": "...", "text": "...", "date": "2021-12-24",
     "deals": [{"supplier": "RUS", "recipient": "IDN", "system": "Su-35",
                "status": "cancelled", "quantity": 11}]}

Each deal names its supplier and recipient (ISO3) and its ``system``: the catalogue's name
for a system the catalogue holds, else the system's SIPRI category ("aircraft" for unnamed
drones), or "arms" for weapons of no category. It may add ``variant``, ``quantity``,
``value``, ``denier`` (on a "denied" deal), ``replaces`` (the system of the deal it
replaces, between the same two parties) and ``optional``: a deal the passage only mentions
in passing ("Purchases by Qatar, India and Greece"), which a coder may give or leave out.
Other keys (``url``, ``split``, ``currency``...) are kept for the reader and not scored.

A produced deal is right when a gold deal has its supplier, recipient and system; optional
deals count neither way. Status, quantity, value, denier, variant and the replacement link
are scored on the right deals only, each where the gold states it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field

from newsevents.models import DEAL_STATUSES, ArmsTransfer
from newsevents.weapons import compact

# Gold "system" for a deal in weapons of no category ("an arms package").
NO_CATEGORY = "arms"


class GoldDeal(BaseModel):
    model_config = ConfigDict(extra="forbid")

    supplier: str
    recipient: str
    system: str
    status: str
    variant: str | None = None
    quantity: int | None = None
    value: float | None = None
    currency: str | None = None
    denier: str | None = None
    replaces: str | None = None
    optional: bool = False

    def model_post_init(self, context: object, /) -> None:
        if self.status not in DEAL_STATUSES:
            raise ValueError(f"unknown deal status {self.status!r}")

    @property
    def key(self) -> tuple[str, str, str]:
        return self.supplier, self.recipient, self.system.lower()


class GoldPassage(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: str
    text: str
    date: str | None = None
    split: str | None = None
    deals: list[GoldDeal] = Field(default_factory=list)


def read_gold(path: Path, split: str | None = None) -> list[GoldPassage]:
    """The passages of a gold file (of one ``split`` when given); a bad line names itself."""
    passages: list[GoldPassage] = []
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            passage = GoldPassage.model_validate(json.loads(line))
        except ValueError as exc:
            raise ValueError(f"{path}:{number}: {exc}") from exc
        if split is None or passage.split == split:
            passages.append(passage)
    return passages


def deal_key(deal: ArmsTransfer) -> tuple[str, str, str]:
    system = deal.system.name or deal.system.category or NO_CATEGORY
    return deal.supplier.country or "?", deal.recipient.country or "?", system.lower()


@dataclass
class Rate:
    """Right out of scored, for one field."""

    right: int = 0
    scored: int = 0

    def add(self, ok: bool) -> None:
        self.scored += 1
        self.right += ok

    def text(self) -> str:
        share = f"{self.right / self.scored:.3f}" if self.scored else "n/a"
        return f"{share} ({self.right}/{self.scored})"


@dataclass
class ArmsScore:
    found: int = 0  # produced deals that match a gold deal
    produced: int = 0  # produced deals, less those matching optional gold deals
    gold: int = 0  # gold deals that are not optional
    status: Rate = field(default_factory=Rate)
    quantity: Rate = field(default_factory=Rate)
    quantity_given: Rate = field(default_factory=Rate)  # right when the coder gives one
    value: Rate = field(default_factory=Rate)
    denier: Rate = field(default_factory=Rate)
    variant: Rate = field(default_factory=Rate)
    replaces: Rate = field(default_factory=Rate)
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.found / self.produced if self.produced else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    def lines(self) -> Iterator[str]:
        yield (f"deals: precision {self.precision:.3f} ({self.found}/{self.produced}), "
               f"recall {self.recall:.3f} ({self.found}/{self.gold})")
        for name in ("status", "quantity", "value", "denier", "variant", "replaces"):
            yield f"{name} right on found deals: {getattr(self, name).text()}"
        yield f"quantity right where the coder gives one: {self.quantity_given.text()}"


def score(passages: Iterable[GoldPassage],
          produced: dict[str, list[ArmsTransfer]]) -> ArmsScore:
    """Every passage's produced deals against its gold deals."""
    result = ArmsScore()
    for passage in passages:
        _score_passage(passage, produced.get(passage.id, []), result)
    return result


def _score_passage(passage: GoldPassage, deals: list[ArmsTransfer], result: ArmsScore) -> None:
    gold = {g.key: g for g in passage.deals}
    result.gold += sum(not g.optional for g in passage.deals)
    by_id = {d.deal_id: d for d in deals}
    matched: set[tuple[str, str, str]] = set()
    for deal in deals:
        key = deal_key(deal)
        truth = gold.get(key)
        if truth is not None and truth.optional:
            continue
        result.produced += 1
        if truth is None:
            result.errors.append(f"{passage.id}: extra {_show(key)} {deal.status}")
            continue
        result.found += 1
        matched.add(key)
        _score_fields(passage.id, truth, deal, by_id, result)
    for key, truth in gold.items():
        if key not in matched and not truth.optional:
            result.errors.append(f"{passage.id}: missed {_show(key)} {truth.status}")


def _score_fields(pid: str, truth: GoldDeal, deal: ArmsTransfer,
                  by_id: dict[str, ArmsTransfer], result: ArmsScore) -> None:
    result.status.add(deal.status == truth.status)
    if deal.status != truth.status:
        result.errors.append(f"{pid}: {_show(truth.key)} status {deal.status}, "
                             f"gold {truth.status}")
    if truth.quantity is not None:
        result.quantity.add(deal.quantity == truth.quantity)
        if deal.quantity is not None:
            result.quantity_given.add(deal.quantity == truth.quantity)
        if deal.quantity != truth.quantity:
            result.errors.append(f"{pid}: {_show(truth.key)} quantity {deal.quantity}, "
                                 f"gold {truth.quantity}")
    if truth.value is not None:
        result.value.add(deal.value is not None and abs(deal.value - truth.value)
                         <= 0.01 * truth.value)
    if truth.status == "denied" and truth.denier:
        result.denier.add(deal.denier is not None and deal.denier.country == truth.denier)
    if truth.variant:
        result.variant.add(_same_variant(deal.variant, truth.variant))
    if truth.replaces:
        replaced = by_id.get(deal.replaces or "")
        result.replaces.add(replaced is not None and deal_key(replaced)[2]
                            == truth.replaces.lower() and replaced.status == "cancelled")


def _same_variant(produced: str | None, gold: str) -> bool:
    """As written, give or take spacing, hyphens and a plural: "Su-30SM" is "Su 30SM"."""
    if not produced:
        return False
    a, b = compact(produced), compact(gold)
    return a == b or a.rstrip("s") == b.rstrip("s")


def _show(key: tuple[str, str, str]) -> str:
    return f"{key[0]}->{key[1]} {key[2]}"
