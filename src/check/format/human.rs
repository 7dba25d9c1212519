//! `--format human`: `path:line:col: LỖI [CODE] message`, the source line with a caret, a
//! `gợi ý:` hint, colour on a terminal, and a summary line.

use std::collections::{HashMap, HashSet};
use std::fmt::Write;
use unicode_normalization::char::is_combining_mark;

use crate::check::format::visible::{escaped, is_hidden, visible};
use crate::diagnostic::{Diagnostic, Severity, Summary};
use crate::parse::lines::Lines;
use crate::source::SourceFile;

/// Renders diagnostics for people. `sources` gives the text of each path (for the caret
/// line); `colour` adds ANSI colours.
pub fn human(diagnostics: &[Diagnostic], summary: Summary, sources: &HashMap<String, String>, colour: bool) -> String {
    let paint = |code: &str, text: &str| if colour { format!("\x1b[{code}m{text}\x1b[0m") } else { text.to_owned() };
    let mut out = String::new();
    // Each file's lines indexed once: a file with 80,000 findings is not scanned for each.
    let mut lines: HashMap<&str, Lines> = HashMap::new();
    for d in diagnostics {
        let colour = match d.severity {
            Severity::Error => "1;31",
            Severity::Warning => "1;33",
        };
        let severity = paint(colour, d.severity.label());
        let _ = writeln!(
            out,
            "{}: {severity} [{}] {}",
            paint("1", &format!("{}:{}:{}", visible(&d.path), d.line, d.column)),
            d.code,
            visible(&d.message)
        );
        let source_line = sources.get_key_value(&d.path).and_then(|(path, text)| {
            lines.entry(path.as_str()).or_insert_with(|| Lines::new(text)).line(d.line.checked_sub(1)?)
        });
        if let Some(line) = source_line.map(|line| line.trim_start_matches('\u{feff}')) {
            let number = d.line.to_string();
            let gutter = " ".repeat(number.len());
            let shown: Vec<char> = line.chars().take(200).collect();
            // Under each character before the column, as wide a blank as it is shown.
            let mut caret_at = String::new();
            for &c in shown.iter().take(d.column - 1) {
                match c {
                    '\t' => caret_at.push('\t'),
                    c if is_hidden(c) => caret_at.push_str(&" ".repeat(escaped(c).len())),
                    // A combining mark (the tone of a decomposed "ệ") takes no column.
                    c if is_combining_mark(c) => {}
                    _ => caret_at.push(' '),
                }
            }
            let shown: String = shown.into_iter().collect();
            let _ = writeln!(out, "{gutter} |");
            let _ = writeln!(out, "{number} | {}", visible(&shown));
            let _ = writeln!(out, "{gutter} | {caret_at}{}", paint(colour, "^"));
        }
        if let Some(hint) = &d.hint {
            let _ = writeln!(out, "  {} {}", paint("1;36", "gợi ý:"), visible(hint));
        }
    }
    let _ = writeln!(out, "{} lỗi, {} cảnh báo, {} tệp", summary.errors, summary.warnings, summary.files);
    out
}

/// The text of each file that `diagnostics` point into, for the caret lines of [`human`].
pub fn sources_for(files: &[SourceFile], diagnostics: &[Diagnostic]) -> HashMap<String, String> {
    let paths: HashSet<&str> = diagnostics.iter().map(|d| d.path.as_str()).collect();
    files
        .iter()
        .filter(|f| paths.contains(f.path.as_str()))
        .map(|f| (f.path.clone(), String::from_utf8_lossy(&f.bytes).replace("\r\n", "\n")))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{Code, Pos};

    #[test]
    fn caret_follows_the_column_and_the_colour_the_severity() {
        let d = Diagnostic::new(Code::C5Spread, "a.md", Pos::new(1, 4), "Chưa nêu");
        let sources = HashMap::from([("a.md".to_owned(), "\u{feff}ab\tc: x\n".to_owned())]);
        let plain = human(std::slice::from_ref(&d), Summary::of(std::slice::from_ref(&d), 1), &sources, false);
        assert_eq!(
            plain,
            "a.md:1:4: CẢNH BÁO [C5-SPREAD] Chưa nêu\n  |\n1 | ab\tc: x\n  |   \t^\n0 lỗi, 1 cảnh báo, 1 tệp\n"
        );
        let coloured = human(std::slice::from_ref(&d), Summary::of(std::slice::from_ref(&d), 1), &sources, true);
        assert!(coloured.contains("\x1b[1;33mCẢNH BÁO\x1b[0m") && coloured.contains("\x1b[1;33m^\x1b[0m"));
    }

    #[test]
    fn caret_stays_under_its_column_after_decomposed_vietnamese() {
        // "Đổi" decomposed (NFD): D with stroke, o, combining circumflex, combining hook, i.
        let line = "reasons: [\"Đo\u{302}\u{309}i\", khac_phuc]";
        let column = line.chars().position(|c| c == 'k').unwrap() + 1;
        let d = Diagnostic::new(Code::C2Reason, "a.md", Pos::new(1, column), "Lý do");
        let sources = HashMap::from([("a.md".to_owned(), format!("{line}\n"))]);
        let plain = human(std::slice::from_ref(&d), Summary::of(std::slice::from_ref(&d), 1), &sources, false);
        let caret = plain.lines().nth(3).unwrap().trim_start_matches("  | ");
        assert_eq!(caret.len() - 1, "reasons: [\"Đổi\", ".chars().count(), "{plain}");
    }

    /// Escape sequences written in content, in its path, a message or a hint reach the
    /// terminal escaped, and the caret still points under its column.
    #[test]
    fn control_characters_of_content_are_shown_not_sent_to_the_terminal() {
        let d = Diagnostic::new(Code::PYaml, "a\u{1b}]0;x\u{7}.md", Pos::new(1, 11), "Sai `\u{1b}[2J`")
            .with_hint("bỏ \u{9b}");
        let sources = HashMap::from([("a\u{1b}]0;x\u{7}.md".to_owned(), "title: \"\u{1b}[31mX\"\n".to_owned())]);
        let out = human(std::slice::from_ref(&d), Summary::of(std::slice::from_ref(&d), 1), &sources, false);
        assert!(!out.chars().any(|c| c.is_control() && c != '\n'), "{out:?}");
        assert_eq!(
            out,
            "a\\u{1b}]0;x\\u{7}.md:1:11: LỖI [P-YAML] Sai `\\u{1b}[2J`\n  |\n1 | title: \"\\u{1b}[31mX\"\n  |                \
             ^\n  gợi ý: bỏ \\u{9b}\n1 lỗi, 0 cảnh báo, 1 tệp\n"
        );
    }

    /// 200,000 findings in a file of as many lines: each caret line is found through the
    /// file's line index (taking the n-th line from the start each time, as before, would
    /// not finish within the test harness's patience).
    #[test]
    fn carets_for_a_hostile_number_of_findings_come_from_one_line_index() {
        let text: String = (0..200_000).map(|i| format!("khoa{i}: x\n")).collect();
        let diagnostics: Vec<Diagnostic> =
            (0..200_000).map(|i| Diagnostic::new(Code::PUnknownKey, "a.md", Pos::new(i + 1, 1), "Thừa")).collect();
        let sources = HashMap::from([("a.md".to_owned(), text)]);
        let out = human(&diagnostics, Summary::of(&diagnostics, 1), &sources, false);
        assert!(out.contains("a.md:200000:1: CẢNH BÁO [P-UNKNOWN-KEY] Thừa\n       |\n200000 | khoa199999: x\n"));
        assert_eq!(out.matches(" | khoa").count(), 200_000);
    }
}
