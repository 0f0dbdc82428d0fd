//! Reading a customer's check sheet: finding its item table, its answer and remark columns and the
//! answer options of its own dropdown.

mod dropdowns;
mod grid;
mod header;
mod items;
mod options;
mod roles;
mod workbook;

use crate::xlsx::layout::col_name;
use grid::Grid;
use thiserror::Error;
use workbook::Workbook;

/// What the user chose in place of riskbook's guess; `None` = find it. Columns are 0-based.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Choice {
    pub sheet: Option<String>,
    pub answer_column: Option<u32>,
    pub comment_column: Option<u32>,
}

pub use crate::domain::checksheet::FileFormat;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnRole {
    Number,
    Label,
    Requirement,
    /// 必須・任意 (回答対象)
    Required,
    Answer,
    Comment,
    /// A column for the customer's own use (当社確認欄, 判定, 担当者印 …): never chosen or written.
    Customer,
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundColumn {
    pub index: u32,
    pub header: String,
    pub role: ColumnRole,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OptionsFrom {
    /// The sheet's own data validation (a list).
    Validation,
    /// The answers already in the column.
    Existing,
    None,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundItem {
    pub row: u32,
    pub number: String,
    pub label: String,
    pub text: String,
    /// 必須 = true, 任意 = false, no such column = None.
    pub required: Option<bool>,
    /// Other text columns kept for display: (header, value).
    pub extra: Vec<(String, String)>,
    pub answer: Option<String>,
    pub comment: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundSheet {
    pub format: FileFormat,
    pub sheets: Vec<String>,
    pub sheet: String,
    pub header_rows: std::ops::RangeInclusive<u32>,
    pub columns: Vec<FoundColumn>,
    pub answer_column: Option<u32>,
    pub comment_column: Option<u32>,
    pub options: Vec<String>,
    pub options_from: OptionsFrom,
    pub items: Vec<FoundItem>,
    /// What was guessed, in Japanese.
    pub notes: Vec<String>,
}

#[derive(Debug, Error, PartialEq, Eq)]
pub enum ReadError {
    #[error("「{file}」を開けません：{detail}")]
    Unreadable { file: String, detail: String },
    #[error(
        "「{file}」はパスワードで保護（暗号化）されています。Excel でパスワードを外して保存してから読み込んでください。"
    )]
    Encrypted { file: String },
    #[error("「{file}」にシート「{sheet}」がありません（あるシート：{}）。", sheets.join("、"))]
    NoSheet {
        file: String,
        sheet: String,
        sheets: Vec<String>,
    },
    #[error("「{file}」シート「{sheet}」を読めません：{detail}")]
    Sheet {
        file: String,
        sheet: String,
        detail: String,
    },
    #[error(
        "「{file}」{}：チェック項目の表が見つかりません（「要求事項」「確認項目」などの見出しと、「No.」「回答」などの見出しが並ぶ行を探しました）。",
        where_looked(sheet)
    )]
    NoTable { file: String, sheet: Option<String> },
    #[error(
        "「{file}」シート「{sheet}」{column}列（見出し『{header}』）は取引先（当社）が使う欄なので、回答や補足を書き込む欄にはできません。"
    )]
    CustomerColumn {
        file: String,
        sheet: String,
        column: String,
        header: String,
    },
}

fn where_looked(sheet: &Option<String>) -> String {
    match sheet {
        Some(sheet) => format!("シート「{sheet}」"),
        None => "のどのシートにも".to_string(),
    }
}

/// The sheet whose header looks most like an item table's, with its grid and dropdowns.
struct Found {
    grid: Grid,
    dropdowns: Vec<dropdowns::Dropdown>,
    header: header::Header,
}

fn find_table(book: &mut Workbook, sheets: &[String]) -> Result<Option<Found>, ReadError> {
    let mut best: Option<Found> = None;
    for sheet in sheets {
        let grid = book.grid(sheet)?;
        let dropdowns = book.dropdowns(sheet);
        let has_dropdown = |col: u32| dropdowns.iter().any(|d| d.covers_column(col));
        let Some(header) = header::find(&grid, &has_dropdown) else {
            continue;
        };
        if best
            .as_ref()
            .is_none_or(|b| header.score() > b.header.score())
        {
            best = Some(Found {
                grid,
                dropdowns,
                header,
            });
        }
    }
    Ok(best)
}

/// The user's column for `role` in place of the guess: refused on a customer's column; the
/// column takes the role and the guessed one becomes `Other`.
fn choose_column(
    columns: &mut Vec<FoundColumn>,
    role: ColumnRole,
    chosen: u32,
    refuse: impl Fn(&FoundColumn) -> ReadError,
) -> Result<(), ReadError> {
    if let Some(c) = columns
        .iter()
        .find(|c| c.index == chosen && c.role == ColumnRole::Customer)
    {
        return Err(refuse(c));
    }
    for c in columns.iter_mut().filter(|c| c.role == role) {
        c.role = ColumnRole::Other;
    }
    match columns.iter_mut().find(|c| c.index == chosen) {
        Some(c) => c.role = role,
        None => {
            columns.push(FoundColumn {
                index: chosen,
                header: String::new(),
                role,
            });
            columns.sort_by_key(|c| c.index);
        }
    }
    Ok(())
}

