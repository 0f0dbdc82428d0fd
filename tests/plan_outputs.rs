//! 対策計画 in what riskbook writes: the summary JSON, the results recorded by 「診断を確定」 (履歴's
//! progress), the PDF report, and the exported workbook's extra sheet, which import reads back.

mod common;
use chrono::NaiveDate;
use common::data::virus_threat;
use common::pdf::report_text;
use riskbook::calc::Evaluated;
use riskbook::domain::{Catalogue, ItemNo, Measure, PlanEntry, PlanStatus, ThreatId, Workbook};
use riskbook::sample::sample_workbook;
use riskbook::summary::{Recorded, summarize};

fn with_plan() -> Workbook {
    let mut wb = sample_workbook(Catalogue::builtin());
    let virus = wb.threats[virus_threat(&wb)].id;
    wb.plan = vec![
        PlanEntry {
            owner: "総務部 佐藤".into(),
            due: NaiveDate::from_ymd_opt(2026, 9, 30),
            status: PlanStatus::InProgress,
            memo: "ウイルス対策ソフトの更新から".into(),
            ..PlanEntry::new(Measure::Threat(virus))
        },
        PlanEntry {
            owner: "社長".into(),
            due: NaiveDate::from_ymd_opt(2026, 5, 31),
            status: PlanStatus::Done,
            ..PlanEntry::new(Measure::Item(ItemNo(1)))
        },
    ];
    wb
}

#[test]
fn the_summary_lists_the_plan_and_the_recorded_results_count_what_is_done() {
    let e = Evaluated::new(with_plan());
    let json = serde_json::to_value(summarize(&e)).unwrap();
    let plan = json["plan"].as_array().unwrap();
    assert_eq!(plan.len(), 2);
    assert_eq!(plan[0]["kind"], "脅威");
    assert_eq!(plan[0]["items"].as_array().unwrap().len(), 8);
    assert_eq!(plan[0]["owner"], "総務部 佐藤");
    assert_eq!(plan[0]["due"], "2026-09-30");
    assert_eq!(plan[0]["status"], "対応中");
    assert_eq!(plan[1]["kind"], "項目");
    assert_eq!(plan[1]["items"], serde_json::json!([1]));
    assert_eq!(plan[1]["status"], "完了");

    let recorded = Recorded::from_json(&json.to_string()).unwrap();
    assert_eq!((recorded.plan_done, recorded.plan_total), (1, 2));
    // Results recorded before the plan existed have none.
    let mut old = json.clone();
    old.as_object_mut().unwrap().remove("plan");
    let recorded = Recorded::from_json(&old.to_string()).unwrap();
    assert_eq!((recorded.plan_done, recorded.plan_total), (0, 0));
}

#[test]
fn the_report_has_a_plan_section_with_overdue_entries_said_so() {
    let e = Evaluated::new(with_plan());
    let text = report_text(&e, NaiveDate::from_ymd_opt(2026, 11, 25).unwrap());
    for expected in [
        "対策計画",
        "対策2件のうち完了1件",
        "脅威「ウイルス感染・不正アクセスによる事務所PCからの情報漏えい」（事務所PC）の対策8項目",
        "担当者：総務部佐藤期限：2026年9月30日状態：対応中（期限切れ）",
        "担当者：社長期限：2026年5月31日状態：完了",
    ] {
        assert!(text.contains(expected), "{expected}");
    }
}

#[test]
fn the_exported_workbook_keeps_the_plan_on_a_fifth_sheet_that_import_reads_back() {
    let mut wb = with_plan();
    // An entry whose threat is not in the workbook: exported without a name, refused on import.
    wb.plan.push(PlanEntry::new(Measure::Threat(ThreatId(999))));
    let e = Evaluated::new(wb);
    let bytes = riskbook::xlsx::xlsx_bytes(&e.workbook, &e.assessment, &e.diagnosis).unwrap();
    let book: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(bytes.clone())).unwrap();
    assert_eq!(
        calamine::Reader::sheet_names(&book),
        [
            "情報資産管理台帳",
            "脅威の状況",
            "対策状況チェック",
            "診断結果",
            "対策計画",
            "リスク対応",
            "年間計画",
            "実施記録",
            "従業員",
            "教育記録",
            "インシデント",
            "連絡網"
        ],
        "the four IPA sheets first, unchanged in order, then riskbook's own"
    );

    let imported =
        riskbook::xlsx::read_workbook_bytes("計画.xlsx", bytes, Catalogue::builtin()).unwrap();
    let strip =
        |plan: &[PlanEntry]| -> Vec<(Measure, String, Option<NaiveDate>, PlanStatus, String)> {
            plan.iter()
                .map(|p| (p.measure, p.owner.clone(), p.due, p.status, p.memo.clone()))
                .collect()
        };
    assert_eq!(strip(&imported.workbook.plan), strip(&e.workbook.plan[..2]));
    assert!(
        imported
            .notes
            .iter()
            .any(|n| n.starts_with("シート「対策計画」D5：脅威")
                && n.contains("この行は取り込みませんでした")),
        "{:?}",
        imported.notes
    );
}
