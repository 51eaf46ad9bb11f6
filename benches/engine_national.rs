//! Benchmark: the generated national network (100,000 services, 1,000,000
//! dependencies) under a wide cascade (the grid hubs cut at 30 minutes, an earthquake
//! at 2 hours), run to its end. Throughput is dependency evaluations (provider changes
//! arriving over an edge) per second. `CROSSDRILL_NATIONAL=services,deps` changes the size.

use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use crossdrill::engine::{Engine, Topology};
use crossdrill::generate::national;
use std::sync::Arc;
use std::time::Instant;

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
    let mut probe = Engine::with_topology(scenario.clone(), topo.clone(), 1);
    let built = t.elapsed();
    let t = Instant::now();
    probe.run_to_end();
    let stats = probe.stats();
    let changed = probe
        .world()
        .services()
        .filter(|(_, s)| s.capacity < 1.0)
        .count();
    eprintln!(
        "national {services}/{deps}: built in {built:?}; one run {:?}: {} dependency evaluations, \
         {} events, {} journal entries, {changed} services below full at the end",
        t.elapsed(),
        stats.dep_evals,
        stats.events,
        probe.journal().entries.len(),
    );
    drop(probe);

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
