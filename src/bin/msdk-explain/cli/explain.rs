//! Explanations of one classification, for people (text) and for tools (JSON), and the
//! per-line mode of standard input.

use std::fmt;
use std::io::{self, Write};

use msdk_error_codes::{
    Action, Api, Backoff, Classification, Classifier, Code, Decision, ErrType, MsdkCode,
};
use serde::Serialize;

use super::input::Sink;
use super::quoted::Quoted;

/// Where an explanation came from: a line of standard input, or the arguments.
#[derive(Copy, Clone)]
pub(super) enum Origin<'a> {
    /// The arguments: no line.
    Arguments,
    /// A code given as `layer:code` or a label, explained as MSDK sends it.
    Lookup(Code),
    /// Line `number`, with its text before the JSON; `shown` says whether the text form
    /// starts with them (`--no-prefix`).
    Line {
        number: u64,
        prefix: &'a [u8],
        shown: bool,
    },
}

/// Explains one classification, as text or as one JSON object (with `"line"` for a
/// line of input); `also` lists the other tables that document its number.
pub(super) fn write_explanation(
    out: &mut dyn Write,
    classifier: &Classifier,
    origin: Origin<'_>,
    c: &Classification<'_>,
    json: bool,
    also: &[(Code, MsdkCode)],
) -> io::Result<()> {
    if json {
        return write_json(out, origin, c, also);
    }
    match origin {
        Origin::Line {
            number,
            prefix,
            shown: true,
        } => {
            write!(out, "line {number}: ")?;
            if !prefix.is_empty() {
                match std::str::from_utf8(prefix) {
                    Ok(text) => write!(out, "{text} ")?,
                    Err(_) => write!(out, "{} ", String::from_utf8_lossy(prefix))?,
                }
            }
        }
        Origin::Lookup(code) => write!(out, "{code}, as MSDK sends it: ")?,
        Origin::Line { .. } | Origin::Arguments => {}
    }
    writeln!(out, "ret {}, msg {}", c.ret(), Quoted(c.msg()))?;
    write_text(out, classifier, c)?;
    if !also.is_empty() {
        writeln!(out, "  also documented as")?;
        for (code, row) in also {
            writeln!(out, "    {code} {}: {}", row.name(), row.description_en())?;
        }
    }
    Ok(())
}

#[derive(Serialize)]
struct Also {
    id: Code,
    name: &'static str,
}

#[derive(Serialize)]
struct Json<'a, 'c> {
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<u64>,
    #[serde(flatten)]
    classification: &'a Classification<'c>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    also_documented_as: Vec<Also>,
}

fn write_json(
    out: &mut dyn Write,
    origin: Origin<'_>,
    c: &Classification<'_>,
    also: &[(Code, MsdkCode)],
) -> io::Result<()> {
    let line = match origin {
        Origin::Arguments | Origin::Lookup(_) => None,
        Origin::Line { number, .. } => Some(number),
    };
    let also_documented_as = also
        .iter()
        .map(|&(id, row)| Also {
            id,
            name: row.name(),
        })
        .collect();
    let object = Json {
        line,
        classification: c,
        also_documented_as,
    };
    serde_json::to_writer(&mut *out, &object)?;
    writeln!(out)
}

/// The per-line mode: an explanation per response, a blank line after each in text.
pub(super) struct Explanations<'o, 'c> {
    pub(super) out: &'o mut dyn Write,
    pub(super) classifier: &'c Classifier,
    pub(super) json: bool,
    pub(super) prefix: bool,
}

impl Sink for Explanations<'_, '_> {
    fn response(&mut self, number: u64, prefix: &[u8], c: &Classification<'_>) -> io::Result<()> {
        let origin = Origin::Line {
            number,
            prefix,
            shown: self.prefix,
        };
        write_explanation(self.out, self.classifier, origin, c, self.json, &[])?;
        if !self.json {
            writeln!(self.out)?;
        }
        Ok(())
    }
}

