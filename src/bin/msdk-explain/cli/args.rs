//! The arguments, as clap reads them, and the [`Command`] they ask for.

use std::ffi::OsString;

use clap::error::ErrorKind;
use clap::{CommandFactory, Parser, ValueEnum};
use msdk_error_codes::Api;

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
    /// share-qzone, share-qq, share-other, game-center, blue-diamond, wechat-group, or an
    /// endpoint path like /share/qq
    #[arg(long, value_name = "API")]
    api: Option<Api>,

    /// Print one JSON object per explanation (with --catalog: the catalog in JSON)
    #[arg(long)]
    json: bool,

    /// Print every documented code
    #[arg(long, conflicts_with_all = ["ret", "msg", "api"])]
    catalog: bool,

    /// The catalog's format [default: markdown, or json with --json]
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
    /// Print the catalog.
    Catalog(Format),
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
