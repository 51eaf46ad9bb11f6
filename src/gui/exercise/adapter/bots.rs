//! Bot teams in the running exercise: made once per exercise from its cast (seeded with the
//! run's seed), they look at their team's sight of the engine and send what has come due
//! through the path every command takes ([`EngineHost::give`]: applied, recorded in the
//! session, shown in the log). While bots play, the engine goes to the clock in steps that
//! end at each event and each bot step on the way, so a fast clock never makes a bot late.

use super::super::record::Recorder;
use super::EngineHost;
use crate::bots::{Bot, Cast, EngineSight, Outlook};
use crate::scenario::Secs;
use bevy::prelude::*;
use std::sync::Arc;

/// Most stops on the way to the clock in one frame; the rest waits for the next frame.
const STOPS_PER_FRAME: usize = 1000;
/// Most rounds of bot commands at one instant (a bot's own delay is never zero, so a
/// round normally ends after one or two).
const ROUNDS_PER_INSTANT: usize = 16;

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
    pub(super) fn cast(&self) -> &Cast {
        &self.cast
    }

    /// Advance the engine to `target` (the clock); with bots, stop at each event and bot
    /// step on the way and let the bots act there.
    pub(super) fn advance_with_bots(&mut self, target: Secs, mut recorder: Option<&mut Recorder>) {
        if self.bots.is_empty() {
            if target > self.engine.now() {
                self.engine.advance_to(target);
            }
            return;
        }
        for _ in 0..STOPS_PER_FRAME {
            self.bots_act(recorder.as_deref_mut());
            let now = self.engine.now();
            if now >= target {
                return;
            }
            let next = [
                self.engine.next_event_at(),
                self.bots.iter().filter_map(Bot::next_due).min(),
            ]
            .into_iter()
            .flatten()
            .min()
            .unwrap_or(target);
            self.engine.advance_to(next.clamp(now + 1, target));
        }
    }

    /// Each bot looks at what changed and sends what is due now, until none has more.
    fn bots_act(&mut self, mut recorder: Option<&mut Recorder>) {
        let mut bots = std::mem::take(&mut self.bots);
        for _ in 0..ROUNDS_PER_INSTANT {
            let mut sent = false;
            for bot in &mut bots {
                bot.observe(&EngineSight::new(&self.engine, bot.team()));
                for cmd in bot.due(&EngineSight::new(&self.engine, bot.team())) {
                    sent = true;
                    // A step that became impossible meanwhile: the bot lets it go.
                    if let Err(e) = self.give(recorder.as_deref_mut(), cmd) {
                        debug!("bot {:?}: refused: {e}", bot.team());
                    }
                }
            }
            if !sent {
                break;
            }
        }
        self.bots = bots;
    }
}
