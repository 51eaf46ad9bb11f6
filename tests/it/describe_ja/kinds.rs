//! Journal entries of every kind (and every command), built by hand on the default
//! scenario, for the wording tests.

use crossdrill::engine::{
    ActionTarget, Blocked, BufferKind, Cause, Command, DetectionKind, Draft, Entry, EntryKind,
    FiredBy, IncidentId, MessageId, MessageText, Origin, RunId, Sender, ServiceStatus,
};
use crossdrill::scenario::{
    ActionId, DepId, Impact, InjectId, MessageKind, OrgId, Scenario, ServiceId, TeamId, Text,
    ThreatId,
};

pub fn svc(s: &Scenario, id: &str) -> ServiceId {
    s.service_by_id(id).expect("service in the scenario")
}

pub fn team(s: &Scenario, id: &str) -> TeamId {
    s.team_by_id(id).expect("team in the scenario")
}

pub fn entry(kind: EntryKind) -> Entry {
    Entry { id: 0, at: 0, kind }
}

pub fn changed(s: &Scenario, was: ServiceStatus, now: ServiceStatus, cause: Cause) -> EntryKind {
    EntryKind::ServiceChanged {
        service: svc(s, "bts-koto"),
        from: 1.0,
        to: 0.4,
        was,
        now,
        cause,
        origin: Origin::Threat(ThreatId(0)),
    }
}

pub fn sent(s: &Scenario, from: Sender, kind: MessageKind) -> EntryKind {
    EntryKind::MessageSent {
        message: MessageId(3),
        from: Box::new(from),
        to: Box::new(vec![team(s, "bank"), team(s, "fsa")]),
        kind,
        incidents: Box::new(vec![IncidentId(0), IncidentId(2)]),
        services: Box::new(vec![svc(s, "atm-network"), svc(s, "bank-dc")]),
        severity: Some(3),
        status: Some(ServiceStatus::Recovering),
        text: Box::new(MessageText::Scripted(Text {
            en: "Lines are back.".into(),
            ja: "回線が復旧した。".into(),
        })),
        forwarded: Some(MessageId(1)),
    }
}

pub fn commands(s: &Scenario) -> Vec<Command> {
    let grid = team(s, "grid");
    let draft = Draft::new(MessageKind::PublicStatement, "x");
    vec![
        Command::Act {
            team: grid,
            action: ActionId(0),
            target: ActionTarget::Service(svc(s, "grid-scada")),
        },
        Command::Act {
            team: grid,
            action: ActionId(1),
            target: ActionTarget::Organisation(OrgId(0)),
        },
        Command::Send {
            team: grid,
            to: vec![team(s, "meti")],
            draft: draft.clone(),
        },
        Command::Forward {
            team: team(s, "centre"),
            message: MessageId(4),
            to: vec![team(s, "mic"), team(s, "fsa")],
            note: "pass on".into(),
        },
        Command::Broadcast {
            team: team(s, "centre"),
            draft,
        },
        Command::FireInject(InjectId(0)),
        Command::SkipInject(InjectId(1)),
        Command::Override {
            service: svc(s, "mobile-core"),
            capacity: Some(0.25),
        },
        Command::Override {
            service: svc(s, "mobile-core"),
            capacity: None,
        },
        Command::Note("pause for questions".into()),
        Command::Assess {
            expectation: "grid-reports".into(),
            verdict: crossdrill::engine::Verdict::Partly,
            note: "十分遅れた".into(),
        },
        Command::Assess {
            expectation: "centre-alerts".into(),
            verdict: crossdrill::engine::Verdict::Observed,
            note: String::new(),
        },
    ]
}

/// Service changes with every status and every cause.
pub fn changes(s: &Scenario) -> Vec<EntryKind> {
    use ServiceStatus::*;
    let causes = [
        Cause::Dependency(DepId(0)),
        Cause::BufferSpent(BufferKind::Battery),
        Cause::BufferSpent(BufferKind::Generator),
        Cause::Threat {
            threat: ThreatId(0),
            step: 2,
        },
        Cause::Action {
            team: team(s, "carrier"),
            run: RunId(5),
        },
        Cause::Inject(InjectId(2)),
        Cause::Facilitator,
    ];
    let statuses = [Up, Degraded, Down, OnBackup, Recovering];
    let mut out = Vec::new();
    for (i, cause) in causes.into_iter().enumerate() {
        out.push(changed(s, statuses[i % 5], statuses[(i + 1) % 5], cause));
        out.push(changed(s, statuses[i % 5], statuses[i % 5], cause));
    }
    out
}

