//! The declarative schema of every file kind (SPEC §2) and the generic field rules it
//! drives: P-UNKNOWN-KEY, F-REQUIRED, F-TYPE, F-ENUM, F-LENGTH, F-DATE, F-PLACEHOLDER.
//!
//! A field may name the rule code its problems belong to (`learning.summary` → C1-SUMMARY),
//! so an editor sees the criterion, not a generic message. The same tables produce the JSON
//! Schema of `guong schema`.

use std::fmt;

use unicode_normalization::UnicodeNormalization;

use crate::content::criteria::{criterion_of, legend};
use crate::content::date::Date;
use crate::content::suggest::did_you_mean;
use crate::content::vocab::Vocab;
use crate::diagnostic::{Code, Diagnostic, Pos};
use crate::parse::count_bytes;
use crate::parse::yaml::{Entry, Node, Value};
use crate::scaffold::slug::slugify;
use crate::search::fold;

/// Text that `guong new` writes where the editor must still fill a value.
pub const PLACEHOLDER_MARK: &str = "«Cần điền";

/// Whether a value or a body line still holds `guong new` placeholder text.
pub fn is_placeholder(text: &str) -> bool {
    text.contains(PLACEHOLDER_MARK)
}

/// What a field holds.
#[derive(Clone, Copy, Debug)]
pub enum Kind {
    /// A string whose trimmed NFC length is within `min..=max` code points.
    Text {
        min: usize,
        max: usize,
    },
    /// `^[a-z0-9]+(-[a-z0-9]+)*$`, `min`–80 characters: 3 for every id of SPEC §2 ([`SLUG`]),
    /// 1 for period ids, whose pattern (SPEC §8.1) sets no minimum ([`PERIOD_ID`]).
    Slug {
        min: usize,
    },
    /// An id of another record of `Registry` (checked against the corpus by the domain
    /// rules; the CMS offers the registered ids).
    Ref(Registry),
    /// `YYYY-MM-DD` or `DD/MM/YYYY`, a real calendar date.
    Date,
    /// A calendar year, a YAML integer. Which years are valid depends on the configured
    /// programme periods, so the domain rules check it (R-PERIOD, registry rules).
    Year,
    /// A YAML integer within `min..=max`.
    Int {
        min: i64,
        max: i64,
    },
    /// The number (1–5) of one of the five criteria (`content::criteria`), a YAML integer.
    Criterion,
    /// A YAML number with a dot decimal.
    Number,
    Bool,
    /// One code of a vocabulary.
    Enum(Vocab),
    /// A list of at least `min` items of one kind.
    List {
        item: &'static Kind,
        min: usize,
    },
    /// A mapping of known fields.
    Map(&'static [Field]),
}

/// What a reference points to: the registry that declares the ids it may hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Registry {
    /// A unit of `to-chuc.yml` (`units[].id`).
    Unit,
    /// A model group of `danh-muc.yml` (`nhom_mo_hinh[].id`).
    Group,
    /// A learning topic of `danh-muc.yml` (`chuyen_de[].id`).
    Topic,
    /// A programme period of `danh-muc.yml` (`periods[].id`).
    Period,
    /// A model (`content/mo-hinh/**`, its `id`).
    Model,
    /// An indicator code declared by the model an entry names (`effectiveness.indicators[].code`).
    Indicator,
}

impl Registry {
    /// Where the ids come from, in Vietnamese, for hints and schema descriptions.
    pub fn described(self) -> &'static str {
        match self {
            Registry::Unit => "mã đơn vị trong content/to-chuc.yml",
            Registry::Group => "mã nhóm mô hình trong content/danh-muc.yml",
            Registry::Topic => "mã chuyên đề, tác phẩm trong content/danh-muc.yml",
            Registry::Period => "mã giai đoạn trong content/danh-muc.yml",
            Registry::Model => "mã một mô hình trong content/mo-hinh/",
            Registry::Indicator => "mã chỉ số khai báo trong mô hình đó",
        }
    }
}

