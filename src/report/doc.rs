//! The report as one format-neutral document: a head, sections of blocks (headings,
//! paragraphs, key-value facts, tables of typed cells, lists, charts), built once in
//! `build` and written by `markdown` and `html`.
//!
//! Text in the document is plain: each writer escapes it for its format. Markdown has
//! no charts, cards or summary; it leaves them out, and a section holding only charts
//! with them.

use super::text::T;
use crate::scenario::Lang;
use crate::scoring::Outcome;

/// The whole report.
pub(super) struct Doc {
    pub lang: Lang,
    pub head: Head,
    pub sections: Vec<Section>,
    /// The closing section (how the report scores).
    pub footer: Section,
}

/// What the report is of, and its headline figures.
pub(super) struct Head {
    /// The kind of document (its bilingual eyebrow heading).
    pub kind: T,
    pub title: String,
    pub summary: String,
    /// Shown above everything else: the journal was scored without being verified.
    pub warning: Option<String>,
    /// Facts about the run: scenario, seed, clock, journal hash.
    pub facts: Vec<(T, Cell)>,
    /// The headline figures as facts (listed after `facts` where there are no cards).
    pub figures: Vec<(T, Cell)>,
    /// The headline figures as cards.
    pub cards: Vec<Card>,
}

/// One headline figure: `value` (out of `of`), with a line under it.
pub(super) struct Card {
    pub label: T,
    pub value: String,
    pub of: Option<String>,
    pub note: String,
    pub tone: Option<Tone>,
}

/// A titled part of the report; `id` is its anchor, `class` a style hook.
pub(super) struct Section {
    pub id: &'static str,
    pub title: T,
    pub class: Option<&'static str>,
    pub blocks: Vec<Block>,
}

/// A heading's words: a bilingual label or a name from the scenario.
pub(super) enum Words {
    Both(T),
    Name(String),
}

pub(super) enum Block {
    /// A heading inside a section (level 3 or 4).
    Heading {
        level: u8,
        text: Words,
    },
    Para(String),
    /// A side remark (an empty section's "nothing here", a unit).
    Muted(String),
    /// `label: got / of`, the figure stressed.
    Tally {
        label: T,
        got: String,
        of: String,
    },
    /// Key-value facts.
    Facts(Vec<(T, Cell)>),
    Table(Table),
    List(Vec<String>),
    /// Entries stamped with a time: (time, text).
    Log(Vec<(String, String)>),
    /// An SVG chart drawn by this crate, with an optional caption heading.
    Chart {
        title: Option<T>,
        svg: String,
    },
    /// One item of a series (an incident), set apart.
    Article(Vec<Block>),
    /// Blocks under a heading that may start folded; `count` is how many they list.
    Fold {
        title: T,
        count: usize,
        blocks: Vec<Block>,
    },
}

impl Block {
    pub fn heading(level: u8, text: Words) -> Block {
        Block::Heading { level, text }
    }
}

pub(super) struct Table {
    pub cols: Vec<Col>,
    pub rows: Vec<Row>,
}

#[derive(Clone, Copy)]
pub(super) struct Col {
    pub label: T,
    pub kind: ColKind,
}

/// What a column holds, for its alignment and style.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum ColKind {
    Text,
    /// Numbers and times, right-aligned.
    Num,
    /// Scores drawn as bars.
    Bar,
    Grade,
    /// The row's subject, stressed.
    Key,
    /// Dates, kept on one line.
    Due,
    /// A verdict badge that speaks for itself (no header label in plain text).
    Verdict,
}

impl Col {
    pub fn new(label: T, kind: ColKind) -> Col {
        Col { label, kind }
    }
}

pub(super) struct Row {
    pub cells: Vec<Cell>,
    /// A totals row.
    pub total: bool,
}

impl Row {
    pub fn new(cells: Vec<Cell>) -> Row {
        Row {
            cells,
            total: false,
        }
    }
}

/// A good, middling, bad or neutral result (grade bands and outcome badges).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Tone {
    Good,
    Fair,
    Poor,
    Neutral,
}

/// A typed value in a table or a fact.
pub(super) enum Cell {
    Text(String),
    /// Nothing to show: a dash.
    Dash,
    Em(String),
    Strong(String),
    /// A hash or other code, broken anywhere.
    Hash(String),
    /// A name and its string id; where the name heads the page, only the id.
    Named {
        name: String,
        id: String,
    },
    /// A wall-clock time and the exercise time it stands for.
    Clock {
        at: String,
        since: String,
    },
    /// A score out of 100 as `text`, drawn as a bar in `tone`.
    Bar {
        score: f64,
        text: String,
        tone: Tone,
    },
    Muted(String),
    /// A verdict; `stress` marks one that needs attention even in plain text.
    Badge {
        tone: Tone,
        text: String,
        stress: bool,
    },
    /// A name beside its colour swatch.
    Swatch {
        rgb: [u8; 3],
        text: String,
    },
    /// Several lines (never empty: use `Dash`).
    Lines(Vec<String>),
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::Text(s.into())
    }

    /// `Text`, or `Dash` when `v` is none.
    pub fn or_dash<V>(v: Option<V>, f: impl FnOnce(V) -> String) -> Cell {
        v.map_or(Cell::Dash, |v| Cell::Text(f(v)))
    }

    /// A phase's outcome as a badge.
    pub fn outcome(o: Outcome, lang: Lang) -> Cell {
        let tone = match o {
            Outcome::OnTime => Tone::Good,
            Outcome::Late => Tone::Fair,
            Outcome::Missed => Tone::Poor,
            Outcome::Open | Outcome::NotApplicable => Tone::Neutral,
        };
        Cell::Badge {
            tone,
            text: super::text::outcome(o).get(lang).into(),
            stress: false,
        }
    }

    /// Names joined by commas, or `Dash` when there are none.
    pub fn names<'a>(names: impl IntoIterator<Item = &'a str>) -> Cell {
        let s = names.into_iter().collect::<Vec<_>>().join(", ");
        if s.is_empty() {
            Cell::Dash
        } else {
            Cell::Text(s)
        }
    }
}

/// The tone of grade band `g` of `bands` (best first).
pub(super) fn grade_tone(g: usize, bands: usize) -> Tone {
    match (g, bands) {
        (0, _) => Tone::Good,
        (g, n) if g + 1 >= n => Tone::Poor,
        _ => Tone::Fair,
    }
}
