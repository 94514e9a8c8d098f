"""The one person a name means here, among the office holders the tables list under a name or
surname: the one in office at the article's date; undated, the head of state a lone surname
names, or with the office's title the latest holder; else only the name as written."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from newsevents.actors.lexicon import OFFICE_SECTORS, Cue, Match, Person


def pick_person(candidates: tuple[Person, ...], date: dt.date | None,
                titled: bool = False, lone: bool = True) -> Person | None:
    """``lone``: the surname is all the phrase names ("Blair", not "Ahmed Hassan")."""
    names = {p.name for p in candidates}
    if len(names) == 1:
        return _in_office_first(candidates, date, titled)
    if date is None:
        if titled:
            return _family(candidates)
        return _head_of_state(candidates) if lone else None
    current = [p for p in candidates if p.in_office(date.year)]
    if len({p.name for p in current}) == 1:
        return current[0]
    return _family(tuple(current) or candidates) if titled else None


# Offices whose holders news names by surname alone, the higher first.
HEAD_ROLES = ("head_of_state", "head_of_government")


def _head_of_state(candidates: tuple[Person, ...]) -> Person | None:
    """Undated, a surname that one head of state or government bears among lesser office
    holders ("Blair" is Tony Blair, not Canada's defence minister Bill Blair) or that one
    state's heads share ("Castro", "Kabila") is that head's: news names a head by surname
    alone far more than a minister. On the train+dev gold actor spans of corpus/annotated
    (scripts/score_actor_spans.py, whose newswire sentences carry no date) reading them so
    made 17 spans better and 3 worse (a Brazilian Castro, a journalist Miller)."""
    for role in HEAD_ROLES:  # "Mubarak" is Egypt's president, not a Yemeni prime minister
        heads = tuple(p for p in candidates if p.role == role)
        if len({p.name for p in heads}) == 1:
            return _in_office_first(heads, None)
        if heads:
            return _family(heads)
    return None


def _family(candidates: tuple[Person, ...]) -> Person | None:
    """With the office's title ("President Castro", "President Aliyev"), a surname that
    several office holders of one state share still says whose the person is when the date
    does not say which of them: the actor is named by the surname alone. Without a title
    the surname may be anyone's (a judge named Castro in Brazil). Most of the corpus's
    newswire sentences carry no date (train and dev splits)."""
    if len({(p.country, p.igo) for p in candidates}) != 1:
        return None
    latest = _in_office_first(candidates, None, titled=True)
    return replace(latest, name=latest.name.split()[-1], start=None, end=None)


def _in_office_first(candidates: tuple[Person, ...], date: dt.date | None,
                     titled: bool = False) -> Person:
    """One person may hold several offices over time: take the one held at ``date``; with
    no date, the latest, or the latest office when the phrase gives the title.

    A row with no dates at all is the derived tables' fallback for any other time (Kofi
    Annan is the UN's from 1997 to 2006 and an elite otherwise): a dated row wins over it.
    """
    if date is not None:
        held = [p for p in candidates if p.in_office(date.year)]
        if held:
            return next((p for p in held if not _undated(p)), held[0])
    offices = [p for p in candidates if p.sector in OFFICE_SECTORS] if titled else []
    pool = offices or candidates
    return max([p for p in pool if not _undated(p)] or pool,
               key=lambda p: (p.end is None, p.end or 0))


def _undated(person: Person) -> bool:
    return person.start is None and person.end is None


def cue_of_person(person: Person) -> Cue:
    return Cue("person", country=person.country, igo=person.igo, sector=person.sector,
               name=person.name)


def settle(match: Match, people: dict[int, Person | None], words: list[str]) -> Match:
    """Replace a name cue by the one person it means here, or keep only the name as written."""
    if not match.cue.people:
        return match
    person = people.get(id(match))
    written = " ".join(words[match.start:match.end])
    cue = cue_of_person(person) if person else Cue("person", name=written)
    return Match(match.start, match.end, cue)


def contradicted(head: Match, core: list[Match]) -> bool:
    """"Pakistan President ... Haq" is not a Haq known from another country: the title's
    country outranks a name look-up."""
    if head.cue.kind != "person" or not head.cue.country:
        return False
    return any(m.cue.kind in ("country", "seat") and m.cue.country != head.cue.country
               for m in core)
