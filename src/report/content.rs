//! What the printed 診断結果 says, in order: cover block, diagnosis table, assets per class, the assets
//! with リスク大 and リスク中, the 対策計画, the 13 規程 with the company's status of each, and a to-do
//! list of questions for each category that needs a policy.

use super::layout::{BLACK, Cell, Composer, GREY, MARGIN, Measure, Op, TableColumn, fit};
use crate::calc::compare::compare;
use crate::calc::diagnosis::PRIORITIES_NEED_ANSWERS;
use crate::calc::policy::{company_table, suggested_profile};
use crate::calc::priority::threat_gains;
use crate::calc::treatment::{TreatmentRow, treatment_list};
use crate::calc::{Evaluated, PolicyNeed, RiskLevel, rate_text};
use crate::domain::dates::long_date;
use crate::domain::policy::{Condition, DocumentStatus, Question, yes_no};
use crate::domain::register::COMPUTED_SHOWN;
use crate::domain::{Decision, PlanStatus, Treatment};
use chrono::NaiveDate;

/// Everything the report is made from.
pub struct ReportInput<'a> {
    pub results: &'a Evaluated,
    /// 報告書作成日: on the cover and in the footer of every page.
    pub created_on: NaiveDate,
    /// The last confirmed assessment, when the comparison (前回との比較) is asked for: its label and state.
    pub previous: Option<(&'a str, &'a Evaluated)>,
}

fn date(d: Option<NaiveDate>) -> String {
    d.map_or("（未入力）".into(), long_date)
}

fn or_blank(text: &str) -> &str {
    if text.trim().is_empty() {
        "（未入力）"
    } else {
        text
    }
}

fn cover(c: &mut Composer, input: &ReportInput) {
    let s = &input.results.workbook.settings;
    c.text_at(
        MARGIN,
        MARGIN + 20.0,
        20.0,
        BLACK,
        "情報セキュリティ 診断結果",
    );
    c.space(34.0);
    c.paragraph(
        "IPA「中小企業の情報セキュリティ対策ガイドライン」ツールA（リスク分析シート）の方法による診断",
        9.0,
        GREY,
    );
    c.space(6.0);
    let d = &input.results.diagnosis;
    let rows = [
        ("会社名", or_blank(&s.company).to_string()),
        ("診断日", date(s.assessed_on)),
        ("診断実施者", or_blank(&s.assessor).to_string()),
        ("報告書作成日", date(Some(input.created_on))),
        (
            "対象",
            format!(
                "情報資産 {} 件、対策状況チェック {} / {} 問回答",
                input.results.workbook.assets.len(),
                d.answered,
                d.total
            ),
        ),
    ];
    for (label, value) in rows {
        c.ensure(18.0);
        let y = c.y() + 11.0;
        c.text_at(MARGIN, y, 10.5, GREY, label);
        c.text_at(MARGIN + 90.0, y, 10.5, BLACK, &value);
        c.space(17.0);
    }
}

pub(super) fn diagnosis_table(c: &mut Composer, input: &ReportInput) {
    c.heading("対策状況チェックの診断結果");
    let w = c.content_width();
    let columns = [
        TableColumn::left("対策の種類（情報セキュリティポリシー名称）", w * 0.47),
        TableColumn::left("必要性", w * 0.07),
        TableColumn::left("対策の実施率", w * 0.18),
        TableColumn::left("対策規定の要否", w * 0.28),
    ];
    let rows: Vec<Vec<Cell>> = input
        .results
        .diagnosis
        .categories
        .iter()
        .map(|cat| {
            vec![
                Cell::Text(format!("({}) {}", cat.no, cat.name)),
                Cell::Text(cat.mark_text().into()),
                Cell::Bar(cat.rate.unwrap_or(0.0) as f32, cat.rate_label()),
                Cell::Text(cat.policy_line().into()),
            ]
        })
        .collect();
    c.table(&columns, &rows, 8.5);
    c.paragraph(
        "◎：リスク大の情報資産を生む脅威への対策を含む分類　○：ポリシーの策定が必要な分類　—：自社に該当しない分類。\
         実施率 = 「1 実施している」の数 ÷ 「4 自社には該当しない」以外の数（未回答は未実施として数える）。",
        8.0,
        GREY,
    );
}

