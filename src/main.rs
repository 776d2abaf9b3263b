//! The `whosaid` command-line tool.
fn main() {}
