//! The rules of the [module docs](super), as code: [`classify`] and [`classify_for`].

use super::Classification;
use super::carriers::{parse_oidb, parse_passthrough};
use super::verdict::Verdict;
use crate::access::AccessCode;
use crate::catalog::{Action, Api, CodeInfo, ErrType, Layer, LogicRange, MsdkCode};
use crate::logic::LogicCode;
use crate::oidb::{AccessTokenCode, OidbCode, PayTokenCode};
use crate::qq::QqPlatformCode;
use crate::wechat::WechatPlatformCode;

/// Classifies a response of a generic endpoint: [`classify_for`] with [`Api::Generic`].
///
/// ```
/// use msdk_error_codes::{classify, ErrType, Layer};
///
/// let c = classify(-10000, "-73,the user modify password wrong");
/// assert_eq!((c.layer(), c.code()), (Layer::QqPlatform, -73));
/// assert_eq!(c.err_type(), ErrType::Reauthorize);
/// assert!(c.needs_reauthorization());
/// ```
pub fn classify(ret: i32, msg: &str) -> Classification<'_> {
    classify_for(Api::Generic, ret, msg)
}

/// Classifies a response of `api`: what this `ret` and `msg` mean and what to do, by
/// the [classification rules](crate::classification#the-rules).
///
/// Never panics, never allocates, and reads at most
/// [`PASSTHROUGH_PREFIX_LIMIT`](super::PASSTHROUGH_PREFIX_LIMIT) bytes of `msg` (at most
/// [`OIDB_PREFIX_LIMIT`](super::OIDB_PREFIX_LIMIT) for an OIDB `ret`).
///
/// ```
/// use msdk_error_codes::{classify_for, Api, Layer, QqShareCode, MsdkCode};
///
/// // 100000 is "missing response_type" on the QQ platform, but an auth error on /share/qq.
/// let c = classify_for(Api::QqShare, 100000, "");
/// assert_eq!(c.known(), Some(MsdkCode::QqShare(QqShareCode::from_code(100000).unwrap())));
/// assert!(c.needs_reauthorization());
/// ```
pub fn classify_for(api: Api, ret: i32, msg: &str) -> Classification<'_> {
    // A generic endpoint's response is the hot path, resolved inline; an API context's
    // is out of line, where its extra lookups cost the hot path no registers.
    match api {
        Api::Generic => classify_generic(Api::Generic, ret, msg),
        Api::OtherShare => classify_other_share(ret, msg),
        _ => classify_in(api, ret, msg),
    }
}

/// Rules 3 to 6, for an API without a table of its own, recorded as `api`. Each rule
/// finishes on its own, so that no intermediate result is merged through memory.
#[inline(always)]
fn classify_generic(api: Api, ret: i32, msg: &str) -> Classification<'_> {
    if ret == -10000 || ret == -20000 {
        if let Some((code, text)) = parse_passthrough(msg) {
            return finish(api, ret, msg, platform(ret, code, msg, text));
        }
    } else if (-19999..=-15000).contains(&ret) {
        if let Some(found) = resolve_oidb(msg) {
            return finish(api, ret, msg, found);
        }
    }
    finish(api, ret, msg, generic_tables(ret))
}

/// An unlisted share endpoint's response: the generic rules, the same code as
/// [`Api::Generic`]'s by construction, out of line so that the hot path stays as it is.
#[inline(never)]
fn classify_other_share(ret: i32, msg: &str) -> Classification<'_> {
    classify_generic(Api::OtherShare, ret, msg)
}

/// Rules 2 to 6 in the context of an API with a table of its own.
#[inline(never)]
fn classify_in(api: Api, ret: i32, msg: &str) -> Classification<'_> {
    finish(api, ret, msg, resolve_in(api, ret, msg))
}

