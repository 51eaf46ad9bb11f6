//! The facilitator's orders for a seat: revoke it, or reissue its seat file.

use super::*;

impl Served {
    /// Revoke `team`'s seat: its file stops working and its connection is closed.
    pub fn revoke(
        &mut self,
        world: &mut World,
        team: TeamId,
        dir: &std::path::Path,
    ) -> Result<(), crate::net::NetError> {
        let id = self.team_id(team);
        self.list.entry(&id).revoked = true;
        self.list.save(dir)?;
        self.rows[team.idx()].revoked = true;
        self.disconnect(world, team);
        Ok(())
    }

    /// A new seat file for `team` (the old one stops working, its connection is closed),
    /// written to `seats`; returns its path.
    pub fn reissue(
        &mut self,
        world: &mut World,
        team: TeamId,
        key: &crate::net::seat::Key,
        listen: SocketAddr,
        dir: &std::path::Path,
        seats: &std::path::Path,
    ) -> Result<std::path::PathBuf, crate::net::NetError> {
        let id = self.team_id(team);
        let (path, nonce) = crate::net::seat::write_seat(key, listen, team, &id, seats)?;
        let entry = self.list.entry(&id);
        entry.nonce = nonce;
        entry.revoked = false;
        self.list.save(dir)?;
        self.rows[team.idx()].revoked = false;
        self.disconnect(world, team);
        Ok(path)
    }

    fn disconnect(&mut self, world: &mut World, team: TeamId) {
        let held: Vec<Entity> = self
            .conns
            .iter()
            .filter(|(_, c)| c.team == team)
            .map(|(e, _)| *e)
            .collect();
        for e in held {
            if let Some(id) = world.get::<NetworkId>(e).map(|n| n.get()) {
                world.resource_mut::<RenetServer>().disconnect(id);
            }
        }
    }
}
