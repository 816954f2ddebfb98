//! The explain tool's logic: argument parsing, explanations, and the catalogue in JSON,
//! Markdown and CSV. `main.rs` wires it to the process; `tests/explain.rs` runs it on
//! in-memory input and output.

use std::io::{self, BufRead, Write};

use msdk_error_codes::{Api, Classification, Layer, MsdkCode, MsdkResponse, catalog, classify_for};
use serde::Serialize;

/// The exit status for bad arguments.
pub const USAGE_ERROR: u8 = 2;
/// The exit status when some input lines could not be read.
pub const BAD_INPUT: u8 = 1;

pub const HELP: &str = "\
explain: what an MSDK Server response means, and what to do about it.

USAGE:
    explain [OPTIONS] <ret> [msg]     explain one response
    explain [OPTIONS] < responses     explain MSDK JSON responses, one per line
    explain --catalog [--format F]    print the whole catalogue

EXAMPLES:
    explain -10000 \"-73,the user modify password wrong\"
    explain --api share-qq 100000
    grep '\"ret\"' msdk.log | explain --json

OPTIONS:
    --api <API>       the API that was called, which decides the table read first:
                      generic (default), share-qzone, share-qq, game-center,
                      blue-diamond, wechat-group, or an endpoint path like /share/qq
    --json            print one JSON object per explanation
    --catalog         print every documented code
    --format <F>      the catalogue's format: markdown (default), json or csv
    -h, --help        print this help

When reading standard input, each line must hold an MSDK response as JSON (text before
the first '{' is skipped, so log lines work); a bad line is reported on stderr with its
number, the rest are still explained, and the exit status is 1.";

/// What the arguments ask for.
#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    Help,
    Explain {
        api: Api,
        ret: i32,
        msg: String,
        json: bool,
    },
    Stdin {
        api: Api,
        json: bool,
    },
    Catalog(Format),
}

/// The catalogue's output formats.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Format {
    Json,
    Markdown,
    Csv,
}

/// Reads the arguments (without the program name).
pub fn parse_args(args: &[String]) -> Result<Command, String> {
    let mut api = None;
    let mut json = false;
    let mut catalog = false;
    let mut format = None;
    let mut positional = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        // Negative numbers and messages like "-73,..." are values, not options: only
        // `--name` and `-h` are options.
        let (name, inline_value) = match arg.split_once('=') {
            Some((name, value)) if arg.starts_with("--") => (name, Some(value.to_owned())),
            _ => (arg.as_str(), None),
        };
        let mut value = |option: &str| {
            inline_value
                .clone()
                .or_else(|| args.next().cloned())
                .ok_or_else(|| format!("{option} needs a value"))
        };
        match name {
            "-h" | "--help" => return Ok(Command::Help),
            "--json" => json = true,
            "--catalog" => catalog = true,
            "--api" => {
                let given = value("--api")?;
                api = Some(given.parse::<Api>().map_err(|e| e.to_string())?);
            }
            "--format" => {
                format = Some(match value("--format")?.as_str() {
                    "json" => Format::Json,
                    "markdown" | "md" => Format::Markdown,
                    "csv" => Format::Csv,
                    other => {
                        return Err(format!(
                            "unknown format {other:?}: expected json, markdown or csv"
                        ));
                    }
                })
            }
            "--" => positional.extend(args.by_ref().cloned()),
            option if option.starts_with("--") => {
                return Err(format!("unknown option {option}"));
            }
            _ => positional.push(arg.clone()),
        }
    }
    if catalog {
        if !positional.is_empty() || api.is_some() {
            return Err("--catalog takes no <ret>, [msg] or --api".to_owned());
        }
        let format = format.unwrap_or(if json { Format::Json } else { Format::Markdown });
        return Ok(Command::Catalog(format));
    }
    if format.is_some() {
        return Err("--format applies to --catalog only".to_owned());
    }
    let api = api.unwrap_or_default();
    let mut positional = positional.into_iter();
    let Some(ret) = positional.next() else {
        return Ok(Command::Stdin { api, json });
    };
    let ret = ret.trim().parse::<i32>().map_err(|_| {
        format!(
            "<ret> must be an integer from {} to {}, not {ret:?}",
            i32::MIN,
            i32::MAX
        )
    })?;
    let msg = positional.next().unwrap_or_default();
    if let Some(extra) = positional.next() {
        return Err(format!(
            "unexpected argument {extra:?}: quote a msg that has spaces"
        ));
    }
    Ok(Command::Explain {
        api,
        ret,
        msg,
        json,
    })
}

/// Runs the tool; returns the exit status.
pub fn run(
    args: &[String],
    input: &mut dyn BufRead,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8 {
    let command = match parse_args(args) {
        Ok(command) => command,
        Err(problem) => {
            let _ = writeln!(err, "explain: {problem}\nRun with --help for usage.");
            return USAGE_ERROR;
        }
    };
    let result = match command {
        Command::Help => writeln!(out, "{HELP}").map(|()| 0),
        Command::Explain {
            api,
            ret,
            msg,
            json,
        } => write_explanation(out, &classify_for(api, ret, &msg), json).map(|()| 0),
        Command::Stdin { api, json } => explain_lines(api, json, input, out, err),
        Command::Catalog(format) => write_catalog(out, format).map(|()| 0),
    };
    match result.and_then(|status| out.flush().map(|()| status)) {
        Ok(status) => status,
        // A closed pipe (`explain --catalog | head`) is the reader's choice, not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => 0,
        Err(e) => {
            let _ = writeln!(err, "explain: {e}");
            BAD_INPUT
        }
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
    let mut line = Vec::new();
    for number in 1.. {
        line.clear();
        if input.read_until(b'\n', &mut line)? == 0 {
            break;
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
                writeln!(err, "line {number}: {problem}")?;
                status = BAD_INPUT;
            }
        }
    }
    Ok(status)
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
    const CSV_HEADER: &'static str = "ret,msg,layer,code,name,description,recommendation,description_en,recommendation_en,err_type,action,known,api,range_end,unsigned";

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
pub const REGENERATE_DOCS: &str =
    "cargo run --example explain -- --catalog --format markdown > docs/error-codes.md";

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
