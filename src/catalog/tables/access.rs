//! §2 MSDK接入层错误码: MSDK access layer codes.

use super::error_codes;

error_codes! {
    /// §2 MSDK接入层错误码: the MSDK access layer, which answers every call (bad appid or
    /// appkey, permissions, signature, format, rate limits), 24 codes.
    ///
    /// `0` (success) is also in [`LogicCode`](crate::LogicCode), [`WechatPlatformCode`](crate::WechatPlatformCode) and
    /// [`GameCenterCode`](crate::GameCenterCode) (classify game-center responses with [`Api::GameCenter`](crate::Api::GameCenter)). `-101` is
    /// also [`LogicCode::InternalError101`](crate::LogicCode::InternalError101); both layers
    /// answer every API (the access layer passes the logic layer's `ret` through, spec §1
    /// point 3), so no `Api` context tells a bare `ret -101` apart. Both mean retry once.
    ///
    /// The spec lists `-107` and `-101` last, after `-901`, out of numeric order. It does
    /// not tell the eight 内部错误 (internal error) rows apart (`-307` to `-310`, `-312`,
    /// `-601`, `-701`, `-702`), so their variants carry the number.
    ///
    /// ```
    /// use msdk_error_codes::{AccessCode, Action, ErrType};
    ///
    /// let code = AccessCode::from_code(-503).unwrap();
    /// assert_eq!(code, AccessCode::RateLimitExceeded);
    /// assert_eq!(code.description(), "频率超限");
    /// assert_eq!(code.err_type(), ErrType::NetworkUnstable);
    /// assert_eq!(code.action(), Action::SlowDown);
    /// assert_eq!(i32::from(code), -503);
    /// ```
    pub enum AccessCode in Access as "access";

    /// The spec gives no handling; the action is inferred from the description.
    0 => Success {
        description: "成功",
        recommendation: "",
        description_en: "Success",
        recommendation_en: "None documented. The call succeeded: nothing to do.",
        err_type: Normal,
        action: NoAction,
    },
    -303 => AppidNotPermitted {
        description: "该appid在msdk没有权限",
        recommendation: "确认appid是否正确；确认该业务基本资料审核是否已经通过；确认该业务是否有该接口权限。",
        description_en: "The appid has no permission in MSDK",
        recommendation_en: "Check that the appid is correct, that the app's basic information has passed review, and that the app has permission for this interface.",
        err_type: Unknown,
        action: CheckConfiguration,
    },
    -304 => RequestNotJson {
        description: "请求参数不是json格式",
        recommendation: "请使用json格式请求",
        description_en: "The request parameters are not in JSON format",
        recommendation_en: "Send the request in JSON format.",
        err_type: Unknown,
        action: FixRequest,
    },
    -307 => InternalError307 {
        description: "内部错误",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Internal error",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    -308 => InternalError308 {
        description: "内部错误",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Internal error",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    -309 => InternalError309 {
        description: "内部错误",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Internal error",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    -310 => InternalError310 {
        description: "内部错误",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Internal error",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    -311 => CommandNotFoundInLogicLayer {
        description: "逻辑层找不到对应的接口命令字",
        recommendation: "msdk逻辑层未实现该功能，请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "The logic layer has no command word (handler) for this interface",
        recommendation_en: "The MSDK logic layer does not implement this feature; contact MSDK support (enterprise QQ 800013811).",
        err_type: Unknown,
        action: ContactSupport,
    },
    -312 => InternalError312 {
        description: "内部错误",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Internal error",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    -402 => FeedbackMissingParameters {
        description: "用户反馈功能缺少参数",
        recommendation: "检查请求参数是否正确",
        description_en: "The user feedback feature is missing parameters",
        recommendation_en: "Check that the request parameters are correct.",
        err_type: Unknown,
        action: FixRequest,
    },
    -501 => EmptyHttpBody {
        description: "http请求中，body为空",
        recommendation: "请求串中http body不能为空，请参考接口文档请求样例",
        description_en: "The body of the HTTP request is empty",
        recommendation_en: "The HTTP body of the request must not be empty; follow the request examples in the interface documentation.",
        err_type: Unknown,
        action: FixRequest,
    },
    -502 => InvalidUrlSignature {
        description: "msdk接入层url 签名错误",
        recommendation: "签名计算方式为sig=md5(appkey + timestamp)",
        description_en: "Wrong signature (sig) in the URL, checked by the MSDK access layer",
        recommendation_en: "Compute the signature as sig=md5(appkey + timestamp).",
        err_type: Unknown,
        action: FixRequest,
    },
    /// The spec's handling only restates the cause (the same user's request rate exceeded
    /// the limit); `err_type` (from 频率超限) and the action follow the rate limit.
    -503 => RateLimitExceeded {
        description: "频率超限",
        recommendation: "同一个用户请求频率超过限制",
        description_en: "Rate limit exceeded",
        recommendation_en: "The same user's requests exceeded the rate limit; lower that user's request rate.",
        err_type: NetworkUnstable,
        action: SlowDown,
    },
    /// Judgement: the handling names two causes, an empty appid in the URL (a request
    /// problem) or no permission for the interface (configuration); the action follows the
    /// second, which is what the spec sends to MSDK support.
    -504 => AppidNotFound {
        description: "appid不存在",
        recommendation: "url中appid为空或该app没有该接口访问权限，请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "The appid does not exist",
        recommendation_en: "The appid in the URL is empty, or the app has no permission to access this interface; contact MSDK support (enterprise QQ 800013811).",
        err_type: Unknown,
        action: CheckConfiguration,
    },
    -505 => InterfaceNotFound {
        description: "url 错误，接口不存在",
        recommendation: "接口不存在，确认接口名称",
        description_en: "Bad URL: the interface does not exist",
        recommendation_en: "The interface does not exist; check the interface name.",
        err_type: Unknown,
        action: FixRequest,
    },
    -506 => UrlMissingParameters {
        description: "url 缺少参数",
        recommendation: "对照接口文档检查参数",
        description_en: "The URL is missing parameters",
        recommendation_en: "Check the parameters against the interface documentation.",
        err_type: Unknown,
        action: FixRequest,
    },
    -507 => IgnorableInternalError {
        description: "内部错误，不用处理",
        recommendation: "正常错误，不用处理",
        description_en: "Internal error that needs no handling",
        recommendation_en: "An expected (normal) error; no handling needed.",
        err_type: Normal,
        action: NoAction,
    },
    -601 => InternalError601 {
        description: "内部错误",
        recommendation: "重试一次，若一直失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Internal error",
        recommendation_en: "Retry once; if it keeps failing, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    -701 => InternalError701 {
        description: "内部错误",
        recommendation: "重试一次，若一直失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Internal error",
        recommendation_en: "Retry once; if it keeps failing, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    -702 => InternalError702 {
        description: "内部错误",
        recommendation: "重试一次，若一直失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Internal error",
        recommendation_en: "Retry once; if it keeps failing, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    -801 => FeedbackError {
        description: "用户反馈相关错误",
        recommendation: "重试一次，若一直失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。（不影响游戏正常功能）",
        description_en: "Error in the user feedback feature",
        recommendation_en: "Retry once; if it keeps failing, contact MSDK support (enterprise QQ 800013811). It does not affect the game's normal functions.",
        err_type: NetworkUnstable,
        action: Retry,
    },
    /// Judgement: the handling is to switch to QQ or WeChat login, so the action is
    /// [`Reauthorize`](crate::Action::Reauthorize); `err_type` follows the rule (the text
    /// has no 重新授权) and is `Unknown`. The spec writes 登陆 for 登录 (login); kept verbatim.
    -901 => NotAllowedInGuestMode {
        description: "游客模式下，不能访问该接口",
        recommendation: "切换成手Q、微信登陆模式下",
        description_en: "The interface cannot be called in guest mode",
        recommendation_en: "Switch to QQ or WeChat login: guest accounts cannot call this interface.",
        err_type: Unknown,
        action: Reauthorize,
    },
    /// Out of numeric order: the spec lists it after `-901`. The spec says to retry
    /// although the description reads like a configuration problem (an IP allow-list); the
    /// action follows the spec.
    -107 => PaymentIpNotWhitelisted {
        description: "支付IP不在白名单中",
        recommendation: "重试一次，若一直失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "The payment IP is not on the allow-list",
        recommendation_en: "Retry once; if it keeps failing, contact MSDK support (enterprise QQ 800013811). The calling IP may need adding to the payment allow-list.",
        err_type: NetworkUnstable,
        action: Retry,
    },
    /// Out of numeric order: the spec lists it last, after `-107`. Collides with
    /// [`LogicCode::InternalError101`](crate::LogicCode::InternalError101) (msdk逻辑层内部错误);
    /// both say to retry once.
    -101 => HttpParseFailed {
        description: "解析http失败",
        recommendation: "重试一次，若一直失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Parsing the HTTP request failed",
        recommendation_en: "Retry once; if it keeps failing, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
}
