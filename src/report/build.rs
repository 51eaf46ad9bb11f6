//! Builds the report's document from a scored run, each section once: the head,
//! team scores, the response chart, notes, the improvement plan and the method
//! (the detail sections are in `build_detail`).

use super::Ctx;
use super::build_detail;
use super::doc::{Block, Card, Cell, Col, ColKind, Doc, Head, Row, Section, Table, grade_tone};
use super::fmt::{num, pct, span, whole};
use super::svg;
use super::text::{self as tx, T};
use crate::scoring::Outcome;
use crate::words::Arg::{Num, Str};
use crate::words::say_with;

pub(super) fn doc(c: &Ctx) -> Doc {
    Doc {
        lang: c.lang,
        head: head(c),
        sections: [teams(c)]
            .into_iter()
            .chain(super::objectives::objectives(c))
            .chain([
                section(
                    "response",
                    tx::RESPONSE_CHART,
                    vec![Block::Chart {
                        title: None,
                        svg: svg::response(c),
                    }],
                ),
                build_detail::incidents(c),
                build_detail::impact(c),
                build_detail::coordination(c),
                build_detail::accuracy(c),
                notes(c),
                plan(c),
            ])
            .collect(),
        footer: section(
            "method",
            tx::METHOD,
            vec![Block::Para(tx::METHOD_TEXT.get(c.lang).into())],
        ),
    }
}

pub(super) fn section(id: &'static str, title: T, blocks: Vec<Block>) -> Section {
    Section {
        id,
        title,
        class: None,
        blocks,
    }
}

/// A table of `cols` (label, kind) and `rows`.
pub(super) fn table(cols: &[(T, ColKind)], rows: Vec<Row>) -> Block {
    Block::Table(Table {
        cols: cols.iter().map(|&(t, k)| Col::new(t, k)).collect(),
        rows,
    })
}

fn head(c: &Ctx) -> Head {
    let (l, card, sc) = (c.lang, c.card, c.sc);
    let scored: Vec<_> = card
        .incidents
        .iter()
        .flat_map(|i| &i.phases)
        .filter(|p| p.outcome.scored())
        .collect();
    let on_time = scored
        .iter()
        .filter(|p| p.outcome == Outcome::OnTime)
        .count();
    let avoided = card.impact.total.avoided.map_or_else(|| "—".into(), pct);
    let (lost, base) = (
        whole(card.impact.total.run),
        whole(card.impact.total.baseline),
    );
    let cards = vec![
        Card {
            label: tx::OVERALL,
            value: num(card.score),
            of: Some("100".into()),
            note: c.grade(card.grade).into(),
            tone: Some(grade_tone(card.grade, sc.scoring.grades.len())),
        },
        Card {
            label: tx::AVOIDED,
            value: avoided.clone(),
            of: None,
            note: say_with(
                l,
                "r-lost-against",
                &[("lost", Str(&lost)), ("base", Str(&base))],
            ),
            tone: None,
        },
        Card {
            label: tx::ON_TIME_DUTIES,
            value: on_time.to_string(),
            of: Some(scored.len().to_string()),
            note: say_with(
                l,
                "r-incident-count",
                &[("n", Num(card.incidents.len() as f64))],
            ),
            tone: None,
        },
    ];
    Head {
        kind: tx::TITLE,
        title: sc.title.get(l).into(),
        summary: sc.summary.get(l).into(),
        warning: c.unverified.clone(),
        facts: vec![
            (
                tx::SCENARIO,
                Cell::Named {
                    name: sc.title.get(l).into(),
                    id: sc.id.clone(),
                },
            ),
            (tx::SEED, Cell::Text(card.seed.to_string())),
            (tx::START, Cell::Text(super::fmt::start(sc.start_clock))),
            (
                tx::SCORED_TO,
                Cell::Clock {
                    at: c.at(card.end),
                    since: span(card.end),
                },
            ),
            (tx::HASH, Cell::Hash(c.journal.hash())),
        ],
        figures: vec![
            (
                tx::OVERALL,
                Cell::Strong(format!("{} / 100", num(card.score))),
            ),
            (tx::GRADE, Cell::Strong(c.grade(card.grade).into())),
            (tx::AVOIDED, Cell::Text(avoided)),
        ],
        cards,
    }
}

fn teams(c: &Ctx) -> Section {
    let l = c.lang;
    let bands = c.sc.scoring.grades.len();
    let rows = c.card.teams.iter().map(|t| {
        let scored = t.duties.iter().filter(|d| d.outcome.scored()).count();
        let on_time = t
            .duties
            .iter()
            .filter(|d| d.outcome == Outcome::OnTime)
            .count();
        let score = match (t.score, t.grade) {
            (Some(s), Some(g)) => Cell::Bar {
                score: s,
                text: num(s),
                tone: grade_tone(g, bands),
            },
            _ => Cell::Muted(tx::NOT_SCORED.get(l).into()),
        };
        Row::new(vec![
            Cell::text(c.team(t.team)),
            score,
            Cell::or_dash(t.grade, |g| c.grade(g).into()),
            if scored > 0 {
                Cell::Text(format!("{on_time} / {scored}"))
            } else {
                Cell::Dash
            },
            Cell::or_dash(t.impact.as_ref().and_then(|i| i.avoided), pct),
        ])
    });
    let cols = [
        (tx::TEAM, ColKind::Text),
        (tx::SCORE, ColKind::Bar),
        (tx::GRADE, ColKind::Grade),
        (tx::ON_TIME_DUTIES, ColKind::Num),
        (tx::AVOIDED, ColKind::Num),
    ];
    section("teams", tx::TEAMS, vec![table(&cols, rows.collect())])
}

fn notes(c: &Ctx) -> Section {
    let block = if c.notes.is_empty() {
        Block::Muted(tx::NO_NOTES.get(c.lang).into())
    } else {
        Block::Log(
            c.notes
                .iter()
                .map(|(at, text)| (c.at(*at), text.clone()))
                .collect(),
        )
    };
    section("notes", tx::NOTES, vec![block])
}

fn plan(c: &Ctx) -> Section {
    let list = |v: &[String]| {
        if v.is_empty() {
            Cell::Dash
        } else {
            Cell::Lines(v.to_vec())
        }
    };
    let rows = c.plan.iter().map(|r| {
        Row::new(vec![
            Cell::text(&r.owner),
            list(&r.strengths),
            list(&r.areas),
            list(&r.actions),
            Cell::or_dash(r.due.clone(), |d| d),
        ])
    });
    let cols = [
        (tx::OWNER, ColKind::Key),
        (tx::STRENGTHS, ColKind::Text),
        (tx::AREAS, ColKind::Text),
        (tx::ACTIONS, ColKind::Text),
        (tx::DUE, ColKind::Due),
    ];
    Section {
        class: Some("plan"),
        ..section("plan", tx::PLAN, vec![table(&cols, rows.collect())])
    }
}
