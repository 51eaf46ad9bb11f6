//! Service impact: lost capacity x criticality x people, integrated over time, for the
//! run and its no-response baseline; the same integral read live as a journal grows; and
//! each sector's capacity over time.

use super::facts::Facts;
use super::model::{Impact, Loss, SectorSeries};
use crate::engine::{EntryKind, Journal};
use crate::scenario::{Scenario, Secs, SectorId, Service, ServiceId};

/// Run against baseline, per service, per sector and in total (points come later).
pub(super) fn impact(run: &Facts, base: &Facts) -> Impact {
    let sc = run.sc;
    let n = sc.services.len();
    let lost_run: Vec<f64> = (0..n).map(|s| lost(run, ServiceId(s as u32))).collect();
    let lost_base: Vec<f64> = (0..n).map(|s| lost(base, ServiceId(s as u32))).collect();
    let services = (0..n)
        .filter(|&s| lost_run[s] > 0.0 || lost_base[s] > 0.0)
        .map(|s| (ServiceId(s as u32), loss(lost_run[s], lost_base[s])))
        .collect();
    let mut sectors = Vec::new();
    let mut series = Vec::new();
    for k in 0..sc.sectors.len() {
        let sector = SectorId(k as u32);
        let members: Vec<usize> = (0..n)
            .filter(|&s| sc.sector_of(ServiceId(s as u32)) == sector)
            .collect();
        if members.is_empty() {
            continue;
        }
        let r: f64 = members.iter().map(|&s| lost_run[s]).sum();
        let b: f64 = members.iter().map(|&s| lost_base[s]).sum();
        sectors.push((sector, loss(r, b)));
        series.push(SectorSeries {
            sector,
            run: sector_series(run, &members),
            baseline: sector_series(base, &members),
        });
    }
    let total = loss(lost_run.iter().sum(), lost_base.iter().sum());
    Impact {
        end: run.end,
        total,
        sectors,
        services,
        series,
        points: 0.0,
        max_points: 0.0,
    }
}

/// Lost criticality-weighted person-hours of one service up to the end.
pub(super) fn lost(f: &Facts, s: ServiceId) -> f64 {
    let series = &f.series[s.idx()];
    let mut l = Lost::new(series.first().map_or(1.0, |p| p.cap));
    for p in series.iter().skip(1) {
        l.change(p.at, p.cap);
    }
    weighted(&f.sc.services[s.idx()], l.until(f.end))
}

/// Lost capacity-seconds weighted by criticality and people served, in person-hours.
fn weighted(svc: &Service, secs: f64) -> f64 {
    secs * svc.criticality * svc.people as f64 / 3600.0
}

/// One service's lost capacity over time, `(1 - capacity) x seconds`, summed as its
/// capacity changes (the capacity at 0 is the one it is made with).
#[derive(Debug, Clone, Copy)]
struct Lost {
    cap: f64,
    since: Secs,
    secs: f64,
}

impl Lost {
    fn new(cap: f64) -> Self {
        Self {
            cap,
            since: 0,
            secs: 0.0,
        }
    }

    /// The capacity is `cap` from `at` on (changes come in time order).
    fn change(&mut self, at: Secs, cap: f64) {
        if at > self.since {
            self.secs += (1.0 - self.cap) * (at - self.since) as f64;
            self.since = at;
        }
        self.cap = cap;
    }

    /// Lost capacity-seconds up to `end`.
    fn until(&self, end: Secs) -> f64 {
        if end > self.since {
            self.secs + (1.0 - self.cap) * (end - self.since) as f64
        } else {
            self.secs
        }
    }
}

/// The run's service loss so far, read from its journal as it grows (the live exercise):
/// the integral of the scorecard's impact, without reading an entry twice.
#[derive(Debug, Clone, Default)]
pub struct LossMeter {
    read: usize,
    /// By service; `None` until its capacity first changes.
    services: Vec<Option<Lost>>,
}

impl LossMeter {
    /// Read the entries of `journal` added since the last call.
    pub fn catch_up(&mut self, scenario: &Scenario, journal: &Journal) {
        self.services.resize(scenario.services.len(), None);
        for e in journal.entries.iter().skip(self.read) {
            if let EntryKind::ServiceChanged {
                service, from, to, ..
            } = &e.kind
                && let Some(l) = self.services.get_mut(service.idx())
            {
                l.get_or_insert_with(|| Lost::new(*from)).change(e.at, *to);
            }
        }
        self.read = journal.entries.len();
    }

    /// Criticality-weighted person-hours lost up to `now`, all services together (what
    /// the scorecard's impact calls the run's total at that end).
    pub fn total(&self, scenario: &Scenario, now: Secs) -> f64 {
        let lost: f64 = scenario
            .services
            .iter()
            .zip(&self.services)
            .filter_map(|(svc, l)| l.map(|l| weighted(svc, l.until(now))))
            .sum();
        // Nothing lost yet reads 0, not the -0 an empty sum gives.
        lost + 0.0
    }
}

/// Run and baseline loss compared.
pub(super) fn loss(run: f64, baseline: f64) -> Loss {
    let avoided = (baseline > 1e-9).then(|| 1.0 - run / baseline);
    Loss {
        run,
        baseline,
        avoided,
    }
}

/// The weighted mean capacity of `members` at 0, at each change, and at the end.
fn sector_series(f: &Facts, members: &[usize]) -> Vec<(Secs, f64)> {
    let weight = |s: usize| {
        let svc = &f.sc.services[s];
        svc.criticality * svc.people as f64
    };
    let total: f64 = members.iter().map(|&s| weight(s)).sum();
    let w = |s: usize| {
        if total > 0.0 {
            weight(s) / total
        } else {
            1.0 / members.len() as f64
        }
    };
    let mut caps: Vec<f64> = members.iter().map(|&s| f.series[s][0].cap).collect();
    let mut changes: Vec<(Secs, u64, usize, f64)> = Vec::new();
    for (k, &s) in members.iter().enumerate() {
        changes.extend(
            f.series[s]
                .iter()
                .skip(1)
                .filter(|p| p.at <= f.end)
                .map(|p| (p.at, p.entry, k, p.cap)),
        );
    }
    changes.sort_by_key(|c| (c.0, c.1));
    let mut v: f64 = members.iter().zip(&caps).map(|(&s, c)| w(s) * c).sum();
    let mut out = vec![(0, v)];
    for (i, &(at, _, k, cap)) in changes.iter().enumerate() {
        v += w(members[k]) * (cap - caps[k]);
        caps[k] = cap;
        if changes.get(i + 1).is_some_and(|next| next.0 == at) {
            continue;
        }
        match out.last_mut() {
            Some(last) if last.0 == at => last.1 = v.clamp(0.0, 1.0),
            _ => out.push((at, v.clamp(0.0, 1.0))),
        }
    }
    let last = out.last().map_or(1.0, |p| p.1);
    if out.last().is_some_and(|p| p.0 < f.end) {
        out.push((f.end, last));
    }
    out
}