pub(super) fn level_chart(c: &mut Composer, input: &ReportInput) {
    c.heading("リスク値ごとの情報資産の数");
    let counts = input.results.diagnosis.level_counts;
    let max = counts.largest().max(1) as f32;
    let bar_max = c.content_width() - 160.0;
    for level in RiskLevel::ALL {
        c.ensure(18.0);
        let n = counts[level];
        let y = c.y();
        c.text_at(MARGIN, y + 10.0, 9.5, BLACK, level.label());
        c.rect(MARGIN + 60.0, y + 1.0, bar_max, 11.0, (238, 238, 238));
        c.rect(
            MARGIN + 60.0,
            y + 1.0,
            bar_max * n as f32 / max,
            11.0,
            level.colors().fill,
        );
        c.text_at(
            MARGIN + 66.0 + bar_max,
            y + 10.0,
            9.5,
            BLACK,
            &format!("{n} 件"),
        );
        c.space(16.0);
    }
    c.space(4.0);
}

fn risky_assets(c: &mut Composer, input: &ReportInput) {
    c.heading("リスク大・リスク中の情報資産");
    let wb = &input.results.workbook;
    let risks = &input.results.assessment.assets;
    let rows = input.results.assessment.risky_rows();
    if rows.is_empty() {
        c.paragraph("リスク大・リスク中の情報資産はありません。", 9.5, BLACK);
        return;
    }
    let w = c.content_width();
    let columns = [
        TableColumn::right("No.", w * 0.07),
        TableColumn::left("情報資産名称", w * 0.33),
        TableColumn::left("媒体・保存先", w * 0.15),
        TableColumn::right("重要度", w * 0.08),
        TableColumn::right("脅威", w * 0.07),
        TableColumn::right("脆弱性", w * 0.08),
        TableColumn::right("可能性", w * 0.08),
        TableColumn::left("リスク値", w * 0.14),
    ];
    let n = |v: Option<u8>| v.map_or("—".to_string(), |v| v.to_string());
    let table: Vec<Vec<Cell>> = rows
        .into_iter()
        .map(|i| {
            let a = &wb.assets[i];
            let r = &risks[i];
            let mut cells = vec![
                Cell::Text((i + 1).to_string()),
                Cell::Text(a.name.clone()),
                Cell::Text(a.medium.map_or("", |m| m.name()).into()),
            ];
            cells.extend(COMPUTED_SHOWN.map(|c| Cell::Text(n(r.number(c)))));
            cells.push(Cell::Filled(
                format!("{} {}", n(r.risk), r.level.label()),
                r.level.colors(),
            ));
            cells
        })
        .collect();
    c.table(&columns, &table, 8.5);
}

