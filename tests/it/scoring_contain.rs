//! Containment is judged on the state once every entry of an instant is in: a rebuild that
//! restores an isolated service and cleans its foothold at one instant does not reopen the
//! incident it was already containing. A hit on a service a team had already put on backup
//! is contained as it lands.

use crate::play_run;
use crossdrill::scenario::load_source;
use crossdrill::scoring::Phase;
use std::sync::Arc;

const M: u64 = 60;

/// The mini scenario with an isolate action and a rebuild (patch and restore at once).
fn scenario() -> Arc<crossdrill::scenario::Scenario> {
    let path = format!(
        "{}/tests/plays/mini.scenario.ron",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).expect("the mini scenario");
    let text = text.replacen(
        "    actions: [\n",
        "    actions: [\n        (id: \"switch\", name: (en: \"Backup lines\", ja: \"予備回線\"), duration: \"10m\", target: OwnService, effects: [Backup(0.8)], roles: [Operator]),\n        (id: \"isolate\", name: (en: \"Isolate\", ja: \"隔離\"), duration: \"10m\", target: OwnService, effects: [Isolate], roles: [Operator]),\n        (id: \"rebuild\", name: (en: \"Rebuild\", ja: \"再構築\"), duration: \"30m\", target: OwnCompromised, effects: [Patch, Restore], roles: [Operator]),\n",
        1,
    );
    // A flood on the tower, with no foothold: only a mitigation contains it.
    let text = text.replacen(
        "    threats: [\n",
        "    threats: [\n        (id: \"flood\", name: (en: \"Flood\", ja: \"大量通信\"), severity: 2, steps: [(at: \"40m\", kind: Impact(service: \"tower\", impact: Ddos(0.5)))]),\n",
        1,
    );
    let loaded =
        load_source("mini-rebuild.scenario.ron", &text, None).unwrap_or_else(|p| panic!("{p}"));
    Arc::new(loaded.scenario)
}

/// When the incident of the threat `threat` was contained in `run`.
fn contained_at(run: &play_run::Run, threat: &str) -> Option<u64> {
    let t = run
        .sc
        .threats
        .iter()
        .position(|t| t.id == threat)
        .expect("the threat");
    let incident = run
        .card
        .incidents
        .iter()
        .find(|i| i.threat.idx() == t)
        .expect("the threat's incident");
    incident.phase(Phase::Contain).done_at
}

#[test]
fn a_rebuild_after_isolation_keeps_the_time_the_isolation_contained_it() {
    let sc = scenario();
    let play = "(at: \"6m\", team: \"power\", act: \"isolate\", target: \"plant\")";
    // The desk's request names the plant: the power team may then clean it.
    let tip = "(at: \"10m\", team: \"desk\", send: (to: [\"power\"], kind: Request, services: [\"plant\"], text: \"Check the plant for an intruder.\"))";
    let rebuild = "(at: \"25m\", team: \"power\", act: \"rebuild\", target: \"plant\")";
    for (name, steps) in [
        ("isolated", format!("[{play}]")),
        ("rebuilt", format!("[{play}, {tip}, {rebuild}]")),
    ] {
        let run = play_run::run_text(sc.clone(), name, &steps, 7);
        assert_eq!(contained_at(&run, "attack"), Some(16 * M), "{name}");
    }
}

#[test]
fn a_flood_on_a_service_already_on_backup_is_contained_as_it_lands() {
    let sc = scenario();
    for (name, at, contained) in [("early", "10m", 40 * M), ("after", "45m", 55 * M)] {
        let steps = format!("[(at: \"{at}\", team: \"tel\", act: \"switch\", target: \"tower\")]");
        let run = play_run::run_text(sc.clone(), name, &steps, 7);
        assert_eq!(contained_at(&run, "flood"), Some(contained), "{name}");
    }
}
