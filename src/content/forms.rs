//! The schema tables of SPEC §2, one per file kind: what an editor may write, with labels
//! from the forms (biểu mẫu 01, 03) and the rule code each criterion's problems belong to.

use crate::content::schema::{Field, Kind, PERIOD_ID, Registry, SLUG, TEXT, text};
use crate::content::site_config::MAX_RECIPIENT;
use crate::content::vocab::{
    ALIGNMENTS, APPROACHES, CMS_BACKENDS, COSTS, EVALUATION_RESULTS, MASS_ORGS, MEASURE_KINDS, PERIODS, PROGRESSES,
    REASONS, RECOGNITION_LEVELS, REQUIREMENTS, SECTORS, STATUSES, SUBJECT_TYPES, TOPIC_KINDS, UNIT_KINDS, Vocab,
};
use crate::diagnostic::Code;

const fn list(item: &'static Kind, min: usize) -> Kind {
    Kind::List { item, min }
}

const ID: Field = Field::req("id", "Mã", SLUG).invalid(Code::PId);
const UNIT_REF: Kind = Kind::Ref(Registry::Unit);
const GROUP_REF: Kind = Kind::Ref(Registry::Group);
const TOPIC_REF: Kind = Kind::Ref(Registry::Topic);
const MODEL_REF: Kind = Kind::Ref(Registry::Model);
const INDICATOR_REF: Kind = Kind::Ref(Registry::Indicator);
const DATE: Kind = Kind::Date;
const NUMBER: Kind = Kind::Number;

const fn enumeration(vocab: Vocab) -> Kind {
    Kind::Enum(vocab)
}

const RECOGNITION: &[Field] = &[
    Field::req("date", "Ngày", DATE),
    Field::req("level", "Cấp khen thưởng", enumeration(RECOGNITION_LEVELS)),
    Field::req("form", "Hình thức", TEXT).hint(FORM_HINT),
    Field::opt("decision", "Quyết định", TEXT).hint(DECISION_HINT),
];

/// The form of a commendation.
const FORM_HINT: &str = "Ví dụ: Bằng khen, Giấy khen, biểu dương tại hội nghị sơ kết.";
/// The decision of a commendation.
const DECISION_HINT: &str = "Số, ngày của quyết định khen thưởng, ví dụ: Quyết định số 123/QĐ-UBND ngày 20/12/2022.";

const SUBJECT: &[Field] = &[
    Field::req("type", "Chủ thể", enumeration(SUBJECT_TYPES)),
    Field::req("name", "Tên tập thể / Họ tên", text(2, 200)),
    Field::opt("position", "Chức vụ, đơn vị công tác", text(3, 200)).hint("Bắt buộc khi chủ thể là cá nhân."),
    Field::opt("party_member", "Đảng viên", Kind::Bool),
    Field::opt("members", "Số thành viên", Kind::Int { min: 1, max: i64::MAX }).hint("Số người của tập thể."),
    Field::opt("mass_org", "Đoàn thể", enumeration(MASS_ORGS)),
];

const LEARNING: &[Field] = &[
    Field::req("topics", "Chuyên đề, tác phẩm học tập", list(&TOPIC_REF, 1)).code(Code::C1Topic),
    Field::req("summary", "Nội dung làm theo", text(20, 500)).code(Code::C1Summary),
    Field::opt("quote", "Lời Bác", text(3, 500)),
    Field::opt("alignment", "Gắn với", list(&enumeration(ALIGNMENTS), 0)),
];

const NECESSITY: &[Field] = &[
    Field::req("reasons", "Sự cần thiết", list(&enumeration(REASONS), 1))
        .code(Code::C2Reason)
        .says_unknown("Lý do", "danh mục sự cần thiết"),
    Field::opt("other", "Sự cần thiết khác", text(20, usize::MAX))
        .code(Code::C2Other)
        .hint("Bắt buộc khi chọn “Sự cần thiết khác”: nêu sự cần thiết đó."),
    Field::opt("identified_in", "Hạn chế được chỉ ra tại", TEXT).hint(
        "Văn bản, hội nghị đã chỉ ra hạn chế (ví dụ: Báo cáo kiểm điểm năm 2023); nên ghi khi lý do là khắc phục hạn chế.",
    ),
];

