//! Writes the report's document as Markdown (GitHub-flavoured tables). Every text
//! goes through one escape for where it stands: a table cell, a list item or a line.

use super::doc::{Block, Cell, ColKind, Doc, Row, Section, Table, Words};
use super::text::T;
use crate::scenario::Lang;
use std::fmt::Write;

pub(super) fn render(doc: &Doc) -> String {
    let l = doc.lang;
    let mut o = String::new();
    let h = &doc.head;
    heading(&mut o, 1, &Words::Both(h.kind), l);
    let _ = writeln!(o, "**{}**\n", esc(&h.title));
    if let Some(w) = &h.warning {
        let _ = writeln!(o, "> **⚠ {}**\n", esc(w));
    }
    o.push_str("| | |\n|---|---|\n");
    for (k, v) in h.facts.iter().chain(&h.figures) {
        let _ = writeln!(o, "| {} | {} |", k.get(l), cell(v));
    }
    o.push('\n');
    for s in doc.sections.iter().chain([&doc.footer]) {
        section(&mut o, s, l);
    }
    // Blocks end in a blank line; the document ends in one line break.
    o.pop();
    o
}

fn section(o: &mut String, s: &Section, l: Lang) {
    if s.blocks.iter().all(|b| matches!(b, Block::Chart { .. })) {
        return;
    }
    heading(o, 2, &Words::Both(s.title), l);
    for b in &s.blocks {
        block(o, b, l);
    }
}

fn heading(o: &mut String, level: u8, text: &Words, l: Lang) {
    let words = match text {
        Words::Both(t) => format!("{} · {}", t.get(l), t.alt(l)),
        Words::Name(s) => esc(s),
    };
    if level >= 4 {
        let _ = writeln!(o, "**{words}**\n");
    } else {
        let _ = writeln!(o, "{} {words}\n", "#".repeat(usize::from(level)));
    }
}

fn block(o: &mut String, b: &Block, l: Lang) {
    match b {
        Block::Heading { level, text } => heading(o, *level, text, l),
        Block::Para(s) | Block::Muted(s) => {
            let _ = writeln!(o, "{}\n", line(s));
        }
        Block::Tally { label, got, of } => {
            let _ = writeln!(o, "{}: {} / {}\n", label.get(l), line(got), line(of));
        }
        Block::Facts(facts) => {
            for (k, v) in facts {
                let _ = writeln!(o, "- {}: {}", k.get(l), cell(v));
            }
            o.push('\n');
        }
        Block::Table(t) => table(o, t, l),
        Block::List(items) => {
            for s in items {
                let _ = writeln!(o, "- {}", line(s));
            }
            o.push('\n');
        }
        Block::Log(items) => {
            for (at, s) in items {
                let _ = writeln!(o, "- **{}** {}", line(at), line(s));
            }
            o.push('\n');
        }
        Block::Chart { .. } => {}
        Block::Article(blocks) => blocks.iter().for_each(|b| block(o, b, l)),
        Block::Fold { title, blocks, .. } => {
            heading(o, 3, &Words::Both(*title), l);
            blocks.iter().for_each(|b| block(o, b, l));
        }
    }
}

fn table(o: &mut String, t: &Table, l: Lang) {
    let label = |k: ColKind, t: T| if k == ColKind::Verdict { "" } else { t.get(l) };
    let labels = t.cols.iter().map(|c| label(c.kind, c.label));
    o.push('|');
    for s in labels {
        if s.is_empty() {
            o.push_str(" |");
        } else {
            let _ = write!(o, " {s} |");
        }
    }
    o.push_str("\n|");
    for c in &t.cols {
        let right = matches!(c.kind, ColKind::Num | ColKind::Bar);
        o.push_str(if right { "---:|" } else { "---|" });
    }
    o.push('\n');
    for r in &t.rows {
        row(o, r);
    }
    o.push('\n');
}

fn row(o: &mut String, r: &Row) {
    o.push('|');
    for (i, c) in r.cells.iter().enumerate() {
        let text = cell(c);
        if r.total && i == 0 {
            let _ = write!(o, " **{text}** |");
        } else {
            let _ = write!(o, " {text} |");
        }
    }
    o.push('\n');
}

/// A cell's Markdown, escaped for a table cell.
fn cell(c: &Cell) -> String {
    match c {
        Cell::Text(s) | Cell::Muted(s) => esc(s),
        Cell::Dash => "—".into(),
        Cell::Em(s) => format!("*{}*", esc(s)),
        Cell::Strong(s) => format!("**{}**", esc(s)),
        Cell::Hash(s) => format!("`{}`", esc(s)),
        Cell::Named { name, id } => format!("{} (`{}`)", esc(name), esc(id)),
        Cell::Clock { at, since } => format!("{} ({})", esc(at), esc(since)),
        Cell::Bar { text, .. } => esc(text),
        Cell::Badge { text, stress, .. } if *stress => format!("**{}**", esc(text)),
        Cell::Badge { text, .. } | Cell::Swatch { text, .. } => esc(text),
        Cell::Lines(v) => v.iter().map(|s| esc(s)).collect::<Vec<_>>().join("<br>"),
    }
}

/// Text for a table cell: pipes escaped, line breaks as spaces.
fn esc(s: &str) -> String {
    s.replace('|', "\\|").replace(['\n', '\r'], " ")
}

/// Text for one line of a paragraph or list item: line breaks as spaces.
fn line(s: &str) -> String {
    s.replace(['\n', '\r'], " ")
}
