"""PLOVER event coding over the dependency parse.

A trigger (verb or event noun from ``data/events``) is found first; its source and target come
from its syntactic arguments, resolved to actors by the actors component. Governing verbs
("agreed to", "urged ... to", "threatened to", "refused to") absorb their complement so one
statement is one event. Negation, modality and reported speech are read off the parse and
recorded on the event instead of being silently coded as fact.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsevents import actors, dates, places
from newsevents.models import Actor, Attribution, Event, Evidence, Location, Speaker
from newsevents.tables import data_path, read_tsv

for _name, _default in (("article", None), ("events", [])):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=_default)
if not Token.has_extension("actor"):
    Token.set_extension("actor", default=None)

COOPERATIVE = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT"})
MATERIAL_CONFLICT = frozenset({"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})
ENTITY_ACTORS = frozenset({"GPE", "NORP", "ORG", "PERSON", "LOC", "FAC"})
PRONOUNS = frozenset({"they", "it", "he", "she", "we", "them", "its", "their", "his", "her"})
SUBJECTS = frozenset({"nsubj", "csubj"})
OBJECTS = frozenset({"dobj", "dative", "obj"})
DEFAULT_TARGET_PREPS = frozenset(
    {"to", "with", "against", "on", "upon", "at", "toward", "towards", "into", "from", "for"}
)
NOUN_TRIGGER_PREPS = frozenset({"to", "with", "against", "on", "into", "of", "from", "for", "over"})


@dataclass(frozen=True)
class Trigger:
    """One lexicon entry: a lemma, what its dependents must be, and what it codes."""

    lemma: str
    event_type: str
    mode: str | None = None
    context: tuple[str, ...] = ()
    requires: tuple[tuple[str, frozenset[str]], ...] = ()
    roles: str = ""
    absorbs: bool = False
    target_preps: frozenset[str] = DEFAULT_TARGET_PREPS


@dataclass
class Lexicon:
    verbs: dict[str, list[Trigger]] = field(default_factory=dict)
    nouns: dict[str, Trigger] = field(default_factory=dict)
    cues: dict[str, set[str]] = field(default_factory=dict)
    instruments: dict[str, str] = field(default_factory=dict)

    @classmethod
    @cache
    def load(cls) -> Lexicon:
        lex = cls()
        for row in _rows("verbs.tsv"):
            requires = tuple(
                (rel, frozenset(values.split("|")))
                for rel, _, values in (r.partition("=") for r in row["requires"].split())
            )
            trigger = Trigger(
                lemma=row["lemma"],
                event_type=row["event_type"],
                mode=row["mode"] or None,
                context=tuple(filter(None, row["context"].split(";"))),
                requires=requires,
                roles=row["roles"],
                absorbs=row["absorbs"] == "yes",
            )
            lex.verbs.setdefault(trigger.lemma, []).append(trigger)
        for entries in lex.verbs.values():
            entries.sort(key=lambda t: -len(t.requires))  # specific patterns first
        for row in _rows("nouns.tsv"):
            preps = frozenset(filter(None, row["target_preps"].split("|")))
            lex.nouns[row["lemma"]] = Trigger(
                lemma=row["lemma"],
                event_type=row["event_type"],
                mode=row["mode"] or None,
                context=tuple(filter(None, row["context"].split(";"))),
                target_preps=preps or DEFAULT_TARGET_PREPS,
            )
        for row in _rows("cues.tsv"):
            lex.cues.setdefault(row["kind"], set()).add(row["cue"])
        lex.instruments = {row["lemma"]: row["mode"] for row in _rows("instruments.tsv")}
        return lex

    def instrument_mode(self, sent: Span) -> str | None:
        """The ASSAULT mode given by the weapon a sentence names, in the table's order."""
        lemmas = {_lemma(t) for t in sent if t.pos_ in ("NOUN", "ADJ", "PROPN")}
        return next((mode for lemma, mode in self.instruments.items() if lemma in lemmas), None)

    def cue(self, kind: str, lemma: str) -> bool:
        return lemma in self.cues.get(kind, ())


def _rows(name: str) -> Iterator[dict[str, str]]:
    return read_tsv(data_path("events", name))


