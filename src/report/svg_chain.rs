//! The timeline of the reporting chain as inline SVG: a lane per team, each message
//! an arrow from its sending to its arrival, detections as diamonds.

use super::Ctx;
use super::fmt::{clip, esc};
use super::svg::{W, fits, open, px, time_axis};
use super::text as tx;
use crate::scenario::{MessageKind, Secs};
use std::fmt::Write;

fn kind_colour(k: MessageKind) -> &'static str {
    match k {
        MessageKind::Report => "#1565c0",
        MessageKind::Alert => "#c62828",
        MessageKind::Request => "#6a1b9a",
        MessageKind::Information => "#607d8b",
        MessageKind::PublicStatement => "#2e7d32",
    }
}

const KINDS: [MessageKind; 5] = [
    MessageKind::Report,
    MessageKind::Alert,
    MessageKind::Request,
    MessageKind::Information,
    MessageKind::PublicStatement,
];

/// Lanes per team; each message an arrow from its sending to its arrival.
pub(super) fn chain(c: &Ctx) -> String {
    let teams = c.sc.teams.len();
    let (l, r, top, lane) = (190.0, 20.0, 34.0, 34.0);
    let plot_bottom = top + lane * teams as f64;
    let h = plot_bottom + 64.0;
    let end = c.card.end.max(1);
    let x = |s: Secs| l + (W - l - r) * s as f64 / end as f64;
    let y = |t: usize| top + lane * t as f64 + lane / 2.0;
    let mut o = String::new();
    open(&mut o, h, tx::CHAIN_CHART.get(c.lang));
    o.push_str("<defs>");
    for k in KINDS {
        let col = kind_colour(k);
        let _ = write!(
            o,
            r#"<marker id="arrow-{}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="{col}"/></marker>"#,
            &col[1..]
        );
    }
    o.push_str("</defs>");
    for k in 0..teams {
        let fill = if k % 2 == 0 { "#f6f7f9" } else { "#ffffff" };
        let _ = write!(
            o,
            r#"<rect x="{l}" y="{:.1}" width="{:.1}" height="{lane}" fill="{fill}"/>"#,
            top + lane * k as f64,
            W - l - r
        );
        let name = clip(c.sc.teams[k].name.get(c.lang), fits(l - 14.0, 12.0));
        let _ = write!(
            o,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="end" class="label">{}</text>"#,
            l - 8.0,
            y(k) + 4.0,
            esc(&name)
        );
    }
    time_axis(&mut o, c, &x, top, plot_bottom);
    for (n, inc) in c.card.incidents.iter().enumerate() {
        let at = x(inc.start);
        let _ = write!(
            o,
            r##"<line x1="{at:.1}" y1="{:.1}" x2="{at:.1}" y2="{plot_bottom:.1}" stroke="#b0b6bd" stroke-dasharray="2 3"/>"##,
            top - 4.0
        );
        let name = clip(c.threat(inc.threat), fits(W - l - r, 11.0) / 2);
        let anchor = if at + px(&name, 11.0) > W - r {
            "end"
        } else {
            "start"
        };
        let _ = write!(
            o,
            r#"<text x="{at:.1}" y="{:.1}" class="tick" text-anchor="{anchor}">{}</text>"#,
            top - 8.0 - 11.0 * (n % 2) as f64,
            esc(&name)
        );
    }
    for hop in &c.card.coordination.hops {
        let col = kind_colour(hop.kind);
        let (xa, ya, xb, yb) = (
            x(hop.sent),
            y(hop.from.idx()),
            x(hop.arrived),
            y(hop.to.idx()),
        );
        let _ = write!(
            o,
            r#"<line x1="{xa:.1}" y1="{ya:.1}" x2="{xb:.1}" y2="{yb:.1}" stroke="{col}" stroke-width="1.6" marker-end="url(#arrow-{})"/><circle cx="{xa:.1}" cy="{ya:.1}" r="2.5" fill="{col}"/>"#,
            &col[1..]
        );
    }
    for chain in &c.card.coordination.chains {
        for link in chain.links.iter().filter(|k| k.from.is_none()) {
            let (px, py) = (x(link.at), y(link.team.idx()));
            let _ = write!(
                o,
                r##"<path d="M{px:.1} {:.1}L{:.1} {py:.1}L{px:.1} {:.1}L{:.1} {py:.1}z" fill="#263238"/>"##,
                py - 6.0,
                px + 6.0,
                py + 6.0,
                px - 6.0
            );
        }
    }
    // Legend.
    let ly = plot_bottom + 40.0;
    let mut lx = l;
    for k in KINDS {
        let col = kind_colour(k);
        let _ = write!(
            o,
            r#"<line x1="{lx:.1}" y1="{ly}" x2="{:.1}" y2="{ly}" stroke="{col}" stroke-width="2"/>"#,
            lx + 20.0
        );
        let name = tx::kind(k).get(c.lang);
        let _ = write!(
            o,
            r#"<text x="{:.1}" y="{:.1}" class="legend">{}</text>"#,
            lx + 26.0,
            ly + 4.0,
            esc(name)
        );
        lx += 44.0 + px(name, 12.0);
    }
    let _ = write!(
        o,
        r##"<path d="M{:.1} {:.1}l6 6l-6 6l-6 -6z" fill="#263238"/><text x="{:.1}" y="{:.1}" class="legend">{}</text>"##,
        lx + 6.0,
        ly - 6.0,
        lx + 18.0,
        ly + 4.0,
        esc(tx::DETECTED.get(c.lang))
    );
    let _ = write!(
        o,
        r#"<text x="{l}" y="{:.1}" class="tick">{}</text>"#,
        ly + 20.0,
        esc(tx::MESSAGE_KEY.get(c.lang))
    );
    o.push_str("</svg>");
    o
}
