//! What became of a seat's commands, said again: to an id the seat sends a second time,
//! and to every seat as the exercise ends, so that a command whose answer was lost with a
//! link (sent again, its answer not back before the end) is never reported to its
//! trainee as not applied, nor a refused one as applied.

use super::*;

/// The answer to `team`'s command `id`, taken before, when it comes again: refused again
/// with the engine's reason if it was refused, else [`Answer::Earlier`] (applied; nothing
/// done again). A host resumed from its session knows only this run's refusals.
pub(super) fn again(refusals: &HashMap<(TeamId, u64), String>, team: TeamId, id: u64) -> Answer {
    match refusals.get(&(team, id)) {
        Some(why) => Answer::Refused(why.clone()),
        None => Answer::Earlier,
    }
}

impl Served {
    /// End the exercise: tell every seat again what became of each command of its team
    /// the host took (a client passes over the answers it has and settles those it still
    /// waits for), then that it is over.
    pub fn end(&self, world: &mut World) {
        for (&entity, conn) in &self.conns {
            let mut ids: Vec<u64> = self.ledger.ids_of(&self.team_id(conn.team)).collect();
            ids.sort_unstable();
            for id in ids {
                let answer = again(&self.refusals, conn.team, id);
                send_one(world, entity, &ToClient::Applied { id, answer });
            }
        }
        self.send_all(world, &ToClient::Ended);
    }
}
