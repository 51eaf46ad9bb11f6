//! A bot team: notices what changed in its sight, plans a step for each reason it
//! sees (after its profile's delay, unless its profile misses it), and when a step is
//! due turns it into the commands a person in the seat would send.

use super::outlook::Outlook;
use super::profile::{Profile, StepKind, threshold};
use super::sight::Sight;
use crate::engine::Mix;
use crate::engine::{BufferKind, Command, DetectionKind, Dice, Draw, IncidentId, MessageId};
use crate::engine::{Sender, ServiceStatus};
use crate::scenario::{MessageKind, Secs, ServiceId, TeamId};
use std::collections::HashSet;
use std::hash::BuildHasherDefault;
use std::sync::Arc;

/// Something a bot means to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Need {
    Report(IncidentId),
    Share(IncidentId),
    Relay(MessageId),
    Isolate(ServiceId),
    Clean(ServiceId),
    Recover(ServiceId),
    Fallback(ServiceId),
    Refuel(ServiceId),
    Bcp,
}

impl Need {
    /// What names this decision for its draws.
    fn key(self) -> u64 {
        let (tag, n) = match self {
            Need::Report(i) => (1, i.0),
            Need::Share(i) => (2, i.0),
            Need::Relay(m) => (3, m.0),
            Need::Isolate(s) => (4, s.0),
            Need::Clean(s) => (5, s.0),
            Need::Recover(s) => (6, s.0),
            Need::Fallback(s) => (7, s.0),
            Need::Refuel(s) => (8, s.0),
            Need::Bcp => (9, 0),
        };
        (tag << 40) | n as u64
    }
}

#[derive(Debug, Clone, Copy)]
struct Intent {
    due: Secs,
    need: Need,
}

/// One bot team.
#[derive(Debug, Clone)]
pub struct Bot {
    pub(super) team: TeamId,
    profile: Profile,
    dice: Dice,
    pub(super) outlook: Arc<Outlook>,
    inbox_seen: usize,
    /// Detections seen, per incident of the view (in its order).
    incidents_seen: Vec<usize>,
    /// Per own service (view order): status and whether it runs on its generator.
    status_seen: Vec<(ServiceStatus, bool)>,
    intents: Vec<Intent>,
    /// (recipient, subject) pairs already told: a subject is an incident or a service.
    pub(super) told: HashSet<(u32, u64), BuildHasherDefault<Mix>>,
    /// Services being cleaned by an action that does not restore, and when it ends.
    pub(super) cleaning: Vec<(ServiceId, Secs)>,
    /// How often each decision came up (so a repeated one gets its own delay).
    occurrences: u64,
    bcp_planned: bool,
    /// The sight's change count when it last looked.
    looked_at: Option<u64>,
}

impl Bot {
    /// A bot playing `team` with `profile`; its draws come from `seed`.
    pub fn new(team: TeamId, profile: Profile, outlook: Arc<Outlook>, seed: u64) -> Bot {
        Bot {
            team,
            profile,
            dice: Dice::new(seed),
            outlook,
            inbox_seen: 0,
            incidents_seen: Vec::new(),
            status_seen: Vec::new(),
            intents: Vec::new(),
            told: HashSet::default(),
            cleaning: Vec::new(),
            occurrences: 0,
            bcp_planned: false,
            looked_at: None,
        }
    }

    pub fn team(&self) -> TeamId {
        self.team
    }

    pub fn profile(&self) -> Profile {
        self.profile
    }

    /// Take over a seat part-way through (a resumed session): everything in sight now
    /// counts as seen, and what the team's sent messages said counts as told, so the
    /// bot goes on from here instead of repeating what was done.
    pub fn resume(&mut self, sight: &dyn Sight) {
        let v = sight.view();
        self.inbox_seen = v.inbox.len();
        self.incidents_seen = v.incidents.iter().map(|i| i.detections.len()).collect();
        self.status_seen = v
            .services
            .iter()
            .map(|o| {
                let on_gen = matches!(o.on_buffer, Some((BufferKind::Generator, _)));
                (o.status, on_gen)
            })
            .collect();
        self.bcp_planned = v.services.iter().any(|o| o.status == ServiceStatus::Down);
        for &id in &v.sent {
            let Some(m) = sight.message(id) else { continue };
            let subjects = m
                .incidents
                .iter()
                .map(|&i| incident_subject(i))
                .chain(m.services.iter().map(|&s| service_subject(s)));
            for s in subjects {
                for t in &m.to {
                    self.told.insert((t.0, s));
                }
            }
        }
    }

    /// When it next means to do something.
    pub fn next_due(&self) -> Option<Secs> {
        self.intents.iter().map(|i| i.due).min()
    }

    /// Take in what changed since it last looked.
    pub fn observe(&mut self, sight: &dyn Sight) {
        if !self.profile.params().plays {
            return;
        }
        let changes = sight.changes();
        if changes.is_some() && changes == self.looked_at {
            return;
        }
        self.looked_at = changes;
        let now = sight.now();
        self.look_at_incidents(sight, now);
        self.look_at_services(sight, now);
        self.look_at_inbox(sight, now);
        let mut i = 0;
        while i < self.cleaning.len() {
            let (s, done) = self.cleaning[i];
            if done <= now {
                self.cleaning.swap_remove(i);
                self.plan(now, StepKind::Act, Need::Recover(s));
            } else {
                i += 1;
            }
        }
    }

