//! The fast path against the event parser: on every YAML text of the repository and on
//! thousands of damaged variants, whatever the fast path accepts must be exactly the event
//! parser's tree, and text the event parser has anything to say about must be declined.

use std::path::Path;

use super::parse;
use crate::cli::SiteRoot;
use crate::content::load::load;
use crate::parse::frontmatter::split_front_matter;
use crate::parse::markdown::Reading;
use crate::parse::yaml::{Node, parse_events};
use crate::scaffold::model_form::new_model;
use crate::scaffold::page_form::new_page;
use crate::scaffold::report_form::new_report;

/// Runs both parsers on `text`; returns whether the fast path accepted it.
fn agree(text: &str, first_line: usize) -> bool {
    let Some(fast) = parse(text, first_line) else { return false };
    let mut out = Vec::new();
    let full = parse_events(text, first_line, "x.md", &mut out);
    assert!(out.is_empty(), "the fast path accepted text the event parser reports {out:?}:\n{text}");
    assert_eq!(Some(fast), full, "the trees differ for:\n{text}");
    true
}

fn fast(text: &str) -> Node {
    parse(text, 2).unwrap_or_else(|| panic!("declined:\n{text}"))
}

/// A YAML text and the file line of its first line.
type Seed = (String, usize);

/// The YAML of a file: its front matter if it is Markdown, all of it if it is YAML.
fn yaml_of(path: &Path, text: &str) -> Option<Seed> {
    match path.extension()?.to_str()? {
        "md" => {
            split_front_matter(text, "", &mut Vec::new()).map(|split| (split.front.to_owned(), split.front_first_line))
        }
        "yml" | "yaml" => Some((text.to_owned(), 1)),
        _ => None,
    }
}

/// String literals of Rust source `text` that look like YAML (a `:` and a line break), raw
/// or with their common escapes undone; literals with other escapes are skipped.
fn literals(text: &str) -> Vec<Seed> {
    let mut found = Vec::new();
    let mut rest = text;
    while let Some(quote) = rest.find('"') {
        let raw = rest[..quote].ends_with("r#");
        rest = &rest[quote + 1..];
        let (literal, after) = if raw {
            let Some(end) = rest.find("\"#") else { break };
            (Some(rest[..end].to_owned()), end + 2)
        } else {
            let mut literal = Some(String::new());
            let mut chars = rest.char_indices();
            let mut after = rest.len();
            while let Some((i, c)) = chars.next() {
                match c {
                    '"' => {
                        after = i + 1;
                        break;
                    }
                    '\\' => {
                        let escaped = match chars.next() {
                            Some((_, 'n')) => Some('\n'),
                            Some((_, '"')) => Some('"'),
                            Some((_, '\\')) => Some('\\'),
                            Some((_, 't')) => Some('\t'),
                            _ => None,
                        };
                        match (escaped, literal.as_mut()) {
                            (Some(c), Some(text)) => text.push(c),
                            _ => literal = None,
                        }
                    }
                    c => literal.iter_mut().for_each(|text| text.push(c)),
                }
            }
            (literal, after)
        };
        rest = &rest[after..];
        if let Some(literal) = literal.filter(|l| l.contains(':') && l.contains('\n')) {
            match literal.strip_prefix("---\n") {
                Some(_) => found.extend(yaml_of(Path::new("x.md"), &literal)),
                None => found.push((literal, 1)),
            }
        }
    }
    found
}

/// Every YAML text found below `dir`.
fn seeds_in(dir: &Path) -> Vec<Seed> {
    let mut seeds = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name().into_iter().filter_map(Result::ok) {
        let path = entry.path();
        let Ok(text) = std::fs::read_to_string(path) else { continue };
        if path.extension().is_some_and(|e| e == "rs") {
            seeds.extend(literals(&text));
        } else {
            seeds.extend(yaml_of(path, &text));
        }
    }
    seeds
}

/// The files `guong new` writes for the bundled site: a page, and a model and reports for
/// every unit that takes them.
fn scaffolded() -> Vec<Seed> {
    let site = SiteRoot::open(Path::new(env!("CARGO_MANIFEST_DIR")), None).unwrap();
    let corpus = load(&site.files, Reading::Check).corpus;
    let paths: Vec<String> = site.files.iter().map(|f| f.path.clone()).collect();
    let mut files = vec![new_page(&paths, "Trang giới thiệu mới")];
    for unit in &corpus.units {
        files.push(new_model(&corpus, &paths, &unit.id, "Đổi mới lề lối làm việc"));
        for period in ["sau_thang", "ca_nam"] {
            files.push(new_report(&corpus, &site.config, &paths, &unit.id, 2026, period));
        }
    }
    files.into_iter().filter_map(Result::ok).filter_map(|file| yaml_of(Path::new(&file.path), &file.text)).collect()
}

struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n.max(1) as u64) as usize
    }
}

/// What is inserted into YAML to damage it: every character the fast path must refuse or
/// read with care.
const TOKENS: &[&str] = &[
    "#", " #", "# ", ":", ": ", " :", "\"", "'", " ", "  ", "\t", "-", "- ", "[", "]", ",", ", ", "\n", "\n  ", "\n- ",
    "~", "\\", "\\\"", "\\n", "\\u00e9", "&a ", "*a", "!", "!!str ", "|", ">", "{", "}", "?", "? ", "%", "@", "`",
    "null", "Null", "é", "Học", "---", "...", "\r", "\u{a0}", "\u{85}", "\u{feff}", "\u{2028}", "\u{1}", "\u{7f}", "x",
    "1", "a: b\n", "k:", "k: ", "- k: v\n", "[a, b]", "\"q\"",
];

/// `text` damaged by one to three edits at random places.
fn mutate(rng: &mut Rng, text: &str) -> String {
    let mut text = text.to_owned();
    for _ in 0..1 + rng.below(3) {
        let mut at = rng.below(text.len() + 1);
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i + 1);
        let char_end = text[at..].chars().next().map_or(at, |c| at + c.len_utf8());
        match rng.below(7) {
            0 | 1 => text.insert_str(at, TOKENS[rng.below(TOKENS.len())]),
            2 => text.replace_range(at..char_end, ""),
            3 | 4 => {
                let (from, to) = if rng.below(2) == 0 { (at, char_end) } else { (line_start, line_end) };
                let copy = text[from..to].to_owned();
                text.insert_str(from, &copy);
            }
            5 => text.insert(line_start, ' '),
            _ if text[line_start..].starts_with(' ') => text.replace_range(line_start..line_start + 1, ""),
            _ => text.replace_range(at..line_end.max(at), "\n"),
        }
    }
    text
}

/// Checks every seed and `variants` damaged copies of each; returns how many texts the
/// fast path accepted and how many it was given.
fn differential(seeds: &[Seed], variants: usize) -> (usize, usize) {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let (mut accepted, mut total) = (0, 0);
    for (text, first_line) in seeds {
        accepted += usize::from(agree(text, *first_line));
        for _ in 0..variants {
            accepted += usize::from(agree(&mutate(&mut rng, text), *first_line));
        }
        total += 1 + variants;
    }
    (accepted, total)
}

#[test]
fn every_bundled_file_takes_the_fast_path() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let seeds: Vec<Seed> = seeds_in(&root.join("content")).into_iter().chain(scaffolded()).collect();
    assert!(seeds.len() > 30, "{} texts", seeds.len());
    for (text, first_line) in &seeds {
        assert!(agree(text, *first_line), "declined:\n{text}");
    }
}

/// The repository's content, test sites, test fixtures, Rust test literals and scaffolded
/// files, each damaged 150 times. `GUONG_YAML_CORPUS` may name one more folder to read (for
/// a manual check on a generated corpus).
#[test]
fn the_fast_path_agrees_with_the_event_parser() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut seeds: Vec<Seed> =
        ["content", "tests", "src", "fuzz"].iter().flat_map(|dir| seeds_in(&root.join(dir))).collect();
    seeds.extend(scaffolded());
    let extra = std::env::var_os("GUONG_YAML_CORPUS").map(|dir| seeds_in(Path::new(&dir))).unwrap_or_default();
    let (accepted, total) = differential(&seeds, 150);
    eprintln!("fast path: {accepted} of {total} texts accepted");
    assert!(seeds.len() > 300 && accepted * 8 > total, "{accepted} of {total} texts accepted ({} seeds)", seeds.len());
    if !extra.is_empty() {
        let (accepted, total) = differential(&extra, 3);
        eprintln!("GUONG_YAML_CORPUS: {accepted} of {total} texts accepted");
    }
}

