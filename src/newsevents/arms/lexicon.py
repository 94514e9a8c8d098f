"""The deal words of ``data/en/arms``: transfer triggers, status cues, units, numbers, money.

A trigger says how its arguments map to supplier and recipient and which status its tense
implies; a cue ("signed a contract", "first batch arrived", "was cancelled") states a status
outright. Statuses are checked when the tables load, so a typo fails at start-up rather than
as a rejected record much later.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from spacy.tokens import Token

from newsevents.events.syntax import lemma
from newsevents.models import DEAL_STATUSES
from newsevents.weapons import DATA_DIR, rows

# Progress of a deal, then its troubles: a later stage wins when sentences disagree.
STATUS_ORDER: tuple[str, ...] = DEAL_STATUSES
# The cue status of a use of the weapon (attacks, parades, tests): no deal.
NOT_DEALS = frozenset({"none"})
# Nouns for a deal as a whole ("the contract", "Colombia's Gripen contract").
DEAL_NOUNS = frozenset({"sale", "deal", "contract", "package", "order", "purchase", "agreement"})
# Statuses a cue reports even when a nearer cue reports progress (see ``reading``).
TROUBLES = frozenset({"at_risk", "suspended", "denied", "cancelled"})
# Troubles that end a deal for good, so that one told of an earlier time still ends it; a
# suspension or a delay years before may since have been lifted ("suspended the contract in
# 2010" in a 2016 report that half the systems have come).
ENDINGS = frozenset({"denied", "cancelled"})


@dataclass(frozen=True)
class Trigger:
    """A word that reports a transfer, how its arguments map to parties, what it implies."""

    lemma: str
    role: str
    statuses: dict[str, str]  # tense -> status


@dataclass(frozen=True)
class Cue:
    """A phrase that states a status; ``future`` is the status when it is only announced."""

    words: tuple[str, ...]
    status: str
    future: str


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, Trigger]
    nouns: dict[str, Trigger]
    cues: dict[str, list[Cue]]  # first word -> cues starting with it, longest first
    licence: frozenset[str]
    units: dict[str, bool]  # lemma -> the number counts systems
    numbers: dict[str, int]
    currency_signs: dict[str, str]
    currency_words: dict[str, str]
    scales: dict[str, float]
    money: re.Pattern[str]
    donation_words: frozenset[str]
    trade_words: frozenset[str]  # lemmas of buying and selling (trade.tsv)
    authorities: frozenset[tuple[str, ...]]  # export-licensing bodies, as lemmas
    trends: dict[str, str]  # lemma -> how it makes a transfer noun a statistic
    replacements: frozenset[tuple[str, ...]]

    @classmethod
    @cache
    def load(cls, data_dir: Path = DATA_DIR) -> Lexicon:
        verbs: dict[str, Trigger] = {}
        nouns: dict[str, Trigger] = {}
        for row in rows("triggers.tsv", data_dir):
            trigger = Trigger(row["lemma"], row["role"],
                              {t: row[t] for t in ("past", "present", "future")})
            (verbs if row["pos"] == "VERB" else nouns)[row["lemma"]] = trigger
        cues: dict[str, list[Cue]] = {}
        for row in rows("status.tsv", data_dir):
            words = tuple(row["phrase"].split())
            cues.setdefault(words[0], []).append(Cue(words, row["status"], row["future"]))
        for entries in cues.values():
            entries.sort(key=lambda c: -len(c.words))
        _check_statuses(verbs, nouns, cues)
        money = {kind: {r["text"]: r["value"] for r in rows("currencies.tsv", data_dir)
                        if r["kind"] == kind} for kind in ("sign", "word", "scale")}
        return cls(
            verbs=verbs, nouns=nouns, cues=cues,
            licence=frozenset(r["lemma"] for r in rows("licence.tsv", data_dir)),
            units={r["lemma"]: r["counts"] == "yes" for r in rows("units.tsv", data_dir)},
            numbers={r["word"]: int(r["value"]) for r in rows("numbers.tsv", data_dir)},
            currency_signs=money["sign"], currency_words=money["word"],
            scales={k: float(v) for k, v in money["scale"].items()},
            money=_money_pattern(money["sign"], money["word"], money["scale"],
                                 (r["word"] for r in rows("numbers.tsv", data_dir))),
            donation_words=frozenset(r["phrase"] for r in rows("donations.tsv", data_dir)),
            trade_words=frozenset(r["lemma"] for r in rows("trade.tsv", data_dir)),
            authorities=frozenset(tuple(r["phrase"].split())
                                  for r in rows("authorities.tsv", data_dir)),
            trends={r["lemma"]: r["kind"] for r in rows("trends.tsv", data_dir)},
            replacements=frozenset(tuple(r["phrase"].split())
                                   for r in rows("replacements.tsv", data_dir)),
        )

    def trigger(self, token: Token) -> Trigger | None:
        if token.pos_ in ("VERB", "AUX"):
            return self.verbs.get(lemma(token))
        if token.pos_ in ("NOUN", "PROPN"):
            return self.nouns.get(lemma(token))
        return None

    def cue_at(self, token: Token) -> Cue | None:
        """The longest cue that starts at ``token`` ("give up", "put on hold")."""
        doc = token.doc
        for cue in self.cues.get(lemma(token), ()):
            end = token.i + len(cue.words)
            if end <= len(doc) and tuple(lemma(t) for t in doc[token.i:end]) == cue.words:
                return cue
        return None

    def cue_status(self, token: Token) -> str | None:
        """The status of a one-word cue at ``token`` (used to stop at attacks and tests)."""
        for cue in self.cues.get(lemma(token), ()):
            if len(cue.words) == 1:
                return cue.status
        return None


def _check_statuses(verbs: dict[str, Trigger], nouns: dict[str, Trigger],
                    cues: dict[str, list[Cue]]) -> None:
    """A typo in a data file would otherwise surface as a failed record much later."""
    said = {s for t in (*verbs.values(), *nouns.values()) for s in t.statuses.values()}
    said |= {s for entries in cues.values() for c in entries for s in (c.status, c.future)}
    unknown = said - set(STATUS_ORDER) - NOT_DEALS
    if unknown:
        raise ValueError(f"data/en/arms: unknown deal status {sorted(unknown)}")


def _money_pattern(
    signs: Iterable[str], words: Iterable[str], scales: Iterable[str],
    number_words: Iterable[str] = (),
) -> re.Pattern[str]:
    """One pattern for "$2.5 billion", "€1.2bn", "$46-million", "2.5 billion dollars" and
    "one billion euros" (a number in words only before a scale)."""
    def alt(items: Iterable[str]) -> str:
        return "|".join(re.escape(i) for i in sorted(items, key=len, reverse=True))
    number = r"\d+(?:[.,]\d+)*"
    scales = list(scales)
    spelled = alt(number_words)
    number2 = (rf"(?:{number}|\b(?:{spelled})(?=[\s-](?:{alt(scales)})\b))" if spelled
               else number)
    scale = rf"(?:[\s-]?(?P<{{}}>{alt(scales)})\b)?"
    return re.compile(
        rf"(?P<sign>{alt(signs)})\s?(?P<num>{number}){scale.format('scale')}"
        rf"|(?P<num2>{number2}){scale.format('scale2')}\s?(?P<word>{alt(words)})\b",
        re.IGNORECASE,
    )
