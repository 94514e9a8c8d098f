"""Whether a mention is a deal: the transfer word it depends on, and whether that word
really reports a transfer.

Weapons that are fired, paraded or tested are no deal, so the climb from the system stops at
such a word, and at any other verb, before it reaches a transfer word. A "build" with no
licence in the sentence (domestic production) is no deal either; a denied transfer is a deal
whose status says so (``denials``).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsevents.arms.countries import PENALTIES, PUNISHING
from newsevents.arms.lexicon import DEAL_NOUNS, NOT_DEALS, Lexicon, Trigger
from newsevents.arms.mentions import Mention, mention_head
from newsevents.arms.syntax import ADVERBIAL, MAX_HOPS, inside, tense
from newsevents.events.syntax import lemma

# Participles that describe a weapon by its maker, not a clause of their own: the climb goes
# through "a shipment of Iranian-made drones".
MAKING = frozenset({"make", "build", "produce", "manufacture", "design", "develop"})


# Words that make a clause a question about a transfer, not a report of one.
QUESTIONS = frozenset({"when", "whether", "if", "how"})
# Words of a third country's warning against a purchase ("the US warned Egypt against
# concluding the purchase of Su-35s", "US pressure on countries not to buy Russian arms"):
# what they warn against tells no stage of a deal, and the warning side is no party.
WARNINGS = frozenset({"warn", "warning", "caution", "pressure"})
# How far up from a transfer word a warning still governs it ("warned Egypt against
# concluding the purchase": three steps).
WARNING_REACH = 4
# Words that open the condition of a threat ("sanctions if it buys the jets").
CONDITIONS = frozenset({"if", "unless", "should"})
# Dependencies of a noun: a "verb" in such a place is a noun the tagger got wrong ("the
# final batch of Bayraktar TB2 drones", "drones" tagged as a verb).
# Prepositions that list what a noun before them holds ("weapons including Stingers").
LISTING = frozenset({"including", "like"})
NOMINAL = frozenset({"pobj", "dobj", "nsubj", "nsubjpass", "compound", "conj", "appos"})
# Verbs that list what a deal holds: their subject ("the deal", "the package", or "it" for
# one) governs.
CONTENTS = frozenset({"include", "comprise", "cover", "involve", "consist", "contain"})
# How far back (in tokens) an "it" that includes weapons looks for its deal: about two news
# sentences, as the countries' stand-ins do (``countries.ANTECEDENT_REACH``).
PACKAGE_REACH = 120
# Nouns for what is sold for a system the buyer has: "ammunition for the F-16 jets".
SUPPLIES = frozenset({"ammunition", "ammo", "munition", "part", "spare", "missile", "bomb", "round",
                      "shell", "support", "upgrade", "maintenance", "training", "kit", "pod",
                      "engine", "sustainment", "modernization", "modernisation", "retrofit",
                      "refit", "overhaul", "repair", "refurbishment"})
# Of those, the nouns a system's name may modify and still be only what the supplies are for:
# "Leopard tank ammunition", "Gepard air defense system ammunition" (not "Patriot missiles").
ROUNDS = frozenset({"ammunition", "ammo", "munition", "round", "shell", "cartridge", "spare"})
# Nouns that measure a part of all the weapons a country has or trades.
SHARES = frozenset({"percent", "per cent", "cent", "share", "proportion", "bulk", "majority",
                    "fraction", "portion"})  # "cent": the last word of "80 per cent"
# Words that compare a system with another one ("a system comparable to Russia's S-400",
# "similar to the Patriot", "compared with the F-35"): the other system is only a yardstick.
COMPARISONS = frozenset({"comparable", "similar", "equivalent", "akin", "analogous",
                         "compare", "superior", "inferior", "alternative", "answer"})
# Words of production shared with a partner: with two countries as its makers a "produce"
# is a licence deal ("to jointly produce", "a joint venture to produce").
JOINT = frozenset({"jointly", "joint", "co-produce", "coproduce", "co-production",
                   "coproduction"})
# Nouns of what is told about weapons ("did not give the number of the drones"): a verb
# whose object such a noun is hands over no weapons.
DETAILS = frozenset({"number", "cost", "price", "value", "detail", "figure", "date", "timing",
                     "timeline", "type", "name", "size", "specification", "breakdown"})
# How a system's name hangs on the noun it names: "T-90S tanks" (the tagger may take a model
# for an adjective), "Apache helicopters".
NAMING = frozenset({"compound", "nmod", "amod"})
# Adverbs that make a "with" add what follows to the thing named before ("a sale of ten jets,
# together with 24 missiles", "along with spare engines"): the added weapons share its deal.
ADDING = frozenset({"together", "along"})
# Verbs by which an arriving vehicle carries a delivery ("landed, delivering the FK-3").
CARRYING = frozenset({"deliver", "carry", "bring", "transport", "ferry"})


def governor(mention: Mention, lex: Lexicon) -> Token | None:
    """The transfer word the system depends on; None when none does, or when the system is
    used (fired, paraded, tested) before any transfer word is reached, or when an unnamed
    system is what the weapons are for ("selected the Patriot system for its air defence")."""
    if purpose(mention) or served(mention) or told_of(mention):
        return None
    for top in _tops(mention.span):
        found = _governor_from(top, lex)
        if found is not None:
            return found
    return None


def purpose(mention: Mention) -> bool:
    """An unnamed system after "for" with an owner's pronoun ("for its air defence", "for
    their own defence"): the need a deal serves, not a weapon."""
    root = mention.span.root
    return mention.system.name is None and root.dep_ == "pobj" and (
        root.head.lower_ == "for") and any(c.dep_ == "poss" and c.pos_ == "PRON"
                                           for c in root.children)


