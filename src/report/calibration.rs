//! The calibration report: a batch's figures as one self-contained HTML page in the
//! report's style (score distributions, per-team spreads, on-time rates per phase,
//! when services go down, when injects fire, and how it was worked out).

use super::build::{section, table};
use super::calibration_svg::{Axis, Strip, histogram, strips};
use super::doc::{Block, Card, Cell, ColKind, Doc, Head, Row, Tone, grade_tone};
use super::fmt::{num, pct, span};
use super::text::T;
use crate::batch::{Figures, Scores, Timing};
use crate::scenario::{Lang, Scenario};
use crate::scoring::Phase;
use crate::words::Arg::{Num, Str};
use crate::words::say_with;

/// The calibration report of `f` (figures of a batch of `s`) in `lang`.
pub fn calibration(f: &Figures, s: &Scenario, lang: Lang) -> String {
    super::html::render(&doc(f, s, lang))
}

fn doc(f: &Figures, s: &Scenario, l: Lang) -> Doc {
    let t = |id: &'static str| T(id).get(l);
    let bands = s.scoring.grades.len();
    let card = |label, sc: &Scores, note: String| Card {
        label,
        value: sc.mean.map_or_else(|| "—".into(), num),
        of: Some("100".into()),
        note,
        tone: sc
            .mean
            .map(|m| grade_tone(crate::scoring::grade(s, m), bands)),
    };
    let spread = |sc: &Scores| match (sc.p10, sc.p90) {
        (Some(a), Some(b)) => say_with(l, "c-spread", &[("low", Num(a)), ("high", Num(b))]),
        _ => String::new(),
    };
    let seeds: Vec<String> = f.seeds.iter().map(|(a, b)| format!("{a}..{b}")).collect();
    let cast = cast_text(f, s, l);
    let head = Head {
        kind: T("c-title"),
        title: s.title.get(l).into(),
        summary: say_with(l, "c-lede", &[("runs", Num(f.runs as f64))]),
        warning: None,
        facts: vec![
            (T("r-scenario"), Cell::Hash(s.id.clone())),
            (T("c-runs"), Cell::text(f.runs.to_string())),
            (T("c-seeds"), Cell::text(seeds.join(", "))),
            (T("c-cast"), Cell::text(cast)),
            (T("c-refused"), Cell::text(f.refused.to_string())),
        ],
        figures: Vec::new(),
        cards: vec![
            card(T("c-mean"), &f.overall, spread(&f.overall)),
            card(T("c-baseline"), &f.baseline, spread(&f.baseline)),
        ],
    };
    Doc {
        lang: l,
        head,
        sections: vec![
            scores(f, s, l),
            phases(f, s, l),
            services(f, s, l),
            injects(f, s, l),
        ],
        footer: section(
            "method",
            T("r-method"),
            vec![Block::Para(t("c-method").into())],
        ),
    }
}

/// The cast in words: one profile for every team said once, else `team=profile` each.
fn cast_text(f: &Figures, s: &Scenario, l: Lang) -> String {
    let parts: Vec<&str> = f.cast.split(',').filter(|p| !p.is_empty()).collect();
    let profiles: Vec<&str> = parts
        .iter()
        .filter_map(|p| p.split_once('=').map(|x| x.1))
        .collect();
    match profiles.first() {
        None => T("c-no-bots").get(l).to_owned(),
        Some(first) if parts.len() == s.teams.len() && profiles.iter().all(|p| p == first) => {
            say_with(l, "c-every-team", &[("profile", Str(first))])
        }
        Some(_) => parts.join(", "),
    }
}

fn scores(f: &Figures, s: &Scenario, l: Lang) -> super::doc::Section {
    let t = |id: &'static str| T(id).get(l);
    let bands = s.scoring.grades.len();
    let legend = [t("c-legend-runs"), t("c-legend-none")];
    let hist = histogram(t("c-histogram"), &f.overall.bins, &f.baseline.bins, legend);
    let name = |i: usize| s.teams[i].name.get(l).to_owned();
    let scored: Vec<usize> = (0..f.teams.len())
        .filter(|&i| f.teams[i].scores.runs > 0)
        .collect();
    let rows: Vec<Strip> = scored
        .iter()
        .map(|&i| {
            let sc = &f.teams[i].scores;
            Strip {
                label: name(i),
                figure: sc.mean.map_or_else(String::new, num),
                bins: sc.bins.clone(),
                mark: sc.mean.map(|m| m / 100.0),
            }
        })
        .collect();
    let bar = |sc: &Scores| match sc.mean {
        Some(m) => Cell::Bar {
            score: m,
            text: num(m),
            tone: grade_tone(crate::scoring::grade(s, m), bands),
        },
        None => Cell::Dash,
    };
    let n = |x: Option<f64>| Cell::or_dash(x, num);
    // One row of the table: who, then the distribution's figures.
    let row = |who: Cell, sc: &Scores| {
        Row::new(vec![
            who,
            Cell::text(sc.runs.to_string()),
            bar(sc),
            n(sc.sd),
            n(sc.p10),
            n(sc.p50),
            n(sc.p90),
        ])
    };
    let mut overall = row(Cell::Strong(t("r-overall").into()), &f.overall);
    overall.total = true;
    let mut trs = vec![overall, row(Cell::Em(t("c-baseline").into()), &f.baseline)];
    trs.extend(
        scored
            .iter()
            .map(|&i| row(Cell::text(name(i)), &f.teams[i].scores)),
    );
    let cols = [
        (T("r-team"), ColKind::Text),
        (T("c-runs"), ColKind::Num),
        (T("c-mean"), ColKind::Bar),
        (T("c-sd"), ColKind::Num),
        (T("c-p10"), ColKind::Num),
        (T("c-p50"), ColKind::Num),
        (T("c-p90"), ColKind::Num),
    ];
    let mut blocks = vec![
        Block::Chart {
            title: Some(T("c-histogram")),
            svg: hist,
        },
        table(&cols, trs),
    ];
    if !rows.is_empty() {
        let svg = strips(t("c-team-spread"), &rows, Axis::Score);
        blocks.push(Block::Chart {
            title: Some(T("c-team-spread")),
            svg,
        });
    }
    section("scores", T("c-scores"), blocks)
}

