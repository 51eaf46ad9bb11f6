//! The event log as each seat may read it: journal entries turned into log lines, each with
//! the teams allowed to see it (the facilitator and observers see every line).

use super::picture::{LogEvent, LogLine, Shown};
use crate::engine::{
    ActionTarget, Cause, Engine, Entry, EntryKind, IncidentId, Sender, ServiceStatus,
};
use crate::scenario::{DepId, MessageKind, Scenario, Secs, ServiceId, TeamId, Text};
use crate::scoring::LossMeter;
use std::collections::HashMap;
use std::sync::Arc;

/// Who may read a line besides the facilitator and observers.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Audience {
    ControlOnly,
    Teams(Vec<TeamId>),
}

/// Log lines and facts read from the journal as it grows.
#[derive(Debug, Default)]
pub(crate) struct LogBook {
    cursor: usize,
    pub lines: Vec<(LogLine, Audience)>,
    /// The journal entry of each line teams also read (`None` for a refused command and
    /// for a control-only line, which holds its entry itself): the facilitator's and
    /// observers' log show it in full, worded as the debrief words it.
    entries: Vec<Option<Arc<Entry>>>,
    /// Times each inject fired, and whether it was skipped, by inject index.
    pub injects: Vec<(u32, bool)>,
    /// Observer and facilitator notes.
    pub notes: Vec<(Secs, String)>,
    /// Ground-truth severity of each incident (its threat's), by incident.
    pub severity: HashMap<IncidentId, u8>,
    /// When each incident was first reported by its team, and first reached another team.
    pub reported: HashMap<IncidentId, Secs>,
    pub shared: HashMap<IncidentId, Secs>,
    /// Cascade arrivals since the last [`LogBook::take_arrivals`].
    arrivals: Vec<(DepId, Secs)>,
    /// Service lost so far (scoring's impact integral, read as the journal grows).
    loss: LossMeter,
}

pub(crate) fn shown(s: ServiceStatus, capacity: f64) -> Shown {
    match s {
        ServiceStatus::Up => Shown::Up,
        ServiceStatus::Degraded => Shown::Degraded,
        ServiceStatus::Down => Shown::Down,
        ServiceStatus::OnBackup => Shown::Backup,
        ServiceStatus::Recovering if capacity <= 0.0 => Shown::Down,
        ServiceStatus::Recovering => Shown::Recovering,
    }
}

/// Who sent a message, as people read it: the team's name or the inject's sender.
pub(crate) fn sender_text(s: &Scenario, from: &Sender) -> Text {
    match from {
        Sender::Team(t) => s
            .teams
            .get(t.idx())
            .map(|x| x.name.clone())
            .unwrap_or_default(),
        Sender::Inject { from, .. } => from.clone(),
    }
}

/// The service an action targets (`None`: an organisation).
pub(crate) fn target_service(t: ActionTarget) -> Option<ServiceId> {
    match t {
        ActionTarget::Service(s) => Some(s),
        ActionTarget::Organisation(_) => None,
    }
}

impl LogBook {
    /// Read the journal entries added since the last call.
    pub(crate) fn catch_up(&mut self, engine: &Engine) {
        let s = engine.scenario().clone();
        let entries = &engine.journal().entries;
        self.injects.resize(s.injects.len(), (0, false));
        self.loss.catch_up(&s, engine.journal());
        for e in entries.iter().skip(self.cursor) {
            self.facts(engine, e);
        }
        for e in entries.iter().skip(self.cursor) {
            let owner = |svc: ServiceId| -> Audience {
                Audience::Teams(s.controller_of(svc).into_iter().collect())
            };
            let line = |event| LogLine { at: e.at, event };
            let control = |alarm| {
                line(LogEvent::Entry {
                    entry: Arc::new(e.clone()),
                    alarm,
                })
            };
            let item = match &e.kind {
                EntryKind::ServiceChanged {
                    service, to, now, ..
                } => Some((
                    line(LogEvent::Status {
                        service: *service,
                        now: shown(*now, *to),
                        capacity: *to,
                    }),
                    owner(*service),
                )),
                EntryKind::BufferStarted {
                    service,
                    buffer,
                    until,
                } => Some((
                    line(LogEvent::Buffer(*service, *buffer, Some(*until))),
                    owner(*service),
                )),
                EntryKind::BufferSpent { service, buffer } => Some((
                    line(LogEvent::Buffer(*service, *buffer, None)),
                    owner(*service),
                )),
                EntryKind::ThreatStarted { .. }
                | EntryKind::StepBlocked { .. }
                | EntryKind::Cleaned { .. } => Some((control(false), Audience::ControlOnly)),
                EntryKind::Compromised { .. } | EntryKind::Impact { .. } => {
                    Some((control(true), Audience::ControlOnly))
                }
                EntryKind::IncidentOpened {
                    team,
                    service,
                    kind,
                    ..
                } => Some((
                    line(LogEvent::IncidentOpened {
                        team: *team,
                        service: *service,
                        kind: *kind,
                    }),
                    Audience::Teams(vec![*team]),
                )),
                EntryKind::Detected {
                    team,
                    service,
                    kind,
                    ..
                } => Some((
                    line(LogEvent::Detected {
                        team: *team,
                        service: *service,
                        kind: *kind,
                    }),
                    Audience::Teams(vec![*team]),
                )),
                EntryKind::MessageSent { from, to, kind, .. } => {
                    let (from, to): (&Sender, &Vec<TeamId>) = (from, to);
                    let audience = match from {
                        Sender::Team(t) => Audience::Teams(vec![*t]),
                        Sender::Inject { .. } => Audience::ControlOnly,
                    };
                    Some((
                        line(LogEvent::Sent {
                            from: sender_text(&s, from),
                            to: to.clone(),
                            kind: *kind,
                        }),
                        audience,
                    ))
                }
                EntryKind::MessageDelivered { message, to } => engine.message(*message).map(|m| {
                    (
                        line(LogEvent::Delivered {
                            from: sender_text(&s, &m.from),
                            to: *to,
                            kind: m.kind,
                        }),
                        Audience::Teams(vec![*to]),
                    )
                }),
                EntryKind::ActionStarted {
                    team,
                    action,
                    target,
                    done_at,
                    ..
                } => Some((
                    line(LogEvent::ActionStarted {
                        team: *team,
                        action: *action,
                        service: target_service(*target),
                        done_at: *done_at,
                    }),
                    Audience::Teams(vec![*team]),
                )),
                EntryKind::ActionFinished {
                    team,
                    action,
                    target,
                    ..
                } => Some((
                    line(LogEvent::ActionFinished {
                        team: *team,
                        action: *action,
                        service: target_service(*target),
                    }),
                    Audience::Teams(vec![*team]),
                )),
                EntryKind::InjectFired { .. }
                | EntryKind::InjectSkipped { .. }
                | EntryKind::Note { .. } => Some((control(false), Audience::ControlOnly)),
                EntryKind::Command(c) if matches!(**c, crate::engine::Command::Override { .. }) => {
                    Some((control(false), Audience::ControlOnly))
                }
                _ => None,
            };
            if let Some(item) = item {
                let full = !matches!(item.0.event, LogEvent::Entry { .. });
                self.entries.push(full.then(|| Arc::new(e.clone())));
                self.lines.push(item);
            }
        }
        self.cursor = entries.len();
    }

