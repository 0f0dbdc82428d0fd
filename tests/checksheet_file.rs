//! A customer's own check sheet: read (sheet, header, columns, dropdown options, items with their
//! carried labels) and given back with the answers written into the customer's file, everything
//! else as it was; an .xls given back as an .xlsx copy.

mod common;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use common::checksheet::*;
use common::libreoffice::{require_soffice, soffice_convert};
use ironcalc::base::Model;
use ironcalc::base::cell::CellValue;
use ironcalc::import::load_from_xlsx_bytes;
use riskbook::xlsx::checksheet::{Choice, ColumnRole, FileFormat, OptionsFrom, ReadError, read};
use riskbook::xlsx::patch::{CellWrite, PatchError, patch_sheet, xls_copy};
use std::io::{Cursor, Read};

const ITEMS: usize = 30;

fn found(bytes: &[u8]) -> riskbook::xlsx::checksheet::FoundSheet {
    read(bytes, "取引先.xlsx", &Choice::default()).unwrap()
}

/// Every sheet's values by name.
fn values(bytes: &[u8]) -> Vec<(String, calamine::Range<Data>)> {
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    book.sheet_names()
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).unwrap();
            (name, range)
        })
        .collect()
}

/// The zip entries as (name, compressed size, crc, content).
fn entries(bytes: &[u8]) -> Vec<(String, u64, u32, Vec<u8>)> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut file = zip.by_index(i).unwrap();
            let mut content = Vec::new();
            file.read_to_end(&mut content).unwrap();
            (
                String::from_utf8_lossy(file.name_raw()).into_owned(),
                file.compressed_size(),
                file.crc32(),
                content,
            )
        })
        .collect()
}

fn part(bytes: &[u8], name: &str) -> String {
    let (_, _, _, content) = entries(bytes).into_iter().find(|e| e.0 == name).unwrap();
    String::from_utf8(content).unwrap()
}

/// Answers for every item: options in turn, and a remark for each.
fn answers(items: usize) -> Vec<CellWrite> {
    (0..items)
        .flat_map(|i| {
            [
                CellWrite {
                    row: item_row(i),
                    column: ANSWER,
                    value: OPTIONS[i % OPTIONS.len()].to_string(),
                },
                CellWrite {
                    row: item_row(i),
                    column: COMMENT,
                    value: format!("根拠 {} <規程> & 記録", i + 1),
                },
            ]
        })
        .collect()
}

#[test]
fn the_item_table_is_found_under_a_title_and_a_two_row_header() {
    let sheet = found(&customer_workbook(ITEMS, false));
    assert_eq!(sheet.format, FileFormat::Xlsx);
    assert_eq!(sheet.sheets, [SUMMARY, SHEET, OPTIONS_SHEET]);
    assert_eq!(
        sheet.sheet, SHEET,
        "the item table, not the summary first in tab order"
    );
    assert_eq!(sheet.header_rows, HEADER_ROWS);
    let role = |col: u32| {
        sheet
            .columns
            .iter()
            .find(|c| c.index == col)
            .map(|c| c.role)
    };
    assert_eq!(role(NUMBER), Some(ColumnRole::Number));
    assert_eq!(role(LABEL), Some(ColumnRole::Label));
    assert_eq!(role(PURPOSE), Some(ColumnRole::Other));
    assert_eq!(role(REQUIREMENT), Some(ColumnRole::Requirement));
    assert_eq!(role(REQUIRED), Some(ColumnRole::Required));
    assert_eq!(role(ANSWER), Some(ColumnRole::Answer));
    assert_eq!(role(COMMENT), Some(ColumnRole::Comment));
    assert_eq!(
        role(JUDGEMENT),
        Some(ColumnRole::Customer),
        "its own dropdown does not make it the answer"
    );
    assert_eq!(role(CHECKER), Some(ColumnRole::Customer));
    assert_eq!(sheet.answer_column, Some(ANSWER));
    assert_eq!(sheet.comment_column, Some(COMMENT));
    assert_eq!(
        sheet.options, OPTIONS,
        "the dropdown's list, on another sheet, in its order"
    );
    assert_eq!(sheet.options_from, OptionsFrom::Validation);
    assert!(
        sheet
            .notes
            .iter()
            .any(|n| n == "回答欄：F列（見出し『貴社回答欄 / 実施状況』、プルダウンあり）"),
        "{:?}",
        sheet.notes
    );

    assert_eq!(sheet.items.len(), ITEMS, "no blank, title or total row");
    for (i, item) in sheet.items.iter().enumerate() {
        assert_eq!(item.row, item_row(i));
        assert_eq!(item.number, (i + 1).to_string(), "a number, not 1.0");
        assert_eq!(
            item.label,
            label_of(i),
            "item {i}: the merged label carried down"
        );
        assert_eq!(item.text, requirement_of(i));
        assert_eq!(item.required, Some(is_required(i)));
        assert_eq!(item.extra, [("目的".to_string(), purpose_of(i))]);
    }
    assert_eq!(sheet.items[0].answer.as_deref(), Some(FIRST_ANSWER));
    assert_eq!(sheet.items[0].comment.as_deref(), Some(FIRST_COMMENT));
    assert_eq!(sheet.items[1].answer, None);
}

