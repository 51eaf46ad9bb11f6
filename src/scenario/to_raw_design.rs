//! Writing a validated design back into the raw format, beside its scenario.

use super::design::*;
use super::duration::format as dur;
use super::model::*;
use super::raw::*;

fn t(x: &Text) -> RawText {
    RawText {
        en: x.en.clone(),
        ja: x.ja.clone(),
    }
}

/// Put `d`'s pattern, objectives and expected actions into `raw`, the raw form of `s`.
pub(super) fn add(raw: &mut RawScenario, s: &Scenario, d: &Design) {
    raw.pattern = d.pattern.as_ref().map(t);
    raw.objectives = d
        .objectives
        .iter()
        .map(|o| RawObjective {
            id: o.id.clone(),
            text: t(&o.text),
        })
        .collect();
    let team = |i: TeamId| s.teams[i.idx()].id.clone();
    for e in &d.expectations {
        let seen = e.seen.map(|ev| match ev {
            Evidence::Sends { kind, to } => RawEvidence::Sends {
                kind,
                to: to.map(team),
            },
            Evidence::Takes { action, on } => RawEvidence::Takes {
                action: s.actions[action.idx()].id.clone(),
                on: on.map(|v| s.services[v.idx()].id.clone()),
            },
        });
        let x = RawExpect {
            id: e.id.clone(),
            team: team(e.team),
            what: t(&e.what),
            by: dur(e.by),
            objective: d.objectives[e.objective.idx()].id.clone(),
            seen,
        };
        match e.anchor {
            Anchor::Threat(i) => raw.threats[i.idx()].expect.push(x),
            Anchor::Inject(i) => raw.injects[i.idx()].expect.push(x),
        }
    }
}
