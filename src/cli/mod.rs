//! The command line of the `riskbook` binary: the GUI by default, batch commands for scripts.

//!
//! Each command opens a `Session` and runs the same operation as the window (`crate::operations`);
//! what is only the command line's — the options, and messages that speak of them — is here.

mod checksheet;
mod data;
mod files;
mod policy;
mod register;
mod summary;

use crate::operations::{self, OperationError, Session};
use crate::store::location;
use clap::{Parser, Subcommand};
use std::path::PathBuf;

const HELP_TEMPLATE: &str = "\
{about}

使い方：{usage}

コマンド：
{subcommands}

オプション：
{options}";

const SUB_HELP_TEMPLATE: &str = "\
{about}

使い方：{usage}

{all-args}";

#[derive(Debug, Parser)]
#[command(
    name = "riskbook",
    version,
    about = "情報セキュリティ リスク分析（IPA 中小企業の情報セキュリティ対策ガイドライン ツールA）",
    help_template = HELP_TEMPLATE,
    disable_help_subcommand = true
)]
pub struct Cli {
    /// データベースファイル（省略時はユーザーごとのデータフォルダーの riskbook.db）
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,

    /// ウィンドウを開いたら、この表（自社の一覧の Excel・CSV）で「ほかの表から台帳へ取り込む」画面を出す
    #[arg(long, value_name = "FILE")]
    pub import_list: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// IPA のリスク分析シート（.xlsx/.xlsm/.xls）を取り込む
    #[command(help_template = SUB_HELP_TEMPLATE)]
    Import {
        /// 取り込むブック
        file: PathBuf,
        /// 既に情報資産があるデータベースの内容を置き換える
        #[arg(long)]
        replace: bool,
    },
    /// ほかの表（自社の Excel の一覧、CSV）の情報資産を台帳に取り込む
    #[command(name = "import-register", help_template = SUB_HELP_TEMPLATE)]
    ImportRegister {
        /// 取り込む表（.xlsx/.xlsm/.xls/.ods/.csv/.tsv/.txt。CSV は UTF-8 か Shift_JIS）
        file: PathBuf,
        #[command(flatten)]
        options: register::ListOptions,
    },
    /// リスク分析シートの形式で Excel ファイルに書き出す
    #[command(help_template = SUB_HELP_TEMPLATE)]
    Export {
        /// 書き出すファイル（.xlsx）
        out: PathBuf,
    },
    /// 診断結果の PDF レポートを作る
    #[command(help_template = SUB_HELP_TEMPLATE)]
    Report {
        /// 書き出すファイル（.pdf）
        out: PathBuf,
        /// 最後に「診断を確定」した記録との比較（前回との比較）を入れる
        #[arg(long)]
        compare: bool,
        /// 診断結果の代わりに、情報セキュリティ基本方針の 1 ページ（掲示・公開用）を作る
        #[arg(long, conflicts_with = "compare")]
        basic_policy: bool,
        /// 診断結果の代わりに、経営者への報告（年次報告）を作る。期間の省略時は今日までの 12 か月
        #[arg(long, conflicts_with_all = ["compare", "basic_policy"])]
        annual: bool,
        /// 診断結果の代わりに、連絡網の 1 ページ（電話のそばに貼る用）を作る
        #[arg(long, conflicts_with_all = ["compare", "basic_policy", "annual"])]
        contacts: bool,
        /// 年次報告の期間の初日（YYYY-MM-DD）
        #[arg(long, requires = "annual", value_parser = parse_day)]
        from: Option<chrono::NaiveDate>,
        /// 年次報告の期間の最終日（YYYY-MM-DD）
        #[arg(long, requires = "annual", value_parser = parse_day)]
        to: Option<chrono::NaiveDate>,
        /// 診断結果の代わりに、この名称の委託先の委託先確認リスト（評価の記録、未評価なら記入用の空欄）を作る
        #[arg(long, conflicts_with_all = ["compare", "basic_policy", "annual"])]
        supplier: Option<String>,
        /// 委託先確認リストの年度（省略時は今年）
        #[arg(long, requires = "supplier")]
        year: Option<i32>,
    },
    /// データベースの一貫したコピーを作る（アプリで開いたままでも可。名前を付けて保存と同じ）
    #[command(help_template = SUB_HELP_TEMPLATE)]
    Copy {
        /// コピー先のファイル（既にあれば、コピーができてから置き換える）
        out: PathBuf,
    },
    /// 見本の会社のデータを読み込む
    #[command(help_template = SUB_HELP_TEMPLATE)]
    Sample {
        /// 既に情報資産があるデータベースの内容を置き換える
        #[arg(long)]
        replace: bool,
    },
    /// (internal) reads a workbook in a separate process; see xlsx/worker.rs
    #[command(name = "read-workbook-worker", hide = true)]
    ReadWorkbookWorker {
        file: PathBuf,
        /// any workbook as tables of text, not an IPA workbook
        #[arg(long)]
        tables: bool,
    },
    /// 壊れたデータベースを最新の正常な自動バックアップに戻す
    #[command(help_template = SUB_HELP_TEMPLATE)]
    Restore,
    /// 規程の文書（Word）: 取り込み・記入する箇所の一覧・CSV からの記入・書き出し
    #[command(help_template = SUB_HELP_TEMPLATE, subcommand)]
    Policy(policy::PolicyCommand),
    /// 取引先チェックシート: 取り込み・一覧・CSV からの回答・取引先のファイルへの書き戻し・削除
    #[command(help_template = SUB_HELP_TEMPLATE, subcommand)]
    Checksheet(checksheet::CheckSheetCommand),
    /// 計算結果（リスク値・診断結果）を表示する
    #[command(help_template = SUB_HELP_TEMPLATE)]
    Summary {
        /// JSON で出力する
        #[arg(long)]
        json: bool,
    },
}

