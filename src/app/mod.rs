//! The desktop window: menu, sheet tabs, status bar. The app only dispatches: each sheet is a view in
//! `views/`, edits are saved and recalculated by `Session`.

mod fonts;
mod glyphs;
mod jobs;
pub mod renderer;
pub mod views;
mod widgets;

use crate::calc::RiskLevel;
use crate::operations::report::ReportRequest;
use crate::operations::{self, Session};
use crate::store::{Edit, StoreError};
use crate::xlsx::Imported;
use eframe::egui::{self, RichText};
use jobs::{Job, Outcome};
use std::path::{Path, PathBuf};
use views::diagnosis::DiagnosisView;
use views::history::{HistoryAction, HistoryView};
use views::list_import::{ListAction, ListImportView};
use views::register::RegisterView;
use views::start::StartChoice;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Register,
    Threats,
    Checks,
    Diagnosis,
    History,
}

impl Tab {
    pub const ALL: [Tab; 5] = [
        Tab::Register,
        Tab::Threats,
        Tab::Checks,
        Tab::Diagnosis,
        Tab::History,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Tab::Register => "情報資産管理台帳",
            Tab::Threats => "脅威の状況",
            Tab::Checks => "対策状況チェック",
            Tab::Diagnosis => "診断結果",
            Tab::History => "履歴",
        }
    }
}

/// What the ファイル and 編集 menus (and their shortcuts) ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MenuAction {
    New,
    Open,
    SaveAs,
    Import,
    ImportList,
    Export,
    Pdf,
    Print,
    Sample,
    Undo,
    Redo,
    Quit,
}

/// What the status bar says about the last save.
enum Status {
    Opened,
    Saved(chrono::DateTime<chrono::Local>),
    Failed(String),
}

pub struct RiskbookApp {
    session: Session,
    tab: Tab,
    show_start: bool,
    register: RegisterView,
    diagnosis: DiagnosisView,
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

fn window_title(path: &Path) -> String {
    format!("riskbook — {}", path.display())
}

impl RiskbookApp {
    pub fn new(cc: &eframe::CreationContext<'_>, session: Session) -> Self {
        fonts::install(&cc.egui_ctx);
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

    /// Opens the database at `path` in place of the current one (ファイル → 開く). The file already
    /// open is not opened a second time: that would meet our own lock.
    pub fn open_file(&mut self, path: &Path) {
        if same_file(path, self.session.path()) {
            self.dialog = Some((
                "開く".into(),
                format!("「{}」は既に開いています。", path.display()),
            ));
            return;
        }
        self.switch_to(path);
    }

    fn switch_to(&mut self, path: &Path) {
        match Session::open(path) {
            Ok(session) => *self = RiskbookApp::with_session(session),
            Err(e) => self.dialog = Some(("ファイルを開けませんでした".into(), e.to_string())),
        }
    }

    /// Reads a workbook (on a thread) and then shows what would be imported; nothing is saved until
    /// the user agrees.
    pub fn import_file(&mut self, path: &Path) {
        self.commit_drafts();
        self.job = Some(Job::import(path.to_path_buf()));
    }

    /// Whether a background job is running (tests wait for it).
    pub fn busy(&self) -> bool {
        self.job.is_some()
    }

    fn finish_job(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Imported(path, Ok(imported)) => self.pending_import = Some((path, imported)),
            Outcome::Imported(_, Err(e)) => self.dialog = Some(("Excel取込".into(), e.to_string())),
            Outcome::ListRead(Ok(source)) => self.list_import = Some(ListImportView::new(source)),
            Outcome::ListRead(Err(e)) => {
                self.dialog = Some(("ほかの表から台帳へ取り込む".into(), e));
            }
            Outcome::Written {
                what,
                result: Err(e),
                ..
            } => {
                self.dialog = Some((format!("{what}を作成できませんでした"), e));
            }
            Outcome::Written {
                path, open: true, ..
            } => {
                if open::that_detached(&path).is_err() {
                    self.dialog = Some((
                        "印刷".into(),
                        format!(
                            "PDF を開くアプリが見つかりませんでした。\n「{}」を PDF ビューアーで開いて印刷してください。",
                            path.display()
                        ),
                    ));
                }
            }
            Outcome::Written { what, path, .. } => {
                let extra = if what == "Excel" {
                    "Excel でも計算式と入力リストがそのまま使えます。"
                } else {
                    ""
                };
                self.dialog = Some((
                    format!("{what}出力"),
                    format!("「{}」に書き出しました。{extra}", path.display()),
                ));
            }
        }
    }

