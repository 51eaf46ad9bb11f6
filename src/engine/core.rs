//! The `Engine` itself: state, the event loop (`advance_to`), and read access.

use super::instant::{Ev, Notice};
use super::journal::{EntryKind, Journal};
use super::queue::{Heap, Queue};
use super::rng::Dice;
use super::topology::Topology;
use super::types::{DetectionKind, IncidentId, Message, MessageId, Origin};
use super::view::TeamView;
use super::world::World;
use crate::scenario::{ActionId, MessageKind, Scenario, Secs, ServiceId, TeamId, Trigger};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

/// How many events ahead a batch prefetches.
pub(crate) const AHEAD: usize = 8;

/// A small fast hasher for integer keys (lookups only; nothing iterates the maps).
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Mix(u64);

impl Hasher for Mix {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(b as u64);
        }
    }
    fn write_u32(&mut self, x: u32) {
        self.write_u64(x as u64);
    }
    fn write_u64(&mut self, x: u64) {
        self.0 = (self.0.rotate_left(5) ^ x).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A detection waiting for its delay.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PendingDetection {
    pub team: TeamId,
    pub svc: ServiceId,
    pub kind: DetectionKind,
    pub origin: Origin,
}

/// Ground truth about an incident that its team's view does not show.
#[derive(Debug, Clone, Copy)]
pub(crate) struct IncidentMeta {
    pub team: TeamId,
    pub origin: Origin,
}

/// One run of an action.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Run {
    pub team: TeamId,
    pub action: ActionId,
    pub target: super::types::ActionTarget,
    pub done: bool,
}

/// State of one inject.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct InjectState {
    pub fired: u32,
    pub skipped: bool,
    /// The condition's value at the last check (fires on false -> true).
    pub last: bool,
    /// Journal id at the last firing: "a message arrived" counts only later ones.
    pub since: u64,
    /// A bit for each node of the condition (in [`Condition::nodes`] order, the
    /// first 64) that held at some check: what a scenario lint reads. Never read by
    /// the engine itself.
    pub held: u64,
}

/// Counters for benchmarks and diagnostics.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stats {
    /// Dependency evaluations: provider changes that arrived over an edge.
    pub dep_evals: u64,
    /// Events taken from the queue.
    pub events: u64,
}

/// The exercise simulation. See the module documentation for the whole API.
///
/// The scenario is held in an `Arc` so that an engine can live in a long-lived owner
/// (the desktop app keeps one in a resource) next to others reading the scenario.
#[derive(Debug, Clone)]
pub struct Engine {
    pub(crate) scenario: Arc<Scenario>,
    pub(crate) topo: Arc<Topology>,
    pub(crate) seed: u64,
    pub(crate) now: Secs,
    /// What changes the world: processed first at each instant.
    pub(crate) queue: Queue<Ev>,
    /// What only changes what teams know: processed once the world has settled.
    pub(crate) notices: Heap<Notice>,
    /// The notices of the instant being processed (kept for its capacity).
    pub(crate) notice_buf: Vec<Notice>,
    /// Services whose capacity changed in this round (to send over their zero-delay
    /// edges when it ends) and at this instant (to send over their delayed edges once
    /// it is over): each change a dependent receives is where its provider settled.
    pub(crate) round_changed: Vec<u32>,
    pub(crate) instant_changed: Vec<u32>,
    pub(crate) dice: Dice,
    pub(crate) world: World,
    pub(crate) views: Vec<TeamView>,
    pub(crate) incidents: Vec<IncidentMeta>,
    pub(crate) pending: Vec<PendingDetection>,
    /// Detections due at this instant, once the world has settled here.
    pub(crate) noticed_now: Vec<PendingDetection>,
    /// Per (incident, service): a bit per detection kind already recorded, and bit 7
    /// once the service is listed in the incident. The first incident to take in a
    /// service keeps its bits in the service's record (`Svc::seen`: no hashing, and in
    /// cache with the service); any other incident's go in `detections`.
    pub(crate) detections: HashMap<(u32, u32), u8, BuildHasherDefault<Mix>>,
    pub(crate) messages: Vec<Message>,
    pub(crate) runs: Vec<Run>,
    pub(crate) injects: Vec<InjectState>,
    pub(crate) threat_started: Vec<Option<Secs>>,
    /// First time each (team, threat) sent a report about the threat.
    pub(crate) reported: Vec<Option<Secs>>,
    /// Deliveries and action starts, for "a message arrived" / "an action was taken".
    pub(crate) received_log: Vec<(TeamId, MessageKind, u64)>,
    pub(crate) action_log: Vec<(ActionId, TeamId, u64)>,
    pub(crate) cond_dirty: bool,
    pub(crate) wake_at: Option<Secs>,
    pub(crate) journal: Journal,
    pub(crate) stats: Stats,
    /// Services whose supply changed in the current run of edge arrivals.
    pub(crate) dirty: Vec<u32>,
    /// Services whose state the teams' views have not caught up with (each marked
    /// in `Svc::view_marked` while listed).
    pub(crate) view_dirty: Vec<u32>,
    /// Per team: how many times its view changed (what a bot checks before looking).
    pub(crate) view_changes: Vec<u64>,
}

