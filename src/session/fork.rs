//! Fork: a new session from any moment of a past run (same scenario and seed, the
//! commands up to that moment), to try another decision from there.

use super::error::SessionError;
use super::header::{ForkedFrom, path_text};
use super::past::{Past, open_past};
use super::record::{RecordKind, TimedCommand};
use super::store::{Recovered, Session};
use crate::scenario::Secs;
use std::path::Path;

/// Start a session in `new_dir` from the moment `at` of `from` (a session folder or
/// a journal file; `scenario` as for [`super::verify`]). The new session holds the
/// commands given up to and including `at`, its clock stands at `at`, and its header
/// names the original in `forked_from`. Its journal equals the original's entries up
/// to `at`. Returns it open, ready to play on.
pub fn fork(
    from: &Path,
    at: Secs,
    new_dir: &Path,
    scenario: Option<&Path>,
) -> Result<Recovered, SessionError> {
    let (name, text, seed, commands) = match open_past(from, scenario)? {
        Past::Session(s) => {
            // Played on only if it replays: a refused record is said at its line of
            // the original, before a fork folder is made.
            s.replay()?;
            let commands: Vec<TimedCommand> = s
                .records()
                .filter(|r| r.at <= at)
                .filter_map(|r| match &r.kind {
                    RecordKind::Command(c) => Some(TimedCommand {
                        at: r.at,
                        command: c.clone(),
                    }),
                    _ => None,
                })
                .collect();
            (
                s.header.scenario_file.clone(),
                s.scenario_text.clone(),
                s.header.seed,
                commands,
            )
        }
        Past::Journal(j) => {
            // A journal damaged anywhere is not played on, even past `at`.
            j.in_range()?;
            let commands = j.journal.commands().into_iter().filter(|(t, _)| *t <= at);
            let commands = commands
                .map(|(at, command)| TimedCommand { at, command })
                .collect();
            (
                j.scenario_file.clone(),
                j.scenario_text.clone(),
                j.journal.header.seed,
                commands,
            )
        }
    };
    let origin = ForkedFrom {
        path: path_text(from),
        at,
    };
    let mut session = Session::create_from(new_dir, &name, &text, seed, Some(origin))?;
    for c in &commands {
        session.record(c)?;
    }
    session.mark_time(at)?;
    drop(session);
    Session::open(new_dir)
}
