//! The serde path: any deserializer drives, through a filtering `MapAccess`.

use core::fmt;
use core::marker::PhantomData;

use serde::de::{self, DeserializeSeed, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

use super::Envelope;
use crate::response::MsdkResponse;
use crate::response::de::{FieldKey, read_field};
use crate::response::wire::{Field, Fields};

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Envelope<'de, T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(EnvelopeVisitor(PhantomData))
    }
}

struct EnvelopeVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for EnvelopeVisitor<T> {
    type Value = Envelope<'de, T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an MSDK response object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut state = SerdeState::default();
        let payload = T::deserialize(FilterDeserializer {
            map: &mut map,
            state: &mut state,
        });
        let payload = match payload {
            Ok(payload) => {
                state.drain(&mut map)?;
                Some(payload)
            }
            // T gave up at the end of a failed response: not needed.
            Err(_) if state.done && state.fields.failed() => None,
            Err(error) => return Err(error),
        };
        let response = state
            .fields
            .into_status()
            .map(MsdkResponse::from)
            .ok_or_else(|| de::Error::missing_field("ret"))?;
        let payload = payload.filter(|_| response.ret() == 0);
        Ok(Envelope { response, payload })
    }
}

#[derive(Default)]
struct SerdeState<'de> {
    fields: Fields<'de>,
    done: bool,
}

impl<'de> SerdeState<'de> {
    /// Reads the rest of the map: envelope fields into the envelope, the rest skipped.
    fn drain<A: MapAccess<'de>>(&mut self, map: &mut A) -> Result<(), A::Error> {
        if !self.done {
            while let Some(FieldKey(field)) = map.next_key()? {
                read_field(map, field, &mut self.fields)?;
            }
            self.done = true;
        }
        Ok(())
    }
}

/// The payload object for `T` on the serde path.
struct FilterDeserializer<'m, 'de, A> {
    map: &'m mut A,
    state: &'m mut SerdeState<'de>,
}

impl<'de, A: MapAccess<'de>> Deserializer<'de> for FilterDeserializer<'_, 'de, A> {
    type Error = A::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, A::Error> {
        visitor.visit_map(FilterMap {
            map: self.map,
            state: self.state,
        })
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, A::Error> {
        self.state.drain(self.map)?;
        visitor.visit_unit()
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, A::Error> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        visitor.visit_newtype_struct(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        unit unit_struct seq tuple tuple_struct map struct enum identifier
    }
}

/// The outer map without the envelope's fields.
struct FilterMap<'m, 'de, A> {
    map: &'m mut A,
    state: &'m mut SerdeState<'de>,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for FilterMap<'_, 'de, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        mut seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        loop {
            if self.state.fields.failed() {
                self.state.drain(self.map)?;
            }
            if self.state.done {
                return Ok(None);
            }
            match self.map.next_key_seed(SplitKey(seed))? {
                None => {
                    self.state.done = true;
                    return Ok(None);
                }
                Some(Split::Payload(key)) => return Ok(Some(key)),
                Some(Split::Envelope(field, back)) => {
                    read_field(self.map, field, &mut self.state.fields)?;
                    seed = back;
                }
            }
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        self.map.next_value_seed(seed)
    }
}

/// A key of the outer map: an envelope field (and the payload's seed, unused, back), or
/// the payload's key as its seed made it. The key is looked at once, borrowed.
enum Split<S, V> {
    Envelope(Field, S),
    Payload(V),
}

struct SplitKey<S>(S);

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for SplitKey<S> {
    type Value = Split<S, S::Value>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl<'de, S: DeserializeSeed<'de>> Visitor<'de> for SplitKey<S> {
    type Value = Split<S, S::Value>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_borrowed_str<E: de::Error>(self, key: &'de str) -> Result<Self::Value, E> {
        match Field::of(key.as_bytes()) {
            Field::Other => self
                .0
                .deserialize(de::value::BorrowedStrDeserializer::new(key))
                .map(Split::Payload),
            field => Ok(Split::Envelope(field, self.0)),
        }
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Self::Value, E> {
        match Field::of(key.as_bytes()) {
            Field::Other => self
                .0
                .deserialize(de::value::StrDeserializer::new(key))
                .map(Split::Payload),
            field => Ok(Split::Envelope(field, self.0)),
        }
    }

    fn visit_string<E: de::Error>(self, key: String) -> Result<Self::Value, E> {
        match Field::of(key.as_bytes()) {
            Field::Other => self
                .0
                .deserialize(de::value::StringDeserializer::new(key))
                .map(Split::Payload),
            field => Ok(Split::Envelope(field, self.0)),
        }
    }
}
