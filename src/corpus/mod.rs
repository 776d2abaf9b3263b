//! Corpus sources: the documents to analyze, read lazily from files, directories and stdin.
//!
//! A [`Corpus`] is an iterator of `Result<Document>` over a list of [`Input`]s, in order:
//!
//! - a directory is walked recursively, siblings in file-name order (depth first), reading
//!   every file of a known type (doc id = the path relative to the directory, with `/`
//!   separators, for one-document files); other files are skipped and counted;
//! - a file is read according to its extensions ([`compress::classify`]): `.txt` (one
//!   document, doc id = its file name), `.html`/`.htm` (one article, [`html`]), `.jsonl` (one
//!   record per line, [`jsonl`], doc id = the record's id field), `.warc` (one article per
//!   `response` record, [`warc`], doc id = its `WARC-Target-URI`); each may be compressed,
//!   `.gz` or `.zst` ([`compress`]);
//! - [`Input::Stdin`] (`-` on the command line) reads JSONL from standard input;
//! - [`Input::PathList`] (`--paths-from`) reads a list of paths, one per line, from a file or
//!   standard input, lazily, and reads each path as an [`Input::Path`] ([`paths`]).
//!
//! Text is decoded from UTF-8, UTF-16 with a byte-order mark, a declared charset, or a
//! detected legacy encoding such as Windows-1252 ([`decode`]); a guessed encoding or replaced
//! bytes leave a [`Warning`].
//!
//! Iterated, a [`Corpus`] gives documents, its warnings passed to [`Corpus::on_warning`] as
//! they are read. [`Corpus::entries`] gives [`Entry`]s instead: a file found (and measured)
//! but not yet read, a JSONL line not yet parsed, or a WARC page read as bytes, not yet
//! decoded nor its article extracted, which [`Entry::make`] does on whatever thread is handy (the analysis threads of [`crate::Pipeline`]: extracting the
//! article of a page takes more time than analyzing its text), each with the warnings of its
//! reading, so that every message can be reported in corpus order.
//!
//! Only one document is held at a time: JSONL is read line by line and WARC record by
//! record. A document (a file, a line, a record) larger than
//! [`ReadOptions::max_doc_bytes`] is skipped unread, never held.
//!
//! Problems are items, and the iteration goes on with the next document: a file or record
//! left out on purpose (unknown type, binary, empty, too large, no article in a page, a
//! symbolic link loop) is an [`Error::Skipped`]; one that cannot be read (I/O error, a file
//! gone since the directory was listed, a malformed line, a truncated compressed stream or
//! WARC record) is another [`Error`].

pub mod compress;
pub mod decode;
pub mod emit;
pub mod html;
pub mod jsonl;
pub mod paths;
pub mod warc;

use std::borrow::Cow;
use std::collections::VecDeque;
use std::fmt;
use std::fs;
use std::io::{self, BufRead, BufReader};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::document::Document;
use crate::error::{Error, Result};
use compress::{Bounded, Compression, Format};
pub use jsonl::{JsonlDocs, JsonlFields, JsonlLine, JsonlRecords};
pub use paths::PathList;

/// The name used for standard input in errors and warnings.
pub const STDIN_NAME: &str = "<stdin>";

/// The default of [`ReadOptions::max_doc_bytes`]: 64 MiB.
pub const DEFAULT_MAX_DOC_BYTES: u64 = 64 << 20;

/// One corpus source given by the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file or a directory.
    Path(PathBuf),
    /// JSONL on standard input.
    Stdin,
    /// A file listing paths, one per line (`-`: standard input), each read as a
    /// [`Input::Path`].
    PathList(PathBuf),
}

impl Input {
    /// Whether this input reads standard input (`-`, or a list of paths from `-`).
    pub fn reads_stdin(&self) -> bool {
        match self {
            Input::Stdin => true,
            Input::PathList(list) => list.as_os_str() == "-",
            Input::Path(_) => false,
        }
    }
}

impl From<PathBuf> for Input {
    /// `-` is standard input; anything else is a path.
    fn from(path: PathBuf) -> Self {
        if path.as_os_str() == "-" {
            Input::Stdin
        } else {
            Input::Path(path)
        }
    }
}

impl From<&Path> for Input {
    /// `-` is standard input; anything else is a path.
    fn from(path: &Path) -> Self {
        Input::from(path.to_path_buf())
    }
}

impl From<&str> for Input {
    /// `-` is standard input; anything else is a path.
    fn from(path: &str) -> Self {
        Input::from(PathBuf::from(path))
    }
}

/// How documents are read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadOptions {
    /// The keys of JSONL records.
    pub fields: JsonlFields,
    /// The largest document read, in bytes once decompressed: a `.txt` or `.html` file, a
    /// JSONL line, the page of a WARC record. Larger ones are skipped. Default
    /// [`DEFAULT_MAX_DOC_BYTES`].
    pub max_doc_bytes: u64,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            fields: JsonlFields::default(),
            max_doc_bytes: DEFAULT_MAX_DOC_BYTES,
        }
    }
}

/// Something odd in the input that does not stop it from being analyzed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// The file (`<stdin>` for standard input) or directory.
    pub path: PathBuf,
    /// The JSONL line, from 1, when the warning is about one line.
    pub line: Option<usize>,
    /// What happened.
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.path.display())?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// A directory being walked.
struct Walk {
    root: PathBuf,
    entries: walkdir::IntoIter,
    /// Files of a known type seen so far.
    found: usize,
}

/// A file being read one document at a time.
enum Stream {
    Jsonl(JsonlDocs<compress::Reader>),
    Warc {
        path: PathBuf,
        compression: Compression,
        responses: warc::Responses<compress::Reader>,
    },
}

