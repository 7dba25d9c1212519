//! Where each line of a text starts, found in one pass, so the line of any byte offset and
//! the text of any line are a binary search or an index away: a file with 100,000 findings
//! is never counted again from its start for each of them.

/// The line starts of a text (`\n`-separated).
pub struct Lines<'a> {
    text: &'a str,
    /// Byte offset of the start of each line; the first is 0.
    starts: Vec<usize>,
}

impl<'a> Lines<'a> {
    /// Indexes `text`.
    pub fn new(text: &'a str) -> Lines<'a> {
        let starts = std::iter::once(0).chain(text.match_indices('\n').map(|(i, _)| i + 1)).collect();
        Lines { text, starts }
    }

    /// The 0-based line holding byte `offset` (an offset past the end is on the last line).
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset).saturating_sub(1)
    }

    /// The byte offset where 0-based line `n` starts.
    pub fn start(&self, n: usize) -> usize {
        self.starts.get(n).copied().unwrap_or(self.text.len())
    }

    /// The text of 0-based line `n` without its line end, as [`str::lines`] gives it (no
    /// line after a final `\n`).
    pub fn line(&self, n: usize) -> Option<&'a str> {
        let start = *self.starts.get(n)?;
        if start == self.text.len() {
            return None;
        }
        let end = self.starts.get(n + 1).map_or(self.text.len(), |next| next - 1);
        let line = &self.text[start..end];
        Some(line.strip_suffix('\r').unwrap_or(line))
    }
}

#[cfg(test)]
mod tests {
    use super::Lines;

    #[test]
    fn lines_and_offsets_agree_with_str_lines() {
        for text in ["", "a", "a\n", "a\r\nbb\n\nccc", "một\nhai\n"] {
            let lines = Lines::new(text);
            let expected: Vec<&str> = text.lines().collect();
            let found: Vec<&str> = (0..).map_while(|n| lines.line(n)).collect();
            assert_eq!(found, expected, "{text:?}");
        }
        let lines = Lines::new("ab\ncd\n");
        let of: Vec<usize> = (0..8).map(|offset| lines.line_of(offset)).collect();
        assert_eq!(of, [0, 0, 0, 1, 1, 1, 2, 2]);
        assert_eq!((lines.start(1), lines.start(9)), (3, 6));
    }
}
