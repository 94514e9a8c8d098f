"""Whom an attack harms: the objects of a verb of killing or of one that leaves them dead,
people our tables do not know."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from newsevents.events.arguments.attacks import VICTIM_VERBS
from newsevents.events.arguments.lookup import PRONOUNS, ActorLookup
from newsevents.events.syntax import (
    OBJECTS,
    expand,
    lemma,
)
from newsevents.models import Actor
from newsevents.weapons import names_weapon


def harmed(verb: Token) -> list[Token]:
    """Whom an attack's verb harms: the object of a striking verb ("killed 20 civilians"),
    or of "leave" with a harm ("left 22 people dead")."""
    if lemma(verb) in STRIKING_VERBS or (lemma(verb) == "leave" and any(
        c.dep_ in ("oprd", "xcomp", "ccomp", "acomp") and c.lower_ in HARM_STATES
        for c in (*verb.children, *(g for o in verb.children for g in o.children))
    )):
        return [c for c in verb.children if c.dep_ in OBJECTS]
    return []


def harmed_people(verbs: list[Token], look: ActorLookup, sources: Sequence[Actor]) -> list[Actor]:
    """Whom the verbs of an attack harm (``harmed``); the objects of a verb of killing or
    wounding are people even where no table knows the words ("killed 12 others", "left
    eight people dead"), and so take the country of the place (``plain_people``)."""
    found: list[Actor] = []
    for verb in verbs:
        hurt = harmed(verb)
        if lemma(verb) in VICTIM_VERBS or lemma(verb) == "leave":
            more = plain_people(hurt, look, sources)
        else:
            more = look.actors(hurt, subtree=True, exclude=sources)
        found += [a for a in more if a not in found]
    return found


def plain_people(tokens: list[Token], look: ActorLookup, sources: Sequence[Actor]) -> list[Actor]:
    """People our tables do not know, named by a number, a name or a noun: whom a blow lands
    on ("All three were shot", "Millan was shot", "killed more than 1,000") and who marches
    ("about 40,000 protested", "Several hundred marchers demonstrated"). The verb says they
    are people, and civilians (docs/annotation.md, 4): of the place where it happened unless
    the sentence says otherwise."""
    found: list[Actor] = []
    for token in expand(tokens):
        if token.pos_ == "PRON" or lemma(token) in PRONOUNS or names_weapon(token.text):
            continue
        known = look.actor(token, subtree=True, exclude=sources)
        if known is not None:
            found.append(known)
            continue
        if token.pos_ not in ("NOUN", "PROPN", "NUM") or lemma(token) in NOT_PEOPLE:
            continue
        text = token.doc[token.left_edge.i : token.i + 1].text
        found.append(Actor(text=text, sector="CVL"))
    return found


# Nouns a harm verb can take that are not people ("shot five times", "wounded in the leg").
NOT_PEOPLE = frozenset({"time", "head", "leg", "arm", "chest", "body", "back", "way", "one"})
# What an attack leaves its victims ("left 22 people dead").
HARM_STATES = frozenset({"dead", "injured", "wounded", "homeless", "hurt"})
# Verbs an attack noun does its harm through ("the strike hit a convoy").
STRIKING_VERBS = VICTIM_VERBS | {"hit", "target", "destroy", "damage", "strike", "kill"}
