//! From a relative path named by untrusted input (a CMS request) to a path on disk that
//! stays inside the site root and out of hidden folders: the rules of [`super::trust`], for
//! callers that hold a root folder rather than a source.

use std::fmt;
use std::path::{Path, PathBuf};

use super::disk::DiskSource;
use super::is_safe_relative;
use super::trust::{self, Refusal, is_hidden};

/// Why a path was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refused {
    /// Not a plain relative path: empty, absolute, `..`, `.`, backslashes, NUL or colons.
    Malformed,
    /// A segment starts with `.` (`.git`, `.env`), before or after following links.
    Hidden,
    /// A link leads outside the root.
    Outside,
    /// The root itself cannot be read.
    NoRoot,
}

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Refused::Malformed => "đường dẫn không hợp lệ",
            Refused::Hidden => "không được truy cập tệp hoặc thư mục ẩn",
            Refused::Outside => "đường dẫn dẫn ra ngoài thư mục trang",
            Refused::NoRoot => "không đọc được thư mục trang",
        })
    }
}

/// The path on disk of `relative` (`/`-separated) below `root`, for reading or writing,
/// by the rules of [`trust`](super::trust) (see [`trust::resolve_new`]).
///
/// Refuses a path that is not plainly relative, names a hidden segment, or leaves the root
/// (or enters a hidden path) through a link, at any folder on the way or the file itself.
/// Parts that do not exist yet are allowed: the file or folders a write will create.
pub fn resolve_inside(root: &Path, relative: &str) -> Result<PathBuf, Refused> {
    if !is_safe_relative(relative) || relative.contains(['\0', ':']) {
        return Err(Refused::Malformed);
    }
    if relative.split('/').any(is_hidden) {
        return Err(Refused::Hidden);
    }
    let source = DiskSource::new(root).map_err(|_| Refused::NoRoot)?;
    match trust::resolve_new(&source, relative) {
        Ok(real) => Ok(source.root().join(real)),
        Err(Refusal::Hidden) => Err(Refused::Hidden),
        Err(Refusal::Invalid | Refusal::Special(_)) => Err(Refused::Malformed),
        Err(_) => Err(Refused::Outside),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_root(name: &str) -> PathBuf {
        let root = std::env::temp_dir().join(format!("guong-resolve-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(root.join("content/mo-hinh")).unwrap();
        std::fs::create_dir_all(root.join(".git")).unwrap();
        root
    }

    #[test]
    fn resolves_existing_and_new_paths_inside_the_root() {
        let root = temp_root("inside");
        let real = root.canonicalize().unwrap();
        assert_eq!(resolve_inside(&root, "content/mo-hinh/a.md"), Ok(real.join("content/mo-hinh/a.md")));
        assert_eq!(resolve_inside(&root, "content/moi/thu-muc/b.md"), Ok(real.join("content/moi/thu-muc/b.md")));
        std::fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn refuses_what_leaves_the_root_or_enters_a_hidden_path() {
        let root = temp_root("refuse");
        for (path, why) in [
            ("../site.yml", Refused::Malformed),
            ("content/../../x", Refused::Malformed),
            ("/etc/passwd", Refused::Malformed),
            ("content\\..\\x", Refused::Malformed),
            ("content/./a.md", Refused::Malformed),
            ("", Refused::Malformed),
            ("C:/x", Refused::Malformed),
            (".git/config", Refused::Hidden),
            ("content/.an/a.md", Refused::Hidden),
        ] {
            assert_eq!(resolve_inside(&root, path), Err(why), "{path}");
        }
        #[cfg(unix)]
        {
            let outside = std::env::temp_dir();
            std::os::unix::fs::symlink(&outside, root.join("content/ra-ngoai")).unwrap();
            std::os::unix::fs::symlink(root.join(".git"), root.join("content/vao-an")).unwrap();
            std::os::unix::fs::symlink(root.join("khong-co"), root.join("content/treo")).unwrap();
            assert_eq!(resolve_inside(&root, "content/ra-ngoai/x.md"), Err(Refused::Outside));
            assert_eq!(resolve_inside(&root, "content/vao-an/config"), Err(Refused::Hidden));
            assert_eq!(resolve_inside(&root, "content/treo"), Err(Refused::Outside));
        }
        std::fs::remove_dir_all(&root).unwrap();
    }
}
