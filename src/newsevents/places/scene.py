"""Where an event happened: which of a sentence's place mentions is the scene of an event,
or the article's dateline for lead sentences.

The scene is the place the trigger's own clause puts the event in, nearest the trigger in the
parse, looked up in the ``Gazetteer`` with the countries the sentence and article name as
context; names that take part in the event ("Turkey bought", "the Iraqi army") or only locate
another place ("Abu Saida, a town near Baquba") are not scenes. The reasons for each rule are
in ``docs/places.md``.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from newsevents.dates import adjunct_head, event_scope, simultaneous_scope, subtree_without
from newsevents.models import Actor, Location
from newsevents.places.gazetteer import (
    COMPASS,
    CONTEXT_CITY_WEIGHT,
    RANK_CITY,
    RANK_COUNTRY,
    RANK_REGION,
    RANK_STATE,
    Context,
    Entry,
    Gazetteer,
    normalise,
)
from newsevents.places.mentions import (
    LANDMARK_WORDS,
    NAME_LINKS,
    NOUNS,
    PLACE_LABELS,
    TOWN_NOUNS,
    UNKNOWN,
    WEAK,
    built,
    event_roles,
    kind,
    known,
    mention_text,
    names_a_place,
    place_mentions,
    place_phrase,
    without_suffix,
)
from newsevents.spans import entities_in, in_lead, lead_dateline

# Clauses whose content someone reports: its places belong to the reported event.
REPORTED_DEPS = frozenset({"ccomp", "csubj", "csubjpass", "parataxis"})
# A place in these relations to its verb takes part in the event ("Turkey bought").
PARTICIPANT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "dative", "iobj", "agent", "attr"})
ACTOR_LABELS = frozenset({"PERSON", "ORG", "NORP"})
CONTEXT_KEY = "newsevents.places.context"
# Words that tie a place to the place around it ("Rafiah Yam in southern Gaza", "the
# district of Baghdad", "Abu Saida, a town near Baquba"), and how many words up the parse
# such a place may sit below the name it places. Set by reasoning: a preposition, its
# object and a compound or a modifier between them.
LOCATING_WORDS = frozenset({"in", "near", "outside", "of", "inside", "at", "around"})
LOCATING_DEPTH = 4
# Relations of a place the parse left unattached in the trigger's phrase ("demonstrated in
# the Togolese capital Lome", read as an adverb): no subject, object, list or possessive.
LOOSE_DEPS = frozenset({"advmod", "npadvmod", "appos", "nmod", "compound", "pobj"})
# What a city is divided into.
CITY_PARTS = frozenset({
    "suburb", "district", "neighbourhood", "neighborhood", "township", "quarter", "camp",
    "refugee camp", "area", "colony", "locality",
})
# Nouns a country's name before them owns rather than places ("US airstrikes", "a U.S.
# base"); before other nouns it may place them ("the Iraq war", "a Myanmar town").
NATIONAL_NOUNS = frozenset({
    "airstrike", "strike", "raid", "bombing", "bombardment", "attack", "shelling", "operation",
    "patrol", "convoy", "base", "embassy", "consulate", "warplane", "jet", "aircraft",
    "helicopter", "drone", "ship", "warship", "soldier", "troop", "force", "official",
})
# Mentions that name a place whether or not the gazetteer knows it.
NAMED_LABELS = frozenset({UNKNOWN, "GPE", "LOC", "FAC"})
# A weak mention in an article that names no country needs a town this big (population, ten
# times that when matched by its main name: 15,000 people by another name, 1,500 by its own).
WEAK_MIN_WEIGHT = 15000.0
# A weak mention of a city this big is that city whatever countries the article names: a
# capital of 100,000 people, or a city of a million, by its main name ("Bamako" tagged as an
# organisation in a story that names France). Set by reasoning; on the corpus's dev split
# (real text) it raised place accuracy from 0.659 to 0.662.
WEAK_CITY_WEIGHT = 10_000_000.0
# ... if no other place of that name is a tenth as big. Set by reasoning.
CITY_DOMINANCE = 10.0


def dateline(text: str, gazetteer: Gazetteer) -> Location | None:
    """The place in the article's dateline ("MOSCOW – ...", "KYIV, Ukraine (AP) —")."""
    found = lead_dateline(text)
    if found is None:
        return None
    return _lookup_with_region(gazetteer, found[1].place, found[1].region)


