"""Filling the parties a sentence left open, across the article.

A sentence often names only one side of a deal; the other is the one country the article
names as the system's supplier, else the system's origin; the one other country the sentence
names; a system coordinated with it; or the same system's deal elsewhere in the article. An
unnamed system ("the tanks") becomes the named system the article shows it to be, and a deal
in unnamed weapons that lists named ones gives them its parties.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span

from newsevents.arms.countries import Countries
from newsevents.arms.governor import CONTENTS, WARNINGS
from newsevents.arms.lexicon import DEAL_NOUNS
from newsevents.arms.mentions import Mention, mention_head
from newsevents.arms.reading import Reading
from newsevents.arms.syntax import MAX_HOPS, MODIFIERS, inside
from newsevents.events.syntax import lemma
from newsevents.models import WeaponSystem

# How a country hangs in a system's phrase when it describes the system: "Russian-made
# S-400s" (amod), "U.S.-made weapons" (npadvmod of "made").
MAKER_LINKS = MODIFIERS | {"npadvmod"}
# Participles that make a country before them a system's maker ("French-made", "US-built").
MAKING_WORDS = frozenset({"make", "build", "design", "manufacture", "produce"})
# Ends of a word that names a system's maker ("Soviet-made", "US-built", "American-origin").
MADE_SUFFIXES = frozenset({"made", "built", "origin", "designed", "produced"})
# Makers that are gone ("Soviet-made", "Yugoslav-built", "Czechoslovak-made").
GONE_STATES = ("soviet", "ussr", "yugoslav", "czechoslovak", "east german")
# Words that say a system is made in the country that sells it ("locally-made Boxers").
LOCAL = frozenset({"locally", "domestically", "indigenously"})
# Nouns of a consent a third country gives to a transfer between others.
CONSENTS = frozenset({"authorisation", "authorization", "approval", "permission", "consent",
                      "clearance", "go-ahead"})
# Nouns and participles that make a system after them the model another one derives from:
# "a naval variant of the Black Hawk", "based on the Su-27".
DERIVED_FROM = frozenset({"variant", "version", "derivative", "development", "base", "derive"})


def fill_parties(readings: list[Reading], mentions: list[Mention], countries: Countries) -> None:
    """Missing parties: the one country the article names as the system's supplier, else the
    system's origin; the sentence's other country; then the article's deals.

    The origin is only a guess for a system the article shows changing hands between other
    countries: "the first batch of US-origin F-16s" after Denmark and the Netherlands pledged
    theirs is no US deal, so then the supplier stays open."""
    _buyers_own(readings)
    named: dict[str, set[str]] = {r.system_key: set() for r in readings}
    for reading in readings:
        if reading.supplier:
            named[reading.system_key].add(reading.supplier)
    makers = _makers(mentions, countries)
    licensed = {(r.system_key, r.recipient) for r in readings if r.role == "licence"}
    for reading in readings:
        origin = reading.mention.system.origin
        suppliers = named[reading.system_key] - {reading.recipient}
        if reading.supplier is None and reading.mention.system.name is None:
            reading.supplier = _supplier_here(reading, readings)
        if reading.supplier is None and not suppliers and origin and _made_by_gone_state(
                reading.sent):
            reading.supplier = _handing_on(reading, readings, origin)
        if reading.supplier is None:
            if len(suppliers) == 1:
                reading.supplier = suppliers.pop()
            elif not suppliers - {origin} and origin != reading.recipient:
                reading.supplier = origin
        if origin and reading.recipient == origin and reading.supplier not in (None, origin) and (
                not _made_there(reading, makers)) and (
                (reading.system_key, reading.supplier) not in licensed):
            # (a licensee sends its licence-built systems back to the licensor's country:
            # "Japan will transfer Patriot missiles to the United States")
            # Nobody buys its own system from another country: the parse swapped the two.
            reading.supplier, reading.recipient = reading.recipient, reading.supplier
        others = [c for c in reading.parties if c != reading.supplier]
        if reading.recipient is None and reading.supplier and len(others) == 1:
            reading.recipient = others[0]
        if reading.recipient is None:
            # A system's maker is named beside it ("German-made tanks", "its American-origin
            # C-17s"), seldom as its buyer.
            placed = reading.role in ("arrival", "licence")
            rest = (countries.in_sentence(reading.sent, placed) - {reading.supplier, origin}
                    - makers.get(reading.sent.start, set()) - set(reading.allies)
                    - _consenting(reading.sent, countries))
            if len(rest) == 1:
                reading.recipient = rest.pop()
    _share_with_conjuncts(readings)
    for reading in readings:
        if not reading.complete:
            _name_by_article(reading, mentions, readings)
    known = [r for r in readings if r.complete]
    for reading in readings:
        if not reading.complete:
            _fill_from_article(reading, known, countries)


def _made_by_gone_state(sent: Span) -> bool:
    """Whether the sentence calls the system made by a state that no longer exists
    ("Soviet-made", "Yugoslav-built"): it cannot be that state's sale, so whoever hands the
    system on is its supplier."""
    return any(t.lower_.startswith(GONE_STATES) and (
        lemma(t.head) in MAKING_WORDS or t.lower_.rsplit("-", 1)[-1] in MADE_SUFFIXES
        or (t.nbor(1).lower_ == "-" and t.i + 2 < len(t.doc)
            and t.nbor(2).lower_ in MADE_SUFFIXES)) for t in sent if t.i + 1 < len(t.doc))


def _handing_on(reading: Reading, readings: list[Reading], origin: str) -> str | None:
    """The one other supplier the article names to the same buyer, for a system the sentence
    says another country made: "In addition to the MiG-29s, Soviet-made Kub systems will be
    transferred to Ukraine" in a report of Slovakia's donation."""
    if reading.recipient is None:
        return None
    found = {r.supplier for r in readings if r.recipient == reading.recipient
             and r.supplier not in (None, origin)}
    return found.pop() if len(found) == 1 else None


