//! `guong serve`.

use std::path::Path;

use crate::cli::Failure;

pub fn run(_root: &Path, _bind: &str, _port: u16) -> Result<(), Failure> {
    Err(Failure::Usage("lệnh `serve` chưa được hỗ trợ".to_owned()))
}
