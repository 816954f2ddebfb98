//! Ties the catalogue to the spec: the nine tables of the shipped copy of the MSDK Server
//! error-code page are parsed here and compared, row by row, with `catalog()`.

use std::collections::HashSet;

use msdk_error_codes::{ErrType, Layer, MsdkCode, catalog};

/// A verbatim copy of `shared/spec/msdk-server-error-codes.md`.
const SPEC: &str = include_str!("data/msdk-server-error-codes.md");

#[derive(Debug, PartialEq)]
struct Row {
    line: usize,
    layer: Layer,
    code: i32,
    description: String,
    recommendation: String,
}

/// Tabs and runs of spaces folded to one space, ends trimmed: the only change the
/// catalogue may make to the spec's text.
fn fold(cell: &str) -> String {
    cell.split([' ', '\t'])
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Every table row of the spec, in order, with the layer of the table it is in.
fn spec_rows() -> Vec<Row> {
    let mut rows = Vec::new();
    let mut layer = None;
    for (index, line) in SPEC.lines().enumerate() {
        if line.starts_with('#') {
            layer = Layer::ALL.into_iter().find(|l| line.contains(l.title_zh()));
            continue;
        }
        let Some(layer) = layer else { continue };
        if !line.starts_with('|') {
            continue;
        }
        let cells: Vec<&str> = line.split('|').collect();
        // Header and alignment rows have no integer in the first cell.
        let Ok(code) = fold(cells[1]).parse::<i32>() else {
            continue;
        };
        rows.push(Row {
            line: index + 1,
            layer,
            code,
            description: fold(cells[2]),
            // QQ -26's row has no closing cell: a missing cell is an empty one.
            recommendation: cells.get(3).map_or_else(String::new, |c| fold(c)),
        });
    }
    rows
}

#[test]
fn the_parser_finds_every_table_of_the_spec() {
    let rows = spec_rows();
    let count = |layer| rows.iter().filter(|r| r.layer == layer).count();
    // The row counts per table, counted by hand from the spec.
    let expected = [
        (Layer::Access, 24),
        (Layer::Logic, 42),
        (Layer::QqPlatform, 40),
        (Layer::WechatPlatform, 32),
        (Layer::WechatGroup, 9),
        (Layer::GameCenter, 39),
        (Layer::QzoneShare, 10),
        (Layer::QqShare, 32),
        (Layer::BlueDiamond, 10),
    ];
    for (layer, n) in expected {
        assert_eq!(count(layer), n, "rows of {layer:?} in the spec");
    }
    assert_eq!(rows.len(), 238);
}

#[test]
fn catalogue_equals_the_spec_row_by_row() {
    let spec = spec_rows();
    let ours: Vec<MsdkCode> = catalog().collect();
    for (i, row) in spec.iter().enumerate() {
        let Some(code) = ours.get(i) else {
            panic!(
                "spec line {}: {row:?} is missing from the catalogue",
                row.line
            );
        };
        let at = format!("spec line {} ({:?} {})", row.line, row.layer, row.code);
        assert_eq!(code.layer(), row.layer, "{at}: layer of {code:?}");
        assert_eq!(code.code(), row.code, "{at}: number of {code:?}");
        assert_eq!(code.description(), row.description, "{at}: description");
        assert_eq!(
            code.recommendation(),
            row.recommendation,
            "{at}: recommendation"
        );
    }
    assert_eq!(
        ours.len(),
        spec.len(),
        "the catalogue has codes the spec does not: {:?}",
        ours.get(spec.len()..)
    );
    assert_eq!(MsdkCode::COUNT, spec.len());
}

#[test]
fn every_code_is_in_the_catalogue_once() {
    let mut seen = HashSet::new();
    for code in catalog() {
        assert!(seen.insert((code.layer(), code.code())), "{code:?} twice");
        assert_eq!(MsdkCode::lookup(code.layer(), code.code()), Some(code));
    }
}

/// The rule of the crate docs, applied to the spec's own text.
fn err_type_rule(row: &Row) -> ErrType {
    let handling_says = |words: &[&str]| words.iter().any(|w| row.recommendation.contains(w));
    if handling_says(&["刷新token"]) {
        ErrType::RefreshToken
    } else if handling_says(&["重新授权", "重新拉起授权"]) {
        ErrType::Reauthorize
    } else if handling_says(&[
        "重试",
        "稍后再来",
        "降低频率",
        "降低访问频率",
        "限制访问频率",
    ]) || row.description.contains("频率超限")
    {
        ErrType::NetworkUnstable
    } else if row.code == 0 || handling_says(&["不需要处理", "不用处理", "不用理会", "正常返回"])
    {
        ErrType::Normal
    } else {
        ErrType::Unknown
    }
}

#[test]
fn every_err_type_follows_the_rule() {
    let spec = spec_rows();
    let mismatches: Vec<String> = spec
        .iter()
        .filter_map(|row| {
            let code = MsdkCode::lookup(row.layer, row.code)?;
            let want = err_type_rule(row);
            (code.err_type() != want).then(|| {
                format!(
                    "line {}: {code:?} has {:?}, the rule gives {want:?}",
                    row.line,
                    code.err_type()
                )
            })
        })
        .collect();
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

#[test]
fn err_type_rule_on_the_rows_that_decide_it() {
    use ErrType::*;
    // (layer, code, err_type, which clause of the rule decides it)
    let cases = [
        (
            Layer::WechatPlatform,
            42001,
            RefreshToken,
            "刷新token beats 重新拉起授权",
        ),
        (Layer::QqPlatform, -73, Reauthorize, "重新授权"),
        (Layer::WechatPlatform, 40001, Reauthorize, "重新拉起授权"),
        (Layer::Access, -307, NetworkUnstable, "重试一次"),
        (Layer::QzoneShare, 1001, NetworkUnstable, "稍后重试"),
        (Layer::Logic, -10011, NetworkUnstable, "稍后再来"),
        (Layer::GameCenter, -4009, NetworkUnstable, "降低频率"),
        (Layer::QqPlatform, -6, NetworkUnstable, "降低访问频率"),
        (
            Layer::WechatPlatform,
            45009,
            NetworkUnstable,
            "限制访问频率",
        ),
        (
            Layer::Access,
            -503,
            NetworkUnstable,
            "频率超限 in the description",
        ),
        (Layer::Access, 0, Normal, "success"),
        (
            Layer::WechatPlatform,
            0,
            Normal,
            "success although the handling is -",
        ),
        (Layer::Logic, 1, Normal, "不需要处理"),
        (Layer::Access, -507, Normal, "不用处理"),
        (Layer::QqShare, 34, Normal, "不用理会"),
        (Layer::Logic, -10010, Normal, "正常返回"),
        (Layer::QqShare, 30, Unknown, "正常错误 alone needs handling"),
        (
            Layer::QzoneShare,
            1031,
            Unknown,
            "a daily quota is not a frequency limit",
        ),
        (Layer::WechatPlatform, 44002, Unknown, "-"),
        (Layer::WechatGroup, -10003, Unknown, "empty"),
        (Layer::Logic, -100, Unknown, "range row"),
        (Layer::Access, -303, Unknown, "check the configuration"),
    ];
    for (layer, number, want, why) in cases {
        let code = MsdkCode::lookup(layer, number).unwrap_or_else(|| panic!("{layer:?} {number}"));
        assert_eq!(code.err_type(), want, "{layer:?} {number}: {why}");
    }
}
