//! `riskbook import-register`: another program's list into the 台帳 from the command line, with the
//! same reading, checks and messages as the window's 「ほかの表から台帳へ取り込む」.

use super::RatingScale;
use super::list::{
    Layout, choose_table, header_texts, into_edit, map_text, open_source, parse_map, parse_values,
    read_list, suggest_layout, with_header_row,
};
use super::problems_message;
use crate::store::Store;
use std::path::Path;

/// The command's options, as given.
#[derive(Debug, Clone, Default)]
pub struct ListOptions {
    pub sheet: Option<String>,
    /// 1-based, as the user sees rows.
    pub header_row: Option<usize>,
    pub two_row_header: bool,
    pub map: Option<String>,
    pub values: Option<String>,
    pub scale: Option<String>,
    pub replace: bool,
    pub dry_run: bool,
}

fn layout_from(
    table: &crate::xlsx::tables::Table,
    options: &ListOptions,
) -> Result<Layout, String> {
    let mut layout = match options.header_row {
        Some(0) => return Err("--header-row は 1 から数えます".into()),
        Some(row) => with_header_row(table, row - 1, options.two_row_header),
        None => suggest_layout(table),
    };
    if let Some(spec) = &options.map {
        let headers = header_texts(table, layout.header_row, layout.two_row_header);
        layout.columns = parse_map(spec, table, &headers, &layout.columns)?;
    }
    if let Some(spec) = &options.values {
        layout.values = parse_values(spec)?;
    }
    match options.scale.as_deref() {
        None if layout.scale == RatingScale::OneToThree => {
            return Err(format!(
                "シート「{}」: {}",
                table.sheet,
                RatingScale::ONE_TO_THREE_REFUSAL
            ));
        }
        None => {}
        Some("0-2") => layout.scale = RatingScale::ZeroToTwo,
        Some("1-3") => layout.scale = RatingScale::OneToThree,
        Some(other) => return Err(format!("--scale は 0-2 か 1-3 です（「{other}」）")),
    }
    Ok(layout)
}

/// Reads, checks and (unless a dry run) brings the list in as one step, after a backup.
pub fn import_register(db: &Path, file: &Path, options: &ListOptions) -> Result<String, String> {
    let source = open_source(file).map_err(|e| e.to_string())?;
    let index = choose_table(&source, options.sheet.as_deref())?;
    let table = &source.tables[index];
    let layout = layout_from(table, options)?;
    let mut out = vec![format!(
        "「{}」のシート「{}」、見出し {} 行目{}",
        source.file_name,
        table.sheet,
        table.first_row as usize + layout.header_row + 1,
        if layout.two_row_header {
            "（2 行）"
        } else {
            ""
        }
    )];
    if let Some(encoding) = source.encoding {
        out.push(format!("文字コード: {encoding}"));
    }
    out.push(format!("列の対応: {}", map_text(table, &layout.columns)));
    let read = read_list(table, &layout).map_err(|problems| {
        format!(
            "{}\n読み取れない値が {} か所あるため、何も取り込んでいません:\n{}",
            out.join("\n"),
            problems.len(),
            problems_message(&problems)
        )
    })?;
    out.extend(read.remarks.iter().cloned());
    out.extend(read.notes.iter().map(|n| format!("・{n}")));
    if options.dry_run {
        out.push(format!(
            "確認のみ: 情報資産 {} 件を取り込めます（データベースは変えていません）。",
            read.assets.len()
        ));
        return Ok(out.join("\n"));
    }
    let mut store = Store::open(db).map_err(|e| e.to_string())?;
    let existing: Vec<_> = store
        .load()
        .map_err(|e| e.to_string())?
        .assets
        .iter()
        .map(|a| a.id)
        .collect();
    let backup = store
        .backup("before-register-import")
        .map_err(|e| e.to_string())?;
    let count = read.assets.len();
    store
        .apply(&into_edit(&existing, read.assets, options.replace))
        .map_err(|e| e.to_string())?;
    out.push(format!(
        "情報資産 {count} 件を{}。取り込み前のデータベースは「{}」に保存しました。",
        if options.replace {
            format!("取り込み、それまでの {} 件と置き換えました", existing.len())
        } else {
            "台帳の後ろに追加しました".to_string()
        },
        backup.display()
    ));
    Ok(out.join("\n"))
}
