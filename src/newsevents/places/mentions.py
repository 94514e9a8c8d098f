"""The place names a sentence holds: the model's place entities, names it tagged as something
else that the parse or the gazetteer shows to be places ("in the village of Kafr Naya"), and
names the gazetteer knows that the model missed; never a person, a people or a date.

Found once per sentence and kept on the ``Doc`` (``MENTIONS_KEY``) for every event of it.
"""

from __future__ import annotations

import calendar
import json
from collections.abc import Container
from functools import cache

from spacy.tokens import Doc, Span, Token

from newsevents.places.gazetteer import (
    COMPASS,
    Gazetteer,
    normalise,
)
from newsevents.spans import entities_in, per_sentence
from newsevents.tables import data_path
from newsevents.weapons import names_weapon

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Labels spaCy gives to landmarks that stand for a city ("the Kremlin" is often an ORG).
LANDMARK_LABELS = frozenset({"ORG", "FAC", "GPE", "LOC"})
DASHES = frozenset({"–", "—", "-", "--", "("})
NOUNS = frozenset({"NOUN", "PROPN"})
# Words and marks inside a proper name ("Deir ez-Zor", "Ras al-Ain").
NAME_LINKS = frozenset({"-", "al", "el", "ez", "ad", "ar", "as", "az", "ash", "an", "de", "du", "e",
                        "la", "bin", "ibn", "abu"})
# Words after a name that say what kind of place it is ("the Idlib governorate").
PLACE_SUFFIXES = frozenset({
    "governorate", "province", "district", "city", "town", "village", "area", "region",
    "county", "neighbourhood", "neighborhood", "camp", "countryside", "municipality", "state",
    "suburb", "suburbs", "outskirts", "refugee camp",
})
MENTIONS_KEY = "newsevents.places.mentions"
PERSON_WORDS_KEY = "newsevents.places.person_words"
# The words tagged as people that the actor tables name as people, set by the actor stage
# (which runs first and reads the gazetteer, so this module cannot ask the tables itself).
KNOWN_PEOPLE_KEY = "newsevents.places.known_people"
# Labels the model gives to place names it does not know; such mentions are "weak".
WEAK_LABELS = frozenset({
    "ORG", "PERSON", "DATE", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LANGUAGE",
})
WEAK = "WEAK"
# Endings of words for peoples, faiths and followers ("Palestinians", "Kurdish", "Shiite").
PEOPLE_ENDINGS = ("s", "ian", "ish", "ese", "i")
# Faiths, communities and creeds a neighbourhood or a camp is named for ("his Rohingya
# Muslim neighborhood", "a Nazi camp").
FAITHS = frozenset({
    "muslim", "christian", "jewish", "hindu", "sunni", "shia", "shiite", "buddhist", "alawite",
    "druze", "kurd", "turkmen", "yazidi", "catholic", "protestant", "orthodox", "sikh",
    "maronite", "coptic", "rohingya", "nazi", "islamist", "islamic", "communist", "zionist",
})
# First words of Arabic place names: hill, village, inn, mountain, monastery, spring, house,
# valley, cape, well, castle, quarter ("Tal Al-Bardah", "Kafr Naya", "Deir Hafer").
PLACE_PREFIXES = frozenset({
    "tal", "tel", "tall", "tell", "kafr", "kfar", "kafar", "khan", "jabal", "jebel", "deir",
    "ain", "beit", "wadi", "ras", "bir", "qasr", "dahiyat", "hayy", "mount", "qalaat",
})
# Labels the model gives to a village's name that a known place then locates.
LOCATED_LABELS = frozenset({"ORG", "PERSON", "NORP", "FAC", "PRODUCT", "WORK_OF_ART"})
# Last words of buildings, which the corpus places by their town ("building with its town").
BUILDING_WORDS = frozenset({
    "theater", "theatre", "office", "offices", "stadium", "school", "elementary", "hospital",
    "house", "park", "hotel", "center", "centre", "church", "museum", "palace", "embassy",
    "complex", "building", "mall", "club", "restaurant", "cafe", "court", "courthouse",
    "ministry", "headquarters", "parliament", "library", "cathedral", "temple", "synagogue",
})
# ... and, with bases and streets, what the corpus places by its town rather than by name.
BUILT_WORDS = BUILDING_WORDS | {
    "factory", "plant", "base", "road", "street", "avenue", "highway", "boulevard",
    "thoroughfare",
}
# Prepositions before a village's name that the next words locate ("at Olangur in ...").
LOCATING_PREPOSITIONS = frozenset({"in", "at", "near", "on", "outside", "inside", "into"})
# Words between such a name and the place that locates it ("some 20 kilometers (12 miles)").
DISTANCE_WORDS = frozenset({
    "just", "some", "about", "around", "roughly", "nearly", "almost", "kilometers", "kilometres",
    "km", "miles", "mi", "meters", "metres",
})
# How many words after the name the locating place may start within. Set by reasoning: the
# longest distance phrase above with its conversion in brackets.
LOCATING_REACH = 12
# Prepositions that put an event inside or beside a place, never a person.
INSIDE_WORDS = frozenset({"in", "inside", "near", "outside", "around"})
# A name the sentence calls a place but the gazetteer does not know.
UNKNOWN = "UNKNOWN"
# Nouns for a town or a smaller place: their name is the scene itself, where a "state of" or
# "province of" name is a region around it.
TOWN_NOUNS = frozenset({
    "town", "village", "city", "capital", "district", "suburb", "neighbourhood",
    "neighborhood", "township", "quarter", "camp", "area", "hamlet", "locality",
})
# Plurals whose of-phrase names the place they are parts of, not places of their kind.
PARTS_OF_PLACES = frozenset({"area", "part"})
# Last words of landmark names, and nouns whose "of" phrase names a place.
LANDMARK_WORDS = frozenset({
    "airport", "base", "checkpoint", "junction", "roundabout", "square", "market", "factory",
    "farms", "field", "fields", "hill", "hills", "mountain", "mountains", "valley", "bridge",
    "crossing", "station", "airbase", "port", "university", "hospital", "mosque", "prison",
    "township", "settlement", "enclave", "quarter", "island", "islands", "border", "road",
})
CALENDAR_WORDS = frozenset(
    name.lower() for name in [*calendar.month_name, *calendar.month_abbr, *calendar.day_name]
    if name
)


