//! `guong init DIR`: a new site with the default theme and a small sample content.

use std::path::Path;

use crate::cli::Failure;
use crate::scaffold::sample::{InitError, init_site};

pub fn run(dir: &Path) -> Result<(), Failure> {
    match init_site(dir) {
        Ok(files) => {
            println!("Đã tạo trang mới trong `{}` ({} tệp).", dir.display(), files.len());
            println!("Tiếp theo: guong --root {} serve", dir.display());
            Ok(())
        }
        Err(InitError::NotEmpty) => Err(Failure::Usage(format!(
            "thư mục `{}` đã có nội dung; chọn một thư mục mới hoặc thư mục trống",
            dir.display()
        ))),
        Err(InitError::Io(error)) => Err(Failure::Io(format!("{}: {error}", dir.display()))),
    }
}