/// An error for the user: printed to stderr as is, exit code 1.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("データの保存先フォルダーが決められません。--db でファイルを指定してください。")]
    NoDataFolder,
    #[error("riskbook {0} には --db でデータベースファイルを指定してください。")]
    DatabaseNotGiven(&'static str),
    #[error("データベース「{}」がありません。", .0.display())]
    NoDatabase(PathBuf),
    /// `what` is what would replace the assets, e.g. 「見本」.
    #[error(
        "「{}」には既に情報資産が {assets} 件あります。{what}で置き換えるには --replace を付けてください。",
        database.display()
    )]
    WouldOverwrite {
        database: PathBuf,
        assets: usize,
        what: &'static str,
    },
    #[error(transparent)]
    Operation(#[from] OperationError),
    #[error(transparent)]
    Json(#[from] serde_json::Error),
    /// A message worded elsewhere (the list import, the window failing to start).
    #[error("{0}")]
    Message(String),
}

/// Every error an operation returns reaches the user through `OperationError`.
macro_rules! from_operation_error {
    ($($error:ty),*) => {$(
        impl From<$error> for CliError {
            fn from(e: $error) -> Self {
                CliError::Operation(e.into())
            }
        }
    )*};
}
from_operation_error!(
    crate::store::StoreError,
    crate::xlsx::ImportError,
    crate::xlsx::ExportError,
    crate::report::ReportError,
    crate::entry::list::ListError,
    crate::docx::DocxError
);

pub fn database_path(db: Option<PathBuf>) -> Result<PathBuf, CliError> {
    db.or_else(location::default_database)
        .ok_or(CliError::NoDataFolder)
}

/// A day as YYYY-MM-DD, refused in Japanese when it is not one (2026-02-30).
fn parse_day(text: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
        format!("「{text}」は日付として読めません。YYYY-MM-DD（例：2026-04-01）で、実在する日を書いてください。")
    })
}

fn require_db(db: Option<PathBuf>, command: &'static str) -> Result<PathBuf, CliError> {
    db.ok_or(CliError::DatabaseNotGiven(command))
}

/// Stops a command that would replace the assets `session` has, unless `--replace` was given;
/// `what` names what would replace them.
fn refuse_to_overwrite(
    session: &Session,
    replace: bool,
    what: &'static str,
) -> Result<(), CliError> {
    operations::refuse_to_overwrite(session, replace).map_err(|e| match e {
        OperationError::WouldOverwrite { assets } => CliError::WouldOverwrite {
            database: session.path().to_path_buf(),
            assets,
            what,
        },
        other => other.into(),
    })
}

/// Runs a batch command and returns what to print on stdout.
pub fn run(command: Command, db: Option<PathBuf>) -> Result<String, CliError> {
    match command {
        Command::Sample { replace } => data::sample(&require_db(db, "sample")?, replace),
        Command::Summary { json } => summary::summary(&database_path(db)?, json),
        Command::Restore => data::restore(&database_path(db)?),
        Command::Copy { out } => data::copy(&require_db(db, "copy")?, &out),
        Command::ReadWorkbookWorker { file, tables } => Ok(crate::xlsx::worker::serve(
            &file,
            if tables {
                crate::xlsx::worker::Reading::Tables
            } else {
                crate::xlsx::worker::Reading::Workbook
            },
        )),
        Command::Import { file, replace } => {
            files::import(&require_db(db, "import")?, &file, replace)
        }
        Command::ImportRegister { file, options } => {
            register::import_register(&require_db(db, "import-register")?, &file, &options)
        }
        Command::Export { out } => files::export_xlsx(&require_db(db, "export")?, &out),
        Command::Report {
            out,
            contacts: true,
            ..
        } => files::contacts(&require_db(db, "report")?, &out),
        Command::Report {
            out,
            supplier: Some(name),
            year,
            ..
        } => files::supplier(&require_db(db, "report")?, &out, &name, year),
        Command::Report {
            out,
            annual: true,
            from,
            to,
            ..
        } => files::annual(&require_db(db, "report")?, &out, from, to),
        Command::Report {
            out,
            compare,
            basic_policy: false,
            ..
        } => files::report(&require_db(db, "report")?, &out, compare),
        Command::Report {
            out,
            basic_policy: true,
            ..
        } => files::basic_policy(&require_db(db, "report")?, &out),
        Command::Policy(command) => policy::run(&require_db(db, "policy")?, command),
        Command::Checksheet(command) => checksheet::run(&require_db(db, "checksheet")?, command),
    }
}
