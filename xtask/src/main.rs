//! The project's own tools, kept out of the published crate.
//!
//! ```text
//! cargo xtask bench-report [DIR]    the README's Performance tables from `cargo bench`
//!                                   results in DIR (default target/criterion)
//! cargo xtask fuzz-corpus [DIR]     the fuzz targets' seed corpus from the fixtures,
//!                                   into DIR (default fuzz/corpus)
//! cargo xtask features [--above-msrv | --at-msrv]
//!                                   the crate's features, one a line, from `cargo
//!                                   metadata`; with a flag, only those that need a newer
//!                                   Rust than rust-version, or only the others
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

mod bench_report;
mod features;
mod fuzz_corpus;

const USAGE: &str = "usage: cargo xtask bench-report [DIR] | fuzz-corpus [DIR] | features [--above-msrv | --at-msrv]";

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
        Some("fuzz-corpus") => {
            let root = args
                .next()
                .map(PathBuf::from)
                .unwrap_or_else(|| PathBuf::from("fuzz/corpus"));
            fuzz_corpus::run(&root)
        }
        Some("features") => features::run(args.next().as_deref()),
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
