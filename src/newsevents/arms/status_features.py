"""What a learned model of a deal's status would weigh, as strings: for measuring one.

The rules (``status``, ``records``) read a deal's stage from the nearest cue governing the
system and the tense of the transfer word. ``deal_features`` puts what they saw into strings
a logistic model can weigh: the rules' status and the cue that gave it, the verbs governing
each mention of the system with their tense, modal and negation, the words near it, the
status words of its sentences, whether a sentence is the passage's first, and the order of
the stages the passage's sentences tell. ``bench/arms_status_model.py`` fits such a model on
our written passages and scores it against the rules; docs/arms.md gives the figures (it
did not carry to real reporting, so the coder reads status by the rules alone).
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from newsevents.arms.lexicon import Lexicon
from newsevents.arms.mentions import mention_head
from newsevents.arms.reading import Reading
from newsevents.arms.status import cues_in
from newsevents.events.syntax import lemma
from newsevents.models import ArmsTransfer

# Words each side of a mention that are read as its neighbours.
WINDOW = 3
# Verbs read above a mention: the one it hangs from and the one that verb serves.
GOVERNING = 2


def governing_verbs(token: Token) -> list[Token]:
    """The verb a mention hangs from and, when that verb is an infinitive or a clause under
    another ("plans to buy", "said it would deliver"), the verb above it."""
    verbs: list[Token] = []
    for _ in range(8):
        if token.head.i == token.i:
            break
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            verbs.append(token)
            if len(verbs) == GOVERNING or token.dep_ not in ("xcomp", "ccomp", "advcl", "conj",
                                                             "relcl", "acl", "pcomp"):
                break
    return verbs


def _verb_features(verb: Token, rank: int) -> list[str]:
    """The verb's lemma with its tense, aspect, modal, passive and negation."""
    word = lemma(verb)
    tense = verb.morph.get("Tense")
    aspect = verb.morph.get("Aspect")
    modal = next((lemma(c) for c in verb.children if c.tag_ == "MD"), None)
    if modal is None and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        modal = "to"
    perfect = any(c.dep_ == "aux" and lemma(c) == "have" for c in verb.children)
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    negative = any(c.dep_ == "neg" for c in verb.children)
    return [f"gov{rank}={word}", f"gov={word}", f"gov{rank}.tag={verb.tag_}",
            f"gov{rank}.tense={tense[0] if tense else None}|{aspect[0] if aspect else None}",
            f"gov{rank}.modal={modal}", f"gov{rank}.perfect={perfect}",
            f"gov{rank}.passive={passive}", f"gov{rank}.neg={negative}",
            f"gov{rank}|modal={word}|{modal}", f"gov{rank}|tag={word}|{verb.tag_}"]


def _near(reading: Reading) -> list[str]:
    span = reading.mention.span
    sent = reading.sent
    doc = sent.doc
    out = []
    for i in range(max(sent.start, span.start - WINDOW), span.start):
        out.append(f"left={doc[i].lemma_.lower()}")
    for i in range(span.end, min(sent.end, span.end + WINDOW)):
        out.append(f"right={doc[i].lemma_.lower()}")
    return out


def _stages(sent: Span, lex: Lexicon) -> list[str]:
    """The statuses the sentence's cues say, in text order."""
    return [cue.status for cue, _ in cues_in(sent, lex)]


def _sentences(doc: Doc, deal: ArmsTransfer) -> list[Span]:
    """The deal's evidence sentences as spans of the document, in text order."""
    found: dict[int, Span] = {}
    for evidence in deal.evidence:
        span = doc.char_span(evidence.start, evidence.end, alignment_mode="expand")
        if span is not None and len(span):
            sent = span[0].sent
            found.setdefault(sent.start, sent)
    return [found[k] for k in sorted(found)]


def deal_features(deal: ArmsTransfer, readings: Sequence[Reading], doc: Doc,
                  lex: Lexicon) -> list[str]:
    """The strings a deal's status is weighed by; each stands for a weight per status."""
    rules = deal.status
    out = [f"rule={rules}", "bias"]
    first_start = next(iter(doc.sents)).start if len(doc) else 0
    for reading in readings:
        cue = reading.cue or "none"
        out += [f"r.status={reading.status}", f"r.explicit={reading.explicit}",
                f"cue={cue}", f"rule|cue={rules}|{cue}", f"r.partial={reading.partial}",
                f"r.first={reading.sent.start == first_start}",
                f"rule|first={rules}|{reading.sent.start == first_start}"]
        for rank, verb in enumerate(governing_verbs(mention_head(reading.mention))):
            out += _verb_features(verb, rank)
            out.append(f"rule|gov={rules}|{lemma(verb)}")
        out += _near(reading)
    sentences = _sentences(doc, deal)
    order: list[str] = []
    for sent in sentences:
        stages = _stages(sent, lex)
        for stage in stages:
            out += [f"sw={stage}", f"rule|sw={rules}|{stage}"]
        for cue, _ in cues_in(sent, lex):
            out.append(f"sw.word={' '.join(cue.words)}")
        for stage in stages:
            if not order or order[-1] != stage:
                order.append(stage)
        if sent.start == first_start:
            out += [f"first.sw={stage}" for stage in stages] or ["first.sw=none"]
    out += [f"stages={'>'.join(order[:4])}", f"stage.first={order[0] if order else None}",
            f"stage.last={order[-1] if order else None}",
            f"rule|stage.last={rules}|{order[-1] if order else None}",
            f"n.stages={min(len(set(order)), 3)}", f"n.sents={min(len(sentences), 4)}"]
    return out
