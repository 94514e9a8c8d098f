"""Small readings of the dependency parse shared by the event stages."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from newsevents.actors import TIE_LEMMAS

SUBJECTS = frozenset({"nsubj", "csubj"})
OBJECTS = frozenset({"dobj", "dative", "obj"})
# Prepositions whose -ing clause is done by the subject of the verb they hang from; not "of"
# ("suspected of blowing up" is what others say the subject did).
MANNER_PREPS = frozenset({"by", "before", "after", "while", "in", "through", "without"})


def lemma(token: Token) -> str:
    return token.lemma_.lower()


def prep_objects_of(tokens: list[Token], prep: str) -> list[Token]:
    return [
        g
        for t in tokens
        for c in t.children
        if lemma(c) == prep
        for g in c.children
        if g.dep_ == "pobj"
    ]


def prep_objects(token: Token, preps: frozenset[str]) -> list[Token]:
    return [
        g
        for c in token.children
        if c.dep_ == "prep" and lemma(c) in preps
        for g in c.children
        if g.dep_ == "pobj"
    ]


def expand(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for token in tokens:
        for t in (token, *token.conjuncts):
            if t not in out:
                out.append(t)
    return out


def subject_of(verb: Token) -> list[Token]:
    """The subject, inherited through xcomp, conj and relative clauses where English omits it."""
    seen = 0
    while seen < 6:
        seen += 1
        subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
        # "Security forces were patrolling": the parser may hang the subject on the auxiliary
        subjects += [s for a in verb.children if a.dep_ == "aux" for s in a.children
                     if s.dep_ in SUBJECTS]
        if subjects:
            return subjects
        if any(c.dep_ == "nsubjpass" for c in verb.children):
            return []  # "the aircraft are expected to arrive": no agent to inherit
        stranded = stranded_subjects(verb)
        if stranded:
            return stranded
        if verb.dep_ == "xcomp":
            objects = [c for c in verb.head.children if c.dep_ in OBJECTS]
            if objects:  # object control: "urged Turkey to make a choice"
                return objects
            verb = verb.head
        elif verb.dep_ == "acomp" or (
            verb.dep_ in ("conj", "advcl") and verb.head.pos_ in ("VERB", "AUX")
        ):
            verb = verb.head  # "is prepared to impose": the subject sits on "is"
        elif (verb.dep_ == "pcomp" and lemma(verb.head) in MANNER_PREPS
              and verb.head.head.pos_ in ("VERB", "AUX")):
            verb = verb.head.head  # "began the assault by storming", "before shooting it"
        elif (addition := _in_addition_to(verb)) is not None:
            verb = addition  # "In addition to liberating the town, the army captured"
        elif verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
            return [verb.head]
        else:
            return []
    return []


def _in_addition_to(verb: Token) -> Token | None:
    """The verb an "in addition to" phrase with a gerund hangs on: its subject does both."""
    prep, noun = verb.head, verb.head.head
    if verb.dep_ != "pcomp" or lemma(prep) != "to" or lemma(noun) != "addition" or (
        noun.dep_ != "pobj"
    ):
        return None
    governing = noun.head.head
    return governing if governing.pos_ in ("VERB", "AUX") else None


# Words that may stand between a subject and its verb ("the army has reportedly captured").
BETWEEN_SUBJECT_AND_VERB = frozenset({"aux", "advmod", "neg", "punct"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})


def stranded_subjects(verb: Token) -> list[Token]:
    """The subject the parser hung inside a fronted phrase, when the main verb has none of
    its own: "After seizing the suburb, the Syrian Arab Army launched an attack" and
    "According to a correspondent in Damascus, the Syrian Armed Forces and their allies have
    liberated" (the subject read as in apposition to the phrase's last noun), "Led by the
    Tiger Forces and their commander, the army stormed". A finite main verb has a subject;
    the noun just before it is that subject, with the nouns joined to it."""
    if verb.dep_ != "ROOT" or not (
        verb.tag_ in FINITE_TAGS or any(c.dep_ == "aux" for c in verb.children)
    ):
        return []
    before = verb.i - 1
    while before >= verb.sent.start and verb.doc[before].dep_ in BETWEEN_SUBJECT_AND_VERB and (
        verb.doc[before].text not in (",", ";", ":")
    ):
        before -= 1
    if before < verb.sent.start:
        return []
    noun = verb.doc[before]
    if noun.pos_ not in ("NOUN", "PROPN") or noun.ent_type_ in ("DATE", "TIME") or (
        noun.dep_ not in ("appos", "pobj", "conj")
    ):
        return []
    while noun.dep_ == "conj" and noun.head.i != noun.i and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head
    if noun.dep_ not in ("appos", "pobj") or noun.head.i > verb.i:
        return []
    return [noun]


# Passives whose subject does what the clause after them says: reports and compulsion ("is
# said to have", "was forced to"). Not those of plans ("is expected to visit", "are scheduled
# to meet"), which tell of acts yet to come.
RAISING_VERBS = frozenset({
    "say", "report", "believe", "think", "know", "show", "see", "allege", "claim",
    "understand", "suspect", "reveal", "confirm", "find", "rumour", "rumor", "force",
    "compel", "oblige", "order", "make", "tell", "ask", "urge", "instruct", "hear", "film",
})


def raised_subjects(verb: Token) -> list[Token]:
    """The passive subject a clause's verb takes its doer from: "The CBI is said to have
    arrested the swami", "the rebels were forced to abandon the town", "fighters are shown
    shooting at vehicles". Whom an act is said, forced or seen to be done by is the subject
    of the passive it completes, which ``subject_of`` does not inherit (there the passive
    verb itself is the event: "the aircraft are expected to arrive" names no sender)."""
    seen = 0
    while verb.dep_ == "xcomp" and verb.head.i != verb.i and seen < 4:
        seen += 1
        verb = verb.head
        if any(c.dep_ in SUBJECTS for c in verb.children) or lemma(verb) not in RAISING_VERBS:
            return []
        own = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if own:
            return own
    return []


# Verbs of a guess at who someone is ("gunmen suspected to be members of Boko Haram").
SUSPECTING_VERBS = frozenset({"suspect", "believe", "think"})


def suspected_as(token: Token) -> list[Token]:
    """Who a noun is said to be: "gunmen suspected to be members of Boko Haram", "militants
    believed to belong to the ULFA". The parser often makes the guess the main clause
    ("Gunmen suspected to be Fulani herdsmen have killed 19"), so the noun may be its subject
    as well as the noun it describes."""
    if token.dep_ in SUBJECTS and lemma(token.head) in SUSPECTING_VERBS:
        guesses = [token.head]
    else:
        guesses = [c for c in token.children if c.dep_ == "acl" and lemma(c) in SUSPECTING_VERBS]
    return [g for guess in guesses for clause in guess.children if clause.dep_ == "xcomp"
            for g in (*(c for c in clause.children if c.dep_ == "attr"),
                      *prep_objects(clause, frozenset({"to"})))]


def affiliated_with(token: Token) -> list[Token]:
    """The side a noun's fighters are tied to (``actors.TIE_LEMMAS``): "forces loyal to
    President Bashar al-Assad", "militiamen allied to the government"."""
    if token.dep_ in SUBJECTS and lemma(token.head) in TIE_LEMMAS:
        ties = [token.head]  # the parser's main clause: "Militants linked to Hamas captured"
    else:
        ties = [c for c in token.children
                if c.dep_ in ("acl", "amod") and lemma(c) in TIE_LEMMAS]
    return [g for c in ties for g in prep_objects(c, frozenset({"to", "with"}))]


