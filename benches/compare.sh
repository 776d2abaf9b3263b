#!/usr/bin/env bash
# Two builds of whosaid timed in turn: the CPU time (user + system) of
# `whosaid analyze INPUT --threads 1`, each build run RUNS times, alternately (old, new, then
# new, old, ...), with the minimum and the median of each build and their change.
#
# On a shared machine whose speed drifts by tens of percent from one minute to the next,
# builds timed in long runs minutes apart (benches/cli.sh) cannot be told apart by a few
# percent; short runs taken in turn can (BENCHMARKS.md). Instruction counts (callgrind) do
# not drift at all, but do not weigh instructions by what they cost.
#
#   benches/compare.sh OLD NEW                       # corpus/ read 300 times a run, 12 runs each
#   benches/compare.sh OLD NEW /data/40mib 20        # a folder or file of your own, 20 runs each
#   benches/compare.sh /tmp/old/whosaid target/release/whosaid \
#       target/bench-corpus/polnear-1024/files/0000
#
# The two builds must write the same table for INPUT: checked once before timing. Needs
# python3 and GNU time as /usr/bin/time (Debian/Ubuntu: `apt-get install time`).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -lt 2 ]; then
  echo "usage: benches/compare.sh OLD_BINARY NEW_BINARY [INPUT] [RUNS]" >&2
  exit 2
fi
if [ ! -x /usr/bin/time ]; then
  echo "benches/compare.sh: needs GNU time as /usr/bin/time (apt-get install time)" >&2
  exit 2
fi
old=$(realpath "$1")
new=$(realpath "$2")
runs=${4:-12}
if [ -n "${3:-}" ]; then
  inputs=("$(realpath "$3")")
else
  # corpus/ is small (43 documents, some tens of KB of text): read 300 times a run, so
  # that a run takes about a second, well above the 10 ms that GNU time resolves.
  inputs=()
  for _ in $(seq 300); do inputs+=("$PWD/corpus"); done
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The same table from both, and the input in the page cache.
for b in old new; do
  bin=${!b}
  "$bin" analyze "${inputs[@]}" --threads 1 --quiet -o "$work/$b.csv" 2>/dev/null
done
if ! cmp -s "$work/old.csv" "$work/new.csv"; then
  echo "benches/compare.sh: the two builds write different tables for the input" >&2
  exit 1
fi

for i in $(seq "$runs"); do
  # Alternate which build goes first, so that a drift within a round weighs on both.
  if [ $((i % 2)) -eq 1 ]; then order="old new"; else order="new old"; fi
  for b in $order; do
    bin=${!b}
    /usr/bin/time -f "$b %U %S" -a -o "$work/times" \
      "$bin" analyze "${inputs[@]}" --threads 1 --quiet -o /dev/null 2>/dev/null
  done
done

python3 - "$work/times" "$old" "$new" "$runs" <<'PY'
import statistics, sys
times, old, new, runs = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
cpu = {"old": [], "new": []}
with open(times) as f:
    for line in f:
        build, user, system = line.split()
        cpu[build].append(float(user) + float(system))
print(f"CPU time of `analyze --threads 1`, {runs} runs each, in turn:")
for build, path in (("old", old), ("new", new)):
    t = cpu[build]
    print(f"  {build}  min {min(t):.3f} s  median {statistics.median(t):.3f} s  ({path})")
for name, f in (("min", min), ("median", statistics.median)):
    change = f(cpu["new"]) / f(cpu["old"]) - 1
    print(f"  new against old, {name}: {change:+.1%}")
PY
