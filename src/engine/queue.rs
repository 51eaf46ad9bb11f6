//! The event queue: a bucketed timing wheel ordered by (time, sequence number).
//!
//! Times are whole seconds. The near window (`WINDOW` seconds, aligned) keeps one
//! FIFO bucket per second with an occupancy bitmap; later events wait in coarse
//! blocks of the same width (a short list sorted by block, latest first) and are
//! spread into the window when it empties. Within a second, events come out in the order they were pushed,
//! which is their sequence order, so no sequence number needs storing.

use crate::scenario::Secs;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// A window of 1024 s (about 17 minutes): most cascade delays fall inside it, and
/// an engine's fixed cost (one bucket per second, made and dropped with it) stays
/// small for the many short runs of a small scenario.
const BITS: usize = 10;
const WINDOW: usize = 1 << BITS;
const WORDS: usize = WINDOW / 64;

/// A far block: its number, its earliest time and its events in push order.
#[derive(Debug, Clone)]
struct Block<E> {
    block: Secs,
    min: Secs,
    items: Vec<(Secs, E)>,
}

#[derive(Debug, Clone)]
pub(crate) struct Queue<E> {
    /// First second of the window (a multiple of `WINDOW`).
    base: Secs,
    slots: Vec<Vec<E>>,
    bits: [u64; WORDS],
    /// Events in the window.
    near: usize,
    /// Sorted by block number, latest first (the next block is last).
    far: Vec<Block<E>>,
    /// Emptied buckets kept for their capacity.
    spare: Vec<Vec<E>>,
    /// Emptied far blocks' lists, kept for their capacity.
    far_spare: Vec<Vec<(Secs, E)>>,
}

impl<E: Copy> Queue<E> {
    pub(crate) fn new() -> Self {
        Queue {
            base: 0,
            slots: (0..WINDOW).map(|_| Vec::new()).collect(),
            bits: [0; WORDS],
            near: 0,
            far: Vec::new(),
            spare: Vec::new(),
            far_spare: Vec::new(),
        }
    }

    /// Schedule `ev` at `t`. `t` must not be earlier than the last time taken.
    pub(crate) fn push(&mut self, t: Secs, ev: E) {
        let block = t >> BITS;
        if block == self.base >> BITS {
            self.push_near((t - self.base) as usize, ev);
        } else {
            let at = match self.far.binary_search_by(|b| block.cmp(&b.block)) {
                Ok(i) => i,
                Err(i) => {
                    let items = self.far_spare.pop().unwrap_or_default();
                    self.far.insert(
                        i,
                        Block {
                            block,
                            min: t,
                            items,
                        },
                    );
                    i
                }
            };
            let b = &mut self.far[at];
            b.min = b.min.min(t);
            b.items.push((t, ev));
        }
    }

    /// The earliest scheduled time.
    pub(crate) fn next_time(&self) -> Option<Secs> {
        if self.near > 0 {
            for w in 0..WORDS {
                if self.bits[w] != 0 {
                    let i = w * 64 + self.bits[w].trailing_zeros() as usize;
                    return Some(self.base + i as Secs);
                }
            }
        }
        self.far.last().map(|b| b.min)
    }

    /// Take every event due at `t` (which must be [`Self::next_time`]), in order.
    /// Events pushed at `t` meanwhile wait for the next call.
    pub(crate) fn take(&mut self, t: Secs) -> Vec<E> {
        if self.near == 0 {
            self.refill();
        }
        let Some(i) = t
            .checked_sub(self.base)
            .map(|d| d as usize)
            .filter(|&i| i < WINDOW)
        else {
            return Vec::new();
        };
        let out = std::mem::take(&mut self.slots[i]);
        self.bits[i / 64] &= !(1 << (i % 64));
        self.near -= out.len();
        out
    }

    /// Hand back a processed batch so its allocation is reused.
    pub(crate) fn recycle(&mut self, mut batch: Vec<E>) {
        batch.clear();
        if self.spare.len() < 64 {
            self.spare.push(batch);
        }
    }

    /// Move the first far block into the window.
    fn refill(&mut self) {
        let Some(b) = self.far.pop() else {
            return;
        };
        self.base = b.block << BITS;
        let mut items = b.items;
        for &(t, ev) in &items {
            self.push_near((t - self.base) as usize, ev);
        }
        if self.far_spare.len() < 16 {
            items.clear();
            self.far_spare.push(items);
        }
    }

