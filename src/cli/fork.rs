//! `crossdrill fork --commands`: play a scripted play on a fork to the end, then
//! print its scores beside the original's, measure by measure.

use super::replay::fail;
use super::say::{error, say};
use crate::engine::Journal;
use crate::report::fmt;
use crate::scenario::{Scenario, Secs, duration};
use crate::scoring::compare::{Comparison, Measure, scored_to};
use crate::session::script::{self, Planned};
use crate::session::{Recovered, past_journal};
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

/// A play to run on a fork, and the original run it is compared with.
pub(super) struct WhatIf {
    steps: Vec<Planned>,
    scenario: Arc<Scenario>,
    original: Journal,
}

/// Read the past run at `from` and the scripted play `play` against its scenario
/// (before anything is written); on a problem, say where and give the exit status.
pub(super) fn load_play(
    from: &Path,
    scenario: Option<&Path>,
    play: &Path,
) -> Result<WhatIf, ExitCode> {
    let name = play.display().to_string();
    let text = crate::files::read_to_string(play).map_err(|e| {
        eprintln!(
            "{}",
            error("cli-cannot-read", &[("file", &name), ("error", &e)])
        );
        ExitCode::from(2)
    })?;
    let (scenario, original) = past_journal(from, scenario).map_err(|e| fail(&e))?;
    let steps = script::parse(&name, &text, &scenario).map_err(|problems| {
        problems.iter().for_each(|p| eprintln!("{p}"));
        ExitCode::from(2)
    })?;
    Ok(WhatIf {
        steps,
        scenario,
        original,
    })
}

/// Play the steps of `w` from `at` on on the fork `r` to the scenario's end, finish
/// the session, and print the comparison with the original run.
pub(super) fn play_and_compare(mut r: Recovered, at: Secs, w: &WhatIf) -> ExitCode {
    for step in w.steps.iter().filter(|s| s.at >= at) {
        r.engine.advance_to(step.at);
        let command = step.command_for(&r.engine);
        match r.session.apply(&mut r.engine, command) {
            Ok(Ok(_)) => {}
            Ok(Err(e)) => eprintln!(
                "{}",
                say("cli-refused", &[("place", &step.place), ("error", &e)])
            ),
            Err(e) => return fail(&e),
        }
    }
    r.engine.run_to_end();
    if let Err(e) = r.session.finish(&r.engine) {
        return fail(&e);
    }
    match compare(w, r.engine.journal(), at) {
        Some(c) => {
            print(&w.scenario, &c);
            ExitCode::SUCCESS
        }
        None => {
            eprintln!("{}", error("cli-fork-not-original", &[]));
            ExitCode::from(2)
        }
    }
}

fn compare(w: &WhatIf, fork: &Journal, at: Secs) -> Option<Comparison> {
    let (s, original) = (&w.scenario, &w.original);
    if !Comparison::forks_from(original, fork, at) {
        return None;
    }
    let end = original.end(s.duration).min(fork.end(s.duration));
    let (a, b) = (scored_to(s, original, end)?, scored_to(s, fork, end)?);
    Some(Comparison::of_cards(s, at, end, &a, &b))
}

/// Print the comparison (a closed pipe is not an error: the reader had enough).
fn print(s: &Scenario, c: &Comparison) {
    let (end, at) = (duration::clock(c.end), duration::clock(c.at));
    let mut out = say("cli-compared", &[("end", &end), ("at", &at)]) + "\n";
    let _ = writeln!(
        out,
        "  {:<40} {:>12} {:>12} {:>12}",
        say("cli-measure", &[]),
        say("cli-original", &[]),
        say("cli-fork", &[]),
        say("cli-change", &[])
    );
    for row in &c.rows {
        let name = match row.measure {
            Measure::Score => say("cli-measure-score", &[]),
            Measure::Lost => say("cli-measure-lost", &[]),
            Measure::Avoided => say("cli-measure-avoided", &[]),
            Measure::Team(t) => say("cli-measure-team", &[("team", &s.teams[t.idx()].id)]),
            Measure::Incident(t) => say(
                "cli-measure-incident",
                &[("threat", &s.threats[t.idx()].id)],
            ),
        };
        let shown = |x: f64| match row.measure {
            Measure::Lost => fmt::whole(x),
            _ => fmt::num(x),
        };
        let value = |v: Option<f64>| v.map_or("-".to_string(), shown);
        let change = match (row.original, row.fork) {
            (Some(a), Some(b)) if b >= a => format!("+{}", shown(b - a)),
            (Some(a), Some(b)) => format!("-{}", shown(a - b)),
            _ => "-".into(),
        };
        let _ = writeln!(
            out,
            "  {:<40} {:>12} {:>12} {:>12}",
            name,
            value(row.original),
            value(row.fork),
            change
        );
    }
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
}
