//! What the user can ask of the window by name — the ファイル and 編集 menus, the start screen's
//! buttons, the shortcuts — and the one name each has. The menu, the start screen, the file
//! dialogs' titles and the messages all take the name from here, so that they cannot drift apart.

/// An action the window offers under a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// The start screen's 「新しく台帳を作る」: begin on the empty database already open.
    StartRegister,
    /// A new database file.
    New,
    Open,
    SaveAs,
    /// An IPA リスク分析シート replaces everything.
    Import,
    /// Another program's list goes into the 台帳.
    ImportList,
    Export,
    Pdf,
    /// The company's policy draft (Word) is read and its spots found (規程).
    PolicyImport,
    /// The policy draft written with the filled spots.
    PolicyExport,
    Print,
    /// The 情報セキュリティ基本方針 as a one-page PDF.
    BasicPolicyPdf,
    /// 経営者への報告: the annual report for the last 12 months as PDF.
    AnnualPdf,
    /// A customer's check sheet read and shown before it is stored (取引先シート).
    CheckSheetImport,
    /// The answers of the check sheet in front written into a copy of the customer's file.
    CheckSheetExport,
    /// The 連絡網 as a one-page PDF to post by the phone.
    ContactsPdf,
    /// A 委託先's evaluation of a year (a blank 確認リスト when there is none) as PDF.
    SupplierPdf(crate::domain::supplier::SupplierId, i32),
    Sample,
    Undo,
    Redo,
    Quit,
}

impl Action {
    /// The action's name, as a message or a dialog's title names it: 「Excel取込」.
    pub fn name(self) -> &'static str {
        match self {
            Action::StartRegister => "新しく台帳を作る",
            Action::New => "新規",
            Action::Open => "開く",
            Action::SaveAs => "名前を付けて保存",
            Action::Import => "Excel取込",
            Action::ImportList => "ほかの表から台帳へ取り込む",
            Action::Export => "Excel出力",
            Action::Pdf => "PDF出力",
            Action::PolicyImport => "規程（Word）取込",
            Action::PolicyExport => "規程（Word）出力",
            Action::Print => "印刷",
            Action::BasicPolicyPdf => "基本方針をPDF出力",
            Action::AnnualPdf => "経営者への報告をPDF出力",
            Action::CheckSheetImport => "取引先チェックシート取込",
            Action::CheckSheetExport => "取引先チェックシートに回答を書き戻す",
            Action::ContactsPdf => "連絡網をPDF出力",
            Action::SupplierPdf(..) => "確認リストをPDF出力",
            Action::Sample => "見本データを読み込む",
            Action::Undo => "元に戻す",
            Action::Redo => "やり直し",
            Action::Quit => "終了",
        }
    }

    /// The text of its menu item or button: the name, 「…」 when a dialog asks for more before
    /// anything happens, and the shortcut.
    pub fn label(self) -> String {
        let name = self.name();
        match self {
            Action::New
            | Action::Open
            | Action::SaveAs
            | Action::Import
            | Action::ImportList
            | Action::Export
            | Action::Pdf
            | Action::PolicyImport
            | Action::PolicyExport
            | Action::Print
            | Action::BasicPolicyPdf
            | Action::AnnualPdf
            | Action::CheckSheetImport
            | Action::CheckSheetExport
            | Action::ContactsPdf
            | Action::SupplierPdf(..) => format!("{name}…"),
            Action::Undo => format!("{name} (Ctrl+Z)"),
            Action::Redo => format!("{name} (Ctrl+Y)"),
            Action::Quit => format!("{name} (Ctrl+Q)"),
            Action::StartRegister | Action::Sample => name.to_string(),
        }
    }

    /// For an action that needs a file: what the file is, and whether it is written (a file the
    /// user names) rather than read (a file that must exist).
    pub fn file(self) -> Option<FileUse> {
        let (what, writes) = match self {
            Action::New => ("新しいデータベース", true),
            Action::Open => ("riskbook のデータベース", false),
            Action::SaveAs => ("コピーの保存先", true),
            Action::Import => ("リスク分析シート（.xlsx・.xlsm・.xls）", false),
            Action::ImportList => ("取り込む表（Excel・CSV）", false),
            Action::Export => ("書き出す Excel ブック（.xlsx）", true),
            Action::Pdf
            | Action::BasicPolicyPdf
            | Action::AnnualPdf
            | Action::ContactsPdf
            | Action::SupplierPdf(..) => ("保存する PDF", true),
            Action::PolicyImport => ("規程の文書（Word、.docx）", false),
            Action::PolicyExport => ("書き出す規程の文書（.docx）", true),
            Action::CheckSheetImport => ("取引先のチェックシート（.xlsx・.xlsm・.xls）", false),
            Action::CheckSheetExport => ("回答を書き戻したコピーの保存先", true),
            _ => return None,
        };
        Some(FileUse { what, writes })
    }
}

/// What a file-taking action does with its file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileUse {
    /// 「取り込む表（Excel・CSV）」
    pub what: &'static str,
    pub writes: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_is_its_name_with_what_follows() {
        assert_eq!(Action::ImportList.label(), "ほかの表から台帳へ取り込む…");
        assert_eq!(Action::Quit.label(), "終了 (Ctrl+Q)");
        assert_eq!(Action::Sample.label(), "見本データを読み込む");
    }

    #[test]
    fn the_scale_refusal_names_the_action_that_reads_one_to_three() {
        // The domain's message cannot use this module; it must still say the same name.
        let refusal = crate::entry::RatingScale::ONE_TO_THREE_REFUSAL;
        assert!(refusal.contains(&format!("ファイル → {}", Action::ImportList.name())));
    }
}
