"""Organisations named weakly that the organisations beside them vouch for.

A weak organisation name is also a phrase ("الاتحاد الوطني", *the national
union*; "الجيل الجديد", *the new generation*) and counts in running text
when the text names it as an organisation: joined by "and", "و" or a comma
to an organisation of the same country the text names ("الحزب الديمقراطي
الكردستاني والاتحاد الوطني"), or an outlet's to another outlet ("Telegram,
Facebook and Instagram"), or one of three or more such weak names of one
country in one list ("الاتحاد الوطني والجيل الجديد والاتحاد الإسلامي", the
parties of an election's results): three phrases that are each a party's
name are not in one list by chance.  ``borderlex.scan_support`` asks; this
module answers with the ids of the organisations so vouched for.
"""

from __future__ import annotations

from .designated_lists import partner_before
from .index import Strength
from .scan_patterns import Span

__all__ = ["in_an_org_list"]

# Names of one list that are each weak names of organisations of one country: enough to vouch.
_MANY = 3

# Organisation types whose names are read in lists across borders.
_BORDERLESS = frozenset({"media", "monitor", "think-tank"})


def in_an_org_list(spans: list[Span], text: str, strong: set[str]) -> set[str]:
    """The organisations whose weak names are in a list with an organisation of
    their country or type the text names (``strong``), or with two more weak ones."""
    found: set[str] = set()
    for chain in _lists(spans, text):
        weak = [_weak_orgs(c) for c in chain]
        beside = [p.entry.entity for c in chain for p in c.patterns if p.entry.entity.id in strong]
        named = {e.country for e in beside if e.kind == "org" and e.country is not None}
        # "Telegram, Facebook and Instagram": an outlet vouches for another outlet's weak name
        # that is one organisation's. Outlets are read across borders; a state's bodies are not
        # ("الأمن العام والجيش اللبناني" is Lebanon's General Security, not Syria's).
        types = {e.type for e in beside if e.kind == "org" and e.type in _BORDERLESS}
        for orgs in weak:
            one = len(orgs) == 1
            found |= {i for i, (country, kind) in orgs.items() if country in named or (one and kind in types)}
        # A run of weak names, each of an organisation of one country.
        run: list[dict[str, tuple[str | None, str | None]]] = []
        for orgs in [*weak, {}]:
            if orgs:
                run.append(orgs)
                continue
            if len(run) >= _MANY:
                shared = set.intersection(*({c for c, _ in o.values() if c is not None} for o in run))
                found |= {i for o in run for i, (country, _) in o.items() if country in shared}
            run = []
    return found


def _lists(spans: list[Span], text: str) -> list[list[Span]]:
    """The spans in lists, each list in order: one name after another joined
    by "و", "and", "et" or a comma, in one script."""
    chains: list[list[Span]] = []
    by_end: dict[int, list[Span]] = {}
    for c in sorted(spans, key=lambda c: c.start):
        arabic = c.patterns[0].entry.arabic
        before = partner_before(text, by_end, c.start)
        if before is not None and by_end[before][-1].patterns[0].entry.arabic != arabic:
            before = None
        chain = by_end.pop(before) if before is not None else []
        if not chain:
            chains.append(chain)
        chain.append(c)
        by_end[c.end] = chain
    return [chain for chain in chains if len(chain) > 1]


def _weak_orgs(c: Span) -> dict[str, tuple[str | None, str | None]]:
    """The organisations a span names weakly, with their countries and types."""
    return {
        p.entry.entity.id: (p.entry.entity.country, p.entry.entity.type)
        for p in c.patterns
        if p.entry.strength is Strength.WEAK and p.entry.entity.kind == "org"
    }