@cache
def event_roles() -> dict[str, list[str] | int]:
    """Syntactic cues for the scene of an event, read once per process."""
    return json.loads(data_path("places", "event_roles.json").read_text(encoding="utf-8"))


def place_mentions(sent: Span, gazetteer: Gazetteer) -> list[Span]:
    """Place entities, plus landmarks in our alias table, minus the dateline itself.

    The model labels many towns it has not seen as organisations, people or dates
    ("in central Hasakah", "near Manbij") or not at all: such names, and runs of proper
    nouns outside any entity, are kept as weak mentions (label ``WEAK``) when the gazetteer
    knows them; they count only in a scene's phrase (``scene._plausible``).

    Read once per sentence, not per event: a sentence with several candidate events asked
    for them each time.
    """
    return per_sentence(sent, MENTIONS_KEY, lambda s: _read_place_mentions(s, gazetteer))


def _read_place_mentions(sent: Span, gazetteer: Gazetteer) -> list[Span]:
    doc = sent.doc
    mentions = []
    covered: set[int] = set()
    for ent in (_whole_name(_without_leading_article(e), gazetteer) for e in entities_in(sent)):
        covered.update(range(ent.start, ent.end))
        if (_is_dateline(ent) or ent.text.islower() or _named_participant(ent) or _person(ent)
                or names_weapon(ent.text)):
            continue
        if ent.label_ in PLACE_LABELS and not known(gazetteer, mention_text(ent)) and (
            lead := _leading_name(ent)
        ) is not None and known(gazetteer, lead.text):
            mentions.append(Span(doc, lead.start, lead.end, label=WEAK))  # "Bamut earlier"
        elif ent.label_ in PLACE_LABELS or (
            ent.label_ in LANDMARK_LABELS and gazetteer.is_alias(ent.text)
        ):
            mentions.append(ent)
        elif (ent.label_ in WEAK_LABELS or _town_as_people(ent, gazetteer)) and known(
            gazetteer, mention_text(ent)
        ) and not (
            ent.label_ == "DATE" and any(t.like_num or t.lower_ in CALENDAR_WORDS for t in ent)
        ):
            mentions.append(Span(doc, ent.start, ent.end, label=WEAK))
        elif (
            (ent.label_ in WEAK_LABELS - {"DATE"} or _village_as_people(ent, gazetteer))
            and names_a_place(ent)
        ) or (ent.label_ in LOCATED_LABELS and (
            _located_name(ent, gazetteer) or _name_in(ent, gazetteer)
        )):
            mentions.append(Span(doc, ent.start, ent.end, label=UNKNOWN))
        elif (lead := _leading_name(ent)) is not None and known(gazetteer, lead.text):
            mentions.append(Span(doc, lead.start, lead.end, label=WEAK))
    i = sent.start
    while i < sent.end:
        j = _name_end(doc, i, sent.end, covered)
        if j > i and names_weapon(doc[i:j].text):
            pass  # "a further 12 Rafales": the fighter, not the Spanish village
        elif j > i and known(gazetteer, doc[i:j].text):
            mentions.append(Span(doc, i, j, label=WEAK))
        elif j > i and (names_a_place(doc[i:j]) or _located_name(doc[i:j], gazetteer)):
            mentions.append(Span(doc, i, j, label=UNKNOWN))
        i = max(j, i + 1)
    return mentions


