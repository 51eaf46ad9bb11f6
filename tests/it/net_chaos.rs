//! Networked exercises through a bad network, from seeds: the host and three seats in
//! this process, the seats dialling the fault relay of [`crate::net_proxy`], which drops,
//! delays, duplicates and reorders packets and cuts seats off; a seed in four also kills
//! one seat as it reads a seeded answer and starts it again from its seat file. Each run checks
//! that every command was applied once or reported not applied, that each seat's last
//! picture is the engine's view of its team, and that the session replays.
//!
//! `cargo test` runs the first [`SEEDS`] seeds; `CROSSDRILL_FAULT_SEED=N` runs seed N
//! alone, and the ignored `many_seeds` runs `CROSSDRILL_FAULT_SEEDS` (300) of them from
//! `CROSSDRILL_FAULT_FIRST` (0), `CROSSDRILL_FAULT_JOBS` (3) at a time.

mod check;
mod run;

use crate::net_common::assert_replays;
use crate::net_proxy::Faults;
use run::{Plan, Ran};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// Seeds of the plain `cargo test` run.
const SEEDS: u64 = 24;

fn env(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|v| v.parse().ok())
}

/// Run one plan: what it did, or that and what was wrong.
fn one(plan: &Plan) -> Result<String, String> {
    let seed = plan.seed;
    let start = Instant::now();
    let ran = catch_unwind(AssertUnwindSafe(|| run::run(plan)));
    let ran: Ran = ran.map_err(|_| format!("seed {seed}: the run panicked ({plan:?})"))?;
    let mut bad = check::problems(&ran);
    if bad.is_empty() && catch_unwind(|| assert_replays(&ran.session)).is_err() {
        bad.push("the session does not replay".into());
    }
    let lives: Vec<usize> = ran.lives.iter().map(Vec::len).collect();
    let secs = start.elapsed().as_secs_f64();
    let said = format!(
        "seed {seed} ({secs:.0} s): {plan:?}, lives {lives:?}, {:?}",
        ran.tally
    );
    if bad.is_empty() {
        Ok(said)
    } else {
        let lives = ran.lives.iter().flatten();
        let links = lives.map(|l| {
            let played = l
                .outcome
                .as_ref()
                .map(|o| o.as_ref().map(|p| (p.sent, p.until)));
            let (seated, dropped) = (&l.seated, &l.relinked);
            format!("seated {seated:.1?}, dropped {dropped:.1?}, (sent, until) {played:?}")
        });
        let told = ran.told.iter().map(|(t, e)| format!("{t:.1} s {e}"));
        let trace: Vec<String> = links.chain(told).collect();
        Err(format!(
            "{said}\n  {}\n    {}",
            bad.join("\n  "),
            trace.join("\n    ")
        ))
    }
}

/// Run `seeds`, `jobs` at a time; panic with each failing seed and how to run it alone.
fn seeds(seeds: Vec<u64>, jobs: u64) {
    let start = Instant::now();
    let next = AtomicU64::new(0);
    let failed = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..jobs.max(1) {
            scope.spawn(|| {
                while let Some(&seed) = seeds.get(next.fetch_add(1, Ordering::Relaxed) as usize) {
                    match one(&Plan::of(seed)) {
                        Ok(said) => println!("{said}"),
                        Err(said) => {
                            println!("FAILED {said}");
                            failed.lock().expect("the list").push((seed, said));
                        }
                    }
                }
            });
        }
    });
    let failed = failed.into_inner().expect("the list");
    let secs = start.elapsed().as_secs();
    println!("{} seeds, {} failed, {secs} s", seeds.len(), failed.len());
    let rerun = |seed| {
        format!("CROSSDRILL_FAULT_SEED={seed} cargo test --locked --test it net_chaos::some_seeds")
    };
    let report: Vec<String> = failed
        .iter()
        .map(|(seed, said)| format!("{said}\n  run it alone: {}", rerun(*seed)))
        .collect();
    assert!(failed.is_empty(), "{}", report.join("\n"));
}

#[test]
fn some_seeds() {
    match env("CROSSDRILL_FAULT_SEED") {
        Some(seed) => seeds(vec![seed], 1),
        None => seeds((0..SEEDS).collect(), 6),
    }
}

#[test]
#[ignore = "hundreds of seeds: minutes; run with --ignored"]
fn many_seeds() {
    let first = env("CROSSDRILL_FAULT_FIRST").unwrap_or(0);
    let count = env("CROSSDRILL_FAULT_SEEDS").unwrap_or(300);
    seeds(
        (first..first + count).collect(),
        env("CROSSDRILL_FAULT_JOBS").unwrap_or(3),
    );
}

/// Every seat cut off from a minute before the end, for longer than a lost packet takes
/// to come again, on a network otherwise clean: each still hears of the end and settles.
#[test]
fn seats_cut_off_over_the_end_still_hear_of_it() {
    let plan = Plan {
        seed: 1_000_000,
        faults: Faults::default(),
        kill: None,
        end_cut: Some(Duration::from_secs(3)),
    };
    if let Err(said) = one(&plan) {
        panic!("{said}");
    }
}
