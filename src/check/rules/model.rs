//! Model rules (M-*): unique ids, the implementing unit, the group, the dates within the
//! programme period, the five criteria sections of the body; and the subject's position,
//! required for a person.

use std::collections::HashMap;

use crate::check::rules::{At, Index, field, listing, typo_hint};
use crate::content::corpus::Corpus;
use crate::content::criteria::{criterion_of, criterion_of_folded, leading_number, strip_numbering};
use crate::content::forms::MODEL;
use crate::content::model::Model;
use crate::content::read::pos_of;
use crate::content::schema::is_placeholder;
use crate::content::vocab::{SubjectType, UnitKind};
use crate::diagnostic::{Code, Diagnostic, Pos};
use crate::parse::markdown::Section;

/// Sections shorter than this (non-space characters) are missing in substance (M-SECTION).
const SECTION_MIN: usize = 20;
/// Sections shorter than this are thin (M-SECTION-SHORT).
const SECTION_SHORT: usize = 200;

/// The heading to add for each missing criterion section (which section names which
/// criterion is `content::criteria::criterion_of`).
const SECTION_HEADINGS: [&str; 5] = [
    "## 1. Nội dung học tập Bác",
    "## 2. Sự cần thiết",
    "## 3. Biện pháp triển khai",
    "## 4. Hiệu quả",
    "## 5. Tính khả thi nhân rộng",
];

/// M-ID-DUP: a model id used by an earlier file (in path order) is reported on the later one.
pub fn check_duplicates(corpus: &Corpus, out: &mut Vec<Diagnostic>) {
    let mut first: HashMap<&str, &str> = HashMap::new();
    for model in &corpus.models {
        match first.get(model.id.as_str()) {
            Some(earlier) => out.push(
                Diagnostic::new(
                    Code::MIdDup,
                    &model.path,
                    pos_of(&model.front, "id"),
                    format!("Mã mô hình `{}` đã được dùng ở tệp `{earlier}`", model.id),
                )
                .with_hint("mỗi mô hình một mã riêng: đổi tên tệp và `id` thành mã khác"),
            ),
            None => {
                first.insert(&model.id, &model.path);
            }
        }
    }
}

/// Every M-* rule of one model, and the conditional subject position.
pub fn check(index: &Index, at: &mut At) {
    org(index, at);
    group(index, at);
    period(index, at);
    registration_date(index, at);
    sections(at);
    subject_position(at);
}

/// M-ORG-UNKNOWN, M-ORG-ROOT, M-ORG-INACTIVE.
fn org(index: &Index, at: &mut At) {
    let model = at.model;
    let Some(org) = model.org.as_deref().filter(|_| index.units_read()) else { return };
    let corpus = index.corpus;
    let Some(unit) = corpus.unit(org) else {
        let mut d = at.value(
            Code::MOrgUnknown,
            "org",
            format!("Đơn vị `{org}` không có trong danh sách tổ chức ({})", field(MODEL, "org")),
        );
        d.hint = Some(
            typo_hint(index.known.units().suggest(org))
                .unwrap_or_else(|| "dùng một `id` trong content/to-chuc.yml".to_owned()),
        );
        at.push(d);
        return;
    };
    if unit.kind == Some(UnitKind::DangBoKhoi) {
        at.push(
            at.value(
                Code::MOrgRoot,
                "org",
                format!("Mô hình không thể do {} (`{org}`, đơn vị gốc) thực hiện ({})", unit.name, field(MODEL, "org")),
            )
            .with_hint("ghi chi bộ hoặc đảng bộ cơ sở trực tiếp thực hiện mô hình"),
        );
        return;
    }
    let Some(start) = model.start else { return };
    let end = model.effective_end();
    let after_close = unit.active_to.filter(|&to| start > to);
    let before_open = unit.active_from.filter(|&from| end.is_some_and(|end| end < from));
    if after_close.is_some() || before_open.is_some() {
        let when = match (after_close, before_open) {
            (Some(to), _) => format!("đã kết thúc hoạt động ngày {to}, trước ngày bắt đầu mô hình {start}"),
            (_, Some(from)) => {
                format!("bắt đầu hoạt động ngày {from}, sau khi mô hình kết thúc ({})", end.unwrap_or(start))
            }
            _ => String::new(),
        };
        // The unit carrying on the work at `start`, along a chain of mergers.
        let successor = after_close.and(corpus.holder_at(org, start)).filter(|holder| holder.id != org);
        let hint = match successor {
            Some(successor) => format!(
                "`{org}` đã sáp nhập, hợp nhất vào `{}` ({}): ghi `org: {}`, hoặc sửa `start` nếu mô hình bắt đầu \
                 trước ngày đó",
                successor.id, successor.name, successor.id
            ),
            None => "kiểm tra `org`, `start`, `end` của mô hình hoặc `active_from`/`active_to` của đơn vị".to_owned(),
        };
        at.push(at.value(Code::MOrgInactive, "org", format!("Đơn vị `{org}` {when}")).with_hint(hint));
    }
}

