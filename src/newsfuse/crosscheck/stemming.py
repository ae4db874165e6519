"""A cached Snowball stemmer: one per story (no module-level state), shared by the cross-check steps."""

from __future__ import annotations

from nltk.stem.snowball import EnglishStemmer


class CachedStemmer:
    """``stem(word)`` with a memo: a story repeats its words many times."""

    def __init__(self) -> None:
        self._stemmer = EnglishStemmer()
        self._cache: dict[str, str] = {}

    def stem(self, word: str) -> str:
        s = self._cache.get(word)
        if s is None:
            s = self._cache[word] = self._stemmer.stem(word)
        return s
