//! Points: phase credits and the avoided impact weighed into the overall score, the
//! per-team scores and the grades.

use super::impact::loss;
use super::model::{
    Accuracy, Coordination, Duty, Impact, IncidentScore, Loss, Outcome, Phase, Scorecard, TeamScore,
};
use crate::engine::Journal;
use crate::scenario::{Role, Scenario, Secs, SectorId, TeamId};

/// Assemble the scorecard: fill in points, team scores and grades.
pub(super) fn finish(
    sc: &Scenario,
    journal: &Journal,
    end: Secs,
    mut incidents: Vec<IncidentScore>,
    mut impact: Impact,
    coordination: Coordination,
    accuracy: Accuracy,
) -> Scorecard {
    let w = &sc.scoring.weights;
    let phase_w = [w.detect, w.report, w.share, w.contain, w.restore];
    let all_w: f64 = phase_w.iter().sum();
    let scored_w = |i: &IncidentScore| -> f64 {
        i.phases
            .iter()
            .filter(|p| p.outcome.scored())
            .map(|p| phase_w[p.phase as usize])
            .sum()
    };
    let sev_total: f64 = incidents
        .iter()
        .filter(|i| scored_w(i) > 0.0)
        .map(|i| 1.0 + f64::from(i.severity))
        .sum();
    let has_r = sev_total > 0.0 && all_w > 0.0;
    let avoided = impact.total.avoided.filter(|_| w.impact > 0.0);
    let denom = if has_r { all_w } else { 0.0 } + if avoided.is_some() { w.impact } else { 0.0 };

    for inc in &mut incidents {
        let sw = scored_w(inc);
        if sw <= 0.0 {
            continue;
        }
        let share = 100.0 * all_w / denom * (1.0 + f64::from(inc.severity)) / sev_total;
        let mut credit = 0.0;
        for p in inc.phases.iter_mut().filter(|p| p.outcome.scored()) {
            let part = phase_w[p.phase as usize] / sw;
            p.max_points = share * part;
            p.points = p.max_points * p.credit;
            credit += part * p.credit;
        }
        inc.score = Some(100.0 * credit);
    }
    if let Some(a) = avoided {
        impact.max_points = 100.0 * w.impact / denom;
        impact.points = impact.max_points * a.clamp(0.0, 1.0);
    }
    let score = if denom > 0.0 {
        incidents
            .iter()
            .flat_map(|i| &i.phases)
            .map(|p| p.points)
            .sum::<f64>()
            + impact.points
    } else {
        100.0
    };
    let teams = (0..sc.teams.len() as u32)
        .map(|t| team_score(sc, TeamId(t), &incidents, &impact))
        .collect();
    Scorecard {
        scenario: journal.header.scenario.clone(),
        seed: journal.header.seed,
        end,
        incidents,
        impact,
        coordination,
        accuracy,
        teams,
        score,
        grade: grade(sc, score),
    }
}

/// The grade band a score falls in.
pub fn grade(sc: &Scenario, score: f64) -> usize {
    sc.scoring
        .grades
        .iter()
        .position(|g| score + 1e-9 >= g.min)
        .unwrap_or(sc.scoring.grades.len().saturating_sub(1))
}

fn team_score(
    sc: &Scenario,
    team: TeamId,
    incidents: &[IncidentScore],
    impact: &Impact,
) -> TeamScore {
    let w = &sc.scoring.weights;
    let phase_w = [w.detect, w.report, w.share, w.contain, w.restore];
    let t = &sc.teams[team.idx()];
    let sectors: Vec<SectorId> = t
        .controls
        .iter()
        .map(|o| sc.organisations[o.idx()].sector)
        .collect();
    let mut duties = Vec::new();
    let (mut got, mut max) = (0.0, 0.0);
    for inc in incidents {
        let owner = inc.owners.contains(&team);
        let desk = t.role == Role::Ministry
            && inc.hits.iter().any(|s| sectors.contains(&sc.sector_of(*s)));
        let centre = t.role == Role::Centre;
        for p in &inc.phases {
            let answers = match p.phase {
                Phase::Detect | Phase::Contain | Phase::Restore => owner,
                Phase::Report => owner || desk,
                Phase::Share => owner || desk || centre,
            };
            if !answers || p.outcome == Outcome::NotApplicable {
                continue;
            }
            duties.push(Duty {
                threat: inc.threat,
                phase: p.phase,
                outcome: p.outcome,
                credit: p.credit,
            });
            if p.outcome.scored() {
                let weight = (1.0 + f64::from(inc.severity)) * phase_w[p.phase as usize];
                got += weight * p.credit;
                max += weight;
            }
        }
    }
    // Which services the team runs, by index (a national scenario has thousands).
    let own: Vec<bool> = sc
        .services
        .iter()
        .map(|s| t.controls.contains(&s.owner))
        .collect();
    let team_impact: Option<Loss> = own.contains(&true).then(|| {
        let lost = |f: fn(&Loss) -> f64| -> f64 {
            impact
                .services
                .iter()
                .filter(|(s, _)| own.get(s.idx()).copied().unwrap_or(false))
                .map(|(_, l)| f(l))
                .sum()
        };
        loss(lost(|l| l.run), lost(|l| l.baseline))
    });
    let all_w: f64 = phase_w.iter().sum();
    let r = (max > 0.0 && all_w > 0.0).then(|| got / max);
    let a = team_impact
        .as_ref()
        .and_then(|l| l.avoided)
        .filter(|_| w.impact > 0.0);
    let denom = r.map_or(0.0, |_| all_w) + a.map_or(0.0, |_| w.impact);
    let score = (denom > 0.0).then(|| {
        100.0 * (r.map_or(0.0, |r| all_w * r) + a.map_or(0.0, |a| w.impact * a.clamp(0.0, 1.0)))
            / denom
    });
    TeamScore {
        team,
        duties,
        impact: team_impact,
        score,
        grade: score.map(|s| grade(sc, s)),
    }
}
