//! Property tests: classification never panics and never loses data, whatever a server
//! or an attacker sends.

use msdk_error_codes::{
    Api, Decision, Layer, LogicRange, MsdkCode, MsdkResponse, classify, classify_for, parse_oidb,
    parse_passthrough,
};
use std::collections::BTreeMap;

use msdk_error_codes::Envelope;
use proptest::prelude::*;
use serde::de::IgnoredAny;

fn any_api() -> impl Strategy<Value = Api> {
    proptest::sample::select(Api::ALL.to_vec())
}

/// `ret` values that reach every rule: the passthrough carriers, documented codes of
/// every table, the range boundaries, and anything at all.
fn any_ret() -> impl Strategy<Value = i32> {
    let interesting: Vec<i32> = msdk_error_codes::catalog()
        .map(|c| c.code())
        .chain([
            -10000, -20000, 0, -99, -100, -999, -1000, -9999, -10000, -14999, -15000, -19999,
            -20001, -29999, -30000,
        ])
        .chain([i32::MIN, i32::MAX])
        .collect();
    prop_oneof![proptest::sample::select(interesting), any::<i32>()]
}

/// Messages that look like passthroughs as well as arbitrary text.
fn any_msg() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        (any::<i32>(), "[,，]", any::<String>()).prop_map(|(c, sep, t)| format!("{c}{sep}{t}")),
        "[ \t]{0,3}[+-]?[0-9]{0,12}[ ]{0,2}[,，;x]?.{0,20}",
        // OIDB-like: commands, ret: and numbers in odd places.
        "(oidb|decode|0x73a|0x711|0X73A|10x711|0x7110|ret:|RET: |xret:|[+-]?[0-9]{1,12}|[ ,:]){0,8}",
    ]
}

