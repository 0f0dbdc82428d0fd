//! Databases and workbooks to test and measure with: the sample company, as is or grown to many
//! assets, and what a database holds on disk.

use riskbook::domain::{Catalogue, Workbook};
use riskbook::operations::Session;
use riskbook::sample::sample_workbook;
use riskbook::store::Store;
use std::path::{Path, PathBuf};

/// A session on a new database at `path` with the sample company loaded, as the window loads it.
pub fn sample_session(path: &Path) -> Session {
    let mut session = Session::open(path).unwrap();
    riskbook::operations::load_sample(&mut session).unwrap();
    session
}

/// Where in `workbook.threats` the sample's PC virus threat is
/// (「ウイルス感染・不正アクセスによる事務所PCからの情報漏えい」).
pub fn virus_threat(workbook: &Workbook) -> usize {
    workbook
        .threats
        .iter()
        .position(|t| t.name.starts_with("ウイルス感染"))
        .unwrap()
}

/// The workbook as saved in the file, read beside whatever has it open.
pub fn on_disk(path: &Path) -> Workbook {
    Store::open_read_only(path).unwrap().load().unwrap()
}

/// The sample company's register repeated to `n` assets.
pub fn workbook_with(n: usize) -> Workbook {
    let mut wb = sample_workbook(Catalogue::builtin());
    let base = wb.assets.clone();
    wb.assets = (0..n)
        .map(|i| {
            let mut a = base[i % base.len()].clone();
            a.name = format!("{} {}", a.name, i + 1);
            a
        })
        .collect();
    wb
}

/// A database file in `dir` holding `workbook_with(n)`.
pub fn database_with(dir: &Path, name: &str, n: usize) -> PathBuf {
    let path = dir.join(format!("{name}-{n}.db"));
    Store::open(&path)
        .unwrap()
        .replace_all(&workbook_with(n))
        .unwrap();
    path
}

/// The 実施率 of the sample's 11 categories as the window and the report write them: the first four
/// as in the guideline's worked example, (9) answered 4 throughout.
pub const SAMPLE_RATES: [&str; 11] = [
    "62.5%",
    "33.3%",
    "14.3%",
    "100.0%",
    "50.0%",
    "50.0%",
    "40.0%",
    "33.3%",
    "該当なし",
    "25.0%",
    "0.0%",
];
