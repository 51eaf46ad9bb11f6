//! `crossdrill validate PATH...`: every problem, compiler-style, or a summary per file.

use super::say::say;
use crate::scenario::{self, Mode, duration};
use crate::words::{Arg, default_lang, say_with};
use std::fmt::Display;
use std::path::PathBuf;
use std::process::ExitCode;

/// Check each file; print problems (errors and warnings) or a one-line summary.
pub(super) fn run(paths: &[PathBuf]) -> ExitCode {
    let mut failed = 0;
    for path in paths {
        match scenario::load_path(path) {
            Ok(loaded) => {
                for w in &loaded.warnings {
                    eprintln!("{w}");
                }
                let s = &loaded.scenario;
                let name = path.display();
                match scenario::mode_for(path) {
                    Mode::Seed => {
                        let levels = s.severity.iter().filter(|l| !l.name.en.is_empty()).count();
                        let chain = say(
                            if loaded.has_chain {
                                "cli-seed-chain"
                            } else {
                                "cli-seed-no-chain"
                            },
                            &[],
                        );
                        let args: [(&str, &dyn Display); 5] = [
                            ("file", &name),
                            ("sectors", &s.sectors.len()),
                            ("levels", &levels),
                            ("templates", &loaded.templates),
                            ("chain", &chain),
                        ];
                        println!("{}", say("cli-valid-seed", &args));
                    }
                    Mode::Scenario => {
                        let duration = duration::format(s.duration);
                        let d = &loaded.design;
                        let args: [(&str, &dyn Display); 11] = [
                            ("file", &name),
                            ("id", &s.id),
                            ("teams", &s.teams.len()),
                            ("services", &s.services.len()),
                            ("dependencies", &s.dependencies.len()),
                            ("injects", &s.injects.len()),
                            ("threats", &s.threats.len()),
                            ("actions", &s.actions.len()),
                            ("duration", &duration),
                            ("objectives", &d.objectives.len()),
                            ("expected", &d.expectations.len()),
                        ];
                        println!("{}", say("cli-valid", &args));
                    }
                }
            }
            Err(problems) => {
                failed += 1;
                eprintln!("{problems}");
                let n = problems.errors().count();
                let file = path.display().to_string();
                let args = [("file", Arg::Str(&file)), ("n", Arg::Num(n as f64))];
                eprintln!("{}", say_with(default_lang(), "cli-errors-found", &args));
            }
        }
    }
    if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
