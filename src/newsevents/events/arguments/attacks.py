"""Whom an attack or a capture is aimed at: the ground it strikes and who holds it, the
fight it came with, the force the clause names, what comes under fire."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from newsevents import actors, places
from newsevents.events.arguments.lookup import LAUNCHING_VERBS, ActorLookup, same_actor
from newsevents.events.syntax import (
    OBJECTS,
    SUBJECTS,
    agent_of,
    expand,
    is_passive,
    lemma,
    prep_objects,
    subject_of,
)
from newsevents.models import Actor

PLACE_ENTITIES = frozenset({"GPE", "LOC", "FAC"})
# Attack nouns whose "by" phrase or nationality names the agent of a passive report
# ("killed in an airstrike by the coalition", "killed in an Israeli air raid").
ATTACK_NOUNS = frozenset({
    "attack", "airstrike", "strike", "raid", "bombing", "shelling", "bombardment", "gunfire",
    "campaign",
    "fire", "offensive", "assault", "ambush", "shootout", "clash", "operation", "crackdown",
    "barrage", "onslaught", "invasion", "incursion", "fighting", "battle", "gunbattle",
    "firefight", "skirmish",
})
# Fights with two sides: whoever the victims fought is the one who struck them.
FIGHTS = frozenset({"clash", "fighting", "battle", "gunbattle", "firefight", "skirmish"})
# A fight an act came with, and the words that say so (``fought``): "after clashes with",
# "resulting in a battle with".
FIGHT_NOUNS = FIGHTS | {"exchange", "confrontation", "engagement", "shootout", "fight"}
FIGHT_TIME_PREPS = frozenset({"after", "following", "amid", "during"})
OUTCOME_VERBS = frozenset({"result", "lead", "end", "erupt", "spark", "trigger"})


def came_under(verb: Token, look: ActorLookup) -> tuple[list[Actor], list[Actor]]:
    """ "The convoy came under fire from gunmen", "both Sunni and Shiite Muslims have come
    under attack": whoever comes under an attack is its target, and the source is whom it
    came from, not the subject as of other verbs."""
    under = prep_objects(verb, frozenset({"under"}))
    sources = look.actors([g for t in (verb, *under) for g in prep_objects(t, frozenset({"from"}))])
    return sources, look.actors(subject_of(verb), exclude=sources)


def opposing_force(
    verb: Token, after: Token, look: ActorLookup, sources: Sequence[Actor]
) -> list[Actor]:
    """Whom an attack was aimed at, where the parse of the clause loses the path to it ("ISIS
    began the assault by launching car bombs at the army's checkpoint", "launched an
    offensive in Hama, targeting the army's (SAA) defences", "captured the junction after
    fierce fighting with Aidid's militiamen"): the first armed force the clause of ``verb``
    names after the word ``after``, other than the attackers. Battle reports name the side
    attacked there (docs/annotation.md, 4)."""
    attackers = {t.i for c in verb.children if c.dep_ in SUBJECTS for t in c.subtree}
    for token in verb.subtree:
        if token.i <= after.i or token.i in attackers:
            continue
        found = look.actor(token)
        if (found is not None and found.sector in STANDING_FORCES
                and not any(same_actor(found, s) for s in sources)):
            return [found]
    return []


# Prepositions of an attack within which a verb's own act was done ("during a raid").
FRAME_PREPS = frozenset({"during", "in"})
# Verbs of taking part in an attack, whose subject, active or passive, is among its doers.
PARTAKING_VERBS = frozenset({"participate", "involve", "engage"})


def fought(verb: Token) -> list[Token]:
    """Whom an attack or a capture was fought against, told by the fight it came with: "the
    rebels captured the hill after fierce clashes with government troops", "launched the
    offensive after an artillery exchange with the army", "stormed the district, resulting
    in a battle with the 5th Division". The fight's other side is the one the act was
    aimed at (docs/annotation.md, 4: the side attacked is the target)."""
    fights = [g for p in verb.children if p.dep_ == "prep" and lemma(p) in FIGHT_TIME_PREPS
              for g in p.children if g.dep_ == "pobj" and lemma(g) in FIGHT_NOUNS]
    fights += [g for c in verb.children if c.dep_ == "advcl" and lemma(c) in OUTCOME_VERBS
               for g in prep_objects(c, frozenset({"in", "into"})) if lemma(g) in FIGHT_NOUNS]
    return [s for g in expand(fights) for s in prep_objects(g, frozenset({"with"}))]


def framing_doers(noun: Token) -> list[Token]:
    """Who carried out an attack within which they did what the verb says: its subject
    ("Israeli troops captured the Hamas commander during a raid on Nablus") or its passive's
    agent ("was shot dead by American forces during a raid on a house"), or whoever took
    part in it ("Dutch jets participated in an airstrike"). Not a verb with no object,
    whose subject may be the victim ("three died in an attack"), nor a fight, which has two
    sides."""
    if (noun.dep_ != "pobj" or lemma(noun.head) not in FRAME_PREPS
            or lemma(noun) not in ATTACK_NOUNS - FIGHTS or noun.head.head.pos_ != "VERB"):
        return []
    verb = noun.head.head
    if lemma(verb) in PARTAKING_VERBS:
        return [c for c in verb.children if c.dep_ in (*SUBJECTS, "nsubjpass")]
    if is_passive(verb):
        return agent_of(verb)
    if not any(c.dep_ in OBJECTS for c in verb.children):
        return []
    return [c for c in verb.children if c.dep_ == "nsubj"]


def aimed_at(
    look: ActorLookup, clauses: list[Token], sources: list[Actor], *, event_type: str = "ASSAULT"
) -> list[Actor]:
    """Whom an attack is aimed at, told by the clauses that say what it does: what they
    strike or kill, whom they take ground from ("to capture the crossing from the Iraqi
    army"), what they fire at ("by launching car bombs at the army's defences"), and whose
    control the ground they strike is under, which the parser often hangs on the verb
    ("targeting several neighborhoods under the control of the rebels")."""
    aims: list[Token] = []
    rulers: list[Token] = []
    for clause in clauses:
        verb = lemma(clause)
        if verb in AIMING_VERBS | VICTIM_VERBS | CAPTURING_VERBS:
            aims += [o for o in clause.children if o.dep_ in OBJECTS]
            rulers += [h for p in clause.children if p.dep_ == "prep"
                       and lemma(p) in CONTROL_PREPS for h in _controller(p)]
        if verb in CAPTURING_VERBS:  # whom the ground is taken from, wherever the parser hung it
            objects = [o for o in clause.children if o.dep_ in OBJECTS]
            rulers += [c for t in (clause, *expand(objects))
                       for g in prep_objects(t, frozenset({"from"}))
                       for c in (rulers_of(g) if lemma(g) in CONTROL_NOUNS else [g])]
        elif verb in LAUNCHING_VERBS:
            aims += prep_objects(clause, FIRED_AT_PREPS)
    if event_type in HOLDER_TYPES:
        held = look.actors(rulers, subtree=True, exclude=sources)
        if held:
            return held
    return struck(look, event_type, aims, sources, subtree=True, exclude=sources)


def struck(
    look: ActorLookup, event_type: str, aimed: list[Token], sources: list[Actor], *,
    subtree: bool = False, exclude: Sequence[Actor] = (),
) -> list[Actor]:
    """Whom a blow or capture aimed at ``aimed`` strikes: whoever holds that ground (other
    than the sources), for the types that take the holder as target (``holders``), else what
    the phrases themselves name."""
    if event_type in HOLDER_TYPES:
        held = look.actors(holders(aimed), roles=True, exclude=sources)
        if held:
            return held
    return look.actors(aimed, subtree=subtree, exclude=exclude)


def holders(places: list[Token]) -> list[Token]:
    """Who holds the ground an attack or a capture is aimed at, which coders take as its
    target: "the village of Tal Hamra, which is under the control of Jabhat Al-Nusra", "the
    government-controlled districts", "the last town held by the rebels", "Knin, the onetime
    stronghold of the Croatian Serbs", "the Syrian Army's checkpoints", "rebel positions"."""
    found: list[Token] = []
    for place in expand(places):
        for noun in (place, *prep_objects(place, frozenset({"of"}))):
            found += _holders_of(noun)
    return found


def _holders_of(noun: Token) -> list[Token]:
    ground = lemma(noun) in GROUND_NOUNS or noun.ent_type_ in PLACE_ENTITIES
    found: list[Token] = []
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ != "PRON" and ground:
            found.append(child)  # "the Syrian Army's checkpoints", "Malik's two camps"
        elif (child.dep_ in ("compound", "amod", "nmod") and lemma(noun) in HELD_NOUNS
              and lemma(child) not in HOLDING_VERBS and child.ent_type_ not in PLACE_ENTITIES):
            found.append(child)  # "rebel positions", "the rebel capital of Jaffna"
        elif lemma(child) in HOLDING_VERBS and child.dep_ in ("acl", "amod", "relcl"):
            found += agent_of(child)  # "held by the rebels"
            # "government-controlled", "the town the rebels hold"
            found += [g for g in child.children if g.dep_ in ("npadvmod", "compound", "nmod")
                      or (g.dep_ == "nsubj" and g.pos_ != "PRON")]
        elif child.dep_ == "relcl":  # "which is under the control of"
            found += [h for p in child.children if p.dep_ == "prep"
                      and lemma(p) in CONTROL_PREPS for h in _controller(p)]
        elif child.dep_ == "prep" and lemma(child) in CONTROL_PREPS:
            found += _controller(child)  # "the districts under ISIS control"
        elif child.dep_ == "appos" and lemma(child) in HELD_NOUNS:
            found += _holders_of(child) + prep_objects(child, frozenset({"of"}))
    return found


def _controller(prep: Token) -> list[Token]:
    """Whose control a place is under: "under the control of ISIS", "under ISIS control",
    "in opposition hands", "in the hands of the rebels"."""
    return [r for g in prep.children if g.dep_ == "pobj" and lemma(g) in CONTROL_NOUNS
            for r in rulers_of(g)]


def taken_from(verb: Token) -> list[Token]:
    """ "captured east Jerusalem from Jordan": whom a place is taken from is the target; the
    place is where it happened."""
    if lemma(verb) not in places.event_roles()["object_is_scene"]:
        return []
    objects = [c for c in verb.children if c.dep_ in OBJECTS]
    # the parser may hang "from" on the last object ("the city and its sites from Jordan")
    losers = [c for t in (verb, *expand(objects)) for g in prep_objects(t, frozenset({"from"}))
              for c in (rulers_of(g) if lemma(g) in CONTROL_NOUNS else [g])]
    if objects and all(o.ent_type_ in PLACE_ENTITIES for o in objects):
        return losers
    # "captured east Jerusalem and its holy sites from Jordan", "from Jordanian rule": a
    # state is whom the ground was taken from, whatever the objects are
    return [c for c in losers if c.ent_type_ in ("GPE", "NORP")]


def rulers_of(noun: Token) -> list[Token]:
    """Whose rule, control or hands a noun names ("Jordanian rule", "the control of ISIS")."""
    return prep_objects(noun, frozenset({"of"})) or [
        c for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod")
        and c.pos_ in ("NOUN", "PROPN", "ADJ")]


# Forces that stand and move as bodies: armies, police, rebels. Not unnamed gunmen
# (``actors.FORCE_SECTORS`` has them), who strike and are gone: "began the assault by launching
# suicide bombers towards the army's positions" is aimed at the army, not at the bombers, and
# snipers posted on a roof are no force deployed (with them, a right target was lost on the
# corpus's train split and a false MOBILIZE found on the dev split, real text).
STANDING_FORCES = actors.FORCE_SECTORS - {"UAF"}
# Participles that name an attack's victims after its main verb ("..., killing nine people").
VICTIM_VERBS = frozenset({"kill", "wound", "injure", "maim"})
# Participles that say what an offensive was aimed at.
AIMING_VERBS = frozenset({"target", "strike", "hit", "attack", "shell", "bomb", "storm"})
# Verbs of taking ground, whose loser an offensive launched to take it is aimed at.
CAPTURING_VERBS = frozenset({"capture", "recapture", "seize", "retake", "take", "reclaim"})
# Where a fired weapon is aimed ("launching car bombs at the army's defences").
FIRED_AT_PREPS = frozenset({"at", "towards", "toward", "on", "against"})
# Types whose target is whoever holds the ground they are aimed at (``holders``).
HOLDER_TYPES = frozenset({"ASSAULT", "COERCE"})
# Verbs of holding ground ("held by", "government-controlled").
HOLDING_VERBS = frozenset({"hold", "control", "occupy", "defend", "garrison", "besiege"})
# Ground an armed side holds, whose modifier names the holder ("rebel positions").
HELD_NOUNS = frozenset({
    "position", "checkpoint", "base", "post", "outpost", "stronghold", "bastion", "camp",
    "defence", "defense", "barracks", "headquarters", "garrison", "line", "trench", "capital",
    "territory", "hideout", "fortification", "bunker", "enclave", "pocket", "airbase",
})
# Places a possessive names the holder of ("Syria's Golan Heights", "Malik's camps").
GROUND_NOUNS = HELD_NOUNS | {
    "town", "village", "city", "district", "neighborhood", "neighbourhood", "area", "region",
    "suburb", "quarter", "hill", "hilltop", "airport", "road", "highway", "farm", "province",
    "countryside", "sector", "front", "height", "heights", "island", "valley", "port",
}
CONTROL_PREPS = frozenset({"under", "in"})
CONTROL_NOUNS = frozenset({"control", "hand", "grip", "rule", "occupation"})
