"""Who supplies and who receives, as one sentence says it.

Parties come from the transfer word's arguments according to its role (a seller's subject
supplies, a buyer's receives, an arrival's "in" names the recipient), from a clause on the
system that says where it goes ("tanks which Canada promised to Ukraine"), and from who owned
a second-hand system ("the Canadian Leopard 2", "jets previously used by Qatar"). Several
countries coordinated on one side give one reading each.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from newsevents.arms.countries import COUNTRY_LABELS, Countries, dateline, punished
from newsevents.arms.lexicon import DEAL_NOUNS, TROUBLES, Lexicon
from newsevents.arms.mentions import Mention, mention_head
from newsevents.arms.reading import Reading
from newsevents.arms.status import ACCUSING, MAKER_NOUNS
from newsevents.arms.syntax import (
    ADVERBIAL,
    MAX_HOPS,
    MODIFIERS,
    clause_subjects,
    inside,
    transfer_objects,
)
from newsevents.events.syntax import lemma

# Verbs whose subject gets what a transfer noun brings ("took delivery of", "awaits the
# shipment", "expects the delivery of 20 tanks").
TAKING = frozenset({"take", "get", "accept", "await", "welcome", "expect", "anticipate"})

# Verbs by which a country, not a maker, gets what a transfer noun brings ("Ethiopia
# secured a contract for the delivery of drones"); a maker that secures one sells.
SECURING = frozenset({"secure", "clinch", "land"})
# Verbs whose "by" names who has had a system ("jets previously used by Qatar").
OWNING = frozenset({"use", "operate", "own", "fly", "retire", "decommission", "field"})
# Verbs whose "by" names who made a system ("tanks manufactured by Elbit Systems").
MAKERS_VERBS = frozenset({"make", "manufacture", "build", "produce"})
# Entity types of a word that gives a weapon a nationality ("Russian helicopters").
NATIONALITIES = frozenset({"NORP", "GPE"})

# Verbs whose object did what their "for" clause says: "thanked Pakistan for handing over".
THANKING = frozenset({"thank", "praise", "commend", "credit", "applaud", "laud"})
# Verbs by which a buyer gives a deal to the company that wins it.
AWARDING = frozenset({"award", "grant", "give"})
# Nouns and verbs of a third country that stops a deal: "Germany's veto has grounded the sale",
# "Germany obstructed the sale of Eurofighters": the vetoing partner sells nothing.
OBSTACLE_NOUNS = frozenset({"veto", "opposition", "objection", "block", "blockade", "embargo",
                            "ban", "refusal", "resistance"})
OBSTRUCTING = frozenset({"veto", "obstruct", "ground", "stall", "hold", "oppose", "object"})
# Nouns of talks whose "with" names the other side of the deal they are "for" or "on":
# "India is in talks with Argentina and Egypt for the supply of Tejas jets".
# Nouns for issuing what lets weapons go ("the granting of export licences"): their doer is
# the seller, as a trouble cue's is ("its suspension of arms exports").
ISSUING = frozenset({"granting", "grant", "issuing", "issuance", "issue", "approval",
                     "authorisation", "authorization"})
TALK_NOUNS = frozenset({"talk", "negotiation", "discussion", "consultation"})
# Nouns of people, who are no country in a list of countries.
PERSONS = frozenset({"counterpart", "minister", "president", "chancellor", "spokesman",
                     "spokeswoman", "spokesperson", "official", "secretary", "leader"})
# How a sale hangs under the approval of its licence: "approved the firm's licence to supply"
# (acl, dobj), "approved a licence for the firm to export" (pobj, prep, or advcl).
LICENCE_LINKS = frozenset({"acl", "advcl", "xcomp", "dobj", "pobj", "prep"})
# Prepositions by which a transfer noun says what talks are about.
TALKED_OVER = frozenset({"for", "on", "over", "about", "regarding"})


def read_parties(reading: Reading, trigger: Token, role: str, lex: Lexicon,
                 countries: Countries) -> tuple[list[str], list[str]]:
    """Suppliers and recipients from the transfer word's arguments, by the word's role."""
    skip = reading.mention.span
    passive = any(c.dep_ == "nsubjpass" for c in trigger.children)
    agents = transfer_objects(trigger, frozenset({"by"}))
    subjects = [] if passive else clause_subjects(trigger)
    if trigger.pos_ in ("NOUN", "PROPN"):
        subjects = _modifier_countries(trigger, countries, skip) + agents
        agents = []
    doers = subjects or agents
    if trigger.dep_ == "pcomp" and (
            (trigger.head.lower_ == "for" and lemma(trigger.head.head) in THANKING)
            or (trigger.head.lower_ == "of" and lemma(trigger.head.head) in ACCUSING)):
        # "the minister thanked Pakistan for handing over the jets", "the West accuses Iran
        # of supplying drones": Pakistan hands them over, Iran supplies them
        doers = [c for c in trigger.head.head.children if c.dep_ == "dobj"] or doers
    if trigger.dep_ == "pcomp" and trigger.head.lower_ == "for":
        doers = punished(trigger.head.head) or doers
    if role == "seller" and trigger.pos_ == "VERB" and not _countries(doers, countries, skip):
        doers = _licensing(trigger, reading, lex, countries, skip) or doers
    root = reading.mention.root
    to_objects = (transfer_objects(trigger, frozenset({"to", "for"}))
                  + transfer_objects(root, frozenset({"to"}))
                  + transfer_objects(mention_head(reading.mention), frozenset({"for"})))
    # "donate 14 Leopard 2A4 tanks for Ukraine": the country the weapons are for
    if trigger.dep_ == "acl":  # "the countries pledging F-16s to Ukraine"
        to_objects += transfer_objects(trigger.head, frozenset({"to"}))
    from_objects = (transfer_objects(trigger, frozenset({"from"}))
                    + transfer_objects(mention_head(reading.mention), frozenset({"from"})))
    in_objects = transfer_objects(trigger, frozenset({"in", "to"}))
    signers = _signers(trigger, lex) if not doers and role in ("seller", "buyer") else None
    if signers is not None:
        # "Fincantieri and Indonesia's ministry have signed a contract for the supply of six
        # FREMM frigates", "Poland signed a deal with Hyundai Rotem for the delivery of 180
        # K2 tanks": the signers are the two sides, whatever the noun's direction
        return _signed(reading, signers, to_objects, from_objects, countries, skip)
    if trigger.pos_ in ("NOUN", "PROPN") and not doers and role in ("seller", "buyer",
                                                                   "neutral"):
        doers, verb = _governing_subjects(trigger, lex)
        if verb is not None:  # "Canada froze exports of armoured vehicles to Saudi Arabia"
            to_objects += transfer_objects(verb, frozenset({"to"}))
        if role == "seller" and verb is not None and (
                getattr(lex.trigger(verb), "role", None) == "buyer" or lemma(verb) in TAKING
                or (lemma(verb) in SECURING and not to_objects and doers
                    and not any(_company(d) for d in doers))):
            role = "buyer"  # "Russia received a shipment", "Myanmar has taken delivery",
            # "Ethiopia secured a contract with Iran for the delivery of drones"
        origin = reading.mention.system.origin
        approver = role == "seller" and verb is not None and _approver(verb, lex)
        if approver and origin and origin not in {countries.of(t) for t in doers}:
            doers = []  # "the US approved the sale of Arrow 3 to Germany": Israel sells
        doers = [d for d in doers if lemma(d) not in OBSTACLE_NOUNS]
        if role == "seller" and verb is not None and _blocker(verb, lex) and origin and (
                origin not in {countries.of(t) for t in doers}):
            doers = []  # "Germany blocked the sale of Typhoons to Turkey": a partner's veto
    talk = _talks_over(trigger)
    if talk is not None and not _countries(doers, countries, skip):  # ("talks ... are going on")
        verb_of_talk = _governing_verb_of(talk)
        talkers = clause_subjects(verb_of_talk) if verb_of_talk is not None else []
        # "the German government has been in talks": the nationality names the side
        talkers = [t for s in talkers for t in (s, *(c for c in s.children
                                                    if c.dep_ in MODIFIERS))]
        partners = transfer_objects(talk, frozenset({"with"}))
        origin = reading.mention.system.origin
        if role == "seller" and origin and origin in _countries(partners, countries, skip) and (
                origin not in _countries(talkers, countries, skip)):
            # "Vulin had talks with Russian minister Shoigu on the supply of Mi-35s": the
            # maker's side supplies
            doers, to_objects = partners, to_objects + talkers
        elif role == "seller":
            doers, to_objects = talkers, to_objects + partners
        elif role == "buyer" and reading.mention.system.origin not in _countries(
                talkers, countries, skip):
            # (a maker's country buying its own systems back from a user: the rest of the
            # article tells who is who)
            doers, from_objects = talkers, from_objects + partners
    if root.dep_ == "pobj" and root.head.lower_ == "with" and root.head.head == trigger:
        # "provide Ukraine with F-16s", "supply Ukraine with tanks": the object receives
        to_objects = [c for c in trigger.children if c.dep_ == "dobj" and (
            c.pos_ == "PROPN" or c.ent_type_ in COUNTRY_LABELS)] + to_objects
    if role == "seller":
        # "the US and the UK said they will send missiles": "they" are both
        doers = [s for d in doers for s in (_speakers(d) if trigger.pos_ == "VERB" else [])
                 or [d]]
        recipients = _countries(to_objects, countries, skip)
        givers = _countries(from_objects, countries, skip)
        if givers and not recipients and trigger.pos_ == "VERB":
            # "the navy has leased two MQ-9Bs from the United States": who takes a system
            # from another country receives it
            recipients = _countries(doers, countries, skip, not_in=givers)
        suppliers = givers or _countries(doers, countries, skip, not_in=recipients)
        return suppliers, recipients
    if role == "buyer":
        sellers = _countries(from_objects, countries, skip)
        talk = _talks_to(trigger) if not sellers else None
        if talk is not None:  # "Turkey is in talks with Britain and Spain to buy Typhoons"
            sellers = _countries(transfer_objects(talk, frozenset({"with"})), countries, skip,
                                 not_in=_countries(doers, countries, skip))
        return sellers, _countries(doers, countries, skip)
    if role == "arrival":
        return (_countries(from_objects, countries, skip),
                _countries(in_objects, countries, skip))
    if role == "licence":
        return [], _countries(doers + in_objects, countries, skip)
    awarded = _awarded(trigger, countries, skip)
    if awarded is not None:
        return awarded
    named = doers + transfer_objects(trigger, frozenset({"with", "between"}))
    if trigger.dep_ == "dobj" and trigger.head.pos_ == "VERB":
        named += transfer_objects(trigger.head, frozenset({"with"}))  # "Algeria has signed a
        # deal with Russia for 14 Su-57s": the other side is on the verb
    reading.parties = [c for c in (countries.of(t) for t in _with_conjuncts(named)) if c]
    # "a contract for FREMM frigates from Italy": the "from" still names the seller, and
    # "the contract includes two F-35As for Israel" the buyer
    buyers = [t for t in transfer_objects(mention_head(reading.mention), frozenset({"for"}))
              if t.pos_ == "PROPN" or t.ent_type_ in COUNTRY_LABELS]  # not "for US jobs"
    return _countries(from_objects, countries, skip), _countries(buyers, countries, skip)


def _signers(noun: Token, lex: Lexicon) -> list[Token] | None:
    """The parties that signed the deal a transfer noun says what it is for, or None when the
    noun is no deal's object: the subject of a signing verb and the "with" of the verb or of
    its deal noun ("signed a contract for the supply of", "signed an arms deal with Hyundai
    Rotem for the delivery of")."""
    if noun.pos_ != "NOUN" or noun.dep_ != "pobj" or noun.head.lower_ not in ("for", "on"):
        return None
    head = noun.head.head
    deal = head if head.pos_ == "NOUN" and lemma(head) in DEAL_NOUNS else None
    verb = head.head if deal is not None and deal.dep_ == "dobj" else head
    rule = lex.trigger(verb) if verb.pos_ == "VERB" else None
    if rule is None or rule.role != "neutral":
        return None
    named = clause_subjects(verb) + transfer_objects(verb, frozenset({"with"}))
    deals = [deal] if deal is not None else [
        c for c in verb.children if c.dep_ == "dobj" and lemma(c) in DEAL_NOUNS]
    for signed in deals:
        named += transfer_objects(signed, frozenset({"with", "between"}))
    return _with_conjuncts(named)


def _signed(reading: Reading, signers: list[Token], to_objects: list[Token],
            from_objects: list[Token], countries: Countries,
            skip: Span) -> tuple[list[str], list[str]]:
    """Parties of a signed deal: a company among the signers supplies and a signer that is
    no company buys; else the signers are the deal's parties, their direction left to the
    system's maker (``fill_parties``)."""
    makers = [c for c in (countries.of(t) for t in signers if _company(t)) if c]
    buyers = [c for c in (countries.of(t) for t in signers if not _company(t)) if c]
    recipients = _countries(to_objects, countries, skip)
    givers = _countries(from_objects, countries, skip)
    if makers and not givers:
        buyers = [c for c in recipients or buyers if c != makers[0]]
        if buyers:
            return makers[:1], buyers[:1]
    reading.parties = list(dict.fromkeys(makers + buyers))
    return givers, [c for c in recipients if c not in givers]


def _countries(tokens: Iterable[Token], countries: Countries, skip: Span,
               not_in: Iterable[str] = ()) -> list[str]:
    """The countries of the first argument that names one, with its conjuncts ("Poland,
    Canada and Norway") and the countries a plain noun lists ("countries including Ukraine,
    Qatar and Poland")."""
    excluded = set(not_in)
    for token in tokens:
        if inside(token, skip) or dateline(token):
            continue  # the system itself, or "New Delhi:" opening the text
        found = [c for c in (countries.of(t) for t in _with_conjuncts([token]))
                 if c and c not in excluded]
        if found:
            return list(dict.fromkeys(found))
    return []


def _with_conjuncts(tokens: Iterable[Token]) -> list[Token]:
    """Each token, then its coordinated nouns and those an "including"/"such as" lists (also
    after its "of": "a coalition of countries including Poland and Spain"), and
    what a "be" says it is ("the countries pledging F-16s are the Netherlands, Norway and
    Belgium")."""
    found: list[Token] = []
    for token in tokens:
        found.append(token)
        copula = token.head.head if token.head.dep_ == "csubj" else token.head
        if token.dep_ == "nsubj" and lemma(copula) == "be":
            for attr in (c for c in copula.children if c.dep_ == "attr"):
                found.extend((attr, *(c for c in attr.conjuncts if c.i > attr.i)))
        found.extend(c for c in token.conjuncts if c.i > token.i and not (
            token.ent_type_ in COUNTRY_LABELS and _person(c)))
        members = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                   for g in c.children if g.dep_ == "pobj"]  # "a group of countries including"
        for prep in (c for holder in (token, *members) for c in holder.children):
            if prep.dep_ == "prep" and prep.lower_ in ("including", "like", "as"):
                for listed in (c for c in prep.children if c.dep_ == "pobj"):
                    found.extend((listed, *(c for c in listed.conjuncts if c.i > listed.i)))
    for token in list(found):
        found.extend(t for t in _listed_beside(token) if t not in found)
    return found


