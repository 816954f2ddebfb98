//! msdk-explain's logic: the arguments (`args`, read by clap), standard input's lines
//! (`lines`), where a line's response and endpoint are (`locate`), the responses read
//! from them (`input`), explanations (`explain`), the summary of a log (`summary`),
//! look-ups of codes (`lookup`), strings quoted as `{:?}` quotes them (`quoted`) and
//! the catalog in JSON, Markdown and CSV (`export`).
//! `main.rs` wires it to the process; `tests/it/explain.rs` runs it on in-memory input
//! and output, and `benches/explain.rs` measures it.

mod args;
mod explain;
mod export;
mod input;
mod lines;
pub(crate) mod locate;
mod lookup;
mod quoted;
mod summary;

use std::ffi::OsString;
use std::io::{self, BufRead, Write};
use std::path::Path;

pub use args::{ApiChoice, Command, Format, parse_args};
// The tests read it: they check that docs/error-codes.md is what it writes.
#[allow(unused_imports)]
pub use export::REGENERATE_DOCS;
use msdk_error_codes::{Classifier, MsdkResponse, Overrides};

use explain::{Explanations, Origin, write_explanation};
use input::{Reading, read_responses};

/// The exit status for bad arguments (clap's).
pub const USAGE_ERROR: u8 = 2;
/// The exit status when some input lines could not be read, or output failed.
pub const BAD_INPUT: u8 = 1;
/// How many bad lines `--summary` reports on stderr; it counts them all.
pub const SUMMARY_REPORTED: u64 = 10;
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

/// The classifier of `--overrides FILE`, or the catalog's; the error says what is wrong
/// with the file.
fn classifier(overrides: Option<&Path>) -> Result<Classifier, String> {
    let Some(path) = overrides else {
        return Ok(Classifier::new());
    };
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read the override file {}: {e}", path.display()))?;
    Overrides::from_json(&text)
        .map(|overrides| Classifier::new().with_overrides(overrides))
        .map_err(|e| format!("{}: {e}", path.display()))
}

/// Carries out a command; returns its exit status, or the error that stopped the output.
fn execute(
    command: Command,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    err: &mut dyn Write,
    interactive: bool,
) -> io::Result<u8> {
    let overrides = match &command {
        Command::Explain { overrides, .. }
        | Command::Body { overrides, .. }
        | Command::Code { overrides, .. }
        | Command::Stdin { overrides, .. } => overrides.as_deref(),
        Command::Catalog { .. } => None,
    };
    let classifier = match classifier(overrides) {
        Ok(classifier) => classifier,
        Err(problem) => {
            let _ = writeln!(err, "msdk-explain: {problem}");
            return Ok(USAGE_ERROR);
        }
    };
    let explain_one =
        |out: &mut dyn Write, origin: Origin<'_>, response: &MsdkResponse<'_>, api, json| {
            let c = classifier.classify_response_for(api, response);
            let also = lookup::also_documented(&c);
            write_explanation(out, &classifier, origin, &c, json, &also).map(|()| 0)
        };
    match command {
        Command::Explain {
            api,
            ret,
            msg,
            json,
            ..
        } => explain_one(
            out,
            Origin::Arguments,
            &MsdkResponse::new(ret, msg, None),
            api,
            json,
        ),
        Command::Body {
            api, body, json, ..
        } => match MsdkResponse::from_json(&body) {
            Ok(response) => explain_one(out, Origin::Arguments, &response, api, json),
            Err(e) => {
                let _ = writeln!(
                    err,
                    "msdk-explain: the JSON body is not an MSDK response: {e}"
                );
                Ok(USAGE_ERROR)
            }
        },
        Command::Code { code, json, .. } => {
            let (api, ret, msg) = lookup::wire_form(code);
            explain_one(
                out,
                Origin::Lookup(code),
                &MsdkResponse::new(ret, msg, None),
                api,
                json,
            )
        }
        Command::Stdin {
            api,
            json,
            summary,
            prefix,
            ..
        } => {
            if interactive {
                let _ = writeln!(
                    err,
                    "msdk-explain: reading MSDK responses (JSON, one per line) from standard \
                     input; end with Ctrl-D. Run with --help for usage."
                );
            }
            let mut reading = Reading {
                api,
                classifier: &classifier,
                reported: u64::MAX,
            };
            if summary {
                reading.reported = SUMMARY_REPORTED;
                let mut tally = summary::Summary::new(&classifier);
                let counts = read_responses(&reading, input, err, &mut tally)?;
                tally.write(out, counts, json)?;
                return Ok(counts.status());
            }
            let mut sink = Explanations {
                out,
                classifier: &classifier,
                json,
                prefix,
            };
            read_responses(&reading, input, err, &mut sink).map(|counts| counts.status())
        }
        Command::Catalog { format, api } => export::write_catalog(out, format, api).map(|()| 0),
    }
}