/// One key of a mapping.
#[derive(Clone, Copy, Debug)]
pub struct Field {
    pub key: &'static str,
    /// The Vietnamese label of the form.
    pub label: &'static str,
    pub kind: Kind,
    /// Required by the schema itself (conditional requirements are domain rules).
    pub required: bool,
    /// The code for a missing or empty value (default F-REQUIRED).
    pub missing: Option<Code>,
    /// The code for a value of the wrong type, length or vocabulary (default F-*).
    pub invalid: Option<Code>,
    /// What to write, and when the field is required if only in some cases, in the editor's
    /// words (a form hint of the CMS, a description of the JSON Schema).
    pub hint: Option<&'static str>,
    /// The rule's own wording when the value is missing (SPEC §3 quotes "Thiếu hiệu quả về
    /// thái độ"), instead of "Thiếu trường bắt buộc …".
    pub says_missing: Option<&'static str>,
    /// The rule's own wording of a value outside the vocabulary: what the value is and the
    /// list it is not in (SPEC §3: "Lý do `x` không thuộc danh mục sự cần thiết").
    pub says_unknown: Option<(&'static str, &'static str)>,
}

impl Field {
    /// An optional field.
    pub const fn opt(key: &'static str, label: &'static str, kind: Kind) -> Field {
        Field {
            key,
            label,
            kind,
            required: false,
            missing: None,
            invalid: None,
            hint: None,
            says_missing: None,
            says_unknown: None,
        }
    }

    /// A required field.
    pub const fn req(key: &'static str, label: &'static str, kind: Kind) -> Field {
        Field {
            key,
            label,
            kind,
            required: true,
            missing: None,
            invalid: None,
            hint: None,
            says_missing: None,
            says_unknown: None,
        }
    }

    /// Reports every problem of this field under `code`.
    pub const fn code(mut self, code: Code) -> Field {
        self.missing = Some(code);
        self.invalid = Some(code);
        self
    }

    /// Says a missing value in the rule's own words: `Thiếu …`.
    pub const fn says_missing(mut self, message: &'static str) -> Field {
        self.says_missing = Some(message);
        self
    }

    /// Says a value outside the vocabulary in the rule's own words: `what` `x` không thuộc
    /// `list`.
    pub const fn says_unknown(mut self, what: &'static str, list: &'static str) -> Field {
        self.says_unknown = Some((what, list));
        self
    }

    /// Tells the editor what to write (the `hint` field).
    pub const fn hint(mut self, hint: &'static str) -> Field {
        self.hint = Some(hint);
        self
    }

    /// Reports a missing value under `code`.
    pub const fn missing(mut self, code: Code) -> Field {
        self.missing = Some(code);
        self
    }

    /// Reports an invalid value under `code`.
    pub const fn invalid(mut self, code: Code) -> Field {
        self.invalid = Some(code);
        self
    }

    /// The code a missing or empty value (or too short a list) is reported under, given the
    /// code its criterion passes down.
    pub fn missing_code(&self, inherited: Option<Code>) -> Code {
        self.missing.or(inherited).unwrap_or(Code::FRequired)
    }
}

impl Kind {
    /// The codes a wrong value of this kind is reported under when its field names none
    /// (a date is always F-DATE).
    pub fn default_codes(&self) -> &'static [Code] {
        match self {
            Kind::Text { .. } => &[Code::FType, Code::FLength],
            Kind::Date => &[Code::FDate],
            Kind::Enum(_) => &[Code::FEnum],
            Kind::Slug { .. }
            | Kind::Ref(_)
            | Kind::Year
            | Kind::Int { .. }
            | Kind::Criterion
            | Kind::Number
            | Kind::Bool
            | Kind::List { .. }
            | Kind::Map(_) => &[Code::FType],
        }
    }
}

