//! The command line: argument parsing, dispatch and exit codes (SPEC §4). Each command's
//! work lives in its stage; this module only wires them.

mod build_cmd;
mod check_cmd;
mod help;
mod init_cmd;
mod new_cmd;
mod schema_cmd;
mod serve_cmd;
mod site_root;

use std::path::{Path, PathBuf};

use clap::builder::PossibleValuesParser;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};

use crate::check::format::Format;
use crate::content::forms;
use crate::io_text::io_text;
use crate::scaffold::sample::Pipeline;
use crate::site::output::UseCache;

pub use site_root::SiteRoot;

/// Exit code: success (warnings allowed).
pub const EXIT_OK: i32 = 0;
/// Exit code: content errors (or warnings with `--deny-warnings`).
pub const EXIT_CONTENT: i32 = 1;
/// Exit code: usage or configuration error.
pub const EXIT_USAGE: i32 = 2;
/// Exit code: I/O or internal failure.
pub const EXIT_IO: i32 = 3;

/// The port `guong serve` listens on unless told otherwise.
pub const SERVE_PORT: u16 = 1111;

/// The guong command `sub` (`serve`, `check`) for the site at `root`, as the user would
/// type it: `--root` only when the root is not the current folder, quoted when it holds
/// spaces.
pub fn command_at(root: &Path, sub: &str) -> String {
    if root == Path::new(".") {
        return format!("guong {sub}");
    }
    let shown = root.display().to_string();
    if shown.contains(char::is_whitespace) {
        format!("guong --root \"{shown}\" {sub}")
    } else {
        format!("guong --root {shown} {sub}")
    }
}

/// Why a command failed, mapped to an exit code.
#[derive(Debug)]
pub enum Failure {
    /// Bad flag, missing `site.yml`, bad `--rev`: exit 2.
    Usage(String),
    /// Content errors were found and printed: exit 1.
    Content,
    /// Reading or writing failed: exit 3.
    Io(String),
}

impl Failure {
    pub fn exit_code(&self) -> i32 {
        match self {
            Failure::Usage(_) => EXIT_USAGE,
            Failure::Content => EXIT_CONTENT,
            Failure::Io(_) => EXIT_IO,
        }
    }
}

impl From<std::io::Error> for Failure {
    fn from(error: std::io::Error) -> Self {
        Failure::Io(io_text(&error))
    }
}

/// Whether diagnostics written to `stream` are coloured: on a terminal, unless the user
/// set `NO_COLOR` (no-color.org).
pub fn colored(stream: &impl std::io::IsTerminal) -> bool {
    stream.is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|value| value.is_empty())
}

/// The command line (SPEC §4); its help is in Vietnamese (see [`help`]).
#[derive(Parser, Debug)]
#[command(
    name = "guong",
    version,
    about = "guong: dựng trang tĩnh về mô hình, điển hình học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh từ kho Git",
    long_about = None
)]
pub struct Cli {
    /// Thư mục gốc của trang (chứa site.yml, content/)
    #[arg(long, global = true, default_value = ".")]
    pub root: PathBuf,
    #[command(subcommand)]
    pub command: Command,
}

