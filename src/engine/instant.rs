//! The event loop, one instant at a time: what changes the world settles first (all
//! of a round's edge arrivals together), and only then is what teams notice
//! processed; a provider's change leaves over its delayed edges once, where it settled
//! when the instant is over. So who watches never changes what happens.

use super::cascade::LOOP_LIMIT;
use super::core::{AHEAD, Engine};
use super::prefetch::prefetch_at;
use super::types::{MessageId, RunId};
use crate::scenario::{InjectId, Secs, TeamId};

/// Something scheduled that changes the world. Kept small (16 bytes): the queue
/// holds millions of them.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Ev {
    /// A provider's new capacity arrives over the edges of a fan-out group (its
    /// out-edges with one delay: the slots `start..start + len`), with the packed
    /// origin. The slots travel in the event so the fan-out reads no index first.
    Fanout {
        start: u32,
        len: u32,
        cap: u16,
        origin: u32,
    },
    /// The buffer a service runs on is spent (if `generation` is still current).
    BufferOut { svc: u32, generation: u32 },
    /// A threat step is due.
    Step { threat: u32, step: u32 },
    /// An action run finishes.
    ActionDone { run: u32 },
    /// A timed inject is due.
    InjectAt { inject: u32 },
    /// A message reaches one recipient. It changes no service, but an inject may
    /// wait for it, so it is handled with the world's events.
    Deliver { msg: u32, to: u32 },
    /// Re-check inject conditions (a time-based condition may now hold).
    Wake,
}

/// Something scheduled that changes only what a team knows. It never touches the
/// world, so it waits until the world has settled at its instant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Notice {
    /// A detection after its delay (index into `pending`).
    Detect { idx: u32 },
}

impl Engine {
    /// Process every instant up to and including `t`.
    pub(crate) fn run_until(&mut self, t: Secs) {
        loop {
            self.send_round();
            let world = self.queue.next_time();
            let seen = if self.noticed_now.is_empty() {
                self.notices.next_time()
            } else {
                Some(self.now)
            };
            let next = match (world, seen) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            // Moving on from this instant: what changed here leaves over delayed edges.
            if t > self.now && next.is_none_or(|n| n > self.now) && self.send_instant() {
                continue;
            }
            let Some(next) = next else {
                break;
            };
            if next > t {
                break;
            }
            self.set_now(next);
            if world == Some(next) {
                self.world_round(next);
            } else {
                self.notice_round(next);
            }
            // Conditions are checked once the world has settled at this instant (an
            // inject they fire may change it again); nothing a team notices changes
            // them.
            if self.queue.next_time() != Some(next) {
                self.check_injects();
            }
        }
    }

    /// Process what is due now, including what inject conditions set off.
    pub(crate) fn settle(&mut self) {
        loop {
            self.run_until(self.now);
            if !self.check_injects() {
                break;
            }
        }
        self.sync_views();
    }

    /// One round of world events at `now`: every edge arrival first, each dependent
    /// recomputed once; then the other events in the order they were scheduled.
    /// Changes they make at `now` over zero-delay edges come in the next round.
    fn world_round(&mut self, now: Secs) {
        let batch = self.queue.take(now);
        self.stats.events += batch.len() as u64;
        for (i, ev) in batch.iter().enumerate() {
            // Start loading the edges of a fan-out a few events ahead, and the
            // dependents of one nearer: misses then overlap with the work here.
            if let Some(ev) = batch.get(i + AHEAD) {
                self.prefetch_edges(ev);
            }
            if let Some(ev) = batch.get(i + AHEAD / 2) {
                self.prefetch_dependents(ev);
            }
            if let Ev::Fanout {
                start,
                len,
                cap,
                origin,
            } = *ev
            {
                self.fan_in(start, len, cap, origin);
            }
        }
        self.flush();
        for (i, &ev) in batch.iter().enumerate() {
            // A spent buffer reads the service's record first thing.
            if let Some(Ev::BufferOut { svc, .. }) = batch.get(i + AHEAD) {
                prefetch_at(&self.world.svcs, *svc as usize);
            }
            self.handle(ev);
        }
        self.queue.recycle(batch);
    }

    /// A world event other than an edge arrival (those are applied first, together).
    fn handle(&mut self, ev: Ev) {
        match ev {
            Ev::Fanout { .. } => {}
            Ev::BufferOut { svc, generation } => self.buffer_out(svc as usize, generation),
            Ev::Step { threat, step } => self.threat_step(threat as usize, step as usize),
            Ev::ActionDone { run } => self.finish_action(RunId(run)),
            Ev::InjectAt { inject } => self.inject_due(InjectId(inject)),
            Ev::Deliver { msg, to } => self.deliver(MessageId(msg), TeamId(to)),
            Ev::Wake => self.cond_dirty = true,
        }
    }

