//! The allocator, and how it takes memory from the system.
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
//! [`configure`] sets how it takes memory from the system: ordinary 4 KiB
//! pages, not transparent huge pages, and freed memory kept for the stages
//! after it rather than handed back (on the VM we measure on, every page
//! the system hands out is zeroed on its first touch at a cost the host
//! adds to). Neither changes what the program computes.
//!
//! [`TakeOnce`] lets threads move items out of one vector by index, each
//! item at most once: a million claims are moved into their facts' views in
//! parallel, where safe Rust would move them one at a time.
#![allow(unsafe_code)]

use std::sync::atomic::{AtomicBool, Ordering};

/// The global allocator the binary uses (`#[global_allocator]` in `main.rs`).
pub type Allocator = mimalloc::MiMalloc;

/// mimalloc's `allow_thp` option: its index in the C library's option enum
/// (`mi_option_allow_thp`, four before `_mi_option_last` in mimalloc 3,
/// which libmimalloc-sys does not name). The assertion stops the build if
/// an update of the library moves the enum's end.
const ALLOW_THP: libmimalloc_sys::mi_option_t = libmimalloc_sys::_mi_option_last - 4;
const _: () = assert!(libmimalloc_sys::_mi_option_last == 47, "mimalloc's option enum changed: check ALLOW_THP");

/// mimalloc's `purge_delay` option (`mi_option_purge_delay`, the one before
/// `use_numa_nodes`, which libmimalloc-sys does not name either).
const PURGE_DELAY: libmimalloc_sys::mi_option_t = libmimalloc_sys::mi_option_use_numa_nodes - 1;

/// How the allocator takes memory from the system; call it first in `main`.
/// A reader's own `MIMALLOC_ALLOW_THP` or `MIMALLOC_PURGE_DELAY` (or its old
/// name `MIMALLOC_RESET_DELAY`) stands: each step is skipped when its
/// variable is set, in any case of letters, as mimalloc reads them. Neither
/// step changes what the program computes. Measured in docs/performance.md
/// ("The thirteenth session"), on the 1M corpus:
///
/// 1. **Ordinary 4 KiB pages, no transparent huge pages.** mimalloc asks
///    Linux for huge pages (`madvise(MADV_HUGEPAGE)`) on its large regions,
///    and the first touch of each 2 MiB page then zeroes all of it in one
///    fault. On the 2-core VM that cost a 1M check about 6 s of system
///    time; with 4 KiB pages, 2.5–3.3 s, and the check is 1.1–2 s quicker
///    (loading alone 1 s). User time rises a little (more TLB misses). Two
///    calls, because mimalloc reserves its first region before `main`: the
///    `allow_thp` option set to 0 stops its `madvise` calls from here on,
///    and `prctl(PR_SET_THP_DISABLE)` (what mimalloc does itself when the
///    option is 0 at start-up) keeps the regions advised already on small
///    pages too.
/// 2. **Freed memory is kept, not purged** (`purge_delay` = -1). A check
///    frees much between stages (the articles after grounding, 250 MB at
///    1M; the claims once their views are made) and allocates as much
///    again in the next ones. Handed back to the system, that memory is
///    faulted in and zeroed again: some 830,000 faults in a 1M check, about
///    430,000 when it is kept. The check is 0.6 s quicker, and its peak
///    about 100 MiB higher (1,700 MiB against 1,600 MiB; the target is
///    2 GB). The process hands everything back when it exits.
pub fn configure() {
    if !set_by_reader(&["MIMALLOC_ALLOW_THP"]) {
        // SAFETY: mi_option_set takes no pointer; allow_thp is read when
        // memory is mapped or purged, and 0 is one of its documented values.
        unsafe {
            libmimalloc_sys::mi_option_set(ALLOW_THP, 0);
        }
        // Refused only by kernels older than 3.15, which then keep their pages.
        #[cfg(target_os = "linux")]
        let _ = rustix::thread::disable_transparent_huge_pages(true);
    }
    if !set_by_reader(PURGE_DELAY_NAMES) {
        // SAFETY: mi_option_set takes no pointer; purge_delay is read each
        // time memory could be purged, and -1 (never) is a documented value.
        unsafe {
            libmimalloc_sys::mi_option_set(PURGE_DELAY, -1);
        }
    }
}

/// The environment variables mimalloc reads `purge_delay` from.
const PURGE_DELAY_NAMES: &[&str] = &["MIMALLOC_PURGE_DELAY", "MIMALLOC_RESET_DELAY"];

