//! Standard input's responses: each line's response, classified in its API, handed to a
//! [`Sink`] with where it came from; bad lines reported on stderr by number.

use std::io::{self, BufRead, Write};

use msdk_error_codes::{Classification, Classifier};

use super::ApiChoice;
use super::lines::{Line, for_each_line};
use super::locate::{Endpoints, find_response};
use super::{BAD_INPUT, MAX_LINE};

/// What is done with each response read.
pub(super) trait Sink {
    /// The response of line `number`, and the line's text before its JSON, trimmed.
    fn response(
        &mut self,
        number: u64,
        prefix: &[u8],
        classification: &Classification<'_>,
    ) -> io::Result<()>;
}

/// How many lines of each kind the input had.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Counts {
    pub(super) lines: u64,
    pub(super) responses: u64,
    pub(super) bad: u64,
    pub(super) blank: u64,
}

impl Counts {
    /// The exit status: [`BAD_INPUT`] when some line was bad.
    pub(super) fn status(&self) -> u8 {
        if self.bad > 0 { BAD_INPUT } else { 0 }
    }
}

/// How the input is read.
pub(super) struct Reading<'c> {
    pub(super) api: ApiChoice,
    pub(super) classifier: &'c Classifier,
    /// How many bad lines are reported on stderr; the rest are only counted.
    pub(super) reported: u64,
}

/// Reads every line of `input`, hands each response to `sink`, reports bad lines on
/// `err`; returns the counts.
pub(super) fn read_responses<S: Sink>(
    reading: &Reading<'_>,
    input: &mut dyn BufRead,
    err: &mut dyn Write,
    sink: &mut S,
) -> io::Result<Counts> {
    let mut counts = Counts::default();
    let mut endpoints = Endpoints::default();
    let mut bad = |counts: &mut Counts, number: u64, problem: &dyn std::fmt::Display| {
        counts.bad += 1;
        // Reports on stderr are best effort: a closed stderr must not stop the
        // explanations, and the exit status still tells that a line was bad.
        if counts.bad <= reading.reported {
            let _ = writeln!(err, "line {number}: {problem}");
        }
    };
    for_each_line(input, MAX_LINE, |line| {
        // u64 and saturating: no input is long enough to wrap it, and none can make it
        // panic.
        counts.lines = counts.lines.saturating_add(1);
        let number = counts.lines;
        let text = match line {
            Line::TooLong(length) => {
                bad(
                    &mut counts,
                    number,
                    &format_args!("longer than {MAX_LINE} bytes ({length} bytes), skipped"),
                );
                return Ok(());
            }
            Line::Text(text) => text.trim_ascii(),
        };
        if text.is_empty() {
            counts.blank += 1;
            return Ok(());
        }
        match find_response(text) {
            Ok(found) => {
                let prefix = text[..found.start].trim_ascii_end();
                let api = match reading.api {
                    ApiChoice::Fixed(api) => api,
                    ApiChoice::Auto => endpoints.api(prefix),
                };
                let classification = reading
                    .classifier
                    .classify_response_for(api, &found.response);
                counts.responses += 1;
                sink.response(number, prefix, &classification)
            }
            Err(problem) => {
                bad(&mut counts, number, &problem);
                Ok(())
            }
        }
    })?;
    if counts.bad > reading.reported {
        let _ = writeln!(
            err,
            "msdk-explain: {} more bad lines not shown",
            counts.bad - reading.reported
        );
    }
    Ok(counts)
}
