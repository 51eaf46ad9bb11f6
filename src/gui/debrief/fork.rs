//! "Play from here": a new exercise from the scrubber's moment (same seed, the commands given
//! up to it), handed to the exercise screen. A run on disk is forked into a new session
//! (recorded from there on like any exercise); otherwise the engine is rebuilt in memory.

use super::compare::ForkOf;
use super::run::Debrief;
use super::scrub::Scrubber;
use crate::gui::exercise::record::SessionRoot;
use crate::gui::exercise::start::{Begin, Recording, StartExercise};
use crate::gui::session::{ActiveSeat, Session};
use crate::scenario::Secs;
use crate::session;
use bevy::prelude::*;
use std::sync::Arc;

/// Start a new exercise from this moment of the run in the debrief.
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PlayFrom(pub Secs);

/// Why the last "play from here" failed, for the debrief to show.
#[derive(Resource, Debug, Default, Clone)]
pub(crate) struct ForkStatus(pub Option<String>);

pub(super) fn plugin(app: &mut App) {
    app.add_message::<PlayFrom>();
    app.add_message::<StartExercise>();
    app.init_resource::<ForkStatus>();
    app.add_systems(
        Update,
        play_from.run_if(resource_exists::<Debrief>.and_then(resource_exists::<Scrubber>)),
    );
}

#[allow(clippy::too_many_arguments)]
fn play_from(
    mut asked: MessageReader<PlayFrom>,
    mut commands: Commands,
    debrief: Res<Debrief>,
    scrubber: Res<Scrubber>,
    root: Option<Res<SessionRoot>>,
    seat: Res<ActiveSeat>,
    mut status: ResMut<ForkStatus>,
    mut starts: MessageWriter<StartExercise>,
) {
    let Some(PlayFrom(at)) = asked.read().last().copied() else {
        return;
    };
    let at = at.min(debrief.end);
    let d = &*debrief;
    let on_disk = root
        .as_ref()
        .zip(d.fork_source())
        .map(|(root, (from, sc))| {
            let dir = session::new_dir(&root.0, &d.scenario.id);
            session::fork(from, at, &dir, sc)
        });
    let mut gui = Session::new(d.origin.clone(), d.scenario.clone());
    gui.seed = d.seed;
    gui.design = d.design.clone();
    let start = match on_disk {
        // The exercise screen takes it over and records on into the new session.
        Some(Ok(recovered)) => StartExercise::recovered(recovered, seat.0),
        Some(Err(e)) => {
            error!("cannot fork {}: {e}", d.scenario.id);
            status.0 = Some(e.to_string());
            return;
        }
        None => StartExercise {
            engine: Begin::TakeOver(Box::new(scrubber.engine_at(at))),
            at,
            recording: Recording::Off,
            seat: seat.0,
            bots: Default::default(),
        },
    };
    gui.scenario = start.scenario().clone();
    starts.write(start);
    status.0 = None;
    commands.insert_resource(gui);
    commands.insert_resource(ForkOf {
        original: Arc::new(d.clone()),
        at,
    });
    commands.remove_resource::<Debrief>();
    commands.remove_resource::<Scrubber>();
}
