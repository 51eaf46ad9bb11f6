//! A command that stops before its first record takes back the session it created: a
//! port in use or a bad `--until` leaves no empty session to be offered for resuming,
//! and a folder that was there before keeps everything that is not the session's.

use crate::common::{said, scratch};
use std::path::Path;

const SCENARIO: &str = "scenarios/games-time-blackout.scenario.ron";

fn p(path: &Path) -> &str {
    path.to_str().expect("utf-8 path")
}

#[test]
fn a_bad_until_takes_back_the_new_session_and_keeps_the_folder_it_found() {
    let root = scratch("session-unused");
    let dir = root.join("mine");
    std::fs::create_dir_all(&dir).expect("folder");
    std::fs::write(dir.join("notes.txt"), "facilitator notes").expect("notes");
    let args = [
        "session",
        "play",
        SCENARIO,
        "--dir",
        p(&dir),
        "--until",
        "soon",
    ];
    let (code, out) = said(&args);
    assert_eq!(code, 2, "{out}");
    let left: Vec<String> = std::fs::read_dir(&dir)
        .expect("the folder is kept")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left, ["notes.txt"], "{out}");
    // The same folder then takes a session that records.
    let (code, out) = said(&["session", "play", SCENARIO, "--dir", p(&dir)]);
    assert_eq!(code, 0, "{out}");
    assert!(dir.join("session.json").exists() && dir.join("notes.txt").exists());
}

#[cfg(feature = "net")]
#[test]
fn a_port_in_use_leaves_no_hosted_session() {
    let root = scratch("host-port-in-use");
    let taken = std::net::UdpSocket::bind("127.0.0.1:0").expect("a loopback port");
    let addr = taken.local_addr().expect("its address").to_string();
    let dir = root.join("hosted");
    let (code, out) = said(&[
        "host",
        "--headless",
        SCENARIO,
        "--session",
        p(&dir),
        "--listen",
        &addr,
    ]);
    assert_eq!(code, 1, "{out}");
    assert!(!out.contains("panicked"), "{out}");
    assert!(!dir.exists(), "an empty session was left: {out}");
}
