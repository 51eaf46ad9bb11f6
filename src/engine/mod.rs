//! The deterministic exercise simulation. Uses only `scenario`; no bevy, egui, files,
//! clocks or wording (it says what happened as data).
//!
//! A discrete-event simulation in whole seconds since the exercise start. Events are
//! ordered by (time, sequence number) in a bucketed timing wheel; dependency
//! adjacency is kept in CSR arrays ([`Topology`]) built once. The only randomness is
//! drawn from the run's seed hashed with what each draw decides (`rng`), so a
//! scenario, a seed and the list of commands reproduce the same [`Journal`] byte for
//! byte, and no draw depends on the order of others.
//!
//! **Who watches never changes what happens.** At each instant the world settles
//! first (`instant`), and only then do teams notice; monitoring levels, `visible`
//! flags and the teams in play change only the entries [`EntryKind::is_view`] marks.
//!
//! # API
//!
//! - [`Engine::new`]`(Arc<Scenario>, seed)`: a run at time 0. The scenario is shared
//!   through an `Arc` so a long-lived owner (the app keeps the engine in a resource)
//!   and its readers need not copy it. [`Engine::with_topology`] reuses a
//!   [`Topology`] across many runs of one big scenario.
//! - [`Engine::advance_to`]`(t)`: process every event up to `t` and stand at `t`
//!   (earlier `t`: nothing). The app calls it each frame with the facilitator's clock.
//!   [`Engine::run_to_end`] goes to the scenario's duration. [`Engine::now`].
//! - [`Engine::apply`]`(Command) -> Result<CommandOutcome, CommandError>` at the
//!   current time (events already due then are processed first, as `advance_to`
//!   would). A refused command changes nothing itself, not even the journal.
//!   Team commands: [`Command::Act`] (an action on a target the team controls, for
//!   its role), [`Command::Send`] (over a channel; no channel: refused),
//!   [`Command::Forward`] and [`Command::Broadcast`] (coordination centre only).
//!   Facilitator commands: [`Command::FireInject`], [`Command::SkipInject`],
//!   [`Command::Override`] (force a capacity, or `None` to release), [`Command::Note`].
//! - [`Engine::world`]: ground truth ([`World::service`] gives a [`ServiceTruth`]:
//!   capacity 0..1, [`ServiceStatus`], buffer in use and until when, battery and
//!   generator left, compromise, isolation, patch, tampering, fallback, override).
//! - [`Engine::view`]`(TeamId) -> &`[`TeamView`]: what a team knows: its own services
//!   as observed ([`ObservedService`]), its [`Incident`]s, inbox, sent messages,
//!   running actions (with [`RunningAction::progress`]) and the incidents it may cite.
//!   [`Engine::message`] reads a message by id.
//! - [`Engine::journal`] -> [`Journal`]: header (scenario id, seed) and [`Entry`]s
//!   (`id`, `at`, [`EntryKind`]); [`Journal::to_jsonl`], [`Journal::to_ron`],
//!   [`Journal::hash`] (SHA-256 of the JSONL), [`Journal::commands`] for [`replay`].
//! - [`Engine::next_inject_time`] (for "jump to next inject"), [`Engine::in_flight`]
//!   (cascade effects travelling along dependencies, for pulses on the map; each
//!   arrival is also journalled as a [`EntryKind::ServiceChanged`] whose cause is
//!   [`Cause::Dependency`]), [`Engine::stats`].
//! - [`describe`] / [`timeline_line`]: one readable line per journal entry.
//!
//! # Semantics
//!
//! **Capacity** is kept in thousandths. A dependency `from -> to` limits its dependent
//! to `floor + (1 - floor) * provider` (rounded up), where `floor` is 0 for `Fail` and
//! `c` for `Degrade(c)`; a provider's change reaches the dependent after the edge's
//! delay. A logical edge's worsening applies with its probability (one draw per
//! settled change of the provider, keyed by the edge, the instant and the new limit). A service's capacity is the least of: its threat impacts, the last area
//! event in its area, its physical supply and its other supply. A shortfall of
//! *physical* supply is bridged first by the battery, then by the generator, each
//! drained at the rate supply is missing (3 h of battery last exactly 3 h of a full
//! outage, 6 h of a half one; batteries do not recharge within an exercise); once both
//! are spent the service falls to what its providers allow, but never below its
//! manual fallback (which also covers cyber, geographic and logical shortfalls).
//! Backup or manual operation (actions) and an inject's `SetCapacity` fix the
//! capacity regardless of providers until a restore; isolation makes it 0; a
//! facilitator override beats everything. An `AreaEvent` caps every service in the
//! area (a later one with capacity 1 lifts it). Recovery travels the same way.
//! An instant goes in rounds: a round applies all its edge arrivals together (each
//! dependent they touch is recomputed once, in service order; its journal entry names
//! the last arrival that moved its supply), then its other world events in the order
//! they were scheduled (buffers running out, threat steps, finished actions, injects,
//! message deliveries); what changed is sent over zero-delay edges to the next round.
//! A zero-delay loop settles at one instant (round after round); a service changed
//! more than 256 times at one instant stops passing changes on
//! ([`EntryKind::LoopCut`]). Once nothing more happens to the world at an instant,
//! inject conditions are checked, then the instant's detections are processed; when
//! time moves on, each changed service sends where it settled over its delayed edges
//! (one arrival per edge and instant). A buffer that runs dry is journalled as spent
//! whatever else changed at that instant. A loop of `Fail`
//! edges that went down stays down until a team breaks it (backup or manual
//! operation), as in a black start.
//!
//! **Threats** start at time 0, or when an inject starts them; step times count from
//! the start. Compromise needs the service neither isolated nor patched; spread
//! needs the source still compromised and neither side isolated; an outage,
//! degradation or tampering impact needs a foothold in the service (if the campaign
//! ever compromises it) and no isolation; a DDoS needs neither.
//!
//! **Detection**: a compromise or tampering is noticed by each team playing the owner
//! after a delay spread evenly around the owner's
//! `Monitoring::mean_detect_secs() x (1 + 3 x stealth)` (0 to twice that); a loss of
//! capacity of a visible service is noticed at the same instant (once the world has
//! settled there, and only if it is still there), of a hidden one after the
//! monitoring delay. A team groups detections with the same origin (the threat,
//! inject or action a cascade goes back to) into one incident.
//!
//! **Actions** apply their effects when their duration has passed: isolate, patch
//! (removes the foothold and closes the hole), restore (clears impacts, isolation,
//! area damage, fallback and tampering), backup/manual (fixed capacity), refuel (adds generator
//! fuel), BCP (recorded). A target rule `OwnCompromised` needs the team to suspect
//! the service (a detection, or an alert, information or request naming it).
//! `Organisation` targets apply to every service of the organisation.
//!
//! **Injects** fire at their time, or when their condition turns from false to true,
//! at most `times` times. "A message arrived" and "an action was taken" count events
//! since the inject last fired. Inject messages arrive at once.

