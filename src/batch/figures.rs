//! The calibration's figures, worked out from a summary: what the report shows and
//! the JSON and CSV files hold, one place for each number.

use super::dist::ScoreDist;
use super::summary::Summary;
use crate::scenario::{Scenario, Secs};
use crate::scoring::Phase;
use serde::Serialize;

/// A score distribution's figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scores {
    pub runs: u64,
    pub mean: Option<f64>,
    pub sd: Option<f64>,
    pub min: Option<f64>,
    pub p10: Option<f64>,
    pub p50: Option<f64>,
    pub p90: Option<f64>,
    pub max: Option<f64>,
    /// Runs per whole point.
    pub bins: Vec<u64>,
}

impl Scores {
    fn of(d: &ScoreDist) -> Scores {
        let round = |x: f64| (x * 100.0).round() / 100.0;
        Scores {
            runs: d.count,
            mean: d.mean().map(round),
            sd: d.sd().map(round),
            min: d.min_milli.map(|m| m as f64 / 1000.0),
            p10: d.quantile(0.1),
            p50: d.quantile(0.5),
            p90: d.quantile(0.9),
            max: d.max_milli.map(|m| m as f64 / 1000.0),
            bins: d.bins.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TeamFigures {
    pub team: String,
    pub scores: Scores,
    /// On-time share per phase (detect ... restore), where it was scored.
    pub on_time: [Option<f64>; 5],
    /// Scored (incident, run) pairs per phase.
    pub scored: [u64; 5],
}

/// When something happened, over the runs it happened in.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Timing {
    pub id: String,
    /// Share of runs (0..1).
    pub share: f64,
    /// Quantiles of the first time, seconds (to the bin).
    pub p10: Option<Secs>,
    pub p50: Option<Secs>,
    pub p90: Option<Secs>,
    /// Runs per time bin.
    pub bins: Vec<u64>,
}

/// Every figure of a calibration.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figures {
    pub scenario: String,
    pub cast: String,
    pub runs: u64,
    pub seeds: Vec<(u64, u64)>,
    pub bin: Secs,
    pub duration: Secs,
    pub refused: u64,
    pub overall: Scores,
    pub baseline: Scores,
    /// Share of runs per grade, best first.
    pub grades: Vec<(String, f64)>,
    pub teams: Vec<TeamFigures>,
    pub services: Vec<Timing>,
    pub injects: Vec<Timing>,
    /// Firings per run, per inject.
    pub fired_per_run: Vec<f64>,
}

impl Figures {
    pub fn of(sum: &Summary, s: &Scenario) -> Figures {
        let runs = sum.runs.max(1) as f64;
        let bin = sum.key.bin;
        let timing = |id: &str, d: &super::dist::TimeDist| Timing {
            id: id.to_owned(),
            share: d.runs as f64 / runs,
            p10: d.quantile(0.1, bin),
            p50: d.quantile(0.5, bin),
            p90: d.quantile(0.9, bin),
            bins: d.bins.clone(),
        };
        Figures {
            scenario: s.id.clone(),
            cast: sum.key.cast.clone(),
            runs: sum.runs,
            seeds: sum.seeds.clone(),
            bin,
            duration: sum.key.duration,
            refused: sum.refused,
            overall: Scores::of(&sum.overall),
            baseline: Scores::of(&sum.baseline),
            grades: s
                .scoring
                .grades
                .iter()
                .zip(&sum.grades)
                .map(|(g, n)| (g.name.en.clone(), *n as f64 / runs))
                .collect(),
            teams: s
                .teams
                .iter()
                .enumerate()
                .map(|(i, t)| TeamFigures {
                    team: t.id.clone(),
                    scores: Scores::of(&sum.teams[i]),
                    on_time: Phase::ALL.map(|p| sum.on_time(i, p)),
                    scored: Phase::ALL.map(|p| sum.phases[i][p as usize].scored),
                })
                .collect(),
            services: s
                .services
                .iter()
                .zip(&sum.down)
                .map(|(v, d)| timing(&v.id, d))
                .collect(),
            injects: s
                .injects
                .iter()
                .zip(&sum.injects)
                .map(|(i, d)| timing(&i.id, d))
                .collect(),
            fired_per_run: sum.fired.iter().map(|&n| n as f64 / runs).collect(),
        }
    }
}