LIST_GLUE = frozenset({",", "and", "the"})


def _listed_beside(token: Token) -> list[Token]:
    """The other countries of a written list of countries the token's country stands in,
    which the parser may cut into an apposition or a lone subject ("The United States, the
    Czech Republic, and the Netherlands are providing", "countries including Germany,
    Poland, and the Netherlands are working"): proper names joined by commas up to an "and"
    before the last, so that "Besides Turkey, Germany banned" or "to Pakistan, India is"
    list nothing. The names beside it may carry any entity label ("Slovakia" tagged as an
    organisation); the caller keeps those that are countries."""
    if token.ent_type_ not in COUNTRY_LABELS:
        return []
    names = [e for e in token.sent.ents if e.root.pos_ == "PROPN" or e.start <= token.i < e.end]
    at = next((k for k, e in enumerate(names) if e.start <= token.i < e.end), None)
    if at is None:
        return []
    doc = token.doc

    def join(k: int) -> str | None:
        """How the k-th name joins the next one: "," alone, "and", or not as a list."""
        if not 0 <= k < len(names) - 1:
            return None
        glue = [t.lower_ for t in doc[names[k].end:names[k + 1].start]]
        if not glue or not set(glue) <= LIST_GLUE or glue[0] not in (",", "and"):
            return None
        return "and" if "and" in glue else ","

    first = last = at
    if join(at - 1) == "and":
        first = at - 1
    else:
        while join(last) == ",":
            last += 1
        if join(last) != "and":
            return []
        last += 1
    while join(first - 1) == ",":
        first -= 1
    return [e.root for e in names[first:last + 1] if e.root.i != token.i]


