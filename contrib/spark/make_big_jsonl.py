"""Writes a large JSONL corpus for benchmarks by repeating the articles of a JSONL file.

Each copy of an article keeps its text, publisher and title and gets the id `ID#COPY`, so
that every record is a document of its own. Other keys (gold quotes, dates) are dropped.
The file is written until it holds at least SIZE bytes (a whole number of records).

    python contrib/spark/make_big_jsonl.py ../shared/data/polnear/train.jsonl 1G /tmp/big.jsonl
"""

import json
import sys

KEYS = ("id", "text", "publisher", "title")
UNITS = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}


def size(text):
    """`1000`, `64M`, `1G` (powers of 1024) in bytes."""
    unit = UNITS.get(text[-1:].upper())
    return int(text[:-1]) * unit if unit else int(text)


def main(source, target_size, output):
    with open(source, encoding="utf-8") as f:
        articles = [json.loads(line) for line in f if line.strip()]
    if not articles:
        raise SystemExit(f"{source}: no articles")
    limit = size(target_size)
    written = copies = records = 0
    with open(output, "w", encoding="utf-8") as out:
        while written < limit:
            for article in articles:
                record = {key: article[key] for key in KEYS if key in article}
                record["id"] = f"{article['id']}#{copies}"
                line = json.dumps(record, ensure_ascii=False) + "\n"
                out.write(line)
                written += len(line.encode("utf-8"))
                records += 1
                if written >= limit:
                    break
            copies += 1
    print(f"{output}: {records} records, {written} bytes", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        raise SystemExit(__doc__.strip().splitlines()[-1].strip())
    main(*sys.argv[1:])
