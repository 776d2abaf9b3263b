//! Corpus sources: the documents to analyze, read lazily from files, directories and stdin.
//!
//! A [`Corpus`] is an iterator of `Result<Document>` over a list of [`Input`]s, in order:
//!
//! - a directory is walked recursively, siblings in file-name order (depth first), reading
//!   `.txt` files (doc id = the path relative to the directory, with `/` separators) and
//!   `.jsonl` files (one record per line in the gold format, doc id = the record's `id`);
//!   other files are skipped;
//! - a file is read according to its extension: `.txt` (doc id = its file name) or `.jsonl`;
//! - [`Input::Stdin`] (`-` on the command line) reads JSONL from standard input.
//!
//! Only one document is held at a time: JSONL is read line by line. A file that cannot be
//! read, or a line that does not parse, is an `Err` item and the iteration goes on with the
//! next one. Text that is not valid UTF-8 is decoded lossily and reported as a [`Warning`].

use std::borrow::Cow;
use std::collections::VecDeque;
use std::fmt;
use std::fs::{self, File};
use std::io::{self, BufRead, BufReader};
use std::marker::PhantomData;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use walkdir::WalkDir;

use crate::document::Document;
use crate::error::{Error, Result};

/// The name used for standard input in errors and warnings.
pub const STDIN_NAME: &str = "<stdin>";

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// One corpus source given by the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file or a directory.
    Path(PathBuf),
    /// JSONL on standard input.
    Stdin,
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

/// What a file is, by its extension (ASCII case-insensitive).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FileKind {
    Txt,
    Jsonl,
    Other,
}

fn file_kind(path: &Path) -> FileKind {
    match path.extension() {
        Some(ext) if ext.eq_ignore_ascii_case("txt") => FileKind::Txt,
        Some(ext) if ext.eq_ignore_ascii_case("jsonl") => FileKind::Jsonl,
        _ => FileKind::Other,
    }
}

/// A directory being walked.
struct Walk {
    root: PathBuf,
    entries: walkdir::IntoIter,
    /// `.txt` and `.jsonl` files seen so far.
    found: usize,
}

/// The documents of a list of inputs, read lazily; see the [module docs](self).
pub struct Corpus {
    inputs: VecDeque<Input>,
    walk: Option<Walk>,
    jsonl: Option<JsonlRecords<Box<dyn BufRead>, Document>>,
    on_warning: Box<dyn FnMut(Warning)>,
    exclude: Option<PathBuf>,
}

impl fmt::Debug for Corpus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Corpus")
            .field("inputs", &self.inputs)
            .field("walking", &self.walk.as_ref().map(|w| &w.root))
            .field("exclude", &self.exclude)
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
            jsonl: None,
            on_warning: Box::new(|w| eprintln!("whosaid: warning: {w}")),
            exclude: None,
        }
    }

    /// Calls `f` on each warning instead of printing it.
    pub fn on_warning(mut self, f: impl FnMut(Warning) + 'static) -> Self {
        self.on_warning = Box::new(f);
        self
    }

    /// Skips this file when walking directories: the tool's own output file, when it is
    /// written inside a corpus directory. Does nothing if the file does not exist.
    pub fn exclude(mut self, path: impl AsRef<Path>) -> Self {
        self.exclude = fs::canonicalize(path).ok();
        self
    }

    fn is_excluded(&self, path: &Path) -> bool {
        match &self.exclude {
            Some(ex) => {
                ex.file_name() == path.file_name() && fs::canonicalize(path).is_ok_and(|p| &p == ex)
            }
            None => false,
        }
    }

    /// Reads a text file, passing on a warning if it had to be decoded lossily.
    fn txt(&mut self, path: &Path, id: String) -> Result<Document> {
        let (doc, warning) = read_txt(path, id)?;
        if let Some(w) = warning {
            (self.on_warning)(w);
        }
        Ok(doc)
    }

    /// Starts reading an input. Returns an item when the input is one (a `.txt` file or an
    /// error); otherwise sets up `walk` or `jsonl`.
    fn start(&mut self, input: Input) -> Option<Result<Document>> {
        let path = match input {
            Input::Stdin => {
                let stdin: Box<dyn BufRead> = Box::new(io::stdin().lock());
                self.jsonl = Some(JsonlRecords::new(stdin, STDIN_NAME));
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
                .sort_by_file_name()
                .into_iter();
            self.walk = Some(Walk {
                root: path,
                entries,
                found: 0,
            });
            return None;
        }
        match file_kind(&path) {
            FileKind::Txt => {
                let id = path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| path.to_string_lossy().into_owned());
                Some(self.txt(&path, id))
            }
            FileKind::Jsonl => match open_jsonl(&path) {
                Ok(records) => {
                    self.jsonl = Some(records);
                    None
                }
                Err(e) => Some(Err(e)),
            },
            FileKind::Other => Some(Err(Error::Unsupported { path })),
        }
    }

    /// The next item of the directory walk, or `None` when the walk step gave none (a skipped
    /// entry, a JSONL file opened, or the end of the walk).
    fn step_walk(&mut self) -> Option<Result<Document>> {
        let walk = self.walk.as_mut()?;
        let entry = match walk.entries.next() {
            None => {
                if walk.found == 0 {
                    let w = Warning {
                        path: walk.root.clone(),
                        line: None,
                        message: "no .txt or .jsonl files found".into(),
                    };
                    (self.on_warning)(w);
                }
                self.walk = None;
                return None;
            }
            Some(Err(e)) => return Some(Err(walk_error(e, &walk.root))),
            Some(Ok(entry)) => entry,
        };
        if !entry.file_type().is_file() {
            return None;
        }
        let kind = file_kind(entry.path());
        if kind == FileKind::Other {
            return None;
        }
        walk.found += 1;
        let id = relative_id(entry.path(), &walk.root);
        if self.is_excluded(entry.path()) {
            return None;
        }
        match kind {
            FileKind::Txt => Some(self.txt(entry.path(), id)),
            _ => match open_jsonl(entry.path()) {
                Ok(records) => {
                    self.jsonl = Some(records);
                    None
                }
                Err(e) => Some(Err(e)),
            },
        }
    }
}

