//! Reads a company's own copy of the IPA workbook into a `Workbook`, all or nothing: every cell that
//! cannot be read is listed (sheet, cell, value, reason) and nothing is returned to save.
//!
//! Sheets are found by name and columns by their header text (docs/method.md §9). On import the
//! workbook is the truth for that company: its threat list and its question wording are kept;
//! threats and questions that match nothing in the catalogue are kept too, and reported.
//!
//! One file per sheet read (`register`, `threats`, `checks`, `settings`); `open` opens any
//! workbook within the size limits, for this import and for `xlsx::tables`.

mod checks;
pub(super) mod open;
mod register;
mod settings;
mod sheet;
mod threats;

pub use open::{MAX_COLUMNS, MAX_FILE_BYTES, MAX_ROWS, MAX_UNPACKED_BYTES};

use super::cells::normalize;
use crate::calc::assess;
use crate::domain::reading::{Problem, bulleted};
use crate::domain::{Catalogue, Category, CheckItem, ItemNo, Threat, Workbook};
use calamine::Reader;
use sheet::Sheet;
use std::collections::HashSet;
use std::io::{Read, Seek};
use std::path::Path;

/// A computed value Excel had cached that differs from riskbook's own calculation.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Difference {
    pub cell: String,
    pub column: String,
    pub excel: String,
    pub ours: String,
}

impl std::fmt::Display for Difference {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} {}：Excel の値「{}」、riskbook の計算「{}」",
            self.cell, self.column, self.excel, self.ours
        )
    }
}

#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct Imported {
    pub workbook: Workbook,
    /// Threats and questions kept although they matched nothing in the catalogue.
    pub unmatched: Vec<String>,
    pub differences: Vec<Difference>,
    /// Notes on what was skipped (example sheets, decorative rows).
    pub notes: Vec<String>,
    /// Whether the workbook has riskbook's sheets of the year's records (then `workbook.year`
    /// holds them; otherwise the database keeps its own).
    #[serde(default)]
    pub has_year: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("ファイル「{path}」を開けません：{detail}")]
    Open { path: String, detail: String },
    #[error("ファイル「{path}」は大きすぎます（{detail}）。取り込みを中止しました。")]
    TooLarge { path: String, detail: String },
    #[error(
        "シート「{sheet}」が大きすぎます（{rows} 行 × {cols} 列、上限 {max_rows} 行 × {max_cols} 列）。取り込みを中止しました。"
    )]
    SheetTooLarge {
        sheet: String,
        rows: usize,
        cols: usize,
        max_rows: u32,
        max_cols: u32,
    },
    /// A reading done in a worker process: its message as it gave it.
    #[error("{0}")]
    Worker(String),
    #[error("シート「{0}」が見つかりません。IPA のリスク分析シートを指定してください。")]
    MissingSheet(&'static str),
    #[error("読み取れないセルが {} か所あるため、何も取り込んでいません：\n{}", .0.len(), list(.0))]
    Problems(Vec<Problem>),
}

fn list(problems: &[Problem]) -> String {
    let (mut lines, more) = bulleted(problems, 100);
    if more > 0 {
        lines.push(format!("・ほか {more} か所"));
    }
    lines.join("\n")
}

/// Finds the sheet whose name contains `key` and is not an example or instructions sheet.
fn sheet_name(names: &[String], keys: &[&str]) -> Option<String> {
    names
        .iter()
        .find(|n| {
            let n = normalize(n);
            keys.iter().any(|k| n.contains(k))
                && !n.contains("記入例")
                && !n.contains("利用方法")
                && !n.contains("例")
        })
        .cloned()
}

