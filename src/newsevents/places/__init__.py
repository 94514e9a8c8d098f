"""Places, in the order they are used: an offline gazetteer of the world's towns, provinces and
countries (``gazetteer``), the place names of a sentence (``mentions``), and the choice of each
event's place among them (``scene``)."""

from newsevents.places.gazetteer import RANK_CITY, RANK_STATE, Context, Gazetteer, normalise
from newsevents.places.mentions import KNOWN_PEOPLE_KEY, event_roles
from newsevents.places.scene import dateline, event_location, event_locations

__all__ = [
    "KNOWN_PEOPLE_KEY",
    "RANK_CITY",
    "RANK_STATE",
    "Context",
    "Gazetteer",
    "dateline",
    "event_location",
    "event_locations",
    "event_roles",
    "normalise",
]
