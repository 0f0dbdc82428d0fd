//! 年間計画: the duties with their 次回期限 (期限切れ and もうすぐ by colour and in words), edited in
//! place; 「実施を記録」 records a completion and moves the 次回期限 on in one undoable step; the
//! 実施記録 below, late and skipped occurrences shown as such.

use super::fields::{Drafts, day_text, parse_day};
use super::{labelled, problem_line};
use crate::app::views::Requests;
use crate::app::widgets::{header_row, pick};
use crate::domain::Edit;
use crate::domain::year::duty::{
    Due, Duty, DutyRecord, Method, Outcome, Period, Tie, complete, due_on,
};
use crate::domain::year::{Year, YearEdit, YearKey, YearRecord};
use crate::operations::Session;
use chrono::NaiveDate;
use eframe::egui::{self, Color32, RichText, Ui};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Field {
    Name,
    Owner,
    NextDue,
    How,
}

/// A duty with `text` typed into `field`, or why the text cannot be taken.
fn with_text(duty: &Duty, field: Field, text: &str) -> Result<Duty, String> {
    let mut changed = duty.clone();
    match field {
        Field::Name => changed.name = text.trim().to_string(),
        Field::Owner => changed.owner = text.trim().to_string(),
        Field::How => changed.how = text.trim().to_string(),
        Field::NextDue if text.trim().is_empty() && duty.period == Period::Once => {
            changed.next_due = None
        }
        Field::NextDue => changed.next_due = Some(parse_day("次回期限", text)?),
    }
    Ok(changed)
}

fn put(record: YearRecord) -> Edit {
    Edit::Year(YearEdit::Put(record))
}

/// The 「実施を記録」 form of one duty.
struct RecordForm {
    duty: i64,
    done_on: String,
    by: String,
    method: Method,
    result: String,
    remarks: String,
}

/// What recording `form` for `duty` saves: the skipped occurrences, the one fulfilled and the duty
/// moved on by `duty::complete`, as one batch (one undo takes all back).
fn completion_edit(
    year: &Year,
    duty: &Duty,
    form: &RecordForm,
    today: NaiveDate,
) -> Result<Edit, String> {
    let done = parse_day("実施日", &form.done_on)?;
    if done > today {
        return Err("実施日が今日より後です。実施した日を入れてください。".to_string());
    }
    let due = duty
        .next_due
        .ok_or("この作業は終わっています（1回のみ）。")?;
    let completion = complete(duty.period, due, done);
    let fulfilled = duty
        .period
        .nth(due, completion.skipped.len() as u32)
        .unwrap_or(due);
    let mut id = year.next_id(YearKey::DutyRecord);
    let mut edits = Vec::new();
    let record = |id: i64, due: NaiveDate, done_on, outcome| DutyRecord {
        id,
        duty: duty.id,
        due,
        done_on,
        outcome,
        by: String::new(),
        method: form.method,
        result: String::new(),
        remarks: String::new(),
    };
    for skipped in &completion.skipped {
        edits.push(put(YearRecord::DutyRecord(record(
            id,
            *skipped,
            None,
            Outcome::Skipped,
        ))));
        id += 1;
    }
    edits.push(put(YearRecord::DutyRecord(DutyRecord {
        by: form.by.trim().to_string(),
        result: form.result.trim().to_string(),
        remarks: form.remarks.trim().to_string(),
        ..record(id, fulfilled, Some(done), completion.outcome)
    })));
    edits.push(put(YearRecord::Duty(Duty {
        next_due: completion.next_due,
        ..duty.clone()
    })));
    Ok(Edit::Batch(edits))
}

/// The state of a duty in words and colour.
fn due_words(due: Due, ui: &Ui) -> (String, Color32) {
    match due {
        Due::Overdue(days) => (
            format!("期限切れ（{days} 日過ぎ）"),
            ui.visuals().error_fg_color,
        ),
        Due::Soon(0) => (
            "もうすぐ（今日まで）".to_string(),
            ui.visuals().warn_fg_color,
        ),
        Due::Soon(days) => (
            format!("もうすぐ（あと {days} 日）"),
            ui.visuals().warn_fg_color,
        ),
        Due::Later => (String::new(), ui.visuals().text_color()),
        Due::Finished => ("終了".to_string(), ui.visuals().weak_text_color()),
    }
}

#[derive(Default)]
pub struct DutiesSection {
    drafts: Drafts<(i64, Field)>,
    recording: Option<RecordForm>,
    problem: Option<String>,
}

impl DutiesSection {
    pub fn take_drafts(&mut self, year: &Year) -> Vec<Edit> {
        let mut changed: Vec<Duty> = Vec::new();
        for ((id, field), text) in self.drafts.take() {
            let Some(saved) = year.duties.iter().find(|d| d.id == id) else {
                continue;
            };
            let at = changed.iter().position(|d| d.id == id);
            let base = at.map_or_else(|| saved.clone(), |i| changed.remove(i));
            // A date that cannot be read is dropped, as the field would refuse it.
            changed.push(with_text(&base, field, &text).unwrap_or(base));
        }
        changed
            .into_iter()
            .filter(|d| year.duties.iter().any(|old| old.id == d.id && old != d))
            .map(|d| put(YearRecord::Duty(d)))
            .collect()
    }

