//! Networked exercises when something goes wrong, on loopback: a revoked or replaced seat
//! file is refused by a resumed host while the other seats still join; a client killed
//! mid-exercise and started again, and a host killed and resumed from its session, lose
//! no command and apply none twice; every session still replays. An ended session is
//! not hosted again.

use crate::common::scratch;
use crate::net_common::{
    SCENARIO, assert_replays, finish, free_addr, host, join, recorded_commands, spawn, team_of,
    wait_until,
};
use crossdrill::scenario::load_path;
use crossdrill::session::script;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;
use std::process::Child;
use std::time::Duration;

const PLAY: &str = "tests/plays/well-run.commands.ron";
const LIMIT: Duration = Duration::from_secs(90);

/// A command as JSON without the incidents its message cites (a step citing every
/// incident its team knows cites what the team knew when it was sent).
fn without_incidents(mut v: Value) -> Value {
    match &mut v {
        Value::Object(o) => {
            o.remove("incidents");
            for x in o.values_mut() {
                *x = without_incidents(x.take());
            }
        }
        Value::Array(a) => a.iter_mut().for_each(|x| *x = without_incidents(x.take())),
        _ => {}
    }
    v
}

/// The team's number, and the steps of the play it gives (where each is written, and
/// its command without incidents).
fn steps_of(team: &str) -> (u64, Vec<(String, Value)>) {
    let scenario = load_path(Path::new(SCENARIO)).expect("scenario").scenario;
    let text = std::fs::read_to_string(PLAY).expect("play");
    let plan = script::parse(PLAY, &text, &scenario).expect("play parses");
    let id = scenario.team_by_id(team).expect("team");
    let steps = plan.iter().filter(|s| s.command.team() == Some(id));
    let steps = steps.map(|s| {
        let command = serde_json::to_value(&s.command).expect("json");
        (s.place.clone(), without_incidents(command))
    });
    (id.0.into(), steps.collect())
}

/// The commands of `team` (by number) the session recorded so far, without incidents.
fn recorded_of(session: &Path, team: u64) -> Vec<Value> {
    let commands = recorded_commands(session).into_iter();
    let of_team = commands.filter(|c| team_of(c) == Some(team));
    of_team.map(without_incidents).collect()
}

/// Each step of the play that `team` gives was recorded exactly once by the session,
/// and nothing else of the team's was.
fn assert_each_step_once(session: &Path, team: &str) {
    let (id, steps) = steps_of(team);
    let recorded = recorded_of(session, id);
    for (place, step) in &steps {
        let times = recorded.iter().filter(|r| *r == step).count();
        assert_eq!(times, 1, "{team}: step {place} recorded {times} times");
    }
    assert_eq!(recorded.len(), steps.len(), "{team}: {recorded:#?}");
}

/// The clients of `teams`, each playing its team's part of the play.
fn players(dir: &Path, teams: &[&str], extra: &[&str]) -> Vec<Child> {
    let mut args = vec!["--commands", PLAY, "--timeout", "40"];
    args.extend(extra);
    teams.iter().map(|t| join(dir, t, &args)).collect()
}

fn kill(child: Child) -> String {
    finish(child, Duration::ZERO).1
}

#[test]
fn a_revoked_or_replaced_seat_is_refused_after_a_resume() {
    let dir = scratch("net-revoked");
    let session = dir.join("session");
    let addr = free_addr();
    let first = host(&dir, &addr, &["--wait-for", "1"]);
    wait_until(LIMIT, "seats.json", || session.join("seats.json").exists());
    kill(first);

    // What `Served::revoke` and `Served::reissue` write: the grid's seat revoked, the
    // carrier's replaced by a file with another nonce.
    let path = session.join("seats.json");
    let mut list: Value = serde_json::from_str(&std::fs::read_to_string(&path).expect("list"))
        .expect("the seat list");
    for seat in list["seats"].as_array_mut().expect("seats") {
        match seat["team"].as_str() {
            Some("grid") => seat["revoked"] = Value::Bool(true),
            Some("carrier") => {
                let nonce = seat["nonce"].as_u64().expect("nonce");
                seat["nonce"] = nonce.wrapping_add(1).into();
            }
            _ => {}
        }
    }
    std::fs::write(&path, list.to_string()).expect("write the list");

    let resumed = spawn(&[
        "host",
        "--resume",
        session.to_str().expect("utf-8"),
        "--headless",
        "--speed",
        "120",
        "--until",
        "10m",
        "--wait-for",
        "1",
    ]);
    let refused: Vec<Child> = ["grid", "carrier"]
        .iter()
        .map(|t| join(&dir, t, &["--timeout", "3"]))
        .collect();
    for (team, client) in ["grid", "carrier"].iter().zip(refused) {
        let (code, out) = finish(client, Duration::from_secs(30));
        assert!(code > 0, "{team}: {code} {out}");
        let said = out.contains("refused this seat file") && out.contains("within 3 s");
        assert!(said, "{team}: {out}");
    }
    // The host is still serving: another team's seat joins and plays to the end.
    let (code, out) = finish(join(&dir, "bank", &["--timeout", "40"]), LIMIT);
    assert_eq!(code, 0, "bank: {out}");
    assert!(out.contains("as bank"), "{out}");
    let (code, host_said) = finish(resumed, LIMIT);
    assert_eq!(code, 0, "{host_said}");
    // Refused by the host (not unreachable): from each seat's port, the team's place + 1.
    let port = addr.rsplit_once(':').map(|(_, p)| p.parse::<u16>());
    let port = port.expect("a port").expect("a port");
    for seat_port in [port + 1, port + 2] {
        let refused = format!("refused a connection from 127.0.0.1:{seat_port}");
        assert!(host_said.contains(&refused), "{refused}: {host_said}");
    }
    let joined = host_said
        .lines()
        .filter(|l| l.contains("joined from"))
        .count();
    assert_eq!(joined, 1, "only the bank joined: {host_said}");
    assert_replays(&session);
}

