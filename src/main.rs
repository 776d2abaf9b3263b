//! The `whosaid` command-line tool: a thin shell over the library.
//!
//! `whosaid analyze PATH...` reads a corpus ([`whosaid::corpus`]), analyzes it in parallel
//! ([`whosaid::pipeline`]) and writes the quote table as CSV or JSONL ([`whosaid::export`]).
//! `whosaid eval GOLD [PRED]` scores a quote table, or the analysis of the gold texts, against
//! gold attributions ([`whosaid::eval`]).
//! Exit codes: 0 when all went well (a closed stdout pipe included; skipped files are not
//! failures), 1 when a file, record or document failed or the output could not be written,
//! 2 for usage errors.

use std::cell::Cell;
use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::rc::Rc;

use clap::builder::RangedU64ValueParser;
use clap::{Args, Parser, Subcommand, ValueEnum};
use whosaid::corpus::emit::{self, TextDir};
use whosaid::corpus::{JsonlFields, ReadOptions};
use whosaid::eval::{self, ErrorRecord};
use whosaid::{Corpus, Error, Format, Input, Pipeline, Summary};

/// The allocator of the tool: mimalloc, whose thread-local free lists suit the many small
/// strings and vectors that each analysis thread allocates and frees per document (the
/// library leaves the choice to its users).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Exit code when a file, record or document failed, or the output could not be written.
const EXIT_FAILURE: u8 = 1;
/// Exit code for usage errors (clap's own).
const EXIT_USAGE: u8 = 2;

/// Quotation attribution for English news: every quote, who said it, the cue and the source.
#[derive(Debug, Parser)]
#[command(name = "whosaid", version, arg_required_else_help = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Find the quotes of a corpus and write the quote table.
    ///
    /// Directories are walked recursively in file-name order. A file is read by its
    /// extension: .txt (doc id: the path relative to the directory), .html/.htm (the article
    /// body, headline and publisher), .jsonl (one {"id", "text", "publisher", "title"}
    /// object per line; doc id: the "id"), .warc (one article per response record; doc id:
    /// its WARC-Target-URI), each optionally compressed (.gz, .zst). Other files are skipped
    /// and counted. `-` reads JSONL from stdin. Text may be UTF-8, UTF-16 with a BOM, or a
    /// legacy encoding (detected). Rows come out in corpus order whatever the thread count.
    Analyze(AnalyzeArgs),

    /// Score quotes against gold attributions (the metrics of shared/eval/METRICS.md).
    ///
    /// GOLD is a JSONL file in the gold format (one {"id", "text", "quotes": [...]} object per
    /// line) or a BRAT standoff folder (.txt + .ann pairs with Source, Cue and Content
    /// annotations). With PRED, the quote table in it (CSV or JSONL from `whosaid analyze`;
    /// `-` reads stdin) is scored; without it, eval analyzes the gold texts itself and also
    /// reports documents per second. Prints P, R, F1, TP/FP/FN and the speaker, speaker-name
    /// and cue accuracies of the subsets `all` and `direct` at coverage thresholds 0.3 and 0.8.
    Eval(EvalArgs),
}

#[derive(Debug, Args)]
struct EvalArgs {
    /// Gold attributions: a .jsonl file or a BRAT folder.
    #[arg(value_name = "GOLD")]
    gold: PathBuf,

    /// A quote table to score (.csv or .jsonl, else told by its first byte; `-` for stdin)
    /// [default: analyze the gold texts].
    #[arg(value_name = "PRED")]
    pred: Option<PathBuf>,

    /// Print one JSON object instead of the table.
    #[arg(long)]
    json: bool,

    /// Write every false negative, false positive and wrong speaker, name or cue (threshold
    /// 0.3, subsets all and direct) to FILE as JSONL.
    #[arg(long, value_name = "FILE")]
    errors: Option<PathBuf>,

    /// Number of analysis threads [default: one per core]; only without PRED.
    #[arg(long, value_name = "N", conflicts_with = "pred", value_parser = RangedU64ValueParser::<usize>::new().range(1..=4096))]
    threads: Option<usize>,
}

#[derive(Debug, Args)]
struct AnalyzeArgs {
    /// Files (.txt, .jsonl) and directories to read; `-` reads JSONL from stdin.
    #[arg(value_name = "PATH", required = true)]
    paths: Vec<PathBuf>,

