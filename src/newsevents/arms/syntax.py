"""Readings of the parse that arms needs and ``newsevents.events.syntax`` does not give.

Each helper here differs on purpose from its nearest relative in the events stage: a deal's
parties and status must come from the transfer word's own clause, and the weapon itself is
often the noun an events helper would fall back on. The shared ones (``lemma``,
``SUBJECTS``) are imported from the events stage.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsevents.events.syntax import SUBJECTS, lemma

# Dependents that name a noun's owner or origin: "Turkey's S-400", "Russian missiles".
MODIFIERS = frozenset({"poss", "compound", "amod", "nmod"})
# Nouns whose "to"-infinitive is done by whoever made them: "Croatia cancelled a deal to buy
# jets" (Croatia buys); not "a refusal to buy", made by the other side.
PLANS = frozenset({"deal", "contract", "agreement", "plan", "intention", "decision", "bid",
                   "offer", "request", "move", "effort", "tender", "programme", "program",
                   "proposal", "order", "pact", "memorandum", "letter", "willingness",
                   "readiness", "desire", "wish"})
# Prepositions that open an adverbial, not an argument of the verb they hang from.
ADVERBIAL = frozenset({"after", "before", "since", "during", "despite", "amid", "following",
                       "until", "because", "unlike", "besides", "against"})
# Tags of relative pronouns ("which", "who", "that").
RELATIVES = frozenset({"WDT", "WP"})
# How far up the tree any walk goes, so a malformed parse cannot loop.
MAX_HOPS = 10


def inside(token: Token, span: Span) -> bool:
    return span.start <= token.i < span.end


# Verbs whose object does what their "to"-infinitive says: "urged Indonesia to abandon the
# purchase", "asked Germany to send tanks", "allowed Poland to deliver its Leopards",
# "cleared Indonesia to buy 36 F-15s".
CONTROLLING = frozenset({"urge", "ask", "press", "pressure", "persuade", "push", "encourage",
                         "force", "allow", "permit", "invite", "request", "convince", "compel",
                         "help", "enable", "authorize", "authorise", "advise", "tell", "clear"})


def with_whole(head: Token) -> list[Token]:
    """A system's head word, then the noun it is "of" when there is one ("the first fleet of
    F-35 jets", "the further incorporation of the Iron Dome"): words said of the whole may
    stand on either."""
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.pos_ == "NOUN":
        return [head, head.head.head]
    return [head]


def clause_subjects(verb: Token) -> list[Token]:
    """The subject, inherited through xcomp and conj where English omits it ("Russia agreed
    to sell", "Iran said ... but denied").

    Narrower than ``events.syntax.subject_of``: where a clause has no subject, that one takes
    the noun a relative or participle clause modifies, which here is the weapon itself, so
    "the tanks delivered to Morocco by the United States" would lose its supplier.
    """
    start = verb
    for _ in range(MAX_HOPS):
        found = [c for c in verb.children if c.dep_ in SUBJECTS]
        if verb is not start and verb.dep_ == "acl" and verb.tag_ == "VBN":
            agents = [g for p in verb.children if p.dep_ == "agent"
                      for g in p.children if g.dep_ == "pobj"]
            if agents:
                return agents  # "a deal signed by Qatar to buy 12 warplanes": Qatar buys
        if found:
            # "Serbia, which received MiG-29s": the relative pronoun is the noun it follows
            return [verb.head if verb.dep_ == "relcl" and c.tag_ in RELATIVES else c
                    for c in found]
        if verb.dep_ == "acl" and verb.tag_ == "VBG":
            return [verb.head]  # "the countries pledging F-16s": the noun does it
        if verb.dep_ == "xcomp" and lemma(verb.head) in CONTROLLING and any(
                c.lower_ == "to" for c in verb.children):
            objects = [c for c in verb.head.children if c.dep_ == "dobj"]
            if objects:
                return objects  # "the US urged Indonesia to abandon the purchase": Indonesia
        if verb.dep_ == "xcomp":
            raised = [c for c in verb.head.children if c.dep_ == "nsubjpass"]
            if raised:
                return raised  # "the navy is set to receive ten warships"
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep":
            owner = verb.head.head  # "discussing the idea of supplying jets", "by selling"
            holder = next((c for c in owner.children if c.dep_ == "poss"), None)
            if owner.pos_ == "NOUN" and holder is not None:
                return [holder]  # "India's tender for buying 26 jets": India buys
            owner = owner if owner.pos_ in ("VERB", "AUX") else _governing_verb(owner)
            if owner is not None:
                verb = owner
                continue
        owner = next((c for c in verb.head.children if c.dep_ == "poss"), None)
        planned = verb.dep_ in ("acl", "relcl") and lemma(verb.head) in PLANS
        if planned and owner is not None:
            return [owner]  # "Germany's decision to green-light the delivery"
        if planned and (
                verb.head.dep_ in ("dobj", "nsubjpass", "pobj")):
            owner = _governing_verb(verb.head)
            if owner is not None:  # "Croatia cancelled a deal to buy jets": Croatia buys
                verb = owner
                continue
        if verb.dep_ in ("advcl", "xcomp") and any(c.lower_ == "to" for c in verb.children):
            doer = _for_subject(verb)
            if doer is not None:
                return [doer]  # "approval for the Netherlands to provide jets"
        if verb.head.i == verb.i or not (verb.dep_ in ("xcomp", "conj") or (
                verb.dep_ == "advcl" and (verb.tag_ == "VBG" or any(
                    c.lower_ == "to" for c in verb.children)))):
            return []  # "ruled out sending jets", "scrapped a deal to buy helicopters"
        verb = verb.head
    return []


def _governing_verb(noun: Token) -> Token | None:
    """The verb a noun is the object of, directly or through a preposition."""
    head = noun.head
    if noun.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    return head if head.pos_ in ("VERB", "AUX") and head.i != noun.i else None


def _for_subject(verb: Token) -> Token | None:
    """The subject of "for X to V": the object of the "for" on the verb's head."""
    for prep in verb.head.children:
        if prep.lower_ == "for" and prep.i < verb.i and prep.dep_ in ("prep", "dative"):
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


def transfer_objects(token: Token, preps: frozenset[str]) -> list[Token]:
    """Objects of the prepositions ``preps`` on a transfer word, in the order they appear.

    Unlike ``events.syntax.prep_objects`` this also reads the parser's ``agent`` ("by Iran")
    and ``dative`` ("to Turkey") attachments, and a bare dative noun ("sold Turkey the
    S-400"): without them "armoured vehicles were delivered to Kenya by France" has no
    supplier.
    """
    found: list[Token] = []
    for prep in token.children:
        if prep.dep_ in ("prep", "agent", "dative") and prep.lower_ in preps:
            found.extend(c for c in prep.children if c.dep_ == "pobj")
        elif prep.dep_ == "dative" and prep.pos_ in ("PROPN", "NOUN") and "to" in preps:
            found.append(prep)  # "sold Turkey the S-400"
    return found


def negated(token: Token) -> bool:
    """A "not" on the word or on a verb it shares its subject with ("did not sell or
    deliver"); a coordinated clause with a subject of its own keeps its own polarity ("the
    deal did not go ahead, and Indonesia is now considering Rafales").

    Narrower than ``events.modality.is_negated``, which climbs through objects and
    prepositions and reads the events cue words; a deal's denials by word ("refused to sell")
    are the arms status cues, read in ``reading``.
    """
    chain = [token]
    while shares_subject(chain[-1]) and not own_auxiliary(chain[-1]):
        chain.append(chain[-1].head)
    return any(c.dep_ == "neg" for t in chain for c in t.children)


def own_auxiliary(verb: Token) -> bool:
    """A coordinated verb with an auxiliary of its own ("will not accept payment and will
    send three drones"): its clause says its own polarity."""
    return verb.pos_ == "VERB" and any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def shares_subject(token: Token) -> bool:
    """A coordinated verb without a subject of its own: it shares its head's."""
    return (token.dep_ == "conj" and token.head.i != token.i
            and not any(c.dep_ in SUBJECTS for c in token.children))


def clause_verb(token: Token) -> Token:
    """The verb a noun cue hangs from, for its tense: "the first batch should arrive".

    ``events.syntax.clause_chain`` stops at a subject; a cue noun is often one.
    """
    for _ in range(MAX_HOPS):
        if (token.pos_ in ("VERB", "AUX") and token.dep_ != "prep") or token.head.i == token.i:
            return token  # "following the delivery": "following" is a preposition here
        token = token.head
    return token


# Verbs whose "to"-infinitive is a done decision, not a future: "had to cancel", "decided to
# scrap", "opted to buy".
DECIDED = frozenset({"have", "decide", "choose", "opt", "force", "agree"})

# Conjunctions that make a clause a possibility, said like a future: "if Indonesia chooses
# the F-15EX".
CONDITIONS = frozenset({"if", "unless"})
# Conjunctions of time whose clause happens when its main clause does: under a future ("the
# deal will be announced when Iraq decides to buy") it is still to come.
WHEN = frozenset({"when", "once", "whenever", "after", "before", "until"})


# Nouns of a decision taken: a cue in their "to"-infinitive is done ("the decision to
# terminate the contract").
DECISIONS = frozenset({"decision", "resolution"})
# Predicates of "be" that put what they say in the future ("the first batch is due").
AWAITED = frozenset({"due", "expected", "scheduled", "set", "slated", "likely", "planned"})


# Words of a date still to come: "next week", "tomorrow", "in the coming days".
COMING = frozenset({"next", "tomorrow", "coming", "upcoming"})


def _coming(verb: Token) -> bool:
    """A present progressive set at a date still to come: "next week we are signing deals"."""
    return any(c.dep_ in ("aux", "auxpass") and c.lemma_ == "be" for c in verb.children) and any(
        t.ent_type_ == "DATE" and t.lower_ in COMING
        for c in verb.children if c.dep_ in ("npadvmod", "advmod", "prep", "tmod")
        for t in c.subtree)


def cue_tense(cue: Token) -> str:
    """The tense of a status cue's clause; a cue that is the content of a decision taken
    ("announced his government's decision to terminate the contract") is done, not to come."""
    verb = clause_verb(cue)
    noun = verb.head
    if cue.pos_ == "VERB" and verb.dep_ == "acl" and lemma(noun) in DECISIONS and (
            noun.head.i != noun.i and tense(noun.head) != "future"):
        return "past"
    return tense(verb)


def tense(token: Token) -> str:
    """past, present or future (modals, "to"-infinitives and conditions: "will deliver",
    "plans to buy", "if it buys"); an infinitive under a decision takes the decision's tense
    ("decided to cancel": past), a bare infinitive its verb's ("will see it deliver":
    future), a participle its verb's ("plans to bring in 48 jets, taking
    delivery of 12 by mid-2023": future)."""
    verb = token
    for _ in range(MAX_HOPS):
        if verb.dep_ == "xcomp" and lemma(verb.head) in DECIDED and verb.head.i != verb.i:
            return tense(verb.head)
        if _perfect_infinitive(verb):
            return "past"  # "were reported to have reached an agreement", "talks seem to
            # have stopped": done before the time of the verb it depends on
        if any((c.dep_ in ("aux", "auxpass") and (c.tag_ == "MD" or c.lower_ == "to"))
               or (c.dep_ == "mark" and c.lower_ in CONDITIONS)
               for c in verb.children) or (lemma(verb) == "be" and any(
                   (c.dep_ == "acomp" and c.lower_ in AWAITED) or (
                       c.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to"
                                                 for g in c.children))
                   for c in verb.children)):
            return "future"  # also "the first of the jets is to be delivered in 2019"
        if verb.dep_ == "advcl" and verb.head.i != verb.i and any(
                c.dep_ in ("mark", "advmod") and c.lower_ in WHEN for c in verb.children) and (
                tense(verb.head) == "future"):
            return "future"  # "will be announced when the government decides to buy"
        if verb.pos_ in ("VERB", "AUX") and verb.dep_ not in ("conj", "xcomp") and not (
                verb.dep_ == "advcl" and verb.tag_ == "VBG"):
            break  # a participle goes with its verb: "plans to buy 48 jets, taking ..."
        if verb.head.i == verb.i:
            break
        verb = verb.head
    if token.tag_ == "VB" and token.dep_ in ("ccomp", "xcomp") and token.head.i != token.i:
        return tense(token.head)  # a bare infinitive: "the contract will see it deliver"
    if token.tag_ == "VBG" and _coming(token):
        return "future"  # "next week, we are signing deals"
    if token.tag_ == "VBG" and _prepositional_gerund_of_future(token):
        return "future"  # "will give Slovakia tanks in return for Slovakia handing BMPs"
    if token.tag_ == "VBD":
        return "past"
    if token.tag_ == "VBN":
        auxes = [c for c in token.children if c.dep_ in ("aux", "auxpass")]
        present = auxes and all(c.tag_ in ("VBP", "VBZ") and c.lemma_ == "be" for c in auxes)
        return "present" if present else "past"
    return "present"


