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
years", "previously", a relative phrase without an article date) gives ``date=None``: the event
has its own time, and the article date would be wrong for it. No date phrase of the event's own
gives no date either: news tells many past events without dating them, and stamping them with
the publication date made up a date the text does not give (the store still files such an
event under its article's date). A resolved date is never after the publication date.
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
from newsevents.weapons import Catalogue

DATE_LABELS = frozenset({"DATE", "TIME"})
# Dependencies that open a new clause: a date attached below one belongs to that clause's event.
CLAUSE_DEPS = frozenset(
    {"ccomp", "xcomp", "advcl", "relcl", "acl", "parataxis", "csubj", "csubjpass"}
)
VERBS = frozenset({"VERB", "AUX"})
# Clauses that carry what someone said: their dates are the speaker's, not the event's.
REPORTED_DEPS = frozenset({"ccomp", "parataxis"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
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
    r"^(?:(?:less|more|fewer)\s+than\s+|almost\s+|nearly\s+|about\s+|over\s+|under\s+)?"
    rf"(?:the\s+)?(?:(?:past|last|next|first|coming)\s+)?{NUMBER_WORDS}(?:\s+more)?\s+"
    r"(?:days?|weeks?|months?|years?|decades?|hours?|minutes?)$"
    r"|^(?:its|their|the)\s+\w+(?:st|nd|rd|th)\s+(?:day|week|month|year)$",
    re.IGNORECASE,
)
AGE_RE = re.compile(r"\byears?[- ]old\b", re.IGNORECASE)
DECADE_RE = re.compile(r"\b((?:1[0-9]|20)[0-9])0'?s\b")
# Units of time standing alone, which say how long, never when ("weeks of strikes").
BARE_LENGTHS = frozenset({"hours", "days", "weeks", "months", "years", "decades"})
# Words after a length that make it a time: "hours before", "days later", "weeks ago".
RELATIVE_WORDS = frozenset({"before", "after", "later", "earlier", "ago", "since"})
YEAR_RE = re.compile(r"\b(?:1[0-9]|20)[0-9]{2}\b")
PERIODS_WITH_DAY = frozenset({"day", "part_of_day"})
SINCE = "SINCE"  # the label of a "since ..." phrase that holds no date entity
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
    """The event's (date, date_text): its own date phrase, resolved, or (None, None).

    Only a date phrase of the trigger's own event counts (see ``_date_phrases``): a date in
    another clause dates another event, and the date of a statement that reports the event
    ("officials said on Tuesday that ...") dates the statement. An event the text does not
    date has no date: the publication date would be wrong for the many past events news
    reports. A phrase that resolves after the publication date (a plan, a misreading) keeps
    its text and no date: a report cannot date an event that has not happened yet.
    """
    phrase = next(iter(_date_phrases(sent, trigger)), None)
    if phrase is None:
        return None, None
    if isinstance(phrase, Token):  # an adverb: "previously", "recently", "overnight"
        return None, phrase.text
    day = None if _is_length(phrase) else resolve(phrase.text, article_date)
    if day is not None and article_date is not None and day > article_date:
        day = None
    return day, _with_preposition(phrase)


def _date_phrases(sent: Span, trigger: Token) -> list[Span | Token]:
    """Date phrases that modify the trigger's event, best first.

    The tiers, in order: the trigger's own phrase; the phrases of the verbs it shares
    adjuncts with (``event_scope``); the verbs coordinated with it that share its subject
    ("was shot and killed in Dushanbe on Tuesday"); the clauses that modify its nouns, where
    the parser often hangs a sentence's closing date ("fired at demonstrators who thronged
    Hama on Friday"); clauses of the same moment ("shot ... as he stepped out of a courthouse
    Tuesday evening", "killed ... on Thursday when security forces raided"); the rest of
    its phrase outside reported speech, and its other conjuncts; the words that close a
    report before its source ("... overnight Friday, a spokesman told AFP"); a date that
    opens the sentence ("In July, ..."). Within a tier, the nearest first.
    """
    phrases = _candidates(sent, trigger)
    if not phrases:
        return []  # most sentences: no need to read the scopes
    scopes = (
        *event_scope(trigger), _coordinated_scope(trigger), simultaneous_scope(trigger),
        _wide_scope(trigger), _reported_tail(trigger), _opening(sent),
    )
    ranked: list[tuple[int, int, Span | Token]] = []
    for phrase in phrases:
        root = phrase.root if isinstance(phrase, Span) else phrase
        distance = abs(root.i - trigger.i)
        if isinstance(phrase, Span) and phrase.label_ == SINCE:
            root = phrase[0] if phrase[0].dep_ == "prep" else root.head  # the verb it is on
            distance = len(sent) + abs(phrase.start - trigger.i)  # a date of its tier first
        tier = next((n for n, scope in enumerate(scopes) if root.i in scope), None)
        if tier is not None:
            ranked.append((tier, distance, phrase))
    return [phrase for _, _, phrase in sorted(ranked, key=lambda r: (r[0], r[1]))]


def _candidates(sent: Span, trigger: Token) -> list[Span | Token]:
    """Every phrase of the sentence that could date an event: date and time entities (not
    ages or durations), named wars and attacks that carry a year ("the 1967 Middle East
    war"), time adverbs of a verb ("previously", "overnight") and "recent" on the trigger."""
    entities = [ent for ent in _date_entities(sent)
                if not _is_duration(ent) and not _is_age(ent) and not _describes(ent, trigger)]
    covered = {t.i for ent in entities for t in ent}
    words = [t for t in sent if t.i not in covered and _time_word(t, trigger)]
    return [*entities, *words, *_since_phrases(sent, covered)]


def _since_phrases(sent: Span, covered: set[int]) -> list[Span]:
    """ "have been killed since the conflict resumed", "since the start of the war": the
    period a tally or a state runs from, when no date entity says it ("since March 2011" is
    one already)."""
    found: list[Span] = []
    for token in sent:
        if token.lower_ != "since" or token.i + 1 >= sent.end:
            continue
        if token.dep_ == "prep" and any(c.dep_ == "pobj" for c in token.children):
            end = token.right_edge.i + 1
        elif token.dep_ == "mark" and token.head.dep_ == "advcl" and token.head.i > token.i:
            end = token.head.right_edge.i + 1
        else:
            continue
        while end > token.i + 1 and sent.doc[end - 1].is_punct:
            end -= 1
        if not covered.intersection(range(token.i, end)):
            found.append(Span(sent.doc, token.i, end, label=SINCE))
    return found


def _time_word(token: Token, trigger: Token) -> bool:
    """ "previously" or "overnight" on a verb (not "the group, formerly Al-Nusra"), or
    "recent" on the event noun ("a recent operation")."""
    cues = _cues()
    if token.dep_ == "advmod" and token.lower_ in cues["time_adverbs"]:
        return token.head.pos_ in VERBS or token.head == trigger
    return token.dep_ == "amod" and token.lower_ in cues["time_adjectives"] and (
        token.head == trigger
    )


def simultaneous_scope(trigger: Token) -> set[int]:
    """Clauses that tell the same moment: a "when", "as" or "while" clause of the trigger's
    verbs, or the clause one of them is the "when" clause of."""
    found: set[int] = set()
    for head in _adjunct_heads(trigger):
        for child in head.children:
            if child.dep_ == "advcl" and _simultaneous(child):
                found |= _clause_subtree(child)
        if head.dep_ == "advcl" and _simultaneous(head):
            for governor in _adjunct_heads(head.head):
                found |= _clause_subtree(governor)
    return found


def _simultaneous(clause: Token) -> bool:
    return any(
        c.dep_ in ("mark", "advmod") and c.lower_ in _cues()["simultaneous"]
        for c in clause.children
    )


def _wide_scope(trigger: Token) -> set[int]:
    """Everything below the trigger's verbs and their conjuncts but reported speech and
    clauses of another moment ("after forces recaptured the towns on Tuesday")."""
    found: set[int] = set()
    for head in _adjunct_heads(trigger):
        for verb in (head, *head.conjuncts):
            found |= _same_moment_subtree(verb)
    return found


def _same_moment_subtree(token: Token) -> set[int]:
    found = {token.i}
    stack = list(token.children)
    while stack:
        child = stack.pop()
        if child.dep_ in REPORTED_DEPS or _sequenced(child):
            continue
        found.add(child.i)
        stack.extend(child.children)
    return found


def _sequenced(token: Token) -> bool:
    """A clause or phrase set before or after the event: "after ...", "since ...", "before"."""
    ordering = _cues()["sequence"]
    if token.dep_ == "prep" and token.lower_ in ordering:
        return True
    return token.dep_ == "advcl" and any(
        c.dep_ in ("mark", "prep") and c.lower_ in ordering for c in token.children
    )


def _reported_tail(trigger: Token) -> set[int]:
    """The words right after a reported clause, up to the comma before its source ("... was
    shot dead in central Moscow overnight Friday, a spokesman told AFP"): the parser hangs
    a date there on the verb of saying, but it closes the report, not the saying."""
    clause = _adjunct_heads(trigger)[-1]
    verb = clause.head
    if clause.dep_ not in REPORTED_DEPS or verb.i <= clause.i:
        return set()
    found: set[int] = set()
    for token in clause.doc[clause.right_edge.i + 1 : verb.i]:
        if token.is_punct or token.dep_ in SUBJECT_DEPS:
            break
        found.add(token.i)
    return found


def _opening(sent: Span) -> set[int]:
    """A date that opens the sentence ("In July, ...", "Nov. 4, 1995 _ Rabin is shot")
    frames all it tells."""
    doc = sent.doc
    i = sent.start
    while i < sent.end and (doc[i].is_punct or doc[i].is_space or doc[i].dep_ == "prep"):
        i += 1
    found: set[int] = set()
    while i < sent.end and doc[i].ent_type_ in DATE_LABELS:
        found.add(i)
        i += 1
    return found


def _date_entities(sent: Span) -> list[Span]:
    """The sentence's DATE and TIME entities, adjacent ones joined ("Tuesday" "night"), and
    named events that date what happened in them ("in the 1967 Middle East war", "on New
    Year's Eve")."""
    joined: list[Span] = []
    for ent in entities_in(sent):
        if (ent.label_ not in DATE_LABELS and not _dating_event(ent)) or _ends_a_name(ent):
            continue
        if joined and joined[-1].end == ent.start:
            joined[-1] = Span(sent.doc, joined[-1].start, ent.end, label=joined[-1].label_)
        else:
            joined.append(ent)
    return joined


def _ends_a_name(ent: Span) -> bool:
    """A number the tagger takes for a year that ends a weapon's name ("the ageing Mirage
    2000 fleet") dates nothing."""
    if len(ent) != 1 or not ent[0].like_num or ent.start == 0:
        return False
    system = Catalogue.load().find(f"{ent.doc[ent.start - 1].text} {ent.text}")
    return system is not None and system.name is not None and ent.text in system.name


def _dating_event(ent: Span) -> bool:
    if ent.label_ != "EVENT":
        return False
    head = ent.root.head
    on_time = ent.root.dep_ == "pobj" and head.lower_ in _cues()["event_prepositions"]
    return on_time or bool(YEAR_RE.search(ent.text))


def _coordinated_scope(trigger: Token) -> set[int]:
    """The phrases of verbs coordinated with the trigger (or with the verbs it shares
    adjuncts with) that have no subject of their own: one subject, one occasion."""
    found: set[int] = set()
    for head in _adjunct_heads(trigger):
        for verb in head.conjuncts:
            if verb.pos_ in ("VERB", "AUX") and not _has_subject(verb):
                found |= _clause_subtree(verb)
    return found


def _adjunct_heads(trigger: Token) -> list[Token]:
    """The trigger and the verbs it shares time and place with, nearest first."""
    heads = [trigger]
    while (head := adjunct_head(heads[-1])) is not None:
        heads.append(head)
    return heads


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def event_scope(trigger: Token) -> tuple[set[int], set[int]]:
    """Token indices whose modifiers describe the trigger's event.

    The first set is the trigger's own phrase (its subtree, not entering embedded clauses);
    the second adds the phrases of the verbs it shares adjuncts with: the verb it is the
    complement or conjunct of ("threatened on Monday to storm", "met Monday and signed"), or
    the light verb of an event noun ("held talks in Geneva").
    """
    own = _clause_subtree(trigger)
    shared: set[int] = set()
    for head in _adjunct_heads(trigger)[1:]:
        shared |= _clause_subtree(head)
    return own, shared - own


def adjunct_head(token: Token) -> Token | None:
    """The word whose time and place the token shares, or None.

    The verb it is the complement or conjunct of ("threatened on Monday to storm", "met
    Monday and signed"), the light verb of an event noun ("held talks in Geneva"), and for a
    participle clause with no subject of its own ("exploded on Monday, killing five") the
    nearest clause above it that has one: the parser often hangs such a clause from a noun's
    modifier ("a bomb packed with nails ..., killing three").
    """
    head = token.head
    if head.i == token.i:
        return None
    if token.dep_ == "conj":
        return None if _has_subject(token) else head  # "captured it but it was retaken"
    if token.dep_ in CHAIN_DEPS or _purpose(token) or _means(token):
        return head if token.dep_ != "pcomp" else head.head
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ in NOUN_CHAIN_DEPS:
        return head
    if _free_participle(token):
        return next((a for a in token.ancestors if a.pos_ in VERBS and _has_subject(a)), head)
    return None


def _purpose(token: Token) -> bool:
    """ "gathered on Sunday to protest", "marched in Paris to demand": an infinitive of
    purpose with no subject of its own is done then and there."""
    return token.dep_ == "advcl" and token.pos_ in VERBS and not _has_subject(token) and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children
    )


def _means(token: Token) -> bool:
    """ "began their assault on Sunday by storming the positions": how it was done is done
    then and there."""
    return token.dep_ == "pcomp" and token.head.lower_ == "by" and token.head.dep_ == "prep"


def _free_participle(token: Token) -> bool:
    """ "..., killing five": an -ing clause with no subject or subordinator of its own, set
    off by a comma when the parser made it a noun's modifier."""
    if token.tag_ != "VBG" or token.dep_ not in ("advcl", "acl"):
        return False
    if any(c.dep_ in SUBJECT_DEPS or c.dep_ == "mark" for c in token.children):
        return False
    return token.dep_ == "advcl" or (token.i > 0 and token.doc[token.i - 1].text == ",")


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
    """ "for three days", "a six-month war" say how long, not when; "in the last two
    months" on a verb is the period the event fell in (``_is_period``)."""
    head = ent.root.head
    if ent.root.dep_ == "pobj" and head.lower_ in _cues()["duration_prepositions"]:
        return True
    if ent.root.dep_ in ("amod", "compound", "nmod") and "-" in ent.text:
        return True  # "a 12-hour general strike", "a three-day public holiday"
    if ent.text.lower() in BARE_LENGTHS:
        # "weeks of strikes forced ..." is a length; "hours before" is a time
        following = ent.doc[ent.end].lower_ if ent.end < len(ent.doc) else ""
        return following not in RELATIVE_WORDS
    return _is_length(ent) and not _is_period(ent)


def _describes(ent: Span, trigger: Token) -> bool:
    """A date adjective that describes a thing rather than dating the event: "annual joint
    exercises", "a late-night address" (unless the thing is an event: "a recent attack");
    and a deadline, "to leave within 48 hours". A date noun before a noun dates it, in
    news at least: "Sunday's unrest", "a March 1992 blast", "Friday's protesters"."""
    root = ent.root
    if root.dep_ == "pobj" and root.head.lower_ in _cues()["deadline_prepositions"]:
        return True
    if root.dep_ != "amod" or YEAR_RE.search(ent.text):
        return False
    head = root.head
    return head.pos_ in ("NOUN", "PROPN") and head != trigger and not _names_event(head)


def _names_event(noun: Token) -> bool:
    """ "the Sept. 11 attacks", "the 2011 uprising": a noun a date modifier dates."""
    return noun.lemma_.lower() in _cues()["dated_nouns"]


def _is_length(ent: Span) -> bool:
    return bool(DURATION_RE.match(ent.text.strip()))


def _is_period(ent: Span) -> bool:
    head = ent.root.head
    return (
        ent.root.dep_ == "pobj"
        and head.lower_ in _cues()["period_prepositions"]
        and head.head.pos_ in VERBS
    )


def _is_age(ent: Span) -> bool:
    """The model tags ages as dates: "a 27-year-old electrician", "Khaled Radaida, 55,",
    "a woman, aged 49"."""
    text = ent.text.strip()
    if AGE_RE.search(text):
        return True
    if text.isdigit() and not YEAR_RE.fullmatch(text):
        return True
    return ent.root.head.lower_ == "aged"


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
    day = _parse(lowered, article_date)
    year = YEAR_RE.search(cleaned)
    if day is None and year:  # "the 1967 Middle East war": at least its year
        return dt.date(int(year.group()), 1, 1)
    return day


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
