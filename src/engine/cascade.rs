//! Cascades: edge arrivals, buffers (battery, then generator, then manual fallback),
//! recomputing a service's capacity and status, and passing changes on.

use super::core::{AHEAD, Engine, PendingDetection};
use super::instant::Ev;
use super::journal::EntryKind;
use super::prefetch::prefetch_at;
use super::rng::Draw;
use super::topology::{FULL, Link, TO_CHANCY, TO_MASK, TO_PHYS, edge_limit};
use super::types::{BufferKind, Cause, DetectionKind, Origin, ServiceStatus};
use super::world::{Fallback, Moved, NONE, Supply, Svc};
use crate::scenario::{DepId, ServiceId};

/// A zero-delay loop may change one service at most this often at one instant;
/// later changes there are kept but not passed on.
pub(crate) const LOOP_LIMIT: u16 = 256;

impl Engine {
    /// A provider's change, `cap`, arrives over the edges `start..start + len` (one
    /// fan-out group).
    /// The hot path of a cascade: one sequential 8-byte read per edge, and a 4-byte
    /// read of the dependent's supply when the edge's limit moves.
    pub(crate) fn fan_in(&mut self, start: u32, len: u32, cap: u16, origin: u32) {
        self.stats.dep_evals += len as u64;
        for k in start as usize..(start + len) as usize {
            let link = self.world.links[k];
            let new = edge_limit(link.floor, cap);
            if new != link.lim {
                self.edge_moves(k, link, new, origin);
            }
        }
    }

    /// Edge `slot` (`link`) now limits its dependent to `new` instead of `link.lim`.
    #[inline]
    fn edge_moves(&mut self, slot: usize, link: Link, new: u16, origin: u32) {
        let old = link.lim;
        if new < old && link.to & TO_CHANCY != 0 && self.link_holds(slot, new) {
            return;
        }
        self.world.links[slot].lim = new;
        let to = (link.to & TO_MASK) as usize;
        let is_phys = link.to & TO_PHYS != 0;
        let sup = &mut self.world.supply[to];
        let cached = if is_phys {
            &mut sup.phys
        } else {
            &mut sup.other
        };
        let before = *cached;
        if new < before {
            *cached = new;
        } else if old == before {
            let (phys, other) = self.topo.in_ranges(to);
            let range = if is_phys { phys } else { other };
            let links = &self.world.links;
            *cached = self.topo.in_slots[range]
                .iter()
                .map(|&k| links[k as usize].lim)
                .min()
                .unwrap_or(FULL);
        }
        if *cached != before {
            // The physical supply moved: say so in the top bit.
            let tag = if is_phys { TO_PHYS } else { 0 };
            self.world.moved[to] = Moved {
                dep: self.topo.slot_dep[slot] | tag,
                origin,
            };
            // Listed once per move; `flush` drops the repeats.
            self.dirty.push(to as u32);
        }
    }

    /// Whether the worsening of the logical edge `slot` to `new` arriving now does
    /// not happen this time (journalled with the change it decided). Its draw is
    /// keyed by the edge, the instant and the new limit: one draw per settled change.
    #[cold]
    fn link_holds(&mut self, slot: usize, new: u16) -> bool {
        let dep = self.topo.slot_dep[slot];
        let draw = Draw::Link {
            dep,
            at: self.now,
            limit: new,
        };
        if self.dice.below(draw, self.topo.slot_chance[slot]) {
            return false;
        }
        self.log(EntryKind::LinkHeld {
            dep: DepId(dep),
            limit: new as f64 / 1000.0,
        });
        true
    }

    /// Recompute every service whose supply changed in the run of edge arrivals just
    /// processed, once each, in service order (which also keeps memory access mostly
    /// sequential in a wide cascade). The cause named is the last arrival that moved
    /// its supply.
    pub(crate) fn flush(&mut self) {
        if self.dirty.is_empty() {
            return;
        }
        let mut dirty = std::mem::take(&mut self.dirty);
        dirty.sort_unstable();
        dirty.dedup();
        for (i, &s) in dirty.iter().enumerate() {
            // Start loading what recomputing a service a few places on will read.
            if let Some(&ahead) = dirty.get(i + AHEAD) {
                self.prefetch_service(ahead as usize);
            }
            if let Some(&ahead) = dirty.get(i + AHEAD / 2) {
                self.prefetch_groups(ahead as usize);
            }
            let s = s as usize;
            let m = self.world.moved[s];
            let origin = Origin::unpack(m.origin);
            if m.dep & TO_PHYS != 0 {
                self.world.svcs[s].phys_origin = origin;
            }
            let dep = DepId(m.dep & !TO_PHYS);
            self.recompute(s, Cause::Dependency(dep), origin);
        }
        dirty.clear();
        self.dirty = dirty;
    }

