//! The MSEL as a table for spreadsheets: CSV (one row per event, lines in a cell
//! joined by line breaks) and an xlsx workbook (the MSEL, then the objectives with
//! their expected actions).

use super::rows::{MselRow, anchor_time, due};
use crate::report::text::T;
use crate::scenario::{Design, Lang, ObjectiveId, Scenario};
use rust_xlsxwriter::{Format, FormatAlign, Workbook, XlsxError};

/// The MSEL's columns: time (exercise seconds, empty when conditional), when (the
/// wall-clock time or the condition), event, id, delivers, expected actions.
const COLS: [T; 6] = [
    T("m-col-at"),
    T("m-when"),
    T("m-event"),
    T("m-id"),
    T("m-delivers"),
    T("m-expected"),
];

fn cells(r: &MselRow) -> [String; 6] {
    [
        r.at.map(|a| a.to_string()).unwrap_or_default(),
        r.when.clone(),
        r.event.clone(),
        r.id.clone(),
        r.delivers.join("\n"),
        r.expected.join("\n"),
    ]
}

pub(super) fn csv(rows: &[MselRow], lang: Lang) -> Vec<u8> {
    let mut w = csv::Writer::from_writer(Vec::new());
    // Writing to memory cannot fail.
    let _ = w.write_record(COLS.iter().map(|c| c.get(lang)));
    for r in rows {
        let _ = w.write_record(cells(r));
    }
    w.into_inner().unwrap_or_default()
}

pub(super) fn xlsx(
    sc: &Scenario,
    d: &Design,
    rows: &[MselRow],
    lang: Lang,
) -> Result<Vec<u8>, XlsxError> {
    let head = Format::new().set_bold().set_background_color("#dde3ea");
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(T("m-msel").get(lang))?;
    for (c, (label, width)) in COLS
        .iter()
        .zip([8.0, 22.0, 12.0, 22.0, 60.0, 60.0])
        .enumerate()
    {
        sheet.write_string_with_format(0, c as u16, label.get(lang), &head)?;
        sheet.set_column_width(c as u16, width)?;
    }
    for (i, r) in rows.iter().enumerate() {
        let row = i as u32 + 1;
        match r.at {
            Some(a) => sheet.write_number_with_format(row, 0, a as f64, &wrap)?,
            None => sheet.write_string_with_format(row, 0, "", &wrap)?,
        };
        for (c, text) in cells(r).iter().enumerate().skip(1) {
            sheet.write_string_with_format(row, c as u16, text, &wrap)?;
        }
    }
    sheet.set_freeze_panes(1, 0)?;

    let sheet = book.add_worksheet();
    sheet.set_name(T("m-objectives").get(lang))?;
    let cols = [
        T("m-objective"),
        T("r-team"),
        T("m-what"),
        T("r-due"),
        T("m-id"),
    ];
    for (c, (label, width)) in cols.iter().zip([50.0, 24.0, 50.0, 22.0, 22.0]).enumerate() {
        sheet.write_string_with_format(0, c as u16, label.get(lang), &head)?;
        sheet.set_column_width(c as u16, width)?;
    }
    let mut row = 1;
    for (i, o) in d.objectives.iter().enumerate() {
        for (_, e) in d.expectations_of(ObjectiveId(i as u32)) {
            let start = anchor_time(sc, e.anchor);
            let texts = [
                o.text.get(lang),
                sc.teams[e.team.idx()].name.get(lang),
                e.what.get(lang),
                &due(sc, e, start, lang),
                &e.id,
            ];
            for (c, text) in texts.iter().enumerate() {
                sheet.write_string_with_format(row, c as u16, *text, &wrap)?;
            }
            row += 1;
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    book.save_to_buffer()
}
