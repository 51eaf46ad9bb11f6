//! What can go wrong with a session folder or a journal file, each with its place.

use crate::engine::CommandError;
use crate::scenario::Secs;
use std::path::PathBuf;

/// Why a session or a journal could not be created, read, replayed or written.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: not a session folder (it has no session.json)", dir.display())]
    NotASession { dir: PathBuf },
    #[error("{}: already holds a session; resume it or choose another folder", dir.display())]
    Exists { dir: PathBuf },
    #[error("{}: cannot read the session header: {message}", path.display())]
    Header { path: PathBuf, message: String },
    #[error("{}: written by a newer crossdrill (format {found}; this one reads up to {known})", path.display())]
    Format {
        path: PathBuf,
        found: u32,
        known: u32,
    },
    #[error("{}:{line}: damaged record in the middle of the file: {message}", path.display())]
    Corrupt {
        path: PathBuf,
        line: usize,
        message: String,
    },
    #[error("the scenario does not load:\n{problems}")]
    Scenario { problems: String },
    #[error("the scenario is `{found}`, but the {what} is of `{expected}`")]
    WrongScenario {
        what: &'static str,
        expected: String,
        found: String,
    },
    #[error(
        "no scenario file found for `{id}` (looked at {}); give it with --scenario",
        looked.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
    )]
    ScenarioNotFound { id: String, looked: Vec<PathBuf> },
    #[error("{}:{line}: the command at {} was refused on replay: {error}", path.display(), crate::scenario::duration::clock(*at))]
    Refused {
        path: PathBuf,
        line: usize,
        at: Secs,
        error: CommandError,
    },
    #[error("{}:{line}: cannot read the journal: {message}", path.display())]
    Journal {
        path: PathBuf,
        line: usize,
        message: String,
    },
    #[error("time cannot go back: the session stands at {}, the record is at {}", crate::scenario::duration::clock(*now), crate::scenario::duration::clock(*at))]
    TimeWentBack { now: Secs, at: Secs },
    #[error("{}: the session has ended; fork it to play on", dir.display())]
    Finished { dir: PathBuf },
}

impl SessionError {
    pub(crate) fn io(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> SessionError {
        let path = path.into();
        move |source| SessionError::Io { path, source }
    }
}
