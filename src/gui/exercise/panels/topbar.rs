//! The top bar: exercise and wall-clock time, clock control for the facilitator, the seat,
//! the language, a changed scenario file on offer, the session on disk, and ending the exercise.

use super::context::PanelCtx;
use crate::gui::exercise::adapter::{DismissNotice, RecordAgain};
use crate::gui::exercise::clock::{ClockCommand, SPEEDS};
use crate::gui::exercise::dock::{Dock, PanelSet};
use crate::gui::exercise::record::Recorder;
use crate::gui::i18n::Arg;
use crate::gui::screens::Screen;
use crate::gui::session::Seat;
use crate::gui::widgets::{self, colour};
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(EguiPrimaryContextPass, top_bar.in_set(PanelSet::Top));
}

fn top_bar(
    mut contexts: EguiContexts,
    mut dock: ResMut<Dock>,
    mut p: PanelCtx,
    mut next: ResMut<NextState<Screen>>,
    mut confirm_end: Local<bool>,
    recorder: Option<Res<Recorder>>,
    mut disk: (MessageWriter<RecordAgain>, MessageWriter<DismissNotice>),
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    dock.show(&ctx, egui::Panel::top("top-bar"), "top", |ui| {
        ui.add_space(3.0);
        ui.horizontal_wrapped(|ui| {
            clock_readout(ui, &p);
            ui.separator();
            if p.is_facilitator() {
                clock_controls(ui, &mut p);
            } else {
                let state = if p.clock.paused {
                    p.t("clock-paused")
                } else {
                    p.i18n.ta(
                        "clock-running",
                        &[("speed", Arg::Num(f64::from(p.clock.speed)))],
                    )
                };
                ui.label(egui::RichText::new(state).color(colour::MUTED))
                    .on_hover_text(p.t("clock-control-hint"));
            }
            ui.separator();
            seat_picker(ui, &mut p);
            ui.separator();
            widgets::lang_switch(ui, &p.i18n, &mut p.set_lang);
            ui.separator();
            end_button(ui, &p, &mut next, &mut confirm_end);
            if let Some(r) = recorder.as_deref()
                && r.recording()
            {
                let dir = r.dir().map(|d| d.display().to_string()).unwrap_or_default();
                ui.label(
                    egui::RichText::new(p.t("record-on"))
                        .small()
                        .color(colour::MUTED),
                )
                .on_hover_text(dir);
            }
        });
        file_state(ui, &mut p);
        if let Some(r) = recorder.as_deref() {
            recording_state(ui, &p, r, &mut disk);
        }
        ui.add_space(2.0);
    });
    Ok(())
}

fn clock_readout(ui: &mut egui::Ui, p: &PanelCtx) {
    let s = p.scenario();
    let now = p.clock.secs();
    ui.label(widgets::moment(now))
        .on_hover_text(p.t("clock-exercise-time"));
    ui.label(
        egui::RichText::new(widgets::wall_clock(s.start_clock, now))
            .monospace()
            .color(colour::MUTED),
    )
    .on_hover_text(p.t("clock-wall-time"));
    ui.add(
        egui::ProgressBar::new((now as f32 / s.duration.max(1) as f32).clamp(0.0, 1.0))
            .desired_width(70.0)
            .text(widgets::span(s.duration)),
    )
    .on_hover_text(p.t("clock-length"));
}

fn clock_controls(ui: &mut egui::Ui, p: &mut PanelCtx) {
    let paused = p.clock.paused;
    let label = if paused {
        p.t("clock-resume")
    } else {
        p.t("clock-pause")
    };
    let button =
        egui::Button::new(egui::RichText::new(label).strong()).min_size(egui::vec2(72.0, 0.0));
    if ui
        .add_enabled(!p.clock.finished() || !paused, button)
        .clicked()
    {
        p.clock_commands.write(if paused {
            ClockCommand::Resume
        } else {
            ClockCommand::Pause
        });
    }
    for s in SPEEDS {
        if ui
            .selectable_label(p.clock.speed == s, format!("{s}x"))
            .clicked()
        {
            p.clock_commands.write(ClockCommand::Speed(s));
        }
    }
    match p.picture.next_inject {
        Some(at) => {
            let text = p.i18n.ta(
                "clock-next-inject",
                &[("time", Arg::Str(&widgets::clock(at)))],
            );
            if ui
                .button(text)
                .on_hover_text(p.t("clock-next-inject-hint"))
                .clicked()
            {
                p.clock_commands.write(ClockCommand::JumpTo(at));
            }
        }
        None => {
            ui.add_enabled(false, egui::Button::new(p.t("clock-no-inject")));
        }
    }
}