    fn text(
        &mut self,
        ui: &mut Ui,
        duty: &Duty,
        field: Field,
        saved: &str,
        name: String,
        width: f32,
    ) -> Option<Edit> {
        let typed = self
            .drafts
            .field(ui, (duty.id, field), saved, width, &name)?;
        match with_text(duty, field, &typed) {
            Ok(changed) => {
                self.problem = None;
                Some(put(YearRecord::Duty(changed)))
            }
            Err(why) => {
                self.problem = Some(why);
                None
            }
        }
    }

    pub fn ui(&mut self, ui: &mut Ui, session: &Session, today: NaiveDate, out: &mut Requests) {
        let year = &session.workbook().year;
        let overdue = year
            .duties
            .iter()
            .filter(|d| matches!(due_on(d.next_due, d.period, today), Due::Overdue(_)))
            .count();
        ui.label(
            RichText::new(format!(
                "年間計画：作業 {} 件（期限切れ {overdue} 件）",
                year.duties.len()
            ))
            .strong(),
        );
        problem_line(ui, &self.problem);
        let periods = labelled(&Period::ALL, Period::label);
        let methods = labelled(&Method::ALL, Method::label);
        egui::Grid::new("year_duties")
            .striped(true)
            .spacing([ui.spacing().item_spacing.x, 6.0])
            .num_columns(9)
            .show(ui, |ui| {
                header_row(
                    ui,
                    &[
                        "作業",
                        "頻度",
                        "担当者",
                        "次回期限",
                        "",
                        "方法",
                        "内容",
                        "",
                        "",
                    ],
                );
                for (i, duty) in year.duties.iter().enumerate() {
                    let n = i + 1;
                    out.edits.extend(self.text(
                        ui,
                        duty,
                        Field::Name,
                        &duty.name,
                        format!("作業 {n}件目"),
                        190.0,
                    ));
                    if let Some(period) = pick(
                        ui,
                        ("duty_period", duty.id),
                        &format!("頻度 {n}件目"),
                        duty.period,
                        &periods,
                        70.0,
                    ) {
                        out.edits.push(put(YearRecord::Duty(Duty {
                            period,
                            ..duty.clone()
                        })));
                    }
                    out.edits.extend(self.text(
                        ui,
                        duty,
                        Field::Owner,
                        &duty.owner,
                        format!("担当者 {n}件目"),
                        110.0,
                    ));
                    out.edits.extend(self.text(
                        ui,
                        duty,
                        Field::NextDue,
                        &day_text(duty.next_due),
                        format!("次回期限 {n}件目"),
                        90.0,
                    ));
                    let (words, colour) = due_words(due_on(duty.next_due, duty.period, today), ui);
                    ui.label(RichText::new(words).color(colour).strong());
                    if let Some(method) = pick(
                        ui,
                        ("duty_method", duty.id),
                        &format!("方法 {n}件目"),
                        duty.method,
                        &methods,
                        50.0,
                    ) {
                        out.edits.push(put(YearRecord::Duty(Duty {
                            method,
                            ..duty.clone()
                        })));
                    }
                    out.edits.extend(self.text(
                        ui,
                        duty,
                        Field::How,
                        &duty.how,
                        format!("内容 {n}件目"),
                        240.0,
                    ));
                    if ui
                        .add_enabled(duty.next_due.is_some(), egui::Button::new("実施を記録"))
                        .accessible_name(format!("実施を記録 {n}件目"))
                        .clicked()
                    {
                        self.problem = None;
                        self.recording = Some(RecordForm {
                            duty: duty.id,
                            done_on: day_text(Some(today)),
                            by: duty.owner.clone(),
                            method: duty.method,
                            result: String::new(),
                            remarks: String::new(),
                        });
                    }
                    if ui
                        .button("削除")
                        .accessible_name(format!("作業を削除 {n}件目"))
                        .clicked()
                    {
                        out.edits
                            .push(Edit::Year(YearEdit::Remove(YearKey::Duty(duty.id))));
                    }
                    ui.end_row();
                }
            });
        if ui.button("作業を追加").clicked() {
            out.edits.push(put(YearRecord::Duty(Duty {
                id: year.next_id(YearKey::Duty),
                name: "新しい作業".to_string(),
                period: Period::Yearly,
                owner: String::new(),
                next_due: Period::Yearly.nth(today, 1),
                method: Method::Look,
                tie: Tie::None,
                how: String::new(),
            })));
        }
        self.record_form(ui, year, today, out);
        ui.add_space(12.0);
        records(ui, year);
    }

