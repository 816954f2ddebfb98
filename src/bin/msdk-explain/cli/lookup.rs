//! Look-ups: a code (`layer:code`, or a label) as MSDK sends it, and the other tables
//! that document a number.

use std::borrow::Cow;

use msdk_error_codes::{Api, Classification, Code, Layer, MsdkCode};

/// The `ret` and `msg` MSDK sends for `code` ([`Code::wire_form`]), and the API it is
/// read in.
pub(super) fn wire_form(code: Code) -> (Api, i32, Cow<'static, str>) {
    let (ret, msg) = code.wire_form();
    (Api::for_layer(code.layer()), ret, msg)
}

/// For an undocumented code, every table that documents its number, as `layer:number`
/// and the row; empty for a documented code.
pub(super) fn also_documented(c: &Classification<'_>) -> Vec<(Code, MsdkCode)> {
    if c.known().is_some() {
        return Vec::new();
    }
    Layer::ALL
        .iter()
        .filter(|&&layer| layer != c.layer())
        .filter_map(|&layer| {
            MsdkCode::lookup(layer, c.code()).map(|row| (Code::new(layer, c.code()), row))
        })
        .collect()
}
