//! Explain an MSDK Server response: what it means and what to do.
//!
//! ```text
//! cargo run --example explain -- -10000 "-73,the user modify password wrong"
//! cargo run --example explain -- --help
//! ```

mod cli;

use std::io::{self, BufWriter, IsTerminal, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = Vec::new();
    for arg in std::env::args_os().skip(1) {
        match arg.into_string() {
            Ok(arg) => args.push(arg),
            Err(bad) => {
                let _ = writeln!(io::stderr(), "explain: argument {bad:?} is not valid UTF-8");
                return ExitCode::from(cli::USAGE_ERROR);
            }
        }
    }
    if args.is_empty() && io::stdin().is_terminal() {
        eprintln!(
            "explain: reading MSDK responses (JSON, one per line) from standard input; \
             end with Ctrl-D. Run with --help for usage."
        );
    }
    let mut input = io::stdin().lock();
    let mut out = BufWriter::new(io::stdout().lock());
    let status = cli::run(&args, &mut input, &mut out, &mut io::stderr());
    ExitCode::from(status)
}
