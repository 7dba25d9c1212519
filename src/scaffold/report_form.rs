//! Biểu mẫu 03 for `guong new report`: a periodic report of a base unit listing every model
//! of its subtree active in the period, with the indicators each must report on.

use std::collections::BTreeMap;

use crate::content::corpus::Corpus;
use crate::content::model::Model;
use crate::content::report::Period;
use crate::content::schema::SLUG_MAX;
use crate::content::schema::is_slug;
use crate::content::site_config::SiteConfig;
use crate::content::unit::Unit;
use crate::content::vocab::{PROGRESSES, PeriodKind, RECOGNITION_LEVELS};
use crate::derive::calendar::report_deadline;
use crate::derive::counting::counting_unit;
use crate::derive::party_document::{DocumentKind, default_recipients, number_suffix, on_behalf};
use crate::scaffold::slug::slugify;
use crate::scaffold::yaml_text::{choices, comment, fill, quoted};
use crate::scaffold::{NewFile, find_unit, placeholder};

/// Folder of report files, relative to the site root.
pub const REPORTS_DIR: &str = "content/bao-cao";

/// Reads a period as given on the command line (`sau_thang`, `ca_nam`, or the URL forms
/// `sau-thang`, `ca-nam`).
pub fn parse_period(text: &str) -> Option<PeriodKind> {
    PeriodKind::from_code(&text.trim().replace('-', "_"))
}

/// A new report of base unit `org` for `year` and `period`. Refuses a period that already
/// has a report of that unit, and a file that already exists (`paths` are the site's
/// content paths).
pub fn new_report(
    corpus: &Corpus,
    site: &SiteConfig,
    paths: &[String],
    org: &str,
    year: i32,
    period: &str,
) -> Result<NewFile, String> {
    let unit = find_unit(corpus, org)?;
    if !unit.is_base() {
        let base = corpus
            .base_unit_of(org)
            .map(|b| format!("; báo cáo của đơn vị này do `{}` ({}) lập", b.id, b.name))
            .unwrap_or_default();
        return Err(format!("`{org}` không phải đảng bộ cơ sở hoặc chi bộ cơ sở{base}"));
    }
    let periods = &corpus.catalog.periods;
    if !periods.covers_year(year.into()) {
        return Err(format!(
            "năm {year} không thuộc giai đoạn nào của chương trình ({}); khai báo giai đoạn ở `periods` trong content/danh-muc.yml",
            periods.describe()
        ));
    }
    let kind = parse_period(period)
        .ok_or_else(|| format!("kỳ báo cáo `{period}` không hợp lệ; chọn sau_thang (6 tháng đầu năm) hoặc ca_nam"))?;
    let period = Period { year, kind };
    if let Some(existing) = corpus
        .reports
        .iter()
        .find(|r| r.org.as_deref() == Some(org) && r.year == Some(year) && r.period_kind == Some(kind))
    {
        return Err(format!("{} của `{org}` đã có báo cáo: {}", capitalised(&period.label()), existing.path));
    }
    let id = report_id(org, period);
    let folder = report_folder(corpus, org);
    let path = format!("{folder}/{id}.md");
    let same_stem = |p: &&String| p.starts_with(REPORTS_DIR) && p.ends_with(&format!("/{id}.md"));
    if let Some(existing) = paths.iter().find(same_stem) {
        return Err(format!("tệp `{existing}` đã có; không ghi đè"));
    }
    Ok(NewFile { path, text: report_text(corpus, site, unit, &id, period) })
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|first| first.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// `bc-<org>-<year>-<sau-thang|ca-nam>`, shortened to a valid slug for very long unit ids.
fn report_id(org: &str, period: Period) -> String {
    let suffix = format!("-{}-{}", period.year, period.kind.slug());
    format!("bc-{}{suffix}", slugify(org, SLUG_MAX - 3 - suffix.len()))
}

/// The folder holding most of `org`'s reports, else `content/bao-cao`.
fn report_folder(corpus: &Corpus, org: &str) -> String {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for report in corpus.reports.iter().filter(|r| r.org.as_deref() == Some(org)) {
        if let Some((folder, _)) = report.path.rsplit_once('/') {
            *counts.entry(folder).or_default() += 1;
        }
    }
    let most_used = counts.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))).map(|(f, _)| (*f).to_owned());
    most_used.unwrap_or_else(|| REPORTS_DIR.to_owned())
}

/// Models active in `period` that `org`'s subtree counts in it, in path order: its units'
/// own, and those it carries on for units merged into it (`derive::counting`, as
/// R-MODEL-MISSING expects them).
fn active_models<'a>(corpus: &'a Corpus, org: &str, period: Period) -> Vec<&'a Model> {
    corpus
        .models
        .iter()
        .filter(|m| m.active_during(period))
        .filter(|m| counting_unit(corpus, m, period.end()).is_some_and(|unit| corpus.in_subtree(&unit.id, org)))
        .collect()
}

