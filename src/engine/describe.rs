//! What each journal entry says, as a [`Phrase`] (a message id and its arguments) for
//! the `run` timeline, the debrief and the app's event log; `words` words it. The
//! small words (statuses, kinds, causes) are in `describe_parts`.

use super::describe_parts::{blocked, cause, change, detection, fired_by, impact, kind, pct};
use super::describe_parts::{buffer, dep, names_origin, spent, status, verdict_phrase};
use super::journal::{Entry, EntryKind};
use super::names::Names;
use super::types::{Command, Origin, Sender};
use crate::scenario::duration::clock;
use crate::scenario::{DepId, Lang, Scenario, Secs};
use crate::words::{Part, Phrase};

/// How an entry names the scenario's things.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Naming {
    /// Ids in English, Japanese names in Japanese (the `run` timeline).
    Timeline,
    /// Names in the language, the id where a name is empty (the app).
    People,
}

/// When the provider changed whose change arrived over `dep` at `at`.
fn changed_at(scenario: &Scenario, at: Secs, dep: DepId) -> Secs {
    let delay = scenario.dependencies.get(dep.idx()).map_or(0, |d| d.delay);
    at.saturating_sub(delay)
}

/// `entry` as one line without its time, in `lang`, naming things as the `run`
/// timeline does.
pub fn describe(scenario: &Scenario, entry: &Entry, lang: Lang) -> String {
    phrase(scenario, entry, lang, Naming::Timeline).word(lang)
}

/// `entry` as one line without its time, naming things by their names in `lang`.
pub fn describe_named(scenario: &Scenario, entry: &Entry, lang: Lang) -> String {
    phrase(scenario, entry, lang, Naming::People).word(lang)
}

/// `entry` as one timeline line: `h:mm:ss  text`.
pub fn timeline_line(scenario: &Scenario, entry: &Entry, lang: Lang) -> String {
    format!(
        "{:>8}  {}",
        clock(entry.at),
        describe(scenario, entry, lang)
    )
}

/// What `entry` says; names are in `lang` as `naming` asks.
pub fn phrase(scenario: &Scenario, entry: &Entry, lang: Lang, naming: Naming) -> Phrase {
    let n = &Names::new(scenario, lang, naming);
    let p = Phrase::new;
    match &entry.kind {
        EntryKind::Command(c) => command(n, c),
        EntryKind::ServiceChanged {
            service,
            from,
            to,
            was,
            now,
            cause: why,
            origin,
        } => {
            let (change, shape) = change(*from, *to, *was, *now);
            let origin = match origin {
                Origin::Threat(t) if !names_origin(*why) => Part::from(
                    p("j-origin-note")
                        .with("origin", p("j-origin-threat").with("threat", n.threat(*t))),
                ),
                Origin::Inject(i) if !names_origin(*why) => Part::from(
                    p("j-origin-note")
                        .with("origin", p("j-origin-inject").with("inject", n.inject(*i))),
                ),
                _ => Part::from(""),
            };
            p("j-service-changed")
                .with("service", n.svc(*service))
                .with("change", change)
                .with("shape", shape)
                .with("cause", cause(n, *why))
                .with("origin", origin)
        }
        EntryKind::BufferStarted {
            service,
            buffer: b,
            until,
        } => p("j-buffer-started")
            .with("service", n.svc(*service))
            .with("buffer", buffer(*b))
            .with("until", clock(*until)),
        EntryKind::BufferSpent { service, buffer: b } => p("j-buffer-spent")
            .with("service", n.svc(*service))
            .with("spent", spent(*b)),
        EntryKind::LinkHeld { dep: d, limit } => p("j-link-held")
            .with("dep", dep(n, *d))
            .with("at", clock(changed_at(scenario, entry.at, *d)))
            .with("limit", pct(*limit)),
        EntryKind::ThreatStarted { threat, by } => match by {
            Some(i) => p("j-threat-started-by")
                .with("threat", n.threat(*threat))
                .with("inject", n.inject(*i)),
            None => p("j-threat-started").with("threat", n.threat(*threat)),
        },
        EntryKind::Compromised {
            threat,
            service,
            from,
            ..
        } => match from {
            Some(f) => p("j-spreads")
                .with("threat", n.threat(*threat))
                .with("from", n.svc(*f))
                .with("service", n.svc(*service)),
            None => p("j-compromised")
                .with("threat", n.threat(*threat))
                .with("service", n.svc(*service)),
        },
        EntryKind::Impact {
            threat,
            service,
            impact: i,
            ..
        } => p("j-impact")
            .with("threat", n.threat(*threat))
            .with("service", n.svc(*service))
            .with("impact", impact(*i)),
        EntryKind::StepBlocked {
            threat,
            step,
            reason,
        } => p("j-blocked")
            .with("threat", n.threat(*threat))
            .with("step", (step + 1).to_string())
            .with("why", blocked(n, *reason)),
        EntryKind::Cleaned { service, threat } => p("j-cleaned")
            .with("service", n.svc(*service))
            .with("threat", n.threat(*threat)),
        EntryKind::IncidentOpened {
            incident,
            team,
            service,
            kind: k,
            ..
        } => p("j-incident-opened")
            .with("team", n.team(*team))
            .with("incident", incident.0.to_string())
            .with("what", detection(*k, n.svc(*service))),
        EntryKind::Detected {
            team,
            incident,
            service,
            kind: k,
        } => p("j-detected")
            .with("team", n.team(*team))
            .with("what", detection(*k, n.svc(*service)))
            .with("incident", incident.0.to_string()),
        EntryKind::MessageSent { .. } => message(n, &entry.kind, lang),
        EntryKind::MessageDelivered { message, to } => p("j-delivered")
            .with("message", message.0.to_string())
            .with("team", n.team(*to)),
        EntryKind::ActionStarted {
            run,
            team,
            action,
            target,
            done_at,
        } => p("j-action-started")
            .with("team", n.team(*team))
            .with("action", n.action(*action))
            .with("target", n.target(*target))
            .with("run", run.0.to_string())
            .with("done", clock(*done_at)),
        EntryKind::ActionFinished {
            run,
            team,
            action,
            target,
        } => p("j-action-finished")
            .with("team", n.team(*team))
            .with("action", n.action(*action))
            .with("target", n.target(*target))
            .with("run", run.0.to_string()),
        EntryKind::InjectFired { inject, by } => p("j-inject-fired")
            .with("inject", n.inject(*inject))
            .with("by", fired_by(*by)),
        EntryKind::InjectSkipped { inject } => {
            p("j-inject-skipped").with("inject", n.inject(*inject))
        }
        EntryKind::LoopCut { service } => p("j-loop-cut").with("service", n.svc(*service)),
        EntryKind::Note { text } => p("j-note").with("text", text.as_str()),
    }
}

