//! Biểu mẫu 01 for `guong new model`: a model file with its id, unit and title filled in and
//! a placeholder in every other field the form requires.

use std::collections::BTreeMap;

use crate::content::corpus::Corpus;
use crate::content::date::Date;
use crate::content::load::is_gallery_page;
use crate::content::schema::SLUG_MAX;
use crate::content::schema::{is_slug, text_len};
use crate::content::unit::Unit;
use crate::content::vocab::{
    ALIGNMENTS, APPROACHES, COSTS, MASS_ORGS, MEASURE_KINDS, REASONS, RECOGNITION_LEVELS, REQUIREMENTS, STATUSES,
    SUBJECT_TYPES, Vocab,
};
use crate::derive::party_document::{DocumentKind, number_suffix, on_behalf};
use crate::scaffold::slug::{slugify, unique};
use crate::scaffold::yaml_text::{choices, comment, fill, quoted};
use crate::scaffold::{NewFile, example_date, find_unit, placeholder};

/// Folder of model files, relative to the site root.
pub const MODELS_DIR: &str = "content/mo-hinh";

/// The id of a model whose title folds to fewer than three letters.
const FALLBACK_ID: &str = "mo-hinh";

/// A new model of unit `org` titled `title`, placed beside the other models of its base
/// unit. `paths` are the site's content paths, so the id never clashes with a file.
pub fn new_model(corpus: &Corpus, paths: &[String], org: &str, title: &str) -> Result<NewFile, String> {
    let unit = find_unit(corpus, org)?;
    if unit.parent.is_none() {
        return Err(format!(
            "`{org}` là đơn vị gốc ({}); mô hình phải do một chi bộ hoặc đảng bộ trực thuộc thực hiện",
            unit.name
        ));
    }
    let title = title.trim();
    let length = text_len(title);
    if !(5..=200).contains(&length) {
        return Err(format!("tên mô hình dài {length} ký tự; cần từ 5 đến 200 ký tự"));
    }
    // SPEC §4: the id is the folded title.
    let stem = slugify(title, SLUG_MAX);
    let stem = if stem.len() < 3 { FALLBACK_ID.to_owned() } else { stem };
    // `trang-2` is the address of the gallery's second page.
    let stem = if is_gallery_page(&stem) { format!("{FALLBACK_ID}-{stem}") } else { stem };
    let taken_stems: Vec<&str> = paths
        .iter()
        .filter(|p| p.starts_with(MODELS_DIR) && p.ends_with(".md"))
        .filter_map(|p| p.rsplit('/').next()?.strip_suffix(".md"))
        .collect();
    let id = unique(&stem, |candidate| taken_stems.contains(&candidate) || corpus.model(candidate).is_some());
    let folder = model_folder(corpus, org);
    let path =
        if folder.is_empty() { format!("{MODELS_DIR}/{id}.md") } else { format!("{MODELS_DIR}/{folder}/{id}.md") };
    Ok(NewFile { path, text: model_text(corpus, &id, org, title) })
}

/// When unit `org` stopped working (it merged, or closed) before a new model would start
/// (the catalog's `as_of`, or the current period's start if later), and the unit carrying on
/// its work then, along a chain of mergers, if any. `None` for a unit still at work.
fn closure<'c>(corpus: &'c Corpus, org: &str) -> Option<(Date, Option<&'c Unit>)> {
    let closed = corpus.unit(org)?.active_to?;
    let period = corpus.catalog.current_period().or_else(|| corpus.catalog.periods.chronological().last())?;
    let starting = corpus.catalog.as_of.map_or(period.from, |as_of| as_of.max(period.from));
    (closed < starting).then(|| (closed, corpus.holder_at(org, starting).filter(|holder| holder.id != org)))
}

