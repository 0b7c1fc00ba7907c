"""Recompute how far each kind of match can be trusted.

    python bench/calibrate.py            # write data/calibration.json, docs/trust.md, docs/trust.svg
    python bench/calibrate.py --check    # exit 1 if any of them is stale

Run it whenever the tables or the engine change (a test fails while the files
are stale).  On the development part of the open-world corpus (tests/corpus/),
every scan mention that is scored (not on an ``unsure`` gold span) and every
``resolve()`` of a distinct gold surface counts as one match of its tier and
score band, right or wrong.  The confidence of a band is its precision,
smoothed toward 1/2 by one right and one wrong match (so a band seen twice
does not claim certainty).  The docs page sets it beside the precision the
same bands reach on the held-out test part: the reliability plot.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import accuracy  # noqa: E402

import borderlex  # noqa: E402
from borderlex.calibration import band  # noqa: E402

OUT_JSON = ROOT / "data" / "calibration.json"
OUT_PAGE = ROOT / "docs" / "trust.md"
OUT_SVG = ROOT / "docs" / "trust.svg"
ORDER = ["exact", "normalized", "name_key", "context", "fuzzy:75", "fuzzy:80", "fuzzy:85", "fuzzy:90", "fuzzy:95"]


def tally(split: str) -> tuple[Counter[str], Counter[str]]:
    """(right, all) matches per band on one part of the corpus."""
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    docs = accuracy.load(split)
    for doc in docs:
        sure = {(g.start, g.end): g.id for g in doc.gold if not g.unsure}
        for m in borderlex.scan(doc.text[doc.body :]):
            start, end = m.start + doc.body, m.end + doc.body
            if accuracy.on_unsure(doc, start, end):
                continue
            key = band(m.match.method.value, m.match.score)
            total[key] += 1
            right[key] += sure.get((start, end), "") == m.id
    for surface, ids in accuracy.surfaces(docs).items():
        match = borderlex.resolve(surface)
        if match is None or len(ids) > 1:
            continue
        key = band(match.method.value, match.score)
        total[key] += 1
        right[key] += match.id in ids
    return right, total


def smoothed(right: int, total: int) -> float:
    return round((right + 1) / (total + 2), 3)


def build() -> dict[str, str]:
    dev_right, dev_total = tally("dev")
    test_right, test_total = tally("test")
    bands = {
        key: {"right": dev_right[key], "matches": dev_total[key], "confidence": smoothed(dev_right[key], dev_total[key])}
        for key in ORDER
        if dev_total[key]
    }
    n_dev = len(accuracy.load("dev"))
    table = {
        "source": f"tests/corpus, dev part ({n_dev} excerpts): scan mentions and resolve() of distinct surfaces",
        "recompute": "python bench/calibrate.py",
        "bands": bands,
    }
    rows = []
    points = []
    for key in ORDER:
        if not (dev_total[key] or test_total[key]):
            continue
        conf = bands[key]["confidence"] if key in bands else 0.5
        test_p = test_right[key] / test_total[key] if test_total[key] else None
        shown = "—" if test_p is None else f"{test_p:.3f}"
        rows.append(
            f"| {key} | {conf:.3f} | {dev_right[key]}/{dev_total[key]} | {shown} | {test_right[key]}/{test_total[key]} |"
        )
        if test_p is not None:
            points.append((key, float(conf), test_p, test_total[key]))
    page = PAGE.format(rows="\n".join(rows))
    return {
        "json": json.dumps(table, indent=2, ensure_ascii=False) + "\n",
        "page": page,
        "svg": svg(points),
    }


def svg(points: list[tuple[str, float, float, int]]) -> str:
    """A reliability plot: confidence (dev) against precision on the test part."""
    w, h, m = 420, 420, 50
    span = w - 2 * m

    def px(v: float) -> float:
        return round(m + v * span, 1)

    def py(v: float) -> float:
        return round(h - m - v * span, 1)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" font-family="sans-serif" font-size="12">',
        f'<rect width="{w}" height="{h}" fill="white"/>',
        f'<line x1="{px(0)}" y1="{py(0)}" x2="{px(1)}" y2="{py(1)}" stroke="#999" stroke-dasharray="4 4"/>',
        f'<line x1="{px(0)}" y1="{py(0)}" x2="{px(1)}" y2="{py(0)}" stroke="black"/>',
        f'<line x1="{px(0)}" y1="{py(0)}" x2="{px(0)}" y2="{py(1)}" stroke="black"/>',
    ]
    for t in (0.0, 0.25, 0.5, 0.75, 1.0):
        parts.append(f'<text x="{px(t)}" y="{py(0) + 16}" text-anchor="middle">{t:g}</text>')
        parts.append(f'<text x="{px(0) - 8}" y="{py(t) + 4}" text-anchor="end">{t:g}</text>')
    parts.append(f'<text x="{w / 2}" y="{h - 10}" text-anchor="middle">Match.confidence (dev part)</text>')
    parts.append(
        f'<text x="14" y="{h / 2}" text-anchor="middle" transform="rotate(-90 14 {h / 2})">'
        "precision on the test part</text>"
    )
    for key, conf, prec, n in points:
        r = round(3 + min(n, 200) ** 0.5 / 2, 1)
        parts.append(f'<circle cx="{px(conf)}" cy="{py(prec)}" r="{r}" fill="#2166ac" fill-opacity="0.6"/>')
        parts.append(f'<text x="{px(conf) - 6}" y="{py(prec) - r - 3}" text-anchor="end">{key} ({n})</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


PAGE = """# How far can I trust a match?

Every `Match` (and so every scan `Mention`'s `.match`) has a `confidence`:
the precision that matches of the same tier and score band reached on real
articles annotated by hand — the development part of the open-world corpus
in `tests/corpus/` (English, Arabic and French news, 2012–2025), scan
mentions and `resolve()` lookups together. Choose a cut-off to trade recall
for precision:

```pycon
>>> import borderlex
>>> m = borderlex.resolve("Albu Kamal")
>>> m.method.value, m.confidence > 0.9
('exact', True)
>>> [x.text for x in borderlex.scan("ISIS fled Albu Kamal.") if x.match.confidence >= 0.9]
['ISIS', 'Albu Kamal']

```

This page and `data/calibration.json` are written by
`python bench/calibrate.py`, which a test runs to fail when they are stale:
run it again when the tables or the engine change.

| tier (score band) | confidence (dev) | right/all (dev) | precision on the test part | right/all (test) |
|---|---|---|---|---|
{rows}

The confidence is smoothed toward one half by one right and one wrong match,
so that a band seen a few times does not claim certainty. On the reliability
plot below, each point is a band: the closer to the diagonal, the better the
confidence predicts the precision on articles it was not measured on (point
size grows with the number of matches).

![Reliability of Match.confidence](trust.svg)

What the figures do not cover: the corpus holds a few hundred matches, so a
band's precision is known to a few points at best; matches of user tables
take the bands of the bundled ones.
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="exit 1 if the written files are stale")
    args = parser.parse_args(argv)
    built = build()
    targets = {"json": OUT_JSON, "page": OUT_PAGE, "svg": OUT_SVG}
    stale = [str(path.relative_to(ROOT)) for key, path in targets.items() if not path.exists() or path.read_text(encoding="utf-8") != built[key]]
    if args.check:
        if stale:
            print("stale: " + ", ".join(stale) + " (run python bench/calibrate.py)")
            return 1
        return 0
    for key, path in targets.items():
        path.write_text(built[key], encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
