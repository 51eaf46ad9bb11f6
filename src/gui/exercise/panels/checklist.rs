//! The evaluator's checklist (observer seat): each expected action as its time comes,
//! what the journal shows of it (pre-filled, and said so), and the observer's finding
//! (observed, partly, not observed) with a note, recorded in the session like every
//! command.

use super::context::PanelCtx;
use crate::engine::{Command, Verdict, verdict_phrase};
use crate::gui::exercise::command::UiCommand;
use crate::gui::i18n::Arg;
use crate::gui::session::Seat;
use crate::gui::widgets::{self, colour};
use crate::scenario::ExpectId;
use crate::scoring::Check;
use bevy_egui::egui;
use std::collections::HashMap;

/// The observer's drafts: per expected action, the verdict picked and the note typed.
pub(super) type Drafts = HashMap<ExpectId, (Option<Verdict>, String)>;

const VERDICTS: [Verdict; 3] = [Verdict::Observed, Verdict::Partly, Verdict::NotObserved];

pub(super) fn show(ui: &mut egui::Ui, p: &mut PanelCtx, drafts: &mut Drafts) {
    let design = p.session.design.clone();
    if design.expectations.is_empty() {
        ui.label(egui::RichText::new(p.t("check-none-designed")).color(colour::MUTED));
        return;
    }
    if p.picture.checks.is_empty() {
        ui.label(egui::RichText::new(p.t("check-none-yet")).color(colour::MUTED));
    }
    let checks = p.picture.checks.clone();
    for c in checks.iter().rev() {
        let Some(e) = design.expectations.get(c.expectation.idx()) else {
            continue;
        };
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            let team = p
                .scenario()
                .teams
                .get(e.team.idx())
                .map_or("?", |t| p.i18n.text(&t.name))
                .to_owned();
            ui.horizontal_wrapped(|ui| {
                ui.label(egui::RichText::new(team).strong());
                let due = p
                    .i18n
                    .ta("check-due", &[("at", Arg::Str(&widgets::clock(c.due)))]);
                let late = p.picture.now > c.due;
                let tone = if late {
                    colour::DEGRADED
                } else {
                    colour::MUTED
                };
                ui.label(egui::RichText::new(due).monospace().color(tone));
            });
            ui.label(p.i18n.text(&e.what));
            if let Some(o) = design.objectives.get(e.objective.idx()) {
                ui.label(
                    egui::RichText::new(p.i18n.text(&o.text))
                        .small()
                        .color(colour::MUTED),
                );
            }
            status(ui, p, c);
            if p.picture.seat == Seat::Observer {
                finding(ui, p, c, &e.id, drafts);
            }
        });
    }
}

/// What stands now: the observer's finding, or the journal's pre-fill (said so).
fn status(ui: &mut egui::Ui, p: &PanelCtx, c: &Check) {
    let lang = p.i18n.lang();
    if let Some(f) = &c.recorded {
        let text = p.i18n.ta(
            "check-recorded",
            &[
                ("verdict", Arg::Str(&verdict_phrase(f.verdict).word(lang))),
                ("at", Arg::Str(&widgets::clock(f.at))),
            ],
        );
        ui.label(egui::RichText::new(text).color(tone(f.verdict)));
        if !f.note.is_empty() {
            ui.label(
                egui::RichText::new(format!("“{}”", f.note))
                    .small()
                    .italics(),
            );
        }
    } else if let Some(s) = &c.suggested {
        let text = p.i18n.ta(
            "check-suggested",
            &[("verdict", Arg::Str(&verdict_phrase(s.verdict).word(lang)))],
        );
        ui.label(egui::RichText::new(text).color(tone(s.verdict)));
    } else {
        ui.label(egui::RichText::new(p.t("check-open")).color(colour::MUTED));
    }
}

fn tone(v: Verdict) -> egui::Color32 {
    match v {
        Verdict::Observed => colour::UP,
        Verdict::Partly => colour::DEGRADED,
        Verdict::NotObserved => colour::ERROR,
    }
}

/// The observer's verdict buttons, note and the button that records them.
fn finding(ui: &mut egui::Ui, p: &mut PanelCtx, c: &Check, id: &str, drafts: &mut Drafts) {
    let lang = p.i18n.lang();
    let (picked, note) = drafts.entry(c.expectation).or_default();
    let proposed = picked
        .or(c.recorded.as_ref().map(|f| f.verdict))
        .or(c.verdict());
    ui.horizontal_wrapped(|ui| {
        for v in VERDICTS {
            let label = verdict_phrase(v).word(lang);
            if ui.selectable_label(proposed == Some(v), label).clicked() {
                *picked = Some(v);
            }
        }
    });
    ui.add(
        egui::TextEdit::singleline(note)
            .desired_width(f32::INFINITY)
            .hint_text(p.t("check-note-hint")),
    );
    let label = if c.recorded.is_none() && picked.is_none() && c.suggested.is_some() {
        p.t("check-confirm")
    } else {
        p.t("check-record")
    };
    if ui
        .add_enabled(proposed.is_some(), egui::Button::new(label))
        .clicked()
        && let Some(verdict) = proposed
    {
        p.commands.write(UiCommand::Control(Command::Assess {
            expectation: id.to_owned(),
            verdict,
            note: note.trim().to_owned(),
        }));
        drafts.remove(&c.expectation);
    }
}