def _made_there(reading: Reading, makers: dict[int, set[str]]) -> bool:
    """Whether the sentence says the supplier makes the system itself, so that it may sell
    it to the system's own country: "Australia will supply locally-made Boxers to Germany",
    "more than 100 Australian-made Boxers for the German Army"."""
    if reading.supplier in makers.get(reading.sent.start, set()):
        return True
    return any(t.lower_.split("-")[0] in LOCAL for t in reading.sent)


def _consenting(sent: Span, countries: Countries) -> set[str]:
    """Countries that only give their consent in the sentence ("the US government
    authorisation to transfer the aircraft"), or only warn against it ("amid growing U.S.
    pressure on countries not to buy Russian arms"): no party to the transfer."""
    return {c for t in sent if lemma(t) in CONSENTS | WARNINGS
            for m in t.subtree if m.i < t.i and m.dep_ in MODIFIERS
            for c in [countries.of(m)] if c}


def _buyers_own(readings: list[Reading]) -> None:
    """"Delivery of the Norwegian K9s will start in 2019" in an article on Norway's K9
    contract: a nationality on a system is the owner that hands it over, unless the article
    has that country buying the system, and then the system is on its way to it."""
    buying: dict[str, set[str]] = {}
    for reading in readings:
        if not reading.owned:
            buying.setdefault(reading.system_key, set()).update(
                {reading.recipient, *reading.parties} - {reading.supplier, None})
    for reading in readings:
        if reading.owned and reading.supplier in buying.get(reading.system_key, set()):
            reading.recipient = reading.recipient or reading.supplier
            reading.supplier, reading.owned = None, False


def _the_deal(sent: Span) -> bool:
    """Whether the sentence speaks of a deal already told ("the sale", "this contract")."""
    return any(t.pos_ == "NOUN" and lemma(t) in DEAL_NOUNS
               and any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in t.children)
               for t in sent)


def _supplier_here(reading: Reading, readings: list[Reading]) -> str | None:
    """The one supplier of the same kind of weapon to the same buyer in the sentence: "India
    received Rafale jets from France ... for the purchase of 36 aircraft" (France, not the
    article's other supplier of aircraft)."""
    category = reading.mention.system.category
    found = {r.supplier for r in readings if r.sent.start == reading.sent.start
             and r is not reading and r.supplier and category is not None
             and r.mention.system.category == category
             and r.recipient in (None, reading.recipient)} - {reading.recipient}
    return found.pop() if len(found) == 1 else None


