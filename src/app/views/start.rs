//! The start view of an empty database: what a first-time user can do.

use eframe::egui::{self, RichText, Ui};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartChoice {
    NewRegister,
    OpenFile,
    ImportExcel,
    ImportList,
    LoadSample,
}

pub fn ui(ui: &mut Ui, path: &std::path::Path) -> Option<StartChoice> {
    let mut choice = None;
    ui.vertical_centered(|ui| {
        ui.add_space(40.0);
        ui.heading(RichText::new("riskbook へようこそ").size(28.0));
        ui.add_space(8.0);
        ui.label("IPA「中小企業の情報セキュリティ対策ガイドライン」のリスク分析シートを、この画面で作成できます。");
        ui.label(format!("データの保存先：{}", path.display()));
        ui.add_space(24.0);
        let size = egui::vec2(320.0, 44.0);
        let buttons = [
            (StartChoice::NewRegister, "新しく台帳を作る", "空の情報資産管理台帳から始めます"),
            (StartChoice::ImportExcel, "Excel から取り込む…", "今お使いのリスク分析シート（.xlsx）を読み込みます"),
            (StartChoice::ImportList, "自社の一覧表から取り込む…", "自社で作った情報資産の一覧（Excel・CSV）を台帳に読み込みます"),
            (StartChoice::OpenFile, "ファイルを開く…", "以前に保存した riskbook のデータベースを開きます"),
            (StartChoice::LoadSample, "見本データを読み込む", "見本の会社（32 件の情報資産）で試します"),
        ];
        for (value, label, hint) in buttons {
            if ui
                .add_sized(size, egui::Button::new(RichText::new(label).size(18.0)))
                .on_hover_text(hint)
                .clicked()
            {
                choice = Some(value);
            }
            ui.label(RichText::new(hint).weak());
            ui.add_space(8.0);
        }
    });
    choice
}
