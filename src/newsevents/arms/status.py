"""A deal's status as one sentence says it.

The nearest status cue that governs the system decides ("signed a contract", "the first
batch arrived"), a governing trouble (a cancellation, a denial, a suspension) before any
progress; else a negation of the transfer ("did not sell"): denied; else the tense of the
transfer word. A donor's "will supply" is its decision to give (approved), and a delivery of
a first batch, or of some out of more, is still delivering.
"""

from __future__ import annotations

from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from newsevents.arms.amounts import number_of
from newsevents.arms.countries import Countries
from newsevents.arms.denials import denier, has_no, negation, not_yet
from newsevents.arms.lexicon import DEAL_NOUNS, NOT_DEALS, TROUBLES, Cue, Lexicon, Trigger
from newsevents.arms.mentions import designator, mention_head
from newsevents.arms.reading import Reading
from newsevents.arms.syntax import (
    AWAITED,
    MAX_HOPS,
    PLANS,
    clause_verb,
    cue_tense,
    negated,
    tense,
    with_whole,
)
from newsevents.events.syntax import lemma

# Words that make a transfer noun a plan, not a deal ("planned acquisition").
PROSPECTIVE = frozenset({"plan", "planned", "propose", "proposed", "possible", "potential",
                         "prospective", "future", "intended"})

# Nouns whose "of" makes a transfer a prospect ("the possibility of supplying Gripens") or
# something promised, still to come ("assurance of timely delivery").
POSSIBILITIES = frozenset({"possibility", "prospect", "option", "idea", "feasibility",
                           "likelihood", "chance"})
PROMISED = frozenset({"assurance", "promise", "guarantee", "commitment", "expectation",
                      "schedule", "timeline", "timetable"})
# Verbs whose object, a delivery, is still to come ("assures the delivery", "expects delivery").
PROMISING = frozenset({"assure", "promise", "guarantee", "ensure", "expect", "await"})

# Words on a delivered system that make it one part of a deal ("the first two jets").
PART_WORDS = frozenset({"first", "initial", "second", "third", "fourth", "fifth", "sixth",
                        "seventh", "eighth", "ninth", "tenth", "another"})

# Nouns of a delivery cue that make it one part of a deal ("a fresh batch", "the first part").
BATCH_WORDS = frozenset({"batch", "part", "lot", "tranche", "consignment", "shipment"})
# Nouns of a share of the weapons, which make a delivery "of" them a part of the deal: "has
# delivered half of the systems", "a third of the tanks".
SHARES = frozenset({"half", "third", "quarter", "portion", "fraction", "part"})
# Words on delivered weapons that make them the last of their deal ("the final two jets").
LAST_WORDS = frozenset({"last", "final"})
# Words on weapons still to come after a delivery: more of the deal remains.
STILL_TO_COME = frozenset({"other", "remaining"})
# Nouns of one delivery among several, which a part word ("the first", "the initial") makes
# a partial one: "delivered in the first party delivery", "arrived with the first shipment".
INSTALMENTS = BATCH_WORDS | {"delivery", "party", "instalment", "installment", "wave"}

# What a trouble word may end rather than cause ("dropped its opposition to the sale").
OBSTACLES = frozenset({"opposition", "objection", "veto", "embargo", "ban", "restriction",
                       "block", "blockade", "freeze", "hold", "suspension", "resistance"})

# Verbs that end an obstacle named as their object: "lifted its veto", "the ban was eased".
LIFTING = frozenset({"lift", "end", "remove", "overturn", "ease", "relax", "withdraw", "drop",
                     "scrap", "rescind", "revoke"})

# Delivery cues that say the last of a deal arrived: the deal is delivered even when another
# sentence speaks of an earlier batch ("has completed the delivery" beside "six out of eight").
FINISHING = frozenset({"complete", "finish", "final", "last"})

# Buying verbs whose past tense states a purchase made (dev split, real.jsonl: "acquire"
# left out, as "had acquired" is as often said of weapons later deployed).
BOUGHT = frozenset({"buy", "purchase"})

# Statuses that say the weapons changed hands.
HANDED_OVER = frozenset({"delivering", "delivered"})
# Nouns of a company that makes weapons: what it will give or provide, it sells.
MAKER_NOUNS = frozenset({"company", "firm", "maker", "manufacturer", "contractor", "shipyard",
                         "shipbuilder", "giant", "group", "producer", "supplier", "builder"})

# Words of buying and approving: a batch they take is a further order, not a delivery
# ("approved the purchase of a second batch of eight F-16s", "ordered a second batch").
# Verbs of a gift, whose batch is what is given, its stage the verb's ("pledged a batch").
GIFTS = frozenset({"donate", "gift", "pledge", "promise"})
PURCHASES = frozenset({"order", "buy", "purchase", "acquire", "acquisition", "procure",
                       "procurement", "contract", "sale", "sell", "deal", "approve", "sign"})

# Signing words: not yet done, they leave a deal in talks ("had not signed the contract",
# "the deal has not yet been concluded"), not denied.
SIGNING = frozenset({"sign", "finalize", "finalise", "conclude"})
# What makes a signed deal one still to be turned into a contract ("a preliminary deal").
TENTATIVE = frozenset({"preliminary", "tentative", "provisional", "initial", "interim",
                       "framework", "basic"})  # ("a basic contract": the framework one)
