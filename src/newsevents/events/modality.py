"""Negation, modality and intent: whether an event is asserted, and what a promise or a
conditional blow really is."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from newsevents.events.lexicon import Lexicon
from newsevents.events.syntax import OBJECTS, RELATIVE_PRONOUNS, clause_chain, lemma
from newsevents.events.triggers import Candidate, absorbed_mode
from newsevents.models import COOPERATIVE_TYPES

COOPERATIVE = COOPERATIVE_TYPES
# What an actor can threaten: a blow, coercion or a sanction it says it will deal is a threat;
# a patrol, deployment or march it plans is only a plan (MOBILIZE and PROTEST are coded
# hypothetical in 74 of 78 such train/dev events; the other 4 are strikes called on a
# condition, coded THREATEN).
THREATENABLE = frozenset({"SANCTION", "COERCE", "ASSAULT"})


FINITE = frozenset({"VBD", "VBZ", "VBP"})
# Modal readings that commit the actor to a future act (an intent word reads as "will"). A
# threat so told is made, not possible (the train split's THREATEN events on "would respond",
# "will be met with force": 13 asserted).
PROMISING = frozenset({"will", "would", "shall"})


def is_negated(token: Token, lex: Lexicon) -> bool:
    top = token
    for t in clause_chain(token):
        top = t
        if any(c.dep_ == "neg" for c in t.children):
            return True
        if any(c.dep_ == "advmod" and c.lower_ == "longer" and any(
                g.dep_ == "neg" for g in c.children) for c in t.children):
            return True  # "troops no longer patrol" (not "not far from"): "no" hangs on "longer"
        if any(c.dep_ in ("nsubj", "nsubjpass") and _no_one(c) for c in t.children):
            return True  # "no suspects have been captured", "nobody attacked", "not all backed"
        if t.i != token.i and lex.cue("neg_governor", lemma(t)):
            return True
        if any(c.dep_ in ("mark", "prep") and lex.cue("negator", lemma(c)) for c in t.children):
            return True
        if t.dep_ == "pcomp" and lex.cue("negator", lemma(t.head)):
            return True  # "without returning"
    if top.dep_ == "ccomp" and lex.cue("neg_governor", lemma(top.head)):
        return True  # "denied that it had carried out strikes": the guidelines code no attack
    if (top.dep_ == "ccomp" and token.tag_ not in FINITE and _infinitive(top)
            and any(c.dep_ == "neg" for c in top.head.children)):
        # "cannot allow another force to march": what is not let happen; not a verb of its
        # own tense the parser joins to it ("would not allow anyone to interfere ... and
        # rejected calls")
        return True
    return any(lemma(c) in ("no", "never") and c.dep_ == "det" for c in token.children)


def _no_one(subject: Token) -> bool:
    """A subject that names no one who did it: "nobody", "no suspects", or not everyone of
    them ("not all members backed the plan": some did not, and which is not said)."""
    return lemma(subject) in ("nobody", "none") or any(
        (c.dep_ == "det" and lemma(c) == "no") or c.dep_ == "neg" for c in subject.children)


def is_generic(token: Token, lex: Lexicon) -> bool:
    """A habit told in general ("troops often patrol the border", "fire rockets every night",
    "have shot down helicopters in the past") is no one act: the guidelines' generic realis.

    Only frequency words mark it. A present tense does not: of the train/dev gold events on a
    bare present-tense verb, 83% are asserted ("Israel accuses Iran"). Nor does "repeatedly"
    (11 of 16 such train/dev events are asserted: one run of blows, "repeatedly fired").
    """
    for t in clause_chain(token):
        for child in t.children:
            if child.dep_ in ("advmod", "npadvmod") and lex.cue("frequency", lemma(child)):
                return True
            if child.dep_ == "npadvmod" and any(
                    lemma(d) in ("every", "each") for d in child.children):
                return True  # "every day", "each month"
            if child.dep_ == "prep" and lemma(child) == "in" and any(
                    c.dep_ == "pobj" and lemma(c) == "past" for c in child.children):
                return True  # "in the past", not "in the past week"
    if (_whenever_in_the_present(token) or _done_by_anyone(token)
            or _harms_in_general(token, lex)):
        return True
    return token.pos_ == "NOUN" and any(
        c.dep_ == "amod" and lex.cue("frequency", lemma(c)) for c in token.children)


PRESENT = frozenset({"VBZ", "VBP"})
# Subjects that name no one in particular: "anyone who attacks military installations will be
# tried" (the train/dev sentences with one code no act of theirs).
ANYONE = frozenset({"anyone", "anybody", "whoever"})


def _done_by_anyone(verb: Token) -> bool:
    """An act of "anyone who", "whoever" is a rule for whoever does it, not one act. Only the
    verb's own subject: "would not allow anyone to interfere ... and rejected calls" rejects."""
    for subject in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
        named = verb.head if verb.dep_ == "relcl" and subject.lower_ in RELATIVE_PRONOUNS else (
            subject)  # "anyone who has been murdered"
        if lemma(named) in ANYONE:
            return True
    return False


