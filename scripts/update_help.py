"""Regenerate the --help snapshots (tests/snapshots) and the part of docs/cli.md
below its marker line from them (the part above is written by hand).

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

MARKER = "<!-- Below: generated from the real --help output by scripts/update_help.py; a test fails when it is stale. -->"
"""Everything above this line of docs/cli.md is written by hand and kept."""


def help_text(command: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        cli(*([command, "--help"] if command else ["--help"]))
    return out.getvalue()


def main() -> None:
    snapshots = ROOT / "tests" / "snapshots"
    snapshots.mkdir(parents=True, exist_ok=True)
    page = ROOT / "docs" / "cli.md"
    text = page.read_text(encoding="utf-8")
    if MARKER not in text:
        raise SystemExit(f"{page}: the line {MARKER!r} is missing; the help goes below it")
    parts = [text[: text.index(MARKER) + len(MARKER)] + "\n"]
    for command in COMMANDS:
        text = help_text(command)
        (snapshots / f"help_{command or 'main'}.txt").write_text(text, encoding="utf-8")
        title = f"borderlex {command}".strip()
        parts.append(f"\n## `{title}`\n\n```text\n{text.rstrip()}\n```\n")
    page.write_text("".join(parts), encoding="utf-8")


if __name__ == "__main__":
    main()