@dataclass
class Candidate:
    """A trigger found in a sentence, before arguments and modality are read."""

    token: Token
    trigger: Trigger
    nominal: bool
    event_type: str = ""
    mode: str | None = None
    absorbed: Candidate | None = None

    def __post_init__(self) -> None:
        self.event_type = self.trigger.event_type
        self.mode = self.trigger.mode


# --- trigger finding --------------------------------------------------------------------


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _matches(token: Token, trigger: Trigger) -> bool:
    for rel, values in trigger.requires:
        if rel == "dobj":
            objs = [c for c in token.children if c.dep_ in OBJECTS or c.dep_ == "nsubjpass"]
            objs += _prep_objects_of(objs, "of")  # "suspended part of an aid program"
            if not objs or ("*" not in values and not any(_lemma(c) in values for c in objs)):
                return False
        elif rel in ("prt", "prep"):
            if not any(c.dep_ in ("prt", "prep") and _lemma(c) in values for c in token.children):
                return False
        elif rel == "acomp" and not any(
            c.dep_ == "acomp" and _lemma(c) in values for c in token.children
        ):
            return False
    return True


def _prep_objects_of(tokens: list[Token], prep: str) -> list[Token]:
    return [
        g
        for t in tokens
        for c in t.children
        if _lemma(c) == prep
        for g in c.children
        if g.dep_ == "pobj"
    ]


def _verb_trigger(token: Token, lex: Lexicon) -> Trigger | None:
    for trigger in lex.verbs.get(_lemma(token), ()):
        if _matches(token, trigger):
            return trigger
    return None


def _declines_comment(token: Token, lex: Lexicon) -> bool:
    """"declined to comment" is press etiquette, not a rejection."""
    return any(c.dep_ == "xcomp" and lex.cue("no_comment", _lemma(c)) for c in token.children)


def find_candidates(sent: Span, lex: Lexicon) -> list[Candidate]:
    found: list[Candidate] = []
    for token in sent:
        if token.pos_ in ("VERB", "AUX") or (token.pos_ == "NOUN" and token.dep_ == "ROOT"):
            trigger = _verb_trigger(token, lex)
            if trigger and not _declines_comment(token, lex):
                found.append(Candidate(token, trigger, nominal=False))
                continue
        if _noun_trigger_position(token):
            noun = _noun_entry(token, lex)
            if noun is not None:
                found.append(Candidate(token, noun, nominal=True))
    return found


def _noun_entry(token: Token, lex: Lexicon) -> Trigger | None:
    """Compound entries first: "hunger strike" is not any strike."""
    for child in token.children:
        if child.dep_ == "compound":
            entry = lex.nouns.get(f"{_lemma(child)} {_lemma(token)}")
            if entry is not None:
                return entry
    return lex.nouns.get(_lemma(token))


NOUN_TRIGGER_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "attr", "ROOT", "appos", "conj"})


def _noun_trigger_position(token: Token) -> bool:
    """Event nouns count where a clause is about them ("imposed sanctions", "talks began"),
    not inside names ("Asia-Pacific Economic Cooperation") or buried in modifiers."""
    if token.pos_ not in ("NOUN", "PROPN") or token.dep_ not in NOUN_TRIGGER_DEPS:
        return False
    if token.ent_type_ in ("ORG", "FAC", "EVENT", "LAW", "WORK_OF_ART"):
        return False
    if token.dep_ == "dobj":
        # "launched an attack", "announced sanctions" name an event; "poses a threat" does not.
        lex, head = Lexicon.load(), _lemma(token.head)
        return lex.cue("light", head) or lex.cue("speech", head) or head in lex.verbs
    return True


# --- absorption: one statement, one event ---------------------------------------------------

ABSORBED_MODE = {
    "THREATEN": {
        "ASSAULT": "violence",
        "MOBILIZE": "violence",
        "SANCTION": "relations",
        "PROTEST": "relations",
        "COERCE": "restrict",
    },
    "REQUEST": {
        "CONSULT": "meet",
        "AGREE": "meet",
        "AID": "assist",
        "COOPERATE": "assist",
        "SUPPORT": "assist",
        "RETREAT": "yield",
        "CONCEDE": "yield",
    },
}
ABSORBED_MODE["REJECT"] = ABSORBED_MODE["REQUEST"]


