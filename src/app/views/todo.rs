//! 今やること: the first tab of a database with data — what is overdue, due soon or waiting across
//! the product (`calc::todo`), each with a button to the tab where it is done.

use super::year::Section;
use super::{Requests, Sheet};
use crate::calc::todo::{Place, Todo, Urgency, todos};
use crate::operations::Session;
use chrono::NaiveDate;
use eframe::egui::{self, Color32, RichText, Ui};

/// The tab where a thing to do is done (None: its tab is not in this build).
fn sheet_of(place: Place) -> Option<Sheet> {
    match place {
        Place::Plan => Some(Sheet::Plan),
        Place::Treatment => Some(Sheet::Treatment),
        Place::Duties => Some(Sheet::Year(Section::Duties)),
        Place::Incidents => Some(Sheet::Year(Section::Incidents)),
        Place::Training => Some(Sheet::Year(Section::Training)),
        Place::Contacts => Some(Sheet::Year(Section::Contacts)),
        Place::CheckSheet(id) => Some(Sheet::CheckSheet(Some(id))),
        Place::Supplier => Some(Sheet::Supplier),
    }
}

fn urgency_colour(urgency: Urgency, ui: &Ui) -> Color32 {
    match urgency {
        Urgency::Overdue => ui.visuals().error_fg_color,
        Urgency::Soon => ui.visuals().warn_fg_color,
        Urgency::Open => ui.visuals().weak_text_color(),
    }
}

/// The list is made again only when the data changed or the day did (a 100,000-asset workbook
/// takes longer than a frame to go through).
#[derive(Default)]
pub struct TodoView {
    made: Option<(u64, NaiveDate)>,
    list: Vec<Todo>,
}

impl TodoView {
    fn refresh(&mut self, session: &Session, today: NaiveDate) {
        let key = (session.revision(), today);
        if self.made != Some(key) {
            self.list = todos(session.workbook(), session.assessment(), today);
            self.made = Some(key);
        }
    }
}

impl super::View for TodoView {
    fn sheet(&self) -> Sheet {
        Sheet::Todo
    }

    fn ui(&mut self, ui: &mut Ui, session: &Session) -> Requests {
        let today = chrono::Local::now().date_naive();
        self.refresh(session, today);
        let mut requests = Requests::default();
        ui.heading(format!(
            "今やること（{}現在）",
            crate::domain::dates::long_date(today)
        ));
        let count = |u| self.list.iter().filter(|t| t.urgency == u).count();
        ui.label(format!(
            "期限切れ {} 件・期限間近 {} 件・未対応 {} 件",
            count(Urgency::Overdue),
            count(Urgency::Soon),
            count(Urgency::Open)
        ));
        ui.separator();
        if self.list.is_empty() {
            ui.label(
                "今やることはありません。期限の近い作業や未回答の項目ができると、ここに出ます。",
            );
            return requests;
        }
        egui::ScrollArea::vertical()
            .id_salt("todo_scroll")
            .show(ui, |ui| {
                egui::Grid::new("todo_list")
                    .striped(true)
                    .spacing([12.0, 8.0])
                    .num_columns(3)
                    .show(ui, |ui| {
                        for (i, todo) in self.list.iter().enumerate() {
                            ui.label(
                                RichText::new(todo.urgency.label())
                                    .color(urgency_colour(todo.urgency, ui))
                                    .strong(),
                            );
                            ui.scope(|ui| {
                                ui.set_max_width(760.0);
                                ui.add(egui::Label::new(&todo.what).wrap());
                            });
                            match sheet_of(todo.place) {
                                Some(sheet) => {
                                    if ui
                                        .button(format!("「{}」を開く", sheet.title()))
                                        .accessible_name(format!("{} 件目を開く", i + 1))
                                        .clicked()
                                    {
                                        requests.show = Some(sheet);
                                    }
                                }
                                None => {
                                    ui.label("");
                                }
                            }
                            ui.end_row();
                        }
                    });
            });
        requests
    }
}
