//! `guong schema`: print the JSON Schema of one file kind, for editors' YAML autocompletion,
//! or with `--markdown` the content format reference (`docs/content.md`). In the JSON
//! Schema, years are bounded by the programme periods of the site at `--root` when it has a
//! readable `content/danh-muc.yml`, else by the default period; the Markdown reference is
//! the same for every site.

use std::io::Write;
use std::path::Path;

use crate::cli::Failure;
use crate::content::corpus::CATALOG_PATH;
use crate::content::forms::{self, FileForm};
use crate::content::json_schema::to_json_schema;
use crate::content::load::{Record, read_file};
use crate::content::period::{Periods, default_period};
use crate::content::reference::reference;
use crate::parse::markdown::Reading;
use crate::source::disk::DiskSource;
use crate::source::{Source, SourceFile};

/// The kind printed when none is named.
const DEFAULT_KIND: &str = "model";

pub fn run(root: &Path, kind: Option<&str>, markdown: bool) -> Result<(), Failure> {
    let form = |name: &str| forms::file_form(name).ok_or_else(|| Failure::Usage(format!("không có loại tệp `{name}`")));
    let text = if markdown {
        let chosen: Vec<&FileForm> = match kind {
            Some(name) => vec![form(name)?],
            None => forms::FILE_FORMS.iter().collect(),
        };
        reference(&chosen)
    } else {
        let form = form(kind.unwrap_or(DEFAULT_KIND))?;
        let place = if form.type_name.is_some() { "Phần khai báo đầu tệp" } else { "Tệp" };
        let description = format!("{place} {}", form.path);
        let schema = to_json_schema(form.title, &description, form.fields, form.type_name, &site_periods(root));
        serde_json::to_string_pretty(&schema).map_err(|e| Failure::Io(e.to_string()))? + "\n"
    };
    std::io::stdout().write_all(text.as_bytes())?;
    Ok(())
}

/// The periods of the catalog at `root`, or the default period when there is none to read.
fn site_periods(root: &Path) -> Periods {
    let bytes = DiskSource::new(root).ok().and_then(|source| source.read(CATALOG_PATH).ok());
    let record = bytes.map(|bytes| read_file(&SourceFile { path: CATALOG_PATH.to_owned(), bytes }, Reading::Check).0);
    match record {
        Some(Record::Catalog(catalog)) => catalog.periods,
        _ => Periods::new(vec![default_period()]),
    }
}
