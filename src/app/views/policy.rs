//! 規程: the company's policy draft (Word) walked chapter by chapter — each red spot (書き換え) and
//! blue spot (選択) with the sentence around it, its alternatives, what riskbook already knows
//! (会社名, 改訂日, people) as suggestions, and a field that is always there to write in. The 規程 the
//! company's profile rules out are named, and so are their chapters, for the user to remove.

use super::{Requests, Sheet, View};
use crate::app::actions::Action;
use crate::app::widgets::text_field;
use crate::calc::policy::company_table;
use crate::domain::Edit;
use crate::domain::policy::policy_named_in;
use crate::domain::policy::spots::{self, Progress, Spot, SpotKind, SpotNo, SpotValue};
use crate::operations::Session;
use crate::operations::policy_document::draft;
use eframe::egui::{self, RichText, Ui};
use std::collections::HashMap;

/// The draft as last read: file name, import date and spots, or why it cannot be shown.
type Read = Result<(String, String, Vec<Spot>), String>;

#[derive(Default)]
pub struct PolicyView {
    /// The draft read for the session's revision (the spots are found again only after a change).
    read: Option<(u64, Read)>,
    chapter: usize,
    drafts: HashMap<SpotNo, String>,
}

fn read(session: &Session) -> Read {
    match draft(session) {
        Ok(d) => Ok((
            d.document.file_name,
            crate::domain::dates::long_date(d.document.imported_on),
            d.spots,
        )),
        Err(e) => Err(e.to_string()),
    }
}

/// The edit a typed text makes: an empty text clears the spot.
fn edit_of(no: SpotNo, text: &str) -> Edit {
    Edit::SetPolicyValue(no, SpotValue::new(text).ok())
}

impl PolicyView {
    fn spot_ui(&mut self, ui: &mut Ui, spot: &Spot, session: &Session, edits: &mut Vec<Edit>) {
        let wb = session.workbook();
        let value = wb.policy_values.get(spot.no).map(SpotValue::as_str);
        let colour = match spot.kind {
            SpotKind::Rewrite => egui::Color32::from_rgb(0xC0, 0x00, 0x00),
            SpotKind::Choose => egui::Color32::from_rgb(0x00, 0x50, 0xA0),
        };
        ui.add_space(6.0);
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(format!("No.{}", spot.no)).strong());
            ui.label(RichText::new(spot.kind.label()).color(colour));
            if !spot.section.is_empty() {
                ui.label(RichText::new(&spot.section).weak());
            }
            ui.label(RichText::new(spot.place.label()).weak());
            ui.label(if value.is_some() {
                "記入済み"
            } else {
                "未記入"
            });
        });
        ui.horizontal_wrapped(|ui| {
            ui.spacing_mut().item_spacing.x = 0.0;
            ui.label(&spot.before);
            ui.label(RichText::new(&spot.text).color(colour).underline());
            ui.label(&spot.after);
        });
        ui.horizontal_wrapped(|ui| {
            let name = format!("No.{} の内容", spot.no);
            let mut text = self
                .drafts
                .get(&spot.no)
                .cloned()
                .unwrap_or_else(|| value.unwrap_or_default().to_string());
            let response = text_field(ui, &mut text, 320.0, &name);
            if response.changed() {
                self.drafts.insert(spot.no, text);
            }
            if response.lost_focus()
                && let Some(typed) = self.drafts.remove(&spot.no)
            {
                let typed = SpotValue::new(typed.trim()).ok();
                if wb.policy_values.get(spot.no) != typed.as_ref() {
                    edits.push(Edit::SetPolicyValue(spot.no, typed));
                }
            }
            let today = chrono::Local::now().date_naive();
            let offered = spot
                .options()
                .into_iter()
                .chain(spots::suggestions(spot, wb, today));
            for option in offered {
                let chosen = value == Some(option.as_str());
                if ui
                    .selectable_label(chosen, &option)
                    .accessible_name(format!("No.{} を「{option}」にする", spot.no))
                    .on_hover_text("この内容で記入します")
                    .clicked()
                    && !chosen
                {
                    self.drafts.remove(&spot.no);
                    edits.push(edit_of(spot.no, &option));
                }
            }
        });
    }
}

impl View for PolicyView {
    fn sheet(&self) -> Sheet {
        Sheet::Policy
    }

