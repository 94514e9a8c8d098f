"""Within-article coreference: later short mentions ("Putin", "the president", "the
alliance") point back to the actor an article named in full."""

from __future__ import annotations

from newsevents.actors.resolver import Resolution
from newsevents.actors.words import DETERMINERS, norm, words_of
from newsevents.models import Actor


class ArticleMemory:
    """What an article has said so far, so later short mentions can point back.

    "Putin" after "Russian President Vladimir Putin", "the president" after a titled actor,
    "the alliance" after NATO. Only exact surname, title or IGO-noun matches are used.
    """

    def __init__(self, refs: dict[str, frozenset[str]]) -> None:
        self.refs = refs
        self.by_surname: dict[str, Actor] = {}
        self.by_title: dict[str, Actor] = {}
        self.by_ref: dict[str, Actor] = {}

    def remember(self, result: Resolution) -> None:
        actor = result.actor
        if actor.name and (actor.country or actor.sector) and not actor.igo:
            self.by_surname[norm(actor.name.split()[-1])] = actor
        if actor.country or actor.name:
            for title in result.titles:
                self.by_title[title] = actor
        if actor.igo:
            for ref, igos in self.refs.items():
                if actor.igo in igos:
                    self.by_ref[ref] = actor

    def recall(self, text: str, result: Resolution | None) -> Actor | None:
        """The earlier actor a short mention stands for, with this mention's text."""
        keys = [norm(m.group()) for m in words_of(text)]
        content = [k for k in keys if k not in DETERMINERS and k[:1].isalnum()]
        earlier = None
        if result is None:
            if len(content) == 1 and keys[0] in DETERMINERS:
                earlier = self.by_ref.get(content[0])
        elif result.actor.name and not result.actor.country and not result.actor.igo:
            earlier = self.by_surname.get(norm(result.actor.name.split()[-1]))
        elif _bare_title(result) and keys[0] in DETERMINERS:
            earlier = next((self.by_title[t] for t in sorted(result.titles)
                            if t in self.by_title), None)
        return earlier.model_copy(update={"text": text.strip()}) if earlier else None


def _bare_title(result: Resolution) -> bool:
    actor = result.actor
    return bool(result.titles) and not (actor.country or actor.igo or actor.name)
