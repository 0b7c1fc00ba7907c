"""Checks on the arguments of the public functions.

Each raises ``TypeError`` or ``ValueError`` naming the argument, so that a
wrong call fails loudly instead of quietly returning nothing (``kinds="org"``
read as the letters o, r, g; ``limit=-1`` slicing results away).
"""

from __future__ import annotations

from collections.abc import Iterable

from .errors import UnknownKindError
from .model import KINDS, Kind, as_kind

__all__ = ["check_kind", "check_kinds", "check_limit", "check_values"]


def check_kind(kind: object) -> None:
    """``kind`` is None or one of [`KINDS`][borderlex.KINDS]: a type checker
    catches a misspelt kind in the source, this catches one read at run time
    (a ``TypeError``, or an [`UnknownKindError`][borderlex.UnknownKindError])."""
    if kind is None:
        return
    if not isinstance(kind, str):
        raise TypeError(f"kind must be a str or None, not {type(kind).__name__}")
    as_kind(kind)


def check_kinds(kinds: object) -> frozenset[Kind] | None:
    """``kinds`` as a set: None, or an iterable of known kinds (not a str)."""
    if kinds is None:
        return None
    if isinstance(kinds, (str, bytes)):
        raise TypeError(f"kinds must be an iterable of kinds such as [{kinds!r}], not a {type(kinds).__name__}")
    if not isinstance(kinds, Iterable):
        raise TypeError(f"kinds must be an iterable of kinds, not {type(kinds).__name__}")
    wanted = frozenset(kinds)
    for kind in wanted:
        if not isinstance(kind, str) or kind not in KINDS:
            raise UnknownKindError(kind, KINDS, "kinds")
    return frozenset(k for k in KINDS if k in wanted)


def check_limit(limit: object) -> int:
    """``limit`` is a whole number, at least 0."""
    if isinstance(limit, bool) or not isinstance(limit, int):
        raise TypeError(f"limit must be an int, not {type(limit).__name__}")
    if limit < 0:
        raise ValueError(f"limit must be at least 0, not {limit}")
    return limit


def check_values(values: object) -> None:
    """``values`` is an iterable of values, not one string."""
    if isinstance(values, (str, bytes)):
        raise TypeError(f"values must be an iterable of names (such as [{values!r}]), not one {type(values).__name__}")
    if not isinstance(values, Iterable):
        raise TypeError(f"values must be an iterable of names, not {type(values).__name__}")
