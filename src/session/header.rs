//! The session header (`session.json`), the scenario copy, and small file helpers.

use super::error::SessionError;
use crate::scenario::{Design, Scenario, Secs, load_source, to_ron_with};
use serde::{Deserialize, Serialize};
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Version of the session folder layout, written in the header.
pub const SESSION_FORMAT: u32 = 1;

pub(crate) const HEADER_FILE: &str = "session.json";
pub(crate) const SCENARIO_FILE: &str = "scenario.ron";
pub(crate) const COMMANDS_FILE: &str = "commands.jsonl";
pub(crate) const JOURNAL_FILE: &str = "journal.jsonl";
pub(crate) const DROPPED_FILE: &str = "commands.dropped";

/// What a session is a session of.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Header {
    pub format: u32,
    /// The scenario's id.
    pub scenario: String,
    pub seed: u64,
    /// When the session was created, in seconds since 1970 (UTC).
    pub created: u64,
    /// The file the scenario came from (for people; the session reads its own copy).
    pub scenario_file: String,
    /// The past run this session was forked from, and the moment.
    #[serde(default)]
    pub forked_from: Option<ForkedFrom>,
    /// The teams bots play, as `bots::Cast::parse` reads it (`grid=textbook,...`); empty
    /// (and absent in older sessions) when none do.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub bots: String,
    /// [`Scenario::content_hash`] of the scenario copy it began with, so an edit of
    /// `scenario.ron` afterwards is noticed. Absent in sessions begun before it was
    /// recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scenario_hash: Option<String>,
}

/// Where a forked session comes from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ForkedFrom {
    /// The original session folder or journal file.
    pub path: String,
    /// The moment of the original the fork starts from.
    pub at: Secs,
}

impl Header {
    /// The creation time as `YYYY-MM-DD HH:MM:SS UTC`.
    pub fn created_text(&self) -> String {
        utc_text(self.created)
    }
}

/// Seconds since 1970 now (0 if the clock is before 1970).
pub(crate) fn unix_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// `secs` since 1970 as `YYYY-MM-DD HH:MM:SS UTC` (proleptic Gregorian).
pub fn utc_text(secs: u64) -> String {
    let [y, m, d, h, min, s] = civil(secs);
    format!("{y:04}-{m:02}-{d:02} {h:02}:{min:02}:{s:02} UTC")
}

/// `secs` since 1970 as `YYYYMMDD-HHMMSS` (for folder names).
pub(crate) fn stamp(secs: u64) -> String {
    let [y, m, d, h, min, s] = civil(secs);
    format!("{y:04}{m:02}{d:02}-{h:02}{min:02}{s:02}")
}

/// `secs` since 1970 as [year, month, day, hour, minute, second] in UTC (the date by
/// H. Hinnant's algorithm).
fn civil(secs: u64) -> [u64; 6] {
    let t = secs % 86_400;
    let z = secs / 86_400 + 719_468;
    let era = z / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + u64::from(m <= 2);
    [y, m, d, t / 3600, t / 60 % 60, t % 60]
}

/// Load scenario text as a session keeps it: verbatim when it stands alone (it may
/// include the standard seeds), otherwise written out self-contained, its includes
/// resolved next to `name`.
pub(crate) fn snapshot(name: &str, text: &str) -> Result<(String, Scenario, Design), SessionError> {
    if let Ok(l) = load_source(name, text, None) {
        return Ok((text.to_string(), l.scenario, l.design));
    }
    let base = Path::new(name)
        .parent()
        .filter(|p| !p.as_os_str().is_empty());
    let loaded = load_source(name, text, base.or(Some(Path::new(".")))).map_err(|p| {
        SessionError::Scenario {
            problems: p.to_string(),
        }
    })?;
    let written =
        to_ron_with(&loaded.scenario, &loaded.design).map_err(|e| SessionError::Scenario {
            problems: e.to_string(),
        })?;
    let copy = format!(
        "// {name}, its includes merged in (a session keeps a self-contained copy).\n{written}"
    );
    Ok((copy, loaded.scenario, loaded.design))
}

