//! Files the source did not read, as diagnostics (see [`crate::source::trust`]): P-LINK for
//! a link that leads outside the site root, into a hidden path, nowhere, or back into
//! folders already read; P-SPECIAL for a FIFO, socket or device; P-SIZE for a file over its
//! folder's limit; P-READ for a file or folder that could not be read. Nothing is skipped
//! silently, except files guong would not use anyway (attachments under `content/` that are
//! too large or unreadable).

use std::collections::HashSet;

use crate::content::load::FileKind;
use crate::diagnostic::{Code, Diagnostic, Pos, Severity};
use crate::parse::frontmatter::too_large;
use crate::source::{Skip, Skipped};

/// The diagnostic for one skipped file, if guong would have used it.
pub fn diagnostic(skipped: &Skipped) -> Option<Diagnostic> {
    let path = skipped.path.as_str();
    // Markdown under `content/` is content even outside its folders (P-IGNORED,
    // P-TYPE-MISMATCH when read).
    let used = FileKind::of(path).is_some() || !path.starts_with("content/") || path.ends_with(".md");
    Some(match &skipped.reason {
        Skip::Link { target, refusal } => Diagnostic::new(
            Code::PLink,
            path,
            Pos::START,
            format!("Liên kết `{path}` trỏ tới `{target}`, {refusal}; guong bỏ qua tệp này"),
        )
        .with_hint("thay liên kết bằng chính tệp đó, đặt trong thư mục của trang"),
        Skip::LinkToListed { target } => Diagnostic::new(
            Code::PLink,
            path,
            Pos::START,
            format!(
                "Liên kết `{path}` trỏ tới thư mục `{target}`, nơi đã được đọc hoặc chứa thư mục đang đọc; guong không đọc lại"
            ),
        )
        .with_hint("xóa liên kết; mỗi tệp chỉ cần có một chỗ trong trang"),
        Skip::Special(kind) => Diagnostic::new(
            Code::PSpecial,
            path,
            Pos::START,
            format!("`{path}` là {}, không phải tệp thường; guong bỏ qua", kind.label()),
        )
        .with_hint("xóa nó khỏi thư mục của trang"),
        Skip::TooLarge { size, limit } if used => too_large(path, *size, *limit),
        Skip::Unreadable(message) if used => {
            Diagnostic::new(Code::PRead, path, Pos::START, format!("Không đọc được tệp `{path}`: {message}"))
                .with_hint("kiểm tra quyền đọc của tệp")
        }
        // Whatever it holds, content or not, went unchecked.
        Skip::UnreadableFolder(message) => Diagnostic::new(
            Code::PRead,
            path,
            Pos::START,
            format!("Không đọc được thư mục `{path}`: {message}; các tệp trong đó không được kiểm tra"),
        )
        .with_hint("kiểm tra quyền đọc của thư mục"),
        Skip::TooLarge { .. } | Skip::Unreadable(_) => return None,
    })
}

/// Whether `skipped` is an error (P-SIZE, P-READ): a file meant to be read that could not
/// be. A model among them is reported once, by that error; references to it are not. A link
/// or a special file is a warning and no content at all: references to it stay errors.
pub fn is_error(skipped: &Skipped) -> bool {
    diagnostic(skipped).is_some_and(|d| d.severity == Severity::Error)
}

/// Adds the diagnostics of `skipped` to `diagnostics`. A required registry file skipped as
/// an error of its own (P-SIZE, P-READ) is reported by it, not again as missing
/// (F-REQUIRED); one skipped with a warning (a link, a special file) stays an F-REQUIRED
/// error, which says why: without it, nothing the registry defines could be checked.
pub fn merge(diagnostics: &mut Vec<Diagnostic>, skipped: &[Skipped]) {
    let found: Vec<Diagnostic> = skipped.iter().filter_map(diagnostic).collect();
    if found.is_empty() {
        return;
    }
    let reported = |severity: Severity| -> HashSet<&str> {
        found.iter().filter(|f| f.severity == severity).map(|f| f.path.as_str()).collect()
    };
    let (errors, warned) = (reported(Severity::Error), reported(Severity::Warning));
    diagnostics.retain(|d| d.code != Code::FRequired || !errors.contains(d.path.as_str()));
    for missing in diagnostics.iter_mut().filter(|d| d.code == Code::FRequired && warned.contains(d.path.as_str())) {
        missing.message = format!("Tệp bắt buộc `{}` không được đọc vì không phải tệp thường", missing.path);
        missing.hint = Some("thay liên kết (hoặc tệp đặc biệt) bằng chính tệp YAML, đặt ở đúng chỗ này".to_owned());
    }
    diagnostics.extend(found);
}
