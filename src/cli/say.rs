//! The command line's own sentences: messages from `assets/locales/<lang>/cli.ftl`, in
//! English, or in the language `CROSSDRILL_LANG` names (`ja`; see `words::default_lang`).

use crate::words::{Arg, default_lang, say_with};
use std::fmt::Display;

/// The message `id` with its arguments, each written with `Display`.
pub(crate) fn say(id: &str, args: &[(&str, &dyn Display)]) -> String {
    let texts: Vec<(&str, String)> = args.iter().map(|(k, v)| (*k, v.to_string())).collect();
    let args: Vec<(&str, Arg<'_>)> = texts.iter().map(|(k, v)| (*k, Arg::Str(v))).collect();
    say_with(default_lang(), id, &args)
}

/// `error: ` and the message.
pub(crate) fn error(id: &str, args: &[(&str, &dyn Display)]) -> String {
    let what = say(id, args);
    say("cli-error", &[("what", &what)])
}
