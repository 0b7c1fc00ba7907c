"""Web addresses, e-mail addresses and account handles name no one in the text.

"@Mu_AlSadr" is an account, not Sadr City; "www.syriahr.com/en/Raqqa" a page,
"info@mosul.org" a mailbox, "(/images/Hol-camp-Syria.webp)" an image.  Words inside such a token are part of an address
that the text quotes: they are no mention of a place or an organisation, even
where the account is one's (the text names it elsewhere when it means it).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from .model import Mention

__all__ = ["outside_web_addresses"]

# The endings of the files that pages name: images and documents.
_FILE = r"\.(?:webp|jpe?g|png|gif|svg|pdf)\b"
_HAS_FILE = re.compile(_FILE, re.IGNORECASE)

_ADDRESS = re.compile(
    r"(?:https?://|www\.)\S+"  # a URL
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # an e-mail address
    r"|(?<![\w@])@\w+"  # a handle
    r"|\]\([^\s()]+\)"  # a link's or an image's target in Markdown: "](/images/50731-Hol-camp-Syria.webp)"
    r"|(?<![\w./%-])[\w./%-]+" + _FILE,  # a file's name: "musee_de_palmyre.jpg"
    re.IGNORECASE,
)


def outside_web_addresses(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` without those that lie in a web or e-mail address, a handle or a file's name."""
    if "@" not in text and "www." not in text and "://" not in text and "](" not in text and not _HAS_FILE.search(text):
        return list(mentions)
    starts: list[int] = []
    ends: list[int] = []
    for a in _ADDRESS.finditer(text):  # in order, never overlapping
        starts.append(a.start())
        ends.append(a.end())

    def inside(m: Mention) -> bool:
        i = bisect.bisect_left(ends, m.start + 1)  # the first address ending after the mention starts
        return i < len(starts) and starts[i] < m.end

    return [m for m in mentions if not inside(m)]
