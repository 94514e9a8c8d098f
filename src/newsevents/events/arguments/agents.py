"""Who struck, in a passive report of a blow that names no agent of its own: the attack
noun, the fight or the when-clause the victims fell in, coordinated passives, custody, the
force reporting it."""

from __future__ import annotations

from spacy.tokens import Token

from newsevents import actors
from newsevents.events.arguments.attacks import (
    AIMING_VERBS,
    ATTACK_NOUNS,
    FIGHTS,
    PLACE_ENTITIES,
    VICTIM_VERBS,
    rulers_of,
)
from newsevents.events.arguments.lookup import ActorLookup, launchers
from newsevents.events.lexicon import Lexicon
from newsevents.events.syntax import (
    OBJECTS,
    SUBJECTS,
    agent_of,
    by_objects,
    expand,
    is_passive,
    lemma,
    patients_of,
    prep_objects,
)
from newsevents.models import Actor

FIGHT_SIDES = frozenset({"with", "between"})
# Nouns of a wider conflict: only its sides, never its modifiers, say who fought ("the
# conflict between pro-Assad forces and Kurdish gunmen", but not "the Syrian war").
CONFLICT_NOUNS = frozenset({"conflict", "war", "confrontation", "fight", "feud", "violence"})


def gerund_agents(verb: Token) -> list[Token]:
    """Who does what a gerund with no subject of its own names, told by its "by" phrase:
    "protested against destroying two jets by French forces", "shelling by the army"."""
    if verb.tag_ != "VBG" or any(c.dep_ in SUBJECTS for c in verb.children):
        return []
    return agent_of(verb) or by_objects(verb)