const MILESTONE: &[Field] = &[
    Field::req("date", "Ngày", DATE).missing(Code::C3Milestone),
    Field::req("task", "Công việc", text(5, 300)).code(Code::C3Milestone),
];

const MEASURES: &[Field] = &[
    Field::req("kinds", "Nhóm biện pháp", list(&enumeration(MEASURE_KINDS), 1)).code(Code::C3Kinds),
    Field::req("responsible", "Người/bộ phận phụ trách, theo dõi", text(5, 300)).code(Code::C3Responsible),
    Field::req("milestones", "Tiến độ", list(&Kind::Map(MILESTONE), 1))
        .code(Code::C3Milestone)
        .hint("Các mốc công việc, mỗi mốc một ngày và một việc, trong thời gian thực hiện mô hình."),
];

const EXPECTED: &[Field] = &[
    Field::req("awareness", "Hiệu quả dự kiến về nhận thức", text(10, usize::MAX))
        .code(Code::C4Dimension)
        .says_missing("Thiếu hiệu quả về nhận thức"),
    Field::req("attitude", "Hiệu quả dự kiến về thái độ", text(10, usize::MAX))
        .code(Code::C4Dimension)
        .says_missing("Thiếu hiệu quả về thái độ"),
    Field::req("action", "Hiệu quả dự kiến về chuyển biến hành động", text(10, usize::MAX))
        .code(Code::C4Dimension)
        .says_missing("Thiếu hiệu quả về hành động"),
];

const INDICATOR: &[Field] = &[
    Field::req("code", "Mã chỉ số", SLUG).code(Code::C4Code),
    Field::req("name", "Tên chỉ số", text(3, 200)).code(Code::C4Indicator),
    Field::req("unit", "Đơn vị tính", text(1, 40)).code(Code::C4Indicator),
    Field::req("baseline", "Trước khi thực hiện", NUMBER).code(Code::C4Indicator),
    Field::opt("baseline_date", "Ngày đo trước khi thực hiện", DATE),
    Field::opt("target", "Mục tiêu", NUMBER).invalid(Code::C4Indicator),
];

const EFFECTIVENESS: &[Field] = &[
    Field::req("expected", "Hiệu quả dự kiến", Kind::Map(EXPECTED))
        .code(Code::C4Dimension)
        .hint("Chuyển biến dự kiến về nhận thức, thái độ và hành động."),
    Field::req("indicators", "Chỉ số", list(&Kind::Map(INDICATOR), 1)).code(Code::C4Indicator).hint(
        "Chỉ số đo được kết quả, với trị số trước khi thực hiện và mục tiêu; báo cáo 6 tháng, cả năm ghi giá trị đạt được theo mã chỉ số.",
    ),
    Field::opt("social_effect", "Hiệu quả xã hội", TEXT).hint("Tác động đến người dân, khách hàng, đơn vị khác (nếu có)."),
];

const REPLICATION_TARGET: &[Field] = &[
    Field::opt("org", "Đơn vị", UNIT_REF),
    Field::opt("name", "Tên nơi nhân rộng", TEXT)
        .hint("Mỗi nơi nhân rộng cần một đơn vị hoặc một tên: ghi tên khi nơi đó không có trong danh sách tổ chức."),
    Field::req("similarity", "Điểm tương đồng", text(10, 500)),
];

const REPLICATION: &[Field] = &[
    Field::req("targets", "Nơi có thể nhân rộng", list(&Kind::Map(REPLICATION_TARGET), 1))
        .code(Code::C5Target)
        .hint("Đơn vị hoặc nơi có thể nhân rộng mô hình, mỗi nơi với điểm tương đồng."),
    Field::req("cost", "Mức đầu tư", enumeration(COSTS)).code(Code::C5Level),
    Field::req("requirements", "Yêu cầu trình độ", enumeration(REQUIREMENTS)).code(Code::C5Level),
    Field::opt("spread", "Sơ kết, biểu dương, tuyên truyền", TEXT)
        .hint("Việc sơ kết, biểu dương, tuyên truyền mô hình; để trống thì guong check cảnh báo."),
];

const CHANGE: &[Field] = &[
    Field::req("criterion", "Tiêu chí", Kind::Criterion),
    Field::req("text", "Nội dung củng cố", text(10, usize::MAX)),
];

