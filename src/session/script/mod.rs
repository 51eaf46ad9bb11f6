//! Command scripts (a scripted play for `crossdrill run --commands`): a RON list of
//! timed commands that name things by their scenario ids.
//!
//! ```ron
//! [
//!     // A team action on a service (or, for organisation actions, an organisation).
//!     (at: "1h05m", team: "carrier", act: "refuel-generators", target: "bts-koto"),
//!     // A message over a channel. Everything but `to`, `kind` and `text` is optional;
//!     // `incidents` are the numbers the journal shows (#0, #1 ...), or
//!     // `all_incidents: true` cites every incident the team knows at that moment.
//!     (at: "1h10m", team: "grid", send: (to: ["meti"], kind: Report, severity: 3,
//!         status: Down, all_incidents: true, services: ["substation-koto"], text: "...")),
//!     // The coordination centre only: forward message #4, or broadcast.
//!     (at: "1h20m", team: "centre", forward: (message: 4, to: ["carrier"], note: "...")),
//!     (at: "1h25m", team: "centre", broadcast: (kind: Alert, text: "...")),
//!     // Facilitator commands (no team).
//!     (at: "2h", fire: "press-conference"),
//!     (at: "2h", skip: "stadium-fuel"),
//!     (at: "2h", override: (service: "bts-koto", capacity: 0.5)), // capacity: None releases
//!     (at: "2h", note: "pause for a hot wash"),
//! ]
//! ```
//!
//! Kinds: `Report`, `Alert`, `Request`, `Information`, `PublicStatement`; statuses:
//! `Up`, `Degraded`, `Down`, `OnBackup`, `Recovering`. Steps must be in time order.
//! Every problem is reported as `file:line:column: message`.

mod places;

