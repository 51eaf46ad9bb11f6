//! The scores tab: a fork's comparison with its original, the overall score and impact, and
//! the score tables per team and per incident (each phase's time against its deadline).

use super::Ctx;
use crate::gui::debrief::compare::Comparison;
use crate::gui::debrief::export::{change, measure_label, value};
use crate::gui::i18n::{Arg, I18n};
use crate::gui::widgets::{self, colour};
use crate::scenario::Scenario;
use crate::scoring::{Outcome, Phase, Scorecard};
use bevy_egui::egui::{self, Color32, RichText};

pub(super) fn show(ui: &mut egui::Ui, c: &mut Ctx) {
    let d = &c.debrief;
    let i18n = &c.i18n;
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if let Some(cmp) = &d.compare {
                comparison(ui, &d.scenario, cmp, i18n);
                ui.add_space(10.0);
            }
            match &d.card {
                Ok(card) => {
                    overall(ui, &d.scenario, card, i18n);
                    ui.add_space(10.0);
                    teams(ui, &d.scenario, card, i18n);
                    ui.add_space(10.0);
                    incidents(ui, &d.scenario, card, i18n);
                }
                Err(e) => {
                    ui.label(
                        RichText::new(i18n.ta("debrief-no-score", &[("error", Arg::Str(e))]))
                            .color(colour::ERROR),
                    );
                }
            }
        });
}

fn comparison(ui: &mut egui::Ui, s: &Scenario, cmp: &Comparison, i18n: &I18n) {
    ui.heading(i18n.t("debrief-compare"));
    ui.label(
        RichText::new(i18n.ta(
            "debrief-compare-note",
            &[
                ("at", Arg::Str(&widgets::clock(cmp.at))),
                ("end", Arg::Str(&widgets::clock(cmp.end))),
            ],
        ))
        .color(colour::MUTED),
    );
    let heads = [
        "debrief-compare-what",
        "debrief-compare-original",
        "debrief-compare-fork",
        "debrief-compare-change",
    ];
    table(ui, i18n, "grid-compare", 4.0, &heads, None, |ui| {
        let grade = |g: usize| s.scoring.grades.get(g).map_or("", |x| i18n.text(&x.name));
        ui.label(i18n.t("debrief-grade"));
        ui.label(grade(cmp.original_grade));
        ui.label(grade(cmp.fork_grade));
        ui.label("");
        ui.end_row();
        for r in &cmp.rows {
            ui.label(measure_label(s, r.measure, i18n));
            ui.label(RichText::new(value(r.measure, r.original)).monospace());
            ui.label(RichText::new(value(r.measure, r.fork)).monospace());
            let better = match (r.original, r.fork) {
                (Some(a), Some(b)) if (b - a).abs() >= 0.05 => {
                    Some((b > a) == r.measure.higher_is_better())
                }
                _ => None,
            };
            let col = match better {
                Some(true) => colour::UP,
                Some(false) => colour::DOWN,
                None => colour::MUTED,
            };
            ui.label(
                RichText::new(change(r.measure, r.original, r.fork))
                    .monospace()
                    .color(col),
            );
            ui.end_row();
        }
    });
}

/// A striped table with a header row of `heads` (ids of words; `hint`: a head and the id of
/// the words shown when hovering it), `row_gap` points between rows; `body` adds the rows.
fn table(
    ui: &mut egui::Ui,
    i18n: &I18n,
    id: &str,
    row_gap: f32,
    heads: &[&str],
    hint: Option<(&str, &str)>,
    body: impl FnOnce(&mut egui::Ui),
) {
    egui::Grid::new(id)
        .num_columns(heads.len())
        .striped(true)
        .spacing([18.0, row_gap])
        .show(ui, |ui| {
            for key in heads {
                let r = ui.strong(i18n.t(key));
                if let Some((head, words)) = hint
                    && head == *key
                {
                    r.on_hover_text(i18n.t(words));
                }
            }
            ui.end_row();
            body(ui);
        });
}

fn overall(ui: &mut egui::Ui, s: &Scenario, card: &Scorecard, i18n: &I18n) {
    ui.horizontal(|ui| {
        ui.label(RichText::new(i18n.t("debrief-overall")).size(16.0));
        ui.label(
            RichText::new(format!("{:.0}", card.score))
                .size(28.0)
                .strong(),
        );
        ui.label(RichText::new("/ 100").color(colour::MUTED));
        let grade = s
            .scoring
            .grades
            .get(card.grade)
            .map_or("", |g| i18n.text(&g.name));
        ui.label(
            RichText::new(grade)
                .size(18.0)
                .strong()
                .color(colour::BACKUP),
        );
        ui.label(
            RichText::new(i18n.ta(
                "debrief-scored-until",
                &[("end", Arg::Str(&widgets::clock(card.end)))],
            ))
            .color(colour::MUTED),
        );
    });
    ui.add_space(4.0);
    ui.strong(i18n.t("debrief-impact"));
    let heads = [
        "debrief-sector",
        "debrief-impact-run",
        "debrief-impact-baseline",
        "debrief-impact-avoided",
    ];
    table(ui, i18n, "grid-impact", 3.0, &heads, None, |ui| {
        let row = |ui: &mut egui::Ui, name: &str, l: &crate::scoring::Loss, strong: bool| {
            let text = |t: String| {
                let r = RichText::new(t).monospace();
                if strong { r.strong() } else { r }
            };
            ui.label(if strong {
                RichText::new(name).strong()
            } else {
                RichText::new(name)
            });
            ui.label(text(thousands(l.run)));
            ui.label(text(thousands(l.baseline)));
            ui.label(text(l.avoided.map_or("-".into(), |a| {
                // No "-0%" for a rounding hair below zero.
                let pct = (a * 100.0).round();
                format!("{}%", if pct == 0.0 { 0.0 } else { pct })
            })));
            ui.end_row();
        };
        for (sector, loss) in &card.impact.sectors {
            let name = s
                .sectors
                .get(sector.idx())
                .map_or("?", |x| i18n.text(&x.name));
            row(ui, name, loss, false);
        }
        row(ui, "Σ", &card.impact.total, true);
    });
}

