//! Fuzz target: journals as JSON Lines (see `crossdrill_fuzz::journal_jsonl`).

fn main() {
    afl::fuzz!(|data: &[u8]| crossdrill_fuzz::journal_jsonl(data));
}
