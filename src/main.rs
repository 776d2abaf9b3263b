//! The `whosaid` command-line tool: a thin shell over the library.
//!
//! `whosaid analyze PATH...` reads a corpus ([`whosaid::corpus`]), analyzes it in parallel
//! ([`whosaid::pipeline`]) and writes the quote table as CSV or JSONL ([`whosaid::export`]).
//! `whosaid eval GOLD [PRED]` scores a quote table, or the analysis of the gold texts, against
//! gold attributions ([`whosaid::eval`]). `whosaid stats PATH...` prints corpus statistics and
//! `whosaid report PATH... -o DIR` writes a static report site ([`whosaid::report`]).
//! Exit codes: 0 when all went well (a closed stdout pipe included; skipped files are not
//! failures), 1 when a file, record or document failed or the output could not be written,
//! 2 for usage errors.

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use clap::builder::RangedU64ValueParser;
use clap::{Args, Parser, Subcommand, ValueEnum};
use whosaid::corpus::emit::{self, TextDir};
use whosaid::corpus::{Entries, Entry, JsonlFields, ReadOptions, Warning};
use whosaid::eval::{self, ErrorRecord};
use whosaid::report::{self, Site, Stats};
use whosaid::stream::{self, Prefetch, messages};
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

/// The buffer of `analyze`'s output, in bytes.
const OUTPUT_BUFFER: usize = 256 << 10;

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
    /// and counted. `-` reads JSONL from stdin; `--paths-from` reads the paths from a list.
    /// Text may be UTF-8, UTF-16 with a BOM, or a legacy encoding (detected). Rows come out
    /// in corpus order whatever the thread count.
    ///
    /// Streaming mode, for data engines: with `--format jsonl` and an input from stdin (`-`
    /// or `--paths-from -`), the quotes of each document are written and flushed as soon as
    /// it is analyzed, and messages on stderr are JSON lines.
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

    /// Print corpus statistics: who gets quoted, where and how.
    ///
    /// Reads and analyzes the corpus as `analyze` does (same input options), then prints the
    /// share of direct, mixed and indirect quotes, of speaker kinds and of speaker genders,
    /// and the most quoted speakers, publications and media. `--format csv` writes the
    /// number of quotes of each speaker in each publication instead.
    Stats(StatsArgs),

    /// Write a static report site: corpus charts and a page per article.
    ///
    /// Reads and analyzes the corpus as `analyze` does (same input options) and writes DIR/
    /// index.html (the statistics of `stats` as charts, and the list of articles) and
    /// DIR/articles/NNNNN.html (each article's text with its quotes highlighted, speakers and
    /// cues linked to the list of attributions beside it, and the cut boilerplate greyed
    /// out). Self-contained: opens from file:// without a network.
    Report(ReportArgs),
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

/// The options that say what to read and how: shared by `analyze`, `stats` and `report`.
#[derive(Debug, Args)]
struct InputArgs {
    /// Files (.txt, .html, .jsonl, .warc, optionally .gz or .zst) and directories to read;
    /// `-` reads JSONL from stdin.
    #[arg(value_name = "PATH", required_unless_present = "paths_from")]
    paths: Vec<PathBuf>,

    /// Read the paths to analyze from FILE, one per line (`-`: stdin), each as if it were
    /// given as a PATH (e.g. WARC files on shared storage).
    #[arg(long, value_name = "FILE", conflicts_with = "paths")]
    paths_from: Option<PathBuf>,

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
}

impl InputArgs {
    /// The analysis pipeline, on `--threads` threads, its warnings (those of the corpus
    /// entries) printed as `messages` says and counted in `warnings`.
    fn pipeline(
        &self,
        messages: Messages,
        warnings: &Arc<AtomicUsize>,
    ) -> whosaid::Result<Pipeline> {
        let pipeline = match self.threads {
            Some(n) => Pipeline::with_threads(n)?,
            None => Pipeline::new(),
        };
        let warnings = Arc::clone(warnings);
        Ok(pipeline.on_warning(move |w| {
            warnings.fetch_add(1, Ordering::Relaxed);
            messages.warning(&w);
        }))
    }