/// The documents of a list of inputs, read lazily; see the [module docs](self).
pub struct Corpus {
    inputs: VecDeque<Input>,
    walk: Option<Walk>,
    stream: Option<Stream>,
    list: Option<PathList>,
    on_warning: Box<dyn FnMut(Warning)>,
    exclude: Vec<PathBuf>,
    options: ReadOptions,
    /// The file being read, for errors.
    current: PathBuf,
    /// Read as [`Entries`]: warnings are kept in `pending` for the next entry instead of
    /// going to `on_warning`.
    deferred: bool,
    pending: Vec<Warning>,
}

impl fmt::Debug for Corpus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Corpus")
            .field("inputs", &self.inputs)
            .field("walking", &self.walk.as_ref().map(|w| &w.root))
            .field("list", &self.list)
            .field("exclude", &self.exclude)
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}

impl Corpus {
    /// A corpus reading `inputs` in order. Warnings are printed on stderr as
    /// `whosaid: warning: PATH[:LINE]: message` unless [`Corpus::on_warning`] says otherwise.
    pub fn new<I>(inputs: I) -> Self
    where
        I: IntoIterator,
        I::Item: Into<Input>,
    {
        Corpus {
            inputs: inputs.into_iter().map(Into::into).collect(),
            walk: None,
            stream: None,
            list: None,
            on_warning: Box::new(|w| eprintln!("whosaid: warning: {w}")),
            exclude: Vec::new(),
            options: ReadOptions::default(),
            current: PathBuf::new(),
            deferred: false,
            pending: Vec::new(),
        }
    }

    /// Reads with these options instead of the defaults.
    pub fn options(mut self, options: ReadOptions) -> Self {
        self.options = options;
        self
    }

    /// Calls `f` on each warning instead of printing it. (Read as [`Corpus::entries`], the
    /// warnings go with the entries instead.)
    pub fn on_warning(mut self, f: impl FnMut(Warning) + 'static) -> Self {
        self.on_warning = Box::new(f);
        self
    }

    /// The corpus as [`Entry`]s: files are found and measured but not read, JSONL lines
    /// read but not parsed, WARC pages read but not decoded nor their article extracted,
    /// which [`Entry::make`] does later, on another thread if need be (the analysis threads
    /// of [`crate::Pipeline`]). (Compressed `.txt` and `.html` files come read and
    /// decompressed, so that their size is known.) Each warning
    /// goes with the entry it is about (or, when it is about none, such as a folder without
    /// any file to read, with an entry of its own), so that a consumer can report every
    /// message in corpus order.
    pub fn entries(mut self) -> Entries {
        self.deferred = true;
        Entries {
            corpus: self,
            held: None,
        }
    }

    /// Passes a warning on: to `on_warning`, or with the next entry.
    fn warn(&mut self, warning: Warning) {
        if self.deferred {
            self.pending.push(warning);
        } else {
            (self.on_warning)(warning);
        }
    }

    /// Runs `f`, one step of reading; a panic in a reader (the HTML, WARC or compression
    /// crates on input they did not expect) is caught and becomes an error naming the file,
    /// whose stream is closed.
    fn caught<T>(&mut self, f: impl FnOnce(&mut Self) -> Option<Result<T>>) -> Option<Result<T>> {
        match panic::catch_unwind(AssertUnwindSafe(|| f(self))) {
            Ok(item) => item,
            Err(payload) => {
                self.stream = None;
                Some(Err(reader_failed(&self.current, payload.as_ref())))
            }
        }
    }

    /// Skips this file when walking directories: the tool's own output file (and its
    /// temporary file), when it is written inside a corpus directory. Does nothing if the
    /// file does not exist. May be called several times.
    pub fn exclude(mut self, path: impl AsRef<Path>) -> Self {
        self.exclude.extend(fs::canonicalize(path));
        self
    }

    fn is_excluded(&self, path: &Path) -> bool {
        self.exclude.iter().any(|ex| {
            ex.file_name() == path.file_name() && fs::canonicalize(path).is_ok_and(|p| &p == ex)
        })
    }

