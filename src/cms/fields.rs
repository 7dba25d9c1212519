//! One Decap CMS field per schema field: the widget that fits its kind, its Vietnamese
//! label and hint, the required flag, patterns and number ranges the checker enforces,
//! closed vocabularies as selects and references as relations to their registry.

use crate::cms::yaml::Yaml;
use crate::content::criteria::CRITERIA;
use crate::content::json_schema::describe;
use crate::content::period::Periods;
use crate::content::schema::{Field, Kind, Registry, SLUG_MAX};

/// The date widget the editor page registers (`admin.js`): it reads both forms SPEC §2
/// accepts, where Decap's own `datetime` reads DD/MM/YYYY month first.
pub const DATE_WIDGET: &str = "guong-date";

/// The Decap field for `field`. `required` is false when the field sits in an optional
/// mapping: Decap would otherwise refuse to save a form whose optional part is left empty
/// (the checker still requires the field once the mapping is written). Years are bounded
/// by the years `periods` cover.
pub fn field(field: &Field, required: bool, periods: &Periods) -> Yaml {
    let mut out = Yaml::map().with("label", field.label).with("name", field.key);
    let hint = match (field.hint, hint(&field.kind, periods)) {
        (Some(advice), Some(rule)) => Some(format!("{advice} {}", capitalised(&rule))),
        (advice, rule) => advice.map(str::to_owned).or(rule),
    };
    if let Some(hint) = hint {
        out = out.with("hint", hint);
    }
    out = out.with("required", required && field.required);
    Widget { periods }.of(out, &field.kind, required && field.required)
}

/// The Decap fields of a mapping of `fields`.
pub fn fields(fields: &[Field], required: bool, periods: &Periods) -> Vec<Yaml> {
    fields.iter().map(|f| field(f, required, periods)).collect()
}

/// The form hint: what a value must be, except for closed vocabularies (the select shows
/// their labels).
fn hint(kind: &Kind, periods: &Periods) -> Option<String> {
    match kind {
        Kind::Enum(_) | Kind::Criterion | Kind::Bool | Kind::Map(_) => None,
        Kind::List { item: Kind::Enum(_) | Kind::Map(_), .. } => None,
        _ => describe(kind, periods),
    }
}

/// `text` with its first letter in capitals, to follow a sentence.
fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// Widgets of the site, whose years are those its periods cover.
struct Widget<'p> {
    periods: &'p Periods,
}

impl Widget<'_> {
    /// `out` with the widget of `kind` and its options.
    fn of(&self, out: Yaml, kind: &Kind, required: bool) -> Yaml {
        match *kind {
            Kind::Text { min, max } => {
                let widget = if max > 300 { "text" } else { "string" };
                let out = out.with("widget", widget);
                if min <= 1 && max == usize::MAX { out } else { out.with("pattern", text_pattern(min, max)) }
            }
            Kind::Slug { min } => out.with("widget", "string").with("pattern", slug_pattern(min)),
            Kind::Ref(registry) => match relation(registry) {
                Some(relation) => relation.into_widget(out),
                None => out.with("widget", "string"),
            },
            Kind::Date => out.with("widget", DATE_WIDGET),
            Kind::Year => {
                let out = out.with("widget", "number").with("value_type", "int");
                match (self.periods.first_year(), self.periods.last_year()) {
                    (Some(first), Some(last)) => out.with("min", i64::from(first)).with("max", i64::from(last)),
                    _ => out,
                }
            }
            Kind::Int { min, max } => {
                let mut out = out.with("widget", "number").with("value_type", "int");
                if min != i64::MIN {
                    out = out.with("min", min);
                }
                if max != i64::MAX {
                    out = out.with("max", max);
                }
                out
            }
            // A select of the five names, saving the number the checker reads.
            Kind::Criterion => out.with("widget", "select").with(
                "options",
                CRITERIA
                    .iter()
                    .enumerate()
                    .map(|(i, name)| {
                        Yaml::map().with("label", format!("{}. {name}", i + 1)).with("value", i as i64 + 1)
                    })
                    .collect::<Vec<_>>(),
            ),
            Kind::Number => out.with("widget", "number").with("value_type", "float"),
            Kind::Bool => out.with("widget", "boolean"),
            Kind::Enum(vocab) => out.with("widget", "select").with("options", options(vocab)),
            Kind::List { item, min } => {
                let related = match *item {
                    Kind::Ref(registry) => relation(registry),
                    _ => None,
                };
                let out = match (*item, related) {
                    (_, Some(relation)) => relation.into_widget(out).with("multiple", true),
                    (Kind::Enum(vocab), _) => {
                        out.with("widget", "select").with("multiple", true).with("options", options(vocab))
                    }
                    (Kind::Map(inner), _) => out
                        .with("widget", "list")
                        .with("collapsed", false)
                        .with("fields", fields(inner, true, self.periods)),
                    _ => {
                        let item_field = Field::req("item", "Mục", *item);
                        out.with("widget", "list").with("field", field(&item_field, true, self.periods))
                    }
                };
                if min > 0 { out.with("min", min) } else { out }
            }
            Kind::Map(inner) => out
                .with("widget", "object")
                .with("collapsed", false)
                .with("fields", fields(inner, required, self.periods)),
        }
    }
}

