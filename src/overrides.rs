//! Runtime overrides for codes the platforms change: [`Overrides`] read from a JSON file
//! of rows, and the [`Classifier`] that applies them.

use core::fmt;
use std::sync::Arc;

use serde_json::{Map, Value};

use crate::{
    Action, Api, Classification, Code, ErrType, Layer, MsdkCode, MsdkResponse, classify_for,
};

/// One override: the `err_type` and action a code gets instead of the catalogue's, and
/// optionally new English texts.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Override {
    code: Code,
    err_type: ErrType,
    action: Action,
    description_en: Option<String>,
    recommendation_en: Option<String>,
}

impl Override {
    /// An override of `code`'s handling.
    pub fn new(code: Code, err_type: ErrType, action: Action) -> Override {
        Override {
            code,
            err_type,
            action,
            description_en: None,
            recommendation_en: None,
        }
    }

    /// The code it overrides.
    pub fn code(&self) -> Code {
        self.code
    }

    /// The `err_type` the code gets.
    pub fn err_type(&self) -> ErrType {
        self.err_type
    }

    /// The action the code gets.
    pub fn action(&self) -> Action {
        self.action
    }

    /// The English description the override gives, if any.
    pub fn description_en(&self) -> Option<&str> {
        self.description_en.as_deref()
    }

    /// The English handling the override gives, if any.
    pub fn recommendation_en(&self) -> Option<&str> {
        self.recommendation_en.as_deref()
    }
}

/// A set of [`Override`]s, one per code: what a backend changes at runtime when QQ or
/// WeChat quietly change what a code means, or when an undocumented code turns up.
///
/// The file is a JSON array of rows of the catalogue's JSON export (`msdk-explain
/// --catalog --format json`): `layer`, `code`, `err_type` (the wire integer, or its
/// name) and `action` are required; `description_en` and `recommendation_en` are
/// optional; the export's other fields (`ret`, `msg`, `name`, `description`,
/// `recommendation`, `known`, `api`, `range_end`, `unsigned`, `label`) are allowed and
/// ignored, so an exported row edited by hand is a valid override. Any other field, an
/// unknown layer, `err_type` or action, a missing field, a code given twice, or invalid
/// JSON is an [`OverrideError`] that names the row and the field.
///
/// A code can be one the catalogue does not document: the override gives it its
/// handling. For a range row, override the row's own code (the first of the range): it
/// covers every number of the range. A table's success row (code `0`) is read but never
/// applied: a success stays a success, and a platform's success inside a failed `ret`
/// stays a failure the spec does not explain.
///
/// ```
/// use msdk_error_codes::{Action, Classifier, Decision, ErrType, Overrides};
///
/// // WeChat reports an expired token as 40001 now, and 61451 turned up in production.
/// let overrides = Overrides::from_json(r#"[
///     {"layer": "wechat_platform", "code": 40001, "err_type": 3, "action": "refresh_token"},
///     {"layer": "wechat_platform", "code": 61451, "err_type": "network_unstable",
///      "action": "retry_later", "description_en": "Invalid parameter (undocumented)"}
/// ]"#)?;
/// let classifier = Classifier::new().with_overrides(overrides);
///
/// let moved = classifier.classify(-20000, "40001,invalid credential");
/// assert_eq!(moved.decision(), Decision::RefreshToken);
/// assert!(moved.is_overridden() && moved.known().is_some());
/// let new = classifier.classify(-20000, "61451,invalid parameter");
/// assert_eq!((new.err_type(), new.action()), (ErrType::NetworkUnstable, Action::RetryLater));
/// assert_eq!(new.known(), None);
/// # Ok::<(), msdk_error_codes::OverrideError>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Overrides {
    /// Sorted by code, one per code: found by binary search.
    rows: Vec<Override>,
}

impl Overrides {
    /// No overrides.
    pub fn new() -> Overrides {
        Overrides::default()
    }

    /// Reads an override file: see [`Overrides`] for the rows.
    pub fn from_json(json: &str) -> Result<Overrides, OverrideError> {
        let File(rows) = serde_json::from_str(json).map_err(|e| OverrideError {
            row: None,
            field: None,
            problem: match e.classify() {
                serde_json::error::Category::Data => e.to_string(),
                _ => format!("invalid JSON: {e}"),
            },
        })?;
        let mut overrides = Overrides::new();
        for (index, row) in rows.iter().enumerate() {
            let row_number = index + 1;
            let parsed = parse_row(row).map_err(|(field, problem)| OverrideError {
                row: Some(row_number),
                field,
                problem,
            })?;
            overrides.insert_row(parsed, row_number)?;
        }
        Ok(overrides)
    }

    /// The set with `row` added; a code given twice is an error.
    pub fn with(mut self, row: Override) -> Result<Overrides, OverrideError> {
        let number = self.rows.len() + 1;
        self.insert_row(row, number)?;
        Ok(self)
    }

