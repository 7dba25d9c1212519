//! Bytes of a content file into text, front matter and Markdown body, with the file-level
//! rules of SPEC §3 (P-ENCODING, P-BOM, P-SIZE, P-FM-MISSING, P-FM-UNCLOSED).

use std::borrow::Cow;

use crate::diagnostic::{Code, Diagnostic, Pos};

/// Largest content file accepted.
pub const MAX_FILE_BYTES: usize = crate::source::MAX_TEXT_BYTES as usize;

/// A Markdown content file split at its front-matter fences.
#[derive(Clone, Debug, PartialEq)]
pub struct Split<'a> {
    /// The YAML between the fences.
    pub front: &'a str,
    /// File line of the first YAML line (2 when the file starts with `---`).
    pub front_first_line: usize,
    /// The Markdown after the closing fence.
    pub body: &'a str,
    /// File line of the first body line.
    pub body_first_line: usize,
}

/// The byte order mark some editors write first.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// How to fix a file that is not UTF-8.
pub const UTF8_HINT: &str = "lưu lại tệp với mã hóa UTF-8";

/// What is wrong with a file that is not UTF-8, its first bad byte at `offset` (from the
/// file's start).
pub fn not_utf8(offset: usize) -> String {
    format!("không phải văn bản UTF-8 hợp lệ (byte lỗi ở vị trí {offset})")
}

/// Where the first byte that is not UTF-8 stands, given the `valid` bytes before it: its
/// line, and its column counted in characters (a leading BOM, which editors do not show,
/// is not one).
pub fn invalid_utf8_at(valid: &[u8]) -> Pos {
    let valid = valid.strip_prefix(BOM).unwrap_or(valid);
    let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let column = std::str::from_utf8(&valid[line_start..]).map_or(1, |s| s.chars().count() + 1);
    Pos::new(line, column)
}

/// Decodes `bytes` as UTF-8 text with LF line ends; refuses files over 1 MiB or not UTF-8.
/// A leading BOM is dropped with a warning. The text is borrowed from `bytes` unless line
/// ends had to change (a site's worth of files is not copied for nothing).
pub fn decode_text<'b>(bytes: &'b [u8], path: &str, out: &mut Vec<Diagnostic>) -> Option<Cow<'b, str>> {
    if bytes.len() > MAX_FILE_BYTES {
        out.push(too_large(path, bytes.len() as u64, MAX_FILE_BYTES as u64));
        return None;
    }
    let (bytes, had_bom) = match bytes.strip_prefix(BOM) {
        Some(rest) => (rest, true),
        None => (bytes, false),
    };
    // Content is mostly multi-byte Vietnamese, where the standard library's check is slow;
    // simdutf8 checks it several times faster and the standard one places an error.
    let text = match simdutf8::basic::from_utf8(bytes).or_else(|_| std::str::from_utf8(bytes)) {
        Ok(text) => text,
        Err(error) => {
            let offset = error.valid_up_to() + usize::from(had_bom) * 3;
            out.push(
                Diagnostic::new(
                    Code::PEncoding,
                    path,
                    invalid_utf8_at(&bytes[..error.valid_up_to()]),
                    format!("Tệp {}", not_utf8(offset)),
                )
                .with_hint(UTF8_HINT),
            );
            return None;
        }
    };
    if had_bom {
        out.push(
            Diagnostic::new(Code::PBom, path, Pos::START, "Tệp bắt đầu bằng dấu BOM")
                .with_hint("lưu tệp dạng UTF-8 không có BOM"),
        );
    }
    Some(if text.contains('\r') {
        Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(text)
    })
}

/// P-SIZE: the file at `path` holds `size` bytes, over the `limit` of its folder.
pub fn too_large(path: &str, size: u64, limit: u64) -> Diagnostic {
    let megabytes = |bytes: u64| {
        let text = format!("{:.1}", bytes as f64 / (1024.0 * 1024.0)).replace('.', ",");
        text.strip_suffix(",0").map_or(text.clone(), str::to_owned)
    };
    let size = format!("{:.1}", size as f64 / (1024.0 * 1024.0)).replace('.', ",");
    Diagnostic::new(Code::PSize, path, Pos::START, format!("Tệp quá lớn ({size} MB); giới hạn {} MB", megabytes(limit)))
        .with_hint("tách nội dung thành nhiều tệp hoặc bỏ bớt phần không cần thiết")
}

