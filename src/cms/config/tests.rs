use serde_json::Value;

use super::*;
use crate::content::json_schema::to_json_schema;
use crate::content::schema::{Field, Kind, Registry};

/// Two programme periods: years 2021–2030.
fn periods() -> Periods {
    let period = |id: &str, from: &str, to: &str| crate::content::period::ProgrammePeriod {
        id: id.to_owned(),
        name: format!("Giai đoạn {id}"),
        from: crate::content::date::Date::parse(from).unwrap(),
        to: crate::content::date::Date::parse(to).unwrap(),
        guidance: None,
    };
    Periods::new(vec![period("2021-2025", "2021-01-01", "2025-12-31"), period("2026-2030", "2026-01-01", "2030-12-31")])
}

fn site(cms: &str) -> SiteConfig {
    SiteConfig::parse(&format!("title: Thử\nbase_url: https://vi.example/mo-hinh/\ncms: {cms}\n")).unwrap()
}

/// The generated configuration, read back from its YAML text.
fn generated(site: &SiteConfig) -> Value {
    let text = config(site, site.cms.as_ref().unwrap(), &periods()).to_text();
    serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

fn collection<'a>(config: &'a Value, name: &str) -> &'a Value {
    let collections = config["collections"].as_array().unwrap();
    collections.iter().find(|c| c["name"] == name).unwrap_or_else(|| panic!("no collection {name}"))
}

/// The fields of the form of `kind` in the generated configuration.
fn form_fields<'a>(config: &'a Value, kind: &Editable) -> &'a [Value] {
    let collection = collection(config, kind.name());
    let fields = match kind.location {
        Location::Folder(folder) => {
            assert_eq!(collection["folder"], folder);
            &collection["fields"]
        }
        Location::File(file) => {
            assert_eq!(collection["files"][0]["file"], file);
            &collection["files"][0]["fields"]
        }
    };
    fields.as_array().unwrap()
}

/// Compares the properties of a JSON Schema object with Decap fields, recursively: the same
/// keys, labels, required flags (a key of an optional mapping is not required in the form),
/// vocabularies, ranges and length patterns.
fn compare(schema: &Value, fields: &[Value], required: bool, at: &str) {
    let properties = schema["properties"].as_object().unwrap();
    let mut names: Vec<&str> = fields.iter().filter_map(|f| f["name"].as_str()).filter(|n| *n != "body").collect();
    let mut keys: Vec<&str> = properties.keys().map(String::as_str).collect();
    names.sort_unstable();
    keys.sort_unstable();
    assert_eq!(names, keys, "the form of `{at}` has other keys than the schema");
    let schema_required = |key: &str| schema["required"].as_array().is_some_and(|r| r.iter().any(|k| k == key));
    for (key, property) in properties {
        let path = if at.is_empty() { key.clone() } else { format!("{at}.{key}") };
        let field = fields.iter().find(|f| f["name"] == key.as_str()).unwrap();
        assert_eq!(field["label"], property["title"], "{path}");
        if let Some(constant) = property.get("const") {
            assert_eq!((&field["widget"], &field["default"]), (&Value::from("hidden"), constant), "{path}");
            continue;
        }
        let is_required = required && schema_required(key);
        assert_eq!(field["required"], is_required, "{path}: required");
        compare_value(property, field, is_required, &path);
    }
}

fn compare_value(property: &Value, field: &Value, required: bool, path: &str) {
    let widget = field["widget"].as_str().unwrap_or_default();
    match property["type"].as_str() {
        Some("object") => {
            assert_eq!(widget, "object", "{path}");
            compare(property, field["fields"].as_array().unwrap(), required, path);
        }
        Some("array") => {
            assert_eq!(field["min"].as_u64(), property["minItems"].as_u64(), "{path}: min");
            let items = &property["items"];
            if items["type"] == "object" {
                assert_eq!(widget, "list", "{path}");
                compare(items, field["fields"].as_array().unwrap(), true, &format!("{path}[]"));
            } else if items.get("enum").is_some() {
                assert_eq!((widget, &field["multiple"]), ("select", &Value::Bool(true)), "{path}");
                assert_eq!(option_values(field), items["enum"], "{path}");
            } else if widget != "relation" {
                assert_eq!(widget, "list", "{path}");
                compare_value(items, &field["field"], true, &format!("{path}[]"));
            }
        }
        Some("string") if property.get("enum").is_some() => {
            assert_eq!(widget, "select", "{path}");
            assert_eq!(option_values(field), property["enum"], "{path}");
        }
        Some("string") if property["pattern"].as_str().is_some_and(|p| p.contains("/")) => {
            assert_eq!(widget, crate::cms::fields::DATE_WIDGET, "{path}");
        }
        Some("string") => {
            let pattern = field["pattern"][0].as_str().unwrap_or_default();
            if property.get("pattern").is_some() {
                assert!(pattern.contains("[a-z0-9]+(-[a-z0-9]+)*$"), "{path}: slug pattern {pattern}");
            } else if let Some(min) = property["minLength"].as_u64().filter(|&m| m > 1) {
                let max = property["maxLength"].as_u64().map_or(String::new(), |m| m.to_string());
                assert_eq!(pattern, format!("^[\\s\\S]{{{min},{max}}}$"), "{path}");
            } else if let Some(max) = property["maxLength"].as_u64() {
                assert!(pattern.ends_with(&format!(",{max}}}$")), "{path}: {pattern}");
            }
        }
        Some("integer") if widget == "select" => {
            // A criterion: its five names, saving the numbers the schema allows.
            let (min, max) = (property["minimum"].as_i64().unwrap(), property["maximum"].as_i64().unwrap());
            assert_eq!(option_values(field), Value::from((min..=max).collect::<Vec<_>>()), "{path}");
        }
        Some("integer") => {
            assert_eq!((widget, &field["value_type"]), ("number", &Value::from("int")), "{path}");
            assert_eq!((&field["min"], &field["max"]), (&property["minimum"], &property["maximum"]), "{path}");
        }
        Some("number") => assert_eq!((widget, &field["value_type"]), ("number", &Value::from("float")), "{path}"),
        Some("boolean") => assert_eq!(widget, "boolean", "{path}"),
        other => panic!("{path}: unexpected schema type {other:?}"),
    }
}

