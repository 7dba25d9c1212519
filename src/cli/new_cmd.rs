//! `guong new`: write a model, report or page from its form template and print its path.

use std::path::Path;

use crate::cli::{Failure, NewKind, SiteRoot, command_at};
use crate::content::load::load;
use crate::parse::markdown::Reading;
use crate::scaffold::model_form::{closed_unit_note, new_model};
use crate::scaffold::page_form::new_page;
use crate::scaffold::report_form::new_report;
use crate::source::Refusal;
use crate::source::disk::DiskSource;

pub fn run(root: &Path, what: &NewKind) -> Result<(), Failure> {
    let site = SiteRoot::open(root, None)?;
    let paths: Vec<String> = site.files.iter().map(|f| f.path.clone()).collect();
    let mut notes = Vec::new();
    let file = match what {
        NewKind::Page { title } => new_page(&paths, title),
        NewKind::Model { org, title } => {
            let corpus = load(&site.files, Reading::Check).corpus;
            notes.extend(closed_unit_note(&corpus, org));
            new_model(&corpus, &paths, org, title)
        }
        NewKind::Report { org, year, period } => {
            new_report(&load(&site.files, Reading::Check).corpus, &site.config, &paths, org, *year, period)
        }
    }
    .map_err(Failure::Usage)?;
    // Written through the same path rules as every read: never through a link, never into
    // a hidden folder.
    match DiskSource::new(root)?.write(&file.path, file.text.as_bytes(), true) {
        Ok(_) => {}
        Err(Refusal::Unreadable(error)) => return Err(Failure::Io(format!("{}: {error}", file.path))),
        Err(refusal) => return Err(Failure::Usage(format!("tệp `{}` {refusal}", file.path))),
    }
    // The path relative to the root is the output scripts read; people get where the file is
    // from here, and what to do next.
    println!("{}", file.path);
    for note in notes {
        eprintln!("{note}");
    }
    eprintln!(
        "Đã tạo `{}`. Tiếp theo: mở tệp, điền các chỗ «Cần điền…», rồi chạy `{}` (hoặc `{}` để xem trước).",
        if root == Path::new(".") { file.path.clone() } else { root.join(&file.path).display().to_string() },
        command_at(root, "check"),
        command_at(root, "serve")
    );
    Ok(())
}
