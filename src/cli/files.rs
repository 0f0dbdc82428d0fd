//! `import`, `export` and `report`: an IPA workbook in, the workbook and the PDF report out.

use super::{CliError, refuse_to_overwrite};
use crate::operations::report::{
    AnnualRequest, BasicPolicyRequest, ContactsRequest, PdfRequest, ReportRequest, SupplierRequest,
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

/// The 委託先確認リスト of the 委託先 named `name` for `year` (default: this year); blank, to be
/// filled in by the 委託先, where that year is not evaluated.
pub(super) fn supplier(
    path: &Path,
    out: &Path,
    name: &str,
    year: Option<i32>,
) -> Result<String, CliError> {
    use chrono::Datelike;
    let session = Session::open_read_only(path)?;
    let year = year.unwrap_or_else(|| chrono::Local::now().year());
    let request = SupplierRequest::by_name(&session, name, year).ok_or_else(|| {
        let names: Vec<&str> = session
            .workbook()
            .suppliers
            .list
            .iter()
            .map(|s| s.name.as_str())
            .collect();
        CliError::Message(format!(
            "委託先「{name}」はありません（登録済み：{}）。",
            if names.is_empty() {
                "なし".to_string()
            } else {
                names.join("、")
            }
        ))
    })?;
    let what = if request.evaluation.is_some() {
        "評価の記録"
    } else {
        "記入用の空欄"
    };
    request.write(out)?;
    Ok(format!(
        "委託先「{}」の{year}年度の委託先確認リスト（{what}）の PDF を「{}」に書き出しました。",
        request.supplier.name,
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