fn option_values(field: &Value) -> Value {
    field["options"].as_array().unwrap().iter().map(|o| o["value"].clone()).collect()
}

#[test]
fn every_key_of_every_form_is_in_the_cms_as_the_schema_declares_it() {
    let config = generated(&site("{backend: github, repo: btg/mo-hinh}"));
    let kinds = editable();
    for kind in &kinds {
        let form = kind.form;
        let schema = to_json_schema(form.title, "", form.fields, form.type_name, &periods());
        compare(&schema, form_fields(&config, kind), true, "");
    }
    let names: Vec<_> = config["collections"].as_array().unwrap().iter().map(|c| c["name"].clone()).collect();
    assert_eq!(names.len(), kinds.len());
}

/// Every reference of the declarations (at any depth, in lists too) is a relation to the
/// collection holding its registry, except indicator codes.
#[test]
fn references_are_relations_to_their_registry() {
    fn walk(fields: &[Field], form: &[Value], config: &Value, path: &str, seen: &mut usize) {
        for field in fields {
            let widget = form.iter().find(|f| f["name"] == field.key).unwrap();
            let path = format!("{path}.{}", field.key);
            let (kind, multiple) = match field.kind {
                Kind::List { item, .. } => (*item, true),
                kind => (kind, false),
            };
            match kind {
                Kind::Ref(Registry::Indicator) => assert_eq!(widget["widget"], "string", "{path}"),
                Kind::Ref(registry) => {
                    *seen += 1;
                    assert_eq!(widget["widget"], "relation", "{path}");
                    assert_eq!(widget["multiple"].as_bool().unwrap_or(false), multiple, "{path}");
                    let target = collection(config, widget["collection"].as_str().unwrap());
                    let value_field = widget["value_field"].as_str().unwrap();
                    assert!(value_field == "id" || value_field.ends_with(".*.id"), "{path}: {value_field}");
                    let expected = match registry {
                        Registry::Unit => "units.*.id",
                        Registry::Group => "nhom_mo_hinh.*.id",
                        Registry::Topic => "chuyen_de.*.id",
                        Registry::Period => "periods.*.id",
                        Registry::Model | Registry::Indicator => "id",
                    };
                    assert_eq!(value_field, expected, "{path}");
                    if let Some(file) = widget["file"].as_str() {
                        assert_eq!(target["files"][0]["name"], file, "{path}");
                    } else {
                        assert!(target["folder"].is_string(), "{path}");
                    }
                }
                Kind::Map(inner) => walk(inner, widget["fields"].as_array().unwrap(), config, &path, seen),
                _ => {}
            }
        }
    }
    let config = generated(&site("{backend: github, repo: btg/mo-hinh}"));
    let mut seen = 0;
    for kind in editable() {
        walk(kind.form.fields, form_fields(&config, &kind), &config, kind.name(), &mut seen);
    }
    assert!(seen >= 10, "only {seen} references");
}

#[test]
fn backend_workflow_media_and_the_new_model_body() {
    let config = generated(&site("{backend: gitlab, repo: btg/mo-hinh, branch: xuat-ban}"));
    assert_eq!(config["backend"], serde_json::json!({"name": "gitlab", "repo": "btg/mo-hinh", "branch": "xuat-ban"}));
    assert_eq!(config["publish_mode"], "editorial_workflow");
    assert!(config.get("local_backend").is_none());
    assert_eq!((&config["media_folder"], &config["public_folder"]), (&"static/tep".into(), &"/mo-hinh/tep".into()));
    let models = collection(&config, "mo-hinh");
    assert_eq!(models["nested"]["subfolders"], false);
    assert_eq!(models["slug"], "{{fields.id}}");
    let body = models["fields"].as_array().unwrap().iter().find(|f| f["name"] == "body").unwrap();
    let text = body["default"].as_str().unwrap();
    let sections: Vec<_> = text.lines().filter(|l| l.starts_with("## ")).collect();
    assert_eq!(sections.len(), 5, "{text}");
    for (number, heading) in sections.iter().enumerate() {
        let criterion = crate::content::criteria::criterion_of(heading.trim_start_matches("## "));
        assert_eq!(criterion, Some(number as u8 + 1), "{heading}");
    }
    assert!(text.contains(crate::content::schema::PLACEHOLDER_MARK));

    let mut plain = site("{backend: github, repo: a/b, editorial_workflow: false}");
    plain.cms.as_mut().unwrap().local_backend = true;
    let config = generated(&plain);
    assert!(config.get("publish_mode").is_none());
    assert_eq!(config["local_backend"], true);
}