/// The lines after the first: what to do first, then why, then the code and the
/// catalog's texts, the action and MSDK's `err_type`, each saying whether it decided.
fn write_text(
    out: &mut dyn Write,
    classifier: &Classifier,
    c: &Classification<'_>,
) -> io::Result<()> {
    // The same response without the server's err_type: what the catalog (and the
    // overrides) decide, to say whether the server changed it.
    let base = classifier.classify_for(c.api(), c.ret(), c.msg());
    let source = Source::of(c, &base);
    writeln!(
        out,
        "  decision           {}: {}",
        c.decision(),
        what_to_do(c)
    )?;
    writeln!(
        out,
        "  decided by         {}",
        Decided {
            source,
            c,
            base: &base
        }
    )?;
    if c.api() != Api::Generic {
        writeln!(out, "  api                {}", c.api())?;
    }
    write!(out, "  code               {} {}", c.layer(), c.code())?;
    match (c.known(), own_range(c)) {
        (Some(code), _) => writeln!(out, " ({}::{})", c.layer().enum_name(), code.name())?,
        (None, Some(r)) => writeln!(
            out,
            ": undocumented, in the {} range ({})",
            r.as_str(),
            r.description()
        )?,
        (None, None) => writeln!(out, ": undocumented")?,
    }
    if let Some(text) = c.platform_message() {
        writeln!(out, "  platform message   {}", Quoted(text))?;
    }
    let texts = classifier.override_for(c);
    if let Some(code) = c.known() {
        writeln!(out, "  错误描述           {}", code.description())?;
        if !code.recommendation().is_empty() {
            writeln!(out, "  推荐处理           {}", code.recommendation())?;
        }
        let description = texts.and_then(|t| t.description_en());
        match description {
            Some(text) => writeln!(out, "  description        {text} (override file)")?,
            None => writeln!(out, "  description        {}", code.description_en())?,
        }
        match texts.and_then(|t| t.recommendation_en()) {
            Some(text) => writeln!(out, "  recommendation     {text} (override file)")?,
            None if code.recommendation().is_empty() => {
                // One line instead of an empty 推荐处理 beside the crate's handling.
                let ours = code
                    .recommendation_en()
                    .trim_start_matches("None documented.");
                let ours = ours.trim_start();
                write!(out, "  recommendation     none on the page (no 推荐处理)")?;
                match (ours.is_empty(), base.action()) {
                    (true, _) => writeln!(out, ", nor in the catalog")?,
                    (false, Action::Unspecified) => writeln!(out, "; {ours}")?,
                    (false, _) => writeln!(out, "; the catalog's, from the description: {ours}")?,
                }
            }
            None => writeln!(out, "  recommendation     {}", code.recommendation_en())?,
        }
    } else if let Some(texts) = texts {
        if let Some(text) = texts.description_en() {
            writeln!(out, "  description        {text} (override file)")?;
        }
        if let Some(text) = texts.recommendation_en() {
            writeln!(out, "  recommendation     {text} (override file)")?;
        }
    }
    if c.is_overridden() {
        writeln!(
            out,
            "  overridden         by the override file: err_type {} {}, action {}",
            c.table_err_type().code(),
            c.table_err_type().as_str(),
            base.action()
        )?;
    }
    writeln!(out, "  action             {}", c.action())?;
    write_err_type(out, c, source)
}

/// The decision's "what to do": the action's sentence, or for a decision that the
/// `err_type` makes, the sentence of the action that `err_type` implies.
fn what_to_do(c: &Classification<'_>) -> &'static str {
    match (c.action(), c.err_type()) {
        (
            Action::ReadMessage | Action::Unspecified,
            e @ (ErrType::NetworkUnstable | ErrType::Reauthorize | ErrType::RefreshToken),
        ) if !c.is_success() => Action::for_err_type(e).description(),
        (action, _) => action.description(),
    }
}

/// What made the decision.
#[derive(Copy, Clone, PartialEq, Eq)]
enum Source {
    /// `ret 0`.
    Success,
    /// The server's `err_type`: over the catalog's `err_type` where that decided
    /// (`Base::ErrType`), else with an action of its own (the catalog's did not fit).
    Server(Base),
    /// The catalog's (or the override's) action, which the server's `err_type` agrees
    /// with.
    Agreed(Base),
    /// The classification without the server.
    Catalog(Base),
}

/// Where a decision without the server's say comes from.
#[derive(Copy, Clone, PartialEq, Eq)]
enum Base {
    /// The override file's action.
    Override,
    /// The page's 推荐处理, as the row's action.
    Page,
    /// The page gives no handling: the catalog's reading of the description.
    Description,
    /// No handling at all (an undocumented code, a row without one): the `err_type`.
    ErrType,
}

impl Base {
    /// Where the decision of `base`, a classification without the server's `err_type`,
    /// comes from.
    fn of(base: &Classification<'_>) -> Base {
        if matches!(base.action(), Action::ReadMessage | Action::Unspecified) {
            Base::ErrType
        } else if base.is_overridden() {
            Base::Override
        } else {
            match base.known() {
                None => Base::ErrType,
                Some(row) if row.recommendation().is_empty() => Base::Description,
                Some(_) => Base::Page,
            }
        }
    }
}

impl Source {
    fn of(c: &Classification<'_>, base: &Classification<'_>) -> Source {
        if c.is_success() {
            return Source::Success;
        }
        let server_decides = matches!(
            c.server_err_type(),
            Some(ErrType::NetworkUnstable | ErrType::Reauthorize | ErrType::RefreshToken)
        );
        let from = Base::of(base);
        match from {
            _ if !server_decides => Source::Catalog(from),
            Base::ErrType => Source::Server(from),
            _ if base.action() != c.action() => Source::Server(from),
            _ => Source::Agreed(from),
        }
    }

    /// Whether the `err_type` made the decision (the server's or the catalog's).
    fn err_type_decides(self) -> bool {
        matches!(self, Source::Server(_) | Source::Catalog(Base::ErrType))
    }
}

/// The logic range of an undocumented `ret` (not of a passthrough's platform code).
fn own_range(c: &Classification<'_>) -> Option<msdk_error_codes::LogicRange> {
    c.range().filter(|_| !c.is_passthrough())
}

/// `err_type N name`.
struct ErrTypeName(ErrType);

impl fmt::Display for ErrTypeName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "err_type {} {}", self.0.code(), self.0.as_str())
    }
}

