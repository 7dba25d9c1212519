//! A serde serializer that writes a value as a compact, prefix-free byte encoding for
//! hashing: every value starts with a tag byte naming its kind, strings and bytes carry
//! their length, and sequences, maps and structs end with a tag no value starts with. Two
//! values with different serde data therefore never encode alike. The encoder is not
//! human-readable: a value may encode what it is made from instead of what a template sees
//! (a chart's numbers, not its SVG; a context's digest, not the context), when that decides
//! the other.
//!
//! It exists because fingerprints only need to tell values apart: JSON escapes every string
//! (a page context holds kilobytes of HTML) and formats every number, which cost a fifth of
//! the time spent fingerprinting a page.

use std::fmt;

use serde::ser::{self, Serialize};

/// Tags: the first byte of each encoded value, or the end of a sequence, map or struct.
mod tag {
    pub const FALSE: u8 = 0x01;
    pub const TRUE: u8 = 0x02;
    pub const I8: u8 = 0x03;
    pub const I16: u8 = 0x04;
    pub const I32: u8 = 0x05;
    pub const I64: u8 = 0x06;
    pub const I128: u8 = 0x07;
    pub const U8: u8 = 0x08;
    pub const U16: u8 = 0x09;
    pub const U32: u8 = 0x0a;
    pub const U64: u8 = 0x0b;
    pub const U128: u8 = 0x0c;
    pub const F32: u8 = 0x0d;
    pub const F64: u8 = 0x0e;
    pub const CHAR: u8 = 0x0f;
    pub const STR: u8 = 0x10;
    pub const BYTES: u8 = 0x11;
    pub const NONE: u8 = 0x20;
    pub const SOME: u8 = 0x21;
    pub const UNIT: u8 = 0x22;
    pub const UNIT_STRUCT: u8 = 0x23;
    pub const UNIT_VARIANT: u8 = 0x24;
    pub const NEWTYPE_STRUCT: u8 = 0x25;
    pub const NEWTYPE_VARIANT: u8 = 0x26;
    pub const SEQ: u8 = 0x30;
    pub const TUPLE_VARIANT: u8 = 0x31;
    pub const MAP: u8 = 0x33;
    pub const STRUCT: u8 = 0x34;
    pub const STRUCT_VARIANT: u8 = 0x35;
    /// Ends a sequence, tuple, map or struct.
    pub const END: u8 = 0x3f;
}

/// Where encoded bytes go.
pub trait Sink {
    /// Takes the next bytes of the encoding.
    fn put(&mut self, bytes: &[u8]);
}

impl Sink for Vec<u8> {
    fn put(&mut self, bytes: &[u8]) {
        self.extend_from_slice(bytes);
    }
}

/// Encodes `value` into `sink`.
pub fn encode<T: Serialize + ?Sized, S: Sink>(value: &T, sink: &mut S) -> Result<(), Error> {
    value.serialize(&mut Encoder { sink })
}

/// A value serde could not encode (a `Serialize` implementation that failed on purpose).
#[derive(Debug)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(message: T) -> Self {
        Error(message.to_string())
    }
}

/// The serializer: writes into its sink.
struct Encoder<'s, S> {
    sink: &'s mut S,
}

impl<S: Sink> Encoder<'_, S> {
    fn tag(&mut self, tag: u8) {
        self.sink.put(&[tag]);
    }

    fn tagged(&mut self, tag: u8, bytes: &[u8]) {
        self.tag(tag);
        self.sink.put(bytes);
    }

    /// A length-prefixed string or byte string.
    fn text(&mut self, tag: u8, bytes: &[u8]) {
        self.tagged(tag, &(bytes.len() as u64).to_le_bytes());
        self.sink.put(bytes);
    }
}

type Done = Result<(), Error>;

