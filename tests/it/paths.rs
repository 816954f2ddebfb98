//! Every public path of 0.1 still names what it named: code written against 0.1
//! compiles unchanged. The flagship names are inline at the root; the others are
//! hidden re-exports there and documented in their modules.

#![allow(deprecated)] // 0.1's names of renamed items are named on purpose

use std::any::type_name;

/// The 0.1 root types, each with the module that documents it now.
#[test]
fn every_root_type_of_0_1_is_still_there() {
    use msdk_error_codes as m;
    let names = [
        (
            type_name::<m::AccessCode>(),
            type_name::<m::access::AccessCode>(),
        ),
        (type_name::<m::Api>(), type_name::<m::catalog::Api>()),
        (
            type_name::<m::UnknownApi>(),
            type_name::<m::catalog::UnknownApi>(),
        ),
        (
            type_name::<m::BlueDiamondCode>(),
            type_name::<m::blue_diamond::BlueDiamondCode>(),
        ),
        (
            type_name::<m::InvalidBudget>(),
            type_name::<m::retry::InvalidBudget>(),
        ),
        (
            type_name::<m::RetryBudget>(),
            type_name::<m::retry::RetryBudget>(),
        ),
        (
            type_name::<m::Classification<'static>>(),
            type_name::<m::classification::Classification<'static>>(),
        ),
        (type_name::<m::Code>(), type_name::<m::catalog::Code>()),
        (
            type_name::<m::InvalidCode>(),
            type_name::<m::catalog::InvalidCode>(),
        ),
        (type_name::<m::Action>(), type_name::<m::catalog::Action>()),
        (
            type_name::<m::CodeInfo>(),
            type_name::<m::catalog::CodeInfo>(),
        ),
        (
            type_name::<m::ErrType>(),
            type_name::<m::catalog::ErrType>(),
        ),
        (
            type_name::<m::InvalidErrType>(),
            type_name::<m::catalog::UnknownErrType>(),
        ),
        (type_name::<m::Layer>(), type_name::<m::catalog::Layer>()),
        (
            type_name::<m::UnknownCode>(),
            type_name::<m::catalog::UnknownCode>(),
        ),
        (
            type_name::<m::Backoff>(),
            type_name::<m::catalog::Backoff>(),
        ),
        (
            type_name::<m::Decision>(),
            type_name::<m::catalog::Decision>(),
        ),
        (
            type_name::<m::Envelope<'static, ()>>(),
            type_name::<m::response::Envelope<'static, ()>>(),
        ),
        (type_name::<m::Error>(), type_name::<m::response::Error>()),
        (
            type_name::<m::OwnedEnvelope<()>>(),
            type_name::<m::response::OwnedEnvelope<()>>(),
        ),
        (
            type_name::<m::MsdkError>(),
            type_name::<m::classification::MsdkError>(),
        ),
        (
            type_name::<m::ParseError>(),
            type_name::<m::response::ParseError>(),
        ),
        (
            type_name::<m::Fixture>(),
            type_name::<m::testing::Fixture>(),
        ),
        (
            type_name::<m::GameCenterCode>(),
            type_name::<m::game_center::GameCenterCode>(),
        ),
        (
            type_name::<m::LogicCode>(),
            type_name::<m::logic::LogicCode>(),
        ),
        (
            type_name::<m::MsdkCode>(),
            type_name::<m::catalog::MsdkCode>(),
        ),
        (
            type_name::<m::UnknownName>(),
            type_name::<m::catalog::UnknownName>(),
        ),
        (
            type_name::<m::AccessTokenCode>(),
            type_name::<m::oidb::AccessTokenCode>(),
        ),
        (type_name::<m::OidbCode>(), type_name::<m::oidb::OidbCode>()),
        (
            type_name::<m::PayTokenCode>(),
            type_name::<m::oidb::PayTokenCode>(),
        ),
        (
            type_name::<m::Classifier>(),
            type_name::<m::overrides::Classifier>(),
        ),
        (
            type_name::<m::Override>(),
            type_name::<m::overrides::Override>(),
        ),
        (
            type_name::<m::OverrideError>(),
            type_name::<m::overrides::OverrideError>(),
        ),
        (
            type_name::<m::Overrides>(),
            type_name::<m::overrides::Overrides>(),
        ),
        (
            type_name::<m::QqPlatformCode>(),
            type_name::<m::qq::QqPlatformCode>(),
        ),
        (
            type_name::<m::LogicRange>(),
            type_name::<m::catalog::LogicRange>(),
        ),
        (
            type_name::<m::RefreshGate>(),
            type_name::<m::retry::RefreshGate>(),
        ),
        (
            type_name::<m::RefreshTicket<'static>>(),
            type_name::<m::retry::RefreshTicket<'static>>(),
        ),
        (
            type_name::<m::MsdkResponse<'static>>(),
            type_name::<m::response::MsdkResponse<'static>>(),
        ),
        (
            type_name::<m::Attempts<'static>>(),
            type_name::<m::retry::Attempts<'static>>(),
        ),
        (
            type_name::<m::RetryPolicy>(),
            type_name::<m::retry::RetryPolicy>(),
        ),
        (type_name::<m::Step>(), type_name::<m::retry::Step>()),
        (
            type_name::<m::Scenario>(),
            type_name::<m::testing::Scenario>(),
        ),
        (
            type_name::<m::QqShareCode>(),
            type_name::<m::share::QqShareCode>(),
        ),
        (
            type_name::<m::QzoneShareCode>(),
            type_name::<m::share::QzoneShareCode>(),
        ),
        (
            type_name::<m::WechatGroupCode>(),
            type_name::<m::wechat::WechatGroupCode>(),
        ),
        (
            type_name::<m::WechatPlatformCode>(),
            type_name::<m::wechat::WechatPlatformCode>(),
        ),
    ];
    for (root, module) in names {
        assert_eq!(root, module);
    }
    #[cfg(feature = "wiremock")]
    assert_eq!(
        type_name::<m::ScenarioResponder>(),
        type_name::<m::testing::ScenarioResponder>()
    );
}

