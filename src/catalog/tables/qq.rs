//! §4 手Q平台错误码: QQ platform codes, tunnelled through MSDK as `ret -10000`.

use super::error_codes;

error_codes! {
    /// §4 手Q平台错误码: errors of the QQ platform behind MSDK, 40 codes.
    ///
    /// These codes never arrive in `ret`. When the QQ platform rejects a call, MSDK answers
    /// `ret -10000` (the [`LogicCode`](crate::LogicCode) range marker "see `msg`") and puts the
    /// platform's code and text in `msg` as `"code,text"` (spec §1 point 4, e.g.
    /// `"msg":"-73,the user modify password wrong"`): parse the number before the first comma
    /// and look it up here.
    ///
    /// The negative rows are QQ OpenAPI errors (appid, openid/openkey, signature, IP
    /// allow-lists); the `1000xx` rows are OAuth 2.0 errors (`response_type`, `client_id`,
    /// `grant_type`, access token).
    ///
    /// Numbers that collide with other tables: `-1` to `-7` are also
    /// [`BlueDiamondCode`](crate::BlueDiamondCode)s (and `-1` is in both WeChat tables), and
    /// `100000`, `100001`, `100003`, `100004` and `100012` are also
    /// [`QqShareCode`](crate::QqShareCode)s. A number taken from the `msg` of a `ret -10000`
    /// response is a QQ platform code; a `ret` of the blue-diamond or QQ share API is
    /// classified by [`Api::BlueDiamond`](crate::Api::BlueDiamond) or [`Api::QqShare`](crate::Api::QqShare) instead.
    ///
    /// Oddities of the spec, noted on their rows: `-25` and `-26` have handlings that do not
    /// match their descriptions (`-26`'s row also lacks its closing cell), and `100010`'s
    /// handling contains a malformed URL, kept verbatim.
    ///
    /// ```
    /// use msdk_error_codes::{Action, ErrType, QqPlatformCode};
    ///
    /// // {"ret":-10000,"msg":"-73,the user modify password wrong",...}
    /// let msg = "-73,the user modify password wrong";
    /// let (number, _text) = msg.split_once(',').unwrap();
    /// let code = QqPlatformCode::from_code(number.parse().unwrap()).unwrap();
    /// assert_eq!(code, QqPlatformCode::TokenInvalidatedByPasswordChange);
    /// assert_eq!(code.description(), "0x47 access token改密失效");
    /// assert_eq!(code.err_type(), ErrType::Reauthorize);
    /// assert_eq!(code.action(), Action::Reauthorize);
    /// assert_eq!(i32::from(code), -73);
    /// ```
    pub enum QqPlatformCode in QqPlatform as "qq_platform";

    -1 => InvalidClientParameters {
        description: "client的请求参数无效",
        recommendation: "检查请求参数准确性",
        description_en: "The client's request parameters are invalid",
        recommendation_en: "Check that the request parameters are correct.",
        err_type: Unknown,
        action: FixRequest,
    },
    -2 => AppidNotFound {
        description: "请求中的appid不存在",
        recommendation: "确认appid、appkey的准确性，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "The appid in the request does not exist",
        recommendation_en: "Check that the appid and appkey are correct; if it fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: Unknown,
        action: FixRequest,
    },
    -3 => NoApiPermission {
        description: "client请求中app到api访问无权限",
        recommendation: "确认该appid是否有权限，如有权限的话请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "The app has no permission to access the requested API",
        recommendation_en: "Check whether the appid has permission for this API; if it does, contact MSDK support (enterprise QQ 800013811).",
        err_type: Unknown,
        action: CheckConfiguration,
    },
    /// Note: the IP allow-list is configured on the platform side.
    -4 => AppIpNotAllowed {
        description: "请求中的app ip不允许",
        recommendation: "若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "The app's IP address in the request is not allowed",
        recommendation_en: "If it fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: Unknown,
        action: CheckConfiguration,
    },
    /// The spec says to retry although a failed signature check is usually a request
    /// problem; err_type and action follow the spec.
    -5 => SignatureVerificationFailed {
        description: "签名验证失败",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Signature verification failed",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    -6 => ApiRateLimitExceeded {
        description: "client请求中app到api访问超限",
        recommendation: "降低访问频率，检查是否正常请求，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "The app exceeded its access limit for the API (rate limit)",
        recommendation_en: "Lower the request rate and check that the requests are legitimate; if it fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: SlowDown,
    },
    -7 => InvalidProtocol {
        description: "请求协议非法 eg https 搞成了http",
        recommendation: "确认访问协议是否正确，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Invalid request protocol, e.g. http used where https is required",
        recommendation_en: "Check that the request uses the right protocol; if it fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: Unknown,
        action: FixRequest,
    },
    -8 => RequestRestricted {
        description: "请求受限,通常是安全审计没通过",
        recommendation: "若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Request restricted, usually because the app failed the security audit",
        recommendation_en: "If it fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: Unknown,
        action: CheckConfiguration,
    },
    -9 => ApiNotFound {
        description: "api不存在",
        recommendation: "若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "The API does not exist",
        recommendation_en: "If it fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: Unknown,
        action: ContactSupport,
    },
    /// Note: the IP allow-list is configured on the platform side.
    -10 => InternalIpNotAllowed {
        description: "请求中的app 内网ip不允许",
        recommendation: "若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "The app's internal (intranet) IP address in the request is not allowed",
        recommendation_en: "If it fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: Unknown,
        action: CheckConfiguration,
    },
    /// Note: the IP allow-list is configured on the platform side.
    -11 => ExternalIpNotAllowed {
        description: "请求中的app 外网ip不允许",
        recommendation: "若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "The app's external (public) IP address in the request is not allowed",
        recommendation_en: "If it fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: Unknown,
        action: CheckConfiguration,
    },
    /// Judgement: the fix is to test with an account that has been granted permission in the
    /// test environment, a platform-side setting, hence `CheckConfiguration`.
    -12 => TestAccountRestricted {
        description: "测试环境调试号码受限",
        recommendation: "请使用有权限的号码",
        description_en: "The debugging account (QQ number) is restricted in the test environment",
        recommendation_en: "Use a QQ account that has permission in the test environment.",
        err_type: Unknown,
        action: CheckConfiguration,
    },
    -20 => ApiNotAuthorizedByUser {
        description: "client请求中api未经用户授权",
        recommendation: "重新授权",
        description_en: "The user has not authorized the app to call this API",
        recommendation_en: "Re-authorize: the user must log in again.",
        err_type: Reauthorize,
        action: Reauthorize,
    },
    -21 => AccessTokenRevoked {
        description: "access_token已废除",
        recommendation: "重新授权",
        description_en: "The access_token has been revoked",
        recommendation_en: "Re-authorize: the user must log in again.",
        err_type: Reauthorize,
        action: Reauthorize,
    },
    -22 => InvalidOpenid {
        description: "openid非法",
        recommendation: "确认appid、openid的准确性，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Invalid openid",
        recommendation_en: "Check that the appid and openid are correct; if it fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: Unknown,
        action: FixRequest,
    },
    -23 => InvalidOpenkey {
        description: "openkey非法",
        recommendation: "重新授权",
        description_en: "Invalid openkey",
        recommendation_en: "Re-authorize: the user must log in again.",
        err_type: Reauthorize,
        action: Reauthorize,
    },
    -24 => OpenidOpenkeyVerificationFailed {
        description: "openid openkey验证失败",
        recommendation: "重新授权",
        description_en: "Verification of the openid and openkey failed",
        recommendation_en: "Re-authorize: the user must log in again.",
        err_type: Reauthorize,
        action: Reauthorize,
    },
    /// The handling (check that appid, appkey and openkey match) does not match the
    /// description (timestamp skew); it repeats `-70`'s handling. The action follows the
    /// handling; also check the server clock.
    -25 => TimestampSkewTooLarge {
        description: "0x71f 0x5b:timestamp与系统当前时间相差超过10分钟",
        recommendation: "确认appid、appkey、openkey的一致性，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "The timestamp differs from the platform's current time by more than 10 minutes (internal codes 0x71f 0x5b)",
        recommendation_en: "Check that the appid, appkey and openkey belong together; if it fails, contact MSDK support (enterprise QQ 800013811). The description suggests also checking the caller's clock.",
        err_type: Unknown,
        action: FixRequest,
    },
    /// The handling (an error converting the openid; check appid and openid) does not match
    /// the description (a duplicate nonce), and the spec's row has no closing cell. The
    /// action follows the handling.
    -26 => DuplicateNonce {
        description: "0x71f 0x5a: 重复的nonce",
        recommendation: "openid转换时出错，确认appid、openid准确性",
        description_en: "Duplicate nonce (internal codes 0x71f 0x5a)",
        recommendation_en: "An error occurred while converting the openid: check that the appid and openid are correct.",
        err_type: Unknown,
        action: FixRequest,
    },
    -70 => InvalidAppidForOpenkey {
        description: "登录验证返回，验证openkey时appid非法",
        recommendation: "确认appid、appkey、openkey的一致性，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Returned by login verification: the appid was invalid when verifying the openkey",
        recommendation_en: "Check that the appid, appkey and openkey belong together; if it fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: Unknown,
        action: FixRequest,
    },
    -71 => OpenidOpenkeyMismatch {
        description: "openid和openkey不匹配",
        recommendation: "确认openid与openkey的一致性",
        description_en: "The openid and openkey do not match",
        recommendation_en: "Check that the openid and openkey belong together.",
        err_type: Unknown,
        action: FixRequest,
    },
    -72 => AppkeyMismatch {
        description: "appkey和权限tmem中的appkey不一致",
        recommendation: "确认appid、appkey的准确性，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "The appkey differs from the appkey stored in the permission store (tmem)",
        recommendation_en: "Check that the appid and appkey are correct; if it fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: Unknown,
        action: FixRequest,
    },
    -73 => TokenInvalidatedByPasswordChange {
        description: "0x47 access token改密失效",
        recommendation: "重新授权",
        description_en: "Access token invalidated because the user changed the QQ password (0x47)",
        recommendation_en: "Re-authorize: the user must log in again. The password change invalidated the tokens issued before it.",
        err_type: Reauthorize,
        action: Reauthorize,
    },
    100000 => MissingOrInvalidResponseType {
        description: "缺少或错误response_type",
        recommendation: "请检查请求参数",
        description_en: "The OAuth response_type is missing or wrong",
        recommendation_en: "Check the request parameters.",
        err_type: Unknown,
        action: FixRequest,
    },
    100001 => MissingClientId {
        description: "缺少参数client_id",
        recommendation: "请检查请求参数",
        description_en: "The client_id parameter is missing",
        recommendation_en: "Check the request parameters.",
        err_type: Unknown,
        action: FixRequest,
    },
    100002 => MissingClientSecret {
        description: "缺少参数client_secret",
        recommendation: "请检查请求参数",
        description_en: "The client_secret parameter is missing",
        recommendation_en: "Check the request parameters.",
        err_type: Unknown,
        action: FixRequest,
    },
    100003 => MissingAuthorizationHeader {
        description: "http head中缺少Authorization",
        recommendation: "请检查请求参数",
        description_en: "The HTTP headers lack Authorization",
        recommendation_en: "Check the request parameters.",
        err_type: Unknown,
        action: FixRequest,
    },
    100004 => MissingOrInvalidGrantType {
        description: "缺少或错误grant_type",
        recommendation: "请检查请求参数",
        description_en: "The OAuth grant_type is missing or wrong",
        recommendation_en: "Check the request parameters.",
        err_type: Unknown,
        action: FixRequest,
    },
    100005 => MissingCode {
        description: "缺少code参数",
        recommendation: "请检查请求参数",
        description_en: "The code parameter (OAuth authorization code) is missing",
        recommendation_en: "Check the request parameters.",
        err_type: Unknown,
        action: FixRequest,
    },
    100006 => MissingRefreshToken {
        description: "缺少refresh token",
        recommendation: "请检查请求参数",
        description_en: "The refresh token is missing",
        recommendation_en: "Check the request parameters.",
        err_type: Unknown,
        action: FixRequest,
    },
    100007 => MissingAccessToken {
        description: "缺少access token",
        recommendation: "请检查请求参数",
        description_en: "The access token is missing",
        recommendation_en: "Check the request parameters.",
        err_type: Unknown,
        action: FixRequest,
    },
    100008 => OauthAppidNotFound {
        description: "该appid不存在",
        recommendation: "确认appid的准确性，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "The appid does not exist (OAuth)",
        recommendation_en: "Check that the appid is correct; if it fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: Unknown,
        action: FixRequest,
    },
    100009 => InvalidAppkey {
        description: "appkey(client_secret) 不合法",
        recommendation: "确认appid、appkey的准确性，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Invalid appkey (OAuth client_secret)",
        recommendation_en: "Check that the appid and appkey are correct; if it fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: Unknown,
        action: FixRequest,
    },
    /// The handling's URL is malformed in the spec (`http:` without `//`) and is kept
    /// verbatim, in the English too; it points to the Tencent open platform wiki's FAQ
    /// "回调地址常见问题及修改方法" (common callback URL problems and how to change them).
    /// Judgement: the callback URL is registered with the platform, hence
    /// `CheckConfiguration`.
    100010 => InvalidCallbackUrl {
        description: "回调地址不合法",
        recommendation: "回调地址不合法，常见原因请见：http:wiki.open.qq.com/wiki/faq/website/%E5%9B%9E%E8%B0%83%E5%9C%B0%E5%9D%80%E5%B8%B8%E8%A7%81%E9%97%AE%E9%A2%98%E5%8F%8A%E4%BF%AE%E6%94%B9%E6%96%B9%E6%B3%95",
        description_en: "Invalid callback URL (OAuth redirect URI)",
        recommendation_en: "The callback URL is invalid; for common causes see: http:wiki.open.qq.com/wiki/faq/website/%E5%9B%9E%E8%B0%83%E5%9C%B0%E5%9D%80%E5%B8%B8%E8%A7%81%E9%97%AE%E9%A2%98%E5%8F%8A%E4%BF%AE%E6%94%B9%E6%96%B9%E6%B3%95.",
        err_type: Unknown,
        action: CheckConfiguration,
    },
    100011 => AppNotOnline {
        description: "APP不处于上线状态",
        recommendation: "若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "The app is not in the online (released) state",
        recommendation_en: "If it fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: Unknown,
        action: CheckConfiguration,
    },
    /// Judgement: the call to the QQ platform is made by MSDK, not by the game, so the
    /// action follows the spec's handling (contact support) rather than `FixRequest`.
    100012 => NotPostRequest {
        description: "非post方式",
        recommendation: "若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "The request did not use the POST method",
        recommendation_en: "If it fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: Unknown,
        action: ContactSupport,
    },
    100013 => InvalidAccessToken {
        description: "access token不合法",
        recommendation: "重新授权",
        description_en: "Invalid access token",
        recommendation_en: "Re-authorize: the user must log in again.",
        err_type: Reauthorize,
        action: Reauthorize,
    },
    100014 => AccessTokenExpired {
        description: "access token过期",
        recommendation: "重新授权",
        description_en: "The access token has expired",
        recommendation_en: "Re-authorize: the user must log in again.",
        err_type: Reauthorize,
        action: Reauthorize,
    },
    100015 => OauthAccessTokenRevoked {
        description: "access token废除",
        recommendation: "重新授权",
        description_en: "The access token has been revoked (OAuth)",
        recommendation_en: "Re-authorize: the user must log in again.",
        err_type: Reauthorize,
        action: Reauthorize,
    },
    100016 => AccessTokenVerificationFailed {
        description: "access token验证失败，其它原因",
        recommendation: "重新授权",
        description_en: "Access token verification failed for another reason",
        recommendation_en: "Re-authorize: the user must log in again.",
        err_type: Reauthorize,
        action: Reauthorize,
    },
}
