//! `sample`, `copy` and `restore`: whole databases.

use super::{CliError, refuse_to_overwrite};
use crate::operations::{self, Session};
use std::path::Path;

pub(super) fn sample(path: &Path, replace: bool) -> Result<String, CliError> {
    let mut session = Session::open(path)?;
    refuse_to_overwrite(&session, replace, "見本")?;
    operations::load_sample(&mut session)?;
    Ok(format!(
        "見本の会社「{}」の情報資産 {} 件を「{}」に読み込みました。",
        session.workbook().settings.company,
        session.workbook().assets.len(),
        path.display()
    ))
}

/// A consistent copy, as the window's 名前を付けて保存 makes it.
pub(super) fn copy(path: &Path, out: &Path) -> Result<String, CliError> {
    Session::open_read_only(path)?.store().copy_to(out)?;
    Ok(format!(
        "「{}」のコピーを「{}」に作りました。",
        path.display(),
        out.display()
    ))
}

pub(super) fn restore(path: &Path) -> Result<String, CliError> {
    let (_, used) = operations::restore_backup(path)?;
    Ok(format!(
        "「{}」をバックアップ「{}」から復元しました。壊れていたファイルは同じフォルダーに *.broken-日時 として残してあります。",
        path.display(),
        used.display()
    ))
}
