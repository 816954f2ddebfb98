//! §7 手Q分享相关错误码: QQ share codes, for sharing to QZone and to QQ.

use super::error_codes;

error_codes! {
    /// §7 分享到QZone /share/qzone: sharing to QZone through `/share/qzone`, 10 codes.
    ///
    /// Its numbers (`1000` to `1031`) are in no other table; classify its responses with
    /// [`Api::QzoneShare`](crate::Api::QzoneShare). The spec lists them out of numeric order (`1025`, `1026`, then
    /// `1024` and `1005`); the enum keeps the spec's order.
    ///
    /// `1031`'s description contains a printf placeholder (`%d`, the daily limit the server
    /// fills in), kept as is; it is a daily quota, not a rate limit.
    ///
    /// ```
    /// use msdk_error_codes::{Action, ErrType, QzoneShareCode};
    ///
    /// let code = QzoneShareCode::from_code(1031).unwrap();
    /// assert_eq!(code, QzoneShareCode::DailyShareLimitReached);
    /// assert_eq!(code.description(), "每天最多分享%d次，明天再来吧");
    /// assert_eq!(code.err_type(), ErrType::Unknown);
    /// assert_eq!(code.action(), Action::InformUser);
    /// assert_eq!(i32::from(code), 1031);
    /// ```
    pub enum QzoneShareCode in QzoneShare as "qzone_share";

    1000 => InvalidParameter {
        description: "非法参数",
        recommendation: "确认请求参数准确性，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Invalid parameter",
        recommendation_en: "Check that the request parameters are correct. If it fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: Unknown,
        action: FixRequest,
    },
    1001 => ServerBusy {
        description: "服务器繁忙，请稍后重试",
        recommendation: "稍后重试",
        description_en: "The server is busy, try again later",
        recommendation_en: "Try again later.",
        err_type: NetworkUnstable,
        action: RetryLater,
    },
    /// 登陆 is a common misspelling of 登录 (log in), kept verbatim.
    1002 => NotLoggedIn {
        description: "请先登陆",
        recommendation: "重新授权",
        description_en: "Not logged in: log in first",
        recommendation_en: "Re-authorize: the user must log in again.",
        err_type: Reauthorize,
        action: Reauthorize,
    },
    /// 登陆 is a common misspelling of 登录 (log in), kept verbatim.
    1025 => LoginAgainRequired {
        description: "请重新登陆",
        recommendation: "重新授权",
        description_en: "The user must log in again",
        recommendation_en: "Re-authorize: the user must log in again.",
        err_type: Reauthorize,
        action: Reauthorize,
    },
    1026 => InitializationFailed {
        description: "初始化失败",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Initialization failed",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    1024 => AppNotFound {
        description: "该应用不存在",
        recommendation: "确认appid准确性，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "The app does not exist",
        recommendation_en: "Check that the appid is correct. If it fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: Unknown,
        action: FixRequest,
    },
    1005 => ParameterError {
        description: "参数错误",
        recommendation: "确认请求参数准确性，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Parameter error",
        recommendation_en: "Check that the request parameters are correct. If it fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: Unknown,
        action: FixRequest,
    },
    1027 => SendstoryConfigParameterError {
        description: "Sendstory 分享配置参数错误",
        recommendation: "确认请求参数准确性，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Sendstory share configuration parameter error",
        recommendation_en: "Check that the request parameters are correct. If it fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: Unknown,
        action: FixRequest,
    },
    1028 => SendstoryParameterError {
        description: "Sendstory 分享参数错误",
        recommendation: "确认请求参数准确性，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Sendstory share parameter error",
        recommendation_en: "Check that the request parameters are correct. If it fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: Unknown,
        action: FixRequest,
    },
    /// The description contains a printf placeholder: the server fills in the daily limit
    /// for `%d`; the catalog keeps `%d`.
    ///
    /// Judgement: 分享超限 (share limit exceeded) is a daily quota, not a rate limit, so the
    /// rule gives `Unknown` (no retry or 频率超限 wording) and the action is
    /// [`InformUser`](crate::Action::InformUser): retrying today will not help.
    1031 => DailyShareLimitReached {
        description: "每天最多分享%d次，明天再来吧",
        recommendation: "正常错误，分享超限",
        description_en: "Daily share limit reached (at most N shares a day); come back tomorrow",
        recommendation_en: "An expected error: the share limit was exceeded. Tell the user to share again tomorrow.",
        err_type: Unknown,
        action: InformUser,
    },
}