# Words that put a signing said in the present still ahead: "next week we are signing deals".
COMING = frozenset({"next", "tomorrow", "soon", "shortly"})
# Verbs whose "to"-infinitive signing is still ahead: "the two sides plan to sign".
INTENDING = frozenset({"plan", "expect", "aim", "intend", "hope", "want", "seek"})

# What "start", "begin" or "continue" may take that is no delivery ("starts the procurement",
# "started the work to obtain Gripens", "began production", "continues the project to
# procure radars").
NOT_DELIVERIES = frozenset({"procurement", "production", "talk", "negotiation", "process",
                            "work", "construction", "assembly", "training", "trial", "test",
                            "cooperation", "programme", "program", "study", "evaluation",
                            "discussion", "manufacture", "manufacturing", "development",
                            "preparation", "effort", "project"})
ONGOING = frozenset({"begin", "start", "continue", "resume"})


# Nouns of a text a government or parliament adopts: what their relative clause says a
# country does ("a bill under which Bulgaria agrees to buy F-16s") is what adopting the text
# would make so, and the verb that adopts it states the stage.
LEGISLATION = frozenset({"law", "bill", "decree", "ordinance", "draft", "legislation"})


# Nouns of the time a procedure leaves to act ("lawmakers have 30 days to block the sale"):
# a trouble verb in their "to"-infinitive is a right, not a threat.
SPANS_OF_TIME = frozenset({"day", "week", "month", "period", "window", "time"})


def time_to(verb: Token) -> bool:
    """ "Congress has 30 days to block the sale", "15 days to approve or block the sale": the
    notice period of an export approval."""
    if verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ in ("acl", "relcl") and lemma(verb.head) in SPANS_OF_TIME and any(
        c.lower_ == "to" for c in verb.children)


# Verbs that refuse what their object asks for, and the nouns of such asking: "declined
# Thailand's bid to buy F-35 jets".
REFUSING = frozenset({"decline", "rebuff", "spurn", "deny"})
REQUESTS = frozenset({"bid", "request", "application", "plea", "appeal", "demand", "ask"})


# Verbs whose object is said to do what their "of" clause says ("accuses Iran of supplying
# drones"): what they charge someone with is a claim, so a trouble in it is no stage of the
# deal ("was accused of blocking arms supplies to Ukraine").
ACCUSING = frozenset({"accuse", "suspect", "blame", "charge", "criticize", "criticise"})

# Words that open a clause conceding a trouble of the deal said before it: "asked to buy
# F-16s, though that purchase order has been delayed".
CONCEDING = frozenset({"though", "although", "but"})


# Nouns of talks a party may say it will stop ("will suspend discussions to acquire F-35s").
TALK_NOUNS = frozenset({"talk", "discussion", "negotiation", "dialogue"})


# Verbs of a halt a party can announce as decided ("will halt weapons shipments"), unlike a
# block or a veto one vows ("will block the sale"), which only threatens the deal.
HALTS = frozenset({"halt", "stop", "suspend", "freeze", "pause", "cease"})

# Verbs that report what a party said it does: a "would" under them is its "will".
REPORTING = frozenset({"say", "announce", "declare", "state", "confirm", "tell"})


def _halt_announced(cue: Cue, first: Token) -> bool:
    """ "will suspend discussions to acquire F-35s", "said that Germany would stop exporting
    arms", "Canada will halt weapons shipments to Israel, the minister said": a party that
    says it will stop its own talks, or that reports a halt as decided, has stopped them
    (suspended), while "could suspend deliveries", or a halt on a condition ("would halt
    deliveries if..."), only threatens."""
    if cue.status != "suspended":
        return False
    verb = clause_verb(first)
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children) or any(
            c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in ("if", "unless")
                                      for g in c.children) for c in verb.children):
        return False
    if any(c.dep_ == "aux" and c.lower_ in ("will", "'ll") for c in verb.children) and any(
            c.dep_ in ("dobj", "nsubjpass") and lemma(c) in TALK_NOUNS for c in verb.children):
        return True
    reported = (verb.dep_ == "ccomp" and lemma(verb.head) in REPORTING) or any(
        c.dep_ in ("parataxis", "ccomp") and lemma(c) in REPORTING for c in verb.children)
    said = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    return reported and ("would" in said or (
        bool(said & {"will", "'ll"}) and cue.words[0] in HALTS)) and any(
        c.dep_ == "nsubj" for c in verb.children)



