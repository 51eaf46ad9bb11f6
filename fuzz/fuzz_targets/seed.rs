//! Fuzz target: seed files (see `crossdrill_fuzz::seed_file`).

fn main() {
    afl::fuzz!(|data: &[u8]| crossdrill_fuzz::seed_file(data));
}
