//! Reading an [`MsdkResponse`] through serde's `Deserialize`: the same field rules as the
//! crate's own reader, for `serde_json::from_str`, readers, and other formats.

use core::fmt;
use std::borrow::Cow;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, Unexpected, Visitor};
use serde::{Deserialize, Deserializer};

use super::MsdkResponse;
use super::wire::{Field, Fields, IntExpected, MsgExpected, Number, int_from_str};

impl<'de: 'a, 'a> Deserialize<'de> for MsdkResponse<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(ResponseVisitor)
    }
}

struct ResponseVisitor;

impl<'de> Visitor<'de> for ResponseVisitor {
    type Value = MsdkResponse<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an MSDK response object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut fields = Fields::default();
        while let Some(field) = map.next_key::<FieldKey>()? {
            read_field(&mut map, field.0, &mut fields)?;
        }
        fields
            .into_status()
            .map(MsdkResponse::from)
            .ok_or_else(|| de::Error::missing_field("ret"))
    }
}

/// Reads the value of one top-level field through serde: the envelope's three by the
/// crate's rules (the same as [`MsdkResponse::from_slice`]'s), any other skipped with
/// serde's `IgnoredAny`, which serde_json checks by grammar alone at every depth.
pub(crate) fn read_field<'de, A: MapAccess<'de>>(
    map: &mut A,
    field: Field,
    fields: &mut Fields<'de>,
) -> Result<(), A::Error> {
    match field {
        Field::Ret if fields.ret.is_some() => Err(de::Error::duplicate_field("ret")),
        Field::Msg if fields.msg.is_some() => Err(de::Error::duplicate_field("msg")),
        Field::ErrType if fields.err_type.is_some() => Err(de::Error::duplicate_field("err_type")),
        Field::Ret => match map.next_value_seed(IntField(IntExpected("ret")))? {
            Some(value) => {
                fields.ret = Some(value);
                Ok(())
            }
            None => Err(de::Error::invalid_type(
                Unexpected::Unit,
                &IntExpected("ret"),
            )),
        },
        Field::Msg => {
            fields.msg = Some(map.next_value_seed(MsgField)?);
            Ok(())
        }
        Field::ErrType => {
            fields.err_type = Some(map.next_value_seed(IntField(IntExpected("err_type")))?);
            Ok(())
        }
        Field::Other => map.next_value::<IgnoredAny>().map(|_| ()),
    }
}

/// A top-level key, sorted into the envelope's fields and the rest.
pub(crate) struct FieldKey(pub(crate) Field);

impl<'de> Deserialize<'de> for FieldKey {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct FieldVisitor;

        impl Visitor<'_> for FieldVisitor {
            type Value = FieldKey;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a field name")
            }

            fn visit_str<E: de::Error>(self, key: &str) -> Result<FieldKey, E> {
                Ok(FieldKey(Field::of(key.as_bytes())))
            }
        }

        deserializer.deserialize_identifier(FieldVisitor)
    }
}

/// The key serde_json uses, with its `arbitrary_precision` feature, to hand a number
/// over as a one-entry map holding the number's text.
const NUMBER_TOKEN: &str = "$serde_json::private::Number";

