use std::collections::BTreeMap;

use super::*;
use crate::content::load::load;
use crate::parse::markdown::Reading;
use crate::search::shards::file_name;
use crate::source::SourceFile;

fn file(path: &str, text: &str) -> SourceFile {
    SourceFile { path: path.to_owned(), bytes: text.as_bytes().to_vec() }
}

/// A tiny corpus: two base units (one with a chi bộ), three models, one of them retired.
pub(crate) fn corpus() -> Corpus {
    let catalog = "as_of: 2024-12-31\nnhom_mo_hinh:\n  - id: cai-cach-hanh-chinh\n    label: \"Cải cách hành chính\"\n  - id: tiet-kiem-doan-ket\n    label: \"Thực hành tiết kiệm\"\nchuyen_de:\n  - id: tp-dan-van\n    kind: tac_pham\n    title: \"Dân vận\"\n  - id: tp-di-chuc\n    kind: tac_pham\n    title: \"Di chúc\"\n";
    let units = "units:\n  - id: khoi\n    kind: dang_bo_khoi\n    name: \"Đảng bộ Khối\"\n  - id: db-thue\n    kind: dang_bo_co_so\n    name: \"Đảng bộ Cục Thuế\"\n    parent: khoi\n    sector: thue_tai_chinh\n  - id: cb-kiem-tra\n    kind: chi_bo_truc_thuoc\n    name: \"Chi bộ Phòng Kiểm tra\"\n    parent: db-thue\n  - id: cb-benh-vien\n    kind: chi_bo_co_so\n    name: \"Chi bộ Bệnh viện Đa khoa\"\n    parent: khoi\n    sector: y_te\n";
    let model = |id: &str, title: &str, org: &str, group: &str, status: &str, start: &str, topics: &str, body: &str| {
        let retirement = if status == "loai_bo" {
            "retirement:\n  date: 2023-06-30\n  reason: \"Không còn phù hợp với nhiệm vụ mới của đơn vị\"\n"
        } else {
            ""
        };
        file(
            &format!("content/mo-hinh/{id}.md"),
            &format!(
                "---\ntype: mo_hinh\nid: {id}\ntitle: \"{title}\"\norg: {org}\nsubject:\n  type: tap_the\n  name: \"Tập thể {org}\"\ngroup: {group}\napproach: xay_moi\nstatus: {status}\nstart: {start}\nlearning:\n  topics: [{topics}]\n  summary: \"Làm theo lời Bác về dân vận khéo, gần dân, hiểu dân.\"\n{retirement}---\n\n{body}\n"
            ),
        )
    };
    let files = vec![
        file("content/danh-muc.yml", catalog),
        model(
            "mh-dao-duc",
            "Đạo đức công vụ",
            "cb-kiem-tra",
            "cai-cach-hanh-chinh",
            "dang_thuc_hien",
            "2022-03-01",
            "tp-dan-van",
            "## Hiệu quả\n\nĐạo đức, đoàn kết, dẫn đầu.",
        ),
        model(
            "mh-mot-cua",
            "Một cửa thân thiện",
            "db-thue",
            "cai-cach-hanh-chinh",
            "hoan_thanh",
            "2021-05-01",
            "tp-dan-van, tp-di-chuc",
            "Tiết kiệm thời gian của người dân.",
        ),
        model(
            "mh-tiet-kiem",
            "Tiết kiệm điện",
            "cb-benh-vien",
            "tiet-kiem-doan-ket",
            "loai_bo",
            "2022-01-10",
            "tp-di-chuc",
            "Tiết kiệm **điện**, nước.",
        ),
        file("content/to-chuc.yml", units),
    ];
    load(&files, Reading::Publish { base_path: "/" }).corpus
}

/// Every file of the index of `models`, made.
fn made(corpus: &Corpus, models: &[&Model]) -> BTreeMap<String, Vec<u8>> {
    made_with(corpus, models, Memo::none())
}

fn made_with(corpus: &Corpus, models: &[&Model], memo: Memo) -> BTreeMap<String, Vec<u8>> {
    build_index(IndexInputs::read(corpus, models), memo).into_iter().map(|f| (f.path.clone(), f.bytes())).collect()
}

fn built() -> BTreeMap<String, Vec<u8>> {
    let corpus = corpus();
    let models: Vec<&Model> = corpus.models.iter().collect();
    made(&corpus, &models)
}

