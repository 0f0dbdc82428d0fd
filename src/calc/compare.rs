//! What changed between two assessments (two snapshots, or a snapshot and now): rates per category,
//! the answers that moved (better or worse, per category too: a rate counts only 「1 実施している」,
//! so 3 → 2 does not move it), assets per class, and every asset whose リスク値 went up or down.

use super::Evaluated;
use super::risk::{LevelCounts, RiskLevel};
use crate::domain::{Answer, Asset, AssetId, ItemNo, Medium, Workbook};
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq)]
pub struct RateChange {
    pub no: u8,
    pub name: String,
    pub before: Option<f64>,
    pub after: Option<f64>,
    /// The answers of the category that moved.
    pub answers: AnswerMoves,
}

impl RateChange {
    /// The answers moved but the rate did not: the change the rate cannot show.
    pub fn rate_hides_answers(&self) -> bool {
        self.before == self.after && self.answers.total() > 0
    }
}

/// Which way an answer moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AnswerMove {
    Better,
    Worse,
    /// To or from 4 該当しない, or between 3 and 未回答: neither better nor worse.
    Other,
}

/// An item whose answer differs between the two sides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AnswerChange {
    pub no: ItemNo,
    pub category: u8,
    pub before: Option<Answer>,
    pub after: Option<Answer>,
}

impl AnswerChange {
    pub fn direction(&self) -> AnswerMove {
        match (implemented(self.before), implemented(self.after)) {
            (Some(b), Some(a)) if a > b => AnswerMove::Better,
            (Some(b), Some(a)) if a < b => AnswerMove::Worse,
            _ => AnswerMove::Other,
        }
    }
}

/// How far an answer is implemented: 1 → 2, 2 → 1, 3 or 未回答 → 0 (未回答 is 「わからない」, as for
/// the 脆弱性); 4 該当しない is off this scale.
fn implemented(answer: Option<Answer>) -> Option<u8> {
    match answer {
        Some(Answer::Implemented) => Some(2),
        Some(Answer::Partly) => Some(1),
        Some(Answer::NotImplemented) | None => Some(0),
        Some(Answer::NotApplicable) => None,
    }
}

/// How many answers moved which way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AnswerMoves {
    pub better: usize,
    pub worse: usize,
    pub other: usize,
}

impl AnswerMoves {
    pub fn of<'a>(changes: impl IntoIterator<Item = &'a AnswerChange>) -> Self {
        let mut moves = AnswerMoves::default();
        for c in changes {
            match c.direction() {
                AnswerMove::Better => moves.better += 1,
                AnswerMove::Worse => moves.worse += 1,
                AnswerMove::Other => moves.other += 1,
            }
        }
        moves
    }

    pub fn total(&self) -> usize {
        self.better + self.worse + self.other
    }
}

/// An asset whose risk differs, or that exists on one side only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AssetChange {
    /// Its row on each side (None: not on that side); `asset` finds it. Rows rather than copies
    /// of the names keep comparing 100,000 assets quick.
    pub before_row: Option<usize>,
    pub after_row: Option<usize>,
    /// None: the asset did not exist (or had no risk) on that side.
    pub before: Option<u8>,
    pub after: Option<u8>,
    pub before_level: Option<RiskLevel>,
    pub after_level: Option<RiskLevel>,
}

impl AssetChange {
    /// The asset, as on the later side where it is on both.
    pub fn asset<'a>(&self, before: &'a Workbook, after: &'a Workbook) -> &'a Asset {
        match (self.after_row, self.before_row) {
            (Some(i), _) => &after.assets[i],
            (None, Some(j)) => &before.assets[j],
            (None, None) => unreachable!("a change is on one side at least"),
        }
    }

