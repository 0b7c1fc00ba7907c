"""The arguments of every command (argparse), and the checks that span
several of them."""

from __future__ import annotations

import argparse
import sys
from typing import Any, NoReturn

from .. import __version__
from ..dates import Period, parse_as_of
from ..model import KINDS
from .commands import cmd_check, cmd_entities, cmd_lookup, cmd_scan, cmd_show
from .output import FORMATS, Out

__all__ = ["UsageError", "build_parser", "check_combinations"]

WIDTH = 100  # fixed, so --help reads the same on every terminal (and in the docs)
EXIT_STATUS = "exit status: 0 ok, 1 not found or problems, 2 usage error, 130 interrupted"


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def __init__(self, prog: str) -> None:
        super().__init__(prog, width=WIDTH, max_help_position=30)


class UsageError(Exception):
    """The arguments do not make a command (exit status 2)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: error: {message}")

    def _print_message(self, message: str, file: Any = None) -> None:
        # argparse would swallow a failed write of --help: say it instead.
        if message:
            Out(file or sys.stderr).write(message)


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


def _format_options(p: _Parser, *extra: str, extra_help: str = "") -> None:
    p.add_argument(
        "--format",
        choices=("plain", *FORMATS, *extra),
        default="plain",
        help="plain (default: for people, no header), or tsv, csv, jsonl: a header and fixed columns, or\n"
        f"JSON lines with fixed keys{extra_help} (see docs/cli.md)",
    )
    p.add_argument("--json", dest="format", action="store_const", const="jsonl", help="the same as --format jsonl")


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def _character(text: str) -> str:
    text = {"\\t": "\t", "tab": "\t"}.get(text, text)
    if len(text) != 1:
        raise argparse.ArgumentTypeError(f"one character (or \\t), not {text!r}")
    return text


def build_parser() -> _Parser:
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
            "  borderlex lookup --column place events.csv > events_ids.csv\n"
            "  borderlex scan article.txt\n"
            "  borderlex check my_tables/\n\n"
            f"Without a command, borderlex prints this help (exit status 0).\n{EXIT_STATUS}"
        ),
    )
    parser.add_argument("--version", action="version", version=f"borderlex {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    p = _command(
        sub,
        common,
        "lookup",
        summary="resolve names (or a CSV column) to entity ids",
        description="Resolve each NAME to an entity: id, canonical name, kind, score (0-100) and tier.\n"
        "With --column, add the ids of one column of a CSV or TSV file to it.",
        examples=[
            "borderlex lookup 'Albu Kamal' 'Deir Ezzor province'",
            "borderlex lookup --kind org --json ISIS Daesh",
            "borderlex lookup --format tsv - < names.txt > ids.tsv",
            "borderlex lookup --explain 'Hamadan air base'",
            "borderlex lookup --candidates 3 Albuqmal",
            "borderlex lookup --as-of 2018-06 'Syrian interim government'",
            "borderlex lookup --column place events.csv > events_ids.csv",
            "borderlex lookup --column actor --date-column event_date acled.csv",
        ],
        notes="Plain output (one line per name, and per stdin line, blank or not): NAME, id, name, kind,\n"
        "score, tier and flags; or 'NAME<TAB>no match'; or 'LINE<TAB>error: REASON' for a stdin line\n"
        "that cannot be read. --format tsv, csv or jsonl give the same fields for every name, found or\n"
        "not: query, id, name, kind, alias, score, method, confidence, weak, ambiguous, alternatives,\n"
        "error. With --candidates: one row per candidate (query, rank, id, name, kind, alias, score,\n"
        "method, chosen, below_cutoff, error); near spellings below the resolver's cutoff are listed\n"
        "too, labelled so. Exit status 1 if any name did not resolve.\n\n"
        "--column NAME reads CSV (TSV for .tsv and .tab files, or set --delimiter), writes it back in the\n"
        "same dialect with NAME_id, NAME_name, NAME_kind, NAME_score and NAME_method appended (empty when\n"
        "a cell names nothing: not an error), one output row per input row. A short row is padded, a long\n"
        "row keeps its extra fields after the new columns; both are noted on stderr with their line, and\n"
        "make the exit status 1. A missing column, or a header that has the new columns already, is a\n"
        "usage error (2).",
    )
    p.add_argument(
        "names",
        nargs="*",
        metavar="NAME",
        help="a name to resolve, or - to read one name per line from stdin;\n"
        "with --column: the CSV or TSV file (default: stdin)",
    )
    p.add_argument("--kind", choices=KINDS, help="only entities of this kind")
    _as_of_option(p)
    _format_options(p)
    p.add_argument("--candidates", type=_positive, metavar="N", help="list the N best candidates, near misses included")
    p.add_argument("--explain", action="store_true", help="show each tier, the candidates and why the winner won")
    p.add_argument("--column", metavar="NAME", help="add the ids of column NAME of a CSV or TSV file to it")
    p.add_argument(
        "--date-column", metavar="NAME", help="with --column: each row's date (YYYY[-MM[-DD]]) is its --as-of"
    )
    p.add_argument(
        "--delimiter",
        type=_character,
        metavar="CHAR",
        help="with --column: the field separator (default: by extension)",
    )
    _encoding_option(p, "input that is not UTF-8: report the line and go on")
    p.set_defaults(func=cmd_lookup)

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
        notes="Plain output columns: file, start, end, text, id (offsets are character positions).\n"
        "--format tsv, csv, jsonl: file, start, end, text, id, name, kind, score, method, ambiguous.",
    )
    p.add_argument("paths", nargs="*", metavar="FILE|DIR|-", help="inputs (default: stdin)")
    p.add_argument("--kind", action="append", choices=KINDS, help="only mentions of this kind; repeatable")
    _as_of_option(p)
    _format_options(p, "annotated", extra_help=";\nannotated: the text with [[mention|id]] marks")
    _encoding_option(p, "a file that is not UTF-8: report the file and byte offset")
    p.set_defaults(func=cmd_scan)

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
    p.set_defaults(func=cmd_check)

    p = _command(
        sub,
        common,
        "entities",
        summary="list entities",
        description="List the entities: id, kind and canonical name (every field with --format).",
        examples=["borderlex entities --kind person", "borderlex entities --json | jq .id"],
    )
    p.add_argument("--kind", choices=KINDS, help="only entities of this kind")
    _format_options(p)
    p.set_defaults(func=cmd_entities)

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
    _format_options(p)
    p.set_defaults(func=cmd_show)
    return parser


def check_combinations(ns: argparse.Namespace) -> None:
    """Options that argparse accepts one by one but not together."""
    if ns.command != "lookup":
        return

    def error(message: str) -> NoReturn:
        raise UsageError(f"borderlex lookup: error: {message}")

    if ns.column is None:
        if not ns.names:
            error("the following arguments are required: NAME")
        for option in ("date_column", "delimiter"):
            if getattr(ns, option) is not None:
                error(f"--{option.replace('_', '-')} goes with --column")
        if ns.explain and ns.format in ("tsv", "csv"):
            error("--explain prints text, or JSON lines with --format jsonl")
        return
    if len(ns.names) > 1:
        error("--column reads one file (or - for stdin)")
    if ns.explain or ns.candidates or ns.format != "plain":
        error("--column writes the input's own format: --format, --json, --candidates and --explain do not apply")
