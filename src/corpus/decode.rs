//! Character encodings: bytes of any encoding users have to text.
//!
//! The order of evidence follows the WHATWG Encoding Standard as browsers apply it:
//!
//! 1. a byte-order mark (UTF-8, UTF-16LE, UTF-16BE) wins and is dropped;
//! 2. an encoding declared by the container (HTTP `Content-Type: ...; charset=`, an HTML
//!    `<meta charset>` in the first 4 KiB) comes next, when [`encoding_rs`] knows its label;
//! 3. bytes that are valid UTF-8 are UTF-8;
//! 4. otherwise [`chardetng`] guesses (Windows-1252 for Latin-1 text, which is what browsers
//!    do with `ISO-8859-1` as well).
//!
//! Decoding never fails: a malformed sequence becomes U+FFFD and [`Decoded::had_errors`] says
//! so. [`looks_binary`] tells binary files apart before any of this.

use std::borrow::Cow;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8};
use memchr::memchr;

/// How many leading bytes [`looks_binary`] and the HTML `<meta charset>` prescan look at.
pub const SNIFF_BYTES: usize = 4096;

/// How the encoding was told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Evidence {
    /// The bytes are valid UTF-8 (no byte-order mark).
    Utf8,
    /// A byte-order mark.
    Bom,
    /// A charset declared by HTTP headers or an HTML `<meta>` tag.
    Declared,
    /// Guessed by chardetng from the bytes.
    Detected,
}

/// Text decoded from bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without a byte-order mark.
    pub text: String,
    /// The encoding used.
    pub encoding: &'static Encoding,
    /// How the encoding was told.
    pub evidence: Evidence,
    /// Whether some bytes were malformed in that encoding and replaced by U+FFFD.
    pub had_errors: bool,
}

impl Decoded {
    /// A one-line note for the user when the encoding had to be guessed or some bytes were
    /// replaced, else `None` (UTF-8, a byte-order mark or a declared charset that fit).
    pub fn note(&self) -> Option<String> {
        let name = self.encoding.name();
        let how = match self.evidence {
            _ if self.evidence != Evidence::Detected && !self.had_errors => return None,
            Evidence::Utf8 | Evidence::Bom => "per its byte-order mark",
            Evidence::Declared => "as declared",
            Evidence::Detected => "as detected",
        };
        let mut note = format!("not UTF-8: decoded as {name} ({how})");
        if self.had_errors {
            note.push_str(", with replacement characters for invalid bytes");
        }
        Some(note)
    }
}

/// Decodes plain text: byte-order mark, else UTF-8 when valid, else detection.
pub fn decode(bytes: &[u8]) -> Decoded {
    decode_with(bytes, None)
}

/// Decodes plain text as [`decode`] does, taking its bytes: UTF-8 without a byte-order mark,
/// as most text is, becomes the text as it is, validated once and not copied.
pub fn decode_owned(bytes: Vec<u8>) -> Decoded {
    match String::from_utf8(bytes) {
        Ok(text) if !text.starts_with('\u{FEFF}') => Decoded {
            text,
            encoding: UTF_8,
            evidence: Evidence::Utf8,
            had_errors: false,
        },
        Ok(text) => decode(text.as_bytes()),
        Err(invalid) => decode(invalid.as_bytes()),
    }
}

/// Decodes bytes with an optional declared charset label (`"utf-8"`, `"iso-8859-1"`, ...);
/// an unknown label is ignored.
pub fn decode_with(bytes: &[u8], declared: Option<&str>) -> Decoded {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return finish(&bytes[bom_len..], encoding, Evidence::Bom);
    }
    let declared = declared
        .and_then(|label| Encoding::for_label(label.trim().as_bytes()))
        // A page that declares UTF-16 without a BOM is, per the standard, UTF-8.
        .map(|e| e.output_encoding());
    if let Some(encoding) = declared
        && (encoding != UTF_8 || std::str::from_utf8(bytes).is_ok())
    {
        return finish(bytes, encoding, Evidence::Declared);
    }
    if std::str::from_utf8(bytes).is_ok() {
        return finish(bytes, UTF_8, Evidence::Utf8);
    }
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, Utf8Detection::Allow);
    finish(bytes, encoding, Evidence::Detected)
}

/// Decodes an HTML page: as [`decode_with`], the HTTP charset first, then a `<meta>` charset
/// found in the first [`SNIFF_BYTES`] bytes.
pub fn decode_html(bytes: &[u8], http_charset: Option<&str>) -> Decoded {
    let meta = http_charset
        .is_none()
        .then(|| meta_charset(bytes))
        .flatten();
    decode_with(bytes, http_charset.or(meta.as_deref()))
}

fn finish(bytes: &[u8], encoding: &'static Encoding, evidence: Evidence) -> Decoded {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let text = match text {
        Cow::Borrowed(s) => s.to_owned(),
        Cow::Owned(s) => s,
    };
    Decoded {
        text,
        encoding,
        evidence,
        had_errors,
    }
}

/// The charset of an HTML `<meta charset="...">` or `<meta http-equiv="Content-Type"
/// content="...; charset=...">` in the first [`SNIFF_BYTES`] bytes (ASCII case-insensitive).
pub fn meta_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = find(&lower[from..], b"<meta") {
        let start = from + i;
        let end = memchr(b'>', &lower[start..]).map_or(lower.len(), |j| start + j);
        if let Some(value) = charset_param(&lower[start..end]) {
            return Some(value);
        }
        from = end;
    }
    None
}

