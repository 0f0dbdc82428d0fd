//! docs/method.md §4 and §8 against the worked example and the rules, cell by cell.

mod common;
use common::data::{SAMPLE_RATES, virus_threat};
use riskbook::calc::risk::{Unrated, assess_threats, medium_risk};
use riskbook::calc::{
    LevelCounts, PolicyNeed, RiskLevel, assess, diagnose, importance, likelihood, rate_text,
    vulnerability,
};
use riskbook::domain::register::Column;
use riskbook::domain::scales::{Importance, Vulnerability};
use riskbook::domain::{
    Answer, Asset, Catalogue, Frequency, ItemNo, Medium, Rating, Threat, ThreatId, Workbook,
};
use riskbook::sample::sample_workbook;

fn r(v: u8) -> Option<Rating> {
    Some(Rating::new(v).unwrap())
}

fn f(v: u8) -> Frequency {
    Frequency::new(v).unwrap()
}

fn a(v: u8) -> Option<Answer> {
    Some(Answer::new(v).unwrap())
}

#[test]
fn importance_is_the_highest_of_the_three_ratings() {
    // Seed 002's 重要度の算出例.
    assert_eq!(
        importance([r(2), r(1), r(0)]).map(Importance::value),
        Some(2)
    );
    assert_eq!(
        importance([r(1), r(1), r(1)]).map(Importance::value),
        Some(1)
    );
    assert_eq!(
        importance([r(0), r(1), r(0)]).map(Importance::value),
        Some(1)
    );
    assert_eq!(
        importance([r(0), r(0), r(0)]).map(Importance::value),
        Some(0)
    );
    assert_eq!(
        importance([r(2), None, r(0)]),
        None,
        "a half-rated row is not guessed"
    );
}

#[test]
fn every_cell_of_the_conversion_table() {
    // 換算表: rows t = 3, 2, 1; columns v = 3, 2, 1.
    let table = [[3, 2, 1], [2, 1, 1], [1, 1, 1]];
    for (row, t) in [3u8, 2, 1].into_iter().enumerate() {
        for (col, v) in [3u8, 2, 1].into_iter().enumerate() {
            assert_eq!(
                likelihood(f(t), Vulnerability::new(v).unwrap()).value(),
                table[row][col],
                "t={t} v={v}"
            );
        }
    }
}

#[test]
fn class_boundaries() {
    assert_eq!(RiskLevel::of(Some(0)), RiskLevel::Low);
    assert_eq!(RiskLevel::of(Some(1)), RiskLevel::Medium);
    assert_eq!(RiskLevel::of(Some(3)), RiskLevel::Medium);
    assert_eq!(RiskLevel::of(Some(4)), RiskLevel::High);
    assert_eq!(RiskLevel::of(Some(6)), RiskLevel::High);
    assert_eq!(RiskLevel::of(None), RiskLevel::Unrated);
    assert_eq!(RiskLevel::High.label(), "リスク大");
    assert_eq!(RiskLevel::Low.action(), "現状維持");
}

#[test]
fn vulnerability_rule() {
    assert_eq!(
        vulnerability([a(1), a(1), a(1)]).value(),
        1,
        "all implemented"
    );
    assert_eq!(vulnerability([a(3), a(3)]).value(), 3, "none implemented");
    assert_eq!(
        vulnerability([None, None]).value(),
        3,
        "unanswered counts as 3"
    );
    assert_eq!(vulnerability([a(3), None]).value(), 3);
    assert_eq!(vulnerability([a(1), a(3)]).value(), 2, "a mix");
    assert_eq!(
        vulnerability([a(1), None]).value(),
        2,
        "implemented and unanswered"
    );
    assert_eq!(vulnerability([a(2), a(2)]).value(), 2, "partly");
    assert_eq!(vulnerability([a(1), a(2)]).value(), 2);
    // Answers of 4 are ignored.
    assert_eq!(vulnerability([a(1), a(4)]).value(), 1);
    assert_eq!(vulnerability([a(3), a(4)]).value(), 3);
    assert_eq!(vulnerability([a(4), a(4)]).value(), 1, "no remaining items");
    assert_eq!(vulnerability([]).value(), 1, "no linked items");
}

fn threat(id: i64, medium: Medium, freq: Option<u8>, items: &[u16]) -> Threat {
    Threat {
        id: ThreatId(id),
        medium,
        name: format!("脅威{id}"),
        frequency: freq.map(f),
        items: items.iter().map(|&n| ItemNo(n)).collect(),
    }
}

