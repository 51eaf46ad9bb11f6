//! Playing a run with bot teams (and a scripted play for the others): the engine
//! moves from one moment something is due to the next, and at each the bots look at
//! their sight and send what has come due, through [`Engine::apply`] like a person.

use super::bot::Bot;
use super::sight::EngineSight;
use crate::engine::Engine;
use crate::scenario::Secs;
use crate::session::script::Planned;

/// Most rounds of bot commands at one instant (a bot's own delay is never zero, so a
/// round normally ends after one or two).
const ROUNDS_PER_INSTANT: usize = 16;

/// Play `engine` to `until` with `bots` and the scripted `plan` (in time order).
/// Returns how many commands the engine refused (a bot's step that became
/// impossible meanwhile, a scripted step that does not fit the run).
pub fn play(engine: &mut Engine, bots: &mut [Bot], plan: &[Planned], until: Secs) -> usize {
    let mut refused = 0;
    let mut next_step = 0;
    loop {
        while let Some(step) = plan.get(next_step).filter(|p| p.at <= engine.now()) {
            refused += usize::from(engine.apply(step.command_for(engine)).is_err());
            next_step += 1;
        }
        for _ in 0..ROUNDS_PER_INSTANT {
            let mut sent = false;
            for bot in bots.iter_mut() {
                bot.observe(&EngineSight::new(engine, bot.team()));
                for cmd in bot.due(&EngineSight::new(engine, bot.team())) {
                    sent = true;
                    refused += usize::from(engine.apply(cmd).is_err());
                }
            }
            if !sent {
                break;
            }
        }
        let now = engine.now();
        if now >= until {
            return refused;
        }
        let next = [
            engine.next_event_at(),
            bots.iter().filter_map(Bot::next_due).min(),
            plan.get(next_step).map(|p| p.at),
        ]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(until);
        engine.advance_to(next.clamp(now + 1, until));
    }
}
