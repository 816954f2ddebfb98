//! Reading real MSDK responses with `MsdkResponse`: what is accepted, what is a
//! `ParseError` (and that it says what and where), and the server's `err_type`.

use msdk_error_codes::{Action, Api, Backoff, Decision, ErrType, Layer, MsdkResponse};

use crate::support;

fn parse(json: &str) -> Result<MsdkResponse<'_>, msdk_error_codes::ParseError> {
    MsdkResponse::from_slice(json.as_bytes())
}

#[test]
fn reads_ret_msg_and_err_type_and_skips_the_payload() {
    let json = r#"{
        "ret": 0,
        "msg": "success",
        "err_type": 0,
        "lists": [
            {"openid": "A1B2", "nickName": "小明", "gender": "男", "figureurl": "http://q.qlogo.cn/x/40",
             "isFriend": true, "score": 12.5, "tags": [], "extra": null, "nested": {"a": [1, [2, [3]]]}}
        ],
        "is_lost": "0"
    }"#;
    let response = parse(json).unwrap();
    assert_eq!(response.ret(), 0);
    assert_eq!(response.msg(), "success");
    assert!(response.msg_is_borrowed());
    assert_eq!(response.server_err_type(), Some(0));
    assert!(response.classify().is_success());
}

#[test]
fn accepted_forms() {
    // (json, ret, msg, err_type)
    let cases: &[(&str, i32, &str, Option<i32>)] = &[
        (r#"{"ret":-10000,"msg":"-73,x"}"#, -10000, "-73,x", None),
        (r#"{"ret":"-10000","msg":"-73,x"}"#, -10000, "-73,x", None),
        (r#"{"ret":"+5"}"#, 5, "", None),
        (r#"{"ret":"+0"}"#, 0, "", None),
        (r#"{"ret":"007"}"#, 7, "", None),
        (r#"{"ret":"\u0031"}"#, 1, "", None),
        (r#"{"r\u0065t":5}"#, 5, "", None),
        (r#"{"ret":2147483647}"#, i32::MAX, "", None),
        (r#"{"ret":-2147483648}"#, i32::MIN, "", None),
        (r#"{"ret":1,"msg":null}"#, 1, "", None),
        (r#"{"ret":1,"err_type":"2"}"#, 1, "", Some(2)),
        (r#"{"ret":1,"err_type":null}"#, 1, "", None),
        (r#"{"ret":1,"err_type":99}"#, 1, "", Some(99)),
        (r#"{"msg":"first","ret":7}"#, 7, "first", None),
        (r#"  {"ret":1}  "#, 1, "", None),
        (
            r#"{"ret":1,"msg":"\u4e2d\u6587 \"q\"\n"}"#,
            1,
            "中文 \"q\"\n",
            None,
        ),
        (
            r#"{"ret":1,"r\u0065t2":[1,2],"extra":{"ret":"not this one"}}"#,
            1,
            "",
            None,
        ),
    ];
    for &(json, ret, msg, err_type) in cases {
        let response = parse(json).unwrap_or_else(|e| panic!("{json}: {e}"));
        assert_eq!(response.ret(), ret, "{json}");
        assert_eq!(response.msg(), msg, "{json}");
        assert_eq!(response.server_err_type(), err_type, "{json}");
    }
}

#[test]
fn msg_is_borrowed_unless_it_has_escapes() {
    let plain = parse(r#"{"ret":-20000,"msg":"40001,invalid credential 无效"}"#).unwrap();
    assert!(plain.msg_is_borrowed());
    let escaped = parse(r#"{"ret":-20000,"msg":"40001,\"quoted\""}"#).unwrap();
    assert!(!escaped.msg_is_borrowed());
    assert_eq!(escaped.msg(), r#"40001,"quoted""#);
    assert_eq!(escaped.classify().platform_message(), Some(r#""quoted""#));
    let owned = escaped.clone().into_owned();
    assert_eq!(owned, escaped);
}

#[test]
fn every_bad_body_is_a_parse_error_that_says_what_and_where() {
    // (json, words the message must contain)
    let cases: &[(&str, &[&str])] = &[
        ("", &["EOF", "line 1 column 0"]),
        ("{", &["EOF"]),
        (r#"{"ret":"#, &["EOF"]),
        (r#"{ret:0}"#, &["key must be a string", "line 1 column 2"]),
        ("[1,2]", &["invalid type: sequence", "MSDK response object"]),
        ("5", &["invalid type: integer `5`", "MSDK response object"]),
        ("null", &["invalid type: null"]),
        (r#""ret""#, &["invalid type: string"]),
        (r#"{"msg":"ok"}"#, &["missing field `ret`"]),
        (r#"{"ret":null}"#, &["invalid type: null", "`ret`"]),
        (
            r#"{"ret":1.5}"#,
            &["invalid type: floating point `1.5`", "`ret`"],
        ),
        (r#"{"ret":1e3}"#, &["floating point", "`ret`"]),
        (
            r#"{"ret":true}"#,
            &["invalid type: boolean `true`", "`ret`"],
        ),
        (r#"{"ret":[0]}"#, &["invalid type: sequence", "`ret`"]),
        (r#"{"ret":{"a":0}}"#, &["invalid type: map", "`ret`"]),
        (
            r#"{"ret":2147483648}"#,
            &["invalid value: integer `2147483648`", "i32 range"],
        ),
        (
            r#"{"ret":-2147483649}"#,
            &["invalid value: integer `-2147483649`", "i32 range"],
        ),
        (
            r#"{"ret":18446744073709551616}"#,
            &["floating point", "`ret`"],
        ),
        (
            r#"{"ret":"2147483648"}"#,
            &["invalid value: string \"2147483648\""],
        ),
        (r#"{"ret":"0x10"}"#, &["invalid value: string \"0x10\""]),
        (r#"{"ret":" 1"}"#, &["invalid value: string \" 1\""]),
        (r#"{"ret":""}"#, &["invalid value: string \"\""]),
        (
            r#"{"ret":0,"msg":5}"#,
            &["invalid type: integer `5`", "`msg` as a string"],
        ),
        (
            r#"{"ret":0,"msg":["a"]}"#,
            &["invalid type: sequence", "`msg`"],
        ),
        (
            r#"{"ret":0,"err_type":"two"}"#,
            &["invalid value: string \"two\"", "`err_type`"],
        ),
        (
            r#"{"ret":0,"err_type":4294967296}"#,
            &["invalid value", "`err_type`"],
        ),
        (r#"{"ret":0,"ret":1}"#, &["duplicate field `ret`"]),
        (
            r#"{"ret":0,"msg":"a","msg":"b"}"#,
            &["duplicate field `msg`"],
        ),
        (
            r#"{"ret":0} {"ret":1}"#,
            &["trailing characters", "line 1 column 11"],
        ),
        (
            "{\"ret\":0,\n\"msg\":\"a\nb\"}",
            &["control character", "line 3 column 0"],
        ),
        (r#"{"ret":0,"payload":[1,2,}"#, &["line 1 column 25"]),
    ];
    for &(json, words) in cases {
        let err = match parse(json) {
            Ok(response) => panic!("{json:?} parsed as {response:?}"),
            Err(err) => err,
        };
        let message = err.to_string();
        assert!(message.starts_with("invalid MSDK response: "), "{message}");
        for word in words {
            assert!(
                message.contains(word),
                "{json:?}: {message:?} lacks {word:?}"
            );
        }
    }
}

#[test]
fn a_huge_bad_ret_string_is_not_copied_into_the_error() {
    let json = format!(r#"{{"ret":"{}"}}"#, "9".repeat(1 << 20));
    let message = parse(&json).unwrap_err().to_string();
    assert!(message.len() < 200, "{} bytes", message.len());
    assert!(message.contains("a long string"), "{message}");
}

#[test]
fn parse_error_accessors() {
    let err = parse("{\"ret\":0,\n \"msg\":}").unwrap_err();
    assert_eq!((err.line(), err.column()), (2, 8));
    assert!(err.is_syntax() && !err.is_data() && !err.is_eof());
    let err = parse(r#"{"msg":""}"#).unwrap_err();
    assert!(err.is_data());
    let err = parse(r#"{"ret":"#).unwrap_err();
    assert!(err.is_eof());
    support::assert_send_sync_error(&err);
}

/// Runs `f` on a thread with a small stack: deep recursion would overflow it.
fn on_small_stack(f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(128 * 1024)
        .spawn(f)
        .unwrap()
        .join()
        .expect("no stack overflow");
}

#[test]
fn deeply_nested_payloads_do_not_overflow_the_stack() {
    on_small_stack(|| {
        let depth = 200_000;
        let arrays = format!(
            r#"{{"ret":-503,"payload":{}{}}}"#,
            "[".repeat(depth),
            "]".repeat(depth)
        );
        let response = parse(&arrays).unwrap();
        assert_eq!(response.ret(), -503);

        let objects = format!(
            r#"{{"payload":{}1{},"ret":1}}"#,
            r#"{"a":"#.repeat(depth),
            "}".repeat(depth)
        );
        assert_eq!(parse(&objects).unwrap().ret(), 1);

        // Unbalanced: an error, still without recursion.
        let unbalanced = format!(r#"{{"ret":0,"payload":{}"#, "[".repeat(depth));
        assert!(parse(&unbalanced).unwrap_err().is_eof());

        // Deep nesting where a field is expected is an error at once.
        for field in ["ret", "msg", "err_type"] {
            let deep = format!(r#"{{"{field}":{}}}"#, "[".repeat(depth));
            assert!(parse(&deep).is_err(), "{field}");
        }
        assert!(parse(&"[".repeat(depth)).is_err());
    });
}

#[test]
fn a_server_err_type_of_1_2_or_3_wins_and_the_table_value_stays_available() {
    // QQ -73 is Reauthorize in the table; this server says "retry later".
    let response = parse(r#"{"ret":-10000,"msg":"-73,x","err_type":1}"#).unwrap();
    let c = response.classify();
    assert_eq!(c.err_type(), ErrType::NetworkUnstable);
    assert_eq!(c.table_err_type(), ErrType::Reauthorize);
    assert_eq!(c.server_err_type(), Some(ErrType::NetworkUnstable));
    assert_eq!(
        c.action(),
        Action::RetryLater,
        "the action follows a disagreeing server: 请稍后再试"
    );
    assert_eq!(c.decision(), Decision::Retry(Backoff::Later));
    assert!(c.is_retryable() && !c.needs_reauthorization());

    // Agreement keeps the catalog's finer action.
    let agree = parse(r#"{"ret":-503,"err_type":1}"#).unwrap();
    assert_eq!(agree.classify().action(), Action::SlowDown);

    // An unrecognised value is kept raw and ignored; so is 5, which says less than the
    // catalog.
    let odd = parse(r#"{"ret":-10000,"msg":"-73,x","err_type":4}"#).unwrap();
    let c = odd.classify();
    assert_eq!(c.err_type(), ErrType::Reauthorize);
    assert_eq!(
        (c.server_err_type(), c.server_err_type_raw()),
        (None, Some(4))
    );
    let five = parse(r#"{"ret":-10000,"msg":"-73,x","err_type":5}"#).unwrap();
    let c = five.classify();
    assert_eq!(
        (c.err_type(), c.decision()),
        (ErrType::Reauthorize, Decision::Reauthorize)
    );
    assert_eq!(c.server_err_type(), Some(ErrType::Unknown));

    // A server err_type of 0 on a failed call does not make it read as fine: the
    // catalog's stays, and the server's 0 is readable as sent.
    let zero = parse(r#"{"ret":-20000,"msg":"42001,access_token expired","err_type":0}"#).unwrap();
    let c = zero.classify();
    assert_eq!(c.err_type(), ErrType::RefreshToken);
    assert_eq!(c.action(), Action::RefreshToken);
    assert_eq!(c.server_err_type(), Some(ErrType::Normal));
    assert_eq!(c.server_err_type_raw(), Some(0));
    let undocumented =
        parse(r#"{"ret":-20000,"msg":"61451,invalid parameter","err_type":0}"#).unwrap();
    assert_eq!(undocumented.classify().err_type(), ErrType::Unknown);

    // Success stays Normal whatever the server says.
    let ok = parse(r#"{"ret":0,"msg":"ok","err_type":2}"#).unwrap();
    assert_eq!(ok.classify().err_type(), ErrType::Normal);
    assert_eq!(ok.classify().server_err_type(), Some(ErrType::Reauthorize));
    assert!(ok.into_result().is_ok());
}

#[test]
fn classify_for_uses_the_api_context() {
    let response = parse(r#"{"ret":100000,"msg":"鉴权错误"}"#).unwrap();
    assert_eq!(response.classify().known(), None);
    let share = response.classify_for(Api::QqShare);
    assert_eq!(share.layer(), Layer::QqShare);
    assert!(share.needs_reauthorization());
}

#[test]
fn into_result_gives_the_owned_error() {
    let err = parse(r#"{"ret":-20000,"msg":"42001,access_token expired","err_type":3}"#)
        .unwrap()
        .into_result()
        .unwrap_err();
    assert_eq!((err.layer(), err.code()), (Layer::WechatPlatform, 42001));
    assert!(err.needs_token_refresh());
    assert_eq!(err.server_err_type_raw(), Some(3));
    assert_eq!(err.msg(), "42001,access_token expired");
}

#[test]
fn serialize_writes_the_wire_shape() {
    let with = MsdkResponse::new(-20000, "40001,invalid credential", Some(2));
    assert_eq!(
        serde_json::to_string(&with).unwrap(),
        r#"{"ret":-20000,"msg":"40001,invalid credential","err_type":2}"#
    );
    let without = MsdkResponse::new(0, "ok", None);
    assert_eq!(
        serde_json::to_string(&without).unwrap(),
        r#"{"ret":0,"msg":"ok"}"#
    );
    let json = serde_json::to_vec(&with).unwrap();
    assert_eq!(MsdkResponse::from_slice(&json).unwrap(), with);
}

/// Both readers: the crate's own (`from_slice`) and serde's `Deserialize` (through
/// serde_json), whose answers must agree wherever the docs do not say otherwise.
fn both(json: &str) -> [Result<MsdkResponse<'_>, String>; 2] {
    [
        MsdkResponse::from_slice(json.as_bytes()).map_err(|e| e.to_string()),
        serde_json::from_str::<MsdkResponse<'_>>(json).map_err(|e| e.to_string()),
    ]
}

#[test]
fn numbers_that_are_not_integers_are_errors_never_zero() {
    // (body, words the message must contain)
    let cases: &[(&str, &str)] = &[
        (r#"{"ret":-0}"#, "floating point `-0.0`"),
        (r#"{"ret":-0.0}"#, "floating point `-0.0`"),
        (r#"{"ret":0.0}"#, "floating point `0.0`"),
        (r#"{"ret":1e-400}"#, "floating point `0.0`"),
        (r#"{"ret":-1e-400}"#, "floating point `-0.0`"),
        (r#"{"ret":0e0}"#, "floating point `0.0`"),
        (r#"{"ret":-1.0}"#, "floating point `-1.0`"),
        (r#"{"ret":1E2}"#, "floating point `100.0`"),
        (r#"{"ret":-10000.5}"#, "floating point"),
        (r#"{"ret":"-0"}"#, r#"invalid value: string "-0""#),
        (r#"{"ret":"1.0"}"#, r#"invalid value: string "1.0""#),
        (r#"{"ret":"1e3"}"#, r#"invalid value: string "1e3""#),
        (r#"{"ret":"-"}"#, r#"invalid value: string "-""#),
        (r#"{"ret":"+"}"#, r#"invalid value: string "+""#),
        (r#"{"ret":"1 "}"#, r#"invalid value: string "1 ""#),
        (r#"{"ret":-20000,"err_type":-0}"#, "floating point `-0.0`"),
        (r#"{"ret":-20000,"err_type":0.0}"#, "floating point `0.0`"),
        (
            r#"{"ret":-20000,"err_type":1e-400}"#,
            "floating point `0.0`",
        ),
        (
            r#"{"ret":-20000,"err_type":"-0"}"#,
            r#"invalid value: string "-0""#,
        ),
    ];
    for &(json, words) in cases {
        for (reader, result) in ["from_slice", "serde"].into_iter().zip(both(json)) {
            match result {
                Ok(response) => panic!("{reader}: {json} read as {response:?}"),
                Err(message) => assert!(message.contains(words), "{reader}: {json}: {message}"),
            }
        }
    }
}

#[test]
fn both_readers_agree() {
    let bodies = [
        r#"{"ret":0,"msg":"success","lists":[{"a":1.5e3,"b":[true,false,null],"c":{}}]}"#,
        r#"{"ret":"-10000","msg":"-73,x","err_type":"2"}"#,
        r#"{"msg":"first","err_type":null,"ret":7}"#,
        r#"{"ret":1,"msg":"\u4e2d\u6587 \"q\"\n\/"}"#,
        r#"{"ret":1,"payload":"\ud83d","deep":[[["\udc00"]]]}"#,
        r#"{"ret":2147483647,"err_type":99}"#,
        r#"{"ret":-2147483648}"#,
        r#"{"ret":2147483648}"#,
        r#"{"ret":18446744073709551616}"#,
        r#"{"ret":-9223372036854775809}"#,
        r#"{"ret":1e400}"#,
        r#"{"ret":01}"#,
        r#"{"ret":1.}"#,
        r#"{"ret":-}"#,
        r#"{"ret":true}"#,
        r#"{"ret":{"a":0}}"#,
        r#"{"ret":{"$serde_json::private::Number":"5"}}"#,
        r#"{"ret":0,"msg":5}"#,
        r#"{"ret":0,"msg":{"$serde_json::private::Number":"5"}}"#,
        r#"{"ret":0,"ret":0}"#,
        r#"{"ret":0,}"#,
        r#"{"ret":0 "msg":""}"#,
        r#"{"ret":0,"p":[1,2}"#,
        r#"{"ret":0,"p":{"a":1]}"#,
        r#"{"ret":0,"p":tru}"#,
        r#"{"ret":0,"p":"\x"}"#,
        r#"{"ret":0,"p":"\u12"}"#,
        r#"{"ret":0,"p":[1,]}"#,
        r#"{"ret":0,"p":{"a"}}"#,
        r#"{"ret":0} x"#,
        "",
        "[]",
        "null",
    ];
    for json in bodies {
        let [own, serde] = both(json);
        match (&own, &serde) {
            (Ok(a), Ok(b)) => assert_eq!(a, b, "{json}"),
            (Err(_), Err(_)) => {}
            _ => panic!("{json}: from_slice {own:?}, serde {serde:?}"),
        }
    }
}

/// A payload nested `depth` levels deep (arrays and objects alternating) around `leaf`.
fn nested(depth: usize, leaf: &str) -> String {
    let mut payload = leaf.to_owned();
    for level in 0..depth {
        payload = if level % 2 == 0 {
            format!(r#"[1,{payload},"x"]"#)
        } else {
            format!(r#"{{"k":{payload},"ret":"not this one"}}"#)
        };
    }
    payload
}

#[test]
fn skipped_fields_are_equally_strict_at_every_depth() {
    let tolerated = [
        // Numbers the grammar allows but an f64 cannot hold: grammar alone decides.
        "1e999",
        "-1E+999",
        "1234567890123456789012345678901234567890123456789012345678901234567890",
        r#""\ud83d""#,
        r#""\udc00 tail""#,
        r#""\ud83d\u0041""#,
        r#""a\/b\\c\"d""#,
        r#""\u00e9""#,
    ];
    let invalid = [
        "[}",
        "{]",
        "tru",
        r#""\x""#,
        r#""\u12G4""#,
        "[1,]",
        "01",
        "1.",
        "-",
        r#"{"a"}"#,
        r#"{1:2}"#,
        "\"a\nb\"",
        "[1 2]", // a raw line break in a string
    ];
    for depth in 1..=100 {
        for leaf in tolerated {
            let body = format!(
                r#"{{"ret":-20000,"msg":"42001,expired","lists":{}}}"#,
                nested(depth, leaf)
            );
            for (reader, result) in ["from_slice", "serde"].into_iter().zip(both(&body)) {
                let response =
                    result.unwrap_or_else(|e| panic!("{reader}, depth {depth}, {leaf}: {e}"));
                assert_eq!(response.classify().code(), 42001);
            }
        }
        for leaf in invalid {
            let body = format!(r#"{{"ret":0,"lists":{}}}"#, nested(depth, leaf));
            for (reader, result) in ["from_slice", "serde"].into_iter().zip(both(&body)) {
                assert!(result.is_err(), "{reader}, depth {depth}: {leaf} accepted");
            }
        }
    }
}

#[test]
fn a_msg_escape_that_does_not_decode_becomes_the_replacement_character() {
    let body = br#"{"ret":-20000,"msg":"42001,\ud83d cut \udc00\ud83d\ude00","err_type":3}"#;
    let response = MsdkResponse::from_slice(body).unwrap();
    assert_eq!(response.msg(), "42001,\u{FFFD} cut \u{FFFD}\u{1F600}");
    assert!(!response.msg_is_borrowed());
    let c = response.classify();
    assert_eq!(
        (c.ret(), c.code(), c.err_type()),
        (-20000, 42001, ErrType::RefreshToken)
    );

    // Bytes that are not UTF-8 in msg: the same.
    let mut raw = br#"{"ret":-10000,"msg":"-73,"#.to_vec();
    raw.extend_from_slice(&[0xE5, 0xB0, b'"', b'}']);
    let response = MsdkResponse::from_slice(&raw).unwrap();
    assert_eq!(response.msg(), "-73,\u{FFFD}");
    assert_eq!(response.classify().code(), -73);

    // serde_json decodes msg itself on the serde path and refuses both (documented).
    assert!(serde_json::from_slice::<MsdkResponse<'_>>(body).is_err());
    assert!(serde_json::from_slice::<MsdkResponse<'_>>(&raw).is_err());
}

#[test]
fn from_slice_prefix_reads_one_object_and_says_where_it_ends() {
    let line = br#"  {"ret":-503,"msg":"x","p":[1]}{"ret":0} trailing"#;
    let (response, used) = MsdkResponse::from_slice_prefix(line).unwrap();
    assert_eq!((response.ret(), response.msg()), (-503, "x"));
    assert_eq!(&line[used..], br#"{"ret":0} trailing"#);
    assert!(
        MsdkResponse::from_slice(line)
            .unwrap_err()
            .to_string()
            .contains("trailing characters")
    );
    assert!(MsdkResponse::from_slice_prefix(b"  ").is_err());
}

#[test]
fn parse_error_says_its_cause_once() {
    let err = parse(r#"{"ret":1.5}"#).unwrap_err();
    assert!(std::error::Error::source(&err).is_none());
    let from_serde = msdk_error_codes::ParseError::from(
        serde_json::from_str::<MsdkResponse<'_>>(r#"{"ret":1.5}"#).unwrap_err(),
    );
    assert!(std::error::Error::source(&from_serde).is_none());
    assert_eq!(err.to_string(), from_serde.to_string());
}

#[test]
fn an_object_that_merely_has_serde_jsons_number_key_is_a_map() {
    // serde_json::Value hands strings over owned, as serde_json's own number form does:
    // only a build with arbitrary_precision reads the key as a number, as serde_json does.
    let value = serde_json::json!({
        "ret": {"$serde_json::private::Number": "0"},
        "msg": "42001,access_token expired",
    });
    let read =
        serde_json::from_value::<msdk_error_codes::OwnedEnvelope<serde::de::IgnoredAny>>(value);
    let arbitrary_precision = serde_json::from_str::<serde_json::Value>("1e999").is_ok();
    if arbitrary_precision {
        assert!(read.is_ok());
    } else {
        let err = read.unwrap_err().to_string();
        assert!(err.contains("invalid type: map"), "{err}");
    }
}

#[test]
fn strings_end_where_they_end_at_every_offset() {
    // The scanner reads eight bytes a step: put the closing quote, an escape and a raw
    // control character at every offset of the first three steps, between ASCII and
    // multi-byte UTF-8.
    for filler in ["a", "é", "很"] {
        for len in 0..30 {
            let text: String = filler.repeat(len);
            let cases = [
                format!(r#"{{"ret":1,"msg":"{text}","p":"{text}\"{text}"}}"#),
                format!(r#"{{"ret":1,"msg":"{text}\\n{text}","p":"{text}"}}"#),
                format!("{{\"ret\":1,\"msg\":\"{text}\",\"p\":\"{text}\u{1}{text}\"}}"),
                format!(r#"{{"ret":1,"p":"{text}","msg":"{text}"}}"#),
            ];
            for body in cases {
                let own = MsdkResponse::from_slice(body.as_bytes()).map(|r| r.msg().to_owned());
                let serde =
                    serde_json::from_str::<MsdkResponse<'_>>(&body).map(|r| r.msg().to_owned());
                assert_eq!(own.as_ref().ok(), serde.as_ref().ok(), "{body}");
                assert_eq!(own.is_ok(), serde.is_ok(), "{body}");
            }
        }
    }
}
