//! What one team knows: its own services as it observes them, its incidents, its
//! inbox and sent messages, and its running actions. Nothing else.

use super::types::{
    ActionTarget, BufferKind, DetectionKind, IncidentId, MessageId, RunId, ServiceStatus,
};
use crate::scenario::{ActionId, Secs, ServiceId, TeamId};
use serde::{Deserialize, Serialize};

/// One of the team's own services, as its operators see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ObservedService {
    pub service: ServiceId,
    pub status: ServiceStatus,
    /// 0..=1.
    pub capacity: f64,
    /// Running on this buffer until this time (the site alarm shows it).
    pub on_buffer: Option<(BufferKind, Secs)>,
    pub isolated: bool,
    /// The team believes an intruder is (or was) in it: detected, or a message said so.
    pub suspected: bool,
}

/// One detection within an incident.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Detection {
    pub at: Secs,
    pub service: ServiceId,
    pub kind: DetectionKind,
}

/// An incident in a team's view: detections it believes belong together.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Incident {
    pub id: IncidentId,
    pub team: TeamId,
    pub opened_at: Secs,
    pub updated_at: Secs,
    /// Services involved, in the order they were noticed.
    pub services: Vec<ServiceId>,
    pub detections: Vec<Detection>,
}

/// A message in an inbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Received {
    pub message: MessageId,
    pub at: Secs,
}

/// An action the team has under way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunningAction {
    pub run: RunId,
    pub action: ActionId,
    pub target: ActionTarget,
    pub started: Secs,
    pub done_at: Secs,
}

impl RunningAction {
    /// How far along it is at `now`, 0..=1.
    pub fn progress(&self, now: Secs) -> f64 {
        let span = self.done_at.saturating_sub(self.started);
        if span == 0 {
            return 1.0;
        }
        (now.saturating_sub(self.started) as f64 / span as f64).min(1.0)
    }
}

/// A team's knowledge, read through [`crate::engine::Engine::view`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TeamView {
    pub team: TeamId,
    /// The services of the organisations the team plays, in id order.
    pub services: Vec<ObservedService>,
    pub incidents: Vec<Incident>,
    pub inbox: Vec<Received>,
    pub sent: Vec<MessageId>,
    pub actions: Vec<RunningAction>,
    /// Incidents the team may refer to: its own and those named in messages it got.
    pub known_incidents: Vec<IncidentId>,
}

impl TeamView {
    pub(crate) fn new(team: TeamId, services: &[ServiceId]) -> Self {
        TeamView {
            team,
            services: services
                .iter()
                .map(|&service| ObservedService {
                    service,
                    status: ServiceStatus::Up,
                    capacity: 1.0,
                    on_buffer: None,
                    isolated: false,
                    suspected: false,
                })
                .collect(),
            incidents: Vec::new(),
            inbox: Vec::new(),
            sent: Vec::new(),
            actions: Vec::new(),
            known_incidents: Vec::new(),
        }
    }

    /// The team's observation of `s`, if it is one of its services.
    pub fn service(&self, s: ServiceId) -> Option<&ObservedService> {
        self.services
            .binary_search_by_key(&s, |o| o.service)
            .ok()
            .map(|i| &self.services[i])
    }

    pub(crate) fn service_mut(&mut self, s: ServiceId) -> Option<&mut ObservedService> {
        self.services
            .binary_search_by_key(&s, |o| o.service)
            .ok()
            .map(|i| &mut self.services[i])
    }

    /// One of the team's incidents.
    pub fn incident(&self, id: IncidentId) -> Option<&Incident> {
        self.incidents.iter().find(|i| i.id == id)
    }

    /// Whether the team may refer to `id`.
    pub fn knows_incident(&self, id: IncidentId) -> bool {
        self.known_incidents.binary_search(&id).is_ok()
    }

    pub(crate) fn learn_incident(&mut self, id: IncidentId) {
        if let Err(i) = self.known_incidents.binary_search(&id) {
            self.known_incidents.insert(i, id);
        }
    }
}