/// Subcommands (their doc comments are the help text).
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Kiểm tra rồi dựng trang vào thư mục xuất
    Build {
        /// Thư mục xuất, tính từ thư mục gốc
        #[arg(long, default_value = "public")]
        output: PathBuf,
        /// Dựng từ cây của commit REV
        #[arg(long)]
        rev: Option<String>,
        /// Địa chỉ gốc thay cho base_url trong site.yml
        #[arg(long)]
        base_url: Option<String>,
        /// Dựng lại mọi trang, không dùng lại trang của lần dựng trước
        #[arg(long)]
        no_cache: bool,
    },
    /// Kiểm tra nội dung, in danh sách lỗi
    Check {
        /// Định dạng kết quả
        #[arg(long, value_enum, default_value = "human")]
        format: Format,
        /// Kiểm tra cây của commit REV
        #[arg(long)]
        rev: Option<String>,
        /// Chỉ liệt kê lỗi trên các tệp thay đổi từ REV
        #[arg(long)]
        changed_since: Option<String>,
        /// Coi cảnh báo là lỗi
        #[arg(long)]
        deny_warnings: bool,
    },
    /// Dựng, phục vụ và tự tải lại khi sửa
    Serve {
        /// Địa chỉ lắng nghe
        #[arg(long, default_value = "127.0.0.1")]
        bind: String,
        /// Cổng
        #[arg(long, default_value_t = SERVE_PORT)]
        port: u16,
    },
    /// Tạo tệp mới từ biểu mẫu
    New {
        #[command(subcommand)]
        what: NewKind,
    },
    /// In JSON Schema của một loại tệp, hoặc tài liệu định dạng nội dung
    Schema {
        /// Loại tệp (mặc định: model; với --markdown: mọi loại)
        #[arg(value_parser = PossibleValuesParser::new(forms::FILE_FORMS.iter().map(|form| form.name)))]
        kind: Option<String>,
        /// In tài liệu Markdown (docs/content.md) thay cho JSON Schema
        #[arg(long)]
        markdown: bool,
    },
    /// Tạo trang mới với giao diện mặc định và nội dung mẫu
    Init {
        /// Thư mục của trang mới
        dir: PathBuf,
        /// Địa chỉ Git của mã nguồn guong, để CI cài guong
        #[arg(long, default_value = "")]
        guong_git: String,
        /// Người duyệt danh mục và tổ chức (.github/CODEOWNERS), ví dụ @to-chuc/ban-tuyen-giao
        #[arg(long, default_value = "")]
        owner: String,
    },
}

/// What `guong new` writes.
#[derive(Subcommand, Debug)]
pub enum NewKind {
    /// Mô hình mới (biểu mẫu 01)
    Model {
        /// Mã đơn vị thực hiện
        #[arg(long)]
        org: String,
        /// Tên mô hình
        #[arg(long)]
        title: String,
    },
    /// Báo cáo định kỳ (biểu mẫu 03)
    Report {
        /// Mã đảng bộ cơ sở / chi bộ cơ sở báo cáo
        #[arg(long)]
        org: String,
        /// Năm báo cáo (trong một giai đoạn của danh-muc.yml)
        #[arg(long)]
        year: i32,
        /// Kỳ báo cáo: sau_thang (6 tháng đầu năm) | ca_nam
        #[arg(long)]
        period: String,
    },
    /// Trang tự do
    Page {
        /// Tiêu đề trang
        #[arg(long)]
        title: String,
    },
}

/// Hands a command's large data (corpus, diagnostics) to the end of the process: the
/// process exits right after the command, and freeing millions of small allocations one
/// by one would only add time (a tenth of a second at 10,000 models).
fn leave_for_exit<T>(data: T) {
    std::mem::forget(data);
}

/// Parses the command line, runs the command and returns the process exit code.
pub fn run() -> i32 {
    let parsed = help::localised(Cli::command()).try_get_matches().and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(error) => {
            let text = error.render().to_string();
            if error.use_stderr() {
                eprint!("{}", help::localised_error(&text));
                return EXIT_USAGE;
            }
            print!("{}", help::localised_help(&text));
            return EXIT_OK;
        }
    };
    let result = match cli.command {
        Command::Check { format, rev, changed_since, deny_warnings } => {
            check_cmd::run(&cli.root, format, rev.as_deref(), changed_since.as_deref(), deny_warnings)
        }
        Command::Build { output, rev, base_url, no_cache } => {
            let use_cache = if no_cache { UseCache::No } else { UseCache::Yes };
            build_cmd::run(&cli.root, &output, rev.as_deref(), base_url.as_deref(), use_cache)
        }
        Command::Serve { bind, port } => serve_cmd::run(&cli.root, &bind, port),
        Command::New { what } => new_cmd::run(&cli.root, &what),
        Command::Schema { kind, markdown } => schema_cmd::run(&cli.root, kind.as_deref(), markdown),
        Command::Init { dir, guong_git, owner } => init_cmd::run(&dir, &Pipeline { guong_git, owner }),
    };
    match result {
        Ok(()) => EXIT_OK,
        Err(failure) => {
            match &failure {
                Failure::Usage(message) => eprintln!("lỗi: {message}"),
                Failure::Io(message) => eprintln!("lỗi đọc/ghi: {message}"),
                Failure::Content => {}
            }
            failure.exit_code()
        }
    }
}
