//! The catalog as data: every code's [`ExportRow`], as JSON, Markdown or CSV.

use std::io::{self, Write};

use msdk_error_codes::catalog::ExportRow;
use msdk_error_codes::{Api, Layer, catalog, fixtures_for};

use super::Format;

/// RFC 4180: quote fields with commas, quotes or line breaks; double the quotes.
fn csv_field(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

/// The catalog, or with `api` the rows that API can receive (each read in that API).
pub(super) fn write_catalog(
    out: &mut dyn Write,
    format: Format,
    api: Option<Api>,
) -> io::Result<()> {
    let entries: Vec<ExportRow> = match api {
        None => catalog().map(ExportRow::of).collect(),
        Some(api) => fixtures_for(api)
            .map(|fixture| {
                let mut row = ExportRow::of(fixture.code());
                row.api = api.as_str();
                row
            })
            .collect(),
    };
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &entries)?;
            writeln!(out)
        }
        Format::Csv => {
            writeln!(out, "{}", ExportRow::FIELDS.join(","))?;
            for entry in &entries {
                let record: Vec<String> = entry.csv_record().iter().map(|f| csv_field(f)).collect();
                writeln!(out, "{}", record.join(","))?;
            }
            Ok(())
        }
        Format::Markdown => write_markdown(out, &entries, api),
    }
}

/// The command that writes `docs/error-codes.md`.
pub const REGENERATE_DOCS: &str = "cargo run --features cli --bin msdk-explain -- --catalog --format markdown > docs/error-codes.md";

fn write_markdown(out: &mut dyn Write, entries: &[ExportRow], api: Option<Api>) -> io::Result<()> {
    match api {
        None => {
            writeln!(out, "# MSDK Server error codes\n")?;
            writeln!(
                out,
                "<!-- Generated from the msdk-error-codes crate by `{REGENERATE_DOCS}`. Do not edit: tests/it/explain.rs fails when this file is stale. -->\n"
            )?;
            write!(
                out,
                "All {} codes of the MSDK Server error-code page in its last revision (2016-03-30), one table per layer in the spec's order. ",
                entries.len()
            )?;
        }
        Some(api) => {
            writeln!(out, "# MSDK Server error codes of {api} calls\n")?;
            write!(
                out,
                "The {} codes a `{api}` call can receive: its own table (if it has one) and the generic ones, \
                 less the generic codes whose response its table answers first. ",
                entries.len()
            )?;
        }
    }
    writeln!(
        out,
        "\
         错误描述 and 推荐处理 are the spec's text, verbatim; the English is the crate's. \
         `err_type` is MSDK's coarse class of the error (0 normal, 1 retry later, 2 re-authorize, \
         3 refresh the token, 5 unknown), `action` the normalised handling, and `decision` what a backend does next \
         with the code's response: the one answer to act on. \
         QQ and WeChat platform codes arrive tunnelled as `ret -10000` / `ret -20000` with `msg` = `\"code,text\"`, \
         and the OIDB codes of §9 as `ret -15000` to `-19999` with `ret:N` in `msg`; \
         the codes of an API's own table are read in that API's context."
    )?;
    for layer in Layer::ALL {
        let rows: Vec<&ExportRow> = entries.iter().filter(|e| e.layer == layer).collect();
        if rows.is_empty() {
            continue;
        }
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
            "| code | name | 错误描述 | 推荐处理 | description | recommendation | err_type | action | decision |"
        )?;
        writeln!(out, "|---:|---|---|---|---|---|---:|---|---|")?;
        for e in rows {
            writeln!(
                out,
                "| {} | `{}` | {} | {} | {} | {} | {} | {} | {} |",
                e.code_cell(),
                e.name,
                cell(e.description),
                cell(e.recommendation),
                cell(e.description_en),
                cell(e.recommendation_en),
                e.err_type,
                e.action,
                e.decision
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