/// Splits a Markdown file into front matter and body.
pub fn split_front_matter<'a>(text: &'a str, path: &str, out: &mut Vec<Diagnostic>) -> Option<Split<'a>> {
    let first = text.split_inclusive('\n').next().unwrap_or("");
    if first.trim_end() != "---" {
        out.push(
            Diagnostic::new(Code::PFmMissing, path, Pos::START, "Thiếu phần khai báo đầu tệp: dòng đầu phải là `---`")
                .with_hint("thêm dòng `---`, các trường khai báo, rồi một dòng `---` trước nội dung"),
        );
        return None;
    }
    // The closing fence is the first later line that is exactly `---`: only lines starting
    // with it are looked at (the newline before them found by memchr's vector search).
    let bytes = text.as_bytes();
    let after_first = first.len();
    let fence = memchr::memmem::find_iter(&bytes[after_first - 1..], b"\n---")
        .map(|at| after_first + at)
        .find(|&start| matches!(bytes.get(start + 3), None | Some(b'\n')));
    let Some(start) = fence else {
        out.push(
            Diagnostic::new(Code::PFmUnclosed, path, Pos::START, "Phần khai báo đầu tệp chưa được đóng bằng `---`")
                .with_hint("thêm một dòng chỉ gồm `---` sau trường khai báo cuối cùng"),
        );
        return None;
    };
    let fence_line = 1 + memchr::memchr_iter(b'\n', &bytes[..start]).count();
    let body_start = (start + 4).min(text.len());
    Some(Split {
        front: &text[after_first..start],
        front_first_line: 2,
        body: &text[body_start..],
        body_first_line: fence_line + 1,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_at_fences_and_counts_lines() {
        let mut out = Vec::new();
        let split = split_front_matter("---\na: 1\n---\n# Tiêu đề\n", "x.md", &mut out).unwrap();
        assert_eq!(split.front, "a: 1\n");
        assert_eq!(split.body, "# Tiêu đề\n");
        assert_eq!(split.body_first_line, 4);
        assert!(out.is_empty());
    }

    #[test]
    fn the_closing_fence_is_a_line_of_exactly_three_dashes() {
        let split =
            |text| split_front_matter(text, "x.md", &mut Vec::new()).map(|s| (s.front, s.body, s.body_first_line));
        assert_eq!(split("---\n---\n"), Some(("", "", 3)));
        assert_eq!(split("---\na: 1\n---"), Some(("a: 1\n", "", 4)));
        assert_eq!(
            split("---\na: 1\n----\nb: --- \n--- x\n---\nthân\n---\n"),
            Some(("a: 1\n----\nb: --- \n--- x\n", "thân\n---\n", 7))
        );
        assert_eq!(split("---  \nđề: 1\n---\n\n# A"), Some(("đề: 1\n", "\n# A", 4)));
        assert_eq!(split("---"), None);
        assert_eq!(split("---\na: ---"), None);
    }

    #[test]
    fn missing_and_unclosed_fences_are_reported() {
        let mut out = Vec::new();
        assert!(split_front_matter("a: 1\n", "x.md", &mut out).is_none());
        assert!(split_front_matter("---\na: 1\n", "x.md", &mut out).is_none());
        let codes: Vec<_> = out.iter().map(|d| d.code).collect();
        assert_eq!(codes, [Code::PFmMissing, Code::PFmUnclosed]);
    }

    #[test]
    fn decoding_reports_bad_bytes_bom_and_size() {
        let mut out = Vec::new();
        assert!(decode_text(b"ab\n\xffc", "x.md", &mut out).is_none());
        assert_eq!((out[0].code, out[0].line, out[0].column), (Code::PEncoding, 2, 1));
        assert!(out[0].message.contains("vị trí 3"));
        assert_eq!(decode_text(b"\xEF\xBB\xBFa\r\nb", "x.md", &mut out).unwrap(), "a\nb");
        assert_eq!(out[1].code, Code::PBom);
        assert!(decode_text(&vec![b'a'; 5 * 1024 * 1024], "x.md", &mut out).is_none());
        assert_eq!(out[2].message, "Tệp quá lớn (5,0 MB); giới hạn 1 MB");
    }

    #[test]
    fn a_bad_byte_is_placed_in_characters_without_the_bom() {
        assert_eq!(invalid_utf8_at("ab\nđề ".as_bytes()), Pos::new(2, 4));
        assert_eq!(invalid_utf8_at(b"\xEF\xBB\xBFtitle: "), Pos::new(1, 8));
        assert_eq!(invalid_utf8_at(b""), Pos::START);
    }
}
