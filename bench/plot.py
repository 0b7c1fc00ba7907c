"""Draw throughput against table size from bench/out/results.json as an SVG
(no plotting library needed): ``python bench/plot.py [results.json] [out.svg]``."""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SERIES = [
    ("exact", "borderlex exact hit", "#1b7837"),
    ("fuzzy", "borderlex fuzzy tier", "#2166ac"),
    ("no_match", "borderlex no match", "#67a9cf"),
    ("naive_ratio", "extractOne(ratio)", "#d6604d"),
    ("naive_wratio", "extractOne(WRatio)", "#b2182b"),
]


def main() -> None:
    src = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "out" / "results.json"
    out = Path(sys.argv[2]) if len(sys.argv) > 2 else HERE.parent / "docs" / "performance.svg"
    results = json.loads(src.read_text())
    rows = [results["bundled"], *results.get("large", [])]
    w, h, left, bottom, top, right = 720, 420, 70, 50, 20, 200
    xs = [math.log10(r["aliases"]) for r in rows]
    ys = [math.log10(max(r[k]["ops"], 1)) for r in rows for k, _, _ in SERIES]
    x0, x1 = math.floor(min(xs)), math.ceil(max(xs))
    y0, y1 = math.floor(min(ys)), math.ceil(max(ys))

    def px(x: float) -> float:
        return left + (x - x0) / (x1 - x0) * (w - left - right)

    def py(y: float) -> float:
        return h - bottom - (y - y0) / (y1 - y0) * (h - bottom - top)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" font-family="sans-serif" font-size="12">',
        f'<rect width="{w}" height="{h}" fill="white"/>',
    ]
    for e in range(x0, x1 + 1):
        parts.append(f'<line x1="{px(e)}" y1="{top}" x2="{px(e)}" y2="{h - bottom}" stroke="#ddd"/>')
        parts.append(f'<text x="{px(e)}" y="{h - bottom + 18}" text-anchor="middle">10^{e}</text>')
    for e in range(y0, y1 + 1):
        parts.append(f'<line x1="{left}" y1="{py(e)}" x2="{w - right}" y2="{py(e)}" stroke="#ddd"/>')
        parts.append(f'<text x="{left - 8}" y="{py(e) + 4}" text-anchor="end">10^{e}</text>')
    parts.append(f'<text x="{(left + w - right) / 2}" y="{h - 12}" text-anchor="middle">aliases in the table</text>')
    parts.append(
        f'<text x="16" y="{(top + h - bottom) / 2}" transform="rotate(-90 16 {(top + h - bottom) / 2})" '
        'text-anchor="middle">queries per second</text>'
    )
    for i, (key, label, color) in enumerate(SERIES):
        pts = " ".join(f"{px(math.log10(r['aliases'])):.1f},{py(math.log10(max(r[key]['ops'], 1))):.1f}" for r in rows)
        parts.append(f'<polyline points="{pts}" fill="none" stroke="{color}" stroke-width="2"/>')
        for p in pts.split():
            cx, cy = p.split(",")
            parts.append(f'<circle cx="{cx}" cy="{cy}" r="3" fill="{color}"/>')
        ly = top + 20 + i * 20
        parts.append(
            f'<line x1="{w - right + 15}" y1="{ly}" x2="{w - right + 35}" y2="{ly}" stroke="{color}" stroke-width="2"/>'
        )
        parts.append(f'<text x="{w - right + 40}" y="{ly + 4}">{label}</text>')
    parts.append("</svg>")
    out.write_text("\n".join(parts) + "\n")
    print(out)


if __name__ == "__main__":
    main()