def read_status(reading: Reading, trigger: Token, rule: Trigger, lex: Lexicon,
                countries: Countries) -> None:
    """The nearest status cue governing the system, a governing trouble (a cancellation, a
    denial...) before any progress; else a negation of the transfer ("did not sell"): denied;
    else what the transfer word implies by its tense."""
    root = reading.mention.root
    nearest: dict[bool, tuple[int, str, Token, bool, str]] = {}
    found = cues_in(reading.sent, lex)
    cue_of = {token.i: cue for cue, tokens in found for token in tokens}
    unsigned: set[int] = set()
    for cue, tokens in found:
        if _unsigned(cue, tokens[0]):
            cue = Cue(cue.words, "negotiating", "negotiating")  # "had not signed the contract"
            unsigned.add(tokens[0].i)
        elif cue.status in NOT_DEALS or (cue.words[0] != "not" and any(
                negated(t) or has_no(t) for t in (*tokens, clause_verb(tokens[0])))):
            continue  # "did not sell", "no plans": the negation is read below ("not
            # true" carries its own)
        if cue.status in HANDED_OVER:
            cue = _stage_in_progress(tokens[0], cue_of) or cue  # "negotiations are under
            # way to supply Su-35s": what is under way is talks
        if _outranked(cue, tokens, cue_of):
            continue
        if cue.status in TROUBLES and (_lifted(tokens[0]) or time_to(tokens[0])
                                       or _accused_of(tokens[0])):
            continue  # "Germany dropped its opposition to the sale": no trouble any more;
            # "was accused of blocking arms supplies": a charge, not a stage
        if cue.words == ("agree",) and _agrees_that(tokens[0]):
            continue  # "agreed that a deal on K-9 howitzers would be an achievement": a view
            # shared, not a purchase agreed
        distance = _distance(tokens, root, trigger)
        if distance == 0 and cue.status not in HANDED_OVER and _names_the_weapons(
                trigger, mention_head(reading.mention)):
            distance = MAX_HOPS  # "the first K2 tanks ordered by Poland entered service":
            # the participle tells which tanks; the verb they are subject of, their news
        if distance is None and cue.status == "denied" and tokens[0].dep_ == "relcl" and (
                tokens[0].head.i in (root.i, trigger.i)):
            distance = 1  # "supplying Russia with drones, which Tehran denies"
        if distance is None and cue.status in TROUBLES and (
                _of_its_deal(tokens[0], root) or (cue.status == "denied"
                                                  and _claim_denied(tokens[0], root))):
            distance = MAX_HOPS  # "signed a deal to buy 14 F-16s, but delivery was pushed back"
        if distance is None:
            continue
        future = cue_tense(tokens[0]) == "future" or _awaited(tokens)
        if future and cue.status in HANDED_OVER and tokens[-1].head.i == trigger.i:
            continue  # "will send fresh batches of missiles": the transfer verb's future
        status = cue.status if future and _halt_announced(cue, tokens[0]) else (
            cue.future if future else cue.status)
        trouble = status in TROUBLES
        if trouble not in nearest or distance < nearest[trouble][0]:
            # A delivery still to come ("the first batch will arrive next year") implies an
            # order only as a tense does: a stage another sentence states comes first.
            nearest[trouble] = (distance, status, tokens[0],
                                not (future and cue.status in HANDED_OVER), " ".join(cue.words))
    speaker = reading.attribution.speaker.country if reading.attribution else None
    chosen = nearest.get(True) or nearest.get(False)
    said: str | None = None  # the transfer word's tense, when no cue or negation decides
    denying = None if chosen else (negation(trigger, lex) or _none_of(reading, trigger))
    if chosen is not None:
        reading.status, reading.explicit, reading.cue = chosen[1], chosen[3], chosen[4]
        if reading.status == "ordered" and trigger.pos_ == "NOUN" and any(
                c.dep_ == "amod" and lemma(c) in PROSPECTIVE for c in trigger.children):
            reading.status = "negotiating"  # "signed an agreement for the planned sale of
            # Gripens": an agreement that frames a sale still to come is no contract for it
        reading.unsigned = chosen[2].i in unsigned or _will_sign(chosen[2])
        denying = chosen[2] if chosen[1] == "denied" else None
    elif denying is not None:
        reading.status, reading.explicit, reading.cue = "denied", True, "not"
    else:
        said = tense(clause_verb(trigger.head) if trigger.pos_ in ("NOUN", "PROPN")
                     else trigger)
        holder = _of_what(trigger)
        if holder in PROMISED or (trigger.dep_ == "dobj" and trigger.pos_ == "NOUN"
                                  and lemma(trigger.head) in PROMISING):
            said = "future"  # "assurance of timely delivery", "the contract assures the
            # delivery of one Rafale per month"
        reading.status, reading.cue = rule.statuses[said], f"tense:{said}"
        if said != "past" and _contents_of_a_sale(trigger):
            reading.status = "approved"  # "The sale includes up to 18 MQ-9 Reapers": what an
            # export approval covers, not a contract the present tense would make it
        if reading.status in HANDED_OVER and (_not_begun(trigger) or _contract_for(trigger)
                                              or not_yet(clause_verb(trigger))):
            reading.status = "ordered"  # "KM-SAM deliveries to the UAE had not begun",
            # "secured a contract for the delivery of K9 howitzers", "has not yet delivered"
        if said == "future" and reading.status == "approved" and rule.role == "seller" and (
                trigger.pos_ == "VERB" and _maker(trigger)):
            reading.status = "ordered"  # "Embraer is to provide six Super Tucanos": a maker
            # gives under a contract, it decides no gift
        if any(c.dep_ == "amod" and lemma(c) in PROSPECTIVE for c in trigger.children) or (
                holder in POSSIBILITIES):
            reading.status = "proposed"  # "its planned acquisition", "the possibility of
            # supplying Gripens"
        # A transfer verb that says the weapons changed hands ("has been delivered", "were
        # handed over") reports a stage as plainly as a cue, and one further than an order
        # another sentence reports ("Israel has ordered 50 F-35s").
        # So does a buyer's purchase said as done with its seller ("systems purchased from
        # China"), against a decision another sentence tells ("still chose to buy air defence
        # from China"); without the seller it is as often an old purchase told in passing
        # ("Kfir jets purchased in the late 1980s").
        reading.headline = trigger.pos_ == "VERB" and _headline_present(trigger)
        # A delivery noun that a past verb has as its subject or object ("received the
        # delivery of two jets", "the shipment arrived") says so too.
        reading.explicit = (trigger.pos_ == "VERB" or (
            said == "past" and trigger.dep_ in ("dobj", "nsubj", "nsubjpass"))) and (
            said != "future") and not reading.headline and (
            reading.status in HANDED_OVER or (
                rule.role == "buyer" and said == "past" and reading.status == "ordered"
                and lemma(trigger) in BOUGHT and any(c.lower_ == "from" for c in trigger.children)))
    if reading.status == "ordered" and _by_authority(chosen[2] if chosen else trigger, lex):
        # "the State Department has agreed the sale of F-35s", "has sent a notice to
        # Congress on the sale of F-16s": an act of the authority states the stage
        reading.status, reading.explicit = "approved", True
    reading.finished = (chosen is not None and chosen[1] == "delivered"
                        and lemma(chosen[2]) in FINISHING) or (
        reading.status == "delivered" and _all_of(mention_head(reading.mention)))
    planned = chosen is not None and lemma(chosen[2]) == "plan"
    announced = chosen is None and reading.status == "delivering" and _progressive(trigger)
    if (reading.status == "ordered" or planned or announced) and rule.role in (
            "seller", "arrival") and (donating(trigger.doc, lex) or (
                said == "future" and untraded_gift(trigger, lex))) and (
            not _contracted(trigger)):
        # ("Denmark is sending its Caesar howitzers to Ukraine": a donor's announcement)
        # A donor that will supply, agreed to deliver or plans to send has decided to give:
        # there is no order in a gift ("Denmark agreed to deliver 19 F-16s").
        reading.status = "approved"
    reading.partial = _partial(mention_head(reading.mention), reading.sent, lex)
    if reading.status == "delivered" and _last_part(mention_head(reading.mention)):
        reading.partial, reading.finished = False, True  # "the last two of the 12 Rafales
        # landed": the part that completes the deal
    if reading.status == "delivered" and reading.partial:
        reading.status = "delivering"
    if denying is not None:
        reading.denier = denier(denying, countries, speaker)


