//! The exercise on disk: every exercise writes a crash-safe session as it goes (each command
//! synced before the next frame), so a crash, a kill or a power cut loses nothing. A disk
//! error does not stop the exercise: it is shown, and the facilitator may save again.

use crate::engine::{Command, CommandError, CommandOutcome, Engine};
use crate::gui::catalog::Origin;
use crate::scenario::{Scenario, Secs};
use crate::session::{self, ForkedFrom, Session as Recording, SessionError, TimedCommand};
use bevy::prelude::*;
use std::path::{Path, PathBuf};

/// Where the app keeps its sessions; without it (some tests) nothing is recorded.
#[derive(Resource, Debug, Clone)]
pub(crate) struct SessionRoot(pub PathBuf);

/// A clock record is written at least this often (exercise seconds), and when the clock stops.
const MARK_EVERY: Secs = 60;

/// The session the running exercise is written to.
#[derive(Resource, Debug)]
pub(crate) struct Recorder {
    root: PathBuf,
    /// Open while recording; `None` once it failed.
    session: Option<Recording>,
    /// Where the scenario came from and its text, to start a new session from this run.
    source: (String, String),
    /// The last session folder written to.
    dir: Option<PathBuf>,
    /// Why recording stopped (shown until it works again).
    failed: Option<String>,
    /// Something to tell the facilitator once (e.g. what recovery dropped).
    pub notice: Option<String>,
    last_mark: Secs,
    /// The teams bots play (`grid=textbook,...`), kept in each session's header.
    bots: String,
}

impl Recorder {
    /// Start recording an exercise of `scenario` from zero, in a new folder under `root`.
    pub(crate) fn start(root: &Path, origin: &Origin, scenario: &Scenario, seed: u64) -> Self {
        let dir = session::new_dir(root, &scenario.id);
        Self::start_in(root, &dir, origin, scenario, seed)
    }

    /// Start recording in the folder `dir`.
    pub(crate) fn start_in(
        root: &Path,
        dir: &Path,
        origin: &Origin,
        scenario: &Scenario,
        seed: u64,
    ) -> Self {
        let source = source_of(origin, scenario);
        let mut r = Self::empty(root, source);
        r.open(
            Recording::create(dir, &r.source.0, &r.source.1, seed),
            dir,
            scenario,
        );
        r
    }

    /// Record a run already under way in a new folder under `root`, holding its commands
    /// so far and standing at its time.
    pub(crate) fn from_run(root: &Path, origin: &Origin, engine: &Engine) -> Self {
        let mut r = Self::empty(root, source_of(origin, engine.scenario()));
        r.start_again(engine);
        r
    }

    /// Carry on recording a session read back by [`Recording::open`].
    pub(crate) fn resumed(root: &Path, recording: Recording) -> Self {
        let dir = recording.dir().to_path_buf();
        let text = crate::files::read_to_string(&dir.join("scenario.ron"))
            .ok()
            .or_else(|| crate::scenario::to_ron(recording.scenario()).ok())
            .unwrap_or_default();
        let name = recording.header().scenario_file.clone();
        let mut r = Self::empty(root, (name, text));
        r.bots = recording.header().bots.clone();
        r.last_mark = recording.now();
        r.dir = Some(dir);
        if recording.ended() {
            r.failed = Some(format!("{}: the session has ended", r.label()));
        } else {
            r.session = Some(recording);
        }
        r
    }

    fn empty(root: &Path, source: (String, String)) -> Self {
        Self {
            root: root.to_path_buf(),
            session: None,
            source,
            dir: None,
            failed: None,
            notice: None,
            last_mark: 0,
            bots: String::new(),
        }
    }

    fn open(&mut self, made: Result<Recording, SessionError>, dir: &Path, scenario: &Scenario) {
        self.dir = Some(dir.to_path_buf());
        match made {
            // The session replays its own copy: it must be the scenario in play.
            Ok(s) if **s.scenario() == *scenario => {
                self.last_mark = s.now();
                self.session = Some(s);
                self.failed = None;
            }
            Ok(_) => {
                self.fail("the scenario copy in the session differs from the one in play".into())
            }
            Err(e) => self.fail(e.to_string()),
        }
    }

    /// Say in the session's header which teams bots play (as `Cast::describe` writes it).
    pub(crate) fn keep_bots(&mut self, bots: String) {
        self.bots = bots;
        self.write_bots();
    }

