//! P-ID-DUP: free pages and evaluations are named by their file stem alone, so two of one
//! kind with the same stem in different folders would claim one address (`/trang/<slug>/`,
//! an anchor of `/danh-gia/`). Models and reports have their own codes (M-ID-DUP, R-ID-DUP).

use std::collections::HashMap;

use crate::content::corpus::Corpus;
use crate::diagnostic::{Code, Diagnostic, Pos};

/// Reports each page and evaluation whose id a file earlier in path order already has.
pub fn check(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    let pages = corpus.pages.iter().map(|p| (p.slug.as_str(), p.path.as_str()));
    duplicates(pages, "Trang", |id| format!("/trang/{id}/"), out);
    let evaluations = corpus.evaluations.iter().map(|e| (e.id.as_str(), e.path.as_str()));
    duplicates(evaluations, "Phiếu đánh giá", |id| format!("/danh-gia/#{id}"), out);
}

/// `files` are `(id, path)` in path order; `kind` names them, `address` is where one is published.
fn duplicates<'a>(
    files: impl Iterator<Item = (&'a str, &'a str)>,
    kind: &str,
    address: impl Fn(&str) -> String,
    out: &mut Vec<Diagnostic>,
) {
    let mut first: HashMap<&str, &str> = HashMap::new();
    for (id, path) in files {
        match first.get(id) {
            Some(earlier) => out.push(
                Diagnostic::new(
                    Code::PIdDup,
                    path,
                    Pos::START,
                    format!("{kind} `{id}` trùng mã với tệp `{earlier}`: cả hai sẽ ở địa chỉ {}", address(id)),
                )
                .with_hint("mỗi tệp một tên riêng: đổi tên một trong hai tệp"),
            ),
            None => {
                first.insert(id, path);
            }
        }
    }
}