def _person(token: Token) -> bool:
    """A person, whom a misparse may coordinate with a country ("to Ukraine, German Defence
    Minister Lambrecht and her Dutch counterpart announced"): no country of a list."""
    return token.ent_type_ == "PERSON" or (token.pos_ == "NOUN" and lemma(token) in PERSONS)


def _speakers(token: Token) -> list[Token]:
    """The subject, with its conjuncts, of the verb that reports the clause "they" is the
    subject of: in "the United States and Britain have said they will send missiles", "they"
    are both."""
    if token.pos_ != "PRON" or token.lower_ != "they" or token.head.dep_ != "ccomp":
        return []
    for subject in (c for c in token.head.head.children if c.dep_ == "nsubj"):
        return [subject, *(c for c in subject.conjuncts if c.i > subject.i)]
    return []


def destination(mention: Mention, lex: Lexicon,
                countries: Countries) -> tuple[list[str], list[str]]:
    """Who a clause on the system says gives it and to whom: "tanks which Canada promised
    to Ukraine were delivered to Poland" go to Ukraine, Poland being the way there."""
    head = mention_head(mention)
    skip = mention.span
    givers: list[str] = []
    for clause in head.children:
        if clause.dep_ not in ("relcl", "acl"):
            continue
        for verb in (clause, *(c for c in clause.children if c.dep_ == "xcomp")):
            rule = lex.trigger(verb)
            if rule is None or rule.role != "seller":
                continue
            recipients = _countries(transfer_objects(verb, frozenset({"to", "for"})) + [
                c for c in verb.children if c.dep_ in ("dative", "dobj")], countries, skip)
            givers = givers or _countries(
                clause_subjects(verb) + transfer_objects(verb, frozenset({"by"})),
                countries, skip)
            if recipients:
                return givers, recipients
    return givers, []


