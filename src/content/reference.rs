//! The content format reference (`guong schema --markdown`, committed as `docs/content.md`):
//! every file kind, key, type, label, allowed code and rule code, written from the same
//! declarations the checker uses (`forms`, `schema`, `vocab`). The domain rules, which the
//! declarations do not name, come from the small tables of notes below.

use std::fmt::Write;

use crate::content::criteria;
use crate::content::forms::FileForm;
use crate::content::schema::{Field, Kind, SLUG_MAX};
use crate::diagnostic::{Code, Severity};

/// The command that rewrites `docs/content.md`.
pub const REGENERATE: &str = "cargo run --release -- schema --markdown > docs/content.md";

/// What the declarations do not say about one key: the domain rules that read it, when it
/// is required although the schema marks it optional, what its value refers to.
struct KeyNote {
    /// Dotted path, `[]` for the items of a list: `effectiveness.indicators[].code`.
    key: &'static str,
    rules: &'static [Code],
    required_when: &'static str,
    note: &'static str,
}

const fn key(key: &'static str, rules: &'static [Code]) -> KeyNote {
    KeyNote { key, rules, required_when: "", note: "" }
}

impl KeyNote {
    const fn when(mut self, condition: &'static str) -> KeyNote {
        self.required_when = condition;
        self
    }

    const fn note(mut self, note: &'static str) -> KeyNote {
        self.note = note;
        self
    }
}

/// The notes of one file kind, and the rules that concern the file as a whole.
struct FormNotes {
    form: &'static str,
    /// Whether `guong check` reports problems of this file with rule codes.
    checked: bool,
    keys: &'static [KeyNote],
    file_rules: &'static [Code],
}

/// Rules of every content file, whatever its kind.
const EVERY_FILE: &[Code] = &[
    Code::PEncoding,
    Code::PBom,
    Code::PSize,
    Code::PLink,
    Code::PSpecial,
    Code::PIgnored,
    Code::PRead,
    Code::PFmMissing,
    Code::PFmUnclosed,
    Code::PYaml,
    Code::PDupKey,
    Code::PYamlFeature,
    Code::PUnknownKey,
    Code::FPlaceholder,
    Code::VAggManual,
];

/// Rules of the Markdown body of models, reports and pages.
const BODY: &[Code] = &[Code::PHtmlUnsafe, Code::PHtmlRaw, Code::FPlaceholder];

/// Rules of a free page: its body's, and its file name unique among pages (its address).
const PAGE: &[Code] = &[Code::PIdDup, Code::PHtmlUnsafe, Code::PHtmlRaw, Code::FPlaceholder];

