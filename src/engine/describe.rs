//! One readable line per journal entry: what happened, to whom, and why (for the
//! headless timeline and the app's event log). Japanese lines come from
//! `describe_ja`.

use super::journal::{Entry, EntryKind};
use super::names::Names;
use super::types::{
    Blocked, BufferKind, Cause, Command, DetectionKind, FiredBy, Origin, Sender, ServiceStatus,
};
use crate::scenario::duration::clock;
use crate::scenario::{DepId, Impact, Lang, Scenario};

fn dep_text(n: &Names, d: DepId) -> String {
    match n.dependency(d) {
        Some(x) => format!(
            "{} -> {} ({:?}, {})",
            n.svc(x.from),
            n.svc(x.to),
            x.kind,
            crate::scenario::duration::format(x.delay)
        )
        .to_lowercase(),
        None => "?".into(),
    }
}

fn cause_text(n: &Names, c: Cause) -> String {
    match c {
        Cause::Dependency(d) => format!("via {}", dep_text(n, d)),
        Cause::BufferSpent(b) => format!("{} spent", buffer(b)),
        Cause::Threat { threat, step } => {
            format!("threat {} step {}", n.threat(threat), step + 1)
        }
        Cause::Action { team, run } => format!("action run #{} of {}", run.0, n.team(team)),
        Cause::Inject(i) => format!("inject {}", n.inject(i)),
        Cause::Facilitator => "facilitator override".into(),
    }
}

fn origin_text(n: &Names, o: Origin) -> String {
    match o {
        Origin::Unknown => "unknown".into(),
        Origin::Threat(t) => format!("threat {}", n.threat(t)),
        Origin::Inject(i) => format!("inject {}", n.inject(i)),
        Origin::Facilitator => "facilitator".into(),
        Origin::Team(t) => format!("{}'s own action", n.team(t)),
    }
}

fn status(s: ServiceStatus) -> &'static str {
    match s {
        ServiceStatus::Up => "up",
        ServiceStatus::Degraded => "degraded",
        ServiceStatus::Down => "DOWN",
        ServiceStatus::OnBackup => "on backup",
        ServiceStatus::Recovering => "recovering",
    }
}

fn buffer(b: BufferKind) -> &'static str {
    match b {
        BufferKind::Battery => "battery",
        BufferKind::Generator => "generator",
    }
}

fn detection(k: DetectionKind) -> &'static str {
    match k {
        DetectionKind::Compromise => "compromise",
        DetectionKind::Tampering => "data tampering",
        DetectionKind::Degradation => "degradation",
        DetectionKind::Outage => "outage",
    }
}

/// When the provider changed whose change arrived over `dep` at `at`.
pub(super) fn changed_at(
    scenario: &Scenario,
    at: crate::scenario::Secs,
    dep: DepId,
) -> crate::scenario::Secs {
    let delay = scenario.dependencies.get(dep.idx()).map_or(0, |d| d.delay);
    at.saturating_sub(delay)
}

pub(super) fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