fn read_from<RS: Read + Seek>(
    mut book: calamine::Sheets<RS>,
    catalogue: Catalogue,
) -> Result<Imported, ImportError> {
    let names = book.sheet_names();
    let notes: Vec<String> = names
        .iter()
        .filter(|n| n.contains("記入例") || n.contains("利用方法"))
        .map(|n| format!("シート「{n}」は説明・記入例のため読み飛ばしました"))
        .collect();
    let register_name =
        sheet_name(&names, &["台帳"]).ok_or(ImportError::MissingSheet("情報資産管理台帳"))?;
    let threats_name =
        sheet_name(&names, &["脅威"]).ok_or(ImportError::MissingSheet("脅威の状況"))?;
    let checks_name = sheet_name(&names, &["対策状況", "チェック"])
        .ok_or(ImportError::MissingSheet("対策状況チェック"))?;
    let diagnosis_name = sheet_name(&names, &["診断結果"]);
    let mut load = |name: &str| open::load_sheet(&mut book, name);
    let register = load(&register_name)?;
    let threats_range = load(&threats_name)?;
    let checks_range = load(&checks_name)?;
    let diagnosis = diagnosis_name.as_deref().map(&mut load).transpose()?;
    let plan_range = names
        .iter()
        .any(|n| n == super::layout::PLAN)
        .then(|| load(super::layout::PLAN))
        .transpose()?;
    let treatment_range = names
        .iter()
        .any(|n| n == super::layout::TREATMENT)
        .then(|| load(super::layout::TREATMENT))
        .transpose()?;
    let mut year_ranges = super::year_sheets::YearRanges::default();
    for name in super::year_sheets::YearRanges::NAMES {
        if names.iter().any(|n| n == name) {
            year_ranges.set(name, load(name)?);
        }
    }

    let mut problems = Vec::new();
    let mut unmatched = Vec::new();
    let checks_sheet = Sheet {
        name: &checks_name,
        range: &checks_range,
    };
    let mut items = checks::read_checks(&checks_sheet, &catalogue, &mut problems, &mut unmatched);
    let threat_sheet = Sheet {
        name: &threats_name,
        range: &threats_range,
    };
    let threats = threats::read_threats(&threat_sheet, &catalogue, &mut problems, &mut unmatched);
    let register_sheet = Sheet {
        name: &register_name,
        range: &register,
    };
    let mut readings = Vec::new();
    let (mut assets, cached) =
        register::read_register(&register_sheet, &mut problems, &mut readings);
    let settings = diagnosis
        .as_ref()
        .map(|range| {
            settings::read_settings(
                &Sheet {
                    name: diagnosis_name.as_deref().unwrap_or(""),
                    range,
                },
                &mut problems,
            )
        })
        .unwrap_or_default();
    if !problems.is_empty() {
        return Err(ImportError::Problems(problems));
    }
    let mut notes = notes;
    notes.append(&mut readings);
    // Questions of the catalogue the workbook lacks come back unanswered, so the 55 stay complete.
    let present: HashSet<ItemNo> = items.iter().map(|i| i.no).collect();
    let missing: Vec<CheckItem> = catalogue
        .items
        .iter()
        .filter(|i| !present.contains(&i.no))
        .cloned()
        .collect();
    if !missing.is_empty() {
        notes.push(format!(
            "ブックになかったチェック項目 {} 問を未回答として加えました",
            missing.len()
        ));
        items.extend(missing);
    }
    items.sort_by_key(|i| (i.category, i.no));
    let known: HashSet<ItemNo> = items.iter().map(|i| i.no).collect();
    let threats: Vec<Threat> = threats
        .into_iter()
        .map(|mut t| {
            t.items.retain(|n| known.contains(n));
            t.items.sort();
            t.items.dedup();
            t
        })
        .collect();
    let categories: Vec<Category> = catalogue.categories.clone();
    let mut plan_notes = Vec::new();
    let plan = plan_range.as_ref().map_or_else(Vec::new, |range| {
        let known: Vec<ItemNo> = items.iter().map(|i| i.no).collect();
        super::plan_sheet::read(range, &known, &threats, &mut plan_notes)
    });
    let treatments = match &treatment_range {
        Some(range) => {
            super::treatment_sheet::number_assets(&mut assets);
            super::treatment_sheet::read(range, &assets, &mut plan_notes)
        }
        None => Vec::new(),
    };
    let has_year = year_ranges.any();
    let year = if has_year {
        super::treatment_sheet::number_assets(&mut assets);
        super::year_sheets::read(&year_ranges, &assets, &known, &mut plan_notes)
    } else {
        Default::default()
    };
    let workbook = Workbook {
        categories,
        items,
        threats,
        assets,
        settings,
        plan,
        // The 基本方針 is not part of the IPA workbook.
        declaration: Default::default(),
        // The sheets carry no 規程: the import keeps what the database holds (operations::import).
        profile: Default::default(),
        documents: Vec::new(),
        policy_values: Default::default(),
        treatments,
        // Customers' check sheets are not in the workbook either; the database keeps its own.
        checksheets: Vec::new(),
        year,
        // Nor the 委託先 (operations::import keeps the database's).
        suppliers: Default::default(),
    };

    let differences = register::differences(&register_name, &cached, &assess(&workbook));
    notes.extend(plan_notes);
    Ok(Imported {
        workbook,
        unmatched,
        differences,
        notes,
        has_year,
    })
}

/// Reads an .xlsx, .xlsm or .xls workbook.
pub fn read_workbook(path: &Path, catalogue: Catalogue) -> Result<Imported, ImportError> {
    let (name, bytes) = open::read_limited(path)?;
    read_workbook_bytes(&name, bytes, catalogue)
}

/// Reads a workbook held in memory; `name` is used in messages.
pub fn read_workbook_bytes(
    name: &str,
    bytes: Vec<u8>,
    catalogue: Catalogue,
) -> Result<Imported, ImportError> {
    read_from(open::open_book(name, bytes, "Excel のブック")?, catalogue)
}
