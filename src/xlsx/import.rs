//! Reads a company's own copy of the IPA workbook into a `Workbook`, all or nothing: every cell that
//! cannot be read is listed (sheet, cell, value, reason) and nothing is returned to save.
//!
//! Sheets are found by name and columns by their header text (docs/method.md §9). On import the
//! workbook is the truth for that company: its threat list and its question wording are kept;
//! threats and questions that match nothing in the catalogue are kept too, and reported.

use super::cells::{self, normalize};
use super::layout::{SETTING_ASSESSOR, SETTING_COMPANY, SETTING_DATE, cell_name};
use crate::calc::assess;
use crate::domain::cell_text::{Reading, read_cell};
use crate::domain::reading::{Headers, Problem, RatingScale, Reinterpreted, bulleted};
use crate::domain::register::Column;
use crate::domain::{
    Answer, Asset, Catalogue, Category, CheckItem, Frequency, ItemNo, Medium, Rating, Settings,
    Threat, ThreatId, Workbook,
};
use calamine::{Data, Range, Reader};
use std::collections::{HashMap, HashSet};
use std::io::{Read, Seek};
use std::path::Path;

/// Files larger than this are refused before they are read.
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;
/// What the parts of an .xlsx may unpack to, in all (a zip bomb is refused before it is unpacked).
pub const MAX_UNPACKED_BYTES: u64 = 400 * 1024 * 1024;
pub const MAX_ROWS: u32 = 200_000;
pub const MAX_COLUMNS: u32 = 300;

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
            "{} {}: Excel の値「{}」、riskbook の計算「{}」",
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
}

#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("ファイル「{path}」を開けません: {detail}")]
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
    #[error("読み取れないセルが {} か所あるため、何も取り込んでいません:\n{}", .0.len(), list(.0))]
    Problems(Vec<Problem>),
}

fn list(problems: &[Problem]) -> String {
    let (mut lines, more) = bulleted(problems, 100);
    if more > 0 {
        lines.push(format!("・ほか {more} か所"));
    }
    lines.join("\n")
}

struct Sheet<'a> {
    name: &'a str,
    range: &'a Range<Data>,
}

