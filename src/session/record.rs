//! The records of `commands.jsonl` and reading them back, recovering a damaged end.

use super::error::SessionError;
use crate::engine::Command;
use crate::scenario::{Secs, duration};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::path::{Path, PathBuf};

/// A command with the exercise time it was given at.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimedCommand {
    pub at: Secs,
    pub command: Command,
}

/// One line of `commands.jsonl`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// 0, 1, 2 ... in order: a missing or repeated line is noticed.
    pub n: u64,
    /// Exercise time in seconds; never goes back.
    pub at: Secs,
    pub kind: RecordKind,
}

/// What a record says.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum RecordKind {
    /// An accepted command: replay applies it at `at`.
    Command(Command),
    /// A command the engine refused; it changed nothing and replay skips it.
    Refused { command: Command, error: String },
    /// The exercise clock reached `at`; a resumed session stands there.
    Clock,
    /// The session ended at `at`; `journal.jsonl` holds its journal.
    End,
}

/// The damaged last record of a file, dropped on recovery.
#[derive(Debug, Clone, PartialEq)]
pub struct Dropped {
    pub path: PathBuf,
    /// 1-based line of the damaged record.
    pub line: usize,
    /// How many bytes were dropped.
    pub bytes: usize,
    /// Why it could not be read.
    pub reason: String,
    /// The exercise time the record names, when that much of it survived.
    pub at: Option<Secs>,
    /// The start of the dropped text (escaped, at most 80 characters).
    pub preview: String,
    /// Whole records kept.
    pub kept: usize,
}

impl fmt::Display for Dropped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}: the last record was damaged ({})",
            self.path.display(),
            self.line,
            self.reason
        )?;
        if let Some(at) = self.at {
            write!(f, "; it was a record at {}", duration::clock(at))?;
        }
        write!(
            f,
            "; dropped {} bytes `{}`; kept the {} whole records before it",
            self.bytes, self.preview, self.kept
        )
    }
}

/// The records of a file, where its whole part ends, and what was dropped after it.
#[derive(Debug, Clone)]
pub(crate) struct Parsed {
    /// Each record with its 1-based line.
    pub records: Vec<(usize, Record)>,
    /// Byte length of the whole records (with the newline after the last one, if any).
    pub whole_len: usize,
    /// Whether the whole part lacks its final newline (a last record cut just before it).
    pub needs_newline: bool,
    pub dropped: Option<Dropped>,
}

impl Parsed {
    /// The records, without their lines.
    pub(crate) fn records(&self) -> impl Iterator<Item = &Record> {
        self.records.iter().map(|(_, r)| r)
    }

    /// The session ended: an end record is there.
    pub(crate) fn ended(&self) -> bool {
        self.records().any(|r| r.kind == RecordKind::End)
    }

    /// Time of the last record (0 with none).
    pub(crate) fn until(&self) -> Secs {
        self.records.last().map_or(0, |(_, r)| r.at)
    }
}

/// Blank for recovery: whitespace, or the zero bytes a power cut can leave.
fn blank(line: &[u8]) -> bool {
    line.iter().all(|b| b.is_ascii_whitespace() || *b == 0)
}

