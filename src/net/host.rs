//! The headless host of a networked exercise: a networking app with the netcode server
//! (Secure mode), the one engine and the session record. It serves the seats through
//! [`super::serve`], applies their commands in arrival order at the current exercise
//! time, keeps the session's clock, and tells every seat when the exercise ends.

use super::ledger::{Ledger, SeatList};
use super::proto::Answer;
use super::seat::{Key, exercise_id};
use super::serve::{HostEvent, Served};
use super::{NetError, PROTOCOL_ID, base_app, connection_config, unix_now};
use crate::engine::Engine;
use crate::scenario::Secs;
use crate::session::Session;
use bevy::prelude::*;
use bevy_replicon_renet::RenetServer;
use bevy_replicon_renet::netcode::{NetcodeServerTransport, ServerAuthentication, ServerConfig};
use std::net::{SocketAddr, UdpSocket};
use std::time::{Duration, Instant};

/// A clock, with the views that changed, goes to every seat at least this often ...
const CLOCK_EVERY: Duration = Duration::from_secs(1);
/// ... and at most this often while exercise time moves. A client sends a scripted step
/// once a clock says its time has come, so it has the views of that moment.
const CLOCK_AT_MOST: Duration = Duration::from_millis(100);
/// The host looks at the network this often while the exercise runs.
const TICK: Duration = Duration::from_millis(10);
/// The session notes the clock at least this often (exercise seconds), so a host
/// restarted from it stands near where it stopped.
const MARK_EVERY: Secs = 60;

/// How the host runs the exercise.
#[derive(Debug, Clone)]
pub struct HostOptions {
    /// Exercise seconds per real second.
    pub speed: f64,
    /// The exercise ends at this time.
    pub until: Secs,
    /// Keep the clock paused until this many seats have joined.
    pub wait_for: usize,
    /// Exercise control's scripted steps (injects, overrides, notes), each applied when
    /// the clock reaches it; team steps are the seats' to send.
    pub control: Vec<crate::session::script::Planned>,
}

/// The netcode server on `listen` with `key`, as resources of `world`; it admits the
/// seat files that name `public` (the address clients dial: `listen` itself, or one that
/// relays to it).
pub(crate) fn listen_on(
    world: &mut World,
    key: &Key,
    (listen, public): (SocketAddr, SocketAddr),
    seats: usize,
) -> Result<(), NetError> {
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
        max_clients: seats.max(1),
        protocol_id: PROTOCOL_ID,
        public_addresses: vec![public],
        authentication: ServerAuthentication::Secure { private_key: *key },
    };
    let transport =
        NetcodeServerTransport::new(config, socket).map_err(|e| failed(e.to_string()))?;
    let server = RenetServer::new(connection_config(world));
    world.insert_resource(server);
    world.insert_resource(transport);
    Ok(())
}

/// The seats of the session in `dir` (its `seats.json`) and its command ledger, the
/// session's records so far numbering `records`.
pub(crate) fn served(
    dir: &std::path::Path,
    scenario: std::sync::Arc<crate::scenario::Scenario>,
    records: u64,
    key: &Key,
) -> Result<Served, NetError> {
    let list = SeatList::load(dir)?.unwrap_or_default();
    let ledger = Ledger::open(dir, records)?;
    Served::new(exercise_id(key), scenario, list, ledger)
}

/// A running host.
pub struct Host {
    app: App,
    session: Session,
    engine: Engine,
    served: Served,
}

impl Host {
    /// Listen on `listen` (the address written in the seat files) with `key`, serving the
    /// seats listed in the session's folder. `engine` stands where `session` does (a new
    /// run, or one read back to resume).
    pub fn start(
        session: Session,
        engine: Engine,
        key: Key,
        listen: SocketAddr,
    ) -> Result<Host, NetError> {
        Self::start_behind(session, engine, key, listen, listen)
    }

