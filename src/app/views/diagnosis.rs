//! 診断結果: per category the implementation rate and whether a policy is needed, the assets per risk
//! class, and the assets with リスク大 first.

use crate::app::views::explain::show_lines;
use crate::app::views::plan::plan_button;
use crate::app::widgets::{date_picker, draft_field, header_row, level_cell, level_colors};
use crate::calc::Assessment;
use crate::calc::diagnosis::PRIORITIES_NEED_ANSWERS;
use crate::calc::explain::{Line, explain_category};
use crate::calc::priority::{ItemGain, ThreatGain, item_gains, threat_gains};
use crate::calc::{LevelCounts, RiskLevel};
use crate::domain::Edit;
use crate::domain::Measure;
use crate::domain::register::COMPUTED_SHOWN;
use crate::domain::{Settings, Workbook};
use crate::operations::Session;
use eframe::egui::{self, RichText, Ui};
use egui_extras::{Column as TableColumn, TableBuilder};

#[derive(Default)]
pub struct DiagnosisView {
    company: Option<String>,
    assessor: Option<String>,
    /// What the view derives from the session, for the revision it was derived at.
    derived: Option<Derived>,
    /// The category whose 実施率 and mark are explained, with its explanation (made for the
    /// results revision it holds).
    explained: Option<(u8, u64, Vec<Line>)>,
}

/// 対策優先度 and the risky assets in order: worked out once per change, not per frame.
struct Derived {
    revision: u64,
    threats: Vec<ThreatGain>,
    items: Vec<ItemGain>,
    risky_rows: Vec<usize>,
}

impl Derived {
    fn of(session: &Session) -> Derived {
        Derived {
            revision: session.calculation_revision(),
            threats: threat_gains(session.workbook()),
            items: item_gains(session.workbook()),
            risky_rows: session.assessment().risky_rows(),
        }
    }
}

/// The risky assets, every one of them: the table lays out only the rows in view, so a frame
/// costs the same at 100 or 100,000 rows.
fn risky_table(ui: &mut Ui, workbook: &Workbook, assessment: &Assessment, rows: &[usize]) {
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
    let headers = [
        "No.",
        "情報資産名称",
        "媒体・保存先",
        "重要度",
        "脅威",
        "脆弱性",
        "可能性",
        "リスク値",
        // Not 「リスク対応」: that names the tab.
        "対応",
    ];
    let mut table = TableBuilder::new(ui)
        .id_salt("risky_assets")
        .striped(true)
        .max_scroll_height(420.0)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
    for width in [56.0, 260.0, 110.0, 50.0, 40.0, 50.0, 50.0] {
        table = table.column(TableColumn::initial(width).clip(true));
    }
    table
        .column(TableColumn::initial(110.0))
        .column(TableColumn::remainder().at_least(70.0))
        .header(row_height, |mut header| {
            for h in headers {
                header.col(|ui| {
                    ui.strong(h);
                });
            }
        })
        .body(|body| {
            body.rows(row_height, rows.len(), |mut row| {
                let i = rows[row.index()];
                let a = &workbook.assets[i];
                let r = &assessment.assets[i];
                let n = |v: Option<u8>| v.map_or("—".to_string(), |v| v.to_string());
                let computed = COMPUTED_SHOWN.map(|c| n(r.number(c)));
                let texts = [
                    (i + 1).to_string(),
                    a.name.clone(),
                    a.medium.map_or("", |m| m.name()).to_string(),
                ];
                for text in texts.into_iter().chain(computed) {
                    row.col(|ui| {
                        ui.label(text);
                    });
                }
                row.col(|ui| {
                    level_cell(
                        ui,
                        &format!("{} {}", n(r.risk), r.level.label()),
                        r.level,
                        100.0,
                    );
                });
                // The decision only: what it lacks is said on the リスク対応 tab.
                row.col(|ui| match workbook.treatment(a.id) {
                    Some(t) => {
                        ui.label(t.decision.label());
                    }
                    None => {
                        ui.weak("未決定");
                    }
                });
            });
        });
}

