//! Incremental builds: after an edit of any kind, a build that keeps the pages whose
//! fingerprint did not change writes exactly the tree a build from scratch writes, on the
//! sample site (`content/`) and on a generated site of 200 models; `--no-cache`, a
//! corrupt, foreign or outdated cache, a damaged search memo, and the summary line.

mod common;

use std::fs;
use std::path::Path;
use std::process::Command;

use common::tools::tool_test;
use common::{Run, TempSite, copy_dir, snapshot};

/// Pages rendered and kept, read from the summary line ("trang: N dựng lại, M dùng lại").
fn counts(run: &Run) -> (usize, usize) {
    assert_eq!(run.code, 0, "{}\n{}", run.stdout, run.stderr);
    let tail = run.stdout.split("(trang: ").nth(1).unwrap_or_else(|| panic!("no counts: {}", run.stdout));
    let (rendered, rest) = tail.split_once(" dựng lại, ").unwrap();
    let kept = rest.split_once(" dùng lại)").unwrap().0;
    (rendered.parse().unwrap(), kept.parse().unwrap())
}

/// Builds `public` incrementally and `scratch` from nothing, and asserts the two trees are
/// byte-identical; returns the incremental build's counts.
fn build_and_compare(site: &TempSite, what: &str) -> (usize, usize) {
    let incremental = site.run(&["build"]);
    let counted = counts(&incremental);
    let _ = fs::remove_dir_all(site.dir.join("scratch"));
    let _ = fs::remove_dir_all(site.dir.join(".scratch.guong-cache"));
    let scratch = site.run(&["build", "--no-cache", "--output", "scratch"]);
    assert_eq!(scratch.code, 0, "{}", scratch.stderr);
    let (kept, fresh) = (snapshot(&site.dir.join("public")), snapshot(&site.dir.join("scratch")));
    assert_eq!(kept.keys().collect::<Vec<_>>(), fresh.keys().collect::<Vec<_>>(), "{what}: other files");
    for (path, bytes) in &kept {
        assert!(bytes == &fresh[path], "{what}: {path} differs from a build from scratch");
    }
    counted
}

/// A copy of the repository's own sample site.
fn sample_site() -> TempSite {
    let site = TempSite::empty();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    copy_dir(&repo.join("content"), &site.dir.join("content"));
    fs::copy(repo.join("site.yml"), site.dir.join("site.yml")).unwrap();
    site
}

fn edit(site: &TempSite, path: &str, from: &str, to: &str) {
    let text = site.read(path);
    assert!(text.contains(from), "{path} holds no `{from}`");
    site.write(path, &text.replacen(from, to, 1));
}

/// The files under `dir` that `wanted` picks, with their inode: a file kept from the previous
/// output is linked (same inode); one made again is a new file, unless the build's starting
/// copy (`.public.guong-prev`) already held the same bytes.
fn inodes(dir: &Path, wanted: fn(&str) -> bool) -> Vec<(String, u64)> {
    use std::os::unix::fs::MetadataExt;
    let mut files: Vec<(String, u64)> = snapshot(dir)
        .into_keys()
        .filter(|path| wanted(path))
        .map(|path| {
            let inode = fs::metadata(dir.join(&path)).unwrap().ino();
            (path, inode)
        })
        .collect();
    files.sort();
    files
}

fn is_document(path: &str) -> bool {
    path.ends_with(".docx") || path.ends_with(".xlsx")
}

fn is_search_index(path: &str) -> bool {
    path.starts_with("tim-kiem/")
}

fn is_bigram_shard(path: &str) -> bool {
    path.starts_with("tim-kiem/bigrams/")
}

const MODEL: &str = "content/mo-hinh/truong-thpt/mh-goc-hoc-tap-bac-ho.md";
const REPORT: &str = "content/bao-cao/cuc-thue/bc-db-cuc-thue-2022-ca-nam.md";