def served(mention: Mention) -> bool:
    """A system that what is sold is for ("ammunition for the F-16 jets", "spare parts for its
    Black Hawks", "missiles for the IRIS-T system", "ammunition for the Leopard battle tanks",
    "Leopard tank ammunition"): it changes no hands itself."""
    root = mention_head(mention)
    if root.i != mention.root.i and lemma(root) in ROUNDS:
        return True  # "Gepard air defense system ammunition"
    for token in (mention.root, root):
        if token.dep_ in ("compound", "nmod") and lemma(token.head) in ROUNDS:
            return True  # "Leopard tank ammunition"
    for _ in range(MAX_HOPS):  # "ammunition for High Mobility Artillery Rocket Systems
        # (HIMARS)", "ammo for NASAMS and HIMARS systems"
        if root.head.i == root.i or root.dep_ not in ("appos", "conj", "nmod", "compound") or (
                root.dep_ == "conj" and root.head.dep_ not in ("nmod", "compound")):
            break  # a conjunct noun is a thing of its own: "ammunition for X and Stinger missiles"
        root = root.head
    if root.dep_ != "pobj" or root.head.lower_ != "for":
        return False
    head = root.head.head  # what it is for: "ammunition", or "a sale of ammunition"
    if head.pos_ == "VERB":  # "supply ammunition for the Gepard guns"
        return any(c.dep_ == "dobj" and lemma(c) in ROUNDS for c in head.children)
    sold = [head, *(g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                    for g in c.children if g.dep_ == "pobj")]
    return head.pos_ == "NOUN" and any(lemma(t) in SUPPLIES for t in sold)


def told_of(mention: Mention) -> bool:
    """A system whose number, cost or details a verb gives ("He did not give the number or
    the cost of the drones", "declined to provide details of the jets"): what the verb hands
    over is information, not the weapons."""
    root = mention_head(mention)
    if root.dep_ != "pobj" or root.head.lower_ != "of":
        return False
    told = root.head.head
    while told.dep_ == "conj" and lemma(told) in DETAILS:
        told = told.head  # "the number or the cost of the drones"
    # "supplying an unspecified number of aircraft" counts weapons; "the number" tells of them
    definite = any(c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ != "a" and c.lower_ != "an")
                   for c in told.children)
    return told.pos_ == "NOUN" and lemma(told) in DETAILS and told.dep_ == "dobj" and definite


def _tops(span: Span) -> list[Token]:
    """Tokens whose head lies outside the span: one, unless the parser split the name."""
    tops = [t for t in span if not inside(t.head, span) or t.head.i == t.i]
    return sorted(tops, key=lambda t: t.i != span.root.i)


