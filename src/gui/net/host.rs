//! Hosting from the app: the facilitator's screen runs the one engine (the local adapter)
//! and serves the team seats on the network through `net::serve`. Commands from the seats
//! go to the adapter as [`RemoteCommand`]s (before this screen's own, in arrival order);
//! after the picture is rebuilt, each seat is sent its answers, its view and the clock.

use crate::gui::exercise::adapter::{AdapterSet, EngineHost, ReleaseBot};
use crate::gui::exercise::clock::ExerciseClock;
use crate::gui::exercise::command::{RemoteAnswer, RemoteCommand};
use crate::gui::exercise::record::Recorder;
use crate::gui::screens::Screen;
use crate::net::ledger::SeatList;
use crate::net::proto::Answer;
use crate::net::seat::{Key, load_or_make_key, write_seats};
use crate::net::serve::{HostEvent, Served};
use crate::scenario::{Secs, TeamId};
use bevy::prelude::*;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Serve the running exercise's team seats on `listen` (the address the trainees reach).
#[derive(Message, Debug, Clone, Copy)]
pub(crate) struct StartHosting(pub SocketAddr);

/// The facilitator's order for one seat.
#[derive(Message, Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SeatOrder {
    /// Its seat file stops working and its connection is closed.
    Revoke(TeamId),
    /// A new seat file replaces the old one (which stops working).
    Reissue(TeamId),
}

/// Events told in the seat table.
const EVENTS_KEPT: usize = 12;
/// The clock goes to the seats at least this often, and when it changes.
const CLOCK_EVERY: Duration = Duration::from_secs(1);

/// The exercise is served on the network.
#[derive(Resource)]
pub(crate) struct Hosting {
    pub served: Served,
    key: Key,
    pub listen: SocketAddr,
    /// The session folder (its key, seat list and ledger).
    session: PathBuf,
    /// Where the seat files are.
    pub seats: PathBuf,
    /// What happened lately, newest last.
    pub events: Vec<HostEvent>,
    /// Why the last order failed.
    pub problem: Option<String>,
    clock_sent: Option<(Instant, Secs, u32, bool)>,
    ended: bool,
}

/// Why hosting could not start (shown at the briefing and in the exercise's top bar).
#[derive(Resource, Debug, Default)]
pub(crate) struct HostingProblem(pub Option<String>);

pub(super) fn plugin(app: &mut App) {
    app.add_message::<StartHosting>();
    app.add_message::<SeatOrder>();
    app.init_resource::<HostingProblem>();
    let hosting = resource_exists::<Hosting>.and_then(resource_exists::<EngineHost>);
    app.add_systems(
        Update,
        (
            start_hosting.after(AdapterSet::Live),
            receive.before(AdapterSet::Apply).run_if(hosting.clone()),
            (orders, send)
                .chain()
                .after(AdapterSet::Live)
                .run_if(hosting),
        )
            .run_if(in_state(Screen::Exercise)),
    );
    app.add_systems(OnEnter(Screen::Exercise), host_again);
    app.add_systems(OnEnter(Screen::End), end_for_seats);
    app.add_systems(OnEnter(Screen::Select), stop_hosting);
}

fn start_hosting(world: &mut World) {
    let Some(StartHosting(listen)) = world
        .resource_mut::<Messages<StartHosting>>()
        .drain()
        .last()
    else {
        return;
    };
    if world.contains_resource::<Hosting>() {
        return;
    }
    let result = begin(world, listen);
    world.resource_mut::<HostingProblem>().0 = result.err().map(|e| e.to_string());
}

fn begin(world: &mut World, listen: SocketAddr) -> Result<(), crate::net::NetError> {
    let no_session = || crate::net::NetError::Listen {
        addr: listen.to_string(),
        why: crate::words::say(crate::words::default_lang(), "net-host-no-session"),
    };
    let recorder = world.get_resource::<Recorder>().ok_or_else(no_session)?;
    let dir = recorder.dir().ok_or_else(no_session)?.to_path_buf();
    let records = recorder.next_record().ok_or_else(no_session)?;
    let scenario = world.resource::<EngineHost>().engine().scenario().clone();
    let key = load_or_make_key(&dir)?;
    let seats = dir.join("seats");
    // A session hosted before (resumed) keeps its seat files: they work again as they are.
    let fresh = SeatList::load(&dir)?.is_none();
    if fresh {
        write_seats(&key, listen, &scenario, &seats, &dir)?;
    }
    crate::net::host::listen_on(world, &key, (listen, listen), scenario.teams.len())?;
    let mut served = crate::net::host::served(&dir, scenario, records, &key)?;
    // A seat a bot plays is taken: its file does not work until the facilitator issues
    // it again, which hands the seat from the bot to whoever holds the new file.
    if fresh {
        let cast = world.resource::<EngineHost>().cast().clone();
        for (t, _) in cast
            .profiles
            .iter()
            .enumerate()
            .filter(|(_, p)| p.is_some())
        {
            served.revoke(world, TeamId(t as u32), &dir)?;
        }
    }
    world.insert_resource(Hosting {
        served,
        key,
        listen,
        session: dir,
        seats,
        events: Vec::new(),
        problem: None,
        clock_sent: None,
        ended: false,
    });
    Ok(())
}

