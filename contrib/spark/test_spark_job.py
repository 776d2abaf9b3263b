"""The Spark job, for real: pyspark in local[2] mode on the bundled corpus.

Runs whosaid_spark.py with spark-submit twice, on JSONL articles made from the corpus's
.txt files (the texts as `whosaid analyze corpus/` reads them, with the same doc ids) and on
a list of paths (corpus/035_cc_news.warc.gz and corpus/034_web_page.html), then checks that
the Parquet and CSV tables hold exactly the rows, every column, that `whosaid analyze
corpus/` gives on one machine for those documents. Python workers are pointed at a program
that does not exist (spark.pyspark.python), so the job fails if any record passes through
one. Spark is bound to 127.0.0.1, without its UI.

    python contrib/spark/test_spark_job.py [--binary target/release/whosaid]

Prints `N passed, N failed` and exits non-zero on a failure.
"""

import argparse
import collections
import csv
import glob
import json
import os
import subprocess
import sys
import tempfile
import traceback

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
CORPUS = os.path.join(REPO, "corpus")
JOB = os.path.join(HERE, "whosaid_spark.py")
LOG_CONFIG = os.path.join(HERE, "log4j2.properties")

sys.path.insert(0, HERE)
from whosaid_spark import QUOTE_COLUMNS  # noqa: E402

COLUMNS = [name for name, _ in QUOTE_COLUMNS]

# Spark on the loopback only, quiet, without its UI; any Python worker fails.
SPARK_CONF = {
    "spark.driver.host": "127.0.0.1",
    "spark.driver.bindAddress": "127.0.0.1",
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
    "spark.driver.extraJavaOptions": f"-Dlog4j2.configurationFile={LOG_CONFIG}",
    "spark.pyspark.python": "/nonexistent/python-workers-are-not-used",
    "spark.pyspark.driver.python": sys.executable,
}


def spark_env():
    """The environment of spark-submit: this venv's tools first, Spark on 127.0.0.1."""
    env = dict(os.environ)
    env["PATH"] = os.path.dirname(sys.executable) + os.pathsep + env.get("PATH", "")
    env["SPARK_LOCAL_IP"] = "127.0.0.1"
    env.pop("SPARK_HOME", None)
    return env


def whosaid(binary, *args):
    """Runs whosaid, returning its stdout; fails on a non-zero exit."""
    done = subprocess.run(
        [binary, *args], capture_output=True, check=False, text=True, encoding="utf-8"
    )
    if done.returncode != 0:
        raise AssertionError(f"whosaid {args} exited {done.returncode}: {done.stderr}")
    return done.stdout