/// Checks everything `classify_for` promises for one input.
fn check(api: Api, ret: i32, msg: &str) -> Result<(), TestCaseError> {
    let c = classify_for(api, ret, msg);
    // The input is always recoverable, exactly.
    prop_assert_eq!(c.ret(), ret);
    prop_assert_eq!(c.msg(), msg);
    prop_assert!(std::ptr::eq(c.msg(), msg), "msg is borrowed, not copied");
    prop_assert_eq!(c.api(), api);
    // A documented code is the catalog row of the number found; an undocumented one
    // keeps its number. (A range row or an OIDB unsigned form documents more numbers
    // than the row's own.)
    prop_assert_eq!(MsdkCode::lookup(c.layer(), c.code()), c.known());
    if let Some(known) = c.known() {
        prop_assert_eq!(known.layer(), c.layer());
        prop_assert!(known.info().covers(c.code()));
    }
    let oidb = matches!(
        c.layer(),
        Layer::Oidb | Layer::PayToken | Layer::AccessToken
    );
    match c.platform_message() {
        Some(text) if oidb => {
            prop_assert!((-19999..=-15000).contains(&ret));
            prop_assert_eq!(parse_oidb(msg), Some((c.layer(), c.code())));
            prop_assert_eq!(text, msg);
        }
        Some(text) => {
            let (code, parsed) = parse_passthrough(msg).expect("a passthrough parses");
            prop_assert_eq!((c.code(), text), (code, parsed));
            prop_assert!(msg.ends_with(text));
        }
        None => prop_assert_eq!(c.code(), ret),
    }
    // The predicates follow the decision; success is ret 0, and nothing else.
    let decision = c.decision();
    prop_assert_eq!(c.is_success(), ret == 0);
    prop_assert_eq!(decision == Decision::Success, ret == 0);
    prop_assert_eq!(c.to_error().is_none(), ret == 0);
    prop_assert_eq!(c.is_retryable(), matches!(decision, Decision::Retry(_)));
    prop_assert_eq!(c.needs_reauthorization(), decision == Decision::Reauthorize);
    prop_assert_eq!(c.needs_token_refresh(), decision == Decision::RefreshToken);
    if ret != 0 && c.known().is_none() {
        prop_assert_ne!(
            decision,
            Decision::Benign,
            "an undocumented failure is never benign"
        );
    }
    // Whatever err_type a server adds, success stays success and a failure a failure.
    for server in [0, 1, 2, 3, 5, 7, -1] {
        let with = MsdkResponse::new(ret, msg, Some(server));
        let d = with.classify_for(api).decision();
        prop_assert_eq!(d == Decision::Success, ret == 0);
        if ret != 0 && decision != Decision::Benign {
            prop_assert_ne!(
                d,
                Decision::Benign,
                "server {} made a failure benign",
                server
            );
        }
    }
    prop_assert_eq!(c.range(), LogicRange::of(ret));
    // The owned error keeps the same.
    if let Some(err) = c.to_error() {
        prop_assert_eq!(err.msg(), msg);
        prop_assert_eq!(err.classification(), c);
        let line = err.to_string();
        prop_assert!(!line.contains('\n'));
        prop_assert!(line.contains(&c.code().to_string()));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn classify_never_panics_and_keeps_ret_and_msg(api in any_api(), ret in any_ret(), msg in any_msg()) {
        check(api, ret, &msg)?;
        prop_assert_eq!(classify(ret, &msg), classify_for(Api::Generic, ret, &msg));
    }

    #[test]
    fn parse_passthrough_round_trips_every_code(code in any::<i32>(), text in any::<String>(), wide in any::<bool>()) {
        let text = text.trim_start_matches(|c: char| c.is_ascii_whitespace());
        let sep = if wide { "，" } else { "," };
        let msg = format!("{code}{sep}{text}");
        prop_assert_eq!(parse_passthrough(&msg), Some((code, text)));
    }

    #[test]
    fn parse_passthrough_only_returns_what_is_there(msg in any_msg()) {
        if let Some((code, text)) = parse_passthrough(&msg) {
            prop_assert!(msg.ends_with(text));
            let head = &msg[..msg.len() - text.len()];
            // The head holds the code's digits and nothing else that is a digit.
            let digits: String = head.chars().filter(char::is_ascii_digit).collect();
            let magnitude = code.unsigned_abs().to_string();
            prop_assert_eq!(digits.trim_start_matches('0'), magnitude.trim_start_matches('0'));
            prop_assert_eq!(head.contains('-') && code != 0, code < 0);
        }
    }

    /// `parse_oidb` returns only what is there: a decimal `ret:N` in the prefix, and a
    /// table that `msg` names (or the OIDB table when it names neither command).
    #[test]
    fn parse_oidb_only_returns_what_is_there(msg in any_msg()) {
        if let Some((layer, code)) = parse_oidb(&msg) {
            let prefix = &msg.as_bytes()[..msg.len().min(msdk_error_codes::OIDB_PREFIX_LIMIT)];
            let lower = String::from_utf8_lossy(prefix).to_ascii_lowercase();
            prop_assert!(lower.contains("ret:"));
            prop_assert!(lower.contains(&code.unsigned_abs().to_string()));
            match layer {
                Layer::PayToken => prop_assert!(lower.contains("0x73a")),
                Layer::AccessToken => prop_assert!(lower.contains("0x711")),
                other => prop_assert_eq!(other, Layer::Oidb),
            }
        }
    }

    #[test]
    fn parse_oidb_reads_every_i32_with_either_command(code in any::<i32>(), command in 0..3usize, prefix in "[a-z ,]{0,20}") {
        let (name, layer) = [("0x73a", Layer::PayToken), ("0x711", Layer::AccessToken), ("", Layer::Oidb)][command];
        let msg = format!("{prefix}oidb decode{name} failed, ret:{code}");
        prop_assume!(msg.len() <= msdk_error_codes::OIDB_PREFIX_LIMIT);
        prop_assert_eq!(parse_oidb(&msg), Some((layer, code)));
    }

    #[test]
    fn from_slice_never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = MsdkResponse::from_slice(&bytes);
    }

    #[test]
    fn from_slice_never_panics_on_json_like_text(text in r#"[{}\[\]",:0-9a-z\-. \\u]{0,200}"#) {
        let _ = MsdkResponse::from_slice(text.as_bytes());
        let wrapped = format!(r#"{{"ret":0,"payload":{text}}}"#);
        let _ = MsdkResponse::from_slice(wrapped.as_bytes());
    }

    /// The two readers agree: whatever serde_json reads, `from_slice` reads the same;
    /// and whatever `from_slice` reads without decoding `msg`, serde_json reads too
    /// (they differ only where `from_slice` repairs a `msg` escape, as documented).
    #[test]
    fn both_readers_agree_on_json_like_text(
        text in r#"[{}\[\]",:0-9a-zE\-+. \\u]{0,120}"#,
        shape in 0..3,
    ) {
        let body = match shape {
            0 => text.clone(),
            1 => format!(r#"{{"ret":0,"payload":{text}}}"#),
            _ => format!(r#"{{"ret":-10000,"msg":"{text}"}}"#),
        };
        let own = MsdkResponse::from_slice(body.as_bytes());
        let serde = serde_json::from_str::<MsdkResponse<'_>>(&body);
        if let Ok(serde) = &serde {
            prop_assert_eq!(own.as_ref().ok(), Some(serde), "{}", body);
        }
        if let Ok(own) = &own
            && own.msg_is_borrowed()
        {
            prop_assert_eq!(serde.as_ref().ok(), Some(own), "{}", body);
        }
    }

    /// Whatever `MsdkResponse::from_slice` reads, the envelope reads the same, with any
    /// payload it can skip; whatever it refuses, the envelope refuses.
    #[test]
    fn the_envelope_reads_what_msdk_response_reads(
        text in r#"[{}\[\]",:0-9a-z\-. \\u]{0,120}"#,
        shape in 0..4,
    ) {
        let body = match shape {
            0 => text.clone(),
            1 => format!(r#"{{"ret":0,"payload":{text}}}"#),
            2 => format!(r#"{{"payload":{text},"ret":-1,"msg":"x"}}"#),
            _ => format!(r#"{{"ret":-10000,"msg":"{text}"}}"#),
        };
        let response = MsdkResponse::from_slice(body.as_bytes());
        let envelope = Envelope::<IgnoredAny>::from_slice(body.as_bytes());
        prop_assert_eq!(response.as_ref().ok(), envelope.as_ref().ok().map(Envelope::response), "{}", body);
        if response.is_ok() {
            let failed = response.as_ref().is_ok_and(|r| r.ret() != 0);
            // A failure reads whatever the payload's type; a success needs a map.
            let typed = Envelope::<BTreeMap<String, u8>>::from_slice(body.as_bytes());
            if failed {
                prop_assert_eq!(response.as_ref().ok(), typed.as_ref().ok().map(Envelope::response));
            }
        }
    }

    #[test]
    fn responses_round_trip_through_json_without_loss(ret in any::<i32>(), msg in any::<String>(), err_type in proptest::option::of(any::<i32>())) {
        let original = MsdkResponse::new(ret, msg.as_str(), err_type);
        let json = serde_json::to_vec(&original).unwrap();
        let parsed = MsdkResponse::from_slice(&json).unwrap();
        prop_assert_eq!(&parsed, &original);
        prop_assert_eq!(parsed.classify_for(Api::Generic).msg(), msg.as_str());
    }
}

/// A payload leaf with random escapes: mostly valid JSON (lone surrogates included,
/// which skipped values may hold), sometimes broken grammar.
fn any_leaf() -> impl Strategy<Value = String> {
    let piece = proptest::sample::select(vec![
        "a",
        "小明",
        " ",
        r"\ud83d",
        r"\udc00",
        r"\ud83d\ude00",
        r"\u0041",
        r"\n",
        r"\/",
        r#"\""#,
        r"\\",
        r"\t",
        // Broken grammar: a bad escape, a short \u, a raw control character.
        r"\x",
        r"\u12",
        "\u{1}",
    ]);
    let string = proptest::collection::vec(piece, 0..6).prop_map(|p| format!("\"{}\"", p.concat()));
    let other = proptest::sample::select(vec![
        "0",
        "-1.5e3",
        // The grammar allows them, an f64 cannot hold them.
        "1e999",
        "-2E-999",
        "123456789012345678901234567890123456789012345678901234567890",
        "true",
        "null",
        "[]",
        "{}",
        r#"{"ret":"x"}"#,
        // Broken grammar.
        "01",
        "tru",
        "[1,]",
        "[}",
        "1.",
    ])
    .prop_map(str::to_owned);
    prop_oneof![3 => string, 1 => other]
}

/// `leaf` nested `depth` levels deep, arrays and objects alternating.
fn nest(leaf: &str, depth: usize) -> String {
    let mut value = leaf.to_owned();
    for level in 0..depth {
        value = if level % 2 == 0 {
            format!("[{value}]")
        } else {
            format!(r#"{{"msg":{value}}}"#)
        };
    }
    value
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// A skipped payload value decides acceptance by its grammar alone: the same answer
    /// at any depth, from both readers.
    #[test]
    fn payload_strictness_does_not_depend_on_depth(leaf in any_leaf(), a in 0usize..40, b in 0usize..40) {
        let body = |depth| format!(r#"{{"ret":-20000,"msg":"42001,expired","lists":{}}}"#, nest(&leaf, depth));
        let (body_a, body_b) = (body(a), body(b));
        let read = |body: &str| MsdkResponse::from_slice(body.as_bytes()).map(MsdkResponse::into_owned).ok();
        let (at_a, at_b) = (read(&body_a), read(&body_b));
        prop_assert_eq!(&at_a, &at_b, "depth {} vs {}", a, b);
        let serde = serde_json::from_str::<MsdkResponse<'_>>(&body_a).map(MsdkResponse::into_owned).ok();
        prop_assert_eq!(&at_a, &serde, "from_slice vs serde");
        // The envelope skips what its payload ignores by the same rules.
        let ignored = Envelope::<IgnoredAny>::from_slice(body_a.as_bytes()).ok();
        prop_assert_eq!(at_a.as_ref(), ignored.as_ref().map(Envelope::response));
        let keys = Envelope::<BTreeMap<String, IgnoredAny>>::from_slice(body_b.as_bytes()).ok();
        prop_assert_eq!(at_b.as_ref(), keys.as_ref().map(Envelope::response));
        if let Some(response) = at_a {
            prop_assert_eq!(response.classify().code(), 42001);
        }
    }
}

proptest! {
    // Multi-megabyte messages: fewer cases, each one large.
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn huge_messages_classify_and_keep_everything(
        api in any_api(),
        ret in prop_oneof![Just(-10000), Just(-20000), any_ret()],
        head in any_msg(),
        filler in "[ 0-9a-z,，很]",
        megabytes in 1usize..4,
    ) {
        let msg = format!("{head}{}", filler.repeat((megabytes << 20) / filler.len()));
        check(api, ret, &msg)?;
    }
}

#[test]
fn huge_passthrough_keeps_its_text() {
    let text = "x".repeat(8 << 20);
    let msg = format!("-73,{text}");
    let c = classify(-10000, &msg);
    assert_eq!((c.layer(), c.code()), (Layer::QqPlatform, -73));
    assert_eq!(c.platform_message().map(str::len), Some(text.len()));
}
