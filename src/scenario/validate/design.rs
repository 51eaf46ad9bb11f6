//! The drill's design: objectives, and the expected actions under threats and injects,
//! each naming a team, an objective and what in the journal would show it.

use super::ctx::{At, Ctx, Ids, at, text};
use super::play::Play;
use super::world::{World, check_text};
use crate::scenario::design::*;
use crate::scenario::model::*;
use crate::scenario::problem::{ProblemKind, suggest};
use crate::scenario::raw::{RawEvidence, RawExpect};
use crate::scenario::spans::Seg::{self, Field as F, Index as I};
use std::collections::HashMap;

pub(super) fn check(cx: &mut Ctx, w: &World, p: &Play) -> Design {
    let raw = &cx.m.raw;
    let objective_ids = cx.ids(
        "objective",
        "objectives",
        raw.objectives.iter().map(|o| o.id.as_str()),
    );
    let mut objectives = Vec::new();
    for (i, o) in raw.objectives.iter().enumerate() {
        check_text(cx, at("objectives", i, &[F("text")]), &o.text);
        objectives.push(Objective {
            id: o.id.clone(),
            text: text(&o.text),
        });
    }
    let r = Refs {
        w,
        p,
        objectives: &objective_ids,
    };
    let mut seen_ids: HashMap<String, ()> = HashMap::new();
    let mut expectations = Vec::new();
    let lists = [
        (
            "threats",
            &raw.threats.iter().map(|t| &t.expect).collect::<Vec<_>>(),
        ),
        (
            "injects",
            &raw.injects.iter().map(|x| &x.expect).collect::<Vec<_>>(),
        ),
    ];
    for (list, items) in lists {
        for (i, expects) in items.iter().enumerate() {
            let anchor = if list == "threats" {
                Anchor::Threat(ThreatId(i as u32))
            } else {
                Anchor::Inject(InjectId(i as u32))
            };
            for (j, e) in expects.iter().enumerate() {
                let place = Place { list, i, j };
                let id = [F("id")];
                if e.id.is_empty() {
                    let kind = ProblemKind::EmptyId("expected action");
                    place.with(&id, |a| cx.error(a, kind, None));
                } else if seen_ids.insert(e.id.clone(), ()).is_some() {
                    let kind = ProblemKind::Duplicate {
                        what: "expected action",
                        id: e.id.clone(),
                    };
                    let hint = "ids must be unique across threats and injects; rename one";
                    place.with(&id, |a| cx.error(a, kind, Some(hint.into())));
                }
                expectations.push(expectation(cx, &r, place, anchor, e));
            }
        }
    }
    for (i, o) in objectives.iter().enumerate() {
        let linked = expectations.iter().any(|e| e.objective.idx() == i);
        if !linked && objective_ids.get(&o.id) == Some(i as u32) {
            cx.warn(
                at("objectives", i, &[F("id")]),
                ProblemKind::NothingExpected(o.id.clone()),
                Some(
                    "link an expected action to it with `objective: \"...\"`, or remove it".into(),
                ),
            );
        }
    }
    let pattern = raw.pattern.as_ref().map(text);
    Design {
        pattern,
        objectives,
        expectations,
    }
}

struct Refs<'a> {
    w: &'a World,
    p: &'a Play,
    objectives: &'a Ids,
}

/// Expected action `j` under element `i` of `list` (threats or injects).
#[derive(Clone, Copy)]
struct Place {
    list: &'static str,
    i: usize,
    j: usize,
}

impl Place {
    /// `f` given the place of `rest` inside this expected action.
    fn with<R>(self, rest: &[Seg], f: impl FnOnce(At) -> R) -> R {
        let mut path = vec![F("expect"), I(self.j)];
        path.extend_from_slice(rest);
        f(at(self.list, self.i, &path))
    }
}

fn expectation(cx: &mut Ctx, r: &Refs, place: Place, anchor: Anchor, e: &RawExpect) -> Expectation {
    place.with(&[F("what")], |a| check_text(cx, a, &e.what));
    let team = place.with(&[F("team")], |a| {
        TeamId(cx.resolve(&r.w.team_ids, &e.team, a))
    });
    let by = place.with(&[F("by")], |a| cx.duration(a, &e.by, "`by`", false));
    let objective = place.with(&[F("objective")], |a| {
        ObjectiveId(cx.resolve(r.objectives, &e.objective, a))
    });
    let seen = e.seen.as_ref().map(|s| match s {
        RawEvidence::Sends { kind, to } => {
            let to = to.as_ref().map(|t| {
                let path = [F("seen"), F("to")];
                let id = place.with(&path, |a| TeamId(cx.resolve(&r.w.team_ids, t, a)));
                let known = r.w.team_ids.get(t).is_some() && r.w.team_ids.get(&e.team).is_some();
                let linked = r.w.channels.iter().any(|c| c.from == team && c.to == id);
                if known && !linked {
                    let hint = suggest(t, channel_ends(r.w, team))
                        .or(Some("add a channel between the two teams".into()));
                    let kind = ProblemKind::NoChannelFor {
                        from: e.team.clone(),
                        to: t.clone(),
                    };
                    place.with(&path, |a| cx.warn(a, kind, hint));
                }
                id
            });
            Evidence::Sends { kind: *kind, to }
        }
        RawEvidence::Takes { action, on } => Evidence::Takes {
            action: place.with(&[F("seen"), F("action")], |a| {
                ActionId(cx.resolve(&r.p.action_ids, action, a))
            }),
            on: on.as_ref().map(|s| {
                place.with(&[F("seen"), F("on")], |a| {
                    ServiceId(cx.resolve(&r.w.service_ids, s, a))
                })
            }),
        },
    });
    Expectation {
        id: e.id.clone(),
        anchor,
        team,
        what: text(&e.what),
        by,
        objective,
        seen,
    }
}

/// The ids of the teams `team` has a channel to.
fn channel_ends(w: &World, team: TeamId) -> impl Iterator<Item = &str> {
    w.channels
        .iter()
        .filter(move |c| c.from == team)
        .map(|c| w.teams[c.to.idx()].id.as_str())
}
