//! The command line of the `riskbook` binary: the GUI by default, batch commands for scripts.

mod register;

use crate::calc::rate_text;
use crate::operations::report::ReportRequest;
use crate::operations::{self, Session};
use crate::store::{Store, location};
use crate::summary::summarize;
use clap::{Parser, Subcommand};
use std::path::{Path, PathBuf};

const HELP_TEMPLATE: &str = "\
{about}

使い方: {usage}

コマンド:
{subcommands}

オプション:
{options}";

const SUB_HELP_TEMPLATE: &str = "\
{about}

使い方: {usage}

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

    /// ウィンドウを開いたら、この表（自社の一覧の Excel・CSV）を台帳へ取り込む画面を出す
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
    /// 計算結果（リスク値・診断結果）を表示する
    #[command(help_template = SUB_HELP_TEMPLATE)]
    Summary {
        /// JSON で出力する
        #[arg(long)]
        json: bool,
    },
}

/// An error for the user: printed to stderr as is, exit code 1.
#[derive(Debug)]
pub struct CliError(pub String);

impl<E: std::error::Error> From<E> for CliError {
    fn from(e: E) -> Self {
        CliError(e.to_string())
    }
}

pub fn database_path(db: Option<PathBuf>) -> Result<PathBuf, CliError> {
    db.or_else(location::default_database).ok_or_else(|| {
        CliError(
            "データの保存先フォルダーが決められません。--db でファイルを指定してください。".into(),
        )
    })
}

fn require_db(db: Option<PathBuf>, command: &str) -> Result<PathBuf, CliError> {
    db.ok_or_else(|| {
        CliError(format!(
            "riskbook {command} には --db でデータベースファイルを指定してください。"
        ))
    })
}

fn sample(path: &Path, replace: bool) -> Result<String, CliError> {
    let mut session = Session::open(path)?;
    operations::refuse_to_overwrite(&session, replace, "見本").map_err(CliError)?;
    operations::load_sample(&mut session)?;
    Ok(format!(
        "見本の会社「{}」の情報資産 {} 件を「{}」に読み込みました。",
        session.workbook().settings.company,
        session.workbook().assets.len(),
        path.display()
    ))
}

fn summary(path: &Path, json: bool) -> Result<String, CliError> {
    if !path.exists() {
        return Err(CliError(format!(
            "データベース「{}」がありません。",
            path.display()
        )));
    }
    let session = Session::open_read_only(path)?;
    let summary = summarize(session.results());
    if json {
        return Ok(serde_json::to_string_pretty(&summary)?);
    }
    let mut out = String::new();
    let l = &summary.levels;
    out.push_str(&format!(
        "情報資産 {} 件: リスク大 {} / リスク中 {} / リスク小 {} / 未算定 {}\n",
        summary.assets.len(),
        l.high,
        l.medium,
        l.low,
        l.unrated
    ));
    out.push_str(&format!(
        "対策状況チェック: {} / {} 問回答\n",
        summary.checks.answered, summary.checks.total
    ));
    let plan = &summary.plan;
    let done = plan
        .iter()
        .filter(|p| p.status == crate::domain::PlanStatus::Done.label())
        .count();
    out.push_str(&format!(
        "対策計画: {} 件（完了 {done} 件）\n\n診断結果\n",
        plan.len()
    ));
    for c in &session.diagnosis().categories {
        out.push_str(&format!(
            "({}) {}\t{}\t{}\t{}\n",
            c.no,
            c.name,
            c.need.mark(),
            rate_text(c.rate),
            c.need.policy_text()
        ));
    }
    Ok(out)
}

fn copy(path: &Path, out: &Path) -> Result<String, CliError> {
    Store::open_read_only(path)?.copy_to(out)?;
    Ok(format!(
        "「{}」のコピーを「{}」に作りました。",
        path.display(),
        out.display()
    ))
}

fn restore(path: &Path) -> Result<String, CliError> {
    let used = crate::store::backup::restore(path)?;
    // Prove the restored file opens before saying so.
    Store::open(path)?;
    Ok(format!(
        "「{}」をバックアップ「{}」から復元しました。壊れていたファイルは同じフォルダーに *.broken-日時 として残してあります。",
        path.display(),
        used.display()
    ))
}

fn import(path: &Path, file: &Path, replace: bool) -> Result<String, CliError> {
    // The workbook is read completely before the database is touched.
    let imported = crate::xlsx::worker::read(file)?;
    let mut session = Session::open(path)?;
    operations::refuse_to_overwrite(&session, replace, "取り込んだ内容").map_err(CliError)?;
    let backup = operations::import::replace_with_workbook(&mut session, &imported)?;
    let mut lines = vec![
        format!(
            "「{}」を取り込みました: {}。",
            file.display(),
            operations::import::contents(&imported)
        ),
        operations::import::backup_note(&backup),
    ];
    lines.extend(operations::import::findings(&imported));
    Ok(lines.join("\n"))
}

fn export_xlsx(path: &Path, out: &Path) -> Result<String, CliError> {
    let session = Session::open_read_only(path)?;
    crate::xlsx::export(session.results(), out)?;
    Ok(format!(
        "リスク分析シートの形式で「{}」に書き出しました（情報資産 {} 件）。",
        out.display(),
        session.workbook().assets.len()
    ))
}

fn report(path: &Path, out: &Path, compare: bool) -> Result<String, CliError> {
    let session = Session::open_read_only(path)?;
    ReportRequest::new(&session, compare)?.write(out)?;
    Ok(format!(
        "診断結果の PDF を「{}」に書き出しました。",
        out.display()
    ))
}

/// Runs a batch command and returns what to print on stdout.
pub fn run(command: Command, db: Option<PathBuf>) -> Result<String, CliError> {
    match command {
        Command::Sample { replace } => sample(&require_db(db, "sample")?, replace),
        Command::Summary { json } => summary(&database_path(db)?, json),
        Command::Restore => restore(&database_path(db)?),
        Command::Copy { out } => copy(&require_db(db, "copy")?, &out),
        Command::ReadWorkbookWorker { file, tables } => Ok(crate::xlsx::worker::serve(
            &file,
            if tables {
                crate::xlsx::worker::Reading::Tables
            } else {
                crate::xlsx::worker::Reading::Workbook
            },
        )),
        Command::Import { file, replace } => import(&require_db(db, "import")?, &file, replace),
        Command::ImportRegister { file, options } => {
            register::import_register(&require_db(db, "import-register")?, &file, &options)
        }
        Command::Export { out } => export_xlsx(&require_db(db, "export")?, &out),
        Command::Report { out, compare } => report(&require_db(db, "report")?, &out, compare),
    }
}
