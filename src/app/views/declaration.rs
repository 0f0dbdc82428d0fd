//! 基本方針・SECURITY ACTION: where the company stands on the two steps of SECURITY ACTION (the
//! 5か条 from its answers; the 自社診断 and the 基本方針 for ★★), and the 基本方針 itself — the
//! company's own text (started from our example if wished), 制定日, 代表者名, when and where it was
//! published — printable as one page (基本方針をPDF出力).

use crate::app::actions::Action;
use crate::app::views::plan::plan_button;
use crate::app::widgets::{date_picker, draft_field};
use crate::calc::security_action::{RuleState, five_rules, two_star_missing};
use crate::domain::declaration::example::example_statement;
use crate::domain::{Answer, Declaration, Edit, Measure, SelfCheckScore, Workbook};
use crate::operations::Session;
use eframe::egui::{self, Color32, RichText, Ui};

const INTRO: &str = "SECURITY ACTION は、中小企業が情報セキュリティ対策に取り組むことを自ら宣言する IPA の制度です。\
★ 一つ星は「情報セキュリティ5か条」に取り組むことを、★★ 二つ星は「5分でできる！情報セキュリティ自社診断」で自社の状況を\
つかんだうえで情報セキュリティ基本方針を定め、外部に公開したことを宣言します。申し込みは IPA のホームページからです。";

const POLICY_INTRO: &str = "会社として情報セキュリティにどう取り組むかを、代表者の名前で示す短い宣言です。\
社員に示し、事務所に掲示したりホームページに載せたりします。「例文を入れる」で riskbook の例文（構成と文の例）から始め、\
自社の言葉に直してください。";

const DONE_COLOR: Color32 = Color32::from_rgb(0, 120, 60);

/// Text typed but not saved yet; each is saved when its field loses the keyboard.
#[derive(Default)]
pub struct DeclarationView {
    text: Option<String>,
    representative: Option<String>,
    published_where: Option<String>,
    score: Option<String>,
    /// Why the score typed last could not be saved.
    score_problem: Option<String>,
}

impl super::View for DeclarationView {
    fn sheet(&self) -> super::Sheet {
        super::Sheet::Declaration
    }

    fn ui(&mut self, ui: &mut Ui, session: &Session) -> super::Requests {
        let workbook = session.workbook();
        let mut requests = super::Requests::default();
        egui::ScrollArea::vertical()
            .id_salt("declaration_scroll")
            .show(ui, |ui| {
                ui.set_max_width(900.0);
                requests.edits.extend(security_action(ui, workbook));
                let mut changed = workbook.declaration.clone();
                self.self_check(ui, &mut changed);
                ui.separator();
                self.basic_policy(ui, workbook, &mut changed, &mut requests.action);
                if changed != workbook.declaration {
                    requests.edits.push(Edit::SetDeclaration(changed));
                }
            });
        requests
    }

    fn take_drafts(&mut self, workbook: &Workbook) -> Vec<Edit> {
        let mut changed = workbook.declaration.clone();
        self.apply_drafts(&mut changed);
        if changed == workbook.declaration {
            Vec::new()
        } else {
            vec![Edit::SetDeclaration(changed)]
        }
    }
}

impl DeclarationView {
    /// Puts every draft into `declaration` and clears them.
    fn apply_drafts(&mut self, declaration: &mut Declaration) {
        let policy = &mut declaration.basic_policy;
        if let Some(text) = self.text.take() {
            policy.text = text;
        }
        if let Some(name) = self.representative.take() {
            policy.representative = name;
        }
        if let Some(place) = self.published_where.take() {
            policy.published_where = place;
        }
        if let Some(typed) = self.score.take() {
            self.read_score(&typed, declaration);
        }
    }

    /// Puts the score typed into `declaration` (empty: none); one that cannot be a score stays
    /// out, and why is shown until the next try.
    fn read_score(&mut self, typed: &str, declaration: &mut Declaration) {
        self.score_problem = None;
        if typed.trim().is_empty() {
            declaration.self_check.score = None;
        } else {
            match SelfCheckScore::parse(typed) {
                Ok(score) => declaration.self_check.score = Some(score),
                Err(e) => self.score_problem = Some(e.to_string()),
            }
        }
    }

    fn self_check(&mut self, ui: &mut Ui, changed: &mut Declaration) {
        ui.add_space(8.0);
        ui.label(
            RichText::new("★★ 二つ星：自社診断で状況をつかみ、基本方針を定めて公開したことを宣言")
                .strong(),
        );
        ui.horizontal(|ui| {
            ui.label("自社診断の実施日");
            if let Some(date) = date_picker(
                ui,
                egui::Id::unique("self_check_on"),
                "自社診断の実施日",
                changed.self_check.done_on,
            ) {
                changed.self_check.done_on = date;
            }
            ui.add_space(16.0);
            let saved = changed
                .self_check
                .score
                .map(|s| s.value().to_string())
                .unwrap_or_default();
            if let Some(typed) = draft_field(ui, "自社診断の点数", &saved, &mut self.score) {
                self.read_score(&typed, changed);
            }
            ui.label("点（−25〜100）");
        });
        if let Some(problem) = &self.score_problem {
            ui.colored_label(ui.visuals().error_fg_color, problem);
        }
        let missing = two_star_missing(changed);
        if missing.is_empty() {
            ui.colored_label(
                DONE_COLOR,
                "二つ星の宣言に必要なもの（自社診断、基本方針の制定と公開）がそろっています。",
            );
        } else {
            ui.label(format!("二つ星にまだ足りないもの：{}", missing.join("、")));
        }
    }

