//! The timeline scrubber: the world at the moment the debrief shows, rebuilt from the journal
//! whenever another moment is asked for. The only code of the debrief that drives an engine.

use super::run::Debrief;
use super::timeline::{Moment, Refusal, Timeline};
use crate::engine::Engine;
use crate::gui::GuiOptions;
use crate::scenario::Secs;
use bevy::prelude::*;
use std::sync::Arc;

/// Show the world at this moment of the run (clamped to it).
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ScrubTo(pub Secs);

/// The run rebuilt at one moment.
#[derive(Resource, Debug)]
pub(crate) struct Scrubber {
    timeline: Timeline,
    moment: Moment,
    /// The journal the timeline was built for (to notice another run).
    built_for: Arc<crate::engine::Journal>,
    /// Bumped at every move, for views that cache what they draw.
    pub revision: u64,
}

impl Scrubber {
    pub(crate) fn new(debrief: &Debrief, at: Secs) -> Self {
        let timeline = Timeline::new(
            debrief.scenario.clone(),
            debrief.seed,
            debrief.commands(),
            debrief.end,
        );
        let moment = timeline.at(at);
        Self {
            timeline,
            moment,
            built_for: debrief.journal.clone(),
            revision: 0,
        }
    }

    /// The moment shown.
    pub(crate) fn at(&self) -> Secs {
        self.moment.engine.now()
    }

    pub(crate) fn end(&self) -> Secs {
        self.timeline.end()
    }

    /// The world at [`Self::at`]: ground truth and every team's view.
    pub(crate) fn engine(&self) -> &Engine {
        &self.moment.engine
    }

    /// A fresh copy of the world at `t`, to play on from there.
    pub(crate) fn engine_at(&self, t: Secs) -> Engine {
        self.timeline.at(t).engine
    }

    pub(crate) fn refused(&self) -> Option<&Refusal> {
        self.timeline.refused()
    }

    fn seek(&mut self, t: Secs) {
        self.timeline.seek(&mut self.moment, t);
        self.revision += 1;
    }
}

pub(super) fn plugin(app: &mut App) {
    app.add_message::<ScrubTo>();
    app.add_systems(
        PreUpdate,
        (prepare.run_if(resource_exists::<Debrief>), seek).chain(),
    );
}

/// A new run in the debrief: replay it once and stand at its end (or at `--run-for` when the
/// debrief was opened from the command line).
fn prepare(
    mut commands: Commands,
    debrief: Res<Debrief>,
    scrubber: Option<Res<Scrubber>>,
    options: Option<Res<GuiOptions>>,
) {
    if scrubber.is_some_and(|s| Arc::ptr_eq(&s.built_for, &debrief.journal)) {
        return;
    }
    let first = options
        .filter(|o| o.debrief.is_some() && debrief.source != super::run::Source::Exercise)
        .and_then(|o| o.run_for)
        .unwrap_or(debrief.end);
    commands.insert_resource(Scrubber::new(&debrief, first));
}

fn seek(mut asked: MessageReader<ScrubTo>, scrubber: Option<ResMut<Scrubber>>) {
    // Only the last request of a frame counts (a dragged slider sends many).
    let Some(ScrubTo(t)) = asked.read().last().copied() else {
        return;
    };
    if let Some(mut s) = scrubber
        && t.min(s.end()) != s.at()
    {
        s.seek(t);
    }
}
