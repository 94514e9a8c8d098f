"""Measuring the coder and the merger: gold sets, the annotated corpus, and training from it.

Nothing on the coding path imports this package; it sits above the pipeline and the store.
"""
