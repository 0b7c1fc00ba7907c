"""The ``borderlex`` command line: a thin layer over the library.

Every command makes one library call per input; reading files and printing
is all that happens here.  Exit codes: 0 ok, 1 a name not found or a
problem with an input or a table, 2 a usage error, 130 interrupted.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any, NoReturn

from . import __version__
from .errors import BorderlexError, TableError, UnknownEntityError
from .model import KINDS, Mention
from .resolver import Resolver
from .tables import review as review_tables

__all__ = ["cli", "main"]

_WIDTH = 100  # fixed, so --help reads the same on every terminal (and in the docs)
_BINARY_SNIFF = 8192
_PROGRESS_MIN_FILES = 20


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def __init__(self, prog: str) -> None:
        super().__init__(prog, width=_WIDTH, max_help_position=30)


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{self.prog}: error: {message}")


class _Out:
    """stdout that is flushed per line (so pipes stream) and JSON helpers."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def line(self, text: str = "") -> None:
        self.stream.write(text + "\n")
        self.stream.flush()

    def json(self, obj: object) -> None:
        self.line(json.dumps(obj, ensure_ascii=False))


def _err(message: str) -> None:
    sys.stderr.write(f"borderlex: {message}\n")
    sys.stderr.flush()


# -- commands ------------------------------------------------------------------


def _resolver(args: argparse.Namespace) -> Resolver:
    if args.tables:
        return Resolver.from_tables(*args.tables)
    return Resolver.default()


def _stdin_lines(stdin: IO[str], errors: str) -> Iterator[str | None]:
    """Lines of stdin as they arrive; ``None`` for a line that is not UTF-8
    (after saying so on stderr), so one bad line loses nothing else."""
    buffer = getattr(stdin, "buffer", None)
    if buffer is None:
        yield from stdin
        return
    for number, raw in enumerate(iter(buffer.readline, b""), 1):
        try:
            yield raw.decode("utf-8", errors=errors)
        except UnicodeDecodeError as e:
            _err(f"stdin line {number}: invalid UTF-8 at byte {e.start} of the line")
            yield None


def _names(args: argparse.Namespace, stdin: IO[str]) -> Iterator[str | None]:
    for name in args.names:
        if name == "-":
            for line in _stdin_lines(stdin, args.encoding_errors):
                if line is None:
                    yield None
                    continue
                text = line.rstrip("\r\n")
                if text.strip():
                    yield text
        else:
            yield name


def _cmd_lookup(args: argparse.Namespace, out: _Out, stdin: IO[str]) -> int:
    resolver = _resolver(args)
    missing = 0
    for name in _names(args, stdin):
        if name is None:
            missing += 1
            continue
        if args.explain:
            exp = resolver.explain(name, kind=args.kind)
            if args.json:
                out.json(exp.to_dict())
            else:
                out.line(str(exp))
                out.line()
            missing += exp.match is None
            continue
        if args.candidates:
            found = resolver.candidates(name, kind=args.kind, limit=args.candidates)
            match = found[0] if found and resolver.resolve(name, kind=args.kind) else None
            if args.json:
                out.json(
                    {
                        "query": name,
                        "match": match.to_dict() if match else None,
                        "candidates": [m.to_dict() for m in found],
                    }
                )
            else:
                out.line(_lookup_line(name, match))
                for m in found:
                    out.line(f"  {m.score:5.1f}  {m.id}\t{m.entity.name}\tvia {m.alias!r} [{m.method}]")
            missing += match is None
            continue
        match = resolver.resolve(name, kind=args.kind)
        if args.json:
            out.json(match.to_dict() if match else {"query": name, "id": None})
        else:
            out.line(_lookup_line(name, match))
        missing += match is None
    return 1 if missing else 0


def _lookup_line(name: str, match: Any) -> str:
    if match is None:
        return f"{name}\tno match"
    flags = "".join((" weak" if match.weak else "", " ambiguous" if match.ambiguous else ""))
    return f"{name}\t{match.id}\t{match.entity.name}\t{match.entity.kind}\t{match.score:.1f}\t{match.method}{flags}"


def _walk(paths: Sequence[str]) -> Iterator[tuple[str, Path | None]]:
    """(display name, path) for each input; ``None`` path means stdin."""
    for p in paths:
        if p == "-":
            yield "-", None
            continue
        path = Path(p)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs.sort()
                for f in sorted(files):
                    if not f.startswith("."):
                        full = Path(root) / f
                        yield str(full), full
        else:
            yield p, path


def _read(path: Path | None, stdin: IO[str], errors: str) -> tuple[str | None, str | None]:
    """(text, problem) for a file, or for stdin when ``path`` is None."""
    if path is None:
        buffer = getattr(stdin, "buffer", None)
        if buffer is None:
            return stdin.read(), None
        data: bytes = buffer.read()
    else:
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return None, "no such file"
        except IsADirectoryError:
            return None, "is a directory"
        except OSError as e:
            return None, e.strerror or str(e)
    if b"\x00" in data[:_BINARY_SNIFF]:
        return None, "binary file (NUL bytes), skipped"
    try:
        return data.decode("utf-8", errors=errors), None
    except UnicodeDecodeError as e:
        return None, f"invalid UTF-8 at byte {e.start} (use --encoding-errors replace to decode anyway)"


