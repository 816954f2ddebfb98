//! §8 手Q蓝钻礼包错误码: QQ blue-diamond gift pack codes.

use super::error_codes;

error_codes! {
    /// §8 手Q蓝钻礼包错误码: the QQ blue-diamond gift pack API, 10 codes.
    ///
    /// Several numbers collide with other tables (`-10002` is also [`LogicCode`](crate::LogicCode)'s
    /// invalid openid, `-1` is in four tables), so classify blue-diamond responses with
    /// [`Api::BlueDiamond`](crate::Api::BlueDiamond).
    ///
    /// The spec follows the table with a note that applies to every row whose handling is
    /// 重试一次 (retry once): "重试一次的，若还有问题请通过企业QQ（800013811）联系移动网游MSDK技术支持人员。"
    /// (if retrying once does not help, contact MSDK support through enterprise QQ 800013811).
    ///
    /// ```
    /// use msdk_error_codes::{Action, BlueDiamondCode, ErrType};
    ///
    /// let code = BlueDiamondCode::from_code(-10002).unwrap();
    /// assert_eq!(code, BlueDiamondCode::AccountNotFound);
    /// assert_eq!(code.description(), "账号不存在（OpenId->QQ转换失败）");
    /// assert_eq!(code.err_type(), ErrType::NetworkUnstable);
    /// assert_eq!(code.action(), Action::Retry);
    /// assert_eq!(i32::from(code), -10002);
    /// ```
    pub enum BlueDiamondCode in BlueDiamond as "blue_diamond";

    -10002 => AccountNotFound {
        description: "账号不存在（OpenId->QQ转换失败）",
        recommendation: "重试一次",
        description_en: "Account does not exist (converting the OpenID to a QQ number failed)",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    -20001 => SystemError {
        description: "系统错误",
        recommendation: "重试一次",
        description_en: "System error",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    -20002 => InternalInterfaceError {
        description: "内部接口返回错误",
        recommendation: "重试一次",
        description_en: "An internal interface returned an error",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    -1 => InvalidParameters {
        description: "传入参数错误",
        recommendation: "检查输入参数准确性",
        description_en: "Invalid input parameters",
        recommendation_en: "Check that the input parameters are correct.",
        err_type: Unknown,
        action: FixRequest,
    },
    /// Note: the signature is computed from the parameters, so check both.
    -2 => InvalidSignature {
        description: "签名错误",
        recommendation: "检查输入参数准确性",
        description_en: "Signature error",
        recommendation_en: "Check that the input parameters are correct.",
        err_type: Unknown,
        action: FixRequest,
    },
    /// The spec says to retry although the description reads like a configuration
    /// problem; the action follows the spec.
    -3 => IpNotAllowed {
        description: "非法ip访问",
        recommendation: "重试一次",
        description_en: "Access from an IP address that is not allowed",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    /// Note: the retry needs a fresh timestamp.
    -4 => TimestampExpired {
        description: "时间戳失效",
        recommendation: "重试一次",
        description_en: "The timestamp has expired",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    /// Note: the failure is deterministic (the gift is outside its opening hours), so a
    /// retry cannot help; the handling is the spec's.
    -5 => OutsideOpeningHours {
        description: "不在开放时间",
        recommendation: "重试一次",
        description_en: "Outside the gift's opening hours",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    -6 => SystemUnavailable {
        description: "系统非可用状态（可能为特殊原因临时维护，经各方确认后才会关停）",
        recommendation: "重试一次",
        description_en: "The system is unavailable (possibly temporary maintenance for special reasons; it is only shut down after all parties confirm)",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: Retry,
    },
    /// Judgement: the spec's handling is 重试一次 (retry once), hence `NetworkUnstable`; the
    /// description is a rate limit, so the normalised action is [`SlowDown`](crate::Action::SlowDown):
    /// an immediate retry would hit the same limit.
    -7 => CallLimitExceeded {
        description: "超过方法最大调用次数（频率限制）",
        recommendation: "重试一次",
        description_en: "The method's maximum number of calls was exceeded (rate limit)",
        recommendation_en: "Retry once; if it still fails, contact MSDK support (enterprise QQ 800013811).",
        err_type: NetworkUnstable,
        action: SlowDown,
    },
}
