//! Reading an inject's condition as a tree: its nodes in order, for the engine's
//! record of which held and the lint that reads it.

use super::model::Condition;

impl Condition {
    /// Whether it combines others (`All`, `Any`, `Not`).
    pub fn is_composite(&self) -> bool {
        matches!(
            self,
            Condition::All(_) | Condition::Any(_) | Condition::Not(_)
        )
    }

    /// Every node of the condition, itself first, then each part's nodes in order
    /// (preorder), with the path of positions leading to it.
    pub fn nodes(&self) -> Vec<(Vec<usize>, &Condition)> {
        fn walk<'a>(
            c: &'a Condition,
            path: &mut Vec<usize>,
            out: &mut Vec<(Vec<usize>, &'a Condition)>,
        ) {
            out.push((path.clone(), c));
            let parts: &[Condition] = match c {
                Condition::All(v) | Condition::Any(v) => v,
                Condition::Not(inner) => std::slice::from_ref(inner.as_ref()),
                _ => &[],
            };
            for (i, p) in parts.iter().enumerate() {
                path.push(i);
                walk(p, path, out);
                path.pop();
            }
        }
        let mut out = Vec::new();
        walk(self, &mut Vec::new(), &mut out);
        out
    }
}
