//! Reads every content file of a source into a `Corpus`, in parallel, with the file and
//! field rules of SPEC §3 (P-*, F-*, V-AGG-MANUAL). One broken file never stops the others.

use rayon::prelude::*;

use crate::content::catalog::Catalog;
use crate::content::corpus::{CATALOG_PATH, Corpus, UNITS_PATH};
use crate::content::evaluation::Evaluation;
use crate::content::forms;
use crate::content::model::Model;
use crate::content::page::Page;
use crate::content::read::{items, pos_of};
use crate::content::report::Report;
use crate::content::schema::{Field, SLUG_MAX, Validator, bad_id_message, is_placeholder, is_slug};
use crate::content::unit::Unit;
use crate::diagnostic::{Code, Diagnostic, Pos};
use crate::parse::frontmatter::{decode_text, split_front_matter};
use crate::parse::markdown::{Body, Reading};
use crate::parse::yaml::{Node, Value, parse_yaml};
use crate::scaffold::slug::slugify;
use crate::source::trust::either;
use crate::source::{Skipped, SourceFile};

/// What kind of record a content path holds, decided by its folder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Catalog,
    Units,
    Model,
    Report,
    Page,
    /// The department's evaluation of a model (`content/danh-gia/`).
    Evaluation,
    /// A hand-written aggregate under `content/tong-hop/` (V-AGG-MANUAL).
    ManualAggregate,
}

/// The kinds of Markdown files: each with its folder under `content/` and its `type:` value.
const MARKDOWN_KINDS: [(FileKind, &str, &str); 4] = [
    (FileKind::Model, "mo-hinh", "mo_hinh"),
    (FileKind::Report, "bao-cao", "bao_cao"),
    (FileKind::Page, "trang", "trang"),
    (FileKind::Evaluation, "danh-gia", "danh_gia"),
];

/// `content/<folder>/`.
fn content_folder(folder: &str) -> String {
    format!("content/{folder}/")
}

impl FileKind {
    /// The kind of the file at `path` (relative to the site root), or `None` for files
    /// guong does not read (images and other attachments).
    pub fn of(path: &str) -> Option<FileKind> {
        if path == CATALOG_PATH {
            return Some(FileKind::Catalog);
        }
        if path == UNITS_PATH {
            return Some(FileKind::Units);
        }
        let rest = path.strip_prefix("content/")?;
        if rest.starts_with("tong-hop/") {
            return Some(FileKind::ManualAggregate);
        }
        if !path.ends_with(".md") {
            return None;
        }
        FileKind::of_folder(rest)
    }

    /// The kind of the Markdown files under the content folder `rest` starts with.
    fn of_folder(rest: &str) -> Option<FileKind> {
        let first = rest.split('/').next()?;
        MARKDOWN_KINDS.iter().find(|(_, folder, _)| *folder == first).map(|(kind, _, _)| *kind)
    }

    /// The `type:` value files of this kind must declare.
    pub fn type_name(self) -> Option<&'static str> {
        MARKDOWN_KINDS.iter().find(|(kind, _, _)| *kind == self).map(|(_, _, type_name)| *type_name)
    }

    fn fields(self) -> &'static [Field] {
        match self {
            FileKind::Catalog => forms::CATALOG,
            FileKind::Units => forms::UNITS,
            FileKind::Model => forms::MODEL,
            FileKind::Report => forms::REPORT,
            FileKind::Evaluation => forms::EVALUATION,
            FileKind::Page | FileKind::ManualAggregate => forms::PAGE,
        }
    }

    /// The folder (`content/mo-hinh/`) of the content kind whose files declare
    /// `type: type_name`.
    fn folder(type_name: &str) -> Option<String> {
        MARKDOWN_KINDS.iter().find(|(_, _, name)| *name == type_name).map(|(_, folder, _)| content_folder(folder))
    }
}

/// One file after parsing and field checks (what [`read_file`] gives for one file).
pub enum Record {
    Catalog(Catalog),
    Units(Vec<Unit>, Node),
    Model(Box<Model>),
    Report(Box<Report>),
    Page(Page),
    Evaluation(Box<Evaluation>),
    Nothing,
}

/// A file's path, with its record and diagnostics (see [`read_file`]).
type PathRead = (String, (Record, Vec<Diagnostic>));

