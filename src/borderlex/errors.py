"""Typed errors.  Each subclasses [`BorderlexError`][borderlex.BorderlexError] and a builtin, so
callers can catch either (``except LookupError`` keeps working)."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["BorderlexError", "TableError", "TableWarning", "UnknownEntityError", "UnknownKindError"]


class BorderlexError(Exception):
    """Base class of every error borderlex raises on purpose."""


class TableError(BorderlexError, ValueError):
    """An alias table could not be read or is inconsistent.

    ``path`` is the file, ``entity`` the entity id (or ``None`` when the
    fault is in the file as a whole) and ``reason`` says what is wrong.
    """

    def __init__(self, path: str, entity: str | None, reason: str) -> None:
        self.path = path
        self.entity = entity
        self.reason = reason
        where = f"{path}: {entity}" if entity else path
        super().__init__(f"{where}: {reason}")

    def __reduce__(self) -> tuple[type[TableError], tuple[str, str | None, str]]:
        return (type(self), (self.path, self.entity, self.reason))


class TableWarning(BorderlexError, UserWarning):
    """Loading tables went on without some paths named like tables.

    Warned once per load; ``skipped`` holds one [`TableError`][borderlex.TableError] record
    per path (``entity`` is ``None``) saying why it was not loaded: a
    sub-directory, a FIFO or device, a symlink loop or dangling link, a
    hidden file.
    """

    def __init__(self, skipped: Sequence[TableError]) -> None:
        self.skipped = tuple(skipped)
        listed = "; ".join(f"{s.path}: {s.reason}" for s in self.skipped)
        count = len(self.skipped)
        super().__init__(f"skipped {count} path{'s' if count != 1 else ''} named like tables: {listed}")

    def __reduce__(self) -> tuple[type[TableWarning], tuple[tuple[TableError, ...]]]:
        return (type(self), (self.skipped,))


class UnknownEntityError(BorderlexError, LookupError):
    """No entity has the requested id."""

    def __init__(self, entity_id: str) -> None:
        self.entity_id = entity_id
        super().__init__(entity_id)

    def __str__(self) -> str:
        return f"no entity with id {self.entity_id!r}"

    def __reduce__(self) -> tuple[type[UnknownEntityError], tuple[str]]:
        return (type(self), (self.entity_id,))


class UnknownKindError(BorderlexError, ValueError):
    """A kind that is not one of the entity kinds (``kind="plase"``).

    ``kind`` is the value given, ``expected`` the kinds there are and
    ``argument`` the parameter it was given as (``"kind"`` or ``"kinds"``).
    """

    def __init__(self, kind: object, expected: Sequence[str], argument: str = "kind") -> None:
        self.kind = kind
        self.expected = tuple(expected)
        self.argument = argument
        super().__init__(kind)

    def __str__(self) -> str:
        if self.argument == "kinds":
            return f"kinds: unknown kind {self.kind!r} (expected some of {', '.join(self.expected)})"
        return f"unknown kind {self.kind!r} (expected one of {', '.join(self.expected)})"

    def __reduce__(self) -> tuple[type[UnknownKindError], tuple[object, tuple[str, ...], str]]:
        return (type(self), (self.kind, self.expected, self.argument))
