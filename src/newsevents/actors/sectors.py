"""The sector of a phrase (docs/annotation.md, 4): its strongest role noun, yielding to the
group it names where the role is generic or only says what an armed group's members do, then
what its head says alone (a country is its government, a nationality its people), with the
readings for opposition, followers, armed bodies, retired servants, lists and counts."""

from __future__ import annotations

import itertools
import re

from newsevents.actors.lexicon import OFFICE_SECTORS, Cue, Match
from newsevents.actors.phrase import TIE_WORDS, last_word
from newsevents.actors.words import COUNT_WORDS, NUMBER_WORDS, counts_only, norm


def phrase_sector(core: list[Match], post: list[Match], head: Match | None, words: list[str],
                  keys: list[str], cut: int, igo: str | None) -> str | None:
    """The sector of a phrase from its settled matches (``core`` up to ``cut``, ``post`` after
    it): what its role nouns or groups say, else its named person's, else what its head alone
    or the words after "of" say; none for an ``igo`` but a peacekeeping force."""
    sector = _group_sector(core, post, keys)
    if head and head.cue.kind == "person" and head.cue.sector and not sector:
        sector = head.cue.sector
    if sector is None and head is not None and (head.end >= last_word(words, cut)
                                                or not _unled(words[head.end:])):
        sector = _sector_of_bare_head(head, words, core)
    if (cut < len(words) and keys[cut] in ("of", "for") and _titled_only(core, keys)
            and not any(m.cue.kind in ("org", "igo") for m in post)):
        # "leaders of two major tribes", "a spokesman for the army": whose voice it is
        sector = _sector(_first_part(post, keys, cut), keys) or sector
    if cut < len(words) and keys[cut] == "of" and _followers_head(core):
        # "supporters of the ruling party", "backers of Kefaya": a party's or the
        # opposition's followers are its own, as "Congress party activists" are
        sector = _party_followed(post, keys, cut) or sector
    if cut < len(words) and keys[cut] == "of" and _collective_head(core):
        # "a group of villagers": who they are follows "of", where it says
        sector = (_sector(_first_part(post, keys, cut), keys)
                  or (post and _sector_of_bare_head(post[-1], words, post)) or sector)
    if sector is None and cut < len(words) and norm(words[cut]) == "of":
        # "thousands of villagers", "members of a family"; not a place's own sector
        sector = _sector(_first_part(post, keys, cut), keys)
        if sector is None and post and counts_only(words[:cut]):  # "hundreds of Palestinians"
            sector = _sector_of_bare_head(post[-1], words, post)
    sector = _retired(sector, core, words, cut)
    if _fighters_of_both_sides(core + post, keys):
        sector = None
    if igo and sector != "MIL":
        sector = None  # an IGO has no sector unless it is a peacekeeping force
    if not (core or post) and _counted_people(words):
        sector = "CVL"
    return sector


# Fighters "from both sides" of a war are an army's and its enemies' alike: no one sector
# fits them (docs/annotation.md, 4: null). Militants or soldiers of both sides stay theirs.
SIDE_FIGHTERS = frozenset({"fighter", "combatant"})
BOTH_SIDES_RE = re.compile(r"\b(?:from|of|on|in) both (?:\w+ )?(?:sides|parties|camps)\b")


def _fighters_of_both_sides(matches: list[Match], keys: list[str]) -> bool:
    """On the real-text train and dev gold actor spans of corpus/annotated, fighters of both
    sides took no sector 5 times of 5."""
    return (any(m.cue.kind == "sector" and m.cue.term in SIDE_FIGHTERS for m in matches)
            and bool(BOTH_SIDES_RE.search(" ".join(keys))))


# Counts that say how many only vaguely, or only one: left to what they point back to.
VAGUE_COUNTS = frozenset({"several", "one"})


def _counted_people(words: list[str]) -> bool:
    """Whether the phrase is a bare count of people ("Thousands", "tens of thousands", "at
    least 300", "five"): those are civilians (docs/annotation.md, 4: "people"). On the
    train+dev gold actor spans of corpus/annotated (scripts/score_actor_spans.py) such counts
    were civilians 45 times of 60, none 7, no other sector more than twice. "Two others" and
    "several" are left to what they point back to: "several" took the place of a named source
    of dev events, and the dev actor phrases code "two others" none. An age ("Hatuel, 34") is
    no count: ``describes_age`` reads it."""
    keys = [norm(w) for w in words]
    return (any(k[:1].isdigit() or k in COUNT_WORDS for k in keys)
            and not VAGUE_COUNTS.intersection(keys) and counts_only(words))


