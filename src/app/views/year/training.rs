//! 教育記録: the training sessions with who attended, how well they understood and the follow-up,
//! and who has not been trained in the training year (`training::untrained`).

use super::fields::{day_text, parse_day};
use super::{labelled, problem_line};
use crate::app::views::Requests;
use crate::app::widgets::{choice, header_row, pick};
use crate::domain::year::training::{
    Attendance, Attendee, Form, Staff, StaffId, Training, Understanding, training_year, untrained,
};
use crate::domain::year::{Year, YearEdit, YearKey, YearRecord};
use crate::domain::{Edit, Workbook};
use crate::operations::Session;
use chrono::NaiveDate;
use eframe::egui::{self, RichText, Ui};

/// A session being written (new: `id` not in the records yet).
struct SessionForm {
    id: i64,
    held_on: String,
    title: String,
    content: String,
    form: Form,
    lecturer: String,
    audience: String,
    attendees: Vec<Attendee>,
}

impl SessionForm {
    fn of(t: &Training) -> SessionForm {
        SessionForm {
            id: t.id,
            held_on: day_text(Some(t.held_on)),
            title: t.title.clone(),
            content: t.content.clone(),
            form: t.form,
            lecturer: t.lecturer.clone(),
            audience: t.audience.clone(),
            attendees: t.attendees.clone(),
        }
    }

    fn new(id: i64, today: NaiveDate) -> SessionForm {
        SessionForm {
            id,
            held_on: day_text(Some(today)),
            title: "情報セキュリティ研修".to_string(),
            content: String::new(),
            form: Form::Classroom,
            lecturer: String::new(),
            audience: "全従業員".to_string(),
            attendees: Vec::new(),
        }
    }

    fn training(&self) -> Result<Training, String> {
        Ok(Training {
            id: self.id,
            held_on: parse_day("研修日", &self.held_on)?,
            title: self.title.trim().to_string(),
            content: self.content.trim().to_string(),
            form: self.form,
            lecturer: self.lecturer.trim().to_string(),
            audience: self.audience.trim().to_string(),
            attendees: self.attendees.clone(),
        })
    }
}

#[derive(Default)]
pub struct TrainingSection {
    editing: Option<SessionForm>,
    problem: Option<String>,
}

impl TrainingSection {
    /// The open form of a saved session, where it was changed and would be accepted (a new one is
    /// saved only by its button).
    pub fn take_drafts(&mut self, wb: &Workbook) -> Vec<Edit> {
        let Some(form) = &self.editing else {
            return Vec::new();
        };
        let saved = wb.year.trainings.iter().find(|t| t.id == form.id);
        match (saved, form.training()) {
            (Some(saved), Ok(changed)) if *saved != changed => {
                let edit = YearEdit::Put(YearRecord::Training(changed));
                match edit.check(&wb.year, &wb.assets) {
                    Ok(()) => vec![Edit::Year(edit)],
                    Err(_) => Vec::new(),
                }
            }
            _ => Vec::new(),
        }
    }

    pub fn ui(&mut self, ui: &mut Ui, session: &Session, today: NaiveDate, out: &mut Requests) {
        let year = &session.workbook().year;
        ui.label(RichText::new(format!("研修 {} 回", year.trainings.len())).strong());
        problem_line(ui, &self.problem);
        if !year.trainings.is_empty() {
            egui::Grid::new("year_trainings")
                .striped(true)
                .num_columns(6)
                .show(ui, |ui| {
                    header_row(ui, &["研修日", "研修名", "形式", "講師", "受講", ""]);
                    for (i, t) in year.trainings.iter().enumerate() {
                        ui.label(day_text(Some(t.held_on)));
                        ui.label(&t.title);
                        ui.label(t.form.label());
                        ui.label(&t.lecturer);
                        let attended = t
                            .attendees
                            .iter()
                            .filter(|a| a.attendance == Attendance::Attended)
                            .count();
                        ui.label(format!("{attended} 人"));
                        if ui
                            .button("開く")
                            .accessible_name(format!("研修を開く {}件目", i + 1))
                            .clicked()
                        {
                            self.editing = Some(SessionForm::of(t));
                            self.problem = None;
                        }
                        ui.end_row();
                    }
                });
        }
        if ui.button("研修を追加").clicked() {
            self.editing = Some(SessionForm::new(year.next_id(YearKey::Training), today));
            self.problem = None;
        }
        self.form(ui, year, out);
        ui.add_space(12.0);
        untrained_list(ui, year, today);
    }