#[test]
fn every_kind_of_edit_gives_the_tree_of_a_build_from_scratch() {
    let site = sample_site();
    let first = counts(&site.run(&["build"]));
    assert_eq!(first.1, 0, "nothing to keep on a first build");
    let pages = first.0;
    let public = site.dir.join("public");
    let documents = inodes(&public, is_document);
    assert!(documents.iter().any(|(p, _)| p.ends_with(".xlsx")) && documents.iter().any(|(p, _)| p.ends_with(".docx")));
    let index = inodes(&public, is_search_index);
    assert!(index.iter().any(|(p, _)| p == "tim-kiem/meta.json") && index.len() > 5);
    assert_eq!(build_and_compare(&site, "no edit"), (0, pages), "an unchanged site renders no page");
    assert_eq!(inodes(&public, is_document), documents, "an unchanged site writes no Word or Excel file");
    assert_eq!(inodes(&public, is_search_index), index, "an unchanged site keeps its search index");
    let meta = site.read("public/tim-kiem/meta.json");

    let bigrams = inodes(&public, is_bigram_shard);
    // Without the previous build's copy, a file shares its inode with the output's only when
    // it was kept (linked), not when it was made again.
    fs::remove_dir_all(site.dir.join(".public.guong-prev")).unwrap();
    edit(&site, MODEL, "title: \"Góc học tập Bác Hồ", "title: \"Góc đọc và học tập Bác Hồ");
    let (rendered, kept) = build_and_compare(&site, "model title");
    // The index is made again, but a bigram shard none of whose entries changed is kept.
    let after = inodes(&public, is_bigram_shard);
    let same = after.iter().filter(|file| bigrams.contains(file)).count();
    assert!(same > 0 && same < after.len(), "{same} of {} bigram shards kept", after.len());
    assert!(rendered > 0 && kept > pages / 2, "a title shows on a few pages: {rendered} rendered, {kept} kept");
    let page = site.read("public/mo-hinh/mh-goc-hoc-tap-bac-ho/index.html");
    assert!(page.contains("Góc đọc và học tập Bác Hồ"));
    assert_ne!(site.read("public/tim-kiem/meta.json"), meta, "a title is searched: the index is made again");

    edit(&site, "content/to-chuc.yml", "name: \"Đảng bộ Cục Thuế tỉnh\"", "name: \"Đảng bộ Cục Thuế tỉnh Phú Yên\"");
    let (rendered, _) = build_and_compare(&site, "unit name");
    assert!(rendered > 0);

    edit(
        &site,
        "content/danh-muc.yml",
        "label: \"Cải cách hành chính, nâng cao",
        "label: \"Cải cách hành chính mạnh mẽ, nâng cao",
    );
    build_and_compare(&site, "catalog label");
    assert!(site.read("public/nhom/cai-cach-hanh-chinh/index.html").contains("Cải cách hành chính mạnh mẽ"));

    edit(&site, REPORT, "        value: 96\n", "        value: 97\n");
    let (rendered, kept) = build_and_compare(&site, "report values");
    assert!(rendered > 0 && kept > 0);

    let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates/base.html");
    let theme = fs::read_to_string(base).unwrap();
    assert!(theme.contains("</body>"));
    let index = inodes(&public, is_search_index);
    site.write("templates/base.html", &theme.replacen("</body>", "<!-- sửa mẫu -->\n</body>", 1));
    let (_, kept) = build_and_compare(&site, "template");
    assert_eq!(kept, 0, "every page sees the theme");
    assert!(site.read("public/index.html").contains("<!-- sửa mẫu -->"));
    assert_eq!(inodes(&public, is_search_index), index, "the search index does not read the theme");

    // A model withdrawn with the one report entry citing it (its last entry).
    let cited = "content/bao-cao/cuc-thue/bc-db-cuc-thue-2026-sau-thang.md";
    let text = site.read(cited);
    let (head, tail) = text.split_once("  - model: mh-van-phong-so\n").expect("the report cites the model");
    site.write(cited, &format!("{head}{}", &tail[tail.find("difficulties:").unwrap()..]));
    site.remove("content/mo-hinh/cuc-thue/mh-van-phong-so.md");
    build_and_compare(&site, "deletion");
    assert!(!site.dir.join("public/mo-hinh/mh-van-phong-so").exists());
    assert!(site.dir.join("public/mo-hinh/mh-so-hoa-luu-tru-ho-so/index.html").is_file());

    site.remove("content/trang/huong-dan.md");
    let guide = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("content/trang/huong-dan.md")).unwrap();
    site.write("content/trang/cach-dung.md", &guide);
    build_and_compare(&site, "rename");
    assert!(site.dir.join("public/trang/cach-dung/index.html").is_file());
    assert!(!site.dir.join("public/trang/huong-dan").exists());
}

