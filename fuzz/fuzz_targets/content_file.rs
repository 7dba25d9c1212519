//! Coverage-guided fuzzing of front matter and Markdown: `cargo fuzz run content_file`,
//! seeded with the hostile shapes by `cargo run --release --example hostile_site -- --seeds
//! fuzz/corpus/content_file`.
//! Any bytes as a model, a report or the unit registry must give diagnostics, never a panic.
#![no_main]

use guong::check::check_files;
use guong::source::SourceFile;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for path in ["content/mo-hinh/mh-fuzz.md", "content/bao-cao/bc-fuzz.md", "content/to-chuc.yml"] {
        let _ = check_files(&[SourceFile { path: path.to_owned(), bytes: data.to_vec() }]);
    }
});