def _names_the_weapons(trigger: Token, head: Token) -> bool:
    """A past participle on the system's subject noun ("the Rafales ordered by Greece
    landed") that tells which weapons the verb of the sentence then speaks of."""
    return trigger.dep_ == "acl" and trigger.tag_ == "VBN" and trigger.head.i == head.i and (
        head.dep_ in ("nsubj", "nsubjpass"))


# Nouns of a sale whose contents a sentence lists, and the verbs that list them.
SALE_NOUNS = frozenset({"sale", "package"})
INCLUDING = frozenset({"include", "contain", "comprise", "cover"})


def _contents_of_a_sale(noun: Token) -> bool:
    """ "The sale includes 12 C-130J aircraft": the contents of a sale told before, whose
    stage the present tense of "includes" does not say; a US sale so listed is an approval
    (a contract, a delivery said elsewhere still outranks it)."""
    return noun.pos_ == "NOUN" and lemma(noun) in SALE_NOUNS and noun.dep_ == "nsubj" and (
        lemma(noun.head) in INCLUDING)


def _headline_present(verb: Token) -> bool:
    """A transfer verb in the simple present in the text's headline ("Korea delivers K9
    howitzers to Vietnam in $245 million deal", "China donates 4 patrol boats"): headlines
    tell news in the present whatever its stage, so the stage is the body's to state."""
    sent = verb.sent
    return sent.start == 0 and verb.tag_ in ("VBZ", "VBP") and (
        not sent.text.rstrip().endswith((".", "!", "?")))


# Nouns of the deal, its delivery or the talks or competition that lead to it, which a
# trouble in a clause of their own may be said of ("won a tender to sell 20 Super Tucanos,
# but the tender was cancelled").
DEAL_OR_DELIVERY = DEAL_NOUNS | TALK_NOUNS | {"delivery", "shipment", "transfer", "handover",
                                              "tender", "competition", "bid"}


def _of_its_deal(cue: Token, root: Token) -> bool:
    """A trouble said in a coordinated or conceding clause of the deal or its delivery:
    "Slovakia signed a deal to buy 14 F-16s, but delivery was pushed back two years", "has
    asked to buy F-16s, though that purchase order has been delayed"."""
    conceded = cue.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in CONCEDING for c in cue.children)
    return (cue.dep_ == "conj" or conceded) and root in cue.head.subtree and any(
        c.dep_ in ("nsubj", "nsubjpass") and lemma(c) in DEAL_OR_DELIVERY
        for c in cue.children)


# What a later clause may call false of the report before it: "reported that Iran would
# receive Su-35s, but later deleted the report and said that it was false".
CLAIMED = frozenset({"claim", "report", "allegation", "it", "this", "that", "story"})


