//! One seeded run: a host and three seats in this process, the seats dialling the fault
//! relay (their seat files name it) while the host listens behind it; one seat may be
//! killed at a seeded frame and started again from its seat file.

use crate::common::scratch;
use crate::net_common::free_addr;
use crate::net_proxy::{Cutter, Faults, Proxy, Tally};
use crossdrill::engine::{Engine, TeamView};
use crossdrill::net::client::{ClientEvent, Patience, Played, join};
use crossdrill::net::host::{Host, HostOptions};
use crossdrill::net::proto::{self, ToClient};
use crossdrill::net::seat::{load_or_make_key, read_seat, write_seats};
use crossdrill::scenario::{DEFAULT_SCENARIO, Scenario, Secs};
use crossdrill::session::Session;
use crossdrill::session::script::{self, Planned};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::collections::BTreeSet;
use std::net::SocketAddr;
use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::path::PathBuf;
use std::time::{Duration, Instant};

pub const PLAY: &str = "tests/plays/well-run.commands.ron";
/// The seats played; the grid gives most of the play's early steps.
pub const TEAMS: [&str; 3] = ["grid", "carrier", "meti"];
/// The exercise ends here: a while after the three teams' last steps (at 1h), so a
/// seat whose clock stalled behind lost packets still has their time come before the end;
/// with a kill, later, for the host to give up the dead link (about 12 s) and let the
/// seat in again before the end.
const UNTIL: Secs = 75 * 60;
const UNTIL_WITH_KILL: Secs = 2 * 3600;
/// Real seconds an exercise lasts: time for the faults to bite.
const REAL: f64 = 5.0;
const REAL_WITH_KILL: f64 = 50.0;

/// What a seed decides.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub seed: u64,
    pub faults: Faults,
    /// Kill this seat (by place in [`TEAMS`]) as it reads this many answers to its
    /// commands, with others perhaps still in flight (the grid sends four at once).
    pub kill: Option<(usize, u64)>,
    /// Cut every seat off for this long from a minute (exercise time) before the end.
    pub end_cut: Option<Duration>,
}

impl Plan {
    pub fn of(seed: u64) -> Plan {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        let faults = Faults::from_seed(&mut rng);
        let kill = rng
            .random_bool(0.25)
            .then(|| (rng.random_range(0..TEAMS.len()), rng.random_range(1..=3)));
        let end_cut = rng
            .random_bool(0.1)
            .then(|| Duration::from_millis(rng.random_range(500..4000)));
        Plan {
            seed,
            faults,
            kill,
            end_cut,
        }
    }
}

/// One life of a seat's client, from its start to its end or its kill.
#[derive(Debug, Default)]
pub struct Life {
    /// Ids answered with a final answer, and those reported as not applied.
    pub answered: BTreeSet<u64>,
    pub refused: BTreeSet<u64>,
    /// How it ended: `None` when killed.
    pub outcome: Option<Result<Played, String>>,
    /// When (seconds into the run) the link dropped, and when it was seated.
    pub relinked: Vec<f64>,
    pub seated: Vec<f64>,
}

/// What a run left to check.
pub struct Ran {
    pub session: PathBuf,
    pub scenario: std::sync::Arc<Scenario>,
    pub plan: Vec<Planned>,
    /// The host's engine at the end, or what stopped it.
    pub engine: Result<Engine, String>,
    /// Each seat's lives, in [`TEAMS`] order.
    pub lives: Vec<Vec<Life>>,
    pub tally: Tally,
    /// What the host told, and when (seconds into the run).
    pub told: Vec<(f64, String)>,
}

impl Ran {
    /// The engine's view of a team.
    pub fn view(&self, team: &str) -> Option<&TeamView> {
        let id = self.scenario.team_by_id(team)?;
        self.engine.as_ref().ok().map(|e| e.view(id))
    }
}

/// The unwinding that stands for a killed client: its memory goes, and it says no goodbye.
struct Killed;

/// What the seats of a run share.
struct Seats<'a> {
    scenario: &'a Scenario,
    plan: &'a [Planned],
    start: Instant,
    until: Secs,
    /// The first seat cuts them all off for this long as its clock nears the end.
    end_cut: Option<Duration>,
    cutter: Cutter,
}

