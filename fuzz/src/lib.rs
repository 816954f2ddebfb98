//! What the fuzz targets share: an independent reading of a body by the documented
//! rules (the oracle the crate's readers are held to), and the checks every
//! classification must pass.
//!
//! The oracle is written from the docs of `MsdkResponse`, not from the crate's code, and
//! uses serde_json's `Value` for everything else: where serde_json can read the whole
//! body as a `Value`, the crate's reader must give exactly what the oracle gives.

use std::fmt;

use msdk_error_codes::{
    Api, Classifier, Decision, Layer, LogicRange, MsdkCode, MsdkResponse, classify, classify_for,
    parse_oidb, parse_passthrough,
};
use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};
use serde_json::Value;

/// The top-level members of a JSON object in body order, duplicates kept (a `Value`
/// keeps only the last of a duplicate key, and a duplicate `ret` must be an error).
#[derive(Debug)]
pub struct Members(pub Vec<(String, Value)>);

impl<'de> Deserialize<'de> for Members {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MembersVisitor;

        impl<'de> Visitor<'de> for MembersVisitor {
            type Value = Members;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Members, A::Error> {
                let mut members = Vec::new();
                while let Some(member) = map.next_entry::<String, Value>()? {
                    members.push(member);
                }
                Ok(Members(members))
            }
        }

        deserializer.deserialize_map(MembersVisitor)
    }
}

/// What serde_json reads of a whole body: `None` when it is not JSON it can read as a
/// `Value` (a lone surrogate or bytes that are not UTF-8 in any string, nesting deeper
/// than 128, a number out of `f64`'s range), `Some(None)` for JSON that is not an object,
/// `Some(Some(members))` for an object.
pub fn members(body: &[u8]) -> Option<Option<Members>> {
    match serde_json::from_slice::<Value>(body).ok()? {
        Value::Object(_) => Some(Some(
            serde_json::from_slice::<Members>(body).expect("an object reads as its members"),
        )),
        _ => Some(None),
    }
}

/// The three envelope fields by the docs: `(ret, msg, err_type)`, or why the body is
/// refused.
pub type Status = (i32, String, Option<i32>);

/// Reads `ret`, `msg` and `err_type` from an object's members by `MsdkResponse`'s
/// documented rules: each at most once; `ret` required, an integer in the `i32` range as
/// a JSON integer or a strict decimal string; `msg` a string, missing or `null` meaning
/// `""`; `err_type` like `ret`, missing or `null` meaning absent.
pub fn expected_status(members: &Members) -> Result<Status, String> {
    let field = |name: &str| -> Result<Option<&Value>, String> {
        let mut found = members.0.iter().filter(|(key, _)| key == name);
        let first = found.next().map(|(_, value)| value);
        if found.next().is_some() {
            return Err(format!("duplicate field `{name}`"));
        }
        Ok(first)
    };
    let ret = match field("ret")? {
        None | Some(Value::Null) => return Err("missing ret".into()),
        Some(value) => integer(value).ok_or("ret is not an i32")?,
    };
    let msg = match field("msg")? {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(msg)) => msg.clone(),
        Some(_) => return Err("msg is not a string".into()),
    };
    let err_type = match field("err_type")? {
        None | Some(Value::Null) => None,
        Some(value) => Some(integer(value).ok_or("err_type is not an i32")?),
    };
    Ok((ret, msg, err_type))
}

/// An integer by the docs: a JSON integer in the `i32` range (serde_json reads `-0` and
/// every number with a fraction or an exponent as a float), or a string that is an
/// optional sign and ASCII digits, not `-0`, in the `i32` range.
fn integer(value: &Value) -> Option<i32> {
    match value {
        Value::Number(number) => number.as_i64().and_then(|n| i32::try_from(n).ok()),
        Value::String(text) => strict_decimal(text),
        _ => None,
    }
}

/// The docs' rule for decimal text, written out again: `[+-]?[0-9]+`, not negative zero,
/// in the `i32` range.
pub fn strict_decimal(text: &str) -> Option<i32> {
    let (negative, digits) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let significant = digits.trim_start_matches('0');
    if significant.len() > 10 {
        return None;
    }
    let magnitude: i64 = if significant.is_empty() {
        0
    } else {
        significant.parse().ok()?
    };
    if negative && magnitude == 0 {
        return None;
    }
    i32::try_from(if negative { -magnitude } else { magnitude }).ok()
}

/// JSON's whitespace: space, tab, line feed, carriage return (not form feed).
pub fn is_json_whitespace(byte: &u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\r')
}

/// Whether a serde_json error is one of the string decodings that the crate's reader
/// repairs in `msg` (U+FFFD) and tolerates in a top-level key, where serde_json refuses:
/// a lone surrogate escape, or bytes that are not UTF-8.
pub fn is_string_decoding_error(error: &serde_json::Error) -> bool {
    let text = error.to_string();
    [
        "lone leading surrogate in hex escape",
        "unexpected end of hex escape",
        "invalid unicode code point",
    ]
    .iter()
    .any(|message| text.starts_with(message))
}

