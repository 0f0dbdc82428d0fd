//! The empty 台帳 (after 「新しく台帳を作る」): what to do first.

use eframe::egui::{self, RichText, Ui};

/// The first steps, above the empty grid.
pub(super) fn hint(ui: &mut Ui) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.label(RichText::new("台帳はまだ空です。次のどれかで情報資産を入れてください。").strong());
        ui.label("・「＋ 行を追加」で 1 行ずつ入力する。");
        ui.label("・Excel の表を A 列（業務分類）から選んでコピーし、ここで Ctrl+V で貼り付ける。");
        ui.label("・ファイル → 「ほかの表から台帳へ取り込む…」で、自社の一覧表（Excel・CSV）を取り込む。");
    });
}
