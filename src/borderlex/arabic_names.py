"""Arabic personal names, read whole by their given names.

Arabic has no capitals to show where a name starts, so the scanner reads
the words before a person's mention: the person's own first name joins the
mention ("أحمد أبو خولة", Ahmad al-Khubayl's first name and kunya; across one
more name, "محمد ريكان الحلبوسي"), while another given name makes it someone
else's name ("حسين علي الشرع" is not Ahmed al-Sharaa): no mention.  Given
names are the first words of the tables' Arabic personal names.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from .arabic_script import has_arabic_script, is_arabic_word_char, orthographic_form

if TYPE_CHECKING:
    from .index import AliasEntry
    from .model import Entity

__all__ = ["given_name_start", "given_names"]

# Words that open Arabic personal names without being given names: kunya
# ("أبو خولة"), "son of", and the first half of compounds ("عبد الله").
_NOT_GIVEN = frozenset(orthographic_form(w) for w in ("أبو", "أم", "بن", "ابن", "عبد"))


def given_names(entries: Iterable[AliasEntry]) -> frozenset[str]:
    """The first words (as :func:`~borderlex.arabic_script.orthographic_form` gives them:
    the article kept, so "التقى", *met*, is not "تقي", Taqi)
    of the Arabic personal names of two words or more among ``entries``."""
    return frozenset(
        first
        for e in entries
        if e.entity.kind == "person" and e.arabic and len(words := e.alias.split()) > 1
        if (first := orthographic_form(words[0])) not in _NOT_GIVEN
    )


def given_name_start(text: str, start: int, entity: Entity, given: frozenset[str]) -> int | None:
    """Where the mention of ``entity`` at ``start`` begins once the given
    names before it are read; ``None`` when they make it another person's."""
    before = _words_before(text, start, 2)
    if not before:
        return start
    own = {
        orthographic_form(n.split()[0]) for n in entity.strong_names if len(n.split()) > 1 and has_arabic_script(n)
    } - _NOT_GIVEN
    for i, (at, word) in enumerate(before):
        if orthographic_form(word) in own:
            return at if i == 0 or orthographic_form(before[0][1]) not in own else before[0][0]
    return None if orthographic_form(before[0][1]) in given else start


def _words_before(text: str, start: int, count: int) -> list[tuple[int, str]]:
    """Up to ``count`` Arabic words right before ``start``, nearest first, each
    with its offset; they stop at anything but a space and Arabic letters."""
    out: list[tuple[int, str]] = []
    i = start
    while len(out) < count:
        j = i
        while j > 0 and text[j - 1] == " ":
            j -= 1
        if j == i:  # no space: the mention or the word before is not a whole word
            break
        k = j
        while k > 0 and is_arabic_word_char(text[k - 1]):
            k -= 1
        if k == j:
            break
        out.append((k, text[k:j]))
        i = k
    return out
