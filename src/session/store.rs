//! A session folder on disk: creating it, appending records (each synced), and
//! reading it back into an engine after a crash.

use super::error::SessionError;
use super::header::{
    COMMANDS_FILE, ForkedFrom, HEADER_FILE, Header, JOURNAL_FILE, SCENARIO_FILE, SESSION_FORMAT,
    snapshot, unix_now, write_atomic, write_header,
};
use super::record::{Dropped, Record, RecordKind, TimedCommand};
use super::stored::{Stored, repair};
use crate::engine::{Command, CommandError, CommandOutcome, Engine};
use crate::scenario::{Design, Scenario, Secs};
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// An open session: appends records to its `commands.jsonl`.
#[derive(Debug)]
pub struct Session {
    dir: PathBuf,
    header: Header,
    scenario: Arc<Scenario>,
    design: Arc<Design>,
    file: File,
    /// Bytes of whole records in the file.
    len: u64,
    next: u64,
    /// Command records (accepted or refused).
    commands: u64,
    now: Secs,
    ended: bool,
}

/// A session read back after a stop or a crash.
#[derive(Debug)]
pub struct Recovered {
    /// Open for appending (unless it has ended).
    pub session: Session,
    /// The run replayed from the records, standing at the last record's time.
    pub engine: Engine,
    /// The damaged last record, if one was dropped (say so to the user).
    pub dropped: Option<Dropped>,
}

impl Session {
    /// Start a session in `dir` (created if missing; it must not hold a session).
    /// `scenario_file` is where `scenario_text` came from: shown to people and used
    /// to resolve relative includes (the session keeps a self-contained copy).
    pub fn create(
        dir: &Path,
        scenario_file: &str,
        scenario_text: &str,
        seed: u64,
    ) -> Result<Session, SessionError> {
        Self::create_from(dir, scenario_file, scenario_text, seed, None)
    }

    pub(crate) fn create_from(
        dir: &Path,
        scenario_file: &str,
        scenario_text: &str,
        seed: u64,
        forked_from: Option<ForkedFrom>,
    ) -> Result<Session, SessionError> {
        let (copy, scenario, design) = snapshot(scenario_file, scenario_text)?;
        if dir.join(HEADER_FILE).exists() {
            return Err(SessionError::Exists {
                dir: dir.to_path_buf(),
            });
        }
        std::fs::create_dir_all(dir).map_err(SessionError::io(dir))?;
        // The header goes last: a folder is a session once all of it is there.
        write_atomic(&dir.join(SCENARIO_FILE), copy.as_bytes())?;
        let cpath = dir.join(COMMANDS_FILE);
        let file = File::create(&cpath).map_err(SessionError::io(&cpath))?;
        file.sync_all().map_err(SessionError::io(&cpath))?;
        let header = Header {
            format: SESSION_FORMAT,
            scenario: scenario.id.clone(),
            seed,
            created: unix_now(),
            scenario_file: scenario_file.to_string(),
            forked_from,
            bots: String::new(),
            scenario_hash: Some(scenario.content_hash()),
        };
        write_header(dir, &header)?;
        let file = OpenOptions::new()
            .append(true)
            .open(&cpath)
            .map_err(SessionError::io(&cpath))?;
        let scenario = Arc::new(scenario);
        Ok(Session {
            dir: dir.to_path_buf(),
            header,
            scenario,
            design: Arc::new(design),
            file,
            len: 0,
            next: 0,
            commands: 0,
            now: 0,
            ended: false,
        })
    }

    /// Read a session back: replay its records into an engine, drop a damaged last
    /// record (kept aside in `commands.dropped`) and open it for appending.
    pub fn open(dir: &Path) -> Result<Recovered, SessionError> {
        let stored = Stored::read(dir)?;
        let engine = stored.replay()?;
        let cpath = dir.join(COMMANDS_FILE);
        let p = &stored.parsed;
        let size = std::fs::metadata(&cpath)
            .map_err(SessionError::io(&cpath))?
            .len();
        if size != p.whole_len as u64 || p.needs_newline {
            repair(dir, p)?;
        }
        let file = OpenOptions::new()
            .append(true)
            .open(&cpath)
            .map_err(SessionError::io(&cpath))?;
        let len = file.metadata().map_err(SessionError::io(&cpath))?.len();
        let session = Session {
            dir: dir.to_path_buf(),
            ended: stored.ended(),
            now: stored.until(),
            next: p.records.len() as u64,
            commands: stored
                .records()
                .filter(|r| matches!(r.kind, RecordKind::Command(_) | RecordKind::Refused { .. }))
                .count() as u64,
            header: stored.header,
            scenario: stored.scenario,
            design: stored.design,
            file,
            len,
        };
        Ok(Recovered {
            session,
            engine,
            dropped: stored.parsed.dropped,
        })
    }

