//! Starting an exercise: the one message every way in sends (the briefing, the command line,
//! resuming a session, "play from here", a restart), answered by the adapter's lifecycle,
//! which alone makes the engine, the picture, the clock and the recorder.

use crate::bots::Cast;
use crate::engine::Engine;
use crate::gui::catalog::Origin;
use crate::gui::session::{Seat, Session};
use crate::scenario::{Scenario, Secs};
use crate::session::{self, Recovered};
use bevy::prelude::*;
use std::sync::Arc;

/// Start an exercise (replacing the one running, whose session is finished first) and show
/// it in `seat`.
#[derive(Message, Debug)]
pub(crate) struct StartExercise {
    pub engine: Begin,
    /// Where the clock starts (paused).
    pub at: Secs,
    pub recording: Recording,
    pub seat: Seat,
    /// The teams bots play (never the seat's own team).
    pub bots: Cast,
}

/// The run the exercise plays.
#[derive(Debug)]
pub(crate) enum Begin {
    /// A new run of the scenario from zero.
    Fresh { scenario: Arc<Scenario>, seed: u64 },
    /// A run read back or rebuilt (a resumed session, a fork), played on from where it stands.
    TakeOver(Box<Engine>),
}

/// What the session on disk does.
#[derive(Debug)]
pub(crate) enum Recording {
    /// A new session under the session root (none without one), holding the run so far.
    New(Origin),
    /// Append to a session read back; `dropped` is what recovery left out, to tell once.
    Continue {
        session: Box<session::Session>,
        dropped: Option<String>,
    },
    /// Nothing is written.
    Off,
}

impl StartExercise {
    /// The session's scenario and seed from zero, recorded in a new session.
    pub(crate) fn fresh(session: &Session, seat: Seat) -> Self {
        Self {
            engine: Begin::Fresh {
                scenario: session.scenario.clone(),
                seed: session.seed,
            },
            at: 0,
            recording: Recording::New(session.origin.clone()),
            seat,
            bots: session.bots_for(seat),
        }
    }

    /// A session read back from disk, played on where it stands and appended to, with the
    /// bots its header names (less the seat's own team).
    pub(crate) fn recovered(r: Recovered, seat: Seat) -> Self {
        let bots = seat.without_bot(recorded_bots(&r.session));
        Self {
            bots,
            at: r.engine.now(),
            engine: Begin::TakeOver(Box::new(r.engine)),
            recording: Recording::Continue {
                session: Box::new(r.session),
                dropped: r.dropped.map(|d| d.to_string()),
            },
            seat,
        }
    }

    /// The scenario of the run to start.
    pub(crate) fn scenario(&self) -> &Arc<Scenario> {
        match &self.engine {
            Begin::Fresh { scenario, .. } => scenario,
            Begin::TakeOver(e) => e.scenario(),
        }
    }
}

/// The bots a session's header names; none (and a warning) if its text does not fit the
/// session's scenario.
pub(crate) fn recorded_bots(s: &session::Session) -> Cast {
    let scenario = s.scenario();
    Cast::parse(&s.header().bots, scenario).unwrap_or_else(|e| {
        warn!("{}: bots `{}`: {e}", s.dir().display(), s.header().bots);
        Cast::none(scenario)
    })
}

/// The order in `PreUpdate`: a restart is asked for, the seat messages are read (a start's
/// seat among them), then the start is answered, so the first picture is the new seat's.
#[derive(SystemSet, Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum StartSet {
    Ask,
    Seat,
    Answer,
}