pub(super) fn comparison(c: &mut Composer, input: &ReportInput) {
    let Some((label, before)) = &input.previous else {
        return;
    };
    let cmp = compare(before, input.results);
    c.heading(&format!("前回との比較（前回：{label}）"));
    let (b, a) = (cmp.levels_before, cmp.levels_after);
    c.paragraph(
        &format!(
            "リスク大 {} → {} 件、リスク中 {} → {} 件、リスク小 {} → {} 件、未算定 {} → {} 件。回答の変更 {} 問、脅威の頻度の変更 {} 件。",
            b[RiskLevel::High], a[RiskLevel::High], b[RiskLevel::Medium], a[RiskLevel::Medium], b[RiskLevel::Low], a[RiskLevel::Low], b[RiskLevel::Unrated], a[RiskLevel::Unrated], cmp.answers_changed, cmp.frequencies_changed
        ),
        9.0,
        BLACK,
    );
    let w = c.content_width();
    let columns = [
        TableColumn::left("対策の種類", w * 0.6),
        TableColumn::right("前回の実施率", w * 0.2),
        TableColumn::right("今回の実施率", w * 0.2),
    ];
    let rows: Vec<Vec<Cell>> = cmp
        .rates
        .iter()
        .map(|r| {
            vec![
                Cell::Text(format!("({}) {}", r.no, r.name)),
                Cell::Text(rate_text(r.before)),
                Cell::Text(rate_text(r.after)),
            ]
        })
        .collect();
    c.table(&columns, &rows, 8.5);
    if cmp.assets.is_empty() {
        c.paragraph("リスク値の変わった情報資産はありません。", 9.0, BLACK);
        return;
    }
    let columns = [
        TableColumn::left("情報資産名称", w * 0.4),
        TableColumn::left("媒体・保存先", w * 0.2),
        TableColumn::right("前回", w * 0.13),
        TableColumn::right("今回", w * 0.13),
        TableColumn::left("変化", w * 0.14),
    ];
    let n = |v: Option<u8>| v.map_or("—".to_string(), |v| v.to_string());
    let rows: Vec<Vec<Cell>> = cmp
        .assets
        .iter()
        .map(|x| {
            let asset = x.asset(&before.workbook, &input.results.workbook);
            vec![
                Cell::Text(asset.name.clone()),
                Cell::Text(asset.medium.map_or("", |m| m.name()).into()),
                Cell::Text(n(x.before)),
                Cell::Text(n(x.after)),
                Cell::Text(x.direction().into()),
            ]
        })
        .collect();
    c.table(&columns, &rows, 8.5);
}

fn priorities(c: &mut Composer, input: &ReportInput) {
    if input.results.diagnosis.answered == 0 {
        c.heading("対策優先度（リスクを下げる効果の大きい順）");
        c.paragraph(PRIORITIES_NEED_ANSWERS, 9.0, BLACK);
        return;
    }
    let gains: Vec<_> = threat_gains(&input.results.workbook)
        .into_iter()
        .filter(|g| g.gain.risk_drop > 0)
        .take(10)
        .collect();
    if gains.is_empty() {
        return;
    }
    c.heading("対策優先度（リスクを下げる効果の大きい順）");
    c.paragraph(
        "その脅威に関係するチェック項目をすべて実施した場合に、リスク大の数とリスク値の合計がどれだけ減るか。",
        8.5,
        GREY,
    );
    let w = c.content_width();
    let columns = [
        TableColumn::left("媒体・保存先", w * 0.13),
        TableColumn::left("脅威", w * 0.51),
        TableColumn::right("リスク大の\n減少", w * 0.12),
        TableColumn::right("リスク値の\n減少", w * 0.12),
        TableColumn::right("未実施の項目", w * 0.12),
    ];
    let rows: Vec<Vec<Cell>> = gains
        .iter()
        .map(|g| {
            vec![
                Cell::Text(g.medium.name().into()),
                Cell::Text(g.name.clone()),
                Cell::Text(format!("{} 件", g.gain.high_drop)),
                Cell::Text(g.gain.risk_drop.to_string()),
                Cell::Text(format!("{} 項目", g.open_items.len())),
            ]
        })
        .collect();
    c.table(&columns, &rows, 8.5);
}

