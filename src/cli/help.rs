//! The command line in Vietnamese: clap's own words (headings, the help and version flags,
//! default and allowed values, the frame of its error messages) replaced on the command tree.

use clap::{Arg, ArgAction, Command};

/// The help page's layout, with Vietnamese headings.
const TEMPLATE: &str = "{about-with-newline}\nCách dùng: {usage}\n\n{all-args}{after-help}";

/// Heading of the options and flags.
const OPTIONS: &str = "Tùy chọn";
/// Heading of the positional arguments.
const ARGUMENTS: &str = "Tham số";

/// `command` and all its subcommands, speaking Vietnamese.
pub fn localised(command: Command) -> Command {
    let command = command
        .help_template(TEMPLATE)
        .subcommand_help_heading("Lệnh")
        .subcommand_value_name("LỆNH")
        .disable_help_subcommand(true)
        .disable_help_flag(true)
        .arg(Arg::new("help").short('h').long("help").action(ArgAction::Help).help("In hướng dẫn này"))
        .mut_args(localised_arg);
    let command = if command.get_version().is_some() {
        command.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("In số phiên bản")
                .help_heading(OPTIONS),
        )
    } else {
        command
    };
    let names: Vec<String> = command.get_subcommands().map(|s| s.get_name().to_owned()).collect();
    names.iter().fold(command, |command, name| command.mut_subcommand(name, localised))
}

/// One argument: its heading, and its default and allowed values said in Vietnamese.
fn localised_arg(arg: Arg) -> Arg {
    let heading = if arg.is_positional() { ARGUMENTS } else { OPTIONS };
    let mut notes = Vec::new();
    let defaults: Vec<String> =
        arg.get_default_values().iter().map(|v| v.to_string_lossy().into_owned()).filter(|v| !v.is_empty()).collect();
    if !defaults.is_empty() && !matches!(arg.get_action(), ArgAction::SetTrue) {
        notes.push(format!("mặc định: {}", defaults.join(", ")));
    }
    let allowed: Vec<String> =
        arg.get_possible_values().iter().filter(|v| !v.is_hide_set()).map(|v| v.get_name().to_owned()).collect();
    if !allowed.is_empty() && !matches!(arg.get_action(), ArgAction::SetTrue) {
        notes.push(format!("giá trị: {}", allowed.join(", ")));
    }
    let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
    let help = if notes.is_empty() { help } else { format!("{help} [{}]", notes.join("; ")) };
    arg.help_heading(heading).hide_default_value(true).hide_possible_values(true).help(help)
}

/// A help page as clap wrote it, with the words of its usage line in Vietnamese, ending with a
/// line break.
pub fn localised_help(text: &str) -> String {
    let text = replace_all(text, USAGE);
    if text.ends_with('\n') { text } else { text + "\n" }
}

/// Words clap writes in usage lines.
const USAGE: &[(&str, &str)] = &[("[OPTIONS]", "[TÙY CHỌN]"), ("Usage:", "Cách dùng:")];

/// clap's error text with its English frame in Vietnamese (the details it quotes, such as
/// flag names, stay as they are).
pub fn localised_error(text: &str) -> String {
    const FRAME: &[(&str, &str)] = &[
        ("error: unrecognized subcommand", "lỗi: không có lệnh"),
        ("error: unexpected argument", "lỗi: không nhận tham số"),
        ("error: the following required arguments were not provided:", "lỗi: thiếu các tham số bắt buộc:"),
        ("error: invalid value", "lỗi: giá trị không hợp lệ"),
        ("error: a value is required for", "lỗi: cần một giá trị cho"),
        ("error: the argument", "lỗi: tham số"),
        ("cannot be used multiple times", "chỉ được dùng một lần"),
        ("error:", "lỗi:"),
        ("[possible values:", "[giá trị:"),
        (" found", ""),
        (" for '", " cho '"),
        ("  tip: a similar subcommand exists:", "  gợi ý: có lệnh gần giống:"),
        ("  tip: a similar argument exists:", "  gợi ý: có tham số gần giống:"),
        ("  tip: to pass", "  gợi ý: để truyền"),
        ("  tip:", "  gợi ý:"),
        ("For more information, try '--help'.", "Xem thêm: '--help'."),
        // Numbers clap could not read (" found" is already gone from these).
        ("invalid digit in string", "cần một số viết bằng chữ số"),
        ("number too large to fit in target type", "số quá lớn"),
        ("number too small to fit in target type", "số quá nhỏ"),
        ("cannot parse integer from empty string", "cần một số"),
        (" is not in ", " nằm ngoài khoảng "),
    ];
    replace_all(&replace_all(text, FRAME), USAGE)
}

fn replace_all(text: &str, pairs: &[(&str, &str)]) -> String {
    pairs.iter().fold(text.to_owned(), |text, (english, vietnamese)| text.replace(english, vietnamese))
}
