//! Web ARChive files (`.warc`, `.warc.gz`) as Common Crawl's CC-News distributes them:
//! each `response` record holds an HTTP response whose HTML page is one article.
//!
//! Records are read one at a time with the [`warc`] crate's streaming reader (the WARC
//! headers parsed, the body read from the stream without holding the file), and the HTTP
//! response inside with [`httparse`]. `warcinfo`, `request`, `metadata` and other records
//! are passed over silently. A record whose header block runs past [`HEADER_LIMIT`] bytes, a
//! malformed record or a truncated file ends the stream with an error: what came before is
//! kept, and nothing after it can be trusted.

use std::cell::{Cell, RefCell};
use std::fmt;
use std::io::{self, BufRead, Read};
use std::rc::Rc;

use warc::{RecordType, WarcReader};

use super::compress::{Bounded, read_bounded};
use super::decode::charset_param;

/// The most bytes a WARC record's header block may take.
pub const HEADER_LIMIT: u64 = 1 << 20;

/// Room for the HTTP headers of a response on top of the document size limit.
const HTTP_HEADER_ALLOWANCE: u64 = 1 << 20;

/// One `response` record of a WARC file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    /// The record's number in the file, from 1, counting every record.
    pub index: usize,
    /// Its `WARC-Target-URI`.
    pub uri: Option<String>,
    /// The HTML page, or why there is none to read.
    pub page: Result<Page, String>,
}

/// The HTML page of an HTTP response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The body bytes.
    pub html: Vec<u8>,
    /// The charset of the `Content-Type` header, if any.
    pub charset: Option<String>,
}

impl Response {
    /// How the record is named in messages: `record 3 (https://...)`.
    pub fn label(&self) -> String {
        match &self.uri {
            Some(uri) => format!("record {} ({uri})", self.index),
            None => format!("record {}", self.index),
        }
    }
}

/// Why a WARC file could not be read on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WarcError {
    /// The number of the record where it happened, from 1.
    pub index: usize,
    /// What happened.
    pub message: String,
    /// Whether reading the stream itself failed (an I/O error, or corrupt compressed data
    /// under the WARC reader) rather than the WARC format.
    pub read_error: bool,
}

/// Why a record could not be read: a message, and whether the stream failed.
struct Failure {
    message: String,
    read_error: bool,
}

impl From<String> for Failure {
    fn from(message: String) -> Self {
        Failure {
            message,
            read_error: false,
        }
    }
}

impl From<&str> for Failure {
    fn from(message: &str) -> Self {
        Failure::from(message.to_string())
    }
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Self {
        // The WARC stream itself ending early (a plain error of `read_exact`), as opposed to
        // a decompressor's error, which carries its own message.
        if e.kind() == io::ErrorKind::UnexpectedEof && e.get_ref().is_none() {
            return Failure::from("truncated: unexpected end of file");
        }
        Failure {
            message: e.to_string(),
            read_error: true,
        }
    }
}

impl fmt::Display for WarcError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "record {}: {}", self.index, self.message)
    }
}

/// The `response` records of a WARC stream, read one at a time; see the [module docs](self).
pub struct Responses<R> {
    reader: Budget<R>,
    left: Rc<Cell<u64>>,
    header: Rc<RefCell<Vec<u8>>>,
    max_page_bytes: u64,
    index: usize,
    done: bool,
}

impl<R> fmt::Debug for Responses<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Responses")
            .field("index", &self.index)
            .field("done", &self.done)
            .finish_non_exhaustive()
    }
}

impl<R: BufRead> Responses<R> {
    /// The responses of a decompressed WARC stream; a page over `max_page_bytes` is skipped
    /// (its [`Response::page`] says so) without being held.
    pub fn new(reader: R, max_page_bytes: u64) -> Self {
        let left = Rc::new(Cell::new(HEADER_LIMIT));
        let header = Rc::new(RefCell::new(Vec::new()));
        Responses {
            reader: Budget {
                inner: reader,
                left: Rc::clone(&left),
                header: Rc::clone(&header),
            },
            left,
            header,
            max_page_bytes,
            index: 0,
            done: false,
        }
    }