    /// The JSONL fields and size limit given.
    fn options(&self) -> ReadOptions {
        ReadOptions {
            fields: JsonlFields {
                id: self.id_field.clone(),
                text: self.text_field.clone(),
                publisher: self.publisher_field.clone(),
                title: self.title_field.clone(),
            },
            max_doc_bytes: self.max_doc_bytes,
        }
    }

    /// The inputs: the PATHs, or the list of `--paths-from`.
    fn inputs(&self) -> Vec<Input> {
        match &self.paths_from {
            Some(list) => vec![Input::PathList(list.clone())],
            None => self
                .paths
                .iter()
                .map(|p| Input::from(p.as_path()))
                .collect(),
        }
    }

    /// The entries of the corpus of the inputs, read with the options given (their warnings
    /// are the pipeline's to print).
    fn entries(&self) -> Entries {
        CorpusSpec {
            inputs: self.inputs(),
            options: self.options(),
            exclude: Vec::new(),
        }
        .entries()
    }
}

#[derive(Debug, Args)]
struct AnalyzeArgs {
    #[command(flatten)]
    input: InputArgs,

    /// Write the quote table to FILE instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,

    /// Output format.
    #[arg(short, long, value_enum, default_value_t = OutputFormat::Csv)]
    format: OutputFormat,

    /// Write the text of each document, as analyzed (offsets refer to it), to a file in DIR,
    /// with DIR/index.jsonl mapping doc ids to files.
    #[arg(long, value_name = "DIR")]
    emit_text: Option<PathBuf>,

    /// Put a ' before CSV cells that begin with = + - @ (or a tab or carriage return), so
    /// that a spreadsheet shows them as text instead of running them as formulas.
    #[arg(long)]
    excel_safe: bool,
}

#[derive(Debug, Args)]
struct StatsArgs {
    #[command(flatten)]
    input: InputArgs,

    /// `table`: the summary for the terminal; `csv`: quotes per speaker (rows) and
    /// publication (columns), for spreadsheets.
    #[arg(short, long, value_enum, default_value_t = StatsFormat::Table)]
    format: StatsFormat,

    /// How many speakers, publications and media the table lists.
    #[arg(long, value_name = "N", default_value_t = 10)]
    top: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum StatsFormat {
    /// A plain-text table.
    Table,
    /// Speaker × publication counts as CSV.
    Csv,
}

#[derive(Debug, Args)]
struct ReportArgs {
    #[command(flatten)]
    input: InputArgs,

    /// The directory to write the site to (created if needed; index.html and articles/).
    #[arg(short, long, value_name = "DIR", required = true)]
    output: PathBuf,

    /// How many speakers, publications and media the charts show.
    #[arg(long, value_name = "N", default_value_t = 20)]
    top: usize,
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
        Command::Stats(args) => stats(&args),
        Command::Report(args) => report(&args),
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

/// How messages go to stderr: `whosaid: ...` lines, or JSON lines in streaming mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Messages {
    Plain,
    Json,
}

impl Messages {
    fn error(self, e: &Error) {
        match self {
            Messages::Plain => eprintln!("whosaid: {e}"),
            Messages::Json => eprintln!("{}", messages::error_line(e)),
        }
    }

    fn warning(self, w: &Warning) {
        match self {
            Messages::Plain => eprintln!("whosaid: warning: {w}"),
            Messages::Json => eprintln!("{}", messages::warning_line(w)),
        }
    }

