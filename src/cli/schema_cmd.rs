//! `guong schema`.

use crate::cli::Failure;

pub fn run() -> Result<(), Failure> {
    Err(Failure::Usage("lệnh `schema` chưa được hỗ trợ".to_owned()))
}
