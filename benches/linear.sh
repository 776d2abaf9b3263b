#!/usr/bin/env bash
# Linear-time benchmark: times `whosaid analyze` (release build, one thread) on
# pathological inputs of growing size and prints seconds and seconds per MB. Time that grows
# linearly shows as a flat s/MB column; a quadratic scan would double it at each size.
#
#   benches/linear.sh                       # every kind at 1, 2, 4 and 8 MB
#   benches/linear.sh 64 128 256 512         # other sizes, in KB
#   KINDS="said unbalanced" benches/linear.sh 64 128 256  # some kinds only
#   BIG=1 benches/linear.sh                 # also a 50 MB JSONL line and a 1 GB file
#
# A run that takes longer than TIMEOUT seconds (default 120) is stopped and shown as such.
#
# Inputs are generated in a temporary directory and removed at the end; nothing is committed.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=target/release/whosaid
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(1024 2048 4096 8192)
kinds=${KINDS:-marks curly-marks nested unbalanced apostrophes one-line paragraphs said}
limit=${TIMEOUT:-120}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# gen KIND KB FILE: writes about KB kilobytes of input of that kind.
gen() {
  python3 - "$1" "$2" "$3" <<'PY'
import sys
kind, kb, path = sys.argv[1], int(sys.argv[2]), sys.argv[3]
n = kb * 1024
story = ('"We will not give up a single job without a fight," Mayor Sophie Marchand told '
         'reporters on Tuesday. The company said in a statement that the decision was painful.\n\n')
if kind == "marks":          # one run of straight quotation marks
    data = '"' * n
elif kind == "curly-marks":  # one run of opening curly marks
    data = "\u201c" * (n // 3)
elif kind == "nested":       # quotes nested ever deeper, then closed
    k = n // 12
    data = "\u201c\u2018" * k + "x" + "\u2019\u201d" * k
elif kind == "unbalanced":   # opening marks and words, nothing ever closed, one paragraph
    data = ('"We said ' * (n // 9))
elif kind == "apostrophes":  # single marks and apostrophes
    data = "'tis Jones' 'n' the '90s 'quote' " * (n // 34)
elif kind == "one-line":     # a normal story without a single newline
    data = story.replace("\n\n", " ") * (n // len(story))
elif kind == "paragraphs":   # a normal story, many paragraphs
    data = story * (n // len(story))
elif kind == "said":         # cue words and names, no quotation marks
    data = "Smith said Jones told him Brown said that " * (n // 43)
else:
    raise SystemExit("unknown kind " + kind)
open(path, "w", encoding="utf-8").write(data)
PY
}

printf '%-12s %8s %9s %9s\n' input KB seconds s/MB
for kind in $kinds; do
  for kb in "${sizes[@]}"; do
    f="$work/$kind-$kb.txt"
    gen "$kind" "$kb" "$f"
    start=$(date +%s.%N)
    status=0
    timeout "$limit" "$bin" analyze "$f" --threads 1 --quiet -o /dev/null || status=$?
    end=$(date +%s.%N)
    python3 -c "
import sys
s = float(sys.argv[2]) - float(sys.argv[1])
note = '  (stopped after %s s)' % sys.argv[6] if sys.argv[5] == '124' else ''
print('%-12s %8s %9.3f %9.3f%s' % (sys.argv[3], sys.argv[4], s, s * 1024 / float(sys.argv[4]), note))" \
      "$start" "$end" "$kind" "$kb" "$status" "$limit"
    rm -f "$f"
  done
done

if [ "${BIG:-0}" = 1 ]; then
  # A 50 MB JSONL line (read and analyzed: under the 64 MB default limit).
  python3 -c "
import json
story = '\"We will win,\" Smith said. The mayor said the city was ready. '
print(json.dumps({'id': 'big', 'text': story * (50 * 1024 * 1024 // len(story))}))" > "$work/line.jsonl"
  /usr/bin/time -f '50 MB JSONL line: %e s, %M KB peak memory' "$bin" analyze "$work/line.jsonl" --threads 1 --quiet -o /dev/null
  rm -f "$work/line.jsonl"
  # A 1 GB file: skipped by its size, never read.
  truncate -s 1G "$work/huge.txt"
  /usr/bin/time -f '1 GB .txt file: %e s, %M KB peak memory' "$bin" analyze "$work/huge.txt" -o /dev/null
fi
