//! Snapshots of the Markdown report (the journal hash masked: it changes with any
//! change to the engine's journal, which the other tests pin down).

use crate::play_run as play;

use crossdrill::report::{self, Format};
use crossdrill::scenario::Lang;

fn markdown(run: &play::Run, lang: Lang) -> String {
    let text = report::render(
        &run.sc,
        &Default::default(),
        &run.journal,
        &run.card,
        Format::Markdown,
        lang,
    );
    text.replace(&run.journal.hash(), "<journal sha-256>")
}

#[test]
fn mini_report() {
    insta::assert_snapshot!(markdown(&play::mini(), Lang::En));
}

#[test]
fn mini_report_in_japanese() {
    insta::assert_snapshot!(markdown(&play::mini(), Lang::Ja));
}

#[test]
fn well_run_report() {
    insta::assert_snapshot!(markdown(
        &play::default_play("well-run.commands.ron"),
        Lang::En
    ));
}
