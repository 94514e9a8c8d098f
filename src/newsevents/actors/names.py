"""The name of an actor: the head's canonical name, or the name after a title; and names no
table holds that still say who bears them (an armed group's Arabic name, a nom de guerre)."""

from __future__ import annotations

from newsevents.actors.lexicon import Match
from newsevents.actors.phrase import last_word
from newsevents.actors.words import DETERMINERS, NAME_PARTICLES, norm
from newsevents.models import Actor

# A name that opens with "Abu" and no table knows ("Abu Hajer al-Tunisi") is a nom de guerre:
# on the train+dev gold actor spans of corpus/annotated (scripts/score_actor_spans.py) such
# names were members of armed groups 26 times of 30 (3 none, 1 a journalist). Its sector only,
# and not where an apposition says who the person is ("Abu Karim, a baker").
KUNYA_ACTOR = Actor(text="", sector="REB")


# Words that open the names of armed groups in Arabic ("Liwaa Suqour al-Sahra", "Jaish
# al-Nasr", "Failaq al-Sham": brigade, army, legion): a name no table holds that opens with
# one is an armed group's, whatever person or role its words name. On the train+dev gold actor
# spans of corpus/annotated (scripts/score_actor_spans.py), such names were armed groups 240
# times of 242; reading the ones no table holds so made 10 spans better.
ARMED_NAME_WORDS = frozenset({"liwa", "liwaa", "jaish", "jaysh", "kataib", "kataeb", "harakat",
                              "jabhat", "saraya", "failaq", "faylaq", "fouj", "ahrar", "jund",
                              "alwiya", "tajammu"})


def armed_group_name(words: list[str], keys: list[str], cut: int,
                     matches: list[Match]) -> bool:
    start = 1 if keys[:1] and keys[0] in DETERMINERS else 0
    if keys[start:start + 1] == [] or keys[start] not in ARMED_NAME_WORDS:
        return False
    if not words[start][:1].isupper() or not any(
            w[:1].isupper() for w in words[start + 1:cut] if norm(w) not in NAME_PARTICLES):
        return False
    # a table knows the group, or lists the whole name ("Liwa al-Tawhid")
    return not any(m.cue.kind in ("org", "igo")
                   or (m.cue.kind == "person" and m.start == start and m.end >= cut)
                   for m in matches)


def kunya(words: list[str], keys: list[str], cut: int, matches: list[Match]) -> bool:
    start = 1 if keys[:1] and keys[0] in DETERMINERS else 0
    return (keys[start:start + 1] == ["abu"] and "," not in keys[start:cut + 1]
            and any(w[:1].isupper() for w in words[start + 1:cut])
            and not any(m.cue.kind in ("sector", "org", "igo") and m.end <= cut
                        for m in matches))


def name_of(core: list[Match], head: Match | None, words: list[str], cut: int) -> str | None:
    """Canonical name when the head is a person, IGO or organisation; else a titled name."""
    if head is None:
        return None
    end = last_word(words, cut)
    if head.end >= end and head.cue.kind in ("person", "igo", "org") and head.cue.name:
        return head.cue.name
    for match in core:
        tail = words[match.end:end]
        if "title" in match.cue.flags and tail and all(w[:1].isupper() for w in tail) and not any(
                m.cue.kind != "sector" for m in core if m.start >= match.end):
            return " ".join(tail)
    return None
