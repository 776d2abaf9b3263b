"""whosaid on Apache Spark: the quote table of a corpus too large for one machine.

The job reads JSONL articles (``--jsonl``) or a list of file paths (``--paths``: WARC files on
shared storage, one per line), ships the ``whosaid`` binary to the executors
(``SparkContext.addFile``), pipes each partition through it with the JVM-side ``RDD.pipe``
(``whosaid analyze --format jsonl -`` or ``--paths-from -``), so that no record passes
through a Python worker, parses the JSON lines into a typed DataFrame and writes the quote
table as Parquet (``OUT/quotes.parquet``) and CSV (``OUT/quotes.csv``, a header in each
part file). See README.md beside this file.

    spark-submit whosaid_spark.py --binary target/release/whosaid \\
        --jsonl 'hdfs:///news/*.jsonl.gz' --output hdfs:///news/quotes
"""

import argparse
import sys

from pyspark import SparkFiles
from pyspark.sql import SparkSession

# The columns of the quote table, in order, with their Spark SQL types: the keys of
# `whosaid analyze --format jsonl` (src/export.rs).
QUOTE_COLUMNS = [
    ("doc", "STRING"),
    ("publication", "STRING"),
    ("quote", "STRING"),
    ("kind", "STRING"),
    ("speaker", "STRING"),
    ("speaker_name", "STRING"),
    ("speaker_kind", "STRING"),
    ("cue", "STRING"),
    ("medium", "STRING"),
    ("reported_by", "STRING"),
    ("paragraph", "INT"),
    ("quote_start", "INT"),
    ("quote_end", "INT"),
    ("speaker_start", "INT"),
    ("speaker_end", "INT"),
    ("cue_start", "INT"),
    ("cue_end", "INT"),
    ("speaker_gender", "STRING"),
]

QUOTE_SCHEMA = ", ".join(f"{name} {kind}" for name, kind in QUOTE_COLUMNS)

# Runs whosaid and passes its exit code on, except 1 (some records failed: each reported on
# the task's stderr as a JSON line, and the others analyzed), which would fail the task.
TOLERANT = '"$0" "$@"; code=$?; [ "$code" -le 1 ] || exit "$code"'


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument(
        "--jsonl",
        nargs="+",
        metavar="PATH",
        help="JSONL articles, one {id, text, publisher, title} object per line: files, "
        "folders or globs that Spark's textFile reads (.gz and .bz2 too)",
    )
    source.add_argument(
        "--paths",
        metavar="LIST",
        help="a text file listing the files to analyze, one path per line (WARC files on "
        "storage every executor can read); each is read by one task",
    )
    binary = parser.add_mutually_exclusive_group(required=True)
    binary.add_argument(
        "--binary",
        help="the whosaid binary (Linux, for the executors), shipped with addFile",
    )
    binary.add_argument(
        "--executor-binary",
        help="the binary's path on the executors, when it is already there: installed in "
        "the container image, or shipped with spark-submit --files (./whosaid)",
    )
    parser.add_argument("--output", required=True, help="output folder")
    parser.add_argument(
        "--partitions",
        type=int,
        help="with --jsonl: at least this many partitions (textFile's minPartitions; "
        "default: one per input split); with --paths: this many partitions (default: one "
        "per path)",
    )
    parser.add_argument(
        "--threads",
        type=int,
        default=1,
        help="analysis threads of each whosaid process (default 1; match spark.task.cpus)",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="fail the task (and so the job) when a record fails, instead of reporting it "
        "on the task's stderr and going on",
    )
    parser.add_argument(
        "--no-csv", action="store_true", help="write the Parquet table only"
    )
    parser.add_argument(
        "whosaid_args",
        nargs="*",
        metavar="-- WHOSAID_OPTION",
        help="options passed on to `whosaid analyze` after --, e.g. -- --id-field url "
        "--text-field body --max-doc-bytes 16M",
    )
    return parser.parse_args(argv)


def executor_binary(spark, args):
    """The path of the whosaid binary as the executors' processes see it."""
    if args.executor_binary:
        return args.executor_binary
    sc = spark.sparkContext
    sc.addFile(args.binary)
    name = args.binary.rstrip("/").rsplit("/", 1)[-1]
    # In local mode the executor is the driver, which keeps added files in a folder of its
    # own; on a cluster each executor fetches them into its working directory, which is the
    # working directory of the processes that RDD.pipe starts.
    if sc.master == "local" or sc.master.startswith("local["):
        return SparkFiles.get(name)
    return "./" + name


def whosaid_command(binary, args):
    """The command line that each partition is piped through."""
    source = ["--paths-from", "-"] if args.paths else ["-"]
    analyze = [
        "analyze",
        "--format",
        "jsonl",
        "--threads",
        str(args.threads),
        *args.whosaid_args,
        *source,
    ]
    if args.strict:
        return [binary, *analyze]
    return ["sh", "-c", TOLERANT, binary, *analyze]


def input_lines(spark, args):
    """The lines to pipe (JSONL records or paths), as a JavaRDD of strings."""
    jsc = spark.sparkContext._jsc
    if args.jsonl:
        splits = args.partitions or spark.sparkContext.defaultMinPartitions
        return jsc.textFile(",".join(args.jsonl), splits)
    paths = jsc.textFile(args.paths, 1)
    count = args.partitions or max(1, paths.count())
    # repartition deals the lines out in turn: with one path per partition, each task
    # analyzes one file.
    return paths.repartition(count)


def quote_table(spark, lines, command):
    """The DataFrame of the JSON lines that `command` writes for `lines`, all on the JVM."""
    jvm = spark.sparkContext._jvm
    jcommand = jvm.java.util.ArrayList()
    for part in command:
        jcommand.add(part)
    piped = lines.pipe(jcommand, jvm.java.util.HashMap(), False, 1 << 16, "UTF-8")
    jspark = spark._jsparkSession
    json_lines = jspark.createDataset(piped.rdd(), jvm.org.apache.spark.sql.Encoders.STRING())
    quotes = (
        jspark.read().schema(QUOTE_SCHEMA).option("mode", "FAILFAST").json(json_lines)
    )
    # A temporary view hands the JVM DataFrame to Python without going through a Python
    # worker.
    quotes.createOrReplaceTempView("whosaid_quotes")
    return spark.table("whosaid_quotes")


def run(spark, args):
    """Analyzes the input and writes OUT/quotes.parquet (and OUT/quotes.csv)."""
    command = whosaid_command(executor_binary(spark, args), args)
    quotes = quote_table(spark, input_lines(spark, args), command)
    output = args.output.rstrip("/")
    quotes.write.mode("overwrite").parquet(f"{output}/quotes.parquet")
    if not args.no_csv:
        # From the Parquet, so that the analysis runs once.
        (
            spark.read.parquet(f"{output}/quotes.parquet")
            .write.mode("overwrite")
            .option("header", True)
            .option("escape", '"')
            .option("ignoreLeadingWhiteSpace", False)
            .option("ignoreTrailingWhiteSpace", False)
            .csv(f"{output}/quotes.csv")
        )


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    spark = SparkSession.builder.appName("whosaid").getOrCreate()
    try:
        run(spark, args)
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
