use super::*;
use crate::content::forms::{self, FILE_FORMS};
use crate::content::load::FileKind;

fn full() -> String {
    reference(&FILE_FORMS.iter().collect::<Vec<_>>())
}

fn row<'a>(text: &'a str, section: &str, key: &str) -> &'a str {
    let start = text.find(&format!("\n## {section}")).unwrap_or_else(|| panic!("no section {section}"));
    let rest = &text[start + 1..];
    let end = rest[1..].find("\n## ").map_or(rest.len(), |i| i + 1);
    rest[..end]
        .lines()
        .find(|line| line.starts_with(&format!("| `{key}` |")))
        .unwrap_or_else(|| panic!("no row `{key}` in {section}"))
}

#[test]
fn every_rule_code_is_documented() {
    let text = full();
    let absent: Vec<&str> = Code::ALL.iter().map(|c| c.as_str()).filter(|c| !text.contains(c)).collect();
    assert!(
        absent.is_empty(),
        "codes missing from the reference: {absent:?}; attach them to their field (.code/.invalid/.missing in \
         forms.rs) or add them to the notes of src/content/reference.rs"
    );
}

#[test]
fn every_note_names_a_declared_key() {
    fn paths(fields: &[Field], prefix: &str, out: &mut Vec<String>) {
        for field in fields {
            let path = if prefix.is_empty() { field.key.to_owned() } else { format!("{prefix}.{}", field.key) };
            match field.kind {
                Kind::Map(inner) => paths(inner, &path, out),
                Kind::List { item: &Kind::Map(inner), .. } => paths(inner, &format!("{path}[]"), out),
                _ => {}
            }
            out.push(path);
        }
    }
    for notes in NOTES {
        let form = forms::file_form(notes.form).unwrap_or_else(|| panic!("no file kind {}", notes.form));
        let mut declared = Vec::new();
        paths(form.fields, "", &mut declared);
        for note in notes.keys {
            assert!(declared.contains(&note.key.to_owned()), "{}: no key `{}`", notes.form, note.key);
        }
    }
}

#[test]
fn rows_carry_labels_allowed_codes_conditions_and_rule_codes() {
    let text = full();
    let model = "Mô hình";
    assert_eq!(
        row(&text, model, "learning.summary"),
        "| `learning.summary` | Nội dung làm theo | text (20–500) | ✓ | C1-SUMMARY |"
    );
    assert_eq!(
        row(&text, model, "org"),
        "| `org` | Chi bộ/đảng bộ thực hiện | id; a unit id of `content/to-chuc.yml`, not the root | ✓ | F-REQUIRED, \
         F-TYPE, M-ORG-UNKNOWN, M-ORG-ROOT, M-ORG-INACTIVE (W) |"
    );
    assert!(row(&text, model, "subject.type").contains("one of: `tap_the` Tập thể · `ca_nhan` Cá nhân"));
    assert!(row(&text, model, "subject.position").contains("| c: `subject.type` is `ca_nhan` |"));
    assert!(row(&text, model, "type").contains("| `mo_hinh` |"));
    assert!(row(&text, model, "necessity.reasons").contains("| ✓ | C2-REASON |"));
    assert!(row(&text, model, "effectiveness.indicators[].baseline").ends_with("| ✓ | C4-INDICATOR |"));
    assert!(
        row(&text, model, "measures.milestones[].date")
            .contains("| ✓ | C3-MILESTONE, F-DATE, C3-MILESTONE-RANGE (W) |")
    );
    assert!(row(&text, "Báo cáo", "year").contains("| year (in a programme period) | ✓ | F-REQUIRED, R-PERIOD |"));
    assert!(row(&text, "Cấu hình trang", "per_page").ends_with("| integer ≥ 1; default 24 | – |  |"));
}

#[test]
fn markdown_files_have_the_type_the_loader_expects() {
    for form in FILE_FORMS {
        let example = form.path.replace("**/", "").replace("<id>", "x").replace("<slug>", "x");
        assert_eq!(FileKind::of(&example).and_then(FileKind::type_name), form.type_name, "{}", form.path);
    }
}

/// The field at `path` (`a.b[].c`) of `fields`.
fn field_at(fields: &'static [Field], path: &str) -> Option<&'static Field> {
    let (head, rest) = path.split_once('.').map_or((path, None), |(h, r)| (h, Some(r)));
    let field = fields.iter().find(|f| f.key == head.trim_end_matches("[]"))?;
    match (rest, field.kind) {
        (None, _) => Some(field),
        (Some(rest), Kind::Map(inner) | Kind::List { item: &Kind::Map(inner), .. }) => field_at(inner, rest),
        _ => None,
    }
}

/// A field required only in some cases says when in its hint, which the CMS shows beside it:
/// the editor of a form cannot read this reference.
#[test]
fn every_conditionally_required_field_tells_the_editor_when() {
    for notes in NOTES {
        let form = FILE_FORMS.iter().find(|f| f.name == notes.form).unwrap();
        for note in notes.keys.iter().filter(|note| !note.required_when.is_empty()) {
            let field = field_at(form.fields, note.key).unwrap_or_else(|| panic!("{}: no {}", form.name, note.key));
            assert!(
                field.hint.is_some(),
                "{} `{}` is required when {} but has no hint",
                form.name,
                note.key,
                note.required_when
            );
        }
    }
}
