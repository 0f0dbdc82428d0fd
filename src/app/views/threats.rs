//! 脅威の状況: per medium its threats, each with a 1–3 frequency and the vulnerability computed from the
//! check items that counter it.

use crate::app::columns::Columns;
use crate::app::widgets::choice;
use crate::calc::risk::ThreatAssessment;
use crate::domain::{Edit, Frequency, ItemNo, Medium, Threat, Workbook};
use crate::operations::Session;
use eframe::egui::{self, Ui, collapsing_header::CollapsingState};

/// The sheet's columns, the same for every medium so that the blocks line up.
const COLUMNS: Columns = Columns::new(&[
    ("個別の脅威", 380.0),
    ("脅威の発生頻度", 390.0),
    ("脆弱性", 215.0),
    ("被害発生可能性", 110.0),
    ("対策状況チェックの関連項目", 180.0),
]);

/// The frequency dropdown: as wide as its longest option, so that every box has the same width.
const FREQUENCY_WIDTH: f32 = 380.0;

/// The 脅威の状況 sheet (no state of its own).
pub struct ThreatsView;

impl super::View for ThreatsView {
    fn sheet(&self) -> super::Sheet {
        super::Sheet::Threats
    }

    fn ui(&mut self, ui: &mut Ui, session: &Session) -> super::Requests {
        self::ui(ui, session).into()
    }
}

pub fn ui(ui: &mut Ui, session: &Session) -> Vec<Edit> {
    let mut edits = Vec::new();
    let workbook = session.workbook();
    let assessment = session.assessment();
    ui.label(
        "媒体・保存先ごとに、対策を講じない場合の脅威の発生頻度を 1〜3 から選んでください。\
         脆弱性は「対策状況チェック」の回答から自動で決まります。",
    );
    let options: Vec<(Frequency, String)> = Frequency::all()
        .map(|f| (f, format!("{}：{}", f.value(), f.label())))
        .collect();
    // Across for a narrow window; the headers stay in sight while the media scroll under them.
    egui::ScrollArea::horizontal()
        .id_salt("threats_across")
        .show(ui, |ui| {
            ui.add_space(4.0);
            row_frame(ui, false, |ui| COLUMNS.header(ui));
            egui::ScrollArea::vertical()
                .id_salt("threats_scroll")
                .show(ui, |ui| {
                    for medium in Medium::ALL {
                        let threats: Vec<_> = workbook.threats_of(medium).collect();
                        let assets = assessment.assets_on(medium);
                        ui.add_space(8.0);
                        ui.heading(format!("{medium}（情報資産 {assets} 件）"));
                        if threats.is_empty() {
                            ui.label(
                                "この媒体の脅威はありません。この媒体の情報資産は未算定になります。",
                            );
                            continue;
                        }
                        for (i, threat) in threats.into_iter().enumerate() {
                            let Some(ta) = assessment.threat(threat.id) else {
                                continue;
                            };
                            row_frame(ui, i % 2 == 0, |ui| {
                                edits.extend(threat_row(ui, workbook, threat, ta, &options));
                            });
                        }
                    }
                });
        });
    edits
}

/// A threat's row, and below it, when opened, its check items across the table. Returns the edit
/// of a frequency picked.
fn threat_row(
    ui: &mut Ui,
    workbook: &Workbook,
    threat: &Threat,
    ta: &ThreatAssessment,
    options: &[(Frequency, String)],
) -> Option<Edit> {
    let id = ui.make_persistent_id(("links", threat.id));
    let mut links = CollapsingState::load_with_default_open(ui.ctx(), id, false);
    let picked = COLUMNS.row(ui, |row| {
        row.cell(|ui| ui.add(egui::Label::new(&threat.name).wrap()));
        let (picked, _) = row.cell(|ui| {
            choice(
                ui,
                ("freq", threat.id),
                &format!("脅威の発生頻度 {}", threat.name),
                "未設定",
                threat.frequency,
                options,
                |f| format!("{}：{}", f.value(), f.label()),
                FREQUENCY_WIDTH,
            )
        });
        let vulnerability = format!("{} {}", ta.vulnerability, ta.vulnerability.label());
        row.cell(|ui| ui.add(egui::Label::new(vulnerability).wrap()));
        row.cell(|ui| {
            ui.label(match ta.likelihood {
                Some(p) => format!("{p} {}", p.label()),
                None => "未算定".into(),
            })
        });
        row.cell(|ui| {
            let sign = if links.is_open() { "▼" } else { "▶" };
            let toggle = ui
                .add(egui::Button::new(format!("{sign} {} 項目", threat.items.len())).frame(false))
                .accessible_name(format!("対策状況チェックの関連項目 {}", threat.name));
            if toggle.clicked() {
                links.toggle(ui);
            }
        });
        picked
    });
    // Below the row, so that the row's cells keep the threat name's line.
    links.show_body_unindented(ui, |ui| {
        ui.indent(id, |ui| {
            ui.set_max_width(COLUMNS.width(ui) - ui.spacing().indent);
            linked_items(ui, workbook, &threat.items);
        })
    });
    picked.map(|f| Edit::SetFrequency(threat.id, f))
}

/// The check items that counter a threat, each with its answer.
fn linked_items(ui: &mut Ui, workbook: &Workbook, items: &[ItemNo]) {
    for no in items {
        let Some(item) = workbook.items.iter().find(|i| i.no == *no) else {
            continue;
        };
        let answer = item.answer.map_or("未回答".to_string(), |a| {
            format!("{} {}", a.value(), a.label())
        });
        ui.add(egui::Label::new(format!("No.{} {} — {answer}", no.0, item.question)).wrap());
    }
}

/// A row of the table, on the stripe colour when `striped`.
fn row_frame(ui: &mut Ui, striped: bool, add: impl FnOnce(&mut Ui)) {
    let fill = if striped {
        ui.visuals().faint_bg_color
    } else {
        egui::Color32::TRANSPARENT
    };
    egui::Frame::new()
        .fill(fill)
        .inner_margin(egui::Margin::symmetric(4, 2))
        .show(ui, add);
}
