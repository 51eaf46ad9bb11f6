//! What can go wrong with a session folder or a journal file, each with its place.

use crate::engine::CommandError;
use crate::scenario::Secs;
use crate::scenario::duration::clock;
use crate::words::{Part, Phrase, default_lang};
use std::fmt;
use std::path::{Path, PathBuf};

/// Why a session or a journal could not be created, read, replayed or written (worded from
/// `assets/locales/*/errors.ftl`).
#[derive(Debug)]
pub enum SessionError {
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    NotASession {
        dir: PathBuf,
    },
    Exists {
        dir: PathBuf,
    },
    Header {
        path: PathBuf,
        message: String,
    },
    Format {
        path: PathBuf,
        found: u32,
        known: u32,
    },
    Corrupt {
        path: PathBuf,
        line: usize,
        message: String,
    },
    Scenario {
        problems: String,
    },
    WrongScenario {
        what: &'static str,
        expected: String,
        found: String,
    },
    ScenarioNotFound {
        id: String,
        looked: Vec<PathBuf>,
    },
    Refused {
        path: PathBuf,
        line: usize,
        at: Secs,
        error: CommandError,
    },
    Journal {
        path: PathBuf,
        line: usize,
        message: String,
    },
    TimeWentBack {
        now: Secs,
        at: Secs,
    },
    Finished {
        dir: PathBuf,
    },
    /// A file every session folder holds is not there.
    Missing {
        path: PathBuf,
    },
    /// The session's scenario copy is not the version its header records.
    ScenarioEdited {
        path: PathBuf,
    },
}

impl SessionError {
    pub(crate) fn io(path: impl Into<PathBuf>) -> impl FnOnce(std::io::Error) -> SessionError {
        let path = path.into();
        move |source| SessionError::Io { path, source }
    }
}

fn shown(p: &Path) -> String {
    p.display().to_string()
}

fn session(e: &SessionError) -> Phrase {
    use SessionError as E;
    let p = Phrase::new;
    let at = |id, path: &Path| p(id).with("path", shown(path));
    match e {
        E::Io { path, source } => at("error-io", path).with("error", source.to_string()),
        E::NotASession { dir } => at("error-not-a-session", dir),
        E::Exists { dir } => at("error-session-exists", dir),
        E::Header { path, message } => at("error-header", path).with("message", message.as_str()),
        E::Format { path, found, known } => at("error-format", path)
            .with("found", found.to_string())
            .with("known", known.to_string()),
        E::Corrupt {
            path,
            line,
            message,
        } => at("error-corrupt", path)
            .with("line", line.to_string())
            .with("message", message.as_str()),
        E::Scenario { problems } => p("error-scenario").with("problems", problems.as_str()),
        E::WrongScenario {
            what,
            expected,
            found,
        } => p("error-wrong-scenario")
            .with("found", found.as_str())
            .with("what", *what)
            .with("expected", expected.as_str()),
        E::ScenarioNotFound { id, looked } => {
            p("error-scenario-not-found").with("id", id.as_str()).with(
                "looked",
                Part::list(looked.iter().map(|l| Part::from(shown(l)))),
            )
        }
        E::Refused {
            path,
            line,
            at: t,
            error,
        } => at("error-refused", path)
            .with("line", line.to_string())
            .with("at", clock(*t))
            .with("error", error.phrase()),
        E::Journal {
            path,
            line,
            message,
        } => at("error-journal", path)
            .with("line", line.to_string())
            .with("message", message.as_str()),
        E::TimeWentBack { now, at: t } => p("error-time-went-back")
            .with("now", clock(*now))
            .with("at", clock(*t)),
        E::Finished { dir } => at("error-finished", dir),
        E::Missing { path } => at("error-session-missing", path),
        E::ScenarioEdited { path } => at("error-session-scenario-edited", path),
    }
}

impl fmt::Display for SessionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&session(self).word(default_lang()))
    }
}

impl std::error::Error for SessionError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            SessionError::Io { source, .. } => Some(source),
            SessionError::Refused { error, .. } => Some(error),
            _ => None,
        }
    }
}