    /// Starts reading an input. Returns an item when the input is one (a one-document file
    /// or an error); otherwise sets up `walk` or `stream`.
    fn start(&mut self, input: Input) -> Option<Result<Entry>> {
        let path = match input {
            Input::Stdin => {
                self.current = PathBuf::from(STDIN_NAME);
                let stdin: compress::Reader = Box::new(BufReader::new(io::stdin()));
                self.stream = Some(Stream::Jsonl(JsonlDocs::new(
                    stdin,
                    STDIN_NAME,
                    self.options.fields.clone(),
                    self.options.max_doc_bytes,
                )));
                return None;
            }
            Input::PathList(list) => {
                let reader: Box<dyn BufRead> = if list.as_os_str() == "-" {
                    Box::new(BufReader::new(io::stdin()))
                } else {
                    match fs::File::open(&list) {
                        Ok(file) => Box::new(BufReader::new(file)),
                        Err(source) => return Some(Err(Error::Io { path: list, source })),
                    }
                };
                let name = if list.as_os_str() == "-" {
                    PathBuf::from(STDIN_NAME)
                } else {
                    list
                };
                self.list = Some(PathList::new(reader, name));
                return None;
            }
            Input::Path(path) => path,
        };
        let meta = match fs::metadata(&path) {
            Ok(meta) => meta,
            Err(source) => return Some(Err(Error::Io { path, source })),
        };
        if meta.is_dir() {
            let entries = WalkDir::new(&path)
                .follow_links(true)
                .sort_by(by_file_name)
                .into_iter();
            self.walk = Some(Walk {
                root: path,
                entries,
                found: 0,
            });
            return None;
        }
        match compress::classify(&path) {
            Some((format, compression)) => {
                let id = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| path.to_string_lossy().into_owned());
                self.open(&path, id, format, compression)
            }
            None => Some(Err(Error::Unsupported { path })),
        }
    }

    /// Measures a one-document file ([`Entry::make`] reads and decodes it; a compressed one
    /// is read here, where its size is learned), or sets up the stream of a many-document
    /// file.
    fn open(
        &mut self,
        path: &Path,
        id: String,
        format: Format,
        compression: Compression,
    ) -> Option<Result<Entry>> {
        self.current = path.to_path_buf();
        let max = self.options.max_doc_bytes;
        match format {
            // An uncompressed file is only measured here (its size counts against the
            // pipeline's read-ahead): opening and reading it is left to `Entry::make` too.
            Format::Txt | Format::Html if compression == Compression::None => {
                Some(file_size(path, max).map(|size| {
                    Entry::new(Unmade::Path {
                        path: path.to_path_buf(),
                        id,
                        format,
                        size,
                        max,
                    })
                }))
            }
            Format::Txt | Format::Html => Some(read_bytes(path, compression, max).map(|bytes| {
                Entry::new(Unmade::File {
                    path: path.to_path_buf(),
                    id,
                    format,
                    bytes,
                })
            })),
            Format::Jsonl => match open_text_stream(path, compression) {
                Ok(reader) => {
                    let fields = self.options.fields.clone();
                    self.stream = Some(Stream::Jsonl(JsonlDocs::new(reader, path, fields, max)));
                    None
                }
                Err(e) => Some(Err(e)),
            },
            Format::Warc => match compress::open(path, compression) {
                Ok(reader) => {
                    self.stream = Some(Stream::Warc {
                        path: path.to_path_buf(),
                        compression,
                        responses: warc::Responses::new(reader, max),
                    });
                    None
                }
                Err(source) => Some(Err(Error::Io {
                    path: path.to_path_buf(),
                    source,
                })),
            },
        }
    }

    /// The next item of the open stream, `None` when it has ended (and is closed).
    fn step_stream(&mut self) -> Option<Result<Entry>> {
        let item = match self.stream.as_mut()? {
            // Lines are parsed by `Entry::make`.
            Stream::Jsonl(docs) => docs
                .next_line()
                .map(|line| line.map(|line| Entry::new(Unmade::Jsonl(line)))),
            Stream::Warc {
                path,
                compression,
                responses,
            } => responses.next().map(|item| match item {
                Ok(response) => Ok(Entry::new(Unmade::Warc {
                    path: path.clone(),
                    response,
                })),
                Err(e) => Err(warc_error(path, *compression, e)),
            }),
        };
        if item.is_none() {
            self.stream = None;
        }
        item
    }

    /// The next item of the directory walk, or `None` when the walk step gave none (a
    /// directory, an excluded file, a stream opened, or the end of the walk).
    fn step_walk(&mut self) -> Option<Result<Entry>> {
        let walk = self.walk.as_mut()?;
        let entry = match walk.entries.next() {
            None => {
                if walk.found == 0 {
                    let w = Warning {
                        path: walk.root.clone(),
                        line: None,
                        message: "no files of a known type found".into(),
                    };
                    self.warn(w);
                }
                self.walk = None;
                return None;
            }
            Some(Err(e)) => return Some(Err(walk_error(e, &walk.root))),
            Some(Ok(entry)) => entry,
        };
        let file_type = entry.file_type();
        if file_type.is_dir() {
            return None;
        }
        let path = entry.path().to_path_buf();
        if self.is_excluded(&path) {
            return None;
        }
        if !file_type.is_file() {
            return Some(Err(Error::Skipped {
                path,
                line: None,
                reason: "not a regular file".into(),
            }));
        }
        let root = &self.walk.as_ref()?.root;
        let id = relative_id(&path, root);
        let Some((format, compression)) = compress::classify(&path) else {
            return Some(Err(Error::Skipped {
                path,
                line: None,
                reason: "unknown file type".into(),
            }));
        };
        if let Some(walk) = self.walk.as_mut() {
            walk.found += 1;
        }
        self.open(&path, id, format, compression)
    }
}

impl Iterator for Corpus {
    type Item = Result<Document>;

    /// The next document or problem, its warnings passed to [`Corpus::on_warning`]. A panic
    /// in a reader (the HTML, WARC or compression crates on input they did not expect) is
    /// caught and becomes an error naming the file; that file's stream is closed and the
    /// iteration goes on.
    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let made = match self.caught(|corpus| corpus.step().map(|e| e.map(Entry::make)))? {
                Ok(made) => made,
                Err(e) => return Some(Err(e)),
            };
            for w in made.warnings {
                (self.on_warning)(w);
            }
            if let Some(doc) = made.document {
                return Some(doc);
            }
        }
    }
}

/// The entries of a corpus, read but not yet made into documents; see [`Corpus::entries`].
#[derive(Debug)]
pub struct Entries {
    corpus: Corpus,
    /// An item read after warnings that had to go first, in an entry of their own.
    held: Option<Option<Result<Entry>>>,
}

impl Iterator for Entries {
    type Item = Result<Entry>;

    /// The next entry or problem, with the warnings read since the last one. Panics in a
    /// reader are caught as by [`Corpus`]'s `next`.
    fn next(&mut self) -> Option<Self::Item> {
        if let Some(item) = self.held.take() {
            return item;
        }
        let item = self.corpus.caught(Corpus::step);
        let warnings = std::mem::take(&mut self.corpus.pending);
        if warnings.is_empty() {
            return item;
        }
        match item {
            Some(Ok(mut entry)) => {
                entry.warnings.splice(0..0, warnings);
                Some(Ok(entry))
            }
            other => {
                self.held = Some(other);
                Some(Ok(Entry::warnings(warnings)))
            }
        }
    }
}

