"""A spaCy pipeline component: borderlex mentions as entities (or spans) with ids.

Installed with the ``spacy`` extra, the factory is found through the
``spacy_factories`` entry point, so no import is needed::

    nlp = spacy.blank("en")
    nlp.add_pipe("borderlex")
    [(e.text, e.label_, e.kb_id_) for e in nlp("ISIS fled Albu Kamal.").ents]

The component scans ``doc.text`` with the resolver's scanner and puts each
mention on the tokens:

* **Labels and ids.** The label is the entity's kind (``place``, ``org``,
  ``person``, ``facility``), ``kb_id_`` its id.
* **Alignment.** A mention can cut a token: spaCy's Arabic tokenizer keeps the
  proclitics و ب ل ف on the word ("والبوكمال"), while the mention starts after
  them.  ``alignment="expand"`` (default) takes every token the mention
  touches, ``"contract"`` only the tokens wholly inside it (no span if there
  are none), ``"strict"`` only mentions whose both ends fall on token
  boundaries.  ``span._.borderlex`` keeps the exact character offsets either way.
* **Existing entities.** By default they win: a borderlex span that shares a
  token with an entity already in ``doc.ents`` (from a trained NER or an
  entity ruler before it) is not added, except that an entity on exactly the
  mention's tokens and without a ``kb_id`` gets the mention's id as its
  ``kb_id`` (its label stays).  With ``overwrite_ents=True``
  borderlex wins and the entities it overlaps are removed (their tokens not
  covered by borderlex become "outside"); other tokens are left as they were.
  Two borderlex spans sharing a token (possible once expanded) keep the first.
* **Spans instead.** With ``spans_key`` set, ``doc.ents`` is left alone and
  every aligned mention is appended to ``doc.spans[spans_key]`` (a span
  group allows overlaps).
* **Nothing lost.** ``doc._.borderlex`` lists every mention found, placed or
  not; ``doc._.borderlex_unplaced`` those that are on no span (they could not
  be aligned, or lost to an entity or an earlier mention).

Extension values are kept in ``doc.user_data`` as plain data (msgpack- and
pickle-safe), so ``Doc.to_bytes``, ``DocBin(store_user_data=True)`` and
``nlp.pipe(n_process=2)`` carry them; the getters rebuild the
:class:`~borderlex.model.Mention` objects from the resolver's tables, which
must still be at the same paths.  One borderlex component per pipeline: a
second one's record of a doc replaces the first's.
"""

# No `from __future__ import annotations`: spaCy validates a config against
# the factory's annotations, which must be real types at run time.
import os
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from .arguments import check_kinds
from .dates import parse_as_of
from .errors import BorderlexError
from .model import Match, Mention, Method
from .resolver import Resolver

__all__ = ["ALIGNMENTS", "BorderlexComponent", "SpacyConfigError", "make_borderlex", "register_extensions"]

#: The ``alignment`` settings (spaCy's ``Doc.char_span`` modes).
ALIGNMENTS = ("expand", "contract", "strict")

# Where a doc keeps what the component found: a Doc-level "._." key, so that
# Doc.from_docs names it in its warning when it drops it.
_KEY = ("._.", "borderlex", None, None)


class SpacyConfigError(BorderlexError, ValueError):
    """A setting of the spaCy component is wrong, or another package holds
    one of its extension attribute names."""


@Language.factory(
    "borderlex",
    default_config={
        "kinds": None,
        "as_of": None,
        "tables": [],
        "fuzzy": False,
        "spans_key": None,
        "overwrite_ents": False,
        "alignment": "expand",
    },
    assigns=[
        "doc.ents",
        "doc.spans",
        "doc._.borderlex",
        "doc._.borderlex_unplaced",
        "span._.borderlex",
        "span._.borderlex_confidence",
    ],
)
def make_borderlex(
    nlp: Language,
    name: str,
    *,
    kinds: list[str] | None,
    as_of: str | None,
    tables: list[str],
    fuzzy: bool,
    spans_key: str | None,
    overwrite_ents: bool,
    alignment: str,
) -> "BorderlexComponent":
    """The ``borderlex`` factory: see :class:`BorderlexComponent`."""
    return BorderlexComponent(
        name,
        kinds=kinds,
        as_of=as_of,
        tables=tables,
        fuzzy=fuzzy,
        spans_key=spans_key,
        overwrite_ents=overwrite_ents,
        alignment=alignment,
    )