impl<S: Sink> ser::Serializer for &mut Encoder<'_, S> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Self;
    type SerializeTuple = Self;
    type SerializeTupleStruct = Self;
    type SerializeTupleVariant = Self;
    type SerializeMap = Self;
    type SerializeStruct = Self;
    type SerializeStructVariant = Self;

    /// A fingerprint encodes what a value is made from, not the text a page shows: values
    /// that can stand for themselves more briefly (see `Digested`, `OnRender`) do so here.
    fn is_human_readable(&self) -> bool {
        false
    }

    fn serialize_bool(self, v: bool) -> Done {
        self.tag(if v { tag::TRUE } else { tag::FALSE });
        Ok(())
    }
    fn serialize_i8(self, v: i8) -> Done {
        self.tagged(tag::I8, &v.to_le_bytes());
        Ok(())
    }
    fn serialize_i16(self, v: i16) -> Done {
        self.tagged(tag::I16, &v.to_le_bytes());
        Ok(())
    }
    fn serialize_i32(self, v: i32) -> Done {
        self.tagged(tag::I32, &v.to_le_bytes());
        Ok(())
    }
    fn serialize_i64(self, v: i64) -> Done {
        self.tagged(tag::I64, &v.to_le_bytes());
        Ok(())
    }
    fn serialize_i128(self, v: i128) -> Done {
        self.tagged(tag::I128, &v.to_le_bytes());
        Ok(())
    }
    fn serialize_u8(self, v: u8) -> Done {
        self.tagged(tag::U8, &v.to_le_bytes());
        Ok(())
    }
    fn serialize_u16(self, v: u16) -> Done {
        self.tagged(tag::U16, &v.to_le_bytes());
        Ok(())
    }
    fn serialize_u32(self, v: u32) -> Done {
        self.tagged(tag::U32, &v.to_le_bytes());
        Ok(())
    }
    fn serialize_u64(self, v: u64) -> Done {
        self.tagged(tag::U64, &v.to_le_bytes());
        Ok(())
    }
    fn serialize_u128(self, v: u128) -> Done {
        self.tagged(tag::U128, &v.to_le_bytes());
        Ok(())
    }
    fn serialize_f32(self, v: f32) -> Done {
        self.tagged(tag::F32, &v.to_bits().to_le_bytes());
        Ok(())
    }
    fn serialize_f64(self, v: f64) -> Done {
        self.tagged(tag::F64, &v.to_bits().to_le_bytes());
        Ok(())
    }
    fn serialize_char(self, v: char) -> Done {
        self.tagged(tag::CHAR, &u32::from(v).to_le_bytes());
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Done {
        self.text(tag::STR, v.as_bytes());
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Done {
        self.text(tag::BYTES, v);
        Ok(())
    }
    fn serialize_none(self) -> Done {
        self.tag(tag::NONE);
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Done {
        self.tag(tag::SOME);
        value.serialize(self)
    }
    fn serialize_unit(self) -> Done {
        self.tag(tag::UNIT);
        Ok(())
    }
    fn serialize_unit_struct(self, name: &'static str) -> Done {
        self.text(tag::UNIT_STRUCT, name.as_bytes());
        Ok(())
    }
    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Done {
        self.text(tag::UNIT_VARIANT, variant.as_bytes());
        Ok(())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Done {
        self.tag(tag::NEWTYPE_STRUCT);
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Done {
        self.text(tag::NEWTYPE_VARIANT, variant.as_bytes());
        value.serialize(self)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self, Error> {
        self.tag(tag::SEQ);
        Ok(self)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self, Error> {
        self.tag(tag::SEQ);
        Ok(self)
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Self, Error> {
        self.tag(tag::SEQ);
        Ok(self)
    }
    fn serialize_tuple_variant(self, _: &'static str, _: u32, variant: &'static str, _: usize) -> Result<Self, Error> {
        self.text(tag::TUPLE_VARIANT, variant.as_bytes());
        Ok(self)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self, Error> {
        self.tag(tag::MAP);
        Ok(self)
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self, Error> {
        self.tag(tag::STRUCT);
        Ok(self)
    }
    fn serialize_struct_variant(self, _: &'static str, _: u32, variant: &'static str, _: usize) -> Result<Self, Error> {
        self.text(tag::STRUCT_VARIANT, variant.as_bytes());
        Ok(self)
    }
}

/// Elements of sequences and tuples: each is a whole value, so needs no separator.
macro_rules! elements {
    ($($trait:ident :: $method:ident),*) => {$(
        impl<S: Sink> ser::$trait for &mut Encoder<'_, S> {
            type Ok = ();
            type Error = Error;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
                value.serialize(&mut **self)
            }
            fn end(self) -> Done {
                self.tag(tag::END);
                Ok(())
            }
        }
    )*};
}

elements!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl<S: Sink> ser::SerializeMap for &mut Encoder<'_, S> {
    type Ok = ();
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Done {
        key.serialize(&mut **self)
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Done {
        value.serialize(&mut **self)
    }
    fn end(self) -> Done {
        self.tag(tag::END);
        Ok(())
    }
}

/// Fields of structs: the name, as a string, then the value. A skipped field writes
/// nothing, as it is absent for the template too.
macro_rules! fields {
    ($($trait:ident),*) => {$(
        impl<S: Sink> ser::$trait for &mut Encoder<'_, S> {
            type Ok = ();
            type Error = Error;
            fn serialize_field<T: Serialize + ?Sized>(&mut self, name: &'static str, value: &T) -> Done {
                self.text(tag::STR, name.as_bytes());
                value.serialize(&mut **self)
            }
            fn end(self) -> Done {
                self.tag(tag::END);
                Ok(())
            }
        }
    )*};
}

fields!(SerializeStruct, SerializeStructVariant);

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::Serialize;

    use super::*;

    fn bytes<T: Serialize + ?Sized>(value: &T) -> Vec<u8> {
        let mut out = Vec::new();
        encode(value, &mut out).unwrap();
        out
    }

    #[derive(Serialize)]
    struct Page<'a> {
        title: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        note: Option<&'a str>,
        tags: Vec<&'a str>,
    }

    #[derive(Serialize)]
    enum Kind {
        Plain,
        Named(u8),
        Pair(u8, u8),
        Full { a: u8 },
    }

    #[test]
    fn values_that_differ_for_a_template_never_encode_alike() {
        let distinct: Vec<Vec<u8>> = vec![
            bytes(&["ab", "c"]),
            bytes(&["a", "bc"]),
            bytes(&["abc"]),
            bytes(&[["a"], ["b"]]),
            bytes(&[vec!["a", "b"]]),
            bytes(&Vec::<&str>::new()),
            bytes(&vec![Vec::<&str>::new()]),
            bytes(&Some("")),
            bytes(&None::<&str>),
            bytes(&""),
            bytes(&()),
            bytes(&1u8),
            bytes(&1u64),
            bytes(&1i64),
            bytes(&1.0f64),
            bytes(&'1'),
            bytes(&"1"),
            bytes(&true),
            bytes(&false),
            bytes(&BTreeMap::from([("a", "b")])),
            bytes(&BTreeMap::from([("ab", "")])),
            bytes(&Page { title: "a", note: None, tags: vec![] }),
            bytes(&Page { title: "a", note: Some(""), tags: vec![] }),
            bytes(&Page { title: "", note: None, tags: vec!["a"] }),
            bytes(&Kind::Plain),
            bytes(&Kind::Named(1)),
            bytes(&Kind::Pair(1, 2)),
            bytes(&Kind::Full { a: 1 }),
        ];
        for (i, a) in distinct.iter().enumerate() {
            for b in &distinct[i + 1..] {
                assert_ne!(a, b);
            }
        }
    }

    #[test]
    fn the_same_value_encodes_the_same_way() {
        let page = || Page { title: "Học tập \"và\" <b>làm theo</b>", note: Some("x"), tags: vec!["a", "b"] };
        assert_eq!(bytes(&page()), bytes(&page()));
        // Strings are written as they are, with their length: no escaping to pay for.
        let text = "<p>\"é\"</p>";
        let encoded = bytes(text);
        assert_eq!(encoded[0], tag::STR);
        assert_eq!(&encoded[1..9], &(text.len() as u64).to_le_bytes());
        assert_eq!(&encoded[9..], text.as_bytes());
    }

    #[test]
    fn a_failing_value_is_an_error() {
        struct Refuses;
        impl Serialize for Refuses {
            fn serialize<S: serde::Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
                Err(serde::ser::Error::custom("no"))
            }
        }
        assert_eq!(encode(&[Refuses], &mut Vec::new()).unwrap_err().to_string(), "no");
    }
}
