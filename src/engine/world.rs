//! Ground truth: each service's capacity, status, buffers, compromise and isolation.

use super::hugepages;
use super::topology::{FULL, Link, Topology};
use super::types::{BufferKind, Origin, ServiceStatus};
use crate::scenario::{Scenario, Secs, ServiceId, ThreatId};
use serde::{Deserialize, Serialize};

/// "No value" for the optional millis fields.
pub(crate) const NONE: u16 = u16::MAX;

/// One service's state inside the engine. Capacities are millis (0..=1000); buffers
/// are "millis-seconds" (seconds at full capacity x 1000) so draining is exact.
#[derive(Debug, Clone)]
// Two whole cache lines (the fields take a little less): a service's record never
// straddles a third line when a cascade reads it.
#[repr(align(64))]
pub(crate) struct Svc {
    pub cap: u16,
    /// What threat impacts leave (the least of them).
    pub direct: u16,
    /// What the last area event in its area left.
    pub area: u16,
    /// Facilitator override, or `NONE`.
    pub forced: u16,
    /// A level regardless of providers (backup, manual, or set by an inject), or `NONE`.
    pub mode: u16,
    pub mode_kind: Fallback,
    pub isolated: bool,
    pub battery: u64,
    pub generator: u64,
    /// Shortfall being bridged by a buffer (millis), since `since`.
    pub drain: u16,
    pub since: Secs,
    pub on: Option<BufferKind>,
    /// When the buffer in use runs out (valid while `drain > 0`) and the generation
    /// of the event scheduled for it.
    pub runs_out: Secs,
    pub generation: u32,
    pub status: ServiceStatus,
    pub origin: Origin,
    /// Origin of the latest change of its physical supply (what a spent buffer is due to).
    pub phys_origin: Origin,
    pub compromised: Option<ThreatId>,
    pub patched: bool,
    pub tampered: bool,
    pub restoring: u16,
    /// Zero-delay loop guard: changes at time `stamp`.
    pub stamp: Secs,
    pub changes: u16,
    /// Since when the capacity is 0.
    pub down_since: Option<Secs>,
    /// Engine bookkeeping kept here because it is read whenever the service changes,
    /// and the record has room to spare: the first incident that took the service in,
    /// and whether it waits in the list of views to update.
    pub seen: Seen,
    pub view_marked: bool,
    /// The capacity last sent over its zero-delay out-edges, and over its delayed
    /// ones; and whether it is listed to send its change at the end of this round
    /// (bit 0: zero-delay edges) or of this instant (bit 1: delayed edges).
    pub sent_now: u16,
    pub sent_late: u16,
    pub listed: u8,
}

/// The first incident that took in a service (its id + 1; 0 for none) and its
/// detection bits there.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Seen {
    pub incident: u32,
    pub bits: u8,
}

/// Ground truth of the exercise, read through [`crate::engine::Engine::world`].
#[derive(Debug, Clone)]
pub struct World {
    pub(crate) now: Secs,
    pub(crate) svcs: Vec<Svc>,
    /// Every dependency edge, by slot, with the limit it puts on its dependent now.
    pub(crate) links: Vec<Link>,
    /// Per service, the least limit of its physical in-edges and of all the others
    /// (4 bytes a service, so the hot path of a cascade stays in cache).
    pub(crate) supply: Vec<Supply>,
    /// Per service, the last arrival that moved its supply (written only then, and
    /// never read on the hot path, so a miss there does not stall it).
    pub(crate) moved: Vec<Moved>,
}

/// What a service's in-edges allow (millis).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Supply {
    pub phys: u16,
    pub other: u16,
}

/// The last edge arrival that moved a service's supply.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Moved {
    /// The dependency, with `TO_PHYS` set when the physical supply moved.
    pub dep: u32,
    /// Its packed origin.
    pub origin: u32,
}

/// Why a service runs at a fixed capacity regardless of its providers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Fallback {
    /// A team switched it to backup.
    Backup,
    /// A team switched it to manual operation.
    Manual,
    /// An inject set its capacity.
    Set,
}

/// A snapshot of one service's ground truth.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ServiceTruth {
    /// 0..=1.
    pub capacity: f64,
    pub status: ServiceStatus,
    /// The buffer bridging a loss of physical supply now, and when it runs out.
    pub on_buffer: Option<(BufferKind, Secs)>,
    /// Seconds of battery and of generator fuel left (at full capacity).
    pub battery_left: f64,
    pub generator_left: f64,
    pub compromised: Option<ThreatId>,
    pub isolated: bool,
    pub patched: bool,
    pub tampered: bool,
    /// Running at a fixed capacity regardless of its providers, and why.
    pub fallback: Option<(Fallback, f64)>,
    /// Forced by the facilitator.
    pub overridden: Option<f64>,
    /// What the latest change of this service goes back to.
    pub origin: Origin,
    /// Since when the capacity is 0.
    pub down_since: Option<Secs>,
}

