//! 連絡網: who to call, in calling order — edited in place, moved up and down, saved whole
//! (`YearEdit::SetContacts`), and printed on one page to post by the phone.

use super::fields::Drafts;
use crate::app::actions::Action;
use crate::app::views::Requests;
use crate::app::widgets::header_row;
use crate::domain::Edit;
use crate::domain::year::contacts::Contact;
use crate::domain::year::{Year, YearEdit};
use crate::operations::Session;
use eframe::egui::{self, RichText, Ui};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Column {
    Role,
    Name,
    Phone,
    Mail,
    Note,
}

impl Column {
    const ALL: [Column; 5] = [
        Column::Role,
        Column::Name,
        Column::Phone,
        Column::Mail,
        Column::Note,
    ];

    fn label(self) -> &'static str {
        match self {
            Column::Role => "役割",
            Column::Name => "氏名",
            Column::Phone => "電話",
            Column::Mail => "メール",
            Column::Note => "備考",
        }
    }

    fn width(self) -> f32 {
        match self {
            Column::Role => 190.0,
            Column::Name | Column::Phone => 140.0,
            Column::Mail => 200.0,
            Column::Note => 180.0,
        }
    }

    fn text(self, c: &mut Contact) -> &mut String {
        match self {
            Column::Role => &mut c.role,
            Column::Name => &mut c.name,
            Column::Phone => &mut c.phone,
            Column::Mail => &mut c.mail,
            Column::Note => &mut c.note,
        }
    }
}

fn set(list: Vec<Contact>) -> Edit {
    Edit::Year(YearEdit::SetContacts(list))
}

/// What a click on a row's buttons does to the list.
enum RowChange {
    Up(usize),
    Down(usize),
    Remove(usize),
}

#[derive(Default)]
pub struct ContactsSection {
    drafts: Drafts<(usize, Column)>,
}

impl ContactsSection {
    pub fn take_drafts(&mut self, year: &Year) -> Vec<Edit> {
        let mut list = year.contacts.clone();
        for ((row, column), text) in self.drafts.take() {
            if let Some(c) = list.get_mut(row) {
                *column.text(c) = text.trim().to_string();
            }
        }
        if list == year.contacts {
            Vec::new()
        } else {
            vec![set(list)]
        }
    }

    pub fn ui(&mut self, ui: &mut Ui, session: &Session, out: &mut Requests) {
        let contacts = &session.workbook().year.contacts;
        ui.label(RichText::new("連絡網（上から順に連絡します）").strong());
        let mut change = None;
        egui::Grid::new("year_contacts")
            .striped(true)
            .num_columns(9)
            .show(ui, |ui| {
                let mut headers = vec!["順"];
                headers.extend(Column::ALL.map(Column::label));
                headers.extend(["", "", ""]);
                header_row(ui, &headers);
                for (i, contact) in contacts.iter().enumerate() {
                    let n = i + 1;
                    ui.label(n.to_string());
                    for column in Column::ALL {
                        let saved = column.text(&mut contact.clone()).clone();
                        if let Some(typed) = self.drafts.field(
                            ui,
                            (i, column),
                            &saved,
                            column.width(),
                            &format!("{} {n}行目", column.label()),
                        ) {
                            let mut list = contacts.clone();
                            *column.text(&mut list[i]) = typed.trim().to_string();
                            out.edits.push(set(list));
                        }
                    }
                    let buttons = [
                        ("上へ", i > 0, RowChange::Up(i)),
                        ("下へ", n < contacts.len(), RowChange::Down(i)),
                        ("削除", true, RowChange::Remove(i)),
                    ];
                    for (label, enabled, what) in buttons {
                        if ui
                            .add_enabled(enabled, egui::Button::new(label))
                            .accessible_name(format!("{label} {n}行目"))
                            .clicked()
                        {
                            change = Some(what);
                        }
                    }
                    ui.end_row();
                }
            });
        if let Some(change) = change {
            let mut list = contacts.clone();
            match change {
                RowChange::Up(i) => list.swap(i - 1, i),
                RowChange::Down(i) => list.swap(i, i + 1),
                RowChange::Remove(i) => {
                    list.remove(i);
                }
            }
            out.edits.push(set(list));
        }
        ui.horizontal(|ui| {
            if ui.button("行を追加").clicked() {
                let mut list = contacts.clone();
                list.push(Contact {
                    role: "連絡先".to_string(),
                    ..Contact::default()
                });
                out.edits.push(set(list));
            }
            if ui.button(Action::ContactsPdf.name()).clicked() {
                out.action = Some(Action::ContactsPdf);
            }
        });
    }
}
