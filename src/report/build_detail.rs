//! Builds the report's detail sections: incidents, service impact, coordination and
//! picture accuracy.

use super::Ctx;
use super::build::{section, table};
use super::doc::{Block, Cell, ColKind, Row, Section, Tone, Words};
use super::fmt::{num, pct, whole};
use super::svg;
use super::text as tx;
use crate::scoring::{Claimed, Loss};
use crate::words::Arg::Str;
use crate::words::say_with;

pub(super) fn incidents(c: &Ctx) -> Section {
    let l = c.lang;
    let mut blocks = Vec::new();
    if c.card.incidents.is_empty() {
        blocks.push(Block::Muted(tx::NO_INCIDENTS.get(l).into()));
    }
    for i in &c.card.incidents {
        let team_names = |v: &[crate::scenario::TeamId]| Cell::names(v.iter().map(|t| c.team(*t)));
        let hits = i.hits.iter().map(|s| c.service(*s)).collect::<Vec<_>>();
        let facts = vec![
            (tx::SEVERITY, Cell::Text(c.severity(i.severity))),
            (tx::STARTED, Cell::Text(c.at(i.start))),
            (tx::HITS, Cell::Text(hits.join(", "))),
            (tx::OWNERS, team_names(&i.owners)),
            (tx::DEPENDENTS, team_names(&i.dependents)),
            (tx::SCORE, Cell::or_dash(i.score, num)),
        ];
        let rows = i.phases.iter().map(|p| {
            Row::new(vec![
                Cell::text(tx::phase(p.phase).get(l)),
                Cell::Text(c.dur(p.deadline)),
                Cell::or_dash(p.done_at, |a| c.at(a)),
                Cell::or_dash(p.took, |d| c.dur(d)),
                Cell::outcome(p.outcome, l),
                if p.outcome.scored() {
                    Cell::Text(format!("{} / {}", num(p.points), num(p.max_points)))
                } else {
                    Cell::Dash
                },
            ])
        });
        let cols = [
            (tx::PHASE, ColKind::Text),
            (tx::DEADLINE, ColKind::Num),
            (tx::DONE_AT, ColKind::Num),
            (tx::TOOK, ColKind::Num),
            (tx::OUTCOME, ColKind::Text),
            (tx::POINTS, ColKind::Num),
        ];
        blocks.push(Block::Article(vec![
            Block::heading(3, Words::Name(c.threat(i.threat).into())),
            Block::Facts(facts),
            table(&cols, rows.collect()),
        ]));
    }
    section("incidents", tx::INCIDENTS, blocks)
}

pub(super) fn impact(c: &Ctx) -> Section {
    let l = c.lang;
    let im = &c.card.impact;
    let row = |name: Cell, loss: &Loss| {
        Row::new(vec![
            name,
            Cell::Text(whole(loss.run)),
            Cell::Text(whole(loss.baseline)),
            Cell::or_dash(loss.avoided, pct),
        ])
    };
    let mut rows: Vec<Row> = im
        .sectors
        .iter()
        .filter(|(_, x)| x.run > 0.0 || x.baseline > 0.0)
        .map(|(s, loss)| {
            let sw = Cell::Swatch {
                rgb: c.sc.sectors[s.idx()].colour,
                text: c.sector(*s).into(),
            };
            row(sw, loss)
        })
        .collect();
    rows.push(Row {
        total: true,
        ..row(Cell::text(tx::TOTAL.get(l)), &im.total)
    });
    let cols = [
        (tx::SECTOR, ColKind::Text),
        (tx::LOST_RUN, ColKind::Num),
        (tx::LOST_BASE, ColKind::Num),
        (tx::AVOIDED_SHORT, ColKind::Num),
    ];
    let blocks = vec![
        Block::Chart {
            title: Some(tx::CAPACITY_CHART),
            svg: svg::capacity(c),
        },
        Block::Muted(tx::UNIT.get(l).into()),
        table(&cols, rows),
        Block::Tally {
            label: tx::POINTS,
            got: num(im.points),
            of: num(im.max_points),
        },
    ];
    section("impact", tx::IMPACT, blocks)
}