/// リスク対応 (手順3): the リスク大・中 assets undecided, then decided (each 保有 with who accepted it
/// and when, what a decision lacks said so), then decisions no longer needed.
fn treatments(c: &mut Composer, input: &ReportInput) {
    let wb = &input.results.workbook;
    let list = treatment_list(wb, &input.results.assessment);
    if list.needed.is_empty() && list.not_needed.is_empty() {
        return;
    }
    c.heading("リスク対応");
    let undecided = list.undecided();
    c.paragraph(
        &format!(
            "リスク大・中の情報資産 {} 件のうち、対応を決めたもの {} 件（うち不足あり {} 件）、未決定 {undecided} 件。\
             保有は承認者と承認日、回避・移転は変更内容、低減はリスク値を下げる対策計画があって決定済みです。",
            list.needed.len(),
            list.needed.len() - undecided,
            list.incomplete()
        ),
        8.5,
        GREY,
    );
    let line = |r: &TreatmentRow| {
        let risk = r.risk.map_or(String::new(), |v| format!(" {v}"));
        format!(
            "台帳 {}行目　{}（{}{risk}）",
            r.row + 1,
            wb.assets[r.row].name,
            r.level.label()
        )
    };
    if undecided > 0 {
        c.ensure(30.0);
        c.paragraph("未決定", 10.0, BLACK);
        for r in list.needed.iter().filter(|r| r.decision.is_none()) {
            c.hanging(&format!("□ {}", line(r)), 8.5, BLACK, 12.0);
        }
        c.space(4.0);
    }
    let decided: Vec<&TreatmentRow> = list
        .needed
        .iter()
        .filter(|r| r.decision.is_some())
        .collect();
    if !decided.is_empty() {
        c.ensure(30.0);
        c.paragraph("決定済み", 10.0, BLACK);
        for r in decided {
            let t = wb
                .treatment(r.asset)
                .expect("a decided row has its treatment");
            let missing =
                Treatment::missing_text(&r.missing).map_or(String::new(), |m| format!("　※{m}"));
            c.ensure(30.0);
            c.hanging(
                &format!("・{}：{}{missing}", line(r), t.decision.label()),
                9.0,
                BLACK,
                12.0,
            );
            let mut details = vec![format!("理由：{}", or_blank(&t.reason))];
            match t.decision {
                Decision::Accept => details.push(format!(
                    "承認者：{}　承認日：{}",
                    or_blank(&t.accepted_by),
                    date(t.accepted_on)
                )),
                Decision::Avoid | Decision::Transfer => {
                    details.push(format!("変更内容：{}", or_blank(&t.change)))
                }
                Decision::Reduce => {
                    let entries: Vec<String> = r
                        .lowering
                        .iter()
                        .map(|i| format!("{}件目", i + 1))
                        .collect();
                    details.push(if entries.is_empty() {
                        "対策計画：（なし）".into()
                    } else {
                        format!("対策計画：{}", entries.join("、"))
                    });
                }
            }
            c.hanging(&format!("　{}", details.join("　")), 8.5, GREY, 24.0);
        }
        c.space(4.0);
    }
    if !list.not_needed.is_empty() {
        c.ensure(30.0);
        c.paragraph(
            "リスクが下がり不要になった対応（記録として残しています）",
            10.0,
            BLACK,
        );
        for r in &list.not_needed {
            c.hanging(
                &format!(
                    "・{}：{}（{}）",
                    line(r),
                    r.decision.map_or("", Decision::label),
                    r.need.label()
                ),
                8.5,
                GREY,
                12.0,
            );
        }
        c.space(4.0);
    }
}

/// 対策計画: what, who, by when, how far; overdue on the report's date said so.
fn plan(c: &mut Composer, input: &ReportInput) {
    let wb = &input.results.workbook;
    if wb.plan.is_empty() {
        return;
    }
    let done = wb
        .plan
        .iter()
        .filter(|e| e.status == PlanStatus::Done)
        .count();
    c.heading("対策計画");
    c.paragraph(
        &format!(
            "対策 {} 件のうち完了 {done} 件。期限切れは報告書作成日の時点で完了していないもの。",
            wb.plan.len()
        ),
        8.5,
        GREY,
    );
    // One paragraph per entry: the measure is often longer than a table cell.
    for e in &wb.plan {
        let status = if e.is_overdue(input.created_on) {
            format!("{}（期限切れ）", e.status.label())
        } else {
            e.status.label().to_string()
        };
        let owner = if e.owner.is_empty() {
            "（未定）"
        } else {
            &e.owner
        };
        let due = e.due.map_or("（未定）".into(), long_date);
        c.ensure(30.0);
        c.paragraph(&format!("・{}", e.title(wb)), 9.0, BLACK);
        c.paragraph(
            &format!("　担当者：{owner}　期限：{due}　状態：{status}"),
            8.5,
            GREY,
        );
    }
    c.space(4.0);
}

