//! The window as a whole: the workbook, or why its database could not be opened and a way out;
//! and `run`, which starts the window (with the fallback renderer when the first one fails).

use super::actions::Action;
use super::{RiskbookApp, fonts, renderer, window_title};
use crate::operations::Session;
use crate::platform::startup_trace::mark;
use eframe::egui;
use std::path::{Path, PathBuf};

/// The window when the database could not be opened: the reason, and a way out.
pub struct OpenFailed {
    path: PathBuf,
    message: String,
}

impl OpenFailed {
    fn ui(&mut self, ui: &mut egui::Ui) -> Option<Session> {
        let mut opened = None;
        egui::CentralPanel::default().show(ui, |ui| {
            ui.add_space(30.0);
            ui.heading("データベースを開けませんでした");
            ui.add(egui::Label::new(&self.message).wrap());
            ui.add_space(12.0);
            let backups = crate::store::backup::list(&self.path);
            if !backups.is_empty()
                && ui
                    .button(format!(
                        "最新の正常なバックアップから復元する（{} 件あります）",
                        backups.len()
                    ))
                    .clicked()
            {
                match crate::operations::restore_backup(&self.path) {
                    Ok((session, _)) => opened = Some(session),
                    Err(e) => self.message = e.to_string(),
                }
            }
            if ui.button("別のファイルを開く…").clicked()
                && let Some(path) = super::file_actions::file_dialog(Action::Open).pick_file()
            {
                match Session::open(&path) {
                    Ok(session) => opened = Some(session),
                    Err(e) => {
                        self.path = path;
                        self.message = e.to_string();
                    }
                }
            }
        });
        opened
    }
}

/// What the window shows: the workbook, or why it could not be opened.
pub enum Root {
    Running(Box<RiskbookApp>),
    Failed(OpenFailed),
}

impl Root {
    pub fn new(cc: &eframe::CreationContext<'_>, path: &Path) -> Root {
        match Session::open(path) {
            Ok(session) => Root::Running(Box::new(RiskbookApp::new(cc, session))),
            Err(e) => {
                fonts::install(&cc.egui_ctx);
                cc.egui_ctx.set_theme(egui::Theme::Light);
                Root::Failed(OpenFailed {
                    path: path.to_path_buf(),
                    message: e.to_string(),
                })
            }
        }
    }
}

impl eframe::App for Root {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        crate::platform::startup_trace::frame();
        match self {
            Root::Running(app) => {
                app.ui(ui, frame);
                crate::platform::startup_trace::laid_out();
            }
            Root::Failed(failed) => {
                if let Some(session) = failed.ui(ui) {
                    *self = Root::Running(Box::new(RiskbookApp::with_session(session)));
                }
            }
        }
    }
}

/// The window's icon, the same as the Windows executable's.
const ICON_PNG: &[u8] = include_bytes!("../../assets/icon/riskbook-256.png");

/// Runs the window until it is closed. A database that cannot be opened is explained in the window,
/// where the user is, not on a console they may not see. The renderer is chosen by
/// `renderer::Renderer::choose`; when the window cannot start, this program runs again with the
/// fallback renderer.
pub fn run(path: PathBuf, import_list: Option<PathBuf>) -> Result<(), String> {
    let forced = std::env::var(renderer::ENV).ok();
    let chosen =
        renderer::Renderer::choose(forced.as_deref(), crate::platform::running_under_wine())?;
    let mut viewport = egui::ViewportBuilder::default()
        .with_title(window_title(&path))
        .with_inner_size([1366.0, 768.0])
        .with_min_inner_size([800.0, 500.0]);
    if let Ok(icon) = eframe::icon_data::from_png_bytes(ICON_PNG) {
        viewport = viewport.with_icon(icon);
    }
    let mut options = eframe::NativeOptions {
        viewport,
        ..Default::default()
    };
    chosen.apply(&mut options);
    mark("ウィンドウを作ります（eframe::run_native）");
    let opened = eframe::run_native(
        "riskbook",
        options,
        Box::new(move |cc| {
            mark("ウィンドウと描画の準備ができました");
            let mut root = Root::new(cc, &path);
            mark("画面の準備ができました");
            if let (Root::Running(app), Some(list)) = (&mut root, &import_list) {
                app.import_list_file(list);
            }
            Ok(Box::new(root))
        }),
    );
    let Err(e) = opened else {
        return Ok(());
    };
    let why = format!(
        "ウィンドウを開けませんでした（描画方式 {}）：{e}",
        chosen.name()
    );
    match chosen.fallback() {
        // A window system cannot be started twice in one process: the next renderer gets a new one.
        Some(next) if forced.is_none() => {
            eprintln!("{why}。描画方式 {} で起動し直します。", next.name());
            let status = std::process::Command::new(
                std::env::current_exe().map_err(|e| format!("{why}（{e}）"))?,
            )
            .args(std::env::args_os().skip(1))
            .env(renderer::ENV, next.name())
            .status()
            .map_err(|e| format!("{why}（{e}）"))?;
            if status.success() {
                Ok(())
            } else {
                Err(format!(
                    "{why}。描画方式 {} でも開けませんでした。",
                    next.name()
                ))
            }
        }
        _ => Err(format!(
            "{why}。環境変数 {} で描画方式を変えられます（auto、dx12、vulkan、gl、glow）。",
            renderer::ENV
        )),
    }
}
