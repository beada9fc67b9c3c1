//! A fast hasher for actor names: sending by name hashes the name on every send.

use core::hash::{BuildHasherDefault, Hasher};

/// The Firefox/rustc "Fx" hash: a multiply and rotate per word, several times faster than the
/// default SipHash on short keys. It does not resist collision attacks (HashDoS); names are
/// chosen by the program, and a hostile set of names would only make sends slower.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, mut bytes: &[u8]) {
        while let Some((chunk, rest)) = bytes.split_first_chunk::<8>() {
            self.add(u64::from_le_bytes(*chunk));
            bytes = rest;
        }
        if let Some((chunk, rest)) = bytes.split_first_chunk::<4>() {
            self.add(u64::from(u32::from_le_bytes(*chunk)));
            bytes = rest;
        }
        for &byte in bytes {
            self.add(u64::from(byte));
        }
    }

    #[inline]
    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// The `BuildHasher` of the name directory.
pub(crate) type BuildFxHasher = BuildHasherDefault<FxHasher>;

#[cfg(test)]
mod tests {
    use super::*;
    use core::hash::BuildHasher;

    #[test]
    fn equal_names_hash_equal_and_different_names_differ() {
        let build = BuildFxHasher::default();
        assert_eq!(build.hash_one("printer"), build.hash_one("printer"));
        let names = [
            "printer", "counter", "a", "b", "ab", "ba", "printer1", "printer2", "",
        ];
        let mut hashes: Vec<u64> = names.iter().map(|n| build.hash_one(n)).collect();
        hashes.sort_unstable();
        hashes.dedup();
        assert_eq!(hashes.len(), names.len());
    }
}