/// The trait, the functions and the constants of 0.1's root, used as 0.1 code used them.
#[test]
fn every_root_function_trait_and_constant_of_0_1_is_still_there() {
    use msdk_error_codes::{
        Api, ErrorCode, Layer, OIDB_PREFIX_LIMIT, PASSTHROUGH_PREFIX_LIMIT, QqPlatformCode,
        catalog, classify, classify_for, fixtures, fixtures_for, from_slice, from_slice_for,
        parse_oidb, parse_passthrough, undocumented_response,
    };
    fn layer_of<T: ErrorCode>() -> Layer {
        T::LAYER
    }
    assert_eq!(layer_of::<QqPlatformCode>(), Layer::QqPlatform);
    assert_eq!(catalog().count(), 308);
    assert_eq!(classify(-10000, "-73,x").code(), -73);
    assert_eq!(
        classify_for(Api::QqShare, 100000, "").layer(),
        Layer::QqShare
    );
    assert_eq!(fixtures().count(), 308);
    assert!(fixtures_for(Api::Generic).count() > 0);
    assert!(from_slice::<serde::de::IgnoredAny>(br#"{"ret":0}"#).is_ok());
    assert!(from_slice_for::<serde::de::IgnoredAny>(Api::QqShare, br#"{"ret":0}"#).is_ok());
    assert_eq!(parse_oidb("ret:17"), Some((Layer::Oidb, 17)));
    assert_eq!(parse_passthrough("-73,x"), Some((-73, "x")));
    assert_eq!(undocumented_response(Layer::Access).ret(), -99);
    assert_eq!((PASSTHROUGH_PREFIX_LIMIT, OIDB_PREFIX_LIMIT), (64, 128));
}

/// The table modules of 0.1 and every item in them.
#[test]
fn the_table_modules_of_0_1_hold_what_they_held() {
    use msdk_error_codes::{access, blue_diamond, game_center, logic, oidb, qq, share, wechat};
    let codes: [i32; 12] = [
        access::AccessCode::all()[0].code(),
        logic::LogicCode::all()[0].code(),
        qq::QqPlatformCode::all()[0].code(),
        wechat::WechatPlatformCode::all()[0].code(),
        wechat::WechatGroupCode::all()[0].code(),
        game_center::GameCenterCode::all()[0].code(),
        share::QzoneShareCode::all()[0].code(),
        share::QqShareCode::all()[0].code(),
        blue_diamond::BlueDiamondCode::all()[0].code(),
        oidb::OidbCode::all()[0].code(),
        oidb::PayTokenCode::all()[0].code(),
        oidb::AccessTokenCode::all()[0].code(),
    ];
    assert_eq!(codes.len(), msdk_error_codes::Layer::ALL.len());
}

/// Methods renamed since 0.1 keep their old names, deprecated.
#[test]
fn renamed_methods_keep_their_0_1_names() {
    use msdk_error_codes::{Api, Classifier, MsdkResponse};
    let response = MsdkResponse::new(-304, "x", None).with_err_type(Some(1));
    assert_eq!(response.server_err_type(), Some(1));
    let classifier = Classifier::new();
    assert_eq!(
        classifier.classify_response(&response, Api::QqShare),
        classifier.classify_response_for(Api::QqShare, &response)
    );
}
