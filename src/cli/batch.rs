//! `crossdrill batch SCENARIO --runs N ...`: many scored runs with bot teams on every
//! core, with a progress bar (or plain lines off a terminal), into a calibration
//! folder; `crossdrill batch merge DIR... --out DIR` adds up separate batches.

use super::run::read_plan_text;
use super::say::{error, say};
use crate::batch::{self, MergeError, Spec};
use crate::bots::Cast;
use crate::scenario::{Lang, load_path};
use clap::{Args, Subcommand};
use std::io::IsTerminal;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// Options of `crossdrill batch`.
#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct BatchArgs {
    #[command(subcommand)]
    pub merge: Option<BatchCommand>,
    /// The scenario file.
    #[arg(required = true)]
    pub scenario: Option<PathBuf>,
    /// How many runs (seeds 1..=N unless --seeds says otherwise).
    #[arg(long)]
    pub runs: Option<u64>,
    /// The seeds to run, `A..B` (B not included) or `A..=B`: one shard of a larger
    /// calibration.
    #[arg(long, value_name = "A..B")]
    pub seeds: Option<String>,
    /// Bot teams: `textbook`, `realistic`, `absent`, or `team=PROFILE,...` (default:
    /// textbook for every team the scripted play does not play).
    #[arg(long, value_name = "CAST")]
    pub bots: Option<String>,
    /// A scripted play for the teams bots do not play (README, "Scripted plays").
    #[arg(long, value_name = "FILE")]
    pub commands: Option<PathBuf>,
    /// Worker threads (default: one per core).
    #[arg(long, default_value_t = 0)]
    pub jobs: usize,
    /// The folder to write the calibration into.
    #[arg(long, required = true)]
    pub out: Option<PathBuf>,
    /// Language of the report: en or ja (default: the scenario's).
    #[arg(long, value_parser = ["en", "ja"])]
    pub lang: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum BatchCommand {
    /// Add up batches of one calibration run separately (other seed ranges).
    Merge {
        /// Folders written by `crossdrill batch`.
        #[arg(required = true)]
        dirs: Vec<PathBuf>,
        #[arg(long)]
        out: PathBuf,
        #[arg(long, value_parser = ["en", "ja"])]
        lang: Option<String>,
    },
}

/// `A..B` or `A..=B`.
pub(crate) fn parse_seeds(text: &str) -> Option<Range<u64>> {
    let (a, b, inclusive) = match text.split_once("..=") {
        Some((a, b)) => (a, b, true),
        None => text.split_once("..").map(|(a, b)| (a, b, false))?,
    };
    let (a, b): (u64, u64) = (a.trim().parse().ok()?, b.trim().parse().ok()?);
    let b = if inclusive { b.checked_add(1)? } else { b };
    (a < b).then_some(a..b)
}

pub fn run(args: &BatchArgs) -> ExitCode {
    if let Some(BatchCommand::Merge { dirs, out, lang }) = &args.merge {
        return merge(dirs, out, lang.as_deref());
    }
    let (Some(path), Some(out)) = (&args.scenario, &args.out) else {
        return ExitCode::from(2);
    };
    let loaded = match load_path(path) {
        Ok(l) => l,
        Err(problems) => {
            eprint!("{problems}");
            return ExitCode::from(1);
        }
    };
    let scenario = Arc::new(loaded.scenario);
    let seeds = match (&args.seeds, args.runs) {
        (Some(text), runs) => match parse_seeds(text) {
            Some(r) if runs.is_none_or(|n| n == r.end - r.start) => r,
            Some(_) => return fail("cli-batch-runs-seeds", &[]),
            None => return fail("cli-batch-bad-seeds", &[("text", text)]),
        },
        (None, Some(n)) if n > 0 => 1..n + 1,
        (None, _) => return fail("cli-batch-no-runs", &[]),
    };
    let (plan, plan_text) = match &args.commands {
        None => (Vec::new(), None),
        Some(p) => match read_plan_text(p, &scenario) {
            Ok((plan, text)) => (plan, Some(text)),
            Err(code) => return code,
        },
    };
    let cast = match &args.bots {
        Some(text) => match Cast::parse(text, &scenario) {
            Ok(c) => c,
            Err(e) => return fail("cli-batch-bad-bots", &[("error", &e.to_string())]),
        },
        None => {
            let mut c = Cast::all(&scenario, crate::bots::Profile::Textbook);
            for step in &plan {
                if let Some(t) = step.command.team() {
                    c.profiles[t.idx()] = None;
                }
            }
            c
        }
    };
    let lang = pick_lang(args.lang.as_deref(), scenario.language);
    let spec = Spec::new(scenario.clone(), cast, plan, plan_text);
    let total = seeds.end - seeds.start;
    let done = AtomicU64::new(0);
    let started = Instant::now();
    let sum = std::thread::scope(|scope| {
        let work = scope.spawn(|| batch::run(&spec, seeds.clone(), args.jobs, &done));
        show_progress(&done, total, started, &work);
        work.join()
    });
    let Ok(sum) = sum else {
        return ExitCode::from(1);
    };
    let secs = started.elapsed().as_secs_f64();
    let rate = format!("{:.0}", total as f64 / secs.max(1e-9));
    eprintln!(
        "{}",
        say(
            "cli-batch-done",
            &[
                ("runs", &total),
                ("secs", &format!("{secs:.1}")),
                ("rate", &rate)
            ]
        )
    );
    write_out(out, &sum, &scenario, lang)
}

