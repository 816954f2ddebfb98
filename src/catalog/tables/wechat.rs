//! §5 微信平台错误码 and 微信加绑群错误码: WeChat platform codes (tunnelled as `ret -20000`) and group binding codes.

use super::error_codes;

error_codes! {
    /// §5 微信平台错误码: errors of the WeChat platform behind MSDK, 32 codes.
    ///
    /// These codes never arrive in `ret`. When the WeChat platform rejects a call, MSDK
    /// answers `ret -20000` (the [`LogicCode`](crate::LogicCode) range marker "see `msg`") and
    /// puts the platform's code and text in `msg` as `"code,text"` (spec §1 point 5, e.g.
    /// `"msg":"40001,invalid credential"`): parse the number before the first comma and look
    /// it up here.
    ///
    /// The descriptions are WeChat's own English `errmsg` strings (the spec separates their
    /// words with tabs, folded here to spaces). The spec lists the rows out of numeric order;
    /// they are kept in its order. `42001` (access token expired) is the only code in the
    /// whole catalog whose `err_type` is [`RefreshToken`](crate::ErrType::RefreshToken).
    ///
    /// Numbers that collide with other tables: `0` (also the success code of the MSDK access
    /// and logic layers and the QQ game center) and `-1` (also in
    /// [`QqPlatformCode`](crate::QqPlatformCode), [`WechatGroupCode`] and
    /// [`BlueDiamondCode`](crate::BlueDiamondCode)). A number taken from the `msg` of a
    /// `ret -20000` response is a WeChat platform code; a `ret` of the group-binding API is
    /// classified by [`Api::WechatGroup`](crate::Api::WechatGroup) instead.
    ///
    /// `45013` and `45014` (template arguments, message size) carry the rate-limit handling of
    /// `45011`/`45009`, apparently copied; see their rows.
    ///
    /// ```
    /// use msdk_error_codes::{Action, ErrType, WechatPlatformCode};
    ///
    /// // {"ret":-20000,"msg":"40001,invalid credential",...}
    /// let msg = "40001,invalid credential";
    /// let (number, _text) = msg.split_once(',').unwrap();
    /// let code = WechatPlatformCode::from_code(number.parse().unwrap()).unwrap();
    /// assert_eq!(code, WechatPlatformCode::InvalidCredential);
    /// assert_eq!(code.description(), "invalid credential");
    /// assert_eq!(code.err_type(), ErrType::Reauthorize);
    /// assert_eq!(code.action(), Action::Reauthorize);
    /// assert_eq!(i32::from(code), 40001);
    /// ```
    pub enum WechatPlatformCode in WechatPlatform as "wechat_platform";

    /// The spec gives no handling; the action is inferred from the description.
    /// WeChat's success travels inside a failed `ret -20000` (MSDK's own answer is the
    /// failure), so a classification of it is not a success: it is handled as a failure
    /// the spec does not explain (`err_type` Unknown, action Unspecified).
    0 => Ok {
        description: "ok",
        recommendation: "-",
        description_en: "Success",
        recommendation_en: "None documented (the spec gives \"-\"). Success needs no handling.",
        err_type: Normal,
        action: NoAction,
    },
    /// Note: most likely the user has not granted the app this API's scope.
    48001 => ApiUnauthorized {
        description: "api unauthorized",
        recommendation: "重新拉起授权",
        description_en: "The API is not authorized",
        recommendation_en: "Launch WeChat authorization again: the user must log in again.",
        err_type: Reauthorize,
        action: Reauthorize,
    },
    /// The spec gives no handling; the action is inferred from the description.
    44002 => EmptyPostData {
        description: "empty post data",
        recommendation: "-",
        description_en: "The POST body is empty",
        recommendation_en: "None documented (the spec gives \"-\"). Likely a request problem: check the posted data.",
        err_type: Unknown,
        action: FixRequest,
    },
    /// The spec gives no handling; the action is inferred from the description.
    47001 => DataFormatError {
        description: "data format error",
        recommendation: "-",
        description_en: "The posted data is malformed",
        recommendation_en: "None documented (the spec gives \"-\"). Likely a request problem: check the format of the posted data.",
        err_type: Unknown,
        action: FixRequest,
    },
    /// Out of numeric order in the spec. `-1` is also a code of
    /// [`QqPlatformCode`](crate::QqPlatformCode), [`WechatGroupCode`] and
    /// [`BlueDiamondCode`](crate::BlueDiamondCode); in the `msg` of a `ret -20000` response it
    /// is this one.
    -1 => SystemError {
        description: "system error",
        recommendation: "重试一次，若一直失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "WeChat system error",
        recommendation_en: "Retry once; if it keeps failing, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    42001 => AccessTokenExpired {
        description: "access_token expired",
        recommendation: "accessToken过期，刷新token或重新拉起授权",
        description_en: "The access_token has expired",
        recommendation_en: "The access token has expired: refresh it with the refresh token, or launch WeChat authorization again.",
        err_type: RefreshToken,
        action: RefreshToken,
    },
    42003 => CodeExpired {
        description: "code expired",
        recommendation: "重新拉起授权",
        description_en: "The OAuth authorization code has expired",
        recommendation_en: "Launch WeChat authorization again: the user must log in again.",
        err_type: Reauthorize,
        action: Reauthorize,
    },
    42004 => RefreshTokenExpired {
        description: "refresh_token expired",
        recommendation: "重新拉起授权",
        description_en: "The refresh_token has expired",
        recommendation_en: "Launch WeChat authorization again: the user must log in again.",
        err_type: Reauthorize,
        action: Reauthorize,
    },
    40013 => InvalidAppid {
        description: "invalid appid",
        recommendation: "确认appid准确性，若还有问题，联系msdk反馈给微信侧处理",
        description_en: "Invalid appid",
        recommendation_en: "Check that the appid is correct; if the problem remains, contact MSDK to report it to WeChat.",
        err_type: Unknown,
        action: FixRequest,
    },
    40001 => InvalidCredential {
        description: "invalid credential",
        recommendation: "重新拉起授权",
        description_en: "Invalid credential (the access token is invalid)",
        recommendation_en: "Launch WeChat authorization again: the user must log in again.",
        err_type: Reauthorize,
        action: Reauthorize,
    },
    /// The spec says to re-authorize although grant_type is a request parameter; err_type and
    /// action follow the spec.
    40002 => InvalidGrantType {
        description: "invalid grant_type",
        recommendation: "重新拉起授权",
        description_en: "Invalid OAuth grant_type",
        recommendation_en: "Launch WeChat authorization again: the user must log in again.",
        err_type: Reauthorize,
        action: Reauthorize,
    },
    40007 => InvalidMediaId {
        description: "invalid media_id",
        recommendation: "上传图片使用的media_id无效，重新上传图片获取media_id",
        description_en: "Invalid media_id",
        recommendation_en: "The media_id of the uploaded image is invalid: upload the image again to get a new media_id.",
        err_type: Unknown,
        action: FixRequest,
    },
    /// The spec gives no handling; the action is inferred from the description.
    40008 => InvalidMessageType {
        description: "invalid message type",
        recommendation: "-",
        description_en: "Invalid message type",
        recommendation_en: "None documented (the spec gives \"-\"). Likely a request problem: check the message type sent.",
        err_type: Unknown,
        action: FixRequest,
    },
    40029 => InvalidCode {
        description: "invalid code",
        recommendation: "重新拉起授权",
        description_en: "Invalid OAuth authorization code",
        recommendation_en: "Launch WeChat authorization again: the user must log in again.",
        err_type: Reauthorize,
        action: Reauthorize,
    },
    40003 => InvalidOpenid {
        description: "invalid openid",
        recommendation: "重新拉起授权",
        description_en: "Invalid openid",
        recommendation_en: "Launch WeChat authorization again: the user must log in again.",
        err_type: Reauthorize,
        action: Reauthorize,
    },
    /// The spec says to re-authorize although the openid list is a request parameter;
    /// err_type and action follow the spec.
    40031 => InvalidOpenidList {
        description: "invalid openid list",
        recommendation: "重新拉起授权",
        description_en: "Invalid openid list",
        recommendation_en: "Launch WeChat authorization again: the user must log in again.",
        err_type: Reauthorize,
        action: Reauthorize,
    },
    40032 => InvalidRefreshToken {
        description: "invalid refresh_token",
        recommendation: "重新拉起授权",
        description_en: "Invalid refresh_token",
        recommendation_en: "Launch WeChat authorization again: the user must log in again.",
        err_type: Reauthorize,
        action: Reauthorize,
    },
    /// The spec gives no handling; the action is inferred from the description.
    40037 => InvalidTemplateId {
        description: "invalid template_id",
        recommendation: "-",
        description_en: "Invalid template_id (message template)",
        recommendation_en: "None documented (the spec gives \"-\"). Likely a request problem: check the template_id.",
        err_type: Unknown,
        action: FixRequest,
    },
    /// The spec gives no handling; the action is inferred from the description.
    40036 => InvalidTemplateIdSize {
        description: "invalid template_id size",
        recommendation: "-",
        description_en: "The template_id has an invalid length",
        recommendation_en: "None documented (the spec gives \"-\"). Likely a request problem: check the template_id.",
        err_type: Unknown,
        action: FixRequest,
    },
    45011 => ApiLimitReached {
        description: "api limit",
        recommendation: "限制访问频率，检查是否受攻击，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "API call limit reached",
        recommendation_en: "Limit the request rate and check whether the service is under attack; if it fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: SlowDown,
    },
    45009 => ApiFrequencyLimitExceeded {
        description: "api freq out of limit",
        recommendation: "限制访问频率，检查是否受攻击，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "API call frequency limit exceeded",
        recommendation_en: "Limit the request rate and check whether the service is under attack; if it fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: SlowDown,
    },
    /// The handling is the rate-limit handling of `45011`/`45009`, apparently copied: it does
    /// not fit a template-argument error. err_type and action follow the spec; the likely fix
    /// is to send fewer template arguments.
    45013 => TooManyTemplateArgs {
        description: "too many template args",
        recommendation: "限制访问频率，检查是否受攻击，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Too many template arguments",
        recommendation_en: "Limit the request rate and check whether the service is under attack; if it fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: SlowDown,
    },
    /// The handling is the rate-limit handling of `45011`/`45009`, apparently copied: it does
    /// not fit a message-size error. err_type and action follow the spec; the likely fix is to
    /// send a smaller template message.
    45014 => TemplateMessageTooLarge {
        description: "template message size out of limit",
        recommendation: "限制访问频率，检查是否受攻击，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "The template message exceeds the size limit",
        recommendation_en: "Limit the request rate and check whether the service is under attack; if it fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: SlowDown,
    },
    41001 => MissingAccessToken {
        description: "access_token missing",
        recommendation: "重新拉起授权",
        description_en: "The access_token is missing",
        recommendation_en: "Launch WeChat authorization again: the user must log in again.",
        err_type: Reauthorize,
        action: Reauthorize,
    },
    41002 => MissingAppid {
        description: "appid missing",
        recommendation: "确认请求参数appid准确性，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "The appid is missing",
        recommendation_en: "Check that the appid request parameter is correct; if it fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: Unknown,
        action: FixRequest,
    },
    41004 => MissingAppsecret {
        description: "appsecret missing",
        recommendation: "确认请求参数appid、appkey准确性，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "The appsecret is missing",
        recommendation_en: "Check that the appid and appkey request parameters are correct; if it fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: Unknown,
        action: FixRequest,
    },
    41008 => MissingCode {
        description: "missing code",
        recommendation: "确认请求参数code准确性，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "The OAuth authorization code is missing",
        recommendation_en: "Check that the code request parameter is correct; if it fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: Unknown,
        action: FixRequest,
    },
    41009 => MissingOpenid {
        description: "missing openid",
        recommendation: "确认请求参数appid、openid准确性，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "The openid is missing",
        recommendation_en: "Check that the appid and openid request parameters are correct; if it fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: Unknown,
        action: FixRequest,
    },
    41003 => MissingRefreshToken {
        description: "refresh_token missing",
        recommendation: "确认请求参数appid、refresh_token准确性，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "The refresh_token is missing",
        recommendation_en: "Check that the appid and refresh_token request parameters are correct; if it fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: Unknown,
        action: FixRequest,
    },
    /// The spec gives no handling; the action is inferred from the description.
    43005 => FriendRelationRequired {
        description: "require friend relations",
        recommendation: "-",
        description_en: "The users must be WeChat friends",
        recommendation_en: "None documented (the spec gives \"-\"). The target user is not a friend of the sender; retrying will not help.",
        err_type: Unknown,
        action: InformUser,
    },
    43003 => HttpsRequired {
        description: "require https",
        recommendation: "使用https请求",
        description_en: "The request must use https",
        recommendation_en: "Send the request over https.",
        err_type: Unknown,
        action: FixRequest,
    },
    /// The spec gives no handling; the action is inferred from the description.
    43004 => SubscriptionRequired {
        description: "require subscribe",
        recommendation: "-",
        description_en: "The user must follow (subscribe to) the official account",
        recommendation_en: "None documented (the spec gives \"-\"). The user has not followed the official account; retrying will not help.",
        err_type: Unknown,
        action: InformUser,
    },
}

