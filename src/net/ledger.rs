//! What the host keeps about its seats in the session folder, so that a host restarted
//! from its session still knows them: which seat file of each team is valid
//! (`seats.json`) and which command ids of each team it has taken (`seat-commands.jsonl`).
//!
//! A command id is written (and synced) before its command is applied and recorded, with
//! the number the command's record will have. Read back, an id whose record is in the
//! session was applied; one whose record is missing (the host died in between) was not,
//! and is forgotten, so the client's resend applies it once.

use super::NetError;
use crate::session::SessionError;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};

const SEATS_FILE: &str = "seats.json";
const LEDGER_FILE: &str = "seat-commands.jsonl";

/// The valid seat file of one team.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeatEntry {
    pub team: String,
    /// The nonce in the valid file's token; older files of the team carry another.
    pub nonce: u64,
    pub revoked: bool,
}

/// Every team's valid seat file, and the address the files name.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeatList {
    /// The host's address as written in the seat files (a resumed host listens there).
    #[serde(default)]
    pub listen: Option<String>,
    pub seats: Vec<SeatEntry>,
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> NetError + '_ {
    move |error| NetError::Io {
        path: path.to_path_buf(),
        error,
    }
}

impl SeatList {
    /// The list in `dir` (`None`: no seats were written there yet).
    pub fn load(dir: &Path) -> Result<Option<SeatList>, NetError> {
        let path = dir.join(SEATS_FILE);
        if !path.exists() {
            return Ok(None);
        }
        let text = crate::files::read_to_string(&path).map_err(io(&path))?;
        serde_json::from_str(&text)
            .map(Some)
            .map_err(|e| NetError::SeatFile {
                path,
                why: e.to_string(),
            })
    }

    /// Write the list to `dir`, whole or not at all.
    pub fn save(&self, dir: &Path) -> Result<(), NetError> {
        let text = serde_json::to_string_pretty(self).unwrap_or_default();
        crate::session::write_whole(&dir.join(SEATS_FILE), text.as_bytes()).map_err(|e| match e {
            SessionError::Io { path, source } => NetError::Io {
                path,
                error: source,
            },
            other => NetError::Session(other),
        })
    }

    /// Whether a token naming `team` with `nonce` is the team's valid, unrevoked seat.
    pub fn admits(&self, team: &str, nonce: u64) -> bool {
        self.seats
            .iter()
            .any(|s| s.team == team && s.nonce == nonce && !s.revoked)
    }

    /// The entry of `team`, added if missing.
    pub fn entry(&mut self, team: &str) -> &mut SeatEntry {
        let at = match self.seats.iter().position(|s| s.team == team) {
            Some(i) => i,
            None => {
                self.seats.push(SeatEntry {
                    team: team.to_string(),
                    nonce: 0,
                    revoked: true,
                });
                self.seats.len() - 1
            }
        };
        &mut self.seats[at]
    }
}

#[derive(Debug, Serialize, Deserialize)]
struct Line {
    team: String,
    id: u64,
    /// The number of the session record the command got.
    record: u64,
}

/// The command ids each team's clients have used, kept on disk.
#[derive(Debug)]
pub struct Ledger {
    path: PathBuf,
    file: std::fs::File,
    taken: HashMap<(String, u64), u64>,
}

impl Ledger {
    /// The ledger of the session in `dir`, whose records so far number `records`: ids
    /// whose command never reached the session are forgotten (and the file rewritten).
    pub fn open(dir: &Path, records: u64) -> Result<Ledger, NetError> {
        let path = dir.join(LEDGER_FILE);
        let text = match crate::files::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(e) => return Err(io(&path)(e)),
        };
        let kept: Vec<Line> = text
            .lines()
            .filter_map(|l| serde_json::from_str::<Line>(l).ok())
            .filter(|l| l.record < records)
            .collect();
        let mut whole = String::new();
        for l in &kept {
            whole.push_str(&serde_json::to_string(l).unwrap_or_default());
            whole.push('\n');
        }
        crate::session::write_whole(&path, whole.as_bytes()).map_err(|_| {
            io(&path)(std::io::Error::other(
                "the command ledger cannot be written",
            ))
        })?;
        let file = std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .map_err(io(&path))?;
        let taken = kept
            .into_iter()
            .map(|l| ((l.team, l.id), l.record))
            .collect();
        Ok(Ledger { path, file, taken })
    }

    /// The ids `team` gave, in no order.
    pub fn ids_of<'a>(&'a self, team: &'a str) -> impl Iterator<Item = u64> + 'a {
        self.taken.keys().filter(move |k| k.0 == team).map(|k| k.1)
    }

    /// Whether `team` already gave command `id`.
    pub fn taken(&self, team: &str, id: u64) -> bool {
        self.taken.contains_key(&(team.to_string(), id))
    }

    /// Note (on disk, synced) that `team`'s command `id` gets session record `record`.
    pub fn take(&mut self, team: &str, id: u64, record: u64) -> Result<(), NetError> {
        let line = Line {
            team: team.to_string(),
            id,
            record,
        };
        let mut text = serde_json::to_string(&line).unwrap_or_default();
        text.push('\n');
        self.file
            .write_all(text.as_bytes())
            .and_then(|()| self.file.sync_data())
            .map_err(io(&self.path))?;
        self.taken.insert((line.team, id), record);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir(name: &str) -> PathBuf {
        let d = std::env::temp_dir().join(format!("crossdrill-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&d);
        std::fs::create_dir_all(&d).expect("dir");
        d
    }

    #[test]
    fn an_id_whose_command_was_not_recorded_is_forgotten() {
        let d = dir("ledger");
        let mut l = Ledger::open(&d, 0).expect("open");
        l.take("grid", 7, 0).expect("take");
        l.take("grid", 8, 1).expect("take");
        assert!(l.taken("grid", 7) && !l.taken("carrier", 7));
        // The host died after recording the first command only.
        let l = Ledger::open(&d, 1).expect("reopen");
        assert!(l.taken("grid", 7));
        assert!(!l.taken("grid", 8), "its command never reached the session");
        let _ = std::fs::remove_dir_all(&d);
    }

    #[test]
    fn a_seat_list_reads_back_and_admits_only_the_valid_seat() {
        let d = dir("seatlist");
        assert_eq!(SeatList::load(&d).expect("none"), None);
        let mut list = SeatList::default();
        *list.entry("grid") = SeatEntry {
            team: "grid".into(),
            nonce: 5,
            revoked: false,
        };
        list.save(&d).expect("save");
        let list = SeatList::load(&d).expect("load").expect("some");
        assert!(list.admits("grid", 5));
        assert!(!list.admits("grid", 6) && !list.admits("carrier", 5));
        let _ = std::fs::remove_dir_all(&d);
    }
}