/// A word for the editor when unit `org` stopped working before a new model would start: a
/// model starting after that must name the unit carrying on its work, or `check` reports
/// M-ORG-INACTIVE. `None` for a unit still at work.
pub fn closed_unit_note(corpus: &Corpus, org: &str) -> Option<String> {
    let (closed, successor) = closure(corpus, org)?;
    let instead = match successor {
        Some(successor) => format!("ghi `org: {}` ({}, đơn vị tiếp nhận)", successor.id, successor.name),
        None => "ghi một đơn vị đang hoạt động".to_owned(),
    };
    Some(format!(
        "Lưu ý: {} (`{org}`) đã kết thúc hoạt động ngày {closed}; mô hình bắt đầu sau ngày đó cần {instead}, \
         nếu không `guong check` báo M-ORG-INACTIVE.",
        corpus.unit(org).map_or("", |u| u.name.as_str())
    ))
}

/// The folder (below `content/mo-hinh/`, possibly empty) most used by the models of `org`'s base
/// unit, else the base unit's id.
fn model_folder(corpus: &Corpus, org: &str) -> String {
    let base = corpus.base_unit_of(org).map_or(org, |u| u.id.as_str());
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for model in &corpus.models {
        let in_base = model.org.as_deref().is_some_and(|o| corpus.in_subtree(o, base));
        if let (true, Some(rest)) = (in_base, model.path.strip_prefix(MODELS_DIR).and_then(|p| p.strip_prefix('/'))) {
            *counts.entry(rest.rsplit_once('/').map_or("", |(folder, _)| folder)).or_default() += 1;
        }
    }
    let most_used = counts.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))).map(|(f, _)| (*f).to_owned());
    most_used.unwrap_or_else(|| if is_slug(base) { base.to_owned() } else { String::new() })
}

fn codes(vocab: Vocab) -> String {
    choices(vocab.iter().map(|(code, _)| *code))
}

fn legend(vocab: Vocab) -> String {
    vocab.iter().map(|(code, label)| format!("{code} = {label}")).collect::<Vec<_>>().join("; ")
}