def _name_by_article(reading: Reading, mentions: list[Mention],
                     readings: list[Reading]) -> None:
    """An unnamed system with no supplier is the one system of its kind the article names,
    supplied by whoever the article has supplying it, else by its maker: "has taken delivery
    of nine jets out of 50" in an article about Israel's F-35s."""
    system = reading.mention.system
    if system.name is not None or reading.supplier is not None or (
            system.category is None and not reading.mention.definite):
        return
    # "the weapon" (of no category) is the one system the article names, of any kind
    named = {m.system.name: m.system for m in _derived_first(
        [m for m in mentions if m.system.name and system.category in (None,
                                                                       m.system.category)])}
    if len(named) > 1 and reading.mention.definite:
        # "the fighter jet" beside MiG-21s and the "Tejas fighter jet": the one the article
        # has called by the same words
        called = reading.mention.span.text.lower()
        named = {m.system.name: m.system for m in mentions
                 if m.system.name in named and _called(m) == called}
    if len(named) != 1:
        return
    chosen = next(iter(named.values()))
    if chosen.origin is None or chosen.origin == reading.recipient:
        return
    renamed = chosen.model_copy(update={"mention": system.mention})
    reading.mention = replace(reading.mention, system=renamed, variant=None)
    suppliers = {r.supplier for r in readings
                 if r.mention.system.name == chosen.name and r.supplier}
    if not suppliers:
        reading.supplier = chosen.origin
    elif len(suppliers) == 1:
        reading.supplier = suppliers.pop()  # "India inducted the Tejas", none sold yet
    # else the article's supplier, filled below


def _derived_first(named: list[Mention]) -> list[Mention]:
    """The named systems, less those named only as the model another of them derives from:
    "the Seahawk is a naval variant of the Black Hawk" leaves the Seahawk; but "a P18, the
    export version of the Type 056" keeps the Type 056 when the P18 is no catalogue name."""
    derived = [m for m in named if not _model_of_another(m)]
    return derived or named


def _model_of_another(mention: Mention) -> bool:
    """Whether the system is named only as the model another derives from: "the Seahawk is a
    naval variant of the Black Hawk" tells of the Seahawk alone."""
    head = mention_head(mention)
    for _ in range(MAX_HOPS):  # "the Black Hawk UH 60 helicopter": past the names it runs into
        if head.dep_ not in MODIFIERS | {"nummod"}:
            break
        head = head.head
    return head.dep_ == "pobj" and head.head.lower_ in ("of", "on", "from") and (
        lemma(head.head.head) in DERIVED_FROM)


def _called(mention: Mention) -> str | None:
    """The words a named system's phrase writes after its name, up to the noun it goes by:
    "fighter jet" of "Tejas fighter jet"."""
    if mention.noun is None:
        return None
    doc = mention.span.doc
    end = mention.span.end
    for token in doc[end:min(end + 3, len(doc))]:
        if lemma(token) == mention.noun:
            return doc[end:token.i + 1].text.lower()
    return None


def _share_with_conjuncts(readings: list[Reading]) -> None:
    """"ordered 366 American Abrams tanks and surface-to-air missiles": systems coordinated
    under one transfer word share the parties one of them names."""
    for reading in readings:
        if reading.complete:
            continue
        root = reading.mention.root
        for other in readings:
            if other.complete and other.sent.start == reading.sent.start and (
                    other.mention.root in root.conjuncts) and (
                    reading.recipient in (None, other.recipient)
                    and reading.supplier in (None, other.supplier)):
                reading.supplier, reading.recipient = other.supplier, other.recipient
                break


def name_unnamed(readings: list[Reading], mentions: list[Mention]) -> None:
    """An unnamed system is the article's named system of its category that its supplier
    makes ("Poland will buy tanks, howitzers and fighter planes from South Korea" beside "K2
    tanks", "K9 howitzers" and "FA-50 jets"), or that its supplier is said to hand over, or,
    for "the tanks", the only one of its category the article names."""
    deals = {(r.system_key, r.supplier) for r in readings if r.complete}
    bought = {(r.system_key, r.recipient) for r in readings if r.complete}
    for reading in readings:
        system = reading.mention.system
        if system.name is not None or system.category is None or not reading.complete or (
                reading.mention.designated):
            continue
        named = [m.system for m in {m.system.name: m for m in _derived_first(
            [m for m in mentions if m.system.name
             and m.system.category == system.category])}.values()]
        choices = ([s for s in named if s.origin == reading.supplier],
                   [s for s in named if (s.name, reading.supplier) in deals],
                   [s for s in named if not _makers_own(s, reading.supplier, deals)]
                   if reading.mention.definite else [],
                   # "Germany and Norway will give Ukraine howitzers" beside their purchase
                   # of Zuzana guns: a donor hands on what it bought, the recipient not having
                   # bought it itself
                   [s for s in named if (s.name, reading.supplier) in bought
                    and (s.name, reading.recipient) not in bought])
        chosen = next((c for c in choices if len(c) == 1), None)
        if chosen:
            renamed = chosen[0].model_copy(update={"mention": system.mention})
            reading.mention = replace(reading.mention, system=renamed, variant=None)


