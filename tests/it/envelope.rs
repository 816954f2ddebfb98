//! `Envelope`: the payload on success, the MSDK error on failure, in one parse, through
//! the slice reader and through serde.

use std::borrow::Cow;
use std::collections::BTreeMap;

use msdk_error_codes::{Envelope, Error, MsdkResponse, OwnedEnvelope, ParseError};
use serde::Deserialize;
use serde::de::IgnoredAny;

use crate::support::{self, LeveledFriend};

/// The payload of these tests: `level` is required, so a body can fail to fit it.
type Friends = support::Friends<LeveledFriend>;

#[derive(Debug, Deserialize, PartialEq)]
struct Borrowed<'a> {
    #[serde(borrow)]
    name: &'a str,
    #[serde(borrow)]
    nick: Cow<'a, str>,
}

const OK: &str =
    r#"{"ret":0,"msg":"success","lists":[{"openid":"A","level":3},{"openid":"B","level":5}]}"#;

fn friends() -> Friends {
    Friends {
        lists: vec![
            LeveledFriend {
                openid: "A".into(),
                level: 3,
            },
            LeveledFriend {
                openid: "B".into(),
                level: 5,
            },
        ],
    }
}

/// Reads through the slice path and the serde path; both must agree where the docs say
/// they do.
fn both<'a, T: Deserialize<'a>>(body: &'a str) -> [Result<Envelope<'a, T>, ParseError>; 2] {
    [
        Envelope::from_slice(body.as_bytes()),
        serde_json::from_str::<Envelope<'a, T>>(body).map_err(ParseError::from),
    ]
}

#[test]
fn success_gives_the_payload_and_the_status() {
    for envelope in both::<Friends>(OK) {
        let envelope = envelope.unwrap();
        assert_eq!(envelope.response().ret(), 0);
        assert_eq!(envelope.response().msg(), "success");
        assert_eq!(envelope.payload(), Some(&friends()));
        assert!(envelope.classify().is_success());
        assert_eq!(envelope.into_result().unwrap(), friends());
    }
}

