//! 「規程」 (手順4): the company profile that decides which of the 13 documents of the guideline's
//! policy sample apply, and the table of the 13 with the 診断結果's need and the company's own
//! status, 改訂日 and 承認者 for each. What the 対策状況チェック suggests of the profile is shown
//! beside each question, to be taken with a click: never stored as the user's answer by itself.

use crate::app::widgets::{choice, date_picker, header_row, pick, text_field};
use crate::calc::policy::{CompanyPolicy, company_table, suggested_profile};
use crate::domain::Edit;
use crate::domain::policy::{
    CompanyProfile, DocumentNo, DocumentRecord, DocumentStatus, Question, parse_employees, yes_no,
};
use crate::domain::{Workbook, dates::long_date};
use crate::operations::Session;
use eframe::egui::{self, RichText, Ui};
use std::collections::HashMap;

/// Widths of the table's text columns: the longest 名称 and 適用条件 wrap to two lines.
const NAME_WIDTH: f32 = 230.0;
const CONDITION_WIDTH: f32 = 250.0;
const APPROVER_WIDTH: f32 = 170.0;
/// Room for 「当てはまらない（推定）」 on every row: the columns after it stay put when the last
/// suggestion is answered.
const APPLIES_WIDTH: f32 = 150.0;

/// When the 対策状況チェック suggests nothing for `question`: what answers it.
fn hint(question: Question) -> &'static str {
    match question {
        Question::DevelopsSystems => {
            "（9）システムの開発及び保守 に回答すると、その回答から推定します"
        }
        Question::Outsources => "（10）委託管理 に回答すると、その回答から推定します",
        Question::SharesImportantInformation => {
            "委託先と秘密情報や個人情報などを受け渡すなら「はい」"
        }
    }
}

#[derive(Default)]
pub struct PoliciesView {
    /// 従業員数 being typed.
    employees: Option<String>,
    /// Why the typed 従業員数 was not taken, shown beside the field until it is typed again.
    employees_problem: Option<String>,
    /// 承認者 being typed, by document.
    approvers: HashMap<DocumentNo, String>,
}

impl PoliciesView {
    fn profile(&mut self, ui: &mut Ui, wb: &Workbook, suggested: CompanyProfile) -> Vec<Edit> {
        let mut edits = Vec::new();
        let profile = wb.profile;
        egui::Grid::new("policies_profile")
            .num_columns(3)
            .spacing([12.0, 6.0])
            .show(ui, |ui| {
                ui.label("従業員数");
                ui.horizontal(|ui| {
                    let saved = profile.employees.map(|n| n.to_string()).unwrap_or_default();
                    let mut text = self.employees.clone().unwrap_or_else(|| saved.clone());
                    let response = text_field(ui, &mut text, 80.0, "従業員数（名）");
                    if response.changed() {
                        self.employees = Some(text);
                        self.employees_problem = None;
                    }
                    ui.label("名");
                    if response.lost_focus()
                        && let Some(edit) = self.employees_edit(&profile)
                    {
                        edits.push(edit);
                    }
                });
                match &self.employees_problem {
                    Some(problem) => {
                        ui.colored_label(ui.visuals().error_fg_color, problem);
                    }
                    None => {
                        ui.weak("代表者を含む人数。2 名以上なら No.12 社内体制図が当てはまります");
                    }
                }
                ui.end_row();
                for q in Question::ALL {
                    ui.label(q.text());
                    let options = [(true, "はい".to_string()), (false, "いいえ".to_string())];
                    let (picked, _) = choice(
                        ui,
                        ("policies_question", q.text()),
                        q.text(),
                        "未回答",
                        q.get(&profile),
                        &options,
                        |v| yes_no(v).to_string(),
                        100.0,
                    );
                    if let Some(value) = picked {
                        let mut changed = profile;
                        q.set(&mut changed, value);
                        edits.push(Edit::SetProfile(changed));
                    }
                    ui.horizontal(|ui| match (q.get(&suggested), q.get(&profile)) {
                        (Some(guess), None) => {
                            ui.label(format!(
                                "対策状況チェックの回答からの推定：「{}」",
                                yes_no(guess)
                            ));
                            let use_it = ui
                                .button("推定のとおりにする")
                                .accessible_name(format!("{}：推定のとおりにする", q.text()));
                            if use_it.clicked() {
                                let mut changed = profile;
                                q.set(&mut changed, Some(guess));
                                edits.push(Edit::SetProfile(changed));
                            }
                        }
                        (Some(guess), Some(own)) if guess != own => {
                            ui.weak(format!(
                                "（対策状況チェックの回答からの推定は「{}」）",
                                yes_no(guess)
                            ));
                        }
                        (Some(_), Some(_)) => {
                            ui.weak("（対策状況チェックの回答とも合っています）");
                        }
                        (None, _) => {
                            ui.weak(hint(q));
                        }
                    });
                    ui.end_row();
                }
            });
        edits
    }

