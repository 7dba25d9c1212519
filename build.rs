//! Build script: turns `GUONG_SKIP` into `skip_tool = "…"` cfgs, so that tests needing a tool
//! the person running `cargo test` asked to skip are compiled as `#[ignore]` and counted as
//! "ignored" in libtest's summary (see `tests/common/tools.rs`). Nothing else.

/// The tools tests may need; `GUONG_SKIP` names some of them, or `all`.
const TOOLS: &[&str] =
    &["node", "npm-packages", "chromium", "python3", "git", "check-jsonschema", "libreoffice", "pdfinfo"];

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-env-changed=GUONG_SKIP");
    let values: Vec<String> = TOOLS.iter().map(|tool| format!("\"{tool}\"")).collect();
    println!("cargo::rustc-check-cfg=cfg(skip_tool, values({}))", values.join(", "));
    let asked = std::env::var("GUONG_SKIP").unwrap_or_default();
    for name in asked.split([',', ' ']).map(str::trim).filter(|name| !name.is_empty()) {
        let skipped: &[&str] = if name == "all" { TOOLS } else { &[name] };
        for tool in skipped {
            if TOOLS.contains(tool) {
                println!("cargo::rustc-cfg=skip_tool=\"{tool}\"");
            } else {
                println!("cargo::warning=GUONG_SKIP names `{tool}`, which no test needs; known: {}", TOOLS.join(", "));
            }
        }
    }
}
