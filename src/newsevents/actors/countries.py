"""The country or IGO of a phrase: the head's own first, then a modifier's ("Russian",
"Turkey's", "Ankara"), then one after "of"/"in"/"from"; several countries listed side by side
give none. A town no table names gives its country through the gazetteer where it is surely
the town and surely that country's. Nothing is guessed: a phrase without a cue keeps
``country=None``."""

from __future__ import annotations

import itertools

from newsevents.actors.lexicon import Match
from newsevents.actors.phrase import LOCATING_WORDS
from newsevents.actors.words import DETERMINERS, NUMBER_WORDS
from newsevents.places import RANK_CITY, RANK_STATE, Gazetteer

# A town no table names gives its country only when the gazetteer reads it one way: a city
# weighing at least this (population x10 for its main name, x100 for a capital) and this many
# times any reading in another country. Set on the train+dev gold actor spans of
# corpus/annotated (scripts/score_actor_spans.py): 22 phrases right, 5 wrong.
TOWN_MIN_WEIGHT = 500_000.0
TOWN_MARGIN = 5.0
# After "in", "of" or "from" ("officials in Dogubayazit", "residents of Batken") the word is
# surely a place, so a smaller town will do (population x10 >= 50,000). Set on the same spans:
# 8 phrases right, none wrong once a possessive is left out ("one of Morris's sons"). Before a
# role noun a word is as often an adjective ("Arab villagers", "Federal police"), and the lower
# floor there was wrong as often as right.
LOCATED_TOWN_MIN_WEIGHT = 50_000.0
# Words that make a town's name the district around it ("Dallas County", "Mandera County",
# "Jefferson Parish"): the district is in the town's country.
ADMIN_WORDS = frozenset({"county", "parish", "district", "prefecture", "municipality"})
# Words after a province's name that say it is one ("Guerrero state police").
UNIT_WORDS = frozenset({"state", "province", "governorate", "region"})


def town_country(words: list[str], keys: list[str], matches: list[Match]) -> str | None:
    """The country of a town named where it says whose an actor is: right before a role
    noun ("Cleveland police", "the Jaffna mayor") or after "in/of/from" ("residents of
    Chennai"). Words any table knows are not read as towns."""
    covered = {i for m in matches for i in range(m.start, m.end)}
    roles = {m.start for m in matches if m.cue.kind == "sector"}

    def name_word(i: int) -> bool:
        return (i not in covered and words[i][:1].isupper() and words[i].isalpha()
                and keys[i] not in DETERMINERS and keys[i] not in NUMBER_WORDS
                and keys[i - 1:i] != ["-"])  # not "anti-Bush"

    i = 0
    while i < len(words):
        if not name_word(i):
            i += 1
            continue
        j = i
        while j < len(words) and name_word(j):
            j += 1
        after = j + 1 if keys[j:j + 1] == ["'s"] else j
        if keys[j:j + 1] and keys[j] in UNIT_WORDS:
            # "Tamaulipas state officials": a name with a province's kind is a place
            name = " ".join(words[i:j])
            country = (_town_of(f"{name} {keys[j]}", located=True)
                       or _town_of(name, 0.0, located=True))
            if country is not None:
                return country
        # not "of Morris's sons": a possessive after "of" is a person's more often
        located = i > 0 and keys[i - 1] in LOCATING_WORDS and after == j
        if after in roles or located:
            floor = LOCATED_TOWN_MIN_WEIGHT if located else TOWN_MIN_WEIGHT
            country = _town_of(" ".join(words[i:j]), floor, located)
            if country is None and j - i > 1 and keys[j - 1] in ADMIN_WORDS:
                country = _town_of(" ".join(words[i:j - 1]), floor)  # "Dallas County"
            if country is not None:
                return country
        i = j
    return None


