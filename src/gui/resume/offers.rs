//! On scenario select: "Resume session <scenario> from <time>?" for each unfinished session,
//! with what recovery will drop, and a resume that failed.

use super::open::{DismissSession, Resumable, ResumeSession};
use crate::gui::catalog::Catalog;
use crate::gui::i18n::{Arg, I18n};
use crate::gui::screens::Screen;
use crate::gui::widgets::{self, colour};
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

/// At most this many offers are listed; the rest are counted.
const SHOWN: usize = 3;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        EguiPrimaryContextPass,
        offers.run_if(in_state(Screen::Select)),
    );
}

fn offers(
    mut contexts: EguiContexts,
    list: Res<Resumable>,
    catalog: Option<Res<Catalog>>,
    i18n: Res<I18n>,
    mut resume: MessageWriter<ResumeSession>,
    mut dismiss: MessageWriter<DismissSession>,
) -> Result {
    if list.offers.is_empty() && list.error.is_none() {
        return Ok(());
    }
    let ctx = contexts.ctx_mut()?.clone();
    egui::Window::new(i18n.t("resume-title"))
        .id(egui::Id::new("resume-offers"))
        .anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 70.0))
        .collapsible(false)
        .resizable(false)
        .default_width(520.0)
        .show(&ctx, |ui| {
            ui.set_max_width(560.0);
            if let Some((dir, why)) = &list.error {
                let text = i18n.ta(
                    "resume-failed",
                    &[
                        ("dir", Arg::Str(&dir.display().to_string())),
                        ("error", Arg::Str(why)),
                    ],
                );
                ui.label(egui::RichText::new(text).color(colour::ERROR));
                ui.separator();
            }
            for (dir, summary) in list.offers.iter().take(SHOWN) {
                let id = &summary.header.scenario;
                let title = catalog
                    .as_ref()
                    .and_then(|c| {
                        c.entries
                            .iter()
                            .filter_map(|e| e.good.as_ref())
                            .find(|s| s.id == *id)
                            .map(|s| i18n.text(&s.title).to_owned())
                    })
                    .unwrap_or_else(|| id.clone());
                let time = widgets::clock(summary.until);
                ui.label(
                    egui::RichText::new(i18n.ta(
                        "resume-offer",
                        &[("scenario", Arg::Str(&title)), ("time", Arg::Str(&time))],
                    ))
                    .strong(),
                );
                let detail = i18n.ta(
                    "resume-detail",
                    &[
                        ("created", Arg::Str(&summary.header.created_text())),
                        ("commands", Arg::Num(summary.commands as f64)),
                        ("seed", Arg::Str(&summary.header.seed.to_string())),
                    ],
                );
                ui.label(egui::RichText::new(detail).small().color(colour::MUTED))
                    .on_hover_text(dir.display().to_string());
                if let Some(d) = &summary.dropped {
                    let what = d.to_string();
                    ui.label(
                        egui::RichText::new(
                            i18n.ta("resume-dropped", &[("what", Arg::Str(&what))]),
                        )
                        .small()
                        .color(colour::DEGRADED),
                    );
                }
                ui.horizontal(|ui| {
                    if ui
                        .button(egui::RichText::new(i18n.t("resume-button")).strong())
                        .clicked()
                    {
                        resume.write(ResumeSession(dir.clone()));
                    }
                    if ui
                        .button(i18n.t("resume-discard"))
                        .on_hover_text(i18n.t("resume-discard-hint"))
                        .clicked()
                    {
                        dismiss.write(DismissSession(dir.clone()));
                    }
                });
                ui.add_space(6.0);
            }
            if list.offers.len() > 1
                && ui
                    .button(i18n.t("resume-hide-all"))
                    .on_hover_text(i18n.t("resume-discard-hint"))
                    .clicked()
            {
                for (dir, _) in &list.offers {
                    dismiss.write(DismissSession(dir.clone()));
                }
            }
            let more = list.offers.len().saturating_sub(SHOWN);
            if more > 0 {
                ui.label(
                    egui::RichText::new(
                        i18n.ta("resume-more", &[("count", Arg::Num(more as f64))]),
                    )
                    .small()
                    .color(colour::MUTED),
                );
            }
        });
    Ok(())
}
