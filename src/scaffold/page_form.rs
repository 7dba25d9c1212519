//! A free page for `guong new page` (`content/trang/<slug>.md`, SPEC §5).

use crate::content::schema::SLUG_MAX;
use crate::content::schema::text_len;
use crate::scaffold::slug::{slugify, unique};
use crate::scaffold::yaml_text::{fill, quoted};
use crate::scaffold::{NewFile, placeholder};

/// Folder of free pages, relative to the site root.
pub const PAGES_DIR: &str = "content/trang";

/// A new page titled `title`; its slug is the folded title, made unique among `paths` (the
/// site's content paths).
pub fn new_page(paths: &[String], title: &str) -> Result<NewFile, String> {
    let title = title.trim();
    let length = text_len(title);
    if !(1..=200).contains(&length) {
        return Err(format!("tiêu đề trang dài {length} ký tự; cần từ 1 đến 200 ký tự"));
    }
    let slug = slugify(title, SLUG_MAX);
    let slug = if slug.len() < 3 { format!("trang-{slug}").trim_end_matches('-').to_owned() } else { slug };
    let taken = |candidate: &str| {
        paths.iter().any(|p| p.starts_with(PAGES_DIR) && p.rsplit('/').next() == Some(&format!("{candidate}.md")))
    };
    let slug = unique(&slug, taken);
    let text = format!(
        "---\n\
         # Trang tự do: thay mọi nội dung «Cần điền…» bằng nội dung thật.\n\
         type: trang\n\
         title: {}\n\
         description: {}\n\
         # weight: 10  # Thứ tự trong danh sách trang (nhỏ đứng trước)\n\
         ---\n\n\
         {}\n",
        quoted(title),
        fill("mô tả ngắn của trang, một hai câu"),
        placeholder("nội dung trang, viết bằng Markdown")
    );
    Ok(NewFile { path: format!("{PAGES_DIR}/{slug}.md"), text })
}