class BorderlexComponent:
    """Sets ``doc.ents`` (or ``doc.spans[spans_key]``) from borderlex's scan of
    ``doc.text`` (see the module documentation for the rules).

    ``kinds`` keeps mentions of those kinds only; ``as_of`` (``YYYY``,
    ``YYYY-MM`` or ``YYYY-MM-DD``) settles spellings shared over time;
    ``tables`` are user alias tables loaded on top of the bundled ones;
    ``fuzzy`` turns on the scanner's fuzzy tier.  A wrong setting raises
    :class:`SpacyConfigError` (or the ``TypeError``/``ValueError`` of the
    argument checks) when the component is made, as does a broken table
    (:class:`~borderlex.errors.TableError`).
    """

    def __init__(
        self,
        name: str = "borderlex",
        *,
        kinds: Iterable[str] | None = None,
        as_of: str | None = None,
        tables: Sequence[str | os.PathLike[str]] = (),
        fuzzy: bool = False,
        spans_key: str | None = None,
        overwrite_ents: bool = False,
        alignment: str = "expand",
    ) -> None:
        if alignment not in ALIGNMENTS:
            raise SpacyConfigError(f"alignment must be one of {', '.join(ALIGNMENTS)}, not {alignment!r}")
        if spans_key is not None and (not isinstance(spans_key, str) or not spans_key):
            raise SpacyConfigError(f"spans_key must be a non-empty string or null, not {spans_key!r}")
        if isinstance(tables, (str, bytes)):
            raise SpacyConfigError(f"tables must be a list of paths (such as [{tables!r}]), not one path")
        self.name = name
        self.kinds = check_kinds(kinds)
        self.period = parse_as_of(as_of)
        # Absolute, so the docs' getters find the tables whatever the working directory later.
        self.tables = tuple(os.path.abspath(os.fspath(p)) for p in tables)
        self.fuzzy = bool(fuzzy)
        self.spans_key = spans_key
        self.overwrite_ents = bool(overwrite_ents)
        self.alignment = alignment
        self.resolver = _resolver(self.tables, fresh=True)
        register_extensions()

    def __repr__(self) -> str:
        return f"<BorderlexComponent {self.name!r}: {self.resolver!r}>"

    def __call__(self, doc: Doc) -> Doc:
        mentions = self.resolver.scan(doc.text, kinds=self.kinds, fuzzy=self.fuzzy, as_of=self.period)
        aligned = [
            doc.char_span(m.start, m.end, label=m.entity.kind, kb_id=m.id, alignment_mode=self.alignment)
            for m in mentions
        ]
        placed = self._add_to_group(doc, aligned) if self.spans_key is not None else self._add_to_ents(doc, aligned)
        data: dict[Any, Any] = doc.user_data
        records = [_record(m, s) for m, s in zip(mentions, placed, strict=True)]
        data[_KEY] = {"tables": list(self.tables), "mentions": records}
        return doc

    def _add_to_group(self, doc: Doc, aligned: list[Span | None]) -> list[Span | None]:
        assert self.spans_key is not None
        group = list(doc.spans[self.spans_key]) if self.spans_key in doc.spans else []
        doc.spans[self.spans_key] = group + [s for s in aligned if s is not None]
        return aligned

    def _add_to_ents(self, doc: Doc, aligned: list[Span | None]) -> list[Span | None]:
        existing = list(doc.ents)
        blocked: set[int] = set()
        # Unless borderlex wins, an entity on exactly a mention's tokens, without an id, gets the id.
        unlinked: dict[tuple[int, int], Span] = {}
        if not self.overwrite_ents:
            blocked = {i for e in existing for i in range(e.start, e.end)}
            unlinked = {(e.start, e.end): e for e in existing if not e.kb_id_}
        linked: dict[tuple[int, int], Span] = {}
        taken: set[int] = set()
        placed: list[Span | None] = []
        for span in aligned:
            if span is None:
                placed.append(None)
                continue
            where = (span.start, span.end)
            if where in unlinked and where not in linked:
                linked[where] = Span(doc, span.start, span.end, label=unlinked[where].label, kb_id=span.kb_id)
                placed.append(linked[where])
            elif any(i in blocked or i in taken for i in range(span.start, span.end)):
                placed.append(None)
            else:
                taken.update(range(span.start, span.end))
                placed.append(span)
        new = [s for s in placed if s is not None and (s.start, s.end) not in linked]
        kept = [e for e in existing if not any(i in taken for i in range(e.start, e.end))]
        # Tokens of a removed entity that borderlex does not cover are no longer in an entity.
        outside = [doc[i : i + 1] for e in existing if e not in kept for i in range(e.start, e.end) if i not in taken]
        final = [linked.get((e.start, e.end), e) for e in kept] + new
        doc.set_ents(sorted(final), outside=outside, default="unmodified")
        return placed


