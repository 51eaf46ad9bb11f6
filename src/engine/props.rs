//! Property tests: random command scripts never panic, keep every capacity in 0..1,
//! and give the same journal twice and on replay.

use super::testkit::Kit;
use super::*;
use crate::scenario::*;
use proptest::prelude::*;
use std::sync::Arc;

const H: Secs = 3600;

/// A scenario with a bit of everything: buffers, loops, a threat, injects, channels.
fn world() -> Arc<Scenario> {
    let mut kit = Kit::new();
    let (power, mobile, bank) = kit.operators();
    let nisc = kit.org("nisc", OrgKind::Centre, Monitoring::Medium);
    let grid = kit.service("grid", power);
    let scada = kit.service("scada", power);
    let bts = kit.service("bts", mobile);
    let core = kit.service("core", mobile);
    let pay = kit.service("pay", bank);
    kit.buffers(bts, 2 * H, H, 0.2);
    kit.buffers(core, 0, 3 * H, 0.0);
    kit.buffers(pay, 0, 0, 0.5);
    kit.area(grid, "koto");
    kit.area(bts, "koto");
    kit.dep(grid, bts, DepKind::Physical, 600, Effect::Fail);
    kit.dep(grid, core, DepKind::Physical, 0, Effect::Fail);
    kit.dep(bts, core, DepKind::Cyber, 0, Effect::Degrade(0.6));
    kit.dep(core, bts, DepKind::Cyber, 0, Effect::Degrade(0.4));
    kit.dep(core, pay, DepKind::Cyber, 300, Effect::Degrade(0.2));
    kit.dep(scada, grid, DepKind::Cyber, 0, Effect::Degrade(0.5));
    let d = kit.dep(pay, grid, DepKind::Logical, 60, Effect::Degrade(0.9));
    kit.s.dependencies[d.idx()].probability = 0.5;
    let t0 = kit.team("grid", Role::Operator, &[power]);
    let t1 = kit.team("carrier", Role::Operator, &[mobile]);
    let t2 = kit.team("bank", Role::Operator, &[bank]);
    let t3 = kit.team("centre", Role::Centre, &[nisc]);
    for t in [t0, t1, t2] {
        kit.channel(t, t3, 300);
    }
    kit.threat(
        "attack",
        4,
        vec![
            (600, StepKind::Compromise { service: scada }, 0.3),
            (
                H,
                StepKind::Spread {
                    from: scada,
                    to: grid,
                },
                0.1,
            ),
            (
                2 * H,
                StepKind::Impact {
                    service: grid,
                    impact: Impact::Outage,
                },
                0.0,
            ),
            (
                3 * H,
                StepKind::Impact {
                    service: pay,
                    impact: Impact::Ddos(0.3),
                },
                0.0,
            ),
            (
                4 * H,
                StepKind::Impact {
                    service: scada,
                    impact: Impact::DataTampering,
                },
                0.8,
            ),
        ],
    );
    let say = Delivery::Message {
        to: vec![t0, t1],
        from: Text::default(),
        text: Text::default(),
    };
    kit.inject("news", Trigger::At(H), 1, vec![say.clone()]);
    kit.inject(
        "quake",
        Trigger::At(5 * H),
        1,
        vec![Delivery::AreaEvent {
            area: "koto".into(),
            capacity: 0.3,
        }],
    );
    let when = Condition::Any(vec![
        Condition::ServiceDown {
            service: bts,
            for_at_least: 1800,
        },
        Condition::All(vec![
            Condition::MessageReceived {
                team: t3,
                kind: None,
            },
            Condition::Not(Box::new(Condition::After(6 * H))),
        ]),
    ]);
    kit.inject("press", Trigger::When(when), 3, vec![say]);
    kit.action(
        "isolate",
        300,
        Target::OwnService,
        vec![ActionEffect::Isolate],
    );
    kit.action(
        "patch",
        900,
        Target::OwnCompromised,
        vec![ActionEffect::Patch],
    );
    kit.action(
        "restore",
        1800,
        Target::OwnService,
        vec![ActionEffect::Restore],
    );
    kit.action(
        "backup",
        600,
        Target::OwnService,
        vec![ActionEffect::Backup(0.7)],
    );
    kit.action(
        "manual",
        0,
        Target::OwnService,
        vec![ActionEffect::Manual(0.4)],
    );
    kit.action(
        "refuel",
        1200,
        Target::OwnService,
        vec![ActionEffect::Refuel(2 * H)],
    );
    kit.action(
        "bcp",
        0,
        Target::Organisation,
        vec![ActionEffect::Bcp, ActionEffect::Manual(0.5)],
    );
    kit.build()
}

