//! The host's side of the wire, shared by the headless host and the app: the seat table
//! (who is connected, from where, last seen, round-trip time), admission by the seat in a
//! connection's token, commands read and checked (their team is the connection's seat;
//! ids taken once; a flood is refused), and each seat's view, clock and answers sent to
//! that one client. It works on the networking app's `World`; whoever owns the engine
//! applies the commands it hands out.

use super::delta::ViewPatch;
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
mod admit;
mod orders;
mod settle;

use std::collections::{BTreeSet, HashMap};
use std::net::SocketAddr;
use std::time::Instant;

/// A seat may give this many commands at once ...
const BURST: f64 = 20.0;
/// ... and this many a second after that; more are answered [`Answer::Busy`].
const PER_SECOND: f64 = 10.0;
/// A connection is closed once renet's count of bytes from it (over six seconds) has
/// stayed at zero this long.
const SILENT: std::time::Duration = std::time::Duration::from_secs(6);

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
    /// The view as this connection's client has it (empty before the first).
    sent_view: TeamView,
    /// A command of its was answered since its view was last sent.
    answered: bool,
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
    /// The scenario as a team may read it, worded once for every seat's first frame.
    public: String,
    pub list: SeatList,
    ledger: Ledger,
    conns: HashMap<Entity, Conn>,
    /// Since when renet has had nothing from a connection, seated or not.
    silent: HashMap<Entity, Instant>,
    /// By team index.
    pub rows: Vec<SeatRow>,
    /// The engine's reason for each command it refused, by team and id.
    refusals: HashMap<(TeamId, u64), String>,
}

impl Served {
    pub fn new(
        exercise: String,
        scenario: std::sync::Arc<Scenario>,
        list: SeatList,
        ledger: Ledger,
    ) -> Result<Self, crate::net::NetError> {
        let public = public_scenario(&scenario);
        // The seat's first frame carries it: the largest the host sends.
        let longest = scenario
            .teams
            .iter()
            .map(|t| t.id.clone())
            .max_by_key(String::len);
        let first = ToClient::Seat {
            exercise: exercise.clone(),
            scenario: scenario.id.clone(),
            team: longest.unwrap_or_default(),
            public: public.clone(),
        };
        let bytes = proto::encode(&first).len();
        if bytes > <ToClient as proto::Frame>::LIMIT {
            return Err(crate::net::NetError::ScenarioTooLarge(bytes));
        }
        let rows = scenario
            .teams
            .iter()
            .map(|t| SeatRow {
                revoked: !list.seats.iter().any(|s| s.team == t.id && !s.revoked),
                ..SeatRow::default()
            })
            .collect();
        Ok(Self {
            exercise,
            public,
            scenario,
            list,
            ledger,
            conns: HashMap::new(),
            silent: HashMap::new(),
            rows,
            refusals: HashMap::new(),
        })
    }

    fn team_id(&self, team: TeamId) -> String {
        self.scenario.teams[team.idx()].id.clone()
    }

    /// How many seats are connected.
    pub fn connected(&self) -> usize {
        self.conns.len()
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
    ) -> Result<Vec<Incoming>, crate::net::NetError> {
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
                Some(settle::again(&self.refusals, team, id))
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

    /// Tell `client` what became of its command `id` (the view with its effect follows
    /// at the next [`Served::send_views`]).
    pub fn answer(&mut self, world: &mut World, client: Entity, id: u64, answer: Answer) {
        if let Some(conn) = self.conns.get_mut(&client) {
            conn.answered = true;
            if let Answer::Refused(why) = &answer {
                self.refusals.insert((conn.team, id), why.clone());
            }
        }
        send_one(world, client, &ToClient::Applied { id, answer });
    }

    /// Send each seat how its team's view changed since the last one it got, with the
    /// messages it has not been sent: every seat's when `all`, else only those whose
    /// commands were just answered (a host paces the rest with its clock, so a seat is
    /// not sent a view for each exercise second that moved a buffer). `true` if any was.
    pub fn send_views(&mut self, world: &mut World, engine: &Engine, all: bool) -> bool {
        let mut out = Vec::new();
        for (&entity, conn) in &mut self.conns {
            if !all && !conn.answered {
                continue;
            }
            conn.answered = false;
            let view = engine.view(conn.team);
            let Some(patch) = ViewPatch::between(&conn.sent_view, view) else {
                continue;
            };
            let ids = view
                .inbox
                .iter()
                .map(|r| r.message)
                .chain(view.sent.iter().copied());
            let messages = ids
                .filter(|id| conn.sent_messages.insert(*id))
                .filter_map(|id| engine.message(id).cloned())
                .collect();
            conn.sent_view.clone_from(view);
            let frame = ToClient::View {
                at: engine.now(),
                view: Box::new(patch),
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
