"""The model's two rule-based components, the attribute rules and the rule lemmatizer, applied
by table lookup: the same tokens for a fraction of the time.

Attribute rules (tag -> part of speech and morphology, lemma exceptions).
``en_core_web_sm``'s ``attribute_ruler`` holds 179 one- and two-token rules over a token's tag,
lower-case form, dependency label and whether it is a space. spaCy runs them through a
``Matcher``, which cost about a tenth of all the model's CPU time on our news articles
(1.1 of 8.3 CPU s on the 150 articles of ``bench/bench_pipeline.py``). A token's rules depend
only on those four values, so which rules fire is worked out once per distinct combination
and kept; only the two-token rules look at a neighbour. The same rules are read from the
model, applied in the same order (a later rule wins, as in spaCy) to the same values, so the
tokens come out exactly as spaCy's ruler leaves them; a rule this module cannot read keeps
spaCy's ruler (``from_ruler`` gives None).

Lemmas. spaCy's rule lemmatizer gives a token's lemma from its form, part of speech and
morphology alone, but walks every token in Python (0.16 CPU s of the same 8.3). ``Lemmas``
asks it once per distinct (form, part of speech, morphology) and writes the answers back in
one array, for the tokens the attribute rules left without a lemma, as spaCy does.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from itertools import pairwise
from typing import Any, NamedTuple

import numpy
from spacy.attrs import DEP, IDS, LEMMA, MORPH, ORTH, POS, TAG
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc
from spacy.vocab import Vocab

Test = Callable[[tuple[Any, ...]], bool]
"""A test of one token's key (its values of ``Rules.attrs``, strings or flags)."""

STRING_ATTRS = frozenset({"ORTH", "LOWER", "NORM", "TAG", "DEP", "POS", "LEMMA"})
SET_ATTRS = (TAG, POS, MORPH, LEMMA, DEP)
"""What a rule may set, and so the columns read and written back; another kind of rule
keeps spaCy's ruler."""
MAX_KEYS = 100_000
"""Distinct tokens each memo holds before it starts afresh: a long-running service reads an
open-ended vocabulary. 1,500 newswire sentences gave 10,700 distinct tokens for the attribute
rules and 7,400 for the lemmas, at about 200 bytes each (so 20 MB for a full memo)."""


def _value_test(value: object) -> Callable[[object], bool] | None:
    """The ``Matcher``'s reading of one pattern value: equality, IN, NOT_IN, REGEX."""
    if isinstance(value, str | bool):
        return lambda seen: seen == value
    if not isinstance(value, Mapping) or not value or set(value) - {"IN", "NOT_IN", "REGEX"}:
        return None
    tests: list[Callable[[object], bool]] = []
    for op, arg in value.items():
        if op == "REGEX" and isinstance(arg, str):
            tests.append(lambda seen, rx=re.compile(arg): rx.search(str(seen)) is not None)
        elif op in ("IN", "NOT_IN") and isinstance(arg, list):
            tests.append(lambda seen, s=frozenset(arg), keep=op == "IN": (seen in s) == keep)
        else:
            return None
    return lambda seen: all(test(seen) for test in tests)


class Entry(NamedTuple):
    """What the rules make of one distinct token: the values its one-token rules give
    (``fold``, a row of ``Rules``' table), those rules, and the two-token rules it can open
    (``first``) or close (``second``)."""

    fold: int
    single: tuple[int, ...]
    first: frozenset[int]
    second: frozenset[int]