    /// Reads the next record; `Ok(None)` for a record that is not a response.
    fn record(&mut self) -> Result<Option<Option<Response>>, Failure> {
        self.left.set(HEADER_LIMIT);
        self.header.borrow_mut().clear();
        let mut warc = WarcReader::new(&mut self.reader);
        let mut records = warc.stream_records();
        let mut record = match records.next_item() {
            None if self.left.get() == HEADER_LIMIT => return Ok(None),
            None => return Err("truncated: the file ends inside a record header".into()),
            Some(Err(warc::Error::ReadData(e))) => return Err(e.into()),
            Some(Err(e)) => return Err(warc_message(&e).into()),
            Some(Ok(record)) => record,
        };
        self.left.set(u64::MAX);
        // Not `record.header(WarcHeader::TargetURI)`: warc 0.4 panics on a value that is not
        // UTF-8. The header block as read is at hand, and the URI is decoded lossily from it.
        let uri = target_uri(&self.header.borrow());
        let expected = record.content_length();
        let response = if *record.warc_type() == RecordType::Response {
            let limit = self.max_page_bytes.saturating_add(HTTP_HEADER_ALLOWANCE);
            // Not started at `expected`: the header may claim any length.
            let body = read_bounded(&mut record, limit, 0)?;
            let page = match body {
                Bounded::Whole(bytes) if (bytes.len() as u64) < expected => {
                    let got = bytes.len();
                    return Err(format!("truncated: {got} of {expected} bytes").into());
                }
                Bounded::Whole(bytes) => http_page(&bytes, self.max_page_bytes),
                Bounded::TooLarge => Err(format!(
                    "larger than the limit of {} bytes",
                    self.max_page_bytes
                )),
            };
            Some(Response {
                index: self.index,
                uri,
                page,
            })
        } else {
            None
        };
        io::copy(&mut record, &mut io::sink())?;
        let mut end = [0u8; 4];
        match self.reader.read_exact(&mut end) {
            Ok(()) if &end == b"\r\n\r\n" => Ok(Some(response)),
            Ok(()) => Err("record does not end with a blank line".into()),
            Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => {
                Err("truncated: the file ends inside the record".into())
            }
            Err(e) => Err(e.into()),
        }
    }
}

impl<R: BufRead> Iterator for Responses<R> {
    type Item = Result<Response, WarcError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            self.index += 1;
            match self.record() {
                Ok(None) => self.done = true,
                Ok(Some(None)) => {}
                Ok(Some(Some(response))) => return Some(Ok(response)),
                Err(failure) => {
                    self.done = true;
                    return Some(Err(WarcError {
                        index: self.index,
                        message: failure.message,
                        read_error: failure.read_error,
                    }));
                }
            }
        }
        None
    }
}

/// The `WARC-Target-URI` of a record's header block (without the angle brackets that some
/// WARC 1.0 writers put around it), decoded lossily.
fn target_uri(header: &[u8]) -> Option<String> {
    header.split(|&b| b == b'\n').find_map(|line| {
        let (name, value) = line.split_at(line.iter().position(|&b| b == b':')?);
        if !name.trim_ascii().eq_ignore_ascii_case(b"WARC-Target-URI") {
            return None;
        }
        let value = String::from_utf8_lossy(value[1..].trim_ascii());
        let value = value.trim_start_matches('<').trim_end_matches('>');
        Some(value.to_string()).filter(|v| !v.is_empty())
    })
}

/// The message of a [`warc::Error`], with the I/O error it wraps.
fn warc_message(e: &warc::Error) -> String {
    match e {
        warc::Error::ReadData(io) if io.kind() == io::ErrorKind::UnexpectedEof => {
            "truncated: unexpected end of file".into()
        }
        warc::Error::ReadData(io) => io.to_string(),
        warc::Error::ParseHeaders(_) => "not a WARC record header".into(),
        other => other.to_string(),
    }
}

