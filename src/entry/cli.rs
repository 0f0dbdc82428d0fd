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

/// The command's options, as given (`riskbook import-register --help` shows these lines).
#[derive(Debug, Clone, Default, clap::Args)]
pub struct ListOptions {
    /// 読むシート（省略時は見出しから情報資産の一覧らしいシートを選ぶ）
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// 見出しの行番号（1 から。省略時は見つけた行）
    #[arg(long, value_name = "N")]
    pub header_row: Option<usize>,
    /// 見出しが 2 行（「評価」の下に 機密性・完全性・可用性 など）
    #[arg(long)]
    pub two_row_header: bool,
    /// 列の対応（例: "B=情報資産名称,C=媒体・保存先,D=-"）。書かない列は見出しからの推定のまま
    #[arg(long, value_name = "列=台帳の列,...")]
    pub map: Option<String>,
    /// 値の読み替え（例: "媒体・保存先:金庫=書類;機密性:極秘=2"）
    #[arg(long, value_name = "台帳の列:元の値=台帳の値;...")]
    pub values: Option<String>,
    /// 評価値の段階: 0-2（この台帳の方法）か 1-3（ガイドラインの後の版。1→0、2→1、3→2 と読む）。省略時、1〜3 に見える表は説明を出して止まる
    #[arg(long, value_name = "0-2|1-3")]
    pub scale: Option<String>,
    /// いまの台帳の情報資産を取り込む内容で置き換える（省略時は後ろに追加）
    #[arg(long)]
    pub replace: bool,
    /// 読み取りと確認だけをして、データベースは変えない
    #[arg(long)]
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
