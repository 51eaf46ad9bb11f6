//! The exercise's lifecycle, the one writer of what the exercise screen runs on: the engine,
//! the seat's picture, the clock and the recorder are made (or taken over) in answer to
//! [`StartExercise`] and dropped when the exercise is left for scenario select. A restart
//! (a new scenario version, or "restart") asks for a start like any other way in; the
//! session is finished when the exercise is left, or written anew after a disk error.

use super::super::clock::{ClockCommand, ExerciseClock};
use super::super::command::UiCommand;
use super::super::picture::Picture;
use super::super::record::{Recorder, SessionRoot};
use super::super::start::{Begin, Recording, StartExercise, StartSet};
use super::{DismissNotice, EngineHost, ExportStatus, LeaveUnfinished, RecordAgain};
use crate::gui::GuiOptions;
use crate::gui::screens::Screen;
use crate::gui::session::{ActiveSeat, Seat, Session};
use bevy::prelude::*;
use std::sync::Arc;

/// `--run-for` and `--speed` are applied once, at the first start of a new run.
#[derive(Resource)]
struct RunForApplied;

pub(super) fn plugin(app: &mut App) {
    app.add_message::<StartExercise>();
    app.add_message::<RecordAgain>();
    app.add_message::<DismissNotice>();
    app.add_message::<LeaveUnfinished>();
    app.configure_sets(
        PreUpdate,
        (StartSet::Ask, StartSet::Seat, StartSet::Answer).chain(),
    );
    app.add_systems(
        PreUpdate,
        (
            restart_if_needed
                .in_set(StartSet::Ask)
                .run_if(in_state(Screen::Exercise).and_then(resource_exists::<EngineHost>)),
            start.in_set(StartSet::Answer),
        ),
    );
    app.add_systems(
        OnTransition {
            exited: Screen::End,
            entered: Screen::Exercise,
        },
        carry_on,
    );
    app.add_systems(
        Update,
        (record_again, dismiss_notice).run_if(resource_exists::<Recorder>),
    );
    app.add_systems(OnExit(Screen::Exercise), finish);
    app.add_systems(OnEnter(Screen::Select), stop);
    app.add_systems(
        Last,
        finish_on_self_exit.run_if(resource_exists::<Recorder>),
    );
}

/// A run that exits by itself (`--screenshot`, `--bench-frames`) was a look at the app, not a drill: its
/// session is finished as it exits, so the next start does not offer to resume it. A
/// window the facilitator closes leaves the session to be resumed.
fn finish_on_self_exit(
    mut exits: MessageReader<AppExit>,
    options: Option<Res<GuiOptions>>,
    host: Option<Res<EngineHost>>,
    mut recorder: ResMut<Recorder>,
) {
    let exiting = exits.read().count() > 0;
    if let Some(host) = host
        && exiting
        && options.is_some_and(|o| o.exits_by_itself())
    {
        recorder.finish(&host.engine);
    }
}

/// The one system that makes (or replaces) the engine, the picture, the clock and the
/// recorder; the exercise screen opens on them.
#[allow(clippy::too_many_arguments)] // A bevy system: each argument is a resource it needs.
fn start(
    mut asked: ResMut<Messages<StartExercise>>,
    mut commands: Commands,
    options: Option<Res<GuiOptions>>,
    applied: Option<Res<RunForApplied>>,
    root: Option<Res<SessionRoot>>,
    running: Option<Res<EngineHost>>,
    recorder: Option<ResMut<Recorder>>,
    screen: Res<State<Screen>>,
    mut next: ResMut<NextState<Screen>>,
) {
    let Some(StartExercise {
        engine,
        mut at,
        recording,
        seat,
        bots,
    }) = asked.drain().last()
    else {
        return;
    };
    // The run being replaced is over: its session is finished.
    if let (Some(host), Some(mut r)) = (running, recorder) {
        r.finish(&host.engine);
    }
    let fresh = matches!(engine, Begin::Fresh { .. });
    let mut host = match engine {
        Begin::Fresh { scenario, seed } => EngineHost::new(scenario, seed),
        Begin::TakeOver(engine) => EngineHost::resumed(*engine),
    };
    host.cast_bots(bots, !fresh);
    let s = host.engine.scenario().clone();
    // The command line's --run-for and --speed apply once, to the first new run.
    let first = (fresh && applied.is_none()).then_some(options).flatten();
    let speed = first.as_ref().and_then(|o| o.speed);
    if let Some(d) = first.as_ref().and_then(|o| o.run_for) {
        at = d.min(s.duration);
        commands.insert_resource(RunForApplied);
    }
    let recorder = match recording {
        Recording::New(origin) => root.map(|root| {
            if fresh {
                Recorder::start(&root.0, &origin, &s, host.engine.seed())
            } else {
                Recorder::from_run(&root.0, &origin, &host.engine)
            }
        }),
        Recording::Continue { session, dropped } => {
            let dir = session.dir().to_path_buf();
            let root = root.map_or_else(
                || dir.parent().unwrap_or(&dir).to_path_buf(),
                |r| r.0.clone(),
            );
            let mut r = Recorder::resumed(&root, *session);
            r.notice = dropped;
            Some(r)
        }
        Recording::Off => None,
    };
    match recorder {
        Some(mut r) => {
            r.keep_bots(host.cast().describe(&s));
            commands.insert_resource(r)
        }
        None => commands.remove_resource::<Recorder>(),
    }
    let mut clock = ExerciseClock::new(s.duration);
    clock.t = at.min(s.duration) as f64;
    if let Some(speed) = speed {
        clock.speed = speed.clamp(1, 3600);
        clock.paused = clock.finished();
    }
    commands.insert_resource(clock);
    commands.insert_resource(Picture::empty(seat, s.services.len()));
    commands.insert_resource(host);
    if *screen.get() != Screen::Exercise {
        next.set(Screen::Exercise);
    }
}

