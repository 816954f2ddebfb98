//! §9 OIDB统一返回错误码: OIDB's unified codes and the codes of the QQ login PayToken (`0x73a`) and accessToken (`0x711`) checks, carried in `msg` as `ret:N` when MSDK answers `-15000`..`-19999`.

use super::error_codes;

error_codes! {
    /// §9 OIDB统一返回错误码, table 1 (OIDB统一返回错误码): OIDB's unified return codes, common
    /// to its commands, 29 codes.
    ///
    /// These codes never arrive in `ret`. The section's intro: when the MSDK error code is in
    /// -15000~19999 (so written; the range is `-15000` to `-19999`), the call to OIDB failed, and
    /// the `ret` in the `msg` says why, e.g. `ret:-103 msg:oidb decode0x73a failed, ret:17`: look
    /// up the number after the last `ret:` (here `17`) in the tables. The command in `msg` names
    /// the command-specific table: `0x73a` is [`PayTokenCode`], `0x711` is [`AccessTokenCode`].
    /// The intro writes 图标 (icon) for 图表 (table), and its example's leading `ret:-103` lies
    /// outside the range it describes; the spec does not explain it.
    ///
    /// The spec gives each code three times: hex (a byte), signed decimal and unsigned decimal
    /// (`0xff`, `-1`, `255`). Each row carries both decimal forms; `code()` is the signed one.
    /// `0x70`, `0x71` and `0x73` are below `0x80` yet listed as signed `-144`, `-143` and `-141`
    /// (the unsigned value minus 256); the codes follow the spec's signed column. `5` (`0x5`) is
    /// the only code whose two forms are the same.
    ///
    /// The table has no 推荐处理 (handling) column: `recommendation` is empty, `err_type` is
    /// [`Unknown`](crate::ErrType::Unknown) on every row and `action` is the crate's reading of
    /// the description. Several descriptions link to Tencent-internal sites (`oa.com`,
    /// `server.com`) that outsiders cannot open; they are kept verbatim.
    ///
    /// Numbers that collide with other tables: `-1` to `-7` are also
    /// [`QqPlatformCode`](crate::QqPlatformCode)s and [`BlueDiamondCode`](crate::BlueDiamondCode)s
    /// (`-1` is in both WeChat tables too), `-20` is a `QqPlatformCode`, `-101` to `-106`, `-109`
    /// and `-110` are [`LogicCode`](crate::LogicCode)s, and `-101` and `-107` are
    /// [`AccessCode`](crate::AccessCode)s. A number taken from the `msg` of a `-15000`..`-19999`
    /// response is an OIDB code. No number of this table, in either form, is a code of
    /// [`PayTokenCode`] or [`AccessTokenCode`].
    ///
    /// ```
    /// use msdk_error_codes::{Action, ErrType, OidbCode};
    ///
    /// let code = OidbCode::from_code(-103).unwrap();
    /// assert_eq!(code, OidbCode::FrequencyLimitExceeded);
    /// assert_eq!(code.description(), "接口调用已超过申请的频率上限, 请在单子中申请调整频率");
    /// assert_eq!(code.recommendation(), "");
    /// assert_eq!(code.err_type(), ErrType::Unknown);
    /// assert_eq!(code.action(), Action::SlowDown);
    /// assert_eq!(i32::from(code), -103);
    ///
    /// // 0xff: the code is the signed form.
    /// let code = OidbCode::from_code(-1).unwrap();
    /// assert_eq!(code, OidbCode::AddressingFailed);
    /// assert!(code.description().starts_with("分两种情况: 1. OIDB寻址失败"));
    /// assert_eq!(code.action(), Action::CheckConfiguration);
    /// assert_eq!(i32::from(code), -1);
    /// ```
    pub enum OidbCode in Oidb as "oidb";

    /// The spec gives no handling; the action is the crate's reading of the description.
    ///
    /// Judgement: the description names two causes, an addressing failure (configuration, as in
    /// `-20`) and a uin that was never allocated (a wrong account in the request); the first
    /// cause, which names the variant, decides.
    ///
    /// The spec runs the two cases together without a separator (`OIDB寻址失败2. 后端…`); the text is
    /// kept.
    -1 | 255 => AddressingFailed {
        description: "分两种情况: 1. OIDB寻址失败2. 后端认为uin为保留号码或者超过当前最大uin，也就是业务部门过来的uin并没有生成",
        recommendation: "",
        description_en: "Two cases: 1. OIDB addressing failed; 2. the backend considers the uin a reserved number or above the current maximum uin, i.e. the uin passed on by the business was never allocated",
        recommendation_en: "None documented. Either the command's addressing is not configured or the uin does not exist: check the command's OIDB configuration and the account.",
        err_type: Unknown,
        action: CheckConfiguration,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    -2 | 254 => UinDbUnderMaintenance {
        description: "uin所在的db处于维护状态，暂时不能提供服务",
        recommendation: "",
        description_en: "The database holding the uin is under maintenance and temporarily cannot serve requests",
        recommendation_en: "None documented. The uin's database is under maintenance: try again later.",
        err_type: Unknown,
        action: RetryLater,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    ///
    /// Judgement: 互动号码 (interactive number) is a class of account, like the B/BC-class numbers
    /// of `-5`/`-4`: the command cannot serve it, so `InformUser`.
    -3 | 253 => InteractiveUinNotAllowed {
        description: "uin为互动号码，该命令不允许对互动号码操作",
        recommendation: "",
        description_en: "The uin is an interactive number; this command may not operate on interactive numbers",
        recommendation_en: "None documented. The command does not serve this kind of account; retrying will not help.",
        err_type: Unknown,
        action: InformUser,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    -101 | 155 => BackendSendFailed {
        description: "发送给后端Server失败(一般为IP/端口配置错误)",
        recommendation: "",
        description_en: "Sending to the backend server failed (usually a wrong IP/port configuration)",
        recommendation_en: "None documented. Usually the backend's IP/port configuration is wrong: check it.",
        err_type: Unknown,
        action: CheckConfiguration,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    -102 | 154 => Timeout {
        description: "表示该命令执行时间过长或者由于网络原因超时",
        recommendation: "",
        description_en: "The command took too long to execute or timed out because of the network",
        recommendation_en: "None documented. The command timed out: retry once.",
        err_type: Unknown,
        action: Retry,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    ///
    /// The description itself says what to do (请在单子中申请调整频率, apply in the request form to adjust
    /// the frequency); it is in the 错误描述 column, so `recommendation` stays empty.
    -103 | 153 => FrequencyLimitExceeded {
        description: "接口调用已超过申请的频率上限, 请在单子中申请调整频率",
        recommendation: "",
        description_en: "The calls exceed the frequency limit applied for; apply in the request form to adjust the frequency",
        recommendation_en: "None documented. The calls exceed the rate limit: slow down, or apply for a higher limit.",
        err_type: Unknown,
        action: SlowDown,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    ///
    /// The URLs (`oidb.server.com`, `testuin.oa.com`) are Tencent-internal: outsiders cannot
    /// open them. They are kept verbatim.
    -104 | 152 => TestUinRequired {
        description: "测试系统没有用测试号码访问，请在这里自助添加测试号码http://oidb.server.com/#serviceGroup.selfServiceMainPanel或者在testuin.oa.com申请测试号码",
        recommendation: "",
        description_en: "The test system was not accessed with a test number; add test numbers by self-service at http://oidb.server.com/#serviceGroup.selfServiceMainPanel or apply for one at testuin.oa.com",
        recommendation_en: "None documented. Access the test system with a registered test number.",
        err_type: Unknown,
        action: CheckConfiguration,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    ///
    /// 登陆 is the spec's spelling of 登录 (log in); the text is kept.
    -105 | 151 => LoginStateVerificationFailed {
        description: "登陆态验证失败",
        recommendation: "",
        description_en: "Login state verification failed",
        recommendation_en: "None documented. The login state is not valid: the user must log in again.",
        err_type: Unknown,
        action: Reauthorize,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    ///
    /// The URL (`km.oa.com`) is Tencent-internal: outsiders cannot open it. It is kept
    /// verbatim.
    -106 | 150 => PermissionNotApplied {
        description: "业务没有申请权限，对照这里排查http://km.oa.com/group/oidb/articles/show/133650",
        recommendation: "",
        description_en: "The business has not applied for the permission; check against http://km.oa.com/group/oidb/articles/show/133650",
        recommendation_en: "None documented. Apply for the command's permission.",
        err_type: Unknown,
        action: CheckConfiguration,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    -107 | 149 => UinBlacklisted {
        description: "uin黑名单限制",
        recommendation: "",
        description_en: "Restricted by the uin blacklist",
        recommendation_en: "None documented. The account is blacklisted; retrying will not help.",
        err_type: Unknown,
        action: InformUser,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    -108 | 148 => IpBlacklisted {
        description: "ip黑名单限制",
        recommendation: "",
        description_en: "Restricted by the IP blacklist",
        recommendation_en: "None documented. The calling IP address is blacklisted: check the server's IP configuration.",
        err_type: Unknown,
        action: CheckConfiguration,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    -109 | 147 => RequestTooLarge {
        description: "请求包过大",
        recommendation: "",
        description_en: "The request packet is too large",
        recommendation_en: "None documented. Send a smaller request.",
        err_type: Unknown,
        action: FixRequest,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    ///
    /// The URL (`km.oa.com`) is Tencent-internal: outsiders cannot open it. It is kept
    /// verbatim.
    -110 | 146 => OpenPermissionDenied {
        description: "OPEN业务无权限, 请参考http://km.oa.com/group/oidb/articles/show/143284申请Open的访问权限",
        recommendation: "",
        description_en: "No permission for the OPEN business; see http://km.oa.com/group/oidb/articles/show/143284 to apply for Open access permission",
        recommendation_en: "None documented. Apply for Open access permission.",
        err_type: Unknown,
        action: CheckConfiguration,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    -111 | 145 => UnpackError {
        description: "解包错误",
        recommendation: "",
        description_en: "Unpacking error",
        recommendation_en: "None documented. The packet could not be unpacked: check the request's format.",
        err_type: Unknown,
        action: FixRequest,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    ///
    /// The spec lists hex `0x70` as signed `-144`, unsigned `112`: as a signed byte 0x70 is
    /// 112, and -144 is 112 − 256 (likewise `0x71` and `0x73`). The code is the spec's signed
    /// column, `-144`.
    -144 | 112 => UinFrozen {
        description: "后端系统回包: uin被冻结",
        recommendation: "",
        description_en: "Backend system reply: the uin is frozen",
        recommendation_en: "None documented. The account is frozen; retrying will not help.",
        err_type: Unknown,
        action: InformUser,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    ///
    /// The spec lists hex `0x71` as signed `-143`, unsigned `113`: as a signed byte 0x71 is
    /// 113, and -143 is 113 − 256. The code is the spec's signed column, `-143`.
    -143 | 113 => EmployeeProtectedAccount {
        description: "后端系统回包: 员工帐号保护系统号码",
        recommendation: "",
        description_en: "Backend system reply: a number of the employee account protection system",
        recommendation_en: "None documented. The account is protected; retrying will not help.",
        err_type: Unknown,
        action: InformUser,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    ///
    /// The spec lists hex `0x73` as signed `-141`, unsigned `115`: as a signed byte 0x73 is
    /// 115, and -141 is 115 − 256. The code is the spec's signed column, `-141`. `0x72` is not
    /// listed.
    -141 | 115 => AdvancedProtectedAccount {
        description: "后端系统回包: 高级保护系统号码",
        recommendation: "",
        description_en: "Backend system reply: a number of the advanced protection system",
        recommendation_en: "None documented. The account is protected; retrying will not help.",
        err_type: Unknown,
        action: InformUser,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    -55 | 201 => GroupServerReadOnly {
        description: "后端系统回包: 群server正在进行运维操作，限制机器为只读",
        recommendation: "",
        description_en: "Backend system reply: the group server is under maintenance and its machines are restricted to read-only",
        recommendation_en: "None documented. The group server is under maintenance: try again later.",
        err_type: Unknown,
        action: RetryLater,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    -54 | 202 => UnknownPacketType {
        description: "后端系统回包: 收到未知类型的包",
        recommendation: "",
        description_en: "Backend system reply: received a packet of unknown type",
        recommendation_en: "None documented. The backend did not recognise the packet: check the request.",
        err_type: Unknown,
        action: FixRequest,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    -53 | 203 => InvalidRequestField {
        description: "后端系统回包: 请求包字段错误，比如群号填写超出了群server的服务范围",
        recommendation: "",
        description_en: "Backend system reply: a field of the request packet is wrong, e.g. the group number is outside the group server's service range",
        recommendation_en: "None documented. Check the request's fields.",
        err_type: Unknown,
        action: FixRequest,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    -52 | 204 => GroupBanned {
        description: "后端系统回包: 群被安全中心封停",
        recommendation: "",
        description_en: "Backend system reply: the group has been banned by the security center",
        recommendation_en: "None documented. The group is banned; retrying will not help.",
        err_type: Unknown,
        action: InformUser,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    -20 | 236 => BackendAddressingFailed {
        description: "寻址后端Server失败(一般是命令字没有配置寻址方式)",
        recommendation: "",
        description_en: "Addressing the backend server failed (usually no addressing method is configured for the command)",
        recommendation_en: "None documented. Configure the command's addressing method.",
        err_type: Unknown,
        action: CheckConfiguration,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    ///
    /// Judgement: the spec does not say what a B-class (B类) number is; it reads as a class of
    /// account the command refuses, so `InformUser`.
    -5 | 251 => ClassBUserNumber {
        description: "访问B类用户号码",
        recommendation: "",
        description_en: "Access to a class-B user number",
        recommendation_en: "None documented. The command does not serve this kind of account; retrying will not help.",
        err_type: Unknown,
        action: InformUser,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    ///
    /// Judgement: the spec does not say what a BC-class (BC类) number is; it reads as a class of
    /// account the command refuses, so `InformUser`.
    -4 | 252 => ClassBcUserNumber {
        description: "访问BC类用户号码",
        recommendation: "",
        description_en: "Access to a class-BC user number",
        recommendation_en: "None documented. The command does not serve this kind of account; retrying will not help.",
        err_type: Unknown,
        action: InformUser,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    ///
    /// Judgement: the description says 请稍后再试 (try again later), which reads as `RetryLater`,
    /// but the cause is a rate limit, so `SlowDown`, as for `-103`.
    -51 | 205 => TestEnvironmentFrequencyLimitExceeded {
        description: "测试环境访问频率超过限制值(请稍后再试)",
        recommendation: "",
        description_en: "The access frequency in the test environment exceeds the limit (please try again later)",
        recommendation_en: "None documented. The test environment's rate limit was exceeded: slow down and try again later.",
        err_type: Unknown,
        action: SlowDown,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    ///
    /// `5` has the same first words (命令未配置, command not configured) with another cause.
    -63 | 193 => CommandNotConfiguredAsProtobuf {
        description: "命令未配置(一般是没有配置为ProtoBuf命令)",
        recommendation: "",
        description_en: "The command is not configured (usually it is not configured as a ProtoBuf command)",
        recommendation_en: "None documented. Configure the command as a ProtoBuf command.",
        err_type: Unknown,
        action: CheckConfiguration,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    ///
    /// The only code of the table whose signed and unsigned forms are the same (`0x5 | 5 | 5`).
    ///
    /// The URL (`qq.server.com`) is Tencent-internal: outsiders cannot open it. It is kept
    /// verbatim.
    5 => CommandNotConfiguredInOidb {
        description: "命令未配置(一般是命令字没有配置到OIDB后台, 请自助配置:http://qq.server.com/oidb/addproto/)",
        recommendation: "",
        description_en: "The command is not configured (usually the command has not been configured in the OIDB backend; configure it by self-service: http://qq.server.com/oidb/addproto/)",
        recommendation_en: "None documented. Configure the command in the OIDB backend.",
        err_type: Unknown,
        action: CheckConfiguration,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    -6 | 250 => TestEnvironmentCommandForbidden {
        description: "测试环境禁止访问该命令, 请申请正式环境的权限",
        recommendation: "",
        description_en: "The test environment may not access this command; apply for production environment permission",
        recommendation_en: "None documented. Apply for the command's production permission.",
        err_type: Unknown,
        action: CheckConfiguration,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    ///
    /// 转抱 is the spec's typo for 转包 (forward the packet); the text is kept.
    -7 | 249 => TestForwardingNotConfigured {
        description: "测试环境没有配置测试转包, 该命令不允许转抱到正式环境",
        recommendation: "",
        description_en: "The test environment has no test forwarding configured; this command may not be forwarded to the production environment",
        recommendation_en: "None documented. Configure test forwarding for the test environment.",
        err_type: Unknown,
        action: CheckConfiguration,
    },
}

error_codes! {
    /// §9 OIDB统一返回错误码, table 2 (手Q登陆接口PayToken校验(0x73a)返回错误码): results of
    /// OIDB command `0x73a`, the QQ login's pay token check, 13 codes.
    ///
    /// Like [`OidbCode`], these arrive as `ret:N` in the `msg` of an MSDK response whose `ret` is
    /// in `-15000`..`-19999`; they are this table's when `msg` names the command `0x73a` (the
    /// spec's example: `oidb decode0x73a failed, ret:17`). The spec lists hex, signed and
    /// unsigned decimal; every code is non-negative and its two decimal forms are the same, so
    /// each row has one number. 登陆 in the title is the spec's spelling of 登录 (log in).
    ///
    /// `0` is the check's success ([`Normal`](crate::ErrType::Normal)); the table has no
    /// 推荐处理 (handling) column, so every other row is [`Unknown`](crate::ErrType::Unknown)
    /// and its `action` is the crate's reading of the description.
    ///
    /// Numbers that collide with other tables: `16` to `20` are also [`AccessTokenCode`]s
    /// (`0x10` to `0x14`) with other meanings (`17` is an expired pay token here, an invalid appid
    /// there), so the command in `msg` decides the table; `0` is the success code of several
    /// tables, and `16`, `21` to `24` and `27` are also [`QqShareCode`](crate::QqShareCode)s.
    ///
    /// ```
    /// use msdk_error_codes::{Action, ErrType, PayTokenCode};
    ///
    /// // The spec's example: ret:-103 msg:oidb decode0x73a failed, ret:17
    /// let msg = "oidb decode0x73a failed, ret:17";
    /// assert!(msg.contains("0x73a"));
    /// let (_, number) = msg.rsplit_once("ret:").unwrap();
    /// let code = PayTokenCode::from_code(number.parse().unwrap()).unwrap();
    /// assert_eq!(code, PayTokenCode::PayTokenExpired);
    /// assert_eq!(code.description(), "pay token已过期");
    /// assert_eq!(code.err_type(), ErrType::Unknown);
    /// assert_eq!(code.action(), Action::Reauthorize);
    /// assert_eq!(i32::from(code), 17);
    ///
    /// assert_eq!(PayTokenCode::from_code(0).unwrap().err_type(), ErrType::Normal);
    /// ```
    pub enum PayTokenCode in PayToken as "pay_token";

    /// The spec gives no handling; code 0 is the check's success.
    0 => Success {
        description: "成功",
        recommendation: "",
        description_en: "Success",
        recommendation_en: "None documented. The check succeeded: nothing to do.",
        err_type: Normal,
        action: NoAction,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    16 => PayTokenInvalid {
        description: "pay token失效（用户取消授权或过期被回收）",
        recommendation: "",
        description_en: "The pay token is no longer valid (the user cancelled the authorization, or it expired and was reclaimed)",
        recommendation_en: "None documented. The pay token is no longer valid: the user must authorize again.",
        err_type: Unknown,
        action: Reauthorize,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    17 => PayTokenExpired {
        description: "pay token已过期",
        recommendation: "",
        description_en: "The pay token has expired",
        recommendation_en: "None documented. The pay token has expired: the user must authorize again.",
        err_type: Unknown,
        action: Reauthorize,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    18 => PayTokenRevoked {
        description: "pay token已废除(生成新的paytoken会导致旧的废除)",
        recommendation: "",
        description_en: "The pay token has been revoked (generating a new pay token revokes the old one)",
        recommendation_en: "None documented. The pay token was replaced by a newer one: use the newest pay token, or have the user authorize again.",
        err_type: Unknown,
        action: Reauthorize,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    19 => AppidTokenMismatch {
        description: "appid与token不匹配",
        recommendation: "",
        description_en: "The appid and the token do not match",
        recommendation_en: "None documented. Send the token issued for this appid.",
        err_type: Unknown,
        action: FixRequest,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    20 => InvalidOpenidLength {
        description: "openid长度不对（长度应该为16，二进制buffer格式）",
        recommendation: "",
        description_en: "The openid has the wrong length (it should be 16, in binary buffer format)",
        recommendation_en: "None documented. Check the openid sent.",
        err_type: Unknown,
        action: FixRequest,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    21 => InvalidOpenid {
        description: "openid非法",
        recommendation: "",
        description_en: "Invalid openid",
        recommendation_en: "None documented. Check the openid sent.",
        err_type: Unknown,
        action: FixRequest,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    ///
    /// Judgement: a recycled (被回收, reclaimed) openid is an account state the business must live
    /// with, so `InformUser`; the spec does not say why an openid is recycled.
    22 => OpenidRecycled {
        description: "openid被回收",
        recommendation: "",
        description_en: "The openid has been recycled",
        recommendation_en: "None documented. The openid no longer belongs to an account; retrying will not help.",
        err_type: Unknown,
        action: InformUser,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    ///
    /// Judgement: the description says to ask the person in charge (负责人) for the cause, so
    /// `ContactSupport`.
    23 => OpenidVerificationOtherFailure {
        description: "验证openid返回其他失败（需要找负责人查具体原因）",
        recommendation: "",
        description_en: "Verifying the openid returned another failure (the person in charge must be asked for the specific cause)",
        recommendation_en: "None documented. Ask support for the cause.",
        err_type: Unknown,
        action: ContactSupport,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    24 => OpenidTokenMismatch {
        description: "openid与token不匹配",
        recommendation: "",
        description_en: "The openid and the token do not match",
        recommendation_en: "None documented. Send the token issued for this openid.",
        err_type: Unknown,
        action: FixRequest,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    27 => InvalidAppid {
        description: "appid非法",
        recommendation: "",
        description_en: "Invalid appid",
        recommendation_en: "None documented. Check the appid sent.",
        err_type: Unknown,
        action: FixRequest,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    ///
    /// Judgement: a token that cannot be decrypted is not one the platform issued (corrupted or
    /// truncated, or sent in the wrong field), unlike the expired or revoked tokens of
    /// `16`–`18`, so `FixRequest`.
    94 => InvalidPayToken {
        description: "pay token非法（解密失败）",
        recommendation: "",
        description_en: "Invalid pay token (decryption failed)",
        recommendation_en: "None documented. The pay token could not be decrypted: check the pay token sent.",
        err_type: Unknown,
        action: FixRequest,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    101 => TokenInvalidatedByPasswordChange {
        description: "用户改密token失效",
        recommendation: "",
        description_en: "The token was invalidated because the user changed the password",
        recommendation_en: "None documented. The user changed the password: the user must authorize again.",
        err_type: Unknown,
        action: Reauthorize,
    },
}

error_codes! {
    /// §9 OIDB统一返回错误码, table 3 (手Q登陆接口accessToken校验(0x711)返回错误码): results
    /// of OIDB command `0x711`, the QQ login's access token check, 26 rows.
    ///
    /// Like [`PayTokenCode`], these arrive as `ret:N` in the `msg` of an MSDK response whose
    /// `ret` is in `-15000`..`-19999`; they are this table's when `msg` names the command
    /// `0x711`. The spec writes these codes in hex only (`0x11` is 17); some of its cells end in a
    /// colon (`0x00:`), which is not part of the code.
    ///
    /// Five rows are ranges (`0x10~0x11`, `0x13~0x14`, `0x24~0x25`, `0x32~0x36`, `0x37~0x38`):
    /// each is one variant, found by every number of its range, whose `code()` is the first. The
    /// 26 rows document 34 numbers. Some descriptions repeat: 系统内部错误 (internal system error:
    /// `0x01`, `0x13~0x14`, `0x24~0x25`) and openid被回收 (openid recycled: `0x27`, `0x53`);
    /// those variants carry their numbers in their names.
    ///
    /// `0x00` is the check's success ([`Normal`](crate::ErrType::Normal)); the table has no
    /// 推荐处理 (handling) column, so every other row is [`Unknown`](crate::ErrType::Unknown)
    /// and its `action` is the crate's reading of the description. 登陆 in the title is the
    /// spec's spelling of 登录 (log in).
    ///
    /// Numbers that collide with other tables: `0x10` to `0x14` (16 to 20) are also
    /// [`PayTokenCode`]s with other meanings, so the command in `msg` decides the table; `0` is
    /// the success code of several tables, `1` is a [`LogicCode`](crate::LogicCode), and `0x10`
    /// and `0x20` to `0x26` (16, 32 to 38) are also [`QqShareCode`](crate::QqShareCode)s.
    ///
    /// ```
    /// use msdk_error_codes::{AccessTokenCode, Action, ErrType, PayTokenCode};
    ///
    /// // A range row: 0x10~0x11 Appid非法.
    /// let code = AccessTokenCode::from_code(0x11).unwrap();
    /// assert_eq!(code, AccessTokenCode::InvalidAppid);
    /// assert_eq!(code.code(), 0x10);
    /// assert_eq!(AccessTokenCode::from_code(0x10), Some(code));
    /// assert_eq!(code.description(), "Appid非法");
    /// assert_eq!(code.err_type(), ErrType::Unknown);
    /// assert_eq!(code.action(), Action::FixRequest);
    /// assert_eq!(i32::from(code), 0x10);
    ///
    /// // The same number in the 0x73a table is another error.
    /// assert_eq!(PayTokenCode::from_code(0x11), Some(PayTokenCode::PayTokenExpired));
    /// ```
    pub enum AccessTokenCode in AccessToken as "access_token";

    /// The spec gives no handling; code 0 is the check's success.
    0x00 => Success {
        description: "成功",
        recommendation: "",
        description_en: "Success",
        recommendation_en: "None documented. The check succeeded: nothing to do.",
        err_type: Normal,
        action: NoAction,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    ///
    /// `0x13`–`0x14` and `0x24`–`0x25` say 系统内部错误 (internal system error) too; the spec does
    /// not tell them apart, so each variant carries its numbers.
    0x01 => InternalError01 {
        description: "失败(系统内部错误)",
        recommendation: "",
        description_en: "Failure (internal system error)",
        recommendation_en: "None documented. An internal error: retry once.",
        err_type: Unknown,
        action: Retry,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    ///
    /// Range row: one variant for the numbers `0x10` and `0x11`; lookup of either finds it, and
    /// `code()` is `0x10`.
    0x10..=0x11 => InvalidAppid {
        description: "Appid非法",
        recommendation: "",
        description_en: "Invalid appid",
        recommendation_en: "None documented. Check the appid sent.",
        err_type: Unknown,
        action: FixRequest,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    ///
    /// Judgement: reading the third party's (the app's) information is a step of the platform's
    /// own, so its failure reads as an internal error like `0x13`–`0x14`, hence `Retry`. It may
    /// also mean the app is not registered; the spec does not say.
    0x12 => ThirdPartyInfoReadFailed {
        description: "读取第三方信息失败",
        recommendation: "",
        description_en: "Failed to read the third-party information",
        recommendation_en: "None documented. A read failure on the platform side: retry once.",
        err_type: Unknown,
        action: Retry,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    ///
    /// Range row: one variant for the numbers `0x13` and `0x14`; lookup of either finds it, and
    /// `code()` is `0x13`. Same description as `0x01` and `0x24`–`0x25`.
    0x13..=0x14 => InternalError13To14 {
        description: "系统内部错误",
        recommendation: "",
        description_en: "Internal system error",
        recommendation_en: "None documented. An internal error: retry once.",
        err_type: Unknown,
        action: Retry,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    ///
    /// `0x2e` and `0x32`–`0x36` are also 非法 (invalid) openids, with a qualifier.
    0x20 => InvalidOpenid {
        description: "openid非法",
        recommendation: "",
        description_en: "Invalid openid",
        recommendation_en: "None documented. Check the openid sent.",
        err_type: Unknown,
        action: FixRequest,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    ///
    /// Judgement: an invalid (非法) value in the request, as for the openid, so `FixRequest`; an
    /// expired openkey is `0x23`.
    /// [`QqPlatformCode::InvalidOpenkey`](crate::QqPlatformCode::InvalidOpenkey) (`-23`, the
    /// same text) has the handling 重新授权 (re-authorize).
    0x21 => InvalidOpenkey {
        description: "openkey非法",
        recommendation: "",
        description_en: "Invalid openkey",
        recommendation_en: "None documented. Check the openkey sent.",
        err_type: Unknown,
        action: FixRequest,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    0x22 => OpenidOpenkeyMismatch {
        description: "openid和openkey不匹配",
        recommendation: "",
        description_en: "The openid and the openkey do not match",
        recommendation_en: "None documented. Send the openkey issued for this openid.",
        err_type: Unknown,
        action: FixRequest,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    0x23 => OpenkeyExpired {
        description: "openkey已过期",
        recommendation: "",
        description_en: "The openkey has expired",
        recommendation_en: "None documented. The openkey has expired: the user must authorize again.",
        err_type: Unknown,
        action: Reauthorize,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    ///
    /// Range row: one variant for the numbers `0x24` and `0x25`; lookup of either finds it, and
    /// `code()` is `0x24`. Same description as `0x01` and `0x13`–`0x14`.
    0x24..=0x25 => InternalError24To25 {
        description: "系统内部错误",
        recommendation: "",
        description_en: "Internal system error",
        recommendation_en: "None documented. An internal error: retry once.",
        err_type: Unknown,
        action: Retry,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    0x26 => SignatureVerificationFailed {
        description: "验证签名失败",
        recommendation: "",
        description_en: "Signature verification failed",
        recommendation_en: "None documented. Check the signature sent.",
        err_type: Unknown,
        action: FixRequest,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    ///
    /// Judgement: a recycled (被回收, reclaimed) openid is an account state the business must live
    /// with, so `InformUser`.
    ///
    /// `0x53` has the same description; the spec does not tell them apart, so each variant
    /// carries its number.
    0x27 => OpenidRecycled27 {
        description: "openid被回收",
        recommendation: "",
        description_en: "The openid has been recycled",
        recommendation_en: "None documented. The openid no longer belongs to an account; retrying will not help.",
        err_type: Unknown,
        action: InformUser,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    ///
    /// Judgement: the only cause named is a recycled openid (as `0x27`), so `InformUser`; the
    /// other causes are not described.
    ///
    /// The spec does not say what UDC (udc) is.
    0x2a => UdcReadFailed {
        description: "读udc失败（openid被回收或其他失败原因）",
        recommendation: "",
        description_en: "Reading UDC failed (the openid was recycled, or another cause)",
        recommendation_en: "None documented. Most likely the openid no longer belongs to an account; retrying will not help.",
        err_type: Unknown,
        action: InformUser,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    ///
    /// 开心id is not explained by the spec (开心 is literally "happy"); the translation keeps it as
    /// the name Kaixin.
    0x2e => InvalidOpenidKaixinId {
        description: "openid非法（开心id）",
        recommendation: "",
        description_en: "Invalid openid (Kaixin ID)",
        recommendation_en: "None documented. Check the openid sent.",
        err_type: Unknown,
        action: FixRequest,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    ///
    /// Range row: one variant for every number from `0x32` to `0x36`; lookup of any of them
    /// finds it, and `code()` is `0x32`.
    ///
    /// The spec does not say what business type (业务类型) 127 is.
    0x32..=0x36 => InvalidOpenidBusinessType127 {
        description: "openid非法（业务类型127返回）",
        recommendation: "",
        description_en: "Invalid openid (returned for business type 127)",
        recommendation_en: "None documented. Check the openid sent.",
        err_type: Unknown,
        action: FixRequest,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    ///
    /// Range row: one variant for the numbers `0x37` and `0x38`; lookup of either finds it, and
    /// `code()` is `0x37`.
    ///
    /// Judgement: a recycled (被回收, reclaimed) openid is an account state the business must live
    /// with, so `InformUser`.
    0x37..=0x38 => OpenidRecycledBusinessType127 {
        description: "openid被回收（业务类型127返回）",
        recommendation: "",
        description_en: "The openid has been recycled (returned for business type 127)",
        recommendation_en: "None documented. The openid no longer belongs to an account; retrying will not help.",
        err_type: Unknown,
        action: InformUser,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    0x40 => InvalidAccessToken {
        description: "access token无效",
        recommendation: "",
        description_en: "The access token is invalid",
        recommendation_en: "None documented. The access token is not valid: the user must authorize again.",
        err_type: Unknown,
        action: Reauthorize,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    0x41 => AccessTokenExpired {
        description: "access token已过期",
        recommendation: "",
        description_en: "The access token has expired",
        recommendation_en: "None documented. The access token has expired: the user must authorize again.",
        err_type: Unknown,
        action: Reauthorize,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    0x42 => AccessTokenRevoked {
        description: "access token已废除",
        recommendation: "",
        description_en: "The access token has been revoked",
        recommendation_en: "None documented. The access token has been revoked: the user must authorize again.",
        err_type: Unknown,
        action: Reauthorize,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    0x43 => InvalidSessionKey {
        description: "session key非法",
        recommendation: "",
        description_en: "Invalid session key",
        recommendation_en: "None documented. Check the session key sent.",
        err_type: Unknown,
        action: FixRequest,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    ///
    /// `0x44` is not listed.
    0x45 => AccessTokenOpenidMismatch {
        description: "access token与openid不匹配",
        recommendation: "",
        description_en: "The access token and the openid do not match",
        recommendation_en: "None documented. Send the access token issued for this openid.",
        err_type: Unknown,
        action: FixRequest,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    0x46 => InvalidSessionKeyLength {
        description: "session key长度不对",
        recommendation: "",
        description_en: "The session key has the wrong length",
        recommendation_en: "None documented. Check the session key sent.",
        err_type: Unknown,
        action: FixRequest,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    ///
    /// The same error as
    /// [`QqPlatformCode::TokenInvalidatedByPasswordChange`](crate::QqPlatformCode::TokenInvalidatedByPasswordChange)
    /// (`-73`, "0x47 access token改密失效"), whose handling is 重新授权 (re-authorize).
    0x47 => AccessTokenInvalidatedByPasswordChange {
        description: "access token改密失效",
        recommendation: "",
        description_en: "The access token was invalidated by a password change",
        recommendation_en: "None documented. The user changed the password: the user must authorize again.",
        err_type: Unknown,
        action: Reauthorize,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    ///
    /// Judgement: a recycled (被回收, reclaimed) openid is an account state the business must live
    /// with, so `InformUser`.
    ///
    /// `0x27` has the same description; the spec does not tell them apart, so each variant
    /// carries its number.
    0x53 => OpenidRecycled53 {
        description: "openid被回收",
        recommendation: "",
        description_en: "The openid has been recycled",
        recommendation_en: "None documented. The openid no longer belongs to an account; retrying will not help.",
        err_type: Unknown,
        action: InformUser,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    ///
    /// The spec does not say what business type (业务类型) 23 is.
    0x54 => ConvertedOpenidCountError {
        description: "转换的openid个数错误(业务类型23返回)",
        recommendation: "",
        description_en: "Wrong number of openids to convert (returned for business type 23)",
        recommendation_en: "None documented. Check the number of openids sent for conversion.",
        err_type: Unknown,
        action: FixRequest,
    },
    /// The spec gives no handling; the action is the crate's reading of the description.
    0x55 => InvalidConvertedOpenid {
        description: "所转换的openid非法(业务类型23返回)",
        recommendation: "",
        description_en: "The openid to convert is invalid (returned for business type 23)",
        recommendation_en: "None documented. Check the openids sent for conversion.",
        err_type: Unknown,
        action: FixRequest,
    },
}
