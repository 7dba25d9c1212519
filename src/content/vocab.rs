//! The closed vocabularies of SPEC §2: every enum code with its Vietnamese label.
//!
//! Codes the logic branches on are Rust enums (`Approach`, `Status`, …); the others are
//! plain code lists. Both give `(code, label)` pairs for validation, JSON Schema and pages.

/// A list of `(code, label)` pairs.
pub type Vocab = &'static [(&'static str, &'static str)];

/// The label of `code` in `vocab`, or the code itself when unknown.
pub fn label_of(vocab: Vocab, code: &str) -> &'static str {
    vocab.iter().find(|(c, _)| *c == code).map_or("", |(_, l)| l)
}

macro_rules! vocab_enum {
    ($(#[$doc:meta])* $name:ident, $vocab:ident { $($variant:ident => $code:literal, $label:literal;)* }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
        pub enum $name { $(#[serde(rename = $code)] $variant,)* }

        /// Codes and labels of
        #[doc = stringify!($name)]
        pub const $vocab: Vocab = &[$(($code, $label),)*];

        impl $name {
            /// Every value, in SPEC order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// Reads a code as written in content.
            pub fn from_code(code: &str) -> Option<$name> {
                match code { $($code => Some($name::$variant),)* _ => None }
            }

            /// The code as written in content.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code,)* }
            }

            /// The Vietnamese label.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label,)* }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.label())
            }
        }
    };
}

vocab_enum!(
    /// Kind of party organisation (to-chuc.yml `kind`).
    UnitKind, UNIT_KINDS {
        DangBoKhoi => "dang_bo_khoi", "Đảng bộ cấp trên cơ sở";
        DangBoCoSo => "dang_bo_co_so", "Đảng bộ cơ sở";
        ChiBoCoSo => "chi_bo_co_so", "Chi bộ cơ sở";
        DangBoBoPhan => "dang_bo_bo_phan", "Đảng bộ bộ phận";
        ChiBoTrucThuoc => "chi_bo_truc_thuoc", "Chi bộ trực thuộc";
    }
);

impl UnitKind {
    /// Base units (cơ sở) file form 03 and head a form 02 table.
    pub fn is_base(self) -> bool {
        matches!(self, UnitKind::DangBoCoSo | UnitKind::ChiBoCoSo)
    }
}

vocab_enum!(
    /// Who carries a model: a collective or a person.
    SubjectType, SUBJECT_TYPES {
        TapThe => "tap_the", "Tập thể";
        CaNhan => "ca_nhan", "Cá nhân";
    }
);

vocab_enum!(
    /// The three ways of working of the guidance (HD §III).
    Approach, APPROACHES {
        XayMoi => "xay_moi", "Xây dựng mới";
        CungCo => "cung_co", "Củng cố, nâng cao chất lượng";
        NhanRong => "nhan_rong", "Nhân rộng";
    }
);

vocab_enum!(
    /// Status of a model.
    Status, STATUSES {
        KeHoach => "ke_hoach", "Đã đăng ký";
        DangThucHien => "dang_thuc_hien", "Đang thực hiện";
        HoanThanh => "hoan_thanh", "Hoàn thành";
        LoaiBo => "loai_bo", "Đã loại bỏ";
    }
);

vocab_enum!(
    /// Reporting period of form 03.
    PeriodKind, PERIODS {
        SauThang => "sau_thang", "6 tháng đầu năm";
        CaNam => "ca_nam", "Cả năm";
    }
);

impl PeriodKind {
    /// The URL segment (`sau-thang`, `ca-nam`).
    pub fn slug(self) -> &'static str {
        match self {
            PeriodKind::SauThang => "sau-thang",
            PeriodKind::CaNam => "ca-nam",
        }
    }
}

vocab_enum!(
    /// Progress of a model in a report.
    Progress, PROGRESSES {
        DungTienDo => "dung_tien_do", "Đúng tiến độ";
        ChamTienDo => "cham_tien_do", "Chậm tiến độ";
        HoanThanh => "hoan_thanh", "Hoàn thành";
        TamDung => "tam_dung", "Tạm dừng";
        LoaiBo => "loai_bo", "Loại bỏ";
    }
);

impl Progress {
    /// Progress values that require assessments and numeric values.
    pub fn is_running(self) -> bool {
        matches!(self, Progress::DungTienDo | Progress::ChamTienDo | Progress::HoanThanh)
    }
}

vocab_enum!(
    /// Result of the department's evaluation of a model (HD §IV.3).
    EvaluationResult, EVALUATION_RESULTS {
        Tot => "tot", "Tốt";
        Kha => "kha", "Khá";
        Dat => "dat", "Đạt";
        ChuaDat => "chua_dat", "Chưa đạt";
    }
);

