//! Properties of the calculation over generated workbooks (proptest): リスク値 stays in 0–6, and it
//! never rises when an input gets better (lower rating, lower frequency, more implemented answers).

use proptest::prelude::*;
use riskbook::calc::priority::{item_gains, threat_gains};
use riskbook::calc::{RiskLevel, assess, likelihood, vulnerability};
use riskbook::domain::scales::Vulnerability;
use riskbook::domain::{Answer, Asset, Catalogue, Frequency, Medium, Rating, Workbook};

fn answer() -> impl Strategy<Value = Option<Answer>> {
    prop_oneof![
        Just(None),
        (1u8..=4).prop_map(|v| Some(Answer::new(v).unwrap()))
    ]
}

fn rating() -> impl Strategy<Value = Option<Rating>> {
    prop_oneof![
        Just(None),
        (0u8..=2).prop_map(|v| Some(Rating::new(v).unwrap()))
    ]
}

fn frequency() -> impl Strategy<Value = Option<Frequency>> {
    prop_oneof![
        Just(None),
        (1u8..=3).prop_map(|v| Some(Frequency::new(v).unwrap()))
    ]
}

fn asset() -> impl Strategy<Value = Asset> {
    (
        proptest::option::of(0usize..6),
        rating(),
        rating(),
        rating(),
    )
        .prop_map(|(m, c, i, a)| Asset {
            medium: m.map(|m| Medium::ALL[m]),
            confidentiality: c,
            integrity: i,
            availability: a,
            ..Asset::named("資産")
        })
}

/// A catalogue workbook with generated answers, frequencies and assets.
fn workbook() -> impl Strategy<Value = Workbook> {
    let n_items = Catalogue::builtin().items.len();
    let n_threats = Catalogue::builtin().threats.len();
    (
        proptest::collection::vec(answer(), n_items),
        proptest::collection::vec(frequency(), n_threats),
        proptest::collection::vec(asset(), 1..20),
    )
        .prop_map(|(answers, freqs, assets)| {
            let mut wb = Workbook::from_catalogue(Catalogue::builtin());
            for (item, a) in wb.items.iter_mut().zip(answers) {
                item.answer = a;
            }
            for (t, f) in wb.threats.iter_mut().zip(freqs) {
                t.frequency = f;
            }
            wb.assets = assets;
            wb
        })
}

/// Total リスク値 and number of リスク大 assets, recomputed asset by asset.
fn totals(wb: &Workbook) -> (u32, usize) {
    let a = assess(wb);
    let risk = a.assets.iter().filter_map(|r| r.risk).map(u32::from).sum();
    (risk, a.level_counts()[RiskLevel::High])
}

/// `wb` with these items answered 1.
fn with_implemented(wb: &Workbook, items: &[riskbook::domain::ItemNo]) -> Workbook {
    let mut changed = wb.clone();
    for item in changed.items.iter_mut().filter(|i| items.contains(&i.no)) {
        item.answer = Some(Answer::Implemented);
    }
    changed
}

fn risks(wb: &Workbook) -> Vec<Option<u8>> {
    assess(wb).assets.into_iter().map(|r| r.risk).collect()
}

/// Every computed risk of `better` is at most the one of `worse` (both computed).
fn not_higher(better: &[Option<u8>], worse: &[Option<u8>]) -> bool {
    better.iter().zip(worse).all(|(b, w)| match (b, w) {
        (Some(b), Some(w)) => b <= w,
        _ => true,
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn risk_is_always_between_0_and_6(wb in workbook()) {
        for r in assess(&wb).assets {
            if let Some(v) = r.risk {
                prop_assert!(v <= 6);
                prop_assert_eq!(Some(v), r.importance.zip(r.likelihood()).map(|(i, p)| i.value() * p.value()));
            }
        }
    }

    #[test]
    fn likelihood_is_1_to_3_and_monotone(t in 1u8..=3, v_ in 1u8..=3) {
        let (f, v) = (|t| Frequency::new(t).unwrap(), |v| Vulnerability::new(v).unwrap());
        let p = likelihood(f(t), v(v_));
        prop_assert!((1..=3).contains(&p.value()));
        if t < 3 { prop_assert!(likelihood(f(t + 1), v(v_)) >= p); }
        if v_ < 3 { prop_assert!(likelihood(f(t), v(v_ + 1)) >= p); }
    }

    #[test]
    fn implementing_an_item_never_raises_a_risk(wb in workbook(), k in 0usize..55) {
        let mut better = wb.clone();
        better.items[k].answer = Some(Answer::Implemented);
        if wb.items[k].answer != Some(Answer::NotApplicable) {
            prop_assert!(not_higher(&risks(&better), &risks(&wb)));
        }
    }

    #[test]
    fn vulnerability_never_rises_when_an_answer_improves(answers in proptest::collection::vec(answer(), 0..8), k in 0usize..8) {
        prop_assume!(k < answers.len() && answers[k] != Some(Answer::NotApplicable));
        let mut better = answers.clone();
        better[k] = Some(Answer::Implemented);
        prop_assert!(vulnerability(better) <= vulnerability(answers));
    }

    #[test]
    fn a_lower_frequency_never_raises_a_risk(wb in workbook(), k in 0usize..18) {
        let mut better = wb.clone();
        if let Some(f) = wb.threats[k].frequency.filter(|f| f.value() > 1) {
            better.threats[k].frequency = Some(Frequency::new(f.value() - 1).unwrap());
            prop_assert!(not_higher(&risks(&better), &risks(&wb)));
        }
    }

    #[test]
    fn a_lower_rating_never_raises_a_risk(wb in workbook(), a in 0usize..20, which in 0usize..3) {
        prop_assume!(a < wb.assets.len());
        let mut better = wb.clone();
        let slot = match which {
            0 => &mut better.assets[a].confidentiality,
            1 => &mut better.assets[a].integrity,
            _ => &mut better.assets[a].availability,
        };
        if let Some(r) = slot.filter(|r| r.value() > 0) {
            *slot = Some(Rating::new(r.value() - 1).unwrap());
            prop_assert!(not_higher(&risks(&better), &risks(&wb)));
        }
    }

    /// 対策優先度 counts assets per medium and 重要度 instead of recomputing every asset: both give the
    /// same drop for every candidate.
    #[test]
    fn priority_gains_equal_recomputing_every_asset(wb in workbook()) {
        let before = totals(&wb);
        for g in item_gains(&wb) {
            let after = totals(&with_implemented(&wb, &[g.no]));
            prop_assert_eq!((g.gain.risk_drop, g.gain.high_drop), (before.0 - after.0, before.1 - after.1));
        }
        for g in threat_gains(&wb) {
            let after = totals(&with_implemented(&wb, &g.open_items));
            prop_assert_eq!((g.gain.risk_drop, g.gain.high_drop), (before.0 - after.0, before.1 - after.1));
        }
    }
}
