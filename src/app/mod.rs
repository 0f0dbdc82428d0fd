//! The desktop window: menu, sheet tabs, status bar. The app only dispatches: each sheet is a view in
//! `views/`, edits are saved and recalculated by `Session`.

mod dialogs;
mod file_actions;
mod fonts;
mod glyphs;
mod jobs;
mod menu;
pub mod renderer;
mod root;
mod status_bar;
pub mod views;
mod widgets;

use crate::domain::Edit;
use crate::operations::Session;
use crate::store::StoreError;
use crate::xlsx::Imported;
use eframe::egui;
use jobs::Job;
pub use root::{Root, run};
use status_bar::Status;
use std::path::{Path, PathBuf};
use views::diagnosis::DiagnosisView;
use views::history::{HistoryAction, HistoryView};
use views::list_import::ListImportView;
use views::plan::PlanView;
use views::register::RegisterView;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Register,
    Threats,
    Checks,
    Diagnosis,
    Plan,
    History,
}

impl Tab {
    pub const ALL: [Tab; 6] = [
        Tab::Register,
        Tab::Threats,
        Tab::Checks,
        Tab::Diagnosis,
        Tab::Plan,
        Tab::History,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Tab::Register => "情報資産管理台帳",
            Tab::Threats => "脅威の状況",
            Tab::Checks => "対策状況チェック",
            Tab::Diagnosis => "診断結果",
            Tab::Plan => "対策計画",
            Tab::History => "履歴",
        }
    }
}

pub struct RiskbookApp {
    session: Session,
    tab: Tab,
    show_start: bool,
    register: RegisterView,
    diagnosis: DiagnosisView,
    plan: PlanView,
    history: HistoryView,
    status: Status,
    /// A message the user must acknowledge.
    dialog: Option<(String, String)>,
    /// Whether 印刷 / PDF出力 include 前回との比較.
    report_compare: bool,
    /// Long work running on a thread.
    job: Option<Job>,
    /// A workbook read and waiting for the user's go-ahead.
    pending_import: Option<(PathBuf, Imported)>,
    /// Another program's list being mapped to the 台帳.
    list_import: Option<ListImportView>,
    glyphs: glyphs::GlyphCheck,
    title: Option<PathBuf>,
}

pub(super) fn window_title(path: &Path) -> String {
    format!("riskbook — {}", path.display())
}

impl RiskbookApp {
    pub fn new(cc: &eframe::CreationContext<'_>, session: Session) -> Self {
        crate::platform::startup_trace::mark("データベースを開き、計算しました");
        fonts::install(&cc.egui_ctx);
        crate::platform::startup_trace::mark("フォントを登録しました");
        // Light, like the Excel sheet the users know; the risk colours are chosen for it.
        cc.egui_ctx.set_theme(egui::Theme::Light);
        RiskbookApp::with_session(session)
    }

    fn with_session(session: Session) -> Self {
        let dialog = session.store().backup_failure().map(|why| {
            (
                "自動バックアップを作れませんでした".to_string(),
                format!("データはそのまま使えますが、今回はバックアップがありません（{why}）。ディスクの空きを確認してください。"),
            )
        });
        RiskbookApp {
            show_start: session.workbook().assets.is_empty(),
            session,
            tab: Tab::Register,
            register: RegisterView::default(),
            diagnosis: DiagnosisView::default(),
            plan: PlanView::default(),
            history: HistoryView::default(),
            status: Status::Opened,
            dialog,
            pending_import: None,
            list_import: None,
            glyphs: glyphs::GlyphCheck::default(),
            report_compare: false,
            job: None,
            title: None,
        }
    }

    pub fn session(&self) -> &Session {
        &self.session
    }

    fn report(&mut self, result: Result<(), StoreError>) {
        match result {
            Ok(()) => self.status = Status::Saved(chrono::Local::now()),
            Err(e) => {
                self.status = Status::Failed(e.to_string());
                self.dialog = Some(("保存できませんでした".into(), e.to_string()));
            }
        }
    }

    fn apply(&mut self, edits: Vec<Edit>) {
        for edit in edits {
            let result = self.session.apply(edit);
            if let Ok(Some(id)) = result {
                self.register.on_inserted(id);
            }
            self.report(result.map(|_| ()));
        }
    }

    fn undo(&mut self, undo: bool) {
        let result = if undo {
            self.session.undo()
        } else {
            self.session.redo()
        };
        match result {
            Ok(true) => self.report(Ok(())),
            Ok(false) => {}
            Err(e) => self.report(Err(e)),
        }
    }

    /// Saves what is being typed (a cell or field that still has focus) before anything that reads,
    /// writes or leaves the data: a file action, another tab, undo, closing the window.
    pub fn commit_drafts(&mut self) {
        let mut edits = self.register.take_drafts(self.session.workbook());
        edits.extend(
            self.diagnosis
                .take_drafts(&self.session.workbook().settings),
        );
        edits.extend(self.plan.take_drafts(self.session.workbook()));
        self.apply(edits);
    }
}

impl eframe::App for RiskbookApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        if self.title.as_deref() != Some(self.session.path()) {
            let path = self.session.path().to_path_buf();
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(window_title(&path)));
            self.title = Some(path);
        }
        if ctx.input(|i| i.viewport().close_requested()) {
            self.commit_drafts();
        }
        self.shortcuts(&ctx);
        self.glyphs
            .update(&ctx, self.session.workbook(), self.session.revision());
        let action = egui::Panel::top("menu")
            .show(ui, |ui| {
                let action = self.menu(ui);
                self.tabs(ui);
                action
            })
            .inner;
        if let Some(action) = action {
            self.perform(action, &ctx);
        }
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui));
        let mut edits = Vec::new();
        let mut start = None;
        let mut confirm = None;
        egui::CentralPanel::default().show(ui, |ui| {
            if self.show_start {
                start = views::start::ui(ui, self.session.path());
                return;
            }
            edits = match self.tab {
                Tab::Register => self.register.ui(ui, &self.session),
                Tab::Threats => views::threats::ui(ui, &self.session),
                Tab::Checks => views::checks::ui(ui, &self.session),
                Tab::Diagnosis => self.diagnosis.ui(ui, &self.session),
                Tab::Plan => self.plan.ui(ui, &self.session),
                Tab::History => {
                    if let Some(HistoryAction::Confirm(note)) = self.history.ui(ui, &self.session) {
                        confirm = Some(note);
                    }
                    Vec::new()
                }
            };
        });
        if let Some(choice) = start {
            self.start_choice(choice);
        }
        if let Some(note) = confirm {
            self.commit_drafts();
            let result = self.session.take_snapshot(&note).map(|_| ());
            if result.is_ok() {
                self.dialog = Some((
                    "診断を確定".into(),
                    "いまの診断を記録しました。履歴で推移と比較を見られます。".into(),
                ));
            }
            self.report(result);
        }
        let before = self.session.revision();
        self.apply(edits.clone());
        self.glyphs.after_edits(
            &ctx,
            &edits,
            self.session.workbook(),
            before,
            self.session.revision(),
        );
        self.job_dialog(&ctx);
        self.import_preview(&ctx);
        self.list_import_dialog(&ctx);
        self.message_dialog(&ctx);
    }
}

/// Whether two paths name the same file (through links, `..` and, on Windows, letter case).
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}
