use std::collections::BTreeMap;

use super::*;

/// A tree in memory: path → entry, and the text of each file.
struct Memory(BTreeMap<String, Entry>, BTreeMap<String, String>);

fn tree(entries: &[(&str, &str)]) -> Memory {
    let mut map = BTreeMap::new();
    let mut texts = BTreeMap::new();
    for (path, what) in entries {
        texts.insert((*path).to_owned(), (*what).to_owned());
        let entry = match *what {
            "dir" => Entry::Folder,
            "fifo" => Entry::Special(Special::Fifo),
            target if target.starts_with("->") => Entry::Link { target: target[2..].trim().to_owned() },
            text => Entry::File { size: text.len() as u64 },
        };
        map.insert((*path).to_owned(), entry);
    }
    Memory(map, texts)
}

impl Tree for Memory {
    fn entry(&self, path: &str) -> io::Result<Entry> {
        Ok(self.0.get(path).cloned().unwrap_or(Entry::Missing))
    }

    fn children(&self, path: &str) -> io::Result<Children> {
        let prefix = if path.is_empty() { String::new() } else { format!("{path}/") };
        Ok(self
            .0
            .iter()
            .filter_map(|(p, e)| {
                p.strip_prefix(&prefix).filter(|rest| !rest.contains('/')).map(|n| (n.to_owned(), e.clone()))
            })
            .collect())
    }

    fn read(&self, path: &str, _limit: u64) -> io::Result<Vec<u8>> {
        Ok(self.1[path].as_bytes().to_vec())
    }

    fn relative_target(&self, absolute: &str) -> Option<String> {
        absolute.strip_prefix("/site/").map(str::to_owned)
    }
}

fn site() -> Memory {
    tree(&[
        ("content", "dir"),
        ("content/a.md", "aaaa"),
        ("content/lon.md", "0123456789"),
        ("content/mo-hinh", "dir"),
        ("content/mo-hinh/b.md", "bb"),
        ("content/mo-hinh/len.md", "-> ../a.md"),
        ("content/mo-hinh/abs.md", "-> /site/content/a.md"),
        ("content/mo-hinh/etc.md", "-> ../../../etc/passwd"),
        ("content/mo-hinh/root-abs.md", "-> /etc/passwd"),
        ("content/mo-hinh/git.md", "-> ../../.git/config"),
        ("content/mo-hinh/via-hidden.md", "-> ../.an/../a.md"),
        ("content/mo-hinh/loop.md", "-> loop.md"),
        ("content/mo-hinh/nowhere.md", "-> khong-co.md"),
        ("content/mo-hinh/fifo", "fifo"),
        ("content/mo-hinh/.an.md", "x"),
        ("content/.an", "dir"),
        ("content/chung", "-> ../chia-se"),
        ("content/lai", "-> mo-hinh"),
        ("content/goc", "-> .."),
        ("chia-se", "dir"),
        ("chia-se/c.md", "c"),
        (".git", "dir"),
        (".git/config", "token"),
        ("static", "-> ../etc"),
        ("templates", "-> .git"),
        ("theme", "-> chia-se"),
    ])
}

#[test]
fn links_resolve_inside_the_root_only() {
    let t = site();
    let ok = |path: &str| resolve(&t, path).map(|r| r.path);
    assert_eq!(ok("content/a.md"), Ok("content/a.md".into()));
    assert_eq!(ok("content/mo-hinh/len.md"), Ok("content/a.md".into()));
    assert_eq!(ok("content/mo-hinh/abs.md"), Ok("content/a.md".into()));
    assert_eq!(ok("content/chung/c.md"), Ok("chia-se/c.md".into()));
    assert_eq!(ok("content/mo-hinh/etc.md"), Err(Refusal::Outside));
    assert_eq!(ok("content/mo-hinh/root-abs.md"), Err(Refusal::Outside));
    assert_eq!(ok("content/mo-hinh/git.md"), Err(Refusal::Hidden));
    assert_eq!(ok("content/mo-hinh/via-hidden.md"), Err(Refusal::Hidden));
    assert_eq!(ok("content/mo-hinh/loop.md"), Err(Refusal::Loop));
    assert_eq!(ok("content/mo-hinh/nowhere.md"), Err(Refusal::Missing));
    assert_eq!(ok("content/mo-hinh/fifo"), Err(Refusal::Special(Special::Fifo)));
    assert_eq!(ok("content/a.md/x"), Err(Refusal::Invalid));
    assert_eq!(ok("static"), Err(Refusal::Outside));
    assert_eq!(ok(".git/config"), Err(Refusal::Hidden));
    for bad in ["../site.yml", "content/../../x", "/etc/passwd", "content\\a.md"] {
        assert_eq!(ok(bad), Err(Refusal::Invalid), "{bad}");
    }
}

