//! Rebuilding the world at any moment of a past run: the scenario and seed, the journal's
//! commands up to that moment, and engine checkpoints so that a jump back stays quick.
//!
//! The world "at `t`" is the engine with every command given at or before `t` applied at its
//! time and advanced to `t`: what the live engine showed once the moment `t` had settled.

use crate::engine::{Command, Engine};
use crate::scenario::{Scenario, Secs};
use std::sync::Arc;

/// Most checkpoints kept (one full replay builds them all).
const MAX_CHECKPOINTS: usize = 48;
/// Journal entries the checkpoints may copy in all (each copies the journal so far).
const ENTRY_BUDGET: usize = 2_000_000;

/// A command the replay refused (the journal was changed by hand): it is left out.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Refusal {
    pub at: Secs,
    pub error: String,
}

/// The world at one moment, and how many of the run's commands it has taken.
#[derive(Debug, Clone)]
pub(crate) struct Moment {
    pub engine: Engine,
    next: usize,
}

/// A past run, ready to be rebuilt at any moment between 0 and its end.
#[derive(Debug)]
pub(crate) struct Timeline {
    commands: Vec<(Secs, Command)>,
    end: Secs,
    step: Secs,
    /// `checkpoints[k]` stands at `min(k * step, end)`.
    checkpoints: Vec<Moment>,
    refused: Option<Refusal>,
}

impl Timeline {
    /// Replay the run once, keeping checkpoints along the way.
    pub(crate) fn new(
        scenario: Arc<Scenario>,
        seed: u64,
        commands: Vec<(Secs, Command)>,
        end: Secs,
    ) -> Self {
        let mut t = Timeline {
            commands,
            end,
            step: end.max(1),
            checkpoints: Vec::new(),
            refused: None,
        };
        let mut m = Moment {
            engine: Engine::new(scenario, seed),
            next: 0,
        };
        // A first pass without copies tells how big the journal grows.
        let mut probe = m.clone();
        t.forward(&mut probe, end);
        let entries = probe.engine.journal().entries.len().max(1);
        let count = (ENTRY_BUDGET / entries).clamp(2, MAX_CHECKPOINTS) as Secs;
        t.step = end.div_ceil(count).max(60);
        t.refused = None;
        let mut at = 0;
        loop {
            t.forward(&mut m, at);
            t.checkpoints.push(m.clone());
            if at >= end {
                break;
            }
            at = (at + t.step).min(end);
        }
        t
    }

    /// The moment the run reached.
    pub(crate) fn end(&self) -> Secs {
        self.end
    }

    /// The first command the replay refused, if any.
    pub(crate) fn refused(&self) -> Option<&Refusal> {
        self.refused.as_ref()
    }

    /// The world at `t` (clamped to the run), from the nearest checkpoint before it.
    pub(crate) fn at(&self, t: Secs) -> Moment {
        let mut m = self.checkpoint_before(t.min(self.end)).clone();
        self.seek(&mut m, t);
        m
    }

    /// Move `m` to `t`: forward in place, or back from the nearest checkpoint.
    pub(crate) fn seek(&self, m: &mut Moment, t: Secs) {
        let t = t.min(self.end);
        if t < m.engine.now() {
            *m = self.checkpoint_before(t).clone();
        }
        self.forward_quiet(m, t);
    }

    fn checkpoint_before(&self, t: Secs) -> &Moment {
        let k = (t / self.step) as usize;
        let k = k.min(self.checkpoints.len().saturating_sub(1));
        // `checkpoints[k]` stands at `k * step <= t`; the last one may stand at `end`.
        let found = self.checkpoints[..=k]
            .iter()
            .rev()
            .find(|c| c.engine.now() <= t);
        found.unwrap_or(&self.checkpoints[0])
    }

    /// Apply the commands given up to `t`, then advance to `t`; note a refusal.
    fn forward(&mut self, m: &mut Moment, t: Secs) {
        if let Some(r) = step(&self.commands, m, t)
            && self.refused.is_none()
        {
            self.refused = Some(r);
        }
    }

    fn forward_quiet(&self, m: &mut Moment, t: Secs) {
        let _ = step(&self.commands, m, t);
    }
}

/// Apply `commands[m.next..]` given up to `t` at their times, then advance to `t`.
/// Returns the first refusal (a refused command is left out, as a live refusal would be).
fn step(commands: &[(Secs, Command)], m: &mut Moment, t: Secs) -> Option<Refusal> {
    let mut refused = None;
    while let Some((at, c)) = commands.get(m.next) {
        if *at > t {
            break;
        }
        m.engine.advance_to(*at);
        if let Err(e) = m.engine.apply(c.clone()) {
            refused.get_or_insert(Refusal {
                at: *at,
                error: e.to_string(),
            });
        }
        m.next += 1;
    }
    m.engine.advance_to(t);
    refused
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::replay;
    use crate::scenario::builtin_default;

    fn journal_commands(seed: u64) -> (Arc<Scenario>, Vec<(Secs, Command)>, Engine) {
        let s = Arc::new(builtin_default());
        let plan = crate::session::script::parse(
            "well-run",
            include_str!("../../../tests/plays/well-run.commands.ron"),
            &s,
        )
        .expect("the play parses");
        let mut e = Engine::new(s.clone(), seed);
        for p in &plan {
            e.advance_to(p.at);
            e.apply(p.command_for(&e)).expect("accepted");
        }
        e.run_to_end();
        (s, e.journal().commands(), e)
    }

    #[test]
    fn any_moment_equals_a_fresh_replay_to_it_in_any_order() {
        let (s, cmds, full) = journal_commands(7);
        let tl = Timeline::new(s.clone(), 7, cmds.clone(), s.duration);
        assert!(tl.refused().is_none());
        assert!(tl.checkpoints.len() >= 2);
        let mut m = tl.at(s.duration);
        assert_eq!(m.engine.journal(), full.journal());
        // Back and forth, across checkpoints and command times.
        for t in [3600, 1800, 2999, 3000, 7200, 0, 45 * 60, 5 * 3600 + 17, 60] {
            tl.seek(&mut m, t);
            let upto: Vec<_> = cmds.iter().filter(|(at, _)| *at <= t).cloned().collect();
            let fresh = replay(s.clone(), 7, &upto, t).expect("replays");
            assert_eq!(m.engine.now(), t);
            assert_eq!(m.engine.journal(), fresh.journal(), "journal at {t}");
            for (id, truth) in fresh.world().services() {
                assert_eq!(m.engine.world().service(id), truth, "service {id:?} at {t}");
            }
            assert_eq!(m.engine.views(), fresh.views(), "views at {t}");
        }
    }

    #[test]
    fn a_refused_command_is_noted_and_left_out() {
        let s = Arc::new(builtin_default());
        // Firing an inject that does not exist is refused.
        let bad = Command::FireInject(crate::scenario::InjectId(9999));
        let tl = Timeline::new(s.clone(), 3, vec![(600, bad)], 3600);
        let r = tl.refused().expect("noted");
        assert_eq!(r.at, 600);
        let fresh = replay(s, 3, &[], 3600).expect("replays");
        assert_eq!(tl.at(3600).engine.journal(), fresh.journal());
    }
}
