//! Headless tests of the exercise seam: every way into an exercise sends one
//! [`StartExercise`] and only the adapter makes what the screen runs on; the seat changes
//! only by message, and a team seat's picture holds only what the team sees.

use super::adapter::EngineHost;
use super::clock::{ClockCommand, ExerciseClock};
use super::command::UiCommand;
use super::picture::{Picture, ServiceCard};
use super::record::{Recorder, SessionRoot};
use super::start::{Begin, Recording, StartExercise};
use crate::engine::{Command, Engine};
use crate::gui::GuiOptions;
use crate::gui::catalog::{self, Origin};
use crate::gui::debrief::{Debrief, PlayFrom, Source};
use crate::gui::resume::ResumeSession;
use crate::gui::screens::Screen;
use crate::gui::session::{ActiveSeat, AssignSeat, ConfirmSeat, RequestSeat, Seat, Session};
use crate::scenario::{self, DEFAULT_SCENARIO, Scenario, ServiceId, TeamId};
use bevy::prelude::*;
use std::path::PathBuf;
use std::sync::Arc;

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("crossdrill-seam-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// Headless app on scenario select with the seat messages; `adapter` adds the exercise's
/// clock, commands and engine adapter.
fn app(adapter: bool) -> App {
    let mut app = crate::gui::testkit::headless(100);
    app.add_plugins(crate::gui::session::plugin);
    if adapter {
        app.add_plugins(super::engine_plugins);
    }
    app
}

/// Nothing the exercise screen runs on exists.
fn no_exercise(app: &App) {
    let w = app.world();
    assert!(!w.contains_resource::<EngineHost>(), "an engine");
    assert!(!w.contains_resource::<Picture>(), "a picture");
    assert!(!w.contains_resource::<ExerciseClock>(), "a clock");
    assert!(!w.contains_resource::<Recorder>(), "a recorder");
}

/// The starts sent (and not yet answered).
fn starts(app: &mut App) -> Vec<StartExercise> {
    app.world_mut()
        .resource_mut::<Messages<StartExercise>>()
        .drain()
        .collect()
}

fn screen(app: &App) -> Screen {
    *app.world().resource::<State<Screen>>().get()
}

#[test]
fn the_command_line_sends_a_start_and_only_the_adapter_makes_the_exercise() {
    let dir = temp("route");
    let file = dir.join("drill.scenario.ron");
    std::fs::write(&file, DEFAULT_SCENARIO.1).expect("write scenario");
    let routed = |adapter: bool| {
        let mut app = app(adapter);
        app.insert_resource(GuiOptions {
            scenario: Some(file.clone()),
            seat: Some("observer".into()),
            ..default()
        });
        app.add_message::<ResumeSession>();
        app.add_message::<crate::gui::net::JoinSeat>();
        app.add_message::<crate::gui::net::StartHosting>();
        app.add_plugins((catalog::plugin, crate::gui::screens::start::plugin));
        app.update();
        app
    };
    let mut alone = routed(false);
    no_exercise(&alone);
    let sent = starts(&mut alone);
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].seat, Seat::Observer);
    assert!(matches!(sent[0].engine, Begin::Fresh { seed: 1, .. }));
    assert!(matches!(&sent[0].recording, Recording::New(Origin::File(f)) if *f == file));
    assert_eq!(
        screen(&alone),
        Screen::Select,
        "the adapter opens the exercise"
    );

    let mut app = routed(true);
    app.update();
    assert_eq!(screen(&app), Screen::Exercise);
    assert_eq!(app.world().resource::<ActiveSeat>().0, Seat::Observer);
    assert_eq!(app.world().resource::<Picture>().seat, Seat::Observer);
    assert!(app.world().contains_resource::<EngineHost>());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn resuming_sends_a_start_that_takes_the_session_over() {
    let root = temp("resume");
    let dir = root.join("kept");
    let (name, text) = DEFAULT_SCENARIO;
    let mut rec = crate::session::Session::create(&dir, name, text, 3).expect("created");
    let mut engine = Engine::new(rec.scenario().clone(), 3);
    engine.advance_to(900);
    rec.apply(&mut engine, Command::Note("kept".into()))
        .expect("written")
        .expect("accepted");
    drop(rec);
    let mut app = app(false);
    app.insert_resource(SessionRoot(root.clone()));
    app.add_plugins(crate::gui::resume::plugin);
    app.update();
    app.world_mut().write_message(ResumeSession(dir.clone()));
    app.update();
    no_exercise(&app);
    let mut sent = starts(&mut app);
    assert_eq!(sent.len(), 1);
    let start = sent.remove(0);
    assert_eq!((start.at, start.seat), (900, Seat::Facilitator));
    let (Begin::TakeOver(e), Recording::Continue { session, .. }) = (start.engine, start.recording)
    else {
        panic!("a resumed session is taken over and appended to");
    };
    assert_eq!(e.journal(), engine.journal());
    assert_eq!(session.dir(), dir);
    assert_eq!(app.world().resource::<Session>().seed, 3);
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn play_from_here_sends_a_start_and_makes_nothing_itself() {
    let s = Arc::new(scenario::builtin_default());
    let mut played = Engine::new(s.clone(), 5);
    played.advance_to(3600);
    let mut app = app(false);
    app.insert_resource(crate::gui::i18n::I18n::new(scenario::Lang::En));
    app.add_plugins(crate::gui::debrief::plugin);
    app.insert_resource(Debrief::from_engine(
        &played,
        Origin::DEFAULT,
        Source::Exercise,
    ));
    app.world_mut().resource_mut::<ActiveSeat>().0 = Seat::Observer;
    app.update();
    app.world_mut().write_message(PlayFrom(1200));
    app.update();
    no_exercise(&app);
    let sent = starts(&mut app);
    assert_eq!(sent.len(), 1);
    assert_eq!((sent[0].at, sent[0].seat), (1200, Seat::Observer));
    assert!(matches!(&sent[0].engine, Begin::TakeOver(e) if e.now() == 1200));
    assert!(
        matches!(sent[0].recording, Recording::Off),
        "nothing on disk"
    );
}

/// Start an exercise of the default scenario in `seat` the way the briefing does, and let
/// the adapter open it.
pub(crate) fn start_fresh(app: &mut App, seat: Seat) -> Arc<Scenario> {
    let s = Arc::new(scenario::builtin_default());
    let session = Session::new(Origin::DEFAULT, s.clone());
    app.world_mut()
        .write_message(StartExercise::fresh(&session, seat));
    app.insert_resource(session);
    app.update();
    app.update();
    s
}

/// The adapter running an exercise of the default scenario, started by message in `seat`.
pub(crate) fn playing(seat: Seat, root: Option<PathBuf>) -> (App, Arc<Scenario>) {
    let mut app = app(true);
    if let Some(root) = root {
        app.insert_resource(SessionRoot(root));
    }
    let s = start_fresh(&mut app, seat);
    (app, s)
}

/// The first team that controls a service.
fn a_team(s: &Scenario) -> TeamId {
    (0..s.services.len())
        .find_map(|i| s.controller_of(ServiceId(i as u32)))
        .expect("a team controls a service")
}

fn team_sees_only_its_own(app: &App, s: &Scenario, team: TeamId) {
    let p = app.world().resource::<Picture>();
    assert_eq!(p.seat, Seat::Team(team));
    for (i, card) in p.services.iter().enumerate() {
        let own = s.controller_of(ServiceId(i as u32)) == Some(team);
        assert_eq!(own, card.capacity.is_some(), "{}", s.services[i].id);
        if !own {
            assert_eq!(*card, ServiceCard::unknown());
        }
    }
    assert!(p.injects.is_empty() && p.notes.is_empty() && p.tally.impact.is_none());
    assert!(p.score.is_none() && p.in_flight.is_empty());
}

#[test]
fn the_seat_changes_by_message_and_a_team_seat_is_fed_only_its_view() {
    let s = Arc::new(scenario::builtin_default());
    let team = a_team(&s);
    let (mut app, _) = playing(Seat::Team(team), None);
    assert_eq!(app.world().resource::<ActiveSeat>().0, Seat::Team(team));
    app.world_mut()
        .write_message(ClockCommand::JumpTo(3 * 3600));
    app.update();
    team_sees_only_its_own(&app, &s, team);

    app.world_mut().write_message(AssignSeat(Seat::Facilitator));
    app.update();
    assert_eq!(app.world().resource::<ActiveSeat>().0, Seat::Facilitator);
    let truth = app.world().resource::<Picture>();
    assert_eq!(truth.seat, Seat::Facilitator);
    assert!(truth.services.iter().all(|c| c.capacity.is_some()));
    assert!(truth.tally.impact.is_some_and(|v| v > 0.0));

    app.world_mut().write_message(RequestSeat(Seat::Team(team)));
    app.update();
    assert_eq!(app.world().resource::<ActiveSeat>().0, Seat::Facilitator);
    app.world_mut().write_message(ConfirmSeat(true));
    app.update();
    team_sees_only_its_own(&app, &s, team);

    // A restart is a start like any other: same team seat, from zero.
    app.world_mut().write_message(UiCommand::Restart);
    app.update();
    assert_eq!(app.world().resource::<ActiveSeat>().0, Seat::Team(team));
    assert_eq!(app.world().resource::<EngineHost>().engine().now(), 0);
    team_sees_only_its_own(&app, &s, team);
}

#[test]
fn a_restart_finishes_the_old_session_and_records_the_new_run_in_its_own() {
    let root = temp("restart");
    let (mut app, _) = playing(Seat::Facilitator, Some(root.clone()));
    app.world_mut().write_message(ClockCommand::Speed(10));
    app.world_mut().write_message(ClockCommand::JumpTo(600));
    app.update();
    let first = app.world().resource::<Recorder>();
    assert!(first.recording());
    let first = first.dir().expect("a folder").to_path_buf();
    app.world_mut().write_message(UiCommand::Restart);
    app.update();
    assert!(
        first.join("journal.jsonl").is_file(),
        "the old run is finished"
    );
    let r = app.world().resource::<Recorder>();
    assert!(r.recording());
    assert_ne!(r.dir(), Some(first.as_path()));
    let clock = app.world().resource::<ExerciseClock>();
    assert_eq!((clock.secs(), clock.speed, clock.paused), (0, 10, true));
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn a_run_taken_over_into_a_new_recording_is_written_whole() {
    let root = temp("takeover");
    let s = Arc::new(scenario::builtin_default());
    let mut engine = Engine::new(s.clone(), 4);
    engine.advance_to(600);
    engine.apply(Command::Note("before".into())).expect("note");
    let mut app = app(true);
    app.insert_resource(SessionRoot(root.clone()));
    app.insert_resource(Session::new(Origin::DEFAULT, s));
    app.world_mut().write_message(StartExercise {
        at: 600,
        engine: Begin::TakeOver(Box::new(engine.clone())),
        recording: Recording::New(Origin::DEFAULT),
        seat: Seat::Facilitator,
        bots: Default::default(),
    });
    app.update();
    assert_eq!(screen(&app), Screen::Exercise);
    assert_eq!(app.world().resource::<ExerciseClock>().secs(), 600);
    let r = app.world().resource::<Recorder>();
    assert!(r.recording(), "{:?}", r.failed());
    let dir = r.dir().expect("a folder").to_path_buf();
    assert!(dir.starts_with(&root));
    let back = crate::session::Session::open(&dir).expect("opens");
    assert_eq!(back.engine.journal(), engine.journal());
    let _ = std::fs::remove_dir_all(&root);
}

/// An exercise recorded under `root`, started with `options`; the app and its session
/// folder.
fn recorded(root: &std::path::Path, options: GuiOptions) -> (App, PathBuf) {
    let s = Arc::new(scenario::builtin_default());
    let mut app = app(true);
    app.insert_resource(options);
    app.insert_resource(SessionRoot(root.to_path_buf()));
    app.insert_resource(Session::new(Origin::DEFAULT, s.clone()));
    app.world_mut().write_message(StartExercise {
        at: 0,
        engine: Begin::Fresh {
            scenario: s,
            seed: 7,
        },
        recording: Recording::New(Origin::DEFAULT),
        seat: Seat::Facilitator,
        bots: Default::default(),
    });
    app.update();
    let dir = app.world().resource::<Recorder>().dir().map(PathBuf::from);
    (app, dir.expect("a session folder"))
}

fn unfinished(root: &std::path::Path) -> usize {
    crate::session::list(root)
        .expect("the sessions list")
        .iter()
        .filter(|l| l.summary.as_ref().is_ok_and(|s| !s.ended))
        .count()
}

#[test]
fn a_run_that_exits_by_itself_leaves_no_session_to_resume() {
    let root = temp("self-exit");
    let shot = GuiOptions {
        screenshot: Some(root.join("shot.png")),
        ..default()
    };
    let (mut app, dir) = recorded(&root, shot);
    assert_eq!(unfinished(&root), 1, "recording while it runs");
    app.world_mut().write_message(AppExit::Success);
    app.update();
    assert_eq!(unfinished(&root), 0, "finished as it exits");
    assert!(dir.join("journal.jsonl").is_file());
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn a_window_the_facilitator_closes_leaves_the_session_to_resume() {
    let root = temp("closed");
    let (mut app, _) = recorded(&root, GuiOptions::default());
    app.world_mut().write_message(AppExit::Success);
    app.update();
    assert_eq!(unfinished(&root), 1);
    let _ = std::fs::remove_dir_all(&root);
}