fn report_text(corpus: &Corpus, site: &SiteConfig, unit: &Unit, id: &str, period: Period) -> String {
    let (org, unit_name) = (unit.id.as_str(), unit.name.as_str());
    let due = report_deadline(&corpus.catalog, period);
    let models = active_models(corpus, org, period);
    let mut y = String::new();
    let mut line = |text: &str| {
        y.push_str(text);
        y.push('\n');
    };
    line("---");
    line(&format!("# Biểu mẫu 03 — Báo cáo kết quả thực hiện mô hình, điển hình, {}.", period.label()));
    line("# Thay mọi nội dung «Cần điền…» bằng thông tin thật; `guong check` báo lỗi F-PLACEHOLDER ở chỗ còn sót.");
    line(&format!(
        "# Ngày viết dạng YYYY-MM-DD (ví dụ {}) hoặc DD/MM/YYYY. Dòng bắt đầu bằng # là ghi chú.",
        period.end().iso()
    ));
    line("type: bao_cao");
    line(&format!("id: {id}"));
    line(&format!("org: {org}  # {}", comment(unit_name)));
    line(&format!("year: {}", period.year));
    line(&format!("period: {}  # {}", period.kind.code(), period.kind.label()));
    line(&format!("report_date: {}", fill(&format!("ngày báo cáo, từ {} đến hạn {due}", period.start()))));
    line(&format!("# number: \"…{}\"  # Số hiệu", number_suffix(DocumentKind::Report, unit)));
    line(&format!("# signer:  # Người ký, {} (dòng này in sẵn trên báo cáo)", on_behalf(unit)));
    line("#   name: \"Họ và tên\"");
    line("#   title: \"Bí thư\"");
    let source = if site.recipients.is_empty() { "" } else { " (site.yml `recipients`)" };
    line(&format!("# recipients:  # Nơi nhận; bỏ trống thì in danh sách mặc định{source}:"));
    for recipient in default_recipients(corpus, site) {
        line(&format!("#   - {}", quoted(&recipient)));
    }
    if models.is_empty() {
        line("# Không có mô hình nào của đơn vị đang thực hiện trong kỳ.");
        line("models: []");
    } else {
        line(&format!(
            "# Kết quả từng mô hình. Tiến độ: {}.",
            PROGRESSES.iter().map(|(c, l)| format!("{c} = {l}")).collect::<Vec<_>>().join("; ")
        ));
        line("# Khi tiến độ là tam_dung hoặc loai_bo, có thể xóa `assessment` và `values`.");
        line("models:");
        for model in models {
            model_entry(&mut line, corpus, model);
        }
    }
    line(&format!("# Biểu dương, khen thưởng trong kỳ (cấp: {}):", choices(RECOGNITION_LEVELS.iter().map(|v| v.0))));
    line("# recognitions:");
    line("#   - subject: \"Tập thể, cá nhân được khen\"");
    line(&format!("#     date: {}", period.end().iso()));
    line("#     level: co_so");
    line("#     form: \"Giấy khen\"");
    line("#     decision: \"Quyết định số …\"");
    line("# difficulties: \"Khó khăn, vướng mắc\"");
    line("# proposals: \"Kiến nghị, đề xuất\"");
    line("---");
    y.push('\n');
    y.push_str(&placeholder(&format!("tóm tắt kết quả học tập và làm theo Bác của đơn vị, {}", period.label())));
    y.push('\n');
    y
}

fn model_entry(line: &mut impl FnMut(&str), corpus: &Corpus, model: &Model) {
    let unit = model.org.as_deref().and_then(|o| corpus.unit(o)).map_or("", |u| u.display_name());
    line(&format!("  # {} — {}", comment(&model.title), comment(unit)));
    line(&format!("  - model: {}", model.id));
    line(&format!("    progress: {}", fill(&format!("tiến độ, {}", choices(PROGRESSES.iter().map(|v| v.0))))));
    line("    assessment:");
    line(&format!("      awareness: {}", fill("đánh giá chuyển biến nhận thức (ít nhất 10 ký tự)")));
    line(&format!("      attitude: {}", fill("đánh giá chuyển biến thái độ (ít nhất 10 ký tự)")));
    line(&format!("      action: {}", fill("đánh giá chuyển biến hành động (ít nhất 10 ký tự)")));
    line("    values:");
    let indicators: Vec<_> = model.effectiveness.indicators.iter().filter(|i| !i.code.is_empty()).collect();
    if indicators.is_empty() {
        line(&format!("      - indicator: {}", fill("mã chỉ số khai báo trong mô hình")));
        line(&format!("        value: {}", fill("số liệu trong kỳ")));
    }
    for indicator in indicators {
        let known = |value: Option<f64>| value.map_or("chưa có".to_owned(), |v| v.to_string());
        line(&format!(
            "      # {} ({}): trước khi thực hiện {}, mục tiêu {}",
            comment(&indicator.name),
            comment(&indicator.unit),
            known(indicator.baseline),
            known(indicator.target)
        ));
        let code = if is_slug(&indicator.code) { indicator.code.clone() } else { quoted(&indicator.code) };
        line(&format!("      - indicator: {code}"));
        line(&format!(
            "        value: {}",
            fill(&format!("số liệu trong kỳ, đơn vị tính {}", comment(&indicator.unit)))
        ));
    }
    line("    # highlights: \"Kết quả nổi bật\"");
    line("    # propose_replication: [ma-don-vi]  # Đề xuất nhân rộng tới các đơn vị");
}