    fn form(&mut self, ui: &mut Ui, year: &Year, out: &mut Requests) {
        let Some(form) = &mut self.editing else {
            return;
        };
        let saved = year.trainings.iter().any(|t| t.id == form.id);
        let mut done = None;
        ui.add_space(8.0);
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.label(
                RichText::new(if saved {
                    "研修の記録"
                } else {
                    "新しい研修"
                })
                .strong(),
            );
            egui::Grid::new("training_form")
                .num_columns(2)
                .show(ui, |ui| {
                    for (label, text) in [
                        ("研修日", &mut form.held_on),
                        ("研修名", &mut form.title),
                        ("内容", &mut form.content),
                        ("講師", &mut form.lecturer),
                        ("対象者", &mut form.audience),
                    ] {
                        let l = ui.label(label);
                        ui.add(egui::TextEdit::singleline(text).desired_width(360.0))
                            .labelled_by(l.id);
                        ui.end_row();
                    }
                    ui.label("形式");
                    if let Some(f) = pick(
                        ui,
                        "training_form_kind",
                        "形式",
                        form.form,
                        &labelled(&Form::ALL, Form::label),
                        160.0,
                    ) {
                        form.form = f;
                    }
                    ui.end_row();
                });
            ui.label(RichText::new("受講者").strong());
            attendees(ui, &year.staff, &mut form.attendees);
            ui.horizontal(|ui| {
                if ui.button("研修を保存").clicked() {
                    done = Some("save");
                }
                if saved && ui.button("研修を削除").clicked() {
                    done = Some("remove");
                }
                if ui.button("閉じる").clicked() {
                    done = Some("close");
                }
            });
        });
        match done {
            Some("save") => match form.training() {
                Ok(t) => {
                    out.edits
                        .push(Edit::Year(YearEdit::Put(YearRecord::Training(t))));
                    self.problem = None;
                }
                Err(why) => self.problem = Some(why),
            },
            Some("remove") => {
                out.edits
                    .push(Edit::Year(YearEdit::Remove(YearKey::Training(form.id))));
                self.editing = None;
            }
            Some(_) => self.editing = None,
            None => {}
        }
    }
}

/// The staff with a tick for each attendee, and the attendee's 受講状況, 理解度 and フォローアップ.
fn attendees(ui: &mut Ui, staff: &[Staff], list: &mut Vec<Attendee>) {
    let attendance = [
        (
            Attendance::Attended,
            Attendance::Attended.label().to_string(),
        ),
        (Attendance::Absent, Attendance::Absent.label().to_string()),
    ];
    let levels: Vec<(Understanding, String)> = (1..=4)
        .filter_map(|v| Understanding::new(v).ok())
        .map(|u| (u, format!("{} {}", u.value(), u.label())))
        .collect();
    egui::Grid::new("training_attendees")
        .striped(true)
        .num_columns(4)
        .show(ui, |ui| {
            header_row(ui, &["氏名", "受講状況", "理解度", "フォローアップ"]);
            // Someone no longer 在籍 still shows where they attended.
            let shown = staff
                .iter()
                .filter(|s| s.active || list.iter().any(|a| a.staff == s.id))
                .collect::<Vec<_>>();
            for person in shown {
                let at = list.iter().position(|a| a.staff == person.id);
                let mut ticked = at.is_some();
                let label = format!("{}（{}）", person.name, person.department);
                if ui
                    .checkbox(&mut ticked, label)
                    .accessible_name(format!("受講者 {}", person.name))
                    .changed()
                {
                    match at {
                        Some(i) => {
                            list.remove(i);
                        }
                        None => list.push(attendee(person.id)),
                    }
                }
                match list.iter_mut().find(|a| a.staff == person.id) {
                    Some(a) => {
                        if let Some(v) = pick(
                            ui,
                            ("attendance", person.id.0),
                            &format!("受講状況 {}", person.name),
                            a.attendance,
                            &attendance,
                            70.0,
                        ) {
                            a.attendance = v;
                        }
                        let (picked, _) = choice(
                            ui,
                            ("understanding", person.id.0),
                            &format!("理解度 {}", person.name),
                            "未記入",
                            a.understanding,
                            &levels,
                            |u| format!("{} {}", u.value(), u.label()),
                            190.0,
                        );
                        if let Some(v) = picked {
                            a.understanding = v;
                        }
                        ui.add(egui::TextEdit::singleline(&mut a.follow_up).desired_width(220.0))
                            .accessible_name(format!("フォローアップ {}", person.name));
                    }
                    None => {
                        ui.label("");
                        ui.label("");
                        ui.label("");
                    }
                }
                ui.end_row();
            }
        });
}

fn attendee(staff: StaffId) -> Attendee {
    Attendee {
        staff,
        attendance: Attendance::Attended,
        understanding: None,
        follow_up: String::new(),
    }
}

/// 今年度まだ受講していない人: the active staff with no session attended in the training year.
fn untrained_list(ui: &mut Ui, year: &Year, today: NaiveDate) {
    let (from, to) = training_year(today);
    let missing = untrained(&year.staff, &year.trainings, from, to);
    ui.label(
        RichText::new(format!(
            "今年度まだ受講していない人：{} 人（{} 〜 {}）",
            missing.len(),
            day_text(Some(from)),
            day_text(Some(to))
        ))
        .strong(),
    );
    if year.staff.is_empty() {
        ui.label("「従業員」に一覧を入れると、受講していない人がここに出ます。");
    }
    for person in missing {
        ui.label(format!("・{}（{}）", person.name, person.department));
    }
}