def _governor_from(root: Token, lex: Lexicon) -> Token | None:
    """The transfer word the climb from the system reaches, else one in a clause on the
    system ("drones supplied by Iran", "the systems it bought", "the drones that Albania
    agreed to purchase")."""
    found = _climb(root, lex)
    if found is not None:
        return found
    nouns = [root]
    while nouns[-1].dep_ in NAMING and len(nouns) <= MAX_HOPS:
        nouns.append(nouns[-1].head)  # "Apache Guardian attack helicopters"
    nouns += [g for c in nouns[-1].children if c.dep_ == "prep" and c.lower_ == "of"
              for g in c.children if g.dep_ == "pobj" and g.pos_ == "NUM"]
    # "the first six helicopters of the 24 ordered by Morocco": the clause is on the whole
    for child in (c for noun in nouns for c in noun.children):
        if child.dep_ in ("acl", "relcl") and lex.trigger(child):
            return child
        if child.dep_ == "relcl":  # "the drones that Albania agreed to purchase"
            for verb in (c for c in child.children if c.dep_ == "xcomp" and lex.trigger(c)):
                return verb
    return None


def _climb(root: Token, lex: Lexicon) -> Token | None:
    token = root
    for _ in range(MAX_HOPS):
        if token.head.i == token.i or (token.dep_ == "prep" and token.lower_ in ADVERBIAL):
            return None  # "after months of requests for F-16s, the US gave approval..."
        if token.dep_ == "prep" and lemma(token.head) in COMPARISONS:
            return None  # "acquired the HQ-9B, a system comparable to Russia's S-400"
        subject = token.dep_ in ("nsubj", "nsubjpass")
        through_for = token.dep_ == "prep" and (token.lower_ == "for" or _adding(token))
        token = token.head
        deal = _deal_object(token, lex) if through_for else None
        if deal is not None:
            return deal  # "terminated its contract with NHIndustries for 14 helicopters"
        rule = lex.trigger(token)
        shared = (_shared_transfer(token, lex) or _raised_transfer(token, lex)) if subject and (
            rule is None or rule.role == "licence") else None
        if shared is not None:
            return shared  # "48 jets will be produced in Turkey and exported to Indonesia"
        if rule:
            return _passed_on(token, lex) if rule.role == "buyer" else token
        if lemma(token) in CONTENTS:  # "the deal includes 48 FA-50 jets"
            subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")),
                           None)
            deal = _listing(subject, lex) if subject is not None else None
            if deal is not None and deal.pos_ == "PRON":
                deal = _deal_before(deal, lex)  # "It also includes more tactical drones",
                # "They include two F-35As for Israel" (the jets of a contract)
            if deal is not None:
                return deal
        if token.dep_ == "prep" and token.lower_ in LISTING:
            continue  # "a range of weapons including 112 AIM-120 missiles": the list's head
        if lex.cue_status(token) in NOT_DEALS or (
                token.pos_ == "VERB" and token.dep_ not in NOMINAL
                and not (token.tag_ == "VBN" and lemma(token) in MAKING)):
            return None  # a use of the weapon, or another clause's verb ("reducing missiles")
    return None


def _adding(prep: Token) -> bool:
    """A "together with" or "along with" phrase: what it adds belongs to the deal the
    sentence's verb takes ("approved a sale of ten jets, together with 24 missiles")."""
    if prep.lower_ in ADDING:  # the parser may make "along" the preposition, "with" its child
        return any(c.dep_ == "prep" and c.lower_ == "with" for c in prep.children)
    return prep.lower_ == "with" and any(c.dep_ == "advmod" and c.lower_ in ADDING
                                         for c in prep.children)


