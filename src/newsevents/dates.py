"""When an event happened, resolved against the article's publication date.

News rarely gives full dates: "on Monday", "last week", "18 years ago" only mean something
relative to the day the article was written, so the article date is dateparser's
``RELATIVE_BASE`` and ``PREFER_DATES_FROM`` is "past" (reports mostly tell what already
happened).

Precision policy: an event record has a single ``date``. A phrase that names a longer period
("last week", "April", "this year", "in 1988", "the 1990s", "18 years ago") resolves to the
first day of that period (the Monday of a week, the 1st of a month, January 1 of a year or
decade) and the phrase itself is kept in ``date_text`` so that a reader or a tool can tell a
day from a year. A date phrase that belongs to the event but cannot be resolved ("in recent
years", a relative phrase without an article date) gives ``date=None``: the event has its own
time, and the article date would be wrong for it. No date phrase at all means the article's
date.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from functools import cache, lru_cache

from dateparser.date import DateDataParser
from spacy.tokens import Span, Token

from newsevents.spans import entities_in
from newsevents.tables import data_path

DATE_LABELS = frozenset({"DATE", "TIME"})
# Dependencies that open a new clause: a date attached below one belongs to that clause's event.
CLAUSE_DEPS = frozenset(
    {"ccomp", "xcomp", "advcl", "relcl", "acl", "parataxis", "csubj", "csubjpass"}
)
# Clauses that carry what someone said.
REPORTED_DEPS = frozenset({"ccomp", "parataxis"})
# Dependencies along which an event shares the adjuncts of its governing verb.
CHAIN_DEPS = frozenset({"xcomp", "conj", "aux", "auxpass", "acomp", "oprd"})
# Nouns naming an event take the time of their light verb ("held talks on Monday") or of
# the verb they are the subject of ("talks resumed on Monday").
NOUN_CHAIN_DEPS = frozenset({"dobj", "nsubjpass", "nsubj"})
NUMBER_WORDS = (
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|few|several|many)"
)
DURATION_RE = re.compile(
    rf"^(?:the\s+)?(?:(?:past|last|next|first|coming)\s+)?{NUMBER_WORDS}(?:\s+more)?\s+"
    r"(?:days?|weeks?|months?|years?|decades?|hours?|minutes?)$",
    re.IGNORECASE,
)
DECADE_RE = re.compile(r"\b((?:1[0-9]|20)[0-9])0'?s\b")
YEAR_RE = re.compile(r"\b(?:1[0-9]|20)[0-9]{2}\b")
PERIODS_WITH_DAY = frozenset({"day", "part_of_day"})
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@cache
def _cues() -> dict[str, list[str]]:
    """The cue lists are data, read once per process."""
    path = data_path("dates", "time_cues.json")
    return json.loads(path.read_text(encoding="utf-8"))


@cache
def _qualifier_re() -> re.Pattern[str]:
    """Vagueness words ("late", "earlier", "the end of") that dateparser cannot read."""
    words = sorted(_cues()["qualifiers"], key=len, reverse=True)
    alternatives = "|".join(re.escape(w) for w in words)
    return re.compile(rf"^(?:{alternatives})\s*", re.IGNORECASE)


def event_date(
    sent: Span, trigger: Token, article_date: dt.date | None
) -> tuple[dt.date | None, str | None]:
    """The event's (date, date_text): its own date phrase if it has one, else the article's.

    Only a DATE/TIME entity attached to the trigger's own clause counts, or failing that the
    date of the statement that reports it; a date in an unrelated clause of the sentence
    dates another event.
    """
    for ent in _own_date_entities(sent, trigger):
        if _is_duration(ent):
            continue
        return resolve(ent.text, article_date), _with_preposition(ent)
    cue = _background_adverb(trigger)
    if cue is not None:
        return None, cue
    return article_date, None


def _own_date_entities(sent: Span, trigger: Token) -> list[Span]:
    """Date entities of the sentence that modify the trigger's event, closest scope first.

    Last come the dates of the verb that reports the trigger's clause ("officials said on
    April 4 that the purchase is a concern"): the statement's date is the best bound for
    what it reports when the clause has no date of its own.
    """
    scopes = (*event_scope(trigger), _reporting_scope(trigger))
    ranked: list[tuple[int, int, Span]] = []
    for ent in entities_in(sent):
        if ent.label_ not in DATE_LABELS:
            continue
        tier = next((n for n, scope in enumerate(scopes) if ent.root.i in scope), None)
        if tier is not None:
            ranked.append((tier, abs(ent.root.i - trigger.i), ent))
    return [ent for _, _, ent in sorted(ranked, key=lambda r: (r[0], r[1]))]


def _reporting_scope(trigger: Token) -> set[int]:
    """The phrase of the verb whose reported content contains the trigger, if any."""
    token = trigger
    while shares_adjuncts(token):
        token = token.head
    if token.dep_ not in REPORTED_DEPS or token.head is token:
        return set()
    return _clause_subtree(token.head)


def event_scope(trigger: Token) -> tuple[set[int], set[int]]:
    """Token indices whose modifiers describe the trigger's event.

    The first set is the trigger's own phrase (its subtree, not entering embedded clauses);
    the second adds the phrases of the verbs it shares adjuncts with: the verb it is the
    complement or conjunct of ("threatened on Monday to storm", "met Monday and signed"), or
    the light verb of an event noun ("held talks in Geneva").
    """
    own = _clause_subtree(trigger)
    shared: set[int] = set()
    token = trigger
    while shares_adjuncts(token):
        token = token.head
        shared |= _clause_subtree(token)
    return own, shared - own


def shares_adjuncts(token: Token) -> bool:
    """Whether the token shares the time and place of its syntactic head."""
    if token.head is token:
        return False
    if token.dep_ in CHAIN_DEPS:
        return True
    return token.pos_ in ("NOUN", "PROPN") and token.dep_ in NOUN_CHAIN_DEPS


def _clause_subtree(token: Token) -> set[int]:
    """The token's subtree without the clauses embedded in it (or verb conjuncts)."""
    return subtree_without(token, CLAUSE_DEPS, skip_verb_conjuncts=True)


