//! §3 MSDK逻辑层错误码: MSDK logic layer codes.

use super::error_codes;

error_codes! {
    /// §3 MSDK逻辑层错误码: the MSDK logic layer behind the access layer, whose `ret` and
    /// `msg` the access layer passes through (spec §1 point 3), 44 codes: 42 of the page
    /// of 2015-10, and `-15000` and `-30005` added by its revision of 2016-03-30.
    ///
    /// The table mixes single codes with range rows that open a block of numbers:
    /// `-100` (system errors, -100 to -999), `-1000` (client errors, -1000 to -1999),
    /// `-2000` (server errors, -2000 to -9999), `-10000` (business errors), `-15000` (QQ
    /// OIDB business errors, -15000 to -19999, with the OIDB result in `msg` as `ret:N`:
    /// see [`OidbCode`](crate::OidbCode)), `-20000` (WeChat business errors) and `-30000`
    /// (LBS errors). The `-15000` block lies inside the `-10000` one; the newer row wins
    /// for it (see [`LogicRange`](crate::LogicRange)). In the spec "-10000以上" means
    /// from -10000 downwards (more negative), not numerically above. As a `ret` of its own,
    /// `-10000` carries a QQ platform error and `-20000` a WeChat platform error, with the
    /// platform's code and text in `msg` (spec §1 points 4 and 5): see
    /// [`QqPlatformError`](LogicCode::QqPlatformError) and
    /// [`WechatPlatformError`](LogicCode::WechatPlatformError).
    ///
    /// `1` is not an error but an empty query result. `-10010` to `-10014` are about a
    /// pre-registration whitelist, on which users claim a slot (抢号) to enter the game.
    /// `-20001` to `-20003` and `-20005` repeat `-10001` to `-10003` and `-10005` in the
    /// WeChat range. The spec does not tell apart the six msdk逻辑层内部错误 rows (`-101` to
    /// `-106`) nor the two 内部错误 rows (`-2001`, `-2002`), so their variants carry the number.
    ///
    /// Collisions: `0` is also success in [`AccessCode`](crate::AccessCode),
    /// [`WechatPlatformCode`](crate::WechatPlatformCode) and [`GameCenterCode`](crate::GameCenterCode); `-101` is also
    /// [`AccessCode::HttpParseFailed`](crate::AccessCode::HttpParseFailed) (both layers answer
    /// every API, so no `Api` context tells them apart; both say to retry once); `-10000` to
    /// `-10003` and `-10005` are also in [`WechatGroupCode`](crate::WechatGroupCode) (classify with [`Api::WechatGroup`](crate::Api::WechatGroup));
    /// `-10002`, `-20001` and `-20002` are also in
    /// [`BlueDiamondCode`](crate::BlueDiamondCode) (classify with [`Api::BlueDiamond`](crate::Api::BlueDiamond)).
    ///
    /// ```
    /// use msdk_error_codes::{Action, ErrType, LogicCode, QqPlatformCode};
    ///
    /// let code = LogicCode::from_code(-10000).unwrap();
    /// assert_eq!(code, LogicCode::QqPlatformError);
    /// assert_eq!(code.description(), "-10000以上为业务本身的错误");
    /// assert_eq!(code.err_type(), ErrType::Unknown);
    /// assert_eq!(code.action(), Action::ReadMessage);
    /// assert_eq!(i32::from(code), -10000);
    ///
    /// // The QQ platform's own code is in msg.
    /// let msg = "-73,the user modify password wrong";
    /// let (platform, _text) = msg.split_once(',').unwrap();
    /// let platform = QqPlatformCode::from_code(platform.parse().unwrap()).unwrap();
    /// assert_eq!(platform, QqPlatformCode::TokenInvalidatedByPasswordChange);
    /// ```
    pub enum LogicCode in Logic as "logic";

    /// The spec gives no handling; the action is inferred from the description.
    0 => Success {
        description: "成功",
        recommendation: "",
        description_en: "Success",
        recommendation_en: "None documented. The call succeeded: nothing to do.",
        err_type: Normal,
        action: NoAction,
    },
    /// Not an error: the query succeeded and found nothing.
    1 => EmptyResult {
        description: "查询结果为空，没数据",
        recommendation: "不需要处理",
        description_en: "The query result is empty: no data",
        recommendation_en: "No handling needed; treat it as an empty result.",
        err_type: Normal,
        action: NoAction,
    },
    /// Range row: opens the block -100 to -999 (system-level errors) rather than naming
    /// one error.
    -100 => SystemErrorRange {
        description: "-100到-999为系统级错误",
        recommendation: "",
        description_en: "Range marker: -100 to -999 are system-level errors",
        recommendation_en: "None documented. This row marks a range of codes, not a single error.",
        err_type: Unknown,
        action: Unspecified,
    },
    /// Collides with [`AccessCode::HttpParseFailed`](crate::AccessCode::HttpParseFailed)
    /// (解析http失败), which the spec lists out of order at the end of §2; both say to
    /// retry once.
    -101 => InternalError101 {
        description: "msdk逻辑层内部错误",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "MSDK logic layer internal error",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    -102 => InternalError102 {
        description: "msdk逻辑层内部错误",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "MSDK logic layer internal error",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    -103 => InternalError103 {
        description: "msdk逻辑层内部错误",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "MSDK logic layer internal error",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    -104 => InternalError104 {
        description: "msdk逻辑层内部错误",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "MSDK logic layer internal error",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    -105 => InternalError105 {
        description: "msdk逻辑层内部错误",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "MSDK logic layer internal error",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    -106 => InternalError106 {
        description: "msdk逻辑层内部错误",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "MSDK logic layer internal error",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    -109 => GuestModeFailed {
        description: "游客模式执行失败",
        recommendation: "请检查appid、appkey、accessToken、guestid准确性",
        description_en: "Guest mode execution failed",
        recommendation_en: "Check that the appid, appkey, accessToken and guestid are correct.",
        err_type: Unknown,
        action: FixRequest,
    },
    -110 => GuestVerificationFailed {
        description: "游客模式校验失败",
        recommendation: "请检查appid、appkey、accessToken、guestid准确性",
        description_en: "Guest mode verification failed",
        recommendation_en: "Check that the appid, appkey, accessToken and guestid are correct.",
        err_type: Unknown,
        action: FixRequest,
    },
    /// Range row: opens the block -1000 to -1999 (errors returned by the client) rather
    /// than naming one error.
    -1000 => ClientErrorRange {
        description: "-1000到-1999为客户端返回的错误",
        recommendation: "",
        description_en: "Range marker: -1000 to -1999 are errors returned by the client",
        recommendation_en: "None documented. This row marks a range of codes, not a single error.",
        err_type: Unknown,
        action: Unspecified,
    },
    -1011 => EmptyInputParameter {
        description: "输入参数为空",
        recommendation: "检查请求body中参数是否为空或int/string类型错误",
        description_en: "An input parameter is empty",
        recommendation_en: "Check whether parameters in the request body are empty or have the wrong type (int vs string).",
        err_type: Unknown,
        action: FixRequest,
    },
    /// Range row: opens the block -2000 to -9999 (errors returned by the server) rather
    /// than naming one error.
    -2000 => ServerErrorRange {
        description: "-2000~-9999以下为服务器返回的错误",
        recommendation: "",
        description_en: "Range marker: -2000 to -9999 are errors returned by the server",
        recommendation_en: "None documented. This row marks a range of codes, not a single error.",
        err_type: Unknown,
        action: Unspecified,
    },
    -2001 => InternalError2001 {
        description: "内部错误",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Internal error",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    -2002 => InternalError2002 {
        description: "内部错误",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Internal error",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    /// Judgement: the handling only states that the logic layer does not provide this
    /// interface, so the action assumes the caller asked for a command that does not exist.
    /// Compare [`AccessCode::CommandNotFoundInLogicLayer`](crate::AccessCode::CommandNotFoundInLogicLayer),
    /// where the spec sends the caller to MSDK support.
    -2003 => CommandNotFound {
        description: "命令不存在",
        recommendation: "msdk逻辑层未提供该接口",
        description_en: "The command does not exist",
        recommendation_en: "The MSDK logic layer does not provide this interface; call an interface it provides.",
        err_type: Unknown,
        action: FixRequest,
    },
    -2004 => BadPlatformResponse {
        description: "msdk逻辑层收到的平台响应包错误",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "The MSDK logic layer received a bad response packet from the platform",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    -2005 => EmptyPlatformResponseBody {
        description: "msdk逻辑层收到的平台http body为空",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "The platform's HTTP response to the MSDK logic layer has an empty body",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    -2006 => PlatformResponseJsonParseFailed {
        description: "msdk逻辑层收到的平台响应包json解析失败",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "The MSDK logic layer failed to parse the platform's response packet as JSON",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    -2007 => PlatformResponseMissingReturnValue {
        description: "msdk逻辑层收到的平台响应包返回值为空",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "The platform's response packet to the MSDK logic layer has an empty return value",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    -2008 => StDecodeFailed {
        description: "内部错误（ST解码失败）",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Internal error (decoding the ST ticket failed)",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    -2009 => A8DecodeFailed {
        description: "内部错误（A8解码失败）",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Internal error (decoding the A8 ticket failed)",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    /// The spec's description repeats 该业务 ("this app"): "该业务该业务配置"; kept verbatim.
    -2010 => AppConfigMissing {
        description: "内部错误（配置文件中找不到该业务该业务配置或配置错误）",
        recommendation: "确认该业务基本资料审核是否已经通过；若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Internal error (the app's configuration is missing from the config file, or is wrong)",
        recommendation_en: "Check that the app's basic information has passed review. If it fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: Unknown,
        action: CheckConfiguration,
    },
    /// Range row: "-10000以上" means from -10000 downwards (more negative); the codes after
    /// it are errors of the business itself. As a `ret` of its own, `-10000` is MSDK's
    /// carrier for a tunnelled QQ platform error (spec §1 point 4): `msg` holds
    /// "platform code,platform text", e.g. `"msg":"-73,the user modify password wrong"`.
    /// Look the number up in [`QqPlatformCode`](crate::QqPlatformCode).
    -10000 => QqPlatformError {
        description: "-10000以上为业务本身的错误",
        recommendation: "请参看msg中具体错误描述",
        description_en: "Business error (from -10000 downwards); as ret, a QQ platform error whose code and text are in msg",
        recommendation_en: "See the specific error description in msg, which holds the QQ platform's error as \"code,text\"; look the code up among the QQ platform codes.",
        err_type: Unknown,
        action: ReadMessage,
    },
    -10001 => InvalidQqNumber {
        description: "非法的qq号",
        recommendation: "必须要大于10000才是合法的号码",
        description_en: "Invalid QQ number",
        recommendation_en: "A valid QQ number must be greater than 10000.",
        err_type: Unknown,
        action: FixRequest,
    },
    -10002 => InvalidOpenid {
        description: "非法的openid",
        recommendation: "请确认传入的appid、openid是否正确，若还有疑问请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Invalid openid",
        recommendation_en: "Check that the appid and openid passed are correct; if in doubt, contact MSDK support (enterprise QQ 800013811).",
        err_type: Unknown,
        action: FixRequest,
    },
    -10003 => InvalidLoginType {
        description: "错误的登录方式",
        recommendation: "请确认是手Q（1）、微信（2）、游客模式（5）中的一种",
        description_en: "Wrong login type",
        recommendation_en: "Make sure the login type is one of QQ (1), WeChat (2) or guest mode (5).",
        err_type: Unknown,
        action: FixRequest,
    },
    -10005 => InternalException {
        description: "内部异常",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Internal exception",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    -10010 => WhitelistEntryExists {
        description: "白名单数据已经存在",
        recommendation: "正常返回，该用户已抢过号，不需要再抢。",
        description_en: "The user is already on the (pre-registration) whitelist",
        recommendation_en: "A normal return: the user has already claimed a slot on the whitelist and need not claim one again.",
        err_type: Normal,
        action: NoAction,
    },
    /// Judgement: the handling is to tell the user to come back later (稍后再来), after
    /// the whitelist's limit is raised; `err_type` follows the spec although the cause is a
    /// full whitelist, not the network. The action is
    /// [`RetryLater`](crate::Action::RetryLater), and the user must be told to come back.
    -10011 => WhitelistFull {
        description: "白名单数据已满",
        recommendation: "白名单总数据已达到上限，提示用户稍后再来抢号（扩大白名单上限后）",
        description_en: "The (pre-registration) whitelist is full",
        recommendation_en: "The whitelist has reached its total limit; tell the user to come back later to claim a slot (once the limit has been raised).",
        err_type: NetworkUnstable,
        action: RetryLater,
    },
    -10012 => NotOnWhitelist {
        description: "没有对应数据",
        recommendation: "该用户不在白名单列表中，需要抢号才能进入游戏",
        description_en: "No matching data: the user is not on the (pre-registration) whitelist",
        recommendation_en: "The user is not on the whitelist and must claim a slot to enter the game.",
        err_type: Unknown,
        action: InformUser,
    },
    -10013 => PermissionConfigMissing {
        description: "没有对应的权限配置",
        recommendation: "确认该业务基本资料审核是否已经通过；若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "No matching permission configuration",
        recommendation_en: "Check that the app's basic information has passed review. If it fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: Unknown,
        action: CheckConfiguration,
    },
    -10014 => WhitelistEntryExpired {
        description: "记录已过期",
        recommendation: "该用户白名单数据已过期，需要重新抢号",
        description_en: "The record has expired: the user's (pre-registration) whitelist entry",
        recommendation_en: "The user's whitelist entry has expired; the user must claim a slot again.",
        err_type: Unknown,
        action: InformUser,
    },
    /// Range row of the 2016 revision: opens the block -15000 to -19999 (QQ OIDB business
    /// errors), whose `msg` carries the OIDB result as `ret:N`; the handling points to the
    /// page's §9 (an internal wiki URL, kept verbatim). The block lies inside the first
    /// revision's `-10000以上` business range: the newer page wins for it.
    /// Judgement: the real cause is the OIDB code in `msg`, hence
    /// [`ReadMessage`](crate::Action::ReadMessage).
    -15000 => OidbErrorRange {
        description: "-15000~-19999为手Q平台OIDB相关的业务错误",
        recommendation: "具体请看http://wiki.dev.4g.qq.com/v2/ZH_CN/router/#!errorCode.md#9_OIDB统一返回错误码",
        description_en: "Range marker: -15000 to -19999 are QQ platform OIDB business errors",
        recommendation_en: "For details see http://wiki.dev.4g.qq.com/v2/ZH_CN/router/#!errorCode.md#9_OIDB统一返回错误码.",
        err_type: Unknown,
        action: ReadMessage,
    },
    /// Range row: "-20000以上" means from -20000 downwards (more negative); the codes after
    /// it are WeChat business errors. As a `ret` of its own, `-20000` is MSDK's carrier for
    /// a tunnelled WeChat platform error (spec §1 point 5): `msg` holds
    /// "platform code,platform text", e.g. `"msg":"40001,invalid credential"`. Look the
    /// number up in [`WechatPlatformCode`](crate::WechatPlatformCode).
    -20000 => WechatPlatformError {
        description: "-20000以上为微信业务错误",
        recommendation: "请参看msg中具体错误描述",
        description_en: "WeChat business error (from -20000 downwards); as ret, a WeChat platform error whose code and text are in msg",
        recommendation_en: "See the specific error description in msg, which holds the WeChat platform's error as \"code,text\"; look the code up among the WeChat platform codes.",
        err_type: Unknown,
        action: ReadMessage,
    },
    /// A QQ-number error in the WeChat range: the row repeats `-10001`, apparently copied.
    -20001 => WechatInvalidQqNumber {
        description: "非法的QQ号",
        recommendation: "必须要大于10000才是合法的号码",
        description_en: "Invalid QQ number (WeChat business error range)",
        recommendation_en: "A valid QQ number must be greater than 10000.",
        err_type: Unknown,
        action: FixRequest,
    },
    -20002 => WechatInvalidOpenid {
        description: "非法的openid",
        recommendation: "请确认传入的appid、openid是否正确，若还有疑问请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Invalid openid (WeChat business error range)",
        recommendation_en: "Check that the appid and openid passed are correct; if in doubt, contact MSDK support (enterprise QQ 800013811).",
        err_type: Unknown,
        action: FixRequest,
    },
    /// The spec writes 登陆 here but 登录 in `-10003`; kept verbatim.
    -20003 => WechatInvalidLoginType {
        description: "错误的登陆方式",
        recommendation: "请确认是手Q（1）、微信（2）、游客模式（5）中的一种",
        description_en: "Wrong login type (WeChat business error range)",
        recommendation_en: "Make sure the login type is one of QQ (1), WeChat (2) or guest mode (5).",
        err_type: Unknown,
        action: FixRequest,
    },
    -20004 => WechatInvalidAppid {
        description: "非法的appid",
        recommendation: "确认appid是否正确",
        description_en: "Invalid appid (WeChat business error range)",
        recommendation_en: "Check that the appid is correct.",
        err_type: Unknown,
        action: FixRequest,
    },
    -20005 => WechatInternalException {
        description: "内部异常",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Internal exception (WeChat business error range)",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    /// Range row: "-30000及以上" means -30000 and downwards (more negative): LBS
    /// (location-based service) errors.
    -30000 => LbsErrorRange {
        description: "-30000及以上为LBS错误",
        recommendation: "",
        description_en: "Range marker: -30000 and below are LBS (location-based service) errors",
        recommendation_en: "None documented. This row marks a range of codes, not a single error.",
        err_type: Unknown,
        action: Unspecified,
    },
    -30001 => LbsLocationFailed {
        description: "LBS位置信息失败",
        recommendation: "重试一次，若失败请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。",
        description_en: "Getting the LBS location information failed",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    /// Added in the 2016 revision, with no handling; the spec says nothing that implies one.
    -30005 => NearbyPlayersFetchFailed {
        description: "获取附近的人失败",
        recommendation: "",
        description_en: "Failed to get the people nearby",
        recommendation_en: "None documented.",
        err_type: Unknown,
        action: Unspecified,
    },
}