/// Whether the environment sets one of `names`, in any case of letters
/// (mimalloc compares the names without regard to case).
fn set_by_reader(names: &[&str]) -> bool {
    std::env::vars_os()
        .any(|(key, _)| key.to_str().is_some_and(|key| names.iter().any(|n| key.eq_ignore_ascii_case(n))))
}

/// The items of `parts`, in order, in one vector: each part is moved into
/// place by its own thread (a million claims read file by file are joined
/// with two threads faulting in and filling the new vector's pages, not one).
pub fn concat<T: Send>(mut parts: Vec<Vec<T>>) -> Vec<T> {
    use rayon::prelude::*;
    // (Only items of no size could make the lengths overflow: refused before anything moves.)
    let total: usize =
        parts.iter().map(Vec::len).try_fold(0usize, usize::checked_add).expect("the parts' lengths add up in a usize");
    let mut out: Vec<T> = Vec::with_capacity(total);
    let mut offsets = Vec::with_capacity(parts.len());
    let mut at = 0;
    for p in &parts {
        offsets.push(at);
        at += p.len();
    }
    /// The new vector's buffer, written by the threads at disjoint offsets.
    struct Buffer<T>(*mut T);
    // SAFETY: each thread writes its own range of the buffer (the offsets
    // are a running sum of the parts' lengths), and the items moved are `Send`.
    unsafe impl<T: Send> Sync for Buffer<T> {}
    impl<T> Buffer<T> {
        fn at(&self, offset: usize) -> *mut T {
            // SAFETY (of the callers): offset + the part's length <= total,
            // the buffer's capacity.
            self.0.wrapping_add(offset)
        }
    }
    let buffer = Buffer(out.as_mut_ptr());
    parts.par_iter_mut().zip(offsets.par_iter()).for_each(|(part, &offset)| {
        // SAFETY: the part's items are copied to their own range of the new
        // buffer, which holds `total` items, and the part forgets them (its
        // length set to 0) so that each item has one owner.
        unsafe {
            std::ptr::copy_nonoverlapping(part.as_ptr(), buffer.at(offset), part.len());
            part.set_len(0);
        }
    });
    // SAFETY: every one of the `total` slots was written above.
    unsafe { out.set_len(total) };
    out
}

/// A vector whose items threads may move out by index, each at most once.
/// Items never taken are dropped with it, and its memory freed (should an
/// item's own `drop` panic there, the items after it and the buffer are
/// leaked, never dropped twice).
pub struct TakeOnce<T> {
    /// The vector's buffer, its length and capacity; `items` is never used
    /// as a `Vec` again (its items are moved out one by one).
    items: std::mem::ManuallyDrop<Vec<T>>,
    /// Per item: moved out already.
    taken: Vec<AtomicBool>,
}

// SAFETY: `take` moves an item to the calling thread, which is what `Send`
// allows; the `taken` flags, swapped atomically, let each item be moved out
// once, so no two threads ever read the same item.
unsafe impl<T: Send> Sync for TakeOnce<T> {}

impl<T> TakeOnce<T> {
    pub fn new(items: Vec<T>) -> TakeOnce<T> {
        let taken = (0..items.len()).map(|_| AtomicBool::new(false)).collect();
        TakeOnce { items: std::mem::ManuallyDrop::new(items), taken }
    }

    /// Item `i`, moved out: `None` when there is no such item or it was taken.
    pub fn take(&self, i: usize) -> Option<T> {
        let flag = self.taken.get(i)?;
        if flag.swap(true, Ordering::AcqRel) {
            return None;
        }
        // SAFETY: `i` is in bounds (it has a flag), and the flag was false
        // until this swap, so the item is initialised and nobody else reads
        // it: it is read once, and never dropped in place (see `Drop`).
        Some(unsafe { std::ptr::read(self.items.as_ptr().add(i)) })
    }
}