/// Play a team's part of the plan with its seat `file` until the host ends; killed
/// (once) at its `kill`th answer, then started again from the file.
fn seat(file: &std::path::Path, s: &Seats, kill: Option<u64>, first: bool) -> Vec<Life> {
    let (scenario, plan, start) = (s.scenario, s.plan, s.start);
    let mut end_cut = s.end_cut.filter(|_| first);
    let patience = Patience {
        join: Duration::from_secs(90),
        rejoin: Duration::from_secs(60),
    };
    let mut lives = Vec::new();
    let mut kill = kill;
    loop {
        let mut life = Life::default();
        let mut answers = 0u64;
        let until = kill.take();
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            let seat = read_seat(file).map_err(|e| e.to_string())?;
            let mut events = |e: ClientEvent| match e {
                ClientEvent::Answered { id, .. } => {
                    life.answered.insert(id);
                    answers += 1;
                    if until == Some(answers) {
                        resume_unwind(Box::new(Killed));
                    }
                }
                ClientEvent::Refused { id, .. } => {
                    life.refused.insert(id);
                }
                ClientEvent::Relinking => life.relinked.push(start.elapsed().as_secs_f64()),
                ClientEvent::Seated { .. } => life.seated.push(start.elapsed().as_secs_f64()),
                ClientEvent::Received(bytes) => {
                    let near = |now: Secs| now + 60 >= s.until;
                    if let Ok(ToClient::Clock { now, .. }) = proto::decode::<ToClient>(bytes)
                        && near(now)
                        && let Some(d) = end_cut.take()
                    {
                        s.cutter.cut(d);
                    }
                }
                _ => {}
            };
            join(seat, Some(scenario), plan, patience, &mut events).map_err(|e| e.to_string())
        }));
        match outcome {
            Ok(played) => {
                life.outcome = Some(played);
                lives.push(life);
                return lives;
            }
            Err(payload) if payload.is::<Killed>() => lives.push(life),
            Err(payload) => resume_unwind(payload),
        }
    }
}

fn loopback(addr: &str) -> SocketAddr {
    addr.parse().expect("a loopback address")
}

/// Run the exercise of `p` and hand back what to check.
pub fn run(p: &Plan) -> Ran {
    let dir = scratch(&format!("net-chaos-{}", p.seed));
    let session_dir = dir.join("session");
    let (name, text) = DEFAULT_SCENARIO;
    let session = Session::create(&session_dir, name, text, 7).expect("session");
    let scenario = session.scenario().clone();
    let play = std::fs::read_to_string(PLAY).expect("play");
    let plan = script::parse(PLAY, &play, &scenario).expect("play parses");
    // Clients dial the relay (the seat files name it, and bind the ports above it); the
    // relay's sockets towards the host take the ports above the host's.
    let (public, listen) = (loopback(&free_addr()), loopback(&free_addr()));
    let key = load_or_make_key(&session_dir).expect("key");
    let seats = dir.join("seats");
    write_seats(&key, public, &scenario, &seats, &session_dir).expect("seat files");
    let proxy = Proxy::start(public, listen, p.faults.clone(), p.seed);
    let (until, real) = match p.kill {
        Some(_) => (UNTIL_WITH_KILL, REAL_WITH_KILL),
        None => (UNTIL, REAL),
    };
    let options = HostOptions {
        speed: until as f64 / real,
        until,
        wait_for: TEAMS.len(),
        control: plan.clone(),
    };
    let engine = Engine::new(scenario.clone(), 7);
    let start = Instant::now();
    let mut told = Vec::new();
    let shared = Seats {
        scenario: &scenario,
        plan: &plan,
        start,
        until,
        end_cut: p.end_cut,
        cutter: proxy.cutter.clone(),
    };
    let (engine, lives) = std::thread::scope(|scope| {
        let host = scope.spawn(|| {
            let host = Host::start_behind(session, engine, key, listen, public);
            let host = host.map_err(|e| e.to_string())?;
            let mut tell = |e| told.push((start.elapsed().as_secs_f64(), format!("{e:?}")));
            host.run(&options, &mut tell).map_err(|e| e.to_string())
        });
        let clients: Vec<_> = TEAMS
            .iter()
            .enumerate()
            .map(|(i, team)| {
                let file = seats.join(format!("{team}.seat"));
                let kill = p.kill.filter(|k| k.0 == i).map(|k| k.1);
                let seats = &shared;
                scope.spawn(move || seat(&file, seats, kill, i == 0))
            })
            .collect();
        let lives = clients.into_iter().map(|c| c.join().expect("a seat"));
        let lives: Vec<Vec<Life>> = lives.collect();
        (host.join().expect("the host"), lives)
    });
    drop(shared);
    let tally = proxy.stop();
    Ran {
        session: session_dir,
        scenario,
        plan,
        engine,
        lives,
        tally,
        told,
    }
}
