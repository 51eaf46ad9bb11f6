//! The host's side of the wire, shared by the headless host and the app: the seat table
//! (who is connected, from where, last seen, round-trip time), admission by the seat in a
//! connection's token, commands read and checked (their team is the connection's seat;
//! ids taken once; a flood is refused), and each seat's view, clock and answers sent to
//! that one client. It works on the networking app's `World`; whoever owns the engine
//! applies the commands it hands out.

use super::ledger::{Ledger, SeatList};
use super::proto::{self, Answer, ToClient, ToHost};
use super::seat::SeatRecord;
use super::{ClientFrame, HostFrame};
use crate::engine::{Command, Engine, MessageId, TeamView};
use crate::scenario::{Scenario, Secs, TeamId};
use bevy::prelude::*;
use bevy_replicon::prelude::*;
use bevy_replicon::shared::backend::connected_client::NetworkId;
use bevy_replicon_renet::RenetServer;
use bevy_replicon_renet::netcode::NetcodeServerTransport;
use std::collections::{BTreeSet, HashMap};
use std::net::SocketAddr;
use std::time::Instant;

/// A seat may give this many commands at once ...
const BURST: f64 = 20.0;
/// ... and this many a second after that; more are answered [`Answer::Busy`].
const PER_SECOND: f64 = 10.0;
/// A connection is closed once renet's count of bytes from it (over six seconds) has
/// stayed at zero this long.
const SILENT: std::time::Duration = std::time::Duration::from_secs(2);

/// What the facilitator is told while the exercise runs.
#[derive(Debug, Clone, PartialEq)]
pub enum HostEvent {
    Joined {
        team: String,
        addr: String,
    },
    Left {
        team: String,
    },
    /// A connection whose token holds no valid seat of this exercise (revoked, replaced,
    /// of another exercise, or already taken).
    Refused {
        addr: String,
    },
    /// A frame that is not a message, or a command a seat may not give.
    BadFrame {
        team: String,
        why: String,
    },
    /// A seat sent more commands than it may; they were not applied.
    Flood {
        team: String,
        dropped: u64,
    },
}

/// One team's row in the seat table.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SeatRow {
    pub connected: bool,
    pub addr: Option<SocketAddr>,
    /// When a packet last came from the seat (while connected) or when it left.
    pub last_seen: Option<Instant>,
    pub rtt_ms: Option<f64>,
    /// Bytes a second sent to the seat (renet's estimate).
    pub sent_per_second: f64,
    pub commands: u64,
    /// Frames refused: malformed, another seat's, or over the limit.
    pub refused: u64,
    pub revoked: bool,
}

struct Conn {
    team: TeamId,
    sent_view: Option<TeamView>,
    sent_messages: BTreeSet<MessageId>,
    /// Commands it may still give now (refilled at [`PER_SECOND`]).
    allowance: f64,
    refilled: Instant,
}

/// A command for the engine's owner to apply as `team`, then answer with [`Served::answer`].
#[derive(Debug, Clone)]
pub struct Incoming {
    pub client: Entity,
    pub team: TeamId,
    pub id: u64,
    pub command: Command,
}

/// The host's seats.
pub struct Served {
    pub exercise: String,
    scenario: std::sync::Arc<Scenario>,
    pub list: SeatList,
    ledger: Ledger,
    conns: HashMap<Entity, Conn>,
    /// Since when renet has had nothing from a connection, seated or not.
    silent: HashMap<Entity, Instant>,
    /// By team index.
    pub rows: Vec<SeatRow>,
}

impl Served {
    pub fn new(
        exercise: String,
        scenario: std::sync::Arc<Scenario>,
        list: SeatList,
        ledger: Ledger,
    ) -> Self {
        let rows = scenario
            .teams
            .iter()
            .map(|t| SeatRow {
                revoked: !list.seats.iter().any(|s| s.team == t.id && !s.revoked),
                ..SeatRow::default()
            })
            .collect();
        Self {
            exercise,
            scenario,
            list,
            ledger,
            conns: HashMap::new(),
            silent: HashMap::new(),
            rows,
        }
    }

    fn team_id(&self, team: TeamId) -> String {
        self.scenario.teams[team.idx()].id.clone()
    }

    /// How many seats are connected.
    pub fn connected(&self) -> usize {
        self.conns.len()
    }

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
                    sent_view: None,
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
                public: public_scenario(&self.scenario),
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

