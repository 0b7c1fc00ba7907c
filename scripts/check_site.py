"""Fail if the built site (default: site/) loads anything from another host.

Links to other sites (<a href>) are fine; scripts, stylesheets, images, fonts
and CSS imports must all be local, so the docs work offline.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ASSET = re.compile(
    r"""<(?:script|img|iframe|source|video|audio)\b[^>]*\bsrc=["'](?P<src>[^"']+)["']"""
    r"""|<link\b[^>]*\bhref=["'](?P<href>[^"']+)["'][^>]*>"""
    r"""|url\(\s*["']?(?P<url>[^"')]+)""",
    re.IGNORECASE,
)
EXTERNAL = re.compile(r"^(?:https?:)?//", re.IGNORECASE)


def external_assets(site: Path) -> list[str]:
    found = []
    for path in sorted(site.rglob("*")):
        if path.suffix not in {".html", ".css", ".js"} or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for m in ASSET.finditer(text):
            target = m.group("src") or m.group("url") or m.group("href")
            if m.group("href") is not None:
                tag = m.group(0).lower()
                # <link rel="canonical"> and the like are not loaded by the browser.
                if not any(k in tag for k in ("stylesheet", "icon", "preload", "manifest", "prefetch")):
                    continue
            if target and EXTERNAL.match(target):
                found.append(f"{path.relative_to(site)}: {target}")
    return found


def main() -> int:
    site = Path(sys.argv[1] if len(sys.argv) > 1 else "site")
    if not (site / "index.html").is_file():
        print(f"{site}/index.html not found: build the site first (mkdocs build --strict)")
        return 2
    bad = external_assets(site)
    for line in bad:
        print("external asset:", line)
    print(f"{len(bad)} external assets in {site}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
