"""Actors: noun phrases -> ``Actor`` (ISO3 country + sector, or an IGO), with coreference
within an article.

The parts, in the order they are used: ``words`` (how a phrase is split into words and compared
with the tables), ``lexicon`` (the tables of ``data/en/actors/*.tsv`` read into one lexicon),
``matching`` (which of the lexicon's matches in a phrase stand), ``people`` (the one office
holder a name means at a date), ``phrase`` (where the phrase's core ends and whether what
follows says whose it is), ``countries`` (its country or IGO), ``sectors`` (its sector),
``names`` (its name), ``resolver`` (``ActorResolver``, which runs them on a phrase),
``coreference`` (later short mentions pointing back) and ``component`` (the spaCy component
``newsevents_actors``). Nothing is guessed: a phrase without a country cue keeps
``country=None``.
"""

from newsevents.actors.component import make_actor_component
from newsevents.actors.lexicon import DATA_DIR
from newsevents.actors.phrase import TIE_LEMMAS
from newsevents.actors.resolver import ActorResolver
from newsevents.actors.sectors import ARMED_SECTORS, BARE_NATIONALITY_SECTOR, FORCE_SECTORS

__all__ = [
    "ARMED_SECTORS",
    "BARE_NATIONALITY_SECTOR",
    "DATA_DIR",
    "FORCE_SECTORS",
    "TIE_LEMMAS",
    "ActorResolver",
    "make_actor_component",
]
