//! JSONL: one JSON record per line, read line by line.
//!
//! [`JsonlRecords`] parses each line as any serde type (the gold and prediction readers use
//! it too); a line longer than its limit is skipped without being held. [`JsonlFields`] names
//! the keys of an article record (`--id-field`, `--text-field`, `--publisher-field`), and
//! [`JsonlDocs`] reads [`Document`]s with them.

use std::borrow::Cow;
use std::fmt;
use std::io::{self, BufRead};
use std::marker::PhantomData;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserializer as _;
use serde::de::{self, DeserializeOwned, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use super::Warning;
use crate::document::Document;
use crate::error::{Error, Result};

/// The keys of an article record; a dotted key (`meta.site`) reaches into nested objects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonlFields {
    /// The document id (a string or a number). Default `id`.
    pub id: String,
    /// The article text (a string). Default `text`.
    pub text: String,
    /// The publisher (a string), optional in each record. Default `publisher`.
    pub publisher: String,
    /// The headline (a string), optional in each record. Default `title`.
    pub title: String,
}

impl Default for JsonlFields {
    fn default() -> Self {
        JsonlFields {
            id: "id".into(),
            text: "text".into(),
            publisher: "publisher".into(),
            title: "title".into(),
        }
    }
}

impl JsonlFields {
    /// The document id of a parsed record, or a message saying what is wrong.
    pub fn id(&self, record: &Value) -> std::result::Result<String, String> {
        match lookup(record, &self.id) {
            Some(Value::String(s)) => Ok(s.clone()),
            Some(Value::Number(n)) => Ok(n.to_string()),
            Some(_) => Err(format!("field `{}` is not a string or number", self.id)),
            None => Err(format!("missing field `{}`", self.id)),
        }
    }

    /// The document of a parsed record, or a message saying what is missing. The text is
    /// moved out of the record, not copied (the rest of the record stays, for messages).
    pub fn document(&self, record: &mut Value) -> std::result::Result<Document, String> {
        let id = self.id(record)?;
        match lookup(record, &self.text) {
            Some(Value::String(_)) => {}
            Some(_) => return Err(format!("field `{}` is not a string", self.text)),
            None => return Err(format!("missing field `{}`", self.text)),
        }
        let optional = |key: &str| match lookup(record, key) {
            Some(Value::String(s)) => Some(s.clone()),
            _ => None,
        };
        let publisher = optional(&self.publisher);
        let title = optional(&self.title);
        let text = match lookup_mut(record, &self.text) {
            Some(Value::String(s)) => std::mem::take(s),
            _ => unreachable!("the text was found a string above"),
        };
        Ok(Document {
            id,
            text,
            publisher,
            title,
        })
    }
}

/// The value at a dotted key.
fn lookup<'a>(value: &'a Value, key: &str) -> Option<&'a Value> {
    if let Some(v) = value.get(key) {
        return Some(v).filter(|v| !v.is_null());
    }
    key.split('.')
        .try_fold(value, |v, part| v.get(part))
        .filter(|v| !v.is_null())
}

/// The value at a dotted key, to move it out; the same as [`lookup`] finds.
fn lookup_mut<'a>(value: &'a mut Value, key: &str) -> Option<&'a mut Value> {
    if value.get(key).is_some() {
        return value.get_mut(key).filter(|v| !v.is_null());
    }
    key.split('.')
        .try_fold(value, |v, part| v.get_mut(part))
        .filter(|v| !v.is_null())
}

/// Reads a record keeping only the entries that [`JsonlFields`] may look up (by their full
/// key or the first part of a dotted key); the others (the gold annotations of PolNeAR, page
/// metadata) are checked and skipped without being built. A line that is JSON but not an
/// object gives an empty record, which lacks the id field.
struct Picked<'f> {
    fields: &'f JsonlFields,
}

impl Picked<'_> {
    /// Whether the entry `key` of a record may hold one of the fields.
    fn wants(&self, key: &str) -> bool {
        let f = self.fields;
        [&f.id, &f.text, &f.publisher, &f.title]
            .into_iter()
            .any(|field| field == key || field.split('.').next() == Some(key))
    }
}

