//! Reading office downloads back for tests: LibreOffice (`soffice --headless`) converts a
//! `.docx` to text and every sheet of an `.xlsx` to CSV, so a test compares what a cadre
//! would see with the page and the JSON. Tests using it declare the tools `libreoffice` (and
//! `pdfinfo`) with `tool_test!` (`tools.rs`).

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The counts of form 02 and of the period summary, in the workbooks' column order.
pub const COUNT_KEYS: [&str; 10] = guong::derive::form02::Counts::KEYS;

static RUNS: AtomicUsize = AtomicUsize::new(0);

/// Converts `file` with LibreOffice to `filter` (e.g. `txt:Text (encoded):UTF8`) into a fresh
/// folder, hands the folder of converted files to `read`, then removes the folder (and its
/// LibreOffice profile). Each call has its own user profile, so tests run in parallel without
/// waiting for each other's LibreOffice.
fn convert<T>(file: &Path, filter: &str, read: impl FnOnce(&Path) -> T) -> T {
    let n = RUNS.fetch_add(1, Ordering::SeqCst);
    let work = std::env::temp_dir().join(format!("guong-office-{}-{n}", std::process::id()));
    let _ = fs::remove_dir_all(&work);
    fs::create_dir_all(work.join("out")).unwrap();
    let profile = format!("-env:UserInstallation=file://{}", work.join("profile").display());
    let output = Command::new("soffice")
        .args([profile.as_str(), "--headless", "--norestore", "--convert-to", filter, "--outdir"])
        .arg(work.join("out"))
        .arg(file)
        .output()
        .expect("run soffice");
    let result = output.status.success().then(|| read(&work.join("out")));
    let _ = fs::remove_dir_all(&work);
    result
        .unwrap_or_else(|| panic!("soffice failed on {}: {}", file.display(), String::from_utf8_lossy(&output.stderr)))
}

/// The text of a Word document, as LibreOffice reads it.
pub fn docx_text(file: &Path) -> String {
    let text = convert(file, "txt:Text (encoded):UTF8", |out| fs::read_to_string(single_file(out)).unwrap());
    text.trim_start_matches('\u{feff}').to_owned()
}

/// Every sheet of a workbook as CSV rows, by sheet name, in the order LibreOffice lists them.
pub fn xlsx_sheets(file: &Path) -> Vec<(String, Vec<Vec<String>>)> {
    let stem = file.file_stem().unwrap().to_string_lossy().into_owned();
    let filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";
    let mut sheets: Vec<(String, Vec<Vec<String>>)> = convert(file, filter, |out| {
        fs::read_dir(out)
            .unwrap()
            .map(|e| e.unwrap().path())
            .map(|path| {
                let name =
                    path.file_stem().unwrap().to_string_lossy().trim_start_matches(&format!("{stem}-")).to_owned();
                (name, parse_csv(&fs::read_to_string(&path).unwrap()))
            })
            .collect()
    });
    sheets.sort();
    sheets
}

fn single_file(dir: &Path) -> PathBuf {
    let files: Vec<PathBuf> = fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(files.len(), 1, "expected one converted file in {}: {files:?}", dir.display());
    files.into_iter().next().unwrap()
}

/// A small RFC 4180 reader (quoted fields, doubled quotes, line breaks inside quotes).
pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let (mut row, mut field, mut quoted) = (Vec::new(), String::new(), false);
    let mut chars = text.trim_start_matches('\u{feff}').chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => row.push(std::mem::take(&mut field)),
            ('\r', false) => {}
            ('\n', false) => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (c, _) => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

/// Page count and page size (points) of a PDF, read with `pdfinfo` (poppler-utils).
pub fn pdf_pages(pdf: &Path) -> (usize, String) {
    let output = Command::new("pdfinfo").arg(pdf).output().expect("run pdfinfo (apt-get install poppler-utils)");
    let info = String::from_utf8_lossy(&output.stdout).into_owned();
    let field =
        |name: &str| info.lines().find_map(|l| l.strip_prefix(name)).map(|v| v.trim().to_owned()).unwrap_or_default();
    (field("Pages:").parse().unwrap_or(0), field("Page size:"))
}

/// The lines of each page of a PDF as `pdftotext -layout` lays them out, runs of blanks
/// made one space, empty lines dropped: a table row stays one line.
pub fn pdf_page_lines(pdf: &Path) -> Vec<Vec<String>> {
    let output = Command::new("pdftotext").arg("-layout").arg(pdf).arg("-").output().expect("run pdftotext");
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    let mut pages: Vec<Vec<String>> = text
        .split('\u{c}')
        .map(|page| {
            page.lines()
                .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|line| !line.is_empty())
                .collect()
        })
        .collect();
    // pdftotext ends every page, the last one too, with a form feed.
    pages.pop();
    pages
}
