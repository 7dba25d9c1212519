use super::*;

/// A site root with one model, one registry and a file outside `content/`.
fn site(name: &str) -> PathBuf {
    let root = std::env::temp_dir().join(format!("guong-backend-{name}-{}", std::process::id()));
    let _ = fs::remove_dir_all(&root);
    for (path, text) in [
        ("site.yml", "title: T\n"),
        ("content/to-chuc.yml", "units: []\n"),
        ("content/mo-hinh/db-a/mh-mot.md", "---\ntype: mo_hinh\nid: mh-mot\n---\n## 1. Nội dung học tập Bác\n"),
        ("content/mo-hinh/.an.md", "hidden"),
        ("content/bao-cao/bc-a-2023-ca-nam.md", "---\ntype: bao_cao\n---\n"),
        ("static/tep/anh.png", "PNG"),
    ] {
        let full = root.join(path);
        fs::create_dir_all(full.parent().unwrap()).unwrap();
        fs::write(full, text).unwrap();
    }
    root
}

fn call(backend: &LocalBackend, body: Value) -> Answer {
    backend.answer(body.to_string().as_bytes())
}

fn ok(answer: Answer) -> Answer {
    assert_eq!(answer.status, 200, "{}", answer.body);
    answer
}

#[test]
fn lists_reads_and_describes_entries() {
    let root = site("read");
    let backend = LocalBackend::new(&root, "static/tep");
    let info = ok(call(&backend, json!({"action": "info"}))).body;
    assert_eq!((&info["type"], &info["publish_modes"]), (&json!("local_fs"), &json!(["simple"])));

    let params = json!({"branch": "main", "folder": "content/mo-hinh", "extension": "md", "depth": 10});
    let listed = ok(call(&backend, json!({"action": "entriesByFolder", "params": params}))).body;
    let paths: Vec<_> = listed.as_array().unwrap().iter().map(|e| e["file"]["path"].clone()).collect();
    assert_eq!(paths, [json!("content/mo-hinh/db-a/mh-mot.md")], "hidden files are never listed");
    assert!(listed[0]["data"].as_str().unwrap().starts_with("---\ntype: mo_hinh"));
    let shallow = json!({"branch": "main", "folder": "content/mo-hinh", "extension": "md", "depth": 1});
    assert_eq!(ok(call(&backend, json!({"action": "entriesByFolder", "params": shallow}))).body, json!([]));

    let files = json!({"branch": "main", "files": [{"path": "content/to-chuc.yml", "label": "Tổ chức"}, {"path": "content/danh-muc.yml"}]});
    let read = ok(call(&backend, json!({"action": "entriesByFiles", "params": files}))).body;
    assert_eq!(read[0]["data"], "units: []\n");
    assert_eq!(read[0]["file"]["label"], "Tổ chức");
    assert_eq!((&read[1]["data"], &read[1]["file"]["id"]), (&Value::Null, &Value::Null), "absent file");

    let media =
        ok(call(&backend, json!({"action": "getMedia", "params": {"branch": "main", "mediaFolder": "static/tep"}})));
    assert_eq!(media.body[0]["content"], base64::encode(b"PNG"));
    assert_eq!(media.body[0]["name"], "anh.png");
    let preview = ok(call(&backend, json!({"action": "getDeployPreview", "params": {"branch": "main"}})));
    assert_eq!(preview.body, Value::Null);
    fs::remove_dir_all(&root).unwrap();
}

/// A repository may hold links at the names of the temporary files an edit writes through:
/// they are passed over, never followed, and never removed.
#[cfg(unix)]
#[test]
fn writes_through_none_of_the_links_a_repository_plants_at_temporary_names() {
    let root = site("planted");
    let victim = root.join("victim.txt");
    fs::write(&victim, "untouched").unwrap();
    let planted = |folder: &str, name: &str| {
        let names = (0..3).map(|attempt| format!(".{name}.{}-{attempt}.guong-tmp", std::process::id()));
        for link in names.chain([format!(".{name}.guong-tmp")]) {
            std::os::unix::fs::symlink(&victim, root.join(folder).join(link)).unwrap();
        }
    };
    planted("content/mo-hinh/db-a", "mh-mot.md");
    planted("static/tep", "anh.png");
    let backend = LocalBackend::new(&root, "static/tep");
    let entry = json!({"slug": "mh-mot", "path": "content/mo-hinh/db-a/mh-mot.md", "raw": "---\nid: mh-mot\n---\n"});
    let params = json!({"branch": "main", "entry": entry, "assets": [], "options": {"commitMessage": "m", "useWorkflow": false, "status": ""}});
    ok(call(&backend, json!({"action": "persistEntry", "params": params})));
    let asset = json!({"path": "static/tep/anh.png", "content": "eA==", "encoding": "base64"});
    ok(call(
        &backend,
        json!({"action": "persistMedia", "params": {"branch": "main", "asset": asset, "options": {"commitMessage": "m"}}}),
    ));
    assert_eq!(fs::read_to_string(&victim).unwrap(), "untouched");
    for (path, text) in [("content/mo-hinh/db-a/mh-mot.md", "---\nid: mh-mot\n---\n"), ("static/tep/anh.png", "x")] {
        assert!(fs::symlink_metadata(root.join(path)).unwrap().is_file(), "{path} is a file, not a link");
        assert_eq!(fs::read_to_string(root.join(path)).unwrap(), text);
    }
    let links = WalkDir::new(&root).into_iter().flatten().filter(|e| e.path_is_symlink()).count();
    assert_eq!(links, 8, "the planted links are left alone");
    fs::remove_dir_all(&root).unwrap();
}

