//! The override file: [`Overrides`], its rows ([`Override`]) and its error
//! ([`OverrideError`]).

use core::cell::Cell;
use core::fmt;
use std::collections::BTreeMap;
use std::collections::btree_map::Entry;

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
/// `recommendation`, `decision`, `known`, `api`, `range_end`, `unsigned`, `label`) are
/// allowed and ignored, so an exported row edited by hand is a valid override. Any other field, an
/// unknown layer, `err_type` or action, a missing field, a code given twice, or invalid
/// JSON is an [`OverrideError`] that names the row and the field: JSON that does not
/// parse inside a row (serde_json's own errors too: a number out of range, nesting past
/// its recursion limit, a lone surrogate) names the row, and inside the value of one of
/// the export's fields that field; between the rows, it names neither.
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
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct Overrides {
    /// One per code, ordered by code: built in O(n log n) whatever the order of the
    /// rows, and looked up in O(log n).
    rows: BTreeMap<Code, Override>,
}

/// As when the rows were a sorted list: `Overrides { rows: [Override { .. }, ..] }`.
impl fmt::Debug for Overrides {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        struct Rows<'a>(&'a BTreeMap<Code, Override>);

        impl fmt::Debug for Rows<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_list().entries(self.0.values()).finish()
            }
        }

        f.debug_struct("Overrides")
            .field("rows", &Rows(&self.rows))
            .finish()
    }
}

impl Overrides {
    /// No overrides.
    pub fn new() -> Overrides {
        Overrides::default()
    }

    /// Reads an override file: see [`Overrides`] for the rows.
    ///
    /// Takes O(n log n) time for n rows, whatever their order. JSON that does not parse
    /// is the error, wherever it is; else the first bad row in file order (a code
    /// given twice is the later row's error).
    pub fn from_json(json: &str) -> Result<Overrides, OverrideError> {
        // Where serde_json is, kept up to date by the visitors: its own errors (a
        // number out of range, the recursion limit, a lone surrogate) come back without
        // knowing the row or the field.
        let place = Cell::new(Place::default());
        let mut deserializer = serde_json::Deserializer::from_str(json);
        let read =
            serde::de::DeserializeSeed::deserialize(FileSeed { place: &place }, &mut deserializer)
                .and_then(|rows| deserializer.end().map(|()| rows));
        match read {
            Ok(rows) => rows,
            Err(e) => {
                let place = place.get();
                Err(OverrideError {
                    row: place.row,
                    field: place.field,
                    problem: match e.classify() {
                        serde_json::error::Category::Data => e.to_string(),
                        _ => format!("invalid JSON: {e}"),
                    },
                })
            }
        }
    }

    /// The set with `row` added; a code given twice is an error. O(log n).
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
        match self.rows.entry(row.code) {
            Entry::Occupied(_) => Err(OverrideError {
                row: Some(number),
                field: None,
                problem: format!("{} is overridden twice", row.code),
            }),
            Entry::Vacant(slot) => {
                slot.insert(row);
                Ok(())
            }
        }
    }

    /// The override of `code`, if any.
    pub fn get(&self, code: Code) -> Option<&Override> {
        self.rows.get(&code)
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
        self.rows.values()
    }
}

/// Where in the file serde_json is: the row (1-based) and, inside a value of one of the
/// export's fields, that field. Both `None` between rows.
#[derive(Copy, Clone, Debug, Default)]
struct Place {
    row: Option<usize>,
    field: Option<&'static str>,
}

/// An override file: an array of rows, each checked and added as soon as it is read.
/// Its value is the file's outcome beyond JSON: the overrides, or the first bad row,
/// which JSON that does not parse later in the file still overrules.
struct FileSeed<'p> {
    place: &'p Cell<Place>,
}

impl<'de> serde::de::DeserializeSeed<'de> for FileSeed<'_> {
    type Value = Result<Overrides, OverrideError>;

    fn deserialize<D: serde::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> serde::de::Visitor<'de> for FileSeed<'_> {
    type Value = Result<Overrides, OverrideError>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON array of rows")
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut overrides = Overrides::new();
        let mut problem = None;
        let mut number = 0;
        while let Some(row) = seq.next_element_seed(RowSeed {
            place: self.place,
            number: number + 1,
        })? {
            number += 1;
            self.place.set(Place::default());
            // After the first bad row, the rest is only read, for its JSON.
            if problem.is_none() {
                problem = parse_row(&row)
                    .map_err(|(field, problem)| OverrideError {
                        row: Some(number),
                        field,
                        problem,
                    })
                    .and_then(|row| overrides.insert_row(row, number))
                    .err();
            }
        }
        Ok(match problem {
            Some(problem) => Err(problem),
            None => Ok(overrides),
        })
    }
}

/// A row's entries in order, so that a key given twice is seen (a `serde_json::Value`
/// would keep the last one silently); or "not an object" for anything else, so that the
/// error can name the row.
enum RawRow {
    Object(Vec<(String, Value)>),
    Other,
}

/// Row `number`: it marks the place as its own while serde_json reads it.
struct RowSeed<'p> {
    place: &'p Cell<Place>,
    number: usize,
}

impl<'de> serde::de::DeserializeSeed<'de> for RowSeed<'_> {
    type Value = RawRow;

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<RawRow, D::Error> {
        self.place.set(Place {
            row: Some(self.number),
            field: None,
        });
        deserializer.deserialize_any(self)
    }
}

impl<'de> serde::de::Visitor<'de> for RowSeed<'_> {
    type Value = RawRow;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a row")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<RawRow, A::Error> {
        let mut pairs = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            // Inside the value of one of the export's fields, an error names it.
            let field = ExportRow::FIELDS
                .iter()
                .copied()
                .find(|&field| field == key);
            self.place.set(Place {
                row: Some(self.number),
                field,
            });
            let value = map.next_value::<Value>()?;
            self.place.set(Place {
                row: Some(self.number),
                field: None,
            });
            pairs.push((key, value));
        }
        Ok(RawRow::Object(pairs))
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<RawRow, A::Error> {
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
///
/// // JSON that does not parse, inside a field's value.
/// let err = Overrides::from_json(r#"[{"layer":"qq_platform","description_en":"\ud83d"}]"#).unwrap_err();
/// assert_eq!((err.row(), err.field()), (Some(1), Some("description_en")));
/// assert!(err.to_string().starts_with("override row 1, field `description_en`: invalid JSON: "));
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
