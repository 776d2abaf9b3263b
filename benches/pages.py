#!/usr/bin/env python3
"""Web pages for timing the reading of HTML: each of the first N articles of PolNeAR train
(../shared/data/polnear/train.jsonl) wrapped in about 100 KB of page furniture, as news sites
serve them (inline scripts, navigation, related links, comments), one .html file each.

    benches/pages.py DIR [N]        # N pages (default 300) in DIR
    target/release/whosaid analyze DIR DIR DIR DIR DIR --threads 2 -o /tmp/pages.csv

The article text is a few KB per page, so that extracting it (Readability) costs more than
analyzing it: the case where reading on one thread limits the speed-up (BENCHMARKS.md).
"""
import html
import json
import os
import random
import sys

out = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 300
here = os.path.dirname(os.path.abspath(__file__))
train = os.path.join(here, "..", "..", "shared", "data", "polnear", "train.jsonl")
random.seed(1)
os.makedirs(out, exist_ok=True)
with open(train, encoding="utf-8") as f:
    records = [json.loads(line) for _, line in zip(range(count), f)]
script = "".join(f"var a{i}=function(x){{return x*{i}+window.dataLayer.length;}};" for i in range(600))
nav = "".join(f'<li><a href="/section/{i}">Section {i}</a></li>' for i in range(120))
for n, record in enumerate(records):
    paragraphs = [p for p in record["text"].split("\n") if p.strip()]
    title = html.escape(record.get("title") or paragraphs[0][:80])
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs[1:])
    related = "".join(
        f'<li><a href="/story/{random.randint(1, 10**6)}">Related story number {i} about '
        "something else entirely</a></li>"
        for i in range(40)
    )
    comments = "".join(
        f'<div class="comment"><p>Comment {i}: I think this is '
        f'{random.choice(["great", "awful", "fine"])}.</p></div>'
        for i in range(30)
    )
    page = f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{title} | The Daily Bench</title>
<meta property="og:site_name" content="The Daily Bench"><meta property="og:title" content="{title}">
<script>{script}</script></head><body>
<header><nav><ul>{nav}</ul></nav></header><main><article class="story"><h1>{title}</h1>
<p class="byline">By Staff Writer</p><div class="story-body">{body}</div></article>
<aside class="related"><ul>{related}</ul></aside><section id="comments">{comments}</section></main>
<footer><ul>{nav}</ul></footer><script>{script}</script></body></html>"""
    with open(os.path.join(out, f"{n:04d}.html"), "w", encoding="utf-8") as f:
        f.write(page)
