//! Unit tests of threats, detection, commands, messages, injects and the journal.

use super::testkit::{Kit, act, picked};
use super::tests::{chain, down_at};
use super::*;
use crate::scenario::*;

const H: Secs = 3600;
const M: Secs = 60;

/// An attack on the grid: compromise the control server, spread to the substation,
/// cut it at 2 h. The grid team can isolate or patch.
struct Attack {
    kit: Kit,
    scada: ServiceId,
    grid: ServiceId,
    team: TeamId,
    isolate: ActionId,
    patch: ActionId,
}

fn attack() -> Attack {
    let mut kit = Kit::new();
    let power = kit.org("power", OrgKind::Operator, Monitoring::High);
    let scada = kit.service("scada", power);
    let grid = kit.service("substation", power);
    kit.s.services[scada.idx()].visible = false;
    let team = kit.team("grid", Role::Operator, &[power]);
    kit.threat(
        "blackenergy",
        4,
        vec![
            (10 * M, StepKind::Compromise { service: scada }, 0.5),
            (
                H,
                StepKind::Spread {
                    from: scada,
                    to: grid,
                },
                0.0,
            ),
            (
                2 * H,
                StepKind::Impact {
                    service: grid,
                    impact: Impact::Outage,
                },
                0.0,
            ),
        ],
    );
    let isolate = kit.action(
        "isolate",
        5 * M,
        Target::OwnService,
        vec![ActionEffect::Isolate],
    );
    let patch = kit.action(
        "patch",
        20 * M,
        Target::OwnCompromised,
        vec![ActionEffect::Patch],
    );
    Attack {
        kit,
        scada,
        grid,
        team,
        isolate,
        patch,
    }
}

fn first_detection(e: &Engine, s: ServiceId, kind: DetectionKind) -> Option<Secs> {
    e.journal().entries.iter().find_map(|x| match x.kind {
        EntryKind::Detected {
            service, kind: k, ..
        } if service == s && k == kind => Some(x.at),
        _ => None,
    })
}

#[test]
fn threat_runs_its_course_without_defence() {
    let a = attack();
    let mut e = Engine::new(a.kit.build(), 9);
    e.run_to_end();
    assert_eq!(down_at(&e, a.grid), Some(2 * H));
    // The outage is felt at once; the stealthy compromise within 2 x 10 min x 2.5.
    assert_eq!(
        first_detection(&e, a.grid, DetectionKind::Outage),
        Some(2 * H)
    );
    let seen = first_detection(&e, a.scada, DetectionKind::Compromise).unwrap();
    assert!(
        (10 * M..=10 * M + 50 * M).contains(&seen),
        "detected at {seen}"
    );
    // One incident for the whole campaign.
    let v = e.view(a.team);
    assert_eq!(v.incidents.len(), 1);
    assert!(
        v.incidents[0].services.contains(&a.scada) && v.incidents[0].services.contains(&a.grid)
    );
    let opened = e.journal().entries.iter().find_map(|x| match x.kind {
        EntryKind::IncidentOpened { threat, .. } => Some(threat),
        _ => None,
    });
    assert_eq!(opened, Some(Some(ThreatId(0))));
}

#[test]
fn isolating_blocks_the_spread_and_patching_the_impact() {
    let a = attack();
    let scenario = a.kit.build();
    let mut e = Engine::new(scenario.clone(), 9);
    e.advance_to(30 * M);
    e.apply(act(a.team, a.isolate, a.scada)).unwrap();
    e.run_to_end();
    assert_eq!(down_at(&e, a.grid), None);
    let blocked: Vec<_> = picked(&e, |x| match x.kind {
        EntryKind::StepBlocked { reason, .. } => Some(reason),
        _ => None,
    });
    assert_eq!(
        blocked,
        vec![Blocked::Isolated(a.scada), Blocked::NotCompromised(a.grid)]
    );
    assert!(e.world().isolated(a.scada));

    // Patching needs a reason to suspect the service; after the spread the grid team
    // patches the substation before the impact.
    let mut e = Engine::new(scenario, 9);
    e.advance_to(H);
    let patch = act(a.team, a.patch, a.grid);
    assert!(matches!(
        e.apply(patch.clone()),
        Err(CommandError::NotSuspected { .. })
    ));
    let seen = first_detection(&e, a.scada, DetectionKind::Compromise).unwrap();
    assert!(seen <= H);
    e.advance_to(90 * M);
    let spotted = first_detection(&e, a.grid, DetectionKind::Compromise);
    if spotted.is_some() {
        e.apply(patch).unwrap();
        e.run_to_end();
        assert_eq!(down_at(&e, a.grid), None);
        assert_eq!(e.world().compromised(a.grid), None);
    }
}