/// Shorthand for `Kind::Text`.
pub const fn text(min: usize, max: usize) -> Kind {
    Kind::Text { min, max }
}

/// Any non-empty text.
pub const TEXT: Kind = Kind::Text { min: 1, max: usize::MAX };

/// An id of SPEC §2: a slug of 3 to 80 characters.
pub const SLUG: Kind = Kind::Slug { min: 3 };

/// A period id (SPEC §8.1): the slug pattern, any length up to 80.
pub const PERIOD_ID: Kind = Kind::Slug { min: 1 };

/// The longest slug.
pub const SLUG_MAX: usize = 80;

/// Whether `text` is a slug of SPEC §2.
pub fn is_slug(text: &str) -> bool {
    is_slug_from(text, 3)
}

/// Whether `text` has the slug pattern and `min` to [`SLUG_MAX`] characters.
fn is_slug_from(text: &str, min: usize) -> bool {
    (min..=SLUG_MAX).contains(&text.len())
        && text
            .split('-')
            .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit()))
}

/// Whether `c` is in NFC and composes with nothing (canonical combining class 0): Latin
/// letters up to U+02FF, the precomposed Vietnamese letters (U+1E00–U+1EFF) and the dashes,
/// quotes and ellipsis of General Punctuation. Text of these alone is NFC, which this answers
/// without the normalization tables. [`plain_nfc_len`] reads it from the bytes; this is its
/// definition, which the tests hold it to.
#[cfg(test)]
pub fn plainly_nfc(c: char) -> bool {
    c < '\u{300}' || matches!(c, '\u{1E00}'..='\u{1EFF}' | '\u{2010}'..='\u{206F}')
}

/// The number of characters of `text` when every one of them is [`plainly_nfc`] (the text
/// is then NFC), else `None`. Reads the UTF-8 bytes in wide vector passes (see
/// [`count_bytes`]): a character is plain when its lead byte is below `CC` (up to U+02FF), or
/// is `E1 B8`–`E1 BB` (U+1E00–U+1EFF) or `E2 80 90`–`E2 81 AF` (U+2010–U+206F).
pub fn plain_nfc_len(text: &str) -> Option<usize> {
    // Whether a character starting with byte `a` (then `b`, `c`) is outside the plain ranges;
    // continuation bytes answer no.
    let other = |a: u8, b: u8, c: u8| match a {
        0xCC..=0xE0 | 0xE3..=0xFF => true,
        0xE1 => !(0xB8..=0xBB).contains(&b),
        0xE2 => !((b == 0x80 && c >= 0x90) || (b == 0x81 && c <= 0xAF)),
        _ => false,
    };
    let bytes = text.as_bytes();
    let (n, leads) = (bytes.len(), bytes.len().saturating_sub(2));
    let (a, b, c) = (&bytes[..leads], &bytes[1.min(n)..], &bytes[2.min(n)..]);
    let mut others = 0;
    for ((a, b), c) in a.chunks(255).zip(b.chunks(255)).zip(c.chunks(255)) {
        others += a.iter().zip(b).zip(c).fold(0u8, |k, ((&a, &b), &c)| k + u8::from(other(a, b, c))) as usize;
    }
    // The last two bytes hold no three-byte character's lead.
    others += bytes[leads..].iter().filter(|&&a| other(a, 0, 0)).count();
    (others == 0).then(|| count_bytes(bytes, |b| (b as i8) >= -0x40))
}

/// Length of `text` in NFC code points after trimming.
pub fn text_len(text: &str) -> usize {
    let text = text.trim();
    // Most text is already NFC: count it without building the normalized form.
    if text.is_ascii() {
        text.len()
    } else if let Some(counted) = plain_nfc_len(text) {
        counted
    } else if unicode_normalization::is_nfc_quick(text.chars()) == unicode_normalization::IsNormalized::Yes {
        text.chars().count()
    } else {
        text.nfc().count()
    }
}

