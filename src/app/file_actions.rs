//! ファイル menu actions: open, new, save as, the imports, Excel出力, PDF出力 and 印刷. Each saves
//! what is being typed first; long work goes to a `Job`; the work itself is in `crate::operations`.

use super::actions::Action;
use super::jobs::Job;
use super::messages::Message;
use super::path_entry::PathEntry;
use super::{Dialog, RiskbookApp, same_file};
use crate::domain::policy::spots::SpotKind;
use crate::operations::report::{
    AnnualRequest, BasicPolicyRequest, ContactsRequest, ReportRequest, SupplierRequest,
};
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
            Ok(session) => {
                let opener = self.opener;
                *self = RiskbookApp::with_session(session);
                self.opener = opener;
            }
            Err(e) => self.message = Some(Message::OpenFailed(e.to_string())),
        }
    }

    /// Reads a workbook (on a thread) and then shows what would be imported; nothing is saved until
    /// the user agrees.
    pub fn import_file(&mut self, path: &Path) {
        self.commit_drafts();
        self.job = Some(Job::import(path.to_path_buf()));
    }

    /// Reads another program's list (on a thread), then shows how it maps to the 台帳; nothing is
    /// saved until the user agrees.
    pub fn import_list_file(&mut self, path: &Path) {
        self.commit_drafts();
        self.job = Some(Job::read_list(path.to_path_buf()));
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

    /// Asks the system's file dialog for the file `action` needs, then uses it.
    pub(super) fn choose_file(&mut self, action: Action) {
        let Some(file) = action.file() else {
            return;
        };
        let dialog = file_dialog(action);
        let picked = if file.writes {
            dialog.save_file()
        } else {
            dialog.pick_file()
        };
        self.file_dialog_answer(action, picked);
    }

    /// What the file dialog for `action` gave (tests call it in place of the dialog). rfd answers
    /// nothing both when the user cancelled and when no dialog could be shown (no xdg portal and
    /// no zenity on Linux) and offers no way to tell the two apart (rfd issue #320), so where the
    /// dialog may be missing the window then asks for the path itself. Windows always has its
    /// own dialog: there nothing means cancelled.
    pub fn file_dialog_answer(&mut self, action: Action, picked: Option<PathBuf>) {
        const DIALOG_MAY_BE_MISSING: bool = !cfg!(windows);
        match picked {
            Some(path) => self.use_file(action, path),
            None if !DIALOG_MAY_BE_MISSING => {}
            None => {
                let suggested = self.suggested_path(action);
                self.dialog = Some(Dialog::PathEntry(PathEntry::new(action, suggested)));
            }
        }
    }

    /// Where the typed path starts: the database's folder, with the dialog's file name when a
    /// file is written.
    fn suggested_path(&self, action: Action) -> String {
        let folder = self
            .session
            .path()
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map(Path::to_path_buf)
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_default();
        match default_file_name(action) {
            Some(name) if action.file().is_some_and(|f| f.writes) => {
                folder.join(name).display().to_string()
            }
            _ => format!("{}{}", folder.display(), std::path::MAIN_SEPARATOR),
        }
    }

    /// Carries out a file-taking action on the file the user chose.
    pub(super) fn use_file(&mut self, action: Action, path: PathBuf) {
        match action {
            Action::New => self.new_at(path),
            Action::Open => self.open_file(&path),
            Action::SaveAs => self.save_as(path),
            Action::Import => self.import_file(&path),
            Action::ImportList => self.import_list_file(&path),
            Action::Export => self.export_to(path),
            Action::Pdf => self.save_report(path),
            Action::BasicPolicyPdf => self.save_basic_policy(path),
            Action::AnnualPdf => self.save_annual(path),
            Action::ContactsPdf => self.save_contacts(path),
            Action::SupplierPdf(id, year) => self.save_supplier(id, year, path),
            Action::PolicyImport => self.import_policy(&path),
            Action::PolicyExport => self.export_policy(path),
            _ => self.view_use_file(action, &path),
        }
    }

    /// A file for an action a view asked for (取引先チェックシート取込): the view uses it and says
    /// how it went.
    /// The view that used the file comes to the front when it did (a sheet read from the ファイル
    /// menu is shown in its own view).
    fn view_use_file(&mut self, action: Action, path: &Path) {
        self.commit_drafts();
        let session = &self.session;
        let Some((sheet, outcome)) = self
            .views
            .iter_mut()
            .find_map(|v| Some((v.sheet(), v.use_file(action, path, session)?)))
        else {
            return;
        };
        if outcome.is_ok() {
            self.show_start = false;
            if !self.sheet.same_tab(sheet) {
                self.sheet = sheet;
            }
        }
        match outcome {
            Ok(text) if !text.is_empty() => {
                self.message = Some(Message::Done {
                    title: action.name().into(),
                    text,
                })
            }
            Err(why) => {
                self.message = Some(Message::Failed {
                    title: action.name().into(),
                    why,
                })
            }
            Ok(_) => {}
        }
    }

    fn new_at(&mut self, path: PathBuf) {
        if path.exists() {
            self.message = Some(Message::NewFileExists(path));
            return;
        }
        self.switch_to(&path);
    }

    fn save_as(&mut self, path: PathBuf) {
        if same_file(&path, self.session.path()) {
            return;
        }
        match self.session.store().copy_to(&path) {
            Ok(()) => self.switch_to(&path),
            Err(e) => self.message = Some(Message::SaveFailed(e.to_string())),
        }
    }

    /// 規程（Word）取込: reads the draft and finds its spots (a few milliseconds: no job), then shows
    /// the 規程 sheet.
    pub fn import_policy(&mut self, path: &Path) {
        self.commit_drafts();
        match operations::policy_document::import(&mut self.session, path) {
            Ok(spots) => {
                let count = |k| spots.iter().filter(|s| s.kind == k).count();
                self.message = Some(Message::PolicyImported {
                    path: path.to_path_buf(),
                    rewrite: count(SpotKind::Rewrite),
                    choose: count(SpotKind::Choose),
                });
                self.show_start = false;
                self.sheet = super::views::Sheet::Policy;
            }
            Err(e) => {
                self.message = Some(Message::PolicyFailed {
                    action: Action::PolicyImport,
                    why: e.to_string(),
                })
            }
        }
    }

    /// 規程（Word）出力 to `path` (the file dialog's answer; tests call it directly).
    pub fn export_policy(&mut self, path: PathBuf) {
        self.commit_drafts();
        self.message = Some(
            match operations::policy_document::export(&self.session, &path) {
                Ok(_) => Message::Written {
                    what: "規程（Word）",
                    path,
                },
                Err(e) => Message::PolicyFailed {
                    action: Action::PolicyExport,
                    why: e.to_string(),
                },
            },
        );
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

    /// 基本方針をPDF出力 to `path` (the file dialog's answer; tests call it directly).
    pub fn save_basic_policy(&mut self, path: PathBuf) {
        self.commit_drafts();
        self.job = Some(Job::pdf_request(
            BasicPolicyRequest::new(&self.session),
            path,
        ));
    }

    /// 連絡網をPDF出力 to `path` (the file dialog's answer; tests call it directly).
    pub fn save_contacts(&mut self, path: PathBuf) {
        self.commit_drafts();
        self.job = Some(Job::pdf_request(ContactsRequest::new(&self.session), path));
    }

    /// 経営者への報告をPDF出力 to `path`, for the last 12 months (the command line takes any period).
    pub fn save_annual(&mut self, path: PathBuf) {
        self.commit_drafts();
        match AnnualRequest::last_year(&self.session) {
            Ok(request) => self.job = Some(Job::pdf_request(request, path)),
            Err(e) => self.message = Some(Message::ReportFailed(e.to_string())),
        }
    }

    /// 確認リストをPDF出力: the 委託先 `id`'s evaluation of `year`, or its blank form.
    pub fn save_supplier(
        &mut self,
        id: crate::domain::supplier::SupplierId,
        year: i32,
        path: PathBuf,
    ) {
        self.commit_drafts();
        match SupplierRequest::new(&self.session, id, year) {
            Some(request) => self.job = Some(Job::pdf_request(request, path)),
            None => {
                self.message = Some(Message::ReportFailed(
                    "委託先が見つかりません。削除されています。".to_string(),
                ))
            }
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

/// The name the save dialog (and the typed path) starts with.
fn default_file_name(action: Action) -> Option<&'static str> {
    match action {
        Action::New => Some("riskbook.db"),
        Action::SaveAs => Some("riskbook-コピー.db"),
        Action::Export => Some("リスク分析シート.xlsx"),
        Action::Pdf => Some("診断結果.pdf"),
        Action::BasicPolicyPdf => Some("情報セキュリティ基本方針.pdf"),
        Action::AnnualPdf => Some("経営者への報告.pdf"),
        Action::ContactsPdf => Some("連絡網.pdf"),
        Action::SupplierPdf(..) => Some("委託先確認リスト.pdf"),
        Action::PolicyExport => Some("規程.docx"),
        _ => None,
    }
}

/// The system's file dialog for `action`, titled with its name.
pub(super) fn file_dialog(action: Action) -> rfd::FileDialog {
    let mut dialog = rfd::FileDialog::new().set_title(action.name());
    dialog = match action {
        Action::New | Action::Open | Action::SaveAs => {
            dialog.add_filter("riskbook データベース", &["db", "sqlite"])
        }
        Action::Import => dialog.add_filter("Excel ブック", &["xlsx", "xlsm", "xls"]),
        Action::ImportList => dialog.add_filter(
            "表（Excel、CSV）",
            &["xlsx", "xlsm", "xls", "ods", "csv", "tsv", "txt"],
        ),
        Action::Export => dialog.add_filter("Excel ブック", &["xlsx"]),
        Action::Pdf
        | Action::BasicPolicyPdf
        | Action::AnnualPdf
        | Action::ContactsPdf
        | Action::SupplierPdf(..) => dialog.add_filter("PDF", &["pdf"]),
        Action::PolicyImport | Action::PolicyExport => dialog.add_filter("Word 文書", &["docx"]),
        Action::CheckSheetImport => dialog.add_filter("Excel ブック", &["xlsx", "xlsm", "xls"]),
        Action::CheckSheetExport => dialog.add_filter("Excel ブック", &["xlsx", "xlsm"]),
        _ => dialog,
    };
    match default_file_name(action) {
        Some(name) => dialog.set_file_name(name),
        None => dialog,
    }
}
