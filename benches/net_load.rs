//! Benchmark: many headless seats on loopback against one host (`crossdrill host
//! --headless`, a separate process) through a whole generated exercise. Each seat is a
//! thread of this process running the library's client; every team sends a message up
//! its reporting chain every `EVERY` exercise seconds. It reports the command round trip
//! (sent on the client until the view with its effect is in that client's copy) p50 /
//! p99 / max, the bytes a second each client receives (frame payload; with its own
//! network namespace, everything on the loopback link too), and the host's CPU per
//! exercise hour.
//!
//! `cargo bench --no-default-features --features net --bench net_load`; settings from
//! the environment: `CROSSDRILL_BENCH_CLIENTS` (50), `_UNTIL` (12h), `_EVERY` (1200 s),
//! `_SPEED` (60), `_NETWORK` (`services,dependencies`: 100,400), `_PORT`, `_BIN` (the
//! host binary). As root it runs itself in a new network namespace (`unshare -n`), so the
//! loopback link carries this run's packets only (`_OWN_NETWORK=0` to stay in the machine's).

#[path = "net_load/seats.rs"]
mod seats;

use crossdrill::cpu::{Whose, cpu_secs};
use crossdrill::scenario::duration;
use seats::SeatStats;
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

fn setting<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(format!("CROSSDRILL_BENCH_{name}"))
        .ok()
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(default)
}

/// Run again inside a network namespace of its own, when allowed; `None` when not.
fn in_own_namespace() -> Option<ExitCode> {
    if std::env::var_os("CROSSDRILL_BENCH_INSIDE").is_some() {
        return None;
    }
    let allowed = Command::new("unshare").args(["-n", "true"]).status();
    if !allowed.is_ok_and(|s| s.success()) {
        eprintln!("net_load: no network namespace of its own (root only): no loopback figure");
        return None;
    }
    let exe = std::env::current_exe().ok()?;
    let args: Vec<String> = std::env::args().skip(1).collect();
    let status = Command::new("unshare")
        .args([
            "-n",
            "--",
            "sh",
            "-c",
            "ip link set lo up && exec \"$0\" \"$@\"",
        ])
        .arg(&exe)
        .args(&args)
        .env("CROSSDRILL_BENCH_INSIDE", "1")
        .status()
        .ok()?;
    Some(ExitCode::from(status.code().unwrap_or(1) as u8))
}

/// Bytes and packets the loopback link carried so far, in a namespace of this run's own
/// (`/proc/net/dev` is the reading process's namespace's; sysfs would be the machine's).
fn loopback() -> Option<(u64, u64)> {
    std::env::var_os("CROSSDRILL_BENCH_INSIDE")?;
    let text = std::fs::read_to_string("/proc/net/dev").ok()?;
    let line = text.lines().find(|l| l.trim_start().starts_with("lo:"))?;
    let mut fields = line.split_once(':')?.1.split_whitespace();
    let bytes = fields.next()?.parse().ok()?;
    Some((bytes, fields.next()?.parse().ok()?))
}

/// CPU seconds of the host process and of all the seats' threads together.
struct Cpu {
    host: Option<f64>,
    seats: Option<f64>,
}

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i].as_secs_f64() * 1000.0
}

