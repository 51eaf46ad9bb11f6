//! Scoring: metrics and points computed from a run's journal and its scenario, and
//! the rules that go with them (which commands the no-response baseline takes). Uses
//! `engine` and `scenario`; no bevy, egui or I/O.
//!
//! Everything here is a pure function of the scenario and the journal (the
//! no-response baseline is another engine run of the same scenario and seed: the
//! engine is deterministic, so this stays pure). Times are exercise seconds.
//!
//! # Incidents
//!
//! A scored **incident** is a threat campaign of the scenario that did something: at
//! least one `Compromised` or `Impact` entry. It **starts** at the first such entry
//! (the first step of the campaign that happened) and takes its **severity** from the
//! threat; its deadlines are `scenario.scoring.deadlines[severity]`, counted from the
//! start. A threat whose every step was blocked is not an incident.
//!
//! - **Targets**: every service the threat's steps name (compromise, spread source
//!   and target, impact). A team message is **about** the incident when it cites an
//!   incident whose origin is the threat, names a target, or forwards a message that
//!   is about it (the engine uses the same rule for "reported").
//! - **Owner teams**: the teams controlling a service the threat compromised or hit.
//! - **Dependent teams**: the other teams (not ministry desks or the centre) that
//!   control a service downstream of a target along the dependency graph.
//!
//! # Phases
//!
//! | phase   | done when |
//! |---------|-----------|
//! | detect  | an owner team first detects something whose origin is the threat |
//! | report  | a message about it from an owner team (any kind but a public statement) first reaches a ministry desk or the coordination centre |
//! | share   | every dependent team has received a team message about it (no dependents: not scored) |
//! | contain | every foothold is cleaned (patch) or isolated, and every service hit without a foothold (a DDoS) has had a backup, manual, restore or isolate action finish on it; the last moment this became true and stayed true |
//! | restore | every service the threat hit is back to at least 80 % of full capacity (a tampered one also needs a restore action finished on it); the last moment this became true and stayed true |
//!
//! A phase done by its deadline earns full **credit** (1); a late one loses credit
//! linearly and earns nothing at twice the deadline; one not done earns nothing. A
//! phase not done whose deadline falls after the end of the run is **open**: not
//! scored either way.
//!
//! # Service impact
//!
//! For each service, the integral over the run of `(1 - capacity) x criticality x
//! people`, in criticality-weighted person-hours; summed per sector and in total. The
//! **baseline** is the same scenario and seed run to the same end with the
//! facilitator's commands only (injects fired or skipped, overrides, notes) and no
//! team command. **Avoided** = `1 - run / baseline` (not scored when the baseline
//! lost nothing; clamped to 0..1 for points, shown unclamped).
//!
//! # Points and grades
//!
//! `W` is the sum of the five phase weights, `w_i` the impact weight. The overall
//! score out of 100 is `(W x R + w_i x A) / (W + w_i) x 100`, where `A` is the avoided
//! share and `R` the mean of the incidents' response credit, each incident weighted
//! by `1 + severity`, an incident's credit being the weighted mean (by the phase
//! weights) of its scored phases' credits. Each phase's `points` is its part of the
//! overall score, so the points of all phases and the impact add up to it. The grade
//! is the first band (highest first) whose `min` the score reaches.
//!
//! **Team scores** use the same formula over what the team answers for: detect,
//! contain and restore of the incidents it owns; report of those and of its sector's
//! incidents for a ministry desk; share of those, of its sector's incidents for a
//! ministry desk, and of every incident for the coordination centre; and the avoided
//! share of its own services' impact (when their baseline lost anything). A team
//! that answers for nothing has no score.
//!
//! # Coordination and picture accuracy (shown, not scored)
//!
//! - Every delivered team message is a **hop** (sender, receiver, sent, arrived).
//!   For each incident the **chain** lists, for each team that came to know of it,
//!   how: its own detection, or the first message about it that reached it (who
//!   sent it, how long the sender held the information, how long it travelled).
//! - **Warnings**: for each dependent team, when its services first lost capacity to
//!   the incident's cascade and when a team message about it first reached it; hit
//!   before warned (or never warned) is flagged.
//! - **Claims**: each team message (not forwards) that claims a status is checked
//!   for every service it names against that service's true status when it was sent;
//!   a claimed severity against the highest severity of the threats (already under
//!   way) whose targets it names, or, naming none, of those behind the incidents it
//!   cites.

mod accuracy;
mod checklist;
pub mod compare;
mod coordination;
mod facts;
mod impact;
mod model;
mod phases;
mod points;
mod recovery;

pub use checklist::{Check, Finding, Suggested, checklist};
pub use impact::LossMeter;
pub use model::*;
pub use points::grade;

use crate::engine::{Command, Engine, Journal};
use crate::scenario::{Scenario, Secs};
use crate::words::Phrase;
use std::fmt;
use std::sync::Arc;