impl Iterator for Corpus {
    type Item = Result<Document>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(records) = &mut self.jsonl {
                let item = records.next();
                for w in records.take_warnings() {
                    (self.on_warning)(w);
                }
                match item {
                    Some(item) => return Some(item),
                    None => self.jsonl = None,
                }
            } else if self.walk.is_some() {
                if let Some(item) = self.step_walk() {
                    return Some(item);
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
    if e.io_error().is_some() {
        match e.into_io_error() {
            Some(source) => Error::Io { path, source },
            None => unreachable!("checked io_error() above"),
        }
    } else {
        Error::Walk { path, source: e }
    }
}

/// Decodes bytes as UTF-8 without a leading byte-order mark; invalid sequences become
/// U+FFFD, and the flag says whether there were any.
fn decode(bytes: &[u8]) -> (Cow<'_, str>, bool) {
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => (Cow::Borrowed(s), false),
        Err(_) => (String::from_utf8_lossy(bytes), true),
    }
}

/// Reads a `.txt` file as a document with id `id`. Text that is not valid UTF-8 is decoded
/// lossily and a warning naming the file is returned with it; a leading byte-order mark is
/// dropped.
pub fn read_txt(path: &Path, id: String) -> Result<(Document, Option<Warning>)> {
    let bytes = fs::read(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let (text, lossy) = decode(&bytes);
    let warning = lossy.then(|| Warning {
        path: path.to_path_buf(),
        line: None,
        message: "not valid UTF-8, decoded with replacement characters".into(),
    });
    Ok((Document::new(id, text.into_owned()), warning))
}

fn open_jsonl(path: &Path) -> Result<JsonlRecords<Box<dyn BufRead>, Document>> {
    let file = File::open(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let reader: Box<dyn BufRead> = Box::new(BufReader::with_capacity(1 << 16, file));
    Ok(JsonlRecords::new(reader, path))
}

/// The records of a JSONL stream, one JSON object per line, read line by line.
///
/// Blank lines are skipped. A line that does not parse as a `T` is an `Err` item
/// ([`Error::Json`] with its line number) and reading goes on; a read error is an `Err` item
/// that ends the stream. A line that is not valid UTF-8 is decoded lossily and leaves a
/// [`Warning`], collected with [`JsonlRecords::take_warnings`].
pub struct JsonlRecords<R, T> {
    reader: R,
    path: PathBuf,
    line: usize,
    buf: Vec<u8>,
    warnings: Vec<Warning>,
    done: bool,
    _record: PhantomData<fn() -> T>,
}

impl<R, T> fmt::Debug for JsonlRecords<R, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("JsonlRecords")
            .field("path", &self.path)
            .field("line", &self.line)
            .field("done", &self.done)
            .finish_non_exhaustive()
    }
}

impl<R: BufRead, T: DeserializeOwned> JsonlRecords<R, T> {
    /// Records read from `reader`; `path` names the stream in errors and warnings.
    pub fn new(reader: R, path: impl Into<PathBuf>) -> Self {
        JsonlRecords {
            reader,
            path: path.into(),
            line: 0,
            buf: Vec::new(),
            warnings: Vec::new(),
            done: false,
            _record: PhantomData,
        }
    }