    /// Write the quote table to FILE instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,

    /// Output format.
    #[arg(short, long, value_enum, default_value_t = OutputFormat::Csv)]
    format: OutputFormat,

    /// Number of analysis threads [default: one per core].
    #[arg(long, value_name = "N", value_parser = RangedU64ValueParser::<usize>::new().range(1..=4096))]
    threads: Option<usize>,

    /// Do not print the summary on stderr.
    #[arg(short, long)]
    quiet: bool,

    /// JSONL key of the document id (a dotted key reaches into nested objects).
    #[arg(long, value_name = "KEY", default_value = "id")]
    id_field: String,

    /// JSONL key of the article text.
    #[arg(long, value_name = "KEY", default_value = "text")]
    text_field: String,

    /// JSONL key of the publisher (optional in each record).
    #[arg(long, value_name = "KEY", default_value = "publisher")]
    publisher_field: String,

    /// JSONL key of the headline (optional in each record).
    #[arg(long, value_name = "KEY", default_value = "title")]
    title_field: String,

    /// Skip any document (a file, a JSONL line, a WARC page) larger than SIZE once
    /// decompressed: bytes, or with a K, M or G suffix (powers of 1024).
    #[arg(long, value_name = "SIZE", default_value = "64M", value_parser = parse_size)]
    max_doc_bytes: u64,

    /// Write the text of each document, as analyzed (offsets refer to it), to a file in DIR,
    /// with DIR/index.jsonl mapping doc ids to files.
    #[arg(long, value_name = "DIR")]
    emit_text: Option<PathBuf>,

    /// Put a ' before CSV cells that begin with = + - @ (or a tab or carriage return), so
    /// that a spreadsheet shows them as text instead of running them as formulas.
    #[arg(long)]
    excel_safe: bool,
}

/// A size in bytes: `1000`, `64K`, `64M`, `1G` (powers of 1024; a trailing `B`, `iB` allowed).
fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let t = t.strip_suffix(['b', 'B']).unwrap_or(t);
    let t = t.strip_suffix(['i']).unwrap_or(t);
    let (digits, shift) = match t.char_indices().last() {
        Some((i, 'k' | 'K')) => (&t[..i], 10),
        Some((i, 'm' | 'M')) => (&t[..i], 20),
        Some((i, 'g' | 'G')) => (&t[..i], 30),
        _ => (t, 0),
    };
    let n: u64 = digits
        .trim()
        .parse()
        .map_err(|_| format!("`{s}` is not a size (e.g. 1000, 64K, 64M, 1G)"))?;
    if n == 0 {
        return Err("the size must be at least 1 byte".into());
    }
    n.checked_mul(1 << shift)
        .ok_or_else(|| format!("`{s}` is too large"))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    /// Comma-separated values with a header row.
    Csv,
    /// One JSON object per quote per line.
    Jsonl,
}

