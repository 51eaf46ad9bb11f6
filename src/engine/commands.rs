//! Commands: every check first (a refused command changes nothing, the journal
//! included), then the change, then whatever became due at this instant.

use super::core::Engine;
use super::journal::EntryKind;
pub use super::refusal::CommandError;
use super::topology::millis;
use super::types::{
    ActionTarget, Cause, Command, CommandOutcome, Draft, FiredBy, Message, MessageId, MessageText,
    Origin, Sender,
};
use super::world::NONE;
use crate::scenario::{ActionId, InjectId, Role, Secs, ServiceId, Target, TeamId};

impl Engine {
    /// Apply a command at the current time. On error nothing changes.
    pub fn apply(&mut self, cmd: Command) -> Result<CommandOutcome, CommandError> {
        self.settle();
        self.check(&cmd)?;
        self.log(EntryKind::Command(Box::new(cmd.clone())));
        let out = self.execute(cmd);
        self.settle();
        Ok(out)
    }

    fn team_name(&self, t: TeamId) -> String {
        self.scenario.teams[t.idx()].id.clone()
    }

    fn svc_name(&self, s: ServiceId) -> String {
        self.scenario.services[s.idx()].id.clone()
    }

    fn check_team(&self, t: TeamId) -> Result<(), CommandError> {
        (t.idx() < self.scenario.teams.len())
            .then_some(())
            .ok_or(CommandError::UnknownTeam(t.0))
    }

    fn check_service(&self, s: ServiceId) -> Result<(), CommandError> {
        let n = self.scenario.services.len();
        (s.idx() < n)
            .then_some(())
            .ok_or(CommandError::UnknownService(s.0))
    }

    fn check_inject(&self, i: InjectId) -> Result<(), CommandError> {
        let inject = self
            .scenario
            .injects
            .get(i.idx())
            .ok_or(CommandError::UnknownInject(i.0))?;
        let st = self.injects[i.idx()];
        if st.skipped {
            return Err(CommandError::InjectSkipped(inject.id.clone()));
        }
        if st.fired >= inject.times.max(1) {
            return Err(CommandError::InjectSpent(inject.id.clone()));
        }
        Ok(())
    }

    fn check(&self, cmd: &Command) -> Result<(), CommandError> {
        match cmd {
            Command::Act {
                team,
                action,
                target,
            } => self.check_act(*team, *action, *target),
            Command::Send { team, to, draft } => {
                self.check_team(*team)?;
                self.recipients(*team, to)?;
                self.check_draft(*team, draft)
            }
            Command::Forward {
                team, message, to, ..
            } => {
                self.check_centre(*team, "forward")?;
                if message.idx() >= self.messages.len() {
                    return Err(CommandError::UnknownMessage(message.0));
                }
                let v = &self.views[team.idx()];
                if !v.inbox.iter().any(|r| r.message == *message) && !v.sent.contains(message) {
                    let team = self.team_name(*team);
                    return Err(CommandError::NotInInbox {
                        team,
                        message: message.0,
                    });
                }
                self.recipients(*team, to).map(|_| ())
            }
            Command::Broadcast { team, draft } => {
                self.check_centre(*team, "broadcast")?;
                if self.broadcast_list(*team).is_empty() {
                    return Err(CommandError::NoRecipients);
                }
                self.check_draft(*team, draft)
            }
            Command::FireInject(i) | Command::SkipInject(i) => self.check_inject(*i),
            Command::Override { service, capacity } => {
                self.check_service(*service)?;
                match capacity {
                    Some(c) if !(0.0..=1.0).contains(c) => Err(CommandError::BadCapacity(*c)),
                    _ => Ok(()),
                }
            }
            Command::Note(_) | Command::Assess { .. } => Ok(()),
        }
    }

    fn check_centre(&self, team: TeamId, what: &'static str) -> Result<(), CommandError> {
        self.check_team(team)?;
        let role = self.scenario.teams[team.idx()].role;
        if role != Role::Centre {
            return Err(CommandError::NotCentre {
                team: self.team_name(team),
                role,
                what,
            });
        }
        Ok(())
    }

    fn check_draft(&self, team: TeamId, d: &Draft) -> Result<(), CommandError> {
        if let Some(s) = d.severity.filter(|&s| s > 4) {
            return Err(CommandError::BadSeverity(s));
        }
        for s in &d.services {
            self.check_service(*s)?;
        }
        for i in &d.incidents {
            if !self.views[team.idx()].knows_incident(*i) {
                let team = self.team_name(team);
                return Err(CommandError::UnknownIncident {
                    team,
                    incident: i.0,
                });
            }
        }
        Ok(())
    }

    /// Recipients with their arrival times, in the given order without repeats.
    fn recipients(&self, from: TeamId, to: &[TeamId]) -> Result<Vec<(TeamId, Secs)>, CommandError> {
        if to.is_empty() {
            return Err(CommandError::NoRecipients);
        }
        let mut out: Vec<(TeamId, Secs)> = Vec::with_capacity(to.len());
        for &t in to {
            self.check_team(t)?;
            if t == from {
                return Err(CommandError::ToSelf(self.team_name(from)));
            }
            let Some(lat) = self.topo.latency(from, t) else {
                let (from, to) = (self.team_name(from), self.team_name(t));
                return Err(CommandError::NoChannel { from, to });
            };
            if !out.iter().any(|(x, _)| *x == t) {
                out.push((t, self.now + lat));
            }
        }
        Ok(out)
    }