pub(super) fn coordination(c: &Ctx) -> Section {
    let l = c.lang;
    let co = &c.card.coordination;
    let mut blocks = vec![
        Block::Chart {
            title: Some(tx::CHAIN_CHART),
            svg: super::svg_chain::chain(c),
        },
        Block::heading(3, Words::Both(tx::CHAIN)),
    ];
    for chain in &co.chains {
        let rows = chain.links.iter().map(|k| {
            Row::new(vec![
                Cell::Text(c.at(k.at)),
                Cell::text(c.team(k.team)),
                k.from.map_or_else(
                    || Cell::Em(tx::OWN_DETECTION.get(l).into()),
                    |f| Cell::text(c.team(f)),
                ),
                Cell::or_dash(k.held, |d| c.dur(d)),
                Cell::or_dash(k.transit, |d| c.dur(d)),
            ])
        });
        let cols = [
            (tx::TIME, ColKind::Num),
            (tx::TEAM, ColKind::Text),
            (tx::LEARNT_FROM, ColKind::Text),
            (tx::HELD, ColKind::Num),
            (tx::TRANSIT, ColKind::Num),
        ];
        blocks.push(Block::heading(
            4,
            Words::Name(c.threat(chain.threat).into()),
        ));
        blocks.push(table(&cols, rows.collect()));
    }
    if !co.warnings.is_empty() {
        let rows = co.warnings.iter().map(|w| {
            let (tone, flag) = match (w.hit, w.unwarned) {
                (None, _) => (Tone::Neutral, tx::NOT_HIT),
                (Some(_), true) => (Tone::Poor, tx::HIT_FIRST),
                (Some(_), false) => (Tone::Good, tx::WARNED_FIRST),
            };
            Row::new(vec![
                Cell::text(c.team(w.team)),
                Cell::text(c.threat(w.threat)),
                Cell::or_dash(w.hit, |a| c.at(a)),
                Cell::Text(
                    w.warned
                        .map_or_else(|| tx::NEVER.get(l).into(), |a| c.at(a)),
                ),
                Cell::Badge {
                    tone,
                    text: flag.get(l).into(),
                    stress: w.unwarned,
                },
            ])
        });
        let cols = [
            (tx::TEAM, ColKind::Text),
            (tx::INCIDENT, ColKind::Text),
            (tx::HIT_AT, ColKind::Num),
            (tx::WARNED_AT, ColKind::Num),
            (tx::OUTCOME, ColKind::Verdict),
        ];
        blocks.push(Block::heading(3, Words::Both(tx::WARNINGS)));
        blocks.push(table(&cols, rows.collect()));
    }
    let messages = if co.hops.is_empty() {
        vec![Block::Muted(tx::NO_MESSAGES.get(l).into())]
    } else {
        let rows = co.hops.iter().map(|hop| {
            Row::new(vec![
                Cell::Text(c.at(hop.sent)),
                Cell::Text(c.at(hop.arrived)),
                Cell::text(c.team(hop.from)),
                Cell::text(c.team(hop.to)),
                Cell::Text(format!("{} #{}", tx::kind(hop.kind).get(l), hop.message.0)),
                Cell::names(hop.about.iter().map(|t| c.threat(*t))),
            ])
        });
        let cols = [
            (tx::SENT, ColKind::Num),
            (tx::ARRIVED, ColKind::Num),
            (tx::FROM, ColKind::Text),
            (tx::TO, ColKind::Text),
            (tx::KIND, ColKind::Text),
            (tx::ABOUT, ColKind::Text),
        ];
        vec![table(&cols, rows.collect())]
    };
    blocks.push(Block::Fold {
        title: tx::MESSAGES,
        count: co.hops.len(),
        blocks: messages,
    });
    section("coordination", tx::COORDINATION, blocks)
}

pub(super) fn accuracy(c: &Ctx) -> Section {
    let l = c.lang;
    let acc = &c.card.accuracy;
    if acc.claims.is_empty() {
        let blocks = vec![Block::Muted(tx::NO_CLAIMS.get(l).into())];
        return section("accuracy", tx::ACCURACY, blocks);
    }
    let rows = acc.teams.iter().map(|t| {
        Row::new(vec![
            Cell::text(c.team(t.team)),
            Cell::Text(t.checked.to_string()),
            Cell::Text(t.correct.to_string()),
        ])
    });
    let cols = [
        (tx::TEAM, ColKind::Text),
        (tx::CHECKED, ColKind::Num),
        (tx::CORRECT, ColKind::Num),
    ];
    let mut blocks = vec![table(&cols, rows.collect())];
    let wrong: Vec<_> = acc
        .claims
        .iter()
        .filter(|x| !x.correct)
        .map(|x| claim_line(c, x))
        .collect();
    if !wrong.is_empty() {
        blocks.push(Block::Para(format!("{}:", tx::WRONG.get(l))));
        blocks.push(Block::List(wrong));
    }
    section("accuracy", tx::ACCURACY, blocks)
}

/// One wrong claim as a sentence.
fn claim_line(c: &Ctx, x: &crate::scoring::Claim) -> String {
    let l = c.lang;
    let (what, claimed, actual) = match &x.claimed {
        Claimed::Status {
            service,
            claimed,
            actual,
        } => (
            c.service(*service).to_string(),
            tx::status(*claimed).get(l).to_string(),
            tx::status(*actual).get(l).to_string(),
        ),
        Claimed::Severity { claimed, actual } => (
            tx::SEVERITY_WORD.get(l).to_string(),
            claimed.to_string(),
            actual.to_string(),
        ),
    };
    let (at, team, message) = (c.at(x.at), c.team(x.team), x.message.0.to_string());
    let args = [
        ("at", Str(&at)),
        ("team", Str(team)),
        ("message", Str(&message)),
        ("what", Str(&what)),
        ("claimed", Str(&claimed)),
        ("actual", Str(&actual)),
    ];
    say_with(l, "r-wrong-claim", &args)
}