def _prepositional_gerund_of_future(token: Token) -> bool:
    """Whether a gerund after a preposition, with no auxiliary of its own, hangs on a clause
    in the future: the exchange or condition it states is as much to come ("Germany will give
    tanks in return for Slovakia handing its BMPs to Ukraine")."""
    if token.dep_ not in ("pcomp", "pobj") or any(
            c.dep_ in ("aux", "auxpass") for c in token.children):
        return False
    head = token.head
    for _ in range(4):
        if head.pos_ in ("VERB", "AUX"):
            return tense(head) == "future"
        if head.head.i == head.i or head.dep_ not in ("prep", "pobj", "pcomp"):
            return False
        head = head.head
    return False


def _perfect_infinitive(verb: Token) -> bool:
    """ "to have reached", "to have been delivered": a "to"-infinitive of the perfect tells
    what is done, not what is to come."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return verb.tag_ == "VBN" and any(c.lower_ == "to" for c in auxes) and any(
        c.lower_ == "have" for c in auxes)


# How many years before the article a sentence's years must all be for it to tell an earlier
# deal: two, as one year back is often the current deal's own ("signed last year"); set on
# the real-text dev passages of docs/arms.md.
BACKGROUND_YEARS = 2
# Words that place a sentence's deal before the article's own ("a previously notified sale").
EARLIER = frozenset({"previously", "formerly"})
MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august",
                    "september", "october", "november", "december", "jan", "feb", "mar", "apr",
                    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"})


def told_earlier(sent: Span, now: int | None) -> bool:
    """Whether the sentence tells an earlier deal: every year it reports its news in is at
    least BACKGROUND_YEARS before the article's ("In 2015, Egypt received 24 Rafale jets" in
    a 2021 report of a new order for 30), or it says the deal came before ("a previously
    notified sale of 18"). A year that dates a thing the sentence names ("under a contract
    signed in 2007", "the 2007 contract") is that thing's, not the news's."""
    if any(t.lower_ in EARLIER for t in sent):
        return True  # "a previously notified sale of 18 Black Hawks"
    years = [int(t.text) for t in sent if len(t.text) == 4 and t.text.isdigit()
             and 1900 < int(t.text) < 2100 and _year(t) and not _dates_a_noun(t)]
    return now is not None and bool(years) and max(years) <= now - BACKGROUND_YEARS


def _dates_a_noun(year: Token) -> bool:
    """Whether the year sits in a clause or a modifier of a noun: "a contract signed between
    the two countries in 2007", "the 2007 contract", "Rostec, which was established in 2007"."""
    token = year
    for _ in range(MAX_HOPS):
        if token.head.i == token.i:
            return False
        if token.dep_ in ("acl", "relcl") or (token is year and token.dep_ in (
                "compound", "nmod", "amod", "nummod") and token.head.pos_ == "NOUN"):
            return True
        token = token.head
    return False


def _year(token: Token) -> bool:
    """A year, not a model number: "In 2015", "in June 2024", not "Mirage 2000" or "ATMOS
    2000" (which the tagger may take for a date)."""
    before = token.nbor(-1) if token.i > 0 else None
    return before is None or before.lower_ in MONTHS or not (
        before.pos_ == "PROPN" or before.is_upper or before.text.endswith("-"))