def _harms_in_general(verb: Token, lex: Lexicon) -> bool:
    """ "The toxin kills by stopping the heart", "because the strain kills more slowly": a verb
    of force in the present tense with no one it harms tells what something does, not one
    blow. A headline cut short ("Rebels attack") ends in no full stop; a verb joined to one
    with an object shares it ("shells and destroys the town"). Train and dev: both such
    readings are on sentences with no event."""
    if verb.tag_ not in PRESENT or verb.sent[-1].text != "." or not any(
            t.event_type == "ASSAULT" for t in lex.verbs.get(lemma(verb), ())):
        return False
    shared = [verb.head] if verb.dep_ == "conj" else []
    return not any(c.dep_ in (*OBJECTS, "nsubjpass", "auxpass", "aux", "conj", "ccomp", "xcomp")
                   for v in (verb, *shared) for c in v.children)


def _whenever_in_the_present(verb: Token) -> bool:
    """ "When a bomber blows himself up at a mall, he kills many": two present tenses joined by
    "when" tell what happens each time, not one act. A headline ("Police fire tear gas when
    crowd storms parliament") tells news in the present, so a sentence must end in a full
    stop."""
    if verb.tag_ not in PRESENT or verb.sent[-1].text != ".":
        return False
    pairs = [c for c in verb.children if c.dep_ == "advcl"]
    if verb.dep_ == "advcl":
        pairs.append(verb)
    return any(c.tag_ in PRESENT and c.head.tag_ in PRESENT and any(
        lemma(m) in ("when", "whenever") for m in c.children if m.dep_ == "advmod")
        for c in pairs)


def _modal_scope(token: Token) -> Iterator[Token]:
    """The clause chain a modal can reach: "could impose ... and urged" ends at "urged",
    a finite verb with its own tense, and "will provide ... and has already provided" at
    "provided", a verb with a finite auxiliary of its own."""
    for t in clause_chain(token):
        yield t
        if t.dep_ == "conj" and (t.tag_ in FINITE or any(
                c.dep_ in ("aux", "auxpass") and c.tag_ in FINITE for c in t.children)):
            return


def _in_question(token: Token) -> bool:
    """ "How can a Lebanese kill a Syrian in his country?", "Is it not the police's duty to
    arrest the accused?": a question asserts no act. Only where the question mark closes the
    trigger's own clause or one it hangs from: in "marched through the city chanting, 'Why do
    you poison us?'" the march is news (train and dev: 8 readings in questions, 7 on sentences
    with no event)."""
    marks = [t for t in token.sent if t.text == "?" and not _quote_between(token, t)]
    if not marks:
        return False
    above = {token.i, *(a.i for a in token.ancestors)}
    return any(m.head.i in above for m in marks)


QUOTES = frozenset({'"', "''", "``", "\u201c", "\u201d"})


def _quote_between(a: Token, b: Token) -> bool:
    """One of the two words is quoted and the other not (an odd number of quote marks
    between them): the parser may hang a quoted question on the verb that reports it."""
    first, last = sorted((a.i, b.i))
    return sum(t.text in QUOTES for t in a.doc[first + 1 : last]) % 2 == 1


def modal(token: Token, lex: Lexicon) -> str | None:
    if _in_question(token):
        return "if"
    if _purpose(token) and (not lex.cue("purpose_is_act", lemma(token))
                            or _aim_only(token, lex)):
        # "the right to fire", "resigned to allow elections": aims, not acts; "gathered to
        # protest" is the protest, "called a strike to protest" or "wrote to protest" is not
        return "to"
    if _infinitive(token) and any(c.dep_ == "advmod" and lemma(c) == "how"
                                  for c in token.children):
        return "to"  # "instructions on how to burn cities": a way to do it, not a deed
    if token.dep_ == "acl" and token.tag_ == "VBG" and not lex.cue("statement", lemma(token.head)):
        return "to"  # "a law recognizing the results" describes, it does not report
    if _charged_with(token, lex):
        return "alleged"
    chain = list(_modal_scope(token))
    if _believed(chain[-1], lex):
        return "if"
    for t in chain:
        for child in t.children:
            if child.dep_ == "advcl" and any(
                g.dep_ == "mark" and lemma(g) == "unless" for g in child.children
            ):
                return "unless"  # "will withdraw ... unless X": a threat
    for below, t in zip([token, *chain], chain, strict=False):
        if t.i != token.i and lex.cue("fear", lemma(t)):
            return "if"  # "in fear of being captured": feared, not done, and no one's threat
        if t.i != token.i and _intent_word(t, below, lex) and not _gives_a_cause(t, below):
            return "will"  # "is willing to send", "plans to impose"
        for child in t.children:
            if child.dep_ == "aux" and lex.cue("modal", lemma(child)):
                return lemma(child)
            if child.dep_ == "mark" and lex.cue("condition", lemma(child)):
                return "if"
    return None


