//! LEB128 varints: seven bits a byte, low bits first, the high bit set on every byte but the
//! last. The compact form of the numbers the index gathers in memory and keeps in its memo.

/// Appends `value`.
pub fn put(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push(value as u8 | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// Reads the number at `*at` and moves past it; `None` (and `*at` anywhere) when the bytes
/// end inside it or it does not fit in 64 bits.
pub fn read(bytes: &[u8], at: &mut usize) -> Option<u64> {
    let mut value = 0u64;
    for shift in (0..64).step_by(7) {
        let byte = *bytes.get(*at)?;
        *at += 1;
        let bits = u64::from(byte & 0x7f);
        if shift == 63 && bits > 1 {
            return None;
        }
        value |= bits << shift;
        if byte & 0x80 == 0 {
            return Some(value);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_round_trip_and_broken_ones_are_refused() {
        let numbers = [0, 1, 127, 128, 300, 16_383, 16_384, u64::from(u32::MAX), u64::MAX];
        let mut bytes = Vec::new();
        for n in numbers {
            put(&mut bytes, n);
        }
        assert_eq!(&bytes[..5], [0, 1, 127, 0x80, 1]);
        let mut at = 0;
        let read_back: Vec<u64> = std::iter::from_fn(|| read(&bytes, &mut at)).collect();
        assert_eq!(read_back, numbers);
        assert_eq!(at, bytes.len());
        // Cut inside a number, and eleven bytes (over 64 bits).
        assert_eq!(read(&[0x80], &mut 0), None);
        assert_eq!(read(&[0xff; 10].iter().copied().chain([0x01]).collect::<Vec<_>>(), &mut 0), None);
        assert_eq!(read(&[0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x02], &mut 0), None);
    }
}
