//! The benchmark's seats: one thread per team, each the library's headless client with
//! its team's plan (a message to its first contact in the reporting chain every `every`
//! exercise seconds, the teams' first ones spread over the first period), and what each
//! measured.

use crossdrill::engine::{Command, Draft};
use crossdrill::net::client::{ClientEvent, Patience, Played, join};
use crossdrill::net::seat::read_seat;
use crossdrill::scenario::{MessageKind, Scenario, Secs, TeamId};
use crossdrill::session::script::Planned;
use std::path::Path;
use std::time::{Duration, Instant};

/// What the seats play.
pub struct Plan<'a> {
    pub scenario: &'a Scenario,
    /// Where the host writes the seat files.
    pub seats: &'a Path,
    pub until: Secs,
    pub every: Secs,
}

/// What one seat measured.
#[derive(Debug, Default)]
pub struct SeatStats {
    /// Round trips to the view with the effect.
    pub seen: Vec<Duration>,
    /// Round trips to the answer.
    pub answered: Vec<Duration>,
    /// Frame bytes received.
    pub bytes: u64,
    /// From seated to the end.
    pub connected: Duration,
    pub played: Played,
    pub error: Option<String>,
}

/// Team `t`'s steps.
fn steps(plan: &Plan, t: usize, teams: usize) -> Vec<Planned> {
    let s = plan.scenario;
    let team = TeamId(t as u32);
    let Some(to) = s.channels.iter().find(|c| c.from == team).map(|c| c.to) else {
        return Vec::new();
    };
    let first = 60 + plan.every * t as u64 / teams.max(1) as u64;
    (0..)
        .map(|k| first + k * plan.every)
        .take_while(|&at| at < plan.until)
        .map(|at| Planned {
            at,
            command: Command::Send {
                team,
                to: vec![to],
                draft: Draft::new(MessageKind::Report, format!("status at {at}")),
            },
            all_incidents: true,
            place: format!("net_load:{t}:{at}"),
        })
        .collect()
}

/// Wait until the host has written `n` seat files.
fn seat_files(dir: &Path, s: &Scenario, n: usize) -> bool {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(120) {
        let ready = s.teams[..n]
            .iter()
            .all(|t| dir.join(format!("{}.seat", t.id)).exists());
        if ready {
            // Written whole: the host writes each file at once, the last one last.
            std::thread::sleep(Duration::from_millis(300));
            return true;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    false
}

fn one(plan: &Plan, t: usize, n: usize) -> SeatStats {
    let mut stats = SeatStats::default();
    let id = &plan.scenario.teams[t].id;
    let seat = match read_seat(&plan.seats.join(format!("{id}.seat"))) {
        Ok(s) => s,
        Err(e) => {
            stats.error = Some(e.to_string());
            return stats;
        }
    };
    let steps = steps(plan, t, n);
    let patience = Patience {
        join: Duration::from_secs(120),
        rejoin: Duration::from_secs(60),
    };
    let mut seated: Option<Instant> = None;
    let mut events = |e: ClientEvent| match e {
        ClientEvent::Seated { .. } => seated = seated.or(Some(Instant::now())),
        ClientEvent::Seen { after, .. } => stats.seen.push(after),
        ClientEvent::Answered { after, .. } => stats.answered.push(after),
        ClientEvent::Received(frame) => stats.bytes += frame.len() as u64,
        ClientEvent::Refused { .. } | ClientEvent::Relinking => {}
    };
    let outcome = join(seat, Some(plan.scenario), &steps, patience, &mut events);
    stats.connected = seated.map_or(Duration::ZERO, |s| s.elapsed());
    match outcome {
        Ok(p) => stats.played = p,
        Err(e) => stats.error = Some(e.to_string()),
    }
    stats
}

/// Play the first `n` teams, each from its own thread, until the host ends.
pub fn play(plan: &Plan, n: usize) -> Vec<SeatStats> {
    if !seat_files(plan.seats, plan.scenario, n) {
        let error = Some(format!("no seat files in {}", plan.seats.display()));
        return vec![SeatStats {
            error,
            ..SeatStats::default()
        }];
    }
    std::thread::scope(|scope| {
        let threads: Vec<_> = (0..n)
            .map(|t| scope.spawn(move || one(plan, t, n)))
            .collect();
        threads
            .into_iter()
            .map(|h| h.join().unwrap_or_default())
            .collect()
    })
}