/// Walks a front-matter tree with its schema, pushing diagnostics for `path`.
pub struct Validator<'a> {
    pub path: &'a str,
    pub out: &'a mut Vec<Diagnostic>,
}

impl Validator<'_> {
    /// Checks the top-level mapping `node` against `fields`.
    pub fn check_root(&mut self, node: &Node, fields: &[Field]) {
        if !node.is_map() {
            // A registry (`.yml`) is YAML throughout; a Markdown file has front matter.
            let what = if self.path.ends_with(".md") { "Phần khai báo đầu tệp" } else { "Nội dung tệp" };
            self.out.push(Diagnostic::new(
                Code::PYaml,
                self.path,
                node.pos,
                format!("{what} phải là danh sách các trường dạng `khóa: giá trị`"),
            ));
            return;
        }
        self.check_map(node, fields, &FieldPath::Root, Pos::START, None);
    }

    fn check_map(&mut self, node: &Node, fields: &[Field], prefix: &FieldPath, owner: Pos, inherited: Option<Code>) {
        // The entry of each field (the first, if a key is written twice): one pass over the
        // entries, each looked up among the fields once.
        let mut entry_of: Vec<Option<&Entry>> = vec![None; fields.len()];
        for entry in node.entries() {
            if let Some(index) = fields.iter().position(|f| *f.key == *entry.key) {
                entry_of[index].get_or_insert(entry);
            } else {
                let name = FieldPath::Key(prefix, &entry.key);
                // A key written as its Vietnamese label (`trang_thai` for `status`) or misspelt.
                let guess = named_by_label(&entry.key, fields)
                    .map(|f| f.key)
                    .or_else(|| did_you_mean(&entry.key, fields.iter().map(|f| f.key)));
                let mut diagnostic = Diagnostic::new(
                    Code::PUnknownKey,
                    self.path,
                    entry.key_pos,
                    match guess {
                        Some(guess) => format!("Trường `{name}` không có trong lược đồ (có phải `{guess}`?)"),
                        None => format!("Trường `{name}` không có trong lược đồ"),
                    },
                );
                let known: Vec<_> = fields.iter().map(|f| f.key).collect();
                diagnostic = diagnostic.with_hint(format!("các trường được phép ở đây: {}", known.join(", ")));
                self.out.push(diagnostic);
            }
        }
        for (field, entry) in fields.iter().zip(entry_of) {
            let name = FieldPath::Key(prefix, field.key);
            match entry {
                Some(entry) => self.check_value(&entry.value, field, &name, entry.key_pos, inherited),
                None if field.required => {
                    self.missing(field, &name, owner, inherited);
                    let written = node
                        .entries()
                        .iter()
                        .find(|e| named_by_label(&e.key, fields).is_some_and(|f| f.key == field.key));
                    if let (Some(entry), Some(last)) = (written, self.out.last_mut()) {
                        last.hint = Some(format!(
                            "dòng {} viết `{}`: đổi tên trường thành `{}`",
                            entry.key_pos.line, entry.key, field.key
                        ));
                    }
                }
                None => {}
            }
        }
    }

    fn missing(&mut self, field: &Field, name: &FieldPath, pos: Pos, inherited: Option<Code>) {
        let code = field.missing_code(inherited);
        self.out.push(
            Diagnostic::new(
                code,
                self.path,
                pos,
                match field.says_missing {
                    Some(message) => format!("{message} (trường `{name}`)"),
                    None => format!("Thiếu trường bắt buộc `{name}` ({})", field.label),
                },
            )
            .with_hint(format!("thêm dòng `{}: …`", field.key)),
        );
    }

    fn check_value(&mut self, node: &Node, field: &Field, name: &FieldPath, key_pos: Pos, inherited: Option<Code>) {
        if node.as_text().is_some_and(is_placeholder) {
            self.out.push(
                Diagnostic::new(
                    Code::FPlaceholder,
                    self.path,
                    node.pos,
                    format!("Trường `{name}` vẫn còn nội dung mẫu, cần điền"),
                )
                .with_hint(format!(
                    "thay đoạn «Cần điền …» bằng nội dung thật của trường `{}` ({})",
                    field.key, field.label
                )),
            );
            return;
        }
        if node.is_null() {
            if field.required {
                self.missing(field, name, key_pos, inherited);
            }
            return;
        }
        let invalid = field.invalid.or(inherited);
        let code_or = |default: Code| invalid.unwrap_or(default);
        match field.kind {
            Kind::Text { min, max } => match node.as_str() {
                Some(text) => {
                    let len = text_len(text);
                    if len < min || len > max {
                        let bound = if max == usize::MAX {
                            format!("ít nhất {min} ký tự")
                        } else {
                            format!("từ {min} đến {max} ký tự")
                        };
                        self.push(
                            code_or(Code::FLength),
                            node.pos,
                            format!("Trường `{name}` ({}) dài {len} ký tự; cần {bound}", field.label),
                        );
                    }
                }
                None => self.wrong_type(code_or(Code::FType), node, name, "chuỗi văn bản"),
            },
            Kind::Slug { min } => match node.as_text() {
                Some(text) if is_slug_from(text, min) => {}
                // A file's own id must also be its file name (SPEC §3 P-ID).
                Some(text) if code_or(Code::FType) == Code::PId && name.is_top_level("id") => {
                    let rule = format!("mã gồm {min}–{SLUG_MAX} ký tự: chữ thường không dấu, số, gạch nối");
                    let stem = self.path.rsplit('/').next().unwrap_or_default().trim_end_matches(".md");
                    let hint = if is_slug_from(stem, min) {
                        format!("ghi `id: {stem}`, trùng tên tệp; {rule}")
                    } else {
                        match Some(slugify(text, SLUG_MAX)).filter(|s| is_slug_from(s, min)) {
                            Some(example) => format!("{rule}, ví dụ `id: {example}` với tên tệp `{example}.md`"),
                            None => rule,
                        }
                    };
                    self.out.push(Diagnostic::new(Code::PId, self.path, node.pos, bad_id_message(text)).with_hint(hint));
                }
                Some(text) => self.push(
                    code_or(Code::FType),
                    node.pos,
                    format!(
                        "Mã `{text}` của `{name}` không hợp lệ: chữ thường không dấu, số, gạch nối, {min}–{SLUG_MAX} ký tự"
                    ),
                ),
                None => self.wrong_type(code_or(Code::FType), node, name, "mã (chữ thường không dấu, số, gạch nối)"),
            },
            Kind::Ref(_) => {
                if node.as_text().is_none() {
                    self.wrong_type(code_or(Code::FType), node, name, "mã");
                }
            }
            Kind::Date => match node.as_text() {
                Some(text) if Date::parse(text).is_some() => {}
                Some(text) => self.out.push(
                    Diagnostic::new(Code::FDate, self.path, node.pos, format!("Ngày không hợp lệ: `{text}`"))
                        .with_hint(
                            "viết ngày có thật dạng YYYY-MM-DD hoặc DD/MM/YYYY, ví dụ 2023-05-19 hoặc 19/05/2023",
                        ),
                ),
                None => self.wrong_type(Code::FDate, node, name, "ngày"),
            },
            Kind::Year => {
                if node.as_int().is_none() {
                    self.wrong_type(code_or(Code::FType), node, name, "số nguyên (năm)");
                    self.hint_number(node);
                }
            }
            Kind::Int { min, max } => match node.as_int() {
                Some(n) if (min..=max).contains(&n) => {}
                Some(n) => {
                    // A bound the schema leaves open is not a number to show an editor.
                    let range = match (min, max) {
                        (_, i64::MAX) => format!("từ {min} trở lên"),
                        (i64::MIN, _) => format!("không quá {max}"),
                        _ => format!("trong khoảng {min}–{max}"),
                    };
                    self.push(code_or(Code::FType), node.pos, format!("Giá trị {n} của `{name}` ({}) phải {range}", field.label));
                }
                None => {
                    self.wrong_type(code_or(Code::FType), node, name, "số nguyên");
                    self.hint_number(node);
                }
            },
            Kind::Criterion => match node.as_int() {
                Some(1..=5) => {}
                Some(n) => {
                    self.push(
                        code_or(Code::FType),
                        node.pos,
                        format!("Giá trị {n} của `{name}` ({}) không phải số thứ tự tiêu chí (1–5)", field.label),
                    );
                    self.hint_criterion(node);
                }
                None => {
                    self.wrong_type(code_or(Code::FType), node, name, "số thứ tự tiêu chí (1–5)");
                    self.hint_criterion(node);
                }
            },
            Kind::Number => {
                if node.as_number().is_none() {
                    self.wrong_type(code_or(Code::FType), node, name, "số");
                    self.hint_number(node);
                }
            }
            Kind::Bool => {
                if node.as_bool().is_none() {
                    self.wrong_type(code_or(Code::FType), node, name, "true hoặc false");
                    // "có" / "không", as an editor answers the question.
                    let meant = match fold(node.as_text().unwrap_or_default().trim()).as_str() {
                        "co" | "dung" | "yes" | "x" => Some("true"),
                        "khong" | "sai" | "no" => Some("false"),
                        _ => None,
                    };
                    if let (Some(meant), Some(last)) = (meant, self.out.last_mut()) {
                        last.hint = Some(format!("ghi `{}: {meant}` (không đặt trong ngoặc kép)", field.key));
                    }
                }
            }
            Kind::Enum(vocab) => {
                let value = node.as_text().unwrap_or_default();
                if !vocab.iter().any(|(code, _)| *code == value) || node.as_str().is_none() {
                    let codes: Vec<_> = vocab.iter().map(|(c, _)| *c).collect();
                    let choices: Vec<_> = vocab.iter().map(|(c, label)| format!("{c} ({label})")).collect();
                    let shown = node.as_text().unwrap_or(node.kind_label());
                    let message = match field.says_unknown {
                        Some((what, list)) => {
                            format!("{what} `{shown}` không thuộc {list}; chọn một trong: {}", choices.join(", "))
                        }
                        None => format!("Giá trị `{shown}` của `{name}` không hợp lệ; chọn một trong: {}", choices.join(", ")),
                    };
                    let mut diagnostic = Diagnostic::new(code_or(Code::FEnum), self.path, node.pos, message);
                    // An editor often writes the label ("Xây dựng mới") instead of its code.
                    let by_label = vocab.iter().find(|(_, label)| fold(label) == fold(value)).map(|(c, _)| *c);
                    if let Some(guess) = by_label.or_else(|| did_you_mean(value, codes.iter().copied())) {
                        diagnostic = diagnostic.with_hint(format!("có phải `{guess}`?"));
                    }
                    self.out.push(diagnostic);
                }
            }
            Kind::List { item, min } => match &node.value {
                Value::Seq(items) => {
                    if items.len() < min {
                        let code = field.missing_code(inherited);
                        self.push(code, key_pos, format!("Trường `{name}` ({}) cần ít nhất {min} mục", field.label));
                    }
                    let item_field = Field { kind: *item, required: false, ..*field };
                    for (index, node) in items.iter().enumerate() {
                        let item_name = FieldPath::Item(name, index + 1);
                        if node.is_null() {
                            self.push(code_or(Code::FType), node.pos, format!("Mục `{item_name}` để trống"));
                        } else {
                            self.check_value(node, &item_field, &item_name, node.pos, inherited);
                        }
                    }
                }
                _ => {
                    self.wrong_type(code_or(Code::FType), node, name, "danh sách (mỗi mục một dòng `- …`)");
                    if let (Some(list), Some(last)) = (as_flow_list(node), self.out.last_mut()) {
                        last.hint = Some(format!("viết thành danh sách trong ngoặc vuông: `{}: {list}`", field.key));
                    }
                }
            },
            Kind::Map(fields) => {
                if node.is_map() {
                    self.check_map(node, fields, name, key_pos, field.invalid.or(inherited));
                } else {
                    self.wrong_type(code_or(Code::FType), node, name, "nhóm trường");
                }
            }
        }
    }

    fn push(&mut self, code: Code, pos: Pos, message: String) {
        self.out.push(Diagnostic::new(code, self.path, pos, message));
    }

    /// The hint of a number written as editors often do: with a decimal comma, or with its
    /// unit or a word after it (`80%`, `10 người`).
    fn hint_number(&mut self, node: &Node) {
        let Some(text) = node.as_text() else { return };
        let text = text.trim();
        let digits = text.bytes().take_while(|b| b.is_ascii_digit() || *b == b'.').count();
        let number = &text[..digits];
        // What follows the number is a unit or a word ("86%", "40 người"), not more of a
        // number written another way (`0x10`, `1_000`, `.inf`).
        let then_unit = !text[digits..].starts_with(['x', 'X', '_', 'e', 'E', 'o', 'b']);
        let plain = "chỉ ghi số, không kèm đơn vị hay chữ và không đặt trong ngoặc kép";
        let hint = if text.contains(',') {
            "dùng dấu chấm thập phân và không đặt trong ngoặc kép, ví dụ 86.5".to_owned()
        } else if let Some(whole) = thousands(text) {
            format!("{plain}, không ngăn hàng nghìn bằng dấu chấm hay dấu cách: `{whole}`")
        } else if text.contains('_') && text.replace('_', "").parse::<f64>().is_ok_and(f64::is_finite) {
            format!("viết số liền, không có dấu `_`: `{}`", text.replace('_', ""))
        } else if node.as_number().is_some() || (number == text && node.as_int().is_none() && node.is_plain()) {
            // A number, but not one this field takes (too large, or with decimals).
            return;
        } else if number.starts_with(|c: char| c.is_ascii_digit()) && number.parse::<f64>().is_ok() && then_unit {
            format!("{plain}: `{number}`")
        } else if text.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '.' | '+' | '-')) {
            "ghi số thập phân bằng chữ số, ví dụ `86.5` (không dùng `.inf`, `0x…` hay dấu `_`)".to_owned()
        } else {
            return;
        };
        if let Some(last) = self.out.last_mut() {
            last.hint = Some(hint);
        }
    }

    /// A criterion written otherwise gets the number to write: for its name or heading ("Hiệu
    /// quả", "Tiêu chí 4", "4. Hiệu quả"), a quoted number or one with decimals; anything else
    /// gets the list of numbers.
    fn hint_criterion(&mut self, node: &Node) {
        let text = node.as_text().unwrap_or_default().trim();
        let lower = text.to_lowercase();
        let rest = lower.strip_prefix("tiêu chí").map_or(lower.as_str(), str::trim);
        let written_number = rest.parse::<u8>().ok().filter(|n| (1..=5).contains(n));
        let decimal = node.as_number().filter(|n| n.fract() == 0.0 && (1.0..=5.0).contains(n));
        let hint = match (written_number, decimal, criterion_of(rest)) {
            (_, Some(number), _) if node.as_int().is_none() => {
                format!("ghi số nguyên, không có phần thập phân: `{number}`")
            }
            (Some(number), ..) if rest == text => {
                format!("chỉ ghi số, không đặt trong ngoặc kép: `{number}`")
            }
            (Some(number), ..) | (_, _, Some(number)) => {
                format!("ghi số thứ tự của tiêu chí, không ghi tên: `{number}`")
            }
            _ => format!("ghi số thứ tự của tiêu chí: {}", legend()),
        };
        if let Some(last) = self.out.last_mut() {
            last.hint = Some(hint);
        }
    }

    fn wrong_type(&mut self, code: Code, node: &Node, name: &FieldPath, expected: &str) {
        self.out.push(Diagnostic::new(
            code,
            self.path,
            node.pos,
            format!("Trường `{name}` phải là {expected}, không phải {}", node.kind_label()),
        ));
    }
}

