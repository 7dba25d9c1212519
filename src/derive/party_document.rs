//! The Party document layout (thể thức văn bản của Đảng, Hướng dẫn 36-HD/VPTW) of forms 01 and
//! 03: the two header blocks, the number, the place and date line, the title, the signature
//! block and "Nơi nhận". One context, read by the printed page (HTML), the Word file and the
//! scaffold of `guong new`, so the three never disagree.

use serde::Serialize;

use crate::content::corpus::Corpus;
use crate::content::date::Date;
use crate::content::site_config::SiteConfig;
use crate::content::unit::Unit;
use crate::content::vocab::UnitKind;

/// The right header block's first line, underlined.
pub const PARTY: &str = "ĐẢNG CỘNG SẢN VIỆT NAM";

/// What a document is, which gives its title word and its number's letters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocumentKind {
    /// Biểu mẫu 01: the plan of a model (`KẾ HOẠCH`, `-KH/…`).
    Plan,
    /// Biểu mẫu 03: a periodic report (`BÁO CÁO`, `-BC/…`).
    Report,
}

impl DocumentKind {
    /// The title word, upper case.
    pub fn title(self) -> &'static str {
        match self {
            DocumentKind::Plan => "KẾ HOẠCH",
            DocumentKind::Report => "BÁO CÁO",
        }
    }

    fn letters(self) -> &'static str {
        match self {
            DocumentKind::Plan => "KH",
            DocumentKind::Report => "BC",
        }
    }
}

/// Whether the unit is a đảng bộ (its committee is a đảng ủy) rather than a chi bộ.
fn is_dang_bo(unit: &Unit) -> bool {
    match unit.kind {
        Some(UnitKind::ChiBoCoSo | UnitKind::ChiBoTrucThuoc) => false,
        Some(_) => true,
        None => unit.name.starts_with("Đảng bộ"),
    }
}

/// The number's suffix for a document of `unit`: `-BC/ĐU` for a đảng bộ, `-KH/CB` for a chi bộ.
pub fn number_suffix(kind: DocumentKind, unit: &Unit) -> String {
    format!("-{}/{}", kind.letters(), if is_dang_bo(unit) { "ĐU" } else { "CB" })
}

/// "T/M ĐẢNG ỦY", "T/M CHI ỦY" or "T/M CHI BỘ": who the signer signs for, from the
/// committee's name (a chi bộ with a chi ủy writes `committee: "Chi ủy …"`), else the kind.
pub fn on_behalf(unit: &Unit) -> String {
    let committee = unit.committee().to_lowercase();
    let body = if committee.starts_with("đảng ủy") {
        "ĐẢNG ỦY"
    } else if committee.starts_with("chi ủy") {
        "CHI ỦY"
    } else if is_dang_bo(unit) {
        "ĐẢNG ỦY"
    } else {
        "CHI BỘ"
    };
    format!("T/M {body}")
}

/// `Tuy Hòa, ngày 05 tháng 01 năm 2023`: days below 10 and months 1–2 with a leading zero
/// (HD 36); without a date, blanks to fill by hand; without a place, the line starts with
/// "Ngày".
pub fn date_line(place: Option<&str>, date: Option<Date>) -> String {
    let when = match date {
        Some(d) => {
            let month = if d.month <= 2 { format!("{:02}", d.month) } else { d.month.to_string() };
            format!("ngày {:02} tháng {month} năm {}", d.day, d.year)
        }
        None => "ngày     tháng     năm     ".to_owned(),
    };
    match place.map(str::trim).filter(|p| !p.is_empty()) {
        Some(place) => format!("{place}, {when}"),
        None => format!("N{}", &when[1..]),
    }
}

/// The signer's title line when none is given: the committee's secretary signs for it.
pub const SECRETARY: &str = "BÍ THƯ";

/// The signature block.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Signature {
    /// "T/M ĐẢNG ỦY".
    pub on_behalf: String,
    /// The signer's title, upper case: as given, else [`SECRETARY`] (the secretary signs for
    /// the committee); the line is printed even when no signer is known.
    pub title: String,
    /// The signer's name, when given.
    pub name: Option<String>,
}