def owner(mention: Mention, countries: Countries) -> list[str]:
    """"the Canadian Leopard 2", "Poland's MiG-29s": a nationality on a named system other
    than its maker's is the country that owns it and hands it over. On an unnamed system it
    says who makes it, the one supplier there is to go by ("a deal to buy 16 Russian
    helicopters")."""
    head = mention_head(mention)
    for clause in head.children:
        if clause.dep_ in ("acl", "relcl") and lemma(clause) in MAKERS_VERBS:
            # "Sabrah light tanks manufactured by Israeli Elbit Systems": who made what is
            # handed over sells it, whatever design it is built on
            makers = _countries(transfer_objects(clause, frozenset({"by"})), countries,
                                mention.span, not_in=[mention.system.origin or ""])
            if makers:  # (the design's own maker tells nothing of a second-hand sale:
                return makers[:1]  # "32 F-16s produced by Lockheed Martin" sold by Norway)
    if mention.system.name is None:
        for child in head.children:
            country = countries.of(child) if child.dep_ in MODIFIERS and (
                child.ent_type_ in NATIONALITIES) and not inside(child, mention.span) else None
            if country:
                return [country]
        return []
    if lemma(head) in DEAL_NOUNS:
        return []  # "Colombia's Gripen contract": Colombia is a party to the deal, no owner
    for clause in head.children:  # "Mirage jets previously used by Qatar"
        if clause.dep_ in ("acl", "relcl") and lemma(clause) in OWNING:
            owners = _countries(transfer_objects(clause, frozenset({"by"})), countries,
                                mention.span)
            if owners:
                return owners[:1]
    retired = _retired_by(head, countries, mention.span)
    if retired:
        return retired
    for token in (*mention.span, head):
        for child in token.children:
            if child.dep_ in MODIFIERS and not inside(child, mention.span) and (
                    not _made(child) and child.ent_type_ != "PERSON"
                    and child.pos_ != "PRON"):
                # "to procure its TB2 drones": "its" may be the maker's; and where it is the
                # owner's ("Poland gave its MiG-29s") the clause's subject says so already
                # "Lockheed Martin F-35": a maker the tagger took for a person owns nothing
                country = countries.of(child)
                if country and country != mention.system.origin:
                    return [country]
    return []


