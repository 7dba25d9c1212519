//! `/admin/config.yml`: the Decap CMS configuration, one collection per kind of content
//! file ([`editable`]), with every field of its declaration.

use crate::cms::fields;
use crate::cms::yaml::Yaml;
use crate::cms::{Editable, Location, editable};
use crate::content::forms::FileForm;
use crate::content::period::Periods;
use crate::content::site_config::{CmsConfig, SiteConfig};
use crate::scaffold::model_form::model_body;
use crate::site::urls;

/// Depth of sub-folders the CMS lists below a content folder ("sub-folders free", SPEC §2).
const FOLDER_DEPTH: usize = 10;

/// The whole configuration of the site's CMS; years are bounded by the site's `periods`.
pub fn config(site: &SiteConfig, cms: &CmsConfig, periods: &Periods) -> Yaml {
    let mut backend = Yaml::map().with("name", cms.backend.name()).with("repo", cms.repo.as_str());
    backend = backend.with("branch", cms.branch.as_str());
    let mut out = Yaml::map().with("backend", backend);
    if cms.local_backend {
        out = out.with("local_backend", true);
    }
    if cms.editorial_workflow {
        out = out.with("publish_mode", "editorial_workflow");
    }
    out.with("locale", "vi")
        .with("site_url", site.base_url.as_str())
        .with("display_url", site.base_url.as_str())
        .with("media_folder", cms.media_folder.trim_end_matches('/'))
        .with("public_folder", format!("{}{}", site.base_path(), cms.public_media().trim_end_matches('/')))
        .with("slug", Yaml::map().with("encoding", "ascii").with("clean_accents", true))
        .with("collections", editable().iter().map(|kind| collection(kind, periods)).collect::<Vec<_>>())
}

/// The collection of one kind of file: a folder collection for Markdown kinds, a file
/// collection for the registries.
fn collection(kind: &Editable, periods: &Periods) -> Yaml {
    let form = kind.form;
    let out = Yaml::map().with("name", kind.name()).with("label", form.title);
    match kind.location {
        Location::Folder(folder) => folder_collection(out, kind, folder, periods),
        Location::File(file) => out.with("editor", Yaml::map().with("preview", false)).with(
            "files",
            vec![
                Yaml::map()
                    .with("name", kind.name())
                    .with("label", form.title)
                    .with("file", file)
                    .with("fields", fields::fields(form.fields, true, periods)),
            ],
        ),
    }
}

fn folder_collection(out: Yaml, kind: &Editable, folder: &str, periods: &Periods) -> Yaml {
    let document = kind.form;
    let has_id = document.fields.iter().any(|f| f.key == "id");
    let has_title = document.fields.iter().any(|f| f.key == "title");
    let mut fields = Vec::with_capacity(document.fields.len() + 1);
    for field in document.fields {
        match document.type_name {
            // The `type:` every file of the kind declares is fixed: written, not asked.
            Some(type_name) if field.key == "type" => fields.push(
                Yaml::map()
                    .with("label", field.label)
                    .with("name", field.key)
                    .with("widget", "hidden")
                    .with("default", type_name),
            ),
            _ => fields.push(fields::field(field, true, periods)),
        }
    }
    fields.push(body(document));
    let slug = if has_id { "{{fields.id}}" } else { "{{slug}}" };
    let mut out = out
        .with("folder", folder)
        .with("extension", "md")
        .with("format", "yaml-frontmatter")
        .with("create", true)
        .with("nested", Yaml::map().with("depth", FOLDER_DEPTH).with("subfolders", false))
        .with("slug", slug);
    if has_title {
        out = out
            .with("identifier_field", "title")
            .with("summary", if has_id { "{{title}} ({{id}})" } else { "{{title}}" });
    } else if has_id {
        out = out.with("identifier_field", "id").with("summary", "{{id}}");
    }
    let page = format!("{}/", kind.name());
    // An evaluation has no page of its own: it is an entry of `/danh-gia/`, by its id.
    let preview = if page == urls::EVALUATIONS { format!("{page}#{slug}") } else { format!("{page}{slug}/") };
    out.with("preview_path", preview).with("fields", fields)
}

/// The Markdown body; a new model starts with the five criteria sections `guong new`
/// writes.
fn body(document: &FileForm) -> Yaml {
    let model = document.type_name == Some("mo_hinh");
    let mut out = Yaml::map()
        .with("label", "Nội dung")
        .with("name", "body")
        .with("widget", "markdown")
        .with("modes", vec![Yaml::from("raw"), Yaml::from("rich_text")])
        .with("required", model);
    if model {
        out = out
            .with("hint", "Giữ đủ năm mục ## của năm tiêu chí; thay mỗi đoạn «Cần điền: …» bằng nội dung thật")
            .with("default", model_body().trim_start().to_owned());
    }
    out
}

#[cfg(test)]
mod tests;