fn options(vocab: crate::content::vocab::Vocab) -> Vec<Yaml> {
    vocab.iter().map(|(code, label)| Yaml::map().with("label", *label).with("value", *code)).collect()
}

/// A Decap `pattern` (regular expression and message) for text of `min..=max` characters.
fn text_pattern(min: usize, max: usize) -> Vec<Yaml> {
    let (range, message) = if max == usize::MAX {
        (format!("{{{min},}}"), format!("Cần ít nhất {min} ký tự"))
    } else {
        (format!("{{{min},{max}}}"), format!("Cần từ {min} đến {max} ký tự"))
    };
    vec![Yaml::from(format!("^[\\s\\S]{range}$")), Yaml::from(message)]
}

fn slug_pattern(min: usize) -> Vec<Yaml> {
    let example = if min < 3 { "2026-2030" } else { "mh-mot-cua" };
    vec![
        Yaml::from(format!("^(?=.{{{min},{SLUG_MAX}}}$)[a-z0-9]+(-[a-z0-9]+)*$")),
        Yaml::from(format!("Mã gồm chữ thường không dấu, số và gạch nối, {min}–{SLUG_MAX} ký tự, ví dụ {example}")),
    ]
}

/// Where a relation widget finds the ids of a registry.
struct Relation {
    collection: &'static str,
    /// The file of a file collection.
    file: Option<&'static str>,
    /// The list holding the records in that file (`units`), if any.
    list: Option<&'static str>,
    id: &'static str,
    name: &'static str,
}

impl Relation {
    fn path(&self, key: &str) -> String {
        match self.list {
            Some(list) => format!("{list}.*.{key}"),
            None => key.to_owned(),
        }
    }

    fn into_widget(self, out: Yaml) -> Yaml {
        let mut out = out.with("widget", "relation").with("collection", self.collection);
        if let Some(file) = self.file {
            out = out.with("file", file);
        }
        out.with("value_field", self.path(self.id))
            .with("search_fields", vec![Yaml::from(self.path(self.name)), Yaml::from(self.path(self.id))])
            .with("display_fields", vec![Yaml::from(self.path(self.name))])
            .with("options_length", 1000_usize)
    }
}

