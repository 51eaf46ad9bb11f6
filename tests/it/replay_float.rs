//! Replay with arbitrary capacities: an override at any f64 (a slider's value, not
//! only thousandths) must come back from JSON bit for bit, or replay would differ.

use crossdrill::engine::{Command, Engine};
use crossdrill::scenario::ServiceId;
use crossdrill::session::{Session, Verdict, verify};
use std::path::Path;

const SCENARIO: &str = "scenarios/games-time-blackout.scenario.ron";

#[test]
fn overrides_at_arbitrary_capacities_replay_byte_identical() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("replay_float");
    let _ = std::fs::remove_dir_all(&dir);
    let text = std::fs::read_to_string(SCENARIO).expect("scenario");
    let mut s = Session::create(&dir, SCENARIO, &text, 1).expect("created");
    let mut engine = Engine::new(s.scenario().clone(), 1);
    let mut x = 0x2545_f491_4f6c_dd1d_u64;
    for k in 0..200u64 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let capacity = (x >> 11) as f64 / (1u64 << 53) as f64;
        engine.advance_to(60 * k);
        let service = ServiceId((k % 5) as u32);
        let cmd = Command::Override {
            service,
            capacity: Some(capacity),
        };
        s.apply(&mut engine, cmd)
            .expect("recorded")
            .expect("accepted");
    }
    s.finish(&engine).expect("finished");
    match verify(&dir, None).expect("replays") {
        Verdict::Same(_) => {}
        Verdict::Differs(d) => panic!("{d}"),
    }
}
