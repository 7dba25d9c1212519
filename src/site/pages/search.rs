//! `/tim-kiem/`: the search index of the gallery (see `search::index`), built from the checked
//! corpus with documents in gallery order, for `themes/default/static/search.js`. The index is
//! one folder job: kept whole when what it is made from did not change, else made again, with
//! the syllables of the documents that did not change taken from its memo (`search::memo`),
//! and each bigram shard whose entries did not change kept instead of written again.

use crate::search::build_index;
use crate::search::index::{INDEX_DIR, IndexInputs};
use crate::search::memo::Memo;
use crate::site::cache::MemoPlace;
use crate::site::context::BuildContext;
use crate::site::fingerprint::Fingerprint;
use crate::site::job::{Job, LaterFile};

pub fn jobs<'a>(cx: &'a BuildContext<'a>) -> Vec<Job<'a>> {
    let inputs = || IndexInputs::read(cx.corpus, &cx.models);
    let make = |inputs, memo: Option<MemoPlace>| {
        let memo = memo.map_or_else(Memo::none, |place| Memo::open(&place.path, place.build, place.reuse));
        build_index(inputs, memo)
            .into_iter()
            .map(|file| {
                let digest = file.digest;
                let fingerprint =
                    digest.and_then(|d| Fingerprint::of(&[b"index file", file.path.as_bytes(), &d], &()).ok());
                LaterFile { path: file.path.clone(), fingerprint, make: Box::new(move || file.bytes()) }
            })
            .collect()
    };
    vec![Job::folder(INDEX_DIR.to_owned(), inputs, make)]
}