/// The relation of a registry; `None` for indicators (declared inside the model an entry
/// names, which a relation widget cannot follow).
fn relation(registry: Registry) -> Option<Relation> {
    let registry_file =
        |file, list, name| Relation { collection: file, file: Some(file), list: Some(list), id: "id", name };
    Some(match registry {
        Registry::Unit => registry_file("to-chuc", "units", "name"),
        Registry::Group => registry_file("danh-muc", "nhom_mo_hinh", "label"),
        Registry::Topic => registry_file("danh-muc", "chuyen_de", "title"),
        Registry::Period => registry_file("danh-muc", "periods", "name"),
        Registry::Model => Relation { collection: "mo-hinh", file: None, list: None, id: "id", name: "title" },
        Registry::Indicator => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::period::default_period;
    use crate::content::schema::{SLUG, TEXT};
    use crate::content::vocab::APPROACHES;

    fn field(field: &Field, required: bool) -> Yaml {
        super::field(field, required, &Periods::new(vec![default_period()]))
    }

    #[test]
    fn widgets_carry_the_rules_of_their_kind() {
        let title = field(&Field::req("title", "Tên mô hình", Kind::Text { min: 5, max: 200 }), true);
        assert_eq!(title.get("widget").and_then(Yaml::as_str), Some("string"));
        assert_eq!(title.get("required"), Some(&Yaml::Bool(true)));
        assert_eq!(title.get("pattern"), Some(&Yaml::Seq(text_pattern(5, 200))));
        assert_eq!(title.get("hint").and_then(Yaml::as_str), Some("văn bản, từ 5 đến 200 ký tự"));

        let approach = field(&Field::req("approach", "Cách thức", Kind::Enum(APPROACHES)), false);
        assert_eq!(approach.get("required"), Some(&Yaml::Bool(false)), "inside an optional mapping");
        let Some(Yaml::Seq(options)) = approach.get("options") else { panic!("{approach:?}") };
        assert_eq!(options[0], Yaml::map().with("label", "Xây dựng mới").with("value", "xay_moi"));

        let start = field(&Field::req("start", "Ngày bắt đầu", Kind::Date), true);
        assert_eq!(start.get("widget").and_then(Yaml::as_str), Some(DATE_WIDGET));
        assert_eq!(start.get("hint").and_then(Yaml::as_str), Some("ngày dạng YYYY-MM-DD hoặc DD/MM/YYYY"));

        let period = field(&Field::opt("period", "Giai đoạn", Kind::Ref(Registry::Period)), true);
        assert_eq!(period.get("widget").and_then(Yaml::as_str), Some("relation"));
        assert_eq!(period.get("value_field").and_then(Yaml::as_str), Some("periods.*.id"));
        assert_eq!(period.get("file").and_then(Yaml::as_str), Some("danh-muc"));

        let year = field(&Field::req("year", "Năm", Kind::Year), true);
        assert_eq!((year.get("min"), year.get("max")), (Some(&Yaml::Int(2021)), Some(&Yaml::Int(2025))));
        let days = field(&Field::opt("days", "Số ngày", Kind::Int { min: 0, max: 366 }), true);
        assert_eq!((days.get("min"), days.get("max")), (Some(&Yaml::Int(0)), Some(&Yaml::Int(366))));

        let position = field(
            &Field::opt("position", "Chức vụ", Kind::Text { min: 3, max: 200 })
                .hint("Bắt buộc khi chủ thể là cá nhân."),
            true,
        );
        assert_eq!(
            position.get("hint").and_then(Yaml::as_str),
            Some("Bắt buộc khi chủ thể là cá nhân. Văn bản, từ 3 đến 200 ký tự"),
            "when it is required, then what it holds"
        );
        let form = field(&Field::req("form", "Hình thức", TEXT).hint("Ví dụ: Bằng khen."), true);
        assert_eq!(form.get("hint").and_then(Yaml::as_str), Some("Ví dụ: Bằng khen."));

        let criterion = field(&Field::req("criterion", "Tiêu chí", Kind::Criterion), true);
        assert_eq!(criterion.get("widget").and_then(Yaml::as_str), Some("select"));
        assert_eq!(criterion.get("hint"), None, "the options name the criteria");
        let Some(Yaml::Seq(options)) = criterion.get("options") else { panic!("{criterion:?}") };
        assert_eq!(options.len(), 5);
        assert_eq!(options[3], Yaml::map().with("label", "4. Hiệu quả").with("value", 4i64));

        let tags = field(&Field::opt("tags", "Từ khóa", Kind::List { item: &SLUG, min: 0 }), true);
        assert_eq!(tags.get("field").and_then(|f| f.get("pattern")), Some(&Yaml::Seq(slug_pattern(3))));
    }
}