    /// What teams notice at `now`, once the world has settled there.
    fn notice_round(&mut self, now: Secs) {
        let noticed = std::mem::take(&mut self.noticed_now);
        for (i, d) in noticed.iter().enumerate() {
            if let Some(ahead) = noticed.get(i + AHEAD) {
                prefetch_at(&self.world.svcs, ahead.svc.idx());
            }
            self.notice_if_still(*d);
        }
        self.noticed_now = noticed;
        self.noticed_now.clear();
        if self.notices.next_time() != Some(now) {
            return;
        }
        let mut batch = std::mem::take(&mut self.notice_buf);
        self.notices.take(now, &mut batch);
        self.stats.events += batch.len() as u64;
        for (i, &n) in batch.iter().enumerate() {
            // A detection reads its record, then the service it is about.
            if let Some(Notice::Detect { idx }) = batch.get(i + AHEAD) {
                prefetch_at(&self.pending, *idx as usize);
            }
            if let Some(Notice::Detect { idx }) = batch.get(i + AHEAD / 2)
                && let Some(d) = self.pending.get(*idx as usize)
            {
                prefetch_at(&self.world.svcs, d.svc.idx());
            }
            let Notice::Detect { idx } = n;
            self.notice_if_still(self.pending[idx as usize]);
        }
        batch.clear();
        self.notice_buf = batch;
    }

    /// List `s`, whose capacity just changed, to send its change on: over its
    /// zero-delay edges when this round ends, over its delayed ones once this
    /// instant is over. So a dependent receives only where its provider settled
    /// (one arrival, one draw, per edge per instant and round).
    pub(crate) fn list_to_send(&mut self, s: usize) {
        let shape = &self.topo.shapes[s];
        let v = &mut self.world.svcs[s];
        if shape.sends_now && v.listed & 1 == 0 {
            v.listed |= 1;
            self.round_changed.push(s as u32);
        }
        if shape.sends_late && v.listed & 2 == 0 {
            v.listed |= 2;
            self.instant_changed.push(s as u32);
        }
    }

    /// Send the changes of this round over zero-delay edges (they arrive in the next
    /// round at this instant). A service changed more than `LOOP_LIMIT` times at
    /// this instant passes nothing on this way any more.
    fn send_round(&mut self) {
        if self.round_changed.is_empty() {
            return;
        }
        let mut list = std::mem::take(&mut self.round_changed);
        for (i, &s) in list.iter().enumerate() {
            self.prefetch_sender(&list, i);
            let s = s as usize;
            let v = &mut self.world.svcs[s];
            v.listed &= !1;
            let cut = v.stamp == self.now && v.changes > LOOP_LIMIT;
            if v.cap == v.sent_now || cut {
                continue;
            }
            v.sent_now = v.cap;
            let (cap, origin) = (v.cap, v.origin.pack());
            let g = self.topo.groups[self.topo.shapes[s].groups.0 as usize];
            let (start, len) = (g.start, g.len);
            self.queue.push(
                self.now,
                Ev::Fanout {
                    start,
                    len,
                    cap,
                    origin,
                },
            );
        }
        list.clear();
        self.round_changed = list;
    }

    /// Send where each service changed at this instant settled over its delayed
    /// edges (the instant is over). Whether anything was sent.
    fn send_instant(&mut self) -> bool {
        if self.instant_changed.is_empty() {
            return false;
        }
        let mut list = std::mem::take(&mut self.instant_changed);
        let mut sent = false;
        for (i, &s) in list.iter().enumerate() {
            self.prefetch_sender(&list, i);
            let s = s as usize;
            let v = &mut self.world.svcs[s];
            v.listed &= !2;
            if v.cap == v.sent_late {
                continue;
            }
            v.sent_late = v.cap;
            let (cap, origin) = (v.cap, v.origin.pack());
            let (a, b) = self.topo.shapes[s].groups;
            for g in &self.topo.groups[a as usize..b as usize] {
                if g.delay > 0 {
                    let ev = Ev::Fanout {
                        start: g.start,
                        len: g.len,
                        cap,
                        origin,
                    };
                    self.queue.push(self.now + g.delay as Secs, ev);
                    sent = true;
                }
            }
        }
        list.clear();
        self.instant_changed = list;
        sent
    }

    /// Start loading what sending the change of a service a few places on in `list`
    /// reads (its record and shape, then, once the shape is in, its groups).
    #[inline]
    fn prefetch_sender(&self, list: &[u32], i: usize) {
        if let Some(&s) = list.get(i + AHEAD) {
            prefetch_at(&self.world.svcs, s as usize);
            prefetch_at(&self.topo.shapes, s as usize);
        }
        if let Some(&s) = list.get(i + AHEAD / 2) {
            prefetch_at(
                &self.topo.groups,
                self.topo.shapes[s as usize].groups.0 as usize,
            );
        }
    }

    /// Changes made at this instant that have not left yet over delayed edges:
    /// (first slot, edges, delay, capacity) per fan-out group.
    pub(crate) fn leaving(&self) -> impl Iterator<Item = (u32, u32, u32, u16)> + '_ {
        self.instant_changed.iter().flat_map(move |&s| {
            let v = &self.world.svcs[s as usize];
            let (a, b) = self.topo.shapes[s as usize].groups;
            let groups = &self.topo.groups[a as usize..b as usize];
            groups
                .iter()
                .filter(move |g| g.delay > 0 && v.cap != v.sent_late)
                .map(move |g| (g.start, g.len, g.delay, v.cap))
        })
    }
}
