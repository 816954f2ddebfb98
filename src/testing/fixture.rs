//! Fixtures for integration tests of MSDK clients: for any documented code, the exact
//! response MSDK would send for it.

use crate::catalog::{Api, Layer, MsdkCode, catalog};
use crate::classification::classify_for;
use crate::response::MsdkResponse;

/// The response MSDK sends for one documented code, and the [`Api`] context a client
/// needs to read it back.
///
/// - access and logic codes: `ret` is the code, `msg` its description;
/// - QQ and WeChat platform codes: the passthrough form, `ret -10000` / `-20000` with
///   `msg` = `"code,description"` (spec §1, points 4 and 5);
/// - the OIDB tables (2016 revision, §9): `ret -15000` with the result as `ret:N` in
///   `msg`, after the page's own example: `"oidb decode0x73a failed, ret:17"` for a
///   PayToken code, `0x711` for an accessToken code, no command for the OIDB table;
/// - the API tables (shares, game center, blue diamond, WeChat group): `ret` is the code,
///   `msg` its description, read in that API's context;
/// - `err_type` is what the classification gives the response: the code's catalog
///   value, Normal for success, and Unknown for a success row that travels inside a
///   failed `ret` (WeChat's `0`, the PayToken and accessToken `0` rows).
///
/// ```
/// use msdk_error_codes::{Api, QqPlatformCode, MsdkCode, classify_for};
///
/// let fixture = MsdkCode::from(QqPlatformCode::TokenInvalidatedByPasswordChange).fixture();
/// assert_eq!(fixture.api(), Api::Generic);
/// assert_eq!(fixture.to_json(), r#"{"ret":-10000,"msg":"-73,0x47 access token改密失效","err_type":2}"#);
///
/// // Feed a client every documented error path:
/// for fixture in msdk_error_codes::fixtures() {
///     let body = fixture.to_json();
///     # let _ = body;
///     // my_client.handle(fixture.api(), &body) ...
/// }
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Fixture {
    code: MsdkCode,
    api: Api,
    response: MsdkResponse<'static>,
}

impl Fixture {
    /// The code the fixture stands for.
    pub fn code(&self) -> MsdkCode {
        self.code
    }

    /// The API context to classify the response in ([`classify_for`](crate::classify_for)).
    pub fn api(&self) -> Api {
        self.api
    }

    /// The response, as MSDK sends it.
    pub fn response(&self) -> &MsdkResponse<'static> {
        &self.response
    }

    /// The response, by value (for [`Scenario::then_response`](crate::Scenario::then_response)).
    pub fn into_response(self) -> MsdkResponse<'static> {
        self.response
    }

    /// The response body: `{"ret":...,"msg":...,"err_type":...}`.
    pub fn to_json(&self) -> String {
        self.response.to_body()
    }

    /// The same fixture with the server's `err_type` replaced (`None` leaves the field
    /// out): [`MsdkResponse::with_server_err_type`]. The code and the API stay.
    ///
    /// For tests of the server-precedence path: a fixture's own `err_type` is what the
    /// classification gives anyway, so only another value shows whether a client
    /// lets the server decide ([`Decision`'s rule](crate::Decision#the-servers-err_type)
    /// says which values do).
    ///
    /// ```
    /// use msdk_error_codes::{AccessCode, Decision, MsdkCode};
    ///
    /// // -303 (no permission for the appid) is a configuration to check...
    /// let fixture = MsdkCode::from(AccessCode::AppidNotPermitted).fixture();
    /// assert_eq!(fixture.response().classify().decision(), Decision::Fail);
    /// // ...unless this call's server says the token must be refreshed.
    /// let fixture = fixture.with_server_err_type(Some(3));
    /// assert_eq!(fixture.to_json(), r#"{"ret":-303,"msg":"该appid在msdk没有权限","err_type":3}"#);
    /// assert_eq!(fixture.response().classify().decision(), Decision::RefreshToken);
    /// // A server 0 never makes a failure fine.
    /// let fixture = fixture.with_server_err_type(Some(0));
    /// assert_eq!(fixture.response().classify().decision(), Decision::Fail);
    /// ```
    #[must_use]
    pub fn with_server_err_type(mut self, err_type: Option<i32>) -> Fixture {
        self.response = self.response.with_server_err_type(err_type);
        self
    }
}

