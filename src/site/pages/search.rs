//! `/tim-kiem/`: the search index of the gallery (see `search::index`), built from the checked
//! corpus with documents in gallery order, for `themes/default/static/search.js`.

use crate::search::build_index;
use crate::site::context::BuildContext;
use crate::site::job::Job;

pub fn jobs<'a>(cx: &'a BuildContext<'a>) -> Vec<Job<'a>> {
    build_index(cx.corpus, &cx.models)
        .into_iter()
        .map(|file| Job::file(file.path.clone(), move || file.bytes()))
        .collect()
}
