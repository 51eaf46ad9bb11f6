//! A due step becomes commands, checked against the sight at that moment: nothing is
//! sent twice to the same team about the same thing, and an action is skipped when
//! what it was for has gone (already isolated, back up, no longer suspected).

use super::bot::{Bot, Need, incident_subject, service_subject};
use super::sight::Sight;
use crate::engine::{ActionTarget, Command, DetectionKind, Draft, Incident, Message, Sender};
use crate::engine::{ServiceStatus, TeamView};
use crate::scenario::{ActionId, MessageKind, Role, ServiceId, TeamId};

impl Bot {
    pub(super) fn resolve(&mut self, need: Need, sight: &dyn Sight, out: &mut Vec<Command>) {
        let v = sight.view();
        match need {
            Need::Report(i) | Need::Share(i) => {
                if let Some(inc) = v.incident(i) {
                    let report = matches!(need, Need::Report(_));
                    self.tell_incident(inc, v, report, out);
                }
            }
            Need::Relay(m) => {
                if let Some(m) = sight.message(m) {
                    self.relay(m, out);
                }
            }
            Need::Isolate(s) => {
                let kit = &self.seat().kit;
                if let Some(a) = kit.isolate
                    && v.service(s).is_some_and(|o| !o.isolated && o.suspected)
                {
                    self.act(a, s, v, out);
                }
            }
            Need::Clean(s) => {
                let Some((a, restores)) = self.seat().kit.clean else {
                    return;
                };
                if v.service(s).is_some_and(|o| o.suspected) && self.act(a, s, v, out) && !restores
                {
                    let done = sight.now() + self.outlook.durations[a.idx()];
                    self.cleaning.push((s, done));
                }
            }
            Need::Recover(s) => {
                if let Some(a) = self.seat().kit.restore
                    && v.service(s)
                        .is_some_and(|o| o.isolated || o.capacity < 0.999)
                {
                    self.act(a, s, v, out);
                }
            }
            Need::Fallback(s) => {
                let Some(o) = v.service(s) else { return };
                let lost = matches!(o.status, ServiceStatus::Degraded | ServiceStatus::Down);
                let kit = &self.seat().kit;
                let running = v.actions.iter().any(|r| {
                    r.target == ActionTarget::Service(s)
                        && kit.fallbacks.iter().any(|f| f.0 == r.action)
                });
                let best = kit.fallbacks.iter().find(|f| f.1 > o.capacity + 0.001);
                if let (true, false, false, Some(&(a, _))) = (lost, o.suspected, running, best) {
                    self.act(a, s, v, out);
                }
            }
            Need::Refuel(s) => {
                if let Some(a) = self.seat().kit.refuel {
                    self.act(a, s, v, out);
                }
            }
            Need::Bcp => {
                if let Some(a) = self.seat().kit.bcp {
                    for &org in &self.seat().orgs {
                        out.push(Command::Act {
                            team: self.team,
                            action: a,
                            target: ActionTarget::Organisation(org),
                        });
                    }
                }
            }
        }
    }

    /// Start `action` on `s` unless it already runs there; whether it was asked for.
    fn act(&self, action: ActionId, s: ServiceId, v: &TeamView, out: &mut Vec<Command>) -> bool {
        let target = ActionTarget::Service(s);
        if v.actions
            .iter()
            .any(|r| r.action == action && r.target == target)
        {
            return false;
        }
        out.push(Command::Act {
            team: self.team,
            action,
            target,
        });
        true
    }

