"""A place's name opening a longer quoted name is no mention.

Arabic sets the names of lists, outlets and campaigns in quote marks, and
many open with a place: "صلاح الدين هويتنا" (*Saladin is our identity*, an
electoral list), «حلب اليوم» (*Aleppo Today*, a channel), "دير الزور 24" (a
news site).  Arabic has no capitals to show the name's run; the quote marks
do: when a place's name opens them (perhaps after a designator outside them,
"منطقة “تلّ الهش”") and a few more words close them, the place is a word of
another name (whole name or nothing), unless the tables know the whole,
which the scanner then found instead.  So does a credit line without quote
marks: "العراق اليوم:" and "سوريا اليوم – دمشق" (*Iraq Today*, *Syria
Today*) credit an outlet, where "اليوم" before a weekday is *today*
("طالب العراق اليوم السبت", Iraq demanded on Saturday).
"""

from __future__ import annotations

import re
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
    """``mentions`` without the Arabic places that open a longer quoted name
    or an outlet's name in a credit line."""
    return [
        m for m in mentions if m.entity.kind != "place" or not (_opens_quoted_name(text, m) or _today_credit(text, m))
    ]


def _today_credit(text: str, m: Mention) -> bool:
    """Whether the place opens a credit line's "X اليوم": first on its line,
    or after a dateline's place and dash, with a dash, a colon or the line's
    end after it ("بغداد- العراق اليوم:"; not "يصل الوزير بغداد اليوم")."""
    line = text[text.rfind("\n", 0, m.start) + 1 : m.start]
    return _TODAY_AFTER.match(text, m.end) is not None and _CREDIT_BEFORE.fullmatch(line) is not None


# "اليوم" (*today*) after the place, then a dash, a colon or the line's end.
_TODAY_AFTER = re.compile(r" اليوم[ \t]*(?:[-–—:]|\n|\Z)")
# Nothing before it on its line, or a dateline's one word and a dash.
_CREDIT_BEFORE = re.compile(r"\s*(?:\S+\s*[-–—]\s*)?")


def _opens_quoted_name(text: str, m: Mention) -> bool:
    if not has_arabic_script(m.text) or not (_opens_before(text, m.start) or _left_open(m.text)):
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


def _opens_before(text: str, start: int) -> bool:
    """Whether a quote mark right before ``start`` opens a quotation: an
    opening mark, or, as Arabic text writes them either way round, a closing
    one after a space or a tatweel ("لـ”سوريا اليوم”")."""
    if start == 0:
        return False
    mark, before = text[start - 1], text[start - 2 : start - 1]
    return mark in _OPENING or (mark in _CLOSING and (before in ("", "ـ") or before.isspace()))


def _left_open(span: str) -> bool:
    """Whether a quote mark opens inside ``span``, after a space, and does not
    close in it: "منطقة “تلّ" of "منطقة “تلّ الهش”" (a designator before the
    quoted name; the scanner reads Arabic quote marks so, as they are
    written either way round)."""
    opened = 0
    for i, ch in enumerate(span):
        if i > 0 and span[i - 1].isspace() and ch in _OPENING:
            opened += 1
        elif ch in _CLOSING and opened:
            opened -= 1
    return opened > 0
