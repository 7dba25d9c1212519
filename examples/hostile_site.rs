//! Writes the hostile content shapes of `tests/hostile/shapes.rs`: for `bench/hostile.sh`,
//! `hostile_site <thư mục>` lists the shapes and `hostile_site <thư mục> <shape>` writes that
//! shape's file below the site root given (overwriting it); for the fuzz target,
//! `hostile_site --seeds <thư mục>` writes every shape as one seed file named after it
//! (`fuzz/corpus/content_file/`, so `cargo fuzz run content_file` grows from them).

#[path = "../tests/hostile/shapes.rs"]
mod shapes;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(root) = args.first().map(PathBuf::from) else {
        eprintln!("cách dùng: hostile_site <thư mục gốc của trang> [dạng]");
        return ExitCode::from(2);
    };
    let all = shapes::all();
    if args[0] == "--seeds" {
        let Some(folder) = args.get(1).map(PathBuf::from) else {
            eprintln!("cách dùng: hostile_site --seeds <thư mục>");
            return ExitCode::from(2);
        };
        return write_all(all.iter().map(|shape| (folder.join(shape.name), shape.text.as_str())));
    }
    let Some(name) = args.get(1) else {
        for shape in &all {
            println!("{}", shape.name);
        }
        return ExitCode::SUCCESS;
    };
    let Some(shape) = all.iter().find(|s| s.name == name) else {
        eprintln!("không có dạng `{name}`");
        return ExitCode::from(2);
    };
    write_all([(root.join(shape.path), shape.text.as_str())])
}

/// Writes each `(path, text)`, creating folders; stops at the first failure, naming it.
fn write_all<'a>(files: impl IntoIterator<Item = (PathBuf, &'a str)>) -> ExitCode {
    for (path, text) in files {
        let written = path.parent().map_or(Ok(()), std::fs::create_dir_all).and_then(|()| std::fs::write(&path, text));
        if let Err(error) = written {
            eprintln!("không ghi được `{}`: {error}", path.display());
            return ExitCode::from(1);
        }
    }
    ExitCode::SUCCESS
}
