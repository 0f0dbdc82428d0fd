//! What can go wrong with the database file, worded for the user.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "データベース「{0}」は別の riskbook で開かれています。もう一方を閉じてから開き直してください。"
    )]
    Locked(PathBuf),
    #[error(
        "データベース「{path}」は新しいバージョンの riskbook で作られています（形式 {found}、このプログラムは形式 {supported} まで）。新しいバージョンの riskbook で開いてください。ファイルは変更していません。"
    )]
    Newer {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error(
        "データベース「{0}」は書き込めない場所（読み取り専用）にあります。書き込めるフォルダーにコピーしてから開いてください。ファイルは変更していません。"
    )]
    ReadOnlyLocation(PathBuf),
    #[error("「{0}」は riskbook のデータベースではありません。ファイルは変更していません。")]
    NotRiskbook(PathBuf),
    #[error(
        "データベース「{path}」が壊れているため開けません（{detail}）。同じフォルダーの riskbook-backups に自動バックアップがあります。riskbook restore --db で最新の正常なバックアップに戻せます（壊れたファイルは残します）。"
    )]
    Corrupt { path: PathBuf, detail: String },
    #[error("ファイル「{path}」を読み書きできません：{source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "データベースが他のプログラムにロックされているため保存できませんでした。変更は保存されていません。しばらくしてからもう一度操作してください。"
    )]
    Busy,
    #[error("ディスクの空きが足りないため保存できませんでした。変更は保存されていません。")]
    DiskFull,
    #[error(
        "データベースのファイルを読み書きできませんでした（{0}）。ディスクの空き容量や接続を確認してください。変更は保存されていません。"
    )]
    DiskIo(String),
    #[error("データベースが読み取り専用のため保存できませんでした。変更は保存されていません。")]
    ReadOnly,
    #[error("{0}")]
    Invalid(String),
    #[error("データベースの操作に失敗しました：{0}")]
    Sqlite(rusqlite::Error),
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        match e.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => StoreError::Busy,
            Some(ErrorCode::DiskFull) => StoreError::DiskFull,
            Some(ErrorCode::SystemIoFailure) => StoreError::DiskIo(e.to_string()),
            Some(ErrorCode::ReadOnly) => StoreError::ReadOnly,
            _ => StoreError::Sqlite(e),
        }
    }
}

pub type StoreResult<T> = Result<T, StoreError>;
