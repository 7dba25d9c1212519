//! `guong init`.

use std::path::Path;

use crate::cli::Failure;

pub fn run(_dir: &Path) -> Result<(), Failure> {
    Err(Failure::Usage("lệnh `init` chưa được hỗ trợ".to_owned()))
}