    fn record_form(&mut self, ui: &mut Ui, year: &Year, today: NaiveDate, out: &mut Requests) {
        let Some(form) = &mut self.recording else {
            return;
        };
        let Some(duty) = year.duties.iter().find(|d| d.id == form.duty) else {
            self.recording = None;
            return;
        };
        let mut chosen = None;
        ui.add_space(8.0);
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.label(
                RichText::new(format!(
                    "実施を記録：{}（期限 {}）",
                    duty.name,
                    day_text(duty.next_due)
                ))
                .strong(),
            );
            egui::Grid::new("duty_record_form")
                .num_columns(2)
                .show(ui, |ui| {
                    for (label, text) in [
                        ("実施日", &mut form.done_on),
                        ("実施者", &mut form.by),
                        ("結果", &mut form.result),
                        ("備考", &mut form.remarks),
                    ] {
                        let l = ui.label(label);
                        ui.add(egui::TextEdit::singleline(text).desired_width(320.0))
                            .labelled_by(l.id);
                        ui.end_row();
                        if label == "実施者" {
                            ui.label("方法");
                            if let Some(m) = pick(
                                ui,
                                "duty_record_method",
                                "実施の方法",
                                form.method,
                                &labelled(&Method::ALL, Method::label),
                                80.0,
                            ) {
                                form.method = m;
                            }
                            ui.end_row();
                        }
                    }
                });
            ui.horizontal(|ui| {
                if ui.button("記録する").clicked() {
                    chosen = Some(true);
                }
                if ui.button("キャンセル").clicked() {
                    chosen = Some(false);
                }
            });
        });
        match chosen {
            Some(true) => match completion_edit(year, duty, form, today) {
                Ok(edit) => {
                    out.edits.push(edit);
                    self.recording = None;
                    self.problem = None;
                }
                Err(why) => self.problem = Some(why),
            },
            Some(false) => self.recording = None,
            None => {}
        }
    }
}

/// 実施記録, the latest due first; 遅延 and 未実施 in colour.
fn records(ui: &mut Ui, year: &Year) {
    ui.label(RichText::new(format!("実施記録（{} 件）", year.duty_records.len())).strong());
    if year.duty_records.is_empty() {
        ui.label("まだ記録がありません。作業をしたら「実施を記録」で残します。");
        return;
    }
    let mut list: Vec<&DutyRecord> = year.duty_records.iter().collect();
    list.sort_by_key(|r| std::cmp::Reverse((r.due, r.id)));
    egui::Grid::new("year_duty_records")
        .striped(true)
        .num_columns(8)
        .show(ui, |ui| {
            header_row(
                ui,
                &[
                    "作業",
                    "期限",
                    "実施日",
                    "",
                    "実施者",
                    "方法",
                    "結果",
                    "備考",
                ],
            );
            for r in list {
                let name = year
                    .duties
                    .iter()
                    .find(|d| d.id == r.duty)
                    .map_or("（削除された作業）", |d| d.name.as_str());
                ui.label(name);
                ui.label(day_text(Some(r.due)));
                ui.label(day_text(r.done_on));
                let colour = match r.outcome {
                    Outcome::OnTime => ui.visuals().text_color(),
                    Outcome::Late => ui.visuals().warn_fg_color,
                    Outcome::Skipped => ui.visuals().error_fg_color,
                };
                ui.label(RichText::new(r.outcome.label()).color(colour).strong());
                ui.label(&r.by);
                ui.label(if r.done_on.is_some() {
                    r.method.label()
                } else {
                    ""
                });
                ui.label(&r.result);
                ui.label(&r.remarks);
                ui.end_row();
            }
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn recording_a_late_monthly_duty_saves_the_skipped_the_done_and_the_next_due_in_one_batch() {
        let mut year = Year::starting(d(2026, 1, 1));
        let duty = year
            .duties
            .iter_mut()
            .find(|d| d.period == Period::Monthly)
            .unwrap();
        duty.next_due = Some(d(2026, 2, 1));
        let duty = duty.clone();
        let form = RecordForm {
            duty: duty.id,
            done_on: "2026-03-10".into(),
            by: "鈴木".into(),
            method: Method::Look,
            result: "問題なし".into(),
            remarks: String::new(),
        };
        let Edit::Batch(parts) = completion_edit(&year, &duty, &form, d(2026, 3, 10)).unwrap()
        else {
            panic!("one batch");
        };
        for part in &parts {
            let Edit::Year(e) = part else { panic!() };
            e.apply(&mut year);
        }
        let outcomes: Vec<_> = year
            .duty_records
            .iter()
            .map(|r| (r.due, r.done_on, r.outcome))
            .collect();
        assert_eq!(
            outcomes,
            [
                (d(2026, 2, 1), None, Outcome::Skipped),
                (d(2026, 3, 1), Some(d(2026, 3, 10)), Outcome::Late),
            ]
        );
        assert_eq!(year.duty_records[1].by, "鈴木");
        let moved = year.duties.iter().find(|x| x.id == duty.id).unwrap();
        assert_eq!(moved.next_due, Some(d(2026, 4, 1)));
        let err = completion_edit(
            &year,
            &duty,
            &RecordForm {
                done_on: "3/40".into(),
                ..form
            },
            d(2026, 3, 10),
        )
        .unwrap_err();
        assert!(err.contains("実施日"), "{err}");
    }
}
