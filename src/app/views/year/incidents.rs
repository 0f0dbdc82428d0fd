//! インシデント: the list, and a form for one — when it was found and happened, by whom, its 区分 and
//! 事故レベル (with what the level means and the lowest the rules allow), the assets of the 台帳 it
//! involves (with the legal reminder for personal data), the response's timeline and the 再発防止
//! measures, each a check item that 「対策計画に追加」 plans.

use super::fields::{moment_text, parse_moment};
use super::{labelled, problem_line};
use crate::app::views::Requests;
use crate::app::widgets::{header_row, pick};
use crate::domain::year::incident::{
    Incident, Kind, Level, Step, TimelineEntry, check_level, legal_report_reminder, lowest_level,
    reached,
};
use crate::domain::year::{YearEdit, YearKey, YearRecord};
use crate::domain::{Asset, AssetId, Edit, ItemNo, Measure, PlanOffer, Workbook};
use crate::operations::Session;
use eframe::egui::{self, RichText, Ui};

/// How many matches of the asset search are offered.
const MATCHES_SHOWN: usize = 8;

/// The fields of an incident being written (new: `id` not in the records yet).
struct IncidentForm {
    id: i64,
    found_at: String,
    occurred_at: String,
    found_by: String,
    kind: Kind,
    level: Level,
    title: String,
    description: String,
    assets: Vec<AssetId>,
    search: String,
}

impl IncidentForm {
    fn of(i: &Incident) -> IncidentForm {
        IncidentForm {
            id: i.id,
            found_at: moment_text(Some(i.found_at)),
            occurred_at: moment_text(i.occurred_at),
            found_by: i.found_by.clone(),
            kind: i.kind,
            level: i.level,
            title: i.title.clone(),
            description: i.description.clone(),
            assets: i.assets.clone(),
            search: String::new(),
        }
    }

    fn new(id: i64) -> IncidentForm {
        let now = chrono::Local::now().naive_local();
        IncidentForm {
            id,
            found_at: moment_text(Some(now)),
            occurred_at: String::new(),
            found_by: String::new(),
            kind: Kind::Other,
            level: Level::ALL[0],
            title: String::new(),
            description: String::new(),
            assets: Vec::new(),
            search: String::new(),
        }
    }

    fn involved<'a>(&self, register: &'a [Asset]) -> Vec<&'a Asset> {
        self.assets
            .iter()
            .filter_map(|id| register.iter().find(|a| a.id == *id))
            .collect()
    }

    /// The incident the form describes, keeping the saved one's timeline and measures; refused
    /// below the lowest level the rules allow, in the domain's words.
    fn incident(&self, wb: &Workbook) -> Result<Incident, String> {
        let involved = self.involved(&wb.assets);
        check_level(self.kind, &involved, self.level)?;
        let saved = wb.year.incidents.iter().find(|i| i.id == self.id);
        let occurred_at = match self.occurred_at.trim() {
            "" => None,
            text => Some(parse_moment("発生日時", text)?),
        };
        Ok(Incident {
            id: self.id,
            found_at: parse_moment("発見日時", &self.found_at)?,
            occurred_at,
            found_by: self.found_by.trim().to_string(),
            kind: self.kind,
            level: self.level,
            title: self.title.trim().to_string(),
            description: self.description.trim().to_string(),
            assets: self.assets.clone(),
            timeline: saved.map(|i| i.timeline.clone()).unwrap_or_default(),
            measures: saved.map(|i| i.measures.clone()).unwrap_or_default(),
        })
    }
}

/// A timeline entry and a measure being added to the saved incident.
struct Additions {
    step: Step,
    at: String,
    text: String,
    item: String,
}

impl Default for Additions {
    fn default() -> Self {
        Additions {
            step: Step::Report,
            at: moment_text(Some(chrono::Local::now().naive_local())),
            text: String::new(),
            item: String::new(),
        }
    }
}

#[derive(Default)]
pub struct IncidentsSection {
    editing: Option<IncidentForm>,
    adding: Additions,
    problem: Option<String>,
}

fn put(incident: Incident) -> Edit {
    Edit::Year(YearEdit::Put(YearRecord::Incident(incident)))
}

impl IncidentsSection {
    /// The open form of a saved incident, where it was changed and would be accepted (a new one is
    /// saved only by its button).
    pub fn take_drafts(&mut self, wb: &Workbook) -> Vec<Edit> {
        let Some(form) = &self.editing else {
            return Vec::new();
        };
        let saved = wb.year.incidents.iter().find(|i| i.id == form.id);
        match (saved, form.incident(wb)) {
            (Some(saved), Ok(changed)) if *saved != changed => {
                let edit = YearEdit::Put(YearRecord::Incident(changed));
                match edit.check(&wb.year, &wb.assets) {
                    Ok(()) => vec![Edit::Year(edit)],
                    Err(_) => Vec::new(),
                }
            }
            _ => Vec::new(),
        }
    }

