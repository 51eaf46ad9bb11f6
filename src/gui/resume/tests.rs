//! Headless tests of crash-safe exercises: UI commands end up in the session on disk,
//! resuming gives the same engine behind the seat gate, the offer lists unfinished sessions,
//! and a disk error does not stop the exercise.

use super::open::{DismissSession, Resumable, ResumeSession, SeatGate};
use crate::engine::{Command, EntryKind};
use crate::gui::catalog::Origin;
use crate::gui::exercise::adapter::EngineHost;
use crate::gui::exercise::clock::{ClockCommand, ExerciseClock};
use crate::gui::exercise::command::{Outgoing, UiCommand};
use crate::gui::exercise::record::{Recorder, SessionRoot};
use crate::gui::screens::Screen;
use crate::gui::session::{ActiveSeat, ConfirmSeat, PendingSeat, Seat, Session};
use crate::gui::testkit::go;
use crate::scenario::{InjectId, MessageKind, Scenario, ServiceId, TeamId};
use crate::session::{self as store, Record, RecordKind};
use bevy::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::Arc;

fn root(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "crossdrill-gui-sessions-{name}-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// The exercise plugins with a session root, on scenario select.
fn app(root: &Path) -> App {
    let mut app = crate::gui::testkit::headless(100);
    app.insert_resource(SessionRoot(root.to_path_buf()));
    app.add_plugins((
        crate::gui::session::plugin,
        crate::gui::exercise::engine_plugins,
        super::open::plugin,
    ));
    app.update();
    app
}

fn start(app: &mut App) -> Arc<Scenario> {
    crate::gui::exercise::seam_tests::start_fresh(app, Seat::Facilitator)
}

fn send(app: &mut App, c: UiCommand) {
    app.world_mut().write_message(c);
    app.update();
}

fn clock(app: &mut App, c: ClockCommand) {
    app.world_mut().write_message(c);
    app.update();
}

fn journal(app: &App) -> String {
    app.world()
        .resource::<EngineHost>()
        .engine()
        .journal()
        .to_jsonl()
}

fn dir(app: &App) -> PathBuf {
    app.world()
        .resource::<Recorder>()
        .dir()
        .expect("a session folder")
        .to_path_buf()
}

fn records(dir: &Path) -> Vec<Record> {
    std::fs::read_to_string(dir.join("commands.jsonl"))
        .expect("commands file")
        .lines()
        .map(|l| serde_json::from_str(l).expect("a whole record"))
        .collect()
}

/// A team, a team it has a channel to, and a service it controls.
fn team_and_channel(s: &Scenario) -> (TeamId, TeamId, ServiceId) {
    for c in &s.channels {
        if let Some(svc) = (0..s.services.len())
            .map(|i| ServiceId(i as u32))
            .find(|x| s.controller_of(*x) == Some(c.from))
        {
            return (c.from, c.to, svc);
        }
    }
    panic!("the default scenario has a team with a channel and a service");
}

/// Facilitator and team commands through the UI path, with the clock running between them.
fn play(app: &mut App, s: &Scenario) {
    let (team, to, service) = team_and_channel(s);
    send(app, UiCommand::Control(Command::Note("opening".into())));
    send(
        app,
        UiCommand::Control(Command::Override {
            service: ServiceId(0),
            capacity: Some(0.5),
        }),
    );
    clock(app, ClockCommand::Speed(60));
    clock(app, ClockCommand::Resume);
    for _ in 0..30 {
        app.update();
    }
    send(app, UiCommand::Control(Command::FireInject(InjectId(0))));
    app.world_mut().resource_mut::<ActiveSeat>().0 = Seat::Team(team);
    send(
        app,
        UiCommand::Send(Outgoing {
            from: team,
            to,
            kind: MessageKind::Report,
            severity: 2,
            incidents: vec![],
            services: vec![service],
            text: "we see trouble".into(),
        }),
    );
    for _ in 0..20 {
        app.update();
    }
    app.world_mut().resource_mut::<ActiveSeat>().0 = Seat::Facilitator;
    send(
        app,
        UiCommand::Control(Command::Override {
            service: ServiceId(0),
            capacity: None,
        }),
    );
    clock(app, ClockCommand::Pause);
    app.update();
}

#[test]
fn ui_commands_are_written_and_resuming_gives_the_same_journal() {
    let root = root("roundtrip");
    let mut first = app(&root);
    let s = start(&mut first);
    play(&mut first, &s);
    let dir = dir(&first);
    assert!(dir.starts_with(&root), "{}", dir.display());
    let now = first.world().resource::<EngineHost>().engine().now();
    assert!(now >= 60, "the clock ran: {now}");

    // Every accepted command of the engine is on disk, in order and at its time.
    let on_disk: Vec<(u64, Command)> = records(&dir)
        .into_iter()
        .filter_map(|r| match r.kind {
            RecordKind::Command(c) => Some((r.at, c)),
            _ => None,
        })
        .collect();
    let in_engine = first
        .world()
        .resource::<EngineHost>()
        .engine()
        .journal()
        .commands();
    assert_eq!(on_disk, in_engine);
    assert!(
        in_engine
            .iter()
            .any(|(_, c)| matches!(c, Command::Send { .. }))
            && in_engine.iter().any(|(_, c)| matches!(c, Command::Note(_))),
        "team and facilitator commands: {in_engine:?}"
    );
    let last = records(&dir).last().cloned().expect("records");
    assert_eq!(
        (last.at, last.kind),
        (now, RecordKind::Clock),
        "pausing notes the time"
    );
    let original = journal(&first);
    let recovered = store::Session::open(&dir).expect("opens");
    assert_eq!(recovered.engine.journal().to_jsonl(), original);

    // The offer on scenario select, then resume through it in a fresh app.
    drop(recovered);
    let mut second = app(&root);
    let offers = &second.world().resource::<Resumable>().offers;
    assert_eq!(offers.len(), 1);
    assert_eq!(offers[0].0, dir);
    assert_eq!(offers[0].1.until, now);
    second.world_mut().write_message(ResumeSession(dir.clone()));
    second.update();
    second.update();
    assert_eq!(
        *second.world().resource::<State<Screen>>().get(),
        Screen::Exercise
    );
    assert_eq!(journal(&second), original, "the resumed engine is the same");
    let c = second.world().resource::<ExerciseClock>();
    assert!(c.paused && c.secs() == now, "paused where it stopped");
    assert!(second.world().resource::<SeatGate>().0, "behind the gate");
    assert_eq!(
        second.world().resource::<PendingSeat>().0,
        Some(Seat::Facilitator)
    );
    second.world_mut().write_message(ConfirmSeat(true));
    second.update();
    assert!(!second.world().resource::<SeatGate>().0);
    assert_eq!(second.world().resource::<ActiveSeat>().0, Seat::Facilitator);

    // Playing on appends to the same session; ending the exercise finishes it.
    send(
        &mut second,
        UiCommand::Control(Command::Note("after the resume".into())),
    );
    assert_eq!(dir_of(&second), dir);
    assert!(records(&dir).iter().any(|r| matches!(
        &r.kind,
        RecordKind::Command(Command::Note(t)) if t == "after the resume"
    )));
    go(&mut second, Screen::End);
    assert!(dir.join("journal.jsonl").is_file());
    assert_eq!(
        std::fs::read_to_string(dir.join("journal.jsonl")).expect("journal"),
        journal(&second)
    );
    assert!(store::resumable(&root).expect("lists").is_empty());
    let _ = std::fs::remove_dir_all(&root);
}

fn dir_of(app: &App) -> PathBuf {
    dir(app)
}

#[test]
fn back_to_the_exercise_after_the_end_records_in_a_new_session() {
    let root = root("playon");
    let mut app = app(&root);
    start(&mut app);
    send(
        &mut app,
        UiCommand::Control(Command::Note("before the end".into())),
    );
    let first = dir(&app);
    go(&mut app, Screen::End);
    go(&mut app, Screen::Exercise);
    send(
        &mut app,
        UiCommand::Control(Command::Note("after the end".into())),
    );
    let second = dir(&app);
    assert_ne!(first, second);
    let recovered = store::Session::open(&second).expect("opens");
    assert_eq!(recovered.engine.journal().to_jsonl(), journal(&app));
    assert!(
        recovered.session.header().forked_from.is_some(),
        "names the session it carries on"
    );
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn cancelling_the_gate_leaves_the_session_unfinished_and_discard_hides_it() {
    let root = root("gate");
    let mut first = app(&root);
    start(&mut first);
    send(&mut first, UiCommand::Control(Command::Note("kept".into())));
    let dir = dir(&first);
    drop(first);

    let mut second = app(&root);
    second.world_mut().write_message(ResumeSession(dir.clone()));
    second.update();
    second.update();
    second.world_mut().write_message(ConfirmSeat(false));
    second.update();
    second.update();
    assert_eq!(
        *second.world().resource::<State<Screen>>().get(),
        Screen::Select
    );
    assert!(!dir.join("journal.jsonl").exists(), "not finished");
    assert_eq!(store::resumable(&root).expect("lists").len(), 1);
    assert_eq!(second.world().resource::<Resumable>().offers.len(), 1);

    second
        .world_mut()
        .write_message(DismissSession(dir.clone()));
    second.update();
    assert!(second.world().resource::<Resumable>().offers.is_empty());
    // Back on the list later in this run: still hidden; still on disk.
    go(&mut second, Screen::Briefing);
    go(&mut second, Screen::Select);
    assert!(second.world().resource::<Resumable>().offers.is_empty());
    assert!(dir.join("commands.jsonl").is_file());
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn a_resume_that_fails_is_told_on_the_list() {
    let root = root("broken");
    let mut app = app(&root);
    let nowhere = root.join("no-such-session");
    app.world_mut()
        .write_message(ResumeSession(nowhere.clone()));
    app.update();
    app.update();
    assert_eq!(
        *app.world().resource::<State<Screen>>().get(),
        Screen::Select
    );
    let error = app.world().resource::<Resumable>().error.clone();
    let (dir, why) = error.expect("an error");
    assert_eq!(dir, nowhere);
    assert!(why.contains("not a session folder"), "{why}");
}

#[test]
fn a_disk_error_does_not_stop_the_exercise() {
    let root = root("diskfull");
    let mut app = app(&root);
    start(&mut app);
    // Recording to a file that cannot take more bytes (Linux: /dev/full).
    let full = root.join("full");
    std::fs::create_dir_all(&full).expect("dir");
    #[cfg(unix)]
    let _ = std::os::unix::fs::symlink("/dev/full", full.join("commands.jsonl"));
    let s = app.world().resource::<Session>().scenario.clone();
    let mut broken = Recorder::start_in(&root, &full, &Origin::DEFAULT, &s, 1);
    if broken.failed().is_none() {
        // Created: the first record must fail instead.
        let mut engine = crate::engine::Engine::new(s.clone(), 1);
        let _ = broken.apply(&mut engine, Command::Note("x".into()));
    }
    if broken.failed().is_none() {
        eprintln!("no /dev/full: the disk error is not exercised");
        // No /dev/full here: nothing more to check.
        return;
    }
    app.insert_resource(broken);
    send(
        &mut app,
        UiCommand::Control(Command::Note("while the disk is full".into())),
    );
    clock(&mut app, ClockCommand::Speed(60));
    clock(&mut app, ClockCommand::Resume);
    for _ in 0..20 {
        app.update();
    }
    let host = app.world().resource::<EngineHost>();
    assert!(host.engine().now() > 0, "the exercise goes on");
    assert!(host.engine().journal().entries.iter().any(
        |e| matches!(&e.kind, EntryKind::Command(c) if matches!(&**c, Command::Note(t) if t == "while the disk is full"))
    ));
    assert!(app.world().resource::<Recorder>().failed().is_some());
    // "Save to a new session" writes the whole run so far somewhere that works.
    app.world_mut()
        .write_message(crate::gui::exercise::adapter::RecordAgain);
    app.update();
    let r = app.world().resource::<Recorder>();
    assert!(r.failed().is_none() && r.recording(), "{:?}", r.failed());
    let again = r.dir().expect("dir").to_path_buf();
    clock(&mut app, ClockCommand::Pause);
    app.update();
    let recovered = store::Session::open(&again).expect("opens");
    assert_eq!(recovered.engine.journal().to_jsonl(), journal(&app));
    let _ = std::fs::remove_dir_all(&root);
}
