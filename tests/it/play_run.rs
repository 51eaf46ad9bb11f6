//! Shared by the report and scoring tests: run a scripted play of tests/plays/ and
//! score it.

use crossdrill::engine::{Engine, Journal};
use crossdrill::scenario::{Scenario, builtin_default, load_source};
use crossdrill::scoring::{self, Scorecard};
use crossdrill::session::script::{self, Planned};
use std::sync::Arc;

/// A scored run: scenario, journal and scorecard.
pub struct Run {
    pub sc: Arc<Scenario>,
    pub journal: Journal,
    pub card: Scorecard,
}

fn read(name: &str) -> String {
    let path = format!("{}/tests/plays/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The steps of the play `name` of `sc`.
pub fn plan(sc: &Scenario, name: &str) -> Vec<Planned> {
    script::parse(name, &read(name), sc).unwrap_or_else(|e| panic!("{}", e.join("\n")))
}

/// Run the play `name` of `sc` with `seed` to the scenario's end, and score it.
pub fn run(sc: Arc<Scenario>, name: &str, seed: u64) -> Run {
    let steps = plan(&sc, name);
    run_plan(sc, &steps, seed)
}

/// Run the play written out in `text` (named `name` in its errors) of `sc` with `seed` to
/// the end, and score it.
pub fn run_text(sc: Arc<Scenario>, name: &str, text: &str, seed: u64) -> Run {
    let steps = script::parse(name, text, &sc).unwrap_or_else(|e| panic!("{}", e.join("\n")));
    run_plan(sc, &steps, seed)
}

fn run_plan(sc: Arc<Scenario>, steps: &[Planned], seed: u64) -> Run {
    let mut engine = Engine::new(sc.clone(), seed);
    for step in steps {
        engine.advance_to(step.at);
        if let Err(e) = engine.apply(step.command_for(&engine)) {
            panic!("{}: refused: {e}", step.place);
        }
    }
    engine.run_to_end();
    let journal = engine.journal().clone();
    let card = scoring::score(&sc, &journal).unwrap_or_else(|e| panic!("{e}"));
    Run { sc, journal, card }
}

/// The seed the default scenario's plays were written for.
pub const DEFAULT_SEED: u64 = 7;

/// A play of the built-in default scenario, seed 7.
pub fn default_play(name: &str) -> Run {
    run(Arc::new(builtin_default()), name, DEFAULT_SEED)
}

/// The hand-worked mini scenario and its play (see tests/it/scoring_hand.rs).
pub fn mini() -> Run {
    let sc = load_source("mini.scenario.ron", &read("mini.scenario.ron"), None)
        .unwrap_or_else(|p| panic!("{p}"));
    run(Arc::new(sc.scenario), "mini.commands.ron", 7)
}