/// The field of `fields` whose Vietnamese label `key` spells (`trang_thai`, `Trạng thái` for
/// `status`), letters and digits compared without marks, case or separators.
fn named_by_label<'f>(key: &str, fields: &'f [Field]) -> Option<&'f Field> {
    let bare = |text: &str| fold(text).chars().filter(char::is_ascii_alphanumeric).collect::<String>();
    let key = bare(key);
    (!key.is_empty()).then(|| fields.iter().find(|f| bare(f.label) == key)).flatten()
}

/// Longest text written back as a bracketed list in a hint.
const FLOW_LIST_MAX: usize = 300;

/// A list written as text (`a, b, c`), as YAML's bracketed list `[a, b, c]`, when every item
/// can stand in it as written and the hint stays short.
fn as_flow_list(node: &Node) -> Option<String> {
    let text = node.as_str().filter(|text| text.len() <= FLOW_LIST_MAX)?;
    let items: Vec<&str> = text.split([',', ';']).map(str::trim).filter(|i| !i.is_empty()).collect();
    let plain =
        |item: &&str| !item.contains([':', '#', '[', ']', '{', '}', '"', '\'', '&', '*', '!', '|', '>', '%', '@', '`']);
    (!items.is_empty() && items.iter().all(plain)).then(|| format!("[{}]", items.join(", ")))
}

