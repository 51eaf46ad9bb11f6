//! The host of a networked exercise: a headless app with the netcode server (Secure
//! mode), the one engine and the session record. It admits connections by the seat in
//! their token, applies their commands in arrival order at the current exercise time,
//! and sends each client its own team's view, the clock, and the end.

use super::proto::{self, ToClient, ToHost};
use super::seat::{Key, SeatRecord, exercise_id};
use super::{ClientFrame, HostFrame, NetError, PROTOCOL_ID, base_app, connection_config, unix_now};
use crate::engine::{Engine, TeamView};
use crate::scenario::{Secs, TeamId};
use crate::session::Session;
use bevy::prelude::*;
use bevy_replicon::prelude::*;
use bevy_replicon::shared::backend::connected_client::NetworkId;
use bevy_replicon_renet::RenetServer;
use bevy_replicon_renet::netcode::{NetcodeServerTransport, ServerAuthentication, ServerConfig};
use std::collections::HashMap;
use std::net::{SocketAddr, UdpSocket};
use std::time::{Duration, Instant};

/// A clock goes to every seat at least this often ...
const CLOCK_EVERY: Duration = Duration::from_secs(1);
/// ... and at most this often while exercise time moves. A client sends a scripted step
/// once a clock says its time has come, so it has the views of that moment.
const CLOCK_AT_MOST: Duration = Duration::from_millis(100);

/// How the host runs the exercise.
#[derive(Debug, Clone)]
pub struct HostOptions {
    /// Exercise seconds per real second.
    pub speed: f64,
    /// The exercise ends at this time.
    pub until: Secs,
    /// Keep the clock paused until this many seats have joined.
    pub wait_for: usize,
}

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
    /// A connection whose token holds no seat of this exercise.
    Refused {
        addr: String,
    },
    /// A frame that is not a message, or a command a seat may not give.
    BadFrame {
        team: String,
        why: String,
    },
}

struct Seated {
    team: TeamId,
    sent_view: Option<TeamView>,
}

/// A running host.
pub struct Host {
    app: App,
    session: Session,
    engine: Engine,
    exercise: String,
    seats: HashMap<Entity, Seated>,
}

impl Host {
    /// Listen on `listen` (also the address written in the seat files) with `key`.
    pub fn start(
        session: Session,
        engine: Engine,
        key: Key,
        listen: SocketAddr,
    ) -> Result<Host, NetError> {
        if listen.ip().is_unspecified() {
            return Err(NetError::Unspecified(listen.to_string()));
        }
        let failed = |why: String| NetError::Listen {
            addr: listen.to_string(),
            why,
        };
        let socket = UdpSocket::bind(listen).map_err(|e| failed(e.to_string()))?;
        let config = ServerConfig {
            current_time: unix_now(),
            max_clients: session.scenario().teams.len().max(1),
            protocol_id: PROTOCOL_ID,
            public_addresses: vec![listen],
            authentication: ServerAuthentication::Secure { private_key: key },
        };
        let transport =
            NetcodeServerTransport::new(config, socket).map_err(|e| failed(e.to_string()))?;
        let mut app = base_app();
        let server = RenetServer::new(connection_config(&app));
        app.insert_resource(server).insert_resource(transport);
        Ok(Host {
            app,
            session,
            engine,
            exercise: exercise_id(&key),
            seats: HashMap::new(),
        })
    }