    /// The number of the last line read, from 1 (0 before the first).
    pub fn line(&self) -> usize {
        self.line
    }

    /// The warnings left by the lines read so far, emptying the list.
    pub fn take_warnings(&mut self) -> Vec<Warning> {
        std::mem::take(&mut self.warnings)
    }
}

impl<R: BufRead, T: DeserializeOwned> Iterator for JsonlRecords<R, T> {
    type Item = Result<T>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            self.buf.clear();
            match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => self.done = true,
                Ok(_) => {
                    self.line += 1;
                    if self.buf.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    let line = self.buf.trim_ascii_end();
                    let (text, lossy) = decode(line);
                    if lossy {
                        self.warnings.push(Warning {
                            path: self.path.clone(),
                            line: Some(self.line),
                            message: "not valid UTF-8, decoded with replacement characters".into(),
                        });
                    }
                    return Some(serde_json::from_str(&text).map_err(|source| Error::Json {
                        path: self.path.clone(),
                        line: self.line,
                        source,
                    }));
                }
                Err(source) => {
                    self.done = true;
                    return Some(Err(Error::Io {
                        path: self.path.clone(),
                        source,
                    }));
                }
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;
    use std::io::Cursor;
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
        assert!(errors.is_empty(), "{errors:?}");
        assert!(warnings.is_empty(), "{warnings:?}");
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
        assert_eq!(docs[0].text, "caf\u{FFFD} \"ok,\" she said");
        let warnings = warnings.borrow();
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].path, dir.path().join("bad.txt"));
    }

    #[test]
    fn jsonl_records_parse_ignoring_unknown_keys_and_blank_lines() {
        let input = concat!(
            "{\"id\":\"a\",\"publisher\":\"nyt\",\"title\":null,\"date\":\"2016-05-01\",",
            "\"text\":\"T\",\"quotes\":[{\"content\":[[0,1]]}]}\n",
            "\n",
            "{\"id\": \"b\", \"text\": \"U\"}\r\n",
            "{\"id\": \"c\", \"text\": }\n",
            "{\"id\": \"d\"}\n",
            "{\"id\":\n",
            "{\"id\": \"e\", \"text\": \"no newline at the end\"}",
        );
        let records: Vec<Result<Document>> =
            JsonlRecords::new(Cursor::new(input), "in.jsonl").collect();
        assert_eq!(records.len(), 6);
        let a = records[0].as_ref().unwrap();
        assert_eq!(
            (
                a.id.as_str(),
                a.text.as_str(),
                a.publisher.as_deref(),
                a.title.as_deref()
            ),
            ("a", "T", Some("nyt"), None)
        );
        assert_eq!(records[1].as_ref().unwrap().id, "b");
        let errors: Vec<String> = records[2..5]
            .iter()
            .map(|r| r.as_ref().unwrap_err().to_string())
            .collect();
        assert_eq!(errors[0], "in.jsonl:4: expected value (column 21)");
        assert!(
            errors[1].starts_with("in.jsonl:5: missing field `text`"),
            "{}",
            errors[1]
        );
        assert_eq!(
            errors[2],
            "in.jsonl:6: EOF while parsing a value (column 6)"
        );
        assert_eq!(records[5].as_ref().unwrap().id, "e");
    }

    #[test]
    fn jsonl_invalid_utf8_line_warns_with_its_line() {
        let input: &[u8] = b"{\"id\":\"a\",\"text\":\"ok\"}\n{\"id\":\"b\",\"text\":\"caf\xE9\"}\n";
        let mut records = JsonlRecords::<_, Document>::new(input, "x.jsonl");
        assert_eq!(records.next().unwrap().unwrap().text, "ok");
        assert!(records.take_warnings().is_empty());
        assert_eq!(records.next().unwrap().unwrap().text, "caf\u{FFFD}");
        let warnings = records.take_warnings();
        assert_eq!(warnings.len(), 1);
        assert!(
            warnings[0]
                .to_string()
                .starts_with("x.jsonl:2: not valid UTF-8")
        );
        assert!(records.next().is_none());
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
        assert!(errors[1].ends_with("unsupported file type (expected .txt or .jsonl)"));
    }

    #[test]
    fn an_empty_directory_warns() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "readme.md", b"nothing to read");
        let (ids, errors, warnings) = collect(Corpus::new([dir.path()]));
        assert!(ids.is_empty() && errors.is_empty());
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].ends_with("no .txt or .jsonl files found"));
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
    }
}
