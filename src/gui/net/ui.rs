//! Where the network shows in the app: "Join an exercise" on scenario select (type a seat
//! file's path or drop the file on the window), "Host on this network" at the briefing,
//! and on a joined screen the state of the link to the host.

use super::host::{HostingProblem, StartHosting};
use super::join::{JoinProblem, JoinSeat, Remote};
use crate::gui::GuiOptions;
use crate::gui::exercise::start::StartExercise;
use crate::gui::i18n::{Arg, I18n};
use crate::gui::screens::Screen;
use crate::gui::session::{Seat, Session};
use crate::gui::widgets::colour;
use crate::net::client::LinkState;
use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy::window::FileDragAndDrop;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};
use std::path::PathBuf;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Update, dropped_seat.run_if(in_state(Screen::Select)));
    app.add_systems(
        EguiPrimaryContextPass,
        link_state.run_if(in_state(Screen::Exercise).and_then(resource_exists::<Remote>)),
    );
}

/// A seat file dropped on the window takes its seat.
fn dropped_seat(mut drops: MessageReader<FileDragAndDrop>, mut join: MessageWriter<JoinSeat>) {
    for d in drops.read() {
        if let FileDragAndDrop::DroppedFile { path_buf, .. } = d {
            join.write(JoinSeat(path_buf.clone()));
        }
    }
}

/// "Join an exercise" on scenario select.
#[derive(SystemParam)]
pub(crate) struct JoinBox<'w, 's> {
    path: Local<'s, String>,
    join: MessageWriter<'w, JoinSeat>,
    problem: Res<'w, JoinProblem>,
    remote: Option<Res<'w, Remote>>,
}

impl JoinBox<'_, '_> {
    /// Room it takes at the bottom of the scenario list.
    pub(crate) const HEIGHT: f32 = 96.0;

    pub(crate) fn show(&mut self, ui: &mut egui::Ui, i18n: &I18n) {
        ui.separator();
        ui.strong(i18n.t("net-join-title"));
        ui.label(
            egui::RichText::new(i18n.t("net-join-hint"))
                .small()
                .color(colour::MUTED),
        );
        ui.horizontal(|ui| {
            ui.add(
                egui::TextEdit::singleline(&mut *self.path)
                    .desired_width(240.0)
                    .hint_text("seats/grid.seat"),
            );
            if ui.button(i18n.t("net-join")).clicked() && !self.path.trim().is_empty() {
                self.join.write(JoinSeat(PathBuf::from(self.path.trim())));
            }
        });
        if let Some(r) = &self.remote {
            let text = i18n.ta(
                "net-joining",
                &[("team", Arg::Str(r.team())), ("addr", Arg::Str(&r.host()))],
            );
            ui.label(egui::RichText::new(text).small());
        }
        let why = self.problem.0.as_ref();
        let why = why.or(self.remote.as_ref().and_then(|r| r.problem.as_ref()));
        if let Some(why) = why {
            ui.label(egui::RichText::new(why).small().color(colour::ERROR));
        }
    }
}

/// "Host on this network" at the briefing.
#[derive(SystemParam)]
pub(crate) struct HostBox<'w, 's> {
    listen: Local<'s, Option<String>>,
    host: MessageWriter<'w, StartHosting>,
    problem: Res<'w, HostingProblem>,
    options: Option<Res<'w, GuiOptions>>,
}

impl HostBox<'_, '_> {
    pub(crate) fn show(
        &mut self,
        ui: &mut egui::Ui,
        i18n: &I18n,
        session: &Session,
        starts: &mut MessageWriter<StartExercise>,
    ) {
        let options = self.options.as_deref();
        let listen = self.listen.get_or_insert_with(|| {
            options
                .and_then(|o| o.host.map(|a| a.to_string()))
                .unwrap_or_else(|| "127.0.0.1:5000".into())
        });
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let button = egui::Button::new(egui::RichText::new(i18n.t("net-host")).strong());
            let asked = ui
                .add(button)
                .on_hover_text(i18n.t("net-host-hint"))
                .clicked();
            ui.label(i18n.t("net-host-addr"));
            ui.add(egui::TextEdit::singleline(listen).desired_width(160.0));
            if asked {
                match listen.trim().parse() {
                    Ok(addr) => {
                        starts.write(StartExercise::fresh(session, Seat::Facilitator));
                        self.host.write(StartHosting(addr));
                    }
                    Err(_) => {
                        let bad = i18n.ta("net-host-bad-addr", &[("text", Arg::Str(listen))]);
                        ui.label(egui::RichText::new(bad).color(colour::ERROR));
                    }
                }
            }
        });
        ui.label(
            egui::RichText::new(i18n.t("net-host-port"))
                .small()
                .color(colour::MUTED),
        );
        if let Some(why) = &self.problem.0 {
            ui.label(egui::RichText::new(why).color(colour::ERROR));
        }
    }
}

/// The link to the host, in a corner of a joined screen.
fn link_state(mut contexts: EguiContexts, remote: Res<Remote>, i18n: Res<I18n>) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    let addr = remote.host();
    let (text, c) = match (remote.ended, remote.state) {
        (true, _) => (i18n.t("net-link-ended"), colour::MUTED),
        (false, LinkState::Connected) => (
            i18n.ta("net-link-up", &[("addr", Arg::Str(&addr))]),
            colour::UP,
        ),
        (false, _) => (
            i18n.ta(
                "net-link-down",
                &[
                    ("addr", Arg::Str(&addr)),
                    ("waiting", Arg::Num(remote.waiting() as f64)),
                ],
            ),
            colour::DOWN,
        ),
    };
    egui::Area::new(egui::Id::new("link-state"))
        .anchor(egui::Align2::RIGHT_BOTTOM, [-10.0, -10.0])
        .show(&ctx, |ui| {
            egui::Frame::popup(ui.style()).show(ui, |ui| {
                ui.label(egui::RichText::new(text).color(c));
                if let Some(why) = &remote.problem {
                    ui.label(egui::RichText::new(why).small().color(colour::ERROR));
                }
            });
        });
    Ok(())
}
