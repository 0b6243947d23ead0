//! The allocator, and the hint that keeps the resident memory of a large
//! run near what it holds.
//!
//! The binary allocates with mimalloc ([`Allocator`], set as the global
//! allocator in `main.rs`). A run of a million claims makes tens of millions
//! of small allocations (every claim's strings, readings, pairs, the JSON's
//! pieces) and frees most of them between stages; glibc's malloc spent a
//! fifth of that run's time in `malloc`, `free` and `malloc_consolidate`,
//! and its per-thread arenas kept freed memory resident. mimalloc's
//! thread-local free lists took the 1M check from 23.1 to 18.2 s and loading
//! alone from 6.1 to 4.4 s (docs/performance.md, "Allocator").
//!
//! [`release_free`] hands the pages that hold no allocation back to the
//! system (`mi_collect`), called after a stage that frees much (the
//! articles after grounding, the claims after their views are built).
//! Neither changes what the program computes.
#![allow(unsafe_code)]

/// The global allocator the binary uses (`#[global_allocator]` in `main.rs`).
pub type Allocator = mimalloc::MiMalloc;

/// Give the free pages of the allocator back to the system.
pub fn release_free() {
    // SAFETY: mi_collect takes no pointer; it only returns to the system
    // pages that hold no live allocation. With another global allocator
    // (the library's tests) it collects mimalloc's own, empty, heap.
    unsafe {
        libmimalloc_sys::mi_collect(true);
    }
}
