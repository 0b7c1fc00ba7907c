"""Typed errors.  Each subclasses :class:`BorderlexError` and a builtin, so
callers can catch either (``except LookupError`` keeps working)."""

from __future__ import annotations

__all__ = ["BorderlexError", "TableError", "UnknownEntityError"]


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


class UnknownEntityError(BorderlexError, LookupError):
    """No entity has the requested id."""

    def __init__(self, entity_id: str) -> None:
        self.entity_id = entity_id
        super().__init__(entity_id)

    def __str__(self) -> str:
        return f"no entity with id {self.entity_id!r}"

    def __reduce__(self) -> tuple[type[UnknownEntityError], tuple[str]]:
        return (type(self), (self.entity_id,))