error_codes! {
    /// §5 微信加绑群错误码: binding a game to a WeChat group (creating and joining groups),
    /// 9 codes.
    ///
    /// Unlike [`WechatPlatformCode`], these arrive in `ret` of the group-binding API. Every
    /// number but `-10004`, `-10006` and `-10007` collides with another table: `-1` is in
    /// four tables, and `-10000` to `-10003` and `-10005` are also
    /// [`LogicCode`](crate::LogicCode)s (`-10002` is a
    /// [`BlueDiamondCode`](crate::BlueDiamondCode) too), so classify group-binding responses
    /// with [`Api::WechatGroup`](crate::Api::WechatGroup). In this table `-10000` is the table's own internal error, not
    /// the logic layer's "QQ platform error, see `msg`" marker.
    ///
    /// `-10003` and `-10004` have no handling and say 与群无关 (unrelated to the group).
    ///
    /// ```
    /// use msdk_error_codes::{Action, ErrType, WechatGroupCode};
    ///
    /// let code = WechatGroupCode::from_code(-10001).unwrap();
    /// assert_eq!(code, WechatGroupCode::NoGroupCreationPermission);
    /// assert_eq!(code.description(), "该游戏没有建群权限");
    /// assert_eq!(code.err_type(), ErrType::Unknown);
    /// assert_eq!(code.action(), Action::CheckConfiguration);
    /// assert_eq!(i32::from(code), -10001);
    /// ```
    pub enum WechatGroupCode in WechatGroup as "wechat_group";

    -1 => SystemError {
        description: "系统错误",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "System error",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    /// Collides with [`LogicCode`](crate::LogicCode)'s `-10000` (QQ platform error, see
    /// `msg`); here it is the group-binding API's own internal error.
    -10000 => InternalError {
        description: "内部错误",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Internal error",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    -10001 => NoGroupCreationPermission {
        description: "该游戏没有建群权限",
        recommendation: "联系移动网游MSDK技术支持人员申请开通权限。",
        description_en: "The game has no permission to create groups",
        recommendation_en: "Contact MSDK support to apply for the permission.",
        err_type: Unknown,
        action: CheckConfiguration,
    },
    -10002 => ParameterCheckFailed {
        description: "参数检查错误",
        recommendation: "确认参数准确性，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Parameter check failed",
        recommendation_en: "Check that the parameters are correct; if it fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: Unknown,
        action: FixRequest,
    },
    /// The spec gives no handling; 与群无关 says the failure concerns the link, not the group.
    -10003 => LinkNotFound {
        description: "链接不存在（与群无关）",
        recommendation: "",
        description_en: "The link does not exist (unrelated to the group)",
        recommendation_en: "None documented.",
        err_type: Unknown,
        action: Unspecified,
    },
    /// The spec gives no handling; 与群无关 says the failure concerns the link, not the group.
    -10004 => RedirectLinkFetchFailed {
        description: "获取跳转链接失败（与群无关）",
        recommendation: "",
        description_en: "Failed to get the redirect link (unrelated to the group)",
        recommendation_en: "None documented.",
        err_type: Unknown,
        action: Unspecified,
    },
    /// Judgement: the caller asked to create a group whose ID is already taken, so the fix is
    /// in the request (`FixRequest`).
    -10005 => GroupIdAlreadyExists {
        description: "群ID已存在",
        recommendation: "不要重复建群",
        description_en: "The group ID already exists",
        recommendation_en: "Do not create the same group twice.",
        err_type: Unknown,
        action: FixRequest,
    },
    /// Judgement: a per-user limit, an expected outcome, so `InformUser`.
    -10006 => GroupCreationLimitReached {
        description: "建群数量超过上限",
        recommendation: "换一个用户建群",
        description_en: "The number of groups created exceeds the limit",
        recommendation_en: "Create the group with another user.",
        err_type: Unknown,
        action: InformUser,
    },
    -10007 => GroupIdNotFound {
        description: "群ID不存在",
        recommendation: "换一个存在的群ID",
        description_en: "The group ID does not exist",
        recommendation_en: "Use a group ID that exists.",
        err_type: Unknown,
        action: FixRequest,
    },
}
