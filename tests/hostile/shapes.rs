//! Hostile content shapes, each one file just under guong's 1 MiB limit, that made checks
//! superlinear before: shared by `tests/hostile_inputs.rs` (which asserts the findings) and
//! `examples/hostile_site.rs` (which writes them for `bench/hostile.sh` to time).

/// Bytes each shape fills (under the 1 MiB file limit).
pub const BUDGET: usize = 1_000_000;

/// A shape: its name, the file it writes (relative to the site root) and that file's text.
pub struct Shape {
    pub name: &'static str,
    pub path: &'static str,
    pub text: String,
}

/// Every shape, by name.
pub fn all() -> Vec<Shape> {
    vec![
        Shape { name: "parent-chain", path: "content/to-chuc.yml", text: parent_chain() },
        Shape { name: "unknown-parents", path: "content/to-chuc.yml", text: unknown_parents() },
        Shape {
            name: "raw-html-lines",
            path: "content/trang/html-tho.md",
            text: page(&repeat_to_budget(|_| "<b>x</b>\n".to_owned())),
        },
        Shape {
            name: "event-attributes",
            path: "content/trang/su-kien.md",
            text: page(&format!("{}\n", repeat_to_budget(|i| format!("<b on{i}=x>")))),
        },
        Shape { name: "unknown-keys", path: "content/trang/khoa-la.md", text: unknown_keys() },
        Shape { name: "anchors", path: "content/trang/neo.md", text: anchors() },
        Shape {
            name: "long-line",
            path: "content/trang/dong-dai.md",
            text: page(&format!("{}[x](javascript:alert(1))\n", "chữ ".repeat(BUDGET / 8))),
        },
    ]
}

/// `text` made of `piece(0)`, `piece(1)`, … up to [`BUDGET`] bytes.
fn repeat_to_budget(piece: impl Fn(usize) -> String) -> String {
    let mut text = String::new();
    for i in 0.. {
        let next = piece(i);
        if text.len() + next.len() > BUDGET - 200 {
            break;
        }
        text.push_str(&next);
    }
    text
}

fn page(body: &str) -> String {
    format!("---\ntype: trang\ntitle: \"Trang thử\"\n---\n{body}")
}

/// The two units every registry here starts with.
const ROOT: &str = "units:\n  - {id: dang-bo-khoi, kind: dang_bo_khoi, name: \"Đảng bộ Khối\"}\n  - {id: db-so-tai-chinh, kind: dang_bo_co_so, name: \"Đảng bộ Sở Tài chính\", parent: dang-bo-khoi, sector: thue_tai_chinh}\n  - {id: cb-phong-ngan-sach, kind: chi_bo_truc_thuoc, name: \"Chi bộ Phòng Ngân sách\", parent: db-so-tai-chinh}\n  - {id: cb-cdc, kind: chi_bo_co_so, name: \"Chi bộ CDC\", parent: dang-bo-khoi, sector: y_te}\n";

/// Units each under the one before: a chain as long as the budget allows.
fn parent_chain() -> String {
    let chain = repeat_to_budget(|i| {
        let parent = if i == 0 { "db-so-tai-chinh".to_owned() } else { format!("u{}", i - 1) };
        format!("  - {{id: u{i}, kind: chi_bo_truc_thuoc, name: \"U{i}\", parent: {parent}}}\n")
    });
    format!("{ROOT}{chain}")
}

/// Units whose parents are all unknown, each one letter off a unit's id: each asks for a
/// did-you-mean among 14,000 units (30 s when each lookup compared every unit).
fn unknown_parents() -> String {
    let units =
        repeat_to_budget(|i| format!("  - {{id: u{i}, kind: chi_bo_truc_thuoc, name: \"U{i}\", parent: x{i}}}\n"));
    format!("{ROOT}{units}")
}

/// A page whose front matter has as many unknown keys as the budget allows.
fn unknown_keys() -> String {
    let keys = repeat_to_budget(|i| format!("k{i}: x\n"));
    format!("---\ntype: trang\ntitle: \"Trang thử\"\n{keys}---\nNội dung.\n")
}

/// A page whose front matter anchors 20,000 values, then tags 20,000 on one line (about half
/// the budget): each marker is found by scanning back from its value (from the file's
/// start, that was quadratic).
fn anchors() -> String {
    let anchored: String = (0..20_000).map(|i| format!("k{i}: &a{i} 1\n")).collect();
    let tagged: String = (0..20_000).map(|i| format!("!!str {i}, ")).collect();
    format!("---\ntype: trang\ntitle: \"Trang thử\"\n{anchored}t: [{tagged}x]\n---\nNội dung.\n")
}
