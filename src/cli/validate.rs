//! `crossdrill validate PATH...`: every problem, compiler-style, or a summary per file.

use crate::scenario::{self, Mode, duration};
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
                    Mode::Seed => println!(
                        "{name}: ok (seed): {} sectors, {} severity levels, {} templates, {}",
                        s.sectors.len(),
                        s.severity.iter().filter(|l| !l.name.en.is_empty()).count(),
                        loaded.templates,
                        if loaded.has_chain {
                            "a reporting chain"
                        } else {
                            "no reporting chain"
                        },
                    ),
                    Mode::Scenario => println!(
                        "{name}: ok: `{}`, {} teams, {} services, {} dependencies, {} injects, {} threats, {} actions, duration {}",
                        s.id,
                        s.teams.len(),
                        s.services.len(),
                        s.dependencies.len(),
                        s.injects.len(),
                        s.threats.len(),
                        s.actions.len(),
                        duration::format(s.duration),
                    ),
                }
            }
            Err(problems) => {
                failed += 1;
                eprintln!("{problems}");
                let n = problems.errors().count();
                eprintln!(
                    "{}: {n} error{} found",
                    path.display(),
                    if n == 1 { "" } else { "s" }
                );
            }
        }
    }
    if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}
