//! Headless tests of the scenario list and hot reload: a changed file reloads, a broken edit
//! shows its errors and keeps the last good version, and during an exercise it is offered.

use super::catalog::{self, Catalog, Origin, ScenarioReloaded};
use super::screens::Screen;
use super::session::{OfferAnswer, Session};
use crate::scenario::{DEFAULT_SCENARIO, Scenario};
use bevy::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

/// A fresh folder under the system temp dir with a copy of the default scenario.
fn folder(name: &str) -> (PathBuf, PathBuf) {
    let dir = std::env::temp_dir().join(format!("crossdrill-gui-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("drill.scenario.ron");
    std::fs::write(&file, DEFAULT_SCENARIO.1).expect("write scenario");
    (dir, file)
}

/// Rewrite `file` so that its modification stamp surely changes.
fn rewrite(file: &Path, text: &str) {
    std::thread::sleep(Duration::from_millis(20));
    std::fs::write(
        file,
        format!("{text}\n// edit {:?}\n", std::time::Instant::now()),
    )
    .expect("rewrite");
}

fn app(dir: &Path) -> App {
    let mut app = crate::gui::testkit::headless(800);
    app.add_plugins((catalog::plugin, super::session::plugin));
    app.update();
    app.world_mut().resource_mut::<Catalog>().folders = vec![dir.to_path_buf()];
    app.world_mut().resource_mut::<Catalog>().scan();
    app
}

/// The app with the folder's `file` loaded as the session's scenario, gone to `screen`.
fn app_on(dir: &Path, file: &Path, screen: Screen) -> (App, Arc<Scenario>) {
    let mut app = app(dir);
    let first = entry(&app, file).good.expect("loads");
    app.world_mut().insert_resource(Session::new(
        Origin::File(file.to_path_buf()),
        first.clone(),
    ));
    super::testkit::go(&mut app, screen);
    (app, first)
}

fn entry(app: &App, file: &Path) -> catalog::Entry {
    app.world()
        .resource::<Catalog>()
        .get(&Origin::File(file.to_path_buf()))
        .cloned()
        .expect("listed")
}

#[test]
fn every_shipped_scenario_is_listed_once_and_as_its_file_where_that_is_watched() {
    let (dir, _) = folder("shipped");
    let mut c = Catalog::with_shipped(vec![dir]);
    c.scan();
    let shipped = crate::scenario::SHIPPED;
    assert_eq!(
        c.entries.len(),
        shipped.len() + 1,
        "the shipped ones and drill.scenario.ron"
    );
    // The default first, then the others by name.
    let mut order: Vec<&str> = shipped.iter().map(|(n, _)| *n).collect();
    order.retain(|n| *n != crate::scenario::DEFAULT_SCENARIO.0);
    order.insert(0, crate::scenario::DEFAULT_SCENARIO.0);
    for (i, name) in order.iter().enumerate() {
        assert_eq!(c.entries[i].origin, Origin::Builtin(name));
        assert!(c.entries[i].good.is_some(), "{name} loads");
    }
    // Run from the repository: its scenarios/ folder holds the shipped files, which take
    // the built-in ones' places (so an edit reloads) and add no entry.
    c.folders.push(PathBuf::from("scenarios"));
    c.scan();
    assert_eq!(c.entries.len(), shipped.len() + 1);
    for (i, name) in order.iter().enumerate() {
        assert_eq!(c.entries[i].origin, Origin::File(PathBuf::from(name)));
        assert!(c.entries[i].good.is_some(), "{name} loads from its file");
    }
}

#[test]
fn the_list_has_the_shipped_scenarios_and_the_files_of_the_folder() {
    let (dir, file) = folder("list");
    let broken = dir.join("broken.scenario.ron");
    std::fs::write(&broken, "(id: \"x\", services: [(id: 3)])").expect("write");
    let app = app(&dir);
    let c = app.world().resource::<Catalog>();
    let ids: Vec<_> = c
        .entries
        .iter()
        .filter_map(|e| e.good.as_ref().map(|s| s.id.clone()))
        .collect();
    for (name, text) in crate::scenario::SHIPPED {
        let id = crate::scenario::load_source(name, text, None)
            .expect("a shipped scenario loads")
            .scenario
            .id;
        assert!(ids.contains(&id), "{name} is listed: {ids:?}");
    }
    assert!(
        c.get(&Origin::File(file.clone()))
            .and_then(|e| e.good.as_ref())
            .is_some()
    );
    let b = c
        .get(&Origin::File(broken.clone()))
        .expect("a broken file is listed, not hidden");
    assert!(b.good.is_none());
    assert!(
        b.problems
            .iter()
            .any(|l| l.contains("broken.scenario.ron:1:") && l.contains("error")),
        "{:?}",
        b.problems
    );
}

#[test]
fn an_edit_reloads_and_a_broken_edit_keeps_the_last_good_version() {
    let (dir, file) = folder("reload");
    let (mut app, _) = app_on(&dir, &file, Screen::Briefing);

    let renamed = DEFAULT_SCENARIO.1.replacen(
        "en: \"Games-time blackout\"",
        "en: \"Games-time blackout (edited)\"",
        1,
    );
    assert_ne!(renamed, DEFAULT_SCENARIO.1, "the test edits the title");
    rewrite(&file, &renamed);
    app.update();
    app.update();
    let e = entry(&app, &file);
    assert!(e.problems.is_empty());
    let s = app.world().resource::<Session>().scenario.clone();
    assert_eq!(
        s.title.en, "Games-time blackout (edited)",
        "the briefing follows the file"
    );

    rewrite(&file, "(id: \"games\", duration: \"6 hours\"");
    app.update();
    app.update();
    let e = entry(&app, &file);
    assert!(!e.problems.is_empty(), "errors are shown");
    assert!(
        e.problems[0].contains("drill.scenario.ron:"),
        "{:?}",
        e.problems
    );
    assert_eq!(
        e.good.as_ref().map(|g| g.title.en.clone()).as_deref(),
        Some("Games-time blackout (edited)")
    );
    assert!(
        Arc::ptr_eq(&app.world().resource::<Session>().scenario, &s),
        "the last good version stays"
    );
}

#[test]
fn an_edit_to_an_included_seed_file_reloads_the_scenario() {
    let (dir, file) = folder("seed");
    let seed = dir.join("seeds").join("local.seed.ron");
    std::fs::create_dir_all(dir.join("seeds")).expect("seeds dir");
    std::fs::write(&seed, "()\n").expect("write seed");
    let including = DEFAULT_SCENARIO.1.replacen(
        "\"std:templates\"]",
        "\"std:templates\", \"seeds/local.seed.ron\"]",
        1,
    );
    assert_ne!(including, DEFAULT_SCENARIO.1, "the test adds an include");
    rewrite(&file, &including);
    let mut app = app(&dir);
    assert!(entry(&app, &file).problems.is_empty());
    let revision = entry(&app, &file).revision;

    // Only the seed changes: the scenario reloads and shows the seed's error.
    rewrite(&seed, "(sectors: [");
    app.update();
    app.update();
    let e = entry(&app, &file);
    assert!(e.revision > revision, "reloaded");
    assert!(
        e.problems.iter().any(|l| l.contains("local.seed.ron:")),
        "{:?}",
        e.problems
    );

    rewrite(&seed, "()");
    app.update();
    app.update();
    assert!(entry(&app, &file).problems.is_empty(), "fixed again");
}

#[test]
fn during_the_exercise_a_changed_file_is_offered_not_forced() {
    let (dir, file) = folder("offer");
    let (mut app, first) = app_on(&dir, &file, Screen::Exercise);
    rewrite(
        &file,
        &DEFAULT_SCENARIO
            .1
            .replacen("en: \"Games-time blackout\"", "en: \"Second version\"", 1),
    );
    app.update();
    app.update();
    let session = app.world().resource::<Session>();
    assert!(
        Arc::ptr_eq(&session.scenario, &first),
        "the running exercise keeps its scenario"
    );
    assert_eq!(
        session.offered.as_ref().map(|s| s.title.en.as_str()),
        Some("Second version")
    );
    assert!(app.world().resource::<Messages<ScenarioReloaded>>().len() <= 2);
    app.world_mut().write_message(OfferAnswer(true));
    app.update();
    let session = app.world().resource::<Session>();
    assert_eq!(session.scenario.title.en, "Second version");
    assert!(session.offered.is_none());
}
