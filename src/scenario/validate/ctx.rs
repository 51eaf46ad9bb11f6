//! The validation context: collects problems and resolves ids with "did you mean" hints.

use super::Mode;
use crate::scenario::duration::{self, DurationError};
use crate::scenario::load::Merged;
use crate::scenario::model::{Secs, Text};
use crate::scenario::problem::{Level, Problem, ProblemKind, suggest};
use crate::scenario::raw::RawText;
use crate::scenario::spans::{Pos, Seg};
use std::collections::HashMap;

/// A place in the merged scenario, where a problem is reported.
#[derive(Clone, Copy)]
pub(super) enum At<'p> {
    /// Element `idx` of list `list`, then `path`.
    Item {
        list: &'static str,
        idx: usize,
        path: &'p [Seg],
    },
    /// The top-level field `section`, then `path`.
    Scalar {
        section: &'static str,
        path: &'p [Seg],
    },
    /// The start of the root file (for what is missing altogether).
    Start,
}

pub(super) fn at<'p>(list: &'static str, idx: usize, path: &'p [Seg]) -> At<'p> {
    At::Item { list, idx, path }
}

pub(super) fn scalar<'p>(section: &'static str, path: &'p [Seg]) -> At<'p> {
    At::Scalar { section, path }
}

pub(super) struct Ctx<'m> {
    pub m: &'m Merged,
    pub mode: Mode,
    problems: Vec<Problem>,
}

/// String ids of one kind, resolved to indices.
pub(super) struct Ids {
    what: &'static str,
    map: HashMap<String, u32>,
}

impl Ids {
    pub fn get(&self, id: &str) -> Option<u32> {
        self.map.get(id).copied()
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }
}

/// Bilingual text with the missing language filled from the other.
pub(super) fn text(t: &RawText) -> Text {
    let en = if t.en.is_empty() { &t.ja } else { &t.en };
    let ja = if t.ja.is_empty() { &t.en } else { &t.ja };
    Text {
        en: en.clone(),
        ja: ja.clone(),
    }
}

impl<'m> Ctx<'m> {
    pub fn new(m: &'m Merged, mode: Mode) -> Self {
        Ctx {
            m,
            mode,
            problems: m.problems.clone(),
        }
    }

    pub fn finish(self) -> Vec<Problem> {
        let mut p = self.problems;
        // Stable order: by file (root first as it was read), then position.
        let order: Vec<String> = self.m.sources.iter().map(|s| s.name.clone()).collect();
        p.sort_by_key(|x| {
            (
                order
                    .iter()
                    .position(|n| *n == x.file)
                    .unwrap_or(usize::MAX),
                x.pos,
            )
        });
        p.dedup();
        p
    }

    /// The one way a problem is recorded: `kind` at the place `at`, with a hint.
    fn report(&mut self, at: At, level: Level, kind: ProblemKind, hint: Option<String>) {
        let (file, pos) = match at {
            At::Item { list, idx, path } => self.m.locate(list, idx, path),
            At::Scalar { section, path } => self.m.locate_scalar(section, path),
            At::Start => (
                self.m
                    .sources
                    .first()
                    .map(|s| s.name.clone())
                    .unwrap_or_default(),
                Pos { line: 1, col: 1 },
            ),
        };
        self.problems.push(Problem {
            file,
            pos,
            level,
            kind,
            hint,
        });
    }

    pub fn error(&mut self, at: At, kind: ProblemKind, hint: Option<String>) {
        self.report(at, Level::Error, kind, hint);
    }

    pub fn warn(&mut self, at: At, kind: ProblemKind, hint: Option<String>) {
        self.report(at, Level::Warning, kind, hint);
    }

    /// `what` is missing from the scenario altogether.
    pub fn missing_root(&mut self, what: &'static str, hint: &str) {
        self.error(At::Start, ProblemKind::Missing(what), Some(hint.into()));
    }

    /// Collect the ids of list `list`, reporting empty and duplicate ones.
    pub fn ids<'a>(
        &mut self,
        what: &'static str,
        list: &'static str,
        ids: impl Iterator<Item = &'a str>,
    ) -> Ids {
        let mut map = HashMap::new();
        for (i, id) in ids.enumerate() {
            if id.is_empty() {
                self.error(
                    at(list, i, &[Seg::Field("id")]),
                    ProblemKind::EmptyId(what),
                    None,
                );
            } else if map.contains_key(id) {
                self.error(
                    at(list, i, &[Seg::Field("id")]),
                    ProblemKind::Duplicate {
                        what,
                        id: id.into(),
                    },
                    Some("ids must be unique; rename one of them".into()),
                );
            } else {
                map.insert(id.to_string(), i as u32);
            }
        }
        Ids { what, map }
    }

    /// Resolve `id` against `ids`, reporting an unknown id with the nearest known one.
    pub fn resolve(&mut self, ids: &Ids, id: &str, at: At) -> u32 {
        if let Some(i) = ids.get(id) {
            return i;
        }
        let hint = suggest(id, ids.map.keys().map(String::as_str));
        self.error(
            at,
            ProblemKind::Unknown {
                what: ids.what,
                id: id.into(),
            },
            hint,
        );
        0
    }

    /// Parse a duration, reporting unparseable, negative and (unless allowed) zero values.
    pub fn duration(&mut self, at: At, text: &str, what: &'static str, allow_zero: bool) -> Secs {
        match duration::parse(text) {
            Ok(0) if !allow_zero => {
                self.error(at, ProblemKind::ZeroDuration(what), None);
                0
            }
            Ok(s) => s,
            Err(e) => {
                self.error(at, duration_problem(text, e), Some(DURATION_HINT.into()));
                0
            }
        }
    }

    /// Check a fraction in 0..1.
    pub fn unit(&mut self, at: At, value: f64, what: &'static str) -> f64 {
        if !(0.0..=1.0).contains(&value) {
            self.error(
                at,
                ProblemKind::OutOfRange {
                    what,
                    value: value.to_string(),
                },
                Some("write a fraction such as 0.5 for half".into()),
            );
            return 0.0;
        }
        value
    }

    /// Check a severity level in 0..4 (`None`, reported, when it is not).
    pub fn severity(&mut self, at: At, value: i64) -> Option<u8> {
        if !(0..=4).contains(&value) {
            self.error(
                at,
                ProblemKind::BadSeverity(value),
                Some("levels go from 0 (no effect) to 4 (critical)".into()),
            );
            return None;
        }
        Some(value as u8)
    }
}

const DURATION_HINT: &str = "write a number and a unit, e.g. \"90s\", \"15m\", \"2h\" or \"1h30m\"";

/// The problem with `text`, a duration that did not parse.
pub(super) fn duration_problem(text: &str, e: DurationError) -> ProblemKind {
    match e {
        DurationError::Negative => ProblemKind::NegativeDuration(text.into()),
        DurationError::Unparseable => ProblemKind::BadDuration(text.into()),
        DurationError::TooLong => ProblemKind::LongDuration(text.into()),
    }
}