/// The "decided by" line: what made the decision, in words.
struct Decided<'a, 'c> {
    source: Source,
    c: &'a Classification<'c>,
    base: &'a Classification<'c>,
}

impl Decided<'_, '_> {
    fn base(&self, f: &mut fmt::Formatter<'_>, from: Base) -> fmt::Result {
        let base = self.base;
        match from {
            Base::Override => write!(f, "the override file's action {}", base.action()),
            Base::Page => write!(
                f,
                "the page's handling (推荐处理), as action {}",
                base.action()
            ),
            Base::Description => write!(
                f,
                "the catalog's reading of the description (the page gives no handling), as action {}",
                base.action()
            ),
            Base::ErrType if base.known().is_some() => write!(
                f,
                "{}: the row documents no handling",
                ErrTypeName(base.err_type())
            ),
            Base::ErrType => {
                write!(
                    f,
                    "{}, the catalog's for an undocumented code",
                    ErrTypeName(base.err_type())
                )?;
                match own_range(base) {
                    Some(r) => write!(f, " in the {} range", r.as_str()),
                    None => Ok(()),
                }
            }
        }
    }
}

impl fmt::Display for Decided<'_, '_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (c, base) = (self.c, self.base);
        match self.source {
            Source::Success => f.write_str("ret, which is 0: the call succeeded"),
            Source::Server(Base::ErrType) => write!(
                f,
                "the server's {} (it counts over the catalog's {})",
                ErrTypeName(c.err_type()),
                ErrTypeName(base.err_type())
            ),
            Source::Server(_) => write!(
                f,
                "the server's {} (the catalog's action {} does not fit it)",
                ErrTypeName(c.err_type()),
                base.action()
            ),
            Source::Agreed(from) => {
                self.base(f, from)?;
                write!(f, "; the server's {} agrees", ErrTypeName(c.err_type()))
            }
            Source::Catalog(from) => self.base(f, from),
        }
    }
}

/// The decision an `err_type` makes on its own, for a failure.
fn decision_of(err_type: ErrType) -> Decision {
    match err_type {
        ErrType::Normal => Decision::Benign,
        ErrType::NetworkUnstable => Decision::Retry(Backoff::Later),
        ErrType::Reauthorize => Decision::Reauthorize,
        ErrType::RefreshToken => Decision::RefreshToken,
        ErrType::Unknown => Decision::Fail,
    }
}

/// Where the `err_type` came from: the catalog, the server, or both.
struct ErrTypeOrigin {
    sent: Option<i32>,
    counted: bool,
    err_type: ErrType,
    table: ErrType,
}

impl fmt::Display for ErrTypeOrigin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.sent {
            Some(_) if self.counted && self.table != self.err_type => write!(
                f,
                "sent by the server; the catalog says {} {}",
                self.table.code(),
                self.table.as_str()
            ),
            Some(_) if self.counted => f.write_str("sent by the server, as the catalog has it"),
            Some(raw) if raw == self.err_type.code() => {
                f.write_str("the catalog's, and the server's")
            }
            Some(raw) => write!(
                f,
                "the catalog's; the server sent {raw}, which does not count"
            ),
            None => f.write_str("the catalog's"),
        }
    }
}

/// MSDK's `err_type`: where it came from, and whether it decided; its meaning only
/// when it did, so that "unknown error: no automatic recovery" never stands beside a
/// decision to re-authorize.
fn write_err_type(out: &mut dyn Write, c: &Classification<'_>, source: Source) -> io::Result<()> {
    let e = c.err_type();
    let table = c.table_err_type();
    let origin = ErrTypeOrigin {
        sent: c.server_err_type_raw(),
        counted: matches!(source, Source::Server(_) | Source::Agreed(_)),
        err_type: e,
        table,
    };
    if source.err_type_decides() {
        return writeln!(
            out,
            "  err_type           {} {}: {} ({origin})",
            e.code(),
            e.as_str(),
            e.description()
        );
    }
    // Two retries agree, whatever their backoff.
    let implied = decision_of(e);
    let agrees = c.is_success()
        || implied == c.decision()
        || (implied.is_retry() && c.decision().is_retry());
    let role = if agrees {
        "in agreement with the decision"
    } else {
        "which the decision does not follow here"
    };
    writeln!(
        out,
        "  err_type           {} {} ({origin}): MSDK's coarse class of the error, {role}",
        e.code(),
        e.as_str()
    )
}