    pub fn ui(&mut self, ui: &mut Ui, session: &Session, out: &mut Requests) {
        let wb = session.workbook();
        let incidents = &wb.year.incidents;
        ui.label(RichText::new(format!("インシデント {} 件", incidents.len())).strong());
        problem_line(ui, &self.problem);
        if !incidents.is_empty() {
            egui::Grid::new("year_incidents")
                .striped(true)
                .num_columns(6)
                .show(ui, |ui| {
                    header_row(ui, &["発見日時", "件名", "区分", "事故レベル", "対応", ""]);
                    for (i, incident) in incidents.iter().enumerate() {
                        ui.label(moment_text(Some(incident.found_at)));
                        ui.label(&incident.title);
                        ui.label(incident.kind.label());
                        ui.label(format!("レベル {}", incident.level.value()));
                        ui.label(reached(&incident.timeline).map_or("未対応", Step::label));
                        if ui
                            .button("開く")
                            .accessible_name(format!("インシデントを開く {}件目", i + 1))
                            .clicked()
                        {
                            self.editing = Some(IncidentForm::of(incident));
                            self.adding = Additions::default();
                            self.problem = None;
                        }
                        ui.end_row();
                    }
                });
        }
        if ui.button("インシデントを追加").clicked() {
            self.editing = Some(IncidentForm::new(wb.year.next_id(YearKey::Incident)));
            self.adding = Additions::default();
            self.problem = None;
        }
        self.form(ui, wb, out);
    }

    fn form(&mut self, ui: &mut Ui, wb: &Workbook, out: &mut Requests) {
        let Some(form) = &mut self.editing else {
            return;
        };
        let saved = wb.year.incidents.iter().find(|i| i.id == form.id).cloned();
        let mut done = None;
        ui.add_space(8.0);
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.label(
                RichText::new(if saved.is_some() {
                    "インシデントの記録"
                } else {
                    "新しいインシデント"
                })
                .strong(),
            );
            fields(ui, form);
            assets(ui, form, &wb.assets);
            ui.horizontal(|ui| {
                if ui.button("インシデントを保存").clicked() {
                    done = Some("save");
                }
                if saved.is_some() && ui.button("インシデントを削除").clicked() {
                    done = Some("remove");
                }
                if ui.button("閉じる").clicked() {
                    done = Some("close");
                }
            });
        });
        match done {
            Some("save") => match form.incident(wb) {
                Ok(incident) => {
                    out.edits.push(put(incident));
                    self.problem = None;
                }
                Err(why) => self.problem = Some(why),
            },
            Some("remove") => {
                out.edits
                    .push(Edit::Year(YearEdit::Remove(YearKey::Incident(form.id))));
                self.editing = None;
                return;
            }
            Some(_) => {
                self.editing = None;
                return;
            }
            None => {}
        }
        if let Some(incident) = saved {
            ui.add_space(8.0);
            self.timeline(ui, &incident, out);
            ui.add_space(8.0);
            self.measures(ui, wb, &incident, out);
        }
    }

    fn timeline(&mut self, ui: &mut Ui, incident: &Incident, out: &mut Requests) {
        ui.label(RichText::new("対応の経過").strong());
        let mut entries: Vec<&TimelineEntry> = incident.timeline.iter().collect();
        entries.sort_by_key(|e| (e.at, e.step));
        egui::Grid::new("incident_timeline")
            .striped(true)
            .num_columns(3)
            .show(ui, |ui| {
                for e in entries {
                    ui.label(moment_text(Some(e.at)));
                    ui.label(e.step.label());
                    ui.label(&e.text);
                    ui.end_row();
                }
            });
        ui.horizontal(|ui| {
            if let Some(step) = pick(
                ui,
                "timeline_step",
                "経過の段階",
                self.adding.step,
                &labelled(&Step::ALL, Step::label),
                100.0,
            ) {
                self.adding.step = step;
            }
            ui.add(egui::TextEdit::singleline(&mut self.adding.at).desired_width(130.0))
                .accessible_name("経過の日時");
            ui.add(egui::TextEdit::singleline(&mut self.adding.text).desired_width(360.0))
                .accessible_name("経過の内容");
            if ui.button("経過を追加").clicked() {
                match parse_moment("経過の日時", &self.adding.at) {
                    Ok(at) => {
                        let mut changed = incident.clone();
                        changed.timeline.push(TimelineEntry {
                            step: self.adding.step,
                            at,
                            text: self.adding.text.trim().to_string(),
                        });
                        out.edits.push(put(changed));
                        self.adding.text.clear();
                        self.problem = None;
                    }
                    Err(why) => self.problem = Some(why),
                }
            }
        });
    }

    fn measures(&mut self, ui: &mut Ui, wb: &Workbook, incident: &Incident, out: &mut Requests) {
        ui.label(RichText::new("再発防止の対策（チェック項目）").strong());
        for no in &incident.measures {
            ui.horizontal(|ui| {
                let question = wb
                    .items
                    .iter()
                    .find(|i| i.no == *no)
                    .map_or("", |i| i.question.as_str());
                ui.label(format!("No.{} {question}", no.0));
                let measure = Measure::Item(*no);
                match PlanOffer::of(wb, measure) {
                    PlanOffer::Planned(n) => {
                        ui.label(
                            RichText::new(format!("対策計画の {n} 件目にあります"))
                                .color(ui.visuals().weak_text_color()),
                        );
                    }
                    offer => {
                        if ui
                            .button("対策計画に追加")
                            .accessible_name(format!("No.{} を対策計画に追加", no.0))
                            .clicked()
                        {
                            out.edits.extend(offer.edit(measure));
                        }
                    }
                }
            });
        }
        ui.horizontal(|ui| {
            let l = ui.label("チェック項目の No.");
            ui.add(egui::TextEdit::singleline(&mut self.adding.item).desired_width(60.0))
                .labelled_by(l.id);
            if ui.button("対策を加える").clicked() {
                let typed = self.adding.item.trim();
                let found = typed
                    .trim_start_matches("No.")
                    .parse::<u16>()
                    .ok()
                    .map(ItemNo)
                    .filter(|no| wb.items.iter().any(|i| i.no == *no));
                match found {
                    Some(no) if incident.measures.contains(&no) => {
                        self.problem = Some(format!("No.{} はもう入っています。", no.0));
                    }
                    Some(no) => {
                        let mut changed = incident.clone();
                        changed.measures.push(no);
                        out.edits.push(put(changed));
                        self.adding.item.clear();
                        self.problem = None;
                    }
                    None => {
                        self.problem = Some(format!(
                            "「{typed}」に当たるチェック項目がありません。対策状況チェックの No. を入れてください。"
                        ));
                    }
                }
            }
        });
    }
}