/// The 対策優先度 tables: threats, then single items, each only where something would drop.
/// Returns the edit of a clicked 「計画に追加」 or 「再開」.
fn priority_section(
    ui: &mut Ui,
    wb: &Workbook,
    threats: &[ThreatGain],
    items: &[ItemGain],
) -> Option<Edit> {
    let mut add = None;
    ui.heading("対策優先度（リスクを下げる効果の大きい順）");
    ui.label("その脅威に関係するチェック項目をすべて「1 実施している」にした場合に、リスク大の数とリスク値の合計がどれだけ減るか。");
    let useful: Vec<_> = threats
        .iter()
        .filter(|g| g.gain.risk_drop > 0)
        .take(10)
        .collect();
    if useful.is_empty() {
        ui.label("対策を進めてもリスク値が下がる脅威はありません（脅威の頻度が未設定か、すでに最小です）。");
    } else {
        egui::Grid::new("threat_priority")
            .striped(true)
            .num_columns(5)
            .show(ui, |ui| {
                header_row(
                    ui,
                    &[
                        "媒体・保存先",
                        "脅威",
                        "リスク大の減少",
                        "リスク値合計の減少",
                        "実施が必要な項目",
                    ],
                );
                for g in useful {
                    ui.label(g.medium.name());
                    ui.label(&g.name);
                    ui.label(format!("{} 件", g.gain.high_drop));
                    ui.label(g.gain.risk_drop.to_string());
                    let nos: Vec<String> =
                        g.open_items.iter().map(|n| format!("No.{}", n.0)).collect();
                    ui.add(egui::Label::new(nos.join(", ")).wrap());
                    let measure = Measure::Threat(g.threat);
                    if let Some(edit) = plan_button(ui, wb, measure, &g.name) {
                        add = Some(edit);
                    }
                    ui.end_row();
                }
            });
    }
    ui.add_space(6.0);
    let single: Vec<_> = items
        .iter()
        .filter(|g| g.gain.risk_drop > 0)
        .take(10)
        .collect();
    if single.is_empty() {
        ui.label("1 項目だけを実施してもリスク値は下がりません。上の表の脅威ごとに、関係する項目をまとめて実施してください。");
    } else {
        ui.label(RichText::new("1 項目で効果のあるチェック項目").strong());
        egui::Grid::new("item_priority")
            .striped(true)
            .num_columns(4)
            .show(ui, |ui| {
                for g in single {
                    ui.label(format!("No.{}", g.no.0));
                    ui.add(egui::Label::new(&g.question).wrap());
                    ui.label(format!("リスク大 −{} 件", g.gain.high_drop));
                    ui.label(format!("リスク値 −{}", g.gain.risk_drop));
                    let measure = Measure::Item(g.no);
                    if let Some(edit) = plan_button(ui, wb, measure, &format!("No.{}", g.no.0)) {
                        add = Some(edit);
                    }
                    ui.end_row();
                }
            });
    }
    add
}

/// A text field saved when it loses focus.
/// A category's name, styled as the link it is: a click shows (or hides) its explanation.
fn category_link(ui: &mut Ui, text: &str, shown: bool) -> egui::Response {
    let color = ui.visuals().hyperlink_color;
    ui.selectable_label(shown, RichText::new(text).color(color).underline())
        .on_hover_cursor(egui::CursorIcon::PointingHand)
        .on_hover_text("クリックで、実施率と策定の必要性がどう決まったかを下に示します")
}

