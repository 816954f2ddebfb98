//! `Overrides::from_json` on any text, and a `Classifier` with what it read:
//!
//! - what it reads is one row per code, in code order, and never a part of a range row;
//! - the file it reads is a JSON array with one element per row;
//! - classified with the overrides, every row's code gets the row's `err_type` and
//!   action wherever a response lands on it, except a success row (code 0), never
//!   applied; a failed `ret` still never reads as success, and a success stays one.

#![no_main]

use libfuzzer_sys::fuzz_target;
use msdk_error_codes::{Api, Classifier, Code, Decision, Layer, Overrides};
use serde_json::Value;

/// At most this many rows are classified per input: a long file is no more interesting.
const ROWS: usize = 8;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let overrides = match Overrides::from_json(text) {
        Ok(overrides) => overrides,
        Err(e) => {
            // An error says where, and in one line.
            let line = e.to_string();
            assert!(!line.is_empty());
            if let Some(row) = e.row() {
                assert!(row >= 1);
            }
            return;
        }
    };
    let rows: Vec<_> = overrides.iter().collect();
    assert_eq!(rows.len(), overrides.len());
    assert!(rows.windows(2).all(|w| w[0].code() < w[1].code()));
    for row in &rows {
        assert_eq!(overrides.get(row.code()), Some(*row));
        if let Some(known) = row.code().known() {
            assert_eq!(known.code(), row.code().value(), "a part of a range row");
        }
    }
    if let Ok(value) = serde_json::from_str::<Value>(text) {
        assert_eq!(value.as_array().map(Vec::len), Some(rows.len()));
    }

    let classifier = Classifier::new().with_overrides(overrides.clone());
    for row in rows.iter().take(ROWS) {
        let code = row.code();
        for (ret, msg) in landings(code) {
            for api in Api::ALL {
                let c = classifier.classify_for(api, ret, &msg);
                assert_eq!(
                    c.decision() == Decision::Success,
                    ret == 0,
                    "{api} {ret} {msg:?}"
                );
                let lands = c.to_code() == code;
                if lands && ret != 0 && code.value() != 0 {
                    assert!(c.is_overridden(), "{api} {ret} {msg:?} misses {code}");
                    assert_eq!((c.err_type(), c.action()), (row.err_type(), row.action()));
                }
                if c.is_overridden() {
                    // By its number, or by the row that covers it (a range row).
                    let by_row = c.known().and_then(|k| overrides.get(Code::from(k)));
                    assert!(overrides.get(c.to_code()).or(by_row).is_some());
                }
            }
        }
    }
});

/// Responses that may land on `code`: the number as `ret`, and the carriers of the
/// platform and OIDB layers.
fn landings(code: Code) -> Vec<(i32, String)> {
    let n = code.value();
    let mut out = vec![(n, String::new())];
    match code.layer() {
        Layer::QqPlatform => out.push((-10000, format!("{n},x"))),
        Layer::WechatPlatform => out.push((-20000, format!("{n},x"))),
        Layer::Oidb => out.push((-15000, format!("oidb decode failed, ret:{n}"))),
        Layer::PayToken => out.push((-15000, format!("oidb decode0x73a failed, ret:{n}"))),
        Layer::AccessToken => out.push((-15000, format!("oidb decode0x711 failed, ret:{n}"))),
        _ => {}
    }
    out
}
