"""newsevents: sourced PLOVER event data and arms-transfer records from news articles.

Data flows ingest -> nlp -> actors -> events (with dates and places) -> arms -> store -> api
-> web. ``code`` is the one-call entry point; ``pipeline.Coder`` codes streams of articles.
"""

from newsevents.models import ArmsTransfer, Article, Document, Event, Result
from newsevents.pipeline import Coder, code

__all__ = ["ArmsTransfer", "Article", "Coder", "Document", "Event", "Result", "code"]
__version__ = "0.1.0"