AGE_RE = re.compile(r"\d{1,3} ?- ?years? ?- ?old|, \d{1,2}(?: ,|$)|\baged \d{1,3}\b")


def describes_age(keys: list[str]) -> bool:
    """Whether the phrase describes a person by age ("a 16-year-old", "Paul Joyal, 53"):
    where no role noun says otherwise, such a person is a civilian. On the train and dev gold
    actor spans of the real-text documents of corpus/annotated (scripts/score_actor_spans.py),
    aged people with no sector were civilians 20 times of 27, criminals 4 and none 2."""
    return bool(AGE_RE.search(" ".join(keys)))


# What a nationality adjective alone stands for as an actor: annotators mark "Saudi" of "Saudi
# air strikes" and "Turkish" of "Turkish shelling". On the train+dev gold actor spans of
# corpus/annotated (scripts/score_actor_spans.py) such adjectives were the armed forces 70
# times, the government 46 and other sectors 15.
BARE_NATIONALITY_SECTOR = "MIL"


def _sector_of_bare_head(head: Match, words: list[str], core: list[Match]) -> str | None:
    """What the phrase's own head says when no sector word does (docs/annotation.md, 4).

    A country named as a whole ("Turkey", "the United States") is its government; a
    nationality used as a noun for people ("five Americans", "a Palestinian", "two French",
    "hundreds of Lebanese") is civilians; a nationality adjective that is the whole actor
    ("Russian" of "Russian air strikes") is the armed forces.
    """
    cue = head.cue
    if cue.kind != "country" or any(m.cue.kind in ("person", "org") for m in core):
        return None
    alone = not any(w[:1].isalnum() for w in words[:head.start] + _unled(words[head.end:]))
    if cue.proper:
        # A lone "U.S." is mostly adjectival ("U.S. air strikes": the armed forces 60 times
        # of 86 on the train+dev gold actor spans), but as the armed forces it turned a dev
        # event's type through the event model's sector features; it stays the government.
        if "place" in cue.flags:
            return None
        # "US-led"; not "Armenia's" of "Armenia's grid", which is the country as a whole
        led = alone and head.end < len(words) and norm(words[head.end]) != "'s"
        return BARE_NATIONALITY_SECTOR if led else "GOV"
    word = words[head.end - 1]
    before = norm(words[head.start - 1]) if head.start > 0 else ""
    if word.endswith("s") and word[:1].isupper() and before != "the":
        return "CVL"
    if before in NUMBER_WORDS or before[:1].isdigit() or before in ("of", "old"):
        return "CVL"  # "of" only follows counts here: "hundreds of Lebanese"; "a 24-year-old"
    if alone:
        return BARE_NATIONALITY_SECTOR
    return None


def _unled(rest: list[str]) -> list[str]:
    """"US-led" of "US-led air strikes" is the country's own armed force, as "US" alone is."""
    return [] if [norm(w) for w in rest] == ["-", "led"] else rest


def _sector(core: list[Match], keys: list[str]) -> str | None:
    """Strong sector nouns beat generic roles ("rebel leader"), which beat ethnic modifiers.

    Only the phrase's own words count: a named person's or group's sector from the tables
    yields to what the phrase calls them ("opposition leader Khaleda Zia" is OPP whatever
    office she once held; see ``_group_sector`` for groups).
    """
    cue = _role(core, keys)
    sector = cue.sector if cue else None
    if sector in OFFICE_SECTORS and any("former" in m.cue.flags for m in core):
        return "ELI"
    sector = _followers(_armed_people(sector, core, keys), core, keys)
    return _whose_arms(_opposing(sector, core), core, keys)


# Roles that "opposition" before them makes the opposition's: "opposition lawmakers",
# "an opposition activist", "opposition governors"; its armed bodies stay rebels.
OPPOSABLE_SECTORS = frozenset({"LEG", "GOV", "CVL"})