def _infinitive(verb: Token) -> bool:
    return any(c.dep_ == "aux" and lemma(c) == "to" for c in verb.children)


def _purpose(verb: Token) -> bool:
    """A to-clause that tells an aim ("formed a group to seek independence"), or one joined
    to it with its own "to" ("... and to protest corruption")."""
    if not _infinitive(verb):
        return False
    if verb.dep_ in ("acl", "advcl"):
        return True
    return verb.dep_ == "conj" and verb.head.i != verb.i and _purpose(verb.head)


def _aim_only(verb: Token, lex: Lexicon) -> bool:
    """A to-clause of aim that stays an aim although its verb can be the act ("gathered to
    protest" is the protest): one on a verb whose aim it only tells ("called a strike to
    protest", "organized a sit-in to protest", "formed a union to protest"), or one that
    describes a noun ("an association to protest corruption" names what the body is for).
    A second clause joined with its own "to" is read as the first ("to seek ... and to
    protest")."""
    first = verb
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    return first.dep_ == "acl" or lex.cue("aim_only", lemma(first.head))


def _believed(top: Token, lex: Lexicon) -> bool:
    """The clause is what someone believes ("I believe my father was murdered", "said he
    believed the group was trying to seize ground"): an opinion of what may have happened, not
    an act reported. The train and dev gold code no asserted event in such a clause; a report
    through a source ("police said gunmen killed five") stays asserted. Only a believer the
    verb names as its subject, or the one a participle clause tells of ("rushed out, thinking
    they had been invaded"); not a belief wished on others ("it would be hard to get
    observers to believe that he had bombed Hanoi" tells the bombing as fact), nor a passive
    the parser took for one ("accused of misusing funds, much of it believed to have been
    embezzled": the accusation is news)."""
    believer = top.head
    return (top.dep_ == "ccomp" and believer.pos_ == "VERB" and lex.cue("belief", lemma(believer))
            and not _infinitive(believer)
            and not any(c.dep_ == "xcomp" for c in believer.children)
            and (believer.tag_ == "VBG" or any(c.dep_ == "nsubj" for c in believer.children)))


# The prepositions that name what someone is held, tried or blamed for: "arrested for
# murdering", "convicted of wounding", "charged with attacking".
CHARGE_PREPS = frozenset({"for", "of", "with"})


def _charged_with(token: Token, lex: Lexicon) -> bool:
    """The act someone is arrested, tried, sentenced or blamed for is the charge, not news the
    sentence reports ("was arrested for allegedly murdering his daughter", "convicted of
    blocking a street"), as the content of an accusation is (guidelines, nested events). Only
    the act the preposition itself names: in "suspected of leading the insurgency" the
    insurgency is news. An epithet of the same words ("a student accused of blasphemy",
    "those suspected of the attack") tells no act either, unless it names who accuses
    ("accused by Israel of")."""
    if (token.dep_ == "acl" and token.tag_ == "VBN" and lex.cue("epithet", lemma(token))
            and not any(c.dep_ == "agent" for c in token.children)):
        return True
    act = token
    while act.dep_ == "conj" and act.head.tag_ == act.tag_ and act.head.i != act.i:
        act = act.head  # "convicted of wounding a guard and blocking a street"
    prep = act.head
    if act.dep_ not in ("pcomp", "pobj") or prep.dep_ != "prep" or lemma(prep) not in CHARGE_PREPS:
        return False
    holder = prep.head
    if holder.dep_ == "dobj" and act.dep_ == "pcomp":
        # the parser hangs "of" on the one convicted: "convicted two men of attacking" (not
        # "arrested leaders of the protest", whose protest is news)
        holder = holder.head
    return lex.cue("charge", lemma(holder))


# Intent words that tell a schedule or others' expectation, not the actor's own aim: "is due
# to be voted into law", "is expected to put a strain".
SCHEDULED = frozenset({"due", "expect"})


