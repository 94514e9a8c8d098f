"""The annotated real-news corpus: its record format, its splits, and the checks on every record.

The corpus (`corpus/annotated/*.jsonl` in the repository) is what the coder is trained on and
measured against, so its format is a contract like the output schema: the rules behind each
field are in `docs/annotation.md`. A record is one document; every sentence of it is listed,
with its events or with none, because sentences that hold no event are what keep a coder from
finding events everywhere.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from newsevents.models import EVENT_TYPES, Article, Realis
from newsevents.tables import data_path, read_tsv

Split = Literal["train", "dev", "test"]
Origin = Literal["event-sentences", "wikinews", "written", "plover-gold"]
REAL_ORIGINS: frozenset[str] = frozenset({"event-sentences", "wikinews"})

SECTORS: frozenset[str] = frozenset({
    "GOV", "MIL", "COP", "SPY", "JUD", "LEG", "PTY", "OPP", "REB", "CVL", "BUS", "MED", "NGO",
    "REL", "LAB", "JRN", "EDU", "REF", "CRM", "UAF", "ELI",
})

# Modes per type, as the codebook names them (docs/annotation.md, section 3).
MODES: dict[str, frozenset[str]] = {
    "AGREE": frozenset(),
    "CONSULT": frozenset({"visit", "third-party", "multilateral", "phone"}),
    "SUPPORT": frozenset(),
    "CONCEDE": frozenset(),
    "COOPERATE": frozenset(),
    "AID": frozenset(),
    "RETREAT": frozenset({"withdraw", "release", "return", "disarm", "ceasefire", "access",
                          "resign"}),
    "REQUEST": frozenset({"assist", "change", "yield", "meet"}),
    "ACCUSE": frozenset({"disapprove", "investigate", "allege"}),
    "REJECT": frozenset({"assist", "change", "yield", "meet"}),
    "THREATEN": frozenset({"restrict", "ban", "arrest", "relations", "rights", "expel",
                           "territory", "violence"}),
    "PROTEST": frozenset({"demo", "riot", "strike", "hunger", "boycott", "obstruct"}),
    "SANCTION": frozenset({"convict", "expel", "withdraw", "discontinue"}),
    "MOBILIZE": frozenset({"troops", "weapons", "police", "militia"}),
    "COERCE": frozenset({"seize", "restrict", "ban", "censor", "curfew", "arrest", "deport",
                         "withhold", "cyber", "misinformation"}),
    "ASSAULT": frozenset({"abduct", "beat", "torture", "execute", "sexual", "assassinate",
                          "destroy", "primitive", "firearms", "explosives", "suicide-attack",
                          "aerial", "drone", "heavy-weapons", "crowd-control", "cleansing",
                          "massacre", "unconventional"}),
}

# Test and dev shares of documents; the rest is training data. Fixed before annotation.
TEST_SHARE, DEV_SHARE = 0.20, 0.15


def split_of(doc_id: str) -> Split:
    """A document's split from a hash of its id, so it never depends on what else is annotated."""
    bucket = int(hashlib.sha256(doc_id.encode()).hexdigest()[:8], 16) / 0xFFFFFFFF
    if bucket < TEST_SHARE:
        return "test"
    return "dev" if bucket < TEST_SHARE + DEV_SHARE else "train"


@cache
def known_igos() -> frozenset[str]:
    return frozenset(row["igo"] for row in read_tsv(data_path("actors", "igos.tsv")))


@cache
def known_countries() -> frozenset[str]:
    """The codes of our country table, plus those ISO leaves to user assignment or omits."""
    rows = read_tsv(data_path("actors", "countries.tsv"))
    return frozenset(row["iso3"] for row in rows) | {"XKX", "PSE", "TWN"}