#[test]
fn a_plain_list_gets_its_labels_from_section_rows_and_its_options_from_a_literal_list() {
    let sheet = found(&plain_workbook());
    assert_eq!(sheet.header_rows, 2..=2);
    assert_eq!(sheet.answer_column, Some(2));
    assert_eq!(sheet.comment_column, Some(3));
    assert_eq!(sheet.options, ["○", "×", "－"]);
    assert_eq!(sheet.options_from, OptionsFrom::Validation);
    let labels: Vec<(&str, &str, Option<&str>)> = sheet
        .items
        .iter()
        .map(|i| (i.number.as_str(), i.label.as_str(), i.answer.as_deref()))
        .collect();
    assert_eq!(
        labels,
        [
            ("1", "ガバナンスの整備", Some("○")),
            ("2", "ガバナンスの整備", Some("×")),
            ("3", "取引先管理", Some("○")),
            ("4", "取引先管理", None),
        ]
    );
    assert!(sheet.items.iter().all(|i| i.required.is_none()));
}

#[test]
fn choices_override_the_guess_but_never_pick_the_customers_column() {
    let bytes = customer_workbook(ITEMS, false);
    let choice = Choice {
        comment_column: Some(PURPOSE),
        ..Choice::default()
    };
    let sheet = read(&bytes, "取引先.xlsx", &choice).unwrap();
    assert_eq!(sheet.comment_column, Some(PURPOSE));
    assert_eq!(
        sheet.items[0].comment.as_deref(),
        Some(purpose_of(0).as_str())
    );

    let customer = Choice {
        answer_column: Some(JUDGEMENT),
        ..Choice::default()
    };
    let error = read(&bytes, "取引先.xlsx", &customer).unwrap_err();
    assert!(matches!(error, ReadError::CustomerColumn { .. }));
    assert!(error.to_string().contains("H列"), "{error}");
    assert!(error.to_string().contains("判定"), "{error}");

    let unknown = Choice {
        sheet: Some("回答".into()),
        ..Choice::default()
    };
    let error = read(&bytes, "取引先.xlsx", &unknown).unwrap_err();
    assert!(
        error.to_string().contains("シート「回答」がありません"),
        "{error}"
    );

    let summary = Choice {
        sheet: Some(SUMMARY.into()),
        ..Choice::default()
    };
    let error = read(&bytes, "取引先.xlsx", &summary).unwrap_err();
    assert!(matches!(error, ReadError::NoTable { .. }), "{error}");
    assert!(error.to_string().contains(SUMMARY), "{error}");
}

#[test]
fn a_file_that_is_not_a_workbook_or_is_encrypted_is_named_in_the_error() {
    let error = read(b"not a workbook", "回答.xlsx", &Choice::default()).unwrap_err();
    assert!(matches!(error, ReadError::Unreadable { .. }));
    assert!(error.to_string().contains("回答.xlsx"), "{error}");
    // An encrypted .xlsx is an OLE compound file, like an .xls.
    let mut encrypted = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    encrypted.resize(4096, 0);
    let error = read(&encrypted, "回答.xlsx", &Choice::default()).unwrap_err();
    assert_eq!(
        error,
        ReadError::Encrypted {
            file: "回答.xlsx".into()
        }
    );
}

