//! Crash-safe exercise sessions on disk, scripted plays, replay checks and forks.
//! Below the CLI and the app (both use it); it uses the engine and the scenario,
//! never bevy, egui or the CLI.
//!
//! The engine does no I/O; this module keeps a run on disk as it goes, so that a
//! crash, a kill or a power cut loses nothing a player or the facilitator did.
//! Only the *commands* are written: the events are re-derived by replay (scenario +
//! seed + commands give the same journal), so each write is one small line.
//!
//! # A session folder
//!
//! - `session.json`: the [`Header`] (format, scenario id, seed, `created` in seconds
//!   since 1970 UTC, the scenario file it came from, and `forked_from`
//!   (path, at) for a fork). Written last on creation (write, sync, rename): a
//!   folder is a session once it has this file.
//! - `scenario.ron`: the scenario text as given, or, when it includes files beside
//!   it, a self-contained copy; the session replays even if the original changes.
//! - `commands.jsonl`: append-only, one [`Record`] per line, each line written in one
//!   go and synced (`sync_data`) before [`Session::record`] returns:
//!   `{"n":0,"at":2760,"kind":{"Command":{"Send":{...}}}}`. Kinds: `Command`
//!   (accepted; replayed), `Refused` (kept for the record; skipped), `Clock` (the
//!   exercise clock reached `at`), `End`. `n` counts 0, 1, 2 ... and `at` never goes
//!   back, so a missing or repeated line is noticed.
//! - `journal.jsonl`: the full engine journal, written by [`Session::finish`].
//! - `commands.dropped`: what recovery cut from a damaged end, kept for inspection.
//!
//! A provably torn *last* record (cut off mid-write, or zero bytes after a power cut)
//! is dropped on reading, with a [`Dropped`] message saying what it was; any other
//! damaged record (in the middle, or a whole last line that is not a record) is an
//! error with `file:line`, and nothing is changed. `session.json` records the
//! scenario copy's content hash: a copy edited afterwards is refused.
//!
//! # API
//!
//! - [`Session::create`]`(dir, scenario_file, scenario_text, seed)`; then run an
//!   [`Engine`](crate::engine::Engine) from [`Session::scenario`] and
//!   [`Session::seed`], and for each command either [`Session::apply`] (apply at
//!   the engine's time and record it) or apply yourself and [`Session::record`] a
//!   [`TimedCommand`] (and [`Session::record_refused`]). Call [`Session::mark_time`]
//!   now and then (e.g. each exercise minute) so a resumed session stands where the
//!   clock was; [`Session::finish`] at the end.
//! - [`Session::open`]`(dir) -> `[`Recovered`]: the session replayed into an engine
//!   standing at its last record, open for appending, and what was dropped.
//! - [`resumable`]`(root)` / [`list`]`(root)`: sessions newest first, for "resume?";
//!   [`default_root`] and [`new_dir`] for where to put a new one.
//! - [`fork`]`(from, at, new_dir, scenario)`: "play from here": a new session from
//!   the moment `at` of a session or journal file, returned open.
//! - [`script::parse`]`(file, text, scenario)`: a scripted play (README, "Scripted
//!   plays") as timed commands, every problem with `file:line:column`.
//! - [`verify`]`(path, scenario)`: replay a session or a journal file written by
//!   `crossdrill run --journal` (JSON Lines or RON) and compare byte for byte:
//!   [`Verdict::Same`] with a summary, or [`Verdict::Differs`] with the first
//!   [`Difference`] (file, line, entry, expected and found).

mod bounds;
mod crash;
mod error;
mod fork;
mod header;
mod list;
mod past;
mod record;
pub mod script;
mod store;
mod stored;
mod trust;
mod verify;

pub use bounds::{Bad, IdFault, OutOfRange, check_bounds};
pub use error::SessionError;
pub use fork::fork;
#[cfg(feature = "net")]
pub(crate) use header::write_atomic as write_whole;
pub use header::{ForkedFrom, Header, SESSION_FORMAT, utc_text};
pub use list::{Listed, Summary, default_root, discard_unused, list, new_dir, resumable};
pub use past::past_journal;
/// For the app's debrief, which reads past runs the same way.
#[cfg(feature = "gui")]
pub(crate) use past::{Past, open_past};
pub use record::{Dropped, Record, RecordKind, TimedCommand};
pub use store::{Recovered, Session};
pub use trust::{Untrusted, check_journal};
pub use verify::{Difference, Replayed, Verdict, verify};