def _intent_word(word: Token, below: Token, lex: Lexicon) -> bool:
    """An intent word ("plans to impose"), or a schedule word before an infinitive ("are set
    to be destroyed", "Israel was to withdraw within 60 days", not "set fire to"); never a
    phrasal verb built on one ("set out to hunt down" tells what was done), nor the idiom "is
    to blame", which names who is at fault: an accusation."""
    if any(c.dep_ == "prt" for c in word.children):
        return False
    return lex.cue("intent", lemma(word)) or (
        lex.cue("schedule", lemma(word)) and below.dep_ == "xcomp" and lemma(below) != "blame")


def states_intent(token: Token, lex: Lexicon) -> bool:
    """An intent word governs the act ("is willing to send", "plans to impose"): it tells the
    actor's own aim, as a statement would."""
    chain = list(_modal_scope(token))
    return any(t.i != token.i and lex.cue("intent", lemma(t)) and lemma(t) not in SCHEDULED
               and not _gives_a_cause(t, below)
               for below, t in zip([token, *chain], chain, strict=False))


def _gives_a_cause(word: Token, below: Token) -> bool:
    """"due to the shelling" gives a cause, "is due to visit" an intent; "a man about to be
    charged", where the parser takes the schedule word for a preposition, a schedule."""
    if word.dep_ == "prep":
        return below.dep_ != "xcomp"
    return below.dep_ == "prep" and lemma(below) == "to" and any(
        c.dep_ == "pobj" for c in below.children)


def recode(
    cand: Candidate, mode_word: str | None, negated: bool, own_words: bool, *, spoken: bool
) -> tuple[str, str | None, bool]:
    """Intent is not action: a promised cooperation is AGREE, a conditional blow the actor
    itself says it will deal is THREATEN, a cooperation the actor says it will not give is
    REJECT; one that simply did not happen ("had not met since 2016") stays a negated event,
    as the guidelines say.

    ``spoken``: the words are the actor's own (a speech verb tells them, the trigger is what a
    speaker said, or an intent word tells its aim: "plans to impose"). A blow the
    reporter only foresees ("the army will launch another offensive
    in the coming days") is a plan or a prediction, not a threat: the guidelines code it
    hypothetical, and such readings were the THREATEN events coded on train and dev sentences
    that hold none.

    Returns (type, mode, whether the event is still hypothetical).
    """
    etype, mode = cand.event_type, cand.mode
    if mode_word is None:
        return etype, mode, False
    if mode_word in ("if", "to", "alleged"):
        return etype, mode, True
    if mode_word == "unless" and own_words:
        return "THREATEN", absorbed_mode("THREATEN", cand), False
    if negated and etype in COOPERATIVE and own_words:
        return "REJECT", absorbed_mode("REJECT", cand), False
    if not negated and etype in COOPERATIVE - {"AGREE"} and mode_word in PROMISING and spoken:
        # Only the actor's own promise: "Albanese will visit Beijing", "on hopes that China
        # would ease its curbs" are plans the guidelines code hypothetical of their own type
        # (train+dev, shipped model: of 21 asserted AGREE readings this drops, 17 are on
        # sentences whose gold holds no asserted AGREE).
        return "AGREE", None, False
    if not own_words:
        return etype, mode, True
    if etype == "THREATEN" and mode_word in PROMISING and spoken:
        return etype, mode, False  # "would respond with full force": the threat is the words
    if etype in THREATENABLE and mode_word in (*PROMISING, "could", "may", "might"):
        if _agentless_passive(cand.token) or not spoken:
            return etype, mode, True  # "would also be injured": a blow no one threatens
        return "THREATEN", absorbed_mode("THREATEN", cand), False
    return etype, mode, True


def _agentless_passive(verb: Token) -> bool:
    deps = {c.dep_ for c in verb.children}
    return "auxpass" in deps and "agent" not in deps


def hedged(noun: Token, lex: Lexicon) -> bool:
    """ "a possible withdrawal", "speculation about a withdrawal": talk of an event, not one.
    So is one still to come: "the forthcoming talks", "next week's summit", "on the eve of a
    visit", "in preparation for an offensive" (train and dev: the gold events so told are all
    hypothetical; not "before the meeting": 38 of 41 gold events after "before" are
    asserted)."""
    if any(c.dep_ == "amod" and lex.cue("hedge", lemma(c)) for c in noun.children):
        return True
    if any(c.dep_ == "poss" and any(a.dep_ == "amod" and lex.cue("hedge", lemma(a))
                                    for a in c.children) for c in noun.children):
        return True  # "next week's summit"
    return any(lex.cue("hedge", lemma(a)) for a in noun.ancestors if a.pos_ == "NOUN")
