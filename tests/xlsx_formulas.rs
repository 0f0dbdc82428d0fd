//! The exported workbook's formulas, recalculated in process by an independent engine (IronCalc),
//! give riskbook's own values. The file carries deliberately wrong cached results, so only the
//! engine's recalculation can match. (tests/xlsx_libreoffice.rs does the same with LibreOffice.)

mod common;

use common::stale_export::{DIAGNOSIS_FIRST_ROW, REGISTER_FIRST_ROW, stale_export};
use ironcalc::base::Model;
use ironcalc::base::cell::CellValue;
use ironcalc::import::load_from_xlsx_bytes;
use riskbook::calc::RiskLevel;
use riskbook::domain::register::Column;

/// The recalculated workbook.
fn recalculated(bytes: &[u8]) -> Model<'static> {
    let workbook = load_from_xlsx_bytes(bytes, "export", "en", "UTC").unwrap();
    let mut model = Model::from_workbook(workbook, "en").unwrap();
    model.evaluate();
    model
}

fn sheet_index(model: &Model, name: &str) -> u32 {
    model
        .get_worksheets_properties()
        .iter()
        .position(|p| p.name == name)
        .unwrap_or_else(|| panic!("sheet {name}")) as u32
}

/// A cell by 0-based row and column, as riskbook writes them.
fn value(model: &Model, sheet: u32, row: usize, col: usize) -> CellValue {
    model
        .get_cell_value_by_index(sheet, row as i32 + 1, col as i32 + 1)
        .unwrap()
}

fn number(v: &CellValue) -> Option<u8> {
    match v {
        CellValue::Number(n) if n.fract() == 0.0 => Some(*n as u8),
        _ => None,
    }
}

#[test]
fn an_independent_engine_recalculates_the_export_to_riskbooks_values() {
    let export = stale_export();
    let model = recalculated(&export.bytes);

    let register = sheet_index(&model, "情報資産管理台帳");
    let at = |row: usize, col: Column| value(&model, register, row, col as usize);
    for (i, (asset, risk)) in export
        .workbook
        .assets
        .iter()
        .zip(&export.assessment.assets)
        .enumerate()
    {
        let row = REGISTER_FIRST_ROW + i;
        assert_eq!(at(row, Column::Name), CellValue::String(asset.name.clone()));
        let name = &asset.name;
        assert_eq!(
            number(&at(row, Column::Importance)),
            risk.number(Column::Importance),
            "M of {name}"
        );
        assert_eq!(
            number(&at(row, Column::Threat)),
            risk.number(Column::Threat),
            "P of {name}"
        );
        assert_eq!(
            number(&at(row, Column::Vulnerability)),
            risk.number(Column::Vulnerability),
            "Q of {name}"
        );
        assert_eq!(
            number(&at(row, Column::Likelihood)),
            risk.number(Column::Likelihood),
            "R of {name}"
        );
        match risk.risk {
            Some(v) => assert_eq!(number(&at(row, Column::Risk)), Some(v), "S of {name}"),
            None => assert_eq!(
                at(row, Column::Risk),
                CellValue::String("未算定".into()),
                "S of {name}"
            ),
        }
    }

    let result = sheet_index(&model, "診断結果");
    for (i, c) in export.diagnosis.categories.iter().enumerate() {
        let row = DIAGNOSIS_FIRST_ROW + i;
        assert_eq!(
            value(&model, result, row, 0),
            CellValue::String(format!("({}) {}", c.no, c.name))
        );
        let rate = value(&model, result, row, 2);
        match c.rate {
            Some(r) => match rate {
                CellValue::Number(got) => {
                    assert!((got - r).abs() < 1e-9, "rate of ({}): {got} ≠ {r}", c.no)
                }
                other => panic!("rate of ({}) is {other:?}", c.no),
            },
            None => assert_eq!(rate, CellValue::String("該当なし".into()), "({})", c.no),
        }
    }
    let counts_row = DIAGNOSIS_FIRST_ROW + export.diagnosis.categories.len() + 2;
    for (k, level) in [
        RiskLevel::High,
        RiskLevel::Medium,
        RiskLevel::Low,
        RiskLevel::Unrated,
    ]
    .into_iter()
    .enumerate()
    {
        let counted = value(&model, result, counts_row + k, 1);
        assert_eq!(
            number(&counted).map(usize::from),
            Some(export.diagnosis.level_counts[level]),
            "assets counted as {}",
            level.label()
        );
    }
}

#[test]
fn the_threat_sheet_hides_the_columns_only_its_formulas_read() {
    let export = stale_export();
    let model = recalculated(&export.bytes);
    let threats = sheet_index(&model, "脅威の状況");
    // Columns as IronCalc reads them from the sheet's <col hidden="1">, 1-based: A = 1.
    let hidden = |col: char| {
        model
            .is_column_hidden(threats, col as i32 - 'A' as i32 + 1)
            .unwrap()
    };
    for col in ['F', 'I', 'J', 'K', 'L', 'M', 'N', 'O'] {
        assert!(
            hidden(col),
            "helper column {col} (順位, 最大の順位 …) is hidden"
        );
    }
    for col in ['A', 'B', 'C', 'D', 'E', 'G'] {
        assert!(!hidden(col), "column {col} is for the user and shows");
    }
    // The hidden columns still calculate: I–O hold each medium's worst threat (the 台帳's P–R read
    // them, checked above); O is its 被害発生可能性.
    let mut rated = 0;
    for (i, medium) in riskbook::domain::Medium::ALL.iter().enumerate() {
        let likelihood = export
            .assessment
            .media
            .get(medium)
            .and_then(|r| r.as_ref().ok())
            .map(|d| d.likelihood.value());
        rated += usize::from(likelihood.is_some());
        assert_eq!(
            number(&value(&model, threats, 2 + i, 14)),
            likelihood,
            "O{}, {}'s 被害発生可能性",
            3 + i,
            medium.name()
        );
    }
    assert!(rated > 0, "some medium has a worst threat");
}
