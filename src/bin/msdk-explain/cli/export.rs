//! The catalog as data: every code's [`ExportRow`], as JSON, Markdown or CSV.

use std::io::{self, Write};

use msdk_error_codes::catalog::ExportRow;
use msdk_error_codes::{Layer, catalog};

use super::Format;

/// RFC 4180: quote fields with commas, quotes or line breaks; double the quotes.
fn csv_field(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_owned()
    }
}

pub(super) fn write_catalog(out: &mut dyn Write, format: Format) -> io::Result<()> {
    let entries: Vec<ExportRow> = catalog().map(ExportRow::of).collect();
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
        Format::Markdown => write_markdown(out, &entries),
    }
}

/// The command that writes `docs/error-codes.md`.
pub const REGENERATE_DOCS: &str = "cargo run --features cli --bin msdk-explain -- --catalog --format markdown > docs/error-codes.md";

fn write_markdown(out: &mut dyn Write, entries: &[ExportRow]) -> io::Result<()> {
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
        let rows: Vec<&ExportRow> = entries.iter().filter(|e| e.layer == layer).collect();
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
