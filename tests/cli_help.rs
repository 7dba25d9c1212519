//! `guong --help` and clap's usage errors speak Vietnamese (the help of every command, the
//! headings, the flags clap adds, default and allowed values, the frame of its errors).

mod common;

use common::guong;

/// English words of clap's own frame that must not reach a reader.
const ENGLISH: [&str; 8] =
    ["Usage:", "Commands:", "Options:", "Arguments:", "Print help", "Print version", "[default:", "[possible values:"];

fn assert_vietnamese(text: &str) {
    for word in ENGLISH {
        assert!(!text.contains(word), "`{word}` in:\n{text}");
    }
}

#[test]
fn help_of_every_command_is_in_vietnamese() {
    let run = guong(&["--help"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = &run.stdout;
    assert_vietnamese(text);
    for expected in [
        "Cách dùng: guong [TÙY CHỌN] <LỆNH>",
        "Lệnh:",
        "Tùy chọn:",
        "-h, --help",
        "In hướng dẫn này",
        "In số phiên bản",
    ] {
        assert!(text.contains(expected), "`{expected}` missing:\n{text}");
    }
    assert!(text.contains("build   Kiểm tra rồi dựng trang vào thư mục xuất"), "{text}");
    assert!(!text.contains(" · "), "an English gloss is left:\n{text}");

    for command in [&["build"][..], &["check"], &["serve"], &["new"], &["new", "report"], &["schema"], &["init"]] {
        let mut args = command.to_vec();
        args.push("--help");
        let run = guong(&args);
        assert_eq!(run.code, 0, "{args:?}: {}", run.stderr);
        assert_vietnamese(&run.stdout);
        assert!(run.stdout.contains("Cách dùng: guong "), "{args:?}:\n{}", run.stdout);
    }
    let build = guong(&["build", "--help"]).stdout;
    assert!(build.contains("Thư mục xuất, tính từ thư mục gốc [mặc định: public]"), "{build}");
    let check = guong(&["check", "--help"]).stdout;
    assert!(check.contains("Định dạng kết quả [mặc định: human; giá trị: human, json"), "{check}");
    assert!(check.contains("Coi cảnh báo là lỗi\n"), "a flag shows no default:\n{check}");
    let init = guong(&["init", "--help"]).stdout;
    assert!(init.contains("Tham số:") && init.contains("<DIR>"), "{init}");
}

#[test]
fn usage_errors_are_in_vietnamese_with_exit_code_2() {
    let run = guong(&["bogus"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.starts_with("lỗi: không có lệnh 'bogus'"), "{}", run.stderr);
    assert!(run.stderr.contains("Xem thêm: '--help'."), "{}", run.stderr);
    assert_vietnamese(&run.stderr);

    let run = guong(&["new", "model"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.starts_with("lỗi: thiếu các tham số bắt buộc:\n  --org <ORG>"), "{}", run.stderr);
    assert!(run.stderr.contains("Cách dùng: guong new model --org <ORG> --title <TITLE>"), "{}", run.stderr);

    let run = guong(&["check", "--format", "xml"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.starts_with("lỗi: giá trị không hợp lệ 'xml' cho '--format <FORMAT>'"), "{}", run.stderr);
    assert_vietnamese(&run.stderr);

    for args in
        [&["serve", "--port", "abc"][..], &["new", "report", "--org", "x", "--year", "abc", "--period", "ca-nam"]]
    {
        let run = guong(args);
        assert_eq!(run.code, 2, "{args:?}");
        assert!(run.stderr.contains("': cần một số viết bằng chữ số"), "{}", run.stderr);
        assert_vietnamese(&run.stderr);
    }
    let run = guong(&["serve", "--port", "70000"]);
    assert!(run.stderr.contains("': 70000 nằm ngoài khoảng 0..=65535"), "{}", run.stderr);
}

#[test]
fn a_port_in_use_is_said_in_vietnamese_with_another_to_try() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port();
    let site = common::TempSite::minimal();
    let run = site.run(&["serve", "--port", &port.to_string()]);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stderr.contains(&format!(
            "cổng {port} đang được một chương trình khác dùng; chọn cổng khác, ví dụ `--port {}`",
            port + 1
        )),
        "{}",
        run.stderr
    );
}
