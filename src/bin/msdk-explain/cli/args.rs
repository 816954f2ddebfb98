//! The arguments, as clap reads them, and the [`Command`] they ask for.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::error::ErrorKind;
use clap::{CommandFactory, Parser, ValueEnum};
use msdk_error_codes::{Api, Code, Layer};

const USAGE: &str = "\
msdk-explain [--api <API>] [--json] [--] <RET> [MSG]
       msdk-explain [--json] <LAYER:CODE | LABEL>
       msdk-explain [--api <API>] [--json] <JSON>
       msdk-explain [--api <API> | --api auto] [--json] [--summary] [--no-prefix] < responses.log
       msdk-explain --catalog [--format <FORMAT>] [--api <API>]
Every mode but --catalog takes --overrides <FILE>.";

const AFTER_HELP: &str = "\
Examples:
  msdk-explain -10000 \"-73,the user modify password wrong\"
  msdk-explain --api share-qq 100000
  msdk-explain wechat_platform:42001          (a code; qq_platform.-73, a label, too)
  msdk-explain '{\"ret\":-503,\"msg\":\"频率超限\"}'
  msdk-explain --summary --api auto < gateway.log
  grep '\"ret\"' msdk.log | msdk-explain --json
  msdk-explain -- 1 -h        (a MSG made only of this tool's short flags goes after --)

Without <RET>, each line of standard input must hold an MSDK response as JSON; lines
end in \\n, \\r\\n or \\r. Text before the JSON is skipped, so log lines work: each '{'
is tried from the left until one starts an MSDK response (an object with \"ret\"); a
well-formed object without one (extra={\"k\":1}) is skipped whole. Each explanation
starts with \"line N:\" and the line's text before the JSON (--no-prefix: neither);
each --json object has \"line\": N. A bad line is reported on stderr with its number,
the rest are still explained; --summary reports the first 10 and counts them all.

--api auto reads each line's API from the line's text before the JSON: the first
whitespace-separated token that, after an optional key= (key: letters, digits, _ - .)
and without surrounding \" or ', starts with / or is a URL (scheme://...), read as
an endpoint path (Api::from_path: /share/qq is share-qq, /share/qzone share-qzone,
other /share/... paths share-other); a line without one is generic.

A bare number that is undocumented where it is read but documented in other tables is
listed with each of them (\"also documented as\"). <RET> is a decimal integer, blanks
around it and a leading + allowed; -0 is refused, as the library refuses it in every
response form (JSON's -0 is a float).

Exit status: 0 done, 1 some input lines were bad (or output failed), 2 bad arguments,
an unreadable or bad --overrides file, or a JSON body that is not an MSDK response.";

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
    /// The response's ret, e.g. -10000; or a code to look up: layer:code
    /// (wechat_platform:42001), a label (qq_platform.-73) or a JSON body. Without it,
    /// responses are read from standard input
    // Negative numbers are the usual case, so `-10000` is a value, not a short flag.
    #[arg(value_name = "RET", allow_negative_numbers = true, value_parser = parse_query)]
    query: Option<Query>,

    /// The response's msg, e.g. "-73,the user modify password wrong"
    // Platform messages start with their code, often negative (`-73,...`): a MSG that
    // starts with `-` is a value, unless it is only this tool's short flags (`-h`, `-V`).
    #[arg(value_name = "MSG", allow_hyphen_values = true)]
    msg: Option<String>,

    /// The API that was called, which decides the table read first: generic (default),
    /// share-qzone, share-qq, share-other, game-center, blue-diamond, wechat-group, an
    /// endpoint path like /share/qq, or (standard input only) auto: each line's own
    /// endpoint path
    #[arg(long, value_name = "API", value_parser = parse_api)]
    api: Option<ApiChoice>,

    /// Print one JSON object per explanation (with --summary: one object; with
    /// --catalog: the catalog in JSON)
    #[arg(long)]
    json: bool,

    /// Read all of standard input, then print what happened: one row per label and
    /// decision, most frequent first, totals by decision, and the count of lines,
    /// responses and bad lines
    #[arg(long, conflicts_with_all = ["query", "msg", "catalog"])]
    summary: bool,

    /// Don't start each explanation of standard input with "line N:" and the line's
    /// text before the JSON
    #[arg(long, conflicts_with_all = ["query", "msg", "summary", "catalog"])]
    no_prefix: bool,

    /// Explain and summarise with the overrides of FILE (the rows of --catalog --json,
    /// edited): what the team changed a code's err_type and action to
    #[arg(long, value_name = "FILE", conflicts_with = "catalog")]
    overrides: Option<PathBuf>,

    /// Print every documented code; with --api, the codes that API can receive
    #[arg(long, conflicts_with_all = ["query", "msg"])]
    catalog: bool,

    /// The catalog's format [default: markdown, or json with --json]
    // Not `requires = "catalog"`: clap counts a bool flag's default `false` as present,
    // so parse_args checks it.
    #[arg(long, value_enum, value_name = "FORMAT")]
    format: Option<Format>,
}

/// `--api`: one API for every response, or each line's own.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum ApiChoice {
    /// The same API for every response.
    Fixed(Api),
    /// Each line's API from the endpoint path in its text before the JSON.
    Auto,
}

fn parse_api(text: &str) -> Result<ApiChoice, String> {
    if text.eq_ignore_ascii_case("auto") {
        return Ok(ApiChoice::Auto);
    }
    text.parse::<Api>()
        .map(ApiChoice::Fixed)
        .map_err(|e| e.to_string())
}

/// The positional `<RET>`: a number, a code to look up, or a body.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Query {
    Ret(i32),
    Code(Code),
    Body(String),
}

const EXPECTED: &str = "must be an integer from -2147483648 to 2147483647, a code such as \
     wechat_platform:42001, a label such as qq_platform.-73, or a JSON body";

/// `<RET>`: an `i32` (blanks around it ignored, as for a pasted `" -10000"`; a leading
/// `+` allowed; `-0` refused), `layer:code`, a label, or a JSON object.
fn parse_query(text: &str) -> Result<Query, String> {
    let trimmed = text.trim();
    if trimmed.starts_with('{') {
        return Ok(Query::Body(trimmed.to_owned()));
    }
    let digits = trimmed.strip_prefix(['-', '+']).unwrap_or(trimmed);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        return parse_ret(trimmed).map(Query::Ret);
    }
    if trimmed.contains(':') {
        return trimmed
            .parse::<Code>()
            .map(Query::Code)
            .map_err(|e| e.to_string());
    }
    if let Some((layer, rest)) = trimmed.split_once('.') {
        if let Ok(layer) = layer.parse::<Layer>() {
            return parse_label(layer, rest).map(Query::Code);
        }
    }
    Err(EXPECTED.to_owned())
}

fn parse_ret(text: &str) -> Result<i32, String> {
    // Mirrors the library's private rule (src/decimal.rs strict_i32): i32's FromStr less -0.
    match text.parse::<i32>() {
        // The library reads neither the JSON number -0 (a float to serde_json) nor the
        // string "-0" as a ret, so that no form of a failure can read as ret 0.
        Ok(0) if text.starts_with('-') => Err("-0 is refused, as the library refuses it in \
             every response form: JSON's -0 is a float, and no float may read as ret 0, which \
             would make a failure a success; give 0 for a success"
            .to_owned()),
        Ok(ret) => Ok(ret),
        Err(_) => Err(EXPECTED.to_owned()),
    }
}

/// A label, `<layer>.<number>` (`qq_platform.-73`): the code `<layer>:<number>`. The
/// labels of undocumented codes name no code.
fn parse_label(layer: Layer, rest: &str) -> Result<Code, String> {
    if rest.starts_with("undocumented") {
        return Err(format!(
            "{}.{rest} is the label of every {layer} code the catalog does not document: \
             it names no code; give the number, as {}:<number>",
            layer.as_str(),
            layer.as_str()
        ));
    }
    format!("{}:{rest}", layer.as_str())
        .parse::<Code>()
        .map_err(|_| format!("{EXPECTED}: {:?} is not <layer>.<number>", rest))
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
        /// `--overrides`.
        overrides: Option<PathBuf>,
    },
    /// Explain the response given as a JSON body.
    Body {
        /// The API context, `--api`.
        api: Api,
        /// The body.
        body: String,
        /// `--json`.
        json: bool,
        /// `--overrides`.
        overrides: Option<PathBuf>,
    },
    /// Explain a code given as `layer:code` or as a label, as MSDK sends it.
    Code {
        /// The code.
        code: Code,
        /// `--json`.
        json: bool,
        /// `--overrides`.
        overrides: Option<PathBuf>,
    },
    /// Explain the responses on standard input, one per line, or summarise them.
    Stdin {
        /// The API context, `--api`.
        api: ApiChoice,
        /// `--json`.
        json: bool,
        /// `--summary`.
        summary: bool,
        /// Not `--no-prefix`.
        prefix: bool,
        /// `--overrides`.
        overrides: Option<PathBuf>,
    },
    /// Print the catalog, or the part of it an API can receive.
    Catalog {
        /// `--format`.
        format: Format,
        /// `--api`.
        api: Option<Api>,
    },
}

/// The catalog's output formats.
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

fn usage_error(kind: ErrorKind, message: &str) -> clap::Error {
    Args::command().error(kind, message)
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
        return Err(usage_error(
            ErrorKind::MissingRequiredArgument,
            "--format applies to --catalog only",
        ));
    }
    let auto_needs_stdin = || {
        usage_error(
            ErrorKind::ArgumentConflict,
            "--api auto reads each line's endpoint from standard input: it does not apply \
             to a <RET>, a code or --catalog",
        )
    };
    let fixed_api = match args.api {
        Some(ApiChoice::Auto) if args.query.is_some() || args.catalog => {
            return Err(auto_needs_stdin());
        }
        Some(ApiChoice::Fixed(api)) => Some(api),
        _ => None,
    };
    if args.catalog {
        let default = if args.json {
            Format::Json
        } else {
            Format::Markdown
        };
        return Ok(Command::Catalog {
            format: args.format.unwrap_or(default),
            api: fixed_api,
        });
    }
    let (json, overrides) = (args.json, args.overrides);
    let api = fixed_api.unwrap_or_default();
    Ok(match args.query {
        Some(Query::Ret(ret)) => Command::Explain {
            api,
            ret,
            msg: args.msg.unwrap_or_default(),
            json,
            overrides,
        },
        Some(_) if args.msg.is_some() => {
            return Err(usage_error(
                ErrorKind::ArgumentConflict,
                "[MSG] goes with a numeric <RET> only, not with a code, a label or a JSON body",
            ));
        }
        Some(Query::Body(body)) => Command::Body {
            api,
            body,
            json,
            overrides,
        },
        Some(Query::Code(_)) if fixed_api.is_some() => {
            return Err(usage_error(
                ErrorKind::ArgumentConflict,
                "--api does not apply to a code or a label: it is read in its own table's API",
            ));
        }
        Some(Query::Code(code)) => Command::Code {
            code,
            json,
            overrides,
        },
        None => Command::Stdin {
            api: args.api.unwrap_or(ApiChoice::Fixed(Api::Generic)),
            json,
            summary: args.summary,
            prefix: !args.no_prefix,
            overrides,
        },
    })
}
