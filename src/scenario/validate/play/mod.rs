//! Validation of the play, one file a section: severity scale and seeds, threats,
//! actions, injects, scoring. The shared helpers (deadlines, times after the end) live here.

mod actions;
mod injects;
mod scoring;
mod severity;
mod threats;

use super::ctx::{At, Ctx, Ids, at};
use super::world::World;
use crate::scenario::duration;
use crate::scenario::model::*;
use crate::scenario::problem::ProblemKind;
use crate::scenario::raw::*;
use crate::scenario::spans::Seg::{self, Field as F};

pub(super) struct Play {
    pub severity: Vec<SeverityLevel>,
    pub threats: Vec<Threat>,
    pub injects: Vec<Inject>,
    pub actions: Vec<Action>,
    pub deadlines: Vec<Deadlines>,
    pub weights: Weights,
    pub grades: Vec<Grade>,
    /// The actions' ids, for the design to resolve.
    pub action_ids: Ids,
}

pub(super) fn check(cx: &mut Ctx, w: &World, end: Secs) -> Play {
    let severity = severity::severity(cx);
    severity::check_seeds(cx);
    let threat_ids = cx.ids(
        "threat",
        "threats",
        cx.m.raw.threats.iter().map(|t| t.id.as_str()),
    );
    let action_ids = cx.ids(
        "action",
        "actions",
        cx.m.raw.actions.iter().map(|a| a.id.as_str()),
    );
    let threats = threats::threats(cx, w, end);
    let actions = actions::actions(cx);
    let refs = injects::Refs {
        w,
        threats: &threat_ids,
        actions: &action_ids,
    };
    let injects = injects::injects(cx, &refs, end);
    let (deadlines, weights, grades) = scoring::scoring(cx, &severity);
    Play {
        severity,
        threats,
        injects,
        actions,
        deadlines,
        weights,
        grades,
        action_ids,
    }
}

fn deadlines(
    cx: &mut Ctx,
    list: &'static str,
    idx: usize,
    base: &[Seg],
    d: &RawDeadlines,
) -> Deadlines {
    let mut one = |field: &'static str, v: &str| {
        let mut path = base.to_vec();
        path.push(F(field));
        cx.duration(at(list, idx, &path), v, "a deadline", false)
    };
    Deadlines {
        detect: one("detect", &d.detect),
        report: one("report", &d.report),
        share: one("share", &d.share),
        contain: one("contain", &d.contain),
        restore: one("restore", &d.restore),
    }
}

fn after_end(cx: &mut Ctx, a: At, what: String, t: Secs, end: Secs) {
    if end > 0 && t > end {
        cx.warn(
            a,
            ProblemKind::AfterEnd {
                what,
                at: duration::format(t),
                end: duration::format(end),
            },
            Some("it will never happen; move it earlier or lengthen `duration`".into()),
        );
    }
}
