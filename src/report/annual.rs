//! 経営者への報告: the year's report to the president for a period — the 診断結果 now and at the
//! last confirmed assessment, how リスク大・中 changed, the 対策計画, incidents, training, the
//! 年間計画's duties, and the decisions the president is asked to take. Same fonts, layout and
//! footer as the 診断結果.

use super::content::{ReportInput, comparison, diagnosis_table, footers, level_chart};
use super::layout::{BLACK, Cell, Composer, GREY, MARGIN, Measure, Op, TableColumn};
use crate::calc::Evaluated;
use crate::calc::treatment::treatment_list;
use crate::domain::dates::long_date;
use crate::domain::year::duty::{Due, Outcome, due_on};
use crate::domain::year::incident::{Level, reached};
use crate::domain::year::training::{Attendance, untrained};
use crate::domain::{Decision, PlanStatus};
use chrono::NaiveDate;

/// What the annual report is made from: the 診断結果's input (now, the last confirmed assessment,
/// the day it is made) and the period it reports on.
pub struct AnnualInput<'a> {
    pub base: ReportInput<'a>,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl AnnualInput<'_> {
    fn within(&self, day: NaiveDate) -> bool {
        (self.from..=self.to).contains(&day)
    }

    fn results(&self) -> &Evaluated {
        self.base.results
    }
}

fn cover(c: &mut Composer, input: &AnnualInput) {
    let s = &input.results().workbook.settings;
    c.text_at(
        MARGIN,
        MARGIN + 20.0,
        20.0,
        BLACK,
        "情報セキュリティ 年次報告",
    );
    c.space(34.0);
    c.paragraph(
        "経営者への報告：この期間の情報セキュリティの取り組みと、決めていただきたいこと",
        9.0,
        GREY,
    );
    c.space(6.0);
    let blank = |t: &str| {
        if t.trim().is_empty() {
            "（未入力）".to_string()
        } else {
            t.to_string()
        }
    };
    let rows = [
        ("会社名", blank(&s.company)),
        (
            "対象期間",
            format!("{} 〜 {}", long_date(input.from), long_date(input.to)),
        ),
        ("報告者", blank(&s.assessor)),
        ("作成日", long_date(input.base.created_on)),
    ];
    for (label, value) in rows {
        c.ensure(18.0);
        let y = c.y() + 11.0;
        c.text_at(MARGIN, y, 10.5, GREY, label);
        c.text_at(MARGIN + 90.0, y, 10.5, BLACK, &value);
        c.space(17.0);
    }
}

/// The decisions the president is asked to take, first: what only the management can decide.
fn decisions(c: &mut Composer, input: &AnnualInput) {
    c.heading("決めていただきたいこと");
    let wb = &input.results().workbook;
    let list = treatment_list(wb, &input.results().assessment);
    let mut lines = Vec::new();
    let to_approve: Vec<String> = list
        .needed
        .iter()
        .filter(|r| r.decision == Some(Decision::Accept) && !r.is_complete())
        .map(|r| wb.assets[r.row].name.clone())
        .collect();
    if !to_approve.is_empty() {
        lines.push(format!(
            "リスクを受け入れる（保有）とした {} 件の承認：{}",
            to_approve.len(),
            to_approve.join("、")
        ));
    }
    if list.undecided() > 0 {
        lines.push(format!(
            "リスク大・中のうち対応が決まっていない {} 件の方針（低減・保有・回避・移転）",
            list.undecided()
        ));
    }
    let open: Vec<_> = wb
        .plan
        .iter()
        .filter(|e| e.status != PlanStatus::Done)
        .collect();
    if !open.is_empty() {
        let overdue = open
            .iter()
            .filter(|e| e.is_overdue(input.base.created_on))
            .count();
        lines.push(format!(
            "未完了の対策 {} 件（うち期限切れ {overdue} 件）を進めるための予算と人手",
            open.len()
        ));
    }
    let serious = wb
        .year
        .incidents
        .iter()
        .filter(|i| input.within(i.found_at.date()) && i.level >= Level::ALL[2])
        .count();
    if serious > 0 {
        lines.push(format!(
            "事故レベル 2 以上のインシデント {serious} 件の再発防止策の確認"
        ));
    }
    if lines.is_empty() {
        c.paragraph(
            "この期間に経営者の判断を待っている事項はありません。",
            9.5,
            BLACK,
        );
    }
    for (i, line) in lines.iter().enumerate() {
        c.hanging(&format!("{}. {line}", i + 1), 9.5, BLACK, 14.0);
    }
}

fn risks(c: &mut Composer, input: &AnnualInput) {
    diagnosis_table(c, &input.base);
    level_chart(c, &input.base);
    if input.base.previous.is_some() {
        comparison(c, &input.base);
    } else {
        c.paragraph(
            "「診断を確定」した記録がないため、前回との比較はありません。",
            9.0,
            GREY,
        );
    }
}

