//! 年間の記録: the year's work after the risk analysis, one section at a time — the 年間計画 and its
//! 実施記録, 教育記録, 従業員, インシデント and the 連絡網. Every change is an `Edit::Year`, saved at once and
//! undoable; the session refuses what the domain's checks refuse, in their words.

mod contacts;
mod duties;
mod fields;
mod incidents;
mod staff;
mod training;

use super::{Requests, Sheet};
use crate::domain::{Edit, Workbook};
use crate::operations::Session;
use eframe::egui::{self, RichText, Ui};

/// A section of 年間の記録, chosen by the buttons at the top (or by 今やること).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Section {
    #[default]
    Duties,
    Training,
    Staff,
    Incidents,
    Contacts,
}

impl Section {
    pub const ALL: [Section; 5] = [
        Section::Duties,
        Section::Training,
        Section::Staff,
        Section::Incidents,
        Section::Contacts,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Section::Duties => "年間計画",
            Section::Training => "教育記録",
            Section::Staff => "従業員",
            Section::Incidents => "インシデント",
            Section::Contacts => "連絡網",
        }
    }
}

#[derive(Default)]
pub struct YearView {
    section: Section,
    duties: duties::DutiesSection,
    training: training::TrainingSection,
    staff: staff::StaffSection,
    incidents: incidents::IncidentsSection,
    contacts: contacts::ContactsSection,
}

impl super::View for YearView {
    fn sheet(&self) -> Sheet {
        Sheet::Year(self.section)
    }

    fn open(&mut self, sheet: Sheet) {
        if let Sheet::Year(section) = sheet {
            self.section = section;
        }
    }

    fn ui(&mut self, ui: &mut Ui, session: &Session) -> Requests {
        let mut requests = Requests::default();
        ui.horizontal(|ui| {
            for section in Section::ALL {
                if ui
                    .selectable_label(
                        self.section == section,
                        RichText::new(section.label()).size(15.0),
                    )
                    .clicked()
                    && self.section != section
                {
                    requests.edits.extend(self.take_drafts(session.workbook()));
                    self.section = section;
                }
            }
        });
        ui.separator();
        let today = chrono::Local::now().date_naive();
        egui::ScrollArea::vertical()
            .id_salt("year_scroll")
            .auto_shrink([false, false])
            .show(ui, |ui| match self.section {
                Section::Duties => self.duties.ui(ui, session, today, &mut requests),
                Section::Training => self.training.ui(ui, session, today, &mut requests),
                Section::Staff => self.staff.ui(ui, session, &mut requests),
                Section::Incidents => self.incidents.ui(ui, session, &mut requests),
                Section::Contacts => self.contacts.ui(ui, session, &mut requests),
            });
        requests
    }

    fn take_drafts(&mut self, workbook: &Workbook) -> Vec<Edit> {
        let year = &workbook.year;
        let mut edits = self.duties.take_drafts(year);
        edits.extend(self.staff.take_drafts(year));
        edits.extend(self.contacts.take_drafts(year));
        edits.extend(self.training.take_drafts(workbook));
        edits.extend(self.incidents.take_drafts(workbook));
        edits
    }
}

/// A refusal or a misread value, in red above the section until the next action.
fn problem_line(ui: &mut Ui, problem: &Option<String>) {
    if let Some(problem) = problem {
        ui.colored_label(ui.visuals().error_fg_color, problem);
    }
}

/// The options of a dropdown: each value with its label.
fn labelled<T: Copy>(values: &[T], label: fn(T) -> &'static str) -> Vec<(T, String)> {
    values.iter().map(|v| (*v, label(*v).to_string())).collect()
}
