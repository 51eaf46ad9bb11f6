//! Benchmark: the generated national network (100,000 services, 1,000,000
//! dependencies) under a wide cascade (the grid hubs cut at 30 minutes, an earthquake
//! at 2 hours), run to its end. Throughput is dependency evaluations (provider changes
//! arriving over an edge) per second. `CROSSDRILL_NATIONAL=services,deps` changes the size.

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use crossdrill::engine::{Engine, Topology};
use crossdrill::scenario::generate::national;
use std::sync::Arc;
use std::time::Instant;

mod cpu;

fn size() -> (usize, usize) {
    std::env::var("CROSSDRILL_NATIONAL")
        .ok()
        .and_then(|v| {
            let (a, b) = v.split_once(',')?;
            Some((a.trim().parse().ok()?, b.trim().parse().ok()?))
        })
        .unwrap_or((100_000, 1_000_000))
}

fn wide_cascade(c: &mut Criterion) {
    let (services, deps) = size();
    let t = Instant::now();
    let scenario = Arc::new(national(services, deps, 1));
    let topo = Arc::new(Topology::new(&scenario));
    let built = t.elapsed();
    let mut probe = Engine::with_topology(scenario.clone(), topo.clone(), 1);
    probe.run_to_end();
    let stats = probe.stats();
    let hit = probe.world().below_full();
    eprintln!(
        "national {services}/{deps}: built in {built:?}; a run makes {} dependency evaluations, \
         {} events, {} journal entries; {hit} services below full at the end",
        stats.dep_evals,
        stats.events,
        probe.journal().entries.len(),
    );
    drop(probe);
    // Per CPU second as well as per wall second (they differ on a busy machine).
    for _ in 0..5 {
        let mut e = Engine::with_topology(scenario.clone(), topo.clone(), 1);
        let (wall, cpu) = cpu::time(1, || e.run_to_end());
        let evals = stats.dep_evals as f64 / 1e6;
        let per_cpu = cpu.map_or("?".to_string(), |c| format!("{:.1}", evals / c));
        eprintln!(
            "national/wide_cascade: {:.1} M evaluations/s wall, {per_cpu} M per CPU second",
            evals / wall
        );
    }

    let mut group = c.benchmark_group("national");
    group.sample_size(10);
    group.throughput(Throughput::Elements(stats.dep_evals));
    group.bench_function("wide_cascade", |b| {
        b.iter_batched(
            || Engine::with_topology(scenario.clone(), topo.clone(), 1),
            |mut e| {
                e.run_to_end();
                e
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, wide_cascade);
criterion_main!(benches);