impl Sheet<'_> {
    fn get(&self, row: u32, col: u32) -> Option<&Data> {
        self.range.get_value((row, col))
    }
    fn text(&self, row: u32, col: u32) -> String {
        cells::text(self.get(row, col))
    }
    fn rows(&self) -> std::ops::Range<u32> {
        match (self.range.start(), self.range.end()) {
            (Some(s), Some(e)) => s.0..e.0 + 1,
            _ => 0..0,
        }
    }
    fn cols(&self) -> std::ops::Range<u32> {
        match (self.range.start(), self.range.end()) {
            (Some(s), Some(e)) => s.1..e.1 + 1,
            _ => 0..0,
        }
    }
    /// 「シート「台帳」F7」: a place on this sheet, as problems and notes name it.
    fn place(&self, within: &str) -> String {
        format!("シート「{}」{within}", self.name)
    }
    fn problem(&self, row: u32, col: u32, reason: impl Into<String>) -> Problem {
        Problem {
            place: self.place(&cell_name(row, col as u16)),
            column: None,
            value: self.text(row, col),
            reason: reason.into(),
        }
    }
    /// A problem with the sheet as a whole, or a row of it (no single cell to point at).
    fn sheet_problem(&self, within: &str, reason: impl Into<String>) -> Problem {
        Problem {
            place: self.place(within),
            column: None,
            value: String::new(),
            reason: reason.into(),
        }
    }

    /// The first column whose normalized header text in `row` satisfies `pred`.
    fn header_col(&self, row: u32, pred: impl Fn(&str) -> bool) -> Option<u32> {
        self.cols().find(|&c| pred(&normalize(&self.text(row, c))))
    }

    /// The first row (within the first 40) with a cell whose normalized text contains `needle`.
    fn find_row(&self, needle: &str) -> Option<u32> {
        self.rows().take(40).find(|&r| {
            self.cols()
                .any(|c| normalize(&self.text(r, c)).contains(needle))
        })
    }
}

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
struct Cached {
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

fn read_register(
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
                    "登録日を日付として読めません（例: 2016/7/1、H28.7.1）",
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

fn read_threats(
    sheet: &Sheet,
    catalogue: &Catalogue,
    problems: &mut Vec<Problem>,
    unmatched: &mut Vec<String>,
) -> Vec<Threat> {
    let Some(header) = sheet.find_row("発生頻度") else {
        problems.push(sheet.sheet_problem("", "見出し「脅威の発生頻度」の行が見つかりません"));
        return Vec::new();
    };
    let find = |pred: &dyn Fn(&str) -> bool| sheet.header_col(header, pred);
    let freq_col = find(&|h| h.contains("発生頻度"));
    let medium_col = find(&|h| h.contains("媒体") || h.contains("保存先"));
    let threat_col = find(&|h| h.contains("個別の脅威"))
        .or_else(|| find(&|h| h.contains("脅威") && !h.contains("発生頻度")));
    let links_col = find(&|h| h.contains("関連項目"));
    let (Some(freq_col), Some(medium_col), Some(threat_col)) = (freq_col, medium_col, threat_col)
    else {
        problems.push(sheet.problem(
            header,
            0,
            "媒体・保存先、個別の脅威、発生頻度の列が見つかりません",
        ));
        return Vec::new();
    };
    let mut threats = Vec::new();
    let mut medium: Option<Medium> = None;
    let mut per_medium: HashMap<Medium, usize> = HashMap::new();
    for row in header + 1..sheet.rows().end {
        let medium_text = sheet.text(row, medium_col);
        if !medium_text.is_empty() {
            // Merged cells: the medium is written on the first of its rows only.
            medium = crate::domain::cell_text::medium_from_text(&medium_text);
            if medium.is_none() {
                problems.push(sheet.problem(row, medium_col, "媒体・保存先として読めません"));
                continue;
            }
        }
        let name = sheet.text(row, threat_col);
        if name.is_empty() {
            continue;
        }
        let Some(m) = medium else {
            problems.push(sheet.problem(row, medium_col, "この脅威の媒体・保存先がわかりません"));
            continue;
        };
        let frequency = match cells::leading_number(sheet.get(row, freq_col))
            .map(|v| v.map(Frequency::new).transpose())
        {
            Ok(Ok(f)) => f,
            _ => {
                problems.push(sheet.problem(
                    row,
                    freq_col,
                    "脅威の発生頻度は 1、2、3 のいずれかで入力してください",
                ));
                None
            }
        };
        let position = per_medium.entry(m).or_default();
        let of_medium: Vec<&Threat> = catalogue.threats.iter().filter(|t| t.medium == m).collect();
        let matched = of_medium
            .iter()
            .find(|t| normalize(&t.name) == normalize(&name))
            .or_else(|| of_medium.get(*position))
            .copied();
        *position += 1;
        let mut items = matched.map(|t| t.items.clone()).unwrap_or_default();
        if let Some(c) = links_col {
            let listed: Vec<ItemNo> = cells::half_width(&sheet.text(row, c))
                .split(|ch: char| !ch.is_ascii_digit())
                .filter_map(|p| p.parse().ok())
                .map(ItemNo)
                .collect();
            if !listed.is_empty() {
                items = listed;
            }
        }
        if matched.is_none() {
            unmatched.push(format!(
                "脅威「{name}」（{m}）はカタログにないため、対策項目との関連なしで取り込みます"
            ));
        }
        threats.push(Threat {
            id: ThreatId(threats.len() as i64 + 1),
            medium: m,
            name,
            frequency,
            items,
        });
    }
    threats
}

fn answer_from(cell: Option<&Data>) -> Result<Option<Answer>, cells::Unreadable> {
    if let Ok(v) = cells::leading_number(cell) {
        return v
            .map(Answer::new)
            .transpose()
            .map_err(|_| cells::Unreadable);
    }
    let t = normalize(&cells::text(cell)).replace('/', "／");
    Answer::ALL
        .into_iter()
        .find(|a| {
            normalize(a.label()).replace('/', "／") == t
                || (t == "実施していない" && *a == Answer::NotImplemented)
                || (t == "わからない" && *a == Answer::NotImplemented)
                || (t == "該当しない" && *a == Answer::NotApplicable)
        })
        .map(Some)
        .ok_or(cells::Unreadable)
}

fn category_number(text: &str) -> Option<u8> {
    let t = normalize(text);
    let inner = t.strip_prefix('(')?.split(')').next()?;
    inner.parse().ok()
}

fn read_checks(
    sheet: &Sheet,
    catalogue: &Catalogue,
    problems: &mut Vec<Problem>,
    unmatched: &mut Vec<String>,
) -> Vec<CheckItem> {
    let Some(header) = sheet.find_row("回答") else {
        problems.push(sheet.sheet_problem("", "見出し「回答値」の行が見つかりません"));
        return Vec::new();
    };
    let find = |pred: &dyn Fn(&str) -> bool| sheet.header_col(header, pred);
    let answer_col = find(&|h| h.contains("回答") && !h.contains("意味"));
    let question_col = find(&|h| {
        h.contains("診断項目") || h.contains("チェック項目") || h == "内容" || h == "項目"
    });
    let no_col = find(&|h| h == "No." || h == "No" || h == "番号" || h == "項目番号");
    let category_col = find(&|h| h.contains("分類") || h.contains("対策の種類"));
    let (Some(answer_col), Some(question_col)) = (answer_col, question_col) else {
        problems.push(sheet.problem(header, 0, "チェック項目と回答値の列が見つかりません"));
        return Vec::new();
    };
    let mut items: Vec<CheckItem> = Vec::new();
    let mut category: Option<u8> = None;
    let mut used: HashSet<ItemNo> = HashSet::new();
    let mut next_free = catalogue.items.iter().map(|i| i.no.0).max().unwrap_or(0) + 1;
    let mut position_in_category: HashMap<u8, usize> = HashMap::new();
    for row in header + 1..sheet.rows().end {
        if let Some(c) = category_col
            && let Some(n) = category_number(&sheet.text(row, c))
        {
            category = Some(n);
        }
        let question = sheet.text(row, question_col);
        if question.is_empty() {
            continue;
        }
        let answer = match answer_from(sheet.get(row, answer_col)) {
            Ok(a) => a,
            Err(_) => {
                problems.push(sheet.problem(
                    row,
                    answer_col,
                    "回答値は 1〜4（または「2：一部実施している」のような形）で入力してください",
                ));
                None
            }
        };
        let number = no_col.and_then(|c| cells::leading_number(sheet.get(row, c)).ok().flatten());
        let by_number = number
            .map(|n| ItemNo(n as u16))
            .and_then(|no| {
                catalogue
                    .items
                    .iter()
                    .find(|i| i.no == no && !used.contains(&no))
            })
            .filter(|i| category.is_none_or(|c| c == i.category));
        let by_position = || {
            let c = category?;
            let pos = position_in_category.get(&c).copied().unwrap_or(0);
            catalogue
                .items
                .iter()
                .filter(|i| i.category == c)
                .nth(pos)
                .filter(|i| !used.contains(&i.no))
        };
        let matched = by_number.or_else(by_position);
        if let Some(c) = category.or(matched.map(|m| m.category)) {
            *position_in_category.entry(c).or_default() += 1;
        }
        let item = match matched {
            Some(m) => CheckItem {
                no: m.no,
                category: m.category,
                question,
                help: m.help.clone(),
                answer,
            },
            None => {
                let Some(c) = category else {
                    problems.push(sheet.problem(
                        row,
                        question_col,
                        "この項目の分類（(1)〜(11)）がわかりません",
                    ));
                    continue;
                };
                unmatched.push(format!(
                    "チェック項目「{question}」はカタログにないため、新しい項目として取り込みます"
                ));
                next_free += 1;
                CheckItem {
                    no: ItemNo(next_free - 1),
                    category: c,
                    question,
                    help: String::new(),
                    answer,
                }
            }
        };
        used.insert(item.no);
        items.push(item);
    }
    items
}

fn read_settings(sheet: &Sheet, problems: &mut Vec<Problem>) -> Settings {
    let mut settings = Settings::default();
    for row in sheet.rows() {
        let col = sheet.cols().start + 1;
        let value = sheet.text(row, col);
        match normalize(&sheet.text(row, sheet.cols().start)).as_str() {
            SETTING_COMPANY => settings.company = value,
            SETTING_ASSESSOR => settings.assessor = value,
            SETTING_DATE => match cells::date(sheet.get(row, col)) {
                Ok(date) => settings.assessed_on = date,
                Err(_) => problems.push(sheet.problem(
                    row,
                    col,
                    "診断日を日付として読めません（例: 2016/7/1、H28.7.1）",
                )),
            },
            _ => {}
        }
    }
    settings
}

/// Refuses workbooks that would take unbounded memory to open: too large, or a zip whose parts
/// unpack to far more than they take (a zip bomb).
fn check_size(name: &str, bytes: &[u8]) -> Result<(), ImportError> {
    let too_large = |detail: String| ImportError::TooLarge {
        path: name.to_string(),
        detail,
    };
    let len = bytes.len() as u64;
    if len > MAX_FILE_BYTES {
        return Err(too_large(format!(
            "{} MB、上限 {} MB",
            len / 1_048_576,
            MAX_FILE_BYTES / 1_048_576
        )));
    }
    if !bytes.starts_with(b"PK\x03\x04") {
        return Ok(()); // not a zip: .xls, or not a workbook at all, which calamine reports
    }
    let mut archive =
        zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|e| ImportError::Open {
            path: name.to_string(),
            detail: format!("ZIP 形式が壊れています（{e}）"),
        })?;
    // What the parts really unpack to, counted while inflating them (the sizes an archive declares
    // can lie), up to one byte past the limit.
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        let entry = archive.by_index(i).map_err(|e| ImportError::Open {
            path: name.to_string(),
            detail: format!("ZIP 形式が壊れています（{e}）"),
        })?;
        let allowed = MAX_UNPACKED_BYTES - total + 1;
        // The zip reader also stops where a part outgrows the size it declares.
        total += std::io::copy(&mut entry.take(allowed), &mut std::io::sink()).map_err(|_| {
            ImportError::Open {
                path: name.to_string(),
                detail: "ZIP の中身が壊れているか、記録された大きさと合いません".into(),
            }
        })?;
        if total > MAX_UNPACKED_BYTES {
            return Err(too_large(format!(
                "展開すると {} MB を超えます",
                MAX_UNPACKED_BYTES / 1_048_576
            )));
        }
    }
    Ok(())
}

