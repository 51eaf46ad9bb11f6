//! The engine on the default scenario: the cascade from the grid reaches the carrier, the
//! bank and the venues at the times its buffers and delays imply; runs are reproducible;
//! a scripted play stops the cascade.

use crossdrill::engine::{Engine, ServiceStatus, replay};
use crossdrill::scenario::{Scenario, Secs, builtin_default};
use crossdrill::session::script;
use std::sync::Arc;

const M: Secs = 60;
const H: Secs = 3600;
const PLAY: &str = include_str!("../../benches/games-time-blackout.play.ron");

fn scenario() -> Arc<Scenario> {
    Arc::new(builtin_default())
}

/// Every (time, capacity, status) change of the service `id`.
fn changes(e: &Engine, id: &str) -> Vec<(Secs, f64, ServiceStatus)> {
    let s = e
        .scenario()
        .service_by_id(id)
        .expect("service in the scenario");
    e.journal().changes_of(s)
}

/// When the service `id` first reached `status` (also used by tests/it/shipped.rs).
pub(crate) fn first(e: &Engine, id: &str, status: ServiceStatus) -> Option<Secs> {
    changes(e, id)
        .into_iter()
        .find(|c| c.2 == status)
        .map(|c| c.0)
}

#[test]
fn the_grid_attack_reaches_carrier_bank_and_venues_on_time() {
    for seed in [7, 8] {
        let mut e = Engine::new(scenario(), seed);
        e.run_to_end();
        // The attack opens the breakers at 45, 50 and 55 minutes.
        assert_eq!(
            first(&e, "substation-koto", ServiceStatus::Down),
            Some(45 * M)
        );
        assert_eq!(
            first(&e, "substation-shinjuku", ServiceStatus::Down),
            Some(50 * M)
        );
        assert_eq!(
            first(&e, "substation-otemachi", ServiceStatus::Down),
            Some(55 * M)
        );
        // Base stations: 1 min edge delay, then 3 h of battery.
        assert_eq!(first(&e, "bts-koto", ServiceStatus::OnBackup), Some(46 * M));
        assert_eq!(
            first(&e, "bts-koto", ServiceStatus::Down),
            Some(45 * M + M + 3 * H)
        );
        assert_eq!(
            first(&e, "bts-shinjuku", ServiceStatus::Down),
            Some(50 * M + M + 3 * H)
        );
        assert_eq!(
            first(&e, "bts-otemachi", ServiceStatus::Down),
            Some(55 * M + M + 3 * H)
        );
        // Enterprise lines: 1 min, 2 h of battery; the payment switch 2 min later keeps
        // its manual fallback of 20 %.
        assert_eq!(
            first(&e, "enterprise-vpn", ServiceStatus::Down),
            Some(55 * M + M + 2 * H)
        );
        let pay = changes(&e, "payment-switch");
        assert_eq!(
            pay[0],
            (55 * M + M + 2 * H + 2 * M, 0.2, ServiceStatus::Degraded)
        );
        // Venues: 1 min, 15 min of UPS, then 2 h of generator fuel.
        assert_eq!(
            first(&e, "venue-ariake", ServiceStatus::Down),
            Some(45 * M + M + 15 * M + 2 * H)
        );
        assert_eq!(
            first(&e, "venue-stadium", ServiceStatus::Down),
            Some(50 * M + M + 15 * M + 2 * H)
        );
        // The broadcast centre: 30 min of UPS and 3 h of fuel.
        assert_eq!(
            first(&e, "broadcast-ibc", ServiceStatus::Down),
            Some(45 * M + M + 30 * M + 3 * H)
        );
    }
}

#[test]
fn one_seed_gives_byte_identical_journals() {
    let run = |seed| {
        let mut e = Engine::new(scenario(), seed);
        e.run_to_end();
        e.journal().to_jsonl()
    };
    assert_eq!(run(7), run(7));
    assert_ne!(run(7), run(8), "detection delays are drawn from the seed");
}

fn play(seed: u64) -> Engine {
    let scenario = scenario();
    let plan =
        script::parse("games-time-blackout.play.ron", PLAY, &scenario).expect("the play loads");
    let mut e = Engine::new(scenario, seed);
    for step in &plan {
        e.advance_to(step.at);
        e.apply(step.command_for(&e))
            .unwrap_or_else(|err| panic!("{}: {err}", step.place));
    }
    e.run_to_end();
    e
}

#[test]
fn a_coordinated_response_stops_the_cascade() {
    let e = play(7);
    for id in [
        "bts-koto",
        "bts-shinjuku",
        "bts-otemachi",
        "enterprise-vpn",
        "venue-stadium",
        "venue-ariake",
    ] {
        assert_eq!(first(&e, id, ServiceStatus::Down), None, "{id} went down");
    }
    let pay = changes(&e, "payment-switch");
    assert!(pay.iter().all(|c| c.1 >= 0.8), "{pay:?}");
    // Manual operation brings the substations back to 80 % after an hour.
    assert_eq!(
        changes(&e, "substation-koto").last(),
        Some(&(H + 50 * M, 0.8, ServiceStatus::OnBackup))
    );
}

#[test]
fn the_journal_replays_to_the_same_hash() {
    let e = play(11);
    let j = e.journal();
    let again = replay(e.scenario().clone(), 11, &j.commands(), e.now()).expect("replays");
    assert_eq!(again.journal().hash(), j.hash());
    let back = crossdrill::engine::Journal::from_jsonl(&j.to_jsonl()).expect("reads back");
    assert_eq!(&back, j);
}