/// `entry` as one line without its time: in English naming things by their scenario
/// ids, in Japanese by their Japanese names.
pub fn describe(scenario: &Scenario, entry: &Entry, lang: Lang) -> String {
    if lang == Lang::Ja {
        return super::describe_ja::describe(scenario, entry);
    }
    let n = Names::new(scenario, Lang::En);
    match &entry.kind {
        EntryKind::Command(c) => command(&n, c),
        EntryKind::ServiceChanged {
            service,
            from,
            to,
            was,
            now,
            cause,
            origin,
        } => {
            let change = if from == to {
                format!("{} -> {}", status(*was), status(*now))
            } else {
                format!(
                    "{} -> {} ({} -> {})",
                    status(*was),
                    status(*now),
                    pct(*from),
                    pct(*to)
                )
            };
            let origin = match origin {
                Origin::Threat(_) | Origin::Inject(_)
                    if !matches!(cause, Cause::Threat { .. } | Cause::Inject(_)) =>
                {
                    format!("; origin {}", origin_text(&n, *origin))
                }
                _ => String::new(),
            };
            format!(
                "{}: {change}, {}{origin}",
                n.svc(*service),
                cause_text(&n, *cause)
            )
        }
        EntryKind::BufferStarted {
            service,
            buffer: b,
            until,
        } => {
            format!(
                "{} runs on {} until {}",
                n.svc(*service),
                buffer(*b),
                clock(*until)
            )
        }
        EntryKind::BufferSpent { service, buffer: b } => {
            format!("{}: {} spent", n.svc(*service), buffer(*b))
        }
        EntryKind::LinkHeld { dep, limit } => format!(
            "logical link {} held this time: the provider's change at {} would have left the dependent at {}",
            dep_text(&n, *dep),
            clock(changed_at(scenario, entry.at, *dep)),
            pct(*limit)
        ),
        EntryKind::ThreatStarted { threat, by } => match by {
            Some(i) => format!(
                "threat {} starts (inject {})",
                n.threat(*threat),
                n.inject(*i)
            ),
            None => format!("threat {} starts", n.threat(*threat)),
        },
        EntryKind::Compromised {
            threat,
            service,
            from,
            ..
        } => match from {
            Some(f) => format!(
                "threat {} spreads from {} to {}",
                n.threat(*threat),
                n.svc(*f),
                n.svc(*service)
            ),
            None => format!(
                "threat {} compromises {}",
                n.threat(*threat),
                n.svc(*service)
            ),
        },
        EntryKind::Impact {
            threat,
            service,
            impact,
            ..
        } => {
            let what = match impact {
                Impact::Outage => "outage".to_string(),
                Impact::Degradation(x) => format!("degradation to {}", pct(*x)),
                Impact::DataTampering => "data tampering".to_string(),
                Impact::Ddos(x) => format!("DDoS, capacity {}", pct(*x)),
            };
            format!(
                "threat {} hits {}: {what}",
                n.threat(*threat),
                n.svc(*service)
            )
        }
        EntryKind::StepBlocked {
            threat,
            step,
            reason,
        } => {
            let why = match reason {
                Blocked::Isolated(s) => format!("{} is isolated", n.svc(*s)),
                Blocked::Patched(s) => format!("{} is patched", n.svc(*s)),
                Blocked::NotCompromised(s) => format!("no foothold in {}", n.svc(*s)),
            };
            format!(
                "threat {} step {} blocked: {why}",
                n.threat(*threat),
                step + 1
            )
        }
        EntryKind::Cleaned { service, threat } => {
            format!(
                "{} cleaned of threat {}",
                n.svc(*service),
                n.threat(*threat)
            )
        }
        EntryKind::IncidentOpened {
            incident,
            team,
            service,
            kind,
            ..
        } => format!(
            "{} opens incident #{}: {} of {}",
            n.team(*team),
            incident.0,
            detection(*kind),
            n.svc(*service)
        ),
        EntryKind::Detected {
            team,
            incident,
            service,
            kind,
        } => format!(
            "{} detects {} of {} (incident #{})",
            n.team(*team),
            detection(*kind),
            n.svc(*service),
            incident.0
        ),
        EntryKind::MessageSent {
            message,
            from,
            to,
            kind,
            incidents,
            services,
            severity,
            status: st,
            text,
            forwarded,
        } => {
            let from = match &**from {
                Sender::Team(t) => n.team(*t).to_string(),
                Sender::Inject { from, .. } => format!("\"{}\"", from.get(lang)),
            };
            let mut extra = Vec::new();
            if let Some(f) = forwarded {
                extra.push(format!("forwarding #{}", f.0));
            }
            if let Some(s) = severity {
                extra.push(format!("severity {s}"));
            }
            if let Some(s) = st {
                extra.push(format!("status {}", status(*s)));
            }
            if !incidents.is_empty() {
                let ids: Vec<String> = incidents.iter().map(|i| format!("#{}", i.0)).collect();
                extra.push(format!("incidents {}", ids.join(" ")));
            }
            if !services.is_empty() {
                let ids: Vec<&str> = services.iter().map(|s| n.svc(*s)).collect();
                extra.push(format!("about {}", ids.join(", ")));
            }
            let extra = if extra.is_empty() {
                String::new()
            } else {
                format!(" ({})", extra.join("; "))
            };
            format!(
                "{from} -> {}: {kind:?} #{}{extra}: \"{}\"",
                n.teams(to),
                message.0,
                text.get(lang)
            )
        }
        EntryKind::MessageDelivered { message, to } => {
            format!("message #{} reaches {}", message.0, n.team(*to))
        }
        EntryKind::ActionStarted {
            run,
            team,
            action,
            target,
            done_at,
        } => format!(
            "{} starts {} on {} (run #{}, done at {})",
            n.team(*team),
            n.action(*action),
            n.target(*target),
            run.0,
            clock(*done_at)
        ),
        EntryKind::ActionFinished {
            run,
            team,
            action,
            target,
        } => {
            format!(
                "{} finishes {} on {} (run #{})",
                n.team(*team),
                n.action(*action),
                n.target(*target),
                run.0
            )
        }
        EntryKind::InjectFired { inject, by } => {
            let by = match by {
                FiredBy::Time => "on time",
                FiredBy::Condition => "its condition holds",
                FiredBy::Facilitator => "by the facilitator",
            };
            format!("inject {} fires ({by})", n.inject(*inject))
        }
        EntryKind::InjectSkipped { inject } => format!("inject {} skipped", n.inject(*inject)),
        EntryKind::LoopCut { service } => {
            format!(
                "{}: zero-delay loop cut (changes at this instant not passed on)",
                n.svc(*service)
            )
        }
        EntryKind::Note { text } => format!("note: {text}"),
    }
}

fn command(n: &Names, c: &Command) -> String {
    match c {
        Command::Act {
            team,
            action,
            target,
        } => {
            format!(
                "[{}] act {} on {}",
                n.team(*team),
                n.action(*action),
                n.target(*target)
            )
        }
        Command::Send { team, to, draft } => format!(
            "[{}] send {:?} to {}",
            n.team(*team),
            draft.kind,
            n.teams(to)
        ),
        Command::Forward {
            team, message, to, ..
        } => {
            format!(
                "[{}] forward #{} to {}",
                n.team(*team),
                message.0,
                n.teams(to)
            )
        }
        Command::Broadcast { team, draft } => {
            format!("[{}] broadcast {:?}", n.team(*team), draft.kind)
        }
        Command::FireInject(i) => format!("[facilitator] fire {}", n.inject(*i)),
        Command::SkipInject(i) => format!("[facilitator] skip {}", n.inject(*i)),
        Command::Override { service, capacity } => match capacity {
            Some(c) => format!("[facilitator] override {} to {}", n.svc(*service), pct(*c)),
            None => format!("[facilitator] release override of {}", n.svc(*service)),
        },
        Command::Note(_) => "[facilitator] note".into(),
    }
}

/// `entry` as one timeline line: `h:mm:ss  text`.
pub fn timeline_line(scenario: &Scenario, entry: &Entry, lang: Lang) -> String {
    format!(
        "{:>8}  {}",
        clock(entry.at),
        describe(scenario, entry, lang)
    )
}
