//! `guong serve`.

use crate::cli::Failure;

pub fn run() -> Result<(), Failure> {
    Err(Failure::Usage("lệnh `serve` chưa được hỗ trợ".to_owned()))
}
