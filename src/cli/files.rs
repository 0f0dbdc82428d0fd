//! `import`, `export` and `report`: an IPA workbook in, the workbook and the PDF report out.

use super::{CliError, refuse_to_overwrite};
use crate::operations::report::{
    AnnualRequest, BasicPolicyRequest, ContactsRequest, ReportRequest,
};
use crate::operations::{self, Session};
use std::path::Path;

pub(super) fn import(path: &Path, file: &Path, replace: bool) -> Result<String, CliError> {
    // The workbook is read completely before the database is touched.
    let imported = crate::xlsx::worker::read(file)?;
    let mut session = Session::open(path)?;
    refuse_to_overwrite(&session, replace, "取り込んだ内容")?;
    let backup = operations::import::replace_with_workbook(&mut session, &imported)?;
    let mut lines = vec![
        format!(
            "「{}」を取り込みました：{}。",
            file.display(),
            operations::import::contents(&imported)
        ),
        operations::import::backup_note(&backup),
    ];
    lines.extend(operations::import::findings(&imported));
    Ok(lines.join("\n"))
}

pub(super) fn export_xlsx(path: &Path, out: &Path) -> Result<String, CliError> {
    let session = Session::open_read_only(path)?;
    crate::xlsx::export(session.results(), out)?;
    Ok(format!(
        "リスク分析シートの形式で「{}」に書き出しました（情報資産 {} 件）。",
        out.display(),
        session.workbook().assets.len()
    ))
}

pub(super) fn report(path: &Path, out: &Path, compare: bool) -> Result<String, CliError> {
    let session = Session::open_read_only(path)?;
    ReportRequest::new(&session, compare)?.write(out)?;
    Ok(format!(
        "診断結果の PDF を「{}」に書き出しました。",
        out.display()
    ))
}

/// The 連絡網 page, as of today.
pub(super) fn contacts(path: &Path, out: &Path) -> Result<String, CliError> {
    let session = Session::open_read_only(path)?;
    ContactsRequest::new(&session).write(out)?;
    Ok(format!(
        "連絡網の PDF を「{}」に書き出しました。",
        out.display()
    ))
}

/// 経営者への報告 for `from..=to` (default: the 12 months to today).
pub(super) fn annual(
    path: &Path,
    out: &Path,
    from: Option<chrono::NaiveDate>,
    to: Option<chrono::NaiveDate>,
) -> Result<String, CliError> {
    let session = Session::open_read_only(path)?;
    let default = AnnualRequest::last_year(&session)?;
    let (from, to) = (from.unwrap_or(default.from), to.unwrap_or(default.to));
    if from > to {
        return Err(CliError::Message(format!(
            "期間の初日（{from}）が最終日（{to}）より後です。"
        )));
    }
    AnnualRequest::new(&session, from, to)?.write(out)?;
    Ok(format!(
        "経営者への報告（{from} 〜 {to}）の PDF を「{}」に書き出しました。",
        out.display()
    ))
}

pub(super) fn basic_policy(path: &Path, out: &Path) -> Result<String, CliError> {
    let session = Session::open_read_only(path)?;
    BasicPolicyRequest::new(&session).write(out)?;
    Ok(format!(
        "情報セキュリティ基本方針の PDF を「{}」に書き出しました。",
        out.display()
    ))
}