/// The HTML page of an HTTP response, or why it is not one to read.
fn http_page(bytes: &[u8], max_page_bytes: u64) -> Result<Page, String> {
    let mut headers = [httparse::EMPTY_HEADER; 128];
    let mut response = httparse::Response::new(&mut headers);
    let offset = match response.parse(bytes) {
        Ok(httparse::Status::Complete(offset)) => offset,
        Ok(httparse::Status::Partial) => return Err("incomplete HTTP headers".into()),
        Err(e) => return Err(format!("unreadable HTTP response ({e})")),
    };
    let status = response.code.unwrap_or(0);
    if !(200..300).contains(&status) {
        return Err(format!("HTTP status {status}"));
    }
    let content_type = response
        .headers
        .iter()
        .find(|h| h.name.eq_ignore_ascii_case("content-type"))
        .map(|h| String::from_utf8_lossy(h.value).into_owned());
    if let Some(ct) = &content_type {
        let mime = ct
            .split(';')
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        if !(mime.is_empty() || mime.contains("html") || mime.starts_with("text/")) {
            return Err(format!("not HTML ({mime})"));
        }
    }
    let html = &bytes[offset..];
    if html.len() as u64 > max_page_bytes {
        return Err(format!("larger than the limit of {max_page_bytes} bytes"));
    }
    Ok(Page {
        html: html.to_vec(),
        charset: content_type.and_then(|ct| charset_param(ct.as_bytes())),
    })
}

/// A reader that fails once a byte budget, shared with its owner, is spent: it bounds what
/// the WARC reader may read while it looks for the end of a record's header block, and keeps
/// a copy of what it read meanwhile (the header block).
struct Budget<R> {
    inner: R,
    left: Rc<Cell<u64>>,
    header: Rc<RefCell<Vec<u8>>>,
}

impl<R: BufRead> Read for Budget<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let available = self.fill_buf()?;
        let n = available.len().min(buf.len());
        buf[..n].copy_from_slice(&available[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Budget<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        let left = self.left.get();
        if left == 0 {
            return Err(io::Error::other(format!(
                "no WARC record header within {HEADER_LIMIT} bytes"
            )));
        }
        let buf = self.inner.fill_buf()?;
        let n = usize::try_from(left).map_or(buf.len(), |left| buf.len().min(left));
        Ok(&buf[..n])
    }

    fn consume(&mut self, n: usize) {
        let left = self.left.get();
        if left != u64::MAX {
            // Reading a header block: keep a copy. The bytes are still in the buffer.
            if let Ok(buf) = self.inner.fill_buf() {
                self.header
                    .borrow_mut()
                    .extend_from_slice(&buf[..n.min(buf.len())]);
            }
        }
        self.left.set(left.saturating_sub(n as u64));
        self.inner.consume(n);
    }
}