/// Back from the end screen: carry on with the same run, in a session of its own.
fn carry_on(
    host: Option<Res<EngineHost>>,
    session: Option<Res<Session>>,
    recorder: Option<ResMut<Recorder>>,
) {
    if let (Some(host), Some(session), Some(mut r)) = (host, session, recorder)
        && Arc::ptr_eq(host.engine.scenario(), &session.scenario)
        && !r.recording()
    {
        r.start_again(&host.engine);
    }
}

fn stop(mut commands: Commands) {
    commands.remove_resource::<EngineHost>();
    commands.remove_resource::<Recorder>();
    commands.remove_resource::<Picture>();
    commands.remove_resource::<ExerciseClock>();
    commands.insert_resource(ExportStatus::default());
}

/// The exercise is left (its end, or the debrief): its session is finished, unless it is
/// left unfinished on purpose (it stays on disk to be resumed).
fn finish(
    host: Option<Res<EngineHost>>,
    recorder: Option<ResMut<Recorder>>,
    mut unfinished: MessageReader<LeaveUnfinished>,
) {
    if unfinished.read().count() > 0 {
        return;
    }
    if let (Some(host), Some(mut r)) = (host, recorder) {
        r.finish(&host.engine);
    }
}

/// After a disk error: write the whole run so far to a new session and carry on there.
fn record_again(
    mut asked: MessageReader<RecordAgain>,
    host: Option<Res<EngineHost>>,
    mut recorder: ResMut<Recorder>,
) {
    if asked.read().count() == 0 {
        return;
    }
    if let Some(host) = host
        && !recorder.recording()
    {
        recorder.start_again(&host.engine);
    }
}

/// What recovery dropped has been read.
fn dismiss_notice(mut asked: MessageReader<DismissNotice>, mut recorder: ResMut<Recorder>) {
    if asked.read().count() > 0 && recorder.notice.is_some() {
        recorder.notice = None;
    }
}

/// A new scenario version accepted during the exercise, or "restart": start again from zero
/// in the same seat (a team seat stays on the same team, by id, in the new version).
fn restart_if_needed(
    host: Res<EngineHost>,
    session: Res<Session>,
    clock: Res<ExerciseClock>,
    seat: Res<ActiveSeat>,
    mut ui: MessageReader<UiCommand>,
    mut starts: MessageWriter<StartExercise>,
    mut clock_commands: MessageWriter<ClockCommand>,
) {
    let asked = ui.read().any(|c| *c == UiCommand::Restart);
    let old = host.engine.scenario();
    if !asked && Arc::ptr_eq(old, &session.scenario) {
        return;
    }
    let seat = match seat.0 {
        Seat::Team(t) => {
            let id = old.teams.get(t.idx()).map(|x| x.id.as_str()).unwrap_or("");
            session
                .scenario
                .team_by_id(id)
                .map_or(Seat::Facilitator, Seat::Team)
        }
        other => other,
    };
    starts.write(StartExercise::fresh(&session, seat));
    // The new clock runs at the old one's speed.
    clock_commands.write(ClockCommand::Speed(clock.speed));
}
