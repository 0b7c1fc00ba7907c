"""What the open-world tests compare: each mention ``scan()`` finds as its
text and id, and the id ``resolve()`` gives."""

from __future__ import annotations

import borderlex


def ids(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.id) for m in borderlex.scan(text)]


def resolved(query: str) -> str | None:
    found = borderlex.resolve(query)
    return found.id if found else None
