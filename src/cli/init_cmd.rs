//! `guong init DIR`: a new site with the default theme, a small sample content and the CI
//! files that check pull requests and publish it.

use std::path::Path;

use crate::cli::Failure;
use crate::io_text::io_text;
use crate::scaffold::sample::{DEFAULT_OWNER, InitError, Pipeline, init_site};

pub fn run(dir: &Path, pipeline: &Pipeline) -> Result<(), Failure> {
    match init_site(dir, pipeline) {
        Ok(files) => {
            println!("Đã tạo trang mới trong `{}` ({} tệp).", dir.display(), files.len());
            if pipeline.guong_git.trim().is_empty() {
                println!(
                    "Cần sửa: địa chỉ Git của mã nguồn guong trong .github/actions/guong/action.yml (source) \
                     và .gitlab-ci.yml (GUONG_GIT), hoặc tạo lại với --guong-git URL."
                );
            }
            if pipeline.owner.trim().is_empty() {
                println!("Cần sửa: người duyệt {DEFAULT_OWNER} trong .github/CODEOWNERS, hoặc tạo lại với --owner.");
            }
            println!("Tiếp theo: guong --root {} serve", dir.display());
            Ok(())
        }
        Err(InitError::NotEmpty) => Err(Failure::Usage(format!(
            "thư mục `{}` đã có nội dung; chọn một thư mục mới hoặc thư mục trống",
            dir.display()
        ))),
        Err(InitError::Io(error)) => Err(Failure::Io(format!("{}: {}", dir.display(), io_text(&error)))),
    }
}
