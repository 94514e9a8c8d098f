"""The country a token stands for, as far as a deal's parties need one.

The actors component has the last word; the actors lexicon fills in for the words it leaves
without a country ("Russian" before a system, a country named inside a longer phrase).
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc, Span, Token

from newsevents.actors import ActorResolver
from newsevents.arms.syntax import MODIFIERS
from newsevents.events import ActorLookup
from newsevents.events.syntax import lemma
from newsevents.weapons import rows

COUNTRY_LABELS = frozenset({"GPE", "NORP"})
# Prepositions whose object is where something happens, not who trades.
PLACES = frozenset({"in", "at", "near", "over", "across", "inside", "within", "on"})
# Entities whose place names name no party to a deal.
INSTITUTIONS = frozenset({"ORG", "FAC", "EVENT", "WORK_OF_ART", "LAW"})
# Word endings that make a country word say who made a system ("U.S.-made").
MAKER_SUFFIXES = frozenset({"made", "built", "produced", "designed", "origin", "supplied"})
# Nouns of a danger whose "from" names no party ("threats from North Korea").
THREATS = frozenset({"threat", "attack", "aggression", "invasion", "incursion", "strike"})
# Verbs whose object is a danger warded off ("to fend off Russia's invasion"): its owner is
# the enemy, no party.
REPELLING = frozenset({"repel", "fend", "repulse", "counter", "resist", "deter", "defeat",
                       "thwart", "withstand"})
# What separates a dateline from the story ("KYIV -", "MOSCOW --").
DASHES = frozenset({"-", "--", "\u2013", "\u2014"})
# Nouns that stand for a country named shortly before ("the country", "the kingdom").
STAND_INS = frozenset({"country", "nation", "kingdom", "republic", "government"})
# A noun that stands for a country only with a region word before it ("the Gulf state"):
# alone it is too often no country ("the state of the army").
REGION_NOUNS = STAND_INS | {"state"}
# Nouns of a country's armed services and ministries, which "the" makes stand for the country
# named shortly before as well ("Peru's Congress approved the money. The air force has
# shortlisted ..."): a service or ministry acts for its own government.
SERVICES = frozenset({"force", "forces", "navy", "army", "military", "ministry", "marine",
                      "marines"})
# Actor sectors of the press: a news agency that reports a deal ("Xinhua news agency
# reported") is no party to it, whatever country it is from.
PRESS = frozenset({"JRN"})
# Verbs and nouns by which a third country punishes a buyer for its purchase: "sanctioned
# Turkey for buying S-400s", "imposed sanctions on the Chinese military for buying Su-35s":
# the one punished bought, the one punishing is no party.
PUNISHING = frozenset({"sanction", "punish", "penalise", "penalize"})
PENALTIES = frozenset({"sanction", "penalty"})
# Pronouns that stand for a country when one was the subject just before ("Iran said it").
PRONOUNS = frozenset({"it", "its"})
# How far back (in tokens) a stand-in looks for its country: about two news sentences, enough
# for every "the country" and "it" of the real-text dev passages (docs/arms.md).
ANTECEDENT_REACH = 120


class Countries:
    """Country of a token: the actors component's answer, else the actors lexicon."""

    def __init__(self, doc: Doc) -> None:
        self.resolver = ActorResolver.load()
        self.look = ActorLookup()
        self.sentences: dict[tuple[int, bool], set[str]] = {}
        self.entities = {i: ent for ent in doc.ents if ent.label_ in COUNTRY_LABELS
                         for i in range(ent.start, ent.end)}
        self.regions = {i: ent for ent in doc.ents if ent.label_ == "LOC" and len(ent) > 1
                        for i in range(ent.start, ent.end)}

    def of(self, token: Token) -> str | None:
        if token.pos_ == "PRON" and token.lower_ in PRONOUNS:
            if _expletive(token):
                return None  # "it is necessary to donate heavier artillery": no one
            return self._antecedent(token)  # before the actors' guess, which may be stale
        for owner in (c for c in token.children if c.dep_ == "poss"):
            country = self._lexicon(owner) or (
                self._antecedent(owner) if owner.lower_ in PRONOUNS else None)
            if country:
                return country  # "Iran's Defence Ministry", "its air force"
        if token.lower_ in REGION_NOUNS and any(c.lower_ == "the" for c in token.children):
            countries = _region(token)
            if countries:  # "the Southeast Asian country": the last one named in the region
                return self._named_before(token, countries)
        if token.pos_ == "NOUN" and token.dep_ in ("nsubj", "nsubjpass"):
            for place in (g for c in token.children if c.dep_ == "prep" and c.lower_ == "in"
                          for g in c.children if g.dep_ == "pobj"):
                country = self._lexicon(place) or self._place(place)
                if country:
                    return country  # "an air base in Manila"
        actor = self.look.actor(token)
        if actor is not None and actor.sector in PRESS:
            return None  # "Xinhua news agency reported": the reporter, not a party
        if actor is not None and (actor.country or actor.igo):
            return actor.country
        for t in (token, *self._describing(token)):
            country = self._lexicon(t)
            if country:
                return country
        if (token.lower_ in STAND_INS or token.lower_ in SERVICES) and any(
                c.lower_ == "the" for c in token.children):
            return self._antecedent(token)
        return None

    @staticmethod
    def _describing(token: Token) -> list[Token]:
        """The words that describe a party's noun, also through the noun of a company's name:
        "French" in "French shipyard PIRIOU", "Turkish" in "Turkish drone giant Baykar"."""
        words = [c for c in token.children if c.dep_ in MODIFIERS]
        for noun in [c for c in token.children if c.dep_ in ("compound", "appos")]:
            words.extend(c for c in noun.children if c.dep_ in MODIFIERS)
        return words

    def _place(self, token: Token) -> str | None:
        actor = self.look.actor(token)
        return actor.country if actor is not None and token.ent_type_ in COUNTRY_LABELS else None

    def _antecedent(self, token: Token) -> str | None:
        """"The country sent 3 Leopard 2s": the last country before it that was a subject."""
        doc = token.doc
        for i in range(token.i - 1, max(-1, token.i - ANTECEDENT_REACH), -1):
            earlier = doc[i]
            if earlier.dep_ in ("nsubj", "nsubjpass") and earlier.lower_ not in STAND_INS and (
                    earlier.lower_ not in PRONOUNS):
                country = self._threatened(earlier, token) or self.of(earlier)
                if country:
                    return country
        return None

    def _threatened(self, subject: Token, token: Token) -> str | None:
        """"The United States could impose sanctions on Egypt if it buys Russian jets",
        "sanctioned Turkey because it bought S-400s": an "it" inside a punishment stands for
        the one punished, not for the subject that punishes. (Not so a warning: "Russia warned
        the West that it would retaliate" speaks of Russia.)"""
        verb = subject.head
        if token.i not in {t.i for t in verb.subtree}:
            return None
        return next((country for country in map(self._lexicon, punished(verb)) if country),
                    None)

    def _named_before(self, token: Token, countries: frozenset[str]) -> str | None:
        """The last country of ``countries`` named before the token, within reach."""
        doc = token.doc
        for i in range(token.i - 1, max(-1, token.i - ANTECEDENT_REACH), -1):
            earlier = doc[i]
            actor = earlier._.actor
            country = actor.country if actor is not None and actor.country else (
                self._lexicon(earlier) if earlier.pos_ in ("PROPN", "ADJ") else None)
            if country in countries:
                return country
        return None

    def _lexicon(self, token: Token) -> str | None:
        ent = self.entities.get(token.i) or self.regions.get(token.i)
        if ent is not None:
            return self.resolver.country_of(ent.text)  # "Latin America" is not "America"
        if token.pos_ in ("PROPN", "ADJ", "NOUN"):
            prefix, _, suffix = token.text.rpartition("-")
            if prefix and suffix.lower() in MAKER_SUFFIXES:  # "U.S.-made", "Chinese-built"
                return self.resolver.country_of(prefix)
            return self.resolver.country_of(token.text)
        return None

    def in_sentence(self, sent: Span, places: bool = False) -> set[str]:
        """Every country the sentence names as a possible party (a copy: callers may change
        it); with ``places``, also those it names as where something happens, for a system
        that arrives or is built somewhere ("arrived at Murted air base near Ankara")."""
        key = (sent.start, places)
        if key not in self.sentences:
            self.sentences[key] = self._named_in(sent, places)
        return set(self.sentences[key])

    def _named_in(self, sent: Span, places: bool) -> set[str]:
        found: set[str] = set()
        for token in sent:
            if token.ent_type_ == "MONEY":
                continue  # "worth 700 million U.S. dollars": a currency names no party
            placed = (token.dep_ == "pobj" and token.head.lower_ in PLACES and not places
                      ) or dateline(token) or _threat(token)
            press = token._.actor is not None and token._.actor.sector in PRESS
            if token._.actor is not None and token._.actor.country and not (placed or press):
                found.add(token._.actor.country)
            if token.ent_type_ in INSTITUTIONS or placed:
                continue  # "the Stockholm ... Institute", "drones to use in Ukraine"
            if token.pos_ in ("PROPN", "ADJ") or token.ent_type_ in COUNTRY_LABELS:
                country = self._lexicon(token)
                if country:
                    found.add(country)
        return found