/// One entry of every kind, with every detection, impact, block, buffer, message kind
/// and way of firing.
pub fn every_kind(s: &Scenario) -> Vec<EntryKind> {
    let (koto, scada) = (svc(s, "substation-koto"), svc(s, "grid-scada"));
    let threat = ThreatId(0);
    let mut out: Vec<EntryKind> = commands(s)
        .into_iter()
        .map(|c| EntryKind::Command(Box::new(c)))
        .collect();
    out.extend(changes(s));
    for buffer in [BufferKind::Battery, BufferKind::Generator] {
        out.push(EntryKind::BufferStarted {
            service: koto,
            buffer,
            until: 5400,
        });
        out.push(EntryKind::BufferSpent {
            service: koto,
            buffer,
        });
    }
    out.push(EntryKind::LinkHeld {
        dep: DepId(0),
        limit: 0.0,
    });
    for by in [None, Some(InjectId(0))] {
        out.push(EntryKind::ThreatStarted { threat, by });
    }
    for from in [None, Some(scada)] {
        out.push(EntryKind::Compromised {
            threat,
            step: 0,
            service: koto,
            from,
        });
    }
    for impact in [
        Impact::Outage,
        Impact::Degradation(0.3),
        Impact::DataTampering,
        Impact::Ddos(0.5),
    ] {
        out.push(EntryKind::Impact {
            threat,
            step: 1,
            service: koto,
            impact,
        });
    }
    for reason in [
        Blocked::Isolated(scada),
        Blocked::Patched(koto),
        Blocked::NotCompromised(koto),
    ] {
        out.push(EntryKind::StepBlocked {
            threat,
            step: 3,
            reason,
        });
    }
    out.push(EntryKind::Cleaned {
        service: koto,
        threat,
    });
    let grid = team(s, "grid");
    for kind in [
        DetectionKind::Compromise,
        DetectionKind::Tampering,
        DetectionKind::Degradation,
        DetectionKind::Outage,
    ] {
        out.push(EntryKind::IncidentOpened {
            incident: IncidentId(1),
            team: grid,
            service: koto,
            kind,
            threat: Some(threat),
            origin: Origin::Threat(threat),
        });
        out.push(EntryKind::Detected {
            team: grid,
            incident: IncidentId(1),
            service: koto,
            kind,
        });
    }
    for kind in [
        MessageKind::Report,
        MessageKind::Alert,
        MessageKind::Request,
        MessageKind::Information,
        MessageKind::PublicStatement,
    ] {
        out.push(sent(s, Sender::Team(grid), kind));
    }
    let press = Text {
        en: "Press office".into(),
        ja: "広報".into(),
    };
    out.push(sent(
        s,
        Sender::Inject {
            inject: InjectId(0),
            from: press,
        },
        MessageKind::Information,
    ));
    out.push(EntryKind::MessageDelivered {
        message: MessageId(3),
        to: grid,
    });
    let target = ActionTarget::Service(koto);
    let (run, action) = (RunId(2), ActionId(0));
    out.push(EntryKind::ActionStarted {
        run,
        team: grid,
        action,
        target,
        done_at: 7200,
    });
    out.push(EntryKind::ActionFinished {
        run,
        team: grid,
        action,
        target,
    });
    for by in [FiredBy::Time, FiredBy::Condition, FiredBy::Facilitator] {
        out.push(EntryKind::InjectFired {
            inject: InjectId(1),
            by,
        });
    }
    out.push(EntryKind::InjectSkipped {
        inject: InjectId(1),
    });
    out.push(EntryKind::LoopCut { service: koto });
    out.push(EntryKind::Note {
        text: "pause for questions".into(),
    });
    out
}
