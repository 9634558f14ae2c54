"""Span bookkeeping shared by the extractors: which text positions are taken, which spans contain a hit.

Extractors keep the first of two overlapping hits and drop hits inside excluded spans.
Checking each hit against a list of all earlier spans is quadratic in the number of hits
(hundreds per report); the structures here answer each check in (near) constant time.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from itertools import accumulate
from typing import TypeVar

T = TypeVar("T")


class TakenMask:
    """Positions of a text covered by hits kept so far: one byte per character."""

    __slots__ = ("_mask",)

    def __init__(self, length: int) -> None:
        self._mask = bytearray(length)

    def overlaps(self, start: int, end: int) -> bool:
        return self._mask.find(1, start, end) != -1

    def take(self, start: int, end: int) -> None:
        self._mask[start:end] = b"\x01" * (end - start)

    def take_if_free(self, start: int, end: int) -> bool:
        """Mark [start, end) taken unless it overlaps a taken position; True when it was free."""
        if self.overlaps(start, end):
            return False
        self.take(start, end)
        return True


def starting_in(hits: Sequence[T], starts: Sequence[int], start: int, end: int) -> Sequence[T]:
    """The hits (sorted by start, `starts` their starts) that start in [start, end): a slice
    found by bisection, not a filter over all hits per question (quadratic on long reports)."""
    return hits[bisect_left(starts, start):bisect_left(starts, end)]


class Containers:
    """A fixed set of (possibly overlapping) spans, asked whether one of them contains a span."""

    __slots__ = ("_starts", "_max_ends")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [start for start, _ in ordered]
        # the furthest end among the spans starting at or before each start
        self._max_ends = list(accumulate((end for _, end in ordered), max))

    def contain(self, start: int, end: int) -> bool:
        """True if some span [s, e) has s <= start and end <= e."""
        i = bisect_right(self._starts, start) - 1
        return i >= 0 and self._max_ends[i] >= end
