//! Hints to the system allocator that keep the resident memory of a large
//! run near what it holds.
//!
//! On glibc (Linux), a run of a million claims held about 40% more resident
//! memory than its live heap (docs/performance.md, "Memory"): each thread
//! allocates from an arena of its own, and memory freed inside an arena
//! (the articles after grounding, the claims after their views are built)
//! stays resident until the arena's top is free. So:
//! - [`limit_arenas`] caps the arenas at two, one per core of the machine
//!   we measure on, before any thread starts (the binary calls it first);
//! - [`release_free`] hands the whole free pages inside every arena back to
//!   the system (`malloc_trim`), called after a stage that frees much.
//!
//! Elsewhere both do nothing. Neither changes what the program computes.
#![allow(unsafe_code)]

/// Cap glibc's malloc arenas at two (`M_ARENA_MAX`), unless the user set
/// `MALLOC_ARENA_MAX` themselves. Call before starting threads.
pub fn limit_arenas() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    if std::env::var_os("MALLOC_ARENA_MAX").is_none() {
        // SAFETY: mallopt only sets a tuning parameter of the allocator; it
        // is called before any other thread exists. A failure (0) leaves
        // the default, which is only slower to give memory back.
        unsafe {
            libc::mallopt(libc::M_ARENA_MAX, 2);
        }
    }
}

/// Give the free pages of the allocator's arenas back to the system.
pub fn release_free() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim takes the allocator's own locks and only releases
    // pages that hold no allocation.
    unsafe {
        libc::malloc_trim(0);
    }
}