/// Reads serde_json's `arbitrary_precision` form of a number (a map of one entry,
/// [`NUMBER_TOKEN`] to the number's text) and classifies it as serde_json does without
/// the feature, so that Cargo's feature unification, which may turn the feature on for
/// this crate too, changes no result. Any other map is `invalid type: map`.
fn number_in_map<'de, A: MapAccess<'de>>(
    mut map: A,
    expected: &dyn de::Expected,
) -> Result<Number, A::Error> {
    struct IsToken;

    impl<'de> DeserializeSeed<'de> for IsToken {
        type Value = bool;

        fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<bool, D::Error> {
            deserializer.deserialize_identifier(self)
        }
    }

    impl Visitor<'_> for IsToken {
        type Value = bool;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a key")
        }

        fn visit_str<E: de::Error>(self, key: &str) -> Result<bool, E> {
            Ok(key == NUMBER_TOKEN)
        }
    }

    /// serde_json hands the number's text over as an owned `String`; a string in the
    /// input arrives borrowed or as `&str`, so an object in the input that merely has
    /// this key is still a map.
    struct OwnedText;

    impl Visitor<'_> for OwnedText {
        type Value = String;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a number's text")
        }

        fn visit_string<E: de::Error>(self, text: String) -> Result<String, E> {
            Ok(text)
        }

        /// A string from the input itself: so the map is the input's, not a number.
        fn visit_str<E: de::Error>(self, _: &str) -> Result<String, E> {
            Err(E::invalid_type(Unexpected::Map, &self))
        }
    }

    impl<'de> DeserializeSeed<'de> for OwnedText {
        type Value = String;

        fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<String, D::Error> {
            deserializer.deserialize_string(self)
        }
    }

    let not_a_number = || de::Error::invalid_type(Unexpected::Map, expected);
    // Without the feature, no number arrives as a map, and an object that merely has the
    // key (built by hand in a `serde_json::Value`) is a map like any other.
    if !numbers_arrive_as_maps() {
        return Err(not_a_number());
    }
    if map.next_key_seed(IsToken)? != Some(true) {
        return Err(not_a_number());
    }
    let text = map.next_value_seed(OwnedText).map_err(|_| not_a_number())?;
    let number = super::wire::scan_number_text(text.as_bytes()).ok_or_else(not_a_number)?;
    if map.next_key::<IgnoredAny>()?.is_some() {
        return Err(not_a_number());
    }
    Ok(number)
}

/// Whether this build's serde_json hands numbers over as maps (its
/// `arbitrary_precision` feature, which Cargo may have turned on for another crate):
/// asked of serde_json itself, once.
fn numbers_arrive_as_maps() -> bool {
    struct Probe;

    impl<'de> Visitor<'de> for Probe {
        type Value = bool;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a number")
        }

        fn visit_f64<E: de::Error>(self, _: f64) -> Result<bool, E> {
            Ok(false)
        }

        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
            while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
            Ok(true)
        }
    }

    static ANSWER: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *ANSWER.get_or_init(|| {
        // A fraction: integers that fit 64 bits arrive as integers even with the feature.
        let mut json = serde_json::Deserializer::from_str("0.5");
        Deserializer::deserialize_any(&mut json, Probe).unwrap_or(false)
    })
}

/// An `i32` field sent as a JSON integer or a string holding one; `null` is `None`.
struct IntField(IntExpected);

impl<'de> DeserializeSeed<'de> for IntField {
    type Value = Option<i32>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for IntField {
    type Value = Option<i32>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        de::Expected::fmt(&self.0, f)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Number::I64(v).to_i32(&self.0).map(Some)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Number::U64(v).to_i32(&self.0).map(Some)
    }

    /// Every float is refused, `-0` included (serde_json reads the integer `-0` as the
    /// float `-0.0`, the same as `-1e-400`).
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        Number::F64(v).to_i32(&self.0).map(Some)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        int_from_str(v, &self.0).map(Some)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        number_in_map(map, &self.0)?.to_i32(&self.0).map(Some)
    }
}

/// `msg`: borrowed when the input has it without escapes; `null` is `""`.
struct MsgField;

impl<'de> DeserializeSeed<'de> for MsgField {
    type Value = Cow<'de, str>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for MsgField {
    type Value = Cow<'de, str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        de::Expected::fmt(&MsgExpected, f)
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(v))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Cow::Owned(v))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Cow::Borrowed(""))
    }

    /// A number under serde_json's `arbitrary_precision` is refused in the same words as
    /// without it.
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        let number = number_in_map(map, &MsgExpected)?;
        Err(de::Error::invalid_type(number.unexpected(), &MsgExpected))
    }
}