impl<T> Drop for TakeOnce<T> {
    fn drop(&mut self) {
        let ptr = self.items.as_mut_ptr();
        for (i, flag) in self.taken.iter_mut().enumerate() {
            if !*flag.get_mut() {
                // SAFETY: an item not taken is still initialised and owned
                // here; it is dropped once.
                unsafe { std::ptr::drop_in_place(ptr.add(i)) };
            }
        }
        // SAFETY: every item has been moved out or dropped: the buffer is
        // freed as an empty vector of the same capacity.
        unsafe {
            self.items.set_len(0);
            std::mem::ManuallyDrop::drop(&mut self.items);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `ALLOW_THP` and `PURGE_DELAY` name mimalloc's `allow_thp` and
    /// `purge_delay`: they and the options around `allow_thp` have the
    /// defaults mimalloc.h gives them (the const assertion only checks the
    /// Rust crate's count of options). Untouched by this process (the
    /// library's tests never call `configure`) and, unless set in the
    /// environment, at their defaults.
    #[test]
    #[cfg(target_os = "linux")]
    fn the_allow_thp_index_is_allow_thp() {
        let get = |option| unsafe { libmimalloc_sys::mi_option_get(option) };
        if !set_by_reader(&["MIMALLOC_ALLOW_THP"]) {
            assert_eq!(get(ALLOW_THP), 1, "allow_thp: 1 by default on Linux");
        }
        if std::env::var_os("MIMALLOC_MINIMAL_PURGE_SIZE").is_none() {
            assert_eq!(get(ALLOW_THP + 1), 0, "minimal_purge_size: 0 by default");
        }
        if std::env::var_os("MIMALLOC_ARENA_MAX_OBJECT_SIZE").is_none() {
            assert_eq!(get(ALLOW_THP + 2), 2 << 20, "arena_max_object_size: 2 GiB in KiB");
        }
        if !set_by_reader(PURGE_DELAY_NAMES) {
            assert_eq!(get(PURGE_DELAY), 1000, "purge_delay: 1000 ms by default");
        }
        if std::env::var_os("MIMALLOC_PAGE_CROSS_THREAD_MAX_RECLAIM").is_none() {
            assert_eq!(get(ALLOW_THP - 1), 32, "page_cross_thread_max_reclaim: 32 by default");
        }
    }

    #[test]
    fn items_are_taken_once_each_and_the_rest_dropped() {
        let drops = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
        struct Counted(usize, std::sync::Arc<std::sync::atomic::AtomicUsize>);
        impl Drop for Counted {
            fn drop(&mut self) {
                self.1.fetch_add(1, Ordering::SeqCst);
            }
        }
        let items: Vec<Counted> = (0..100).map(|i| Counted(i, drops.clone())).collect();
        let slots = TakeOnce::new(items);
        // Four threads take the even items, each of them twice over: each comes out once.
        let taken: Vec<usize> = std::thread::scope(|scope| {
            let threads: Vec<_> = (0..4usize)
                .map(|t| {
                    let slots = &slots;
                    scope.spawn(move || {
                        (0..100usize)
                            .filter(|k| k % 4 == t || (k + 1) % 4 == t)
                            .filter_map(|k| slots.take(k & !1).map(|c| c.0))
                            .collect::<Vec<usize>>()
                    })
                })
                .collect();
            threads.into_iter().flat_map(|h| h.join().expect("no panic")).collect()
        });
        let mut sorted = taken.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, (0..100).step_by(2).collect::<Vec<_>>());
        assert!(slots.take(100).is_none(), "out of range");
        assert_eq!(drops.load(Ordering::SeqCst), 50, "the taken ones, dropped by their takers");
        drop(slots);
        assert_eq!(drops.load(Ordering::SeqCst), 100, "the rest, dropped with the slots");
    }

    #[test]
    fn parts_are_joined_in_order_each_item_once() {
        let parts: Vec<Vec<String>> = (0..50).map(|p| (0..(p % 7)).map(|i| format!("{p}-{i}")).collect()).collect();
        let want: Vec<String> = parts.iter().flatten().cloned().collect();
        assert_eq!(concat(parts), want);
        assert_eq!(concat(Vec::<Vec<String>>::new()), Vec::<String>::new());
        assert_eq!(concat(vec![Vec::<u8>::new(), vec![1], Vec::new()]), vec![1]);
    }

    #[test]
    fn zero_sized_items_are_joined_and_taken() {
        assert_eq!(concat(vec![vec![(); 3], Vec::new(), vec![(); 2]]).len(), 5);
        let slots = TakeOnce::new(vec![(); 4]);
        assert_eq!(slots.take(3), Some(()));
        assert_eq!(slots.take(3), None);
    }

    #[test]
    fn strings_move_out_intact() {
        let slots = TakeOnce::new(vec!["a".to_string(), "b".repeat(1000), String::new()]);
        assert_eq!(slots.take(1).as_deref(), Some("b".repeat(1000).as_str()));
        assert_eq!(slots.take(1), None);
        assert_eq!(slots.take(2).as_deref(), Some(""));
    }
}
