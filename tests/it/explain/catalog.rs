//! The catalog's export: every code with every field in JSON and CSV, the generated
//! `docs/error-codes.md`, and the export read back as an override file.

use msdk_error_codes::MsdkCode;
use serde_json::Value;

use super::{cli, run};

/// The decision of a code's own fixture response, read in its API.
fn fixture_decision(code: MsdkCode) -> &'static str {
    let fixture = code.fixture();
    fixture
        .response()
        .classify_for(fixture.api())
        .decision()
        .as_str()
}

#[test]
fn catalog_json_has_every_code_with_every_field() {
    let (status, out, _) = run(&["--catalog", "--format", "json"], "");
    assert_eq!(status, 0);
    let entries: Vec<Value> = serde_json::from_str(&out).unwrap();
    assert_eq!(entries.len(), MsdkCode::COUNT);
    for (entry, code) in entries.iter().zip(msdk_error_codes::catalog()) {
        assert_eq!(entry["layer"], code.layer().as_str());
        assert_eq!(entry["code"], code.code());
        assert_eq!(entry["name"], code.name());
        assert_eq!(entry["description"], code.description());
        assert_eq!(entry["recommendation"], code.recommendation());
        assert_eq!(entry["description_en"], code.description_en());
        assert_eq!(entry["recommendation_en"], code.recommendation_en());
        assert_eq!(entry["err_type"], code.err_type().code());
        assert_eq!(entry["action"], code.action().as_str());
        assert_eq!(entry["decision"], fixture_decision(code));
        assert_eq!(entry["known"], true);
        let fixture = code.fixture();
        assert_eq!(entry["ret"], fixture.response().ret());
        assert_eq!(entry["msg"], fixture.response().msg());
        assert_eq!(entry["api"], fixture.api().as_str());
        assert_eq!(entry["range_end"], serde_json::json!(code.info().range_end));
        assert_eq!(entry["unsigned"], serde_json::json!(code.info().unsigned));
        assert_eq!(entry["label"], code.info().label);
    }
}

/// Splits one CSV record (RFC 4180, no line breaks inside fields).
fn csv_record(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                fields.last_mut().unwrap().push('"');
            }
            ('"', _) => quoted = !quoted,
            (',', false) => fields.push(String::new()),
            (c, _) => fields.last_mut().unwrap().push(c),
        }
    }
    fields
}

#[test]
fn catalog_csv_round_trips() {
    let (status, out, _) = run(&["--catalog", "--format", "csv"], "");
    assert_eq!(status, 0);
    let mut lines = out.lines();
    let header = csv_record(lines.next().unwrap());
    // 17 with `decision` (issue 21).
    assert_eq!(header.len(), 17);
    assert_eq!(header, msdk_error_codes::catalog::ExportRow::FIELDS);
    let rows: Vec<Vec<String>> = lines.map(csv_record).collect();
    assert_eq!(rows.len(), MsdkCode::COUNT);
    for (row, code) in rows.iter().zip(msdk_error_codes::catalog()) {
        assert_eq!(row.len(), header.len(), "{row:?}");
        let field = |name: &str| &row[header.iter().position(|h| h == name).unwrap()];
        assert_eq!(field("code"), &code.code().to_string());
        assert_eq!(field("description"), code.description());
        assert_eq!(field("recommendation_en"), code.recommendation_en());
        assert_eq!(field("msg"), code.fixture().response().msg());
        assert_eq!(field("decision"), fixture_decision(code));
    }
}

#[test]
fn docs_error_codes_md_is_up_to_date() {
    let (status, generated, _) = run(&["--catalog", "--format", "markdown"], "");
    assert_eq!(status, 0);
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/error-codes.md");
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == generated,
        "docs/error-codes.md is stale: regenerate it with\n    {}",
        cli::REGENERATE_DOCS
    );
    // One table per layer, one row per code.
    assert_eq!(
        generated.matches("\n## ").count(),
        msdk_error_codes::Layer::ALL.len()
    );
    assert_eq!(generated.matches("\n## ").count(), 12);
    let rows = generated
        .lines()
        .filter(|l| l.starts_with("| ") && !l.starts_with("| code"))
        .count();
    assert_eq!(rows, MsdkCode::COUNT);
}

#[test]
fn the_catalog_export_is_a_valid_override_file() {
    let (status, out, _) = run(&["--catalog", "--format", "json"], "");
    assert_eq!(status, 0);
    let overrides = msdk_error_codes::Overrides::from_json(&out).unwrap();
    assert_eq!(overrides.len(), MsdkCode::COUNT);
    // Unedited, it changes nothing a classification decides.
    let classifier = msdk_error_codes::Classifier::new().with_overrides(overrides);
    for fixture in msdk_error_codes::fixtures() {
        let (ret, msg) = (fixture.response().ret(), fixture.response().msg());
        let with = classifier.classify_for(fixture.api(), ret, msg);
        let without = msdk_error_codes::classify_for(fixture.api(), ret, msg);
        assert_eq!(with.decision(), without.decision(), "{ret} {msg}");
    }
}