/// Load a session's own scenario copy, with its design.
pub(crate) fn load_copy(path: &Path, text: &str) -> Result<(Scenario, Design), SessionError> {
    load_source(&path.display().to_string(), text, None)
        .map(|l| (l.scenario, l.design))
        .map_err(|p| SessionError::Scenario {
            problems: p.to_string(),
        })
}

pub(crate) fn read_header(dir: &Path) -> Result<Header, SessionError> {
    let path = dir.join(HEADER_FILE);
    let text = match crate::files::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(SessionError::NotASession {
                dir: dir.to_path_buf(),
            });
        }
        Err(e) => return Err(SessionError::Io { path, source: e }),
    };
    // Read the format first, so a newer layout gets a clear message.
    #[derive(Deserialize)]
    struct Format {
        format: u32,
    }
    let bad = |e: serde_json::Error| SessionError::Header {
        path: path.clone(),
        message: e.to_string(),
    };
    let f: Format = serde_json::from_str(&text).map_err(bad)?;
    let header = serde_json::from_str::<Header>(&text);
    // A journal's first line names a format too: not a newer session, another file.
    if header.is_err() && serde_json::from_str::<crate::engine::Header>(&text).is_ok() {
        let message = "it is the first line of a journal, not a session header".to_string();
        return Err(SessionError::Header { path, message });
    }
    if f.format > SESSION_FORMAT {
        return Err(SessionError::Format {
            path,
            found: f.format,
            known: SESSION_FORMAT,
        });
    }
    header.map_err(bad)
}

/// Write a whole file so that it is either absent or complete after a crash.
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), SessionError> {
    let tmp = path.with_extension("tmp");
    let mut f = File::create(&tmp).map_err(SessionError::io(&tmp))?;
    f.write_all(bytes).map_err(SessionError::io(&tmp))?;
    f.sync_all().map_err(SessionError::io(&tmp))?;
    drop(f);
    std::fs::rename(&tmp, path).map_err(SessionError::io(path))?;
    sync_dir(path.parent().unwrap_or(Path::new(".")));
    Ok(())
}

/// Write `session.json` whole (write, sync, rename).
pub(crate) fn write_header(dir: &Path, header: &Header) -> Result<(), SessionError> {
    let text = serde_json::to_string_pretty(header).unwrap_or_default();
    write_atomic(&dir.join(HEADER_FILE), format!("{text}\n").as_bytes())
}

/// Make a folder's new entries durable (where the platform allows opening a folder).
pub(crate) fn sync_dir(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

/// A path as written in a header: absolute when it can be.
pub(crate) fn path_text(path: &Path) -> String {
    std::fs::canonicalize(path)
        .unwrap_or_else(|_| PathBuf::from(path))
        .display()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::{Header, stamp, utc_text};

    #[test]
    fn times_since_1970_read_as_utc_dates() {
        assert_eq!(utc_text(0), "1970-01-01 00:00:00 UTC");
        assert_eq!(utc_text(951_782_400), "2000-02-29 00:00:00 UTC");
        assert_eq!(utc_text(4_102_444_799), "2099-12-31 23:59:59 UTC");
        assert_eq!(stamp(1_700_000_000), "20231114-221320");
    }

    #[test]
    fn a_header_without_bots_reads_as_none_and_none_is_not_written() {
        let old = r#"{"format":1,"scenario":"x","seed":3,"created":0,"scenario_file":"x.ron"}"#;
        let h: Header = serde_json::from_str(old).expect("an old header reads");
        assert_eq!((h.bots.as_str(), &h.forked_from), ("", &None));
        assert!(!serde_json::to_string(&h).expect("json").contains("bots"));
        let with = Header {
            bots: "grid=textbook".into(),
            ..h
        };
        let text = serde_json::to_string(&with).expect("json");
        let back: Header = serde_json::from_str(&text).expect("reads back");
        assert_eq!(back.bots, "grid=textbook");
    }
}
