//! Fingerprints: a hash of everything a file of the site is made from (for a page: the
//! guong build, the theme, the site settings and the serialized template context), so a
//! build can tell that a file would come out the same without making it.

mod encoder;

use std::fmt;
use std::ops::Deref;

use serde::{Serialize, Serializer};

pub use encoder::Error;
use encoder::{Sink, encode};

/// A BLAKE3 hash, cut to 128 bits: the inputs come from pull requests, so a hash an author
/// could collide on purpose (and keep a stale page published) will not do.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Fingerprint([u8; 16]);

impl Fingerprint {
    /// The fingerprint of `parts`, each length-prefixed so that no two lists of parts
    /// hash alike, followed by `value` encoded (see `encoder`).
    pub fn of<T: Serialize + ?Sized>(parts: &[&[u8]], value: &T) -> Result<Fingerprint, Error> {
        let mut hasher = Hasher::new(parts);
        hasher.add(value)?;
        Ok(hasher.finish())
    }

    /// The 32 hex digits of the fingerprint.
    pub fn to_hex(self) -> String {
        self.0.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// Reads 32 hex digits.
    pub fn from_hex(text: &str) -> Option<Fingerprint> {
        if text.len() != 32 || !text.is_ascii() {
            return None;
        }
        let mut bytes = [0; 16];
        for (i, byte) in bytes.iter_mut().enumerate() {
            *byte = u8::from_str_radix(&text[2 * i..2 * i + 2], 16).ok()?;
        }
        Some(Fingerprint(bytes))
    }
}

impl fmt::Debug for Fingerprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_hex())
    }
}

/// A value with its fingerprint, computed once: a fingerprint of a context holding it encodes
/// these 16 bytes instead of the whole value again (a model's page and its Word file are made
/// from one context). Rendered, it is the value itself.
pub struct Digested<T> {
    value: T,
    digest: Option<Fingerprint>,
}

impl<T: Serialize> Digested<T> {
    /// `value` with its digest, computed now.
    pub fn new(value: T) -> Digested<T> {
        let digest = Fingerprint::of(&[b"digested"], &value).ok();
        Digested { value, digest }
    }
}

impl<T> Deref for Digested<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T: Serialize> Serialize for Digested<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.digest {
            // Only a fingerprint's encoder is not human-readable.
            Some(digest) if !serializer.is_human_readable() => serializer.serialize_bytes(&digest.0),
            _ => self.value.serialize(serializer),
        }
    }
}

/// A fingerprint being computed. Encoded values are gathered into blocks before they are
/// hashed: the encoder writes a few bytes at a time, and BLAKE3 is several times faster on
/// long inputs (it hashes their chunks side by side).
pub struct Hasher {
    hash: blake3::Hasher,
    pending: Vec<u8>,
}

/// Bytes gathered before they are hashed.
const BLOCK: usize = 64 * 1024;

impl Hasher {
    /// Starts with `parts`, each length-prefixed.
    pub fn new(parts: &[&[u8]]) -> Hasher {
        let mut hash = blake3::Hasher::new();
        for part in parts {
            hash.update(&(part.len() as u64).to_le_bytes());
            hash.update(part);
        }
        Hasher { hash, pending: Vec::new() }
    }

    /// Adds `value`, encoded: the encoding is prefix-free, so values added one after the
    /// other need no separator.
    pub fn add<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        encode(value, self)
    }

    /// The fingerprint of everything added.
    pub fn finish(mut self) -> Fingerprint {
        self.hash.update(&self.pending);
        let hash = self.hash.finalize();
        let mut bytes = [0; 16];
        bytes.copy_from_slice(&hash.as_bytes()[..16]);
        Fingerprint(bytes)
    }
}

/// Lets the encoder write into the hasher.
impl Sink for Hasher {
    fn put(&mut self, bytes: &[u8]) {
        if self.pending.len() + bytes.len() > BLOCK && !self.pending.is_empty() {
            self.hash.update(&self.pending);
            self.pending.clear();
        }
        if bytes.len() >= BLOCK {
            self.hash.update(bytes);
        } else {
            self.pending.extend_from_slice(bytes);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::context::OnRender;

    #[test]
    fn parts_are_delimited_and_hex_round_trips() {
        let a = Fingerprint::of(&[b"ab", b"c"], "x").unwrap();
        assert_ne!(a, Fingerprint::of(&[b"a", b"bc"], "x").unwrap());
        assert_ne!(a, Fingerprint::of(&[b"ab", b"c"], "y").unwrap());
        assert_eq!(a, Fingerprint::of(&[b"ab", b"c"], "x").unwrap());
        assert_eq!(Fingerprint::from_hex(&a.to_hex()), Some(a));
        assert_eq!(Fingerprint::from_hex("zz"), None);
        assert_eq!(Fingerprint::from_hex(&"é".repeat(16)), None);
    }

    #[test]
    fn gathering_into_blocks_hashes_exactly_the_encoded_bytes() {
        // Strings longer and shorter than a block, some needing escapes.
        let value: Vec<String> = [10, BLOCK - 3, 1, 3 * BLOCK + 7].iter().map(|&n| "a\"é".repeat(n / 4 + 1)).collect();
        let mut expected = blake3::Hasher::new();
        expected.update(&2u64.to_le_bytes());
        expected.update(b"ab");
        let mut encoded = Vec::new();
        encode(&value, &mut encoded).unwrap();
        expected.update(&encoded);
        let expected = expected.finalize();
        assert_eq!(Fingerprint::of(&[b"ab"], &value).unwrap().0, expected.as_bytes()[..16]);
    }

    #[test]
    fn a_digested_value_is_fingerprinted_by_its_digest_and_rendered_as_itself() {
        let of = |words: &[&str]| Fingerprint::of(&[b"page"], &Digested::new(words.to_vec())).unwrap();
        assert_eq!(of(&["a", "b"]), of(&["a", "b"]));
        assert_ne!(of(&["a", "b"]), of(&["a", "c"]));
        let digested = Digested::new(vec!["a", "b"]);
        assert_eq!(serde_json::to_string(&digested).unwrap(), r#"["a","b"]"#);
        assert_eq!(digested.len(), 2);
    }

    #[test]
    fn a_part_made_on_render_is_fingerprinted_by_its_inputs_and_never_made_for_it() {
        fn never(_: &u32) -> String {
            panic!("a fingerprint made the part")
        }
        let of = |n: u32| Fingerprint::of(&[b"page"], &OnRender::new(n, never)).unwrap();
        assert_eq!(of(1), of(1));
        assert_ne!(of(1), of(2));
        let drawn = OnRender::new(3, |n: &u32| format!("<svg>{n}</svg>"));
        assert_eq!(serde_json::to_string(&drawn).unwrap(), r#""<svg>3</svg>""#);
    }
}