impl<'de> Visitor<'de> for Picked<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> std::result::Result<Value, M::Error> {
        let mut kept = serde_json::Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if self.wants(&key) {
                kept.insert(key, map.next_value()?);
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(Value::Object(kept))
    }

    fn visit_seq<S: SeqAccess<'de>>(self, mut seq: S) -> std::result::Result<Value, S::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Value::Object(serde_json::Map::new()))
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> std::result::Result<Value, E> {
        Ok(Value::Object(serde_json::Map::new()))
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> std::result::Result<Value, E> {
        Ok(Value::Object(serde_json::Map::new()))
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> std::result::Result<Value, E> {
        Ok(Value::Object(serde_json::Map::new()))
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> std::result::Result<Value, E> {
        Ok(Value::Object(serde_json::Map::new()))
    }

    fn visit_str<E: de::Error>(self, _: &str) -> std::result::Result<Value, E> {
        Ok(Value::Object(serde_json::Map::new()))
    }

    fn visit_unit<E: de::Error>(self) -> std::result::Result<Value, E> {
        Ok(Value::Object(serde_json::Map::new()))
    }
}

/// The records of a JSONL stream, one JSON object per line, read line by line.
///
/// Blank lines are skipped. A line that does not parse as a `T` is an `Err` item
/// ([`Error::Json`] with its line number) and reading goes on; a line longer than
/// [`JsonlRecords::max_line_bytes`] is an [`Error::Skipped`] item, read past without being
/// held; a read error is an `Err` item that ends the stream. A line that is not valid UTF-8
/// is decoded lossily and leaves a [`Warning`], collected with [`JsonlRecords::take_warnings`].
pub struct JsonlRecords<R, T> {
    reader: R,
    path: PathBuf,
    line: usize,
    buf: Vec<u8>,
    max_line: u64,
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
            max_line: u64::MAX,
            warnings: Vec::new(),
            done: false,
            _record: PhantomData,
        }
    }

    /// Skips lines longer than `limit` bytes (default: no limit).
    pub fn max_line_bytes(mut self, limit: u64) -> Self {
        self.max_line = limit;
        self
    }

    /// The number of the last line read, from 1 (0 before the first).
    pub fn line(&self) -> usize {
        self.line
    }

    /// The stream's name in errors and warnings.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The warnings left by the lines read so far, emptying the list.
    pub fn take_warnings(&mut self) -> Vec<Warning> {
        std::mem::take(&mut self.warnings)
    }
}

/// Reads one line into `buf` (cleared first), keeping at most `limit` bytes of it. Returns
/// the line's full length, newline included (0 at the end of the stream), and whether it
/// ended with a newline.
fn read_line_bounded(
    reader: &mut impl BufRead,
    buf: &mut Vec<u8>,
    limit: u64,
) -> io::Result<(u64, bool)> {
    buf.clear();
    let mut total: u64 = 0;
    loop {
        let available = match reader.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok((total, false));
        }
        let (chunk, found) = match memchr::memchr(b'\n', available) {
            Some(i) => (&available[..=i], true),
            None => (available, false),
        };
        let room = limit.saturating_sub(buf.len() as u64);
        let keep = usize::try_from(room).map_or(chunk.len(), |r| chunk.len().min(r));
        buf.extend_from_slice(&chunk[..keep]);
        let n = chunk.len();
        total += n as u64;
        reader.consume(n);
        if found {
            return Ok((total, true));
        }
    }
}

