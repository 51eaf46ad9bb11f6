//! Tests of the report document's two writers: each block and cell kind, written
//! once into a document, comes out in Markdown and in HTML, and HTML escapes text.

use super::doc::{Block, Card, Cell, ColKind, Doc, Head, Row, Tone, Words};
use super::text::{self as tx, T};
use super::{build, html, markdown};
use crate::scenario::Lang;
use crate::scoring::Outcome;

const EVIL: &str = "<script>alert(1)</script> & \"x\" | y";

/// Every cell kind once. The match has no catch-all: a new kind fails to build
/// until it is listed here, and so is checked in both writers.
fn every_cell() -> Vec<Cell> {
    let cells = vec![
        Cell::text(EVIL),
        Cell::Dash,
        Cell::Em("own".into()),
        Cell::Strong("big".into()),
        Cell::Hash("abc123".into()),
        Cell::Named {
            name: "Drill".into(),
            id: "drill".into(),
        },
        Cell::Clock {
            at: "19:45".into(),
            since: "0:45".into(),
        },
        Cell::Bar {
            score: 120.0,
            text: "81.5".into(),
            tone: Tone::Good,
        },
        Cell::Muted("quiet".into()),
        Cell::outcome(Outcome::Late, Lang::En),
        Cell::Badge {
            tone: Tone::Poor,
            text: "loud".into(),
            stress: true,
        },
        Cell::Swatch {
            rgb: [1, 2, 3],
            text: "Power".into(),
        },
        Cell::Lines(vec!["one".into(), "two".into()]),
    ];
    for c in &cells {
        match c {
            Cell::Text(_)
            | Cell::Dash
            | Cell::Em(_)
            | Cell::Strong(_)
            | Cell::Hash(_)
            | Cell::Named { .. }
            | Cell::Clock { .. }
            | Cell::Bar { .. }
            | Cell::Muted(_)
            | Cell::Badge { .. }
            | Cell::Swatch { .. }
            | Cell::Lines(_) => {}
        }
    }
    cells
}

fn sample() -> Doc {
    let cells = every_cell();
    let cols: Vec<(T, ColKind)> = [
        ColKind::Text,
        ColKind::Num,
        ColKind::Bar,
        ColKind::Grade,
        ColKind::Key,
        ColKind::Due,
        ColKind::Verdict,
    ]
    .into_iter()
    .cycle()
    .take(cells.len())
    .map(|k| (tx::TEAM, k))
    .collect();
    let total = Row {
        total: true,
        ..Row::new(
            (0..cells.len())
                .map(|i| Cell::Text(format!("t{i}")))
                .collect(),
        )
    };
    let blocks = vec![
        Block::Heading {
            level: 3,
            text: Words::Both(tx::CHAIN),
        },
        Block::Heading {
            level: 4,
            text: Words::Name(EVIL.into()),
        },
        Block::Para("A paragraph.".into()),
        Block::Muted("Nothing here.".into()),
        Block::Tally {
            label: tx::POINTS,
            got: "12.0".into(),
            of: "20.0".into(),
        },
        Block::Facts(vec![(tx::SEED, Cell::text("7"))]),
        build::table(&cols, vec![Row::new(cells), total]),
        Block::List(vec![EVIL.into()]),
        Block::Log(vec![("09:10".into(), "a note".into())]),
        Block::Chart {
            title: Some(tx::CAPACITY_CHART),
            svg: r#"<svg class="chart"><text>drawn</text></svg>"#.into(),
        },
        Block::Article(vec![Block::Para("inside".into())]),
        Block::Fold {
            title: tx::MESSAGES,
            count: 2,
            blocks: vec![Block::Muted("folded".into())],
        },
    ];
    let chart_only = vec![Block::Chart {
        title: None,
        svg: "<svg>only</svg>".into(),
    }];
    Doc {
        lang: Lang::En,
        head: Head {
            kind: tx::TITLE,
            title: EVIL.into(),
            summary: "Summary.".into(),
            warning: None,
            facts: vec![(tx::SEED, Cell::text("7"))],
            figures: vec![(tx::GRADE, Cell::Strong("A".into()))],
            cards: vec![Card {
                label: tx::OVERALL,
                value: "90.8".into(),
                of: Some("100".into()),
                note: "well run".into(),
                tone: Some(Tone::Good),
            }],
        },
        sections: vec![
            build::section("all", tx::TEAMS, blocks),
            build::section("chart", tx::RESPONSE_CHART, chart_only),
        ],
        footer: build::section("method", tx::METHOD, vec![Block::Para("How.".into())]),
    }
}

