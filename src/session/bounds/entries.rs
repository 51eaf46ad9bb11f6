//! The range check of each kind of journal entry and of the commands it holds.

use super::{Bad, Checked, Checker, index, made, next, severity, share};
use crate::engine::{ActionTarget, Blocked, Cause, Command, Draft, EntryKind, Origin, Sender};
use crate::scenario::{Impact, Secs};

/// A time `field` that an entry at `own` names for later (an action's end, a buffer's).
fn not_before(field: &'static str, at: Secs, own: Secs) -> Checked {
    if at < own {
        return Err(Bad::Before { field, at, own });
    }
    Ok(())
}

impl Checker<'_> {
    fn service(&self, s: crate::scenario::ServiceId) -> Checked {
        index("service", s.0, self.sc.services.len())
    }

    fn team(&self, t: crate::scenario::TeamId) -> Checked {
        index("team", t.0, self.sc.teams.len())
    }

    fn teams(&self, ts: &[crate::scenario::TeamId]) -> Checked {
        ts.iter().try_for_each(|t| self.team(*t))
    }

    fn inject(&self, i: crate::scenario::InjectId) -> Checked {
        index("inject", i.0, self.sc.injects.len())
    }

    fn action(&self, a: crate::scenario::ActionId) -> Checked {
        index("action", a.0, self.sc.actions.len())
    }

    fn threat(&self, t: crate::scenario::ThreatId) -> Checked {
        index("threat", t.0, self.sc.threats.len())
    }

    fn step(&self, t: crate::scenario::ThreatId, step: u32) -> Checked {
        self.threat(t)?;
        index("step", step, self.sc.threats[t.idx()].steps.len())
    }

    fn incident(&self, i: crate::engine::IncidentId) -> Checked {
        made("incident", i.0, self.incidents)
    }

    fn target(&self, t: ActionTarget) -> Checked {
        match t {
            ActionTarget::Service(s) => self.service(s),
            ActionTarget::Organisation(o) => {
                index("organisation", o.0, self.sc.organisations.len())
            }
        }
    }

    fn origin(&self, o: Origin) -> Checked {
        match o {
            Origin::Threat(t) => self.threat(t),
            Origin::Inject(i) => self.inject(i),
            Origin::Team(t) => self.team(t),
            Origin::Unknown | Origin::Facilitator => Ok(()),
        }
    }

    fn cause(&self, c: Cause) -> Checked {
        match c {
            Cause::Dependency(d) => index("dependency", d.0, self.sc.dependencies.len()),
            Cause::Threat { threat, step } => self.step(threat, step),
            Cause::Action { team, run } => {
                self.team(team)?;
                made("run", run.0, self.runs)
            }
            Cause::Inject(i) => self.inject(i),
            Cause::BufferSpent(_) | Cause::Facilitator => Ok(()),
        }
    }

    fn draft(&self, d: &Draft) -> Checked {
        severity(d.severity)?;
        d.services.iter().try_for_each(|s| self.service(*s))?;
        d.incidents.iter().try_for_each(|i| self.incident(*i))
    }

    fn command(&self, c: &Command) -> Checked {
        match c {
            Command::Act {
                team,
                action,
                target,
            } => {
                self.team(*team)?;
                self.action(*action)?;
                self.target(*target)
            }
            Command::Send { team, to, draft } => {
                self.team(*team)?;
                self.teams(to)?;
                self.draft(draft)
            }
            Command::Forward {
                team, message, to, ..
            } => {
                self.team(*team)?;
                made("message", message.0, self.messages)?;
                self.teams(to)
            }
            Command::Broadcast { team, draft } => {
                self.team(*team)?;
                self.draft(draft)
            }
            Command::FireInject(i) | Command::SkipInject(i) => self.inject(*i),
            Command::Override { service, capacity } => {
                self.service(*service)?;
                capacity.map_or(Ok(()), |c| share("capacity", c))
            }
            Command::Note(_) | Command::Assess { .. } => Ok(()),
        }
    }

    /// The entry of `kind` at time `at`.
    pub(super) fn entry(&mut self, at: Secs, kind: &EntryKind) -> Checked {
        use EntryKind as K;
        match kind {
            K::Command(c) => self.command(c),
            K::ServiceChanged {
                service,
                from,
                to,
                cause,
                origin,
                ..
            } => {
                self.service(*service)?;
                share("from", *from)?;
                share("to", *to)?;
                self.cause(*cause)?;
                self.origin(*origin)
            }
            K::BufferStarted { service, until, .. } => {
                self.service(*service)?;
                not_before("until", *until, at)
            }
            K::BufferSpent { service, .. } | K::LoopCut { service } => self.service(*service),
            K::LinkHeld { dep, limit } => {
                index("dep", dep.0, self.sc.dependencies.len())?;
                share("limit", *limit)
            }
            K::ThreatStarted { threat, by } => {
                self.threat(*threat)?;
                by.map_or(Ok(()), |i| self.inject(i))
            }
            K::Compromised {
                threat,
                step,
                service,
                from,
            } => {
                self.step(*threat, *step)?;
                self.service(*service)?;
                from.map_or(Ok(()), |s| self.service(s))
            }
            K::Impact {
                threat,
                step,
                service,
                impact,
            } => {
                self.step(*threat, *step)?;
                self.service(*service)?;
                match impact {
                    Impact::Degradation(x) | Impact::Ddos(x) => share("impact", *x),
                    Impact::Outage | Impact::DataTampering => Ok(()),
                }
            }
            K::StepBlocked {
                threat,
                step,
                reason,
            } => {
                self.step(*threat, *step)?;
                let (Blocked::Isolated(s) | Blocked::Patched(s) | Blocked::NotCompromised(s)) =
                    reason;
                self.service(*s)
            }
            K::Cleaned { service, threat } => {
                self.service(*service)?;
                self.threat(*threat)
            }
            K::IncidentOpened {
                incident,
                team,
                service,
                threat,
                origin,
                ..
            } => {
                self.team(*team)?;
                self.service(*service)?;
                threat.map_or(Ok(()), |t| self.threat(t))?;
                self.origin(*origin)?;
                next("incident", incident.0, &mut self.incidents)
            }
            K::Detected {
                team,
                incident,
                service,
                ..
            } => {
                self.team(*team)?;
                self.incident(*incident)?;
                self.service(*service)
            }
            K::MessageSent {
                message,
                from,
                to,
                incidents,
                services,
                severity: claimed,
                forwarded,
                ..
            } => {
                match &**from {
                    Sender::Team(t) => self.team(*t)?,
                    Sender::Inject { inject, .. } => self.inject(*inject)?,
                }
                self.teams(to)?;
                incidents.iter().try_for_each(|i| self.incident(*i))?;
                services.iter().try_for_each(|s| self.service(*s))?;
                severity(*claimed)?;
                forwarded.map_or(Ok(()), |m| made("forwarded", m.0, self.messages))?;
                next("message", message.0, &mut self.messages)
            }
            K::MessageDelivered { message, to } => {
                made("message", message.0, self.messages)?;
                self.team(*to)
            }
            K::ActionStarted {
                run,
                team,
                action,
                target,
                done_at,
            } => {
                self.team(*team)?;
                self.action(*action)?;
                self.target(*target)?;
                not_before("done_at", *done_at, at)?;
                next("run", run.0, &mut self.runs)
            }
            K::ActionFinished {
                run,
                team,
                action,
                target,
            } => {
                made("run", run.0, self.runs)?;
                self.team(*team)?;
                self.action(*action)?;
                self.target(*target)
            }
            K::InjectFired { inject, .. } | K::InjectSkipped { inject } => self.inject(*inject),
            K::Note { .. } => Ok(()),
        }
    }
}
