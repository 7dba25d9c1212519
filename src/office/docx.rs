//! A small WordprocessingML (`.docx`) writer: paragraphs of styled runs and tables on A4
//! pages with the margins of Hướng dẫn 36-HD/VPTW, packed by `zip` with fixed timestamps so
//! two builds give the same bytes.
//!
//! It writes only what Party documents need (no images, no numbering definitions); Word and
//! LibreOffice open the result without a repair prompt.

use std::fmt::Write as _;
use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;

use crate::office::DEFLATE_LEVEL;
use crate::parse::controls::without_xml_forbidden;
use crate::render::escape::push_escaped;
use zip::{CompressionMethod, DateTime, ZipWriter};

/// Twentieths of a point per millimetre (1 mm = 56.7 twips).
fn mm(value: u32) -> u32 {
    value * 567 / 10
}

/// A4 portrait, in twips.
const PAGE_WIDTH: u32 = 11906;
const PAGE_HEIGHT: u32 = 16838;
/// Margins of HD 36-HD/VPTW: 20 mm top and bottom, 30 mm left, 15 mm right.
const MARGIN_TOP_MM: u32 = 20;
const MARGIN_BOTTOM_MM: u32 = 20;
const MARGIN_LEFT_MM: u32 = 30;
const MARGIN_RIGHT_MM: u32 = 15;

/// Width of the text between the margins, in twips.
pub fn text_width() -> u32 {
    PAGE_WIDTH - mm(MARGIN_LEFT_MM) - mm(MARGIN_RIGHT_MM)
}

/// Horizontal alignment of a paragraph.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Align {
    #[default]
    Justify,
    Left,
    Center,
    Right,
}

impl Align {
    fn code(self) -> &'static str {
        match self {
            Align::Justify => "both",
            Align::Left => "left",
            Align::Center => "center",
            Align::Right => "right",
        }
    }
}

/// A piece of text with one style.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Run {
    pub text: String,
    pub bold: bool,
    pub italic: bool,
    pub underline: bool,
    /// Size in half-points (28 = 14 pt); `None` for the document's default.
    pub size: Option<u32>,
}

impl Run {
    /// Plain text.
    pub fn new(text: impl Into<String>) -> Run {
        Run { text: text.into(), ..Run::default() }
    }

    pub fn bold(mut self) -> Run {
        self.bold = true;
        self
    }

    pub fn italic(mut self) -> Run {
        self.italic = true;
        self
    }

    pub fn underline(mut self) -> Run {
        self.underline = true;
        self
    }

    /// Size in points.
    pub fn size(mut self, points: u32) -> Run {
        self.size = Some(points * 2);
        self
    }
}

/// A paragraph: runs, alignment and how it sits on the page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Paragraph {
    pub runs: Vec<Run>,
    pub align: Align,
    /// Indent of the first line, in millimetres (body text of Party documents: 10 mm).
    pub first_line_mm: u32,
    /// Space after, in points.
    pub space_after: u32,
    /// Keep on the same page as the next paragraph (headings).
    pub keep_next: bool,
}

impl Paragraph {
    /// A paragraph of runs, justified.
    pub fn new(runs: Vec<Run>) -> Paragraph {
        Paragraph { runs, space_after: 6, ..Paragraph::default() }
    }

    /// A paragraph of one plain run.
    pub fn text(text: impl Into<String>) -> Paragraph {
        Paragraph::new(vec![Run::new(text)])
    }

    /// Body text: justified, first line indented.
    pub fn body(text: impl Into<String>) -> Paragraph {
        Paragraph { first_line_mm: 10, ..Paragraph::text(text) }
    }

    /// A heading of a part: bold, kept with what follows.
    pub fn heading(text: impl Into<String>) -> Paragraph {
        Paragraph { keep_next: true, ..Paragraph::new(vec![Run::new(text).bold()]) }
    }

    pub fn align(mut self, align: Align) -> Paragraph {
        self.align = align;
        self
    }

    pub fn space_after(mut self, points: u32) -> Paragraph {
        self.space_after = points;
        self
    }

    pub fn keep_next(mut self) -> Paragraph {
        self.keep_next = true;
        self
    }
}

/// A table cell: paragraphs, and how many columns it spans.
#[derive(Clone, Debug, PartialEq)]
pub struct Cell {
    pub paragraphs: Vec<Paragraph>,
    pub span: u32,
}

