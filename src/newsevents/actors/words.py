"""The words of a phrase, split and compared the same way for table entries and for input
text: normalised spelling, what an entry demands of a word's case, the plurals the tables
leave out, and the closed classes of words (determiners, counts) the readings share."""

from __future__ import annotations

import re
import unicodedata

# "1,700" is one word: a comma inside a number does not close the phrase's core.
_WORD_RE = re.compile(
    r"(?:[A-Za-z]\.){2,}|['’]s\b|\d+(?:,\d{3})+\b|\w+(?:['’](?!s\b)\w+)*|[^\w\s]")


def words_of(text: str) -> list[re.Match[str]]:
    """Split a phrase into words the same way for lexicon keys and for input text."""
    return list(_WORD_RE.finditer(text))


def norm(word: str) -> str:
    """Lower-case, strip accents and unify apostrophes so "Côte d’Ivoire" meets "cote d'ivoire"."""
    word = word.replace("’", "'").lower()
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def case_of(word: str) -> str:
    """What the lexicon demands of a word's case: ``U`` acronym, ``C`` proper noun, ``""`` none."""
    if word.isalpha():  # the common case, without building a list
        if len(word) >= 2 and word.isupper():
            return "U"
        return "C" if word[0].isupper() else ""
    letters = [c for c in word if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return "U"
    return "C" if word[:1].isupper() else ""


def case_fits(required: str, word: str) -> bool:
    """Keep "us", "who" and "turkey" from matching US, WHO and Turkey.

    An acronym also matches its title-case spelling when long enough ("Nato") to be no
    ordinary word.
    """
    if not required:
        return True
    if required == "C":
        return word[:1].isupper()
    letters = [c for c in word if c.isalpha()]
    return all(c.isupper() for c in letters) or (len(letters) >= 4 and word[:1].isupper())


# Words ending in "man" that are no compounds of it: "Germans", not "Germen".
NOT_MAN_COMPOUNDS = frozenset({"german", "human", "roman", "ottoman", "norman", "shaman"})


def plural(term: str) -> str:
    """English plural of a lexicon term's last word, so the data lists singulars only."""
    head, _, last = term.rpartition(" ")
    if last.endswith("man") and last.lower() not in NOT_MAN_COMPOUNDS:
        last = last[:-3] + "men"
    elif last.endswith(("arch", "ech")):
        last += "s"  # "monarchs", "Czechs"
    elif last.endswith(("ss", "x", "tch", "oach", "urch")):
        last += "es"  # "witnesses", "coaches", "churches"
    elif last.endswith(("s", "sh", "ch", "ese")):
        # plurals already ("forces"), or nationality words ("British", "Baloch", "Chinese")
        return term
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        last = last[:-1] + "ies"
    else:
        last += "s"
    return f"{head} {last}" if head else last


# Particles inside names that news writes in either case ("al-Qaida" and "Al-Qaida", "Jabhat
# al-Nusra"): they never decide whether a word is a name.
NAME_PARTICLES = frozenset({"al", "el", "ad", "ud", "bin", "ibn", "abu", "de", "del", "der", "van",
                            "von", "da", "dos", "di", "du", "la", "le"})


# Words that open a noun phrase and name no one.
DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "this", "that", "these"})
NUMBER_WORDS = frozenset({
    "a", "an", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands",
    "million", "billion", "several", "many", "some", "few", "other", "more", "fellow",
    "another", "scores",
})
COUNT_WORDS = NUMBER_WORDS - {"a", "an", "other", "fellow", "more", "some", "many", "few",
                              "another"}
# Words around a number that only say how many ("at least", "tens of thousands").
APPROXIMATION_WORDS = frozenset({"at", "least", "about", "around", "nearly", "almost", "some",
                                 "over", "up", "to", "tens", "millions", "of", "an",
                                 "estimated", "as", "many", "more", "than"})


def counts_only(words: list[str]) -> bool:
    """Whether words only count ("tens of thousands", "at least 300"), naming no one."""
    keys = [norm(w) for w in words]
    return bool(keys) and all(k[:1].isdigit() or k in COUNT_WORDS or k in APPROXIMATION_WORDS
                              for k in keys)
