//! The `guong` binary: parse arguments, run, exit with the code SPEC §4 gives.

/// A build allocates millions of small strings from several threads; mimalloc does that
/// markedly faster than the system allocator (see README, "Performance").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    std::process::exit(guong::cli::run());
}
