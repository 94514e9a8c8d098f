"""What the fitting code hands scikit-learn's liblinear, shared by the event and role models."""

from __future__ import annotations

from typing import Any


def int32_indices(matrix: Any) -> Any:
    """liblinear takes 32-bit sparse indices only; ours are far below that size."""
    matrix.indices = matrix.indices.astype("int32")
    matrix.indptr = matrix.indptr.astype("int32")
    return matrix