    fn write_bots(&mut self) {
        let Some(s) = &mut self.session else {
            return;
        };
        if let Err(e) = s.set_bots(&self.bots) {
            self.fail(e.to_string());
        }
    }

    fn fail(&mut self, why: String) {
        error!("recording stopped: {why}");
        self.session = None;
        self.failed = Some(why);
    }

    /// Apply `command` to `engine` and write it down (accepted or refused). The engine's
    /// answer is returned whatever the disk does.
    pub(crate) fn apply(
        &mut self,
        engine: &mut Engine,
        command: Command,
    ) -> Result<CommandOutcome, CommandError> {
        let timed = TimedCommand {
            at: engine.now(),
            command,
        };
        let result = engine.apply(timed.command.clone());
        if let Some(s) = &mut self.session {
            let written = match &result {
                Ok(_) => s.record(&timed),
                Err(e) => s.record_refused(&timed, e),
            };
            if let Err(e) = written {
                self.fail(e.to_string());
            }
        }
        result
    }

    /// Note the clock now and then, and whenever it stands still.
    pub(crate) fn mark(&mut self, now: Secs, paused: bool) {
        if now <= self.last_mark || (!paused && now < self.last_mark + MARK_EVERY) {
            return;
        }
        let Some(s) = &mut self.session else {
            return;
        };
        match s.mark_time(now) {
            Ok(()) => self.last_mark = now,
            Err(e) => self.fail(e.to_string()),
        }
    }

    /// The exercise is over: write the journal and close the session.
    pub(crate) fn finish(&mut self, engine: &Engine) {
        let Some(s) = &mut self.session else {
            return;
        };
        match s.finish(engine) {
            Ok(()) => self.session = None,
            Err(e) => self.fail(e.to_string()),
        }
    }

    /// Whether commands are being written now.
    pub(crate) fn recording(&self) -> bool {
        self.session.is_some()
    }

    /// Why recording stopped, if it did (not after a normal finish).
    pub(crate) fn failed(&self) -> Option<&str> {
        self.failed.as_deref()
    }

    /// The session folder written to last.
    /// The number the next record gets (`None` while not recording).
    pub(crate) fn next_record(&self) -> Option<u64> {
        self.session.as_ref().map(|s| s.records())
    }

    pub(crate) fn dir(&self) -> Option<&Path> {
        self.dir.as_deref()
    }

    fn label(&self) -> String {
        self.dir
            .as_ref()
            .map_or_else(String::new, |d| d.display().to_string())
    }

    /// Write this run to a new session: after a disk error, or to play on after the end.
    /// The new session holds every command of `engine`'s journal and stands at its time.
    pub(crate) fn start_again(&mut self, engine: &Engine) {
        let scenario = engine.scenario();
        let dir = session::new_dir(&self.root, &scenario.id);
        let from = self
            .dir
            .as_ref()
            .filter(|_| self.failed.is_none())
            .map(|d| ForkedFrom {
                path: d.display().to_string(),
                at: engine.now(),
            });
        let (name, text) = &self.source;
        let made =
            Recording::create_from(&dir, name, text, engine.seed(), from).and_then(|mut s| {
                for (at, command) in engine.journal().commands() {
                    s.record(&TimedCommand { at, command })?;
                }
                s.mark_time(engine.now())?;
                Ok(s)
            });
        self.open(made, &dir, scenario);
        self.write_bots();
    }
}

/// The file name and text a session keeps of the scenario in play: the text it was loaded
/// from when that still gives the same scenario, else the scenario written out.
fn source_of(origin: &Origin, scenario: &Scenario) -> (String, String) {
    match origin {
        Origin::Builtin(name) => {
            let text = crate::scenario::shipped_file(name).map_or("", |(_, text)| text);
            ((*name).to_owned(), text.to_owned())
        }
        Origin::File(path) => {
            let name = path.display().to_string();
            let same = std::fs::read_to_string(path).ok().filter(|text| {
                let base = path.parent().filter(|p| !p.as_os_str().is_empty());
                crate::scenario::load_source(&name, text, base.or(Some(Path::new("."))))
                    .is_ok_and(|l| l.scenario == *scenario)
            });
            let text = same
                .or_else(|| crate::scenario::to_ron(scenario).ok())
                .unwrap_or_default();
            (name, text)
        }
    }
}