impl Cell {
    /// A cell of paragraphs.
    pub fn new(paragraphs: Vec<Paragraph>) -> Cell {
        Cell { paragraphs, span: 1 }
    }

    /// A cell of one left-aligned paragraph.
    pub fn text(text: impl Into<String>) -> Cell {
        Cell::new(vec![Paragraph::text(text).align(Align::Left).space_after(0)])
    }

    /// A cell of one bold, centred paragraph (column heads).
    pub fn head(text: impl Into<String>) -> Cell {
        Cell::new(vec![Paragraph::new(vec![Run::new(text).bold()]).align(Align::Center).space_after(0)])
    }

    /// A right-aligned number.
    pub fn number(text: impl Into<String>) -> Cell {
        Cell::new(vec![Paragraph::text(text).align(Align::Right).space_after(0)])
    }

    /// Spans `columns` columns.
    pub fn span(mut self, columns: u32) -> Cell {
        self.span = columns;
        self
    }
}

/// A table. Layout tables (the document header, the signature block) have no borders.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// Column widths in twips.
    pub widths: Vec<u32>,
    pub rows: Vec<Vec<Cell>>,
    /// Leading rows repeated at the top of every page (column heads).
    pub header_rows: usize,
    pub borders: bool,
}

impl Table {
    /// A data table with borders, its first `header_rows` rows repeated on every page;
    /// `shares` divide the text width among the columns.
    pub fn grid(shares: &[u32], header_rows: usize, rows: Vec<Vec<Cell>>) -> Table {
        Table { widths: widths(shares), rows, header_rows, borders: true }
    }

    /// A borderless table placing blocks side by side.
    pub fn layout(shares: &[u32], rows: Vec<Vec<Cell>>) -> Table {
        Table { widths: widths(shares), rows, header_rows: 0, borders: false }
    }
}

fn widths(shares: &[u32]) -> Vec<u32> {
    let total: u32 = shares.iter().sum::<u32>().max(1);
    shares.iter().map(|s| text_width() * s / total).collect()
}

/// A block of the document body.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Paragraph(Paragraph),
    Table(Table),
}

/// Properties written into `docProps/core.xml`.
#[derive(Clone, Debug, PartialEq)]
pub struct Properties {
    pub title: String,
    pub author: String,
    /// `YYYY-MM-DD`: a date from the content (never the clock), so builds are reproducible.
    pub date: String,
}

/// A Word document: blocks in order, written with [`Document::to_bytes`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Document {
    pub blocks: Vec<Block>,
}

impl Document {
    pub fn push(&mut self, block: impl Into<Block>) {
        self.blocks.push(block.into());
    }

    /// The `.docx` file.
    pub fn to_bytes(&self, properties: &Properties) -> Vec<u8> {
        // Written in place: the body is most of the document.
        let mut document = format!("{XML_HEAD}<w:document xmlns:w=\"{W_NS}\" xmlns:r=\"{R_NS}\"><w:body>");
        for block in &self.blocks {
            write_block(&mut document, block);
        }
        let _ = write!(
            document,
            "<w:sectPr><w:pgSz w:w=\"{PAGE_WIDTH}\" w:h=\"{PAGE_HEIGHT}\"/>\
             <w:pgMar w:top=\"{}\" w:right=\"{}\" w:bottom=\"{}\" w:left=\"{}\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>\
             </w:sectPr></w:body></w:document>",
            mm(MARGIN_TOP_MM),
            mm(MARGIN_RIGHT_MM),
            mm(MARGIN_BOTTOM_MM),
            mm(MARGIN_LEFT_MM),
        );
        let core = format!(
            "{XML_HEAD}<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
             xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
             xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\
             <dc:title>{}</dc:title><dc:creator>{}</dc:creator><dc:language>vi-VN</dc:language>\
             <dcterms:created xsi:type=\"dcterms:W3CDTF\">{}T00:00:00Z</dcterms:created>\
             <dcterms:modified xsi:type=\"dcterms:W3CDTF\">{}T00:00:00Z</dcterms:modified></cp:coreProperties>",
            xml(&properties.title),
            xml(&properties.author),
            xml(&properties.date),
            xml(&properties.date),
        );
        package(&[
            ("[Content_Types].xml", CONTENT_TYPES),
            ("_rels/.rels", ROOT_RELS),
            ("docProps/core.xml", &core),
            ("docProps/app.xml", APP),
            ("word/_rels/document.xml.rels", DOCUMENT_RELS),
            ("word/styles.xml", STYLES),
            ("word/settings.xml", SETTINGS),
            ("word/document.xml", &document),
        ])
    }
}

