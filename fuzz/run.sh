#!/usr/bin/env bash
# Fuzzes the `analyze` target for TOTAL seconds (default 3600) in one job at low priority,
# restarting after each finding (saved in artifacts/analyze/), and keeps the log of each run
# in work/. Needs nightly and cargo-fuzz: `cargo install cargo-fuzz`.
#   fuzz/run.sh 3600
set -uo pipefail
cd "$(dirname "$0")"
total=${1:-3600}
mkdir -p work/analyze artifacts/analyze
cargo +nightly fuzz build -s none -a analyze || exit 1
run=0
start=$SECONDS
while [ $((SECONDS - start)) -lt "$total" ]; do
  run=$((run + 1))
  left=$((total - (SECONDS - start)))
  nice -n 19 cargo +nightly fuzz run -s none -a analyze work/analyze corpus/analyze -- \
    -max_total_time="$left" -max_len=20000 -timeout=10 -rss_limit_mb=4096 \
    -print_final_stats=1 -artifact_prefix=artifacts/analyze/ > "work/run-$run.log" 2>&1
  grep -E "^stat::number_of_executed_units|^Done|panicked at|SUMMARY" "work/run-$run.log"
done