    /// Append an accepted command; it is on disk when this returns.
    pub fn record(&mut self, command: &TimedCommand) -> Result<(), SessionError> {
        self.append(command.at, RecordKind::Command(command.command.clone()))
    }

    /// Append a refused command (for the record; replay skips it).
    pub fn record_refused(
        &mut self,
        command: &TimedCommand,
        error: &CommandError,
    ) -> Result<(), SessionError> {
        let kind = RecordKind::Refused {
            command: command.command.clone(),
            error: error.to_string(),
        };
        self.append(command.at, kind)
    }

    /// Note that the exercise clock reached `at`, so a resumed session stands there.
    pub fn mark_time(&mut self, at: Secs) -> Result<(), SessionError> {
        self.append(at, RecordKind::Clock)
    }

    /// Apply `command` at the engine's time and record it (accepted or refused).
    /// The outer error is the disk's, the inner one the engine's.
    pub fn apply(
        &mut self,
        engine: &mut Engine,
        command: Command,
    ) -> Result<Result<CommandOutcome, CommandError>, SessionError> {
        let timed = TimedCommand {
            at: engine.now(),
            command,
        };
        let result = engine.apply(timed.command.clone());
        match &result {
            Ok(_) => self.record(&timed)?,
            Err(e) => self.record_refused(&timed, e)?,
        }
        Ok(result)
    }

    /// End the session at the engine's time: write its journal to `journal.jsonl`.
    pub fn finish(&mut self, engine: &Engine) -> Result<(), SessionError> {
        let at = engine.now();
        if self.ended {
            return Err(SessionError::Finished {
                dir: self.dir.clone(),
            });
        }
        if at < self.now {
            return Err(SessionError::TimeWentBack { now: self.now, at });
        }
        write_atomic(
            &self.dir.join(JOURNAL_FILE),
            engine.journal().to_jsonl().as_bytes(),
        )?;
        self.append(at, RecordKind::End)?;
        self.ended = true;
        Ok(())
    }

    fn append(&mut self, at: Secs, kind: RecordKind) -> Result<(), SessionError> {
        if self.ended {
            return Err(SessionError::Finished {
                dir: self.dir.clone(),
            });
        }
        if at < self.now {
            return Err(SessionError::TimeWentBack { now: self.now, at });
        }
        let record = Record {
            n: self.next,
            at,
            kind,
        };
        let mut line = serde_json::to_string(&record).unwrap_or_default();
        line.push('\n');
        let path = self.dir.join(COMMANDS_FILE);
        let written = self
            .file
            .write_all(line.as_bytes())
            .and_then(|()| self.file.sync_data());
        if let Err(source) = written {
            // Leave no half record behind for the next one to follow.
            let _ = self.file.set_len(self.len);
            return Err(SessionError::Io { path, source });
        }
        self.len += line.len() as u64;
        self.next += 1;
        self.now = at;
        if matches!(
            record.kind,
            RecordKind::Command(_) | RecordKind::Refused { .. }
        ) {
            self.commands += 1;
            super::crash::after_command(self.commands);
        }
        Ok(())
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Say in the header which teams bots play (`grid=textbook,...`, as
    /// `bots::Cast::parse` reads it); the header is written anew whole.
    pub fn set_bots(&mut self, bots: &str) -> Result<(), SessionError> {
        if self.header.bots == bots {
            return Ok(());
        }
        let mut header = self.header.clone();
        header.bots = bots.to_string();
        write_header(&self.dir, &header)?;
        self.header = header;
        Ok(())
    }

    pub fn header(&self) -> &Header {
        &self.header
    }

    /// The scenario as the session keeps it (start the engine with this and [`Self::seed`]).
    pub fn scenario(&self) -> &Arc<Scenario> {
        &self.scenario
    }

    /// The scenario's design (objectives and expected actions), kept with its copy.
    pub fn design(&self) -> &Arc<Design> {
        &self.design
    }

    pub fn seed(&self) -> u64 {
        self.header.seed
    }

    /// The time of the last record.
    pub fn now(&self) -> Secs {
        self.now
    }

    /// Records written so far (all kinds).
    pub fn records(&self) -> u64 {
        self.next
    }

    /// Commands recorded so far, accepted or refused.
    pub fn commands(&self) -> u64 {
        self.commands
    }

    /// Whether [`Self::finish`] was called; an ended session takes no more records.
    pub fn ended(&self) -> bool {
        self.ended
    }
}