#[test]
fn a_listing_reads_what_resolves_inside_and_reports_the_rest() {
    let t = site();
    let listing = list(&t, "content", 4).unwrap();
    let files: Vec<(&str, &[u8])> = listing.files.iter().map(|f| (f.path.as_str(), f.bytes.as_slice())).collect();
    assert_eq!(
        files,
        [
            ("content/a.md", &b"aaaa"[..]),
            ("content/chung/c.md", b"c"),
            ("content/mo-hinh/abs.md", b"aaaa"),
            ("content/mo-hinh/b.md", b"bb"),
            ("content/mo-hinh/len.md", b"aaaa"),
        ]
    );
    let skipped: Vec<(&str, &Skip)> = listing.skipped.iter().map(|s| (s.path.as_str(), &s.reason)).collect();
    let link = |target: &str, refusal| Skip::Link { target: target.into(), refusal };
    assert_eq!(
        skipped,
        [
            ("content/goc", &Skip::LinkToListed { target: "..".into() }),
            ("content/lai", &Skip::LinkToListed { target: "mo-hinh".into() }),
            ("content/lon.md", &Skip::TooLarge { size: 10, limit: 4 }),
            ("content/mo-hinh/etc.md", &link("../../../etc/passwd", Refusal::Outside)),
            ("content/mo-hinh/fifo", &Skip::Special(Special::Fifo)),
            ("content/mo-hinh/git.md", &link("../../.git/config", Refusal::Hidden)),
            ("content/mo-hinh/loop.md", &link("loop.md", Refusal::Loop)),
            ("content/mo-hinh/nowhere.md", &link("khong-co.md", Refusal::Missing)),
            ("content/mo-hinh/root-abs.md", &link("/etc/passwd", Refusal::Outside)),
            ("content/mo-hinh/via-hidden.md", &link("../.an/../a.md", Refusal::Hidden)),
        ]
    );
}

#[test]
fn site_folders_that_are_links_are_refused_or_followed_by_where_they_lead() {
    let t = site();
    assert_eq!(
        list(&t, "static", 10).unwrap_err(),
        FolderRefused { folder: "static".into(), refusal: Refusal::Outside }
    );
    assert_eq!(list(&t, "templates", 10).unwrap_err().refusal, Refusal::Hidden);
    let theme = list(&t, "theme", 100).unwrap();
    assert_eq!(theme.files.iter().map(|f| f.path.as_str()).collect::<Vec<_>>(), ["theme/c.md"]);
    assert_eq!(list(&t, "khong-co", 10).unwrap(), Listing::default());
}

#[test]
fn a_single_read_follows_the_same_rules_and_checks_the_size_first() {
    let t = site();
    assert_eq!(read(&t, "content/mo-hinh/len.md", 10).unwrap(), b"aaaa");
    assert_eq!(read(&t, "content/mo-hinh/len.md", 3), Err(Refusal::TooLarge { size: 4, limit: 3 }));
    assert_eq!(read(&t, "content/mo-hinh/git.md", 10), Err(Refusal::Hidden));
    assert_eq!(read(&t, "content/mo-hinh", 10), Err(Refusal::Missing));
    assert_eq!(read(&t, "khong-co.md", 10), Err(Refusal::Missing));
}
