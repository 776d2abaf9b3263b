//! Runs the fuzz target's check on files, on stable Rust, to reproduce a fuzzing finding:
//! `cargo run --example replay fuzz/artifacts/analyze/crash-...`.

fn main() {
    let mut failed = false;
    for path in std::env::args().skip(1) {
        let data = std::fs::read(&path).expect("readable file");
        match std::panic::catch_unwind(|| whosaid::invariants::check_bytes(&data)) {
            Ok(Ok(())) => println!("{path}: ok"),
            Ok(Err(e)) => {
                failed = true;
                println!("{path}: {e}");
            }
            Err(_) => {
                failed = true;
                println!("{path}: panicked");
            }
        }
    }
    std::process::exit(i32::from(failed));
}