def _listing(subject: Token, lex: Lexicon) -> Token | None:
    """The deal a subject that lists weapons stands for: a deal word ("the package"), "it",
    or a list whose weapons a transfer word describes ("the list of weapons to be provided
    includes", "the weapons Washington will send include")."""
    if lex.trigger(subject) or subject.lower_ in ("it", "this", "they", "these"):
        return subject
    nouns = [subject, *(g for c in subject.children if c.dep_ == "prep" and c.lower_ == "of"
                        for g in c.children if g.dep_ == "pobj")]
    return next((c for noun in nouns for c in noun.children
                 if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB" and lex.trigger(c)), None)


def _deal_before(pronoun: Token, lex: Lexicon) -> Token | None:
    """The deal noun an "it" that includes weapons stands for: the last one before it, within
    about two sentences ("This package includes howitzers ... It also includes drones")."""
    doc = pronoun.doc
    for i in range(pronoun.i - 1, max(-1, pronoun.i - PACKAGE_REACH), -1):
        if doc[i].pos_ == "NOUN" and lemma(doc[i]) in DEAL_NOUNS and lex.trigger(doc[i]):
            return doc[i]
    return None


def _passed_on(buy: Token, lex: Lexicon) -> Token:
    """"The Netherlands and Denmark will buy, refurbish and donate 14 tanks for Ukraine": a
    buyer that gives the weapons on, in the same clause, is their supplier; the giving is the
    transfer the article reports."""
    if buy.pos_ != "VERB":
        return buy
    for verb in buy.conjuncts:
        rule = lex.trigger(verb)
        if verb.i > buy.i and verb.pos_ == "VERB" and rule is not None and (
                rule.role == "seller") and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
            return verb
    return buy


def _deal_object(verb: Token, lex: Lexicon) -> Token | None:
    """The deal noun a verb takes, when a "for" phrase the parser hung on the verb belongs to
    it: "signed a contract with Airbus for 12 helicopters"."""
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    return next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")
                 and c.pos_ in ("NOUN", "PROPN") and lemma(c).lower() in DEAL_NOUNS
                 and lex.trigger(c)), None)


def _shared_transfer(verb: Token, lex: Lexicon) -> Token | None:
    """A transfer verb coordinated with the verb the system is the subject of, and with no
    subject of its own, so that the system is its subject too."""
    return next((c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"
                 and lex.trigger(c) and not any(g.dep_ in ("nsubj", "nsubjpass")
                                                for g in c.children)), None)


def _raised_transfer(verb: Token, lex: Lexicon) -> Token | None:
    """A transfer verb the system's verb raises its subject to: "Two other choppers are
    expected to be delivered in May", "the jets are due to be handed over"."""
    return next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"
                 and lex.trigger(c) and not any(g.dep_ in ("nsubj", "nsubjpass")
                                                for g in c.children)), None)


def used(mention: Mention, lex: Lexicon) -> bool:
    """Whether the system is fired, paraded or tested: a use word governs it."""
    for top in _tops(mention.span):
        token = top
        for _ in range(MAX_HOPS):
            if lex.cue_status(token) in NOT_DEALS:
                return True
            if token.head.i == token.i:
                break
            token = token.head
    return False


def talks_deals(sent: Span, lex: Lexicon) -> bool:
    """Whether a sentence uses any transfer word: then a named system in it is evidence of
    that system's deal even when the parse does not link the two."""
    return any(lex.trigger(t) for t in sent)


def blocked(trigger: Token, rule: Trigger, mention: Mention, lex: Lexicon) -> bool:
    """"build"/"produce" without a licence in the sentence (domestic production), trade
    statistics ("arms exports fell 7 percent"), an open question ("did not say when the
    tanks would be delivered"), and the vehicle that brought a delivery (``carrier``)."""
    if rule.role == "licence":
        return not builds_for(trigger, mention) and not any(
            lemma(t) in lex.licence or t.lower_ in lex.licence for t in mention.sent) and (
            not _made_by_two(trigger))
    if rule.role == "arrival" and carrier(trigger):
        return True
    if shared_out(mention):
        return True  # "China supplied 81% of Pakistan's military equipment"
    if warned_against(trigger):
        return True
    if trigger.pos_ == "NOUN":
        return statistic(trigger, lex)
    return tense(trigger) == "future" and any(
        c.lower_ in QUESTIONS and c.dep_ in ("advmod", "mark") for c in trigger.children)


