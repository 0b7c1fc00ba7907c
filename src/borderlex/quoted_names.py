"""A place's name opening a longer quoted name is no mention.

Arabic sets the names of lists, outlets and campaigns in quote marks, and
many open with a place: "صلاح الدين هويتنا" (*Saladin is our identity*, an
electoral list), «حلب اليوم» (*Aleppo Today*, a channel), "دير الزور 24" (a
news site).  Arabic has no capitals to show the name's run; the quote marks
do: when a place's name opens them and a few more words close them, the
place is a word of another name (whole name or nothing), unless the tables
know the whole, which the scanner then found instead.
"""

from __future__ import annotations

from collections.abc import Sequence

from .arabic_script import CLOSING_QUOTES, has_arabic_script
from .model import Mention

__all__ = ["outside_quoted_names"]

_OPENING = frozenset('«“"„')
_CLOSING = frozenset(CLOSING_QUOTES)
_MAX_WORDS_AFTER = 3  # a longer quotation is a sentence someone said, not a name
# Punctuation ends a name; a dash joins two ("الحسكة – حلب", a road).
_PUNCTUATION = frozenset("،,.:;؛!?؟()[]\n–—-")


def outside_quoted_names(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` without the Arabic places that open a longer quoted name."""
    return [m for m in mentions if m.entity.kind != "place" or not _opens_quoted_name(text, m)]


def _opens_quoted_name(text: str, m: Mention) -> bool:
    if m.start == 0 or text[m.start - 1] not in _OPENING or not has_arabic_script(m.text):
        return False
    rest = text[m.end : m.end + 40]
    close = next((i for i, ch in enumerate(rest) if ch in _CLOSING), None)
    if close is None:
        return False
    after = rest[:close]
    words = after.split()
    return (
        0 < len(words) <= _MAX_WORDS_AFTER
        and after[:1] == " "
        and not words[0].startswith("و")  # a list of names: "مورك واللطامنة"
        and not _PUNCTUATION.intersection(after)
    )
