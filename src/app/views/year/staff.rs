//! 従業員: the people training is recorded for (所属, 氏名, 在籍), added one by one or pasted from
//! Excel as 氏名［タブ］所属 lines.

use super::fields::Drafts;
use super::problem_line;
use crate::app::views::Requests;
use crate::app::widgets::header_row;
use crate::domain::Edit;
use crate::domain::year::training::{Staff, StaffId};
use crate::domain::year::{Year, YearEdit, YearKey, YearRecord};
use crate::operations::Session;
use eframe::egui::{self, RichText, Ui};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Field {
    Department,
    Name,
}

fn with_text(person: &Staff, field: Field, text: &str) -> Staff {
    let mut changed = person.clone();
    match field {
        Field::Department => changed.department = text.trim().to_string(),
        Field::Name => changed.name = text.trim().to_string(),
    }
    changed
}

fn put(person: Staff) -> Edit {
    Edit::Year(YearEdit::Put(YearRecord::Staff(person)))
}

/// People pasted from a spreadsheet, one a line: 氏名, then 所属 after a tab (or a comma); blank
/// lines are skipped. Ids follow `first_id`.
pub fn pasted_staff(text: &str, first_id: i64) -> Vec<Staff> {
    text.lines()
        .map(|line| {
            let mut cells = line.split(['\t', ',']).map(str::trim);
            (
                cells.next().unwrap_or("").to_string(),
                cells.next().unwrap_or("").to_string(),
            )
        })
        .filter(|(name, _)| !name.is_empty())
        .zip(first_id..)
        .map(|((name, department), id)| Staff {
            id: StaffId(id),
            department,
            name,
            active: true,
        })
        .collect()
}

#[derive(Default)]
pub struct StaffSection {
    drafts: Drafts<(i64, Field)>,
    new_department: String,
    new_name: String,
    pasted: String,
    problem: Option<String>,
}

impl StaffSection {
    pub fn take_drafts(&mut self, year: &Year) -> Vec<Edit> {
        let mut changed: Vec<Staff> = Vec::new();
        for ((id, field), text) in self.drafts.take() {
            let Some(saved) = year.staff.iter().find(|s| s.id.0 == id) else {
                continue;
            };
            let at = changed.iter().position(|s| s.id.0 == id);
            let base = at.map_or_else(|| saved.clone(), |i| changed.remove(i));
            changed.push(with_text(&base, field, &text));
        }
        changed
            .into_iter()
            .filter(|s| year.staff.iter().any(|old| old.id == s.id && old != s))
            .map(put)
            .collect()
    }

    pub fn ui(&mut self, ui: &mut Ui, session: &Session, out: &mut Requests) {
        let year = &session.workbook().year;
        let active = year.staff.iter().filter(|s| s.active).count();
        ui.label(
            RichText::new(format!(
                "従業員 {} 人（在籍 {active} 人）",
                year.staff.len()
            ))
            .strong(),
        );
        problem_line(ui, &self.problem);
        egui::Grid::new("year_staff")
            .striped(true)
            .num_columns(4)
            .show(ui, |ui| {
                header_row(ui, &["所属", "氏名", "在籍", ""]);
                for (i, person) in year.staff.iter().enumerate() {
                    let n = i + 1;
                    for (field, saved, name, width) in [
                        (Field::Department, &person.department, "所属", 160.0),
                        (Field::Name, &person.name, "氏名", 160.0),
                    ] {
                        if let Some(typed) = self.drafts.field(
                            ui,
                            (person.id.0, field),
                            saved,
                            width,
                            &format!("{name} {n}人目"),
                        ) {
                            out.edits.push(put(with_text(person, field, &typed)));
                        }
                    }
                    let mut active = person.active;
                    if ui
                        .checkbox(&mut active, "")
                        .accessible_name(format!("在籍 {n}人目"))
                        .changed()
                    {
                        out.edits.push(put(Staff {
                            active,
                            ..person.clone()
                        }));
                    }
                    if ui
                        .button("削除")
                        .accessible_name(format!("従業員を削除 {n}人目"))
                        .clicked()
                    {
                        out.edits
                            .push(Edit::Year(YearEdit::Remove(YearKey::Staff(person.id.0))));
                    }
                    ui.end_row();
                }
            });
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            let l = ui.label("所属");
            ui.add(egui::TextEdit::singleline(&mut self.new_department).desired_width(140.0))
                .labelled_by(l.id);
            let l = ui.label("氏名");
            ui.add(egui::TextEdit::singleline(&mut self.new_name).desired_width(140.0))
                .labelled_by(l.id);
            if ui.button("従業員を追加").clicked() {
                if self.new_name.trim().is_empty() {
                    self.problem = Some("氏名を入れてください。".to_string());
                } else {
                    out.edits.push(put(Staff {
                        id: StaffId(year.next_id(YearKey::Staff)),
                        department: self.new_department.trim().to_string(),
                        name: self.new_name.trim().to_string(),
                        active: true,
                    }));
                    self.new_name.clear();
                    self.problem = None;
                }
            }
        });
        ui.add_space(8.0);
        ui.label("Excel から貼り付け（1 行に 氏名［タブ］所属）：");
        ui.add(
            egui::TextEdit::multiline(&mut self.pasted)
                .desired_rows(3)
                .desired_width(420.0),
        )
        .accessible_name("貼り付ける従業員の一覧");
        if ui.button("貼り付けた人を追加").clicked() {
            let people = pasted_staff(&self.pasted, year.next_id(YearKey::Staff));
            if !people.is_empty() {
                out.edits
                    .push(Edit::Batch(people.into_iter().map(put).collect()));
                self.pasted.clear();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pasted_lines_become_people_with_their_department() {
        let people = pasted_staff("佐藤 花子\t営業部\n\n鈴木 一郎,総務部\n高橋\n", 7);
        let read: Vec<_> = people
            .iter()
            .map(|s| (s.id.0, s.name.as_str(), s.department.as_str()))
            .collect();
        assert_eq!(
            read,
            [
                (7, "佐藤 花子", "営業部"),
                (8, "鈴木 一郎", "総務部"),
                (9, "高橋", "")
            ]
        );
    }
}
