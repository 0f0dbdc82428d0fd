//! The messages the window shows in its OK dialog, each named by what happened; their wording is
//! here and nowhere else.

use super::actions::Action;
use crate::operations;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq)]
pub enum Message {
    /// The automatic backup of this open could not be written.
    BackupFailed(String),
    /// An edit, an undo or a copy could not be saved; nothing changed.
    SaveFailed(String),
    AlreadyOpen(PathBuf),
    OpenFailed(String),
    /// 新規 on a file that exists.
    NewFileExists(PathBuf),
    /// 見本データ asked for on a 台帳 that has assets.
    SampleNeedsEmpty,
    /// The Excel workbook could not be read.
    ImportFailed(String),
    Imported {
        path: PathBuf,
        assets: usize,
        /// The copy of the database from before the import.
        backup: PathBuf,
    },
    /// Another program's list could not be opened.
    ListFailed(String),
    /// The list import's own summary of what it did, the copy from before it, and each value
    /// read as another (the preview that listed them is gone).
    ListImported {
        summary: String,
        backup: PathBuf,
        conversions: Vec<String>,
    },
    ReportFailed(String),
    /// An output job (`what`: Excel, PDF) failed.
    WriteFailed {
        what: &'static str,
        why: String,
    },
    Written {
        what: &'static str,
        path: PathBuf,
    },
    /// 印刷: the PDF is written but no program could show it.
    ViewerFailed {
        path: PathBuf,
        why: String,
    },
    /// 「診断を確定」 recorded the assessment.
    Confirmed,
    /// The policy draft (Word) was read: how many spots of each kind it has.
    PolicyImported {
        path: PathBuf,
        rewrite: usize,
        choose: usize,
    },
    /// A view's work (a check sheet stored, written back) went through: its title and what it did.
    Done {
        title: String,
        text: String,
    },
    /// A view's work failed; nothing changed.
    Failed {
        title: String,
        why: String,
    },
    /// 規程（Word）取込 or 出力 failed.
    PolicyFailed {
        action: Action,
        why: String,
    },
}

impl Message {
    pub fn title(&self) -> String {
        match self {
            Message::BackupFailed(_) => "自動バックアップを作れませんでした".into(),
            Message::SaveFailed(_) => "保存できませんでした".into(),
            Message::OpenFailed(_) => "ファイルを開けませんでした".into(),
            Message::SampleNeedsEmpty => "見本データ".into(),
            Message::AlreadyOpen(_) => Action::Open.name().into(),
            Message::NewFileExists(_) => Action::New.name().into(),
            Message::ImportFailed(_) | Message::Imported { .. } => Action::Import.name().into(),
            Message::ListFailed(_) | Message::ListImported { .. } => {
                Action::ImportList.name().into()
            }
            Message::ReportFailed(_) => "報告書を作成できませんでした".into(),
            Message::WriteFailed { what, .. } => format!("{what}を作成できませんでした"),
            Message::Written { what, .. } => format!("{what}出力"),
            Message::ViewerFailed { .. } => Action::Print.name().into(),
            Message::Confirmed => "診断を確定".into(),
            Message::PolicyImported { .. } => Action::PolicyImport.name().into(),
            Message::PolicyFailed { action, .. } => action.name().into(),
            Message::Done { title, .. } | Message::Failed { title, .. } => title.clone(),
        }
    }

    pub fn text(&self) -> String {
        match self {
            Message::BackupFailed(why) => format!(
                "データはそのまま使えますが、今回はバックアップがありません（{why}）。ディスクの空きを確認してください。"
            ),
            Message::SaveFailed(why)
            | Message::OpenFailed(why)
            | Message::ImportFailed(why)
            | Message::ListFailed(why)
            | Message::ReportFailed(why)
            | Message::WriteFailed { why, .. }
            | Message::PolicyFailed { why, .. }
            | Message::Failed { why, .. } => why.clone(),
            Message::Done { text, .. } => text.clone(),
            Message::PolicyImported {
                path,
                rewrite,
                choose,
            } => format!(
                "「{}」を取り込みました：赤字（書き換え）{rewrite} か所、青字（選択）{choose} か所。規程のタブで記入できます。",
                path.display()
            ),
            Message::ListImported {
                summary,
                backup,
                conversions,
            } => {
                let mut text = format!("{summary}\n{}", operations::import::backup_note(backup));
                if !conversions.is_empty() {
                    text.push_str(&format!("\n読み替えた値：{} か所", conversions.len()));
                }
                text
            }
            Message::AlreadyOpen(path) => format!("「{}」は既に開いています。", path.display()),
            Message::NewFileExists(path) => format!(
                "「{}」は既にあります。別の名前を選んでください。",
                path.display()
            ),
            Message::SampleNeedsEmpty => "この台帳には既に情報資産があります。見本データは空のデータベース（ファイル → 新規）で読み込んでください。".into(),
            Message::Imported {
                path,
                assets,
                backup,
            } => format!(
                "「{}」から情報資産 {assets} 件を取り込みました。\n{}",
                path.display(),
                operations::import::backup_note(backup)
            ),
            Message::Written { what, path } => {
                let extra = if *what == "Excel" {
                    "Excel でも計算式と入力リストがそのまま使えます。"
                } else {
                    ""
                };
                format!("「{}」に書き出しました。{extra}", path.display())
            }
            Message::ViewerFailed { path, why } => format!(
                "印刷用の PDF を作りましたが、PDF を開くアプリで表示できませんでした。\nファイル：{}\nこのファイルを PDF ビューアーで開いて印刷してください。\n（理由：{why}）",
                path.display()
            ),
            Message::Confirmed => "いまの診断を記録しました。履歴で推移と比較を見られます。".into(),
        }
    }

    /// The file the message is about, which the window cannot show: the dialog offers to copy
    /// its path.
    pub fn file(&self) -> Option<&Path> {
        match self {
            Message::Written { path, .. } | Message::ViewerFailed { path, .. } => Some(path),
            _ => None,
        }
    }

    /// Lines listed below the text, in a scroll area of their own.
    pub fn details(&self) -> &[String] {
        match self {
            Message::ListImported { conversions, .. } => conversions,
            _ => &[],
        }
    }
}