fn has_all(out: &str, parts: &[&str]) {
    for p in parts {
        assert!(out.contains(p), "missing {p:?} in:\n{out}");
    }
}

#[test]
fn markdown_writes_every_block_and_cell_kind() {
    let md = markdown::render(&sample());
    has_all(
        &md,
        &[
            "# After-action report · 事後評価報告書\n\n",
            "| Seed | 7 |\n| Grade | **A** |\n\n",
            "## Scores by team · チーム別スコア\n\n### Reporting chain · 報告・共有の経路\n\n",
            "**<script>alert(1)</script> & \"x\" \\| y**\n\n",
            "A paragraph.\n\nNothing here.\n\nPoints: 12.0 / 20.0\n\n- Seed: 7\n\n",
            "| Team | Team | Team | Team | Team | Team | |",
            "|---|---:|---:|---|---|---|---|---|---:|---:|---|---|---|\n",
            "| <script>alert(1)</script> & \"x\" \\| y | — | *own* | **big** | `abc123` \
             | Drill (`drill`) | 19:45 (0:45) | 81.5 | quiet | late | **loud** | Power | one<br>two |",
            "| **t0** | t1 |",
            "- <script>alert(1)</script> & \"x\" | y\n\n- **09:10** a note\n\n",
            "inside\n\n### Messages · メッセージ\n\nfolded\n\n## How this report scores",
        ],
    );
    assert!(md.ends_with("How.\n") && !md.ends_with("\n\n"));
    // No charts, cards or summary; a section of charts only is left out.
    for absent in ["svg", "drawn", "Summary.", "90.8", "Response times"] {
        assert!(!md.contains(absent), "{absent:?} in Markdown");
    }
}

#[test]
fn html_writes_every_block_and_cell_kind() {
    let page = html::render(&sample());
    has_all(
        &page,
        &[
            "<!DOCTYPE html><html lang=\"en\">",
            "<p class=\"eyebrow\">After-action report <span class=\"alt\">事後評価報告書</span></p>",
            "<p class=\"lede\">Summary.</p><dl class=\"meta\"><div><dt>Seed</dt><dd>7</dd></div></dl>",
            "<section class=\"cards\"><div class=\"card g-top\"><div class=\"k\">Overall score</div>\
             <div class=\"v\">90.8<small> / 100</small></div><div class=\"s\">well run</div></div></section>",
            "<section><h2 id=\"all\">Scores by team <span class=\"alt\">チーム別スコア</span></h2>",
            "<h3>Reporting chain <span class=\"alt\">報告・共有の経路</span></h3>",
            "<p>A paragraph.</p><p class=\"muted\">Nothing here.</p><p>Points: <b>12.0</b> / 20.0</p>",
            "<dl class=\"facts\"><div><dt>Seed</dt><dd>7</dd></div></dl>",
            "<th>Team</th><th class=\"n\">Team</th><th>Team</th>",
            "<td class=\"n\">—</td>",
            "<td class=\"score\"><em>own</em></td><td class=\"grade\"><b>big</b></td>",
            "<td><b><code class=\"hash\">abc123</code></b></td><td class=\"due\"><code>drill</code></td>",
            "<td>19:45 (T+0:45)</td>",
            "<div class=\"bar\"><span class=\"g-top\" style=\"width:100.0%\"></span><b>81.5</b></div>",
            "<span class=\"muted\">quiet</span>",
            "<span class=\"badge late\">late</span>",
            "<span class=\"badge miss\">loud</span>",
            "<i class=\"sw\" style=\"background:rgb(1,2,3)\"></i>Power",
            "<ul><li>one</li><li>two</li></ul>",
            "<tr class=\"total\"><td>t0</td>",
            "<ul class=\"notes\"><li><time>09:10</time> a note</li></ul>",
            "<h3>Capacity by sector over time <span class=\"alt\">分野別の稼働率の推移</span></h3>\
             <svg class=\"chart\"><text>drawn</text></svg>",
            "<article class=\"incident\"><p>inside</p></article>",
            "<details><summary>Messages (2)</summary><p class=\"muted\">folded</p></details>",
            "<section><h2 id=\"chart\">Response times",
            "<svg>only</svg></section>",
            "<footer><h3>How this report scores <span class=\"alt\">採点の方法</span></h3><p>How.</p>\
             </footer></main></body></html>\n",
        ],
    );
}

#[test]
fn html_escapes_text_by_construction() {
    let page = html::render(&sample());
    // The title, a heading, a table cell and a list item carry a script tag.
    let escaped = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot; | y";
    assert_eq!(page.matches(escaped).count(), 5, "{page}");
    assert!(!page.contains("<script"));
}
