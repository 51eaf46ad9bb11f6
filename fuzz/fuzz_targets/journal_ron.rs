//! Fuzz target: journals as RON (see `crossdrill_fuzz::journal_ron`).

fn main() {
    afl::fuzz!(|data: &[u8]| crossdrill_fuzz::journal_ron(data));
}
