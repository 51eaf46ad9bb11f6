//! A message to be worded later: its id and its arguments, which may be phrases too.

use super::{Arg, say_with};
use crate::scenario::{Lang, Secs};

/// What to say: a message id and its named arguments, in no language yet.
#[derive(Debug, Clone, PartialEq)]
pub struct Phrase {
    id: &'static str,
    args: Vec<(&'static str, Part)>,
}

/// One argument of a [`Phrase`].
#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    /// Words that need no translation: a name, a number, a time.
    Text(String),
    /// Another message, worded in the same language first.
    Said(Phrase),
    /// A span of time in the language's units.
    Span(Secs),
    /// Several parts, joined by the message with this id (`list-sep` for a list).
    Joined(&'static str, Vec<Part>),
}

impl From<String> for Part {
    fn from(s: String) -> Self {
        Part::Text(s)
    }
}

impl From<&str> for Part {
    fn from(s: &str) -> Self {
        Part::Text(s.to_owned())
    }
}

impl From<Phrase> for Part {
    fn from(p: Phrase) -> Self {
        Part::Said(p)
    }
}

impl Phrase {
    /// The message `id` with no arguments yet.
    pub fn new(id: &'static str) -> Self {
        Phrase {
            id,
            args: Vec::new(),
        }
    }

    /// The same phrase with one more argument.
    pub fn with(mut self, name: &'static str, value: impl Into<Part>) -> Self {
        self.args.push((name, value.into()));
        self
    }

    /// The message id.
    pub fn id(&self) -> &'static str {
        self.id
    }

    /// The phrase in `lang`.
    pub fn word(&self, lang: Lang) -> String {
        let worded: Vec<(&str, String)> = self
            .args
            .iter()
            .map(|(name, part)| (*name, part.word(lang)))
            .collect();
        let args: Vec<(&str, Arg<'_>)> = worded
            .iter()
            .map(|(name, text)| (*name, Arg::Str(text)))
            .collect();
        say_with(lang, self.id, &args)
    }
}

impl Part {
    /// Several parts as a list in the language's way (`a, b` / `a、b`).
    pub fn list(parts: impl IntoIterator<Item = Part>) -> Part {
        Part::Joined("list-sep", parts.into_iter().collect())
    }

    /// The part in `lang`.
    pub fn word(&self, lang: Lang) -> String {
        match self {
            Part::Text(s) => s.clone(),
            Part::Said(p) => p.word(lang),
            Part::Span(secs) => super::span(lang, *secs),
            Part::Joined(sep, parts) => {
                let items: Vec<String> = parts.iter().map(|p| p.word(lang)).collect();
                items.join(&super::say(lang, sep))
            }
        }
    }
}
