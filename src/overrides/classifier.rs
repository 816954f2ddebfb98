//! [`Classifier`]: classification with runtime [`Overrides`].

use std::sync::Arc;

use super::{Override, Overrides};
use crate::catalog::{Api, Code, MsdkCode};
use crate::classification::{Classification, classify_for};
use crate::response::MsdkResponse;

/// Classifies with runtime [`Overrides`]: an overridden code takes the override's
/// `err_type` and action, [`is_overridden`](Classification::is_overridden) says so, and
/// [`known`](Classification::known) stays true to the catalog. An override replaces
/// the catalog's row; the server's `err_type` rules (see [`Decision`](crate::Decision))
/// apply on top, and a success stays a success.
///
/// `Send + Sync` and cheap to clone (the overrides are shared). With no overrides it
/// classifies exactly as [`classify_for`] does, at the same cost.
///
/// A configuration reloaded at runtime swaps whole classifiers, so that a request never
/// sees half a file: keep an `Arc<Classifier>` behind a lock (or an `ArcSwap` of the
/// arc-swap crate) in the caller.
///
/// ```
/// use std::sync::{Arc, RwLock};
///
/// use msdk_error_codes::{Classifier, Overrides};
///
/// let current = RwLock::new(Arc::new(Classifier::new()));
/// // On a reload: parse first, and keep the old classifier if the file is bad.
/// let file = r#"[{"layer":"qq_platform","code":-73,"err_type":1,"action":"retry_later"}]"#;
/// match Overrides::from_json(file) {
///     Ok(overrides) => *current.write().unwrap() = Arc::new(Classifier::new().with_overrides(overrides)),
///     Err(e) => eprintln!("keeping the old overrides: {e}"),
/// }
/// // Each request takes the classifier of the moment.
/// let classifier = current.read().unwrap().clone();
/// assert!(classifier.classify(-10000, "-73,x").is_retryable());
/// ```
#[derive(Clone, Debug, Default)]
pub struct Classifier {
    overrides: Arc<Overrides>,
}

impl Classifier {
    /// A classifier with no overrides.
    pub fn new() -> Classifier {
        Classifier::default()
    }

    /// The same classifier with `overrides`.
    pub fn with_overrides(mut self, overrides: Overrides) -> Classifier {
        self.overrides = Arc::new(overrides);
        self
    }

    /// The overrides in use.
    pub fn overrides(&self) -> &Overrides {
        &self.overrides
    }

    /// [`classify`](crate::classify), with the overrides.
    pub fn classify<'a>(&self, ret: i32, msg: &'a str) -> Classification<'a> {
        self.classify_for(Api::Generic, ret, msg)
    }

    /// [`classify_for`], with the overrides.
    #[inline]
    pub fn classify_for<'a>(&self, api: Api, ret: i32, msg: &'a str) -> Classification<'a> {
        let found = classify_for(api, ret, msg);
        if self.overrides.is_empty() {
            return found;
        }
        self.apply(found)
    }

    /// Classifies a response of `api` with the overrides, then the server's `err_type`:
    /// [`MsdkResponse::classify_for`] with overrides. The API comes first, as in every
    /// `*_for` of the crate.
    ///
    /// ```
    /// use msdk_error_codes::{Api, Classifier, MsdkResponse, Overrides};
    ///
    /// let file = r#"[{"layer":"qq_share","code":100000,"err_type":1,"action":"retry_later"}]"#;
    /// let classifier = Classifier::new().with_overrides(Overrides::from_json(file)?);
    /// let response = MsdkResponse::new(100000, "鉴权错误", None);
    /// assert!(classifier.classify_response_for(Api::QqShare, &response).is_overridden());
    /// assert!(!classifier.classify_response_for(Api::Generic, &response).is_overridden());
    /// # Ok::<(), msdk_error_codes::OverrideError>(())
    /// ```
    pub fn classify_response_for<'r>(
        &self,
        api: Api,
        response: &'r MsdkResponse<'_>,
    ) -> Classification<'r> {
        self.classify_for(api, response.ret(), response.msg())
            .with_server_err_type(response.server_err_type())
    }

    /// The 0.1 form of [`classify_response_for`](Self::classify_response_for), with the
    /// API last.
    #[doc(hidden)]
    #[deprecated(
        since = "0.2.0",
        note = "use `classify_response_for(api, response)`: the API comes first"
    )]
    pub fn classify_response<'r>(
        &self,
        response: &'r MsdkResponse<'_>,
        api: Api,
    ) -> Classification<'r> {
        self.classify_response_for(api, response)
    }

    /// The override that applies to a classification, if any: for its English texts.
    pub fn override_for(&self, classification: &Classification<'_>) -> Option<&Override> {
        self.overrides.get(override_key(classification))
    }

    #[inline(never)]
    fn apply<'a>(&self, classification: Classification<'a>) -> Classification<'a> {
        // A success stays a success; and a table's success row (code 0) reached through
        // a failed `ret` stays an unexplained failure, whatever a row for it says (the
        // catalog export, used as an override file, has rows for code 0).
        if classification.is_success()
            || (classification.code() == 0 && classification.known().is_some())
        {
            return classification;
        }
        match self.overrides.get(override_key(&classification)) {
            Some(row) => classification.overridden(row.err_type(), row.action()),
            None => classification,
        }
    }
}

/// The code an override is keyed on: the catalog row's own code for a documented code
/// (every number of a range row), the number itself for an undocumented one.
fn override_key(classification: &Classification<'_>) -> Code {
    classification.known().map_or_else(
        || classification.to_code(),
        |known: MsdkCode| Code::from(known),
    )
}
