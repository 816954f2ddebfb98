//! The override file: [`Overrides`], its rows ([`Override`]) and its error
//! ([`OverrideError`]).

use core::fmt;

use serde_json::{Map, Value};

use crate::catalog::{Action, Code, ErrType, ExportRow, Layer};

/// One override: the `err_type` and action a code gets instead of the catalog's, and
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
/// The file is a JSON array of rows of the catalog's JSON export (`msdk-explain
/// --catalog --format json`): `layer`, `code`, `err_type` (the wire integer, or its
/// name) and `action` are required; `description_en` and `recommendation_en` are
/// optional; the export's other fields (`ret`, `msg`, `name`, `description`,
/// `recommendation`, `known`, `api`, `range_end`, `unsigned`, `label`) are allowed and
/// ignored, so an exported row edited by hand is a valid override. Any other field, an
/// unknown layer, `err_type` or action, a missing field, a code given twice, or invalid
/// JSON is an [`OverrideError`] that names the row and the field.
///
/// A code can be one the catalog does not document: the override gives it its
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
        if let Some(known) = row
            .code
            .known()
            .filter(|known| known.code() != row.code.value())
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
    if matches!(pairs.as_slice(), [(key, _)] if key == "$serde_json::private::Number") {
        return Err((None, "expected an object".to_owned()));
    }
    let mut fields = Map::new();
    for (key, value) in pairs {
        if fields.insert(key.clone(), value.clone()).is_some() {
            return Err((
                None,
                format!("duplicate field {:?}", crate::catalog::names::shown(key)),
            ));
        }
    }
    let fields = &fields;
    for key in fields.keys() {
        // The export's fields: the six an override takes are among them.
        let known = ExportRow::FIELDS.contains(&key.as_str());
        if !known {
            return Err((
                None,
                format!("unknown field {:?}", crate::catalog::names::shown(key)),
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
                    crate::catalog::names::shown(&code.to_string())
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
