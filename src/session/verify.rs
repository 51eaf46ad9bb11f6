//! Replay check: re-simulate a past run from its scenario, seed and commands and
//! compare the result with the journal on disk, byte for byte.

use super::error::SessionError;
use super::header::JOURNAL_FILE;
use super::past::{JournalFile, Past, open_past};
use super::record::Dropped;
use super::stored::Stored;
use super::trust::{command_entry, other_version};
use crate::engine::{Engine, EntryKind, Header, JOURNAL_FORMAT, Journal, ReplayError, replay};
use crate::scenario::{Secs, duration};
use std::borrow::Cow;
use std::fmt;
use std::path::{Path, PathBuf};

/// A replay that matched.
#[derive(Debug, Clone, PartialEq)]
pub struct Replayed {
    pub entries: usize,
    pub commands: usize,
    /// The time the replay reached.
    pub until: Secs,
    /// [`Journal::hash`] of the replayed journal.
    pub hash: String,
    /// The journal file compared byte for byte (`None`: a session that has not ended
    /// has no journal file yet; its commands replayed without a refusal).
    pub compared: Option<PathBuf>,
    /// A damaged last record of a session, left out of the replay.
    pub dropped: Option<Dropped>,
}

/// Where a replay first differs from what is on disk.
#[derive(Debug, Clone, PartialEq)]
pub struct Difference {
    pub path: PathBuf,
    /// 1-based line of the file.
    pub line: usize,
    /// The journal entry at that place, and its time, where known.
    pub entry: Option<(u64, Secs)>,
    /// What differs, in a few words.
    pub what: String,
    /// The replay's text and the file's text there (excerpts around the first
    /// differing character).
    pub expected: Option<String>,
    pub found: Option<String>,
}

impl fmt::Display for Difference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.path.display(), self.line, self.what)?;
        if let Some((id, at)) = self.entry {
            write!(f, " (entry {id}, at {})", duration::clock(at))?;
        }
        if let Some(e) = &self.expected {
            write!(f, "\n  expected: {e}")?;
        }
        if let Some(x) = &self.found {
            write!(f, "\n  found:    {x}")?;
        }
        Ok(())
    }
}

/// The outcome of [`verify`].
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    Same(Replayed),
    Differs(Box<Difference>),
}

/// Replay a session folder or a journal file and compare. `scenario` is for journal
/// files (see [`super::fork`] for where it is looked for otherwise).
pub fn verify(path: &Path, scenario: Option<&Path>) -> Result<Verdict, SessionError> {
    match open_past(path, scenario)? {
        Past::Session(s) => verify_session(&s),
        Past::Journal(j) => verify_journal(&j),
    }
}

fn verify_session(s: &Stored) -> Result<Verdict, SessionError> {
    let engine = match s.replay() {
        Ok(e) => e,
        Err(SessionError::Refused {
            path,
            line,
            at,
            error,
        }) => {
            let found = s
                .parsed
                .records
                .iter()
                .find(|(l, _)| *l == line)
                .and_then(|(_, r)| serde_json::to_string(r).ok());
            return Ok(Verdict::Differs(Box::new(Difference {
                path,
                line,
                entry: None,
                what: format!(
                    "the replay refuses the command at {}: {error}",
                    duration::clock(at)
                ),
                expected: None,
                found,
            })));
        }
        Err(e) => return Err(e),
    };
    let mut compared = None;
    if s.ended() {
        let path = s.dir.join(JOURNAL_FILE);
        let text = crate::files::read(&path).map_err(SessionError::io(&path))?;
        let text = String::from_utf8_lossy(&text);
        let header = text
            .lines()
            .next()
            .and_then(|l| serde_json::from_str::<Header>(l).ok());
        let format = header.as_ref().map_or(JOURNAL_FORMAT, |h| h.format);
        if let Some(d) = earlier_rules(&path, format) {
            return Ok(Verdict::Differs(Box::new(d)));
        }
        let replayed = match &header {
            Some(h) => as_recorded(engine.journal(), h),
            None => Cow::Borrowed(engine.journal()),
        };
        if let Some(d) = compare(&path, &replayed, &replayed.to_jsonl(), &text, false) {
            return Ok(Verdict::Differs(Box::new(d)));
        }
        compared = Some(path);
    }
    Ok(Verdict::Same(summary(
        &engine,
        compared,
        s.parsed.dropped.clone(),
    )))
}

/// A journal recorded under an earlier engine's rules cannot be re-created: say so
/// plainly rather than show the first entry where the rules part.
fn earlier_rules(path: &Path, format: u32) -> Option<Difference> {
    (format < JOURNAL_FORMAT).then(|| Difference {
        path: path.to_path_buf(),
        line: 1,
        entry: None,
        what: format!(
            "recorded by an earlier crossdrill (journal format {format}), whose engine drew \
             random outcomes in another way; this version (format {JOURNAL_FORMAT}) cannot \
             re-create that run. The journal still reads: `crossdrill report` scores it as \
             recorded"
        ),
        expected: None,
        found: None,
    })
}