def _lookup_with_region(
    gazetteer: Gazetteer, place: str, region: str | None, context: Context | None = None
) -> Location | None:
    entry = _best_with_region(gazetteer, place, region, context)
    return entry.location() if entry is not None else None


def _best_with_region(
    gazetteer: Gazetteer, place: str, region: str | None, context: Context | None = None
) -> Entry | None:
    hint = gazetteer.lookup(region) if region else None
    return gazetteer.best(place, hint.country if hint else None, context)


def event_location(
    sent: Span, trigger: Token, gazetteer: Gazetteer, default: Location | None, *,
    topical: bool = False,
) -> Location | None:
    """The place where the trigger's event happened, or ``default`` for lead sentences
    (``_scene``)."""
    return _scene(sent, trigger, gazetteer, default, topical)[0]


def event_locations(
    sent: Span, trigger: Token, gazetteer: Gazetteer, default: Location | None, *,
    listed: bool = True, topical: bool = False,
) -> list[Location]:
    """The event's place, then (with ``listed``) the places listed beside it as further
    scenes of the same verb ("demonstrated in Berlin and in the German town of Mainz"), for
    the types whose acts in several places are several events (docs/annotation.md).
    ``topical``: the trigger's object and its "against", "over" or "for" phrase say what the
    act is about, not where it happened (``_topic``)."""
    location, ent = _scene(sent, trigger, gazetteer, default, topical)
    if location is None:
        return []
    found = [location]
    others = _listed_with(ent, place_mentions(sent, gazetteer)) if listed and ent else []
    if not others:
        return found
    context = _context(sent, gazetteer)
    for other in others:
        entry = _geocode(other, gazetteer, context)
        # A conjunct shares the role of the scene it is listed with.
        if entry is not None and all(f.name != entry.name for f in found):
            found.append(entry.location())
    return found


def _listed_with(ent: Span, mentions: list[Span]) -> list[Span]:
    """The place mentions coordinated with ``ent``: its own conjuncts ("in Paris and Lyon"),
    the objects of a coordinated preposition ("in Paris and in Lyon"), and a conjunct's
    of-phrase ("and the town of Khan Yunis")."""
    at = {m.root.i: m for m in mentions}
    root = ent.root
    heads = list(root.conjuncts)
    if root.dep_ == "pobj":
        heads += [c for p in root.head.conjuncts for c in p.children if c.dep_ == "pobj"]
    listed: list[Span] = []
    for head in heads:
        if head.i in at:
            listed.append(at[head.i])
            continue
        listed += [
            at[c.i] for of in head.children if of.dep_ == "prep" and of.lower_ == "of"
            for c in of.children if c.dep_ == "pobj" and c.i in at
        ]
    return [m for m in listed if m is not ent]


