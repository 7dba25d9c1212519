//! The benchmark corpus generator (`bench/gen_corpus.py`): what it writes is a valid site
//! that `guong check` passes without a warning, with the variety real sites have, the same
//! for the same arguments, and its Hugo twin holds the same pages.

mod common;

use std::path::Path;
use std::process::Command;

use common::tools::tool_test;
use common::{TempSite, diagnostics, snapshot};

fn generate(models: usize, out: &Path, flavor: &str) {
    let output = Command::new("python3")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("bench/gen_corpus.py"))
        .args(["--models", &models.to_string(), "--flavor", flavor, "--out"])
        .arg(out)
        .output()
        .expect("run python3");
    assert!(output.status.success(), "gen_corpus.py failed:\n{}", String::from_utf8_lossy(&output.stderr));
}

tool_test! {
    fn generated_site_checks_without_error_or_warning() needs ["python3"] {
        let site = TempSite::empty();
        generate(420, &site.dir, "guong");
        let run = site.run(&["check", "--format", "json"]);
        assert_eq!(diagnostics(&run), vec![], "{}", run.stderr);
        assert_eq!(run.code, 0);
        let files = snapshot(&site.dir);
        let models: Vec<String> = files
            .iter()
            .filter(|(path, _)| path.starts_with("content/mo-hinh/"))
            .map(|(_, bytes)| String::from_utf8(bytes.clone()).unwrap())
            .collect();
        assert_eq!(models.len(), 420);
        for wanted in ["approach: xay_moi", "approach: cung_co", "approach: nhan_rong", "status: hoan_thanh",
            "status: loai_bo", "subject:\n  type: ca_nhan", "recognition:", "cd-202"]
        {
            assert!(models.iter().any(|text| text.contains(wanted)), "no model with `{wanted}`");
        }
        let registry = site.read("content/to-chuc.yml");
        for kind in ["dang_bo_co_so", "chi_bo_co_so", "dang_bo_bo_phan", "chi_bo_truc_thuoc"] {
            assert!(registry.contains(&format!("kind: {kind}")), "no unit of kind {kind}");
        }
        let reports = files.keys().filter(|path| path.starts_with("content/bao-cao/")).count();
        assert_eq!(reports, 5 * 5, "five base units, five periods due by as_of (2022–2024 H1)");
    }
}

tool_test! {
    fn generator_is_deterministic_and_hugo_twin_has_the_same_pages() needs ["python3"] {
        let (first, second, hugo) = (TempSite::empty(), TempSite::empty(), TempSite::empty());
        generate(30, &first.dir, "guong");
        generate(30, &second.dir, "guong");
        generate(30, &hugo.dir, "hugo");
        assert_eq!(snapshot(&first.dir), snapshot(&second.dir));
        let model = first.read("content/mo-hinh/dbcs-0001/mh-000007.md");
        let twin = hugo.read("content/mo-hinh/mh-000007.md");
        let body = |text: &str| text.splitn(3, "---\n").nth(2).unwrap().to_owned();
        assert_eq!(body(&model), body(&twin));
        let title = model.lines().find(|line| line.starts_with("title: ")).unwrap();
        assert!(twin.contains(title), "{title}");
        let pages = snapshot(&hugo.dir).keys().filter(|path| path.starts_with("content/mo-hinh/mh-")).count();
        assert_eq!(pages, 30);
    }
}
