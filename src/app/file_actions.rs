//! ファイル menu actions: open, new, save as, the imports, Excel出力, PDF出力 and 印刷. Each saves
//! what is being typed first; long work goes to a `Job`; the work itself is in `crate::operations`.

use super::jobs::Job;
use super::messages::Message;
use super::views::Sheet;
use super::views::start::StartChoice;
use super::{RiskbookApp, same_file};
use crate::operations::report::ReportRequest;
use crate::operations::{self, Session};
use std::path::{Path, PathBuf};

impl RiskbookApp {
    /// Opens the database at `path` in place of the current one (ファイル → 開く). The file already
    /// open is not opened a second time: that would meet our own lock.
    pub fn open_file(&mut self, path: &Path) {
        if same_file(path, self.session.path()) {
            self.message = Some(Message::AlreadyOpen(path.to_path_buf()));
            return;
        }
        self.switch_to(path);
    }

    pub(super) fn switch_to(&mut self, path: &Path) {
        match Session::open(path) {
            Ok(session) => *self = RiskbookApp::with_session(session),
            Err(e) => self.message = Some(Message::OpenFailed(e.to_string())),
        }
    }

    /// Reads a workbook (on a thread) and then shows what would be imported; nothing is saved until
    /// the user agrees.
    pub fn import_file(&mut self, path: &Path) {
        self.commit_drafts();
        self.job = Some(Job::import(path.to_path_buf()));
    }

    pub(super) fn import_dialog(&mut self) {
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

    pub(super) fn import_list_dialog(&mut self) {
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

    pub(super) fn export_dialog(&mut self) {
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

    pub(super) fn load_sample(&mut self) {
        let result = operations::load_sample(&mut self.session);
        self.show_start = false;
        self.report(result);
    }

    pub(super) fn start_choice(&mut self, choice: StartChoice) {
        match choice {
            StartChoice::NewRegister => {
                self.show_start = false;
                self.sheet = Sheet::Register;
            }
            StartChoice::OpenFile => self.open_dialog(),
            StartChoice::ImportExcel => self.import_dialog(),
            StartChoice::ImportList => self.import_list_dialog(),
            StartChoice::LoadSample => self.load_sample(),
        }
    }

    pub(super) fn database_dialog() -> rfd::FileDialog {
        rfd::FileDialog::new().add_filter("riskbook データベース", &["db", "sqlite"])
    }

    pub(super) fn open_dialog(&mut self) {
        if let Some(path) = Self::database_dialog().set_title("開く").pick_file() {
            self.open_file(&path);
        }
    }

    pub(super) fn new_dialog(&mut self) {
        if let Some(path) = Self::database_dialog()
            .set_title("新規")
            .set_file_name("riskbook.db")
            .save_file()
        {
            if path.exists() {
                self.message = Some(Message::NewFileExists(path));
                return;
            }
            self.switch_to(&path);
        }
    }

    pub(super) fn save_as_dialog(&mut self) {
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
            Err(e) => self.message = Some(Message::SaveFailed(e.to_string())),
        }
    }

    /// PDF出力 to `path` (the file dialog's answer; tests call it directly).
    pub fn save_report(&mut self, path: PathBuf) {
        self.write_report(path, false);
    }

    /// Starts writing the report to `path`; `open` hands it to the system viewer when done (印刷).
    pub(super) fn write_report(&mut self, path: PathBuf, open: bool) {
        self.commit_drafts();
        match ReportRequest::new(&self.session, self.report_compare) {
            Ok(request) => self.job = Some(Job::report(request, path, open)),
            Err(e) => self.message = Some(Message::ReportFailed(e.to_string())),
        }
    }

    pub(super) fn save_report_dialog(&mut self) {
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
    pub(super) fn print(&mut self) {
        let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
        let path = std::env::temp_dir().join(format!("riskbook-診断結果-{stamp}.pdf"));
        self.write_report(path, true);
    }
}