def _opposing(sector: str | None, core: list[Match]) -> str | None:
    """On the train+dev gold actor spans of corpus/annotated (scripts/score_actor_spans.py),
    lawmakers, activists and officials called "opposition" were the opposition 10 times of 13."""
    roles = [m for m in core if m.cue.kind == "sector" and m.cue.sector]
    if (sector in OPPOSABLE_SECTORS and len(roles) > 1 and roles[-1].cue.sector == sector
            and any(m.cue.term == "opposition" for m in roles[:-1])):
        return "OPP"
    return sector


# Nouns for people that say nothing of who they are ("men", "individuals").
PLAIN_PEOPLE = frozenset({"man", "men", "person", "persons", "individual", "people", "youth"})
# Words after plain people that make them armed ("men armed with machetes"); before them,
# "gun-wielding youths".
ARMING_WORDS = frozenset({"armed", "wielding"})
# "two men on a motorcycle", "men riding motorbikes": the drive-by attackers of news.
RIDING_WORDS = frozenset({"on", "riding"})
MOTORCYCLES = frozenset({"motorcycle", "motorcycles", "motorbike", "motorbikes"})
# "suspected Fulani herdsmen": herders suspected of a raid are its unidentified attackers.
HERDERS = frozenset({"herdsman", "herdsmen", "herder"})


def _armed_people(sector: str | None, core: list[Match], keys: list[str]) -> str | None:
    """Plain people named only as armed, or as riding a motorcycle, and herders named only as
    suspects are unidentified armed attackers (docs/annotation.md, 4: UAF), as "armed men"
    are. On the train+dev gold actor spans of corpus/annotated (scripts/score_actor_spans.py):
    armed, 8 such phrases right and 2 wrong ("young men armed with slingshots" were
    protesters); on motorcycles, 4 right and 1 wrong; suspected herders, 6 right and 1
    wrong."""
    roles = [m for m in core if m.cue.kind == "sector" and m.cue.sector]
    if sector != "CVL" or not roles:
        return sector
    head = roles[-1]
    if head.cue.term in HERDERS and "suspected" in keys[max(head.start - 2, 0):head.start]:
        return "UAF"
    if head.cue.term not in PLAIN_PEOPLE:
        return sector
    if ARMING_WORDS.intersection(keys[max(head.start - 2, 0):head.end + 1]):
        return "UAF"
    if keys[head.end:head.end + 1] and keys[head.end] in RIDING_WORDS and MOTORCYCLES.intersection(
            keys[head.end + 1:head.end + 5]):
        return "UAF"
    return sector


def armed_group_tied(keys: list[str], cut: int, matches: list[Match]) -> Cue | None:
    """The armed group that plain people are tied to (``TIE_WORDS``: "men with suspected
    al-Qaida links", "youths loyal to Sadr") after the core: they are its members
    (docs/annotation.md, 4: members of armed groups are REB, of the group's country). On the
    train+dev gold actor spans of corpus/annotated (scripts/score_actor_spans.py): 3 such
    phrases made right, none wrong."""
    heads = [m for m in matches if m.end <= cut and m.cue.kind == "sector"]
    if not heads or heads[-1].cue.term not in PLAIN_PEOPLE:
        return None
    end = heads[-1].end
    if not TIE_WORDS.intersection(keys[end:]):
        return None
    return next((m.cue for m in matches if m.start >= end and m.cue.sector == "REB"
                 and m.cue.kind in ("org", "person")), None)


# Nouns for followers: "government supporters" are civilians who back the government.
FOLLOWERS = frozenset({"supporter", "backer"})
# Sectors of bodies whose followers are their own members as such (docs/annotation.md, 4:
# PTY is "a political party, its members as such"; OPP the opposition as such).
PARTY_SECTORS = frozenset({"PTY", "OPP"})


def _followers_head(core: list[Match]) -> bool:
    """Whether the core's last word is a noun for followers ("supporters", "backers")."""
    return bool(core) and core[-1].cue.kind == "sector" and core[-1].cue.term in FOLLOWERS


