"""The commands: each reads its inputs, makes one library call per input and
prints the answers in the chosen format (plain for people by default, or the
tsv/csv/jsonl contract of :mod:`.records`)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable, Iterator
from typing import IO

from ..errors import UnknownEntityError
from ..model import Match, Mention
from ..resolver import Resolver
from ..streaming import scan_chunks
from ..tables import review as review_tables
from .columns import lookup_column
from .inputs import BadLine, InputError, pieces, stdin_lines, walk
from .output import FORMATS, Out, Table, err
from .records import (
    CANDIDATE_FIELDS,
    ENTITY_FIELDS,
    LOOKUP_FIELDS,
    MENTION_FIELDS,
    SHOW_FIELDS,
    candidate_record,
    entity_record,
    lookup_record,
    mention_record,
)

__all__ = ["SUGGESTION_CUTOFF", "cmd_check", "cmd_entities", "cmd_lookup", "cmd_scan", "cmd_show", "resolver_for"]

PROGRESS_MIN_FILES = 20
#: ``lookup --candidates`` also suggests near spellings scored at least this,
#: below the resolver's own cutoff (labelled so): most useful on a miss.
SUGGESTION_CUTOFF = 60.0


def resolver_for(args: argparse.Namespace) -> Resolver:
    if args.tables:
        return Resolver.from_tables(*args.tables)
    return Resolver.default()


def _table(args: argparse.Namespace, out: Out, columns: tuple[str, ...]) -> Table | None:
    return Table(out, args.format, columns) if args.format in FORMATS else None


# -- lookup ----------------------------------------------------------------------


def _names(args: argparse.Namespace, stdin: IO[str] | None) -> Iterator[str | BadLine]:
    for name in args.names:
        if name == "-":
            for line in stdin_lines(stdin, args.encoding_errors):
                yield line if isinstance(line, BadLine) else line.rstrip("\r\n")
        else:
            yield name


def cmd_lookup(args: argparse.Namespace, out: Out, stdin: IO[str] | None) -> int:
    if args.column is not None:
        return lookup_column(args, resolver_for(args), out, stdin)
    resolver = resolver_for(args)
    if args.explain:
        return _explain(args, resolver, out, stdin)
    if args.candidates:
        return _candidates(args, resolver, out, stdin)
    table = _table(args, out, LOOKUP_FIELDS)
    missing = 0
    for name in _names(args, stdin):
        if isinstance(name, BadLine):
            missing += 1
            if table:
                table.row(lookup_record(name.text, None, name.problem))
            else:
                out.line(f"{name.text}\terror: {name.problem}")
            continue
        match = resolver.resolve(name, kind=args.kind, as_of=args.as_of)
        missing += match is None
        if table:
            table.row(lookup_record(name, match))
        else:
            out.line(_lookup_line(name, match))
    return 1 if missing else 0


def _lookup_line(name: str, match: Match | None) -> str:
    if match is None:
        return f"{name}\tno match"
    flags = "".join((" weak" if match.weak else "", " ambiguous" if match.ambiguous else ""))
    return f"{name}\t{match.id}\t{match.entity.name}\t{match.entity.kind}\t{match.score:.1f}\t{match.method}{flags}"


def _explain(args: argparse.Namespace, resolver: Resolver, out: Out, stdin: IO[str] | None) -> int:
    missing = 0
    for name in _names(args, stdin):
        if isinstance(name, BadLine):
            missing += 1
            if args.format == "jsonl":
                out.json(lookup_record(name.text, None, name.problem))
            else:
                out.line(f"{name.text}\terror: {name.problem}")
            continue
        exp = resolver.explain(name, kind=args.kind, as_of=args.as_of)
        missing += exp.match is None
        if args.format == "jsonl":
            out.json(exp.to_dict())
        else:
            out.line(str(exp))
            out.line()
    return 1 if missing else 0


def _candidates(args: argparse.Namespace, resolver: Resolver, out: Out, stdin: IO[str] | None) -> int:
    table = _table(args, out, CANDIDATE_FIELDS)
    missing = 0
    for name in _names(args, stdin):
        if isinstance(name, BadLine):
            missing += 1
            if table:
                table.row(candidate_record(name.text, None, None, error=name.problem))
            else:
                out.line(f"{name.text}\terror: {name.problem}")
            continue
        options = {"kind": args.kind, "as_of": args.as_of, "limit": args.candidates}
        passing = {m.id for m in resolver.candidates(name, **options)}
        found = resolver.candidates(name, score_cutoff=SUGGESTION_CUTOFF, **options)
        match = resolver.resolve(name, kind=args.kind, as_of=args.as_of)
        missing += match is None
        if table is None:
            out.line(_lookup_line(name, match))
        elif not found:
            table.row(candidate_record(name, None, None))
        for rank, m in enumerate(found, 1):
            chosen = match is not None and m.id == match.id
            below = m.id not in passing
            if table:
                table.row(candidate_record(name, rank, m, chosen=chosen, below=below))
            else:
                label = "  (below cutoff)" if below else ""
                out.line(f"  {m.score:5.1f}  {m.id}\t{m.entity.name}\tvia {m.alias!r} [{m.method}]{label}")
    return 1 if missing else 0


# -- scan --------------------------------------------------------------------------


def _annotate(text: str, mentions: Iterable[Mention], offset: int) -> str:
    parts: list[str] = []
    pos = 0
    for m in mentions:
        parts.append(text[pos : m.start - offset])
        parts.append(f"[[{m.text}|{m.id}]]")
        pos = m.end - offset
    parts.append(text[pos:])
    return "".join(parts)


def cmd_scan(args: argparse.Namespace, out: Out, stdin: IO[str] | None) -> int:
    resolver = resolver_for(args)
    kinds = args.kind or None

    def scan(text: str) -> list[Mention]:
        return resolver.scan(text, kinds=kinds, as_of=args.as_of)

    inputs = list(walk(args.paths or ["-"]))
    progress = len(inputs) >= PROGRESS_MIN_FILES and sys.stderr is not None and sys.stderr.isatty()
    table = _table(args, out, MENTION_FIELDS)
    problems = 0
    for n, (name, path) in enumerate(inputs, 1):
        if progress:
            sys.stderr.write(f"\rscanning {n}/{len(inputs)} files")
            sys.stderr.flush()
        if args.format == "annotated" and len(inputs) > 1:
            out.line(f"==> {name} <==")
        try:
            # Chunk by chunk: output appears as the input arrives, and memory
            # stays bounded whatever the input's size.
            for offset, chunk, mentions in scan_chunks(pieces(path, stdin, args.encoding_errors), scan):
                if args.format == "annotated":
                    out.write(_annotate(chunk, mentions, offset))
                elif table:
                    for m in mentions:
                        table.row(mention_record(name, m))
                else:
                    for m in mentions:
                        shown = m.text.replace("\t", " ").replace("\n", " ")
                        out.line(f"{name}\t{m.start}\t{m.end}\t{shown}\t{m.id}")
        except InputError as e:
            if progress:
                sys.stderr.write("\n")
            err(f"{name}: {e}")
            problems += 1
    if progress:
        sys.stderr.write("\n")
    return 1 if problems else 0


# -- check, entities, show -----------------------------------------------------------


def cmd_check(args: argparse.Namespace, out: Out, stdin: IO[str] | None) -> int:
    paths = [*args.tables, *args.paths]
    for p in paths:
        if not os.path.lexists(p):  # a dangling symlink or a loop is named by the check itself
            err(f"{p}: no such file or directory")
            return 1
    report = review_tables(paths, include_default=not args.only)
    problems = report.problems
    for problem in problems:
        out.line(f"{problem.path}: {problem.entity or '-'}: {problem.reason}")
    for skip in report.skipped:
        out.line(f"{skip.path}: -: skipped: {skip.reason}")
    for note in report.notes:
        out.line(f"{note.path}: {note.entity or '-'}: note: {note.reason}")
    what = "the given tables" if args.only else ("the bundled tables" + (" and the given tables" if paths else ""))
    also = ""  # skips and notes are told, but are not problems
    if report.skipped:
        also += f"; {len(report.skipped)} path{'s' if len(report.skipped) != 1 else ''} skipped"
    if report.notes:
        also += f"; {len(report.notes)} note{'s' if len(report.notes) != 1 else ''}"
    if problems:
        err(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {what}{also}")
        return 1
    err(f"ok: no problems in {what}{also}")
    return 0


def cmd_entities(args: argparse.Namespace, out: Out, stdin: IO[str] | None) -> int:
    table = _table(args, out, ENTITY_FIELDS)
    for e in resolver_for(args).entities(args.kind):
        if table:
            table.row(entity_record(e))
        else:
            out.line(f"{e.id}\t{e.kind}\t{e.name}")
    return 0


def cmd_show(args: argparse.Namespace, out: Out, stdin: IO[str] | None) -> int:
    resolver = resolver_for(args)
    table = _table(args, out, SHOW_FIELDS)
    status = 0
    for entity_id in args.ids:
        try:
            e = resolver.get(entity_id)
        except UnknownEntityError as exc:
            err(str(exc))
            status = 1
            continue
        data = entity_record(e)
        data["lineage"] = [x.id for x in resolver.lineage(e.id)]
        data["ancestors"] = [x.id for x in resolver.ancestors(e.id)]
        if table:
            table.row(data)
            continue
        for key, value in data.items():
            if key in ENTITY_FIELDS and (value is None or value == [] or (key == "priority" and value == 0)):
                continue  # unset: nothing to show
            shown = value
            if isinstance(value, list):
                if key == "lineage" and len(value) < 2:
                    continue  # no predecessor or successor: nothing to show
                shown = (" → " if key in ("lineage", "ancestors") else "; ").join(map(str, value))
            out.line(f"{key + ':':<12}{shown}")
        out.line()
    return status
