//! The start view of an empty database: what a first-time user can do. Each button is an `Action`
//! under the same name as in the ファイル menu.

use crate::app::actions::Action;
use eframe::egui::{self, RichText, Ui};

/// The start screen's buttons, with what each does in a few words.
const CHOICES: [(Action, &str); 5] = [
    (Action::StartRegister, "空の情報資産管理台帳から始めます"),
    (
        Action::Import,
        "今お使いの IPA リスク分析シート（.xlsx）を読み込みます",
    ),
    (
        Action::ImportList,
        "自社で作った情報資産の一覧（Excel・CSV）を台帳に読み込みます",
    ),
    (
        Action::Open,
        "以前に保存した riskbook のデータベースを開きます",
    ),
    (Action::Sample, "見本の会社（32 件の情報資産）で試します"),
];

pub fn ui(ui: &mut Ui, path: &std::path::Path) -> Option<Action> {
    let mut choice = None;
    ui.vertical_centered(|ui| {
        ui.add_space(40.0);
        ui.heading(RichText::new("riskbook へようこそ").size(28.0));
        ui.add_space(8.0);
        ui.label("IPA「中小企業の情報セキュリティ対策ガイドライン」のリスク分析シートを、この画面で作成できます。");
        ui.label(format!("データの保存先：{}", path.display()));
        ui.add_space(24.0);
        let size = egui::vec2(320.0, 44.0);
        for (action, hint) in CHOICES {
            if ui
                .add_sized(
                    size,
                    egui::Button::new(RichText::new(action.label()).size(18.0)),
                )
                .on_hover_text(hint)
                .clicked()
            {
                choice = Some(action);
            }
            ui.label(RichText::new(hint).weak());
            ui.add_space(8.0);
        }
    });
    choice
}