#[test]
fn worst_threat_of_a_medium_with_ties() {
    let answers = |no: ItemNo| match no.0 {
        1 => a(1),
        2 => a(3),
        _ => a(2),
    };
    // p: t=3,v=1 → 1; t=2,v=3 → 2; t=3,v=2 → 2 (tie on p, higher t wins).
    let threats = [
        threat(1, Medium::OfficePc, Some(3), &[1]),
        threat(2, Medium::OfficePc, Some(2), &[2]),
        threat(3, Medium::OfficePc, Some(3), &[5]),
    ];
    let assessed = assess_threats(&threats, answers);
    let worst = medium_risk(Medium::OfficePc, &assessed).unwrap();
    assert_eq!(worst.threat, ThreatId(3));
    assert_eq!(
        (
            worst.frequency.value(),
            worst.vulnerability.value(),
            worst.likelihood.value()
        ),
        (3, 2, 2)
    );

    // Full tie: the first listed wins.
    let threats = [
        threat(7, Medium::Paper, Some(2), &[5]),
        threat(8, Medium::Paper, Some(2), &[6]),
    ];
    let assessed = assess_threats(&threats, answers);
    assert_eq!(
        medium_risk(Medium::Paper, &assessed).unwrap().threat,
        ThreatId(7)
    );
}

#[test]
fn unset_frequency_or_missing_input_is_unrated_never_zero() {
    let threats = [
        threat(1, Medium::Cloud, Some(3), &[1]),
        threat(2, Medium::Cloud, None, &[1]),
    ];
    let assessed = assess_threats(&threats, |_| a(2));
    assert_eq!(
        medium_risk(Medium::Cloud, &assessed),
        Err(Unrated::FrequencyMissing(ThreatId(2)))
    );
    assert_eq!(
        medium_risk(Medium::Paper, &assessed),
        Err(Unrated::NoThreats(Medium::Paper))
    );

    let mut wb = Workbook::from_catalogue(Catalogue::builtin());
    wb.assets = vec![
        Asset {
            medium: Some(Medium::Cloud),
            confidentiality: r(0),
            integrity: r(0),
            availability: r(0),
            ..Asset::named("頻度未設定")
        },
        Asset {
            medium: None,
            confidentiality: r(2),
            integrity: r(2),
            availability: r(2),
            ..Asset::named("媒体なし")
        },
    ];
    let result = assess(&wb);
    for asset in &result.assets {
        assert_eq!(asset.level, RiskLevel::Unrated);
        assert_eq!(asset.risk, None);
    }
    assert_eq!(result.level_counts(), LevelCounts::new(0, 0, 0, 2));
}

#[test]
fn worked_example_of_the_spec_comes_out_exactly() {
    let wb = sample_workbook(Catalogue::builtin());
    let result = assess(&wb);
    // (name, medium, importance, t, v, p, risk, level)
    let expected = [
        ("社員名簿", "事務所PC", 2, 3, 2, 2, 4, RiskLevel::High),
        ("社員名簿", "書類", 2, 2, 2, 1, 2, RiskLevel::Medium),
        (
            "給与システムデータ",
            "事務所PC",
            2,
            3,
            2,
            2,
            4,
            RiskLevel::High,
        ),
        ("当社宛請求書", "書類", 1, 2, 2, 1, 1, RiskLevel::Medium),
        ("発行済請求書控", "書類", 1, 2, 2, 1, 1, RiskLevel::Medium),
        (
            "電子メールデータ",
            "事務所PC",
            2,
            3,
            2,
            2,
            4,
            RiskLevel::High,
        ),
        (
            "電子メールデータ",
            "クラウド",
            2,
            3,
            2,
            2,
            4,
            RiskLevel::High,
        ),
    ];
    for (i, (name, medium, imp, t, v, p, risk, level)) in expected.into_iter().enumerate() {
        let asset = &wb.assets[i];
        let got = &result.assets[i];
        assert_eq!(asset.name, name);
        assert_eq!(asset.medium.unwrap().name(), medium);
        assert_eq!(got.number(Column::Importance), Some(imp), "{name}/{medium}");
        assert_eq!(got.number(Column::Threat), Some(t), "{name}/{medium}");
        assert_eq!(
            got.number(Column::Vulnerability),
            Some(v),
            "{name}/{medium}"
        );
        assert_eq!(got.number(Column::Likelihood), Some(p), "{name}/{medium}");
        assert_eq!(got.risk, Some(risk), "{name}/{medium}");
        assert_eq!(got.level, level, "{name}/{medium}");
    }
}

