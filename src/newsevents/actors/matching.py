"""Which of the lexicon's matches in a phrase stand: trade words only as the end of a
company's name, no country or group that a stance word ("pro-", "anti-", "-backed") names, and
no lone surname that is part of someone else's name."""

from __future__ import annotations

from collections.abc import Callable

from newsevents.actors.lexicon import NOT_SURNAMES, Cue, Lexicon, Match
from newsevents.actors.words import DETERMINERS, NAME_PARTICLES, NUMBER_WORDS, norm


def table_matches(lexicon: Lexicon, words: list[str], keys: list[str]) -> list[Match]:
    """The lexicon's matches in a phrase's ``words`` (``keys``: their ``norm``), as they stand
    for what the phrase names: blocked phrases and trade words outside a name left out, what a
    stance word names dropped, and a lone surname inside another person's name read as that
    whole name."""
    matches = [m for m in lexicon.scan(words, keys) if m.cue.kind != "block"]
    matches = _drop_stances(_trades_in_names(matches, words), keys)
    return _drop_other_names(matches, words, keys)


# "Iranian-backed militias" are not Iranian: a country before these words is a backer.
BACKER_WORDS = frozenset({"backed", "supported", "sponsored", "armed", "trained", "allied",
                          "aligned", "linked", "affiliated"})


def _trades_in_names(matches: list[Match], words: list[str]) -> list[Match]:
    """Keep a trade word flagged ``name`` only as the last word of a capitalised name ("Hunt
    Oil", "Asia Energy"), not as a plain word or a name's first ("Oil workers"); the name it
    ends is the company's, not a person's ("Hunt" of "Hunt Oil" is no minister)."""
    def trade(m: Match) -> bool:
        after = words[m.end] if m.end < len(words) else ""
        return (m.start > 0 and words[m.start - 1][:1].isupper()
                and not after[:1].isupper())
    starts = {m.start for m in matches if "name" in m.cue.flags and trade(m)}
    return [m for m in matches if ("name" not in m.cue.flags or m.start in starts)
            and not (m.cue.kind == "person" and m.end in starts)]


def _drop_stances(matches: list[Match], keys: list[str]) -> list[Match]:
    """"pro-Iranian Hizbollah" and "Iranian-backed militias" are not Iranian, "a pro-ISIS
    attacker" is not ISIS, "anti-Bush protesters" are not Bush's: drop what such words name,
    except the people a "pro-" phrase serves ("pro-Assad forces" are Assad's)."""
    return [m for m in matches if not _stance_dropped(m, keys)]


def _stance_dropped(match: Match, keys: list[str]) -> bool:
    kind = match.cue.kind
    if kind == "sector":
        return False
    stance = keys[match.start - 2] if match.start >= 2 and keys[match.start - 1] == "-" else ""
    if stance == "anti":
        return True
    if stance == "pro" and kind in ("country", "org", "igo"):
        return True
    return kind == "country" and _backer(match, keys)


# Backer words that never name a trait of the noun's own side, so that they mark a backer even
# unhyphenated ("U.S. backed rebels"; "Russian armed forces" are Russian).
UNHYPHENATED_BACKER_WORDS = frozenset({"backed", "sponsored", "supported"})


def _backer(match: Match, keys: list[str]) -> bool:
    after = keys[match.end:match.end + 2]
    if after[:1] == ["-"]:
        return bool(set(after[1:]) & BACKER_WORDS)
    return bool(set(after[:1]) & UNHYPHENATED_BACKER_WORDS)


# Words before a surname that belong to no name: "Mr Putin" is still Putin.
HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "gen",
                        "sen", "rep", "gov", "col", "lt", "capt", "maj", "sgt", "prof"})


def _drop_other_names(matches: list[Match], words: list[str], keys: list[str]) -> list[Match]:
    """"John Walker Lindh" is not Anna Lindh, "Mohamed Bazoum" no Somali Mohamed: a lone
    surname after a capitalised word no entry knows, or before any capitalised name word, is
    part of another person's name, and stands for that whole name only."""
    covered = {i for m in matches if not _lone_surname(m, keys) for i in range(m.start, m.end)}
    surnames = {m.start for m in matches if _lone_surname(m, keys)}

    def name_word(i: int) -> bool:
        return (0 <= i < len(words) and i not in covered and words[i][:1].isupper()
                and words[i].isalpha() and keys[i] not in HONORIFICS
                and keys[i] not in DETERMINERS and keys[i] not in NUMBER_WORDS)

    def joined_before(i: int) -> bool:  # "Abdel-Hamid": a hyphen to a given name
        return (i > 0 and keys[i] == "-" and name_word(i - 1) and i - 1 not in surnames
                and keys[i - 1] not in NAME_PARTICLES)

    def particle_after(i: int) -> bool:  # "Hamid al-Nador": the surname is a given name
        rest = [w for w in words[i:i + 3] if w != "-"]
        return (len(rest) >= 2 and keys[i] in NAME_PARTICLES and rest[1][:1].isupper())

    out = []
    for m in matches:
        other_name = _lone_surname(m, keys) and (
            (name_word(m.start - 1) and m.start - 1 not in surnames) or name_word(m.end)
            or joined_before(m.start - 1) or particle_after(m.end))
        if other_name or _title_as_surname(m, words, name_word):
            first, last = m.start, m.end
            while name_word(first - 1):
                first -= 1
            while name_word(last):
                last += 1
            name = " ".join(words[first:last]).replace(" - ", "-")
            m = Match(m.start, m.end, Cue("person", name=name))
        out.append(m)
    return out


# Titles that are also common surnames ("Patty King", "Sarah Bishop").
SURNAME_TITLES = frozenset({"king", "prince", "bishop", "judge", "pope"})


def _title_as_surname(match: Match, words: list[str], name_word: Callable[[int], bool]) -> bool:
    """Such a title after a given name, ending the phrase or before a suffix ("Martin Luther
    King Jr."), is a surname."""
    after = words[match.end] if match.end < len(words) else ""
    return (norm(words[match.start]) in SURNAME_TITLES and match.end - match.start == 1
            and words[match.start][:1].isupper() and name_word(match.start - 1)
            and (not after[:1].isalnum() or norm(after) in NOT_SURNAMES))


def written_alone(words: list[str], match: Match) -> bool:
    """Whether no other name or title stands beside a name ("Blair", "Mr. Saleh"; not
    "Ahmed Hassan" or "Colonel Hassan")."""
    def name_like(i: int) -> bool:
        return (0 <= i < len(words) and words[i][:1].isupper() and words[i].isalpha()
                and norm(words[i]) not in HONORIFICS)

    return not (name_like(match.start - 1) or name_like(match.end))


def _lone_surname(match: Match, keys: list[str]) -> bool:
    """A surname matched alone: one word, or one word with its particle ("al-Zubaidi")."""
    if not match.cue.people or match.cue.name is not None:
        return False
    return sum(k != "-" and k not in NAME_PARTICLES for k in keys[match.start:match.end]) == 1