#[test]
fn a_client_killed_mid_exercise_rejoins_and_its_commands_land_once() {
    let dir = scratch("net-client-killed");
    let session = dir.join("session");
    // A restarted client is let in some 15 to 25 s after the first died (the host hears
    // nothing from the dead link for about 12 s and closes it, then the client's next
    // try): the exercise lasts 72 s, time enough on a loaded machine.
    let extra = ["--speed", "150", "--until", "3h", "--wait-for", "2"];
    let host = host(&dir, &free_addr(), &extra);
    let mut clients = players(&dir, &["grid", "carrier"], &[]);
    // Kill the grid's client once some of its commands landed, before the last.
    let (grid, steps) = steps_of("grid");
    let landed = || recorded_of(&session, grid).len();
    wait_until(LIMIT, "the grid's first commands", || landed() > 0);
    let killed = kill(clients.remove(0));
    assert!(landed() < steps.len(), "it had sent all: {killed}");
    // Started again with the same seat file and play, from the same port: it is let in
    // once the host has given up the dead connection.
    let again = players(&dir, &["grid"], &[]).remove(0);
    let outs =
        [("carrier", clients.remove(0)), ("grid", again)].map(|(t, c)| (t, finish(c, LIMIT)));
    let (code, host_said) = finish(host, LIMIT);
    assert_eq!(code, 0, "{host_said}");
    for (team, (code, out)) in outs {
        assert_eq!(code, 0, "{team}: {out}\nhost: {host_said}");
        assert!(out.contains(&format!("as {team}")), "{team}: {out}");
    }
    assert_eq!(
        host_said.matches("seat grid joined").count(),
        2,
        "{host_said}"
    );
    for team in ["grid", "carrier"] {
        assert_each_step_once(&session, team);
    }
    assert_replays(&session);
}

#[test]
fn a_host_killed_and_resumed_loses_and_repeats_no_command() {
    let dir = scratch("net-host-killed");
    let session = dir.join("session");
    let extra = ["--speed", "600", "--until", "3h", "--wait-for", "2"];
    let first = host(&dir, &free_addr(), &extra);
    let clients = players(&dir, &["grid", "carrier"], &["--rejoin", "60"]);
    let grid = steps_of("grid").0;
    let landed = || !recorded_of(&session, grid).is_empty();
    wait_until(LIMIT, "the grid's first commands", landed);
    let first_said = kill(first);
    assert!(!session.join("journal.jsonl").exists(), "{first_said}");

    // Resumed where it stopped, on the address in the seat files.
    let session_arg = session.to_str().expect("utf-8");
    let mut resume = vec!["host", "--resume", session_arg, "--headless"];
    resume.extend(extra);
    let resumed = spawn(&resume);
    let outs: Vec<(i32, String)> = clients.into_iter().map(|c| finish(c, LIMIT)).collect();
    let (code, host_said) = finish(resumed, LIMIT);
    assert_eq!(code, 0, "{host_said}");
    assert!(
        host_said.contains("resuming the hosted session"),
        "{host_said}"
    );
    for (team, (code, out)) in ["grid", "carrier"].iter().zip(&outs) {
        assert_eq!(*code, 0, "{team}: {out}");
        assert!(out.contains("link to the host dropped"), "{team}: {out}");
        assert_each_step_once(&session, team);
    }
    // The ledger took each command id of a team once.
    let ledger = std::fs::read_to_string(session.join("seat-commands.jsonl")).expect("ledger");
    let mut ids = BTreeSet::new();
    for line in ledger.lines() {
        let v: Value = serde_json::from_str(line).expect("a ledger line");
        let key = (v["team"].to_string(), v["id"].as_u64().expect("id"));
        assert!(ids.insert(key), "taken twice: {line}");
    }
    assert_replays(&session);
}

#[test]
fn an_ended_session_is_not_hosted_again() {
    let dir = scratch("net-ended");
    let session = dir.join("session");
    let first = host(&dir, &free_addr(), &["--speed", "6000", "--until", "5m"]);
    let (code, out) = finish(first, LIMIT);
    assert_eq!(code, 0, "{out}");
    let resume = [
        "host",
        "--resume",
        session.to_str().expect("utf-8"),
        "--headless",
    ];
    let (code, out) = finish(spawn(&resume), LIMIT);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("the session has ended"), "{out}");
    assert!(!out.contains("hosting"), "it served no seat: {out}");
}