/// A document as [`Corpus::entries`] reads it: a file that [`Entry::make`] reads and
/// decodes, a JSONL line that it parses, or the bytes of a WARC page (or of a compressed
/// file) that it decodes, extracting the article of a page: what need not be done in corpus
/// order, left for the thread that analyzes the document. The warnings of its reading go
/// with it.
#[derive(Debug)]
pub struct Entry {
    warnings: Vec<Warning>,
    unmade: Unmade,
}

/// What an [`Entry`] holds.
#[derive(Debug)]
enum Unmade {
    /// The document or error, made already (or nothing: an entry of warnings only).
    Made(Option<Result<Document>>),
    /// An uncompressed `.txt` or `.html` file, to read: its size, and the size limit.
    Path {
        path: PathBuf,
        id: String,
        format: Format,
        size: u64,
        max: u64,
    },
    /// The bytes of a compressed `.txt` or `.html` file, decompressed.
    File {
        path: PathBuf,
        id: String,
        format: Format,
        bytes: Vec<u8>,
    },
    /// A line of a JSONL file, to parse.
    Jsonl(JsonlLine),
    /// A `response` record of a WARC file.
    Warc {
        path: PathBuf,
        response: warc::Response,
    },
}

/// What an [`Entry`] was made into.
#[derive(Debug)]
pub struct Made {
    /// The warnings of its reading, in order: before its document or error.
    pub warnings: Vec<Warning>,
    /// The document, or why there is none (a page without article text is an
    /// [`Error::Skipped`]); `None` for an entry of warnings only.
    pub document: Option<Result<Document>>,
}

impl Entry {
    fn new(unmade: Unmade) -> Self {
        Entry {
            warnings: Vec::new(),
            unmade,
        }
    }

    /// An entry of warnings only.
    fn warnings(warnings: Vec<Warning>) -> Self {
        Entry {
            warnings,
            unmade: Unmade::Made(None),
        }
    }

    /// The bytes it holds: the text of a document, the bytes of a file or page.
    pub fn bytes(&self) -> usize {
        match &self.unmade {
            Unmade::Made(Some(Ok(doc))) => doc.text.len(),
            Unmade::Made(_) => 0,
            Unmade::Path { size, .. } => usize::try_from(*size).unwrap_or(usize::MAX),
            Unmade::File { bytes, .. } => bytes.len(),
            Unmade::Jsonl(line) => line.len(),
            Unmade::Warc { response, .. } => response.page.as_ref().map_or(0, |p| p.html.len()),
        }
    }

    /// Decodes the bytes (and extracts the article of a page) into the document, as
    /// [`Corpus`] does when iterated. A panic of the decoding or HTML crates becomes an
    /// error naming the file.
    pub fn make(self) -> Made {
        let mut warnings = self.warnings;
        let (path, made) = match self.unmade {
            Unmade::Made(document) => return Made { warnings, document },
            Unmade::Path {
                path,
                id,
                format,
                size,
                max,
            } => {
                let made = panic::catch_unwind(AssertUnwindSafe(|| {
                    read_body(&path, Compression::None, max, size)
                        .and_then(|bytes| one_document(&path, id, format, bytes))
                        .map_or_else(|e| (Err(e), None), |(doc, w)| (Ok(doc), w))
                }));
                (path, made)
            }
            Unmade::File {
                path,
                id,
                format,
                bytes,
            } => {
                let made = panic::catch_unwind(AssertUnwindSafe(|| {
                    one_document(&path, id, format, bytes)
                        .map_or_else(|e| (Err(e), None), |(doc, w)| (Ok(doc), w))
                }));
                (path, made)
            }
            Unmade::Jsonl(line) => {
                let path = line.path().to_path_buf();
                (
                    path,
                    panic::catch_unwind(AssertUnwindSafe(|| line.document())),
                )
            }
            Unmade::Warc { path, response } => {
                let made = panic::catch_unwind(AssertUnwindSafe(|| warc_page(&path, response)));
                (path, made)
            }
        };
        let document = match made {
            Ok((document, warning)) => {
                warnings.extend(warning);
                document
            }
            Err(payload) => Err(reader_failed(&path, payload.as_ref())),
        };
        Made {
            warnings,
            document: Some(document),
        }
    }
}

impl From<Document> for Entry {
    /// A document made already.
    fn from(doc: Document) -> Self {
        Entry::new(Unmade::Made(Some(Ok(doc))))
    }
}

impl From<Made> for Entry {
    /// An entry made already (e.g. on the reading thread, to write its text out), whose
    /// [`Entry::make`] gives `made` back.
    fn from(made: Made) -> Self {
        Entry {
            warnings: made.warnings,
            unmade: Unmade::Made(made.document),
        }
    }
}

/// The error of a reader that panicked on `path`.
fn reader_failed(path: &Path, payload: &(dyn std::any::Any + Send)) -> Error {
    Error::Record {
        path: path.to_path_buf(),
        line: None,
        doc: None,
        message: format!("reader failed: {}", panic_message(payload)),
    }
}

/// The message of a panic payload.
pub(crate) fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "panic".to_string()
    }
}

impl Corpus {
    /// One step of reading: the next entry or problem.
    fn step(&mut self) -> Option<Result<Entry>> {
        loop {
            if self.stream.is_some() {
                if let Some(item) = self.step_stream() {
                    return Some(item);
                }
            } else if self.walk.is_some() {
                if let Some(item) = self.step_walk() {
                    return Some(item);
                }
            } else if let Some(list) = self.list.as_mut() {
                match list.next() {
                    Some(Ok(path)) => {
                        if let Some(item) = self.start(Input::Path(path)) {
                            return Some(item);
                        }
                    }
                    Some(Err(e)) => return Some(Err(e)),
                    None => self.list = None,
                }
            } else {
                let input = self.inputs.pop_front()?;
                if let Some(item) = self.start(input) {
                    return Some(item);
                }
            }
        }
    }
}

