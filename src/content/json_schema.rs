//! JSON Schema (draft 2020-12) of each file kind, generated from the declarative tables of
//! `forms`, so editors' YAML autocompletion and `guong check` never disagree.

use serde_json::{Map, Value, json};

use crate::content::criteria::{self, CRITERIA};
use crate::content::period::Periods;
use crate::content::schema::{Field, Kind, SLUG_MAX};

/// The `$schema` of every generated document.
pub const DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// A schema document for files whose top level is `fields`.
///
/// `type_name`, when given, pins the `type` key to that constant (`mo_hinh`, `bao_cao`).
/// Years are bounded by the years `periods` cover.
pub fn to_json_schema(
    title: &str,
    description: &str,
    fields: &[Field],
    type_name: Option<&str>,
    periods: &Periods,
) -> Value {
    let mut schema = object(fields, periods);
    if let (Some(name), Some(properties)) = (type_name, schema.get_mut("properties").and_then(Value::as_object_mut))
        && let Some(Value::Object(property)) = properties.get_mut("type")
    {
        property.remove("minLength");
        property.insert("type".to_owned(), json!("string"));
        property.insert("const".to_owned(), json!(name));
    }
    let mut document = Map::new();
    document.insert("$schema".to_owned(), json!(DIALECT));
    document.insert("title".to_owned(), json!(title));
    document.insert("description".to_owned(), json!(description));
    document.extend(schema);
    Value::Object(document)
}

/// The schema of a mapping of `fields`: unknown keys are not allowed (they are P-UNKNOWN-KEY).
fn object(fields: &[Field], periods: &Periods) -> Map<String, Value> {
    let properties: Map<String, Value> = fields.iter().map(|f| (f.key.to_owned(), field(f, periods))).collect();
    let required: Vec<&str> = fields.iter().filter(|f| f.required).map(|f| f.key).collect();
    let mut schema = Map::new();
    schema.insert("type".to_owned(), json!("object"));
    schema.insert("properties".to_owned(), Value::Object(properties));
    if !required.is_empty() {
        schema.insert("required".to_owned(), json!(required));
    }
    schema.insert("additionalProperties".to_owned(), json!(false));
    schema
}

fn field(field: &Field, periods: &Periods) -> Value {
    let mut schema = kind(&field.kind, periods);
    schema.insert("title".to_owned(), json!(field.label));
    let description = match (field.hint, describe(&field.kind, periods)) {
        (Some(advice), Some(rule)) => Some(format!("{}: {rule}. {advice}", field.label)),
        (Some(advice), None) => Some(format!("{}. {advice}", field.label)),
        (None, Some(rule)) => Some(format!("{}: {rule}", field.label)),
        (None, None) => None,
    };
    if let Some(description) = description {
        schema.insert("description".to_owned(), json!(description));
    }
    Value::Object(schema)
}

/// A Vietnamese line on what a value must be, where the type alone does not say it (for
/// schema descriptions and the CMS's form hints). Years are those `periods` cover.
pub fn describe(kind: &Kind, periods: &Periods) -> Option<String> {
    match *kind {
        Kind::Text { min, max: usize::MAX } if min > 1 => Some(format!("văn bản, ít nhất {min} ký tự")),
        Kind::Text { min, max } if max != usize::MAX => Some(format!("văn bản, từ {min} đến {max} ký tự")),
        Kind::Slug { min } => Some(format!("mã: chữ thường không dấu, số, gạch nối, {min}–{SLUG_MAX} ký tự")),
        Kind::Ref(registry) => Some(registry.described().to_owned()),
        Kind::Date => Some("ngày dạng YYYY-MM-DD hoặc DD/MM/YYYY".to_owned()),
        Kind::Number => Some("số, dấu chấm thập phân (ví dụ 86.5)".to_owned()),
        Kind::Criterion => Some(format!("số thứ tự, {}", criteria::legend())),
        Kind::Year => Some(format!("năm thuộc một giai đoạn của chương trình ({})", periods.describe_years())),
        Kind::Enum(vocab) => {
            Some(vocab.iter().map(|(code, label)| format!("{code} = {label}")).collect::<Vec<_>>().join("; "))
        }
        Kind::List { item, .. } => describe(item, periods).map(|d| format!("danh sách; mỗi mục: {d}")),
        _ => None,
    }
}

