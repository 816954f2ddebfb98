//! Look-ups: a code (`layer:code`, or a label) as MSDK sends it, and the other tables
//! that document a number.

use std::borrow::Cow;

use msdk_error_codes::catalog::ExportRow;
use msdk_error_codes::{Api, Classification, Code, Layer, MsdkCode};

/// The `ret` and `msg` MSDK sends for `code`, and the API it is read in: a documented
/// row's own number as the catalog exports it; another number of a range row, or an
/// undocumented one, in the layer's wire form (a passthrough for the QQ and WeChat
/// platforms, `ret -15000` with `ret:N` for the OIDB tables, else `ret` itself).
pub(super) fn wire_form(code: Code) -> (Api, i32, Cow<'static, str>) {
    let api = Api::for_layer(code.layer());
    let known = code.known();
    if let Some(row) = known.filter(|row| row.code() == code.value()) {
        let export = ExportRow::of(row);
        return (api, export.ret, Cow::Owned(export.msg));
    }
    let n = code.value();
    let text = known.map_or("", |row| row.description());
    let (ret, msg) = match code.layer() {
        Layer::QqPlatform => (-10000, format!("{n},{text}")),
        Layer::WechatPlatform => (-20000, format!("{n},{text}")),
        Layer::Oidb => (-15000, format!("oidb call failed, ret:{n}")),
        Layer::PayToken => (-15000, format!("oidb decode0x73a failed, ret:{n}")),
        Layer::AccessToken => (-15000, format!("oidb decode0x711 failed, ret:{n}")),
        _ => (n, text.to_owned()),
    };
    (api, ret, Cow::Owned(msg))
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
