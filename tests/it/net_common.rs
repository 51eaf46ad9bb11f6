//! What the network tests share: a free loopback port, the host and clients as
//! processes of the built binary, and waiting for them with a time limit.

use std::net::UdpSocket;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The default scenario, as the tests host it.
pub const SCENARIO: &str = "scenarios/games-time-blackout.scenario.ron";

/// `127.0.0.1:PORT` with a UDP port nobody was using a moment ago.
pub fn free_addr() -> String {
    let socket = UdpSocket::bind("127.0.0.1:0").expect("a loopback port");
    let port = socket.local_addr().expect("its address").port();
    format!("127.0.0.1:{port}")
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
