//! Injects that can never fire: a time at or after the end, or a condition that can
//! never hold before the end, worked out over the condition tree. Only what is certain
//! is flagged; a condition that might hold is left alone.

use super::Finding;
use super::reach::Reach;
use crate::scenario::Seg::{Field as F, Index as I};
use crate::scenario::{Condition, MessageKind, Never, ProblemKind, Seg, Trigger};

/// A part of a condition that can never hold: where it is, and why.
type Cause = (Vec<Seg>, Never);

pub(super) fn findings(r: &Reach, out: &mut Vec<Finding>) {
    let end = r.sc.duration;
    for inject in &r.sc.injects {
        let cause = match &inject.trigger {
            // Validation already warns about a time after the end.
            Trigger::At(t) if *t == end => Some((vec![F("at")], Never::AtEnd { at: *t, end })),
            Trigger::At(_) => None,
            Trigger::When(c) => never(r, c, vec![F("when")]),
        };
        if let Some((path, why)) = cause {
            let hint = hint(&why);
            let kind = ProblemKind::NeverFires {
                inject: inject.id.clone(),
                why,
            };
            out.push(Finding::new("injects", &inject.id, path, kind, hint));
        }
    }
}

fn hint(why: &Never) -> &'static str {
    match why {
        Never::AtEnd { .. } => "move it earlier, or lengthen `duration`",
        Never::ServiceUnaffected(_) => {
            "have a threat step, an inject or a provider affect the service, or wait for another"
        }
        Never::NoMessage { kind: None, .. } => {
            "add a channel to the team, or address an inject message to it"
        }
        Never::NoMessage { kind: Some(_), .. } => "add a channel to the team",
        Never::NoAction { .. } => {
            "let a role that has something to act on take the action, or wait for another one"
        }
        Never::NoBranch => "make at least one of the conditions in `Any` possible",
        Never::NotAlways => "remove the `Not`, or negate a condition that can change",
    }
}

/// Why `c` (at `path` under the inject) can never hold before the exercise ends, if
/// it cannot.
fn never(r: &Reach, c: &Condition, path: Vec<Seg>) -> Option<Cause> {
    let sc = r.sc;
    let end = sc.duration;
    let at_path = |field: &'static str| {
        let mut p = path.clone();
        p.push(F(field));
        p
    };
    let past_end = |t| Never::AtEnd { at: t, end };
    match c {
        Condition::ServiceDown {
            service,
            for_at_least,
        } => {
            let s = sc.services.get(service.idx())?;
            if !r.downable.get(service.idx()).copied().unwrap_or(true) {
                Some((at_path("service"), Never::ServiceUnaffected(s.id.clone())))
            } else if *for_at_least >= end {
                Some((at_path("for_at_least"), past_end(*for_at_least)))
            } else {
                None
            }
        }
        Condition::NotReported { by, .. } => {
            // A threat that never starts is never reported, so the condition then holds
            // at `by`: only a `by` at or after the end makes it impossible.
            (*by >= end).then(|| (at_path("by"), past_end(*by)))
        }
        Condition::MessageReceived { team, kind } => {
            let t = team.idx();
            let by_inject = r.by_inject.get(t).copied().unwrap_or(true)
                && kind.is_none_or(|k| k == MessageKind::Information);
            let reached = r.by_channel.get(t).copied().unwrap_or(true) || by_inject;
            let id = sc.teams.get(t)?.id.clone();
            (!reached).then(|| {
                (
                    at_path("team"),
                    Never::NoMessage {
                        team: id,
                        kind: *kind,
                    },
                )
            })
        }
        Condition::ActionTaken { action, team } => {
            let a = sc.actions.get(action.idx())?;
            match team {
                Some(t) if !r.may_take(*t, a) => Some((
                    at_path("team"),
                    Never::NoAction {
                        action: a.id.clone(),
                        team: Some(sc.teams.get(t.idx())?.id.clone()),
                    },
                )),
                Some(_) => None,
                None => (!r.teams().any(|t| r.may_take(t, a))).then(|| {
                    let why = Never::NoAction {
                        action: a.id.clone(),
                        team: None,
                    };
                    (at_path("action"), why)
                }),
            }
        }
        Condition::After(t) => (*t >= end).then(|| {
            let mut p = path.clone();
            p.push(I(0));
            (p, past_end(*t))
        }),
        Condition::All(v) => v.iter().enumerate().find_map(|(k, c)| {
            let mut p = path.clone();
            p.extend([I(0), I(k)]);
            never(r, c, p)
        }),
        Condition::Any(v) => v
            .iter()
            .enumerate()
            .all(|(k, c)| never(r, c, vec![I(k)]).is_some())
            .then_some((path, Never::NoBranch)),
        Condition::Not(inner) => always(r, inner).then_some((path, Never::NotAlways)),
    }
}

/// Whether `c` surely holds at every moment of the exercise.
fn always(r: &Reach, c: &Condition) -> bool {
    match c {
        Condition::After(t) => *t == 0,
        Condition::All(v) => v.iter().all(|c| always(r, c)),
        Condition::Any(v) => v.iter().any(|c| always(r, c)),
        Condition::Not(inner) => never(r, inner, Vec::new()).is_some(),
        Condition::ServiceDown { .. }
        | Condition::NotReported { .. }
        | Condition::MessageReceived { .. }
        | Condition::ActionTaken { .. } => false,
    }
}