#[test]
fn no_cache_and_an_untrusted_cache_render_every_page() {
    let site = sample_site();
    let pages = counts(&site.run(&["build"])).0;
    assert_eq!(counts(&site.run(&["build", "--no-cache"])), (pages, 0));
    // `--no-cache` still leaves a cache for the next build.
    assert_eq!(counts(&site.run(&["build"])), (0, pages));

    let manifest = site.dir.join(".public.guong-cache/manifest");
    let text = fs::read_to_string(&manifest).unwrap();
    // From another guong (or another build of it).
    let other = text.lines().enumerate().map(|(i, l)| if i == 1 { "build 0.0.0 1 1" } else { l }).collect::<Vec<_>>();
    fs::write(&manifest, other.join("\n")).unwrap();
    assert_eq!(counts(&site.run(&["build"])), (pages, 0), "a cache from another guong");
    fs::write(&manifest, "rác\n").unwrap();
    assert_eq!(counts(&site.run(&["build"])), (pages, 0), "a corrupt cache");
    fs::remove_dir_all(site.dir.join(".public.guong-cache")).unwrap();
    assert_eq!(counts(&site.run(&["build"])), (pages, 0), "no cache");
    assert_eq!(counts(&site.run(&["build"])), (0, pages));

    // A page edited by hand in the output is not the file the cache describes.
    let home = site.dir.join("public/index.html");
    let original = fs::read(&home).unwrap();
    fs::write(&home, b"sua tay").unwrap();
    assert_eq!(counts(&site.run(&["build"])), (1, pages - 1));
    assert_eq!(fs::read(&home).unwrap(), original);
    assert_eq!(site.read(".public.guong-cache/.gitignore"), "*\n");
}

#[test]
fn a_damaged_or_linked_search_memo_changes_nothing() {
    let site = sample_site();
    counts(&site.run(&["build"]));
    let memo = site.dir.join(".public.guong-cache/memo-tim-kiem");
    let good = fs::read(&memo).expect("the search index keeps its memo in the cache");
    assert!(good.starts_with(b"guong-search-terms 1\n"));

    // Entries damaged here and there: the documents are read again.
    let mut damaged = good.clone();
    for at in (good.len() / 4..good.len() / 2).step_by(97) {
        damaged[at] ^= 0x55;
    }
    fs::write(&memo, &damaged).unwrap();
    edit(&site, MODEL, "title: \"Góc học tập Bác Hồ", "title: \"Góc đọc và học tập Bác Hồ");
    build_and_compare(&site, "damaged memo");

    // A link in the memo's place is neither read nor written through.
    let other = TempSite::empty();
    other.write("memo", "của dự án khác\n");
    fs::remove_file(&memo).unwrap();
    std::os::unix::fs::symlink(other.dir.join("memo"), &memo).unwrap();
    edit(&site, MODEL, "title: \"Góc đọc và học tập Bác Hồ", "title: \"Góc học tập Bác Hồ");
    build_and_compare(&site, "linked memo");
    assert_eq!(other.read("memo"), "của dự án khác\n");
    assert!(fs::symlink_metadata(&memo).unwrap().is_file(), "the link was replaced by a new memo");
}