const REVISION: &[Field] = &[
    Field::req("since", "Năm bắt đầu mô hình cũ", Kind::Int { min: 1900, max: 2100 })
        .hint("Không sau năm bắt đầu mô hình này."),
    Field::req("previous", "Mô hình trước", TEXT).hint("Tên mô hình cũ được củng cố."),
    Field::opt("previous_model", "Mô hình được củng cố, tiếp nối", MODEL_REF),
    Field::req("changes", "Nội dung củng cố", list(&Kind::Map(CHANGE), 1))
        .hint("Mỗi điểm củng cố: tiêu chí được củng cố và nội dung."),
];

const RETIREMENT: &[Field] = &[
    Field::req("date", "Ngày loại bỏ", DATE),
    Field::req("reason", "Lý do loại bỏ", text(20, usize::MAX)),
    Field::opt("replacement", "Mô hình thay thế", MODEL_REF),
];

const SIGNER: &[Field] = &[
    Field::opt("name", "Họ tên", TEXT).hint("Họ tên người ký văn bản."),
    Field::opt("title", "Chức vụ", TEXT).hint("Ví dụ: Bí thư, Phó Bí thư."),
];

const REGISTRATION: &[Field] = &[
    Field::opt("number", "Số hiệu", TEXT).hint("Số hiệu kế hoạch, ví dụ: 08-KH/CB."),
    Field::opt("date", "Ngày đăng ký", DATE),
    Field::opt("signer", "Người ký", Kind::Map(SIGNER)),
];

/// Biểu mẫu 01: one model (`content/mo-hinh/**/<id>.md`).
pub const MODEL: &[Field] = &[
    Field::req("type", "Loại tài liệu", TEXT),
    ID,
    Field::req("title", "Tên mô hình", text(5, 200)),
    Field::req("org", "Chi bộ/đảng bộ thực hiện", UNIT_REF),
    Field::req("subject", "Chủ thể", Kind::Map(SUBJECT)),
    Field::req("group", "Nhóm mô hình", GROUP_REF),
    Field::req("approach", "Cách thức", enumeration(APPROACHES)),
    Field::req("status", "Trạng thái", enumeration(STATUSES)),
    Field::req("start", "Ngày bắt đầu", DATE),
    Field::opt("end", "Ngày kết thúc", DATE),
    Field::opt("registration", "Đăng ký theo biểu mẫu 01", Kind::Map(REGISTRATION))
        .hint("Số, ngày và người ký kế hoạch đăng ký mô hình; in trên biểu mẫu 01 và bản Word."),
    Field::req("learning", "(TC1) Nội dung học tập Bác", Kind::Map(LEARNING)).missing(Code::C1Missing),
    Field::req("necessity", "(TC2) Sự cần thiết", Kind::Map(NECESSITY)).missing(Code::C2Missing),
    Field::req("measures", "(TC3) Biện pháp", Kind::Map(MEASURES)).missing(Code::C3Missing),
    Field::req("effectiveness", "(TC4) Hiệu quả", Kind::Map(EFFECTIVENESS)).missing(Code::C4Missing),
    Field::req("replication", "(TC5) Tính khả thi nhân rộng", Kind::Map(REPLICATION)).missing(Code::C5Missing),
    Field::opt("revision", "Nội dung củng cố", Kind::Map(REVISION))
        .invalid(Code::ARevision)
        .hint("Bắt buộc khi cách thức là Củng cố, nâng cao chất lượng; không ghi với cách thức khác."),
    Field::opt("source_model", "Mô hình gốc được nhân rộng", MODEL_REF)
        .hint("Bắt buộc khi cách thức là Nhân rộng: mô hình khác được nhân rộng."),
    Field::opt("retirement", "Loại bỏ", Kind::Map(RETIREMENT))
        .invalid(Code::SRetire)
        .hint("Bắt buộc khi trạng thái là Đã loại bỏ; không ghi với trạng thái khác."),
    Field::opt("recognition", "Biểu dương, khen thưởng", list(&Kind::Map(RECOGNITION), 0))
        .hint("Các lần mô hình được biểu dương, khen thưởng."),
    Field::opt("featured", "Giới thiệu trang chủ", Kind::Bool),
    Field::opt("tags", "Từ khóa", list(&SLUG, 0)),
];

