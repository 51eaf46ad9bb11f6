//! The HTML report's detail sections: incidents, service impact, coordination and
//! picture accuracy.

use super::Ctx;
use super::fmt::{esc, num, pct, whole};
use super::html::{badge, h2, h3, table_head};
use super::md_detail::claim_line;
use super::svg;
use super::text as tx;
use crate::scenario::TeamId;
use std::fmt::Write;

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

pub(super) fn incidents(o: &mut String, c: &Ctx) {
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

pub(super) fn impact(o: &mut String, c: &Ctx) {
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

pub(super) fn coordination(o: &mut String, c: &Ctx) {
    let l = c.lang;
    let co = &c.card.coordination;
    o.push_str("<section>");
    h2(o, tx::COORDINATION, l, "coordination");
    h3(o, tx::CHAIN_CHART, l);
    o.push_str(&super::svg_chain::chain(c));
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

pub(super) fn accuracy(o: &mut String, c: &Ctx) {
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
