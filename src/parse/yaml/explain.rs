//! The YAML parser's errors in the editor's words: the mistakes editors actually make (a
//! `:` or inner quotes in an unquoted or quoted title, a tab, a key out of line, a missing
//! space after `:`, an unclosed quote or list) get a Vietnamese message and the fix for that
//! mistake; anything rarer keeps the parser's own words after a Vietnamese lead.

/// One recognised parser error: a fragment of its text, what it means, how to fix it.
struct Known {
    fragments: &'static [&'static str],
    problem: &'static str,
    fix: &'static str,
}

const KNOWN: &[Known] = &[
    Known {
        fragments: &["mapping values are not allowed"],
        problem: "giá trị có dấu `:` nhưng không đặt trong ngoặc kép",
        fix: "đặt cả giá trị trong ngoặc kép, ví dụ `title: \"Đổi mới: một cửa thân thiện\"`",
    },
    Known {
        fragments: &["trailing content after"],
        problem: "còn chữ đứng sau dấu ngoặc đóng của giá trị (có dấu ngoặc kép bên trong giá trị?)",
        fix: "bọc giá trị bằng ngoặc đơn khi bên trong có ngoặc kép: `title: 'Đổi mới \"một cửa\"'`, hoặc viết `\\\"` cho mỗi dấu ngoặc kép bên trong",
    },
    Known {
        fragments: &["a tab", "tabs", "tab cannot"],
        problem: "có ký tự tab",
        fix: "YAML chỉ thụt lề bằng dấu cách: thay mỗi tab bằng hai dấu cách",
    },
    Known {
        fragments: &["did not find expected key", "block sequence entries are not allowed"],
        problem: "thụt lề không khớp: dòng này không thẳng cột với các dòng cùng cấp",
        fix: "các khóa (và các dòng `- `) cùng cấp phải bắt đầu ở cùng một cột; mỗi cấp lùi vào hai dấu cách",
    },
    Known {
        fragments: &["expected ':'", "could not find expected ':'"],
        problem: "thiếu dấu `:` và một dấu cách giữa khóa và giá trị",
        fix: "viết `khóa: giá trị`, có một dấu cách sau dấu hai chấm, ví dụ `group: cai-cach-hanh-chinh`",
    },
    Known {
        fragments: &["unclosed quote", "while scanning a quoted scalar"],
        problem: "dấu ngoặc mở đầu giá trị chưa được đóng",
        fix: "thêm dấu ngoặc đóng (cùng loại với dấu mở) ở cuối giá trị, trên cùng dòng",
    },
    Known {
        fragments: &["hexadecimal", "escape"],
        problem: "dấu `\\` trong giá trị đặt trong ngoặc kép không hợp lệ",
        fix: "viết `\\\\` cho một dấu gạch chéo ngược, hoặc bọc giá trị bằng ngoặc đơn `'…'`",
    },
    Known {
        fragments: &["',' or ']'", "',' or '}'", "flow sequence", "flow mapping", "illegal placement of ':'"],
        problem: "danh sách `[ … ]` (hoặc `{ … }`) chưa đóng, hoặc các mục thiếu dấu phẩy",
        fix: "đóng `[` bằng `]` (và `{` bằng `}`) trên cùng dòng, các mục cách nhau bằng dấu phẩy: `topics: [cd-2022, tp-dan-van]`",
    },
];

/// The hint of an error the parser words in a way not listed above.
const GENERAL_FIX: &str =
    "kiểm tra thụt lề (dùng dấu cách, không dùng tab) và đặt giá trị có dấu `:` hoặc `#` trong ngoặc kép";

/// What the parser's error `info` means for the editor, and how to fix it.
pub fn explain(info: &str) -> (String, &'static str) {
    let lower = info.to_ascii_lowercase();
    match KNOWN.iter().find(|known| known.fragments.iter().any(|f| lower.contains(f))) {
        Some(known) => (known.problem.to_owned(), known.fix),
        None => (format!("cú pháp không hợp lệ (bộ đọc YAML báo: {info})"), GENERAL_FIX),
    }
}