/// 手順4's 13 documents: the company profile they depend on, then whether each applies, whether the
/// 診断結果 asks for it, and how far the company is with it.
fn policies(c: &mut Composer, input: &ReportInput) {
    let wb = &input.results.workbook;
    let diagnosis = &input.results.diagnosis;
    let rows = company_table(wb, diagnosis);
    // The section on one page: a heading, two short paragraphs, the 13 rows and the note.
    c.ensure(300.0);
    c.heading("情報セキュリティ関連規程（13 文書）");
    let suggested = suggested_profile(diagnosis);
    let mut profile = vec![format!(
        "従業員数 {}",
        wb.profile
            .employees
            .map_or("未回答".into(), |n| format!("{n} 名"))
    )];
    for q in Question::ALL {
        let answer = match (q.get(&wb.profile), q.get(&suggested)) {
            (Some(own), _) => yes_no(own).to_string(),
            (None, Some(guess)) => format!("未回答（推定：{}）", yes_no(guess)),
            (None, None) => "未回答".into(),
        };
        profile.push(format!("{}：{answer}", q.text()));
    }
    c.paragraph(&format!("会社の情報　{}", profile.join("　")), 8.5, BLACK);
    let approved = rows
        .iter()
        .filter(|p| p.record.status == DocumentStatus::Approved)
        .count();
    let needed = rows.iter().filter(|p| p.row.needed == Some(true)).count();
    c.paragraph(
        &format!("診断結果から必要な規程 {needed} 文書、承認済み {approved} 文書。"),
        8.5,
        GREY,
    );
    let w = c.content_width();
    let columns = [
        TableColumn::left("No. 名称", w * 0.40),
        TableColumn::left("当てはまるか", w * 0.18),
        TableColumn::left("要否", w * 0.07),
        TableColumn::left("状態", w * 0.08),
        TableColumn::left("改訂日", w * 0.14),
        TableColumn::left("承認者", w * 0.13),
    ];
    let table: Vec<Vec<Cell>> = rows
        .iter()
        .map(|p| {
            let r = &p.record;
            let approver = match (r.approver.trim().is_empty(), r.status) {
                (true, DocumentStatus::Approved) => "（未記入）".to_string(),
                (true, _) => String::new(),
                (false, _) => r.approver.clone(),
            };
            let revised = match (r.revised, r.status) {
                (None, DocumentStatus::Approved) => "（未記入）".to_string(),
                (d, _) => d.map(long_date).unwrap_or_default(),
            };
            vec![
                Cell::Text(format!("{}. {}", p.row.policy.no, p.row.policy.name)),
                Cell::Text(p.applies_text().into()),
                Cell::Text(p.needed_text().into()),
                Cell::Text(r.status.label().into()),
                Cell::Text(revised),
                Cell::Text(approver),
            ]
        })
        .collect();
    // 7.5 pt: the longest 名称, 「当てはまらない（推定）」 and a date fit whole.
    c.table(&columns, &table, 7.5);
    let conditions: Vec<String> = rows
        .iter()
        .filter(|p| p.row.policy.condition != Condition::Always)
        .map(|p| format!("{}. {}", p.row.policy.no, p.row.policy.condition.label()))
        .collect();
    c.paragraph(
        &format!(
            "適用条件：{}。ほかは原則としてすべての企業。（推定）は会社の情報が未回答のため対策状況チェックの回答から推定したもの。要否の ◎・○ は診断結果の分類の印。",
            conditions.join("、")
        ),
        8.0,
        GREY,
    );
    c.space(4.0);
}

