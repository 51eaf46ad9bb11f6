//! Bot teams in the running exercise: made once per exercise from its cast (seeded with the
//! run's seed), they look at their team's sight of the engine and send what has come due
//! through the path every command takes ([`EngineHost::give`]: applied, recorded in the
//! session, shown in the log). While bots play, the engine goes to the clock in steps that
//! end at each event and each bot step on the way, so a fast clock never makes a bot late.

use super::super::record::Recorder;
use super::EngineHost;
use crate::bots::{Cast, EngineSight, Outlook, Table, play_on};
use crate::engine::{Command, Engine};
use crate::scenario::{Secs, TeamId};
use bevy::prelude::*;
use std::sync::Arc;

/// Most stops on the way to the clock in one frame; the rest waits for the next frame.
const STOPS_PER_FRAME: usize = 1000;

/// A person takes a team's seat from its bot (the facilitator issued the seat's file
/// while hosting): the bot stops, and the session's header says so.
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ReleaseBot(pub TeamId);

pub(super) fn plugin(app: &mut App) {
    app.add_message::<ReleaseBot>();
    app.add_systems(Update, release.run_if(resource_exists::<EngineHost>));
}

fn release(
    mut asked: MessageReader<ReleaseBot>,
    mut host: ResMut<EngineHost>,
    recorder: Option<ResMut<Recorder>>,
) {
    let mut changed = false;
    for ReleaseBot(team) in asked.read() {
        host.bots.retain(|b| b.team() != *team);
        if let Some(p) = host.cast.profiles.get_mut(team.idx()) {
            changed |= p.take().is_some();
        }
    }
    if let (true, Some(mut r)) = (changed, recorder) {
        let cast = host.cast.describe(host.engine.scenario());
        r.keep_bots(cast);
    }
}

impl EngineHost {
    /// Give the teams of `cast` to bots seeded with the run's seed. A run taken over
    /// part-way (`resumed`, the engine brought back): each bot first takes in what its
    /// team has seen and done, so it goes on without repeating it.
    pub(super) fn cast_bots(&mut self, cast: Cast, resumed: bool) {
        let outlook = Arc::new(Outlook::new(self.engine.scenario()));
        self.bots = cast.bots(&outlook, self.engine.seed());
        if resumed {
            for bot in &mut self.bots {
                bot.resume(&EngineSight::new(&self.engine, bot.team()));
            }
        }
        self.cast = cast;
    }

    /// The teams bots play in this exercise.
    pub(crate) fn cast(&self) -> &Cast {
        &self.cast
    }

    /// Advance the engine to `target` (the clock); with bots, stop at each event and bot
    /// step on the way and let the bots act there ([`crate::bots::play_on`]).
    pub(super) fn advance_with_bots(&mut self, target: Secs, recorder: Option<&mut Recorder>) {
        if self.bots.is_empty() {
            if target > self.engine.now() {
                self.engine.advance_to(target);
            }
            return;
        }
        let mut bots = std::mem::take(&mut self.bots);
        let mut live = Live {
            host: self,
            recorder,
        };
        play_on(&mut live, &mut bots, &[], target, STOPS_PER_FRAME);
        self.bots = bots;
    }
}

/// The running exercise as bots play it: commands go the way every command goes.
struct Live<'a, 'r> {
    host: &'a mut EngineHost,
    recorder: Option<&'r mut Recorder>,
}

impl Table for Live<'_, '_> {
    fn engine(&self) -> &Engine {
        &self.host.engine
    }

    fn advance_to(&mut self, t: Secs) {
        self.host.engine.advance_to(t);
    }

    fn give(&mut self, cmd: Command) -> bool {
        let team = cmd.team();
        match self.host.give(self.recorder.as_deref_mut(), cmd) {
            Ok(_) => true,
            // A step that became impossible meanwhile: the bot lets it go.
            Err(e) => {
                debug!("bot {team:?}: refused: {e}");
                false
            }
        }
    }
}
