//! A page's Git history as templates see it (`meta.history`, SPEC §6): when it was created
//! and last updated, who contributed, and for models and reports the list of changes.
//! Absent for files not yet committed and for sites outside a repository.

use serde::Serialize;

/// The history of the file (or files) a page is made from.
#[derive(Clone, Debug, Serialize)]
pub struct PageHistory {
    /// "Ngày tạo", `dd/mm/yyyy`.
    pub created: String,
    /// "Cập nhật", `dd/mm/yyyy`.
    pub updated: String,
    /// "Người đóng góp": author names in order of first contribution.
    pub contributors: Vec<String>,
    /// "Lịch sử chỉnh sửa", newest first; filled on model and report pages only.
    pub revisions: Vec<RevisionRow>,
}

/// One commit of a page's history.
#[derive(Clone, Debug, Serialize)]
pub struct RevisionRow {
    /// `dd/mm/yyyy`.
    pub date: String,
    /// `yyyy-mm-dd`, for `<time datetime>`.
    pub datetime: String,
    pub author: String,
    /// The first line of the commit message.
    pub subject: String,
    /// The first 7 characters of the commit id.
    pub commit: String,
    /// The commit in the repository's web view, when the site sets `repo_url`.
    pub href: Option<String>,
}
