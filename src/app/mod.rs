//! The desktop window.

mod fonts;

use crate::store::Store;
use eframe::egui;
use std::path::PathBuf;

pub struct RiskbookApp {
    store: Store,
}

impl RiskbookApp {
    pub fn new(cc: &eframe::CreationContext<'_>, store: Store) -> Self {
        fonts::install(&cc.egui_ctx);
        RiskbookApp { store }
    }
}

impl eframe::App for RiskbookApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        egui::CentralPanel::default().show(ui, |ui| {
            ui.heading("riskbook");
            ui.label(self.store.path().display().to_string());
        });
    }
}

/// Opens the database and runs the window until it is closed.
pub fn run(path: PathBuf) -> Result<(), String> {
    let store = Store::open(&path).map_err(|e| e.to_string())?;
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(format!("riskbook — {}", path.display()))
            .with_inner_size([1366.0, 768.0]),
        ..Default::default()
    };
    eframe::run_native(
        "riskbook",
        options,
        Box::new(|cc| Ok(Box::new(RiskbookApp::new(cc, store)))),
    )
    .map_err(|e| format!("ウィンドウを開けませんでした: {e}"))
}
