//! UI strings: Fluent locale files from `assets/locales/` (built into the binary) and the language switch.

use crate::scenario::{Lang, Text};
use bevy::prelude::*;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

const EN_FTL: &str = include_str!("../../assets/locales/en/crossdrill.ftl");
const JA_FTL: &str = include_str!("../../assets/locales/ja/crossdrill.ftl");
/// The debrief's strings, kept in files of their own.
const EN_DEBRIEF_FTL: &str = include_str!("../../assets/locales/en/debrief.ftl");
const JA_DEBRIEF_FTL: &str = include_str!("../../assets/locales/ja/debrief.ftl");

/// Ask for the UI language to change (applied by this plugin).
#[derive(Message, Debug, Clone, Copy)]
pub(crate) struct SetLang(pub Lang);

/// The current UI language and the translations for both languages.
#[derive(Resource)]
pub(crate) struct I18n {
    lang: Lang,
    en: FluentBundle<FluentResource>,
    ja: FluentBundle<FluentResource>,
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

fn bundle(tag: &str, source: &str) -> FluentBundle<FluentResource> {
    let id: LanguageIdentifier = tag.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // egui would draw the Unicode isolation marks as boxes.
    bundle.set_use_isolating(false);
    let resource = match FluentResource::try_new(source.to_owned()) {
        Ok(r) => r,
        Err((r, errors)) => {
            error!("locale {tag}: {} syntax errors", errors.len());
            r
        }
    };
    if let Err(errors) = bundle.add_resource(resource) {
        error!("locale {tag}: {} errors", errors.len());
    }
    bundle
}

impl I18n {
    pub(crate) fn new(lang: Lang) -> Self {
        Self {
            lang,
            en: bundle("en", &[EN_FTL, EN_DEBRIEF_FTL].join("\n")),
            ja: bundle("ja", &[JA_FTL, JA_DEBRIEF_FTL].join("\n")),
        }
    }

    pub(crate) fn lang(&self) -> Lang {
        self.lang
    }

    /// The UI string `id` in the current language (English if missing, else the id).
    pub(crate) fn t(&self, id: &str) -> String {
        self.format(id, None)
    }

    /// The UI string `id` with named arguments.
    pub(crate) fn ta(&self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        let mut fargs = FluentArgs::new();
        for (name, value) in args {
            let v: FluentValue<'_> = match value {
                Arg::Str(s) => FluentValue::from(*s),
                Arg::Num(n) => FluentValue::from(*n),
            };
            fargs.set(*name, v);
        }
        self.format(id, Some(&fargs))
    }

    /// Scenario text in the current language.
    pub(crate) fn text<'a>(&self, text: &'a Text) -> &'a str {
        text.get(self.lang)
    }

    fn format(&self, id: &str, args: Option<&FluentArgs<'_>>) -> String {
        let primary = match self.lang {
            Lang::En => &self.en,
            Lang::Ja => &self.ja,
        };
        for bundle in [primary, &self.en] {
            if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                return bundle
                    .format_pattern(pattern, args, &mut errors)
                    .into_owned();
            }
        }
        id.to_owned()
    }
}

/// A named argument for [`I18n::ta`].
pub(crate) enum Arg<'a> {
    Str(&'a str),
    Num(f64),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(source: &str) -> Vec<String> {
        source
            .lines()
            .filter(|l| !l.starts_with(['#', ' ', '\t', '.', '*', '[']) && l.contains(" ="))
            .filter_map(|l| l.split(" =").next())
            .map(|s| s.trim().to_owned())
            .collect()
    }

    #[test]
    fn both_locales_parse_and_have_the_same_ids() {
        for src in [EN_FTL, JA_FTL] {
            assert!(FluentResource::try_new(src.to_owned()).is_ok());
        }
        let mut en = ids(EN_FTL);
        let mut ja = ids(JA_FTL);
        en.sort();
        ja.sort();
        let missing_ja: Vec<_> = en.iter().filter(|i| !ja.contains(i)).collect();
        let missing_en: Vec<_> = ja.iter().filter(|i| !en.contains(i)).collect();
        assert!(missing_ja.is_empty(), "missing in ja: {missing_ja:?}");
        assert!(missing_en.is_empty(), "missing in en: {missing_en:?}");
    }

    #[test]
    fn arguments_and_language_switch() {
        let mut i = I18n::new(Lang::En);
        assert_eq!(i.t("app-title"), "crossdrill");
        let en = i.ta("select-teams", &[("count", Arg::Num(3.0))]);
        assert!(en.contains('3'), "{en}");
        i.lang = Lang::Ja;
        assert_ne!(i.t("screen-select"), I18n::new(Lang::En).t("screen-select"));
        assert_eq!(i.t("no-such-id"), "no-such-id");
    }
}
