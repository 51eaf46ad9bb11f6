//! The controller's handbook as one document (written as Markdown or a printable HTML
//! page): the brief, teams and roles, the reporting chain, deadlines, objectives with
//! their expected actions, and the MSEL.

use super::rows::{MselRow, anchor_time, due};
use crate::report::build::{section, table};
use crate::report::doc::{Block, Cell, ColKind, Doc, Head, Row, Words};
use crate::report::text::T;
use crate::scenario::{Design, Lang, ObjectiveId, Role, Scenario};

pub(super) fn doc(sc: &Scenario, d: &Design, rows: &[MselRow], lang: Lang) -> Doc {
    let mut facts = vec![(
        T("r-scenario"),
        Cell::Named {
            name: sc.title.get(lang).into(),
            id: sc.id.clone(),
        },
    )];
    if let Some(p) = &d.pattern {
        facts.push((T("m-pattern"), Cell::text(p.get(lang))));
    }
    facts.push((
        T("r-start"),
        Cell::text(crate::report::fmt::start(sc.start_clock)),
    ));
    facts.push((
        T("m-length"),
        Cell::text(crate::report::fmt::dur(sc.duration, lang)),
    ));
    Doc {
        lang,
        head: Head {
            kind: T("m-handbook"),
            title: sc.title.get(lang).into(),
            summary: sc.summary.get(lang).into(),
            warning: None,
            facts,
            figures: vec![],
            cards: vec![],
        },
        sections: vec![
            section(
                "brief",
                T("m-brief"),
                vec![Block::Para(sc.brief.get(lang).into())],
            ),
            teams(sc, lang),
            chain(sc, lang),
            deadlines(sc, lang),
            objectives(sc, d, lang),
            msel(rows),
        ],
        footer: section(
            "use",
            T("m-use"),
            vec![Block::Para(T("m-use-text").get(lang).into())],
        ),
    }
}

fn role(r: Role) -> T {
    T(match r {
        Role::Operator => "role-operator",
        Role::Ministry => "role-ministry",
        Role::Ceptoar => "role-ceptoar",
        Role::Centre => "role-centre",
        Role::Organiser => "role-organiser",
    })
}

fn teams(sc: &Scenario, lang: Lang) -> crate::report::doc::Section {
    let rows = sc.teams.iter().map(|t| {
        let orgs: Vec<&str> = t
            .controls
            .iter()
            .map(|o| sc.organisations[o.idx()].name.get(lang))
            .collect();
        let sector = &sc.sectors[sc.organisations[t.controls[0].idx()].sector.idx()];
        Row::new(vec![
            Cell::text(t.name.get(lang)),
            Cell::text(role(t.role).get(lang)),
            Cell::Swatch {
                rgb: sector.colour,
                text: sector.name.get(lang).into(),
            },
            Cell::Lines(orgs.iter().map(|s| s.to_string()).collect()),
        ])
    });
    let cols = [
        (T("r-team"), ColKind::Key),
        (T("m-role"), ColKind::Text),
        (T("r-sector"), ColKind::Text),
        (T("m-plays"), ColKind::Text),
    ];
    section("teams", T("m-teams"), vec![table(&cols, rows.collect())])
}

fn chain(sc: &Scenario, lang: Lang) -> crate::report::doc::Section {
    let name = |t: crate::scenario::TeamId| sc.teams[t.idx()].name.get(lang).to_string();
    let rows = sc.channels.iter().map(|c| {
        Row::new(vec![
            Cell::text(name(c.from)),
            Cell::text(name(c.to)),
            Cell::text(crate::report::fmt::dur(c.latency, lang)),
        ])
    });
    let cols = [
        (T("r-from"), ColKind::Text),
        (T("r-to"), ColKind::Text),
        (T("m-latency"), ColKind::Num),
    ];
    let intro = Block::Muted(T("m-chain-text").get(lang).into());
    section(
        "chain",
        T("m-chain"),
        vec![intro, table(&cols, rows.collect())],
    )
}

fn deadlines(sc: &Scenario, lang: Lang) -> crate::report::doc::Section {
    let d = |s| Cell::text(crate::report::fmt::dur(s, lang));
    let rows = sc.scoring.deadlines.iter().enumerate().map(|(i, x)| {
        let name = sc.severity.get(i).map_or("", |l| l.name.get(lang));
        Row::new(vec![
            Cell::text(format!("{i} ({name})")),
            d(x.detect),
            d(x.report),
            d(x.share),
            d(x.contain),
            d(x.restore),
        ])
    });
    let cols = [
        (T("r-severity"), ColKind::Key),
        (T("r-phase-detect"), ColKind::Num),
        (T("r-phase-report"), ColKind::Num),
        (T("r-phase-share"), ColKind::Num),
        (T("r-phase-contain"), ColKind::Num),
        (T("r-phase-restore"), ColKind::Num),
    ];
    let intro = Block::Muted(T("m-deadlines-text").get(lang).into());
    section(
        "deadlines",
        T("m-deadlines"),
        vec![intro, table(&cols, rows.collect())],
    )
}

fn objectives(sc: &Scenario, d: &Design, lang: Lang) -> crate::report::doc::Section {
    let mut blocks = Vec::new();
    if d.objectives.is_empty() {
        blocks.push(Block::Muted(T("m-no-objectives").get(lang).into()));
    }
    for (i, o) in d.objectives.iter().enumerate() {
        blocks.push(Block::heading(3, Words::Name(o.text.get(lang).into())));
        let rows = d.expectations_of(ObjectiveId(i as u32)).map(|(_, e)| {
            let start = anchor_time(sc, e.anchor);
            Row::new(vec![
                Cell::text(sc.teams[e.team.idx()].name.get(lang)),
                Cell::text(e.what.get(lang)),
                Cell::text(due(sc, e, start, lang)),
                Cell::Hash(e.id.clone()),
            ])
        });
        let cols = [
            (T("r-team"), ColKind::Key),
            (T("m-what"), ColKind::Text),
            (T("r-due"), ColKind::Due),
            (T("m-id"), ColKind::Text),
        ];
        blocks.push(table(&cols, rows.collect()));
    }
    section("objectives", T("m-objectives"), blocks)
}

fn msel(rows: &[MselRow]) -> crate::report::doc::Section {
    let lines = |v: &[String]| {
        if v.is_empty() {
            Cell::Dash
        } else {
            Cell::Lines(v.to_vec())
        }
    };
    let rows = rows.iter().map(|r| {
        Row::new(vec![
            Cell::text(&r.when),
            Cell::text(&r.id),
            lines(&r.delivers),
            lines(&r.expected),
        ])
    });
    let cols = [
        (T("m-when"), ColKind::Text),
        (T("m-id"), ColKind::Key),
        (T("m-delivers"), ColKind::Text),
        (T("m-expected"), ColKind::Text),
    ];
    crate::report::doc::Section {
        class: Some("msel"),
        ..section("msel", T("m-msel"), vec![table(&cols, rows.collect())])
    }
}