/// P-ID's message (SPEC §3) for a file's id `id` that is no slug or not its file name.
pub fn bad_id_message(id: &str) -> String {
    format!("Mã `{id}` không hợp lệ: chữ thường không dấu, số, gạch nối, trùng tên tệp")
}

/// The digits of a number that opens `text` with its thousands set apart by dots or spaces,
/// as Vietnamese writes them (`1.500 người`, `12 000 000`): the number to write (`1500`).
fn thousands(text: &str) -> Option<String> {
    let written: String =
        text.chars().take_while(|c| c.is_ascii_digit() || matches!(c, '.' | ' ' | '\u{a0}')).collect();
    let written = written.trim_end();
    let separator = written.chars().find(|c| !c.is_ascii_digit())?;
    let groups: Vec<&str> = written.split(separator).collect();
    let grouped = groups.len() > 1
        && (1..=3).contains(&groups[0].len())
        && groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()))
        && groups[1..].iter().all(|g| g.len() == 3);
    grouped.then(|| groups.concat())
}

/// Where a value sits in a file (`measures.milestones[2].date`), spelled out only when a
/// diagnostic names it: most values are valid, and their names are never written.
enum FieldPath<'p> {
    Root,
    Key(&'p FieldPath<'p>, &'p str),
    /// The item of a list, counted from 1.
    Item(&'p FieldPath<'p>, usize),
}

impl FieldPath<'_> {
    /// Whether this is the top-level key `key`.
    fn is_top_level(&self, key: &str) -> bool {
        matches!(self, FieldPath::Key(FieldPath::Root, k) if *k == key)
    }
}

impl fmt::Display for FieldPath<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldPath::Root => Ok(()),
            FieldPath::Key(FieldPath::Root, key) => f.write_str(key),
            FieldPath::Key(parent, key) => write!(f, "{parent}.{key}"),
            FieldPath::Item(parent, number) => write!(f, "{parent}[{number}]"),
        }
    }
}

#[cfg(test)]
mod tests;
