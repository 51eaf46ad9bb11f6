//! The charts tab (egui_plot): capacity by sector over time against the no-response baseline,
//! response times against deadlines, and messages sent per team over time.

use super::Ctx;
use super::scores::{outcome_colour, phase_key};
use crate::engine::{EntryKind, Journal, Sender};
use crate::gui::i18n::{Arg, I18n};
use crate::gui::widgets::colour;
use crate::scenario::{Scenario, Secs};
use crate::scoring::{Outcome, Scorecard};
use crate::words::clip;
use bevy_egui::egui::{self, Color32, RichText};
use egui_plot::{
    Bar, BarChart, GridMark, Legend, Line, LineStyle, MarkerShape, Plot, PlotPoints, Points, VLine,
};

/// Exercise seconds to the charts' x unit (hours).
fn hours(t: Secs) -> f64 {
    t as f64 / 3600.0
}

fn clock_label(mark: GridMark, _: &std::ops::RangeInclusive<f64>) -> String {
    let mins = (mark.value * 60.0).round().max(0.0) as u64;
    format!("{}:{:02}", mins / 60, mins % 60)
}

pub(super) fn show(ui: &mut egui::Ui, c: &mut Ctx) {
    let d = &c.debrief;
    let at = c.scrubber.as_ref().map_or(d.end, |s| s.at());
    let Ok(card) = &d.card else {
        ui.label(RichText::new(c.t("debrief-tab-charts")).color(colour::MUTED));
        return;
    };
    let i18n = &c.i18n;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let h = ((ui.available_height() - 140.0) / 2.0).clamp(170.0, 320.0);
            capacity(ui, &d.scenario, card, at, d.end, h, i18n);
            ui.add_space(6.0);
            ui.columns(2, |cols| {
                response(&mut cols[0], &d.scenario, card, h, i18n);
                messages(&mut cols[1], &d.scenario, &d.journal, at, d.end, h, i18n);
            });
        });
}

/// A step series (the value holds until the next change), carried on to `end`.
fn steps(points: &[(Secs, f64)], end: Secs, scale: f64) -> Vec<[f64; 2]> {
    let mut out = Vec::with_capacity(points.len() * 2 + 1);
    let mut last: Option<f64> = None;
    for (t, v) in points {
        if let Some(prev) = last {
            out.push([hours(*t), prev * scale]);
        }
        out.push([hours(*t), v * scale]);
        last = Some(*v);
    }
    if let Some(v) = last {
        out.push([hours(end), v * scale]);
    }
    out
}

fn sector_colour(s: &Scenario, i: usize) -> Color32 {
    s.sectors.get(i).map_or(colour::MUTED, |x| {
        let [r, g, b] = x.colour;
        Color32::from_rgb(r, g, b)
    })
}

#[allow(clippy::too_many_arguments)]
fn capacity(
    ui: &mut egui::Ui,
    s: &Scenario,
    card: &Scorecard,
    at: Secs,
    end: Secs,
    h: f32,
    i18n: &I18n,
) {
    ui.horizontal_wrapped(|ui| {
        ui.strong(i18n.t("debrief-chart-capacity"));
        ui.label(
            RichText::new(i18n.t("debrief-chart-capacity-hint"))
                .small()
                .color(colour::MUTED),
        );
    });
    let keys: Vec<(String, Color32)> = card
        .impact
        .series
        .iter()
        .map(|x| {
            let i = x.sector.idx();
            let name = s.sectors.get(i).map_or("?", |x| i18n.text(&x.name));
            (name.to_owned(), sector_colour(s, i))
        })
        .collect();
    key_row(ui, &keys);
    Plot::new("plot-capacity")
        .height(h)
        .include_y(0.0)
        .include_y(100.0)
        .include_x(0.0)
        .include_x(hours(end))
        .x_axis_formatter(clock_label)
        .y_axis_formatter(|m, _| format!("{:.0}%", m.value))
        .allow_scroll(false)
        .show(ui, |plot| {
            for series in &card.impact.series {
                let i = series.sector.idx();
                let name = s.sectors.get(i).map_or("?", |x| i18n.text(&x.name));
                let col = sector_colour(s, i);
                plot.line(
                    Line::new(
                        name.to_owned(),
                        PlotPoints::from(steps(&series.run, end, 100.0)),
                    )
                    .color(col)
                    .width(2.0),
                );
                let base = i18n.ta("debrief-chart-baseline", &[("sector", Arg::Str(name))]);
                plot.line(
                    Line::new(base, PlotPoints::from(steps(&series.baseline, end, 100.0)))
                        .color(col.gamma_multiply(0.55))
                        .style(LineStyle::Dashed { length: 6.0 })
                        .width(1.2),
                );
            }
            plot.vline(VLine::new("", hours(at)).color(Color32::WHITE).width(1.5));
        });
}

