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

#[test]
fn a_rebuild_after_isolation_keeps_the_time_the_isolation_contained_it() {
    let sc = scenario();
    let play = "(at: \"6m\", team: \"power\", act: \"isolate\", target: \"plant\")";
    // The desk's request names the plant: the power team may then clean it.
    let tip = "(at: \"10m\", team: \"desk\", send: (to: [\"power\"], kind: Request, services: [\"plant\"], text: \"Check the plant for an intruder.\"))";
    let dir = std::env::temp_dir().join(format!("crossdrill-contain-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    for (name, steps, contained) in [
        ("isolated.commands.ron", format!("[{play}]"), 16 * M),
        (
            "rebuilt.commands.ron",
            format!(
                "[{play}, {tip}, (at: \"25m\", team: \"power\", act: \"rebuild\", target: \"plant\")]"
            ),
            16 * M,
        ),
    ] {
        let file = dir.join(name);
        std::fs::write(&file, steps).expect("write the play");
        let run = play_run::run_file(sc.clone(), &file, 7);
        let attack = sc
            .threats
            .iter()
            .position(|t| t.id == "attack")
            .expect("attack");
        let incident = run
            .card
            .incidents
            .iter()
            .find(|i| i.threat.idx() == attack)
            .expect("the attack's incident");
        let contain = incident.phase(Phase::Contain);
        assert_eq!(contain.done_at, Some(contained), "{name}: {contain:?}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_flood_on_a_service_already_on_backup_is_contained_as_it_lands() {
    let sc = scenario();
    let flood = sc
        .threats
        .iter()
        .position(|t| t.id == "flood")
        .expect("flood");
    let dir = std::env::temp_dir().join(format!("crossdrill-guarded-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    for (name, at, contained) in [("early", "10m", 40 * M), ("after", "45m", 55 * M)] {
        let file = dir.join(format!("{name}.commands.ron"));
        let step = format!("[(at: \"{at}\", team: \"tel\", act: \"switch\", target: \"tower\")]");
        std::fs::write(&file, step).expect("write the play");
        let run = play_run::run_file(sc.clone(), &file, 7);
        let incident = run
            .card
            .incidents
            .iter()
            .find(|i| i.threat.idx() == flood)
            .expect("the flood's incident");
        let contain = incident.phase(Phase::Contain);
        assert_eq!(contain.done_at, Some(contained), "{name}: {contain:?}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
