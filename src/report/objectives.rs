//! The report's objectives section: per objective, each expected action with what was
//! seen (the evaluator's finding, else what the journal shows, said so) and the
//! evidence (journal entries, the evaluator's note); then an improvement-plan row for
//! each gap (owner team, what to change).

use super::Ctx;
use super::build::{section, table};
use super::doc::{Block, Cell, ColKind, Row, Section, Tone, Words};
use super::text::T;
use crate::engine::{Verdict, describe_named, verdict_phrase};
use crate::scenario::{Expectation, ObjectiveId};
use crate::scoring::Check;
use crate::words::Arg::Str;
use crate::words::say_with;

/// How much of a journal line the evidence shows (in columns).
const EVIDENCE_WIDTH: usize = 90;

/// The section, or `None` when the scenario names no objectives.
pub(super) fn objectives(c: &Ctx) -> Option<Section> {
    let d = c.design;
    if d.objectives.is_empty() {
        return None;
    }
    let l = c.lang;
    let mut blocks = vec![Block::Muted(T("r-obj-text").get(l).into())];
    let mut gaps = Vec::new();
    for (i, o) in d.objectives.iter().enumerate() {
        blocks.push(Block::heading(3, Words::Name(o.text.get(l).into())));
        let mut rows = Vec::new();
        for (id, e) in d.expectations_of(ObjectiveId(i as u32)) {
            let check = c.checks.iter().find(|k| k.expectation == id);
            rows.push(row(c, e, check));
            let gap = match check.and_then(Check::verdict) {
                Some(Verdict::Observed) => false,
                Some(_) => true,
                // Its inject never fired: nothing was asked of anyone.
                None => check.is_some(),
            };
            if gap {
                gaps.push(gap_row(c, e, check));
            }
        }
        let cols = [
            (T("r-team"), ColKind::Key),
            (T("m-what"), ColKind::Text),
            (T("r-due"), ColKind::Due),
            (T("r-obj-seen"), ColKind::Text),
            (T("r-obj-evidence"), ColKind::Text),
        ];
        blocks.push(table(&cols, rows));
    }
    blocks.push(Block::heading(3, Words::Both(T("r-obj-plan"))));
    if gaps.is_empty() {
        blocks.push(Block::Muted(T("r-obj-no-gaps").get(l).into()));
    } else {
        let cols = [
            (T("r-owner"), ColKind::Key),
            (T("m-what"), ColKind::Text),
            (T("r-obj-change"), ColKind::Text),
            (T("r-due"), ColKind::Due),
        ];
        blocks.push(table(&cols, gaps));
    }
    Some(Section {
        class: Some("plan"),
        ..section("objectives", T("m-objectives"), blocks)
    })
}

fn row(c: &Ctx, e: &Expectation, check: Option<&Check>) -> Row {
    let l = c.lang;
    let Some(k) = check else {
        return Row::new(vec![
            Cell::text(c.team(e.team)),
            Cell::text(e.what.get(l)),
            Cell::Dash,
            Cell::Muted(T("r-obj-not-reached").get(l).into()),
            Cell::Dash,
        ]);
    };
    let seen = match (&k.recorded, &k.suggested) {
        (Some(f), _) => badge(c, f.verdict, T("r-obj-by-evaluator")),
        (None, Some(s)) => badge(c, s.verdict, T("r-obj-from-journal")),
        (None, None) => Cell::Muted(T("r-obj-not-assessed").get(l).into()),
    };
    let mut evidence: Vec<String> = k
        .suggested
        .iter()
        .flat_map(|s| &s.entries)
        .chain(k.recorded.as_ref().map(|f| &f.entry))
        .filter_map(|id| c.journal.entries.get(*id as usize))
        .map(|entry| {
            let line = super::fmt::clip(&describe_named(c.sc, entry, l), EVIDENCE_WIDTH);
            format!("{} {line}", c.at(entry.at))
        })
        .collect();
    if let Some(f) = k.recorded.as_ref().filter(|f| !f.note.is_empty()) {
        evidence.push(format!("“{}”", f.note));
    }
    Row::new(vec![
        Cell::text(c.team(e.team)),
        Cell::text(e.what.get(l)),
        Cell::text(c.at(k.due)),
        seen,
        if evidence.is_empty() {
            Cell::Dash
        } else {
            Cell::Lines(evidence)
        },
    ])
}

fn badge(c: &Ctx, v: Verdict, source: T) -> Cell {
    let tone = match v {
        Verdict::Observed => Tone::Good,
        Verdict::Partly => Tone::Fair,
        Verdict::NotObserved => Tone::Poor,
    };
    let text = format!(
        "{} ({})",
        verdict_phrase(v).word(c.lang),
        source.get(c.lang)
    );
    Cell::Badge {
        tone,
        text,
        stress: v != Verdict::Observed,
    }
}

fn gap_row(c: &Ctx, e: &Expectation, check: Option<&Check>) -> Row {
    let l = c.lang;
    let by = c.dur(e.by);
    let args = [("what", Str(e.what.get(l))), ("by", Str(&by))];
    let mut change = vec![say_with(l, "r-obj-rehearse", &args)];
    if let Some(f) = check
        .and_then(|k| k.recorded.as_ref())
        .filter(|f| !f.note.is_empty())
    {
        change.push(format!("“{}”", f.note));
    }
    let due = super::fmt::date_after(c.sc.start_clock, 30);
    Row::new(vec![
        Cell::text(c.team(e.team)),
        Cell::text(e.what.get(l)),
        Cell::Lines(change),
        Cell::or_dash(due, |d| d),
    ])
}