vocab_enum!(
    /// Kind of learning topic in the catalog.
    TopicKind, TOPIC_KINDS {
        ToanKhoa => "toan_khoa", "Chuyên đề toàn khóa";
        Nam => "nam", "Chuyên đề hằng năm";
        TacPham => "tac_pham", "Tác phẩm của Chủ tịch Hồ Chí Minh";
        VanBan => "van_ban", "Văn bản";
    }
);

/// Sectors of base units.
pub const SECTORS: Vocab = &[
    ("co_quan_dang", "Cơ quan Đảng"),
    ("quan_ly_nha_nuoc", "Quản lý nhà nước"),
    ("thue_tai_chinh", "Thuế, tài chính"),
    ("ngan_hang", "Ngân hàng"),
    ("y_te", "Y tế"),
    ("giao_duc", "Giáo dục"),
    ("doanh_nghiep", "Doanh nghiệp"),
    ("doan_the", "Đoàn thể"),
    ("khac", "Khác"),
];

/// Mass organisations a model's subject may belong to.
pub const MASS_ORGS: Vocab = &[
    ("doan_thanh_nien", "Đoàn Thanh niên"),
    ("cong_doan", "Công đoàn"),
    ("hoi_cuu_chien_binh", "Hội Cựu chiến binh"),
    ("hoi_phu_nu", "Hội Phụ nữ"),
    ("khac", "Khác"),
];

/// What a model is aligned with (TC1).
pub const ALIGNMENTS: Vocab = &[
    ("nq_dai_hoi_xiii", "Nghị quyết Đại hội XIII của Đảng"),
    ("nq_dai_hoi_cac_cap", "Nghị quyết Đại hội Đảng bộ các cấp"),
    ("nhiem_vu_chinh_tri", "Nhiệm vụ chính trị của cơ quan, đơn vị"),
    ("phuong_cham_tinh_uy", "Phương châm hành động của Tỉnh ủy"),
    ("quy_dinh_cap_tren", "Quy định của cấp trên"),
];

/// The six kinds of necessity (TC2).
pub const REASONS: Vocab = &[
    ("nhiem_vu_chinh_tri", "Nâng cao chất lượng nhiệm vụ chính trị, sản xuất kinh doanh, tạo đột phá"),
    ("khac_phuc_han_che", "Khắc phục hạn chế, yếu kém đã được chỉ ra"),
    ("cham_lo_nhan_dan", "Tuyên truyền, nhân đạo, từ thiện, chăm lo đời sống Nhân dân"),
    ("tu_duong_ren_luyen", "Tu dưỡng, rèn luyện, vì dân phục vụ"),
    ("doi_moi_cong_vu", "Đổi mới, cải tiến công vụ, văn hóa công sở, dây chuyền, thiết bị"),
    ("khac", "Sự cần thiết khác"),
];

/// The kinds of measures (TC3); all five are recommended.
pub const MEASURE_KINDS: Vocab = &[
    ("quan_triet_tuyen_truyen", "Quán triệt, sinh hoạt, tuyên truyền, phổ biến"),
    ("chi_dao_tao_dieu_kien", "Chỉ đạo, định hướng, tạo điều kiện"),
    ("theo_doi_kiem_tra", "Theo dõi, kiểm tra, giúp đỡ"),
    ("so_ket_rut_kinh_nghiem", "Sơ kết, rút kinh nghiệm"),
    ("chi_dao_nhan_rong", "Chỉ đạo nhân rộng"),
];

/// Investment level needed to replicate (TC5).
pub const COSTS: Vocab =
    &[("khong", "Không cần đầu tư"), ("thap", "Thấp"), ("trung_binh", "Trung bình"), ("cao", "Cao")];

/// Skill level needed to replicate (TC5).
pub const REQUIREMENTS: Vocab =
    &[("pho_thong", "Phổ thông"), ("chuyen_mon", "Cần chuyên môn"), ("cao", "Trình độ cao")];

/// Levels of recognition (QĐ 3116-QĐ/TU). Pages name `dang_uy_khoi` after the root unit's
/// committee (`site::pages::model::recognition_level_label`); this label is the generic one.
pub const RECOGNITION_LEVELS: Vocab = &[
    ("co_so", "Cấp cơ sở"),
    ("dang_uy_khoi", "Cấp ủy cấp trên cơ sở"),
    ("tinh", "Cấp tỉnh"),
    ("trung_uong", "Trung ương"),
];

/// The recognition level named after the root unit's committee.
pub const ROOT_RECOGNITION_LEVEL: &str = "dang_uy_khoi";

/// Git hosts the browser editor saves to (site.yml `cms.backend`).
pub const CMS_BACKENDS: Vocab = &[("github", "GitHub"), ("gitlab", "GitLab")];
