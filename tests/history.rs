//! Snapshots (「診断を確定」) and the comparison of two assessments, on the sample company.

mod common;
use common::data::{SAMPLE_RATES, virus_threat};
use riskbook::calc::compare::{AnswerMove, AnswerMoves, compare};
use riskbook::calc::{Evaluated, LevelCounts, rate_text};
use riskbook::domain::{Answer, Asset, Catalogue, ItemNo, Medium, Rating};
use riskbook::operations::Session;
use riskbook::sample::sample_workbook;

fn sample_session(path: &std::path::Path) -> Session {
    let mut s = Session::open(path).unwrap();
    s.replace_all(&sample_workbook(Catalogue::builtin()))
        .unwrap();
    s
}

#[test]
fn a_snapshot_keeps_the_whole_state_across_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.db");
    let mut s = sample_session(&path);
    let id = s.take_snapshot("2026年度 第1回").unwrap();
    let kept = s.workbook().clone();
    drop(s);
    let s = Session::open(&path).unwrap();
    let list = s.snapshots().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].id, id);
    assert_eq!(list[0].note, "2026年度 第1回");
    assert_eq!(s.snapshot(id).unwrap(), kept);
}

#[test]
fn comparison_shows_what_went_down_up_and_away() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = sample_session(&dir.path().join("r.db"));
    s.take_snapshot("前回").unwrap();
    let before = s.snapshot(s.snapshots().unwrap()[0].id).unwrap();

    // Since then: every item against the PC virus threat implemented, the old catalogue removed,
    // a new cloud system (重要度 2) added.
    let virus = s.workbook().threats[virus_threat(s.workbook())]
        .items
        .clone();
    for no in &virus {
        s.apply(riskbook::domain::Edit::SetAnswer(
            *no,
            Some(Answer::Implemented),
        ))
        .unwrap();
    }
    let old = s
        .workbook()
        .assets
        .iter()
        .find(|a| a.name == "廃版製品カタログ")
        .unwrap()
        .id;
    s.apply(riskbook::domain::Edit::DeleteAsset(old)).unwrap();
    let two = Rating::new(2).ok();
    s.apply(riskbook::domain::Edit::InsertAsset {
        index: 99,
        asset: Asset {
            medium: Some(Medium::Cloud),
            confidentiality: two,
            integrity: two,
            availability: two,
            ..Asset::named("新しい受発注システム")
        },
    })
    .unwrap();

    let before = Evaluated::new(before);
    let c = compare(&before, s.results());
    // 大 13 → 13 − 6 PC assets + 1 new = 8; 中 18 + 6 = 24; 小 1 → 0 (removed).
    assert_eq!(c.levels_before, LevelCounts::new(13, 18, 1, 0));
    assert_eq!(c.levels_after, LevelCounts::new(8, 24, 0, 0));
    // Of the eight, No.13, 27 and 37 were 2 and No.54 was 3; the others were 1 already.
    assert_eq!(c.answers_changed, 4);
    assert_eq!(
        c.answer_moves,
        AnswerMoves {
            better: 4,
            worse: 0,
            other: 0
        }
    );
    assert_eq!(c.frequencies_changed, 0);
    let rates: Vec<(String, String)> = c
        .rates
        .iter()
        .map(|r| (rate_text(r.before), rate_text(r.after)))
        .collect();
    // The open virus items: 13 (2), 27 (5), 37 (7), 54 (11).
    let was = SAMPLE_RATES;
    let expect = [
        "62.5%",
        "50.0%",
        "14.3%",
        "100.0%",
        "66.7%",
        "50.0%",
        "60.0%",
        "33.3%",
        "該当なし",
        "25.0%",
        "33.3%",
    ];
    for (i, (before, after)) in rates.iter().enumerate() {
        assert_eq!(before, was[i], "({})", i + 1);
        assert_eq!(after, expect[i], "({})", i + 1);
    }
    let changes: Vec<(String, &str, Option<u8>, Option<u8>)> = c
        .assets
        .iter()
        .map(|a| {
            let name = a.asset(&before.workbook, s.workbook()).name.clone();
            (name, a.direction(), a.before, a.after)
        })
        .collect();
    assert_eq!(changes.len(), 8, "{changes:#?}");
    assert_eq!(
        changes[0],
        ("新しい受発注システム".into(), "追加", None, Some(4))
    );
    assert_eq!(
        changes[1],
        ("廃版製品カタログ".into(), "削除", Some(0), None)
    );
    let fallen: Vec<&str> = changes[2..].iter().map(|c| c.0.as_str()).collect();
    assert_eq!(
        fallen,
        [
            "社員名簿",
            "給与システムデータ",
            "電子メールデータ",
            "会計データ",
            "請求書発行データ",
            "生産計画表"
        ]
    );
    assert!(
        changes[2..]
            .iter()
            .all(|c| c.1 == "低下" && c.2 == Some(4) && c.3 == Some(2))
    );
}

fn answer_every_item(wb: &mut riskbook::domain::Workbook, answer: u8) {
    for item in &mut wb.items {
        item.answer = Some(Answer::new(answer).unwrap());
    }
}

