"""The summary's TF-IDF space, written out, is scikit-learn's to the last bit."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import sparse

from newsfuse.summary.scoring import l2_rows, vectorize
from newsfuse.text import content_words

sklearn_text = pytest.importorskip("sklearn.feature_extraction.text")
sklearn_pre = pytest.importorskip("sklearn.preprocessing")

# Invented sentences (repeated words, a title, an empty sentence, one of stopwords only).
TEXTS = [
    "The council of Harlowe voted on Tuesday to close the old bridge over the Tamsin river.",
    "Harlowe's council closed the bridge, citing cracks found by inspectors, and the bridge stays shut.",
    "Inspectors said the cracks in the bridge had grown since the spring flood of the Tamsin.",
    "",
    "It was and is.",
    "Traders near the bridge said the closure would cost them customers; the council promised a ferry.",
]
TITLES = ["Harlowe closes Tamsin bridge", "Bridge shut after cracks found"]


def _reference(texts: list[str], titles: list[str]) -> tuple[sparse.csr_matrix, sparse.csr_matrix]:
    def analyzer(doc: str | list[str]) -> list[str]:
        return doc if isinstance(doc, list) else content_words(doc)

    vec = sklearn_text.TfidfVectorizer(analyzer=analyzer, sublinear_tf=True)
    m = sklearn_pre.normalize(vec.fit_transform([*texts, *titles]))
    return sparse.csr_matrix(m[: len(texts)]), sparse.csr_matrix(m[len(texts) :])


def _same(a: sparse.csr_matrix, b: sparse.csr_matrix) -> bool:
    return (
        a.shape == b.shape
        and np.array_equal(a.indptr, b.indptr)
        and np.array_equal(a.indices, b.indices)
        and np.array_equal(a.data, b.data)
    )


def test_vectorize_equals_scikit_learn_bit_for_bit() -> None:
    mine = vectorize(TEXTS, TITLES)
    ref = _reference(TEXTS, TITLES)
    assert _same(mine[0], ref[0]) and _same(mine[1], ref[1])


def test_vectorize_takes_word_lists_and_strings_alike() -> None:
    words = [content_words(t) for t in TEXTS]
    assert _same(vectorize(words, TITLES)[0], vectorize(TEXTS, TITLES)[0])


def test_vectorize_without_words_gives_zero_rows() -> None:
    x, t = vectorize(["", "the and of"], ["a"])
    assert x.shape == (2, 1) and t.shape == (1, 1) and x.nnz == 0


def test_l2_rows_equals_normalize_bit_for_bit() -> None:
    for seed in range(20):
        m = sparse.random(40, 30, density=0.25, format="csr", random_state=seed)
        m = sparse.csr_matrix(m.toarray() * 1e3 - 1.0 * (m.toarray() > 0.5))  # varied magnitudes and signs
        assert _same(l2_rows(m), sparse.csr_matrix(sklearn_pre.normalize(m)))
    empty = sparse.csr_matrix((3, 4))
    assert l2_rows(empty).nnz == 0