fn teams(ui: &mut egui::Ui, s: &Scenario, card: &Scorecard, i18n: &I18n) {
    ui.strong(i18n.t("debrief-teams"));
    let heads = [
        "debrief-team",
        "debrief-role",
        "debrief-score",
        "debrief-grade",
        "debrief-duties",
    ];
    let hint = Some(("debrief-duties", "debrief-duties-hint"));
    table(ui, i18n, "grid-teams", 3.0, &heads, hint, |ui| {
        for t in &card.teams {
            let Some(team) = s.teams.get(t.team.idx()) else {
                continue;
            };
            ui.label(i18n.text(&team.name));
            ui.label(RichText::new(i18n.t(widgets::role_key(team.role))).color(colour::MUTED));
            ui.label(
                RichText::new(t.score.map_or("-".into(), |v| format!("{v:.0}")))
                    .monospace()
                    .strong(),
            );
            ui.label(
                t.grade
                    .and_then(|g| s.scoring.grades.get(g))
                    .map_or("-", |g| i18n.text(&g.name)),
            );
            let n = |o: Outcome| t.duties.iter().filter(|d| d.outcome == o).count();
            ui.horizontal(|ui| {
                ui.label(RichText::new(n(Outcome::OnTime).to_string()).color(colour::UP));
                ui.label("·");
                ui.label(RichText::new(n(Outcome::Late).to_string()).color(colour::DEGRADED));
                ui.label("·");
                ui.label(RichText::new(n(Outcome::Missed).to_string()).color(colour::DOWN));
            });
            ui.end_row();
        }
    });
}

/// A whole number with thin spaces between thousands (`7 527 773`).
pub(crate) fn thousands(v: f64) -> String {
    let mut out = crate::report::fmt::group(&format!("{:.0}", v.abs()), '\u{2009}');
    if v < -0.5 {
        out.insert(0, '-');
    }
    out
}

pub(super) fn phase_key(p: Phase) -> &'static str {
    match p {
        Phase::Detect => "debrief-phase-detect",
        Phase::Report => "debrief-phase-report",
        Phase::Share => "debrief-phase-share",
        Phase::Contain => "debrief-phase-contain",
        Phase::Restore => "debrief-phase-restore",
    }
}

pub(super) fn outcome_colour(o: Outcome) -> Color32 {
    match o {
        Outcome::OnTime => colour::UP,
        Outcome::Late => colour::DEGRADED,
        Outcome::Missed => colour::DOWN,
        Outcome::Open | Outcome::NotApplicable => colour::MUTED,
    }
}

fn outcome_key(o: Outcome) -> &'static str {
    match o {
        Outcome::OnTime => "debrief-outcome-ontime",
        Outcome::Late => "debrief-outcome-late",
        Outcome::Missed => "debrief-outcome-missed",
        Outcome::Open => "debrief-outcome-open",
        Outcome::NotApplicable => "debrief-outcome-na",
    }
}

fn incidents(ui: &mut egui::Ui, s: &Scenario, card: &Scorecard, i18n: &I18n) {
    ui.strong(i18n.t("debrief-incidents"));
    if card.incidents.is_empty() {
        ui.label(RichText::new(i18n.t("debrief-no-incidents")).color(colour::MUTED));
        return;
    }
    egui::Grid::new("grid-incidents")
        .num_columns(9)
        .striped(true)
        .spacing([14.0, 3.0])
        .show(ui, |ui| {
            ui.strong(i18n.t("debrief-incident"));
            ui.strong(i18n.t("debrief-severity"));
            ui.strong(i18n.t("debrief-started"));
            for p in Phase::ALL {
                ui.strong(i18n.t(phase_key(p)))
                    .on_hover_text(i18n.t("debrief-phase-hint"));
            }
            ui.strong(i18n.t("debrief-score"));
            ui.end_row();
            for inc in &card.incidents {
                let name = s
                    .threats
                    .get(inc.threat.idx())
                    .map_or("?", |x| i18n.text(&x.name));
                ui.label(name);
                let sev = s
                    .severity
                    .get(usize::from(inc.severity))
                    .map_or(String::new(), |l| format!(" {}", i18n.text(&l.name)));
                ui.label(format!("{}{sev}", inc.severity));
                ui.label(RichText::new(widgets::clock(inc.start)).monospace());
                for p in &inc.phases {
                    let took = p.took.map_or("—".into(), widgets::span);
                    let text = if p.outcome.scored() {
                        format!("{took} / {}", widgets::span(p.deadline))
                    } else {
                        i18n.t(outcome_key(p.outcome))
                    };
                    ui.label(
                        RichText::new(text)
                            .monospace()
                            .color(outcome_colour(p.outcome)),
                    )
                    .on_hover_text(i18n.t(outcome_key(p.outcome)));
                }
                ui.label(
                    RichText::new(inc.score.map_or("-".into(), |v| format!("{v:.0}")))
                        .monospace()
                        .strong(),
                );
                ui.end_row();
            }
        });
}

#[cfg(test)]
mod tests {
    #[test]
    fn thousands_are_grouped_with_thin_spaces() {
        assert_eq!(super::thousands(7_527_773.4), "7\u{2009}527\u{2009}773");
        assert_eq!(super::thousands(-1234.0), "-1\u{2009}234");
        assert_eq!(super::thousands(999.0), "999");
        assert_eq!(super::thousands(-0.2), "0");
    }
}
