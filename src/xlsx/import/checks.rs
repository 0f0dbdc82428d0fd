//! The 対策状況チェック sheet: each question with its 回答値, matched to the catalogue's items by
//! number, or by position within its category (1)〜(11); questions matching nothing are kept.

use super::sheet::Sheet;
use crate::domain::reading::Problem;
use crate::domain::{Answer, Catalogue, CheckItem, ItemNo};
use crate::xlsx::cells::{self, normalize};
use calamine::Data;
use std::collections::{HashMap, HashSet};

fn answer_from(cell: Option<&Data>) -> Result<Option<Answer>, cells::Unreadable> {
    if let Ok(v) = cells::leading_number(cell) {
        return v
            .map(Answer::new)
            .transpose()
            .map_err(|_| cells::Unreadable);
    }
    let t = normalize(&cells::text(cell)).replace('/', "／");
    Answer::ALL
        .into_iter()
        .find(|a| {
            normalize(a.label()).replace('/', "／") == t
                || (t == "実施していない" && *a == Answer::NotImplemented)
                || (t == "わからない" && *a == Answer::NotImplemented)
                || (t == "該当しない" && *a == Answer::NotApplicable)
        })
        .map(Some)
        .ok_or(cells::Unreadable)
}

fn category_number(text: &str) -> Option<u8> {
    let t = normalize(text);
    let inner = t.strip_prefix('(')?.split(')').next()?;
    inner.parse().ok()
}

pub(super) fn read_checks(
    sheet: &Sheet,
    catalogue: &Catalogue,
    problems: &mut Vec<Problem>,
    unmatched: &mut Vec<String>,
) -> Vec<CheckItem> {
    let Some(header) = sheet.find_row("回答") else {
        problems.push(sheet.sheet_problem("", "見出し「回答値」の行が見つかりません"));
        return Vec::new();
    };
    let find = |pred: &dyn Fn(&str) -> bool| sheet.header_col(header, pred);
    let answer_col = find(&|h| h.contains("回答") && !h.contains("意味"));
    let question_col = find(&|h| {
        h.contains("診断項目") || h.contains("チェック項目") || h == "内容" || h == "項目"
    });
    let no_col = find(&|h| h == "No." || h == "No" || h == "番号" || h == "項目番号");
    let category_col = find(&|h| h.contains("分類") || h.contains("対策の種類"));
    let (Some(answer_col), Some(question_col)) = (answer_col, question_col) else {
        problems.push(sheet.problem(header, 0, "チェック項目と回答値の列が見つかりません"));
        return Vec::new();
    };
    let mut items: Vec<CheckItem> = Vec::new();
    let mut category: Option<u8> = None;
    let mut used: HashSet<ItemNo> = HashSet::new();
    let mut next_free = catalogue.items.iter().map(|i| i.no.0).max().unwrap_or(0) + 1;
    let mut position_in_category: HashMap<u8, usize> = HashMap::new();
    for row in header + 1..sheet.rows().end {
        if let Some(c) = category_col
            && let Some(n) = category_number(&sheet.text(row, c))
        {
            category = Some(n);
        }
        let question = sheet.text(row, question_col);
        if question.is_empty() {
            continue;
        }
        let answer = match answer_from(sheet.get(row, answer_col)) {
            Ok(a) => a,
            Err(_) => {
                problems.push(sheet.problem(
                    row,
                    answer_col,
                    "回答値は 1〜4（または「2：一部実施している」のような形）で入力してください",
                ));
                None
            }
        };
        let number = no_col.and_then(|c| cells::leading_number(sheet.get(row, c)).ok().flatten());
        let by_number = number
            .map(|n| ItemNo(n as u16))
            .and_then(|no| {
                catalogue
                    .items
                    .iter()
                    .find(|i| i.no == no && !used.contains(&no))
            })
            .filter(|i| category.is_none_or(|c| c == i.category));
        let by_position = || {
            let c = category?;
            let pos = position_in_category.get(&c).copied().unwrap_or(0);
            catalogue
                .items
                .iter()
                .filter(|i| i.category == c)
                .nth(pos)
                .filter(|i| !used.contains(&i.no))
        };
        let matched = by_number.or_else(by_position);
        if let Some(c) = category.or(matched.map(|m| m.category)) {
            *position_in_category.entry(c).or_default() += 1;
        }
        let item = match matched {
            Some(m) => CheckItem {
                no: m.no,
                category: m.category,
                question,
                help: m.help.clone(),
                answer,
            },
            None => {
                let Some(c) = category else {
                    problems.push(sheet.problem(
                        row,
                        question_col,
                        "この項目の分類（(1)〜(11)）がわかりません",
                    ));
                    continue;
                };
                unmatched.push(format!(
                    "チェック項目「{question}」はカタログにないため、新しい項目として取り込みます"
                ));
                next_free += 1;
                CheckItem {
                    no: ItemNo(next_free - 1),
                    category: c,
                    question,
                    help: String::new(),
                    answer,
                }
            }
        };
        used.insert(item.no);
        items.push(item);
    }
    items
}
