"""A text's mentions kept in order, for the passes that add and remove
mentions while they read the text again (surnames, short forms)."""

from __future__ import annotations

import bisect

from .model import Mention

__all__ = ["PlacedMentions"]


class PlacedMentions:
    """Mentions sorted by start, with what overlaps a span found by bisection:
    a long text has thousands of mentions, and the passes that read a name
    again across the text look at each of its hits."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.items = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.items]
        self.longest = max((m.end - m.start for m in self.items), default=0)

    def overlapping(self, start: int, end: int) -> list[Mention]:
        """The mentions that overlap ``start``…``end``, in order."""
        found = []
        j = bisect.bisect_left(self.starts, end) - 1
        while j >= 0 and self.starts[j] > start - self.longest:
            m = self.items[j]
            if m.end > start:
                found.append(m)
            j -= 1
        return found[::-1]

    def remove(self, m: Mention) -> None:
        j = bisect.bisect_left(self.starts, m.start)
        while self.items[j] is not m:
            j += 1
        del self.items[j], self.starts[j]

    def append(self, m: Mention) -> None:
        j = bisect.bisect_right(self.starts, m.start)
        self.items.insert(j, m)
        self.starts.insert(j, m.start)
        self.longest = max(self.longest, m.end - m.start)
