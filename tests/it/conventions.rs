//! The conventions every table enum keeps, checked for all twelve through the
//! `ErrorCode` trait.

use std::collections::HashSet;

use msdk_error_codes::{
    AccessCode, AccessTokenCode, BlueDiamondCode, Code, ErrorCode, GameCenterCode, Layer,
    LogicCode, MsdkCode, OidbCode, PayTokenCode, QqPlatformCode, QqShareCode, QzoneShareCode,
    WechatGroupCode, WechatPlatformCode,
};
use strum::{EnumCount, IntoEnumIterator};

/// Runs `check::<T>()` for every table.
macro_rules! for_every_table {
    ($check:ident) => {
        $check::<AccessCode>();
        $check::<LogicCode>();
        $check::<QqPlatformCode>();
        $check::<WechatPlatformCode>();
        $check::<WechatGroupCode>();
        $check::<GameCenterCode>();
        $check::<QzoneShareCode>();
        $check::<QqShareCode>();
        $check::<BlueDiamondCode>();
        $check::<OidbCode>();
        $check::<PayTokenCode>();
        $check::<AccessTokenCode>();
    };
}

/// Numbers no table documents, and the extremes.
const UNDOCUMENTED: [i32; 5] = [i32::MIN, -999_999, 424_242, 7_654_321, i32::MAX];