class GoldActor(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str | None = None
    country: str | None = None
    igo: str | None = None
    sector: str | None = None

    @model_validator(mode="after")
    def _codes(self) -> GoldActor:
        if self.country is not None and self.country not in known_countries():
            raise ValueError(f"unknown country code {self.country!r}")
        if self.igo is not None and self.igo not in known_igos():
            raise ValueError(f"unknown IGO {self.igo!r} (see data/en/actors/igos.tsv)")
        if self.sector is not None and self.sector not in SECTORS:
            raise ValueError(f"unknown sector {self.sector!r}")
        return self


class GoldEvent(BaseModel):
    model_config = ConfigDict(extra="forbid")
    type: str
    mode: str | None = None
    trigger: str
    source: list[GoldActor] = Field(default_factory=list)
    target: list[GoldActor] = Field(default_factory=list)
    realis: Realis = "asserted"
    background: bool = False
    date_text: str | None = None
    place: str | None = None

    @model_validator(mode="after")
    def _type_and_mode(self) -> GoldEvent:
        if self.type not in EVENT_TYPES:
            raise ValueError(f"unknown event type {self.type!r}")
        if self.mode is not None and self.mode not in MODES[self.type]:
            raise ValueError(f"mode {self.mode!r} is not a mode of {self.type}")
        return self


class GoldSentence(BaseModel):
    model_config = ConfigDict(extra="forbid")
    index: int
    start: int
    end: int
    text: str
    events: list[GoldEvent] = Field(default_factory=list)

    @model_validator(mode="after")
    def _spans_in_text(self) -> GoldSentence:
        for event in self.events:
            spans = [event.trigger, event.date_text, event.place]
            spans += [actor.text for actor in event.source + event.target]
            for span in spans:
                if span is not None and span not in self.text:
                    raise ValueError(f"{span!r} is not a substring of sentence {self.index}")
        return self


class Marked(BaseModel):
    """An event word and its places as marked by the source corpus's own annotators."""

    model_config = ConfigDict(extra="forbid")
    trigger: str
    locations: list[str] = Field(default_factory=list)


class GoldDocument(BaseModel):
    model_config = ConfigDict(extra="forbid")
    doc_id: str
    origin: Origin
    split: Split
    url: str | None = None
    title: str | None = None
    date: str | None = None
    text: str
    sentences: list[GoldSentence]
    marked: list[Marked] = Field(default_factory=list)

    @model_validator(mode="after")
    def _sentences_match_text(self) -> GoldDocument:
        for i, sentence in enumerate(self.sentences):
            if sentence.index != i:
                raise ValueError(f"sentence {i} has index {sentence.index}")
            if self.text[sentence.start:sentence.end] != sentence.text:
                raise ValueError(f"sentence {i} is not text[{sentence.start}:{sentence.end}]")
        if self.split != split_of(self.doc_id):
            fixed = split_of(self.doc_id)
            raise ValueError(f"split {self.split!r} differs from the fixed {fixed!r}")
        return self

    @property
    def is_real(self) -> bool:
        return self.origin in REAL_ORIGINS

    def article(self) -> Article:
        """The document as the coder takes it: scoring and training code the same article."""
        date = dt.date.fromisoformat(self.date) if self.date else None
        return Article(id=self.doc_id, text=self.text, title=self.title, date=date, url=self.url)


def is_corpus(path: Path) -> bool:
    """A folder, or a JSONL file whose first record has sentences: the corpus format."""
    if path.is_dir():
        return True
    try:
        with path.open(encoding="utf-8") as handle:
            first = next((line for line in handle if line.strip()), "")
        return isinstance(json.loads(first), dict) and "sentences" in json.loads(first)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return False


def read_corpus(paths: Iterable[Path]) -> Iterator[GoldDocument]:
    """Every document of the given JSONL files (folders are read for `*.jsonl`), validated."""
    for path in paths:
        files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
        for file in files:
            with file.open(encoding="utf-8") as handle:
                for number, line in enumerate(handle, 1):
                    if not line.strip():
                        continue
                    try:
                        yield GoldDocument.model_validate_json(line)
                    except ValidationError as error:
                        raise CorpusError(f"{file}:{number}: {_first_error(error)}") from None


class CorpusError(Exception):
    """A corpus line that breaks the format; the message names the file and line."""


def _first_error(error: ValidationError) -> str:
    first = error.errors()[0]
    where = ".".join(str(part) for part in first["loc"])
    return f"{where}: {first['msg']}" if where else first["msg"]


def check_lines(lines: Iterable[str]) -> list[str]:
    """Every problem of a file of corpus records, one message per bad line (for annotators)."""
    problems = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            GoldDocument.model_validate(json.loads(line))
        except (ValidationError, json.JSONDecodeError) as error:
            message = _first_error(error) if isinstance(error, ValidationError) else str(error)
            problems.append(f"line {number}: {message}")
    return problems