#[test]
fn payloads_may_be_structs_maps_or_ignored() {
    let body = r#"{"ret":0,"msg":"ok","err_type":0,"a":1,"b":[2],"c":{"d":null}}"#;
    for envelope in both::<BTreeMap<String, serde_json::Value>>(body) {
        let map = envelope.unwrap().into_payload().unwrap();
        assert_eq!(
            map.keys().collect::<Vec<_>>(),
            ["a", "b", "c"],
            "no envelope field"
        );
    }
    for envelope in both::<IgnoredAny>(body) {
        let envelope = envelope.unwrap();
        assert_eq!(envelope.response().server_err_type(), Some(0));
        assert!(envelope.payload().is_some());
    }
    // Borrowed payloads: &str and Cow borrow from the input.
    let body = r#"{"ret":0,"name":"小明","nick":"plain","msg":"ok"}"#;
    let envelope = Envelope::<Borrowed>::from_slice(body.as_bytes()).unwrap();
    let payload = envelope.payload().unwrap();
    assert_eq!(payload.name, "小明");
    assert!(matches!(payload.nick, Cow::Borrowed("plain")));
    let at = body.find("小明").unwrap();
    assert!(std::ptr::eq(
        payload.name.as_bytes(),
        &body.as_bytes()[at..at + 6]
    ));
    // A map with borrowed keys.
    let envelope = Envelope::<BTreeMap<&str, u8>>::from_slice(br#"{"a":1,"ret":0,"b":2}"#).unwrap();
    assert_eq!(envelope.payload().unwrap().len(), 2);
}

#[test]
fn a_failure_is_never_masked_by_its_payload() {
    // (body, why): every one a failure whose payload does not fit Friends.
    let cases = [
        (
            r#"{"ret":-20000,"msg":"42001,access_token expired"}"#,
            "no payload",
        ),
        (
            r#"{"ret":-20000,"msg":"42001,access_token expired","lists":null}"#,
            "null",
        ),
        (
            r#"{"ret":-20000,"msg":"42001,access_token expired","lists":[{"openid":"A"}]}"#,
            "partial",
        ),
        (
            r#"{"ret":-20000,"msg":"42001,access_token expired","lists":"nope"}"#,
            "ill-typed",
        ),
        (
            r#"{"lists":"nope","ret":-20000,"msg":"42001,access_token expired"}"#,
            "ill-typed, ret last",
        ),
        (
            r#"{"lists":[{"openid":"A","level":"x"}],"msg":"42001,access_token expired","ret":-20000}"#,
            "deep ill-typed, ret last",
        ),
        (
            r#"{"msg":"42001,access_token expired","lists":[{"openid":"A"}],"ret":-20000}"#,
            "partial, ret last",
        ),
        (
            r#"{"lists":[],"ret":-20000,"msg":"42001,access_token expired"}"#,
            "fits, but failed",
        ),
    ];
    for (body, why) in cases {
        let envelope = Envelope::<Friends>::from_slice(body.as_bytes())
            .unwrap_or_else(|e| panic!("{why}: {e}"));
        assert!(envelope.payload().is_none(), "{why}");
        let err = envelope.into_result().unwrap_err();
        assert_eq!((err.ret(), err.code()), (-20000, 42001), "{why}");
        let err = msdk_error_codes::from_slice::<Friends>(body.as_bytes()).unwrap_err();
        assert!(
            matches!(err, Error::Msdk(ref e) if e.code() == 42001),
            "{why}: {err}"
        );
    }
}

#[test]
fn the_serde_path_keeps_the_failure_unless_the_payload_error_comes_before_ret() {
    let ret_first = r#"{"ret":-20000,"msg":"42001,access_token expired","lists":"nope"}"#;
    let envelope = serde_json::from_str::<Envelope<Friends>>(ret_first).unwrap();
    assert_eq!(envelope.into_result().unwrap_err().code(), 42001);
    let missing = r#"{"msg":"42001,x","ret":-20000}"#;
    assert!(
        serde_json::from_str::<Envelope<Friends>>(missing)
            .unwrap()
            .payload()
            .is_none()
    );
    // The documented limit: serde cannot read the body again.
    let ret_last = r#"{"lists":"nope","ret":-20000,"msg":"42001,access_token expired"}"#;
    assert!(serde_json::from_str::<Envelope<Friends>>(ret_last).is_err());
    assert!(OwnedEnvelope::<Friends>::from_reader(ret_last.as_bytes()).is_err());
    // ...which the slice forms do not have.
    assert!(OwnedEnvelope::<Friends>::from_slice(ret_last.as_bytes()).is_ok());
}

#[test]
fn a_payload_that_does_not_fit_a_success_says_where() {
    let body = r#"{"ret":0,"msg":"ok","lists":[{"openid":"A","level":1},{"openid":"B","level":2},{"openid":"C","level":3},{"openid":"D","level":"high"}]}"#;
    let err = Envelope::<Friends>::from_slice(body.as_bytes()).unwrap_err();
    assert_eq!(err.path(), Some("lists[3].level"));
    let message = err.to_string();
    assert!(
        message.contains("payload field `lists[3].level`"),
        "{message}"
    );
    assert!(
        message.contains("invalid type: string \"high\", expected u32"),
        "{message}"
    );
    // The place is the body's, not the value's.
    assert_eq!(err.line(), 1);
    let at = body.find("\"high\"").unwrap() + "\"high\"".len();
    assert_eq!(err.column(), at, "{message}");
    assert!(err.is_data());

    let missing = Envelope::<Friends>::from_slice(br#"{"ret":0,"msg":"ok"}"#).unwrap_err();
    assert!(
        missing.to_string().contains("missing field `lists`"),
        "{missing}"
    );
    assert_eq!(missing.path(), None, "the message names the field");

    let multi_line = "{\"ret\":0,\n\"lists\":[\n{\"openid\":\"A\",\"level\":-1}]}";
    let err = Envelope::<Friends>::from_slice(multi_line.as_bytes()).unwrap_err();
    assert_eq!(
        (err.path(), err.line()),
        (Some("lists[0].level"), 3),
        "{err}"
    );

    let err = msdk_error_codes::from_slice::<Friends>(body.as_bytes()).unwrap_err();
    assert!(matches!(&err, Error::Parse(e) if e.path() == Some("lists[3].level")));
    // The serde path has a place but no path.
    let err = serde_json::from_str::<Envelope<Friends>>(body).unwrap_err();
    assert!(err.to_string().contains("expected u32"), "{err}");
}

#[test]
fn the_owned_form_reads_from_a_reader() {
    let envelope = OwnedEnvelope::<Friends>::from_reader(OK.as_bytes()).unwrap();
    assert_eq!(envelope.payload(), Some(&friends()));
    assert_eq!(envelope.response().msg(), "success");
    fn owned<T: serde::de::DeserializeOwned + Send + 'static>(_: &T) {}
    owned(&envelope);
    let failed =
        OwnedEnvelope::<IgnoredAny>::from_reader(&br#"{"ret":-503,"msg":"x"}"#[..]).unwrap();
    assert_eq!(failed.into_result().unwrap_err().code(), -503);
    // A reader's I/O error is a ParseError too.
    struct Broken;
    impl std::io::Read for Broken {
        fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
            Err(std::io::Error::other("connection reset"))
        }
    }
    let err = OwnedEnvelope::<IgnoredAny>::from_reader(Broken).unwrap_err();
    assert!(
        err.is_io() && err.to_string().contains("connection reset"),
        "{err}"
    );
}

#[test]
fn the_error_converts_from_both_and_says_its_cause_once() {
    let parse = MsdkResponse::from_slice(b"[]").unwrap_err();
    let shown = parse.to_string();
    let err = Error::from(parse);
    assert_eq!(err.to_string(), shown);
    assert!(std::error::Error::source(&err).is_none());
    let msdk = msdk_error_codes::classify(-503, "").to_error().unwrap();
    let shown = msdk.to_string();
    let err = Error::from(msdk);
    assert_eq!(err.to_string(), shown);
    assert!(std::error::Error::source(&err).is_none());
    support::assert_send_sync_error(&err);
}

#[test]
fn everything_msdk_response_survives_the_envelope_survives() {
    let deep = format!(
        r#"{{"ret":-503,"payload":{}{}, "msg":"x"}}"#,
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let cases = [
        deep.as_str(),
        r#"{"ret":0,"ret":1}"#,
        r#"{"ret":0,"p":{"ret":5,"msg":7,"err_type":"x"},"msg":"ok"}"#,
        r#"{"ret":-1,"p":[{"ret":5}]}"#,
        "[1]",
        "null",
        "",
        r#"{"ret":1.0}"#,
        r#"{"ret":-20000,"msg":"42001,\ud83d","nick":"\udc00"}"#,
        r#"{"ret":0,"lists":[}"#,
    ];
    for body in cases {
        let response = MsdkResponse::from_slice(body.as_bytes());
        let envelope = Envelope::<IgnoredAny>::from_slice(body.as_bytes());
        match (&response, &envelope) {
            (Ok(r), Ok(e)) => assert_eq!(r, e.response(), "{body:.60}"),
            (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "{body:.60}"),
            _ => panic!("{body:.60}: {response:?} vs {envelope:?}"),
        }
    }
    // A field named like an envelope field, deeper down, is the payload's.
    let body = r#"{"ret":0,"msg":"ok","lists":[{"openid":"ret","level":1}],"inner":{"ret":-1}}"#;
    let envelope = Envelope::<Friends>::from_slice(body.as_bytes()).unwrap();
    assert_eq!(envelope.payload().unwrap().lists[0].openid, "ret");
    assert_eq!(envelope.response().ret(), 0);
}

#[test]
fn optional_and_newtype_payloads() {
    #[derive(Debug, Deserialize)]
    struct Wrapper(Friends);
    let envelope = Envelope::<Option<Friends>>::from_slice(OK.as_bytes()).unwrap();
    assert_eq!(envelope.into_payload().flatten(), Some(friends()));
    let envelope = Envelope::<Wrapper>::from_slice(OK.as_bytes()).unwrap();
    assert_eq!(envelope.into_payload().unwrap().0, friends());
    // A type that does not deserialize from an object is an error, for a success only.
    assert!(Envelope::<Vec<u8>>::from_slice(OK.as_bytes()).is_err());
    assert!(Envelope::<Vec<u8>>::from_slice(br#"{"ret":-1}"#).is_ok());
}

/// A key that does not decode exactly, through the slice path, against what serde_json
/// itself says of the same body through the serde path: the same message and place. (The
/// slice path also names the place in the payload, `payload field `m.?`: `, where the
/// serde path has none: compared without it; the callers check the path.)
fn key_error_as_serde_json<T>(body: &[u8]) -> ParseError
where
    T: for<'a> Deserialize<'a> + std::fmt::Debug,
{
    let sliced = Envelope::<T>::from_slice(body).unwrap_err();
    let serde = ParseError::from(serde_json::from_slice::<Envelope<T>>(body).unwrap_err());
    let message = match sliced.path() {
        Some(path) => sliced
            .to_string()
            .replacen(&format!("payload field `{path}`: "), "", 1),
        None => sliced.to_string(),
    };
    assert_eq!(
        (message, sliced.line(), sliced.column()),
        (serde.to_string(), serde.line(), serde.column()),
        "{}",
        String::from_utf8_lossy(body)
    );
    let one_liner = msdk_error_codes::from_slice::<T>(body).unwrap_err();
    assert!(
        matches!(one_liner, Error::Parse(ref e) if e.to_string() == sliced.to_string()),
        "{one_liner}"
    );
    sliced
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Nick {
    #[serde(rename = "nick\u{FFFD}")]
    nick: i32,
}

#[derive(Debug, Deserialize)]
struct Nothing {}

#[test]
fn a_payload_key_that_does_not_decode_is_an_error_at_the_key() {
    type Map = BTreeMap<String, i32>;
    // Two lone surrogates: once both read as U+FFFD, merged into one key.
    let err = key_error_as_serde_json::<Map>(br#"{"ret":0,"msg":"ok","\ud800":1,"\udbff":2}"#);
    assert_eq!((err.line(), err.column()), (1, 28));
    assert!(err.is_syntax(), "{err}");
    // A lone trailing surrogate once filled a field renamed to the replacement.
    let err = key_error_as_serde_json::<Nick>(br#"{"ret":0,"msg":"ok","nick\udc00":1}"#);
    assert!(
        err.to_string()
            .contains("lone leading surrogate in hex escape at line 1 column 31"),
        "{err}"
    );
    // The field is filled by its own key only.
    let body = "{\"ret\":0,\"msg\":\"ok\",\"nick\u{FFFD}\":7}";
    let nick = msdk_error_codes::from_slice::<Nick>(body.as_bytes()).unwrap();
    assert_eq!(nick.nick, 7);
    // And the same key is refused where T would ignore it.
    key_error_as_serde_json::<Nothing>(br#"{"ret":0,"msg":"ok","nick\udc00":1}"#);
    // Raw bytes that are not UTF-8, on a second line.
    let err = key_error_as_serde_json::<Map>(b"{\"ret\":0,\"msg\":\"ok\",\n  \"ab\xc3\":1}");
    assert!(
        err.to_string()
            .contains("invalid unicode code point at line 2 column 6"),
        "{err}"
    );
    key_error_as_serde_json::<Map>(b"{\"\xff\xfe\":1,\"ret\":0}");
    // A key before `ret`, with a successful `ret` after it: the error at the key.
    let err = key_error_as_serde_json::<Map>(br#"{"a\ud800b":1,"ret":0}"#);
    assert_eq!((err.line(), err.column()), (1, 10));
}

#[test]
fn a_key_that_does_not_decode_inside_a_value_t_reads_is_an_error_at_the_key() {
    type Nested = BTreeMap<String, BTreeMap<String, i32>>;
    let err = key_error_as_serde_json::<Nested>(br#"{"ret":0,"msg":"ok","m":{"\ud800":1}}"#);
    assert!(err.is_syntax(), "{err}");
    assert_eq!((err.line(), err.column(), err.path()), (1, 33, Some("m.?")));
    // Deeper, and in a struct that ignores the key: the key is still handed to it.
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)] // only the error is read
    struct Outer {
        m: Inner,
    }
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Inner {
        a: Vec<BTreeMap<String, i32>>,
    }
    let err = key_error_as_serde_json::<Outer>(br#"{"ret":0,"m":{"a":[{"x":1},{"y\udc00":2}]}}"#);
    assert!(err.path().is_some_and(|p| p.starts_with("m.a[1]")), "{err}");
    let err = key_error_as_serde_json::<Outer>(br#"{"ret":0,"m":{"a":[],"\udbff":2}}"#);
    assert!(err.path().is_some_and(|p| p.starts_with('m')), "{err}");
    // Two lone surrogates one level down: not merged into one U+FFFD key.
    let err = key_error_as_serde_json::<Nested>(br#"{"ret":0,"m":{"\ud800":1,"\udbff":2}}"#);
    assert_eq!((err.line(), err.column()), (1, 22), "{err}");
    // Inside a value T skips, the scanner's tolerance stays: grammar alone.
    #[derive(Debug, Deserialize)]
    struct M {
        m: BTreeMap<String, i32>,
    }
    let body = br#"{"ret":0,"msg":"ok","m":{"a":1},"skipped":{"x":{"\ud800":1,"\udc00":[2]}}}"#;
    let read = msdk_error_codes::from_slice::<M>(body).unwrap();
    assert_eq!(read.m, BTreeMap::from([("a".to_owned(), 1)]));
    // A failure's payload is not read at all: the MSDK error, whatever its keys.
    let failure = br#"{"ret":-20000,"msg":"42001,access_token expired","m":{"\ud800":1}}"#;
    assert!(matches!(
        msdk_error_codes::from_slice::<Nested>(failure),
        Err(Error::Msdk(e)) if e.code() == 42001
    ));
}

#[test]
fn a_valid_surrogate_pair_key_decodes() {
    let body = br#"{"ret":0,"msg":"ok","\ud83d\ude00":1,"b\u00e9":2}"#;
    let map = msdk_error_codes::from_slice::<BTreeMap<String, i32>>(body).unwrap();
    assert_eq!(
        map,
        BTreeMap::from([("😀".to_owned(), 1), ("bé".to_owned(), 2)])
    );
    // A key that is itself U+FFFD, escaped or not, is a key like any other.
    let body = "{\"ret\":0,\"\u{FFFD}\":1,\"\\ufffd\\u0041\":2}";
    let map = msdk_error_codes::from_slice::<BTreeMap<String, i32>>(body.as_bytes()).unwrap();
    assert_eq!(
        map,
        BTreeMap::from([("\u{FFFD}".to_owned(), 1), ("\u{FFFD}A".to_owned(), 2)])
    );
}

#[test]
fn a_failure_with_an_undecodable_key_is_still_the_msdk_error() {
    let bodies: [&[u8]; 5] = [
        br#"{"ret":-20000,"msg":"42001,access_token expired","\ud800":1,"\udbff":2}"#,
        br#"{"ret":-20000,"msg":"42001,access_token expired","nick\udc00":1}"#,
        b"{\"ret\":-20000,\"msg\":\"42001,access_token expired\",\"\xff\":1}",
        // `ret` after the key: the body is read again for the envelope alone.
        br#"{"nick\udc00":1,"ret":-20000,"msg":"42001,access_token expired"}"#,
        b"{\"\xff\":1,\"msg\":\"42001,access_token expired\",\"ret\":-20000}",
    ];
    for body in bodies {
        let shown = String::from_utf8_lossy(body);
        for result in [
            msdk_error_codes::from_slice::<BTreeMap<String, i32>>(body).map(drop),
            msdk_error_codes::from_slice::<Nick>(body).map(drop),
        ] {
            assert!(
                matches!(result, Err(Error::Msdk(ref e)) if e.code() == 42001),
                "{shown}: {result:?}"
            );
        }
    }
}

#[test]
fn keys_handed_to_no_one_keep_the_scanners_tolerance() {
    let bodies: [&[u8]; 4] = [
        br#"{"ret":0,"msg":"ok","\ud800":1,"\udbff":2}"#,
        br#"{"nick\udc00":{"\ud800":[1]},"ret":0}"#,
        b"{\"ret\":0,\"\xff\":1}",
        b"{\"ret\":-1,\"msg\":\"x\",\"\xff\":{\"\xfe\":2}}",
    ];
    for body in bodies {
        let shown = String::from_utf8_lossy(body);
        let response = MsdkResponse::from_slice(body).unwrap_or_else(|e| panic!("{shown}: {e}"));
        // T ignores the whole payload: it is handed no key.
        let envelope = Envelope::<IgnoredAny>::from_slice(body).unwrap();
        assert_eq!(envelope.response(), &response, "{shown}");
    }
    // Inside a value T skips, keys are not T's: only grammar is checked.
    let body = br#"{"ret":0,"msg":"ok","a":1,"skipped":{"\ud800":1,"\udc00":[2]}}"#;
    #[derive(Deserialize)]
    struct A {
        a: i32,
    }
    assert_eq!(msdk_error_codes::from_slice::<A>(body).unwrap().a, 1);
}
