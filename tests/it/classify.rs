//! The classification rules, table-driven: every rule of `classify_for`, the two examples
//! of the spec, each API context and each collision between tables.

use msdk_error_codes::{
    Action, Api, ErrType, Layer, LogicRange, MsdkCode, classify, classify_for, parse_passthrough,
};

/// One expected classification.
pub(crate) struct Case {
    api: Api,
    pub(crate) ret: i32,
    pub(crate) msg: &'static str,
    layer: Layer,
    code: i32,
    /// Whether the catalog documents (layer, code).
    known: bool,
    err_type: ErrType,
    platform_message: Option<&'static str>,
    why: &'static str,
}

const fn case(
    api: Api,
    ret: i32,
    msg: &'static str,
    (layer, code, known): (Layer, i32, bool),
    err_type: ErrType,
    platform_message: Option<&'static str>,
    why: &'static str,
) -> Case {
    Case {
        api,
        ret,
        msg,
        layer,
        code,
        known,
        err_type,
        platform_message,
        why,
    }
}

use Api::*;
use ErrType::*;
use Layer as L;

pub(crate) const CASES: &[Case] = &[
    // Rule 1: success.
    case(
        Generic,
        0,
        "success",
        (L::Access, 0, true),
        Normal,
        None,
        "rule 1",
    ),
    case(
        GameCenter,
        0,
        "",
        (L::GameCenter, 0, true),
        Normal,
        None,
        "rule 1 in the game center's own table",
    ),
    case(
        QqShare,
        0,
        "ok",
        (L::Access, 0, true),
        Normal,
        None,
        "rule 1, /share/qq has no 0",
    ),
    // Rule 3: passthroughs, with the spec's two examples (§1 points 4 and 5).
    case(
        Generic,
        -10000,
        "-73,the user modify password wrong",
        (L::QqPlatform, -73, true),
        Reauthorize,
        Some("the user modify password wrong"),
        "spec example, QQ",
    ),
    case(
        Generic,
        -20000,
        "40001,invalid credential",
        (L::WechatPlatform, 40001, true),
        Reauthorize,
        Some("invalid credential"),
        "spec example, WeChat",
    ),
    case(
        Generic,
        -20000,
        "42001，access_token expired",
        (L::WechatPlatform, 42001, true),
        RefreshToken,
        Some("access_token expired"),
        "full-width comma",
    ),
    case(
        Generic,
        -20000,
        " 45009 ,  api freq out of limit",
        (L::WechatPlatform, 45009, true),
        NetworkUnstable,
        Some("api freq out of limit"),
        "whitespace around the number",
    ),
    case(
        Generic,
        -10000,
        "-6",
        (L::QqPlatform, -6, true),
        NetworkUnstable,
        Some(""),
        "a code without text",
    ),
    case(
        Generic,
        -10000,
        "12345,something new",
        (L::QqPlatform, 12345, false),
        Unknown,
        Some("something new"),
        "undocumented QQ code keeps layer and number",
    ),
    case(
        Generic,
        -20000,
        "61451,invalid parameter",
        (L::WechatPlatform, 61451, false),
        Unknown,
        Some("invalid parameter"),
        "undocumented WeChat code",
    ),
    case(
        Generic,
        -20000,
        "0,ok",
        (L::WechatPlatform, 0, true),
        Unknown,
        Some("ok"),
        "a platform's success code in a failed ret is an unexplained failure",
    ),
    case(
        Generic,
        -20000,
        "0，成功",
        (L::WechatPlatform, 0, true),
        Unknown,
        Some("成功"),
        "the same with a full-width comma",
    ),
    case(
        Generic,
        -10000,
        "0,ok",
        (L::QqPlatform, 0, false),
        Unknown,
        Some("ok"),
        "the QQ table documents no 0: undocumented",
    ),
    case(
        GameCenter,
        -10000,
        "0,成功",
        (L::GameCenter, 0, true),
        Unknown,
        Some("成功"),
        "an API table's success code in a failed ret",
    ),
    // Rule 4: passthrough ret whose msg does not parse.
    case(
        Generic,
        -10000,
        "the user modify password wrong",
        (L::Logic, -10000, true),
        Unknown,
        None,
        "rule 4, QQ",
    ),
    case(
        Generic,
        -20000,
        "",
        (L::Logic, -20000, true),
        Unknown,
        None,
        "rule 4, WeChat, empty msg",
    ),
    case(
        Generic,
        -10000,
        "99999999999,overflow",
        (L::Logic, -10000, true),
        Unknown,
        None,
        "rule 4, overflowing code",
    ),
    case(
        Generic,
        -10000,
        "-73x,text",
        (L::Logic, -10000, true),
        Unknown,
        None,
        "rule 4, junk after the number",
    ),
    // Rule 5: access, then logic, then ranges.
    case(
        Generic,
        -503,
        "",
        (L::Access, -503, true),
        NetworkUnstable,
        None,
        "documented access code",
    ),
    case(
        Generic,
        -101,
        "",
        (L::Access, -101, true),
        NetworkUnstable,
        None,
        "-101 is in both: access first",
    ),
    case(
        Generic,
        -102,
        "",
        (L::Logic, -102, true),
        NetworkUnstable,
        None,
        "documented logic code",
    ),
    case(
        Generic,
        1,
        "",
        (L::Logic, 1, true),
        Normal,
        None,
        "logic 1: empty result",
    ),
    case(
        Generic,
        -10010,
        "",
        (L::Logic, -10010, true),
        Normal,
        None,
        "正常返回",
    ),
    case(
        Generic,
        -150,
        "",
        (L::Logic, -150, false),
        NetworkUnstable,
        None,
        "undocumented, system range",
    ),
    case(
        Generic,
        -1500,
        "",
        (L::Logic, -1500, false),
        Unknown,
        None,
        "undocumented, client range",
    ),
    case(
        Generic,
        -2500,
        "",
        (L::Logic, -2500, false),
        NetworkUnstable,
        None,
        "undocumented, server range",
    ),
    case(
        Generic,
        -12000,
        "",
        (L::Logic, -12000, false),
        Unknown,
        None,
        "undocumented, QQ business range",
    ),
    // Rule 5 (2016 revision): OIDB results in msg as ret:N.
    case(
        Generic,
        -15000,
        "",
        (L::Logic, -15000, true),
        Unknown,
        None,
        "-15000 without ret:N is the range row",
    ),
    case(
        Generic,
        -16000,
        "oidb failed",
        (L::Logic, -16000, false),
        Unknown,
        None,
        "undocumented, OIDB range, no ret:N",
    ),
    case(
        Generic,
        -14999,
        "oidb decode0x73a failed, ret:17",
        (L::Logic, -14999, false),
        Unknown,
        None,
        "-14999 is outside the OIDB range: msg is not read",
    ),
    case(
        Generic,
        -15000,
        "oidb decode0x73a failed, ret:17",
        (L::PayToken, 17, true),
        Unknown,
        Some("oidb decode0x73a failed, ret:17"),
        "the page's example: 0x73a is the PayToken table",
    ),
    case(
        Generic,
        -19999,
        "ret:-103 msg:oidb decode0x73a failed, ret:17",
        (L::PayToken, 17, true),
        Unknown,
        Some("ret:-103 msg:oidb decode0x73a failed, ret:17"),
        "the last ret: decides, as in the page's example",
    ),
    case(
        Generic,
        -103,
        "oidb decode0x73a failed, ret:17",
        (L::Logic, -103, true),
        NetworkUnstable,
        None,
        "the page's own ret -103 stays the logic row",
    ),
    case(
        Generic,
        -16001,
        "oidb decode0x711 failed, ret:17",
        (L::AccessToken, 17, true),
        Unknown,
        Some("oidb decode0x711 failed, ret:17"),
        "0x711: 17 is in the range row 0x10~0x11, and keeps its number",
    ),
    case(
        Generic,
        -15000,
        "oidb decode0x711 failed, ret:54",
        (L::AccessToken, 54, true),
        Unknown,
        Some("oidb decode0x711 failed, ret:54"),
        "the middle of the range row 0x32~0x36",
    ),
    case(
        Generic,
        -15000,
        "oidb decode0x711 failed, ret:0x11",
        (L::Logic, -15000, true),
        Unknown,
        None,
        "ret:0x11 is not decimal: no OIDB code",
    ),
    case(
        Generic,
        -15000,
        "oidb call failed, ret:-103",
        (L::Oidb, -103, true),
        Unknown,
        Some("oidb call failed, ret:-103"),
        "no command: the OIDB table",
    ),
    case(
        Generic,
        -15000,
        "oidb call failed, ret:255",
        (L::Oidb, 255, true),
        Unknown,
        Some("oidb call failed, ret:255"),
        "the unsigned form finds the row -1",
    ),
    case(
        Generic,
        -15000,
        "oidb call failed, ret:200",
        (L::Oidb, 200, false),
        Unknown,
        Some("oidb call failed, ret:200"),
        "200 and its signed byte -56 are in no row",
    ),
    case(
        Generic,
        -15000,
        "cmd 0x711, retried as 0x73a: ret:5",
        (L::AccessToken, 5, false),
        Unknown,
        Some("cmd 0x711, retried as 0x73a: ret:5"),
        "the first command named wins; 5 is undocumented there",
    ),
    case(
        Generic,
        -15000,
        "oidb decode0x73a failed, ret:0",
        (L::PayToken, 0, true),
        Unknown,
        Some("oidb decode0x73a failed, ret:0"),
        "the table's success inside a failed ret",
    ),
    case(
        Generic,
        -15000,
        "oidb decode0x73a failed, ret:99999999999",
        (L::Logic, -15000, true),
        Unknown,
        None,
        "an overflowing N: no OIDB code",
    ),
    case(
        BlueDiamond,
        -15000,
        "oidb decode0x73a failed, ret:17",
        (L::PayToken, 17, true),
        Unknown,
        Some("oidb decode0x73a failed, ret:17"),
        "no API table has -15000: the OIDB rule applies",
    ),
    case(
        Generic,
        -25000,
        "",
        (L::Logic, -25000, false),
        Unknown,
        None,
        "undocumented, WeChat business range",
    ),
    case(
        Generic,
        -40000,
        "",
        (L::Logic, -40000, false),
        Unknown,
        None,
        "undocumented, LBS range",
    ),
    case(
        Generic,
        i32::MIN,
        "",
        (L::Logic, i32::MIN, false),
        Unknown,
        None,
        "i32::MIN is in the LBS range",
    ),
    case(
        Generic,
        -50,
        "",
        (L::Access, -50, false),
        Unknown,
        None,
        "in no range",
    ),
    case(
        Generic,
        i32::MAX,
        "",
        (L::Access, i32::MAX, false),
        Unknown,
        None,
        "positive, in no range",
    ),
    // Collision -10002: logic vs blue diamond.
    case(
        Generic,
        -10002,
        "",
        (L::Logic, -10002, true),
        Unknown,
        None,
        "-10002 generic: invalid openid",
    ),
    case(
        BlueDiamond,
        -10002,
        "",
        (L::BlueDiamond, -10002, true),
        NetworkUnstable,
        None,
        "-10002 blue diamond: account not found",
    ),
    case(
        BlueDiamond,
        -20001,
        "",
        (L::BlueDiamond, -20001, true),
        NetworkUnstable,
        None,
        "blue diamond before logic -20001",
    ),
    case(
        BlueDiamond,
        -20000,
        "",
        (L::Logic, -20000, true),
        Unknown,
        None,
        "blue diamond has no -20000: generic rules",
    ),
    case(
        BlueDiamond,
        -102,
        "",
        (L::Logic, -102, true),
        NetworkUnstable,
        None,
        "blue diamond falls back to logic",
    ),
    // Collision 100000: QQ platform vs /share/qq.
    case(
        Generic,
        -10000,
        "100000,missing response_type",
        (L::QqPlatform, 100000, true),
        Unknown,
        Some("missing response_type"),
        "100000 on the QQ platform",
    ),
    case(
        QqShare,
        100000,
        "",
        (L::QqShare, 100000, true),
        Reauthorize,
        None,
        "100000 on /share/qq",
    ),
    case(
        QqShare,
        -10000,
        "100000,auth",
        (L::QqShare, 100000, true),
        Reauthorize,
        Some("auth"),
        "the API table first for a passthrough code",
    ),
    case(
        QqShare,
        -10000,
        "-73,x",
        (L::QqPlatform, -73, true),
        Reauthorize,
        Some("x"),
        "not in /share/qq: the QQ platform",
    ),
    case(
        Generic,
        100000,
        "",
        (L::Access, 100000, false),
        Unknown,
        None,
        "100000 as a bare ret is in no generic table",
    ),
    // Collision -1: QQ platform, WeChat platform, WeChat group, blue diamond.
    case(
        Generic,
        -10000,
        "-1,invalid param",
        (L::QqPlatform, -1, true),
        Unknown,
        Some("invalid param"),
        "-1 QQ",
    ),
    case(
        Generic,
        -20000,
        "-1,system error",
        (L::WechatPlatform, -1, true),
        NetworkUnstable,
        Some("system error"),
        "-1 WeChat",
    ),
    case(
        WechatGroup,
        -1,
        "",
        (L::WechatGroup, -1, true),
        NetworkUnstable,
        None,
        "-1 WeChat group",
    ),
    case(
        BlueDiamond,
        -1,
        "",
        (L::BlueDiamond, -1, true),
        Unknown,
        None,
        "-1 blue diamond",
    ),
    case(
        BlueDiamond,
        -10000,
        "-1,bad",
        (L::BlueDiamond, -1, true),
        Unknown,
        Some("bad"),
        "blue diamond first for a passthrough code",
    ),
    case(
        Generic,
        -1,
        "",
        (L::Access, -1, false),
        Unknown,
        None,
        "-1 as a bare ret is in no generic table",
    ),
    // WeChat group: -10000 is its own internal error, not a QQ passthrough.
    case(
        WechatGroup,
        -10000,
        "-73,the user modify password wrong",
        (L::WechatGroup, -10000, true),
        NetworkUnstable,
        None,
        "group's own -10000",
    ),
    case(
        WechatGroup,
        -10005,
        "",
        (L::WechatGroup, -10005, true),
        Unknown,
        None,
        "group id exists",
    ),
    case(
        WechatGroup,
        -20000,
        "40001,invalid credential",
        (L::WechatPlatform, 40001, true),
        Reauthorize,
        Some("invalid credential"),
        "group has no 40001",
    ),
    // Game center and QZone contexts.
    case(
        GameCenter,
        -4013,
        "",
        (L::GameCenter, -4013, true),
        Reauthorize,
        None,
        "game center skey",
    ),
    case(
        GameCenter,
        -10000,
        "-73,x",
        (L::QqPlatform, -73, true),
        Reauthorize,
        Some("x"),
        "game center has no -73",
    ),
    case(
        GameCenter,
        -4999,
        "",
        (L::Logic, -4999, false),
        NetworkUnstable,
        None,
        "undocumented in the game center: server range",
    ),
    case(
        QzoneShare,
        1031,
        "每天最多分享5次，明天再来吧",
        (L::QzoneShare, 1031, true),
        Unknown,
        None,
        "daily quota",
    ),
    case(
        QzoneShare,
        1001,
        "",
        (L::QzoneShare, 1001, true),
        NetworkUnstable,
        None,
        "server busy",
    ),
    case(
        Generic,
        1031,
        "",
        (L::Access, 1031, false),
        Unknown,
        None,
        "QZone codes need the QZone context",
    ),
];

