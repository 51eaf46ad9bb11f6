//! What the integration tests share: running the `crossdrill` binary, places on disk
//! for the files it writes, and a seeded generator for their own random choices.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Run the binary with `args` in the package folder.
pub fn crossdrill(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_crossdrill"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs")
}

/// Run the binary with `args`; it must succeed (what it said on standard error shows
/// where it did not).
pub fn succeeds(args: &[&str]) -> Output {
    let out = crossdrill(args);
    assert!(out.status.success(), "{}", text(&out.stderr));
    out
}

/// Bytes the binary wrote, as text.
pub fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Run the binary: its exit code (-1 when a signal ended it) and all it said, standard
/// output first.
pub fn said(args: &[&str]) -> (i32, String) {
    let out = crossdrill(args);
    let all = format!("{}{}", text(&out.stdout), text(&out.stderr));
    (out.status.code().unwrap_or(-1), all)
}

/// `crossdrill run` of `scenario` with the play `commands` and seed 7, its journal
/// written to `journal`; the run must succeed.
pub fn run_to_journal(scenario: &str, commands: &str, journal: &Path) {
    let (code, out) = said(&[
        "run",
        scenario,
        "--seed",
        "7",
        "--commands",
        commands,
        "--journal",
        journal.to_str().expect("utf-8 path"),
    ]);
    assert_eq!(code, 0, "{out}");
}

/// A fresh, empty folder `name` in the target's folder for test files.
pub fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

/// The file `name` in this run's temporary folder for the tests of `area` (shared by
/// them, never emptied).
pub fn temp_file(area: &str, name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("crossdrill-{area}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir.join(name)
}

/// SplitMix64: a small seeded generator for the tests' own choices.
pub struct Rand(pub u64);

impl Rand {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    pub fn pick<T: Copy>(&mut self, xs: &[T]) -> Option<T> {
        (!xs.is_empty()).then(|| xs[self.below(xs.len())])
    }
}