#[test]
fn writes_entries_and_media_and_reports_what_changed() {
    let root = site("write");
    let backend = LocalBackend::new(&root, "static/tep");
    let entry =
        json!({"slug": "mh-hai", "path": "content/mo-hinh/mh-hai.md", "raw": "---\ntype: mo_hinh\nid: mh-hai\n---\n"});
    let params = json!({"branch": "main", "dataFiles": [entry], "assets": [
        {"path": "static/tep/so-do.png", "content": base64::encode(b"\x89PNG"), "encoding": "base64"}
    ], "options": {"commitMessage": "Tạo mh-hai", "useWorkflow": false, "status": ""}});
    let answer = ok(call(&backend, json!({"action": "persistEntry", "params": params})));
    assert_eq!(answer.changed, ["content/mo-hinh/mh-hai.md", "static/tep/so-do.png"]);
    assert_eq!(
        fs::read_to_string(root.join("content/mo-hinh/mh-hai.md")).unwrap(),
        "---\ntype: mo_hinh\nid: mh-hai\n---\n"
    );
    assert_eq!(fs::read(root.join("static/tep/so-do.png")).unwrap(), b"\x89PNG");

    let moved = json!({"slug": "mh-hai", "path": "content/mo-hinh/mh-hai.md", "newPath": "content/mo-hinh/db-a/mh-hai.md", "raw": "x"});
    let params = json!({"branch": "main", "entry": moved, "assets": [], "options": {"commitMessage": "m", "useWorkflow": false, "status": ""}});
    let answer = ok(call(&backend, json!({"action": "persistEntry", "params": params})));
    assert_eq!(answer.changed, ["content/mo-hinh/db-a/mh-hai.md", "content/mo-hinh/mh-hai.md"]);
    assert!(!root.join("content/mo-hinh/mh-hai.md").exists());

    let asset = json!({"path": "static/tep/a.txt", "content": "eA==", "encoding": "base64"});
    let saved = ok(call(
        &backend,
        json!({"action": "persistMedia", "params": {"branch": "main", "asset": asset, "options": {"commitMessage": "m"}}}),
    ));
    assert_eq!(saved.body["content"], "eA==");
    let delete = json!({"branch": "main", "paths": ["static/tep/a.txt", "content/mo-hinh/db-a/mh-hai.md"], "options": {"commitMessage": "x"}});
    ok(call(&backend, json!({"action": "deleteFiles", "params": delete})));
    assert!(!root.join("static/tep/a.txt").exists() && !root.join("content/mo-hinh/db-a/mh-hai.md").exists());
    fs::remove_dir_all(&root).unwrap();
}