impl<R: BufRead, T> JsonlRecords<R, T> {
    /// Reads the next non-blank line into `buf` (its newline and trailing blanks dropped),
    /// with the limits of [`JsonlRecords`]; gives its line number, or the error of a line
    /// over the limit (skipped) or of the reader (which ends the stream).
    fn read_line(&mut self) -> Option<Result<usize>> {
        while !self.done {
            // Room for the newline of a line right at the limit.
            let limit = self.max_line.saturating_add(1);
            match read_line_bounded(&mut self.reader, &mut self.buf, limit) {
                Ok((0, _)) => self.done = true,
                Ok((len, newline)) => {
                    self.line += 1;
                    if len - u64::from(newline) > self.max_line {
                        self.buf.clear();
                        return Some(Err(Error::Skipped {
                            path: self.path.clone(),
                            line: Some(self.line),
                            reason: format!(
                                "line of {len} bytes, over the limit of {} bytes",
                                self.max_line
                            ),
                        }));
                    }
                    if self.buf.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    let trimmed = self.buf.trim_ascii_end().len();
                    self.buf.truncate(trimmed);
                    return Some(Ok(self.line));
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

    /// The next non-blank line parsed by `parse`, with the handling of [`JsonlRecords`]
    /// (limits, line numbers, lossy UTF-8, errors naming the line).
    fn next_with<U>(
        &mut self,
        parse: impl FnOnce(&str) -> serde_json::Result<U>,
    ) -> Option<Result<U>> {
        let line = match self.read_line()? {
            Ok(line) => line,
            Err(e) => return Some(Err(e)),
        };
        let (parsed, warning) = parse_line(&self.path, line, &self.buf, parse);
        self.warnings.extend(warning);
        self.buf.clear();
        self.buf.shrink_to(1 << 16);
        Some(parsed)
    }
}

/// Parses line number `line` of the JSONL stream `path` with `parse`, decoding it lossily
/// (with a warning) when it is not valid UTF-8; a parse error names the line.
fn parse_line<U>(
    path: &Path,
    line: usize,
    bytes: &[u8],
    parse: impl FnOnce(&str) -> serde_json::Result<U>,
) -> (Result<U>, Option<Warning>) {
    // A valid line is borrowed as it is (the lossy decoding is slower).
    let decoded = match std::str::from_utf8(bytes) {
        Ok(valid) => Cow::Borrowed(valid),
        Err(_) => String::from_utf8_lossy(bytes),
    };
    let warning = matches!(decoded, Cow::Owned(_)).then(|| Warning {
        path: path.to_path_buf(),
        line: Some(line),
        message: "not valid UTF-8, decoded with replacement characters".into(),
    });
    let parsed = parse(&decoded).map_err(|source| Error::Json {
        path: path.to_path_buf(),
        line,
        source,
    });
    (parsed, warning)
}

impl<R: BufRead, T: DeserializeOwned> Iterator for JsonlRecords<R, T> {
    type Item = Result<T>;

    fn next(&mut self) -> Option<Self::Item> {
        self.next_with(|line| serde_json::from_str(line))
    }
}

/// The articles of a JSONL stream, with the keys of [`JsonlFields`].
pub struct JsonlDocs<R> {
    records: JsonlRecords<R, Value>,
    fields: Arc<JsonlFields>,
}

impl<R> fmt::Debug for JsonlDocs<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("JsonlDocs")
            .field("records", &self.records)
            .field("fields", &self.fields)
            .finish()
    }
}

impl<R: BufRead> JsonlDocs<R> {
    /// The articles of `reader` (named `path` in messages), lines over `max_line_bytes`
    /// skipped.
    pub fn new(
        reader: R,
        path: impl Into<PathBuf>,
        fields: JsonlFields,
        max_line_bytes: u64,
    ) -> Self {
        JsonlDocs {
            records: JsonlRecords::new(reader, path).max_line_bytes(max_line_bytes),
            fields: Arc::new(fields),
        }
    }

    /// The warnings left by the lines read so far, emptying the list.
    pub fn take_warnings(&mut self) -> Vec<Warning> {
        self.records.take_warnings()
    }

    /// The next non-blank line, read but not parsed ([`JsonlLine::document`] parses it, on
    /// whatever thread), or the error of a line over the limit or of the reader.
    pub fn next_line(&mut self) -> Option<Result<JsonlLine>> {
        let line = match self.records.read_line()? {
            Ok(line) => line,
            Err(e) => return Some(Err(e)),
        };
        Some(Ok(JsonlLine {
            path: self.records.path.clone(),
            line,
            bytes: std::mem::take(&mut self.records.buf),
            fields: Arc::clone(&self.fields),
        }))
    }
}

impl<R: BufRead> Iterator for JsonlDocs<R> {
    type Item = Result<Document>;

    fn next(&mut self) -> Option<Self::Item> {
        let fields = &self.fields;
        let record = self.records.next_with(|line| parse_record(fields, line))?;
        let (path, line) = (self.records.path(), self.records.line());
        Some(record.and_then(|value| record_document(fields, path, line, value)))
    }
}

/// A line of a JSONL stream of articles, read but not parsed: see [`JsonlDocs::next_line`].
#[derive(Debug)]
pub struct JsonlLine {
    path: PathBuf,
    line: usize,
    bytes: Vec<u8>,
    fields: Arc<JsonlFields>,
}

impl JsonlLine {
    /// The stream it was read from.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The bytes of the line.
    pub fn len(&self) -> usize {
        self.bytes.len()
    }

    /// Whether the line is empty (never: blank lines are passed over).
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// The article of the line, or why there is none, with a warning when the line was not
    /// valid UTF-8: what [`JsonlDocs`] gives when iterated.
    pub fn document(self) -> (Result<Document>, Option<Warning>) {
        let fields = &self.fields;
        let (record, warning) = parse_line(&self.path, self.line, &self.bytes, |line| {
            parse_record(fields, line)
        });
        let doc = record.and_then(|value| record_document(fields, &self.path, self.line, value));
        (doc, warning)
    }
}

/// The record of a line: only the entries that `fields` may look up ([`Picked`]).
fn parse_record(fields: &JsonlFields, line: &str) -> serde_json::Result<Value> {
    let mut json = serde_json::Deserializer::from_str(line);
    let record = json.deserialize_any(Picked { fields })?;
    json.end()?;
    Ok(record)
}

/// The document of a parsed record (line `line` of `path`), or an error naming the line and
/// the record's id when it has one.
fn record_document(
    fields: &JsonlFields,
    path: &Path,
    line: usize,
    mut value: Value,
) -> Result<Document> {
    fields
        .document(&mut value)
        .map_err(|message| Error::Record {
            path: path.to_path_buf(),
            line: Some(line),
            doc: fields.id(&value).ok(),
            message,
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Cursor;

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
    fn lines_parsed_later_give_what_the_docs_give() {
        let input: &[u8] = b"{\"id\":\"a\",\"text\":\"ok\",\"quotes\":[1,2]}\n\n{bad\n\
            {\"id\":7,\"text\":\"caf\xE9\"}\n{\"id\":\"no text\"}\n\
            {\"id\":\"long\",\"text\":\"0123456789012345678901234567890123456789\"}\n\
            {\"id\":\"last\",\"text\":\"end\"}   ";
        let show = |item: &Result<Document>| match item {
            Ok(doc) => format!("{} {}", doc.id, doc.text),
            Err(e) => e.to_string(),
        };
        let fields = JsonlFields::default();
        let mut docs = JsonlDocs::new(input, "x.jsonl", fields.clone(), 60);
        let mut expected = Vec::new();
        while let Some(item) = docs.next() {
            expected.extend(docs.take_warnings().iter().map(ToString::to_string));
            expected.push(show(&item));
        }
        let mut lines = JsonlDocs::new(input, "x.jsonl", fields, 60);
        let mut got = Vec::new();
        while let Some(line) = lines.next_line() {
            match line {
                Ok(line) => {
                    let (doc, warning) = line.document();
                    got.extend(warning.iter().map(ToString::to_string));
                    got.push(show(&doc));
                }
                Err(e) => got.push(e.to_string()),
            }
        }
        assert_eq!(got, expected);
        assert_eq!(expected.len(), 7, "{expected:?}");
        assert!(expected[0].starts_with("a ok"));
        assert!(
            expected[2].contains("x.jsonl:4: not valid UTF-8"),
            "{expected:?}"
        );
        assert!(expected[5].contains("skipped: line of"), "{expected:?}");
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
    fn a_line_over_the_limit_is_skipped_and_the_next_is_read() {
        let long = format!("{{\"id\":\"big\",\"text\":\"{}\"}}", "x".repeat(100));
        let input = format!("{long}\n{{\"id\":\"ok\",\"text\":\"y\"}}\n{long}");
        let records: Vec<Result<Document>> = JsonlRecords::new(Cursor::new(input), "l.jsonl")
            .max_line_bytes(50)
            .collect();
        assert_eq!(records.len(), 3);
        let e = records[0].as_ref().unwrap_err().to_string();
        assert!(
            e.starts_with("l.jsonl:1: skipped: line of 123 bytes"),
            "{e}"
        );
        assert_eq!(records[1].as_ref().unwrap().id, "ok");
        assert!(
            records[2]
                .as_ref()
                .unwrap_err()
                .to_string()
                .starts_with("l.jsonl:3: skipped")
        );
        // Exactly at the limit is fine, newline or not.
        let exact = "{\"id\":\"e\",\"text\":\"z\"}";
        for input in [format!("{exact}\n"), exact.to_string()] {
            let mut r = JsonlRecords::<_, Document>::new(Cursor::new(input), "e.jsonl")
                .max_line_bytes(exact.len() as u64);
            assert_eq!(r.next().unwrap().unwrap().id, "e");
        }
    }

    #[test]
    fn other_keys_are_checked_but_not_kept_and_non_objects_lack_the_id() {
        let input = concat!(
            "{\"quotes\":[{\"content\":[[0,1]],\"x\":null}],\"id\":\"a\",\"text\":\"T\",",
            "\"meta\":{\"n\":1.5,\"ok\":true}}\n",
            "{\"id\":\"b\",\"text\":\"U\",\"quotes\":[1,}\n",
            "[\"id\",\"text\"]\n",
            "\"a string\"\n",
            "{\"id\":\"c\",\"text\":\"V\"} trailing\n",
        );
        let docs: Vec<Result<Document>> = JsonlDocs::new(
            Cursor::new(input),
            "o.jsonl",
            JsonlFields::default(),
            u64::MAX,
        )
        .collect();
        assert_eq!(docs.len(), 5);
        assert_eq!(docs[0].as_ref().unwrap().text, "T");
        let errors: Vec<String> = docs[1..]
            .iter()
            .map(|d| d.as_ref().unwrap_err().to_string())
            .collect();
        assert_eq!(
            errors,
            [
                "o.jsonl:2: expected value (column 34)",
                "o.jsonl:3: missing field `id`",
                "o.jsonl:4: missing field `id`",
                "o.jsonl:5: trailing characters (column 23)",
            ]
        );
    }

    #[test]
    fn fields_are_configurable_and_may_be_nested() {
        let fields = JsonlFields {
            id: "url".into(),
            text: "body".into(),
            publisher: "meta.site".into(),
            title: "headline".into(),
        };
        let input = concat!(
            "{\"url\":\"https://x.example/1\",\"body\":\"B\",\"meta\":{\"site\":\"X News\"},\"headline\":\"H\"}\n",
            "{\"url\":7,\"body\":\"C\"}\n",
            "{\"id\":\"a\",\"text\":\"no url\"}\n",
            "{\"url\":\"u\",\"body\":3}\n",
        );
        let docs: Vec<Result<Document>> =
            JsonlDocs::new(Cursor::new(input), "f.jsonl", fields, u64::MAX).collect();
        let first = docs[0].as_ref().unwrap();
        assert_eq!(first.id, "https://x.example/1");
        assert_eq!(first.publisher.as_deref(), Some("X News"));
        assert_eq!(first.title.as_deref(), Some("H"));
        assert_eq!(docs[1].as_ref().unwrap().id, "7");
        assert_eq!(
            docs[2].as_ref().unwrap_err().to_string(),
            "f.jsonl:3: missing field `url`"
        );
        assert_eq!(
            docs[3].as_ref().unwrap_err().to_string(),
            "f.jsonl:4: field `body` is not a string"
        ); // A record without its text still names its document; one without an id cannot.
        assert_eq!(docs[3].as_ref().unwrap_err().doc(), Some("u"));
        assert_eq!(docs[2].as_ref().unwrap_err().doc(), None);
    }
}
