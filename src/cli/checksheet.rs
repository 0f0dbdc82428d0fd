//! `checksheet import|list|answer|export|delete`: a customer's check sheet from the command line,
//! through the same operations as the window (`operations::checksheet`).

use super::CliError;
use crate::domain::checksheet::CheckSheet;
use crate::operations::Session;
use crate::operations::checksheet::{self as ops, CheckSheetError, Preview};
use crate::xlsx::checksheet::Choice;
use crate::xlsx::layout::{col_index, col_name};
use clap::Subcommand;
use serde_json::json;
use std::path::{Path, PathBuf};

#[derive(Debug, Subcommand)]
pub enum CheckSheetCommand {
    /// 取引先から届いたチェックシート（.xlsx/.xlsm/.xls）を取り込む。同じ取引先の前年のシートがあれば回答を引き継ぐ
    #[command(help_template = super::SUB_HELP_TEMPLATE)]
    Import {
        /// 取り込むファイル
        file: PathBuf,
        /// riskbook での呼び名（省略時はファイル名。例：「○○工業 2026年度」）
        #[arg(long)]
        name: Option<String>,
        /// 項目の表があるシート（省略時は見つけたもの）
        #[arg(long)]
        sheet: Option<String>,
        /// 回答を書く列の文字（例：F）
        #[arg(long, value_name = "COL")]
        answer_column: Option<String>,
        /// 根拠・補足を書く列の文字（例：G）
        #[arg(long, value_name = "COL")]
        comment_column: Option<String>,
        /// JSON で出力する（{"name","sheet","items","required","optional","answer_column","comment_column","options"}）
        #[arg(long)]
        json: bool,
    },
    /// 取り込んだチェックシートの一覧（名前・項目数・回答数・必須の達成／未達）
    #[command(help_template = super::SUB_HELP_TEMPLATE)]
    List {
        /// JSON で出力する
        #[arg(long)]
        json: bool,
    },
    /// CSV ファイル（見出し「No,回答,補足」）から回答する。1 行でも使えなければ何も変えない
    #[command(help_template = super::SUB_HELP_TEMPLATE)]
    Answer {
        /// チェックシートの名前
        name: String,
        /// 回答の CSV ファイル（UTF-8 か Shift_JIS）
        #[arg(long, value_name = "ANSWERS.csv")]
        from: PathBuf,
    },
    /// 回答を取引先のファイルに書き戻したコピーを書き出す（回答と補足の欄のほかは元のまま）
    #[command(help_template = super::SUB_HELP_TEMPLATE)]
    Export {
        /// チェックシートの名前
        name: String,
        /// 書き出すファイル（元が .xls のときは .xlsx で書き出す）
        out: PathBuf,
    },
    /// 取り込んだチェックシートを回答ごと削除する（削除の前にデータベースのコピーを作る）
    #[command(help_template = super::SUB_HELP_TEMPLATE)]
    Delete {
        /// チェックシートの名前
        name: String,
    },
}

fn column(option: &str, letters: Option<String>) -> Result<Option<u32>, CliError> {
    letters
        .map(|l| {
            col_index(&l).map(u32::from).ok_or_else(|| {
                CliError::Message(format!(
                    "{option} の「{l}」は列の文字として読めません（例：F）。"
                ))
            })
        })
        .transpose()
}

fn letters(column: Option<u32>) -> Option<String> {
    column.map(|c| col_name(c as u16))
}

impl From<CheckSheetError> for CliError {
    fn from(e: CheckSheetError) -> Self {
        CliError::Message(e.to_string())
    }
}