#[test]
fn every_rule_table_driven() {
    for c in CASES {
        let got = classify_for(c.api, c.ret, c.msg);
        let at = format!("{:?} ret {} msg {:?} ({})", c.api, c.ret, c.msg, c.why);
        assert_eq!(
            (got.ret(), got.msg(), got.api()),
            (c.ret, c.msg, c.api),
            "{at}: input kept"
        );
        assert_eq!(
            (got.layer(), got.code()),
            (c.layer, c.code),
            "{at}: layer and code"
        );
        assert_eq!(
            got.known(),
            MsdkCode::lookup(c.layer, c.code).filter(|_| c.known),
            "{at}: known"
        );
        assert_eq!(got.known().is_some(), c.known, "{at}: documented");
        assert_eq!(got.err_type(), c.err_type, "{at}: err_type");
        assert_eq!(got.table_err_type(), c.err_type, "{at}: no server err_type");
        assert_eq!(
            got.platform_message(),
            c.platform_message,
            "{at}: platform message"
        );
        assert_eq!(got.is_passthrough(), c.platform_message.is_some(), "{at}");
        assert_eq!(got.is_success(), c.ret == 0, "{at}: success");
        assert_eq!(got.to_error().is_none(), c.ret == 0, "{at}: to_error");
        let expected_action = match got.known() {
            // A success row inside a failed ret is handled as undocumented.
            Some(known) if c.ret != 0 && known.code() == 0 => Action::Unspecified,
            Some(known) => known.action(),
            None => Action::for_err_type(c.err_type),
        };
        assert_eq!(got.action(), expected_action, "{at}: action");
        assert_eq!(got.range(), LogicRange::of(c.ret), "{at}: range");
    }
}