class Rules:
    """The ruler's rules compiled to per-token tests, and what each distinct token gets."""

    def __init__(
        self, vocab: Vocab, attrs: list[str], patterns: list[list[list[Test]]],
        sets: Sequence[Mapping[int, int]], indices: Sequence[int],
    ) -> None:
        self.vocab = vocab
        self.attrs = attrs
        self.attr_ids = [IDS[a] for a in attrs]
        self.strings = [a in STRING_ATTRS for a in attrs]
        self.patterns = patterns  # rule -> its patterns -> per-token tests
        self.sets = sets
        self.indices = indices
        self.pairs = [r for r, pats in enumerate(patterns) if any(len(p) == 2 for p in pats)]
        self._keys: dict[tuple[int, ...], Entry] = {}
        self._entries: dict[Entry, Entry] = {}
        self._folds: dict[tuple[int, ...], int] = {}
        self._values: list[list[int]] = []
        self._masks: list[list[bool]] = []
        self._table: tuple[numpy.ndarray, numpy.ndarray] | None = None

    def _read(self, key: tuple[int, ...]) -> tuple[Any, ...]:
        return tuple(
            self.vocab.strings[v] if is_string else bool(v)
            for v, is_string in zip(key, self.strings, strict=True)
        )

    def _entry(self, key: tuple[int, ...]) -> Entry:
        entry = self._keys.get(key)
        if entry is None:
            token = self._read(key)
            single, first, second = set(), set(), set()
            for rule, pats in enumerate(self.patterns):
                for pat in pats:
                    if len(pat) == 1 and pat[0](token):
                        single.add(rule)
                    elif len(pat) == 2:
                        if pat[0](token):
                            first.add(rule)
                        if pat[1](token):
                            second.add(rule)
            if len(self._keys) >= MAX_KEYS:
                self._keys.clear()
            rules = tuple(sorted(single))
            entry = Entry(self._fold(rules), rules, frozenset(first), frozenset(second))
            # Most tokens share their entry with many others: one copy of each.
            entry = self._keys[key] = self._entries.setdefault(entry, entry)
        return entry

    def _fold(self, rules: tuple[int, ...]) -> int:
        """The values a token gets from ``rules`` applied in order (a later rule wins)."""
        fold = self._folds.get(rules)
        if fold is None:
            values, mask = [0] * len(SET_ATTRS), [False] * len(SET_ATTRS)
            for rule in rules:
                for attr, value in self.sets[rule].items():
                    column = SET_ATTRS.index(attr)
                    values[column], mask[column] = value, True
            fold = self._folds[rules] = len(self._values)
            self._values.append(values)
            self._masks.append(mask)
            self._table = None
        return fold

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        entries = [self._entry(tuple(k)) for k in doc.to_array(self.attr_ids).tolist()]
        folds = numpy.fromiter((entry.fold for entry in entries), dtype=numpy.intp,
                               count=len(entries))
        if self.pairs:
            extra: dict[int, set[int]] = {}
            for i, (here, after) in enumerate(pairwise(entries)):
                for rule in here.first & after.second:
                    extra.setdefault(i + self.indices[rule], set()).add(rule)
            for i, rules in extra.items():
                folds[i] = self._fold(tuple(sorted({*entries[i].single, *rules})))
        if self._table is None:
            self._table = (numpy.asarray(self._values, dtype=numpy.uint64),
                           numpy.asarray(self._masks, dtype=bool))
        values, masks = self._table
        old = doc.to_array(list(SET_ATTRS))
        new = numpy.where(masks[folds], values[folds], old)
        changed = [c for c in range(len(SET_ATTRS)) if (new[:, c] != old[:, c]).any()]
        if changed:
            doc.from_array([SET_ATTRS[c] for c in changed], new[:, changed])
        return doc


def from_ruler(ruler: AttributeRuler) -> Rules | None:
    """``ruler``'s rules, or None where one uses a feature this module does not read."""
    patterns: list[list[list[Test]]] = []
    attrs = sorted({key for rule in ruler.patterns for pat in rule["patterns"]
                    for token in pat for key in token})
    if any(a not in STRING_ATTRS and not a.startswith("IS_") for a in attrs):
        return None
    if any(set(s) - set(SET_ATTRS) for s in ruler.attrs):
        return None
    for rule in ruler.patterns:
        compiled: list[list[Test]] = []
        for pat in rule["patterns"]:
            if not 1 <= len(pat) <= 2:
                return None
            tokens: list[Test] = []
            for token in pat:
                tests = [(attrs.index(k), _value_test(v)) for k, v in token.items()]
                if any(test is None for _, test in tests):
                    return None
                tokens.append(lambda key, t=tests: all(test(key[i]) for i, test in t))
            compiled.append(tokens)
        patterns.append(compiled)
    return Rules(ruler.vocab, attrs, patterns, ruler.attrs, ruler.indices)


class Lemmas:
    """spaCy's rule lemmatizer, asked once per distinct (form, part of speech, morphology):
    its rules read nothing else (its own cache has that key), so the lemmas are its own."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self._lemmas: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        values = doc.to_array([ORTH, POS, MORPH, LEMMA])
        missing = numpy.flatnonzero(values[:, 3] == 0)
        if not len(missing):
            return doc
        lemmas = values[:, 3].copy()
        strings = self.lemmatizer.vocab.strings
        for i, key in zip(missing.tolist(), map(tuple, values[missing, :3].tolist()),
                          strict=True):
            lemma = self._lemmas.get(key)
            if lemma is None:
                if len(self._lemmas) >= MAX_KEYS:
                    self._lemmas.clear()
                lemma = self._lemmas[key] = strings.add(self.lemmatizer.lemmatize(doc[i])[0])
            lemmas[i] = lemma
        doc.from_array([LEMMA], lemmas)
        return doc


def lemmas(lemmatizer: Lemmatizer) -> Lemmas | None:
    """``lemmatizer`` by lookup, or None where it is not the rule lemmatizer that keeps the
    lemmas already set (its lemmas would then depend on more than the three values)."""
    if lemmatizer.mode != "rule" or lemmatizer.overwrite:
        return None
    return Lemmas(lemmatizer)