def hung_agents(noun: Token) -> list[Token]:
    """The "by" phrase of an event noun that the parser hung on the verb holding the noun's
    preposition ("died in a crackdown on his supporters by government forces"): of a verb
    not in the passive, a "by" phrase after the noun can only be the act's."""
    if noun.dep_ != "pobj" or noun.head.dep_ != "prep":
        return []
    verb = noun.head.head
    if verb.pos_ not in ("VERB", "AUX") or is_passive(verb):
        return []
    return [g for c in verb.children if c.dep_ in ("agent", "prep") and lemma(c) == "by"
            and c.i > noun.i for g in c.children
            if g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME")]


def shared_agents(verb: Token) -> list[Token]:
    """ "was shot and killed by Haitian gunmen": coordinated passives share the agent of the
    last one; so do the clauses of one report ("three militants were killed and four others
    were arrested by the Kurdish forces"), where only a later passive names it. A participle
    with no subject of its own shares the agent of the passive it is joined to ("was captured
    by Afghan forces and handed to U.S. troops")."""
    conjuncts = [c for c in verb.conjuncts if c.pos_ == "VERB" and not any(
        d.dep_ in ("nsubj", "nsubjpass") for d in c.children)]
    found = [a for c in conjuncts for a in agent_of(c)]
    if verb.dep_ == "conj" and verb.head.pos_ == "VERB" and not any(
            d.dep_ in ("nsubj", "nsubjpass") for d in verb.children):
        found += agent_of(verb.head)
    if found:
        return found
    later = [c for c in verb.conjuncts if c.i > verb.i and c.pos_ == "VERB"
             and any(d.dep_ == "auxpass" for d in c.children)]
    return [a for c in later[:1] for a in agent_of(c)]


def device_agents(verb: Token) -> list[Token]:
    """ "killed by a roadside bomb planted by the Taliban": who placed or fired the device
    the "by" phrase names."""
    return [a for device in agent_of(verb) for acl in device.children if acl.dep_ == "acl"
            for a in agent_of(acl)]


def attack_agents(verb: Token, look: ActorLookup) -> list[Token]:
    """Who carried out the attack a passive verb reports through a noun: "were killed in an
    airstrike by the coalition" (the "by" phrase), "in an Israeli air raid" (the nationality),
    "due to the shelling by the regime troops", "in the regime bombardment", "in the U.S.-led
    coalition's airstrikes" (a modifier naming a role)."""
    # "were killed and four wounded due to the shelling": the phrase may hang on a conjunct
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    # "were killed and seven others injured under mortar shells fired by the YPG": the
    # parser hangs the wounded's participle on them
    verbs += [p for c in verb.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "NUM")
              for p in c.children if p.dep_ == "acl" and p.tag_ == "VBN"]
    nouns = [g for v in verbs for c in v.children if c.dep_ in ("prep", "agent")
             for g in (*c.children, *(x for p in c.children if p.dep_ == "pcomp"
                                      for x in p.children))
             if g.dep_ == "pobj"]
    nouns += [g for v in verbs for c in v.children if c.dep_ in ("prep", "advmod", "amod")
              for p in c.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
    nouns = expand(nouns)  # "during fighting and shelling by Kadhafi's forces"
    found = [a for noun in nouns for a in _noun_agents(noun, look)]
    # "were killed due to artillery shelling by forces loyal to Assad": a gerund of the blow
    found += [a for v in verbs for c in v.children if c.dep_ in ("prep", "agent")
              for g in c.children if g.dep_ == "pcomp" and lemma(g) in VIOLENT_PARTICIPLES
              for a in gerund_agents(g)]
    for clause in (c for c in verb.children if c.dep_ == "advcl"):
        # "were wounded when a bomb planted by the Taliban exploded"
        for subject in (c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")):
            found += [a for acl in subject.children if acl.dep_ == "acl" for a in agent_of(acl)]
        found += foes(clause)
    return (found or [a for v in verbs for a in clause_agents(v)]
            or [a for c in when_clauses(verb) for a in _doers(c)]
            # far from the verb, a place before the noun more often says where than who
            # ("the Mosul offensive")
            or [a for noun in stray_attacks(verb) for a in _noun_agents(noun, look)
                if a.ent_type_ not in PLACE_ENTITIES])


def custodians(verb: Token) -> list[Token]:
    """Who holds someone a passive report puts in custody: "was captured and held in Soviet
    detention", "is being held in U.S. custody". The owner of the custody holds them."""
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    return [m for v in verbs for noun in prep_objects(v, CUSTODY_PREPS)
            if lemma(noun) in CUSTODY_NOUNS for m in rulers_of(noun)]


def reporting_force(verb: Token, event_type: str, look: ActorLookup) -> list[Actor]:
    """The armed force or the police reporting a blow or an arrest with no agent named: "The
    army said 30 militants were killed in the raid", "police said two men were arrested".
    They tell of their own operation. Not when those hit are of the speaker's own kind
    ("the army said five soldiers were killed" names no attacker), nor when a clause tells
    who struck ("were killed when a shootout broke out between gunmen, police said"), nor
    for a spokesman, who speaks for a side that may be no one country's."""
    if event_type not in REPORTED_TYPES or verb.dep_ != "ccomp":
        return []
    speech = verb.head
    if not Lexicon.load().cue("speech", lemma(speech)) or clause_agents(verb) or when_clauses(
        verb
    ):
        return []
    speakers = [a for a in look.actors([c for c in speech.children if c.dep_ in SUBJECTS])
                if a.sector in actors.FORCE_SECTORS - {"UAF"} and not a.name]
    hit = look.actors(patients_of(verb), subtree=True)
    if any(a.sector == s.sector for a in hit for s in speakers):
        return []
    return speakers


def violent_agents(verb: Token) -> list[Token]:
    """Who struck, told by the "by" phrase of another blow in a passive report: "were killed
    and several others injured by bandits", "were killed after being targeted by pro-Assad
    warplanes", "houses razed by unknown gunmen", "who were kidnapped by pirates have been
    killed". One report of violence has one set of attackers unless it names others."""
    return [a for t in verb.subtree if t.i != verb.i and lemma(t) in VIOLENT_PARTICIPLES
            for a in agent_of(t) if a.ent_type_ not in ("DATE", "TIME")]


def _noun_agents(noun: Token, look: ActorLookup) -> list[Token]:
    """Who struck, told by a noun of the attack or the fight the victims fell in."""
    if lemma(noun) == "hand":  # "at the hands of the SDF fighters"
        return prep_objects(noun, frozenset({"of"}))
    if lemma(noun) in CONFLICT_NOUNS:  # "killed during the conflict between A and B"
        return prep_objects(noun, FIGHT_SIDES)
    if lemma(noun) not in ATTACK_NOUNS:
        return launchers(noun)  # "killed under mortar shells fired by the YPG"
    by = (prep_objects(noun, frozenset({"by"})) or launchers(noun)
          or armed_of(noun, look))  # "under the heavy mortar fire of Nusra militants"
    modifiers = [c for c in noun.children if c.dep_ in ("poss", "amod", "compound", "nmod")]
    # a name first ("a US drone strike": not the drone); else a role ("regime shelling")
    owners = [c for c in modifiers if c.ent_type_ in ("NORP", "GPE", "ORG")
              or c._.actor is not None] or [c for c in modifiers if look.role(c) is not None]
    # "killed in clashes with insurgents", "during fighting between the army and rebels"
    sides = prep_objects(noun, FIGHT_SIDES) if lemma(noun) in FIGHTS else []
    return by or owners or sides


# Clauses of their own below a passive verb, and phrases that tell of someone else ("according
# to Mike Ryan, director of WHO's response operations"): an attack noun inside is not the
# report's.
OWN_CLAUSES = frozenset({"relcl", "ccomp", "advcl", "acl", "xcomp", "csubj", "appos"})


def stray_attacks(verb: Token) -> list[Token]:
    """Attack nouns of a passive report that the parser hung away from its verb, as on the
    wounded of a report of dead and wounded ("were killed and several others injured on
    Monday, due to an aerial bombardment by the air force"); not inside the victims' phrase
    nor in a clause of their own."""
    victims = {t.i for c in verb.children if c.dep_ == "nsubjpass" for t in c.subtree}
    found: list[Token] = []
    for noun in verb.subtree:
        if noun.i in victims or noun.i == verb.i or noun.pos_ != "NOUN" or (
            noun.dep_ not in ("pobj", "conj") or lemma(noun) not in ATTACK_NOUNS
        ):
            continue
        head = noun.head
        while head.i != verb.i and head.dep_ not in OWN_CLAUSES and lemma(head) != "accord":
            head = head.head
        if head.i == verb.i:
            found.append(noun)
    return found


def armed_of(noun: Token, look: ActorLookup) -> list[Token]:
    """The armed side an attack noun's "of" phrase names ("the mortar fire of Nusra
    militants"); not the place or people it struck ("the shelling of Aleppo", "the bombing of
    a market")."""
    return [g for g in prep_objects(noun, frozenset({"of"}))
            if g.ent_type_ not in PLACE_ENTITIES
            and (found := look.actor(g)) is not None and found.sector in actors.FORCE_SECTORS]


def foes(clause: Token) -> list[Token]:
    """Whom the victims were fighting when they fell: "was killed while fighting the Syrian
    Army", "were killed battling rebels near Kidal", "died in clashes with the police"."""
    if lemma(clause) not in FIGHTING_VERBS or any(c.dep_ in SUBJECTS for c in clause.children):
        return []
    return [c for c in clause.children if c.dep_ in OBJECTS] + prep_objects(
        clause, frozenset({"with", "against"}))


def when_clauses(verb: Token) -> list[Token]:
    """Clauses that say when the victims were hit, wherever the parser hung them: a report of
    dead and wounded ("were killed and two others injured as troops stepped up sweeps",
    "..., after the air force dropped barrels") often puts the clause under the wounded. Not
    inside the victims' own phrase."""
    victims = {t.i for c in verb.children if c.dep_ in (*SUBJECTS, "nsubjpass")
               for t in c.subtree}
    return [t for t in verb.subtree if t.i != verb.i and t.i not in victims
            and (t.dep_ in ("advcl", "conj") or (lemma(verb) in HARM_VERBS and _dated_clause(t)))
            and t.pos_ in ("VERB", "AUX")
            and lemma(t) not in NOT_DOINGS and not passing_blast(verb, t)
            and any(when_word(m) for m in t.children)]


def passing_blast(verb: Token, clause: Token) -> bool:
    """Whether the clause tells who passed by when a blast went off ("was detonated when an
    army patrol was driving past"): the passers are whom it was aimed at (``blast_targets``),
    not who set it off."""
    return lemma(verb) in BLAST_VERBS and lemma(clause) in PASSING_VERBS


def _dated_clause(token: Token) -> bool:
    """A when-clause the parser took for a relative clause of the date or the place before
    it ("was shot to death Sept. 29 when army paratroopers closed in on him", "were killed in
    the border town, Gamboru Ngala, when Boko Haram insurgents drove into the town"). Read so
    only for a report of harm: of other acts such a clause often tells an earlier one ("the
    border has been closed since 1993, when Turkey shut it")."""
    return token.dep_ == "relcl" and any(when_word(m) for m in token.children)


def when_word(token: Token) -> bool:
    return token.dep_ in ("mark", "advmod") and lemma(token) in WHEN_WORDS


def _doers(clause: Token) -> list[Token]:
    """Who acts in a when-clause: its subject, or the agent of a passive one ("when their
    helicopter was shot down by rebels")."""
    agents = agent_of(clause)
    if agents:
        return agents
    if any(c.dep_ == "nsubjpass" for c in clause.children):
        return []
    # its own subject follows its conjunction: the parser may give it the wounded too
    mark = min(m.i for m in clause.children if when_word(m))
    return [s for s in clause.children if s.dep_ == "nsubj" and s.pos_ != "PRON"
            and s.i > mark and lemma(s) not in FIGHTS | ATTACK_NOUNS]


def clause_agents(verb: Token) -> list[Token]:
    """Who struck, told by the clause that says when the victims were hit: "were killed when
    rustlers stormed a village", "when a Syrian airstrike hit a hospital", "as clashes broke
    out between the army and rebels". Not the victims' own doings ("as he was driving")."""
    found: list[Token] = []
    for clause in (*verb.children, *told_with(verb)):
        if clause.dep_ != "advcl" or not any(
            m.dep_ in ("mark", "advmod") and lemma(m) in WHEN_WORDS for m in clause.children
        ):
            continue
        if lemma(clause) in NOT_DOINGS or passing_blast(verb, clause):
            continue
        for subject in (c for c in clause.children if c.dep_ == "nsubj"):
            if subject.pos_ == "PRON":
                continue
            if lemma(subject) in FIGHTS:
                found += (prep_objects(subject, FIGHT_SIDES)
                          or prep_objects(clause, FIGHT_SIDES))
            elif lemma(subject) in ATTACK_NOUNS:
                found += prep_objects(subject, frozenset({"by"})) or [
                    c for c in subject.children if c.dep_ in ("amod", "compound", "nmod", "poss")
                    and (c.ent_type_ in ("NORP", "GPE", "ORG") or c._.actor is not None)]
            else:
                found.append(subject)
    return found


def told_with(verb: Token) -> list[Token]:
    """Clauses of a report that the parser hung on its speech verb, between what was said
    and the verb that says it: "14 militants were killed, after Russian jets conducted
    airstrikes on their positions, activists reported" tells when the killing happened."""
    report = verb.head
    if verb.dep_ != "ccomp" or report.i < verb.i:
        return []
    return [c for c in report.children if c.dep_ == "advcl" and verb.i < c.i < report.i]


# Conjunctions of a clause that says when something happened.
WHEN_WORDS = frozenset({"when", "as", "after", "while", "during"})
# Clause verbs that tell no one's doing ("when the fighting was over", "as reports said").
NOT_DOINGS = frozenset({"be", "say", "have", "report", "tell", "seem", "appear", "become"})
# Verbs of bodily harm, arrest and charge: whatever they are done to is a person
# (``plain_people``). Not "capture" or "seize", which take towns too.
HARM_VERBS = VICTIM_VERBS | {
    "shoot", "murder", "execute", "kidnap", "abduct", "behead", "stab", "torture",
    "assassinate", "massacre", "slaughter", "lynch", "rape", "beat", "hack", "gun",
    "arrest", "detain", "jail", "imprison", "accuse", "charge", "convict", "sentence",
    "deport", "book", "interrogate",
}
# Verbs of a blast, and where it went off beside whom ("near a patrol", "outside a station").
BLAST_VERBS = frozenset({"detonate", "explode", "blow", "set"})
PASSING_VERBS = frozenset({
    "pass", "drive", "travel", "patrol", "arrive", "leave", "go", "ride", "enter",
})
# Verbs of fighting someone: whom the victims fought is whoever struck them.
FIGHTING_VERBS = frozenset({"fight", "battle", "clash", "confront", "engage", "repel"})
# Participles of violence whose agent is the attacker of a passive report (``violent_agents``).
VIOLENT_PARTICIPLES = HARM_VERBS | AIMING_VERBS | frozenset({
    "surround", "raze", "burn", "torch", "ambush", "fire", "plant", "launch", "bombard",
    "besiege", "loot", "overrun", "injure", "wound",
})
# Where someone taken is held, whose owner holds them (``custodians``).
CUSTODY_PREPS = frozenset({"in", "into", "under"})
CUSTODY_NOUNS = frozenset({"custody", "detention", "captivity"})
# Types of an operation that the force reporting it carried out (``reporting_force``).
REPORTED_TYPES = frozenset({"ASSAULT", "COERCE"})
