//! The `guong` binary: parse arguments, run, exit with the code SPEC §4 gives.

/// A build allocates millions of small strings from several threads; mimalloc does that
/// markedly faster than the system allocator (see README, "Performance").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    without_huge_pages();
    std::process::exit(guong::cli::run());
}

/// Turns transparent huge pages off for this process. With them, the first touch of each
/// 2 MiB of mimalloc's arenas makes the kernel clear the whole 2 MiB: at 10,000 models that
/// was a quarter of `guong check`'s time and about 40 MB of a build's peak memory (README,
/// "Performance").
fn without_huge_pages() {
    #[cfg(target_os = "linux")]
    {
        use std::ffi::{c_int, c_ulong};
        const PR_SET_THP_DISABLE: c_int = 41;
        unsafe extern "C" {
            fn prctl(option: c_int, ...) -> c_int;
        }
        // SAFETY: PR_SET_THP_DISABLE only sets a flag of the calling process, reads no
        // memory, and takes four unsigned longs; a failure (an old kernel) changes nothing.
        let _ = unsafe { prctl(PR_SET_THP_DISABLE, 1 as c_ulong, 0 as c_ulong, 0 as c_ulong, 0 as c_ulong) };
    }
}