#[test]
fn a_cache_place_that_is_not_guongs_is_refused_untouched() {
    let site = sample_site();
    let other = TempSite::empty();
    other.write("giu-nguyen.txt", "của dự án khác\n");
    std::os::unix::fs::symlink(&other.dir, site.dir.join(".public.guong-cache")).unwrap();
    let run = site.run(&["build"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains(".public.guong-cache` là một liên kết (symlink)"), "{}", run.stderr);
    assert_eq!(snapshot(&other.dir).len(), 1);
    fs::remove_file(site.dir.join(".public.guong-cache")).unwrap();

    site.write(".public.guong-cache/ghi-chu.txt", "của người dùng\n");
    let run = site.run(&["build"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("không do guong tạo"), "{}", run.stderr);
    assert_eq!(site.read(".public.guong-cache/ghi-chu.txt"), "của người dùng\n");
}

fn generate(models: usize, out: &Path) {
    let output = Command::new("python3")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("bench/gen_corpus.py"))
        .args(["--models", &models.to_string(), "--flavor", "guong", "--out"])
        .arg(out)
        .output()
        .expect("run python3");
    assert!(output.status.success(), "gen_corpus.py failed:\n{}", String::from_utf8_lossy(&output.stderr));
}

/// The line of `text` that starts with `prefix` once trimmed.
fn line_with(text: &str, prefix: &str) -> String {
    text.lines().find(|l| l.trim_start().starts_with(prefix)).unwrap_or_else(|| panic!("no `{prefix}` line")).to_owned()
}

tool_test! {
    /// A generated site of realistic size (200 models, 11 units, every report due): an edit
    /// of each kind renders a few pages and keeps the rest, and the output stays the tree of
    /// a build from scratch (`bench/build.sh` checks the same at 10,000 models).
    fn a_generated_site_stays_identical_to_a_build_from_scratch_after_every_kind_of_edit() needs ["python3"] {
        let site = TempSite::empty();
        generate(200, &site.dir);
        let pages = counts(&site.run(&["build"])).0;
        let few = |(rendered, kept): (usize, usize), what: &str| {
            assert!(rendered > 0 && rendered < pages / 5 && kept == pages - rendered, "{what}: {rendered} rendered, {kept} kept of {pages}");
        };

        let model = "content/mo-hinh/dbcs-0001/mh-000007.md";
        let title = line_with(&site.read(model), "title: ");
        edit(&site, model, &title, "title: \"Mô hình được sửa tên\"");
        few(build_and_compare(&site, "model title"), "model title");
        assert!(site.read("public/mo-hinh/mh-000007/index.html").contains("Mô hình được sửa tên"));

        edit(&site, "content/to-chuc.yml", "name: \"Đảng bộ đơn vị số 1\"", "name: \"Đảng bộ đơn vị số một\"");
        // Half the generated models are this unit's: their pages show its name.
        let (rendered, kept) = build_and_compare(&site, "unit name");
        assert!(rendered > 0 && kept > 0 && rendered + kept == pages, "unit name: {rendered} rendered, {kept} kept");
        assert!(site.read("public/mo-hinh/mh-000007/index.html").contains("Đảng bộ đơn vị số một"));

        let label = line_with(&site.read("content/danh-muc.yml"), "label: ");
        edit(&site, "content/danh-muc.yml", &label, &label.replacen("label: \"", "label: \"Nhóm sửa: ", 1));
        build_and_compare(&site, "catalog label");

        let reports: Vec<String> = snapshot(&site.dir.join("content/bao-cao")).into_keys().collect();
        let report = format!("content/bao-cao/{}", reports[0]);
        let value = line_with(&site.read(&report), "value: ");
        edit(&site, &report, &value, &format!("{value}1"));
        few(build_and_compare(&site, "report values"), "report values");

        let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/templates/base.html");
        let theme = fs::read_to_string(base).unwrap();
        site.write("templates/base.html", &theme.replacen("</body>", "<!-- sửa mẫu -->\n</body>", 1));
        let (_, kept) = build_and_compare(&site, "template");
        assert_eq!(kept, 0, "every page sees the theme");

        site.remove(&report);
        build_and_compare(&site, "report deletion");
        let report_id = reports[0].rsplit('/').next().unwrap().trim_end_matches(".md");
        assert!(!site.dir.join(format!("public/bao-cao/{report_id}")).exists());

        // A model file moved to another folder (same id, new path) and a page renamed.
        let moved = "content/mo-hinh/dbcs-0002/mh-000007.md";
        site.write(moved, &site.read(model));
        site.remove(model);
        build_and_compare(&site, "model moved");
        let guide = site.read("content/trang/huong-dan.md");
        site.remove("content/trang/huong-dan.md");
        site.write("content/trang/cach-dung.md", &guide);
        build_and_compare(&site, "page renamed");
        assert!(site.dir.join("public/trang/cach-dung/index.html").is_file());
        assert!(!site.dir.join("public/trang/huong-dan").exists());

        // Reports name every generated model: the model added and deleted is a new one.
        let added = "content/mo-hinh/dbcs-0002/mh-900007.md";
        site.write(added, &site.read(moved).replacen("id: mh-000007", "id: mh-900007", 1));
        build_and_compare(&site, "model added");
        assert!(site.dir.join("public/mo-hinh/mh-900007/index.html").is_file());
        site.remove(added);
        build_and_compare(&site, "model deletion");
        assert!(!site.dir.join("public/mo-hinh/mh-900007").exists());
    }
}