def guessed_subjects(verb: Token) -> list[Token]:
    """The subject of a clause the parser hung on a guess at who did it, or on whom they are
    tied to: "Gunmen suspected to be Boko Haram members yesterday killed 10 people" (killed
    as the guess's complement), "Militants linked to Hamas captured the soldier",
    "when gunmen suspected to be members of Boko Haram attacked" (the guess as a clause of
    the verb)."""
    guesses = [verb.head] if verb.dep_ in ("ccomp", "dep", "conj") else []
    guesses += [c for c in verb.children if c.dep_ in ("advcl", "dep", "ccomp") and c.i < verb.i]
    return [s for g in guesses if (lemma(g) in SUSPECTING_VERBS
                                   and any(c.dep_ == "xcomp" for c in g.children))
            or (lemma(g) in TIE_LEMMAS and prep_objects(g, frozenset({"to", "with"})))
            for s in g.children if s.dep_ in SUBJECTS]


def progressive_subjects(verb: Token) -> list[Token]:
    """The subject of a progressive the parser read as a modifier of its object: in "troops
    are patrolling the border" it may hang "patrolling" on "border", the object of "are"."""
    noun = verb.head
    if verb.dep_ != "amod" or verb.tag_ != "VBG" or verb.i > noun.i or noun.dep_ != "attr":
        return []
    holder = noun.head
    if lemma(holder) != "be":
        return []
    if holder.dep_ == "aux" and holder.head.i != holder.i:
        holder = holder.head  # "have been patrolling the town": "been" hangs on another verb
    return [c for c in holder.children if c.dep_ in SUBJECTS]


