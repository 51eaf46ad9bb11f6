//! Writes the report's document as one self-contained HTML page: inline styles and
//! SVG charts, no scripts, no external reference; prints on A4. Text is escaped by
//! construction (maud); only the stylesheet and the charts this crate draws go in
//! as they are.

use super::doc::{Block, Card, Cell, ColKind, Doc, Head, Section, Table, Tone, Words};
use super::text::T;
use crate::scenario::Lang;
use maud::{DOCTYPE, Markup, PreEscaped, html};

const STYLE: &str = include_str!("report.css");

pub(super) fn render(doc: &Doc) -> String {
    let l = doc.lang;
    let h = &doc.head;
    let page = html! {
        (DOCTYPE)
        html lang=(l.tag()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (h.kind.get(l)) ": " (h.title) }
                style { (PreEscaped(STYLE)) }
            }
            body { main {
                (head(h, l))
                section.cards { @for c in &h.cards { (card(c, l)) } }
                @for s in &doc.sections { (section(s, l)) }
                footer {
                    h3 { (words(doc.footer.title, l)) }
                    @for b in &doc.footer.blocks { (block(b, l)) }
                }
            } }
        }
    };
    let mut out = page.into_string();
    out.push('\n');
    out
}

fn head(h: &Head, l: Lang) -> Markup {
    html! {
        header {
            p.eyebrow { (words(h.kind, l)) }
            h1 { (h.title) }
            @if let Some(w) = &h.warning { p.unverified role="alert" { strong { "⚠ " (w) } } }
            p.lede { (h.summary) }
            dl.meta { @for (k, v) in &h.facts { (fact(*k, v, l)) } }
        }
    }
}

fn card(c: &Card, l: Lang) -> Markup {
    let class = c
        .tone
        .map_or_else(|| "card".to_string(), |t| format!("card {}", grade(t)));
    html! {
        div class=(class) {
            div.k { (c.label.get(l)) }
            div.v { (c.value) @if let Some(of) = &c.of { small { " / " (of) } } }
            div.s { (c.note) }
        }
    }
}

fn fact(k: T, v: &Cell, l: Lang) -> Markup {
    html! { div { dt { (k.get(l)) } dd { (cell(v)) } } }
}

/// A bilingual label: the report's language, the other one beside it.
fn words(t: T, l: Lang) -> Markup {
    html! { (t.get(l)) " " span.alt { (t.alt(l)) } }
}

fn section(s: &Section, l: Lang) -> Markup {
    html! {
        section class=[s.class] {
            h2 id=(s.id) { (words(s.title, l)) }
            @for b in &s.blocks { (block(b, l)) }
        }
    }
}

fn block(b: &Block, l: Lang) -> Markup {
    match b {
        Block::Heading { level, text } => {
            let words = match text {
                Words::Both(t) => words(*t, l),
                Words::Name(s) => html! { (s) },
            };
            match level {
                ..=3 => html! { h3 { (words) } },
                _ => html! { h4 { (words) } },
            }
        }
        Block::Para(s) => html! { p { (s) } },
        Block::Muted(s) => html! { p.muted { (s) } },
        Block::Tally { label, got, of } => {
            html! { p { (label.get(l)) ": " b { (got) } " / " (of) } }
        }
        Block::Facts(facts) => {
            html! { dl.facts { @for (k, v) in facts { (fact(*k, v, l)) } } }
        }
        Block::Table(t) => table(t, l),
        Block::List(items) => html! { ul { @for s in items { li { (s) } } } },
        Block::Log(items) => html! {
            ul.notes { @for (at, s) in items { li { time { (at) } " " (s) } } }
        },
        Block::Chart { title, svg } => html! {
            @if let Some(t) = title { h3 { (words(*t, l)) } }
            // The charts are SVG drawn (and escaped) by this crate's svg modules.
            (PreEscaped(svg))
        },
        Block::Article(blocks) => html! {
            article.incident { @for b in blocks { (block(b, l)) } }
        },
        Block::Fold {
            title,
            count,
            blocks,
        } => html! {
            details {
                summary { (title.get(l)) " (" (count) ")" }
                @for b in blocks { (block(b, l)) }
            }
        },
    }
}

fn table(t: &Table, l: Lang) -> Markup {
    let td_class = |k: ColKind| match k {
        ColKind::Num => Some("n"),
        ColKind::Bar => Some("score"),
        ColKind::Grade => Some("grade"),
        ColKind::Due => Some("due"),
        ColKind::Text | ColKind::Key | ColKind::Verdict => None,
    };
    html! {
        table {
            thead { tr { @for c in &t.cols {
                th class=[(c.kind == ColKind::Num).then_some("n")] { (c.label.get(l)) }
            } } }
            tbody { @for r in &t.rows {
                tr class=[r.total.then_some("total")] {
                    @for (c, col) in r.cells.iter().zip(&t.cols) {
                        td class=[td_class(col.kind)] {
                            @if col.kind == ColKind::Key { b { (cell(c)) } } @else { (cell(c)) }
                        }
                    }
                }
            } }
        }
    }
}

fn cell(c: &Cell) -> Markup {
    match c {
        Cell::Text(s) => html! { (s) },
        Cell::Dash => html! { "—" },
        Cell::Em(s) => html! { em { (s) } },
        Cell::Strong(s) => html! { b { (s) } },
        Cell::Hash(s) => html! { code.hash { (s) } },
        // The page's heading names the scenario; its fact gives the id.
        Cell::Named { id, .. } => html! { code { (id) } },
        Cell::Clock { at, since } => html! { (at) " (T+" (since) ")" },
        Cell::Bar { score, text, tone } => {
            let width = format!("width:{:.1}%", score.clamp(0.0, 100.0));
            html! { div.bar { span class=(grade(*tone)) style=(width) {} b { (text) } } }
        }
        Cell::Muted(s) => html! { span.muted { (s) } },
        Cell::Badge { tone, text, .. } => {
            html! { span class=(format!("badge {}", badge(*tone))) { (text) } }
        }
        Cell::Swatch { rgb, text } => {
            let bg = format!("background:rgb({},{},{})", rgb[0], rgb[1], rgb[2]);
            html! { i.sw style=(bg) {} (text) }
        }
        Cell::Lines(v) => html! { ul { @for s in v { li { (s) } } } },
    }
}

fn grade(t: Tone) -> &'static str {
    match t {
        Tone::Good => "g-top",
        Tone::Fair => "g-mid",
        Tone::Poor | Tone::Neutral => "g-bottom",
    }
}

fn badge(t: Tone) -> &'static str {
    match t {
        Tone::Good => "ok",
        Tone::Fair => "late",
        Tone::Poor => "miss",
        Tone::Neutral => "na",
    }
}