    fn insert_row(&mut self, row: Override, number: usize) -> Result<(), OverrideError> {
        // A number that a documented row covers but is not that row's own would override
        // a part of the row: refused, so that no override silently widens.
        if let Some(known) = row.code.known()
            && known.code() != row.code.value()
        {
            return Err(OverrideError {
                row: Some(number),
                field: Some("code"),
                problem: format!(
                    "{} is covered by the row {} ({}): override {} instead",
                    row.code,
                    known.name(),
                    Code::from(known),
                    Code::from(known)
                ),
            });
        }
        match self.rows.binary_search_by_key(&row.code, Override::code) {
            Ok(_) => Err(OverrideError {
                row: Some(number),
                field: None,
                problem: format!("{} is overridden twice", row.code),
            }),
            Err(at) => {
                self.rows.insert(at, row);
                Ok(())
            }
        }
    }

    /// The override of `code`, if any.
    pub fn get(&self, code: Code) -> Option<&Override> {
        let at = self.rows.binary_search_by_key(&code, Override::code).ok()?;
        self.rows.get(at)
    }

    /// How many codes are overridden.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether nothing is overridden.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// Every override, ordered by code.
    pub fn iter(&self) -> impl Iterator<Item = &Override> {
        self.rows.iter()
    }
}

/// The fields of a catalogue export row that an override ignores.
const EXPORT_FIELDS: [&str; 10] = [
    "ret",
    "msg",
    "name",
    "description",
    "recommendation",
    "known",
    "api",
    "range_end",
    "unsigned",
    "label",
];

/// An override file: an array of rows, each read with its keys in order, so that a key
/// given twice is seen (a `serde_json::Value` would keep the last one silently).
struct File(Vec<RawRow>);

enum RawRow {
    Object(Vec<(String, Value)>),
    Other,
}

impl<'de> serde::Deserialize<'de> for File {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Rows;

        impl<'de> serde::de::Visitor<'de> for Rows {
            type Value = File;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON array of rows")
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<File, A::Error> {
                let mut rows = Vec::new();
                while let Some(row) = seq.next_element()? {
                    rows.push(row);
                }
                Ok(File(rows))
            }
        }

        deserializer.deserialize_seq(Rows)
    }
}

/// A row: an object's entries in order, or "not an object" for anything else, so that
/// the error can name the row.
impl<'de> serde::Deserialize<'de> for RawRow {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Row;

        impl<'de> serde::de::Visitor<'de> for Row {
            type Value = RawRow;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a row")
            }

            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<RawRow, A::Error> {
                let mut pairs = Vec::new();
                while let Some(pair) = map.next_entry::<String, Value>()? {
                    pairs.push(pair);
                }
                Ok(RawRow::Object(pairs))
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<RawRow, A::Error> {
                while seq.next_element::<serde::de::IgnoredAny>()?.is_some() {}
                Ok(RawRow::Other)
            }

            fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<RawRow, E> {
                Ok(RawRow::Other)
            }

            fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<RawRow, E> {
                Ok(RawRow::Other)
            }

            fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<RawRow, E> {
                Ok(RawRow::Other)
            }

            fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<RawRow, E> {
                Ok(RawRow::Other)
            }

            fn visit_str<E: serde::de::Error>(self, _: &str) -> Result<RawRow, E> {
                Ok(RawRow::Other)
            }

            fn visit_unit<E: serde::de::Error>(self) -> Result<RawRow, E> {
                Ok(RawRow::Other)
            }
        }

        deserializer.deserialize_any(Row)
    }
}

