//! The project's own tools, kept out of the published crate.
//!
//! ```text
//! cargo xtask bench-report [DIR]    the README's Performance tables from `cargo bench`
//!                                   results in DIR (default target/criterion)
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

mod bench_report;

const USAGE: &str = "usage: cargo xtask bench-report [DIR]";

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    match args.next().as_deref() {
        Some("bench-report") => {
            let root = args
                .next()
                .map(PathBuf::from)
                .unwrap_or_else(|| PathBuf::from("target/criterion"));
            bench_report::run(&root)
        }
        Some("-h" | "--help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}
