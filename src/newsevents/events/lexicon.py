"""The event lexicon: verb and noun triggers and cue words, read from ``data/en/events``."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from spacy.tokens import Span, Token

from newsevents.events.syntax import lemma
from newsevents.tables import data_path, read_tsv

DEFAULT_TARGET_PREPS = frozenset(
    {"to", "with", "against", "on", "upon", "at", "toward", "towards", "into", "from", "for"}
)


LEARNED_TRIGGERS = "learned_triggers.tsv"


@dataclass(frozen=True)
class Trigger:
    """One lexicon entry: a lemma, what its dependents must be, and what it codes."""

    lemma: str
    event_type: str
    mode: str | None = None
    context: tuple[str, ...] = ()
    requires: tuple[tuple[str, frozenset[str]], ...] = ()
    roles: str = ""
    absorbs: bool = False
    target_preps: frozenset[str] = DEFAULT_TARGET_PREPS
    learned: bool = False


@dataclass
class Lexicon:
    verbs: dict[str, list[Trigger]] = field(default_factory=dict)
    nouns: dict[str, Trigger] = field(default_factory=dict)
    cues: dict[str, set[str]] = field(default_factory=dict)
    instruments: dict[str, str] = field(default_factory=dict)
    # lemma -> (relation, words) of its other senses (other_senses.tsv)
    other_senses: dict[str, list[tuple[str, frozenset[str]]]] = field(default_factory=dict)

    @classmethod
    @cache
    def load(cls, learned_dir: Path | None = None, learned: bool = False) -> Lexicon:
        """The hand-written tables; with ``learned``, then the triggers learned from the corpus
        in ``learned_dir`` (default: the package's `data/en/events/`, where `newsevents train`
        writes them), which only a model should weigh."""
        lex = cls()
        for row in _rows("verbs.tsv"):
            requires = tuple(
                (rel, frozenset(values.split("|")))
                for rel, _, values in (r.partition("=") for r in row["requires"].split())
            )
            trigger = Trigger(
                lemma=row["lemma"],
                event_type=row["event_type"],
                mode=row["mode"] or None,
                context=tuple(filter(None, row["context"].split(";"))),
                requires=requires,
                roles=row["roles"],
                absorbs=row["absorbs"] == "yes",
            )
            lex.verbs.setdefault(trigger.lemma, []).append(trigger)
        for entries in lex.verbs.values():
            entries.sort(key=lambda t: -len(t.requires))  # specific patterns first
        for row in _rows("nouns.tsv"):
            preps = frozenset(filter(None, row["target_preps"].split("|")))
            lex.nouns[row["lemma"]] = Trigger(
                lemma=row["lemma"],
                event_type=row["event_type"],
                mode=row["mode"] or None,
                context=tuple(filter(None, row["context"].split(";"))),
                target_preps=preps or DEFAULT_TARGET_PREPS,
            )
        if learned:
            lex._add_learned(learned_dir or data_path("events", ""))
        for row in _rows("cues.tsv"):
            lex.cues.setdefault(row["kind"], set()).add(row["cue"])
        lex.instruments = {row["lemma"]: row["mode"] for row in _rows("instruments.tsv")}
        for row in _rows("other_senses.tsv"):
            for word in row["lemma"].split("|"):
                lex.other_senses.setdefault(word, []).append(
                    (row["relation"], frozenset(row["words"].split("|"))))
        return lex

    def _add_learned(self, folder: Path) -> None:
        """Triggers read off the annotated corpus (`newsevents train`), after the hand-written
        entries: a lemma the lexicon already has keeps its own patterns."""
        for row in read_tsv(folder / LEARNED_TRIGGERS):
            trigger = Trigger(lemma=row["lemma"], event_type=row["event_type"],
                              mode=row["mode"] or None, learned=True)
            if row["pos"] == "NOUN":
                self.nouns.setdefault(trigger.lemma, trigger)
            elif trigger.lemma not in self.verbs:
                self.verbs[trigger.lemma] = [trigger]

    def instrument_mode(self, sent: Span) -> str | None:
        """The ASSAULT mode given by the weapon a sentence names, in the table's order."""
        lemmas = {lemma(t) for t in sent if t.pos_ in ("NOUN", "ADJ", "PROPN")}
        return next((mode for lemma, mode in self.instruments.items() if lemma in lemmas), None)

    def cue(self, kind: str, lemma: str) -> bool:
        return lemma in self.cues.get(kind, ())

    def speech_verb(self, token: Token, hops: int = 8) -> Token | None:
        """The verb of saying whose reported clause holds the token ("X said that ...",
        "..., X said"), within ``hops`` steps up the parse: what it says is attributed, and
        its subject is the speaker."""
        current = token
        for _ in range(hops):
            head = current.head
            if head.i == current.i:
                return None
            if current.dep_ in ("ccomp", "parataxis") and self.cue("speech", lemma(head)):
                return head
            current = head
        return None


def _rows(name: str) -> Iterator[dict[str, str]]:
    return read_tsv(data_path("events", name))
