//! Every `FromStr` of the crate on any text: `Layer`, `Action`, `ErrType`, `Decision`,
//! `Backoff`, `LogicRange`, `Api`, `Code`, `TransportFailure` and the twelve table
//! enums. Whatever parses round-trips exactly: `Display` (for the table enums, the
//! variant name) reads back as the same value, and so does its serde form; for the
//! names serialised as strings, serde reads the text exactly as `FromStr` does.

#![no_main]

use std::fmt::{Debug, Display};
use std::str::FromStr;

use libfuzzer_sys::fuzz_target;
use msdk_error_codes::classification::TransportFailure;
use msdk_error_codes::{
    AccessCode, AccessTokenCode, Action, Api, Backoff, BlueDiamondCode, Code, Decision, ErrType,
    GameCenterCode, Layer, LogicCode, LogicRange, MsdkCode, OidbCode, PayTokenCode, QqPlatformCode,
    QqShareCode, QzoneShareCode, WechatGroupCode, WechatPlatformCode,
};
use msdk_error_codes_fuzz::strict_decimal;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// `Display` reads back, and so does the serde form.
fn round_trip<T>(value: T)
where
    T: FromStr<Err: Debug> + Display + Serialize + DeserializeOwned + PartialEq + Debug + Copy,
{
    assert_eq!(value.to_string().parse::<T>().unwrap(), value);
    let json = serde_json::to_string(&value).unwrap();
    assert_eq!(serde_json::from_str::<T>(&json).unwrap(), value, "{json}");
}

/// A type serialised as a string: serde reads `text` exactly as `FromStr` does, and what
/// parses round-trips.
fn check_name<T>(text: &str) -> Option<T>
where
    T: FromStr<Err: Debug> + Display + Serialize + DeserializeOwned + PartialEq + Debug + Copy,
{
    let parsed = text.parse::<T>().ok();
    let serde = serde_json::from_value::<T>(Value::String(text.to_owned())).ok();
    assert_eq!(parsed, serde, "{text:?}");
    parsed.inspect(|&value| round_trip(value))
}

macro_rules! tables {
    ($text:expr, $($Enum:ident),+) => {$(
        if let Ok(code) = $text.parse::<$Enum>() {
            assert_eq!(code.name(), $text);
            assert_eq!(code.name().parse::<$Enum>(), Ok(code));
            assert_eq!($Enum::from_code(code.code()), Some(code));
            // Serialised as the integer code.
            let json = serde_json::to_string(&code).unwrap();
            assert_eq!(json, code.code().to_string());
            assert_eq!(serde_json::from_str::<$Enum>(&json).unwrap(), code);
            let msdk = MsdkCode::from(code);
            assert_eq!(Code::from(msdk).known(), Some(msdk));
        }
    )+};
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Some(layer) = check_name::<Layer>(text) {
        assert_eq!(layer.as_str().parse(), Ok(layer));
    }
    if let Some(action) = check_name::<Action>(text) {
        assert_eq!(action.as_str().parse(), Ok(action));
    }
    if let Some(decision) = check_name::<Decision>(text) {
        assert_eq!(decision.as_str().parse(), Ok(decision));
    }
    check_name::<Backoff>(text);
    if let Some(range) = check_name::<LogicRange>(text) {
        assert_eq!(range.as_str().parse(), Ok(range));
    }
    if let Some(api) = check_name::<Api>(text) {
        assert_eq!(api.as_str().parse(), Ok(api));
        if text.starts_with('/') || text.contains("://") {
            assert_eq!(api, Api::from_path(text));
        }
    }
    if let Some(code) = check_name::<Code>(text) {
        // The number is the text's, by the one rule for decimal text.
        let (_, number) = text.rsplit_once(':').unwrap();
        assert_eq!(strict_decimal(number), Some(code.value()), "{text:?}");
        if let Some(known) = code.known() {
            assert_eq!(known.layer(), code.layer());
        }
    }
    if let Some(failure) = check_name::<TransportFailure>(text) {
        assert!(TransportFailure::LABELS.contains(&failure.label()));
        assert_ne!(failure.decision(), Decision::Success);
    }
    // ErrType reads a name, the wire integer or what Display prints; serde is the integer.
    if let Ok(err_type) = text.parse::<ErrType>() {
        round_trip(err_type);
        assert_eq!(err_type.as_str().parse(), Ok(err_type));
        assert_eq!(err_type.code().to_string().parse(), Ok(err_type));
        if let Some(n) = strict_decimal(text) {
            assert_eq!(n, err_type.code());
        }
    }
    tables!(
        text,
        AccessCode,
        LogicCode,
        QqPlatformCode,
        WechatPlatformCode,
        WechatGroupCode,
        GameCenterCode,
        QzoneShareCode,
        QqShareCode,
        BlueDiamondCode,
        OidbCode,
        PayTokenCode,
        AccessTokenCode
    );
});
