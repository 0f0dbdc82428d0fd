//! What an operation can fail with, typed so that each front end can word it its own way; the
//! `Display` of each is the message both show when they have nothing more to say.

use crate::docx::DocxError;
use crate::entry::list::ListError;
use crate::report::ReportError;
use crate::store::StoreError;
use crate::xlsx::{ExportError, ImportError};
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum OperationError {
    /// Replacing the register would drop assets it already has, and the caller was not told to.
    /// The command line asks for `--replace`; the window asks in its own dialog.
    #[error("既に情報資産が {assets} 件あります。")]
    WouldOverwrite { assets: usize },
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Import(#[from] ImportError),
    #[error(transparent)]
    Export(#[from] ExportError),
    #[error(transparent)]
    Report(#[from] ReportError),
    /// Another program's list could not be opened.
    #[error(transparent)]
    List(#[from] ListError),
    /// The policy draft (Word) could not be read.
    #[error(transparent)]
    Docx(#[from] DocxError),
    #[error("規程の文書（Word）がまだ取り込まれていません。先に取り込んでください。")]
    NoPolicyDocument,
    /// Rows of a CSV of values that cannot be used, each named; nothing was changed.
    #[error("次の行が使えないため、何も変えていません。\n{}", .0.join("\n"))]
    PolicyRows(Vec<String>),
    #[error("ファイル「{}」を読めません：{detail}", path.display())]
    Read { path: PathBuf, detail: String },
    #[error("ファイル「{}」に書き出せません：{detail}", path.display())]
    Write { path: PathBuf, detail: String },
}
