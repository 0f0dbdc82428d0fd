//! The command line of the `riskbook` binary: the GUI by default, batch commands for scripts.

use crate::calc::{assess, diagnose, rate_text};
use crate::domain::Catalogue;
use crate::report::{ReportInput, write_pdf};
use crate::sample::sample_workbook;
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
        options: crate::entry::cli::ListOptions,
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
    let mut store = Store::open(path)?;
    let current = store.load()?;
    if !current.assets.is_empty() && !replace {
        return Err(CliError(format!(
            "「{}」には既に情報資産が {} 件あります。見本で置き換えるには --replace を付けてください。",
            path.display(),
            current.assets.len()
        )));
    }
    let wb = sample_workbook(Catalogue::builtin());
    store.replace_all(&wb)?;
    Ok(format!(
        "見本の会社「{}」の情報資産 {} 件を「{}」に読み込みました。",
        wb.settings.company,
        wb.assets.len(),
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
    let store = Store::open_read_only(path)?;
    let wb = store.load()?;
    let assessment = assess(&wb);
    let diagnosis = diagnose(&wb, &assessment);
    let summary = summarize(&wb, &assessment, &diagnosis);
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
        "対策状況チェック: {} / {} 問回答\n\n診断結果\n",
        summary.checks.answered, summary.checks.total
    ));
    for c in &diagnosis.categories {
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
    let mut store = Store::open(path)?;
    let current = store.load()?;
    if !current.assets.is_empty() && !replace {
        return Err(CliError(format!(
            "「{}」には既に情報資産が {} 件あります。取り込んだ内容で置き換えるには --replace を付けてください。",
            path.display(),
            current.assets.len()
        )));
    }
    let backup = store.backup("before-import")?;
    store.replace_all(&imported.workbook)?;
    let wb = &imported.workbook;
    let mut out = format!(
        "「{}」を取り込みました: 情報資産 {} 件、脅威 {} 件、チェック項目 {} 問（回答済み {} 問）。\n取り込み前のデータベースは「{}」に保存しました。",
        file.display(),
        wb.assets.len(),
        wb.threats.len(),
        wb.items.len(),
        wb.answered_count(),
        backup.display()
    );
    for note in imported.notes.iter().chain(&imported.unmatched) {
        out.push_str(&format!("\n・{note}"));
    }
    if imported.differences.is_empty() {
        out.push_str("\nブックに残っていた計算結果（重要度・リスク値など）は riskbook の計算と一致しました。");
    } else {
        out.push_str(&format!(
            "\nブックに残っていた計算結果のうち {} か所が riskbook の計算と違います:",
            imported.differences.len()
        ));
        for d in &imported.differences {
            out.push_str(&format!("\n・{d}"));
        }
    }
    Ok(out)
}

fn export_xlsx(path: &Path, out: &Path) -> Result<String, CliError> {
    let wb = Store::open_read_only(path)?.load()?;
    let assessment = assess(&wb);
    let diagnosis = diagnose(&wb, &assessment);
    crate::xlsx::export(&wb, &assessment, &diagnosis, out)?;
    Ok(format!(
        "リスク分析シートの形式で「{}」に書き出しました（情報資産 {} 件）。",
        out.display(),
        wb.assets.len()
    ))
}

fn report(path: &Path, out: &Path, compare: bool) -> Result<String, CliError> {
    let store = Store::open_read_only(path)?;
    let wb = store.load()?;
    let previous = compare.then(|| store.comparison_base()).transpose()?;
    let assessment = assess(&wb);
    let diagnosis = diagnose(&wb, &assessment);
    let file_name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let input = ReportInput {
        workbook: &wb,
        assessment: &assessment,
        diagnosis: &diagnosis,
        file_name: &file_name,
        created_on: chrono::Local::now().date_naive(),
        previous: previous.as_ref().map(|(label, wb)| (label.clone(), wb)),
    };
    write_pdf(&input, out)?;
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
            crate::entry::cli::import_register(&require_db(db, "import-register")?, &file, &options)
                .map_err(CliError)
        }
        Command::Export { out } => export_xlsx(&require_db(db, "export")?, &out),
        Command::Report { out, compare } => report(&require_db(db, "report")?, &out, compare),
    }
}
