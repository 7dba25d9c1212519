//! Reading and writing errors of the system in Vietnamese: "File exists (os error 17)" says
//! nothing to a cadre whose output path runs through a file.

use std::io::{self, ErrorKind};

/// The Vietnamese text of `error`. guong's own errors already speak Vietnamese and are kept;
/// the system's are said by kind, with the system's number for whoever helps.
pub fn io_text(error: &io::Error) -> String {
    let Some(code) = error.raw_os_error() else { return error.to_string() };
    let said = match error.kind() {
        ErrorKind::NotFound => "không tìm thấy tệp hoặc thư mục",
        ErrorKind::PermissionDenied => "không có quyền đọc hoặc ghi",
        ErrorKind::AlreadyExists => "đã có một tệp ở chỗ cần tạo thư mục hoặc tệp (một phần của đường dẫn là tệp?)",
        ErrorKind::NotADirectory => "một phần của đường dẫn là tệp, không phải thư mục",
        ErrorKind::IsADirectory => "đường dẫn là một thư mục, không phải tệp",
        ErrorKind::DirectoryNotEmpty => "thư mục không trống",
        ErrorKind::StorageFull => "đĩa đã đầy",
        ErrorKind::ReadOnlyFilesystem => "ổ đĩa chỉ cho đọc, không ghi được",
        ErrorKind::InvalidFilename => "tên tệp không hợp lệ hoặc quá dài",
        ErrorKind::CrossesDevices => "không chuyển được giữa hai ổ đĩa",
        _ => return format!("lỗi hệ thống: {error}"),
    };
    format!("{said} (mã lỗi hệ thống {code})")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn system_errors_are_said_in_vietnamese_and_guongs_own_kept() {
        let exists = io::Error::from_raw_os_error(17);
        assert_eq!(
            io_text(&exists),
            "đã có một tệp ở chỗ cần tạo thư mục hoặc tệp (một phần của đường dẫn là tệp?) (mã lỗi hệ thống 17)"
        );
        assert_eq!(io_text(&io::Error::from_raw_os_error(2)), "không tìm thấy tệp hoặc thư mục (mã lỗi hệ thống 2)");
        let own = io::Error::new(ErrorKind::AlreadyExists, "`public` là liên kết");
        assert_eq!(io_text(&own), "`public` là liên kết");
    }
}
