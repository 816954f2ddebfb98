//! The project's own tools, kept out of the published crate.
//!
//! ```text
//! cargo xtask bench-report [DIR]    the README's Performance tables from `cargo bench`
//!                                   results in DIR (default target/criterion)
//! cargo xtask explain-log BYTES [--bodies]
//!                                   the log msdk-explain is measured on (benches/explain.rs),
//!                                   at least BYTES long, on stdout; with --bodies only the
//!                                   JSON response of each line, for tools that read JSON only
//! cargo xtask fuzz-corpus [DIR]     the fuzz targets' seed corpus from the fixtures,
//!                                   into DIR (default fuzz/corpus)
//! cargo xtask features [--above-msrv | --at-msrv]
//!                                   the crate's features, one a line, from `cargo
//!                                   metadata`; with a flag, only those that need a newer
//!                                   Rust than rust-version, or only the others
//! ```

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

mod bench_report;
mod features;
mod fuzz_corpus;

// The generator of benches/explain.rs, so that scripts/explain-vs-jq.sh measures the
// same log as the bench.
#[path = "../../benches/explain_log/mod.rs"]
#[allow(dead_code)] // `log` is the bench's
mod explain_log;

const USAGE: &str = "usage: cargo xtask bench-report [DIR]
       cargo xtask explain-log BYTES [--bodies]
       cargo xtask fuzz-corpus [DIR]
       cargo xtask features [--above-msrv | --at-msrv]";

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
        Some("explain-log") => {
            let size = args.next().and_then(|n| n.parse::<usize>().ok());
            let bodies = match args.next().as_deref() {
                None => false,
                Some("--bodies") => true,
                Some(_) => return usage_error(),
            };
            match size {
                Some(size) => write_explain_log(size, bodies),
                None => usage_error(),
            }
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
        _ => usage_error(),
    }
}

fn usage_error() -> ExitCode {
    eprintln!("{USAGE}");
    ExitCode::from(2)
}

/// The log of at least `size` bytes, or with `bodies` the JSON of each of its lines.
fn write_explain_log(size: usize, bodies: bool) -> ExitCode {
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let mut written = 0;
    let mut result = Ok(());
    explain_log::for_each_line(|line| {
        if written >= size {
            return false;
        }
        written += line.len();
        // The generated lines have one `{`, where the response starts.
        let part = if bodies {
            &line[line.find('{').unwrap_or(0)..]
        } else {
            line
        };
        result = out.write_all(part.as_bytes());
        result.is_ok()
    });
    match result.and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("explain-log: {e}");
            ExitCode::FAILURE
        }
    }
}