def _retired_by(head: Token, countries: Countries, skip: Span) -> list[str]:
    """"Argentina acquired four P-3 Orion aircraft, recently retired by Norway": a clause on
    the verb, when the parser hangs it there, that says who gave the system up (not the
    verb's own subject)."""
    verb = head
    for _ in range(MAX_HOPS):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    doers = {countries.of(t) for t in clause_subjects(verb)} if verb.pos_ == "VERB" else set()
    for clause in verb.children:
        if clause.dep_ == "advcl" and clause.tag_ == "VBN" and lemma(clause) in OWNING:
            owners = [c for c in _countries(transfer_objects(clause, frozenset({"by"})),
                                            countries, skip) if c not in doers]
            if owners:
                return owners[:1]
    return []


def _made(token: Token) -> bool:
    """"German-made", "US-built": the maker, not the owner."""
    return any(t.lower_ in ("made", "built", "produced", "designed") for t in token.subtree)


def _licensing(verb: Token, reading: Reading, lex: Lexicon, countries: Countries,
               skip: Span) -> list[Token]:
    """The government that licenses a sale its firm makes: "the German government approved
    the shipyard's licence to supply a submarine to Egypt", "the council approved a licence
    for the firm to export frigates". Exports need the seller state's licence, so the state
    that approves one supplies, unless the system is another country's make (a re-export)."""
    token = verb
    for _ in range(MAX_HOPS):
        if token.head.i == token.i or token.dep_ not in LICENCE_LINKS:
            return []
        token = token.head
        if token.pos_ != "VERB":
            continue  # "licence", "for": the words of the licence
        if not _approver(token, lex):
            return []  # another clause's verb: "after the firm agreed to supply"
        approvers = clause_subjects(token)
        found = _countries(approvers, countries, skip)
        origin = reading.mention.system.origin
        return approvers if found and origin in (None, *found) else []
    return []


