//! Unit tests of the cascade on small hand-built scenarios, with times worked out by hand.

use super::testkit::{Kit, act, picked};
use super::*;
use crate::scenario::*;

const H: Secs = 3600;
const M: Secs = 60;

/// (time, capacity, status) of every change of `s`.
pub(super) fn changes(e: &Engine, s: ServiceId) -> Vec<(Secs, f64, ServiceStatus)> {
    e.journal().changes_of(s)
}

/// When `s` first went down.
pub(super) fn down_at(e: &Engine, s: ServiceId) -> Option<Secs> {
    changes(e, s)
        .into_iter()
        .find(|c| c.2 == ServiceStatus::Down)
        .map(|c| c.0)
}

/// Grid substation -> base station (physical, 10 min, fail; 3 h battery) -> payment
/// switch (cyber, 5 min, degrade to 0.3). The grid is cut by an inject at 1 h.
pub(super) struct Chain {
    pub kit: Kit,
    pub grid: ServiceId,
    pub bts: ServiceId,
    pub pay: ServiceId,
    pub carrier: TeamId,
    pub refuel: ActionId,
}

pub(super) fn chain() -> Chain {
    let mut kit = Kit::new();
    let (power, mobile, bank) = kit.operators();
    let grid = kit.service("substation", power);
    let bts = kit.service("bts", mobile);
    let pay = kit.service("switch", bank);
    kit.buffers(bts, 3 * H, 0, 0.0);
    kit.dep(grid, bts, DepKind::Physical, 10 * M, Effect::Fail);
    kit.dep(bts, pay, DepKind::Cyber, 5 * M, Effect::Degrade(0.3));
    kit.team("grid", Role::Operator, &[power]);
    let carrier = kit.team("carrier", Role::Operator, &[mobile]);
    kit.team("bank", Role::Operator, &[bank]);
    kit.inject(
        "blackout",
        Trigger::At(H),
        1,
        vec![Delivery::SetCapacity {
            service: grid,
            capacity: 0.0,
        }],
    );
    let refuel = kit.action(
        "refuel",
        30 * M,
        Target::OwnService,
        vec![ActionEffect::Refuel(12 * H)],
    );
    Chain {
        kit,
        grid,
        bts,
        pay,
        carrier,
        refuel,
    }
}

#[test]
fn battery_then_down_at_hand_computed_times() {
    let c = chain();
    let mut e = Engine::new(c.kit.build(), 1);
    e.run_to_end();
    assert_eq!(down_at(&e, c.grid), Some(H));
    let bts = changes(&e, c.bts);
    // On battery from the moment the loss arrives: 1 h + 10 min.
    assert_eq!(bts[0], (H + 10 * M, 1.0, ServiceStatus::OnBackup));
    // Down when the 3 h battery is spent: 1 h + 3 h + 10 min.
    assert_eq!(bts[1], (H + 3 * H + 10 * M, 0.0, ServiceStatus::Down));
    // The payment switch keeps 30 % five minutes later.
    assert_eq!(
        changes(&e, c.pay),
        vec![(4 * H + 15 * M, 0.3, ServiceStatus::Degraded)]
    );
    assert_eq!(e.world().capacity(c.pay), 0.3);
}

#[test]
fn refuelling_in_time_stops_the_cascade() {
    let c = chain();
    let mut e = Engine::new(c.kit.build(), 1);
    e.advance_to(2 * H);
    let out = e.apply(act(c.carrier, c.refuel, c.bts));
    assert!(
        matches!(out, Ok(CommandOutcome::Started { done_at, .. }) if done_at == 2 * H + 30 * M)
    );
    e.run_to_end();
    assert_eq!(down_at(&e, c.bts), None);
    assert!(changes(&e, c.pay).is_empty());
    let truth = e.world().service(c.bts);
    assert_eq!(truth.status, ServiceStatus::OnBackup);
    assert_eq!(truth.on_buffer.map(|b| b.0), Some(BufferKind::Generator));
    // 12 h of the exercise: battery 1h10m..4h10m, then generator until the end.
    assert_eq!(
        truth.generator_left,
        (12 * H - (12 * H - 4 * H - 10 * M)) as f64
    );
}

