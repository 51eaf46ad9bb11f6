//! Unit tests of what happens at one instant: a DDoS needs no foothold, the world
//! settles before anyone notices, and one provider's changes at one instant reach a
//! dependent as one arrival (one draw).

use super::testkit::{Kit, act, picked};
use super::tests::changes;
use super::*;
use crate::scenario::*;

const M: Secs = 60;

fn ddos_then_compromise(isolate_first: bool) -> (Engine, ServiceId) {
    let mut kit = Kit::new();
    let o = kit.org("carrier", OrgKind::Operator, Monitoring::Low);
    let core = kit.service("core", o);
    let bts = kit.service("bts", o);
    kit.dep(core, bts, DepKind::Cyber, 5 * M, Effect::Degrade(0.5));
    let team = kit.team("carrier", Role::Operator, &[o]);
    let isolate = kit.action(
        "isolate",
        0,
        Target::OwnService,
        vec![ActionEffect::Isolate],
    );
    let flood = StepKind::Impact {
        service: core,
        impact: Impact::Ddos(0.4),
    };
    // The same campaign gets a foothold in the core only later.
    let later = StepKind::Compromise { service: core };
    kit.threat(
        "campaign",
        3,
        vec![(65 * M, flood, 0.0), (2 * 60 * M, later, 0.5)],
    );
    let mut e = Engine::new(kit.build(), 1);
    if isolate_first {
        e.advance_to(10 * M);
        e.apply(act(team, isolate, core)).unwrap();
    }
    e.run_to_end();
    (e, core)
}

#[test]
fn a_ddos_bites_at_its_own_time_without_a_foothold() {
    let (e, core) = ddos_then_compromise(false);
    let blocked = e
        .journal()
        .entries
        .iter()
        .any(|x| matches!(x.kind, EntryKind::StepBlocked { step: 0, .. }));
    assert!(!blocked, "the flood was blocked");
    let hit = changes(&e, core);
    assert_eq!(
        hit.first().map(|c| (c.0, c.1)),
        Some((65 * M, 0.4)),
        "{hit:?}"
    );
    // And it reaches the dependent after the edge's delay.
    let bts = ServiceId(1);
    assert_eq!(changes(&e, bts).first().map(|c| c.0), Some(70 * M));
}

#[test]
fn a_ddos_hits_an_isolated_service_too() {
    let (e, core) = ddos_then_compromise(true);
    let at_flood: Vec<_> = e
        .journal()
        .entries
        .iter()
        .filter(|x| x.at == 65 * M)
        .map(|x| &x.kind)
        .collect();
    assert!(
        at_flood
            .iter()
            .any(|k| matches!(k, EntryKind::Impact { service, .. } if *service == core)),
        "{at_flood:?}"
    );
}

/// `p` changes twice at 10 min (degraded, then down); a logical edge carries its
/// changes to `x` 5 minutes later with probability `chance`.
fn double_change(chance: f64, seed: u64) -> (Engine, ServiceId) {
    let mut kit = Kit::new();
    let o = kit.org("o", OrgKind::Operator, Monitoring::High);
    let p = kit.service("p", o);
    let x = kit.service("x", o);
    let d = kit.dep(p, x, DepKind::Logical, 5 * M, Effect::Fail);
    kit.s.dependencies[d.idx()].probability = chance;
    kit.team("o", Role::Operator, &[o]);
    let step = |impact| StepKind::Impact { service: p, impact };
    kit.threat("a", 2, vec![(10 * M, step(Impact::Degradation(0.5)), 0.0)]);
    kit.threat("b", 2, vec![(10 * M, step(Impact::Outage), 0.0)]);
    let mut e = Engine::new(kit.build(), seed);
    e.run_to_end();
    (e, x)
}

#[test]
fn one_providers_changes_at_one_instant_arrive_as_one() {
    let (e, x) = double_change(1.0, 1);
    // p journals both of its changes at 10 min; x sees only where p settled.
    assert_eq!(changes(&e, ServiceId(0)).len(), 2);
    assert_eq!(changes(&e, x), vec![(15 * M, 0.0, ServiceStatus::Down)]);
}

#[test]
fn a_logical_edge_draws_once_per_settled_change_and_says_which() {
    let mut held = 0;
    for seed in 0..200 {
        let (e, x) = double_change(0.5, seed);
        let holds: Vec<_> = picked(&e, |y| match y.kind {
            EntryKind::LinkHeld { limit, .. } => Some((y.at, limit)),
            _ => None,
        });
        let moved = changes(&e, x);
        // Either the change took hold or it was held, once: never both, never twice.
        assert_eq!(
            holds.len() + moved.len(),
            1,
            "seed {seed}: {holds:?} {moved:?}"
        );
        if let Some(&h) = holds.first() {
            // Held: the settled change (down to 0), as it arrived at 15 min.
            assert_eq!(h, (15 * M, 0.0));
            held += 1;
        }
    }
    assert!((60..140).contains(&held), "held {held} of 200");
}

/// At every instant, what teams notice comes after everything that happened there.
#[test]
fn the_world_settles_before_anyone_notices() {
    for seed in 0..4 {
        let s = std::sync::Arc::new(crate::scenario::generate::national(300, 1200, seed));
        let mut e = Engine::new(s, seed);
        e.run_to_end();
        let entries = &e.journal().entries;
        let mut noticed_at = None;
        let mut views = 0;
        for x in entries {
            if x.kind.is_view() {
                noticed_at = Some(x.at);
                views += 1;
            } else if !matches!(x.kind, EntryKind::MessageDelivered { .. }) {
                assert_ne!(
                    noticed_at,
                    Some(x.at),
                    "seed {seed}: {x:?} after a detection"
                );
            }
        }
        assert!(views > 10, "seed {seed}: only {views} detections");
    }
}