fn response(ui: &mut egui::Ui, s: &Scenario, card: &Scorecard, h: f32, i18n: &I18n) {
    ui.strong(i18n.t("debrief-chart-response"))
        .on_hover_text(i18n.t("debrief-chart-response-hint"));
    if card.incidents.is_empty() {
        ui.label(RichText::new(i18n.t("debrief-no-incidents")).color(colour::MUTED));
        return;
    }
    const GROUP: f64 = 6.0;
    let mut on_time = vec![];
    let mut late = vec![];
    let mut deadlines = vec![];
    let mut missed = vec![];
    for (k, inc) in card.incidents.iter().enumerate() {
        for (p, ph) in inc.phases.iter().enumerate() {
            let x = k as f64 * GROUP + p as f64;
            let label = i18n.t(phase_key(ph.phase));
            if ph.outcome == Outcome::NotApplicable {
                continue;
            }
            let dl = ph.deadline as f64 / 60.0;
            deadlines.push(vec![[x - 0.45, dl], [x + 0.45, dl]]);
            match (ph.took, ph.outcome) {
                (Some(t), Outcome::OnTime) => {
                    on_time.push(Bar::new(x, t as f64 / 60.0).width(0.8).name(label));
                }
                (Some(t), _) => late.push(Bar::new(x, t as f64 / 60.0).width(0.8).name(label)),
                (None, Outcome::Missed) => missed.push([x, dl]),
                _ => {}
            }
        }
    }
    let names: Vec<String> = card
        .incidents
        .iter()
        .map(|i| {
            s.threats
                .get(i.threat.idx())
                .map_or("?".into(), |t| clip(i18n.text(&t.name), 16))
        })
        .collect();
    let n = names.len();
    // Deadlines far beyond every response would flatten the bars: the view stops a little
    // above the longest time taken or missed deadline (drag or zoom out to see the rest).
    let top = card
        .incidents
        .iter()
        .flat_map(|i| &i.phases)
        .filter_map(|p| match (p.took, p.outcome) {
            (Some(t), _) => Some(t),
            (None, Outcome::Missed) => Some(p.deadline),
            _ => None,
        })
        .max()
        .unwrap_or(3600) as f64
        / 60.0;
    Plot::new("plot-response")
        .height(h)
        .legend(Legend::default())
        .default_y_bounds(0.0, (top * 1.25).max(30.0))
        .include_y(0.0)
        .include_x(-1.0)
        .include_x(n as f64 * GROUP - 1.0)
        .x_grid_spacer(move |_| {
            (0..n)
                .map(|k| GridMark {
                    value: k as f64 * GROUP + 2.0,
                    step_size: GROUP,
                })
                .collect()
        })
        .x_axis_formatter(move |m, _| {
            let k = ((m.value - 2.0) / GROUP).round();
            if k >= 0.0 && (k as usize) < names.len() {
                names[k as usize].clone()
            } else {
                String::new()
            }
        })
        .allow_scroll(false)
        .show(ui, |plot| {
            plot.bar_chart(
                BarChart::new(i18n.t("debrief-outcome-ontime"), on_time)
                    .color(outcome_colour(Outcome::OnTime)),
            );
            plot.bar_chart(
                BarChart::new(i18n.t("debrief-outcome-late"), late)
                    .color(outcome_colour(Outcome::Late)),
            );
            // One short line per deadline, sharing one legend entry.
            let name = i18n.t("debrief-chart-deadline");
            for seg in deadlines {
                plot.line(
                    Line::new(name.clone(), PlotPoints::from(seg))
                        .color(colour::DOWN)
                        .width(2.0),
                );
            }
            plot.points(
                Points::new(i18n.t("debrief-chart-not-done"), PlotPoints::from(missed))
                    .shape(MarkerShape::Cross)
                    .radius(5.0)
                    .color(colour::DOWN),
            );
        });
}

