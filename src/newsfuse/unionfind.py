"""Disjoint sets of strings (union-find), shared by the stages that group things by links."""

from __future__ import annotations

from collections.abc import Iterable


class UnionFind:
    """Disjoint sets of string items; an item not seen before is a set of its own.

    ``union(a, b)`` keeps the root of ``a``'s set as the root of the merged set; with
    ``smallest_root`` it keeps the smaller of the two roots instead, so every set's root is its
    smallest member whatever the order of the unions.
    """

    def __init__(self, items: Iterable[str] = (), *, smallest_root: bool = False) -> None:
        self.parent: dict[str, str] = {x: x for x in items}
        self.smallest_root = smallest_root

    def find(self, x: str) -> str:
        root = x
        while self.parent.setdefault(root, root) != root:
            root = self.parent[root]
        while self.parent[x] != root:  # path compression
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            if self.smallest_root:
                ra, rb = min(ra, rb), max(ra, rb)
            self.parent[rb] = ra