/// The response as a status triple, to compare with the oracle.
pub fn status_of(response: &MsdkResponse<'_>) -> Status {
    (
        response.ret(),
        response.msg().to_owned(),
        response.server_err_type(),
    )
}

/// Every promise of a classification of `ret` and `msg`, with the server's `err_type`,
/// for every API: the input is kept exactly, a failed `ret` never reads as success, the
/// predicates follow the decision, the owned error and its stored form keep everything.
pub fn check_classification(ret: i32, msg: &str, server_err_type: Option<i32>) {
    let response = MsdkResponse::new(ret, msg, server_err_type);
    // The stored form's round trip is most of the cost: one API's per input, a
    // different one as `msg` grows.
    let stored_api = Api::ALL[msg.len() % Api::ALL.len()];
    for api in Api::ALL {
        let plain = classify_for(api, ret, msg);
        check_one(&plain, api, ret, msg, api == stored_api);
        let c = response.classify_for(api);
        if server_err_type.is_some() {
            check_one(&c, api, ret, msg, api == stored_api);
        } else {
            assert_eq!(c, plain, "no server err_type changes nothing");
        }
        assert_eq!(c.server_err_type_raw(), server_err_type);
        // The server's err_type never makes a failure benign that the tables do not.
        if ret != 0 && plain.decision() != Decision::Benign {
            assert_ne!(
                c.decision(),
                Decision::Benign,
                "{api}: server made a failure benign"
            );
        }
        // A classifier without overrides costs and answers what classify_for does.
        assert_eq!(Classifier::new().classify_for(api, ret, msg), plain);
        // `into_result_for` is Ok exactly when the decision is Success.
        assert_eq!(
            response.clone().into_result_for(api).is_ok(),
            c.decision() == Decision::Success
        );
        // A share endpoint the spec does not list reads as a generic one.
        if api == Api::OtherShare {
            let generic = classify_for(Api::Generic, ret, msg);
            assert_eq!(
                (plain.layer(), plain.code(), plain.known(), plain.decision()),
                (
                    generic.layer(),
                    generic.code(),
                    generic.known(),
                    generic.decision()
                )
            );
        }
    }
    assert_eq!(classify(ret, msg), classify_for(Api::Generic, ret, msg));
}

fn check_one(c: &msdk_error_codes::Classification<'_>, api: Api, ret: i32, msg: &str, store: bool) {
    assert_eq!((c.api(), c.ret(), c.msg()), (api, ret, msg));
    assert!(std::ptr::eq(c.msg(), msg), "msg is borrowed, not copied");
    // The promise of the whole crate: success is ret 0, and nothing else.
    let decision = c.decision();
    assert_eq!(
        decision == Decision::Success,
        ret == 0,
        "ret {ret}: {decision}"
    );
    assert_eq!(c.is_success(), ret == 0);
    assert_eq!(c.to_error().is_none(), ret == 0);
    assert_eq!(c.is_retryable(), decision.is_retry());
    assert_eq!(c.needs_reauthorization(), decision == Decision::Reauthorize);
    assert_eq!(c.needs_token_refresh(), decision == Decision::RefreshToken);
    if ret != 0 && c.known().is_none() {
        assert_ne!(
            decision,
            Decision::Benign,
            "an undocumented failure is benign"
        );
    }
    // A documented code is the catalog's row of the number found.
    assert_eq!(MsdkCode::lookup(c.layer(), c.code()), c.known());
    assert_eq!(c.range(), LogicRange::of(ret));
    let code = c.to_code();
    assert_eq!((code.layer(), code.value()), (c.layer(), c.code()));
    assert_eq!(code.to_string().parse(), Ok(code));
    // The platform's code and text are what the carrier holds: a passthrough's
    // `code,text`, an OIDB result's `ret:N` (then the text is all of `msg`).
    let oidb = matches!(
        c.layer(),
        Layer::Oidb | Layer::PayToken | Layer::AccessToken
    );
    match c.platform_message() {
        Some(text) if oidb => {
            assert!((-19999..=-15000).contains(&ret));
            assert_eq!(parse_oidb(msg), Some((c.layer(), c.code())));
            assert_eq!(text, msg);
        }
        Some(text) => {
            assert_eq!(parse_passthrough(msg), Some((c.code(), text)));
            assert!(msg.ends_with(text));
        }
        None => assert_eq!(c.code(), ret),
    }
    assert_eq!(c.is_passthrough(), c.platform_message().is_some());
    let line = c.to_string();
    assert!(!line.contains('\n'), "Display is one line: {line:?}");
    if let Some(error) = c.to_error() {
        assert_eq!((error.msg(), error.classification()), (msg, *c));
        assert_eq!(error.decision(), decision);
        if !store {
            return;
        }
        // Stored and read back as it was, without classifying again.
        let stored = serde_json::to_string(&error).expect("an MsdkError serialises");
        let back: msdk_error_codes::MsdkError =
            serde_json::from_str(&stored).expect("an MsdkError reads back");
        assert_eq!(back, error);
        assert_eq!(serde_json::to_string(&back).unwrap(), stored);
    }
}