/// The classification of what the rules found.
#[inline(always)]
fn finish(api: Api, ret: i32, msg: &str, found: Found) -> Classification<'_> {
    let (known, table_err_type, action) = match found.info {
        Some(info) => {
            let (err_type, action) = info.handling(ret);
            (Some(info.id), err_type, action)
        }
        None => {
            let err_type = match LogicRange::of(ret) {
                Some(range) if found.platform_start.is_none() => range.undocumented_err_type(),
                _ => ErrType::Unknown,
            };
            (None, err_type, Action::for_err_type(err_type))
        }
    };
    Classification::from_parts(
        msg,
        Verdict {
            ret,
            api,
            layer: found.layer,
            code: found.code,
            known,
            platform_start: found.platform_start,
            table_err_type,
            server_err_type: None,
            err_type: table_err_type,
            action,
            overridden: false,
        },
    )
}

/// What rules 2 to 6 found: the layer and code, the catalog entry if documented, and
/// where the platform's text starts in `msg` for a passthrough.
struct Found {
    layer: Layer,
    code: i32,
    info: Option<&'static CodeInfo>,
    platform_start: Option<u8>,
}

impl Found {
    fn documented(layer: Layer, code: i32, info: &'static CodeInfo) -> Found {
        Found {
            layer,
            code,
            info: Some(info),
            platform_start: None,
        }
    }
}

/// Rules 2 to 6 in the context of an API with a table of its own: that table first, for
/// `ret` and for a passthrough code.
#[inline(never)]
fn resolve_in(api: Api, ret: i32, msg: &str) -> Found {
    if let Some(found) = api_entry(api, ret) {
        return found;
    }
    if ret == -10000 || ret == -20000 {
        if let Some((code, text)) = parse_passthrough(msg) {
            return match api_entry(api, code) {
                Some(mut found) => {
                    found.platform_start = text_start(msg, text);
                    found
                }
                None => platform(ret, code, msg, text),
            };
        }
    }
    if (-19999..=-15000).contains(&ret) {
        if let Some(found) = resolve_oidb(msg) {
            return found;
        }
    }
    generic_tables(ret)
}

/// The API's own table entry for `code`, if it has one (rule 2).
fn api_entry(api: Api, code: i32) -> Option<Found> {
    let layer = api.layer()?;
    let info = MsdkCode::entry(layer, code)?;
    Some(Found::documented(layer, code, info))
}

/// Rule 3: the platform table's entry for a passthrough code.
#[inline(always)]
fn platform(ret: i32, code: i32, msg: &str, text: &str) -> Found {
    // The platform tables are called directly: through MsdkCode::entry this path
    // measured about 10% more instructions.
    let (layer, info) = if ret == -10000 {
        (Layer::QqPlatform, QqPlatformCode::entry(code))
    } else {
        (Layer::WechatPlatform, WechatPlatformCode::entry(code))
    };
    Found {
        layer,
        code,
        info,
        platform_start: text_start(msg, text),
    }
}

/// Where the platform's text starts in `msg`: within the prefix the parsers read, so it
/// fits a u8.
#[inline(always)]
fn text_start(msg: &str, text: &str) -> Option<u8> {
    u8::try_from(msg.len() - text.len()).ok()
}

/// Rules 4 and 6: the access table, then the logic table, then the ranges.
#[inline(always)]
fn generic_tables(ret: i32) -> Found {
    // The generic tables are called directly, not through MsdkCode::entry: this is the
    // path most responses take.
    if let Some(info) = AccessCode::entry(ret) {
        return Found::documented(Layer::Access, ret, info);
    }
    if let Some(info) = LogicCode::entry(ret) {
        return Found::documented(Layer::Logic, ret, info);
    }
    let layer = match LogicRange::of(ret) {
        Some(_) => Layer::Logic,
        None => Layer::Access,
    };
    Found {
        layer,
        code: ret,
        info: None,
        platform_start: None,
    }
}

/// The OIDB rule (2016 revision): `None` when `msg` carries no `ret:N`. Out of line:
/// rare, and its parser is long.
#[cold]
#[inline(never)]
fn resolve_oidb(msg: &str) -> Option<Found> {
    let (layer, code) = parse_oidb(msg)?;
    let info = match layer {
        Layer::PayToken => PayTokenCode::entry(code),
        Layer::AccessToken => AccessTokenCode::entry(code),
        _ => OidbCode::entry(code),
    };
    Some(Found {
        layer,
        code,
        info,
        // msg has no separate text: the platform's message is all of it.
        platform_start: Some(0),
    })
}
