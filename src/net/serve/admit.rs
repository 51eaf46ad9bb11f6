//! Admission: a connection is seated by the valid seat in its token or refused; the seats
//! that left are forgotten, dead links closed, and the table's address, round-trip time
//! and last seen kept up to date.

use super::*;

impl Served {
    /// Seat newly authorized connections by their token, refuse those with no valid seat
    /// here, forget those that left, and refresh the table's address, RTT and last seen.
    pub fn admit(&mut self, world: &mut World, events: &mut dyn FnMut(HostEvent)) {
        let gone: Vec<Entity> = self
            .conns
            .keys()
            .copied()
            .filter(|&e| world.get_entity(e).is_err())
            .collect();
        for e in gone {
            if let Some(c) = self.conns.remove(&e) {
                let row = &mut self.rows[c.team.idx()];
                row.connected = false;
                row.rtt_ms = None;
                row.last_seen = Some(Instant::now());
                events(HostEvent::Left {
                    team: self.team_id(c.team),
                });
            }
        }
        let new: Vec<(Entity, u64)> = world
            .query_filtered::<(Entity, &NetworkId), With<AuthorizedClient>>()
            .iter(world)
            .filter(|(e, _)| !self.conns.contains_key(e))
            .map(|(e, id)| (e, id.get()))
            .collect();
        for (entity, id) in new {
            let transport = world.resource::<NetcodeServerTransport>();
            let addr = transport.client_addr(id);
            let record = transport
                .user_data(id)
                .and_then(|d| SeatRecord::from_user_data(&d));
            let team = record
                .filter(|r| r.exercise == self.exercise && self.list.admits(&r.team, r.nonce))
                .and_then(|r| self.scenario.team_by_id(&r.team))
                .filter(|t| !self.conns.values().any(|c| c.team == *t));
            let addr_text = addr.map_or_else(String::new, |a| a.to_string());
            let Some(team) = team else {
                world.entity_mut(entity).despawn();
                events(HostEvent::Refused { addr: addr_text });
                continue;
            };
            self.conns.insert(
                entity,
                Conn {
                    team,
                    sent_view: crate::net::delta::empty_view(team),
                    answered: false,
                    sent_messages: BTreeSet::new(),
                    allowance: BURST,
                    refilled: Instant::now(),
                },
            );
            let row = &mut self.rows[team.idx()];
            row.connected = true;
            row.addr = addr;
            row.last_seen = Some(Instant::now());
            let seat = ToClient::Seat {
                exercise: self.exercise.clone(),
                scenario: self.scenario.id.clone(),
                team: self.team_id(team),
                public: self.public.clone(),
            };
            send_one(world, entity, &seat);
            events(HostEvent::Joined {
                team: self.team_id(team),
                addr: addr_text,
            });
        }
        self.refresh_stats(world);
    }

    /// The seat table's figures; a link renet hears nothing from is closed. netcode alone
    /// keeps a dead client's link open while a client restarted on the seat's port asks
    /// to connect (it counts the requests), so that client would never get in, nor after
    /// a link it half opened. A live client acks the clock, which goes out every second.
    fn refresh_stats(&mut self, world: &mut World) {
        let clients: Vec<(Entity, u64)> = world
            .query::<(Entity, &NetworkId)>()
            .iter(world)
            .map(|(e, id)| (e, id.get()))
            .collect();
        self.silent
            .retain(|e, _| clients.iter().any(|(c, _)| c == e));
        let server = world.resource::<RenetServer>();
        let mut dead = Vec::new();
        for (entity, id) in clients {
            let Ok(info) = server.network_info(id) else {
                continue;
            };
            let heard = info.bytes_received_per_second > 0.0;
            if heard {
                self.silent.remove(&entity);
            } else {
                let since = self.silent.entry(entity).or_insert_with(Instant::now);
                if since.elapsed() >= SILENT {
                    dead.push(id);
                }
            }
            let Some(conn) = self.conns.get(&entity) else {
                continue;
            };
            let row = &mut self.rows[conn.team.idx()];
            row.rtt_ms = Some(info.rtt * 1000.0);
            row.sent_per_second = info.bytes_sent_per_second;
            if heard {
                row.last_seen = Some(Instant::now());
            }
        }
        let mut server = world.resource_mut::<RenetServer>();
        for id in dead {
            server.disconnect(id);
        }
    }
}
