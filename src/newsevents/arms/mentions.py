"""Weapon-system mentions in a document: catalogue names, generic phrases, anaphors.

A generic phrase counts only when it stands for a system of its own ("tanks", "an arms
deal"), not when it classifies a named one ("S-400 air defence systems") or a noun that is no
transfer ("drone strike"). "Such systems" takes the named system of its category mentioned
shortly before, so a later sentence's details join that system's deal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from newsevents.arms.countries import Countries
from newsevents.arms.lexicon import Lexicon
from newsevents.arms.syntax import MAX_HOPS, MODIFIERS, inside
from newsevents.events.syntax import lemma
from newsevents.models import WeaponSystem
from newsevents.weapons import Catalogue, Hit, compact, variant_text, weapon_system

ANAPHORS = frozenset({"such", "these", "those", "same"})
# Nouns for a bundle of weapons that a generic phrase names when it modifies them ("an arms
# package"); other nouns it modifies are no transfer ("arms embargo", "drone strike").
BUNDLES = frozenset({"package", "consignment", "cargo"})
# Words that set weapons apart from those already named ("other", "additional").
APART = frozenset({"other", "additional", "further", "more"})
# Prefixes of a ship's name: the word after one names a ship wherever the article uses it, not
# a system of another kind ("USS Chinook", then "Chinook was commissioned in 1995", is no
# helicopter; "BRP Miguel Malvar" may be a ship of its class).
SHIP_PREFIXES = frozenset({"USS", "USNS", "USCGC", "HMS", "HMAS", "HMCS", "HMNZS", "BRP", "INS",
                           "ARA", "BNS", "KRI", "TCG", "PNS", "RSS", "HTMS", "ROKS", "JS",
                           "NRP", "ESPS", "FGS", "ITS", "HNLMS", "HDMS", "KNM", "ORP", "ENS",
                           "GNS", "NNS", "SAS", "CNS", "KD", "HNoMS"})
# How far back (in tokens) "such systems" may refer to a named system.
ANAPHOR_REACH = 150
# How many tokens before an unnamed system its designation may stand ("K-9 self-propelled
# artillery": four, the longest gap in the real-text dev passages of docs/arms.md).
DESIGNATION_REACH = 4
# A model designation: capitals, then digits ("K808", "K-10", "AS21").
DESIGNATOR = re.compile(r"[A-Z]{1,4}-?\d{1,4}[A-Z]?")
# The shortest word taken for another system's name after a system ("Predator"): shorter
# ones ("F", "Mk") begin too many names.
MIN_NAME = 4
# Nouns that name a variant said in words ("the latest Block 70 version") and the words that
# open its designator ("Block 70", "Tranche 3").
VERSIONS = frozenset({"version", "variant", "configuration", "standard", "model", "variation"})
DESIGNATORS = frozenset({"block", "tranche", "batch", "increment", "flight", "lot"})


def designator(token: Token) -> bool:
    """A word that, with the number after it, names a version ("F-16 Viper Block 70",
    "Tranche 3"): the word is then no status cue ("block" a sale) and the number no count."""
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return token.lower_ in DESIGNATORS and following is not None and following.like_num and (
        following.i < token.sent.end)


@dataclass(frozen=True)
class Mention:
    span: Span
    sent: Span
    system: WeaponSystem
    variant: str | None = None  # the model as written, when more specific than the system
    noun: str | None = None  # what the text calls a named system ("drone": "Shahed-136 drones")
    # An unnamed system whose phrase carries a model designation the catalogue lacks ("141
    # K808 wheeled armored vehicles"): a system of its own.
    designated: bool = False
    # An unnamed system counted as one item of a list of named ones ("59 Bradley Fighting
    # Vehicles, 90 Strykers, 53 mine-resistant ambush-protected vehicles"): a system of its own.
    itemised: bool = False

    @property
    def root(self) -> Token:
        return self.span.root

    @property
    def set_apart(self) -> bool:
        """ "other projects ... to supply Russian military products", "more weapons": the
        phrase speaks of weapons besides those named, so no named deal covers it; nor does
        one cover weapons with a designation the catalogue lacks ("141 K808 wheeled armored
        vehicles" beside "54 K2 tanks")."""
        if self.designated or self.itemised:
            return True
        token = self.root
        for _ in range(MAX_HOPS):
            if any(c.dep_ == "amod" and c.lower_ in APART
                   for c in (*token.children, *(g for t in token.children for g in t.children))):
                return True  # also "plans other projects to supply weapons"
            if token.head.i == token.i:
                return False
            token = token.head
        return False

    @property
    def definite(self) -> bool:
        """ "the tanks": a phrase that points to weapons the article has named."""
        return any(c.dep_ == "det" and c.lower_ in ("the", *ANAPHORS) for c in self.root.children)

    @property
    def anaphoric(self) -> bool:
        """ "such systems", "these missiles": the mention refers back to an earlier one."""
        return any(c.lower_ in ANAPHORS for c in self.root.children)


def find_mentions(doc: Doc, catalogue: Catalogue, lex: Lexicon,
                  countries: Countries) -> list[Mention]:
    """Named and generic system mentions in document order, anaphors resolved."""
    mentions: list[Mention] = []
    ships = {t.nbor().text for t in doc[:-1] if t.text in SHIP_PREFIXES}  # "USS Chinook"
    for sent in doc.sents:
        words = [t.text for t in sent]
        pieces = [compact(w) for w in words]
        named = [_mention(sent, h, countries) for h in catalogue.named.scan(words, pieces)
                 if not (words[h.start] in ships and h.entry.category != "ships")]
        generic = [_mention(sent, h, countries) for h in catalogue.generic.scan(words, pieces)]
        named = [_called(m, generic) for m in named]
        generic = [_itemised(_designated(g, named), named) for g in generic
                   if _stands_alone(g, named, lex)]
        generic = [g for g in generic if not _carrier(g, named + generic)]
        taken = {t.i for m in named + generic for t in m.span}
        bare = [m for t in sent if t.i not in taken
                if (m := _the_system(t, sent, mentions)) is not None]
        for mention in sorted(named + generic + bare, key=lambda m: m.span.start):
            mentions.append(_resolve_anaphor(mention, mentions))
    systems = [m.system for m in mentions if m.system.name]
    resolved = [_resolve_by_name(m, systems, catalogue) for m in mentions]
    return _by_article_names(resolved, catalogue)


def _carrier(mention: Mention, others: list[Mention]) -> bool:
    """An unnamed vehicle that only carries the weapons its "of" names ("six planes of
    weapons", "two ships of ammunition"): what is moved is the weapons, not the planes."""
    head = mention.span.root
    return any(prep.dep_ == "prep" and prep.lower_ == "of" and any(
        inside(obj, other.span) for obj in prep.children if obj.dep_ == "pobj"
        for other in others if other is not mention) for prep in head.children)


def _itemised(mention: Mention, named: list[Mention]) -> Mention:
    """Mark an unnamed system with its own count that a list joins to a named one ("90 Stryker
    Armored Personnel Carriers, 53 mine-resistant ambush-protected vehicles"): another item of
    the list, not the named system again."""
    root = mention.root
    if not any(c.dep_ == "nummod" for c in root.children):
        return mention
    token = root
    while token.dep_ in ("conj", "appos") and token.head.i != token.i:
        token = token.head
        if any(inside(token, m.span) or m.span.root.head.i == token.i for m in named):
            return replace(mention, itemised=True)
    return mention


def _designated(mention: Mention, named: list[Mention]) -> Mention:
    """Mark an unnamed system whose phrase holds a designation ("K808", "K-10") that is no
    catalogue name there."""
    if any(t.i < mention.span.start and DESIGNATOR.fullmatch(t.text)
           and not any(inside(t, m.span) for m in named) for t in mention.root.subtree):
        return replace(mention, designated=True)
    return mention


def _by_article_names(mentions: list[Mention], catalogue: Catalogue) -> list[Mention]:
    """A catalogue name written right after another system's name of the same kind is what
    the article calls that system ("MQ-9B Predator drones": here "Predator" is the MQ-9B, not
    the older MQ-1), so the same word is that system wherever the article uses it ("31
    Predator drones")."""
    called: dict[str, WeaponSystem] = {}
    for mention in mentions:
        system = mention.system
        last = compact(mention.span[-1].text)
        if system.name and len(mention.span) > 1 and any(
                entry.name not in (None, system.name) and entry.category == system.category
                for entry in [catalogue.named.keys.get(last)] if entry is not None):
            called[last] = system  # "Boeing 737 AWACS aircraft", then "its first AWACS": the
            # 737, not the E-3 that "AWACS" alone names
        after = mention.span.doc[mention.span.end:mention.span.end + 1]
        word = compact(after.text)
        if not system.name or len(word) < MIN_NAME or not after.text[:1].isupper():
            continue
        if any(key.startswith(word) and entry.name not in (None, system.name)
               and entry.category == system.category
               for key, entry in catalogue.named.keys.items()):
            called[word] = system
    if not called:
        return mentions
    renamed = []
    for mention in mentions:
        system = called.get(compact(mention.span[0].text))
        if system is not None and mention.system.name not in (None, system.name):
            mention = replace(mention, system=system.model_copy(
                update={"mention": mention.system.mention}), variant=None)
        renamed.append(mention)
    return renamed


def _called(named: Mention, generic: list[Mention]) -> Mention:
    """The named mention with the noun of the generic phrase that classifies it, right after
    it ("Shahed-136 kamikaze drones"), however the parser hung the words."""
    doc = named.span.doc
    for phrase in generic:
        gap = doc[named.span.end:phrase.span.start]
        if phrase.span.start >= named.span.end and len(gap) <= 1 and all(
                t.is_punct for t in gap):  # 'K2 "Black Panther" tanks'
            return replace(named, noun=phrase.span[-1].lemma_.lower())
    return named


def _mention(sent: Span, hit: Hit, countries: Countries) -> Mention:
    span = sent[hit.start:hit.end]
    origin = hit.entry.origin or _adjective_origin(span, countries)
    mention = Mention(span, sent, weapon_system(hit.entry, span.text, origin),
                      variant_text(hit.entry, span.text))
    if mention.variant is None and hit.entry.name is not None:
        mention = replace(mention, variant=_worded_variant(mention))
    return mention


def _worded_variant(mention: Mention) -> str | None:
    """A variant said in words beside the name: "F-16 jets of the latest Block 70 version",
    "the Tranche 3 standard of the Typhoon": the name and the designator ("F-16 Block 70")."""
    head = mention_head(mention)
    versions = [g for c in head.children if c.dep_ == "prep" and c.lower_ in ("of", "in")
                for g in c.children if g.dep_ == "pobj" and lemma(g) in VERSIONS]
    if head.dep_ == "pobj" and head.head.lower_ == "of" and lemma(head.head.head) in VERSIONS:
        versions.append(head.head.head)  # "the Block 70 version of the F-16"
    for version in versions:
        words = list(version.doc[version.left_edge.i:version.i])
        for word, number in pairwise(words):
            if word.lower_ in DESIGNATORS and (number.like_num or number.text.isalnum()):
                name = mention.span.text
                if name.endswith("s") and (name[-2:-1].isdigit() or name[-2:-1].isupper()):
                    name = name[:-1]
                return f"{name} {word.text} {number.text}"
    return None


def _adjective_origin(span: Span, countries: Countries) -> str | None:
    """"modern Russian military products": a nationality before an unnamed system; not a
    possessive pronoun ("its first frigate" is the owner's, not the maker's)."""
    for token in span.root.subtree:
        if token.i < span.root.i and token.dep_ in MODIFIERS and not inside(token, span) and (
                token.pos_ != "PRON"):
            country = countries.of(token)
            if country:
                return country
    return None


def _stands_alone(generic: Mention, named: list[Mention], lex: Lexicon) -> bool:
    """A generic phrase is its own mention unless it only classifies a named system
    ("S-400 air defense systems") or modifies a noun other than a transfer word ("drone
    strike", "arms embargo"; but "arms deal" is one)."""
    root = generic.root
    if root.pos_ not in ("NOUN", "PROPN"):
        return False
    if root.dep_ == "compound" and lex.trigger(root.head) is None and (
            root.head.lemma_.lower() not in BUNDLES):
        return False
    for other in named:
        if other.span.start < generic.span.end and generic.span.start < other.span.end:
            return False
        if other.span.end == generic.span.start or (
            root.dep_ != "conj" and inside(root.head, other.span)) or any(
            inside(t.head, generic.span) for t in other.span if t.dep_ != "conj"
        ):
            return False  # "S-400 air defense systems"; not "Abrams tanks and missiles"
    return True


def _resolve_by_name(mention: Mention, systems: list[WeaponSystem],
                     catalogue: Catalogue) -> Mention:
    """An unnamed system under a system's designation ("K-2 battle tanks"), or under the first
    word of a system's name or maker when the article names that system in full ("Leopard
    tanks", "Sukhoi fighter jets"), is that system, if of the same category."""
    if mention.system.name is not None:
        return mention
    modifiers = [t for t in mention.root.children
                 if t.dep_ in MODIFIERS and not inside(t, mention.span)]
    # The parser often hangs "K-9 self-propelled artillery" apart: a designation (it has a
    # number) shortly before the noun counts as well.
    before = mention.sent.doc[max(mention.sent.start, mention.span.start - DESIGNATION_REACH):
                              mention.span.start]
    for token in (*modifiers, *(t for t in reversed(before) if any(c.isdigit() for c in t.text))):
        entry = catalogue.designations.get(compact(token.text))
        if entry is not None and entry.category == mention.system.category:
            return _named(mention, token, weapon_system(entry, "", entry.origin))
    words = {compact(t.text) for t in (*modifiers, *mention.span) if t.pos_ == "PROPN"}
    for system in systems:
        names = {compact(n.split()[0]) for n in (system.name, system.manufacturer) if n}
        if system.category == mention.system.category and words & names:
            return _named(mention, mention.span[0], system)
    return mention


def _named(mention: Mention, first: Token, system: WeaponSystem) -> Mention:
    """The mention as that system, its text from the naming word on."""
    text = mention.sent.doc[min(first.i, mention.span.start):mention.span.end].text
    return Mention(mention.span, mention.sent, system.model_copy(update={"mention": text}))


def _the_system(token: Token, sent: Span, earlier: list[Mention]) -> Mention | None:
    """ "Cyprus has purchased the Barak MX air defense system. Initial deliveries of the
    system have arrived": a bare "the system" after the article has called exactly one named
    system so is that system."""
    if lemma(token) != "system" or token.tag_ != "NN" or [c.lower_ for c in token.children] != [
            "the"]:
        return None
    called = {m.system.name: m.system for m in earlier
              if m.system.name and lemma(mention_head(m)) == "system"}
    if len(called) != 1:
        return None
    (system,) = called.values()
    span = sent.doc[token.i:token.i + 1]
    return Mention(span, sent, system.model_copy(update={"mention": span.text}))


def _resolve_anaphor(mention: Mention, earlier: list[Mention]) -> Mention:
    """"such anti-aircraft systems" after "S-400": the named system of that category."""
    if mention.system.name is not None or not mention.anaphoric:
        return mention
    for prior in reversed(earlier):
        if prior.sent.start < mention.sent.start - ANAPHOR_REACH:
            break
        if prior.system.name and prior.system.category == mention.system.category:
            system = prior.system.model_copy(update={"mention": mention.span.text})
            return Mention(mention.span, mention.sent, system)
    return mention


def mention_head(mention: Mention) -> Token:
    """The noun a system's name modifies, or the name itself: "Leopard 2" in "the first
    Canadian Leopard 2 main battle tank" heads "tank"."""
    token = mention.root
    for _ in range(MAX_HOPS):
        if token.dep_ not in MODIFIERS | {"nummod"} or token.head.pos_ not in ("NOUN", "PROPN"):
            break
        token = token.head
    return token
