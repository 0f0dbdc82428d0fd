//! `policy import|list|fill|export`: the company's policy draft (Word) — bring it in, see its spots,
//! fill them from a CSV file, write the finished document.

use super::CliError;
use crate::domain::policy::spots::{Progress, SpotKind};
use crate::operations::Session;
use crate::operations::policy_document as policy;
use clap::Subcommand;
use serde_json::json;
use std::path::{Path, PathBuf};

#[derive(Debug, Subcommand)]
pub enum PolicyCommand {
    /// 規程の文書（.docx。赤字が書き換え、青字が選択の箇所）を取り込む（前の文書と記入した内容は置き換わる）
    #[command(help_template = super::SUB_HELP_TEMPLATE)]
    Import {
        /// 取り込む Word 文書（.docx）
        file: PathBuf,
        /// JSON で出力する（{"spots","rewrite","choose"}）
        #[arg(long)]
        json: bool,
    },
    /// 記入する箇所の一覧（番号・種類・章・文字・選択肢・記入した内容）
    #[command(help_template = super::SUB_HELP_TEMPLATE)]
    List {
        /// JSON で出力する
        #[arg(long)]
        json: bool,
    },
    /// CSV ファイル（見出し「番号,内容」。内容が空なら記入を消す）から記入する。1 行でも使えなければ何も変えない
    #[command(help_template = super::SUB_HELP_TEMPLATE)]
    Fill {
        /// 記入する内容の CSV ファイル（UTF-8 か Shift_JIS）
        #[arg(long, value_name = "VALUES.csv")]
        from: PathBuf,
    },
    /// 記入した箇所を書き換えた Word 文書を書き出す（ほかの部分は取り込んだ文書のまま）
    #[command(help_template = super::SUB_HELP_TEMPLATE)]
    Export {
        /// 書き出すファイル（.docx）
        out: PathBuf,
    },
}

fn progress_lines(spots: &[crate::domain::policy::spots::Spot], session: &Session) -> String {
    let values = &session.workbook().policy_values;
    [SpotKind::Rewrite, SpotKind::Choose]
        .map(|k| Progress::of(spots, values, k).to_string())
        .join("、")
}

pub(super) fn run(db: &Path, command: PolicyCommand) -> Result<String, CliError> {
    match command {
        PolicyCommand::Import { file, json } => {
            let mut session = Session::open(db)?;
            let spots = policy::import(&mut session, &file)?;
            let count = |k: SpotKind| spots.iter().filter(|s| s.kind == k).count();
            let (rewrite, choose) = (count(SpotKind::Rewrite), count(SpotKind::Choose));
            if json {
                let out = json!({"spots": spots.len(), "rewrite": rewrite, "choose": choose});
                return Ok(serde_json::to_string(&out)?);
            }
            Ok(format!(
                "「{}」を取り込みました：記入する箇所 {} か所（赤字の書き換え {rewrite} か所、青字の選択 {choose} か所）。",
                file.display(),
                spots.len()
            ))
        }
        PolicyCommand::List { json } => {
            let session = Session::open_read_only(db)?;
            let draft = policy::draft(&session)?;
            let values = &session.workbook().policy_values;
            if json {
                let spots: Vec<_> = draft
                    .spots
                    .iter()
                    .map(|s| {
                        json!({
                            "no": s.no.0,
                            "kind": s.kind.label(),
                            "place": s.place.label(),
                            "chapter": s.chapter,
                            "section": s.section,
                            "text": s.text,
                            "sentence": s.sentence(),
                            "options": s.options(),
                            "value": values.get(s.no).map(|v| v.as_str()),
                        })
                    })
                    .collect();
                let out = json!({"file": draft.document.file_name, "spots": spots});
                return Ok(serde_json::to_string(&out)?);
            }
            let mut lines = vec![format!(
                "「{}」（{} 取り込み）：{}",
                draft.document.file_name,
                crate::domain::dates::long_date(draft.document.imported_on),
                progress_lines(&draft.spots, &session)
            )];
            for s in &draft.spots {
                let value = values.get(s.no).map_or("（未記入）", |v| v.as_str());
                lines.push(format!(
                    "{}\t{}\t{}\t{}\t→ {value}",
                    s.no,
                    s.kind.label(),
                    s.chapter,
                    s.sentence()
                ));
            }
            Ok(lines.join("\n"))
        }
        PolicyCommand::Fill { from } => {
            let mut session = Session::open(db)?;
            let rows = policy::fill_from_csv(&mut session, &from)?;
            let draft = policy::draft(&session)?;
            Ok(format!(
                "「{}」の {rows} 行を記入しました。{}",
                from.display(),
                progress_lines(&draft.spots, &session)
            ))
        }
        PolicyCommand::Export { out } => {
            let session = Session::open_read_only(db)?;
            let unfilled = policy::export(&session, &out)?;
            let rest = if unfilled == 0 {
                "すべての箇所を記入済みです。".to_string()
            } else {
                format!("まだ記入していない箇所が {unfilled} か所あります（元の色のまま）。")
            };
            Ok(format!(
                "規程の文書を「{}」に書き出しました。{rest}",
                out.display()
            ))
        }
    }
}
