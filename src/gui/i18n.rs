//! The app's language switch; every string comes from `words` (Fluent files under
//! `assets/locales/`, built into the binary).

use crate::scenario::{Lang, Text};
use bevy::prelude::*;

pub(crate) use crate::words::Arg;

/// Ask for the UI language to change (applied by this plugin).
#[derive(Message, Debug, Clone, Copy)]
pub(crate) struct SetLang(pub Lang);

/// The current UI language.
#[derive(Resource)]
pub(crate) struct I18n {
    lang: Lang,
}

pub(super) fn plugin(app: &mut App) {
    app.add_message::<SetLang>();
    if !app.world().contains_resource::<I18n>() {
        app.insert_resource(I18n::new(Lang::En));
    }
    app.add_systems(PreUpdate, apply_set_lang);
}

fn apply_set_lang(mut requests: MessageReader<SetLang>, mut i18n: ResMut<I18n>) {
    if let Some(SetLang(lang)) = requests.read().last().copied()
        && i18n.lang != lang
    {
        i18n.lang = lang;
    }
}

impl I18n {
    pub(crate) fn new(lang: Lang) -> Self {
        Self { lang }
    }

    pub(crate) fn lang(&self) -> Lang {
        self.lang
    }

    /// The UI string `id` in the current language (English if missing, else the id).
    pub(crate) fn t(&self, id: &str) -> String {
        crate::words::say(self.lang, id)
    }

    /// The UI string `id` with named arguments.
    pub(crate) fn ta(&self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        crate::words::say_with(self.lang, id, args)
    }

    /// Scenario text in the current language.
    pub(crate) fn text<'a>(&self, text: &'a Text) -> &'a str {
        text.get(self.lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_and_language_switch() {
        let mut i = I18n::new(Lang::En);
        assert_eq!(i.t("app-title"), "crossdrill");
        let en = i.ta("select-teams", &[("count", Arg::Num(3.0))]);
        assert!(en.contains('3'), "{en}");
        i.lang = Lang::Ja;
        assert_ne!(i.t("screen-select"), I18n::new(Lang::En).t("screen-select"));
        let unknown = "no-such-id";
        assert_eq!(i.t(unknown), unknown);
    }
}
