"""``ActorResolver``: a noun phrase -> ``Actor`` (ISO3 country + sector, or an IGO).

The phrase's words are matched against the lexicon (``matching``), names are settled to the
people they mean (``people``), the core is cut (``phrase``), and its country (``countries``),
sector (``sectors``) and name (``names``) are read; an apposition, a town, an age or a tie to an
armed group fills what the core leaves open.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from spacy.tokens import Span

from newsevents.actors.countries import country_and_igo, town_country
from newsevents.actors.lexicon import (
    DATA_DIR,
    FAMILY_NAME_FIRST,
    OFFICE_SECTORS,
    Cue,
    Lexicon,
    Match,
    Person,
    read_tables,
)
from newsevents.actors.matching import table_matches, written_alone
from newsevents.actors.names import KUNYA_ACTOR, armed_group_name, kunya, name_of
from newsevents.actors.people import contradicted, cue_of_person, pick_person, settle
from newsevents.actors.phrase import core_end, last_word, says_whose
from newsevents.actors.sectors import armed_group_tied, describes_age, phrase_sector
from newsevents.actors.words import counts_only, norm, words_of
from newsevents.models import Actor
from newsevents.spans import entities_in


@dataclass
class Resolution:
    """An actor plus what coreference needs to know about the phrase it came from."""

    actor: Actor
    titles: frozenset[str] = frozenset()
    head_known: bool = False  # the phrase's last word is covered by a cue or a name


class ActorResolver:
    """Resolves phrases to actors from the TSV lexicons in ``data/en/actors``."""

    def __init__(self, lexicon: Lexicon, surnames: dict[str, tuple[Person, ...]],
                 refs: dict[str, frozenset[str]]) -> None:
        self.lexicon = lexicon
        self.surnames = surnames
        # Generic nouns ("alliance", "bloc") -> the IGOs they can stand for.
        self.refs = refs
        # Every word any entry starts with: a phrase with none of them resolves to nothing.
        self.first_words = frozenset(key[0] for key in lexicon.entries) | frozenset(refs)

    @classmethod
    def load(cls, data_dir: Path | None = None) -> ActorResolver:
        """The resolver over ``data_dir`` (default: the packaged data), built once per process."""
        return _load(data_dir or DATA_DIR)

    # ---- public API -------------------------------------------------------------------

    def resolve_text(self, text: str, date: dt.date | None = None) -> Actor | None:
        """Resolve a free-standing phrase such as "Russian President Vladimir Putin"."""
        result = self.resolve_phrase(text, date)
        return result.actor if result else None

    def resolve_span(self, span: Span, date: dt.date | None = None) -> Actor | None:
        """Resolve a spaCy span, using its PERSON entities to name unknown people."""
        result = self.resolve_phrase(span.text, date, person_offsets(span))
        return result.actor if result else None

    def names_group(
        self, text: str, kinds: tuple[str, ...] = ("org", "igo", "person")
    ) -> bool:
        """Whether a phrase names an organisation, IGO or person ("ISIS militants"); with
        ``kinds``, only those kinds of name count."""
        words = [m.group() for m in words_of(text)]
        return any(m.cue.kind in kinds
                   for m in self.lexicon.scan(words, [norm(w) for w in words]))

    def country_of(self, name: str) -> str | None:
        """ISO3 of a country name, adjective, capital or seat of government; else None."""
        tokens = words_of(name.strip())
        key = tuple(norm(m.group()) for m in tokens)
        for _, cue in self.lexicon.entries.get(key, ()):
            if cue.kind in ("country", "seat"):
                return cue.country
        if key[:1] == ("the",):
            return self.country_of(name.strip()[3:])
        return None

    # ---- resolution -------------------------------------------------------------------

    def resolve_phrase(self, text: str, date: dt.date | None = None,
                       persons: Iterable[tuple[int, int]] | None = None) -> Resolution | None:
        """Resolve ``text``; ``persons`` are character ranges known to name a person, or None
        where no tagger has read the text (a free-standing phrase).

        News repeats its phrases ("Turkey", "US officials"), so results are memoised; callers
        get copies, never a shared Actor.
        """
        result = self._memo(text, date, tuple(persons or ()), persons is not None)
        if result is None:
            return None
        return Resolution(result.actor.model_copy(), result.titles, result.head_known)

    @lru_cache(maxsize=8192)  # noqa: B019 -- one resolver per data dir lives for the process
    def _memo(self, text: str, date: dt.date | None, persons: tuple[tuple[int, int], ...],
              tagged: bool = False) -> Resolution | None:
        tokens = words_of(text)
        if not tokens:
            return None
        words = [m.group() for m in tokens]
        keys = [norm(w) for w in words]
        matches = table_matches(self.lexicon, words, keys)
        matches = self._add_persons(matches, tokens, persons, date)
        cut = core_end(keys, matches)
        core = [m for m in matches if m.end <= cut]
        locates = says_whose(keys, cut, core[-1] if core else None)
        post = [m for m in matches if m.start >= cut and locates]
        head = core[-1] if core else None
        actor = self._build(text, core, post, head, words, cut, date)
        if actor is not None and not (actor.country or actor.igo):
            town = town_country(words, keys, matches)  # "Cleveland police", "people in Lagos"
            if town is not None:
                actor = actor.model_copy(update={"country": town})
        if cut < len(keys) and keys[cut] == "," and cut + 1 < len(tokens):
            # "Habib, an Australian citizen": the apposition fills what the name leaves open
            rest = self._memo(text[tokens[cut + 1].start():], date, ())
            age = counts_only([w for w in words[cut + 1:] if w[:1].isalnum()])
            if rest is not None and not age:  # "Hatuel, 34" is no count (see describes_age)
                actor = merge(actor, rest.actor) if actor else rest.actor
                actor = actor.model_copy(update={"text": text.strip()})
        if armed_group_name(words, keys, cut, matches):
            country = next((m.cue.country for m in core if m.cue.kind in ("country", "seat")),
                           None)
            actor = Actor(text=text.strip(), name=text.split(",")[0].strip(), country=country,
                          sector="REB")
        if not tagged and (actor is None or actor.sector is None) and kunya(
                words, keys, cut, matches):
            # a free-standing phrase only: in an article the tagger calls the village of
            # "Abu Leiha" a person as well, and places must stay places
            actor = merge(actor, KUNYA_ACTOR) if actor else KUNYA_ACTOR
            actor = actor.model_copy(update={"text": text.strip(), "name": actor.name
                                             or text.split(",")[0].strip()})
        group = armed_group_tied(keys, cut, matches) if actor and actor.sector == "CVL" else None
        if actor is not None and group is not None:
            actor = actor.model_copy(update={
                "sector": "REB", "country": actor.country or group.country})
        if (actor is None or not (actor.sector or actor.igo)) and describes_age(keys):
            # "Yousef Jabri, 15", "a 14-year-old from Assira"
            aged = Actor(text=text.strip(), name=text.split(",")[0].strip(), sector="CVL")
            actor = merge(actor, aged) if actor else aged
        if actor is None:
            return None
        titles = frozenset(m.cue.term for m in core if "title" in m.cue.flags)
        return Resolution(actor, titles, head is not None and head.end >= last_word(words, cut))

    def _add_persons(self, matches: list[Match], tokens: list[re.Match[str]],
                     persons: Iterable[tuple[int, int]], date: dt.date | None) -> list[Match]:
        """Turn entity-marked names and known surnames into person matches."""
        out = list(matches)
        for start_char, end_char in persons:
            idx = [i for i, t in enumerate(tokens)
                   if t.start() >= start_char and t.end() <= end_char]
            if not idx or any(m.cue.kind in ("person", "org", "igo") and m.start <= idx[-1]
                              and m.end > idx[0] for m in out):
                continue
            if any(m.cue.kind == "country" and m.start == idx[0] and m.end == idx[-1] + 1
                   for m in out):
                continue  # the tagger calls "Mali" or "Chad" a person at a sentence start
            first, last = idx[0], idx[-1] + 1
            out = [m for m in out if m.end <= first or m.start >= last]
            name = " ".join(t.group() for t in tokens[first:last])
            out.append(Match(first, last, self._person_cue(name, date)))
        return sorted(out, key=lambda m: m.start)

    def _person_cue(self, name: str, date: dt.date | None) -> Cue:
        """A known person by unique surname (in office at ``date``), else the bare name."""
        parts = name.split()
        candidates = self.surnames.get(norm(parts[-1]), ())
        if len(parts) > 1:
            # "Jack Ma" is not Ma Ying-jeou: where the family name comes first, a full name
            # that ends in it is someone else's; nor is a full name a head's lone surname
            candidates = tuple(p for p in candidates if p.country not in FAMILY_NAME_FIRST)
        person = pick_person(candidates, date, lone=len(parts) == 1)
        if person is None:
            return Cue("person", name=name)
        return cue_of_person(person)

    def _titled(self, words: list[str], match: Match) -> bool:
        """Whether a name's own entry, or the word before it, carries an office title
        ("President George W. Bush" is a table alias, "President Castro"): then, undated,
        the office is meant, not what the person did later."""
        return any("title" in cue.flags and cue.sector in OFFICE_SECTORS
                   for word in words[max(match.start - 1, 0):match.end]
                   for _, cue in self.lexicon.entries.get((norm(word),), ()))

    def _build(self, text: str, core: list[Match], post: list[Match], head: Match | None,
               words: list[str], cut: int, date: dt.date | None) -> Actor | None:
        people = {id(m): pick_person(m.cue.people, date, self._titled(words, m),
                                     written_alone(words, m))
                  for m in core + post if m.cue.people}
        core = [settle(m, people, words) for m in core]
        post = [settle(m, people, words) for m in post]
        head = settle(head, people, words) if head else None
        if head and contradicted(head, core):
            head = Match(head.start, head.end,
                         Cue("person", name=" ".join(words[head.start:head.end])))
            core = [*core[:-1], head]
        keys = [norm(w) for w in words]
        country, igo = country_and_igo(core, post, head, keys)
        name = name_of(core, head, words, cut)
        sector = phrase_sector(core, post, head, words, keys, cut, igo)
        if not any((country, igo, sector, name)):
            return None
        return Actor(text=text.strip(), name=name, country=country, sector=sector, igo=igo)


def person_offsets(span: Span) -> list[tuple[int, int]]:
    """Character ranges, relative to the span, of PERSON entities inside it.

    ``nlp.entities_in``, not ``Span.ents``: that walks the whole document on every call, which
    made long articles quadratic.
    """
    return [(ent.start_char - span.start_char, ent.end_char - span.start_char)
            for ent in entities_in(span) if ent.label_ == "PERSON"]


def merge(first: Actor, second: Actor) -> Actor:
    """Fill the empty fields of ``first`` from ``second``; never overwrite a known value."""
    update = {k: getattr(second, k) for k in ("name", "country", "sector", "igo")
              if getattr(first, k) is None and getattr(second, k) is not None}
    if first.igo and update.get("country"):
        update.pop("country")
    return first.model_copy(update=update)


@cache
def _load(data_dir: Path) -> ActorResolver:
    return ActorResolver(*read_tables(data_dir))