/// The result of reading a site's content.
pub struct Loaded {
    pub corpus: Corpus,
    /// File- and field-level diagnostics, unsorted.
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads `files` (all under `content/`) into a corpus with their diagnostics; bodies are
/// read as much as `reading` asks.
pub fn load(files: &[SourceFile], reading: Reading) -> Loaded {
    assemble(files.par_iter().map(|file| (file.path.clone(), read_file(file, reading))).collect())
}

/// Like [`load`], but reads each file itself, inside the parallel load, and frees its bytes
/// once parsed: `read` gives the bytes of one of `found` (in path order), or why it was
/// skipped. A large site never holds its sources and its corpus at once, nor all its
/// sources. Also returns the paths read and the files skipped (in path order).
pub fn load_found<F: Send>(
    found: Vec<F>,
    read: impl Fn(F) -> Result<SourceFile, Skipped> + Sync,
    reading: Reading,
) -> (Loaded, Vec<String>, Vec<Skipped>) {
    let (read, skipped): (Vec<PathRead>, Vec<Skipped>) = found
        .into_par_iter()
        .map(|found| {
            let file = read(found)?;
            let read = read_file(&file, reading);
            Ok((file.path, read))
        })
        .partition_map(either);
    let paths = read.iter().map(|(path, _)| path.clone()).collect();
    (assemble(read), paths, skipped)
}

/// Puts the records read from each path (in path order) into a corpus.
fn assemble(results: Vec<PathRead>) -> Loaded {
    let mut diagnostics = Vec::new();
    let mut catalog = None;
    let mut units = None;
    // Sized up front: a model is over a kilobyte, and a vector grown by doubling would hold
    // up to twice the corpus while it grows.
    let count = |kind: fn(&Record) -> bool| results.iter().filter(|(_, (record, _))| kind(record)).count();
    let mut models = Vec::with_capacity(count(|r| matches!(r, Record::Model(_))));
    let mut reports = Vec::with_capacity(count(|r| matches!(r, Record::Report(_))));
    let mut pages = Vec::with_capacity(count(|r| matches!(r, Record::Page(_))));
    let mut evaluations = Vec::with_capacity(count(|r| matches!(r, Record::Evaluation(_))));
    let mut counted = 0;
    // A registry file that exists but could not be read has its own diagnostics already.
    let mut registry_files = Vec::with_capacity(2);
    for (path, (record, found)) in results {
        diagnostics.extend(found);
        match FileKind::of(&path) {
            Some(FileKind::Catalog | FileKind::Units) => registry_files.push(path),
            Some(_) => {}
            None => continue,
        }
        counted += 1;
        match record {
            Record::Catalog(c) => catalog = Some(c),
            Record::Units(u, node) => units = Some((u, node)),
            Record::Model(m) => models.push(*m),
            Record::Report(r) => reports.push(*r),
            Record::Page(p) => pages.push(p),
            Record::Evaluation(e) => evaluations.push(*e),
            Record::Nothing => {}
        }
    }
    for (path, present) in [(CATALOG_PATH, catalog.is_some()), (UNITS_PATH, units.is_some())] {
        if !present && !registry_files.iter().any(|seen| seen == path) {
            diagnostics.push(
                Diagnostic::new(Code::FRequired, path, Pos::START, format!("Thiếu tệp bắt buộc `{path}`"))
                    .with_hint("tạo tệp theo mẫu trong README hoặc chạy `guong init`"),
            );
        }
    }
    let empty = Node { pos: Pos::START, value: Value::Null };
    let catalog = catalog.unwrap_or_else(|| Catalog::read(&empty));
    let (units, units_node) = units.unwrap_or((Vec::new(), empty));
    let corpus = Corpus::new(catalog, units, units_node, models, reports, pages, counted).with_evaluations(evaluations);
    Loaded { corpus, diagnostics }
}

/// Reads one content file on its own: its record and its file and field diagnostics.
/// `guong serve` uses it to re-read only the files an edit touched.
pub fn read_file(file: &SourceFile, reading: Reading) -> (Record, Vec<Diagnostic>) {
    let mut out = Vec::new();
    let Some(kind) = FileKind::of(&file.path) else {
        out.extend(misnamed(&file.path).or_else(|| stray(&file.path, &file.bytes)));
        return (Record::Nothing, out);
    };
    let path = file.path.as_str();
    if kind == FileKind::ManualAggregate {
        out.push(manual_aggregate(path, Pos::START));
        return (Record::Nothing, out);
    }
    let Some(text) = decode_text(&file.bytes, path, &mut out) else { return (Record::Nothing, out) };
    let record = match kind {
        FileKind::Catalog | FileKind::Units => read_yaml_file(kind, path, &text, &mut out),
        _ => read_markdown_file(kind, path, &text, reading, &mut out),
    };
    (record.unwrap_or(Record::Nothing), out)
}

fn manual_aggregate(path: &str, pos: Pos) -> Diagnostic {
    Diagnostic::new(Code::VAggManual, path, pos, "Tổng hợp mẫu 02 được tính tự động, không được viết tay")
        .with_hint("xóa tệp này; trang tổng hợp /tong-hop/ được tạo từ các mô hình và báo cáo")
}

fn read_yaml_file(kind: FileKind, path: &str, text: &str, out: &mut Vec<Diagnostic>) -> Option<Record> {
    let node = parse_yaml(text, 1, path, out)?;
    Validator { path, out }.check_root(&node, kind.fields());
    Some(match kind {
        FileKind::Catalog => Record::Catalog(Catalog::read(&node)),
        _ => Record::Units(items(&node, "units").iter().filter_map(Unit::read).collect(), node),
    })
}

fn read_markdown_file(
    kind: FileKind,
    path: &str,
    text: &str,
    reading: Reading,
    out: &mut Vec<Diagnostic>,
) -> Option<Record> {
    let split = split_front_matter(text, path, out)?;
    let front = parse_yaml(split.front, split.front_first_line, path, out)?;
    let declared = front.get("type").and_then(Node::as_text).unwrap_or_default().to_owned();
    if declared == "tong_hop" {
        out.push(manual_aggregate(path, pos_of(&front, "type")));
        return None;
    }
    if !front.is_map() {
        Validator { path, out }.check_root(&front, kind.fields());
        return None;
    }
    if !declared.is_empty() && Some(declared.as_str()) != kind.type_name() {
        let expected = kind.type_name().unwrap_or_default();
        let mut diagnostic = Diagnostic::new(
            Code::PTypeMismatch,
            path,
            pos_of(&front, "type"),
            format!(
                "Loại tài liệu `{declared}` không khớp với thư mục; tệp trong thư mục này phải có `type: {expected}`"
            ),
        );
        if let Some(folder) = FileKind::folder(&declared) {
            diagnostic = diagnostic.with_hint(format!("chuyển tệp vào `{folder}` hoặc sửa thành `type: {expected}`"));
        }
        out.push(diagnostic);
        return None;
    }
    Validator { path, out }.check_root(&front, kind.fields());
    let stem = path.rsplit('/').next().unwrap_or_default().trim_end_matches(".md").to_owned();
    let mut body = Body::read(split.body.to_owned(), split.body_first_line, reading);
    if reading != Reading::Check && !checker_reads_markdown(&body) {
        body.release_markdown();
    }
    if kind == FileKind::Page {
        if !is_slug(&stem) {
            out.push(bad_file_name(path, &stem));
            return None;
        }
        return Some(Record::Page(Page::read(stem, path.to_owned(), front, body)));
    }
    if !check_id(path, &front, &stem, out) {
        return None;
    }
    if kind == FileKind::Model && is_gallery_page(&stem) {
        out.push(
            Diagnostic::new(
                Code::PId,
                path,
                Pos::START,
                format!("Mã `{stem}` trùng địa chỉ một trang của danh sách mô hình (/mo-hinh/{stem}/)"),
            )
            .with_hint(format!("đổi tên tệp và `id`, ví dụ `mo-hinh-{stem}`")),
        );
        return None;
    }
    Some(match kind {
        FileKind::Model => Record::Model(Box::new(Model::read(stem, path.to_owned(), front, body))),
        FileKind::Evaluation => Record::Evaluation(Box::new(Evaluation::read(stem, path.to_owned(), front, body))),
        _ => Record::Report(Box::new(Report::read(stem, path.to_owned(), front, body))),
    })
}

/// Whether the checker reads a body's Markdown itself, beyond what the reading pass found:
/// the HTML rule places its findings in it, F-PLACEHOLDER and M-SECTION look for the guidance
/// text of `guong new`. A body read for publishing that needs neither frees its Markdown at
/// once, so a build never holds the Markdown, the HTML and the text of every body together.
fn checker_reads_markdown(body: &Body) -> bool {
    !body.markup.is_empty() || is_placeholder(&body.markdown)
}

/// P-IGNORED: a file of a content kind's folder named like Markdown but not `*.md` (`x.MD`,
/// `x.md.txt` from an editor that added `.txt`, `x.markdown`). guong reads only `*.md`
/// there, so without this the file would vanish from the site unseen.
fn misnamed(path: &str) -> Option<Diagnostic> {
    let rest = path.strip_prefix("content/")?;
    FileKind::of_folder(rest)?;
    let name = rest.rsplit('/').next()?;
    let lower = name.to_ascii_lowercase();
    let at = lower.find(".md").filter(|&at| lower[at..] == *".md" || lower[at..].starts_with(".md."));
    let stem = &name[..at.or_else(|| lower.strip_suffix(".markdown").map(str::len))?];
    Some(
        Diagnostic::new(
            Code::PIgnored,
            path,
            Pos::START,
            format!("Tệp `{name}` không được đọc: chỉ tệp có đuôi `.md` (chữ thường) mới là nội dung"),
        )
        .with_hint(format!("đổi tên tệp thành `{stem}.md`")),
    )
}

/// A Markdown file under `content/` outside the folders of content kinds (`content/a.md`, a
/// misspelled `content/mohinh/`): guong does not read it, so without a word it would vanish
/// from the site unseen. One that declares the `type` of a content kind is
/// P-TYPE-MISMATCH (an error: a model, say, that the site would silently lose), `tong_hop`
/// V-AGG-MANUAL; a `README.md` (notes for editors) is left alone; any other is P-IGNORED.
fn stray(path: &str, bytes: &[u8]) -> Option<Diagnostic> {
    let rest = path.strip_prefix("content/")?;
    if !rest.ends_with(".md") {
        return None;
    }
    let mut quiet = Vec::new();
    let front = decode_text(bytes, path, &mut quiet).and_then(|text| {
        let split = split_front_matter(&text, path, &mut quiet)?;
        parse_yaml(split.front, split.front_first_line, path, &mut quiet)
    });
    let declared = front.as_ref().and_then(|front| Some((front.get("type")?.as_text()?, pos_of(front, "type"))));
    if let Some(("tong_hop", pos)) = declared {
        return Some(manual_aggregate(path, pos));
    }
    let name = rest.rsplit('/').next().unwrap_or(rest);
    if let Some((declared, pos)) = declared
        && let Some(folder) = FileKind::folder(declared)
    {
        return Some(
            Diagnostic::new(
                Code::PTypeMismatch,
                path,
                pos,
                format!("Tệp có `type: {declared}` nhưng nằm ngoài thư mục `{folder}` nên không được đọc"),
            )
            .with_hint(format!("chuyển tệp vào `{folder}` (ví dụ `{folder}{name}`)")),
        );
    }
    // Notes for editors beside the content are not content.
    if name.eq_ignore_ascii_case("readme.md") {
        return None;
    }
    let folders: Vec<String> = MARKDOWN_KINDS.iter().map(|(_, folder, _)| content_folder(folder)).collect();
    let first = rest.split('/').next().unwrap_or_default();
    // A folder name that differs from a kind's only by its hyphens (`mohinh`, `bao_cao`).
    let bare = |name: &str| name.replace(['-', '_'], "");
    let close = (rest.contains('/'))
        .then(|| MARKDOWN_KINDS.iter().find(|(_, folder, _)| bare(folder) == bare(first)))
        .flatten()
        .map(|(_, folder, _)| content_folder(folder));
    let hint = match close {
        Some(folder) => format!("có phải thư mục `{folder}`? đổi tên thư mục `content/{first}/`"),
        None => "chuyển tệp vào thư mục của loại nội dung, hoặc xóa tệp nếu không cần".to_owned(),
    };
    Some(
        Diagnostic::new(
            Code::PIgnored,
            path,
            Pos::START,
            format!("Tệp `{rest}` không được đọc: nội dung chỉ nằm trong các thư mục `{}`", folders.join("`, `")),
        )
        .with_hint(hint),
    )
}

fn bad_id(path: &str, pos: Pos, id: &str) -> Diagnostic {
    Diagnostic::new(Code::PId, path, pos, bad_id_message(id))
        .with_hint("đặt tên tệp và `id` giống nhau, ví dụ `mh-mot-cua-than-thien.md` với `id: mh-mot-cua-than-thien`")
}

/// P-ID on a file name that is no slug, with the slug of that name to use instead.
fn bad_file_name(path: &str, stem: &str) -> Diagnostic {
    let slug = slugify(stem, SLUG_MAX);
    let mut d = bad_id(path, Pos::START, stem);
    if is_slug(&slug) {
        d.hint = Some(format!("đổi tên tệp thành `{slug}.md` (và `id: {slug}` nếu có)"));
    }
    d
}

/// What the address of page N of a list starts with (`/mo-hinh/trang-2/`).
pub const LIST_PAGE_PREFIX: &str = "trang-";

/// Whether a model id is the address of a page of the gallery (`trang-2`: `/mo-hinh/trang-2/`).
pub fn is_gallery_page(id: &str) -> bool {
    id.strip_prefix(LIST_PAGE_PREFIX).is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// P-ID: the id must be a slug equal to the file stem (the schema already checked the
/// slug shape). A record is kept, under its stem, whenever the stem is a valid slug, so one
/// wrong id does not cascade into unknown-reference errors elsewhere.
fn check_id(path: &str, front: &Node, stem: &str, out: &mut Vec<Diagnostic>) -> bool {
    if !is_slug(stem) {
        // An `id` written as the file is named is already P-ID where it stands.
        if front.get("id").and_then(Node::as_text) != Some(stem) {
            out.push(bad_file_name(path, stem));
        }
        return false;
    }
    if let Some(id) = front.get("id").and_then(Node::as_text).filter(|id| is_slug(id) && *id != stem) {
        out.push(
            bad_id(path, pos_of(front, "id"), id)
                .with_hint(format!("mã phải trùng tên tệp: đổi thành `id: {stem}` hoặc đổi tên tệp thành `{id}.md`")),
        );
    }
    true
}
