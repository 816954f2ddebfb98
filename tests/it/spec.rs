//! Ties the catalog to the spec: the tables of the shipped copies of the MSDK Server
//! error-code page, as published (2015-10) and as last revised (2016-03-30), are parsed
//! here and compared, row by row, with `catalog()`.

use std::collections::HashSet;

use msdk_error_codes::{ErrType, Layer, MsdkCode, catalog};

/// A verbatim copy of `shared/spec/msdk-server-error-codes.md` (2015-10).
const SEED: &str = include_str!("../data/msdk-server-error-codes.md");
/// A verbatim copy of `shared/spec/msdk-server-error-codes-2016-03.md` (2016-03-30).
const REVISION: &str = include_str!("../data/msdk-server-error-codes-2016-03.md");

#[derive(Debug, PartialEq)]
struct Row {
    line: usize,
    layer: Layer,
    /// The row's code: the signed decimal, or for the accessToken table its first value.
    code: i32,
    /// Every other number the row documents: the OIDB tables' unsigned decimal, the rest
    /// of an accessToken range.
    also: Vec<i32>,
    description: String,
    recommendation: String,
}

/// Tabs and runs of spaces folded to one space, ends trimmed: the only change the
/// catalog may make to the spec's text.
fn fold(cell: &str) -> String {
    cell.split([' ', '\t'])
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn hex(text: &str) -> Option<i32> {
    i32::from_str_radix(text.strip_prefix("0x")?, 16).ok()
}

/// Every table row of a spec text, in order, with the layer of the table it is in.
fn spec_rows(spec: &str) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut layer = None;
    for (index, line) in spec.lines().enumerate() {
        if line.starts_with('#') {
            layer = Layer::ALL.into_iter().find(|l| line.contains(l.title_zh()));
            continue;
        }
        let Some(layer) = layer else { continue };
        if !line.starts_with('|') {
            continue;
        }
        let cells: Vec<&str> = line.split('|').collect();
        let cell = |i: usize| cells.get(i).map_or_else(String::new, |c| fold(c));
        // Header and alignment rows have no number in the first cell.
        let row = match layer {
            // 十六进制 | 有符号十进制 | 无符号十进制 | 错误描述
            Layer::Oidb | Layer::PayToken => {
                let (Some(hex), Ok(signed), Ok(unsigned)) = (
                    hex(&cell(1)),
                    cell(2).parse::<i32>(),
                    cell(3).parse::<i32>(),
                ) else {
                    continue;
                };
                assert_eq!(
                    hex,
                    unsigned,
                    "line {}: hex and unsigned disagree",
                    index + 1
                );
                let also = if unsigned == signed {
                    vec![]
                } else {
                    vec![unsigned]
                };
                (signed, also, cell(4), String::new())
            }
            // 错误码 (hex, or a hex range `a~b`, maybe with a trailing colon) | 错误描述
            Layer::AccessToken => {
                let first = cell(1);
                let first = first.trim_end_matches(':').trim();
                let (from, to) = first.split_once('~').unwrap_or((first, first));
                let (Some(from), Some(to)) = (hex(from.trim()), hex(to.trim())) else {
                    continue;
                };
                ((from), (from + 1..=to).collect(), cell(2), String::new())
            }
            _ => {
                let Ok(code) = cell(1).parse::<i32>() else {
                    continue;
                };
                // QQ -26's row has no closing cell: a missing cell is an empty one.
                (code, vec![], cell(2), cell(3))
            }
        };
        let (code, also, description, recommendation) = row;
        rows.push(Row {
            line: index + 1,
            layer,
            code,
            also,
            description,
            recommendation,
        });
    }
    rows
}