    fn push_near(&mut self, i: usize, ev: E) {
        let slot = &mut self.slots[i];
        if slot.capacity() == 0
            && let Some(v) = self.spare.pop()
        {
            *slot = v;
        }
        slot.push(ev);
        self.bits[i / 64] |= 1 << (i % 64);
        self.near += 1;
    }

    /// Every pending event with its time, in no particular order.
    pub(crate) fn pending(&self) -> impl Iterator<Item = (Secs, &E)> + '_ {
        let near = self
            .slots
            .iter()
            .enumerate()
            .filter(|(_, s)| !s.is_empty())
            .flat_map(move |(i, s)| s.iter().map(move |e| (self.base + i as Secs, e)));
        let far = self
            .far
            .iter()
            .flat_map(|b| b.items.iter().map(|(t, e)| (*t, e)));
        near.chain(far)
    }

    #[cfg(test)]
    pub(crate) fn is_empty(&self) -> bool {
        self.near == 0 && self.far.is_empty()
    }
}

/// A small queue with the same order, for the few events of a kind (what teams
/// notice): a binary heap by (time, push order), cheap to make for a short run.
#[derive(Debug, Clone)]
pub(crate) struct Heap<E> {
    heap: BinaryHeap<Reverse<(Secs, u64, E)>>,
    pushed: u64,
}

impl<E: Copy + Ord> Heap<E> {
    pub(crate) fn new() -> Self {
        Heap {
            heap: BinaryHeap::new(),
            pushed: 0,
        }
    }

    pub(crate) fn push(&mut self, t: Secs, ev: E) {
        self.heap.push(Reverse((t, self.pushed, ev)));
        self.pushed += 1;
    }

    pub(crate) fn next_time(&self) -> Option<Secs> {
        self.heap.peek().map(|Reverse((t, _, _))| *t)
    }

    /// Take every event due at `t` into `into`, in push order; those pushed at `t`
    /// meanwhile wait for the next call.
    pub(crate) fn take(&mut self, t: Secs, into: &mut Vec<E>) {
        while let Some(Reverse((at, _, ev))) = self.heap.peek().copied() {
            if at != t {
                break;
            }
            self.heap.pop();
            into.push(ev);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn drain(q: &mut Queue<u32>) -> Vec<(Secs, u32)> {
        let mut out = Vec::new();
        while let Some(t) = q.next_time() {
            for e in q.take(t) {
                out.push((t, e));
            }
        }
        out
    }

    #[test]
    fn orders_by_time_then_push_order() {
        let mut q = Queue::new();
        let times = [5u64, 3, 5, 100_000, 3, 2047, 1024, 0, 100_000, 70_000];
        for (n, &t) in times.iter().enumerate() {
            q.push(t, n as u32);
        }
        let mut want: Vec<(Secs, u32)> = times
            .iter()
            .enumerate()
            .map(|(n, &t)| (t, n as u32))
            .collect();
        want.sort_by_key(|&(t, n)| (t, n));
        assert_eq!(drain(&mut q), want);
        assert!(q.is_empty());
    }

    #[test]
    fn pushes_at_the_current_time_come_after() {
        let mut q = Queue::new();
        q.push(10, 1);
        q.push(10, 2);
        let batch = q.take(10);
        assert_eq!(batch, vec![1, 2]);
        q.push(10, 3);
        q.push(11, 4);
        assert_eq!(q.next_time(), Some(10));
        assert_eq!(q.take(10), vec![3]);
        assert_eq!(q.next_time(), Some(11));
    }

    #[test]
    fn the_heap_keeps_the_same_order() {
        let mut h = Heap::new();
        for (n, t) in [5u64, 3, 5, 100_000, 3].into_iter().enumerate() {
            h.push(t, n as u32);
        }
        let mut out = Vec::new();
        while let Some(t) = h.next_time() {
            h.take(t, &mut out);
        }
        assert_eq!(out, vec![1, 4, 0, 2, 3]);
    }

    #[test]
    fn far_blocks_keep_their_order_after_refill() {
        let mut q = Queue::new();
        q.push(5000, 1);
        q.push(4100, 2);
        q.push(5000, 3);
        assert_eq!(q.next_time(), Some(4100));
        assert_eq!(q.take(4100), vec![2]);
        q.push(4200, 4);
        assert_eq!(drain(&mut q), vec![(4200, 4), (5000, 1), (5000, 3)]);
    }
}
