//! `guong schema`: JSON Schema documents for editors, generated from the field tables.

mod common;

use common::guong;
use serde_json::{Value, json};

/// The schema of `kind` for the minimal site (the default period 2021–2025).
fn schema(kind: &str) -> Value {
    schema_of(&common::fixture("minimal"), kind)
}

fn schema_of(root: &std::path::Path, kind: &str) -> Value {
    let run = guong(&["--root", root.to_str().unwrap(), "schema", kind]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", run.stdout))
}

#[test]
fn model_schema_has_required_keys_enums_and_vietnamese_labels() {
    let model = schema("model");
    assert_eq!(model["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert_eq!(model["type"], "object");
    let required: Vec<&str> = model["required"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
    assert_eq!(
        required,
        [
            "type",
            "id",
            "title",
            "org",
            "subject",
            "group",
            "approach",
            "status",
            "start",
            "learning",
            "necessity",
            "measures",
            "effectiveness",
            "replication"
        ]
    );
    let properties = &model["properties"];
    assert_eq!(properties["type"]["const"], "mo_hinh");
    assert_eq!(properties["status"]["enum"], json!(["ke_hoach", "dang_thuc_hien", "hoan_thanh", "loai_bo"]));
    assert_eq!(properties["status"]["title"], "Trạng thái");
    assert!(properties["status"]["description"].as_str().unwrap().contains("dang_thuc_hien = Đang thực hiện"));
    assert_eq!(properties["subject"]["properties"]["type"]["enum"], json!(["tap_the", "ca_nhan"]));
    assert_eq!(properties["id"]["pattern"], "^[a-z0-9]+(-[a-z0-9]+)*$");
    let kinds = &properties["measures"]["properties"]["kinds"];
    assert_eq!(kinds["type"], "array");
    assert_eq!(kinds["items"]["enum"].as_array().unwrap().len(), 5);
    let baseline = &properties["effectiveness"]["properties"]["indicators"]["items"]["properties"]["baseline"];
    assert_eq!(baseline["type"], "number");
    assert_eq!(baseline["title"], "Trước khi thực hiện");
    assert_eq!(model["additionalProperties"], false);
}

#[test]
fn report_units_and_catalog_schemas() {
    let report = schema("report");
    assert_eq!(report["properties"]["type"]["const"], "bao_cao");
    assert_eq!(report["properties"]["period"]["enum"], json!(["sau_thang", "ca_nam"]));
    assert_eq!(report["properties"]["year"]["minimum"], 2021);
    assert_eq!(report["properties"]["year"]["maximum"], 2025);
    let entry = &report["properties"]["models"]["items"];
    assert_eq!(entry["required"], json!(["model", "progress"]));
    let units = schema("units");
    let unit = &units["properties"]["units"]["items"];
    assert_eq!(unit["properties"]["kind"]["enum"][0], "dang_bo_khoi");
    assert_eq!(unit["required"], json!(["id", "kind", "name"]));
    let catalog = schema("catalog");
    assert_eq!(catalog["required"], json!(["as_of", "nhom_mo_hinh", "chuyen_de"]));
    assert_eq!(catalog["properties"]["chuyen_de"]["items"]["properties"]["kind"]["enum"][1], "nam");
}

#[test]
fn unknown_kind_is_a_usage_error() {
    assert_eq!(guong(&["schema", "trang"]).code, 2);
}

#[test]
fn model_is_the_default_kind() {
    let run = guong(&["schema"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(serde_json::from_str::<Value>(&run.stdout).unwrap(), schema("model"));
}

#[test]
fn years_follow_the_periods_of_the_site() {
    let site = common::TempSite::minimal();
    site.set_periods(&common::two_periods());
    let report = schema_of(&site.dir, "report");
    assert_eq!(
        (&report["properties"]["year"]["minimum"], &report["properties"]["year"]["maximum"]),
        (&json!(2021), &json!(2030))
    );
    assert!(report["properties"]["year"]["description"].as_str().unwrap().contains("2021–2030"));
    let catalog = schema_of(&site.dir, "catalog");
    let period = &catalog["properties"]["periods"]["items"];
    assert_eq!(period["required"], json!(["id", "name", "from", "to"]));
    assert_eq!(period["properties"]["guidance"]["title"], "Văn bản hướng dẫn");
    let model = schema_of(&site.dir, "model");
    assert_eq!(
        model["properties"]["revision"]["properties"]["previous_model"]["title"],
        "Mô hình được củng cố, tiếp nối"
    );
    // Outside a site the default period bounds the years.
    let outside = common::TempSite::empty();
    let report = schema_of(&outside.dir, "report");
    assert_eq!(report["properties"]["year"]["maximum"], 2025);
}
