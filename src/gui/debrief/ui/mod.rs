//! The debrief screen's egui layout: a top bar (the run, its replay check, the way back), the
//! timeline scrubber at the bottom, and tabs for the timeline, scores, charts, notes and report.

mod charts;
mod facts;
mod map;
mod notes;
pub(crate) use scores::thousands;
mod scores;
mod scrubber;
mod timeline;

use super::export::{ExportReport, ExportStatus};
use super::fork::{ForkStatus, PlayFrom};
use super::run::{Check, Debrief, Source};
use super::scrub::{ScrubTo, Scrubber};
use crate::gui::exercise::adapter::EngineHost;
use crate::gui::i18n::{Arg, I18n, SetLang};
use crate::gui::screens::Screen;
use crate::gui::widgets::{self, colour};
use crate::scenario::TeamId;
use bevy::ecs::system::SystemParam;
use bevy::prelude::*;
use bevy_egui::{EguiContexts, EguiPrimaryContextPass, egui};

/// The tabs of the debrief.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) enum Tab {
    #[default]
    Timeline,
    Scores,
    Charts,
    Notes,
}

/// What the debrief screen remembers between frames.
#[derive(Resource, Debug, Default)]
pub(crate) struct DebriefUi {
    pub tab: Tab,
    /// The team whose view is shown beside the ground truth.
    pub team: Option<TeamId>,
    /// The export file name being typed.
    pub export_path: String,
    /// Marks on the scrubber's track, and the journal they were taken from.
    pub marks: scrubber::Marks,
    pub marks_for: Option<usize>,
    /// The map geometry, and the scenario it was laid out for.
    pub layout: Option<(usize, crate::gui::map::layout::MapLayout)>,
}

/// What the debrief's panels read and the messages they send.
#[derive(SystemParam)]
pub(crate) struct Ctx<'w, 's> {
    pub debrief: Res<'w, Debrief>,
    pub scrubber: Option<Res<'w, Scrubber>>,
    pub i18n: Res<'w, I18n>,
    pub ui: ResMut<'w, DebriefUi>,
    pub exported: Res<'w, ExportStatus>,
    pub fork: Res<'w, ForkStatus>,
    pub host: Option<Res<'w, EngineHost>>,
    pub scrub: MessageWriter<'w, ScrubTo>,
    pub play: MessageWriter<'w, PlayFrom>,
    pub export: MessageWriter<'w, ExportReport>,
    pub set_lang: MessageWriter<'w, SetLang>,
    pub next: ResMut<'w, NextState<Screen>>,
    _marker: Local<'s, ()>,
}

impl Ctx<'_, '_> {
    pub(crate) fn t(&self, id: &str) -> String {
        self.i18n.t(id)
    }
}

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<DebriefUi>();
    app.add_systems(
        EguiPrimaryContextPass,
        screen.run_if(in_state(Screen::Debrief).and_then(resource_exists::<Debrief>)),
    );
    app.add_systems(OnEnter(Screen::Debrief), |mut ui: ResMut<DebriefUi>| {
        ui.tab = Tab::Timeline;
        ui.export_path.clear();
    });
}

fn screen(mut contexts: EguiContexts, mut c: Ctx) -> Result {
    let ctx = contexts.ctx_mut()?.clone();
    let mut root = widgets::root_ui(&ctx, "debrief");
    egui::Panel::top("dbf-top").show(&mut root, |ui| top_bar(ui, &mut c));
    egui::Panel::bottom("dbf-scrubber").show(&mut root, |ui| scrubber::show(ui, &mut c));
    egui::CentralPanel::default().show(&mut root, |ui| {
        ui.horizontal(|ui| {
            for (tab, key) in [
                (Tab::Timeline, "debrief-tab-timeline"),
                (Tab::Scores, "debrief-tab-scores"),
                (Tab::Charts, "debrief-tab-charts"),
                (Tab::Notes, "debrief-tab-notes"),
            ] {
                let label = egui::RichText::new(c.t(key)).size(15.0);
                if ui.selectable_label(c.ui.tab == tab, label).clicked() {
                    c.ui.tab = tab;
                }
            }
        });
        ui.separator();
        match c.ui.tab {
            Tab::Timeline => timeline::show(ui, &mut c),
            Tab::Scores => scores::show(ui, &mut c),
            Tab::Charts => charts::show(ui, &mut c),
            Tab::Notes => notes::show(ui, &mut c),
        }
    });
    Ok(())
}

fn top_bar(ui: &mut egui::Ui, c: &mut Ctx) {
    ui.add_space(3.0);
    ui.horizontal_wrapped(|ui| {
        let back = if c.host.is_some() {
            Screen::End
        } else {
            Screen::Select
        };
        if ui.button(c.t("debrief-back")).clicked() {
            c.next.set(back);
        }
        ui.heading(c.t("debrief-title"));
        let d = &c.debrief;
        ui.label(egui::RichText::new(c.i18n.text(&d.scenario.title)).strong());
        let from = match &d.source {
            Source::Exercise => c.t("debrief-source-exercise"),
            Source::Session(p) => c.i18n.ta(
                "debrief-source-session",
                &[("path", Arg::Str(&p.display().to_string()))],
            ),
            Source::Journal { path, .. } => c.i18n.ta(
                "debrief-source-journal",
                &[("path", Arg::Str(&path.display().to_string()))],
            ),
        };
        let seed = c
            .i18n
            .ta("debrief-seed", &[("seed", Arg::Str(&d.seed.to_string()))]);
        ui.label(egui::RichText::new(format!("{from} · {seed}")).color(colour::MUTED));
        match &d.check {
            Check::None => {}
            Check::Same => {
                ui.label(egui::RichText::new(c.t("debrief-replay-same")).color(colour::UP))
                    .on_hover_text(c.t("debrief-replay-same-hint"));
            }
            Check::Differs(what) => {
                ui.label(egui::RichText::new(c.t("debrief-replay-differs")).color(colour::ERROR))
                    .on_hover_text(what);
            }
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            widgets::lang_switch(ui, &c.i18n, &mut c.set_lang);
        });
    });
    let d = &c.debrief;
    let mut warnings = vec![];
    if let Some(r) = c.scrubber.as_ref().and_then(|s| s.refused()) {
        warnings.push(c.i18n.ta(
            "debrief-replay-refused",
            &[
                ("at", Arg::Str(&widgets::clock(r.at))),
                ("error", Arg::Str(&r.error)),
            ],
        ));
    }
    if let Some(what) = &d.dropped {
        warnings.push(c.i18n.ta("debrief-dropped", &[("what", Arg::Str(what))]));
    }
    if let Some(f) = &d.forked_from {
        ui.label(
            egui::RichText::new(c.i18n.ta(
                "debrief-forked-from",
                &[
                    ("path", Arg::Str(&f.path)),
                    ("at", Arg::Str(&widgets::clock(f.at))),
                ],
            ))
            .color(colour::MUTED),
        );
    }
    if let Some(e) = &c.fork.0 {
        warnings.push(c.i18n.ta("debrief-fork-failed", &[("error", Arg::Str(e))]));
    }
    for w in warnings {
        ui.label(egui::RichText::new(w).color(colour::DEGRADED));
    }
    ui.add_space(2.0);
}
