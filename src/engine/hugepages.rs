//! Large engine arrays on huge pages: a run writes its journal and per-service state
//! with one page fault per 2 MiB instead of one per 4 KiB, and a cascade's random
//! reads miss the TLB less often.
//!
//! The one other place in the crate allowed `unsafe`: the `madvise` system call,
//! which only gives the kernel advice about memory the vector already owns.

#![allow(unsafe_code)]

/// The size of a huge page (x86-64 and most Linux targets).
const HUGE: usize = 2 << 20;
/// The size of an ordinary page; `madvise` wants its range aligned to it.
const PAGE: usize = 4096;

/// An empty vector with room for `n` elements. Where its storage spans at least a
/// huge page, Linux is asked to back it with huge pages (transparent huge pages, in
/// `madvise` mode or `always`); elsewhere, and when the kernel declines, it is an
/// ordinary `Vec::with_capacity`.
pub(crate) fn with_capacity<T>(n: usize) -> Vec<T> {
    let v = Vec::with_capacity(n);
    advise(&v);
    v
}

/// A copy of `xs` in storage set up as by [`with_capacity`] (advised before it is
/// first written, which is when the kernel picks the page size).
pub(crate) fn copy_of<T: Copy>(xs: &[T]) -> Vec<T> {
    let mut v = with_capacity(xs.len());
    v.extend_from_slice(xs);
    v
}

/// `n` copies of `x`, in storage set up as by [`with_capacity`].
pub(crate) fn filled<T: Clone>(x: T, n: usize) -> Vec<T> {
    let mut v = with_capacity(n);
    v.resize(n, x);
    v
}

/// A vector of the items of `it`, in storage set up as by [`with_capacity`].
pub(crate) fn collect<T>(it: impl ExactSizeIterator<Item = T>) -> Vec<T> {
    let mut v = with_capacity(it.len());
    v.extend(it);
    v
}

#[cfg(target_os = "linux")]
fn advise<T>(v: &Vec<T>) {
    let bytes = v.capacity().saturating_mul(std::mem::size_of::<T>());
    if bytes < HUGE {
        return;
    }
    let start = v.as_ptr() as usize;
    let first = start.next_multiple_of(PAGE);
    let end = (start + bytes) / PAGE * PAGE;
    if end > first {
        // SAFETY: `first..end` lies inside the vector's live allocation (`bytes` is
        // its capacity in bytes; the range is trimmed inward to whole pages), and
        // MADV_HUGEPAGE changes neither the contents nor the validity of the
        // mapping. A refusal (no THP support) leaves ordinary pages; it is ignored.
        unsafe {
            libc::madvise(first as *mut libc::c_void, end - first, libc::MADV_HUGEPAGE);
        }
    }
}

#[cfg(not(target_os = "linux"))]
fn advise<T>(_: &Vec<T>) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vectors_hold_what_is_put_in_them_small_or_large() {
        for n in [0usize, 3, HUGE / 8 + 1, 3 * HUGE / 8] {
            let mut v: Vec<u64> = with_capacity(n);
            assert!(v.capacity() >= n);
            v.extend((0..n as u64).map(|x| x * 7));
            assert!(v.iter().enumerate().all(|(i, &x)| x == i as u64 * 7));
            let copy = copy_of(&v);
            assert_eq!(copy, v);
            assert!(filled(9u8, n).iter().all(|&x| x == 9));
            assert_eq!(filled(9u8, n).len(), n);
            let again = collect(v.iter().map(|x| x + 1));
            assert_eq!(again.len(), n);
            assert!(again.iter().zip(&v).all(|(a, b)| *a == b + 1));
        }
    }
}