fn message(n: &Names, entry: &EntryKind, lang: Lang) -> Phrase {
    let EntryKind::MessageSent {
        message,
        from,
        to,
        kind: k,
        incidents,
        services,
        severity,
        status: st,
        text,
        forwarded,
    } = entry
    else {
        return Phrase::new("j-unknown");
    };
    let p = Phrase::new;
    let from = match &**from {
        Sender::Team(t) => Part::from(n.team(*t)),
        Sender::Inject { from, .. } => p("j-from-inject").with("from", from.get(lang)).into(),
    };
    let mut extra = Vec::new();
    if let Some(f) = forwarded {
        extra.push(p("j-extra-forwarding").with("message", f.0.to_string()));
    }
    if let Some(s) = severity {
        extra.push(p("j-extra-severity").with("severity", s.to_string()));
    }
    if let Some(s) = st {
        extra.push(p("j-extra-status").with("status", status(*s)));
    }
    if !incidents.is_empty() {
        let ids: Vec<String> = incidents.iter().map(|i| format!("#{}", i.0)).collect();
        extra.push(p("j-extra-incidents").with("incidents", ids.join(" ")));
    }
    if !services.is_empty() {
        extra.push(p("j-extra-about").with("services", n.svcs(services)));
    }
    let extra = match extra.len() {
        0 => Part::from(""),
        _ => p("j-extra")
            .with(
                "items",
                Part::Joined("j-extra-sep", extra.into_iter().map(Part::from).collect()),
            )
            .into(),
    };
    p("j-sent")
        .with("from", from)
        .with("to", n.teams(to))
        .with("kind", kind(*k))
        .with("message", message.0.to_string())
        .with("extra", extra)
        .with("text", text.get(lang))
}

fn command(n: &Names, c: &Command) -> Phrase {
    let p = Phrase::new;
    match c {
        Command::Act {
            team,
            action,
            target,
        } => p("j-cmd-act")
            .with("team", n.team(*team))
            .with("action", n.action(*action))
            .with("target", n.target(*target)),
        Command::Send { team, to, draft } => p("j-cmd-send")
            .with("team", n.team(*team))
            .with("kind", kind(draft.kind))
            .with("to", n.teams(to)),
        Command::Forward {
            team, message, to, ..
        } => p("j-cmd-forward")
            .with("team", n.team(*team))
            .with("message", message.0.to_string())
            .with("to", n.teams(to)),
        Command::Broadcast { team, draft } => p("j-cmd-broadcast")
            .with("team", n.team(*team))
            .with("kind", kind(draft.kind)),
        Command::FireInject(i) => p("j-cmd-fire").with("inject", n.inject(*i)),
        Command::SkipInject(i) => p("j-cmd-skip").with("inject", n.inject(*i)),
        Command::Override {
            service,
            capacity: Some(c),
        } => p("j-cmd-override")
            .with("service", n.svc(*service))
            .with("capacity", pct(*c)),
        Command::Override {
            service,
            capacity: None,
        } => p("j-cmd-release").with("service", n.svc(*service)),
        Command::Note(_) => p("j-cmd-note"),
        Command::Assess {
            expectation,
            verdict,
            note,
        } => {
            let said = if note.is_empty() {
                p("j-cmd-assess")
            } else {
                p("j-cmd-assess-note").with("note", note.as_str())
            };
            said.with("expectation", expectation.as_str())
                .with("verdict", verdict_phrase(*verdict))
        }
    }
}
