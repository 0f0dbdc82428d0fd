//! The default catalogue in assets/catalogue.toml is complete and consistent.

use riskbook::domain::{Catalogue, ItemNo, Medium, Wording};
use std::collections::HashSet;

#[test]
fn eleven_categories_with_fifty_five_items() {
    let c = Catalogue::builtin();
    let names: Vec<&str> = c.categories.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "組織的セキュリティ対策",
            "人的セキュリティ対策",
            "情報資産管理",
            "マイナンバー対応",
            "アクセス制御及び認証",
            "物理的セキュリティ対策",
            "IT機器利用",
            "IT基盤運用管理",
            "システムの開発及び保守",
            "委託管理",
            "情報セキュリティインシデント対応及び事業継続管理",
        ]
    );
    let counts: Vec<usize> = (1..=11)
        .map(|n| c.items.iter().filter(|i| i.category == n).count())
        .collect();
    assert_eq!(counts, [8, 6, 7, 3, 6, 4, 5, 6, 3, 4, 3]);
    let numbers: Vec<u16> = c.items.iter().map(|i| i.no.0).collect();
    assert_eq!(numbers, (1..=55).collect::<Vec<_>>());
}

#[test]
fn physical_security_questions_are_those_of_the_jnsa_material_word_for_word() {
    let c = Catalogue::builtin();
    let questions: Vec<&str> = c
        .items
        .iter()
        .filter(|i| i.category == 6)
        .map(|i| i.question.as_str())
        .collect();
    assert_eq!(
        questions,
        [
            "業務を行う場所に、第三者が許可無く立入できないようにするための対策（物理的に区切る、見知らぬ人には声をかける、等）が講じられていますか？",
            "最終退出者は事務所を施錠し退出の記録（日時、退出者）を残すなどのように、事務所の施錠を管理していますか？",
            "高いセキュリティを確保する区域には、許可された者以外は接近できないような保護措置がなされていますか？",
            "秘密情報を保管および扱う場所への 個人所有のパソコン・記録媒体等の持込み・利用は禁止されていますか？",
        ]
    );
}

#[test]
fn every_item_has_a_question_and_help_naming_its_policy_section() {
    for item in Catalogue::builtin().items {
        assert!(
            item.question.ends_with('？'),
            "item {} is a question",
            item.no.0
        );
        assert!(
            item.help.contains("付録5") || item.help.contains("ガイドライン付録"),
            "item {} help names its policy: {}",
            item.no.0,
            item.help
        );
    }
}

#[test]
fn every_item_counters_a_threat_and_every_threat_has_items() {
    let c = Catalogue::builtin();
    let known: HashSet<ItemNo> = c.items.iter().map(|i| i.no).collect();
    let mut linked = HashSet::new();
    for t in &c.threats {
        assert!(!t.items.is_empty(), "threat {} has no items", t.name);
        for no in &t.items {
            assert!(
                known.contains(no),
                "threat {} links unknown item {}",
                t.name,
                no.0
            );
            linked.insert(*no);
        }
    }
    let unlinked: Vec<u16> = known.difference(&linked).map(|n| n.0).collect();
    assert!(
        unlinked.is_empty(),
        "items linked to no threat: {unlinked:?}"
    );
}

#[test]
fn every_medium_has_its_threats_and_the_server_ones_are_the_guidelines() {
    let c = Catalogue::builtin();
    for m in Medium::ALL {
        let n = c.threats.iter().filter(|t| t.medium == m).count();
        assert!(n >= 3, "{m} has {n} threats");
    }
    let server: Vec<&str> = c
        .threats
        .iter()
        .filter(|t| t.medium == Medium::InHouseServer)
        .map(|t| t.name.as_str())
        .collect();
    assert_eq!(
        server,
        [
            "情報搾取目的の社内サーバーへのサイバー攻撃",
            "情報搾取目的の社内サーバーでの内部不正",
            "社内サーバーの故障による業務に必要な情報の喪失",
        ]
    );
}

#[test]
fn the_four_questions_of_6_are_the_guidelines_words_and_the_rest_are_ours() {
    let c = Catalogue::builtin();
    assert_eq!(c.guideline_wording, [31, 32, 33, 34].map(ItemNo));
    let item = |n: u16| c.items.iter().find(|i| i.no == ItemNo(n)).unwrap().clone();
    assert_eq!(c.wording_of(&item(31)), Wording::Guideline);
    assert_eq!(c.wording_of(&item(1)), Wording::Riskbook);
    assert_eq!(
        c.items
            .iter()
            .filter(|i| c.wording_of(i) == Wording::Riskbook)
            .count(),
        51
    );

    // A question an imported workbook brought is the workbook's words, whatever its number.
    let mut imported = item(1);
    imported.question = "情報セキュリティ対策の方針を決めていますか？".into();
    assert_eq!(c.wording_of(&imported), Wording::Workbook);
    // The guideline's words stay the guideline's under another number.
    let mut renumbered = item(31);
    renumbered.no = ItemNo(99);
    assert_eq!(c.wording_of(&renumbered), Wording::Guideline);
}

#[test]
fn an_unknown_wording_mark_in_a_catalogue_is_refused() {
    let text = r#"
[[category]]
no = 1
name = "組織的セキュリティ対策"
applies_when = "原則としてすべての企業"

[[item]]
no = 1
category = 1
question = "問い"
help = ""
wording = "ours"

[[threat]]
medium = "書類"
name = "紛失"
items = [1]
"#;
    let error = Catalogue::parse(text).unwrap_err();
    assert!(error.contains("No.1") && error.contains("ours"), "{error}");
}