impl MsdkCode {
    /// The response MSDK sends for this code: see [`Fixture`].
    pub fn fixture(self) -> Fixture {
        let (ret, msg) = self.wire_form();
        // What a client acts on for this response: the code's own err_type, Normal for
        // success, Unknown for a platform's success code inside a failed passthrough.
        let (err_type, _) = self.info().handling(ret);
        Fixture {
            code: self,
            api: Api::for_layer(self.layer()),
            response: MsdkResponse::new(ret, msg, Some(err_type.code())),
        }
    }
}

/// The fixture of every documented code, in catalog order: `catalog().map(MsdkCode::fixture)`.
///
/// ```
/// use msdk_error_codes::{fixtures, MsdkCode};
///
/// assert_eq!(fixtures().count(), MsdkCode::COUNT);
/// ```
pub fn fixtures() -> impl Iterator<Item = Fixture> {
    catalog().map(MsdkCode::fixture)
}

/// Every documented response `api` can receive, one fixture per code, in catalog
/// order: the API's own table and the generic tables (access, logic, the QQ and WeChat
/// platforms, the three OIDB tables), each response classifying back to its own code
/// under `api`, and every fixture's [`api()`](Fixture::api) is `api`.
///
/// A generic code is left out where another table answers its response first, since a
/// client of `api` can never receive it:
/// - everywhere, logic `0` and `-101`: the access table documents the same numbers and
///   answers first for every API (spec §1 point 3: the access layer passes the logic
///   layer's `ret` through), so their responses read as access `0` and `-101`;
/// - under an API with its own table, a generic code whose `ret`, or whose platform
///   code inside a passthrough, that table documents (classification rule 2): under
///   [`Api::BlueDiamond`] logic `-10002` is "account not found" and QQ `-1..=-7`
///   inside `ret -10000` are the gift table's; under [`Api::WechatGroup`], `ret -10000`
///   is the group table's internal error, so no QQ platform code arrives there at all;
///   under [`Api::GameCenter`] `ret 0` is the game center's success.
///
/// The OIDB responses are never shadowed: their `ret` (`-15000`) is in no API table and
/// the `ret:N` in `msg` is read only in the OIDB tables. Every documented code but the
/// two logic ones appears under some API: its own table's for an API code,
/// [`Api::Generic`] for the rest. [`Api::OtherShare`], with no table of its own,
/// receives exactly what [`Api::Generic`] receives.
///
/// ```
/// use msdk_error_codes::{fixtures_for, Api, Layer, LogicCode, MsdkCode};
///
/// for api in Api::ALL {
///     for fixture in fixtures_for(api) {
///         assert_eq!(fixture.api(), api);
///         assert_eq!(fixture.response().classify_for(api).known(), Some(fixture.code()));
///     }
/// }
/// // Blue-diamond gift calls get their own table and the generic ones, but a bare
/// // -10002 is the gift table's "account not found", not logic's "invalid openid".
/// let blue: Vec<MsdkCode> = fixtures_for(Api::BlueDiamond).map(|f| f.code()).collect();
/// assert!(blue.iter().any(|c| c.layer() == Layer::BlueDiamond));
/// assert!(blue.iter().any(|c| c.layer() == Layer::WechatPlatform));
/// assert!(!blue.contains(&MsdkCode::from(LogicCode::from_code(-10002).unwrap())));
/// assert!(fixtures_for(Api::Generic).all(|f| f.code().layer() != Layer::BlueDiamond));
/// ```
pub fn fixtures_for(api: Api) -> impl Iterator<Item = Fixture> {
    catalog()
        .filter(move |code| {
            let layer = code.layer();
            Api::for_layer(layer) == Api::Generic || api.layer() == Some(layer)
        })
        .map(move |code| Fixture {
            api,
            ..code.fixture()
        })
        // Rule 2 decides which generic codes the API's table shadows: ask the classifier
        // itself rather than keep a second list of the collisions.
        .filter(move |fixture| fixture.response.classify_for(api).known() == Some(fixture.code))
}