fn main() -> ExitCode {
    if setting("OWN_NETWORK", 1u8) == 1
        && let Some(code) = in_own_namespace()
    {
        return code;
    }
    let clients: usize = setting("CLIENTS", 50);
    let until = duration::parse(&setting("UNTIL", "12h".to_string())).unwrap_or(12 * 3600);
    let every: u64 = setting("EVERY", 1200);
    let speed: f64 = setting("SPEED", 60.0);
    let network: String = setting("NETWORK", "100,400".to_string());
    let (services, deps) = network
        .split_once(',')
        .and_then(|(a, b)| Some((a.trim().parse().ok()?, b.trim().parse().ok()?)))
        .unwrap_or((100, 400));
    let port: u16 = setting("PORT", 47_000);
    let bin: String = setting("BIN", env!("CARGO_BIN_EXE_crossdrill").to_string());

    let teams = clients.max(crossdrill::scenario::generate::least_teams());
    let scenario = crossdrill::scenario::generate::national_teams(services, deps, 1, teams);
    let dir = std::env::temp_dir().join(format!("crossdrill-net-load-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let file = dir.join("load.scenario.ron");
    let written = std::fs::create_dir_all(&dir).and_then(|()| {
        let text = crossdrill::scenario::to_ron(&scenario).map_err(std::io::Error::other)?;
        std::fs::write(&file, text)
    });
    if let Err(e) = written {
        eprintln!("net_load: cannot write {}: {e}", file.display());
        return ExitCode::from(1);
    }
    let listen = format!("127.0.0.1:{port}");
    let wire_before = loopback();
    let (host_before, seats_before) = (cpu_secs(Whose::Children), cpu_secs(Whose::Own));
    let mut host = match Command::new(&bin)
        .args([
            "host",
            &file.to_string_lossy(),
            "--headless",
            "--listen",
            &listen,
        ])
        .args(["--seats-out", &dir.join("seats").to_string_lossy()])
        .args(["--session", &dir.join("session").to_string_lossy()])
        .args([
            "--speed",
            &speed.to_string(),
            "--until",
            &duration::format(until),
        ])
        .args(["--wait-for", &clients.to_string()])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
    {
        Ok(h) => h,
        Err(e) => {
            eprintln!("net_load: cannot start the host {bin}: {e}");
            return ExitCode::from(1);
        }
    };
    eprintln!(
        "net_load: {clients} clients, {services} services / {deps} dependencies, {} teams, \
         until {} at {speed}x, a message per team every {every} s",
        scenario.teams.len(),
        duration::format(until),
    );
    let started = Instant::now();
    let plan = seats::Plan {
        scenario: &scenario,
        seats: &dir.join("seats"),
        until,
        every,
    };
    let stats: Vec<SeatStats> = seats::play(&plan, clients);
    let played = started.elapsed();
    let host_status = host.wait();
    let cpu = Cpu {
        host: host_before
            .zip(cpu_secs(Whose::Children))
            .map(|(a, b)| b - a),
        seats: seats_before.zip(cpu_secs(Whose::Own)).map(|(a, b)| b - a),
    };
    let wire = wire_before
        .zip(loopback())
        .map(|(a, b)| (b.0 - a.0, b.1 - a.1));
    report(
        &stats,
        played,
        cpu,
        wire,
        until,
        host_status.is_ok_and(|s| s.success()),
    );
    let _ = std::fs::remove_dir_all(&dir);
    ExitCode::SUCCESS
}

fn report(
    stats: &[SeatStats],
    played: Duration,
    cpu: Cpu,
    wire: Option<(u64, u64)>,
    until: u64,
    host_ok: bool,
) {
    let mut seen: Vec<Duration> = stats.iter().flat_map(|s| s.seen.iter().copied()).collect();
    seen.sort();
    let mut answered: Vec<Duration> = stats
        .iter()
        .flat_map(|s| s.answered.iter().copied())
        .collect();
    answered.sort();
    let sum = |f: fn(&SeatStats) -> u64| stats.iter().map(f).sum::<u64>();
    let rates: Vec<f64> = stats
        .iter()
        .map(|s| s.bytes as f64 / s.connected.as_secs_f64().max(1.0))
        .collect();
    let mean = rates.iter().sum::<f64>() / rates.len().max(1) as f64;
    let busiest = rates.iter().copied().fold(0.0, f64::max);
    let n = stats.len().max(1) as f64;
    let lost: Vec<&str> = stats.iter().filter_map(|s| s.error.as_deref()).collect();
    println!(
        "net_load: {} clients, {:.0} s of real time",
        stats.len(),
        played.as_secs_f64()
    );
    println!(
        "round trip to the effect in the picture: p50 {:.0} ms, p99 {:.0} ms, max {:.0} ms \
         ({} commands); to the answer: p50 {:.0} ms, p99 {:.0} ms",
        percentile(&seen, 0.5),
        percentile(&seen, 0.99),
        percentile(&seen, 1.0),
        seen.len(),
        percentile(&answered, 0.5),
        percentile(&answered, 0.99),
    );
    println!(
        "received per client: {:.2} KB/s mean, {:.2} KB/s the busiest (frame payload)",
        mean / 1000.0,
        busiest / 1000.0
    );
    if let Some((bytes, packets)) = wire {
        let per = |x: u64| x as f64 / n / played.as_secs_f64().max(1.0);
        println!(
            "loopback link, both ways: {:.2} KB/s and {:.0} packets/s per client",
            per(bytes) / 1000.0,
            per(packets)
        );
    }
    if let Some(host) = cpu.host {
        let hours = until as f64 / 3600.0;
        println!(
            "host CPU: {host:.1} s in all, {:.1} s per exercise hour",
            host / hours
        );
    }
    if let Some(seats) = cpu.seats {
        let per = seats / played.as_secs_f64().max(1.0);
        println!("the seats' CPU (this process): {seats:.1} s, {per:.2} cores on average");
    }
    println!(
        "commands: {} sent, {} applied, {} refused; {} relinks; {} seats failed{}; host {}",
        sum(|s| s.played.sent),
        sum(|s| s.played.applied),
        sum(|s| s.played.refused),
        sum(|s| s.played.relinked),
        lost.len(),
        lost.first()
            .map(|e| format!(" (first: {e})"))
            .unwrap_or_default(),
        if host_ok { "ended cleanly" } else { "failed" },
    );
}
