//! Every sentence people read, in every language: Fluent messages from
//! `assets/locales/<tag>/*.ftl`, built into the binary. Code says *what* to say (a
//! message id and its arguments, a [`Phrase`]); only this module words it. Uses
//! `scenario::Lang` and nothing else of the crate.

mod clip;
mod phrase;
mod problem;
mod span;

pub use clip::{clip, width};
pub use phrase::{Part, Phrase};
pub use problem::problem_phrase;
pub use span::{span, span_short};

use crate::scenario::Lang;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

/// `(tag, [(file name, text)])` for each folder under `assets/locales/`, by tag.
const LOCALES: &[(&str, &[(&str, &str)])] = include!(concat!(env!("OUT_DIR"), "/locales.rs"));

/// Problems met while loading or wording (a syntax error, a missing argument), kept
/// for tests and `--debug` output; the first 100 only.
static PROBLEMS: Mutex<Vec<String>> = Mutex::new(Vec::new());

struct Bundles {
    by_lang: Vec<(Lang, FluentBundle<FluentResource>)>,
}

static BUNDLES: LazyLock<Bundles> = LazyLock::new(|| Bundles {
    by_lang: Lang::ALL
        .into_iter()
        .map(|lang| (lang, bundle(lang.tag())))
        .collect(),
});

fn note(problem: String) {
    if let Ok(mut p) = PROBLEMS.lock()
        && p.len() < 100
    {
        p.push(problem);
    }
}

/// The problems met so far (empty when every message was found and worded).
pub fn problems() -> Vec<String> {
    PROBLEMS.lock().map(|p| p.clone()).unwrap_or_default()
}

/// The `.ftl` files of one language: `(file name, text)`.
pub(crate) fn sources(tag: &str) -> &'static [(&'static str, &'static str)] {
    LOCALES
        .iter()
        .find(|(t, _)| *t == tag)
        .map_or(&[], |(_, files)| files)
}

/// The tags of every locale folder built in.
#[cfg(test)]
pub(crate) fn tags() -> impl Iterator<Item = &'static str> {
    LOCALES.iter().map(|(t, _)| *t)
}

fn bundle(tag: &str) -> FluentBundle<FluentResource> {
    let id: unic_langid::LanguageIdentifier = tag.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Screens and terminals would show the Unicode isolation marks as boxes.
    bundle.set_use_isolating(false);
    if bundle.add_function("LOWER", lower).is_err() {
        note(format!("locale {tag}: LOWER defined twice"));
    }
    for (file, source) in sources(tag) {
        let resource = match FluentResource::try_new((*source).to_owned()) {
            Ok(r) => r,
            Err((r, errors)) => {
                note(format!(
                    "{tag}/{file}: {} syntax errors: {errors:?}",
                    errors.len()
                ));
                r
            }
        };
        if let Err(errors) = bundle.add_resource(resource) {
            note(format!("{tag}/{file}: {errors:?}"));
        }
    }
    bundle
}

/// Fluent's `LOWER(text)`: the text in lower case (English ids in journal lines).
fn lower<'a>(args: &[FluentValue<'a>], _: &FluentArgs) -> FluentValue<'a> {
    match args.first() {
        Some(FluentValue::String(s)) => FluentValue::from(s.to_lowercase()),
        Some(other) => other.clone(),
        None => FluentValue::None,
    }
}

/// An argument of a message.
#[derive(Debug, Clone, Copy)]
pub enum Arg<'a> {
    Str(&'a str),
    Num(f64),
}

static CHOSEN: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();

/// The language messages take where no one chose one (errors, the command line): the
/// one a command's `--lang` chose, else the one `CROSSDRILL_LANG` names (`ja`), else
/// English.
pub fn default_lang() -> Lang {
    *CHOSEN.get_or_init(|| {
        std::env::var("CROSSDRILL_LANG")
            .ok()
            .and_then(|t| Lang::from_tag(t.trim()))
            .unwrap_or(Lang::En)
    })
}

/// Choose the language of [`default_lang`] (a command's `--lang`); `false` if messages
/// were already worded in another.
pub fn choose_default_lang(lang: Lang) -> bool {
    *CHOSEN.get_or_init(|| lang) == lang
}

/// The message `id` in `lang` (English where `lang` lacks it, the id where both do).
pub fn say(lang: Lang, id: &str) -> String {
    format(lang, id, None)
}

/// The message `id` (one with no arguments) in `lang`, kept for the life of the
/// program: for labels used over and over. There are as many as there are ids.
pub fn say_static(lang: Lang, id: &'static str) -> &'static str {
    static KEPT: LazyLock<Mutex<HashMap<(Lang, &'static str), &'static str>>> =
        LazyLock::new(Mutex::default);
    let Ok(mut kept) = KEPT.lock() else {
        return id;
    };
    kept.entry((lang, id))
        .or_insert_with(|| Box::leak(say(lang, id).into_boxed_str()))
}

/// The message `id` in `lang` with named arguments.
pub fn say_with(lang: Lang, id: &str, args: &[(&str, Arg<'_>)]) -> String {
    let mut fargs = FluentArgs::new();
    for (name, value) in args {
        let v: FluentValue<'_> = match value {
            Arg::Str(s) => FluentValue::from(*s),
            Arg::Num(n) => FluentValue::from(*n),
        };
        fargs.set(*name, v);
    }
    format(lang, id, Some(&fargs))
}

fn format(lang: Lang, id: &str, args: Option<&FluentArgs<'_>>) -> String {
    let all = &BUNDLES.by_lang;
    let primary = all.iter().find(|(l, _)| *l == lang);
    let english = all.iter().find(|(l, _)| *l == Lang::En);
    for (_, bundle) in primary.into_iter().chain(english) {
        if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            let text = bundle.format_pattern(pattern, args, &mut errors);
            if !errors.is_empty() {
                note(format!("{}: {id}: {errors:?}", lang.tag()));
            }
            return text.into_owned();
        }
    }
    note(format!("{}: no message {id}", lang.tag()));
    id.to_owned()
}

#[cfg(test)]
mod tests;
