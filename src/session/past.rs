//! A past run to replay or fork: a session folder, or a journal file written by
//! `crossdrill run --journal` together with its scenario.

use super::bounds::check_bounds;
use super::error::SessionError;
use super::header::snapshot;
use super::stored::Stored;
use super::trust::{Untrusted, other_version};
use super::verify::ron_line;
use crate::engine::{JOURNAL_FORMAT, Journal, JournalError};
use crate::scenario::{Design, Scenario, shipped_with_id};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The journal of a past run (a session folder, replayed; or a journal file) and its
/// scenario, as `fork` and `replay` find them.
pub fn past_journal(
    path: &Path,
    scenario: Option<&Path>,
) -> Result<(Arc<Scenario>, Journal), SessionError> {
    Ok(match open_past(path, scenario)? {
        Past::Session(s) => (s.scenario.clone(), s.replay()?.journal().clone()),
        Past::Journal(j) => {
            // Scored by whoever asked for it: believed only once checked.
            super::check_journal(&j.scenario, &j.journal).map_err(|e| j.refused(&e))?;
            (j.scenario, j.journal)
        }
    })
}

/// A journal file and the scenario it was run on.
#[derive(Debug, Clone)]
pub(crate) struct JournalFile {
    pub path: PathBuf,
    pub text: String,
    pub journal: Journal,
    /// Written as RON (otherwise JSON Lines).
    pub ron: bool,
    pub scenario: Arc<Scenario>,
    /// The scenario's design (objectives, expected actions), for the app's debrief.
    #[cfg_attr(not(feature = "gui"), allow(dead_code))]
    pub design: Arc<Design>,
    pub scenario_file: String,
    /// The scenario as a session would keep it.
    pub scenario_text: String,
}

#[derive(Debug, Clone)]
pub(crate) enum Past {
    Session(Box<Stored>),
    Journal(Box<JournalFile>),
}

/// Open a session folder, or a journal file with its scenario (`scenario`, else
/// `ID.scenario.ron` beside the journal or under `scenarios/`, else the built-in one).
pub(crate) fn open_past(path: &Path, scenario: Option<&Path>) -> Result<Past, SessionError> {
    if path.is_dir() {
        return Ok(Past::Session(Box::new(Stored::read(path)?)));
    }
    let bytes = crate::files::read(path).map_err(SessionError::io(path))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..at].iter().filter(|b| **b == b'\n').count() + 1;
        SessionError::Journal {
            path: path.to_path_buf(),
            line,
            message: "not UTF-8 text".into(),
        }
    })?;
    let ron = path.extension().is_some_and(|e| e == "ron") || text.trim_start().starts_with('(');
    let journal = if ron {
        read_ron(path, &text)?
    } else {
        read_jsonl(path, &text)?
    };
    if journal.header.format > JOURNAL_FORMAT {
        let message = format!(
            "journal format {} is newer than this crossdrill reads ({JOURNAL_FORMAT})",
            journal.header.format
        );
        return Err(SessionError::Journal {
            path: path.to_path_buf(),
            line: 1,
            message,
        });
    }
    let (scenario_file, source) = find_scenario(path, &journal.header.scenario, scenario)?;
    let (scenario_text, sc, design) = snapshot(&scenario_file, &source)?;
    if sc.id != journal.header.scenario {
        let (expected, found) = (journal.header.scenario.clone(), sc.id);
        return Err(SessionError::WrongScenario {
            what: "journal",
            expected,
            found,
        });
    }
    Ok(Past::Journal(Box::new(JournalFile {
        path: path.to_path_buf(),
        text,
        journal,
        ron,
        scenario: Arc::new(sc),
        design: Arc::new(design),
        scenario_file,
        scenario_text,
    })))
}

impl JournalFile {
    /// Whether every number of the journal is in range of its scenario: what must hold
    /// before anything but a replay reads it. Where the scenario is another version,
    /// that is said, as the likelier reason.
    pub(crate) fn in_range(&self) -> Result<(), SessionError> {
        check_bounds(&self.scenario, &self.journal).map_err(|o| {
            let e = other_version(&self.scenario, &self.journal);
            self.refused(&e.unwrap_or(Untrusted::OutOfRange(o)))
        })
    }

    /// Why the journal is not believed, at its line of the file.
    pub(crate) fn refused(&self, e: &Untrusted) -> SessionError {
        let line = match e.entry() {
            Some(k) if self.ron => ron_line(&self.text, k),
            _ => e.line(self.ron),
        };
        SessionError::Journal {
            path: self.path.clone(),
            line,
            message: e.to_string(),
        }
    }
}

fn read_jsonl(path: &Path, text: &str) -> Result<Journal, SessionError> {
    Journal::from_jsonl(text).map_err(|e| {
        let (line, message) = match e {
            JournalError::Json { line, message } => (line, message),
            other => (1, other.to_string()),
        };
        SessionError::Journal {
            path: path.to_path_buf(),
            line,
            message,
        }
    })
}

fn read_ron(path: &Path, text: &str) -> Result<Journal, SessionError> {
    ron::from_str::<Journal>(text).map_err(|e| SessionError::Journal {
        path: path.to_path_buf(),
        line: e.span.start.line,
        message: format!("column {}: {}", e.span.start.col, e.code),
    })
}

/// The scenario file of a journal: its name and text.
fn find_scenario(
    journal: &Path,
    id: &str,
    given: Option<&Path>,
) -> Result<(String, String), SessionError> {
    if let Some(p) = given {
        let text = crate::files::read_to_string(p).map_err(SessionError::io(p))?;
        return Ok((p.display().to_string(), text));
    }
    let file = format!("{id}.scenario.ron");
    let beside = journal.parent().unwrap_or(Path::new(".")).join(&file);
    let looked = vec![beside, Path::new("scenarios").join(&file)];
    for p in &looked {
        if let Ok(text) = crate::files::read_to_string(p) {
            return Ok((p.display().to_string(), text));
        }
    }
    if let Some((name, text)) = shipped_with_id(id) {
        return Ok((name.to_string(), text.to_string()));
    }
    Err(SessionError::ScenarioNotFound {
        id: id.to_string(),
        looked,
    })
}
