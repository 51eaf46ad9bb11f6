//! The report's charts as inline SVG: capacity by sector over time and response times
//! against deadlines per team (the reporting chain's timeline is in `svg_chain`).

use super::Ctx;
use super::fmt::{clip, esc, width};
use super::text::{self as tx};
use crate::scenario::Secs;
use crate::scoring::Outcome;
use std::fmt::Write;

pub(super) const W: f64 = 960.0;

/// Hour ticks (every 1, 2, 3 ... hours, at most 12) up to `end`.
fn ticks(end: Secs) -> Vec<Secs> {
    let hours = end.div_ceil(3600).max(1);
    let step = hours.div_ceil(12).max(1) * 3600;
    (0..=end / step).map(|k| k * step).collect()
}

/// A sector colour, darkened when too light to read on white.
fn ink(rgb: [u8; 3]) -> String {
    let [r, g, b] = rgb.map(f64::from);
    let lum = (0.299 * r + 0.587 * g + 0.114 * b) / 255.0;
    let k = if lum > 0.65 { 0.7 } else { 1.0 };
    format!(
        "#{:02x}{:02x}{:02x}",
        (r * k) as u8,
        (g * k) as u8,
        (b * k) as u8
    )
}

/// Roughly how wide `s` is at `font` px.
pub(super) fn px(s: &str, font: f64) -> f64 {
    width(s) as f64 * font * 0.56
}

/// Half-width units that fit in `room` px at `font` px.
pub(super) fn fits(room: f64, font: f64) -> usize {
    (room / (font * 0.56)) as usize
}

pub(super) fn open(o: &mut String, h: f64, label: &str) {
    let _ = write!(
        o,
        r#"<svg viewBox="0 0 {W} {h}" width="100%" role="img" aria-label="{}" class="chart">"#,
        esc(label)
    );
}

/// Time axis along the bottom of a plot from `x0` to `x1` at height `y`.
pub(super) fn time_axis(o: &mut String, c: &Ctx, x: &dyn Fn(Secs) -> f64, top: f64, y: f64) {
    let all = ticks(c.card.end);
    for (k, &t) in all.iter().enumerate() {
        let px = x(t);
        let anchor = if k + 1 == all.len() && t == c.card.end {
            "end"
        } else {
            "middle"
        };
        let _ = write!(
            o,
            r##"<line x1="{px:.1}" y1="{top:.1}" x2="{px:.1}" y2="{y:.1}" stroke="#e3e6ea"/>"##
        );
        let _ = write!(
            o,
            r#"<text x="{px:.1}" y="{:.1}" text-anchor="{anchor}" class="tick">{}</text>"#,
            y + 16.0,
            esc(&c.at(t))
        );
    }
}

/// Capacity by sector over time, the run solid and the no-response baseline dashed.
pub(super) fn capacity(c: &Ctx) -> String {
    let (l, r, t, b) = (56.0, 250.0, 14.0, 40.0);
    let h = 340.0;
    let end = c.card.end.max(1);
    let x = |s: Secs| l + (W - l - r) * s as f64 / end as f64;
    let y = |v: f64| t + (h - t - b) * (1.0 - v.clamp(0.0, 1.0));
    let mut o = String::new();
    open(&mut o, h, tx::CAPACITY_CHART.get(c.lang));
    for v in [0.0, 0.25, 0.5, 0.75, 1.0] {
        let py = y(v);
        let _ = write!(
            o,
            r##"<line x1="{l}" y1="{py:.1}" x2="{:.1}" y2="{py:.1}" stroke="#e3e6ea"/>"##,
            W - r
        );
        let _ = write!(
            o,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="end" class="tick">{:.0}%</text>"#,
            l - 6.0,
            py + 4.0,
            v * 100.0
        );
    }
    time_axis(&mut o, c, &x, t, h - b);
    let path = |pts: &[(Secs, f64)]| {
        let mut d = String::new();
        for (i, &(at, v)) in pts.iter().enumerate() {
            if i == 0 {
                let _ = write!(d, "M{:.1} {:.1}", x(at), y(v));
            } else {
                let _ = write!(d, "H{:.1}V{:.1}", x(at), y(v));
            }
        }
        if let Some(&(_, v)) = pts.last() {
            let _ = write!(d, "H{:.1}V{:.1}", x(end), y(v));
        }
        d
    };
    let shown: Vec<_> = c
        .card
        .impact
        .series
        .iter()
        .filter(|s| s.run.iter().chain(&s.baseline).any(|p| p.1 < 0.999))
        .collect();
    for (k, s) in shown.iter().enumerate() {
        let col = ink(c.sc.sectors[s.sector.idx()].colour);
        let _ = write!(
            o,
            r#"<path d="{}" fill="none" stroke="{col}" stroke-width="1.5" stroke-dasharray="5 4" opacity="0.55"/>"#,
            path(&s.baseline)
        );
        let _ = write!(
            o,
            r#"<path d="{}" fill="none" stroke="{col}" stroke-width="2.5"/>"#,
            path(&s.run)
        );
        let ly = t + 6.0 + 20.0 * k as f64;
        let lx = W - r + 16.0;
        let _ = write!(
            o,
            r#"<line x1="{lx}" y1="{ly}" x2="{}" y2="{ly}" stroke="{col}" stroke-width="3"/>"#,
            lx + 22.0
        );
        let _ = write!(
            o,
            r#"<text x="{}" y="{}" class="legend">{}</text>"#,
            lx + 28.0,
            ly + 4.0,
            esc(&clip(c.sector(s.sector), fits(r - 50.0, 12.0)))
        );
    }
    let ly = t + 6.0 + 20.0 * shown.len() as f64 + 8.0;
    let lx = W - r + 16.0;
    let _ = write!(
        o,
        r##"<line x1="{lx}" y1="{ly}" x2="{}" y2="{ly}" stroke="#555" stroke-width="1.5" stroke-dasharray="5 4"/><text x="{}" y="{}" class="legend">{}</text>"##,
        lx + 22.0,
        lx + 28.0,
        ly + 4.0,
        esc(tx::BASELINE_KEY.get(c.lang))
    );
    o.push_str("</svg>");
    o
}