#[test]
fn refuses_paths_outside_content_hidden_paths_and_bad_ids() {
    let root = site("refuse");
    #[cfg(unix)]
    std::os::unix::fs::symlink(std::env::temp_dir(), root.join("content/mo-hinh/ra-ngoai")).unwrap();
    let backend = LocalBackend::new(&root, "static/tep");
    for path in [
        "site.yml",
        "../ngoai.md",
        "content/../site.yml",
        "/etc/passwd",
        "content/mo-hinh/../../site.yml",
        "content/mo-hinh/.an.md",
        "content/mo-hinh/.git/config",
        "content/mo-hinh/MH Sai.md",
        "content/mo-hinh/mh-mot.yml",
        "content/khac/mh-mot.md",
        "content/mo-hinh/ra-ngoai/mh-thoat.md",
        "templates/base.html",
        "static/tep/con/a.png",
        "static/tep/.an",
    ] {
        let entry = json!({"slug": "x", "path": path, "raw": "x"});
        let params = json!({"branch": "main", "entry": entry, "assets": [], "options": {"commitMessage": "m", "useWorkflow": false, "status": ""}});
        let answer = call(&backend, json!({"action": "persistEntry", "params": params}));
        assert_eq!(answer.status, 403, "{path}: {}", answer.body);
        assert!(answer.body["error"].as_str().unwrap().starts_with("Không được phép"), "{path}");
        let read = call(&backend, json!({"action": "getEntry", "params": {"branch": "main", "path": path}}));
        assert_eq!(read.status, 403, "{path}");
        let delete = call(
            &backend,
            json!({"action": "deleteFile", "params": {"branch": "main", "path": path, "options": {"commitMessage": "x"}}}),
        );
        assert_eq!(delete.status, 403, "{path}");
    }
    assert_eq!(fs::read_to_string(root.join("site.yml")).unwrap(), "title: T\n");
    let listing = json!({"branch": "main", "folder": "content/../", "extension": "yml", "depth": 3});
    assert_eq!(call(&backend, json!({"action": "entriesByFolder", "params": listing})).status, 403);
    let media = json!({"branch": "main", "mediaFolder": "content"});
    assert_eq!(call(&backend, json!({"action": "getMedia", "params": media})).status, 403);
    assert_eq!(call(&backend, json!({"action": "khongCo"})).status, 422);
    assert_eq!(backend.answer(b"not json").status, 422);
    fs::remove_dir_all(&root).unwrap();
}

/// A link inside `content/` (committed by anyone) that leads to a file of the site outside
/// `content/` is neither read nor written through, though it stays inside the root.
#[cfg(unix)]
#[test]
fn refuses_links_from_content_to_the_rest_of_the_site() {
    let root = site("links");
    fs::write(root.join("ghi-chu.txt"), "bí mật").unwrap();
    fs::create_dir_all(root.join("templates")).unwrap();
    fs::write(root.join("templates/bc-mau.md"), "{{ mau }}").unwrap();
    std::os::unix::fs::symlink("../../site.yml", root.join("content/mo-hinh/mh-cau-hinh.md")).unwrap();
    std::os::unix::fs::symlink("../../ghi-chu.txt", root.join("content/mo-hinh/mh-ghi-chu.md")).unwrap();
    std::os::unix::fs::symlink("../../templates", root.join("content/bao-cao/mau")).unwrap();
    std::os::unix::fs::symlink("../../site.yml", root.join("static/tep/cau-hinh.yml")).unwrap();
    std::os::unix::fs::symlink("db-a/mh-mot.md", root.join("content/mo-hinh/mh-lien-ket.md")).unwrap();
    let backend = LocalBackend::new(&root, "static/tep");
    for path in ["content/mo-hinh/mh-cau-hinh.md", "content/mo-hinh/mh-ghi-chu.md", "content/bao-cao/mau/bc-mau.md"] {
        let read = call(&backend, json!({"action": "getEntry", "params": {"branch": "main", "path": path}}));
        assert_eq!(read.status, 403, "{path}: {}", read.body);
        let entry = json!({"slug": "x", "path": path, "raw": "ghi đè"});
        let params = json!({"branch": "main", "entry": entry, "assets": [], "options": {"commitMessage": "m", "useWorkflow": false, "status": ""}});
        let write = call(&backend, json!({"action": "persistEntry", "params": params}));
        assert_eq!(write.status, 403, "{path}: {}", write.body);
    }
    let media = call(
        &backend,
        json!({"action": "getMediaFile", "params": {"branch": "main", "path": "static/tep/cau-hinh.yml"}}),
    );
    assert_eq!(media.status, 403, "{}", media.body);
    assert_eq!(fs::read_to_string(root.join("site.yml")).unwrap(), "title: T\n");
    assert_eq!(fs::read_to_string(root.join("ghi-chu.txt")).unwrap(), "bí mật");
    assert_eq!(fs::read_to_string(root.join("templates/bc-mau.md")).unwrap(), "{{ mau }}");
    let inside = ok(call(
        &backend,
        json!({"action": "getEntry", "params": {"branch": "main", "path": "content/mo-hinh/mh-lien-ket.md"}}),
    ));
    assert!(inside.body["data"].as_str().unwrap().contains("id: mh-mot"), "a link that stays in content/ is followed");
    fs::remove_dir_all(&root).unwrap();
}