fn verify_journal(j: &JournalFile) -> Result<Verdict, SessionError> {
    if let Some(d) = earlier_rules(&j.path, j.journal.header.format) {
        return Ok(Verdict::Differs(Box::new(d)));
    }
    if let Some(other) = other_version(&j.scenario, &j.journal) {
        return Ok(Verdict::Differs(Box::new(Difference {
            path: j.path.clone(),
            line: 1,
            entry: None,
            what: other.to_string(),
            expected: None,
            found: None,
        })));
    }
    let commands = j.journal.commands();
    // A journal that does not say where its run stood ends at its last entry.
    let until = j.journal.end(0);
    let engine = match replay(j.scenario.clone(), j.journal.header.seed, &commands, until) {
        Ok(e) => e,
        Err(ReplayError::Refused { index, at, error }) => {
            let id = command_entry(&j.journal, index);
            let line = if j.ron {
                ron_line(&j.text, id)
            } else {
                id as usize + 2
            };
            return Ok(Verdict::Differs(Box::new(Difference {
                path: j.path.clone(),
                line,
                entry: Some((id, at)),
                what: format!("the replay refuses this command: {error}"),
                expected: None,
                found: j
                    .text
                    .lines()
                    .nth(line.saturating_sub(1))
                    .map(|l| excerpt(l, 0)),
            })));
        }
    };
    let replayed = as_recorded(engine.journal(), &j.journal.header);
    let expected = if j.ron {
        replayed.to_ron().unwrap_or_default()
    } else {
        replayed.to_jsonl()
    };
    if let Some(d) = compare(&j.path, &replayed, &expected, &j.text, j.ron) {
        return Ok(Verdict::Differs(Box::new(d)));
    }
    Ok(Verdict::Same(summary(&engine, Some(j.path.clone()), None)))
}

/// The replayed journal as a file of `header`'s time would have recorded it: journals
/// written before the header said where the run stood, or which version of the
/// scenario it ran, are compared without those fields.
fn as_recorded<'a>(replayed: &'a Journal, header: &Header) -> Cow<'a, Journal> {
    let (until, hash) = (header.until.is_none(), header.scenario_hash.is_none());
    if !until && !hash {
        return Cow::Borrowed(replayed);
    }
    let mut old = replayed.clone();
    if until {
        old.header.until = None;
    }
    if hash {
        old.header.scenario_hash = None;
    }
    Cow::Owned(old)
}

fn summary(engine: &Engine, compared: Option<PathBuf>, dropped: Option<Dropped>) -> Replayed {
    let journal = engine.journal();
    Replayed {
        entries: journal.entries.len(),
        commands: journal
            .entries
            .iter()
            .filter(|e| matches!(e.kind, EntryKind::Command(_)))
            .count(),
        until: engine.now(),
        hash: journal.hash(),
        compared,
        dropped,
    }
}

/// The first line where `found` differs from `expected` (the replay's text).
fn compare(
    path: &Path,
    replayed: &Journal,
    expected: &str,
    found: &str,
    ron: bool,
) -> Option<Difference> {
    let mut exp = expected.split_inclusive('\n');
    let mut got = found.split_inclusive('\n');
    let mut line: usize = 0;
    loop {
        line += 1;
        let (e, g) = (exp.next(), got.next());
        if e == g {
            e?;
            continue;
        }
        let entry = if ron {
            ron_entry(replayed, found)
        } else {
            line.checked_sub(2).map(|k| k as u64)
        };
        let entry = entry
            .and_then(|id| replayed.entries.get(id as usize))
            .map(|en| (en.id, en.at));
        let (what, col) = match (e, g) {
            (Some(_), None) => ("the file ends here; the replay goes on".to_string(), 0),
            (None, Some(_)) => ("the replay ends here; the file goes on".to_string(), 0),
            (Some(a), Some(b)) if a.trim_end_matches('\n') == b.trim_end_matches('\n') => (
                "the line's end differs (a newline is missing or extra)".to_string(),
                0,
            ),
            (Some(a), Some(b)) => {
                let col = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
                (
                    format!("first difference from the replay, column {}", col + 1),
                    col,
                )
            }
            (None, None) => return None,
        };
        return Some(Difference {
            path: path.to_path_buf(),
            line,
            entry,
            what,
            expected: e.map(|t| excerpt(t, col)),
            found: g.map(|t| excerpt(t, col)),
        });
    }
}

/// The first entry of a RON journal that differs from the replay's, by value.
fn ron_entry(replayed: &Journal, found: &str) -> Option<u64> {
    let file = Journal::from_ron(found).ok()?;
    let n = replayed.entries.len().min(file.entries.len());
    let k = (0..n)
        .find(|&i| replayed.entries[i] != file.entries[i])
        .unwrap_or(n);
    Some(k as u64)
}

/// The line of entry `id` in pretty RON (its `id: N,` line), or 1.
pub(super) fn ron_line(text: &str, id: u64) -> usize {
    let want = format!("id: {id},");
    text.lines()
        .position(|l| l.trim() == want)
        .map_or(1, |k| k + 1)
}

/// Up to 120 characters of `line` around character `col`, escaped.
fn excerpt(line: &str, col: usize) -> String {
    let chars: Vec<char> = line.trim_end_matches('\n').chars().collect();
    let from = col.saturating_sub(40);
    let to = (from + 120).min(chars.len());
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    out.extend(chars[from.min(to)..to].iter().flat_map(|c| shown(*c)));
    if to < chars.len() {
        out.push('…');
    }
    out
}

/// A character as shown in a message: control characters escaped.
pub(crate) fn shown(c: char) -> impl Iterator<Item = char> {
    let escaped = c.is_control().then(|| c.escape_default());
    let plain = (!c.is_control()).then_some(c);
    escaped.into_iter().flatten().chain(plain)
}