/// Running total of team messages sent, per team: (team index, points).
fn message_counts(s: &Scenario, j: &Journal, end: Secs) -> Vec<(usize, Vec<[f64; 2]>)> {
    let mut per: Vec<Vec<(Secs, f64)>> = vec![vec![]; s.teams.len()];
    for e in &j.entries {
        if let EntryKind::MessageSent { from, .. } = &e.kind
            && let Sender::Team(t) = **from
            && let Some(v) = per.get_mut(t.idx())
        {
            let n = v.last().map_or(0.0, |x| x.1) + 1.0;
            v.push((e.at, n));
        }
    }
    per.into_iter()
        .enumerate()
        .filter(|(_, v)| !v.is_empty())
        .map(|(i, mut v)| {
            v.insert(0, (0, 0.0));
            (i, steps(&v, end, 1.0))
        })
        .collect()
}

#[allow(clippy::too_many_arguments)]
fn messages(
    ui: &mut egui::Ui,
    s: &Scenario,
    j: &Journal,
    at: Secs,
    end: Secs,
    h: f32,
    i18n: &I18n,
) {
    ui.strong(i18n.t("debrief-chart-messages"));
    let series = message_counts(s, j, end);
    let name = |i: usize| s.teams.get(i).map_or("?", |t| i18n.text(&t.name));
    let keys: Vec<(String, Color32)> = series
        .iter()
        .map(|(i, _)| (name(*i).to_owned(), team_colour(*i)))
        .collect();
    key_row(ui, &keys);
    Plot::new("plot-messages")
        .height(h)
        .include_y(0.0)
        .include_x(0.0)
        .include_x(hours(end))
        .x_axis_formatter(clock_label)
        .allow_scroll(false)
        .show(ui, |plot| {
            for (i, pts) in series {
                plot.line(
                    Line::new(name(i).to_owned(), PlotPoints::from(pts))
                        .color(team_colour(i))
                        .width(1.8),
                );
            }
            plot.vline(VLine::new("", hours(at)).color(Color32::WHITE).width(1.5));
        });
}

/// Distinct line colours for teams, by team index.
fn team_colour(i: usize) -> Color32 {
    const PALETTE: [Color32; 10] = [
        Color32::from_rgb(230, 120, 90),
        Color32::from_rgb(90, 170, 240),
        Color32::from_rgb(120, 210, 120),
        Color32::from_rgb(230, 200, 80),
        Color32::from_rgb(200, 120, 230),
        Color32::from_rgb(80, 210, 200),
        Color32::from_rgb(240, 150, 190),
        Color32::from_rgb(170, 170, 90),
        Color32::from_rgb(150, 150, 240),
        Color32::from_rgb(210, 210, 210),
    ];
    PALETTE[i % PALETTE.len()]
}

/// A row of coloured names, the charts' legend (kept off the plot so it hides nothing).
fn key_row(ui: &mut egui::Ui, keys: &[(String, Color32)]) {
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 10.0;
        for (name, col) in keys {
            ui.label(RichText::new(format!("● {name}")).small().color(*col));
        }
    });
}
