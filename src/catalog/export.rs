//! [`ExportRow`]: one code of the catalog as data, the shape of `msdk-explain --catalog`
//! in every format and of an override file's rows.

use serde::Serialize;

use super::{Api, Decision, Layer, MsdkCode};

/// A value as one CSV cell: empty for `None`.
trait Cell {
    fn cell(&self) -> String;
}

impl Cell for i32 {
    fn cell(&self) -> String {
        self.to_string()
    }
}

impl Cell for bool {
    fn cell(&self) -> String {
        self.to_string()
    }
}

impl Cell for &str {
    fn cell(&self) -> String {
        (*self).to_owned()
    }
}

impl Cell for String {
    fn cell(&self) -> String {
        self.clone()
    }
}

impl Cell for Layer {
    fn cell(&self) -> String {
        self.as_str().to_owned()
    }
}

impl Cell for Option<i32> {
    fn cell(&self) -> String {
        self.map(|n| n.to_string()).unwrap_or_default()
    }
}

/// Declares the row once: the struct, its serde form (the fields in this order) and
/// [`ExportRow::FIELDS`], so that the JSON, the CSV header and the override reader's
/// list of fields cannot drift apart.
macro_rules! export_row {
    ($($(#[doc = $doc:literal])+ $field:ident: $Type:ty,)+) => {
        /// One documented code as data: its catalog row, the response MSDK sends for it
        /// (its [`Fixture`](crate::testing::Fixture)'s `ret` and `msg`) and the API
        /// context that response is read in.
        ///
        /// It is the shape of the catalog's export (`msdk-explain --catalog`: a JSON
        /// array of these, a CSV row each with [`FIELDS`](Self::FIELDS) as the header)
        /// and of an override file's rows ([`Overrides`](crate::overrides::Overrides)
        /// reads the export as it is, ignoring the fields it does not take).
        ///
        /// ```
        /// use msdk_error_codes::catalog::ExportRow;
        /// use msdk_error_codes::{MsdkCode, QqPlatformCode};
        ///
        /// let row = ExportRow::of(MsdkCode::from(QqPlatformCode::TokenInvalidatedByPasswordChange));
        /// assert_eq!((row.ret, row.msg.as_str()), (-10000, "-73,0x47 access token改密失效"));
        /// assert_eq!((row.label, row.api), ("qq_platform.-73", "generic"));
        /// let json = serde_json::to_value(&row).unwrap();
        /// assert_eq!(json["err_type"], 2);
        /// assert_eq!(row.decision, "reauthorize");
        /// assert_eq!(ExportRow::FIELDS.len(), row.csv_record().len());
        /// ```
        #[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
        #[non_exhaustive]
        pub struct ExportRow {
            $($(#[doc = $doc])+ pub $field: $Type,)+
        }

        impl ExportRow {
            /// The field names, in the order of the JSON object and the CSV columns.
            pub const FIELDS: &'static [&'static str] = &[$(stringify!($field)),+];

            /// The row's values as CSV cells, in [`FIELDS`](Self::FIELDS) order: numbers
            /// in decimal, `null` as an empty cell, names as their `as_str`; not yet
            /// quoted.
            pub fn csv_record(&self) -> Vec<String> {
                vec![$(Cell::cell(&self.$field)),+]
            }
        }
    };
}

export_row! {
    /// The `ret` MSDK sends for the code.
    ret: i32,
    /// The `msg` MSDK sends with it.
    msg: String,
    /// The layer (table).
    layer: Layer,
    /// The row's code.
    code: i32,
    /// The variant name.
    name: &'static str,
    /// 错误描述, verbatim.
    description: &'static str,
    /// 推荐处理, verbatim.
    recommendation: &'static str,
    /// The description in English.
    description_en: &'static str,
    /// The recommended handling in English.
    recommendation_en: &'static str,
    /// The catalog's `err_type`, as the wire integer.
    err_type: i32,
    /// The normalised action's name.
    action: &'static str,
    /// What a backend does next with the row's response (its `ret` and `msg`, read in
    /// `api`): [`Decision::as_str`]. Derived from the row, so an override file's reader
    /// ignores it.
    decision: &'static str,
    /// Always `true`: the export holds documented codes (the field is there so that a
    /// row reads like a classification's JSON).
    known: bool,
    /// The API context the response is read in (`generic`, `share-qq`, ...).
    api: &'static str,
    /// The last number of a range row (`0x10~0x11`), else null.
    range_end: Option<i32>,
    /// An OIDB row's unsigned decimal form, when it differs from `code`, else null.
    unsigned: Option<i32>,
    /// The metric label (`Classification::label`).
    label: &'static str,
}

impl ExportRow {
    /// The row of a documented code.
    pub fn of(code: MsdkCode) -> ExportRow {
        let info = code.info();
        let (ret, msg) = code.wire_form();
        // The classification of that response: the row's handling for its `ret` (a
        // platform's success row inside a failed `ret` is an unexplained failure).
        let (err_type, action) = info.handling(ret);
        ExportRow {
            ret,
            msg: msg.into_owned(),
            layer: info.layer,
            code: info.code,
            name: info.name,
            description: info.description,
            recommendation: info.recommendation,
            description_en: info.description_en,
            recommendation_en: info.recommendation_en,
            err_type: info.err_type.code(),
            action: info.action.as_str(),
            decision: Decision::of(ret, action, err_type).as_str(),
            known: true,
            api: Api::for_layer(info.layer).as_str(),
            range_end: info.range_end,
            unsigned: info.unsigned,
            label: info.label,
        }
    }

    /// The code as the spec's table gives it: `16..=17` for a range row, `-1 (255)` for
    /// an OIDB row's two forms, else the number.
    pub fn code_cell(&self) -> String {
        match (self.range_end, self.unsigned) {
            (Some(end), _) => format!("{}..={end}", self.code),
            (None, Some(unsigned)) => format!("{} ({unsigned})", self.code),
            (None, None) => self.code.to_string(),
        }
    }
}
