#!/usr/bin/env bash
# Times the Spark job in local[2] mode against the single-process CLI (`--threads 2`, and in
# streaming mode from stdin, as the job runs it) on the same JSONL corpus of at least SIZE bytes (default 1G), made by repeating PolNeAR train.
# Nothing it writes is kept unless WORK names a folder (the corpus is then reused).
#
#     contrib/spark/bench.sh            # SIZE=1G; needs the venv of .ci/run and a release build
set -euo pipefail
cd "$(dirname "$0")/../.."
size="${SIZE:-1G}"
venv="${XDG_CACHE_HOME:-$HOME/.cache}/whosaid-ci/venv"
if [[ -n "${WORK:-}" ]]; then
    work="$WORK"
    mkdir -p "$work"
else
    work="$(mktemp -d)"
    trap 'rm -rf "$work"' EXIT
fi
binary="$PWD/target/release/whosaid"
corpus="$work/big-$size.jsonl"
[[ -s "$corpus" ]] || python3 contrib/spark/make_big_jsonl.py ../shared/data/polnear/train.jsonl "$size" "$corpus"
echo "corpus: $(stat -c %s "$corpus") bytes, $(wc -l < "$corpus") articles; load: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== whosaid analyze $corpus --threads 2 -o cli.csv"
/usr/bin/time -f "cli: %e s wall, %U s user, %M KB peak RSS" \
    "$binary" analyze "$corpus" --threads 2 -o "$work/cli.csv"

echo "== whosaid analyze --format jsonl --threads 2 - < $corpus > stream.jsonl (streaming mode)"
/usr/bin/time -f "stream: %e s wall, %U s user, %M KB peak RSS" \
    "$binary" analyze --format jsonl --threads 2 - < "$corpus" > "$work/stream.jsonl"
echo "stream rows: $(wc -l < "$work/stream.jsonl")"

echo "== spark-submit --master local[2] whosaid_spark.py --jsonl $corpus (Parquet + CSV)"
rm -rf "$work/spark"
PATH="$venv/bin:$PATH" SPARK_LOCAL_IP=127.0.0.1 /usr/bin/time -f "spark: %e s wall, %U s user" \
    spark-submit --master 'local[2]' \
    --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 \
    --conf spark.ui.enabled=false --conf spark.ui.showConsoleProgress=false \
    --driver-java-options "-Dlog4j2.configurationFile=contrib/spark/log4j2.properties" \
    contrib/spark/whosaid_spark.py --binary "$binary" --jsonl "$corpus" \
    --output "$work/spark" 2> "$work/spark.log" || { cat "$work/spark.log"; exit 1; }
grep '^spark: ' "$work/spark.log"
echo "partitions (whosaid processes): $(grep -c '^{"summary"' "$work/spark.log")"

# The same rows either way (counted with a CSV reader: quotes may hold newlines).
"$venv/bin/python" - "$work" <<'PY'
import csv, glob, sys
def rows(files):
    n = 0
    for name in files:
        with open(name, encoding="utf-8", newline="") as f:
            n += sum(1 for _ in csv.reader(f)) - 1
    return n
cli = rows([sys.argv[1] + "/cli.csv"])
spark = rows(sorted(glob.glob(sys.argv[1] + "/spark/quotes.csv/part-*.csv")))
print(f"rows: cli {cli}, spark {spark}")
sys.exit(0 if cli == spark else 1)
PY