#[test]
fn patching_changes_only_the_answer_cells_and_the_summary_recalculates() {
    let original = customer_workbook(ITEMS, false);
    let sheet = found(&original);
    let writes = answers(ITEMS);
    let patched = patch_sheet(&original, &sheet.sheet, &writes).unwrap();

    // Every other entry as it was, in the same order.
    let before = entries(&original);
    let after = entries(&patched);
    let names =
        |e: &[(String, u64, u32, Vec<u8>)]| e.iter().map(|e| e.0.clone()).collect::<Vec<_>>();
    assert_eq!(names(&before), names(&after));
    for (b, a) in before.iter().zip(&after) {
        if b.0 == "xl/worksheets/sheet2.xml" || b.0 == "xl/workbook.xml" {
            continue;
        }
        assert_eq!(b, a, "{} is copied as it was", b.0);
    }
    assert!(part(&patched, "xl/workbook.xml").contains("fullCalcOnLoad=\"1\""));
    assert_eq!(
        part(&original, "xl/sharedStrings.xml"),
        part(&patched, "xl/sharedStrings.xml")
    );

    // Every cell outside the answer cells keeps its value; the answer cells read back.
    let written: std::collections::HashMap<(u32, u32), &str> = writes
        .iter()
        .map(|w| ((w.row, w.column), w.value.as_str()))
        .collect();
    for ((name, b), (_, a)) in values(&original).iter().zip(&values(&patched)) {
        for row in 0..b.height().max(a.height()) as u32 {
            for col in 0..b.width().max(a.width()) as u32 {
                let cell = |r: &calamine::Range<Data>| {
                    r.get_value((row, col)).cloned().unwrap_or(Data::Empty)
                };
                match written.get(&(row, col)).filter(|_| name == SHEET) {
                    Some(value) => assert_eq!(cell(a), Data::String(value.to_string())),
                    None => assert_eq!(cell(b), cell(a), "{name} ({row}, {col})"),
                }
            }
        }
    }
    let again = found(&patched);
    for (i, item) in again.items.iter().enumerate() {
        assert_eq!(item.answer.as_deref(), Some(OPTIONS[i % OPTIONS.len()]));
        assert_eq!(item.comment, Some(format!("根拠 {} <規程> & 記録", i + 1)));
    }

    // The customer's COUNTIF totals, recalculated by an independent engine.
    let workbook = load_from_xlsx_bytes(&patched, "patched", "en", "UTC").unwrap();
    let mut model = Model::from_workbook(workbook, "en").unwrap();
    model.evaluate();
    let summary = model
        .get_worksheets_properties()
        .iter()
        .position(|p| p.name == SUMMARY)
        .unwrap() as u32;
    for (k, option) in OPTIONS.iter().enumerate() {
        let expected = (0..ITEMS).filter(|i| i % OPTIONS.len() == k).count();
        let value = model
            .get_cell_value_by_index(summary, summary_row(k) as i32 + 1, 2)
            .unwrap();
        assert_eq!(value, CellValue::Number(expected as f64), "{option}");
    }
}

#[test]
fn a_cleared_answer_keeps_its_cell_and_style_and_a_missing_cell_is_made() {
    let original = customer_workbook(ITEMS, false);
    let before = part(&original, "xl/worksheets/sheet2.xml");
    let style = {
        let at = before.find("<c r=\"F6\"").unwrap();
        let tag = &before[at..at + before[at..].find('>').unwrap()];
        tag.split("s=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .to_string()
    };
    let writes = [
        CellWrite {
            row: item_row(0),
            column: ANSWER,
            value: String::new(),
        },
        // Past the last column and below the last row: cell and row are created in order.
        CellWrite {
            row: item_row(2),
            column: 10,
            value: "メモ".into(),
        },
        CellWrite {
            row: total_row(ITEMS) + 3,
            column: 1,
            value: "追記".into(),
        },
    ];
    let patched = patch_sheet(&original, SHEET, &writes).unwrap();
    let xml = part(&patched, "xl/worksheets/sheet2.xml");
    assert!(
        xml.contains(&format!("<c r=\"F6\" s=\"{style}\"/>")),
        "the style is kept"
    );
    let sheet = found(&patched);
    assert_eq!(sheet.items[0].answer, None);
    let values = values(&patched);
    let grid = &values.iter().find(|(n, _)| n == SHEET).unwrap().1;
    assert_eq!(
        grid.get_value((item_row(2), 10)),
        Some(&Data::String("メモ".into()))
    );
    assert_eq!(
        grid.get_value((total_row(ITEMS) + 3, 1)),
        Some(&Data::String("追記".into()))
    );
}

#[test]
fn a_formula_or_the_inside_of_a_merged_range_is_not_written() {
    let original = customer_workbook(ITEMS, false);
    let total = total_row(ITEMS);
    let formula = [CellWrite {
        row: total,
        column: ANSWER,
        value: "1".into(),
    }];
    let error = patch_sheet(&original, SHEET, &formula).unwrap_err();
    assert_eq!(
        error,
        PatchError::Formula {
            sheet: SHEET.into(),
            cell: format!("F{}", total + 1)
        }
    );
    assert!(error.to_string().contains(&format!("F{}", total + 1)));

    let mut merged = answers(3);
    merged.push(CellWrite {
        row: item_row(1),
        column: LABEL,
        value: "x".into(),
    });
    let error = patch_sheet(&original, SHEET, &merged).unwrap_err();
    assert_eq!(
        error,
        PatchError::Merged {
            sheet: SHEET.into(),
            cell: format!("B{}", item_row(1) + 1)
        }
    );
    let error = patch_sheet(&original, "ない", &merged).unwrap_err();
    assert!(matches!(error, PatchError::NoSheet { .. }));
}

#[test]
fn an_xlsm_keeps_its_macros() {
    let original = customer_workbook(12, true);
    let sheet = read(&original, "取引先.xlsm", &Choice::default()).unwrap();
    assert_eq!(sheet.format, FileFormat::Xlsm);
    assert_eq!(sheet.items.len(), 12);
    let patched = patch_sheet(&original, SHEET, &answers(12)).unwrap();
    let vba = |bytes: &[u8]| {
        entries(bytes)
            .into_iter()
            .find(|e| e.0 == "xl/vbaProject.bin")
            .unwrap()
    };
    assert_eq!(vba(&original), vba(&patched));
    assert_eq!(
        vba(&patched).3,
        std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/data/vbaProject.bin"
        ))
        .unwrap()
    );
    assert!(
        part(&patched, "[Content_Types].xml")
            .contains("application/vnd.ms-excel.sheet.macroEnabled.main+xml")
    );
}

