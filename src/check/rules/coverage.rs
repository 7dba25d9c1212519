//! Coverage rules (warnings for the compliance dashboard): V-UNIT-YEAR, a unit without a
//! model in a coverage year, and V-REPORT-MISSING, a due form 03 report not filed. Both point
//! at the unit's entry in `to-chuc.yml`.

use crate::check::rules::Index;
use crate::content::corpus::UNITS_PATH;
use crate::content::unit::Unit;
use crate::derive::coverage::{missing_reports, units_without_model};
use crate::diagnostic::{Code, Diagnostic};

/// V-UNIT-YEAR and V-REPORT-MISSING.
pub fn check(index: &Index, out: &mut Vec<Diagnostic>) {
    let corpus = index.corpus;
    for gap in units_without_model(corpus) {
        out.push(at_unit(
            Code::VUnitYear,
            gap.unit,
            format!("Đơn vị `{}` chưa có mô hình nào trong năm {}", gap.unit.id, gap.year),
            format!(
                "HD §IV.1: mỗi chi bộ, đảng bộ xây dựng ít nhất một mô hình; tạo bằng `guong new model --org {} --title \"…\"`",
                gap.unit.id
            ),
        ));
    }
    for due in missing_reports(corpus) {
        out.push(at_unit(
            Code::VReportMissing,
            due.unit,
            format!("Đơn vị `{}` chưa nộp báo cáo {} (hạn {})", due.unit.id, due.period.label(), due.deadline),
            format!(
                "tạo báo cáo bằng `guong new report --org {} --year {} --period {}`",
                due.unit.id,
                due.period.year,
                due.period.kind.code()
            ),
        ));
    }
}

/// A diagnostic with a hint, pointing at `unit`'s entry in `to-chuc.yml`.
fn at_unit(code: Code, unit: &Unit, message: String, hint: String) -> Diagnostic {
    Diagnostic::new(code, UNITS_PATH, unit.node.pos, message).with_hint(hint)
}