    fn job_dialog(&mut self, ctx: &egui::Context) {
        let Some(job) = &self.job else {
            return;
        };
        if let Some(outcome) = job.poll() {
            self.job = None;
            self.finish_job(outcome);
            return;
        }
        egui::Modal::new(egui::Id::unique("job")).show(ctx, |ui| {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(&job.label);
            });
        });
        ctx.request_repaint_after(std::time::Duration::from_millis(50));
    }

    fn import_dialog(&mut self) {
        if let Some(path) = rfd::FileDialog::new()
            .set_title("Excel取込")
            .add_filter("Excel ブック", &["xlsx", "xlsm", "xls"])
            .pick_file()
        {
            self.import_file(&path);
        }
    }

    /// Reads another program's list (on a thread), then shows how it maps to the 台帳; nothing is
    /// saved until the user agrees.
    pub fn import_list_file(&mut self, path: &Path) {
        self.commit_drafts();
        self.job = Some(Job::read_list(path.to_path_buf()));
    }

    fn import_list_dialog(&mut self) {
        if let Some(path) = rfd::FileDialog::new()
            .set_title("ほかの表から台帳へ取り込む")
            .add_filter(
                "表（Excel、CSV）",
                &["xlsx", "xlsm", "xls", "ods", "csv", "tsv", "txt"],
            )
            .pick_file()
        {
            self.import_list_file(&path);
        }
    }

    fn list_import_dialog(&mut self, ctx: &egui::Context) {
        let Some(view) = self.list_import.as_mut() else {
            return;
        };
        let existing: Vec<_> = self
            .session
            .workbook()
            .assets
            .iter()
            .map(|a| a.id)
            .collect();
        match view.ui(ctx, &existing) {
            None => {}
            Some(ListAction::Cancel) => self.list_import = None,
            Some(ListAction::Apply { edit, message }) => {
                let result = operations::import::apply_list(&mut self.session, edit);
                let ok = result.is_ok();
                self.report(result.map(|_| ()));
                if ok {
                    self.list_import = None;
                    self.show_start = false;
                    self.tab = Tab::Register;
                    self.dialog = Some(("ほかの表から台帳へ取り込む".into(), message));
                }
            }
        }
    }

    fn apply_import(&mut self) {
        let Some((path, imported)) = self.pending_import.take() else {
            return;
        };
        let result = operations::import::replace_with_workbook(&mut self.session, &imported);
        let ok = result.is_ok();
        self.report(result.map(|_| ()));
        if ok {
            self.show_start = false;
            self.tab = Tab::Register;
            self.dialog = Some((
                "Excel取込".into(),
                format!(
                    "「{}」から情報資産 {} 件を取り込みました。取り込み前のデータはバックアップしてあります。",
                    path.display(),
                    imported.workbook.assets.len()
                ),
            ));
        }
    }

    fn import_preview(&mut self, ctx: &egui::Context) {
        let Some((path, imported)) = &self.pending_import else {
            return;
        };
        let existing = self.session.workbook().assets.len();
        let (mut apply, mut cancel) = (false, false);
        let modal = egui::Modal::new(egui::Id::unique("import_preview")).show(ctx, |ui| {
            ui.set_max_width(640.0);
            ui.heading("Excel取込の確認");
            ui.label(format!("ファイル: {}", path.display()));
            ui.label(operations::import::contents(imported));
            if existing > 0 {
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    format!("いまの台帳の情報資産 {existing} 件は、取り込む内容で置き換えられます（取り込み前にバックアップを作ります）。"),
                );
            }
            egui::ScrollArea::vertical().max_height(260.0).show(ui, |ui| {
                for line in operations::import::findings(imported) {
                    ui.add(egui::Label::new(line).wrap());
                }
            });
            ui.horizontal(|ui| {
                apply = ui.button("取り込む").clicked();
                cancel = ui.button("キャンセル").clicked();
            });
        });
        if apply {
            self.apply_import();
        } else if cancel || modal.should_close() {
            self.pending_import = None;
        }
    }

    fn export_dialog(&mut self) {
        let Some(path) = rfd::FileDialog::new()
            .set_title("Excel出力")
            .add_filter("Excel ブック", &["xlsx"])
            .set_file_name("リスク分析シート.xlsx")
            .save_file()
        else {
            return;
        };
        self.export_to(path);
    }

    /// Excel出力 to `path` (the file dialog's answer; tests call it directly).
    pub fn export_to(&mut self, path: PathBuf) {
        self.commit_drafts();
        self.job = Some(Job::export(self.session.results().clone(), path));
    }

    fn load_sample(&mut self) {
        let result = operations::load_sample(&mut self.session);
        self.show_start = false;
        self.report(result);
    }

    fn start_choice(&mut self, choice: StartChoice) {
        match choice {
            StartChoice::NewRegister => {
                self.show_start = false;
                self.tab = Tab::Register;
            }
            StartChoice::OpenFile => self.open_dialog(),
            StartChoice::ImportExcel => self.import_dialog(),
            StartChoice::ImportList => self.import_list_dialog(),
            StartChoice::LoadSample => self.load_sample(),
        }
    }

    fn database_dialog() -> rfd::FileDialog {
        rfd::FileDialog::new().add_filter("riskbook データベース", &["db", "sqlite"])
    }

    fn open_dialog(&mut self) {
        if let Some(path) = Self::database_dialog().set_title("開く").pick_file() {
            self.open_file(&path);
        }
    }

    fn new_dialog(&mut self) {
        if let Some(path) = Self::database_dialog()
            .set_title("新規")
            .set_file_name("riskbook.db")
            .save_file()
        {
            if path.exists() {
                self.dialog = Some((
                    "新規".into(),
                    format!(
                        "「{}」は既にあります。別の名前を選んでください。",
                        path.display()
                    ),
                ));
                return;
            }
            self.switch_to(&path);
        }
    }

    fn save_as_dialog(&mut self) {
        let Some(path) = Self::database_dialog()
            .set_title("名前を付けて保存")
            .set_file_name("riskbook-コピー.db")
            .save_file()
        else {
            return;
        };
        if same_file(&path, self.session.path()) {
            return;
        }
        match self.session.store().copy_to(&path) {
            Ok(()) => self.switch_to(&path),
            Err(e) => self.dialog = Some(("保存できませんでした".into(), e.to_string())),
        }
    }

    /// PDF出力 to `path` (the file dialog's answer; tests call it directly).
    pub fn save_report(&mut self, path: PathBuf) {
        self.write_report(path, false);
    }

    /// Starts writing the report to `path`; `open` hands it to the system viewer when done (印刷).
    fn write_report(&mut self, path: PathBuf, open: bool) {
        self.commit_drafts();
        match ReportRequest::new(&self.session, self.report_compare) {
            Ok(request) => self.job = Some(Job::report(request, path, open)),
            Err(e) => self.dialog = Some(("報告書を作成できませんでした".into(), e.to_string())),
        }
    }

    fn save_report_dialog(&mut self) {
        if let Some(path) = rfd::FileDialog::new()
            .set_title("PDF出力")
            .add_filter("PDF", &["pdf"])
            .set_file_name("診断結果.pdf")
            .save_file()
        {
            self.save_report(path);
        }
    }

    /// Writes the report to a temporary file and hands it to the system's PDF viewer, whose print
    /// dialog prints it (Windows, macOS and Linux alike; nothing goes over the network).
    fn print(&mut self) {
        let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
        let path = std::env::temp_dir().join(format!("riskbook-診断結果-{stamp}.pdf"));
        self.write_report(path, true);
    }

    /// Saves what is being typed (a cell or field that still has focus) before anything that reads,
    /// writes or leaves the data: a file action, another tab, undo, closing the window.
    pub fn commit_drafts(&mut self) {
        let mut edits = self.register.take_drafts(self.session.workbook());
        edits.extend(
            self.diagnosis
                .take_drafts(&self.session.workbook().settings),
        );
        self.apply(edits);
    }

    fn menu(&mut self, ui: &mut egui::Ui) -> Option<MenuAction> {
        let mut action = None;
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("ファイル", |ui| {
                for (label, chosen) in [
                    ("新規…", MenuAction::New),
                    ("開く…", MenuAction::Open),
                    ("名前を付けて保存…", MenuAction::SaveAs),
                ] {
                    if ui.button(label).clicked() {
                        action = Some(chosen);
                    }
                }
                ui.separator();
                for (label, chosen) in [
                    ("Excel取込…", MenuAction::Import),
                    ("ほかの表から台帳へ取り込む…", MenuAction::ImportList),
                    ("Excel出力…", MenuAction::Export),
                    ("PDF出力…", MenuAction::Pdf),
                    ("印刷…", MenuAction::Print),
                ] {
                    if ui.button(label).clicked() {
                        action = Some(chosen);
                    }
                }
                ui.checkbox(&mut self.report_compare, "報告書に前回との比較を入れる");
                ui.separator();
                if ui.button("見本データを読み込む").clicked() {
                    action = Some(MenuAction::Sample);
                }
                ui.separator();
                if ui.button("終了 (Ctrl+Q)").clicked() {
                    action = Some(MenuAction::Quit);
                }
            });
            ui.menu_button("編集", |ui| {
                if ui
                    .add_enabled(
                        self.session.can_undo(),
                        egui::Button::new("元に戻す (Ctrl+Z)"),
                    )
                    .clicked()
                {
                    action = Some(MenuAction::Undo);
                }
                if ui
                    .add_enabled(
                        self.session.can_redo(),
                        egui::Button::new("やり直し (Ctrl+Y)"),
                    )
                    .clicked()
                {
                    action = Some(MenuAction::Redo);
                }
            });
        });
        action
    }

    fn perform(&mut self, action: MenuAction, ctx: &egui::Context) {
        self.commit_drafts();
        match action {
            MenuAction::New => self.new_dialog(),
            MenuAction::Open => self.open_dialog(),
            MenuAction::SaveAs => self.save_as_dialog(),
            MenuAction::Import => self.import_dialog(),
            MenuAction::ImportList => self.import_list_dialog(),
            MenuAction::Export => self.export_dialog(),
            MenuAction::Pdf => self.save_report_dialog(),
            MenuAction::Print => self.print(),
            MenuAction::Sample => {
                if self.session.workbook().assets.is_empty() {
                    self.load_sample();
                } else {
                    self.dialog = Some((
                        "見本データ".into(),
                        "この台帳には既に情報資産があります。見本データは空のデータベース（ファイル → 新規）で読み込んでください。".into(),
                    ));
                }
            }
            MenuAction::Undo => self.undo(true),
            MenuAction::Redo => self.undo(false),
            MenuAction::Quit => ctx.send_viewport_cmd(egui::ViewportCommand::Close),
        }
    }

    fn tabs(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            for tab in Tab::ALL {
                let selected = self.tab == tab && !self.show_start;
                if ui
                    .selectable_label(selected, RichText::new(tab.title()).size(16.0))
                    .clicked()
                {
                    self.commit_drafts();
                    self.tab = tab;
                    self.show_start = false;
                }
            }
        });
    }

    fn status_bar(&self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            match &self.status {
                Status::Opened => ui.label("保存済み"),
                Status::Saved(at) => ui.label(format!("保存済み（{}）", at.format("%H:%M:%S"))),
                Status::Failed(e) => ui.colored_label(
                    ui.visuals().error_fg_color,
                    format!("保存できませんでした: {e}"),
                ),
            };
            ui.separator();
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

    fn message_dialog(&mut self, ctx: &egui::Context) {
        let Some((title, text)) = &self.dialog else {
            return;
        };
        let mut close = false;
        let modal = egui::Modal::new(egui::Id::unique("message")).show(ctx, |ui| {
            ui.set_max_width(480.0);
            ui.heading(title.as_str());
            ui.add(egui::Label::new(text.as_str()).wrap());
            close = ui.button("OK").clicked();
        });
        if close || modal.should_close() {
            self.dialog = None;
        }
    }

    fn shortcuts(&mut self, ctx: &egui::Context) {
        if ctx.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::Q)) {
            self.perform(MenuAction::Quit, ctx);
        }
        // Not while typing: Ctrl+Z then belongs to the text field (and to the IME). A current 台帳
        // cell not typed in yet has the focus, but the keys are the table's.
        let register_ready =
            self.tab == Tab::Register && !self.show_start && self.register.text_cell_is_ready();
        if ctx.egui_wants_keyboard_input() && !register_ready {
            return;
        }
        let (undo, redo) = ctx.input_mut(|i| {
            let undo = i.consume_key(egui::Modifiers::COMMAND, egui::Key::Z);
            let redo = i.consume_key(egui::Modifiers::COMMAND, egui::Key::Y)
                || i.consume_key(
                    egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
                    egui::Key::Z,
                );
            (undo, redo)
        });
        if undo {
            self.perform(MenuAction::Undo, ctx);
        }
        if redo {
            self.perform(MenuAction::Redo, ctx);
        }
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
                match crate::store::backup::restore(&self.path)
                    .and_then(|_| Session::open(&self.path))
                {
                    Ok(session) => opened = Some(session),
                    Err(e) => self.message = e.to_string(),
                }
            }
            if ui.button("別のファイルを開く…").clicked()
                && let Some(path) = RiskbookApp::database_dialog().set_title("開く").pick_file()
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
        match self {
            Root::Running(app) => app.ui(ui, frame),
            Root::Failed(failed) => {
                if let Some(session) = failed.ui(ui) {
                    *self = Root::Running(Box::new(RiskbookApp::with_session(session)));
                }
            }
        }
    }
}

/// Whether two paths name the same file (through links, `..` and, on Windows, letter case).
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
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
    let opened = eframe::run_native(
        "riskbook",
        options,
        Box::new(move |cc| {
            let mut root = Root::new(cc, &path);
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
        "ウィンドウを開けませんでした（描画方式 {}）: {e}",
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