fn check_dimensions(name: &str, range: &Range<Data>) -> Result<(), ImportError> {
    let (rows, cols) = range.get_size();
    if rows as u32 > MAX_ROWS || cols as u32 > MAX_COLUMNS {
        return Err(ImportError::SheetTooLarge {
            sheet: name.to_string(),
            rows,
            cols,
            max_rows: MAX_ROWS,
            max_cols: MAX_COLUMNS,
        });
    }
    Ok(())
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
    let mut load = |name: &str| load_sheet(&mut book, name);
    let register = load(&register_name)?;
    let threats_range = load(&threats_name)?;
    let checks_range = load(&checks_name)?;
    let diagnosis = diagnosis_name.as_deref().map(&mut load).transpose()?;
    let plan_range = names
        .iter()
        .any(|n| n == super::layout::PLAN)
        .then(|| load(super::layout::PLAN))
        .transpose()?;

    let mut problems = Vec::new();
    let mut unmatched = Vec::new();
    let checks_sheet = Sheet {
        name: &checks_name,
        range: &checks_range,
    };
    let mut items = read_checks(&checks_sheet, &catalogue, &mut problems, &mut unmatched);
    let threat_sheet = Sheet {
        name: &threats_name,
        range: &threats_range,
    };
    let threats = read_threats(&threat_sheet, &catalogue, &mut problems, &mut unmatched);
    let register_sheet = Sheet {
        name: &register_name,
        range: &register,
    };
    let mut readings = Vec::new();
    let (assets, cached) = read_register(&register_sheet, &mut problems, &mut readings);
    let settings = diagnosis
        .as_ref()
        .map(|range| {
            read_settings(
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
    let workbook = Workbook {
        categories,
        items,
        threats,
        assets,
        settings,
        plan,
    };

    let assessment = assess(&workbook);
    let mut differences = Vec::new();
    for (c, risk) in cached.iter().zip(&assessment.assets) {
        for (column, col, shown, excel) in &c.values {
            let ours = risk.number(*column);
            if *excel != ours {
                differences.push(Difference {
                    cell: format!("シート「{register_name}」{}", cell_name(c.row, *col as u16)),
                    column: column.header().to_string(),
                    excel: shown.clone(),
                    ours: ours.map_or("未算定".into(), |v| v.to_string()),
                });
            }
        }
    }
    notes.extend(plan_notes);
    Ok(Imported {
        workbook,
        unmatched,
        differences,
        notes,
    })
}

/// Runs a call into calamine, turning a panic inside it (a broken file it does not expect, as the
/// fuzzer found for .xls) into an error for the user instead of a crash.
fn contain_panic<T>(name: &str, f: impl FnOnce() -> T) -> Result<T, ImportError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).map_err(|_| ImportError::Open {
        path: name.to_string(),
        detail: "ブックの中身が壊れているため読めません".into(),
    })
}

/// A file's name (for messages) and bytes, refused when larger than `MAX_FILE_BYTES`.
pub(super) fn read_limited(path: &Path) -> Result<(String, Vec<u8>), ImportError> {
    let name = path.display().to_string();
    let open_err = |e: std::io::Error| ImportError::Open {
        path: name.clone(),
        detail: e.to_string(),
    };
    let len = std::fs::metadata(path).map_err(open_err)?.len();
    if len > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge {
            path: name.clone(),
            detail: format!(
                "{} MB、上限 {} MB",
                len / 1_048_576,
                MAX_FILE_BYTES / 1_048_576
            ),
        });
    }
    let bytes = std::fs::read(path).map_err(open_err)?;
    Ok((name, bytes))
}