/// M-GROUP: the group must be one of the catalog's `nhom_mo_hinh`.
fn group(index: &Index, at: &mut At) {
    let Some(group) = at.model.group.as_deref() else { return };
    let catalog = &index.corpus.catalog;
    // An unreadable catalog has no groups: its own error is the one to fix.
    if catalog.groups.is_empty() || catalog.group(group).is_some() {
        return;
    }
    let mut d = at.value(
        Code::MGroup,
        "group",
        format!("Nhóm mô hình `{group}` không có trong danh mục `nhom_mo_hinh` ({})", field(MODEL, "group")),
    );
    d.hint = Some(typo_hint(index.known.groups().suggest(group)).unwrap_or_else(|| {
        format!(
            "chọn một trong: {}",
            listing(catalog.groups.iter().map(|g| g.id.as_str()), catalog.groups.len(), "nhóm")
        )
    }));
    at.push(d);
}

/// M-PERIOD: the plan's registration date (biểu mẫu 01) must fall within the model's period.
fn registration_date(index: &Index, at: &mut At) {
    let model = at.model;
    let Some(date) = model.registration.as_ref().and_then(|r| r.date) else { return };
    let Some(period) = model.period.and_then(|slot| index.corpus.catalog.periods.at(slot)) else { return };
    if !period.contains(date) {
        at.push(
            at.value(
                Code::MPeriod,
                "registration.date",
                format!("Ngày đăng ký {date} nằm ngoài giai đoạn của mô hình ({})", period.span()),
            )
            .with_hint("ngày đăng ký kế hoạch (biểu mẫu 01) phải trong giai đoạn của mô hình"),
        );
    }
}

/// M-PERIOD (no programme period holds the start; end before start) and M-PERIOD-END (end
/// after the model's period). While a period is unreadable or ends before it starts, the
/// catalog's error is the one to fix (`Periods::is_complete`).
fn period(index: &Index, at: &mut At) {
    let model = at.model;
    let periods = &index.corpus.catalog.periods;
    if !periods.is_complete() {
        return;
    }
    if let Some(start) = model.start.filter(|_| model.period.is_none()) {
        // Before the programme began, the date is what is wrong; after its last period (or
        // between two), the period may be the one still to declare.
        let first = periods.chronological().next().map(|p| p.from);
        let hint = match first {
            Some(first) if start < first => {
                format!("chương trình bắt đầu từ {first}: kiểm tra lại ngày bắt đầu của mô hình")
            }
            _ => "ngày bắt đầu phải thuộc một giai đoạn khai báo ở `periods` trong content/danh-muc.yml; \
                  mô hình của giai đoạn mới cần giai đoạn đó được khai báo trước"
                .to_owned(),
        };
        at.push(
            at.value(
                Code::MPeriod,
                "start",
                format!("Ngày bắt đầu {start} nằm ngoài giai đoạn {}", periods.describe()),
            )
            .with_hint(hint),
        );
    }
    let Some(end) = model.end else { return };
    let period = model.period.and_then(|slot| periods.at(slot));
    if let Some(start) = model.start.filter(|&s| end < s) {
        at.push(
            at.value(Code::MPeriod, "end", format!("Ngày kết thúc {end} trước ngày bắt đầu {start}"))
                .with_hint("sửa `end` hoặc `start` cho đúng thứ tự"),
        );
    } else if let Some(period) = period.filter(|p| end > p.to) {
        at.push(
            at.value(Code::MPeriodEnd, "end", format!("Ngày kết thúc {end} sau khi giai đoạn {period} kết thúc"))
                .with_hint(format!(
                    "kết quả sau {} thuộc giai đoạn sau; đặt `end` không muộn hơn {} và, nếu mô hình tiếp tục, \
                     đăng ký mô hình củng cố (`approach: cung_co`, `revision.previous_model: {}`) ở giai đoạn sau",
                    period.to, period.to, model.id
                )),
        );
    }
}