fn json(files: &BTreeMap<String, Vec<u8>>, path: &str) -> serde_json::Value {
    serde_json::from_slice(files.get(path).unwrap_or_else(|| panic!("{path} is written"))).expect("valid JSON")
}

#[test]
fn writes_meta_facets_shards_and_display_chunks() {
    let files = built();
    for path in [
        "tim-kiem/meta.json",
        "tim-kiem/facets.json",
        "tim-kiem/shards/s-.json",
        "tim-kiem/exact/s-.json",
        "tim-kiem/docs/0.json",
        "tim-kiem/bigrams/s-dao_.json",
    ] {
        assert!(files.contains_key(path), "{path}");
    }
    let meta = json(&files, "tim-kiem/meta.json");
    assert_eq!(meta["n"], 3);
    assert_eq!(meta["chunk"], CHUNK);
    assert_eq!(meta["terms"], serde_json::json!({"leaves": [""], "splits": []}));
    assert_eq!(meta["v"].as_str().map(str::len), Some(16));
}

#[test]
fn syllables_are_folded_with_frequency_levels_and_title_postings() {
    let files = built();
    let shard = json(&files, "tim-kiem/shards/s-.json");
    // "Đạo đức" (doc 0, title, body and id) folds to "dao duc"; with three documents every
    // list is dense: one level a document.
    assert_eq!(shard["t"]["dao"], serde_json::json!({"f": "300", "ti": "100", "bg": 1}));
    assert_eq!(shard["t"]["duc"]["f"], "300");
    // "tiết" is in the body of doc 1 and the title, id and body of doc 2 (dense: shorter here).
    assert_eq!(shard["t"]["tiet"]["f"], serde_json::json!("013"));
    // Org and subject names are searchable: "benh" only in doc 2's unit and subject names.
    assert_eq!(shard["t"]["benh"]["f"], "002");
    // Markup is not indexed, its words are.
    assert_eq!(shard["t"]["dien"]["f"], "002");
    assert!(shard["t"].get("strong").is_none());
}

#[test]
fn spellings_are_kept_apart_for_exact_diacritics() {
    let files = built();
    let exact = json(&files, "tim-kiem/exact/s-.json");
    assert_eq!(exact["t"]["duc"], serde_json::json!({"duc": "100", "đức": "100"}), "title and id of doc 0");
    assert_eq!(exact["t"]["doan"], serde_json::json!({"đoàn": 1}));
    // "dân" (summary of every model) and "dần"… none here; "đoàn" and "doan" would be apart.
    assert_eq!(exact["t"]["dan"], serde_json::json!({"dân": "111", "dẫn": "100"}));
}

#[test]
fn bigrams_of_every_field_carry_the_flags_of_their_fields() {
    let files = built();
    let bigrams = |first: &str| json(&files, &format!("tim-kiem/bigrams/s-{first}_.json"))["t"].clone();
    // Doc 0 has "Đạo đức" in its title (2), its id (4) and its body (16).
    assert_eq!(bigrams("dao")["dao duc"], "m00");
    // Every summary (1) says "dân vận"; "Dân vận" is also the title of a topic (8) of docs 0 and 1.
    assert_eq!(bigrams("dan")["dan van"], serde_json::json!("991"));
    // "Tiết kiệm" in doc 1's body only (16 = "g"), in doc 2's title, id and body (22 = "m").
    assert_eq!(bigrams("tiet")["tiet kiem"], serde_json::json!("0gm"));
    // Body phrases count: "thời gian" is only in doc 1's body.
    assert_eq!(bigrams("thoi")["thoi gian"], "0g0");
    // Names: the unit and its base unit ("Cục Thuế" for the chi bộ of doc 0), the id.
    assert_eq!(bigrams("cuc")["cuc thue"], serde_json::json!("440"));
    assert_eq!(bigrams("mh")["mh mot"], "040");
    // The syllable's entry says its bigrams are in one file.
    let shard = json(&files, "tim-kiem/shards/s-.json");
    assert_eq!(shard["t"]["dao"]["bg"], 1);
    // No pair runs across two blocks of the body ("quả Đạo") or two names.
    assert!(shard["t"]["qua"].get("bg").is_none(), "\"quả\" ends the heading");
}

