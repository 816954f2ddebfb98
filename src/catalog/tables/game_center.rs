//! §6 手Q游戏中心错误码: QQ game center codes.

use super::error_codes;

error_codes! {
    /// §6 手Q游戏中心错误码: the QQ game center API (achievements, feeds, friends, red dots),
    /// 39 codes.
    ///
    /// Apart from `0` (success, also in the access, logic and WeChat platform tables) its
    /// numbers, `-4000` to `-4037`, are in no other table; classify game-center responses
    /// with [`Api::GameCenter`](crate::Api::GameCenter).
    ///
    /// `-4001` and `-4004` have the same description (参数缺失, a parameter is missing) and
    /// handling, and the spec does not tell them apart: they are
    /// [`MissingParameter4001`](GameCenterCode::MissingParameter4001) and
    /// [`MissingParameter4004`](GameCenterCode::MissingParameter4004). Several rows whose
    /// description is a request or configuration problem are told to retry; their err_type
    /// and action follow the spec and the row says so. The handling of `-4036` is cut off
    /// mid-word, and `-4012` and `-4031` share the terse handling 过期时间戳无效.
    ///
    /// ```
    /// use msdk_error_codes::{Action, ErrType, GameCenterCode};
    ///
    /// let code = GameCenterCode::from_code(-4009).unwrap();
    /// assert_eq!(code, GameCenterCode::RateLimitExceeded);
    /// assert_eq!(code.description(), "频率限制超过");
    /// assert_eq!(code.err_type(), ErrType::NetworkUnstable);
    /// assert_eq!(code.action(), Action::SlowDown);
    /// assert_eq!(i32::from(code), -4009);
    /// ```
    pub enum GameCenterCode in GameCenter as "game_center";

    0 => Success {
        description: "成功",
        recommendation: "",
        description_en: "Success",
        recommendation_en: "None documented. Success: nothing to do.",
        err_type: Normal,
        action: NoAction,
    },
    -4000 => HandlerCreationFailed {
        description: "创建处理逻辑失败",
        recommendation: "重试一次",
        description_en: "Failed to create the request-handling logic",
        recommendation_en: "Retry once.",
        err_type: NetworkUnstable,
        action: Retry,
    },
    -4001 => MissingParameter4001 {
        description: "参数缺失",
        recommendation: "检查输入参数准确性，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "A parameter is missing",
        recommendation_en: "Check that the input parameters are correct. If it fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: Unknown,
        action: FixRequest,
    },
    -4002 => SidParseFailed {
        description: "解析sid失败",
        recommendation: "重试一次",
        description_en: "Failed to parse the sid",
        recommendation_en: "Retry once.",
        err_type: NetworkUnstable,
        action: Retry,
    },
    -4003 => RedDotTimestampWriteFailed {
        description: "写小红点时间戳失败",
        recommendation: "重试一次",
        description_en: "Failed to write the red-dot (unread badge) timestamp",
        recommendation_en: "Retry once.",
        err_type: NetworkUnstable,
        action: Retry,
    },
    -4004 => MissingParameter4004 {
        description: "参数缺失",
        recommendation: "检查输入参数准确性，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "A parameter is missing",
        recommendation_en: "Check that the input parameters are correct. If it fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: Unknown,
        action: FixRequest,
    },
    -4005 => ServletHandlerNotCreated {
        description: "servlet服务没有创建处理逻辑",
        recommendation: "重试一次",
        description_en: "The servlet service did not create the request-handling logic",
        recommendation_en: "Retry once.",
        err_type: NetworkUnstable,
        action: Retry,
    },
    -4006 => RequiredParameterMissing {
        description: "必须参数缺失",
        recommendation: "检查输入参数准确性，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "A required parameter is missing",
        recommendation_en: "Check that the input parameters are correct. If it fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: Unknown,
        action: FixRequest,
    },
    -4007 => FetchAppFriendsFailed {
        description: "拉取应用好友失败",
        recommendation: "重试一次",
        description_en: "Failed to fetch the user's friends who use the app",
        recommendation_en: "Retry once.",
        err_type: NetworkUnstable,
        action: Retry,
    },
    -4008 => AccessTokenVerificationFailed {
        description: "验证AccessToken失败",
        recommendation: "重试一次",
        description_en: "Failed to verify the access token",
        recommendation_en: "Retry once.",
        err_type: NetworkUnstable,
        action: Retry,
    },
    -4009 => RateLimitExceeded {
        description: "频率限制超过",
        recommendation: "降低频率，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Rate limit exceeded",
        recommendation_en: "Lower the request rate. If it fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: SlowDown,
    },
    -4010 => UinLookupFailed {
        description: "获取UIN错误",
        recommendation: "确认appid、openid准确性，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Failed to get the uin (QQ number)",
        recommendation_en: "Check that the appid and openid are correct. If it fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: Unknown,
        action: FixRequest,
    },
    -4011 => OpenidLookupFailed {
        description: "获取open id错误",
        recommendation: "确认appid、openid准确性，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Failed to get the openid",
        recommendation_en: "Check that the appid and openid are correct. If it fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: Unknown,
        action: FixRequest,
    },
    /// The spec's handling, 过期时间戳无效 ("expired timestamp invalid"), restates the
    /// problem rather than saying what to do (`-4031` has the same text); the action is our
    /// reading of the description. Note: report achievement data only when it is greater
    /// than the stored value.
    -4012 => StaleAchievementData {
        description: "上报成就数据过期，只有比原来数据大才可上报",
        recommendation: "过期时间戳无效",
        description_en: "The reported achievement data is stale: only data greater than the stored value can be reported",
        recommendation_en: "The expiry timestamp is invalid.",
        err_type: Unknown,
        action: FixRequest,
    },
    /// 效验 is a typo for 校验 (verify), kept verbatim.
    -4013 => SkeyVerificationFailed {
        description: "效验skey失败",
        recommendation: "重新授权",
        description_en: "skey verification failed",
        recommendation_en: "Re-authorize: the user must log in again.",
        err_type: Reauthorize,
        action: Reauthorize,
    },
    /// 效验 is a typo for 校验 (verify), kept verbatim. The spec says to retry although
    /// the description reads like a configuration problem; the action follows the spec.
    -4014 => UserVerificationMethodNotSet {
        description: "没有设置如何效验用户身份",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "No method has been set for verifying the user's identity",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    -4015 => NoMatchingUri {
        description: "没有找到合适的uri",
        recommendation: "确认appid、接口名称准确性，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "No matching URI was found (unknown interface)",
        recommendation_en: "Check that the appid and the interface name are correct. If it fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: Unknown,
        action: FixRequest,
    },
    /// 效验 is a typo for 校验 (verify), kept verbatim. The spec says to retry although a
    /// wrong sig is usually deterministic (check how it is computed); err_type and action
    /// follow the spec.
    -4016 => InvalidSig {
        description: "请求参数sig效验错误",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Verification of the request parameter sig failed",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    -4017 => OpenidNotFound {
        description: "openid不存在",
        recommendation: "确认appid、openid准确性，若还有错误，联系msdk反馈给游戏中心开发",
        description_en: "The openid does not exist",
        recommendation_en: "Check that the appid and openid are correct; if the error persists, contact MSDK to pass it on to the game center developers.",
        err_type: Unknown,
        action: FixRequest,
    },
    -4018 => ServiceError {
        description: "服务异常",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Service error",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    -4019 => FetchAchievementsFailed {
        description: "拉取成就数据失败",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Failed to fetch achievement data",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    -4020 => PostFeedsFailed {
        description: "发feeds失败",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Failed to post feeds",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    -4021 => FetchProfileFailed {
        description: "获取个人信息失败",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Failed to get the user's profile",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    /// The spec says to retry although an invalid parameter is deterministic; err_type and
    /// action follow the spec.
    -4022 => InvalidParameter {
        description: "参数不合法",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Invalid parameter",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    -4023 => GetFeedsFailed {
        description: "获取feeds失败",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Failed to get feeds",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    /// The spec says to retry although an empty play history will not change on a retry;
    /// err_type and action follow the spec.
    -4024 => NoRecentlyPlayedGames {
        description: "没有最近玩的游戏",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "The user has no recently played games",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    -4025 => FetchRecentGamesFailed {
        description: "获取最近玩的游戏失败",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Failed to get the recently played games",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    /// The spec says to retry although the description reads like a configuration
    /// problem; the action follows the spec.
    -4026 => AppNotConfigured {
        description: "应用在db里无配置",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "The app has no configuration in the database",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    -4027 => PullFeedsFailed {
        description: "拉取feeds失败",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Failed to pull (fetch) feeds",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    -4028 => JsonParseFailed {
        description: "解析json失败",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Failed to parse the JSON",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    /// Note: 会员 (member) most likely means a QQ VIP membership here.
    -4029 => MemberChallengeStartReportFailed {
        description: "会员上报挑战开始信息失败",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "The member's report of the challenge start failed",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    -4030 => GameChallengeStartReportFailed {
        description: "游戏上报挑战开始信息失败",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Failed to report the start of a challenge on the game side",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    /// The spec's handling, 过期时间戳无效 ("expired timestamp invalid"), is the same as
    /// `-4012`'s and does not match this description (start/end order); the action is our
    /// reading of the description. Note: send a start timestamp earlier than the end
    /// timestamp.
    -4031 => InvalidTimeRange {
        description: "时间戳非法,起始要小于结束",
        recommendation: "过期时间戳无效",
        description_en: "Invalid timestamps: the start must be earlier than the end",
        recommendation_en: "The expiry timestamp is invalid.",
        err_type: Unknown,
        action: FixRequest,
    },
    -4032 => AppidVerificationFailed {
        description: "appid校验失败",
        recommendation: "确认appid准确性，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "The appid failed verification",
        recommendation_en: "Check that the appid is correct. If it fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: Unknown,
        action: FixRequest,
    },
    /// The spec says to retry although a missing or invalid field is a request problem;
    /// err_type and action follow the spec.
    -4033 => MissingOrInvalidParamField {
        description: "URL中无param字段或字段不合法",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "The URL has no param field, or the field is invalid",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    /// The spec says to retry although a missing or invalid field is a request problem;
    /// err_type and action follow the spec.
    -4034 => MissingOrInvalidListField {
        description: "json中无list字段或字段不合法",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "The JSON has no list field, or the field is invalid",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    -4035 => MissingOrInvalidTypeOrDataField {
        description: "json中无type或无data字段,或字段不合法(data不能留空)",
        recommendation: "确认请求参数data准确性，data不能留空",
        description_en: "The JSON has no type or no data field, or a field is invalid (data must not be empty)",
        recommendation_en: "Check that the data request parameter is correct; data must not be empty.",
        err_type: Unknown,
        action: FixRequest,
    },
    /// The spec's handling is cut off mid-word ("…联系移动网游MSDK技", where the other rows
    /// read 技术支持人员); kept verbatim.
    -4036 => UinVerificationFailed {
        description: "uin校验失败",
        recommendation: "确认appid、openid准确性，若失败请通过企业QQ（800013811）联系移动网游MSDK技",
        description_en: "The uin failed verification",
        recommendation_en: "Check that the appid and openid are correct. If it fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: Unknown,
        action: FixRequest,
    },
    -4037 => InvalidExpires {
        description: "expires字段无效(是绝对过期时间戳,如1398575082)",
        recommendation: "确认过期时间参数准确性",
        description_en: "The expires field is invalid (it must be an absolute expiry timestamp, e.g. 1398575082)",
        recommendation_en: "Check that the expiry time parameter is correct.",
        err_type: Unknown,
        action: FixRequest,
    },
}