impl World {
    pub(crate) fn new(scenario: &Scenario, topo: &Topology) -> Self {
        let svcs = hugepages::collect(scenario.services.iter().map(|s| Svc {
            cap: FULL,
            direct: FULL,
            area: FULL,
            forced: NONE,
            mode: NONE,
            mode_kind: Fallback::Backup,
            isolated: false,
            battery: s.buffers.battery.saturating_mul(1000),
            generator: s.buffers.generator.saturating_mul(1000),
            drain: 0,
            since: 0,
            on: None,
            runs_out: 0,
            generation: 0,
            status: ServiceStatus::Up,
            origin: Origin::Unknown,
            phys_origin: Origin::Unknown,
            compromised: None,
            patched: false,
            tampered: false,
            restoring: 0,
            stamp: 0,
            changes: 0,
            down_since: None,
            seen: Seen::default(),
            view_marked: false,
            sent_now: FULL,
            sent_late: FULL,
            listed: 0,
        }));
        let n = scenario.services.len();
        World {
            now: 0,
            svcs,
            links: hugepages::copy_of(&topo.links),
            supply: vec![
                Supply {
                    phys: FULL,
                    other: FULL,
                };
                n
            ],
            moved: vec![Moved { dep: 0, origin: 0 }; n],
        }
    }

    /// Number of services.
    pub fn len(&self) -> usize {
        self.svcs.len()
    }

    /// Whether the scenario has no services.
    pub fn is_empty(&self) -> bool {
        self.svcs.is_empty()
    }

    /// Capacity of `s`, 0..=1.
    pub fn capacity(&self, s: ServiceId) -> f64 {
        self.svcs[s.idx()].cap as f64 / 1000.0
    }

    /// Status of `s`.
    pub fn status(&self, s: ServiceId) -> ServiceStatus {
        self.svcs[s.idx()].status
    }

    /// Whether `s` is isolated.
    pub fn isolated(&self, s: ServiceId) -> bool {
        self.svcs[s.idx()].isolated
    }

    /// The threat that has a foothold in `s`, if any.
    pub fn compromised(&self, s: ServiceId) -> Option<ThreatId> {
        self.svcs[s.idx()].compromised
    }

    /// Everything about `s` at the engine's current time.
    pub fn service(&self, s: ServiceId) -> ServiceTruth {
        let v = &self.svcs[s.idx()];
        let (battery, generator) = v.left_at(self.now);
        let opt = |x: u16| (x != NONE).then_some(x as f64 / 1000.0);
        ServiceTruth {
            capacity: v.cap as f64 / 1000.0,
            status: v.status,
            on_buffer: v.on.map(|b| (b, v.runs_out)),
            battery_left: battery as f64 / 1000.0,
            generator_left: generator as f64 / 1000.0,
            compromised: v.compromised,
            isolated: v.isolated,
            patched: v.patched,
            tampered: v.tampered,
            fallback: opt(v.mode).map(|c| (v.mode_kind, c)),
            overridden: opt(v.forced),
            origin: v.origin,
            down_since: v.down_since,
        }
    }

    /// Every service with its truth, in id order.
    pub fn services(&self) -> impl Iterator<Item = (ServiceId, ServiceTruth)> + '_ {
        (0..self.svcs.len()).map(|i| (ServiceId(i as u32), self.service(ServiceId(i as u32))))
    }

    /// How many services stand below full capacity.
    pub fn below_full(&self) -> usize {
        self.services().filter(|(_, s)| s.capacity < 1.0).count()
    }
}

impl Svc {
    /// Battery and generator left at time `now` (millis-seconds).
    pub(crate) fn left_at(&self, now: Secs) -> (u64, u64) {
        let used = self.drain as u64 * now.saturating_sub(self.since);
        let from_battery = used.min(self.battery);
        let from_generator = (used - from_battery).min(self.generator);
        (self.battery - from_battery, self.generator - from_generator)
    }

    /// Bring the buffers up to `now`.
    pub(crate) fn settle(&mut self, now: Secs) {
        if self.drain > 0 {
            (self.battery, self.generator) = self.left_at(now);
        }
        self.since = now;
    }
}