impl From<OutputFormat> for Format {
    fn from(format: OutputFormat) -> Self {
        match format {
            OutputFormat::Csv => Format::Csv,
            OutputFormat::Jsonl => Format::Jsonl,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Analyze(args) => analyze(&args),
        Command::Eval(args) => eval(&args),
    }
}

/// Runs `whosaid eval` and maps its outcome to messages and an exit code.
fn eval(args: &EvalArgs) -> ExitCode {
    if let Some(errors) = &args.errors {
        let inputs = std::iter::once(&args.gold).chain(&args.pred);
        if let Some(input) = inputs.into_iter().find(|p| same_file(p, errors)) {
            eprintln!(
                "whosaid: {}: the errors file is also an input; refusing to overwrite it",
                input.display()
            );
            return ExitCode::from(EXIT_USAGE);
        }
    }
    match run_eval(args) {
        Ok(0) => ExitCode::SUCCESS,
        Ok(_) => ExitCode::from(EXIT_FAILURE),
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("whosaid: {e}");
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

/// Reads the gold and the predictions (or analyzes the gold texts), scores, writes the errors
/// file and prints the report. Returns the number of documents the analyzer failed on.
fn run_eval(args: &EvalArgs) -> whosaid::Result<usize> {
    let gold = eval::gold::load(&args.gold)?;
    if gold.is_empty() {
        eprintln!(
            "whosaid: warning: {}: no gold documents",
            args.gold.display()
        );
    }
    let (predictions, source, timing, failures) = match &args.pred {
        Some(path) => (eval::predictions::read(path)?, path.clone(), None, 0),
        None => {
            let (pipeline, threads) = match args.threads {
                Some(n) => (Pipeline::with_threads(n)?, n),
                None => (Pipeline::new(), rayon::current_num_threads()),
            };
            let analysis =
                eval::analyze_gold(&gold, &pipeline, threads, |e| eprintln!("whosaid: {e}"))?;
            (
                analysis.predictions,
                PathBuf::from("<analysis>"),
                Some(analysis.timing),
                analysis.failures,
            )
        }
    };
    let evaluation = eval::evaluate(&gold, predictions, &source, args.errors.is_some())?;
    let mut report = evaluation.report;
    report.analysis = timing;
    if report.ignored_predictions > 0 {
        eprintln!(
            "whosaid: warning: {}: {} predictions for {} documents not in the gold were not scored",
            source.display(),
            report.ignored_predictions,
            report.ignored_documents
        );
    }
    if let Some(path) = &args.errors {
        write_errors(path, &evaluation.errors)?;
    }
    let mut out = io::stdout().lock();
    let printed = if args.json {
        writeln!(out, "{}", report.to_json())
    } else {
        writeln!(out, "{}", report.table())
    };
    printed.and_then(|()| out.flush()).map_err(Error::Output)?;
    Ok(failures)
}

/// Writes the error records as JSONL.
fn write_errors(path: &Path, records: &[ErrorRecord]) -> whosaid::Result<()> {
    let io_error = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let file = File::create(path).map_err(io_error)?;
    let mut out = BufWriter::new(file);
    for record in records {
        serde_json::to_writer(&mut out, record).map_err(|e| io_error(e.into()))?;
        out.write_all(b"\n").map_err(io_error)?;
    }
    out.flush().map_err(io_error)
}

/// Runs `whosaid analyze` and maps its outcome to messages and an exit code.
fn analyze(args: &AnalyzeArgs) -> ExitCode {
    let output = args.output.as_deref().filter(|p| p.as_os_str() != "-");
    let clobbered = output.and_then(|out| args.paths.iter().find(|p| same_file(p, out)));
    if let Some(input) = clobbered {
        eprintln!(
            "whosaid: {}: the output file is also an input; refusing to overwrite it",
            input.display()
        );
        return ExitCode::from(EXIT_USAGE);
    }

    let warnings = Rc::new(Cell::new(0usize));
    let result = run_analyze(args, output, Rc::clone(&warnings));
    match result {
        Ok(summary) => {
            if !args.quiet {
                eprintln!("whosaid: {}", summary_line(&summary, warnings.get()));
            }
            if summary.failures > 0 {
                ExitCode::from(EXIT_FAILURE)
            } else {
                ExitCode::SUCCESS
            }
        }
        // `whosaid analyze corpus | head`: the reader has all it wants.
        Err(e) if e.is_broken_pipe() => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("whosaid: {e}");
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

/// Reads, analyzes and writes; per-file errors are printed as they come and counted, a
/// fatal error (output, thread pool) is returned. A file output is written to a temporary
/// file beside it, renamed over it only once the run has finished.
fn run_analyze(
    args: &AnalyzeArgs,
    output: Option<&Path>,
    warnings: Rc<Cell<usize>>,
) -> whosaid::Result<Summary> {
    let pipeline = match args.threads {
        Some(n) => Pipeline::with_threads(n)?,
        None => Pipeline::new(),
    };
    // A regular file (or a new one) is written atomically; a device or a pipe (`-o
    // /dev/null`, `-o /dev/stdout`) is written to directly.
    let special = output.filter(|p| fs::metadata(p).is_ok_and(|m| !m.is_file()));
    let temp = output
        .filter(|_| special.is_none())
        .map(temp_output)
        .transpose()?;
    let out: Box<dyn Write + '_> = match (&temp, special) {
        (Some(file), _) => Box::new(BufWriter::new(file.as_file())),
        (None, Some(path)) => Box::new(BufWriter::new(File::create(path).map_err(|source| {
            Error::Io {
                path: path.to_path_buf(),
                source,
            }
        })?)),
        (None, None) => Box::new(BufWriter::new(io::stdout().lock())),
    };
    let mut sink = Format::from(args.format).writer_with(out, args.excel_safe)?;

    let options = ReadOptions {
        fields: JsonlFields {
            id: args.id_field.clone(),
            text: args.text_field.clone(),
            publisher: args.publisher_field.clone(),
            title: args.title_field.clone(),
        },
        max_doc_bytes: args.max_doc_bytes,
    };
    let mut corpus = Corpus::new(args.paths.iter().map(|p| Input::from(p.as_path())))
        .options(options)
        .on_warning(move |w| {
            warnings.set(warnings.get() + 1);
            eprintln!("whosaid: warning: {w}");
        });
    if let Some(path) = output {
        corpus = corpus.exclude(path);
    }
    if let Some(file) = &temp {
        corpus = corpus.exclude(file.path());
    }
    let mut text_dir = match &args.emit_text {
        Some(dir) => Some(TextDir::create(dir).map_err(|source| Error::Io {
            path: dir.clone(),
            source,
        })?),
        None => None,
    };
    let docs = corpus.map(|item| {
        let (Ok(doc), Some(dir)) = (&item, text_dir.as_mut()) else {
            return item;
        };
        match dir.write(doc) {
            Ok(_) => item,
            Err(source) => Err(Error::Io {
                path: dir.dir().join(emit::file_name(&doc.id)),
                source,
            }),
        }
    });
    let summary = pipeline.run(docs, &mut sink, |e| eprintln!("whosaid: {e}"))?;
    drop(sink);
    if let Some(dir) = text_dir {
        let path = dir.dir().join(emit::INDEX);
        dir.finish().map_err(|source| Error::Io { path, source })?;
    }
    if let (Some(file), Some(path)) = (temp, output) {
        file.as_file().sync_all().map_err(Error::Output)?;
        file.persist(path).map_err(|e| Error::Io {
            path: path.to_path_buf(),
            source: e.error,
        })?;
    }
    Ok(summary)
}

/// A temporary file in the directory of `path`, to be renamed to it at the end (so that an
/// interrupted run never leaves a half-written table, and a previous one stays intact).
fn temp_output(path: &Path) -> whosaid::Result<tempfile::NamedTempFile> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map_or_else(|| "whosaid".into(), |n| n.to_string_lossy().into_owned());
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o644));
    }
    builder.tempfile_in(dir).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// Whether two paths name the same existing file.
fn same_file(a: &Path, b: &Path) -> bool {
    match (fs::canonicalize(a), fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b && !a.is_dir(),
        _ => false,
    }
}

/// `52 documents read, 3 skipped, 1 failed, 130 quotes found, 0 warnings`.
fn summary_line(summary: &Summary, warnings: usize) -> String {
    fn count(n: usize, one: &str, many: &str) -> String {
        format!("{n} {}", if n == 1 { one } else { many })
    }
    format!(
        "{} read, {} skipped, {} failed, {} found, {}",
        count(summary.documents, "document", "documents"),
        summary.skipped,
        summary.failures,
        count(summary.quotes, "quote", "quotes"),
        count(warnings, "warning", "warnings"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn summary_reads_well() {
        let summary = Summary {
            documents: 1,
            quotes: 2,
            skipped: 3,
            failures: 0,
        };
        assert_eq!(
            summary_line(&summary, 1),
            "1 document read, 3 skipped, 0 failed, 2 quotes found, 1 warning"
        );
    }

    #[test]
    fn sizes_parse_with_suffixes() {
        assert_eq!(parse_size("1000"), Ok(1000));
        assert_eq!(parse_size("64K"), Ok(64 << 10));
        assert_eq!(parse_size("64M"), Ok(64 << 20));
        assert_eq!(parse_size("1GiB"), Ok(1 << 30));
        assert_eq!(parse_size("2mb"), Ok(2 << 20));
        assert!(parse_size("0").is_err());
        assert!(parse_size("many").is_err());
        assert!(parse_size("99999999999G").is_err());
    }
}
