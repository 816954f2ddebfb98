//! msdk-explain: what an MSDK Server response means, and what to do about it.
//!
//! ```text
//! cargo install --path . --features cli     # from a clone; once published: cargo install msdk-error-codes --features cli
//! msdk-explain -10000 "-73,the user modify password wrong"
//! msdk-explain --help
//! ```
//!
//! Rust ignores SIGPIPE, so writing to a closed pipe (`msdk-explain --catalog | head -1`)
//! is a `BrokenPipe` error, which `cli::run` turns into a quiet exit with status 0.
//! Nothing here prints with `print!`/`eprint!`, which would panic on it.

#![forbid(unsafe_code)]

mod cli;

use std::io::{self, BufWriter, IsTerminal};
use std::process::ExitCode;

fn main() -> ExitCode {
    let interactive = io::stdin().is_terminal();
    let mut input = io::stdin().lock();
    let mut out = BufWriter::new(io::stdout().lock());
    let status = cli::run(
        std::env::args_os().skip(1),
        &mut input,
        &mut out,
        &mut io::stderr(),
        interactive,
    );
    ExitCode::from(status)
}
