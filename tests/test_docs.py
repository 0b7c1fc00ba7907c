"""Every example in README.md and docs/*.md runs, and shows what it says.

``pycon`` blocks run as doctests; ``console`` blocks run each ``$`` command in
bash (from the repository root) and compare its standard output with the lines
shown under it.  ``sh`` blocks (installation) are not run.
"""

from __future__ import annotations

import doctest
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import borderlex
import borderlex.api
import borderlex.folding
import borderlex.name_keys
import borderlex.resolver

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
FENCE = re.compile(r"^```(\w+)[^\n]*\n(.*?)^```", re.MULTILINE | re.DOTALL)


def blocks(kind: str) -> list[tuple[str, int, str]]:
    found = []
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for m in FENCE.finditer(text):
            if m.group(1) == kind:
                line = text[: m.start()].count("\n") + 1
                found.append((page.relative_to(ROOT).as_posix(), line, m.group(2)))
    return found


PYCON = blocks("pycon")
CONSOLE = blocks("console")
PYCON_PAGES = sorted({page for page, _, _ in PYCON})


def test_there_are_examples() -> None:
    assert len(PYCON) >= 2 and len(CONSOLE) >= 1


# The cluster page starts a Dask cluster of worker processes: slow.
@pytest.mark.parametrize(
    "page", [pytest.param(p, marks=pytest.mark.slow) if p == "docs/cookbook/cluster.md" else p for p in PYCON_PAGES]
)
def test_pycon_examples(page: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The blocks of one page run in order and share their names, as in a session."""
    monkeypatch.chdir(ROOT)
    globs: dict[str, object] = {}
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    output: list[str] = []
    for _, line, source in (b for b in PYCON if b[0] == page):
        test = doctest.DocTestParser().get_doctest(source, globs, f"{page}:{line}", page, line)
        runner.run(test, out=output.append, clear_globs=False)
        globs.update(test.globs)  # DocTest works on a copy
    assert runner.failures == 0, "".join(output)


def _commands(source: str) -> list[tuple[str, str]]:
    pairs: list[tuple[str, list[str]]] = []
    for text_line in source.splitlines():
        if text_line.startswith("$ "):
            pairs.append((text_line[2:], []))
        elif pairs:
            pairs[-1][1].append(text_line)
    return [(cmd, "\n".join(out)) for cmd, out in pairs]


@pytest.mark.slow
@pytest.mark.parametrize(("page", "line", "source"), CONSOLE, ids=[f"{p}:{n}" for p, n, _ in CONSOLE])
def test_console_example(page: str, line: int, source: str) -> None:
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")
    for command, expected in _commands(source):
        proc = subprocess.run(["bash", "-c", command], cwd=ROOT, capture_output=True, text=True, env=env, timeout=120)
        assert proc.stdout.rstrip("\n") == expected.rstrip("\n"), f"{page}:{line}: {command}\n{proc.stderr}"


@pytest.mark.parametrize("module", [borderlex.api, borderlex.folding, borderlex.name_keys, borderlex.resolver])
def test_module_doctests(module: object) -> None:
    failures, _ = doctest.testmod(module)  # type: ignore[arg-type]
    assert failures == 0