    fn ui(&mut self, ui: &mut Ui, session: &Session) -> Requests {
        let mut edits = Vec::new();
        if self
            .read
            .as_ref()
            .is_none_or(|(r, _)| *r != session.revision())
        {
            self.read = Some((session.revision(), read(session)));
        }
        let Some((_, read)) = &self.read else {
            return Requests::default();
        };
        let (file, date, spots) = match read {
            Ok(read) => read.clone(),
            Err(why) => {
                ui.label(why);
                ui.label(format!(
                    "ファイル → {} で、赤字（書き換え）と青字（選択）の印の付いた規程の文書を取り込めます。",
                    Action::PolicyImport.label()
                ));
                let mut requests = Requests::default();
                if ui.button(Action::PolicyImport.label()).clicked() {
                    requests.action = Some(Action::PolicyImport);
                }
                return requests;
            }
        };
        let values = &session.workbook().policy_values;
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(format!("「{file}」（{date} 取り込み）")).strong());
            for kind in [SpotKind::Rewrite, SpotKind::Choose] {
                ui.separator();
                ui.label(Progress::of(&spots, values, kind).to_string());
            }
        });
        let chapters = spots::chapters(&spots);
        if chapters.is_empty() {
            ui.label("この文書には赤字・青字の箇所がありません。");
            return Requests::default();
        }
        self.chapter = self.chapter.min(chapters.len() - 1);
        let label = |(name, list): &(&str, Vec<&Spot>)| {
            let filled = list.iter().filter(|s| values.get(s.no).is_some()).count();
            let name = if name.is_empty() {
                "（見出しの前）"
            } else {
                name
            };
            let mark = if chapter_does_not_apply(session, name) {
                "・当てはまらない"
            } else {
                ""
            };
            format!("{name}（{} か所中 {filled} か所{mark}）", list.len())
        };
        ui.horizontal_wrapped(|ui| {
            if ui
                .add_enabled(self.chapter > 0, egui::Button::new("前の章"))
                .clicked()
            {
                self.chapter -= 1;
            }
            if ui
                .add_enabled(
                    self.chapter + 1 < chapters.len(),
                    egui::Button::new("次の章"),
                )
                .clicked()
            {
                self.chapter += 1;
            }
            egui::ComboBox::from_id_salt("policy_chapter")
                .selected_text(label(&chapters[self.chapter]))
                .show_ui(ui, |ui| {
                    for (i, chapter) in chapters.iter().enumerate() {
                        ui.selectable_value(&mut self.chapter, i, label(chapter));
                    }
                })
                .response
                .on_hover_text("章");
        });
        ui.label(
            RichText::new("記入していない箇所は、書き出した文書でも元の赤字・青字のままです。当てはまらない章は書き出した文書で消してください。")
                .weak(),
        );
        let not_applying = not_applying(session);
        if !not_applying.is_empty() {
            ui.label(format!(
                "当てはまらない規程（「規程」の会社の情報から）：{}。riskbook は文書の文を消しません。要らない章は Word で消してください。",
                not_applying.join("、")
            ));
        }
        ui.separator();
        let list = &chapters[self.chapter].1;
        ui.heading(label(&chapters[self.chapter]));
        egui::ScrollArea::vertical()
            .id_salt("policy_scroll")
            .show(ui, |ui| {
                for spot in list {
                    self.spot_ui(ui, spot, session, &mut edits);
                }
            });
        edits.into()
    }

    fn take_drafts(&mut self, workbook: &crate::domain::Workbook) -> Vec<Edit> {
        self.drafts
            .drain()
            .map(|(no, text)| (no, SpotValue::new(text.trim()).ok()))
            .filter(|(no, typed)| workbook.policy_values.get(*no) != typed.as_ref())
            .map(|(no, typed)| Edit::SetPolicyValue(no, typed))
            .collect()
    }
}

/// The 規程 that do not apply to the company, as 「No.9 システムの開発及び保守」 (the profile's
/// answers, or what the 対策状況チェック suggests where unanswered).
fn not_applying(session: &Session) -> Vec<String> {
    company_table(session.workbook(), session.diagnosis())
        .into_iter()
        .filter(|row| row.row.applies == Some(false))
        .map(|row| format!("No.{} {}", row.row.policy.no, row.row.policy.name))
        .collect()
}

/// Whether the chapter `heading` is the text of a 規程 that does not apply to the company.
fn chapter_does_not_apply(session: &Session, heading: &str) -> bool {
    let Some(policy) = policy_named_in(heading) else {
        return false;
    };
    company_table(session.workbook(), session.diagnosis())
        .iter()
        .any(|row| row.row.policy.no == policy.no && row.row.applies == Some(false))
}
