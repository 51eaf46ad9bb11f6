//! The report as one self-contained HTML page: inline styles and SVG charts, no
//! scripts, no external reference; prints on A4.

use super::Ctx;
use super::fmt::{esc, num, pct, span, whole};
use super::html_detail;
use super::svg;
use super::text::{self as tx, T};
use crate::scenario::Lang;
use crate::scoring::Outcome;
use std::fmt::Write;

const STYLE: &str = include_str!("report.css");

pub(super) fn h2(o: &mut String, t: T, lang: Lang, id: &str) {
    let _ = write!(
        o,
        r#"<h2 id="{id}">{} <span class="alt">{}</span></h2>"#,
        t.get(lang),
        t.alt(lang)
    );
}

pub(super) fn h3(o: &mut String, t: T, lang: Lang) {
    let _ = write!(
        o,
        r#"<h3>{} <span class="alt">{}</span></h3>"#,
        t.get(lang),
        t.alt(lang)
    );
}

pub(super) fn badge(o: Outcome, lang: Lang) -> String {
    let class = match o {
        Outcome::OnTime => "ok",
        Outcome::Late => "late",
        Outcome::Missed => "miss",
        Outcome::Open | Outcome::NotApplicable => "na",
    };
    format!(
        r#"<span class="badge {class}">{}</span>"#,
        esc(tx::outcome(o).get(lang))
    )
}

fn grade_class(g: usize, bands: usize) -> &'static str {
    match (g, bands) {
        (0, _) => "g-top",
        (g, n) if g + 1 >= n => "g-bottom",
        _ => "g-mid",
    }
}