/// Reads an .xlsx, .xlsm or .xls workbook.
pub fn read_workbook(path: &Path, catalogue: Catalogue) -> Result<Imported, ImportError> {
    let (name, bytes) = read_limited(path)?;
    read_workbook_bytes(&name, bytes, catalogue)
}

/// Reads a workbook held in memory; `name` is used in messages.
pub fn read_workbook_bytes(
    name: &str,
    bytes: Vec<u8>,
    catalogue: Catalogue,
) -> Result<Imported, ImportError> {
    read_from(open_book(name, bytes, "Excel のブック")?, catalogue)
}

/// A workbook held in memory, opened after the size checks; `kind` names what it should be in the
/// message when it is not (「Excel のブック」).
pub(super) fn open_book(
    name: &str,
    bytes: Vec<u8>,
    kind: &str,
) -> Result<calamine::Sheets<std::io::Cursor<Vec<u8>>>, ImportError> {
    check_size(name, &bytes)?;
    contain_panic(name, || {
        calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes))
    })?
    .map_err(|e| ImportError::Open {
        path: name.to_string(),
        detail: format!("{kind}として読めません（{e}）"),
    })
}

/// One sheet's cells, refused when larger than the limits.
pub(super) fn load_sheet<RS: Read + Seek>(
    book: &mut calamine::Sheets<RS>,
    name: &str,
) -> Result<Range<Data>, ImportError> {
    let range =
        contain_panic(name, || book.worksheet_range(name))?.map_err(|e| ImportError::Open {
            path: name.to_string(),
            detail: format!("シートを読めません（{e}）"),
        })?;
    check_dimensions(name, &range)?;
    Ok(range)
}
