"""The shape of a noun phrase, as English builds it: its *core* runs up to the first
preposition or comma and its last word is the head ("president of Armenia": head
"president"); what follows qualifies it, and says whose the actor is only after a locating
word ("of", "in", "from") or a tie ("forces loyal to Assad")."""

from __future__ import annotations

from newsevents.actors.lexicon import Match
from newsevents.actors.words import COUNT_WORDS, DETERMINERS

# Words that close the core of a noun phrase; what follows only qualifies it.
CUT_WORDS = frozenset({
    "of", "in", "from", "at", "to", "for", "with", "on", "by", "near", "inside", "outside",
    "across", "throughout", "based", "operating", "living", "fleeing", "who", "which", "that",
    "whose", "under", "over", "against", "including", ",", "(", ")", ";", ":", "--", "–", "—",
})
# Participles that open a phrase after the noun ("militants based in Syria", "refugees fleeing
# the war") but not when they modify the next noun ("a Texas based company", "the fleeing
# Gbagbo forces").
PARTICIPLES = frozenset({"based", "operating", "living", "fleeing"})
# "up to 80 soldiers", "just over 30 fighters": these before a number count, they do not locate.
QUANTIFYING_WORDS = frozenset({"over", "under", "to"})
# Prepositions after which a country still locates the head ("president of Armenia").
LOCATING_WORDS = frozenset({"of", "in", "from"})
# Words that tie people to a group, by word form with its lemma: "forces loyal to Assad",
# "militants linked to Hamas", "men with ties to the Islamic State", "gunmen belonging to Boko
# Haram". The one they are tied to says whose they are. The forms are read on a phrase's text
# (``TIE_WORDS``), the lemmas on a parse (``events.syntax``). Not "backed by": a sponsor is not
# whose the fighters are.
TIES = {"tie": "tie", "ties": "tie", "tied": "tie", "link": "link", "links": "link",
        "linked": "link", "loyal": "loyal", "affiliated": "affiliate", "allied": "ally",
        "aligned": "align", "belonging": "belong"}
TIE_WORDS = frozenset(TIES)
TIE_LEMMAS = frozenset(TIES.values())
ALLEGIANCE_PREPOSITIONS = frozenset({"to", "with"})
# "gunmen suspected to be members of Boko Haram": what follows says who they are.
IDENTITY_WORDS = frozenset({"suspected", "believed", "thought"})


def core_end(keys: list[str], matches: list[Match]) -> int:
    """Where the core ends: at the first preposition, comma or relative word past the first
    word that is neither inside a name ("the WHO") nor a quantity ("just over 30 fighters")."""
    named = {i for m in matches if m.cue.kind != "sector" for i in range(m.start, m.end)}
    named |= {i for m in matches for i in range(m.start + 1, m.end)}
    for i, key in enumerate(keys):
        if i == 0 or key not in CUT_WORDS or i in named:
            continue
        following = keys[i + 1] if i + 1 < len(keys) else ""
        if key in QUANTIFYING_WORDS and (following[:1].isdigit() or following in COUNT_WORDS):
            continue
        if key in PARTICIPLES and following and not (
                following in CUT_WORDS or following in DETERMINERS):
            continue
        return i
    return len(keys)


def says_whose(keys: list[str], cut: int, head: Match | None) -> bool:
    """Whether what follows the core says whose it is: "of/in/from", "loyal to", and "for"
    after an official's role ("a spokesman for Iran's mission", "an envoy for the UN"; not
    "a reporter for a French radio", who may be of any country)."""
    if cut >= len(keys):
        return False
    if keys[cut] in LOCATING_WORDS:
        return True
    if keys[cut] in PARTICIPLES:  # "militants based in Syria", "Kurds living in Iraq"
        return keys[cut + 1:cut + 2] == ["in"]
    if keys[cut] == "for":
        return (head is not None and head.end == cut and head.cue.kind == "sector"
                and head.cue.sector == "GOV")
    if keys[cut] == "to" and keys[cut - 1] in IDENTITY_WORDS:  # "gunmen suspected to be ..."
        return True
    return keys[cut] in ALLEGIANCE_PREPOSITIONS and keys[cut - 1] in TIE_WORDS


def last_word(words: list[str], cut: int) -> int:
    """Index just past the last real word of the core (skipping "'s" and punctuation)."""
    end = cut
    while end > 0 and not words[end - 1][:1].isalnum():
        end -= 1
    return end
