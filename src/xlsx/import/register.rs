//! The 情報資産管理台帳 sheet: its columns found by their headers (one or two header rows), each
//! row read into an `Asset`, and the values Excel had computed kept to compare with riskbook's.

use super::Difference;
use super::sheet::Sheet;
use crate::calc::Assessment;
use crate::domain::cell_text::{Reading, read_cell};
use crate::domain::reading::{Headers, Problem, RatingScale, Reinterpreted};
use crate::domain::register::Column;
use crate::domain::{Asset, Rating};
use crate::xlsx::cells;
use crate::xlsx::layout::cell_name;
use calamine::Data;
use std::collections::{HashMap, HashSet};

/// Maps each 台帳 column to its sheet column, from a header that may span two rows.
fn register_columns(sheet: &Sheet, header_row: u32) -> HashMap<Column, u32> {
    let mut map = HashMap::new();
    let mut taken = HashSet::new();
    // The lower header row names the grouped columns; the upper one the rest.
    for row in [header_row + 1, header_row] {
        for column in Headers::Ipa.columns() {
            if map.contains_key(&column) {
                continue;
            }
            if let Some(c) = sheet
                .cols()
                .find(|&c| !taken.contains(&c) && Headers::Ipa.names(&sheet.text(row, c), column))
            {
                map.insert(column, c);
                taken.insert(c);
            }
        }
    }
    map
}

fn is_decorative(name: &str) -> bool {
    // The guideline's form numbers its columns ①②③ under the header.
    name.chars().count() == 1 && ('①'..='⑳').contains(&name.chars().next().unwrap_or(' '))
}

/// Cached computed values of one row, to compare with riskbook's calculation.
pub(super) struct Cached {
    row: u32,
    values: Vec<(Column, u32, String, Option<u8>)>,
}

/// Notes a text cell that is read as something other than what it says (「USBメモリ」 as 可搬電子媒体,
/// 「２」 as 2, 「H28.7.1」 as a date), so that no value is reinterpreted silently.
fn note_reading(sheet: &Sheet, row: u32, col: u32, column: Column, notes: &mut Vec<String>) {
    if let Some(Data::String(text)) = sheet.get(row, col)
        && let Ok(Reading {
            became: Some(became),
            ..
        }) = read_cell(column, text)
    {
        let note = Reinterpreted {
            place: sheet.place(&cell_name(row, col as u16)),
            column,
            written: text.trim().to_string(),
            became,
        };
        notes.push(note.to_string());
    }
}

