//! Loops of `Fail` dependencies that nothing can break: reported as warnings.
//!
//! When services depend on each other in a loop and every dependency fails its
//! dependent outright, one failure in the loop takes them all down and each keeps the
//! next one down, even after the cause is gone. That is the real "black start" problem
//! of a power grid and may be intended, but unless one of the services has a manual
//! fallback or a team can switch one to backup or manual operation, only a facilitator
//! override ends it, which a scenario author will want to know.

use super::ctx::{Ctx, at};
use super::world::World;
use crate::scenario::model::{Action, ActionEffect, Effect, Target};
use crate::scenario::problem::ProblemKind;

pub(super) fn check(cx: &mut Ctx, w: &World, actions: &[Action]) {
    let n = w.services.len();
    // Edges that certainly take the dependent down: (dependent, dependency index).
    let mut adj: Vec<Vec<(usize, usize)>> = vec![Vec::new(); n];
    for (i, d) in w.dependencies.iter().enumerate() {
        let (a, b) = (d.from.idx(), d.to.idx());
        if d.effect == Effect::Fail && d.probability >= 1.0 && a < n && b < n && a != b {
            adj[a].push((b, i));
        }
    }
    for comp in components(&adj) {
        if comp.len() < 2 || comp.iter().any(|&s| rescuable(w, actions, s)) {
            continue;
        }
        let Some((path, first_dep)) = cycle_through(&adj, &comp) else {
            continue;
        };
        let names: Vec<&str> = path.iter().map(|&s| w.services[s].id.as_str()).collect();
        cx.warn(
            at("dependencies", first_dep, &[]),
            ProblemKind::FailLoop(names.join(" -> ")),
            Some(
                "once one of them fails they keep each other down; give one a `manual` \
                 fallback in its `buffers`, or give its team an action with `Backup` or \
                 `Manual`; otherwise only a facilitator override brings them back"
                    .into(),
            ),
        );
    }
}

/// Whether service `s` can run without its providers: a manual fallback of its own, or
/// an action that switches it to backup or manual operation, open to a team playing it.
fn rescuable(w: &World, actions: &[Action], s: usize) -> bool {
    let svc = &w.services[s];
    if svc.buffers.manual > 0.0 {
        return true;
    }
    let lifts = |a: &Action| {
        a.target == Target::OwnService
            && a.effects
                .iter()
                .any(|e| matches!(e, ActionEffect::Backup(x) | ActionEffect::Manual(x) if *x > 0.0))
    };
    w.teams.iter().any(|t| {
        t.controls.contains(&svc.owner)
            && actions
                .iter()
                .any(|a| lifts(a) && a.roles.contains(&t.role))
    })
}

/// The strongly connected components of the graph (iterative Tarjan), each as a
/// sorted list of nodes.
fn components(adj: &[Vec<(usize, usize)>]) -> Vec<Vec<usize>> {
    const UNSEEN: usize = usize::MAX;
    let n = adj.len();
    let (mut index, mut low) = (vec![UNSEEN; n], vec![0; n]);
    let mut on_stack = vec![false; n];
    let (mut stack, mut out, mut next) = (Vec::new(), Vec::new(), 0);
    for root in 0..n {
        if index[root] != UNSEEN {
            continue;
        }
        let mut calls: Vec<(usize, usize)> = vec![(root, 0)];
        index[root] = next;
        low[root] = next;
        next += 1;
        stack.push(root);
        on_stack[root] = true;
        while let Some(&mut (v, ref mut i)) = calls.last_mut() {
            if let Some(&(to, _)) = adj[v].get(*i) {
                *i += 1;
                if index[to] == UNSEEN {
                    index[to] = next;
                    low[to] = next;
                    next += 1;
                    stack.push(to);
                    on_stack[to] = true;
                    calls.push((to, 0));
                } else if on_stack[to] {
                    low[v] = low[v].min(index[to]);
                }
                continue;
            }
            calls.pop();
            if let Some(&(parent, _)) = calls.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] == index[v] {
                let mut comp = Vec::new();
                while let Some(x) = stack.pop() {
                    on_stack[x] = false;
                    comp.push(x);
                    if x == v {
                        break;
                    }
                }
                comp.sort_unstable();
                out.push(comp);
            }
        }
    }
    out.sort();
    out
}

/// A shortest loop from the component's first service back to it, as the services in
/// order (first and last the same), with the dependency that leaves the first.
fn cycle_through(adj: &[Vec<(usize, usize)>], comp: &[usize]) -> Option<(Vec<usize>, usize)> {
    let start = *comp.first()?;
    let inside = |s: usize| comp.binary_search(&s).is_ok();
    // Breadth-first from `start`; `came[s]` is (previous service, dependency).
    let mut came: std::collections::HashMap<usize, (usize, usize)> = Default::default();
    let mut queue = std::collections::VecDeque::from([start]);
    while let Some(v) = queue.pop_front() {
        for &(to, dep) in &adj[v] {
            if !inside(to) {
                continue;
            }
            if to == start {
                // Walk back from `v` to `start`; the last step taken leaves `start`.
                let (mut path, mut first, mut at) = (vec![v], dep, v);
                while at != start {
                    let &(prev, d) = came.get(&at)?;
                    first = d;
                    path.push(prev);
                    at = prev;
                }
                path.reverse();
                path.push(start);
                return Some((path, first));
            }
            if let std::collections::hash_map::Entry::Vacant(e) = came.entry(to) {
                e.insert((v, dep));
                queue.push_back(to);
            }
        }
    }
    None
}
