//! `guong new`.

use crate::cli::Failure;

pub fn run() -> Result<(), Failure> {
    Err(Failure::Usage("lệnh `new` chưa được hỗ trợ".to_owned()))
}