fn phases(f: &Figures, s: &Scenario, l: Lang) -> super::doc::Section {
    let cols: Vec<(T, ColKind)> = std::iter::once((T("r-team"), ColKind::Text))
        .chain(Phase::ALL.map(|p| (super::text::phase(p), ColKind::Bar)))
        .collect();
    let rows = f
        .teams
        .iter()
        .enumerate()
        .filter(|(_, t)| t.scored.iter().any(|&n| n > 0))
        .map(|(i, tf)| {
            let mut cells = vec![Cell::text(s.teams[i].name.get(l))];
            cells.extend(tf.on_time.iter().map(|share| match share {
                Some(x) => Cell::Bar {
                    score: x * 100.0,
                    text: pct(*x),
                    tone: if *x >= 0.8 {
                        Tone::Good
                    } else if *x >= 0.4 {
                        Tone::Fair
                    } else {
                        Tone::Poor
                    },
                },
                None => Cell::Dash,
            }));
            Row::new(cells)
        })
        .collect();
    let note = Block::Muted(T("c-phases-note").get(l).into());
    section("phases", T("c-phases"), vec![note, table(&cols, rows)])
}

/// A share of runs as a percentage, "<1%" for a rare one (never "0%" for something
/// that happened).
fn share(x: f64) -> String {
    if x > 0.0 && x < 0.01 {
        "<1%".into()
    } else {
        pct(x)
    }
}

/// Strips and a table for services (`down`) or injects. `only_seen`: the table lists
/// only what happened, and a line names the rest.
fn timings(
    f: &Figures,
    rows: &[(String, &Timing, Option<f64>)],
    l: Lang,
    chart: &'static str,
    only_seen: bool,
) -> Vec<Block> {
    let t = |id: &'static str| T(id).get(l);
    let end = rows
        .first()
        .map_or(f.duration, |r| r.1.bins.len() as u64 * f.bin);
    let strip: Vec<Strip> = rows
        .iter()
        .filter(|r| r.1.share > 0.0)
        .map(|(name, tm, _)| Strip {
            label: name.clone(),
            figure: share(tm.share),
            bins: tm.bins.clone(),
            mark: None,
        })
        .collect();
    let at = |x: Option<u64>| Cell::or_dash(x, span);
    let trs = rows
        .iter()
        .filter(|r| r.1.share > 0.0 || !only_seen)
        .map(|(name, tm, per_run)| {
            let mut cells = vec![
                Cell::Named {
                    name: name.clone(),
                    id: tm.id.clone(),
                },
                Cell::text(share(tm.share)),
            ];
            if let Some(n) = per_run {
                cells.push(Cell::text(num(*n)));
            }
            cells.extend([at(tm.p10), at(tm.p50), at(tm.p90)]);
            Row::new(cells)
        })
        .collect();
    let mut cols = vec![(T("c-name"), ColKind::Text), (T("c-share"), ColKind::Num)];
    if rows.iter().any(|r| r.2.is_some()) {
        cols.push((T("c-per-run"), ColKind::Num));
    }
    cols.extend([
        (T("c-first-p10"), ColKind::Num),
        (T("c-first-p50"), ColKind::Num),
        (T("c-first-p90"), ColKind::Num),
    ]);
    let mut blocks = Vec::new();
    if strip.is_empty() {
        blocks.push(Block::Muted(t("c-nothing").into()));
    } else {
        let svg = strips(t(chart), &strip, Axis::Time { end });
        blocks.push(Block::Chart {
            title: Some(T(chart)),
            svg,
        });
    }
    blocks.push(table(&cols, trs));
    let never: Vec<&str> = rows
        .iter()
        .filter(|r| r.1.share == 0.0)
        .map(|r| r.0.as_str())
        .collect();
    if only_seen && !never.is_empty() {
        let names = never.join(", ");
        blocks.push(Block::Muted(say_with(
            l,
            "c-never-down",
            &[("n", Num(never.len() as f64)), ("names", Str(&names))],
        )));
    }
    blocks
}

fn services(f: &Figures, s: &Scenario, l: Lang) -> super::doc::Section {
    let rows: Vec<(String, &Timing, Option<f64>)> = s
        .services
        .iter()
        .zip(&f.services)
        .map(|(v, tm)| (v.name.get(l).to_owned(), tm, None))
        .collect();
    let mut blocks = vec![Block::Muted(say_with(
        l,
        "c-services-note",
        &[("bin", Str(&span(f.bin)))],
    ))];
    blocks.extend(timings(f, &rows, l, "c-down-chart", true));
    section("services", T("c-services"), blocks)
}

fn injects(f: &Figures, s: &Scenario, l: Lang) -> super::doc::Section {
    let rows: Vec<(String, &Timing, Option<f64>)> = s
        .injects
        .iter()
        .zip(&f.injects)
        .zip(&f.fired_per_run)
        .map(|((i, tm), n)| (i.id.clone(), tm, Some(*n)))
        .collect();
    section(
        "injects",
        T("c-injects"),
        timings(f, &rows, l, "c-inject-chart", false),
    )
}