fn column_note(
    what: &str,
    column: Option<u32>,
    columns: &[FoundColumn],
    dropdown: bool,
    chosen: bool,
) -> String {
    let Some(index) = column else {
        return format!("{what}：見つかりません");
    };
    let header = columns
        .iter()
        .find(|c| c.index == index)
        .map(|c| c.header.as_str())
        .unwrap_or_default();
    let mut about = Vec::new();
    if !header.is_empty() {
        about.push(format!("見出し『{header}』"));
    }
    if dropdown {
        about.push("プルダウンあり".to_string());
    }
    if chosen {
        about.push("指定どおり".to_string());
    }
    let letter = col_name(index as u16);
    if about.is_empty() {
        format!("{what}：{letter}列")
    } else {
        format!("{what}：{letter}列（{}）", about.join("、"))
    }
}

/// The check sheet in `bytes` (an .xlsx, .xlsm or .xls named `file_name`): its item table on the
/// chosen sheet or the sheet that looks most like one, the answer and remark columns, the answer
/// options and the items with what is already answered.
pub fn read(bytes: &[u8], file_name: &str, choice: &Choice) -> Result<FoundSheet, ReadError> {
    let mut book = Workbook::open(bytes, file_name)?;
    let sheets = book.sheet_names();
    let looked_in = match &choice.sheet {
        Some(sheet) if !sheets.contains(sheet) => {
            return Err(ReadError::NoSheet {
                file: file_name.to_string(),
                sheet: sheet.clone(),
                sheets,
            });
        }
        Some(sheet) => vec![sheet.clone()],
        None => sheets.clone(),
    };
    let Some(Found {
        grid,
        dropdowns,
        header,
    }) = find_table(&mut book, &looked_in)?
    else {
        return Err(ReadError::NoTable {
            file: file_name.to_string(),
            sheet: choice.sheet.clone(),
        });
    };
    let mut columns = header.columns.clone();
    let refuse = |c: &FoundColumn| ReadError::CustomerColumn {
        file: file_name.to_string(),
        sheet: grid.name.clone(),
        column: col_name(c.index as u16),
        header: c.header.clone(),
    };
    if let Some(col) = choice.answer_column {
        choose_column(&mut columns, ColumnRole::Answer, col, refuse)?;
    }
    if let Some(col) = choice.comment_column {
        choose_column(&mut columns, ColumnRole::Comment, col, refuse)?;
    }
    let column = |role| columns.iter().find(|c| c.role == role).map(|c| c.index);
    let answer_column = column(ColumnRole::Answer);
    let comment_column = column(ColumnRole::Comment);
    let header_end = *header.rows.end();
    let items = items::read(
        &grid,
        &items::Layout {
            header_end,
            columns: &columns,
            answer: answer_column,
            comment: comment_column,
        },
    );
    let dropdown = answer_column
        .and_then(|col| options::dropdown_of(&dropdowns, col, items.first().map(|i| i.row)));
    let from_dropdown = dropdown
        .map(|d| options::dropdown_options(&mut book, &grid, d))
        .unwrap_or_default();
    let (options, options_from) = options::from_validation_or_existing(from_dropdown, &items);

    let mut notes = vec![
        format!("シート：「{}」（{}項目）", grid.name, items.len()),
        match header.rows.start() == header.rows.end() {
            true => format!("見出し：{}行目", header_end + 1),
            false => format!(
                "見出し：{}〜{}行目",
                header.rows.start() + 1,
                header_end + 1
            ),
        },
        column_note(
            "回答欄",
            answer_column,
            &columns,
            dropdown.is_some(),
            choice.answer_column.is_some(),
        ),
        column_note(
            "補足欄",
            comment_column,
            &columns,
            false,
            choice.comment_column.is_some(),
        ),
    ];
    notes.push(match options_from {
        OptionsFrom::Validation => {
            format!("選択肢：{}（シートのプルダウンから）", options.join("・"))
        }
        OptionsFrom::Existing => format!("選択肢：{}（記入済みの回答から）", options.join("・")),
        OptionsFrom::None => "選択肢：なし（自由に記入）".to_string(),
    });
    for c in columns.iter().filter(|c| c.role == ColumnRole::Customer) {
        notes.push(format!(
            "{}列（見出し『{}』）は取引先が使う欄のため書き込みません",
            col_name(c.index as u16),
            c.header
        ));
    }
    Ok(FoundSheet {
        format: book.format,
        sheets,
        sheet: grid.name.clone(),
        header_rows: header.rows.clone(),
        columns,
        answer_column,
        comment_column,
        options,
        options_from,
        items,
        notes,
    })
}