/// Builds WARC files for tests and fixtures.
pub mod build {
    /// One WARC record with the given type, target URI and block.
    pub fn record(kind: &str, uri: Option<&str>, block: &[u8]) -> Vec<u8> {
        let mut out = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Date: 2026-11-02T08:00:00Z\r\n\
             WARC-Record-ID: <urn:uuid:{:08x}-0000-4000-8000-000000000000>\r\n",
            block.len()
        );
        if let Some(uri) = uri {
            out.push_str(&format!("WARC-Target-URI: {uri}\r\n"));
        }
        let content_type = match kind {
            "response" => "application/http; msgtype=response",
            "request" => "application/http; msgtype=request",
            _ => "application/warc-fields",
        };
        out.push_str(&format!(
            "Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
            block.len()
        ));
        let mut out = out.into_bytes();
        out.extend_from_slice(block);
        out.extend_from_slice(b"\r\n\r\n");
        out
    }

    /// An HTTP 200 response with an HTML body.
    pub fn http_html(html: &[u8], charset: Option<&str>) -> Vec<u8> {
        let ct = match charset {
            Some(c) => format!("text/html; charset={c}"),
            None => "text/html".into(),
        };
        let mut out = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: {ct}\r\nContent-Length: {}\r\n\r\n",
            html.len()
        )
        .into_bytes();
        out.extend_from_slice(html);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::build::{http_html, record};
    use super::*;

    fn sample() -> Vec<u8> {
        let mut warc = record("warcinfo", None, b"software: test\r\n");
        warc.extend(record(
            "request",
            Some("https://a.example/1"),
            b"GET /1 HTTP/1.1\r\nHost: a.example\r\n\r\n",
        ));
        warc.extend(record(
            "response",
            Some("https://a.example/1"),
            &http_html(b"<p>caf\xE9</p>", Some("iso-8859-1")),
        ));
        warc.extend(record(
            "response",
            Some("https://a.example/logo.png"),
            b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG",
        ));
        warc.extend(record(
            "response",
            Some("https://a.example/2"),
            &http_html(b"<p>two</p>", None),
        ));
        warc
    }

    #[test]
    fn responses_are_read_and_other_records_passed_over() {
        let all: Vec<_> = Responses::new(&sample()[..], 1000).collect();
        assert_eq!(all.len(), 3);
        let first = all[0].as_ref().unwrap();
        assert_eq!(
            (first.index, first.uri.as_deref()),
            (3, Some("https://a.example/1"))
        );
        let page = first.page.as_ref().unwrap();
        assert_eq!(page.html, b"<p>caf\xE9</p>");
        assert_eq!(page.charset.as_deref(), Some("iso-8859-1"));
        assert_eq!(
            all[1].as_ref().unwrap().page,
            Err("not HTML (image/png)".into())
        );
        assert_eq!(
            all[2].as_ref().unwrap().label(),
            "record 5 (https://a.example/2)"
        );
    }

    #[test]
    fn a_page_over_the_limit_is_skipped_and_reading_goes_on() {
        let all: Vec<_> = Responses::new(&sample()[..], 5).collect();
        assert_eq!(all.len(), 3);
        assert_eq!(
            all[0].as_ref().unwrap().page,
            Err("larger than the limit of 5 bytes".into())
        );
    }

    #[test]
    fn truncation_keeps_what_came_before() {
        let warc = sample();
        let last = warc.len()
            - record(
                "response",
                Some("https://a.example/2"),
                &http_html(b"<p>two</p>", None),
            )
            .len();
        for cut in [warc.len() - 1, warc.len() - 10, warc.len() - 30, last + 40] {
            let all: Vec<_> = Responses::new(&warc[..cut], 1000).collect();
            assert_eq!(all.len(), 3, "cut at {cut}");
            assert!(all[..2].iter().all(Result::is_ok));
            let err = all[2].as_ref().unwrap_err();
            assert_eq!(err.index, 5);
            assert!(err.message.starts_with("truncated"), "{err}");
        }
    }

    #[test]
    fn garbage_is_one_error() {
        let all: Vec<_> = Responses::new(&b"this is not a WARC file\r\n\r\n"[..], 1000).collect();
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].as_ref().unwrap_err().index, 1);
        // A header block that never ends stops at the budget instead of reading on.
        let endless = vec![b'x'; (HEADER_LIMIT as usize) * 2];
        let all: Vec<_> = Responses::new(&endless[..], 1000).collect();
        assert_eq!(all.len(), 1);
        assert!(
            all[0]
                .as_ref()
                .unwrap_err()
                .message
                .contains("no WARC record header")
        );
    }

    #[test]
    fn a_target_uri_that_is_not_utf8_is_decoded_lossily() {
        let mut warc = record(
            "response",
            Some("https://a.example/caf"),
            &http_html(b"<p>x</p>", None),
        );
        let at = warc.windows(3).position(|w| w == b"caf").unwrap();
        warc[at + 1] = 0xE1; // "c\xE1f": not UTF-8, same length.
        let all: Vec<_> = Responses::new(&warc[..], 1000).collect();
        let response = all[0].as_ref().unwrap();
        assert_eq!(
            response.uri.as_deref(),
            Some("https://a.example/c\u{FFFD}f")
        );
        assert_eq!(
            target_uri(b"WARC/1.0\r\nwarc-target-uri: <http://x.example/>\r\n"),
            Some("http://x.example/".into())
        );
    }

    #[test]
    fn an_empty_stream_has_no_records() {
        assert_eq!(Responses::new(&b""[..], 10).count(), 0);
    }
}