def _town_of(name: str, floor: float = TOWN_MIN_WEIGHT, located: bool = False) -> str | None:
    """The country of a town; after "in/of/from" (``located``) also of a province or state
    that no other country has one of that name ("the state of Nayarit"). Before a role noun
    a province's name is as often a people's or a region's ("Salamat tribesmen", "Ulster
    police": on the train+dev gold actor spans, 1 right and 2 wrong, against 3 right and
    none wrong after "in/of")."""
    readings = Gazetteer.load().readings(name)
    if not readings:
        return None
    top = readings[0]
    if located and top.rank == RANK_STATE and top.country is not None:
        rivals = [r for r in readings if r.rank >= RANK_STATE and r.country != top.country]
        return None if rivals else top.country
    if top.rank != RANK_CITY or top.country is None or top.weight < floor:
        return None
    rival = max((r.weight for r in readings if r.country != top.country), default=0.0)
    return top.country if top.weight >= TOWN_MARGIN * rival else None


def country_and_igo(core: list[Match], post: list[Match], head: Match | None,
                    keys: list[str]) -> tuple[str | None, str | None]:
    """The head's own country first, then a modifier's, then a locating "of/in" phrase.

    A country named before a group of another country's table entry is the group's own
    ("Pakistani Taliban", "Australia's Defense Department"). Several countries joined in one
    part of the phrase ("Indian and Pakistani armies", "diplomats from Estonia and Latvia")
    give none: each is an actor of its own.
    """
    core = [m for m in core if not _ethnic(m, keys)]
    if head is not None and _ethnic(head, keys):
        head = None
    if head is not None and "collective" in head.cue.flags:
        # "the Shabab Alsunnah FSA group": the body the generic noun closes is the last named
        head = next((m for m in reversed(core) if m.cue.kind in ("org", "igo")), head)
    named = [m for m in core if m is not head and m.cue.kind in ("country", "seat")
             and m.cue.country and (head is None or m.end <= head.start)]
    if head and head.cue.country and (head.cue.proper or head.cue.kind in ("person", "org")):
        if head.cue.kind == "org" and named and not _several_countries(named, keys):
            return named[-1].cue.country, None
        return head.cue.country, None
    if _several_countries(core, keys):
        return None, None
    for match in core:
        if match.cue.country:
            return match.cue.country, None
    igo = next((m.cue.igo for m in reversed(core) if m.cue.igo), None)
    if igo:
        return None, igo
    if (head and "abroad" in head.cue.flags) or _several_countries(post, keys):
        return None, None
    for i, match in enumerate(post):
        if match.cue.country:
            return match.cue.country, None
        if match.cue.igo:
            return None, _last_igo_of_name(post[i:])
    return None, None


def _ethnic(match: Match, keys: list[str]) -> bool:
    """"ethnic Albanians", "ethnic Russians": a people living in some state, which the place
    of the story gives, not the state of the nationality (Kosovo's, Macedonia's and Serbia's
    Albanians in the annotated corpus and the PLOVER gold set)."""
    return (match.cue.kind == "country" and not match.cue.proper and match.start > 0
            and keys[match.start - 1] == "ethnic")


# Words that join two actors' names into a list ("Indian and Pakistani", "Iraqi-US").
JOINERS = frozenset({"and", "or", "&", ",", "/", "-", "nor"})


def _several_countries(matches: list[Match], keys: list[str]) -> bool:
    """Whether two different countries are listed side by side, not one inside the other's
    phrase ("Kosovo Albanian separatists", "Paraguayan President Santiago Pena")."""
    named = [m for m in matches if m.cue.kind in ("country", "seat") and m.cue.country]
    return any(a.cue.country != b.cue.country and JOINERS.intersection(keys[a.end:b.start])
               for a, b in itertools.pairwise(named))


def _last_igo_of_name(matches: list[Match]) -> str | None:
    """"the U.N. World Food Programme (WFP)": the body a run of IGO names ends in."""
    igo, end = matches[0].cue.igo, matches[0].end
    for match in matches[1:]:
        if match.start > end + 1 or not match.cue.igo:
            break
        igo, end = match.cue.igo, match.end
    return igo
