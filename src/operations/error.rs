//! What an operation can fail with, typed so that each front end can word it its own way; the
//! `Display` of each is the message both show when they have nothing more to say.

use crate::entry::list::ListError;
use crate::report::ReportError;
use crate::store::StoreError;
use crate::xlsx::{ExportError, ImportError};

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
}