/// Read `commands.jsonl`. A bad last record is dropped (reported in
/// [`Parsed::dropped`]); a bad record with whole ones after it is an error.
pub(crate) fn parse(path: &Path, bytes: &[u8]) -> Result<Parsed, SessionError> {
    let mut lines = Vec::new();
    let mut start = 0;
    while start < bytes.len() {
        let end = bytes[start..]
            .iter()
            .position(|b| *b == b'\n')
            .map_or(bytes.len(), |k| start + k + 1);
        lines.push((start, end));
        start = end;
    }
    let mut out = Parsed {
        records: Vec::new(),
        whole_len: 0,
        needs_newline: false,
        dropped: None,
    };
    for (i, &(s, e)) in lines.iter().enumerate() {
        let raw = &bytes[s..e];
        if blank(raw) {
            continue;
        }
        let line = i + 1;
        let last = out.records.last().map(|(_, r)| r);
        match read_one(raw, out.records.len() as u64, last.map_or(0, |r| r.at)) {
            Ok(record) => {
                out.records.push((line, record));
                out.whole_len = e;
                out.needs_newline = raw.last() != Some(&b'\n');
            }
            Err((message, eof)) => {
                let rest_blank = lines[i + 1..].iter().all(|&(s2, e2)| blank(&bytes[s2..e2]));
                // Only a provably torn tail is dropped: a record cut off before its
                // line ended, or zero bytes a power cut left. Anything else (a whole
                // line that is not a record, a number out of turn) is refused as is.
                let zeros = raw.contains(&0);
                let cut = eof && raw.last() != Some(&b'\n');
                if !rest_blank || !(cut || zeros) {
                    return Err(SessionError::Corrupt {
                        path: path.to_path_buf(),
                        line,
                        message,
                    });
                }
                let reason = if zeros {
                    "zero bytes, as a power cut can leave"
                } else {
                    "cut off mid-record"
                }
                .to_string();
                out.dropped = Some(Dropped {
                    path: path.to_path_buf(),
                    line,
                    bytes: bytes.len() - out.whole_len,
                    reason,
                    at: at_prefix(raw),
                    preview: preview(raw),
                    kept: out.records.len(),
                });
                return Ok(out);
            }
        }
    }
    // Only blank lines (or none) after the whole part: nothing worth reporting.
    if bytes[out.whole_len..].contains(&0) {
        let line = lines
            .iter()
            .position(|&(s, _)| s >= out.whole_len)
            .map_or(lines.len(), |k| k + 1);
        out.dropped = Some(Dropped {
            path: path.to_path_buf(),
            line,
            bytes: bytes.len() - out.whole_len,
            reason: "zero bytes, as a power cut can leave".to_string(),
            at: None,
            preview: preview(&bytes[out.whole_len..]),
            kept: out.records.len(),
        });
    }
    Ok(out)
}

/// One record, checked for its number and time; on error the message and whether
/// the text ended early.
fn read_one(raw: &[u8], n: u64, last_at: Secs) -> Result<Record, (String, bool)> {
    // Cut inside a character: the text ended early.
    let text = std::str::from_utf8(raw)
        .map_err(|e| (format!("not UTF-8: {e}"), e.error_len().is_none()))?;
    let record: Record =
        serde_json::from_str(text.trim_end()).map_err(|e| (e.to_string(), e.is_eof()))?;
    if record.n != n {
        return Err((
            format!(
                "record number {} where {n} was due (a record is missing or repeated)",
                record.n
            ),
            false,
        ));
    }
    if record.at > duration::LONGEST {
        let msg = format!(
            "time {} is past the longest an exercise may last ({})",
            record.at,
            duration::format(duration::LONGEST)
        );
        return Err((msg, false));
    }
    if record.at < last_at {
        let msg = format!(
            "time goes back from {} to {}",
            duration::clock(last_at),
            duration::clock(record.at)
        );
        return Err((msg, false));
    }
    Ok(record)
}

