//! One module per sheet of the workbook, plus the start view and the list import.
//!
//! Every sheet is a `View`, and `sheets()` lists them in tab order: the app knows them only through
//! the trait (as egui's demo app knows its demos), so a new capability adds a module and one line
//! there, not fields and match arms to `RiskbookApp`.

pub mod checks;
pub mod checksheet;
pub mod declaration;
pub mod diagnosis;
pub mod explain;
pub mod history;
pub mod list_import;
pub mod plan;
pub mod policies;
pub mod policy;
pub mod register;
pub mod start;
pub mod supplier;
pub mod threats;
pub mod todo;
pub mod treatment;
pub mod year;

use crate::domain::{AssetId, Edit, Workbook};
use crate::operations::Session;
use eframe::egui::{self, Ui};

/// Which sheet: what other parts of the window use to bring one to the front (an import shows
/// the 台帳).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sheet {
    Todo,
    Register,
    Threats,
    Checks,
    Diagnosis,
    Treatment,
    Plan,
    /// 取引先シート, on one customer's sheet (None: the one in front before).
    CheckSheet(Option<crate::domain::checksheet::SheetId>),
    Policies,
    Policy,
    Declaration,
    /// 年間の記録, on one of its sections.
    Year(year::Section),
    Supplier,
    History,
}

impl Sheet {
    /// The tab's title.
    pub fn title(self) -> &'static str {
        match self {
            Sheet::Todo => "今やること",
            Sheet::Register => "情報資産管理台帳",
            Sheet::Threats => "脅威の状況",
            Sheet::Checks => "対策状況チェック",
            Sheet::Diagnosis => "診断結果",
            Sheet::Treatment => "リスク対応",
            Sheet::Plan => "対策計画",
            Sheet::CheckSheet(_) => "取引先シート",
            Sheet::Policies => "規程",
            Sheet::Policy => "規程（Word）",
            Sheet::Declaration => "基本方針",
            Sheet::Year(_) => "年間の記録",
            Sheet::Supplier => "委託先",
            Sheet::History => "履歴",
        }
    }

    /// Whether both name the same tab (年間の記録 on any of its sections is one tab).
    pub fn same_tab(self, other: Sheet) -> bool {
        std::mem::discriminant(&self) == std::mem::discriminant(&other)
    }
}

/// What a view asks of the app in one frame: edits to save, or to confirm the assessment.
#[derive(Debug, Default)]
pub struct Requests {
    pub edits: Vec<Edit>,
    /// 「診断を確定」 with its note.
    pub confirm: Option<String>,
    /// A line for the status bar about what the edits did (「２」を「2」として読みました); an empty
    /// one takes the last one away (a value refused: the last reading is no longer news).
    pub note: Option<String>,
    /// An action of the window asked for by a button of the view (基本方針をPDF出力).
    pub action: Option<crate::app::actions::Action>,
    /// A tab to bring to the front (今やること's buttons), on the section named.
    pub show: Option<Sheet>,
    /// Work on the database that is not an edit (a check sheet stored or removed).
    pub operation: Option<Operation>,
}

/// Work a view asks for that changes the database beyond an edit: the app saves what is being
/// typed, runs it with the session and shows its message (an empty one shows nothing).
pub struct Operation {
    pub title: &'static str,
    pub run: Box<RunOperation>,
}

/// The work of an `Operation`: Ok with what to tell the user, or Err with why it failed.
pub type RunOperation = dyn FnOnce(&mut Session) -> Result<String, String>;

impl std::fmt::Debug for Operation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Operation")
            .field("title", &self.title)
            .finish()
    }
}

impl From<Vec<Edit>> for Requests {
    fn from(edits: Vec<Edit>) -> Self {
        Requests {
            edits,
            ..Requests::default()
        }
    }
}

/// A sheet of the window.
pub trait View {
    fn sheet(&self) -> Sheet;

    fn ui(&mut self, ui: &mut Ui, session: &Session) -> Requests;

    /// The app brings this view to the front as `sheet` (one of its sections).
    fn open(&mut self, _sheet: Sheet) {}

    /// Text typed but not saved yet (a field still has focus), as edits; the drafts are cleared.
    /// The app takes them before anything reads, writes or leaves the data.
    fn take_drafts(&mut self, _workbook: &Workbook) -> Vec<Edit> {
        Vec::new()
    }

    /// A file the user chose for an action this view asked for (取引先チェックシート取込); None when
    /// the action is not the view's. Ok carries what to tell the user (empty: nothing).
    fn use_file(
        &mut self,
        _action: crate::app::actions::Action,
        _path: &std::path::Path,
        _session: &Session,
    ) -> Option<Result<String, String>> {
        None
    }

    /// An asset that an edit of this frame inserted (the 台帳 makes it current).
    fn on_inserted(&mut self, _id: AssetId) {}

    /// Whether the window's shortcuts (Ctrl+Z …) may act although one of the view's widgets has
    /// the keyboard: a current 台帳 cell not typed in yet, or the 台帳 grid itself.
    fn lets_shortcuts_act(&self, _ctx: &egui::Context) -> bool {
        false
    }
}

/// The sheets in tab order.
pub fn sheets() -> Vec<Box<dyn View>> {
    vec![
        Box::new(todo::TodoView::default()),
        Box::new(register::RegisterView::default()),
        Box::new(threats::ThreatsView),
        Box::new(checks::ChecksView),
        Box::new(diagnosis::DiagnosisView::default()),
        Box::new(treatment::TreatmentView::default()),
        Box::new(plan::PlanView::default()),
        Box::new(checksheet::CheckSheetView::default()),
        // 手順4 follows 手順3: the rules are written once the measures are decided.
        Box::new(policies::PoliciesView::default()),
        Box::new(policy::PolicyView::default()),
        Box::new(declaration::DeclarationView::default()),
        Box::new(year::YearView::default()),
        Box::new(supplier::SupplierView::default()),
        Box::new(history::HistoryView::default()),
    ]
}