#[test]
fn commands_on_what_a_team_does_not_control_are_refused() {
    let c = chain();
    let grid_team = TeamId(0);
    let mut e = Engine::new(c.kit.build(), 1);
    e.advance_to(H);
    let before = e.journal().clone();
    let err = e.apply(act(grid_team, c.refuel, c.bts)).unwrap_err();
    assert_eq!(err.to_string(), "team `grid` does not control `bts`");
    assert_eq!(e.journal(), &before);
    let err = e.apply(Command::Act {
        team: c.carrier,
        action: c.refuel,
        target: ActionTarget::Organisation(OrgId(1)),
    });
    assert!(matches!(err, Err(CommandError::WrongTarget { .. })));
    let err = e.apply(Command::Override {
        service: c.bts,
        capacity: Some(1.5),
    });
    assert_eq!(err, Err(CommandError::BadCapacity(1.5)));
    assert_eq!(e.journal(), &before);
}

#[test]
fn messages_need_a_channel_and_arrive_after_its_latency() {
    let mut c = chain();
    let meti = c.kit.org("meti", OrgKind::Ministry, Monitoring::Medium);
    let ministry = c.kit.team("meti", Role::Ministry, &[meti]);
    let nisc = c.kit.org("nisc", OrgKind::Centre, Monitoring::Medium);
    let centre = c.kit.team("centre", Role::Centre, &[nisc]);
    c.kit.channel(TeamId(0), ministry, 15 * M);
    c.kit.channel(ministry, centre, 10 * M);
    c.kit.channel(centre, c.carrier, 5 * M);
    let mut e = Engine::new(c.kit.build(), 1);
    e.advance_to(H + 5 * M);
    let grid_team = TeamId(0);
    let incident = e.view(grid_team).incidents[0].id;
    let mut draft = Draft::new(MessageKind::Report, "substation down");
    draft.incidents = vec![incident];
    draft.severity = Some(3);
    draft.status = Some(ServiceStatus::Down);
    let before = e.journal().clone();
    let err = e.apply(Command::Send {
        team: grid_team,
        to: vec![centre],
        draft: draft.clone(),
    });
    assert_eq!(
        err.unwrap_err().to_string(),
        "there is no channel from `grid` to `centre`"
    );
    assert_eq!(e.journal(), &before);
    let sent = e
        .apply(Command::Send {
            team: grid_team,
            to: vec![ministry],
            draft,
        })
        .unwrap();
    let CommandOutcome::Sent { message, arrivals } = sent else {
        panic!("{sent:?}")
    };
    assert_eq!(arrivals, vec![(ministry, H + 20 * M)]);
    e.advance_to(H + 20 * M);
    assert_eq!(e.view(ministry).inbox[0].message, message);
    assert!(e.view(ministry).knows_incident(incident));
    // The ministry cannot forward; the centre can, once the ministry passed it on.
    let fwd = Command::Forward {
        team: ministry,
        message,
        to: vec![centre],
        note: String::new(),
    };
    assert!(matches!(e.apply(fwd), Err(CommandError::NotCentre { .. })));
    let mut report = Draft::new(MessageKind::Report, "grid operator reports an outage");
    report.incidents = vec![incident];
    e.apply(Command::Send {
        team: ministry,
        to: vec![centre],
        draft: report,
    })
    .unwrap();
    e.advance_to(H + 30 * M);
    let got = e.view(centre).inbox[0].message;
    let fwd = Command::Forward {
        team: centre,
        message: got,
        to: vec![c.carrier],
        note: "heads up".into(),
    };
    e.apply(fwd).unwrap();
    let alert = Draft::new(MessageKind::Alert, "expect power loss in Koto");
    let out = e
        .apply(Command::Broadcast {
            team: centre,
            draft: alert,
        })
        .unwrap();
    let CommandOutcome::Sent { arrivals, .. } = out else {
        panic!()
    };
    assert_eq!(
        arrivals,
        vec![(c.carrier, H + 35 * M), (ministry, H + 40 * M)]
    );
    e.advance_to(H + 35 * M);
    assert_eq!(e.view(c.carrier).inbox.len(), 2);
    assert_eq!(
        e.message(e.view(c.carrier).inbox[0].message)
            .unwrap()
            .forwarded,
        Some(got)
    );
}