/// A resumed session that was hosted is hosted again, where its seat files point, so the
/// seats come back by themselves.
fn host_again(
    recorder: Option<Res<Recorder>>,
    hosting: Option<Res<Hosting>>,
    mut start: MessageWriter<StartHosting>,
) {
    let Some(dir) = recorder.as_ref().and_then(|r| r.dir()) else {
        return;
    };
    if hosting.is_some() {
        return;
    }
    let listen = SeatList::load(dir).ok().flatten().and_then(|l| l.listen);
    if let Some(addr) = listen.and_then(|a| a.parse().ok()) {
        start.write(StartHosting(addr));
    }
}

fn tell(events: &mut Vec<HostEvent>, e: HostEvent) {
    events.push(e);
    let over = events.len().saturating_sub(EVENTS_KEPT);
    events.drain(..over);
}

/// Seat new connections and hand the seats' commands to the adapter.
fn receive(world: &mut World) {
    world.resource_scope(|world, mut hosting: Mut<Hosting>| {
        let h = &mut *hosting;
        let mut said = Vec::new();
        h.served.admit(world, &mut |e| said.push(e));
        // Not recording (a disk error): ids are still taken once while the host runs.
        let records = world
            .get_resource::<Recorder>()
            .and_then(Recorder::next_record)
            .unwrap_or(u64::MAX / 2);
        match h.served.commands(world, records, &mut |e| said.push(e)) {
            Ok(incoming) => {
                for c in incoming {
                    world.write_message(RemoteCommand {
                        client: c.client,
                        team: c.team,
                        id: c.id,
                        command: c.command,
                    });
                }
            }
            Err(e) => h.problem = Some(e.to_string()),
        }
        for e in said {
            tell(&mut h.events, e);
        }
    });
}

/// Answers, views and the clock to the seats.
fn send(world: &mut World) {
    let answers: Vec<RemoteAnswer> = world
        .resource_mut::<Messages<RemoteAnswer>>()
        .drain()
        .collect();
    let clock = world.resource::<ExerciseClock>().clone();
    world.resource_scope(|world, mut hosting: Mut<Hosting>| {
        let h = &mut *hosting;
        for a in answers {
            let answer = match a.result {
                Ok(outcome) => Answer::Applied(outcome),
                Err(Some(why)) => Answer::Refused(why),
                Err(None) => Answer::NotYours,
            };
            h.served.answer(world, a.client, a.id, answer);
        }
        world.resource_scope(|world, engine: Mut<EngineHost>| {
            h.served.send_views(world, engine.engine(), true);
        });
        let now = clock.secs();
        let due = h.clock_sent.is_none_or(|(t, at, speed, paused)| {
            t.elapsed() >= CLOCK_EVERY || (speed, paused) != (clock.speed, clock.paused) || {
                let moved = now.abs_diff(at);
                moved > u64::from(clock.speed) * 2
            }
        });
        if due {
            let speed = f64::from(clock.speed);
            h.served.send_clock(world, now, speed, clock.paused);
            h.clock_sent = Some((Instant::now(), now, clock.speed, clock.paused));
        }
    });
}

fn orders(world: &mut World) {
    let asked: Vec<SeatOrder> = world
        .resource_mut::<Messages<SeatOrder>>()
        .drain()
        .collect();
    if asked.is_empty() {
        return;
    }
    world.resource_scope(|world, mut hosting: Mut<Hosting>| {
        let h = &mut *hosting;
        for order in asked {
            let done = match order {
                SeatOrder::Revoke(team) => h.served.revoke(world, team, &h.session),
                SeatOrder::Reissue(team) => h
                    .served
                    .reissue(world, team, &h.key, h.listen, &h.session, &h.seats)
                    .map(|_| {
                        world.write_message(ReleaseBot(team));
                    }),
            };
            h.problem = done.err().map(|e| e.to_string());
        }
    });
}

/// The facilitator ended the exercise: every seat is told, with its last view.
fn end_for_seats(world: &mut World) {
    if !world.contains_resource::<Hosting>() || !world.contains_resource::<EngineHost>() {
        return;
    }
    world.resource_scope(|world, mut hosting: Mut<Hosting>| {
        if hosting.ended {
            return;
        }
        hosting.ended = true;
        world.resource_scope(|world, engine: Mut<EngineHost>| {
            hosting.served.send_views(world, engine.engine(), true);
        });
        hosting.served.end(world);
    });
}

/// Back to scenario select: the seats are let go and the server closed.
fn stop_hosting(world: &mut World) {
    if world.remove_resource::<Hosting>().is_none() {
        return;
    }
    if let Some(mut server) = world.get_resource_mut::<bevy_replicon_renet::RenetServer>() {
        server.disconnect_all();
    }
    world.remove_resource::<bevy_replicon_renet::netcode::NetcodeServerTransport>();
    world.remove_resource::<bevy_replicon_renet::RenetServer>();
}
