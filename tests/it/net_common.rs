//! What the network tests share: a free loopback port, the host and clients as
//! processes of the built binary, and waiting for them with a time limit.

use std::net::UdpSocket;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

/// The default scenario, as the tests host it.
pub const SCENARIO: &str = "scenarios/games-time-blackout.scenario.ron";

/// A client binds the host's port + its seat's client id (the team's place + 1), so a
/// host's port comes with this many above it (the default scenario has 8 teams).
const SEAT_PORTS: u16 = 16;

/// The first ports of the blocks [`free_addr`] handed out in this run.
static HANDED_OUT: Mutex<Vec<u16>> = Mutex::new(Vec::new());

/// `127.0.0.1:PORT` with a UDP port nobody was using a moment ago, and the ports its
/// clients bind above it free too and handed to no other test of this run.
pub fn free_addr() -> String {
    let mut handed = HANDED_OUT.lock().unwrap_or_else(PoisonError::into_inner);
    for _ in 0..1000 {
        let socket = UdpSocket::bind("127.0.0.1:0").expect("a loopback port");
        let port = socket.local_addr().expect("its address").port();
        drop(socket);
        let Some(top) = port.checked_add(SEAT_PORTS) else {
            continue;
        };
        let apart = handed
            .iter()
            .all(|&h| top < h || port > h.saturating_add(SEAT_PORTS));
        if apart && (port..=top).all(|p| UdpSocket::bind(("127.0.0.1", p)).is_ok()) {
            handed.push(port);
            return format!("127.0.0.1:{port}");
        }
    }
    panic!("no block of {SEAT_PORTS} free loopback ports");
}

/// Start the binary with `args`, its output kept for [`finish`].
pub fn spawn(args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_crossdrill"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts")
}

/// Host `SCENARIO` with seed 7 on `addr`, its session in `dir/session` and its seat
/// files in `dir/seats`; returns once the seat files are there.
pub fn host(dir: &Path, addr: &str, extra: &[&str]) -> Child {
    let session = dir.join("session");
    let seats = dir.join("seats");
    let mut args = vec![
        "host",
        SCENARIO,
        "--seed",
        "7",
        "--listen",
        addr,
        "--headless",
    ];
    args.extend(["--session", session.to_str().expect("utf-8")]);
    args.extend(["--seats-out", seats.to_str().expect("utf-8")]);
    args.extend(extra);
    let mut child = spawn(&args);
    let last = seats.join("organiser.seat");
    let start = Instant::now();
    while !last.exists() {
        if let Ok(Some(_)) = child.try_wait() {
            let (code, said) = finish(child, Duration::from_secs(1));
            panic!("the host stopped ({code}): {said}");
        }
        assert!(start.elapsed() < Duration::from_secs(30), "no seat files");
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(100));
    child
}

/// A seat file the host wrote.
pub fn seat(dir: &Path, team: &str) -> PathBuf {
    dir.join("seats").join(format!("{team}.seat"))
}

/// `crossdrill join` (headless) with the seat file of `team` and `extra` arguments.
pub fn join(dir: &Path, team: &str, extra: &[&str]) -> Child {
    let file = seat(dir, team);
    let mut args = vec!["join", file.to_str().expect("utf-8"), "--headless"];
    args.extend(extra);
    spawn(&args)
}

/// Wait at most `limit` for `done` to hold, checking every 20 ms.
pub fn wait_until(limit: Duration, what: &str, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(start.elapsed() < limit, "waited {limit:?} for {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// The commands a session recorded so far, accepted or refused, as JSON (a half-written
/// last line is left out).
pub fn recorded_commands(session: &Path) -> Vec<serde_json::Value> {
    let text = std::fs::read_to_string(session.join("commands.jsonl")).unwrap_or_default();
    let records = text
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok());
    records
        .filter_map(|record| {
            let kind = &record["kind"];
            let command = kind
                .get("Command")
                .or_else(|| kind["Refused"].get("command"));
            command.cloned()
        })
        .collect()
}

/// The team (by number) of a recorded command, `None` for the facilitator's.
pub fn team_of(command: &serde_json::Value) -> Option<u64> {
    let body = command.as_object().and_then(|o| o.values().next())?;
    body.get("team").and_then(serde_json::Value::as_u64)
}

/// `crossdrill replay` of a session folder must say it matches.
pub fn assert_replays(session: &Path) {
    let (code, out) = crate::common::said(&["replay", session.to_str().expect("utf-8")]);
    assert_eq!(code, 0, "{out}");
    assert!(out.starts_with("ok:"), "{out}");
}

/// Wait for `child` at most `limit` (then kill it): its exit code (-1 when killed)
/// and all it said, standard output first.
pub fn finish(mut child: Child, limit: Duration) -> (i32, String) {
    let start = Instant::now();
    let code = loop {
        match child.try_wait().expect("wait") {
            Some(status) => break status.code().unwrap_or(-1),
            None if start.elapsed() > limit => {
                let _ = child.kill();
                let _ = child.wait();
                break -1;
            }
            None => std::thread::sleep(Duration::from_millis(20)),
        }
    };
    let out = child.wait_with_output().expect("output");
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (code, said)
}
