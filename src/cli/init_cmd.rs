//! `guong init`.

use crate::cli::Failure;

pub fn run() -> Result<(), Failure> {
    Err(Failure::Usage("lệnh `init` chưa được hỗ trợ".to_owned()))
}
