//! Digests of the index's inputs: a BLAKE3 hash of length-prefixed parts, cut to 128 bits, so
//! that no two lists of parts hash alike. The memo finds a document's syllables by one; a
//! bigram shard is kept between builds by another.

/// A digest: 16 bytes of BLAKE3.
pub type Digest = [u8; 16];

/// A digest being computed, part by part.
#[derive(Default)]
pub struct Digester(blake3::Hasher);

impl Digester {
    /// Adds `bytes` as one part, prefixed with its length.
    pub fn part(&mut self, bytes: &[u8]) {
        self.0.update(&(bytes.len() as u64).to_le_bytes());
        self.0.update(bytes);
    }

    /// The digest of every part added.
    pub fn finish(self) -> Digest {
        let mut digest = [0; 16];
        digest.copy_from_slice(&self.0.finalize().as_bytes()[..16]);
        digest
    }
}