def _party_followed(post: list[Match], keys: list[str], cut: int) -> str | None:
    """The party's or the opposition's sector where that is what the words after "of" name,
    up to their own next preposition or relative word. On the train+dev gold actor spans of
    corpus/annotated (scripts/score_actor_spans.py), followers of a party or an opposition
    movement were its own 3 times of 3; of a leader or a government they stay civilians."""
    end = next((i for i in range(cut + 1, len(keys)) if keys[i] in CLAUSE_WORDS), len(keys))
    named = [m for m in post if m.end <= end and m.cue.sector and m.cue.kind in ("org", "sector")]
    if named and named[-1].cue.sector in PARTY_SECTORS:
        return named[-1].cue.sector
    return None


def _followers(sector: str | None, core: list[Match], keys: list[str]) -> str | None:
    """Supporters of a government or its leader are civilians (train+dev gold actor spans of
    corpus/annotated: 2 of 2); of a party or the opposition they keep its sector. So are
    plain people called "pro-government" or "pro-regime" ("pro-government villagers"): the
    government is their stance, not their office (train+dev gold actor spans: 2 civilians,
    1 none, none the government)."""
    roles = [m for m in core if m.cue.kind == "sector" and m.cue.sector]
    if sector != "GOV" or not roles:
        return sector
    if roles[-1].cue.term in FOLLOWERS:
        return "CVL"
    stance = [m for m in roles if m.cue.sector == "GOV"]
    if (roles[-1].cue.sector == "CVL" and stance
            and all(keys[max(m.start - 2, 0):m.start] == ["pro", "-"] for m in stance)):
        return "CVL"
    return sector


# Nouns for an armed body, its members or its arms, which say that it is armed but not
# whose: "Kurdish forces", "separatist forces", "regime jets", "a pro-regime fighter".
ARMED_BODIES = frozenset({"forces", "force", "troops", "soldier", "commander", "unit",
                          "contingent", "fighter", "jet", "aircraft", "helicopter", "plane",
                          "chopper", "warplane", "drone", "brigade", "battalion", "division"})
# Peoples with no state of their own, whose armed bodies are armed groups ("Kurdish forces",
# "Tamil fighters"); faiths are left out ("Bosnian Muslim forces" were a state's army), and so
# are Serbs ("Serb forces" were Serbia's and the Bosnian Serbs' armies alike).
STATELESS_PEOPLES = frozenset({"kurd", "kurdish", "tamil", "pashtun", "uighur", "uyghur",
                               "rohingya", "druze", "baloch", "hutu", "tutsi"})
# Rebel words that still qualify a state's own armed body ("paramilitary troops").
STATE_ARMED_WORDS = frozenset({"paramilitary", "paramilitaries"})
# Words of a state's executive that make the armed body beside them its armed forces.
STATE_WORDS = frozenset({"regime", "government", "govt"})


def _whose_arms(sector: str | None, core: list[Match], keys: list[str]) -> str | None:
    """An armed body is the rebels' when a rebel word or a stateless people qualifies it, and
    the armed forces when the state's government or regime does (docs/annotation.md, 4).

    On the train+dev gold actor spans of corpus/annotated (scripts/score_actor_spans.py),
    reading them so made 19 spans rebels and 10 the armed forces rightly, and 1 rebels
    wrongly ("separatist forces" the gold leaves without a sector).
    """
    roles = [m for m in core if m.cue.kind == "sector" and m.cue.sector]
    if not roles or roles[-1].cue.term not in ARMED_BODIES:
        return sector
    qualifiers = [m.cue for m in roles[:-1] if keys[max(m.start - 2, 0):m.start] != ["anti", "-"]]
    if sector in ("GOV", "REB", "MIL") and any(c.term in STATE_WORDS for c in qualifiers):
        return "MIL"  # "regime jets", "government militia troops"
    if sector == "MIL" and roles[-1].cue.sector == "MIL" and any(
            (c.sector == "REB" and "weak" not in c.flags and c.term not in STATE_ARMED_WORDS)
            or c.term in STATELESS_PEOPLES for c in qualifiers):
        return "REB"
    return sector


