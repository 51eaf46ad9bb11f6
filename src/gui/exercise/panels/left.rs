//! The left column: tabs for the incidents board, the inbox, the MSEL (facilitator) and the
//! observer's notes.

use super::compose::Draft;
use super::context::PanelCtx;
use super::msel_export::{ExportMsel, MselExported};
use super::{checklist, inbox, incidents, msel, msel_export, notes};
use crate::gui::exercise::dock::{Dock, PanelSet};
use crate::gui::i18n::Arg;
use crate::gui::session::Seat;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
enum Tab {
    #[default]
    Incidents,
    Inbox,
    Msel,
    Checklist,
    Notes,
}

pub(super) fn plugin(app: &mut App) {
    app.add_systems(EguiPrimaryContextPass, left_column.in_set(PanelSet::Left));
}

fn left_column(
    mut contexts: EguiContexts,
    mut dock: ResMut<Dock>,
    mut p: PanelCtx,
    mut draft: ResMut<Draft>,
    mut note: Local<String>,
    mut tab: Local<Tab>,
    mut local: (
        Local<String>,
        MessageWriter<ExportMsel>,
        Res<MselExported>,
        Local<checklist::Drafts>,
    ),
) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    let seat = p.picture.seat;
    let mut tabs = vec![Tab::Incidents, Tab::Inbox];
    if seat == Seat::Facilitator {
        tabs.push(Tab::Msel);
    }
    if seat.sees_all() {
        tabs.push(Tab::Checklist);
        tabs.push(Tab::Notes);
    }
    if !tabs.contains(&tab) {
        *tab = Tab::Incidents;
    }
    let panel = egui::Panel::left("left-column")
        .resizable(true)
        .default_size(300.0)
        .min_size(220.0);
    dock.show(&ctx, panel, "left", |ui| {
        ui.horizontal(|ui| {
            for t in &tabs {
                let label = match t {
                    Tab::Incidents => p.i18n.ta(
                        "tab-incidents",
                        &[("count", Arg::Num(p.picture.tally.incidents_open as f64))],
                    ),
                    Tab::Inbox => p.i18n.ta(
                        "tab-inbox",
                        &[("count", Arg::Num(p.picture.inbox.len() as f64))],
                    ),
                    Tab::Msel => p.t("tab-msel"),
                    Tab::Checklist => p.t("tab-checklist"),
                    Tab::Notes => p.t("tab-notes"),
                };
                if ui.selectable_label(*tab == *t, label).clicked() {
                    *tab = *t;
                }
            }
        });
        ui.separator();
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| match *tab {
                Tab::Incidents => incidents::show(ui, &mut p),
                Tab::Inbox => inbox::show(ui, &mut p, &mut draft),
                Tab::Msel => {
                    msel_export::show(ui, &p, &mut local.0, &mut local.1, &local.2);
                    msel::show(ui, &mut p);
                }
                Tab::Checklist => checklist::show(ui, &mut p, &mut local.3),
                Tab::Notes => notes::show(ui, &mut p, &mut note),
            });
    });
    Ok(())
}
