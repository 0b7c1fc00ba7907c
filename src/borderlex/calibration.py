"""How far a match can be trusted: the measured precision of matches like it.

``data/calibration.json`` holds, for each tier (and score band of the fuzzy
tier), how many matches of that kind were right on the development part of
the open-world corpus (``tests/corpus/``: real articles annotated by hand),
scan mentions and ``resolve()`` lookups together.  It is written by
``python bench/calibrate.py`` and a test fails when it is stale.
"""

from __future__ import annotations

import functools
import json

from .bundled import bundled_bytes

__all__ = ["band", "confidence"]


def band(method: str, score: float) -> str:
    """The calibration key of a match: its tier, and for the fuzzy tier the
    5-point score band ("fuzzy:85" for 85 ≤ score < 90)."""
    if method != "fuzzy":
        return method
    return f"fuzzy:{min(95, int(score // 5 * 5))}"


def confidence(method: str, score: float) -> float:
    """The measured precision (0–1) of matches of this tier and score band;
    0.5 for a band that was never observed."""
    return _table().get(band(method, score), 0.5)


@functools.cache
def _table() -> dict[str, float]:
    # Read once; two threads racing here read the same small file twice at worst.
    raw = bundled_bytes("calibration.json").decode("utf-8")
    return {key: float(row["confidence"]) for key, row in json.loads(raw)["bands"].items()}