def is_passive(verb: Token) -> bool:
    """A passive clause, also where English drops the auxiliary: a participle after its noun
    ("a treaty signed by Moscow and Dushanbe", "Marwan Barghouti, accused by Israel of"),
    a participle joined to a passive ("was captured by Afghan forces and handed to U.S.
    troops"; the tagger often takes such a participle for a past tense), and one with a "by"
    phrase that hangs on another verb ("imprisoned by Cuba for years"). Not "have killed",
    whose participle is active, nor a verb with a subject or object of its own."""
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return True
    if verb.tag_ not in ("VBN", "VBD") or any(
        c.dep_ in (*SUBJECTS, "aux", *OBJECTS) for c in verb.children
    ):
        return False
    if found_done(verb):
        return True
    # the tagger takes such a participle for a past tense at times; its "by" phrase says not
    # ("an Israeli soldier captured two years ago by Gaza militants")
    agent = any(c.dep_ == "agent" for c in verb.children)
    if (verb.tag_ == "VBN" or agent or _shot_down(verb)) and participle_after_noun(verb):
        return True
    if verb.tag_ == "VBN" and agent and verb.dep_ in ("advcl", "conj"):
        return True  # "were captured, imprisoned by Cuba for years and released"
    return verb.dep_ == "conj" and verb.head.pos_ == "VERB" and is_passive(verb.head)


def _shot_down(verb: Token) -> bool:
    """A participle with a particle and nothing it acts on ("a pilot shot down over Syria"):
    the tagger takes it for a past tense, but a past tense after its noun would have an object."""
    return any(c.dep_ == "prt" for c in verb.children)


def participle_after_noun(verb: Token) -> bool:
    """A participle that follows the noun it tells of ("weapons supplied to Fatah"); not a
    main verb the parser hung on its subject for want of another verb ("The Red Cross, which
    transported them, called on both sides", "the military and two militias murdered")."""
    if verb.dep_ != "acl" or verb.head.pos_ not in ("NOUN", "PROPN", "NUM"):
        return False
    if any(o.dep_ in OBJECTS for c in verb.conjuncts for o in c.children):
        return False  # "armed men ... killed or wounded dozens of people": a main verb
    noun = verb.head
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head
    return noun.dep_ != "ROOT"


def patients_of(verb: Token) -> list[Token]:
    """Whom a passive clause is done to: its passive subject, the noun a participle follows
    ("dozens of government soldiers executed at point-blank range"), or the subject a joined
    participle shares ("were captured by Jordanian forces, but were released")."""
    own = [c for c in verb.children if c.dep_ == "nsubjpass"]
    # "seven persons were on Monday killed": the parser may hang the subject on the auxiliary
    own += [s for a in verb.children if a.dep_ == "auxpass" for s in a.children
            if s.dep_ in ("nsubj", "nsubjpass")]
    if own:
        return own
    if participle_after_noun(verb):
        return [verb.head]
    if verb.dep_ == "conj" and verb.head.pos_ == "VERB" and not any(
        c.dep_ in SUBJECTS for c in verb.children
    ):
        return patients_of(verb.head)
    if found_done(verb):
        return [c for c in verb.head.children if c.dep_ == "nsubjpass"]
    return _governing_subject(verb)


