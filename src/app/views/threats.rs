//! 脅威の状況: per medium its threats, each with a 1–3 frequency and the vulnerability computed from the
//! check items that counter it.

use crate::app::widgets::{choice, header_row};
use crate::domain::Edit;
use crate::domain::{Frequency, Medium};
use crate::operations::Session;
use eframe::egui::{self, Ui};

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
    egui::ScrollArea::vertical()
        .id_salt("threats_scroll")
        .show(ui, |ui| {
            for medium in Medium::ALL {
                let threats: Vec<_> = workbook.threats_of(medium).collect();
                let assets = assessment.assets_on(medium);
                ui.add_space(8.0);
                ui.heading(format!("{medium}（情報資産 {assets} 件）"));
                if threats.is_empty() {
                    ui.label("この媒体の脅威はありません。この媒体の情報資産は未算定になります。");
                    continue;
                }
                egui::Grid::new(("threat_grid", medium))
                    .striped(true)
                    .num_columns(5)
                    .min_col_width(60.0)
                    .show(ui, |ui| {
                        header_row(
                            ui,
                            &[
                                "個別の脅威",
                                "脅威の発生頻度",
                                "脆弱性",
                                "被害発生可能性",
                                "対策状況チェックの関連項目",
                            ],
                        );
                        for threat in threats {
                            let Some(ta) = assessment.threat(threat.id) else {
                                continue;
                            };
                            ui.scope(|ui| {
                                ui.set_width(300.0);
                                ui.add(egui::Label::new(&threat.name).wrap());
                            });
                            let (picked, _) = choice(
                                ui,
                                ("freq", threat.id),
                                &format!("脅威の発生頻度 {}", threat.name),
                                "未設定",
                                threat.frequency,
                                &options,
                                |f| format!("{}：{}", f.value(), f.label()),
                                330.0,
                            );
                            if let Some(f) = picked {
                                edits.push(Edit::SetFrequency(threat.id, f));
                            }
                            ui.label(format!("{} {}", ta.vulnerability, ta.vulnerability.label()));
                            ui.label(match ta.likelihood {
                                Some(p) => format!("{p} {}", p.label()),
                                None => "未算定".into(),
                            });
                            egui::CollapsingHeader::new(format!("{} 項目", threat.items.len()))
                                .id_salt(("links", threat.id))
                                .show(ui, |ui| {
                                    for no in &threat.items {
                                        let Some(item) =
                                            workbook.items.iter().find(|i| i.no == *no)
                                        else {
                                            continue;
                                        };
                                        let answer =
                                            item.answer.map_or("未回答".to_string(), |a| {
                                                format!("{} {}", a.value(), a.label())
                                            });
                                        ui.add(
                                            egui::Label::new(format!(
                                                "No.{} {} — {answer}",
                                                no.0, item.question
                                            ))
                                            .wrap(),
                                        );
                                    }
                                });
                            ui.end_row();
                        }
                    });
            }
        });
    edits
}