/// 実施率 as a bar with its text. Empty at 0 % (egui's progress bar draws a rounded blob there,
/// which reads as progress), filled in proportion above.
fn rate_bar(ui: &mut Ui, fraction: f32, text: &str) -> egui::Response {
    let size = egui::vec2(160.0, ui.spacing().interact_size.y);
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::hover());
    let visuals = ui.visuals();
    let bar = rect.shrink2(egui::vec2(0.0, 2.0));
    let painter = ui.painter();
    painter.rect_filled(bar, 3.0, visuals.extreme_bg_color);
    painter.rect_stroke(
        bar,
        3.0,
        visuals.widgets.noninteractive.bg_stroke,
        egui::StrokeKind::Inside,
    );
    if fraction > 0.0 {
        let filled = egui::Rect::from_min_size(
            bar.min,
            egui::vec2(bar.width() * fraction.min(1.0), bar.height()),
        );
        painter.rect_filled(filled, 3.0, visuals.selection.bg_fill);
    }
    painter.text(
        bar.left_center() + egui::vec2(6.0, 0.0),
        egui::Align2::LEFT_CENTER,
        text,
        egui::TextStyle::Body.resolve(ui.style()),
        visuals.text_color(),
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::accesskit::Role::Label, true, text));
    response
}

/// Horizontal bars of the asset count per class.
fn level_chart(ui: &mut Ui, counts: &LevelCounts) {
    let max = counts.largest().max(1) as f32;
    let bar_width = 320.0;
    egui::Grid::new("level_chart")
        .num_columns(3)
        .show(ui, |ui| {
            for level in RiskLevel::ALL {
                let n = counts[level];
                ui.label(level.label());
                let (rect, _) =
                    ui.allocate_exact_size(egui::vec2(bar_width, 18.0), egui::Sense::hover());
                let filled = egui::Rect::from_min_size(
                    rect.min,
                    egui::vec2(bar_width * n as f32 / max, 18.0),
                );
                ui.painter()
                    .rect_filled(rect, 2.0, ui.visuals().faint_bg_color);
                ui.painter().rect_filled(filled, 2.0, level_colors(level).0);
                ui.label(format!("{n} 件"));
                ui.end_row();
            }
        });
}

impl DiagnosisView {
    /// The explanation of the category clicked (`toggled`: a click this frame; None: none).
    fn category_explanation(
        &mut self,
        ui: &mut Ui,
        session: &Session,
        toggled: Option<Option<u8>>,
    ) {
        let revision = session.calculation_revision();
        let wanted = match toggled {
            Some(choice) => choice,
            None => self.explained.as_ref().map(|(no, _, _)| *no),
        };
        self.explained = wanted.and_then(|no| match self.explained.take() {
            Some(kept) if kept.0 == no && kept.1 == revision => Some(kept),
            _ => {
                let wb = session.workbook();
                let e = explain_category(wb, session.assessment(), session.diagnosis(), no)?;
                Some((no, revision, e.lines(wb)))
            }
        });
        if let Some((_, _, lines)) = &self.explained {
            egui::Frame::group(ui.style()).show(ui, |ui| {
                ui.set_max_width(760.0);
                show_lines(ui, lines);
            });
        }
    }

    /// The 会社名 / 診断実施者 being typed but not saved yet, as one edit; the drafts are cleared.
    fn settings_draft(&mut self, settings: &Settings) -> Option<Edit> {
        let mut changed = settings.clone();
        if let Some(company) = self.company.take() {
            changed.company = company;
        }
        if let Some(assessor) = self.assessor.take() {
            changed.assessor = assessor;
        }
        (changed != *settings).then_some(Edit::SetSettings(changed))
    }