    /// Record what scoring-like panels need from one entry.
    fn facts(&mut self, engine: &Engine, e: &crate::engine::Entry) {
        let s = engine.scenario();
        match &e.kind {
            EntryKind::ServiceChanged {
                cause: Cause::Dependency(dep),
                ..
            } => {
                self.arrivals.push((*dep, e.at));
            }
            EntryKind::InjectFired { inject, .. } => {
                if let Some(st) = self.injects.get_mut(inject.idx()) {
                    st.0 += 1;
                }
            }
            EntryKind::InjectSkipped { inject } => {
                if let Some(st) = self.injects.get_mut(inject.idx()) {
                    st.1 = true;
                }
            }
            EntryKind::Note { text } => self.notes.push((e.at, text.clone())),
            EntryKind::IncidentOpened {
                incident,
                threat: Some(t),
                ..
            } => {
                if let Some(th) = s.threats.get(t.idx()) {
                    self.severity.insert(*incident, th.severity);
                }
            }
            EntryKind::MessageSent {
                from,
                kind,
                incidents,
                ..
            } if let Sender::Team(team) = **from => {
                for i in incidents.iter() {
                    if *kind == MessageKind::Report && engine.incident_team(*i) == Some(team) {
                        self.reported.entry(*i).or_insert(e.at);
                    }
                }
            }
            EntryKind::MessageDelivered { message, to } => {
                if let Some(m) = engine.message(*message) {
                    for i in &m.incidents {
                        if engine.incident_team(*i).is_some_and(|owner| owner != *to) {
                            self.shared.entry(*i).or_insert(e.at);
                        }
                    }
                }
            }
            _ => {}
        }
    }

    /// Service lost up to `now`, in thousand person-hours (criticality-weighted).
    pub(crate) fn impact(&self, scenario: &Scenario, now: Secs) -> f64 {
        self.loss.total(scenario, now) / 1000.0
    }

    /// Cascade arrivals since the last call.
    pub(crate) fn take_arrivals(&mut self) -> Vec<(DepId, Secs)> {
        std::mem::take(&mut self.arrivals)
    }

    /// A refused command, shown to whoever gave it.
    pub(crate) fn rejected(
        &mut self,
        at: Secs,
        why: Option<crate::words::Phrase>,
        team: Option<TeamId>,
    ) {
        let audience = match team {
            Some(t) => Audience::Teams(vec![t]),
            None => Audience::ControlOnly,
        };
        let event = why.map_or(LogEvent::NotAllowed, LogEvent::Rejected);
        self.lines.push((LogLine { at, event }, audience));
        self.entries.push(None);
    }

    /// The last `max` lines `team` may read (`None`: the facilitator or an observer).
    pub(crate) fn for_seat(&self, team: Option<TeamId>, max: usize) -> Vec<LogLine> {
        let visible: Vec<(&LogLine, &Option<Arc<Entry>>)> = self
            .lines
            .iter()
            .zip(&self.entries)
            .filter(|((_, a), _)| match (team, a) {
                (None, _) => true,
                (Some(_), Audience::ControlOnly) => false,
                (Some(t), Audience::Teams(list)) => list.contains(&t),
            })
            .map(|((l, _), e)| (l, e))
            .collect();
        let skip = visible.len().saturating_sub(max);
        let full = |(line, entry): (&LogLine, &Option<Arc<Entry>>)| match (team, entry) {
            (None, Some(entry)) => LogLine {
                at: line.at,
                event: LogEvent::Entry {
                    entry: entry.clone(),
                    alarm: line.alarm(),
                },
            },
            _ => line.clone(),
        };
        visible.into_iter().skip(skip).map(full).collect()
    }
}