def register_extensions() -> None:
    """Register ``Doc._.borderlex``, ``Doc._.borderlex_unplaced``,
    ``Span._.borderlex`` and ``Span._.borderlex_confidence`` (once; calling
    again does nothing).  The component does it when made; call it to read
    saved docs in a process without the component.

    Raises :class:`SpacyConfigError` when another package holds one of the names.
    """
    wanted: list[tuple[type[Doc] | type[Span], str, Callable[[Any], Any]]] = [
        (Doc, "borderlex", doc_mentions),
        (Doc, "borderlex_unplaced", doc_unplaced),
        (Span, "borderlex", span_mention),
        (Span, "borderlex_confidence", span_confidence),
    ]
    for cls, attr, getter in wanted:
        if cls.has_extension(attr):
            current = cls.get_extension(attr)[2]
            # Same module and name: ours (perhaps from a reloaded module), so set again.
            ours = (getattr(current, "__module__", None), getattr(current, "__name__", None))
            if ours != (__name__, getter.__name__):
                raise SpacyConfigError(f"{cls.__name__}._.{attr} is already registered by another package")
        cls.set_extension(attr, getter=getter, force=True)


def doc_mentions(doc: Doc) -> list[Mention]:
    """``doc._.borderlex``: every mention the component found, by start."""
    return [m for m, _ in _stored(doc)]


def doc_unplaced(doc: Doc) -> list[Mention]:
    """``doc._.borderlex_unplaced``: the mentions on no span of ``doc.ents``
    or the span group (not aligned, or overlapping an entity)."""
    return [m for m, at in _stored(doc) if at is None]


def span_mention(span: Span) -> Mention | None:
    """``span._.borderlex``: the mention the component put on exactly this span, or ``None``."""
    for mention, at in _stored(span.doc):
        if at == (span.start_char, span.end_char) and span.kb_id_ in ("", mention.id):
            return mention
    return None


def span_confidence(span: Span) -> float | None:
    """``span._.borderlex_confidence``: the mention's :attr:`Match.confidence`, or ``None``."""
    mention = span_mention(span)
    return None if mention is None else mention.match.confidence


# The latest resolver made for each list of user tables, for the getters.
_RESOLVERS: dict[tuple[str, ...], Resolver] = {}


def _resolver(tables: tuple[str, ...], *, fresh: bool = False) -> Resolver:
    """The resolver over these tables; ``fresh`` reads them again (a component
    made after a table was edited sees the edit)."""
    if not tables:
        return Resolver.default()
    found = None if fresh else _RESOLVERS.get(tables)
    if found is None:
        found = _RESOLVERS[tables] = Resolver.from_tables(*tables)
    return found


def _record(m: Mention, span: Span | None) -> list[Any]:
    match = m.match
    at = [span.start_char, span.end_char] if span is not None else None
    return [m.start, m.end, m.text, m.id, match.alias, match.query, match.score, match.method.value,
            match.weak, match.ambiguous, list(match.alternatives), at]  # fmt: skip


def _stored(doc: Doc) -> list[tuple[Mention, tuple[int, int] | None]]:
    data = doc.user_data.get(_KEY)  # type: ignore[call-overload]
    if not data:
        return []
    resolver = _resolver(tuple(data["tables"]))
    out: list[tuple[Mention, tuple[int, int] | None]] = []
    for start, end, text, eid, alias, query, score, method, weak, ambiguous, alternatives, at in data["mentions"]:
        entity = resolver.get(eid)
        match = Match(eid, entity, alias, query, score, Method(method), weak, ambiguous, tuple(alternatives))
        out.append((Mention(start, end, text, eid, entity, match), None if at is None else (at[0], at[1])))
    return out