    fn show(&mut self, ui: &mut Ui, session: &Session) -> Vec<Edit> {
        let mut edits = Vec::new();
        // A category name clicked this frame: Some(Some(no)) to show it, Some(None) to hide.
        let mut explain: Option<Option<u8>> = None;
        let workbook = session.workbook();
        let diagnosis = session.diagnosis();
        let settings = &workbook.settings;
        egui::ScrollArea::vertical()
            .id_salt("diagnosis_scroll")
            .show(ui, |ui| {
                ui.horizontal_wrapped(|ui| {
                    let mut changed = settings.clone();
                    let mut any = false;
                    if let Some(v) =
                        draft_field(ui, "会社名", &settings.company, &mut self.company)
                    {
                        changed.company = v;
                        any = true;
                    }
                    if let Some(v) =
                        draft_field(ui, "診断実施者", &settings.assessor, &mut self.assessor)
                    {
                        changed.assessor = v;
                        any = true;
                    }
                    ui.label("診断日");
                    if let Some(d) = date_picker(
                        ui,
                        egui::Id::unique("assessed_on"),
                        "診断日",
                        settings.assessed_on,
                    ) {
                        changed.assessed_on = d;
                        any = true;
                    }
                    if any {
                        edits.push(Edit::SetSettings(Settings { ..changed }));
                    }
                });
                ui.separator();
                ui.heading("対策状況チェックの診断結果");
                ui.label(format!(
                "対策状況チェック 回答済み {} / {} 問（未回答は「実施していない」として数えます）",
                diagnosis.answered, diagnosis.total
            ));
                egui::Grid::new("diagnosis_table")
                    .striped(true)
                    .num_columns(4)
                    .min_col_width(80.0)
                    .show(ui, |ui| {
                        header_row(ui, &[
                            "対策の種類（情報セキュリティポリシー名称）",
                            "策定の必要性",
                            "対策の実施率",
                            "対策規定の要否",
                        ]);
                        for c in &diagnosis.categories {
                            let shown = self.explained.as_ref().is_some_and(|(no, _, _)| *no == c.no);
                            if category_link(ui, &format!("({}) {}", c.no, c.name), shown).clicked() {
                                explain = Some(if shown { None } else { Some(c.no) });
                            }
                            ui.label(RichText::new(c.mark_text()).size(if c.unanswered() { 14.0 } else { 18.0 }))
                                .on_hover_text(if c.unanswered() {
                                    "この分類の項目にまだ回答がありません"
                                } else {
                                    match c.need {
                                        crate::calc::PolicyNeed::Essential => {
                                            "◎：リスク大の情報資産を生む脅威への対策を含みます"
                                        }
                                        crate::calc::PolicyNeed::Needed => {
                                            "○：ポリシーの策定が必要です"
                                        }
                                        crate::calc::PolicyNeed::NotNeeded => "—：自社には該当しません",
                                    }
                                });
                            rate_bar(ui, c.rate.unwrap_or(0.0) as f32, &c.rate_label()).on_hover_text(
                                format!(
                                    "実施している {} 問 / 該当する {} 問（全 {} 問、回答済み {} 問）",
                                    c.implemented, c.applicable, c.items, c.answered
                                ),
                            );
                            ui.label(c.policy_line());
                            ui.end_row();
                        }
                    });
                self.category_explanation(ui, session, explain);
                ui.separator();
                ui.heading("リスク値ごとの情報資産の数");
                level_chart(ui, &diagnosis.level_counts);
                ui.separator();
                if self
                    .derived
                    .as_ref()
                    .is_none_or(|d| d.revision != session.calculation_revision())
                {
                    self.derived = Some(Derived::of(session));
                }
                let Some(derived) = &self.derived else {
                    return;
                };
                if diagnosis.answered == 0 {
                    ui.heading("対策優先度（リスクを下げる効果の大きい順）");
                    ui.label(PRIORITIES_NEED_ANSWERS);
                } else {
                    edits.extend(priority_section(
                        ui,
                        workbook,
                        &derived.threats,
                        &derived.items,
                    ));
                }
                ui.separator();
                ui.heading("対策が必要な情報資産（リスク大から）");
                let rows = &derived.risky_rows;
                if rows.is_empty() {
                    ui.label("リスク大・リスク中の情報資産はありません。");
                }
                if !rows.is_empty() {
                    ui.label(format!(
                        "{} 件（リスクの高い順）。台帳の「リスク」の絞り込みと並べ替えでも見られます。",
                        rows.len()
                    ));
                    risky_table(ui, workbook, session.assessment(), rows);
                }
            });
        edits
    }
}

impl super::View for DiagnosisView {
    fn sheet(&self) -> super::Sheet {
        super::Sheet::Diagnosis
    }

    fn ui(&mut self, ui: &mut Ui, session: &Session) -> super::Requests {
        self.show(ui, session).into()
    }

    fn take_drafts(&mut self, workbook: &Workbook) -> Vec<Edit> {
        self.settings_draft(&workbook.settings)
            .into_iter()
            .collect()
    }
}