# Sectors of the state's armed and legal servants: one of them, once former or retired ("a
# retired army colonel", "a former police chief", "former KGB agent"), is an elite acting
# privately (docs/annotation.md, 4: ELI). A plural ("former Iraqi army officers") stays a body
# that still acts as one: on the train+dev gold actor spans of corpus/annotated
# (scripts/score_actor_spans.py) the singulars were elites 7 times of 9, the plurals kept
# their sector 4 times of 6.
SERVANT_SECTORS = frozenset({"MIL", "COP", "SPY", "JUD"})


def _retired(sector: str | None, core: list[Match], words: list[str], cut: int) -> str | None:
    if (sector in SERVANT_SECTORS and any("former" in m.cue.flags for m in core)
            and not words[last_word(words, cut) - 1].lower().endswith("s")):
        return "ELI"
    return sector


def _role(core: list[Match], keys: list[str]) -> Cue | None:
    """The last role noun of the strongest level; of roles joined by "and" or commas, the
    first named ("policemen and soldiers" are police, "troops and policemen" the army)."""
    for level in ("strong", "weak", "mod"):
        found = [m for m in core if m.cue.sector and m.cue.kind not in ("person", "org")
                 and _level(m.cue) == level]
        # "union leaders", "community leaders": an office any body has yields to the body;
        # "business groups", "church groups": so does a body's generic noun, first
        found = ([m for m in found if not (_office_title(m.cue) or "collective" in m.cue.flags)]
                 or [m for m in found if not _office_title(m.cue)] or found)
        if found:
            return _ranked_body(_first_of_list(found, keys), found, keys).cue
    return None


# Ranks, members and arms of a force whose body the word before them names ("a police
# sergeant", "police commandos", "a police lieutenant colonel", "a police armoured vehicle"):
# the body's sector, not the army's.
RANKS = frozenset({"general", "colonel", "commander", "sergeant", "commando", "corporal",
                   "brigadier", "lieutenant", "captain", "major"})
RANKED_BODY_SECTORS = frozenset({"COP", "SPY"})


def _ranked_body(pick: Match, found: list[Match], keys: list[str]) -> Match:
    """On the train+dev gold actor spans of corpus/annotated (scripts/score_actor_spans.py),
    reading them so made 10 spans right that were coded as the army, and none wrong."""
    if pick.cue.sector != "MIL":
        return pick
    body = next((m for m in found if m.end <= pick.start and m.cue.sector in RANKED_BODY_SECTORS
                 and RANKS.issuperset(keys[m.end:pick.start])), None)
    return body or pick


# Words that open what happened to those named after "of", not who they are.
CLAUSE_WORDS = frozenset({"who", "which", "that", "whose", "at", "in", "on", "near", "inside",
                          "outside", "with", "including", "against", "during"})


def _first_part(post: list[Match], keys: list[str], cut: int) -> list[Match]:
    """The role nouns of the phrase after "of", up to its own next preposition or relative
    word: "scores of workers who were captured at a cement factory" are workers."""
    end = next((i for i in range(cut + 1, len(keys)) if keys[i] in CLAUSE_WORDS), len(keys))
    return [m for m in post if m.cue.kind == "sector" and m.end <= end]


def _titled_only(core: list[Match], keys: list[str]) -> bool:
    """Whether the phrase's only role is a generic title and it names no group itself."""
    cue = _role(core, keys)
    return (cue is not None and _office_title(cue)
            and not any(m.cue.kind in ("org", "igo", "country", "seat") for m in core))


def _office_title(cue: Cue) -> bool:
    """A generic title any organisation's head or voice may bear ("leader", "spokesman")."""
    return cue.flags >= {"weak", "title"} and cue.sector == "GOV"


# Words that list actors of one phrase ("police, paramilitary and army troops").
LISTING_WORDS = frozenset({"and", "&", ","})


def _first_of_list(found: list[Match], keys: list[str]) -> Match:
    """Annotators code a list of different roles by its first: on the train+dev gold actor
    spans of corpus/annotated (scripts/score_actor_spans.py), police and soldiers listed
    together took the first one's sector 15 times of 16."""
    for a, b in itertools.pairwise(found):
        if a.cue.sector != b.cue.sector and LISTING_WORDS.intersection(keys[a.end:b.start]):
            before = [m for m in found if m.end <= a.end]
            return before[-1]
    return found[-1]


