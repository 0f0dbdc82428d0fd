//! The status bar: the last save, the counts of the diagnosis, characters that cannot be drawn,
//! a network location.

use super::RiskbookApp;
use crate::calc::RiskLevel;
use eframe::egui;

/// What the status bar says about the last save.
pub(super) enum Status {
    Opened,
    Saved(chrono::DateTime<chrono::Local>),
    Failed(String),
}

impl RiskbookApp {
    pub(super) fn status_bar(&self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            match &self.status {
                Status::Opened => ui.label("保存済み"),
                Status::Saved(at) => ui.label(format!("保存済み（{}）", at.format("%H:%M:%S"))),
                Status::Failed(e) => ui.colored_label(
                    ui.visuals().error_fg_color,
                    format!("保存できませんでした：{e}"),
                ),
            };
            if let Some(note) = &self.note {
                ui.separator();
                ui.label(note);
            }
            ui.separator();
            if let Some(viewing) = &self.viewing {
                ui.label(format!(
                    "印刷用の PDF を開いています：{}",
                    viewing.path.display()
                ));
                ui.separator();
            }
            let d = self.session.diagnosis();
            ui.label(format!(
                "情報資産 {} 件　リスク大 {}　中 {}　小 {}　未算定 {}　チェック {} / {}",
                self.session.workbook().assets.len(),
                d.level_counts[RiskLevel::High],
                d.level_counts[RiskLevel::Medium],
                d.level_counts[RiskLevel::Low],
                d.level_counts[RiskLevel::Unrated],
                d.answered,
                d.total
            ));
            if let Some((line, detail)) = self.glyphs.message() {
                ui.separator();
                ui.colored_label(ui.visuals().warn_fg_color, line)
                    .on_hover_text(detail);
            }
            if let Some(share) = self.session.store().network_location() {
                ui.separator();
                ui.label(format!("{share}のファイル（WAL を使わずに保存）"))
                    .on_hover_text("ネットワーク上のファイルは、同時に 1 台のパソコンだけが開けます。バックアップは閉じてからファイルをコピーしてください。");
            }
        });
    }
}