use crate::engine::{ActionTarget, Command, Draft, Engine, IncidentId, MessageId, ServiceStatus};
use crate::scenario::{MessageKind, Scenario, Secs, Target, TeamId, duration, suggest};
use places::{element_starts, line_col};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStep {
    at: String,
    #[serde(default)]
    team: Option<String>,
    #[serde(default)]
    act: Option<String>,
    #[serde(default)]
    target: Option<String>,
    #[serde(default)]
    send: Option<RawMessage>,
    #[serde(default)]
    forward: Option<RawForward>,
    #[serde(default)]
    broadcast: Option<RawMessage>,
    #[serde(default)]
    fire: Option<String>,
    #[serde(default)]
    skip: Option<String>,
    #[serde(default, rename = "override")]
    set: Option<RawOverride>,
    #[serde(default)]
    note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMessage {
    #[serde(default)]
    to: Vec<String>,
    kind: MessageKind,
    #[serde(default)]
    incidents: Vec<u32>,
    #[serde(default)]
    all_incidents: bool,
    #[serde(default)]
    services: Vec<String>,
    #[serde(default)]
    severity: Option<u8>,
    #[serde(default)]
    status: Option<ServiceStatus>,
    #[serde(default)]
    text: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawForward {
    message: u32,
    to: Vec<String>,
    #[serde(default)]
    note: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOverride {
    service: String,
    capacity: Option<f64>,
}

/// One step of a script, resolved against a scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct Planned {
    pub at: Secs,
    pub command: Command,
    /// Cite every incident the team knows when the step runs.
    pub all_incidents: bool,
    /// Where the step is written (`file:line:column`).
    pub place: String,
}

impl Planned {
    /// The command to apply now (filling in the incidents the team knows).
    pub fn command_for(&self, engine: &Engine) -> Command {
        let team = self.command.team();
        self.command_knowing(team.map_or(&[], |t| &engine.view(t).known_incidents))
    }

    /// The command, citing `known` when the step cites every incident the team knows.
    pub fn command_knowing(&self, known: &[IncidentId]) -> Command {
        let mut cmd = self.command.clone();
        if self.all_incidents
            && let Command::Send { draft, .. } | Command::Broadcast { draft, .. } = &mut cmd
        {
            draft.incidents = known.to_vec();
        }
        cmd
    }
}

/// Read a script; every problem as `file:line:column: message`.
pub fn parse(file: &str, text: &str, scenario: &Scenario) -> Result<Vec<Planned>, Vec<String>> {
    let steps: Vec<RawStep> = match crate::scenario::ron_options().from_str(text) {
        Ok(s) => s,
        Err(e) => {
            let p = e.span.start;
            return Err(vec![format!("{file}:{}:{}: {}", p.line, p.col, e.code)]);
        }
    };
    let starts = element_starts(text);
    let mut errors = Vec::new();
    let mut out = Vec::new();
    let mut last = 0;
    for (i, step) in steps.iter().enumerate() {
        let (start, end) = starts.get(i).copied().unwrap_or((0, text.len()));
        // Where `field:` is written in this step (`"("`: the step itself).
        let place = |field: &str| {
            let at = match field {
                "(" => None,
                f => text[start..end].find(&format!("{f}:")),
            }
            .map_or(start, |k| start + k);
            let (line, col) = line_col(text, at);
            format!("{file}:{line}:{col}")
        };
        match resolve(step, scenario) {
            Ok((command, all_incidents)) => {
                let at = duration::parse(&step.at).unwrap_or(0);
                if at > scenario.duration {
                    errors.push(format!(
                        "{}: step at {} is after the scenario's end ({})\n  hint: move it earlier, or lengthen the scenario's `duration`",
                        place("at"),
                        step.at,
                        duration::clock(scenario.duration)
                    ));
                }
                if at < last {
                    errors.push(format!(
                        "{}: step at {} comes before the one above it",
                        place("at"),
                        step.at
                    ));
                }
                last = last.max(at);
                out.push(Planned {
                    at,
                    command,
                    all_incidents,
                    place: place("("),
                });
            }
            Err((field, message)) => errors.push(format!("{}: {message}", place(field))),
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

type Problem = (&'static str, String);

fn resolve(s: &RawStep, sc: &Scenario) -> Result<(Command, bool), Problem> {
    duration::parse(&s.at).map_err(|_| {
        (
            "at",
            format!("cannot read duration `{}` (write e.g. \"1h05m\")", s.at),
        )
    })?;
    let given = [
        s.act.is_some(),
        s.send.is_some(),
        s.forward.is_some(),
        s.broadcast.is_some(),
        s.fire.is_some(),
        s.skip.is_some(),
        s.set.is_some(),
        s.note.is_some(),
    ]
    .iter()
    .filter(|b| **b)
    .count();
    if given != 1 {
        let msg = "give exactly one of act, send, forward, broadcast, fire, skip, override, note";
        return Err(("at", msg.into()));
    }
    let find_team = |id: &str, field| {
        sc.team_by_id(id).ok_or_else(|| {
            let known = sc.teams.iter().map(|t| t.id.as_str());
            (field, unknown("team", id, known))
        })
    };
    let team = || -> Result<TeamId, Problem> {
        let id = s
            .team
            .as_deref()
            .ok_or(("at", "this step needs a `team`".to_string()))?;
        find_team(id, "team")
    };
    let teams = |ids: &[String], field| -> Result<Vec<TeamId>, Problem> {
        ids.iter().map(|t| find_team(t, field)).collect()
    };
    let service = |id: &str, field| {
        sc.service_by_id(id).ok_or_else(|| {
            let known = sc.services.iter().map(|s| s.id.as_str());
            (field, unknown("service", id, known))
        })
    };
    let draft = |m: &RawMessage| -> Result<Draft, Problem> {
        let services = m
            .services
            .iter()
            .map(|x| service(x, "services"))
            .collect::<Result<_, _>>()?;
        Ok(Draft {
            kind: m.kind,
            incidents: m.incidents.iter().map(|&i| IncidentId(i)).collect(),
            services,
            severity: m.severity,
            status: m.status,
            text: m.text.clone(),
        })
    };
    let inject = |id: &str, field| {
        sc.inject_by_id(id).ok_or_else(|| {
            let known = sc.injects.iter().map(|i| i.id.as_str());
            (field, unknown("inject", id, known))
        })
    };
    let cmd = if let Some(a) = &s.act {
        let team = team()?;
        let action = sc.action_by_id(a).ok_or_else(|| {
            let known = sc.actions.iter().map(|x| x.id.as_str());
            ("act", unknown("action", a, known))
        })?;
        let t = s
            .target
            .as_deref()
            .ok_or(("act", "an action needs a `target`".to_string()))?;
        let target = if sc.actions[action.idx()].target == Target::Organisation {
            let o = sc.organisations.iter().position(|o| o.id == t);
            let o = o.ok_or_else(|| {
                let known = sc.organisations.iter().map(|o| o.id.as_str());
                ("target", unknown("organisation", t, known))
            })?;
            ActionTarget::Organisation(crate::scenario::OrgId(o as u32))
        } else {
            ActionTarget::Service(service(t, "target")?)
        };
        Command::Act {
            team,
            action,
            target,
        }
    } else if let Some(m) = &s.send {
        let to = teams(&m.to, "to")?;
        return Ok((
            Command::Send {
                team: team()?,
                to,
                draft: draft(m)?,
            },
            m.all_incidents,
        ));
    } else if let Some(m) = &s.broadcast {
        return Ok((
            Command::Broadcast {
                team: team()?,
                draft: draft(m)?,
            },
            m.all_incidents,
        ));
    } else if let Some(f) = &s.forward {
        let to = teams(&f.to, "to")?;
        Command::Forward {
            team: team()?,
            message: MessageId(f.message),
            to,
            note: f.note.clone(),
        }
    } else if let Some(i) = &s.fire {
        Command::FireInject(inject(i, "fire")?)
    } else if let Some(i) = &s.skip {
        Command::SkipInject(inject(i, "skip")?)
    } else if let Some(o) = &s.set {
        Command::Override {
            service: service(&o.service, "service")?,
            capacity: o.capacity,
        }
    } else {
        Command::Note(s.note.clone().unwrap_or_default())
    };
    Ok((cmd, false))
}

/// "unknown action `isolat`" with, when a known id is close, a hint line as
/// `validate` prints it ("  hint: did you mean `isolate`?").
fn unknown<'a>(what: &str, id: &str, known: impl IntoIterator<Item = &'a str>) -> String {
    match suggest(id, known) {
        Some(hint) => format!("unknown {what} `{id}`\n  hint: {hint}"),
        None => format!("unknown {what} `{id}`"),
    }
}
