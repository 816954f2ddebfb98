//! Storing and logging: every value type round-trips through serde and text,
//! `MsdkError` reads back as stored for every catalog row, `Code` is lossless, and
//! labels are bounded. Override files are `overrides.rs`'s.

use std::collections::BTreeSet;

use msdk_error_codes::{
    Action, Api, Backoff, Classifier, Code, Decision, ErrType, ErrorCode, Layer, LogicRange,
    MsdkCode, MsdkError, MsdkResponse, Override, Overrides, QqPlatformCode, UnknownName, catalog,
    classify, classify_for, fixtures,
};
use proptest::prelude::*;
use serde::Serialize;
use serde::de::DeserializeOwned;

fn round_trip<T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug>(value: &T) -> String {
    let json = serde_json::to_string(value).unwrap();
    let back: T = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{json}: {e}"));
    assert_eq!(&back, value, "{json}");
    json
}

#[test]
fn field_less_types_round_trip_as_their_names() {
    for api in Api::ALL {
        assert_eq!(round_trip(&api), format!("\"{}\"", api.as_str()));
        assert_eq!(api.to_string().parse::<Api>(), Ok(api));
    }
    for layer in Layer::ALL {
        assert_eq!(round_trip(&layer), format!("\"{}\"", layer.as_str()));
        assert_eq!(layer.as_str().parse::<Layer>(), Ok(layer));
        assert_eq!(
            layer.to_string().parse::<Layer>(),
            Ok(layer),
            "Display parses back"
        );
    }
    for action in Action::ALL {
        assert_eq!(round_trip(&action), format!("\"{}\"", action.as_str()));
        assert_eq!(action.to_string().parse::<Action>(), Ok(action));
    }
    for decision in Decision::ALL {
        assert_eq!(round_trip(&decision), format!("\"{}\"", decision.as_str()));
        assert_eq!(decision.to_string().parse::<Decision>(), Ok(decision));
    }
    for backoff in Backoff::ALL {
        assert_eq!(round_trip(&backoff), format!("\"{}\"", backoff.as_str()));
        assert_eq!(backoff.to_string().parse::<Backoff>(), Ok(backoff));
    }
    for range in LogicRange::ALL {
        assert_eq!(round_trip(&range), format!("\"{}\"", range.as_str()));
    }
    for err_type in ErrType::ALL {
        assert_eq!(
            round_trip(&err_type),
            err_type.code().to_string(),
            "the wire integer"
        );
        for text in [
            err_type.as_str().to_owned(),
            err_type.code().to_string(),
            err_type.to_string(),
        ] {
            assert_eq!(text.parse::<ErrType>(), Ok(err_type), "{text}");
        }
    }
}

