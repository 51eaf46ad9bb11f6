//! Every shipped scenario and seed validates, and a scenario survives load -> write -> load.

use crossdrill::scenario::{self, Level};
use std::path::{Path, PathBuf};

fn files(dir: &str, suffix: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(suffix))
        .collect();
    out.sort();
    out
}

#[test]
fn every_shipped_scenario_and_seed_validates_without_warnings() {
    let all: Vec<PathBuf> = files("scenarios", ".scenario.ron")
        .into_iter()
        .chain(files("seeds", ".seed.ron"))
        .collect();
    assert!(all.len() >= 5, "scenarios and seeds are found");
    for path in all {
        match scenario::load_path(&path) {
            Ok(l) => assert!(
                l.warnings.iter().all(|w| w.level == Level::Warning) && l.warnings.is_empty(),
                "{}: {:?}",
                path.display(),
                l.warnings
            ),
            Err(p) => panic!("{} does not validate:\n{p}", path.display()),
        }
    }
}

#[test]
fn the_built_in_default_matches_the_file_on_disk() {
    let on_disk = scenario::load_path(Path::new("scenarios/games-time-blackout.scenario.ron"))
        .expect("default scenario validates")
        .scenario;
    assert_eq!(scenario::builtin_default(), on_disk);
}

#[test]
fn the_default_scenario_is_big_enough() {
    let s = scenario::builtin_default();
    assert!(s.services.len() >= 20);
    assert!(s.dependencies.len() >= 25);
    assert!(s.injects.len() >= 12);
    assert!(s.actions.len() >= 10);
    assert_eq!(s.teams.len(), 8);
    use scenario::DepKind::*;
    for kind in [Physical, Cyber, Geographic, Logical] {
        assert!(
            s.dependencies.iter().any(|d| d.kind == kind),
            "{kind:?} used"
        );
    }
    let timed = s
        .injects
        .iter()
        .filter(|i| matches!(i.trigger, scenario::Trigger::At(_)))
        .count();
    assert!(
        timed > 0 && timed < s.injects.len(),
        "timed and conditional injects"
    );
}

#[test]
fn load_write_load_gives_the_same_scenario() {
    for path in files("scenarios", ".scenario.ron") {
        let first = scenario::load_path(&path).expect("validates").scenario;
        let text = scenario::to_ron(&first).expect("serialises");
        let second = scenario::load_source("roundtrip.scenario.ron", &text, None)
            .unwrap_or_else(|p| panic!("{}: written form does not load:\n{p}", path.display()))
            .scenario;
        assert_eq!(first, second, "{}", path.display());
    }
}

#[test]
fn load_write_load_keeps_the_design_and_to_ron_alone_drops_it() {
    for path in files("scenarios", ".scenario.ron") {
        let first = scenario::load_path(&path).expect("validates");
        let text = scenario::to_ron_with(&first.scenario, &first.design).expect("serialises");
        let second = scenario::load_source("roundtrip.scenario.ron", &text, None)
            .unwrap_or_else(|p| panic!("{}: written form does not load:\n{p}", path.display()));
        assert_eq!(first.scenario, second.scenario, "{}", path.display());
        assert_eq!(first.design, second.design, "{}", path.display());
        let public = scenario::to_ron(&first.scenario).expect("serialises");
        let plain = scenario::load_source("public.scenario.ron", &public, None).expect("loads");
        assert_eq!(
            plain.design,
            scenario::Design::default(),
            "{}",
            path.display()
        );
    }
}

#[test]
fn every_shipped_scenario_has_objectives_and_expected_actions_for_each() {
    for path in files("scenarios", ".scenario.ron") {
        let d = scenario::load_path(&path).expect("validates").design;
        let name = path.display();
        assert!(d.pattern.is_some(), "{name}: a pattern");
        assert!(d.objectives.len() >= 3, "{name}: objectives");
        for (i, o) in d.objectives.iter().enumerate() {
            let linked = d.expectations_of(scenario::ObjectiveId(i as u32)).count();
            assert!(linked > 0, "{name}: nothing expected for `{}`", o.id);
            assert!(
                !o.text.en.is_empty() && o.text.en != o.text.ja,
                "{name}: `{}` in both languages",
                o.id
            );
        }
        for e in &d.expectations {
            assert!(
                e.what.en != e.what.ja,
                "{name}: `{}` in both languages",
                e.id
            );
        }
    }
}

#[test]
fn a_missing_file_is_an_error_not_a_panic() {
    let err = scenario::load_path(Path::new("no/such.scenario.ron")).unwrap_err();
    let text = err.to_string();
    assert!(
        text.starts_with("no/such.scenario.ron:1:1: error: cannot read the file"),
        "{text}"
    );
}

#[test]
fn includes_resolve_relative_to_the_including_file() {
    let l = scenario::load_path(Path::new("tests/fixtures/relative-include.scenario.ron"))
        .unwrap_or_else(|p| panic!("{p}"));
    assert_eq!(l.scenario.severity.len(), 5);
    assert!(l.scenario.severity[4].deadlines.report > 0);
}

#[test]
fn an_include_that_is_a_device_or_a_pipe_is_refused_not_read() {
    let dir = crate::common::scratch("include-device");
    let fifo = dir.join("pipe.seed.ron");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    let mut names = vec!["/dev/zero".to_string(), dir.display().to_string()];
    if made.is_ok_and(|s| s.success()) {
        names.push(fifo.display().to_string());
    }
    let text =
        std::fs::read_to_string("tests/fixtures/relative-include.scenario.ron").expect("fixture");
    for name in names {
        let path = dir.join("device.scenario.ron");
        let with = text.replacen("\"../../seeds/severity.seed.ron\"", &format!("{name:?}"), 1);
        std::fs::write(&path, with).expect("written");
        let err = scenario::load_path(&path).expect_err("refused").to_string();
        assert!(
            err.contains(":2:") && err.contains("not a plain file") && err.contains(&name),
            "{name}: {err}"
        );
    }
}

#[test]
fn a_duration_past_366_days_is_refused_with_its_place() {
    let dir = crate::common::scratch("long-duration");
    let text =
        std::fs::read_to_string("tests/fixtures/relative-include.scenario.ron").expect("fixture");
    let path = dir.join("long.scenario.ron");
    let with = text.replacen("\"2h\"", "\"367d\"", 1).replacen(
        "../../seeds/severity.seed.ron",
        &std::fs::canonicalize("seeds/severity.seed.ron")
            .expect("the seed")
            .display()
            .to_string(),
        1,
    );
    std::fs::write(&path, with).expect("written");
    let err = scenario::load_path(&path).expect_err("refused").to_string();
    assert!(
        err.contains(":5:") && err.contains("`367d` is longer than 366 days"),
        "{err}"
    );
}
