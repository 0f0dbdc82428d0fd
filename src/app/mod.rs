//! The desktop window: menu, sheet tabs, status bar. The app only dispatches: each sheet is a view in
//! `views/`, edits are saved and recalculated by `Session`.

pub mod actions;
mod columns;
mod dialogs;
mod file_actions;
mod fonts;
mod glyphs;
mod jobs;
mod menu;
mod messages;
mod path_entry;
pub mod renderer;
mod root;
mod status_bar;
mod viewer;
pub mod views;
mod widgets;

use crate::domain::Edit;
use crate::operations::{Direction, Session};
use crate::store::StoreError;
use crate::xlsx::Imported;
pub use actions::Action;
use eframe::egui;
use jobs::Job;
use messages::Message;
use path_entry::PathEntry;
pub use root::{Root, run};
use status_bar::Status;
use std::path::{Path, PathBuf};
use views::list_import::ListImportView;
use views::{Sheet, View};

/// A step the user is walked through in a modal window, waiting for their go-ahead.
enum Dialog {
    /// A workbook read, shown before it replaces the data (Excel取込).
    ImportPreview {
        path: PathBuf,
        imported: Box<Imported>,
    },
    /// Another program's list being mapped to the 台帳.
    ListImport(Box<ListImportView>),
    /// The file dialog gave no file: the path typed in instead.
    PathEntry(PathEntry),
}

pub struct RiskbookApp {
    session: Session,
    /// The sheets in tab order, and the one in front.
    views: Vec<Box<dyn View>>,
    sheet: Sheet,
    show_start: bool,
    status: Status,
    /// A message the user must acknowledge.
    message: Option<Message>,
    /// What the last edit did that the user should know, in the status bar until the next edit.
    note: Option<String>,
    dialog: Option<Dialog>,
    /// Whether 印刷 / PDF出力 include 前回との比較.
    report_compare: bool,
    /// Long work running on a thread.
    job: Option<Job>,
    /// A written file being handed to the system's viewer (印刷), and what hands it over.
    viewing: Option<viewer::Viewing>,
    opener: viewer::Opener,
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
        let message = session
            .store()
            .backup_failure()
            .map(|why| Message::BackupFailed(why.to_string()));
        let empty = session.workbook().assets.is_empty();
        RiskbookApp {
            show_start: empty,
            // A database with data opens on what is due (今やること).
            sheet: if empty { Sheet::Register } else { Sheet::Todo },
            session,
            views: views::sheets(),
            status: Status::Opened,
            message,
            note: None,
            dialog: None,
            glyphs: glyphs::GlyphCheck::default(),
            report_compare: false,
            job: None,
            viewing: None,
            opener: viewer::system,
            title: None,
        }
    }

    pub fn session(&self) -> &Session {
        &self.session
    }

    /// Replaces what hands a written file to its viewer (印刷); tests give one that fails.
    pub fn set_viewer(&mut self, opener: fn(&Path) -> std::io::Result<()>) {
        self.opener = opener;
    }

    fn report(&mut self, result: Result<(), StoreError>) {
        match result {
            Ok(()) => self.status = Status::Saved(chrono::Local::now()),
            Err(e) => {
                self.status = Status::Failed(e.to_string());
                self.message = Some(Message::SaveFailed(e.to_string()));
            }
        }
    }

    fn apply(&mut self, edits: Vec<Edit>) {
        for edit in edits {
            let result = self.session.apply(edit);
            if let Ok(Some(id)) = result {
                for view in &mut self.views {
                    view.on_inserted(id);
                }
            }
            self.report(result.map(|_| ()));
        }
    }

    /// Undo or redo. Like the user's own edits, only the text of the edit made is checked for
    /// characters no font can draw (a full check walks every text of all the assets).
    fn step(&mut self, direction: Direction, ctx: &egui::Context) {
        let before = self.session.revision();
        match self.session.step(direction) {
            Ok(Some(edit)) => {
                self.report(Ok(()));
                self.glyphs.after_edits(
                    ctx,
                    std::slice::from_ref(&edit),
                    self.session.workbook(),
                    before,
                    self.session.revision(),
                );
            }
            Ok(None) => {}
            Err(e) => self.report(Err(e)),
        }
    }

    /// Saves what is being typed (a cell or field that still has focus) before anything that reads,
    /// writes or leaves the data: a file action, another tab, undo, closing the window.
    pub fn commit_drafts(&mut self) {
        let workbook = self.session.workbook();
        let edits = self
            .views
            .iter_mut()
            .flat_map(|view| view.take_drafts(workbook))
            .collect();
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
        let mut requests = views::Requests::default();
        let mut start = None;
        egui::CentralPanel::default().show(ui, |ui| {
            if self.show_start {
                start = views::start::ui(ui, self.session.path());
            } else {
                let sheet = self.sheet;
                if let Some(view) = self.views.iter_mut().find(|v| v.sheet().same_tab(sheet)) {
                    requests = view.ui(ui, &self.session);
                }
            }
        });
        if let Some(choice) = start {
            self.perform(choice, &ctx);
        }
        if let Some(note) = requests.confirm {
            self.commit_drafts();
            let result = self.session.take_snapshot(&note).map(|_| ());
            if result.is_ok() {
                self.message = Some(Message::Confirmed);
            }
            self.report(result);
        }
        if requests.note.is_some() || !requests.edits.is_empty() {
            self.note = requests.note.filter(|note| !note.is_empty());
        }
        if let Some(sheet) = requests.show {
            self.commit_drafts();
            for view in self.views.iter_mut().filter(|v| v.sheet().same_tab(sheet)) {
                view.open(sheet);
            }
            self.sheet = sheet;
        }
        if let Some(operation) = requests.operation {
            self.commit_drafts();
            self.message = match (operation.run)(&mut self.session) {
                Ok(text) if text.is_empty() => None,
                Ok(text) => Some(Message::Done {
                    title: operation.title.into(),
                    text,
                }),
                Err(why) => Some(Message::Failed {
                    title: operation.title.into(),
                    why,
                }),
            };
        }
        let asked = requests.action;
        let edits = requests.edits;
        let before = self.session.revision();
        self.apply(edits.clone());
        self.glyphs.after_edits(
            &ctx,
            &edits,
            self.session.workbook(),
            before,
            self.session.revision(),
        );
        if let Some(action) = asked {
            self.perform(action, &ctx);
        }
        self.job_dialog(&ctx);
        self.watch_viewer(&ctx);
        self.step_dialog(&ctx);
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
