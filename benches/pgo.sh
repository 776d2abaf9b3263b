#!/usr/bin/env bash
# Profile-guided build of whosaid: the same program as `cargo build --release`, laid out by the
# compiler for the branches that news text takes (about 10% fewer instructions on this
# project's benchmark, see BENCHMARKS.md). Three steps: an instrumented build analyzes the
# training articles, LLVM merges the counts it wrote, and a second build reads them. The result
# is checked to write the same CSV and JSONL as the plain release build (built if needed) on
# the training articles.
#
#   benches/pgo.sh                      # train on corpus/ (and PolNeAR dev when present)
#   benches/pgo.sh /data/my-articles    # train on articles like those you will analyze
#   target/pgo/release/whosaid analyze /data/news -o quotes.csv
#
# Takes two release builds (a few minutes each). Needs LLVM's llvm-profdata of the version of
# rustc's LLVM: `rustup component add llvm-tools` installs it with the toolchain, and this script
# finds it there (or set LLVM_PROFDATA). `benches/pgo.sh --check` only tells (exit 0 or 2)
# whether it is there. The builds go to target/pgo-generate and target/pgo; the merged profile
# is target/pgo/whosaid.profdata, and what the runs print goes to target/pgo/runs.log.
set -euo pipefail
check_only=false
if [ "${1:-}" = --check ]; then
  check_only=true
  shift
fi
# The training paths, as given from where the script was called.
training=()
for path in "$@"; do
  training+=("$(realpath -m -- "$path")")
done
cd "$(dirname "$0")/.."

host=$(rustc -vV | sed -n 's/^host: //p')
profdata=${LLVM_PROFDATA:-$(rustc --print sysroot)/lib/rustlib/$host/bin/llvm-profdata}
if [ ! -x "$profdata" ]; then
  echo "benches/pgo.sh: no llvm-profdata at $profdata: run \`rustup component add llvm-tools\`" \
    "(or set LLVM_PROFDATA to the llvm-profdata of rustc's LLVM, $(rustc -vV | sed -n 's/^LLVM version: //p'))" >&2
  exit 2
fi
if $check_only; then
  exit 0
fi

if [ ${#training[@]} -eq 0 ]; then
  training=(corpus)
  dev=../shared/data/polnear/dev.jsonl
  if [ -f "$dev" ]; then training+=("$dev"); fi
fi

generate=$PWD/target/pgo-generate
use=$PWD/target/pgo
raw=$generate/profiles
# What the runs of whosaid print (warnings on the training articles) goes to a log, shown
# when a run fails.
log=$use/runs.log
rm -rf "$raw"
mkdir -p "$raw" "$use"
: >"$log"
logged() {
  if ! "$@" 2>>"$log"; then
    echo "pgo: failed: $*" >&2
    tail -n 20 "$log" >&2
    exit 1
  fi
}

echo "pgo: instrumented build (target/pgo-generate) ..." >&2
RUSTFLAGS="${RUSTFLAGS:-} -Cprofile-generate=$raw" \
  cargo build --release --quiet --target-dir "$generate"
# Only the training runs' counts: the build scripts wrote theirs too.
rm -f "$raw"/*.profraw
echo "pgo: training on ${training[*]} ..." >&2
for format in csv jsonl; do
  LLVM_PROFILE_FILE="$raw/whosaid-%p-%m.profraw" \
    logged "$generate/release/whosaid" analyze "${training[@]}" --quiet --format "$format" \
    -o /dev/null
done
"$profdata" merge -o "$use/whosaid.profdata" "$raw"

echo "pgo: optimized build (target/pgo) ..." >&2
RUSTFLAGS="${RUSTFLAGS:-} -Cprofile-use=$use/whosaid.profdata" \
  cargo build --release --quiet --target-dir "$use"

# The profile changes how the code is laid out, never what it does.
cargo build --release --quiet --target-dir "$PWD/target"
check=$(mktemp -d)
trap 'rm -rf "$check"' EXIT
for format in csv jsonl; do
  logged target/release/whosaid analyze "${training[@]}" --quiet --format "$format" \
    -o "$check/release.$format"
  logged target/pgo/release/whosaid analyze "${training[@]}" --quiet --format "$format" \
    -o "$check/pgo.$format"
  if ! cmp -s "$check/release.$format" "$check/pgo.$format"; then
    echo "pgo: the profile-guided build writes another $format than the release build" >&2
    exit 1
  fi
done
echo "pgo: built target/pgo/release/whosaid (same output as target/release/whosaid)" >&2
