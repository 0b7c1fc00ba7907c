"""Regenerate the --help snapshots (tests/snapshots) and docs/cli.md from them.

Run after changing the command line: ``python scripts/update_help.py``.
The tests fail while the snapshots or the docs are stale.
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

from borderlex.cli import cli

ROOT = Path(__file__).resolve().parents[1]
COMMANDS = ["", "lookup", "scan", "check", "entities", "show"]

INTRO = """# Command line

`borderlex` has one command per job; every command takes `--tables PATH`
(repeatable) to add your own alias tables, and `--help`.

Exit status: 0 ok, 1 a name not found or a problem with an input or a table,
2 a usage error, 130 interrupted (Ctrl-C). Errors go to stderr as one line.
Output piped into `head` ends quietly. `python -m borderlex` works the same.

This page is generated from the real `--help` output by
`scripts/update_help.py`; a test fails when it is stale.
"""


def help_text(command: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        cli(*([command, "--help"] if command else ["--help"]))
    return out.getvalue()


def main() -> None:
    snapshots = ROOT / "tests" / "snapshots"
    snapshots.mkdir(parents=True, exist_ok=True)
    parts = [INTRO]
    for command in COMMANDS:
        text = help_text(command)
        (snapshots / f"help_{command or 'main'}.txt").write_text(text, encoding="utf-8")
        title = f"borderlex {command}".strip()
        parts.append(f"\n## `{title}`\n\n```text\n{text.rstrip()}\n```\n")
    (ROOT / "docs" / "cli.md").write_text("".join(parts), encoding="utf-8")


if __name__ == "__main__":
    main()