    /// The typed 従業員数 as an edit, or the reason it cannot be taken (kept for the field).
    fn employees_edit(&mut self, profile: &CompanyProfile) -> Option<Edit> {
        let typed = self.employees.take()?;
        match parse_employees(&typed) {
            Ok(employees) if employees != profile.employees => {
                Some(Edit::SetProfile(CompanyProfile {
                    employees,
                    ..*profile
                }))
            }
            Ok(_) => None,
            Err(problem) => {
                self.employees_problem = Some(problem);
                self.employees = Some(typed);
                None
            }
        }
    }

    fn table(&mut self, ui: &mut Ui, rows: &[CompanyPolicy]) -> Vec<Edit> {
        let mut edits = Vec::new();
        let statuses: Vec<(DocumentStatus, String)> = DocumentStatus::ALL
            .iter()
            .map(|s| (*s, s.label().to_string()))
            .collect();
        egui::Grid::new("policies_table")
            .striped(true)
            .spacing([ui.spacing().item_spacing.x + 4.0, 6.0])
            .num_columns(8)
            .show(ui, |ui| {
                header_row(
                    ui,
                    &[
                        "No.",
                        "名称",
                        "適用条件",
                        "当てはまるか",
                        "診断結果の要否",
                        "状態",
                        "改訂日",
                        "承認者",
                    ],
                );
                for p in rows {
                    let no = p.row.policy.no;
                    let record = &p.record;
                    ui.label(no.to_string());
                    wrapped(ui, p.row.policy.name, NAME_WIDTH);
                    wrapped(ui, p.row.policy.condition.label(), CONDITION_WIDTH);
                    ui.scope(|ui| {
                        ui.set_min_width(APPLIES_WIDTH);
                        let applies = ui.label(applies_text(ui, p));
                        let applies = applies.accessible_name(format!("No.{no} 当てはまるか"));
                        if p.suggested {
                            applies.on_hover_text(
                                "会社の情報が未回答なので、対策状況チェックの回答から推定しました。上の「会社の情報」で決めてください",
                            );
                        }
                    });
                    ui.label(p.needed_text())
                        .accessible_name(format!("No.{no} 診断結果の要否"));
                    if let Some(status) = pick(
                        ui,
                        ("policy_status", no),
                        &format!("状態 No.{no}"),
                        record.status,
                        &statuses,
                        90.0,
                    ) {
                        edits.push(Edit::SetDocument(DocumentRecord {
                            status,
                            ..record.clone()
                        }));
                    }
                    if let Some(revised) = date_picker(
                        ui,
                        egui::Id::unique(("policy_revised", no)),
                        &format!("改訂日 No.{no}"),
                        record.revised,
                    ) {
                        edits.push(Edit::SetDocument(DocumentRecord {
                            revised,
                            ..record.clone()
                        }));
                    }
                    ui.horizontal(|ui| {
                        edits.extend(self.approver_field(ui, record));
                        if let Some(missing) = record.missing() {
                            ui.colored_label(ui.visuals().warn_fg_color, "⚠")
                                .on_hover_text(format!("承認済みですが、{missing}です"));
                        }
                    });
                    ui.end_row();
                }
            });
        edits
    }

