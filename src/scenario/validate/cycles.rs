//! Zero-delay dependency cycles: reported as warnings, because the engine settles them.
//!
//! A loop of dependencies with no delay (A powers B, B controls A) is legal: the engine
//! settles it within a bounded number of steps at one instant. It is still worth a
//! warning, since in reality every hop takes some time and a delay makes the cascade
//! visible to players.

use super::ctx::{Ctx, at};
use crate::scenario::model::Dependency;
use crate::scenario::problem::ProblemKind;

pub(super) fn check(cx: &mut Ctx, deps: &[Dependency]) {
    let n = cx.m.raw.services.len();
    // Adjacency over zero-delay edges, remembering the dependency index.
    let mut adj: Vec<Vec<(usize, usize)>> = vec![Vec::new(); n];
    for (i, d) in deps.iter().enumerate() {
        let (a, b) = (d.from.idx(), d.to.idx());
        if d.delay == 0 && a < n && b < n && a != b {
            adj[a].push((b, i));
        }
    }
    // Iterative DFS with colours; report each cycle once, by its first back edge.
    let mut colour = vec![0u8; n];
    let mut reported = vec![false; n];
    for start in 0..n {
        if colour[start] != 0 {
            continue;
        }
        let mut stack: Vec<(usize, usize)> = vec![(start, 0)];
        let mut path: Vec<(usize, usize)> = Vec::new(); // (node, dep used to reach it)
        colour[start] = 1;
        path.push((start, usize::MAX));
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            if let Some(&(to, dep)) = adj[node].get(*next) {
                *next += 1;
                match colour[to] {
                    0 => {
                        colour[to] = 1;
                        stack.push((to, 0));
                        path.push((to, dep));
                    }
                    1 if !reported[to] => {
                        reported[to] = true;
                        let from = path.iter().position(|(p, _)| *p == to).unwrap_or(0);
                        let mut names: Vec<&str> = path[from..]
                            .iter()
                            .map(|(p, _)| cx.m.raw.services[*p].id.as_str())
                            .collect();
                        names.push(cx.m.raw.services[to].id.as_str());
                        let text = names.join(" -> ");
                        cx.warn(
                            at("dependencies", dep, &[]),
                            ProblemKind::ZeroDelayCycle(text),
                            Some("the engine settles it at one instant; give one of these dependencies a `delay` if the loop should take time".into()),
                        );
                    }
                    _ => {}
                }
            } else {
                colour[node] = 2;
                stack.pop();
                path.pop();
            }
        }
    }
}
