//! New content from templates: the form files `guong new` writes (biểu mẫu 01 and 03, free
//! pages) and the starter site `guong init` creates.
//!
//! Every value an editor must still supply holds a placeholder containing
//! [`PLACEHOLDER_MARK`], which `guong check` reports as F-PLACEHOLDER; everything the command
//! knows (ids, unit, period, the models a report must cover) is filled in.

pub mod model_form;
pub mod page_form;
pub mod report_form;
pub mod sample;
pub mod slug;
mod yaml_text;

use std::fs;
use std::io::{self, Write};
use std::path::Path;

use crate::content::corpus::Corpus;
use crate::content::date::Date;
use crate::content::schema::PLACEHOLDER_MARK;
use crate::content::suggest::did_you_mean;
use crate::content::unit::Unit;
use crate::search::fold;

/// A file to create, with its path relative to the site root (`/`-separated).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewFile {
    pub path: String,
    pub text: String,
}

/// Writes `file` under `root`, creating its folders. Never overwrites: an existing file is an
/// `AlreadyExists` error.
pub fn write_new(root: &Path, file: &NewFile) -> io::Result<()> {
    let full = root.join(&file.path);
    if let Some(parent) = full.parent() {
        fs::create_dir_all(parent)?;
    }
    let mut out = fs::OpenOptions::new().write(true).create_new(true).open(&full)?;
    out.write_all(file.text.as_bytes())
}

/// A placeholder telling the editor what to write: `«Cần điền: what»`.
pub fn placeholder(what: &str) -> String {
    format!("{PLACEHOLDER_MARK}: {what}»")
}

/// The unit `id` of the registry, or a usage message with a did-you-mean hint: the unit
/// whose name (or short name) was given instead of its id, with or without diacritics, or
/// the nearest id.
pub fn find_unit<'a>(corpus: &'a Corpus, id: &str) -> Result<&'a Unit, String> {
    corpus.unit(id).ok_or_else(|| {
        let given = fold(id);
        let named = |u: &&Unit| {
            fold(&u.name) == given || u.short_name.as_deref().is_some_and(|s| fold(s) == given) || u.id == given
        };
        let by_name = corpus.units.iter().find(named).map(|u| u.id.as_str());
        let known = corpus.units.iter().map(|u| u.id.as_str());
        match by_name.or_else(|| did_you_mean(id, known)) {
            Some(guess) => format!("đơn vị `{id}` không có trong content/to-chuc.yml (có phải `{guess}`?)"),
            None => format!("đơn vị `{id}` không có trong content/to-chuc.yml"),
        }
    })
}

/// A date for the examples in form comments: the catalog's `as_of` (the data's "today"),
/// else the first day of the current or first period; never a date written in the code.
pub fn example_date(corpus: &Corpus) -> Date {
    let catalog = &corpus.catalog;
    catalog.as_of.or_else(|| catalog.periods.chronological().next().map(|p| p.from)).unwrap_or(Date::EPOCH)
}