fn todo_list(c: &mut Composer, input: &ReportInput) {
    c.heading("ポリシーで対策を規定する分類の、まだ実施していない項目");
    c.paragraph(
        "「2 一部実施している」「3 実施していない／わからない」と未回答の項目です。リスク大の資産に関わる ◎ の分類から取り組んでください。",
        8.5,
        GREY,
    );
    let wb = &input.results.workbook;
    let mut categories: Vec<_> = input
        .results
        .diagnosis
        .categories
        .iter()
        .filter(|cat| cat.need != PolicyNeed::NotNeeded)
        .collect();
    categories.sort_by_key(|cat| (cat.need != PolicyNeed::Essential, cat.no));
    let mut any = false;
    for cat in categories {
        let open: Vec<_> = wb.items_of(cat.no).filter(|i| i.is_open()).collect();
        if open.is_empty() {
            continue;
        }
        any = true;
        c.ensure(40.0);
        c.space(4.0);
        c.paragraph(
            &format!(
                "({}) {}　{}　実施率 {}",
                cat.no,
                cat.name,
                cat.mark_text(),
                cat.rate_label()
            ),
            10.0,
            BLACK,
        );
        for item in open {
            let answer = item.answer.map_or("未回答".to_string(), |a| {
                format!("{} {}", a.value(), a.label())
            });
            c.hanging(
                &format!("□ No.{}　{}（現状：{answer}）", item.no.0, item.question),
                8.5,
                BLACK,
                12.0,
            );
        }
    }
    if !any {
        c.paragraph("すべての項目が実施済みまたは該当なしです。", 9.5, BLACK);
    }
}

/// What the footer says on every page, left of the page number: whose report and of which day.
fn footer_text(input: &ReportInput) -> String {
    let company = input.results.workbook.settings.company.trim();
    let title = format!(
        "情報セキュリティ 診断結果　{} 作成",
        long_date(input.created_on)
    );
    if company.is_empty() {
        title
    } else {
        format!("{company}　{title}")
    }
}

/// Draws the footer of each page: `footer_text` and "n / N".
pub(super) fn footers(pages: &mut [Vec<Op>], measure: &dyn Measure, text: &str) {
    let total = pages.len();
    let y = super::layout::PAGE_HEIGHT - MARGIN + 4.0;
    let width = super::layout::PAGE_WIDTH - 2.0 * MARGIN;
    for (i, page) in pages.iter_mut().enumerate() {
        let right = format!("{} / {}", i + 1, total);
        let right_w = measure.width(&right, 8.0);
        let left = fit(measure, text, 8.0, width - right_w - 12.0);
        page.push(Op::Rect {
            x: MARGIN,
            y: y - 12.0,
            w: width,
            h: 0.5,
            fill: (150, 150, 150),
        });
        page.push(Op::Text {
            x: MARGIN,
            y,
            size: 8.0,
            color: GREY,
            text: left,
        });
        page.push(Op::Text {
            x: super::layout::PAGE_WIDTH - MARGIN - right_w,
            y,
            size: 8.0,
            color: GREY,
            text: right,
        });
    }
}

/// The report as pages of drawing operations.
pub fn compose(input: &ReportInput, measure: &dyn Measure) -> Vec<Vec<Op>> {
    let mut c = Composer::new(measure);
    cover(&mut c, input);
    diagnosis_table(&mut c, input);
    level_chart(&mut c, input);
    comparison(&mut c, input);
    risky_assets(&mut c, input);
    priorities(&mut c, input);
    treatments(&mut c, input);
    plan(&mut c, input);
    policies(&mut c, input);
    todo_list(&mut c, input);
    let mut pages = c.pages;
    footers(&mut pages, measure, &footer_text(input));
    pages
}