impl From<Paragraph> for Block {
    fn from(p: Paragraph) -> Block {
        Block::Paragraph(p)
    }
}

impl From<Table> for Block {
    fn from(t: Table) -> Block {
        Block::Table(t)
    }
}

/// Parts at least this long are deflated; shorter ones are stored: starting a deflate
/// stream costs more (hundreds of KB of compressor state) than storing a few hundred bytes
/// saves, and a build writes thousands of documents.
const DEFLATE_FROM: usize = 2048;

/// Zips `parts` in order, every entry dated 1980-01-01 (the zip epoch).
fn package(parts: &[(&str, &str)]) -> Vec<u8> {
    // Room for the small parts as they are and the large ones at about a quarter of their
    // size (what the fastest level leaves of markup), so the buffer is seldom grown.
    let room: usize = parts
        .iter()
        .map(|(name, text)| 100 + 2 * name.len() + if text.len() >= DEFLATE_FROM { text.len() / 4 } else { text.len() })
        .sum();
    let mut zip = ZipWriter::new(Cursor::new(Vec::with_capacity(room)));
    let options = SimpleFileOptions::default().last_modified_time(DateTime::default()).unix_permissions(0o644);
    for (name, text) in parts {
        let (method, level) = match text.len() >= DEFLATE_FROM {
            true => (CompressionMethod::Deflated, Some(i64::from(DEFLATE_LEVEL))),
            false => (CompressionMethod::Stored, None),
        };
        // Writing into memory cannot fail; a failure here would be a bug in `zip`.
        zip.start_file(*name, options.compression_method(method).compression_level(level))
            .expect("zip entry in memory");
        zip.write_all(text.as_bytes()).expect("zip write in memory");
    }
    zip.finish().expect("zip in memory").into_inner()
}

fn write_block(out: &mut String, block: &Block) {
    match block {
        Block::Paragraph(p) => write_paragraph(out, p),
        Block::Table(t) => write_table(out, t),
    }
}

fn write_paragraph(out: &mut String, p: &Paragraph) {
    out.push_str("<w:p><w:pPr>");
    if p.keep_next {
        out.push_str("<w:keepNext/>");
    }
    let _ = write!(out, "<w:spacing w:before=\"0\" w:after=\"{}\"/>", p.space_after * 20);
    if p.first_line_mm > 0 {
        let _ = write!(out, "<w:ind w:firstLine=\"{}\"/>", mm(p.first_line_mm));
    }
    let _ = write!(out, "<w:jc w:val=\"{}\"/></w:pPr>", p.align.code());
    for run in &p.runs {
        write_run(out, run);
    }
    out.push_str("</w:p>");
}

fn write_run(out: &mut String, run: &Run) {
    out.push_str("<w:r>");
    if run.bold || run.italic || run.underline || run.size.is_some() {
        out.push_str("<w:rPr>");
        if run.bold {
            out.push_str("<w:b/>");
        }
        if run.italic {
            out.push_str("<w:i/>");
        }
        if run.underline {
            out.push_str("<w:u w:val=\"single\"/>");
        }
        if let Some(size) = run.size {
            let _ = write!(out, "<w:sz w:val=\"{size}\"/><w:szCs w:val=\"{size}\"/>");
        }
        out.push_str("</w:rPr>");
    }
    for (i, line) in run.text.split('\n').enumerate() {
        if i > 0 {
            out.push_str("<w:br/>");
        }
        out.push_str("<w:t xml:space=\"preserve\">");
        push_xml(out, line);
        out.push_str("</w:t>");
    }
    out.push_str("</w:r>");
}

