//! A repository is untrusted: a committed link (or folder) where guong keeps its output or
//! its cache of the previous build must never make a build read, empty or write anything
//! outside the site. Each case commits the links, clones the repository fresh and builds
//! the clone, as CI would, from the work tree and with `--rev`.

mod common;
mod git_support;

use std::fs;

use common::snapshot;
use git_support::{Clone, GitSite};

/// The minimal site committed with `links` (path → target) and cloned fresh, with a folder
/// of another project beside the clone (`../other-project` from the clone's site root).
fn clone_with_links(links: &[(&str, &str)]) -> Clone {
    let clone = Clone::minimal_with_links(links);
    clone.temp.write("other-project/src/main.rs", "fn main() {}\n");
    clone.temp.write("other-project/README", "dự án khác\n");
    clone
}

/// The other project's files, to compare before and after a build.
fn other_project(clone: &Clone) -> std::collections::BTreeMap<String, Vec<u8>> {
    snapshot(&clone.temp.dir.join("other-project"))
}

fn is_link(path: &std::path::Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|meta| meta.file_type().is_symlink())
}

#[test]
fn a_committed_link_in_place_of_the_cache_is_refused_and_left_alone() {
    for target in ["../other-project", "ABSOLUTE"] {
        let clone = clone_with_links(&[]);
        let target = if target == "ABSOLUTE" {
            clone.temp.dir.join("other-project").display().to_string()
        } else {
            target.to_owned()
        };
        std::os::unix::fs::symlink(&target, clone.root.join(".public.guong-prev")).unwrap();
        let before = other_project(&clone);
        for args in [&["build"][..], &["build", "--rev", "HEAD"]] {
            let run = clone.run(args);
            assert_eq!(run.code, 2, "{target} {args:?}: {}{}", run.stdout, run.stderr);
            assert!(
                run.stderr.contains(
                    ".public.guong-prev` là một liên kết (symlink); guong chỉ dùng thư mục đệm do chính nó tạo"
                ),
                "{}",
                run.stderr
            );
            assert_eq!(other_project(&clone), before, "{target} {args:?}");
            assert!(is_link(&clone.root.join(".public.guong-prev")), "the link itself is left alone");
            assert!(!clone.root.join("public").exists(), "nothing is built");
        }
    }
}

#[test]
fn the_committed_cache_link_of_a_fresh_clone_is_refused() {
    let clone = clone_with_links(&[(".public.guong-prev", "../other-project")]);
    assert!(is_link(&clone.root.join(".public.guong-prev")), "the clone holds the committed link");
    let before = other_project(&clone);
    for args in [&["build"][..], &["build", "--rev", "HEAD"]] {
        let run = clone.run(args);
        assert_eq!(run.code, 2, "{args:?}: {}{}", run.stdout, run.stderr);
        assert!(run.stderr.contains("là một liên kết (symlink)"), "{}", run.stderr);
        assert_eq!(other_project(&clone), before);
        assert!(!clone.root.join("public").exists());
    }
}

#[test]
fn a_committed_output_link_is_refused() {
    let clone = clone_with_links(&[("public", "../other-project")]);
    let before = other_project(&clone);
    for args in [&["build"][..], &["build", "--rev", "HEAD"]] {
        let run = clone.run(args);
        assert_eq!(run.code, 2, "{args:?}: {}{}", run.stdout, run.stderr);
        assert!(
            run.stderr.contains("/clone/public` là một liên kết (symlink); guong không ghi qua liên kết"),
            "{}",
            run.stderr
        );
        assert_eq!(other_project(&clone), before);
        assert!(is_link(&clone.root.join("public")));
    }
    // A folder on the way to the output counts too.
    let clone = clone_with_links(&[("dist", "../other-project")]);
    let run = clone.run(&["build", "--output", "dist/site"]);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert!(run.stderr.contains("đi qua liên kết"), "{}", run.stderr);
    assert!(!clone.temp.dir.join("other-project/site").exists());
}

#[test]
fn a_folder_guong_did_not_make_in_the_cache_place_is_refused_untouched() {
    let site = GitSite::minimal();
    site.write(".public.guong-prev/ghi-chu.txt", "của người khác\n");
    site.commit("Kẻ tấn công", "2024-05-01", "Thêm thư mục");
    let clone = site.clone_fresh();
    let run = clone.run(&["build"]);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert!(run.stderr.contains("là thư mục không do guong tạo"), "{}", run.stderr);
    assert_eq!(fs::read_to_string(clone.root.join(".public.guong-prev/ghi-chu.txt")).unwrap(), "của người khác\n");
}

#[test]
fn guongs_own_cache_keeps_working_and_an_output_symlinked_elsewhere_never_loses_files() {
    let clone = clone_with_links(&[]);
    for _ in 0..3 {
        let run = clone.run(&["build"]);
        assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    }
    assert!(clone.root.join(".public.guong-prev/.guong-owned").is_file());
    assert!(clone.root.join("public/index.html").is_file());
    assert!(!clone.root.join("public/.guong-owned").exists(), "the marker never reaches the site");

    // An output the user points at a folder of another project through a link is refused
    // on the first build already: the second build would have emptied it.
    let before = other_project(&clone);
    std::os::unix::fs::symlink(clone.temp.dir.join("other-project"), clone.temp.dir.join("out")).unwrap();
    let out = clone.temp.dir.join("out");
    for _ in 0..2 {
        let run = clone.run(&["build", "--output", out.to_str().unwrap()]);
        assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    }
    assert_eq!(other_project(&clone), before);
}

/// A committed output folder is taken for a previous build (it holds a page), and a
/// committed cache folder with guong's marker for guong's cache: links planted where guong
/// writes its own files there (the `.gitignore` of the previous output kept as a cache, the
/// manifest, the search memo) are replaced, never read or written through.
#[test]
fn links_planted_where_guong_writes_its_own_files_are_never_followed() {
    let site = GitSite::minimal();
    site.write("public/index.html", "<!doctype html>cũ\n");
    site.link("public/.gitignore", "../../other-project/README");
    site.write(
        ".public.guong-cache/.guong-owned",
        "guong: bộ nhớ đệm của bản dựng; guong tự tạo, dùng lại và xóa thư mục này\n",
    );
    // The manifest's temporary file is named after the process, which a repository cannot
    // know in advance; `owned::write_new` (unit-tested) treats it like the `.gitignore`.
    site.link(".public.guong-cache/manifest", "../../other-project/src/main.rs");
    // The search index's memo beside it: neither read nor written through.
    site.link(".public.guong-cache/memo-tim-kiem", "../../other-project/README");
    site.commit("Kẻ tấn công", "2024-05-01", "Thêm liên kết");
    let clone = site.clone_fresh();
    clone.temp.write("other-project/src/main.rs", "fn main() {}\n");
    clone.temp.write("other-project/README", "dự án khác\n");
    let before = other_project(&clone);
    for _ in 0..2 {
        let run = clone.run(&["build"]);
        assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
        assert_eq!(other_project(&clone), before);
    }
    assert!(clone.root.join("public/index.html").is_file());
}