/// A command built from raw numbers: mostly sensible, some invalid on purpose.
fn command(k: u8, a: u32, b: u32, c: u32, x: f64) -> Command {
    let kinds = [
        MessageKind::Report,
        MessageKind::Alert,
        MessageKind::Request,
        MessageKind::Information,
    ];
    // Services each team plays: grid 0-1, carrier 2-3, bank 4; the centre none.
    let own = [[0u32, 1], [2, 3], [4, 4], [5, 5]];
    let wild = a.is_multiple_of(11);
    let team = if wild { TeamId(a % 5) } else { TeamId(a % 4) };
    let draft = || {
        let mut d = Draft::new(kinds[(c % 4) as usize], "x");
        d.severity = Some((c % 6) as u8);
        d.incidents = (0..c % 3).map(|i| IncidentId(i + b % 3)).collect();
        d.services = vec![ServiceId(b % 6)];
        d
    };
    let to = |n: u32| {
        if wild {
            TeamId(n % 5)
        } else if team.0 == 3 {
            TeamId(n % 3)
        } else {
            TeamId(3)
        }
    };
    match k % 9 {
        0..=2 => {
            let target = match (c % 5, team.0 as usize) {
                (0, _) => ActionTarget::Organisation(OrgId(if wild { c % 5 } else { team.0 })),
                (1, _) | (_, 4) => ActionTarget::Service(ServiceId(c % 6)),
                (_, t) => ActionTarget::Service(ServiceId(own[t][(c % 2) as usize])),
            };
            Command::Act {
                team,
                action: ActionId(b % if wild { 8 } else { 7 }),
                target,
            }
        }
        3 => Command::Send {
            team,
            to: vec![to(b)],
            draft: draft(),
        },
        4 => Command::Forward {
            team: TeamId(3),
            message: MessageId(b % 8),
            to: vec![to(c)],
            note: "n".into(),
        },
        5 => Command::Broadcast {
            team,
            draft: draft(),
        },
        6 => {
            if c.is_multiple_of(2) {
                Command::FireInject(InjectId(b % 4))
            } else {
                Command::SkipInject(InjectId(b % 4))
            }
        }
        7 => Command::Override {
            service: ServiceId(b % 6),
            capacity: if c.is_multiple_of(3) { None } else { Some(x) },
        },
        _ => Command::Note(format!("{a}")),
    }
}

fn play(scenario: &Arc<Scenario>, seed: u64, script: &[(Secs, Command)]) -> Engine {
    let mut e = Engine::new(scenario.clone(), seed);
    for (at, cmd) in script {
        e.advance_to(*at);
        let _ = e.apply(cmd.clone());
        for (_, t) in e.world().services() {
            assert!((0.0..=1.0).contains(&t.capacity), "{t:?}");
        }
    }
    e.run_to_end();
    e
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn random_scripts_are_deterministic_and_sane(
        seed in 0u64..1000,
        raw in proptest::collection::vec((0u64..40_000, any::<u8>(), any::<u32>(), any::<u32>(), any::<u32>(), -0.5f64..1.5), 0..40),
    ) {
        let scenario = world();
        let mut script: Vec<(Secs, Command)> = raw.iter().map(|&(t, k, a, b, c, x)| (t, command(k, a, b, c, x))).collect();
        script.sort_by_key(|s| s.0);
        let one = play(&scenario, seed, &script);
        let two = play(&scenario, seed, &script);
        prop_assert_eq!(one.journal().hash(), two.journal().hash());
        for e in &one.journal().entries {
            if let EntryKind::ServiceChanged { from, to, .. } = e.kind {
                prop_assert!((0.0..=1.0).contains(&from) && (0.0..=1.0).contains(&to));
            }
        }
        let again = replay(scenario.clone(), seed, &one.journal().commands(), scenario.duration).unwrap();
        prop_assert_eq!(again.journal(), one.journal());
    }
}