/// Capacity (0..1) a service hit by a threat must be back to, to count as restored.
pub const RESTORED_CAPACITY: f64 = 0.8;

/// Why a journal could not be scored.
#[derive(Debug, Clone, PartialEq)]
pub enum ScoreError {
    WrongScenario { journal: String, scenario: String },
}

/// Score a run up to where it stood (the journal header's `until`). A journal that
/// does not record it is scored to the scenario's end (or its last entry, if later).
pub fn score(scenario: &Arc<Scenario>, journal: &Journal) -> Result<Scorecard, ScoreError> {
    score_until(scenario, journal, journal.end(scenario.duration))
}

/// Score a run that stood at `end` (a run stopped early, or the app mid-exercise).
pub fn score_until(
    scenario: &Arc<Scenario>,
    journal: &Journal,
    end: Secs,
) -> Result<Scorecard, ScoreError> {
    check(scenario, journal)?;
    let base = baseline(scenario, journal, end);
    Ok(score_with_baseline(scenario, journal, &base, end))
}

/// Score against a given baseline journal (both taken to stand at `end`).
pub fn score_with_baseline(
    scenario: &Scenario,
    journal: &Journal,
    baseline: &Journal,
    end: Secs,
) -> Scorecard {
    let facts = facts::Facts::new(scenario, journal, end);
    let base = facts::Facts::new(scenario, baseline, end);
    let incidents = phases::incidents(&facts);
    let impact = impact::impact(&facts, &base);
    let coordination = coordination::coordination(&facts, &incidents);
    let accuracy = accuracy::accuracy(&facts);
    points::finish(
        scenario,
        journal,
        end,
        incidents,
        impact,
        coordination,
        accuracy,
    )
}

/// A run's scores (overall, per team, per incident, impact) and its baseline's own
/// overall score, by the same rules as [`score_with_baseline`] but without the
/// coordination and picture-accuracy sections (shown, never scored), and reading the
/// baseline once: what a batch of thousands of runs keeps of each.
pub fn score_lean(
    scenario: &Scenario,
    journal: &Journal,
    baseline: &Journal,
    end: Secs,
) -> (Scorecard, f64) {
    let facts = facts::Facts::new(scenario, journal, end);
    let base = facts::Facts::new(scenario, baseline, end);
    let lean = |f: &facts::Facts, journal: &Journal| {
        let incidents = phases::incidents(f);
        let impact = impact::impact(f, &base);
        let none = Coordination {
            hops: Vec::new(),
            chains: Vec::new(),
            warnings: Vec::new(),
        };
        let unchecked = Accuracy {
            claims: Vec::new(),
            teams: Vec::new(),
            share: None,
        };
        points::finish(scenario, journal, end, incidents, impact, none, unchecked)
    };
    let card = lean(&facts, journal);
    let base_score = lean(&base, baseline).score;
    (card, base_score)
}

/// Whether the no-response baseline takes this command too: exercise control's
/// commands (injects, overrides), not the teams' and not notes or evaluators' findings.
pub fn in_baseline(cmd: &Command) -> bool {
    cmd.team().is_none() && !matches!(cmd, Command::Note(_) | Command::Assess { .. })
}

/// The no-response baseline: the same scenario and seed with the journal's
/// commands that [`in_baseline`] takes, run to `end`. A command the baseline refuses
/// is left out.
pub fn baseline(scenario: &Arc<Scenario>, journal: &Journal, end: Secs) -> Journal {
    let engine = Engine::new(scenario.clone(), journal.header.seed);
    baseline_on(engine, journal, end).journal().clone()
}

/// [`baseline`] played on `engine`, a fresh engine of the journal's scenario and seed
/// (one built on a shared topology, for many runs); the engine at `end`.
pub fn baseline_on(mut engine: Engine, journal: &Journal, end: Secs) -> Engine {
    for (at, cmd) in journal.commands() {
        if at > end || !in_baseline(&cmd) {
            continue;
        }
        engine.advance_to(at);
        // Refused: the baseline differs (e.g. the inject already fired); leave it out.
        let _ = engine.apply(cmd);
    }
    engine.advance_to(end);
    engine
}

fn check(scenario: &Scenario, journal: &Journal) -> Result<(), ScoreError> {
    if journal.header.scenario == scenario.id {
        Ok(())
    } else {
        Err(ScoreError::WrongScenario {
            journal: journal.header.scenario.clone(),
            scenario: scenario.id.clone(),
        })
    }
}

impl fmt::Display for ScoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ScoreError::WrongScenario { journal, scenario } = self;
        let phrase = Phrase::new("error-score-wrong-scenario")
            .with("journal", journal.as_str())
            .with("scenario", scenario.as_str());
        f.write_str(&phrase.word(crate::words::default_lang()))
    }
}

impl std::error::Error for ScoreError {}