def _makers_own(system: WeaponSystem, supplier: str | None,
                deals: set[tuple[str, str | None]]) -> bool:
    """Whether the article has the system sold only by its maker's country, another than the
    supplier: "the planes" of a French sale are not the US trainers named beside them (but
    "the tanks" of Canada's may be the Leopards that Poland and Norway hand on too)."""
    sellers = {seller for name, seller in deals if name == system.name}
    return bool(sellers) and sellers == {system.origin} and supplier != system.origin


def _makers(mentions: list[Mention], countries: Countries) -> dict[int, set[str]]:
    """Per sentence, the countries that describe a system there ("American-origin",
    "U.S.-made weapons")."""
    found: dict[int, set[str]] = {}
    for mention in mentions:
        span = mention.span
        for token in mention_head(mention).subtree:
            if token.dep_ in MAKER_LINKS and not inside(token, span) and token.i < span.start:
                country = countries.of(token)
                if country:
                    found.setdefault(mention.sent.start, set()).add(country)
    for token in {t.i: t for m in mentions for t in m.sent}.values():
        maker = countries.of(token) if token.dep_ in MAKER_LINKS and lemma(
            token.head) in MAKING_WORDS else None
        if maker:  # "French-made Mirage fighters", however the parser hung the words
            found.setdefault(token.sent.start, set()).add(maker)
    return found


def listed(readings: list[Reading], echoes: list[Mention]) -> list[Reading]:
    """Readings for the named systems that a deal in unnamed weapons lists in its sentence
    ("signed agreements on South Korean weapons: these are FA-50 fighters, K2 tanks and K9
    howitzers"): each gets that deal's parties and status; the unnamed deal is then covered
    by them (``uncovered``)."""
    found: list[Reading] = []
    for reading in readings:
        system = reading.mention.system
        if system.name is not None or not reading.complete:
            continue
        for mention in echoes:
            if mention.sent.start == reading.sent.start and (
                    system.category in (None, mention.system.category)):
                found.append(replace(reading, mention=mention, quantity=None,
                                     quantity_text=None, value=None, value_text=None))
    return found


def _announced(sent: Span, countries: Countries) -> tuple[str, str] | None:
    """"The package includes dozens of howitzers" after "Biden announced a new package of
    military aid for Ukraine": the parties of the deal the sentence's "the package" (or
    "this sale") points back to, read where the article first tells it, by the subject that
    announces it and the country it is for."""
    sents = list(sent.doc.sents)
    place = next(i for i, s in enumerate(sents) if s.start == sent.start)
    nouns: set[str] = set()
    for told in (sent, *sents[max(0, place - 1):place]):  # "It also includes drones"
        nouns = nouns or {lemma(t) for t in told if t.pos_ == "NOUN" and lemma(t) in DEAL_NOUNS
                          and any(c.dep_ == "det" and c.lower_ in ("the", "this")
                                  for c in t.children)}
    if not nouns and any(lemma(t) in CONTENTS for t in sent):
        nouns = set(DEAL_NOUNS)  # "The list of weapons to be provided includes ..."
    for earlier in sents[:place]:
        for noun in (t for t in earlier if t.pos_ == "NOUN" and lemma(t) in nouns):
            receivers = [g for t in noun.subtree if t.dep_ == "prep" and t.lower_ in (
                "for", "to") for g in t.children if g.dep_ == "pobj"]
            recipient = next((c for c in map(countries.of, receivers) if c), None)
            verb = noun
            for _ in range(MAX_HOPS):  # "revealed the specifics of a package of aid"
                if verb.pos_ == "VERB" or verb.head.i == verb.i:
                    break
                verb = verb.head
            subjects = [c for c in verb.children if c.dep_ == "nsubj"]
            supplier = next((c for c in map(countries.of, subjects) if c), None)
            if supplier is None:  # "Two sales to Egypt received approval from the US
                # State Department": who approves a sale makes it
                givers = [g for t in verb.subtree if t.dep_ in ("prep", "agent")
                          and t.lower_ in ("from", "by") for g in t.children
                          if g.dep_ == "pobj"]
                supplier = next((c for c in map(countries.of, givers) if c), None)
            if supplier and recipient and supplier != recipient:
                return supplier, recipient
    return None