def _without_leading_article(ent: Span) -> Span:
    """The entity without a leading "the" that the parser hung on a noun after it ("the
    Shorta al-Khamsa" before "district"): the article would stand as the name's root and
    hide the name's own place in the sentence."""
    if len(ent) > 1 and ent[0].dep_ == "det" and ent.root.i == ent.start:
        name = Span(ent.doc, ent.start + 1, ent.end, label=ent.label_)
        head = name.root.head
        if name.root.dep_ in ("compound", "nmod") and head.i >= ent.end and head.pos_ == "NOUN":
            return name
    return ent


def _whole_name(ent: Span, gazetteer: Gazetteer) -> Span:
    """The entity with the rest of a hyphenated place name the model cut off ("Mazar" of
    "Mazar-e-Sharif"; not "Yamaguchi" of the "Yamaguchi-gumi" syndicate)."""
    doc = ent.doc
    if ent.end >= ent.sent.end or doc[ent.end].text != "-" or doc[ent.end - 1].whitespace_:
        return ent
    end = _name_end(doc, ent.start, ent.sent.end)
    if end > ent.end and known(gazetteer, doc[ent.start : end].text):
        return Span(doc, ent.start, end, label=ent.label_)
    return ent


def _located_name(span: Span, gazetteer: Gazetteer) -> bool:
    """A name after a locative preposition that the next words place by a known place:
    "at Olangur in Villupuram district", "in Sabaa al-Bour, just north of Baghdad", "on
    al-Latmana, in Hama province". News locates a village by the town or province the
    reader knows; the model often tags such a name as a person or an organisation."""
    root = span.root
    if root.dep_ != "pobj" or root.head.lower_ not in LOCATING_PREPOSITIONS:
        return False
    if not span[0].is_title or known(gazetteer, mention_text(span)):
        return False
    if span[-1].lower_ in BUILDING_WORDS or _locates_a_place(root.head):
        return False  # a building by its town ("Al-Midan Theater in Haifa"), or the place
        # that locates another ("the village of Amerli, near the Tuz-Khurmato town")
    doc, i = span.doc, span.end
    stop = min(len(doc), span.sent.end, i + LOCATING_REACH)
    while i < stop and (doc[i].is_punct or doc[i].like_num or doc[i].lower_ in DISTANCE_WORDS):
        i += 1  # ", some 220 kilometers (150 miles)"
    if i + 1 < stop and doc[i].lower_ in COMPASS and doc[i + 1].lower_ == "of":
        i += 2
    elif i < stop and doc[i].lower_ in ("in", "near", "outside"):
        i += 1
    else:
        return False
    while i < stop and (doc[i].is_lower or doc[i].is_punct) and (
        doc[i].pos_ in ("DET", "ADJ", "NOUN", "PUNCT") or doc[i].tag_ == "VBN"
    ):
        i += 1  # "in the rebel-held Wanni region", "in south Baghdad"
    end = _name_end(doc, i, stop)
    return end > i and (known(gazetteer, doc[i:end].text) or names_a_place(doc[i:end]))


def _name_in(span: Span, gazetteer: Gazetteer) -> bool:
    """A name the model tagged as a person or an organisation that a verb's "in", "inside"
    or "near" puts the event in ("were killed while defending civilians in Sheikh Maqsoud",
    "killed in Logo LGA"): things happen in places, not in people. Not a name our actor
    tables know ("in Hamas", "in Congress")."""
    root = span.root
    if span.label_ not in ("PERSON", "ORG", "FAC") or root.pos_ != "PROPN":
        return False
    if root.dep_ != "pobj" or root.head.lower_ not in INSIDE_WORDS:
        return False
    if root.head.head.pos_ not in ("VERB", "AUX") or root._.actor is not None:
        return False
    if root.tag_ == "NNPS" or built(span):
        return False  # "in captured Humvees", "outside Al-Midan Theater in Haifa"
    return span[0].is_title and not known(gazetteer, mention_text(span))


