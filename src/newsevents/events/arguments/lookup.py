"""``ActorLookup``: the actor a token stands for, pronouns and nouns with an actor inside
included; whether two actors are one participant; the doers and owners a noun names."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from spacy.tokens import Span, Token

from newsevents import actors
from newsevents.events.arguments.local import is_local
from newsevents.events.lexicon import Lexicon
from newsevents.events.syntax import (
    OBJECTS,
    SUBJECTS,
    affiliated_with,
    agent_of,
    antecedent,
    expand,
    lemma,
    prep_objects,
    prep_objects_of,
    subject_of,
    suspected_as,
)
from newsevents.models import Actor
from newsevents.spans import entities_in
from newsevents.weapons import names_weapon

ENTITY_ACTORS = frozenset({"GPE", "NORP", "ORG", "PERSON", "LOC", "FAC"})
PRONOUNS = frozenset({"they", "it", "he", "she", "we", "them", "its", "their", "his", "her"})
OWNER_PRONOUNS = frozenset({"its", "their", "his", "her", "our"})
OBJECT_PRONOUNS = frozenset({"them", "it", "him", "her"})
# Pronouns of a speaker's own side, which quoted speech places by its speaker.
FIRST_PERSON = frozenset({"we", "us", "our"})
REFLEXIVES = frozenset({"himself", "herself", "themselves", "itself", "themself"})
# Modifiers that say whose a thing is: a role noun there names its owner ("army trucks",
# "the government's law"), which the actor stage leaves unread.
OWNER_DEPS = frozenset({"compound", "poss"})
# Nouns of acts whose doer a "by" phrase names: what a protest or a condemnation is aimed at
# is the doer, not whom the act was done to.
ACT_NOUNS = frozenset({
    "attack", "airstrike", "strike", "raid", "bombing", "shelling", "bombardment", "assault",
    "offensive", "invasion", "incursion", "occupation", "massacre", "killing", "siege",
    "blockade", "crackdown", "detention", "arrest", "execution", "abduction", "kidnapping",
    "shooting", "annexation", "destruction", "seizure", "takeover",
})


def _of_the_state(token: Token, found: Actor | None) -> Actor | None:
    """A lone nationality is the armed forces ("Saudi air strikes",
    ``actors.BARE_NATIONALITY_SECTOR``), but before a noun of statecraft it is the government:
    "protested against French policy", "under Jordanian rule"."""
    if (found is None or found.sector != actors.BARE_NATIONALITY_SECTOR or found.name
            or token.dep_ != "amod" or found.text != token.text
            or not Lexicon.load().cue("statecraft", lemma(token.head))):
        return found
    return found.model_copy(update={"sector": "GOV"})


class ActorLookup:
    """Finds the actor a token stands for, including pronouns and nouns with an actor inside."""

    def __init__(self, date: dt.date | None = None) -> None:
        self.date = date
        # The article's own country (its dateline, or the country it names most), for local
        # actors in sentences that name none (docs/annotation.md, section 4).
        self.home: str | None = None
        # The country a longer article names most, for its local sources where nothing
        # closer says (``lead_country``).
        self.lead: str | None = None
        self._entities: dict[int, Actor | None] = {}
        # What ``actor`` found for a token (by index): the candidates of a sentence ask for
        # the same subjects and objects again and again.
        self._found: dict[int, Actor | None] = {}
        self._last_subject: Actor | None = None

    @property
    def last_subject(self) -> Actor | None:
        """The subject of the previous sentences that a pronoun points to."""
        return self._last_subject

    @last_subject.setter
    def last_subject(self, actor: Actor | None) -> None:
        self._last_subject = actor
        self._found.clear()  # a pronoun may now point elsewhere

    def _entity(self, token: Token) -> Actor | None:
        """A named entity used as a modifier ("a U.S. request") is an actor too."""
        start = token.i
        while start > 0 and token.doc[start].ent_iob_ == "I":
            start -= 1
        if start not in self._entities:
            end = start + 1
            while end < len(token.doc) and token.doc[end].ent_iob_ == "I":
                end += 1
            span = token.doc[start:end]
            # The slice carries no entity label, so names the tables cannot place give no
            # actor here. Keeping unplaced persons and organisations as actors, and placing
            # GPE names through the gazetteer, was measured on dev (docs/measurements.md):
            # no-event sentences clean 0.969 -> 0.958, target 0.731 -> 0.727.
            found = actors.ActorResolver.load().resolve_span(span, self.date)
            if found is not None and not (found.country or found.igo) and _weapon(span):
                found = None
            self._entities[start] = found
        return self._entities[start]

    def actor(
        self, token: Token, *, subtree: bool = False, exclude: Sequence[Actor] = ()
    ) -> Actor | None:
        if subtree:  # what lies below depends on ``exclude``: read each time
            return self._read_actor(token, subtree=True, exclude=exclude)
        if token.i not in self._found:
            self._found[token.i] = self._read_actor(token)
        return self._found[token.i]

    def _read_actor(
        self, token: Token, *, subtree: bool = False, exclude: Sequence[Actor] = ()
    ) -> Actor | None:
        if token.dep_ in OBJECTS and token.lower_ in REFLEXIVES:
            # "a bomber blew himself up at a bus station, killing ten": the attacker is no
            # target; the victims or the place of the blast are
            return None
        found = _of_the_state(token, self._actor(token, subtree=subtree, exclude=exclude))
        if token.pos_ in ("NOUN", "PROPN") and (found is None or not (found.country or found.igo)):
            found = (self._whole_phrase(token, found) or self._member(token, found)
                     or self._suspected(token, found) or self._placed(token, found) or found)
            return self._owned(token, found)
        return found

    def _owned(self, token: Token, found: Actor | None) -> Actor | None:
        """ "their air force", "his troops": the owner the pronoun points to (an earlier
        subject of the sentence, or of the previous one) gives the country."""
        if found is None or found.country or found.igo or found.name:
            return found
        owner = next((c for c in token.children if c.dep_ == "poss" and c.pos_ == "PRON"
                      and lemma(c) in OWNER_PRONOUNS), None)
        if owner is None:
            return found
        earlier = self._pronoun(owner)
        if earlier is None or not (earlier.country or earlier.igo):
            return found
        return found.model_copy(update={"country": earlier.country, "igo": earlier.igo})

    def _whole_phrase(self, token: Token, found: Actor | None) -> Actor | None:
        """The parser can cut "U.S. Secretary of State Warren Christopher" so that the name
        alone carries the actor; the words before the head may still place it."""
        if found is None or token.left_edge.i == token.i:
            return None
        text = token.doc[token.left_edge.i : token.i + 1].text
        whole = actors.ActorResolver.load().resolve_text(text, self.date)
        if whole is not None and (whole.country or whole.igo):
            return whole
        return None

    def _member(self, token: Token, found: Actor | None) -> Actor | None:
        """ "militants of the IS radical group", "fighters from Hamas": armed members
        belong to their group, not to the place where they fight (ISIS has no country)."""
        if found is None or found.sector not in actors.FORCE_SECTORS:
            return None
        for pobj in prep_objects(token, frozenset({"of", "from"})):
            group = self._group(token.doc[pobj.left_edge.i : pobj.right_edge.i + 1])
            if group is not None:
                return group.model_copy(update={
                    "text": token.doc[token.left_edge.i : pobj.right_edge.i + 1].text,
                    "sector": group.sector or found.sector,
                })
        return None

    def _suspected(self, token: Token, found: Actor | None) -> Actor | None:
        """ "gunmen suspected to be members of Boko Haram", "forces loyal to Assad": whom
        they are taken for or tied to places them, when it is a group, a leader or a state our
        tables know (not "Fulani herdsmen")."""
        if found is None or found.sector not in actors.FORCE_SECTORS:
            return None
        for guess in (*suspected_as(token), *affiliated_with(token)):
            side = self.actor(guess)
            if side is not None and (side.country or side.igo):
                text = token.doc[token.left_edge.i : guess.right_edge.i + 1].text
                sector = side.sector if side.sector in actors.ARMED_SECTORS else found.sector
                return side.model_copy(update={"text": text, "sector": sector})
        return None

    def _group(self, phrase: Span) -> Actor | None:
        """The armed group a phrase names, known to our tables: the whole phrase, else a name
        inside it ("the radical group of Islamic State (ISIS)"). A phrase the tables do not
        know may read as something else ("the outlawed Kurdish Workers' Party" as a union)."""
        resolver = actors.ActorResolver.load()
        for text in (phrase.text, *(e.text for e in entities_in(phrase) if e.label_ == "ORG")):
            group = resolver.resolve_text(text, self.date)
            if (group is not None and (group.name or group.country or group.igo)
                    and group.sector in actors.ARMED_SECTORS
                    and resolver.names_group(group.text, ("org",))):
                return group
        return None

    def _placed(self, token: Token, found: Actor | None) -> Actor | None:
        """ "Rebels in the Ivory Coast", "demonstrators in Baghdad": the phrase after a
        country-less noun says whose they are."""
        base = found or actors.ActorResolver.load().resolve_text(token.text, self.date)
        if base is None or (
            base.name and actors.ActorResolver.load().names_group(base.text, ("org", "igo"))
        ):
            # "a ceasefire in Lebanon" is no actor; a named group is whose its name says
            # ("the Islamic State of Iraq and Al-Sham" is not Iraqi)
            return None
        for pobj in prep_objects(token, frozenset({"in", "from", "of"})):
            where = self._actor(pobj)
            if where is not None and where.country:
                text = token.doc[token.left_edge.i : pobj.right_edge.i + 1].text
                return base.model_copy(update={"text": text, "country": where.country})
        return None

    def _actor(
        self, token: Token, *, subtree: bool = False, exclude: Sequence[Actor] = ()
    ) -> Actor | None:
        if token._.actor is not None:
            return token._.actor
        if token.ent_type_ in ENTITY_ACTORS:
            found = self._entity(token)
            if found is not None:
                return found
        if (noun := antecedent(token)) is not None:  # "its commander, who was killed"
            return self.actor(noun)
        if lemma(token) in PRONOUNS or token.pos_ == "PRON":
            return self._glossed(token) or self._pronoun(token)
        for child in token.children:
            if child.dep_ in ("appos", "poss", "compound", "amod", "nmod", "npadvmod"):
                if child._.actor is not None:
                    return child._.actor
                if child.dep_ != "amod" and child.ent_type_ in ENTITY_ACTORS:
                    named = self._entity(child)  # "the Hizbollah group"
                    if named is not None and not (named.country or named.igo or named.sector):
                        # a name we cannot place before a role noun: "Riot police"
                        return self._role(token) or named
                    if named is not None:
                        return named
        if token.pos_ in ("NUM", "NOUN") and lemma(token) not in ACT_NOUNS:
            # not "the massacre of civilians": an act is not made of whom it was done to
            for pobj in prep_objects_of([token], "of"):
                found = self.actor(pobj)  # "thousands of Iraqi Kurds", "members of MASSOB"
                if found is not None:
                    return found
        if token.pos_ in ("NOUN", "PROPN"):
            for t in token.doc[token.right_edge.i + 1 : token.right_edge.i + 5]:
                if t.is_sent_start:  # up to the sentence's end (cheaper than ``token.sent``)
                    break
                # The parser sometimes splits "his Turkish counterpart Recep Tayyip Erdogan".
                if t._.actor is not None and token.text in t._.actor.text.split():
                    return t._.actor
        if subtree:
            return self._nearest_below(token, exclude)
        return None

    def _role(self, token: Token) -> Actor | None:
        """The noun phrase up to its head read as a role ("Riot police": police)."""
        text = token.doc[token.left_edge.i : token.i + 1].text
        return actors.ActorResolver.load().resolve_text(text, self.date)

    def role(self, token: Token) -> Actor | None:
        """The actor a modifier of an attack noun names, its own words read as a role when
        the parse gives none ("the regime bombardment", "militant fire")."""
        found = self.actor(token)
        if found is None and token.pos_ in ("NOUN", "PROPN", "ADJ"):
            found = self._role(token)
        return found

    def _conjoined_modifiers(self, token: Token) -> list[Actor]:
        """ "Indian and Chinese troops": one noun, two actors."""
        resolver = actors.ActorResolver.load()
        for child in token.children:
            if child.dep_ in ("amod", "compound", "nmod") and child.conjuncts:
                words = (child, *child.conjuncts)
                codes = [resolver.country_of(w.text) for w in words]
                if all(codes):
                    base = self.actor(token)
                    return [
                        Actor(
                            text=f"{w.text} {token.text}",
                            country=code,
                            sector=base.sector if base else None,
                        )
                        for w, code in zip(words, codes, strict=True)
                    ]
        return []

    def _listed_with(self, token: Token, found: Actor) -> Actor:
        """ "six British marines and two sailors", "US jets and helicopters": a role noun
        listed after one a nationality places shares that nationality, where it has none of
        its own; not after a country named as the actor ("Israel and the militants")."""
        if token.dep_ != "conj" or found.country or found.igo or found.name or not found.sector:
            return found
        first = token
        while first.dep_ == "conj" and first.head.i < first.i:
            first = first.head
        if first is token or first.pos_ != "NOUN":
            return found
        resolver = actors.ActorResolver.load()
        codes = {code for c in first.children if c.dep_ in ("amod", "compound", "nmod")
                 if (code := resolver.country_of(c.text))}
        leader = self.actor(first)
        if len(codes) != 1 or leader is None or leader.country not in codes:
            return found
        return found.model_copy(update={"country": leader.country})

    def _nearest_below(self, token: Token, exclude: Sequence[Actor]) -> Actor | None:
        """Breadth-first, so "Turkey's efforts to join the EU" yields Turkey, not the EU.

        Possessive pronouns ("offered its troops to Lebanon") point back to the subject and
        are skipped, as are the actors in ``exclude`` (the event's sources). Where no actor
        lies below, a role noun that owns the thing says whose it is ("three army trucks",
        "the government's new tax law"); not before an actor ("an army bus carrying soldiers").
        """
        # "the campaign the regime launched"; an act's doer before whom it was done to
        # ("protested against the bombing of Yugoslavia by NATO")
        queue = [*act_doers(token), *launchers(token), *token.children]
        owner: Actor | None = None
        while queue:
            t = queue.pop(0)
            if t.dep_ in ("relcl", "advcl", "punct") or (t.dep_ == "poss" and t.pos_ == "PRON"):
                continue
            found = self.actor(t)
            if found is None and owner is None and t.dep_ in OWNER_DEPS and t.pos_ == "NOUN":
                role = self._role(t)
                if role is not None and not any(same_actor(role, e) for e in exclude):
                    owner = role
            if found is not None and not any(same_actor(found, e) for e in exclude):
                return found
            queue.extend(t.children)
        return owner

    def _pronoun(self, token: Token) -> Actor | None:
        """A subject or possessive pronoun points to the last subject; an object pronoun to
        the nearest earlier participant that is not its own verb's subject ("dragged six
        peasants from their homes and shot them", "warned the jet before shooting it down")."""
        speaker = self._speaker(token)
        if speaker is not None:
            return speaker
        earlier = list(reversed(token.sent[: token.i - token.sent.start]))
        if token.dep_ in OBJECTS and token.lower_ in OBJECT_PRONOUNS:
            own = {id(a) for s in subject_of(token.head) if (a := s._.actor) is not None}
            for other in earlier:
                found = other._.actor
                if found is not None and other.dep_ not in SUBJECTS and id(found) not in own:
                    return found
        for other in earlier:
            if other.dep_ in SUBJECTS and other._.actor is not None:
                return other._.actor
        return self.last_subject

    def _glossed(self, token: Token) -> Actor | None:
        """A pronoun the text glosses in brackets says whom it stands for: "They (U.S.
        forces) destroyed our furniture"."""
        for gloss in (c for c in token.children if c.dep_ == "appos"):
            if gloss.left_edge.i == 0 or gloss.doc[gloss.left_edge.i - 1].text != "(":
                continue  # "We offered a delegation: the Moscow platform" glosses nothing
            found = self.actor(gloss)
            if found is not None:
                return found
        return None

    def _speaker(self, token: Token) -> Actor | None:
        """Whom "we" stands for in what someone is quoted as saying: the speaker's side ("We
        have taken the town, the army spokesman said"), where our tables place the speaker."""
        if token.lower_ not in FIRST_PERSON:
            return None
        verb = Lexicon.load().speech_verb(token, hops=7)
        if verb is None:
            return None
        found = self.actors([c for c in verb.children if c.dep_ in SUBJECTS])
        return next((a for a in found if a.country or a.igo), None)

    def actors(
        self, tokens: list[Token], *, subtree: bool = False, exclude: Sequence[Actor] = (),
        roles: bool = False,
    ) -> list[Actor]:
        """With ``roles``, a word the parse gives no actor is read with the words before it
        as a role ("the regime", "the U.S.-led coalition"): for modifiers, which the actor
        stage does not resolve on their own."""
        found: list[Actor] = []
        for token in expand(tokens):
            shared = self._conjoined_modifiers(token)
            if shared:
                found += [a for a in shared if a not in found]
                continue
            actor = self.actor(token, subtree=subtree, exclude=exclude)
            if actor is None and roles:
                actor = self.role(token)
            if actor is not None:
                actor = self._listed_with(token, actor)
            if actor is not None and actor not in found:
                found.append(actor)
        return found


def _weapon(span: Span) -> bool:
    return names_weapon(span.text)


def same_actor(a: Actor, b: Actor) -> bool:
    """One participant named twice; "Palestinian police" and "Palestinian armed groups" are
    two (domestic events have source and target in one country)."""
    if a.text.lower() == b.text.lower() or (a.name is not None and a.name == b.name):
        return True
    if a.name is not None and b.name is not None:
        return False  # two named groups of one country: "the YPG" fights "al-Nusra Front"
    return (a.country, a.igo, a.sector) == (b.country, b.igo, b.sector) and (
        a.country is not None or a.igo is not None
    )


def owners_of(objects: list[Token], look: ActorLookup, sources: Sequence[Actor]) -> list[Actor]:
    """Whose the thing acted on is, when nothing else names a target: "rejected an ECOWAS
    offer", "bombed the rebel airfield", "denied a Mexican request", "raided Uber offices".
    The modifier is read as a role if need be; only one that places the owner counts (a
    country, an IGO, or a local role such as "government" or "rebel"), and not the parts of
    a name ("Khamis Sirhan al-Muhammad") or a plain adjective ("military operations")."""
    resolver = actors.ActorResolver.load()
    words = [c for o in expand(objects) if o.pos_ == "NOUN" for c in o.children
             if c.dep_ in ("poss", "compound", "amod", "nmod")
             and (c.pos_ in ("NOUN", "PROPN") or resolver.country_of(c.text))]
    return [a for a in look.actors(words, roles=True, exclude=sources)
            if a.country or a.igo or is_local(a)]


def act_doers(token: Token) -> list[Token]:
    """The "by" phrase of an act noun: who did it ("the bombing of Yugoslavia by NATO")."""
    return prep_objects(token, frozenset({"by"})) if lemma(token) in ACT_NOUNS else []


def launchers(noun: Token) -> list[Token]:
    """Who launched, fired or carried out what the noun names: the agent of a participle
    ("airstrikes launched by Russian jets", "shells fired by the YPG", "a strike called by
    Shiite groups", "talks hosted by Norway", "curbs imposed by the police") or the subject of
    a relative clause ("the aerial campaign the regime has launched on the city")."""
    found: list[Token] = []
    for clause in noun.children:
        if clause.dep_ not in ("acl", "relcl") or lemma(clause) not in MAKING_VERBS:
            continue
        found += agent_of(clause)
        if clause.dep_ == "relcl":
            found += [s for s in clause.children if s.dep_ == "nsubj" and s.pos_ != "PRON"]
    return found


# Verbs whose agent is who carried out the attack or fired the weapon they take ("airstrikes
# launched by", "shells fired by", "the campaign the regime waged").
LAUNCHING_VERBS = frozenset({
    "launch", "fire", "conduct", "carry", "mount", "stage", "wage", "drop", "lob", "plant",
    "unleash", "shoot", "throw", "detonate", "perpetrate", "commit", "call", "organise",
    "organize", "lead", "hold",
})
# Verbs of making or holding an act, whose agent after an event noun did it ("talks hosted by
# Norway", "restrictions placed by the authorities", "complaints made by residents", "a
# curfew ordered by the army"); unlike a verb that judges the act ("an attack condemned by").
DOING_VERBS = frozenset({
    "sponsor", "host", "make", "place", "impose", "put", "issue", "file", "lodge", "enforce",
    "announce", "declare", "order", "initiate",
})
MAKING_VERBS = LAUNCHING_VERBS | DOING_VERBS
