//! A crash on purpose at an exact point, for the tests that stop a session there:
//! with `CROSSDRILL_ABORT_AFTER=N` in the environment, the process aborts (as a crash
//! does: no unwinding, nothing flushed, no end record) right after the session's N-th
//! command is on disk. Unset, nothing happens.

use std::sync::OnceLock;

/// The environment variable that names the command to crash after.
const ABORT_AFTER: &str = "CROSSDRILL_ABORT_AFTER";

/// Called with the session's command count once a command's record is synced.
pub(super) fn after_command(count: u64) {
    static AT: OnceLock<Option<u64>> = OnceLock::new();
    let at = AT.get_or_init(|| std::env::var(ABORT_AFTER).ok()?.trim().parse().ok());
    if *at == Some(count) {
        eprintln!("{ABORT_AFTER}={count}: aborting after command {count}");
        std::process::abort();
    }
}
