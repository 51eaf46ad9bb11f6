use crossdrill::cli::script;
use crossdrill::engine::{Engine, timeline_line};
use crossdrill::scenario::*;
use std::sync::Arc;

fn play(name: &str, seed: u64) {
    let sc = Arc::new(if std::env::var("MINI").is_ok() { load_source("mini.scenario.ron", &std::fs::read_to_string("tests/plays/mini.scenario.ron").unwrap(), None).unwrap().scenario } else { builtin_default() });
    let mut e = Engine::new(sc.clone(), seed);
    if !name.is_empty() {
        let text = std::fs::read_to_string(format!("tests/plays/{name}")).unwrap();
        let plan = script::parse(name, &text, &sc).unwrap();
        for p in &plan {
            e.advance_to(p.at);
            if let Err(err) = e.apply(p.command_for(&e)) { println!("REFUSED {}: {err}", p.place); }
        }
    }
    e.advance_to(sc.duration);
    let j = e.journal().clone();
    if std::env::var("TL").is_ok() { for en in &j.entries { println!("{}", timeline_line(&sc, en, Lang::En)); } }
    let card = crossdrill::scoring::score(&sc, &j).unwrap();
    println!("== {name} seed {seed}: score {:.2} grade {}", card.score, card.grade);
    for i in &card.incidents {
        println!("incident {} sev {} start {} hits {:?} owners {:?} deps {:?} score {:?}", sc.threats[i.threat.idx()].id, i.severity, i.start, i.hits.iter().map(|s| &sc.services[s.idx()].id).collect::<Vec<_>>(), i.owners, i.dependents, i.score);
        for p in &i.phases { println!("   {:?} dl {} done {:?} took {:?} {:?} credit {:.2} pts {:.2}/{:.2}", p.phase, p.deadline, p.done_at, p.took, p.outcome, p.credit, p.points, p.max_points); }
    }
    println!("impact {:?} pts {:.2}/{:.2}", card.impact.total, card.impact.points, card.impact.max_points);
    for (s, l) in &card.impact.sectors { println!("  {} {:.0} / {:.0}", sc.sectors[s.idx()].id, l.run, l.baseline); }
    for t in &card.teams { println!("team {} score {:?} impact {:?}", sc.teams[t.team.idx()].id, t.score.map(|s| (s*10.0).round()/10.0), t.impact.as_ref().map(|l| (l.run.round(), l.baseline.round()))); }
    for w in &card.coordination.warnings { println!("warn {:?}", w); }
    for c in &card.coordination.chains { for l in &c.links { println!("link {:?}", l); } }
    println!("accuracy {:?}", card.accuracy.share);
}
#[test]
fn dump() {
    let name = std::env::var("PLAY").unwrap_or_default();
    let seed: u64 = std::env::var("SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(7);
    play(&name, seed);
}