    /// Report an incident up the chain, or warn those who depend on its services.
    fn tell_incident(
        &mut self,
        inc: &Incident,
        v: &TeamView,
        report: bool,
        out: &mut Vec<Command>,
    ) {
        let seat = self.seat();
        let to: Vec<TeamId> = if report {
            seat.recipients
                .iter()
                .filter(|r| matches!(r.1, Role::Ministry | Role::Centre))
                .map(|r| r.0)
                .collect()
        } else {
            let mut to: Vec<TeamId> = inc
                .services
                .iter()
                .flat_map(|s| self.outlook.customers[s.idx()].iter().copied())
                .filter(|t| seat.recipients.iter().any(|r| r.0 == *t))
                .collect();
            to.extend(
                seat.recipients
                    .iter()
                    .filter(|r| r.1 == Role::Ceptoar)
                    .map(|r| r.0),
            );
            to
        };
        // Told when it opens, and again as services of it go down: not at every
        // service the cascade dims.
        let mut subjects = vec![incident_subject(inc.id)];
        subjects.extend(
            inc.services
                .iter()
                .filter(|&&s| {
                    v.service(s)
                        .is_some_and(|o| o.status == ServiceStatus::Down)
                })
                .map(|&s| service_subject(s)),
        );
        let to = self.fresh(to, &subjects);
        if to.is_empty() {
            return;
        }
        let severity = if inc
            .detections
            .iter()
            .any(|d| d.kind != DetectionKind::Degradation)
        {
            3
        } else {
            2
        };
        let worst = inc
            .services
            .iter()
            .filter_map(|&s| v.service(s))
            .map(|o| o.status)
            .max_by_key(|s| match s {
                ServiceStatus::Down => 3,
                ServiceStatus::Degraded => 2,
                ServiceStatus::OnBackup | ServiceStatus::Recovering => 1,
                ServiceStatus::Up => 0,
            });
        let texts = &self.outlook.texts;
        let (kind, text) = if report {
            (MessageKind::Report, &texts.report)
        } else {
            (MessageKind::Alert, &texts.alert)
        };
        let draft = Draft {
            kind,
            incidents: vec![inc.id],
            services: inc.services.clone(),
            severity: Some(severity),
            status: worst,
            text: text.clone(),
        };
        out.push(Command::Send {
            team: self.team,
            to,
            draft,
        });
    }

    /// Pass on what a received message says, as the team's role does.
    fn relay(&mut self, m: &Message, out: &mut Vec<Command>) {
        let Sender::Team(from) = m.from else { return };
        let seat = self.seat();
        let role_of = |t: TeamId| seat.recipients.iter().find(|r| r.0 == t).map(|r| r.1);
        let (role, from_centre) = (seat.role, role_of(from) == Some(Role::Centre));
        let others = seat
            .recipients
            .iter()
            .filter(|r| r.0 != from && !m.to.contains(&r.0));
        let to: Vec<TeamId> = match role {
            Role::Centre | Role::Ceptoar => others.map(|r| r.0).collect(),
            Role::Ministry if from_centre => others
                .filter(|r| !matches!(r.1, Role::Ministry | Role::Centre))
                .map(|r| r.0)
                .collect(),
            Role::Ministry => others
                .filter(|r| r.1 == Role::Centre)
                .map(|r| r.0)
                .collect(),
            Role::Operator | Role::Organiser => {
                let mine: Vec<ServiceId> = m
                    .services
                    .iter()
                    .flat_map(|s| self.outlook.dependants[s.idx()].iter().copied())
                    .filter(|d| self.outlook.owners[d.idx()].contains(&self.team))
                    .collect();
                mine.iter()
                    .flat_map(|d| self.outlook.customers[d.idx()].iter().copied())
                    .filter(|&t| t != from && t != self.team && role_of(t).is_some())
                    .collect()
            }
        };
        let mut subjects: Vec<u64> = m.incidents.iter().map(|&i| incident_subject(i)).collect();
        subjects.extend(m.services.iter().map(|&s| service_subject(s)));
        let to = self.fresh(to, &subjects);
        if to.is_empty() {
            return;
        }
        if role == Role::Centre {
            out.push(Command::Forward {
                team: self.team,
                message: m.id,
                to,
                note: self.outlook.texts.forward.clone(),
            });
            return;
        }
        let kind = if role == Role::Ministry && !from_centre {
            MessageKind::Report
        } else {
            MessageKind::Alert
        };
        let draft = Draft {
            kind,
            incidents: m.incidents.clone(),
            services: m.services.clone(),
            severity: m.severity,
            status: m.status,
            text: self.outlook.texts.relay.clone(),
        };
        out.push(Command::Send {
            team: self.team,
            to,
            draft,
        });
    }

    /// The teams of `to` (without repeats or itself) not yet told all of `subjects`;
    /// they count as told from now on.
    fn fresh(&mut self, mut to: Vec<TeamId>, subjects: &[u64]) -> Vec<TeamId> {
        to.sort();
        to.dedup();
        to.retain(|t| *t != self.team);
        to.retain(|t| subjects.iter().any(|s| !self.told.contains(&(t.0, *s))));
        for t in &to {
            for s in subjects {
                self.told.insert((t.0, *s));
            }
        }
        to
    }
}