#[test]
fn positions_are_those_of_the_event_parser() {
    let text =
        "a: x  # c\nb:   # empty\nq: \"Học \\\"x\\\"\"  # c\nl: [Học, \"tập\" , x y ]\ns:\n  - k: 1\n    e:\n  - v\n";
    assert!(agree(text, 2));
    let node = fast(text);
    let at = |node: &Node| (node.pos.line, node.pos.column);
    assert_eq!(at(node.get("a").unwrap()), (2, 4));
    // An empty value is placed at its colon.
    assert_eq!(at(node.get("b").unwrap()), (3, 2));
    assert!(node.get("b").unwrap().is_null());
    assert_eq!(node.get("q").unwrap().as_str(), Some("Học \"x\""));
    let items: Vec<_> = node.get("l").unwrap().items().iter().map(|n| (n.as_str().unwrap(), at(n))).collect();
    // Columns count characters, not bytes; a quoted item is placed at its quote.
    assert_eq!(items, [("Học", (5, 5)), ("tập", (5, 10)), ("x y", (5, 18))]);
    let s = node.entry("s").unwrap();
    assert_eq!((s.key_pos.line, s.key_pos.column, at(&s.value)), (6, 1, (7, 3)));
    assert_eq!(at(&s.value.items()[0]), (7, 5));
    assert_eq!(at(s.value.items()[0].get("e").unwrap()), (8, 6));
}

#[test]
fn plain_scalars_end_where_the_event_parser_ends_them() {
    for (value, text) in [
        ("b:c", "b:c"),
        ("x#y", "x#y"),
        ("x  # c", "x"),
        ("-1", "-1"),
        ("x [y] {z},w", "x [y] {z},w"),
        ("https://x.vn/a#b?c=d", "https://x.vn/a#b?c=d"),
        ("Nguyễn Văn An   ", "Nguyễn Văn An"),
        ("\"\"", ""),
    ] {
        let yaml = format!("k: {value}\n");
        assert!(agree(&yaml, 1), "{yaml}");
        assert_eq!(fast(&yaml).get("k").unwrap().as_text(), Some(text));
    }
}

#[test]
fn everything_outside_the_subset_is_declined() {
    for text in [
        "",
        "# only a comment\n",
        "- a\n",
        "  a: 1\n",
        "a: x\n  continued\n",
        "a: \"x\n  y\"\n",
        "a: 'x'\n",
        "a: |\n  x\n",
        "a: >\n  x\n",
        "a: &x 1\n",
        "a: *x\n",
        "a: !!str 1\n",
        "a: {b: 1}\n",
        "a: [[x]]\n",
        "a: [x,\n  y]\n",
        "a: [a,]\n",
        "a: [-]\n",
        "a: [a: b]\n",
        "a:\n- x\n",
        "a:\n  -\n",
        "a:\n  - - x\n",
        "a:\n  hello\n",
        "a: 1\na: 2\n",
        "\"a\": 1\n",
        "null: 1\n",
        "a b: 1\n",
        "é: 1\n",
        "a:\tb\n",
        "a: x\r\n",
        "\u{feff}a: 1\n",
        "a: x\u{85}y\n",
        "---\na: 1\n",
        "a: 1\n...\n",
        "%YAML 1.2\n---\na: 1\n",
        "a: \"x\\u00e9\"\n",
        "? a\n: b\n",
        "a: x:\n",
        "a: x: y\n",
        "a:b\n",
        "a: \"q\"x\n",
        "a: \"q\"#c\n",
        "a: [x]y\n",
        "a: - x\n",
        "a:\n  b: 1\n c: 2\n",
        "a:\n  - b: 1\n   c: 2\n",
    ] {
        assert!(parse(text, 1).is_none(), "accepted:\n{text}");
    }
}

/// Hostile shapes finish at once: declined early, or read in one pass.
#[test]
fn hostile_input_is_read_in_linear_time() {
    let mebibyte = 1 << 20;
    for text in [
        "[".repeat(mebibyte),
        "- ".repeat(mebibyte / 2),
        format!("a: \"{}\n", "\\\"".repeat(mebibyte / 2)),
        (0..40).map(|depth| format!("{}k:\n", "  ".repeat(depth))).collect(),
        (0..100_000).map(|i| format!("k{i}: x\n")).collect(),
    ] {
        assert!(parse(&text, 1).is_none());
    }
    let long = fast(&format!("a: {}\n", "x ".repeat(mebibyte / 2)));
    assert_eq!(long.get("a").unwrap().as_text().map(str::len), Some(mebibyte - 1));
    let words = vec!["tập"; mebibyte / 8].join(", ");
    let node = fast(&format!("a: [{words}]\n"));
    let last = node.get("a").unwrap().items().last().unwrap();
    assert_eq!(last.pos.column as usize, 5 + (mebibyte / 8 - 1) * 5);
}