    /// 上昇 / 低下 / 追加 / 削除 / 変化
    pub fn direction(&self) -> &'static str {
        match (self.before_level, self.after_level) {
            (None, Some(_)) => "追加",
            (Some(_), None) => "削除",
            _ => match (self.before, self.after) {
                (Some(b), Some(a)) if a > b => "上昇",
                (Some(b), Some(a)) if a < b => "低下",
                _ => "変化",
            },
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub rates: Vec<RateChange>,
    pub levels_before: LevelCounts,
    pub levels_after: LevelCounts,
    pub assets: Vec<AssetChange>,
    /// Every item whose answer differs, in item order.
    pub answers: Vec<AnswerChange>,
    /// Of all of them (`answers.len()`).
    pub answer_moves: AnswerMoves,
    pub answers_changed: usize,
    pub frequencies_changed: usize,
}

pub fn compare(before: &Evaluated, after: &Evaluated) -> Comparison {
    let (ab, aa) = (&before.assessment, &after.assessment);
    let (db, da) = (&before.diagnosis, &after.diagnosis);
    let (before, after) = (&before.workbook, &after.workbook);
    let answers = answer_changes(before, after);
    let rates = da
        .categories
        .iter()
        .map(|c| RateChange {
            no: c.no,
            name: c.name.clone(),
            before: db
                .categories
                .iter()
                .find(|o| o.no == c.no)
                .and_then(|o| o.rate),
            after: c.rate,
            answers: AnswerMoves::of(answers.iter().filter(|a| a.category == c.no)),
        })
        .collect();

    // Assets are matched by id first (usually at the same row, else through a map of the rows);
    // ones re-created by an import, by name and medium.
    let same_row = |i: usize| {
        let id = after.assets[i].id;
        (id != AssetId::default() && before.assets.get(i).is_some_and(|b| b.id == id)).then_some(i)
    };
    let mut by_id: Option<HashMap<AssetId, usize>> = None;
    let mut matched_before = vec![false; before.assets.len()];
    let mut by_index: Vec<Option<usize>> = Vec::with_capacity(after.assets.len());
    for (i, a) in after.assets.iter().enumerate() {
        let j = same_row(i).or_else(|| {
            if a.id == AssetId::default() {
                return None;
            }
            let by_id = by_id.get_or_insert_with(|| {
                before
                    .assets
                    .iter()
                    .enumerate()
                    .filter(|(_, b)| b.id != AssetId::default())
                    .map(|(j, b)| (b.id, j))
                    .collect()
            });
            by_id.get(&a.id).copied()
        });
        by_index.push(j.filter(|&j| !std::mem::replace(&mut matched_before[j], true)));
    }
    if by_index.iter().any(Option::is_none) {
        // Only the assets left over are matched by name (usually none are left).
        let mut by_name: HashMap<(&str, Option<Medium>), Vec<usize>> = HashMap::new();
        for (j, b) in before.assets.iter().enumerate().rev() {
            if !matched_before[j] {
                by_name
                    .entry((b.name.as_str(), b.medium))
                    .or_default()
                    .push(j);
            }
        }
        for (i, a) in after.assets.iter().enumerate() {
            if by_index[i].is_none() {
                by_index[i] = by_name
                    .get_mut(&(a.name.as_str(), a.medium))
                    .and_then(|js| js.pop());
                if let Some(j) = by_index[i] {
                    matched_before[j] = true;
                }
            }
        }
    }
    // Room for every asset changed (a comparison with now after an answer moved changes most of
    // them): growing the list as it fills copied it again and again.
    let removed = matched_before.iter().filter(|m| !**m).count();
    let mut assets = Vec::with_capacity(aa.assets.len() + removed);
    for (i, (now, matched)) in aa.assets.iter().zip(&by_index).enumerate() {
        match *matched {
            Some(j) => {
                let then = &ab.assets[j];
                if then.risk != now.risk {
                    assets.push(AssetChange {
                        before_row: Some(j),
                        after_row: Some(i),
                        before: then.risk,
                        after: now.risk,
                        before_level: Some(then.level),
                        after_level: Some(now.level),
                    });
                }
            }
            None => assets.push(AssetChange {
                before_row: None,
                after_row: Some(i),
                before: None,
                after: now.risk,
                before_level: None,
                after_level: Some(now.level),
            }),
        }
    }
    // Those only before: removed since.
    for (j, _) in matched_before.iter().enumerate().filter(|(_, m)| !**m) {
        assets.push(AssetChange {
            before_row: Some(j),
            after_row: None,
            before: ab.assets[j].risk,
            after: None,
            before_level: Some(ab.assets[j].level),
            after_level: None,
        });
    }
    let assets = largest_rise_first(assets);
    let frequencies_changed = after
        .threats
        .iter()
        .filter(|t| {
            before
                .threats
                .iter()
                .find(|o| o.medium == t.medium && o.name == t.name)
                .map(|o| o.frequency)
                != Some(t.frequency)
        })
        .count();
    Comparison {
        rates,
        levels_before: db.level_counts,
        levels_after: da.level_counts,
        assets,
        answer_moves: AnswerMoves::of(&answers),
        answers_changed: answers.len(),
        answers,
        frequencies_changed,
    }
}

/// The items of `after` answered otherwise in `before` (an item `before` lacks counts as 未回答 there).
fn answer_changes(before: &Workbook, after: &Workbook) -> Vec<AnswerChange> {
    after
        .items
        .iter()
        .filter_map(|i| {
            let was = before
                .items
                .iter()
                .find(|o| o.no == i.no)
                .and_then(|o| o.answer);
            (was != i.answer).then_some(AnswerChange {
                no: i.no,
                category: i.category,
                before: was,
                after: i.answer,
            })
        })
        .collect()
}

/// Largest rise first, then down to the largest fall; equal changes stay in 台帳 order. A リスク値
/// is 0–6, so a change is one of 13 steps: the changes are dealt into them (100,000 changes of a
/// comparison with now are sorted in one pass, on every edit that 履歴 shows).
fn largest_rise_first(changes: Vec<AssetChange>) -> Vec<AssetChange> {
    const MAX: i16 = 6;
    let step = |c: &AssetChange| {
        let delta = c.after.unwrap_or(0) as i16 - c.before.unwrap_or(0) as i16;
        (MAX - delta.clamp(-MAX, MAX)) as usize
    };
    let Some(&first) = changes.first() else {
        return changes;
    };
    let mut next = [0usize; 2 * MAX as usize + 1];
    for c in &changes {
        next[step(c)] += 1;
    }
    let mut start = 0;
    for slot in &mut next {
        (*slot, start) = (start, start + *slot);
    }
    // Each change copied once, to its place (the list starts as copies of the first change).
    let mut ordered = vec![first; changes.len()];
    for c in &changes {
        let at = &mut next[step(c)];
        ordered[*at] = *c;
        *at += 1;
    }
    ordered
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(before: Option<u8>, after: Option<u8>, row: usize) -> AssetChange {
        AssetChange {
            before_row: Some(row),
            after_row: Some(row),
            before,
            after,
            before_level: Some(RiskLevel::of(before)),
            after_level: Some(RiskLevel::of(after)),
        }
    }

    fn moved(before: Option<u8>, after: Option<u8>) -> AnswerMove {
        let answer = |v: Option<u8>| v.map(|v| Answer::new(v).unwrap());
        AnswerChange {
            no: ItemNo(1),
            category: 1,
            before: answer(before),
            after: answer(after),
        }
        .direction()
    }

    #[test]
    fn an_answer_is_better_the_more_it_is_implemented_and_4_or_unanswered_to_3_is_neither() {
        assert_eq!(moved(Some(3), Some(2)), AnswerMove::Better);
        assert_eq!(moved(None, Some(1)), AnswerMove::Better);
        assert_eq!(moved(Some(2), Some(1)), AnswerMove::Better);
        assert_eq!(moved(Some(1), Some(2)), AnswerMove::Worse);
        assert_eq!(moved(Some(2), None), AnswerMove::Worse);
        assert_eq!(moved(Some(3), None), AnswerMove::Other);
        assert_eq!(moved(Some(4), Some(1)), AnswerMove::Other);
        assert_eq!(moved(Some(1), Some(4)), AnswerMove::Other);
    }

    #[test]
    fn changes_are_ordered_from_the_largest_rise_keeping_the_register_order_among_equals() {
        let changes = vec![
            change(Some(2), Some(1), 0),
            change(Some(0), Some(6), 1),
            change(Some(4), Some(2), 2),
            change(Some(1), Some(2), 3),
            change(None, Some(4), 4),
            change(Some(3), Some(1), 5),
        ];
        let rows: Vec<_> = largest_rise_first(changes)
            .iter()
            .map(|c| c.after_row.unwrap())
            .collect();
        assert_eq!(rows, [1, 4, 3, 0, 2, 5]);
    }
}