/// A bar: label, time taken / deadline (if done), outcome, right-hand text.
type Bar = (String, Option<f64>, Outcome, String);

/// One bar per phase a team answers for: time taken as a multiple of the deadline.
pub(super) fn response(c: &Ctx) -> String {
    let (label_w, right_w) = (330.0, 120.0);
    let (x0, x1) = (label_w, W - right_w);
    let max = 3.0;
    let x = |ratio: f64| x0 + (x1 - x0) * ratio.min(max) / max;
    let mut rows: Vec<(String, Vec<Bar>)> = Vec::new();
    for ts in &c.card.teams {
        let bars: Vec<_> = ts
            .duties
            .iter()
            .filter(|d| d.outcome.scored())
            .filter_map(|d| {
                let p = c.card.incident(d.threat)?.phase(d.phase);
                let ratio = p.took.map(|t| t as f64 / p.deadline.max(1) as f64);
                let label = clip(
                    &format!(
                        "{} · {}",
                        tx::phase(d.phase).get(c.lang),
                        c.threat(d.threat)
                    ),
                    fits(label_w - 26.0, 12.0),
                );
                let right = format!(
                    "{} / {}",
                    p.took.map_or_else(|| "—".into(), |t| c.dur(t)),
                    c.dur(p.deadline)
                );
                Some((label, ratio, p.outcome, right))
            })
            .collect();
        if !bars.is_empty() {
            rows.push((c.team(ts.team).to_string(), bars));
        }
    }
    let n: usize = rows.iter().map(|r| r.1.len()).sum();
    let top = 28.0;
    let h = top + 26.0 * rows.len() as f64 + 20.0 * n as f64 + 16.0;
    let mut o = String::new();
    open(&mut o, h, tx::RESPONSE_CHART.get(c.lang));
    for (ratio, label) in [(1.0, tx::DEADLINE_MARK), (2.0, tx::NO_CREDIT_MARK)] {
        let px = x(ratio);
        let _ = write!(
            o,
            r##"<line x1="{px:.1}" y1="{:.1}" x2="{px:.1}" y2="{:.1}" stroke="#888" stroke-dasharray="3 3"/>"##,
            top - 6.0,
            h - 8.0
        );
        let _ = write!(
            o,
            r#"<text x="{px:.1}" y="{:.1}" text-anchor="middle" class="tick">{}</text>"#,
            top - 12.0,
            esc(label.get(c.lang))
        );
    }
    let mut y = top;
    for (team, bars) in &rows {
        y += 20.0;
        let _ = write!(
            o,
            r#"<text x="4" y="{y:.1}" class="group">{}</text>"#,
            esc(team)
        );
        y += 6.0;
        for (label, ratio, outcome, right) in bars {
            let cy = y + 10.0;
            let _ = write!(
                o,
                r#"<text x="16" y="{:.1}" class="label">{}</text>"#,
                cy + 4.0,
                esc(label)
            );
            let bar = match (outcome, ratio) {
                (Outcome::OnTime, Some(r)) => Some(("#2e7d32", x(*r) - x0)),
                (Outcome::Late, Some(r)) => Some(("#ef8f00", x(*r) - x0)),
                _ => None,
            };
            if let Some((fill, w)) = bar {
                let _ = write!(
                    o,
                    r#"<rect x="{x0}" y="{:.1}" width="{:.1}" height="13" rx="2" fill="{fill}"/>"#,
                    cy - 6.0,
                    w.max(3.0)
                );
            } else {
                let _ = write!(
                    o,
                    r##"<rect x="{x0}" y="{:.1}" width="{:.1}" height="13" rx="2" fill="none" stroke="#c62828" stroke-dasharray="4 3"/><text x="{:.1}" y="{:.1}" class="label miss">{}</text>"##,
                    cy - 6.0,
                    x1 - x0,
                    x0 + 6.0,
                    cy + 4.0,
                    esc(tx::NOT_DONE.get(c.lang))
                );
            }
            let _ = write!(
                o,
                r#"<text x="{:.1}" y="{:.1}" class="label">{}</text>"#,
                x1 + 8.0,
                cy + 4.0,
                esc(right)
            );
            y += 20.0;
        }
    }
    o.push_str("</svg>");
    o
}
