//! `crossdrill lint SCENARIO`: design problems in a scenario that loads (injects that
//! can never fire, deadlines the chain cannot meet ...), compiler-style, and a summary.

use super::say::say;
use crate::lint::{lint_runs, lint_static};
use crate::scenario::{self, Locator, Problem, ProblemKind};
use crate::words::{Arg, default_lang, say_with};
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

/// Options of `crossdrill lint`.
#[derive(Debug, Args)]
pub struct LintArgs {
    /// The scenario file to check.
    pub scenario: PathBuf,
    /// How many seeded runs the run-based findings play, for textbook and for absent
    /// bot teams each (0: the static findings only).
    #[arg(long, value_name = "N", default_value_t = 200)]
    pub runs: u32,
}

/// The inject a static "can never fire" finding is about.
fn never_fires(p: &Problem) -> Option<String> {
    match &p.kind {
        ProblemKind::NeverFires { inject, .. } => Some(inject.clone()),
        _ => None,
    }
}

/// The reason an author gave for a finding at `line` being intended: a comment
/// `// lint: intended: REASON` among the comment lines (or bare opening brackets)
/// right above it.
fn intended(text: &str, line: usize) -> Option<String> {
    let lines: Vec<&str> = text.lines().collect();
    let above = lines.get(..line.saturating_sub(1))?;
    for l in above.iter().rev().map(|l| l.trim()) {
        if let Some(c) = l.strip_prefix("//") {
            if let Some((_, why)) = c.split_once("lint: intended:") {
                return Some(why.trim().to_owned());
            }
        } else if l != "(" {
            return None;
        }
    }
    None
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
    let mut findings = lint_static(&loaded, &at);
    if args.runs > 0 {
        let statics: Vec<String> = findings.iter().filter_map(never_fires).collect();
        let runs = lint_runs(&loaded, &at, args.runs.into(), 0);
        findings.extend(runs.into_iter().filter(|p| {
            let ProblemKind::NeverFired { inject, .. } = &p.kind else {
                return true;
            };
            !statics.contains(inject)
        }));
    }
    let mut texts = std::collections::HashMap::new();
    findings.retain(|p| {
        let text = texts
            .entry(p.file.clone())
            .or_insert_with(|| crate::files::read_to_string(p.file.as_ref()).unwrap_or_default());
        match intended(text, p.pos.line) {
            Some(why) => {
                let args = [
                    (
                        "place",
                        Arg::Str(&format!("{}:{}:{}", p.file, p.pos.line, p.pos.col)),
                    ),
                    ("why", Arg::Str(&why)),
                ];
                eprintln!("{}", say_with(default_lang(), "cli-lint-intended", &args));
                false
            }
            None => true,
        }
    });
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