const NOTES: &[FormNotes] = &[
    FormNotes {
        form: "site",
        checked: false,
        keys: &[
            key("base_url", &[]).note(
                "default `/`; every link of the site starts with its path; an `http(s)://` address or a path from `/`",
            ),
            key("language", &[]).note("default `vi`"),
            key("recipients", &[]).note(
                "Nơi nhận of printed forms 01 and 03 and their Word files when a report lists none (form 01 always); \
                 default “Ban Tuyên giáo <root committee>,” and “Lưu.”",
            ),
            key("repo_url", &[]).note("an `http(s)://` address"),
            key("edit_url", &[]).note("an `http(s)://` address; the file's path from the site root is appended"),
            key("publish_reports", &[]).note("default true"),
            key("publish_compliance", &[]).note("default true"),
            key("per_page", &[]).note("default 24"),
        ],
        file_rules: &[],
    },
    FormNotes {
        form: "catalog",
        checked: true,
        keys: &[
            key("as_of", &[]).note("the “today” of every date rule"),
            key("coverage_from", &[]).note("default 2022"),
            key("report_grace_days", &[]).note("default 15"),
            key("periods", &[Code::DPeriod]).note("absent: one period `2021-2025`, 2021-01-01 … 2025-12-31"),
            key("periods[].id", &[Code::DIdDup]),
            key("nhom_mo_hinh[].id", &[Code::DIdDup]),
            key("chuyen_de[].id", &[Code::DIdDup]),
            key("chuyen_de[].year", &[Code::PUnknownKey]).when("`kind` is `nam` (elsewhere a warning)"),
        ],
        file_rules: &[],
    },
    FormNotes {
        form: "units",
        checked: true,
        keys: &[
            key("units", &[Code::ORoot]).note("in display order; exactly one `dang_bo_khoi`, the root"),
            key("units[].id", &[Code::OIdDup]),
            key("units[].kind", &[Code::ORoot, Code::OParent]),
            key("units[].parent", &[Code::OParent, Code::OCycle, Code::ORoot])
                .when("every unit but the root")
                .note("a unit id; the kind must be allowed under the parent's kind"),
            key("units[].sector", &[]).when("`kind` is `dang_bo_co_so` or `chi_bo_co_so`"),
            key("units[].active_to", &[Code::ODates]),
            key("units[].successor", &[Code::OSuccessor])
                .when("the unit merged into another (with `active_to`)")
                .note("a unit id other than itself and the root; its running models count there after `active_to`"),
        ],
        file_rules: &[Code::VUnitYear, Code::VReportMissing],
    },
    FormNotes {
        form: "model",
        checked: true,
        keys: &[
            key("type", &[Code::PTypeMismatch]),
            key("id", &[Code::MIdDup]).note("the file name without `.md`"),
            key("org", &[Code::MOrgUnknown, Code::MOrgRoot, Code::MOrgInactive])
                .note("a unit id of `content/to-chuc.yml`, not the root"),
            key("subject.position", &[]).when("`subject.type` is `ca_nhan`"),
            key("group", &[Code::MGroup]).note("an id of `nhom_mo_hinh`"),
            key("approach", &[Code::ARevision, Code::ASource]),
            key("status", &[Code::SRetire, Code::SEnd, Code::SPeriodOver]),
            key("start", &[Code::MPeriod, Code::MOrgInactive]),
            key("end", &[Code::MPeriod, Code::MPeriodEnd]).note("not before `start`"),
            key("learning.topics", &[Code::C1TopicYear, Code::C1TopicKind]).note("ids of `chuyen_de`"),
            key("learning.alignment", &[Code::C1Align]).note("a warning when absent"),
            key("necessity.other", &[Code::C2OtherUnused]).when("`necessity.reasons` holds `khac`"),
            key("necessity.identified_in", &[Code::C2Source])
                .note("a warning when absent while `necessity.reasons` holds `khac_phuc_han_che`"),
            key("measures.kinds", &[Code::C3KindMissing]).note("all five are recommended"),
            key("measures.milestones[].date", &[Code::C3MilestoneRange]),
            key("effectiveness.indicators", &[Code::C4NoResult]),
            key("effectiveness.indicators[].code", &[]).note("unique in the model"),
            key("effectiveness.indicators[].target", &[Code::C4Target]),
            key("replication.targets[].org", &[Code::C5TargetUnknown, Code::C5TargetSelf])
                .note("a unit id; each target needs `org` or `name`"),
            key("replication.targets[].name", &[Code::C5Target]),
            key("replication.cost", &[Code::C5Cost]),
            key("replication.requirements", &[Code::C5Cost]),
            key("replication.spread", &[Code::C5Spread]).note("a warning when absent"),
            key("revision", &[Code::ARevisionPartial, Code::AExtra]).when("`approach` is `cung_co`"),
            key("revision.since", &[]).note("not after the year of `start`"),
            key("revision.previous_model", &[Code::ARevision]).note("the id of the model consolidated"),
            key("source_model", &[Code::ASource, Code::ASourceRetired, Code::AExtra])
                .when("`approach` is `nhan_rong`")
                .note("the id of another model"),
            key("retirement", &[Code::SRetireExtra, Code::SNoReplacement]).when("`status` is `loai_bo`"),
            key("retirement.date", &[]).note("between `start` and the end of the period"),
            key("retirement.replacement", &[Code::SReplacement]).note("the id of another model"),
        ],
        file_rules: &[Code::MSection, Code::MSectionShort, Code::PHtmlUnsafe, Code::PHtmlRaw, Code::FPlaceholder],
    },
    FormNotes {
        form: "report",
        checked: true,
        keys: &[
            key("type", &[Code::PTypeMismatch]),
            key("id", &[Code::RIdDup]).note("the file name without `.md`"),
            key("org", &[Code::ROrg, Code::RDup]).note("a base unit id (`dang_bo_co_so` or `chi_bo_co_so`)"),
            key("report_date", &[Code::RDate, Code::RLate]),
            key("models", &[Code::REmpty, Code::RModelMissing]),
            key("models[].model", &[Code::RModelUnknown, Code::RModelScope, Code::RModelDup, Code::RModelInactive])
                .note("a model id of the unit's subtree"),
            key("models[].progress", &[Code::RStatusMismatch]),
            key("models[].assessment", &[]).when("`progress` is not `tam_dung` or `loai_bo`"),
            key("models[].values", &[]).when("`progress` is `dung_tien_do`, `cham_tien_do` or `hoan_thanh`"),
            key("models[].values[].indicator", &[Code::RValues]).note("a `code` of the model's indicators"),
            key("models[].propose_replication", &[Code::ROrgRef]).note("unit ids"),
        ],
        file_rules: BODY,
    },
    FormNotes {
        form: "evaluation",
        checked: true,
        keys: &[
            key("type", &[Code::PTypeMismatch]),
            key("id", &[Code::PIdDup]).note("the file name without `.md`, unique among evaluations"),
            key("model", &[Code::KModel]).note("a model id"),
            key("date", &[Code::KDate]).note("from the model's `start` to `as_of`"),
            key("criteria[].criterion", &[Code::KCriterionDup]).note("each criterion at most once"),
        ],
        file_rules: BODY,
    },
    FormNotes { form: "page", checked: true, keys: &[key("type", &[Code::PTypeMismatch])], file_rules: PAGE },
];