#[test]
fn codes_round_trip_for_every_row() {
    for code in catalog() {
        round_trip(&code);
        let id = Code::from(code);
        assert_eq!(round_trip(&id), format!("\"{id}\""));
        assert_eq!(id.to_string().parse::<Code>(), Ok(id));
        assert_eq!(id.known(), Some(code));
        assert_eq!((id.layer(), id.value()), (code.layer(), code.code()));
    }
    // A range row's other numbers: Code keeps them, MsdkCode cannot hold them exactly.
    let id = Code::new(Layer::AccessToken, 0x11);
    assert_eq!(id.known().map(|c| c.code()), Some(0x10));
    assert_eq!(round_trip(&id), r#""access_token:17""#);
    assert!(serde_json::from_str::<MsdkCode>(r#"{"layer":"access_token","code":17}"#).is_err());
}

/// A classification's owned error, stored and read back: every accessor the same.
fn assert_reads_back(err: &MsdkError) {
    let json = serde_json::to_string(err).unwrap();
    let back: MsdkError = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{json}: {e}"));
    assert_eq!(&back, err, "{json}");
    assert_eq!(
        (
            back.ret(),
            back.msg(),
            back.api(),
            back.layer(),
            back.code()
        ),
        (err.ret(), err.msg(), err.api(), err.layer(), err.code())
    );
    assert_eq!(back.known(), err.known());
    assert_eq!(
        (
            back.err_type(),
            back.table_err_type(),
            back.server_err_type_raw()
        ),
        (
            err.err_type(),
            err.table_err_type(),
            err.server_err_type_raw()
        )
    );
    assert_eq!(
        (back.action(), back.decision()),
        (err.action(), err.decision())
    );
    assert_eq!(back.platform_message(), err.platform_message());
    assert_eq!((back.label(), back.to_code()), (err.label(), err.to_code()));
    assert_eq!(back.is_overridden(), err.is_overridden());
    assert_eq!(back.to_string(), err.to_string());
}

#[test]
fn every_catalog_row_reads_back_as_stored() {
    let mut stored = 0;
    for fixture in fixtures() {
        let (ret, msg) = (fixture.response().ret(), fixture.response().msg());
        for server in [None, Some(0), Some(1), Some(2), Some(3), Some(5), Some(7)] {
            let response = MsdkResponse::new(ret, msg, server);
            if let Some(err) = response.classify_for(fixture.api()).to_error() {
                assert_reads_back(&err);
                stored += 1;
            }
        }
    }
    assert!(stored > 2000, "{stored}");
    // Undocumented codes, with odd messages.
    for (ret, msg) in [
        (-20000, "61451,invalid parameter"),
        (-2345, "很长的消息"),
        (i32::MIN, ""),
        (-15000, "oidb decode0x711 failed, ret:17"),
        (-10000, "-73,\"quoted\" \\ text"),
    ] {
        assert_reads_back(&classify(ret, msg).to_error().unwrap());
    }
    // Overridden classifications keep the mark.
    let overrides = Overrides::new()
        .with(Override::new(
            Code::new(Layer::QqPlatform, -73),
            ErrType::NetworkUnstable,
            Action::RetryLater,
        ))
        .unwrap();
    let err = Classifier::new()
        .with_overrides(overrides)
        .classify(-10000, "-73,x")
        .to_error()
        .unwrap();
    assert!(err.is_overridden());
    assert_reads_back(&err);
}

#[test]
fn hostile_stored_errors_are_clear_errors() {
    let good = serde_json::to_value(classify(-10000, "-73,x").to_error().unwrap()).unwrap();
    let with = |field: &str, value: serde_json::Value| {
        let mut v = good.clone();
        v[field] = value;
        v.to_string()
    };
    let without = |field: &str| {
        let mut v = good.clone();
        v.as_object_mut().unwrap().remove(field);
        v.to_string()
    };
    let huge = "x".repeat(1 << 20);
    let cases = [
        (with("ret", serde_json::json!("x")), "invalid type"),
        (with("ret", serde_json::json!(1e10)), "invalid type"),
        (with("layer", serde_json::json!("nowhere")), "unknown layer"),
        (with("api", serde_json::json!(huge)), "unknown API"),
        (with("action", serde_json::json!("later")), "unknown action"),
        (
            with("err_type", serde_json::json!(4)),
            "not an MSDK err_type",
        ),
        (with("known", serde_json::json!("yes")), "invalid type"),
        (
            with("code", serde_json::json!(-74)),
            "not a documented code",
        ),
        (
            with("platform_message", serde_json::json!("not the end")),
            "platform_message",
        ),
        (without("ret"), "missing field `ret`"),
        (without("msg"), "missing field `msg`"),
        (without("known"), "missing field `known`"),
        ("[]".to_owned(), "invalid length 0"),
        (
            with("ret", serde_json::json!(0)),
            "a successful call is not an MsdkError",
        ),
        ("null".to_owned(), "invalid type"),
    ];
    for (json, words) in cases {
        let err = serde_json::from_str::<MsdkError>(&json)
            .unwrap_err()
            .to_string();
        assert!(err.contains(words), "{json:.200}: {err}");
        assert!(
            err.len() < 2000,
            "the error does not copy a huge input: {} bytes",
            err.len()
        );
    }
}

#[test]
fn parse_errors_are_the_crates_own_and_say_what_was_expected() {
    let err: UnknownName = "qq".parse::<Layer>().unwrap_err();
    assert!(err.expected().contains(&"qq_platform"));
    let err: UnknownName = "NoSuchVariant".parse::<QqPlatformCode>().unwrap_err();
    assert!(
        err.to_string().contains("TokenInvalidatedByPasswordChange"),
        "{err}"
    );
    fn trait_error<T: ErrorCode>() -> UnknownName {
        "".parse::<T>().unwrap_err()
    }
    assert_eq!(trait_error::<QqPlatformCode>().input(), "");
    let err = "four".parse::<ErrType>().unwrap_err();
    assert!(err.to_string().contains("0, 1, 2, 3, 5"), "{err}");
    for bad in [
        "",
        ":1",
        "qq_platform",
        "qq_platform:",
        "qq_platform:x",
        "qq:1",
        "qq_platform:99999999999",
    ] {
        let err = bad.parse::<Code>().unwrap_err().to_string();
        assert!(err.contains("expected <layer>:<number>"), "{bad}: {err}");
    }
    let err = "share".parse::<Api>().unwrap_err().to_string();
    assert!(err.contains("share-qq"), "{err}");
    let long = "z".repeat(10_000);
    assert!(long.parse::<Action>().unwrap_err().to_string().len() < 500);
}

/// Every label the catalog and the classification rules can give.
fn every_label() -> BTreeSet<&'static str> {
    catalog()
        .map(|c| c.info().label)
        .chain(Layer::ALL.map(Layer::undocumented_label))
        .chain(LogicRange::ALL.map(LogicRange::undocumented_label))
        .collect()
}

#[test]
fn each_documented_code_has_its_own_label() {
    let labels: BTreeSet<&str> = catalog().map(|c| c.info().label).collect();
    assert_eq!(labels.len(), MsdkCode::COUNT);
    for label in every_label() {
        assert!(
            label
                .bytes()
                .all(|b| matches!(b, b'a'..=b'z' | b'0'..=b'9' | b'_' | b'.' | b'-')),
            "{label}"
        );
    }
    for fixture in fixtures() {
        let c = fixture.response().classify_for(fixture.api());
        assert_eq!(c.label(), c.known().unwrap().info().label);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn code_round_trips_for_every_layer_and_number(layer in 0..Layer::ALL.len(), value in any::<i32>()) {
        let code = Code::new(Layer::ALL[layer], value);
        prop_assert_eq!(code.to_string().parse::<Code>(), Ok(code));
        let json = serde_json::to_string(&code).unwrap();
        prop_assert_eq!(serde_json::from_str::<Code>(&json).unwrap(), code);
        prop_assert_eq!(code.known(), MsdkCode::lookup(code.layer(), value));
    }

    /// Whatever the servers send, the label is one of a bounded set.
    #[test]
    fn labels_are_bounded_whatever_arrives(
        api in proptest::sample::select(Api::ALL.to_vec()),
        ret in prop_oneof![any::<i32>(), -20000..=-10000, -3000..=0],
        code in any::<i32>(),
        text in "[ -~]{0,12}",
        shape in 0..3,
    ) {
        let msg = match shape {
            0 => format!("{code},{text}"),
            1 => format!("oidb decode0x711 failed, ret:{code}"),
            _ => text,
        };
        let label = classify_for(api, ret, &msg).label();
        prop_assert!(every_label().contains(label), "{} for {} {:?}", label, ret, msg);
    }

    /// Hostile JSON never panics any deserializer: a clear error or a value.
    #[test]
    fn hostile_json_never_panics(json in r#"[{}\[\]",:0-9a-z_\-. ]{0,80}"#) {
        let _ = serde_json::from_str::<Api>(&json);
        let _ = serde_json::from_str::<Layer>(&json);
        let _ = serde_json::from_str::<Action>(&json);
        let _ = serde_json::from_str::<ErrType>(&json);
        let _ = serde_json::from_str::<Decision>(&json);
        let _ = serde_json::from_str::<Code>(&json);
        let _ = serde_json::from_str::<MsdkCode>(&json);
        let _ = serde_json::from_str::<MsdkError>(&json);
        let _ = Overrides::from_json(&json);
        let _ = json.parse::<Code>();
    }
}

#[test]
fn labels_have_at_most_one_series_per_row_layer_and_range() {
    // A deterministic sweep over numbers of every layer's wire form.
    let mut seen = BTreeSet::new();
    for n in (-40_000..=40_000).step_by(7) {
        for api in Api::ALL {
            seen.insert(classify_for(api, n, "").label());
            seen.insert(classify_for(api, -10000, &format!("{n},x")).label());
            seen.insert(classify_for(api, -20000, &format!("{n},x")).label());
            seen.insert(classify_for(api, -15000, &format!("ret:{n}")).label());
        }
    }
    let bound = MsdkCode::COUNT + Layer::ALL.len() + LogicRange::ALL.len();
    assert!(seen.len() <= bound, "{} labels > {bound}", seen.len());
    assert!(seen.iter().all(|l| every_label().contains(l)));
}

// ---------------------------------------------------------------------------------
// Overrides