impl Engine {
    /// A fresh exercise at time 0. Everything random is drawn from `seed`.
    pub fn new(scenario: Arc<Scenario>, seed: u64) -> Self {
        let topo = Arc::new(Topology::new(&scenario));
        Self::with_topology(scenario, topo, seed)
    }

    /// Like [`Engine::new`], reusing a topology built for the same scenario (for many
    /// runs of one large scenario).
    pub fn with_topology(scenario: Arc<Scenario>, topo: Arc<Topology>, seed: u64) -> Self {
        let world = World::new(&scenario, &topo);
        let views = (0..scenario.teams.len())
            .map(|t| TeamView::new(TeamId(t as u32), &topo.team_services[t]))
            .collect();
        let mut e = Engine {
            queue: Queue::new(),
            notices: Heap::new(),
            notice_buf: Vec::new(),
            round_changed: Vec::new(),
            instant_changed: Vec::new(),
            dice: Dice::new(seed),
            world,
            views,
            incidents: Vec::new(),
            pending: Vec::new(),
            noticed_now: Vec::new(),
            detections: HashMap::default(),
            messages: Vec::new(),
            runs: Vec::new(),
            injects: vec![InjectState::default(); scenario.injects.len()],
            threat_started: vec![None; scenario.threats.len()],
            reported: vec![None; scenario.teams.len() * scenario.threats.len()],
            received_log: Vec::new(),
            action_log: Vec::new(),
            cond_dirty: true,
            wake_at: Some(0),
            journal: Journal::new(&scenario.id, seed, scenario.services.len()),
            stats: Stats::default(),
            dirty: Vec::new(),
            view_dirty: Vec::new(),
            view_changes: vec![0; scenario.teams.len()],
            now: 0,
            seed,
            topo,
            scenario,
        };
        e.journal.header.scenario_hash = Some(e.topo.scenario_hash.clone());
        e.queue.push(0, Ev::Wake);
        for (i, inject) in e.scenario.injects.iter().enumerate() {
            if let Trigger::At(t) = inject.trigger {
                e.queue.push(t, Ev::InjectAt { inject: i as u32 });
            }
        }
        for t in 0..e.scenario.threats.len() {
            if !e.topo.threat_waits[t] {
                e.start_threat(t, None);
            }
        }
        e
    }

    /// Process every event up to and including time `t`, then stand at `t`.
    /// Times never go back: an earlier `t` does nothing.
    pub fn advance_to(&mut self, t: Secs) {
        self.run_until(t);
        if t > self.now {
            self.set_now(t);
        }
        self.sync_views();
    }

    /// Run to the scenario's end.
    pub fn run_to_end(&mut self) {
        self.advance_to(self.scenario.duration);
    }

    pub(crate) fn set_now(&mut self, t: Secs) {
        self.now = t;
        self.world.now = t;
        self.journal.header.until = Some(t);
    }

    pub(crate) fn log(&mut self, kind: EntryKind) -> u64 {
        self.journal.push(self.now, kind)
    }

    /// The current exercise time (seconds since the start).
    pub fn now(&self) -> Secs {
        self.now
    }

    /// The scenario being run.
    pub fn scenario(&self) -> &Arc<Scenario> {
        &self.scenario
    }

    /// The precomputed topology (share it with [`Engine::with_topology`]).
    pub fn topology(&self) -> &Arc<Topology> {
        &self.topo
    }