#[test]
fn classify_is_classify_for_generic() {
    for c in CASES.iter().filter(|c| c.api == Generic) {
        assert_eq!(classify(c.ret, c.msg), classify_for(Generic, c.ret, c.msg));
    }
}

#[test]
fn predicates_follow_the_decision() {
    let cases = [
        (-10000, "-73,x", false, true, false),
        (-20000, "42001,x", false, false, true),
        (-503, "", true, false, false),
        (-303, "", false, false, false),
        (0, "", false, false, false),
        // Reauthorize in the catalog although its err_type is Unknown.
        (-901, "", false, true, false),
        // Undocumented in the server range: err_type 1, retry later.
        (-2345, "", true, false, false),
        // Benign: no retry, no re-authorization.
        (1, "", false, false, false),
    ];
    for (ret, msg, retry, reauth, refresh) in cases {
        let c = classify(ret, msg);
        assert_eq!(c.is_retryable(), retry, "{ret} {msg}");
        assert_eq!(c.needs_reauthorization(), reauth, "{ret} {msg}");
        assert_eq!(c.needs_token_refresh(), refresh, "{ret} {msg}");
    }
}

#[test]
fn parse_passthrough_accepts_and_rejects() {
    let cases: &[(&str, Option<(i32, &str)>)] = &[
        (
            "-73,the user modify password wrong",
            Some((-73, "the user modify password wrong")),
        ),
        (
            "40001,invalid credential",
            Some((40001, "invalid credential")),
        ),
        (
            "40001，invalid credential",
            Some((40001, "invalid credential")),
        ),
        ("\t\n 42 , \t text ", Some((42, "text "))),
        ("+5,x", Some((5, "x"))),
        ("-0,x", Some((0, "x"))),
        ("7", Some((7, ""))),
        ("7  ", Some((7, ""))),
        ("7,", Some((7, ""))),
        ("7,,", Some((7, ","))),
        ("2147483647,max", Some((i32::MAX, "max"))),
        ("-2147483648,min", Some((i32::MIN, "min"))),
        ("000073,x", Some((73, "x"))),
        ("2147483648,x", None),
        ("-2147483649,x", None),
        ("99999999999999999999999,x", None),
        ("", None),
        ("   ", None),
        ("-", None),
        ("+", None),
        ("- 73,x", None),
        ("73x,x", None),
        ("73 x", None),
        ("73;x", None),
        ("73、x", None),
        ("abc", None),
        ("０７３,x", None),
        ("1.5,x", None),
    ];
    for &(msg, want) in cases {
        assert_eq!(parse_passthrough(msg), want, "{msg:?}");
    }
}

