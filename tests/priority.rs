//! 対策優先度 on the sample company, against values worked out by hand.
//!
//! Sample: every threat's items are answered with a mix of 1, 2 and 3, so each threat's
//! vulnerability is 2. Frequencies per medium (catalogue order):
//! 書類 2,2,1 / 可搬電子媒体 2,2,1 / 事務所PC 3,2,2 / モバイル機器 3,2,1 / 社内サーバー 3,2,1 / クラウド 3,2,1.
//! Only the first threat of the last four media has p = 2 (t 3, v 2); all others have p = 1.

mod common;
use common::data::virus_threat;
use riskbook::calc::assess;
use riskbook::calc::priority::{item_gains, threat_gains};
use riskbook::domain::{Answer, Catalogue, ItemNo};
use riskbook::sample::sample_workbook;

#[test]
fn no_single_item_lowers_a_risk_while_every_threat_has_two_open_items() {
    // Every threat keeps another item at 2 or 3, so v stays 2: the honest answer is zero for all
    // 31 open items (55 less 21 answered 1 and 3 answered 4).
    let gains = item_gains(&sample_workbook(Catalogue::builtin()));
    assert_eq!(gains.len(), 31);
    assert!(
        gains
            .iter()
            .all(|g| g.gain.risk_drop == 0 && g.gain.high_drop == 0)
    );
}

#[test]
fn threats_ranked_by_the_risk_they_remove() {
    let wb = sample_workbook(Catalogue::builtin());
    let gains = threat_gains(&wb);
    let top: Vec<(&str, usize, u32)> = gains
        .iter()
        .take(5)
        .map(|g| (g.name.as_str(), g.gain.high_drop, g.gain.risk_drop))
        .collect();
    assert_eq!(
        top,
        [
            // 事務所PC: 6 assets of 重要度 2 go from 4 to 2.
            (
                "ウイルス感染・不正アクセスによる事務所PCからの情報漏えい",
                6,
                12
            ),
            // クラウド: 3 of 重要度 2 (4 → 2) and 3 of 重要度 1 (2 → 1).
            ("クラウドサービスへの不正ログインによる情報漏えい", 3, 9),
            // 社内サーバー: 3 of 重要度 2 and 2 of 重要度 1.
            ("情報搾取目的の社内サーバーへのサイバー攻撃", 3, 8),
            // モバイル機器: 1 of 重要度 2 and 1 of 重要度 1.
            ("モバイル機器の紛失・盗難による情報漏えい", 1, 3),
            // Everything else: p is already 1.
            ("書類の盗難・紛失・誤廃棄による情報漏えい", 0, 0),
        ]
    );
    assert!(gains[4..].iter().all(|g| g.gain.risk_drop == 0));
    assert_eq!(gains.len(), wb.threats.len(), "every threat has open items");
}

#[test]
fn an_item_that_completes_a_threat_is_ranked_first() {
    let mut wb = sample_workbook(Catalogue::builtin());
    // The PC virus threat: implement all its items but one; that last one is now worth 6 リスク大.
    let virus = wb.threats[virus_threat(&wb)].clone();
    let (last, rest) = virus.items.split_last().unwrap();
    for item in wb.items.iter_mut().filter(|i| rest.contains(&i.no)) {
        item.answer = Some(Answer::Implemented);
    }
    assert_eq!(
        assess(&wb).assets[0].risk,
        Some(4),
        "still 4 before the last item"
    );
    let gains = item_gains(&wb);
    assert_eq!(gains[0].no, *last);
    assert_eq!((gains[0].gain.high_drop, gains[0].gain.risk_drop), (6, 12));
    assert!(
        gains.iter().all(|g| g.no != ItemNo(rest[0].0)),
        "implemented items are not candidates"
    );
}