    fn summary(self, summary: &Summary, warnings: usize) {
        match self {
            Messages::Plain => eprintln!("whosaid: {}", summary_line(summary, warnings)),
            Messages::Json => eprintln!("{}", messages::summary_line(summary, warnings)),
        }
    }
}

/// What the corpus of a run is made of; sent to the reader thread in streaming mode, where
/// the [`Corpus`] is opened.
struct CorpusSpec {
    inputs: Vec<Input>,
    options: ReadOptions,
    /// Files never read as input: the output file and its temporary file.
    exclude: Vec<PathBuf>,
}

impl CorpusSpec {
    /// The entries of the corpus: files and pages to be read and decoded (and their article
    /// extracted) on the analysis threads. Their warnings go with them, for the pipeline to
    /// print in corpus order ([`InputArgs::pipeline`]).
    fn entries(self) -> Entries {
        let corpus = Corpus::new(self.inputs).options(self.options);
        self.exclude.iter().fold(corpus, Corpus::exclude).entries()
    }
}

/// Runs `whosaid analyze` and maps its outcome to messages and an exit code.
fn analyze(args: &AnalyzeArgs) -> ExitCode {
    let output = args.output.as_deref().filter(|p| p.as_os_str() != "-");
    let clobbered = output.and_then(|out| {
        let mut inputs = args.input.paths.iter().chain(&args.input.paths_from);
        inputs.find(|p| same_file(p, out))
    });
    if let Some(input) = clobbered {
        eprintln!(
            "whosaid: {}: the output file is also an input; refusing to overwrite it",
            input.display()
        );
        return ExitCode::from(EXIT_USAGE);
    }

    let inputs = args.input.inputs();
    let streaming = args.format == OutputFormat::Jsonl && inputs.iter().any(Input::reads_stdin);
    let messages = if streaming {
        Messages::Json
    } else {
        Messages::Plain
    };
    let warnings = Arc::new(AtomicUsize::new(0));
    let result = run_analyze(args, inputs, output, messages, Arc::clone(&warnings));
    exit_code(result, args.input.quiet, &warnings, messages)
}

/// The summary line (unless `quiet`) and the exit code of a run that read a corpus.
fn exit_code(
    result: whosaid::Result<Summary>,
    quiet: bool,
    warnings: &AtomicUsize,
    messages: Messages,
) -> ExitCode {
    match result {
        Ok(summary) => {
            if !quiet {
                messages.summary(&summary, warnings.load(Ordering::Relaxed));
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
            messages.error(&e);
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

/// Runs `whosaid stats`.
fn stats(args: &StatsArgs) -> ExitCode {
    let warnings = Arc::new(AtomicUsize::new(0));
    let result = run_stats(args, Arc::clone(&warnings));
    exit_code(result, args.input.quiet, &warnings, Messages::Plain)
}

/// Reads and analyzes the corpus, counting the rows, then prints the table or the CSV.
fn run_stats(args: &StatsArgs, warnings: Arc<AtomicUsize>) -> whosaid::Result<Summary> {
    let pipeline = args.input.pipeline(Messages::Plain, &warnings)?;
    let mut stats = Stats::default();
    let summary = pipeline.run(args.input.entries(), &mut stats, |e| {
        eprintln!("whosaid: {e}")
    })?;
    let mut out = BufWriter::new(io::stdout().lock());
    match args.format {
        StatsFormat::Table => out
            .write_all(stats.table(summary.documents, args.top).as_bytes())
            .map_err(Error::Output)?,
        StatsFormat::Csv => stats.write_crosstab(&mut out)?,
    }
    out.flush().map_err(Error::Output)?;
    Ok(summary)
}

/// Runs `whosaid report`.
fn report(args: &ReportArgs) -> ExitCode {
    let inside = args.input.paths.iter().find(|p| is_within(&args.output, p));
    if let Some(input) = inside {
        eprintln!(
            "whosaid: {}: the report directory is inside this input, whose walk would read \
             its pages; choose a directory outside it",
            input.display()
        );
        return ExitCode::from(EXIT_USAGE);
    }
    let warnings = Arc::new(AtomicUsize::new(0));
    let result = run_report(args, Arc::clone(&warnings));
    if let Ok(summary) = &result
        && !args.input.quiet
    {
        eprintln!(
            "whosaid: report of {} documents written to {}",
            summary.documents,
            args.output.join(report::INDEX).display()
        );
    }
    exit_code(result, args.input.quiet, &warnings, Messages::Plain)
}

/// Reads and analyzes the corpus, writing an article page per document, then the index.
fn run_report(args: &ReportArgs, warnings: Arc<AtomicUsize>) -> whosaid::Result<Summary> {
    let pipeline = args.input.pipeline(Messages::Plain, &warnings)?;
    let mut site = Site::create(&args.output, args.top)?;
    let summary = pipeline.run_documents(args.input.entries(), &mut site, |e| {
        eprintln!("whosaid: {e}")
    })?;
    site.finish(&summary)?;
    Ok(summary)
}

/// Whether `dir` is, or would be created, inside the directory `input` (a file or `-` holds
/// nothing).
fn is_within(dir: &Path, input: &Path) -> bool {
    let Ok(input) = fs::canonicalize(input) else {
        return false;
    };
    if !input.is_dir() {
        return false;
    }
    // The deepest existing ancestor of `dir` decides.
    let absolute = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
    absolute
        .ancestors()
        .find_map(|a| fs::canonicalize(a).ok())
        .is_some_and(|a| a.starts_with(&input))
}

/// Reads, analyzes and writes; per-file errors are printed as they come and counted, a
/// fatal error (output, thread pool) is returned. A file output is written to a temporary
/// file beside it, renamed over it only once the run has finished. In streaming mode
/// (`messages` is JSON) the corpus is read ahead on a thread of its own and the output is
/// flushed after each document ([`whosaid::stream`]).
fn run_analyze(
    args: &AnalyzeArgs,
    inputs: Vec<Input>,
    output: Option<&Path>,
    messages: Messages,
    warnings: Arc<AtomicUsize>,
) -> whosaid::Result<Summary> {
    let pipeline = args.input.pipeline(messages, &warnings)?;
    // A regular file (or a new one) is written atomically; a device or a pipe (`-o
    // /dev/null`, `-o /dev/stdout`) is written to directly.
    let special = output.filter(|p| fs::metadata(p).is_ok_and(|m| !m.is_file()));
    let temp = output
        .filter(|_| special.is_none())
        .map(temp_output)
        .transpose()?;
    // Written in large blocks: the rows come a document at a time, and a write of a few KiB
    // to a file costs the writing thread about as much as one of 256 KiB.
    let out: Box<dyn Write + '_> = match (&temp, special) {
        (Some(file), _) => Box::new(BufWriter::with_capacity(OUTPUT_BUFFER, file.as_file())),
        (None, Some(path)) => {
            let file = File::create(path).map_err(|source| Error::Io {
                path: path.to_path_buf(),
                source,
            })?;
            Box::new(BufWriter::with_capacity(OUTPUT_BUFFER, file))
        }
        (None, None) => Box::new(BufWriter::with_capacity(OUTPUT_BUFFER, io::stdout().lock())),
    };
    let mut sink = Format::from(args.format).table_writer(out, args.excel_safe)?;

    let options = args.input.options();
    let exclude = output
        .map(Path::to_path_buf)
        .into_iter()
        .chain(temp.as_ref().map(|file| file.path().to_path_buf()))
        .collect();
    let spec = CorpusSpec {
        inputs,
        options,
        exclude,
    };
    let mut text_dir = match &args.emit_text {
        Some(dir) => Some(TextDir::create(dir).map_err(|source| Error::Io {
            path: dir.clone(),
            source,
        })?),
        None => None,
    };
    // With --emit-text, each entry is made into its document here, in corpus order, to
    // write its text out; otherwise the analysis threads make it.
    let mut emit = |item: whosaid::Result<Entry>| {
        let Some(dir) = text_dir.as_mut() else {
            return item;
        };
        let mut made = item?.make();
        if let Some(Ok(doc)) = &made.document
            && let Err(source) = dir.write(doc)
        {
            let path = dir.dir().join(emit::file_name(&doc.id));
            made.document = Some(Err(Error::Io { path, source }));
        }
        Ok(Entry::from(made))
    };
    let on_error = |e: Error| messages.error(&e);
    let summary = match messages {
        Messages::Json => {
            let prefetch = Prefetch::spawn(move || spec.entries());
            let chunks = prefetch.map(|chunk| chunk.into_iter().map(&mut emit).collect());
            stream::run_encoded(pipeline, chunks, &mut sink, on_error)?
        }
        Messages::Plain => {
            let entries = spec.entries().map(&mut emit);
            pipeline.run_encoded(entries, &mut sink, on_error)?
        }
    };
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