fn notes_of(form: &str) -> Option<&'static FormNotes> {
    NOTES.iter().find(|notes| notes.form == form)
}

/// The Markdown reference of `forms`, with the general rules first.
pub fn reference(forms: &[&FileForm]) -> String {
    let mut out = String::new();
    out.push_str(HEADER);
    let codes: Vec<String> = EVERY_FILE.iter().map(|code| shown(*code)).collect();
    let _ = writeln!(out, "Rules of every content file, whatever its kind: {}.\n", codes.join(", "));
    out.push_str("| file | what | `guong schema` |\n|---|---|---|\n");
    for form in forms {
        let _ = writeln!(out, "| `{}` | {} | `{}` |", form.path, form.title, form.name);
    }
    for form in forms {
        write_form(&mut out, form);
    }
    out
}

const HEADER: &str = "<!-- Generated by `guong schema --markdown` from the declarations the checker uses
(src/content/forms.rs, schema.rs, vocab.rs) and the rule notes of src/content/reference.rs.
Do not edit: run `cargo run --release -- schema --markdown > docs/content.md`;
tests/content_reference.rs fails while this file and the command's output differ. -->
# Content format reference

Every file an editor writes, every key with its Vietnamese label (as the forms and the site
show it), its type, the codes it allows, whether it is required, and the rule codes of
`guong check` that guard it (what each code means and where it points: README, “Rules of
`guong check`”). (W) marks a warning; the other codes are errors. `site.yml` is read before
any check: an unknown key or a wrong value there stops every command with exit code 2 and a
message naming it, so its keys have no rule codes.

Types: **text (n–m)** a string of n to m characters (NFC code points, trimmed) · **slug**
`^[a-z0-9]+(-[a-z0-9]+)*$`, 3–80 characters · **id** the id of a record declared elsewhere ·
**date** `YYYY-MM-DD` or `DD/MM/YYYY`, a real calendar date · **number** a YAML number with a
dot decimal (`\"86,5\"` is not one) · **mapping** the keys listed below it. A key marked ✓ is
required, c is required under the condition given, – is optional. Keys not listed are reported
as P-UNKNOWN-KEY.

";

fn write_form(out: &mut String, form: &FileForm) {
    let _ = writeln!(out, "\n## {} — `{}`\n", form.title, form.path);
    if let Some(type_name) = form.type_name {
        let _ = writeln!(out, "Front matter between two `---` lines, then the Markdown body; `type: {type_name}`.\n");
    }
    out.push_str("| key | label | type / allowed | req | rule codes |\n|---|---|---|---|---|\n");
    let notes = notes_of(form.name);
    rows(out, form.fields, "", None, notes, form.type_name);
    if let Some(notes) = notes.filter(|notes| !notes.file_rules.is_empty()) {
        let codes: Vec<String> = notes.file_rules.iter().map(|code| shown(*code)).collect();
        let _ = writeln!(out, "\nRules of the whole file and across files: {}.", codes.join(", "));
    }
}

