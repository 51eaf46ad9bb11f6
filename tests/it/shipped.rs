//! Every shipped scenario proves itself: it is big and bilingual enough for a drill, its
//! header's no-response cascade is what the engine does, and its well-run play scores well
//! above its late play, which scores above doing nothing.

use crate::engine_default::first;
use crate::play_run;
use crossdrill::engine::{Engine, ServiceStatus};
use crossdrill::scenario::{Loaded, OrgKind, Role, SHIPPED, Scenario, Secs, Text, load_source};
use crossdrill::scoring;
use std::collections::BTreeSet;
use std::sync::Arc;

/// Points a scenario's well-run play must score above its late one (where every key step
/// is late).
const WELL_OVER_LATE: f64 = 15.0;
/// The default scenario's late play differs from its well-run play in one report only
/// (tests/it/scoring_plays.rs): it must still lose a report's worth.
const WELL_OVER_ONE_LATE_REPORT: f64 = 5.0;
/// The seeds the header's cascade holds for.
const SEEDS: [u64; 2] = [7, 8];

fn shipped() -> Vec<(&'static str, Loaded)> {
    SHIPPED
        .iter()
        .map(|&(name, text)| (name, load(name, text)))
        .collect()
}

fn load(name: &str, text: &str) -> Loaded {
    load_source(name, text, None).unwrap_or_else(|p| panic!("{name} does not load:\n{p}"))
}

/// One line of a header's no-response cascade: `//   1h05  service-id  down  text`.
#[derive(Debug)]
struct Event {
    line: usize,
    at: Secs,
    service: String,
    status: ServiceStatus,
}

fn clock(text: &str) -> Option<Secs> {
    let (h, m) = text.split_once('h')?;
    let (h, m): (Secs, Secs) = (h.parse().ok()?, m.parse().ok()?);
    (m < 60 && text.len() >= 4).then_some(h * 3600 + m * 60)
}

/// The cascade lines of the header comment (the comment lines before the first line
/// that is not a comment).
fn cascade(text: &str) -> Vec<Event> {
    let mut out = vec![];
    for (i, line) in text.lines().enumerate() {
        let Some(rest) = line.strip_prefix("//") else {
            break;
        };
        let words: Vec<&str> = rest.split_whitespace().collect();
        let status = match words.get(2) {
            Some(&"down") => ServiceStatus::Down,
            Some(&"degraded") => ServiceStatus::Degraded,
            Some(&"backup") => ServiceStatus::OnBackup,
            _ => continue,
        };
        if let Some(at) = words.first().and_then(|w| clock(w)) {
            out.push(Event {
                line: i + 1,
                at,
                service: words[1].to_owned(),
                status,
            });
        }
    }
    out
}

#[test]
fn five_scenarios_ship_each_of_its_own_pattern() {
    assert!(SHIPPED.len() >= 5, "{} scenarios ship", SHIPPED.len());
}

#[test]
fn every_header_cascade_is_what_a_run_without_response_does() {
    for &(name, text) in SHIPPED {
        let events = cascade(text);
        assert!(
            events.len() >= 6,
            "{name}: the header gives the no-response cascade ({} lines)",
            events.len()
        );
        assert!(
            events.windows(2).all(|w| w[0].at <= w[1].at),
            "{name}: the cascade is in time order"
        );
        let sc = Arc::new(load(name, text).scenario);
        for seed in SEEDS {
            let mut e = Engine::new(sc.clone(), seed);
            e.run_to_end();
            for ev in &events {
                assert!(
                    sc.service_by_id(&ev.service).is_some(),
                    "{name}:{}: no service `{}`",
                    ev.line,
                    ev.service
                );
                assert_eq!(
                    first(&e, &ev.service, ev.status),
                    Some(ev.at),
                    "{name}:{}: {} first {:?} (seed {seed})",
                    ev.line,
                    ev.service,
                    ev.status
                );
            }
        }
    }
}

fn bilingual(t: &Text) -> bool {
    !t.en.trim().is_empty() && !t.ja.trim().is_empty()
}

