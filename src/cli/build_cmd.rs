//! `guong build`.

use crate::cli::Failure;

pub fn run() -> Result<(), Failure> {
    Err(Failure::Usage("lệnh `build` chưa được hỗ trợ".to_owned()))
}
