"""The countries of the article: the one country a sentence names, the country the article
is about, and the one its lead names most, which place its local actors."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from newsevents import actors, places
from newsevents.models import Actor
from newsevents.spans import entities_in


def sentence_country(sent: Span) -> str | None:
    """The one country a sentence names (a state, a nationality, a town), else None.

    Where the event's own place is not found, a sentence that names a single country ("in
    the southern Somali town of Janaale", "north of Baghdad", "Thailand's insurgency") still
    says where its local actors belong; a sentence naming two countries says nothing.
    """
    resolver = actors.ActorResolver.load()
    gazetteer = places.Gazetteer.load()
    found: set[str] = set()
    for ent in entities_in(sent):
        # A country's name, adjective or capital counts whatever the tagger called it
        # ("Sri Lankan" as a PERSON, "Colombo" as an ORG); other places must be places, and
        # names ("millions of naira" is no town in Germany).
        code = resolver.country_of(_bare(ent.text))
        if code is None and ent.label_ in ("GPE", "LOC", "FAC") and not ent.text.islower():
            place = gazetteer.lookup(ent.text)
            code = place.country if place is not None else None
        named = _named_group(ent)
        if code is None and named is not None:
            code = named.country  # "the Syrian Democratic Forces", "Boko Haram"
        if code is not None:
            found.add(code)
    return found.pop() if len(found) == 1 else None


# Sentences an article needs for its most-named country to place its local sources.
LEAD_SENTENCES = 3
# Named groups whose resolved actor says a country the sentence names (the
# ``sentence_country`` of local actors); not companies and media, which are often foreign
# to the story ("blocked TikTok across the territory").
NAMED_GROUPS = frozenset({"ORG", "NORP"})
TRADING_SECTORS = frozenset({"BUS", "JRN"})


def _named_group(ent: Span) -> Actor | None:
    """The group a name stands for, when it places the sentence. Not a person: leaders are
    named where they meet or of others ("talks between Prodi and Putin", "Interior Minister
    Darmanin said" of New Caledonia; counting them lost 5 actors on the train split), unless
    the tagger took an armed group for one ("Jaish al-Mujahideen")."""
    found = ent.root._.actor
    if found is None and ent.label_ in NAMED_GROUPS:
        # "the Syrian Arab Army's positions": the actor stage gives the whole phrase's head
        # the name's actor, so the name is read on its own
        found = actors.ActorResolver.load().resolve_text(_bare(ent.text))
    if found is None or found.sector in TRADING_SECTORS:
        return None
    if ent.label_ in NAMED_GROUPS or (
        ent.label_ == "PERSON" and found.sector in actors.ARMED_SECTORS
    ):
        return found
    return None


def country_counts(doc: Doc) -> dict[str, int]:
    """How often the article names each country, the measure of what it is about."""
    resolver = actors.ActorResolver.load()
    counts: dict[str, int] = {}
    for ent in entities_in(doc[:]):
        code = resolver.country_of(_bare(ent.text))
        if code is not None:
            counts[code] = counts.get(code, 0) + 1
    return counts


def home_country(doc: Doc, dateline: str | None) -> str | None:
    """The country an article is about: the one it names clearly most often (at least three
    times, and twice as often as any other), else its dateline's. Wire datelines are often a
    neighbour's capital ("DUBAI" over a story about Iran), so the names come first."""
    counts = country_counts(doc)
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    if ranked and ranked[0][1] >= 3 and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]):
        return ranked[0][0]
    return dateline


def lead_country(doc: Doc) -> str | None:
    """The country an article of several sentences names most, if more than any other:
    where "the government", "police" or "the protesters" act in a story, they are mostly of
    the country it is about even when it is named too rarely for ``home_country``. A short
    text says nothing beyond its sentences."""
    if sum(1 for _ in doc.sents) < LEAD_SENTENCES:
        return None
    counts = country_counts(doc)
    ranked = sorted(counts.values(), reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[0] == ranked[1]):
        return None
    return max(counts, key=lambda code: counts[code])


def _bare(text: str) -> str:
    """An entity's text without a possessive ending ("Sri Lanka's")."""
    for ending in ("'s", "’s", "'", "’"):
        if text.endswith(ending):
            return text[: -len(ending)]
    return text
