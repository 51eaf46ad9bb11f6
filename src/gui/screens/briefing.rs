//! Briefing: the scenario's brief, who plays each team, and which seat this screen takes.

use super::Screen;
use crate::bots::Profile;
use crate::gui::catalog::Catalog;
use crate::gui::exercise::start::StartExercise;
use crate::gui::i18n::{I18n, SetLang};
use crate::gui::net::HostBox;
use crate::gui::session::{ActiveSeat, AssignSeat, Seat, Session};
use crate::gui::widgets::{self, colour};
use crate::scenario::TeamId;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        briefing.run_if(in_state(Screen::Briefing).and_then(resource_exists::<Session>)),
    );
}

/// Who plays `team`: a name typed in, and unless this screen takes the team, exercise
/// control or a bot.
fn played_by(ui: &mut egui::Ui, i18n: &I18n, session: &mut Session, team: TeamId, seat: Seat) {
    let bot = session.bots.of(team);
    if seat != Seat::Team(team)
        && let Some(slot) = session.bots.profiles.get_mut(team.idx())
    {
        egui::ComboBox::from_id_salt(("bot", team.0))
            .selected_text(i18n.t(widgets::bot_key(bot)))
            .show_ui(ui, |ui| {
                for p in [None, Some(Profile::Textbook), Some(Profile::Realistic)] {
                    ui.selectable_value(slot, p, i18n.t(widgets::bot_key(p)));
                }
            });
    }
    if (bot.is_none() || seat == Seat::Team(team))
        && let Some(name) = session.players.get_mut(team.idx())
    {
        ui.add(
            egui::TextEdit::singleline(name)
                .desired_width(160.0)
                .hint_text(i18n.t("briefing-played-by-control")),
        );
    }
}

#[allow(clippy::too_many_arguments)]
fn briefing(
    mut contexts: EguiContexts,
    mut session: ResMut<Session>,
    catalog: Res<Catalog>,
    i18n: Res<I18n>,
    seat: Res<ActiveSeat>,
    mut assign: MessageWriter<AssignSeat>,
    mut starts: MessageWriter<StartExercise>,
    mut set_lang: MessageWriter<SetLang>,
    mut next: ResMut<NextState<Screen>>,
    mut host: HostBox,
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    let mut root = widgets::root_ui(&ctx, "briefing");
    let s = session.scenario.clone();
    egui::Panel::top("briefing-top").show(&mut root, |ui| {
        ui.horizontal(|ui| {
            if ui.button(i18n.t("back")).clicked() {
                next.set(Screen::Select);
            }
            ui.heading(i18n.text(&s.title));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                widgets::lang_switch(ui, &i18n, &mut set_lang);
            });
        });
    });
    egui::CentralPanel::default().show(&mut root, |ui| {
        egui::ScrollArea::vertical().show(ui, |ui| {
            ui.set_max_width(900.0);
            if let Some(e) = catalog.get(&session.origin)
                && !e.problems.is_empty()
            {
                ui.label(egui::RichText::new(i18n.t("reload-broken")).color(colour::ERROR))
                    .on_hover_text(e.problems.join("\n"));
                for line in &e.problems {
                    ui.label(
                        egui::RichText::new(line)
                            .monospace()
                            .size(12.0)
                            .color(colour::ERROR),
                    );
                }
                ui.separator();
            }
            ui.heading(i18n.t("briefing-brief"));
            ui.label(i18n.text(&s.brief));
            ui.add_space(4.0);
            ui.label(
                egui::RichText::new(format!(
                    "{} {} · {} {}",
                    i18n.t("select-start"),
                    widgets::start_text(s.start_clock),
                    i18n.t("select-duration"),
                    widgets::span(s.duration)
                ))
                .color(colour::MUTED),
            );
            ui.add_space(10.0);
            ui.separator();
            ui.heading(i18n.t("briefing-seats"));
            ui.label(
                egui::RichText::new(i18n.t("briefing-seats-hint"))
                    .small()
                    .color(colour::MUTED),
            );
            ui.label(
                egui::RichText::new(i18n.t("briefing-bot-hint"))
                    .small()
                    .color(colour::MUTED),
            );
            egui::Grid::new("teams")
                .num_columns(3)
                .striped(true)
                .min_col_width(120.0)
                .spacing([16.0, 6.0])
                .show(ui, |ui| {
                    ui.strong(i18n.t("briefing-team"));
                    ui.strong(i18n.t("briefing-role"));
                    ui.strong(i18n.t("briefing-played-by"));
                    ui.end_row();
                    for (i, t) in s.teams.iter().enumerate() {
                        ui.vertical(|ui| {
                            ui.set_min_width(260.0);
                            ui.label(egui::RichText::new(i18n.text(&t.name)).strong());
                            let orgs: Vec<&str> = t
                                .controls
                                .iter()
                                .filter_map(|o| s.organisations.get(o.idx()))
                                .map(|o| i18n.text(&o.name))
                                .collect();
                            ui.label(
                                egui::RichText::new(orgs.join(", "))
                                    .small()
                                    .color(colour::MUTED),
                            );
                        });
                        ui.label(i18n.t(widgets::role_key(t.role)));
                        let team = TeamId(i as u32);
                        ui.horizontal(|ui| played_by(ui, &i18n, &mut session, team, seat.0));
                        ui.end_row();
                    }
                });
            ui.add_space(10.0);
            ui.heading(i18n.t("briefing-this-screen"));
            let mut seats = vec![Seat::Facilitator, Seat::Observer];
            seats.extend((0..s.teams.len()).map(|i| Seat::Team(TeamId(i as u32))));
            ui.horizontal_wrapped(|ui| {
                for st in seats {
                    let name = match st {
                        Seat::Facilitator => i18n.t("seat-facilitator"),
                        Seat::Observer => i18n.t("seat-observer"),
                        Seat::Team(t) => s
                            .teams
                            .get(t.idx())
                            .map_or("?", |x| i18n.text(&x.name))
                            .to_owned(),
                    };
                    if ui.selectable_label(seat.0 == st, name).clicked() {
                        assign.write(AssignSeat(st));
                    }
                }
            });
            ui.add_space(6.0);
            ui.horizontal(|ui| {
                ui.label(i18n.t("briefing-seed"));
                ui.add(egui::DragValue::new(&mut session.seed).range(0..=u64::MAX));
            });
            ui.add_space(10.0);
            let start = egui::Button::new(
                egui::RichText::new(i18n.t("briefing-start"))
                    .strong()
                    .size(16.0),
            );
            if ui.add(start).clicked() {
                starts.write(StartExercise::fresh(&session, seat.0));
            }
            host.show(ui, &i18n, &session, &mut starts);
        });
    });
    Ok(())
}
