//! A host and a hand-made client in one process, on loopback: frames `join` never sends
//! (another team's command, bytes that are not a message, an id sent again) are
//! answered or told, nothing of them is applied, and the host plays on to the end. An
//! id sent again gets what became of it the first time (applied, or refused and why),
//! and so does every id the seat gave, again, just before the end.

use super::client::{connect, frames};
use super::host::{Host, HostOptions};
use super::proto::{self, Answer, ToClient, ToHost};
use super::seat::{load_or_make_key, read_seat, write_seats};
use super::serve::HostEvent;
use super::{ClientFrame, base_app};
use crate::engine::{Command, Engine};
use crate::scenario::{DEFAULT_SCENARIO, Scenario};
use crate::session::{Session, script};
use bevy::prelude::*;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

const PLAY: &str = "tests/plays/well-run.commands.ron";

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("crossdrill-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// The first step of the play that `team` gives, and its last.
fn steps_of(scenario: &Scenario, team: &str) -> (Command, Command) {
    let text = std::fs::read_to_string(PLAY).expect("play");
    let plan = script::parse(PLAY, &text, scenario).expect("play parses");
    let id = scenario.team_by_id(team).expect("team");
    let mut steps = plan.iter().filter(|s| s.command.team() == Some(id));
    let first = steps.next().expect("a step").command.clone();
    (
        first.clone(),
        steps.next_back().map_or(first, |s| s.command.clone()),
    )
}

fn put(world: &mut World, bytes: Vec<u8>) {
    world.write_message(ClientFrame(bytes));
}

fn command(id: u64, command: &Command) -> Vec<u8> {
    let command = command.clone();
    proto::encode(&ToHost::Command { id, command })
}

#[test]
fn frames_a_seat_may_not_send_are_refused_and_the_host_plays_on() {
    let dir = scratch("net-loopback");
    let (name, text) = DEFAULT_SCENARIO;
    let session = Session::create(&dir, name, text, 7).expect("session");
    let scenario = session.scenario().clone();
    let port = std::net::UdpSocket::bind("127.0.0.1:0")
        .and_then(|s| s.local_addr())
        .expect("a loopback port")
        .port();
    let listen = std::net::SocketAddr::from(([127, 0, 0, 1], port));
    let key = load_or_make_key(&dir).expect("key");
    let seats = dir.join("seats");
    write_seats(&key, listen, &scenario, &seats, &dir).expect("seats");
    let engine = Engine::new(scenario.clone(), 7);
    let options = HostOptions {
        speed: 60.0,
        until: 180,
        wait_for: 1,
        control: Vec::new(),
    };
    let host = std::thread::spawn(move || {
        let mut told = Vec::new();
        let host = Host::start(session, engine, key, listen).expect("host starts");
        host.run(&options, &mut |e| told.push(e))
            .expect("host runs");
        told
    });

    let seat = read_seat(&seats.join("grid.seat")).expect("seat file");
    // The grid's last step (a patch at 1h) is refused this early: nothing shows it is needed.
    let ((own, early), (others, _)) = (steps_of(&scenario, "grid"), steps_of(&scenario, "carrier"));
    let mut app = base_app();
    connect(app.world_mut(), &seat).expect("connect");
    let mut answers: BTreeMap<u64, Vec<Answer>> = BTreeMap::new();
    let (mut seated, mut resent) = (false, false);
    let start = Instant::now();
    'play: loop {
        assert!(start.elapsed() < Duration::from_secs(60), "{answers:?}");
        app.update();
        for frame in frames(app.world_mut()) {
            match proto::decode::<ToClient>(&frame.0) {
                Ok(ToClient::Seat { .. }) if !seated => {
                    seated = true;
                    let world = app.world_mut();
                    put(world, command(1, &others));
                    put(world, b"{\"Command\": 3}".to_vec());
                    put(world, command(2, &own));
                    put(world, command(3, &early));
                }
                Ok(ToClient::Applied { id, answer }) => answers.entry(id).or_default().push(answer),
                Ok(ToClient::Ended) => break 'play,
                _ => {}
            }
        }
        if answers.contains_key(&2) && answers.contains_key(&3) && !resent {
            resent = true;
            put(app.world_mut(), command(2, &own));
            put(app.world_mut(), command(3, &early));
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    let told = host.join().expect("the host thread");

    assert_eq!(answers[&1], [Answer::NotYours], "{answers:?}");
    let first = &answers[&2][0];
    assert!(matches!(first, Answer::Applied(_)), "{first:?}");
    // Sent again, and said again before the end.
    assert_eq!(
        answers[&2][1..],
        [Answer::Earlier, Answer::Earlier],
        "{answers:?}"
    );
    let why = match &answers[&3][0] {
        Answer::Refused(why) => why.clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!(
        answers[&3][1..],
        [Answer::Refused(why.clone()), Answer::Refused(why)]
    );
    let bad = told
        .iter()
        .filter(|e| matches!(e, HostEvent::BadFrame { .. }));
    assert_eq!(
        bad.count(),
        2,
        "another team's command and the bytes: {told:?}"
    );
    let joined = told
        .iter()
        .filter(|e| matches!(e, HostEvent::Joined { team, .. } if team == "grid"));
    assert_eq!(joined.count(), 1, "{told:?}");
    // The session holds the seat's two commands, each given once (the second refused),
    // and nothing of the carrier's.
    let records = std::fs::read_to_string(dir.join("commands.jsonl")).expect("records");
    let commands: Vec<&str> = records.lines().filter(|l| l.contains("team")).collect();
    assert_eq!(commands.len(), 2, "{records}");
    assert!(
        commands.iter().all(|c| c.contains("\"team\":0")),
        "{records}"
    );
    assert!(commands[1].contains("Refused"), "{records}");
    let _ = std::fs::remove_dir_all(&dir);
}