def _scene(
    sent: Span, trigger: Token, gazetteer: Gazetteer, default: Location | None,
    topical: bool = False,
) -> tuple[Location | None, Span | None]:
    """The place where the trigger's event happened, or ``default`` for lead sentences, and
    the mention it was read from where a list may go on from it.

    A place counts only as the event's scene, never as a participant ("Turkey bought",
    "Ankara authorities", "supply weapons to Turkey"). In order:

    1. the scene of the trigger: the object of a locative preposition ("in", "near",
       "outside"...), of "to" after a movement verb ("dispatched inspectors to Esfahan"), the
       object or passive subject of a verb such as "visit", "attack" or "capture", or a
       modifier of an event noun ("the Geneva talks"). Places attached to the trigger's own
       phrase come first, then those of the verbs it shares adjuncts with, then those in the
       circumstantial clauses below them ("resigned ... as the opposition threatened to
       storm his residence in Tbilisi"), then those of the clause a "when" clause of the
       trigger tells the same moment as, nearest to the trigger first;
    2. a place inside such a scene phrase: a possessive, compound or of-phrase ("in the
       courtyard of the West Bank's largest hospital", "over the suburbs of Aleppo", "struck
       the Idlib governorate", "in the battle for Shaddadi");
    3. a place the parse left unattached in the trigger's own phrase, as a modifier and not
       as an actor or an object ("demonstrated in the Togolese capital Lome", read as an
       adverb), then a place in a locative phrase elsewhere in the sentence, outside
       reported speech;
    4. the one place the sentence names that is not a participant, if there is exactly one.

    A country or region found so gives way to a town inside it that the event's own phrase
    also names ("a prison in Cascavel ... in Brazil", "near the city of Hebron" beside "in the
    West Bank"), and a town or village that the place found locates is the scene ("the
    settlement of Rafiah Yam in southern Gaza", "the streets of Oldham, a town near
    Manchester"). A place in reported content ("said that ... in the US") is not the
    speaker's event's. With ``topical``, a place inside what the act is about is skipped
    (``_topic``).

    With no place in the sentence, the dateline (``default``) is used only for sentences in
    the first paragraphs, where wire stories report what happened at the dateline; later
    paragraphs drift to background and reactions from elsewhere.
    """
    mentions = place_mentions(sent, gazetteer)
    context = _context(sent, gazetteer)
    if topical and mentions:
        topic = _topic(trigger)
        mentions = [m for m in mentions
                    if m.root.i not in topic or not _wide(m, gazetteer, context)]
    if not mentions:
        return (default if in_lead(sent) else None), None
    # Last, the clause the trigger's own tells the same moment as ("were patrolling a road
    # in Rangae district when the insurgents detonated a bomb"): one moment, one place.
    tiers = (*event_scope(trigger), _circumstances(trigger), simultaneous_scope(trigger))
    own = tiers[0] | tiers[1] | tiers[2]
    clause = _speech_clause(trigger)
    direct: list[tuple[int, bool, int, Span]] = []
    nested: list[tuple[int, bool, int, Span]] = []
    elsewhere: list[tuple[int, Span]] = []
    loose: list[tuple[int, Span]] = []
    free: list[Span] = []
    for ent in mentions:
        if _speech_clause(ent.root) != clause and ent.root.i not in own:
            continue
        if _nationality(ent, gazetteer):
            continue
        distance = abs(ent.root.i - trigger.i)
        anchor, depth = _nested_anchor(ent, trigger)
        tier = _tier(anchor, tiers)
        if tier is not None:
            # Within a tier, a place on the trigger itself before one on a noun below it.
            key = (tier, anchor.i != trigger.i, distance)
            (direct if depth == 0 else nested).append((*key, ent))
        elif anchor is not None:
            elsewhere.append((distance, ent))
        elif ent.root.i in tiers[0] and _loose(ent, trigger):
            loose.append((distance, ent))  # "demonstrated in the Togolese capital Lome"
        if ent.label_ not in (WEAK, UNKNOWN) and not _participant(ent, trigger):
            free.append(ent)
    ordered = [e for *_, e in sorted(direct, key=lambda r: r[:3])]
    ordered += [e for *_, e in sorted(nested, key=lambda r: r[:3])]
    # The scene's own name when the gazetteer lacks it ("the village of Abu Leiha").
    unknown = ordered[0] if ordered and _named_scene(ordered[0], gazetteer, context) else None
    ordered += [e for _, e in sorted(loose, key=lambda r: r[0])]
    ordered += [e for _, e in sorted(elsewhere, key=lambda r: r[0])]
    for ent in ordered:
        found = _geocode(ent, gazetteer, context)
        if found is not None:
            refined = _refine(found, ent, mentions, own, trigger, gazetteer, context)
            if unknown is not None and ent is not unknown:
                return _unknown_place(unknown, refined.country), None  # "a village near Aleppo"
            part = _part_of_city(refined, mentions, own, gazetteer, context)
            if part is None and refined.rank > RANK_CITY:
                part = _village_in(refined, mentions, own, trigger, gazetteer, context)
            if part is None and refined is found:
                part = _located_there(ent, found, mentions, clause, gazetteer, context)
            return (part, None) if part is not None else (refined.location(), ent)
    if unknown is not None:
        return _unknown_place(unknown, _one_country(context)), None
    located = [f for e in free if (f := _geocode(e, gazetteer, context)) is not None]
    if len({f.geonameid or f.name for f in located}) == 1:
        return located[0].location(), None
    return (default if in_lead(sent) else None), None