def punished(verb: Token) -> list[Token]:
    """Whom a punishment falls on: the object of "sanctioned Turkey", the "on" of "imposed
    sanctions on Egypt" (on the penalty, or on the verb where the parser hangs it)."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if lemma(verb) in PUNISHING:
        return objects
    penalties = [o for o in objects if lemma(o) in PENALTIES]
    return [g for t in (verb, *penalties) if penalties for p in t.children
            if p.dep_ == "prep" and p.lower_ == "on" for g in p.children if g.dep_ == "pobj"]


def _expletive(token: Token) -> bool:
    """An "it" that only opens the clause: "it is necessary to donate", "it is time to send"."""
    verb = token.head
    return token.lower_ == "it" and token.dep_ == "nsubj" and lemma(verb) == "be" and any(
        c.dep_ in ("acomp", "attr") for c in verb.children) and any(
        c.dep_ in ("xcomp", "ccomp") for c in verb.children)


def _threat(token: Token) -> bool:
    """A country named as what weapons guard against, no party: "a safeguard against
    threats from North Korea", "to defend against Russia", "to fend off Russia's invasion",
    "against Russia's aggression"."""
    while token.dep_ == "compound" and token.head.i != token.i:
        token = token.head  # "North" in "threats from North Korea"
    if token.dep_ == "poss" and lemma(token.head) in THREATS:
        danger = token.head
        if danger.dep_ == "dobj" and lemma(danger.head) in REPELLING:
            return True
        token = danger  # "against Russia's aggression"
    if token.dep_ != "pobj":
        return False
    prep = token.head
    return prep.lower_ == "against" or (
        prep.lower_ == "from" and lemma(prep.head) in THREATS)


def dateline(token: Token) -> bool:
    """A place that opens the text's sentence as its dateline, before a colon ("New Delhi: As
    part of...") or, in capitals, before the agency ("WARSAW (Agencies): Croatia's
    government..."): where the report was filed, no party."""
    doc, after = token.doc, token.i + 1
    if token.left_edge.i != token.sent.start or after >= len(doc):
        return False
    if doc[after].text.startswith(":"):
        return True
    if token.i == token.sent.start and (_agency(doc, after) or (
            doc[after].text == "," and _agency(doc, after + 1))):
        return True  # "Hanoi (VNA) -", "Hanoi, (VNA) -"
    return token.i == token.sent.start and token.is_upper and len(token) > 3 and (
        doc[after].text.startswith("(") or doc[after].text in DASHES)


def _agency(doc: Doc, i: int) -> bool:
    """A news agency's name in brackets at ``i``: "(VNA)", "(AFP)"."""
    return i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")" and (
        doc[i + 1].is_upper)


def _region(token: Token) -> frozenset[str]:
    """The countries of the region words before a stand-in noun, empty when it has none: the
    longest run of words ending at the noun that names a region ("Southeast Asian", not
    "Asian"; "Gulf" in "the oil-rich Gulf state")."""
    words = [t.lower_ for t in token.doc[token.left_edge.i:token.i] if t.dep_ != "det"]
    table = _regions()
    for start in range(len(words)):
        found = table.get(" ".join(words[start:]))
        if found:
            return found
    return frozenset()


@cache
def _regions() -> dict[str, frozenset[str]]:
    return {r["words"]: frozenset(r["countries"].split(";")) for r in rows("regions.tsv")}
