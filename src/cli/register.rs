//! `riskbook import-register`: another program's list into the 台帳 from the command line, with the
//! same reading, checks and messages as the window's 「ほかの表から台帳へ取り込む」, and the same
//! operation to save it. What only the command line has is here: its options, and the writing of a
//! column mapping and of value rules as text (`--map`, `--values`).

use super::CliError;
use crate::domain::cell_text::normalize;
use crate::domain::register::Column;
use crate::entry::list::{
    Layout, ValueRule, choose_table, column_letter, header_texts, into_edit, open_source,
    read_list, suggest_layout, with_header_row,
};
use crate::entry::{RatingScale, problems_message};
use crate::operations::{self, Session};
use crate::xlsx::tables::Table;
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

fn layout_from(table: &Table, options: &ListOptions) -> Result<Layout, String> {
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
                "シート「{}」：{}",
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
pub fn import_register(db: &Path, file: &Path, options: &ListOptions) -> Result<String, CliError> {
    let source = open_source(file)?;
    let index = choose_table(&source, options.sheet.as_deref()).map_err(CliError::Message)?;
    let table = &source.tables[index];
    let layout = layout_from(table, options).map_err(CliError::Message)?;
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
        out.push(format!("文字コード：{encoding}"));
    }
    out.push(format!("列の対応：{}", map_text(table, &layout.columns)));
    let read = read_list(table, &layout).map_err(|problems| {
        CliError::Message(format!(
            "{}\n読み取れない値が {} か所あるため、何も取り込んでいません：\n{}",
            out.join("\n"),
            problems.len(),
            problems_message(&problems)
        ))
    })?;
    out.extend(read.remarks.iter().cloned());
    out.extend(read.notes.iter().map(|n| format!("・{n}")));
    if options.dry_run {
        out.push(format!(
            "確認のみ：情報資産 {} 件を取り込めます（データベースは変えていません）。",
            read.assets.len()
        ));
        return Ok(out.join("\n"));
    }
    let mut session = Session::open(db)?;
    let existing: Vec<_> = session.workbook().assets.iter().map(|a| a.id).collect();
    let count = read.assets.len();
    let edit = into_edit(&existing, read.assets, options.replace);
    let backup = operations::import::apply_list(&mut session, edit)?;
    out.push(format!(
        "情報資産 {count} 件を{}。{}",
        if options.replace {
            format!("取り込み、それまでの {} 件と置き換えました", existing.len())
        } else {
            "台帳の後ろに追加しました".to_string()
        },
        operations::import::backup_note(&backup)
    ));
    Ok(out.join("\n"))
}

/// The mapping as the user can write it back with `--map`: 「B=情報資産名称, C=媒体・保存先」.
pub fn map_text(table: &Table, columns: &[Option<Column>]) -> String {
    columns
        .iter()
        .enumerate()
        .filter_map(|(c, column)| {
            column.map(|column| format!("{}={}", column_letter(table, c), column.header()))
        })
        .collect::<Vec<_>>()
        .join(",")
}

/// `"B=情報資産名称,C=機密性"`: source columns by letter (or header text) to 台帳 columns by header
/// or letter A–S; `-` leaves a column out. Columns not named keep `base`.
pub fn parse_map(
    spec: &str,
    table: &Table,
    headers: &[String],
    base: &[Option<Column>],
) -> Result<Vec<Option<Column>>, String> {
    let mut columns = base.to_vec();
    columns.resize(headers.len(), None);
    for part in spec
        .split([',', '、'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        let (from, to) = part.split_once('=').ok_or_else(|| {
            format!("「{part}」は「列=台帳の列」の形で書いてください（例：B=情報資産名称）")
        })?;
        let (from, to) = (from.trim(), to.trim());
        let source = (0..headers.len())
            .find(|&c| column_letter(table, c).eq_ignore_ascii_case(from))
            .or_else(|| headers.iter().position(|h| normalize(h) == normalize(from)))
            .ok_or_else(|| format!("「{from}」という列がシート「{}」にありません", table.sheet))?;
        let target = if to == "-" {
            None
        } else {
            Some(
                Column::ALL
                    .into_iter()
                    .find(|c| c.header() == to || c.letter().to_string().eq_ignore_ascii_case(to))
                    .filter(|c| c.is_input())
                    .ok_or_else(|| format!("「{to}」は入力できる台帳の列ではありません（A〜L、N、O の列名か列の文字）"))?,
            )
        };
        columns[source] = target;
    }
    Ok(columns)
}

/// `"媒体・保存先:金庫=書類;機密性:極秘=2"`: words of the list to the dropdown words.
pub fn parse_values(spec: &str) -> Result<Vec<ValueRule>, String> {
    spec.split([';', '；'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|part| {
            let wrong = || format!("「{part}」は「台帳の列:元の値=台帳の値」の形で書いてください（例：媒体・保存先:金庫=書類）");
            let (column, rule) = part.split_once([':', '：']).ok_or_else(wrong)?;
            let (from, to) = rule.split_once('=').ok_or_else(wrong)?;
            let column = Column::ALL
                .into_iter()
                .find(|c| c.header() == column.trim())
                .ok_or_else(wrong)?;
            Ok(ValueRule {
                column,
                from: from.trim().to_string(),
                to: to.trim().to_string(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entry::list::unreadable_values;

    fn table(rows: &[&[&str]]) -> Table {
        Table::of_text("資産一覧", rows)
    }

    #[test]
    fn mapping_by_hand_value_rules_and_problems_named_by_cell() {
        let t = table(&[
            &["Asset", "Where", "Conf."],
            &["顧客台帳", "金庫", "High"],
            &["", "", ""],
            &["見積書", "紙", "極秘"],
        ]);
        let mut layout = suggest_layout(&t);
        let headers = header_texts(&t, 0, false);
        layout.columns =
            parse_map("B=媒体・保存先,Conf.=J", &t, &headers, &layout.columns).unwrap();
        let problems = read_list(&t, &layout).unwrap_err();
        let text: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(text.len(), 2, "{text:?}");
        assert!(
            text[0].starts_with("資産一覧!B2（媒体・保存先）「金庫」"),
            "{text:?}"
        );
        assert!(
            text[1].starts_with("資産一覧!C4（機密性）「極秘」"),
            "{text:?}"
        );
        assert_eq!(unreadable_values(&t, &layout).len(), 2);

        layout.values = parse_values("媒体・保存先:金庫=書類;機密性:極秘=2").unwrap();
        let read = read_list(&t, &layout).unwrap();
        assert_eq!(read.assets.len(), 2);
        assert_eq!(read.empty_rows, 1);
        let notes: Vec<String> = read.notes.iter().map(|n| n.to_string()).collect();
        assert!(notes.contains(
            &"資産一覧!B2（媒体・保存先）「金庫」を「書類」として読みました".to_string()
        ));
        assert!(
            notes.contains(&"資産一覧!C2（機密性）「High」を「2」として読みました".to_string())
        );
        assert!(parse_map("Z=名称", &t, &headers, &layout.columns).is_err());
        assert!(parse_map("A=リスク値", &t, &headers, &layout.columns).is_err());
    }
}