def warned_against(trigger: Token) -> bool:
    """Whether a warning to someone governs the transfer word: "warned Serbia that it should
    not buy the system", "warned Egypt against concluding the purchase", "pressure on
    countries not to buy Russian arms"; not "Russia warned that the delivery of F-16s
    would escalate the war", which reports the delivery. A penalty threatened on a condition
    is a warning too: "could impose sanctions on Egypt if it goes ahead with the purchase"
    (not "sanctioned Turkey for buying S-400s", which reports the purchase)."""
    token = trigger
    conditional = False
    for _ in range(WARNING_REACH):
        if token.head.i == token.i:
            return False
        conditional = conditional or any(
            c.dep_ == "mark" and c.lower_ in CONDITIONS for c in token.children)
        token = token.head
        if lemma(token) in WARNINGS:  # a warning given to someone, or a warning noun
            return token.pos_ == "NOUN" or any(c.dep_ == "dobj" for c in token.children)
        if conditional and token.pos_ == "VERB" and (lemma(token) in PUNISHING or any(
                c.dep_ == "dobj" and lemma(c) in PENALTIES for c in token.children)):
            return True
    return False


def _made_by_two(verb: Token) -> bool:
    """Production two countries share ("India and Russia concluded a deal to jointly produce
    AK-203 rifles", "agreed to create a joint venture to produce Ka-226T helicopters"): the
    licensor hands the system to the other. Three or more partners that build a jet together
    ("Germany, Britain, Italy and Spain jointly build the jet") are a consortium, no sale."""
    if not any(t.lower_ in JOINT for t in verb.sent):
        return False
    clause = verb
    for _ in range(MAX_HOPS):  # up through "a deal to produce", "a venture to produce"
        subjects = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects:
            partners = [t for s in subjects for t in (s, *s.conjuncts)
                        if t.ent_type_ in ("GPE", "NORP")]
            return len(partners) == 2
        if clause.head.i == clause.i:
            return False
        clause = clause.head
    return False


def builds_for(verb: Token, mention: Mention) -> bool:
    """Whether a "build" is a maker's work for a foreign buyer, a sale: "the shipyard tasked
    with building two patrol vessels for Uruguay", "contracted to produce frigates for the
    Philippine Navy"."""
    return any(c.dep_ == "prep" and c.lower_ == "for" and any(
        g.dep_ == "pobj" and _a_country(g) for g in c.children)
        for word in (verb, mention_head(mention)) for c in word.children)


def _a_country(token: Token) -> bool:
    """A country, or a force named by its country ("the Philippine Navy")."""
    return token.ent_type_ in ("GPE", "NORP") or (
        token._.actor is not None and bool(token._.actor.country))


def shared_out(mention: Mention) -> bool:
    """Weapons counted by a share ("81% of Pakistan's military equipment", "the bulk of its
    arms"): a statistic of many deals, none of them reported."""
    head = mention_head(mention)
    if head.dep_ != "pobj" or head.head.lower_ != "of":
        return False
    measure = head.head.head
    return measure.text == "%" or lemma(measure) in SHARES


def carrier(arrival: Token) -> bool:
    """Whether what arrives is the vehicle of another delivery: "six Y-20 airlifters landed
    in Belgrade, delivering the FK-3 system" (the FK-3 is the deal, not the Y-20s)."""
    return any(c.dep_ in ("advcl", "xcomp", "conj") and c.tag_ == "VBG"
               and lemma(c) in CARRYING and any(g.dep_ == "dobj" for g in c.children)
               for c in arrival.children)


def statistic(noun: Token, lex: Lexicon) -> bool:
    """A transfer noun that is measured rather than reported: the subject of a trend ("exports
    have been declining", "sales ... fall 7 percent", "deliveries reached their highest
    level"), modified by one ("sales dropping by 76 per cent"), or counted by a measure ("its
    share of exports")."""
    head = noun.head
    if noun.dep_ in ("nsubj", "nsubjpass"):
        if lex.trends.get(lemma(head)) == "verb":
            return True
        if any(c.dep_ == "dobj" and lex.trends.get(lemma(c)) == "level" for c in head.children):
            return True
    if any(c.dep_ in ("acl", "relcl") and lex.trends.get(lemma(c)) == "verb"
           for c in noun.children):
        return True
    if any(c.dep_ == "advmod" and c.lower_ in ("down", "up") for c in noun.children):
        return True  # a headline: "India's arms imports from Russia down 37%"
    return (noun.dep_ == "pobj" and head.lower_ in ("of", "in", "on")
            and lex.trends.get(lemma(head.head)) == "measure")  # "data on arms transfers"
