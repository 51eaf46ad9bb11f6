//! The app on both sides of the wire, headless, on loopback: a hosting app (the local
//! adapter and the seat table) and a joined app (no engine), updated in turn. The joined
//! screen shows only its team's services, its commands land once in the host's engine, a
//! command the seat may not give is refused and said in its log, and the host's clock
//! drives it.

use super::host::{Hosting, SeatOrder, StartHosting};
use super::join::{JoinSeat, Remote};
use crate::engine::Command;
use crate::gui::catalog::Origin;
use crate::gui::exercise::adapter::EngineHost;
use crate::gui::exercise::clock::{ClockCommand, ExerciseClock};
use crate::gui::exercise::command::UiCommand;
use crate::gui::exercise::picture::{LogEvent, Picture, Shown};
use crate::gui::exercise::record::SessionRoot;
use crate::gui::exercise::start::StartExercise;
use crate::gui::screens::Screen;
use crate::gui::session::{Seat, Session};
use crate::scenario::{self, DEFAULT_SCENARIO, TeamId};
use bevy::prelude::*;
use std::net::UdpSocket;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

fn temp(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("crossdrill-gui-net-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn base() -> App {
    let mut app = crate::gui::testkit::headless(50);
    app.add_plugins((
        crate::gui::session::plugin,
        crate::gui::exercise::engine_plugins,
    ));
    app.add_plugins((
        crate::net::plugins,
        super::host::plugin,
        super::join::plugin,
    ));
    app.finish();
    app.cleanup();
    app
}

/// Update both apps until `done` holds of them (at most 20 s of real time).
fn until(host: &mut App, client: &mut App, what: &str, done: impl Fn(&App, &App) -> bool) {
    let start = Instant::now();
    while !done(host, client) {
        assert!(start.elapsed() < Duration::from_secs(20), "never: {what}");
        host.update();
        client.update();
        std::thread::sleep(Duration::from_millis(3));
    }
}

#[test]
fn a_joined_screen_plays_its_team_through_the_host() {
    let root = temp("play");
    let scenario = Arc::new(
        scenario::load_source(DEFAULT_SCENARIO.0, DEFAULT_SCENARIO.1, None)
            .expect("default scenario")
            .scenario,
    );
    let port = UdpSocket::bind("127.0.0.1:0")
        .expect("port")
        .local_addr()
        .expect("addr")
        .port();
    let listen = std::net::SocketAddr::from(([127, 0, 0, 1], port));

    let mut host = base();
    host.insert_resource(SessionRoot(root.clone()));
    let session = Session::new(Origin::DEFAULT, scenario.clone());
    host.world_mut()
        .write_message(StartExercise::fresh(&session, Seat::Facilitator));
    host.insert_resource(session);
    host.world_mut().write_message(StartHosting(listen));
    for _ in 0..3 {
        host.update();
    }
    let seats = host
        .world()
        .get_resource::<Hosting>()
        .expect("hosting")
        .seats
        .clone();
    let grid = scenario.team_by_id("grid").expect("grid");

    let mut client = base();
    client
        .world_mut()
        .write_message(JoinSeat(seats.join("grid.seat")));
    until(
        &mut host,
        &mut client,
        "the seat's first picture",
        |_, c| {
            let screen = *c.world().resource::<State<Screen>>().get();
            screen == Screen::Exercise
                && c.world()
                    .get_resource::<Picture>()
                    .is_some_and(|p| p.revision > 0)
        },
    );
    assert!(
        !client.world().contains_resource::<EngineHost>(),
        "no engine on a seat"
    );
    let p = client.world().resource::<Picture>();
    assert_eq!(p.seat, Seat::Team(grid));
    let own = |i: usize| scenario.controller_of(crate::scenario::ServiceId(i as u32)) == Some(grid);
    for (i, card) in p.services.iter().enumerate() {
        assert_eq!(card.shown != Shown::Unknown, own(i), "service {i}");
    }
    let row = &host.world().resource::<Hosting>().served.rows[grid.idx()];
    assert!(row.connected && row.addr.is_some());

    // A command the seat may give lands once; one it may not is refused and said.
    let action = scenario.action_by_id("public-statement").expect("action");
    client.world_mut().write_message(UiCommand::TakeAction {
        team: grid,
        action,
        service: None,
    });
    client
        .world_mut()
        .write_message(UiCommand::Control(Command::Note("from a team seat".into())));
    until(
        &mut host,
        &mut client,
        "the refusal in the seat's log",
        |_, c| {
            c.world()
                .resource::<Picture>()
                .log
                .iter()
                .any(|l| matches!(l.event, LogEvent::Rejected(_)))
        },
    );
    until(
        &mut host,
        &mut client,
        "the action running on the seat",
        |_, c| !c.world().resource::<Picture>().running.is_empty(),
    );
    let commands = |h: &App| {
        let e = h.world().resource::<EngineHost>().engine();
        e.journal()
            .commands()
            .into_iter()
            .filter(|(_, c)| c.team() == Some(grid))
            .count()
    };
    assert_eq!(commands(&host), 1, "applied once");
    assert!(
        host.world()
            .resource::<EngineHost>()
            .engine()
            .journal()
            .commands()
            .into_iter()
            .all(|(_, c)| !matches!(c, Command::Note(_))),
        "a team seat's note is not applied"
    );

    // The facilitator's clock drives the seat.
    host.world_mut().write_message(ClockCommand::Speed(60));
    host.world_mut().write_message(ClockCommand::Resume);
    until(
        &mut host,
        &mut client,
        "the seat's clock running at 60x",
        |_, c| {
            let clock = c.world().resource::<ExerciseClock>();
            !clock.paused && clock.speed == 60
        },
    );

    // Revoked: the seat is let go, and its file no longer gets in.
    host.world_mut()
        .write_message(SeatOrder::Revoke(TeamId(grid.0)));
    until(&mut host, &mut client, "the seat let go", |h, _| {
        !h.world().resource::<Hosting>().served.rows[grid.idx()].connected
    });
    for _ in 0..60 {
        host.update();
        client.update();
    }
    assert_eq!(
        host.world().resource::<Hosting>().served.connected(),
        0,
        "not let in again"
    );
    assert!(client.world().resource::<Remote>().ever);
    let _ = std::fs::remove_dir_all(&root);
}
