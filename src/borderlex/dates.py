"""Dates: the ``as_of`` argument and the periods in which entities existed.

Tables and callers may give partial dates (``"2016"``, ``"2016-07"``); a
partial date stands for its whole year or month.  So ``valid_to = "2016"``
means *through 31 December 2016*, and ``as_of="2018-06"`` asks about any day
of June 2018: an entity counts as valid then when its own period overlaps
that month.  An entity without ``valid_from`` (or ``valid_to``) is taken to
have existed since (or until) any date: a missing date is unknown, not
"never".
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

import attrs

from .model import Entity

__all__ = ["Period", "date_range", "first_day", "parse_as_of", "valid_during"]

_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def date_range(text: str) -> tuple[dt.date, dt.date]:
    """The first and last day a ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` date
    stands for.  Raises ``ValueError`` for anything else.

    Examples:
        >>> date_range("2016")
        (datetime.date(2016, 1, 1), datetime.date(2016, 12, 31))
        >>> date_range("2024-02")[1]
        datetime.date(2024, 2, 29)
    """
    m = _ISO.fullmatch(text)
    if m is None:
        raise ValueError(f"{text!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(g) if g else None for g in m.groups())
    assert year is not None
    if month is None:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if day is None:
        last = calendar.monthrange(year, month)[1] if 1 <= month <= 12 else 0
        return dt.date(year, month, 1), dt.date(year, month, last)
    one = dt.date(year, month, day)
    return one, one


@attrs.frozen(slots=True)
class Period:
    """A closed range of days: what an ``as_of`` argument stands for.

    ``text`` is the date as given in ISO form ("2018-06"), for messages.
    Periods with the same days compare equal, so they key memo tables.
    """

    start: dt.date
    end: dt.date
    text: str = attrs.field(eq=False)

    def __str__(self) -> str:
        return self.text


def parse_as_of(value: object, name: str = "as_of") -> Period | None:
    """``None``, or the period a ``datetime.date`` or ISO date string stands for.

    Raises ``TypeError`` for other types and ``ValueError`` for other
    strings, naming the argument.

    Examples:
        >>> parse_as_of("2018-06")
        Period(start=datetime.date(2018, 6, 1), end=datetime.date(2018, 6, 30), text='2018-06')
    """
    if value is None or isinstance(value, Period):
        return value
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return Period(value, value, value.isoformat())
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a datetime.date or an ISO date string, not {type(value).__name__}")
    try:
        start, end = date_range(value.strip())
    except ValueError:
        raise ValueError(f"{name} must be a date: YYYY, YYYY-MM or YYYY-MM-DD, not {value!r}") from None
    return Period(start, end, value.strip())


def valid_during(entity: Entity, period: Period) -> bool:
    """Whether ``entity`` existed on some day of ``period`` (see the module doc)."""
    if entity.valid_from is not None and date_range(entity.valid_from)[0] > period.end:
        return False
    return entity.valid_to is None or date_range(entity.valid_to)[1] >= period.start


def first_day(entity: Entity) -> dt.date | None:
    """The first day ``entity`` may have existed, or ``None`` when undated."""
    return date_range(entity.valid_from)[0] if entity.valid_from is not None else None