    /// The commands that arrived, in arrival order, checked: a frame that is not a
    /// command, a command the seat may not give, a repeated id and a flood are answered
    /// here (and told); the rest are for the engine's owner. Each command's id is in
    /// the ledger before it is handed out; `records` is the session's next record number.
    pub fn commands(
        &mut self,
        world: &mut World,
        mut records: u64,
        events: &mut dyn FnMut(HostEvent),
    ) -> Result<Vec<Incoming>, super::NetError> {
        let frames: Vec<FromClient<ClientFrame>> = world
            .resource_mut::<Messages<FromClient<ClientFrame>>>()
            .drain()
            .collect();
        let mut out = Vec::new();
        let mut flooded: HashMap<TeamId, u64> = HashMap::new();
        for frame in frames {
            let Some(entity) = frame.client_id.entity() else {
                continue;
            };
            let Some(conn) = self.conns.get_mut(&entity) else {
                continue;
            };
            let team = conn.team;
            let team_id = self.scenario.teams[team.idx()].id.clone();
            let row = &mut self.rows[team.idx()];
            let (id, command) = match proto::decode::<ToHost>(&frame.message.0) {
                Ok(ToHost::Command { id, command }) => (id, command),
                Err(e) => {
                    row.refused += 1;
                    events(HostEvent::BadFrame {
                        team: team_id,
                        why: e.to_string(),
                    });
                    continue;
                }
            };
            let now = Instant::now();
            let refill = now.duration_since(conn.refilled).as_secs_f64() * PER_SECOND;
            conn.allowance = (conn.allowance + refill).min(BURST);
            conn.refilled = now;
            let answer = if self.ledger.taken(&team_id, id) {
                Some(Answer::Earlier)
            } else if !proto::is_teams(&command, team) {
                row.refused += 1;
                let why = crate::words::say(crate::words::default_lang(), "error-net-not-yours");
                events(HostEvent::BadFrame {
                    team: team_id.clone(),
                    why,
                });
                Some(Answer::NotYours)
            } else if conn.allowance < 1.0 {
                row.refused += 1;
                *flooded.entry(team).or_default() += 1;
                Some(Answer::Busy)
            } else {
                None
            };
            if let Some(answer) = answer {
                send_one(world, entity, &ToClient::Applied { id, answer });
                continue;
            }
            conn.allowance -= 1.0;
            row.commands += 1;
            self.ledger.take(&team_id, id, records)?;
            records += 1;
            out.push(Incoming {
                client: entity,
                team,
                id,
                command,
            });
        }
        for (team, dropped) in flooded {
            events(HostEvent::Flood {
                team: self.team_id(team),
                dropped,
            });
        }
        Ok(out)
    }

    /// Tell the client that gave `incoming` what became of it.
    pub fn answer(&mut self, world: &mut World, incoming: &Incoming, answer: Answer) {
        let id = incoming.id;
        send_one(world, incoming.client, &ToClient::Applied { id, answer });
    }

    /// Send each seat its team's view if it changed since the last one it got, with the
    /// messages it has not been sent; `true` if any was sent.
    pub fn send_views(&mut self, world: &mut World, engine: &Engine) -> bool {
        let mut out = Vec::new();
        for (&entity, conn) in &mut self.conns {
            let view = engine.view(conn.team);
            if conn.sent_view.as_ref() == Some(view) {
                continue;
            }
            let ids = view
                .inbox
                .iter()
                .map(|r| r.message)
                .chain(view.sent.iter().copied());
            let messages = ids
                .filter(|id| conn.sent_messages.insert(*id))
                .filter_map(|id| engine.message(id).cloned())
                .collect();
            conn.sent_view = Some(view.clone());
            let frame = ToClient::View {
                at: engine.now(),
                view: Box::new(view.clone()),
                messages,
            };
            out.push((entity, frame));
        }
        let changed = !out.is_empty();
        for (entity, message) in out {
            send_one(world, entity, &message);
        }
        changed
    }

    /// The facilitator's clock to every seat.
    pub fn send_clock(&self, world: &mut World, now: Secs, speed: f64, paused: bool) {
        self.send_all(world, &ToClient::Clock { now, speed, paused });
    }

    pub fn send_all(&self, world: &mut World, message: &ToClient) {
        for &entity in self.conns.keys() {
            send_one(world, entity, message);
        }
    }

    /// Revoke `team`'s seat: its file stops working and its connection is closed.
    pub fn revoke(
        &mut self,
        world: &mut World,
        team: TeamId,
        dir: &std::path::Path,
    ) -> Result<(), super::NetError> {
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
        key: &super::seat::Key,
        listen: SocketAddr,
        dir: &std::path::Path,
        seats: &std::path::Path,
    ) -> Result<std::path::PathBuf, super::NetError> {
        let id = self.team_id(team);
        let (path, nonce) = super::seat::write_seat(key, listen, team, &id, seats)?;
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

/// Send to one client only.
fn send_one(world: &mut World, entity: Entity, message: &ToClient) {
    world.write_message(ToClients {
        targets: SendTargets::Single(ClientId::Client(entity)),
        message: HostFrame(proto::encode(message)),
    });
}

/// The scenario as a team may read it: everything but its threats and injects, in RON.
pub fn public_scenario(s: &Scenario) -> String {
    let mut public = s.clone();
    public.threats.clear();
    public.injects.clear();
    crate::scenario::to_ron(&public).unwrap_or_default()
}