def _topic(trigger: Token) -> set[int]:
    """What a protest, a blame, a demand or a refusal is about: the trigger's object and its
    "against", "over" or "for" phrase ("rallied against the army's raids in the north",
    "demanded the release of prisoners held in Chad"). A place there is the topic; the act
    happened where the protesters or the speaker were."""
    roles = event_roles()
    scene_words = roles["topic_scene_prepositions"]
    # A verb of movement or of visiting has a place for its object ("marched the streets of
    # the capital"), never a topic.
    moves = trigger.lemma_.lower() in {*roles["to_is_scene"], *roles["object_is_scene"]}
    found: set[int] = set()
    todo = [c for c in trigger.children if (c.dep_ in roles["topic_deps"] and not moves) or (
        c.dep_ == "prep" and c.lower_ in roles["topic_prepositions"])]
    while todo:
        token = todo.pop()
        found.add(token.i)
        # "protested against the plan outside its offices in the capital": the parser hangs
        # the protest's own scene from the object.
        todo += [c for c in token.children
                 if not (c.dep_ == "prep" and c.lower_ in scene_words)]
    return found


def _wide(ent: Span, gazetteer: Gazetteer, context: Context) -> bool:
    """A country or a region wider than a province: what a protest or a demand is about
    ("against the policy in the Middle East"), where a town or a province in the same
    phrase is more often the scene the parser hung from the object ("marched against the
    new tax in Kaduna")."""
    found = _geocode(ent, gazetteer, context)
    return found is not None and found.rank >= RANK_REGION


def _loose(ent: Span, trigger: Token) -> bool:
    """A place the parse left in the trigger's own phrase as a modifier, not as an actor,
    an object or one of a list of them: "demonstrated in the Togolese capital Lome" (read as
    an adverb), "patrolling downtown Tbilisi Saturday", "Israel's invasion of Lebanon"."""
    root = ent.root
    if ent.label_ == UNKNOWN or root.dep_ not in LOOSE_DEPS:
        return False
    if root.dep_ == "pobj" and root.head.lower_ != "of":
        return False
    return not _participant(ent, trigger, by_name=False)


def _one_country(context: Context) -> str | None:
    """The country around a place the gazetteer lacks: the one the sentence names, else the
    one the whole article names ("protesters gathered in Martyrs Square" in a story that
    names only Lebanon)."""
    for countries in (context.sentence, context.article):
        if countries:
            return next(iter(countries)) if len(countries) == 1 else None
    return None


def _named_scene(ent: Span, gazetteer: Gazetteer, context: Context) -> bool:
    """A scene named as a place, or one the sentence calls a town whose only readings lie in
    far countries ("in the town of Taji, north of Baghdad": Taji is no Japanese village)."""
    if ent.label_ in NAMED_LABELS:
        return True
    return names_a_place(ent) and _geocode(ent, gazetteer, context) is None


def _nationality(ent: Span, gazetteer: Gazetteer) -> bool:
    """A country's name before a noun of arms or envoys says whose it is, not where: "US
    airstrikes on Jabal al-Thurdeh", "a U.S. base at Balad", "a U.S. patrol in the Fdhiliyah
    neighborhood"."""
    root = ent.root
    if root.dep_ not in ("compound", "nmod", "amod") or root.head.pos_ != "NOUN":
        return False
    if root.head.lemma_.lower() not in NATIONAL_NOUNS:
        return False
    readings = gazetteer.readings(mention_text(ent))
    return bool(readings) and readings[0].rank >= RANK_COUNTRY


def _tier(anchor: Token | None, tiers: tuple[set[int], ...]) -> int | None:
    if anchor is None:
        return None
    return next((n for n, scope in enumerate(tiers) if anchor.i in scope), None)


def _circumstances(trigger: Token) -> set[int]:
    """Everything below the trigger and the verbs it hangs from, except reported speech."""
    heads = [trigger]
    while (head := adjunct_head(heads[-1])) is not None:
        heads.append(head)
    found: set[int] = set()
    for head in heads:
        found |= subtree_without(head, REPORTED_DEPS)
    return found


def _speech_clause(token: Token) -> int:
    """The reported clause (or the sentence) the token belongs to, by its head's index."""
    while token.head.i != token.i:
        if token.dep_ in REPORTED_DEPS:
            return token.i
        token = token.head
    return token.i


