"""What the generator scripts share: write a generated file, or check it.

Each generator (``generate_places.py``, ``generate_countries.py``,
``shared_aliases.py``) renders its
text and calls :func:`write_or_check`; its ``--check`` exits 1 when the
committed file differs, which is what the staleness tests assert too.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: The generated tables of data/aliases/: a generator takes the other tables
#: as the curated ones it must not repeat.
GENERATED_TABLES = ("places-countries.toml", "places-geonames.toml")


def write_or_check(path: Path, render: Callable[[], str], description: str, argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--check", action="store_true", help=f"exit 1 if {path.name} is stale")
    args = parser.parse_args(argv)
    text = render()
    where = path.relative_to(ROOT)
    if args.check:
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            print(f"{where} is stale: run python {Path(sys.argv[0]).as_posix()}", file=sys.stderr)
            return 1
        return 0
    path.write_text(text, encoding="utf-8")
    print(f"wrote {where}")
    return 0