fn round_trips<T: ErrorCode + EnumCount + IntoEnumIterator>() {
    let all = T::all();
    assert_eq!(all.len(), T::COUNT, "{:?}", T::LAYER);
    assert_eq!(
        T::iter().collect::<Vec<_>>(),
        all,
        "EnumIter order is the spec's"
    );
    let type_name = std::any::type_name::<T>().rsplit("::").next();
    assert_eq!(Some(T::LAYER.enum_name()), type_name);
    let mut names = HashSet::new();
    for &code in all {
        let n = code.code();
        assert_eq!(T::from_code(n), Some(code));
        assert_eq!(T::try_from(n), Ok(code));
        assert_eq!(Into::<i32>::into(code), n);
        assert_eq!(code.info().layer, T::LAYER);
        assert_eq!(Into::<MsdkCode>::into(code).layer(), T::LAYER);
        assert_eq!(
            MsdkCode::lookup(T::LAYER, n),
            Some(Into::<MsdkCode>::into(code))
        );
        // Variant names: unique, the strum name, the Debug name, and parse back.
        let name = code.name();
        assert!(names.insert(name), "{name} twice");
        assert_eq!(Into::<&'static str>::into(code), name);
        assert_eq!(format!("{code:?}"), name);
        assert_eq!(T::from_str(name), Ok(code));
        // Nothing is left blank that the spec fills.
        assert!(!code.description().is_empty(), "{name}");
        assert!(!code.description_en().is_empty(), "{name}");
        assert!(!code.recommendation_en().is_empty(), "{name}");
        assert!(
            !code.description_en().ends_with('.'),
            "{name}: descriptions are phrases"
        );
        assert!(
            code.recommendation_en().ends_with('.'),
            "{name}: recommendations are sentences"
        );
    }
}

#[test]
fn every_variant_round_trips_code_to_variant_to_code() {
    for_every_table!(round_trips);
}

fn rejects_undocumented<T: ErrorCode>() {
    for n in UNDOCUMENTED {
        assert_eq!(T::from_code(n), None);
        let err = T::try_from(n).unwrap_err();
        assert_eq!((err.layer(), err.code()), (T::LAYER, n));
        let message = err.to_string();
        assert!(message.contains(&n.to_string()), "{message}");
        assert!(message.contains(&T::LAYER.to_string()), "{message}");
        assert_eq!(MsdkCode::lookup(T::LAYER, n), None);
    }
    assert!(T::from_str("NoSuchVariant").is_err());
    assert!(T::from_str("").is_err());
}

#[test]
fn try_from_an_undocumented_number_names_the_layer_and_the_number() {
    for_every_table!(rejects_undocumented);
}

fn serde_is_the_integer<T: ErrorCode + serde::Serialize + serde::de::DeserializeOwned>() {
    for &code in T::all() {
        let json = serde_json::to_string(&code).unwrap();
        assert_eq!(json, code.code().to_string());
        assert_eq!(serde_json::from_str::<T>(&json).unwrap(), code);
        // The other numbers a row covers are found by from_code, but not stored: the
        // enum would hold them as the row's own number.
        let info = code.info();
        let others = info
            .range_end
            .map_or(vec![], |end| (info.code + 1..=end).collect::<Vec<_>>());
        for n in others.into_iter().chain(info.unsigned) {
            assert_eq!(T::from_code(n), Some(code));
            let message = serde_json::from_str::<T>(&n.to_string())
                .unwrap_err()
                .to_string();
            assert!(message.contains(&format!("{n} is covered by")), "{message}");
            assert!(message.contains(info.name), "{message}");
        }
    }
    for n in UNDOCUMENTED {
        let err = serde_json::from_str::<T>(&n.to_string()).unwrap_err();
        let message = err.to_string();
        assert!(message.contains(&n.to_string()), "{message}");
        assert!(message.contains(&T::LAYER.to_string()), "{message}");
    }
    // Not an integer, or outside i32: an error, never a wrapped number.
    for bad in ["\"-1\"", "1.5", "null", "4294967295", "-2147483649", "[]"] {
        assert!(serde_json::from_str::<T>(bad).is_err(), "{bad}");
    }
}

#[test]
fn serde_uses_the_integer_code() {
    for_every_table!(serde_is_the_integer);
}

fn display_includes_the_number<T: ErrorCode>() {
    for &code in T::all() {
        let shown = code.to_string();
        let id = Code::from(Into::<MsdkCode>::into(code));
        assert_eq!(
            shown,
            format!("{id} {}: {}", code.name(), code.description_en())
        );
        assert_eq!(shown, Into::<MsdkCode>::into(code).to_string());
        // The label is the code's, in the same spelling as its Code.
        assert_eq!(code.info().label, id.to_string().replacen(':', ".", 1));
    }
}

#[test]
fn display_has_layer_number_and_english() {
    for_every_table!(display_includes_the_number);
    assert_eq!(
        QqPlatformCode::TokenInvalidatedByPasswordChange
            .to_string()
            .split(' ')
            .next(),
        Some("qq_platform:-73")
    );
}

#[test]
fn partial_eq_with_i32_both_ways() {
    assert!(QqPlatformCode::TokenInvalidatedByPasswordChange == -73);
    assert!(-73 == QqPlatformCode::TokenInvalidatedByPasswordChange);
    assert!(QqPlatformCode::TokenInvalidatedByPasswordChange != -72);
}

#[test]
fn the_same_number_in_different_tables_is_different_codes() {
    let minus_one: Vec<Layer> = Layer::ALL
        .into_iter()
        .filter(|&layer| MsdkCode::lookup(layer, -1).is_some())
        .collect();
    assert_eq!(
        minus_one,
        [
            Layer::QqPlatform,
            Layer::WechatPlatform,
            Layer::WechatGroup,
            Layer::BlueDiamond,
            Layer::Oidb
        ]
    );
    let logic = MsdkCode::lookup(Layer::Logic, -10002).unwrap();
    let gift = MsdkCode::lookup(Layer::BlueDiamond, -10002).unwrap();
    assert_ne!(logic, gift);
    assert_ne!(logic.description(), gift.description());
}

#[test]
fn msdk_code_serde_names_layer_and_code() {
    for code in msdk_error_codes::catalog() {
        let json = serde_json::to_value(code).unwrap();
        assert_eq!(json["layer"], code.layer().as_str());
        assert_eq!(json["code"], code.code());
        assert_eq!(serde_json::from_value::<MsdkCode>(json).unwrap(), code);
    }
    let err = serde_json::from_str::<MsdkCode>(r#"{"layer":"access","code":-74}"#).unwrap_err();
    assert!(
        err.to_string()
            .contains("-74 is not a documented MSDK access layer error code")
    );
    assert!(serde_json::from_str::<MsdkCode>(r#"{"layer":"nowhere","code":0}"#).is_err());
}

#[test]
fn layer_names_round_trip() {
    for layer in Layer::ALL {
        assert_eq!(layer.as_str().parse::<Layer>(), Ok(layer));
        let json = serde_json::to_string(&layer).unwrap();
        assert_eq!(json, format!("\"{}\"", layer.as_str()));
    }
}

#[test]
fn err_type_is_the_wire_integer() {
    use msdk_error_codes::ErrType;
    for n in -10..=10 {
        match ErrType::try_from(n) {
            Ok(e) => {
                assert_eq!(i32::from(e), n);
                assert_eq!(serde_json::to_string(&e).unwrap(), n.to_string());
                assert_eq!(serde_json::from_str::<ErrType>(&n.to_string()).unwrap(), e);
                assert!(e.to_string().starts_with(&n.to_string()));
            }
            Err(err) => {
                assert!(![0, 1, 2, 3, 5].contains(&n), "{n}");
                assert_eq!(err.value(), n);
                assert!(serde_json::from_str::<ErrType>(&n.to_string()).is_err());
            }
        }
    }
    assert_eq!(ErrType::ALL.map(i32::from), [0, 1, 2, 3, 5]);
}

#[test]
fn action_names_round_trip() {
    use msdk_error_codes::Action;
    assert_eq!(Action::ALL.len(), <Action as EnumCount>::COUNT);
    for action in Action::iter() {
        assert_eq!(action.as_str().parse::<Action>(), Ok(action));
        assert_eq!(
            serde_json::to_string(&action).unwrap(),
            format!("\"{}\"", action.as_str())
        );
        assert!(action.description().ends_with('.'));
    }
    // Every action but the one for undocumented codes is used by some row.
    for action in Action::iter().filter(|&a| a != Action::Unspecified) {
        assert!(
            msdk_error_codes::catalog().any(|c| c.action() == action),
            "{action:?} unused"
        );
    }
}