def _unknown_place(ent: Span, country: str | None) -> Location:
    """A place named but not in the gazetteer: its name as written, in the country around it."""
    doc, start = ent.doc, ent.start
    while start > ent.sent.start and (
        doc[start - 1].pos_ == "PROPN" or doc[start - 1].lower_ in NAME_LINKS
    ) and doc[start - 1].head.i in range(start - 1, ent.end):
        start -= 1  # the tagger cut "Qala-e-" from "Zaman Khan"
    name = mention_text(doc[start : ent.end])
    if name[:4].lower() == "the ":
        name = name[4:]
    return Location(name=name, country=country)


def _plausible(ent: Span, entry: Entry, context: Context) -> bool:
    """A weak mention's reading must be a known region or country, a town in a country the
    article names (or a neighbour of one), or a town of some size."""
    if entry.rank == RANK_CITY and context.sentence and entry.weight < CONTEXT_CITY_WEIGHT and (
        entry.country not in context.article | context.near
    ):
        return False  # "in Babel province, south of Baghdad" is not a village in Ukraine
    if entry.rank == RANK_STATE and entry.geonameid is None and context.sentence and (
        entry.country not in context.article | context.near
    ):
        return False  # "the Mayo district of Pattani province" is not the Irish county
    if ent.label_ != WEAK or entry.rank > RANK_CITY or names_a_place(ent):
        return True  # "the town of Kupres" says it is a town
    text = ent.text
    if "." in text or (text.isupper() and len(text) <= 4):  # "U.N.", "SDF"
        return False
    return context.factor(entry.country) > 1.0 or entry.weight >= WEAK_CITY_WEIGHT or (
        not context.article and entry.weight >= WEAK_MIN_WEIGHT
    )


def _scene_anchor(root: Token, trigger: Token) -> Token | None:
    """The word the phrase headed by ``root`` is the scene of, or None (a participant)."""
    roles = event_roles()
    head = root.head
    if root.dep_ == "pobj" and head.dep_ in ("prep", "dative"):
        if head.lower_ == "on" and root.ent_type_:
            # "on the outskirts of Aleppo", "an attack on eastern Ghouta" (a town or region;
            # an attack on a country is on its state), but not "called on Egypt"
            if head.head.lemma_.lower() not in roles["on_is_scene"] or _country_named(root):
                return None
            return head.head
        if head.lower_ in roles["locative_prepositions"]:
            return head.head
        if head.lower_ == "to" and head.head.lemma_.lower() in roles["to_is_scene"]:
            return head.head
        if head.lower_ == "to" and head.head.lower_ in ("close", "next"):  # "close to Poso"
            return head.head.head
        return None
    if root.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in roles["object_is_scene"]:
        return head
    if root.dep_ in ("compound", "nmod") and head == trigger and trigger.pos_ == "NOUN":
        return head
    return None


def _country_named(token: Token) -> bool:
    readings = Gazetteer.load().readings(token.doc[token.left_edge.i : token.i + 1].text)
    return bool(readings) and readings[0].rank >= RANK_COUNTRY


def _nested_anchor(ent: Span, trigger: Token) -> tuple[Token | None, int]:
    """The scene anchor of the mention, or of the noun phrase it sits in, and how deep.

    Climbs from the place through possessives, compounds, modifiers and of-phrases ("the
    West Bank's largest hospital", "the suburbs of Aleppo", "the fence separating the Gaza
    Strip from Israel") to a noun that is itself a scene.
    """
    roles = event_roles()
    inner = frozenset(roles["phrase_prepositions"])
    token = ent.root
    depth = 0
    side = token.head.head
    if token.dep_ == "pobj" and token.head.lower_ == "of" and side.lower_ in COMPASS and (
        side.dep_ in ("advmod", "npadvmod", "amod")
    ):
        # "killed under shelling west of Kobane": near there, after a place named as the scene
        verb = next((a for a in side.ancestors if a.pos_ == "VERB"), None)
        return verb, 1
    if (named := _named_after(ent)) is not None:
        token = named  # "in the capital, Islamabad," read by the parser as an adverb
    for _ in range(int(roles["phrase_depth"]) + 1):
        anchor = _scene_anchor(token, trigger)
        if anchor is not None:
            return anchor, depth
        head = token.head
        if head.i == token.i:
            break
        if token.dep_ in ("poss", "compound", "nmod", "amod", "appos", "conj"):
            depth += not _names(token, head)
            token = head
        elif head.head.pos_ in NOUNS and (
            (token.dep_ == "pobj" and head.lower_ in inner)
            or (token.dep_ == "dobj" and head.dep_ in ("acl", "relcl"))
        ):
            depth += not _names(token, head.head)
            token = head.head
        else:
            break
        if token.pos_ not in NOUNS:
            break
    return None, 0


