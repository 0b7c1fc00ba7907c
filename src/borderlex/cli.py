"""The ``borderlex`` command line: a thin layer over the library.

Every command makes one library call per input; reading files and printing
is all that happens here.  Exit codes: 0 ok, 1 a name not found or a
problem with an input or a table, 2 a usage error, 130 interrupted.
"""

from __future__ import annotations

import argparse
import codecs
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any, NamedTuple, NoReturn

from . import __version__
from .dates import Period, parse_as_of
from .errors import BorderlexError, TableError, UnknownEntityError
from .model import KINDS, Mention
from .resolver import Resolver
from .streaming import scan_chunks
from .tables import review as review_tables

__all__ = ["cli", "main"]

_WIDTH = 100  # fixed, so --help reads the same on every terminal (and in the docs)
_BINARY_SNIFF = 8192
_PROGRESS_MIN_FILES = 20
_MAX_LINE_BYTES = 1 << 20  # a lookup line longer than this is no name
_PIECE_BYTES = 1 << 16  # scan reads at most this much at a time


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def __init__(self, prog: str) -> None:
        super().__init__(prog, width=_WIDTH, max_help_position=30)


class _UsageError(Exception):
    pass


class _InputError(Exception):
    """An input cannot be read at all (stdin closed)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{self.prog}: error: {message}")

    def _print_message(self, message: str, file: Any = None) -> None:
        # argparse would swallow a failed write of --help: say it instead.
        if message:
            _Out(file or sys.stderr).write(message)


class _OutputError(Exception):
    """Standard output cannot be written (a full disk, a closed descriptor)."""


class _Out:
    """stdout that is flushed per line (so pipes stream) and JSON helpers."""

    def __init__(self, stream: IO[str] | None) -> None:
        self.stream = stream
        self.replaced = False

    def write(self, text: str) -> None:
        if self.stream is None:
            raise _OutputError("standard output is closed")
        try:
            self.stream.write(text)
            self.stream.flush()
        except BrokenPipeError:
            raise
        except OSError as e:
            raise _OutputError(e.strerror or str(e)) from None

    def line(self, text: str = "") -> None:
        self.write(text + "\n")

    def json(self, obj: object) -> None:
        text = json.dumps(obj, ensure_ascii=False)
        if _SURROGATE.search(text):
            # Undecodable input bytes (kept as lone surrogates) would make
            # the line invalid UTF-8: show them as U+FFFD, and say so once.
            text = _SURROGATE.sub("\ufffd", text)
            if not self.replaced:
                self.replaced = True
                _err("undecodable bytes in the input are shown as U+FFFD in the JSON output")
        self.line(text)


_SURROGATE = re.compile("[\ud800-\udfff]")


def _escape_unencodable(exc: UnicodeError) -> tuple[str | bytes, int]:
    """Encoding error handler for stdout and stderr: bytes that came in
    undecodable go out as the same bytes; a character the output encoding
    lacks is written as a \\uXXXX escape (and reported once)."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    bad = exc.object[exc.start : exc.end]
    if all("\udc80" <= c <= "\udcff" for c in bad):
        return bytes(ord(c) - 0xDC00 for c in bad), exc.end
    _ESCAPED.add(exc.encoding)
    return "".join(f"\\u{ord(c):04x}" if ord(c) < 0x10000 else f"\\U{ord(c):08x}" for c in bad), exc.end


_ESCAPED: set[str] = set()
codecs.register_error("borderlex.escape", _escape_unencodable)


