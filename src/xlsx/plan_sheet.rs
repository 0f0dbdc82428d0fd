//! The 対策計画 sheet read back on import (`export::plan` writes it). A threat is named by its medium
//! (対象) and its name (内容), an item by its number, so the sheet means the same in another database.

use super::cells;
use super::layout::{PLAN, PLAN_FIRST_ROW, PLAN_ITEM, PLAN_THREAT};
use crate::domain::{ItemNo, Measure, PlanEntry, PlanStatus, Threat};
use calamine::{Data, Range};

/// The entries of a 対策計画 sheet, for the workbook's items and threats. A row that cannot be read
/// is left out and said in `notes` with its row and column.
pub(super) fn read(
    range: &Range<Data>,
    items: &[ItemNo],
    threats: &[Threat],
    notes: &mut Vec<String>,
) -> Vec<PlanEntry> {
    let start = range.start().map_or(0, |(r, _)| r);
    let mut out = Vec::new();
    for (k, row) in range.rows().enumerate() {
        let r = start + k as u32;
        if r < PLAN_FIRST_ROW {
            continue;
        }
        let cell = |c: usize| row.get(c);
        let kind = cells::text(cell(1));
        let target = cells::text(cell(2));
        let name = cells::text(cell(3));
        if kind.is_empty() && target.is_empty() && name.is_empty() {
            continue;
        }
        let at = |col: char| format!("シート「{PLAN}」{col}{}", r + 1);
        let measure = match kind.as_str() {
            PLAN_ITEM => match target
                .parse::<u16>()
                .ok()
                .map(ItemNo)
                .filter(|no| items.contains(no))
            {
                Some(no) => Measure::Item(no),
                None => {
                    notes.push(format!(
                        "{}：チェック項目「{target}」がないため、この行は取り込みませんでした",
                        at('C')
                    ));
                    continue;
                }
            },
            PLAN_THREAT => {
                match threats
                    .iter()
                    .find(|t| t.medium.name() == target && t.name == name)
                {
                    Some(t) => Measure::Threat(t.id),
                    None => {
                        notes.push(format!("{}：脅威「{name}」（{target}）がないため、この行は取り込みませんでした", at('D')));
                        continue;
                    }
                }
            }
            _ => {
                notes.push(format!("{}：種類「{kind}」は「項目」か「脅威」のはずです。この行は取り込みませんでした", at('B')));
                continue;
            }
        };
        let status_text = cells::text(cell(6));
        let status = if status_text.is_empty() {
            PlanStatus::NotStarted
        } else if let Some(s) = PlanStatus::from_label(&status_text) {
            s
        } else {
            notes.push(format!("{}：状態「{status_text}」は未着手・対応中・完了のどれでもないため、未着手として読みました", at('G')));
            PlanStatus::NotStarted
        };
        let due = cells::date(cell(5)).unwrap_or_else(|_| {
            notes.push(format!(
                "{}：期限「{}」を日付として読めないため、期限なしとしました",
                at('F'),
                cells::text(cell(5))
            ));
            None
        });
        out.push(PlanEntry {
            owner: cells::text(cell(4)),
            due,
            status,
            memo: cells::text(cell(7)),
            ..PlanEntry::new(measure)
        });
    }
    out
}
