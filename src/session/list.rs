//! Finding sessions: the sessions folder, a name for a new session, the list of
//! sessions in a folder, newest first (for the app's "resume?" prompt), and taking back
//! a new session that recorded nothing.

use super::error::SessionError;
use super::header::{
    COMMANDS_FILE, HEADER_FILE, Header, JOURNAL_FILE, SCENARIO_FILE, read_header, stamp, unix_now,
};
use super::record::parse;
use super::record::{Dropped, RecordKind};
use super::stored::{read_part, scenario_copy};
use crate::scenario::Secs;
use std::path::{Path, PathBuf};

/// A session found in a folder.
#[derive(Debug, Clone)]
pub struct Listed {
    pub dir: PathBuf,
    /// Last written, in seconds since 1970.
    pub modified: u64,
    /// What it holds, or why it cannot be read.
    pub summary: Result<Summary, String>,
}

/// What a session holds (read without replaying it).
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub header: Header,
    /// Accepted commands.
    pub commands: usize,
    /// The time of its last record.
    pub until: Secs,
    /// Whether it ended (otherwise it can be resumed).
    pub ended: bool,
    /// A damaged last record that resuming will drop.
    pub dropped: Option<Dropped>,
}

/// Where the app keeps sessions: `$CROSSDRILL_SESSIONS`, else the user's data folder
/// (`$XDG_DATA_HOME` or `~/.local/share`, `%APPDATA%` on Windows) + `crossdrill/sessions`.
pub fn default_root() -> PathBuf {
    let env = |k: &str| {
        std::env::var_os(k)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    if let Some(p) = env("CROSSDRILL_SESSIONS") {
        return p;
    }
    let data = env("XDG_DATA_HOME")
        .or_else(|| env("APPDATA"))
        .or_else(|| env("HOME").map(|h| h.join(".local").join("share")));
    data.map_or_else(
        || PathBuf::from("sessions"),
        |d| d.join("crossdrill").join("sessions"),
    )
}

/// A new, unused folder name under `root` for a session of `scenario_id`:
/// `YYYYMMDD-HHMMSS-ID` (UTC), with `-2`, `-3` ... if taken.
pub fn new_dir(root: &Path, scenario_id: &str) -> PathBuf {
    let safe: String = scenario_id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let base = format!("{}-{safe}", stamp(unix_now()));
    let mut dir = root.join(&base);
    let mut k = 2;
    while dir.exists() {
        dir = root.join(format!("{base}-{k}"));
        k += 1;
    }
    dir
}

/// Take back the session just created in `dir` when it recorded nothing (a command
/// that stopped before its first record: a script that did not parse, a port in use),
/// so no empty session is left to be offered for resuming. `fresh`: `dir` did not exist
/// before, so all of it goes; otherwise only the session's own files. A session with
/// any record is kept. True when it was taken back.
pub fn discard_unused(dir: &Path, fresh: bool) -> bool {
    let unused = std::fs::metadata(dir.join(COMMANDS_FILE)).is_ok_and(|m| m.len() == 0)
        && !dir.join(JOURNAL_FILE).exists();
    if !unused {
        return false;
    }
    if fresh {
        return std::fs::remove_dir_all(dir).is_ok();
    }
    // The header first: without it the folder is no longer a session.
    [HEADER_FILE, SCENARIO_FILE, COMMANDS_FILE]
        .iter()
        .all(|f| std::fs::remove_file(dir.join(f)).is_ok())
}

/// The sessions directly under `root`, newest first (a missing `root`: none).
pub fn list(root: &Path) -> Result<Vec<Listed>, SessionError> {
    let entries = match std::fs::read_dir(root) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => {
            return Err(SessionError::Io {
                path: root.to_path_buf(),
                source: e,
            });
        }
    };
    let mut out = Vec::new();
    for entry in entries.flatten() {
        let dir = entry.path();
        if !dir.join(HEADER_FILE).is_file() {
            continue;
        }
        let modified = [COMMANDS_FILE, HEADER_FILE]
            .iter()
            .filter_map(|f| {
                std::fs::metadata(dir.join(f))
                    .and_then(|m| m.modified())
                    .ok()
            })
            .filter_map(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map(|d| d.as_secs())
            .max()
            .unwrap_or(0);
        let summary = summarise(&dir).map_err(|e| e.to_string());
        out.push(Listed {
            dir,
            modified,
            summary,
        });
    }
    let created = |l: &Listed| l.summary.as_ref().map_or(0, |s| s.header.created);
    out.sort_by(|a, b| (b.modified, created(b), &b.dir).cmp(&(a.modified, created(a), &a.dir)));
    Ok(out)
}

/// The sessions under `root` that have not ended and can be read, newest first.
pub fn resumable(root: &Path) -> Result<Vec<(PathBuf, Summary)>, SessionError> {
    Ok(list(root)?
        .into_iter()
        .filter_map(|l| l.summary.ok().filter(|s| !s.ended).map(|s| (l.dir, s)))
        .collect())
}

/// What a session holds, from its header and records. Only a session that has not
/// ended is read whole (its scenario copy loaded and checked), as resuming it would:
/// an ended one takes no more records, and a folder of national sessions would
/// otherwise load a 10,000-service scenario for each.
fn summarise(dir: &Path) -> Result<Summary, SessionError> {
    let header = read_header(dir)?;
    let cpath = dir.join(COMMANDS_FILE);
    let parsed = parse(&cpath, &read_part(&cpath)?)?;
    let ended = parsed.ended();
    if !ended {
        scenario_copy(dir, &header)?;
    }
    Ok(Summary {
        commands: parsed
            .records()
            .filter(|r| matches!(r.kind, RecordKind::Command(_)))
            .count(),
        until: parsed.until(),
        ended,
        dropped: parsed.dropped.clone(),
        header,
    })
}
