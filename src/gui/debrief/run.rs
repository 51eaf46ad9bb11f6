//! The run a debrief shows: its scenario, seed, journal, end and scorecard, taken from the
//! exercise just played, a session folder or a journal file.

use super::compare::Comparison;
use crate::engine::{Engine, EntryKind, Journal};
use crate::gui::catalog::Origin;
use crate::scenario::{Design, Scenario, Secs};
use crate::scoring::{self, Scorecard};
use crate::session::{ForkedFrom, Past, SessionError, Verdict, open_past, verify};
use bevy::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Where the run came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Source {
    /// The exercise just played in the app.
    Exercise,
    /// A session folder.
    Session(PathBuf),
    /// A journal file (`crossdrill run --journal`, or exported from the app), and the
    /// scenario file named for it.
    Journal {
        path: PathBuf,
        scenario: Option<PathBuf>,
    },
}

/// What re-simulating the file said.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Check {
    /// Not a file (the exercise just played).
    None,
    Same,
    /// The first difference, in words.
    Differs(String),
}

/// The run shown in the debrief. Read-only once made; the scrubber replays it.
#[derive(Resource, Debug, Clone)]
pub(crate) struct Debrief {
    pub scenario: Arc<Scenario>,
    /// Its design (objectives, expected actions): the report's objectives section.
    pub design: Arc<Design>,
    /// Where the scenario came from (for the exercise screen's hot reload).
    pub origin: Origin,
    pub seed: u64,
    pub journal: Arc<Journal>,
    /// The moment the run reached (and is scored up to).
    pub end: Secs,
    pub source: Source,
    pub card: Result<Scorecard, String>,
    /// Observer and facilitator notes: (time, text).
    pub notes: Vec<(Secs, String)>,
    pub check: Check,
    /// A damaged last record of a session, left out.
    pub dropped: Option<String>,
    /// The session this one was forked from, when it says so.
    pub forked_from: Option<ForkedFrom>,
    /// The session folder the exercise just played was written to (for "play from here").
    pub recorded: Option<PathBuf>,
    /// This run against the one it was forked from in the app.
    pub compare: Option<Comparison>,
}

impl Debrief {
    /// The debrief of a run in memory that stands at `engine.now()`.
    pub(crate) fn from_engine(engine: &Engine, origin: Origin, source: Source) -> Self {
        Self::new(
            engine.scenario().clone(),
            origin,
            Arc::new(engine.journal().clone()),
            engine.now(),
            source,
        )
    }

    fn new(
        scenario: Arc<Scenario>,
        origin: Origin,
        journal: Arc<Journal>,
        end: Secs,
        source: Source,
    ) -> Self {
        let card = scoring::score_until(&scenario, &journal, end).map_err(|e| e.to_string());
        let notes = notes(&journal);
        Self {
            seed: journal.header.seed,
            scenario,
            design: Arc::default(),
            origin,
            journal,
            end,
            source,
            card,
            notes,
            check: Check::None,
            dropped: None,
            forked_from: None,
            recorded: None,
            compare: None,
        }
    }

    /// Open a session folder or a journal file (`scenario`: the journal's scenario file, else
    /// it is looked for beside the journal, under `scenarios/`, or built in). The file is
    /// only read; a journal is re-simulated to check it.
    pub(crate) fn open(path: &Path, scenario: Option<&Path>) -> Result<Self, SessionError> {
        let past = open_past(path, scenario)?;
        // Shown as recorded only once every number in it is in range.
        if let Past::Journal(j) = &past {
            j.in_range()?;
        }
        // Recorded under this version's rules: its replay must match (an earlier
        // format's journal differs by design and is shown as recorded).
        let current = match &past {
            Past::Journal(j) => j.journal.header.format >= crate::engine::JOURNAL_FORMAT,
            Past::Session(_) => false,
        };
        let check = match verify(path, scenario)? {
            Verdict::Same(_) => Check::Same,
            // A journal from outside is believed only once it replays: one that does
            // not (edited, damaged, or of another version of its scenario) is refused
            // with the first difference, never scored.
            Verdict::Differs(d) if current => {
                let mut message = d.what.clone();
                for (label, text) in [("expected", &d.expected), ("found", &d.found)] {
                    if let Some(t) = text {
                        message.push_str(&format!("\n  {label}: {t}"));
                    }
                }
                return Err(SessionError::Journal {
                    path: d.path.clone(),
                    line: d.line,
                    message,
                });
            }
            Verdict::Differs(d) => Check::Differs(d.to_string()),
        };
        let mut d = match past {
            Past::Session(s) => {
                let engine = s.replay()?;
                let mut d = Self::from_engine(
                    &engine,
                    origin(&s.header.scenario_file),
                    Source::Session(path.to_path_buf()),
                );
                d.dropped = s.parsed.dropped.as_ref().map(|x| x.to_string());
                d.design = s.design.clone();
                d.forked_from = s.header.forked_from.clone();
                d
            }
            Past::Journal(j) => {
                // As `crossdrill report` scores it: to where the run stood.
                let end = j.journal.end(j.scenario.duration);
                let mut d = Self::new(
                    j.scenario.clone(),
                    origin(&j.scenario_file),
                    Arc::new(j.journal.clone()),
                    end,
                    Source::Journal {
                        path: path.to_path_buf(),
                        scenario: scenario.map(Path::to_path_buf),
                    },
                );
                d.design = j.design.clone();
                d
            }
        };
        d.check = check;
        Ok(d)
    }

    /// A past run on disk to start a session from (see [`crate::session::fork`]): the
    /// file or folder, and the scenario file of a journal.
    pub(crate) fn fork_source(&self) -> Option<(&Path, Option<&Path>)> {
        match &self.source {
            Source::Exercise => self.recorded.as_deref().map(|d| (d, None)),
            Source::Session(dir) => Some((dir.as_path(), None)),
            Source::Journal { path, scenario } => Some((path.as_path(), scenario.as_deref())),
        }
    }

    /// The accepted commands with their times, for the scrubber.
    pub(crate) fn commands(&self) -> Vec<(Secs, crate::engine::Command)> {
        self.journal.commands()
    }
}

/// The facilitator's and observers' notes of a journal.
pub(crate) fn notes(journal: &Journal) -> Vec<(Secs, String)> {
    journal
        .entries
        .iter()
        .filter_map(|e| match &e.kind {
            EntryKind::Note { text } => Some((e.at, text.clone())),
            _ => None,
        })
        .collect()
}

/// The catalog origin of a scenario file name as sessions and journals record it.
fn origin(file: &str) -> Origin {
    Origin::of_name(file)
}