def _err(message: str) -> None:
    if sys.stderr is None:  # closed: nowhere to say it
        return
    try:
        sys.stderr.write(f"borderlex: {message}\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass


# -- commands ------------------------------------------------------------------


def _resolver(args: argparse.Namespace) -> Resolver:
    if args.tables:
        return Resolver.from_tables(*args.tables)
    return Resolver.default()


class _BadLine(NamedTuple):
    """A stdin line that cannot be looked up; it still gets its output row."""

    text: str  # as read, undecodable bytes kept (as surrogates)
    problem: str


def _stdin_lines(stdin: IO[str] | None, errors: str) -> Iterator[str | _BadLine]:
    """Lines of stdin as they arrive, one item per line, always: a line that
    is not UTF-8, or is too long to be a name, becomes a :class:`_BadLine`
    (and is reported on stderr), so the output stays aligned with the input."""
    if stdin is None:
        raise _InputError("stdin is closed")
    buffer = getattr(stdin, "buffer", None)
    if buffer is None:
        yield from stdin
        return
    for number, raw in enumerate(iter(lambda: buffer.readline(_MAX_LINE_BYTES), b""), 1):
        if len(raw) == _MAX_LINE_BYTES and not raw.endswith(b"\n"):
            while (rest := buffer.readline(_MAX_LINE_BYTES)) and not rest.endswith(b"\n"):
                pass  # the rest of an over-long line: skipped, in bounded memory
            problem = f"line longer than {_MAX_LINE_BYTES} bytes, not looked up"
            _err(f"stdin line {number}: {problem}")
            yield _BadLine(raw[:40].decode("utf-8", "replace") + "…", problem)
            continue
        try:
            yield raw.decode("utf-8", errors=errors)
        except UnicodeDecodeError as e:
            problem = f"invalid UTF-8 at byte {e.start} of the line"
            _err(f"stdin line {number}: {problem}")
            yield _BadLine(raw.decode("utf-8", "surrogateescape").rstrip("\r\n"), problem)


def _names(args: argparse.Namespace, stdin: IO[str] | None) -> Iterator[str | _BadLine]:
    for name in args.names:
        if name == "-":
            for line in _stdin_lines(stdin, args.encoding_errors):
                yield line if isinstance(line, _BadLine) else line.rstrip("\r\n")
        else:
            yield name


def _cmd_lookup(args: argparse.Namespace, out: _Out, stdin: IO[str] | None) -> int:
    resolver = _resolver(args)
    missing = 0
    for name in _names(args, stdin):
        if isinstance(name, _BadLine):
            missing += 1
            if args.json:
                out.json({"query": name.text, "id": None, "error": name.problem})
            else:
                out.line(f"{name.text}\terror: {name.problem}")
            continue
        if args.explain:
            exp = resolver.explain(name, kind=args.kind, as_of=args.as_of)
            if args.json:
                out.json(exp.to_dict())
            else:
                out.line(str(exp))
                out.line()
            missing += exp.match is None
            continue
        if args.candidates:
            found = resolver.candidates(name, kind=args.kind, limit=args.candidates, as_of=args.as_of)
            match = found[0] if found and resolver.resolve(name, kind=args.kind, as_of=args.as_of) else None
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
        match = resolver.resolve(name, kind=args.kind, as_of=args.as_of)
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


def _pieces(path: Path | None, stdin: IO[str] | None, errors: str) -> Iterator[str]:
    """The text of a file, or of stdin when ``path`` is None, piece by piece
    as it is read (lines, or bounded parts of very long lines).  Raises
    :class:`_InputError` for an input that cannot be read or decoded."""
    if path is None:
        if stdin is None:
            raise _InputError("stdin is closed")
        buffer = getattr(stdin, "buffer", None)
        if buffer is None:
            yield from stdin
            return
        yield from _decoded(buffer, errors)
        return
    try:
        stream = path.open("rb")
    except FileNotFoundError:
        raise _InputError("no such file") from None
    except IsADirectoryError:
        raise _InputError("is a directory") from None
    except OSError as e:
        raise _InputError(e.strerror or str(e)) from None
    with stream:
        yield from _decoded(stream, errors)


def _decoded(stream: IO[bytes], errors: str) -> Iterator[str]:
    decoder = codecs.getincrementaldecoder("utf-8")(errors)
    read = 0
    try:
        while raw := stream.readline(_PIECE_BYTES):
            if read < _BINARY_SNIFF and b"\x00" in raw[: _BINARY_SNIFF - read]:
                raise _InputError("binary file (NUL bytes), skipped")
            try:
                text = decoder.decode(raw)
            except UnicodeDecodeError as e:
                at = max(read + e.start - len(decoder.getstate()[0]), 0)
                raise _InputError(
                    f"invalid UTF-8 at byte {at} (use --encoding-errors replace to decode anyway)"
                ) from None
            read += len(raw)
            if text:
                yield text
        if tail := decoder.decode(b"", final=True):
            yield tail
    except UnicodeDecodeError:
        raise _InputError(f"invalid UTF-8: the input ends inside a character (byte {read})") from None
    except OSError as e:
        raise _InputError(e.strerror or str(e)) from None


def _annotate(text: str, mentions: Iterable[Mention], offset: int) -> str:
    parts: list[str] = []
    pos = 0
    for m in mentions:
        parts.append(text[pos : m.start - offset])
        parts.append(f"[[{m.text}|{m.id}]]")
        pos = m.end - offset
    parts.append(text[pos:])
    return "".join(parts)


def _cmd_scan(args: argparse.Namespace, out: _Out, stdin: IO[str] | None) -> int:
    resolver = _resolver(args)
    kinds = args.kind or None

    def scan(text: str) -> list[Mention]:
        return resolver.scan(text, kinds=kinds, as_of=args.as_of)

    inputs = list(_walk(args.paths or ["-"]))
    progress = len(inputs) >= _PROGRESS_MIN_FILES and sys.stderr is not None and sys.stderr.isatty()
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
            for offset, chunk, mentions in scan_chunks(_pieces(path, stdin, args.encoding_errors), scan):
                if args.format == "annotated":
                    out.write(_annotate(chunk, mentions, offset))
                elif args.json:
                    for m in mentions:
                        out.json({"file": name, **m.to_dict()})
                else:
                    for m in mentions:
                        shown = m.text.replace("\t", " ").replace("\n", " ")
                        out.line(f"{name}\t{m.start}\t{m.end}\t{shown}\t{m.id}")
        except _InputError as e:
            if progress:
                sys.stderr.write("\n")
            _err(f"{name}: {e}")
            problems += 1
    if progress:
        sys.stderr.write("\n")
    return 1 if problems else 0


def _cmd_check(args: argparse.Namespace, out: _Out, stdin: IO[str] | None) -> int:
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


def _cmd_entities(args: argparse.Namespace, out: _Out, stdin: IO[str] | None) -> int:
    for e in _resolver(args).entities(args.kind):
        if args.json:
            out.json(e.to_dict())
        else:
            out.line(f"{e.id}\t{e.kind}\t{e.name}")
    return 0


def _cmd_show(args: argparse.Namespace, out: _Out, stdin: IO[str] | None) -> int:
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
        data["lineage"] = [x.id for x in resolver.lineage(e.id)]
        data["ancestors"] = [x.id for x in resolver.ancestors(e.id)]
        if args.json:
            out.json(data)
            continue
        for key, value in data.items():
            shown = value
            if isinstance(value, list):
                if key == "lineage" and len(value) < 2:
                    continue  # no predecessor or successor: nothing to show
                shown = (" → " if key in ("lineage", "ancestors") else "; ").join(map(str, value))
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


def _as_of_option(p: _Parser) -> None:
    p.add_argument(
        "--as-of",
        type=_date,
        metavar="DATE",
        help="settle names shared over time as of DATE (YYYY, YYYY-MM or YYYY-MM-DD)",
    )


def _date(text: str) -> Period:
    try:
        period = parse_as_of(text, "--as-of")
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e)) from None
    assert period is not None
    return period


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
            "borderlex lookup --as-of 2018-06 'Syrian interim government'",
            "cut -f3 events.tsv | borderlex lookup - > ids.tsv",
        ],
        notes="Output (one line per name, and per stdin line, blank or not): NAME, id, name, kind, score,\n"
        "tier; or 'NAME<TAB>no match'; or 'LINE<TAB>error: REASON' for a stdin line that cannot be read.\n"
        "Exit status 1 if any name did not resolve.",
    )
    p.add_argument(
        "names", nargs="+", metavar="NAME", help="a name to resolve, or - to read one name per line from stdin"
    )
    p.add_argument("--kind", choices=KINDS, help="only entities of this kind")
    _as_of_option(p)
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
    _as_of_option(p)
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
        description="Show every field of the entities with these ids, their lineage (predecessors and\n"
        "successors, oldest first) and ancestors (what contains them, nearest first).",
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
    _ESCAPED.clear()
    if stdout is None:
        # Names from argv may carry undecodable bytes (as surrogates): they
        # go back out as the same bytes; what the output encoding cannot
        # show is escaped rather than fatal.
        for stream in (sys.stdout, sys.stderr):
            reconfigure = getattr(stream, "reconfigure", None)
            if reconfigure is not None:
                reconfigure(errors="borderlex.escape")
    out = _Out(stdout if stdout is not None else sys.stdout)
    parser = _parser()
    try:
        try:
            ns = parser.parse_args(list(args))
        except _UsageError as e:
            parser_usage = e.args[0]
            _write_stderr(f"{parser_usage}\n(see 'borderlex --help')\n")
            return 2
        except SystemExit as e:  # --help and --version
            return int(e.code or 0)
        status: int = ns.func(ns, out, stdin if stdin is not None else sys.stdin)
        if _ESCAPED:
            _err(
                f"the output encoding ({', '.join(sorted(_ESCAPED))}) cannot show some characters: "
                "they are written as \\uXXXX escapes (set PYTHONIOENCODING=utf-8 to see them)"
            )
        return status
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`| head`): stop quietly.
        _drop_stdout(out)
        return 0
    except _OutputError as e:
        _err(f"cannot write output: {e}")
        _drop_stdout(out)
        return 1
    except _InputError as e:
        _err(str(e))
        return 1
    except TableError as e:
        _err(f"bad alias table: {e}")
        return 1
    except UnicodeDecodeError as e:
        _err(f"stdin: invalid UTF-8 ({e.reason} at byte {e.start} of a read block)")
        return 1
    except BorderlexError as e:
        _err(str(e))
        return 1


def _write_stderr(text: str) -> None:
    if sys.stderr is not None:
        sys.stderr.write(text)


def _drop_stdout(out: _Out) -> None:
    """Point the process's stdout at /dev/null, so that Python's last flush at
    exit does not fail again on what is still buffered."""
    if out.stream is not sys.stdout or sys.stdout is None:
        return
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


def main() -> None:
    """Entry point of the ``borderlex`` console script."""
    status = cli(*sys.argv[1:])
    try:
        if sys.stdout is not None:
            sys.stdout.flush()  # what argparse printed (--help) is still buffered
    except BrokenPipeError:
        _drop_stdout(_Out(sys.stdout))
    except OSError as e:
        _err(f"cannot write output: {e.strerror or e}")
        _drop_stdout(_Out(sys.stdout))
        status = status or 1
    sys.exit(status)