fn kind(kind: &Kind, periods: &Periods) -> Map<String, Value> {
    let mut schema = Map::new();
    let mut set = |key: &str, value: Value| {
        schema.insert(key.to_owned(), value);
    };
    match *kind {
        Kind::Text { min, max } => {
            set("type", json!("string"));
            set("minLength", json!(min));
            if max != usize::MAX {
                set("maxLength", json!(max));
            }
        }
        Kind::Slug { min } => {
            set("type", json!("string"));
            set("pattern", json!("^[a-z0-9]+(-[a-z0-9]+)*$"));
            set("minLength", json!(min));
            set("maxLength", json!(SLUG_MAX));
        }
        Kind::Ref(_) => set("type", json!("string")),
        Kind::Date => {
            set("type", json!("string"));
            set("pattern", json!(r"^([0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,2}/[0-9]{1,2}/[0-9]{4})$"));
        }
        Kind::Year => {
            set("type", json!("integer"));
            if let (Some(first), Some(last)) = (periods.first_year(), periods.last_year()) {
                set("minimum", json!(first));
                set("maximum", json!(last));
            }
        }
        Kind::Int { min, max } => {
            set("type", json!("integer"));
            if min != i64::MIN {
                set("minimum", json!(min));
            }
            if max != i64::MAX {
                set("maximum", json!(max));
            }
        }
        Kind::Criterion => {
            set("type", json!("integer"));
            set("minimum", json!(1));
            set("maximum", json!(CRITERIA.len()));
        }
        Kind::Number => set("type", json!("number")),
        Kind::Bool => set("type", json!("boolean")),
        Kind::Enum(vocab) => {
            set("type", json!("string"));
            set("enum", json!(vocab.iter().map(|(code, _)| *code).collect::<Vec<_>>()));
        }
        Kind::List { item, min } => {
            set("type", json!("array"));
            let mut items = self::kind(item, periods);
            if let Some(description) = describe(item, periods) {
                items.insert("description".to_owned(), json!(description));
            }
            set("items", Value::Object(items));
            if min > 0 {
                set("minItems", json!(min));
            }
        }
        Kind::Map(fields) => return object(fields, periods),
    }
    schema
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::forms;
    use crate::content::period::default_period;

    #[test]
    fn model_schema_has_required_keys_enums_and_labels() {
        let periods = Periods::new(vec![default_period()]);
        let schema = to_json_schema("Mô hình", "Biểu mẫu 01", forms::MODEL, Some("mo_hinh"), &periods);
        assert_eq!(schema["$schema"], DIALECT);
        assert_eq!(schema["properties"]["type"]["const"], "mo_hinh");
        let required = schema["required"].as_array().unwrap();
        for key in ["type", "id", "title", "org", "learning", "replication"] {
            assert!(required.contains(&json!(key)), "{key}");
        }
        assert_eq!(schema["properties"]["approach"]["enum"], json!(["xay_moi", "cung_co", "nhan_rong"]));
        assert_eq!(schema["properties"]["title"]["title"], "Tên mô hình");
        assert_eq!(schema["properties"]["title"]["maxLength"], 200);
        let reasons = &schema["properties"]["necessity"]["properties"]["reasons"];
        assert_eq!(reasons["minItems"], 1);
        assert_eq!(reasons["items"]["enum"][0], "nhiem_vu_chinh_tri");
        let indicator = &schema["properties"]["effectiveness"]["properties"]["indicators"]["items"];
        assert_eq!(indicator["required"], json!(["code", "name", "unit", "baseline"]));
        assert_eq!(indicator["additionalProperties"], false);
        assert_eq!(
            schema["properties"]["org"]["description"],
            "Chi bộ/đảng bộ thực hiện: mã đơn vị trong content/to-chuc.yml"
        );
        let topics = &schema["properties"]["learning"]["properties"]["topics"];
        assert_eq!(topics["items"]["description"], "mã chuyên đề, tác phẩm trong content/danh-muc.yml");
    }
}