pub(super) fn render(c: &Ctx) -> String {
    let l = c.lang;
    let card = c.card;
    let sc = c.sc;
    let mut o = String::with_capacity(64 * 1024);
    let lang_attr = if l == Lang::Ja { "ja" } else { "en" };
    let _ = write!(
        o,
        r#"<!DOCTYPE html><html lang="{lang_attr}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{}: {}</title><style>{STYLE}</style></head><body><main>"#,
        esc(tx::TITLE.get(l)),
        esc(sc.title.get(l))
    );
    // Header.
    let _ = write!(
        o,
        r#"<header><p class="eyebrow">{} <span class="alt">{}</span></p><h1>{}</h1><p class="lede">{}</p><dl class="meta">"#,
        tx::TITLE.get(l),
        tx::TITLE.alt(l),
        esc(sc.title.get(l)),
        esc(sc.summary.get(l))
    );
    let meta = [
        (tx::SCENARIO, format!("<code>{}</code>", esc(&sc.id))),
        (tx::SEED, card.seed.to_string()),
        (tx::START, esc(&super::fmt::start(sc.start_clock))),
        (
            tx::SCORED_TO,
            format!("{} (T+{})", c.at(card.end), span(card.end)),
        ),
        (
            tx::HASH,
            format!(r#"<code class="hash">{}</code>"#, c.journal.hash()),
        ),
    ];
    for (k, v) in meta {
        let _ = write!(o, "<div><dt>{}</dt><dd>{v}</dd></div>", k.get(l));
    }
    o.push_str("</dl></header>");

    // Summary cards.
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
    let _ = write!(
        o,
        r#"<section class="cards"><div class="card {}"><div class="k">{}</div><div class="v">{}<small> / 100</small></div><div class="s">{}</div></div>"#,
        grade_class(card.grade, sc.scoring.grades.len()),
        tx::OVERALL.get(l),
        num(card.score),
        esc(c.grade(card.grade))
    );
    let avoided = card.impact.total.avoided.map_or_else(|| "—".into(), pct);
    let _ = write!(
        o,
        r#"<div class="card"><div class="k">{}</div><div class="v">{avoided}</div><div class="s">{}</div></div>"#,
        tx::AVOIDED.get(l),
        match l {
            Lang::En => format!(
                "{} lost, against {} with no response",
                whole(card.impact.total.run),
                whole(card.impact.total.baseline)
            ),
            Lang::Ja => format!(
                "損失 {}（無対応の場合 {}）",
                whole(card.impact.total.run),
                whole(card.impact.total.baseline)
            ),
        }
    );
    let _ = write!(
        o,
        r#"<div class="card"><div class="k">{}</div><div class="v">{on_time}<small> / {}</small></div><div class="s">{}</div></div></section>"#,
        tx::ON_TIME_DUTIES.get(l),
        scored.len(),
        match l {
            Lang::En => format!("{} incidents", card.incidents.len()),
            Lang::Ja => format!("インシデント{}件", card.incidents.len()),
        }
    );

    teams(&mut o, c);
    o.push_str("<section>");
    h2(&mut o, tx::RESPONSE_CHART, l, "response");
    o.push_str(&svg::response(c));
    o.push_str("</section>");
    html_detail::incidents(&mut o, c);
    html_detail::impact(&mut o, c);
    html_detail::coordination(&mut o, c);
    html_detail::accuracy(&mut o, c);

    o.push_str("<section>");
    h2(&mut o, tx::NOTES, l, "notes");
    if c.notes.is_empty() {
        let _ = write!(o, r#"<p class="muted">{}</p>"#, tx::NO_NOTES.get(l));
    } else {
        o.push_str(r#"<ul class="notes">"#);
        for (at, text) in &c.notes {
            let _ = write!(o, "<li><time>{}</time> {}</li>", c.at(*at), esc(text));
        }
        o.push_str("</ul>");
    }
    o.push_str("</section>");

    plan(&mut o, c);
    let _ = write!(o, "<footer>");
    h3(&mut o, tx::METHOD, l);
    let _ = writeln!(
        o,
        "<p>{}</p></footer></main></body></html>",
        esc(tx::METHOD_TEXT.get(l))
    );
    o
}

pub(super) fn table_head(o: &mut String, cols: &[(T, bool)], lang: Lang) {
    o.push_str("<table><thead><tr>");
    for (t, num) in cols {
        let class = if *num { r#" class="n""# } else { "" };
        let _ = write!(o, "<th{class}>{}</th>", t.get(lang));
    }
    o.push_str("</tr></thead><tbody>");
}

fn teams(o: &mut String, c: &Ctx) {
    let l = c.lang;
    o.push_str("<section>");
    h2(o, tx::TEAMS, l, "teams");
    table_head(
        o,
        &[
            (tx::TEAM, false),
            (tx::SCORE, false),
            (tx::GRADE, false),
            (tx::ON_TIME_DUTIES, true),
            (tx::AVOIDED, true),
        ],
        l,
    );
    for t in &c.card.teams {
        let scored = t.duties.iter().filter(|d| d.outcome.scored()).count();
        let on_time = t
            .duties
            .iter()
            .filter(|d| d.outcome == Outcome::OnTime)
            .count();
        let score = match (t.score, t.grade) {
            (Some(s), Some(g)) => format!(
                r#"<div class="bar"><span class="{}" style="width:{:.1}%"></span><b>{}</b></div>"#,
                grade_class(g, c.sc.scoring.grades.len()),
                s.clamp(0.0, 100.0),
                num(s)
            ),
            _ => format!(r#"<span class="muted">{}</span>"#, tx::NOT_SCORED.get(l)),
        };
        let _ = write!(
            o,
            r#"<tr><td>{}</td><td class="score">{score}</td><td class="grade">{}</td><td class="n">{}</td><td class="n">{}</td></tr>"#,
            esc(c.team(t.team)),
            t.grade.map_or_else(|| "—".into(), |g| esc(c.grade(g))),
            if scored > 0 {
                format!("{on_time} / {scored}")
            } else {
                "—".into()
            },
            t.impact
                .as_ref()
                .and_then(|i| i.avoided)
                .map_or_else(|| "—".into(), pct)
        );
    }
    o.push_str("</tbody></table></section>");
}

fn plan(o: &mut String, c: &Ctx) {
    let l = c.lang;
    o.push_str(r#"<section class="plan">"#);
    h2(o, tx::PLAN, l, "plan");
    table_head(
        o,
        &[
            (tx::OWNER, false),
            (tx::STRENGTHS, false),
            (tx::AREAS, false),
            (tx::ACTIONS, false),
            (tx::DUE, false),
        ],
        l,
    );
    let list = |v: &[String]| {
        if v.is_empty() {
            "—".to_string()
        } else {
            format!(
                "<ul>{}</ul>",
                v.iter()
                    .map(|s| format!("<li>{}</li>", esc(s)))
                    .collect::<String>()
            )
        }
    };
    for r in &c.plan {
        let _ = write!(
            o,
            r#"<tr><td><b>{}</b></td><td>{}</td><td>{}</td><td>{}</td><td class="due">{}</td></tr>"#,
            esc(&r.owner),
            list(&r.strengths),
            list(&r.areas),
            list(&r.actions),
            r.due.as_deref().unwrap_or("—")
        );
    }
    o.push_str("</tbody></table></section>");
}