def _annotate(text: str, mentions: Iterable[Mention]) -> str:
    parts: list[str] = []
    pos = 0
    for m in mentions:
        parts.append(text[pos : m.start])
        parts.append(f"[[{m.text}|{m.id}]]")
        pos = m.end
    parts.append(text[pos:])
    return "".join(parts)


def _cmd_scan(args: argparse.Namespace, out: _Out, stdin: IO[str]) -> int:
    resolver = _resolver(args)
    inputs = list(_walk(args.paths or ["-"]))
    progress = len(inputs) >= _PROGRESS_MIN_FILES and sys.stderr.isatty()
    problems = 0
    for n, (name, path) in enumerate(inputs, 1):
        if progress:
            sys.stderr.write(f"\rscanning {n}/{len(inputs)} files")
            sys.stderr.flush()
        text, problem = _read(path, stdin, args.encoding_errors)
        if text is None:
            if progress:
                sys.stderr.write("\n")
            _err(f"{name}: {problem}")
            problems += 1
            continue
        mentions = resolver.scan(text, kinds=args.kind or None)
        if args.format == "annotated":
            if len(inputs) > 1:
                out.line(f"==> {name} <==")
            out.stream.write(_annotate(text, mentions))
            out.stream.flush()
        elif args.json:
            for m in mentions:
                out.json({"file": name, **m.to_dict()})
        else:
            for m in mentions:
                shown = m.text.replace("\t", " ").replace("\n", " ")
                out.line(f"{name}\t{m.start}\t{m.end}\t{shown}\t{m.id}")
    if progress:
        sys.stderr.write("\n")
    return 1 if problems else 0