/// A realistic response carrying a code the catalog does not document, in `layer`'s
/// wire form, to be read under [`Api::for_layer(layer)`](Api::for_layer): for tests of
/// a client's fallback path. Its number is documented in no table at all, and its
/// `err_type` is what the classification gives it, as for a [`Fixture`].
///
/// | layer | `ret` | `msg` | classifies as |
/// |---|---|---|---|
/// | `Access` | `-99` | `未知错误` | access `-99`, in no range: Unknown, [`Fail`](crate::Decision::Fail) |
/// | `Logic` | `-2011` | `未知错误` | logic `-2011`, server range: NetworkUnstable, [`Retry(Later)`](crate::Backoff::Later) |
/// | `QqPlatform` | `-10000` | `100030,this api without user authorization` | QQ platform `100030`: Unknown, `Fail` |
/// | `WechatPlatform` | `-20000` | `61451,invalid parameter` | WeChat platform `61451`: Unknown, `Fail` |
/// | `Oidb` | `-15000` | `oidb call failed, ret:-30` | OIDB `-30`: Unknown, `Fail` |
/// | `PayToken` | `-15000` | `oidb decode0x73a failed, ret:95` | PayToken `95`: Unknown, `Fail` |
/// | `AccessToken` | `-15000` | `oidb decode0x711 failed, ret:48` | accessToken `48`: Unknown, `Fail` |
/// | `QzoneShare` | `1029` | `未知错误` | access `1029`, in no range: Unknown, `Fail` |
/// | `QqShare` | `40` | `未知错误` | access `40`, in no range: Unknown, `Fail` |
/// | `GameCenter` | `-4038` | `未知错误` | logic `-4038`, server range: NetworkUnstable, `Retry(Later)` |
/// | `BlueDiamond` | `-13` | `未知错误` | access `-13`, in no range: Unknown, `Fail` |
/// | `WechatGroup` | `-10008` | `未知错误` | logic `-10008`, QQ business range: Unknown, `Fail` |
///
/// The platform and OIDB forms are the passthroughs MSDK uses for documented codes
/// (WeChat's `61451` and QQ's `100030` are codes those platforms really send); access
/// and logic send the number as `ret`. An API table's code is sent as `ret` too, and
/// a number that table does not document falls back to the generic tables
/// (classification rule 2): there it is undocumented as well, so it keeps its number
/// and reads as an access or logic code by its [`LogicRange`](crate::LogicRange), never
/// as the API's layer.
///
/// ```
/// use msdk_error_codes::{undocumented_response, Api, Decision, Layer};
///
/// let response = undocumented_response(Layer::WechatPlatform);
/// assert_eq!(serde_json::to_string(&response).unwrap(), r#"{"ret":-20000,"msg":"61451,invalid parameter","err_type":5}"#);
/// let c = response.classify_for(Api::for_layer(Layer::WechatPlatform));
/// assert_eq!((c.layer(), c.code(), c.known()), (Layer::WechatPlatform, 61451, None));
/// assert_eq!(c.decision(), Decision::Fail);
///
/// // An API table's unknown number falls back to the generic tables.
/// let response = undocumented_response(Layer::GameCenter);
/// let c = response.classify_for(Api::GameCenter);
/// assert_eq!((c.layer(), c.code(), c.known()), (Layer::Logic, -4038, None));
/// assert!(c.is_retryable()); // the server range says retry
/// ```
pub fn undocumented_response(layer: Layer) -> MsdkResponse<'static> {
    // Each number is documented in no table (a test checks it): a client that finds
    // it in some other table would not be on its fallback path.
    const UNKNOWN: &str = "未知错误";
    let (ret, msg) = match layer {
        // Above the logic ranges: the only numbers the classifier reads as access codes.
        Layer::Access => (-99, UNKNOWN),
        // Next to the documented -2001..=-2010, in the server range.
        Layer::Logic => (-2011, UNKNOWN),
        Layer::QqPlatform => (-10000, "100030,this api without user authorization"),
        Layer::WechatPlatform => (-20000, "61451,invalid parameter"),
        Layer::Oidb => (-15000, "oidb call failed, ret:-30"),
        Layer::PayToken => (-15000, "oidb decode0x73a failed, ret:95"),
        Layer::AccessToken => (-15000, "oidb decode0x711 failed, ret:48"),
        // Near each table's documented numbers (BlueDiamond's -8..=-12 are QQ platform
        // codes, QqShare's 39 an accessToken code).
        Layer::QzoneShare => (1029, UNKNOWN),
        Layer::QqShare => (40, UNKNOWN),
        Layer::GameCenter => (-4038, UNKNOWN),
        Layer::BlueDiamond => (-13, UNKNOWN),
        Layer::WechatGroup => (-10008, UNKNOWN),
    };
    let err_type = classify_for(Api::for_layer(layer), ret, msg).table_err_type();
    MsdkResponse::new(ret, msg, Some(err_type.code()))
}
