"""Web addresses, e-mail addresses and account handles name no one in the text.

"@Mu_AlSadr" is an account, not Sadr City; "www.syriahr.com/en/Raqqa" a page,
"info@mosul.org" a mailbox.  Words inside such a token are part of an address
that the text quotes: they are no mention of a place or an organisation, even
where the account is one's (the text names it elsewhere when it means it).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .model import Mention

__all__ = ["outside_web_addresses"]

_ADDRESS = re.compile(
    r"(?:https?://|www\.)\S+"  # a URL
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # an e-mail address
    r"|(?<![\w@])@\w+"  # a handle
)


def outside_web_addresses(text: str, mentions: Sequence[Mention]) -> list[Mention]:
    """``mentions`` without those that lie in a web or e-mail address or a handle."""
    if "@" not in text and "www." not in text and "://" not in text:
        return list(mentions)
    spans = [(a.start(), a.end()) for a in _ADDRESS.finditer(text)]
    return [m for m in mentions if not any(start < m.end and m.start < end for start, end in spans)]
