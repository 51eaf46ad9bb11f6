//! What a bot may read: its team's view and the messages in its inbox, nothing of
//! the ground truth. An engine in the same process gives it through [`EngineSight`];
//! a network client can give the same from the picture its host sends.

use crate::engine::{Engine, Message, MessageId, TeamView};
use crate::scenario::{Secs, TeamId};

/// One team's knowledge at one moment.
pub trait Sight {
    /// The exercise time.
    fn now(&self) -> Secs;
    /// The team's view.
    fn view(&self) -> &TeamView;
    /// A message the team received or sent (`None` for any other).
    fn message(&self, id: MessageId) -> Option<&Message>;
    /// A count that changes whenever the view does, if the sight keeps one: a bot
    /// does not look again at a view whose count it has seen.
    fn changes(&self) -> Option<u64> {
        None
    }
}

/// A team's sight of an engine in the same process.
pub struct EngineSight<'a> {
    engine: &'a Engine,
    team: TeamId,
}

impl<'a> EngineSight<'a> {
    pub fn new(engine: &'a Engine, team: TeamId) -> Self {
        EngineSight { engine, team }
    }
}

impl Sight for EngineSight<'_> {
    fn now(&self) -> Secs {
        self.engine.now()
    }

    fn view(&self) -> &TeamView {
        self.engine.view(self.team)
    }

    fn message(&self, id: MessageId) -> Option<&Message> {
        let v = self.view();
        let known = v.inbox.iter().rev().any(|r| r.message == id) || v.sent.contains(&id);
        known.then(|| self.engine.message(id)).flatten()
    }

    fn changes(&self) -> Option<u64> {
        Some(self.engine.view_changes(self.team))
    }
}