def _absorbed_mode(outer: str, inner: Candidate) -> str | None:
    if outer == "THREATEN" and inner.event_type == "SANCTION":
        if inner.mode == "expel":
            return "expel"
        if "economic" in inner.trigger.context:
            return "restrict"  # threatened sanctions, embargoes, tariffs
    if outer == "THREATEN" and inner.event_type == "COERCE" and inner.mode in ("arrest", "ban"):
        return inner.mode
    table = ABSORBED_MODE.get(outer)
    if table is None:
        return None
    return table.get(inner.event_type, "change" if outer != "THREATEN" else None)


def _complements(token: Token) -> Iterator[Token]:
    """Tokens naming what a governing verb agrees to, demands, rejects or threatens."""
    lex = Lexicon.load()
    for child in token.children:
        if child.dep_ in ("xcomp", "ccomp", "dobj", "attr"):
            yield child
            if child.dep_ == "xcomp" and lex.cue("light", _lemma(child)):
                yield from _complements(child)  # "promised to continue aid"
            if child.dep_ == "dobj":
                yield from (g for g in child.children if g.dep_ in ("acl", "relcl", "prep"))
        elif child.dep_ == "prep" and _lemma(child) in ("for", "to", "on", "in", "of"):
            yield from (g for g in child.children if g.dep_ in ("pobj", "pcomp"))
    for child in token.children:
        if child.dep_ in ("dobj",):
            for grand in child.children:
                if grand.dep_ == "prep":
                    yield from (g for g in grand.children if g.dep_ in ("pobj", "pcomp"))


def absorb(candidates: list[Candidate]) -> list[Candidate]:
    by_token = {c.token.i: c for c in candidates}
    dropped: set[int] = set()
    for cand in candidates:
        if cand.nominal:
            continue
        for comp in _complements(cand.token):
            inner = by_token.get(comp.i)
            if inner is None or inner is cand or comp.i in dropped:
                continue
            if cand.trigger.absorbs:
                cand.absorbed = inner
                cand.mode = cand.mode or _absorbed_mode(cand.event_type, inner)
                dropped.add(comp.i)
            elif inner.nominal:
                # "impose sanctions", "open an investigation": the verb entry already says it.
                dropped.add(comp.i)
    for cand in candidates:
        head = by_token.get(cand.token.head.i)
        if (
            head is not None
            and head is not cand
            and cand.token.dep_ in ("advcl", "xcomp", "conj")
            and head.event_type == cand.event_type
        ):
            dropped.add(cand.token.i)  # "met ... to discuss", "killed and wounded": one event
    return [c for c in candidates if c.token.i not in dropped]


# --- arguments ---------------------------------------------------------------------------


def _subject_of(verb: Token) -> list[Token]:
    """The subject, inherited through xcomp, conj and relative clauses where English omits it."""
    seen = 0
    while seen < 6:
        seen += 1
        subjects = [c for c in verb.children if c.dep_ in SUBJECTS]
        if subjects:
            return subjects
        if any(c.dep_ == "nsubjpass" for c in verb.children):
            return []  # "the aircraft are expected to arrive": no agent to inherit
        if verb.dep_ == "xcomp":
            objects = [c for c in verb.head.children if c.dep_ in OBJECTS]
            if objects:  # object control: "urged Turkey to make a choice"
                return objects
            verb = verb.head
        elif verb.dep_ == "acomp" or (
            verb.dep_ in ("conj", "advcl") and verb.head.pos_ in ("VERB", "AUX")
        ):
            verb = verb.head  # "is prepared to impose": the subject sits on "is"
        elif verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN"):
            return [verb.head]
        else:
            return []
    return []


def _agent_of(verb: Token) -> list[Token]:
    return [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]


def _prep_objects(token: Token, preps: frozenset[str]) -> list[Token]:
    return [
        g
        for c in token.children
        if c.dep_ == "prep" and _lemma(c) in preps
        for g in c.children
        if g.dep_ == "pobj"
    ]