fn model_text(corpus: &Corpus, id: &str, org: &str, title: &str) -> String {
    let unit_name = corpus.unit(org).map_or("", |u| u.name.as_str());
    let groups = corpus.catalog.groups.iter().map(|g| format!("{} = {}", g.id, g.label)).collect::<Vec<_>>();
    let topics = corpus.catalog.topics.iter().map(|t| t.id.as_str()).collect::<Vec<_>>().join(", ");
    let example = example_date(corpus);
    // New models belong to the current period; its dates guide `start` and `end`.
    let current = corpus.catalog.current_period().or_else(|| corpus.catalog.periods.chronological().last());
    let within = current.map_or_else(String::new, |p| format!(", trong giai đoạn {p}"));
    let mut y = String::new();
    let mut line = |text: &str| {
        y.push_str(text);
        y.push('\n');
    };
    line("---");
    line("# Biểu mẫu 01 — Đăng ký mô hình, điển hình học tập và làm theo Bác.");
    line("# Thay mọi nội dung «Cần điền…» bằng thông tin thật; `guong check` báo lỗi F-PLACEHOLDER ở chỗ còn sót.");
    line(&format!(
        "# Ngày viết dạng YYYY-MM-DD (ví dụ {}) hoặc DD/MM/YYYY. Dòng bắt đầu bằng # là ghi chú.",
        example.iso()
    ));
    line("type: mo_hinh");
    line(&format!("id: {id}"));
    line(&format!("title: {}", quoted(title)));
    let closed = closure(corpus, org).map(|(closed, successor)| match successor {
        Some(successor) => {
            format!(", đã kết thúc hoạt động ngày {closed}: mô hình bắt đầu sau đó ghi {}", successor.id)
        }
        None => format!(", đã kết thúc hoạt động ngày {closed}"),
    });
    line(&format!("org: {org}  # {}", comment(&format!("{unit_name}{}", closed.unwrap_or_default()))));
    line("subject:");
    line(&format!("  # Chủ thể: {}", legend(SUBJECT_TYPES)));
    line(&format!("  type: {}", fill(&format!("chủ thể, {}", codes(SUBJECT_TYPES)))));
    line(&format!("  name: {}", fill("tên tập thể hoặc họ tên cá nhân (2–200 ký tự)")));
    line("  # position: \"Chức vụ, đơn vị công tác\"  # bắt buộc khi chủ thể là cá nhân");
    line("  # party_member: true  # Đảng viên");
    line("  # members: 10  # Số thành viên");
    line(&format!("  # mass_org: doan_thanh_nien  # Đoàn thể: {}", codes(MASS_ORGS)));
    line(&format!("# Nhóm mô hình: {}", comment(&groups.join("; "))));
    line(&format!("group: {}", fill("mã nhóm mô hình")));
    line(&format!("# Cách thức: {}", legend(APPROACHES)));
    line(&format!("approach: {}", fill(&format!("cách thức, {}", codes(APPROACHES)))));
    line(&format!("# Trạng thái: {}", legend(STATUSES)));
    line(&format!("status: {}", fill(&format!("trạng thái, {}", codes(STATUSES)))));
    line(&format!("start: {}", fill(&format!("ngày bắt đầu{within}"))));
    if let Some(period) = current {
        line(&format!("# end: {}  # Ngày kết thúc (nếu có), không sau ngày cuối giai đoạn", period.to.iso()));
    }
    if let Some(unit) = corpus.unit(org) {
        line(&format!(
            "# registration:  # Đăng ký theo biểu mẫu 01: số, ngày, người ký kế hoạch ({})",
            on_behalf(unit)
        ));
        line(&format!("#   number: \"…{}\"", number_suffix(DocumentKind::Plan, unit)));
        line("#   date: YYYY-MM-DD");
        line("#   signer: {name: \"Họ và tên\", title: \"Bí thư\"}");
    }
    line("learning:  # (TC1) Nội dung học tập Bác");
    line(&format!("  # Chuyên đề, tác phẩm học tập (mã trong danh-muc.yml): {}", comment(&topics)));
    line(&format!("  topics: [{}]", fill("mã chuyên đề, tác phẩm; nhiều mã cách nhau bằng dấu phẩy")));
    line(&format!("  summary: {}", fill("nội dung làm theo (20–500 ký tự)")));
    line("  # quote: \"Lời Bác\"  # chỉ trích dẫn chính xác, có nguồn");
    line(&format!("  # Gắn với: {}", legend(ALIGNMENTS)));
    line(&format!("  alignment: [{}]", fill("mã nội dung gắn với, cách nhau bằng dấu phẩy")));
    line("necessity:  # (TC2) Sự cần thiết");
    line(&format!("  # Lý do: {}", legend(REASONS)));
    line(&format!("  reasons: [{}]", fill("mã lý do, cách nhau bằng dấu phẩy")));
    line("  # other: \"Sự cần thiết khác (ít nhất 20 ký tự)\"  # bắt buộc khi có lý do khac");
    line("  # identified_in: \"Hạn chế được chỉ ra tại …\"  # nên ghi khi có lý do khac_phuc_han_che");
    line("measures:  # (TC3) Biện pháp");
    line(&format!("  # Nhóm biện pháp (nên có đủ năm nhóm): {}", legend(MEASURE_KINDS)));
    line(&format!("  kinds: [{}]", fill("mã nhóm biện pháp, cách nhau bằng dấu phẩy")));
    line(&format!("  responsible: {}", fill("người hoặc bộ phận phụ trách, theo dõi (5–300 ký tự)")));
    line("  milestones:  # Tiến độ: thêm một mục `- date: … task: …` cho mỗi mốc");
    line(&format!("    - date: {}", fill("ngày của mốc tiến độ")));
    line(&format!("      task: {}", fill("công việc (5–300 ký tự)")));
    line("effectiveness:  # (TC4) Hiệu quả");
    line("  expected:");
    line(&format!("    awareness: {}", fill("hiệu quả dự kiến về nhận thức (ít nhất 10 ký tự)")));
    line(&format!("    attitude: {}", fill("hiệu quả dự kiến về thái độ (ít nhất 10 ký tự)")));
    line(&format!("    action: {}", fill("hiệu quả dự kiến về chuyển biến hành động (ít nhất 10 ký tự)")));
    line("  indicators:  # Chỉ số đo được: thêm một mục cho mỗi chỉ số");
    line(&format!("    - code: {}", fill("mã chỉ số, chữ thường không dấu, ví dụ ty-le-hai-long")));
    line(&format!("      name: {}", fill("tên chỉ số (3–200 ký tự)")));
    line(&format!("      unit: {}", fill("đơn vị tính, ví dụ %")));
    line(&format!("      baseline: {}", fill("số đo trước khi thực hiện, ví dụ 86.5")));
    line(&format!("      baseline_date: {}", fill("ngày đo trước khi thực hiện")));
    line(&format!("      target: {}", fill("mục tiêu (số)")));
    line("  # social_effect: \"Hiệu quả xã hội\"");
    line("replication:  # (TC5) Tính khả thi nhân rộng");
    line("  targets:  # Nơi có thể nhân rộng: `name:` (tên) hoặc `org:` (mã đơn vị trong to-chuc.yml)");
    line(&format!("    - name: {}", fill("nơi có thể nhân rộng")));
    line(&format!("      similarity: {}", fill("điểm tương đồng về tình hình, nhiệm vụ, đặc thù (10–500 ký tự)")));
    line(&format!("  # Mức đầu tư: {}", legend(COSTS)));
    line(&format!("  cost: {}", fill(&format!("mức đầu tư, {}", codes(COSTS)))));
    line(&format!("  # Yêu cầu trình độ: {}", legend(REQUIREMENTS)));
    line(&format!("  requirements: {}", fill(&format!("yêu cầu trình độ, {}", codes(REQUIREMENTS)))));
    line(&format!("  spread: {}", fill("sơ kết, biểu dương, tuyên truyền mô hình")));
    line("# Khi approach là cung_co, bỏ dấu # ở các dòng sau và điền (Nội dung củng cố):");
    line("# revision:");
    line(&format!("#   since: {}  # Năm bắt đầu mô hình cũ", example.year - 1));
    line("#   previous: \"Tên mô hình trước\"");
    line("#   previous_model: mh-ma-mo-hinh-truoc  # Mô hình được củng cố, tiếp nối (mã, nếu có trên trang)");
    line("#   changes:  # mỗi thay đổi gắn với một tiêu chí 1–5, nên có đủ năm tiêu chí");
    line("#     - criterion: 1");
    line("#       text: \"Nội dung củng cố ở tiêu chí này\"");
    line("# Khi approach là nhan_rong: mã mô hình gốc được nhân rộng");
    line("# source_model: mh-ma-mo-hinh-goc");
    line("# Khi status là loai_bo (Loại bỏ):");
    line("# retirement:");
    line(&format!("#   date: {}", example.iso()));
    line("#   reason: \"Lý do loại bỏ (ít nhất 20 ký tự)\"");
    line("#   replacement: mh-ma-mo-hinh-thay-the");
    line(&format!("# Biểu dương, khen thưởng (cấp: {}):", codes(RECOGNITION_LEVELS)));
    line("# recognition:");
    line(&format!("#   - date: {}", example.iso()));
    line("#     level: co_so");
    line("#     form: \"Giấy khen\"");
    line("#     decision: \"Quyết định số …\"");
    line("# featured: false  # Giới thiệu trên trang chủ");
    line("# tags: [tu-khoa]  # Từ khóa: chữ thường không dấu, gạch nối");
    line("---");
    y.push_str(&model_body());
    y
}

/// The five sections SPEC §2 requires, each with guidance still to replace.
pub fn model_body() -> String {
    let sections = [
        ("1. Nội dung học tập Bác", "chuyên đề, tác phẩm, lời dạy của Bác được học tập và nội dung làm theo cụ thể"),
        (
            "2. Sự cần thiết",
            "vì sao đơn vị cần mô hình: nhiệm vụ chính trị, hạn chế cần khắc phục, yêu cầu của Nhân dân",
        ),
        ("3. Biện pháp thực hiện", "các biện pháp quán triệt, chỉ đạo, theo dõi, sơ kết, nhân rộng; ai làm, khi nào"),
        ("4. Hiệu quả", "chuyển biến về nhận thức, thái độ, hành động; số liệu trước và sau khi thực hiện"),
        ("5. Tính khả thi nhân rộng", "nơi có thể áp dụng, điểm tương đồng, mức đầu tư và trình độ cần có"),
    ];
    let mut body = String::new();
    for (title, guidance) in sections {
        body.push_str(&format!("\n## {title}\n\n{}\n", placeholder(guidance)));
    }
    body
}