    fn basic_policy(
        &mut self,
        ui: &mut Ui,
        workbook: &Workbook,
        changed: &mut Declaration,
        action: &mut Option<Action>,
    ) {
        ui.heading("情報セキュリティ基本方針");
        ui.label(POLICY_INTRO);
        let policy = &mut changed.basic_policy;
        ui.horizontal(|ui| {
            let empty = policy.text.trim().is_empty() && self.text.is_none();
            if ui
                .add_enabled(empty, egui::Button::new("例文を入れる"))
                .on_hover_text(
                    "riskbook が書いた構成と文の例を本文に入れます（会社名を入れてあれば使います）",
                )
                .on_disabled_hover_text("本文が空のときだけ使えます")
                .clicked()
            {
                policy.text = example_statement(&workbook.settings.company);
            }
            if ui
                .button(Action::BasicPolicyPdf.label())
                .on_hover_text("掲示・公開用の 1 ページの PDF を作ります")
                .clicked()
            {
                *action = Some(Action::BasicPolicyPdf);
            }
        });
        let mut text = self.text.clone().unwrap_or_else(|| policy.text.clone());
        let response = ui
            .add(
                egui::TextEdit::multiline(&mut text)
                    .desired_rows(16)
                    .desired_width(f32::INFINITY)
                    .hint_text(
                        "ここに基本方針の本文を書きます（題名と日付・署名は PDF に自動で入ります）",
                    ),
            )
            .accessible_name("基本方針の本文");
        if response.changed() {
            self.text = Some(text);
        }
        if response.lost_focus()
            && let Some(text) = self.text.take()
        {
            policy.text = text;
        }
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            ui.label("制定日");
            if let Some(date) = date_picker(
                ui,
                egui::Id::unique("established_on"),
                "制定日",
                policy.established_on,
            ) {
                policy.established_on = date;
            }
            ui.add_space(16.0);
            if let Some(name) = draft_field(
                ui,
                "代表者名",
                &policy.representative,
                &mut self.representative,
            ) {
                policy.representative = name;
            }
            ui.label(RichText::new("例：代表取締役 山田太郎").weak());
        });
        ui.horizontal(|ui| {
            ui.label("公開日");
            if let Some(date) = date_picker(
                ui,
                egui::Id::unique("published_on"),
                "公開日",
                policy.published_on,
            ) {
                policy.published_on = date;
            }
            ui.add_space(16.0);
            if let Some(place) = draft_field(
                ui,
                "公開先",
                &policy.published_where,
                &mut self.published_where,
            ) {
                policy.published_where = place;
            }
            ui.label(RichText::new("例：ホームページ、事務所の掲示").weak());
        });
        let missing = policy.missing();
        if !missing.is_empty() {
            ui.label(format!(
                "PDF にするには、まだ{}を入れてください。",
                missing.join("・")
            ));
        }
    }
}

/// The ★ part: the 5か条, each with its state from the answers and, for a question still open,
/// 「計画に追加」. Returns the edit of a click.
fn security_action(ui: &mut Ui, workbook: &Workbook) -> Vec<Edit> {
    let mut edits = Vec::new();
    ui.heading("SECURITY ACTION（セキュリティ対策自己宣言）");
    ui.label(INTRO);
    ui.add_space(8.0);
    ui.label(RichText::new("★ 一つ星：情報セキュリティ5か条に取り組むことを宣言").strong());
    let standings = five_rules(workbook);
    egui::Grid::new("five_rules")
        .striped(true)
        .num_columns(4)
        .show(ui, |ui| {
            for header in ["", "5か条", "今の状況", "対策状況チェックの回答"] {
                ui.label(RichText::new(header).strong());
            }
            ui.end_row();
            for standing in &standings {
                ui.label(standing.rule.no.to_string());
                ui.label(standing.rule.title)
                    .on_hover_text(standing.rule.meaning);
                ui.label(RichText::new(standing.state.label()).color(state_color(standing.state)))
                    .on_hover_text("関係する問いがすべて「1 実施している」（「4 該当しない」を除く）なら「できている」");
                ui.vertical(|ui| {
                    for (no, answer) in &standing.answers {
                        ui.horizontal(|ui| {
                            let answer_text = answer.map_or("未回答".to_string(), |a| {
                                format!("{} {}", a.value(), a.label())
                            });
                            ui.label(format!("No.{}：{answer_text}", no.0));
                            if Answer::leaves_open(*answer) {
                                edits.extend(plan_button(
                                    ui,
                                    workbook,
                                    Measure::Item(*no),
                                    &format!("No.{}", no.0),
                                ));
                            }
                        });
                    }
                });
                ui.end_row();
            }
        });
    let done = standings
        .iter()
        .filter(|s| s.state == RuleState::Done)
        .count();
    ui.label(format!(
        "5か条のうち {done} つが「できている」です。一つ星は取り組むことの宣言なので、できていない条は対策計画に入れて進めましょう。"
    ));
    edits
}

fn state_color(state: RuleState) -> Color32 {
    match state {
        RuleState::Done => DONE_COLOR,
        RuleState::Partly => Color32::from_rgb(160, 110, 0),
        RuleState::NotDone => Color32::from_rgb(190, 30, 30),
        RuleState::Unanswered => Color32::GRAY,
    }
}