/// One row; the error names the field.
fn parse_row(row: &RawRow) -> Result<Override, (Option<&'static str>, String)> {
    // (Under serde_json's arbitrary_precision a fraction arrives as a one-key map.)
    let RawRow::Object(pairs) = row else {
        return Err((None, "expected an object".to_owned()));
    };
    if let [(key, _)] = pairs.as_slice()
        && key == "$serde_json::private::Number"
    {
        return Err((None, "expected an object".to_owned()));
    }
    let mut fields = Map::new();
    for (key, value) in pairs {
        if fields.insert(key.clone(), value.clone()).is_some() {
            return Err((
                None,
                format!("duplicate field {:?}", crate::names::shown(key)),
            ));
        }
    }
    let fields = &fields;
    for key in fields.keys() {
        let known = matches!(
            key.as_str(),
            "layer" | "code" | "err_type" | "action" | "description_en" | "recommendation_en"
        ) || EXPORT_FIELDS.contains(&key.as_str());
        if !known {
            return Err((
                None,
                format!("unknown field {:?}", crate::names::shown(key)),
            ));
        }
    }
    let layer = required(fields, "layer")?;
    let layer = layer
        .as_str()
        .ok_or_else(|| (Some("layer"), "expected a layer name".to_owned()))?
        .parse::<Layer>()
        .map_err(|e| (Some("layer"), e.to_string()))?;
    let code = required(fields, "code")?;
    let code = code
        .as_i64()
        .and_then(|n| i32::try_from(n).ok())
        .ok_or_else(|| {
            (
                Some("code"),
                format!(
                    "expected an i32, got {}",
                    crate::names::shown(&code.to_string())
                ),
            )
        })?;
    let err_type = match required(fields, "err_type")? {
        Value::Number(n) => n
            .as_i64()
            .and_then(|n| i32::try_from(n).ok())
            .and_then(ErrType::from_code)
            .ok_or_else(|| {
                (
                    Some("err_type"),
                    format!("{n} is not an MSDK err_type (0, 1, 2, 3 or 5)"),
                )
            })?,
        Value::String(name) => name
            .parse::<ErrType>()
            .map_err(|e| (Some("err_type"), e.to_string()))?,
        _ => return Err((Some("err_type"), "expected an integer or a name".to_owned())),
    };
    let action = required(fields, "action")?
        .as_str()
        .ok_or_else(|| (Some("action"), "expected an action name".to_owned()))?
        .parse::<Action>()
        .map_err(|e| (Some("action"), e.to_string()))?;
    let text = |field: &'static str| match fields.get(field) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) => Ok(Some(text.clone())),
        Some(_) => Err((Some(field), "expected a string".to_owned())),
    };
    Ok(Override {
        code: Code::new(layer, code),
        err_type,
        action,
        description_en: text("description_en")?,
        recommendation_en: text("recommendation_en")?,
    })
}

fn required<'v>(
    fields: &'v Map<String, Value>,
    field: &'static str,
) -> Result<&'v Value, (Option<&'static str>, String)> {
    fields
        .get(field)
        .ok_or_else(|| (Some(field), "missing".to_owned()))
}

/// A bad override file: which row (1-based), which field, and what is wrong.
///
/// ```
/// use msdk_error_codes::Overrides;
///
/// let err = Overrides::from_json(r#"[{"layer":"wechat_platform","code":40001,"err_type":3,"action":"soon"}]"#).unwrap_err();
/// assert_eq!((err.row(), err.field()), (Some(1), Some("action")));
/// assert!(err.to_string().starts_with("override row 1, field `action`: unknown action \"soon\""));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OverrideError {
    row: Option<usize>,
    field: Option<&'static str>,
    problem: String,
}

impl OverrideError {
    /// The row, counted from 1; `None` for a problem of the file as a whole.
    pub fn row(&self) -> Option<usize> {
        self.row
    }

    /// The field, when one is to blame.
    pub fn field(&self) -> Option<&'static str> {
        self.field
    }
}

impl fmt::Display for OverrideError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.row, self.field) {
            (Some(row), Some(field)) => write!(f, "override row {row}, field `{field}`: ")?,
            (Some(row), None) => write!(f, "override row {row}: ")?,
            (None, _) => f.write_str("overrides: ")?,
        }
        f.write_str(&self.problem)
    }
}

impl std::error::Error for OverrideError {}

/// Classifies with runtime [`Overrides`]: an overridden code takes the override's
/// `err_type` and action, [`is_overridden`](Classification::is_overridden) says so, and
/// [`known`](Classification::known) stays true to the catalogue. An override replaces
/// the catalogue's row; the server's `err_type` rules (see [`Decision`](crate::Decision))
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

    /// Classifies a response of `api` with the overrides, then the server's `err_type`
    /// ([`MsdkResponse::classify_for`] without overrides).
    pub fn classify_response<'r>(
        &self,
        response: &'r MsdkResponse<'_>,
        api: Api,
    ) -> Classification<'r> {
        self.classify_for(api, response.ret(), response.msg())
            .with_server_err_type(response.server_err_type())
    }

    /// The override that applies to a classification, if any: for its English texts.
    pub fn override_for(&self, classification: &Classification<'_>) -> Option<&Override> {
        self.overrides.get(override_key(classification))
    }

    #[inline(never)]
    fn apply<'a>(&self, classification: Classification<'a>) -> Classification<'a> {
        // A success stays a success; and a table's success row (code 0) reached through
        // a failed `ret` stays an unexplained failure, whatever a row for it says (the
        // catalogue export, used as an override file, has rows for code 0).
        if classification.is_success()
            || (classification.code() == 0 && classification.known().is_some())
        {
            return classification;
        }
        match self.overrides.get(override_key(&classification)) {
            Some(row) => classification.overridden(row.err_type, row.action),
            None => classification,
        }
    }
}

/// The code an override is keyed on: the catalogue row's own code for a documented code
/// (every number of a range row), the number itself for an undocumented one.
fn override_key(classification: &Classification<'_>) -> Code {
    classification.known().map_or_else(
        || classification.to_code(),
        |known: MsdkCode| Code::from(known),
    )
}