    /// The commands of the steps due by now, in the order they came due.
    pub fn due(&mut self, sight: &dyn Sight) -> Vec<Command> {
        let now = sight.now();
        if self.next_due().is_none_or(|t| t > now) {
            return Vec::new();
        }
        let mut ready: Vec<Intent> = Vec::new();
        self.intents.retain(|i| {
            let due = i.due <= now;
            if due {
                ready.push(*i);
            }
            !due
        });
        ready.sort_by_key(|i| i.due);
        let mut out = Vec::new();
        for i in ready {
            self.resolve(i.need, sight, &mut out);
        }
        out
    }

    /// Plan `need` after the profile's delay for `kind`, unless the profile misses it.
    pub(super) fn plan(&mut self, now: Secs, kind: StepKind, need: Need) {
        let (delay, miss) = self.profile.params().of(kind);
        let team = self.team.0;
        let key = need.key();
        let missed = Draw::Bot {
            team,
            what: kind.code(),
            key,
        };
        if miss > 0.0 && self.dice.below(missed, threshold(miss)) {
            return;
        }
        self.occurrences += 1;
        let extra = if delay.spread > 0 {
            let what = kind.code() | 0x100;
            let key = key ^ self.occurrences.rotate_left(48);
            self.dice
                .around(Draw::Bot { team, what, key }, delay.spread)
        } else {
            0
        };
        self.intents.push(Intent {
            due: now + delay.min + extra,
            need,
        });
    }

    fn look_at_incidents(&mut self, sight: &dyn Sight, now: Secs) {
        let v = sight.view();
        let isolates = self.seat().kit.isolate.is_some();
        for (i, inc) in v.incidents.iter().enumerate() {
            if i == self.incidents_seen.len() {
                self.incidents_seen.push(0);
            }
            let seen = self.incidents_seen[i];
            if inc.detections.len() <= seen {
                continue;
            }
            for d in &inc.detections[seen..] {
                match d.kind {
                    DetectionKind::Compromise => {
                        if isolates {
                            self.plan(now, StepKind::Act, Need::Isolate(d.service));
                        }
                        self.plan(now, StepKind::Act, Need::Clean(d.service));
                    }
                    DetectionKind::Tampering => {
                        self.plan(now, StepKind::Act, Need::Clean(d.service));
                    }
                    DetectionKind::Degradation | DetectionKind::Outage => {}
                }
            }
            self.incidents_seen[i] = inc.detections.len();
            self.plan(now, StepKind::Report, Need::Report(inc.id));
            self.plan(now, StepKind::Share, Need::Share(inc.id));
        }
    }

    fn look_at_services(&mut self, sight: &dyn Sight, now: Secs) {
        let v = sight.view();
        if self.status_seen.len() != v.services.len() {
            self.status_seen = vec![(ServiceStatus::Up, false); v.services.len()];
        }
        for (j, o) in v.services.iter().enumerate() {
            let on_gen = matches!(o.on_buffer, Some((BufferKind::Generator, _)));
            let (was, was_gen) = self.status_seen[j];
            if (o.status, on_gen) == (was, was_gen) {
                continue;
            }
            self.status_seen[j] = (o.status, on_gen);
            let lost = matches!(o.status, ServiceStatus::Degraded | ServiceStatus::Down);
            if lost && !matches!(was, ServiceStatus::Degraded | ServiceStatus::Down) {
                self.plan(now, StepKind::Act, Need::Fallback(o.service));
            }
            if o.status == ServiceStatus::Down && !self.bcp_planned {
                self.bcp_planned = true;
                self.plan(now, StepKind::Act, Need::Bcp);
            }
            if on_gen && !was_gen {
                self.plan(now, StepKind::Act, Need::Refuel(o.service));
            }
        }
    }

    fn look_at_inbox(&mut self, sight: &dyn Sight, now: Secs) {
        let v = sight.view();
        if v.inbox.len() <= self.inbox_seen {
            return;
        }
        let new: Vec<MessageId> = v.inbox[self.inbox_seen..]
            .iter()
            .map(|r| r.message)
            .collect();
        self.inbox_seen = v.inbox.len();
        for id in new {
            let Some(m) = sight.message(id) else {
                continue;
            };
            if !matches!(m.from, Sender::Team(_)) {
                continue;
            }
            if matches!(m.kind, MessageKind::Request | MessageKind::Alert) {
                let named: Vec<ServiceId> = m
                    .services
                    .iter()
                    .copied()
                    .filter(|&s| sight.view().service(s).is_some_and(|o| o.suspected))
                    .collect();
                for s in named {
                    self.plan(now, StepKind::Act, Need::Clean(s));
                }
            }
            if !m.incidents.is_empty() || !m.services.is_empty() {
                self.plan(now, StepKind::Relay, Need::Relay(id));
            }
        }
    }

    pub(super) fn seat(&self) -> &super::outlook::Seat {
        &self.outlook.seats[self.team.idx()]
    }
}

/// Subject keys for "already told".
pub(super) fn incident_subject(i: IncidentId) -> u64 {
    (1 << 40) | i.0 as u64
}

pub(super) fn service_subject(s: ServiceId) -> u64 {
    (2 << 40) | s.0 as u64
}
