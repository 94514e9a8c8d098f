"""Who did it and to whom: an event's source and target actors from the parse.

The parts, in the order they are used: ``local`` (local actors take the country where the
event happens), ``countries`` (the countries of the article and of a sentence, which place
them), ``lookup`` (``ActorLookup``: the actor a token stands for), ``attacks`` (whom an attack
or a capture is aimed at: the ground it strikes and who holds it), ``agents`` (who struck, in
a passive report naming no agent), ``victims`` (whom an attack harms), ``blasts`` and
``protests`` (whom a blast or a protest is aimed at), ``nouns`` and ``verbs`` (the source and
target of an event noun or verb, which run the parts before them).
"""

from newsevents.events.arguments.countries import home_country, lead_country, sentence_country
from newsevents.events.arguments.local import STRUCK_TYPES, home_side, localise
from newsevents.events.arguments.lookup import ActorLookup, same_actor
from newsevents.events.arguments.nouns import noun_arguments
from newsevents.events.arguments.verbs import describing_agents, verb_arguments

__all__ = [
    "STRUCK_TYPES",
    "ActorLookup",
    "describing_agents",
    "home_country",
    "home_side",
    "lead_country",
    "localise",
    "noun_arguments",
    "same_actor",
    "sentence_country",
    "verb_arguments",
]