#[test]
fn injects_fire_on_conditions_once_or_as_declared() {
    let mut c = chain();
    let grid_team = TeamId(0);
    let bts = c.bts;
    let say = |s: &str| Delivery::Message {
        to: vec![grid_team],
        from: Text::default(),
        text: Text {
            en: s.into(),
            ja: s.into(),
        },
    };
    let down = c.kit.inject(
        "bts down 30m",
        Trigger::When(Condition::ServiceDown {
            service: bts,
            for_at_least: 30 * M,
        }),
        1,
        vec![say("press calls")],
    );
    c.kit.threat(
        "t",
        3,
        vec![(0, StepKind::Compromise { service: c.grid }, 0.0)],
    );
    let nag = c.kit.inject(
        "no report",
        Trigger::When(Condition::NotReported {
            threat: ThreatId(0),
            team: grid_team,
            by: 2 * H,
        }),
        1,
        vec![say("where is your report?")],
    );
    let echo = c.kit.inject(
        "echo",
        Trigger::When(Condition::MessageReceived {
            team: grid_team,
            kind: Some(MessageKind::Information),
        }),
        2,
        vec![Delivery::Message {
            to: vec![TeamId(2)],
            from: Text::default(),
            text: Text::default(),
        }],
    );
    let late = c.kit.inject("late", Trigger::At(11 * H), 1, vec![]);
    let mut e = Engine::new(c.kit.build(), 1);
    assert_eq!(e.next_inject_time(), Some(H));
    e.advance_to(H);
    assert_eq!(e.next_inject_time(), Some(11 * H));
    e.apply(Command::SkipInject(late)).unwrap();
    assert_eq!(e.next_inject_time(), None);
    assert!(matches!(
        e.apply(Command::SkipInject(late)),
        Err(CommandError::InjectSkipped(_))
    ));
    e.run_to_end();
    let fired: Vec<(Secs, InjectId)> = picked(&e, |x| match x.kind {
        EntryKind::InjectFired { inject, .. } => Some((x.at, inject)),
        _ => None,
    });
    let bts_down = 4 * H + 10 * M;
    assert_eq!(
        fired,
        vec![
            (H, InjectId(0)),
            (2 * H, nag),
            (2 * H, echo),
            (bts_down + 30 * M, down),
            (bts_down + 30 * M, echo)
        ]
    );
}

#[test]
fn same_seed_same_journal_and_replay_reproduces_it() {
    let a = attack();
    let scenario = a.kit.build();
    let play = |seed| {
        let mut e = Engine::new(scenario.clone(), seed);
        e.advance_to(45 * M);
        e.apply(Command::Note("pause for questions".into()))
            .unwrap();
        e.apply(act(a.team, a.isolate, a.scada)).unwrap();
        e.run_to_end();
        e
    };
    let (x, y) = (play(5), play(5));
    assert_eq!(x.journal().to_jsonl(), y.journal().to_jsonl());
    assert_eq!(x.journal().hash(), y.journal().hash());
    let r = replay(
        scenario.clone(),
        5,
        &x.journal().commands(),
        scenario.duration,
    )
    .unwrap();
    assert_eq!(r.journal(), x.journal());
    let z = play(6);
    assert_ne!(x.journal().hash(), z.journal().hash());
}

#[test]
fn journal_round_trips_through_jsonl_and_ron() {
    let c = chain();
    let mut e = Engine::new(c.kit.build(), 1);
    e.advance_to(2 * H);
    e.apply(act(c.carrier, c.refuel, c.bts)).unwrap();
    e.run_to_end();
    let j = e.journal();
    assert_eq!(&Journal::from_jsonl(&j.to_jsonl()).unwrap(), j);
    assert_eq!(&Journal::from_ron(&j.to_ron().unwrap()).unwrap(), j);
    let first = j.to_jsonl().lines().next().unwrap().to_string();
    // The header says where the run stood (the scenario's 12 h end here) and which
    // version of the scenario it ran.
    let hash = e.scenario().content_hash();
    assert_eq!(
        first,
        format!(
            r#"{{"format":2,"scenario":"test","seed":1,"until":43200,"scenario_hash":"{hash}"}}"#
        )
    );
    assert_eq!(j.hash().len(), 64);
    for (i, x) in j.entries.iter().enumerate() {
        assert_eq!(x.id, i as u64);
    }
}