const ASSESSMENT: &[Field] = &[
    Field::req("awareness", "Đánh giá nhận thức", text(10, usize::MAX)),
    Field::req("attitude", "Đánh giá thái độ", text(10, usize::MAX)),
    Field::req("action", "Đánh giá hành động", text(10, usize::MAX)),
];

const VALUE: &[Field] = &[Field::req("indicator", "Mã chỉ số", INDICATOR_REF), Field::req("value", "Giá trị", NUMBER)];

const REPORT_ENTRY: &[Field] = &[
    Field::req("model", "Mã mô hình", MODEL_REF),
    Field::req("progress", "Tiến độ", enumeration(PROGRESSES)),
    Field::opt("assessment", "Đánh giá", Kind::Map(ASSESSMENT))
        .code(Code::RAssess)
        .hint("Bắt buộc trừ khi tiến độ là Tạm dừng hoặc Loại bỏ."),
    Field::opt("values", "Số liệu kết quả", list(&Kind::Map(VALUE), 0))
        .code(Code::RValues)
        .hint("Bắt buộc khi tiến độ là Đúng tiến độ, Chậm tiến độ hoặc Hoàn thành: giá trị đạt được của từng chỉ số."),
    Field::opt("highlights", "Kết quả nổi bật", TEXT),
    Field::opt("propose_replication", "Đề xuất nhân rộng", list(&UNIT_REF, 0)),
];

const REPORT_RECOGNITION: &[Field] = &[
    Field::req("subject", "Tập thể, cá nhân", TEXT).hint("Tên tập thể hoặc họ tên cá nhân được khen."),
    Field::req("date", "Ngày", DATE),
    Field::req("level", "Cấp khen thưởng", enumeration(RECOGNITION_LEVELS)),
    Field::req("form", "Hình thức", TEXT).hint(FORM_HINT),
    Field::opt("decision", "Quyết định", TEXT).hint(DECISION_HINT),
];

/// Biểu mẫu 03: one periodic report (`content/bao-cao/**/<id>.md`).
pub const REPORT: &[Field] = &[
    Field::req("type", "Loại tài liệu", TEXT),
    ID,
    Field::req("org", "Đơn vị báo cáo", UNIT_REF),
    Field::req("year", "Năm", Kind::Year).invalid(Code::RPeriod),
    Field::req("period", "Kỳ báo cáo", enumeration(PERIODS)).invalid(Code::RPeriod),
    Field::req("report_date", "Ngày báo cáo", DATE),
    Field::opt("number", "Số hiệu", TEXT).hint("Số hiệu báo cáo, ví dụ: 61-BC/ĐU."),
    Field::opt("signer", "Người ký", Kind::Map(SIGNER)),
    Field::opt("recipients", "Nơi nhận", list(&TEXT, 0))
        .hint("Mỗi mục một nơi nhận; để trống thì dùng nơi nhận mặc định của trang."),
    Field::req("models", "Kết quả từng mô hình", list(&Kind::Map(REPORT_ENTRY), 0))
        .hint("Mỗi mục là một mô hình đang thực hiện của đơn vị hoặc của các đơn vị trực thuộc."),
    Field::opt("recognitions", "Biểu dương, khen thưởng trong kỳ", list(&Kind::Map(REPORT_RECOGNITION), 0)),
    Field::opt("difficulties", "Khó khăn, vướng mắc", TEXT),
    Field::opt("proposals", "Kiến nghị, đề xuất", TEXT),
];

const EVALUATED_CRITERION: &[Field] = &[
    Field::req("criterion", "Tiêu chí", Kind::Criterion),
    Field::opt("result", "Kết quả", enumeration(EVALUATION_RESULTS)),
    Field::opt("note", "Nhận xét", TEXT),
];

/// Phiếu khảo sát, đánh giá chất lượng mô hình (HD §IV.3): `content/danh-gia/**/<id>.md`.
pub const EVALUATION: &[Field] = &[
    Field::req("type", "Loại tài liệu", TEXT),
    ID,
    Field::req("model", "Mô hình được đánh giá", MODEL_REF),
    Field::req("date", "Ngày đánh giá", DATE),
    Field::req("by", "Người, đoàn đánh giá", text(3, 200)),
    Field::req("result", "Kết quả đánh giá", enumeration(EVALUATION_RESULTS)),
    Field::opt("criteria", "Đánh giá theo tiêu chí", list(&Kind::Map(EVALUATED_CRITERION), 0)),
    Field::opt("recommend_replication", "Đề nghị nhân rộng", Kind::Bool),
];

