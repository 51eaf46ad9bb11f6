//! Small shared UI pieces: the root egui Ui, the language switch, colours and time formats.

use super::i18n::{I18n, SetLang};
use crate::scenario::clock::{self as calendar, DateTime};
use crate::scenario::{Lang, Secs};
use bevy::prelude::MessageWriter;
use bevy_egui::egui;

/// A Ui covering the whole window, for panels to take their space from.
pub(crate) fn root_ui(ctx: &egui::Context, id: &str) -> egui::Ui {
    egui::Ui::new(
        ctx.clone(),
        egui::Id::new(id),
        egui::UiBuilder::new()
            .layer_id(egui::LayerId::background())
            .max_rect(ctx.viewport_rect()),
    )
}

/// `EN | 日本語` buttons: every language, each named in itself.
pub(crate) fn lang_switch(ui: &mut egui::Ui, i18n: &I18n, set: &mut MessageWriter<SetLang>) {
    let mut langs = Lang::ALL.map(|l| (l, crate::words::say(l, "lang-name")));
    if ui.layout().prefer_right_to_left() {
        langs.reverse();
    }
    for (lang, label) in langs {
        if ui
            .selectable_label(i18n.lang() == lang, label)
            .on_hover_text(i18n.t("lang-switch"))
            .clicked()
        {
            set.write(SetLang(lang));
        }
    }
}

/// Exercise time as `h:mm:ss`.
pub(crate) fn clock(secs: Secs) -> String {
    crate::scenario::duration::clock(secs)
}

/// The exercise time as the big readout shows it: "T+1:00:00".
pub(crate) fn moment(secs: Secs) -> egui::RichText {
    egui::RichText::new(format!("T+{}", clock(secs)))
        .monospace()
        .size(18.0)
        .strong()
}

/// A span as authors write it (`1h30m`).
pub(crate) fn span(secs: Secs) -> String {
    crate::scenario::duration::format(secs)
}

/// The scenario's wall-clock date and time `secs` after `start`
/// (`"2020-07-24 20:30"`); without a start clock, the exercise time.
pub(crate) fn wall_clock(start: Option<DateTime>, secs: Secs) -> String {
    match start {
        Some(s) => calendar::wall_text(s, secs),
        None => clock(secs),
    }
}

/// The scenario's start clock as written (empty without one).
pub(crate) fn start_text(start: Option<DateTime>) -> String {
    start.map(calendar::start_text).unwrap_or_default()
}

/// The locale id naming a team role.
pub(crate) fn role_key(r: crate::scenario::Role) -> &'static str {
    use crate::scenario::Role;
    match r {
        Role::Operator => "role-operator",
        Role::Ministry => "role-ministry",
        Role::Ceptoar => "role-ceptoar",
        Role::Centre => "role-centre",
        Role::Organiser => "role-organiser",
    }
}

/// The locale id naming who plays a team nobody takes: exercise control or a bot.
pub(crate) fn bot_key(p: Option<crate::bots::Profile>) -> &'static str {
    use crate::bots::Profile;
    match p {
        None => "briefing-played-by-control",
        Some(Profile::Textbook) => "briefing-bot-textbook",
        Some(Profile::Realistic) => "briefing-bot-realistic",
        Some(Profile::Absent) => "briefing-bot-absent",
    }
}

/// Colours for service states, shared by the map legend and the panels.
pub(crate) mod colour {
    use bevy_egui::egui::Color32;
    pub(crate) const UP: Color32 = Color32::from_rgb(64, 190, 110);
    pub(crate) const DEGRADED: Color32 = Color32::from_rgb(235, 180, 50);
    pub(crate) const DOWN: Color32 = Color32::from_rgb(225, 60, 60);
    pub(crate) const BACKUP: Color32 = Color32::from_rgb(80, 150, 240);
    pub(crate) const COMPROMISED: Color32 = Color32::from_rgb(200, 80, 230);
    pub(crate) const UNKNOWN: Color32 = Color32::from_rgb(95, 98, 105);
    pub(crate) const MUTED: Color32 = Color32::from_rgb(140, 145, 150);
    pub(crate) const ERROR: Color32 = Color32::from_rgb(255, 110, 100);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wall_clock_rolls_over_days_and_months() {
        let at = crate::scenario::clock::parse_start;
        assert_eq!(wall_clock(at("2020-07-24 19:00"), 5400), "2020-07-24 20:30");
        assert_eq!(wall_clock(at("2020-07-31 23:30"), 3600), "2020-08-01 00:30");
        assert_eq!(wall_clock(at("2020-12-31 23:00"), 7200), "2021-01-01 01:00");
        assert_eq!(wall_clock(None, 60), "0:01:00");
    }
}