fn write_table(out: &mut String, t: &Table) {
    let borders = if t.borders {
        ["top", "left", "bottom", "right", "insideH", "insideV"]
            .iter()
            .map(|side| format!("<w:{side} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"))
            .collect::<String>()
    } else {
        ["top", "left", "bottom", "right", "insideH", "insideV"]
            .iter()
            .map(|side| format!("<w:{side} w:val=\"nil\"/>"))
            .collect::<String>()
    };
    out.push_str(&format!(
        "<w:tbl><w:tblPr><w:tblW w:w=\"{}\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/><w:tblBorders>{borders}</w:tblBorders>\
         <w:tblCellMar><w:left w:w=\"80\" w:type=\"dxa\"/><w:right w:w=\"80\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr><w:tblGrid>",
        t.widths.iter().sum::<u32>()
    ));
    for width in &t.widths {
        out.push_str(&format!("<w:gridCol w:w=\"{width}\"/>"));
    }
    out.push_str("</w:tblGrid>");
    for (index, row) in t.rows.iter().enumerate() {
        out.push_str("<w:tr><w:trPr><w:cantSplit/>");
        if index < t.header_rows {
            out.push_str("<w:tblHeader/>");
        }
        out.push_str("</w:trPr>");
        let mut column = 0;
        for cell in row {
            let span = cell.span.max(1) as usize;
            let width: u32 = t.widths.iter().skip(column).take(span).sum();
            column += span;
            out.push_str(&format!("<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>"));
            if span > 1 {
                out.push_str(&format!("<w:gridSpan w:val=\"{span}\"/>"));
            }
            out.push_str("</w:tcPr>");
            if cell.paragraphs.is_empty() {
                out.push_str("<w:p/>");
            }
            for p in &cell.paragraphs {
                write_paragraph(out, p);
            }
            out.push_str("</w:tc>");
        }
        out.push_str("</w:tr>");
    }
    out.push_str("</w:tbl>");
    // Word needs a paragraph between two tables and after a table that ends a cell or body.
    out.push_str("<w:p><w:pPr><w:spacing w:before=\"0\" w:after=\"0\"/></w:pPr></w:p>");
}

/// Escapes text for XML, dropping the control characters XML 1.0 forbids.
fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_xml(&mut out, text);
    out
}

/// Appends `text` to `out` as [`xml`] writes it.
fn push_xml(out: &mut String, text: &str) {
    push_escaped(out, &without_xml_forbidden(text));
}

const XML_HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
const W_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const CONTENT_TYPES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>\
<Override PartName=\"/word/settings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml\"/>\
<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
<Override PartName=\"/docProps/app.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/>\
</Types>";

const ROOT_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties\" Target=\"docProps/app.xml\"/>\
</Relationships>";

const DOCUMENT_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings\" Target=\"settings.xml\"/>\
</Relationships>";

const APP: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\"><Application>guong</Application></Properties>";

const SETTINGS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:defaultTabStop w:val=\"720\"/><w:characterSpacingControl w:val=\"doNotCompress\"/><w:compat/></w:settings>";

/// Times New Roman 14 pt (the body size of Party documents), single spacing.
const STYLES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">\
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"Times New Roman\" w:cs=\"Times New Roman\"/>\
<w:sz w:val=\"28\"/><w:szCs w:val=\"28\"/><w:lang w:val=\"vi-VN\"/></w:rPr></w:rPrDefault>\
<w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>\
<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>\
<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/>\
<w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>\
</w:styles>";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text_and_is_byte_identical() {
        let mut doc = Document::default();
        doc.push(Paragraph::new(vec![Run::new("A & <b>\u{1}").bold()]));
        doc.push(Table::grid(&[1, 2], 1, vec![vec![Cell::head("Cột"), Cell::number("1")]]));
        let props = Properties { title: "T".into(), author: "A".into(), date: "2023-01-05".into() };
        let first = doc.to_bytes(&props);
        assert_eq!(first, doc.to_bytes(&props));
        let mut body = String::new();
        write_block(&mut body, &doc.blocks[0]);
        assert!(body.contains("A &amp; &lt;b&gt;</w:t>"), "{body}");
        assert_eq!(text_width(), 11906 - 1701 - 850);
    }

    #[test]
    fn drops_the_control_characters_xml_forbids_and_keeps_the_rest() {
        assert_eq!(xml("a\u{0}b\u{1b}c\u{7f}d\u{85}e\u{9f}f"), "abcdef");
        assert_eq!(xml("tab\there\r\nline"), "tab\there\r\nline");
        // Vietnamese letters whose UTF-8 starts with 0xC2 or holds 0x80–0x9F are kept.
        assert_eq!(xml("\u{a0}Đảng ủy ¬ « ơ"), "\u{a0}Đảng ủy ¬ « ơ");
        assert_eq!(xml("<&>\u{2}"), "&lt;&amp;&gt;");
    }
}