#[test]
fn refuelling_late_brings_the_service_back() {
    let c = chain();
    let mut e = Engine::new(c.kit.build(), 1);
    e.advance_to(5 * H);
    let act = act(c.carrier, c.refuel, c.bts);
    e.apply(act).unwrap();
    e.run_to_end();
    let bts = changes(&e, c.bts);
    assert_eq!(
        bts.last(),
        Some(&(5 * H + 30 * M, 1.0, ServiceStatus::OnBackup))
    );
    let pay = changes(&e, c.pay);
    assert_eq!(pay.last(), Some(&(5 * H + 35 * M, 1.0, ServiceStatus::Up)));
}

#[test]
fn generator_then_manual_fallback() {
    let mut c = chain();
    c.kit.buffers(c.bts, H, 2 * H, 0.4);
    let mut e = Engine::new(c.kit.build(), 1);
    e.run_to_end();
    let t0 = H + 10 * M;
    let entries: Vec<_> = picked(&e, |x| match x.kind {
        EntryKind::BufferStarted { buffer, until, .. } => Some((x.at, buffer, until)),
        _ => None,
    });
    assert_eq!(
        entries,
        vec![
            (t0, BufferKind::Battery, t0 + H),
            (t0 + H, BufferKind::Generator, t0 + 3 * H)
        ]
    );
    assert_eq!(
        changes(&e, c.bts).last(),
        Some(&(t0 + 3 * H, 0.4, ServiceStatus::Degraded))
    );
}

#[test]
fn recovery_propagates_with_the_delays() {
    let mut c = chain();
    let grid = c.grid;
    c.kit.inject(
        "power back",
        Trigger::At(6 * H),
        1,
        vec![Delivery::SetCapacity {
            service: grid,
            capacity: 1.0,
        }],
    );
    let mut e = Engine::new(c.kit.build(), 1);
    e.run_to_end();
    assert_eq!(
        changes(&e, c.bts).last(),
        Some(&(6 * H + 10 * M, 1.0, ServiceStatus::Up))
    );
    assert_eq!(
        changes(&e, c.pay).last(),
        Some(&(6 * H + 15 * M, 1.0, ServiceStatus::Up))
    );
    // The cascade names the edge it came through.
    let via = e.journal().entries.iter().find_map(|x| match x.kind {
        EntryKind::ServiceChanged {
            service,
            cause: Cause::Dependency(d),
            origin,
            ..
        } if service == c.pay => Some((d, origin)),
        _ => None,
    });
    assert_eq!(via, Some((DepId(1), Origin::Inject(InjectId(0)))));
}

#[test]
fn partial_supply_drains_the_battery_slower() {
    let mut c = chain();
    c.kit.s.injects[0].deliver = vec![Delivery::SetCapacity {
        service: c.grid,
        capacity: 0.5,
    }];
    let mut e = Engine::new(c.kit.build(), 1);
    e.run_to_end();
    // Half the supply missing: 3 h of battery last 6 h; then the edge leaves 50 %.
    let bts = changes(&e, c.bts);
    assert_eq!(
        bts.last(),
        Some(&(H + 10 * M + 6 * H, 0.5, ServiceStatus::Degraded))
    );
}

#[test]
fn area_event_hits_every_service_in_the_area_at_once() {
    let mut c = chain();
    c.kit.area(c.grid, "koto");
    c.kit.area(c.pay, "koto");
    c.kit.s.injects[0].deliver = vec![Delivery::AreaEvent {
        area: "koto".into(),
        capacity: 0.0,
    }];
    let mut e = Engine::new(c.kit.build(), 1);
    e.advance_to(H);
    assert_eq!(e.world().status(c.grid), ServiceStatus::Down);
    assert_eq!(e.world().status(c.pay), ServiceStatus::Down);
    assert_eq!(e.world().status(c.bts), ServiceStatus::Up);
}

#[test]
fn logical_links_apply_with_their_probability() {
    for (p, held) in [(0.0, true), (1.0, false)] {
        let mut c = chain();
        c.kit.s.dependencies[0].kind = DepKind::Logical;
        c.kit.s.dependencies[0].probability = p;
        let mut e = Engine::new(c.kit.build(), 3);
        e.run_to_end();
        let was_held = e
            .journal()
            .entries
            .iter()
            .any(|x| matches!(x.kind, EntryKind::LinkHeld { .. }));
        assert_eq!(was_held, held, "p = {p}");
        // Logical edges are not bridged by batteries.
        assert_eq!(down_at(&e, c.bts).is_some(), !held);
    }
}