    fn approver_field(&mut self, ui: &mut Ui, record: &DocumentRecord) -> Option<Edit> {
        let mut text = self
            .approvers
            .get(&record.no)
            .cloned()
            .unwrap_or_else(|| record.approver.clone());
        let name = format!("承認者 No.{}", record.no.value());
        let response = text_field(ui, &mut text, APPROVER_WIDTH, &name);
        if response.changed() {
            self.approvers.insert(record.no, text);
        }
        if response.lost_focus() {
            let typed = self.approvers.remove(&record.no)?;
            return (typed != record.approver).then(|| {
                Edit::SetDocument(DocumentRecord {
                    approver: typed,
                    ..record.clone()
                })
            });
        }
        None
    }

    fn show(&mut self, ui: &mut Ui, session: &Session) -> Vec<Edit> {
        let wb = session.workbook();
        let diagnosis = session.diagnosis();
        let rows = company_table(wb, diagnosis);
        let mut edits = Vec::new();
        egui::ScrollArea::vertical()
            .id_salt("policies_scroll")
            .show(ui, |ui| {
                ui.heading("会社の情報");
                ui.label("どの規程が当てはまるかを決めます。未回答の間は、対策状況チェックの回答から推定できるものは推定で表に出します。");
                edits.extend(self.profile(ui, wb, suggested_profile(diagnosis)));
                ui.separator();
                ui.heading("情報セキュリティ関連規程（13 文書）");
                let applying = rows.iter().filter(|p| p.row.applies == Some(true)).count();
                let needed = rows.iter().filter(|p| p.row.needed == Some(true)).count();
                let approved = rows
                    .iter()
                    .filter(|p| p.record.status == DocumentStatus::Approved)
                    .count();
                ui.label(
                    RichText::new(format!(
                        "当てはまる {applying} 文書、診断結果から必要 {needed} 文書、承認済み {approved} 文書"
                    ))
                    .strong(),
                );
                ui.weak("診断結果の要否：1〜11 は対策状況チェックの分類の ◎（リスク大の脅威に関わる）・○、12・13 は適用条件から。");
                edits.extend(self.table(ui, &rows));
                if let Some(latest) = rows.iter().filter_map(|p| p.record.revised).max() {
                    ui.add_space(4.0);
                    ui.weak(format!("最新の改訂日：{}", long_date(latest)));
                }
            });
        edits
    }
}

/// A text cell `width` wide that wraps (the row grows with it).
fn wrapped(ui: &mut Ui, text: &str, width: f32) {
    ui.scope(|ui| {
        ui.set_width(width);
        ui.add(egui::Label::new(text).wrap());
    });
}

/// 当てはまるか, a suggestion in a weaker colour than the user's own answer.
fn applies_text(ui: &Ui, p: &CompanyPolicy) -> RichText {
    let text = RichText::new(p.applies_text());
    if p.suggested || p.row.applies.is_none() {
        text.color(ui.visuals().weak_text_color())
    } else {
        text
    }
}

impl super::View for PoliciesView {
    fn sheet(&self) -> super::Sheet {
        super::Sheet::Policies
    }

    fn ui(&mut self, ui: &mut Ui, session: &Session) -> super::Requests {
        self.show(ui, session).into()
    }

    fn take_drafts(&mut self, workbook: &Workbook) -> Vec<Edit> {
        let mut edits: Vec<Edit> = self.employees_edit(&workbook.profile).into_iter().collect();
        // A 従業員数 that cannot be read stays in its field; it is not saved.
        for (no, typed) in self.approvers.drain() {
            let record = workbook.document(no);
            if typed != record.approver {
                edits.push(Edit::SetDocument(DocumentRecord {
                    approver: typed,
                    ..record
                }));
            }
        }
        edits
    }
}