/// 発見日時 … 内容, 区分 and 事故レベル with its meaning and the lowest allowed.
fn fields(ui: &mut Ui, form: &mut IncidentForm) {
    egui::Grid::new("incident_form")
        .num_columns(2)
        .show(ui, |ui| {
            for (label, text) in [
                ("発見日時", &mut form.found_at),
                ("発生日時", &mut form.occurred_at),
                ("発見者", &mut form.found_by),
                ("件名", &mut form.title),
                ("内容", &mut form.description),
            ] {
                let l = ui.label(label);
                ui.add(egui::TextEdit::singleline(text).desired_width(420.0))
                    .labelled_by(l.id);
                ui.end_row();
            }
            ui.label("区分");
            if let Some(kind) = pick(
                ui,
                "incident_kind",
                "区分",
                form.kind,
                &labelled(&Kind::ALL, Kind::label),
                120.0,
            ) {
                form.kind = kind;
            }
            ui.end_row();
            ui.label("事故レベル");
            ui.horizontal(|ui| {
                let levels: Vec<(Level, String)> = Level::ALL
                    .iter()
                    .map(|l| (*l, format!("レベル {}", l.value())))
                    .collect();
                if let Some(level) = pick(
                    ui,
                    "incident_level",
                    "事故レベル",
                    form.level,
                    &levels,
                    90.0,
                ) {
                    form.level = level;
                }
                ui.label(form.level.meaning());
            });
            ui.end_row();
        });
}

/// The assets involved, picked from the 台帳 by name, and the legal reminder they bring up.
fn assets(ui: &mut Ui, form: &mut IncidentForm, register: &[Asset]) {
    ui.label(RichText::new("関係する情報資産").strong());
    let involved = form.involved(register);
    let mut dropped = None;
    for asset in &involved {
        ui.horizontal(|ui| {
            ui.label(&asset.name);
            if ui
                .button("外す")
                .accessible_name(format!("{} を外す", asset.name))
                .clicked()
            {
                dropped = Some(asset.id);
            }
        });
    }
    let lowest = lowest_level(form.kind, &involved);
    if lowest.value() > 0 {
        ui.label(format!(
            "この区分と資産では、事故レベル {} 以上です。",
            lowest.value()
        ));
    }
    if let Some(reminder) = legal_report_reminder(&involved) {
        ui.colored_label(ui.visuals().warn_fg_color, reminder);
    }
    ui.horizontal(|ui| {
        let l = ui.label("台帳から探す");
        ui.add(egui::TextEdit::singleline(&mut form.search).desired_width(200.0))
            .labelled_by(l.id);
    });
    let search = form.search.trim();
    let mut added = None;
    if !search.is_empty() {
        let matches = register
            .iter()
            .filter(|a| a.name.contains(search) && !form.assets.contains(&a.id))
            .take(MATCHES_SHOWN);
        ui.horizontal_wrapped(|ui| {
            for asset in matches {
                if ui.button(format!("{} を加える", asset.name)).clicked() {
                    added = Some(asset.id);
                }
            }
        });
    }
    if let Some(id) = added {
        form.assets.push(id);
        form.search.clear();
    }
    if let Some(id) = dropped {
        form.assets.retain(|a| *a != id);
    }
}