/// The `"at":N` near the start of a damaged record, if it survived.
fn at_prefix(raw: &[u8]) -> Option<Secs> {
    let text = String::from_utf8_lossy(raw);
    let from = text.find("\"at\":")? + 5;
    let digits: String = text[from..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let complete = text[from + digits.len()..].starts_with([',', '}']);
    if complete { digits.parse().ok() } else { None }
}

fn preview(raw: &[u8]) -> String {
    let text = String::from_utf8_lossy(raw);
    let mut out: String = text
        .trim_end_matches(['\n', '\r'])
        .chars()
        .take(80)
        .flat_map(super::verify::shown)
        .collect();
    if text.chars().count() > 80 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(n: u64, at: Secs) -> String {
        let r = Record {
            n,
            at,
            kind: RecordKind::Command(Command::Note(format!("note {n}"))),
        };
        format!("{}\n", serde_json::to_string(&r).unwrap_or_default())
    }

    fn p(text: &str) -> Result<Parsed, SessionError> {
        parse(Path::new("commands.jsonl"), text.as_bytes())
    }

    #[test]
    fn reads_whole_records() {
        let text = format!("{}{}", line(0, 5), line(1, 9));
        let got = p(&text).expect("reads");
        assert_eq!(got.records.len(), 2);
        assert_eq!(got.whole_len, text.len());
        assert!(got.dropped.is_none() && !got.needs_newline);
    }

    #[test]
    fn a_record_cut_off_is_dropped_with_a_message() {
        let whole = format!("{}{}", line(0, 5), line(1, 3600));
        let cut = &line(2, 3700)[..20];
        let got = p(&format!("{whole}{cut}")).expect("recovers");
        assert_eq!(got.records.len(), 2);
        assert_eq!(got.whole_len, whole.len());
        let d = got.dropped.expect("dropped");
        assert_eq!((d.line, d.bytes, d.at), (3, 20, Some(3700)));
        assert_eq!(
            d.to_string(),
            "commands.jsonl:3: the last record was damaged (cut off mid-record); it was a record at 1:01:40; \
             dropped 20 bytes `{\"n\":2,\"at\":3700,\"ki`; kept the 2 whole records before it"
        );
    }

    #[test]
    fn garbage_in_the_middle_is_an_error_with_its_line() {
        let text = format!("{}{{garbage\n{}", line(0, 5), line(1, 9));
        let err = p(&text).expect_err("refused");
        assert!(
            err.to_string()
                .starts_with("commands.jsonl:2: damaged record in the middle of the file"),
            "{err}"
        );
    }

    #[test]
    fn only_a_torn_tail_is_dropped() {
        let whole = format!("{}{}", line(0, 5), line(1, 9));
        // A whole line that is not a record: refused, not dropped.
        let err = p(&format!("{whole}{{\"format\":2}}\n")).expect_err("refused");
        assert!(err.to_string().contains(":3: damaged record"), "{err}");
        // A last record numbered out of turn is whole, too.
        let err = p(&format!("{whole}{}", line(5, 9))).expect_err("refused");
        assert!(err.to_string().contains("record number 5"), "{err}");
        // Cut inside a character.
        let cut = line(2, 12).replace("note 2", "note 観");
        let k = cut.find('観').expect("the character") + 1;
        let bytes = [whole.as_bytes(), &cut.as_bytes()[..k]].concat();
        let got = parse(Path::new("commands.jsonl"), &bytes).expect("recovers");
        assert_eq!(got.records.len(), 2);
        assert!(
            got.dropped
                .is_some_and(|d| d.reason == "cut off mid-record")
        );
    }

    #[test]
    fn a_missing_record_is_noticed() {
        let text = format!("{}{}", line(0, 5), line(2, 9));
        let err = p(&format!("{text}{}", line(3, 9))).expect_err("refused");
        assert!(err.to_string().contains(":2: damaged record"), "{err}");
        assert!(
            err.to_string().contains("record number 2 where 1 was due"),
            "{err}"
        );
    }

    #[test]
    fn zero_bytes_at_the_end_are_dropped() {
        let text = format!("{}\0\0\0\0", line(0, 5));
        let got = p(&text).expect("recovers");
        assert_eq!(got.records.len(), 1);
        let d = got.dropped.expect("dropped");
        assert_eq!(d.bytes, 4);
        assert!(d.reason.contains("zero bytes"), "{}", d.reason);
    }

    #[test]
    fn a_last_record_without_its_newline_is_kept() {
        let text = format!("{}{}", line(0, 5), line(1, 9).trim_end());
        let got = p(&text).expect("reads");
        assert_eq!(got.records.len(), 2);
        assert!(got.needs_newline && got.dropped.is_none());
    }

    #[test]
    fn an_empty_file_has_no_records() {
        let got = p("").expect("reads");
        assert!(got.records.is_empty() && got.dropped.is_none());
    }
}
