//! Every address of the site, relative to the base path (`mo-hinh/x/`), in one place.
//! Addresses come only from validated ids and slugs.

use crate::content::load::LIST_PAGE_PREFIX;
use crate::content::report::Period;

/// The home page.
pub const HOME: &str = "";
/// First page of the gallery.
pub const GALLERY: &str = "mo-hinh/";
/// The unit tree.
pub const UNITS: &str = "don-vi/";
/// Every report.
pub const REPORTS: &str = "bao-cao/";
/// Every group.
pub const GROUPS: &str = "nhom/";
/// Every learning topic.
pub const TOPICS: &str = "chuyen-de/";
/// The computed form 02 tables (tổng hợp mẫu 02).
pub const FORM02: &str = "tong-hop/";
/// The department's evaluations of the models (khảo sát, đánh giá).
pub const EVALUATIONS: &str = "danh-gia/";
/// Every recognition of models and reports (biểu dương, khen thưởng).
pub const COMMENDATIONS: &str = "khen-thuong/";
/// The compliance page.
pub const COMPLIANCE: &str = "kiem-tra/";
/// The Atom feed.
pub const FEED: &str = "feed.xml";
/// The sitemap.
pub const SITEMAP: &str = "sitemap.xml";

/// Page `n` (1-based) of the list at `first` (`mo-hinh/`): `mo-hinh/`, `mo-hinh/trang-2/`, ….
pub fn paged(first: &str, n: usize) -> String {
    if n <= 1 { first.to_owned() } else { format!("{first}{LIST_PAGE_PREFIX}{n}/") }
}

pub fn model(id: &str) -> String {
    format!("mo-hinh/{id}/")
}

pub fn unit(id: &str) -> String {
    format!("don-vi/{id}/")
}

pub fn report(id: &str) -> String {
    format!("bao-cao/{id}/")
}

/// A report's Word file (biểu mẫu 03) beside its page: `bao-cao/<id>/<id>.docx`.
pub fn report_docx(id: &str) -> String {
    format!("bao-cao/{id}/{id}.docx")
}

/// A model's Word file (biểu mẫu 01, the plan) beside its page: `mo-hinh/<id>/<id>.docx`.
pub fn model_docx(id: &str) -> String {
    format!("mo-hinh/{id}/{id}.docx")
}

pub fn group(id: &str) -> String {
    format!("nhom/{id}/")
}

pub fn topic(id: &str) -> String {
    format!("chuyen-de/{id}/")
}

/// The form 02 page of a period: `tong-hop/2023/sau-thang/`.
pub fn form02(period: Period) -> String {
    format!("{FORM02}{}/{}/", period.year, period.kind.slug())
}

/// A form 02 file beside its page: `tong-hop/2023/sau-thang/tong-hop-2023-sau-thang.csv`.
pub fn form02_file(period: Period, extension: &str) -> String {
    format!("{}tong-hop-{}-{}.{extension}", form02(period), period.year, period.kind.slug())
}

/// The list of programme periods.
pub const PERIODS: &str = "giai-doan/";

/// The summary of a programme period: `giai-doan/2021-2025/`.
pub fn period(id: &str) -> String {
    format!("{PERIODS}{id}/")
}

/// A period summary file beside its page: `giai-doan/2021-2025/giai-doan-2021-2025.csv`.
pub fn period_file(id: &str, extension: &str) -> String {
    format!("{}giai-doan-{id}.{extension}", period(id))
}

/// A free page.
pub fn page(slug: &str) -> String {
    format!("trang/{slug}/")
}

/// The output file of an address: folders get `index.html`.
pub fn file_of(url: &str) -> String {
    if url.is_empty() || url.ends_with('/') { format!("{url}index.html") } else { url.to_owned() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_are_served_by_their_index() {
        assert_eq!(file_of(HOME), "index.html");
        assert_eq!(file_of(&model("mh-a")), "mo-hinh/mh-a/index.html");
        assert_eq!(file_of("404.html"), "404.html");
        assert_eq!(paged(GALLERY, 1), "mo-hinh/");
        assert_eq!(paged(&group("x"), 3), "nhom/x/trang-3/");
    }
}