#[test]
fn parse_passthrough_reads_only_a_bounded_prefix() {
    let limit = msdk_error_codes::PASSTHROUGH_PREFIX_LIMIT;
    // The number must start within the prefix...
    let padded = format!("{}-73,x", " ".repeat(limit));
    assert_eq!(parse_passthrough(&padded), None);
    // ...and the text after it may be any size.
    let huge = format!("-73,{}", "x".repeat(4 << 20));
    let (code, text) = parse_passthrough(&huge).unwrap();
    assert_eq!((code, text.len()), (-73, 4 << 20));
    // Whitespace after the separator is trimmed only within the prefix.
    let spaced = format!("-73,{}text", " ".repeat(2 * limit));
    let (_, text) = parse_passthrough(&spaced).unwrap();
    assert_eq!(text.trim_start(), "text");
    assert_eq!(spaced.len() - text.len(), limit);
}

#[test]
fn display_is_one_line_with_what_to_do() {
    let c = classify(-10000, "-73,the user modify password wrong");
    assert_eq!(
        c.to_string(),
        "qq_platform:-73 TokenInvalidatedByPasswordChange: Access token invalidated because the user changed the QQ password (0x47); \
         ret -10000; platform message \"the user modify password wrong\"; err_type 2 (reauthorize); \
         decision reauthorize: Send the user through QQ/WeChat authorization again."
    );
    // The same code and name as the catalog's own Display.
    assert!(c.to_string().starts_with(&c.known().unwrap().to_string()));
    assert!(c.to_string().starts_with(&c.to_code().to_string()));

    let unknown = classify(-10000, "12345,first line\nsecond line");
    let line = unknown.to_string();
    assert!(!line.contains('\n'), "{line}");
    assert!(
        line.starts_with("qq_platform:12345 undocumented; ret -10000; platform message \"first line\\nsecond line\""),
        "{line}"
    );

    let range = classify(-2500, "busy").to_string();
    assert_eq!(
        range,
        "logic:-2500 undocumented in the error returned by the server range; message \"busy\"; \
         err_type 1 (network_unstable); decision retry_later: Try again later, not immediately."
    );
    // A generic code that is its own ret: no ret part, no message.
    assert_eq!(
        classify(-503, "频率超限").to_string(),
        "access:-503 RateLimitExceeded: Rate limit exceeded; err_type 1 (network_unstable); \
         decision retry_slow_down: Lower the request rate, then try again."
    );
    // OIDB: the whole msg is the platform's.
    let oidb = classify(-15000, "oidb decode0x73a failed, ret:17").to_string();
    assert!(oidb.starts_with("pay_token:17 PayTokenExpired: "), "{oidb}");
    assert!(
        oidb.contains("; ret -15000; platform message \"oidb decode0x73a failed, ret:17\""),
        "{oidb}"
    );

    let long = format!("-20000{}", "很".repeat(10_000));
    let line = classify(-3, &long).to_string();
    assert!(line.chars().count() < 400, "long messages are cut: {line}");
}