/// One row per field, depth first, as the validator walks them (`inherited`: the code a
/// criterion gives all problems of its fields).
fn rows(
    out: &mut String,
    fields: &[Field],
    prefix: &str,
    inherited: Option<Code>,
    notes: Option<&FormNotes>,
    type_name: Option<&str>,
) {
    for field in fields {
        let path = if prefix.is_empty() { field.key.to_owned() } else { format!("{prefix}.{}", field.key) };
        let note = notes.and_then(|notes| notes.keys.iter().find(|note| note.key == path));
        let mut codes = Vec::new();
        if notes.is_none_or(|notes| notes.checked) {
            for code in
                field_codes(field, inherited).into_iter().chain(note.map_or(&[][..], |note| note.rules).iter().copied())
            {
                if !codes.contains(&code) {
                    codes.push(code);
                }
            }
        }
        let mut kind = describe(&field.kind);
        if field.key == "type"
            && prefix.is_empty()
            && let Some(name) = type_name
        {
            kind = format!("`{name}`");
        }
        if let Some(text) = note.map(|note| note.note).filter(|text| !text.is_empty()) {
            kind = format!("{kind}; {text}");
        }
        let required = match note.map(|note| note.required_when).filter(|when| !when.is_empty()) {
            Some(when) => format!("c: {when}"),
            None if field.required => "✓".to_owned(),
            None => "–".to_owned(),
        };
        let codes: Vec<String> = codes.into_iter().map(shown).collect();
        let _ = writeln!(
            out,
            "| `{path}` | {} | {} | {required} | {} |",
            field.label,
            kind.replace('|', "\\|"),
            codes.join(", ")
        );
        let nested = field.invalid.or(inherited);
        match field.kind {
            Kind::Map(fields) => rows(out, fields, &path, nested, notes, None),
            Kind::List { item: &Kind::Map(fields), .. } => rows(out, fields, &format!("{path}[]"), nested, notes, None),
            _ => {}
        }
    }
}

/// The codes the schema itself reports for `field`, as `schema::Validator` chooses them.
fn field_codes(field: &Field, inherited: Option<Code>) -> Vec<Code> {
    let mut codes = Vec::new();
    let needs_items = matches!(field.kind, Kind::List { min, .. } if min > 0);
    if field.required || needs_items {
        codes.push(field.missing_code(inherited));
    }
    let kind = match field.kind {
        Kind::List { item, .. } if !matches!(item, Kind::Map(_)) => {
            codes.push(field.invalid.or(inherited).unwrap_or(Code::FType));
            *item
        }
        kind => kind,
    };
    match field.invalid.or(inherited) {
        Some(code) if !matches!(kind, Kind::Date) => codes.push(code),
        _ => codes.extend_from_slice(kind.default_codes()),
    }
    codes
}

/// A code with its severity mark.
fn shown(code: Code) -> String {
    match code.severity() {
        Severity::Error => code.as_str().to_owned(),
        Severity::Warning => format!("{code} (W)"),
    }
}

/// The type column: what a value of `kind` is, with the allowed codes and their labels.
fn describe(kind: &Kind) -> String {
    match *kind {
        Kind::Text { min: 1, max: usize::MAX } => "text".to_owned(),
        Kind::Text { min, max: usize::MAX } => format!("text (≥ {min})"),
        Kind::Text { min, max } => format!("text ({min}–{max})"),
        Kind::Slug { min: 3 } => "slug".to_owned(),
        Kind::Slug { min } => format!("slug of {min} to {SLUG_MAX} characters"),
        Kind::Ref(_) => "id".to_owned(),
        Kind::Date => "date".to_owned(),
        Kind::Year => "year (in a programme period)".to_owned(),
        Kind::Int { min: i64::MIN, max: i64::MAX } => "integer".to_owned(),
        Kind::Int { min, max: i64::MAX } => format!("integer ≥ {min}"),
        Kind::Int { min, max } => format!("integer {min}–{max}"),
        Kind::Criterion => format!("criterion number 1–5 ({})", criteria::legend()),
        Kind::Number => "number".to_owned(),
        Kind::Bool => "true / false".to_owned(),
        Kind::Enum(vocab) => {
            let codes: Vec<String> = vocab.iter().map(|(code, label)| format!("`{code}` {label}")).collect();
            format!("one of: {}", codes.join(" · "))
        }
        Kind::List { item: &Kind::Map(_), min } => format!("list{} of mappings", at_least(min)),
        Kind::List { item, min } => format!("list{} of {}", at_least(min), describe(item)),
        Kind::Map(_) => "mapping".to_owned(),
    }
}

fn at_least(min: usize) -> String {
    if min > 0 { format!(" (≥ {min})") } else { String::new() }
}

#[cfg(test)]
mod tests;
