//! A cache prefetch hint: start loading memory the engine will touch a little later,
//! so that the misses of a batch overlap instead of stalling one after another.
//!
//! The one place in the crate allowed `unsafe`: the x86 intrinsic is marked unsafe,
//! though a prefetch cannot fault or change anything.

#![allow(unsafe_code)]

/// Ask the CPU to bring the cache lines holding `x` closer. A hint only: it never
/// faults and changes nothing; a no-op where the target has no such instruction.
#[inline(always)]
pub(crate) fn prefetch<T>(x: &T) {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
        let p = (x as *const T).cast::<i8>();
        // Every 64-byte line the value touches, from the one holding its first byte
        // to the one holding its last.
        let skew = p as usize % 64;
        let mut off = 0;
        while off < skew + std::mem::size_of::<T>().max(1) {
            // SAFETY: a prefetch never accesses memory architecturally and cannot
            // fault, whatever the address.
            unsafe { _mm_prefetch::<_MM_HINT_T0>(p.wrapping_add(off).wrapping_sub(skew)) };
            off += 64;
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = x;
}

/// [`prefetch`] the element `i` of `xs`, if there is one.
#[inline(always)]
pub(crate) fn prefetch_at<T>(xs: &[T], i: usize) {
    if let Some(x) = xs.get(i) {
        prefetch(x);
    }
}