/// M-SECTION and M-SECTION-SHORT: the five criteria sections of the body.
fn sections(at: &mut At) {
    let model = at.model;
    let body = &model.body;
    for (criterion, heading) in SECTION_HEADINGS.iter().enumerate() {
        let Some(section) = model.criteria[criterion].and_then(|i| body.sections.get(i)) else {
            let (line, hint) = match near_miss(model, criterion) {
                Some(miss) => (miss.line, miss.hint(heading)),
                None => (body.first_line, format!("thêm dòng `{heading}` và viết nội dung tiêu chí này bên dưới")),
            };
            at.push(
                Diagnostic::new(Code::MSection, &model.path, Pos::new(line, 1), format!("Thiếu mục \"{heading}\""))
                    .with_hint(hint),
            );
            continue;
        };
        if is_placeholder(body.text_of(section)) {
            // Still the `guong new` guidance: reported as F-PLACEHOLDER on its own line.
            continue;
        }
        let pos = Pos::new(section.line, 1);
        if section.length < SECTION_MIN {
            at.push(
                Diagnostic::new(
                    Code::MSection,
                    &model.path,
                    pos,
                    format!(
                        "Mục \"## {}\" gần như trống ({} ký tự); cần ít nhất {SECTION_MIN} ký tự",
                        section.title, section.length
                    ),
                )
                .with_hint("viết rõ nội dung của tiêu chí này"),
            );
        } else if section.length < SECTION_SHORT {
            at.push(
                Diagnostic::new(
                    Code::MSectionShort,
                    &model.path,
                    pos,
                    format!(
                        "Mục \"## {}\" còn ngắn ({} ký tự); nên viết ít nhất {SECTION_SHORT} ký tự",
                        section.title, section.length
                    ),
                )
                .with_hint("nêu cụ thể hơn để người đọc có thể học tập, làm theo"),
            );
        }
    }
}

/// A heading meant for a criterion that does not name it as SPEC §2 asks: M-SECTION is
/// reported on its line, saying what to write instead.
struct NearMiss<'b> {
    line: usize,
    /// `#` marks of the heading (2 for a section).
    level: u8,
    title: &'b str,
    /// Whether the title names the criterion exactly (only its level is wrong).
    named: bool,
}

impl NearMiss<'_> {
    fn hint(&self, heading: &str) -> String {
        let written = format!("{} {}", "#".repeat(self.level.into()), self.title);
        if self.level != 2 {
            let meant = if self.named { format!("## {}", self.title) } else { heading.to_owned() };
            return format!(
                "dòng {} viết tiêu đề này ở cấp {} (`{written}`); tiêu đề mục tiêu chí cần đúng hai dấu #: `{meant}`",
                self.line, self.level
            );
        }
        format!("dòng {} viết `{written}`: có phải `{heading}`? Tên mục tiêu chí phải viết đúng, đủ dấu", self.line)
    }
}

/// The heading written for `criterion` (0-based) that misses it, if any: a heading of another
/// level naming it (numbered, `### 4. Hiệu quả`, or at level 1); else a `##` heading naming no
/// criterion that would name it with its diacritics right (`## 4 Hieu qua`, `## 2. Sự càn
/// thiết`) or is numbered as it (`## 4. Kết quả đạt được`). A sub-heading that only starts with
/// the criterion's name (`### Hiệu quả kinh tế` inside another section) is not taken for it.
fn near_miss(model: &Model, criterion: usize) -> Option<NearMiss<'_>> {
    let number = criterion as u8 + 1;
    let body = &model.body;
    let other_level = body.other_headings.iter().find(|h| {
        let numbered = strip_numbering(&h.title) != h.title.trim_start();
        let names = criterion_of(&h.title) == Some(number) || criterion_of_folded(&h.title) == Some(number);
        names && (h.level == 1 || numbered)
    });
    if let Some(h) = other_level {
        let named = criterion_of(&h.title) == Some(number);
        return Some(NearMiss { line: h.line, level: h.level, title: &h.title, named });
    }
    let unplaced =
        body.sections.iter().enumerate().filter(|(i, _)| !model.criteria.contains(&Some(*i))).map(|(_, s)| s);
    let misspelt = |s: &&Section| criterion_of(&s.title).is_none() && criterion_of_folded(&s.title) == Some(number);
    let numbered = |s: &&Section| {
        criterion_of(&s.title).is_none()
            && criterion_of_folded(&s.title).is_none()
            && leading_number(&s.title) == Some(u32::from(number))
    };
    let section = unplaced.clone().find(misspelt).or_else(|| unplaced.clone().find(numbered))?;
    Some(NearMiss { line: section.line, level: 2, title: &section.title, named: false })
}

/// `subject.position` is required when the subject is a person (SPEC §2, F-REQUIRED).
fn subject_position(at: &mut At) {
    let subject = &at.model.subject;
    if subject.kind == Some(SubjectType::CaNhan) && subject.position.is_none() {
        at.push(
            at.missing(
                Code::FRequired,
                "subject.position",
                format!("Thiếu trường bắt buộc {} khi chủ thể là cá nhân", field(MODEL, "subject.position")),
            )
            .with_hint("thêm dòng `position: …` trong `subject`, ví dụ `position: \"Trưởng phòng Ngân sách\"`"),
        );
    }
}