def _locates_a_place(preposition: Token) -> bool:
    """Whether the preposition's phrase locates a place named before it."""
    head = preposition.head
    return head.pos_ == "PROPN" or kind(head) in TOWN_NOUNS | PLACE_SUFFIXES


def _leading_name(ent: Span) -> Span | None:
    """The proper name an over-long entity starts with, when the model ran a place into the
    words after it ("Aleppo for the ninth consecutive day" as a work of art), or None."""
    if ent.label_ not in (WEAK_LABELS | PLACE_LABELS) - {"DATE", "PERSON"}:
        return None
    end = _name_end(ent.doc, ent.start, ent.end)
    return ent.doc[ent.start : end] if ent.start < end < ent.end else None


def _name_end(doc: Doc, start: int, stop: int, taken: Container[int] = ()) -> int:
    """Where a proper name starting at ``start`` ends (by ``stop``, before any ``taken``
    token): proper nouns and the words that join them, ending on a proper noun ("Deir
    ez-Zor", not "Deir ez-")."""
    end = start
    while end < stop and end not in taken and (
        doc[end].pos_ == "PROPN" or (end > start and doc[end].lower_ in NAME_LINKS)
    ):
        end += 1
    while end > start and doc[end - 1].pos_ != "PROPN":
        end -= 1
    return end


def _named_participant(ent: Span) -> bool:
    """A name the actor tables know as a group, a medium or a person ("told Xinhua", "Hong
    Kong's Cathay"): no place, though a town may share its name. Names of states and
    places themselves resolve to actors with the government sector and stay places."""
    actor = ent.root._.actor
    return actor is not None and bool(actor.name) and actor.sector not in (None, "GOV")


def _person(ent: Span) -> bool:
    """A person's name, though a town may share it: one the tagger calls a person and the
    actor tables name ("before Lula's inauguration"), a word of a longer person's name the
    article gives ("Lula" after "Luiz Inacio Lula da Silva"), or a name after an age or a
    birthplace ("the 25-year-old Jimenez", "the Ottawa-born Khadr"). The tag alone is no
    proof: the tagger calls many captured towns people ("captured Grozny"); and a name it
    calls a state or a region, or one before a word for a kind of place, stays a place
    ("southern Israel" beside the minister Israel Katz, "the Sharon junction" in a story
    that names Ariel Sharon)."""
    if ent.label_ in ("GPE", "LOC"):
        return False
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    if after is not None and after.lower_ in PLACE_SUFFIXES | LANDMARK_WORDS:
        return False
    before = [t.lower_ for t in ent.doc[max(ent.start - 3, 0) : ent.start]]
    if before[-2:] in (["year", "old"], ["-", "born"]) or before[-3:] == ["year", "-", "old"]:
        return True  # "the 25-year-old Jimenez", "the Ottawa-born Khadr"
    if len(ent) != 1 or not ent.text[:1].isupper():
        return False
    if ent.text in _full_name_words(ent.doc):
        return True
    if ent.label_ != "PERSON":
        return False
    return ent.text in ent.doc.user_data.get(KNOWN_PEOPLE_KEY, ())


def _full_name_words(doc: Doc) -> frozenset[str]:
    """The words of the article's names of people in two words or more, read once per
    article."""
    found = doc.user_data.get(PERSON_WORDS_KEY)
    if found is None:
        found = frozenset(
            t.text for e in entities_in(doc[:]) if e.label_ == "PERSON" and len(e) > 1
            for t in e if t.text[:1].isupper()
        )
        doc.user_data[PERSON_WORDS_KEY] = found
    return found


def _town_as_people(ent: Span, gazetteer: Gazetteer) -> bool:
    """A town the model tagged as a people ("near the Rafah border terminal", "on a road in
    Jezzine"): a NORP entity that is no nationality or group word ("Palestinians", "Shiite",
    "Kurdish")."""
    if ent.label_ != "NORP" or normalise(ent.text) in gazetteer.adjectives:
        return False
    root = ent.root
    if root.dep_ == "pobj" and root.head.lower_ in event_roles()["locative_prepositions"]:
        return True  # "erupted in Taez", "shelled each other in Kisangani"
    if root.dep_ in ("compound", "amod", "nmod") and root.head.lower_ in PLACE_SUFFIXES:
        return not any(t.lower_ in FAITHS for t in ent)  # "in Tirunelveli district"; not
        # "the Nazi concentration camp"
    return root.tag_ in ("NNP",) and not ent.text.endswith(PEOPLE_ENDINGS)