pub(crate) fn seat_name(p: &PanelCtx, seat: Seat) -> String {
    match seat {
        Seat::Facilitator => p.t("seat-facilitator"),
        Seat::Observer => p.t("seat-observer"),
        Seat::Team(t) => {
            let name = p
                .scenario()
                .teams
                .get(t.idx())
                .map_or("?", |team| p.i18n.text(&team.name));
            match p.picture.bots.get(t.idx()).copied().flatten() {
                Some(bot) => p.i18n.ta(
                    "seat-bot",
                    &[
                        ("team", Arg::Str(name)),
                        ("bot", Arg::Str(&p.t(widgets::bot_key(Some(bot))))),
                    ],
                ),
                None => name.to_owned(),
            }
        }
    }
}

fn seat_picker(ui: &mut egui::Ui, p: &mut PanelCtx) {
    let current = p.seat.0;
    if p.seat_fixed() {
        ui.label(p.t("seat"));
        ui.label(egui::RichText::new(seat_name(p, current)).strong())
            .on_hover_text(p.t("net-seat-fixed"));
        return;
    }
    let mut seats = vec![Seat::Facilitator, Seat::Observer];
    seats.extend(
        (0..p.scenario().teams.len()).map(|i| Seat::Team(crate::scenario::TeamId(i as u32))),
    );
    ui.label(p.t("seat"));
    let mut wanted = None;
    egui::ComboBox::from_id_salt("seat-picker")
        .selected_text(egui::RichText::new(seat_name(p, current)).strong())
        .show_ui(ui, |ui| {
            for s in seats {
                if ui.selectable_label(s == current, seat_name(p, s)).clicked() && s != current {
                    wanted = Some(s);
                }
            }
        })
        .response
        .on_hover_text(p.t("seat-switch-hint"));
    if let Some(s) = wanted {
        p.seat_requests.write(crate::gui::session::RequestSeat(s));
    }
}

fn end_button(ui: &mut egui::Ui, p: &PanelCtx, next: &mut NextState<Screen>, confirm: &mut bool) {
    if !p.is_facilitator() {
        return;
    }
    if *confirm {
        ui.label(egui::RichText::new(p.t("end-confirm")).color(colour::DEGRADED));
        if ui.button(p.t("yes")).clicked() {
            *confirm = false;
            next.set(Screen::End);
        }
        if ui.button(p.t("no")).clicked() {
            *confirm = false;
        }
    } else {
        let finished = p.clock.finished();
        let text = egui::RichText::new(p.t("end-exercise"));
        let text = if finished {
            text.strong().color(colour::UP)
        } else {
            text
        };
        if ui.button(text).clicked() {
            if finished {
                next.set(Screen::End);
            } else {
                *confirm = true;
            }
        }
    }
}

/// A changed scenario file: the facilitator may restart with it; a broken edit is shown.
fn file_state(ui: &mut egui::Ui, p: &mut PanelCtx) {
    if p.session.offered.is_some() && p.is_facilitator() {
        ui.horizontal(|ui| {
            ui.label(egui::RichText::new(p.t("reload-offer")).color(colour::DEGRADED));
            if ui.button(p.t("reload-restart")).clicked() {
                p.offer_answers
                    .write(crate::gui::session::OfferAnswer(true));
            }
            if ui.button(p.t("reload-keep")).clicked() {
                p.offer_answers
                    .write(crate::gui::session::OfferAnswer(false));
            }
        });
    }
    let problems = p
        .catalog
        .get(&p.session.origin)
        .map(|e| e.problems.clone())
        .unwrap_or_default();
    if !problems.is_empty() && p.picture.seat.sees_all() {
        ui.label(egui::RichText::new(p.t("reload-broken")).color(colour::ERROR))
            .on_hover_text(problems.join("\n"));
    }
}

/// A disk error while recording: a clear banner, the exercise goes on; "save again" writes
/// the run so far to a new session. Also what recovery dropped, once.
fn recording_state(
    ui: &mut egui::Ui,
    p: &PanelCtx,
    r: &Recorder,
    (again, dismiss): &mut (MessageWriter<RecordAgain>, MessageWriter<DismissNotice>),
) {
    if let Some(why) = r.failed() {
        let text = p.i18n.ta("record-failed", &[("error", Arg::Str(why))]);
        egui::Frame::new()
            .fill(egui::Color32::from_rgb(90, 20, 20))
            .inner_margin(egui::Margin::symmetric(8, 4))
            .show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    ui.label(
                        egui::RichText::new(text)
                            .color(egui::Color32::WHITE)
                            .strong(),
                    );
                    if ui.button(p.t("record-retry")).clicked() {
                        again.write(RecordAgain);
                    }
                });
            });
    }
    if p.picture.seat.sees_all()
        && let Some(notice) = r.notice.clone()
    {
        ui.horizontal_wrapped(|ui| {
            let text = p.i18n.ta("record-dropped", &[("what", Arg::Str(&notice))]);
            ui.label(egui::RichText::new(text).color(colour::DEGRADED));
            if ui.small_button("✕").clicked() {
                dismiss.write(DismissNotice);
            }
        });
    }
}