def subtree_without(
    token: Token, deps: frozenset[str], *, skip_verb_conjuncts: bool = False
) -> set[int]:
    """Indices of the token's subtree, not descending into children attached by ``deps``."""
    found = {token.i}
    stack = list(token.children)
    while stack:
        child = stack.pop()
        if child.dep_ in deps:
            continue
        if skip_verb_conjuncts and child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"):
            continue
        found.add(child.i)
        stack.extend(child.children)
    return found


def _with_preposition(ent: Span) -> str:
    """The phrase as the article put it: "on Monday", not "Monday"."""
    head = ent.root.head
    if ent.root.dep_ == "pobj" and head.i == ent.start - 1:
        return f"{head.text} {ent.text}"
    return ent.text


def _is_duration(ent: Span) -> bool:
    """ "for three days" says how long, not when."""
    head = ent.root.head
    if ent.root.dep_ == "pobj" and head.lower_ in _cues()["duration_prepositions"]:
        return True
    return bool(DURATION_RE.match(ent.text.strip()))


def _background_adverb(trigger: Token) -> str | None:
    """An adverb such as "previously" that moves the event before the article, undated."""
    own, shared = event_scope(trigger)
    doc = trigger.doc
    for i in sorted(own | shared):
        token = doc[i]
        if token.dep_ == "advmod" and token.lower_ in _cues()["background_adverbs"]:
            return token.text
    return None


def resolve(text: str, article_date: dt.date | None) -> dt.date | None:
    """Resolve one date phrase; None when it names no date or needs a missing article date."""
    cleaned = _clean(text)
    if not cleaned:
        return None
    decade = DECADE_RE.search(cleaned)
    if decade:
        return dt.date(int(decade.group(1)) * 10, 1, 1)
    if article_date is None and not YEAR_RE.search(cleaned):
        return None
    lowered = cleaned.lower()
    if article_date is not None and lowered == WEEKDAYS[article_date.weekday()]:
        return article_date  # "on Monday" in a Monday paper is that day, not a week before
    return _parse(lowered, article_date)


def _clean(text: str) -> str:
    """Strip what dateparser stumbles on: possessives and vagueness words."""
    cleaned = re.sub(r"['’]s$", "", text.strip())
    previous = None
    while previous != cleaned:
        previous = cleaned
        cleaned = _qualifier_re().sub("", cleaned).strip()
    return cleaned


@lru_cache(maxsize=4096)
def _parse(text: str, base: dt.date | None) -> dt.date | None:
    """dateparser is slow (milliseconds, and a language load on first use): parse each
    (phrase, base) once per process."""
    settings: dict[str, object] = {
        "PREFER_DATES_FROM": "past",
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_TIME_AS_PERIOD": True,
    }
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime.combine(base, dt.time())
    parser = DateDataParser(languages=["en"], settings=settings)
    try:
        data = parser.get_date_data(text)
    except (ValueError, OverflowError):
        return None
    if data.date_obj is None:
        return None
    return _period_start(data.date_obj.date(), data.period, text)


def _period_start(day: dt.date, period: str | None, text: str) -> dt.date | None:
    """The first day of the period the phrase names (see the module's precision policy)."""
    if period == "year":
        return day.replace(month=1, day=1)
    if period == "month":
        return day.replace(day=1)
    if period == "week":
        return day - dt.timedelta(days=day.weekday())
    if period in PERIODS_WITH_DAY:
        return day
    if period == "time" and "ago" in text:
        return day
    return None