def _approver(verb: Token, lex: Lexicon) -> bool:
    """Whether the verb authorises ("approve", "clear"): its subject may be a third country
    whose consent a re-export needs."""
    cue = lex.cue_at(verb)
    return cue is not None and cue.status == "approved"


def _awarded(deal: Token, countries: Countries,
             skip: Span) -> tuple[list[str], list[str]] | None:
    """"The navy awarded a contract to Fincantieri", "a contract was awarded to Norinco by the
    army": the winner of an awarded deal supplies, the one that awards it buys."""
    verb = deal.head
    if deal.pos_ != "NOUN" or deal.dep_ not in ("dobj", "nsubjpass") or (
            lemma(verb) not in AWARDING):
        return None
    winners = _countries(transfer_objects(verb, frozenset({"to"})), countries, skip)
    if not winners:
        return None
    buyers = transfer_objects(verb, frozenset({"by"})) if deal.dep_ == "nsubjpass" else [
        c for c in verb.children if c.dep_ == "nsubj"]
    return winners, _countries(buyers, countries, skip, not_in=winners)


def _blocker(verb: Token, lex: Lexicon) -> bool:
    """Whether the verb stops a deal ("block", "veto", "halt"): its subject may be a partner
    in the system whose consent the seller needs, not the seller."""
    cue = lex.cue_at(verb)
    return (cue is not None and cue.status in ("suspended", "at_risk", "denied")) or (
        lemma(verb) in OBSTRUCTING)