/// tests/data/取引先チェックシート.xls: `customer_workbook(12, false)` written to an .xlsx and
/// converted once with `soffice --headless --convert-to xls`.
const XLS: &[u8] = include_bytes!("data/取引先チェックシート.xls");

#[test]
fn an_xls_is_read_and_given_back_as_an_xlsx_copy() {
    let sheet = read(XLS, "取引先チェックシート.xls", &Choice::default()).unwrap();
    assert_eq!(sheet.format, FileFormat::Xls);
    assert_eq!(sheet.sheet, SHEET);
    assert_eq!(sheet.answer_column, Some(ANSWER));
    assert_eq!(sheet.items.len(), 12);
    assert_eq!(sheet.items[5].label, label_of(5));
    // Without the dropdown (not read from an .xls) the options are the answers already given.
    assert_eq!(sheet.options, [FIRST_ANSWER]);
    assert_eq!(sheet.options_from, OptionsFrom::Existing);

    let copy = xls_copy(XLS, SHEET, &answers(12)).unwrap();
    let again = read(&copy, "取引先チェックシート.xlsx", &Choice::default()).unwrap();
    assert_eq!(again.sheets, sheet.sheets);
    assert_eq!(again.items.len(), 12);
    for (i, item) in again.items.iter().enumerate() {
        assert_eq!(item.answer.as_deref(), Some(OPTIONS[i % OPTIONS.len()]));
        assert_eq!(item.number, (i + 1).to_string());
        assert_eq!(item.label, label_of(i));
    }
    let values = values(&copy);
    let options = &values.iter().find(|(n, _)| n == OPTIONS_SHEET).unwrap().1;
    assert_eq!(
        options.get_value((3, 0)),
        Some(&Data::String(OPTIONS[3].into()))
    );
    let grid = &values.iter().find(|(n, _)| n == SHEET).unwrap().1;
    assert_eq!(
        grid.get_value((item_row(0), NUMBER)),
        Some(&Data::Float(1.0)),
        "numbers stay numbers"
    );
}

#[test]
#[ignore = "needs LibreOffice; run by .ci/run"]
fn libreoffice_opens_the_patched_file_with_the_answers_and_the_totals() {
    require_soffice();
    let dir = tempfile::tempdir().unwrap();
    let patched = patch_sheet(&customer_workbook(ITEMS, false), SHEET, &answers(ITEMS)).unwrap();
    let input = dir.path().join("patched.xlsx");
    std::fs::write(&input, &patched).unwrap();
    let out_dir = dir.path().join("out");
    std::fs::create_dir_all(&out_dir).unwrap();
    soffice_convert(&out_dir, &input, "xlsx");
    let converted = std::fs::read(out_dir.join("patched.xlsx")).unwrap();
    let values = values(&converted);
    let sheet = &values.iter().find(|(n, _)| n == SHEET).unwrap().1;
    for i in 0..ITEMS {
        assert_eq!(
            sheet.get_value((item_row(i), ANSWER)),
            Some(&Data::String(OPTIONS[i % OPTIONS.len()].into()))
        );
    }
    let summary = &values.iter().find(|(n, _)| n == SUMMARY).unwrap().1;
    for (k, option) in OPTIONS.iter().enumerate() {
        let expected = (0..ITEMS).filter(|i| i % OPTIONS.len() == k).count() as f64;
        assert_eq!(
            summary.get_value((summary_row(k), 1)),
            Some(&Data::Float(expected)),
            "{option}"
        );
    }
}