def _claim_denied(cue: Token, root: Token) -> bool:
    """A denial in a clause coordinated with the report of the deal, said of that report."""
    token, claimed = cue, False
    for _ in range(MAX_HOPS + 2):
        claimed = claimed or any(c.dep_ in ("nsubj", "nsubjpass", "dobj")
                                 and lemma(c) in CLAIMED for c in token.children)
        if token.dep_ == "conj" and root in token.head.subtree:
            return claimed
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def _accused_of(cue: Token) -> bool:
    """A trouble someone is accused of: "was accused of blocking arms supplies"."""
    return cue.dep_ == "pcomp" and cue.head.lower_ == "of" and (
        lemma(cue.head.head) in ACCUSING)


def _agrees_that(cue: Token) -> bool:
    """ "Agreed that a deal would be an achievement": "agree" with a clause of its own and no
    "to" or "on" says what two sides think, not a purchase they agreed."""
    return any(c.dep_ == "ccomp" for c in cue.children) and not any(
        c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ in ("on", "to", "with"))
        for c in cue.children)


def _progressive(verb: Token) -> bool:
    """ "Is sending", "are giving": a present progressive transfer verb."""
    return verb.pos_ == "VERB" and verb.tag_ == "VBG" and any(
        c.dep_ == "aux" and lemma(c) == "be" and c.tag_ in ("VBZ", "VBP") for c in verb.children)


def _all_of(head: Token) -> bool:
    """ "Has handed over all 13 MiG-29s", "all its Caesar howitzers": the whole deal came,
    also when another sentence tells of its first batch."""
    return any(t.lower_ == "all" and t.i < head.i for t in head.subtree)


def _contracted(trigger: Token) -> bool:
    """A supply a contract is for ("signed a contract with Poland to supply 288 launchers"),
    or a maker's: a sale, also in an article that speaks of aid to another country."""
    if trigger.dep_ in ("acl", "relcl") and lemma(trigger.head) in DEAL_NOUNS:
        return True
    if trigger.dep_ in ("xcomp", "advcl") and any(
            c.dep_ == "dobj" and lemma(c) in DEAL_NOUNS for c in trigger.head.children):
        return True  # "signed a basic contract with Poland on Wednesday to supply 288 ..."
    return trigger.pos_ == "VERB" and _maker(trigger)


def _contract_for(noun: Token) -> bool:
    """A delivery that a contract is for ("a contract for the delivery of K9 howitzers",
    "an agreement on the supply of drones"): what is agreed, not what came."""
    prep = noun.head
    return noun.pos_ == "NOUN" and noun.dep_ == "pobj" and prep.lower_ in ("for", "on") and (
        lemma(prep.head) in DEAL_NOUNS)


def _not_begun(noun: Token) -> bool:
    """A delivery said not to have started: "deliveries had not begun", "the shipments have
    yet to start"."""
    verb = noun.head
    return noun.pos_ == "NOUN" and noun.dep_ in ("nsubj", "nsubjpass") and (
        lemma(verb) in ONGOING) and (negated(verb) or any(
            c.lower_ == "yet" for c in verb.children))


def _none_of(reading: Reading, trigger: Token) -> Token | None:
    """The transfer verb when what it moves is "no" weapons: "no arms were exported", "it
    supplied no drones"."""
    head = mention_head(reading.mention)
    if trigger.pos_ == "VERB" and head.head.i == trigger.i and head.dep_ in (
            "nsubjpass", "dobj") and has_no(head):
        return trigger
    return None


def _maker(verb: Token) -> bool:
    """Whether the verb's subject is a company ("Embraer", "Turkish firm Otokar", "the
    shipyard"), through the verbs it depends on ("is to provide", "agreed to supply")."""
    for _ in range(MAX_HOPS):
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None:
            return any((t._.actor is not None and t._.actor.sector == "BUS")
                       or lemma(t) in MAKER_NOUNS for t in (subject, *(
                           c for c in subject.children if c.dep_ in ("compound", "appos"))))
        if verb.dep_ not in ("xcomp", "conj") or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def _unsigned(cue: Cue, token: Token) -> bool:
    """A signing said not to have happened yet, or of a deal that is not the contract yet:
    the deal is still being talked over ("had not signed the contract on the purchase", "the
    deal has not yet been concluded", "signed a preliminary multibillion-pound deal")."""
    if cue.status != "ordered" or lemma(token) not in SIGNING:
        return False
    return negated(token) or any(c.dep_ in ("dobj", "nsubjpass") and any(
        g.dep_ in ("amod", "compound", "nmod") and g.lower_ in TENTATIVE for g in c.children)
        for c in token.children)


