//! The `guong` binary: parse arguments, run, exit with the code SPEC §4 gives.

/// A build allocates millions of small strings from several threads; mimalloc does that
/// markedly faster than the system allocator (see README, "Performance").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    without_huge_pages();
    return_freed_memory_sooner();
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

/// Makes mimalloc give memory freed by a thread back to the system after 100 ms instead of
/// its default second: a build frees the checker's trees and every page's context while the
/// other threads go on allocating, and at 10,000 models the peak was 25–35 MB higher for it,
/// with no measurable difference in time (README, "Performance"). `MIMALLOC_PURGE_DELAY` in
/// the environment still decides when it is set.
fn return_freed_memory_sooner() {
    use std::ffi::{c_int, c_long};
    /// `mi_option_purge_delay` of `mimalloc.h` (the same in mimalloc 2 and 3).
    const MI_OPTION_PURGE_DELAY: c_int = 15;
    unsafe extern "C" {
        fn mi_option_set(option: c_int, value: c_long);
    }
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_some() {
        return;
    }
    // SAFETY: sets one integer option of the mimalloc linked in as the global allocator,
    // while this is the only thread (`mi_option_set` is not thread safe).
    unsafe { mi_option_set(MI_OPTION_PURGE_DELAY, 100) };
}
