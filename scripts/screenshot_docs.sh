#!/usr/bin/env bash
# Build the docs, serve them on localhost and take screenshots of the home page
# and a cookbook page with headless Chromium (Debian's `chromium` package), to
# look at them as a reader would.  Output: screenshots/*.png
set -euo pipefail
cd "$(dirname "$0")/.."
NO_MKDOCS_2_WARNING=1 mkdocs build --strict --quiet
mkdir -p screenshots
port=${PORT:-8765}
python -m http.server "$port" --bind 127.0.0.1 --directory site >/dev/null 2>&1 &
server=$!
trap 'kill $server' EXIT
sleep 1
profile=$(mktemp -d)
for page in "" cookbook/annotate/ concepts/; do
  name=${page%/}; out="screenshots/${name:-index}.png"; out=${out//\//_}; out="screenshots/${out#screenshots_}"
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --hide-scrollbars --window-size=1280,1000 \
    --screenshot="$out" "http://127.0.0.1:$port/$page" >/dev/null 2>&1
  echo "$out"
done
