"""The spaCy component ``newsevents_actors``: the noun phrases of a document worth resolving,
each resolved (or pointed back to an earlier mention) and set as ``Token._.actor`` on its head
token."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsevents.actors.coreference import ArticleMemory
from newsevents.actors.resolver import ActorResolver, Resolution, merge, person_offsets
from newsevents.actors.words import norm
from newsevents.models import Actor
from newsevents.places import KNOWN_PEOPLE_KEY
from newsevents.tables import data_path
from newsevents.weapons import names_weapon

# Entity labels that can name an actor.
ACTOR_LABELS = frozenset({"PERSON", "GPE", "NORP", "ORG", "FAC", "LOC"})


def _article_date(doc: Doc) -> dt.date | None:
    article = doc._.article if Doc.has_extension("article") else None
    date = getattr(article, "date", None)
    return date if isinstance(date, dt.date) else None


def candidate_spans(doc: Doc) -> list[Span]:
    """Noun phrases worth resolving, in document order, each ending at its head.

    Noun chunks come first; a chunk directly followed by a PERSON entity absorbs it (the
    parser often detaches "counterpart Recep Tayyip Erdogan"); entities outside every chunk
    are added on their own.
    """
    ents = doc.ents
    person_at = {ent.start: ent for ent in ents if ent.label_ == "PERSON"}
    spans: list[Span] = []
    taken: set[int] = set()
    for chunk in doc.noun_chunks:
        ent = person_at.get(chunk.end)
        span = _trim(doc[chunk.start:ent.end] if ent is not None and chunk.root.pos_ == "NOUN"
                     else chunk)
        if not span:
            continue
        spans.append(span)
        taken.update(range(span.start, span.end))
    for ent in ents:
        if ent.label_ in ACTOR_LABELS and not taken.intersection(range(ent.start, ent.end)):
            spans.append(ent)
    return sorted(spans, key=lambda s: s.start)


def _trim(span: Span) -> Span:
    """Drop quotes, dashes and line breaks the parser leaves at a chunk's edges."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if start == span.start and end == span.end:
        return span
    return doc[start:end]


class ActorComponent:
    """spaCy component: sets ``Token._.actor`` on the head token of every resolvable phrase."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self._resolver: ActorResolver | None = None

    def initialize(self, get_examples: object = None, *, nlp: Language | None = None) -> None:
        """Read the tables, so that a broken one fails when the pipeline is built."""
        self._resolver = ActorResolver.load(self.data_dir)

    @property
    def resolver(self) -> ActorResolver:
        if self._resolver is None:  # added to a pipeline without ``initialize``
            self.initialize()
        assert self._resolver is not None
        return self._resolver

    def __call__(self, doc: Doc) -> Doc:
        date = _article_date(doc)
        memory = ArticleMemory(self.resolver.refs)
        for span in candidate_spans(doc):
            actor = self._resolve(span, date, memory)
            if actor is not None:
                head = span[-1] if span.label_ == "PERSON" else span.root
                head._.actor = actor
                self._mark_appositions(head, actor, date)
        doc.user_data[KNOWN_PEOPLE_KEY] = self._known_people(doc)
        return doc

    def _known_people(self, doc: Doc) -> frozenset[str]:
        """The words tagged as people that the tables name as someone: a town may share such
        a name ("Lula"), and the place stage, which cannot read these tables, asks here."""
        words = {t.text for t in doc if t.ent_type_ == "PERSON" and t.text[:1].isupper()}
        return frozenset(w for w in words if (a := self.resolver.resolve_text(w)) is not None
                         and a.name is not None)

    def _resolve(self, span: Span, date: dt.date | None, memory: ArticleMemory) -> Actor | None:
        first_words = self.resolver.first_words
        if not any(t.ent_type_ == "PERSON" or norm(t.text) in first_words for t in span):
            return None
        result = self.resolver.resolve_phrase(span.text, date, person_offsets(span))
        unplaced = result is not None and not (result.actor.country or result.actor.igo)
        if unplaced and _names_weapon(span):
            return None
        earlier = memory.recall(span.text, result)
        if earlier is not None:
            return earlier
        if result is None:
            return None
        if not (result.head_known or span.label_ in ACTOR_LABELS or _nationals(span, result)
                or _held(span, result) or _collective(span, result)):
            return None
        memory.remember(result)
        return result.actor

    def _mark_appositions(self, head: Token, actor: Actor, date: dt.date | None) -> None:
        """"Erdogan, the Turkish president": each side fills what the other lacks."""
        for child in head.children:
            if child.dep_ != "appos":
                continue
            appos = head.doc[child.left_edge.i:child.i + 1]
            if child.like_num:
                continue  # "Latifi, 62,": an age, no count of people
            other = self.resolver.resolve_span(appos, date)
            if other is None:
                continue
            merged = merge(actor, other)
            head._.actor = merged
            child._.actor = merged.model_copy(update={"text": other.text})


def _nationals(span: Span, result: Resolution) -> bool:
    """ "Iraqi lawyers", "French secret agents", "Russian planes": a plural noun our tables
    do not know, made someone's by a nationality or country before it, is that country's
    (docs/annotation.md, section 4); its sector stays open."""
    root = span.root
    if root.tag_ not in ("NNS", "NNPS") or not result.actor.country:
        return False
    return any(
        t.i < root.i and (t.ent_type_ == "NORP" or (t.ent_type_ == "GPE" and t.dep_ == "compound"))
        for t in span
    )  # not a place's possessive: "Chechnya's towns" are where, not who


# What an armed side holds or moves in: "shelled rebel positions" is aimed at the rebels.
HELD_NOUNS = frozenset({
    "position", "base", "checkpoint", "post", "stronghold", "defense", "defence", "hideout",
    "convoy", "vehicle", "target", "outpost", "barrack", "camp", "headquarter", "fortification",
})


def _held(span: Span, result: Resolution) -> bool:
    """ "rebel positions", "army checkpoints": the holder's sector (and country) for a place
    or convoy an attack is aimed at."""
    return span.root.lemma_.lower() in HELD_NOUNS and result.actor.sector is not None


# Nouns for a body of people that say nothing of who they are: "rebel groups", "militant
# factions", "opposition groups" are whoever their modifier names.
COLLECTIVE_NOUNS = frozenset({
    "group", "faction", "outfit", "cell", "wing", "coalition", "alliance", "bloc", "movement",
    "network", "organisation", "organization", "band", "gang", "brigade", "battalion",
    "personnel", "detachment", "contingent",
})


def _collective(span: Span, result: Resolution) -> bool:
    """ "rebel groups", "insurgent factions": the modifier's sector is the group's."""
    return span.root.lemma_.lower() in COLLECTIVE_NOUNS and result.actor.sector is not None


def _names_weapon(span: Span) -> bool:
    return names_weapon(span.text)


@Language.factory("newsevents_actors", default_config={"data_dir": None})
def make_actor_component(nlp: Language, name: str, data_dir: str | None) -> ActorComponent:
    """``data_dir``: the actor tables (default: the package's, for the model's language)."""
    return ActorComponent(Path(data_dir) if data_dir else data_path("actors", "", nlp.lang))
