//! Who watches never changes what happens: the world's entries of a journal (service
//! changes, buffers, link outcomes, threat steps, injects, messages) are the same when
//! monitoring levels or `visible` flags change, when teams that play no service join,
//! when every id is renamed, and when the organisations are listed in another order.
//! Only what teams noticed (detections, incidents) may differ. Checked over generated
//! networks with threats, area events and logical edges, and on every shipped scenario.

mod metamorphic;
mod networks;

use networks::{Network, network};

use crossdrill::engine::Engine;
use metamorphic::{
    Change, apply, reorder_services_and_dependencies, settled_by_name, shipped,
    view_independent_play, world_of, world_run,
};
use proptest::prelude::*;
use std::sync::Arc;

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 500,
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn monitoring_levels_change_no_outcome(net in network(), pick in any::<u64>()) {
        check(&net, Change::Monitoring(pick))?;
    }

    #[test]
    fn visible_flags_change_no_outcome(net in network(), pick in any::<u64>()) {
        check(&net, Change::Visible(pick))?;
    }

    #[test]
    fn teams_that_play_no_service_change_no_outcome(net in network()) {
        check(&net, Change::AddTeams)?;
    }

    #[test]
    fn renaming_every_id_changes_no_outcome(net in network()) {
        check(&net, Change::Rename)?;
    }

    #[test]
    fn the_order_of_organisations_changes_no_outcome(net in network(), pick in any::<u64>()) {
        check(&net, Change::ReorderOrganisations(pick))?;
    }

    /// Services and dependencies are known by their place in the file, so listing them
    /// in another order may change which random number a logical edge draws (as
    /// another seed would) and which of an instant's arrivals a change is said to come
    /// from; where nothing is left to chance, every settled state stays the same.
    #[test]
    fn without_chance_the_order_of_services_and_dependencies_changes_no_settled_state(
        net in network(),
        pick in any::<u64>(),
    ) {
        let mut sure = net.scenario.clone();
        for d in &mut sure.dependencies {
            d.probability = 1.0;
        }
        let base = world_of(&sure);
        let moved = reorder_services_and_dependencies(&base, pick);
        let run = |s: &crossdrill::scenario::Scenario| {
            let mut e = Engine::new(Arc::new(s.clone()), net.seed);
            e.run_to_end();
            settled_by_name(s, e.journal())
        };
        let (a, b) = (run(&base), run(&moved));
        prop_assert!(a == b, "{}", first_line_difference(&a, &b));
    }
}

fn first_line_difference(a: &[String], b: &[String]) -> String {
    match a.iter().zip(b).position(|(x, y)| x != y) {
        Some(i) => format!("line {i}:\n  {}\n  {}", a[i], b[i]),
        None => format!("{} lines against {}", a.len(), b.len()),
    }
}

fn check(net: &Network, change: Change) -> Result<(), TestCaseError> {
    let base = world_of(&net.scenario);
    let changed = apply(&base, change);
    let a = world_run(&base, net.seed, &[]);
    let b = world_run(&changed, net.seed, &[]);
    prop_assert!(a.0 == b.0, "{change:?}: {}", first_difference(&a.0, &b.0));
    Ok(())
}

fn first_difference(a: &[metamorphic::Fact], b: &[metamorphic::Fact]) -> String {
    match a.iter().zip(b).position(|(x, y)| x != y) {
        Some(i) => format!("entry {i}:\n  {:?}\n  {:?}", a[i], b[i]),
        None => format!("{} entries against {}", a.len(), b.len()),
    }
}

/// The shipped scenarios, over many seeds, with no commands and with a scripted play
/// whose commands do not depend on what a team has seen.
#[test]
fn shipped_scenarios_keep_their_outcomes_whoever_watches() {
    let all = shipped();
    assert!(!all.is_empty(), "no shipped scenario found");
    for (name, scenario) in &all {
        let base = world_of(scenario);
        let play = view_independent_play(&base);
        for seed in 0..40u64 {
            for change in Change::all(seed) {
                let changed = apply(&base, change);
                for commands in [&[][..], &play[..]] {
                    let a = world_run(&base, seed, commands);
                    let b = world_run(&changed, seed, commands);
                    assert!(
                        a.0 == b.0,
                        "{name}, seed {seed}, {change:?} ({} commands): {}",
                        commands.len(),
                        first_difference(&a.0, &b.0)
                    );
                    assert!(
                        commands.is_empty() || a.1 > 0,
                        "{name}: the play had no command accepted"
                    );
                }
            }
        }
    }
}

/// The comparison can fail: a change to the world itself (a dependency's delay) shows
/// up in the world's entries.
#[test]
fn a_change_to_the_world_changes_its_entries() {
    for (name, scenario) in shipped() {
        let base = world_of(&scenario);
        let mut slower = base.clone();
        for d in &mut slower.dependencies {
            d.delay += 60;
        }
        let a = world_run(&base, 1, &[]);
        let b = world_run(&slower, 1, &[]);
        assert!(
            a.0 != b.0,
            "{name}: a minute more on every dependency changed nothing"
        );
    }
}