/// The row counts per table, counted by hand from the spec: the seed's nine tables, and
/// the revision's, with two more logic rows and the three OIDB tables.
const SEED_COUNTS: [(Layer, usize); 9] = [
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

#[test]
fn the_parser_finds_every_table_of_both_revisions() {
    let seed = spec_rows(SEED);
    let revision = spec_rows(REVISION);
    let count = |rows: &[Row], layer| rows.iter().filter(|r| r.layer == layer).count();
    for (layer, n) in SEED_COUNTS {
        assert_eq!(count(&seed, layer), n, "rows of {layer:?} in the seed");
        let added = if layer == Layer::Logic { 2 } else { 0 };
        assert_eq!(
            count(&revision, layer),
            n + added,
            "rows of {layer:?} in the revision"
        );
    }
    for (layer, n) in [
        (Layer::Oidb, 29),
        (Layer::PayToken, 13),
        (Layer::AccessToken, 26),
    ] {
        assert_eq!(count(&seed, layer), 0, "{layer:?} is new in 2016");
        assert_eq!(
            count(&revision, layer),
            n,
            "rows of {layer:?} in the revision"
        );
    }
    assert_eq!(seed.len(), 238);
    assert_eq!(revision.len(), 308);
}

#[test]
fn the_revision_removes_nothing_and_adds_what_the_issue_says() {
    let seed = spec_rows(SEED);
    let revision = spec_rows(REVISION);
    let key = |r: &Row| {
        (
            r.layer,
            r.code,
            r.description.clone(),
            r.recommendation.clone(),
        )
    };
    let revised: Vec<_> = revision.iter().map(key).collect();
    for row in &seed {
        assert!(
            revised.contains(&key(row)),
            "seed line {}: {row:?} is not in the revision",
            row.line
        );
    }
    let seeded: Vec<_> = seed.iter().map(key).collect();
    let added: Vec<(Layer, i32)> = revision
        .iter()
        .filter(|r| !seeded.contains(&key(r)))
        .map(|r| (r.layer, r.code))
        .filter(|&(layer, _)| layer == Layer::Logic)
        .collect();
    assert_eq!(added, [(Layer::Logic, -15000), (Layer::Logic, -30005)]);
}

#[test]
fn catalog_equals_the_revision_row_by_row() {
    let spec = spec_rows(REVISION);
    let ours: Vec<MsdkCode> = catalog().collect();
    for (i, row) in spec.iter().enumerate() {
        let Some(code) = ours.get(i) else {
            panic!(
                "spec line {}: {row:?} is missing from the catalog",
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
        // Every number the row documents finds this row, and the row says so.
        for &number in &row.also {
            assert_eq!(
                MsdkCode::lookup(row.layer, number),
                Some(*code),
                "{at}: {number}"
            );
            assert!(code.info().covers(number), "{at}: covers {number}");
        }
        let info = code.info();
        let range: Vec<i32> = info
            .range_end
            .map_or(vec![], |end| (info.code + 1..=end).collect());
        let unsigned: Vec<i32> = info.unsigned.into_iter().collect();
        assert_eq!(
            [range, unsigned].concat(),
            row.also,
            "{at}: the other numbers"
        );
    }
    assert_eq!(
        ours.len(),
        spec.len(),
        "the catalog has codes the spec does not: {:?}",
        ours.get(spec.len()..)
    );
    assert_eq!(MsdkCode::COUNT, spec.len());
}

#[test]
fn every_code_is_in_the_catalog_once() {
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
    let spec = spec_rows(REVISION);
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
        (Layer::Logic, -15000, Unknown, "see section 9"),
        (Layer::Logic, -30005, Unknown, "no handling"),
        (Layer::PayToken, 0, Normal, "success"),
        (Layer::AccessToken, 0, Normal, "success"),
        (Layer::PayToken, 17, Unknown, "section 9 gives no handling"),
        (Layer::Oidb, -103, Unknown, "频率上限 is not 频率超限"),
    ];
    for (layer, number, want, why) in cases {
        let code = MsdkCode::lookup(layer, number).unwrap_or_else(|| panic!("{layer:?} {number}"));
        assert_eq!(code.err_type(), want, "{layer:?} {number}: {why}");
    }
}
