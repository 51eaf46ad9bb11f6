//! Benchmark: full runs of the default scenario, with no commands and with a scripted
//! play (`benches/games-time-blackout.play.ron`). Throughput is runs per second.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use crossdrill::engine::Engine;
use crossdrill::scenario::builtin_default;
use crossdrill::session::script;
use std::hint::black_box;
use std::sync::Arc;

mod cpu;

const PLAY: &str = include_str!("games-time-blackout.play.ron");

fn default_scenario(c: &mut Criterion) {
    let scenario = Arc::new(builtin_default());
    let plan = match script::parse("games-time-blackout.play.ron", PLAY, &scenario) {
        Ok(p) => p,
        Err(e) => panic!("the scripted play does not load: {e:?}"),
    };
    // Runs per second of this thread's CPU time, before criterion's wall-clock figures
    // (the two differ on a busy machine).
    for (name, scripted) in [("no_commands", false), ("scripted_play", true)] {
        let mut seed = 1_000_000u64;
        let n = 4000;
        let mut run = || {
            seed += 1;
            let mut e = Engine::new(scenario.clone(), seed);
            if scripted {
                for step in &plan {
                    e.advance_to(step.at);
                    let _ = e.apply(step.command_for(&e));
                }
            }
            e.run_to_end();
            black_box(e.journal().entries.len());
        };
        // Warm up caches and the allocator first.
        cpu::time(n / 4, &mut run);
        let (wall, cpu) = cpu::time(n, &mut run);
        let per_cpu = cpu.map_or("?".to_string(), |c| format!("{:.0}", n as f64 / c));
        eprintln!(
            "default_scenario/{name}: {:.0} runs/s wall, {per_cpu} runs/s per CPU second",
            n as f64 / wall
        );
    }

    let mut group = c.benchmark_group("default_scenario");
    group.throughput(Throughput::Elements(1));
    let mut seed = 0u64;
    group.bench_function("no_commands", |b| {
        b.iter(|| {
            seed += 1;
            let mut e = Engine::new(scenario.clone(), seed);
            e.run_to_end();
            black_box(e.journal().entries.len())
        })
    });
    group.bench_function("scripted_play", |b| {
        b.iter(|| {
            seed += 1;
            let mut e = Engine::new(scenario.clone(), seed);
            for step in &plan {
                e.advance_to(step.at);
                let _ = e.apply(step.command_for(&e));
            }
            e.run_to_end();
            black_box(e.journal().entries.len())
        })
    });
    group.finish();
}

criterion_group!(benches, default_scenario);
criterion_main!(benches);
