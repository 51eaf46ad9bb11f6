//! The small phrases journal lines are made of: statuses, buffers, kinds, causes, the
//! change of a service.

use super::names::Names;
use super::types::{Blocked, BufferKind, Cause, DetectionKind, FiredBy, ServiceStatus, Verdict};
use crate::scenario::{DepId, DepKind, Impact, MessageKind};
use crate::words::{Part, Phrase};

/// A share as a whole percentage: `60%`.
pub(super) fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

pub(super) fn status(s: ServiceStatus) -> Phrase {
    Phrase::new(match s {
        ServiceStatus::Up => "j-status-up",
        ServiceStatus::Degraded => "j-status-degraded",
        ServiceStatus::Down => "j-status-down",
        ServiceStatus::OnBackup => "j-status-on-backup",
        ServiceStatus::Recovering => "j-status-recovering",
    })
}

pub(super) fn buffer(b: BufferKind) -> Phrase {
    Phrase::new(match b {
        BufferKind::Battery => "j-buffer-battery",
        BufferKind::Generator => "j-buffer-generator",
    })
}

pub(super) fn spent(b: BufferKind) -> Phrase {
    Phrase::new(match b {
        BufferKind::Battery => "j-spent-battery",
        BufferKind::Generator => "j-spent-generator",
    })
}

/// What a team noticed about `service`.
pub(super) fn detection(k: DetectionKind, service: &str) -> Phrase {
    Phrase::new(match k {
        DetectionKind::Compromise => "j-detect-compromise",
        DetectionKind::Tampering => "j-detect-tampering",
        DetectionKind::Degradation => "j-detect-degradation",
        DetectionKind::Outage => "j-detect-outage",
    })
    .with("service", service)
}

pub(super) fn kind(k: MessageKind) -> Phrase {
    Phrase::new(match k {
        MessageKind::Report => "j-kind-report",
        MessageKind::Alert => "j-kind-alert",
        MessageKind::Request => "j-kind-request",
        MessageKind::Information => "j-kind-information",
        MessageKind::PublicStatement => "j-kind-public-statement",
    })
}

/// An evaluator's verdict in words (the journal, the checklist and the report).
pub fn verdict_phrase(v: Verdict) -> Phrase {
    Phrase::new(match v {
        Verdict::Observed => "j-verdict-observed",
        Verdict::Partly => "j-verdict-partly",
        Verdict::NotObserved => "j-verdict-not-observed",
    })
}

pub(super) fn fired_by(b: FiredBy) -> Phrase {
    Phrase::new(match b {
        FiredBy::Time => "j-fired-time",
        FiredBy::Condition => "j-fired-condition",
        FiredBy::Facilitator => "j-fired-facilitator",
    })
}

pub(super) fn impact(i: Impact) -> Phrase {
    match i {
        Impact::Outage => Phrase::new("j-impact-outage"),
        Impact::Degradation(x) => Phrase::new("j-impact-degradation").with("capacity", pct(x)),
        Impact::DataTampering => Phrase::new("j-impact-tampering"),
        Impact::Ddos(x) => Phrase::new("j-impact-ddos").with("capacity", pct(x)),
    }
}

pub(super) fn blocked(n: &Names, reason: Blocked) -> Phrase {
    let (id, s) = match reason {
        Blocked::Isolated(s) => ("j-blocked-isolated", s),
        Blocked::Patched(s) => ("j-blocked-patched", s),
        Blocked::NotCompromised(s) => ("j-blocked-no-foothold", s),
    };
    Phrase::new(id).with("service", n.svc(s))
}

pub(super) fn dep(n: &Names, d: DepId) -> Phrase {
    let Some(x) = n.dependency(d) else {
        return Phrase::new("j-unknown");
    };
    let kind = match x.kind {
        DepKind::Physical => "j-dep-physical",
        DepKind::Cyber => "j-dep-cyber",
        DepKind::Geographic => "j-dep-geographic",
        DepKind::Logical => "j-dep-logical",
    };
    Phrase::new("j-dep")
        .with("from", n.svc(x.from))
        .with("to", n.svc(x.to))
        .with("kind", Phrase::new(kind))
        .with("delay", Part::Span(x.delay))
}

/// Whether a change's cause already names where it started (a threat or an inject).
pub(super) fn names_origin(c: Cause) -> bool {
    matches!(c, Cause::Threat { .. } | Cause::Inject(_))
}

pub(super) fn cause(n: &Names, c: Cause) -> Phrase {
    let p = Phrase::new;
    match c {
        Cause::Dependency(d) => p("j-cause-dependency").with("dep", dep(n, d)),
        Cause::BufferSpent(b) => spent(b),
        Cause::Threat { threat, step } => p("j-cause-threat")
            .with("threat", n.threat(threat))
            .with("step", (step + 1).to_string()),
        Cause::Action { team, run } => p("j-cause-action")
            .with("run", run.0.to_string())
            .with("team", n.team(team)),
        Cause::Inject(i) => p("j-cause-inject").with("inject", n.inject(i)),
        Cause::Facilitator => p("j-cause-facilitator"),
    }
}

/// A service's change, and its shape (`status`, `both`, `capacity`, `none`: what moved).
pub(super) fn change(
    from: f64,
    to: f64,
    was: ServiceStatus,
    now: ServiceStatus,
) -> (Phrase, &'static str) {
    let (id, shape) = match (was == now, from == to) {
        (false, true) => ("j-change-status", "status"),
        (false, false) => ("j-change-both", "both"),
        (true, false) => ("j-change-capacity", "capacity"),
        (true, true) => ("j-change-none", "none"),
    };
    let phrase = Phrase::new(id)
        .with("was", status(was))
        .with("now", status(now))
        .with("from", pct(from))
        .with("to", pct(to));
    (phrase, shape)
}
