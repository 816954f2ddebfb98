//! msdk-explain's logic: arguments (read by clap), explanations, and the catalogue in
//! JSON, Markdown and CSV. `main.rs` wires it to the process; `tests/explain.rs` runs it
//! on in-memory input and output.

use std::ffi::OsString;
use std::io::{self, BufRead, Write};

use clap::error::ErrorKind;
use clap::{CommandFactory, Parser, ValueEnum};
use msdk_error_codes::{Api, Classification, Layer, MsdkCode, MsdkResponse, catalog, classify_for};
use serde::Serialize;

/// The exit status for bad arguments (clap's).
pub const USAGE_ERROR: u8 = 2;
/// The exit status when some input lines could not be read, or output failed.
pub const BAD_INPUT: u8 = 1;
/// The longest input line read, in bytes. A longer one is reported and skipped, so that
/// input without line breaks (`msdk-explain < /dev/zero`) cannot take all the memory;
/// real responses, friend lists included, are far shorter.
pub const MAX_LINE: usize = 16 << 20;

const USAGE: &str = "\
msdk-explain [--api <API>] [--json] [--] <RET> [MSG]
       msdk-explain [--api <API>] [--json] < responses.log
       msdk-explain --catalog [--format <FORMAT>]";

const AFTER_HELP: &str = "\
Examples:
  msdk-explain -10000 \"-73,the user modify password wrong\"
  msdk-explain --api share-qq 100000
  grep '\"ret\"' msdk.log | msdk-explain --json
  msdk-explain -- 1 -h        (a MSG made only of this tool's short flags goes after --)

Without <RET>, each line of standard input must hold an MSDK response as JSON (text
before the first '{' is skipped, so log lines work; lines end in \\n, \\r\\n or \\r). A bad
line is reported on stderr with its number, the rest are still explained.

Exit status: 0 done, 1 some input lines were bad (or output failed), 2 bad arguments.";

/// The arguments as clap reads them; [`parse_args`] turns them into a [`Command`].
#[derive(Debug, Parser)]
#[command(
    name = "msdk-explain",
    version,
    about = "What an MSDK Server response means, and what to do about it.",
    override_usage = USAGE,
    after_help = AFTER_HELP
)]
struct Args {
    /// The response's ret, e.g. -10000; without it, responses are read from standard input
    // Negative numbers are the usual case, so `-10000` is a value, not a short flag.
    #[arg(value_name = "RET", allow_negative_numbers = true, value_parser = parse_ret)]
    ret: Option<i32>,

    /// The response's msg, e.g. "-73,the user modify password wrong"
    // Platform messages start with their code, often negative (`-73,...`): a MSG that
    // starts with `-` is a value, unless it is only this tool's short flags (`-h`, `-V`).
    #[arg(value_name = "MSG", allow_hyphen_values = true)]
    msg: Option<String>,

    /// The API that was called, which decides the table read first: generic (default),
    /// share-qzone, share-qq, game-center, blue-diamond, wechat-group, or an endpoint path
    /// like /share/qq
    #[arg(long, value_name = "API")]
    api: Option<Api>,

    /// Print one JSON object per explanation (with --catalog: the catalogue in JSON)
    #[arg(long)]
    json: bool,

    /// Print every documented code
    #[arg(long, conflicts_with_all = ["ret", "msg", "api"])]
    catalog: bool,

    /// The catalogue's format [default: markdown, or json with --json]
    // Not `requires = "catalog"`: clap counts a bool flag's default `false` as present,
    // so parse_args checks it.
    #[arg(long, value_enum, value_name = "FORMAT")]
    format: Option<Format>,
}

/// `<RET>`: an `i32`, blanks around it ignored (a pasted `" -10000"`).
fn parse_ret(text: &str) -> Result<i32, String> {
    text.trim()
        .parse()
        .map_err(|_| format!("must be an integer from {} to {}", i32::MIN, i32::MAX))
}