/// The layout of one printed form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PartyDocument {
    /// The upper organisation (the parent unit's name), upper case.
    pub upper: Option<String>,
    /// The issuing committee (the unit's `committee`), upper case, printed bold.
    pub committee: String,
    /// "Số 52-BC/ĐU", or "Số    -BC/ĐU" with blanks when the content gives no number.
    pub number: String,
    /// "ĐẢNG CỘNG SẢN VIỆT NAM".
    pub party: &'static str,
    /// "Tuy Hòa, ngày 05 tháng 01 năm 2023".
    pub date_line: String,
    /// "KẾ HOẠCH" / "BÁO CÁO".
    pub title: &'static str,
    /// The line under the title ("thực hiện mô hình “…” …", "kết quả xây dựng, …").
    pub subject: String,
    pub signature: Signature,
    /// Nơi nhận, one line each, without the leading dash.
    pub recipients: Vec<String>,
}

/// What a form says about itself; the rest comes from the unit and the site.
pub struct Filing<'a> {
    pub kind: DocumentKind,
    /// The issuing unit's id.
    pub unit: &'a str,
    pub number: Option<&'a str>,
    pub date: Option<Date>,
    pub signer_title: Option<&'a str>,
    pub signer_name: Option<&'a str>,
    /// As written in the content; empty for the default list ([`default_recipients`]).
    pub recipients: &'a [String],
    pub subject: String,
}

/// Nơi nhận when a form lists none: site.yml `recipients`, else SPEC §8.3's default
/// ("Ban Tuyên giáo <root committee>," and "Lưu."), one line each, without the leading dash.
pub fn default_recipients(corpus: &Corpus, site: &SiteConfig) -> Vec<String> {
    if site.recipients.is_empty() {
        let root = corpus.root_unit().map(Unit::committee).unwrap_or_default();
        vec![format!("Ban Tuyên giáo {root},").replace("  ", " "), "Lưu.".to_owned()]
    } else {
        recipient_lines(&site.recipients)
    }
}

/// Recipients as written, one line each, without a leading dash.
fn recipient_lines(written: &[String]) -> Vec<String> {
    written.iter().map(|r| r.trim().trim_start_matches(['-', '–']).trim().to_owned()).collect()
}

/// The document of `filing`, issued by its unit, dated at the site's `place`.
pub fn party_document(corpus: &Corpus, site: &SiteConfig, filing: Filing) -> PartyDocument {
    let unit = corpus.unit(filing.unit);
    let upper = unit.and_then(|u| u.parent.as_deref()).and_then(|p| corpus.unit(p)).map(|p| p.name.to_uppercase());
    let committee = unit.map_or_else(String::new, |u| u.committee().to_uppercase());
    let suffix = unit.map_or_else(String::new, |u| number_suffix(filing.kind, u));
    let number = match filing.number.map(str::trim).filter(|n| !n.is_empty()) {
        Some(n) => format!("Số {}", n.strip_prefix("Số").map_or(n, |rest| rest.trim_start_matches(':').trim())),
        None => format!("Số    {suffix}"),
    };
    let recipients = if filing.recipients.is_empty() {
        default_recipients(corpus, site)
    } else {
        recipient_lines(filing.recipients)
    };
    PartyDocument {
        upper,
        committee,
        number,
        party: PARTY,
        date_line: date_line(site.place.as_deref(), filing.date),
        title: filing.kind.title(),
        subject: filing.subject,
        signature: Signature {
            on_behalf: unit.map_or_else(|| "T/M".to_owned(), on_behalf),
            title: filing
                .signer_title
                .map(signer_title)
                .filter(|t| !t.is_empty())
                .unwrap_or_else(|| SECRETARY.to_owned()),
            name: filing.signer_name.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty()),
        },
        recipients,
    }
}

/// The signer's own title, upper case: a "T/M Đảng ủy, " written before it is dropped, since
/// the block prints that line itself.
fn signer_title(title: &str) -> String {
    let title = title.trim();
    let own = match title.strip_prefix("T/M").and_then(|rest| rest.split_once(',')) {
        Some((_, own)) => own.trim(),
        None => title,
    };
    own.to_uppercase()
}

#[cfg(test)]
mod tests;