def found_done(verb: Token) -> bool:
    """A participle completing a passive ("was found murdered", "were found shot dead"):
    what it says was done to the passive's subject, who is no doer, unlike the subject of an
    active complement ("were seen fleeing", ``raised_subjects``)."""
    return (verb.tag_ == "VBN" and verb.dep_ == "xcomp"
            and any(c.dep_ == "nsubjpass" for c in verb.head.children))


def _governing_subject(verb: Token) -> list[Token]:
    """Whom a passive clause with no subject of its own was done to when it says when ("A
    civilian was killed after being shot by border guards", "He died before being taken to
    hospital"): the subject of the clause it hangs on, passive or not."""
    if verb.dep_ not in ("pcomp", "advcl") or not any(c.dep_ == "auxpass" for c in verb.children):
        return []
    governing = verb.head.head if verb.dep_ == "pcomp" else verb.head
    if governing.pos_ not in ("VERB", "AUX"):
        return []
    if is_passive(governing):
        return patients_of(governing)
    return [c for c in governing.children if c.dep_ == "nsubj"]


def agent_of(verb: Token) -> list[Token]:
    """The "by" phrase of a passive; where the parser read the agent as the subject of the
    participle after it ("killed by rebels wielding machetes"), that subject."""
    return [g for c in verb.children if c.dep_ == "agent" for g in c.children
            if g.dep_ == "pobj"] or [s for c in verb.children if c.dep_ == "agent"
                                     for p in c.children if p.dep_ == "pcomp"
                                     for s in p.children if s.dep_ == "nsubj"]


def by_objects(verb: Token) -> list[Token]:
    """The objects of a "by" the parser took for a plain preposition of a passive verb ("was
    shot five times in the head by men riding a motorcycle"): the agent, unless they say
    when ("by Friday")."""
    return [g for c in verb.children if c.dep_ == "prep" and lemma(c) == "by"
            for g in c.children if g.dep_ == "pobj" and g.ent_type_ not in ("DATE", "TIME")]


def clause_chain(token: Token) -> Iterator[Token]:
    """The trigger and the verbs it hangs from within one clause chain (xcomp, conj, aux)."""
    yield token
    while token.dep_ in ("xcomp", "conj", "acl", "pcomp", "dobj", "pobj", "prep") and (
        token.head.i != token.i
    ):
        token = token.head
        yield token


RELATIVE_PRONOUNS = frozenset({"who", "whom", "which", "that"})


def antecedent(token: Token) -> Token | None:
    """The noun a relative pronoun stands for: "militias that attacked", "an outbreak that
    killed six"."""
    clause = token.head
    if token.lower_ in RELATIVE_PRONOUNS and clause.dep_ == "relcl" and (
            clause.head.pos_ in ("NOUN", "PROPN")):
        return clause.head
    return None


def stray_objects(verb: Token, preps: frozenset[str]) -> list[Token]:
    """Objects of ``preps`` the parser hung on a noun of the verb's own adjuncts rather than
    on the verb: "demonstrated in several West Bank villages against Israel's barrier",
    "marched in the capital Lome against Gnassingbe's rule". Not inside the subject, nor in
    a clause of its own. A preposition joined to another counts too ("rallies for and
    against President Gbagbo")."""
    found: list[Token] = []
    for prep in verb.subtree:
        joined = prep.dep_ == "conj" and prep.head.dep_ == "prep"
        if (prep.dep_ != "prep" and not joined) or lemma(prep) not in preps or (
            prep.head.i == verb.i
        ):
            continue
        head = prep.head
        while head.i != verb.i and head.pos_ not in ("VERB", "AUX") and head.dep_ not in (
            *SUBJECTS, "nsubjpass"
        ):
            head = head.head
        if head.i == verb.i:
            found += [g for g in prep.children if g.dep_ == "pobj"]
    return found
