//! Playing a run with bot teams (and a scripted play for the others): the engine
//! moves from one moment something is due to the next, and at each the bots look at
//! their sight and send what has come due, through the table's one way of applying a
//! command ([`Engine::apply`] in a batch; the app's, which also records it).

use super::bot::Bot;
use super::sight::EngineSight;
use crate::engine::{Command, Engine};
use crate::scenario::Secs;
use crate::session::script::Planned;

/// Most rounds of bot commands at one instant (a bot's own delay is never zero, so a
/// round normally ends after one or two).
const ROUNDS_PER_INSTANT: usize = 16;

/// Where bots play: an engine, and the way a command reaches it.
pub trait Table {
    fn engine(&self) -> &Engine;
    fn advance_to(&mut self, t: Secs);
    /// Apply `cmd` as any command of a seat is applied; whether it was accepted.
    fn give(&mut self, cmd: Command) -> bool;
}

impl Table for Engine {
    fn engine(&self) -> &Engine {
        self
    }

    fn advance_to(&mut self, t: Secs) {
        Engine::advance_to(self, t);
    }

    fn give(&mut self, cmd: Command) -> bool {
        self.apply(cmd).is_ok()
    }
}

/// Play `engine` to `until` with `bots` and the scripted `plan` (in time order).
/// Returns how many commands the engine refused (a bot's step that became
/// impossible meanwhile, a scripted step that does not fit the run).
pub fn play(engine: &mut Engine, bots: &mut [Bot], plan: &[Planned], until: Secs) -> usize {
    play_on(engine, bots, plan, until, usize::MAX).0
}

/// [`play`] on any [`Table`], stopping after `stops` moves of the clock at most.
/// Returns the commands refused and whether `until` was reached.
pub fn play_on<T: Table + ?Sized>(
    table: &mut T,
    bots: &mut [Bot],
    plan: &[Planned],
    until: Secs,
    stops: usize,
) -> (usize, bool) {
    let mut refused = 0;
    let mut next_step = plan.partition_point(|p| p.at < table.engine().now());
    for _ in 0..stops {
        while let Some(step) = plan.get(next_step).filter(|p| p.at <= table.engine().now()) {
            let cmd = step.command_for(table.engine());
            refused += usize::from(!table.give(cmd));
            next_step += 1;
        }
        for _ in 0..ROUNDS_PER_INSTANT {
            let mut sent = false;
            for bot in bots.iter_mut() {
                bot.observe(&EngineSight::new(table.engine(), bot.team()));
                for cmd in bot.due(&EngineSight::new(table.engine(), bot.team())) {
                    sent = true;
                    refused += usize::from(!table.give(cmd));
                }
            }
            if !sent {
                break;
            }
        }
        let now = table.engine().now();
        if now >= until {
            return (refused, true);
        }
        let next = [
            table.engine().next_event_at(),
            bots.iter().filter_map(Bot::next_due).min(),
            plan.get(next_step).map(|p| p.at),
        ]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(until);
        table.advance_to(next.clamp(now + 1, until));
    }
    (refused, false)
}
