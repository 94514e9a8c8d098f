"""One mention's reading: what a single sentence says about a system's deal.

Parties come from the transfer word's arguments according to its role (a seller's subject
supplies, a buyer's receives, an arrival's "in" names the recipient); the status from the
nearest cue that governs the system, else from the tense of the transfer word; the quantity
from a number on the system or on its unit ("two regiments of S-400"); each amount of money
in the sentence goes to the nearest system. Gaps are left for the article-level merge.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from newsevents.arms.countries import COUNTRY_LABELS, Countries
from newsevents.arms.denials import denier, negation
from newsevents.arms.lexicon import NOT_DEALS, TROUBLES, Cue, Lexicon, Trigger
from newsevents.arms.mentions import Mention
from newsevents.arms.syntax import (
    ADVERBIAL,
    MAX_HOPS,
    MODIFIERS,
    PLANS,
    clause_subjects,
    clause_verb,
    inside,
    negated,
    tense,
    transfer_objects,
)
from newsevents.events import Lexicon as SpeechLexicon
from newsevents.events import attribution
from newsevents.events.syntax import lemma
from newsevents.models import Attribution

NOT_QUANTITIES = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL"})
# Verbs whose subject gets what a transfer noun brings ("took delivery of", "awaits the
# shipment").
TAKING = frozenset({"take", "get", "accept", "await", "welcome"})
# Verbs whose "by" names who has had a system ("jets previously used by Qatar").
OWNING = frozenset({"use", "operate", "own", "fly", "retire", "decommission", "field"})
# Words that make a transfer noun a plan, not a deal ("planned acquisition").
PROSPECTIVE = frozenset({"plan", "planned", "propose", "proposed", "possible", "potential",
                         "prospective", "future", "intended"})
# How many words before a name a number may stand and still count it ("six used Russian").
NUMBER_REACH = 4
# Words on a delivered system that make it one part of a deal ("the first two jets").
PART_WORDS = frozenset({"first", "initial", "second", "third", "another"})


@dataclass
class Reading:
    """What one sentence says about one system: the parts of a future record."""

    mention: Mention
    role: str = "seller"  # how the transfer word's arguments map to the parties
    supplier: str | None = None
    recipient: str | None = None
    parties: list[str] = field(default_factory=list)  # named but without a direction
    allies: list[str] = field(default_factory=list)  # named on one side with the supplier
    status: str | None = None
    explicit: bool = False  # a cue said the status, not just the tense of the transfer word
    denier: str | None = None
    partial: bool = False  # the sentence speaks of a first batch, of some out of more
    quantity: int | None = None
    quantity_text: str | None = None
    value: float | None = None
    value_text: str | None = None
    currency: str | None = None
    attribution: Attribution | None = None

    @property
    def sent(self) -> Span:
        return self.mention.sent

    @property
    def system_key(self) -> str:
        system = self.mention.system
        return system.name or f"category:{system.category or 'unspecified'}"

    @property
    def complete(self) -> bool:
        return bool(self.supplier and self.recipient and self.supplier != self.recipient)


def read(mention: Mention, trigger: Token, rule: Trigger, lex: Lexicon, countries: Countries,
         speech: SpeechLexicon) -> list[Reading]:
    """All a sentence says about the mention except money, which is shared out per sentence
    (``read_values``): one reading per supplier and recipient when it names several
    ("the Netherlands and Denmark will give F-16s")."""
    reading = Reading(mention, role=rule.role)
    # Who reports the deal ("X said", "according to X"), read as the events stage reads it.
    reading.attribution = attribution(trigger, countries.look, speech)[0]
    suppliers, recipients = read_parties(reading, trigger, rule.role, lex, countries)
    promised_by, promised_to = destination(mention, lex, countries)
    recipients = promised_to or recipients
    suppliers = suppliers or promised_by or _owner(mention, countries)
    read_status(reading, trigger, rule, lex, countries)
    read_quantity(reading, lex)
    readings = []
    for supplier in suppliers or [None]:
        for recipient in recipients or [None]:
            readings.append(replace(reading, supplier=supplier, recipient=recipient,
                                    parties=list(reading.parties), allies=list(suppliers)))
    return readings


# ---- parties --------------------------------------------------------------------------------


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
    root = reading.mention.root
    to_objects = (transfer_objects(trigger, frozenset({"to", "for"}))
                  + transfer_objects(root, frozenset({"to"})))
    if trigger.dep_ == "acl":  # "the countries pledging F-16s to Ukraine"
        to_objects += transfer_objects(trigger.head, frozenset({"to"}))
    from_objects = (transfer_objects(trigger, frozenset({"from"}))
                    + transfer_objects(mention_head(reading.mention), frozenset({"from"})))
    in_objects = transfer_objects(trigger, frozenset({"in", "to"}))
    if trigger.pos_ in ("NOUN", "PROPN") and not doers and role in ("seller", "buyer"):
        doers, verb = _governing_subjects(trigger)
        if verb is not None:  # "Canada froze exports of armoured vehicles to Saudi Arabia"
            to_objects += transfer_objects(verb, frozenset({"to"}))
        if role == "seller" and verb is not None and (
                getattr(lex.trigger(verb), "role", None) == "buyer" or lemma(verb) in TAKING):
            role = "buyer"  # "Russia received a shipment", "Myanmar has taken delivery"
        origin = reading.mention.system.origin
        if verb is not None and _approver(verb, lex) and origin and origin not in {
                countries.of(t) for t in doers}:
            doers = []  # "the US approved the sale of Arrow 3 to Germany": Israel sells
    if root.dep_ == "pobj" and root.head.lower_ == "with" and root.head.head == trigger:
        # "provide Ukraine with F-16s", "supply Ukraine with tanks": the object receives
        to_objects = [c for c in trigger.children if c.dep_ == "dobj" and (
            c.pos_ == "PROPN" or c.ent_type_ in COUNTRY_LABELS)] + to_objects
    if role == "seller":
        recipients = _countries(to_objects, countries, skip)
        suppliers = (_countries(from_objects, countries, skip)
                     or _countries(doers, countries, skip, not_in=recipients))
        return suppliers, recipients
    if role == "buyer":
        return (_countries(from_objects, countries, skip),
                _countries(doers, countries, skip))
    if role == "arrival":
        return (_countries(from_objects, countries, skip),
                _countries(in_objects, countries, skip))
    if role == "licence":
        return [], _countries(doers + in_objects, countries, skip)
    named = doers + transfer_objects(trigger, frozenset({"with", "between"}))
    reading.parties = [c for c in (countries.of(t) for t in _with_conjuncts(named)) if c]
    return [], []


def _countries(tokens: Iterable[Token], countries: Countries, skip: Span,
               not_in: Iterable[str] = ()) -> list[str]:
    """The countries of the first argument that names one, with its conjuncts ("Poland,
    Canada and Norway") and the countries a plain noun lists ("countries including Ukraine,
    Qatar and Poland")."""
    excluded = set(not_in)
    for token in tokens:
        if inside(token, skip) or _dateline(token):
            continue  # the system itself, or "New Delhi:" opening the text
        found = [c for c in (countries.of(t) for t in _with_conjuncts([token]))
                 if c and c not in excluded]
        if found:
            return list(dict.fromkeys(found))
    return []


def _dateline(token: Token) -> bool:
    """"New Delhi: As part of..." : a place before a colon that opens the sentence."""
    after = token.i + 1
    return (token.left_edge.i == token.sent.start and after < len(token.doc)
            and token.doc[after].text == ":")


def _with_conjuncts(tokens: Iterable[Token]) -> list[Token]:
    """Each token, then its coordinated nouns and those an "including"/"such as" lists, and
    what a "be" says it is ("the countries pledging F-16s are the Netherlands, Norway and
    Belgium")."""
    found: list[Token] = []
    for token in tokens:
        found.append(token)
        copula = token.head.head if token.head.dep_ == "csubj" else token.head
        if token.dep_ == "nsubj" and lemma(copula) == "be":
            for attr in (c for c in copula.children if c.dep_ == "attr"):
                found.extend((attr, *(c for c in attr.conjuncts if c.i > attr.i)))
        found.extend(c for c in token.conjuncts if c.i > token.i)
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ in ("including", "like", "as"):
                for listed in (c for c in prep.children if c.dep_ == "pobj"):
                    found.extend((listed, *(c for c in listed.conjuncts if c.i > listed.i)))
    return found


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


def mention_head(mention: Mention) -> Token:
    """The noun a system's name modifies, or the name itself: "Leopard 2" in "the first
    Canadian Leopard 2 main battle tank" heads "tank"."""
    token = mention.root
    for _ in range(MAX_HOPS):
        if token.dep_ not in MODIFIERS | {"nummod"} or token.head.pos_ not in ("NOUN", "PROPN"):
            break
        token = token.head
    return token


def _owner(mention: Mention, countries: Countries) -> list[str]:
    """"the Canadian Leopard 2", "Poland's MiG-29s": a nationality on a named system other
    than its maker's is the country that owns it and hands it over."""
    if mention.system.name is None:
        return []
    head = mention_head(mention)
    for clause in head.children:  # "Mirage jets previously used by Qatar"
        if clause.dep_ in ("acl", "relcl") and lemma(clause) in OWNING:
            owners = _countries(transfer_objects(clause, frozenset({"by"})), countries,
                                mention.span)
            if owners:
                return owners[:1]
    for token in (*mention.span, head):
        for child in token.children:
            if child.dep_ in MODIFIERS and not inside(child, mention.span) and not _made(child):
                country = countries.of(child)
                if country and country != mention.system.origin:
                    return [country]
    return []


def _made(token: Token) -> bool:
    """"German-made", "US-built": the maker, not the owner."""
    return any(t.lower_ in ("made", "built", "produced", "designed") for t in token.subtree)


def _approver(verb: Token, lex: Lexicon) -> bool:
    """Whether the verb authorises ("approve", "clear"): its subject may be a third country
    whose consent a re-export needs."""
    cue = lex.cue_at(verb)
    return cue is not None and cue.status == "approved"


def _governing_subjects(noun: Token) -> tuple[list[Token], Token | None]:
    """"Portugal announced the transfer of tanks", "Switzerland backed the purchase": the
    subject of the verb whose object a transfer noun is, and that verb."""
    verb = noun.head
    if noun.dep_ == "pobj" and verb.dep_ == "prep":
        if verb.lower_ in ADVERBIAL:
            return [], None  # "removed Turkey from the programme following the delivery"
        verb = verb.head
    if noun.dep_ not in ("dobj", "pobj") or verb.pos_ not in ("VERB", "AUX"):
        return [], None
    return clause_subjects(verb), verb


def _modifier_countries(noun: Token, countries: Countries, skip: Span) -> list[Token]:
    """ "Turkey's purchase", "the Russian sale": a transfer noun's doer is its modifier."""
    return [c for c in noun.children
            if c.dep_ in MODIFIERS and not inside(c, skip) and countries.of(c)]


# ---- status ---------------------------------------------------------------------------------


def read_status(reading: Reading, trigger: Token, rule: Trigger, lex: Lexicon,
                countries: Countries) -> None:
    """The nearest status cue governing the system, a governing trouble (a cancellation, a
    denial...) before any progress; else a negation of the transfer ("did not sell"): denied;
    else what the transfer word implies by its tense."""
    root = reading.mention.root
    nearest: dict[bool, tuple[int, str, Token]] = {}
    for cue, tokens in _cues_in(reading.sent, lex):
        if cue.status in NOT_DEALS or any(negated(t) for t in (*tokens, clause_verb(tokens[0]))):
            continue
        distance = _distance(tokens, root, trigger)
        if distance is None:
            continue
        future = tense(clause_verb(tokens[0])) == "future"
        status = cue.future if future else cue.status
        trouble = status in TROUBLES
        if trouble not in nearest or distance < nearest[trouble][0]:
            nearest[trouble] = (distance, status, tokens[0])
    speaker = reading.attribution.speaker.country if reading.attribution else None
    chosen = nearest.get(True) or nearest.get(False)
    denying = None if chosen else negation(trigger, lex)
    if chosen is not None:
        reading.status, reading.explicit = chosen[1], True
        denying = chosen[2] if chosen[1] == "denied" else None
        if reading.status == "ordered" and rule.role == "seller" and donating(trigger.doc, lex):
            reading.status = "approved"  # "Denmark agreed to deliver 19 F-16s" as a gift
    elif denying is not None:
        reading.status, reading.explicit = "denied", True
    else:
        said = tense(clause_verb(trigger.head) if trigger.pos_ in ("NOUN", "PROPN")
                     else trigger)
        reading.status = rule.statuses[said]
        if any(c.dep_ == "amod" and lemma(c) in PROSPECTIVE for c in trigger.children):
            reading.status = "proposed"  # "its planned acquisition", "a possible sale"
        if said == "future" and rule.role == "seller" and donating(trigger.doc, lex):
            reading.status = "approved"  # a donor's "will supply" is its decision to give
    reading.partial = _partial(mention_head(reading.mention), reading.sent, lex)
    if reading.status == "delivered" and reading.partial:
        reading.status = "delivering"
    if denying is not None:
        reading.denier = denier(denying, countries, speaker)


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


def _partial(head: Token, sent: Span, lex: Lexicon) -> bool:
    """"the first ... tank", "nine jets out of 50", "the second batch": part of a deal, also
    when the sentence says so apart ("has taken delivery of two jets, marking the first
    batch of six")."""
    if any(cue.status == "delivering" and cue.words[0] in PART_WORDS
           for cue, _ in _cues_in(sent, lex)):
        return True
    words = [t.lower_ for t in sent]
    if any(words[i:i + 2] == ["out", "of"] for i in range(len(words))):
        return True
    for child in head.children:
        if child.dep_ in ("amod", "nummod") and lemma(child) in PART_WORDS:
            return True
        if child.dep_ == "prep" and child.lower_ == "out":
            return True
    return False


def _distance(cue_tokens: list[Token], root: Token, trigger: Token) -> int | None:
    """Steps from the system up to the cue, when the cue governs it (or is the trigger), or
    is what a governing verb says of it ("the claims that Turkey will buy Su-35s are a lie",
    "called the claims of drone transfers unfounded")."""
    token, steps = root, 0
    cue_ids = {t.i for t in cue_tokens}
    while steps <= MAX_HOPS:
        if token.i in cue_ids or any(c.i in cue_ids for c in token.children
                                     if c.dep_ in ("attr", "acomp", "oprd")):
            return steps  # also what a verb says of it: "are a lie", "called ... unfounded"
        if token.head is token or (token.dep_ == "relcl" and lemma(token.head) not in PLANS) or (
                token.dep_ == "conj" and token.pos_ in ("VERB", "AUX")):
            break  # a clause of its own has its own status: "abandoned X and will buy Y"
        token, steps = token.head, steps + 1
    return 0 if trigger.i in cue_ids else None


def _cues_in(sent: Span, lex: Lexicon) -> list[tuple[Cue, list[Token]]]:
    """Each status cue in the sentence with its tokens; the longest cue wins at a word."""
    lemmas = [lemma(t) for t in sent]
    found: list[tuple[Cue, list[Token]]] = []
    for i, first in enumerate(lemmas):
        for cue in lex.cues.get(first, ()):
            if tuple(lemmas[i:i + len(cue.words)]) == cue.words:
                found.append((cue, list(sent[i:i + len(cue.words)])))
                break
    return found


# ---- quantity and value ---------------------------------------------------------------------


def read_quantity(reading: Reading, lex: Lexicon) -> None:
    """"12 Rafale jets", "four S-400 batteries", "two regiments of S-400", "24 F-16s"."""
    root = reading.mention.root
    nouns = [(root, True)]
    head = root
    while head.dep_ in MODIFIERS | {"nummod"} and head.head is not head and (
            head.head.pos_ in ("NOUN", "PROPN")):  # "S-400 batteries", "FA-50 fighters"
        head = head.head
        if lemma(head) in lex.units:
            nouns.append((head, lex.units[lemma(head)]))
    prep = head.head
    if head.dep_ == "pobj" and prep.lower_ == "of" and lemma(prep.head) in lex.units:
        nouns.append((prep.head, lex.units[lemma(prep.head)]))  # "two regiments of S-400"
    for noun, counts in nouns:
        for child in noun.children:
            if child.dep_ != "nummod" or child.ent_type_ in NOT_QUANTITIES or (
                inside(child, reading.mention.span)
            ):
                continue
            number = _number(child, lex)
            if number is None:
                continue
            reading.quantity = number if counts else None
            reading.quantity_text = noun.doc[min(child.left_edge.i, child.i):noun.i + 1].text
            return
    _number_before(reading, lex)


def _number_before(reading: Reading, lex: Lexicon) -> None:
    """"six used Russian MiG-29 fighter jets" when the parser lost the name: a number right
    before the name, over adjectives only."""
    span = reading.mention.span
    doc = span.doc
    for i in range(span.start - 1, max(span.sent.start, span.start - NUMBER_REACH) - 1, -1):
        token = doc[i]
        if token.like_num and token.ent_type_ not in NOT_QUANTITIES:
            number = _number(token, lex)
            if number is not None:
                reading.quantity = number
                reading.quantity_text = doc[i:span.end].text
            return
        if token.pos_ not in ("ADJ", "PUNCT") and token.tag_ != "VBN" and (
                token.ent_type_ != "NORP"):
            return


def _number(token: Token, lex: Lexicon) -> int | None:
    """A number in figures or words, times its multipliers ("two hundred", "3 million")."""
    value = _number_word(token.text, lex)
    if value is None:
        return None
    for child in token.children:
        factor = _number_word(child.text, lex)
        if child.dep_ in ("nummod", "quantmod", "compound") and factor:
            value *= factor
    return value


def _number_word(text: str, lex: Lexicon) -> int | None:
    cleaned = text.replace(",", "")
    if cleaned.isdigit():
        return int(cleaned)
    tens, _, units = text.lower().partition("-")  # "forty-eight"
    if units and tens in lex.numbers and units in lex.numbers:
        return lex.numbers[tens] + lex.numbers[units]
    return lex.numbers.get(text.lower())


def by_sentence(readings: list[Reading]) -> Iterator[tuple[Span, list[Reading]]]:
    """Readings grouped by their sentence, for ``read_values``."""
    groups: dict[int, list[Reading]] = {}
    for reading in readings:
        groups.setdefault(reading.sent.start, []).append(reading)
    for group in groups.values():
        yield group[0].sent, group


def read_values(readings: list[Reading], sent: Span, lex: Lexicon) -> None:
    """Each amount in the sentence goes to the nearest system mention."""
    for match in lex.money.finditer(sent.text):
        start = sent.start_char + match.start()
        nearest = min(readings, key=lambda r: abs(r.mention.span.start_char - start))
        if nearest.value is not None:
            continue
        number = float((match["num"] or match["num2"]).replace(",", ""))
        scale = (match["scale"] or match["scale2"] or "").lower()
        nearest.value = number * lex.scales.get(scale, 1.0)
        nearest.value_text = match.group()
        sign, word = match["sign"], match["word"]
        table, key = (lex.currency_signs, sign) if sign else (lex.currency_words, word)
        nearest.currency = _lookup_ci(table, key)


def _lookup_ci(table: dict[str, str], key: str) -> str | None:
    """The table's spelling first, then any case: "Euros" at the start of a sentence."""
    return table.get(key) or next((v for k, v in table.items() if k.lower() == key.lower()), None)
