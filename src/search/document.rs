//! The searchable text of one model and what it contributes to the index: how often each
//! syllable occurs (as written), which syllables its title holds, and which pairs of syllables
//! stand side by side in which fields (for phrase matching). Reading is done in parallel;
//! normalizing and folding each distinct spelling happens once per site, when the index merges
//! documents.

use serde::Serialize;

use crate::search::fasthash::FastMap;
use crate::search::tokenize::for_each_run;

/// The texts of a model that search reads.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Fields<'a> {
    pub title: &'a str,
    pub summary: &'a str,
    /// Plain text of the body, one block a line (see `parse::markdown`).
    pub body: &'a str,
    /// The subject's name, the full and short names of the model's unit and of its base unit,
    /// and the model id: each a text of its own.
    pub names: Vec<&'a str>,
    /// Titles of the model's learning topics, and its tags.
    pub topics: Vec<&'a str>,
}

/// Field flag: the summary.
pub const IN_SUMMARY: u32 = 1;
/// Field flag: the title.
pub const IN_TITLE: u32 = 2;
/// Field flag: the subject, unit and base unit names, the model id.
pub const IN_NAMES: u32 = 4;
/// Field flag: topic titles and tags.
pub const IN_TOPICS: u32 = 8;
/// Field flag: the body.
pub const IN_BODY: u32 = 16;
/// Bits the field flags take.
pub const FIELD_BITS: u32 = 5;

/// The syllables of one document, as written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocTerms<'a> {
    /// Each distinct run (any case) with its number of occurrences in all fields, in order of
    /// first appearance.
    pub runs: Vec<(&'a str, u32)>,
    /// The runs of the title (indexes into `runs`), each once.
    pub title: Vec<u32>,
    /// Each distinct pair of runs standing side by side in one text (indexes into `runs`),
    /// with the flags of the fields where they do.
    pub bigrams: Vec<(u32, u32, u32)>,
    /// Number of syllables of all fields.
    pub length: u32,
}

impl<'a> DocTerms<'a> {
    /// Reads the syllables of a document's fields. A pair never spans two texts (two names,
    /// a name and the id) or two lines of the body.
    pub fn read(fields: &Fields<'a>) -> DocTerms<'a> {
        let mut reader = Reader::sized_for(fields);
        reader.text(fields.title, IN_TITLE);
        reader.title_done();
        reader.text(fields.summary, IN_SUMMARY);
        for name in &fields.names {
            reader.text(name, IN_NAMES);
        }
        for topic in &fields.topics {
            reader.text(topic, IN_TOPICS);
        }
        for line in fields.body.lines() {
            reader.text(line, IN_BODY);
        }
        let mut bigrams: Vec<(u32, u32, u32)> = reader.bigrams.into_iter().map(|((a, b), f)| (a, b, f)).collect();
        bigrams.sort_unstable();
        DocTerms { runs: reader.runs, title: reader.title, bigrams, length: reader.length }
    }
}

/// The state of [`DocTerms::read`].
#[derive(Default)]
struct Reader<'a> {
    index: FastMap<&'a str, u32>,
    runs: Vec<(&'a str, u32)>,
    title: Vec<u32>,
    bigrams: FastMap<(u32, u32), u32>,
    length: u32,
}

impl<'a> Reader<'a> {
    /// A reader with room for the distinct runs and pairs of `fields`, estimated from their
    /// length (a syllable and its space take about six bytes), so that its tables are not
    /// grown and rehashed over and over while a long body is read.
    fn sized_for(fields: &Fields) -> Reader<'a> {
        let texts = [fields.title, fields.summary, fields.body].into_iter().chain(fields.names.iter().copied());
        let bytes: usize = texts.chain(fields.topics.iter().copied()).map(str::len).sum();
        let syllables = bytes / 6;
        Reader {
            index: FastMap::with_capacity_and_hasher(syllables / 2, Default::default()),
            runs: Vec::with_capacity(syllables / 2),
            bigrams: FastMap::with_capacity_and_hasher(syllables, Default::default()),
            ..Reader::default()
        }
    }

    fn text(&mut self, text: &'a str, flag: u32) {
        let mut previous: Option<u32> = None;
        for_each_run(text, |run| {
            self.length += 1;
            let next = self.runs.len() as u32;
            let at = *self.index.entry(run).or_insert(next);
            if at == next {
                self.runs.push((run, 0));
            }
            self.runs[at as usize].1 += 1;
            if let Some(before) = previous {
                *self.bigrams.entry((before, at)).or_insert(0) |= flag;
            }
            previous = Some(at);
        });
    }

    /// Everything read so far is the title.
    fn title_done(&mut self) {
        self.title = (0..self.runs.len() as u32).collect();
    }
}

#[cfg(test)]
mod tests;