/// What the arguments ask for.
#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    /// Explain the one response given by `<RET> [MSG]`.
    Explain {
        /// The API context, `--api`.
        api: Api,
        /// The response's `ret`.
        ret: i32,
        /// The response's `msg`, empty when not given.
        msg: String,
        /// `--json`.
        json: bool,
    },
    /// Explain the responses on standard input, one per line.
    Stdin {
        /// The API context, `--api`.
        api: Api,
        /// `--json`.
        json: bool,
    },
    /// Print the catalogue.
    Catalog(Format),
}

/// The catalogue's output formats.
#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One JSON array of every code
    Json,
    /// One table per layer, as docs/error-codes.md
    #[value(alias = "md")]
    Markdown,
    /// RFC 4180, one row per code, the JSON's fields as columns
    Csv,
}

/// Reads the arguments (without the program name). `--help` and `--version` come back as
/// clap errors of kind `DisplayHelp` and `DisplayVersion`, as clap reports them.
pub fn parse_args<I, T>(args: I) -> Result<Command, clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<OsString>,
{
    // The name is fixed, not argv[0], so that help and errors read the same however the
    // binary was started.
    let argv =
        std::iter::once(OsString::from("msdk-explain")).chain(args.into_iter().map(Into::into));
    let args = Args::try_parse_from(argv)?;
    if args.format.is_some() && !args.catalog {
        return Err(Args::command().error(
            ErrorKind::MissingRequiredArgument,
            "--format applies to --catalog only",
        ));
    }
    if args.catalog {
        let default = if args.json {
            Format::Json
        } else {
            Format::Markdown
        };
        return Ok(Command::Catalog(args.format.unwrap_or(default)));
    }
    let api = args.api.unwrap_or_default();
    Ok(match args.ret {
        Some(ret) => Command::Explain {
            api,
            ret,
            msg: args.msg.unwrap_or_default(),
            json: args.json,
        },
        None => Command::Stdin {
            api,
            json: args.json,
        },
    })
}

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
        } => write_explanation(out, &classify_for(api, ret, &msg), json).map(|()| 0),
        Command::Stdin { api, json } => {
            if interactive {
                let _ = writeln!(
                    err,
                    "msdk-explain: reading MSDK responses (JSON, one per line) from standard \
                     input; end with Ctrl-D. Run with --help for usage."
                );
            }
            explain_lines(api, json, input, out, err)
        }
        Command::Catalog(format) => write_catalog(out, format).map(|()| 0),
    }
}

