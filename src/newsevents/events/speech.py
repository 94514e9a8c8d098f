"""Reported speech: who says an event happened, and statements that are events themselves."""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsevents.events.arguments import ActorLookup, same_actor
from newsevents.events.lexicon import Lexicon, Trigger
from newsevents.events.modality import is_negated
from newsevents.events.syntax import SUBJECTS, agent_of, is_passive, lemma, subject_of
from newsevents.events.triggers import COMMANDED_SECTORS, HOSTILE, Candidate
from newsevents.models import Actor, Attribution, Speaker


def attribution(
    token: Token, look: ActorLookup, lex: Lexicon
) -> tuple[Attribution | None, Token | None]:
    """The speaker when the event is reported speech: "X said that ...", "..., X said"."""
    verb = lex.speech_verb(token)
    if verb is not None:
        return _speaker(verb, look), verb
    root = token.sent.root
    for child in (*token.children, *root.children):
        if (
            child.dep_ in ("parataxis", "ccomp", "advcl")
            and lex.cue("speech", lemma(child))
            and child.i > token.i
        ):
            return _speaker(child, look), child
    for t in (token, root):
        for prep in t.children:
            if prep.dep_ == "prep" and lemma(prep) == "accord":
                pobj = [g for c in prep.children for g in c.subtree if g.dep_ == "pobj"]
                if pobj:
                    actor = look.actor(pobj[0])
                    text = _phrase(pobj[0])
                    return Attribution(speaker=_speaker_from(text, actor), cue="according to"), None
    return None, None


def _phrase(token: Token) -> str:
    left = min(
        t.i for t in token.subtree
        if t.dep_ not in ("relcl", "punct", "cc", "conj") or t.i == token.i
    )
    span = token.doc[left : token.i + 1]
    return span.text


def _speaker(verb: Token, look: ActorLookup) -> Attribution:
    subjects = [c for c in verb.children if c.dep_ in SUBJECTS] or subject_of(verb)
    if not subjects:
        return Attribution(speaker=Speaker(text=""), cue=verb.text)
    actor = look.actor(subjects[0])
    return Attribution(speaker=_speaker_from(_phrase(subjects[0]), actor), cue=verb.text)


def _speaker_from(text: str, actor: Actor | None) -> Speaker:
    if actor is None:
        return Speaker(text=text)
    return Speaker(text=text, country=actor.country, sector=actor.sector)


def speech_acts(
    sent: Span, lex: Lexicon, look: ActorLookup
) -> list[tuple[Candidate, list[Actor], list[Actor]]]:
    """ "X said Y is a major concern" is X's criticism of Y, and "X said Y was behind the
    attack" X's blame of Y; "X said Y must ..." is X's demand.

    Only the speaker's own words qualify, so the speaker is the source and the subject of the
    reported clause the target.
    """
    acts = []
    for verb in sent:
        if not lex.cue("speech", lemma(verb)) or is_negated(verb, lex):
            continue  # "I do not think they are wrong"
        speakers = look.actors([c for c in verb.children if c.dep_ in SUBJECTS])
        if not speakers:
            continue
        for clause in (c for c in verb.children if c.dep_ == "ccomp"):
            kind = _speech_kind(clause, lex)
            subjects = [c for c in clause.children if c.dep_ in SUBJECTS]
            contended = kind is None and lex.cue("contention", lemma(verb))
            if contended:
                subjects = _alleged_doers(clause, lex)
                kind = "blame" if subjects else None
            if kind is None:
                continue
            targets = [
                a
                for a in look.actors(subjects, subtree=True)
                if not any(same_actor(a, s) or (contended and _commands(s, a)) for s in speakers)
            ]
            if kind == "blame" and (not targets or any(s.pos_ == "PRON" for s in subjects)):
                continue  # "the group said it was behind the attack" claims the attack
            etype, mode = (
                ("REQUEST", "change") if kind == "obligation" else ("ACCUSE", "disapprove")
            )
            trigger = Trigger(lemma=lemma(verb), event_type=etype, mode=mode)
            acts.append((Candidate(clause, trigger, nominal=False), speakers, targets))
    return acts


def _speech_kind(clause: Token, lex: Lexicon) -> str | None:
    for child in clause.children:
        if child.dep_ == "aux" and lex.cue("obligation", lemma(child)):
            return "obligation"
    if is_negated(clause, lex):
        return None  # "said the exercise is not a threat"
    for t in (clause, *clause.conjuncts):
        for child in t.children:
            if (child.dep_ in ("attr", "acomp", "dobj") and lex.cue("disapproval", lemma(child))
                    and not is_negated(child, lex)):  # "poses no threat"
                return "disapproval"
        if _blames(t, lex):
            return "blame"
    return None


def _blames(verb: Token, lex: Lexicon) -> bool:
    """The clause ties its subject to a hostile act or a word of blame through a linking word
    (cue ``blame_link``): "said the rebels were behind the bombing", "... is responsible for
    the raids", "said the shelling amounts to a war crime". A bare preposition elsewhere
    ("said the talks focused on the threat") is not blame."""
    heads = [verb, *(c for c in verb.children if c.dep_ in ("attr", "acomp"))]
    for head in heads:
        for prep in (c for c in head.children if c.dep_ == "prep"):
            link = prep if lex.cue("blame_link", lemma(prep)) else head
            if not lex.cue("blame_link", lemma(link)):
                continue
            for obj in (c for c in prep.children if c.dep_ == "pobj"):
                noun = lex.nouns.get(lemma(obj))
                if (noun is not None and noun.event_type in HOSTILE) or lex.cue(
                        "disapproval", lemma(obj)):
                    return True
    return False


def _commands(speaker: Actor, doer: Actor) -> bool:
    """A state's claim of what its own government or forces did is a report of its own act,
    not blame: "Ankara claimed the Turkish air force had killed 200 fighters"."""
    return (speaker.country is not None and speaker.country == doer.country
            and speaker.sector in COMMANDED_SECTORS and doer.sector in COMMANDED_SECTORS)


def _alleged_doers(clause: Token, lex: Lexicon) -> list[Token]:
    """Who a contested claim says did a hostile act (cue ``contention``): "claimed the
    guards had beaten them" and "claims he was tortured by the police" blame the guards and
    the police. Only the hand lexicon's
    hostile verbs count, and only a doer the clause names: "claimed they had been kidnapped"
    names none, and "claimed its jets had struck" tells of its own forces."""
    for t in (clause, *clause.conjuncts):
        if not any(not e.learned and e.event_type in HOSTILE for e in lex.verbs.get(lemma(t), ())):
            continue
        doers = agent_of(t) if is_passive(t) else [c for c in t.children if c.dep_ in SUBJECTS]
        if doers and not any(c.dep_ == "poss" and c.pos_ == "PRON" for d in doers
                             for c in d.children):
            return doers  # not "claimed its jets had killed forty fighters": its own
    return []