mod actions;
mod cascade;
mod commands;
mod core;
mod describe;
mod describe_parts;
mod hugepages;
mod injects;
mod instant;
mod journal;
mod messages;
mod names;
mod prefetch;
mod queue;
mod refusal;
mod replay;
mod rng;
mod threats;
mod topology;
mod types;
mod view;
mod world;

#[cfg(test)]
mod props;
#[cfg(test)]
mod testkit;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_play;
#[cfg(test)]
mod tests_truth;

pub use commands::CommandError;
pub(crate) use core::Mix;
pub use core::{Engine, Stats};
pub use describe::{Naming, describe, describe_named, phrase, timeline_line};
pub use describe_parts::verdict_phrase;
pub use journal::{Entry, EntryKind, Header, JOURNAL_FORMAT, Journal, JournalError};
pub use replay::{ReplayError, replay};
pub(crate) use rng::{Dice, Draw};
pub use topology::Topology;
pub use types::{
    ActionTarget, Blocked, BufferKind, Cause, Command, CommandOutcome, DetectionKind, Draft,
    FiredBy, IncidentId, Message, MessageId, MessageText, Origin, RunId, Sender, ServiceStatus,
    Verdict,
};
pub use view::{Detection, Incident, ObservedService, Received, RunningAction, TeamView};
pub use world::{Fallback, ServiceTruth, World};
