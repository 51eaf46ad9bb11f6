//! The exercise's lifecycle: the engine made (or taken over from a resumed session)
//! when the exercise starts, restarted when the scenario or seed changes, written to a
//! new session after a disk error, finished and dropped when the exercise ends.

use super::super::clock::ExerciseClock;
use super::super::command::UiCommand;
use super::super::picture::Picture;
use super::super::record::{Recorder, SessionRoot};
use super::{EngineHost, ExportStatus, RecordAgain, RunForApplied};
use crate::gui::GuiOptions;
use crate::gui::resume::Resumed;
use crate::gui::session::{ActiveSeat, Seat, Session};
use bevy::prelude::*;
use std::sync::Arc;

#[allow(clippy::too_many_arguments)]
pub(super) fn start(
    mut commands: Commands,
    session: Option<Res<Session>>,
    options: Option<Res<GuiOptions>>,
    applied: Option<Res<RunForApplied>>,
    seat: Res<ActiveSeat>,
    running: Option<Res<EngineHost>>,
    root: Option<Res<SessionRoot>>,
    resumed: Option<ResMut<Resumed>>,
    recorder: Option<ResMut<Recorder>>,
) {
    let Some(session) = session else {
        return;
    };
    if let Some(recovered) = resumed.and_then(|mut r| r.0.take()) {
        commands.remove_resource::<Resumed>();
        let engine = recovered.engine;
        let s = engine.scenario().clone();
        let mut clock = ExerciseClock::new(s.duration);
        clock.t = engine.now() as f64;
        let dir = recovered.session.dir().to_path_buf();
        let root = root.map_or_else(
            || dir.parent().unwrap_or(&dir).to_path_buf(),
            |r| r.0.clone(),
        );
        let mut r = Recorder::resumed(&root, recovered.session);
        r.notice = recovered.dropped.map(|d| d.to_string());
        commands.insert_resource(r);
        commands.insert_resource(Picture::empty(seat.0, s.services.len()));
        commands.insert_resource(EngineHost::resumed(engine));
        commands.insert_resource(clock);
        return;
    }
    // Back from the end screen: carry on with the same run, in a session of its own.
    if let Some(host) = running
        && Arc::ptr_eq(host.engine.scenario(), &session.scenario)
    {
        if let Some(mut r) = recorder
            && !r.recording()
        {
            r.start_again(&host.engine);
        }
        return;
    }
    let s = session.scenario.clone();
    if let Some(root) = root {
        commands.insert_resource(Recorder::start(&root.0, &session.origin, &s, session.seed));
    }
    let mut clock = ExerciseClock::new(s.duration);
    if applied.is_none()
        && let Some(d) = options.and_then(|o| o.run_for)
    {
        clock.t = d.min(s.duration) as f64;
        commands.insert_resource(RunForApplied);
    }
    commands.insert_resource(Picture::empty(seat.0, s.services.len()));
    commands.insert_resource(EngineHost::new(s, session.seed));
    commands.insert_resource(clock);
}

pub(super) fn stop(mut commands: Commands) {
    commands.remove_resource::<EngineHost>();
    commands.remove_resource::<Recorder>();
    commands.remove_resource::<Picture>();
    commands.remove_resource::<ExerciseClock>();
    commands.insert_resource(ExportStatus::default());
}

/// The exercise is left (its end, or the debrief): its session is finished.
pub(super) fn finish(host: Option<Res<EngineHost>>, recorder: Option<ResMut<Recorder>>) {
    if let (Some(host), Some(mut r)) = (host, recorder) {
        r.finish(&host.engine);
    }
}

/// After a disk error: write the whole run so far to a new session and carry on there.
pub(super) fn record_again(
    mut asked: MessageReader<RecordAgain>,
    host: Res<EngineHost>,
    recorder: Option<ResMut<Recorder>>,
) {
    if asked.read().count() == 0 {
        return;
    }
    if let Some(mut r) = recorder
        && !r.recording()
    {
        r.start_again(&host.engine);
    }
}

/// A new scenario version accepted during the exercise, or "restart": start again from zero
/// (the old run's session is finished, the new run gets its own).
#[allow(clippy::too_many_arguments)]
pub(super) fn restart_if_needed(
    mut commands: Commands,
    mut host: ResMut<EngineHost>,
    session: Res<Session>,
    mut clock: ResMut<ExerciseClock>,
    mut ui: MessageReader<UiCommand>,
    mut seat: ResMut<ActiveSeat>,
    root: Option<Res<SessionRoot>>,
    recorder: Option<ResMut<Recorder>>,
) {
    let asked = ui.read().any(|c| *c == UiCommand::Restart);
    let changed = !Arc::ptr_eq(host.engine.scenario(), &session.scenario);
    if !asked && !changed {
        return;
    }
    let fresh =
        root.map(|root| Recorder::start(&root.0, &session.origin, &session.scenario, session.seed));
    match (recorder, fresh) {
        (Some(mut r), fresh) => {
            r.finish(&host.engine);
            if let Some(f) = fresh {
                // In place, so commands given in this frame go to the new session.
                *r = f;
            }
        }
        (None, Some(f)) => commands.insert_resource(f),
        (None, None) => {}
    }
    let old = host.engine.scenario().clone();
    *host = EngineHost::new(session.scenario.clone(), session.seed);
    let speed = clock.speed;
    *clock = ExerciseClock::new(session.scenario.duration);
    clock.speed = speed;
    // Keep a team seat on the same team (by id) in the new version.
    if let Seat::Team(t) = seat.0 {
        let id = old
            .teams
            .get(t.idx())
            .map(|x| x.id.clone())
            .unwrap_or_default();
        seat.0 = session
            .scenario
            .team_by_id(&id)
            .map_or(Seat::Facilitator, Seat::Team);
    }
}