def _named_after(ent: Span) -> Token | None:
    """The town noun a name follows after a comma ("the capital, Islamabad", "the northern
    city, Jaffna") when the parser hung the name elsewhere: the name stands in its place."""
    doc = ent.doc
    if ent.start < 2 or doc[ent.start - 1].text != "," or ent.root.dep_ == "appos":
        return None
    noun = doc[ent.start - 2]
    return noun if kind(noun) in TOWN_NOUNS and noun.pos_ == "NOUN" else None


def _names(name: Token, noun: Token) -> bool:
    """Whether ``name`` is the name of the place ``noun`` ("the town of Kupres", "Gaidamgari
    village", "the capital Rabat"): the scene itself, not a place around it."""
    if name.dep_ not in ("appos", "compound", "pobj") or name.pos_ != "PROPN":
        return False
    if name.dep_ == "compound" and _of_objects(noun) and known(
        Gazetteer.load(), _proper_run(name).text
    ):
        return False  # "the Harare township of Highfield": Harare is around it, but "the
        # Kafr Souseh area of Damascus" names a place too small for the gazetteer
    return kind(noun) in TOWN_NOUNS | LANDMARK_WORDS


def _proper_run(token: Token) -> Span:
    """The proper name ending at ``token`` ("Kafr Souseh", not "the north Cameroon")."""
    doc, start = token.doc, token.i
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].head.i <= token.i:
        start -= 1
    return doc[start : token.i + 1]


def _of_objects(noun: Token) -> list[Token]:
    return [g for c in noun.children if c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]


def _participant(ent: Span, trigger: Token, by_name: bool = True) -> bool:
    """A place that acts, is acted on, or names where an actor comes from; ``by_name``: or
    a place our actor tables know as a state, where the parse does not say its role
    ("Ankara warned"), which is too strict for a place the parse left in the trigger's own
    phrase unattached ("demonstrated in the Togolese capital Lome")."""
    root = ent.root
    if _in_participant_phrase(root):
        return True  # "protested against Washington's threat"
    if by_name and root._.actor is not None and root.dep_ not in ("pobj", "poss"):
        return True
    if root.dep_ in PARTICIPANT_DEPS:
        return True
    if root.dep_ == "pobj" and root.head.lower_ in event_roles()["participant_prepositions"]:
        return True
    if root.dep_ in ("compound", "nmod", "amod", "poss"):
        head = root.head
        while head.dep_ in ("compound", "nmod", "amod") and head.head.i != head.i:
            head = head.head  # "the Lagos state police"
        nouns = event_roles()["actor_nouns"]
        return head._.actor is not None or head.ent_type_ in ACTOR_LABELS or (
            head.lower_ in nouns or head.lemma_.lower() in nouns
        )
    return False


def _part_of_city(
    city: Entry, mentions: list[Span], own: set[int], gazetteer: Gazetteer, context: Context
) -> Location | None:
    """A district of the city found, named in the event's phrase ("in Sarajevo, ... through
    the suburb of Dobrinja", "in Kabul's Sayadan district"): the finer place."""
    if city.rank != RANK_CITY:
        return None
    for other in mentions:
        if other.root.i not in own or not names_a_place(other, CITY_PARTS):
            continue
        known = _geocode(other, gazetteer, context)
        if known is not None and known.country == city.country:
            return known.location()
        if known is None:
            return _unknown_place(other, city.country)
    return None