    /// Prefetch the edges a fan-out event will read (a few events ahead).
    #[inline]
    pub(crate) fn prefetch_edges(&self, ev: &Ev) {
        if let Ev::Fanout { start, .. } = *ev {
            prefetch_at(&self.world.links, start as usize);
            prefetch_at(&self.topo.slot_dep, start as usize);
        }
    }

    /// Prefetch the supply of a fan-out's first dependents, and the chances of its
    /// logical edges (nearer, once [`Self::prefetch_edges`] has brought its edges in).
    #[inline]
    pub(crate) fn prefetch_dependents(&self, ev: &Ev) {
        let Ev::Fanout { start, len, .. } = *ev else {
            return;
        };
        let first = len.min(AHEAD as u32) as usize;
        let mut chancy = false;
        for link in self.world.links.iter().skip(start as usize).take(first) {
            prefetch_at(&self.world.supply, (link.to & TO_MASK) as usize);
            chancy |= link.to & TO_CHANCY != 0;
        }
        if chancy {
            prefetch_at(&self.topo.slot_chance, start as usize);
        }
    }

    /// Prefetch the state [`Self::recompute`] reads and writes for service `s`.
    #[inline]
    fn prefetch_service(&self, s: usize) {
        prefetch_at(&self.world.svcs, s);
        prefetch_at(&self.world.moved, s);
        prefetch_at(&self.world.supply, s);
        prefetch_at(&self.topo.shapes, s);
    }

    /// Prefetch what passing on a change of `s` reads once its shape is in cache.
    #[inline]
    fn prefetch_groups(&self, s: usize) {
        let shape = &self.topo.shapes[s];
        prefetch_at(&self.topo.groups, shape.groups.0 as usize);
        prefetch_at(&self.topo.svc_teams, shape.teams.0 as usize);
    }

    /// The buffer `svc` ran on is spent.
    pub(crate) fn buffer_out(&mut self, svc: usize, generation: u32) {
        let v = &self.world.svcs[svc];
        if v.generation != generation {
            return;
        }
        let Some(buffer) = v.on else { return };
        let origin = v.phys_origin;
        self.recompute(svc, Cause::BufferSpent(buffer), origin);
    }

    /// Work out `s`'s capacity and status again after something about it changed,
    /// journal the change, tell its owner, and pass it on along its out-edges.
    pub(crate) fn recompute(&mut self, s: usize, cause: Cause, origin: Origin) {
        let now = self.now;
        let manual = self.topo.shapes[s].manual;
        let Supply { phys, other } = self.world.supply[s];
        let v = &mut self.world.svcs[s];
        v.settle(now);
        // The buffer in use ran dry now (whatever else changed at this instant).
        let spent = v.on.filter(|b| match b {
            BufferKind::Battery => v.battery == 0,
            BufferKind::Generator => v.generator == 0,
        });
        let demand = v.direct.min(v.area);
        // A buffer makes up the missing physical supply at the rate it is missing.
        let short = FULL - phys;
        let free = v.forced == NONE && v.mode == NONE && !v.isolated;
        let buffer = match () {
            _ if short == 0 || !free => None,
            _ if v.battery > 0 => Some(BufferKind::Battery),
            _ if v.generator > 0 => Some(BufferKind::Generator),
            _ => None,
        };
        let supply = if buffer.is_some() { demand } else { phys };
        let mut natural = demand.min(supply).min(other);
        if natural < demand && manual > natural {
            natural = demand.min(manual);
        }
        let cap = if v.forced != NONE {
            v.forced
        } else if v.mode != NONE {
            v.mode
        } else if v.isolated {
            0
        } else {
            natural
        };

        // Buffers: schedule the moment the one in use runs out.
        let was_on = v.on;
        v.on = buffer;
        v.drain = if buffer.is_some() { short } else { 0 };
        let mut run_out = None;
        if let Some(b) = buffer {
            let left = if b == BufferKind::Battery {
                v.battery
            } else {
                v.generator
            };
            let out = now + left.div_ceil(v.drain as u64);
            if was_on != buffer || out != v.runs_out {
                v.generation += 1;
                v.runs_out = out;
                run_out = Some((b, out, v.generation));
            }
        } else if was_on.is_some() {
            v.generation += 1;
        }

        let status = status_of(v, cap);
        let (old_cap, old_status) = (v.cap, v.status);
        v.cap = cap;
        v.status = status;
        if cap != old_cap || status != old_status {
            v.origin = origin;
        }
        if let Some((_, until, generation)) = run_out {
            self.queue.push(
                until,
                Ev::BufferOut {
                    svc: s as u32,
                    generation,
                },
            );
        }
        if let Some(buffer) = spent {
            let service = ServiceId(s as u32);
            self.log(EntryKind::BufferSpent { service, buffer });
        }
        if cap == old_cap && status == old_status {
            self.mark_view(s);
        } else {
            self.changed(s, old_cap, old_status, cause, origin);
        }
        if let Some((buffer, until, _)) = run_out {
            let service = ServiceId(s as u32);
            self.log(EntryKind::BufferStarted {
                service,
                buffer,
                until,
            });
        }
    }

