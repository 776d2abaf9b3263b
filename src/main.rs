//! The `whosaid` command-line tool: a thin shell over the library.
//!
//! `whosaid analyze PATH...` reads a corpus ([`whosaid::corpus`]), analyzes it in parallel
//! ([`whosaid::pipeline`]) and writes the quote table as CSV or JSONL ([`whosaid::export`]).
//! Exit codes: 0 when all went well (a closed stdout pipe included), 1 when a file, record
//! or document failed or the output could not be written, 2 for usage errors.

use std::cell::Cell;
use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::rc::Rc;

use clap::builder::RangedU64ValueParser;
use clap::{Args, Parser, Subcommand, ValueEnum};
use whosaid::{Corpus, Error, Format, Input, Pipeline, Summary};

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
    /// Directories are walked recursively in file-name order, reading .txt files (doc id: the
    /// path relative to the directory) and .jsonl files (one {"id", "text", "publisher",
    /// "title"} object per line; doc id: the "id"). A file is read by its extension; `-`
    /// reads JSONL from stdin. Rows come out in corpus order whatever the thread count.
    Analyze(AnalyzeArgs),
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
    }
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
/// fatal error (output, thread pool) is returned.
fn run_analyze(
    args: &AnalyzeArgs,
    output: Option<&Path>,
    warnings: Rc<Cell<usize>>,
) -> whosaid::Result<Summary> {
    let pipeline = match args.threads {
        Some(n) => Pipeline::with_threads(n)?,
        None => Pipeline::new(),
    };
    let out: Box<dyn Write> = match output {
        Some(path) => {
            let file = File::create(path).map_err(|source| Error::Io {
                path: path.to_path_buf(),
                source,
            })?;
            Box::new(BufWriter::new(file))
        }
        None => Box::new(BufWriter::new(io::stdout().lock())),
    };
    let mut sink = Format::from(args.format).writer(out)?;

    let mut corpus =
        Corpus::new(args.paths.iter().map(|p| Input::from(p.as_path()))).on_warning(move |w| {
            warnings.set(warnings.get() + 1);
            eprintln!("whosaid: warning: {w}");
        });
    if let Some(path) = output {
        corpus = corpus.exclude(path);
    }
    pipeline.run(corpus, &mut sink, |e| eprintln!("whosaid: {e}"))
}

/// Whether two paths name the same existing file.
fn same_file(a: &Path, b: &Path) -> bool {
    match (fs::canonicalize(a), fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b && !a.is_dir(),
        _ => false,
    }
}

/// `52 documents read, 130 quotes found, 1 failure, 0 warnings`.
fn summary_line(summary: &Summary, warnings: usize) -> String {
    fn count(n: usize, one: &str, many: &str) -> String {
        format!("{n} {}", if n == 1 { one } else { many })
    }
    format!(
        "{} read, {} found, {}, {}",
        count(summary.documents, "document", "documents"),
        count(summary.quotes, "quote", "quotes"),
        count(summary.failures, "failure", "failures"),
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
            failures: 0,
        };
        assert_eq!(
            summary_line(&summary, 1),
            "1 document read, 2 quotes found, 0 failures, 1 warning"
        );
    }
}
