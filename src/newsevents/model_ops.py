"""The model's matrix products by numpy's BLAS instead of blis.

Most of the model's CPU time is the matrix products of its two token-to-vector networks (the
one the tagger and parser share, and the entity recogniser's own). thinc's ``NumpyOps`` hands
them to blis; on the 2-core AMD EPYC machine the bench runs on, blis 1.3.4 took 2.9 times the
CPU time of numpy's OpenBLAS for the same product (11,000 x 288 by 288 x 288 in float32: 55.9
against 19.2 ms, one thread each). ``MatmulOps`` is ``NumpyOps`` with only ``gemm`` sent to
``numpy.matmul``; everything else, the parser's own inner loop included, stays thinc's. The
sums come in another order, so a score may differ in its last bits (about 1e-5); what the
model decides is compared token by token in ``bench/bench_model_ops.py``.
"""

from __future__ import annotations

from typing import Any

import numpy
from spacy.language import Language
from thinc.api import NumpyOps
from threadpoolctl import threadpool_limits


class MatmulOps(NumpyOps):
    """``NumpyOps`` whose ``gemm`` is ``numpy.matmul``."""

    name = "newsevents_matmul"

    def gemm(  # type: ignore[override]
        self, x: numpy.ndarray, y: numpy.ndarray, out: numpy.ndarray | None = None,
        trans1: bool = False, trans2: bool = False,
    ) -> numpy.ndarray:
        if trans1:
            x = x.T
        if trans2:
            y = y.T
        if out is None:
            return numpy.matmul(x, y)
        return numpy.matmul(x, y, out=out)


def use_matmul(language: Language) -> Language:
    """Every layer of ``language``'s models computes with ``MatmulOps`` (spaCy builds them with
    the ops current at load time, so they are swapped after loading)."""
    ops = MatmulOps()
    for _, pipe in language.pipeline:
        model: Any = getattr(pipe, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                if type(node.ops) is NumpyOps:
                    node.ops = ops
    return language


def one_blas_thread() -> None:
    """One BLAS thread in this process: a worker already has a core of its own, and a second
    thread per product only contends with the other worker."""
    threadpool_limits(1, user_api="blas")