fn import_summary(preview: &Preview, json: bool) -> Result<String, CliError> {
    let sheet = &preview.sheet;
    let c = crate::summary::checksheet_summary(sheet);
    if json {
        let out = json!({
            "name": sheet.name,
            "customer": sheet.customer,
            "sheet": sheet.source.sheet,
            "items": c.items,
            "required": c.required,
            "optional": c.optional,
            "answered": c.answered,
            "answer_column": letters(sheet.source.answer_column),
            "comment_column": letters(sheet.source.comment_column),
            "options": c.options,
            "carried_from": preview.carried_from.as_ref().map(|(name, _)| name),
            "changes": preview.carried_from.as_ref().map(|(_, ch)| ch.lines()),
        });
        return Ok(serde_json::to_string(&out)?);
    }
    let mut lines = vec![format!(
        "「{}」を取り込みました（シート「{}」、項目 {} 件：必須 {}・任意 {}、回答欄 {}、補足欄 {}）。",
        sheet.name,
        sheet.source.sheet,
        sheet.items.len(),
        c.required,
        c.optional,
        letters(sheet.source.answer_column).unwrap_or_else(|| "なし".into()),
        letters(sheet.source.comment_column).unwrap_or_else(|| "なし".into()),
    )];
    lines.extend(preview.found.notes.iter().cloned());
    if let Some((from, changes)) = &preview.carried_from {
        lines.push(format!(
            "「{from}」から {} 件の回答を引き継ぎました。",
            changes.carried
        ));
        lines.extend(changes.lines());
    }
    Ok(lines.join("\n"))
}

fn counts_line(sheet: &CheckSheet) -> String {
    let c = crate::summary::checksheet_summary(sheet);
    format!(
        "{}\t項目 {}\t回答 {}\t必須の達成 {}・未達 {}・対象外 {}",
        sheet.name,
        sheet.items.len(),
        c.answered,
        c.required_met,
        c.required_not_met,
        c.required_not_applicable
    )
}

pub(super) fn run(db: &Path, command: CheckSheetCommand) -> Result<String, CliError> {
    match command {
        CheckSheetCommand::Import {
            file,
            name,
            sheet,
            answer_column,
            comment_column,
            json,
        } => {
            let choice = Choice {
                sheet,
                answer_column: column("--answer-column", answer_column)?,
                comment_column: column("--comment-column", comment_column)?,
            };
            let mut session = Session::open(db)?;
            let preview = ops::preview(&session, &file, &choice, name.as_deref())?;
            ops::import(&mut session, &preview)?;
            import_summary(&preview, json)
        }
        CheckSheetCommand::List { json } => {
            let session = Session::open_read_only(db)?;
            let sheets = &session.workbook().checksheets;
            if json {
                let out: Vec<_> = sheets
                    .iter()
                    .map(crate::summary::checksheet_summary)
                    .collect();
                return Ok(serde_json::to_string(&out)?);
            }
            if sheets.is_empty() {
                return Ok("取引先チェックシートはまだありません。".into());
            }
            Ok(sheets
                .iter()
                .map(counts_line)
                .collect::<Vec<_>>()
                .join("\n"))
        }
        CheckSheetCommand::Answer { name, from } => {
            let mut session = Session::open(db)?;
            let answered = ops::answer_from_csv(&mut session, &name, &from)?;
            let sheet = ops::find(&session, &name)?;
            Ok(format!(
                "「{}」の {answered} 項目に回答しました。\n{}",
                from.display(),
                counts_line(sheet)
            ))
        }
        CheckSheetCommand::Export { name, out } => {
            let session = Session::open_read_only(db)?;
            let written = ops::export(&session, &name, &out)?;
            let mut line = format!(
                "「{name}」の回答を「{}」に書き出しました。",
                written.display()
            );
            if written != out {
                line.push_str("元のファイルは .xls のため書き戻せないので、同じシートと値の .xlsx にしました（書式とマクロは引き継がれません）。");
            }
            Ok(line)
        }
        CheckSheetCommand::Delete { name } => {
            let mut session = Session::open(db)?;
            ops::delete(&mut session, &name)?;
            Ok(format!("「{name}」を削除しました。"))
        }
    }
}
