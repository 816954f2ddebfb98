//! msdk-explain's logic: the arguments (`args`, read by clap), explanations of
//! responses (`explain`) and the catalog in JSON, Markdown and CSV (`export`).
//! `main.rs` wires it to the process; the tests run it on in-memory input and output.

mod args;
mod explain;
mod export;

use std::ffi::OsString;
use std::io::{self, BufRead, Write};

pub use args::{Command, Format, parse_args};
// The tests read it: they check that docs/error-codes.md is what it writes.
#[allow(unused_imports)]
pub use export::REGENERATE_DOCS;
use msdk_error_codes::classify_for;

/// The exit status for bad arguments (clap's).
pub const USAGE_ERROR: u8 = 2;
/// The exit status when some input lines could not be read, or output failed.
pub const BAD_INPUT: u8 = 1;
/// The longest input line read, in bytes. A longer one is reported and skipped, so that
/// input without line breaks (`msdk-explain < /dev/zero`) cannot take all the memory;
/// real responses, friend lists included, are far shorter.
pub const MAX_LINE: usize = 16 << 20;

/// Runs the tool on the arguments (without the program name); returns the exit status.
///
/// `interactive` says that standard input is a terminal: before reading responses from
/// it, the tool says how to end the input.
pub fn run<I, T>(
    args: I,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    err: &mut dyn Write,
    interactive: bool,
) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<OsString>,
{
    let result = match parse_args(args) {
        Ok(command) => execute(command, input, out, err, interactive),
        Err(e) if e.use_stderr() => {
            // Usage errors go to stderr as clap renders them; the write can only fail
            // when stderr is gone, and the status says it all then.
            let _ = write!(err, "{}", e.render());
            let _ = err.flush();
            return u8::try_from(e.exit_code()).unwrap_or(USAGE_ERROR);
        }
        // --help and --version: the answer, on stdout.
        Err(e) => write!(out, "{}", e.render()).map(|()| 0),
    };
    match result.and_then(|status| out.flush().map(|()| status)) {
        Ok(status) => status,
        // A closed pipe (`msdk-explain --catalog | head`) is the reader's choice, not an
        // error: stop quietly.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            let _ = writeln!(err, "msdk-explain: {e}");
            BAD_INPUT
        }
    }
}

/// Carries out a command; returns its exit status, or the error that stopped the output.
fn execute(
    command: Command,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    err: &mut dyn Write,
    interactive: bool,
) -> io::Result<u8> {
    match command {
        Command::Explain {
            api,
            ret,
            msg,
            json,
        } => explain::write_explanation(out, &classify_for(api, ret, &msg), json).map(|()| 0),
        Command::Stdin { api, json } => {
            if interactive {
                let _ = writeln!(
                    err,
                    "msdk-explain: reading MSDK responses (JSON, one per line) from standard \
                     input; end with Ctrl-D. Run with --help for usage."
                );
            }
            explain::explain_lines(api, json, input, out, err)
        }
        Command::Catalog(format) => export::write_catalog(out, format).map(|()| 0),
    }
}