#[test]
fn answers_that_moved_without_moving_a_rate_are_counted_per_category() {
    // Every answer 3 then, every answer 2 now: each rate stays 0.0 % (or 該当なし), yet all 55 got
    // better, and each category says how many of its own did.
    let mut then = sample_workbook(Catalogue::builtin());
    answer_every_item(&mut then, 3);
    let mut now = then.clone();
    answer_every_item(&mut now, 2);
    let c = compare(&Evaluated::new(then), &Evaluated::new(now.clone()));
    assert_eq!(c.answers_changed, 55);
    assert_eq!(
        c.answer_moves,
        AnswerMoves {
            better: 55,
            worse: 0,
            other: 0
        }
    );
    for r in &c.rates {
        assert_eq!(r.before, r.after, "({})", r.no);
        assert_eq!(r.answers.better, now.items_of(r.no).count(), "({})", r.no);
        assert!(r.rate_hides_answers(), "({})", r.no);
    }

    // Back to 3 on one item, 4 on another: one worse, one neither.
    let mut later = now.clone();
    later.items[0].answer = Some(Answer::NotImplemented);
    later.items[1].answer = Some(Answer::NotApplicable);
    let c = compare(&Evaluated::new(now), &Evaluated::new(later));
    assert_eq!(
        c.answer_moves,
        AnswerMoves {
            better: 0,
            worse: 1,
            other: 1
        }
    );
    assert_eq!(c.answers.len(), 2);
    assert_eq!(c.rates[0].answers, c.answer_moves, "both in (1)");
    assert!(c.rates[1..].iter().all(|r| r.answers.total() == 0));
}

#[test]
fn the_sample_has_two_earlier_assessments_each_better_than_the_last() {
    let dir = tempfile::tempdir().unwrap();
    let s = common::data::sample_session(&dir.path().join("r.db"));
    let records = s.snapshots().unwrap();
    let when: Vec<(&str, &str)> = records
        .iter()
        .map(|r| (r.taken_at.as_str(), r.note.as_str()))
        .collect();
    assert_eq!(
        when,
        [
            ("2024-04-01 10:00:00", "初回の診断（見本）"),
            ("2025-04-01 10:00:00", "2 回目の診断（見本）")
        ]
    );
    let first = Evaluated::new(s.snapshot(records[0].id).unwrap());
    let second = Evaluated::new(s.snapshot(records[1].id).unwrap());
    assert_eq!(
        (first.workbook.assets.len(), second.workbook.assets.len()),
        (24, 28)
    );
    assert!(first.workbook.plan.is_empty() && second.workbook.plan.is_empty());
    let rates = |e: &Evaluated| -> Vec<String> {
        e.diagnosis
            .categories
            .iter()
            .map(|c| rate_text(c.rate))
            .collect()
    };
    assert_eq!(
        rates(&first),
        [
            "12.5%",
            "0.0%",
            "0.0%",
            "0.0%",
            "16.7%",
            "25.0%",
            "0.0%",
            "16.7%",
            "該当なし",
            "0.0%",
            "0.0%"
        ]
    );
    assert_eq!(
        rates(&second),
        [
            "25.0%",
            "0.0%",
            "14.3%",
            "66.7%",
            "33.3%",
            "50.0%",
            "0.0%",
            "16.7%",
            "該当なし",
            "25.0%",
            "0.0%"
        ]
    );
    // リスク大 fell as a share, and falls to 13 of 32 now.
    assert_eq!(first.diagnosis.level_counts, LevelCounts::new(18, 6, 0, 0));
    assert_eq!(
        second.diagnosis.level_counts,
        LevelCounts::new(18, 10, 0, 0)
    );
    assert_eq!(
        s.results().diagnosis.level_counts,
        LevelCounts::new(13, 18, 1, 0)
    );

    // A year ago against now: 18 answers better, No.44 (ログの確認) worse; (3), (10) and (11)
    // kept their rates although answers moved.
    let c = compare(&second, s.results());
    assert_eq!(
        c.answer_moves,
        AnswerMoves {
            better: 18,
            worse: 1,
            other: 0
        }
    );
    let worse: Vec<u16> = c
        .answers
        .iter()
        .filter(|a| a.direction() == AnswerMove::Worse)
        .map(|a| a.no.0)
        .collect();
    assert_eq!(worse, [44]);
    let hidden: Vec<u8> = c
        .rates
        .iter()
        .filter(|r| r.rate_hides_answers())
        .map(|r| r.no)
        .collect();
    assert_eq!(hidden, [3, 10, 11]);
}

#[test]
fn every_plan_entry_of_the_sample_agrees_with_the_answers() {
    use riskbook::domain::{Measure, PlanStatus};
    let wb = sample_workbook(Catalogue::builtin());
    let answer = |no: ItemNo| wb.items.iter().find(|i| i.no == no).unwrap().answer;
    for entry in &wb.plan {
        let items = match entry.measure {
            Measure::Item(no) => vec![no],
            Measure::Threat(id) => wb
                .threats
                .iter()
                .find(|t| t.id == id)
                .unwrap()
                .items
                .clone(),
        };
        let done = items
            .iter()
            .all(|&no| answer(no) == Some(Answer::Implemented));
        assert_eq!(
            done,
            entry.status == PlanStatus::Done,
            "{:?} {:?}",
            entry.measure,
            entry.status
        );
    }
}