fn plan(c: &mut Composer, input: &AnnualInput) {
    c.heading("対策計画");
    let wb = &input.results().workbook;
    let today = input.base.created_on;
    let done = wb
        .plan
        .iter()
        .filter(|e| e.status == PlanStatus::Done)
        .count();
    let overdue: Vec<_> = wb.plan.iter().filter(|e| e.is_overdue(today)).collect();
    let done_since = input.base.previous.map(|(_, before)| {
        wb.plan
            .iter()
            .filter(|e| e.status == PlanStatus::Done)
            .filter(|e| {
                before
                    .workbook
                    .plan
                    .iter()
                    .find(|b| b.id == e.id)
                    .is_none_or(|b| b.status != PlanStatus::Done)
            })
            .count()
    });
    c.paragraph(
        &format!(
            "対策 {} 件：完了 {done} 件{}、未完了 {} 件、うち期限切れ {} 件。",
            wb.plan.len(),
            done_since.map_or(String::new(), |n| format!(
                "（前回の確定以降に完了 {n} 件）"
            )),
            wb.plan.len() - done,
            overdue.len()
        ),
        9.5,
        BLACK,
    );
    for e in overdue {
        c.hanging(
            &format!(
                "・期限切れ：{}（期限 {}、担当 {}）",
                e.title(wb),
                e.due.map_or("（未定）".into(), long_date),
                if e.owner.is_empty() {
                    "（未定）"
                } else {
                    &e.owner
                }
            ),
            9.0,
            BLACK,
            10.0,
        );
    }
}

fn incidents(c: &mut Composer, input: &AnnualInput) {
    c.heading("インシデント");
    let wb = &input.results().workbook;
    let within: Vec<_> = wb
        .year
        .incidents
        .iter()
        .filter(|i| input.within(i.found_at.date()))
        .collect();
    let by_level: Vec<String> = Level::ALL
        .iter()
        .rev()
        .map(|l| {
            format!(
                "レベル {}：{} 件",
                l.value(),
                within.iter().filter(|i| i.level == *l).count()
            )
        })
        .collect();
    c.paragraph(
        &format!("{} 件（{}）。", within.len(), by_level.join("・")),
        9.5,
        BLACK,
    );
    for i in within {
        let measures: Vec<String> = i
            .measures
            .iter()
            .map(|no| match wb.items.iter().find(|it| it.no == *no) {
                Some(item) => format!("No.{} {}", no.0, item.question),
                None => format!("No.{}", no.0),
            })
            .collect();
        c.ensure(40.0);
        c.paragraph(
            &format!(
                "・{}　{}（{}、事故レベル {}）",
                long_date(i.found_at.date()),
                i.title,
                i.kind.label(),
                i.level.value()
            ),
            9.0,
            BLACK,
        );
        c.hanging(
            &format!(
                "対応：{}　再発防止：{}",
                reached(&i.timeline).map_or("記録なし", |s| s.label()),
                if measures.is_empty() {
                    "（未記録）".to_string()
                } else {
                    measures.join("／")
                }
            ),
            8.5,
            GREY,
            14.0,
        );
    }
}

fn training(c: &mut Composer, input: &AnnualInput) {
    c.heading("教育");
    let year = &input.results().workbook.year;
    let held: Vec<_> = year
        .trainings
        .iter()
        .filter(|t| input.within(t.held_on))
        .collect();
    let active = year.staff.iter().filter(|s| s.active).count();
    let missing = untrained(&year.staff, &year.trainings, input.from, input.to);
    c.paragraph(
        &format!(
            "研修 {} 回。在籍 {active} 人のうち、この期間に受講していない人 {} 人。",
            held.len(),
            missing.len()
        ),
        9.5,
        BLACK,
    );
    if !held.is_empty() {
        let w = c.content_width();
        let columns = [
            TableColumn::left("研修日", w * 0.2),
            TableColumn::left("研修名", w * 0.45),
            TableColumn::left("形式", w * 0.2),
            TableColumn::right("受講者", w * 0.15),
        ];
        let rows: Vec<Vec<Cell>> = held
            .iter()
            .map(|t| {
                let attended = t
                    .attendees
                    .iter()
                    .filter(|a| a.attendance == Attendance::Attended)
                    .count();
                vec![
                    Cell::Text(long_date(t.held_on)),
                    Cell::Text(t.title.clone()),
                    Cell::Text(t.form.label().into()),
                    Cell::Text(format!("{attended} 人")),
                ]
            })
            .collect();
        c.table(&columns, &rows, 8.5);
    }
    if !missing.is_empty() {
        let names: Vec<String> = missing
            .iter()
            .map(|s| format!("{} {}", s.department, s.name).trim().to_string())
            .collect();
        c.hanging(
            &format!("受講していない人：{}", names.join("、")),
            9.0,
            BLACK,
            10.0,
        );
    }
}