pub(super) fn read_register(
    sheet: &Sheet,
    problems: &mut Vec<Problem>,
    notes: &mut Vec<String>,
) -> (Vec<Asset>, Vec<Cached>) {
    let before = problems.len();
    let Some(header_row) = sheet
        .find_row("情報資産名称")
        .or_else(|| sheet.find_row("情報資産名"))
    else {
        problems.push(sheet.sheet_problem("", "見出し「情報資産名称」の行が見つかりません"));
        return (Vec::new(), Vec::new());
    };
    let map = register_columns(sheet, header_row);
    for required in [
        Column::Name,
        Column::Medium,
        Column::Confidentiality,
        Column::Integrity,
        Column::Availability,
    ] {
        if !map.contains_key(&required) {
            problems.push(sheet.sheet_problem(
                &format!("{}行目", header_row + 1),
                format!("見出し「{}」の列が見つかりません", required.header()),
            ));
        }
    }
    if problems.len() > before {
        return (Vec::new(), Vec::new());
    }
    let name_col = map[&Column::Name];
    let second_header = sheet.cols().any(|c| {
        Headers::Ipa
            .column(&sheet.text(header_row + 1, c))
            .is_some()
    });
    let first = header_row + if second_header { 2 } else { 1 };
    let rating_cols = [
        map[&Column::Confidentiality],
        map[&Column::Integrity],
        map[&Column::Availability],
    ];
    // A later edition's 1–3 scale: one message, not one error per cell, and no guessing (method §9).
    let ratings = (first..sheet.rows().end)
        .flat_map(|r| rating_cols.map(|c| (r, c)))
        .filter_map(|(r, c)| cells::leading_number(sheet.get(r, c)).ok().flatten());
    let one_to_three = RatingScale::of_ratings(ratings) == RatingScale::OneToThree;
    if one_to_three {
        problems.push(sheet.sheet_problem("", RatingScale::ONE_TO_THREE_REFUSAL));
    }
    let mut assets = Vec::new();
    let mut cached = Vec::new();
    for row in first..sheet.rows().end {
        let text_of = |col: Column| {
            map.get(&col)
                .map(|&c| sheet.text(row, c))
                .unwrap_or_default()
        };
        let name = text_of(Column::Name);
        let inputs = [
            Column::Category,
            Column::Note,
            Column::Medium,
            Column::Confidentiality,
        ];
        if name.is_empty() {
            if inputs.iter().any(|c| !text_of(*c).is_empty())
                && !is_decorative(&text_of(Column::Category))
            {
                problems.push(sheet.problem(
                    row,
                    name_col,
                    "情報資産名称が空です（名称のない行は取り込めません）",
                ));
            }
            continue;
        }
        if is_decorative(&name) {
            continue;
        }
        let mut asset = Asset::named(name);
        asset.category = text_of(Column::Category);
        asset.note = text_of(Column::Note);
        asset.users = text_of(Column::Users);
        asset.department = text_of(Column::Department);
        asset.retention = text_of(Column::Retention);
        if let Some(&c) = map.get(&Column::Medium) {
            let t = sheet.text(row, c);
            if !t.is_empty() {
                note_reading(sheet, row, c, Column::Medium, notes);
                match crate::domain::cell_text::medium_from_text(&t) {
                    Some(m) => asset.medium = Some(m),
                    None => problems.push(sheet.problem(
                        row,
                        c,
                        "媒体・保存先は 書類／可搬電子媒体／事務所PC／モバイル機器／社内サーバー／クラウド のいずれかです",
                    )),
                }
            }
        }
        for (column, slot) in [
            (Column::Personal, &mut asset.personal_info),
            (Column::Sensitive, &mut asset.sensitive_info),
            (Column::MyNumber, &mut asset.my_number),
        ] {
            if let Some(&c) = map.get(&column) {
                note_reading(sheet, row, c, column, notes);
                match cells::flag(sheet.get(row, c)) {
                    Ok(v) => *slot = v,
                    Err(_) => problems.push(sheet.problem(
                        row,
                        c,
                        format!("{}は「有」か空欄で入力してください", column.header()),
                    )),
                }
            }
        }
        for (column, slot) in [
            (Column::Confidentiality, &mut asset.confidentiality),
            (Column::Integrity, &mut asset.integrity),
            (Column::Availability, &mut asset.availability),
        ] {
            let c = map[&column];
            if one_to_three {
                continue;
            }
            note_reading(sheet, row, c, column, notes);
            match cells::leading_number(sheet.get(row, c)).map(|v| v.map(Rating::new).transpose()) {
                Ok(Ok(v)) => *slot = v,
                _ => problems.push(sheet.problem(
                    row,
                    c,
                    format!("{}は 0、1、2 のいずれかで入力してください", column.header()),
                )),
            }
        }
        if let Some(&c) = map.get(&Column::Registered) {
            note_reading(sheet, row, c, Column::Registered, notes);
            match cells::date(sheet.get(row, c)) {
                Ok(d) => asset.registered = d,
                Err(_) => problems.push(sheet.problem(
                    row,
                    c,
                    "登録日を日付として読めません（例：2016/7/1、H28.7.1）",
                )),
            }
        }
        let mut values = Vec::new();
        for column in [
            Column::Importance,
            Column::Threat,
            Column::Vulnerability,
            Column::Likelihood,
            Column::Risk,
        ] {
            if let Some(&c) = map.get(&column) {
                let shown = sheet.text(row, c);
                if !shown.is_empty() {
                    values.push((
                        column,
                        c,
                        shown,
                        cells::leading_number(sheet.get(row, c)).ok().flatten(),
                    ));
                }
            }
        }
        cached.push(Cached { row, values });
        assets.push(asset);
    }
    (assets, cached)
}

/// The computed values Excel had cached that differ from riskbook's own calculation.
pub(super) fn differences(
    sheet_name: &str,
    cached: &[Cached],
    assessment: &Assessment,
) -> Vec<Difference> {
    let mut differences = Vec::new();
    for (c, risk) in cached.iter().zip(&assessment.assets) {
        for (column, col, shown, excel) in &c.values {
            let ours = risk.number(*column);
            if *excel != ours {
                differences.push(Difference {
                    cell: format!("シート「{sheet_name}」{}", cell_name(c.row, *col as u16)),
                    column: column.header().to_string(),
                    excel: shown.clone(),
                    ours: ours.map_or("未算定".into(), |v| v.to_string()),
                });
            }
        }
    }
    differences
}