error_codes! {
    /// §7 分享到QQ /share/qq: sharing to QQ friends through `/share/qq`, 32 codes.
    ///
    /// `100000`, `100001`, `100003`, `100004` and `100012` collide with
    /// [`QqPlatformCode`](crate::QqPlatformCode), where they mean something else (OAuth
    /// parameter errors), so classify share responses with [`Api::QqShare`](crate::Api::QqShare). The spec lists
    /// `100012` and `99999` out of numeric order; the enum keeps the spec's order.
    ///
    /// Most rows say to retry once and then contact MSDK support, including some where a
    /// plain retry looks wrong (`2` 参数错误 parameter error, `33` no permission, `99999` rate
    /// limit); their err_type follows the spec and the row explains the judgement. Rows marked 正常错误 (expected error) are
    /// business outcomes: tell the user (`29`–`32`) or ignore them (`34`, `37`).
    ///
    /// ```
    /// use msdk_error_codes::{Action, ErrType, QqShareCode};
    ///
    /// let code = QqShareCode::from_code(100000).unwrap();
    /// assert_eq!(code, QqShareCode::AuthenticationFailed);
    /// assert_eq!(code.description(), "鉴权错误！uin,skey错误");
    /// assert_eq!(code.err_type(), ErrType::Reauthorize);
    /// assert_eq!(code.action(), Action::Reauthorize);
    /// assert_eq!(i32::from(code), 100000);
    /// ```
    pub enum QqShareCode in QqShare as "qq_share";

    /// The spec says to retry although a parameter error is deterministic; err_type and
    /// action follow the spec (check the parameters if the retry fails).
    2 => ParameterError {
        description: "参数错误",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Parameter error",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    7 => InternalError {
        description: "内部错误",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Internal error",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    13 => InvalidCommand {
        description: "命令字错误",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Invalid command word (the backend command code)",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    16 => InvalidRequestPacket {
        description: "请求包错误",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Malformed request packet",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    21 => MessageSerializationError {
        description: "消息序列化错误",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Message serialization error",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    22 => BackendError {
        description: "后台错误",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Backend error",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    23 => StorageError {
        description: "存储错误",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Storage error",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    24 => BackendTimeout {
        description: "后台超时",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Backend timeout",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    25 => MsgsenderInternalError {
        description: "msgsender内部错误(socket,zmq)",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Internal error in the msgsender service (socket, zmq)",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    26 => SessionAllocationFailed {
        description: "分配session错误",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Failed to allocate a session",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    27 => MessageTooLarge {
        description: "消息太大，(整个消息体大小700byte内，previewText可不填写)",
        recommendation: "减少分享中消息内容长度，summary不能超过20个字，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "The message is too large (the whole message body must fit in 700 bytes; previewText may be left out)",
        recommendation_en: "Shorten the shared message; summary must not exceed 20 characters. If it fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: Unknown,
        action: FixRequest,
    },
    28 => MessageConstructionError {
        description: "构造消息错误",
        recommendation: "检查构造的分享消息，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Error constructing the message",
        recommendation_en: "Check how the share message is constructed. If it fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: Unknown,
        action: FixRequest,
    },
    29 => RecipientRefused {
        description: "用户拒绝接收",
        recommendation: "请求另一个用户",
        description_en: "The recipient refuses to receive the message",
        recommendation_en: "Share with another user.",
        err_type: Unknown,
        action: InformUser,
    },
    /// Judgement: 正常错误 (expected error) with no further handling; a daily quota, not a
    /// rate limit, so the rule gives `Unknown` and the action is
    /// [`InformUser`](crate::Action::InformUser).
    30 => DailyShareLimitReached {
        description: "超出了用户当天分享的次数，明天再来",
        recommendation: "正常错误",
        description_en: "The user's share count for the day has been exceeded; come back tomorrow",
        recommendation_en: "An expected error. Tell the user to share again tomorrow.",
        err_type: Unknown,
        action: InformUser,
    },
    31 => InvalidAccount {
        description: "非法帐号",
        recommendation: "该账号不可用",
        description_en: "Invalid account",
        recommendation_en: "The account cannot be used; tell the user.",
        err_type: Unknown,
        action: InformUser,
    },
    32 => RecipientNotFriendOrFollower {
        description: "分享目标用户非好友，或目标用户没有关注公众号：QQ手游",
        recommendation: "正常错误，目标用户关注了QQ手游后成功",
        description_en: "The recipient is not a friend, or does not follow the QQ手游 (QQ Mobile Games) official account",
        recommendation_en: "An expected error: sharing succeeds once the recipient follows the QQ手游 (QQ Mobile Games) official account.",
        err_type: Unknown,
        action: InformUser,
    },
    /// The spec says to retry although the description reads like a permission problem;
    /// the action follows the spec.
    33 => NoSendPermission {
        description: "没有权限发送",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "No permission to send",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    34 => DuplicateBroadcast {
        description: "群发消息重复",
        recommendation: "正常错误，不用理会",
        description_en: "Duplicate broadcast message",
        recommendation_en: "An expected error: ignore it.",
        err_type: Normal,
        action: NoAction,
    },
    35 => ImagentError {
        description: "imagent返回错误",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "The imagent service returned an error",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    36 => AddBroadcastTaskFailed {
        description: "添加群发任务错误",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Failed to add the broadcast task",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    37 => BroadcastGroupHasNoFollowers {
        description: "群发分组没有粉丝",
        recommendation: "正常错误，不用理会",
        description_en: "The broadcast group has no followers",
        recommendation_en: "An expected error: ignore it.",
        err_type: Normal,
        action: NoAction,
    },
    38 => SendPlatformError {
        description: "发送平台错误",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Error in the sending platform",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    /// Collides with [`QqPlatformCode`](crate::QqPlatformCode)'s `100000` (missing or wrong
    /// response_type); [`Api::QqShare`](crate::Api::QqShare) classifies it.
    100000 => AuthenticationFailed {
        description: "鉴权错误！uin,skey错误",
        recommendation: "重新授权",
        description_en: "Authentication error: wrong uin or skey",
        recommendation_en: "Re-authorize: the user must log in again.",
        err_type: Reauthorize,
        action: Reauthorize,
    },
    /// 参错错误 is a typo for 参数错误 (parameter error), kept verbatim. Collides with
    /// [`QqPlatformCode`](crate::QqPlatformCode)'s `100001` (missing client_id).
    100001 => MissingOrMistypedParameter {
        description: "参错错误！缺少必要参数，或者参数类型不对",
        recommendation: "确认请求参数准确性，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Parameter error: a required parameter is missing, or a parameter has the wrong type",
        recommendation_en: "Check that the request parameters are correct. If it fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: Unknown,
        action: FixRequest,
    },
    /// Collides with [`QqPlatformCode`](crate::QqPlatformCode)'s `100003` (no Authorization
    /// in the HTTP header).
    100003 => ServiceError {
        description: "服务错误！请联系相关开发人员",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Service error (contact the developers concerned)",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    /// Collides with [`QqPlatformCode`](crate::QqPlatformCode)'s `100004` (missing or wrong
    /// grant_type).
    100004 => ProhibitedWords {
        description: "脏词错误！关键字涉黄、涉政等",
        recommendation: "修改描述文案",
        description_en: "Prohibited words: the text contains pornographic, political or other banned keywords",
        recommendation_en: "Change the description text.",
        err_type: Unknown,
        action: FixRequest,
    },
    /// Note: the failure is deterministic (the request must be a POST), so a retry cannot
    /// help; the handling is the spec's.
    100100 => PostRequired {
        description: "CGI只能用post方式请求",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "The CGI only accepts POST requests",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    /// Note: the failure is deterministic (the Referer is restricted), so a retry cannot
    /// help; the handling is the spec's.
    100101 => RefererRestricted {
        description: "CGI有Referer限制",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "The CGI restricts the Referer",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    /// Out of numeric order in the spec (after `100101`), and collides with
    /// [`QqPlatformCode`](crate::QqPlatformCode)'s `100012` (not a POST request).
    100012 => ServiceTimeout {
        description: "服务超时错误！请联系相关开发人员",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Service timeout (contact the developers concerned)",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    111111 => UnknownError {
        description: "未知错误！请联系相关开发人员",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Unknown error (contact the developers concerned)",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    /// Judgement: the spec's handling is 重试一次 (retry once), hence `NetworkUnstable`; the
    /// description is a rate limit, so the normalised action is
    /// [`SlowDown`](crate::Action::SlowDown): an immediate retry would hit the same limit.
    99999 => RateLimited {
        description: "频率限制错误",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Rate limit error",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: SlowDown,
    },
    100021 => CsrfHashCheckFailed {
        description: "CSRF检测参数HASH校验",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "CSRF protection: the parameter HASH check failed",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
}
