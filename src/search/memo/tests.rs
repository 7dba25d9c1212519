use std::fs;

use super::*;

fn fields<'a>(title: &'a str, body: &'a str) -> Fields<'a> {
    Fields { title, summary: "Dân vận khéo", body, names: vec!["Chi bộ Dân", "mh-a"], topics: vec!["Di chúc"] }
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("guong-memo-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

/// Writes a memo of `docs` at `path` by build `build`, as an index build does.
fn write(path: &Path, build: &str, docs: &[Fields]) {
    let mut memo = Memo::open(path, build, false);
    for doc in docs {
        let key = key(doc);
        let bytes = memo.terms(&key, doc);
        memo.keep(&key, &bytes);
    }
    memo.finish();
}

#[test]
fn terms_read_back_are_the_terms_read() {
    for doc in [
        fields("Đạo đức công vụ", "Học tập\nđạo đức, dân vận khéo.\n\nTiết kiệm"),
        fields("", ""),
        fields(&"ngưỡng ".repeat(300), &"a b c d e f g h ".repeat(500)),
    ] {
        let terms = DocTerms::read(&doc);
        assert_eq!(decode(&encode(&terms)), Some(terms));
    }
}

#[test]
fn damaged_terms_are_refused_never_misread() {
    let doc = fields("Đạo đức công vụ", "dân vận khéo, dân vận");
    let bytes = encode(&DocTerms::read(&doc));
    for cut in 0..bytes.len() {
        assert_eq!(decode(&bytes[..cut]), None, "cut at {cut}");
    }
    assert_eq!(decode(&[bytes.as_slice(), &[0]].concat()), None);
    // A bigram naming a run that is not there.
    let bad = DocTerms { runs: vec![("a", 1)], title: vec![], bigrams: vec![(0, 1, 2)], length: 1 };
    assert_eq!(decode(&encode(&bad)), None);
    let bad = DocTerms { runs: vec![("a", 1)], title: vec![3], bigrams: vec![], length: 1 };
    assert_eq!(decode(&encode(&bad)), None);
}

#[test]
fn the_key_changes_with_every_field() {
    let base = fields("Đạo đức", "thân");
    let mut others = vec![fields("Đạo đức ", "thân"), fields("Đạo đức", "thân ")];
    others.push(Fields { summary: "", ..base.clone() });
    others.push(Fields { names: vec!["Chi bộ Dânmh-a"], ..base.clone() });
    others.push(Fields { names: vec!["Chi bộ Dân", "mh-a", ""], ..base.clone() });
    others.push(Fields { topics: vec![], names: vec!["Chi bộ Dân", "mh-a", "Di chúc"], ..base.clone() });
    for other in &others {
        assert_ne!(key(&base), key(other), "{other:?}");
    }
    assert_eq!(key(&base), key(&base.clone()));
}

#[test]
fn a_memo_serves_the_same_fields_of_the_same_build_only() {
    let dir = scratch("reuse");
    let path = dir.join("memo");
    let (a, b) = (fields("Một cửa", "thân thiện"), fields("Tiết kiệm", "điện, nước"));
    write(&path, "build 1", &[a.clone(), b.clone()]);
    let names: Vec<String> =
        fs::read_dir(&dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
    assert_eq!(names, ["memo"], "no temporary file is left");

    let memo = Memo::open(&path, "build 1", true);
    let table = &memo.previous.as_ref().expect("read").table;
    assert_eq!(table.len(), 2);
    assert_eq!(memo.terms(&key(&b), &b), encode(&DocTerms::read(&b)));
    assert!(memo.previous.as_ref().unwrap().get(&key(&b)).is_some());
    assert!(memo.previous.as_ref().unwrap().get(&key(&fields("Khác", ""))).is_none());
    drop(memo);

    // Another guong build, or a build told not to reuse, reads nothing.
    assert!(Memo::open(&path, "build 2", true).previous.is_none());
    assert!(Memo::open(&path, "build 1", false).previous.is_none());
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_damaged_memo_is_not_read() {
    let dir = scratch("damaged");
    let path = dir.join("memo");
    let a = fields("Một cửa", "thân thiện");
    write(&path, "b", std::slice::from_ref(&a));
    let good = fs::read(&path).unwrap();
    let header = format!("{FORMAT}\nb\n").len();

    // One byte of the entry changed: the checksum refuses it and the document is read again.
    let mut bytes = good.clone();
    bytes[header + 3] ^= 0x20;
    fs::write(&path, &bytes).unwrap();
    let memo = Memo::open(&path, "b", true);
    assert!(memo.previous.as_ref().unwrap().get(&key(&a)).is_none());
    assert_eq!(memo.terms(&key(&a), &a), encode(&DocTerms::read(&a)));
    drop(memo);

    // Cut short, or grown: the table no longer fits the file.
    for damaged in [&good[..good.len() - 1], &[good.as_slice(), b"x"].concat(), &good[..header]] {
        fs::write(&path, damaged).unwrap();
        assert!(Memo::open(&path, "b", true).previous.is_none());
    }
    // A link in the memo's place is not followed.
    fs::remove_file(&path).unwrap();
    fs::write(dir.join("elsewhere"), &good).unwrap();
    std::os::unix::fs::symlink(dir.join("elsewhere"), &path).unwrap();
    assert!(Memo::open(&path, "b", true).previous.is_none());
    fs::remove_dir_all(&dir).unwrap();
}