/// A free page (`content/trang/**/<slug>.md`).
pub const PAGE: &[Field] = &[
    Field::req("type", "Loại tài liệu", TEXT),
    Field::req("title", "Tiêu đề", text(1, 200)),
    Field::opt("weight", "Thứ tự", Kind::Int { min: i64::MIN, max: i64::MAX })
        .hint("Số nhỏ đứng trước trong danh sách trang."),
    Field::opt("description", "Mô tả", TEXT),
];

const UNIT: &[Field] = &[
    ID,
    Field::req("kind", "Loại tổ chức", enumeration(UNIT_KINDS)),
    Field::req("name", "Tên tổ chức", text(5, 200)),
    Field::opt("short_name", "Tên viết tắt", text(1, 60)),
    Field::opt("committee", "Tên cấp ủy (dùng trong tiêu đề văn bản)", text(5, 200)),
    Field::opt("parent", "Trực thuộc", UNIT_REF).hint("Bắt buộc với mọi đơn vị trừ đơn vị gốc."),
    Field::opt("sector", "Lĩnh vực", enumeration(SECTORS)).hint("Bắt buộc với đảng bộ cơ sở và chi bộ cơ sở."),
    Field::opt("active_from", "Ngày bắt đầu hoạt động", DATE),
    Field::opt("active_to", "Ngày kết thúc hoạt động", DATE),
    Field::opt("successor", "Đơn vị kế thừa (sáp nhập, hợp nhất vào)", UNIT_REF)
        .hint("Khi đơn vị sáp nhập, hợp nhất vào đơn vị khác: ghi cùng ngày kết thúc hoạt động."),
];

/// `to-chuc.yml`: the organisation tree.
pub const UNITS: &[Field] = &[Field::req("units", "Danh sách tổ chức đảng", list(&Kind::Map(UNIT), 1))];

const GROUP: &[Field] = &[ID, Field::req("label", "Tên nhóm", text(3, 300))];

const TOPIC: &[Field] = &[
    ID,
    Field::req("kind", "Loại chuyên đề", enumeration(TOPIC_KINDS)),
    Field::req("title", "Tên chuyên đề, tác phẩm", text(3, 400)),
    Field::opt("year", "Năm", Kind::Year).hint("Bắt buộc khi loại là Chuyên đề hằng năm."),
    Field::opt("issued", "Ban hành", TEXT).hint("Văn bản, ngày ban hành hoặc năm ra đời của tác phẩm."),
];

const PERIOD: &[Field] = &[
    Field::req("id", "Mã giai đoạn", PERIOD_ID).invalid(Code::PId),
    Field::req("name", "Tên giai đoạn", text(3, 120)),
    Field::req("from", "Từ ngày", DATE),
    Field::req("to", "Đến ngày", DATE),
    Field::opt("guidance", "Văn bản hướng dẫn", text(3, 400)),
];

/// `danh-muc.yml`: registries and configuration.
pub const CATALOG: &[Field] = &[
    Field::req("as_of", "Ngày chốt số liệu", DATE),
    Field::opt("coverage_from", "Năm bắt đầu kiểm tra", Kind::Year),
    Field::opt("report_grace_days", "Số ngày gia hạn báo cáo", Kind::Int { min: 0, max: 366 })
        .hint("Báo cáo nộp sau ngày cuối kỳ quá số ngày này bị ghi là nộp trễ; mặc định 15."),
    Field::opt("periods", "Giai đoạn", list(&Kind::Map(PERIOD), 0))
        .hint("Các giai đoạn của chương trình; để trống là một giai đoạn 01/01/2021 – 31/12/2025."),
    Field::req("nhom_mo_hinh", "Nhóm mô hình", list(&Kind::Map(GROUP), 1)),
    Field::req("chuyen_de", "Chuyên đề, tác phẩm", list(&Kind::Map(TOPIC), 1)),
];