/// Every text a player reads in the scenario, with what it is.
fn texts(sc: &Scenario) -> Vec<(String, &Text)> {
    let mut out = vec![
        ("title".to_owned(), &sc.title),
        ("summary".to_owned(), &sc.summary),
        ("brief".to_owned(), &sc.brief),
    ];
    out.extend(sc.services.iter().map(|s| (s.id.clone(), &s.name)));
    out.extend(sc.organisations.iter().map(|o| (o.id.clone(), &o.name)));
    out.extend(sc.teams.iter().map(|t| (t.id.clone(), &t.name)));
    out.extend(sc.threats.iter().map(|t| (t.id.clone(), &t.name)));
    out.extend(sc.actions.iter().map(|a| (a.id.clone(), &a.name)));
    out
}

#[test]
fn every_shipped_scenario_is_a_drill_in_both_languages() {
    let mut with_council = 0;
    let mut patterns = BTreeSet::new();
    for (name, l) in shipped() {
        let sc = &l.scenario;
        assert_eq!(
            name,
            format!("scenarios/{}.scenario.ron", sc.id),
            "file named after its id"
        );
        let sectors: BTreeSet<_> = sc
            .services
            .iter()
            .map(|s| sc.organisations[s.owner.idx()].sector)
            .collect();
        assert!(
            sc.services.len() >= 15,
            "{name}: {} services",
            sc.services.len()
        );
        assert!(sectors.len() >= 4, "{name}: {} sectors", sectors.len());
        for (what, t) in texts(sc) {
            assert!(
                bilingual(t),
                "{name}: {what} is not in both languages: {t:?}"
            );
        }
        let design = &l.design;
        let pattern = design.pattern.as_ref().expect("a pattern");
        assert!(bilingual(pattern), "{name}: pattern");
        assert!(
            patterns.insert(pattern.en.clone()),
            "{name}: a pattern of its own"
        );
        assert!(design.objectives.len() >= 3, "{name}: objectives");
        assert!(design.expectations.len() >= 6, "{name}: expected actions");
        for o in &design.objectives {
            assert!(bilingual(&o.text), "{name}: objective {}", o.id);
        }
        for x in &design.expectations {
            assert!(bilingual(&x.what), "{name}: expected action {}", x.id);
        }
        let council = sc.teams.iter().any(|t| {
            t.role == Role::Ceptoar
                && t.controls.iter().any(|o| {
                    let org = &sc.organisations[o.idx()];
                    org.kind == OrgKind::Ceptoar && sc.sectors[org.sector.idx()].id == "national"
                })
        });
        let sector_ceptoars = sc.teams.iter().filter(|t| t.role == Role::Ceptoar).count();
        if council && sector_ceptoars >= 2 {
            with_council += 1;
        }
    }
    assert!(
        with_council >= 2,
        "at least two scenarios put sector CEPTOARs and the CEPTOAR Council in play"
    );
}

#[test]
fn a_well_run_play_beats_a_late_one_which_beats_doing_nothing() {
    for (name, l) in shipped() {
        let sc = Arc::new(l.scenario);
        // The default scenario's plays predate the folders per scenario.
        let (dir, late, gap) = if sc.id == "games-time-blackout" {
            (String::new(), "late-report", WELL_OVER_ONE_LATE_REPORT)
        } else {
            (format!("{}/", sc.id), "late", WELL_OVER_LATE)
        };
        let seed = play_run::DEFAULT_SEED;
        let well = play_run::run(sc.clone(), &format!("{dir}well-run.commands.ron"), seed);
        let late = play_run::run(sc.clone(), &format!("{dir}{late}.commands.ron"), seed);
        let none = scoring::baseline(&sc, &well.journal, sc.duration);
        let none = scoring::score(&sc, &none).expect("the baseline scores");
        let (w, l, n) = (well.card.score, late.card.score, none.score);
        assert!(
            w >= l + gap && l > n,
            "{name}: well-run {w:.1}, late {l:.1}, no response {n:.1}"
        );
        assert_eq!(
            well.card.grade, 0,
            "{name}: the well-run play is top grade ({w:.1})"
        );
    }
}