    /// The seed of this run.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// Ground truth. Show it only to the facilitator and observers.
    pub fn world(&self) -> &World {
        &self.world
    }

    /// What `team` knows. Panics if `team` is not a team of the scenario.
    pub fn view(&self, team: TeamId) -> &TeamView {
        &self.views[team.idx()]
    }

    /// Every team's view, in team order.
    pub fn views(&self) -> &[TeamView] {
        &self.views
    }

    /// The journal so far.
    pub fn journal(&self) -> &Journal {
        &self.journal
    }

    /// A message by id.
    pub fn message(&self, id: MessageId) -> Option<&Message> {
        self.messages.get(id.idx())
    }

    /// Every message sent so far, in id order.
    pub fn messages(&self) -> &[Message] {
        &self.messages
    }

    /// The team whose incident `id` is.
    pub fn incident_team(&self, id: IncidentId) -> Option<TeamId> {
        self.incidents.get(id.idx()).map(|m| m.team)
    }

    /// Counters (dependency evaluations, events).
    pub fn stats(&self) -> Stats {
        self.stats
    }

    /// When the next timed inject that can still fire is due (for "jump to next inject").
    pub fn next_inject_time(&self) -> Option<Secs> {
        self.scenario
            .injects
            .iter()
            .zip(&self.injects)
            .filter_map(|(inj, st)| match inj.trigger {
                Trigger::At(t) if !st.skipped && st.fired < inj.times.max(1) && t >= self.now => {
                    Some(t)
                }
                _ => None,
            })
            .min()
    }

    /// The next moment anything is due to happen, to the world or to what a team
    /// knows (an event, a detection, or a change leaving over a delayed edge once time
    /// moves on); `None` when nothing more is due. Someone who reacts only to what
    /// changed (a bot team) need look no sooner.
    pub fn next_event_at(&self) -> Option<Secs> {
        if !self.noticed_now.is_empty() {
            return Some(self.now);
        }
        let leaving = self
            .leaving()
            .map(|(_, _, delay, _)| self.now + delay as Secs);
        [self.queue.next_time(), self.notices.next_time()]
            .into_iter()
            .flatten()
            .chain(leaving)
            .min()
    }

    /// For each inject, a bit for each node of its condition (in
    /// [`crate::scenario::Condition::nodes`] order, the first 64) that held when the
    /// condition was checked while the inject could still fire. Never read by the
    /// engine: a lint counts the branches a scenario's runs never take.
    pub fn condition_nodes_held(&self) -> Vec<u64> {
        self.injects.iter().map(|st| st.held).collect()
    }

    /// How many times `team`'s view has changed so far: equal counts, the same view.
    pub fn view_changes(&self, team: TeamId) -> u64 {
        self.view_changes.get(team.idx()).copied().unwrap_or(0)
    }

    /// Whether the scenario's duration has passed.
    pub fn ended(&self) -> bool {
        self.now >= self.scenario.duration
    }

    /// Cascade effects travelling along dependencies now: (dependency, left at, arrives
    /// at, the capacity limit it brings the dependent, 0..1). For pulses on the map.
    pub fn in_flight(&self) -> Vec<(crate::scenario::DepId, Secs, Secs, f64)> {
        let mut v = Vec::new();
        let edges = |v: &mut Vec<_>, start: u32, len: u32, left: Secs, at: Secs, cap: u16| {
            for k in start as usize..(start + len) as usize {
                let dep = self.topo.slot_dep[k];
                let floor = self.world.links[k].floor;
                let lim = super::topology::edge_limit(floor, cap) as f64 / 1000.0;
                v.push((crate::scenario::DepId(dep), left, at, lim));
            }
        };
        for (start, len, delay, cap) in self.leaving() {
            edges(&mut v, start, len, self.now, self.now + delay as Secs, cap);
        }
        for (t, ev) in self.queue.pending() {
            if let Ev::Fanout {
                start, len, cap, ..
            } = *ev
            {
                let groups = &self.topo.groups;
                let delay = groups[groups.partition_point(|g| g.start <= start) - 1].delay as Secs;
                edges(&mut v, start, len, t.saturating_sub(delay), t, cap);
            }
        }
        v.sort_by_key(|a| (a.2, a.0));
        v
    }
}