def _expand(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for token in tokens:
        for t in (token, *token.conjuncts):
            if t not in out:
                out.append(t)
    return out


class ActorLookup:
    """Finds the actor a token stands for, including pronouns and nouns with an actor inside."""

    def __init__(self, date: dt.date | None = None) -> None:
        self.last_subject: Actor | None = None
        self.date = date
        self._entities: dict[int, Actor | None] = {}

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
            found = actors.ActorResolver.load().resolve_span(span, self.date)
            if found is None and span.label_ in ("PERSON", "ORG", "NORP"):
                found = Actor(text=span.text)  # a named participant we cannot place: keep it
            if found is None and span.label_ in ("GPE", "LOC", "FAC"):
                place = places.Gazetteer.load().lookup(span.text)
                if place is not None and place.country:  # "to Esfahan": Iran
                    found = Actor(text=span.text, country=place.country)
            self._entities[start] = found
        return self._entities[start]

    def actor(
        self, token: Token, *, subtree: bool = False, exclude: Sequence[Actor] = ()
    ) -> Actor | None:
        found = self._actor(token, subtree=subtree, exclude=exclude)
        if token.pos_ in ("NOUN", "PROPN") and (found is None or not (found.country or found.igo)):
            return self._whole_phrase(token, found) or self._placed(token, found) or found
        return found

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

    def _placed(self, token: Token, found: Actor | None) -> Actor | None:
        """"Rebels in the Ivory Coast", "demonstrators in Baghdad": the phrase after a
        country-less noun says whose they are."""
        for pobj in _prep_objects(token, frozenset({"in", "from"})):
            where = self._actor(pobj)
            if where is not None and where.country:
                base = found or actors.ActorResolver.load().resolve_text(token.text, self.date)
                text = token.doc[token.left_edge.i : pobj.right_edge.i + 1].text
                if base is None:
                    return Actor(text=text, country=where.country)
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
        if _lemma(token) in PRONOUNS or token.pos_ == "PRON":
            return self._pronoun(token)
        for child in token.children:
            if child.dep_ in ("appos", "poss", "compound", "amod", "nmod", "npadvmod") and (
                child._.actor is not None
            ):
                return child._.actor
        if token.pos_ in ("NUM", "NOUN"):
            for pobj in _prep_objects_of([token], "of"):
                found = self.actor(pobj)  # "thousands of Iraqi Kurds", "members of MASSOB"
                if found is not None:
                    return found
        if token.pos_ in ("NOUN", "PROPN"):
            end = min(token.right_edge.i + 5, token.sent.end)
            for t in token.doc[token.right_edge.i + 1 : end]:
                # The parser sometimes splits "his Turkish counterpart Recep Tayyip Erdogan".
                if t._.actor is not None and token.text in t._.actor.text.split():
                    return t._.actor
        if subtree:
            return self._nearest_below(token, exclude)
        return None

    def _conjoined_modifiers(self, token: Token) -> list[Actor]:
        """"Indian and Chinese troops": one noun, two actors."""
        resolver = actors.ActorResolver.load()
        for child in token.children:
            if child.dep_ in ("amod", "compound", "nmod") and child.conjuncts:
                words = (child, *child.conjuncts)
                codes = [resolver.country_of(w.text) for w in words]
                if all(codes):
                    base = self.actor(token)
                    return [
                        Actor(text=f"{w.text} {token.text}", country=code,
                              sector=base.sector if base else None)
                        for w, code in zip(words, codes, strict=True)
                    ]
        return []

    def _nearest_below(self, token: Token, exclude: Sequence[Actor]) -> Actor | None:
        """Breadth-first, so "Turkey's efforts to join the EU" yields Turkey, not the EU.

        Possessive pronouns ("offered its troops to Lebanon") point back to the subject and
        are skipped, as are the actors in ``exclude`` (the event's sources).
        """
        queue = list(token.children)
        while queue:
            t = queue.pop(0)
            if t.dep_ in ("relcl", "advcl", "punct") or (t.dep_ == "poss" and t.pos_ == "PRON"):
                continue
            found = self.actor(t)
            if found is not None and not any(_same(found, e) for e in exclude):
                return found
            queue.extend(t.children)
        return None

    def _pronoun(self, token: Token) -> Actor | None:
        for earlier in reversed(list(token.sent[: token.i - token.sent.start])):
            if earlier.dep_ in SUBJECTS and earlier._.actor is not None:
                return earlier._.actor
        return self.last_subject

    def actors(
        self, tokens: list[Token], *, subtree: bool = False, exclude: Sequence[Actor] = ()
    ) -> list[Actor]:
        found: list[Actor] = []
        for token in _expand(tokens):
            shared = self._conjoined_modifiers(token)
            if shared:
                found += [a for a in shared if a not in found]
                continue
            actor = self.actor(token, subtree=subtree, exclude=exclude)
            if actor is not None and actor not in found:
                found.append(actor)
        return found


def _same(a: Actor, b: Actor) -> bool:
    """One participant named twice; "Palestinian police" and "Palestinian armed groups" are
    two (domestic events have source and target in one country)."""
    if a.text.lower() == b.text.lower() or (a.name is not None and a.name == b.name):
        return True
    return (a.country, a.igo, a.sector) == (b.country, b.igo, b.sector) and (
        a.country is not None or a.igo is not None
    )


def verb_arguments(cand: Candidate, look: ActorLookup) -> tuple[list[Actor], list[Actor]]:
    verb, trigger = cand.token, cand.trigger
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
    if passive:
        sources = look.actors(_agent_of(verb))
        patients = [c for c in verb.children if c.dep_ == "nsubjpass"]
        targets = look.actors(patients, subtree=True, exclude=sources)
    else:
        sources = look.actors(_subject_of(verb))
        targets = look.actors([c for c in verb.children if c.dep_ in OBJECTS])
    preps = trigger.target_preps
    if trigger.roles == "recip":
        partners = look.actors(_prep_objects(verb, frozenset({"with"})))
        between = look.actors(_prep_objects(verb, frozenset({"between"})), subtree=True)
        if between and not sources:
            sources = between
        targets = targets or partners
        preps = preps - {"with"}
    if trigger.roles == "visit":
        preps = preps | {"in", "at"}
    if not targets and trigger.roles != "notarget":
        targets = look.actors(_prep_objects(verb, preps), subtree=True)
    if not targets:
        targets = look.actors(_prep_objects(verb, frozenset({"between"})), subtree=True)
    if not targets and trigger.absorbs and cand.absorbed is None:
        clauses = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp")]
        targets = look.actors([s for c in clauses for s in c.children if s.dep_ in SUBJECTS])
    if cand.absorbed is not None and not targets:
        inner = cand.absorbed
        if inner.nominal:
            targets = noun_arguments(inner, look)[1]
        else:
            inner_targets = verb_arguments(inner, look)[1]
            inner_subjects = look.actors([c for c in inner.token.children if c.dep_ in SUBJECTS])
            targets = inner_targets if cand.event_type == "THREATEN" else inner_subjects
            targets = targets or inner_targets
    if not targets and trigger.roles != "notarget":
        objects = [c for c in verb.children if c.dep_ in OBJECTS]
        targets = look.actors(objects, subtree=True, exclude=sources)
    if not targets and trigger.roles != "notarget":
        # Last resort, as coders do: the country where it happens ("lifted the curfew in
        # Montenegro", "sought refuge in Germany").
        scene = [c for c in (verb, *(c for c in verb.children if c.dep_ in OBJECTS))]
        targets = look.actors(
            [p for t in scene for p in _prep_objects(t, frozenset({"in", "into"}))],
            subtree=True,
            exclude=sources,
        )
    if trigger.roles == "swap":
        sources, targets = targets, sources
    if trigger.roles == "notarget":
        targets = []
    return sources, targets


def noun_arguments(cand: Candidate, look: ActorLookup) -> tuple[list[Actor], list[Actor]]:
    noun, trigger = cand.token, cand.trigger
    owners = [c for c in noun.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
    sources = look.actors(owners)
    sources += [a for a in look.actors(_prep_objects(noun, frozenset({"by"}))) if a not in sources]
    between = look.actors(_prep_objects(noun, frozenset({"between", "among"})), subtree=True)
    if not sources and between:
        sources = between
    if not sources and noun.dep_ in OBJECTS | {"attr"}:
        sources = look.actors(_subject_of(noun.head))
    targets = look.actors(_prep_objects(noun, trigger.target_preps), subtree=True)
    if not targets and between and between != sources:
        targets = between
    return sources, targets


# --- modality, negation, attribution ---------------------------------------------------------


def _clause_chain(token: Token) -> Iterator[Token]:
    """The trigger and the verbs it hangs from within one clause chain (xcomp, conj, aux)."""
    yield token
    while token.dep_ in ("xcomp", "conj", "acl", "pcomp", "dobj", "pobj", "prep") and (
        token.head is not token
    ):
        token = token.head
        yield token


def is_negated(token: Token, lex: Lexicon) -> bool:
    for t in _clause_chain(token):
        if any(c.dep_ == "neg" for c in t.children):
            return True
        if t is not token and lex.cue("neg_governor", _lemma(t)):
            return True
        if any(c.dep_ in ("mark", "prep") and lex.cue("negator", _lemma(c)) for c in t.children):
            return True
        if t.dep_ == "pcomp" and lex.cue("negator", _lemma(t.head)):
            return True  # "without returning"
    return any(_lemma(c) in ("no", "never") and c.dep_ == "det" for c in token.children)


FINITE = frozenset({"VBD", "VBZ", "VBP"})


def _modal_scope(token: Token) -> Iterator[Token]:
    """The clause chain a modal can reach: "could impose ... and urged" ends at "urged",
    a finite verb with its own tense."""
    for t in _clause_chain(token):
        yield t
        if t.dep_ == "conj" and t.tag_ in FINITE:
            return


def modal(token: Token, lex: Lexicon) -> str | None:
    infinitive = any(c.dep_ == "aux" and _lemma(c) == "to" for c in token.children)
    purpose = token.dep_ in ("acl", "advcl") and infinitive
    if purpose and not lex.cue("purpose_is_act", _lemma(token)):
        return "to"  # "the right to fire", "resigned to allow elections": aims, not acts
    if token.dep_ == "acl" and token.tag_ == "VBG":
        return "to"  # "a law recognizing the results" describes, it does not report
    chain = list(_modal_scope(token))
    for t in chain:
        for child in t.children:
            if child.dep_ == "advcl" and any(
                g.dep_ == "mark" and _lemma(g) == "unless" for g in child.children
            ):
                return "unless"  # "will withdraw ... unless X": a threat
    for t in chain:
        if t is not token and lex.cue("intent", _lemma(t)):
            return "will"  # "is willing to send", "plans to impose"
        for child in t.children:
            if child.dep_ == "aux" and lex.cue("modal", _lemma(child)):
                return _lemma(child)
            if child.dep_ == "mark" and lex.cue("condition", _lemma(child)):
                return "if"
    return None


def attribution(
    token: Token, look: ActorLookup, lex: Lexicon
) -> tuple[Attribution | None, Token | None]:
    """The speaker when the event is reported speech: "X said that ...", "..., X said"."""
    current = token
    for _ in range(8):
        head = current.head
        if head is current:
            break
        if current.dep_ in ("ccomp", "parataxis") and lex.cue("speech", _lemma(head)):
            return _speaker(head, look), head
        current = head
    root = token.sent.root
    for child in (*token.children, *root.children):
        if (
            child.dep_ in ("parataxis", "ccomp", "advcl")
            and lex.cue("speech", _lemma(child))
            and child.i > token.i
        ):
            return _speaker(child, look), child
    for t in (token, root):
        for prep in t.children:
            if prep.dep_ == "prep" and _lemma(prep) == "accord":
                pobj = [g for c in prep.children for g in c.subtree if g.dep_ == "pobj"]
                if pobj:
                    actor = look.actor(pobj[0])
                    text = _phrase(pobj[0])
                    return Attribution(speaker=_speaker_from(text, actor), cue="according to"), None
    return None, None


def _phrase(token: Token) -> str:
    left = min(
        t.i for t in token.subtree if t.dep_ not in ("relcl", "punct", "cc", "conj") or t is token
    )
    span = token.doc[left : token.i + 1]
    return span.text


def _speaker(verb: Token, look: ActorLookup) -> Attribution:
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS] or _subject_of(verb)
    if not subjects:
        return Attribution(speaker=Speaker(text=""), cue=verb.text)
    actor = look.actor(subjects[0])
    return Attribution(speaker=_speaker_from(_phrase(subjects[0]), actor), cue=verb.text)


def _speaker_from(text: str, actor: Actor | None) -> Speaker:
    if actor is None:
        return Speaker(text=text)
    return Speaker(text=text, country=actor.country, sector=actor.sector)


# --- speech acts: what is said is itself the event -------------------------------------------


def speech_acts(
    sent: Span, lex: Lexicon, look: ActorLookup
) -> list[tuple[Candidate, list[Actor], list[Actor]]]:
    """ "X said Y is a major concern" is X's criticism of Y; "X said Y must ..." is X's demand.

    Only the speaker's own words qualify, so the speaker is the source and the subject of the
    reported clause the target.
    """
    acts = []
    for verb in sent:
        if not lex.cue("speech", _lemma(verb)):
            continue
        speakers = look.actors([c for c in verb.children if c.dep_ in SUBJECTS])
        if not speakers:
            continue
        for clause in (c for c in verb.children if c.dep_ == "ccomp"):
            kind = _speech_kind(clause, lex)
            if kind is None:
                continue
            subjects = [c for c in clause.children if c.dep_ in SUBJECTS]
            targets = [
                a
                for a in look.actors(subjects, subtree=True)
                if not any(_same(a, s) for s in speakers)
            ]
            etype, mode = (
                ("ACCUSE", "disapprove") if kind == "disapproval" else ("REQUEST", "change")
            )
            trigger = Trigger(lemma=_lemma(verb), event_type=etype, mode=mode)
            acts.append((Candidate(clause, trigger, nominal=False), speakers, targets))
    return acts


def _speech_kind(clause: Token, lex: Lexicon) -> str | None:
    for child in clause.children:
        if child.dep_ == "aux" and lex.cue("obligation", _lemma(child)):
            return "obligation"
    for t in (clause, *clause.conjuncts):
        for child in t.children:
            if child.dep_ in ("attr", "acomp", "dobj") and lex.cue("disapproval", _lemma(child)):
                return "disapproval"
    return None


# --- assembling events ------------------------------------------------------------------------


def recode(
    cand: Candidate, mode_word: str | None, negated: bool, own_words: bool
) -> tuple[str, str | None, bool]:
    """Intent is not action: a promised cooperation is AGREE, a conditional blow by the actor
    itself is THREATEN, a refused cooperation is REJECT.

    Returns (type, mode, whether the event is still hypothetical).
    """
    etype, mode = cand.event_type, cand.mode
    if mode_word is None:
        if negated and etype in COOPERATIVE:
            return "REJECT", _absorbed_mode("REJECT", cand), False
        return etype, mode, False
    if mode_word in ("if", "to"):
        return etype, mode, True
    if mode_word == "unless" and own_words:
        return "THREATEN", _absorbed_mode("THREATEN", cand), False
    if negated and etype in COOPERATIVE and own_words:
        return "REJECT", _absorbed_mode("REJECT", cand), False
    if not negated and etype in COOPERATIVE - {"AGREE"} and mode_word in ("will", "would", "shall"):
        return "AGREE", None, False
    if not own_words:
        return etype, mode, True
    if etype in MATERIAL_CONFLICT and mode_word in ("will", "would", "could", "may", "might"):
        return "THREATEN", _absorbed_mode("THREATEN", cand), False
    return etype, mode, True


def sentence_events(
    sent: Span,
    index: int,
    doc_id: str,
    lex: Lexicon,
    look: ActorLookup,
    article_date: dt.date | None,
    default_place: Location | None,
) -> list[Event]:
    events: list[Event] = []
    gazetteer = places.Gazetteer.load()
    found = [
        (cand, *(noun_arguments if cand.nominal else verb_arguments)(cand, look))
        for cand in absorb(find_candidates(sent, lex))
    ]
    # Cooperation needs a cooperating party, and a visit a visitor we can place; a blow can
    # be reported by its victims alone.
    found = [
        (cand, src, tgt) for cand, src, tgt in found
        if (src and (cand.trigger.roles != "visit" or any(a.country or a.igo for a in src)))
        or (tgt and cand.event_type not in COOPERATIVE)
    ]
    types = {cand.event_type for cand, _, _ in found}
    found += [act for act in speech_acts(sent, lex, look) if act[0].event_type not in types]
    for cand, sources, targets in found:
        targets = [t for t in targets if not any(_same(t, s) for s in sources)]
        speech_act = cand.token.dep_ == "ccomp" and cand.trigger.lemma != _lemma(cand.token)
        att, speech_verb = (None, None) if speech_act else attribution(cand.token, look, lex)
        negated = is_negated(cand.token, lex)
        mode_word = modal(cand.token, lex)
        if cand.nominal and _hedged(cand.token, lex):
            mode_word = mode_word or "possible"
        speaker_is_source = att is None or (
            bool(sources)
            and att.speaker.country is not None
            and att.speaker.country == sources[0].country
        )
        etype, mode, hypothetical = recode(cand, mode_word, negated, speaker_is_source)
        if etype == "ASSAULT" and mode is None:
            mode = lex.instrument_mode(sent)
        if etype != cand.event_type:
            negated = False if etype == "REJECT" else negated
        date, date_text = dates.event_date(sent, cand.token, article_date)
        location = places.event_location(sent, cand.token, gazetteer, default_place)
        trigger_text = cand.token.text
        if cand.absorbed is not None:
            trigger_text = (
                sent.doc[
                    min(cand.token.i, cand.absorbed.token.i) : max(
                        cand.token.i, cand.absorbed.token.i
                    )
                    + 1
                ].text
                if abs(cand.token.i - cand.absorbed.token.i) <= 4
                else cand.token.text
            )
        event_id = hashlib.sha1(
            f"{doc_id}\x1f{index}\x1f{cand.token.i}\x1f{etype}".encode()
        ).hexdigest()[:16]
        confidence = (
            0.4
            + 0.2 * bool(sources)
            + 0.2 * bool(targets)
            + 0.1 * bool(cand.trigger.requires)
            - 0.1 * cand.nominal
        )
        events.append(
            Event(
                event_id=event_id,
                doc_id=doc_id,
                sentence_index=index,
                event_type=etype,
                mode=mode,
                context=list(cand.trigger.context),
                source=sources,
                target=targets,
                date=date,
                date_text=date_text,
                location=location,
                trigger=trigger_text,
                evidence=Evidence(
                    sentence=sent.text.strip(),
                    start=sent.start_char + _lead(sent),
                    end=sent.start_char + _lead(sent) + len(sent.text.strip()),
                ),
                attribution=att if speech_verb is not None or att is not None else None,
                negated=negated,
                hypothetical=hypothetical,
                confidence=round(confidence, 2),
            )
        )
    return events


def _hedged(noun: Token, lex: Lexicon) -> bool:
    """ "a possible withdrawal", "speculation about a withdrawal": talk of an event, not one."""
    if any(c.dep_ == "amod" and lex.cue("hedge", _lemma(c)) for c in noun.children):
        return True
    return any(lex.cue("hedge", _lemma(a)) for a in noun.ancestors if a.pos_ == "NOUN")


def _lead(sent: Span) -> int:
    return len(sent.text) - len(sent.text.lstrip())


def _update_last_subject(sent: Span, look: ActorLookup) -> None:
    for token in sent:
        if token.dep_ in SUBJECTS and token._.actor is not None:
            look.last_subject = token._.actor
            return


def code_doc(doc: Doc) -> list[Event]:
    lex = Lexicon.load()
    article = doc._.article
    doc_id = article.id if article is not None else "text"
    article_date = article.date if article is not None else None
    default_place = places.dateline(doc.text, places.Gazetteer.load())
    look = ActorLookup(article_date)
    events: list[Event] = []
    for index, sent in enumerate(doc.sents):
        if sent.text.strip():
            events.extend(
                sentence_events(sent, index, doc_id, lex, look, article_date, default_place)
            )
        _update_last_subject(sent, look)
    return events


@Language.factory("newsevents_events")
def make_events(nlp: Language, name: str) -> EventCoder:
    Lexicon.load()
    return EventCoder()


class EventCoder:
    """spaCy component: sets ``doc._.events``."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = code_doc(doc)
        return doc
