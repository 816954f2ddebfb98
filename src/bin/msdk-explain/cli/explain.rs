//! Explanations: one response, or the responses of standard input, line by line.

use std::io::{self, BufRead, Write};

use msdk_error_codes::{Api, Classification, MsdkResponse};

use super::{BAD_INPUT, MAX_LINE};

/// Explains every line of `input`; a bad line is reported and skipped.
pub(super) fn explain_lines(
    api: Api,
    json: bool,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<u8> {
    let mut status = 0;
    let mut lines = Lines::new(input, MAX_LINE);
    let mut line = Vec::new();
    // u64 and saturating: no input is long enough to wrap it, and none can make it panic.
    let mut number: u64 = 0;
    while let Some(length) = lines.read_line(&mut line)? {
        number = number.saturating_add(1);
        // Reports on stderr are best effort: a closed stderr must not stop the
        // explanations, and the exit status still tells that a line was bad.
        if length > line.len() {
            let _ = writeln!(
                err,
                "line {number}: longer than {MAX_LINE} bytes ({length} bytes), skipped"
            );
            status = BAD_INPUT;
            continue;
        }
        let text = line.trim_ascii();
        if text.is_empty() {
            continue;
        }
        match read_response(text) {
            Ok(response) => {
                write_explanation(out, &response.classify_for(api), json)?;
                if !json {
                    writeln!(out)?;
                }
            }
            Err(problem) => {
                let _ = writeln!(err, "line {number}: {problem}");
                status = BAD_INPUT;
            }
        }
    }
    Ok(status)
}

/// Splits input into lines that end in `\n`, `\r\n` or a lone `\r` (old Mac files, and
/// some log shippers), keeping at most `max` bytes of each.
struct Lines<'a> {
    input: &'a mut dyn BufRead,
    max: usize,
    /// The last line ended in `\r`: a `\n` right after it belongs to that line's end.
    after_cr: bool,
}

impl<'a> Lines<'a> {
    fn new(input: &'a mut dyn BufRead, max: usize) -> Self {
        Lines {
            input,
            max,
            after_cr: false,
        }
    }

    /// Reads the next line, without its line ending, into `line`; returns its full
    /// length, which is more than `line.len()` when the line was longer than `max`, or
    /// `None` at the end of the input.
    fn read_line(&mut self, line: &mut Vec<u8>) -> io::Result<Option<usize>> {
        line.clear();
        let mut length = 0usize;
        let mut started = false;
        loop {
            let buffer = match self.input.fill_buf() {
                Ok(buffer) => buffer,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if buffer.is_empty() {
                return Ok(started.then_some(length));
            }
            if std::mem::take(&mut self.after_cr) && buffer[0] == b'\n' {
                self.input.consume(1);
                continue;
            }
            started = true;
            let end = buffer.iter().position(|&b| b == b'\n' || b == b'\r');
            let chunk = &buffer[..end.unwrap_or(buffer.len())];
            let room = self.max.saturating_sub(line.len());
            line.extend_from_slice(&chunk[..chunk.len().min(room)]);
            length = length.saturating_add(chunk.len());
            let used = chunk.len();
            match end {
                Some(at) => {
                    self.after_cr = buffer[at] == b'\r';
                    self.input.consume(used + 1);
                    return Ok(Some(length));
                }
                None => self.input.consume(used),
            }
        }
    }
}

/// The first JSON object of a line; text before it (a log prefix) is skipped, text
/// after it ignored.
fn read_response(line: &[u8]) -> Result<MsdkResponse<'_>, String> {
    let start = line
        .iter()
        .position(|&b| b == b'{')
        .ok_or("no JSON object (no '{') in the line")?;
    match MsdkResponse::from_slice_prefix(&line[start..]) {
        Ok((response, _)) => Ok(response),
        Err(e) => {
            let at = if start > 0 {
                format!(" (the JSON starts at byte {})", start + 1)
            } else {
                String::new()
            };
            Err(format!("{e}{at}"))
        }
    }
}

pub(super) fn write_explanation(
    out: &mut dyn Write,
    c: &Classification<'_>,
    json: bool,
) -> io::Result<()> {
    if json {
        serde_json::to_writer(&mut *out, c)?;
        return writeln!(out);
    }
    writeln!(out, "ret {}, msg {:?}", c.ret(), c.msg())?;
    if c.api() != Api::Generic {
        writeln!(out, "  api                {}", c.api())?;
    }
    let detail = match c.known() {
        Some(code) => format!(" ({}::{})", c.layer().enum_name(), code.name()),
        None => {
            let range = c
                .range()
                .filter(|_| !c.is_passthrough())
                .map(|r| format!(", in the {} range ({})", r.as_str(), r.description()))
                .unwrap_or_default();
            format!(": undocumented{range}")
        }
    };
    writeln!(
        out,
        "  code               {} {}{detail}",
        c.layer(),
        c.code()
    )?;
    if let Some(text) = c.platform_message() {
        writeln!(out, "  platform message   {text:?}")?;
    }
    if let Some(code) = c.known() {
        writeln!(out, "  错误描述           {}", code.description())?;
        writeln!(
            out,
            "  推荐处理           {}",
            or_none(code.recommendation())
        )?;
        writeln!(out, "  description        {}", code.description_en())?;
        writeln!(out, "  recommendation     {}", code.recommendation_en())?;
    }
    let err_type = c.err_type();
    write!(
        out,
        "  err_type           {} {}: {}",
        err_type.code(),
        err_type.as_str(),
        err_type.description()
    )?;
    if c.server_err_type().is_some() && c.table_err_type() != err_type {
        let table = c.table_err_type();
        write!(
            out,
            " (sent by the server; the catalogue says {} {})",
            table.code(),
            table.as_str()
        )?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "  action             {}: {}",
        c.action(),
        c.action().description()
    )?;
    writeln!(out, "  decision           {}", c.decision())
}

fn or_none(text: &str) -> &str {
    if text.is_empty() { "(none)" } else { text }
}
