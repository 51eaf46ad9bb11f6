//! Injects: firing at a time or when a condition turns true (at most `times` times),
//! and what they deliver.

use super::core::Engine;
use super::instant::Ev;
use super::journal::EntryKind;
use super::topology::{area_index, millis};
use super::types::{Cause, FiredBy, Origin};
use super::world::Fallback;
use crate::scenario::{Condition, Delivery, InjectId, Secs, Trigger};

impl Engine {
    /// A timed inject is due.
    pub(crate) fn inject_due(&mut self, id: InjectId) {
        let st = self.injects[id.idx()];
        if !st.skipped && st.fired < self.scenario.injects[id.idx()].times.max(1) {
            self.fire(id, FiredBy::Time);
        }
    }

    /// Fire an inject now and apply what it delivers.
    pub(crate) fn fire(&mut self, id: InjectId, by: FiredBy) {
        let entry = self.log(EntryKind::InjectFired { inject: id, by });
        let st = &mut self.injects[id.idx()];
        st.fired += 1;
        st.since = entry + 1;
        self.cond_dirty = true;
        let scenario = self.scenario.clone();
        let origin = Origin::Inject(id);
        for d in &scenario.injects[id.idx()].deliver {
            match d {
                Delivery::Message { to, from, text } => self.inject_message(id, to, from, text),
                Delivery::SetCapacity { service, capacity } => {
                    let s = service.idx();
                    let v = &mut self.world.svcs[s];
                    v.settle(self.now);
                    v.mode = millis(*capacity);
                    v.mode_kind = Fallback::Set;
                    self.recompute(s, Cause::Inject(id), origin);
                }
                Delivery::AreaEvent { area, capacity } => {
                    let Some(a) = area_index(&scenario, area) else {
                        continue;
                    };
                    for &svc in &self.topo.clone().area_services[a] {
                        let s = svc.idx();
                        self.world.svcs[s].settle(self.now);
                        self.world.svcs[s].area = millis(*capacity);
                        self.recompute(s, Cause::Inject(id), origin);
                    }
                }
                Delivery::StartThreat(t) => self.start_threat(t.idx(), Some(id)),
            }
        }
    }

    /// Check the conditions of pending injects (if anything they watch changed) and
    /// fire those that turned true. Returns whether any fired.
    pub(crate) fn check_injects(&mut self) -> bool {
        if !self.cond_dirty {
            return false;
        }
        self.cond_dirty = false;
        let scenario = self.scenario.clone();
        let mut fired = false;
        let mut wake: Option<Secs> = None;
        for (i, inject) in scenario.injects.iter().enumerate() {
            let Trigger::When(cond) = &inject.trigger else {
                continue;
            };
            let st = self.injects[i];
            if st.skipped || st.fired >= inject.times.max(1) {
                continue;
            }
            // A combined condition is evaluated part by part once (what each part did
            // is kept for the lint); its value is the root's bit.
            let value = if cond.is_composite() {
                let (held, value) = self.held_node(cond, st.since, &mut 0);
                self.injects[i].held |= held;
                value
            } else {
                let value = self.holds(cond, st.since);
                self.injects[i].held |= u64::from(value);
                value
            };
            self.injects[i].last = value;
            if value && !st.last {
                self.fire(InjectId(i as u32), FiredBy::Condition);
                fired = true;
            }
            self.wake_times(cond, &mut wake);
        }
        if let Some(t) = wake
            && self.wake_at.is_none_or(|w| w <= self.now || t < w)
        {
            self.wake_at = Some(t);
            self.queue.push(t, Ev::Wake);
        }
        fired
    }

    /// Whether `c` holds now; events count only from journal id `since` on.
    fn holds(&self, c: &Condition, since: u64) -> bool {
        let now = self.now;
        match c {
            Condition::ServiceDown {
                service,
                for_at_least,
            } => self.world.svcs[service.idx()]
                .down_since
                .is_some_and(|t| now >= t + for_at_least),
            Condition::NotReported { threat, team, by } => {
                let cell = self.reported[team.idx() * self.scenario.threats.len() + threat.idx()];
                now >= *by && cell.is_none_or(|t| t > *by)
            }
            Condition::MessageReceived { team, kind } => {
                logged(&self.received_log, since, team, kind.as_ref())
            }
            Condition::ActionTaken { action, team } => {
                logged(&self.action_log, since, action, team.as_ref())
            }
            Condition::After(t) => now >= *t,
            Condition::All(v) => v.iter().all(|c| self.holds(c, since)),
            Condition::Any(v) => v.iter().any(|c| self.holds(c, since)),
            Condition::Not(c) => !self.holds(c, since),
        }
    }

    /// A bit for each node of `c` (numbered from `*node` in preorder) that holds now,
    /// and whether `c` holds: each part evaluated once (a node past the 64th is
    /// evaluated but not recorded).
    fn held_node(&self, c: &Condition, since: u64, node: &mut u32) -> (u64, bool) {
        let me = *node;
        *node += 1;
        let mut bits = 0;
        let value = match c {
            Condition::All(v) | Condition::Any(v) => {
                let (mut all, mut any) = (true, false);
                for c in v {
                    let (b, holds) = self.held_node(c, since, node);
                    bits |= b;
                    all &= holds;
                    any |= holds;
                }
                if matches!(c, Condition::All(_)) {
                    all
                } else {
                    any
                }
            }
            Condition::Not(inner) => {
                let (b, holds) = self.held_node(inner, since, node);
                bits |= b;
                !holds
            }
            _ => self.holds(c, since),
        };
        if me < 64 && value {
            bits |= 1 << me;
        }
        (bits, value)
    }

    /// The earliest future moment at which time alone could change `c`.
    fn wake_times(&self, c: &Condition, wake: &mut Option<Secs>) {
        let now = self.now;
        let at = |wake: &mut Option<Secs>, t: Secs| {
            if t > now && wake.is_none_or(|w| t < w) {
                *wake = Some(t);
            }
        };
        match c {
            Condition::ServiceDown {
                service,
                for_at_least,
            } => {
                if let Some(t) = self.world.svcs[service.idx()].down_since {
                    at(wake, t + for_at_least);
                }
            }
            Condition::NotReported { by, .. } => at(wake, *by),
            Condition::After(t) => at(wake, *t),
            Condition::All(v) | Condition::Any(v) => {
                v.iter().for_each(|c| self.wake_times(c, wake));
            }
            Condition::Not(c) => self.wake_times(c, wake),
            Condition::MessageReceived { .. } | Condition::ActionTaken { .. } => {}
        }
    }
}

/// Whether `log` (in journal order) has an entry from journal id `since` on with `first`,
/// and with `second` where one is wanted.
fn logged<A: PartialEq, B: PartialEq>(
    log: &[(A, B, u64)],
    since: u64,
    first: &A,
    second: Option<&B>,
) -> bool {
    log.iter()
        .rev()
        .take_while(|(_, _, id)| *id >= since)
        .any(|(a, b, _)| a == first && second.is_none_or(|want| want == b))
}
