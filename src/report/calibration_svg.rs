//! The calibration report's charts as inline SVG: the score histogram (the runs
//! against doing nothing), and rows of heat strips (a team's scores over 0..100, or
//! when a service went down or an inject fired over the exercise).

use super::fmt::{clip, esc, span};
use super::svg::{W, fits, open};
use crate::scenario::Secs;
use std::fmt::Write;

const LEFT: f64 = 190.0;
const RIGHT: f64 = 70.0;

fn x_at(share: f64) -> f64 {
    LEFT + share.clamp(0.0, 1.0) * (W - LEFT - RIGHT)
}

/// Bars of `runs` per score point, and the no-response runs as an outline.
pub(super) fn histogram(label: &str, runs: &[u64], base: &[u64], legend: [&str; 2]) -> String {
    let h = 220.0;
    let (top, bottom) = (28.0, h - 30.0);
    // Scaled to the runs; the no-response outline is cut at the top where it is taller.
    let most = runs.iter().copied().max().unwrap_or(0).max(1) as f64;
    let bw = (W - LEFT - RIGHT) / 100.0;
    let mut o = String::new();
    open(&mut o, h, label);
    let y = |n: u64| bottom - (bottom - top) * (n as f64 / most).min(1.0);
    for (i, &n) in runs.iter().enumerate().filter(|(_, n)| **n > 0) {
        let x = x_at(i as f64 / 100.0);
        let _ = write!(
            o,
            r##"<rect x="{x:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="#2f6fb0"/>"##,
            y(n),
            (bw - 1.0).max(1.0),
            bottom - y(n)
        );
    }
    let mut path = String::new();
    for (i, &n) in base.iter().enumerate() {
        let x = x_at(i as f64 / 100.0);
        let _ = write!(
            path,
            "{}{x:.1},{:.1} H{:.1}",
            if i == 0 { "M" } else { " L" },
            y(n),
            x + bw
        );
    }
    let _ = write!(
        o,
        r##"<path d="{path}" fill="none" stroke="#b0452f" stroke-width="1.5" stroke-dasharray="4 3"/>"##
    );
    for p in (0..=100).step_by(10) {
        let x = x_at(p as f64 / 100.0);
        let _ = write!(
            o,
            r##"<line x1="{x:.1}" y1="{bottom:.1}" x2="{x:.1}" y2="{:.1}" stroke="#8a929b"/><text x="{x:.1}" y="{:.1}" text-anchor="middle" class="tick">{p}</text>"##,
            bottom + 4.0,
            bottom + 18.0
        );
    }
    let _ = write!(
        o,
        r##"<rect x="{LEFT}" y="8" width="12" height="10" fill="#2f6fb0"/><text x="{:.1}" y="17" class="tick">{}</text><line x1="{:.1}" y1="13" x2="{:.1}" y2="13" stroke="#b0452f" stroke-dasharray="4 3" stroke-width="1.5"/><text x="{:.1}" y="17" class="tick">{}</text>"##,
        LEFT + 16.0,
        esc(legend[0]),
        LEFT + 220.0,
        LEFT + 244.0,
        LEFT + 250.0,
        esc(legend[1])
    );
    o.push_str("</svg>");
    o
}

/// One row of a strip chart: a label, a figure at the right, and counts per bin.
pub(super) struct Strip {
    pub label: String,
    pub figure: String,
    pub bins: Vec<u64>,
    /// A marker (0..1 along the axis), e.g. the mean.
    pub mark: Option<f64>,
}

/// What the strips' axis measures.
pub(super) enum Axis {
    /// Score points 0..100.
    Score,
    /// Exercise time, to `end` (the cells divide it evenly).
    Time { end: Secs },
}

/// Rows of heat strips: each cell's darkness is its share of the row's largest cell.
pub(super) fn strips(label: &str, rows: &[Strip], axis: Axis) -> String {
    let row_h = 20.0;
    let top = 8.0;
    let h = top + row_h * rows.len() as f64 + 30.0;
    let mut o = String::new();
    open(&mut o, h, label);
    for (r, row) in rows.iter().enumerate() {
        let y = top + r as f64 * row_h;
        let name = clip(&row.label, fits(LEFT - 12.0, 12.0));
        let _ = write!(
            o,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="end" class="label">{}</text>"#,
            LEFT - 8.0,
            y + 14.0,
            esc(&name)
        );
        let _ = write!(
            o,
            r##"<rect x="{LEFT}" y="{:.1}" width="{:.1}" height="{:.1}" fill="#f3f5f7"/>"##,
            y + 2.0,
            W - LEFT - RIGHT,
            row_h - 4.0
        );
        let most = row.bins.iter().copied().max().unwrap_or(0);
        let n = row.bins.len().max(1) as f64;
        for (i, &c) in row.bins.iter().enumerate().filter(|(_, c)| **c > 0) {
            let (x0, x1) = (x_at(i as f64 / n), x_at((i + 1) as f64 / n));
            let a = 0.15 + 0.85 * c as f64 / most.max(1) as f64;
            let _ = write!(
                o,
                r##"<rect x="{x0:.1}" y="{:.1}" width="{:.1}" height="{:.1}" fill="#2f6fb0" fill-opacity="{a:.2}"/>"##,
                y + 2.0,
                (x1 - x0).max(1.0),
                row_h - 4.0
            );
        }
        if let Some(m) = row.mark {
            let x = x_at(m);
            let _ = write!(
                o,
                r##"<line x1="{x:.1}" y1="{:.1}" x2="{x:.1}" y2="{:.1}" stroke="#b0452f" stroke-width="2"/>"##,
                y + 1.0,
                y + row_h - 1.0
            );
        }
        let _ = write!(
            o,
            r#"<text x="{:.1}" y="{:.1}" class="label">{}</text>"#,
            W - RIGHT + 6.0,
            y + 14.0,
            esc(&row.figure)
        );
    }
    let base = top + row_h * rows.len() as f64 + 4.0;
    let ticks: Vec<(f64, String)> = match axis {
        Axis::Score => (0..=100)
            .step_by(10)
            .map(|p| (p as f64 / 100.0, p.to_string()))
            .collect(),
        Axis::Time { end, .. } => {
            let hours = end.div_ceil(3600).max(1);
            let step = hours.div_ceil(12).max(1) * 3600;
            (0..=end / step)
                .map(|k| ((k * step) as f64 / end.max(1) as f64, span(k * step)))
                .collect()
        }
    };
    for (at, text) in ticks {
        let x = x_at(at);
        let _ = write!(
            o,
            r##"<line x1="{x:.1}" y1="{:.1}" x2="{x:.1}" y2="{:.1}" stroke="#8a929b"/><text x="{x:.1}" y="{:.1}" text-anchor="middle" class="tick">{}</text>"##,
            base - 2.0,
            base + 3.0,
            base + 17.0,
            esc(&text)
        );
    }
    o.push_str("</svg>");
    o
}