#[test]
fn msdk_error_keeps_everything() {
    let c = classify_for(QqShare, -10000, "100000,auth");
    let err = c.to_error().unwrap();
    assert_eq!(err.classification(), c);
    assert_eq!(
        (err.ret(), err.msg(), err.api()),
        (-10000, "100000,auth", QqShare)
    );
    assert_eq!((err.layer(), err.code()), (Layer::QqShare, 100000));
    assert_eq!(err.known(), c.known());
    assert_eq!(err.platform_message(), Some("auth"));
    assert_eq!(err.err_type(), Reauthorize);
    assert_eq!(err.to_string(), c.to_string());
    let boxed: Box<dyn std::error::Error + Send + Sync + 'static> = Box::new(err);
    assert!(boxed.to_string().contains("100000"));
}

#[test]
fn parse_oidb_accepts_and_rejects() {
    use msdk_error_codes::{OIDB_PREFIX_LIMIT, parse_oidb};
    let cases: &[(&str, Option<(Layer, i32)>)] = &[
        ("oidb decode0x73a failed, ret:17", Some((L::PayToken, 17))),
        ("oidb decode0X73A failed, RET:17", Some((L::PayToken, 17))),
        (
            "oidb decode0x711 failed, ret:65",
            Some((L::AccessToken, 65)),
        ),
        ("oidb failed, ret: -103", Some((L::Oidb, -103))),
        ("oidb failed, ret:+5", Some((L::Oidb, 5))),
        ("ret:17", Some((L::Oidb, 17))),
        ("ret:17, cmd 0x73a", Some((L::PayToken, 17))),
        ("0x73a 0x711 ret:1", Some((L::PayToken, 1))),
        ("0x711 0x73a ret:1", Some((L::AccessToken, 1))),
        ("0x7110 ret:1", Some((L::Oidb, 1))),
        ("0x73ab ret:1", Some((L::Oidb, 1))),
        ("10x711 ret:1", Some((L::Oidb, 1))),
        ("0x73 ret:1", Some((L::Oidb, 1))),
        ("ret:1 ret:2", Some((L::Oidb, 2))),
        ("ret:-2147483648", Some((L::Oidb, i32::MIN))),
        ("ret:2147483647", Some((L::Oidb, i32::MAX))),
        ("ret:2147483648", None),
        ("ret:99999999999999999999", None),
        ("ret:", None),
        ("ret: ", None),
        ("ret:-", None),
        ("ret:x", None),
        ("ret:17x", None),
        ("ret:0x11", None),
        ("ret:1.5", None),
        ("failed, ret:17.", Some((L::Oidb, 17))),
        ("ret:17 ret:", None),
        ("secret:17", None),
        ("my_ret:17", None),
        ("ret=17", None),
        ("oidb decode0x73a failed", None),
        ("", None),
    ];
    for &(msg, want) in cases {
        assert_eq!(parse_oidb(msg), want, "{msg:?}");
    }
    // Flat cost: only the prefix is read, and a name or number cut by it does not count.
    let padded = format!("{}ret:17", " ".repeat(OIDB_PREFIX_LIMIT));
    assert_eq!(parse_oidb(&padded), None);
    let cut = format!("{}ret:1234", " ".repeat(OIDB_PREFIX_LIMIT - 6));
    assert_eq!(parse_oidb(&cut), None, "the number runs past the prefix");
    let huge = format!("oidb decode0x73a failed, ret:17, {}", "x".repeat(8 << 20));
    assert_eq!(parse_oidb(&huge), Some((L::PayToken, 17)));
    let late_command = format!("ret:17{}0x73a", " ".repeat(OIDB_PREFIX_LIMIT));
    assert_eq!(parse_oidb(&late_command), Some((L::Oidb, 17)));
}