/// The doc id of a file found under `root`: its relative path with `/` separators.
pub(crate) fn relative_id(path: &Path, root: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let parts: Vec<Cow<'_, str>> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect();
    parts.join("/")
}

fn walk_error(e: walkdir::Error, root: &Path) -> Error {
    let path = e.path().unwrap_or(root).to_path_buf();
    if let Some(ancestor) = e.loop_ancestor() {
        return Error::Skipped {
            reason: format!("symbolic link loop (back to {})", ancestor.display()),
            path,
            line: None,
        };
    }
    if e.io_error().is_some() {
        match e.into_io_error() {
            Some(source) => Error::Io { path, source },
            None => unreachable!("checked io_error() above"),
        }
    } else {
        Error::Walk { path, source: e }
    }
}

/// `gzip` or `zstd`, or `None` for no compression.
fn compression_name(compression: Compression) -> Option<&'static str> {
    match compression {
        Compression::None => None,
        Compression::Gzip => Some("gzip"),
        Compression::Zstd => Some("zstd"),
    }
}

/// An error reading a file through its decompressor: an I/O error of an uncompressed file,
/// else a malformed (corrupt or truncated) compressed stream.
fn read_error(path: &Path, compression: Compression, source: io::Error) -> Error {
    match compression {
        Compression::None => Error::Io {
            path: path.to_path_buf(),
            source,
        },
        Compression::Gzip | Compression::Zstd => {
            let what = if compression == Compression::Gzip {
                "gzip"
            } else {
                "zstd"
            };
            let reason = if source.kind() == io::ErrorKind::UnexpectedEof {
                "truncated".to_string()
            } else {
                source.to_string()
            };
            Error::Record {
                path: path.to_path_buf(),
                line: None,
                doc: None,
                message: format!("corrupt {what} data: {reason}"),
            }
        }
    }
}

/// The document of a WARC response, or why there is none, with a warning when the page's
/// encoding had to be guessed.
fn warc_document(
    path: &Path,
    compression: Compression,
    item: std::result::Result<warc::Response, warc::WarcError>,
) -> (Result<Document>, Option<Warning>) {
    match item {
        Ok(response) => warc_page(path, response),
        Err(e) => (Err(warc_error(path, compression, e)), None),
    }
}

/// The error of a WARC record that could not be read.
fn warc_error(path: &Path, compression: Compression, e: warc::WarcError) -> Error {
    let message = match compression_name(compression) {
        Some(what) if e.read_error => {
            format!("record {}: corrupt {what} data: {}", e.index, e.message)
        }
        _ => e.to_string(),
    };
    Error::Record {
        path: path.to_path_buf(),
        line: None,
        doc: None,
        message,
    }
}

/// The document of a WARC response's page: decoded, its article extracted.
fn warc_page(path: &Path, response: warc::Response) -> (Result<Document>, Option<Warning>) {
    let skipped = |reason: String| Error::Skipped {
        path: path.to_path_buf(),
        line: None,
        reason: format!("{}: {reason}", response.label()),
    };
    let page = match &response.page {
        Ok(page) => page,
        Err(reason) => return (Err(skipped(reason.clone())), None),
    };
    if decode::looks_binary(&page.html) {
        return (Err(skipped("binary content".into())), None);
    }
    let decoded = decode::decode_html(&page.html, page.charset.as_deref());
    let warning = decoded.note().map(|note| Warning {
        path: path.to_path_buf(),
        line: None,
        message: format!("{}: {note}", response.label()),
    });
    let doc = html::extract(&decoded.text, response.uri.as_deref())
        .map_err(skipped)
        .map(|article| {
            let id = response
                .uri
                .clone()
                .unwrap_or_else(|| format!("{}#{}", path.display(), response.index));
            article.into_document(id)
        });
    (doc, warning)
}

/// Reads a whole file, decompressed, unless it is larger than `max` bytes, empty or binary
/// (each an [`Error::Skipped`]).
fn read_bytes(path: &Path, compression: Compression, max: u64) -> Result<Vec<u8>> {
    let size = if compression == Compression::None {
        file_size(path, max)?
    } else {
        0
    };
    read_body(path, compression, max, size)
}