/// 委託先: each one's evaluation within the period (評価日, ○/× counts, 総合結果) or that none was
/// made, and when the next one is due.
fn suppliers(c: &mut Composer, input: &AnnualInput) {
    let suppliers = &input.results().workbook.suppliers;
    if suppliers.list.is_empty() {
        return;
    }
    c.heading("委託先の評価");
    let w = c.content_width();
    let columns = [
        TableColumn::left("委託先", w * 0.27),
        TableColumn::left("評価日", w * 0.17),
        TableColumn::left("結果", w * 0.39),
        TableColumn::left("次回評価", w * 0.17),
    ];
    let rows: Vec<Vec<Cell>> = suppliers
        .list
        .iter()
        .map(|s| {
            let evaluated = suppliers
                .evaluations_of(s.id)
                .filter(|e| e.on.is_some_and(|on| input.within(on)))
                .max_by_key(|e| e.on);
            let (on, result) = match evaluated {
                Some(e) => (long_date(e.on.expect("filtered on its date")), {
                    let t = crate::calc::supplier::totals(Some(e));
                    format!(
                        "○{}・×{}・該当なし{}　{}",
                        t.yes,
                        t.no,
                        t.not_applicable,
                        e.verdict.map_or("", |v| v.label())
                    )
                }),
                None => ("—".to_string(), "この期間は評価していません".to_string()),
            };
            let next = suppliers
                .next_evaluation(s)
                .map_or_else(|| "未定".to_string(), long_date);
            vec![
                Cell::Text(s.name.clone()),
                Cell::Text(on),
                Cell::Text(result),
                Cell::Text(next),
            ]
        })
        .collect();
    c.table(&columns, &rows, 8.5);
}

fn duties(c: &mut Composer, input: &AnnualInput) {
    c.heading("年間計画（定期的な作業）");
    let year = &input.results().workbook.year;
    let records: Vec<_> = year
        .duty_records
        .iter()
        .filter(|r| input.within(r.due) || r.done_on.is_some_and(|d| input.within(d)))
        .collect();
    let count = |o: Outcome| records.iter().filter(|r| r.outcome == o).count();
    let overdue: Vec<_> = year
        .duties
        .iter()
        .filter(|d| {
            matches!(
                due_on(d.next_due, d.period, input.base.created_on),
                Due::Overdue(_)
            )
        })
        .collect();
    c.paragraph(
        &format!(
            "期限どおり {} 件、遅れて実施 {} 件、実施しなかった {} 件。今、期限を過ぎている作業 {} 件。",
            count(Outcome::OnTime),
            count(Outcome::Late),
            count(Outcome::Skipped),
            overdue.len()
        ),
        9.5,
        BLACK,
    );
    let name_of = |id: i64| {
        year.duties
            .iter()
            .find(|d| d.id == id)
            .map_or("", |d| d.name.as_str())
    };
    let w = c.content_width();
    if !records.is_empty() {
        let columns = [
            TableColumn::left("作業", w * 0.34),
            TableColumn::left("期限", w * 0.17),
            TableColumn::left("実施日", w * 0.17),
            TableColumn::left("結果", w * 0.12),
            TableColumn::left("実施者", w * 0.2),
        ];
        let rows: Vec<Vec<Cell>> = records
            .iter()
            .map(|r| {
                vec![
                    Cell::Text(name_of(r.duty).into()),
                    Cell::Text(long_date(r.due)),
                    Cell::Text(r.done_on.map_or("—".into(), long_date)),
                    Cell::Text(r.outcome.label().into()),
                    Cell::Text(r.by.clone()),
                ]
            })
            .collect();
        c.table(&columns, &rows, 8.5);
    }
    for d in overdue {
        c.hanging(
            &format!(
                "・期限切れ：{}（期限 {}）",
                d.name,
                d.next_due.map_or(String::new(), long_date)
            ),
            9.0,
            BLACK,
            10.0,
        );
    }
}

fn footer_text(input: &AnnualInput) -> String {
    let company = input.results().workbook.settings.company.trim();
    let title = format!(
        "情報セキュリティ 年次報告　{} 作成",
        long_date(input.base.created_on)
    );
    if company.is_empty() {
        title
    } else {
        format!("{company}　{title}")
    }
}