def _cmd_check(args: argparse.Namespace, out: _Out, stdin: IO[str]) -> int:
    paths = [*args.tables, *args.paths]
    for p in paths:
        if not os.path.lexists(p):  # a dangling symlink or a loop is named by the check itself
            _err(f"{p}: no such file or directory")
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
        _err(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {what}{also}")
        return 1
    _err(f"ok: no problems in {what}{also}")
    return 0


def _cmd_entities(args: argparse.Namespace, out: _Out, stdin: IO[str]) -> int:
    for e in _resolver(args).entities(args.kind):
        if args.json:
            out.json(e.to_dict())
        else:
            out.line(f"{e.id}\t{e.kind}\t{e.name}")
    return 0


def _cmd_show(args: argparse.Namespace, out: _Out, stdin: IO[str]) -> int:
    resolver = _resolver(args)
    status = 0
    for entity_id in args.ids:
        try:
            e = resolver.get(entity_id)
        except UnknownEntityError as exc:
            _err(str(exc))
            status = 1
            continue
        data = e.to_dict()
        if args.json:
            out.json(data)
            continue
        for key, value in data.items():
            shown = "; ".join(str(v) for v in value) if isinstance(value, list) else value
            out.line(f"{key + ':':<12}{shown}")
        out.line()
    return status


# -- the parser ------------------------------------------------------------------


def _command(
    sub: Any, common: _Parser, name: str, *, summary: str, description: str, examples: list[str], notes: str = ""
) -> _Parser:
    epilog = "examples:\n" + "".join(f"  {e}\n" for e in examples) + (f"\n{notes}" if notes else "")
    parser: _Parser = sub.add_parser(
        name,
        parents=[common],
        formatter_class=_Formatter,
        help=summary,
        description=description,
        epilog=epilog.rstrip("\n"),
    )
    return parser


def _encoding_option(p: _Parser, strict: str) -> None:
    p.add_argument(
        "--encoding-errors",
        choices=("strict", "replace"),
        default="strict",
        help=f"{strict} (strict, default) or decode with U+FFFD (replace)",
    )


def _parser() -> _Parser:
    common = _Parser(add_help=False)
    common.add_argument(
        "--tables",
        action="append",
        default=[],
        metavar="PATH",
        help="add a user alias table (a .toml file or a directory of them); repeatable",
    )
    parser = _Parser(
        prog="borderlex",
        formatter_class=_Formatter,
        description="Canonical IDs for the names in Syria-Iraq conflict reporting.",
        epilog=(
            "examples:\n"
            "  borderlex lookup 'Albu Kamal'\n"
            "  borderlex scan article.txt\n"
            "  borderlex check my_tables/\n\n"
            "exit status: 0 ok, 1 not found or problems, 2 usage error, 130 interrupted"
        ),
    )
    parser.add_argument("--version", action="version", version=f"borderlex {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    p = _command(
        sub,
        common,
        "lookup",
        summary="resolve names to entity ids",
        description="Resolve each NAME to an entity: id, canonical name, kind, score (0-100) and tier.",
        examples=[
            "borderlex lookup 'Albu Kamal' 'Deir Ezzor province'",
            "borderlex lookup --kind org --json ISIS Daesh",
            "borderlex lookup --explain 'Hamadan air base'",
            "cut -f3 events.tsv | borderlex lookup - > ids.tsv",
        ],
        notes="Output (one line per name): NAME, id, name, kind, score, tier; or 'NAME<TAB>no match'.\n"
        "Exit status 1 if any name did not resolve.",
    )
    p.add_argument(
        "names", nargs="+", metavar="NAME", help="a name to resolve, or - to read one name per line from stdin"
    )
    p.add_argument("--kind", choices=KINDS, help="only entities of this kind")
    p.add_argument("--json", action="store_true", help="print JSON lines")
    p.add_argument("--candidates", type=_positive, metavar="N", help="also list the N best candidates")
    p.add_argument("--explain", action="store_true", help="show each tier, the candidates and why the winner won")
    _encoding_option(p, "a stdin line that is not UTF-8: report it and go on")
    p.set_defaults(func=_cmd_lookup)

    p = _command(
        sub,
        common,
        "scan",
        summary="find entity mentions in texts",
        description="Find every mention of a known entity in text files, directories of them, or stdin.",
        examples=[
            "borderlex scan article.txt",
            "borderlex scan --json corpus/ > mentions.jsonl",
            "curl -s URL | borderlex scan --format annotated -",
        ],
        notes="TSV output columns: file, start, end, text, id (offsets are character positions).",
    )
    p.add_argument("paths", nargs="*", metavar="FILE|DIR|-", help="inputs (default: stdin)")
    p.add_argument("--kind", action="append", choices=KINDS, help="only mentions of this kind; repeatable")
    p.add_argument("--json", action="store_true", help="print JSON lines")
    p.add_argument(
        "--format",
        choices=("tsv", "annotated"),
        default="tsv",
        help="tsv (default) or annotated: the text with [[mention|id]] marks",
    )
    _encoding_option(p, "a file that is not UTF-8: report the file and byte offset")
    p.set_defaults(func=_cmd_scan)

    p = _command(
        sub,
        common,
        "check",
        summary="validate alias tables",
        description="Validate alias tables: the bundled ones, plus any PATH given (checked on top of them).",
        examples=["borderlex check", "borderlex check my_tables/ extra.toml", "borderlex check --only my_tables/"],
        notes="Each problem is printed as FILE: ENTITY: REASON. Exit status 1 if there is any.",
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="table files or directories")
    p.add_argument("--only", action="store_true", help="check the given tables without the bundled ones")
    p.set_defaults(func=_cmd_check)

    p = _command(
        sub,
        common,
        "entities",
        summary="list entities",
        description="List the entities: id, kind and canonical name.",
        examples=["borderlex entities --kind person", "borderlex entities --json | jq .id"],
    )
    p.add_argument("--kind", choices=KINDS, help="only entities of this kind")
    p.add_argument("--json", action="store_true", help="print JSON lines with every field")
    p.set_defaults(func=_cmd_entities)

    p = _command(
        sub,
        common,
        "show",
        summary="show entities by id",
        description="Show every field of the entities with these ids.",
        examples=["borderlex show place:al-bukamal", "borderlex show --json org:islamic-state"],
    )
    p.add_argument("ids", nargs="+", metavar="ID", help="an entity id, like place:al-bukamal")
    p.add_argument("--json", action="store_true", help="print JSON lines")
    p.set_defaults(func=_cmd_show)
    return parser


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def cli(*args: str, stdout: IO[str] | None = None, stdin: IO[str] | None = None) -> int:
    """Run the command line with ``args``; returns the exit status."""
    if stdout is None:
        # Names from argv may carry undecodable bytes (as surrogates): write
        # them back as the same bytes rather than fail.
        for stream in (sys.stdout, sys.stderr):
            reconfigure = getattr(stream, "reconfigure", None)
            if reconfigure is not None:
                reconfigure(errors="surrogateescape")
    out = _Out(stdout if stdout is not None else sys.stdout)
    parser = _parser()
    try:
        try:
            ns = parser.parse_args(list(args))
        except _UsageError as e:
            parser_usage = e.args[0]
            sys.stderr.write(f"{parser_usage}\n(see 'borderlex --help')\n")
            return 2
        except SystemExit as e:  # --help and --version
            return int(e.code or 0)
        status: int = ns.func(ns, out, stdin if stdin is not None else sys.stdin)
        return status
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly, and keep Python from
        # complaining when it flushes stdout at exit.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
        except (OSError, ValueError):
            pass
        return 0
    except TableError as e:
        _err(f"bad alias table: {e}")
        return 1
    except UnicodeDecodeError as e:
        _err(f"stdin: invalid UTF-8 ({e.reason} at byte {e.start} of a read block)")
        return 1
    except BorderlexError as e:
        _err(str(e))
        return 1


def main() -> None:
    """Entry point of the ``borderlex`` console script."""
    sys.exit(cli(*sys.argv[1:]))