def _will_sign(token: Token) -> bool:
    """A signing still ahead: "will sign the contract next month" ("would be the 30th
    country to finalize a contract" is no such plan)."""
    return lemma(token) in SIGNING and (any(
        c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll") for c in token.children)
        or signing_ahead(token))


def signing_ahead(verb: Token) -> bool:
    """A signing in the present or planned that is still to come: "next week we are
    signing deals", "the two sides plan to sign the contract within this year"."""
    if verb.dep_ == "xcomp" and lemma(verb) in SIGNING and lemma(verb.head) in INTENDING:
        return verb.head.tag_ in ("VBP", "VBZ", "VBG")  # not "had planned to sign"
    return verb.tag_ == "VBG" and any(c.dep_ == "aux" for c in verb.children) and any(
        t.lower_ in COMING for c in verb.children if c.dep_ in ("npadvmod", "advmod")
        for t in c.subtree)


def _outranked(cue: Cue, tokens: list[Token], cue_of: dict[int, Cue]) -> bool:
    """Whether a cue only serves a cue above it, which then speaks for the system: a batch
    bought or approved is a further order ("approved the purchase of a second batch"), a plan
    approved is an approval ("approved a plan to buy 24 F-35s"), an order considered is a plan
    ("is considering ordering J-10s"), a commitment to explore is no decision, and starting a
    procurement or work delivers nothing."""
    first, last = tokens[0], tokens[-1]
    if first.dep_ == "relcl" and lemma(first.head) in LEGISLATION and (
            cue_of.get(first.head.head.i) is not None):
        return True  # "approved a bill under which Bulgaria agrees to buy F-16s": approved
    if cue.status in HANDED_OVER and _talked_over(last, cue_of):
        return True  # "Negotiations on the delivery of the second batch of S-400s": talks
    if cue.status in HANDED_OVER and cue.words[-1] in BATCH_WORDS and last.dep_ == "appos" and (
            any(lemma(g) in DEAL_NOUNS for c in last.children if c.dep_ == "prep"
                and c.lower_ == "of" for g in c.children if g.dep_ == "pobj")):
        return True  # "a contract for six jets, the first part of a 40-jet deal": which
        # part of the deal the contract covers, not a part that arrived
    holder = first.head.head if first.dep_ in ("pcomp", "pobj") and (
        first.head.dep_ == "prep") else first.head  # "interest in striking a deal",
    # "notified Congress of plans to sell": the cue is above the preposition
    above = cue_of.get(holder.i) if first.head.i != first.i else None
    if cue.status in HANDED_OVER and cue.words[-1] in BATCH_WORDS:
        holder = last.head.head if last.dep_ == "pobj" and last.head.lower_ in ("of", "for") \
            else last.head if last.dep_ == "dobj" else None
        if holder is not None and lemma(holder) in PURCHASES | GIFTS:
            return True  # "decided to donate a batch of BTR-82s": the gift's own stage
    if cue.status == "proposed" and above is not None and above.status == "approved" and (
            first.dep_ in ("dobj", "nsubjpass", "pobj")):
        return True
    if cue.words == ("order",) and first.pos_ == "NOUN" and first.dep_ in ("dobj", "pobj") and (
            above is not None and above.status not in TROUBLES | HANDED_OVER):
        return True  # "is negotiating a follow-on order", "close to finalising an order":
        # what is done to the order is its stage
    if cue.status not in TROUBLES and above is not None and above.status == "proposed" and (
            first.dep_ in ("xcomp", "pcomp") and first.tag_ == "VBG"):
        return True
    below = [c for c in first.children if c.dep_ == "xcomp"] + [
        g for c in first.children if c.dep_ == "prep" and c.lower_ == "to"
        for g in c.children if g.dep_ in ("pcomp", "pobj")]
    if cue.status == "approved" and any(
            cue_of.get(t.i) is not None and cue_of[t.i].status == "proposed" for t in below):
        return True  # "committed to exploring the possibilities": no decision yet
    return cue.words == (lemma(first),) and lemma(first) in ONGOING and any(
        c.dep_ in ("dobj", "nsubj", "nsubjpass", "xcomp") and lemma(c) in NOT_DELIVERIES
        for c in first.children)


def _stage_in_progress(first: Token, cue_of: dict[int, Cue]) -> Cue | None:
    """The cue of another stage that a progress cue is said of, which then speaks for the
    system: "negotiations are under way", "talks are underway" are talks going on."""
    if first.dep_ not in ("acomp", "prep", "advmod") or lemma(first.head) != "be":
        return None
    return next((cue_of[c.i] for c in first.head.children if c.dep_ in ("nsubj", "nsubjpass")
                 and c.i in cue_of and cue_of[c.i].status not in HANDED_OVER), None)


def _talked_over(noun: Token, cue_of: dict[int, Cue]) -> bool:
    """Whether a delivery cue is what talks are about: "negotiations on the delivery of the
    second batch", "talks over a new shipment" are still talks."""
    token = noun
    for _ in range(4):
        if token.head.i == token.i or token.dep_ not in ("pobj", "prep", "pcomp"):
            return False
        token = token.head
        above = cue_of.get(token.i)
        if above is not None and above.status == "negotiating":
            return True
    return False


def _of_what(trigger: Token) -> str | None:
    """The noun a transfer word is "of": "the possibility of supplying" -> "possibility"."""
    if trigger.dep_ in ("pobj", "pcomp") and trigger.head.lower_ == "of" and (
            trigger.head.head.i != trigger.head.i):
        return lemma(trigger.head.head)
    return None


def _awaited(tokens: list[Token]) -> bool:
    """A delivery said to be still to come: "the first batch of 6 expected in Nigeria before
    the end of the year", "a second batch due in May", "beginning with the first batch of 6
    expected in Nigeria"."""
    cue = tokens[-1]
    if all(t.pos_ in ("NOUN", "PROPN", "ADJ", "NUM", "DET") for t in tokens):
        words = list(cue.subtree)  # not "has taken delivery of six, with more expected"
    elif len(tokens) == 1 and lemma(cue) in ONGOING:
        words = [t for c in cue.children if c.dep_ == "prep" and c.lower_ == "with"
                 for t in c.subtree]
    else:
        return False
    return any(t.dep_ in ("acl", "amod") and t.lower_ in AWAITED for t in words)


def _lifted(cue: Token) -> bool:
    """Whether the trouble word ends a trouble: "dropped its opposition", "abandoned its
    objections", "ended the embargo"; or is a trouble that is ended: "lifts veto on the sale",
    "the ban was lifted"."""
    if cue.pos_ == "NOUN" and lemma(cue) in OBSTACLES and cue.dep_ in ("dobj", "nsubjpass") and (
            lemma(cue.head) in LIFTING):
        return True
    return any(c.dep_ in ("dobj", "nsubjpass") and lemma(c) in OBSTACLES for c in cue.children)


def _by_authority(token: Token, lex: Lexicon) -> bool:
    """Whether an export-licensing body agrees or signs: the subject (or the "by" agent) of
    the clause, or, for a pronoun subject, of the clause that reports it ("the State Department
    told Congress it has agreed the sale")."""
    verb = clause_verb(token)
    for _ in range(2):
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        subjects += [g for c in verb.children if c.dep_ == "agent" for g in c.children
                     if g.dep_ == "pobj"]
        for subject in subjects:
            lemmas = tuple(lemma(t) for t in subject.subtree)
            if any(lemmas[i:i + len(a)] == a for a in lex.authorities
                   for i in range(len(lemmas))):
                return True
        if not any(s.pos_ == "PRON" for s in subjects) or verb.head.i == verb.i:
            return False
        verb = clause_verb(verb.head)
    return False


def donating(doc: Doc, lex: Lexicon) -> bool:
    """Whether the article speaks of donations ("donate", "pledge", "military aid"): then
    a country that will supply weapons has decided to give them, not sold them."""
    if "arms_donating" not in doc.user_data:
        lemmas = [lemma(t) for t in doc]
        pairs = set(pairwise(lemmas))
        doc.user_data["arms_donating"] = bool(
            lex.donation_words.intersection(lemmas)
            or any(" ".join(p) in lex.donation_words for p in pairs))
    return bool(doc.user_data["arms_donating"])


# Transfer verbs by which a state gives: "will supply", "will provide", "is set to export"
# (not "will deliver", which fulfils what was agreed, nor a maker's "will build").
GIVING = frozenset({"supply", "provide", "export", "transfer", "send", "give", "hand"})


def untraded_gift(trigger: Token, lex: Lexicon) -> bool:
    """Whether a country that will supply weapons has decided to give them because the
    article tells of no trade at all: no sale, contract, agreement, price or sum of money in
    any of its sentences ("Norway will supply Ukraine with two NASAMS. ... The systems add
    to the two the United States sent last autumn"; "Japan is set to export its used
    destroyers to the Philippines"). A lone sentence shows no article, so says nothing of
    it."""
    doc = trigger.doc
    if lemma(trigger) not in GIVING or trigger.pos_ != "VERB" or len(list(doc.sents)) < 2:
        return False
    if "arms_traded" not in doc.user_data:
        doc.user_data["arms_traded"] = any(
            lemma(t) in lex.trade_words or t.ent_type_ == "MONEY" for t in doc)
    return not doc.user_data["arms_traded"]


def _partial(head: Token, sent: Span, lex: Lexicon) -> bool:
    """"the first ... tank", "nine jets out of 50", "the second batch": part of a deal, also
    when the sentence says so apart ("has taken delivery of two jets, marking the first
    batch of six")."""
    if any(cue.status == "delivering" and (cue.words[0] in PART_WORDS
                                           or cue.words[-1] in BATCH_WORDS)
           for cue, _ in cues_in(sent, lex)):
        return True
    words = [t.lower_ for t in sent]
    if any(words[i:i + 2] == ["out", "of"] for i in range(len(words))) or _some_of_more(sent, lex):
        return True
    if any(t.dep_ == "amod" and lemma(t) in PART_WORDS and lemma(t.head) in INSTALMENTS
           for t in sent):
        return True  # "30 tanks were delivered in the first party delivery"
    # "the first fleet of F-35 jets": the part word may sit on the noun the system is "of".
    holders = with_whole(head)
    if len(holders) > 1 and lemma(holders[1]) in SHARES:
        return True  # "delivered half of the S-300 systems"
    for holder in holders:
        for child in holder.children:
            if child.dep_ in ("amod", "nummod") and lemma(child) in PART_WORDS:
                return True
            if child.dep_ == "prep" and child.lower_ == "out":
                return True
            if child.dep_ == "amod" and lemma(child) in STILL_TO_COME:
                return True  # "Two other choppers are expected to be delivered in May"
    return False


def _last_part(head: Token) -> bool:
    """"the final two of the 12 jets", "the last of four corvettes", "the 36th and final
    Rafale", "the final Rafales ordered by Greece": the weapons that end the deal's
    deliveries."""
    holders = with_whole(head)
    if head.dep_ == "pobj" and head.head.lower_ == "of":
        holders = [*holders, head.head.head]  # "the last two of": "of" hangs from the count
    for holder in holders:
        words = [holder, *(c for c in holder.children if c.dep_ in ("amod", "nummod", "advmod")),
                 *(g for c in holder.children if c.dep_ in ("amod", "nummod")
                   for g in c.children if g.dep_ == "conj")]
        if any(lemma(w) in LAST_WORDS for w in words):
            return True
    return False


def _some_of_more(sent: Span, lex: Lexicon) -> bool:
    """"71 units of the 180 K2 tanks", "six of its 24 jets", "two of six jets": a count of a
    larger count, in figures or words."""
    for token in sent:
        if not token.like_num or token.ent_type_ in ("DATE", "MONEY", "PERCENT"):
            continue
        rest = [t for t in sent.doc[token.i + 1:min(token.i + 5, sent.end)]]
        of = next((k for k, t in enumerate(rest[:2]) if t.lower_ == "of"), None)
        if of is None:
            continue
        total = next((t for t in rest[of + 1:of + 3] if t.like_num), None)
        part = number_of(token, lex)
        whole = number_of(total, lex) if total is not None else None
        if part is not None and whole is not None and part < whole:
            return True
    return False


def _distance(cue_tokens: list[Token], root: Token, trigger: Token) -> int | None:
    """Steps from the system up to the cue, when the cue governs it (or is the trigger), or
    is what a governing verb says of it ("the claims that Turkey will buy Su-35s are a lie",
    "called the claims of drone transfers unfounded")."""
    token, steps = root, 0
    cue_ids = {t.i for t in cue_tokens}
    own_clause = False  # a verb below has a subject of its own: "the talks came after India
    # bought Rafales" is no talk about the Rafales
    while steps <= MAX_HOPS:
        if token.i in cue_ids or any(c.i in cue_ids for c in token.children
                                     if c.dep_ in ("attr", "acomp", "oprd", "prep", "dobj",
                                                   "nsubjpass")):
            return steps  # also what a verb says of it: "are a lie", "put ... on hold",
            # "has given preliminary approval for sales of HIMARS", "an agreement of intent
            # was signed on the purchase of Rafale jets"
        if not own_clause and token.i != root.i and any(
                c.i in cue_ids and c.pos_ in ("NOUN", "PROPN") for c in token.children
                if c.dep_ == "nsubj"):
            return steps + 1  # a cue noun whose clause holds the transfer: "the discussions
            # centred on acquiring more J-10s", "the memorandum sets out the project to
            # procure 672 K9s", "the approval covers the sale of 12 F-16s"
        own_clause = own_clause or (token.pos_ in ("VERB", "AUX") and any(
            c.dep_ in ("nsubj", "nsubjpass", "expl") for c in token.children))
        if token.head.i == token.i or (
                token.dep_ == "relcl" and lemma(token.head) not in PLANS | LEGISLATION) or (
                token.dep_ == "conj" and token.pos_ in ("VERB", "AUX")):
            break  # a clause of its own has its own status: "abandoned X and will buy Y"
        token, steps = token.head, steps + 1
    return 0 if trigger.i in cue_ids else None


def cues_in(sent: Span, lex: Lexicon) -> list[tuple[Cue, list[Token]]]:
    """Each status cue in the sentence with its tokens; the longest cue wins at a word."""
    words = [t for t in sent if not t.is_quote]  # "inked the "framework" deal"
    lemmas = [_cue_lemma(t, lex) for t in words]
    found: list[tuple[Cue, list[Token]]] = []
    for i, first in enumerate(lemmas):
        if designator(words[i]):
            continue  # "F-16 Viper Block 70": a version, not a blocked sale
        for cue in lex.cues.get(first, ()):
            if tuple(lemmas[i:i + len(cue.words)]) == cue.words:
                if cue.status == "delivered" and _completes_deal(words[i]):
                    cue = Cue(cue.words, "ordered", "negotiating")  # "the deal was
                    # completed"; "wants to complete the agreement" is still in talks
                found.append((cue, words[i:i + len(cue.words)]))
                break
        else:
            if _request_refused(words[i]):
                found.append((Cue((first,), "denied", "denied"), [words[i]]))
    return found


def _cue_lemma(token: Token, lex: Lexicon) -> str:
    """A word's lemma for cue matching; a capitalised plural the tagger took for a name
    ("Negotiations between France and Indonesia ..." after a dateline) is the common noun."""
    word = lemma(token)
    if token.pos_ == "PROPN" and word not in lex.cues and word.endswith("s") and (
            word[:-1] in lex.cues):
        return word[:-1]
    return word


def _request_refused(token: Token) -> bool:
    """ "declined Thailand's bid to buy F-35s", "rebuffed Kyiv's request for Taurus
    missiles": a refusal whose object is the request itself. Alone "decline" is as often a
    fall ("exports declined"), so it is no cue of its own."""
    return token.pos_ == "VERB" and lemma(token) in REFUSING and any(
        c.dep_ in ("dobj", "nsubjpass") and lemma(c) in REQUESTS for c in token.children)


def _completes_deal(token: Token) -> bool:
    """ "The deal was completed", "completed the contract": what is finished is the deal
    itself, an order, not its delivery ("completed the delivery of 24 jets")."""
    return lemma(token) in FINISHING and token.pos_ == "VERB" and any(
        c.dep_ in ("nsubjpass", "dobj") and lemma(c) in DEAL_NOUNS for c in token.children)