/// The annual report as pages of drawing operations.
pub fn compose(input: &AnnualInput, measure: &dyn Measure) -> Vec<Vec<Op>> {
    let mut c = Composer::new(measure);
    cover(&mut c, input);
    decisions(&mut c, input);
    risks(&mut c, input);
    plan(&mut c, input);
    incidents(&mut c, input);
    training(&mut c, input);
    suppliers(&mut c, input);
    duties(&mut c, input);
    let mut pages = c.pages;
    footers(&mut pages, measure, &footer_text(input));
    pages
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::year::duty::{Duty, DutyRecord, Method, Period, Tie};
    use crate::domain::year::incident::{Incident, Kind};
    use crate::domain::year::training::{Attendee, Form, Staff, StaffId, Training};
    use crate::domain::{Catalogue, Workbook};
    use crate::report::layout::{Fixed, texts};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn text(pages: &[Vec<Op>]) -> String {
        texts(pages).join("\n")
    }

    fn year_workbook() -> Workbook {
        let mut wb = Workbook::from_catalogue(Catalogue::builtin());
        wb.settings.company = "株式会社見本商事".into();
        let y = &mut wb.year;
        y.staff = ["佐藤", "鈴木", "高橋"]
            .iter()
            .enumerate()
            .map(|(i, n)| Staff {
                id: StaffId(i as i64 + 1),
                department: "総務".into(),
                name: n.to_string(),
                active: true,
            })
            .collect();
        y.trainings.push(Training {
            id: 1,
            held_on: d(2026, 5, 10),
            title: "標的型メールの見分け方".into(),
            content: String::new(),
            form: Form::Classroom,
            lecturer: String::new(),
            audience: "全従業員".into(),
            attendees: [1, 2]
                .map(|id| Attendee {
                    staff: StaffId(id),
                    attendance: Attendance::Attended,
                    understanding: None,
                    follow_up: String::new(),
                })
                .to_vec(),
        });
        y.duties.push(Duty {
            id: 1,
            name: "バックアップの復元テスト".into(),
            period: Period::HalfYearly,
            owner: String::new(),
            next_due: Some(d(2026, 10, 1)),
            method: Method::Try,
            tie: Tie::None,
            how: String::new(),
        });
        y.duty_records.push(DutyRecord {
            id: 1,
            duty: 1,
            due: d(2026, 4, 1),
            done_on: Some(d(2026, 4, 20)),
            outcome: Outcome::Late,
            by: "鈴木".into(),
            method: Method::Try,
            result: "問題なし".into(),
            remarks: String::new(),
        });
        y.incidents.push(Incident {
            id: 1,
            found_at: d(2026, 6, 3).and_hms_opt(9, 0, 0).unwrap(),
            occurred_at: None,
            found_by: "高橋".into(),
            kind: Kind::Malware,
            level: Level::new(1).unwrap(),
            title: "添付ファイルからの感染".into(),
            description: String::new(),
            assets: Vec::new(),
            timeline: Vec::new(),
            measures: vec![crate::domain::ItemNo(12)],
        });
        wb
    }

    #[test]
    fn the_report_covers_the_period_its_records_and_who_is_missing() {
        let results = Evaluated::new(year_workbook());
        let input = AnnualInput {
            base: ReportInput {
                results: &results,
                created_on: d(2026, 12, 2),
                previous: None,
            },
            from: d(2026, 1, 1),
            to: d(2026, 12, 31),
        };
        let shown = text(&compose(&input, &Fixed));
        for expected in [
            "情報セキュリティ 年次報告",
            "2026年1月1日 〜 2026年12月31日",
            "決めていただきたいこと",
            "1 件（レベル 3：0 件・レベル 2：0 件・レベル 1：1 件・レベル 0：0 件）",
            "添付ファイルからの感染",
            "研修 1 回。在籍 3 人のうち、この期間に受講していない人 1 人。",
            "受講していない人：総務 高橋",
            "期限どおり 0 件、遅れて実施 1 件、実施しなかった 0 件。今、期限を過ぎている作業 1 件。",
            "・期限切れ：バックアップの復元テスト（期限 2026年10月1日）",
            "前回との比較はありません",
        ] {
            assert!(
                shown.contains(expected),
                "{expected} missing from:\n{shown}"
            );
        }
    }

    #[test]
    fn records_outside_the_period_are_left_out() {
        let results = Evaluated::new(year_workbook());
        let input = AnnualInput {
            base: ReportInput {
                results: &results,
                created_on: d(2027, 12, 2),
                previous: None,
            },
            from: d(2027, 1, 1),
            to: d(2027, 12, 31),
        };
        let shown = text(&compose(&input, &Fixed));
        assert!(shown.contains("0 件（レベル 3：0 件"), "{shown}");
        assert!(!shown.contains("添付ファイルからの感染"));
        assert!(shown.contains("研修 0 回。在籍 3 人のうち、この期間に受講していない人 3 人。"));
        assert!(shown.contains("遅れて実施 0 件"), "{shown}");
    }
}