/// Explains every line of `input`; a bad line is reported and skipped.
fn explain_lines(
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

fn write_explanation(out: &mut dyn Write, c: &Classification<'_>, json: bool) -> io::Result<()> {
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

/// One catalogue entry, with the `ret` and `msg` MSDK sends for it (its fixture).
#[derive(Serialize)]
struct Entry {
    ret: i32,
    msg: String,
    layer: Layer,
    code: i32,
    name: &'static str,
    description: &'static str,
    recommendation: &'static str,
    description_en: &'static str,
    recommendation_en: &'static str,
    err_type: i32,
    action: &'static str,
    known: bool,
    api: &'static str,
    /// The last number of a range row (`0x10~0x11`), else null.
    range_end: Option<i32>,
    /// An OIDB row's unsigned decimal form, when it differs from `code`, else null.
    unsigned: Option<i32>,
    /// The metric label (`Classification::label`).
    label: &'static str,
}

impl Entry {
    fn of(code: MsdkCode) -> Entry {
        let fixture = code.fixture();
        let info = code.info();
        Entry {
            ret: fixture.response().ret(),
            msg: fixture.response().msg().to_owned(),
            layer: info.layer,
            code: info.code,
            name: info.name,
            description: info.description,
            recommendation: info.recommendation,
            description_en: info.description_en,
            recommendation_en: info.recommendation_en,
            err_type: info.err_type.code(),
            action: info.action.as_str(),
            known: true,
            api: fixture.api().as_str(),
            range_end: info.range_end,
            unsigned: info.unsigned,
            label: info.label,
        }
    }

    /// The code as the spec's table gives it: `16..=17` for a range row, `-1 (255)` for
    /// an OIDB row's two forms.
    fn code_cell(&self) -> String {
        match (self.range_end, self.unsigned) {
            (Some(end), _) => format!("{}..={end}", self.code),
            (None, Some(unsigned)) => format!("{} ({unsigned})", self.code),
            (None, None) => self.code.to_string(),
        }
    }

    /// The CSV header and row, in the JSON's field order.
    const CSV_HEADER: &'static str = "ret,msg,layer,code,name,description,recommendation,description_en,recommendation_en,err_type,action,known,api,range_end,unsigned,label";

    fn csv_row(&self) -> String {
        let fields = [
            self.ret.to_string(),
            self.msg.clone(),
            self.layer.as_str().to_owned(),
            self.code.to_string(),
            self.name.to_owned(),
            self.description.to_owned(),
            self.recommendation.to_owned(),
            self.description_en.to_owned(),
            self.recommendation_en.to_owned(),
            self.err_type.to_string(),
            self.action.to_owned(),
            self.known.to_string(),
            self.api.to_owned(),
            self.range_end.map(|n| n.to_string()).unwrap_or_default(),
            self.unsigned.map(|n| n.to_string()).unwrap_or_default(),
            self.label.to_owned(),
        ];
        fields
            .iter()
            .map(|f| csv_field(f))
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// RFC 4180: quote fields with commas, quotes or line breaks; double the quotes.
fn csv_field(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

fn write_catalog(out: &mut dyn Write, format: Format) -> io::Result<()> {
    let entries: Vec<Entry> = catalog().map(Entry::of).collect();
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &entries)?;
            writeln!(out)
        }
        Format::Csv => {
            writeln!(out, "{}", Entry::CSV_HEADER)?;
            for entry in &entries {
                writeln!(out, "{}", entry.csv_row())?;
            }
            Ok(())
        }
        Format::Markdown => write_markdown(out, &entries),
    }
}

/// The command that writes `docs/error-codes.md`.
pub const REGENERATE_DOCS: &str = "cargo run --features cli --bin msdk-explain -- --catalog --format markdown > docs/error-codes.md";

fn write_markdown(out: &mut dyn Write, entries: &[Entry]) -> io::Result<()> {
    writeln!(out, "# MSDK Server error codes\n")?;
    writeln!(
        out,
        "<!-- Generated from the msdk-error-codes crate by `{REGENERATE_DOCS}`. Do not edit: tests/explain.rs fails when this file is stale. -->\n"
    )?;
    writeln!(
        out,
        "All {} codes of the MSDK Server error-code page in its last revision (2016-03-30), one table per layer in the spec's order. \
         错误描述 and 推荐处理 are the spec's text, verbatim; the English is the crate's. \
         `err_type` is what the client should act on (0 normal, 1 retry later, 2 re-authorize, \
         3 refresh the token, 5 unknown) and `action` the normalised handling. \
         QQ and WeChat platform codes arrive tunnelled as `ret -10000` / `ret -20000` with `msg` = `\"code,text\"`, \
         and the OIDB codes of §9 as `ret -15000` to `-19999` with `ret:N` in `msg`; \
         the codes of an API's own table are read in that API's context.",
        entries.len()
    )?;
    for layer in Layer::ALL {
        let rows: Vec<&Entry> = entries.iter().filter(|e| e.layer == layer).collect();
        writeln!(
            out,
            "\n## {} {} ({}): `{}`, {} codes\n",
            layer.section(),
            layer.title_zh(),
            layer,
            layer.enum_name(),
            rows.len()
        )?;
        writeln!(
            out,
            "| code | name | 错误描述 | 推荐处理 | description | recommendation | err_type | action |"
        )?;
        writeln!(out, "|---:|---|---|---|---|---|---:|---|")?;
        for e in rows {
            writeln!(
                out,
                "| {} | `{}` | {} | {} | {} | {} | {} | {} |",
                e.code_cell(),
                e.name,
                cell(e.description),
                cell(e.recommendation),
                cell(e.description_en),
                cell(e.recommendation_en),
                e.err_type,
                e.action
            )?;
        }
    }
    Ok(())
}

/// A Markdown table cell: pipes escaped, an empty cell marked.
fn cell(text: &str) -> String {
    if text.is_empty() {
        "(none)".to_owned()
    } else {
        text.replace('|', "\\|")
    }
}