#[test]
fn subject_unit_names_ids_topics_and_tags_are_searched() {
    let files = built();
    let shard = json(&files, "tim-kiem/shards/s-.json");
    let docs = |term: &str| shard["t"][term]["f"].clone();
    // "Phòng Kiểm tra" is doc 0's unit, "Cục Thuế" its base unit's name.
    assert_eq!(docs("phong"), "100");
    // Doc 1 is the base unit's own (its subject "Tập thể db-thue" says it too).
    assert_eq!(docs("thue"), serde_json::json!("120"));
    // The id of each model, and the title of its topics ("Di chúc": docs 1 and 2).
    assert_eq!(docs("mh"), serde_json::json!("111"));
    assert_eq!(docs("chuc"), serde_json::json!("011"));
}

#[test]
fn the_bigrams_of_a_common_syllable_are_sharded_below_it() {
    let corpus = corpus();
    let mut models: Vec<&Model> = Vec::new();
    for _ in 0..2000 {
        models.extend(corpus.models.iter());
    }
    let files = made(&corpus, &models);
    let shard_of = |key: &str| {
        let meta = json(&files, "tim-kiem/meta.json");
        let leaves = meta["terms"]["leaves"].as_array().unwrap().clone();
        let splits = meta["terms"]["splits"].as_array().unwrap().clone();
        let keys: Vec<&str> = leaves.iter().chain(&splits).filter_map(|k| k.as_str()).collect();
        let best = keys.iter().filter(|k| key.starts_with(*k)).max_by_key(|k| k.len()).unwrap().to_string();
        json(&files, &format!("tim-kiem/shards/{}", file_name(&best)))
    };
    // "dan" starts "dan van" (every summary) and "dan hieu": 6000 documents of postings.
    let bg = &shard_of("dan")["t"]["dan"]["bg"];
    let leaves: Vec<&str> =
        bg["l"].as_array().expect("split bigram shards").iter().filter_map(|k| k.as_str()).collect();
    assert!(leaves.len() >= 2, "{bg}");
    for leaf in leaves {
        assert!(files.contains_key(&format!("tim-kiem/bigrams/{}", file_name(&format!("dan {leaf}")))), "{leaf}");
    }
}

#[test]
fn display_chunks_hold_what_a_result_shows() {
    let files = built();
    let docs = json(&files, "tim-kiem/docs/0.json");
    assert_eq!(
        docs[1],
        serde_json::json!([
            "mh-mot-cua",
            "Một cửa thân thiện",
            "Đảng bộ Cục Thuế",
            "Tập thể db-thue",
            "Làm theo lời Bác về dân vận khéo, gần dân, hiểu dân."
        ])
    );
}

#[test]
fn two_builds_are_byte_identical() {
    assert_eq!(built(), built());
}

#[test]
fn large_sites_are_sharded() {
    let corpus = corpus();
    let mut models: Vec<&Model> = Vec::new();
    for _ in 0..400 {
        models.extend(corpus.models.iter());
    }
    let files = made(&corpus, &models);
    let meta = json(&files, "tim-kiem/meta.json");
    assert_eq!(meta["n"], 1200);
    assert!(files.iter().filter(|(p, _)| p.starts_with("tim-kiem/shards/")).count() > 1);
    assert_eq!(files.iter().filter(|(p, _)| p.starts_with("tim-kiem/docs/")).count(), 1200_usize.div_ceil(CHUNK));
    for (path, bytes) in &files {
        assert!(path.starts_with("tim-kiem/") && !path.contains(".."), "{path}");
        assert!(bytes.len() < TERM_SHARD_LIMIT * 2, "{path} has {} bytes", bytes.len());
    }
}

#[test]
fn an_index_made_with_the_memo_is_the_index_made_without() {
    let dir = std::env::temp_dir().join(format!("guong-index-memo-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let memo = || Memo::open(&dir.join("memo"), "build", true);
    let mut corpus = corpus();
    let expected = made(&corpus, &corpus.models.iter().collect::<Vec<_>>());
    // Written, then read back whole; then one model edited and one removed.
    for _ in 0..2 {
        assert_eq!(made_with(&corpus, &corpus.models.iter().collect::<Vec<_>>(), memo()), expected);
    }
    corpus.models[0].title = "Đạo đức công vụ mới".to_owned();
    corpus.models.pop();
    let models: Vec<&Model> = corpus.models.iter().collect();
    let edited = made(&corpus, &models);
    assert_ne!(edited, expected);
    assert_eq!(made_with(&corpus, &models, memo()), edited);
    assert_eq!(made_with(&corpus, &models, memo()), edited);
    std::fs::remove_dir_all(&dir).unwrap();
}
