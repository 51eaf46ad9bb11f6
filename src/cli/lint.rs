//! `crossdrill lint SCENARIO`: design problems in a scenario that loads (injects that
//! can never fire, deadlines the chain cannot meet ...), compiler-style, and a summary.

use super::say::say;
use crate::lint::lint_static;
use crate::scenario::{self, Locator};
use crate::words::{Arg, default_lang, say_with};
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

/// Options of `crossdrill lint`.
#[derive(Debug, Args)]
pub struct LintArgs {
    /// The scenario file to check.
    pub scenario: PathBuf,
    /// How many seeded runs the run-based findings play.
    #[arg(long, value_name = "N", default_value_t = 200)]
    pub runs: u32,
}

/// Load the scenario and print its findings: exit 0 with none, 2 with some, 1 when it
/// does not load.
pub(super) fn run(args: &LintArgs) -> ExitCode {
    let path = &args.scenario;
    let file = path.display().to_string();
    let loaded = match scenario::load_path(path) {
        Ok(loaded) => loaded,
        Err(problems) => {
            eprintln!("{problems}");
            let n = problems.errors().count();
            let args = [("file", Arg::Str(&file)), ("n", Arg::Num(n as f64))];
            eprintln!("{}", say_with(default_lang(), "cli-errors-found", &args));
            return ExitCode::FAILURE;
        }
    };
    let at = Locator::read(path);
    let findings = lint_static(&loaded, &at);
    // The run-based half (`run_findings`, over `args.runs` seeded runs) joins its
    // findings to these here.
    for p in &findings {
        eprintln!("{p}");
    }
    if findings.is_empty() {
        println!("{}", say("cli-lint-clean", &[("file", &file)]));
        ExitCode::SUCCESS
    } else {
        let args = [
            ("file", Arg::Str(&file)),
            ("n", Arg::Num(findings.len() as f64)),
        ];
        println!("{}", say_with(default_lang(), "cli-lint-findings", &args));
        ExitCode::from(2)
    }
}
