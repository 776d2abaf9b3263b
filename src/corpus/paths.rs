//! `--paths-from`: a list of inputs, one path per line, read lazily from a file or stdin.
//!
//! Each line names a file or directory to read as if it had been given on the command line
//! (a WARC file on shared storage, a folder of `.txt` files). The list is read one line at a
//! time, as the corpus gets to it, so that a data engine can feed paths as it goes. Blank
//! lines are passed over; the line end (`\n` or `\r\n`) and surrounding spaces are not part
//! of the path.

use std::fmt;
use std::io::BufRead;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// The paths of a list, one per line.
pub struct PathList {
    reader: Box<dyn BufRead>,
    name: PathBuf,
    line: usize,
    done: bool,
}

impl fmt::Debug for PathList {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PathList")
            .field("name", &self.name)
            .field("line", &self.line)
            .field("done", &self.done)
            .finish_non_exhaustive()
    }
}

impl PathList {
    /// The paths listed in `reader`, which is named `name` in errors.
    pub fn new(reader: Box<dyn BufRead>, name: impl Into<PathBuf>) -> Self {
        PathList {
            reader,
            name: name.into(),
            line: 0,
            done: false,
        }
    }

    /// The list's name in errors (`<stdin>` for standard input).
    pub fn name(&self) -> &Path {
        &self.name
    }
}

impl Iterator for PathList {
    type Item = Result<PathBuf>;

    /// The next path; a read error (or a line that is not UTF-8) is an `Err` item, and a
    /// read error ends the list.
    fn next(&mut self) -> Option<Self::Item> {
        let mut buf = Vec::new();
        while !self.done {
            buf.clear();
            match self.reader.read_until(b'\n', &mut buf) {
                Ok(0) => self.done = true,
                Ok(_) => {
                    self.line += 1;
                    let Ok(text) = std::str::from_utf8(&buf) else {
                        return Some(Err(Error::Record {
                            path: self.name.clone(),
                            line: Some(self.line),
                            doc: None,
                            message: "path is not valid UTF-8".into(),
                        }));
                    };
                    let path = text.trim();
                    if !path.is_empty() {
                        return Some(Ok(PathBuf::from(path)));
                    }
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(source) => {
                    self.done = true;
                    return Some(Err(Error::Io {
                        path: self.name.clone(),
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
    use std::io::{self, BufReader, Cursor, Read};

    fn list(text: &[u8]) -> Vec<String> {
        PathList::new(Box::new(Cursor::new(text.to_vec())), "list.txt")
            .map(|item| match item {
                Ok(path) => path.display().to_string(),
                Err(e) => format!("error: {e}"),
            })
            .collect()
    }

    #[test]
    fn one_path_per_line_blank_lines_and_line_ends_dropped() {
        assert_eq!(
            list(b"a.warc.gz\r\n\n  dir/b c.txt \n\nlast.jsonl"),
            ["a.warc.gz", "dir/b c.txt", "last.jsonl"]
        );
        assert!(list(b"").is_empty());
    }

    #[test]
    fn a_line_that_is_not_utf8_is_an_error_and_the_list_goes_on() {
        assert_eq!(
            list(b"a.txt\n\xFF.txt\nb.txt\n"),
            [
                "a.txt",
                "error: list.txt:2: path is not valid UTF-8",
                "b.txt"
            ]
        );
    }

    struct Failing;

    impl Read for Failing {
        fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
            Err(io::Error::other("disk gone"))
        }
    }

    #[test]
    fn a_read_error_ends_the_list() {
        let items: Vec<String> = PathList::new(Box::new(BufReader::new(Failing)), "<stdin>")
            .map(|item| item.unwrap_err().to_string())
            .collect();
        assert_eq!(items, ["<stdin>: disk gone"]);
    }
}