/// The size of a file, unless it is larger than `max` bytes (an [`Error::Skipped`]).
fn file_size(path: &Path, max: u64) -> Result<u64> {
    let meta = fs::metadata(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    if meta.len() > max {
        return Err(Error::Skipped {
            path: path.to_path_buf(),
            line: None,
            reason: format!(
                "{} bytes, over the limit of {max} bytes (--max-doc-bytes)",
                meta.len()
            ),
        });
    }
    Ok(meta.len())
}

/// Reads a whole file, decompressed, unless it holds more than `max` bytes, or is empty or
/// binary (each an [`Error::Skipped`]); the part of [`read_bytes`] after the size check.
/// `size` is the file's size as last seen (0 if unknown), to read it into a buffer as large.
fn read_body(path: &Path, compression: Compression, max: u64, size: u64) -> Result<Vec<u8>> {
    let skipped = |reason: String| Error::Skipped {
        path: path.to_path_buf(),
        line: None,
        reason,
    };
    let too_large = || {
        skipped(format!(
            "larger than the limit of {max} bytes (--max-doc-bytes)"
        ))
    };
    let reader = compress::open(path, compression).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let bytes = match compress::read_bounded(reader, max, size) {
        Ok(Bounded::Whole(bytes)) => bytes,
        Ok(Bounded::TooLarge) => return Err(too_large()),
        Err(e) => return Err(read_error(path, compression, e)),
    };
    if bytes.is_empty() {
        return Err(skipped("empty file".into()));
    }
    if decode::looks_binary(&bytes) {
        return Err(skipped("binary file".into()));
    }
    Ok(bytes)
}

/// The document of the bytes of a `.txt` or `.html` file (`path` names it in messages).
fn one_document(
    path: &Path,
    id: String,
    format: Format,
    bytes: Vec<u8>,
) -> Result<(Document, Option<Warning>)> {
    let decoded = match format {
        Format::Html => decode::decode_html(&bytes, None),
        _ => decode::decode_owned(bytes),
    };
    let warning = decoded.note().map(|message| Warning {
        path: path.to_path_buf(),
        line: None,
        message,
    });
    let doc = match format {
        Format::Html => html::extract(&decoded.text, None)
            .map_err(|reason| Error::Skipped {
                path: path.to_path_buf(),
                line: None,
                reason,
            })?
            .into_document(id),
        _ => Document::new(id, decoded.text),
    };
    Ok((doc, warning))
}

/// Opens a text stream (JSONL), decompressed; a binary or empty-looking start is skipped.
fn open_text_stream(path: &Path, compression: Compression) -> Result<compress::Reader> {
    let mut reader = compress::open(path, compression).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let head = reader
        .fill_buf()
        .map_err(|e| read_error(path, compression, e))?;
    if head.is_empty() {
        return Err(Error::Skipped {
            path: path.to_path_buf(),
            line: None,
            reason: "empty file".into(),
        });
    }
    if decode::looks_binary(head) {
        return Err(Error::Skipped {
            path: path.to_path_buf(),
            line: None,
            reason: "binary file".into(),
        });
    }
    Ok(reader)
}

/// The documents of a file held in memory, read as a file named `name` would be (its
/// extensions tell the format and compression; the doc id of a one-document file is
/// `name`), warnings dropped. For tests and fuzzing: the corpus itself streams files.
pub fn read_memory(name: &str, bytes: &[u8], options: &ReadOptions) -> Vec<Result<Document>> {
    let path = Path::new(name);
    let Some((format, compression)) = compress::classify(path) else {
        return vec![Err(Error::Unsupported {
            path: path.to_path_buf(),
        })];
    };
    let max = options.max_doc_bytes;
    let reader = match compress::wrap(io::Cursor::new(bytes.to_vec()), compression) {
        Ok(reader) => reader,
        Err(e) => return vec![Err(read_error(path, compression, e))],
    };
    match format {
        Format::Txt | Format::Html => {
            let bytes = match compress::read_bounded(reader, max, 0) {
                Ok(Bounded::Whole(bytes)) => bytes,
                Ok(Bounded::TooLarge) => {
                    return vec![Err(Error::Skipped {
                        path: path.to_path_buf(),
                        line: None,
                        reason: "too large".into(),
                    })];
                }
                Err(e) => return vec![Err(read_error(path, compression, e))],
            };
            if bytes.is_empty() || decode::looks_binary(&bytes) {
                return vec![Err(Error::Skipped {
                    path: path.to_path_buf(),
                    line: None,
                    reason: "empty or binary".into(),
                })];
            }
            vec![one_document(path, name.to_string(), format, bytes).map(|(doc, _)| doc)]
        }
        Format::Jsonl => JsonlDocs::new(reader, path, options.fields.clone(), max).collect(),
        Format::Warc => warc::Responses::new(reader, max)
            .map(|item| warc_document(path, compression, item).0)
            .collect(),
    }
}

/// Reads a `.txt` file as a document with id `id`, decoding it as [`decode`] says; a warning
/// naming the file is returned with it when the encoding had to be guessed or bytes were
/// replaced. Unlike the corpus, it has no size limit and reads empty and binary files.
pub fn read_txt(path: &Path, id: String) -> Result<(Document, Option<Warning>)> {
    let bytes = fs::read(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let decoded = decode::decode_owned(bytes);
    let warning = decoded.note().map(|message| Warning {
        path: path.to_path_buf(),
        line: None,
        message,
    });
    Ok((Document::new(id, decoded.text), warning))
}

/// The order of the entries of a folder: by file name, as `WalkDir::sort_by_file_name`
/// orders them. The entries sorted together are siblings, whose paths are their parent's path
/// and a separator before their names: comparing the whole paths as bytes compares the names,
/// without finding the name at the end of each path at each comparison (which took 1,300
/// instructions a comparison, 1.2% of a whole run on folders of 840 articles).
fn by_file_name(a: &walkdir::DirEntry, b: &walkdir::DirEntry) -> std::cmp::Ordering {
    debug_assert_eq!(a.path().parent(), b.path().parent());
    a.path().as_os_str().cmp(b.path().as_os_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;
    use std::rc::Rc;

    fn write(root: &Path, rel: &str, content: &[u8]) {
        let path = root.join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, content).unwrap();
    }

    /// Runs a corpus, returning the ids read, the error messages and the warnings.
    fn collect(corpus: Corpus) -> (Vec<String>, Vec<String>, Vec<String>) {
        let warnings = Rc::new(RefCell::new(Vec::new()));
        let sink = Rc::clone(&warnings);
        let corpus = corpus.on_warning(move |w| sink.borrow_mut().push(w.to_string()));
        let mut ids = Vec::new();
        let mut errors = Vec::new();
        for item in corpus {
            match item {
                Ok(doc) => ids.push(doc.id),
                Err(e) => errors.push(e.to_string()),
            }
        }
        let warnings = warnings.borrow().clone();
        (ids, errors, warnings)
    }

    #[test]
    fn walks_in_file_name_order_depth_first() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(root, "b.txt", b"B");
        write(root, "a/z.txt", b"Z");
        write(root, "a/c/d.txt", b"D");
        write(
            root,
            "a/m.jsonl",
            b"{\"id\":\"m1\",\"text\":\"x\"}\n{\"id\":\"m2\",\"text\":\"y\"}\n",
        );
        write(root, "notes.md", b"skipped");
        write(root, "C.TXT", b"upper-case extension");
        let (ids, errors, warnings) = collect(Corpus::new([root]));
        assert_eq!(ids, ["C.TXT", "a/c/d.txt", "m1", "m2", "a/z.txt", "b.txt"]);
        assert_eq!(errors.len(), 1);
        assert!(
            errors[0].ends_with("notes.md: skipped: unknown file type"),
            "{errors:?}"
        );
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    #[test]
    fn folders_are_walked_in_the_order_of_sort_by_file_name() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for name in [
            "a.txt",
            "a b.txt",
            "a-b.txt",
            "A.txt",
            "ab/x.txt",
            "ab/x/y.txt",
            "ab/x0.txt",
            "ab.txt",
            "a/b/c.txt",
            "a/a.txt",
            "a/.txt",
            "a/a",
            "é.txt",
            "e.txt",
            "z.txt",
            "0.txt",
            "~.txt",
        ] {
            write(root, name, b"x");
        }
        let walk = |by_name: bool| -> Vec<PathBuf> {
            let walk = WalkDir::new(root).follow_links(true);
            let walk = if by_name {
                walk.sort_by_file_name()
            } else {
                walk.sort_by(by_file_name)
            };
            walk.into_iter().map(|e| e.unwrap().into_path()).collect()
        };
        let expected = walk(true);
        assert!(expected.len() > 20, "{expected:?}");
        assert_eq!(walk(false), expected);
    }

    #[test]
    fn inputs_are_read_in_the_order_given() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(root, "x/2.txt", b"two");
        write(root, "y/1.txt", b"one");
        let (ids, _, _) = collect(Corpus::new([root.join("y"), root.join("x")]));
        assert_eq!(ids, ["1.txt", "2.txt"]);
    }

    #[test]
    fn txt_text_is_read_whole_and_a_direct_file_is_named_by_its_file_name() {
        let dir = tempfile::tempdir().unwrap();
        write(
            dir.path(),
            "sub/story.txt",
            b"\xEF\xBB\xBF\"Hi,\" he said.\n",
        );
        let docs: Vec<Document> = Corpus::new([dir.path().join("sub/story.txt")])
            .map(Result::unwrap)
            .collect();
        assert_eq!(docs, [Document::new("story.txt", "\"Hi,\" he said.\n")]);
    }

    #[test]
    fn invalid_utf8_is_decoded_lossily_with_a_warning() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "bad.txt", b"caf\xE9 \"ok,\" she said");
        let warnings = Rc::new(RefCell::new(Vec::new()));
        let sink = Rc::clone(&warnings);
        let docs: Vec<Document> = Corpus::new([dir.path()])
            .on_warning(move |w| sink.borrow_mut().push(w))
            .map(Result::unwrap)
            .collect();
        assert_eq!(docs[0].text, "café \"ok,\" she said");
        let warnings = warnings.borrow();
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].path, dir.path().join("bad.txt"));
    }

    #[test]
    fn failures_are_items_and_reading_goes_on() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(root, "ok.txt", b"fine");
        write(root, "other.csv", b"a,b");
        let inputs = [
            root.join("missing"),
            root.join("other.csv"),
            root.join("ok.txt"),
        ];
        let (ids, errors, _) = collect(Corpus::new(inputs));
        assert_eq!(ids, ["ok.txt"]);
        assert_eq!(errors.len(), 2);
        assert!(errors[0].starts_with(&root.join("missing").display().to_string()));
        assert!(errors[1].contains("unsupported file type (expected .txt, .jsonl"));
    }

    #[test]
    fn an_empty_directory_warns() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "readme.md", b"nothing to read");
        let (ids, errors, warnings) = collect(Corpus::new([dir.path()]));
        assert!(ids.is_empty());
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].ends_with("no files of a known type found"));
    }

    #[test]
    fn the_excluded_file_is_skipped() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "a.txt", b"A");
        write(dir.path(), "out.jsonl", b"{\"doc\":\"a.txt\"}\n");
        let corpus = Corpus::new([dir.path()]).exclude(dir.path().join("out.jsonl"));
        let (ids, errors, _) = collect(corpus);
        assert_eq!(ids, ["a.txt"]);
        assert!(errors.is_empty(), "{errors:?}");
    }

    #[test]
    fn dash_is_stdin() {
        assert_eq!(Input::from("-"), Input::Stdin);
        assert_eq!(Input::from("./-"), Input::Path("./-".into()));
        assert!(Input::Stdin.reads_stdin());
        assert!(Input::PathList("-".into()).reads_stdin());
        assert!(!Input::PathList("list.txt".into()).reads_stdin());
        assert!(!Input::from("a.txt").reads_stdin());
    }

    #[test]
    fn a_path_list_reads_each_path_as_if_given_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(root, "news/a.txt", b"A");
        write(root, "folder/x/b.txt", b"B");
        write(root, "one.jsonl", b"{\"id\":\"j1\",\"text\":\"J\"}\n");
        let list = format!(
            "{}\n\n{}\r\n{}\n{}\n",
            root.join("news/a.txt").display(),
            root.join("missing.txt").display(),
            root.join("folder").display(),
            root.join("one.jsonl").display(),
        );
        write(root, "list.txt", list.as_bytes());
        let inputs = [
            Input::from(root.join("news/a.txt")),
            Input::PathList(root.join("list.txt")),
            Input::PathList(root.join("no-list.txt")),
        ];
        let (ids, errors, _) = collect(Corpus::new(inputs));
        assert_eq!(ids, ["a.txt", "a.txt", "x/b.txt", "j1"]);
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(errors[0].contains("missing.txt: "), "{errors:?}");
        assert!(errors[1].contains("no-list.txt: "), "{errors:?}");
    }

    /// A tree with a bit of everything: text in a legacy encoding, a page, a page without an
    /// article, a WARC file with a page in Latin-1, JSONL with an invalid line and a line of
    /// invalid UTF-8, a file of no known type, a folder with nothing to read.
    fn mixed_tree(root: &Path) -> Vec<PathBuf> {
        use crate::corpus::warc::build::{http_html, record};
        let page = |title: &str, body: &str| {
            format!(
                "<html><head><title>{title}</title></head><body><article><h1>{title}</h1>\
                 <p>{body}</p><p>{body}</p></article></body></html>"
            )
        };
        write(root, "a/1.txt", b"\"Fine,\" he said.");
        write(root, "a/2.txt", b"caf\xE9 \"ok,\" she said");
        let body = "\"We will build it,\" the mayor said on Tuesday, standing by the river.";
        write(root, "a/3.html", page("Bridge plan", body).as_bytes());
        write(
            root,
            "a/4.html",
            b"<html><body><nav>menu</nav></body></html>",
        );
        write(root, "a/5.md", b"notes");
        let mut warc = record("warcinfo", None, b"software: test\r\n");
        warc.extend(record(
            "response",
            Some("https://example.com/x"),
            &http_html(page("One", body).as_bytes(), None),
        ));
        // A Latin-1 page: "café" with a single byte for the é.
        let latin_bytes: Vec<u8> = page("Two", &format!("{body} caf#"))
            .bytes()
            .map(|b| if b == b'#' { 0xE9 } else { b })
            .collect();
        warc.extend(record(
            "response",
            Some("https://example.com/y"),
            &http_html(&latin_bytes, None),
        ));
        write(root, "b/news.warc", &warc);
        write(
            root,
            "c/d.jsonl",
            b"{\"id\":\"j1\",\"text\":\"x\"}\n{bad\n{\"id\":\"j2\",\"text\":\"caf\xE9\"}\n",
        );
        fs::create_dir_all(root.join("empty")).unwrap();
        vec![
            root.join("a"),
            root.join("empty"),
            root.join("b"),
            root.join("c"),
            root.join("missing.txt"),
        ]
    }

    /// Every message and document of a run, in order: `doc ID TEXT`, `error ...`,
    /// `warning ...`.
    fn events_of(items: impl Iterator<Item = Made>) -> Vec<String> {
        let mut events = Vec::new();
        for made in items {
            events.extend(made.warnings.iter().map(|w| format!("warning {w}")));
            match made.document {
                Some(Ok(doc)) => events.push(format!("doc {} {:?}", doc.id, doc.text)),
                Some(Err(e)) => events.push(format!("error {e}")),
                None => {}
            }
        }
        events
    }

    #[test]
    fn entries_made_later_give_what_the_corpus_gives_with_every_message_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let inputs = mixed_tree(dir.path());
        // The corpus iterated: warnings through the callback, as they are read.
        let events = Rc::new(RefCell::new(Vec::new()));
        let sink = Rc::clone(&events);
        let corpus = Corpus::new(inputs.clone())
            .on_warning(move |w| sink.borrow_mut().push(format!("warning {w}")));
        for item in corpus {
            let event = match item {
                Ok(doc) => format!("doc {} {:?}", doc.id, doc.text),
                Err(e) => format!("error {e}"),
            };
            events.borrow_mut().push(event);
        }
        let expected = events.borrow().clone();
        assert_eq!(expected.iter().filter(|e| e.starts_with("doc")).count(), 7);
        assert_eq!(
            expected.iter().filter(|e| e.starts_with("warning")).count(),
            4
        );
        assert_eq!(
            expected.iter().filter(|e| e.starts_with("error")).count(),
            4
        );

        // The entries: the callback is not called, each warning goes with its entry.
        let corpus = Corpus::new(inputs).on_warning(|w| panic!("{w}"));
        let mut entries = Vec::new();
        for item in corpus.entries() {
            entries.push(match item {
                Ok(entry) => entry,
                Err(e) => Entry::from(Made {
                    warnings: Vec::new(),
                    document: Some(Err(e)),
                }),
            });
        }
        let unmade = entries
            .iter()
            .filter(|e| matches!(e.unmade, Unmade::Path { .. } | Unmade::Warc { .. }))
            .count();
        assert_eq!(unmade, 6, "the files and pages are left to make");
        let html = entries
            .iter()
            .find(|e| {
                matches!(
                    &e.unmade,
                    Unmade::Path {
                        format: Format::Html,
                        ..
                    }
                )
            })
            .unwrap();
        assert_eq!(
            html.bytes(),
            fs::read(dir.path().join("a/3.html")).unwrap().len()
        );
        // Made on other threads, in any order, then taken in corpus order.
        let made: Vec<Made> = std::thread::scope(|scope| {
            let handles: Vec<_> = entries
                .into_iter()
                .rev()
                .map(|entry| scope.spawn(move || entry.make()))
                .collect();
            let mut made: Vec<Made> = handles.into_iter().map(|h| h.join().unwrap()).collect();
            made.reverse();
            made
        });
        assert_eq!(events_of(made.into_iter()), expected);
    }
}
