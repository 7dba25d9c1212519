//! `guong schema`: print the JSON Schema of one file kind, for editors' YAML autocompletion.
//! Years are bounded by the programme periods of the site at `--root` when it has a readable
//! `content/danh-muc.yml`, else by the default period.

use std::io::Write;
use std::path::Path;

use crate::cli::{Failure, SchemaKind};
use crate::content::corpus::CATALOG_PATH;
use crate::content::forms;
use crate::content::json_schema::to_json_schema;
use crate::content::load::{Record, read_file};
use crate::content::period::{Periods, default_period};
use crate::source::disk::DiskSource;
use crate::source::{Source, SourceFile};

pub fn run(root: &Path, kind: SchemaKind) -> Result<(), Failure> {
    let periods = site_periods(root);
    let schema = match kind {
        SchemaKind::Model => to_json_schema(
            "Mô hình, điển hình (biểu mẫu 01)",
            "Phần khai báo đầu tệp content/mo-hinh/**/<id>.md",
            forms::MODEL,
            Some("mo_hinh"),
            &periods,
        ),
        SchemaKind::Report => to_json_schema(
            "Báo cáo định kỳ (biểu mẫu 03)",
            "Phần khai báo đầu tệp content/bao-cao/**/<id>.md",
            forms::REPORT,
            Some("bao_cao"),
            &periods,
        ),
        SchemaKind::Units => {
            to_json_schema("Danh sách tổ chức đảng", "Tệp content/to-chuc.yml", forms::UNITS, None, &periods)
        }
        SchemaKind::Catalog => {
            to_json_schema("Danh mục và cấu hình", "Tệp content/danh-muc.yml", forms::CATALOG, None, &periods)
        }
    };
    let text = serde_json::to_string_pretty(&schema).map_err(|e| Failure::Io(e.to_string()))?;
    writeln!(std::io::stdout(), "{text}")?;
    Ok(())
}

/// The periods of the catalog at `root`, or the default period when there is none to read.
fn site_periods(root: &Path) -> Periods {
    let bytes = DiskSource::new(root).ok().and_then(|source| source.read(CATALOG_PATH).ok().flatten());
    let record = bytes.map(|bytes| read_file(&SourceFile { path: CATALOG_PATH.to_owned(), bytes }).0);
    match record {
        Some(Record::Catalog(catalog)) => catalog.periods,
        _ => Periods::new(vec![default_period()]),
    }
}