# Sectors of those who act by force in person: soldiers, police and security forces, rebels,
# and gunmen no one has named. They are the roles an armed group's members take inside it
# ("Hamas gunmen", "YPG forces" and "the top commander of Ahrar al-Sham" are the group's
# fighters), and what moves and strikes as a force does (``events.triggers``).
FORCE_SECTORS = frozenset({"MIL", "COP", "REB", "UAF"})
# Sectors of organisations that have fighters of their own: armies, rebel groups and gangs (a
# cartel's gunmen are the cartel's). Not FORCE_SECTORS: unnamed gunmen are no organisation,
# and gangs fight without being a force that holds ground or moves as one.
ARMED_SECTORS = frozenset({"REB", "MIL", "CRM"})


def _group_sector(core: list[Match], post: list[Match], keys: list[str]) -> str | None:
    """The phrase's role (``_sector``), or the sector of the last group it names where no
    role noun gives one, where the role is generic or a mere modifier ("Kurdish-led SDF",
    "state airline Belavia"), or where it only says what an armed group's members do
    (gunmen, forces, commander; this holds for a named rebel leader too: "RSF commander
    Dagalo")."""
    role = _sector(core, keys)
    matches = core + post
    groups = [m.cue for m in matches if m.cue.kind == "org" and m.cue.sector]
    armed = [m.cue for m in matches if m.cue.kind in ("org", "person")
             and m.cue.sector in ARMED_SECTORS]
    if armed and (role in FORCE_SECTORS or _whose_men(core, keys)):
        return armed[-1].sector
    if role == "UAF" and any(m.cue.kind == "sector" and m.cue.sector == "REB"
                             and "weak" not in m.cue.flags for m in post):
        return "REB"  # "gunmen from militant groups": the group says who they are
    if not groups:
        return role
    if groups[-1].sector == "PTY" and role in ("CVL", "LAB") and keys[-1] in PARTY_PEOPLE:
        return "PTY"  # "Congress party activists", "BJP workers": the party's people as such
    cue = _role(core, keys)
    if cue is None or _generic_role(cue):  # "Newmont officials", "a Hamas spokesman"
        return groups[-1].sector
    return role


# Plain nouns for the men an armed leader or group commands: "Dostum's men".
MEN = frozenset({"man", "men"})


def _whose_men(core: list[Match], keys: list[str]) -> bool:
    """Whether the phrase is the men of an armed leader or group named with "'s" ("the
    warlord Atto's men"): his fighters, as "men loyal to" one are (``armed_group_tied``). On
    the train+dev gold actor spans of corpus/annotated (scripts/score_actor_spans.py): 2 such
    phrases, both the leader's force."""
    if not core or core[-1].cue.kind != "sector" or core[-1].cue.term not in MEN:
        return False
    return any(m.cue.kind in ("org", "person") and m.cue.sector in ARMED_SECTORS
               and keys[m.end:m.end + 1] == ["'s"] for m in core[:-1])


# People a party acts through (docs/annotation.md, 4: PTY is "a political party, its members
# as such"); named with the party, they are its own, not civilians or workers.
PARTY_PEOPLE = frozenset({"activist", "activists", "worker", "workers", "member", "members",
                          "supporter", "supporters", "backer", "backers", "cadre", "cadres"})


def _collective_head(core: list[Match]) -> bool:
    """Whether the core's only role is a noun for a body of people, which says nothing of who
    they are once "of" follows ("a group of"; not "the radical group of")."""
    roles = [m for m in core if m.cue.kind == "sector" and m.cue.sector]
    return len(roles) == 1 and roles[0] is core[-1] and "collective" in roles[0].cue.flags


def _generic_role(cue: Cue) -> bool:
    """Whether a role is a modifier ("Kurdish", "state"), a generic one ("official",
    "leader") or an office title any organisation has ("spokesman", "president")."""
    return "mod" in cue.flags or "collective" in cue.flags or (
        bool(cue.flags & {"weak", "title"}) and cue.sector in ("GOV", "COP", "SPY"))


def _level(cue: Cue) -> str:
    if "former" in cue.flags:
        return "former"
    if "mod" in cue.flags:
        return "mod"
    if "weak" in cue.flags:
        return "weak"
    return "strong"
