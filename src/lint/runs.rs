//! The run-based half of the lint: a batch of textbook bot teams and one of absent
//! ones over the same seeds, and what they show: injects that never fired, parts of
//! an `Any` condition that never held, logical links that never took hold, and
//! scoring that does not tell the two apart.

use super::Finding;
use crate::batch::{self, Spec, Summary};
use crate::bots::{Cast, Profile};
use crate::scenario::{Condition, Loaded, Locator, Problem, ProblemKind, Scenario, Seg, Trigger};
use std::sync::Arc;
use std::sync::atomic::AtomicU64;

/// Least mean score between textbook and absent bot teams for scoring to discriminate.
pub const DISCRIMINATES: f64 = 15.0;

fn batch_of(s: &Arc<Scenario>, profile: Profile, runs: u64, jobs: usize) -> Summary {
    let spec = Spec::new(s.clone(), Cast::all(s, profile), Vec::new(), None);
    batch::run(&spec, 1..runs + 1, jobs, &AtomicU64::new(0))
}

/// The run-based findings of `runs` seeds each for textbook and absent bot teams.
pub fn lint_runs(loaded: &Loaded, at: &Locator, runs: u64, jobs: usize) -> Vec<Problem> {
    let shared = Arc::new(loaded.scenario.clone());
    let good = batch_of(&shared, Profile::Textbook, runs, jobs);
    let none = batch_of(&shared, Profile::Absent, runs, jobs);
    let s = &loaded.scenario;
    let total = good.runs + none.runs;
    let mut found = Vec::new();
    for (i, inject) in s.injects.iter().enumerate() {
        if good.fired[i] + none.fired[i] == 0 {
            let kind = ProblemKind::NeverFired {
                inject: inject.id.clone(),
                runs: total,
            };
            let hint = "check what its trigger waits for against the calibration report's timelines, or fire it by hand";
            found.push(Finding::new("injects", &inject.id, vec![], kind, hint));
            continue;
        }
        let Trigger::When(cond) = &inject.trigger else {
            continue;
        };
        for (k, (path, node)) in cond.nodes().into_iter().enumerate().take(64) {
            let parent_any = parent(cond, &path).is_some_and(|p| matches!(p, Condition::Any(_)));
            let held = good.nodes[i].get(k).copied().unwrap_or(1)
                + none.nodes[i].get(k).copied().unwrap_or(1);
            if parent_any && held == 0 && !node.is_composite() {
                let kind = ProblemKind::BranchNeverHeld {
                    inject: inject.id.clone(),
                    runs: total,
                };
                let hint =
                    "this branch never decides the inject: remove it, or change what it waits for";
                found.push(Finding::new(
                    "injects",
                    &inject.id,
                    seg_path(&path),
                    kind,
                    hint,
                ));
            }
        }
    }
    for (d, dep) in s.dependencies.iter().enumerate() {
        if dep.probability < 1.0 && good.links[d] + none.links[d] == 0 {
            let (from, to) = (&s.services[dep.from.idx()].id, &s.services[dep.to.idx()].id);
            let kind = ProblemKind::LinkNeverHeld {
                from: from.clone(),
                to: to.clone(),
                runs: total,
            };
            let hint =
                "raise its probability, or make sure its provider is affected in the scenario";
            found.push(Finding::new(
                "dependencies",
                &format!("{from}>{to}"),
                vec![Seg::Field("probability")],
                kind,
                hint,
            ));
        }
    }
    let (g, n) = (good.overall.mean(), none.overall.mean());
    if let (Some(g), Some(n)) = (g, n)
        && g - n < DISCRIMINATES
    {
        let kind = ProblemKind::NoDiscrimination {
            textbook: format!("{g:.1}"),
            absent: format!("{n:.1}"),
        };
        let hint = "give the teams' phases more weight, tighten the deadlines, or let the threats do more harm when nobody responds";
        found.push(Finding::new("", "", vec![], kind, hint));
    }
    found.into_iter().map(|f| f.locate(at)).collect()
}

/// The node holding the one at `path` (none for the root).
fn parent<'a>(root: &'a Condition, path: &[usize]) -> Option<&'a Condition> {
    let (_, up) = path.split_last()?;
    let mut c = root;
    for &i in up {
        c = match c {
            Condition::All(v) | Condition::Any(v) => v.get(i)?,
            Condition::Not(inner) => inner,
            _ => return None,
        };
    }
    Some(c)
}

/// Where a node sits in the file under the inject's `when`: each step into `All` or
/// `Any` is their list (`0`) then the part; into `Not`, its one field.
fn seg_path(path: &[usize]) -> Vec<Seg> {
    let mut p = vec![Seg::Field("when")];
    for &i in path {
        p.extend([Seg::Index(0), Seg::Index(i)]);
    }
    p
}
