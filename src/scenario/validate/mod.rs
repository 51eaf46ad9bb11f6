//! Validation: the merged raw scenario becomes a typed [`Scenario`], or every problem
//! found is reported at once with its file, line, column and a hint.

mod ctx;
mod cycles;
mod design;
mod fail_loops;
mod play;
mod world;

use super::design::Design;
use super::load::Merged;
use super::model::{Lang, Scenario, Scoring};
use super::problem::{Level, Problem, ProblemKind};
use ctx::{Ctx, scalar};

/// What a file is meant to be: a whole scenario, or a seed that scenarios include.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Scenario,
    Seed,
}

/// Check `m` and build the scenario and its design. Returns them (if no errors) and all
/// problems.
pub(crate) fn validate(m: &Merged, mode: Mode) -> (Option<(Scenario, Design)>, Vec<Problem>) {
    let mut cx = Ctx::new(m, mode);
    let raw = &m.raw;

    if mode == Mode::Scenario {
        if raw.id.is_empty() {
            cx.missing_root("id", "add `id: \"my-scenario\"` at the top of the file");
        }
        if raw.title.is_none() {
            cx.missing_root("title", "add `title: (en: \"...\", ja: \"...\")`");
        }
        if raw.duration.is_none() {
            cx.missing_root("duration", "add `duration: \"6h\"`");
        }
        if raw.teams.is_empty() {
            cx.missing_root("teams", "a scenario needs at least one team");
        }
        if raw.services.is_empty() {
            cx.missing_root("services", "a scenario needs at least one service");
        }
    }
    let language = match raw.language.as_deref().map(|t| (t, Lang::from_tag(t))) {
        None => Lang::En,
        Some((_, Some(lang))) => lang,
        Some((other, None)) => {
            let kind = ProblemKind::BadLanguage(other.into());
            cx.error(
                scalar("language", &[]),
                kind,
                Some("use \"en\" or \"ja\"".into()),
            );
            Lang::En
        }
    };
    let start_clock = raw.start_clock.as_deref().and_then(|text| {
        let parsed = super::clock::parse_start(text);
        if parsed.is_none() {
            let kind = ProblemKind::BadStartClock(text.into());
            let hint = "write the date and local time, e.g. \"2020-07-24 19:00\"";
            cx.error(scalar("start_clock", &[]), kind, Some(hint.into()));
        }
        parsed
    });
    let duration = match &raw.duration {
        Some(d) => cx.duration(scalar("duration", &[]), d, "the exercise duration", false),
        None => 0,
    };

    let w = world::check(&mut cx);
    let p = play::check(&mut cx, &w, duration);
    let design = design::check(&mut cx, &w, &p);
    cycles::check(&mut cx, &w.dependencies);
    fail_loops::check(&mut cx, &w, &p.actions);

    let text = |t: &Option<super::raw::RawText>| t.as_ref().map(ctx::text).unwrap_or_default();
    let scenario = Scenario {
        id: raw.id.clone(),
        title: text(&raw.title),
        summary: text(&raw.summary),
        brief: text(&raw.brief),
        language,
        start_clock,
        duration,
        sectors: w.sectors,
        severity: p.severity,
        organisations: w.organisations,
        services: w.services,
        dependencies: w.dependencies,
        teams: w.teams,
        channels: w.channels,
        threats: p.threats,
        injects: p.injects,
        actions: p.actions,
        scoring: Scoring {
            deadlines: p.deadlines,
            weights: p.weights,
            grades: p.grades,
        },
        areas: w.areas,
    };
    let problems = cx.finish();
    let ok = !problems.iter().any(|p| p.level == Level::Error);
    (ok.then_some((scenario, design)), problems)
}
