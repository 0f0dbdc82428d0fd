//! リスク対応 in what riskbook writes: `summary --json` per asset, the PDF report's section (decided
//! and undecided, each 保有 with its approver), and the exported workbook's リスク対応 sheet, which
//! import reads back (rows that do not match their 台帳 row: `xlsx::treatment_sheet`'s tests).

mod common;
use chrono::NaiveDate;
use common::pdf::report_text;
use riskbook::calc::Evaluated;
use riskbook::domain::{Catalogue, Decision, Treatment, Workbook};
use riskbook::sample::sample_workbook;
use riskbook::summary::summarize;

/// The sample (低減 on row 1, 移転 on row 7, 保有 on row 31) with a decision on the リスク小 row 29
/// and a 移転 on row 13 that does not say what changes.
fn with_decisions() -> Workbook {
    let mut wb = sample_workbook(Catalogue::builtin());
    for (row, decision) in [(29, Decision::Avoid), (13, Decision::Transfer)] {
        let mut t = Treatment::new(wb.assets[row - 1].id, decision);
        t.reason = format!("{row}行目の理由");
        if row == 29 {
            t.change = "紙のカタログは廃棄する".into();
        }
        wb.treatments.push(t);
    }
    wb.treatments.sort_by_key(|t| t.asset);
    wb
}

#[test]
fn the_summary_gives_each_asset_its_treatment_or_null() {
    let e = Evaluated::new(with_decisions());
    let json = serde_json::to_value(summarize(&e)).unwrap();
    let assets = json["assets"].as_array().unwrap();
    let t = |row: usize| &assets[row - 1]["treatment"];
    assert!(t(2).is_null(), "undecided");
    assert_eq!(t(31)["decision"], "保有");
    assert_eq!(t(31)["accepted_by"], "代表取締役 港 一郎");
    assert_eq!(t(31)["accepted_on"], "2026-04-10");
    assert_eq!(t(31)["complete"], true);
    assert_eq!(t(31)["needed"], true);
    assert_eq!(t(7)["decision"], "移転");
    assert_eq!(t(7)["complete"], true);
    assert_eq!(t(13)["complete"], false);
    assert_eq!(t(13)["missing"], serde_json::json!(["変更内容"]));
    assert_eq!(t(29)["needed"], false, "リスク小: kept, no longer needed");
    // 低減 of 社員名簿 (事務所PC): the plan's PC virus threat (entry 1) would lower it.
    assert_eq!(t(1)["decision"], "低減");
    assert_eq!(t(1)["plan"], serde_json::json!([1]));
    assert_eq!(t(1)["complete"], true);
}

#[test]
fn the_report_has_a_treatment_section_with_undecided_and_decided_assets() {
    let e = Evaluated::new(with_decisions());
    let text = report_text(&e, NaiveDate::from_ymd_opt(2026, 11, 25).unwrap());
    for expected in [
        "リスク対応",
        "リスク大・中の情報資産31件のうち、対応を決めたもの4件（うち不足あり1件）、未決定27件。",
        "未決定",
        "□台帳2行目社員名簿（リスク中2）",
        "決定済み",
        "・台帳31行目ウェブサイト（リスク大4）：保有",
        "承認者：代表取締役港一郎承認日：2026年4月10日",
        "・台帳13行目銀行取引データ（リスク大4）：移転※変更内容がありません",
        "変更内容：Google",
        "・台帳1行目社員名簿（リスク大4）：低減",
        "対策計画：1件目",
        "リスクが下がり不要になった対応",
        "・台帳29行目廃版製品カタログ（リスク小0）：回避（不要になった（リスク小））",
    ] {
        assert!(text.contains(expected), "{expected}");
    }
}

#[test]
fn the_exported_workbook_keeps_the_decisions_on_a_sheet_that_import_reads_back() {
    let e = Evaluated::new(with_decisions());
    let bytes = riskbook::xlsx::xlsx_bytes(&e.workbook, &e.assessment, &e.diagnosis).unwrap();
    let mut book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.clone())).unwrap();
    assert_eq!(
        calamine::Reader::sheet_names(&book)[5],
        "リスク対応",
        "after the four IPA sheets and the 対策計画"
    );
    let sheet = calamine::Reader::worksheet_range(&mut book, "リスク対応").unwrap();
    // Undecided first: the first row is an undecided リスク大 asset.
    assert_eq!(
        sheet.get_value((2, 8)),
        Some(&calamine::Data::String("未決定".into()))
    );
    let status = |r: u32| sheet.get_value((r, 8)).map(|d| d.to_string());
    let rows = (2..sheet.end().unwrap().0 + 1)
        .map(status)
        .collect::<Vec<_>>();
    assert!(
        rows.contains(&Some("変更内容がありません".into())),
        "{rows:?}"
    );
    assert_eq!(
        rows.last().unwrap().as_deref(),
        Some("不要になった（リスク小）")
    );

    let imported =
        riskbook::xlsx::read_workbook_bytes("対応.xlsx", bytes, Catalogue::builtin()).unwrap();
    let strip =
        |wb: &Workbook| -> Vec<(String, Decision, String, String, String, Option<NaiveDate>)> {
            wb.treatments
                .iter()
                .map(|t| {
                    let name = wb
                        .assets
                        .iter()
                        .find(|a| a.id == t.asset)
                        .unwrap()
                        .name
                        .clone();
                    (
                        name,
                        t.decision,
                        t.reason.clone(),
                        t.change.clone(),
                        t.accepted_by.clone(),
                        t.accepted_on,
                    )
                })
                .collect()
        };
    assert_eq!(strip(&imported.workbook), strip(&e.workbook));

    // Saved and loaded, the decisions stay on their assets.
    let dir = tempfile::tempdir().unwrap();
    let mut store = riskbook::store::Store::open(&dir.path().join("r.db")).unwrap();
    store.replace_all(&imported.workbook).unwrap();
    assert_eq!(strip(&store.load().unwrap()), strip(&e.workbook));
}