fn answer_category(wb: &mut Workbook, category: u8, answers: &[u8]) {
    let items: Vec<_> = wb.items_of(category).map(|i| i.no).collect();
    assert_eq!(items.len(), answers.len());
    for (no, &ans) in items.into_iter().zip(answers) {
        wb.items.iter_mut().find(|i| i.no == no).unwrap().answer = a(ans);
    }
}

#[test]
fn implementation_rates_of_the_guidelines_diagnosis_example() {
    // Seed 002's 診断結果: 62.5 %, 33.3 %, 14.3 %, 100.0 %.
    let mut wb = Workbook::from_catalogue(Catalogue::builtin());
    answer_category(&mut wb, 1, &[1, 1, 1, 1, 1, 2, 3, 3]);
    answer_category(&mut wb, 2, &[1, 1, 2, 2, 3, 3]);
    answer_category(&mut wb, 3, &[1, 2, 2, 2, 3, 3, 3]);
    answer_category(&mut wb, 4, &[1, 1, 4]);
    answer_category(&mut wb, 9, &[4, 4, 4]);
    answer_category(&mut wb, 10, &[4, 1, 4, 4]);
    let d = diagnose(&wb, &assess(&wb));
    let rates: Vec<String> = d.categories.iter().map(|c| rate_text(c.rate)).collect();
    assert_eq!(&rates[..4], ["62.5%", "33.3%", "14.3%", "100.0%"]);
    assert_eq!(rates[8], "該当なし", "every item answered 4");
    assert_eq!(rates[9], "100.0%");
    assert_eq!(
        rates[4], "0.0%",
        "unanswered items count as not implemented"
    );
    assert_eq!(d.categories[3].applicable, 2);
    assert_eq!(d.answered, 8 + 6 + 7 + 3 + 3 + 4);
    assert_eq!(d.total, 55);

    // No asset has マイナンバー, yet (4) is needed (every company); (9) all 4: not needed; (10) has
    // an item: needed.
    assert_eq!(d.categories[3].need, PolicyNeed::Needed);
    assert_eq!(d.categories[8].need, PolicyNeed::NotNeeded);
    assert_eq!(d.categories[9].need, PolicyNeed::Needed);
    assert_eq!(
        d.categories[0].need,
        PolicyNeed::Needed,
        "no assets, so no リスク大"
    );
    assert_eq!(d.categories[8].need.policy_text(), "—");
    assert_eq!(
        d.categories[0].need.policy_text(),
        "ポリシーで対策を規定して下さい"
    );
}

#[test]
fn a_category_countering_a_high_risk_threat_is_essential() {
    let mut wb = Workbook::from_catalogue(Catalogue::builtin());
    for t in &mut wb.threats {
        t.frequency = Some(f(1));
    }
    for i in &mut wb.items {
        i.answer = a(3);
    }
    // One 重要度 2 asset on 事務所PC; only the PC's virus threat is frequent (t=3, v=3 → p=3, risk 6).
    let index = virus_threat(&wb);
    let virus = &mut wb.threats[index];
    virus.frequency = Some(f(3));
    let virus_items = virus.items.clone();
    wb.assets.push(Asset {
        medium: Some(Medium::OfficePc),
        confidentiality: r(2),
        integrity: r(0),
        availability: r(0),
        my_number: true,
        ..Asset::named("顧客データ")
    });
    let result = assess(&wb);
    assert_eq!(result.assets[0].risk, Some(6));
    let d = diagnose(&wb, &result);
    for c in &d.categories {
        let counters = wb.items_of(c.no).any(|i| virus_items.contains(&i.no));
        let expected = if counters {
            PolicyNeed::Essential
        } else {
            PolicyNeed::Needed
        };
        assert_eq!(c.need, expected, "({}) {}", c.no, c.name);
    }
    assert_eq!(
        d.categories[3].need,
        PolicyNeed::Needed,
        "(4) is needed with or without マイナンバー 有"
    );
    assert_eq!(d.count(RiskLevel::High), 1);
}

#[test]
fn sample_diagnosis_counts() {
    let wb = sample_workbook(Catalogue::builtin());
    let d = diagnose(&wb, &assess(&wb));
    assert_eq!(d.answered, 55);
    let rates: Vec<String> = d.categories.iter().map(|c| rate_text(c.rate)).collect();
    assert_eq!(
        rates, SAMPLE_RATES,
        "the first four as in the guideline's example; (9) all answered 4"
    );
    assert_eq!(
        d.level_counts.total(),
        wb.assets.len(),
        "every asset is counted once"
    );
    assert_eq!(d.count(RiskLevel::Unrated), 0);
    assert_eq!(
        d.count(RiskLevel::Low),
        1,
        "only 廃版製品カタログ (重要度 0)"
    );
}
