//! `guong schema`: print the JSON Schema of one file kind, for editors' YAML autocompletion.

use std::io::Write;

use crate::cli::{Failure, SchemaKind};
use crate::content::forms;
use crate::content::json_schema::to_json_schema;

pub fn run(kind: SchemaKind) -> Result<(), Failure> {
    let schema = match kind {
        SchemaKind::Model => to_json_schema(
            "Mô hình, điển hình (biểu mẫu 01)",
            "Phần khai báo đầu tệp content/mo-hinh/**/<id>.md",
            forms::MODEL,
            Some("mo_hinh"),
        ),
        SchemaKind::Report => to_json_schema(
            "Báo cáo định kỳ (biểu mẫu 03)",
            "Phần khai báo đầu tệp content/bao-cao/**/<id>.md",
            forms::REPORT,
            Some("bao_cao"),
        ),
        SchemaKind::Units => to_json_schema("Danh sách tổ chức đảng", "Tệp content/to-chuc.yml", forms::UNITS, None),
        SchemaKind::Catalog => to_json_schema("Danh mục và cấu hình", "Tệp content/danh-muc.yml", forms::CATALOG, None),
    };
    let text = serde_json::to_string_pretty(&schema).map_err(|e| Failure::Io(e.to_string()))?;
    writeln!(std::io::stdout(), "{text}")?;
    Ok(())
}