/// The value after `charset=` in a tag or a `Content-Type` value, without quotes.
pub fn charset_param(s: &[u8]) -> Option<String> {
    let lower = s.to_ascii_lowercase();
    let i = find(&lower, b"charset")?;
    let rest = &lower[i + b"charset".len()..];
    let rest = rest
        .trim_ascii_start()
        .strip_prefix(b"=")?
        .trim_ascii_start();
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|&b| {
            matches!(b, b'"' | b'\'' | b';' | b' ' | b'/' | b'>') || b.is_ascii_whitespace()
        })
        .unwrap_or(rest.len());
    let value = std::str::from_utf8(&rest[..end]).ok()?;
    (!value.is_empty()).then(|| value.to_string())
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

/// Whether bytes look like a binary file rather than text: a NUL byte in the first
/// [`SNIFF_BYTES`] bytes (as `git` and `grep` decide), unless a UTF-16 byte-order mark says
/// the NULs are the high bytes of UTF-16 characters.
pub fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    match Encoding::for_bom(head) {
        Some((encoding, _)) if encoding != UTF_8 => false,
        _ => memchr(0, head).is_some(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Owned bytes are decoded as borrowed ones are, whatever their encoding and marks.
    #[test]
    fn owned_bytes_are_decoded_as_borrowed_ones() {
        let mut samples: Vec<Vec<u8>> = crate::test_support::corpus_texts()
            .into_iter()
            .map(String::into_bytes)
            .collect();
        samples.extend(
            [
                &b""[..],
                b"\xEF\xBB\xBFok",
                b"\xEF\xBB",
                b"\xFF\xFEo\0k\0",
                b"\xFE\xFF\0o\0k",
                b"caf\xE9 au lait",
                "\u{FEFF}".as_bytes(),
                "x\u{FEFF}".as_bytes(),
                b"\x93quoted\x94",
            ]
            .map(<[u8]>::to_vec),
        );
        for bytes in samples {
            assert_eq!(decode_owned(bytes.clone()), decode(&bytes), "{bytes:?}");
        }
    }

    #[test]
    fn utf8_passes_through_and_its_bom_is_dropped() {
        let d = decode("“Café,” she said.".as_bytes());
        assert_eq!(
            (d.text.as_str(), d.evidence, d.note()),
            ("“Café,” she said.", Evidence::Utf8, None)
        );
        let d = decode(b"\xEF\xBB\xBFok");
        assert_eq!(
            (d.text.as_str(), d.evidence, d.note()),
            ("ok", Evidence::Bom, None)
        );
    }

    #[test]
    fn utf16_with_a_bom_is_decoded_both_ways() {
        let text = "“Ça va,” he said.";
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        for bytes in [le, be] {
            assert!(!looks_binary(&bytes));
            let d = decode(&bytes);
            assert_eq!(d.text, text);
            assert_eq!(d.note(), None);
        }
    }

    #[test]
    fn windows_1252_and_latin1_are_detected() {
        let bytes =
            b"\x93We will rebuild the caf\xE9s,\x94 the mayor said. \xAB Non \xBB, r\xE9pondit-il.";
        let d = decode(bytes);
        assert_eq!(d.encoding, encoding_rs::WINDOWS_1252);
        assert_eq!(d.evidence, Evidence::Detected);
        assert!(
            d.text
                .starts_with("“We will rebuild the cafés,” the mayor said.")
        );
        assert_eq!(
            d.note().unwrap(),
            "not UTF-8: decoded as windows-1252 (as detected)"
        );
    }

    #[test]
    fn declared_charsets_come_before_detection() {
        let d = decode_with(b"caf\xE9", Some("ISO-8859-1"));
        assert_eq!((d.text.as_str(), d.evidence), ("café", Evidence::Declared));
        // A false UTF-8 declaration does not break Latin-1 bytes.
        let d = decode_with(b"caf\xE9", Some("utf-8"));
        assert_eq!(d.text, "café");
        let d = decode_with(b"caf\xC3\xA9", Some("no-such-charset"));
        assert_eq!(d.text, "café");
    }

    #[test]
    fn html_meta_charsets_are_found() {
        let page = b"<html><head><META http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\"></head><body>caf\xE9</body>";
        assert_eq!(meta_charset(page).as_deref(), Some("iso-8859-1"));
        assert!(decode_html(page, None).text.ends_with("café</body>"));
        assert_eq!(
            meta_charset(b"<meta charset='windows-1252'/>").as_deref(),
            Some("windows-1252")
        );
        assert_eq!(meta_charset(b"<meta name=x><p>charset=utf-8"), None);
        assert_eq!(
            charset_param(b"text/html; Charset=\"UTF-8\"").as_deref(),
            Some("utf-8")
        );
    }

    #[test]
    fn binary_is_told_by_nul_bytes() {
        assert!(looks_binary(b"\x7fELF\x02\x01\x01\x00\x00"));
        assert!(!looks_binary(b"plain text\n"));
        assert!(!looks_binary(b""));
    }
}