    fn changed(
        &mut self,
        s: usize,
        old_cap: u16,
        was: ServiceStatus,
        cause: Cause,
        origin: Origin,
    ) {
        let now = self.now;
        let service = ServiceId(s as u32);
        let v = &mut self.world.svcs[s];
        let (cap, status) = (v.cap, v.status);
        let mut pass_on = cap != old_cap;
        if pass_on {
            if v.stamp == now {
                v.changes = v.changes.saturating_add(1);
            } else {
                v.stamp = now;
                v.changes = 1;
            }
            if cap == 0 && old_cap > 0 {
                v.down_since = Some(now);
            } else if cap > 0 {
                v.down_since = None;
            }
            if v.changes > LOOP_LIMIT {
                pass_on = false;
            }
        }
        let cut = cap != old_cap && v.changes == LOOP_LIMIT + 1;
        self.log(EntryKind::ServiceChanged {
            service,
            from: old_cap as f64 / 1000.0,
            to: cap as f64 / 1000.0,
            was,
            now: status,
            cause,
            origin,
        });
        if cut {
            self.log(EntryKind::LoopCut { service });
        }
        if pass_on {
            self.list_to_send(s);
        }
        if cap != old_cap && self.topo.shapes[s].watched {
            self.cond_dirty = true;
        }
        self.mark_view(s);
        // Customers feel a loss at once; otherwise monitoring notices it in time.
        let worse = cap < old_cap && (old_cap == FULL || cap == 0);
        if worse {
            let kind = if cap == 0 {
                DetectionKind::Outage
            } else {
                DetectionKind::Degradation
            };
            for i in 0..self.topo.teams_of(s).len() {
                let team = self.topo.teams_of(s)[i].0;
                if origin == Origin::Team(team) {
                    continue;
                }
                let d = PendingDetection {
                    team,
                    svc: service,
                    kind,
                    origin,
                };
                if self.topo.shapes[s].visible {
                    self.notice_at(d, now);
                } else {
                    self.detect_later(d, 0.0);
                }
            }
        }
    }

    /// Note that the teams playing `s` must see its new state.
    fn mark_view(&mut self, s: usize) {
        let (a, b) = self.topo.shapes[s].teams;
        if a != b && !self.world.svcs[s].view_marked {
            self.world.svcs[s].view_marked = true;
            self.view_dirty.push(s as u32);
        }
    }

    /// Copy the state of every changed service into the views of the teams that play
    /// it (done before the engine hands control back).
    pub(crate) fn sync_views(&mut self) {
        for i in 0..self.view_dirty.len() {
            let s = self.view_dirty[i] as usize;
            self.world.svcs[s].view_marked = false;
            let v = &self.world.svcs[s];
            for &(team, at) in self.topo.teams_of(s) {
                self.view_changes[team.idx()] += 1;
                let o = &mut self.views[team.idx()].services[at as usize];
                o.status = v.status;
                o.capacity = v.cap as f64 / 1000.0;
                o.on_buffer = v.on.map(|b| (b, v.runs_out));
                o.isolated = v.isolated;
            }
        }
        self.view_dirty.clear();
    }
}

fn status_of(v: &Svc, cap: u16) -> ServiceStatus {
    if v.restoring > 0 {
        ServiceStatus::Recovering
    } else if v.forced == NONE && v.mode != NONE && v.mode_kind != Fallback::Set {
        ServiceStatus::OnBackup
    } else if cap == 0 {
        ServiceStatus::Down
    } else if v.forced == NONE && v.on.is_some() {
        ServiceStatus::OnBackup
    } else if cap < FULL {
        ServiceStatus::Degraded
    } else {
        ServiceStatus::Up
    }
}