def spark_submit(*job_args):
    """Runs the job in local[2] mode."""
    command = ["spark-submit", "--master", "local[2]"]
    for key, value in SPARK_CONF.items():
        command += ["--conf", f"{key}={value}"]
    command += [JOB, *job_args]
    done = subprocess.run(
        command, env=spark_env(), capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise AssertionError(f"spark-submit exited {done.returncode}:\n{done.stderr}")
    return done.stderr


class Corpus:
    """What whosaid gives on one machine for the bundled corpus."""

    def __init__(self, binary, work):
        texts = os.path.join(work, "texts")
        whosaid(binary, "analyze", CORPUS, "--quiet", "--emit-text", texts, "-o", os.devnull)
        with open(os.path.join(texts, "index.jsonl"), encoding="utf-8") as index:
            self.files = {
                entry["id"]: os.path.join(texts, entry["file"])
                for entry in map(json.loads, index)
            }
        self.rows = [
            json.loads(line)
            for line in whosaid(binary, "analyze", CORPUS, "--format", "jsonl", "--quiet")
            .splitlines()
        ]
        self.csv = list(
            csv.reader(whosaid(binary, "analyze", CORPUS, "--quiet").splitlines(True))
        )
        assert self.csv[0] == COLUMNS, self.csv[0]

    def txt_ids(self):
        return {doc for doc in self.files if doc.endswith(".txt")}

    def rows_of(self, docs):
        """The rows of these documents, as tuples of every column."""
        return collections.Counter(
            tuple(row[c] for c in COLUMNS) for row in self.rows if row["doc"] in docs
        )

    def csv_rows_of(self, docs):
        return collections.Counter(tuple(r) for r in self.csv[1:] if r[0] in docs)


def parquet_rows(spark, folder):
    table = spark.read.parquet(os.path.join(folder, "quotes.parquet"))
    assert table.columns == COLUMNS, table.columns
    return collections.Counter(tuple(row) for row in table.collect())


def csv_rows(folder):
    rows = collections.Counter()
    parts = sorted(glob.glob(os.path.join(folder, "quotes.csv", "part-*.csv")))
    assert parts, "no CSV part files"
    for part in parts:
        with open(part, encoding="utf-8", newline="") as f:
            reader = csv.reader(f)
            assert next(reader) == COLUMNS
            rows.update(tuple(r) for r in reader)
    return rows


def same(actual, expected, what):
    missing = expected - actual
    extra = actual - expected
    assert not missing and not extra, (
        f"{what}: {sum(missing.values())} rows missing, {sum(extra.values())} extra\n"
        f"missing: {list(missing)[:3]}\nextra: {list(extra)[:3]}"
    )


def check_jsonl_route(binary, corpus, work, spark):
    """JSONL articles piped through `whosaid analyze --format jsonl -`, 4 partitions; a bad
    record among them is reported on the task's stderr and the job goes on."""
    ids = corpus.txt_ids()
    assert len(ids) >= 30, ids
    articles = os.path.join(work, "articles.jsonl")
    with open(articles, "w", encoding="utf-8") as out:
        for doc in sorted(ids):
            # newline="": the texts keep their line ends (offsets count each \r).
            with open(corpus.files[doc], encoding="utf-8", newline="") as f:
                out.write(json.dumps({"id": doc, "text": f.read()}) + "\n")
        out.write('{"id": "no-text"}\n')
    output = os.path.join(work, "from-jsonl")
    log = spark_submit(
        "--binary", binary, "--jsonl", articles, "--partitions", "4", "--output", output
    )
    messages = [json.loads(line) for line in log.splitlines() if line.startswith("{")]
    summaries = [m["summary"] for m in messages if "summary" in m]
    assert len(summaries) >= 4, f"one whosaid per partition:\n{log}"
    assert sum(s["documents"] for s in summaries) == len(ids), log
    assert sum(s["failed"] for s in summaries) == 1, log
    errors = [m for m in messages if "error" in m]
    assert [(e["doc"], e["error"]) for e in errors] == [("no-text", "missing field `text`")], log
    expected = corpus.rows_of(ids)
    assert sum(expected.values()) > 50, expected
    same(parquet_rows(spark, output), expected, "Parquet (JSONL route)")
    same(csv_rows(output), corpus.csv_rows_of(ids), "CSV (JSONL route)")


def check_paths_route(binary, corpus, work, spark):
    """A list of paths piped through `whosaid analyze --paths-from - --format jsonl`."""
    listed = ["035_cc_news.warc.gz", "034_web_page.html"]
    paths = os.path.join(work, "paths.txt")
    with open(paths, "w", encoding="utf-8") as out:
        out.write("".join(os.path.join(CORPUS, name) + "\n" for name in listed))
    output = os.path.join(work, "from-paths")
    spark_submit("--binary", binary, "--paths", paths, "--output", output)
    docs = set(corpus.files) - corpus.txt_ids()
    warc_docs = docs - {"034_web_page.html"}
    assert len(warc_docs) == 3 and all(d.startswith("https://") for d in warc_docs), docs
    expected = corpus.rows_of(docs)
    assert {row[0] for row in expected} == docs, "every listed document has quotes"
    same(parquet_rows(spark, output), expected, "Parquet (paths route)")
    same(csv_rows(output), corpus.csv_rows_of(docs), "CSV (paths route)")
    # The two routes together give the whole corpus.
    assert set(corpus.files) == corpus.txt_ids() | docs


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--binary", default=os.path.join(REPO, "target", "release", "whosaid")
    )
    binary = os.path.abspath(parser.parse_args().binary)
    os.environ.update({k: v for k, v in spark_env().items() if k in ("PATH", "SPARK_LOCAL_IP")})
    from pyspark.sql import SparkSession

    passed = failed = 0
    with tempfile.TemporaryDirectory(prefix="whosaid-spark-") as work:
        corpus = Corpus(binary, work)
        builder = SparkSession.builder.master("local[2]").appName("whosaid-spark-test")
        for key, value in SPARK_CONF.items():
            builder = builder.config(key, value)
        spark = builder.getOrCreate()
        try:
            for check in (check_jsonl_route, check_paths_route):
                try:
                    check(binary, corpus, work, spark)
                    passed += 1
                    print(f"ok {check.__name__}", flush=True)
                except Exception:  # noqa: BLE001 - report each check and go on
                    failed += 1
                    print(f"FAILED {check.__name__}", flush=True)
                    traceback.print_exc()
        finally:
            spark.stop()
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
