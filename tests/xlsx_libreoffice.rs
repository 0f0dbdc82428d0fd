//! The exported workbook recalculates in LibreOffice to riskbook's own values.
//!
//! The file is written with deliberately wrong cached results (those of a workbook with nothing
//! answered), LibreOffice is told to recalculate on load, and the values it shows must be riskbook's.
//! LibreOffice comes from scripts/setup-debian.sh (libreoffice-calc); the tests are ignored by a
//! plain `cargo test` and run by `.ci/run`, and fail when LibreOffice is missing.

mod common;

use common::libreoffice::{require_soffice, soffice_convert};

use common::stale_export::{DIAGNOSIS_FIRST_ROW, REGISTER_FIRST_ROW, stale_export};
use riskbook::calc::{assess, diagnose, rate_text};
use riskbook::domain::Catalogue;
use riskbook::domain::register::Column;
use riskbook::sample::sample_workbook;
use riskbook::xlsx::xlsx_bytes;

/// A minimal CSV reader: commas, double quotes.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', _) => quoted = !quoted,
            (',', false) => row.push(std::mem::take(&mut field)),
            ('\n', false) => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            ('\r', false) => {}
            _ => field.push(c),
        }
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

fn leading_number(text: &str) -> Option<u8> {
    let digits: String = text.chars().take_while(|c| c.is_ascii_digit()).collect();
    digits.parse().ok()
}

#[test]
#[ignore = "needs LibreOffice (soffice); run by .ci/run"]
fn libreoffice_recalculates_the_export_to_riskbooks_values() {
    require_soffice();
    let export = stale_export();
    let (wb, assessment, diagnosis) = (&export.workbook, &export.assessment, &export.diagnosis);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("book.xlsx");
    std::fs::write(&file, &export.bytes).unwrap();
    soffice_convert(
        dir.path(),
        &file,
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
    );
    let sheet = |name: &str| {
        let path = dir.path().join(format!("book-{name}.csv"));
        parse_csv(
            &std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())),
        )
    };

    let register = sheet("情報資産管理台帳");
    let mut checked = 0;
    for (i, (asset, risk)) in wb.assets.iter().zip(&assessment.assets).enumerate() {
        let row = &register[REGISTER_FIRST_ROW + i];
        assert_eq!(row[1], asset.name);
        let cell = |col: usize| row.get(col).cloned().unwrap_or_default();
        assert_eq!(
            leading_number(&cell(12)),
            risk.number(Column::Importance),
            "M of {}",
            asset.name
        );
        assert_eq!(
            leading_number(&cell(15)),
            risk.number(Column::Threat),
            "P of {}",
            asset.name
        );
        assert_eq!(
            leading_number(&cell(16)),
            risk.number(Column::Vulnerability),
            "Q of {}",
            asset.name
        );
        assert_eq!(
            leading_number(&cell(17)),
            risk.number(Column::Likelihood),
            "R of {}",
            asset.name
        );
        match risk.risk {
            Some(v) => assert_eq!(
                cell(18),
                format!("{v}{}", risk.level.label()),
                "S of {}",
                asset.name
            ),
            None => assert_eq!(cell(18), "未算定", "S of {}", asset.name),
        }
        checked += 1;
    }
    assert_eq!(checked, 32);

    let result = sheet("診断結果");
    for (i, c) in diagnosis.categories.iter().enumerate() {
        let row = &result[DIAGNOSIS_FIRST_ROW + i];
        assert_eq!(row[0], format!("({}) {}", c.no, c.name));
        assert_eq!(row[2], rate_text(c.rate), "rate of ({}) {}", c.no, c.name);
    }
    let counts: Vec<String> = (0..4)
        .map(|k| result[DIAGNOSIS_FIRST_ROW + diagnosis.categories.len() + 2 + k][1].clone())
        .collect();
    let expected: Vec<String> = diagnosis
        .level_counts
        .iter()
        .map(|(_, n)| n.to_string())
        .collect();
    assert_eq!(counts, expected, "assets per class");
}

#[test]
#[ignore = "needs LibreOffice (soffice); run by .ci/run"]
fn an_old_xls_workbook_imports_like_the_xlsx() {
    require_soffice();
    let wb = sample_workbook(Catalogue::builtin());
    let a = assess(&wb);
    let d = diagnose(&wb, &a);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("book.xlsx");
    std::fs::write(&file, xlsx_bytes(&wb, &a, &d).unwrap()).unwrap();
    soffice_convert(dir.path(), &file, "xls");
    let imported =
        riskbook::xlsx::read_workbook(&dir.path().join("book.xls"), Catalogue::builtin()).unwrap();
    let mut back = imported.workbook;
    assert_eq!(back.assets, wb.assets);
    assert_eq!(back.items, wb.items);
    back.threats
        .iter_mut()
        .zip(&wb.threats)
        .for_each(|(x, y)| x.id = y.id);
    assert_eq!(back.threats, wb.threats);
    assert!(
        imported.differences.is_empty(),
        "{:?}",
        imported.differences
    );
}