def _governing_subjects(noun: Token, lex: Lexicon) -> tuple[list[Token], Token | None]:
    """"Portugal announced the transfer of tanks", "Switzerland backed the purchase": the
    subject of the verb whose object a transfer noun is, and that verb. A noun of halting or
    issuing between them has the same doer: "Spain keeps its suspension of arms exports",
    "Norway froze the granting of export licences", "suspended approvals of arms exports"."""
    act = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
    if act is not None and act.pos_ == "NOUN" and (
            lex.cue_status(act) in TROUBLES or lemma(act) in ISSUING):
        owners = [c for c in act.children if c.dep_ == "poss"]
        if owners:
            return owners, None
        noun = act
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        if verb.lower_ in ADVERBIAL:
            return [], None  # "removed Turkey from the programme following the delivery"
        if verb.lower_ == "with" and any(c.dep_ in ("nsubj", "nsubjpass") and c.i > verb.i
                                         for c in verb.head.children):
            return [], None  # "With the sale of the Su-57, Algeria could have the best air
            # force": a framing phrase before the subject; "went ahead with the purchase"
            # keeps it
        verb = verb.head
    if noun.dep_ not in ("dobj", "pobj") or verb.pos_ not in ("VERB", "AUX"):
        return [], None
    return clause_subjects(verb), verb


def _talks_over(noun: Token) -> Token | None:
    """The talk noun a transfer noun says the subject of ("talks with Egypt for the supply of
    Tejas jets", "negotiations with Boeing on the purchase of F-15s"), whose "with" names the
    other side; also a gerund ("talks with Germany for acquiring six submarines")."""
    said = (noun.pos_ == "NOUN" and noun.dep_ == "pobj") or (
        noun.pos_ == "VERB" and noun.dep_ == "pcomp")
    if not said or noun.head.lower_ not in TALKED_OVER:
        return None
    talk = noun.head.head
    return talk if talk.pos_ == "NOUN" and lemma(talk) in TALK_NOUNS else None


def gapped(trigger: Token, countries: Countries, skip: Span) -> list[tuple[str, Token]]:
    """The further recipients of a transfer verb whose verb and system a conjunct leaves out,
    each with the count it gives: "sell 15 jets to Australia and six to Norway"."""
    if trigger.pos_ != "VERB":
        return []
    # the parser hangs "six" on the verb, on the noun the verb completes ("a contract to
    # sell"), or on the verb's object
    hosts = [trigger, *(c for c in trigger.children if c.dep_ == "dobj")]
    if trigger.dep_ in ("acl", "xcomp"):
        hosts.append(trigger.head)
    found: list[tuple[str, Token]] = []
    for conj in (c for host in hosts for c in host.conjuncts):
        if conj.i < trigger.i or conj.pos_ != "NUM":
            continue
        for country in _countries(transfer_objects(conj, frozenset({"to"})), countries, skip):
            found.append((country, conj))
    first, *later = transfer_objects(trigger, frozenset({"to"})) or [trigger]
    numbers = [c for c in first.conjuncts if c.pos_ == "NUM"]
    for conj, then in zip(numbers, later, strict=False):
        # or on the first recipient, the second "to" on the verb
        if first.i < conj.i < then.i:
            found.extend((country, conj) for country in _countries([then], countries, skip))
    return found


def _talks_to(verb: Token) -> Token | None:
    """The talk noun whose purpose a to-infinitive transfer verb is: "in talks with Spain to
    buy", "held negotiations with France to acquire", "talks with Seoul to purchase"."""
    if verb.pos_ != "VERB" or verb.dep_ not in ("advcl", "xcomp", "acl", "relcl"):
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    head = verb.head
    talks = [head] + [c for c in head.children if c.dep_ == "dobj"] + [
        g for c in head.children if c.dep_ == "prep" and c.lower_ == "in"
        for g in c.children if g.dep_ == "pobj"]
    return next((t for t in talks if t.pos_ == "NOUN" and lemma(t) in TALK_NOUNS), None)


def _governing_verb_of(noun: Token) -> Token | None:
    """The verb a noun hangs from, through prepositions ("is in talks")."""
    token = noun
    for _ in range(MAX_HOPS):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _company(token: Token) -> bool:
    """Whether a party's word is a company ("Hanwha", "the shipyard")."""
    return (token._.actor is not None and token._.actor.sector == "BUS") or (
        lemma(token) in MAKER_NOUNS)


def _modifier_countries(noun: Token, countries: Countries, skip: Span) -> list[Token]:
    """ "Turkey's purchase", "the Russian sale": a transfer noun's doer is its modifier."""
    return [c for c in noun.children
            if c.dep_ in MODIFIERS and not inside(c, skip) and countries.of(c)]
