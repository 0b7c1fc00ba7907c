"""The Spark recipe of the cookbook runs and prints what the page shows.

pyspark is large and needs Java, so it is not in the `test` extra: `.ci/run`
installs the `spark` extra and runs this file on its own.  Without pyspark
the test is skipped, saying so.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_spark_recipe_prints_the_documented_output() -> None:
    pytest.importorskip("pyspark", reason="pyspark is not installed (pip install -e '.[spark]'; needs Java 17+)")
    proc = subprocess.run(
        [sys.executable, "docs/examples/spark_recipe.py"], cwd=ROOT, capture_output=True, text=True, timeout=600
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    page = (ROOT / "docs" / "cookbook" / "cluster.md").read_text(encoding="utf-8")
    shown = re.search(r"It prints:\n\n```text\n(.*?)```", page, re.DOTALL)
    assert shown is not None
    assert proc.stdout == shown.group(1)
