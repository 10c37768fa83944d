//! Number arrays written as their little-endian bytes.
//!
//! serde hands a `Vec<u32>` to the encoder one element at a time, and bincode writes each
//! as a variable-length integer that the load must decode one branchy byte at a time:
//! most of a load's decoding time for ten million relationships. Written as one byte
//! string instead, an array reads back with a copy. The file grows a little (a small
//! number takes its full width), which reading it costs far less than the decoding saved.

use std::fmt;
use std::marker::PhantomData;

use serde::de::Visitor;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A fixed-width number with a little-endian byte form.
pub(super) trait Number: Copy {
    const WIDTH: usize;
    fn put(self, out: &mut Vec<u8>);
    fn take(bytes: &[u8]) -> Self;
}

macro_rules! number {
    ($($t:ty),*) => {$(
        impl Number for $t {
            const WIDTH: usize = std::mem::size_of::<$t>();
            fn put(self, out: &mut Vec<u8>) {
                out.extend_from_slice(&self.to_le_bytes());
            }
            fn take(bytes: &[u8]) -> $t {
                let mut raw = [0u8; std::mem::size_of::<$t>()];
                raw.copy_from_slice(bytes);
                <$t>::from_le_bytes(raw)
            }
        }
    )*};
}
number!(i8, i16, i32, u32, u64, i64, f64);

/// A `Vec<T>` that serializes as its bytes.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Packed<T>(pub Vec<T>);

impl<T> std::ops::Deref for Packed<T> {
    type Target = Vec<T>;
    fn deref(&self) -> &Vec<T> {
        &self.0
    }
}

impl<T> std::ops::DerefMut for Packed<T> {
    fn deref_mut(&mut self) -> &mut Vec<T> {
        &mut self.0
    }
}

impl<T> FromIterator<T> for Packed<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Packed<T> {
        Packed(iter.into_iter().collect())
    }
}

impl<T: Number> Serialize for Packed<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut bytes = Vec::with_capacity(self.0.len() * T::WIDTH);
        for &x in &self.0 {
            x.put(&mut bytes);
        }
        serializer.serialize_bytes(&bytes)
    }
}

impl<'de, T: Number> Deserialize<'de> for Packed<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Packed<T>, D::Error> {
        deserializer.deserialize_byte_buf(PackedVisitor(PhantomData))
    }
}

struct PackedVisitor<T>(PhantomData<T>);

impl<T: Number> Visitor<'_> for PackedVisitor<T> {
    type Value = Packed<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a byte string of {}-byte numbers", T::WIDTH)
    }

    fn visit_bytes<E: serde::de::Error>(self, bytes: &[u8]) -> Result<Packed<T>, E> {
        if !bytes.len().is_multiple_of(T::WIDTH) {
            return Err(E::invalid_length(bytes.len(), &self));
        }
        Ok(Packed(bytes.chunks_exact(T::WIDTH).map(T::take).collect()))
    }

    fn visit_byte_buf<E: serde::de::Error>(self, bytes: Vec<u8>) -> Result<Packed<T>, E> {
        self.visit_bytes(&bytes)
    }
}

/// Bytes borrowed from the input, written as one byte string: a part of a body encoded
/// on its own, to be decoded apart from the rest.
pub(super) struct Blob<'a>(pub &'a [u8]);

impl Serialize for Blob<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(self.0)
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for Blob<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Blob<'a>, D::Error> {
        deserializer.deserialize_bytes(BlobVisitor)
    }
}

struct BlobVisitor;

impl<'de> Visitor<'de> for BlobVisitor {
    type Value = Blob<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a byte string borrowed from the input")
    }

    fn visit_borrowed_bytes<E: serde::de::Error>(self, bytes: &'de [u8]) -> Result<Blob<'de>, E> {
        Ok(Blob(bytes))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrays_round_trip_through_their_bytes() {
        let ints = Packed(vec![0i64, -1, i64::MAX, i64::MIN, 2009]);
        let bytes = super::super::encode(&ints).unwrap_or_default();
        assert_eq!(super::super::decode::<Packed<i64>>(&bytes).ok(), Some(ints));
        let floats = Packed(vec![0.5f64, -0.0, f64::INFINITY]);
        let bytes = super::super::encode(&floats).unwrap_or_default();
        assert_eq!(super::super::decode::<Packed<f64>>(&bytes).ok(), Some(floats));
    }

    #[test]
    fn a_byte_string_of_the_wrong_length_is_an_error() {
        let bytes = super::super::encode(&Packed(vec![7u32, 8])).unwrap_or_default();
        assert!(super::super::decode::<Packed<u64>>(&bytes).is_ok());
        let odd = super::super::encode(&Packed(vec![7u32, 8, 9])).unwrap_or_default();
        assert!(super::super::decode::<Packed<u64>>(&odd).is_err());
    }
}
