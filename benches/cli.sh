#!/usr/bin/env bash
# Whole-program benchmark: `whosaid analyze` (release build) on a corpus of SIZE MiB of article
# text, once as many .txt files and once as one JSONL file, with 1 and 2 threads, writing CSV.
# Prints, per run: documents, MiB of text, wall time, MiB/s of text, quotes, quotes/s, peak
# resident memory, the speed-up over the first thread count (1 by default), the CPU time
# (user + system) and the load average at the end of the run (1 minute: on a shared machine,
# a load over the run's own threads means the figures are those of a busy machine).
#
#   benches/cli.sh                 # 1024 MiB (the figures of BENCHMARKS.md)
#   benches/cli.sh 50              # 50 MiB, for a quick look while developing
#   THREADS="1 2 4" INPUTS=jsonl benches/cli.sh 200
#   benches/cli.sh 1024 /data/bench  # build and keep the corpus in /data/bench
#   BIN=/tmp/old/whosaid benches/cli.sh 50  # time another build of whosaid
#
# The corpus repeats the texts of PolNeAR train (../shared/data/polnear/train.jsonl next to the
# repository) when present, else the .txt articles of corpus/, until it holds SIZE MiB of
# text: as files REP/ID.txt (one article per file, about 230,000 files for 1 GiB of PolNeAR)
# and as one corpus.jsonl with the same texts. It is built once and kept in DIR (default
# target/bench-corpus/SOURCE-SIZE), then reused; delete DIR to rebuild it. Before each run the
# input is read once so that it is in the page cache: the figures are those of the program,
# not of the disk. The CSV of each run goes to DIR/out-INPUT-THREADS.csv (written through a
# temporary file and synced, as `-o` does); the runs with more threads are checked to write
# the same bytes as with 1 thread, then the tables are deleted.
#
# Needs python3 and GNU time as /usr/bin/time (Debian/Ubuntu: `apt-get install time`).
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-1024}
threads=${THREADS:-1 2}
inputs=${INPUTS:-files jsonl}
polnear=../shared/data/polnear/train.jsonl
if [ -f "$polnear" ]; then source=polnear; else source=corpus; fi
dir=${2:-target/bench-corpus/$source-$size}
if [ ! -x /usr/bin/time ]; then
  echo "benches/cli.sh: needs GNU time as /usr/bin/time (apt-get install time)" >&2
  exit 2
fi

if [ -n "${BIN:-}" ]; then
  bin=$(realpath "$BIN")
else
  cargo build --release --quiet
  bin=$PWD/target/release/whosaid
fi

# The corpus: DIR/files/REP/ID.txt, DIR/corpus.jsonl and DIR/manifest ("DOCS BYTES").
if [ ! -f "$dir/manifest" ]; then
  echo "building a $size MiB corpus from $source in $dir ..." >&2
  rm -rf "$dir"
  mkdir -p "$dir"
  python3 - "$source" "$polnear" "$size" "$dir" <<'PY'
import glob, json, os, re, sys
source, polnear, size, out = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
articles = []  # (name, record)
if source == "polnear":
    with open(polnear, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            rec = {k: r[k] for k in ("publisher", "title") if r.get(k)}
            rec["text"] = r["text"]
            articles.append((re.sub(r"[^A-Za-z0-9._-]", "_", str(r["id"])), rec))
else:
    for path in sorted(glob.glob("corpus/*.txt")):
        try:
            text = open(path, encoding="utf-8").read()
        except UnicodeDecodeError:
            continue  # the UTF-16 and Windows-1252 samples
        articles.append((os.path.basename(path)[:-4], {"text": text}))
target = size << 20
docs = total = rep = 0
with open(os.path.join(out, "corpus.jsonl"), "w", encoding="utf-8") as jsonl:
    while total < target:
        folder = os.path.join(out, "files", f"{rep:04d}")
        os.makedirs(folder)
        for name, rec in articles:
            if total >= target:
                break
            data = rec["text"].encode("utf-8")
            with open(os.path.join(folder, name + ".txt"), "wb") as f:
                f.write(data)
            jsonl.write(json.dumps({"id": f"{rep:04d}/{name}", **rec}, ensure_ascii=False))
            jsonl.write("\n")
            docs += 1
            total += len(data)
        rep += 1
with open(os.path.join(out, "manifest"), "w") as f:
    f.write(f"{docs} {total}\n")
PY
fi
read -r docs bytes <"$dir/manifest"
mib=$(python3 -c "print(f'{$bytes / 2**20:.1f}')")
echo "corpus: $dir: $docs documents, $mib MiB of text ($source)"
echo "machine: $(nproc) cores, $(lscpu | sed -n 's/^Model name: *//p' | head -1); load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo

warm() {
  case $1 in
    files) find "$dir/files" -type f -print0 | xargs -0 cat >/dev/null ;;
    jsonl) cat "$dir/corpus.jsonl" >/dev/null ;;
  esac
}

printf '%-6s %7s %9s %8s %8s %8s %9s %10s %9s %8s %7s %5s\n' \
  input threads documents MiB wall_s MiB/s quotes quotes/s peak_MiB speed-up cpu_s load
for input in $inputs; do
  case $input in
    files) path=$dir/files ;;
    jsonl) path=$dir/corpus.jsonl ;;
    *) echo "benches/cli.sh: unknown input $input (files or jsonl)" >&2; exit 2 ;;
  esac
  base=
  for t in $threads; do
    warm "$input"
    out=$dir/out-$input-$t.csv
    log=$dir/time-$input-$t.log
    /usr/bin/time -v "$bin" analyze "$path" --threads "$t" -o "$out" 2>"$log" ||
      { tail "$log" >&2; exit 1; }
    read -r wall cpu rss read_docs quotes < <(python3 - "$log" <<'PY'
import re, sys
log = open(sys.argv[1]).read()
h, m, s = ([0, 0] + log.split("Elapsed (wall clock) time (h:mm:ss or m:ss): ")[1].split()[0].split(":"))[-3:]
wall = int(h) * 3600 + int(m) * 60 + float(s)
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", log).group(1))
cpu = sum(float(re.search(rf"{kind} time \(seconds\): ([\d.]+)", log).group(1))
          for kind in ("User", "System"))
summary = re.search(r"whosaid: (\d+) documents? read, .* (\d+) quotes? found", log)
print(wall, cpu, rss, summary.group(1), summary.group(2))
PY
)
    [ -z "$base" ] && base=$wall
    load=$(cut -d' ' -f1 /proc/loadavg)
    python3 - "$input" "$t" "$read_docs" "$bytes" "$wall" "$quotes" "$rss" "$base" "$cpu" "$load" <<'PY'
import sys
input, t, docs, size, wall, quotes, rss, base, cpu, load = sys.argv[1:]
mib, wall = int(size) / 2**20, float(wall)
print(f"{input:<6} {t:>7} {docs:>9} {mib:>8.1f} {wall:>8.2f} {mib / wall:>8.1f} {quotes:>9} "
      f"{int(quotes) / wall:>10.0f} {int(rss) / 1024:>9.1f} {float(base) / wall:>7.2f}x "
      f"{float(cpu):>7.1f} {load:>5}")
PY
    first=$dir/out-$input-${threads%% *}.csv
    if [ "$out" != "$first" ]; then
      cmp -s "$first" "$out" || { echo "benches/cli.sh: $out differs from $first" >&2; exit 1; }
      rm -f "$out"
    fi
  done
  rm -f "$dir/out-$input-${threads%% *}.csv"
done
