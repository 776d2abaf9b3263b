//! Opening corpus files: what a file holds, told by its extensions, and a reader that
//! decompresses `.gz` (every member of a multi-member file, as Common Crawl writes them, with
//! [`flate2::bufread::MultiGzDecoder`]) and `.zst` ([`zstd`]) on the fly.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

/// Buffer size of file readers.
const BUF_SIZE: usize = 1 << 16;

/// What a file holds once decompressed, by its extension (ASCII case-insensitive).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Plain text: `.txt`.
    Txt,
    /// One JSON record per line: `.jsonl`.
    Jsonl,
    /// A web page: `.html`, `.htm`.
    Html,
    /// A Web ARChive: `.warc`.
    Warc,
}

/// How a file is compressed, by its last extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Compression {
    /// Not compressed.
    None,
    /// `.gz`: gzip, one or several members.
    Gzip,
    /// `.zst`: Zstandard.
    Zstd,
}

/// What a file holds and how it is compressed, from its name: `a.txt`, `a.warc.gz`,
/// `a.jsonl.zst`, `a.HTM`; `None` for any other name.
pub fn classify(path: &Path) -> Option<(Format, Compression)> {
    let name = path.file_name()?.to_str()?;
    let (stem, compression) = match name.rsplit_once('.') {
        Some((stem, ext)) if ext.eq_ignore_ascii_case("gz") => (stem, Compression::Gzip),
        Some((stem, ext)) if ext.eq_ignore_ascii_case("zst") => (stem, Compression::Zstd),
        _ => (name, Compression::None),
    };
    let (_, ext) = stem.rsplit_once('.')?;
    let format = match ext.to_ascii_lowercase().as_str() {
        "txt" => Format::Txt,
        "jsonl" => Format::Jsonl,
        "html" | "htm" => Format::Html,
        "warc" => Format::Warc,
        _ => return None,
    };
    Some((format, compression))
}

/// A buffered reader of the file's content, decompressed.
pub type Reader = Box<dyn BufRead + Send>;

/// Opens `path` and decompresses it as `compression` says; a file without a compression
/// extension whose content starts with the gzip or Zstandard magic number (`page.warc` that
/// is really `page.warc.gz`) is decompressed all the same.
pub fn open(path: &Path, compression: Compression) -> io::Result<Reader> {
    let mut file = BufReader::with_capacity(BUF_SIZE, File::open(path)?);
    let compression = match compression {
        Compression::None => sniff(file.fill_buf()?),
        given => given,
    };
    wrap(file, compression)
}

/// The compression that the first bytes of a stream announce.
pub fn sniff(head: &[u8]) -> Compression {
    if head.starts_with(&[0x1f, 0x8b]) {
        Compression::Gzip
    } else if head.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
        Compression::Zstd
    } else {
        Compression::None
    }
}

/// Decompresses a buffered byte stream as `compression` says.
pub fn wrap<R: BufRead + Send + 'static>(input: R, compression: Compression) -> io::Result<Reader> {
    Ok(match compression {
        Compression::None => Box::new(input),
        Compression::Gzip => Box::new(BufReader::with_capacity(
            BUF_SIZE,
            flate2::bufread::MultiGzDecoder::new(input),
        )),
        Compression::Zstd => Box::new(BufReader::with_capacity(
            BUF_SIZE,
            zstd::stream::read::Decoder::with_buffer(input)?,
        )),
    })
}

/// The result of reading at most a given number of bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Bounded {
    /// All the bytes, within the limit.
    Whole(Vec<u8>),
    /// There were more bytes than the limit; the reader was left where it stopped.
    TooLarge,
}

/// Reads `reader` to its end, unless it holds more than `limit` bytes. `expected` is the
/// number of bytes it likely holds (a file's size, 0 if unknown): the buffer starts that
/// large (at most `limit`), rather than growing to it by copies.
pub fn read_bounded(reader: impl Read, limit: u64, expected: u64) -> io::Result<Bounded> {
    let mut bytes = Vec::with_capacity(usize::try_from(expected.min(limit)).unwrap_or(0));
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    Ok(if bytes.len() as u64 > limit {
        Bounded::TooLarge
    } else {
        Bounded::Whole(bytes)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Cursor, Write};

    #[test]
    fn names_tell_format_and_compression() {
        let cases = [
            ("a.txt", Some((Format::Txt, Compression::None))),
            ("dir/B.TXT", Some((Format::Txt, Compression::None))),
            ("x.jsonl.gz", Some((Format::Jsonl, Compression::Gzip))),
            ("x.jsonl.zst", Some((Format::Jsonl, Compression::Zstd))),
            ("page.htm", Some((Format::Html, Compression::None))),
            ("page.html.GZ", Some((Format::Html, Compression::Gzip))),
            ("CC-NEWS-1.warc.gz", Some((Format::Warc, Compression::Gzip))),
            ("a.warc", Some((Format::Warc, Compression::None))),
            ("a.gz", None),
            ("a.csv", None),
            ("txt", None),
            ("README", None),
        ];
        for (name, expected) in cases {
            assert_eq!(classify(Path::new(name)), expected, "{name}");
        }
    }

    fn gzip(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    fn read_all(bytes: Vec<u8>, c: Compression) -> io::Result<Vec<u8>> {
        let mut out = Vec::new();
        wrap(Cursor::new(bytes), c)?.read_to_end(&mut out)?;
        Ok(out)
    }

    #[test]
    fn every_gzip_member_is_read() {
        let mut both = gzip(b"first member\n");
        both.extend(gzip(b"second member\n"));
        assert_eq!(
            read_all(both, Compression::Gzip).unwrap(),
            b"first member\nsecond member\n"
        );
    }

    #[test]
    fn truncated_gzip_is_an_error_after_what_it_had() {
        let whole = gzip(&b"some text ".repeat(1000));
        let cut = whole[..whole.len() / 2].to_vec();
        let err = read_all(cut, Compression::Gzip).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::UnexpectedEof);
    }

    #[test]
    fn zstd_round_trips() {
        let data = zstd::encode_all(&b"zstd text"[..], 3).unwrap();
        assert_eq!(read_all(data, Compression::Zstd).unwrap(), b"zstd text");
    }

    #[test]
    fn compressed_files_without_their_extension_are_recognized() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("page.warc");
        std::fs::write(&path, gzip(b"WARC/1.0")).unwrap();
        let mut out = Vec::new();
        open(&path, Compression::None)
            .unwrap()
            .read_to_end(&mut out)
            .unwrap();
        assert_eq!(out, b"WARC/1.0");
        assert_eq!(
            sniff(&zstd::encode_all(&b"x"[..], 1).unwrap()),
            Compression::Zstd
        );
        assert_eq!(sniff(b"plain"), Compression::None);
    }

    #[test]
    fn reads_are_bounded() {
        assert_eq!(
            read_bounded(&b"12345"[..], 5, 5).unwrap(),
            Bounded::Whole(b"12345".to_vec())
        );
        assert_eq!(
            read_bounded(&b"123456"[..], 5, 0).unwrap(),
            Bounded::TooLarge
        );
        assert_eq!(
            read_bounded(&b"123"[..], 5, 1000).unwrap(),
            Bounded::Whole(b"123".to_vec())
        );
        // A gzip bomb stops at the limit.
        let bomb = gzip(&vec![b'a'; 1 << 20]);
        let reader = wrap(Cursor::new(bomb), Compression::Gzip).unwrap();
        assert_eq!(read_bounded(reader, 1000, 0).unwrap(), Bounded::TooLarge);
    }
}
