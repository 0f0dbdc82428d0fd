//! The path of a file typed in, when the system's file dialog gave none. rfd cannot say whether
//! the user cancelled or no dialog could be shown, so the window asks here instead of doing
//! nothing; a user who cancelled closes it with キャンセル or Esc.

use super::actions::Action;
use eframe::egui;
use std::path::PathBuf;

pub struct PathEntry {
    /// What the file is for.
    pub action: Action,
    text: String,
    /// Why the path typed cannot be used.
    problem: Option<String>,
    focused: bool,
}

impl PathEntry {
    pub fn new(action: Action, suggested: String) -> PathEntry {
        PathEntry {
            action,
            text: suggested,
            problem: None,
            focused: false,
        }
    }

    /// `None` while the user is typing; then the path to use, or `Some(None)` when cancelled.
    pub fn ui(&mut self, ctx: &egui::Context) -> Option<Option<PathBuf>> {
        let file = self.action.file()?;
        let mut answer = None;
        let modal = egui::Modal::new(egui::Id::unique("path_entry")).show(ctx, |ui| {
            ui.set_max_width(640.0);
            ui.heading(self.action.name());
            ui.add(
                egui::Label::new(format!(
                    "ファイルが選ばれませんでした。ファイルを選ぶ画面が出なかったときは、{}の場所（フルパス）をここに入れてください。",
                    file.what
                ))
                .wrap(),
            );
            let label = ui.label("ファイルの場所：");
            let field = ui
                .add(egui::TextEdit::singleline(&mut self.text).desired_width(600.0))
                .labelled_by(label.id);
            if !self.focused {
                field.request_focus();
                self.focused = true;
            }
            if let Some(problem) = &self.problem {
                ui.colored_label(ui.visuals().error_fg_color, problem);
            }
            let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.horizontal(|ui| {
                if ui.button("OK").clicked() || entered {
                    answer = self.check(file.writes).map(Some);
                }
                if ui.button("キャンセル").clicked() {
                    answer = Some(None);
                }
            });
        });
        if modal.should_close() && answer.is_none() {
            answer = Some(None);
        }
        answer
    }

    /// The path typed, if it can be used: a file to read must exist, a file to write needs its
    /// folder. Quotes around it (Windows' 「パスのコピー」 adds them) are dropped.
    fn check(&mut self, writes: bool) -> Option<PathBuf> {
        let path = PathBuf::from(self.text.trim().trim_matches('"'));
        let problem = if path.as_os_str().is_empty() {
            Some("ファイルの場所を入れてください。".to_string())
        } else if writes {
            let folder = path.parent().filter(|p| !p.as_os_str().is_empty());
            match folder {
                Some(folder) if !folder.is_dir() => {
                    Some(format!("フォルダー「{}」がありません。", folder.display()))
                }
                _ if path.is_dir() => {
                    Some("フォルダーではなくファイルの名前を入れてください。".to_string())
                }
                _ => None,
            }
        } else if !path.is_file() {
            Some(format!(
                "「{}」というファイルはありません。",
                path.display()
            ))
        } else {
            None
        };
        self.problem = problem;
        self.problem.is_none().then_some(path)
    }
}