def _fill_from_article(reading: Reading, known: list[Reading], countries: Countries) -> None:
    """The sentence's deal in the same kind of weapon, the same system's deal elsewhere in the
    article, the one deal between the two countries this sentence names ("Russia and Turkey
    have other projects..."), or, in a sentence that names none, the article's one pair."""
    # "India received Rafale jets ... for the purchase of 36 aircraft": the sentence's own
    # deal in the same kind of weapon comes before the same kind's deals elsewhere.
    category = reading.mention.system.category
    here = {(r.supplier, r.recipient) for r in known if r.sent.start == reading.sent.start
            and category is not None and r.mention.system.category == category}
    same = {(r.supplier, r.recipient) for r in known if r.system_key == reading.system_key}
    named = countries.in_sentence(reading.sent)
    pairs = {(r.supplier, r.recipient) for r in known if {r.supplier, r.recipient} == named}
    # A sentence that names no country and speaks of "the sale" goes on about the article's
    # deal: "The sale includes four drones" after "a weapons sale to Morocco".
    only = {(r.supplier, r.recipient) for r in known if r.sent.start < reading.sent.start} if (
        not named and _the_deal(reading.sent)) else set()  # (a deal told before it)
    for candidates in (here, same, pairs, only):
        fitting = {p for p in candidates if reading.supplier in (None, p[0])
                   and reading.recipient in (None, p[1])}
        if len(fitting) > 1 and reading.quantity is not None:
            # "approved the sale of 27 Strykers" beside "Argentina has requested to buy 27
            # Strykers" and Thailand's Strykers: the deal of the same count
            fitting = _counted(fitting, reading, known) or fitting
        if len(fitting) == 1:
            reading.supplier, reading.recipient = fitting.pop()
            return
    if not named:
        announced = _announced(reading.sent, countries)
        if announced is not None and reading.supplier in (None, announced[0]) and (
                reading.recipient in (None, announced[1])):
            reading.supplier, reading.recipient = announced
            return
    # One more supplier of the system to the same buyer ("the Netherlands, Norway and Belgium
    # pledge F-16s to Ukraine ... Denmark would deliver the first F-16s"), or the reverse.
    if reading.supplier and reading.recipient is None:
        buyers = {p[1] for p in same} - {reading.supplier}
        if not buyers:  # "Forty-eight K9 howitzers will be imported" after K2s for Poland
            buyers = {r.recipient for r in known if r.supplier == reading.supplier}
        if not buyers and reading.status in ("approved", "negotiating") and (
                reading.role == "seller" and reading.supplier in countries.in_sentence(
                    reading.sent)):
            # "Russia has also agreed to donate 30 T-72 tanks" in an article on Serbia's
            # deals: a donor's decision goes to the article's one buyer
            buyers = {r.recipient for r in known}
        reading.recipient = buyers.pop() if len(buyers) == 1 and (
            reading.supplier not in buyers) else None
    elif reading.recipient and reading.supplier is None:
        sellers = {p[0] for p in same} - {reading.recipient}
        if not sellers and category is not None:  # "the 12 helicopters" after French ones
            sellers = {r.supplier for r in known if r.recipient == reading.recipient
                       and r.mention.system.category == category} - {reading.recipient, None}
        reading.supplier = sellers.pop() if len(sellers) == 1 else None


def _counted(pairs: set[tuple[str | None, str | None]], reading: Reading,
             known: list[Reading]) -> set[tuple[str | None, str | None]]:
    """The one pair whose deal in the same system has the reading's count, if one has."""
    found = {p for p in pairs if any((r.supplier, r.recipient) == p and r.quantity == (
        reading.quantity) and r.system_key == reading.system_key for r in known)}
    return found if len(found) == 1 else set()