/// `site.yml`: the site's settings (read by `content::site_config`; its tests keep the two
/// in step).
pub const SITE: &[Field] = &[
    Field::req("title", "Tên trang", TEXT),
    Field::opt("base_url", "Địa chỉ gốc (có thể có đường dẫn con)", TEXT),
    Field::opt("language", "Ngôn ngữ", TEXT),
    Field::opt("description", "Mô tả", TEXT),
    Field::opt("place", "Địa danh (trước ngày tháng của văn bản in)", TEXT),
    Field::opt("recipients", "Nơi nhận mặc định", list(&text(1, MAX_RECIPIENT), 0)),
    Field::opt("repo_url", "Địa chỉ kho mã", TEXT),
    Field::opt("edit_url", "Tiền tố liên kết “Sửa trang này”", TEXT),
    Field::opt("publish_reports", "Xuất bản báo cáo", Kind::Bool),
    Field::opt("publish_compliance", "Xuất bản trang kiểm tra", Kind::Bool),
    Field::opt("per_page", "Số thẻ mỗi trang", Kind::Int { min: 1, max: i64::MAX }),
    Field::opt("cms", "Biên tập trên trình duyệt (Decap CMS tại /admin/)", Kind::Map(CMS)),
];

/// `site.yml` `cms:` (SPEC §8.5).
const CMS: &[Field] = &[
    Field::req("backend", "Nơi lưu", enumeration(CMS_BACKENDS)),
    Field::req("repo", "Kho mã (chủ-sở-hữu/tên-kho)", TEXT),
    Field::opt("branch", "Nhánh (mặc định main)", TEXT),
    Field::opt("editorial_workflow", "Mỗi lần lưu mở một yêu cầu hợp nhất (mặc định true)", Kind::Bool),
    Field::opt("script_url", "Địa chỉ bản Decap CMS (mặc định bản đã ghim)", TEXT),
    Field::opt("script_integrity", "Mã toàn vẹn SRI của bản Decap CMS", TEXT),
    Field::opt("media_folder", "Thư mục tệp đính kèm trong static/ (mặc định static/tep)", TEXT),
];

/// A kind of file an editor writes, with its schema: what `guong schema NAME` prints and
/// `docs/content.md` documents.
#[derive(Clone, Copy, Debug)]
pub struct FileForm {
    /// The name `guong schema` takes.
    pub name: &'static str,
    /// What the file is, in Vietnamese.
    pub title: &'static str,
    /// Where such files live, relative to the site root.
    pub path: &'static str,
    /// The value its `type:` key must hold, for Markdown files.
    pub type_name: Option<&'static str>,
    pub fields: &'static [Field],
}

/// Every file kind, in the order of the reference.
pub const FILE_FORMS: &[FileForm] = &[
    FileForm { name: "site", title: "Cấu hình trang", path: "site.yml", type_name: None, fields: SITE },
    FileForm {
        name: "catalog",
        title: "Danh mục và cấu hình",
        path: "content/danh-muc.yml",
        type_name: None,
        fields: CATALOG,
    },
    FileForm {
        name: "units",
        title: "Danh sách tổ chức đảng",
        path: "content/to-chuc.yml",
        type_name: None,
        fields: UNITS,
    },
    FileForm {
        name: "model",
        title: "Mô hình, điển hình (biểu mẫu 01)",
        path: "content/mo-hinh/**/<id>.md",
        type_name: Some("mo_hinh"),
        fields: MODEL,
    },
    FileForm {
        name: "report",
        title: "Báo cáo định kỳ (biểu mẫu 03)",
        path: "content/bao-cao/**/<id>.md",
        type_name: Some("bao_cao"),
        fields: REPORT,
    },
    FileForm {
        name: "evaluation",
        title: "Phiếu khảo sát, đánh giá chất lượng mô hình",
        path: "content/danh-gia/**/<id>.md",
        type_name: Some("danh_gia"),
        fields: EVALUATION,
    },
    FileForm {
        name: "page",
        title: "Trang tự do",
        path: "content/trang/**/<slug>.md",
        type_name: Some("trang"),
        fields: PAGE,
    },
];

/// The file kind `guong schema` calls `name`.
pub fn file_form(name: &str) -> Option<&'static FileForm> {
    FILE_FORMS.iter().find(|form| form.name == name)
}