def _village_in(
    region: Entry, mentions: list[Span], own: set[int], trigger: Token, gazetteer: Gazetteer,
    context: Context,
) -> Location | None:
    """A town too small for the gazetteer that the event's phrase calls a town, inside the
    country or region found ("in the border village of Ain Arab in southeast Lebanon")."""
    for other in mentions:
        if other.root.i not in own or other.label_ not in NAMED_LABELS:
            continue
        if _participant(other, trigger) or not names_a_place(other, TOWN_NOUNS):
            continue
        if _geocode(other, gazetteer, context) is None:
            return _unknown_place(other, region.country)
    return None


def _located_there(
    ent: Span, found: Entry, mentions: list[Span], clause: int, gazetteer: Gazetteer,
    context: Context,
) -> Location | None:
    """A town or a village that the place found locates: "the Jewish settlement of Rafiah
    Yam in southern Gaza", "Adil neighborhood in western Baghdad", "the Homs neighbourhood of
    Baba Amr", "the streets of Oldham, a town near Manchester". News names the village, the
    district or the camp where it happened and places it by a town or a province the reader
    knows; the corpus marks the village. Such a name is in the country of the place that
    locates it, whatever namesakes the gazetteer has elsewhere. Not a building, which the
    corpus places by its town ("outside New York's Plaza Hotel")."""
    for other in mentions:
        if other is ent or other.label_ not in NAMED_LABELS | {WEAK}:
            continue
        if _speech_clause(other.root) != clause or built(other) or not _locates(ent, other):
            continue
        town = _geocode(other, gazetteer, context)
        if town is not None and place_phrase(ent.root).i == place_phrase(other.root).i:
            continue  # "the Findik region of Sirnak": two known names of one noun
        if town is not None and town.rank == RANK_CITY and found.country in (None, town.country):
            return town.location()  # "Bishkek, capital of Kyrgyzstan in central Asia"
        if town is None or town.rank == RANK_CITY:
            return _unknown_place(other, found.country)
    return None


def _locates(outer: Span, inner: Span) -> bool:
    """Whether ``outer`` sits in the noun phrase of the place ``inner`` names, as what
    places it: "Rafiah Yam in southern Gaza", "the Homs neighbourhood of Baba Amr". Where
    both name one noun that is no part of a city, its of-phrase is its name and the other a
    description ("the Azov Sea port city of Mariupol", "Syria's border city of Ras al-Ain")."""
    head = place_phrase(inner.root)
    token = outer.root
    for _ in range(LOCATING_DEPTH):
        if token.head.i == token.i or token.head.pos_ in ("VERB", "AUX"):
            return False
        if token.dep_ == "pobj" and token.head.lower_ not in LOCATING_WORDS:
            return False
        token = token.head
        if token.i == head.i:
            return kind(head) in CITY_PARTS or (
                inner.root.head.lower_ == "of" and not _surroundings(inner)
            )
    return False


def _in_participant_phrase(token: Token) -> bool:
    """Whether the noun phrase the token sits in hangs from a participant preposition."""
    participants = event_roles()["participant_prepositions"]
    while token.head.i != token.i and token.dep_ in ("poss", "compound", "nmod", "amod",
                                                       "appos", "conj", "pobj"):
        token = token.head
        if token.dep_ == "prep" or token.pos_ == "ADP":
            return token.lower_ in participants and token.lower_ not in ("on", "from")
    return False


def _refine(
    found: Entry, ent: Span, mentions: list[Span], own: set[int], trigger: Token,
    gazetteer: Gazetteer, context: Context,
) -> Entry:
    """A town inside the country or region found, named in the event's own phrase."""
    if found.country is None or found.rank == RANK_CITY:
        return found
    for other in mentions:
        if other is ent or other.root.i not in own or _participant(other, trigger):
            continue
        if _object_of_other_verb(other, trigger):
            continue
        if _surroundings(other):
            continue
        town = _geocode(other, gazetteer, context)
        if town is not None and town.country == found.country and _finer(town, found):
            return town
    return found


def _surroundings(ent: Span) -> bool:
    """Whether a town's name stands for the land around it ("the East Ghouta region of rural
    Damascus", "the Aleppo countryside"), which holds a region rather than lies inside it."""
    root = ent.root
    return any(child.lower_ == "rural" for child in root.children) or (
        root.dep_ == "compound" and root.head.lower_ == "countryside"
    )


