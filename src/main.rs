//! The `guong` binary: parse arguments, run, exit with the code SPEC §4 gives.

fn main() {
    std::process::exit(guong::cli::run());
}