#[test]
fn zero_delay_loops_settle_at_one_instant() {
    let mut kit = Kit::new();
    let o = kit.org("o", OrgKind::Operator, Monitoring::High);
    let a = kit.service("a", o);
    let b = kit.service("b", o);
    let x = kit.service("x", o);
    let y = kit.service("y", o);
    kit.dep(a, b, DepKind::Physical, 0, Effect::Fail);
    kit.dep(b, a, DepKind::Physical, 0, Effect::Fail);
    kit.dep(x, y, DepKind::Cyber, 0, Effect::Degrade(0.5));
    kit.dep(y, x, DepKind::Cyber, 0, Effect::Degrade(0.5));
    let mut e = Engine::new(kit.build(), 1);
    e.advance_to(10);
    for s in [a, x] {
        e.apply(Command::Override {
            service: s,
            capacity: Some(0.0),
        })
        .unwrap();
    }
    assert_eq!(e.world().capacity(b), 0.0);
    assert_eq!(e.world().capacity(y), 0.5);
    e.advance_to(20);
    e.apply(Command::Override {
        service: x,
        capacity: None,
    })
    .unwrap();
    // The degrade loop climbs back to full within the same instant.
    assert_eq!((e.world().capacity(x), e.world().capacity(y)), (1.0, 1.0));
    assert!(e.journal().entries.iter().all(|x| x.at <= 20));
    assert!(
        !e.journal()
            .entries
            .iter()
            .any(|x| matches!(x.kind, EntryKind::LoopCut { .. }))
    );
    let steps = changes(&e, x).len() + changes(&e, y).len();
    assert!(steps < 40, "{steps} changes");
    // A loop of fail edges stays down without help (a black start).
    e.apply(Command::Override {
        service: a,
        capacity: None,
    })
    .unwrap();
    assert_eq!(e.world().capacity(a), 0.0);
}

#[test]
fn events_edges_and_journal_entries_stay_small() {
    use std::mem::size_of;
    // The queue holds millions of events, a national network a million edges, and a
    // run's journal about a million entries.
    assert!(
        size_of::<super::instant::Ev>() <= 16,
        "{}",
        size_of::<super::instant::Ev>()
    );
    assert_eq!(size_of::<super::topology::Link>(), 8);
    assert!(size_of::<Entry>() <= 72, "{}", size_of::<Entry>());
    // A service's record is two whole cache lines.
    assert_eq!(size_of::<super::world::Svc>(), 128);
}

/// The incidents `team` opened for threat `t`, with when the service was detected.
fn threat_detections(e: &Engine, team: TeamId, t: ThreatId) -> Vec<(Secs, ServiceId)> {
    let mine: Vec<IncidentId> = picked(e, |x| match x.kind {
        EntryKind::IncidentOpened {
            incident,
            team: who,
            threat: Some(th),
            ..
        } if who == team && th == t => Some(incident),
        _ => None,
    });
    picked(e, |x| match x.kind {
        EntryKind::Detected {
            incident, service, ..
        } if mine.contains(&incident) => Some((x.at, service)),
        _ => None,
    })
}

#[test]
fn an_attack_on_a_service_already_down_is_still_noticed() {
    let mut c = chain();
    // At 6 h the base station has been down since 4 h 10 and the payment switch
    // degraded to 0.3: a DDoS to 0.5 and an outage change nothing customers feel.
    let flood = c.kit.threat(
        "flood",
        3,
        vec![(
            6 * H,
            StepKind::Impact {
                service: c.pay,
                impact: Impact::Ddos(0.5),
            },
            0.0,
        )],
    );
    let wiper = c.kit.threat(
        "wiper",
        4,
        vec![(
            6 * H,
            StepKind::Impact {
                service: c.bts,
                impact: Impact::Outage,
            },
            0.0,
        )],
    );
    let mut e = Engine::new(c.kit.build(), 1);
    e.run_to_end();
    assert_eq!(changes(&e, c.pay).len(), 1, "the DDoS changed no capacity");
    let bank = TeamId(2);
    let seen = threat_detections(&e, bank, flood);
    assert!(
        matches!(seen.as_slice(), [(at, s)] if *at > 6 * H && *s == c.pay),
        "the bank notices the flood through monitoring: {seen:?}"
    );
    let seen = threat_detections(&e, c.carrier, wiper);
    assert!(
        matches!(seen.as_slice(), [(at, s)] if *at > 6 * H && *s == c.bts),
        "the carrier notices the wiper: {seen:?}"
    );
}
