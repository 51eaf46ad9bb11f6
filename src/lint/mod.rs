//! The scenario lint: design problems in a scenario that loads, which validation does
//! not catch. Its static half reads the scenario alone: injects that can never fire,
//! services nothing can affect, teams nothing reaches, actions no team may take, and
//! deadlines the reporting chain cannot meet. Each finding is a warning located in the
//! file; a pure function of the scenario and its text (no engine run, no I/O beyond
//! the [`Locator`] the caller built).

mod deadlines;
mod never;
mod reach;
mod runs;
mod unused;

use crate::scenario::{Level, Loaded, Locator, Problem, ProblemKind, Seg};
use reach::Reach;
pub use runs::{DISCRIMINATES, lint_runs};

/// One finding, placed by the element it is about (a list and an id) and a field path
/// inside it.
struct Finding {
    list: &'static str,
    id: String,
    path: Vec<Seg>,
    kind: ProblemKind,
    hint: String,
}

impl Finding {
    fn new(list: &'static str, id: &str, path: Vec<Seg>, kind: ProblemKind, hint: &str) -> Self {
        Finding {
            list,
            id: id.to_string(),
            path,
            kind,
            hint: hint.to_string(),
        }
    }

    fn locate(self, at: &Locator) -> Problem {
        let (file, pos) = at.locate(self.list, &self.id, &self.path);
        Problem {
            file,
            pos,
            level: Level::Warning,
            kind: self.kind,
            hint: Some(self.hint),
        }
    }
}

/// Every static finding of `loaded` (whose text `at` read), as warnings sorted by file
/// (the root first, then the files it includes, in the order they were read) and
/// position.
pub fn lint_static(loaded: &Loaded, at: &Locator) -> Vec<Problem> {
    let r = Reach::new(&loaded.scenario);
    let mut found = Vec::new();
    never::findings(&r, &mut found);
    unused::findings(&r, &mut found);
    deadlines::findings(&r, &mut found);
    let mut out: Vec<Problem> = found.into_iter().map(|f| f.locate(at)).collect();
    out.sort_by_cached_key(|p| (at.file_rank(&p.file), p.file.clone(), p.pos));
    out
}

#[cfg(test)]
mod tests;
