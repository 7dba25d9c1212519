//! Writes the hostile content shapes of `tests/hostile/shapes.rs` for `bench/hostile.sh`:
//! `hostile_site <thư mục>` lists the shapes; `hostile_site <thư mục> <shape>` writes that
//! shape's file below the site root given (overwriting it).

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
    let path = root.join(shape.path);
    let written =
        path.parent().map_or(Ok(()), std::fs::create_dir_all).and_then(|()| std::fs::write(&path, &shape.text));
    if let Err(error) = written {
        eprintln!("không ghi được `{}`: {error}", path.display());
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}