    /// As [`Host::start`], listening on `listen` for the seat files that name `public`:
    /// a relay on `public` passes the seats' packets on (the fault tests put one there).
    pub fn start_behind(
        session: Session,
        engine: Engine,
        key: Key,
        listen: SocketAddr,
        public: SocketAddr,
    ) -> Result<Host, NetError> {
        let mut app = base_app();
        let teams = session.scenario().teams.len();
        listen_on(app.world_mut(), &key, (listen, public), teams)?;
        let served = served(
            session.dir(),
            session.scenario().clone(),
            session.records(),
            &key,
        )?;
        Ok(Host {
            app,
            session,
            engine,
            served,
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
        let base = self.engine.now() as f64;
        // (when, exercise time) of the last clock sent.
        let mut last_clock: Option<(Instant, Secs)> = None;
        let mut marked = self.engine.now();
        // Control steps before where a resumed session stands were applied before.
        let mut next_step = options
            .control
            .partition_point(|p| p.at < self.engine.now());
        loop {
            self.app.update();
            self.served.admit(self.app.world_mut(), events);
            if started.is_none() && self.served.connected() >= options.wait_for {
                started = Some(Instant::now());
            }
            let now = started.map_or(base, |s| base + s.elapsed().as_secs_f64() * options.speed);
            let now = (now as Secs).min(options.until).max(self.engine.now());
            while let Some(step) = options.control.get(next_step).filter(|p| p.at <= now) {
                next_step += 1;
                if step.command.team().is_none() {
                    self.engine.advance_to(step.at.max(self.engine.now()));
                    let command = step.command_for(&self.engine);
                    let _ = self.session.apply(&mut self.engine, command)?;
                }
            }
            self.engine.advance_to(now);
            if now >= marked + MARK_EVERY {
                self.session.mark_time(now)?;
                marked = now;
            }
            self.apply_commands(events)?;
            let due = last_clock.is_none_or(|(t, at)| {
                let real = t.elapsed();
                real >= CLOCK_EVERY || (real >= CLOCK_AT_MOST && at < self.engine.now())
            });
            // Every seat's view goes with the clock; a seat's whose command was answered
            // goes at once.
            self.served
                .send_views(self.app.world_mut(), &self.engine, due);
            if due {
                let paused = started.is_none();
                let now = self.engine.now();
                self.served
                    .send_clock(self.app.world_mut(), now, options.speed, paused);
                last_clock = Some((Instant::now(), now));
            }
            if self.engine.now() >= options.until {
                break;
            }
            // Each look at the network sends every seat a packet (renet acknowledges the
            // seat's acknowledgements), so the pace sets the traffic; waiting for seats,
            // the loop need not spin.
            std::thread::sleep(if started.is_some() { TICK } else { 2 * TICK });
        }
        self.served
            .send_views(self.app.world_mut(), &self.engine, true);
        let now = self.engine.now();
        let world = self.app.world_mut();
        self.served.send_clock(world, now, options.speed, false);
        self.served.end(world);
        // Until every seat has left (each does once it reads the end), or as long as a
        // silent seat is kept: one whose link is out just then still hears of the end.
        let flush = Instant::now();
        let keep = Duration::from_secs(super::seat::TIMEOUT_SECS.unsigned_abs().into());
        while flush.elapsed() < keep {
            self.app.update();
            self.served.admit(self.app.world_mut(), events);
            if self.served.connected() == 0 {
                break;
            }
            std::thread::sleep(Duration::from_millis(5));
        }
        self.session.finish(&self.engine)?;
        Ok(self.engine)
    }

    /// Apply the commands that arrived, in arrival order, each as its seat's team.
    fn apply_commands(&mut self, events: &mut dyn FnMut(HostEvent)) -> Result<(), NetError> {
        let records = self.session.records();
        let incoming = self
            .served
            .commands(self.app.world_mut(), records, events)?;
        for c in incoming {
            let answer = match self.session.apply(&mut self.engine, c.command.clone())? {
                Ok(outcome) => Answer::Applied(outcome),
                Err(e) => Answer::Refused(e.to_string()),
            };
            self.served
                .answer(self.app.world_mut(), c.client, c.id, answer);
        }
        Ok(())
    }
}