    /// Run the exercise to `options.until`, then tell every client it ended, close the
    /// session (its journal written) and hand back the engine.
    pub fn run(
        mut self,
        options: &HostOptions,
        events: &mut dyn FnMut(HostEvent),
    ) -> Result<Engine, NetError> {
        let mut started: Option<Instant> = None;
        let base = self.session.now() as f64;
        // (when, exercise time) of the last clock sent.
        let mut last_clock: Option<(Instant, Secs)> = None;
        loop {
            self.app.update();
            self.admit(events);
            if started.is_none() && self.seats.len() >= options.wait_for {
                started = Some(Instant::now());
            }
            let now = started.map_or(base, |s| base + s.elapsed().as_secs_f64() * options.speed);
            let now = (now as Secs).min(options.until);
            self.engine.advance_to(now);
            self.apply_commands(events)?;
            let changed = self.send_views();
            let due = last_clock.is_none_or(|(t, at)| {
                let real = t.elapsed();
                real >= CLOCK_EVERY
                    || (real >= CLOCK_AT_MOST && (changed || at < self.engine.now()))
            });
            if due {
                self.send_clock(options.speed, started.is_none());
                last_clock = Some((Instant::now(), self.engine.now()));
            }
            if self.engine.now() >= options.until {
                break;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
        self.send_views();
        self.send_clock(options.speed, false);
        self.send_all(&ToClient::Ended);
        let flush = Instant::now();
        while flush.elapsed() < Duration::from_millis(1500) {
            self.app.update();
            self.admit(events);
            if self.seats.is_empty() {
                break;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        self.session.finish(&self.engine)?;
        Ok(self.engine)
    }

    /// Seat every newly authorized connection by its token, refuse those with no seat
    /// here, and forget those that left.
    fn admit(&mut self, events: &mut dyn FnMut(HostEvent)) {
        let (world, teams) = (self.app.world(), &self.session.scenario().teams);
        self.seats.retain(|&e, s| {
            let here = world.get_entity(e).is_ok();
            if !here {
                events(HostEvent::Left {
                    team: teams[s.team.idx()].id.clone(),
                });
            }
            here
        });
        let world = self.app.world_mut();
        let new: Vec<(Entity, u64)> = world
            .query_filtered::<(Entity, &NetworkId), With<AuthorizedClient>>()
            .iter(world)
            .filter(|(e, _)| !self.seats.contains_key(e))
            .map(|(e, id)| (e, id.get()))
            .collect();
        for (entity, id) in new {
            let transport = self.app.world().resource::<NetcodeServerTransport>();
            let addr = transport
                .client_addr(id)
                .map_or_else(String::new, |a| a.to_string());
            let record = transport
                .user_data(id)
                .and_then(|d| SeatRecord::from_user_data(&d));
            let scenario = self.session.scenario().clone();
            let team = record
                .filter(|r| r.exercise == self.exercise)
                .and_then(|r| scenario.team_by_id(&r.team));
            let taken = team.is_some_and(|t| self.seats.values().any(|s| s.team == t));
            let Some(team) = team.filter(|_| !taken) else {
                self.app.world_mut().entity_mut(entity).despawn();
                events(HostEvent::Refused { addr });
                continue;
            };
            let seated = Seated {
                team,
                sent_view: None,
            };
            self.seats.insert(entity, seated);
            let seat = ToClient::Seat {
                exercise: self.exercise.clone(),
                scenario: scenario.id.clone(),
                team: scenario.teams[team.idx()].id.clone(),
            };
            self.send_one(entity, &seat);
            events(HostEvent::Joined {
                team: scenario.teams[team.idx()].id.clone(),
                addr,
            });
        }
    }

    /// Apply the commands that arrived, in arrival order, each as its seat's team.
    fn apply_commands(&mut self, events: &mut dyn FnMut(HostEvent)) -> Result<(), NetError> {
        let frames: Vec<FromClient<ClientFrame>> = self
            .app
            .world_mut()
            .resource_mut::<Messages<FromClient<ClientFrame>>>()
            .drain()
            .collect();
        for frame in frames {
            let Some(entity) = frame.client_id.entity() else {
                continue;
            };
            let Some(seat) = self.seats.get(&entity) else {
                continue;
            };
            let team_name = self.session.scenario().teams[seat.team.idx()].id.clone();
            let (id, command) = match proto::decode::<ToHost>(&frame.message.0) {
                Ok(ToHost::Command { id, command }) => (id, proto::as_team(command, seat.team)),
                Err(e) => {
                    events(HostEvent::BadFrame {
                        team: team_name,
                        why: e.to_string(),
                    });
                    continue;
                }
            };
            let result = match command {
                Some(c) => self
                    .session
                    .apply(&mut self.engine, c)?
                    .map_err(|e| e.to_string()),
                None => {
                    let why = "a team seat cannot give facilitator commands".to_string();
                    events(HostEvent::BadFrame {
                        team: team_name,
                        why: why.clone(),
                    });
                    Err(why)
                }
            };
            self.send_one(entity, &ToClient::Applied { id, result });
        }
        Ok(())
    }

    /// Send each seat its team's view if it changed since the last one it got; `true`
    /// if any did.
    fn send_views(&mut self) -> bool {
        let mut out = Vec::new();
        for (&entity, seat) in &mut self.seats {
            let view = self.engine.view(seat.team);
            if seat.sent_view.as_ref() != Some(view) {
                seat.sent_view = Some(view.clone());
                out.push((entity, ToClient::View(Box::new(view.clone()))));
            }
        }
        let changed = !out.is_empty();
        for (entity, message) in out {
            self.send_one(entity, &message);
        }
        changed
    }

    fn send_clock(&mut self, speed: f64, paused: bool) {
        let now = self.engine.now();
        self.send_all(&ToClient::Clock { now, speed, paused });
    }

    fn send_all(&mut self, message: &ToClient) {
        let seated: Vec<Entity> = self.seats.keys().copied().collect();
        for entity in seated {
            self.send_one(entity, message);
        }
    }

    /// Send to one client only.
    fn send_one(&mut self, entity: Entity, message: &ToClient) {
        self.app.world_mut().write_message(ToClients {
            targets: SendTargets::Single(ClientId::Client(entity)),
            message: HostFrame(proto::encode(message)),
        });
    }
}
