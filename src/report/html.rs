//! The report as one self-contained HTML page: inline styles and SVG charts, no
//! scripts, no external reference; prints on A4.

use super::Ctx;
use super::fmt::{esc, num, pct, span, whole};
use super::markdown::claim_line;
use super::svg;
use super::text::{self as tx, T};
use crate::scenario::{Lang, TeamId};
use crate::scoring::Outcome;
use std::fmt::Write;

const STYLE: &str = include_str!("report.css");

fn h2(o: &mut String, t: T, lang: Lang, id: &str) {
    let _ = write!(
        o,
        r#"<h2 id="{id}">{} <span class="alt">{}</span></h2>"#,
        t.get(lang),
        t.alt(lang)
    );
}

fn h3(o: &mut String, t: T, lang: Lang) {
    let _ = write!(
        o,
        r#"<h3>{} <span class="alt">{}</span></h3>"#,
        t.get(lang),
        t.alt(lang)
    );
}

fn badge(o: Outcome, lang: Lang) -> String {
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
        (tx::START, esc(&sc.start_clock)),
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
    incidents(&mut o, c);
    impact(&mut o, c);
    coordination(&mut o, c);
    accuracy(&mut o, c);

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

fn table_head(o: &mut String, cols: &[(T, bool)], lang: Lang) {
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

fn names(c: &Ctx, v: &[TeamId]) -> String {
    if v.is_empty() {
        "—".into()
    } else {
        v.iter()
            .map(|t| esc(c.team(*t)))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

fn incidents(o: &mut String, c: &Ctx) {
    let l = c.lang;
    o.push_str("<section>");
    h2(o, tx::INCIDENTS, l, "incidents");
    if c.card.incidents.is_empty() {
        let _ = write!(o, r#"<p class="muted">{}</p>"#, tx::NO_INCIDENTS.get(l));
    }
    for i in &c.card.incidents {
        let _ = write!(
            o,
            r#"<article class="incident"><h3>{}</h3><dl class="facts">"#,
            esc(c.threat(i.threat))
        );
        let hits = i
            .hits
            .iter()
            .map(|s| esc(c.service(*s)))
            .collect::<Vec<_>>()
            .join(", ");
        let facts = [
            (tx::SEVERITY, esc(&c.severity(i.severity))),
            (tx::STARTED, c.at(i.start)),
            (tx::HITS, hits),
            (tx::OWNERS, names(c, &i.owners)),
            (tx::DEPENDENTS, names(c, &i.dependents)),
            (tx::SCORE, i.score.map_or_else(|| "—".into(), num)),
        ];
        for (k, v) in facts {
            let _ = write!(o, "<div><dt>{}</dt><dd>{v}</dd></div>", k.get(l));
        }
        o.push_str("</dl>");
        table_head(
            o,
            &[
                (tx::PHASE, false),
                (tx::DEADLINE, true),
                (tx::DONE_AT, true),
                (tx::TOOK, true),
                (tx::OUTCOME, false),
                (tx::POINTS, true),
            ],
            l,
        );
        for p in &i.phases {
            let points = if p.outcome.scored() {
                format!("{} / {}", num(p.points), num(p.max_points))
            } else {
                "—".into()
            };
            let _ = write!(
                o,
                r#"<tr><td>{}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{}</td><td>{}</td><td class="n">{points}</td></tr>"#,
                tx::phase(p.phase).get(l),
                c.dur(p.deadline),
                p.done_at.map_or_else(|| "—".into(), |a| c.at(a)),
                p.took.map_or_else(|| "—".into(), |d| c.dur(d)),
                badge(p.outcome, l)
            );
        }
        o.push_str("</tbody></table></article>");
    }
    o.push_str("</section>");
}

fn impact(o: &mut String, c: &Ctx) {
    let l = c.lang;
    let im = &c.card.impact;
    o.push_str("<section>");
    h2(o, tx::IMPACT, l, "impact");
    h3(o, tx::CAPACITY_CHART, l);
    o.push_str(&svg::capacity(c));
    let _ = write!(o, r#"<p class="muted">{}</p>"#, esc(tx::UNIT.get(l)));
    table_head(
        o,
        &[
            (tx::SECTOR, false),
            (tx::LOST_RUN, true),
            (tx::LOST_BASE, true),
            (tx::AVOIDED_SHORT, true),
        ],
        l,
    );
    let row = |o: &mut String, name: String, loss: &crate::scoring::Loss, class: &str| {
        let a = loss.avoided.map_or_else(|| "—".into(), pct);
        let _ = write!(
            o,
            r#"<tr class="{class}"><td>{name}</td><td class="n">{}</td><td class="n">{}</td><td class="n">{a}</td></tr>"#,
            whole(loss.run),
            whole(loss.baseline)
        );
    };
    for (s, loss) in im
        .sectors
        .iter()
        .filter(|(_, x)| x.run > 0.0 || x.baseline > 0.0)
    {
        let col = c.sc.sectors[s.idx()].colour;
        let sw = format!(
            r#"<i class="sw" style="background:rgb({},{},{})"></i>{}"#,
            col[0],
            col[1],
            col[2],
            esc(c.sector(*s))
        );
        row(o, sw, loss, "");
    }
    row(o, tx::TOTAL.get(l).to_string(), &im.total, "total");
    let _ = write!(
        o,
        "</tbody></table><p>{}: <b>{}</b> / {}</p></section>",
        tx::POINTS.get(l),
        num(im.points),
        num(im.max_points)
    );
}

fn coordination(o: &mut String, c: &Ctx) {
    let l = c.lang;
    let co = &c.card.coordination;
    o.push_str("<section>");
    h2(o, tx::COORDINATION, l, "coordination");
    h3(o, tx::CHAIN_CHART, l);
    o.push_str(&svg::chain(c));
    h3(o, tx::CHAIN, l);
    for chain in &co.chains {
        let _ = write!(o, r#"<h4>{}</h4>"#, esc(c.threat(chain.threat)));
        table_head(
            o,
            &[
                (tx::TIME, true),
                (tx::TEAM, false),
                (tx::LEARNT_FROM, false),
                (tx::HELD, true),
                (tx::TRANSIT, true),
            ],
            l,
        );
        for k in &chain.links {
            let from = k.from.map_or_else(
                || format!("<em>{}</em>", tx::OWN_DETECTION.get(l)),
                |f| esc(c.team(f)),
            );
            let _ = write!(
                o,
                r#"<tr><td class="n">{}</td><td>{}</td><td>{from}</td><td class="n">{}</td><td class="n">{}</td></tr>"#,
                c.at(k.at),
                esc(c.team(k.team)),
                k.held.map_or_else(|| "—".into(), |d| c.dur(d)),
                k.transit.map_or_else(|| "—".into(), |d| c.dur(d))
            );
        }
        o.push_str("</tbody></table>");
    }
    if !co.warnings.is_empty() {
        h3(o, tx::WARNINGS, l);
        table_head(
            o,
            &[
                (tx::TEAM, false),
                (tx::INCIDENT, false),
                (tx::HIT_AT, true),
                (tx::WARNED_AT, true),
                (tx::OUTCOME, false),
            ],
            l,
        );
        for w in &co.warnings {
            let flag = match (w.hit, w.unwarned) {
                (None, _) => format!(r#"<span class="badge na">{}</span>"#, tx::NOT_HIT.get(l)),
                (Some(_), true) => format!(
                    r#"<span class="badge miss">{}</span>"#,
                    tx::HIT_FIRST.get(l)
                ),
                (Some(_), false) => format!(
                    r#"<span class="badge ok">{}</span>"#,
                    tx::WARNED_FIRST.get(l)
                ),
            };
            let _ = write!(
                o,
                r#"<tr><td>{}</td><td>{}</td><td class="n">{}</td><td class="n">{}</td><td>{flag}</td></tr>"#,
                esc(c.team(w.team)),
                esc(c.threat(w.threat)),
                w.hit.map_or_else(|| "—".into(), |a| c.at(a)),
                w.warned
                    .map_or_else(|| tx::NEVER.get(l).into(), |a| c.at(a))
            );
        }
        o.push_str("</tbody></table>");
    }
    let _ = write!(
        o,
        "<details><summary>{} ({})</summary>",
        tx::MESSAGES.get(l),
        co.hops.len()
    );
    if co.hops.is_empty() {
        let _ = write!(o, r#"<p class="muted">{}</p>"#, tx::NO_MESSAGES.get(l));
    } else {
        table_head(
            o,
            &[
                (tx::SENT, true),
                (tx::ARRIVED, true),
                (tx::FROM, false),
                (tx::TO, false),
                (tx::KIND, false),
                (tx::ABOUT, false),
            ],
            l,
        );
        for hop in &co.hops {
            let about = hop
                .about
                .iter()
                .map(|t| esc(c.threat(*t)))
                .collect::<Vec<_>>()
                .join(", ");
            let _ = write!(
                o,
                r#"<tr><td class="n">{}</td><td class="n">{}</td><td>{}</td><td>{}</td><td>{} #{}</td><td>{}</td></tr>"#,
                c.at(hop.sent),
                c.at(hop.arrived),
                esc(c.team(hop.from)),
                esc(c.team(hop.to)),
                tx::kind(hop.kind).get(l),
                hop.message.0,
                if about.is_empty() {
                    "—".into()
                } else {
                    about
                }
            );
        }
        o.push_str("</tbody></table>");
    }
    o.push_str("</details></section>");
}

fn accuracy(o: &mut String, c: &Ctx) {
    let l = c.lang;
    let acc = &c.card.accuracy;
    o.push_str("<section>");
    h2(o, tx::ACCURACY, l, "accuracy");
    if acc.claims.is_empty() {
        let _ = write!(
            o,
            r#"<p class="muted">{}</p></section>"#,
            tx::NO_CLAIMS.get(l)
        );
        return;
    }
    table_head(
        o,
        &[(tx::TEAM, false), (tx::CHECKED, true), (tx::CORRECT, true)],
        l,
    );
    for t in &acc.teams {
        let _ = write!(
            o,
            r#"<tr><td>{}</td><td class="n">{}</td><td class="n">{}</td></tr>"#,
            esc(c.team(t.team)),
            t.checked,
            t.correct
        );
    }
    o.push_str("</tbody></table>");
    let wrong: Vec<_> = acc.claims.iter().filter(|x| !x.correct).collect();
    if !wrong.is_empty() {
        let _ = write!(o, "<p>{}:</p><ul>", tx::WRONG.get(l));
        for x in wrong {
            let _ = write!(o, "<li>{}</li>", esc(&claim_line(c, x)));
        }
        o.push_str("</ul>");
    }
    o.push_str("</section>");
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