def _finer(place: Entry, around: Entry) -> bool:
    """A town inside anything larger, or a province inside its country ("in Russia's
    southern region of Ingushetia")."""
    return place.rank == RANK_CITY or (
        place.rank in (RANK_STATE, RANK_REGION) and around.rank > RANK_REGION
    )


def _object_of_other_verb(ent: Span, trigger: Token) -> bool:
    """Whether the place is what another verb acts on ("captured X ... besieging Kabul")."""
    for token in [ent.root, *ent.root.ancestors]:
        if token.dep_ in ("dobj", "nsubjpass"):
            return token.head.i != trigger.i and token.head.pos_ in ("VERB", "AUX")
        if token.dep_ not in ("compound", "appos", "conj"):
            return False
    return False


def _context(sent: Span, gazetteer: Gazetteer) -> Context:
    doc = sent.doc
    per_sentence = doc.user_data.get(CONTEXT_KEY)
    if per_sentence is None:
        per_sentence = {}
        for other in doc.sents:
            per_sentence[other.start] = frozenset(_countries_in(other, gazetteer))
        doc.user_data[CONTEXT_KEY] = per_sentence
    article = frozenset().union(*per_sentence.values())
    here = per_sentence.get(sent.start, frozenset())
    near = frozenset().union(*(gazetteer.neighbours.get(c, frozenset()) for c in article))
    return Context(here, article, near)


def _countries_in(sent: Span, gazetteer: Gazetteer) -> Iterator[str]:
    """Countries named or implied by a nationality ("Israeli troops") in the sentence, or by
    a named group our actor tables place ("the Moro Islamic Liberation Front": the
    Philippines, so "the town of Carmen" is not in Mexico), also where the group's name only
    qualifies the noun that heads the actor ("PKK fighters ... in the town of Sur": Turkey, not
    Oman). Not a news agency: "the source told Xinhua" says nothing of where a bomb went off
    in Baghdad."""
    for ent in entities_in(sent):
        actor = _actor_of(ent) if ent.label_ in ("ORG", "PERSON") else None
        if actor is not None and actor.country and not actor.igo and actor.sector != "JRN":
            yield actor.country
        if ent.label_ == "NORP":
            code = gazetteer.adjectives.get(normalise(ent.text))
            if code:
                yield code
        elif ent.label_ in PLACE_LABELS:
            readings = gazetteer.readings(mention_text(ent))
            if readings and readings[0].country and (
                _plain_region(readings) or _plain_city(readings)
            ):
                yield readings[0].country


def _actor_of(ent: Span) -> Actor | None:
    """The actor a name resolves to, on its own head or on the noun it is a compound of."""
    root = ent.root
    if root._.actor is None and root.dep_ == "compound":
        return root.head._.actor
    return root._.actor


def _plain_region(readings: list[Entry]) -> bool:
    """A country, a region of our tables, or a province no town shares a name with ("Benue
    State"; not "Mayo", a county of Ireland and a district of Thailand)."""
    first = readings[0]
    if first.rank <= RANK_CITY:
        return False
    return first.rank > RANK_STATE or first.geonameid is not None or len(readings) == 1


def _plain_city(readings: list[Entry]) -> bool:
    """A big city whose name hardly means anything else ("Baghdad", "Kaduna"; not
    "Bethlehem", which is also Belem in Brazil)."""
    first = readings[0]
    return first.weight >= CONTEXT_CITY_WEIGHT and (
        len(readings) == 1 or first.weight >= CITY_DOMINANCE * readings[1].weight
    )


def _geocode(ent: Span, gazetteer: Gazetteer, context: Context) -> Entry | None:
    """Look the mention up, honouring an apposed country or state ("Kyiv, Ukraine")."""
    region = next((c for c in ent.root.children if c.dep_ == "appos"), None)
    region_text = None
    if region is not None:
        region_text = mention_text(ent.doc[region.left_edge.i : region.right_edge.i + 1])
    text = mention_text(ent)
    if not any(word[:1].isupper() for word in text.replace("-", " ").split()):
        return None  # a common word; but "al-Bab" is a name
    found = _best_with_region(gazetteer, text, region_text, context)
    if found is None and (name := without_suffix(text)):  # "Deir Ezzor Governorate"
        found = _best_with_region(gazetteer, name, region_text, context)
    return found if found is not None and _plausible(ent, found, context) else None
