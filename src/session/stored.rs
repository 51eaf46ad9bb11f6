//! Reading a session folder without changing it, replaying its records, and
//! repairing a damaged end before a resumed session appends to it.

use super::error::SessionError;
use super::header::{
    COMMANDS_FILE, DROPPED_FILE, Header, SCENARIO_FILE, load_copy, read_header, sync_dir,
};
use super::record::{Parsed, Record, RecordKind, parse};
use crate::engine::Engine;
use crate::scenario::{Design, Scenario, Secs};
use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A session folder read without changing it.
#[derive(Debug, Clone)]
pub(crate) struct Stored {
    pub dir: PathBuf,
    pub header: Header,
    pub scenario_text: String,
    pub scenario: Arc<Scenario>,
    /// The scenario's design (objectives, expected actions).
    pub design: Arc<Design>,
    pub parsed: Parsed,
}

impl Stored {
    pub(crate) fn read(dir: &Path) -> Result<Stored, SessionError> {
        let header = read_header(dir)?;
        let (scenario_text, scenario, design) = scenario_copy(dir, &header)?;
        let cpath = dir.join(COMMANDS_FILE);
        let parsed = parse(&cpath, &read_part(&cpath)?)?;
        Ok(Stored {
            dir: dir.to_path_buf(),
            header,
            scenario_text,
            scenario: Arc::new(scenario),
            design: Arc::new(design),
            parsed,
        })
    }

    pub(crate) fn records(&self) -> impl Iterator<Item = &Record> {
        self.parsed.records()
    }

    pub(crate) fn ended(&self) -> bool {
        self.parsed.ended()
    }

    /// Time of the last record (0 with none).
    pub(crate) fn until(&self) -> Secs {
        self.parsed.until()
    }

    /// Replay the records: apply the accepted commands and follow the clock.
    pub(crate) fn replay(&self) -> Result<Engine, SessionError> {
        let mut engine = Engine::new(self.scenario.clone(), self.header.seed);
        for (line, r) in &self.parsed.records {
            engine.advance_to(r.at);
            if let RecordKind::Command(c) = &r.kind {
                engine
                    .apply(c.clone())
                    .map_err(|error| SessionError::Refused {
                        path: self.dir.join(COMMANDS_FILE),
                        line: *line,
                        at: r.at,
                        error,
                    })?;
            }
        }
        Ok(engine)
    }
}

/// The session's scenario copy, its text and its design, checked against `header`: the
/// hash it recorded (an edited copy is refused) and the scenario id.
pub(super) fn scenario_copy(
    dir: &Path,
    header: &Header,
) -> Result<(String, Scenario, Design), SessionError> {
    let spath = dir.join(SCENARIO_FILE);
    let text = String::from_utf8(read_part(&spath)?).map_err(|_| SessionError::Scenario {
        problems: format!("{}: not UTF-8 text", spath.display()),
    })?;
    let (scenario, design) = load_copy(&spath, &text)?;
    if header
        .scenario_hash
        .as_ref()
        .is_some_and(|h| *h != scenario.content_hash())
    {
        return Err(SessionError::ScenarioEdited { path: spath });
    }
    if scenario.id != header.scenario {
        let (expected, found) = (header.scenario.clone(), scenario.id.clone());
        return Err(SessionError::WrongScenario {
            what: "session",
            expected,
            found,
        });
    }
    Ok((text, scenario, design))
}

/// A file of the session folder; one that is not there is said to be missing.
pub(super) fn read_part(path: &Path) -> Result<Vec<u8>, SessionError> {
    crate::files::read(path).map_err(|source| match source.kind() {
        std::io::ErrorKind::NotFound => SessionError::Missing {
            path: path.to_path_buf(),
        },
        _ => SessionError::Io {
            path: path.to_path_buf(),
            source,
        },
    })
}

/// Cut `commands.jsonl` back to its whole records, keeping what is cut in
/// `commands.dropped`, and end it with a newline.
pub(crate) fn repair(dir: &Path, p: &Parsed) -> Result<(), SessionError> {
    let cpath = dir.join(COMMANDS_FILE);
    let bytes = crate::files::read(&cpath).map_err(SessionError::io(&cpath))?;
    let tail = bytes.get(p.whole_len..).unwrap_or_default();
    if tail.iter().any(|b| !b.is_ascii_whitespace()) {
        let dpath = dir.join(DROPPED_FILE);
        let mut d = OpenOptions::new()
            .create(true)
            .append(true)
            .open(&dpath)
            .map_err(SessionError::io(&dpath))?;
        d.write_all(tail)
            .and_then(|()| d.write_all(b"\n"))
            .and_then(|()| d.sync_all())
            .map_err(SessionError::io(&dpath))?;
    }
    let f = OpenOptions::new()
        .write(true)
        .open(&cpath)
        .map_err(SessionError::io(&cpath))?;
    f.set_len(p.whole_len as u64)
        .map_err(SessionError::io(&cpath))?;
    if p.needs_newline {
        let mut f = OpenOptions::new()
            .append(true)
            .open(&cpath)
            .map_err(SessionError::io(&cpath))?;
        f.write_all(b"\n").map_err(SessionError::io(&cpath))?;
    }
    f.sync_all().map_err(SessionError::io(&cpath))?;
    sync_dir(dir);
    Ok(())
}