fn pick_lang(arg: Option<&str>, scenario: Lang) -> Lang {
    arg.and_then(Lang::from_tag).unwrap_or(scenario)
}

fn fail(id: &str, args: &[(&str, &dyn std::fmt::Display)]) -> ExitCode {
    eprintln!("{}", error(id, args));
    ExitCode::from(2)
}

fn write_out(
    out: &Path,
    sum: &batch::Summary,
    s: &crate::scenario::Scenario,
    lang: Lang,
) -> ExitCode {
    if let Err(e) = batch::write(out, sum, s, lang) {
        return fail("cli-batch-write", &[("dir", &out.display()), ("error", &e)]);
    }
    let f = batch::Figures::of(sum, s);
    let mean = f
        .overall
        .mean
        .map_or_else(|| "—".into(), |m| format!("{m:.1}"));
    let base = f
        .baseline
        .mean
        .map_or_else(|| "—".into(), |m| format!("{m:.1}"));
    let report = out.join("calibration.html");
    eprintln!(
        "{}",
        say(
            "cli-batch-written",
            &[
                ("mean", &mean),
                ("base", &base),
                ("file", &report.display())
            ]
        )
    );
    ExitCode::SUCCESS
}

/// A progress bar with an ETA on a terminal; a plain line every tenth otherwise.
fn show_progress<T>(
    done: &AtomicU64,
    total: u64,
    started: Instant,
    work: &std::thread::ScopedJoinHandle<'_, T>,
) {
    let tick = Duration::from_millis(100);
    if std::io::stderr().is_terminal() {
        let bar = indicatif::ProgressBar::new(total);
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "{bar:40} {pos}/{len} runs  {per_sec}  ETA {eta}",
        ) {
            bar.set_style(style);
        }
        while !work.is_finished() {
            bar.set_position(done.load(Ordering::Relaxed));
            std::thread::sleep(tick);
        }
        bar.finish_and_clear();
        return;
    }
    let mut shown = 0;
    while !work.is_finished() {
        std::thread::sleep(tick);
        let n = done.load(Ordering::Relaxed);
        let tenth = n * 10 / total.max(1);
        if tenth > shown && n < total {
            shown = tenth;
            let secs = started.elapsed().as_secs_f64();
            let eta = format!("{:.1}", secs / n.max(1) as f64 * (total - n) as f64);
            eprintln!(
                "{}",
                say(
                    "cli-batch-progress",
                    &[("done", &n), ("total", &total), ("eta", &eta)]
                )
            );
        }
    }
}

fn merge(dirs: &[PathBuf], out: &Path, lang: Option<&str>) -> ExitCode {
    let mut acc: Option<(batch::Summary, crate::scenario::Scenario)> = None;
    for dir in dirs {
        let folder = match batch::read_folder(dir) {
            Ok(f) => f,
            Err(e) => return fail("cli-batch-read", &[("error", &e)]),
        };
        match &mut acc {
            None => acc = Some((folder.summary, folder.scenario)),
            Some((sum, _)) => {
                if let Err(e) = sum.merge(&folder.summary) {
                    let why = match e {
                        MergeError::Different(what) => {
                            say("cli-batch-merge-different", &[("what", &what)])
                        }
                        MergeError::Overlap(seed) => {
                            say("cli-batch-merge-overlap", &[("seed", &seed)])
                        }
                        MergeError::Format(v) => say("cli-batch-merge-format", &[("format", &v)]),
                    };
                    return fail("cli-batch-merge", &[("dir", &dir.display()), ("why", &why)]);
                }
            }
        }
    }
    let Some((sum, s)) = acc else {
        return ExitCode::from(2);
    };
    write_out(out, &sum, &s, pick_lang(lang, s.language))
}
