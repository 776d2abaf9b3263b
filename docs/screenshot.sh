#!/usr/bin/env bash
# Writes docs/seed_article.png: the report page of the seed article as headless Chromium
# renders it (the picture in README.md). Needs Debian's chromium (apt-get install -y chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cargo run --release -q -- report corpus/000_0a1aa9d853795c80.txt -o "$work/site" -q
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$work/profile" --hide-scrollbars \
  --screenshot="$PWD/docs/seed_article.png" --window-size=1280,1600 \
  "file://$work/site/articles/00001.html" 2>/dev/null
echo "docs/seed_article.png written"