    fn broadcast_list(&self, from: TeamId) -> Vec<(TeamId, Secs)> {
        (0..self.scenario.teams.len() as u32)
            .map(TeamId)
            .filter(|&t| t != from)
            .filter_map(|t| self.topo.latency(from, t).map(|l| (t, self.now + l)))
            .collect()
    }

    fn check_act(
        &self,
        team: TeamId,
        action: ActionId,
        target: ActionTarget,
    ) -> Result<(), CommandError> {
        self.check_team(team)?;
        let a = self
            .scenario
            .actions
            .get(action.idx())
            .ok_or(CommandError::UnknownAction(action.0))?;
        let t = &self.scenario.teams[team.idx()];
        if !a.roles.contains(&t.role) {
            return Err(CommandError::RoleNotAllowed {
                team: t.id.clone(),
                action: a.id.clone(),
                role: t.role,
                allowed: format!("{:?}", a.roles),
            });
        }
        let wrong = |expected| {
            Err(CommandError::WrongTarget {
                action: a.id.clone(),
                expected,
            })
        };
        let name = match (a.target, target) {
            (Target::OwnService | Target::OwnCompromised, ActionTarget::Service(s)) => {
                self.check_service(s)?;
                let owner = self.scenario.services[s.idx()].owner;
                if !t.controls.contains(&owner) {
                    let target = self.svc_name(s);
                    return Err(CommandError::NotControlled {
                        team: t.id.clone(),
                        target,
                    });
                }
                let suspected = self.views[team.idx()]
                    .service(s)
                    .is_some_and(|o| o.suspected);
                if a.target == Target::OwnCompromised && !suspected {
                    let service = self.svc_name(s);
                    return Err(CommandError::NotSuspected {
                        team: t.id.clone(),
                        service,
                    });
                }
                self.svc_name(s)
            }
            (Target::Organisation, ActionTarget::Organisation(o)) => {
                let org = self
                    .scenario
                    .organisations
                    .get(o.idx())
                    .ok_or(CommandError::UnknownOrganisation(o.0))?;
                if !t.controls.contains(&o) {
                    let target = org.id.clone();
                    return Err(CommandError::NotControlled {
                        team: t.id.clone(),
                        target,
                    });
                }
                org.id.clone()
            }
            (Target::Organisation, _) => return wrong("organisation"),
            _ => return wrong("service"),
        };
        let busy = self.views[team.idx()]
            .actions
            .iter()
            .any(|r| r.action == action && r.target == target);
        if busy {
            return Err(CommandError::AlreadyRunning {
                action: a.id.clone(),
                target: name,
            });
        }
        Ok(())
    }

    fn execute(&mut self, cmd: Command) -> CommandOutcome {
        match cmd {
            Command::Act {
                team,
                action,
                target,
            } => {
                let (run, done_at) = self.start_action(team, action, target);
                CommandOutcome::Started { run, done_at }
            }
            Command::Send { team, to, draft } => {
                let arrivals = self.recipients(team, &to).unwrap_or_default();
                self.send(team, draft, arrivals, None)
            }
            Command::Forward {
                team,
                message,
                to,
                note,
            } => {
                let arrivals = self.recipients(team, &to).unwrap_or_default();
                let orig = &self.messages[message.idx()];
                let draft = Draft {
                    kind: orig.kind,
                    incidents: orig.incidents.clone(),
                    services: orig.services.clone(),
                    severity: orig.severity,
                    status: orig.status,
                    text: note,
                };
                self.send(team, draft, arrivals, Some(message))
            }
            Command::Broadcast { team, draft } => {
                let arrivals = self.broadcast_list(team);
                self.send(team, draft, arrivals, None)
            }
            Command::FireInject(i) => {
                self.fire(i, FiredBy::Facilitator);
                CommandOutcome::Fired
            }
            Command::SkipInject(i) => {
                self.injects[i.idx()].skipped = true;
                self.log(EntryKind::InjectSkipped { inject: i });
                CommandOutcome::Skipped
            }
            Command::Override { service, capacity } => {
                let s = service.idx();
                self.world.svcs[s].settle(self.now);
                self.world.svcs[s].forced = capacity.map_or(NONE, millis);
                self.recompute(s, Cause::Facilitator, Origin::Facilitator);
                CommandOutcome::Overridden
            }
            Command::Note(text) => {
                self.log(EntryKind::Note { text });
                CommandOutcome::Noted
            }
            // The command's own journal entry is the record.
            Command::Assess { .. } => CommandOutcome::Noted,
        }
    }

    fn send(
        &mut self,
        team: TeamId,
        d: Draft,
        arrivals: Vec<(TeamId, Secs)>,
        forwarded: Option<MessageId>,
    ) -> CommandOutcome {
        let msg = Message {
            id: MessageId(0),
            from: Sender::Team(team),
            to: arrivals.iter().map(|a| a.0).collect(),
            kind: d.kind,
            incidents: d.incidents,
            services: d.services,
            severity: d.severity,
            status: d.status,
            text: MessageText::Free(d.text),
            sent_at: self.now,
            forwarded,
        };
        let message = self.post(msg, &arrivals);
        CommandOutcome::Sent { message, arrivals }
    }
}