def _village_as_people(ent: Span, gazetteer: Gazetteer) -> bool:
    """A name the model tagged as a people that reads as no people's word ("the Fdhiliyah
    neighborhood"; not "the Nazi concentration camp", "the Islamic State")."""
    if ent.label_ != "NORP" or normalise(ent.text) in gazetteer.adjectives:
        return False
    return not ent.text.endswith((*PEOPLE_ENDINGS, "ic", "an")) and not any(
        t.lower_ in FAITHS for t in ent
    )


def names_a_place(span: Span, nouns: frozenset[str] | None = None) -> bool:
    """A name the gazetteer lacks that the sentence itself calls a place: "the village of
    Abu Leiha", "Gaidamgari village", "the Badiyah Cement Factory", "the Shibbis District".
    Villages, hills, districts and bases make up much of where conflict news happens, and
    they are too small or too new for GeoNames; the name is kept, with the country around it.
    """
    root = span.root
    if root._.actor is not None and root._.actor.sector not in (None, "GOV"):
        return False  # a group or a person, not a place
    kinds = nouns if nouns is not None else PLACE_SUFFIXES | LANDMARK_WORDS
    words = [t.lower_ for t in span]
    if kind(span[-1]) in kinds:
        return len(words) > 1
    if nouns is None and len(words) > 1 and words[0] in PLACE_PREFIXES and span[0].is_title:
        return True  # "Tal Al-Bardah", "Kafr Naya", "Wadi Hmeid"
    if any(c.dep_ == "appos" and kind(c) in kinds for c in root.children):
        return True  # "in Maryin Gubay, a small town in southern Somalia"
    head = root.head
    if root.dep_ == "pobj" and head.lower_ == "of":
        head = head.head  # "the town of Kupres"
    elif root.dep_ not in ("appos", "compound", "nmod"):
        return False
    return head.i != root.i and kind(head) in kinds


def kind(token: Token) -> str:
    """A noun's word for what kind of place it is: "the villages of Mardes and Maharada"
    name villages as "the village of Amerli" names one. A plural without its of-phrase
    keeps its own word: "Shi'i neighbourhoods in Baghdad", "two Malik camps in Jolo" say
    what is there, not what the place is called (on the train and dev splits, reading bare
    plurals as names fixed as many places as it broke; of-phrase plurals fixed twice as many),
    and "large areas of Belarus" are parts of a place, not places called Belarus."""
    if token.tag_ == "NNS" and any(c.dep_ == "prep" and c.lower_ == "of" for c in token.children):
        kind = token.lemma_.lower()
        return token.lower_ if kind in PARTS_OF_PLACES else kind
    return token.lower_


def _is_dateline(ent: Span) -> bool:
    doc = ent.doc
    at_start = ent.start == 0 or all(t.is_space for t in doc[: ent.start])
    followed = ent.end < len(doc) and doc[ent.end].text in DASHES
    return at_start and followed and ent.text.isupper()


def built(span: Span) -> bool:
    """A building, a base or a street, which the corpus places by its town ("the el-Shifa
    factory in north Khartoum", "the Al-Matar Road in Benghazi")."""
    return span[-1].lower_ in BUILT_WORDS or place_phrase(span.root).lower_ in BUILT_WORDS


def place_phrase(token: Token) -> Token:
    """The noun a place's name belongs to: "village" of "Gaidamgari village" and of "the
    village of Amerli"; the name itself when it stands alone."""
    for _ in range(2):
        head = token.head
        if token.dep_ in ("compound", "nmod", "appos") and head.pos_ in NOUNS:
            token = head
        elif token.dep_ == "pobj" and head.lower_ == "of" and kind(head.head) in (
            TOWN_NOUNS | PLACE_SUFFIXES | LANDMARK_WORDS
        ):
            token = head.head
        else:
            break
    return token


def without_suffix(text: str) -> str:
    """The name without a last word that says what kind of place it is, or ""."""
    *name, last = text.split() or [""]
    return " ".join(name) if name and last.lower() in PLACE_SUFFIXES else ""


def known(gazetteer: Gazetteer, text: str) -> bool:
    return text in gazetteer or bool((name := without_suffix(text)) and name in gazetteer)


def mention_text(span: Span) -> str:
    return span.text.strip(" ,.")
