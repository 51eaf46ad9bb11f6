//! Headless tests of bot teams in the exercise: their commands take the path a person's
//! take (into the journal and the session on disk, replaying to the same run), a team
//! left to exercise control gets none, and a resumed session's bots go on without
//! repeating what their teams already said.

use super::adapter::EngineHost;
use super::clock::{ClockCommand, ExerciseClock};
use super::picture::Picture;
use super::record::{Recorder, SessionRoot};
use super::start::StartExercise;
use crate::bots::{self, Cast, Outlook, Profile};
use crate::engine::{Command, Engine, replay};
use crate::gui::catalog::Origin;
use crate::gui::session::{Seat, Session};
use crate::scenario::{self, Scenario, Secs, TeamId};
use bevy::prelude::*;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

const SEED: u64 = 11;
/// 1:30 into the exercise.
const UNTIL: Secs = 5400;

fn temp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("crossdrill-bots-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

/// A headless app with the exercise's clock, commands and adapter, recording under `root`.
fn app(root: &Path) -> App {
    let mut app = crate::gui::testkit::headless(100);
    app.add_plugins(crate::gui::session::plugin);
    app.add_plugins(super::engine_plugins);
    app.insert_resource(SessionRoot(root.to_path_buf()));
    app
}

/// Start the default scenario in the facilitator's seat with `cast`, as the briefing does.
fn start(app: &mut App, cast: impl Fn(&Scenario) -> Cast) -> Arc<Scenario> {
    let s = Arc::new(scenario::builtin_default());
    let mut session = Session::new(Origin::DEFAULT, s.clone());
    session.seed = SEED;
    session.bots = cast(&s);
    app.world_mut()
        .write_message(StartExercise::fresh(&session, Seat::Facilitator));
    app.insert_resource(session);
    app.update();
    app.update();
    s
}

/// Run the clock at top speed (360 exercise seconds an update) to `until`, then pause.
fn run_to(app: &mut App, until: Secs) {
    app.world_mut().write_message(ClockCommand::Speed(3600));
    app.world_mut().write_message(ClockCommand::Resume);
    for _ in 0..200 {
        app.update();
        if app.world().resource::<ExerciseClock>().secs() + 360 >= until {
            break;
        }
    }
    app.world_mut().write_message(ClockCommand::JumpTo(until));
    app.world_mut().write_message(ClockCommand::Pause);
    app.update();
    app.update();
}

/// The folder the exercise records into.
fn session_dir(app: &App) -> PathBuf {
    app.world()
        .resource::<Recorder>()
        .dir()
        .expect("a folder")
        .to_path_buf()
}

/// The session in `dir` read back, and the cast its header names.
fn on_disk(dir: &Path, s: &Scenario) -> (crate::session::Recovered, Cast) {
    let back = crate::session::Session::open(dir).expect("opens");
    let named = Cast::parse(&back.session.header().bots, s).expect("the header's bots");
    (back, named)
}

fn engine(app: &App) -> &Engine {
    app.world().resource::<EngineHost>().engine()
}

fn team_commands(e: &Engine, team: TeamId) -> usize {
    let of = |c: &Command| c.team() == Some(team);
    e.journal().commands().iter().filter(|(_, c)| of(c)).count()
}

/// What a message is about: its incidents and its services.
fn subjects(c: &Command) -> Vec<(u8, u32)> {
    let Command::Send { draft, .. } = c else {
        return vec![];
    };
    let incidents = draft.incidents.iter().map(|i| (1, i.0));
    incidents
        .chain(draft.services.iter().map(|s| (2, s.0)))
        .collect()
}

/// (team, recipient, subject) of every message sent.
fn told(commands: &[(Secs, Command)]) -> HashSet<(u32, u32, (u8, u32))> {
    let mut out = HashSet::new();
    for (_, c) in commands {
        if let Command::Send { team, to, .. } = c {
            for t in to {
                out.extend(subjects(c).into_iter().map(|s| (team.0, t.0, s)));
            }
        }
    }
    out
}

/// The messages of `after` that tell a team nothing `before` had not told it.
fn repeated(before: &[(Secs, Command)], after: &[(Secs, Command)]) -> Vec<Command> {
    let known = told(before);
    let stale = |c: &Command| match c {
        Command::Send { team, to, .. } => to.iter().any(|t| {
            let s = subjects(c);
            !s.is_empty() && s.iter().all(|s| known.contains(&(team.0, t.0, *s)))
        }),
        _ => false,
    };
    after
        .iter()
        .map(|(_, c)| c)
        .filter(|c| stale(c))
        .cloned()
        .collect()
}

#[test]
fn textbook_bots_play_every_team_into_the_session_and_the_run_replays() {
    let root = temp("all");
    let mut app = app(&root);
    let s = start(&mut app, |s| Cast::all(s, Profile::Textbook));
    run_to(&mut app, UNTIL);
    let e = engine(&app);
    assert_eq!(e.now(), UNTIL);
    let playing: Vec<usize> = (0..s.teams.len())
        .map(|t| team_commands(e, TeamId(t as u32)))
        .collect();
    assert!(
        playing.iter().filter(|n| **n > 0).count() >= 2,
        "{playing:?}"
    );
    // The same run as the bots give headless, stepping from event to event.
    let mut alone = Engine::new(s.clone(), SEED);
    let mut cast = Cast::all(&s, Profile::Textbook).bots(&Arc::new(Outlook::new(&s)), SEED);
    bots::play(&mut alone, &mut cast, &[], UNTIL);
    assert_eq!(alone.journal().hash(), e.journal().hash());
    let again = replay(s.clone(), SEED, &e.journal().commands(), UNTIL).expect("replays");
    assert_eq!(again.journal().hash(), e.journal().hash());
    // On disk: every command, and who the bots are.
    let dir = session_dir(&app);
    let (back, named) = on_disk(&dir, &s);
    assert_eq!(back.engine.journal().hash(), e.journal().hash());
    assert_eq!(named, Cast::all(&s, Profile::Textbook));
    let shown = &app.world().resource::<Picture>().bots;
    assert_eq!(*shown, vec![Some(Profile::Textbook); s.teams.len()]);
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn a_team_left_to_exercise_control_gets_no_bot_commands() {
    let root = temp("control");
    let mut app = app(&root);
    let s = start(&mut app, |s| Cast::all(s, Profile::Textbook));
    run_to(&mut app, UNTIL);
    let busiest = (0..s.teams.len() as u32)
        .map(TeamId)
        .max_by_key(|t| team_commands(engine(&app), *t))
        .expect("a team");
    assert!(team_commands(engine(&app), busiest) > 0);
    let mut app = self::app(&root);
    start(&mut app, |s| {
        let mut c = Cast::all(s, Profile::Textbook);
        c.profiles[busiest.idx()] = None;
        c
    });
    run_to(&mut app, UNTIL);
    assert_eq!(team_commands(engine(&app), busiest), 0);
    let others = (0..s.teams.len() as u32).map(|t| team_commands(engine(&app), TeamId(t)));
    assert!(others.sum::<usize>() > 0, "the other bots still play");
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn a_resumed_session_brings_its_bots_back_and_they_do_not_repeat_themselves() {
    let root = temp("resume");
    let mut app = app(&root);
    start(&mut app, |s| Cast::all(s, Profile::Textbook));
    run_to(&mut app, UNTIL);
    let before = engine(&app).journal().commands();
    let dir = session_dir(&app);
    // The screen closes without finishing: a crash, as far as the session knows.
    drop(app);
    let recovered = crate::session::Session::open(&dir).expect("opens");
    let mut app = self::app(&root);
    let s = recovered.engine.scenario().clone();
    app.insert_resource(Session::new(Origin::DEFAULT, s.clone()));
    app.world_mut()
        .write_message(StartExercise::recovered(recovered, Seat::Facilitator));
    app.update();
    app.update();
    assert_eq!(engine(&app).now(), UNTIL);
    let shown = &app.world().resource::<Picture>().bots;
    assert_eq!(*shown, vec![Some(Profile::Textbook); s.teams.len()]);
    run_to(&mut app, UNTIL + 1800);
    let all = engine(&app).journal().commands();
    let after = &all[before.len()..];
    assert!(!after.is_empty(), "the bots play on");
    let again = repeated(&before, after);
    assert!(again.is_empty(), "told again: {again:?}");
    assert_eq!(&all[..before.len()], &before[..]);
    let _ = std::fs::remove_dir_all(&root);
}

#[test]
fn a_seat_handed_to_a_person_stops_its_bot_and_the_header_says_so() {
    let root = temp("release");
    let mut app = app(&root);
    let s = start(&mut app, |s| Cast::all(s, Profile::Textbook));
    let grid = s.team_by_id("grid").expect("grid");
    app.world_mut()
        .write_message(super::adapter::ReleaseBot(grid));
    run_to(&mut app, UNTIL);
    let e = engine(&app);
    assert_eq!(team_commands(e, grid), 0);
    let others: usize = (0..s.teams.len() as u32)
        .map(|t| team_commands(e, TeamId(t)))
        .sum();
    assert!(others > 0);
    let host = app.world().resource::<EngineHost>();
    assert_eq!(host.cast().of(grid), None);
    let dir = session_dir(&app);
    let (_, named) = on_disk(&dir, &s);
    assert_eq!(named.of(grid), None);
    assert_eq!(
        named.profiles.iter().filter(|p| p.is_some()).count(),
        s.teams.len() - 1
    );
    let _ = std::fs::remove_dir_all(&root);
}
