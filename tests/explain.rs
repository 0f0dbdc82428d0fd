//! 「なぜこのリスク値か」 on the sample company, against values worked out by hand.
//!
//! Sample: every threat's items are answered with a mix of 1, 2 and 3, so every threat's
//! vulnerability is 2 (the mixed case). 事務所PC's threats have
//! frequencies 3, 2, 2: p = max(1, 3 + 2 − 3) = 2 for the virus threat, 1 for the others.

mod common;
use common::data::virus_threat;
use riskbook::calc::Evaluated;
use riskbook::calc::explain::{Line, explain_asset, explain_category};
use riskbook::calc::risk::VulnerabilityRule;
use riskbook::calc::{PolicyNeed, RiskLevel};
use riskbook::domain::{Answer, Catalogue, ItemNo};
use riskbook::sample::sample_workbook;

fn text(lines: &[Line]) -> String {
    lines
        .iter()
        .map(|l| match l {
            Line::Heading(t) | Line::Text(t) => t.as_str(),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

const VIRUS_ITEMS: [u16; 8] = [6, 13, 27, 35, 36, 37, 42, 54];
/// Those the sample has not answered 1: No.13, 27 and 37 are 2, No.54 is 3.
const VIRUS_OPEN: [u16; 4] = [13, 27, 37, 54];

#[test]
fn the_first_asset_is_high_because_of_the_pc_virus_threat() {
    let e = Evaluated::new(sample_workbook(Catalogue::builtin()));
    let wb = &e.workbook;
    // Row 1: 社員名簿 on 事務所PC, 機密性 2 完全性 0 可用性 0.
    let x = explain_asset(wb, &e.assessment, 0);
    assert_eq!(x.name, "社員名簿");
    assert_eq!(x.importance.map(|i| i.value()), Some(2));
    assert_eq!(x.threats.len(), 3);
    let summary: Vec<(u8, u8, Option<u8>, bool, VulnerabilityRule)> = x
        .threats
        .iter()
        .map(|t| {
            (
                t.frequency.unwrap().value(),
                t.vulnerability.value(),
                t.likelihood.map(|p| p.value()),
                t.worst,
                t.rule,
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (3, 2, Some(2), true, VulnerabilityRule::Mixed),
            (2, 2, Some(1), false, VulnerabilityRule::Mixed),
            (2, 2, Some(1), false, VulnerabilityRule::Mixed),
        ]
    );
    assert!(x.threats[0].name.starts_with("ウイルス感染"));
    let virus: Vec<u16> = x.threats[0].items.iter().map(|i| i.no.0).collect();
    assert_eq!(virus, VIRUS_ITEMS);
    let open: Vec<u16> = x.threats[0]
        .items
        .iter()
        .filter(|i| i.answer != Some(Answer::Implemented))
        .map(|i| i.no.0)
        .collect();
    assert_eq!(open, VIRUS_OPEN);
    assert_eq!((x.risk, x.level), (Some(4), RiskLevel::High));
    // No single item changes v (three others stay open); the virus threat's four open items
    // together make v = 1, p = max(1, 3 + 1 − 3) = 1, so 2 × 1 = 2.
    assert_eq!(x.lowering.len(), 1);
    assert_eq!(x.lowering[0].risk_after, 2);
    assert_eq!(
        x.lowering[0].items,
        VIRUS_OPEN.map(ItemNo).to_vec(),
        "the whole group"
    );

    let shown = text(&x.lines(wb));
    for expected in [
        "1行目「社員名簿」のリスク値",
        "機密性 2、完全性 0、可用性 0。重要度はこの 3 つの最大値なので 2（機密性、事業に深刻な影響）。",
        "発生頻度 3、脆弱性 2 → 換算表の「頻度 3 × 脆弱性 2」の欄で被害発生可能性 2（可能性：中）。",
        "脆弱性 2：関連項目 「1 実施している」No.6・35・36・42、「2 一部実施している」No.13・27・37、「3 実施していない／わからない」No.54。「1 実施している」以外の回答",
        "リスク値 = 重要度 2 × 被害発生可能性 2 = 4 → リスク大",
        "の未実施の項目すべて（No.13、No.27、No.37、No.54）を「1 実施している」にすると：4 → 2",
    ] {
        assert!(shown.contains(expected), "{expected}\n---\n{shown}");
    }
}

#[test]
fn the_last_item_of_a_threat_lowers_the_risk_on_its_own() {
    let mut wb = sample_workbook(Catalogue::builtin());
    for item in wb
        .items
        .iter_mut()
        .filter(|i| VIRUS_ITEMS[..7].contains(&i.no.0))
    {
        item.answer = Some(Answer::Implemented);
    }
    let e = Evaluated::new(wb);
    let x = explain_asset(&e.workbook, &e.assessment, 0);
    assert_eq!(x.risk, Some(4), "still 2 × 2 with No.54 at 3");
    assert!(text(&x.lines(&e.workbook)).contains(
        "関連項目 「1 実施している」No.6・13・27・35・36・37・42、「3 実施していない／わからない」No.54。"
    ));
    assert_eq!(x.lowering[0].threat, None, "one item");
    assert_eq!(x.lowering[0].items, [ItemNo(54)]);
    assert_eq!(x.lowering[0].risk_after, 2);
    assert!(
        text(&x.lines(&e.workbook)).contains("項目 No.54 だけを「1 実施している」にすると：4 → 2")
    );
}

#[test]
fn an_unrated_asset_says_exactly_what_is_missing() {
    let mut wb = sample_workbook(Catalogue::builtin());
    wb.assets[0].integrity = None;
    wb.assets[0].medium = None;
    let e = Evaluated::new(wb);
    let x = explain_asset(&e.workbook, &e.assessment, 0);
    assert_eq!(x.level, RiskLevel::Unrated);
    assert!(x.lowering.is_empty());
    let shown = text(&x.lines(&e.workbook));
    assert!(
        shown.contains("未算定：完全性が未選択、媒体・保存先が未設定。"),
        "{shown}"
    );

    let mut wb = sample_workbook(Catalogue::builtin());
    let virus = virus_threat(&wb);
    wb.threats[virus].frequency = None;
    let e = Evaluated::new(wb);
    let shown = text(&explain_asset(&e.workbook, &e.assessment, 0).lines(&e.workbook));
    assert!(
        shown.contains("未算定：脅威「ウイルス感染・不正アクセスによる事務所PCからの情報漏えい」の発生頻度が未設定。"),
        "{shown}"
    );
}

#[test]
fn a_category_says_which_items_count_and_why_it_is_marked() {
    // The sample's (1): 5 of 8 implemented; (9): every item not applicable.
    let e = Evaluated::new(sample_workbook(Catalogue::builtin()));
    let c = explain_category(&e.workbook, &e.assessment, &e.diagnosis, 1).unwrap();
    assert_eq!(c.implemented, [1, 2, 6, 7, 8].map(ItemNo));
    assert_eq!(c.open, [3, 4, 5].map(ItemNo));
    assert!(c.excluded.is_empty());
    assert_eq!(c.need, PolicyNeed::Essential);
    // No.6 counters the PC virus threat, which makes 6 assets リスク大.
    assert!(c.critical.iter().any(|(no, _)| *no == ItemNo(6)));
    let shown = text(&c.lines(&e.workbook));
    assert!(
        shown.contains("実施率 = 「1 実施している」5 問 ÷ 該当する 8 問 = 62.5%"),
        "{shown}"
    );
    assert!(
        shown.contains(
            "No.6（脅威「ウイルス感染・不正アクセスによる事務所PCからの情報漏えい」・事務所PC）"
        ),
        "{shown}"
    );

    let c = explain_category(&e.workbook, &e.assessment, &e.diagnosis, 9).unwrap();
    assert_eq!(c.excluded, [46, 47, 48].map(ItemNo));
    assert!(
        text(&c.lines(&e.workbook))
            .contains("数えない（4 自社には該当しない）：No.46、No.47、No.48")
    );

    // マイナンバー: needed in every company, also when no asset holds マイナンバー, and it says why.
    let mut wb = e.workbook.clone();
    for a in &mut wb.assets {
        a.my_number = false;
    }
    let e = Evaluated::new(wb);
    let c = explain_category(&e.workbook, &e.assessment, &e.diagnosis, 4).unwrap();
    assert_ne!(c.need, PolicyNeed::NotNeeded);
    if c.need == PolicyNeed::Needed {
        assert!(text(&c.lines(&e.workbook)).contains("原則としてすべての企業に必要"));
    }
}
